/*
 * ally-review: the half-yearly review of who sits at the table.
 *
 * By default one review record per member over the last six months;
 * -S the network's summary, -r its representation of the community in
 * aggregates, -f text the whole report to print for the review meeting.
 * The coordinator fills in the decisions and feeds the records back with
 * -u; -D tells cron when the next review is due.  -X, from cron, clears
 * every text older than its kind's retention period (expiry.c).
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

enum mode { MODE_MEMBERS, MODE_SUMMARY, MODE_REPRESENTATION, MODE_UPDATE,
    MODE_DUE, MODE_EXPIRE };

struct review {
	struct ally_opts	 o;
	struct review_limits	 lim;
	enum mode		 mode;
	day_t			 today, since, until, reviewed;
	const char		*target_file;
	const char		*coordinator;	/* -c: owns talk follow-ups */
	const char		*since_arg, *until_arg, *reviewed_arg;
	int			 quiet, allow_names;
	struct ally_session	 s;
	sqlite3			*db;		/* s.db */
	struct network		 net;		/* s.net */
	struct review_target	*target;
	struct writer		*w;
	struct review_decided	*decided;	/* -u */
	long			 stored;
	int			 printed;	/* -D */
	int			 keep[EXPIRY_NKINDS];	/* -X, months */
};

static int
put_record(struct record *r, void *arg, struct ally_error *err)
{
	struct review *rv = arg;

	return writer_put(rv->w, r, err);
}

static int
load_target(struct review *rv, struct ally_error *err)
{
	char *files[1], msg[160];
	int dim;

	if (rv->target_file == NULL)
		return 0;
	if ((rv->target = review_target_new()) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	files[0] = (char *)rv->target_file;
	if (records_each(files, 1, FMT_AUTO, review_target_add, rv->target,
	    err) != 0)
		return -1;
	for (dim = 0; review_dimensions[dim] != NULL; dim++)
		if (review_target_warning(rv->target, dim, msg, sizeof(msg)))
			warnx("%s: %s", rv->target_file, msg);
	return 0;
}

/* ---- the review sheet: text, or roff for groff -t -ms ------------------- */

static int
report_sheet(struct review *rv, struct ally_error *err)
{
	struct review_sheet rs = { rv->db, &rv->net, rv->since, rv->until,
	    &rv->lim, rv->target, 0 };
	struct document *d;
	int rc;

	rs.parts = rv->mode == MODE_MEMBERS ? REVIEW_SHEET_MEMBERS |
	    REVIEW_SHEET_SUMMARY | REVIEW_SHEET_REPRESENTATION :
	    rv->mode == MODE_SUMMARY ? REVIEW_SHEET_SUMMARY :
	    REVIEW_SHEET_REPRESENTATION;
	if (review_sheet(&rs, &d, err) != 0)
		return -1;
	rc = doc_write(stdout, d, rv->o.format, 0, err);
	doc_done(d);
	return rc;
}

/* ---- records ------------------------------------------------------------- */

static int
report_records(struct review *rv, struct ally_error *err)
{
	struct record *s = NULL;
	struct writer *w;
	int rc;

	if (rv->mode == MODE_SUMMARY && review_summary(rv->db, &rv->net,
	    rv->since, rv->until, &rv->lim, &s, err) != 0)
		return -1;
	if ((rv->w = writer_open(stdout, rv->o.format, rv->mode ==
	    MODE_SUMMARY ? review_summary_fields : rv->mode ==
	    MODE_REPRESENTATION ? review_representation_fields :
	    review_fields, 0, err)) == NULL)
		rc = -1;
	else if (s != NULL)
		rc = writer_put(rv->w, s, err);
	else if (rv->mode == MODE_REPRESENTATION)
		rc = review_representation(rv->db, &rv->net, &rv->lim,
		    rv->target, put_record, rv, err);
	else
		rc = review_members(rv->db, &rv->net, rv->since, rv->until,
		    &rv->lim, put_record, rv, err);
	record_free(s);
	if (rc != 0)
		return -1;
	w = rv->w;
	rv->w = NULL;
	return writer_close(w, err);
}

static int
report(struct review *rv, struct ally_error *err)
{
	int rc = -1;

	if (load_target(rv, err) != 0)
		return -1;
	/* One snapshot for every section, beside a writer. */
	if (session_open(&rv->s, &rv->o, SESSION_READ | SESSION_SNAPSHOT,
	    warnx, err) != 0)
		return -1;
	rv->db = rv->s.db;
	rv->net = rv->s.net;
	if (rv->o.format == FMT_TEXT || rv->o.format == FMT_ROFF)
		rc = report_sheet(rv, err);
	else
		rc = report_records(rv, err);
	if (rv->w != NULL)
		writer_close(rv->w, NULL);
	rv->w = NULL;
	session_close(&rv->s);
	return rc;
}

/* ---- decisions ------------------------------------------------------------ */

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct review *rv = arg;
	struct record *res;
	const char *change;
	int rc;

	if (review_apply(rv->db, &rv->net, r, rv->today, rv->reviewed,
	    rv->coordinator, &res, err) != 0)
		return -1;
	change = record_get(res, "change");
	if (strcmp(change, "added") == 0 || strcmp(change, "updated") == 0)
		rv->stored++;
	if ((rc = review_decided_add(&rv->decided, r, res, err)) == 0)
		rc = session_result(&rv->s, res, err);
	record_free(res);
	return rc;
}

static int
update(struct review *rv, char **files, int nfiles, struct ally_error *err)
{
	int rc = -1;

	if (session_open(&rv->s, &rv->o, rv->quiet ? SESSION_QUIET : 0, warnx,
	    err) != 0)
		return -1;
	if (session_names(&rv->s, rv->allow_names, "ally-review -u",
	    "member names let through in review notes", err) != 0)
		goto out;
	rv->db = rv->s.db;
	rv->net = rv->s.net;
	if (session_apply(&rv->s, files, nfiles, apply_one, rv, err) != 0)
		goto out;
	if (rv->stored > 0 && session_audit(&rv->s, "ally-review -u",
	    "review decisions stored", rv->stored, err) != 0)
		goto out;
	rc = session_finish(&rv->s, err);
out:
	session_close(&rv->s);
	return rc;
}

/* ---- retention of texts ------------------------------------------------ */

/*
 * -X: one transaction that clears the texts past their periods (-N
 * rolls it back), audited, then the write-ahead log truncated so that
 * they leave it too.
 */
static int
expire(struct review *rv, struct ally_error *err)
{
	struct record **v = NULL;
	long n = 0;
	int rc = -1, k;

	if (session_open(&rv->s, &rv->o, 0, warnx, err) != 0)
		return -1;
	rv->s.columns = expiry_fields;
	if (expiry_run(rv->s.db, &rv->s.net, rv->today, rv->keep, &v,
	    err) != 0)
		goto out;
	for (k = 0; v[k] != NULL; k++) {
		n += strtol(record_get(v[k], "cleared"), NULL, 10);
		if (session_result(&rv->s, v[k], err) != 0)
			goto out;
	}
	if (session_audit(&rv->s, "ally-review --expire-texts", "texts past "
	    "their retention cleared", n, err) != 0 ||
	    session_commit(&rv->s, err) != 0)
		goto out;
	if (!rv->o.dry_run)
		privacy_checkpoint_committed(rv->s.db, warnx);
	rc = 0;
out:
	for (k = 0; v != NULL && v[k] != NULL; k++)
		record_free(v[k]);
	free(v);
	session_close(&rv->s);
	return rc;
}

/* ---- due ------------------------------------------------------------------- */

static int
due_one(const struct network *net, void *arg, struct ally_error *err)
{
	struct review *rv = arg;
	struct review_due d;
	char next[11], last[11];

	if (review_due(rv->db, net, rv->today, &rv->lim, &d, err) != 0)
		return -1;
	if (!d.due)
		return 0;
	date_format(d.next, next);
	date_format(d.last, last);
	/* TRANSLATORS: the network, the date the review fell due, the last. */
	if ((d.reviewed ? printf(_("%s: review due since %s (last review: "
	    "%s)\n"), net->name, next, last) : printf(_("%s: review due since "
	    "%s (last review: none yet)\n"), net->name, next)) < 0)
		return ally_errorf(err, EX_IOERR, "standard output: write "
		    "error");
	rv->printed++;
	return 0;
}

static int
due(struct review *rv, struct ally_error *err)
{
	const char *env = getenv("ALLY_NETWORK");
	int one, rc;

	one = rv->o.network != NULL || (env != NULL && *env != '\0');
	if (session_open(&rv->s, &rv->o, SESSION_READ | SESSION_SNAPSHOT |
	    (one ? 0 : SESSION_NO_NETWORK), warnx, err) != 0)
		return -1;
	rv->db = rv->s.db;
	if (opt_text_stdout(FMT_TEXT, err) != 0)
		rc = -1;
	else if (one)
		rc = due_one(&rv->s.net, rv, err);
	else
		rc = network_each(rv->db, due_one, rv, err);
	session_close(&rv->s);
	return rc != 0 ? -1 : 0;
}

/* ---- main ---------------------------------------------------------------- */

/* The window, the review date and the thresholds, once all are known. */
static int
settle(struct review *rv, const char *since, const char *until,
    const char *reviewed, struct ally_error *err)
{
	if (date_today(&rv->today, err) != 0 ||
	    review_limits_check(&rv->lim, err) != 0)
		return -1;
	rv->until = rv->today;
	if (until != NULL && opt_date("--until", until, &rv->until, err))
		return -1;
	rv->since = date_add_months(rv->until, -6);
	if (since != NULL && opt_date("--since", since, &rv->since, err))
		return -1;
	if (rv->since > rv->until)
		return ally_errorf(err, EX_USAGE, "--since %s is after --until",
		    since != NULL ? since : "");
	rv->reviewed = rv->today;
	if (reviewed != NULL) {
		if (opt_date("--reviewed", reviewed, &rv->reviewed, err))
			return -1;
		if (rv->reviewed > rv->today)
			return ally_errorf(err, EX_USAGE, "--reviewed %s is in "
			    "the future", reviewed);
	}
	return 0;
}

static int
run(struct review *rv, char **argv, int argc, struct ally_error *err)
{
	switch (rv->mode) {
	case MODE_UPDATE:
		return update(rv, argv, argc, err);
	case MODE_DUE:
		return due(rv, err);
	case MODE_EXPIRE:
		return expire(rv, err);
	default:
		return report(rv, err);
	}
}

static int
option(void *base, int ch, const char *arg, struct ally_error *err)
{
	struct review *rv = base;

	if (ch == 'o' && review_limit_set(&rv->lim, arg, err) != 0)
		return OPT_FAIL;
	if (ch == 'k' && expiry_set(rv->keep, arg, err) != 0)
		return OPT_FAIL;
	return 0;
}

/* What the table cannot say: the update prints no roff, -D no format. */
static int
check(void *base, int mode, int argc, char **argv, struct ally_error *err)
{
	struct review *rv = base;

	(void)argc;
	(void)argv;
	(void)err;
	rv->mode = mode;
	if (mode == MODE_UPDATE && rv->o.format == FMT_ROFF)
		return -1;
	if (mode == MODE_DUE && rv->o.format != FMT_AUTO)
		return -1;
	return 0;
}

#define REPORTS	(OPT_IN(MODE_MEMBERS) | OPT_IN(MODE_SUMMARY))
#define UPDATE	OPT_IN(MODE_UPDATE)
#define EXPIRE	OPT_IN(MODE_EXPIRE)

#define STRING(c, n, a, h, m, f)	OPT_STRING_AT(c, n, a, h, m, \
	struct review, f)
#define FLAG(c, n, h, f)	OPT_FLAG_AT(c, n, h, UPDATE, struct review, f)

static const struct opt table[] = {
	STRING('s', "since", N_("DATE"),
	    N_("the start of the window (six months before -t)"), REPORTS,
	    since_arg),
	STRING('t', "until", N_("DATE"), N_("the end of the window (today)"),
	    REPORTS, until_arg),
	OPT_MODE('S', "summary", N_("the network's summary"), MODE_SUMMARY),
	OPT_MODE('r', "representation",
	    N_("how the table represents the community"), MODE_REPRESENTATION),
	STRING('T', "target", N_("FILE"),
	    N_("the target profile of the community"),
	    OPT_IN(MODE_MEMBERS) | OPT_IN(MODE_REPRESENTATION), target_file),
	OPT_MODE('u', "update", OPT_UPDATE_HELP, MODE_UPDATE),
	OPT_MODE('D', "due", N_("say whether a review is due"), MODE_DUE),
	STRING('R', "reviewed", N_("DATE"),
	    N_("-u: the day of the review (today)"), UPDATE, reviewed_arg),
	OPT_VALUE('o', "limit", N_("NAME=VALUE"),
	    N_("a threshold of the review (see the manual)"), OPT_ANY & ~UPDATE &
	    ~EXPIRE),
	STRING('c', "coordinator", N_("ALIAS"),
	    N_("-u: who follows up a talk decision"), UPDATE, coordinator),
	OPT_MODE('X', "expire-texts", N_("clear the texts past their "
	    "retention period (for cron)"), MODE_EXPIRE),
	OPT_VALUE('k', "keep", N_("KIND=MONTHS"), N_("with -X: the retention "
	    "of a kind of text (see the manual)"), EXPIRE),
	FLAG('q', "quiet", N_("print nothing when storing"), quiet),
	FLAG(NAMES_OPT_ALLOW, "allow-names",
	    N_("let members' names through in review notes"), allow_names),
	OPT_DB(OPT_ANY), OPT_NETWORK(OPT_ANY), OPT_FORMAT(OPT_ANY),
	OPT_INPUT(UPDATE), OPT_DRY_RUN(UPDATE | EXPIRE), { .ch = 0 }
};

static const struct opt_mode modes[] = {
	[MODE_MEMBERS] = { OPT_NONE, NULL }, [MODE_SUMMARY] = { OPT_NONE, NULL },
	[MODE_REPRESENTATION] = { OPT_NONE, NULL },
	[MODE_UPDATE] = { OPT_MANY, NULL }, [MODE_DUE] = { OPT_NONE, NULL },
	[MODE_EXPIRE] = { OPT_NONE, NULL }
};

static const struct opt_cmd cmdline = {
	.name = "ally-review",
	OPT_TABLES(table, modes), .initial = MODE_MEMBERS, .call = option,
	.check = check,
	/*
	 * TRANSLATORS: the option letters stay as they are; the words for
	 * their arguments may be translated.  Keep the lines lined up under
	 * the command name.
	 */
	.synopsis = N_("usage: ally-review [-d db] [-n network] [-f format] "
	    "[-s since] [-t until]\n"
	    "                   [-o name=value] [-T target]\n"
	    "       ally-review -S [-d db] [-n network] [-f format] [-t until] "
	    "[-o name=value]\n"
	    "       ally-review -r [-d db] [-n network] [-f format] [-T target] "
	    "[-o name=value]\n"
	    "       ally-review -u [-Nq] [--allow-names] [-d db] [-n network] "
	    "[-f format]\n"
	    "                   [-F format] [-R date] [-c coordinator] [file ...]\n"
	    "       ally-review -D [-d db] [-n network] [-o name=value]\n"
	    "       ally-review -X [-N] [-d db] [-n network] [-f format] "
	    "[-k kind=months]\n")
};

int
main(int argc, char *argv[])
{
	struct review rv;
	struct ally_error e = { 0, "" };
	int m, rc;

	memset(&rv, 0, sizeof(rv));
	review_limits_init(&rv.lim);
	memcpy(rv.keep, expiry_default_months, sizeof(rv.keep));
	if ((rc = opt_main(&cmdline, &argc, &argv, &rv, &rv.o, &m, &e)) >= 0)
		return rc;
	if ((rc = settle(&rv, rv.since_arg, rv.until_arg, rv.reviewed_arg,
	    &e)) == 0)
		rc = run(&rv, argv, argc, &e);
	session_close(&rv.s);
	review_target_free(rv.target);
	review_decided_free(rv.decided);
	/* Cron: 0 when a review is due (and said so), 1 when none is. */
	if ((rc = opt_main_end(rc, &e)) == 0 && m == MODE_DUE &&
	    rv.printed == 0)
		return 1;
	return rc;
}
