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
#include "fields.h"
#include "meeting.h"

static const char *const weekday_names[] = { "sun", "mon", "tue", "wed",
    "thu", "fri", "sat" };

#define NOW_SQL	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* Every field of the record is one of the known ones and a scalar. */
static int
check_fields(const struct record *r, const char *const *known,
    const char *const *ignored, const char *what, struct ally_error *err)
{
	char list[256];
	size_t i, n = 0;
	const char *const *k;

	for (i = 0; i < r->nfields; i++) {
		const struct field *f = &r->fields[i];

		if (ignored != NULL && str_in(f->key, ignored))
			continue;
		if (!str_in(f->key, known)) {
			list[0] = '\0';
			for (k = known, n = 0; *k != NULL && n < sizeof(list);
			    k++)
				n += snprintf(list + n, sizeof(list) - n, "%s%s",
				    n ? ", " : "", *k);
			return ally_error_at(err, EX_DATAERR, r->file,
			    record_line(r, f->key), f->key,
			    /*
			     * TRANSLATORS: %s is what the record is ("a
			     * venue", "a meeting", "a blackout"), then its
			     * field names, which stay as they are.
			     */
			    "unknown field (%s has: %s)", what, list);
		}
		if (f->kind == VAL_LIST || f->kind == VAL_RECORDS)
			return field_error(r, f->key, err, "%s",
			    _("expected one value, not a list"));
	}
	return 0;
}

/* A single-line text value of at most max bytes, or NULL. */
static int
check_text(const struct record *r, const char *field, size_t max,
    struct ally_error *err)
{
	const char *v = record_get(r, field);
	int rc;

	if (v == NULL)
		return 0;
	if ((rc = valid_text(v, 0)) != 0)
		return field_error(r, field, err, "%s", rc == -2 ?
		    _("a value may not start with '=' (a spreadsheet "
		    "formula)") : _("control characters or invalid UTF-8"));
	if (strlen(v) > max)
		return field_error(r, field, err, "%s", _("too long"));
	return 0;
}

/* ---- blackouts ---------------------------------------------------------- */

int
blackout_add(struct blackouts *b, const struct record *r,
    struct ally_error *err)
{
	static const char *const known[] = { "from", "to", "reason", NULL };
	const char *from, *to, *reason;
	struct blackout *nv;
	day_t f, t;

	if (check_fields(r, known, NULL, _("a blackout"), err) != 0 ||
	    check_text(r, "reason", 200, err) != 0)
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
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		if ((nv = reallocarray(b->v, b->cap, sizeof(*nv))) == NULL)
			return oom(err);
		b->v = nv;
	}
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
	size_t i;

	for (i = 0; i < b->n; i++)
		free(b->v[i].reason);
	free(b->v);
	memset(b, 0, sizeof(*b));
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
	sqlite3_stmt *st;
	int mask, min, rc;

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
	if (!*changed)
		return 0;
	if (db_prepare(db, "UPDATE network SET weekdays = ?, start_time = ?, "
	    "duration = ? WHERE id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, net->weekdays, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, net->start_time, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, net->duration);
	sqlite3_bind_int64(st, 4, net->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "network");
}

/* ---- venues ------------------------------------------------------------- */

struct venue_row {
	long long	id;
	char		name[VENUE_NAME_MAX + 1];
	char		host[16];
	char		address[VENUE_ADDRESS_MAX + 1];
	int		active;
};

static void
copy_col(sqlite3_stmt *st, int i, char *buf, size_t len)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	snprintf(buf, len, "%s", s != NULL ? (const char *)s : "");
}

/* 1 found, 0 not, -1 error. */
static int
venue_find(sqlite3 *db, long long net, long long id, const char *name,
    struct venue_row *v, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id, name, host, address, active FROM venue "
	    "WHERE network_id = ?1 AND (id = ?2 OR name = ?3)", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_int64(st, 2, id);
	db_bind_text(st, 3, name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v->id = sqlite3_column_int64(st, 0);
		copy_col(st, 1, v->name, sizeof(v->name));
		copy_col(st, 2, v->host, sizeof(v->host));
		copy_col(st, 3, v->address, sizeof(v->address));
		v->active = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

/* Meetings that name the venue: a venue in use keeps its name. */
static int
venue_in_use(sqlite3 *db, long long net, const char *name, int *used,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT count(*) FROM meeting WHERE network_id = ? "
	    "AND location = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*used = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, NULL);
}

static int
venue_store(sqlite3 *db, long long net, const struct venue_row *v,
    int insert, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, insert ? "INSERT INTO venue (name, host, address, "
	    "active, network_id) VALUES (?1, ?2, ?3, ?4, ?5)" : "UPDATE venue "
	    "SET name = ?1, host = ?2, address = ?3, active = ?4 WHERE "
	    "network_id = ?5 AND id = ?6", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, v->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, v->host, -1, SQLITE_STATIC);
	db_bind_text(st, 3, v->address);
	sqlite3_bind_int(st, 4, v->active);
	sqlite3_bind_int64(st, 5, net);
	if (!insert)
		sqlite3_bind_int64(st, 6, v->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "venue");
}

int
venue_apply(sqlite3 *db, const struct network *net, const struct record *r,
    const char **changed, long long *idp, struct ally_error *err)
{
	static const char *const ignored[] = { "change", NULL };
	struct venue_row old, v, other;
	const char *s, *name;
	long long id = 0;
	int found = 0, b, used, rc;

	memset(&old, 0, sizeof(old));
	if (check_fields(r, venue_fields, ignored, _("a venue"), err) != 0 ||
	    check_text(r, "name", VENUE_NAME_MAX, err) != 0 ||
	    check_text(r, "address", VENUE_ADDRESS_MAX, err) != 0 ||
	    fields_check(&venue_def, r, FIELDS_ENUMS, 0, err) != 0)
		return -1;
	if ((s = record_get(r, "network")) != NULL &&
	    strcmp(s, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", s);
	name = record_get(r, "name");
	if ((s = record_get(r, "id")) != NULL) {
		if (parse_int(s, 1, INT64_MAX, &id) != 0)
			return field_error(r, "id", err, "'%s' is not an id", s);
		if ((found = venue_find(db, net->id, id, NULL, &old, err)) < 0)
			return -1;
		if (!found)
			return field_error(r, "id", err, "no venue %s in this "
			    "network", s);
	} else if (name != NULL &&
	    (found = venue_find(db, net->id, 0, name, &old, err)) < 0)
		return -1;
	if (!found && name == NULL)
		return field_error(r, "name", err, "%s", _("a venue needs a "
		    "name"));
	if (!found && record_get(r, "host") == NULL)
		return field_error(r, "host", err, "%s", _("a new venue needs "
		    "a host: police, municipality, ally or other"));
	v = old;
	if (!found)
		v.active = 1;
	if (record_has(r, "name")) {
		if (name == NULL)
			return field_error(r, "name", err, "%s", _("a venue's "
			    "name cannot be emptied"));
		snprintf(v.name, sizeof(v.name), "%s", name);
	}
	if (record_has(r, "host")) {
		if ((s = record_get(r, "host")) == NULL)
			return field_check_enum(r, record_def_field(&venue_def,
			    "host"), NULL, err);
		snprintf(v.host, sizeof(v.host), "%s", s);
	}
	if (record_has(r, "address"))
		snprintf(v.address, sizeof(v.address), "%s",
		    (s = record_get(r, "address")) != NULL ? s : "");
	if ((s = record_get(r, "active")) != NULL) {
		if (parse_bool(s, &b) != 0)
			return field_error(r, "active", err, "'%s': expected "
			    "yes or no", s);
		v.active = b;
	}
	if (found && strcmp(v.name, old.name) != 0) {
		if ((rc = venue_find(db, net->id, 0, v.name, &other, err)) < 0)
			return -1;
		if (rc == 1)
			return field_error(r, "name", err, "another venue is "
			    "called '%s'", v.name);
		if (venue_in_use(db, net->id, old.name, &used, err) != 0)
			return -1;
		if (used > 0)
			return field_error(r, "name", err, "meetings are held "
			    "at '%s': keep its name (add the new venue and set "
			    "this one active: no)", old.name);
	}
	if (found && strcmp(v.name, old.name) == 0 &&
	    strcmp(v.host, old.host) == 0 &&
	    strcmp(v.address, old.address) == 0 && v.active == old.active) {
		*changed = "unchanged";
	} else {
		if (venue_store(db, net->id, &v, !found, err) != 0)
			return -1;
		if (!found)
			v.id = sqlite3_last_insert_rowid(db);
		*changed = found ? "updated" : "added";
	}
	*idp = v.id;
	return 0;
}

int
venue_list(sqlite3 *db, const struct network *net, struct record ***out,
    size_t *n, struct ally_error *err)
{
	struct record **v = NULL, **nv, *r;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, "SELECT id, name, host, address, CASE active WHEN "
	    "1 THEN 'yes' ELSE 'no' END FROM venue WHERE network_id = ? "
	    "ORDER BY id", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = reallocarray(v, cap, sizeof(*nv))) == NULL)
				goto nomem;
			v = nv;
		}
		if ((r = record_new()) == NULL)
			goto nomem;
		v[(*n)++] = r;
		if (db_column_to_record(st, 0, r, "id") != 0 ||
		    record_set(r, "network", net->name) != 0 ||
		    db_column_to_record(st, 1, r, "name") != 0 ||
		    db_column_to_record(st, 2, r, "host") != 0 ||
		    (sqlite3_column_type(st, 3) == SQLITE_NULL ?
		    record_set_null(r, "address") :
		    db_column_to_record(st, 3, r, "address")) != 0 ||
		    db_column_to_record(st, 4, r, "active") != 0)
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

#define MEETING_SELECT \
	"SELECT m.id, n.name, m.date, m.time, n.duration, m.location, " \
	"v.address, m.host, p.alias, m.meal, m.status, m.sequence, m.uid, " \
	"m.updated FROM meeting m JOIN network n ON n.id = m.network_id " \
	"LEFT JOIN person p ON p.id = m.chair_id " \
	"LEFT JOIN venue v ON v.network_id = m.network_id AND " \
	"v.name = m.location "

static void
meeting_row(sqlite3_stmt *st, struct meeting *m)
{
	char buf[16];

	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	copy_col(st, 1, m->network, sizeof(m->network));
	copy_col(st, 2, buf, sizeof(buf));
	if (date_parse(buf, &m->date) != 0)
		m->date = 0;
	copy_col(st, 3, m->time, sizeof(m->time));
	m->duration = sqlite3_column_int(st, 4);
	copy_col(st, 5, m->location, sizeof(m->location));
	copy_col(st, 6, m->address, sizeof(m->address));
	copy_col(st, 7, m->host, sizeof(m->host));
	copy_col(st, 8, m->chair, sizeof(m->chair));
	m->meal = sqlite3_column_int(st, 9);
	copy_col(st, 10, m->status, sizeof(m->status));
	m->sequence = sqlite3_column_int(st, 11);
	copy_col(st, 12, m->uid, sizeof(m->uid));
	copy_col(st, 13, m->updated, sizeof(m->updated));
}

/* 1 found, 0 not, -1 error. */
static int
meeting_by_id(sqlite3 *db, long long net, long long id, struct meeting *m,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, MEETING_SELECT "WHERE m.network_id = ? AND "
	    "m.id = ?", &st, err) != 0)
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

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		if ((nv = reallocarray(*v, *cap, sizeof(*nv))) == NULL)
			return oom(err);
		*v = nv;
	}
	(*v)[(*n)++] = *m;
	return 0;
}

/* Meetings in [from, to]; cancelled ones only when asked. */
static int
meetings_between(sqlite3 *db, long long net, day_t from, day_t to,
    int cancelled, struct meeting **out, size_t *n, size_t *cap,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	struct meeting m;
	char f[11], t[11];
	int rc;

	date_format(from, f);
	date_format(to, t);
	if (db_prepare(db, MEETING_SELECT "WHERE m.network_id = ?1 AND "
	    "m.date BETWEEN ?2 AND ?3 AND (?4 OR m.status <> 'cancelled') "
	    "ORDER BY m.date, m.time, m.id", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, cancelled);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		meeting_row(st, &m);
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
	return meetings_between(db, net->id, from, to, 1, out, n, &cap, err);
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
	sqlite3_stmt *st;
	long long pid;
	int rc, first = 1;

	*id = 0;
	if (db_prepare(db, "SELECT p.id, p.alias, (SELECT max(m.date) FROM "
	    "meeting m WHERE m.chair_id = p.id AND m.status <> 'cancelled') "
	    "AS last FROM person p WHERE p.network_id = ? AND p.role = 'ally' "
	    "AND p.status = 'active' ORDER BY last IS NOT NULL, last, "
	    "length(p.alias), p.alias", &st, err) != 0)
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
 * of two as near) that is no holiday, in no blackout and free.
 */
static int
pick_date(sqlite3 *db, const struct network *net, const struct plan *p,
    day_t lo, day_t hi, day_t ideal, day_t *out, struct ally_error *err)
{
	char a[11], b[11], wd[64];
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
				return 0;
			}
		}
	}
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

int
meeting_plan(sqlite3 *db, const struct network *net, const struct plan *p,
    struct meeting **out, size_t *n, int *past, struct ally_error *err)
{
	struct meeting m;
	size_t cap = 0, before, i;
	long span = p->to - p->from + 1;
	day_t lo, hi, ideal, day;
	int slot;

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
		if (meetings_between(db, net->id, lo, hi, 0, out, n, &cap,
		    err) != 0)
			return -1;
		if (*n > before) {
			for (i = before; i < *n; i++)
				(*out)[i].change = "exists";
			continue;
		}
		if (hi <= p->today) {
			(*past)++;
			continue;
		}
		if (lo <= p->today)
			lo = p->today + 1;
		if (ideal < lo)
			ideal = lo;
		if (pick_date(db, net, p, lo, hi, ideal, &day, err) != 0 ||
		    meeting_add(db, net, day, p->from, p->to, &m, err) != 0 ||
		    push(out, n, &cap, &m, err) != 0)
			return -1;
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
	if (lo <= p->today)
		lo = p->today + 1;
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

static void
add_changed(struct meeting *m, const char *field)
{
	size_t n = strlen(m->fields);

	snprintf(m->fields + n, sizeof(m->fields) - n, "%s%s", n ? " " : "",
	    field);
}

/* An active member of this network, by alias: 1 found, 0 not. */
static int
chair_by_alias(sqlite3 *db, long long net, const char *alias,
    long long *id, char *status, size_t len, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT id, status FROM person WHERE network_id = "
	    "? AND alias = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, alias, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		copy_col(st, 1, status, len);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

/* Check the record's values and overlay them on m; chair id in *chair. */
static int
meeting_overlay(sqlite3 *db, const struct network *net,
    const struct record *r, day_t today, struct meeting *m,
    long long *chair, struct ally_error *err)
{
	struct venue_row v;
	const struct meeting old = *m;
	char status[16];
	const char *s;
	day_t d;
	int min, b, rc, taken;

	if ((s = record_get(r, "date")) != NULL) {
		if (date_parse(s, &d) != 0)
			return field_error(r, "date", err, "'%s' is not a date "
			    "(YYYY-MM-DD)", s);
		m->date = d;
	} else if (record_has(r, "date"))
		return field_error(r, "date", err, "%s", _("a meeting needs a "
		    "date"));
	if ((s = record_get(r, "time")) != NULL) {
		if (time_parse(s, &min) != 0)
			return field_error(r, "time", err, "'%s' is not a time "
			    "(HH:MM)", s);
		snprintf(m->time, sizeof(m->time), "%s", s);
	} else if (record_has(r, "time"))
		return field_error(r, "time", err, "%s", _("a meeting needs a "
		    "start time"));
	if (record_has(r, "location")) {
		s = record_get(r, "location");
		if (s == NULL) {
			m->location[0] = '\0';
		} else if (strcmp(s, old.location) != 0) {
			if ((rc = venue_find(db, net->id, 0, s, &v, err)) < 0)
				return -1;
			if (rc == 0)
				return field_error(r, "location", err, "no "
				    "venue '%s' in this network (add it with "
				    "meet-plan -V)", s);
			snprintf(m->location, sizeof(m->location), "%s", s);
			snprintf(m->host, sizeof(m->host), "%s", v.host);
		}
	}
	/* A host given explicitly (and different) wins over the venue's. */
	if (record_has(r, "host")) {
		s = record_get(r, "host");
		if (s == NULL)
			m->host[0] = '\0';
		else if (strcmp(s, old.host) != 0)
			snprintf(m->host, sizeof(m->host), "%s", s);
	}
	if (record_has(r, "chair")) {
		s = record_get(r, "chair");
		if (s == NULL) {
			m->chair[0] = '\0';
			*chair = 0;
		} else if (strcmp(s, old.chair) != 0) {
			if ((rc = chair_by_alias(db, net->id, s, chair, status,
			    sizeof(status), err)) < 0)
				return -1;
			if (rc == 0)
				return field_error(r, "chair", err, "no member "
				    "'%s' in this network", s);
			if (strcmp(status, "active") != 0)
				return ally_error_at(err, EX_DATAERR, r->file,
				    record_line(r, "chair"), "chair", "%s is "
				    "%s, not active", s, status);
			snprintf(m->chair, sizeof(m->chair), "%s", s);
		}
	}
	if ((s = record_get(r, "meal")) != NULL) {
		if (parse_bool(s, &b) != 0)
			return field_error(r, "meal", err, "'%s': expected yes "
			    "or no", s);
		m->meal = b;
	}
	if ((s = record_get(r, "status")) != NULL)
		snprintf(m->status, sizeof(m->status), "%s", s);
	else if (record_has(r, "status"))
		return field_check_enum(r, record_def_field(&meeting_def,
		    "status"), NULL, err);
	if (strcmp(m->status, "held") == 0 && m->date > today)
		return field_error(r, record_has(r, "date") ? "date" : "status",
		    err, "%s", _("a meeting in the future cannot have been "
		    "held"));
	if (m->date != old.date && strcmp(m->status, "cancelled") != 0) {
		if (date_taken(db, net->id, m->date, m->id, &taken, err) != 0)
			return -1;
		if (taken)
			return field_error(r, "date", err, "another meeting of "
			    "this network is on %s", record_get(r, "date"));
	}
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
	    "notes, name_override, created, updated) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8, 0, ?9, ?10, ?11, " NOW_SQL ", " NOW_SQL ")";
	static const char upd[] = "UPDATE meeting SET sequence = sequence + "
	    MEETING_SEEN_CHANGE ", date = ?2, time = ?3, location = ?4, "
	    "host = ?5, chair_id = ?6, meal = ?7, status = ?8, notes = CASE "
	    "WHEN ?9 THEN ?10 ELSE notes END, name_override = CASE WHEN ?9 "
	    "THEN ?11 ELSE name_override END, updated = " NOW_SQL " WHERE "
	    "id = ?1";
	sqlite3_stmt *st;
	char uid[64];
	int rc;

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
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, "meeting");
	if (m->id == 0)
		m->id = sqlite3_last_insert_rowid(db);
	return 0;
}

/* A stored meeting as meet-plan -u changed it, chair by person id. */
static int
meeting_store(sqlite3 *db, const struct meeting *m, long long chair,
    struct ally_error *err)
{
	struct meeting_values v;
	char d[11];

	date_format(m->date, d);
	memset(&v, 0, sizeof(v));
	v.id = m->id;
	v.date = d;
	v.time = m->time;
	v.location = m->location;
	v.host = m->host;
	v.chair = chair;
	v.meal = m->meal;
	v.status = m->status;
	return meeting_write(db, &v, err);
}

int
meeting_venue_host(sqlite3 *db, long long net, const char *venue,
    char *host, size_t len, struct ally_error *err)
{
	struct venue_row v;
	int rc;

	if ((rc = venue_find(db, net, 0, venue, &v, err)) == 1)
		snprintf(host, len, "%s", v.host);
	return rc;
}

static int
current_chair(sqlite3 *db, long long id, long long *chair,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT chair_id FROM meeting WHERE id = ?", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*chair = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, NULL);
}

int
meeting_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, struct meeting *out, struct ally_error *err)
{
	static const char *const ignored[] = { "change", "fields", NULL };
	struct meeting old, m;
	const char *s;
	long long id, chair;
	int rc;

	if (check_fields(r, meeting_fields, ignored, _("a meeting"),
	    err) != 0 ||
	    fields_check(&meeting_def, r, FIELDS_ENUMS, 0, err) != 0 ||
	    check_text(r, "location", VENUE_NAME_MAX, err) != 0 ||
	    check_text(r, "chair", 16, err) != 0)
		return -1;
	if ((s = record_get(r, "network")) != NULL &&
	    strcmp(s, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", s);
	if ((s = record_get(r, "id")) == NULL)
		return field_error(r, "id", err, "%s", _("which meeting? "
		    "records are matched by id (plan new meetings with -y, "
		    "-s or --next)"));
	if (parse_int(s, 1, INT64_MAX, &id) != 0)
		return field_error(r, "id", err, "'%s' is not an id", s);
	if ((rc = meeting_by_id(db, net->id, id, &old, err)) < 0)
		return -1;
	if (rc == 0)
		return field_error(r, "id", err, "no meeting %s in this "
		    "network", s);
	if (current_chair(db, id, &chair, err) != 0)
		return -1;
	m = old;
	if (meeting_overlay(db, net, r, today, &m, &chair, err) != 0)
		return -1;
	if (m.date != old.date)
		add_changed(&m, "date");
	if (strcmp(m.time, old.time) != 0)
		add_changed(&m, "time");
	if (strcmp(m.location, old.location) != 0)
		add_changed(&m, "location");
	if (strcmp(m.host, old.host) != 0)
		add_changed(&m, "host");
	if (strcmp(m.chair, old.chair) != 0)
		add_changed(&m, "chair");
	if (m.meal != old.meal)
		add_changed(&m, "meal");
	if (strcmp(m.status, old.status) != 0)
		add_changed(&m, "status");
	if (m.fields[0] == '\0') {
		*out = old;
		out->change = "unchanged";
		return 0;
	}
	if (meeting_store(db, &m, chair, err) != 0 ||
	    meeting_by_id(db, net->id, id, out, err) != 1)
		return -1;
	out->change = "updated";
	snprintf(out->fields, sizeof(out->fields), "%s", m.fields);
	return 0;
}
