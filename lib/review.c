/*
 * review.c: the half-yearly review of who sits at the table.
 *
 * Three views of one network: a review record per member over a window
 * (attendance, lifecycle dates and the flags that need a conversation),
 * a summary of the network (size, meetings, vacant seats, when the next
 * review is due) and the representation of the community at the table,
 * in aggregates only.  Decisions come back as the same member records and
 * are stored per member and review date.
 *
 * Every threshold lives in struct review_limits, so that a coordinator
 * can follow a local agreement rather than the defaults.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "action.h"
#include "crypto.h"
#include "array.h"
#include "contactlog.h"
#include "dbquery.h"
#include "fields.h"
#include "member.h"
#include "names.h"
#include "review.h"
#include "row.h"

const char *const review_summary_fields[] = { "network", "since", "until",
    "allies", "active", "candidates", "paused", "min_size", "max_size",
    "size", "police", "municipality", "vacancies", "meetings",
    "min_meetings", "max_meetings", "meetings_norm", "last_review",
    "next_review", "due", NULL };
const char *const review_representation_fields[] = { "dimension", "group",
    "count", "share", "target", "expected", "gap", NULL };

/* The group of the members who did not give a value. */
#define NOT_GIVEN	"not-given"

/* ---- limits ------------------------------------------------------------ */

struct limit_def {
	const char	*name;
	size_t		 off;
	int		 min, max;
};

static const struct limit_def limit_defs[] = {
	{ "attendance", offsetof(struct review_limits, attendance), 0, 100 },
	{ "absent-in-row", offsetof(struct review_limits, absent_in_row), 1,
	    100 },
	{ "candidate-months", offsetof(struct review_limits,
	    candidate_months), 1, 120 },
	{ "paused-months", offsetof(struct review_limits, paused_months), 1,
	    120 },
	{ "min-size", offsetof(struct review_limits, min_size), 0, 1000 },
	{ "max-size", offsetof(struct review_limits, max_size), 1, 1000 },
	{ "min-meetings", offsetof(struct review_limits, min_meetings), 0,
	    366 },
	{ "max-meetings", offsetof(struct review_limits, max_meetings), 1,
	    366 },
	{ "review-months", offsetof(struct review_limits, review_months), 1,
	    120 },
	{ "cell", offsetof(struct review_limits, cell), 1, 100 },
	{ "vetting-months", offsetof(struct review_limits, vetting_months),
	    1, 120 },
};

void
review_limits_init(struct review_limits *l)
{
	memset(l, 0, sizeof(*l));
	l->attendance = 50;
	l->absent_in_row = 3;
	l->candidate_months = 3;
	l->paused_months = 6;
	l->min_size = 8;
	l->max_size = ALLY_MAX_ALLIES;
	l->min_meetings = 4;
	l->max_meetings = 6;
	l->review_months = 6;
	l->cell = 3;
	l->vetting_months = 24;
	l->gap = 1.0;
}

int
review_limit_set(struct review_limits *l, const char *arg,
    struct ally_error *err)
{
	const char *eq;
	char *end;
	long long v;
	double g;
	size_t i, n;

	if ((eq = strchr(arg, '=')) == NULL)
		return ally_errorf(err, EX_USAGE, "-o %s: expected NAME=VALUE",
		    arg);
	n = (size_t)(eq - arg);
	if (n == 3 && strncmp(arg, "gap", 3) == 0) {
		g = strtod(eq + 1, &end);
		if (eq[1] == '\0' || *end != '\0' || !(g >= 0.1 && g <= 100))
			return ally_errorf(err, EX_USAGE, "-o gap: '%s' is not "
			    "a number of seats from 0.1 to 100", eq + 1);
		l->gap = g;
		return 0;
	}
	for (i = 0; i < sizeof(limit_defs) / sizeof(limit_defs[0]); i++) {
		if (strlen(limit_defs[i].name) != n ||
		    strncmp(limit_defs[i].name, arg, n) != 0)
			continue;
		if (parse_int(eq + 1, limit_defs[i].min, limit_defs[i].max,
		    &v) != 0)
			return ally_errorf(err, EX_USAGE, "-o %s: '%s' is not "
			    "a whole number from %d to %d", limit_defs[i].name,
			    eq + 1, limit_defs[i].min, limit_defs[i].max);
		*(int *)((char *)l + limit_defs[i].off) = (int)v;
		return 0;
	}
	return ally_errorf(err, EX_USAGE, "-o %.*s: unknown threshold (there "
	    "is: attendance, absent-in-row, candidate-months, paused-months, "
	    "min-size, max-size, min-meetings, max-meetings, review-months, "
	    "cell, vetting-months, gap)", (int)n, arg);
}

int
review_limits_check(const struct review_limits *l, struct ally_error *err)
{
	if (l->min_size > l->max_size)
		return ally_errorf(err, EX_USAGE, "-o: min-size %d is above "
		    "max-size %d", l->min_size, l->max_size);
	if (l->min_meetings > l->max_meetings)
		return ally_errorf(err, EX_USAGE, "-o: min-meetings %d is above "
		    "max-meetings %d", l->min_meetings, l->max_meetings);
	return 0;
}

/* ---- small helpers ------------------------------------------------------- */

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

static int
set_date(struct record *r, const char *key, day_t d)
{
	char buf[11];

	date_format(d, buf);
	return record_set_date(r, key, buf);
}

/* A text column as a field; NULL becomes an empty (null) field. */
static int
set_column(struct record *r, const char *key, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return record_set_null(r, key);
	return db_column_to_record(st, i, r, key);
}

/* A single integer from a query with up to two bound integers. */
static int
query_int(sqlite3 *db, const char *sql, long long a, const char *s1,
    const char *s2, long long *out, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	db_bind_text(st, 2, s1);
	db_bind_text(st, 3, s2);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	db_release(st);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, NULL);
}

/* A single date (or none) from a query on one bound integer. */
static int
query_date(sqlite3 *db, const char *sql, long long a, const char *s,
    day_t *out, int *found, struct ally_error *err)
{
	sqlite3_stmt *st;
	const char *v;
	int rc;

	*found = 0;
	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	db_bind_text(st, 2, s);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(st, 0)) != NULL &&
	    date_parse(v, out) == 0)
		*found = 1;
	db_release(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_error(db, rc, err, NULL);
}

/* ---- per member -------------------------------------------------------- */

/* The member columns the review reads, in this order. */
enum {
	M_ID, M_ALIAS, M_ROLE, M_STATUS, M_SINCE, M_INTAKE, M_VETTED,
	M_JOINED, M_CONSENT
};

struct attendance {
	int	meetings, present, excused, absent_in_row;
	long long contacts;		/* in the window (contactlog.c) */
	char	last_contact[11];	/* up to its end; "" never */
};

/*
 * A held meeting counts for a member when its attendance was recorded
 * and the member either has an attendance row for it or had joined by
 * then; a recorded meeting without the member's row is an absence.
 * Excused counts as not present, in the percentage and in a row.
 */
static int
member_attendance(sqlite3 *db, long long net, sqlite3_stmt *m,
    const char *since, const char *until, struct attendance *a,
    struct ally_error *err)
{
	static const char sql[] = "SELECT a.presence FROM meeting m "
	    "LEFT JOIN attendance a ON a.meeting_id = m.id AND "
	    "a.person_id = ?1 WHERE m.network_id = ?2 AND m.status = 'held' "
	    "AND m.date >= ?3 AND m.date <= ?4 AND EXISTS (SELECT 1 FROM "
	    "attendance x WHERE x.meeting_id = m.id) AND (a.presence IS NOT "
	    "NULL OR (?5 IS NOT NULL AND m.date >= ?5)) "
	    "ORDER BY m.date, m.time, m.id";
	const char *joined = (const char *)sqlite3_column_text(m, M_JOINED);
	const char *status = (const char *)sqlite3_column_text(m, M_STATUS);
	const char *paused = (const char *)sqlite3_column_text(m, M_SINCE);
	const char *stop = until, *p;
	sqlite3_stmt *st;
	int rc;

	/* A paused member is not expected at the table any more. */
	if (strcmp(status, "paused") == 0 && paused != NULL &&
	    strcmp(paused, until) < 0)
		stop = paused;
	memset(a, 0, sizeof(*a));
	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, sqlite3_column_int64(m, M_ID));
	sqlite3_bind_int64(st, 2, net);
	sqlite3_bind_text(st, 3, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, stop, -1, SQLITE_STATIC);
	db_bind_text(st, 5, joined);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p = (const char *)sqlite3_column_text(st, 0);
		a->meetings++;
		if (p != NULL && strcmp(p, "present") == 0) {
			a->present++;
			a->absent_in_row = 0;
			continue;
		}
		if (p != NULL && strcmp(p, "excused") == 0)
			a->excused++;
		a->absent_in_row++;
	}
	db_release(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

/* The member's latest decision, date and note, or null fields. */
static int
member_last_review(sqlite3 *db, long long pid, struct record *r,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc, ok;

	if (db_prepare_cached(db, "SELECT r.decision, r.reviewed, "
	    CRYPTO_PLAIN("r", "review", "note") " FROM review r WHERE "
	    "r.person_id = ? ORDER BY r.reviewed DESC, r.id DESC LIMIT 1", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ok = set_column(r, "decision", st, 0) == 0 &&
		    set_column(r, "reviewed", st, 1) == 0 &&
		    set_column(r, "note", st, 2) == 0;
	else
		ok = record_set_null(r, "decision") == 0 &&
		    record_set_null(r, "reviewed") == 0 &&
		    record_set_null(r, "note") == 0;
	db_release(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(db, rc, err, NULL);
	return ok ? 0 : oom(err);
}

/* Has the date s, plus months, passed by the day until? */
static int
older_than(const char *s, int months, day_t until)
{
	day_t d;

	return s != NULL && date_parse(s, &d) == 0 &&
	    date_add_months(d, months) < until;
}

/* Is the integrity check of date s to be done again by the day until? */
static int
recheck_due(const char *s, int months, day_t until)
{
	day_t d;

	return s != NULL && date_parse(s, &d) == 0 &&
	    date_add_months(d, months) <= until;
}

static int
member_flags(sqlite3_stmt *st, const struct attendance *a, day_t until,
    const struct review_limits *l, struct record *r)
{
	const char *role = (const char *)sqlite3_column_text(st, M_ROLE);
	const char *status = (const char *)sqlite3_column_text(st, M_STATUS);
	const char *since = (const char *)sqlite3_column_text(st, M_SINCE);
	const char *intake = (const char *)sqlite3_column_text(st, M_INTAKE);
	int ally = strcmp(role, "ally") == 0, n = 0, rc = 0;
	char word[32];

	if (a->meetings > 0 && a->present * 100 < l->attendance * a->meetings)
		n++, rc |= record_add_item(r, "flags", "low-attendance");
	if (a->absent_in_row >= l->absent_in_row) {
		snprintf(word, sizeof(word), "absent-%d-in-row",
		    l->absent_in_row);
		n++, rc |= record_add_item(r, "flags", word);
	}
	if (ally && intake == NULL)
		n++, rc |= record_add_item(r, "flags", "no-intake");
	if (ally && sqlite3_column_type(st, M_VETTED) == SQLITE_NULL)
		n++, rc |= record_add_item(r, "flags", "not-vetted");
	else if (ally && recheck_due((const char *)sqlite3_column_text(st,
	    M_VETTED), l->vetting_months, until))
		n++, rc |= record_add_item(r, "flags", "vetting-due");
	/* An imported candidate's status date may postdate the intake. */
	if (strcmp(status, "candidate") == 0 && (older_than(since,
	    l->candidate_months, until) || older_than(intake,
	    l->candidate_months, until)))
		n++, rc |= record_add_item(r, "flags", "candidate-too-long");
	if (strcmp(status, "paused") == 0 && older_than(since,
	    l->paused_months, until))
		n++, rc |= record_add_item(r, "flags", "paused-too-long");
	if (sqlite3_column_int(st, M_CONSENT) == 0)
		n++, rc |= record_add_item(r, "flags", "no-consent");
	if (n == 0)
		rc |= record_set_null(r, "flags");
	return rc != 0 ? -1 : 0;
}

static struct record *
member_record(sqlite3 *db, sqlite3_stmt *st, const struct attendance *a,
    day_t until, const struct review_limits *l, struct ally_error *err)
{
	static const char last_sql[] = "SELECT max(m.date) FROM meeting m "
	    "JOIN attendance a ON a.meeting_id = m.id WHERE a.person_id = ?1 "
	    "AND a.presence = 'present' AND m.status = 'held' AND "
	    "m.date <= ?2";
	struct record *r;
	char ubuf[11];
	day_t last;
	int found, ok;

	if ((r = record_new()) == NULL) {
		oom(err);
		return NULL;
	}
	date_format(until, ubuf);
	ok = set_column(r, "alias", st, M_ALIAS) == 0 &&
	    set_column(r, "role", st, M_ROLE) == 0 &&
	    set_column(r, "status", st, M_STATUS) == 0 &&
	    set_column(r, "status_since", st, M_SINCE) == 0 &&
	    record_set_int(r, "meetings", a->meetings) == 0 &&
	    record_set_int(r, "present", a->present) == 0 &&
	    record_set_int(r, "excused", a->excused) == 0 &&
	    (a->meetings > 0 ? record_set_int(r, "attendance",
	    (a->present * 100 + a->meetings / 2) / a->meetings) :
	    record_set_null(r, "attendance")) == 0;
	if (!ok)
		goto nomem;
	if (query_date(db, last_sql, sqlite3_column_int64(st, M_ID), ubuf,
	    &last, &found, err) != 0)
		goto fail;
	ok = (found ? set_date(r, "last_present", last) :
	    record_set_null(r, "last_present")) == 0 &&
	    record_set_int(r, "absent_in_row", a->absent_in_row) == 0 &&
	    (a->last_contact[0] != '\0' ? record_set(r, "last_contact",
	    a->last_contact) : record_set_null(r, "last_contact")) == 0 &&
	    record_set_int(r, "contacts", a->contacts) == 0 &&
	    set_column(r, "intake", st, M_INTAKE) == 0 &&
	    set_column(r, "vetted", st, M_VETTED) == 0 &&
	    record_set(r, "contact_consent", sqlite3_column_int(st,
	    M_CONSENT) ? "yes" : "no") == 0 &&
	    member_flags(st, a, until, l, r) == 0;
	if (!ok)
		goto nomem;
	if (member_last_review(db, sqlite3_column_int64(st, M_ID), r,
	    err) != 0)
		goto fail;
	return r;
nomem:
	oom(err);
fail:
	record_free(r);
	return NULL;
}

/* The members' walk: the period, the limits, and whom to give each to. */
struct member_walk {
	sqlite3				*db;
	long long			 net;
	char				 since[11], until[11];
	day_t				 until_day, since_day;
	const struct review_limits	*l;
	int	(*fn)(struct record *, void *, struct ally_error *);
	void				*arg;
};

static int
member_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	struct member_walk *w = arg;
	struct attendance a;
	struct record *r;
	int rc;

	if (member_attendance(w->db, w->net, st, w->since, w->until, &a,
	    err) != 0 ||
	    contact_tally(w->db, sqlite3_column_int64(st, M_ID), w->since_day,
	    w->until_day, a.last_contact, &a.contacts, err) != 0 ||
	    (r = member_record(w->db, st, &a, w->until_day, w->l, err)) == NULL)
		return -1;
	rc = w->fn(r, w->arg, err);
	record_free(r);
	return rc;
}

int
review_members(sqlite3 *db, const struct network *net, day_t since,
    day_t until, const struct review_limits *l,
    int (*fn)(struct record *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	static const char sql[] = "SELECT id, alias, role, status, "
	    "status_since, intake, vetted, joined, contact_consent FROM person "
	    "WHERE network_id = ? AND status <> 'left' AND erased IS NULL "
	    "ORDER BY role <> 'ally', role, length(alias), alias";
	struct member_walk w = { db, net->id, "", "", until, since, l, fn,
	    arg };
	sqlite3_stmt *st;

	date_format(since, w.since);
	date_format(until, w.until);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	return db_each_row(db, st, NULL, member_row, &w, err);
}

/* ---- when the next review is due --------------------------------------- */

int
review_due(sqlite3 *db, const struct network *net, day_t today,
    const struct review_limits *l, struct review_due *d,
    struct ally_error *err)
{
	static const char last_sql[] = "SELECT max(reviewed) FROM review "
	    "WHERE network_id = ?1";
	/* Before the first review, the clock runs from the first member. */
	static const char base_sql[] = "SELECT min(d) FROM (SELECT created "
	    "AS d FROM network WHERE id = ?1 UNION ALL SELECT joined FROM "
	    "person WHERE network_id = ?1 AND joined IS NOT NULL)";
	day_t base;
	int found;

	memset(d, 0, sizeof(*d));
	if (query_date(db, last_sql, net->id, NULL, &d->last, &d->reviewed,
	    err) != 0)
		return -1;
	if (d->reviewed)
		base = d->last;
	else {
		if (query_date(db, base_sql, net->id, NULL, &base, &found,
		    err) != 0)
			return -1;
		if (!found)
			base = today;
	}
	d->next = date_add_months(base, l->review_months);
	d->due = today >= d->next;
	return 0;
}

/* ---- per network --------------------------------------------------------- */

/*
 * A seat is vacant when a police or municipality member has left and no
 * candidate or active member of the same role holds the same function
 * ("police:P01", the last to hold it), or when nobody of the role is at
 * the table at all ("police").
 */
/* A member's function in the clear (crypto.h). */
#define PLAIN_FN(t)	CRYPTO_PLAIN(t, "person", "function")

static int
add_vacancies(sqlite3 *db, long long net, struct record *r, int *n,
    struct ally_error *err)
{
	static const char sql[] = "SELECT p.alias FROM person p "
	    "WHERE p.network_id = ?1 AND p.role = ?2 AND p.status = 'left' "
	    "AND p.erased IS NULL AND NOT EXISTS (SELECT 1 FROM person s "
	    "WHERE s.network_id = p.network_id AND s.role = p.role AND "
	    "s.status IN ('candidate', 'active') AND s.erased IS NULL AND "
	    "(p.function IS NULL OR lower(" PLAIN_FN("s") ") = lower("
	    PLAIN_FN("p") "))) AND NOT EXISTS (SELECT 1 FROM person q WHERE "
	    "q.network_id = p.network_id AND q.role = p.role AND q.status = "
	    "'left' AND lower(coalesce(" PLAIN_FN("q") ", '')) = "
	    "lower(coalesce(" PLAIN_FN("p") ", '')) AND (q.left > p.left OR "
	    "(q.left = p.left AND q.id > p.id))) "
	    "ORDER BY p.alias";
	static const char *const roles[] = { "police", "municipality" };
	sqlite3_stmt *st;
	long long c;
	char item[64];
	size_t i;
	int step, before;

	*n = 0;
	for (i = 0; i < 2; i++) {
		before = *n;
		if (db_prepare(db, sql, &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, net);
		sqlite3_bind_text(st, 2, roles[i], -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			snprintf(item, sizeof(item), "%s:%s", roles[i],
			    sqlite3_column_text(st, 0));
			if (record_add_item(r, "vacancies", item) != 0) {
				sqlite3_finalize(st);
				return oom(err);
			}
			(*n)++;
		}
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			return db_error(db, step, err, NULL);
		if (*n > before)
			continue;
		if (query_int(db, "SELECT count(*) FROM person WHERE network_id "
		    "= ?1 AND role = ?2 AND status IN ('candidate', 'active') "
		    "AND erased IS NULL", net, roles[i], NULL, &c, err) != 0)
			return -1;
		if (c == 0) {
			if (record_add_item(r, "vacancies", roles[i]) != 0)
				return oom(err);
			(*n)++;
		}
	}
	return 0;
}

static int
count_members(sqlite3 *db, long long net, const char *role,
    const char *status, int *out, struct ally_error *err)
{
	long long c;

	if (query_int(db, "SELECT count(*) FROM person WHERE network_id = ?1 "
	    "AND role = ?2 AND status = ?3 AND erased IS NULL", net, role,
	    status, &c, err) != 0)
		return -1;
	*out = (int)c;
	return 0;
}

int
review_summary(sqlite3 *db, const struct network *net, day_t since,
    day_t until, const struct review_limits *l, struct record **out,
    struct ally_error *err)
{
	struct review_due d;
	struct record *r;
	char from[11], to[11];
	long long held;
	int active, cand, paused, police, muni, size, nvac, ok;

	*out = NULL;
	date_format(date_add_months(until, -12), from);
	date_format(until, to);
	if (count_members(db, net->id, "ally", "active", &active, err) ||
	    count_members(db, net->id, "ally", "candidate", &cand, err) ||
	    count_members(db, net->id, "ally", "paused", &paused, err) ||
	    count_members(db, net->id, "police", "active", &police, err) ||
	    count_members(db, net->id, "municipality", "active", &muni, err))
		return -1;
	/* The twelve months up to and including the report's date. */
	if (query_int(db, "SELECT count(*) FROM meeting WHERE network_id = ?1 "
	    "AND status = 'held' AND date > ?2 AND date <= ?3", net->id, from,
	    to, &held, err) != 0)
		return -1;
	if (review_due(db, net, until, l, &d, err) != 0)
		return -1;
	if ((r = record_new()) == NULL)
		return oom(err);
	size = active + cand;
	ok = record_set(r, "network", net->name) == 0 &&
	    set_date(r, "since", since) == 0 &&
	    set_date(r, "until", until) == 0 &&
	    record_set_int(r, "allies", size) == 0 &&
	    record_set_int(r, "active", active) == 0 &&
	    record_set_int(r, "candidates", cand) == 0 &&
	    record_set_int(r, "paused", paused) == 0 &&
	    record_set_int(r, "min_size", l->min_size) == 0 &&
	    record_set_int(r, "max_size", l->max_size) == 0 &&
	    record_set(r, "size", size < l->min_size ? "small" :
	    size > l->max_size ? "over" : "ok") == 0 &&
	    record_set_int(r, "police", police) == 0 &&
	    record_set_int(r, "municipality", muni) == 0;
	if (!ok)
		goto nomem;
	if (add_vacancies(db, net->id, r, &nvac, err) != 0)
		goto fail;
	ok = (nvac > 0 || record_set_null(r, "vacancies") == 0) &&
	    record_set_int(r, "meetings", held) == 0 &&
	    record_set_int(r, "min_meetings", l->min_meetings) == 0 &&
	    record_set_int(r, "max_meetings", l->max_meetings) == 0 &&
	    record_set(r, "meetings_norm", held < l->min_meetings ? "few" :
	    held > l->max_meetings ? "many" : "ok") == 0 &&
	    (d.reviewed ? set_date(r, "last_review", d.last) :
	    record_set_null(r, "last_review")) == 0 &&
	    set_date(r, "next_review", d.next) == 0 &&
	    record_set(r, "due", d.due ? "yes" : "no") == 0;
	if (!ok)
		goto nomem;
	*out = r;
	return 0;
nomem:
	oom(err);
fail:
	record_free(r);
	return -1;
}

/* ---- the target profile ---------------------------------------------------- */

struct target_row {
	int		 dim;
	char		*group;
	double		 share;
	unsigned long	 line;
};

struct review_target {
	struct target_row	*rows;
	size_t			 n, cap;
	double			 sum[5];
};

struct review_target *
review_target_new(void)
{
	return calloc(1, sizeof(struct review_target));
}

void
review_target_free(struct review_target *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->rows[i].group);
	free(t->rows);
	free(t);
}

static int
dimension_index(const char *s)
{
	int i;

	for (i = 0; review_dimensions[i] != NULL; i++)
		if (strcmp(review_dimensions[i], s) == 0)
			return i;
	return -1;
}

/*
 * A share in percent: "18", "18.5", "18,5" (Dutch Excel) or "18.5%",
 * from 0 to 100; digits read here, not by strtod, which takes "0x10"
 * and "1e1" too.
 */
static int
parse_share(const char *s, double *out)
{
	const char *end;

	if (parse_decimal(s, &end, out) != 0)
		return -1;
	if (*end == '%')
		end++;
	return *end == '\0' && *out <= 100 ? 0 : -1;
}

static int
target_check(const struct record *r, int *dim, const char **group,
    double *share, struct ally_error *err)
{
	char list[128];
	const char *v;
	size_t i;

	for (i = 0; i < r->nfields; i++) {
		if (record_def_index(&target_def, r->fields[i].key) < 0)
			return field_error(r, r->fields[i].key, err,
			    "unknown field (a target record has: %s)",
			    fields_join(&target_def, list, sizeof(list)));
		if (r->fields[i].kind == VAL_LIST ||
		    r->fields[i].kind == VAL_RECORDS)
			return field_error(r, r->fields[i].key, err, "%s",
			    _("expected one value, not a list"));
	}
	if ((v = record_get(r, "dimension")) == NULL)
		return field_error(r, "dimension", err, "%s", _("missing; "
		    "one of: age_band, gender, sector, background, religion"));
	if (field_check_enum(r, record_def_field(&target_def, "dimension"), v,
	    err) != 0)
		return -1;
	*dim = dimension_index(v);
	if ((*group = record_get(r, "group")) == NULL)
		return field_error(r, "group", err, "%s", _("missing"));
	if (valid_text(*group, 0) != 0 || strlen(*group) > 200)
		return field_error(r, "group", err, "%s", _("not a group "
		    "name (one line of text, at most 200 bytes)"));
	if (*dim == 0 && !str_in(*group, person_age_bands))
		return field_error(r, "group", err, "'%s' is not an age band "
		    "(<25, 25-39, 40-54, 55-69, 70+)", *group);
	if (*dim == 2 && !str_in(*group, person_sectors))
		return field_error(r, "group", err, "'%s' is not a sector",
		    *group);
	if ((v = record_get(r, "share")) == NULL)
		return field_error(r, "share", err, "%s", _("missing; the "
		    "group's share of the population in percent"));
	if (parse_share(v, share) != 0)
		return field_error(r, "share", err, "'%s' is not a percentage "
		    "from 0 to 100", v);
	return 0;
}

int
review_target_add(struct record *r, void *arg, struct ally_error *err)
{
	struct review_target *t = arg;
	struct target_row *n;
	const char *group = NULL;
	double share = 0;
	char msg[96];
	size_t i;
	int dim = 0;

	if (target_check(r, &dim, &group, &share, err) != 0)
		return -1;
	for (i = 0; i < t->n; i++)
		if (t->rows[i].dim == dim &&
		    strcasecmp(t->rows[i].group, group) == 0) {
			/* TRANSLATORS: %%s is the group, %lu a line number. */
			snprintf(msg, sizeof(msg), _("%%s is given twice (first "
			    "on line %lu)"), t->rows[i].line);
			return ally_error_at(err, EX_DATAERR, r->file,
			    record_line(r, "group"), "group", msg, group);
		}
	if (t->sum[dim] + share > 100.5) {
		/* TRANSLATORS: %%s is the dimension, %.1f%%%% a percentage. */
		snprintf(msg, sizeof(msg), _("the shares of %%s add up to "
		    "%.1f%%%%, more than 100"), t->sum[dim] + share);
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "share"), "share", msg,
		    review_dimensions[dim]);
	}
	if ((n = array_grow(t->rows, t->n, &t->cap, sizeof(*n))) == NULL)
		return oom(err);
	t->rows = n;
	if ((t->rows[t->n].group = strdup(group)) == NULL)
		return oom(err);
	t->rows[t->n].dim = dim;
	t->rows[t->n].share = share;
	t->rows[t->n].line = r->line;
	t->n++;
	t->sum[dim] += share;
	return 0;
}

/*
 * A profile in fractions (0.28 for 28 %) reads as shares of a seat's
 * fraction and hides every gap; a dimension far from 100 % is a typing
 * slip or a missing group.  Neither is refused: a profile may give one
 * group of a dimension only.
 */
int
review_target_warning(const struct review_target *t, int dim, char *buf,
    size_t len)
{
	size_t i, n = 0, small = 0;

	for (i = 0; i < t->n; i++)
		if (t->rows[i].dim == dim) {
			n++;
			small += t->rows[i].share <= 1.0;
		}
	if (n == 0)
		return 0;
	if (small == n)
		/* TRANSLATORS: %s is the dimension; give 28, not 0.28. */
		snprintf(buf, len, _("%s: every share is at most 1: give "
		    "percentages (28 for 28%%), not fractions"),
		    review_dimensions[dim]);
	else if (t->sum[dim] < 100 - REVIEW_TARGET_SLACK)
		/* TRANSLATORS: %s is the dimension, %.1f%% a percentage. */
		snprintf(buf, len, _("%s: the shares add up to %.1f%%, not "
		    "about 100: the groups left out are not compared"), review_dimensions[dim], t->sum[dim]);
	else
		return 0;
	return 1;
}

/* ---- representation ----------------------------------------------------- */

enum cell_kind { CELL_SHOWN, CELL_SMALL, CELL_WITHHELD };

struct cell {
	char		*group;
	int		 count;
	int		 order;		/* position in an enumeration */
	enum cell_kind	 kind;
	int		 lo, hi;	/* what a reader can work out */
	const struct target_row *target;
};

struct dimension {
	struct cell	*cells;
	size_t		 n, cap;
};

static void
dimension_free(struct dimension *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->cells[i].group);
	free(d->cells);
	memset(d, 0, sizeof(*d));
}

static struct cell *
dimension_cell(struct dimension *d, const char *group, int order)
{
	struct cell *c;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcasecmp(d->cells[i].group, group) == 0)
			return &d->cells[i];
	if ((c = array_grow(d->cells, d->n, &d->cap, sizeof(*c))) == NULL)
		return NULL;
	d->cells = c;
	c = &d->cells[d->n];
	memset(c, 0, sizeof(*c));
	if ((c->group = strdup(group)) == NULL)
		return NULL;
	c->order = order;
	d->n++;
	return c;
}

static int
group_order(int dim, const char *group)
{
	const char *const *set = dim == 0 ? person_age_bands :
	    dim == 2 ? person_sectors : NULL;
	int i;

	if (strcmp(group, NOT_GIVEN) == 0)
		return 1000;
	for (i = 0; set != NULL && set[i] != NULL; i++)
		if (strcmp(set[i], group) == 0)
			return i;
	return 0;
}

/*
 * Enumerated groups in their own order, free text alphabetically, the
 * members who gave nothing last.  Never by count: that would tell which
 * of two suppressed cells is the larger.
 */
static int
cell_cmp(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcasecmp(x->group, y->group);
}

/*
 * What a reader who knows the dimension's total and this rule can work
 * out about each hidden cell: lo..hi.  A small cell is 1..cell-1, a
 * withheld one at least 1 (when the whole dimension is withheld) or at
 * least cell; the hidden cells add up to the total less the shown ones.
 */
static int
hidden_bounds(struct dimension *d, int all_withheld, int cell)
{
	int total = 0, sumlo = 0, sumhi = 0, exposed = 0, lo, hi;
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct cell *c = &d->cells[i];

		if (c->kind == CELL_SHOWN) {
			c->lo = c->hi = c->count;
			continue;
		}
		total += c->count;
		c->lo = c->kind == CELL_SMALL || all_withheld ? 1 : cell;
		c->hi = c->kind == CELL_SMALL ? cell - 1 : -1;
	}
	for (i = 0; i < d->n; i++) {
		struct cell *c = &d->cells[i];

		if (c->kind == CELL_SHOWN)
			continue;
		if (c->hi < 0)
			c->hi = total;
		sumlo += c->lo;
		sumhi += c->hi;
	}
	for (i = 0; i < d->n; i++) {
		struct cell *c = &d->cells[i];

		if (c->kind == CELL_SHOWN)
			continue;
		lo = total - (sumhi - c->hi);
		hi = total - (sumlo - c->lo);
		c->lo = lo > c->lo ? lo : c->lo;
		c->hi = hi < c->hi ? hi : c->hi;
		/* Narrower than shown ("<2" already says 1) gives it away. */
		if (c->lo == c->hi && ((c->kind == CELL_SMALL && cell > 2) ||
		    all_withheld))
			exposed = 1;
	}
	return exposed;
}

/*
 * Cells under the limit show as "<3".  When such a cell could be worked
 * out from the total, the smallest shown cells are withheld as well, and
 * if that is not enough, every count of the dimension.
 */
static void
suppress(struct dimension *d, int cell)
{
	struct cell *smallest;
	size_t i;
	int any = 0;

	for (i = 0; i < d->n; i++) {
		d->cells[i].kind = d->cells[i].count > 0 &&
		    d->cells[i].count < cell ? CELL_SMALL : CELL_SHOWN;
		any |= d->cells[i].kind == CELL_SMALL;
	}
	if (!any) {
		hidden_bounds(d, 0, cell);
		return;
	}
	while (hidden_bounds(d, 0, cell)) {
		smallest = NULL;
		for (i = 0; i < d->n; i++)
			if (d->cells[i].kind == CELL_SHOWN &&
			    d->cells[i].count > 0 && (smallest == NULL ||
			    d->cells[i].count < smallest->count))
				smallest = &d->cells[i];
		if (smallest == NULL) {
			for (i = 0; i < d->n; i++)
				if (d->cells[i].count > 0)
					d->cells[i].kind = CELL_WITHHELD;
			hidden_bounds(d, 1, cell);
			return;
		}
		smallest->kind = CELL_WITHHELD;
	}
}

static int
dimension_load(sqlite3 *db, long long net, int dim,
    const struct review_target *t, struct dimension *d, int *size,
    struct ally_error *err)
{
	/* The column comes from a fixed list, never from input. */
	static const char *const sql[] = {
		"SELECT " CRYPTO_PLAIN("t", "person", "age_band") " FROM person t",
		"SELECT " CRYPTO_PLAIN("t", "person", "gender") " FROM person t",
		"SELECT " CRYPTO_PLAIN("t", "person", "sector") " FROM person t",
		"SELECT " CRYPTO_PLAIN("t", "person", "background")
		    " FROM person t",
		"SELECT " CRYPTO_PLAIN("t", "person", "religion") " FROM person t",
	};
	static const char where[] = " WHERE t.network_id = ? AND t.role = "
	    "'ally' AND t.status IN ('candidate', 'active') AND t.erased IS "
	    "NULL";
	sqlite3_stmt *st;
	struct cell *c;
	const char *v;
	char q[512];
	size_t i;
	int step;

	*size = 0;
	snprintf(q, sizeof(q), "%s%s", sql[dim], where);
	if (db_prepare(db, q, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		v = (const char *)sqlite3_column_text(st, 0);
		if (v == NULL || *v == '\0')
			v = NOT_GIVEN;
		if ((c = dimension_cell(d, v, group_order(dim, v))) == NULL) {
			sqlite3_finalize(st);
			return oom(err);
		}
		c->count++;
		(*size)++;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_error(db, step, err, NULL);
	for (i = 0; t != NULL && i < t->n; i++) {
		if (t->rows[i].dim != dim)
			continue;
		if ((c = dimension_cell(d, t->rows[i].group,
		    group_order(dim, t->rows[i].group))) == NULL)
			return oom(err);
		c->target = &t->rows[i];
	}
	/* No members: no cells, and qsort may not be given NULL. */
	if (d->n > 0)
		qsort(d->cells, d->n, sizeof(*d->cells), cell_cmp);
	return 0;
}

static struct record *
cell_record(int dim, const struct cell *c, int size,
    const struct review_limits *l, int with_target)
{
	struct record *r;
	double expected;
	int ok;

	if ((r = record_new()) == NULL)
		return NULL;
	ok = record_set(r, "dimension", review_dimensions[dim]) == 0 &&
	    record_set(r, "group", c->group) == 0;
	if (c->kind == CELL_SHOWN)
		ok = ok && record_set_int(r, "count", c->count) == 0 &&
		    record_set_int(r, "share", size > 0 ? (c->count * 200 +
		    size) / (2 * size) : 0) == 0;
	else
		ok = ok && (c->kind == CELL_SMALL ? record_setf(r, "count",
		    "<%d", l->cell) : record_set(r, "count", "*")) == 0 &&
		    record_set_null(r, "share") == 0;
	if (ok && with_target && c->target != NULL) {
		/* Compared as shown, to one decimal. */
		expected = floor(c->target->share * size / 10.0 + 0.5) / 10.0;
		/* The gap goes by what the report shows, never the count. */
		ok = record_set_decimal(r, "target", "%g",
		    c->target->share) == 0 &&
		    record_set_decimal(r, "expected", "%.1f",
		    expected) == 0 &&
		    (c->hi == 0 && expected >= l->gap ? record_set(r, "gap",
		    "missing") : expected - c->hi >= l->gap ? record_set(r,
		    "gap", "under") : record_set_null(r, "gap")) == 0;
	} else if (ok && with_target)
		ok = record_set_null(r, "target") == 0 &&
		    record_set_null(r, "expected") == 0 &&
		    record_set_null(r, "gap") == 0;
	if (!ok) {
		record_free(r);
		return NULL;
	}
	return r;
}

int
review_representation(sqlite3 *db, const struct network *net,
    const struct review_limits *l, const struct review_target *t,
    int (*fn)(struct record *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	struct dimension d;
	struct record *r;
	size_t i;
	int dim, size, rc = 0;

	for (dim = 0; review_dimensions[dim] != NULL && rc == 0; dim++) {
		memset(&d, 0, sizeof(d));
		if (dimension_load(db, net->id, dim, t, &d, &size, err) != 0) {
			dimension_free(&d);
			return -1;
		}
		suppress(&d, l->cell);
		for (i = 0; i < d.n && rc == 0; i++) {
			if ((r = cell_record(dim, &d.cells[i], size, l,
			    t != NULL)) == NULL) {
				rc = oom(err);
				break;
			}
			rc = fn(r, arg, err);
			record_free(r);
		}
		dimension_free(&d);
	}
	return rc != 0 ? -1 : 0;
}

/* ---- decisions --------------------------------------------------------------- */

static int
decision_check(const struct record *r, struct ally_error *err)
{
	char list[512];
	const char *v;
	size_t i;
	int rc;

	for (i = 0; i < r->nfields; i++) {
		const char *k = r->fields[i].key;

		if (record_def_index(&review_def, k) < 0)
			return field_error(r, k, err, "unknown field (a review "
			    "record has: %s)", fields_join(&review_def, list,
			    sizeof(list)));
		if (strcmp(k, "flags") != 0 && (r->fields[i].kind ==
		    VAL_LIST || r->fields[i].kind == VAL_RECORDS))
			return field_error(r, k, err, "%s", _("expected one "
			    "value, not a list"));
	}
	if (field_check_enum(r, record_def_field(&review_def, "decision"),
	    record_get(r, "decision"), err) != 0)
		return -1;
	if ((v = record_get(r, "note")) != NULL) {
		if ((rc = valid_text(v, 1)) != 0)
			return field_error(r, "note", err, "%s", rc == -2 ?
			    _("a value may not start with '=' (a spreadsheet "
			    "formula)") : _("control characters or invalid "
			    "UTF-8"));
		if (strlen(v) > 4000)
			return field_error(r, "note", err, "%s",
			    _("too long"));
	}
	return 0;
}

/* Phase-out: an active member is paused now, a candidate leaves. */
static int
phase_out(sqlite3 *db, const struct network *net, const struct record *in,
    const char *alias, const char *status, day_t today,
    struct ally_error *err)
{
	struct record *r;
	const char *changed;
	long long id;
	int rc;

	if (strcmp(status, "active") != 0 && strcmp(status, "candidate") != 0)
		return 0;
	if ((r = record_new()) == NULL)
		return oom(err);
	r->file = in->file;
	r->line = in->line;
	if (record_set(r, "alias", alias) != 0 || record_set(r, "status",
	    strcmp(status, "active") == 0 ? "paused" : "left") != 0) {
		record_free(r);
		return oom(err);
	}
	rc = person_apply(db, net, r, today, &changed, &id, err);
	record_free(r);
	return rc;
}

/*
 * The note of review rid stored, sealed when the network's identities
 * are encrypted (crypto.h): bound to its row, so never written before
 * the row has its id.
 */
static int
note_store(sqlite3 *db, long long net, long long rid, const char *note,
    struct ally_error *err)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "UPDATE review SET note = ?1 WHERE id = ?2", &st,
	    err) != 0)
		return -1;
	if (crypto_bind(st, 1, net, "review.note", rid, note, err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 2, rid);
	return db_step_done(db, st, "review", err);
}

/* The note of review rid in the clear, malloc'd into *out (NULL: none). */
static int
note_read(sqlite3 *db, long long rid, char **out, struct ally_error *err)
{
	sqlite3_stmt *st;
	const char *v;
	int rc;

	*out = NULL;
	if (db_prepare(db, "SELECT " CRYPTO_PLAIN("r", "review", "note")
	    " FROM review r WHERE r.id = ?1", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, rid);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(st, 0)) != NULL &&
	    (*out = strdup(v)) == NULL)
		rc = SQLITE_NOMEM;
	sqlite3_finalize(st);
	if (rc == SQLITE_NOMEM)
		return oom(err);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, "review");
}

int
review_reseal(sqlite3 *db, long long net, long *n, struct ally_error *err)
{
	long long *ids;
	char **notes = NULL;
	size_t cnt, i;
	int rc;

	*n = 0;
	if (row_ids(db, "review", net, &ids, &cnt, err) != 0)
		return -1;
	rc = cnt > 0 && (notes = calloc(cnt, sizeof(*notes))) == NULL ?
	    oom(err) : 0;
	/* All read with the old key before the first is written. */
	for (i = 0; rc == 0 && i < cnt; i++)
		rc = note_read(db, ids[i], &notes[i], err);
	for (i = 0; rc == 0 && i < cnt; i++)
		if (notes[i] != NULL &&
		    (rc = note_store(db, net, ids[i], notes[i], err)) == 0)
			(*n)++;
	for (i = 0; notes != NULL && i < cnt; i++)
		if (notes[i] != NULL) {
			explicit_bzero(notes[i], strlen(notes[i]));
			free(notes[i]);
		}
	free(notes);
	free(ids);
	return rc;
}

/*
 * The decision of the day stored, or left as it is when it is the same;
 * a new or changed note must not name a member.
 */
static int
decision_store(sqlite3 *db, const struct network *nw, const struct record *r,
    long long pid, const char *reviewed, const char *decision,
    const char **changed, struct ally_error *err)
{
	const char *note = record_get(r, "note");
	long long net = nw->id;
	sqlite3_stmt *st;
	long long rid = 0;
	int rc, same = 0;

	if (db_prepare(db, "SELECT r.id, r.decision = ?3 AND "
	    CRYPTO_PLAIN("r", "review", "note") " IS ?4 FROM review r WHERE "
	    "r.person_id = ?1 AND r.reviewed = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_text(st, 2, reviewed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, decision, -1, SQLITE_STATIC);
	db_bind_text(st, 4, note);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rid = sqlite3_column_int64(st, 0);
		same = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(db, rc, err, "review");
	if (rid != 0 && same) {
		*changed = "unchanged";
		return 0;
	}
	if (names_check(db, nw, r, "note", err) != 0)
		return -1;
	if (db_prepare(db, rid != 0 ? "UPDATE review SET decision = ?3 "
	    "WHERE id = ?4" : "INSERT INTO review (network_id, person_id, "
	    "reviewed, decision) VALUES (?5, ?1, ?2, ?3)", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_text(st, 2, reviewed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, decision, -1, SQLITE_STATIC);
	if (rid != 0)
		sqlite3_bind_int64(st, 4, rid);
	else
		sqlite3_bind_int64(st, 5, net);
	if (db_step_done(db, st, "review", err) != 0)
		return -1;
	*changed = rid != 0 ? "updated" : "added";
	return note_store(db, net, rid != 0 ? rid :
	    sqlite3_last_insert_rowid(db), note, err);
}

/*
 * A talk decision opens one action for the coordinator (its owner; the
 * action's party follows the owner's role, joint without one), due
 * REVIEW_TALK_DAYS after the review.  Its title names the member and the
 * review's date, so that the sheet fed again finds it and adds none.
 */
static int
talk_follow_up(sqlite3 *db, const struct network *net,
    const struct record *in, const char *alias, const char *reviewed,
    const char *coordinator, day_t today, struct ally_error *err)
{
	char title[96], due[11];
	struct record *r;
	const char *changed;
	long long id, found = 0;
	day_t d;
	int rc;

	snprintf(title, sizeof(title), "Talk with %s after the review of %s",
	    alias, reviewed);
	if (query_int(db, "SELECT count(*) FROM action WHERE network_id = ?1 "
	    "AND title = ?2", net->id, title, NULL, &found, err) != 0)
		return -1;
	if (found > 0)
		return 0;
	if (date_parse(reviewed, &d) != 0)
		return ally_errorf(err, EX_SOFTWARE, "bad review date");
	date_format(d + REVIEW_TALK_DAYS, due);
	if ((r = record_new()) == NULL)
		return oom(err);
	r->file = in->file;
	r->line = in->line;
	rc = record_set(r, "title", title) != 0 ||
	    record_set(r, "due", due) != 0 || (coordinator != NULL ?
	    record_set(r, "owner", coordinator) : record_set(r, "party",
	    "joint")) != 0 ? oom(err) :
	    action_apply(db, net, r, 0, today, &changed, &id, err);
	record_free(r);
	return rc;
}

static int
member_status(sqlite3 *db, long long pid, char *buf, size_t len,
    struct ally_error *err)
{
	return db_query_text(db, "SELECT status FROM person WHERE id = ?", pid,
	    buf, len, err);
}

int
review_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, day_t reviewed_default, const char *coordinator,
    struct record **result, struct ally_error *err)
{
	const char *alias, *decision, *v, *changed = "skipped";
	char reviewed[11], status[16];
	long long pid;
	day_t d;
	int rc;

	*result = NULL;
	if (decision_check(r, err) != 0)
		return -1;
	if ((v = record_get(r, "network")) != NULL &&
	    strcmp(v, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", v);
	if ((alias = record_get(r, "alias")) == NULL)
		return field_error(r, "alias", err, "%s", _("missing: whose "
		    "decision is it?"));
	if ((rc = person_by_alias(db, net->id, alias, &pid, err)) < 0)
		return -1;
	if (rc == 0)
		return field_error(r, "alias", err, "no member %s in this "
		    "network", alias);
	d = reviewed_default;
	if ((v = record_get(r, "reviewed")) != NULL) {
		if (date_parse(v, &d) != 0)
			return field_error(r, "reviewed", err, "'%s' is not a "
			    "date (YYYY-MM-DD)", v);
		if (d > today)
			return field_error(r, "reviewed", err, "%s is in the "
			    "future", v);
	}
	date_format(d, reviewed);
	if (member_status(db, pid, status, sizeof(status), err) != 0)
		return -1;
	if ((decision = record_get(r, "decision")) != NULL) {
		if (decision_store(db, net, r, pid, reviewed, decision,
		    &changed, err) != 0)
			return -1;
		if (strcmp(decision, "talk") == 0 && talk_follow_up(db, net,
		    r, alias, reviewed, coordinator, today, err) != 0)
			return -1;
		if (strcmp(changed, "unchanged") != 0 &&
		    strcmp(decision, "phase-out") == 0 && (phase_out(db, net,
		    r, alias, status, today, err) != 0 ||
		    member_status(db, pid, status, sizeof(status), err) != 0))
			return -1;
	}
	if ((*result = record_new()) == NULL ||
	    record_set(*result, "alias", alias) != 0 ||
	    (decision != NULL ? record_set(*result, "decision", decision) :
	    record_set_null(*result, "decision")) != 0 ||
	    (decision != NULL ? record_set(*result, "reviewed", reviewed) :
	    record_set_null(*result, "reviewed")) != 0 ||
	    record_set(*result, "status", status) != 0 ||
	    record_set(*result, "change", changed) != 0 ||
	    record_set_int(*result, "line", (long long)r->line) != 0) {
		record_free(*result);
		*result = NULL;
		return oom(err);
	}
	return 0;
}

int
review_erase(sqlite3 *db, long long person, struct ally_error *err)
{
	char set[512], sql[600];
	sqlite3_stmt *st;

	if (fields_identifying(&review_def, FIELDS_ERASE_SET, set,
	    sizeof(set)) == NULL)
		return ally_errorf(err, EX_SOFTWARE, "%s: statement too "
		    "long", "review");
	snprintf(sql, sizeof(sql), "UPDATE review SET %s WHERE person_id = ?1",
	    set);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	return db_step_done(db, st, "erase", err);
}
