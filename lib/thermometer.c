/*
 * thermometer.c: the reports of the tension signals (see thermometer.h):
 * the thermometer, the period table, the early warnings and the list of
 * signals, as records for machines and as documents for people.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "doc.h"
#include "fields.h"
#include "session.h"
#include "thermometer.h"

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* ---- loading ------------------------------------------------------------ */

/* One snapshot of a file, even while a writer is at work. */
static int
load_one(struct thermometer *t, const struct ally_opts *opts,
    const char *path, void (*warn)(const char *, ...),
    struct ally_error *err)
{
	struct ally_session s;
	struct ally_opts o = *opts;
	int rc = -1;

	o.db = path;
	if (session_open(&s, &o, SESSION_READ | SESSION_SNAPSHOT |
	    SESSION_READONLY | (t->rollup ? SESSION_NO_NETWORK : 0), warn,
	    err) != 0)
		return -1;
	if (!t->rollup && (t->network = strdup(s.net.name)) == NULL) {
		oom(err);
		goto out;
	}
	rc = signal_load(s.db, s.net.id, t->nfiles > 1 ? path : NULL,
	    t->until, &t->set, err);
out:
	session_close(&s);
	return rc;
}

int
thermometer_load(struct thermometer *t, const struct ally_opts *o,
    const char *const *files, int n, void (*warn)(const char *, ...),
    struct ally_error *err)
{
	int i;

	t->nfiles = n;
	if (n == 0 && load_one(t, o, o->db, warn, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (load_one(t, o, files[i], warn, err) != 0)
			return -1;
	/* The alerts of the readings first: the reading now ends them. */
	t->rules.hours = t->hours > 0 ? t->hours : t->rules.hours;
	if (signal_readings(&t->set, &t->rules, err) != 0)
		return -1;
	if (t->hours > 0 && signal_window(&t->set, &t->rules, t->now_day,
	    t->now_minute, t->hours, &t->win, &t->nwin, err) != 0)
		return -1;
	return 0;
}

void
thermometer_free(struct thermometer *t)
{
	signal_set_free(&t->set);
	free(t->network);
	t->network = NULL;
	free(t->win);
	t->win = NULL;
	t->nwin = 0;
}

/* ---- the readings of a view --------------------------------------------- */

static int
in_range(const struct thermometer *t, const struct signal_reading *r)
{
	return r->date >= t->since && r->date <= t->until &&
	    (t->theme == NULL || strcmp(t->theme, r->theme) == 0);
}

static int
hotter_first(const void *a, const void *b)
{
	const struct signal_reading *x = *(const struct signal_reading *
	    const *)a, *y = *(const struct signal_reading *const *)b;

	if (x->tension != y->tension)
		return y->tension - x->tension;
	return strcmp(x->theme, y->theme);
}

/* Each theme's last reading in range, hottest first. */
static int
latest(const struct thermometer *t, const struct signal_reading ***out,
    size_t *n, struct ally_error *err)
{
	const struct signal_reading **last;
	size_t i;

	*n = 0;
	if ((*out = last = calloc(t->set.nrd + t->nwin + 1,
	    sizeof(*last))) == NULL)
		return oom(err);
	/* Over a window: one reading a theme already. */
	for (i = 0; i < t->nwin; i++)
		if (t->theme == NULL || strcmp(t->theme, t->win[i].theme) == 0)
			last[(*n)++] = &t->win[i];
	for (i = 0; t->hours == 0 && i < t->set.nrd; i++) {
		const struct signal_reading *r = &t->set.rd[i];

		if (!in_range(t, r))
			continue;
		if (*n > 0 && strcmp(last[*n - 1]->theme, r->theme) == 0)
			last[*n - 1] = r;
		else
			last[(*n)++] = r;
	}
	qsort(last, *n, sizeof(*last), hotter_first);
	return 0;
}

static int
by_date(const void *a, const void *b)
{
	const struct signal_reading *x = *(const struct signal_reading *
	    const *)a, *y = *(const struct signal_reading *const *)b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->net != y->net)
		return x->net - y->net;
	return strcmp(x->theme, y->theme);
}

/*
 * The alerting readings in range, oldest first: the order of events.
 * They are the readings over the window, on which the rules fire.
 */
int
thermometer_alerting(const struct thermometer *t,
    const struct signal_reading ***out, size_t *n, struct ally_error *err)
{
	size_t i;

	*n = 0;
	if ((*out = calloc(t->set.nrd + 1, sizeof(**out))) == NULL)
		return oom(err);
	for (i = 0; i < t->set.nrd; i++)
		if (t->set.wrd[i].alerts != 0 && in_range(t, &t->set.wrd[i]))
			(*out)[(*n)++] = &t->set.wrd[i];
	qsort(*out, *n, sizeof(**out), by_date);
	return 0;
}

static int
period_cells(const struct thermometer *t, struct signal_cell **cells,
    size_t *n, struct ally_error *err)
{
	if (t->cells != NULL) {
		*n = t->ncells;
		if ((*cells = calloc(*n + 1, sizeof(**cells))) == NULL)
			return oom(err);
		memcpy(*cells, t->cells, *n * sizeof(**cells));
		return 0;
	}
	return signal_cells(&t->set, t->by, t->rollup, t->since, t->until,
	    t->theme, cells, n, err);
}

/* ---- records ------------------------------------------------------------ */

/* How a reading moved since the one before: new, 0, +1, -2. */
static const char *
move(const struct signal_reading *r, char *buf, size_t len)
{
	if (r->prev < 0)
		snprintf(buf, len, "new");
	else if (r->prev == r->tension)
		snprintf(buf, len, "0");
	else
		snprintf(buf, len, "%+d", r->tension - r->prev);
	return buf;
}

static struct record *
cell_record(const struct thermometer *t, const struct signal_cell *k)
{
	struct record *o;
	char label[24];

	if ((o = record_new()) == NULL)
		return NULL;
	signal_period_label(t->by, k->period, label, sizeof(label));
	if (record_set(o, "theme", k->theme) != 0 ||
	    record_set(o, "period", label) != 0 ||
	    (t->rollup && record_set_int(o, "networks", k->networks) != 0) ||
	    record_set_int(o, "readings", k->readings) != 0 ||
	    record_set_int(o, "signals", k->signals) != 0 ||
	    record_set_int(o, "max", k->max) != 0 ||
	    record_set_decimal(o, "mean", "%.1f", k->mean) != 0 ||
	    record_set(o, "direction", k->direction) != 0 ||
	    record_set_int(o, "alerts", k->alerts) != 0) {
		record_free(o);
		return NULL;
	}
	return o;
}

/*
 * A message in the user's language for people, as written for machines
 * otherwise: the same field of a record is read by both.
 */
static const char *
tr(int human, const char *msgid)
{
	return human ? _(msgid) : msgid;
}

static void
join(char *buf, size_t len, const char *part)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, "%s%s", n > 0 ? "; " : "", part);
}

/*
 * Why a reading alerts, in words a coordinator reads in a mail: in the
 * user's language in the text table (what cron mails), in English in
 * yaml and csv, whose values never change with the locale.
 */
static void
alert_why(const struct thermometer *t, const struct signal_reading *r,
    char *buf, size_t len)
{
	char part[160];

	buf[0] = '\0';
	if (r->alerts & SIGNAL_ALERT_LEVEL) {
		/* xgettext:c-format */
		snprintf(part, sizeof(part), tr(t->human, N_("level %d "
		    "reaches %d")), r->tension, t->rules.level);
		join(buf, len, part);
	}
	if (r->alerts & SIGNAL_ALERT_RISE) {
		/* xgettext:c-format */
		snprintf(part, sizeof(part), tr(t->human, N_("rose by %d or "
		    "more within %d days")), t->rules.rise, t->rules.window);
		join(buf, len, part);
	}
	if (r->alerts & SIGNAL_ALERT_RISING) {
		/* xgettext:c-format */
		snprintf(part, sizeof(part), tr(t->human, N_("rising in %d "
		    "readings in a row")), t->rules.consecutive);
		join(buf, len, part);
	}
}

/*
 * The fields of a reading's record, in the order of each view: the
 * thermometer, the alerts (file and network in a roll-up, source and
 * summary otherwise) and the signals as stored.
 */
enum reading_field { F_ID, F_FILE, F_NETWORK, F_DATE, F_THEME, F_TENSION, F_LEVEL,
	F_TREND, F_BASIS, F_PREVIOUS, F_MOVE, F_SIGNALS, F_ALERT, F_WHY,
	F_SOURCE, F_SUMMARY, F_TIME, F_AS_OF, F_SOURCES, F_AGE, F_END };

static const char *const field_names[] = { "id", "file", "network",
	"date", "theme", "tension", "level", "trend", "basis", "previous",
	"move", "signals", "alert", "why", "source", "summary", "time",
	"as_of", "sources", "age" };

static const enum reading_field view_fields[][16] = {
	/* Over the window: as of when, from how many, how old; added last. */
	[THERMOMETER_LATEST] = { F_THEME, F_DATE, F_TENSION, F_LEVEL, F_TREND,
	    F_BASIS, F_PREVIOUS, F_MOVE, F_SIGNALS, F_ALERT, F_SOURCE,
	    F_SUMMARY, F_AS_OF, F_SOURCES, F_AGE, F_END },
	[THERMOMETER_ALERTS] = { F_FILE, F_NETWORK, F_DATE, F_THEME,
	    F_TENSION, F_PREVIOUS, F_TREND, F_ALERT, F_WHY, F_SOURCE,
	    F_SUMMARY, F_END },
	[THERMOMETER_SIGNALS] = { F_ID, F_NETWORK, F_DATE, F_THEME, F_TENSION,
	    F_TREND, F_BASIS, F_SOURCE, F_SUMMARY, F_TIME, F_END }
};

/* A roll-up's alerts name the network (and file), never a source. */
static int
shown(const struct thermometer *t, enum thermometer_view view, enum reading_field f)
{
	if (view != THERMOMETER_ALERTS)
		return 1;
	if (f == F_FILE)
		return t->rollup && t->nfiles > 1;
	if (f == F_NETWORK)
		return t->rollup;
	return !t->rollup || (f != F_SOURCE && f != F_SUMMARY);
}

/* The field's value, or NULL for a null field. */
static const char *
field_value(const struct thermometer *t, const struct signal_reading *r,
    enum reading_field f, char *buf, size_t len)
{
	switch (f) {
	case F_FILE:
		return t->set.nets[r->net].file;
	case F_NETWORK:
		return t->set.nets[r->net].name;
	case F_DATE:
		date_format(r->date, buf);
		return buf;
	case F_THEME:
		return r->theme;
	case F_LEVEL:
		return signal_levels[r->tension];
	case F_TREND:
		return r->trend;
	case F_BASIS:
		return r->basis;
	case F_MOVE:
		return move(r, buf, len);
	case F_ALERT:
		signal_alert_words(r->alerts, buf, len);
		return *buf != '\0' ? buf : NULL;
	case F_WHY:
		alert_why(t, r, buf, len);
		return buf;
	case F_SOURCE:
		return r->source;
	case F_SUMMARY:
		return r->summary;
	case F_TIME:
		if (r->time < 0)
			return NULL;
		time_format(r->time, buf);
		return buf;
	case F_AS_OF:
		datetime_format(r->date, r->time < 0 ? 0 : r->time, buf);
		return buf;
	case F_AGE:
		/* Hours and minutes: "the warning is 10:15 old". */
		snprintf(buf, len, "%d:%02d", r->age / 60, r->age % 60);
		return buf;
	default:
		return NULL;
	}
}

static int
set_field(struct record *o, const struct thermometer *t,
    const struct signal_reading *r, enum reading_field f)
{
	const char *key = field_names[f], *v;
	char buf[320];

	switch (f) {
	case F_ID:
		return record_set_int(o, key, r->id);
	case F_TENSION:
		return record_set_int(o, key, r->tension);
	case F_SIGNALS:
		return record_set_int(o, key, r->count);
	case F_SOURCES:
		return record_set_int(o, key, r->sources);

	case F_PREVIOUS:
		return r->prev < 0 ? record_set_null(o, key) :
		    record_set_int(o, key, r->prev);
	case F_MOVE:
		v = field_value(t, r, f, buf, sizeof(buf));
		return record_set_typed(o, key, v, FT_INTEGER);
	default:
		v = field_value(t, r, f, buf, sizeof(buf));
		return v != NULL ? record_set(o, key, v) :
		    record_set_null(o, key);
	}
}

static struct record *
reading_record(const struct thermometer *t, enum thermometer_view view,
    const struct signal_reading *r)
{
	const enum reading_field *f;
	struct record *o;

	if ((o = record_new()) == NULL)
		return NULL;
	for (f = view_fields[view]; *f != F_END; f++)
		if (shown(t, view, *f) && set_field(o, t, r, *f) != 0) {
			record_free(o);
			return NULL;
		}
	return o;
}

/* The readings a view shows: the signals themselves for the list. */
static int
readings(const struct thermometer *t, enum thermometer_view view,
    const struct signal_reading ***v, size_t *n, struct ally_error *err)
{
	size_t i;

	if (view == THERMOMETER_LATEST)
		return latest(t, v, n, err);
	if (view == THERMOMETER_ALERTS)
		return thermometer_alerting(t, v, n, err);
	*n = 0;
	if ((*v = calloc(t->set.nsig + 1, sizeof(**v))) == NULL)
		return oom(err);
	for (i = 0; i < t->set.nsig; i++)
		if (in_range(t, &t->set.sig[i]))
			(*v)[(*n)++] = &t->set.sig[i];
	return 0;
}

static int
put(struct record *r, int (*fn)(struct record *, void *,
    struct ally_error *), void *arg, long *count, struct ally_error *err)
{
	int rc;

	if (r == NULL)
		return oom(err);
	(*count)++;
	rc = fn(r, arg, err);
	record_free(r);
	return rc;
}

int
thermometer_records(const struct thermometer *t, enum thermometer_view view,
    int (*fn)(struct record *, void *, struct ally_error *), void *arg,
    long *count, struct ally_error *err)
{
	const struct signal_reading **v;
	struct signal_cell *cells;
	size_t i, n;
	int rc = 0;

	*count = 0;
	if (view == THERMOMETER_PERIODS) {
		if (period_cells(t, &cells, &n, err) != 0)
			return -1;
		for (i = 0; i < n && rc == 0; i++)
			rc = put(cell_record(t, &cells[i]), fn, arg, count, err);
		free(cells);
		return rc;
	}
	if (readings(t, view, &v, &n, err) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = put(reading_record(t, view, v[i]), fn, arg, count, err);
	free(v);
	return rc;
}

/* ---- documents ---------------------------------------------------------- */

/*
 * The words of the values that a printed page or the heat map shows in
 * the user's language: levels, trends, bases, directions, the alert
 * rules and the meeting period before the first meeting.  Anything else
 * (themes, aliases, summaries) is shown as it was written.
 */
static const char *const value_words[] = {
	/* TRANSLATORS: a theme's first reading or first period. */
	N_("new"),
	/* TRANSLATORS: the alert rule "the level reached the threshold". */
	N_("level"),
	/* TRANSLATORS: the alert rule "rose by N or more within N days". */
	N_("rise"),
	/* TRANSLATORS: the meeting period before the first meeting. */
	N_("before"),
	NULL
};

static int
known_word(const char *w, size_t n)
{
	const char *const *tables[] = { value_words, signal_levels,
	    signal_trends, signal_bases };
	size_t t, i;

	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		for (i = 0; tables[t][i] != NULL; i++)
			if (strlen(tables[t][i]) == n &&
			    strncmp(tables[t][i], w, n) == 0)
				return 1;
	return 0;
}

const char *
thermometer_words(const char *v, char *buf, size_t len)
{
	char w[32];
	size_t n, o = 0;

	buf[0] = '\0';
	while (v != NULL && *v != '\0' && o < len) {
		n = strcspn(v, " ");
		if (n > 0 && n < sizeof(w) && known_word(v, n)) {
			memcpy(w, v, n);
			w[n] = '\0';
			o += snprintf(buf + o, len - o, "%s", _(w));
		} else
			o += snprintf(buf + o, len - o, "%.*s", (int)n, v);
		v += n;
		if (*v == ' ' && o < len)
			o += snprintf(buf + o, len - o, "%s", " ");
		v += *v == ' ';
	}
	return buf;
}

/* A value in words of the user's language, or "-". */
static const char *
words_or(const char *v, char *buf, size_t len)
{
	return v != NULL ? thermometer_words(v, buf, len) : "-";
}

/* "3 tension": a level and its word. */
static const char *
level_words(int level, char *buf, size_t len)
{
	snprintf(buf, len, "%d %s", level, _(signal_levels[level]));
	return buf;
}

/*
 * A report's table with its headings but column skip, after the intro;
 * without rows a sentence says so instead.
 */
static void
table(struct document *d, size_t nrows, const char *const *heads, int skip,
    const char *intro, const char *keys, int flags)
{
	const char *h[ROFF_TABLE_COLS + 1];
	size_t i, k;

	if (nrows == 0) {
		doc_paragraph(d, _("No readings in this period."));
		return;
	}
	for (i = 0, k = 0; heads[i] != NULL && k < ROFF_TABLE_COLS; i++)
		if ((int)i != skip)
			h[k++] = _(heads[i]);
	h[k] = NULL;
	doc_paragraph(d, intro);
	doc_table(d, keys, h, flags);
}

static void
latest_row(struct document *d, const struct signal_reading *r)
{
	const char *cells[7];
	char asof[17], lv[32], mv[8], mvw[32], trend[32], alert[64],
	    words[32], basis[32], age[16], heard[96], text[1024];

	signal_alert_words(r->alerts, words, sizeof(words));
	snprintf(age, sizeof(age), "%d:%02d", r->age / 60, r->age % 60);
	/* xgettext:c-format */
	snprintf(heard, sizeof(heard), ngettext("%d source, the warning %s "
	    "old", "%d sources, the warning %s old", r->sources), r->sources,
	    age);
	snprintf(text, sizeof(text), "%s%s(%s; %s; %s)", r->summary != NULL ?
	    r->summary : "", r->summary != NULL ? " " : "", words_or(r->basis,
	    basis, sizeof(basis)), r->source != NULL ? r->source : "-",
	    heard);
	datetime_format(r->date, r->time < 0 ? 0 : r->time, asof);
	cells[0] = r->theme;
	cells[1] = asof;
	cells[2] = level_words(r->tension, lv, sizeof(lv));
	cells[3] = thermometer_words(move(r, mv, sizeof(mv)), mvw,
	    sizeof(mvw));
	cells[4] = words_or(r->trend, trend, sizeof(trend));
	cells[5] = words_or(*words ? words : NULL, alert, sizeof(alert));
	cells[6] = text;
	doc_row(d, cells);
}

static void
period_row(struct document *d, const struct thermometer *t,
    const struct signal_cell *k, const struct signal_cell *before)
{
	const char *cells[9];
	char label[24], period[32], nets[16], rd[16], sig[16], lv[32],
	    mean[16], dir[32], alerts[16];
	size_t col = 0;

	signal_period_label(t->by, k->period, label, sizeof(label));
	snprintf(nets, sizeof(nets), "%d", k->networks);
	snprintf(rd, sizeof(rd), "%d", k->readings);
	snprintf(sig, sizeof(sig), "%d", k->signals);
	snprintf(mean, sizeof(mean), "%.1f", k->mean);
	snprintf(alerts, sizeof(alerts), "%d", k->alerts);
	/* The theme once, on the first row of its periods. */
	cells[col++] = before != NULL && strcmp(before->theme,
	    k->theme) == 0 ? "" : k->theme;
	cells[col++] = thermometer_words(label, period, sizeof(period));
	if (t->rollup)
		cells[col++] = nets;
	cells[col++] = rd;
	cells[col++] = sig;
	cells[col++] = level_words(k->max, lv, sizeof(lv));
	cells[col++] = mean;
	cells[col++] = thermometer_words(k->direction, dir, sizeof(dir));
	cells[col++] = alerts;
	doc_row(d, cells);
}

/*
 * TRANSLATORS: the headings of a table of up to nine columns on an A4
 * page: keep them as short as the English ones (abbreviate Mean and
 * Alerts if need be).
 */
static const char *const period_heads[] = { N_("Theme"), N_("Period"),
	N_("Networks"), N_("Readings"), N_("Signals"), N_("Highest"),
	N_("Mean"), N_("Direction"), N_("Alerts"), NULL };
static const char *const latest_heads[] = { N_("Theme"), N_("As of"),
	N_("Level"), N_("Move"), N_("Trend"), N_("Alert"),
	N_("Summary (basis; source)"), NULL };

/* The table of the thermometer or of the periods, and what it shows. */
static int
report_table(struct document *d, const struct thermometer *t,
    enum thermometer_view view, struct ally_error *err)
{
	const struct signal_reading **v = NULL;
	struct signal_cell *cells = NULL;
	size_t i, n;

	if (view == THERMOMETER_PERIODS) {
		if (period_cells(t, &cells, &n, err) != 0)
			return -1;
		/* The column of networks in a roll-up only. */
		table(d, n, period_heads, t->rollup ? -1 : 2, _("The readings "
		    "of each theme by period: the highest level, the mean, "
		    "and the direction against the period before."),
		    t->rollup ? "l l n n n l n l n" : "l l n n l n l n", 0);
	} else {
		if (latest(t, &v, &n, err) != 0)
			return -1;
		table(d, n, latest_heads, -1, _("Each theme's reading over the "
		    "window, hottest first: each source's latest voice, the "
		    "strongest of them shown.  Levels run from 0 calm to 4 "
		    "unrest; the move is the change since the theme's reading "
		    "before."), "l2 l2 l2 n2 l2 l2 lx",
		    DOC_TABLE_SMALL | DOC_TABLE_UNDER);
	}
	for (i = 0; i < n; i++)
		if (cells != NULL)
			period_row(d, t, &cells[i], i > 0 ? &cells[i - 1] :
			    NULL);
		else
			latest_row(d, v[i]);
	free(cells);
	free(v);
	return 0;
}

/* The titles of the reports, by the period of the table. */
static const char *const by_titles[] = {
	N_("Tension by theme and month"),
	N_("Tension by theme and quarter"),
	N_("Tension by theme and meeting")
};

const char *
thermometer_title(const struct thermometer *t)
{
	return _(by_titles[t->by]);
}

/* Whose readings, and of which days (the thermometer: which hours). */
static void
scope(struct document *d, const struct thermometer *t,
    enum thermometer_view view)
{
	char from[11], to[11], now[17];

	date_format(t->until, to);
	date_format(t->since, from);
	datetime_format(t->now_day, t->now_minute, now);
	if (view == THERMOMETER_LATEST && !t->rollup && t->hours > 0)
		doc_paragraphf(d, ngettext("Network %s, the last %d hour up to "
		    "%s.", "Network %s, the last %d hours up to %s.",
		    t->hours), t->network, t->hours, now);
	else if (t->rollup && t->since_given)
		doc_paragraphf(d, _("Networks: all in the files given, "
		    "readings from %s to %s."), from, to);
	else if (t->rollup)
		doc_paragraphf(d, _("Networks: all in the files given, "
		    "readings up to %s."), to);
	else if (t->since_given)
		doc_paragraphf(d, _("Network %s, readings from %s to %s."),
		    t->network, from, to);
	else
		doc_paragraphf(d, _("Network %s, readings up to %s."),
		    t->network, to);
	if (t->theme != NULL)
		doc_paragraphf(d, _("Theme: %s."), t->theme);
}

struct document *
thermometer_doc(const struct thermometer *t, enum thermometer_view view,
    struct ally_error *err)
{
	struct document *d;
	char to[11];

	date_format(t->until, to);
	if ((d = doc_new(view == THERMOMETER_PERIODS ? thermometer_title(t) :
	    _("The tension thermometer"), t->rollup ? _("all networks") :
	    t->network, to)) == NULL) {
		oom(err);
		return NULL;
	}
	scope(d, t, view);
	if (report_table(d, t, view, err) != 0) {
		doc_done(d);
		return NULL;
	}
	return d;
}

int
thermometer_latest(const struct thermometer *t,
    const struct signal_reading ***out, size_t *n, struct ally_error *err)
{
	return latest(t, out, n, err);
}

static int
put_record(struct record *r, void *w, struct ally_error *err)
{
	return writer_put(w, r, err);
}

int
thermometer_print(FILE *fp, const struct thermometer *t,
    enum thermometer_view view, enum format fmt, long *printed,
    struct ally_error *err)
{
	struct document *d;
	struct writer *w;
	int rc;

	if (fmt == FMT_SVG)
		return thermometer_heatmap(fp, t, err);
	if (fmt == FMT_ROFF || (fmt == FMT_TEXT &&
	    (view == THERMOMETER_LATEST || view == THERMOMETER_PERIODS))) {
		d = thermometer_doc(t, view, err);
		rc = d != NULL ? doc_write(fp, d, fmt, 0, err) : -1;
		doc_done(d);
		return rc;
	}
	if ((w = writer_open(fp, fmt, NULL, 0, err)) == NULL)
		return -1;
	rc = thermometer_records(t, view, put_record, w, printed, err);
	if (writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}
