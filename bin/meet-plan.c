/*
 * meet-plan: plan the meetings of an Allies network, rotate where they
 * are held and who chairs them, and send the invitations.
 *
 * A series is planned for a year or a period (-y, -s/-e); --next keeps
 * one meeting planned after the last one held, for cron; --invite prints
 * the invitations of the coming days for mail(1), or with -f mail as a
 * whole message with the calendar attached, for sendmail -t.  Meetings,
 * venues and blackout periods are records: list, edit, feed back (-l,
 * -u, -V).
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

enum mode { M_NONE, M_PLAN, M_LIST, M_UPDATE, M_VENUES, M_NEXT, M_INVITE,
    M_SETTINGS, M_CHECK };

#define NOTHING_TO_SAY	1	/* --next, --invite, --check: exit status */

struct opts {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 list, per_year, quiet, invite_days, notice;
	int			 per_year_given;
	int			 letter;	/* the invitation text */
	int			 said;		/* --next, --invite: news */
	const char		*year, *start, *end, *organizer;
	struct plan_schedule	 sched;		/* -w, -t, -D */
	char			**blackout_files;
	int			 nblackout_files;
	char			**files;	/* -u, -V: the operands */
	int			 nfiles;
	struct blackouts	 blackouts;
	struct plan		 shown;		/* -l, -i: the period */
};

/* ---- output ------------------------------------------------------------- */

static int
put_meetings(const struct opts *op, const struct meeting *v, size_t n,
    const char *const *cols, struct ally_error *err)
{
	if (op->o.format == FMT_ICS)
		return ical_write(stdout, v, n, op->organizer, err);
	if (op->letter)
		return invite_write(stdout, v, n, FMT_TEXT, err);
	if (op->o.format == FMT_MAIL)
		return invite_mail(stdout, v, n, op->organizer, op->o.to,
		    op->o.nto, err);
	return meetings_write(stdout, op->o.format, cols, v, n, err);
}

/* ---- the modes ---------------------------------------------------------- */

/* The period of -y, or -s and -e: a plan of it and nothing else yet. */
static int
period(const struct opts *op, struct plan *p, struct ally_error *err)
{
	memset(p, 0, sizeof(*p));
	return plan_period(p, op->year, op->start, op->end, op->per_year,
	    err);
}

static int
plan_series(struct opts *op, struct ally_error *err)
{
	struct ally_session s;
	struct plan p;
	struct meeting *v = NULL;
	size_t n = 0;
	int rc = -1, past;

	if (period(op, &p, err) != 0)
		return -1;
	p.blackouts = &op->blackouts;
	p.notice = op->notice;
	if (session_open(&s, &op->o, SESSION_OWN_FORMAT | SESSION_QUIET,
	    warnx, err) == 0 && plan_series_apply(&s, &p, &op->sched, &v, &n,
	    &past, err) == 0 && (op->quiet || put_meetings(op, v, n,
	    plan_columns, err) == 0) && session_commit(&s, err) == 0) {
		plan_series_warn(&s, &p, v, n, past);
		rc = 0;
	}
	session_close(&s);
	free(v);
	return rc;
}

/* -x keeps one meeting planned per network; -u applies meeting records. */
static int
plan_batch(struct opts *op, struct ally_error *err)
{
	struct ally_session s;
	struct meeting_batch b;
	struct plan p;
	int rc = -1, next = op->mode == M_NEXT;

	memset(&p, 0, sizeof(p));
	memset(&b, 0, sizeof(b));
	b.s = &s;
	b.p = &p;
	if (session_open(&s, &op->o, SESSION_OWN_FORMAT | SESSION_QUIET |
	    (next ? SESSION_NO_NETWORK : 0), warnx, err) != 0)
		goto out;
	p.today = s.today;
	p.count = op->per_year;
	p.notice = op->notice;
	p.blackouts = &op->blackouts;
	if ((next ? meeting_batch_networks(&b, op->o.network, err) :
	    session_apply(&s, op->files, op->nfiles, meeting_batch_apply, &b,
	    err) || meeting_batch_follow(&b, &s.net, err)) != 0 ||
	    (!op->quiet && put_meetings(op, b.v, b.n, next ? plan_columns :
	    plan_update_columns, err) != 0) ||
	    session_commit(&s, err) != 0)
		goto out;
	op->said = b.n > 0 || b.warned > 0 || !next;
	rc = 0;
out:
	session_close(&s);
	free(b.v);
	return rc;
}

/* -l the meetings of a period; -i the invitations of the coming days. */
static int
show_meetings(struct ally_session *s, void *arg, struct ally_error *err)
{
	struct opts *op = arg;
	struct meeting *v = NULL;
	size_t n = 0;
	int rc = -1;

	if (op->mode == M_CHECK)
		return plan_check(s, op->o.network, stdout, &op->said, err);
	if (op->mode == M_INVITE) {
		op->shown.from = s->today;
		op->shown.to = s->today + op->invite_days - 1;
	}
	if (meeting_list(s->db, &s->net, op->shown.from, op->shown.to, &v, &n,
	    err) == 0) {
		if (op->mode == M_INVITE)
			op->said = (n = invite_due(v, n)) > 0;
		rc = put_meetings(op, v, n, meeting_fields, err);
	}
	free(v);
	return rc;
}

static int
show(struct opts *op, struct ally_error *err)
{
	if (op->mode == M_LIST && period(op, &op->shown, err) != 0)
		return -1;
	return session_read(&op->o, SESSION_SNAPSHOT | (op->mode == M_CHECK ?
	    SESSION_NO_NETWORK : 0), warnx, show_meetings, op, err);
}

/* -V: read venues and report the ones that changed; -V -l: list them. */
static int
venues(struct opts *op, struct ally_error *err)
{
	struct ally_session s;
	struct venue_batch b;
	struct record **all = NULL;
	size_t nall = 0;
	int rc = -1;

	memset(&b, 0, sizeof(b));
	b.s = &s;
	/* Report every venue as stored, with what changed. */
	if (session_open(&s, &op->o, op->list ? SESSION_READ |
	    SESSION_SNAPSHOT : SESSION_QUIET, warnx, err) != 0 || (!op->list &&
	    session_apply(&s, op->files, op->nfiles, venue_batch_apply, &b,
	    err) != 0) || venue_list(s.db, &s.net, &all, &nall, err) != 0)
		goto out;
	if (op->list)
		rc = records_write(op->o.format, 0, all, nall, venue_fields,
		    err);
	else if (venue_batch_report(&b, all, &nall, err) == 0 &&
	    (op->quiet || records_write(op->o.format, 0, all, nall,
	    plan_venue_columns, err) == 0))
		rc = session_commit(&s, err);
out:
	session_close(&s);
	venue_batch_free(&b);
	privacy_records_free(all, nall);
	return rc;
}

static int
settings(struct opts *op, struct ally_error *err)
{
	struct ally_session s;
	struct record *r = NULL;
	int rc = -1, changed = 0;

	if (session_open(&s, &op->o, op->quiet ? SESSION_QUIET : 0, warnx,
	    err) != 0 || plan_schedule_apply(&s, &op->sched, &changed,
	    err) != 0)
		goto out;
	s.columns = plan_schedule_columns;
	if ((r = plan_schedule_record(&s.net, changed)) == NULL)
		ally_errorf(err, EX_OSERR, "out of memory");
	else if (session_result(&s, r, err) == 0)
		rc = session_finish(&s, err);
out:
	record_free(r);
	session_close(&s);
	return rc;
}

static int (*const run[])(struct opts *, struct ally_error *) = {
	[M_PLAN] = plan_series, [M_LIST] = show,
	[M_UPDATE] = plan_batch, [M_VENUES] = venues,
	[M_NEXT] = plan_batch, [M_INVITE] = show,
	[M_SETTINGS] = settings, [M_CHECK] = show
};

/* ---- the command line --------------------------------------------------- */

static int
parse_number(const char *opt, const char *arg, long long min, long long max,
    int *out, struct ally_error *err)
{
	long long v;

	if (parse_int(arg, min, max, &v) != 0) {
		ally_errorf(err, EX_USAGE, "%s: '%s': expected a number from "
		    "%lld to %lld", opt, arg, min, max);
		return OPT_USAGE;
	}
	*out = (int)v;
	return 0;
}

static int
option(void *base, int ch, const char *arg, struct ally_error *e)
{
	struct opts *op = base;
	char **nb;

	switch (ch) {
	case 'm':
		/* The range is checked below, with the method's why. */
		op->per_year_given = 1;
		return parse_number("--meetings", arg, 0, 366, &op->per_year,
		    e);
	case 'b':
		nb = reallocarray(op->blackout_files, op->nblackout_files + 1,
		    sizeof(*nb));
		if (nb == NULL)
			err(EX_OSERR, NULL);
		op->blackout_files = nb;
		nb[op->nblackout_files++] = (char *)arg;
		return 0;
	case 'D':
		return parse_number("--duration", arg, 30, 720,
		    &op->sched.duration, e);
	case 'i':
		return parse_number("--invite", arg, 1, 366, &op->invite_days,
		    e);
	case 'k':
		return parse_number("--notice", arg, 1, 366, &op->notice, e);
	}
	return 0;
}

/* What the table cannot say: the period, the count, the formats. */
static int
check(void *base, int mode, int nargs, char **args, struct ally_error *err)
{
	struct opts *op = base;
	enum format f = op->o.format;

	(void)args;
	op->mode = mode;
	if (op->per_year_given && plan_per_year_check(op->per_year, err) != 0)
		return -1;
	if (op->end != NULL && op->start == NULL)
		return ally_errorf(err, EX_USAGE, "--end needs --start");
	if (op->year != NULL && op->start != NULL)
		return ally_errorf(err, EX_USAGE, "give --year or --start, not "
		    "both");
	if (mode == M_VENUES && op->list && nargs > 0)
		return ally_errorf(err, EX_USAGE, "files are read with -u or "
		    "-V only");
	if (op->o.dry_run && mode == M_VENUES && op->list)
		return ally_errorf(err, EX_USAGE, "-N is for commands that "
		    "write");
	if (mode == M_CHECK && f != FMT_AUTO && f != FMT_TEXT)
		return ally_errorf(err, EX_USAGE, "--check prints text");
	if ((f == FMT_ICS || f == FMT_MAIL) && (mode == M_VENUES ||
	    mode == M_SETTINGS))
		return ally_errorf(err, EX_USAGE, "-f %s is for meetings",
		    format_name(f));
	if (op->o.nto > 0 && f != FMT_MAIL)
		return ally_errorf(err, EX_USAGE, "--to addresses a message: "
		    "-f mail");
	if (f == FMT_MAIL && invite_organizer_check(op->organizer, err) != 0)
		return -1;
	/* -i alone prints the invitation text, for mail(1). */
	op->letter = f == FMT_AUTO && mode == M_INVITE;
	/* The check's lines are text: shown, not sent (opt_main escapes). */
	if (f == FMT_AUTO)
		op->o.format = mode == M_INVITE ? FMT_MAIL :
		    mode == M_CHECK ? FMT_TEXT : FMT_YAML;
	if (f == FMT_SVG || f == FMT_VCARD || f == FMT_ROFF)
		return ally_errorf(err, EX_USAGE, "-f %s: meetings are written "
		    "as yaml, csv, text, ics or mail", format_name(f));
	return 0;
}

#define PLAN	OPT_IN(M_PLAN)
#define PERIOD	(PLAN | OPT_IN(M_LIST))
#define SCHEDULE (PLAN | OPT_IN(M_SETTINGS))
#define WRITING	(OPT_ANY & ~(OPT_IN(M_LIST) | OPT_IN(M_INVITE) | \
	OPT_IN(M_CHECK)))
#define PERIOD_OPT(c, n, a, h, f) { .ch = (c), .name = (n), .arg = (a), \
	.help = (h), .modes = PERIOD, .implies = PLAN, .kind = OPT_STRING, \
	.off = offsetof(struct opts, f), \
	.refuse = N_("--year and --start choose the period to plan or list") }
#define SCHEDULE_OPT(c, n, a, h, k, f) { .ch = (c), .name = (n), \
	.arg = (a), .help = (h), .modes = SCHEDULE, \
	.implies = OPT_IN(M_SETTINGS), .kind = (k), .off = (f), \
	.refuse = N_("-w, -t and -D set the schedule when planning (or with " \
	"-S)") }
#define NO_FILES { OPT_NONE, NULL, N_("files are read with -u or -V only") }

/* -l first: with -y or -s it lists the period rather than plan it. */
static const struct opt table[] = {
	{ .ch = 'l', .name = "list", .help = N_("list the meetings (or venues)"),
	  .modes = OPT_IN(M_LIST) | OPT_IN(M_VENUES),
	  .implies = OPT_IN(M_LIST), .kind = OPT_FLAG,
	  .off = offsetof(struct opts, list),
	  .refuse = N_("-l lists meetings, or venues with -V") },
	PERIOD_OPT('y', "year", N_("YEAR"),
	    N_("plan (or list) the meetings of a year"), year),
	PERIOD_OPT('s', "start", N_("DATE"), N_("plan (or list) from this "
	    "date"), start),
	PERIOD_OPT('e', "end", N_("DATE"), N_("with -s: up to this date"), end),
	OPT_VALUE('m', "meetings", N_("COUNT"), N_("meetings a year (6)"),
	    PLAN | OPT_IN(M_NEXT)),
	OPT_VALUE('k', "notice", N_("DAYS"), N_("days' notice a new meeting "
	    "needs (21)"), PLAN | OPT_IN(M_NEXT)),
	{ .ch = 'b', .name = "blackouts", .arg = N_("FILE"),
	  .help = N_("periods without meetings (again for more)"),
	  .modes = PLAN | OPT_IN(M_NEXT),
	  .refuse = N_("-b gives blackouts for planning (-y, -s or -x)") },
	SCHEDULE_OPT('w', "weekdays", N_("WEEKDAYS"),
	    N_("the days a meeting may fall on"), OPT_STRING,
	    offsetof(struct opts, sched.weekdays)),
	SCHEDULE_OPT('t', "time", N_("TIME"), N_("the time meetings start"),
	    OPT_STRING, offsetof(struct opts, sched.time)),
	SCHEDULE_OPT('D', "duration", N_("MINUTES"),
	    N_("how long a meeting lasts"), OPT_CALL, 0),
	OPT_MODE('x', "next", N_("keep one meeting planned after the last "
	    "held"), M_NEXT),
	{ .ch = 'i', .name = "invite", .arg = N_("DAYS"),
	  .help = N_("the invitations of the coming days"),
	  .modes = OPT_IN(M_INVITE), .sets = OPT_IN(M_INVITE) },
	OPT_MODE('u', "update", OPT_UPDATE_HELP, M_UPDATE),
	OPT_MODE('V', "venues", N_("the venues: read them, or list"),
	    M_VENUES),
	OPT_MODE('S', "settings", N_("store the schedule (-w, -t, -D)"),
	    M_SETTINGS),
	OPT_MODE('C', "check", N_("what to see to for the meetings to go on"),
	    M_CHECK),
	OPT_STRING_AT('o', "organizer", N_("ORGANIZER"),
	    N_("who sends the invitations"), OPT_ANY, struct opts, organizer),
	OPT_FLAG_AT('q', "quiet", N_("print nothing when writing"), OPT_ANY,
	    struct opts, quiet),
	OPT_TO(OPT_ANY, N_("-f mail: a recipient (again for more)")),
	OPT_DB(OPT_ANY), OPT_NETWORK(OPT_ANY), OPT_FORMAT(OPT_ANY),
	OPT_INPUT(OPT_ANY),
	OPT_DRY_RUN_ELSE(WRITING, N_("-N is for commands that write")),
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[M_PLAN] = NO_FILES, [M_LIST] = NO_FILES, [M_NEXT] = NO_FILES,
	[M_INVITE] = NO_FILES, [M_SETTINGS] = NO_FILES, [M_CHECK] = NO_FILES,
	[M_UPDATE] = { OPT_MANY, NULL, NULL },
	[M_VENUES] = { OPT_MANY, NULL, NULL },
};

static const struct opt_cmd cmdline = {
	.name = "meet-plan",
	/*
	 * TRANSLATORS: the synopsis of meet-plan(1).  Keep the command name,
	 * the option letters and their order; the words for what an option
	 * takes (db, network, format, count, file, weekdays, time, minutes,
	 * year, date, days, organizer, address) may be translated.  The
	 * lines after the first are indented to stand under the command
	 * name or its options: widen them by the width of your "usage: ".
	 */
	.synopsis = N_("usage: meet-plan [-Nq] [-d db] [-n network] "
	    "[-f format] [-m count] [-k days]\n"
	    "                 [-b file] [-w weekdays] [-t time] [-D minutes] "
	    "(-y year | -s date [-e date])\n"
	    "       meet-plan -x [-Nq] [-d db] [-n network] [-f format] "
	    "[-m count] [-k days] [-b file]\n"
	    "       meet-plan -i days [-d db] [-n network] [-f format] "
	    "[-o organizer]\n"
	    "                 [--to address]\n"
	    "       meet-plan -l [-d db] [-n network] [-f format] "
	    "[-o organizer] [-y year | -s date [-e date]]\n"
	    "       meet-plan -u [-Nq] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       meet-plan -V [-l] [-Nq] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       meet-plan -S [-N] [-d db] [-n network] [-w weekdays] "
	    "[-t time] [-D minutes]\n"
	    "       meet-plan -C [-d db] [-n network]\n"),
	OPT_TABLES(table, modes),
	.initial = -1,
	.no_mode = N_("nothing to do: plan with -y or -s, or choose -x, -i, "
	    "-l, -u, -V, -S or -C"),
	.two_modes = N_("choose one of -y/-s (plan), -x, -i, -l, -u, -V, -S, "
	    "-C"),
	.value_usage = 1, .call = option, .check = check
};

int
main(int argc, char *argv[])
{
	struct opts op = { .per_year = MEETING_DEFAULT_PER_YEAR, .said = 1,
	    .notice = PLAN_NOTICE_DAYS };
	struct ally_error e = { 0, "" };
	int m, rc;

	if ((rc = opt_main(&cmdline, &argc, &argv, &op, &op.o, &m, &e)) >= 0) {
		free(op.blackout_files);
		return rc;
	}
	op.files = argv;
	op.nfiles = argc;
	if (blackouts_read(op.blackout_files, op.nblackout_files, op.o.input,
	    &op.blackouts, &e) == 0)
		rc = run[op.mode](&op, &e);
	blackouts_free(&op.blackouts);
	free(op.blackout_files);
	if ((rc = opt_main_end(rc, &e)) == 0 && !op.said)
		return NOTHING_TO_SAY;
	return rc;
}
