/*
 * planning.c: the period meet-plan plans or lists, the meetings and
 * venues its sessions apply, and the records it prints of them (see
 * planning.h).  The planning itself, the meeting table and the venues
 * are meeting.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "planning.h"
#include "continuity.h"
#include "rotation.h"

const char *const plan_update_columns[] = { "id", "network", "date",
    "time", "location", "host", "chair", "meal", "status", "change",
    "fields", NULL };
const char *const plan_columns[] = { "id", "network", "date", "time",
    "location", "host", "chair", "meal", "status", "change", NULL };
const char *const plan_schedule_columns[] = { "network", "weekdays",
    "time", "duration", "change", NULL };
const char *const plan_venue_columns[] = { "id", "network", "name", "host",
    "address", "active", "change", NULL };

/* From start to end, or a year from start; the options' own words. */
static int
plan_dates(struct plan *p, const char *start, const char *end,
    struct ally_error *err)
{
	if (date_parse(start, &p->from) != 0)
		return ally_errorf(err, EX_USAGE, "--start: '%s' is not a date "
		    "(YYYY-MM-DD)", start);
	if (end == NULL)
		p->to = date_add_months(p->from, 12) - 1;
	else if (date_parse(end, &p->to) != 0)
		return ally_errorf(err, EX_USAGE, "--end: '%s' is not a date "
		    "(YYYY-MM-DD)", end);
	if (p->to < p->from)
		return ally_errorf(err, EX_USAGE, "--end: %s is before the "
		    "start", end);
	if (p->to - p->from >= PLAN_MAX_DAYS)
		return ally_errorf(err, EX_USAGE, "the period is longer than "
		    "five years: plan a year or two at a time");
	return 0;
}

int
plan_period(struct plan *p, const char *year, const char *start,
    const char *end, int per_year, struct ally_error *err)
{
	long long y;

	if (year != NULL) {
		if (parse_int(year, 1900, 2999, &y) != 0)
			return ally_errorf(err, EX_USAGE, "--year: '%s' is not "
			    "a year", year);
		p->from = date_from_ymd((int)y, 1, 1);
		p->to = date_from_ymd((int)y, 12, 31);
	} else if (start == NULL) {
		p->from = date_from_ymd(1900, 1, 1);
		p->to = date_from_ymd(2999, 12, 31);
	} else if (plan_dates(p, start, end, err) != 0)
		return -1;
	/* -m counts a year's meetings; a longer or shorter period scales. */
	p->count = (int)((per_year * (long)(p->to - p->from + 1) * 4 + 730) /
	    1461);
	if (p->count < 1)
		p->count = 1;
	return 0;
}

int
plan_per_year_check(int per_year, struct ally_error *err)
{
	if (per_year < MEETING_MIN_PER_YEAR || per_year > MEETING_MAX_PER_YEAR)
		return ally_errorf(err, EX_USAGE, "--meetings: %d a year: the "
		    "method asks for %d to %d (fewer cannot keep the relation "
		    "warm; %d is usual)", per_year, MEETING_MIN_PER_YEAR,
		    MEETING_MAX_PER_YEAR, MEETING_DEFAULT_PER_YEAR);
	return 0;
}

static int
keep_blackout(struct record *r, void *arg, struct ally_error *err)
{
	return blackout_add(arg, r, err);
}

int
blackouts_read(char *const *files, int n, enum format input,
    struct blackouts *b, struct ally_error *err)
{
	return n == 0 ? 0 : records_each(files, n, input, keep_blackout, b,
	    err);
}

int
plan_schedule_apply(struct ally_session *s, const struct plan_schedule *sch,
    int *changed, struct ally_error *err)
{
	*changed = 0;
	if (sch->weekdays == NULL && sch->time == NULL && sch->duration == 0)
		return 0;
	return network_set_schedule(s->db, &s->net, sch->weekdays, sch->time,
	    sch->duration, changed, err);
}

int
plan_series_apply(struct ally_session *s, struct plan *p,
    const struct plan_schedule *sch, struct meeting **v, size_t *n,
    int *past, struct ally_error *err)
{
	int changed;

	p->today = s->today;
	if (p->to <= s->today)
		return ally_errorf(err, EX_USAGE, "the period ends before "
		    "tomorrow: nothing to plan");
	if (plan_schedule_apply(s, sch, &changed, err) != 0)
		return -1;
	return meeting_plan(s->db, &s->net, p, v, n, past, err);
}

void
plan_series_warn(const struct ally_session *s, const struct plan *p,
    const struct meeting *v, size_t n, int past)
{
	size_t i, open = 0;

	if (s->warn == NULL)
		return;
	if (past > 0)
		/*
		 * TRANSLATORS: how many meetings fell before today, of how
		 * many; the forms follow the first number.
		 */
		s->warn(ngettext("%d of %d meetings of the period fell before "
		    "today and were not planned", "%d of %d meetings of the "
		    "period fell before today and were not planned",
		    (unsigned long)past), past, p->count);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].change, "added") == 0 && !v[i].location[0])
			open++;
	if (open > 0)
		s->warn(ngettext("network %s has no active venue: %zu meeting "
		    "without a location (add venues with meet-plan -V)",
		    "network %s has no active venue: %zu meetings without a "
		    "location (add venues with meet-plan -V)", open),
		    s->net.name, open);
}

/* Room for one more meeting at b->v[b->n]. */
static int
batch_grow(struct meeting_batch *b, struct ally_error *err)
{
	struct meeting *nv;

	if ((nv = array_grow(b->v, b->n, &b->cap, sizeof(*nv))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	b->v = nv;
	return 0;
}

int
meeting_batch_apply(struct record *r, void *arg, struct ally_error *err)
{
	struct meeting_batch *b = arg;

	if (batch_grow(b, err) != 0 || meeting_apply(b->s->db, &b->s->net, r,
	    b->s->today, &b->v[b->n], err) != 0)
		return -1;
	b->n++;
	return 0;
}

/* rotation_follow's callbacks: a meeting of the batch is left alone. */
static int
batch_has(long long id, void *arg)
{
	const struct meeting_batch *b = arg;
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->v[i].id == id)
			return 1;
	return 0;
}

static int
batch_rotated(const struct meeting *m, void *arg, struct ally_error *err)
{
	struct meeting_batch *b = arg;

	if (batch_grow(b, err) != 0)
		return -1;
	b->v[b->n++] = *m;
	return 0;
}

int
meeting_batch_follow(struct meeting_batch *b, const struct network *net,
    struct ally_error *err)
{
	struct rotation r = { batch_has, batch_rotated, b->s->warn, b };

	return rotation_follow(b->s->db, net, b->s->today, &r, err);
}

/* Planned meetings whose day passed: --next does not plan past them. */
static int
batch_passed(struct meeting_batch *b, const struct network *net,
    struct ally_error *err)
{
	struct meeting *v = NULL;
	size_t i, n = 0;
	char d[11];

	if (continuity_passed(b->s->db, net, b->s->today, &v, &n, err) != 0)
		return -1;
	for (i = 0; i < n && b->s->warn != NULL; i++) {
		date_format(v[i].date, d);
		b->s->warn(_("network %s: the meeting of %s (id %lld) passed "
		    "without minutes: record them (meet-minutes) or cancel it "
		    "(meet-plan -u)"), net->name, d, v[i].id);
	}
	b->warned += (int)n;
	free(v);
	return 0;
}

int
meeting_batch_next(const struct network *net, void *arg,
    struct ally_error *err)
{
	struct meeting_batch *b = arg;
	int planned;

	if (batch_grow(b, err) != 0 || meeting_plan_next(b->s->db, net, b->p,
	    &b->v[b->n], &planned, err) != 0)
		return -1;
	b->n += planned;
	return batch_passed(b, net, err) == 0 &&
	    meeting_batch_follow(b, net, err) == 0 ? 0 : -1;
}

int
meeting_batch_networks(struct meeting_batch *b, const char *name,
    struct ally_error *err)
{
	struct ally_session *s = b->s;

	if (name == NULL || *name == '\0')
		name = getenv("ALLY_NETWORK");
	if (name == NULL || *name == '\0')
		return network_each(s->db, meeting_batch_next, b, err);
	if (network_resolve(s->db, name, &s->net, err) != 0)
		return -1;
	return meeting_batch_next(&s->net, b, err);
}

int
meetings_write(FILE *fp, enum format fmt, const char *const *cols,
    const struct meeting *v, size_t n, struct ally_error *err)
{
	struct writer *w;
	struct record *r;
	size_t i;
	int rc = 0;

	if (n == 0)
		return 0;
	if ((w = writer_open(fp, fmt, cols, 0, err)) == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if ((r = meeting_record(&v[i])) == NULL)
			rc = ally_errorf(err, EX_OSERR, "out of memory");
		else
			rc = writer_put(w, r, err);
		record_free(r);
	}
	if (rc != 0) {
		writer_close(w, NULL);
		return -1;
	}
	return writer_close(w, err);
}

int
venue_batch_apply(struct record *r, void *arg, struct ally_error *err)
{
	struct venue_batch *b = arg;
	struct record **nv, *res;
	const char *changed;
	long long id;

	if (venue_apply(b->s->db, &b->s->net, r, &changed, &id, err) != 0)
		return -1;
	if ((nv = array_grow(b->out, b->n, &b->cap, sizeof(*nv))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	b->out = nv;
	if ((res = record_dup(r)) == NULL ||
	    record_set_int(res, "id", id) != 0 ||
	    record_set(res, "network", b->s->net.name) != 0 ||
	    record_set(res, "change", changed) != 0) {
		record_free(res);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	b->out[b->n++] = res;
	return 0;
}

int
venue_batch_report(const struct venue_batch *b, struct record **all,
    size_t *nall, struct ally_error *err)
{
	size_t i, j;

	for (i = 0; i < b->n; i++)
		for (j = 0; j < *nall; j++)
			if (strcmp(record_get(all[j], "id"),
			    record_get(b->out[i], "id")) == 0 &&
			    record_set(all[j], "change",
			    record_get(b->out[i], "change")) != 0)
				return ally_errorf(err, EX_OSERR,
				    "out of memory");
	for (i = j = 0; i < *nall; i++)
		if (record_get(all[i], "change") != NULL)
			all[j++] = all[i];
		else
			record_free(all[i]);
	*nall = j;
	return 0;
}

void
venue_batch_free(struct venue_batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		record_free(b->out[i]);
	free(b->out);
	b->out = NULL;
	b->n = b->cap = 0;
}

struct record *
plan_schedule_record(const struct network *net, int changed)
{
	struct record *r;

	if ((r = record_new()) == NULL ||
	    record_set(r, "network", net->name) != 0 ||
	    record_set(r, "weekdays", net->weekdays) != 0 ||
	    record_set(r, "time", net->start_time) != 0 ||
	    record_set_int(r, "duration", net->duration) != 0 ||
	    record_set(r, "change", changed ? "updated" : "unchanged") != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

/* The continuity check's lines to a file, network after network. */
struct plan_check {
	sqlite3	*db;
	FILE	*fp;
	day_t	 today;
	int	 count;
};

static int
check_line(const char *line, void *arg, struct ally_error *err)
{
	struct plan_check *c = arg;

	if (fprintf(c->fp, "%s\n", line) < 0)
		return ally_errorf(err, EX_IOERR, "write error");
	return 0;
}

static int
check_network(const struct network *net, void *arg, struct ally_error *err)
{
	struct plan_check *c = arg;
	int n;

	if (continuity_check(c->db, net, c->today, check_line, c, &n,
	    err) != 0)
		return -1;
	c->count += n;
	return 0;
}

int
plan_check(struct ally_session *s, const char *name, FILE *fp, int *count,
    struct ally_error *err)
{
	struct plan_check c = { s->db, fp, s->today, 0 };
	int rc;

	if (name == NULL || *name == '\0')
		name = getenv("ALLY_NETWORK");
	if (name == NULL || *name == '\0')
		rc = network_each(s->db, check_network, &c, err);
	else if ((rc = network_resolve(s->db, name, &s->net, err)) == 0)
		rc = check_network(&s->net, &c, err);
	*count = c.count;
	return rc;
}
