/*
 * aggregate.c: a roll-up without identities (see aggregate.h).
 *
 * An export is a stream of aggregate records (RECORDS.md aggregate, in
 * YAML or CSV), one per network, theme and period, each carrying the
 * version of the export.  The roll-up reads them back, refuses anything
 * that is not an aggregate's field, and merges them into the same cells
 * as the roll-up of the databases: the mean of the readings weighted by
 * their number, the highest level, the networks that reported, and the
 * direction against the theme's period before.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "fields.h"
#include "aggregate.h"

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

void
aggregate_set_free(struct aggregate_set *s)
{
	size_t i;

	for (i = 0; i < s->nstr; i++)
		free(s->str[i]);
	free(s->str);
	free(s->v);
	free(s->cells);
	memset(s, 0, sizeof(*s));
}

/*
 * A string the set keeps: the last few are looked at first, since an
 * export repeats its network and a handful of themes record after record.
 */
static const char *
keep(struct aggregate_set *s, const char *v)
{
	size_t i, from = s->nstr > 16 ? s->nstr - 16 : 0;
	char **n;

	for (i = s->nstr; i > from; i--)
		if (strcmp(s->str[i - 1], v) == 0)
			return s->str[i - 1];
	if ((n = array_grow(s->str, s->nstr, &s->strcap, sizeof(*n))) == NULL)
		return NULL;
	s->str = n;
	if ((n[s->nstr] = strdup(v)) == NULL)
		return NULL;
	return n[s->nstr++];
}

static struct aggregate *
add(struct aggregate_set *s)
{
	struct aggregate *v;

	if ((v = array_grow(s->v, s->n, &s->cap, sizeof(*v))) == NULL)
		return NULL;
	s->v = v;
	memset(&v[s->n], 0, sizeof(*v));
	return &v[s->n++];
}

/* The cells of one network's readings, rd[lo..hi), as aggregates. */
static int
from_network(struct aggregate_set *as, const struct signal_set *s,
    size_t lo, size_t hi, enum signal_period by, day_t from, day_t to,
    const char *theme, struct ally_error *err)
{
	struct signal_set one = *s;
	struct signal_cell *cells;
	struct aggregate *a;
	size_t i, n;
	int rc = 0;

	one.rd = &s->rd[lo];
	one.nrd = hi - lo;
	if (signal_cells(&one, by, 0, from, to, theme, &cells, &n, err) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if ((a = add(as)) == NULL ||
		    (a->network = keep(as, s->nets[s->rd[lo].net].name)) ==
		    NULL || (a->theme = keep(as, cells[i].theme)) == NULL) {
			rc = oom(err);
			break;
		}
		a->by = by;
		a->period = cells[i].period;
		a->readings = cells[i].readings;
		a->signals = cells[i].signals;
		a->max = cells[i].max;
		a->alerts = cells[i].alerts;
		a->sum = lround(cells[i].mean * cells[i].readings);
	}
	free(cells);
	return rc;
}

int
aggregate_from_readings(struct aggregate_set *as, const struct signal_set *s,
    enum signal_period by, day_t from, day_t to, const char *theme,
    struct ally_error *err)
{
	size_t lo, hi;

	if (by == SIGNAL_BY_MEETING)
		return ally_errorf(err, EX_USAGE, "networks meet on different "
		    "dates: a roll-up is by month or by quarter");
	for (lo = 0; lo < s->nrd; lo = hi) {
		for (hi = lo + 1; hi < s->nrd && s->rd[hi].net == s->rd[lo].net;
		    hi++)
			;
		if (from_network(as, s, lo, hi, by, from, to, theme, err) != 0)
			return -1;
	}
	return 0;
}

/* ---- the record ---------------------------------------------------------- */

/*
 * The mean in the fewest decimals (one at least) that give the sum of
 * the levels back: 2.3 for 7 in 3 readings, 2.27 for 68 in 30.
 */
static void
mean_text(const struct aggregate *a, char *buf, size_t len)
{
	double mean = (double)a->sum / a->readings;
	int d;

	for (d = 1; d < 9; d++) {
		snprintf(buf, len, "%.*f", d, mean);
		if (lround(strtod(buf, NULL) * a->readings) == a->sum)
			return;
	}
}

struct record *
aggregate_record(const struct aggregate *a)
{
	struct record *o;
	char period[24], mean[24];

	if ((o = record_new()) == NULL)
		return NULL;
	signal_period_label(a->by, a->period, period, sizeof(period));
	mean_text(a, mean, sizeof(mean));
	if (record_set_int(o, "version", AGGREGATE_VERSION) != 0 ||
	    record_set(o, "network", a->network) != 0 ||
	    record_set(o, "period", period) != 0 ||
	    record_set(o, "theme", a->theme) != 0 ||
	    record_set_int(o, "readings", a->readings) != 0 ||
	    record_set_int(o, "signals", a->signals) != 0 ||
	    record_set_int(o, "max", a->max) != 0 ||
	    record_set_typed(o, "mean", mean, FT_DECIMAL) != 0 ||
	    record_set_int(o, "alerts", a->alerts) != 0) {
		record_free(o);
		return NULL;
	}
	return o;
}

/* ---- reading exports ------------------------------------------------------ */

/* "2027-03" or "2027-Q1": the period and its kind; 0 when it is one. */
static int
parse_period(const char *v, enum signal_period *by, long *p)
{
	int y, m;
	char c, end;

	if (strlen(v) != 7 || v[4] != '-')
		return -1;
	if (sscanf(v, "%4d-Q%1d%c", &y, &m, &end) == 2 && v[5] == 'Q' &&
	    m >= 1 && m <= 4) {
		*by = SIGNAL_BY_QUARTER;
		*p = (long)y * 4 + m - 1;
	} else if (sscanf(v, "%4d-%2d%c", &y, &m, &end) == 2 &&
	    v[5] >= '0' && v[5] <= '1' && m >= 1 && m <= 12) {
		*by = SIGNAL_BY_MONTH;
		*p = (long)y * 12 + m - 1;
	} else
		return -1;
	c = v[0];
	return c >= '0' && c <= '9' && y >= 1 ? 0 : -1;
}

/*
 * Fields no export may hold: who reported and what was said.  A roll-up
 * takes no identities in, whatever made the file.
 */
static int
identifying(const char *k)
{
	static const char *const words[] = { "alias", "source", "summary",
	    "owner", "chair", "by", "with", "present", "excused", "note",
	    "notes", NULL };

	return str_in(k, words) || record_def_field(&person_def, k) != NULL;
}

static int
check_keys(const struct record *r, struct ally_error *err)
{
	char list[256];
	size_t i;

	for (i = 0; i < r->nfields; i++) {
		const char *k = r->fields[i].key;

		if (record_def_field(&aggregate_def, k) != NULL)
			continue;
		if (identifying(k))
			return field_error(r, k, err, "%s", _("an export for a "
			    "roll-up holds no alias, source, summary or "
			    "identity: refused (make it with report-sentiment "
			    "-x)"));
		return field_error(r, k, err, "unknown field (an aggregate "
		    "has: %s)", fields_join(&aggregate_def, list,
		    sizeof(list)));
	}
	for (i = 0; i < aggregate_def.nfields; i++)
		if (record_get(r, aggregate_def.fields[i].name) == NULL)
			return field_error(r, aggregate_def.fields[i].name, err,
			    "%s", _("missing: an export from report-sentiment "
			    "-x has every field of an aggregate"));
	return 0;
}

/* An integer field within its table's range. */
static int
int_field(const struct record *r, const char *k, long long lo, int *out,
    struct ally_error *err)
{
	const struct field_def *f = record_def_field(&aggregate_def, k);
	const char *v = record_get(r, k);
	long long n;

	if (parse_int(v, lo > f->min ? lo : f->min, f->max, &n) != 0)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, k), k, "'%s' is not a number from %lld to "
		    "%lld", v, lo > f->min ? lo : f->min, f->max);
	*out = (int)n;
	return 0;
}

static int
check_version(const struct record *r, struct ally_error *err)
{
	const char *v = record_get(r, "version");
	long long n;

	if (parse_int(v, 1, 1000000, &n) != 0)
		return field_error(r, "version", err, "'%s' is not the version "
		    "of an export", v);
	if (n > AGGREGATE_VERSION)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "version"), "version", "export version %lld "
		    "is newer than this report-sentiment reads (%d): update "
		    "ally", n, AGGREGATE_VERSION);
	return 0;
}

/* The mean: a number whose sum of levels fits the readings and max. */
static int
check_mean(const struct record *r, struct aggregate *a,
    struct ally_error *err)
{
	const char *v = record_get(r, "mean");
	const char *end;
	double mean;

	/* A decimal comma, as a semicolon-separated export writes it. */
	if (parse_decimal(v, &end, &mean) != 0 || *end != '\0' || mean > 4)
		return field_error(r, "mean", err, "'%s' is not a mean level "
		    "from 0 to 4", v);
	a->sum = lround(mean * a->readings);
	if (a->sum < a->max || a->sum > (long)a->max * a->readings ||
	    a->alerts > a->readings || a->signals < a->readings)
		return field_error(r, "mean", err, "'%s' does not agree with "
		    "the readings, signals, max and alerts: not an export of "
		    "report-sentiment -x", v);
	return 0;
}

static int
read_one(struct record *r, void *arg, struct ally_error *err)
{
	struct aggregate_set *s = arg;
	struct aggregate a;
	const char *v;

	memset(&a, 0, sizeof(a));
	if (check_keys(r, err) != 0 || check_version(r, err) != 0)
		return -1;
	if (valid_text(v = record_get(r, "network"), 0) != 0 ||
	    strlen(v) > 127)
		return field_error(r, "network", err, "'%s' is not a network's "
		    "name", v);
	if (signal_valid_theme(record_get(r, "theme")) != 0)
		return field_error(r, "theme", err, "'%s' is not one "
		    "lower-case word (a-z and -, at most 32)",
		    record_get(r, "theme"));
	if (parse_period(v = record_get(r, "period"), &a.by, &a.period) != 0)
		return field_error(r, "period", err, "'%s' is neither a month "
		    "(2027-03) nor a quarter (2027-Q1)", v);
	if (int_field(r, "readings", 1, &a.readings, err) != 0 ||
	    int_field(r, "signals", 1, &a.signals, err) != 0 ||
	    int_field(r, "max", 0, &a.max, err) != 0 ||
	    int_field(r, "alerts", 0, &a.alerts, err) != 0 ||
	    check_mean(r, &a, err) != 0)
		return -1;
	if ((a.network = keep(s, record_get(r, "network"))) == NULL ||
	    (a.theme = keep(s, record_get(r, "theme"))) == NULL ||
	    (a.file = keep(s, r->file != NULL ? r->file : "-")) == NULL ||
	    add(s) == NULL)
		return oom(err);
	a.line = record_line(r, NULL);
	s->v[s->n - 1] = a;
	return 0;
}

int
aggregate_read(struct aggregate_set *s, char *const *files, int n,
    enum format fmt, struct ally_error *err)
{
	return records_each(files, n, fmt, read_one, s, err);
}

/* ---- the roll-up ----------------------------------------------------------- */

struct ranked {
	const struct aggregate	*a;
	long			 period;	/* in the roll-up's periods */
	size_t			 order;		/* as read */
};

static int
ranked_cmp(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	int c;

	if ((c = strcmp(a->a->theme, b->a->theme)) != 0)
		return c;
	if (a->period != b->period)
		return a->period < b->period ? -1 : 1;
	if ((c = strcmp(a->a->network, b->a->network)) != 0)
		return c;
	/* A network's same month read twice side by side: see twice. */
	if (a->a->by != b->a->by)
		return a->a->by < b->a->by ? -1 : 1;
	if (a->a->period != b->a->period)
		return a->a->period < b->a->period ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Where an aggregate came from, for a message. */
static const char *
place(const struct aggregate *a, char *buf, size_t len)
{
	if (a->file == NULL)
		snprintf(buf, len, "%s", _("a database"));
	else
		snprintf(buf, len, "%s:%lu", a->file, a->line);
	return buf;
}

/*
 * Two aggregates of one network, theme and roll-up period: counted
 * twice, unless they are two months of a quarter.
 */
static int
twice(const struct ranked *a, const struct ranked *b, struct ally_error *err)
{
	const struct ranked *t;
	char label[24], where[300];

	if (a->a->by == SIGNAL_BY_MONTH && b->a->by == SIGNAL_BY_MONTH &&
	    a->a->period != b->a->period)
		return 0;
	if (b->a->file == NULL) {	/* said at the export, not the database */
		t = a;
		a = b;
		b = t;
	}
	signal_period_label(b->a->by, b->a->period, label, sizeof(label));
	place(a->a, where, sizeof(where));
	return ally_error_at(err, EX_DATAERR, b->a->file, b->a->line,
	    "period", "network %s, theme %s, %s: read before, at %s (the same "
	    "export twice?); refused, since it would be counted twice",
	    b->a->network, b->a->theme, label, where);
}

static int
rank(struct aggregate_set *s, enum signal_period by, const char *theme,
    struct ranked *k, size_t *n, struct ally_error *err)
{
	size_t i;

	*n = 0;
	for (i = 0; i < s->n; i++) {
		const struct aggregate *a = &s->v[i];
		char label[24];

		if (a->by == SIGNAL_BY_QUARTER && by == SIGNAL_BY_MONTH) {
			signal_period_label(a->by, a->period, label,
			    sizeof(label));
			return ally_error_at(err, EX_DATAERR, a->file, a->line,
			    "period", "%s is a quarter: roll it up by quarter "
			    "(-b quarter)", label);
		}
		if (theme != NULL && strcmp(theme, a->theme) != 0)
			continue;
		k[*n].a = a;
		k[*n].period = a->by == by ? a->period : a->period / 3;
		k[(*n)++].order = i;
	}
	qsort(k, *n, sizeof(*k), ranked_cmp);
	return 0;
}

/* The ranked aggregates k[lo..hi) of one theme and period as a cell. */
static int
merge(const struct ranked *k, size_t lo, size_t hi, struct signal_cell *c,
    struct ally_error *err)
{
	long sum = 0;
	size_t i;

	memset(c, 0, sizeof(*c));
	c->theme = k[lo].a->theme;
	c->period = k[lo].period;
	c->max = -1;
	for (i = lo; i < hi; i++) {
		const struct aggregate *a = k[i].a;

		if (i == lo || strcmp(a->network, k[i - 1].a->network) != 0)
			c->networks++;
		else if (twice(&k[i - 1], &k[i], err) != 0)
			return -1;
		c->readings += a->readings;
		c->signals += a->signals;
		c->alerts += a->alerts;
		sum += a->sum;
		if (a->max > c->max)
			c->max = a->max;
	}
	c->mean = (double)sum / c->readings;
	return 0;
}

int
aggregate_rollup(struct aggregate_set *s, enum signal_period by,
    const char *theme, struct ally_error *err)
{
	struct ranked *k;
	size_t i, j, n;
	int rc = 0;

	free(s->cells);
	s->ncells = 0;
	if ((k = calloc(s->n + 1, sizeof(*k))) == NULL ||
	    (s->cells = calloc(s->n + 1, sizeof(*s->cells))) == NULL) {
		free(k);
		return oom(err);
	}
	if (rank(s, by, theme, k, &n, err) != 0) {
		free(k);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i = j) {
		struct signal_cell *c = &s->cells[s->ncells];

		for (j = i + 1; j < n && k[j].period == k[i].period &&
		    strcmp(k[j].a->theme, k[i].a->theme) == 0; j++)
			;
		if ((rc = merge(k, i, j, c, err)) != 0)
			break;
		c->direction = signal_direction(c->mean, s->ncells > 0 &&
		    strcmp(c[-1].theme, c->theme) == 0 ? &c[-1] : NULL);
		s->ncells++;
	}
	free(k);
	return rc;
}

/* ---- the command's modes --------------------------------------------------- */

int
aggregate_is_database(const char *path, struct ally_error *err)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *fp;
	size_t n;

	if (strcmp(path, "-") == 0)
		return 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return ally_errorf(err, EX_NOINPUT, "%s: %s", path,
		    strerror(errno));
	n = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	return n == sizeof(head) && memcmp(head, magic, sizeof(head)) == 0;
}

int
aggregate_export(const struct thermometer *t, int (*fn)(struct record *,
    void *, struct ally_error *), void *arg, long *count,
    struct ally_error *err)
{
	struct aggregate_set s;
	struct record *r;
	size_t i;
	int rc;

	memset(&s, 0, sizeof(s));
	*count = 0;
	rc = aggregate_from_readings(&s, &t->set, t->by, t->since, t->until,
	    t->theme, err);
	for (i = 0; i < s.n && rc == 0; i++) {
		if ((r = aggregate_record(&s.v[i])) == NULL) {
			rc = oom(err);
			break;
		}
		(*count)++;
		rc = fn(r, arg, err);
		record_free(r);
	}
	aggregate_set_free(&s);
	return rc;
}

static int
put(struct record *r, void *w, struct ally_error *err)
{
	return writer_put(w, r, err);
}

int
aggregate_write(FILE *fp, const struct thermometer *t, enum format fmt,
    long *count, struct ally_error *err)
{
	struct writer *w;
	int rc;

	if ((w = writer_open(fp, fmt, aggregate_fields, 0, err)) == NULL)
		return -1;
	rc = aggregate_export(t, put, w, count, err);
	return writer_close(w, rc == 0 ? err : NULL) != 0 ? -1 : rc;
}

int
aggregate_load(struct thermometer *t, struct aggregate_set *s,
    const struct ally_opts *o, const char *const *dbs, int ndbs,
    char *const *exports, int nexports, void (*warn)(const char *, ...),
    struct ally_error *err)
{
	if (ndbs > 0 && thermometer_load(t, o, dbs, ndbs, warn, err) != 0)
		return -1;
	if (aggregate_from_readings(s, &t->set, t->by, t->since, t->until,
	    t->theme, err) != 0 ||
	    aggregate_read(s, exports, nexports, o->input, err) != 0 ||
	    aggregate_rollup(s, t->by, t->theme, err) != 0)
		return -1;
	t->cells = s->cells;
	t->ncells = s->ncells;
	return 0;
}
