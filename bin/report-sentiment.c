/*
 * report-sentiment: the tension thermometer.
 *
 * With -r it records signals (a crisis call round, themes from minutes)
 * in one transaction.  Otherwise it reports: by default the thermometer
 * (each theme's latest reading and how it moved), with -b the table of
 * themes by period, with -a the early warnings (for cron: silent and
 * status 1 when there is none), with -l the signals themselves.  -g
 * rolls up every network of one or more files into aggregates that name
 * no one, from databases or from the exports that -x writes.  -p is
 * the picture for the crisis organisation.  -f svg draws the period
 * table as a heat map.
 */
#include <ctype.h>
#include <err.h>
#include <unistd.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

#define MAX_DBS		64

enum mode { M_THERMOMETER = THERMOMETER_LATEST,
	M_PERIODS = THERMOMETER_PERIODS, M_ALERTS = THERMOMETER_ALERTS,
	M_LIST = THERMOMETER_SIGNALS, M_RECORD, M_PICTURE, M_EXPORT };

struct ctx {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 quiet, by_given, allow_names, no_summaries;
	int			 record_u;	/* -u, not -r: see check */
	struct thermometer	 t;
	const char		*since_arg, *until_arg;
	day_t			 today;
	const char		*dbs[MAX_DBS];
	int			 ndbs;
	char			**exports;	/* -g: operands not databases */
	int			 nexports;
};

/* ---- reports ------------------------------------------------------------ */

/* -g over exports (and databases), -x and -p. */
static int
report_more(struct ctx *c, long *printed, struct ally_error *err)
{
	struct aggregate_set as;
	int rc;

	memset(&as, 0, sizeof(as));
	if (c->nexports > 0) {
		if (c->o.format == FMT_SVG || c->since_arg != NULL ||
		    c->until_arg != NULL)
			return ally_errorf(err, EX_USAGE, "%s", _("exports are "
			    "rolled up as yaml, csv, text or roff, and cut by "
			    "-s and -U when they are made (-x)"));
		rc = aggregate_load(&c->t, &as, &c->o, c->dbs, c->ndbs,
		    c->exports, c->nexports, warnx, err);
		if (rc == 0)
			rc = thermometer_print(stdout, &c->t,
			    (enum thermometer_view)c->mode, c->o.format,
			    printed, err);
		aggregate_set_free(&as);
		return rc;
	}
	if (thermometer_load(&c->t, &c->o, c->dbs, c->ndbs, warnx, err) != 0)
		return -1;
	if (c->mode == M_EXPORT)
		return aggregate_write(stdout, &c->t, c->o.format, printed, err);
	return picture_print(stdout, &c->t, &c->o, c->dbs, c->ndbs,
	    c->no_summaries ? PICTURE_NO_SUMMARIES : 0, warnx, err);
}

static int
report(struct ctx *c, long *printed, struct ally_error *err)
{
	c->t.human = c->o.format == FMT_TEXT;
	c->t.since_given = c->since_arg != NULL;
	if (c->nexports > 0 || c->mode >= M_PICTURE)
		return report_more(c, printed, err);
	if (thermometer_load(&c->t, &c->o, c->dbs, c->ndbs, warnx, err) != 0)
		return -1;
	return thermometer_print(stdout, &c->t, (enum thermometer_view)c->mode,
	    c->o.format, printed, err);
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

static int
resolve_dates(struct ctx *c, struct ally_error *err)
{
	if (date_now(&c->today, &c->t.now_minute, err) != 0)
		return -1;
	c->t.until = c->today;
	c->t.now_day = c->today;
	if (c->until_arg != NULL && opt_date("--until", c->until_arg,
	    &c->t.until, err) != 0)
		return -1;
	/* As on an earlier day: the window ends with that day. */
	if (c->t.until < c->today) {
		c->t.now_day = c->t.until;
		c->t.now_minute = 23 * 60 + 59;
	}
	/* Alerts look at the last week unless told: a weekly cron job. */
	c->t.since = c->mode == M_ALERTS ? c->t.until - 6 : LONG_MIN / 2;
	if (c->since_arg != NULL && date_parse_since(c->since_arg, c->t.until,
	    &c->t.since) != 0)
		return ally_errorf(err, EX_USAGE, "--since: '%s' is neither a "
		    "date (YYYY-MM-DD) nor a number of days (7d)",
		    c->since_arg);
	if (c->t.since > c->t.until)
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
			    date_parse_since(args[i], 0, &d) == 0) &&
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
	if (!c->t.rollup && (nargs > 0 || c->ndbs > 1))
		return _("several databases or operands: only with -g");
	if (c->t.rollup && c->o.network != NULL)
		return _("-g takes every network; -n chooses one");
	if (c->mode == M_PICTURE && c->o.format == FMT_SVG)
		return _("-p prints yaml, csv, text, mail or roff");
	if (c->o.nto > 0 && c->o.format != FMT_MAIL)
		return _("--to addresses a message: -f mail");
	if (c->mode == M_EXPORT && (c->t.by == SIGNAL_BY_MEETING ||
	    (c->o.format != FMT_AUTO && c->o.format != FMT_YAML &&
	    c->o.format != FMT_CSV)))
		return _("-x exports by month or quarter, as yaml or csv");
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
	if (c->mode == M_PERIODS && c->t.rollup && c->t.by == SIGNAL_BY_MEETING)
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
		if (parse_by(arg, &c->t.by) != 0)
			rc = ally_errorf(err, EX_USAGE, "--by: '%s' is not "
			    "month, quarter or meeting", arg);
		c->by_given = 1;
		break;
	case 't':
		if (signal_valid_theme(arg) != 0)
			rc = ally_errorf(err, EX_USAGE, "--theme: '%s' is "
			    "not a theme (one lower-case word)", arg);
		c->t.theme = arg;
		break;
	case 'L':
		rc = number("--level", arg, 4, &c->t.rules.level, err);
		break;
	case 'R':
		rc = number("--rise", arg, 4, &c->t.rules.rise, err);
		break;
	case 'w':
		rc = number("--window", arg, 3660, &c->t.rules.window, err);
		break;
	case 'k':
		rc = number("--consecutive", arg, 100, &c->t.rules.consecutive,
		    err);
		break;
	case 'H':
		if ((rc = number("--hours", arg, 8760, &c->t.hours, err)) == 0 &&
		    c->t.hours == 0)
			rc = ally_errorf(err, EX_USAGE, "--hours: '%s' is not a "
			    "number from 1 to 8760", arg);
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
#define RULE(c, n, a, h)	OPT_VALUE(c, n, a, h, REPORTS)
#define DATE(c, n, a, h, f)	OPT_STRING_AT(c, n, a, h, REPORTS, \
	struct ctx, f)

static const struct opt table[] = {
	OPT_MODE('u', "update", OPT_UPDATE_HELP, M_RECORD),
	OPT_MODE('r', "record", N_("the same as -u"), M_RECORD),
	{ .ch = 'q', .name = "quiet", .help = N_("print nothing when recording"),
	  .modes = RECORD, .kind = OPT_FLAG, .off = offsetof(struct ctx, quiet),
	  .refuse = N_("-N and -q go with -r") },
	{ .ch = NAMES_OPT_ALLOW, .name = "allow-names",
	  .help = N_("let members' names through in summaries"),
	  .modes = RECORD, .kind = OPT_FLAG,
	  .off = offsetof(struct ctx, allow_names),
	  .refuse = N_("--allow-names goes with -r") },
	OPT_MODE('l', "list", N_("list the signals"), M_LIST),
	OPT_MODE('a', "alerts", N_("the early warnings"), M_ALERTS),
	{ .ch = 'b', .name = "by", .arg = N_("PERIOD"),
	  .help = N_("the themes by month, quarter or meeting"),
	  .modes = OPT_IN(M_PERIODS) | OPT_IN(M_EXPORT),
	  .implies = OPT_IN(M_PERIODS) },
	OPT_MODE('p', "picture",
	    N_("the picture for the crisis organisation"), M_PICTURE),
	OPT_FLAG_AT('S', "no-summaries", N_("-p: leave the summaries out"),
	    OPT_IN(M_PICTURE), struct ctx, no_summaries),
	OPT_TO(OPT_IN(M_PICTURE), N_("-p -f mail: a recipient (again for "
	    "more)")),
	OPT_MODE('x', "export", N_("the aggregates for a roll-up elsewhere"),
	    M_EXPORT),
	{ .ch = 'g', .name = "rollup",
	  .help = N_("every network of the databases, in aggregates"),
	  .modes = OPT_IN(M_THERMOMETER) | OPT_IN(M_PERIODS) |
	  OPT_IN(M_ALERTS) | OPT_IN(M_PICTURE) | OPT_IN(M_EXPORT),
	  .implies = OPT_IN(M_PERIODS),
	  .kind = OPT_FLAG, .off = offsetof(struct ctx, t.rollup),
	  .refuse = N_("-g rolls up the period table or the alerts") },
	RULE('t', "theme", N_("THEME"), N_("only this theme")),
	DATE('s', "since", N_("SINCE"),
	    N_("from this date, or the last days (7d)"), since_arg),
	DATE('U', "until", N_("DATE"), N_("up to this date (today)"),
	    until_arg),
	RULE('L', "level", N_("LEVEL"), N_("alert at this tension (0 to 4)")),
	RULE('R', "rise", N_("RISE"), N_("alert at a rise this steep")),
	RULE('w', "window", N_("DAYS"), N_("the days a rise is measured in")),
	RULE('k', "consecutive", N_("COUNT"),
	    N_("alert after so many tense readings in a row")),
	OPT_VALUE('H', "hours", N_("HOURS"), N_("the window of a reading "
	    "(default 72 hours)"), REPORTS & ~OPT_IN(M_LIST)),
	OPT_VALUE('d', "db", N_("FILE"),
	    N_("the database (default: $ALLY_DB; -g: again for more)"),
	    OPT_ANY),
	OPT_NETWORK(OPT_ANY), OPT_FORMAT(OPT_ANY), OPT_INPUT(RECORD),
	OPT_DRY_RUN_ELSE(RECORD, N_("-N and -q go with -r")),
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[M_THERMOMETER] = { OPT_MANY, NULL, NULL },
	[M_PERIODS] = { OPT_MANY, NULL, NULL },
	[M_ALERTS] = { OPT_MANY, NULL, NULL },
	[M_LIST] = { OPT_MANY, NULL, NULL },
	[M_RECORD] = { OPT_MANY,
	    N_("-r records signals; the report options do not apply"), NULL },
	[M_PICTURE] = { OPT_MANY, NULL, NULL },
	[M_EXPORT] = { OPT_MANY, NULL, NULL }
};

static const struct opt_cmd cmdline = {
	.name = "report-sentiment",
	OPT_TABLES(table, modes), .initial = M_THERMOMETER,
	.two_modes = N_("-r, -l, -a, -b, -p and -x exclude each other"),
	.call = option, .check = check,
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
	    "           [-t theme] [-s since] [-U until] [-H hours] "
	    "[-L level] [-R rise]\n"
	    "           [-w days] [-k count]\n"
	    "       report-sentiment -g [-a | -b period] [-f format] "
	    "[-t theme] [-s since] [-U until]\n"
	    "           [-L level] [-R rise] [-w days] [-k count] "
	    "[-d db ...] [db | export ...]\n"
	    "       report-sentiment -p [-gS] [-f format] [--to address] "
	    "[-t theme] [-s since]\n"
	    "           [-H hours] [-d db ...] [db ...]\n"
	    "       report-sentiment -x [-g] [-b period] [-f format] "
	    "[-t theme] [-s since] [-U until]\n"
	    "           [-d db ...] [db ...]\n")
};

/* -r: the signals of the files, in one transaction. */
static int
record(struct ctx *c, char **files, int nfiles, struct ally_error *err)
{
	if (date_today(&c->today, err) != 0)
		return -1;
	return signal_record_files(&c->o, files, nfiles, (c->quiet ?
	    SIGNAL_RECORD_QUIET : 0) | (c->allow_names ?
	    SIGNAL_RECORD_ALLOW_NAMES : 0), warnx, stderr, err);
}

/* The reports: with -g the operands are more databases, after -d's. */
static int
reports(struct ctx *c, char **dbs, int ndbs, long *printed,
    struct ally_error *err)
{
	int i, rc;

	c->exports = dbs;
	for (i = 0; i < ndbs; i++) {
		/* The period table of a roll-up reads exports too. */
		if (c->t.rollup && c->mode == M_PERIODS &&
		    (rc = aggregate_is_database(dbs[i], err)) <= 0) {
			if (rc < 0)
				return -1;
			dbs[c->nexports++] = dbs[i];
			continue;
		}
		if (c->ndbs == MAX_DBS)
			errx(EX_USAGE, _("at most %d databases"), MAX_DBS);
		c->dbs[c->ndbs++] = dbs[i];
	}
	if (c->t.rollup && c->ndbs == 1 && c->nexports == 0)
		c->o.db = c->dbs[0];
	if (c->ndbs == 1 && c->nexports == 0)
		c->ndbs = 0;	/* one file: the usual -d/ALLY_DB path */
	if (resolve_dates(c, err) != 0)
		return -1;
	rc = report(c, printed, err);
	thermometer_free(&c->t);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct ctx c;
	struct ally_error e = { 0, "" };
	long printed = 0;
	int m, rc;

	memset(&c, 0, sizeof(c));
	signal_rules_default(&c.t.rules);
	c.t.hours = c.t.rules.hours;
	if ((rc = opt_main(&cmdline, &argc, &argv, &c, &c.o, &m, &e)) >= 0)
		return rc;
	if (c.mode == M_RECORD)
		rc = record(&c, argv, argc, &e);
	else
		rc = reports(&c, argv, argc, &printed, &e);
	/* For cron: 1 says "no alert", and nothing was printed. */
	if ((rc = opt_main_end(rc, &e)) == 0 && c.mode == M_ALERTS &&
	    printed == 0)
		return 1;
	return rc;
}
