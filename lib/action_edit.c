/*
 * action_edit.c: the edits of action-track in a write session (see
 * action_edit.h).  An edit is applied by action_apply and reported with
 * the fields it changed, found by comparing the action before and after.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "action.h"
#include "action_edit.h"
#include "fields.h"

struct action_seen {
	long long	 id;
	unsigned long	 line;
};

const char *const action_edit_fields[] = { "id", "line", "change",
    "fields", NULL };

/* One stored action as a record, or NULL (err set when not merely absent). */
static struct record *
load_action(sqlite3 *db, const struct network *net, long long id,
    struct ally_error *err)
{
	struct action_filter f;
	struct record *r = NULL;
	sqlite3_stmt *st;
	int rc;

	memset(&f, 0, sizeof(f));
	f.id = id;
	if (action_query(db, net, &f, &st, err) != 0)
		return NULL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = action_record(st)) == NULL)
			ally_errorf(err, EX_OSERR, "out of memory");
	} else if (rc != SQLITE_DONE)
		db_error(db, rc, err, NULL);
	sqlite3_finalize(st);
	return r;
}

/* The names of the fields that differ, space-separated, into buf. */
static void
changed_fields(const struct record *a, const struct record *b, char *buf,
    size_t len)
{
	const char *x, *y;
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; action_record_fields[i] != NULL; i++) {
		if (strcmp(action_record_fields[i], "revision") == 0)
			continue;
		x = a != NULL ? record_get(a, action_record_fields[i]) : NULL;
		y = record_get(b, action_record_fields[i]);
		if ((x == NULL) != (y == NULL) ||
		    (x != NULL && strcmp(x, y) != 0)) {
			if (a == NULL && y == NULL)
				continue;
			n += snprintf(buf + n, len - n, "%s%s", n ? " " : "",
			    action_record_fields[i]);
			if (n >= len)
				break;
		}
	}
}

static int
keep_result(struct action_edit *a, const struct record *in,
    const struct record *before, long long id, const char *changed,
    struct ally_error *err)
{
	struct record *after, *r;
	char fields[256];
	int rc;

	if ((after = load_action(a->s.db, &a->s.net, id, err)) == NULL)
		return err->code ? -1 : ally_errorf(err, EX_SOFTWARE,
		    "action %lld vanished", id);
	if (strcmp(changed, "unchanged") == 0)
		fields[0] = '\0';
	else
		changed_fields(before, after, fields, sizeof(fields));
	if ((r = record_new()) == NULL ||
	    record_set_int(r, "id", id) != 0 ||
	    (in->line > 0 ? record_set_int(r, "line", (long long)in->line) :
	    record_set_null(r, "line")) != 0 ||
	    record_set(r, "change", changed) != 0 ||
	    record_set(r, "fields", fields) != 0) {
		record_free(after);
		record_free(r);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	record_free(after);
	rc = session_result(&a->s, r, err);
	record_free(r);
	if (strcmp(changed, "unchanged") != 0)
		a->changes++;
	return rc;
}

/*
 * A second record for an action already edited in this input must agree
 * with the first: applied again (its revision is the one the first edit
 * replaced), it must change nothing.
 */
static int
check_repeat(struct action_edit *a, const struct record *r, long long id,
    struct ally_error *err)
{
	struct record *copy;
	const char *changed;
	long long got;
	size_t i;
	int rc;

	for (i = 0; i < a->nseen; i++)
		if (a->seen[i].id == id)
			break;
	if (i == a->nseen)
		return 0;
	if ((copy = record_dup(r)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	record_remove(copy, "revision");
	rc = action_apply(a->s.db, &a->s.net, copy, 0, a->s.today, &changed,
	    &got, err);
	record_free(copy);
	if (rc != 0)
		return -1;
	if (strcmp(changed, "unchanged") != 0)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "id"), "id", "action %lld is also edited "
		    "at line %lu, with other values: one edit per action",
		    id, a->seen[i].line);
	return 1;
}

static int
remember(struct action_edit *a, long long id, unsigned long line,
    struct ally_error *err)
{
	struct action_seen *n;

	if ((n = array_grow(a->seen, a->nseen, &a->capseen,
	    sizeof(*n))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	a->seen = n;
	a->seen[a->nseen].id = id;
	a->seen[a->nseen++].line = line;
	return 0;
}

int
action_edit_record(struct record *r, void *arg, struct ally_error *err)
{
	struct action_edit *a = arg;
	struct record *before = NULL;
	const char *changed, *v;
	long long id = 0;
	int rc;

	if ((v = record_get(r, "id")) != NULL) {
		if (a->adding)
			return ally_error_at(err, EX_DATAERR, r->file,
			    record_line(r, "id"), "id", "-a adds new actions; "
			    "to change action %s use -u", v);
		/* A bad id is for action_apply to report. */
		if (parse_int(v, 1, INT64_MAX, &id) == 0) {
			if ((rc = check_repeat(a, r, id, err)) < 0)
				return -1;
			if (rc == 1)
				return keep_result(a, r, NULL, id,
				    "unchanged", err);
			before = load_action(a->s.db, &a->s.net, id, err);
			if (before == NULL && err->code != 0)
				return -1;
		}
	}
	rc = action_apply(a->s.db, &a->s.net, r, 0, a->s.today, &changed,
	    &id, err);
	if (rc == 0 && v != NULL)
		rc = remember(a, id, r->line, err);
	if (rc == 0)
		rc = keep_result(a, r, before, id, changed, err);
	record_free(before);
	return rc;
}

int
action_edit_status(struct action_edit *a, const char *opt, const char *arg,
    const char *status, const char *date, struct ally_error *err)
{
	struct record *r = NULL, *before = NULL;
	const char *changed;
	long long id;
	int rc = -1;

	if (strcmp(status, "open") == 0)
		date = NULL;
	if (parse_int(arg, 1, INT64_MAX, &id) != 0)
		return ally_errorf(err, EX_USAGE, "%s: '%s' is not an action "
		    "id", opt, arg);
	if ((before = load_action(a->s.db, &a->s.net, id, err)) == NULL)
		return err->code ? -1 : ally_errorf(err, EX_DATAERR, "%s: no "
		    "action %lld in network %s", opt, id, a->s.net.name);
	/* Closing twice keeps the first date unless -D corrects it. */
	if (strcmp(record_get(before, "status"), status) == 0 &&
	    date == NULL) {
		rc = keep_result(a, before, before, id, "unchanged", err);
		goto out;
	}
	if ((r = record_new()) == NULL ||
	    record_set_int(r, "id", id) != 0 ||
	    record_set(r, "status", status) != 0 ||
	    (date != NULL && record_set(r, "closed", date) != 0)) {
		rc = ally_errorf(err, EX_OSERR, "out of memory");
		goto out;
	}
	r->file = opt;
	if (action_apply(a->s.db, &a->s.net, r, 0, a->s.today, &changed, &id,
	    err) == 0)
		rc = keep_result(a, r, before, id, changed, err);
out:
	record_free(r);
	record_free(before);
	return rc;
}

void
action_edit_close(struct action_edit *a)
{
	session_close(&a->s);
	free(a->seen);
	a->seen = NULL;
	a->nseen = a->capseen = 0;
}
