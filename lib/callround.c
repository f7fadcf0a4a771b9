/*
 * callround.c: call rounds, the third pillar of the method: in unrest
 * police and municipality call the allies at once to take the
 * temperature ("thermometeren").  This file owns the tables round and
 * call: opening a round with the members to call, closing it with a
 * summary, and the outcome of each call.  What an ally says is a signal
 * from the ally's alias, stored by tension.c's signal_apply.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "callround.h"
#include "crypto.h"
#include "dbquery.h"
#include "fields.h"
#include "member.h"
#include "names.h"
#include "tension.h"

const char *const callround_count_fields[] = { "calls", "reached",
    "no_answer", "call_back", "declined", "to_reach", "signals", NULL };
const char *const callround_fields[] = { "id", "network", "opened",
    "reason", "themes", "status", "closed", "summary", "calls", "reached",
    "no_answer", "call_back", "declined", "to_reach", "signals", NULL };
const char *const callround_outcome_fields[] = { "round", "alias",
    "outcome", "at", "call_back", "signal", NULL };

/* ---- reading a round ------------------------------------------------- */

/*
 * The counts: every call, each outcome, those still to reach (no
 * outcome, no answer or to call back), and the signals the round's
 * members gave from its opening to its closing (or now).
 */
static int
round_counts(sqlite3 *db, long long id, struct record *r,
    struct ally_error *err)
{
	static const char sql[] = "SELECT count(*), "
	    "count(*) FILTER (WHERE c.outcome = 'reached'), "
	    "count(*) FILTER (WHERE c.outcome = 'no-answer'), "
	    "count(*) FILTER (WHERE c.outcome = 'call-back'), "
	    "count(*) FILTER (WHERE c.outcome = 'declined'), "
	    "count(*) FILTER (WHERE c.outcome IS NULL OR c.outcome IN "
	    "('no-answer', 'call-back')), "
	    "(SELECT count(*) FROM signal s JOIN call k ON k.person_id = "
	    "s.source_id WHERE k.round_id = ?1 AND s.date || ' ' || "
	    "coalesce(s.time, '00:00') >= r.opened AND (r.closed IS NULL OR "
	    "s.date || ' ' || coalesce(s.time, '00:00') <= r.closed)) "
	    "FROM round r LEFT JOIN call c ON c.round_id = r.id "
	    "WHERE r.id = ?1";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(db, rc, err, "round");
	}
	rc = db_columns_to_record(st, callround_count_fields, r);
	sqlite3_finalize(st);
	return rc != 0 ? ally_errorf(err, EX_OSERR, "out of memory") : 0;
}

int
callround_get(sqlite3 *db, const struct network *net, long long id,
    struct record **out, struct ally_error *err)
{
	static const char sql[] = "SELECT r.id, n.name, r.opened, r.reason, "
	    "r.themes, r.status, r.closed, r.summary FROM round r "
	    "JOIN network n ON n.id = r.network_id WHERE r.network_id = ?1 "
	    "AND (?2 = 0 OR r.id = ?2) "
	    "ORDER BY r.status = 'open' DESC, r.id DESC LIMIT 1";
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    (*out = db_row_record(st, round_fields)) == NULL)
		ally_errorf(err, EX_OSERR, "out of memory");
	else if (rc == SQLITE_DONE && id != 0)
		ally_errorf(err, EX_DATAERR, "no round %lld in network %s", id,
		    net->name);
	else if (rc == SQLITE_DONE)
		ally_errorf(err, EX_DATAERR, "no call round in network %s",
		    net->name);
	else if (rc != SQLITE_ROW)
		db_error(db, rc, err, "round");
	sqlite3_finalize(st);
	if (*out != NULL && round_counts(db, strtoll(record_get(*out, "id"),
	    NULL, 10), *out, err) == 0)
		return 0;
	record_free(*out);
	*out = NULL;
	return -1;
}

/* The calls gathered so far. */
struct calls {
	struct record	**v;
	size_t		  n, cap;
	int		  which;
};

static int
call_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	static const char *const keys[] = { "round", "alias", "name", "phone",
	    "outcome", "at", "call_back", NULL };
	static const char *const public[] = { "round", "alias", "role",
	    "outcome", "at", "call_back", NULL };
	struct calls *c = arg;
	struct record *r, **nv;

	if ((r = db_row_record(st, c->which == CALLS_SHEET ? keys :
	    public)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if ((nv = array_grow(c->v, c->n, &c->cap, sizeof(*nv))) == NULL) {
		record_free(r);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	c->v = nv;
	c->v[c->n++] = r;
	return 0;
}

int
callround_calls(sqlite3 *db, long long round, int which,
    struct record ***out, size_t *nout, struct ally_error *err)
{
	static const char sql[] = "SELECT c.round_id, p.alias, %s, "
	    "c.outcome, c.at, c.call_back FROM call c "
	    "JOIN person p ON p.id = c.person_id WHERE c.round_id = ? %s "
	    "ORDER BY CASE p.role WHEN 'ally' THEN 0 WHEN 'police' THEN 1 "
	    "ELSE 2 END, length(p.alias), p.alias";
	struct calls c = { NULL, 0, 0, which };
	sqlite3_stmt *st;
	char q[768];

	*out = NULL;
	*nout = 0;
	snprintf(q, sizeof(q), sql, which == CALLS_SHEET ?
	    CRYPTO_PLAIN("p", "person", "name") ", "
	    CRYPTO_PLAIN("p", "person", "phone") :
	    "p.role", which == CALLS_SHEET ? "" : "AND (c.outcome IS NULL OR "
	    "c.outcome IN ('no-answer', 'call-back'))");
	if (db_prepare(db, q, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, round);
	if (db_each_row(db, st, NULL, call_row, &c, err) != 0) {
		privacy_records_free(c.v, c.n);
		return -1;
	}
	*out = c.v;
	*nout = c.n;
	return 0;
}

/* ---- opening and closing --------------------------------------------- */

/* Fields of a record of type d, and those the output adds (ignored). */
static int
known_fields(const struct record *r, const struct record_def *d,
    const char *const *extra, struct ally_error *err)
{
	char list[256];
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (record_def_field(d, r->fields[i].key) == NULL &&
		    (extra == NULL || !str_in(r->fields[i].key, extra)))
			return ally_error_at(err, EX_DATAERR, r->file,
			    record_line(r, r->fields[i].key), r->fields[i].key,
			    "unknown field (a %s record has: %s)", d->name,
			    fields_join(d, list, sizeof(list)));
	return 0;
}

/* The themes, each one word, joined by blanks into out. */
static int
check_themes(const struct record *r, char *out, size_t len,
    struct ally_error *err)
{
	const char **v;
	char *buf;
	size_t n, i, k = 0;
	int rc = 0;

	out[0] = '\0';
	n = record_list(r, "themes", &v, &buf);
	for (i = 0; i < n && rc == 0; i++) {
		if (signal_valid_theme(v[i]) != 0)
			rc = field_error(r, "themes", err, "'%s' is not one "
			    "lower-case word (a-z and -, at most 32)", v[i]);
		else if ((k += snprintf(out + k, len - k, "%s%s", k > 0 ?
		    " " : "", v[i])) >= len)
			rc = field_error(r, "themes", err, "%s",
			    _("too many themes"));
	}
	free(v);
	free(buf);
	return rc;
}

/* Every member on the call list of sel is to be called in round id. */
static int
add_calls(sqlite3 *db, const struct network *net, const struct record *r,
    long long id, const struct contact_select *sel, struct ally_error *err)
{
	struct contact_select call_list = *sel;
	struct contacts c;
	sqlite3_stmt *st = NULL;
	long long pid;
	size_t i;
	int rc = 0;

	call_list.group = 0;
	c.sel = &call_list;
	if (privacy_contacts(db, net, &c, err) != 0)
		return -1;
	if (c.n == 0)
		rc = field_error(r, "reason", err, "%s", _("nobody to call: "
		    "no active member on the call list of this selection"));
	else if (db_prepare(db, "INSERT INTO call (round_id, person_id) "
	    "VALUES (?, ?)", &st, err) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < c.n; i++) {
		if (person_lookup(db, net, record_get(c.v[i], "alias"), &pid,
		    err) != 1) {
			rc = err->code != 0 ? -1 : ally_errorf(err, EX_SOFTWARE,
			    "call list: no member %s", record_get(c.v[i],
			    "alias"));
			break;
		}
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, pid);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE)
			rc = db_error(db, rc, err, "call");
		else
			rc = 0;
	}
	sqlite3_finalize(st);
	privacy_contacts_free(&c);
	return rc;
}

static int
round_open(sqlite3 *db, const struct network *net, const struct record *r,
    const struct contact_select *sel, const struct callround_now *now,
    long long *id, struct ally_error *err)
{
	const char *reason = record_get(r, "reason"), *v;
	char opened[17], themes[512];
	sqlite3_stmt *st;
	day_t d;
	int m, rc;

	if (reason == NULL)
		return field_error(r, "reason", err, "%s", _("missing: why the "
		    "round is called"));
	if (strlen(reason) > 300)
		return field_error(r, "reason", err, "%s", _("too long (one "
		    "line, at most 300 bytes)"));
	if ((v = record_get(r, "status")) != NULL && strcmp(v, "open") != 0)
		return field_error(r, "status", err, "%s", _("a new round is "
		    "open; close it later with its id"));
	if (record_get(r, "summary") != NULL)
		return field_error(r, "summary", err, "%s", _("written when "
		    "the round is closed"));
	datetime_format(now->day, now->minute, opened);
	if ((v = record_get(r, "opened")) != NULL) {
		if (datetime_parse(v, &d, &m) != 0)
			return field_error(r, "opened", err, "'%s' is not a date "
			    "and a time (YYYY-MM-DD HH:MM)", v);
		if (d > now->day || (d == now->day && m > now->minute))
			return field_error(r, "opened", err, "%s is in the "
			    "future", v);
		datetime_format(d, m, opened);
	}
	if (check_themes(r, themes, sizeof(themes), err) != 0 ||
	    names_check(db, net, r, "reason", err) != 0)
		return -1;
	if ((rc = db_exists(db, err, "SELECT 1 FROM round WHERE network_id = "
	    "? AND status = 'open'", 1, net->id)) != 0)
		return rc < 0 ? -1 : field_error(r, "reason", err, "%s",
		    _("another round is still open: close it first"));
	if (db_prepare(db, "INSERT INTO round (network_id, opened, reason, "
	    "themes) VALUES (?, ?, ?, ?)", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	sqlite3_bind_text(st, 2, opened, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 4, themes[0] != '\0' ? themes : NULL);
	*id = 0;
	if (db_step_id(db, st, "round", id, err) != 0)
		return -1;
	return add_calls(db, net, r, *id, sel, err);
}

static int
round_close(sqlite3 *db, const struct network *net, const struct record *r,
    const struct callround_now *now, long long *id, struct ally_error *err)
{
	const char *v = record_get(r, "id"), *summary;
	char closed[17], status[8];
	sqlite3_stmt *st;

	if (parse_int(v, 1, INT64_MAX, id) != 0)
		return field_error(r, "id", err, "'%s' is not an id", v);
	if (db_exists(db, err, "SELECT 1 FROM round WHERE network_id = ? AND "
	    "id = ?", 2, net->id, *id) != 1)
		return err->code != 0 ? -1 : field_error(r, "id", err,
		    "no round %s in this network", v);
	if ((v = record_get(r, "status")) == NULL || strcmp(v, "closed") != 0)
		return field_error(r, "status", err, "%s", _("a round is "
		    "changed only to be closed: status: closed"));
	if (db_query_text(db, "SELECT status FROM round WHERE id = ?", *id,
	    status, sizeof(status), err) != 0)
		return -1;
	if (strcmp(status, "closed") == 0)
		return field_error(r, "status", err, "round %s is already "
		    "closed", record_get(r, "id"));
	if ((summary = record_get(r, "summary")) != NULL &&
	    strlen(summary) > 1000)
		return field_error(r, "summary", err, "%s", _("too long (at "
		    "most 1000 bytes)"));
	if (names_check(db, net, r, "summary", err) != 0)
		return -1;
	datetime_format(now->day, now->minute, closed);
	if (db_prepare(db, "UPDATE round SET status = 'closed', closed = ?, "
	    "summary = ? WHERE id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, closed, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, summary);
	sqlite3_bind_int64(st, 3, *id);
	return db_step_done(db, st, "round", err);
}

int
callround_apply(sqlite3 *db, const struct network *net,
    const struct record *r, const struct contact_select *sel,
    const struct callround_now *now, struct record **out,
    struct ally_error *err)
{
	const char *v;
	long long id;

	*out = NULL;
	if (known_fields(r, &round_def, callround_count_fields, err) != 0 ||
	    fields_check(&round_def, r, FIELDS_ENUMS, now->day, err) != 0)
		return -1;
	if ((v = record_get(r, "network")) != NULL &&
	    strcmp(v, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", v);
	if ((record_get(r, "id") == NULL ? round_open(db, net, r, sel, now,
	    &id, err) : round_close(db, net, r, now, &id, err)) != 0)
		return -1;
	return callround_get(db, net, id, out, err);
}

/* ---- the outcome of a call ------------------------------------------- */

/*
 * The round of a call line, open, and the member on its list: *round,
 * *pid and the round's opening day and minute.
 */
static int
call_of(sqlite3 *db, const struct network *net, const struct record *r,
    long long *round, long long *pid, day_t *od, int *om,
    struct ally_error *err)
{
	const char *v = record_get(r, "round"), *alias = record_get(r, "alias");
	char buf[24];
	int rc;

	if (v == NULL)
		return field_error(r, "round", err, "%s", _("missing: the id of "
		    "the round"));
	if (parse_int(v, 1, INT64_MAX, round) != 0)
		return field_error(r, "round", err, "'%s' is not an id", v);
	if (alias == NULL)
		return field_error(r, "alias", err, "%s", _("missing: the alias "
		    "of the member called"));
	if ((rc = db_exists(db, err, "SELECT 1 FROM round WHERE network_id = "
	    "? AND id = ?", 2, net->id, *round)) != 1)
		return rc < 0 ? -1 : field_error(r, "round", err, "no round %s "
		    "in this network", v);
	if (db_query_text(db, "SELECT status FROM round WHERE id = ?", *round,
	    buf, sizeof(buf), err) != 0)
		return -1;
	if (strcmp(buf, "open") != 0)
		return field_error(r, "round", err, "round %s is closed: its "
		    "calls can no longer change", v);
	if (db_query_text(db, "SELECT opened FROM round WHERE id = ?", *round,
	    buf, sizeof(buf), err) != 0)
		return -1;
	if (datetime_parse(buf, od, om) != 0)
		return ally_errorf(err, EX_DATAERR, "round %lld: a damaged "
		    "opening time '%s'", *round, buf);
	if ((rc = person_lookup(db, net, alias, pid, err)) < 0)
		return -1;
	if (rc == 1 && (rc = db_exists(db, err, "SELECT 1 FROM call WHERE "
	    "round_id = ? AND person_id = ?", 2, *round, *pid)) < 0)
		return -1;
	if (rc != 1)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "alias"), "alias", "%s is not on the call "
		    "list of round %s", alias, v);
	return 0;
}

/* What was heard: a theme, a level, a trend, a basis or a summary. */
static int
heard(const struct record *r)
{
	static const char *const keys[] = { "theme", "tension", "trend",
	    "basis", "summary", NULL };
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		if (record_get(r, keys[i]) != NULL)
			return 1;
	return 0;
}

/* The outcome, the call-back time and what was heard agree. */
static int
check_outcome(const struct record *r, struct ally_error *err)
{
	const char *outcome = record_get(r, "outcome");
	const char *cb = record_get(r, "call_back");

	if (outcome == NULL)
		return field_error(r, "outcome", err, "%s", _("missing: "
		    "reached, no-answer, call-back or declined"));
	if (heard(r) && strcmp(outcome, "reached") != 0)
		return field_error(r, "outcome", err, "%s", _("what was heard "
		    "(theme, tension ...) needs outcome: reached"));
	if (strcmp(outcome, "call-back") == 0 && cb == NULL)
		return field_error(r, "call_back", err, "%s", _("missing: the "
		    "time agreed to call back (HH:MM)"));
	if (strcmp(outcome, "call-back") != 0 && cb != NULL)
		return field_error(r, "call_back", err, "%s", _("only with "
		    "outcome: call-back"));
	return 0;
}

/*
 * What was heard as a signal from the alias at the call's date and
 * time: a correction of the signal of the same source, moment and theme
 * when the sheet is fed back again.
 */
static int
store_heard(sqlite3 *db, const struct network *net, const struct record *r,
    long long pid, const char *date, const char *time, day_t today,
    long long *sid, struct ally_error *err)
{
	static const char *const drop[] = { "round", "alias", "name", "phone",
	    "outcome", "at", "call_back", NULL };
	static const char sql[] = "SELECT id FROM signal WHERE network_id = ? "
	    "AND source_id = ? AND date = ? AND time = ? AND theme = ?";
	struct record *sig;
	sqlite3_stmt *st;
	size_t i;
	int rc = -1;

	*sid = 0;
	if ((sig = record_dup(r)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	for (i = 0; drop[i] != NULL; i++)
		record_remove(sig, drop[i]);
	if (record_set(sig, "source", record_get(r, "alias")) != 0 ||
	    record_set(sig, "date", date) != 0 ||
	    record_set(sig, "time", time) != 0) {
		ally_errorf(err, EX_OSERR, "out of memory");
		goto out;
	}
	if (record_get(sig, "theme") != NULL) {
		if (db_prepare(db, sql, &st, err) != 0)
			goto out;
		sqlite3_bind_int64(st, 1, net->id);
		sqlite3_bind_int64(st, 2, pid);
		sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, time, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, record_get(sig, "theme"), -1,
		    SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			rc = record_set_int(sig, "id", sqlite3_column_int64(st,
			    0));
		else
			rc = 0;
		sqlite3_finalize(st);
		if (rc != 0) {
			ally_errorf(err, EX_OSERR, "out of memory");
			goto out;
		}
	}
	rc = signal_apply(db, net, sig, 0, today, sid, err);
out:
	record_free(sig);
	return rc;
}

static int
outcome_record(const struct record *r, const char *at, long long sid,
    struct record **out, struct ally_error *err)
{
	static const char *const keys[] = { "round", "alias", "outcome",
	    "call_back", NULL };
	size_t i;
	int rc = 0;

	if ((*out = record_new()) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	for (i = 0; keys[i] != NULL && rc == 0; i++) {
		rc = record_set(*out, keys[i], record_get(r, keys[i]));
		if (i == 2 && rc == 0)
			rc = record_set(*out, "at", at);
	}
	if (rc == 0 && sid != 0)
		rc = record_set_int(*out, "signal", sid);
	if (rc == 0)
		return 0;
	record_free(*out);
	*out = NULL;
	return ally_errorf(err, EX_OSERR, "out of memory");
}

int
callround_outcome(sqlite3 *db, const struct network *net,
    const struct record *r, const struct callround_now *now,
    struct record **out, struct ally_error *err)
{
	const char *at = record_get(r, "at");
	char date[11], time[6];
	long long round, pid, sid = 0;
	sqlite3_stmt *st;
	day_t od, d = now->day;
	int om, m = now->minute;

	*out = NULL;
	if (known_fields(r, &call_def, NULL, err) != 0 ||
	    fields_check(&call_def, r, 0, now->day, err) != 0 ||
	    call_of(db, net, r, &round, &pid, &od, &om, err) != 0)
		return -1;
	if (record_get(r, "outcome") == NULL && at == NULL &&
	    record_get(r, "call_back") == NULL && !heard(r))
		return 0;	/* still to call */
	if (check_outcome(r, err) != 0)
		return -1;
	/* A time before the round's opening time is on the next day. */
	if (at != NULL && time_parse(at, &m) == 0)
		d = m >= om ? od : od + 1;
	if (d > now->day || (d == now->day && m > now->minute))
		return field_error(r, "at", err, "%s is in the future", at);
	date_format(d, date);
	time_format(m, time);
	if (db_prepare(db, "UPDATE call SET outcome = ?, at = ?, call_back = ? "
	    "WHERE round_id = ? AND person_id = ?", &st, err) != 0)
		return -1;
	db_bind_text(st, 1, record_get(r, "outcome"));
	sqlite3_bind_text(st, 2, time, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 3, record_get(r, "call_back"));
	sqlite3_bind_int64(st, 4, round);
	sqlite3_bind_int64(st, 5, pid);
	if (db_step_done(db, st, "call", err) != 0)
		return -1;
	if (heard(r) && store_heard(db, net, r, pid, date, time, now->day,
	    &sid, err) != 0)
		return -1;
	return outcome_record(r, time, sid, out, err);
}

int
round_expire(sqlite3 *db, long long net, const char *before, long *n,
    struct ally_error *err)
{
	return db_expire(db, "UPDATE round SET summary = NULL WHERE network_id ="
	    " ?1 AND closed IS NOT NULL AND closed < ?2 AND summary IS NOT NULL", net, NULL, before, n, err);
}
