/*
 * tension.c: tension signals, the first pillar of the method.  (Named
 * for what it holds, not signal.c, which a C reader takes for
 * signal(3); its functions keep the record's name, signal_*.)
 *
 * A signal is one reading of one theme: a level on the five-step scale
 * (0 calm .. 4 unrest), a trend and a basis, from a meeting's minutes or
 * from an ally reached in a call round.  This file stores them; the
 * reports over them (periods, alerts, roll-up) follow below.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "core.h"
#include "dbquery.h"
#include "fields.h"
#include "member.h"
#include "names.h"
#include "tension.h"

/* Indexes of signal_fields, the order of signal_def (fields.c). */
enum { SF_ID, SF_NETWORK, SF_DATE, SF_THEME, SF_TENSION, SF_TREND, SF_BASIS,
    SF_SOURCE, SF_SUMMARY, SF_TIME, SF_N };

#define THEME_MAX	32

/*
 * Which of signal_fields a key is, or -1: one comparison or two where a
 * search of the list took up to nine (an ingest asks for every field of
 * every record).
 */
static int
signal_field(const char *k)
{
	int i;

	switch (k[0]) {
	case 'i':
		i = SF_ID;
		break;
	case 'n':
		i = SF_NETWORK;
		break;
	case 'd':
		i = SF_DATE;
		break;
	case 't':
		i = k[1] == 'h' ? SF_THEME : k[1] == 'r' ? SF_TREND :
		    k[1] == 'i' ? SF_TIME : SF_TENSION;
		break;
	case 'b':
		i = SF_BASIS;
		break;
	case 's':
		i = k[1] == 'o' ? SF_SOURCE : SF_SUMMARY;
		break;
	default:
		return -1;
	}
	return strcmp(k, signal_fields[i]) == 0 ? i : -1;
}

int
signal_valid_theme(const char *s)
{
	size_t n;

	if (!islower((unsigned char)s[0]))
		return -1;
	for (n = 0; s[n] != '\0'; n++)
		if (!(s[n] >= 'a' && s[n] <= 'z') && s[n] != '-')
			return -1;
	return n <= THEME_MAX && s[n - 1] != '-' ? 0 : -1;
}

int
signal_parse_tension(const char *s, int *level)
{
	long long v;
	int i;

	for (i = 0; signal_levels[i] != NULL; i++)
		if (strcmp(s, signal_levels[i]) == 0) {
			*level = i;
			return 0;
		}
	if (parse_int(s, 0, 4, &v) != 0)
		return -1;
	*level = (int)v;
	return 0;
}

/* The values of one signal while it is checked. */
struct signal_row {
	const char	*date;
	const char	*time;		/* HH:MM, or NULL */
	const char	*theme;
	int		 tension;
	const char	*trend;
	const char	*basis;
	const char	*summary;
	long long	 meeting_id;
	long long	 source_id;
	long long	 id;		/* an existing signal corrected */
	char		 datebuf[11];
	/* The record's values by SF_*, NULL where record_get gives NULL. */
	const char	*in[SF_N];
};

static int
meeting_date(sqlite3 *db, long long net, long long id, char buf[11],
    int *found, struct ally_error *err)
{
	sqlite3_stmt *st;
	const unsigned char *s;
	int rc;

	if (db_prepare(db, "SELECT date FROM meeting WHERE network_id = ? "
	    "AND id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW && (s = sqlite3_column_text(st, 0)) != NULL)
		snprintf(buf, 11, "%s", (const char *)s);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    db_error(db, rc, err, "meeting");
}

/*
 * The source: "meeting:ID" (a theme of a meeting's minutes) or the alias
 * of a member reached in a call round.  With a meeting given by the
 * caller an alias says who raised the theme; meeting:ID must agree.
 */
static int
check_source(sqlite3 *db, const struct network *net, const struct record *r,
    long long meeting, struct signal_row *s, struct ally_error *err)
{
	const char *v = s->in[SF_SOURCE];
	long long id;
	char *end;
	int found;

	s->meeting_id = meeting;
	if (v == NULL) {
		if (meeting != 0)
			return 0;
		return field_error(r, "source", err, "%s", _("missing: the "
		    "alias of the member who reported it, or meeting:ID"));
	}
	if (strncmp(v, "meeting:", 8) == 0) {
		id = strtoll(v + 8, &end, 10);
		if (!isdigit((unsigned char)v[8]) || *end != '\0' || id <= 0)
			return field_error(r, "source", err, "'%s' is not "
			    "meeting:ID", v);
		if (meeting != 0 && id != meeting)
			return field_error(r, "source", err, "'%s' is not the "
			    "meeting these minutes belong to", v);
		if (meeting_date(db, net->id, id, s->datebuf, &found,
		    err) != 0)
			return -1;
		if (!found)
			return field_error(r, "source", err, "no meeting %s in "
			    "this network", v + 8);
		s->meeting_id = id;
		return 0;
	}
	if (valid_alias(v) != 0)
		return field_error(r, "source", err, "'%s' is neither an "
		    "alias nor meeting:ID", v);
	if ((found = person_lookup(db, net, v, &s->source_id, err)) < 0)
		return -1;
	if (!found)
		return field_error(r, "source", err, "%s is not a member of "
		    "this network", v);
	return 0;
}

static int
check_fields(const struct record *r, struct signal_row *s,
    struct ally_error *err)
{
	char list[256];
	const char *v;
	size_t i;
	int rc, k;

	for (i = 0; i < r->nfields; i++) {
		const struct field *f = &r->fields[i];

		if ((k = signal_field(f->key)) < 0)
			return field_error(r, f->key, err, "unknown field (a "
			    "signal has: %s)", fields_join(&signal_def, list,
			    sizeof(list)));
		if (f->kind == VAL_LIST || f->kind == VAL_RECORDS)
			return field_error(r, f->key, err, "%s",
			    _("expected one value, not a list"));
		/* record_get's rule, on the field at hand: no lookup. */
		if (f->kind != VAL_SCALAR || (v = f->value) == NULL ||
		    v[0] == '\0')
			continue;
		if ((rc = valid_text(v, 0)) != 0)
			return field_error(r, f->key, err, "%s",
			    text_fault(v, rc, 0));
		if (s->in[k] == NULL)	/* the first, as record_get */
			s->in[k] = v;
	}
	return 0;
}

static int
check_values(const struct record *r, day_t today, struct signal_row *s,
    struct ally_error *err)
{
	const char *v;
	day_t d;

	if ((v = s->in[SF_DATE]) != NULL)
		s->date = v;
	else if (s->datebuf[0] != '\0')
		s->date = s->datebuf;	/* the meeting's date */
	else
		return field_error(r, "date", err, "%s", _("missing: when it "
		    "was observed (YYYY-MM-DD)"));
	if (date_parse(s->date, &d) != 0)
		return field_error(r, "date", err, "'%s' is not a date "
		    "(YYYY-MM-DD)", s->date);
	if (d > today)
		return field_error(r, "date", err, "%s is in the future",
		    s->date);
	if ((s->time = s->in[SF_TIME]) != NULL &&
	    field_check(r, &signal_def.fields[SF_TIME], s->time, today,
	    err) != 0)
		return -1;
	if ((s->theme = s->in[SF_THEME]) == NULL)
		return field_error(r, "theme", err, "%s", _("missing: one of "
		    "radicalisation, polarisation, nuisance, poverty, youth, "
		    "safety, trust, or another lower-case word"));
	if (signal_valid_theme(s->theme) != 0)
		return field_error(r, "theme", err, "'%s' is not one "
		    "lower-case word (a-z and -, at most 32)", s->theme);
	if ((v = s->in[SF_TENSION]) == NULL)
		return field_error(r, "tension", err, "%s", _("missing: 0 "
		    "calm, 1 attention, 2 concern, 3 tension, 4 unrest"));
	if (signal_parse_tension(v, &s->tension) != 0)
		return field_error(r, "tension", err, "'%s' is not a level: 0 "
		    "calm, 1 attention, 2 concern, 3 tension, 4 unrest", v);
	s->trend = s->in[SF_TREND];
	s->basis = s->in[SF_BASIS];
	if (field_check_enum(r, &signal_def.fields[SF_TREND], s->trend,
	    err) != 0 || field_check_enum(r, &signal_def.fields[SF_BASIS],
	    s->basis, err) != 0)
		return -1;
	if ((s->summary = s->in[SF_SUMMARY]) != NULL &&
	    strlen(s->summary) > signal_def.fields[SF_SUMMARY].maxlen)
		return field_error(r, "summary", err, "%s", _("too long (one "
		    "line, at most 500 bytes)"));
	return 0;
}

/* A value bound without a copy: the record outlives the statement's run. */
static void
bind_borrowed(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* A new reading, or with an id the correction of a stored one. */
static int
signal_store(sqlite3 *db, long long net, const struct signal_row *s,
    long long *idp, struct ally_error *err)
{
	static const char ins[] = "INSERT INTO signal (network_id, "
	    "meeting_id, source_id, date, theme, tension, trend, basis, "
	    "summary, time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	/* A signal given as it is stored is not written: "unchanged". */
	static const char upd[] = "UPDATE signal SET meeting_id = ?2, "
	    "source_id = ?3, date = ?4, theme = ?5, tension = ?6, trend = ?7, "
	    "basis = ?8, summary = ?9, time = ?10 WHERE network_id = ?1 AND "
	    "id = ?11 AND (meeting_id IS NOT ?2 OR source_id IS NOT ?3 OR "
	    "date IS NOT ?4 OR theme IS NOT ?5 OR tension IS NOT ?6 OR "
	    "trend IS NOT ?7 OR basis IS NOT ?8 OR summary IS NOT ?9 OR "
	    "time IS NOT ?10)";
	sqlite3_stmt *st;

	/* Kept prepared: an ingest stores every record with it. */
	if (db_prepare_cached(db, s->id != 0 ? upd : ins, &st, err) != 0)
		return -1;
	if (s->id != 0)
		sqlite3_bind_int64(st, 11, s->id);
	sqlite3_bind_int64(st, 1, net);
	if (s->meeting_id != 0)
		sqlite3_bind_int64(st, 2, s->meeting_id);
	if (s->source_id != 0)
		sqlite3_bind_int64(st, 3, s->source_id);
	bind_borrowed(st, 4, s->date);
	bind_borrowed(st, 5, s->theme);
	sqlite3_bind_int(st, 6, s->tension);
	bind_borrowed(st, 7, s->trend);
	bind_borrowed(st, 8, s->basis);
	bind_borrowed(st, 9, s->summary);
	bind_borrowed(st, 10, s->time);
	*idp = s->id;
	return db_step_id(db, st, "signal", idp, err);
}

int
signal_changed(sqlite3 *db)
{
	return sqlite3_changes(db) > 0;
}

int
signal_drop_meeting(sqlite3 *db, long long meeting, struct ally_error *err)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "DELETE FROM signal WHERE meeting_id = ?", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, meeting);
	return db_step_done(db, st, "signal", err);
}

int
signal_apply(sqlite3 *db, const struct network *net, const struct record *r,
    long long meeting, day_t today, long long *idp, struct ally_error *err)
{
	struct signal_row s;
	const char *v;
	int found;

	memset(&s, 0, sizeof(s));
	if (check_fields(r, &s, err) != 0)
		return -1;
	if ((v = s.in[SF_NETWORK]) != NULL &&
	    strcmp(v, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", v);
	if ((v = s.in[SF_ID]) != NULL) {
		if (parse_int(v, 1, INT64_MAX, &s.id) != 0)
			return field_error(r, "id", err, "'%s' is not an id",
			    v);
		if ((found = db_exists(db, err, "SELECT 1 FROM signal WHERE "
		    "network_id = ? AND id = ?", 2, net->id, s.id)) < 0)
			return -1;
		if (!found)
			return field_error(r, "id", err, "no signal %s in this "
			    "network", v);
	}
	if (meeting != 0) {
		if (meeting_date(db, net->id, meeting, s.datebuf, &found,
		    err) != 0)
			return -1;
		if (!found)
			return ally_errorf(err, EX_NOINPUT, "no meeting %lld "
			    "in network %s", meeting, net->name);
	}
	if (check_source(db, net, r, meeting, &s, err) != 0)
		return -1;
	if (check_values(r, today, &s, err) != 0 ||
	    names_check(db, net, r, "summary", err) != 0)
		return -1;
	return signal_store(db, net->id, &s, idp, err);
}

/* ---- the reports: readings, alerts, periods -------------------------- */

void
signal_rules_default(struct signal_rules *r)
{
	r->level = 3;
	r->rise = 2;
	r->window = 30;
	r->consecutive = 3;
	r->hours = 72;
}

/*
 * The strings of the signals live in blocks of the set, not one malloc
 * each: a year of a network is some 1,800 strings, and their strdup and
 * free were a tenth of report-sentiment's start-up.  The readings (rd,
 * wrd) borrow them, or the static value lists.
 */
struct signal_pool {
	struct signal_pool	*next;
	size_t			 used, size;
	char			 data[];
};

#define POOL_BLOCK	16384

static const char *
pool_dup(struct signal_set *s, const unsigned char *str)
{
	struct signal_pool *b = s->pool;
	size_t len, size;
	char *p;

	if (str == NULL || *str == '\0')
		return NULL;
	len = strlen((const char *)str) + 1;
	if (b == NULL || b->size - b->used < len) {
		size = len > POOL_BLOCK ? len : POOL_BLOCK;
		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return NULL;
		b->next = s->pool;
		b->used = 0;
		b->size = size;
		s->pool = b;
	}
	p = b->data + b->used;
	memcpy(p, str, len);
	b->used += len;
	return p;
}

void
signal_set_free(struct signal_set *s)
{
	size_t i;

	for (i = 0; i < s->nnets; i++) {
		free(s->nets[i].name);
		free(s->nets[i].file);
		free(s->nets[i].meetings);
	}
	while (s->pool != NULL) {
		struct signal_pool *b = s->pool;

		s->pool = b->next;
		free(b);
	}
	free(s->nets);
	free(s->sig);
	free(s->rd);
	free(s->wrd);
	memset(s, 0, sizeof(*s));
}

static int
add_net(struct signal_set *s, const char *label, const char *name)
{
	struct signal_net *n;
	char *full, *file = NULL;

	if ((full = strdup(name)) == NULL ||
	    (label != NULL && (file = strdup(label)) == NULL) ||
	    (n = reallocarray(s->nets, s->nnets + 1, sizeof(*n))) == NULL) {
		free(full);
		free(file);
		return -1;
	}
	s->nets = n;
	memset(&n[s->nnets], 0, sizeof(*n));
	n[s->nnets].name = full;
	n[s->nnets++].file = file;
	return 0;
}

static int
load_meetings(sqlite3 *db, long long id, day_t until, struct signal_net *n,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	day_t d, *v;
	int rc;

	if (db_prepare(db, "SELECT date FROM meeting WHERE network_id = ? AND "
	    "status <> 'cancelled' ORDER BY date", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (date_parse((const char *)sqlite3_column_text(st, 0),
		    &d) != 0 || d > until)
			continue;
		if (n->nmeetings > 0 && n->meetings[n->nmeetings - 1] == d)
			continue;
		if ((v = reallocarray(n->meetings, n->nmeetings + 1,
		    sizeof(*v))) == NULL) {
			sqlite3_finalize(st);
			return ally_errorf(err, EX_OSERR, "out of memory");
		}
		n->meetings = v;
		v[n->nmeetings++] = d;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "meeting");
}

static int
load_signals(sqlite3 *db, long long id, int net, day_t until,
    struct signal_set *s, struct ally_error *err)
{
	static const char sql[] = "SELECT s.id, s.date, s.theme, s.tension, "
	    "s.trend, s.basis, CASE WHEN s.meeting_id IS NOT NULL THEN "
	    "'meeting:' || s.meeting_id ELSE p.alias END, s.summary, s.time "
	    "FROM signal s LEFT JOIN person p ON p.id = s.source_id "
	    "WHERE s.network_id = ? AND s.date <= ? "
	    "ORDER BY s.theme, s.date, s.id";
	struct signal_reading *r, *v;
	sqlite3_stmt *st;
	char until_s[11];
	int rc;

	date_format(until, until_s);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, until_s, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((v = array_grow(s->sig, s->nsig, &s->capsig,
		    sizeof(*v))) == NULL)
			goto oom;
		s->sig = v;
		r = &v[s->nsig];
		memset(r, 0, sizeof(*r));
		r->id = sqlite3_column_int64(st, 0);
		r->net = net;
		if (date_parse((const char *)sqlite3_column_text(st, 1),
		    &r->date) != 0)
			continue;	/* the schema stores only valid dates */
		r->tension = sqlite3_column_int(st, 3);
		r->count = 1;
		r->prev = -1;
		if (((r->theme = pool_dup(s, sqlite3_column_text(st, 2))) ==
		    NULL) ||
		    ((r->trend = pool_dup(s, sqlite3_column_text(st, 4))) ==
		    NULL && sqlite3_column_bytes(st, 4) > 0) ||
		    ((r->basis = pool_dup(s, sqlite3_column_text(st, 5))) ==
		    NULL && sqlite3_column_bytes(st, 5) > 0) ||
		    ((r->source = pool_dup(s, sqlite3_column_text(st, 6))) ==
		    NULL && sqlite3_column_bytes(st, 6) > 0) ||
		    ((r->summary = pool_dup(s, sqlite3_column_text(st, 7))) ==
		    NULL && sqlite3_column_bytes(st, 7) > 0))
			goto oom;
		if (sqlite3_column_type(st, 8) == SQLITE_NULL ||
		    time_parse((const char *)sqlite3_column_text(st, 8),
		    &r->time) != 0)
			r->time = -1;
		s->nsig++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, "signal");
oom:
	sqlite3_finalize(st);
	return ally_errorf(err, EX_OSERR, "out of memory");
}

struct load {
	sqlite3			*db;
	long long		 net_id;
	const char		*label;
	day_t			 until;
	struct signal_set	*s;
};

static int
load_network(const struct network *n, void *arg, struct ally_error *err)
{
	struct load *l = arg;
	int net = (int)l->s->nnets;

	if (l->net_id != 0 && n->id != l->net_id)
		return 0;
	if (add_net(l->s, l->label, n->name) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if (load_meetings(l->db, n->id, l->until, &l->s->nets[net],
	    err) != 0 ||
	    load_signals(l->db, n->id, net, l->until, l->s, err) != 0)
		return -1;
	return 0;
}

int
signal_load(sqlite3 *db, long long net_id, const char *label, day_t until,
    struct signal_set *s, struct ally_error *err)
{
	struct load l = { db, net_id, label, until, s };

	return network_each(db, load_network, &l, err);
}

static int
same_series(const struct signal_reading *a, const struct signal_reading *b)
{
	return a->net == b->net && (a->theme == b->theme ||
	    str_eq(a->theme, b->theme));
}

static int
basis_rank(const char *b)
{
	int i;

	if (b == NULL)
		return 99;
	for (i = 0; signal_bases[i] != NULL; i++)
		if (strcmp(b, signal_bases[i]) == 0)
			return i;
	return 99;
}

/*
 * Fold the signals of one day into a reading: the highest level with its
 * source and summary, the strongest basis, and the trend most reported
 * (a tie goes to rising, then steady: the cautious reading).  Its strings
 * are the signals'.
 */
static void
fold_day(const struct signal_reading *first, size_t n,
    struct signal_reading *r)
{
	int votes[3] = { 0, 0, 0 }, i, best = -1;
	const struct signal_reading *top = first;
	const char *basis = NULL;
	size_t k;

	for (k = 0; k < n; k++) {
		const struct signal_reading *x = &first[k];

		if (x->tension > top->tension)
			top = x;
		if (basis_rank(x->basis) < basis_rank(basis))
			basis = x->basis;
		for (i = 0; i < 3 && x->trend != NULL; i++)
			if (strcmp(x->trend, signal_trends[i]) == 0)
				votes[i]++;
	}
	for (i = 0; i < 3; i++)
		if (votes[i] > 0 && (best < 0 || votes[i] > votes[best]))
			best = i;
	memset(r, 0, sizeof(*r));
	r->id = top->id;
	r->net = first->net;
	r->date = first->date;
	r->tension = top->tension;
	r->count = (int)n;
	r->prev = -1;
	r->theme = first->theme;
	r->trend = best >= 0 ? signal_trends[best] : NULL;
	r->basis = basis;
	r->source = top->source;
	r->summary = top->summary;
}

static int
rises(const struct signal_reading *r)
{
	return (r->trend != NULL && strcmp(r->trend, "rising") == 0) ||
	    (r->prev >= 0 && r->tension > r->prev);
}

/* Mark the alerts of one series, rd[lo..hi), in date order. */
static void
mark_alerts(struct signal_reading *rd, size_t lo, size_t hi,
    const struct signal_rules *ru)
{
	size_t i, j;
	int low, run = 0;

	for (i = lo; i < hi; i++) {
		struct signal_reading *r = &rd[i];

		r->prev = i > lo ? rd[i - 1].tension : -1;
		if (ru->level > 0 && r->tension >= ru->level)
			r->alerts |= SIGNAL_ALERT_LEVEL;
		low = r->tension;
		for (j = i; j > lo && rd[j - 1].date >= r->date - ru->window;
		    j--)
			if (rd[j - 1].tension < low)
				low = rd[j - 1].tension;
		if (ru->rise > 0 && ru->window > 0 &&
		    r->tension - low >= ru->rise)
			r->alerts |= SIGNAL_ALERT_RISE;
		run = rises(r) ? run + 1 : 0;
		if (ru->consecutive > 0 && run >= ru->consecutive)
			r->alerts |= SIGNAL_ALERT_RISING;
	}
}

void
signal_alert_words(unsigned a, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s",
	    a & SIGNAL_ALERT_LEVEL ? "level" : "",
	    a & SIGNAL_ALERT_LEVEL && a & ~SIGNAL_ALERT_LEVEL ? " " : "",
	    a & SIGNAL_ALERT_RISE ? "rise" : "",
	    a & SIGNAL_ALERT_RISE && a & SIGNAL_ALERT_RISING ? " " : "",
	    a & SIGNAL_ALERT_RISING ? "rising" : "");
}

/*
 * Months and quarters count from year 0, so that the ordinals of all
 * networks agree; a meeting period is the meeting's date as a day number,
 * and lasts until the next meeting.
 */
long
signal_period_of(const struct signal_set *s, const struct signal_reading *r,
    enum signal_period by)
{
	const struct signal_net *n = &s->nets[r->net];
	int y, m, d;
	size_t i;

	date_to_ymd(r->date, &y, &m, &d);
	switch (by) {
	case SIGNAL_BY_MONTH:
		return (long)y * 12 + m - 1;
	case SIGNAL_BY_QUARTER:
		return (long)y * 4 + (m - 1) / 3;
	case SIGNAL_BY_MEETING:
		break;
	}
	for (i = n->nmeetings; i > 0; i--)
		if (n->meetings[i - 1] <= r->date)
			return n->meetings[i - 1];
	return -1;
}

void
signal_period_label(enum signal_period by, long p, char *buf, size_t len)
{
	char d[11];

	switch (by) {
	case SIGNAL_BY_MONTH:
		snprintf(buf, len, "%04ld-%02ld", p / 12, p % 12 + 1);
		break;
	case SIGNAL_BY_QUARTER:
		snprintf(buf, len, "%04ld-Q%ld", p / 4, p % 4 + 1);
		break;
	case SIGNAL_BY_MEETING:
		if (p < 0) {
			snprintf(buf, len, "before");
			break;
		}
		date_format(p, d);
		snprintf(buf, len, "%s", d);
		break;
	}
}

struct keyed {
	const struct signal_reading	*r;
	long				 period;
};

static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c;

	if ((c = strcmp(x->r->theme, y->r->theme)) != 0)
		return c;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	if (x->r->date != y->r->date)
		return x->r->date < y->r->date ? -1 : 1;
	return x->r->net - y->r->net;
}

const char *
signal_direction(double mean, const struct signal_cell *prev)
{
	if (prev == NULL)
		return "new";
	if (mean - prev->mean >= 0.5)
		return "rising";
	if (prev->mean - mean >= 0.5)
		return "falling";
	return "steady";
}

/* Readings in keyed order become cells: one per theme and period. */
static void
fill_cells(const struct keyed *k, size_t n, struct signal_cell *c,
    size_t *nc)
{
	unsigned char *seen = NULL;
	size_t i, m = 0, nnets = 0;
	double sum = 0;

	for (i = 0; i < n; i++)
		if ((size_t)k[i].r->net + 1 > nnets)
			nnets = (size_t)k[i].r->net + 1;
	seen = calloc(nnets + 1, 1);
	for (i = 0; i < n; i++) {
		const struct signal_reading *r = k[i].r;
		struct signal_cell *cur = m > 0 ? &c[m - 1] : NULL;

		if (cur == NULL || strcmp(cur->theme, r->theme) != 0 ||
		    cur->period != k[i].period) {
			if (cur != NULL)
				cur->mean = sum / cur->readings;
			cur = &c[m++];
			memset(cur, 0, sizeof(*cur));
			cur->theme = r->theme;
			cur->period = k[i].period;
			cur->max = -1;
			sum = 0;
			if (seen != NULL)
				memset(seen, 0, nnets);
		}
		cur->readings++;
		cur->signals += r->count;
		if (r->tension > cur->max)
			cur->max = r->tension;
		if (r->alerts)
			cur->alerts++;
		if (seen != NULL && !seen[r->net]) {
			seen[r->net] = 1;
			cur->networks++;
		}
		cur->last = r;
		sum += r->tension;
	}
	if (m > 0)
		c[m - 1].mean = sum / c[m - 1].readings;
	for (i = 0; i < m; i++)
		c[i].direction = signal_direction(c[i].mean, i > 0 &&
		    strcmp(c[i - 1].theme, c[i].theme) == 0 ? &c[i - 1] : NULL);
	free(seen);
	*nc = m;
}

int
signal_cells(const struct signal_set *s, enum signal_period by, int rollup,
    day_t from, day_t to, const char *theme, struct signal_cell **out,
    size_t *nout, struct ally_error *err)
{
	struct keyed *k;
	size_t i, n = 0;

	*out = NULL;
	*nout = 0;
	if (rollup && by == SIGNAL_BY_MEETING)
		return ally_errorf(err, EX_USAGE, "networks meet on different "
		    "dates: a roll-up is by month or by quarter");
	if ((k = calloc(s->nrd + 1, sizeof(*k))) == NULL ||
	    (*out = calloc(s->nrd + 1, sizeof(**out))) == NULL) {
		free(k);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	for (i = 0; i < s->nrd; i++) {
		if (s->rd[i].date < from || s->rd[i].date > to ||
		    (theme != NULL && strcmp(theme, s->rd[i].theme) != 0))
			continue;
		k[n].r = &s->rd[i];
		k[n++].period = signal_period_of(s, &s->rd[i], by);
	}
	/* One network's cells never mix with another's unless rolled up. */
	if (!rollup)
		for (i = 1; i < n; i++)
			if (k[i].r->net != k[0].r->net) {
				free(k);
				free(*out);
				*out = NULL;
				return ally_errorf(err, EX_SOFTWARE, "cells of "
				    "several networks without a roll-up");
			}
	qsort(k, n, sizeof(*k), keyed_cmp);
	fill_cells(k, n, *out, nout);
	free(k);
	return 0;
}

/* ---- the thermometer over a window of hours --------------------------- */

/* A signal's moment in minutes; one without a time counts from 00:00. */
static long long
moment(const struct signal_reading *r)
{
	return (long long)r->date * 1440 + (r->time >= 0 ? r->time : 0);
}

static int
same_source(const struct signal_reading *a, const struct signal_reading *b)
{
	return a->source != NULL && b->source != NULL ?
	    strcmp(a->source, b->source) == 0 : a->id == b->id;
}

/* b is a later voice than a: later, or as late and stored after it. */
static int
later(const struct signal_reading *a, const struct signal_reading *b)
{
	return moment(b) > moment(a) || (moment(b) == moment(a) &&
	    b->id > a->id);
}

/* b is the stronger warning: higher, better founded, then fresher. */
static int
stronger(const struct signal_reading *a, const struct signal_reading *b)
{
	if (b->tension != a->tension)
		return b->tension > a->tension;
	if (basis_rank(b->basis) != basis_rank(a->basis))
		return basis_rank(b->basis) < basis_rank(a->basis);
	return later(a, b);
}

/*
 * One theme of one network over the window, from its signals v[0..n):
 * each source's latest voice counts (a source lowers only its own
 * warning); the reading is the strongest of them.
 */
static void
window_reading(const struct signal_reading *const *v, size_t n,
    long long now, const struct signal_rules *ru, struct signal_reading *out)
{
	const struct signal_reading *top = NULL, *last = NULL;
	size_t i, j;
	int sources = 0, superseded;

	for (i = 0; i < n; i++) {
		if (last == NULL || later(last, v[i]))
			last = v[i];
		for (j = 0, superseded = 0; j < n && !superseded; j++)
			superseded = j != i && same_source(v[i], v[j]) &&
			    later(v[i], v[j]);
		if (superseded)
			continue;
		sources++;
		if (top == NULL || stronger(top, v[i]))
			top = v[i];
	}
	*out = *top;
	out->count = (int)n;
	out->sources = sources;
	out->date = last->date;		/* as of the latest voice */
	out->time = last->time;
	out->age = (int)(now - moment(top));
	out->prev = -1;
	out->alerts = ru->level > 0 && top->tension >= ru->level ?
	    SIGNAL_ALERT_LEVEL : 0;
}

/*
 * The reading now against the series' latest windowed reading, last
 * (NULL: none): unchanged since, it keeps its move and alerts; lowered
 * since by the window passing a warning, it moved from it, and the level
 * and rise rules look at its level again.
 */
static void
now_alerts(const struct signal_set *s, size_t lo, size_t last,
    const struct signal_rules *ru, struct signal_reading *r)
{
	const struct signal_reading *l = &s->wrd[last];
	int low = r->tension;
	size_t j;

	if (l->tension == r->tension && l->id == r->id) {
		r->prev = l->prev;
		r->alerts = l->alerts;
		return;
	}
	r->prev = l->tension;
	for (j = last + 1; j > lo && s->wrd[j - 1].date >= r->date -
	    ru->window; j--)
		if (s->wrd[j - 1].tension < low)
			low = s->wrd[j - 1].tension;
	if (ru->rise > 0 && ru->window > 0 && r->tension - low >= ru->rise)
		r->alerts |= SIGNAL_ALERT_RISE;
}

int
signal_window(const struct signal_set *s, const struct signal_rules *ru,
    day_t day, int minute, int hours, struct signal_reading **out,
    size_t *nout, struct ally_error *err)
{
	const struct signal_reading **v;
	long long now = (long long)day * 1440 + minute, from = now - hours * 60LL;
	size_t i, n = 0, k = 0, lo;

	*out = NULL;
	*nout = 0;
	if ((v = calloc(s->nsig + 1, sizeof(*v))) == NULL ||
	    (*out = calloc(s->nsig + 1, sizeof(**out))) == NULL) {
		free(v);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	/* The signals come by network, theme and date: one group each. */
	for (i = 0; i <= s->nsig; i++) {
		if (n > 0 && (i == s->nsig || !same_series(v[0], &s->sig[i]))) {
			window_reading(v, n, now, ru, &(*out)[*nout]);
			/* The readings come in the same order of series. */
			while (k < s->nrd && !same_series(&s->wrd[k], v[0]))
				k++;
			for (lo = k; k + 1 < s->nrd &&
			    same_series(&s->wrd[k + 1], v[0]); k++)
				;
			if (k < s->nrd)
				now_alerts(s, lo, k, ru, &(*out)[*nout]);
			(*nout)++;
			n = 0;
		}
		if (i < s->nsig && moment(&s->sig[i]) >= from &&
		    moment(&s->sig[i]) <= now)
			v[n++] = &s->sig[i];
	}
	free(v);
	return 0;
}

/*
 * The windowed readings of one series, sig[a..b), one for each of its
 * days, rd[0..): the window of ru->hours up to the day's last voice.
 */
static int
window_series(const struct signal_set *s, size_t a, size_t b,
    const struct signal_rules *ru, struct signal_reading *w)
{
	const struct signal_reading **v, *last;
	size_t i, j, k, n, m = 0;
	long long from;

	if ((v = calloc(b - a + 1, sizeof(*v))) == NULL)
		return -1;
	for (i = a; i < b; i = j) {
		for (j = i + 1; j < b && s->sig[j].date == s->sig[i].date; j++)
			;
		for (last = &s->sig[i], k = i + 1; k < j; k++)
			if (later(last, &s->sig[k]))
				last = &s->sig[k];
		from = moment(last) - ru->hours * 60LL;
		for (n = 0, k = j; k > a && s->sig[k - 1].date >= from / 1440;
		    k--)
			if (moment(&s->sig[k - 1]) >= from &&
			    moment(&s->sig[k - 1]) <= moment(last))
				v[n++] = &s->sig[k - 1];
		window_reading(v, n, moment(last), ru, &w[m]);
		w[m++].alerts = 0;
	}
	free(v);
	return 0;
}

int
signal_readings(struct signal_set *s, const struct signal_rules *ru,
    struct ally_error *err)
{
	size_t i, j, start, a;

	free(s->rd);
	free(s->wrd);
	s->wrd = NULL;
	s->nrd = 0;
	if ((s->rd = calloc(s->nsig + 1, sizeof(*s->rd))) == NULL ||
	    (s->wrd = calloc(s->nsig + 1, sizeof(*s->wrd))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	for (i = 0, start = 0; i < s->nsig; i = j) {
		for (j = i + 1; j < s->nsig && same_series(&s->sig[i],
		    &s->sig[j]) && s->sig[j].date == s->sig[i].date; j++)
			;
		fold_day(&s->sig[i], j - i, &s->rd[s->nrd]);
		s->nrd++;
		/* A series' end: its windowed readings and their alerts. */
		if (j == s->nsig || !same_series(&s->sig[i], &s->sig[j])) {
			for (a = i; a > 0 && same_series(&s->sig[a - 1],
			    &s->sig[i]); a--)
				;
			if (window_series(s, a, j, ru ,&s->wrd[start]) != 0)
				return ally_errorf(err, EX_OSERR, "out of "
				    "memory");
			mark_alerts(s->wrd, start, s->nrd, ru);
			for (; start < s->nrd; start++)
				s->rd[start].alerts = s->wrd[start].alerts;
		}
	}
	return 0;
}

int
signal_expire(sqlite3 *db, long long net, const char *before, long *n,
    struct ally_error *err)
{
	return db_expire(db, "UPDATE signal SET summary = NULL WHERE "
	    "network_id = ?1 AND date < ?2 AND summary IS NOT NULL", net, NULL,
	    before, n, err);
}
