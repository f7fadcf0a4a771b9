/*
 * guest.c: who sat at the table without being a member.
 *
 * The mayor at the kickoff, the beat officer, a youth worker, an expert
 * invited for one theme: minutes name them by role or organisation,
 * count them apart from the members and never make them chair.  They
 * are no members, so they are never looked up as aliases; a member
 * written as a guest, or a guest's real name, is refused.
 */
#include <string.h>

#include "core.h"
#include "dbquery.h"
#include "fields.h"
#include "guest.h"
#include "names.h"

static const char *const guest_keys[] = { "role", "organisation", NULL };

/* Is v the alias of a member of the network?  1, 0, or -1. */
static int
member_alias(sqlite3 *db, const struct network *net, const char *v,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (valid_alias(v) != 0)
		return 0;
	if (db_prepare_cached(db, "SELECT 1 FROM person WHERE network_id = ? "
	    "AND alias = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	sqlite3_bind_text(st, 2, v, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_release(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "person");
}

static int
guest_text(sqlite3 *db, const struct network *net, struct names *nx,
    const struct record *g, const char *field, char *let, size_t letlen,
    struct ally_error *err)
{
	const struct field_def *f = record_def_field(&guest_def, field);
	const char *v = record_get(g, field);
	int rc;

	if (v == NULL)
		return 0;
	if ((rc = valid_text(v, 0)) != 0)
		return field_error(g, field, err, "%s", text_fault(v, rc, 0));
	if (strlen(v) > f->maxlen)
		return field_error(g, field, err, "%s", _("too long"));
	if ((rc = member_alias(db, net, v, err)) != 0)
		return rc < 0 ? -1 : field_error(g, field, err, "%s is a "
		    "member: list members under present, guests by role or "
		    "organisation", v);
	return names_check_in(nx, g, field, let, letlen, 1, err);
}

int
guest_check(sqlite3 *db, const struct network *net, struct names *nx,
    const struct record *g, char *let, size_t letlen, struct ally_error *err)
{
	if (record_get(g, "role") == NULL && record_get(g, "organisation") ==
	    NULL)
		return field_error(g, "role", err, "%s", _("missing: the "
		    "guest's role (mayor, beat officer ...) or organisation"));
	if (guest_text(db, net, nx, g, "role", let, letlen, err) != 0)
		return -1;
	return guest_text(db, net, nx, g, "organisation", let, letlen, err);
}

int
guest_store(sqlite3 *db, long long meeting, struct record *const *g,
    size_t n, struct ally_error *err)
{
	sqlite3_stmt *st;
	size_t i;

	if (db_prepare_cached(db, "DELETE FROM guest WHERE meeting_id = ?",
	    &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, meeting);
	if (db_step_done(db, st, "guest", err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_prepare_cached(db, "INSERT INTO guest (meeting_id, "
		    "role, organisation) VALUES (?, ?, ?)", &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, meeting);
		db_bind_text(st, 2, record_get(g[i], "role"));
		db_bind_text(st, 3, record_get(g[i], "organisation"));
		if (db_step_done(db, st, "guest", err) != 0)
			return -1;
	}
	return 0;
}

static int
guest_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	struct record *r = arg, *g;

	/* record_add_record frees the record it cannot take. */
	if ((g = db_row_record(st, guest_keys)) == NULL ||
	    record_add_record(r, "guests", g) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

int
guest_load(sqlite3 *db, long long meeting, struct record *r,
    struct ally_error *err)
{
	sqlite3_stmt *st;

	if (db_prepare_cached(db, "SELECT role, organisation FROM guest "
	    "WHERE meeting_id = ? ORDER BY id", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, meeting);
	return db_each_row(db, st, "guest", guest_row, r, err);
}
