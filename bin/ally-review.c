/*
 * ally-review: the half-yearly review of who sits at the table.
 *
 * By default one review record per member over the last six months;
 * -S the network's summary, -r its representation of the community in
 * aggregates, -f text the whole report to print for the review meeting.
 * The coordinator fills in the decisions and feeds the records back with
 * -u; -D tells cron when the next review is due.
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

enum mode { MODE_MEMBERS, MODE_SUMMARY, MODE_REPRESENTATION, MODE_UPDATE,
    MODE_DUE };

struct review {
	struct ally_opts	 o;
	struct review_limits	 lim;
	enum mode		 mode;
	day_t			 today, since, until, reviewed;
	const char		*target_file;
	const char		*since_arg, *until_arg, *reviewed_arg;
	int			 quiet, allow_names;
	struct ally_session	 s;
	sqlite3			*db;		/* s.db */
	struct network		 net;		/* s.net */
	struct review_target	*target;
	struct writer		*w;
	/* -u: the decisions made, for check_twice */
	struct decided {
		char		*alias;
		char		 reviewed[11];
		char		*line;
	}			*decided;
	size_t			 ndecided, capdecided;
	long			 stored;
	int			 printed;	/* -D */
};

/* The columns of the printed member table: the flags say the rest. */
static const char *const text_member_columns[] = { "alias", "role",
    "status", "status_since", "meetings", "present", "attendance",
    "last_present", "absent_in_row", "flags", "decision", NULL };
static const char *const text_cell_columns[] = { "dimension", "group",
    "count", "share", NULL };

static int
put_record(struct record *r, void *arg, struct ally_error *err)
{
	struct review *rv = arg;

	return writer_put(rv->w, r, err);
}

/* A writer over stdout; closed (and checked) by close_writer. */
static int
open_writer(struct review *rv, enum format fmt, const char *const *cols,
    struct ally_error *err)
{
	return (rv->w = writer_open(stdout, fmt, cols, 0, err)) == NULL ?
	    -1 : 0;
}

static int
close_writer(struct review *rv, struct ally_error *err)
{
	struct writer *w = rv->w;

	rv->w = NULL;
	return writer_close(w, err);
}

static int
load_target(struct review *rv, struct ally_error *err)
{
	char *files[1];

	if (rv->target_file == NULL)
		return 0;
	if ((rv->target = review_target_new()) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	files[0] = (char *)rv->target_file;
	return records_each(files, 1, FMT_AUTO, review_target_add, rv->target,
	    err);
}

/* ---- the printed report ------------------------------------------------ */

static const char *
field_or(const struct record *r, const char *key, const char *dflt)
{
	const char *v = record_get(r, key);

	return v != NULL ? v : dflt;
}

/* The size of the network, by the word the summary record gives it. */
static void
size_line(const struct record *s, char *line, size_t len)
{
	const char *size = field_or(s, "size", "-");
	const char *fmt;

	if (strcmp(size, "small") == 0)
		/*
		 * TRANSLATORS: the number of allies at the table, how that
		 * compares with the agreed size, the minimum, the maximum,
		 * and the number of active members, candidates and paused
		 * members.
		 */
		fmt = _("%s: small (at least %s, at most %s; active %s, "
		    "candidates %s, paused %s)");
	else if (strcmp(size, "over") == 0)
		fmt = _("%s: over (at least %s, at most %s; active %s, "
		    "candidates %s, paused %s)");
	else
		fmt = _("%s: ok (at least %s, at most %s; active %s, "
		    "candidates %s, paused %s)");
	snprintf(line, len, fmt, field_or(s, "allies", "0"),
	    field_or(s, "min_size", "-"), field_or(s, "max_size", "-"),
	    field_or(s, "active", "0"), field_or(s, "candidates", "0"),
	    field_or(s, "paused", "0"));
}

/* The meetings held against the norm, by the word the record gives. */
static void
meetings_line(const struct record *s, char *line, size_t len)
{
	const char *norm = field_or(s, "meetings_norm", "-");
	const char *fmt;

	if (strcmp(norm, "few") == 0)
		/*
		 * TRANSLATORS: the number of meetings held in the twelve
		 * months up to a date, how that compares with the norm, and
		 * the norm.
		 */
		fmt = _("%s in the twelve months to %s: few (norm %s to %s)");
	else if (strcmp(norm, "many") == 0)
		fmt = _("%s in the twelve months to %s: many (norm %s to %s)");
	else
		fmt = _("%s in the twelve months to %s: ok (norm %s to %s)");
	snprintf(line, len, fmt, field_or(s, "meetings", "0"),
	    field_or(s, "until", "-"), field_or(s, "min_meetings", "-"),
	    field_or(s, "max_meetings", "-"));
}

/* The last review and when the next one is due. */
static void
review_line(const struct record *s, char *line, size_t len)
{
	const char *last = record_get(s, "last_review");
	const char *next = field_or(s, "next_review", "-");
	int now = strcmp(field_or(s, "due", "no"), "yes") == 0;

	if (last != NULL)
		/* TRANSLATORS: the date of the last review; the next one's. */
		snprintf(line, len, now ? _("%s; the next is due %s (due now)") :
		    _("%s; the next is due %s"), last, next);
	else
		snprintf(line, len, now ? _("none yet; the next is due %s "
		    "(due now)") : _("none yet; the next is due %s"), next);
}

/* The role of a vacant seat ("police", the n bytes of v) in words. */
static const char *
seat_role(const char *v, size_t n)
{
	if (n == 6 && strncmp(v, "police", n) == 0)
		return _("police");
	if (n == 12 && strncmp(v, "municipality", n) == 0)
		return _("municipality");
	return NULL;
}

/*
 * The lines of the network summary, a label and a sentence each, for
 * the text and the printed report alike.
 */
static int
summary_lines(const struct record *s,
    int (*fn)(const char *, const char *, void *), void *arg)
{
	const char **vac;
	char *buf, line[512];
	size_t n, i;
	int rc;

	size_line(s, line, sizeof(line));
	/*
	 * TRANSLATORS: the labels of the network summary are padded to 20
	 * characters in the text report: keep them at most 20 long.
	 */
	rc = fn(_("allies at the table"), line, arg);
	snprintf(line, sizeof(line), _("%s active"), field_or(s, "police",
	    "0"));
	rc |= fn(_("police"), line, arg);
	snprintf(line, sizeof(line), _("%s active"), field_or(s,
	    "municipality", "0"));
	rc |= fn(_("municipality"), line, arg);
	n = record_list(s, "vacancies", &vac, &buf);
	if (n == 0)
		rc |= fn(_("vacancies"), _("none"), arg);
	for (i = 0; i < n; i++) {
		const char *colon = strchr(vac[i], ':');
		const char *role = seat_role(vac[i], colon != NULL ?
		    (size_t)(colon - vac[i]) : strlen(vac[i]));

		if (role != NULL && colon != NULL)
			/* TRANSLATORS: police or municipality; an alias. */
			snprintf(line, sizeof(line), _("%s: the seat %s held "
			    "has no successor"), role, colon + 1);
		else if (role != NULL && *vac[i] == 'p')
			snprintf(line, sizeof(line), "%s: %s", role,
			    _("nobody of the police at the table"));
		else if (role != NULL)
			snprintf(line, sizeof(line), "%s: %s", role,
			    _("nobody of the municipality at the table"));
		else
			snprintf(line, sizeof(line), "%s", vac[i]);
		rc |= fn(_("vacancy"), line, arg);
	}
	free(vac);
	free(buf);
	meetings_line(s, line, sizeof(line));
	rc |= fn(_("meetings held"), line, arg);
	review_line(s, line, sizeof(line));
	rc |= fn(_("last review"), line, arg);
	return rc ? -1 : 0;
}

static int
text_summary_line(const char *label, const char *text, void *arg)
{
	(void)arg;
	return printf("  %-20s %s\n", label, text) < 0 ? -1 : 0;
}

static int
print_summary(const struct record *s)
{
	if (printf(_("Network %s on %s\n"), field_or(s, "network", "-"),
	    field_or(s, "until", "-")) < 0)
		return -1;
	return summary_lines(s, text_summary_line, NULL);
}

static int
report_members(struct review *rv, struct ally_error *err)
{
	char s[11], u[11];

	date_format(rv->since, s);
	date_format(rv->until, u);
	if (printf(_("Members: meetings held from %s to %s\n"), s, u) < 0)
		return ally_errorf(err, EX_IOERR, "standard output: write "
		    "error");
	if (open_writer(rv, FMT_TEXT, text_member_columns, err) != 0 ||
	    review_members(rv->db, &rv->net, rv->since, rv->until, &rv->lim,
	    put_record, rv, err) != 0)
		return -1;
	return close_writer(rv, err);
}

static int
report_representation(struct review *rv, const struct record *s,
    struct ally_error *err)
{
	/* TRANSLATORS: break the line before it grows past 90 characters. */
	if (printf(_("Representation of the %s allies at the table (counts "
	    "under %d shown as <%d; * withheld so that\nno small count can "
	    "be worked out from the total)\n"), field_or(s, "allies", "0"),
	    rv->lim.cell, rv->lim.cell) < 0)
		return ally_errorf(err, EX_IOERR, "standard output: write "
		    "error");
	if (open_writer(rv, FMT_TEXT, rv->target != NULL ?
	    review_representation_fields : text_cell_columns, err) != 0 ||
	    review_representation(rv->db, &rv->net, &rv->lim, rv->target,
	    put_record, rv, err) != 0)
		return -1;
	return close_writer(rv, err);
}

static int
report_text(struct review *rv, struct ally_error *err)
{
	struct record *s;
	int rc = -1;

	if (review_summary(rv->db, &rv->net, rv->since, rv->until, &rv->lim,
	    &s, err) != 0)
		return -1;
	if (rv->mode == MODE_MEMBERS) {
		if (printf(_("Review of the allies network %s\n\n"),
		    rv->net.name) < 0 || report_members(rv, err) != 0 ||
		    putchar('\n') == EOF)
			goto out;
	}
	if (rv->mode != MODE_REPRESENTATION && print_summary(s) != 0)
		goto out;
	if (rv->mode == MODE_MEMBERS && putchar('\n') == EOF)
		goto out;
	if (rv->mode != MODE_SUMMARY && report_representation(rv, s, err) != 0)
		goto out;
	rc = 0;
out:
	record_free(s);
	if (rc != 0 && err->code == 0)
		ally_errorf(err, EX_IOERR, "standard output: write error");
	return rc;
}

/* ---- the printed sheet: troff for groff -t -ms -------------------------- */

static int
roff_summary_line(const char *label, const char *text, void *arg)
{
	const char *cells[2] = { label, text };

	return roff_table_row(arg, cells, 2);
}

/* One member a row; the decision is left blank to be written in. */
static int
roff_member(struct record *r, void *arg, struct ally_error *err)
{
	const char *cells[9], **flags;
	char *buf, status[64], present[48], list[512];
	size_t n, i, len = 0;

	n = record_list(r, "flags", &flags, &buf);
	list[0] = '\0';
	for (i = 0; i < n && len < sizeof(list); i++)
		len += snprintf(list + len, sizeof(list) - len, "%s%s",
		    i > 0 ? " " : "", flags[i]);
	free(flags);
	free(buf);
	snprintf(status, sizeof(status), "%s\n%s", field_or(r, "status", "-"),
	    field_or(r, "status_since", "-"));
	/* TRANSLATORS: meetings present of meetings held, in a narrow cell. */
	snprintf(present, sizeof(present), _("%s of %s"),
	    field_or(r, "present", "0"), field_or(r, "meetings", "0"));
	cells[0] = field_or(r, "alias", "-");
	cells[1] = field_or(r, "role", "-");
	cells[2] = status;
	cells[3] = present;
	cells[4] = field_or(r, "attendance", "-");
	cells[5] = field_or(r, "last_present", "-");
	cells[6] = field_or(r, "absent_in_row", "0");
	cells[7] = n > 0 ? list : "-";
	cells[8] = field_or(r, "decision", "");
	(void)err;
	return roff_table_row(arg, cells, 9);
}

static int
roff_members(struct review *rv, struct ally_error *err)
{
	/*
	 * TRANSLATORS: the column headings of the printed member table,
	 * narrow columns: keep them short.
	 */
	static const char *const heads[] = { N_("Alias"), N_("Role"),
	    N_("Status since"), N_("Present"), "%", N_("Last present"),
	    N_("Absent"), N_("Flags"), N_("Decision") };
	const char *h[10];
	struct roff_table t;
	char s[11], u[11];
	size_t i;

	date_format(rv->since, s);
	date_format(rv->until, u);
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		h[i] = _(heads[i]);
	h[i] = NULL;
	roff_heading(stdout, _("Members"));
	/* TRANSLATORS: keep, talk and phase-out are written as they are. */
	roff_paragraphf(stdout, _("Meetings held from %s to %s.  Absent: "
	    "meetings missed in a row.  Decision: keep, talk or phase-out, "
	    "fed back with ally-review -u."), s, u);
	roff_table_begin(&t, stdout,
	    "l2 l2 lw(1.7c)2 l2 n2 l2 n2 lw(3.2c)2 lw(2c)", h,
	    ROFF_TABLE_SMALL);
	if (review_members(rv->db, &rv->net, rv->since, rv->until, &rv->lim,
	    roff_member, &t, err) != 0)
		return -1;
	return roff_table_end(&t);
}

struct roff_cells {
	struct roff_table	 t;
	const char *const	*cols;
};

static int
roff_cell(struct record *r, void *arg, struct ally_error *err)
{
	struct roff_cells *rc = arg;
	const char *cells[8];
	size_t n;

	(void)err;
	for (n = 0; rc->cols[n] != NULL && n < 8; n++)
		cells[n] = field_or(r, rc->cols[n], "-");
	return roff_table_row(&rc->t, cells, n);
}

static int
roff_representation(struct review *rv, const struct record *s,
    struct ally_error *err)
{
	/* TRANSLATORS: the column headings of the printed representation. */
	static const char *const heads[] = { N_("Dimension"), N_("Group"),
	    N_("Count"), N_("Share"), N_("Target"), N_("Expected"), N_("Gap"),
	    NULL };
	struct roff_cells rc;
	const char *h[8];
	size_t n;

	rc.cols = rv->target != NULL ? review_representation_fields :
	    text_cell_columns;
	for (n = 0; rc.cols[n] != NULL && n < 7; n++)
		h[n] = _(heads[n]);
	h[n] = NULL;
	roff_heading(stdout, _("Representation"));
	roff_paragraphf(stdout, _("Of the %s allies at the table; counts under "
	    "%d are shown as <%d, and * is withheld so that no small count "
	    "can be worked out from the total."), field_or(s, "allies", "0"),
	    rv->lim.cell, rv->lim.cell);
	roff_table_begin(&rc.t, stdout, rv->target != NULL ?
	    "l l n n n n l" : "l l n n", h, 0);
	if (review_representation(rv->db, &rv->net, &rv->lim, rv->target,
	    roff_cell, &rc, err) != 0)
		return -1;
	return roff_table_end(&rc.t);
}

static int
report_roff(struct review *rv, struct ally_error *err)
{
	struct roff_table t;
	struct record *s;
	char u[11];
	int rc = -1;

	if (review_summary(rv->db, &rv->net, rv->since, rv->until, &rv->lim,
	    &s, err) != 0)
		return -1;
	date_format(rv->until, u);
	roff_begin(stdout, rv->net.name, rv->mode == MODE_MEMBERS ?
	    _("Review of the allies network") : rv->mode == MODE_SUMMARY ?
	    _("The allies network") : _("Representation at the table"), u);
	if (rv->mode == MODE_MEMBERS && roff_members(rv, err) != 0)
		goto out;
	if (rv->mode != MODE_REPRESENTATION) {
		roff_heading(stdout, _("Network"));
		roff_table_begin(&t, stdout, "lB lx", NULL, 0);
		/* TRANSLATORS: labels of the printed summary: network, date. */
		roff_summary_line(_("network"), rv->net.name, &t);
		roff_summary_line(_("on"), u, &t);
		summary_lines(s, roff_summary_line, &t);
		roff_table_end(&t);
	}
	if (rv->mode != MODE_SUMMARY && roff_representation(rv, s, err) != 0)
		goto out;
	rc = 0;
out:
	record_free(s);
	return rc;
}

/* ---- records ------------------------------------------------------------- */

static int
report_records(struct review *rv, struct ally_error *err)
{
	struct record *s;
	int rc;

	switch (rv->mode) {
	case MODE_SUMMARY:
		if (review_summary(rv->db, &rv->net, rv->since, rv->until,
		    &rv->lim, &s, err) != 0)
			return -1;
		rc = open_writer(rv, rv->o.format, review_summary_fields,
		    err) == 0 ? writer_put(rv->w, s, err) : -1;
		record_free(s);
		if (rc != 0)
			return -1;
		break;
	case MODE_REPRESENTATION:
		if (open_writer(rv, rv->o.format, review_representation_fields,
		    err) != 0 || review_representation(rv->db, &rv->net,
		    &rv->lim, rv->target, put_record, rv, err) != 0)
			return -1;
		break;
	default:
		if (open_writer(rv, rv->o.format, review_fields, err) != 0 ||
		    review_members(rv->db, &rv->net, rv->since, rv->until,
		    &rv->lim, put_record, rv, err) != 0)
			return -1;
		break;
	}
	return close_writer(rv, err);
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
	if (rv->o.format == FMT_TEXT)
		rc = report_text(rv, err);
	else if (rv->o.format == FMT_ROFF)
		rc = report_roff(rv, err);
	else
		rc = report_records(rv, err);
	if (rv->w != NULL)
		writer_close(rv->w, NULL);
	rv->w = NULL;
	session_close(&rv->s);
	return rc;
}

/* ---- decisions ------------------------------------------------------------ */

/*
 * Two decisions for one member on one date: which one was meant?  The
 * decisions made are remembered for it; the results wait in the spool.
 */
static int
check_twice(struct review *rv, const struct record *in,
    const struct record *res, struct ally_error *err)
{
	const char *alias = record_get(res, "alias");
	const char *date = record_get(res, "reviewed");
	struct decided *d;
	size_t i;

	if (record_get(res, "decision") == NULL)
		return 0;
	for (i = 0; i < rv->ndecided; i++)
		if (strcmp(rv->decided[i].alias, alias) == 0 &&
		    strcmp(rv->decided[i].reviewed, date) == 0)
			return ally_error_at(err, EX_DATAERR, in->file,
			    record_line(in, "decision"), "decision", "a second "
			    "decision for %s on %s (the first is on line %s)",
			    alias, date, rv->decided[i].line);
	if (rv->ndecided == rv->capdecided) {
		rv->capdecided = rv->capdecided ? rv->capdecided * 2 : 16;
		if ((d = reallocarray(rv->decided, rv->capdecided,
		    sizeof(*d))) == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
		rv->decided = d;
	}
	d = &rv->decided[rv->ndecided];
	snprintf(d->reviewed, sizeof(d->reviewed), "%s", date);
	if ((d->alias = strdup(alias)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if ((d->line = strdup(field_or(res, "line", "?"))) == NULL) {
		free(d->alias);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	rv->ndecided++;
	return 0;
}

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct review *rv = arg;
	struct record *res;
	const char *change;
	int rc;

	if (review_apply(rv->db, &rv->net, r, rv->today, rv->reviewed, &res,
	    err) != 0)
		return -1;
	change = record_get(res, "change");
	if (strcmp(change, "added") == 0 || strcmp(change, "updated") == 0)
		rv->stored++;
	if ((rc = check_twice(rv, r, res, err)) == 0)
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
	if (one)
		rc = due_one(&rv->s.net, rv, err);
	else
		rc = network_each(rv->db, due_one, rv, err);
	session_close(&rv->s);
	return rc != 0 ? -1 : 0;
}

/* ---- main ---------------------------------------------------------------- */

static int
date_option(const char *name, const char *arg, day_t *d,
    struct ally_error *err)
{
	if (date_parse(arg, d) != 0)
		return ally_errorf(err, EX_USAGE, "--%s: '%s' is not a date "
		    "(YYYY-MM-DD)", name, arg);
	return 0;
}

/* The window, the review date and the thresholds, once all are known. */
static int
settle(struct review *rv, const char *since, const char *until,
    const char *reviewed, struct ally_error *err)
{
	if (date_today(&rv->today, err) != 0 ||
	    review_limits_check(&rv->lim, err) != 0)
		return -1;
	rv->until = rv->today;
	if (until != NULL && date_option("until", until, &rv->until, err))
		return -1;
	rv->since = date_add_months(rv->until, -6);
	if (since != NULL && date_option("since", since, &rv->since, err))
		return -1;
	if (rv->since > rv->until)
		return ally_errorf(err, EX_USAGE, "--since %s is after --until",
		    since != NULL ? since : "");
	rv->reviewed = rv->today;
	if (reviewed != NULL) {
		if (date_option("reviewed", reviewed, &rv->reviewed, err))
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

static const struct opt table[] = {
	{ .ch = 's', .name = "since", .arg = N_("DATE"),
	  .help = N_("the start of the window (six months before -t)"),
	  .modes = REPORTS, .kind = OPT_STRING,
	  .off = offsetof(struct review, since_arg) },
	{ .ch = 't', .name = "until", .arg = N_("DATE"),
	  .help = N_("the end of the window (today)"), .modes = REPORTS,
	  .kind = OPT_STRING, .off = offsetof(struct review, until_arg) },
	{ .ch = 'S', .name = "summary", .help = N_("the network's summary"),
	  .modes = OPT_IN(MODE_SUMMARY), .sets = OPT_IN(MODE_SUMMARY) },
	{ .ch = 'r', .name = "representation",
	  .help = N_("how the table represents the community"),
	  .modes = OPT_IN(MODE_REPRESENTATION),
	  .sets = OPT_IN(MODE_REPRESENTATION) },
	{ .ch = 'T', .name = "target", .arg = N_("FILE"),
	  .help = N_("the target profile of the community"),
	  .modes = OPT_IN(MODE_MEMBERS) | OPT_IN(MODE_REPRESENTATION),
	  .kind = OPT_STRING, .off = offsetof(struct review, target_file) },
	{ .ch = 'u', .name = "update", .help = OPT_UPDATE_HELP,
	  .modes = UPDATE, .sets = UPDATE },
	{ .ch = 'D', .name = "due", .help = N_("say whether a review is due"),
	  .modes = OPT_IN(MODE_DUE), .sets = OPT_IN(MODE_DUE) },
	{ .ch = 'R', .name = "reviewed", .arg = N_("DATE"),
	  .help = N_("-u: the day of the review (today)"), .modes = UPDATE,
	  .kind = OPT_STRING, .off = offsetof(struct review, reviewed_arg) },
	{ .ch = 'o', .name = "limit", .arg = N_("NAME=VALUE"),
	  .help = N_("a threshold of the review (see the manual)"),
	  .modes = OPT_ANY },
	{ .ch = 'q', .name = "quiet", .help = N_("print nothing when storing"),
	  .modes = UPDATE, .kind = OPT_FLAG,
	  .off = offsetof(struct review, quiet) },
	{ .ch = NAMES_OPT_ALLOW, .name = "allow-names",
	  .help = N_("let members' names through in review notes"),
	  .modes = UPDATE, .kind = OPT_FLAG,
	  .off = offsetof(struct review, allow_names) },
	OPT_DB(OPT_ANY),
	OPT_NETWORK(OPT_ANY),
	OPT_FORMAT(OPT_ANY),
	OPT_INPUT(UPDATE),
	OPT_DRY_RUN(UPDATE),
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[MODE_MEMBERS] = { OPT_NONE, NULL }, [MODE_SUMMARY] = { OPT_NONE, NULL },
	[MODE_REPRESENTATION] = { OPT_NONE, NULL },
	[MODE_UPDATE] = { OPT_MANY, NULL }, [MODE_DUE] = { OPT_NONE, NULL }
};

static const struct opt_cmd cmdline = {
	.name = "ally-review",
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
	    "                   [-F format] [-R date] [file ...]\n"
	    "       ally-review -D [-d db] [-n network] [-o name=value]\n"),
	.opts = table, .modes = modes, .nmodes = MODE_DUE + 1,
	.initial = MODE_MEMBERS, .call = option, .check = check
};

int
main(int argc, char *argv[])
{
	struct review rv;
	struct ally_error e = { 0, "" };
	size_t i;
	int m, rc;

	memset(&rv, 0, sizeof(rv));
	ally_i18n_init();
	ally_opts_init(&rv.o);
	review_limits_init(&rv.lim);
	if ((rc = opt_parse(&cmdline, &argc, &argv, &rv, &rv.o, &m, &e)) !=
	    OPT_RUN) {
		if (e.msg[0] != '\0')
			warnx("%s", e.msg);
		return opt_exit(&cmdline, rc, &e);
	}
	rc = settle(&rv, rv.since_arg, rv.until_arg, rv.reviewed_arg, &e);
	if (rc == 0)
		rc = run(&rv, argv, argc, &e);
	if (rc == 0 && ally_close_stdout(&e) != 0)
		rc = -1;
	session_close(&rv.s);
	review_target_free(rv.target);
	for (i = 0; i < rv.ndecided; i++) {
		free(rv.decided[i].alias);
		free(rv.decided[i].line);
	}
	free(rv.decided);
	if (rc != 0) {
		warnx("%s", e.msg);
		return e.code ? e.code : EX_SOFTWARE;
	}
	/* Cron: 0 when a review is due (and said so), 1 when none is. */
	if (rv.mode == MODE_DUE && rv.printed == 0)
		return 1;
	return 0;
}
