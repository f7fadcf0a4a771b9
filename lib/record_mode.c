/*
 * record_mode.c: the modes that log records and list them (see
 * record_mode.h), kept in the library so that the commands stay tables
 * of options.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "contactlog.h"
#include "record_mode.h"
#include "dbquery.h"
#include "fields.h"
#include "opt.h"
#include "session.h"

static const char *const result_fields[] = { "id", "line", "change", NULL };
static const char *const silent_fields[] = { "alias", "last_contact",
    "weeks", NULL };

struct add_arg {
	struct ally_session	 s;
	struct record_mode	*cm;
};

static int
add_one(struct record *r, void *arg, struct ally_error *err)
{
	struct add_arg *a = arg;
	struct record *out;
	const char *changed;
	long long id;
	int rc;

	if (a->cm->apply(a->s.db, &a->s.net, r, a->s.today, &changed, &id,
	    err) != 0)
		return -1;
	if (strcmp(changed, "unchanged") != 0)
		a->cm->changes++;
	if ((out = record_new()) == NULL ||
	    record_set_int(out, "id", id) != 0 ||
	    record_set_int(out, "line", (long long)r->line) != 0 ||
	    record_set(out, "change", changed) != 0) {
		record_free(out);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	rc = session_result(&a->s, out, err);
	record_free(out);
	return rc;
}

int
record_mode_add(struct record_mode *cm, char **argv, int argc,
    void (*warn)(const char *, ...), struct ally_error *err)
{
	struct add_arg a;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	a.cm = cm;
	if (session_open(&a.s, cm->o, cm->quiet ? SESSION_QUIET : 0, warn,
	    err) != 0)
		return -1;
	a.s.columns = result_fields;
	if (session_names(&a.s, cm->allow_names, cm->command, cm->names_what,
	    err) == 0 &&
	    session_apply(&a.s, argv, argc, add_one, &a, err) == 0 &&
	    (cm->changes == 0 || session_audit(&a.s, cm->command, cm->what,
	    cm->changes, err) == 0))
		rc = session_finish(&a.s, err);
	session_close(&a.s);
	return rc;
}

static struct record *
one_row(sqlite3_stmt *st, void *arg)
{
	const struct record_mode *cm = arg;

	return cm->row(st);
}

int
record_mode_list(struct ally_session *s, void *arg, struct ally_error *err)
{
	const struct record_mode *cm = arg;
	struct writer *w;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (cm->query(s->db, &s->net, &st, err) == 0 &&
	    (w = writer_open(stdout, cm->o->format, cm->columns, 0,
	    err)) != NULL) {
		rc = db_write_rows(s->db, st, one_row, (void *)cm, w, err) < 0 ?
		    -1 : 0;
		if (writer_close(w, rc == 0 ? err : NULL) != 0)
			rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

int
record_mode_silent(struct ally_session *s, void *arg,
    struct ally_error *err)
{
	struct record_mode *cm = arg;
	struct record **v = NULL;
	size_t n = 0, i;
	int rc;

	rc = contact_silent(s->db, &s->net, s->today - 7 * cm->weeks,
	    s->today, &v, &n, err);
	cm->nothing = rc == 0 && n == 0;
	if (rc == 0 && n > 0)
		rc = records_write(cm->o->format, 0, v, n, silent_fields, err);
	for (i = 0; i < n; i++)
		record_free(v[i]);
	free(v);
	return rc;
}
