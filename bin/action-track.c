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
#include <stdlib.h>
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
static const char *const tally_columns[] = { "party", "since", "until",
    "taken", "done", "on_time", "overdue", "open", "dropped", NULL };

static int
parse_date_opt(const char *opt, const char *s, day_t *d,
    struct ally_error *err)
{
	if (date_parse(s, d) != 0)
		return ally_errorf(err, EX_USAGE, "%s: '%s' is not a date "
		    "(YYYY-MM-DD)", opt, s);
	return 0;
}

/* Narrow [min, max] by another inclusive bound. */
static void
bound_min(struct action_filter *f, day_t d)
{
	if (!f->has_min || d > f->due_min)
		f->due_min = d;
	f->has_min = 1;
}

static void
bound_max(struct action_filter *f, day_t d)
{
	if (!f->has_max || d < f->due_max)
		f->due_max = d;
	f->has_max = 1;
}

/*
 * The list filters as one action_filter.  --overdue and --within select
 * open actions; given together they select both, which is what the
 * reminder shows.
 */
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
		bound_max(f, d - 1);
	}
	if (op->after != NULL) {
		if (parse_date_opt("--due-after", op->after, &d, err) != 0)
			return -1;
		bound_min(f, d + 1);
	}
	if (op->overdue || op->within >= 0)
		f->open_only = 1;
	if (op->overdue && op->within >= 0)
		bound_max(f, today + op->within);
	else if (op->overdue)
		bound_max(f, today - 1);
	else if (op->within >= 0) {
		bound_min(f, today);
		bound_max(f, today + op->within);
	}
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

/* --remind: the actions in reminder order, party by party, owner by owner. */
static int
party_rank(const char *p)
{
	int i;

	for (i = 0; action_parties[i] != NULL; i++)
		if (p != NULL && strcmp(p, action_parties[i]) == 0)
			return i;
	return i;
}

static int
cmp_str(const char *a, const char *b)
{
	size_t la, lb;

	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	/* A02 before A10 before A100: shorter aliases first. */
	if ((la = strlen(a)) != (lb = strlen(b)))
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

static int
cmp_remind(const void *x, const void *y)
{
	const struct record *a = *(struct record *const *)x;
	const struct record *b = *(struct record *const *)y;
	int c;

	if ((c = party_rank(record_get(a, "party")) -
	    party_rank(record_get(b, "party"))) != 0)
		return c;
	if ((c = cmp_str(record_get(a, "owner"), record_get(b, "owner"))) != 0)
		return c;
	if ((c = strcmp(record_get(a, "due"), record_get(b, "due"))) != 0)
		return c;
	return cmp_str(record_get(a, "id"), record_get(b, "id"));
}

/*
 * A party as the heading of the reminder, a text for people; the records
 * keep the party's own word.
 */
static const char *
party_words(const char *p)
{
	/* TRANSLATORS: the parties of an action, as headings of a reminder. */
	static const char *const words[] = { N_("police"), N_("municipality"),
	    N_("ally"), N_("joint") };
	int i = party_rank(p);

	return i < 4 ? _(words[i]) : p;
}

static void
describe_due(day_t due, day_t today, char *buf, size_t len)
{
	long n = today - due;

	if (n > 0)
		/* TRANSLATORS: how late an action is, in the reminder. */
		snprintf(buf, len, ngettext("%ld day overdue",
		    "%ld days overdue", (unsigned long)n), n);
	else if (n == 0)
		snprintf(buf, len, "%s", _("due today"));
	else if (n == -1)
		snprintf(buf, len, "%s", _("due tomorrow"));
	else
		snprintf(buf, len, _("due in %ld days"), -n);
}

static void
print_reminder(FILE *fp, const struct network *net, struct record **rs,
    size_t n, day_t today, long long within)
{
	const char *party = NULL, *owner = NULL, *p, *o;
	char todays[11], until[11], when[48];
	size_t i, late = 0;
	day_t due;

	for (i = 0; i < n; i++) {
		date_parse(record_get(rs[i], "due"), &due);
		if (due < today)
			late++;
	}
	date_format(today, todays);
	date_format(today + within, until);
	/*
	 * TRANSLATORS: the first line of the reminder, also the subject of
	 * its mail (without the full stop): the network, today's date, the
	 * number of overdue actions, the number due soon and the last day of
	 * "soon".
	 */
	fprintf(fp, _("Actions of network %s on %s: %zu overdue, %zu due by "
	    "%s.\n"), net->name, todays, late, n - late, until);
	for (i = 0; i < n; i++) {
		p = record_get(rs[i], "party");
		o = record_get(rs[i], "owner");
		if (party == NULL || strcmp(party, p) != 0) {
			fprintf(fp, "\n%s\n", party_words(p));
			party = p;
			owner = NULL;
			fprintf(fp, "  %s\n", o != NULL ? o : _("(no owner)"));
		} else if (cmp_str(owner, o) != 0)
			fprintf(fp, "  %s\n", o != NULL ? o : _("(no owner)"));
		owner = o;
		date_parse(record_get(rs[i], "due"), &due);
		describe_due(due, today, when, sizeof(when));
		/*
		 * TRANSLATORS: one action of the reminder: its id, due date,
		 * how late it is (describe_due, padded to 17 characters: widen
		 * the 17 if your words are longer) and title.
		 */
		fprintf(fp, _("    #%-4s %s  %-17s %s\n"),
		    record_get(rs[i], "id"), record_get(rs[i], "due"), when,
		    record_get(rs[i], "title"));
	}
}

/*
 * -f mail: the reminder as a whole message for sendmail -t, its first
 * line the subject; composed in memory, so that an error prints nothing.
 */
static int
mail_reminder(const struct options *op, const struct network *net,
    struct record **rs, size_t n, day_t today, struct ally_error *err)
{
	struct mail_part part;
	struct mail m;
	char *text = NULL, subject[256];
	size_t len = 0, k;
	FILE *fp;
	int rc;

	if ((fp = open_memstream(&text, &len)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	print_reminder(fp, net, rs, n, today, op->within);
	if (fclose(fp) != 0) {
		free(text);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	k = strcspn(text, "\n");
	if (k > 0 && text[k - 1] == '.')
		k--;
	snprintf(subject, sizeof(subject), "%.*s", (int)(k < sizeof(subject) ?
	    k : sizeof(subject) - 1), text);
	memset(&part, 0, sizeof(part));
	part.type = "text/plain; charset=UTF-8";
	part.body = text;
	part.len = len;
	memset(&m, 0, sizeof(m));
	m.to = op->o.to;
	m.nto = op->o.nto;
	m.subject = subject;
	m.parts = &part;
	m.nparts = 1;
	rc = mail_write(stdout, &m, err);
	free(text);
	return rc;
}

static int
remind(const struct options *op, int *nothing, struct ally_error *err)
{
	struct action_filter f;
	struct ally_session ses;
	struct record **rs = NULL, **nr, *r;
	sqlite3_stmt *st = NULL;
	size_t n = 0, cap = 0, i;
	day_t today;
	int rc = -1, step;

	if (date_today(&today, err) != 0 ||
	    session_open(&ses, &op->o, SESSION_READ, warnx, err) != 0)
		return -1;
	memset(&f, 0, sizeof(f));
	f.open_only = 1;
	bound_max(&f, today + op->within);
	if (action_query(ses.db, &ses.net, &f, &st, err) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nr = reallocarray(rs, cap, sizeof(*nr))) == NULL)
				goto oom;
			rs = nr;
		}
		if ((r = action_record(st)) == NULL)
			goto oom;
		rs[n++] = r;
	}
	if (step != SQLITE_DONE) {
		db_error(ses.db, step, err, NULL);
		goto out;
	}
	*nothing = n == 0;
	rc = 0;
	if (n > 0) {
		qsort(rs, n, sizeof(*rs), cmp_remind);
		if (op->o.format == FMT_MAIL)
			rc = mail_reminder(op, &ses.net, rs, n, today, err);
		else
			print_reminder(stdout, &ses.net, rs, n, today,
			    op->within);
	}
	goto out;
oom:
	ally_errorf(err, EX_OSERR, "out of memory");
out:
	sqlite3_finalize(st);
	session_close(&ses);
	for (i = 0; i < n; i++)
		record_free(rs[i]);
	free(rs);
	return rc;
}

static struct record *
tally_record(const char *party, const char *since, const char *until,
    const struct action_tally *t)
{
	struct record *r;

	if ((r = record_new()) == NULL)
		return NULL;
	if (record_set(r, "party", party) != 0 ||
	    record_set(r, "since", since) != 0 ||
	    record_set(r, "until", until) != 0 ||
	    record_set_int(r, "taken", t->taken) != 0 ||
	    record_set_int(r, "done", t->done) != 0 ||
	    record_set_int(r, "on_time", t->on_time) != 0 ||
	    record_set_int(r, "overdue", t->overdue) != 0 ||
	    record_set_int(r, "open", t->open) != 0 ||
	    record_set_int(r, "dropped", t->dropped) != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

/*
 * The period defaults to the half-year that ends today.  Figures are as
 * they stood at its end, or today when the period has not ended yet.
 */
static int
reciprocity(const struct options *op, struct ally_error *err)
{
	struct action_tally t[4], total;
	struct ally_session ses;
	struct writer *w = NULL;
	struct record *r;
	char since[11], until[11], asof[11];
	day_t today, s, u;
	int rc = -1, i;

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
	date_format(s, since);
	date_format(u, until);
	date_format(u < today ? u : today, asof);
	if (session_open(&ses, &op->o, SESSION_READ, warnx, err) != 0)
		return -1;
	if (action_reciprocity(ses.db, &ses.net, s, u, u < today ? u : today, t,
	    err) != 0)
		goto out;
	if (op->o.format == FMT_TEXT)
		printf(_("Reciprocity in network %s: actions agreed %s to %s, "
		    "as of %s\n\n"), ses.net.name, since, until, asof);
	if ((w = writer_open(stdout, op->o.format, tally_columns, 0,
	    err)) == NULL)
		goto out;
	memset(&total, 0, sizeof(total));
	for (i = 0; i < 5; i++) {
		if (i == 4 && op->o.format != FMT_TEXT)
			break;
		if (i < 4) {
			total.taken += t[i].taken;
			total.done += t[i].done;
			total.on_time += t[i].on_time;
			total.overdue += t[i].overdue;
			total.open += t[i].open;
			total.dropped += t[i].dropped;
		}
		/* TRANSLATORS: the last row of the reciprocity table (text). */
		if ((r = tally_record(i < 4 ? action_parties[i] : _("total"),
		    since, until, i < 4 ? &t[i] : &total)) == NULL) {
			ally_errorf(err, EX_OSERR, "out of memory");
			goto out;
		}
		rc = writer_put(w, r, err);
		record_free(r);
		if (rc != 0) {
			rc = -1;
			goto out;
		}
		rc = -1;
	}
	rc = 0;
out:
	if (w != NULL && writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
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
