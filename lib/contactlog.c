/*
 * contactlog.c: the contact log, what keeps the relation warm between
 * the meetings.
 *
 * Personal contact in times of peace is the lesson the method names
 * first: a call, a visit, a message, a word at the meeting.  Each is
 * logged with the day, who of the police or the municipality made it
 * and with which ally; the last contact per ally tells who has not been
 * spoken to for weeks, and the review counts the contacts of a half
 * year.  The note is one line about the contact, never a member's name.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "contactlog.h"
#include "dbquery.h"
#include "fields.h"
#include "names.h"
#include "row.h"

enum { C_ID, C_NETWORK, C_DATE, C_KIND, C_BY, C_WITH, C_NOTE };

/* The note is checked only when it is new or changed. */
static int
check_note(struct row_apply *a, const char *v, struct ally_error *err)
{
	if (v == NULL || (a->old != NULL && a->old->v[C_NOTE] != NULL &&
	    strcmp(a->old->v[C_NOTE], v) == 0))
		return 0;
	return names_check(a->db, a->net, a->r, "note", err);
}

/*
 * by: a member of the police or the municipality; with: an ally; both
 * of this network.
 */
static int
overlay_member(struct row_apply *a, int j, const char *v,
    struct ally_error *err)
{
	const char *field = contact_def.fields[j].name;
	char role[ROW_WORD], status[ROW_WORD];
	long long id;
	int rc, ally;

	if (valid_alias(v) != 0)
		return field_error(a->r, field, err, "'%s' is not an alias", v);
	if ((rc = row_find(a->db, ROW_MEMBER_SQL, a->net->id, v, &id, role,
	    status, err)) <= 0)
		return rc < 0 ? -1 : ally_error_at(err, EX_DATAERR,
		    a->r->file, record_line(a->r, field), field,
		    "no member %s in network %s", v, a->net->name);
	ally = strcmp(role, "ally") == 0;
	if (j == C_BY && ally)
		return field_error(a->r, field, err, "%s is an ally; by is the "
		    "alias of the police or municipality member who made the "
		    "contact", v);
	if (j == C_WITH && !ally)
		return field_error(a->r, field, err, "%s is no ally; with is "
		    "the alias of the ally spoken with", v);
	a->row->ref[j] = id;
	return row_set(a->row, j, v) == 0 ? 1 : ally_errorf(err, EX_OSERR,
	    "out of memory");
}

static int
contact_field(struct row_apply *a, int j, const char **v,
    struct ally_error *err)
{
	switch (j) {
	case C_BY:
	case C_WITH:
		return *v == NULL ? 0 : overlay_member(a, j, *v, err);
	case C_NOTE:
		return check_note(a, *v, err);
	}
	return 0;
}

static const char *const contact_empty[ROW_MAX] = {
	[C_DATE] = N_("empty; a contact needs its date"),
	[C_KIND] = N_("empty; one of: call, visit, message, meeting"),
	[C_BY] = N_("empty; a contact needs the alias of who made it"),
	[C_WITH] = N_("empty; a contact needs the alias of the ally"),
};

static struct row_spec contact_spec = {
	.def = &contact_def,
	/* xgettext:c-format */
	ROW_SPEC_LINES(
	    N_("unknown field (a contact has: %s)"), contact_field,
	    contact_empty)
};

/* What a new contact needs. */
static int
check_new(const struct record *r, const struct row *row,
    struct ally_error *err)
{
	static const int need[] = { C_DATE, C_KIND, C_BY, C_WITH };
	size_t i;

	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (row->v[need[i]] == NULL)
			return field_error(r, contact_def.fields[need[i]].name,
			    err, "%s", _(contact_empty[need[i]]));
	return 0;
}

int
contact_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, const char **changed, long long *idp,
    struct ally_error *err)
{
	struct row_apply a;
	struct row old, row;
	int rc;

	row_begin(&a, &contact_spec, db, net, r, &row, &old, today);
	rc = row_load_given(&a, &old, _("contact"), err) < 0 ||
	    row_overlay(&a, err) != 0 || check_new(r, &row, err) != 0 ? -1 : 0;
	return row_end(&a, rc, changed, idp, err);
}

int
contact_query(sqlite3 *db, const struct network *net, sqlite3_stmt **st,
    struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_query(db, &contact_def, "WHERE t.network_id = ?1 "
	    "ORDER BY t.date, t.id", sql, sizeof(sql), net->id, st, err);
}

struct record *
contact_record(sqlite3_stmt *st)
{
	return db_row_record(st, contact_fields);
}

/* One silent ally as a record: alias, last_contact, weeks. */
static struct record *
silent_record(sqlite3_stmt *st, day_t today)
{
	struct record *r;
	const char *last = (const char *)sqlite3_column_text(st, 1);
	day_t d;

	if ((r = record_new()) == NULL)
		return NULL;
	if (db_column_to_record(st, 0, r, "alias") == 0 &&
	    (last == NULL || date_parse(last, &d) != 0 ||
	    (record_set(r, "last_contact", last) == 0 &&
	    record_set_int(r, "weeks", (today - d) / 7) == 0)))
		return r;
	record_free(r);
	return NULL;
}

int
contact_silent(sqlite3 *db, const struct network *net, day_t since,
    day_t today, struct record ***out, size_t *nout, struct ally_error *err)
{
	static const char sql[] = "SELECT p.alias, (SELECT max(c.date) FROM "
	    "contact c WHERE c.with_id = p.id AND c.date <= ?3) AS last "
	    "FROM person p WHERE p.network_id = ?1 AND p.role = 'ally' AND "
	    "p.status = 'active' AND coalesce(last, '') <= ?2 "
	    "ORDER BY last IS NOT NULL, last, length(p.alias), p.alias";
	struct record *r, **v;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*nout = 0;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	db_bind_date(st, 2, since);
	db_bind_date(st, 3, today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = silent_record(st, today)) == NULL ||
		    (v = reallocarray(*out, *nout + 1, sizeof(*v))) == NULL) {
			record_free(r);
			sqlite3_finalize(st);
			return ally_errorf(err, EX_OSERR, "out of memory");
		}
		*out = v;
		v[(*nout)++] = r;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "contact");
}

int
contact_tally(sqlite3 *db, long long person, day_t from, day_t to,
    char last[11], long long *count, struct ally_error *err)
{
	static const char sql[] = "SELECT (SELECT max(date) FROM contact "
	    "WHERE with_id = ?1 AND date <= ?3), (SELECT count(*) FROM "
	    "contact WHERE with_id = ?1 AND date BETWEEN ?2 AND ?3)";
	sqlite3_stmt *st;
	const unsigned char *s;
	int rc;

	last[0] = '\0';
	*count = 0;
	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	db_bind_date(st, 2, from);
	db_bind_date(st, 3, to);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((s = sqlite3_column_text(st, 0)) != NULL)
			snprintf(last, 11, "%s", (const char *)s);
		*count = sqlite3_column_int64(st, 1);
	}
	db_release(st);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, "contact");
}

int
contact_erase(sqlite3 *db, long long person, struct ally_error *err)
{
	return row_erase(db, &contact_def, "with_id", person, err);
}

int
contact_reseal(sqlite3 *db, long long net, long *n, struct ally_error *err)
{
	return row_reseal(db, &contact_spec, net, n, err);
}

int
contact_expire(sqlite3 *db, long long net, const char *before, long *n,
    struct ally_error *err)
{
	return db_expire(db, "UPDATE contact SET note = NULL WHERE network_id = "
	    "?1 AND date < ?2 AND note IS NOT NULL", net, NULL, before, n, err);
}
