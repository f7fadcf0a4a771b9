/*
 * rotation.c: the plan follows what happened.
 *
 * The method asks for a different venue at each meeting and a chair that
 * rotates among the allies.  meeting.c rotates both when it plans; once
 * reality deviates (a stand-in chairs, a meeting moves to another venue,
 * is cancelled, or a crisis meeting is held in between; a venue closes, a
 * member pauses or leaves) the planned meetings ahead may repeat the
 * venue or the chair of the meeting before them, or name a chair who is
 * no longer at the table.  rotation_follow walks the meetings in date
 * order and rotates again only the planned ones ahead that conflict, so
 * that a calendar changes no more than it must.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "rotation.h"

/* 1 when the query, with the network and a text bound, returns a row. */
static int
exists_text(sqlite3 *db, const char *sql, long long net, const char *text,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

/*
 * Does the meeting v[i] need another chair: none, or one who is no
 * active ally, or one who chaired within the round before it?  1, 0, -1.
 */
static int
chair_conflict(sqlite3 *db, const struct network *net,
    const struct meeting *v, size_t i, size_t round, struct ally_error *err)
{
	int active;
	size_t k;

	if (v[i].chair[0] == '\0')
		return exists_text(db, "SELECT 1 FROM person WHERE network_id = "
		    "?1 AND role = 'ally' AND status = 'active' AND ?2 IS NOT "
		    "NULL", net->id, "", err);
	if ((active = exists_text(db, "SELECT 1 FROM person WHERE "
	    "network_id = ?1 AND alias = ?2 AND role = 'ally' AND status = "
	    "'active'", net->id, v[i].chair, err)) <= 0)
		return active < 0 ? -1 : 1;
	for (k = 1; k <= round && k <= i; k++)
		if (strcmp(v[i - k].chair, v[i].chair) == 0)
			return 1;
	return 0;
}

/* Does it need another venue: a closed one, or the one before?  1, 0. */
static int
venue_conflict(sqlite3 *db, const struct network *net,
    const struct meeting *v, size_t i, struct ally_error *err)
{
	int open;

	if (v[i].location[0] == '\0')
		return exists_text(db, "SELECT 1 FROM venue WHERE network_id = "
		    "?1 AND active = 1 AND ?2 IS NOT NULL", net->id, "", err);
	if ((open = exists_text(db, "SELECT 1 FROM venue WHERE network_id = "
	    "?1 AND name = ?2 AND active = 1", net->id, v[i].location,
	    err)) <= 0)
		return open < 0 ? -1 : 1;
	return i > 0 && strcmp(v[i - 1].location, v[i].location) == 0;
}

/* The active allies, less one: how far back a turn counts as taken. */
static int
round_of(sqlite3 *db, const struct network *net, size_t *round,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	if (db_prepare(db, "SELECT count(*) FROM person WHERE network_id = ? "
	    "AND role = 'ally' AND status = 'active'", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(db, rc, err, NULL);
	*round = n > 1 ? (size_t)n - 1 : 0;
	return 0;
}

/* A repeat of the meeting before that no other choice could avoid. */
static void
say_repeat(const struct rotation *r, const struct network *net,
    const struct meeting *m, const struct meeting *prev)
{
	char d[11];

	if (prev == NULL || r->warn == NULL)
		return;
	date_format(m->date, d);
	if (m->chair[0] != '\0' && strcmp(prev->chair, m->chair) == 0)
		r->warn(_("network %s: %s chairs the meeting of %s (id %lld) "
		    "as well as the one before: no other active ally can"),
		    net->name, m->chair, d, m->id);
	if (m->location[0] != '\0' && strcmp(prev->location, m->location) == 0)
		r->warn(_("network %s: the meeting of %s (id %lld) is at %s, "
		    "as the one before: no other venue is active"), net->name,
		    d, m->id, m->location);
}

/* What changed, in the order of the record's fields. */
static void
compare(const struct meeting *was, struct meeting *m)
{
	size_t n = 0;

	m->fields[0] = '\0';
	if (strcmp(was->location, m->location) != 0)
		n += snprintf(m->fields + n, sizeof(m->fields) - n, "location");
	if (strcmp(was->host, m->host) != 0)
		n += snprintf(m->fields + n, sizeof(m->fields) - n, "%shost",
		    n ? " " : "");
	if (strcmp(was->chair, m->chair) != 0)
		snprintf(m->fields + n, sizeof(m->fields) - n, "%schair",
		    n ? " " : "");
	m->change = "updated";
}

/* The meetings not cancelled, by date. */
static int
meetings_held_or_planned(sqlite3 *db, const struct network *net,
    struct meeting **v, size_t *n, struct ally_error *err)
{
	size_t i, j;

	if (meeting_list(db, net, date_from_ymd(1900, 1, 1),
	    date_from_ymd(2999, 12, 31), v, n, err) != 0)
		return -1;
	for (i = j = 0; i < *n; i++)
		if (strcmp((*v)[i].status, "cancelled") != 0)
			(*v)[j++] = (*v)[i];
	*n = j;
	return 0;
}

int
rotation_follow(sqlite3 *db, const struct network *net, day_t today,
    const struct rotation *r, struct ally_error *err)
{
	struct meeting *v = NULL, m;
	size_t i, n = 0, round = 0;
	int chair, venue, rc = -1;

	if (meetings_held_or_planned(db, net, &v, &n, err) != 0 ||
	    round_of(db, net, &round, err) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].status, "planned") != 0 || v[i].date <= today ||
		    (r->keep != NULL && r->keep(v[i].id, r->arg)))
			continue;
		if ((chair = chair_conflict(db, net, v, i, round, err)) < 0 ||
		    (venue = venue_conflict(db, net, v, i, err)) < 0)
			goto out;
		if (!chair && !venue)
			continue;
		if (meeting_rotate(db, net, &v[i], chair, venue, &m, err) != 0)
			goto out;
		say_repeat(r, net, &m, i > 0 ? &v[i - 1] : NULL);
		if (m.sequence == v[i].sequence)
			continue;	/* no other choice: as it was */
		compare(&v[i], &m);
		v[i] = m;
		if (r->changed(&v[i], r->arg, err) != 0)
			goto out;
	}
	rc = 0;
out:
	free(v);
	return rc;
}
