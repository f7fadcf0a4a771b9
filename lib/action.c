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
#include "dbquery.h"
#include "action.h"
#include "fields.h"
#include "names.h"
#include "row.h"

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
const char *
action_select_sql(struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_select(&action_def, "", "WHERE t.network_id = ?1 AND "
	    "(?2 IS NULL OR t.id = ?2) AND (?3 IS NULL OR t.status = ?3) "
	    "AND (?4 IS NULL OR t.party = ?4) "
	    "AND (?5 IS NULL OR t.owner_id = ?5) "
	    "AND (?6 IS NULL OR t.meeting_id = ?6) "
	    "AND (?7 IS NULL OR t.due >= ?7) AND (?8 IS NULL OR t.due <= ?8) "
	    "AND (?9 IS NULL OR t.status = 'open') "
	    "ORDER BY t.due, t.id", sql, sizeof(sql), err);
}

int
action_query(sqlite3 *db, const struct network *net,
    const struct action_filter *f, sqlite3_stmt **st,
    struct ally_error *err)
{
	const char *sql;

	if ((sql = action_select_sql(err)) == NULL ||
	    db_prepare(db, sql, st, err) != 0)
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
	if (f->has_min)
		db_bind_date(*st, 7, f->due_min);
	if (f->has_max)
		db_bind_date(*st, 8, f->due_max);
	if (f->open_only)
		sqlite3_bind_int(*st, 9, 1);
	return 0;
}

struct record *
action_record(sqlite3_stmt *st)
{
	struct record *r;

	if ((r = record_new()) == NULL)
		return NULL;
	if (row_columns(st, r, action_record_fields, A_NFIELDS, 0) != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

static int
meeting_exists(sqlite3 *db, long long net, long long id, int *found,
    struct ally_error *err)
{
	*found = db_exists(db, err, "SELECT 1 FROM meeting WHERE "
	    "network_id = ? AND id = ?", 2, net, id);
	return *found < 0 ? -1 : 0;
}

/* What an action's record is applied with. */
struct action_arg {
	long long	 meeting;	/* the minutes' meeting, or 0 */
	char		 role[16];	/* the owner's, when one is given */
};

/*
 * New or changed text must not name a member; the text an action had
 * is not looked at again, so that a list printed, edited and fed back
 * is not refused for a name let through before (--allow-names).
 */
static int
check_names(struct row_apply *a, int j, const char *v,
    struct ally_error *err)
{
	if (a->old != NULL && a->old->v[j] != NULL &&
	    strcmp(a->old->v[j], v) == 0)
		return 0;
	return names_check(a->db, a->net, a->r,
	    action_def.fields[j].name, err);
}

/* The owner's alias, checked against the network's members. */
static int
overlay_owner(struct row_apply *a, const char *v, char role[16],
    struct ally_error *err)
{
	const struct record *r = a->r;
	char status[16];
	long long id = 0;
	int rc;

	if (v != NULL && valid_alias(v) != 0)
		return field_error(r, "owner", err, "'%s' is not an alias", v);
	if (v != NULL && (rc = row_find(a->db, ROW_MEMBER_SQL, a->net->id, v, &id,
	    role, status, err)) <= 0)
		return rc < 0 ? -1 : ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "owner"), "owner", "no member %s in "
		    "network %s", v, a->net->name);
	/*
	 * A member who left may still be named on the actions they had;
	 * only a new assignment must go to someone at the table.
	 */
	if (v != NULL && strcmp(status, "left") == 0 && (a->old == NULL ||
	    a->old->v[A_OWNER] == NULL || strcmp(a->old->v[A_OWNER], v) != 0))
		return field_error(r, "owner", err, "%s has left the network; "
		    "give the action to a current member", v);
	a->row->ref[A_OWNER] = id;
	return row_set(a->row, A_OWNER, v) == 0 ? 1 :
	    ally_errorf(err, EX_OSERR, "out of memory");
}

static int
check_meeting(struct row_apply *a, const char *v, struct ally_error *err)
{
	long long n;
	int found;

	if (parse_int(v, 1, INT64_MAX, &n) != 0)
		return field_error(a->r, "meeting", err, "'%s' is not a "
		    "meeting id", v);
	if (meeting_exists(a->db, a->net->id, n, &found, err) != 0)
		return -1;
	if (!found)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "meeting"), "meeting", "no meeting %s in "
		    "network %s", v, a->net->name);
	return 0;
}

/* An action's own fields: the meeting, the owner, the texts' names. */
static int
action_field(struct row_apply *a, int j, const char **v,
    struct ally_error *err)
{
	struct action_arg *arg = a->arg;

	switch (j) {
	case A_MEETING:
		if (arg->meeting != 0)
			return 1;
		return *v == NULL ? 0 : check_meeting(a, *v, err);
	case A_TITLE:
		return check_names(a, j, *v, err);
	case A_OWNER:
		return overlay_owner(a, *v, arg->role, err);
	case A_NOTE:
		return *v == NULL ? 0 : check_names(a, j, *v, err);
	}
	return 0;
}

/* Every change bumps the revision; a new action's day is created. */
static const char *const action_empty[ROW_MAX] = {
	[A_TITLE] = N_("empty; an action needs a title"),
	[A_DUE] = N_("empty; an action needs a due date"),
};

static struct row_spec action_spec = {
	.def = &action_def,
	/* xgettext:c-format */
	.unknown = N_("unknown field (an action has: %s)"),
	.text_kinds = ROW_KIND(FK_TEXT) | ROW_KIND(FK_MULTILINE),
	.len_kinds = ROW_KIND(FK_TEXT) | ROW_KIND(FK_MULTILINE),
	.field = action_field,
	.empty = action_empty,
	.extra_col = "created",
	.extra_set = "revision = revision + 1",
};
/* open -> done or dropped, and back to open; never done <-> dropped. */
static int
transition_ok(const char *from, const char *to)
{
	return strcmp(from, to) == 0 || strcmp(from, "open") == 0 ||
	    strcmp(to, "open") == 0;
}

/* The rules that join fields: what a new action needs; closing dates. */
static int
check_rules(const struct record *r, const struct row *old,
    struct row *a, const char *role, const char *todays,
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

/*
 * The record's id against the stored action; *stale when it carries a
 * revision other than the stored one.
 */
static int
match_stored(sqlite3 *db, const struct network *net,
    const struct record *r, struct row *old, int *have_old,
    int *stale, struct ally_error *err)
{
	const char *v;
	long long id, rev;
	int rc;

	*have_old = *stale = 0;
	if (row_id(r, &id, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	if ((rc = row_load(db, &action_spec, net->id, id, old, err)) < 0)
		return -1;
	if (rc == 0)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "id"), "id", "no action %s in network %s",
		    record_get(r, "id"), net->name);
	*have_old = 1;
	if ((v = record_get(r, "revision")) == NULL)
		return 0;
	if (parse_int(v, 1, INT64_MAX, &rev) != 0)
		return field_error(r, "revision", err, "'%s' is not a "
		    "revision number", v);
	/* As numbers: "02" or "+2" is revision 2. */
	*stale = rev != strtoll(old->v[A_REVISION], NULL, 10);
	return 0;
}

/* The row a record starts from: the stored one, or a new action's. */
static int
action_start(struct row_apply *a, const struct row *old, long long meeting,
    struct ally_error *err)
{
	char mbuf[24];

	if (old != NULL ? row_copy(a->row, old) != 0 :
	    row_set(a->row, A_STATUS, "open") != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if (meeting == 0)
		return 0;
	snprintf(mbuf, sizeof(mbuf), "%lld", meeting);
	return row_set(a->row, A_MEETING, mbuf) == 0 ? 0 :
	    ally_errorf(err, EX_OSERR, "out of memory");
}

/*
 * An edit of an old copy would undo what changed since; the same copy
 * fed back twice, or one that agrees anyway, changes nothing.
 */
static int
action_write(struct row_apply *a, int stale, const char *todays,
    const char **changed, long long *idp, struct ally_error *err)
{
	const struct row *old = a->old;
	int same = old != NULL && row_diff(&action_spec, old, a->row) == 0;

	if (stale && !same)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "revision"), "revision", "action %lld "
		    "was changed after this copy was printed (revision %s, "
		    "now %s): print it again and redo the edit", old->id,
		    record_get(a->r, "revision"), old->v[A_REVISION]);
	return row_write(a, todays, changed, idp, err);
}

int
action_apply(sqlite3 *db, const struct network *net, const struct record *r,
    long long meeting, day_t today, const char **changed, long long *idp,
    struct ally_error *err)
{
	struct action_arg arg;
	struct row_apply a;
	struct row old, row;
	char todays[11];
	int have_old, stale, rc = -1, found;

	row_begin(&a, &action_spec, db, net, r, &row, &old, today);
	if (row_check(&a, err) != 0 || row_network(r, net, err) != 0)
		return -1;
	if (meeting != 0) {
		if (meeting_exists(db, net->id, meeting, &found, err) != 0)
			return -1;
		if (!found)
			return ally_error_at(err, EX_DATAERR, r->file,
			    r->line, "meeting", "no meeting %lld in network "
			    "%s", meeting, net->name);
	}
	memset(&arg, 0, sizeof(arg));
	arg.meeting = meeting;
	a.arg = &arg;
	date_format(today, todays);
	if (match_stored(db, net, r, &old, &have_old, &stale, err) != 0)
		goto out;
	a.old = have_old ? &old : NULL;
	if (action_start(&a, a.old, meeting, err) == 0 &&
	    row_overlay(&a, err) == 0 &&
	    check_rules(r, a.old, &row, arg.role, todays, err) == 0 &&
	    action_write(&a, stale, todays, changed, idp, err) == 0)
		rc = 0;
out:
	row_free(&old);
	row_free(&row);
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
	const char *party;
	int rc, i;

	memset(out, 0, 4 * sizeof(*out));
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	db_bind_date(st, 2, since);
	db_bind_date(st, 3, until);
	db_bind_date(st, 4, asof);
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

int
action_drop_unlisted(sqlite3 *db, long long meeting, struct record **s,
    size_t n, struct ally_error *err)
{
	sqlite3_stmt *st, *del;
	const char *v;
	long long id, keep;
	size_t i;
	int rc, listed;

	if (db_prepare(db, "SELECT id FROM action WHERE meeting_id = ?", &st,
	    err) != 0)
		return -1;
	if (db_prepare(db, "DELETE FROM action WHERE id = ?", &del,
	    err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, meeting);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		for (listed = 0, i = 0; i < n && !listed; i++)
			listed = (v = record_get(s[i], "id")) != NULL &&
			    parse_int(v, 1, INT64_MAX, &keep) == 0 &&
			    keep == id;
		if (listed)
			continue;
		sqlite3_reset(del);
		sqlite3_bind_int64(del, 1, id);
		if ((rc = sqlite3_step(del)) != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(del);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "action");
}

int
action_expire(sqlite3 *db, long long net, const char *before, long *n,
    struct ally_error *err)
{
	return db_expire(db, "UPDATE action SET note = NULL WHERE network_id = ?"
	    "1 AND closed IS NOT NULL AND closed < ?2 AND note IS NOT NULL", net, NULL, before, n, err);
}
