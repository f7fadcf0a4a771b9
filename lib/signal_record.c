/*
 * signal_record.c: recording signals (a crisis call round, the themes of
 * minutes) in one write session (see thermometer.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "member.h"
#include "render.h"
#include "session.h"
#include "thermometer.h"

struct apply {
	struct ally_session	 s;
	long			 n;
	struct progress		*progress;	/* on a terminal only */
};

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* What was stored, for the results printed after the commit. */
static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct apply *a = arg;
	struct record *out;
	const char *v;
	long long id;
	int rc, level = 0;

	if (signal_apply(a->s.db, &a->s.net, r, 0, a->s.today, &id, err) != 0)
		return -1;
	a->n++;
	progress_update(a->progress, a->n);
	if (a->s.spool == NULL)
		return 0;
	if ((out = record_new()) == NULL)
		return oom(err);
	/* The level as a number: signal_apply checked the text is one. */
	(void)signal_parse_tension(record_get(r, "tension"), &level);
	rc = record_set_int(out, "id", id) != 0 ||
	    record_set(out, "date", (v = record_get(r, "date")) ? v : "") ||
	    record_set(out, "theme", record_get(r, "theme")) != 0 ||
	    record_set_int(out, "tension", level) != 0 ||
	    record_set(out, "source", record_get(r, "source")) != 0 ||
	    record_set(out, "change", record_get(r, "id") == NULL ? "added" :
	    signal_changed(a->s.db) ? "updated" : "unchanged") != 0 ||
	    record_set_int(out, "line", (long long)r->line) != 0;
	if (rc != 0) {
		record_free(out);
		return oom(err);
	}
	rc = session_result(&a->s, out, err);
	record_free(out);
	return rc;
}

/*
 * The results are printed only after the commit, from the session's
 * temporary file (none with SIGNAL_RECORD_QUIET).
 */
int
signal_record_files(const struct ally_opts *o, char *const *files, int n,
    int flags, void (*warn)(const char *, ...), FILE *progress,
    struct ally_error *err)
{
	struct apply a;
	struct alias_map aliases;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	memset(&aliases, 0, sizeof(aliases));
	if (session_open(&a.s, o, flags & SIGNAL_RECORD_QUIET ?
	    SESSION_QUIET : 0, warn, err) != 0)
		return -1;
	/* Signals add no member: the aliases and names are read once. */
	if (person_alias_map(a.s.db, a.s.net.id, &aliases, err) != 0 ||
	    session_names(&a.s, flags & SIGNAL_RECORD_ALLOW_NAMES,
	    "report-sentiment -r", "member names let through in signals",
	    err) != 0)
		goto out;
	a.s.net.aliases = &aliases;
	if (progress != NULL)
		a.progress = progress_start(progress, "report-sentiment", 0);
	rc = session_apply(&a.s, files, n, apply_one, &a, err);
	progress_end(a.progress);
	if (rc == 0 && a.n > 0)
		rc = session_audit(&a.s, "report-sentiment -r",
		    "signals recorded", a.n, err);
	if (rc == 0)
		rc = session_finish(&a.s, err);
out:
	session_close(&a.s);
	alias_map_free(&aliases);
	return rc;
}
