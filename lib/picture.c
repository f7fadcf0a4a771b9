/*
 * picture.c: the picture for the crisis organisation (see picture.h).
 *
 * It is built on the thermometer's reading of each theme
 * (thermometer_latest), network by network, so that it shows what the
 * thermometer shows and follows it when its rule changes.  What it adds
 * is what the crisis organisation may see: how many allies reported,
 * and the summary once it has been checked again for the members' names
 * and aliases.  The source, which is an alias, never leaves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "callround.h"
#include "doc.h"
#include "fields.h"
#include "member.h"
#include "names.h"
#include "session.h"
#include "picture.h"

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

void
picture_free(struct picture *p)
{
	free(p->v);
	free(p->reach);
	memset(p, 0, sizeof(*p));
}

/* ---- the lines ------------------------------------------------------------ */

/*
 * How many members reported the reading: the distinct aliases among the
 * signals of its network and theme in the thermometer's window (the
 * signals its reading is made of); a meeting is no one member.
 */
static int
count_allies(const struct thermometer *t, const struct signal_reading *r)
{
	const struct signal_set *s = &t->set;
	long long now = (long long)t->now_day * 1440 + t->now_minute, m;
	const char *seen[64];
	size_t i, j;
	int k = 0;

	for (i = 0; i < s->nsig; i++) {
		const struct signal_reading *x = &s->sig[i];

		m = (long long)x->date * 1440 + (x->time >= 0 ? x->time : 0);
		if (x->net != r->net || m > now || m < now - t->hours * 60LL ||
		    x->source == NULL || strcmp(x->theme, r->theme) != 0 ||
		    strncmp(x->source, "meeting:", 8) == 0)
			continue;
		for (j = 0; j < (size_t)k && strcmp(seen[j], x->source) != 0;
		    j++)
			;
		if (j == (size_t)k && k < 64)
			seen[k++] = x->source;
	}
	return k;
}

/* The lines: each network's themes, hottest first. */
static int
picture_lines(struct picture *p, struct ally_error *err)
{
	const struct signal_reading **v;
	size_t i, n;
	int net;

	if (thermometer_latest(p->t, &v, &n, err) != 0)
		return -1;
	if ((p->v = calloc(n + 1, sizeof(*p->v))) == NULL) {
		free(v);
		return oom(err);
	}
	for (net = 0; (size_t)net < p->t->set.nnets; net++)
		for (i = 0; i < n; i++)
			if (v[i]->net == net) {
				p->v[p->n].r = v[i];
				p->v[p->n++].allies = count_allies(p->t, v[i]);
			}
	free(v);
	return 0;
}

/* ---- the check of the summaries ------------------------------------------ */

/* A word of text that is one of the aliases. */
static int
holds_alias(const char *text, const struct alias_map *m)
{
	const char *s = text;
	char w[17];
	size_t n, i;

	while (*s != '\0') {
		n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789-_");
		if (n > 0 && n < sizeof(w)) {
			memcpy(w, s, n);
			w[n] = '\0';
			for (i = 0; i < m->n; i++)
				if (strcmp(m->v[i].alias, w) == 0)
					return 1;
		}
		s += n;
		s += *s != '\0';
	}
	return 0;
}

/* Withhold the summaries of network net that name a member or an alias. */
static int
check_lines(struct picture *p, int net, struct names *names,
    const struct alias_map *m, void (*warn)(const char *, ...),
    struct ally_error *err)
{
	struct ally_error e;
	struct record *rec;
	size_t i;
	int rc;

	for (i = 0; i < p->n; i++) {
		const struct signal_reading *r = p->v[i].r;

		if (r->net != net || r->summary == NULL)
			continue;
		if ((rec = record_new()) == NULL ||
		    record_set(rec, "summary", r->summary) != 0) {
			record_free(rec);
			return oom(err);
		}
		memset(&e, 0, sizeof(e));
		rc = names_check_in(names, rec, "summary", NULL, 0, 0, &e);
		record_free(rec);
		if (rc != 0 && e.code != EX_DATAERR)
			return ally_errorf(err, e.code, "%s", e.msg);
		if (rc != 0 || holds_alias(r->summary, m)) {
			p->v[i].withheld = 1;
			p->withheld++;
			warn(_("network %s, theme %s: the summary names a member "
			    "or holds an alias: left out of the picture"),
			    p->t->set.nets[net].name, r->theme);
		}
	}
	return 0;
}

struct check {
	struct picture		*p;
	sqlite3			*db;
	const char		*label;	/* the file, as the set names it */
	void			(*warn)(const char *, ...);
};

static long long
count_of(const struct record *r, const char *key)
{
	const char *v = record_get(r, key);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

/* The reach of network n's open round, or of its latest. */
static int
load_reach(sqlite3 *db, const struct network *n, struct picture_reach *out,
    struct ally_error *err)
{
	struct ally_error e;
	struct record *r;
	const char *v;

	memset(&e, 0, sizeof(e));
	memset(out, 0, sizeof(*out));
	if (callround_get(db, n, 0, &r, &e) != 0) {
		/* No round in the network: nothing to show. */
		if (e.code == EX_DATAERR)
			return 0;
		return ally_errorf(err, e.code, "%s", e.msg);
	}
	out->known = 1;
	out->open = (v = record_get(r, "status")) != NULL &&
	    strcmp(v, "open") == 0;
	snprintf(out->opened, sizeof(out->opened), "%s",
	    (v = record_get(r, "opened")) != NULL ? v : "");
	out->calls = count_of(r, "calls");
	out->reached = count_of(r, "reached");
	out->to_reach = count_of(r, "to_reach");
	record_free(r);
	return 0;
}

static int
check_network(const struct network *n, void *arg, struct ally_error *err)
{
	struct check *c = arg;
	const struct signal_set *s = &c->p->t->set;
	struct alias_map m = { NULL, 0 };
	struct names *names;
	size_t i;
	int rc;

	for (i = 0; i < s->nnets; i++)
		if (strcmp(s->nets[i].name, n->name) == 0 &&
		    (s->nets[i].file == NULL || c->label == NULL ||
		    strcmp(s->nets[i].file, c->label) == 0))
			break;
	if (i == s->nnets)
		return 0;
	if (load_reach(c->db, n, &c->p->reach[i], err) != 0)
		return -1;
	if (c->p->flags & PICTURE_NO_SUMMARIES)
		return 0;
	if ((names = names_load(c->db, n->id, 0, err)) == NULL)
		return -1;
	rc = person_alias_map(c->db, n->id, &m, err);
	if (rc == 0)
		rc = check_lines(c->p, (int)i, names, &m, c->warn, err);
	alias_map_free(&m);
	names_free(names);
	return rc;
}

static void
quiet(const char *fmt, ...)
{
	(void)fmt;
}

/* The file once more (its warning was said when it was loaded). */
static int
check_file(struct picture *p, const struct ally_opts *opts, const char *path,
    const char *label, void (*warn)(const char *, ...),
    struct ally_error *err)
{
	struct ally_session s;
	struct ally_opts o = *opts;
	struct check c;
	int rc;

	o.db = path;
	if (session_open(&s, &o, SESSION_READ | SESSION_READONLY |
	    SESSION_NO_NETWORK, quiet, err) != 0)
		return -1;
	c.p = p;
	c.db = s.db;
	c.label = label;
	c.warn = warn;
	rc = network_each(s.db, check_network, &c, err);
	session_close(&s);
	return rc;
}

int
picture_build(struct picture *p, const struct thermometer *t,
    const struct ally_opts *o, const char *const *files, int nfiles,
    int flags, void (*warn)(const char *, ...), struct ally_error *err)
{
	int i;

	memset(p, 0, sizeof(*p));
	p->t = t;
	p->flags = flags;
	if (picture_lines(p, err) != 0)
		return -1;
	if ((p->reach = calloc(t->set.nnets + 1, sizeof(*p->reach))) == NULL)
		return oom(err);
	if (nfiles == 0)
		return check_file(p, o, o->db, NULL, warn, err);
	for (i = 0; i < nfiles; i++)
		if (check_file(p, o, files[i], nfiles > 1 ? files[i] : NULL,
		    warn, err) != 0)
			return -1;
	return 0;
}

/* ---- records ---------------------------------------------------------------- */

static const char *
summary_of(const struct picture_line *l)
{
	return l->withheld ? NULL : l->r->summary;
}

/* The round's reach on each line: null where the network has none. */
static int
set_reach(struct record *o, const struct picture_reach *k)
{
	if (!k->known)
		return record_set_null(o, "to_call") != 0 ||
		    record_set_null(o, "reached") != 0 ||
		    record_set_null(o, "to_reach") != 0 ? -1 : 0;
	return record_set_int(o, "to_call", k->calls) != 0 ||
	    record_set_int(o, "reached", k->reached) != 0 ||
	    record_set_int(o, "to_reach", k->to_reach) != 0 ? -1 : 0;
}

static struct record *
line_record(const struct picture *p, const struct picture_line *l)
{
	const struct signal_reading *r = l->r;
	struct record *o;
	char date[11], alert[32];

	if ((o = record_new()) == NULL)
		return NULL;
	date_format(r->date, date);
	signal_alert_words(r->alerts, alert, sizeof(alert));
	if (record_set(o, "network", p->t->set.nets[r->net].name) != 0 ||
	    record_set(o, "theme", r->theme) != 0 ||
	    record_set_date(o, "date", date) != 0 ||
	    record_set_int(o, "tension", r->tension) != 0 ||
	    record_set(o, "level", signal_levels[r->tension]) != 0 ||
	    (r->trend != NULL ? record_set(o, "trend", r->trend) :
	    record_set_null(o, "trend")) != 0 ||
	    (r->basis != NULL ? record_set(o, "basis", r->basis) :
	    record_set_null(o, "basis")) != 0 ||
	    record_set_int(o, "allies", l->allies) != 0 ||
	    record_set_int(o, "signals", r->count) != 0 ||
	    (*alert != '\0' ? record_set(o, "alert", alert) :
	    record_set_null(o, "alert")) != 0 ||
	    (!(p->flags & PICTURE_NO_SUMMARIES) && (summary_of(l) != NULL ?
	    record_set(o, "summary", summary_of(l)) :
	    record_set_null(o, "summary")) != 0) ||
	    set_reach(o, &p->reach[r->net]) != 0) {
		record_free(o);
		return NULL;
	}
	return o;
}

int
picture_records(const struct picture *p, int (*fn)(struct record *, void *,
    struct ally_error *), void *arg, long *count, struct ally_error *err)
{
	struct record *r;
	size_t i;
	int rc = 0;

	*count = 0;
	for (i = 0; i < p->n && rc == 0; i++) {
		if ((r = line_record(p, &p->v[i])) == NULL)
			return oom(err);
		(*count)++;
		rc = fn(r, arg, err);
		record_free(r);
	}
	return rc;
}

/* ---- the document ---------------------------------------------------------- */

/*
 * TRANSLATORS: the headings of the picture's table on an A4 page, the
 * last one a column of text; keep them short.
 */
static const char *const heads[] = { N_("Theme"), N_("Level"),
	N_("Trend"), N_("Basis"), N_("Allies"), N_("As of"), N_("Summary"),
	NULL };

static void
line_row(struct document *d, const struct picture_line *l)
{
	const struct signal_reading *r = l->r;
	const char *cells[7];
	char lv[48], trend[32], basis[32], allies[16], date[17];

	snprintf(lv, sizeof(lv), "%d %s", r->tension,
	    _(signal_levels[r->tension]));
	snprintf(allies, sizeof(allies), "%d", l->allies);
	datetime_format(r->date, r->time < 0 ? 0 : r->time, date);
	cells[0] = r->theme;
	cells[1] = lv;
	cells[2] = r->trend != NULL ? thermometer_words(r->trend, trend,
	    sizeof(trend)) : "-";
	cells[3] = r->basis != NULL ? thermometer_words(r->basis, basis,
	    sizeof(basis)) : "-";
	cells[4] = allies;
	cells[5] = date;
	if (l->withheld)
		cells[6] = _("(left out: it names someone)");
	else
		cells[6] = r->summary != NULL ? r->summary : "-";
	doc_row(d, cells);
}

/* The reach of network net's call round, in one sentence. */
static void
reach_paragraph(struct document *d, const struct picture_reach *k)
{
	if (!k->known)
		return;
	doc_paragraphf(d, k->open ? _("Call round opened %s, still open: "
	    "%lld to call, %lld reached, %lld still to reach.") :
	    _("Call round opened %s, closed: %lld to call, %lld reached, "
	    "%lld still to reach."), k->opened, k->calls, k->reached,
	    k->to_reach);
}

/* The themes of network net, or a sentence that it has none. */
static void
network_table(struct document *d, const struct picture *p, int net)
{
	const char *h[8];
	size_t i, k, n = 0;
	int all = !(p->flags & PICTURE_NO_SUMMARIES);

	for (i = 0; i < p->n; i++)
		n += p->v[i].r->net == net;
	if (n == 0) {
		doc_paragraph(d, _("No readings in this period."));
		return;
	}
	for (k = 0; heads[k] != NULL && (all || k < 6); k++)
		h[k] = _(heads[k]);
	h[k] = NULL;
	doc_table(d, all ? "l2 l2 l2 l2 n2 l2 lw(5.6c)" : "l l l l n l", h,
	    DOC_TABLE_SMALL | DOC_TABLE_UNDER);
	for (i = 0; i < p->n; i++)
		if (p->v[i].r->net == net)
			line_row(d, &p->v[i]);
}

struct document *
picture_doc(const struct picture *p, struct ally_error *err)
{
	const struct thermometer *t = p->t;
	struct document *d;
	char to[11], now[17];
	size_t i;

	date_format(t->until, to);
	if ((d = doc_new(_("Picture for the crisis organisation"), t->rollup ?
	    _("all networks") : t->network, to)) == NULL) {
		oom(err);
		return NULL;
	}
	doc_paragraph(d, _("Each theme's reading from the allies over the "
	    "window, hottest first, without a name, an alias or a source.  "
	    "Levels run from 0 calm to 4 unrest; allies is how many members "
	    "reported it, as of when the latest did."));
	datetime_format(t->now_day, t->now_minute, now);
	doc_paragraphf(d, ngettext("Readings of the last %d hour up to %s.",
	    "Readings of the last %d hours up to %s.", t->hours), t->hours,
	    now);
	for (i = 0; i < t->set.nnets; i++) {
		if (t->set.nnets > 1 || t->rollup)
			doc_heading(d, t->set.nets[i].name);
		reach_paragraph(d, &p->reach[i]);
		network_table(d, p, (int)i);
	}
	if (t->set.nnets == 0)
		doc_paragraph(d, _("No readings in this period."));
	if (p->withheld > 0)
		doc_paragraph(d, _("A summary that names a member or holds an "
		    "alias is left out."));
	return d;
}

static int
put(struct record *r, void *w, struct ally_error *err)
{
	return writer_put(w, r, err);
}

int
picture_write(FILE *fp, const struct picture *p, const struct ally_opts *o,
    struct ally_error *err)
{
	struct document *d;
	struct writer *w;
	struct mail env;
	char subject[300];
	long n;
	int rc;

	if (o->format == FMT_TEXT || o->format == FMT_ROFF ||
	    o->format == FMT_MAIL) {
		if ((d = picture_doc(p, err)) == NULL)
			return -1;
		memset(&env, 0, sizeof(env));
		env.to = o->to;
		env.nto = o->nto;
		snprintf(subject, sizeof(subject), "%s: %s", _("Picture for the "
		    "crisis organisation"), p->t->rollup ? _("all networks") :
		    p->t->network);
		env.subject = subject;
		rc = o->format == FMT_MAIL ? doc_mail(fp, d, &env, err) :
		    doc_write(fp, d, o->format, 0, err);
		doc_done(d);
		return rc;
	}
	if ((w = writer_open(fp, o->format, NULL, 0, err)) == NULL)
		return -1;
	rc = picture_records(p, put, w, &n, err);
	if (writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

int
picture_print(FILE *fp, const struct thermometer *t, const struct ally_opts *o,
    const char *const *files, int nfiles, int flags,
    void (*warn)(const char *, ...), struct ally_error *err)
{
	struct picture p;
	int rc;

	if ((rc = picture_build(&p, t, o, files, nfiles, flags, warn,
	    err)) == 0)
		rc = picture_write(fp, &p, o, err);
	picture_free(&p);
	return rc;
}
