/*
 * heatmap.c: the period table of the tension signals as a heat map (see
 * thermometer.h): a row per theme, a column per period, each cell the
 * period's highest level, with a tooltip, and the alerts noted under it.
 * svg.c draws what is built here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "fields.h"
#include "render.h"
#include "thermometer.h"

#define MAX_NOTES	40

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
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

static int
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* Columns: every month or quarter from the first to the last; meetings as held. */
static int
map_columns(const struct thermometer *t, struct map *m)
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
	if (t->by != SIGNAL_BY_MEETING && m->ncols > 1) {
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
		signal_period_label(t->by, m->periods[i], m->cols[i], 24);
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
cell_tip(const struct thermometer *t, const struct signal_cell *k,
    const char *col)
{
	char *s, dir[32];
	int n;

	thermometer_words(k->direction, dir, sizeof(dir));
	if (t->rollup)
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
map_grid(const struct thermometer *t, struct map *m)
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
		if ((m->tips[r * m->ncols + j] = cell_tip(t, k,
		    m->cols[j])) == NULL)
			return -1;
		m->grid[r * m->ncols + j].tip = m->tips[r * m->ncols + j];
	}
	return 0;
}

/* One alert under the map: the date, the network, the theme, the rules. */
static char *
note(const struct thermometer *t, const struct signal_reading *r)
{
	char d[11], words[32], human[64], *s;
	int rc;

	date_format(r->date, d);
	signal_alert_words(r->alerts, words, sizeof(words));
	thermometer_words(words, human, sizeof(human));
	/*
	 * TRANSLATORS: an alert under the heat map: the date, the
	 * network, the theme, the level and the alert rules fired.
	 */
	rc = t->rollup ? asprintf(&s, _("%s, %s: %s at level %d (%s)"), d,
	    t->set.nets[r->net].name, r->theme, r->tension, human) :
	    /* TRANSLATORS: as above, without the network. */
	    asprintf(&s, _("%s: %s at level %d (%s)"), d, r->theme,
	    r->tension, human);
	return rc < 0 ? NULL : s;
}

static int
map_notes(const struct thermometer *t, struct map *m,
    struct ally_error *err)
{
	const struct signal_reading **v;
	size_t i, nv, more = 0;

	if ((m->notes = calloc(MAX_NOTES + 3, sizeof(char *))) == NULL)
		return oom(err);
	if (thermometer_alerting(t, &v, &nv, err) != 0)
		return -1;
	for (i = 0; i < nv; i++) {
		/* TRANSLATORS: the heading of the alerts under the heat map. */
		if (m->nnotes == 0 &&
		    (m->notes[m->nnotes++] = strdup(_("Alerts:"))) == NULL)
			break;
		if (m->nnotes > MAX_NOTES)
			more++;
		else if ((m->notes[m->nnotes++] = note(t, v[i])) == NULL)
			break;
	}
	free(v);
	if (i < nv) {
		m->nnotes--;
		return oom(err);
	}
	if (more > 0 && asprintf(&m->notes[m->nnotes++], _("... and %zu more "
	    "(report-sentiment -a lists them)"), more) < 0) {
		m->nnotes--;
		return oom(err);
	}
	return 0;
}

static void
free_strings(char **v, size_t n)
{
	while (v != NULL && n-- > 0)
		free(v[n]);
	free(v);
}

static void
map_free(struct map *m)
{
	free_strings(m->cols, m->ncols);
	free_strings(m->tips, m->nrows * m->ncols);
	free_strings(m->notes, m->nnotes);
	free(m->grid);
	free(m->rows);
	free(m->periods);
	free(m->cells);
}

static void
map_titles(const struct thermometer *t, struct map *m)
{
	char from[11], to[11];

	date_format(t->since, from);
	date_format(t->until, to);
	snprintf(m->title, sizeof(m->title), "%s: %s", thermometer_title(t),
	    t->rollup ? _("all networks") : t->network);
	/* The range the columns show, not the range asked for. */
	if (m->ncols == 1)
		snprintf(m->subtitle, sizeof(m->subtitle), _("readings of %s; "
		    "each cell shows the highest level of its period"),
		    m->cols[0]);
	else if (m->ncols > 0)
		snprintf(m->subtitle, sizeof(m->subtitle), _("readings of %s "
		    "to %s; each cell shows the highest level of its period"),
		    m->cols[0], m->cols[m->ncols - 1]);
	else if (t->since_given)
		snprintf(m->subtitle, sizeof(m->subtitle), _("readings from %s "
		    "to %s; each cell shows the highest level of its period"),
		    from, to);
	else
		snprintf(m->subtitle, sizeof(m->subtitle), _("readings up to %s; "
		    "each cell shows the highest level of its period"), to);
}

static int
draw(FILE *fp, const struct map *m, struct ally_error *err)
{
	const char *levels[5];
	struct heatmap h;
	int i;

	memset(&h, 0, sizeof(h));
	h.title = m->title;
	h.subtitle = m->subtitle;
	h.rows = m->rows;
	h.nrows = m->nrows;
	h.cols = (const char *const *)m->cols;
	h.ncols = m->ncols;
	h.cells = m->grid;
	for (i = 0; i < 5; i++)
		levels[i] = _(signal_levels[i]);
	h.levels = levels;
	h.nlevels = 5;
	/* TRANSLATORS: the legend of the heat map: a cell with an alert. */
	h.mark_label = _("alert");
	h.notes = (const char *const *)m->notes;
	h.nnotes = m->nnotes;
	return svg_heatmap(fp, &h, err);
}

int
thermometer_heatmap(FILE *fp, const struct thermometer *t,
    struct ally_error *err)
{
	struct map m;
	int rc = -1;

	memset(&m, 0, sizeof(m));
	if (signal_cells(&t->set, t->by, t->rollup, t->since, t->until,
	    t->theme, &m.cells, &m.ncells, err) != 0)
		return -1;
	if (m.ncells == 0) {
		rc = ally_errorf(err, EX_NOINPUT, "no readings to draw in "
		    "this period");
		goto out;
	}
	if (map_columns(t, &m) != 0 || map_rows(&m) != 0 ||
	    map_grid(t, &m) != 0) {
		rc = oom(err);
		goto out;
	}
	if (map_notes(t, &m, err) != 0)
		goto out;
	map_titles(t, &m);
	rc = draw(fp, &m, err);
out:
	map_free(&m);
	return rc;
}
