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
 * --contact logs calls, visits and messages with the allies (-K lists
 * them), and --not-spoken names the allies nobody spoke with for weeks,
 * exit status 1 when there are none, as --remind.
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
    M_RECIPROCITY, M_HAND_OVER, M_CONTACT, M_CONTACTS, M_SILENT };

struct options {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 quiet, allow_names;
	const char		*status, *party, *owner;
	long long		 meeting;
	const char		*before, *after, *date, *since, *until;
	int			 overdue;
	long long		 within;	/* -1: not given */
	day_t			 from, to;	/* --reciprocity */
	int			 nothing;	/* --remind: exit 1 */
	struct record_mode	 cm;		/* -k, -K, --not-spoken */
};

static const char *const list_text_columns[] = { "id", "due", "status",
    "party", "owner", "meeting", "title", NULL };

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
		if (opt_date("--due-before", op->before, &d, err) != 0)
			return -1;
		action_filter_due_max(f, d - 1);
	}
	if (op->after != NULL) {
		if (opt_date("--due-after", op->after, &d, err) != 0)
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

/* The list: the actions the filters let through, as records. */
static int
list_actions(struct ally_session *s, void *arg, struct ally_error *err)
{
	const struct options *op = arg;
	struct action_filter f;
	struct writer *w;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (make_filter(s->db, &s->net, op, s->today, &f, err) == 0 &&
	    action_query(s->db, &s->net, &f, &st, err) == 0 &&
	    (w = writer_open(stdout, op->o.format, op->o.format == FMT_TEXT ?
	    list_text_columns : action_record_fields, 0, err)) != NULL) {
		rc = db_write_rows(s->db, st, action_row, NULL, w, err) < 0 ?
		    -1 : 0;
		if (writer_close(w, rc == 0 ? err : NULL) != 0)
			rc = -1;
	}
	sqlite3_finalize(st);
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
	if (op->date != NULL && opt_date("--date", op->date, &d,
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
	} else if (op->mode == M_HAND_OVER) {
		if (action_hand_over(&a, argv[0], argv[1], err) != 0)
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
 * --remind: nothing, and op->nothing set, when no action is due; with
 * -f mail a whole message, its subject the first line.
 */
static int
remind(struct ally_session *s, void *arg, struct ally_error *err)
{
	struct options *op = arg;
	struct reminder rm;
	struct mail env;
	int rc;

	rc = reminder_build(&rm, s->db, &s->net, s->today, op->within < 0 ?
	    REMIND_DAYS : op->within, err);
	op->nothing = rc == 0 && rm.n == 0;
	if (rc == 0 && rm.n > 0) {
		memset(&env, 0, sizeof(env));
		env.to = op->o.to;
		env.nto = op->o.nto;
		env.subject = rm.subject;
		if (op->o.format == FMT_MAIL)
			rc = doc_mail(stdout, rm.doc, &env, err);
		else if ((rc = opt_text_stdout(FMT_TEXT, err)) == 0)
			rc = doc_write(stdout, rm.doc, FMT_TEXT, 0, err);
	}
	reminder_free(&rm);
	return rc;
}

static int
count_parties(struct ally_session *s, void *arg, struct ally_error *err)
{
	const struct options *op = arg;
	struct reciprocity rp;

	if (reciprocity_count(&rp, s->db, &s->net, op->from, op->to, s->today,
	    err) != 0)
		return -1;
	return reciprocity_write(stdout, op->o.format, &rp, err);
}

/*
 * --reciprocity: the period defaults to the half-year that ends today;
 * records, or with -f text the table for people.
 */
static int
reciprocity(struct options *op, struct ally_error *err)
{
	if (date_today(&op->to, err) != 0)
		return -1;
	if (op->until != NULL && opt_date("--until", op->until, &op->to,
	    err) != 0)
		return -1;
	op->from = date_add_months(op->to, -6) + 1;
	if (op->since != NULL && opt_date("--since", op->since,
	    &op->from, err) != 0)
		return -1;
	if (op->from > op->to)
		return ally_errorf(err, EX_USAGE, "--since is after --until");
	return session_read(&op->o, 0, warnx, count_parties, op, err);
}

/* The options that take a value the table cannot check. */
static int
option(void *base, int ch, const char *arg, struct ally_error *err)
{
	struct options *op = base;

	switch (ch) {
	case 's':
		return opt_one_of("--status", arg, action_statuses,
		    &op->status, err);
	case 'p':
		return opt_one_of("--party", arg, action_parties, &op->party,
		    err);
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
	case 'W':
		if (parse_int(arg, 1, 520, &op->cm.weeks) != 0)
			return ally_errorf(err, EX_USAGE, "--not-spoken: '%s' is "
			    "not a number of weeks (1 to 520)", arg);
		break;
	case 'w':
		if (parse_int(arg, 0, 3660, &op->within) != 0)
			return ally_errorf(err, EX_USAGE, "--within: '%s' is "
			    "not a number of days (0 to 3660)", arg);
		break;
	}
	return 0;
}

#define FMT_BIT(f)	(1u << (f))
#define REMIND_FORMATS	(FMT_BIT(FMT_AUTO) | FMT_BIT(FMT_TEXT) | \
	FMT_BIT(FMT_MAIL))
#define RECORD_FORMATS	(FMT_BIT(FMT_AUTO) | FMT_BIT(FMT_YAML) | \
	FMT_BIT(FMT_CSV) | FMT_BIT(FMT_TEXT))

/*
 * What the table cannot say: the formats of each mode, refused before
 * anything is written rather than after the commit; --to's.
 */
static int
check(void *base, int mode, int argc, char **argv, struct ally_error *err)
{
	struct options *op = base;
	unsigned f = FMT_BIT(op->o.format);

	(void)argv;
	op->mode = mode;
	if (mode == M_HAND_OVER && argc != 2)
		return ally_errorf(err, EX_USAGE, "%s", _("--hand-over takes "
		    "two aliases: whose open actions, and who takes them"));
	if (!(f & (mode == M_REMIND ? REMIND_FORMATS : RECORD_FORMATS)))
		return -1;
	if (op->o.nto > 0 && op->o.format != FMT_MAIL)
		return ally_errorf(err, EX_USAGE, "%s", "");
	return 0;
}

#define WRITING	(OPT_IN(M_UPDATE) | OPT_IN(M_ADD) | CLOSING | \
	OPT_IN(M_HAND_OVER) | OPT_IN(M_CONTACT))
#define CLOSING	(OPT_IN(M_DONE) | OPT_IN(M_DROP) | OPT_IN(M_REOPEN))
#define LISTING	OPT_IN(M_LIST)
#define FLAG(c, n, h, m, f)	OPT_FLAG_AT(c, n, h, m, struct options, f)
#define STRING(c, n, h, m, f)	OPT_STRING_AT(c, n, N_("DATE"), h, m, \
	struct options, f)

static const struct opt table[] = {
	OPT_VALUE('s', "status", N_("STATUS"),
	    N_("list: only open, done or dropped actions"), LISTING),
	OPT_VALUE('p', "party", N_("PARTY"),
	    N_("list: only police, municipality, ally or joint"), LISTING),
	OPT_VALUE('o', "owner", N_("ALIAS"), N_("list: only this owner's"),
	    LISTING),
	OPT_VALUE('m', "meeting", N_("ID"), N_("list: only this meeting's"),
	    LISTING),
	STRING('b', "due-before", N_("list: only due before the date"),
	    LISTING, before),
	STRING('A', "due-after", N_("list: only due after the date"), LISTING,
	    after),
	FLAG('l', "overdue", N_("list: only overdue ones"), LISTING, overdue),
	OPT_VALUE('w', "within", N_("DAYS"),
	    N_("list, --remind: due within so many days"),
	    LISTING | OPT_IN(M_REMIND)),
	OPT_MODE('u', "update", OPT_UPDATE_HELP, M_UPDATE),
	OPT_MODE('a', "add", N_("add the actions read, between meetings"),
	    M_ADD),
	FLAG('q', "quiet", N_("print nothing when writing"), WRITING, quiet),
	OPT_MODE('c', "done", N_("close the actions as done"), M_DONE),
	OPT_MODE('x', "drop", N_("close the actions as dropped"), M_DROP),
	OPT_MODE('O', "reopen", N_("open the actions again"), M_REOPEN),
	OPT_MODE('H', "hand-over", N_("give a member's open actions to "
	    "another"), M_HAND_OVER),
	STRING('D', "date", N_("--done, --drop: the day it happened (today)"),
	    OPT_IN(M_DONE) | OPT_IN(M_DROP), date),
	OPT_MODE('R', "remind",
	    N_("the reminder of overdue and due actions, for mail"), M_REMIND),
	OPT_MODE('r', "reciprocity",
	    N_("count per party what was agreed and delivered"), M_RECIPROCITY),
	STRING('S', "since", N_("--reciprocity: from this date"),
	    OPT_IN(M_RECIPROCITY), since),
	STRING('U', "until", N_("--reciprocity: up to this date"),
	    OPT_IN(M_RECIPROCITY), until),
	OPT_MODE('k', "contact", N_("log the contacts read (calls, visits, "
	    "messages)"), M_CONTACT),
	OPT_MODE('K', "contacts", N_("list the contact log"), M_CONTACTS),
	{ .ch = 'W', .name = "not-spoken", .arg = N_("WEEKS"),
	    .help = N_("the active allies nobody spoke with in so many weeks"),
	    .modes = OPT_IN(M_SILENT), .sets = OPT_IN(M_SILENT) },
	FLAG(NAMES_OPT_ALLOW, "allow-names",
	    N_("let members' names through in titles and notes"),
	    OPT_IN(M_UPDATE) | OPT_IN(M_ADD) | OPT_IN(M_CONTACT), allow_names),
	OPT_TO(OPT_IN(M_REMIND),
	    N_("--remind -f mail: a recipient (again for more)")),
	OPT_DB(OPT_ANY), OPT_NETWORK(OPT_ANY), OPT_FORMAT(OPT_ANY),
	OPT_INPUT(OPT_IN(M_UPDATE) | OPT_IN(M_ADD) | OPT_IN(M_CONTACT)),
	OPT_DRY_RUN(WRITING),
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[M_LIST] = { OPT_NONE, NULL }, [M_UPDATE] = { OPT_MANY, NULL },
	[M_ADD] = { OPT_MANY, NULL }, [M_DONE] = { OPT_SOME, NULL },
	[M_DROP] = { OPT_SOME, NULL }, [M_REOPEN] = { OPT_SOME, NULL },
	[M_REMIND] = { OPT_NONE, NULL }, [M_RECIPROCITY] = { OPT_NONE, NULL },
	[M_HAND_OVER] = { OPT_SOME, NULL },
	[M_CONTACT] = { OPT_MANY, NULL }, [M_CONTACTS] = { OPT_NONE, NULL },
	[M_SILENT] = { OPT_NONE, NULL }
};

static const struct opt_cmd cmdline = {
	.name = "action-track", OPT_TABLES(table, modes), .initial = M_LIST,
	.call = option, .check = check,
	.two_modes = N_("choose one of -u, -a, --done, --drop, --reopen, "
	    "--hand-over, --remind, --reciprocity, --contact, --contacts, --not-spoken"),
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
	    "       action-track --hand-over [-Nq] [-d db] [-n network] "
	    "[-f format] alias alias\n"
	    "       action-track --remind [-w days] [-d db] [-n network] "
	    "[-f format]\n"
	    "           [--to address]\n"
	    "       action-track --reciprocity [-S date] [-U date] [-d db] "
	    "[-n network]\n"
	    "           [-f format]\n"
	    "       action-track --contact [-Nq] [--allow-names] [-d db] "
	    "[-n network]\n"
	    "           [-f format] [-F format] [file ...]\n"
	    "       action-track --contacts | --not-spoken weeks [-d db] "
	    "[-n network]\n"
	    "           [-f format]\n")
};

int
main(int argc, char *argv[])
{
	struct options op = { .within = -1 };
	struct ally_error e = { 0, "" };
	int m, rc;

	if ((rc = opt_main(&cmdline, &argc, &argv, &op, &op.o, &m, &e)) >= 0)
		return rc;
	op.cm.o = &op.o;
	op.cm.quiet = op.quiet;
	op.cm.allow_names = op.allow_names;
	op.cm.command = "action-track";
	op.cm.what = "contacts logged";
	op.cm.names_what = "member names let through in contact notes";
	op.cm.apply = contact_apply;
	op.cm.query = contact_query;
	op.cm.row = contact_record;
	op.cm.columns = contact_fields;
	if (m == M_LIST || m == M_REMIND)
		rc = session_read(&op.o, 0, warnx, m == M_LIST ? list_actions :
		    remind, &op, &e);
	else if (m == M_CONTACT)
		rc = record_mode_add(&op.cm, argv, argc, warnx, &e);
	else if (m == M_CONTACTS || m == M_SILENT)
		rc = session_read(&op.o, 0, warnx, m == M_SILENT ?
		    record_mode_silent : record_mode_list, &op.cm, &e);
	else if (m == M_RECIPROCITY)
		rc = reciprocity(&op, &e);
	else
		rc = change_actions(&op, argv, argc, &e);
	if ((rc = opt_main_end(rc, &e)) == 0 && (op.nothing ||
	    op.cm.nothing))
		return EXIT_NOTHING;
	return rc;
}
