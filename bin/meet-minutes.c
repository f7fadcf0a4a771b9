/*
 * meet-minutes: record what an allies' meeting said and agreed; print the
 * minutes for the records, for mail or for print; set out the agenda of
 * the next meeting with what it carries over.
 *
 * Recording reads minutes records (one YAML document per meeting) and
 * stores them in one transaction: all of them or none.  -l prints stored
 * minutes back in the same shape, so that "print, edit, feed back with
 * -r" corrects them.  -a prints the agenda of the next planned meeting.
 * Members appear by alias only; names and phone numbers never.
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"


enum mode { MODE_RECORD, MODE_LIST, MODE_AGENDA };

struct cmd {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 replace, allow_names, quiet;
	const char		*meeting;
	const char		*view;
	enum minutes_view	 v;
};

/* ---- the minutes and the agenda, for people ----------------------------- */

static const char *
get(const struct record *r, const char *key, const char *dflt)
{
	const char *v = record_get(r, key);

	return v != NULL ? v : dflt;
}

/* The date in words ("Wednesday 10 November 2027"), else as it stands. */
static const char *
date_in_words(const char *date, char *buf, size_t len)
{
	day_t d;

	if (date == NULL)
		return "-";
	if (date_parse(date, &d) != 0)
		return date;
	return date_words(d, buf, len);
}

/* A yes or no of the records, in words for people. */
static const char *
yes_no(const char *v)
{
	if (strcmp(v, "yes") == 0)
		return _("yes");
	if (strcmp(v, "no") == 0)
		return _("no");
	return v;
}

static size_t
nrecs(const struct record *r, const char *key, struct record ***recs)
{
	const struct field *f = record_field(r, key);

	if (f == NULL || f->kind != VAL_RECORDS) {
		*recs = NULL;
		return 0;
	}
	*recs = f->recs;
	return f->nrecs;
}

/* The date, the venue and the chair of the head of minutes and agenda. */
static void
when_where(struct document *d, const struct record *r)
{
	const char *date = record_get(r, "date"), *host;
	char buf[512], words[64];

	/*
	 * TRANSLATORS: the date in the head of the printed minutes and
	 * agenda: %1$s is the date in words ("Tuesday 9 March 2027"), %2$s
	 * the time (18:00).
	 */
	snprintf(buf, sizeof(buf), _("%s, %s"), date_in_words(date, words,
	    sizeof(words)), get(r, "time", "-"));
	doc_pair(d, _("Date"), buf);
	if ((host = record_get(r, "host")) != NULL)
		/*
		 * TRANSLATORS: %1$s is the venue, %2$s who hosts it
		 * (police, municipality or ally: not translated).
		 */
		snprintf(buf, sizeof(buf), _("%s (host: %s)"),
		    get(r, "location", _("not given")), host);
	else
		snprintf(buf, sizeof(buf), "%s", get(r, "location",
		    _("not given")));
	doc_pair(d, _("Venue"), buf);
	doc_pair(d, _("Chair"), get(r, "chair", _("not given")));
}

/* An attendance list: "Present (14)" and the aliases, "-" when none. */
static void
attendance(struct document *d, const struct record *m, const char *key,
    const char *label)
{
	const struct field *f = record_field(m, key);
	size_t n = f != NULL && f->kind == VAL_LIST ? f->nitems : 0;
	char head[64];

	snprintf(head, sizeof(head), "%s (%zu)", label, n);
	doc_pair_list(d, head, (const char *const *)(n > 0 ? f->items : NULL),
	    n);
}

/* The themes as a table: theme, level, trend, basis, summary. */
static void
themes(struct document *d, struct record **t, size_t n)
{
	const char *heads[] = { _("Theme"), _("Level"), _("Trend"),
	    _("Basis"), _("Summary"), NULL };
	const char *cells[5];
	long long level;
	char lv[32];
	const char *v;
	size_t i;

	doc_table(d, "l l l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		level = -1;
		if ((v = record_get(t[i], "tension")) != NULL)
			parse_int(v, 0, 4, &level);
		snprintf(lv, sizeof(lv), "%lld %s", level,
		    minutes_tension_name((int)level));
		cells[0] = get(t[i], "theme", "-");
		cells[1] = lv;
		cells[2] = get(t[i], "trend", "-");
		cells[3] = get(t[i], "basis", "-");
		cells[4] = get(t[i], "summary", "");
		doc_row(d, cells);
	}
}

static void
minutes_actions(struct document *d, struct record **s, size_t n)
{
	const char *heads[] = { "#", _("Party"), _("Owner"), _("Due"),
	    _("Status"), _("Action"), NULL };
	const char *cells[6], *v, *note;
	char status[64], what[4096];
	size_t i;

	doc_table(d, "n l l l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		v = record_get(s[i], "closed");
		snprintf(status, sizeof(status), "%s%s%s",
		    get(s[i], "status", "open"), v != NULL ? " " : "",
		    v != NULL ? v : "");
		note = record_get(s[i], "note");
		snprintf(what, sizeof(what), "%s%s%s", get(s[i], "title", "-"),
		    note != NULL ? "\n" : "", note != NULL ? note : "");
		cells[0] = get(s[i], "id", "-");
		cells[1] = get(s[i], "party", "-");
		cells[2] = get(s[i], "owner", "-");
		cells[3] = get(s[i], "due", "-");
		cells[4] = status;
		cells[5] = what;
		doc_row(d, cells);
	}
}

static struct document *
minutes_doc(const struct record *m)
{
	struct document *d;
	struct record **s;
	const char *v;
	char head[64];
	size_t n;

	d = doc_new(_("Minutes of the allies' meeting"), get(m, "network",
	    NULL), get(m, "date", NULL));
	doc_pair(d, _("Network"), get(m, "network", "-"));
	doc_pair(d, _("Meeting"), get(m, "meeting", "-"));
	when_where(d, m);
	doc_pair(d, _("Meal"), yes_no(get(m, "meal", "-")));
	attendance(d, m, "present", _("Present"));
	attendance(d, m, "excused", _("Excused"));
	attendance(d, m, "absent", _("Absent"));
	n = nrecs(m, "themes", &s);
	/* TRANSLATORS: a heading; %zu is the number of themes. */
	snprintf(head, sizeof(head), _("Themes (%zu)"), n);
	doc_heading(d, head);
	if (n == 0)
		doc_paragraph(d, _("None recorded."));
	else
		themes(d, s, n);
	n = nrecs(m, "actions", &s);
	/* TRANSLATORS: a heading; %zu is the number of actions. */
	snprintf(head, sizeof(head), _("Actions (%zu)"), n);
	doc_heading(d, head);
	if (n == 0)
		doc_paragraph(d, _("None agreed."));
	else
		minutes_actions(d, s, n);
	if ((v = record_get(m, "notes")) != NULL) {
		doc_heading(d, _("Notes"));
		doc_paragraph(d, v);
	}
	if ((v = record_get(m, "name_override")) != NULL)
		/*
		 * TRANSLATORS: the end of minutes in which names were let
		 * through; %s says when, by whom and whose names ("2027-10-12
		 * jan: A01").
		 */
		doc_paragraphf(d, _("These minutes were recorded with "
		    "--allow-names and may name members (%s): keep them within "
		    "the table."), v);
	return d;
}

/*
 * What the last minutes said about the themes: one sentence, under the
 * agenda item of the sentiment.
 */
static const char *
last_time(char *buf, size_t len, const char *date, size_t n)
{
	if (date == NULL)
		snprintf(buf, len, "%s", _("No minutes recorded yet."));
	else if (n == 0)
		/* TRANSLATORS: %s is the date of the last minutes. */
		snprintf(buf, len, _("Nothing was rising or at level 3-4 last "
		    "time (%s)."), date);
	else
		/* TRANSLATORS: %s is the date of the last minutes. */
		snprintf(buf, len, _("Rising or at level 3-4 last time (%s):"),
		    date);
	return buf;
}

/* The agenda item of the actions carried over. */
static const char *
carried_over(char *buf, size_t len, size_t n)
{
	if (n == 0)
		snprintf(buf, len, "%s", _("Actions carried over: none open"));
	else
		/* TRANSLATORS: %zu is the number of open actions. */
		snprintf(buf, len, _("Actions carried over: %zu open"), n);
	return buf;
}

/* The open actions on the agenda: due (and overdue), and how old. */
static void
agenda_actions(struct document *d, struct record **s, size_t n)
{
	const char *heads[] = { "#", _("Party"), _("Owner"), _("Due"),
	    _("Action"), NULL };
	const char *cells[5], *v;
	char due[64], what[4096];
	size_t i;
	int od;

	doc_table(d, "n l l lw(2c) lx", heads, 0);
	for (i = 0; i < n; i++) {
		od = strcmp(get(s[i], "overdue", "no"), "yes") == 0;
		snprintf(due, sizeof(due), "%s%s%s", get(s[i], "due", "-"),
		    od ? "\n" : "", od ? _("overdue") : "");
		if ((v = record_get(s[i], "meeting")) != NULL)
			/*
			 * TRANSLATORS: %1$s is the title of the action, %2$s
			 * the number of the meeting, %3$s its date
			 * (2027-04-14), %4$s a number of days.
			 */
			snprintf(what, sizeof(what), _("%s\nAgreed at meeting "
			    "%s of %s, %s days ago."), get(s[i], "title", "-"),
			    v, get(s[i], "agreed", "-"), get(s[i], "age", "-"));
		else
			/*
			 * TRANSLATORS: %1$s is the title of an action added
			 * outside a meeting, %2$s the date (2027-04-14), %3$s
			 * a number of days.
			 */
			snprintf(what, sizeof(what), _("%s\nAdded %s, %s days "
			    "ago."), get(s[i], "title", "-"),
			    get(s[i], "agreed", "-"), get(s[i], "age", "-"));
		cells[0] = get(s[i], "id", "-");
		cells[1] = get(s[i], "party", "-");
		cells[2] = get(s[i], "owner", "-");
		cells[3] = due;
		cells[4] = what;
		doc_row(d, cells);
	}
}

static struct document *
agenda_doc(const struct record *a)
{
	struct document *d;
	struct record **s;
	char buf[256];
	size_t n;
	int meal = 0;

	d = doc_new(_("Agenda of the next allies' meeting"), get(a, "network",
	    NULL), get(a, "date", NULL));
	doc_pair(d, _("Network"), get(a, "network", "-"));
	if (record_get(a, "date") != NULL) {
		when_where(d, a);
		meal = strcmp(get(a, "meal", "yes"), "yes") == 0;
		doc_pair(d, _("Meal"), meal ? _("yes, the meeting starts with "
		    "the shared meal") : _("no"));
	} else
		doc_pair(d, _("Date"), _("not planned yet (meet-plan plans "
		    "it)"));
	doc_heading(d, _("Agenda"));
	if (meal)
		doc_item(d, _("The shared meal"));
	doc_item(d, _("Opening by the chair; the agenda"));
	doc_item(d, _("The sentiment in the neighbourhoods: a round of the "
	    "table"));
	n = nrecs(a, "themes", &s);
	doc_paragraph(d, last_time(buf, sizeof(buf), record_get(a,
	    "last_date"), n));
	if (n > 0)
		themes(d, s, n);
	n = nrecs(a, "actions", &s);
	doc_item(d, carried_over(buf, sizeof(buf), n));
	if (n > 0)
		agenda_actions(d, s, n);
	doc_item(d, _("Police and municipality: developments and policy"));
	if (strcmp(get(a, "review_due", "no"), "yes") == 0) {
		/*
		 * TRANSLATORS: %s is the date of the last review (2027-01-01)
		 * or "never".
		 */
		snprintf(buf, sizeof(buf), _("The half-yearly review is due "
		    "(last: %s): do the right people sit at the table? "
		    "(ally-review)"), get(a, "last_review", _("never")));
		doc_item(d, buf);
	}
	doc_item(d, _("The next meeting: date, venue and chair"));
	return d;
}

/*
 * Minutes or an agenda as text, print or a whole message; the mail's
 * subject names the network and the date.
 */
static int
put_doc(const struct cmd *c, int agenda, const struct record *r, int flags,
    struct ally_error *err)
{
	struct document *d = agenda ? agenda_doc(r) : minutes_doc(r);
	const char *net = get(r, "network", "-"),
	    *date = get(r, "date", _("not planned yet"));
	char subject[256];
	struct mail env;
	int rc;

	if (c->o.format != FMT_MAIL) {
		rc = doc_write(stdout, d, c->o.format, flags, err);
		doc_done(d);
		return rc;
	}
	if (agenda)
		/*
		 * TRANSLATORS: the subject of a mail; %1$s is the network,
		 * %2$s the date of the meeting (2027-03-09) or "not planned
		 * yet".
		 */
		snprintf(subject, sizeof(subject), _("Agenda of the allies' "
		    "meeting, network %s, %s"), net, date);
	else
		/* TRANSLATORS: as the subject of the agenda's mail. */
		snprintf(subject, sizeof(subject), _("Minutes of the allies' "
		    "meeting, network %s, %s"), net, date);
	memset(&env, 0, sizeof(env));
	env.to = c->o.to;
	env.nto = c->o.nto;
	env.subject = subject;
	rc = doc_mail(stdout, d, &env, err);
	doc_done(d);
	return rc;
}
/* ---- recording ---------------------------------------------------------- */

struct run {
	struct ally_session	 s;
	struct minutes		*mi;
};

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct run *run = arg;
	struct record *s;
	int rc;

	if (minutes_apply(run->mi, r, &s, err) != 0)
		return -1;
	rc = session_result(&run->s, s, err);
	record_free(s);
	return rc;
}

static int
record_minutes(struct cmd *c, char **files, int nfiles,
    struct ally_error *err)
{
	struct run run;
	int rc = -1, flags = 0;
	long names;

	memset(&run, 0, sizeof(run));
	if (session_open(&run.s, &c->o, c->quiet ? SESSION_QUIET : 0, warnx,
	    err) != 0)
		return -1;
	if (c->replace)
		flags |= MINUTES_REPLACE;
	if (c->allow_names)
		flags |= MINUTES_ALLOW_NAMES;
	if ((run.mi = minutes_open(run.s.db, &run.s.net, flags, run.s.today,
	    err)) == NULL)
		goto out;
	if (session_apply(&run.s, files, nfiles, apply_one, &run, err) != 0)
		goto out;
	if ((names = minutes_names_let_through(run.mi)) > 0 &&
	    session_audit(&run.s, "meet-minutes --allow-names",
	    "member names let through in minutes", names, err) != 0)
		goto out;
	if (session_commit(&run.s, err) != 0)
		goto out;
	if (names > 0 && c->o.dry_run)
		/* TRANSLATORS: -N, a dry run: nothing was written. */
		warnx(ngettext("%ld member name let through (--allow-names)",
		    "%ld member names let through (--allow-names)", names),
		    names);
	else if (names > 0)
		warnx(ngettext("%ld member name let through (--allow-names); "
		    "the meeting and the audit log say so", "%ld member names "
		    "let through (--allow-names); the meeting and the audit "
		    "log say so", names), names);
	rc = session_print(&run.s, err);
out:
	minutes_close(run.mi);
	session_close(&run.s);
	return rc;
}

/* ---- printing stored minutes and the agenda ------------------------ */

/* One snapshot for everything printed. */
static int
open_for_reading(struct cmd *c, struct ally_session *s,
    struct ally_error *err)
{
	return session_open(s, &c->o, SESSION_READ | SESSION_SNAPSHOT, warnx,
	    err);
}

static int
list_minutes(struct cmd *c, struct ally_error *err)
{
	struct ally_session s;
	struct record *m, **flat = NULL;
	long long *ids = NULL;
	size_t nids = 0, nflat = 0, i;
	int rc = -1, text = c->o.format == FMT_TEXT && c->view == NULL;
	int whole = text || c->o.format == FMT_MAIL || c->o.format == FMT_ROFF;
	int table = !whole && (c->view != NULL || c->o.format == FMT_CSV);
	int flags = whole ? MINUTES_LOAD_OVERRIDE : table ?
	    minutes_view_load(c->v) : 0;

	if (open_for_reading(c, &s, err) != 0)
		return -1;
	if (minutes_select(s.db, &s.net, c->meeting, &ids, &nids, err) != 0)
		goto out;
	for (i = 0; i < nids; i++) {
		if ((m = minutes_load(s.db, &s.net, ids[i], flags,
		    err)) == NULL)
			goto out;
		if (whole) {
			if (put_doc(c, 0, m, i > 0 ? DOC_CONTINUED : 0,
			    err) != 0) {
				record_free(m);
				goto out;
			}
		} else if (table) {
			if (minutes_flatten(m, c->v, &flat, &nflat, err) != 0) {
				record_free(m);
				goto out;
			}
		} else if (records_write(FMT_YAML, WRITER_YAML_DOCS, &m, 1,
		    NULL, err) != 0) {
			record_free(m);
			goto out;
		}
		record_free(m);
	}
	if (records_write(c->o.format, 0, flat, nflat,
	    minutes_view_columns(c->v), err) != 0)
		goto out;
	rc = 0;
out:
	for (i = 0; i < nflat; i++)
		record_free(flat[i]);
	free(flat);
	free(ids);
	session_close(&s);
	return rc;
}

static int
print_agenda(struct cmd *c, struct ally_error *err)
{
	struct ally_session s;
	struct record *a;
	int rc = 0;

	if (open_for_reading(c, &s, err) != 0)
		return -1;
	a = minutes_agenda(s.db, &s.net, s.today, err);
	session_close(&s);
	if (a == NULL)
		return -1;
	if (c->o.format == FMT_YAML)
		rc = records_write(FMT_YAML, WRITER_YAML_DOCS, &a, 1, NULL,
		    err);
	else
		rc = put_doc(c, 1, a, 0, err);
	record_free(a);
	return rc;
}

/* ---- options ------------------------------------------------------------ */

/* What the table cannot say: the view, and the formats of each mode. */
static int
check(void *base, int mode, int argc, char **argv, struct ally_error *err)
{
	struct cmd *c = base;
	enum format f = c->o.format;
	size_t i;

	if (c->o.nto > 0 && f != FMT_MAIL)
		return -1;	/* recipients only for a message */
	(void)argc;
	(void)argv;
	(void)err;
	c->mode = mode;

	if (c->view != NULL) {
		for (i = 0; minutes_views[i] != NULL; i++)
			if (strcmp(c->view, minutes_views[i]) == 0)
				break;
		if (minutes_views[i] == NULL) {
			/*
			 * TRANSLATORS: the names of the views are option
			 * values: not translated.
			 */
			warnx(_("--view: '%s' is not one of meetings, "
			    "attendance, themes, actions"), c->view);
			return -1;
		}
		c->v = (enum minutes_view)i;
	}
	switch (c->mode) {
	case MODE_RECORD:
		if (f == FMT_AUTO)
			c->o.format = FMT_YAML;
		else if (f != FMT_YAML && f != FMT_CSV && f != FMT_TEXT) {
			/* TRANSLATORS: yaml, csv, text: formats (-f). */
			warnx("%s", _("recording reports as yaml, csv or "
			    "text"));
			return -1;
		}
		return 0;
	case MODE_LIST:
		if (f == FMT_AUTO)
			c->o.format = FMT_YAML;
		else if (f != FMT_YAML && f != FMT_CSV && f != FMT_TEXT &&
		    f != FMT_MAIL && f != FMT_ROFF) {
			warnx("%s", _("minutes are printed as yaml, csv, text, "
			    "mail or roff"));
			return -1;
		}
		if (f == FMT_ROFF && c->view != NULL) {
			warnx("%s", _("-f roff prints whole minutes, not a "
			    "view"));
			return -1;
		}
		if (f == FMT_MAIL && (c->view != NULL || c->meeting == NULL)) {
			warnx("%s", _("-f mail holds one meeting's minutes: "
			    "choose it with -m ID, -m DATE or -m last"));
			return -1;
		}
		return 0;
	case MODE_AGENDA:
		if (f == FMT_AUTO)
			c->o.format = FMT_TEXT;
		else if (f != FMT_TEXT && f != FMT_MAIL && f != FMT_YAML &&
		    f != FMT_ROFF) {
			warnx("%s", _("the agenda is printed as text, mail, "
			    "yaml or roff"));
			return -1;
		}
		return 0;
	}
	return -1;
}

#define RECORD	OPT_IN(MODE_RECORD)
#define FLAG(c, n, h, f) { .ch = (c), .name = (n), .help = (h), \
	.modes = RECORD, .kind = OPT_FLAG, .off = offsetof(struct cmd, f) }

static const struct opt table[] = {
	{ .ch = 'u', .name = "update", .help = OPT_UPDATE_HELP,
	  .modes = RECORD, .sets = RECORD },
	FLAG('r', "replace", N_("replace the minutes of a meeting recorded"),
	    replace),
	FLAG('A', "allow-names", N_("let names stand in the minutes"),
	    allow_names),
	FLAG('q', "quiet", N_("print nothing when recording"), quiet),
	{ .ch = 'l', .name = "list", .help = N_("print stored minutes"),
	  .modes = OPT_IN(MODE_LIST), .sets = OPT_IN(MODE_LIST) },
	{ .ch = 'm', .name = "meeting", .arg = N_("MEETING"),
	  .help = N_("-l: one meeting: its id, its date or last"),
	  .modes = OPT_IN(MODE_LIST), .kind = OPT_STRING,
	  .off = offsetof(struct cmd, meeting) },
	{ .ch = 'V', .name = "view", .arg = N_("VIEW"),
	  .help = N_("-l: meetings, attendance, themes or actions"),
	  .modes = OPT_IN(MODE_LIST), .kind = OPT_STRING,
	  .off = offsetof(struct cmd, view) },
	{ .ch = 'a', .name = "agenda",
	  .help = N_("print the agenda of the next meeting"),
	  .modes = OPT_IN(MODE_AGENDA), .sets = OPT_IN(MODE_AGENDA) },
	OPT_TO(OPT_IN(MODE_LIST) | OPT_IN(MODE_AGENDA),
	    N_("-f mail: a recipient (again for more)")),
	OPT_DB(OPT_ANY),
	OPT_NETWORK(OPT_ANY),
	OPT_FORMAT(OPT_ANY),
	OPT_INPUT(RECORD),
	OPT_DRY_RUN(RECORD),
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[MODE_RECORD] = { OPT_MANY, NULL }, [MODE_LIST] = { OPT_NONE, NULL },
	[MODE_AGENDA] = { OPT_NONE, NULL }
};

static const struct opt_cmd cmdline = {
	.name = "meet-minutes",
	/*
	 * TRANSLATORS: the synopsis of meet-minutes(1).  Keep the command
	 * name, the option letters and their order; the words for what an
	 * option takes (db, network, format, file, meeting, view) may be
	 * translated.  The lines after the first are indented to stand under
	 * the command name: indent them by the width of your "usage: ".
	 */
	.synopsis = N_("usage: meet-minutes [-NqrAu] [-d db] [-n network] "
	    "[-f format] [-F format] [file ...]\n"
	    "       meet-minutes -l [-d db] [-n network] [-f format] "
	    "[-m meeting] [-V view]\n"
	    "       meet-minutes -a [-d db] [-n network] [-f format]\n"),
	.opts = table, .modes = modes, .nmodes = MODE_AGENDA + 1,
	.initial = MODE_RECORD, .check = check
};

int
main(int argc, char *argv[])
{
	struct cmd c;
	struct ally_error e = { 0, "" };
	int m, rc;

	memset(&c, 0, sizeof(c));
	ally_i18n_init();
	ally_opts_init(&c.o);
	if ((rc = opt_parse(&cmdline, &argc, &argv, &c, &c.o, &m, &e)) !=
	    OPT_RUN) {
		if (e.msg[0] != '\0')
			warnx("%s", e.msg);
		return opt_exit(&cmdline, rc, &e);
	}
	if (c.mode == MODE_LIST)
		rc = list_minutes(&c, &e);
	else if (c.mode == MODE_AGENDA)
		rc = print_agenda(&c, &e);
	else
		rc = record_minutes(&c, argv, argc, &e);
	if (rc == 0 && ally_close_stdout(&e) != 0)
		rc = -1;
	if (rc != 0) {
		warnx("%s", e.msg);
		return e.code ? e.code : EX_SOFTWARE;
	}
	return 0;
}
