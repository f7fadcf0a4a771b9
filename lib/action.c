/*
 * action.c: the actions a network agrees on, and who delivers them.
 *
 * One record adds an action or, matched by id, updates one; the fields
 * the record leaves out stay as they are.  An action is open until it is
 * done or dropped, on its closing date; a closed action may be reopened.
 * Every change bumps the action's revision, so that a copy printed
 * earlier and edited in a spreadsheet cannot silently undo a later
 * change: a record that carries a revision must carry the current one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "action.h"
#include "fields.h"
#include "names.h"

/*
 * The column order of action_select_sql and of struct action_row: the
 * order of action_def (fields.c), whose names are action_record_fields.
 */
enum {
	A_ID, A_NETWORK, A_MEETING, A_TITLE, A_PARTY, A_OWNER, A_DUE,
	A_STATUS, A_CLOSED, A_NOTE, A_REVISION, A_NFIELDS
};

/*
 * Every filter is a bound parameter that is NULL when unused, so that one
 * prepared statement serves every combination.
 */
static const char action_select_sql[] =
    "SELECT a.id, n.name, a.meeting_id, a.title, a.party, p.alias, a.due, "
    "a.status, a.closed, a.note, a.revision "
    "FROM action a JOIN network n ON n.id = a.network_id "
    "LEFT JOIN person p ON p.id = a.owner_id "
    "WHERE a.network_id = ?1 AND (?2 IS NULL OR a.id = ?2) "
    "AND (?3 IS NULL OR a.status = ?3) AND (?4 IS NULL OR a.party = ?4) "
    "AND (?5 IS NULL OR a.owner_id = ?5) "
    "AND (?6 IS NULL OR a.meeting_id = ?6) "
    "AND (?7 IS NULL OR a.due >= ?7) AND (?8 IS NULL OR a.due <= ?8) "
    "AND (?9 IS NULL OR a.status = 'open') "
    "ORDER BY a.due, a.id";

int
action_query(sqlite3 *db, const struct network *net,
    const struct action_filter *f, sqlite3_stmt **st,
    struct ally_error *err)
{
	char buf[11];

	if (db_prepare(db, action_select_sql, st, err) != 0)
		return -1;
	sqlite3_bind_int64(*st, 1, net->id);
	if (f->id != 0)
		sqlite3_bind_int64(*st, 2, f->id);
	db_bind_text(*st, 3, f->status);
	db_bind_text(*st, 4, f->party);
	if (f->owner_id != 0)
		sqlite3_bind_int64(*st, 5, f->owner_id);
	if (f->meeting_id != 0)
		sqlite3_bind_int64(*st, 6, f->meeting_id);
	if (f->has_min) {
		date_format(f->due_min, buf);
		sqlite3_bind_text(*st, 7, buf, -1, SQLITE_TRANSIENT);
	}
	if (f->has_max) {
		date_format(f->due_max, buf);
		sqlite3_bind_text(*st, 8, buf, -1, SQLITE_TRANSIENT);
	}
	if (f->open_only)
		sqlite3_bind_int(*st, 9, 1);
	return 0;
}

struct record *
action_record(sqlite3_stmt *st)
{
	struct record *r;
	int i;

	if ((r = record_new()) == NULL)
		return NULL;
	for (i = 0; i < A_NFIELDS; i++) {
		if (sqlite3_column_type(st, i) == SQLITE_NULL) {
			if (record_set_null(r, action_record_fields[i]) != 0)
				goto fail;
		} else if (db_column_to_record(st, i, r, action_record_fields[i]) != 0)
			goto fail;
	}
	return r;
fail:
	record_free(r);
	return NULL;
}

/* One action's values while a record is applied: NULL is empty. */
struct action_row {
	long long	 id;
	long long	 owner_id;
	char		*v[A_NFIELDS];
};

static void
row_free(struct action_row *a)
{
	int i;

	for (i = 0; i < A_NFIELDS; i++)
		free(a->v[i]);
	memset(a, 0, sizeof(*a));
}

static int
row_set(struct action_row *a, int i, const char *s)
{
	return str_set(&a->v[i], s);
}

/* 1 and the row loaded, 0 no such action in the network, -1 error. */
static int
row_load(sqlite3 *db, const struct network *net, long long id,
    struct action_row *a, struct ally_error *err)
{
	struct action_filter f;
	sqlite3_stmt *st;
	int rc, i;

	memset(&f, 0, sizeof(f));
	f.id = id;
	if (action_query(db, net, &f, &st, err) != 0)
		return -1;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
	}
	a->id = id;
	for (i = 0; i < A_NFIELDS; i++)
		if (row_set(a, i, (const char *)sqlite3_column_text(st, i)))
			break;
	sqlite3_finalize(st);
	if (i != A_NFIELDS)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 1;
}

static int
meeting_exists(sqlite3 *db, long long net, long long id, int *found,
    struct ally_error *err)
{
	*found = db_exists(db, err, "SELECT 1 FROM meeting WHERE "
	    "network_id = ? AND id = ?", 2, net, id);
	return *found < 0 ? -1 : 0;
}

/* A member by alias: 1 found (id, role, status set), 0 not, -1 error. */
static int
owner_lookup(sqlite3 *db, long long net, const char *alias, long long *id,
    char role[16], char status[16], struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id, role, status FROM person WHERE "
	    "network_id = ? AND alias = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, alias, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(role, 16, "%s", sqlite3_column_text(st, 1));
		snprintf(status, 16, "%s", sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

static int
check_text(const struct record *r, const char *field, const char *v,
    int multiline, size_t max, struct ally_error *err)
{
	int rc;

	if ((rc = valid_text(v, multiline)) != 0)
		return field_error(r, field, err, "%s", rc == -2 ?
		    _("a value may not start with '=' (a spreadsheet formula)") :
		    multiline ? _("control characters or invalid UTF-8") :
		    _("one line of text (no newlines or control characters, "
		    "valid UTF-8)"));
	if (strlen(v) > max)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, field), field, "too long (at most %zu "
		    "bytes)", max);
	return 0;
}

/*
 * New or changed text must not name a member; the text an action had
 * is not looked at again, so that a list printed, edited and fed back
 * is not refused for a name let through before (--allow-names).
 */
static int
check_names(sqlite3 *db, const struct network *net, const struct record *r,
    const char *field, const char *v, const struct action_row *old, int j,
    struct ally_error *err)
{
	if (old != NULL && old->v[j] != NULL && strcmp(old->v[j], v) == 0)
		return 0;
	return names_check(db, net, r, field, err);
}

/* The owner's alias, checked against the network's members. */
static int
overlay_owner(sqlite3 *db, const struct network *net,
    const struct record *r, const char *v, struct action_row *a,
    const struct action_row *old, char role[16], struct ally_error *err)
{
	char status[16];
	long long id = 0;
	int rc;

	role[0] = '\0';
	if (v == NULL) {
		a->owner_id = 0;
		return row_set(a, A_OWNER, NULL) == 0 ? 0 :
		    ally_errorf(err, EX_OSERR, "out of memory");
	}
	if (valid_alias(v) != 0)
		return field_error(r, "owner", err, "'%s' is not an alias", v);
	if ((rc = owner_lookup(db, net->id, v, &id, role, status, err)) < 0)
		return -1;
	if (rc == 0)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "owner"), "owner", "no member %s in "
		    "network %s", v, net->name);
	/*
	 * A member who left may still be named on the actions they had;
	 * only a new assignment must go to someone at the table.
	 */
	if (strcmp(status, "left") == 0 && (old == NULL ||
	    old->v[A_OWNER] == NULL || strcmp(old->v[A_OWNER], v) != 0))
		return field_error(r, "owner", err, "%s has left the network; "
		    "give the action to a current member", v);
	a->owner_id = id;
	return row_set(a, A_OWNER, v) == 0 ? 0 :
	    ally_errorf(err, EX_OSERR, "out of memory");
}

/*
 * Overlay the record on the row: every known field the record has,
 * checked one by one.
 */
static int
overlay(sqlite3 *db, const struct network *net, const struct record *r,
    long long meeting, struct action_row *a, const struct action_row *old,
    day_t today, char role[16], struct ally_error *err)
{
	const struct field_def *fd;
	const char *v;
	char list[256];
	long long n;
	size_t i;
	int j, found;

	role[0] = '\0';
	for (i = 0; i < r->nfields; i++) {
		const struct field *f = &r->fields[i];

		for (j = 0; j < A_NFIELDS; j++)
			if (strcmp(f->key, action_record_fields[j]) == 0)
				break;
		if (j == A_NFIELDS)
			return field_error(r, f->key, err, "unknown field "
			    "(an action has: %s)", fields_join(&action_def,
			    list, sizeof(list)));
		fd = &action_def.fields[j];
		if (f->kind == VAL_LIST || f->kind == VAL_RECORDS)
			return field_error(r, f->key, err, "%s", _("expected "
			    "one value, not a list"));
		v = record_get(r, f->key);
		switch (j) {
		case A_ID:
		case A_NETWORK:
		case A_REVISION:
			continue;	/* checked by action_apply */
		case A_MEETING:
			if (meeting != 0)
				continue;
			if (v == NULL)
				break;
			if (parse_int(v, 1, INT64_MAX, &n) != 0)
				return field_error(r, f->key, err, "'%s' is "
				    "not a meeting id", v);
			if (meeting_exists(db, net->id, n, &found, err) != 0)
				return -1;
			if (!found)
				return ally_error_at(err, EX_DATAERR, r->file,
				    record_line(r, f->key), f->key, "no "
				    "meeting %s in network %s", v, net->name);
			break;
		case A_TITLE:
			if (v == NULL)
				return field_error(r, f->key, err, "%s",
				    _("empty; an action needs a title"));
			if (check_text(r, f->key, v, 0, fd->maxlen, err) != 0 ||
			    check_names(db, net, r, f->key, v, old, j,
			    err) != 0)
				return -1;
			break;
		case A_PARTY:
			if (field_check_enum(r, fd, v, err) != 0)
				return -1;
			break;
		case A_OWNER:
			if (overlay_owner(db, net, r, v, a, old, role,
			    err) != 0)
				return -1;
			continue;
		case A_DUE:
			if (v == NULL)
				return field_error(r, f->key, err, "%s",
				    _("empty; an action needs a due date"));
			if (field_check(r, fd, v, today, err) != 0)
				return -1;
			break;
		case A_STATUS:
			if (field_check_enum(r, fd, v, err) != 0)
				return -1;
			break;
		case A_CLOSED:
			if (field_check(r, fd, v, today, err) != 0)
				return -1;
			break;
		case A_NOTE:
			if (v != NULL && (check_text(r, f->key, v, 1, fd->maxlen,
			    err) != 0 || check_names(db, net, r, f->key, v, old,
			    j, err) != 0))
				return -1;
			break;
		}
		if (row_set(a, j, v) != 0)
			return ally_errorf(err, EX_OSERR, "out of memory");
	}
	return 0;
}

/* open -> done or dropped, and back to open; never done <-> dropped. */
static int
transition_ok(const char *from, const char *to)
{
	return strcmp(from, to) == 0 || strcmp(from, "open") == 0 ||
	    strcmp(to, "open") == 0;
}

/* The rules that join fields: what a new action needs; closing dates. */
static int
check_rules(const struct record *r, const struct action_row *old,
    struct action_row *a, const char *role, const char *todays,
    struct ally_error *err)
{
	const char *st = a->v[A_STATUS];

	if (old == NULL) {
		if (a->v[A_TITLE] == NULL)
			return field_error(r, "title", err, "%s", _("a new "
			    "action needs a title"));
		if (a->v[A_DUE] == NULL)
			return field_error(r, "due", err, "%s", _("a new action "
			    "needs a due date"));
		/* The owner's role says whose action it is. */
		if (a->v[A_PARTY] == NULL && role[0] != '\0' &&
		    row_set(a, A_PARTY, role) != 0)
			return ally_errorf(err, EX_OSERR, "out of memory");
		if (a->v[A_PARTY] == NULL)
			return field_error(r, "party", err, "%s", _("a new "
			    "action needs a party (police, municipality, ally "
			    "or joint) or an owner"));
	}
	if (old != NULL && !transition_ok(old->v[A_STATUS], st))
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "status"), "status", "%s cannot become %s "
		    "(reopen it first: status open)", old->v[A_STATUS], st);
	if (strcmp(st, "open") == 0) {
		if (a->v[A_CLOSED] == NULL)
			return 0;
		if (record_get(r, "closed") != NULL)
			return field_error(r, "closed", err, "a closing date, "
			    "but the status is %s", st);
		/* Reopened: the old closing date no longer holds. */
		return row_set(a, A_CLOSED, NULL) == 0 ? 0 :
		    ally_errorf(err, EX_OSERR, "out of memory");
	}
	if (a->v[A_CLOSED] != NULL)
		return 0;
	if (old != NULL && strcmp(old->v[A_STATUS], st) == 0)
		return field_error(r, "closed", err, "empty, but the action "
		    "is %s: give the date it was closed", st);
	return row_set(a, A_CLOSED, todays) == 0 ? 0 :
	    ally_errorf(err, EX_OSERR, "out of memory");
}

static int
row_store(sqlite3 *db, const struct network *net, struct action_row *a,
    int insert, const char *todays, struct ally_error *err)
{
	static const char ins[] = "INSERT INTO action (meeting_id, title, "
	    "party, owner_id, due, status, closed, note, network_id, created) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	static const char upd[] = "UPDATE action SET meeting_id = ?1, "
	    "title = ?2, party = ?3, owner_id = ?4, due = ?5, status = ?6, "
	    "closed = ?7, note = ?8, revision = revision + 1 "
	    "WHERE network_id = ?9 AND id = ?10";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, insert ? ins : upd, &st, err) != 0)
		return -1;
	if (a->v[A_MEETING] != NULL)
		sqlite3_bind_int64(st, 1, strtoll(a->v[A_MEETING], NULL, 10));
	db_bind_text(st, 2, a->v[A_TITLE]);
	db_bind_text(st, 3, a->v[A_PARTY]);
	if (a->owner_id != 0)
		sqlite3_bind_int64(st, 4, a->owner_id);
	db_bind_text(st, 5, a->v[A_DUE]);
	db_bind_text(st, 6, a->v[A_STATUS]);
	db_bind_text(st, 7, a->v[A_CLOSED]);
	db_bind_text(st, 8, a->v[A_NOTE]);
	sqlite3_bind_int64(st, 9, net->id);
	if (insert)
		sqlite3_bind_text(st, 10, todays, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 10, a->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, "action");
	if (insert)
		a->id = sqlite3_last_insert_rowid(db);
	return 0;
}

/* The owner's member id of a loaded row, to keep it when not changed. */
static int
owner_id_of(sqlite3 *db, long long id, long long *owner,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT owner_id FROM action WHERE id = ?", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*owner = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, NULL);
}

/*
 * The record's id against the stored action; *stale when it carries a
 * revision other than the stored one.
 */
static int
match_stored(sqlite3 *db, const struct network *net,
    const struct record *r, struct action_row *old, int *have_old,
    int *stale, struct ally_error *err)
{
	const char *v;
	long long id, rev;
	int rc;

	*have_old = *stale = 0;
	if ((v = record_get(r, "id")) == NULL)
		return 0;
	if (parse_int(v, 1, INT64_MAX, &id) != 0)
		return field_error(r, "id", err, "'%s' is not an id", v);
	if ((rc = row_load(db, net, id, old, err)) < 0)
		return -1;
	if (rc == 0)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "id"), "id", "no action %s in network %s",
		    v, net->name);
	*have_old = 1;
	if (owner_id_of(db, id, &old->owner_id, err) != 0)
		return -1;
	if ((v = record_get(r, "revision")) == NULL)
		return 0;
	if (parse_int(v, 1, INT64_MAX, &rev) != 0)
		return field_error(r, "revision", err, "'%s' is not a "
		    "revision number", v);
	*stale = strcmp(v, old->v[A_REVISION]) != 0;
	return 0;
}

int
action_apply(sqlite3 *db, const struct network *net, const struct record *r,
    long long meeting, day_t today, const char **changed, long long *idp,
    struct ally_error *err)
{
	struct action_row old, a;
	const char *v;
	char todays[11], mbuf[24], role[16];
	int have_old, stale, rc = -1, i, same, found;

	memset(&old, 0, sizeof(old));
	memset(&a, 0, sizeof(a));
	date_format(today, todays);
	if ((v = record_get(r, "network")) != NULL &&
	    strcmp(v, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", v);
	if (meeting != 0) {
		if (meeting_exists(db, net->id, meeting, &found, err) != 0)
			return -1;
		if (!found)
			return ally_error_at(err, EX_DATAERR, r->file,
			    r->line, "meeting", "no meeting %lld in network "
			    "%s", meeting, net->name);
	}
	if (match_stored(db, net, r, &old, &have_old, &stale, err) != 0)
		goto out;
	if (have_old) {
		for (i = 0; i < A_NFIELDS; i++)
			if (row_set(&a, i, old.v[i]) != 0)
				goto oom;
		a.id = old.id;
		a.owner_id = old.owner_id;
	} else if (row_set(&a, A_STATUS, "open") != 0)
		goto oom;
	if (meeting != 0) {
		snprintf(mbuf, sizeof(mbuf), "%lld", meeting);
		if (row_set(&a, A_MEETING, mbuf) != 0)
			goto oom;
	}
	if (overlay(db, net, r, meeting, &a, have_old ? &old : NULL, today,
	    role, err) != 0)
		goto out;
	if (check_rules(r, have_old ? &old : NULL, &a, role, todays,
	    err) != 0)
		goto out;
	same = have_old;
	for (i = A_MEETING; i < A_REVISION && same; i++)
		if ((a.v[i] == NULL) != (old.v[i] == NULL) ||
		    (a.v[i] != NULL && strcmp(a.v[i], old.v[i]) != 0))
			same = 0;
	/*
	 * An edit of an old copy would undo what changed since; the same
	 * copy fed back twice, or one that agrees anyway, changes nothing.
	 */
	if (stale && !same) {
		rc = ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "revision"), "revision", "action %lld was "
		    "changed after this copy was printed (revision %s, now "
		    "%s): print it again and redo the edit", old.id,
		    record_get(r, "revision"), old.v[A_REVISION]);
		goto out;
	}
	if (same) {
		*changed = "unchanged";
	} else {
		if (row_store(db, net, &a, !have_old, todays, err) != 0)
			goto out;
		*changed = have_old ? "updated" : "added";
	}
	*idp = a.id;
	rc = 0;
	goto out;
oom:
	rc = ally_errorf(err, EX_OSERR, "out of memory");
out:
	row_free(&old);
	row_free(&a);
	return rc;
}

int
action_reciprocity(sqlite3 *db, const struct network *net, day_t since,
    day_t until, day_t asof, struct action_tally out[4],
    struct ally_error *err)
{
	/*
	 * An action closed after the "as of" date was still open then, so
	 * that a report on a past period shows what the review saw.
	 */
	static const char sql[] =
	    "SELECT a.party, count(*), "
	    "sum(a.status = 'done' AND a.closed <= ?4), "
	    "sum(a.status = 'done' AND a.closed <= ?4 AND a.closed <= a.due), "
	    "sum((a.status = 'open' OR a.closed > ?4) AND a.due < ?4), "
	    "sum(a.status = 'open' OR a.closed > ?4), "
	    "sum(a.status = 'dropped' AND a.closed <= ?4) "
	    "FROM action a LEFT JOIN meeting m ON m.id = a.meeting_id "
	    "WHERE a.network_id = ?1 "
	    "AND coalesce(m.date, a.created) BETWEEN ?2 AND ?3 "
	    "GROUP BY a.party";
	sqlite3_stmt *st;
	char buf[11];
	const char *party;
	int rc, i;

	memset(out, 0, 4 * sizeof(*out));
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	date_format(since, buf);
	sqlite3_bind_text(st, 2, buf, -1, SQLITE_TRANSIENT);
	date_format(until, buf);
	sqlite3_bind_text(st, 3, buf, -1, SQLITE_TRANSIENT);
	date_format(asof, buf);
	sqlite3_bind_text(st, 4, buf, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		party = (const char *)sqlite3_column_text(st, 0);
		for (i = 0; i < 4; i++)
			if (strcmp(party, action_parties[i]) == 0)
				break;
		if (i == 4)
			continue;
		out[i].taken = sqlite3_column_int64(st, 1);
		out[i].done = sqlite3_column_int64(st, 2);
		out[i].on_time = sqlite3_column_int64(st, 3);
		out[i].overdue = sqlite3_column_int64(st, 4);
		out[i].open = sqlite3_column_int64(st, 5);
		out[i].dropped = sqlite3_column_int64(st, 6);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}
