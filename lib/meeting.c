/*
 * meeting.c: the meetings of a network, where they are held and who
 * chairs them.
 *
 * A series is spread evenly over a period: the period is cut into as
 * many equal slots as there are meetings, and each slot gets the
 * preferred weekday nearest its middle that is no public holiday and in
 * no blackout.  A slot that already holds a meeting keeps it, so that
 * planning the same period again adds nothing.  The location rotates
 * through the active venues (fewest uses in the period first, then the
 * one used longest ago) and the chair through the active allies (the
 * one who chaired longest ago, or never, first); neither repeats at two
 * meetings in a row while there is another to take.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "array.h"
#include "dbquery.h"
#include "fields.h"
#include "meeting.h"
#include "member.h"
#include "row.h"

static const char *const weekday_names[] = { "sun", "mon", "tue", "wed",
    "thu", "fri", "sat" };

#define NOW_SQL	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/*
 * TRANSLATORS: %s is what the record is ("a venue", "a meeting", "a
 * blackout"), then its field names, which stay as they are.
 */
#define UNKNOWN_FIELD	N_("unknown field (%s has: %s)")
/* What the row specs of this file share: free text checked as text. */
#define TEXT_ROWS	.unknown = UNKNOWN_FIELD, \
	.text_kinds = ROW_KIND(FK_TEXT), .len_kinds = ROW_KIND(FK_TEXT)

static struct row_spec blackout_spec = {
	.def = &blackout_def,
	.what = N_("a blackout"),
	TEXT_ROWS,
};

/* ---- blackouts ---------------------------------------------------------- */

int
blackout_add(struct blackouts *b, const struct record *r,
    struct ally_error *err)
{
	const char *from, *to, *reason;
	struct row_apply a;
	struct blackout *nv;
	day_t f, t;

	memset(&a, 0, sizeof(a));
	a.spec = &blackout_spec;
	a.r = r;
	if (row_check(&a, err) != 0)
		return -1;
	if ((from = record_get(r, "from")) == NULL)
		return field_error(r, "from", err, "%s", _("a blackout needs "
		    "its first day (from: YYYY-MM-DD)"));
	if (date_parse(from, &f) != 0)
		return field_error(r, "from", err, "'%s' is not a date "
		    "(YYYY-MM-DD)", from);
	to = record_get(r, "to");
	if (to == NULL)
		t = f;
	else if (date_parse(to, &t) != 0)
		return field_error(r, "to", err, "'%s' is not a date "
		    "(YYYY-MM-DD)", to);
	if (t < f)
		return field_error(r, "to", err, "%s is before the first day",
		    to);
	if ((nv = array_grow(b->v, b->n, &b->cap, sizeof(*nv))) == NULL)
		return oom(err);
	b->v = nv;
	reason = record_get(r, "reason");
	if ((b->v[b->n].reason = strdup(reason ? reason : "")) == NULL)
		return oom(err);
	b->v[b->n].from = f;
	b->v[b->n].to = t;
	b->n++;
	return 0;
}

const struct blackout *
blackout_find(const struct blackouts *b, day_t d)
{
	size_t i;

	if (b == NULL)
		return NULL;
	for (i = 0; i < b->n; i++)
		if (d >= b->v[i].from && d <= b->v[i].to)
			return &b->v[i];
	return NULL;
}

void
blackouts_free(struct blackouts *b)
{
	while (b->n > 0)
		free(b->v[--b->n].reason);
	free(b->v);
	b->v = NULL;
	b->cap = 0;
}

/* ---- the network's schedule --------------------------------------------- */

int
weekdays_parse(const char *s, int *mask)
{
	char word[16];
	size_t n;
	int i;

	*mask = 0;
	while (*s != '\0') {
		while (*s == ',' || *s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		for (n = 0; *s != '\0' && *s != ',' && *s != ' ' &&
		    *s != '\t'; s++) {
			if (n + 1 >= sizeof(word))
				return -1;
			word[n++] = tolower((unsigned char)*s);
		}
		word[n] = '\0';
		for (i = 0; i < 7; i++)
			if (n >= 3 && strncmp(word, weekday_names[i], 3) == 0)
				break;
		if (i == 7)
			return -1;
		/* "tue" or the whole English name, nothing in between. */
		if (n > 3) {
			static const char *const full[] = { "sunday",
			    "monday", "tuesday", "wednesday", "thursday",
			    "friday", "saturday" };

			if (strcmp(word, full[i]) != 0)
				return -1;
		}
		*mask |= 1 << i;
	}
	return *mask != 0 ? 0 : -1;
}

/* Monday first, the way a working week is read. */
void
weekdays_format(int mask, char *buf, size_t len)
{
	size_t n = 0;
	int i, d;

	buf[0] = '\0';
	for (i = 1; i <= 7; i++) {
		d = i % 7;
		if ((mask & (1 << d)) && n < len)
			n += snprintf(buf + n, len - n, "%s%s", n ? " " : "",
			    weekday_names[d]);
	}
}

int
network_set_schedule(sqlite3 *db, struct network *net, const char *weekdays,
    const char *start, int duration, int *changed, struct ally_error *err)
{
	char wd[64];
	int mask, min;

	*changed = 0;
	if (weekdays != NULL) {
		if (weekdays_parse(weekdays, &mask) != 0)
			return ally_errorf(err, EX_USAGE, "--weekdays: '%s': "
			    "expected weekdays such as tue,thu", weekdays);
		weekdays_format(mask, wd, sizeof(wd));
		if (strcmp(wd, net->weekdays) != 0) {
			snprintf(net->weekdays, sizeof(net->weekdays), "%s",
			    wd);
			*changed = 1;
		}
	}
	if (start != NULL) {
		if (time_parse(start, &min) != 0)
			return ally_errorf(err, EX_USAGE, "--time: '%s': "
			    "expected HH:MM", start);
		if (strcmp(start, net->start_time) != 0) {
			snprintf(net->start_time, sizeof(net->start_time),
			    "%s", start);
			*changed = 1;
		}
	}
	if (duration != 0) {
		if (duration < 30 || duration > 720)
			return ally_errorf(err, EX_USAGE, "--duration: %d: "
			    "expected 30 to 720 minutes", duration);
		if (duration != net->duration) {
			net->duration = duration;
			*changed = 1;
		}
	}
	return *changed ? network_store_schedule(db, net, err) : 0;
}

/* ---- venues ------------------------------------------------------------- */

/* A venue as the rotation picks it. */
struct venue_row {
	long long	id;
	char		name[VENUE_NAME_MAX + 1];
	char		host[16];
	char		address[VENUE_ADDRESS_MAX + 1];
	int		active;
};

/* A column's text into buf, cut to len - 1 bytes as snprintf would. */
static void
copy_col(sqlite3_stmt *st, int i, char *buf, size_t len)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	size_t n = s != NULL ? (size_t)sqlite3_column_bytes(st, i) : 0;

	if (n > len - 1)
		n = len - 1;
	if (n > 0)
		memcpy(buf, s, n);
	buf[n] = '\0';
}

/* The network's venue of that name: 1 found (id, host set), 0 not, -1. */
static int
venue_find(sqlite3 *db, long long net, const char *name, long long *id,
    char host[ROW_WORD], struct ally_error *err)
{
	return row_find(db, "SELECT id, host FROM venue WHERE network_id = ? "
	    "AND name = ?", net, name, id, host, NULL, err);
}

/* Meetings held at the venue: a venue in use keeps its name. */
static int
venue_in_use(sqlite3 *db, long long net, long long venue, int *used,
    struct ally_error *err)
{
	*used = db_exists(db, err, "SELECT 1 FROM meeting m JOIN venue v ON "
	    "v.network_id = m.network_id AND v.name = m.location WHERE "
	    "m.network_id = ? AND v.id = ?", 2, net, venue);
	return *used < 0 ? -1 : 0;
}

/* The field indexes of venue_def (fields.c). */
enum { V_ID, V_NETWORK, V_NAME, V_HOST, V_ADDRESS, V_ACTIVE };

/* An empty "active" keeps what was stored. */
static int
venue_field(struct row_apply *a, int j, const char **v,
    struct ally_error *err)
{
	(void)a;
	(void)err;
	return *v == NULL && j == V_ACTIVE;
}

static const char *const venue_empty[ROW_MAX] = {
	[V_NAME] = N_("a venue's name cannot be emptied"),
};

static struct row_spec venue_spec = {
	.def = &venue_def,
	.what = N_("a venue"),
	TEXT_ROWS,
	.field = venue_field,
	.empty = venue_empty,
};

/* The stored venue the record names by id or name: 1, 0 none, -1. */
static int
venue_match(struct row_apply *a, struct row *old, struct ally_error *err)
{
	const struct record *r = a->r;
	const char *name = record_get(r, "name");
	char host[ROW_WORD];
	long long id;
	int found;

	if (row_network(r, a->net, err) != 0 || row_id(r, &id, err) != 0)
		return -1;
	if (id == 0 && name != NULL && (found = venue_find(a->db, a->net->id,
	    name, &id, host, err)) <= 0)
		return found;
	if (id == 0)
		return 0;
	if ((found = row_load(a->db, &venue_spec, a->net->id, id, old,
	    err)) < 0)
		return -1;
	if (!found)
		return field_error(r, "id", err, "no venue %s in this network",
		    record_get(r, "id"));
	return 1;
}

/* A new name must be free, and the old one not in use. */
static int
venue_renamed(struct row_apply *a, struct ally_error *err)
{
	const char *name = a->row->v[V_NAME], *was = a->old->v[V_NAME];
	char host[ROW_WORD];
	long long id;
	int rc, used;

	if (strcmp(name, was) == 0)
		return 0;
	if ((rc = venue_find(a->db, a->net->id, name, &id, host,
	    err)) < 0)
		return -1;
	if (rc == 1)
		return field_error(a->r, "name", err, "another venue is "
		    "called '%s'", name);
	if (venue_in_use(a->db, a->net->id, a->old->id, &used, err) != 0)
		return -1;
	if (used > 0)
		return field_error(a->r, "name", err, "meetings are held "
		    "at '%s': keep its name (add the new venue and set "
		    "this one active: no)", was);
	return 0;
}

int
venue_apply(sqlite3 *db, const struct network *net, const struct record *r,
    const char **changed, long long *idp, struct ally_error *err)
{
	struct row old, v;
	struct row_apply a;
	int found, rc = -1;

	row_begin(&a, &venue_spec, db, net, r, &v, &old, 0);
	if (row_check(&a, err) != 0 ||
	    (found = venue_match(&a, &old, err)) < 0)
		goto out;
	if (!found && record_get(r, "name") == NULL) {
		rc = field_error(r, "name", err, "%s", _("a venue needs a "
		    "name"));
		goto out;
	}
	if (!found && record_get(r, "host") == NULL) {
		rc = field_error(r, "host", err, "%s", _("a new venue needs "
		    "a host: police, municipality, ally or other"));
		goto out;
	}
	a.old = found ? &old : NULL;
	if ((found ? row_copy(&v, &old) : row_set(&v, V_ACTIVE, "yes")) != 0)
		rc = oom(err);
	else if (row_overlay(&a, err) == 0 &&
	    (!found || venue_renamed(&a, err) == 0) &&
	    row_write(&a, NULL, changed, idp, err) == 0)
		rc = 0;
out:
	row_free(&old);
	row_free(&v);
	return rc;
}

const char *
venue_select_sql(struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_select(&venue_def, "", "WHERE t.network_id = ? ORDER BY "
	    "t.id", sql, sizeof(sql), err);
}

int
venue_list(sqlite3 *db, const struct network *net, struct record ***out,
    size_t *n, struct ally_error *err)
{
	struct record **v = NULL, **nv, *r;
	const char *sql;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((sql = venue_select_sql(err)) == NULL ||
	    db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((nv = array_grow(v, *n, &cap, sizeof(*nv))) == NULL)
			goto nomem;
		v = nv;
		if ((r = record_new()) == NULL)
			goto nomem;
		v[(*n)++] = r;
		if (row_columns(st, r, venue_fields, V_ACTIVE + 1, 0) != 0)
			goto nomem;
	}
	sqlite3_finalize(st);
	*out = v;
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, NULL);
	return 0;
nomem:
	sqlite3_finalize(st);
	*out = v;
	return oom(err);
}

/* ---- reading meetings --------------------------------------------------- */

/* The field indexes of meeting_def (fields.c), the listing's columns. */
enum { M_ID, M_NETWORK, M_DATE, M_TIME, M_LOCATION, M_HOST, M_CHAIR,
    M_MEAL, M_STATUS, M_DURATION, M_ADDRESS, M_SEQUENCE, M_UID,
    M_UPDATED };

/* The columns of meeting_def, then what a struct meeting adds. */
#define MEETING_EXTRA	", n.duration, v.address, t.sequence, t.uid, " \
	"t.updated"
#define MEETING_JOIN	"LEFT JOIN venue v ON v.network_id = t.network_id " \
	"AND v.name = t.location "

const char *
meeting_select_sql(struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_select(&meeting_def, MEETING_EXTRA, MEETING_JOIN
	    "WHERE t.network_id = ? AND t.id = ?", sql, sizeof(sql), err);
}

static const char *
meetings_between_sql(struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_select(&meeting_def, MEETING_EXTRA, MEETING_JOIN
	    "WHERE t.network_id = ?1 AND t.date BETWEEN ?2 AND ?3 AND "
	    "(?4 OR t.status <> 'cancelled') ORDER BY t.date, t.time, t.id",
	    sql, sizeof(sql), err);
}

/*
 * The meetings that fill a slot: any, cancelled too, first planned (or
 * held unplanned) in it, or on a day of it now.
 */
static const char *
slot_meetings_sql(struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_select(&meeting_def, MEETING_EXTRA, MEETING_JOIN
	    "WHERE t.network_id = ?1 AND (t.date BETWEEN ?2 AND ?3 OR "
	    "coalesce(t.slot_date, t.date) BETWEEN ?2 AND ?3) ORDER BY "
	    "t.date, t.time, t.id", sql, sizeof(sql), err);
}

static void
meeting_row(sqlite3_stmt *st, struct meeting *m)
{
	char buf[16];

	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, M_ID);
	copy_col(st, M_NETWORK, m->network, sizeof(m->network));
	copy_col(st, M_DATE, buf, sizeof(buf));
	if (date_parse(buf, &m->date) != 0)
		m->date = 0;
	copy_col(st, M_TIME, m->time, sizeof(m->time));
	m->duration = sqlite3_column_int(st, M_DURATION);
	copy_col(st, M_LOCATION, m->location, sizeof(m->location));
	copy_col(st, M_ADDRESS, m->address, sizeof(m->address));
	copy_col(st, M_HOST, m->host, sizeof(m->host));
	copy_col(st, M_CHAIR, m->chair, sizeof(m->chair));
	copy_col(st, M_MEAL, buf, sizeof(buf));
	m->meal = strcmp(buf, "yes") == 0;
	copy_col(st, M_STATUS, m->status, sizeof(m->status));
	m->sequence = sqlite3_column_int(st, M_SEQUENCE);
	copy_col(st, M_UID, m->uid, sizeof(m->uid));
	copy_col(st, M_UPDATED, m->updated, sizeof(m->updated));
}

/* 1 found, 0 not, -1 error. */
static int
meeting_by_id(sqlite3 *db, long long net, long long id, struct meeting *m,
    struct ally_error *err)
{
	const char *sql;
	sqlite3_stmt *st;
	int rc;

	if ((sql = meeting_select_sql(err)) == NULL ||
	    db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		meeting_row(st, m);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

static int
push(struct meeting **v, size_t *n, size_t *cap, const struct meeting *m,
    struct ally_error *err)
{
	struct meeting *nv;

	if ((nv = array_grow(*v, *n, cap, sizeof(*nv))) == NULL)
		return oom(err);
	*v = nv;
	(*v)[(*n)++] = *m;
	return 0;
}

/* 1 when *out already holds the meeting of that id. */
static int
listed(const struct meeting *v, size_t n, long long id)
{
	while (n-- > 0)
		if (v[n].id == id)
			return 1;
	return 0;
}

/*
 * Meetings in [from, to]; cancelled ones only when asked; with slot, the
 * meetings that fill the slot (slot_meetings_sql) not yet in *out.
 */
static int
meetings_query(sqlite3 *db, long long net, day_t from, day_t to,
    int cancelled, int slot, struct meeting **out, size_t *n, size_t *cap,
    struct ally_error *err)
{
	const char *sql;
	sqlite3_stmt *st;
	struct meeting m;
	char f[11], t[11];
	int rc;

	date_format(from, f);
	date_format(to, t);
	if ((sql = slot ? slot_meetings_sql(err) :
	    meetings_between_sql(err)) == NULL ||
	    db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
	if (!slot)
		sqlite3_bind_int(st, 4, cancelled);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		meeting_row(st, &m);
		if (slot && listed(*out, *n, m.id))
			continue;
		if (push(out, n, cap, &m, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}


int
meeting_list(sqlite3 *db, const struct network *net, day_t from, day_t to,
    struct meeting **out, size_t *n, struct ally_error *err)
{
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	return meetings_query(db, net->id, from, to, 1, 0, out, n, &cap,
	    err);
}

struct record *
meeting_record(const struct meeting *m)
{
	struct record *r;
	char d[11];
	int rc;

	if ((r = record_new()) == NULL)
		return NULL;
	date_format(m->date, d);
	rc = record_set_int(r, "id", m->id) | record_set(r, "network",
	    m->network) | record_set(r, "date", d) | record_set(r, "time",
	    m->time);
	rc |= m->location[0] ? record_set(r, "location", m->location) :
	    record_set_null(r, "location");
	rc |= m->host[0] ? record_set(r, "host", m->host) :
	    record_set_null(r, "host");
	rc |= m->chair[0] ? record_set(r, "chair", m->chair) :
	    record_set_null(r, "chair");
	rc |= record_set(r, "meal", m->meal ? "yes" : "no") |
	    record_set(r, "status", m->status);
	if (m->change != NULL)
		rc |= record_set(r, "change", m->change);
	if (m->change != NULL && (strcmp(m->change, "updated") == 0 ||
	    strcmp(m->change, "unchanged") == 0))
		rc |= m->fields[0] ? record_set(r, "fields", m->fields) :
		    record_set_null(r, "fields");
	if (rc != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

/* ---- rotation ----------------------------------------------------------- */

/* The meetings just before and just after a day: who chaired, where. */
struct neighbours {
	long long	chair[2];
	char		location[2][VENUE_NAME_MAX + 1];
};

static int
neighbours_of(sqlite3 *db, long long net, day_t day, struct neighbours *nb,
    struct ally_error *err)
{
	static const char *const sql[2] = {
	    "SELECT chair_id, location FROM meeting WHERE network_id = ? AND "
	    "status <> 'cancelled' AND date < ? ORDER BY date DESC, time DESC "
	    "LIMIT 1",
	    "SELECT chair_id, location FROM meeting WHERE network_id = ? AND "
	    "status <> 'cancelled' AND date > ? ORDER BY date, time LIMIT 1" };
	sqlite3_stmt *st;
	char d[11];
	int i, rc;

	memset(nb, 0, sizeof(*nb));
	date_format(day, d);
	for (i = 0; i < 2; i++) {
		if (db_prepare(db, sql[i], &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, net);
		sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			nb->chair[i] = sqlite3_column_int64(st, 0);
			copy_col(st, 1, nb->location[i],
			    sizeof(nb->location[i]));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_error(db, rc, err, NULL);
	}
	return 0;
}

/*
 * The active ally whose turn it is: never chaired first, then the one
 * who chaired longest ago (planned meetings count), in alias order;
 * not the chair of the meeting before or after unless no one else is
 * left.
 */
static int
next_chair(sqlite3 *db, long long net, const struct neighbours *nb,
    long long *id, char *alias, size_t len, struct ally_error *err)
{
	/* The active allies, who chaired least recently first. */
	static const char sql[] = "SELECT p.id, p.alias, (SELECT max(m.date) "
	    "FROM meeting m WHERE m.chair_id = p.id AND m.status <> "
	    "'cancelled') AS last FROM person p WHERE p.network_id = ? AND "
	    "p.role = 'ally' AND p.status = 'active' ORDER BY last IS NOT "
	    "NULL, last, length(p.alias), p.alias";
	sqlite3_stmt *st;
	long long pid;
	int rc, first = 1;

	*id = 0;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pid = sqlite3_column_int64(st, 0);
		if (first || (pid != nb->chair[0] && pid != nb->chair[1] &&
		    (*id == nb->chair[0] || *id == nb->chair[1]))) {
			*id = pid;
			copy_col(st, 1, alias, len);
		}
		first = 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, NULL);
	if (*id == 0)
		return ally_errorf(err, EX_NOINPUT, "no active allies to chair "
		    "the meetings: register them with ally-add (an ally becomes "
		    "active after intake and vetting)");
	return 0;
}

/*
 * The venue whose turn it is: the fewest meetings in the period first,
 * then never used, then used longest ago, in the order the venues were
 * added; not where the meeting before or after is unless no other is
 * active.  No active venue leaves the location open.
 */
static int
next_venue(sqlite3 *db, long long net, day_t from, day_t to,
    const struct neighbours *nb, struct venue_row *v,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	char f[11], t[11], name[VENUE_NAME_MAX + 1];
	int rc, first = 1, taken;

	memset(v, 0, sizeof(*v));
	date_format(from, f);
	date_format(to, t);
	if (db_prepare(db, "SELECT v.id, v.name, v.host, v.address, (SELECT "
	    "count(*) FROM meeting m WHERE m.network_id = v.network_id AND "
	    "m.location = v.name AND m.status <> 'cancelled' AND m.date "
	    "BETWEEN ?2 AND ?3) AS uses, (SELECT max(m.date) FROM meeting m "
	    "WHERE m.network_id = v.network_id AND m.location = v.name AND "
	    "m.status <> 'cancelled') AS last FROM venue v WHERE "
	    "v.network_id = ?1 AND v.active = 1 ORDER BY uses, last IS NOT "
	    "NULL, last, v.id", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		copy_col(st, 1, name, sizeof(name));
		taken = strcmp(v->name, nb->location[0]) == 0 ||
		    strcmp(v->name, nb->location[1]) == 0;
		if (first || (taken && strcmp(name, nb->location[0]) != 0 &&
		    strcmp(name, nb->location[1]) != 0)) {
			v->id = sqlite3_column_int64(st, 0);
			snprintf(v->name, sizeof(v->name), "%s", name);
			copy_col(st, 2, v->host, sizeof(v->host));
			copy_col(st, 3, v->address, sizeof(v->address));
			v->active = 1;
		}
		first = 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

/* ---- choosing a date ---------------------------------------------------- */

static int
weekday_mask(const struct network *net, struct ally_error *err)
{
	int mask;

	if (weekdays_parse(net->weekdays, &mask) != 0) {
		ally_errorf(err, EX_DATAERR, "network %s: weekdays '%s' "
		    "unreadable (set them with --weekdays)", net->name,
		    net->weekdays);
		return -1;
	}
	return mask;
}

/* 1 when another meeting (not cancelled) is on that day. */
static int
date_taken(sqlite3 *db, long long net, day_t day, long long except,
    int *taken, struct ally_error *err)
{
	sqlite3_stmt *st;
	char d[11];
	int rc;

	date_format(day, d);
	if (db_prepare(db, "SELECT 1 FROM meeting WHERE network_id = ? AND "
	    "date = ? AND status <> 'cancelled' AND id <> ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, except);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*taken = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_error(db, rc, err, NULL);
}

/*
 * The preferred weekday in [lo, hi] nearest the ideal day (the earlier
 * of two as near) that is no holiday, in no blackout and free: 1 found,
 * 0 none, -1 error.
 */
static int
find_date(sqlite3 *db, const struct network *net, const struct plan *p,
    day_t lo, day_t hi, day_t ideal, day_t *out, struct ally_error *err)
{
	day_t d;
	long k;
	int mask, side, taken;

	if ((mask = weekday_mask(net, err)) < 0)
		return -1;
	for (k = 0; k <= hi - lo; k++) {
		for (side = -1; side <= 1; side += 2) {
			if (k == 0 && side == 1)
				continue;
			d = ideal + side * k;
			if (d < lo || d > hi || !(mask & (1 << date_weekday(d))))
				continue;
			if (holiday_nl(d) != NULL ||
			    blackout_find(p->blackouts, d) != NULL)
				continue;
			if (date_taken(db, net->id, d, 0, &taken, err) != 0)
				return -1;
			if (!taken) {
				*out = d;
				return 1;
			}
		}
	}
	return 0;
}

/* find_date, where none is an error that says why. */
static int
pick_date(sqlite3 *db, const struct network *net, const struct plan *p,
    day_t lo, day_t hi, day_t ideal, day_t *out, struct ally_error *err)
{
	char a[11], b[11], wd[64];
	int found, mask;

	if ((found = find_date(db, net, p, lo, hi, ideal, out, err)) != 0)
		return found < 0 ? -1 : 0;
	if ((mask = weekday_mask(net, err)) < 0)
		return -1;
	date_format(lo, a);
	date_format(hi, b);
	weekdays_format(mask, wd, sizeof(wd));
	return ally_errorf(err, EX_DATAERR, "network %s: no free day (%s) "
	    "between %s and %s that is no public holiday and in no blackout",
	    net->name, wd, a, b);
}

/* Insert a planned meeting on the day, its venue and chair chosen. */
static int
meeting_add(sqlite3 *db, const struct network *net, day_t day,
    day_t from, day_t to, struct meeting *out, struct ally_error *err)
{
	struct meeting_values m;
	struct neighbours nb;
	struct venue_row v;
	char d[11], alias[24];
	long long chair;

	if (neighbours_of(db, net->id, day, &nb, err) != 0 ||
	    next_chair(db, net->id, &nb, &chair, alias, sizeof(alias),
	    err) != 0 ||
	    next_venue(db, net->id, from, to, &nb, &v, err) != 0)
		return -1;
	date_format(day, d);
	memset(&m, 0, sizeof(m));
	m.network_id = net->id;
	m.date = d;
	m.time = net->start_time;
	m.location = v.name;
	m.host = v.host;
	m.chair = chair;
	m.meal = 1;
	m.status = "planned";
	if (meeting_write(db, &m, err) != 0 ||
	    meeting_by_id(db, net->id, m.id, out, err) != 1)
		return -1;
	out->change = "added";
	return 0;
}

/* The first day a new meeting may be on: the notice after today. */
static day_t
plan_earliest(const struct plan *p)
{
	return p->today + (p->notice > 0 ? p->notice : 1);
}

/*
 * Plan the empty slot [lo, hi]: 1 planned, 0 passed (it ends before the
 * notice allows, or its free days do), -1 error.  Only a slot wholly
 * ahead without a free day is an error.
 */
static int
plan_slot(sqlite3 *db, const struct network *net, const struct plan *p,
    day_t lo, day_t hi, day_t ideal, struct meeting *m,
    struct ally_error *err)
{
	day_t first = plan_earliest(p), day;
	int found;

	if (hi < first)
		return 0;
	if (lo >= first)
		found = pick_date(db, net, p, lo, hi, ideal, &day, err) == 0;
	else if ((found = find_date(db, net, p, first, hi, ideal < first ?
	    first : ideal, &day, err)) < 0)
		return -1;
	if (lo >= first && !found)
		return -1;
	if (!found)
		return 0;
	return meeting_add(db, net, day, p->from, p->to, m, err) == 0 ? 1 : -1;
}

int
meeting_get(sqlite3 *db, const struct network *net, long long id,
    struct meeting *m, struct ally_error *err)
{
	return meeting_by_id(db, net->id, id, m, err);
}

int
meeting_next_planned(sqlite3 *db, const struct network *net, day_t from,
    long long *id, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (db_prepare_cached(db, "SELECT id FROM meeting WHERE "
	    "network_id = ? AND status = 'planned' AND date >= ? ORDER BY "
	    "date, time, id LIMIT 1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	db_bind_date(st, 2, from);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	db_release(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_error(db, rc, err, "meeting");
}

/* The person id of the meeting's chair, or 0 for none. */
static int
chair_id(sqlite3 *db, const struct network *net, const struct meeting *m,
    long long *id, struct ally_error *err)
{
	int rc;

	*id = 0;
	if (m->chair[0] == '\0')
		return 0;
	if ((rc = person_by_alias(db, net->id, m->chair, id, err)) < 0)
		return -1;
	return rc == 0 ? ally_errorf(err, EX_DATAERR, "meeting %lld: no "
	    "member %s", m->id, m->chair) : 0;
}

int
meeting_rotate(sqlite3 *db, const struct network *net,
    const struct meeting *m, int chair, int venue, struct meeting *out,
    struct ally_error *err)
{
	struct meeting_values v;
	struct neighbours nb;
	struct venue_row vr;
	char d[11], alias[24];
	int y, mo, dd;

	memset(&v, 0, sizeof(v));
	date_format(m->date, d);
	date_to_ymd(m->date, &y, &mo, &dd);
	if (neighbours_of(db, net->id, m->date, &nb, err) != 0 ||
	    (chair ? next_chair(db, net->id, &nb, &v.chair, alias,
	    sizeof(alias), err) : chair_id(db, net, m, &v.chair, err)) != 0)
		return -1;
	v.id = m->id;
	v.date = d;
	v.time = m->time;
	v.location = m->location;
	v.host = m->host;
	v.meal = m->meal;
	v.status = m->status;
	if (venue) {
		if (next_venue(db, net->id, date_from_ymd(y, 1, 1),
		    date_from_ymd(y, 12, 31), &nb, &vr, err) != 0)
			return -1;
		v.location = vr.name;
		v.host = vr.host;
	}
	if (meeting_write(db, &v, err) != 0 ||
	    meeting_by_id(db, net->id, m->id, out, err) != 1)
		return -1;
	return 0;
}

int
meeting_plan(sqlite3 *db, const struct network *net, const struct plan *p,
    struct meeting **out, size_t *n, int *past, struct ally_error *err)
{
	struct meeting m;
	size_t cap = 0, before, i;
	long span = p->to - p->from + 1;
	day_t lo, hi, ideal;
	int found, slot;

	*out = NULL;
	*n = 0;
	*past = 0;
	if (p->count < 1 || span < p->count)
		return ally_errorf(err, EX_USAGE, "%d meetings do not fit in "
		    "%ld days", p->count, span);
	for (slot = 0; slot < p->count; slot++) {
		lo = p->from + slot * span / p->count;
		hi = p->from + (slot + 1) * span / p->count - 1;
		ideal = p->from + (2 * slot + 1) * span / (2 * p->count);
		before = *n;
		if (meetings_query(db, net->id, lo, hi, 1, 1, out, n, &cap,
		    err) != 0)
			return -1;
		if (*n > before) {
			for (i = before; i < *n; i++)
				(*out)[i].change = "exists";
			continue;
		}
		if ((found = plan_slot(db, net, p, lo, hi, ideal, &m,
		    err)) < 0 || (found && push(out, n, &cap, &m, err) != 0))
			return -1;
		*past += !found;
	}
	return 0;
}

int
meeting_plan_next(sqlite3 *db, const struct network *net,
    const struct plan *p, struct meeting *out, int *planned,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	day_t last, lo, hi, ideal, day;
	long gap;
	int rc, later;

	*planned = 0;
	/* A planned meeting passed without minutes may still get them. */
	if (db_prepare(db, "SELECT max(date), (SELECT count(*) FROM meeting "
	    "WHERE network_id = ?1 AND status = 'planned' AND date > (SELECT "
	    "max(date) FROM meeting WHERE network_id = ?1 AND status = "
	    "'held')) FROM meeting WHERE network_id = ?1 AND status = 'held'",
	    &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(db, rc, err, NULL);
	}
	rc = sqlite3_column_type(st, 0) == SQLITE_NULL ||
	    date_parse((const char *)sqlite3_column_text(st, 0), &last) != 0;
	later = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (rc || later > 0)
		return 0;	/* nothing held yet, or the next is planned */
	gap = (365 + p->count / 2) / p->count;
	ideal = last + gap;
	lo = last + gap / 2;
	hi = last + gap + gap / 2;
	if (lo < plan_earliest(p))
		lo = plan_earliest(p);
	if (ideal < lo)
		ideal = lo;
	if (hi < lo)
		hi = lo + gap;	/* overdue: within the coming interval */
	if (pick_date(db, net, p, lo, hi, ideal, &day, err) != 0 ||
	    meeting_add(db, net, day, day - 364, day, out, err) != 0)
		return -1;
	*planned = 1;
	return 0;
}

/* ---- updating a meeting ------------------------------------------------- */

static int
same_as_old(const struct row_apply *a, int j, const char *v)
{
	return a->old->v[j] != NULL && strcmp(a->old->v[j], v) == 0;
}

/* A new chair: an active member of this network. */
static int
meeting_chair(struct row_apply *a, const char *v, struct ally_error *err)
{
	char role[ROW_WORD], status[ROW_WORD];
	long long id = 0;
	int rc;

	if (v != NULL && same_as_old(a, M_CHAIR, v))
		return 1;
	if (v != NULL && (rc = row_find(a->db, ROW_MEMBER_SQL, a->net->id, v,
	    &id, role, status, err)) <= 0)
		return rc < 0 ? -1 : field_error(a->r, "chair", err, "no "
		    "member '%s' in this network", v);
	if (v != NULL && strcmp(status, "active") != 0)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "chair"), "chair", "%s is %s, not active",
		    v, status);
	a->row->ref[M_CHAIR] = id;
	return row_set(a->row, M_CHAIR, v) == 0 ? 1 : oom(err);
}

/* A new location: a venue of the network, whose host it brings. */
static int
meeting_location(struct row_apply *a, const char *v, struct ally_error *err)
{
	char host[ROW_WORD];
	long long id;
	int rc;

	if (v == NULL)
		return 0;
	if (same_as_old(a, M_LOCATION, v))
		return 1;
	if ((rc = venue_find(a->db, a->net->id, v, &id, host, err)) < 0)
		return -1;
	if (rc == 0)
		return field_error(a->r, "location", err, "no venue '%s' in "
		    "this network (add it with meet-plan -V)", v);
	return row_set(a->row, M_HOST, host) == 0 ? 0 : oom(err);
}

/* A meeting's own fields; an empty meal keeps what was stored. */
static int
meeting_field(struct row_apply *a, int j, const char **v,
    struct ally_error *err)
{
	switch (j) {
	case M_LOCATION:
		return meeting_location(a, *v, err);
	case M_HOST:
		/* A host given explicitly (and different) wins. */
		return *v != NULL && same_as_old(a, M_HOST, *v);
	case M_CHAIR:
		return meeting_chair(a, *v, err);
	case M_MEAL:
		return *v == NULL;
	}
	return 0;
}

static const char *const meeting_empty[ROW_MAX] = {
	[M_DATE] = N_("a meeting needs a date"),
	[M_TIME] = N_("a meeting needs a start time"),
};

static struct row_spec meeting_spec = {
	.def = &meeting_def,
	.what = N_("a meeting"),
	.unknown = UNKNOWN_FIELD,
	.text_kinds = ROW_KIND(FK_TEXT) | ROW_KIND(FK_ALIAS),
	.len_kinds = ROW_KIND(FK_TEXT) | ROW_KIND(FK_ALIAS),
	.field = meeting_field,
	.empty = meeting_empty,
};
/* The rules that join fields: held is past; one meeting a day. */
static int
meeting_rules(struct row_apply *a, struct ally_error *err)
{
	const struct row *m = a->row;
	day_t d = 0;
	int taken;

	if (date_parse(m->v[M_DATE], &d) != 0)
		d = 0;
	if (strcmp(m->v[M_STATUS], "held") == 0 && d > a->today)
		return field_error(a->r, record_has(a->r, "date") ? "date" :
		    "status", err, "%s", _("a meeting in the future cannot "
		    "have been held"));
	if (strcmp(m->v[M_DATE], a->old->v[M_DATE]) == 0 ||
	    strcmp(m->v[M_STATUS], "cancelled") == 0)
		return 0;
	if (date_taken(a->db, a->net->id, d, m->id, &taken, err) != 0)
		return -1;
	if (taken)
		return field_error(a->r, "date", err, "another meeting of "
		    "this network is on %s", record_get(a->r, "date"));
	return 0;
}

/* ---- the one writer of the meeting table ------------------------------ */

/*
 * SEQUENCE, the number of the meeting's iCalendar version, rises by one
 * in a store that changes what a calendar shows of the meeting: its date
 * or time (DTSTART, DTEND), its location (LOCATION), its host, chair or
 * meal (DESCRIPTION), or whether it is cancelled (STATUS); then calendars
 * replace the invitation they hold.  A planned meeting that is held
 * shows the same, and so do its notes: SEQUENCE stays.  The comparison
 * is the UPDATE's own, old row against new values.  updated (DTSTAMP)
 * is the moment of every store; a new meeting starts at SEQUENCE 0.
 */
#define MEETING_SEEN_CHANGE \
	"(date IS NOT ?2 OR time IS NOT ?3 OR location IS NOT ?4 OR " \
	"host IS NOT ?5 OR chair_id IS NOT ?6 OR meal IS NOT ?7 OR " \
	"(status = 'cancelled') IS NOT (?8 = 'cancelled'))"

int
meeting_write(sqlite3 *db, struct meeting_values *m, struct ally_error *err)
{
	static const char ins[] = "INSERT INTO meeting (network_id, date, "
	    "time, location, host, chair_id, meal, status, sequence, uid, "
	    "notes, name_override, slot_date, created, updated) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?11, ?2, " NOW_SQL ", "
	    NOW_SQL ")";
	static const char upd[] = "UPDATE meeting SET sequence = sequence + "
	    MEETING_SEEN_CHANGE ", date = ?2, time = ?3, location = ?4, "
	    "host = ?5, chair_id = ?6, meal = ?7, status = ?8, notes = CASE "
	    "WHEN ?9 THEN ?10 ELSE notes END, name_override = CASE WHEN ?9 "
	    "THEN ?11 ELSE name_override END, updated = " NOW_SQL " WHERE "
	    "id = ?1";
	sqlite3_stmt *st;
	char uid[64];

	if (m->id == 0 && ally_uid(uid, err) != 0)
		return -1;
	if (db_prepare(db, m->id != 0 ? upd : ins, &st, err) != 0)
		return -1;
	if (m->id != 0) {
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_int(st, 9, m->notes_too);
	} else {
		sqlite3_bind_int64(st, 1, m->network_id);
		sqlite3_bind_text(st, 9, uid, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(st, 2, m->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->time, -1, SQLITE_STATIC);
	db_bind_text(st, 4, m->location);
	db_bind_text(st, 5, m->host);
	if (m->chair != 0)
		sqlite3_bind_int64(st, 6, m->chair);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_int(st, 7, m->meal);
	sqlite3_bind_text(st, 8, m->status, -1, SQLITE_STATIC);
	db_bind_text(st, 10, m->notes);
	db_bind_text(st, 11, m->name_override);
	return db_step_id(db, st, "meeting", &m->id, err);
}

/* A stored meeting as meet-plan -u changed it. */
static int
meeting_store(sqlite3 *db, const struct row *m, struct ally_error *err)
{
	struct meeting_values v;

	memset(&v, 0, sizeof(v));
	v.id = m->id;
	v.date = m->v[M_DATE];
	v.time = m->v[M_TIME];
	v.location = m->v[M_LOCATION];
	v.host = m->v[M_HOST];
	v.chair = m->ref[M_CHAIR];
	v.meal = strcmp(m->v[M_MEAL], "yes") == 0;
	v.status = m->v[M_STATUS];
	return meeting_write(db, &v, err);
}

int
meeting_venue_host(sqlite3 *db, long long net, const char *venue,
    char *host, size_t len, struct ally_error *err)
{
	char buf[ROW_WORD];
	long long id;
	int rc;

	if ((rc = venue_find(db, net, venue, &id, buf, err)) == 1)
		snprintf(host, len, "%s", buf);
	return rc;
}

/* The stored meeting the record names: its row and what is printed. */
static int
meeting_match(struct row_apply *a, struct row *old, struct meeting *m,
    struct ally_error *err)
{
	const struct record *r = a->r;
	long long id;
	int rc;

	if (row_check(a, err) != 0 || row_network(r, a->net, err) != 0)
		return -1;
	if (record_get(r, "id") == NULL)
		return field_error(r, "id", err, "%s", _("which meeting? "
		    "records are matched by id (plan new meetings with -y, "
		    "-s or --next)"));
	if (row_id(r, &id, err) != 0 ||
	    (rc = meeting_by_id(a->db, a->net->id, id, m, err)) < 0)
		return -1;
	if (rc == 0)
		return field_error(r, "id", err, "no meeting %s in this "
		    "network", record_get(r, "id"));
	return row_load(a->db, &meeting_spec, a->net->id, id, old, err) == 1 ?
	    0 : -1;
}

/* The names of the fields that changed, in the table's order. */
static void
changed_fields(const struct row *old, const struct row *m, char *buf,
    size_t len)
{
	unsigned long diff = row_diff(&meeting_spec, old, m);
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < meeting_def.nfields && n < len; i++)
		if (diff & (1UL << i))
			n += snprintf(buf + n, len - n, "%s%s", n ? " " : "",
			    meeting_def.fields[i].name);
}

int
meeting_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, struct meeting *out, struct ally_error *err)
{
	struct row old, m;
	struct row_apply a;
	char fields[sizeof(out->fields)];
	int rc = -1;

	row_begin(&a, &meeting_spec, db, net, r, &m, &old, today);
	a.old = &old;
	if (meeting_match(&a, &old, out, err) != 0)
		goto out;
	if (row_copy(&m, &old) != 0) {
		rc = oom(err);
		goto out;
	}
	if (row_overlay(&a, err) != 0 || meeting_rules(&a, err) != 0)
		goto out;
	changed_fields(&old, &m, fields, sizeof(fields));
	if (fields[0] == '\0') {
		out->change = "unchanged";
		rc = 0;
	} else if (meeting_store(db, &m, err) == 0 &&
	    meeting_by_id(db, net->id, old.id, out, err) == 1) {
		out->change = "updated";
		snprintf(out->fields, sizeof(out->fields), "%s", fields);
		rc = 0;
	}
out:
	row_free(&old);
	row_free(&m);
	return rc;
}

int
meeting_expire(sqlite3 *db, long long net, const char *before, long *n,
    struct ally_error *err)
{
	return db_expire(db, "UPDATE meeting SET notes = NULL WHERE network_id ="
	    " ?1 AND date < ?2 AND notes IS NOT NULL", net, NULL, before, n, err);
}
