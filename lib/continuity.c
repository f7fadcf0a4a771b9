/*
 * continuity.c: what keeps a network going when the year does not go as
 * planned.  The method asks that staff changes do not break the network
 * (a vacancy is filled quickly), that a chair is one of the members at
 * the table, that actions are delivered and that the composition is
 * reviewed every half year; the check says, one line each, where that is
 * at risk, so that cron mails it and says nothing when all is well.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "continuity.h"
#include "dbquery.h"
#include "review.h"
#include "session.h"
#include "action_edit.h"
#include "member.h"

/* What continuity_check gives each line to. */
struct check {
	const struct network	*net;
	int			(*fn)(const char *, void *, struct ally_error *);
	void			*arg;
	int			*count;
};

int
continuity_passed(sqlite3 *db, const struct network *net, day_t today,
    struct meeting **out, size_t *n, struct ally_error *err)
{
	size_t i, j;

	if (meeting_list(db, net, date_from_ymd(1900, 1, 1), today - 1, out, n,
	    err) != 0)
		return -1;
	for (i = j = 0; i < *n; i++)
		if (strcmp((*out)[i].status, "planned") == 0)
			(*out)[j++] = (*out)[i];
	*n = j;
	return 0;
}

/* One line, "network: what", to the check's function. */
static int
say(struct check *c, struct ally_error *err, const char *fmt, ...)
{
	char what[512], line[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "%s: %s", c->net->name, what);
	(*c->count)++;
	return c->fn(line, c->arg, err);
}

static int
check_passed(sqlite3 *db, struct check *c, day_t today,
    struct ally_error *err)
{
	struct meeting *v = NULL;
	size_t i, n = 0;
	char d[11];
	int rc = 0;

	if (continuity_passed(db, c->net, today, &v, &n, err) != 0)
		rc = -1;
	for (i = 0; i < n && rc == 0; i++) {
		date_format(v[i].date, d);
		rc = say(c, err, _("the meeting of %s (id %lld) passed without "
		    "minutes: record them (meet-minutes) or cancel it "
		    "(meet-plan -u)"), d, v[i].id);
	}
	free(v);
	return rc;
}

/*
 * The police and the municipality each need someone at the table: the
 * vacancies of the review's summary ("police", nobody of the role, or
 * "police:P01", who left with no successor in the same function).
 */
static int
check_seats(sqlite3 *db, struct check *c, day_t today,
    struct ally_error *err)
{
	struct review_limits l;
	struct record *r = NULL;
	const char **v = NULL;
	char *buf = NULL, *who, item[64];
	size_t i, n;
	int rc = 0;

	review_limits_init(&l);
	if (review_summary(db, c->net, today - 183, today, &l, &r, err) != 0)
		return -1;
	n = record_list(r, "vacancies", &v, &buf);
	for (i = 0; i < n && rc == 0; i++) {
		snprintf(item, sizeof(item), "%s", v[i]);
		if ((who = strchr(item, ':')) != NULL)
			*who++ = '\0';
		if (who != NULL)
			rc = say(c, err, strcmp(item, "police") == 0 ?
			    _("the police seat is vacant: %s left and no one "
			    "took over (ally-add)") : _("the municipality "
			    "seat is vacant: %s left and no one took over "
			    "(ally-add)"), who);
		else
			rc = say(c, err, "%s", strcmp(item, "police") == 0 ?
			    _("the police seat is vacant: no police member "
			    "(ally-add)") : _("the municipality seat is "
			    "vacant: no municipality member (ally-add)"));
	}
	free(v);
	free(buf);
	record_free(r);
	return rc;
}

/*
 * A query of (alias, status or count, date, id) rows, one line each in
 * the format (which takes them in that order, as its arguments say).
 */
static int
check_rows(sqlite3 *db, struct check *c, const char *sql, const char *day,
    int which, struct ally_error *err)
{
	sqlite3_stmt *st;
	const char *a, *b;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->net->id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a = (const char *)sqlite3_column_text(st, 0);
		b = (const char *)sqlite3_column_text(st, 1);
		if ((which == 0 ? say(c, err, strcmp(b, "left") == 0 ?
		    _("%s, planned to chair the meeting of %s (id %lld), has "
		    "left: choose another chair (meet-plan -u)") : _("%s, "
		    "planned to chair the meeting of %s (id %lld), is paused: "
		    "choose another chair (meet-plan -u)"), a,
		    sqlite3_column_text(st, 2), sqlite3_column_int64(st, 3)) :
		    say(c, err, ngettext("%s has left with %d open action: "
		    "hand it over (action-track --hand-over %s SUCCESSOR)",
		    "%s has left with %d open actions: hand them over "
		    "(action-track --hand-over %s SUCCESSOR)",
		    (unsigned long)sqlite3_column_int(st, 1)), a,
		    sqlite3_column_int(st, 1), a)) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

static int
check_review(sqlite3 *db, struct check *c, day_t today,
    struct ally_error *err)
{
	struct review_limits l;
	struct review_due rd;
	char d[11];

	review_limits_init(&l);
	if (review_due(db, c->net, today, &l, &rd, err) != 0)
		return -1;
	if (!rd.due)
		return 0;
	date_format(rd.next, d);
	return say(c, err, _("the half-yearly review is due since %s "
	    "(ally-review)"), d);
}

int
continuity_check(sqlite3 *db, const struct network *net, day_t today,
    int (*fn)(const char *, void *, struct ally_error *), void *arg,
    int *count, struct ally_error *err)
{
	static const char chairs[] = "SELECT p.alias, p.status, m.date, m.id "
	    "FROM meeting m JOIN person p ON p.id = m.chair_id WHERE "
	    "m.network_id = ?1 AND m.status = 'planned' AND m.date >= ?2 AND "
	    "p.status <> 'active' ORDER BY m.date, m.id";
	static const char actions[] = "SELECT p.alias, count(*) FROM action a "
	    "JOIN person p ON p.id = a.owner_id WHERE a.network_id = ?1 AND "
	    "a.status = 'open' AND p.status = 'left' AND ?2 IS NOT NULL "
	    "GROUP BY p.id ORDER BY length(p.alias), p.alias";
	struct check c = { net, fn, arg, count };
	char d[11];

	*count = 0;
	date_format(today, d);
	return check_passed(db, &c, today, err) == 0 &&
	    check_seats(db, &c, today, err) == 0 &&
	    check_rows(db, &c, chairs, d, 0, err) == 0 &&
	    check_rows(db, &c, actions, d, 1, err) == 0 &&
	    check_review(db, &c, today, err) == 0 ? 0 : -1;
}

/* One open action's id, and its new owner, as an edit record. */
static int
hand_one(struct action_edit *a, long long id, const char *to,
    struct ally_error *err)
{
	struct record *r;
	int rc;

	if ((r = record_new()) == NULL || record_set_int(r, "id", id) != 0 ||
	    record_set(r, "owner", to) != 0) {
		record_free(r);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	r->file = "--hand-over";
	rc = action_edit_record(r, a, err);
	record_free(r);
	return rc;
}

int
action_hand_over(struct action_edit *a, const char *from, const char *to,
    struct ally_error *err)
{
	sqlite3 *db = a->s.db;
	sqlite3_stmt *st;
	long long pid, *ids = NULL, *nv;
	size_t i, n = 0, cap = 0;
	int rc;

	if ((rc = person_by_alias(db, a->s.net.id, from, &pid, err)) <= 0)
		return rc < 0 ? -1 : ally_errorf(err, EX_DATAERR, "--hand-over: "
		    "no member %s in network %s", from, a->s.net.name);
	/* The ids first: the edits change the rows the query reads. */
	if (db_prepare(db, "SELECT id FROM action WHERE network_id = ? AND "
	    "owner_id = ? AND status = 'open' ORDER BY id", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, a->s.net.id);
	sqlite3_bind_int64(st, 2, pid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((nv = array_grow(ids, n, &cap, sizeof(*nv))) == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		ids = nv;
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		return db_error(db, rc, err, NULL);
	}
	for (i = 0, rc = 0; i < n && rc == 0; i++)
		rc = hand_one(a, ids[i], to, err);
	free(ids);
	return rc;
}
