/*
 * report-sentiment: the tension thermometer.
 *
 * With -r it records signals (a crisis call round, themes from minutes)
 * in one transaction.  Otherwise it reports: by default the thermometer
 * (each theme's latest reading and how it moved), with -b the table of
 * themes by period, with -a the early warnings (for cron: silent and
 * status 1 when there is none), with -l the signals themselves.  -g
 * rolls up every network of one or more files into aggregates that name
 * no one.  -f svg draws the period table as a heat map.
 */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <unistd.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

#define MAX_DBS		64
#define MAX_NOTES	40

enum mode { M_THERMOMETER, M_PERIODS, M_ALERTS, M_LIST, M_RECORD };

struct ctx {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 rollup, quiet, by_given, allow_names;
	int			 record_u;	/* -u, not -r: see check */
	enum signal_period	 by;
	struct signal_rules	 rules;
	const char		*theme;
	const char		*since_arg, *until_arg;
	day_t			 today, since, until;
	const char		*dbs[MAX_DBS];
	int			 ndbs;
	struct signal_set	 set;
	const char		*network;	/* name when not rolled up */
};

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* ---- recording --------------------------------------------------------- */

struct apply {
	struct ally_session	 s;
	long			 n;
	struct progress		*progress;	/* on a terminal only */
};

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct apply *a = arg;
	struct record *out;
	const char *v;
	long long id;
	int rc;

	if (signal_apply(a->s.db, &a->s.net, r, 0, a->s.today, &id, err) != 0)
		return -1;
	a->n++;
	progress_update(a->progress, a->n);
	if (a->s.spool == NULL)
		return 0;
	if ((out = record_new()) == NULL)
		return oom(err);
	rc = record_set_int(out, "id", id) != 0 ||
	    record_set(out, "date", (v = record_get(r, "date")) ? v : "") ||
	    record_set(out, "theme", record_get(r, "theme")) != 0 ||
	    record_set(out, "tension", record_get(r, "tension")) != 0 ||
	    record_set(out, "source", record_get(r, "source")) != 0 ||
	    record_set(out, "change", record_get(r, "id") != NULL ?
	    "updated" : "added") != 0 ||
	    record_set_int(out, "line", (long long)r->line) != 0;
	if (rc != 0) {
		record_free(out);
		return oom(err);
	}
	rc = session_result(&a->s, out, err);
	record_free(out);
	return rc;
}

/*
 * The results are printed only after the commit, from the session's
 * temporary file (none with -q).
 */
static int
record_signals(struct ctx *c, char **files, int nfiles,
    struct ally_error *err)
{
	struct apply a;
	struct alias_map aliases;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	memset(&aliases, 0, sizeof(aliases));
	if (session_open(&a.s, &c->o, c->quiet ? SESSION_QUIET : 0, warnx,
	    err) != 0)
		return -1;
	/* Signals add no member: the aliases and names are read once. */
	if (person_alias_map(a.s.db, a.s.net.id, &aliases, err) != 0 ||
	    session_names(&a.s, c->allow_names, "report-sentiment -r",
	    "member names let through in signals", err) != 0)
		goto out;
	a.s.net.aliases = &aliases;
	a.progress = progress_start(stderr, "report-sentiment", 0);
	rc = session_apply(&a.s, files, nfiles, apply_one, &a, err);
	progress_end(a.progress);
	if (rc == 0 && a.n > 0)
		rc = session_audit(&a.s, "report-sentiment -r",
		    "signals recorded", a.n, err);
	if (rc == 0)
		rc = session_finish(&a.s, err);
out:
	session_close(&a.s);
	alias_map_free(&aliases);
	return rc;
}

/* ---- loading ------------------------------------------------------------ */

/* One snapshot of a file, even while a writer is at work. */
static int
load_one(struct ctx *c, const char *path, int many, struct ally_error *err)
{
	struct ally_session s;
	struct ally_opts o = c->o;
	int rc = -1;

	o.db = path;
	if (session_open(&s, &o, SESSION_READ | SESSION_SNAPSHOT |
	    SESSION_READONLY | (c->rollup ? SESSION_NO_NETWORK : 0), warnx,
	    err) != 0)
		return -1;
	if (!c->rollup && (c->network = strdup(s.net.name)) == NULL) {
		oom(err);
		goto out;
	}
	rc = signal_load(s.db, s.net.id, many ? path : NULL, c->until,
	    &c->set, err);
out:
	session_close(&s);
	return rc;
}

static int
load(struct ctx *c, struct ally_error *err)
{
	int i;

	if (c->ndbs == 0 && load_one(c, c->o.db, 0, err) != 0)
		return -1;
	for (i = 0; i < c->ndbs; i++)
		if (load_one(c, c->dbs[i], c->ndbs > 1, err) != 0)
			return -1;
	return signal_readings(&c->set, &c->rules, err);
}

/* ---- reports ------------------------------------------------------------ */

/* Where the report's records go: a writer, or kept for the printed page. */
struct sink {
	struct writer	 *w;
	struct record	**keep;
	size_t		  nkeep;
};

static int
put(struct sink *w, struct record *r, int *printed,
    struct ally_error *err)
{
	struct record **n;
	int rc;

	if (r == NULL)
		return oom(err);
	(*printed)++;
	if (w->w == NULL) {
		if ((n = reallocarray(w->keep, w->nkeep + 1,
		    sizeof(*n))) == NULL) {
			record_free(r);
			return oom(err);
		}
		w->keep = n;
		w->keep[w->nkeep++] = r;
		return 0;
	}
	rc = writer_put(w->w, r, err);
	record_free(r);
	return rc;
}

static int
set_date(struct record *r, const char *key, day_t d)
{
	char buf[11];

	date_format(d, buf);
	return record_set(r, key, buf);
}

static int
set_opt(struct record *r, const char *key, const char *v)
{
	return v != NULL ? record_set(r, key, v) : record_set_null(r, key);
}

static int
in_range(const struct ctx *c, const struct signal_reading *r)
{
	return r->date >= c->since && r->date <= c->until &&
	    (c->theme == NULL || strcmp(c->theme, r->theme) == 0);
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

static struct record *
thermometer_record(const struct signal_reading *r)
{
	struct record *o;
	char move[8], words[32];

	if ((o = record_new()) == NULL)
		return NULL;
	if (r->prev < 0)
		snprintf(move, sizeof(move), "new");
	else if (r->prev == r->tension)
		snprintf(move, sizeof(move), "0");
	else
		snprintf(move, sizeof(move), "%+d", r->tension - r->prev);
	signal_alert_words(r->alerts, words, sizeof(words));
	if (record_set(o, "theme", r->theme) != 0 ||
	    set_date(o, "date", r->date) != 0 ||
	    record_set_int(o, "tension", r->tension) != 0 ||
	    record_set(o, "level", signal_levels[r->tension]) != 0 ||
	    set_opt(o, "trend", r->trend) != 0 ||
	    set_opt(o, "basis", r->basis) != 0 ||
	    (r->prev < 0 ? record_set_null(o, "previous") :
	    record_set_int(o, "previous", r->prev)) != 0 ||
	    record_set(o, "move", move) != 0 ||
	    record_set_int(o, "signals", r->count) != 0 ||
	    set_opt(o, "alert", *words ? words : NULL) != 0 ||
	    set_opt(o, "source", r->source) != 0 ||
	    set_opt(o, "summary", r->summary) != 0) {
		record_free(o);
		return NULL;
	}
	return o;
}

/* Each theme's last reading in range, hottest first. */
static int
thermometer(struct ctx *c, struct sink *w, int *printed,
    struct ally_error *err)
{
	const struct signal_reading **last;
	size_t i, n = 0;
	int rc = 0;

	if ((last = calloc(c->set.nrd + 1, sizeof(*last))) == NULL)
		return oom(err);
	for (i = 0; i < c->set.nrd; i++) {
		const struct signal_reading *r = &c->set.rd[i];

		if (!in_range(c, r))
			continue;
		if (n > 0 && strcmp(last[n - 1]->theme, r->theme) == 0)
			last[n - 1] = r;
		else
			last[n++] = r;
	}
	qsort(last, n, sizeof(*last), hotter_first);
	for (i = 0; i < n && rc == 0; i++)
		rc = put(w, thermometer_record(last[i]), printed, err);
	free(last);
	return rc;
}

static struct record *
cell_record(const struct ctx *c, const struct signal_cell *k)
{
	struct record *o;
	char label[24];

	if ((o = record_new()) == NULL)
		return NULL;
	signal_period_label(c->by, k->period, label, sizeof(label));
	if (record_set(o, "theme", k->theme) != 0 ||
	    record_set(o, "period", label) != 0 ||
	    (c->rollup && record_set_int(o, "networks", k->networks) != 0) ||
	    record_set_int(o, "readings", k->readings) != 0 ||
	    record_set_int(o, "signals", k->signals) != 0 ||
	    record_set_int(o, "max", k->max) != 0 ||
	    record_setf(o, "mean", "%.1f", k->mean) != 0 ||
	    record_set(o, "direction", k->direction) != 0 ||
	    record_set_int(o, "alerts", k->alerts) != 0) {
		record_free(o);
		return NULL;
	}
	return o;
}

static int
periods(struct ctx *c, struct sink *w, int *printed,
    struct ally_error *err)
{
	struct signal_cell *cells;
	size_t i, n;
	int rc = 0;

	if (signal_cells(&c->set, c->by, c->rollup, c->since, c->until,
	    c->theme, &cells, &n, err) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = put(w, cell_record(c, &cells[i]), printed, err);
	free(cells);
	return rc;
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

/*
 * Why a reading alerts, in words a coordinator reads in a mail: in the
 * user's language in the text table (what cron mails), in English in
 * yaml and csv, whose values never change with the locale.
 */
static void
join(char *buf, size_t len, const char *part)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, "%s%s", n > 0 ? "; " : "", part);
}

static void
alert_why(const struct ctx *c, const struct signal_reading *r, char *buf,
    size_t len)
{
	int human = c->o.format == FMT_TEXT;
	char part[160];

	buf[0] = '\0';
	if (r->alerts & SIGNAL_ALERT_LEVEL) {
		/* xgettext:c-format */
		snprintf(part, sizeof(part), tr(human, N_("level %d reaches "
		    "%d")), r->tension, c->rules.level);
		join(buf, len, part);
	}
	if (r->alerts & SIGNAL_ALERT_RISE) {
		/* xgettext:c-format */
		snprintf(part, sizeof(part), tr(human, N_("rose by %d or more "
		    "within %d days")), c->rules.rise, c->rules.window);
		join(buf, len, part);
	}
	if (r->alerts & SIGNAL_ALERT_RISING) {
		/* xgettext:c-format */
		snprintf(part, sizeof(part), tr(human, N_("rising in %d "
		    "readings in a row")), c->rules.consecutive);
		join(buf, len, part);
	}
}

static struct record *
alert_record(const struct ctx *c, const struct signal_reading *r)
{
	struct record *o;
	char words[32], why[320];

	if ((o = record_new()) == NULL)
		return NULL;
	signal_alert_words(r->alerts, words, sizeof(words));
	alert_why(c, r, why, sizeof(why));
	if ((c->rollup && c->ndbs > 1 && record_set(o, "file",
	    c->set.nets[r->net].file) != 0) ||
	    (c->rollup && record_set(o, "network",
	    c->set.nets[r->net].name) != 0) ||
	    set_date(o, "date", r->date) != 0 ||
	    record_set(o, "theme", r->theme) != 0 ||
	    record_set_int(o, "tension", r->tension) != 0 ||
	    (r->prev < 0 ? record_set_null(o, "previous") :
	    record_set_int(o, "previous", r->prev)) != 0 ||
	    set_opt(o, "trend", r->trend) != 0 ||
	    record_set(o, "alert", words) != 0 ||
	    record_set(o, "why", why) != 0 ||
	    (!c->rollup && (set_opt(o, "source", r->source) != 0 ||
	    set_opt(o, "summary", r->summary) != 0))) {
		record_free(o);
		return NULL;
	}
	return o;
}

static int
by_date(const void *a, const void *b)
{
	const struct signal_reading *x = *(const struct signal_reading *
	    const *)a, *y = *(const struct signal_reading *const *)b;
	int c;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->net != y->net)
		return x->net - y->net;
	if ((c = strcmp(x->theme, y->theme)) != 0)
		return c;
	return 0;
}

/* The alerting readings in range, oldest first: the order of events. */
static int
alerting(const struct ctx *c, const struct signal_reading ***out,
    size_t *n, struct ally_error *err)
{
	size_t i;

	*n = 0;
	if ((*out = calloc(c->set.nrd + 1, sizeof(**out))) == NULL)
		return oom(err);
	for (i = 0; i < c->set.nrd; i++)
		if (c->set.rd[i].alerts != 0 && in_range(c, &c->set.rd[i]))
			(*out)[(*n)++] = &c->set.rd[i];
	qsort(*out, *n, sizeof(**out), by_date);
	return 0;
}

static int
alerts(struct ctx *c, struct sink *w, int *printed,
    struct ally_error *err)
{
	const struct signal_reading **v;
	size_t i, n;
	int rc = 0;

	if (alerting(c, &v, &n, err) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = put(w, alert_record(c, v[i]), printed, err);
	free(v);
	return rc;
}

static struct record *
signal_record(const struct ctx *c, const struct signal_reading *r)
{
	struct record *o;

	if ((o = record_new()) == NULL)
		return NULL;
	if (record_set_int(o, "id", r->id) != 0 ||
	    record_set(o, "network", c->set.nets[r->net].name) != 0 ||
	    set_date(o, "date", r->date) != 0 ||
	    record_set(o, "theme", r->theme) != 0 ||
	    record_set_int(o, "tension", r->tension) != 0 ||
	    set_opt(o, "trend", r->trend) != 0 ||
	    set_opt(o, "basis", r->basis) != 0 ||
	    set_opt(o, "source", r->source) != 0 ||
	    set_opt(o, "summary", r->summary) != 0) {
		record_free(o);
		return NULL;
	}
	return o;
}

static int
list(struct ctx *c, struct sink *w, int *printed, struct ally_error *err)
{
	size_t i;

	for (i = 0; i < c->set.nsig; i++)
		if (in_range(c, &c->set.sig[i]) &&
		    put(w, signal_record(c, &c->set.sig[i]), printed,
		    err) != 0)
			return -1;
	return 0;
}

/* ---- the printed report: troff for groff -t -ms ------------------------- */

/*
 * The words of the records' values that a printed page or the heat map
 * shows in the user's language: levels, trends, bases, directions, the
 * alert rules and the meeting period before the first meeting.  Anything
 * else (themes, aliases, summaries) is shown as it was written.
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

/* "level rise" as "niveau stijging": each known word translated. */
static const char *
human_words(const char *v, char *buf, size_t len)
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

/* "3 tension": a level and its word. */
static const char *
level_words(const struct record *r, const char *key, char *buf, size_t len)
{
	const char *v = record_get(r, key);
	long long n;

	if (v == NULL || parse_int(v, 0, 4, &n) != 0)
		return "-";
	snprintf(buf, len, "%lld %s", n, _(signal_levels[n]));
	return buf;
}

static const char *
value_or(const struct record *r, const char *key)
{
	const char *v = record_get(r, key);

	return v != NULL ? v : "-";
}

/* A value in words of the user's language, or "-". */
static const char *
words_or(const struct record *r, const char *key, char *buf, size_t len)
{
	const char *v = record_get(r, key);

	return v != NULL ? human_words(v, buf, len) : "-";
}

static void
roff_thermometer(struct record **v, size_t n)
{
	static const char *const heads[] = { N_("Theme"), N_("Date"),
	    N_("Level"), N_("Move"), N_("Trend"), N_("Alert"),
	    N_("Summary (basis; source)"), NULL };
	struct roff_table t;
	const char *cells[7], *h[8], *sum;
	char lv[32], move[32], trend[32], alert[64], basis[32], text[1024];
	size_t i;

	for (i = 0; heads[i] != NULL; i++)
		h[i] = _(heads[i]);
	h[i] = NULL;
	roff_paragraph(stdout, _("Each theme's latest reading, hottest "
	    "first.  Levels run from 0 calm to 4 unrest; the move is the "
	    "change since the theme's reading before."));
	roff_table_begin(&t, stdout, "l2 l2 l2 n2 l2 l2 lw(6.4c)", h,
	    ROFF_TABLE_SMALL);
	for (i = 0; i < n; i++) {
		sum = record_get(v[i], "summary");
		snprintf(text, sizeof(text), "%s%s(%s; %s)", sum != NULL ?
		    sum : "", sum != NULL ? " " : "", words_or(v[i], "basis",
		    basis, sizeof(basis)), value_or(v[i], "source"));
		cells[0] = value_or(v[i], "theme");
		cells[1] = value_or(v[i], "date");
		cells[2] = level_words(v[i], "tension", lv, sizeof(lv));
		cells[3] = words_or(v[i], "move", move, sizeof(move));
		cells[4] = words_or(v[i], "trend", trend, sizeof(trend));
		cells[5] = words_or(v[i], "alert", alert, sizeof(alert));
		cells[6] = text;
		roff_table_row(&t, cells, 7);
	}
	roff_table_end(&t);
}

static void
roff_periods(const struct ctx *c, struct record **v, size_t n)
{
	/*
	 * TRANSLATORS: the headings of a table of up to nine columns on an
	 * A4 page: keep them as short as the English ones (abbreviate
	 * Mean and Alerts if need be).
	 */
	static const char *const heads[] = { N_("Theme"), N_("Period"),
	    N_("Networks"), N_("Readings"), N_("Signals"), N_("Highest"),
	    N_("Mean"), N_("Direction"), N_("Alerts"), NULL };
	const char *h[10], *cells[9];
	struct roff_table t;
	char lv[32], period[32], dir[32];
	size_t i, k, col;

	for (i = 0, k = 0; heads[i] != NULL; i++)
		if (c->rollup || i != 2)
			h[k++] = _(heads[i]);
	h[k] = NULL;
	roff_paragraph(stdout, _("The readings of each theme by period: the "
	    "highest level, the mean, and the direction against the "
	    "period before."));
	roff_table_begin(&t, stdout, c->rollup ? "l l n n n l n l n" :
	    "l l n n l n l n", h, 0);
	for (i = 0; i < n; i++) {
		col = 0;
		/* The theme once, on the first row of its periods. */
		cells[col++] = i > 0 && strcmp(value_or(v[i], "theme"),
		    value_or(v[i - 1], "theme")) == 0 ? "" :
		    value_or(v[i], "theme");
		cells[col++] = words_or(v[i], "period", period,
		    sizeof(period));
		if (c->rollup)
			cells[col++] = value_or(v[i], "networks");
		cells[col++] = value_or(v[i], "readings");
		cells[col++] = value_or(v[i], "signals");
		cells[col++] = level_words(v[i], "max", lv, sizeof(lv));
		cells[col++] = value_or(v[i], "mean");
		cells[col++] = words_or(v[i], "direction", dir, sizeof(dir));
		cells[col++] = value_or(v[i], "alerts");
		roff_table_row(&t, cells, col);
	}
	roff_table_end(&t);
}

/* The titles of the reports, by the period of the table. */
static const char *const by_titles[] = {
	N_("Tension by theme and month"),
	N_("Tension by theme and quarter"),
	N_("Tension by theme and meeting")
};

static int
print_roff(struct ctx *c, struct record **v, size_t n)
{
	const char *title;
	char from[11], to[11];

	date_format(c->until, to);
	date_format(c->since, from);
	if (c->mode == M_PERIODS)
		title = _(by_titles[c->by]);
	else
		title = _("The tension thermometer");
	roff_begin(stdout, c->rollup ? _("all networks") : c->network, title,
	    to);
	if (c->rollup && c->since_arg != NULL)
		roff_paragraphf(stdout, _("Networks: all in the files given, "
		    "readings from %s to %s."), from, to);
	else if (c->rollup)
		roff_paragraphf(stdout, _("Networks: all in the files given, "
		    "readings up to %s."), to);
	else if (c->since_arg != NULL)
		roff_paragraphf(stdout, _("Network %s, readings from %s to "
		    "%s."), c->network, from, to);
	else
		roff_paragraphf(stdout, _("Network %s, readings up to %s."),
		    c->network, to);
	if (c->theme != NULL)
		roff_paragraphf(stdout, _("Theme: %s."), c->theme);
	if (n == 0)
		roff_paragraph(stdout, _("No readings in this period."));
	else if (c->mode == M_PERIODS)
		roff_periods(c, v, n);
	else
		roff_thermometer(v, n);
	return 0;
}

/* ---- the heat map -------------------------------------------------------- */

struct map {
	struct signal_cell	 *cells;
	size_t			  ncells;
	const char		**rows;
	size_t			  nrows;
	long			 *periods;
	char			**cols;
	size_t			  ncols;
	struct heatmap_cell	 *grid;
	char			**tips, **notes;
	size_t			  nnotes;
	char			  title[256], subtitle[256];
};

static int
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* Columns: every month or quarter from the first to the last; meetings as held. */
static int
map_columns(struct ctx *c, struct map *m)
{
	size_t i, n = 0;
	long p, lo, hi;

	if ((m->periods = calloc(m->ncells + 1, sizeof(long))) == NULL)
		return -1;
	for (i = 0; i < m->ncells; i++)
		m->periods[n++] = m->cells[i].period;
	qsort(m->periods, n, sizeof(long), long_cmp);
	for (i = 0, m->ncols = 0; i < n; i++)
		if (m->ncols == 0 || m->periods[m->ncols - 1] != m->periods[i])
			m->periods[m->ncols++] = m->periods[i];
	if (c->by != SIGNAL_BY_MEETING && m->ncols > 1) {
		lo = m->periods[0];
		hi = m->periods[m->ncols - 1];
		free(m->periods);
		if ((m->periods = calloc(hi - lo + 1, sizeof(long))) == NULL)
			return -1;
		for (p = lo, m->ncols = 0; p <= hi; p++)
			m->periods[m->ncols++] = p;
	}
	if ((m->cols = calloc(m->ncols + 1, sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < m->ncols; i++) {
		if ((m->cols[i] = malloc(24)) == NULL)
			return -1;
		signal_period_label(c->by, m->periods[i], m->cols[i], 24);
		/* "before" is a word; the other labels are dates. */
		if (strcmp(m->cols[i], "before") == 0)
			snprintf(m->cols[i], 24, "%s", _("before"));
	}
	return 0;
}

static int
map_rows(struct map *m)
{
	size_t i;

	if ((m->rows = calloc(m->ncells + 1, sizeof(char *))) == NULL)
		return -1;
	/* The cells come by theme, so a new theme is a new row. */
	for (i = 0; i < m->ncells; i++)
		if (m->nrows == 0 || strcmp(m->rows[m->nrows - 1],
		    m->cells[i].theme) != 0)
			m->rows[m->nrows++] = m->cells[i].theme;
	return 0;
}

static char *
cell_tip(const struct ctx *c, const struct signal_cell *k, const char *col)
{
	char *s, dir[32];
	int n;

	human_words(k->direction, dir, sizeof(dir));
	if (c->rollup)
		/*
		 * TRANSLATORS: the tooltip of a cell of the heat map of all
		 * networks: theme, period, counts, the highest level and its
		 * word, the mean level, the direction (rising, steady ...).
		 */
		n = asprintf(&s, _("%s, %s: %d networks, %d readings, highest "
		    "%d (%s), mean %.1f, %s; %d alerts"), k->theme, col,
		    k->networks, k->readings, k->max,
		    _(signal_levels[k->max]), k->mean, dir, k->alerts);
	else
		/*
		 * TRANSLATORS: the tooltip of a cell of the heat map: theme,
		 * period, counts, the highest level and its word, the mean
		 * level, the direction (rising, steady ...) and the summary
		 * of the last reading.
		 */
		n = asprintf(&s, _("%s, %s: %d readings, highest %d (%s), mean "
		    "%.1f, %s; %d alerts; last: %s"), k->theme, col,
		    k->readings, k->max, _(signal_levels[k->max]), k->mean,
		    dir, k->alerts, k->last->summary != NULL ?
		    k->last->summary : _("no summary"));
	return n < 0 ? NULL : s;
}

static int
map_grid(struct ctx *c, struct map *m)
{
	size_t i, j, r;
	static const char *const digits[] = { "0", "1", "2", "3", "4" };

	if ((m->grid = calloc(m->nrows * m->ncols + 1, sizeof(*m->grid))) ==
	    NULL || (m->tips = calloc(m->nrows * m->ncols + 1,
	    sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < m->nrows * m->ncols; i++)
		m->grid[i].value = -1;
	for (i = 0, r = 0; i < m->ncells; i++) {
		const struct signal_cell *k = &m->cells[i];

		while (strcmp(m->rows[r], k->theme) != 0)
			r++;
		for (j = 0; j < m->ncols && m->periods[j] != k->period; j++)
			;
		m->grid[r * m->ncols + j].value = k->max;
		m->grid[r * m->ncols + j].text = digits[k->max];
		m->grid[r * m->ncols + j].marked = k->alerts > 0;
		if ((m->tips[r * m->ncols + j] = cell_tip(c, k,
		    m->cols[j])) == NULL)
			return -1;
		m->grid[r * m->ncols + j].tip = m->tips[r * m->ncols + j];
	}
	return 0;
}

static int
map_notes(struct ctx *c, struct map *m, struct ally_error *err)
{
	const struct signal_reading **v;
	size_t i, nv, n = 0, more = 0;
	char d[11], words[32], human[64];
	int rc;

	if ((m->notes = calloc(MAX_NOTES + 3, sizeof(char *))) == NULL)
		return oom(err);
	if (alerting(c, &v, &nv, err) != 0)
		return -1;
	for (i = 0; i < nv; i++) {
		const struct signal_reading *r = v[i];

		/* TRANSLATORS: the heading of the alerts under the heat map. */
		if (n == 0 && (m->notes[n++] = strdup(_("Alerts:"))) == NULL) {
			free(v);
			return oom(err);
		}
		if (n > MAX_NOTES) {
			more++;
			continue;
		}
		date_format(r->date, d);
		signal_alert_words(r->alerts, words, sizeof(words));
		human_words(words, human, sizeof(human));
		/*
		 * TRANSLATORS: an alert under the heat map: the date, the
		 * network, the theme, the level and the alert rules fired.
		 */
		rc = c->rollup ? asprintf(&m->notes[n], _("%s, %s: %s at level "
		    "%d (%s)"), d, c->set.nets[r->net].name, r->theme,
		    r->tension, human) :
		    /* TRANSLATORS: as above, without the network. */
		    asprintf(&m->notes[n], _("%s: %s at level %d (%s)"), d,
		    r->theme, r->tension, human);
		if (rc < 0) {
			m->nnotes = n;
			free(v);
			return oom(err);
		}
		n++;
	}
	free(v);
	m->nnotes = n;
	if (more > 0 && asprintf(&m->notes[m->nnotes++], _("... and %zu more "
	    "(report-sentiment -a lists them)"), more) < 0) {
		m->nnotes--;
		return oom(err);
	}
	return 0;
}

static void
map_free(struct map *m)
{
	size_t i;

	for (i = 0; i < m->ncols; i++)
		free(m->cols[i]);
	for (i = 0; m->tips != NULL && i < m->nrows * m->ncols; i++)
		free(m->tips[i]);
	for (i = 0; m->notes != NULL && i < m->nnotes; i++)
		free(m->notes[i]);
	free(m->cols);
	free(m->tips);
	free(m->notes);
	free(m->grid);
	free(m->rows);
	free(m->periods);
	free(m->cells);
}

static int
heat_map(struct ctx *c, int *printed, struct ally_error *err)
{
	const char *levels[5];
	struct heatmap h;
	struct map m;
	char from[11], to[11];
	int rc = -1, i;

	memset(&m, 0, sizeof(m));
	if (signal_cells(&c->set, c->by, c->rollup, c->since, c->until,
	    c->theme, &m.cells, &m.ncells, err) != 0)
		return -1;
	if (m.ncells == 0) {
		rc = ally_errorf(err, EX_NOINPUT, "no readings to draw in "
		    "this period");
		goto out;
	}
	if (map_columns(c, &m) != 0 || map_rows(&m) != 0 ||
	    map_grid(c, &m) != 0) {
		rc = oom(err);
		goto out;
	}
	if (map_notes(c, &m, err) != 0)
		goto out;
	date_format(c->since, from);
	date_format(c->until, to);
	snprintf(m.title, sizeof(m.title), "%s: %s", _(by_titles[c->by]),
	    c->rollup ? _("all networks") : c->network);
	if (c->since_arg != NULL)
		snprintf(m.subtitle, sizeof(m.subtitle), _("readings from %s "
		    "to %s; each cell shows the highest level of its period"),
		    from, to);
	else
		snprintf(m.subtitle, sizeof(m.subtitle), _("readings up to %s; "
		    "each cell shows the highest level of its period"), to);
	memset(&h, 0, sizeof(h));
	h.title = m.title;
	h.subtitle = m.subtitle;
	h.rows = m.rows;
	h.nrows = m.nrows;
	h.cols = (const char *const *)m.cols;
	h.ncols = m.ncols;
	h.cells = m.grid;
	for (i = 0; i < 5; i++)
		levels[i] = _(signal_levels[i]);
	h.levels = levels;
	h.nlevels = 5;
	/* TRANSLATORS: the legend of the heat map: a cell with an alert. */
	h.mark_label = _("alert");
	h.notes = (const char *const *)m.notes;
	h.nnotes = m.nnotes;
	rc = svg_heatmap(stdout, &h, err);
	(*printed)++;
out:
	map_free(&m);
	return rc;
}

static int
report(struct ctx *c, int *printed, struct ally_error *err)
{
	struct sink w = { NULL, NULL, 0 };
	size_t i;
	int rc;

	if (load(c, err) != 0)
		return -1;
	if (c->o.format == FMT_SVG)
		return heat_map(c, printed, err);
	if (c->o.format != FMT_ROFF && (w.w = writer_open(stdout,
	    c->o.format, NULL, 0, err)) == NULL)
		return -1;
	switch (c->mode) {
	case M_PERIODS:
		rc = periods(c, &w, printed, err);
		break;
	case M_ALERTS:
		rc = alerts(c, &w, printed, err);
		break;
	case M_LIST:
		rc = list(c, &w, printed, err);
		break;
	default:
		rc = thermometer(c, &w, printed, err);
		break;
	}
	if (w.w == NULL) {
		if (rc == 0)
			rc = print_roff(c, w.keep, w.nkeep);
		for (i = 0; i < w.nkeep; i++)
			record_free(w.keep[i]);
		free(w.keep);
	} else if (writer_close(w.w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

/* ---- options ------------------------------------------------------------ */

static int
number(const char *opt, const char *arg, long long max, int *out,
    struct ally_error *err)
{
	long long v;

	if (parse_int(arg, 0, max, &v) != 0)
		return ally_errorf(err, EX_USAGE, "%s: '%s' is not a number "
		    "from 0 to %lld", opt, arg, max);
	*out = (int)v;
	return 0;
}

/* YYYY-MM-DD, or Nd: the last N days, today included. */
static int
parse_since(const char *arg, day_t today, day_t *out)
{
	long long n;
	char *end;

	if (date_parse(arg, out) == 0)
		return 0;
	n = strtoll(arg, &end, 10);
	if (end == arg || strcmp(end, "d") != 0 || n < 1 || n > 36600 ||
	    arg[0] == '-' || arg[0] == '+')
		return -1;
	*out = today - (day_t)n + 1;
	return 0;
}

static int
resolve_dates(struct ctx *c, struct ally_error *err)
{
	if (date_today(&c->today, err) != 0)
		return -1;
	c->until = c->today;
	if (c->until_arg != NULL && date_parse(c->until_arg, &c->until) != 0)
		return ally_errorf(err, EX_USAGE, "--until: '%s' is not a date "
		    "(YYYY-MM-DD)", c->until_arg);
	/* Alerts look at the last week unless told: a weekly cron job. */
	c->since = c->mode == M_ALERTS ? c->until - 6 : LONG_MIN / 2;
	if (c->since_arg != NULL && parse_since(c->since_arg, c->until,
	    &c->since) != 0)
		return ally_errorf(err, EX_USAGE, "--since: '%s' is neither a "
		    "date (YYYY-MM-DD) nor a number of days (7d)",
		    c->since_arg);
	if (c->since > c->until)
		return ally_errorf(err, EX_USAGE, "--since is after --until");
	return 0;
}

/* YYYY-MM-DD in shape, a valid date or not. */
static int
looks_like_date(const char *s)
{
	size_t i;

	if (strlen(s) != 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The combinations that make no sense are usage errors, said plainly. */
static const char *
check_usage(struct ctx *c, int nargs, char **args)
{
	day_t d;
	int i;

	if (c->mode == M_RECORD) {
		/* -u was --until once (NEWS): say so rather than open a date. */
		for (i = 0; c->record_u && i < nargs; i++)
			if ((looks_like_date(args[i]) ||
			    parse_since(args[i], 0, &d) == 0) &&
			    access(args[i], F_OK) != 0)
				return _("-u records signals; the end of the "
				    "period is -U (--until)");
		if (c->o.format == FMT_SVG || c->o.format == FMT_ROFF)
			return _("-r prints the stored signals as yaml, csv or "
			    "text");
		if (c->ndbs > 1)
			return _("-r records into one database");
		return NULL;
	}
	if (!c->rollup && (nargs > 0 || c->ndbs > 1))
		return _("several databases or operands: only with -g");
	if (c->rollup && c->o.network != NULL)
		return _("-g takes every network; -n chooses one");
	if (c->o.format == FMT_SVG) {
		if (c->mode == M_ALERTS || c->mode == M_LIST)
			return _("-f svg draws the period table (with -b), not "
			    "-a or -l");
		c->mode = M_PERIODS;
	}
	if (c->o.format == FMT_ROFF && (c->mode == M_ALERTS ||
	    c->mode == M_LIST))
		return _("-f roff prints the thermometer or the period table "
		    "(-b), not -a or -l");
	if (c->mode == M_PERIODS && c->rollup && c->by == SIGNAL_BY_MEETING)
		return _("networks meet on different dates: -g is by month or "
		    "quarter");
	return NULL;
}

static int
parse_by(const char *arg, enum signal_period *by)
{
	if (strcmp(arg, "month") == 0)
		*by = SIGNAL_BY_MONTH;
	else if (strcmp(arg, "quarter") == 0)
		*by = SIGNAL_BY_QUARTER;
	else if (strcmp(arg, "meeting") == 0)
		*by = SIGNAL_BY_MEETING;
	else
		return -1;
	return 0;
}

static int
option(void *base, int ch, const char *arg, struct ally_error *err)
{
	struct ctx *c = base;
	int rc = 0;

	switch (ch) {
	case 'd':
		if (c->ndbs == MAX_DBS)
			return ally_errorf(err, EX_USAGE, "at most %d "
			    "databases", MAX_DBS);
		c->dbs[c->ndbs++] = arg;
		return ally_opts_handle(&c->o, ch, arg, err) < 0 ? OPT_FAIL : 0;
	case 'u':
		c->record_u = 1;
		return 0;
	case 'b':
		if (parse_by(arg, &c->by) != 0)
			rc = ally_errorf(err, EX_USAGE, "--by: '%s' is not "
			    "month, quarter or meeting", arg);
		c->by_given = 1;
		break;
	case 't':
		if (signal_valid_theme(arg) != 0)
			rc = ally_errorf(err, EX_USAGE, "--theme: '%s' is "
			    "not a theme (one lower-case word)", arg);
		c->theme = arg;
		break;
	case 'L':
		rc = number("--level", arg, 4, &c->rules.level, err);
		break;
	case 'R':
		rc = number("--rise", arg, 4, &c->rules.rise, err);
		break;
	case 'w':
		rc = number("--window", arg, 3660, &c->rules.window, err);
		break;
	case 'k':
		rc = number("--consecutive", arg, 100, &c->rules.consecutive,
		    err);
		break;
	}
	return rc != 0 ? OPT_USAGE : 0;
}

static int
check(void *base, int mode, int argc, char **argv, struct ally_error *err)
{
	struct ctx *c = base;
	const char *why;

	c->mode = mode;
	if ((why = check_usage(c, argc, argv)) != NULL)
		return ally_errorf(err, EX_USAGE, "%s", why);
	return 0;
}

#define REPORTS	(OPT_ANY & ~OPT_IN(M_RECORD))
#define RECORD	OPT_IN(M_RECORD)
#define RULE(c, n, a, h) { .ch = (c), .name = (n), .arg = (a), \
	.help = (h), .modes = REPORTS }

static const struct opt table[] = {
	{ .ch = 'u', .name = "update", .help = OPT_UPDATE_HELP,
	  .modes = RECORD, .sets = RECORD },
	{ .ch = 'r', .name = "record", .help = N_("the same as -u"),
	  .modes = RECORD, .sets = RECORD },
	{ .ch = 'q', .name = "quiet", .help = N_("print nothing when recording"),
	  .modes = RECORD, .kind = OPT_FLAG, .off = offsetof(struct ctx, quiet),
	  .refuse = N_("-N and -q go with -r") },
	{ .ch = NAMES_OPT_ALLOW, .name = "allow-names",
	  .help = N_("let members' names through in summaries"),
	  .modes = RECORD, .kind = OPT_FLAG,
	  .off = offsetof(struct ctx, allow_names),
	  .refuse = N_("--allow-names goes with -r") },
	{ .ch = 'l', .name = "list", .help = N_("list the signals"),
	  .modes = OPT_IN(M_LIST), .sets = OPT_IN(M_LIST) },
	{ .ch = 'a', .name = "alerts", .help = N_("the early warnings"),
	  .modes = OPT_IN(M_ALERTS), .sets = OPT_IN(M_ALERTS) },
	{ .ch = 'b', .name = "by", .arg = N_("PERIOD"),
	  .help = N_("the themes by month, quarter or meeting"),
	  .modes = OPT_IN(M_PERIODS), .sets = OPT_IN(M_PERIODS) },
	{ .ch = 'g', .name = "rollup",
	  .help = N_("every network of the databases, in aggregates"),
	  .modes = OPT_IN(M_THERMOMETER) | OPT_IN(M_PERIODS) |
	  OPT_IN(M_ALERTS), .implies = OPT_IN(M_PERIODS),
	  .kind = OPT_FLAG, .off = offsetof(struct ctx, rollup),
	  .refuse = N_("-g rolls up the period table or the alerts") },
	RULE('t', "theme", N_("THEME"), N_("only this theme")),
	{ .ch = 's', .name = "since", .arg = N_("SINCE"),
	  .help = N_("from this date, or the last days (7d)"),
	  .modes = REPORTS, .kind = OPT_STRING,
	  .off = offsetof(struct ctx, since_arg) },
	{ .ch = 'U', .name = "until", .arg = N_("DATE"),
	  .help = N_("up to this date (today)"), .modes = REPORTS,
	  .kind = OPT_STRING, .off = offsetof(struct ctx, until_arg) },
	RULE('L', "level", N_("LEVEL"), N_("alert at this tension (0 to 4)")),
	RULE('R', "rise", N_("RISE"), N_("alert at a rise this steep")),
	RULE('w', "window", N_("DAYS"), N_("the days a rise is measured in")),
	RULE('k', "consecutive", N_("COUNT"),
	    N_("alert after so many tense readings in a row")),
	{ .ch = 'd', .name = "db", .arg = N_("FILE"),
	  .help = N_("the database (default: $ALLY_DB; -g: again for more)"),
	  .modes = OPT_ANY },
	OPT_NETWORK(OPT_ANY),
	OPT_FORMAT(OPT_ANY),
	OPT_INPUT(RECORD),
	{ .ch = 'N', .name = "dry-run",
	  .help = N_("check and show what would change; write nothing"),
	  .modes = RECORD, .kind = OPT_COMMON,
	  .refuse = N_("-N and -q go with -r") },
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[M_THERMOMETER] = { OPT_MANY, NULL, NULL },
	[M_PERIODS] = { OPT_MANY, NULL, NULL },
	[M_ALERTS] = { OPT_MANY, NULL, NULL },
	[M_LIST] = { OPT_MANY, NULL, NULL },
	[M_RECORD] = { OPT_MANY,
	    N_("-r records signals; the report options do not apply"), NULL }
};

static const struct opt_cmd cmdline = {
	.name = "report-sentiment",
	/*
	 * TRANSLATORS: the synopsis of report-sentiment(1).  Keep the
	 * command name, the option letters and their order; the words for
	 * what an option takes (db, network, format, file, period, theme,
	 * since, until, level, rise, days, count) may be translated.  The
	 * lines after a "usage: " line stand under the command name: indent
	 * them by the width of your "usage: ".
	 */
	.synopsis = N_("usage: report-sentiment -u [-Nq] [--allow-names] [-d db] "
	    "[-n network]\n"
	    "           [-f format] [-F format] [file ...]\n"
	    "       report-sentiment [-l | -a | -b period] [-d db] "
	    "[-n network] [-f format]\n"
	    "           [-t theme] [-s since] [-U until] [-L level] "
	    "[-R rise] [-w days] [-k count]\n"
	    "       report-sentiment -g [-a | -b period] [-f format] "
	    "[-t theme] [-s since] [-U until]\n"
	    "           [-L level] [-R rise] [-w days] [-k count] "
	    "[-d db ...] [db ...]\n"),
	.opts = table, .modes = modes, .nmodes = M_RECORD + 1,
	.initial = M_THERMOMETER,
	.two_modes = N_("-r, -l, -a and -b exclude each other"),
	.call = option, .check = check
};

static int
finish(int rc, struct ally_error *e)
{
	if (rc == 0 && ally_close_stdout(e) != 0)
		rc = -1;
	if (rc != 0) {
		warnx("%s", e->msg);
		return e->code ? e->code : EX_SOFTWARE;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct ctx c;
	struct ally_error e = { 0, "" };
	int m, rc, i, printed = 0;

	memset(&c, 0, sizeof(c));
	ally_i18n_init();
	ally_opts_init(&c.o);
	signal_rules_default(&c.rules);
	if ((rc = opt_parse(&cmdline, &argc, &argv, &c, &c.o, &m, &e)) !=
	    OPT_RUN) {
		if (e.msg[0] != '\0')
			warnx("%s", e.msg);
		return opt_exit(&cmdline, rc, &e);
	}
	if (c.mode == M_RECORD) {
		if (date_today(&c.today, &e) != 0)
			return finish(-1, &e);
		return finish(record_signals(&c, argv, argc, &e), &e);
	}
	/* With -g the operands are more databases; -d ones come first. */
	for (i = 0; i < argc; i++) {
		if (c.ndbs == MAX_DBS)
			errx(EX_USAGE, _("at most %d databases"), MAX_DBS);
		c.dbs[c.ndbs++] = argv[i];
	}
	if (c.rollup && c.ndbs == 1)
		c.o.db = c.dbs[0];
	if (c.ndbs == 1)
		c.ndbs = 0;	/* one file: the usual -d/ALLY_DB path */
	if (resolve_dates(&c, &e) != 0)
		return finish(-1, &e);
	rc = report(&c, &printed, &e);
	signal_set_free(&c.set);
	free((char *)c.network);
	rc = finish(rc, &e);
	/* For cron: 1 says "no alert", and nothing was printed. */
	return rc == 0 && c.mode == M_ALERTS && printed == 0 ? 1 : rc;
}
