/*
 * minutes.c: what a meeting said and agreed, and what the next one takes
 * up again.
 *
 * A minutes record names the meeting (by id, or by the date of a meeting
 * that was not planned), who sat at the table, the themes discussed with
 * their tension and the actions agreed.  Recording makes the meeting
 * held, stores the attendance (members active at the meeting and not
 * listed are absent), turns the themes into signals of the meeting and
 * the actions into tracked actions.  The method talks about developments,
 * not about persons: text that holds a member's name is refused unless
 * the caller lets names through, and then that is written down.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "action.h"
#include "dbquery.h"
#include "fields.h"
#include "guest.h"
#include "meeting.h"
#include "minutes.h"
#include "names.h"
#include "tension.h"
#include "topic.h"
#include "reply.h"

const char *const minutes_views[] = { "meetings", "attendance", "themes",
    "actions", NULL };

/* An action in minutes: where it was agreed goes without saying. */
#define MINUTES_ACTION	FIELD_CONTEXT

static const char *const view_meetings[] = { "meeting", "network", "date",
    "time", "location", "host", "chair", "meal", "present", "excused",
    "absent", "notes", NULL };
static const char *const view_attendance[] = { "meeting", "date", "alias",
    "presence", NULL };
/* With the id, so that the listing fed to report-sentiment -r corrects. */
static const char *const view_themes[] = { "id", "date", "theme", "tension",
    "trend", "basis", "source", "summary", NULL };
static const char *const view_actions[] = { "id", "network", "meeting",
    "title", "party", "owner", "due", "status", "closed", "note",
    "revision", NULL };

enum presence { P_NONE, P_PRESENT, P_EXCUSED, P_ABSENT };
static const char *const presence_names[] = { "", "present", "excused",
    "absent" };

struct member {
	long long	 id;
	char		*alias, *role, *status, *joined, *left, *since;
};

struct minutes {
	sqlite3			*db;
	const struct network	*net;		/* &netc */
	struct network		 netc;		/* with the names index */
	int			 flags;
	day_t			 today;
	struct member		*m;
	size_t			 nm;
	struct names		*names;
	long long		*seen;		/* meetings recorded in this run */
	size_t			 nseen;
};

/* The minutes of one meeting while they are checked and stored. */
struct doc {
	const struct record	*r;
	long long		 meeting;	/* 0: a new meeting */
	int			 recorded;	/* minutes stored before */
	char			 date[11], time[6];
	char			*location, *host, *notes;
	int			 meal;
	long			 chair;		/* member index, -1 none */
	long			 old_chair;
	enum presence		*pres;
	char			 names[256];	/* aliases whose names passed */
	int			 counts[4];
	size_t			 nthemes, nactions, nguests;
};

const char *const *
minutes_view_columns(enum minutes_view v)
{
	switch (v) {
	case MINUTES_VIEW_ATTENDANCE:
		return view_attendance;
	case MINUTES_VIEW_THEMES:
		return view_themes;
	case MINUTES_VIEW_ACTIONS:
		return view_actions;
	default:
		return view_meetings;
	}
}

/* What minutes_load must load for a view: themes and actions only for theirs. */
int
minutes_view_load(enum minutes_view v)
{
	return v == MINUTES_VIEW_THEMES ? MINUTES_LOAD_THEME_IDS :
	    v == MINUTES_VIEW_ACTIONS ? 0 : MINUTES_LOAD_HEAD;
}

const char *
minutes_tension_name(int level)
{
	return level >= 0 && level <= 4 ? signal_levels[level] : "";
}

/* ---- the members of the network -------------------------------------- */

static char *
column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? strdup((const char *)s) : NULL;
}

static int
load_members(struct minutes *mi, struct ally_error *err)
{
	static const char sql[] = "SELECT id, alias, role, status, joined, "
	    "left, status_since FROM person WHERE network_id = ? "
	    "ORDER BY role <> 'ally', length(alias), alias";
	sqlite3_stmt *st;
	struct member *m;
	size_t cap = 0;
	int rc;

	if (db_prepare(mi->db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, mi->net->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((m = array_grow(mi->m, mi->nm, &cap, sizeof(*m))) == NULL)
			goto oom;
		mi->m = m;
		m = &mi->m[mi->nm++];
		memset(m, 0, sizeof(*m));
		m->id = sqlite3_column_int64(st, 0);
		if ((m->alias = column_dup(st, 1)) == NULL ||
		    (m->role = column_dup(st, 2)) == NULL ||
		    (m->status = column_dup(st, 3)) == NULL)
			goto oom;
		m->joined = column_dup(st, 4);
		m->left = column_dup(st, 5);
		m->since = column_dup(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(mi->db, rc, err, "person");
	return 0;
oom:
	sqlite3_finalize(st);
	return ally_errorf(err, EX_OSERR, "out of memory");
}

static long
member_index(const struct minutes *mi, const char *alias)
{
	size_t i;

	for (i = 0; i < mi->nm; i++)
		if (strcmp(mi->m[i].alias, alias) == 0)
			return (long)i;
	return -1;
}

static long
member_by_id(const struct minutes *mi, long long id)
{
	size_t i;

	for (i = 0; i < mi->nm; i++)
		if (mi->m[i].id == id)
			return (long)i;
	return -1;
}

/* Did the member sit at the table, as a member, on that date? */
static int
member_active_on(const struct member *m, const char *date)
{
	if (m->joined == NULL || strcmp(m->joined, date) > 0)
		return 0;
	if (m->left != NULL && strcmp(m->left, date) <= 0)
		return 0;
	if (strcmp(m->status, "candidate") == 0)
		return 0;
	if (strcmp(m->status, "paused") == 0 && (m->since == NULL ||
	    strcmp(m->since, date) <= 0))
		return 0;
	return 1;
}

struct minutes *
minutes_open(sqlite3 *db, const struct network *net, int flags, day_t today,
    struct ally_error *err)
{
	struct minutes *mi;

	if ((mi = calloc(1, sizeof(*mi))) == NULL) {
		ally_errorf(err, EX_OSERR, "out of memory");
		return NULL;
	}
	mi->db = db;
	mi->netc = *net;
	mi->net = &mi->netc;
	mi->flags = flags;
	mi->today = today;
	/*
	 * The themes and actions are stored by signal_apply and
	 * action_apply, which check their text through the network's index:
	 * this one, that speaks of minutes and lets names through as asked.
	 */
	if ((mi->names = names_load(db, net->id, NAMES_MINUTES |
	    (flags & MINUTES_ALLOW_NAMES ? NAMES_ALLOW : 0), err)) == NULL) {
		minutes_close(mi);
		return NULL;
	}
	mi->netc.names = mi->names;
	if (load_members(mi, err) != 0) {
		minutes_close(mi);
		return NULL;
	}
	return mi;
}

void
minutes_close(struct minutes *mi)
{
	size_t i;

	if (mi == NULL)
		return;
	for (i = 0; i < mi->nm; i++) {
		free(mi->m[i].alias);
		free(mi->m[i].role);
		free(mi->m[i].status);
		free(mi->m[i].joined);
		free(mi->m[i].left);
		free(mi->m[i].since);
	}
	free(mi->m);
	names_free(mi->names);
	free(mi->seen);
	free(mi);
}

long
minutes_names_let_through(const struct minutes *mi)
{
	return names_let_through(mi->names);
}

/* ---- checking a minutes record --------------------------------------- */

static int
bad(const struct record *r, const char *field, struct ally_error *err,
    const char *fmt, const char *arg)
{
	return ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
	    field, fmt, arg);
}

/*
 * Every field known (a field of def whose flags have none of mask),
 * and of the right shape.  Unknown is the message (marked with N_, a
 * format with the list of known fields as its %s).
 */
static int
check_fields(const struct record *r, const struct record_def *def,
    unsigned mask, const char *unknown, struct ally_error *err)
{
	char list[512];
	size_t i;
	const struct field *f;
	int listy, recs, j;

	for (i = 0; i < r->nfields; i++) {
		f = &r->fields[i];
		if ((j = record_def_index(def, f->key)) >= 0 &&
		    !(def->fields[j].flags & mask)) {
			listy = def->fields[j].kind == FK_LIST;
			recs = def->fields[j].kind == FK_RECORDS;
			if (f->kind == VAL_RECORDS && !recs)
				return bad(r, f->key, err, "%s", _("expected a "
				    "value, not a list of records"));
			if (f->kind == VAL_LIST && f->nitems > 0 && !listy)
				return bad(r, f->key, err, "%s",
				    recs ?
				    /*
				     * TRANSLATORS: "field: value" shows how
				     * a record is written: keep it.
				     */
				    _("expected a list of records (field: "
				    "value), not of words") :
				    _("expected one value, not a list"));
			if (f->kind == VAL_SCALAR && recs)
				return bad(r, f->key, err, "%s",
				    /* TRANSLATORS: keep "field: value". */
				    _("expected a list of records (field: "
				    "value)"));
			continue;
		}
		fields_join_except(def, mask | FIELD_UNLISTED, list,
		    sizeof(list));
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, f->key), f->key, unknown, list);
	}
	return 0;
}

static int
check_text(const struct record *r, const char *field, int multiline,
    size_t max, struct ally_error *err)
{
	const char *v = record_get(r, field);
	int rc;

	if (v == NULL)
		return 0;
	if ((rc = valid_text(v, multiline)) != 0)
		return bad(r, field, err, "%s", text_fault(v, rc, multiline));
	if (strlen(v) > max)
		return bad(r, field, err, "%s", _("too long"));
	return 0;
}

/*
 * Refuse text that names a member; with names let through, note whose
 * name it was so that the meeting carries the override.  Only the
 * meeting's own notes are counted here: the themes and actions are
 * counted where they are stored (signal_apply, action_apply), and
 * looked at here so that nothing of minutes that name a member is
 * stored, and the meeting knows whose names passed before it is.
 */
static int
check_names(struct minutes *mi, struct doc *d, const struct record *r,
    const char *field, int counted_here, struct ally_error *err)
{
	return names_check_in(mi->names, r, field, d->names,
	    sizeof(d->names), counted_here, err);
}

/* An alias of this network: its index, else a diagnostic. */
static long
resolve_alias(struct minutes *mi, const struct record *r, const char *field,
    const char *alias, struct ally_error *err)
{
	sqlite3_stmt *st;
	long k;
	int rc;

	if ((k = member_index(mi, alias)) >= 0)
		return k;
	if (db_prepare(mi->db, "SELECT n.name FROM person p JOIN network n "
	    "ON n.id = p.network_id WHERE p.alias = ? AND p.network_id <> ? "
	    "ORDER BY n.name LIMIT 1", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, alias, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, mi->net->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
		    field, "%s is a member of network %s, not of %s", alias,
		    (const char *)sqlite3_column_text(st, 0), mi->net->name);
	else if (rc == SQLITE_DONE && strcmp(field, "present") == 0 &&
	    strpbrk(alias, "0123456789") == NULL)
		/* A word without a digit is a role more often than an alias. */
		ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
		    field, "%s is no member of network %s (a guest goes under "
		    "guests, by role or organisation)", alias, mi->net->name);
	else if (rc == SQLITE_DONE)
		ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
		    field, "%s is no member of network %s", alias,
		    mi->net->name);
	else
		db_error(mi->db, rc, err, "person");
	sqlite3_finalize(st);
	return -1;
}

static int
meeting_seen(const struct minutes *mi, long long id)
{
	size_t i;

	for (i = 0; i < mi->nseen; i++)
		if (mi->seen[i] == id)
			return 1;
	return 0;
}

static int
meeting_has_minutes(sqlite3 *db, long long id, int *yes,
    struct ally_error *err)
{
	*yes = db_exists(db, err, "SELECT 1 FROM attendance WHERE "
	    "meeting_id = ? LIMIT 1", 1, id);
	return *yes < 0 ? -1 : 0;
}

/* Take over what the meeting row says: the minutes amend it. */
static int
load_meeting(struct minutes *mi, struct doc *d, const char *field,
    struct ally_error *err)
{
	static const char sql[] = "SELECT m.network_id, n.name, m.date, "
	    "m.time, m.location, m.host, m.chair_id, m.meal, m.status, "
	    "m.notes FROM meeting m JOIN network n ON n.id = m.network_id "
	    "WHERE m.id = ?";
	const struct record *r = d->r;
	sqlite3_stmt *st;
	char idbuf[32];
	int rc;

	snprintf(idbuf, sizeof(idbuf), "%lld", d->meeting);
	if (db_prepare(mi->db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, d->meeting);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_error(mi->db, rc, err, "meeting");
		return bad(r, field, err, "no meeting %s (meet-plan lists "
		    "them)", idbuf);
	}
	if (sqlite3_column_int64(st, 0) != mi->net->id) {
		ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
		    field, "meeting %s belongs to network %s, not to %s",
		    idbuf, (const char *)sqlite3_column_text(st, 1),
		    mi->net->name);
		sqlite3_finalize(st);
		return -1;
	}
	if (strcmp((const char *)sqlite3_column_text(st, 8),
	    "cancelled") == 0) {
		sqlite3_finalize(st);
		return bad(r, field, err, "meeting %s was cancelled; plan it "
		    "again with meet-plan, or record the minutes by date",
		    idbuf);
	}
	snprintf(d->date, sizeof(d->date), "%s", sqlite3_column_text(st, 2));
	snprintf(d->time, sizeof(d->time), "%s", sqlite3_column_text(st, 3));
	if (str_set(&d->location, (const char *)sqlite3_column_text(st, 4)) ||
	    str_set(&d->host, (const char *)sqlite3_column_text(st, 5)) ||
	    str_set(&d->notes, (const char *)sqlite3_column_text(st, 9))) {
		sqlite3_finalize(st);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	d->old_chair = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 :
	    member_by_id(mi, sqlite3_column_int64(st, 6));
	d->chair = d->old_chair;
	d->meal = sqlite3_column_int(st, 7);
	sqlite3_finalize(st);
	return 0;
}

/* A meeting named by date: the one not cancelled that day, if any. */
static int
meeting_on_date(struct minutes *mi, struct doc *d, const char *date,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	if (db_prepare(mi->db, "SELECT id FROM meeting WHERE network_id = ? "
	    "AND date = ? AND status <> 'cancelled' ORDER BY time, id", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, mi->net->id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			d->meeting = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(mi->db, rc, err, "meeting");
	if (n > 1)
		return bad(d->r, "date", err, "%s has more than one meeting; "
		    "name it by its id (meeting: ID)", date);
	return 0;
}

static int
resolve_meeting(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	const struct record *r = d->r;
	const char *v, *date = record_get(r, "date");
	long long id;
	day_t day;

	if (date != NULL && date_parse(date, &day) != 0)
		return bad(r, "date", err, "'%s' is not a date (YYYY-MM-DD)",
		    date);
	d->chair = d->old_chair = -1;
	d->meal = 1;
	if ((v = record_get(r, "meeting")) != NULL) {
		if (parse_int(v, 1, INT64_MAX, &id) != 0)
			return bad(r, "meeting", err, "'%s' is not a meeting "
			    "id", v);
		d->meeting = id;
		if (load_meeting(mi, d, "meeting", err) != 0)
			return -1;
	} else if (date != NULL) {
		if (meeting_on_date(mi, d, date, err) != 0)
			return -1;
		if (d->meeting != 0 && load_meeting(mi, d, "date", err) != 0)
			return -1;
		if (d->meeting == 0)
			snprintf(d->time, sizeof(d->time), "%s",
			    mi->net->start_time);
	} else
		return ally_error_at(err, EX_DATAERR, r->file, r->line,
		    "meeting", "minutes need the meeting's id (meeting: ID) "
		    "or, for a meeting that was not planned, its date");
	if (date != NULL)
		snprintf(d->date, sizeof(d->date), "%s", date);
	if (date_parse(d->date, &day) != 0)
		return bad(r, "meeting", err, "the meeting's date '%s' is not "
		    "a date", d->date);
	if (day > mi->today)
		return bad(r, record_has(r, "date") ? "date" : "meeting", err,
		    "%s is in the future: minutes are recorded after the "
		    "meeting", d->date);
	if (d->meeting != 0) {
		if (meeting_seen(mi, d->meeting))
			return bad(r, record_has(r, "meeting") ? "meeting" :
			    "date", err, "the minutes of this meeting (%s) "
			    "are given twice in the input", d->date);
		if (meeting_has_minutes(mi->db, d->meeting, &d->recorded,
		    err) != 0)
			return -1;
		if (d->recorded && !(mi->flags & MINUTES_REPLACE))
			return bad(r, record_has(r, "meeting") ? "meeting" :
			    "date", err, "the minutes of the meeting of %s "
			    "are recorded already; replace them with -r",
			    d->date);
	}
	return 0;
}

/* Meeting fields other than the attendance. */
static int
check_meeting_fields(struct minutes *mi, struct doc *d,
    struct ally_error *err)
{
	const struct record *r = d->r;
	const char *v;
	int minutes, b;

	if ((v = record_get(r, "network")) != NULL &&
	    strcmp(v, mi->net->name) != 0)
		return bad(r, "network", err, "'%s' is not this network "
		    "(choose it with -n)", v);
	if ((v = record_get(r, "time")) != NULL) {
		if (time_parse(v, &minutes) != 0)
			return bad(r, "time", err, "'%s' is not a time (HH:MM)",
			    v);
		snprintf(d->time, sizeof(d->time), "%s", v);
	}
	if (check_text(r, "location", 0, 200, err) != 0 ||
	    check_text(r, "notes", 1, 4000, err) != 0)
		return -1;
	/* Another venue brings its own host, unless one is given. */
	if (record_has(r, "location") &&
	    (str_set(&d->location, record_get(r, "location")) != 0 ||
	    (!record_has(r, "host") && str_set(&d->host, NULL) != 0)))
		return ally_errorf(err, EX_OSERR, "out of memory");
	v = record_get(r, "host");
	if (field_check_enum(r, record_def_field(&minutes_def, "host"), v,
	    err) != 0)
		return -1;
	if (record_has(r, "host") && str_set(&d->host, v) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if ((v = record_get(r, "meal")) != NULL) {
		if (parse_bool(v, &b) != 0)
			return bad(r, "meal", err, "'%s': expected yes or no",
			    v);
		d->meal = b;
	}
	if (record_has(r, "notes") &&
	    str_set(&d->notes, record_get(r, "notes")) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return check_names(mi, d, r, "notes", 1, err);
}

static int
check_attendance(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	const struct record *r = d->r;
	const char **items, *v;
	char *buf;
	size_t n, i;
	long k;
	int p;

	if ((d->pres = calloc(mi->nm + 1, sizeof(*d->pres))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	for (p = P_PRESENT; p <= P_ABSENT; p++) {
		n = record_list(r, presence_names[p], &items, &buf);
		for (i = 0; i < n; i++) {
			k = resolve_alias(mi, r, presence_names[p], items[i],
			    err);
			if (k >= 0 && d->pres[k] != P_NONE) {
				ally_error_at(err, EX_DATAERR, r->file,
				    record_line(r, presence_names[p]),
				    presence_names[p], "%s is listed as %s "
				    "already", items[i],
				    presence_names[d->pres[k]]);
				k = -1;
			}
			if (k >= 0 && mi->m[k].left != NULL &&
			    strcmp(mi->m[k].left, d->date) < 0) {
				ally_error_at(err, EX_DATAERR, r->file,
				    record_line(r, presence_names[p]),
				    presence_names[p], "%s had left the "
				    "network (%s) before this meeting",
				    items[i], mi->m[k].left);
				k = -1;
			}
			if (k < 0) {
				free(items);
				free(buf);
				return -1;
			}
			d->pres[k] = p;
			d->counts[p]++;
		}
		free(items);
		free(buf);
	}
	if (d->counts[P_PRESENT] == 0)
		return bad(r, "present", err, "%s", _("nobody present: list "
		    "who sat at the table by alias"));
	if ((v = record_get(r, "chair")) != NULL) {
		if (valid_alias(v) != 0)
			return bad(r, "chair", err, "'%s' is not an alias", v);
		if ((k = resolve_alias(mi, r, "chair", v, err)) < 0)
			return -1;
		d->chair = k;
	} else if (record_has(r, "chair"))
		d->chair = -1;
	if (d->chair < 0 || d->pres[d->chair] == P_PRESENT)
		return 0;
	if (record_has(r, "chair"))
		return bad(r, "chair", err, "%s is not listed as present",
		    mi->m[d->chair].alias);
	/* TRANSLATORS: "chair: ALIAS" is how it is written: keep it. */
	return bad(r, "present", err, "%s was to chair but is not listed as "
	    "present; say who chaired (chair: ALIAS)", mi->m[d->chair].alias);
}

static int
check_theme(struct minutes *mi, struct doc *d, const struct record *t,
    struct ally_error *err)
{
	const char *v;
	int level;

	if (check_fields(t, &theme_def, 0, N_("unknown field (a theme has: "
	    "%s)"), err) != 0)
		return -1;
	if ((v = record_get(t, "theme")) == NULL)
		return bad(t, "theme", err, "%s",
		    /*
		     * TRANSLATORS: the themes are values as the user types
		     * them (radicalisation, polarisation...): keep them.
		     */
		    _("missing: radicalisation, "
		    "polarisation, nuisance, poverty, youth, safety, trust or "
		    "another word"));
	if (signal_valid_theme(v) != 0)
		return bad(t, "theme", err, "'%s' is not one lower-case word "
		    "(a-z and -, at most 32)", v);
	if ((v = record_get(t, "tension")) == NULL)
		return bad(t, "tension", err, "%s",
		    /*
		     * TRANSLATORS: calm, attention, concern, tension and
		     * unrest are values the user may type for the level:
		     * keep them in English.
		     */
		    _("missing: 0 calm, 1 attention, 2 concern, 3 tension, 4 "
		    "unrest"));
	if (signal_parse_tension(v, &level) != 0)
		/* TRANSLATORS: keep calm, attention... (values). */
		return bad(t, "tension", err, "'%s' is outside 0-4 (0 calm, 1 "
		    "attention, 2 concern, 3 tension, 4 unrest)", v);
	if (fields_check(&theme_def, t, FIELDS_ENUMS, 0, err) != 0)
		return -1;
	if (check_text(t, "summary", 0, 500, err) != 0)
		return -1;
	return check_names(mi, d, t, "summary", 0, err);
}

/* Whose task fits which party: joint actions may fall to anyone. */
static int
owner_fits(const char *party, const char *role)
{
	return strcmp(party, "joint") == 0 || strcmp(party, role) == 0;
}

/* The owner of an action is of another party than the action. */
static int
owner_misfit(const struct record *a, const char *alias, const char *role,
    const char *party, struct ally_error *err)
{
	unsigned long line = record_line(a, "owner");

	if (strcmp(role, "ally") == 0)
		/*
		 * TRANSLATORS: %1$s is the owner's alias, %2$s the party of
		 * the action (police, municipality, ally); the parties and
		 * "joint" are values: keep them in English.
		 */
		return ally_error_at(err, EX_DATAERR, a->file, line, "owner",
		    "%s is an ally, but the party is %s (joint, if it is "
		    "shared)", alias, party);
	if (strcmp(role, "police") == 0)
		/* TRANSLATORS: as "%s is an ally, but the party is %s ...". */
		return ally_error_at(err, EX_DATAERR, a->file, line, "owner",
		    "%s is police staff, but the party is %s (joint, if it is "
		    "shared)", alias, party);
	/* TRANSLATORS: as "%s is an ally, but the party is %s ...". */
	return ally_error_at(err, EX_DATAERR, a->file, line, "owner", "%s is "
	    "municipality staff, but the party is %s (joint, if it is shared)",
	    alias, party);
}

static int
check_action(struct minutes *mi, struct doc *d, const struct record *a,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	const char *v, *party;
	long long id;
	day_t due, held, closed;
	long k;
	int rc;

	if (check_fields(a, &action_def, MINUTES_ACTION, N_("unknown field (an "
	    "action has: %s)"), err) != 0)
		return -1;
	if ((v = record_get(a, "id")) != NULL) {
		if (parse_int(v, 1, INT64_MAX, &id) != 0)
			return bad(a, "id", err, "'%s' is not an action id", v);
		if (db_prepare(mi->db, "SELECT 1 FROM action WHERE id = ? AND "
		    "network_id = ? AND meeting_id = ?", &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, mi->net->id);
		sqlite3_bind_int64(st, 3, d->meeting);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE || d->meeting == 0)
			return bad(a, "id", err, "action %s was not agreed at "
			    "this meeting (leave the id out for a new one)", v);
		if (rc != SQLITE_ROW)
			return db_error(mi->db, rc, err, "action");
	}
	if (record_get(a, "title") == NULL)
		return bad(a, "title", err, "%s", _("missing: what will be "
		    "done"));
	if (check_text(a, "title", 0, 200, err) != 0 ||
	    check_text(a, "note", 1, 4000, err) != 0)
		return -1;
	if ((party = record_get(a, "party")) == NULL)
		return bad(a, "party", err, "%s",
		    /* TRANSLATORS: the parties are values: keep them. */
		    _("missing: police, "
		    "municipality, ally or joint"));
	if (field_check_enum(a, record_def_field(&action_def, "party"), party,
	    err) != 0)
		return -1;
	if ((v = record_get(a, "owner")) == NULL)
		return bad(a, "owner", err, "%s", _("missing: the alias of the "
		    "member who carries it"));
	if ((k = resolve_alias(mi, a, "owner", v, err)) < 0)
		return -1;
	if (!owner_fits(party, mi->m[k].role))
		return owner_misfit(a, v, mi->m[k].role, party, err);
	if ((v = record_get(a, "due")) == NULL)
		return bad(a, "due", err, "%s", _("missing: the date it is due "
		    "(YYYY-MM-DD)"));
	if (date_parse(v, &due) != 0)
		return bad(a, "due", err, "'%s' is not a date (YYYY-MM-DD)", v);
	date_parse(d->date, &held);
	if (due < held)
		return bad(a, "due", err, "%s is before the meeting that "
		    "agreed it", v);
	if ((v = record_get(a, "status")) != NULL && field_check_enum(a,
	    record_def_field(&action_def, "status"), v, err) != 0)
		return -1;
	if ((v = record_get(a, "closed")) != NULL) {
		if (date_parse(v, &closed) != 0)
			return bad(a, "closed", err, "'%s' is not a date "
			    "(YYYY-MM-DD)", v);
		if (closed > mi->today)
			return bad(a, "closed", err, "%s is in the future", v);
	}
	if (check_names(mi, d, a, "title", 0, err) != 0)
		return -1;
	return check_names(mi, d, a, "note", 0, err);
}

/* The records of a themes or actions field (an empty list has none). */
static size_t
sub_records(const struct record *r, const char *key, struct record ***out)
{
	const struct field *f = record_field(r, key);

	if (f == NULL || f->kind != VAL_RECORDS) {
		*out = NULL;
		return 0;
	}
	*out = f->recs;
	return f->nrecs;
}

static int
check_doc(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	struct record **s;
	size_t n, i;

	if (check_fields(d->r, &minutes_def, 0, N_("unknown field (minutes "
	    "has: %s)"), err) != 0 ||
	    resolve_meeting(mi, d, err) != 0 ||
	    check_meeting_fields(mi, d, err) != 0 ||
	    check_attendance(mi, d, err) != 0)
		return -1;
	n = sub_records(d->r, "themes", &s);
	for (i = 0; i < n; i++)
		if (check_theme(mi, d, s[i], err) != 0)
			return -1;
	d->nthemes = n;
	n = sub_records(d->r, "actions", &s);
	for (i = 0; i < n; i++)
		if (check_action(mi, d, s[i], err) != 0)
			return -1;
	d->nactions = n;
	n = sub_records(d->r, "guests", &s);
	for (i = 0; i < n; i++)
		if (check_fields(s[i], &guest_def, 0, N_("unknown field (a "
		    "guest has: %s)"), err) != 0 || guest_check(mi->db,
		    mi->net, mi->names, s[i], d->names, sizeof(d->names),
		    err) != 0)
			return -1;
	d->nguests = n;
	return topic_check_discussed(mi->db, mi->net, d->r, "topics",
	    d->meeting, err);
}

/* ---- storing ------------------------------------------------------- */

static int
step_done(sqlite3 *db, sqlite3_stmt *st, const char *what,
    struct ally_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, what);
}

/* A venue of the network with that name says who hosts. */
static int
host_from_venue(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	char host[16];
	int rc;

	if (d->host != NULL || d->location == NULL)
		return 0;
	if ((rc = meeting_venue_host(mi->db, mi->net->id, d->location, host,
	    sizeof(host), err)) <= 0)
		return rc;
	return str_set(&d->host, host) != 0 ? ally_errorf(err, EX_OSERR,
	    "out of memory") : 0;
}

static int
store_meeting(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	struct meeting_values m;
	char over[320], today[11];

	if (host_from_venue(mi, d, err) != 0)
		return -1;
	over[0] = '\0';
	if (d->names[0] != '\0') {
		date_format(mi->today, today);
		snprintf(over, sizeof(over), "%s %s: %s", today, user_name(),
		    d->names);
	}
	memset(&m, 0, sizeof(m));
	m.id = d->meeting;
	m.network_id = mi->net->id;
	m.date = d->date;
	m.time = d->time;
	m.location = d->location;
	m.host = d->host;
	m.chair = d->chair >= 0 ? mi->m[d->chair].id : 0;
	m.meal = d->meal;
	m.status = "held";
	m.notes_too = 1;
	m.notes = d->notes;
	m.name_override = over;
	if (meeting_write(mi->db, &m, err) != 0)
		return -1;
	d->meeting = m.id;
	return 0;
}

static int
delete_where_meeting(sqlite3 *db, const char *sql, long long id,
    struct ally_error *err)
{
	sqlite3_stmt *st;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return step_done(db, st, "minutes", err);
}

static int
store_attendance(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	sqlite3_stmt *st;
	enum presence p;
	size_t i;
	int rc;

	if (d->recorded && delete_where_meeting(mi->db, "DELETE FROM "
	    "attendance WHERE meeting_id = ?", d->meeting, err) != 0)
		return -1;
	if (db_prepare(mi->db, "INSERT INTO attendance (meeting_id, "
	    "person_id, presence) VALUES (?, ?, ?)", &st, err) != 0)
		return -1;
	for (i = 0; i < mi->nm; i++) {
		p = d->pres[i];
		if (p == P_NONE && member_active_on(&mi->m[i], d->date)) {
			p = P_ABSENT;
			d->counts[P_ABSENT]++;
		}
		if (p == P_NONE)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, d->meeting);
		sqlite3_bind_int64(st, 2, mi->m[i].id);
		sqlite3_bind_text(st, 3, presence_names[p], -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return db_error(mi->db, rc, err, "attendance");
		}
	}
	sqlite3_finalize(st);
	return 0;
}

static int
store_themes(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	struct record **s, *t;
	long long id;
	size_t n, i;
	day_t day;

	if (!record_has(d->r, "themes"))
		return 0;
	if (d->recorded && signal_drop_meeting(mi->db, d->meeting, err) != 0)
		return -1;
	date_parse(d->date, &day);
	n = sub_records(d->r, "themes", &s);
	for (i = 0; i < n; i++) {
		if ((t = record_dup(s[i])) == NULL ||
		    record_set(t, "date", d->date) != 0) {
			record_free(t);
			return ally_errorf(err, EX_OSERR, "out of memory");
		}
		if (signal_apply(mi->db, mi->net, t, d->meeting, mi->today, &id,
		    err) != 0) {
			record_free(t);
			return -1;
		}
		record_free(t);
	}
	return 0;
}

static int
store_actions(struct minutes *mi, struct doc *d, struct ally_error *err)
{
	struct record **s;
	const char *changed;
	long long id;
	size_t n, i;

	if (!record_has(d->r, "actions"))
		return 0;
	n = sub_records(d->r, "actions", &s);
	if (d->recorded && action_drop_unlisted(mi->db, d->meeting, s, n,
	    err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (action_apply(mi->db, mi->net, s[i], d->meeting, mi->today,
		    &changed, &id, err) != 0)
			return -1;
	return 0;
}

static struct record *
summary(const struct doc *d, const char *change)
{
	struct record *r;

	if ((r = record_new()) == NULL)
		return NULL;
	if (record_set_int(r, "meeting", d->meeting) != 0 ||
	    record_set(r, "date", d->date) != 0 ||
	    record_set(r, "change", change) != 0 ||
	    record_set_int(r, "present", d->counts[P_PRESENT]) != 0 ||
	    record_set_int(r, "excused", d->counts[P_EXCUSED]) != 0 ||
	    record_set_int(r, "absent", d->counts[P_ABSENT]) != 0 ||
	    record_set_int(r, "guests", (long long)d->nguests) != 0 ||
	    record_set_int(r, "themes", (long long)d->nthemes) != 0 ||
	    record_set_int(r, "actions", (long long)d->nactions) != 0 ||
	    record_set_int(r, "line", (long long)d->r->line) != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

static void
doc_free(struct doc *d)
{
	free(d->location);
	free(d->host);
	free(d->notes);
	free(d->pres);
}

/*
 * What recorded minutes hold of a meeting, as one text: its row (not its
 * sequence, its times of change or the note of names let through), the
 * attendance, the themes without their ids, the actions.  The same text
 * before and after minutes are stored again means they were unchanged.
 */
static int
minutes_state(sqlite3 *db, long long meeting, char **out,
    struct ally_error *err)
{
	static const char sql[] =
	    "SELECT (SELECT quote(date) || '|' || quote(time) || '|' || "
	    "quote(location) || '|' || quote(host) || '|' || "
	    "quote(chair_id) || '|' || quote(meal) || '|' || "
	    "quote(status) || '|' || quote(notes) FROM meeting WHERE id = "
	    "?1) || '#' || (SELECT coalesce(group_concat(x, ';'), '') "
	    "FROM (SELECT person_id || '=' || presence AS x FROM "
	    "attendance WHERE meeting_id = ?1 ORDER BY person_id)) || '#' "
	    "|| (SELECT coalesce(group_concat(x, ';'), '') FROM (SELECT "
	    "quote(source_id) || '|' || quote(date) || '|' || "
	    "quote(theme) || '|' || quote(tension) || '|' || quote(trend) "
	    "|| '|' || quote(basis) || '|' || quote(summary) AS x FROM "
	    "signal WHERE meeting_id = ?1 ORDER BY x)) || '#' || (SELECT "
	    "coalesce(group_concat(x, ';'), '') FROM (SELECT quote(id) || "
	    "'|' || quote(title) || '|' || quote(party) || '|' || "
	    "quote(owner_id) || '|' || quote(due) || '|' || quote(status) "
	    "|| '|' || quote(closed) || '|' || quote(note) AS x FROM "
	    "action WHERE meeting_id = ?1 ORDER BY id))";
	sqlite3_stmt *st;
	const char *v;
	int rc;

	*out = NULL;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, meeting);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(db, rc, err, "meeting");
	}
	v = (const char *)sqlite3_column_text(st, 0);
	*out = strdup(v != NULL ? v : "");
	sqlite3_finalize(st);
	return *out != NULL ? 0 : ally_errorf(err, EX_OSERR, "out of memory");
}

/*
 * Store the minutes of d.  Minutes recorded before are stored within a
 * savepoint: when they come out as they were, it is rolled back, so
 * that nothing is written (not even the themes' ids or the meeting's
 * time of change), and *change is "unchanged".
 */
static int
store_minutes(struct minutes *mi, struct doc *d, const char **change,
    struct ally_error *err)
{
	char *before = NULL, *after = NULL;
	int rc, same = 0;

	if (d->recorded && (minutes_state(mi->db, d->meeting, &before,
	    err) != 0 || db_exec(mi->db, "SAVEPOINT minutes", err) != 0)) {
		free(before);
		return -1;
	}
	rc = store_meeting(mi, d, err) != 0 ||
	    store_attendance(mi, d, err) != 0 ||
	    store_themes(mi, d, err) != 0 ||
	    store_actions(mi, d, err) != 0 ? -1 : 0;
	if (rc == 0 && before != NULL &&
	    (rc = minutes_state(mi->db, d->meeting, &after, err)) == 0)
		same = strcmp(before, after) == 0;
	if (rc == 0 && same && (rc = db_exec(mi->db, "ROLLBACK TO minutes",
	    err)) == 0)
		*change = "unchanged";
	if (rc == 0 && before != NULL)
		rc = db_exec(mi->db, "RELEASE minutes", err);
	free(before);
	free(after);
	return rc;
}

/*
 * Every recording and replacement of minutes, in the audit log (minutes
 * given again as they were are neither).
 */
static int
audit_minutes(const struct minutes *mi, const struct doc *d,
    const char *change, struct ally_error *err)
{
	char what[64];

	if (strcmp(change, "unchanged") == 0)
		return 0;
	snprintf(what, sizeof(what), "minutes %s %s", change, d->date);
	return db_audit_as(mi->db, "minutes", NULL, "meet-minutes",
	    mi->net->name, what, 1, err);
}

int
minutes_apply(struct minutes *mi, const struct record *r,
    struct record **out, struct ally_error *err)
{
	struct doc d;
	struct record **s;
	long long *ns;
	size_t n;
	const char *change;
	int rc = -1, created;

	*out = NULL;
	memset(&d, 0, sizeof(d));
	d.r = r;
	if (check_doc(mi, &d, err) != 0)
		goto out;
	created = d.meeting == 0;
	change = created ? "added" : d.recorded ? "replaced" : "recorded";
	if (store_minutes(mi, &d, &change, err) != 0)
		goto out;
	n = sub_records(r, "guests", &s);
	if (record_has(r, "guests") && guest_store(mi->db, d.meeting, s, n,
	    err) != 0)
		goto out;
	if (topic_mark_discussed(mi->db, mi->net, r, "topics", d.meeting,
	    err) != 0)
		goto out;
	if ((ns = reallocarray(mi->seen, mi->nseen + 1, sizeof(*ns))) == NULL)
		goto oom;
	mi->seen = ns;
	mi->seen[mi->nseen++] = d.meeting;
	if ((*out = summary(&d, change)) == NULL)
		goto oom;
	if (audit_minutes(mi, &d, change, err) != 0)
		goto out;
	rc = 0;
	goto out;
oom:
	rc = ally_errorf(err, EX_OSERR, "out of memory");
out:
	doc_free(&d);
	return rc;
}

/* ---- reading stored minutes ------------------------------------------ */

int
minutes_select(sqlite3 *db, const struct network *net, const char *which,
    long long **ids, size_t *nids, struct ally_error *err)
{
	static const char sql[] = "SELECT m.id FROM meeting m "
	    "WHERE m.network_id = ?1 AND m.status = 'held' "
	    "AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)"
	    " AND (?2 IS NULL OR m.id = ?2) AND (?3 IS NULL OR m.date = ?3) "
	    "ORDER BY CASE WHEN ?4 THEN m.date END DESC, "
	    "CASE WHEN ?4 THEN m.time END DESC, m.date, m.time, m.id";
	sqlite3_stmt *st;
	long long id = 0, *v, *nv;
	size_t n = 0, cap = 0;
	day_t day;
	int rc, last = 0;

	*ids = NULL;
	*nids = 0;
	if (which != NULL && strcmp(which, "last") == 0)
		last = 1;
	else if (which != NULL && date_parse(which, &day) != 0 &&
	    parse_int(which, 1, INT64_MAX, &id) != 0)
		return ally_errorf(err, EX_USAGE, "--meeting: '%s' is no "
		    "meeting id, date (YYYY-MM-DD) or 'last'", which);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	if (id != 0)
		sqlite3_bind_int64(st, 2, id);
	if (which != NULL && !last && id == 0)
		sqlite3_bind_text(st, 3, which, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, last);
	v = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((nv = array_grow(v, n, &cap, sizeof(*v))) == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		v = nv;
		v[n++] = sqlite3_column_int64(st, 0);
		if (last)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && !(last && rc == SQLITE_ROW)) {
		free(v);
		return db_error(db, rc, err, "meeting");
	}
	if (n == 0 && which != NULL)
		return ally_errorf(err, EX_NOINPUT, "no minutes of meeting %s "
		    "in network %s", which, net->name);
	*ids = v;
	*nids = n;
	return 0;
}

static int
empty_list(struct record *r, const char *key, enum value_kind kind)
{
	if (record_set_null(r, key) != 0)
		return -1;
	record_field(r, key)->kind = kind;
	return 0;
}

static int
load_attendance(sqlite3 *db, long long id, struct record *r,
    struct ally_error *err)
{
	static const char sql[] = "SELECT p.alias, a.presence FROM attendance "
	    "a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ? "
	    "ORDER BY p.role <> 'ally', length(p.alias), p.alias";
	sqlite3_stmt *st;
	int rc;

	if (empty_list(r, "present", VAL_LIST) != 0 ||
	    empty_list(r, "excused", VAL_LIST) != 0 ||
	    empty_list(r, "absent", VAL_LIST) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	/* Kept prepared, as the other queries run once per meeting. */
	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (record_add_item(r, (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 0)) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	db_release(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "attendance");
}

/*
 * A meeting's head as the minutes and the agenda show it: the columns,
 * and the fields they become.
 */
#define MEETING_HEAD	"SELECT m.id, m.date, m.time, m.location, m.host, " \
    "p.alias, CASE m.meal WHEN 1 THEN 'yes' ELSE 'no' END"
#define MEETING_FROM	"FROM meeting m LEFT JOIN person p ON " \
    "p.id = m.chair_id"

static const char *const meeting_head[] = { "meeting", "date", "time",
    "location", "host", "chair", "meal", NULL };

/* Where load_nested puts each row's record. */
struct nested {
	struct record		*r;
	const char		*key;
	const char *const	*names;
};

static int
nested_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	struct nested *n = arg;
	struct record *s;

	/* record_add_record frees the record it cannot take. */
	if ((s = db_row_record(st, n->names)) == NULL ||
	    record_add_record(n->r, n->key, s) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

/*
 * Rows of a query as nested records, NULL columns left out; what names
 * the query in an error.
 */
static int
load_nested(sqlite3 *db, const char *sql, long long id, struct record *r,
    const char *key, const char *const *names, const char *what,
    struct ally_error *err)
{
	struct nested n = { r, key, names };
	sqlite3_stmt *st;

	if (empty_list(r, key, VAL_RECORDS) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_each_row(db, st, what, nested_row, &n, err);
}

/* The same, the columns named as the fields of def that mask leaves. */
static int
load_fields(sqlite3 *db, const char *sql, long long id, struct record *r,
    const struct record_def *def, unsigned mask, const char *key,
    struct ally_error *err)
{
	const char *names[32];

	fields_names(def, mask, names, sizeof(names) / sizeof(names[0]));
	return load_nested(db, sql, id, r, key, names, key, err);
}

struct record *
minutes_load(sqlite3 *db, const struct network *net, long long id,
    int flags, struct ally_error *err)
{
	static const char sql[] = MEETING_HEAD ", m.notes, m.name_override "
	    MEETING_FROM " WHERE m.id = ? AND m.network_id = ?";
	static const char themes[] = "SELECT theme, tension, trend, basis, "
	    "summary FROM signal WHERE meeting_id = ? ORDER BY id";
	static const char theme_ids[] = "SELECT id, theme, tension, trend, "
	    "basis, summary FROM signal WHERE meeting_id = ? ORDER BY id";
	static const char *const theme_id_names[] = { "id", "theme",
	    "tension", "trend", "basis", "summary", NULL };
	static const char actions[] = "SELECT a.id, a.title, a.party, "
	    "p.alias, a.due, a.status, a.closed, a.note, a.revision FROM "
	    "action a LEFT "
	    "JOIN person p ON p.id = a.owner_id WHERE a.meeting_id = ? "
	    "ORDER BY a.id";
	sqlite3_stmt *st;
	struct record *r;
	char *notes = NULL, *over = NULL;
	size_t i;
	int rc;

	if ((r = record_new()) == NULL) {
		ally_errorf(err, EX_OSERR, "out of memory");
		return NULL;
	}
	if (db_prepare_cached(db, sql, &st, err) != 0)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, net->id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		db_release(st);
		if (rc == SQLITE_DONE)
			ally_errorf(err, EX_NOINPUT, "no meeting %lld in "
			    "network %s", id, net->name);
		else
			db_error(db, rc, err, "meeting");
		goto fail;
	}
	for (i = 0; meeting_head[i] != NULL; i++) {
		if (i == 1 && record_set(r, "network", net->name) != 0)
			break;
		if (db_column_to_record(st, (int)i, r, meeting_head[i]) != 0)
			break;
	}
	notes = column_dup(st, 7);
	over = column_dup(st, 8);
	db_release(st);
	if (meeting_head[i] != NULL)
		goto oom;
	if (load_attendance(db, id, r, err) != 0 ||
	    guest_load(db, id, r, err) != 0)
		goto fail;
	if (!(flags & MINUTES_LOAD_HEAD) && ((flags & MINUTES_LOAD_THEME_IDS ?
	    load_nested(db, theme_ids, id, r, "themes", theme_id_names,
	    "themes", err) : load_fields(db, themes, id, r, &theme_def, 0,
	    "themes", err)) != 0 || load_fields(db, actions,
	    id, r, &action_def, MINUTES_ACTION, "actions", err) != 0))
		goto fail;
	if (notes != NULL && record_set(r, "notes", notes) != 0)
		goto oom;
	if ((flags & MINUTES_LOAD_OVERRIDE) && over != NULL &&
	    record_set(r, "name_override", over) != 0)
		goto oom;
	free(notes);
	free(over);
	return r;
oom:
	ally_errorf(err, EX_OSERR, "out of memory");
fail:
	free(notes);
	free(over);
	record_free(r);
	return NULL;
}

/* ---- flat views for spreadsheets -------------------------------------- */

static int
push(struct record ***v, size_t *n, struct record *r)
{
	struct record **nv;

	if (r == NULL)
		return -1;
	if ((nv = reallocarray(*v, *n + 1, sizeof(*nv))) == NULL) {
		record_free(r);
		return -1;
	}
	*v = nv;
	(*v)[(*n)++] = r;
	return 0;
}

/* A new record with the given fields of m copied over, in this order. */
static struct record *
copy_fields(const struct record *m, const char *const *keys)
{
	struct record *r;
	const struct field *f;
	size_t j;

	if ((r = record_new()) == NULL)
		return NULL;
	for (; *keys != NULL; keys++) {
		if ((f = record_field(m, *keys)) == NULL)
			continue;
		if (f->kind == VAL_SCALAR) {
			if (record_set_typed(r, *keys, f->value, f->type) != 0)
				goto fail;
		} else if (f->kind == VAL_LIST) {
			if (empty_list(r, *keys, VAL_LIST) != 0)
				goto fail;
			for (j = 0; j < f->nitems; j++)
				if (record_add_item(r, *keys, f->items[j]))
					goto fail;
		}
	}
	return r;
fail:
	record_free(r);
	return NULL;
}

int
minutes_flatten(const struct record *m, enum minutes_view view,
    struct record ***out, size_t *nout, struct ally_error *err)
{
	static const char *const lists[] = { "present", "excused", "absent",
	    NULL };
	const char *mid = record_get(m, "meeting"), *date = record_get(m,
	    "date");
	const struct field *f;
	struct record *r;
	size_t i, j;

	switch (view) {
	case MINUTES_VIEW_MEETINGS:
		if (push(out, nout, copy_fields(m, view_meetings)) != 0)
			goto oom;
		return 0;
	case MINUTES_VIEW_ATTENDANCE:
		for (i = 0; lists[i] != NULL; i++) {
			if ((f = record_field(m, lists[i])) == NULL ||
			    f->kind != VAL_LIST)
				continue;
			for (j = 0; j < f->nitems; j++) {
				if ((r = record_new()) == NULL ||
				    record_set_typed(r, "meeting", mid,
				    FT_INTEGER) != 0 ||
				    record_set(r, "date", date) != 0 ||
				    record_set(r, "alias", f->items[j]) != 0 ||
				    record_set(r, "presence", lists[i]) != 0) {
					record_free(r);
					goto oom;
				}
				if (push(out, nout, r) != 0)
					goto oom;
			}
		}
		return 0;
	case MINUTES_VIEW_THEMES:
	case MINUTES_VIEW_ACTIONS:
		f = record_field(m, view == MINUTES_VIEW_THEMES ? "themes" :
		    "actions");
		for (i = 0; f != NULL && i < f->nrecs; i++) {
			if ((r = copy_fields(f->recs[i],
			    minutes_view_columns(view))) == NULL)
				goto oom;
			if (view == MINUTES_VIEW_THEMES ? record_set(r, "date",
			    date) != 0 || record_setf(r, "source", "meeting:%s",
			    mid) != 0 : record_set(r, "network",
			    record_get(m, "network")) != 0 ||
			    record_set_typed(r, "meeting", mid,
			    FT_INTEGER) != 0) {
				record_free(r);
				goto oom;
			}
			if (push(out, nout, r) != 0)
				goto oom;
		}
		return 0;
	}
	return 0;
oom:
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* ---- the agenda of the next meeting -------------------------------- */

static int
agenda_next_meeting(sqlite3 *db, const struct network *net,
    const char *today, struct record *r, struct ally_error *err)
{
	static const char sql[] = MEETING_HEAD " " MEETING_FROM " WHERE "
	    "m.network_id = ? AND m.status = 'planned' AND m.date >= ? "
	    "ORDER BY m.date, m.time, m.id LIMIT 1";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    db_columns_to_record(st, meeting_head, r) != 0)
		rc = SQLITE_NOMEM;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_error(db, rc, err, "meeting");
}

/* The last meeting held with minutes, and its themes that need a look. */
static int
agenda_themes(sqlite3 *db, const struct network *net, const char *today,
    struct record *r, struct ally_error *err)
{
	static const char last[] = "SELECT m.id, m.date FROM meeting m "
	    "WHERE m.network_id = ? AND m.status = 'held' AND m.date <= ? "
	    "AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)"
	    " ORDER BY m.date DESC, m.time DESC, m.id DESC LIMIT 1";
	static const char themes[] = "SELECT theme, tension, trend, basis, "
	    "summary FROM signal WHERE meeting_id = ? AND (tension >= 3 OR "
	    "trend = 'rising') ORDER BY tension DESC, id";
	sqlite3_stmt *st;
	long long id = 0;
	int rc;

	if (db_prepare(db, last, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (record_set_int(r, "last_meeting", id) != 0 ||
		    db_column_to_record(st, 1, r, "last_date") != 0)
			rc = SQLITE_NOMEM;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(db, rc, err, "meeting");
	if (id == 0)
		return empty_list(r, "themes", VAL_RECORDS) == 0 ? 0 :
		    ally_errorf(err, EX_OSERR, "out of memory");
	return load_fields(db, themes, id, r, &theme_def, 0, "themes", err);
}

/* How long ago an action was agreed, and whether it is overdue. */
static int
action_age(struct record *s, day_t today)
{
	const char *v;
	day_t d;

	if ((v = record_get(s, "agreed")) != NULL && date_parse(v, &d) == 0 &&
	    record_set_int(s, "age", (long long)(today - d)) != 0)
		return -1;
	if ((v = record_get(s, "due")) != NULL && date_parse(v, &d) == 0 &&
	    record_set(s, "overdue", d < today ? "yes" : "no") != 0)
		return -1;
	return 0;
}

static int
agenda_actions(sqlite3 *db, const struct network *net, day_t today,
    struct record *r, struct ally_error *err)
{
	static const char sql[] = "SELECT a.id, a.title, a.party, p.alias, "
	    "a.due, a.meeting_id, coalesce(m.date, substr(a.created, 1, 10))"
	    " FROM action a LEFT JOIN person p ON p.id = a.owner_id "
	    "LEFT JOIN meeting m ON m.id = a.meeting_id "
	    "WHERE a.network_id = ? AND a.status = 'open' "
	    "ORDER BY a.due IS NULL, a.due, a.id";
	static const char *const names[] = { "id", "title", "party", "owner",
	    "due", "meeting", "agreed", NULL };
	const struct field *f;
	size_t i;

	if (load_nested(db, sql, net->id, r, "actions", names, "action",
	    err) != 0)
		return -1;
	f = record_field(r, "actions");
	for (i = 0; i < f->nrecs; i++)
		if (action_age(f->recs[i], today) != 0)
			return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

/*
 * The table is reviewed every half year: due when neither a review nor
 * the network's start lies within six months of the next meeting.
 */
static int
agenda_review(sqlite3 *db, const struct network *net, day_t when,
    struct record *r, struct ally_error *err)
{
	static const char sql[] = "SELECT (SELECT max(reviewed) FROM review "
	    "WHERE network_id = ?1), created FROM network WHERE id = ?1";
	sqlite3_stmt *st;
	const unsigned char *last, *since;
	char buf[11];
	day_t d;
	int rc, due = 1;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		last = sqlite3_column_text(st, 0);
		since = last != NULL ? last : sqlite3_column_text(st, 1);
		snprintf(buf, sizeof(buf), "%s", since != NULL ?
		    (const char *)since : "");
		if (date_parse(buf, &d) == 0)
			due = d <= date_add_months(when, -6);
		if ((last != NULL &&
		    record_set_date(r, "last_review", buf) != 0) ||
		    record_set(r, "review_due", due ? "yes" : "no") != 0)
			rc = SQLITE_NOMEM;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, "review");
}

struct record *
minutes_agenda(sqlite3 *db, const struct network *net, day_t today,
    struct ally_error *err)
{
	struct record *r;
	char todays[11];
	const char *v;
	day_t when = today;

	date_format(today, todays);
	if ((r = record_new()) == NULL) {
		ally_errorf(err, EX_OSERR, "out of memory");
		return NULL;
	}
	if (record_set(r, "network", net->name) != 0 ||
	    record_set(r, "today", todays) != 0) {
		ally_errorf(err, EX_OSERR, "out of memory");
		goto fail;
	}
	if (agenda_next_meeting(db, net, todays, r, err) != 0)
		goto fail;
	if ((v = record_get(r, "date")) != NULL)
		date_parse(v, &when);
	if (agenda_themes(db, net, todays, r, err) != 0 ||
	    agenda_actions(db, net, today, r, err) != 0 ||
	    agenda_review(db, net, when, r, err) != 0 ||
	    topic_agenda(db, net, (v = record_get(r, "meeting")) != NULL ?
	    strtoll(v, NULL, 10) : 0, r, err) != 0 ||
	    reply_agenda(db, net, v != NULL ? strtoll(v, NULL, 10) : 0, r,
	    err) != 0)
		goto fail;
	return r;
fail:
	record_free(r);
	return NULL;
}
