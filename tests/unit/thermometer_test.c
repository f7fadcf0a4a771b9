/*
 * thermometer_test.c: the reports of lib/thermometer.c over a set of
 * readings built here (the fields of each view, a roll-up's alerts that
 * name no source), and the text tables of lib/doc.c with DOC_TABLE_UNDER.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"
#include "tap.h"

/* The record's keys, "key=value" joined by blanks, null as "key=~". */
static int
keep(struct record *r, void *arg, struct ally_error *err)
{
	char *s = arg;
	size_t i;

	(void)err;
	for (i = 0; i < r->nfields; i++)
		snprintf(s + strlen(s), 1024 - strlen(s), "%s%s=%s",
		    i > 0 ? " " : "", r->fields[i].key,
		    r->fields[i].value != NULL ? r->fields[i].value : "~");
	strcat(s, "|");
	return 0;
}

static void
records(const struct thermometer *t, enum thermometer_view view, char *s,
    long want, const char *what)
{
	struct ally_error err = { 0, "" };
	long n;

	s[0] = '\0';
	is_int(thermometer_records(t, view, keep, s, &n, &err), 0,
	    "%s: no error", what);
	is_int(n, want, "%s: %ld records", what, want);
}

static char *
render(struct document *d, enum format f)
{
	struct ally_error err = { 0, "" };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	if (doc_write(fp, d, f, 0, &err) != 0)
		abort();
	fclose(fp);
	return buf;
}

static void
test_under(void)
{
	static const char *const heads[] = { "Theme", "Summary" };
	static const char *const row[] = { "youth", "calm at the station" };
	struct document *d, *u;
	char *a, *b;

	d = doc_new("T", NULL, NULL);
	doc_table(d, "l lw(2c)", heads, 0);
	doc_row(d, row);
	u = doc_new("T", NULL, NULL);
	doc_table(u, "l lw(2c)", heads, DOC_TABLE_UNDER);
	doc_row(u, row);
	a = render(d, FMT_TEXT);
	b = render(u, FMT_TEXT);
	is_str(a, "T\nTheme  Summary\nyouth  calm at the station\n",
	    "a column of a width stands in its row");
	is_str(b, "T\nTheme\nyouth\n    calm at the station\n",
	    "DOC_TABLE_UNDER: the column of a width under its row");
	free(a);
	free(b);
	a = render(d, FMT_ROFF);
	b = render(u, FMT_ROFF);
	is_str(b, a, "DOC_TABLE_UNDER changes nothing in print");
	free(a);
	free(b);
	doc_done(d);
	doc_done(u);
}

static struct signal_reading rd[] = {
	{ 11, 0, 100, "youth", 1, 1, "steady", "evidenced", "A01", "calm",
	  -1, 0, -1, 0, 0 },
	{ 12, 0, 107, "youth", 3, 2, "rising", NULL, "A02", NULL, 1,
	  SIGNAL_ALERT_LEVEL | SIGNAL_ALERT_RISE, -1, 0, 0 },
	{ 13, 1, 104, "trust", 2, 1, NULL, NULL, "meeting:4", "fine", -1,
	  0, -1, 0, 0 }
};

static struct signal_net nets[] = {
	{ "Middelburg", "a.db", NULL, 0 },
	{ "Veere", "b.db", NULL, 0 }
};

static void
thermometer(struct thermometer *t)
{
	memset(t, 0, sizeof(*t));
	t->set.nets = nets;
	t->set.nnets = 2;
	t->set.sig = t->set.rd = t->set.wrd = rd;
	t->set.nsig = t->set.nrd = 3;
	signal_rules_default(&t->rules);
	t->since = 0;
	t->until = 200;
	t->network = "Middelburg";
}

static void
test_views(void)
{
	struct thermometer t;
	char s[1024];

	thermometer(&t);
	records(&t, THERMOMETER_LATEST, s, 2, "the thermometer");
	is_str(s, "theme=youth date=1970-04-18 tension=3 level=tension "
	    "trend=rising basis=~ previous=1 move=+2 signals=2 "
	    "alert=level rise source=A02 summary=~ as_of=1970-04-18 00:00 "
	    "sources=0 age=0:00|theme=trust "
	    "date=1970-04-15 tension=2 level=concern trend=~ basis=~ "
	    "previous=~ move=new signals=1 alert=~ source=meeting:4 "
	    "summary=fine as_of=1970-04-15 00:00 sources=0 age=0:00|",
	    "the thermometer: each theme's last, hottest "
	    "first, nulls kept");
	records(&t, THERMOMETER_ALERTS, s, 1, "the alerts");
	is_str(s, "date=1970-04-18 theme=youth tension=3 previous=1 "
	    "trend=rising alert=level rise why=level 3 reaches 3; rose by 2 "
	    "or more within 30 days source=A02 summary=~|",
	    "the alerts of one network: source and summary");
	t.rollup = 1;
	t.nfiles = 2;
	records(&t, THERMOMETER_ALERTS, s, 1, "a roll-up's alerts");
	is_str(s, "file=a.db network=Middelburg date=1970-04-18 theme=youth "
	    "tension=3 previous=1 trend=rising alert=level rise why=level 3 "
	    "reaches 3; rose by 2 or more within 30 days|",
	    "a roll-up's alerts: file and network, no source or summary");
	t.nfiles = 0;
	records(&t, THERMOMETER_ALERTS, s, 1, "a roll-up of one file");
	ok(strncmp(s, "network=Middelburg ", 19) == 0,
	    "a roll-up of one file: no file field");
	t.rollup = 0;
	t.theme = "trust";
	records(&t, THERMOMETER_SIGNALS, s, 1, "the signals of a theme");
	is_str(s, "id=13 network=Veere date=1970-04-15 theme=trust tension=2 "
	    "trend=~ basis=~ source=meeting:4 summary=fine time=~|",
	    "the signals: as stored, of the theme");
	t.since = 105;
	t.theme = NULL;
	records(&t, THERMOMETER_SIGNALS, s, 1, "the signals since a day");
}

static void
test_empty(void)
{
	struct ally_error err = { 0, "" };
	struct thermometer t;
	struct document *d;
	char *s;

	thermometer(&t);
	t.theme = "nosuch";
	d = thermometer_doc(&t, THERMOMETER_LATEST, &err);
	ok(d != NULL, "the document of no readings");
	s = render(d, FMT_TEXT);
	is_str(s, "The tension thermometer\nNetwork Middelburg, readings up "
	    "to 1970-07-20.\n\nTheme: nosuch.\n\nNo readings in this period.\n",
	    "no readings: said, no table");
	free(s);
	doc_done(d);
}

int
main(void)
{
	test_under();
	test_views();
	test_empty();
	return done_testing();
}
