/*
 * briefing.c: the briefing for the chair of the next meeting (see
 * briefing.h).
 *
 * The chair comes from within the group and changes every meeting; the
 * briefing gives them what the method asks the meeting to look at
 * first: what was agreed last time and where it stands (reciprocity:
 * every party's actions), and the themes whose tension rose since, as
 * the thermometer reads them; then the open actions, the topics the
 * members proposed and who has excused themselves.  Members appear by
 * alias only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "briefing.h"
#include "dbquery.h"
#include "doc.h"
#include "minutes.h"
#include "minutes_doc.h"
#include "opt.h"
#include "thermometer.h"

/* The agenda record's fields, as minutes_doc.c reads them. */
#define get	minutes_doc_get
#define nrecs	minutes_doc_recs

/* ---- what it is built from -------------------------------------------- */

struct briefing {
	struct record		*a;	/* minutes_agenda's record */
	struct thermometer	 t;
	const struct signal_reading **rising;
	size_t			 nrising;
};

static int
agreed_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	static const char *const keys[] = { "id", "owner", "status",
	    "title", NULL };
	struct record *t;

	/* record_add_record frees the record it cannot take. */
	if ((t = db_row_record(st, keys)) == NULL ||
	    record_add_record(arg, "agreed", t) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

/* The actions the last meeting agreed, open or closed since. */
static int
load_agreed(struct ally_session *s, struct record *a, struct ally_error *err)
{
	const char *last = record_get(a, "last_meeting");
	sqlite3_stmt *st;

	if (last == NULL)
		return 0;
	if (db_prepare(s->db, "SELECT a.id, p.alias, a.status, a.title FROM "
	    "action a LEFT JOIN person p ON p.id = a.owner_id WHERE "
	    "a.network_id = ? AND a.meeting_id = ? ORDER BY a.id", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, s->net.id);
	sqlite3_bind_int64(st, 2, strtoll(last, NULL, 10));
	return db_each_row(s->db, st, "action", agreed_row, a, err);
}

/*
 * The level of the theme's reading before r (readings are by network,
 * theme and date), or -1.
 */
static int
before(const struct signal_set *set, const struct signal_reading *r)
{
	const struct signal_reading *p = r - 1;

	if (r < set->rd || r >= set->rd + set->nrd || r == set->rd ||
	    p->net != r->net || strcmp(p->theme, r->theme) != 0)
		return -1;
	return p->tension;
}

/* A reading that rose: above the one before, rising, or by the rules. */
static int
rose(const struct signal_set *set, const struct signal_reading *r)
{
	int prev = before(set, r);

	return (prev >= 0 && r->tension > prev) ||
	    (r->trend != NULL && strcmp(r->trend, "rising") == 0) ||
	    (r->alerts & (SIGNAL_ALERT_RISE | SIGNAL_ALERT_RISING)) != 0;
}

/* Each theme's reading since the last meeting, those that rose. */
static int
load_rising(struct ally_session *s, struct briefing *b,
    struct ally_error *err)
{
	const struct signal_reading **v;
	const char *last = record_get(b->a, "last_date");
	size_t i, n;

	signal_rules_default(&b->t.rules);
	b->t.until = s->today;
	b->t.since = 0;
	if (last != NULL && date_parse(last, &b->t.since) != 0)
		b->t.since = 0;
	if (signal_load(s->db, s->net.id, NULL, s->today, &b->t.set,
	    err) != 0 || signal_readings(&b->t.set, &b->t.rules, err) != 0 ||
	    thermometer_latest(&b->t, &v, &n, err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (rose(&b->t.set, v[i]))
			v[b->nrising++] = v[i];
	b->rising = v;
	return 0;
}

/* ---- the document ----------------------------------------------------- */

static void
level_cell(char *buf, size_t len, int level)
{
	const char *word = minutes_tension_name(level);

	snprintf(buf, len, "%d %s", level, *word != '\0' ? _(word) : "");
}

/* An action's status in the user's language. */
static const char *
status_words(const char *v)
{
	/* TRANSLATORS: an action's status in the chair's briefing. */
	static const char *const words[] = { N_("open"), N_("done"),
	    N_("dropped"), NULL };

	return str_in(v, words) ? _(v) : v;
}

/* What to open with: the table, last time's agreements, what rose. */
static void
open_with(struct document *d, const struct briefing *b)
{
	const char *heads[] = { "#", _("Owner"), _("Status"), _("Action"),
	    NULL };
	const char *cells[4];
	struct record **s;
	char buf[1024], line[1100];
	size_t n, i, k = 0;

	doc_heading(d, _("Open with"));
	if (record_get(b->a, "headcount") != NULL) {
		/* TRANSLATORS: %1$s people expected, %2$s members excused. */
		snprintf(buf, sizeof(buf), _("The welcome: %s expected at the "
		    "table, %s excused."), get(b->a, "headcount", "0"),
		    get(b->a, "declined", "0"));
		doc_item(d, buf);
	}
	n = nrecs(b->a, "agreed", &s);
	if (record_get(b->a, "last_meeting") == NULL)
		doc_item(d, _("What was agreed last time: no minutes yet."));
	else {
		/*
		 * TRANSLATORS: %1$s the number of the last meeting, %2$s its
		 * date, %3$zu the actions it agreed.
		 */
		snprintf(buf, sizeof(buf), _("What was agreed last time "
		    "(meeting %s of %s): %zu actions, and where they stand."),
		    get(b->a, "last_meeting", "-"), get(b->a, "last_date", "-"),
		    n);
		doc_item(d, buf);
	}
	if (n > 0)
		doc_table(d, "n l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		cells[0] = get(s[i], "id", "-");
		cells[1] = get(s[i], "owner", "-");
		cells[2] = status_words(get(s[i], "status", "-"));
		cells[3] = get(s[i], "title", "-");
		doc_row(d, cells);
	}
	buf[0] = '\0';
	for (i = 0; i < b->nrising && k < sizeof(buf); i++)
		k += snprintf(buf + k, sizeof(buf) - k, "%s%s", i > 0 ? ", " :
		    "", b->rising[i]->theme);
	if (b->nrising == 0)
		doc_item(d, _("No theme's tension rose since the last "
		    "meeting."));
	else {
		/* TRANSLATORS: %s lists the themes ("youth, polarisation"). */
		snprintf(line, sizeof(line), _("Tension rose since the last "
		    "meeting: %s."), buf);
		doc_item(d, line);
	}
	doc_list_end(d);
}

static void
open_actions(struct document *d, const struct record *a)
{
	const char *heads[] = { "#", _("Owner"), _("Due"), _("Action"),
	    NULL };
	const char *cells[4];
	struct record **s;
	char due[64], head[128];
	size_t n, i;
	int od;

	n = nrecs(a, "actions", &s);
	/* TRANSLATORS: a heading; %zu is the number of open actions. */
	snprintf(head, sizeof(head), _("Open actions (%zu)"), n);
	doc_heading(d, head);
	if (n == 0) {
		doc_paragraph(d, _("None open."));
		return;
	}
	doc_table(d, "n l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		od = strcmp(get(s[i], "overdue", "no"), "yes") == 0;
		snprintf(due, sizeof(due), "%s%s%s", get(s[i], "due", "-"),
		    od ? " " : "", od ? _("overdue") : "");
		cells[0] = get(s[i], "id", "-");
		cells[1] = get(s[i], "owner", "-");
		cells[2] = due;
		cells[3] = get(s[i], "title", "-");
		doc_row(d, cells);
	}
}

static void
rising_themes(struct document *d, const struct briefing *b)
{
	const char *heads[] = { _("Theme"), _("Level"), _("Before"),
	    _("Trend"), _("As of"), NULL };
	const char *cells[5];
	char level[64], was[64], date[11], head[128];
	size_t i;

	/* TRANSLATORS: a heading; %zu is the number of themes. */
	snprintf(head, sizeof(head), _("Rising themes (%zu)"), b->nrising);
	doc_heading(d, head);
	if (b->nrising == 0) {
		doc_paragraph(d, _("None: the thermometer shows no theme "
		    "rising since the last meeting."));
		return;
	}
	doc_table(d, "l l l l l", heads, 0);
	for (i = 0; i < b->nrising; i++) {
		const struct signal_reading *r = b->rising[i];
		int prev = before(&b->t.set, r);

		level_cell(level, sizeof(level), r->tension);
		if (prev >= 0)
			level_cell(was, sizeof(was), prev);
		else
			snprintf(was, sizeof(was), "-");
		date_format(r->date, date);
		cells[0] = r->theme;
		cells[1] = level;
		cells[2] = was;
		cells[3] = r->trend != NULL ? _(r->trend) : "-";
		cells[4] = date;
		doc_row(d, cells);
	}
}

static void
topics_excused(struct document *d, const struct record *a)
{
	const char *heads[] = { _("Proposed by"), _("Topic"), NULL };
	const struct field *f = record_field(a, "excused");
	size_t nx = f != NULL && f->kind == VAL_LIST ? f->nitems : 0;
	const char *cells[2];
	struct record **s;
	char head[128];
	size_t n, i;

	n = nrecs(a, "topics", &s);
	/* TRANSLATORS: a heading; %zu is the number of topics. */
	snprintf(head, sizeof(head), _("Topics proposed (%zu)"), n);
	doc_heading(d, head);
	if (n == 0)
		doc_paragraph(d, _("None proposed."));
	else
		doc_table(d, "l lx", heads, 0);
	for (i = 0; i < n; i++) {
		cells[0] = get(s[i], "proposed_by", "-");
		cells[1] = get(s[i], "topic", "-");
		doc_row(d, cells);
	}
	/* TRANSLATORS: a heading; %zu is the number of members. */
	snprintf(head, sizeof(head), _("Excused (%zu)"), nx);
	doc_heading(d, head);
	if (nx == 0)
		doc_paragraph(d, _("No one has excused themselves yet."));
	else
		doc_pair_list(d, _("Excused"), (const char *const *)f->items,
		    nx);
}

static struct document *
briefing_document(const struct briefing *b)
{
	const struct record *a = b->a;
	struct document *d;

	d = doc_new(_("Briefing for the chair of the next meeting"),
	    get(a, "network", NULL), get(a, "date", NULL));
	doc_pair(d, _("Network"), get(a, "network", "-"));
	doc_pair(d, _("Meeting"), get(a, "meeting", "-"));
	minutes_doc_when(d, a);
	open_with(d, b);
	open_actions(d, a);
	rising_themes(d, b);
	topics_excused(d, a);
	return d;
}

int
briefing_print(struct ally_session *s, void *arg, struct ally_error *err)
{
	const struct ally_opts *o = arg;
	struct briefing b;
	struct document *d;
	char subject[256];
	int rc = -1;

	memset(&b, 0, sizeof(b));
	if ((b.a = minutes_agenda(s->db, &s->net, s->today, err)) == NULL)
		return -1;
	if (record_get(b.a, "meeting") == NULL)
		ally_errorf(err, EX_DATAERR, "network %s: no meeting is "
		    "planned (meet-plan plans one)", s->net.name);
	else if (load_agreed(s, b.a, err) == 0 &&
	    load_rising(s, &b, err) == 0) {
		d = briefing_document(&b);
		/*
		 * TRANSLATORS: the subject of the briefing's mail: %1$s the
		 * network, %2$s the date of the meeting.
		 */
		snprintf(subject, sizeof(subject), _("Briefing for the chair, "
		    "network %s, %s"), s->net.name, get(b.a, "date", "-"));
		rc = o->format == FMT_MAIL ? doc_mail_to(stdout, d, o->to,
		    o->nto, subject, err) : doc_write(stdout, d, o->format, 0,
		    err);
		doc_done(d);
	}
	free(b.rising);
	thermometer_free(&b.t);
	record_free(b.a);
	return rc;
}
