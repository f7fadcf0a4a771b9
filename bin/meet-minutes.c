/*
 * meet-minutes: record what an allies' meeting said and agreed; print the
 * minutes for the records, for mail or for print; set out the agenda of
 * the next meeting with what it carries over.
 *
 * Recording reads minutes records (one YAML document per meeting) and
 * stores them in one transaction: all of them or none.  -l prints stored
 * minutes back in the same shape, so that "print, edit, feed back with
 * -r" corrects them.  -a prints the agenda of the next planned meeting.
 * -t takes the topics members propose for it (or for later), -T lists
 * them; minutes mark them discussed.  -y takes the members' replies to
 * the dinner, -Y lists them (never the diets); -c prints the note for
 * the caterer: the count and the diets, nothing else; -b the briefing
 * for the chair of the next meeting.
 * Members appear by alias only; names and phone numbers never.
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"


enum mode { MODE_RECORD, MODE_LIST, MODE_AGENDA, MODE_TOPIC, MODE_TOPICS,
	MODE_REPLY, MODE_REPLIES, MODE_CATERER, MODE_BRIEFING };

struct cmd {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 replace, allow_names, quiet;
	const char		*meeting;
	const char		*view;
	enum minutes_view	 v;
	struct record_mode	 tm;	/* -t, -T */
	struct record_mode	 rm;	/* -y, -Y */
};

/* ---- recording ---------------------------------------------------------- */

struct run {
	struct ally_session	 s;
	struct minutes		*mi;
};

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct run *run = arg;
	struct record *s = NULL;
	int rc = minutes_apply(run->mi, r, &s, err) != 0 ? -1 :
	    session_result(&run->s, s, err);

	record_free(s);
	return rc;
}

static int
record_minutes(struct cmd *c, char **files, int nfiles,
    struct ally_error *err)
{
	int rc = -1, flags = 0;
	struct run run;
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
	rc = 0;
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
			if (minutes_doc_put(stdout, m, 0, &c->o, i > 0 ?
			    DOC_CONTINUED : 0, err) != 0) {
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
	struct meeting *v = NULL;
	size_t i, n = 0;
	char d[11];
	int rc = 0;

	if (open_for_reading(c, &s, err) != 0)
		return -1;
	/* The agenda is of the next meeting: one passed unrecorded is said. */
	if ((a = minutes_agenda(s.db, &s.net, s.today, err)) != NULL &&
	    continuity_passed(s.db, &s.net, s.today, &v, &n, err) != 0) {
		record_free(a);
		a = NULL;
	}
	for (i = 0; i < n; i++) {
		date_format(v[i].date, d);
		warnx(_("the meeting of %s (id %lld) passed without minutes: "
		    "record them (meet-minutes) or cancel it (meet-plan -u)"),
		    d, v[i].id);
	}
	free(v);
	session_close(&s);
	if (a == NULL)
		return -1;
	if (c->o.format == FMT_YAML)
		rc = records_write(FMT_YAML, WRITER_YAML_DOCS, &a, 1, NULL,
		    err);
	else
		rc = minutes_doc_put(stdout, a, 1, &c->o, 0, err);
	record_free(a);
	return rc;
}

/* ---- options ------------------------------------------------------------ */

#define FMT_BIT(f)	(1u << (f))

/* Each mode's formats: the default and those it prints. */
static const struct {
	enum format	 dflt;
	unsigned	 allowed;
	const char	*refuse;
} formats[] = {
	[MODE_RECORD] = { FMT_YAML, FMT_BIT(FMT_YAML) | FMT_BIT(FMT_CSV) |
	    FMT_BIT(FMT_TEXT),
	    /* TRANSLATORS: yaml, csv, text: formats (-f). */
	    N_("recording reports as yaml, csv or text") },
	[MODE_LIST] = { FMT_YAML, FMT_BIT(FMT_YAML) | FMT_BIT(FMT_CSV) |
	    FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_MAIL) | FMT_BIT(FMT_ROFF),
	    N_("minutes are printed as yaml, csv, text, mail or roff") },
	[MODE_AGENDA] = { FMT_TEXT, FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_MAIL) |
	    FMT_BIT(FMT_YAML) | FMT_BIT(FMT_ROFF),
	    N_("the agenda is printed as text, mail, yaml or roff") },
	[MODE_TOPIC] = { FMT_YAML, FMT_BIT(FMT_YAML) | FMT_BIT(FMT_CSV) |
	    FMT_BIT(FMT_TEXT), N_("recording reports as yaml, csv or text") },
	[MODE_TOPICS] = { FMT_YAML, FMT_BIT(FMT_YAML) | FMT_BIT(FMT_CSV) |
	    FMT_BIT(FMT_TEXT), N_("topics are printed as yaml, csv or text") },
	[MODE_REPLY] = { FMT_YAML, FMT_BIT(FMT_YAML) | FMT_BIT(FMT_CSV) |
	    FMT_BIT(FMT_TEXT), N_("recording reports as yaml, csv or text") },
	[MODE_REPLIES] = { FMT_YAML, FMT_BIT(FMT_YAML) | FMT_BIT(FMT_CSV) |
	    FMT_BIT(FMT_TEXT), N_("replies are printed as yaml, csv or text") },
	[MODE_CATERER] = { FMT_TEXT, FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_MAIL) |
	    FMT_BIT(FMT_ROFF),
	    N_("the caterer's note is printed as text, mail or roff") },
	[MODE_BRIEFING] = { FMT_TEXT, FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_MAIL) |
	    FMT_BIT(FMT_ROFF),
	    N_("the briefing is printed as text, mail or roff") }
};

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
			warnx(_("--view: '%.64s' is not one of meetings, "
			    "attendance, themes, actions"), c->view);
			return -1;
		}
		c->v = (enum minutes_view)i;
	}
	if (f == FMT_AUTO)
		c->o.format = formats[mode].dflt;
	else if ((formats[mode].allowed & FMT_BIT(f)) == 0) {
		warnx("%s", _(formats[mode].refuse));
		return -1;
	}
	if (mode == MODE_LIST && f == FMT_ROFF && c->view != NULL) {
		warnx("%s", _("-f roff prints whole minutes, not a view"));
		return -1;
	}
	if (mode == MODE_LIST && f == FMT_MAIL && (c->view != NULL ||
	    c->meeting == NULL)) {
		warnx("%s", _("-f mail holds one meeting's minutes: choose it "
		    "with -m ID, -m DATE or -m last"));
		return -1;
	}
	return 0;
}

#define RECORD	OPT_IN(MODE_RECORD)
#define LIST	OPT_IN(MODE_LIST)
#define TOPIC	OPT_IN(MODE_TOPIC)
#define REPLY	OPT_IN(MODE_REPLY)
#define FLAG(c, n, h, m, f)	OPT_FLAG_AT(c, n, h, m, struct cmd, f)

static const struct opt table[] = {
	OPT_MODE('u', "update", OPT_UPDATE_HELP, MODE_RECORD),
	FLAG('r', "replace", N_("replace the minutes of a meeting recorded"),
	    RECORD, replace),
	FLAG('A', "allow-names", N_("let names stand in the minutes"),
	    RECORD | TOPIC, allow_names),
	FLAG('q', "quiet", N_("print nothing when recording"), RECORD | TOPIC |
	    REPLY, quiet),
	OPT_MODE('l', "list", N_("print stored minutes"), MODE_LIST),
	OPT_STRING_AT('m', "meeting", N_("MEETING"), N_("-l: one meeting: its "
	    "id, its date or last"), LIST, struct cmd, meeting),
	OPT_STRING_AT('V', "view", N_("VIEW"), N_("-l: meetings, attendance, "
	    "themes or actions"), LIST, struct cmd, view),
	OPT_MODE('a', "agenda", N_("print the agenda of the next meeting"),
	    MODE_AGENDA),
	OPT_MODE('t', "topic", N_("propose the topics read for the agenda"),
	    MODE_TOPIC),
	OPT_MODE('T', "topics", N_("list the topics proposed"), MODE_TOPICS),
	OPT_MODE('y', "reply", N_("record the replies read: who comes to "
	    "dinner"), MODE_REPLY),
	OPT_MODE('Y', "replies", N_("list the replies (never the diets)"),
	    MODE_REPLIES),
	OPT_MODE('c', "caterer", N_("the note for the caterer: the count and "
	    "the diets"), MODE_CATERER),
	OPT_MODE('b', "briefing", N_("the briefing for the chair of the next "
	    "meeting"), MODE_BRIEFING),
	OPT_TO(LIST | OPT_IN(MODE_AGENDA) | OPT_IN(MODE_CATERER) |
	    OPT_IN(MODE_BRIEFING),
	    N_("-f mail: a recipient (again for more)")),
	OPT_DB(OPT_ANY), OPT_NETWORK(OPT_ANY), OPT_FORMAT(OPT_ANY),
	OPT_INPUT(RECORD | TOPIC | REPLY),
	OPT_DRY_RUN(RECORD | TOPIC | REPLY), { .ch = 0 }
};

static const struct opt_mode modes[] = { [MODE_RECORD] = { OPT_MANY, NULL },
	[MODE_LIST] = { OPT_NONE, NULL }, [MODE_AGENDA] = { OPT_NONE, NULL },
	[MODE_TOPIC] = { OPT_MANY, NULL }, [MODE_TOPICS] = { OPT_NONE, NULL },
	[MODE_REPLY] = { OPT_MANY, NULL }, [MODE_REPLIES] = { OPT_NONE, NULL },
	[MODE_CATERER] = { OPT_NONE, NULL },
	[MODE_BRIEFING] = { OPT_NONE, NULL } };

static const struct opt_cmd cmdline = {
	.name = "meet-minutes", .opts = table, .modes = modes,
	.nmodes = MODE_BRIEFING + 1, .initial = MODE_RECORD, .check = check,
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
	    "       meet-minutes -a [-d db] [-n network] [-f format]\n"
	    "       meet-minutes -t [-NqA] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       meet-minutes -T [-d db] [-n network] [-f format]\n"
	    "       meet-minutes -y [-Nq] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       meet-minutes -Y [-d db] [-n network] [-f format]\n"
	    "       meet-minutes -c [-d db] [-n network] [-f format]\n"
	    "       meet-minutes -b [-d db] [-n network] [-f format]\n")
};

int
main(int argc, char *argv[])
{
	struct ally_error e = { 0, "" };
	struct cmd c;
	int m, rc;

	memset(&c, 0, sizeof(c));
	if ((rc = opt_main(&cmdline, &argc, &argv, &c, &c.o, &m, &e)) >= 0)
		return rc;
	c.tm = (struct record_mode){ .o = &c.o, .quiet = c.quiet,
	    .allow_names = c.allow_names, .command = "meet-minutes",
	    .what = "topics proposed", .names_what = "member names let "
	    "through in topics", .apply = topic_apply, .query = topic_query,
	    .row = topic_record, .columns = topic_fields };
	c.rm = (struct record_mode){ .o = &c.o, .quiet = c.quiet,
	    .command = "meet-minutes", .what = "replies to a dinner",
	    .names_what = "", .apply = reply_apply, .query = reply_query,
	    .row = reply_record, .columns = reply_listed };
	if (c.mode == MODE_TOPIC || c.mode == MODE_REPLY)
		rc = record_mode_add(c.mode == MODE_TOPIC ? &c.tm : &c.rm, argv,
		    argc, warnx, &e);
	else if (c.mode == MODE_TOPICS || c.mode == MODE_REPLIES)
		rc = session_read(&c.o, 0, warnx, record_mode_list,
		    c.mode == MODE_TOPICS ? &c.tm : &c.rm, &e);
	else if (c.mode == MODE_CATERER)
		rc = session_read(&c.o, 0, warnx, caterer_print, &c.o, &e);
	else if (c.mode == MODE_BRIEFING)
		rc = session_read(&c.o, 0, warnx, briefing_print, &c.o, &e);
	else if (c.mode == MODE_LIST)
		rc = list_minutes(&c, &e);
	else if (c.mode == MODE_AGENDA)
		rc = print_agenda(&c, &e);
	else
		rc = record_minutes(&c, argv, argc, &e);
	return opt_main_end(rc, &e);
}
