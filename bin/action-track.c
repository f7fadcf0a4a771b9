/*
 * action-track: the actions a network agreed on, and who delivers them.
 *
 * Without a mode it lists actions, filtered and sorted by due date, as
 * records that -u takes back: print, edit (by hand, with sed or in a
 * spreadsheet), feed back.  --done, --drop and --reopen close and reopen
 * actions by id.  --remind writes the overdue and due-soon actions as a
 * text for mail (with -f mail a whole message for sendmail -t), and
 * nothing, with exit status 1, when there are none, so that cron mails
 * only when there is something to say.
 * --reciprocity counts, per party, what was agreed and what was
 * delivered: the figure of the half-yearly review.
 */
#include <err.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ally.h"

/* --remind: this exit status says "nothing to say" (see the man page). */
#define EXIT_NOTHING	1
#define REMIND_DAYS	7

enum mode { M_LIST, M_UPDATE, M_ADD, M_DONE, M_DROP, M_REOPEN, M_REMIND,
    M_RECIPROCITY };

struct options {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 quiet, allow_names;
	const char		*status, *party, *owner;
	long long		 meeting;
	const char		*before, *after, *date, *since, *until;
	int			 overdue;
	long long		 within;	/* -1: not given */
};

static const char *const list_text_columns[] = { "id", "due", "status",
    "party", "owner", "meeting", "title", NULL };

static int
parse_date_opt(const char *opt, const char *s, day_t *d,
    struct ally_error *err)
{
	if (date_parse(s, d) != 0)
		return ally_errorf(err, EX_USAGE, "%s: '%s' is not a date "
		    "(YYYY-MM-DD)", opt, s);
	return 0;
}

/* The list filters as one action_filter. */
static int
make_filter(sqlite3 *db, const struct network *net, const struct options *op,
    day_t today, struct action_filter *f, struct ally_error *err)
{
	day_t d;
	int rc;

	memset(f, 0, sizeof(*f));
	f->status = op->status;
	f->party = op->party;
	f->meeting_id = op->meeting;
	if (op->owner != NULL) {
		if ((rc = person_by_alias(db, net->id, op->owner, &f->owner_id,
		    err)) < 0)
			return -1;
		if (rc == 0)
			return ally_errorf(err, EX_NOINPUT, "--owner: no member "
			    "%s in network %s", op->owner, net->name);
	}
	if (op->before != NULL) {
		if (parse_date_opt("--due-before", op->before, &d, err) != 0)
			return -1;
		action_filter_due_max(f, d - 1);
	}
	if (op->after != NULL) {
		if (parse_date_opt("--due-after", op->after, &d, err) != 0)
			return -1;
		action_filter_due_min(f, d + 1);
	}
	action_filter_window(f, today, op->overdue, op->within);
	return 0;
}

static struct record *
action_row(sqlite3_stmt *st, void *arg)
{
	(void)arg;
	return action_record(st);
}

static int
list_actions(const struct options *op, struct ally_error *err)
{
	struct action_filter f;
	struct ally_session ses;
	struct writer *w = NULL;
	sqlite3_stmt *st = NULL;
	day_t today;
	int rc = -1;

	if (date_today(&today, err) != 0 ||
	    session_open(&ses, &op->o, SESSION_READ, warnx, err) != 0)
		return -1;
	if (make_filter(ses.db, &ses.net, op, today, &f, err) != 0 ||
	    action_query(ses.db, &ses.net, &f, &st, err) != 0)
		goto out;
	if ((w = writer_open(stdout, op->o.format, op->o.format == FMT_TEXT ?
	    list_text_columns : action_record_fields, 0, err)) == NULL)
		goto out;
	if (db_write_rows(ses.db, st, action_row, NULL, w, err) < 0)
		goto out;
	rc = 0;
out:
	if (w != NULL && writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	sqlite3_finalize(st);
	session_close(&ses);
	return rc;
}

/* -u and -a: the records read; --done, --drop, --reopen: the ids. */
static int
change_actions(const struct options *op, char **argv, int argc,
    struct ally_error *err)
{
	static const char *const optname[] = { [M_DONE] = "--done",
	    [M_DROP] = "--drop", [M_REOPEN] = "--reopen" };
	static const char *const status[] = { [M_DONE] = "done",
	    [M_DROP] = "dropped", [M_REOPEN] = "open" };
	struct action_edit a;
	day_t d;
	int rc = -1, k;

	memset(&a, 0, sizeof(a));
	a.adding = op->mode == M_ADD;
	if (op->date != NULL && parse_date_opt("--date", op->date, &d,
	    err) != 0)
		return -1;
	if (session_open(&a.s, &op->o, op->quiet ? SESSION_QUIET : 0, warnx,
	    err) != 0)
		return -1;
	a.s.columns = action_edit_fields;
	if (session_names(&a.s, op->allow_names, "action-track",
	    "member names let through in actions", err) != 0)
		goto out;
	if (op->mode == M_UPDATE || op->mode == M_ADD) {
		if (session_apply(&a.s, argv, argc, action_edit_record, &a,
		    err) != 0)
			goto out;
	} else {
		for (k = 0; k < argc; k++)
			if (action_edit_status(&a, optname[op->mode], argv[k],
			    status[op->mode], op->date, err) != 0)
				goto out;
	}
	if (a.changes > 0 && session_audit(&a.s, "action-track",
	    "actions changed", a.changes, err) != 0)
		goto out;
	rc = session_finish(&a.s, err);
out:
	action_edit_close(&a);
	return rc;
}

/*
 * --remind: nothing, and *nothing set, when no action is due; with -f
 * mail a whole message, its subject the first line.
 */
static int
remind(const struct options *op, int *nothing, struct ally_error *err)
{
	struct ally_session ses;
	struct reminder rm;
	struct mail env;
	day_t today;
	int rc;

	if (date_today(&today, err) != 0 ||
	    session_open(&ses, &op->o, SESSION_READ, warnx, err) != 0)
		return -1;
	rc = reminder_build(&rm, ses.db, &ses.net, today, op->within, err);
	session_close(&ses);
	*nothing = rc == 0 && rm.n == 0;
	if (rc == 0 && rm.n > 0) {
		memset(&env, 0, sizeof(env));
		env.to = op->o.to;
		env.nto = op->o.nto;
		env.subject = rm.subject;
		if (op->o.format == FMT_MAIL)
			rc = doc_mail(stdout, rm.doc, &env, err);
		else
			rc = doc_write(stdout, rm.doc, FMT_TEXT, 0, err);
	}
	reminder_free(&rm);
	return rc;
}

/*
 * --reciprocity: the period defaults to the half-year that ends today;
 * records, or with -f text the table for people.
 */
static int
reciprocity(const struct options *op, struct ally_error *err)
{
	struct reciprocity rp;
	struct ally_session ses;
	day_t today, s, u;
	int rc;

	if (date_today(&today, err) != 0)
		return -1;
	u = today;
	if (op->until != NULL && parse_date_opt("--until", op->until, &u,
	    err) != 0)
		return -1;
	s = date_add_months(u, -6) + 1;
	if (op->since != NULL && parse_date_opt("--since", op->since, &s,
	    err) != 0)
		return -1;
	if (s > u)
		return ally_errorf(err, EX_USAGE, "--since is after --until");
	if (session_open(&ses, &op->o, SESSION_READ, warnx, err) != 0)
		return -1;
	if ((rc = reciprocity_count(&rp, ses.db, &ses.net, s, u, today,
	    err)) == 0)
		rc = reciprocity_write(stdout, op->o.format, &rp, err);
	session_close(&ses);
	return rc;
}

/* The options that take a value the table cannot check. */
static int
option(void *base, int ch, const char *arg, struct ally_error *err)
{
	struct options *op = base;

	switch (ch) {
	case 's':
		if (!str_in(arg, action_statuses))
			return ally_errorf(err, EX_USAGE, "--status: '%s' is "
			    "not one of open, done, dropped", arg);
		op->status = arg;
		break;
	case 'p':
		if (!str_in(arg, action_parties))
			return ally_errorf(err, EX_USAGE, "--party: '%s' is not "
			    "one of police, municipality, ally, joint", arg);
		op->party = arg;
		break;
	case 'o':
		if (valid_alias(arg) != 0)
			return ally_errorf(err, EX_USAGE, "--owner: '%s' is not "
			    "an alias", arg);
		op->owner = arg;
		break;
	case 'm':
		if (parse_int(arg, 1, INT64_MAX, &op->meeting) != 0)
			return ally_errorf(err, EX_USAGE, "--meeting: '%s' is "
			    "not a meeting id", arg);
		break;
	case 'w':
		if (parse_int(arg, 0, 3660, &op->within) != 0)
			return ally_errorf(err, EX_USAGE, "--within: '%s' is "
			    "not a number of days (0 to 3660)", arg);
		break;
	}
	return 0;
}

/* What the table cannot say: the formats of each mode, --to's. */
static int
check(void *base, int mode, int argc, char **argv, struct ally_error *err)
{
	struct options *op = base;
	enum format f = op->o.format;

	(void)argc;
	(void)argv;
	op->mode = mode;
	if (mode == M_REMIND && f != FMT_AUTO && f != FMT_TEXT &&
	    f != FMT_MAIL)
		return -1;
	/* Refused before anything is written, not after the commit. */
	if (mode != M_REMIND && f != FMT_AUTO && f != FMT_YAML &&
	    f != FMT_CSV && f != FMT_TEXT)
		return -1;
	if (op->o.nto > 0 && f != FMT_MAIL)
		return ally_errorf(err, EX_USAGE, "%s", "");
	return 0;
}

#define WRITING	(OPT_IN(M_UPDATE) | OPT_IN(M_ADD) | CLOSING)
#define CLOSING	(OPT_IN(M_DONE) | OPT_IN(M_DROP) | OPT_IN(M_REOPEN))
#define LISTING	OPT_IN(M_LIST)
#define FILTER(c, n, a, h) { .ch = (c), .name = (n), .arg = (a), \
	.help = (h), .modes = LISTING }

static const struct opt table[] = {
	FILTER('s', "status", N_("STATUS"),
	    N_("list: only open, done or dropped actions")),
	FILTER('p', "party", N_("PARTY"),
	    N_("list: only police, municipality, ally or joint")),
	FILTER('o', "owner", N_("ALIAS"), N_("list: only this owner's")),
	FILTER('m', "meeting", N_("ID"), N_("list: only this meeting's")),
	{ .ch = 'b', .name = "due-before", .arg = N_("DATE"),
	  .help = N_("list: only due before the date"), .modes = LISTING,
	  .kind = OPT_STRING, .off = offsetof(struct options, before) },
	{ .ch = 'A', .name = "due-after", .arg = N_("DATE"),
	  .help = N_("list: only due after the date"), .modes = LISTING,
	  .kind = OPT_STRING, .off = offsetof(struct options, after) },
	{ .ch = 'l', .name = "overdue", .help = N_("list: only overdue ones"),
	  .modes = LISTING, .kind = OPT_FLAG,
	  .off = offsetof(struct options, overdue) },
	{ .ch = 'w', .name = "within", .arg = N_("DAYS"),
	  .help = N_("list, --remind: due within so many days"),
	  .modes = LISTING | OPT_IN(M_REMIND) },
	{ .ch = 'u', .name = "update", .help = OPT_UPDATE_HELP,
	  .modes = OPT_IN(M_UPDATE), .sets = OPT_IN(M_UPDATE) },
	{ .ch = 'a', .name = "add",
	  .help = N_("add the actions read, between meetings"),
	  .modes = OPT_IN(M_ADD), .sets = OPT_IN(M_ADD) },
	{ .ch = 'q', .name = "quiet", .help = N_("print nothing when writing"),
	  .modes = WRITING, .kind = OPT_FLAG,
	  .off = offsetof(struct options, quiet) },
	{ .ch = 'c', .name = "done", .help = N_("close the actions as done"),
	  .modes = OPT_IN(M_DONE), .sets = OPT_IN(M_DONE) },
	{ .ch = 'x', .name = "drop", .help = N_("close the actions as dropped"),
	  .modes = OPT_IN(M_DROP), .sets = OPT_IN(M_DROP) },
	{ .ch = 'O', .name = "reopen", .help = N_("open the actions again"),
	  .modes = OPT_IN(M_REOPEN), .sets = OPT_IN(M_REOPEN) },
	{ .ch = 'D', .name = "date", .arg = N_("DATE"),
	  .help = N_("--done, --drop: the day it happened (today)"),
	  .modes = OPT_IN(M_DONE) | OPT_IN(M_DROP), .kind = OPT_STRING,
	  .off = offsetof(struct options, date) },
	{ .ch = 'R', .name = "remind",
	  .help = N_("the reminder of overdue and due actions, for mail"),
	  .modes = OPT_IN(M_REMIND), .sets = OPT_IN(M_REMIND) },
	{ .ch = 'r', .name = "reciprocity",
	  .help = N_("count per party what was agreed and delivered"),
	  .modes = OPT_IN(M_RECIPROCITY), .sets = OPT_IN(M_RECIPROCITY) },
	{ .ch = 'S', .name = "since", .arg = N_("DATE"),
	  .help = N_("--reciprocity: from this date"),
	  .modes = OPT_IN(M_RECIPROCITY), .kind = OPT_STRING,
	  .off = offsetof(struct options, since) },
	{ .ch = 'U', .name = "until", .arg = N_("DATE"),
	  .help = N_("--reciprocity: up to this date"),
	  .modes = OPT_IN(M_RECIPROCITY), .kind = OPT_STRING,
	  .off = offsetof(struct options, until) },
	{ .ch = NAMES_OPT_ALLOW, .name = "allow-names",
	  .help = N_("let members' names through in titles and notes"),
	  .modes = OPT_IN(M_UPDATE) | OPT_IN(M_ADD), .kind = OPT_FLAG,
	  .off = offsetof(struct options, allow_names) },
	OPT_TO(OPT_IN(M_REMIND),
	    N_("--remind -f mail: a recipient (again for more)")),
	OPT_DB(OPT_ANY),
	OPT_NETWORK(OPT_ANY),
	OPT_FORMAT(OPT_ANY),
	OPT_INPUT(OPT_IN(M_UPDATE) | OPT_IN(M_ADD)),
	OPT_DRY_RUN(WRITING),
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[M_LIST] = { OPT_NONE, NULL }, [M_UPDATE] = { OPT_MANY, NULL },
	[M_ADD] = { OPT_MANY, NULL }, [M_DONE] = { OPT_SOME, NULL },
	[M_DROP] = { OPT_SOME, NULL }, [M_REOPEN] = { OPT_SOME, NULL },
	[M_REMIND] = { OPT_NONE, NULL }, [M_RECIPROCITY] = { OPT_NONE, NULL }
};

static const struct opt_cmd cmdline = {
	.name = "action-track",
	/*
	 * TRANSLATORS: the option letters and names stay as they are; the
	 * words for their arguments may be translated.  Keep the lines
	 * lined up under the command name.
	 */
	.synopsis = N_("usage: action-track [-d db] [-n network] [-f format] "
	    "[-s status] [-p party]\n"
	    "           [-o owner] [-m meeting] [-b date] [-A date] [-l] "
	    "[-w days]\n"
	    "       action-track -u | -a [-Nq] [--allow-names] [-d db] "
	    "[-n network]\n"
	    "           [-f format] [-F format] [file ...]\n"
	    "       action-track --done | --drop | --reopen [-Nq] [-D date] "
	    "[-d db]\n"
	    "           [-n network] [-f format] id ...\n"
	    "       action-track --remind [-w days] [-d db] [-n network] "
	    "[-f format]\n"
	    "           [--to address]\n"
	    "       action-track --reciprocity [-S date] [-U date] [-d db] "
	    "[-n network]\n"
	    "           [-f format]\n"),
	.opts = table, .modes = modes, .nmodes = M_RECIPROCITY + 1,
	.initial = M_LIST,
	.two_modes = N_("choose one of -u, -a, --done, --drop, --reopen, "
	    "--remind, --reciprocity"),
	.call = option, .check = check
};

int
main(int argc, char *argv[])
{
	struct options op;
	struct ally_error e = { 0, "" };
	int m, rc, nothing = 0;

	memset(&op, 0, sizeof(op));
	ally_i18n_init();
	ally_opts_init(&op.o);
	op.within = -1;
	if ((rc = opt_parse(&cmdline, &argc, &argv, &op, &op.o, &m, &e)) !=
	    OPT_RUN) {
		if (e.msg[0] != '\0')
			warnx("%s", e.msg);
		return opt_exit(&cmdline, rc, &e);
	}
	switch (op.mode) {
	case M_LIST:
		rc = list_actions(&op, &e);
		break;
	case M_REMIND:
		if (op.within < 0)
			op.within = REMIND_DAYS;
		rc = remind(&op, &nothing, &e);
		break;
	case M_RECIPROCITY:
		rc = reciprocity(&op, &e);
		break;
	default:
		rc = change_actions(&op, argv, argc, &e);
		break;
	}
	if (rc == 0 && ally_close_stdout(&e) != 0)
		rc = -1;
	if (rc != 0) {
		warnx("%s", e.msg);
		return e.code ? e.code : EX_SOFTWARE;
	}
	return nothing ? EXIT_NOTHING : 0;
}
