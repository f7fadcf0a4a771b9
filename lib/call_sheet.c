/*
 * call_sheet.c: the call round as ally-add runs it.  A round is opened
 * (and closed) by round records, its call sheet is printed for the
 * callers (audited, since it holds names and numbers), the sheet comes
 * back with the outcomes through a pipe, and -T says who is still to be
 * reached, for cron or watch(1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "callround.h"
#include "call_sheet.h"
#include "doc.h"
#include "fields.h"
#include "member.h"
#include "session.h"

/* What one writing mode needs in its callback. */
struct round_run {
	struct ally_session		 s;
	const struct contact_select	*sel;
	struct callround_now		 now;
};

static int
round_one(struct record *r, void *arg, struct ally_error *err)
{
	struct round_run *a = arg;
	struct record *out;
	int rc;

	if (callround_apply(a->s.db, &a->s.net, r, a->sel, &a->now, &out,
	    err) != 0)
		return -1;
	rc = session_result(&a->s, out, err);
	record_free(out);
	return rc;
}

static int
outcome_one(struct record *r, void *arg, struct ally_error *err)
{
	struct round_run *a = arg;
	struct record *out;
	int rc;

	if (callround_outcome(a->s.db, &a->s.net, r, &a->now, &out, err) != 0)
		return -1;
	if (out == NULL)
		return 0;
	rc = session_result(&a->s, out, err);
	record_free(out);
	return rc;
}

/* One transaction of records through fn: the rounds, or the outcomes. */
static int
apply(const struct ally_opts *o, const struct contact_select *sel,
    char *const *files, int nfiles, int (*fn)(struct record *, void *,
    struct ally_error *), const char *const *columns,
    void (*warn)(const char *, ...), struct ally_error *err)
{
	struct round_run a;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	a.sel = sel;
	if (date_now(&a.now.day, &a.now.minute, err) != 0 ||
	    session_open(&a.s, o, 0, warn, err) != 0)
		return -1;
	a.s.columns = columns;
	if (session_apply(&a.s, files, nfiles, fn, &a, err) == 0)
		rc = session_finish(&a.s, err);
	session_close(&a.s);
	return rc;
}

int
call_round_apply(const struct ally_opts *o, const struct contact_select *sel,
    char *const *files, int nfiles, void (*warn)(const char *, ...),
    struct ally_error *err)
{
	return apply(o, sel, files, nfiles, round_one, callround_fields, warn,
	    err);
}

int
call_outcomes_apply(const struct ally_opts *o, char *const *files,
    int nfiles, void (*warn)(const char *, ...), struct ally_error *err)
{
	return apply(o, NULL, files, nfiles, outcome_one,
	    callround_outcome_fields, warn, err);
}

/* ---- the sheet ------------------------------------------------------- */

static const char *
get(const struct record *r, const char *k, const char *dflt)
{
	const char *v = record_get(r, k);

	return v != NULL ? v : dflt;
}

/* The head of the sheet: the round, its counts, the warning. */
static void
sheet_head(struct document *d, const struct record *round)
{
	doc_paragraph(d, _("Confidential: the names and numbers of the "
	    "members. Do not pass on; destroy after the round."));
	doc_pair(d, _("Opened"), get(round, "opened", "-"));
	doc_pair(d, _("Reason"), get(round, "reason", "-"));
	doc_pair(d, _("Themes"), get(round, "themes", "-"));
	doc_pair(d, _("Status"), strcmp(get(round, "status", ""), "open") ==
	    0 ? _("open") : _("closed"));
	doc_pair(d, _("To call"), get(round, "calls", "0"));
	doc_pair(d, _("Reached"), get(round, "reached", "0"));
	doc_pair(d, _("Still to reach"), get(round, "to_reach", "0"));
}

/* An outcome in the reader's words, or empty: still to call. */
static const char *
outcome_words(const struct record *c)
{
	const char *v = record_get(c, "outcome");

	return v != NULL ? _(v) : "";
}

/*
 * For print a table with room to write; for a phone (the mail) one
 * numbered entry per call, the number on a line of its own to tap.
 */
static struct document *
sheet_document(const struct record *round, struct record *const *v,
    size_t n, int phone)
{
	const char *heads[] = { _("alias"), _("name"), _("phone"),
	    _("outcome"), _("at"), _("call back"), _("heard") };
	const char *cells[7];
	char title[512], line[512];
	struct document *d;
	size_t i;

	/* TRANSLATORS: the title of a call sheet: the round's id, reason. */
	snprintf(title, sizeof(title), _("Call round %s: %s"), get(round,
	    "id", "?"), get(round, "reason", ""));
	d = doc_new(title, get(round, "network", ""), get(round, "opened", ""));
	sheet_head(d, round);
	doc_heading(d, _("Calls"));
	if (!phone)
		doc_table(d, "l l l l l l lw(24)", heads, 0);
	for (i = 0; i < n; i++) {
		cells[0] = get(v[i], "alias", "");
		cells[1] = get(v[i], "name", "");
		cells[2] = get(v[i], "phone", "");
		cells[3] = outcome_words(v[i]);
		cells[4] = get(v[i], "at", "");
		cells[5] = get(v[i], "call_back", "");
		cells[6] = "";
		if (!phone) {
			doc_row(d, cells);
			continue;
		}
		snprintf(line, sizeof(line), "%s  %s%s%s", cells[0], cells[1],
		    *cells[3] != '\0' ? "  " : "", cells[3]);
		doc_item(d, line);
		doc_paragraph(d, *cells[2] != '\0' ? cells[2] : _("no phone "
		    "number"));
	}
	doc_list_end(d);
	doc_paragraph(d, _("Write the outcome of each call (reached, "
	    "no-answer, call-back with the time, declined), its time, and "
	    "what was heard; feed the sheet back with ally-add -o."));
	return d;
}

static int
sheet_print(const struct ally_opts *o, const struct record *round,
    struct record *const *v, size_t n, struct ally_error *err)
{
	struct document *d;
	char subject[256];
	int rc;

	if (o->format == FMT_CSV || o->format == FMT_YAML)
		return records_write(o->format, 0, v, n, call_fields, err);
	d = sheet_document(round, v, n, o->format == FMT_MAIL);
	if (o->format != FMT_MAIL) {
		rc = doc_write(stdout, d, o->format, 0, err);
		doc_done(d);
		return rc;
	}
	/* TRANSLATORS: a mail's subject: the network, the round's id. */
	snprintf(subject, sizeof(subject), _("Call sheet of %s, round %s"),
	    get(round, "network", ""), get(round, "id", ""));
	rc = doc_mail_to(stdout, d, o->to, o->nto, subject, err);
	doc_done(d);
	return rc;
}

int
call_sheet_write(const struct ally_opts *o, long long id,
    void (*warn)(const char *, ...), struct ally_error *err)
{
	struct ally_session s;
	struct ally_opts so = *o;
	struct record *round = NULL, **v = NULL;
	size_t n = 0;
	char what[96];
	int rc = -1;

	if (so.format != FMT_TEXT && so.format != FMT_ROFF &&
	    so.format != FMT_MAIL && so.format != FMT_CSV &&
	    so.format != FMT_YAML)
		return ally_errorf(err, EX_USAGE, "--call-sheet: the sheet is "
		    "written as text, roff, mail, csv or yaml, not %s",
		    format_name(so.format));
	if (session_open(&s, &so, SESSION_OWN_FORMAT | SESSION_QUIET, warn,
	    err) != 0)
		return -1;
	if (callround_get(s.db, &s.net, id, &round, err) != 0 ||
	    callround_calls(s.db, strtoll(record_get(round, "id"), NULL, 10),
	    CALLS_SHEET, &v, &n, err) != 0)
		goto out;
	snprintf(what, sizeof(what), "call sheet (%s) of round %s",
	    format_name(so.format), record_get(round, "id"));
	/* Printed before the commit of the audit entry: see session.c. */
	if (session_audit(&s, "ally-add --call-sheet", what, (long)n,
	    err) != 0 || sheet_print(&so, round, v, n, err) != 0 ||
	    session_commit(&s, err) != 0)
		goto out;
	rc = 0;
out:
	record_free(round);
	privacy_records_free(v, n);
	session_close(&s);
	return rc;
}

/* ---- who is still to be reached -------------------------------------- */

struct to_reach {
	long long	 id;
	int		*nobody;
};

static int
to_reach(struct ally_session *s, void *arg, struct ally_error *err)
{
	static const char *const cols[] = { "round", "alias", "role",
	    "outcome", "at", "call_back", NULL };
	struct to_reach *t = arg;
	struct record *round = NULL, **v = NULL;
	size_t n = 0;
	int rc = -1;

	*t->nobody = 1;
	if (callround_get(s->db, &s->net, t->id, &round, err) != 0) {
		/* No round at all: nobody to reach, for cron. */
		if (t->id == 0 && err->code == EX_DATAERR) {
			ally_error_clear(err);
			rc = 0;
		}
	} else if (strcmp(record_get(round, "status"), "closed") == 0)
		rc = 0;		/* a closed round reaches nobody any more */
	else if (callround_calls(s->db, strtoll(record_get(round, "id"), NULL,
	    10), CALLS_TO_REACH, &v, &n, err) == 0) {
		*t->nobody = n == 0;
		rc = records_write(s->o->format, 0, v, n, cols, err);
	}
	record_free(round);
	privacy_records_free(v, n);
	return rc;
}

int
call_to_reach(const struct ally_opts *o, long long id, int *nobody,
    void (*warn)(const char *, ...), struct ally_error *err)
{
	struct to_reach t = { id, nobody };

	*nobody = 0;
	if (format_for_records(o->format, err) != 0)
		return -1;
	return session_read(o, SESSION_SNAPSHOT, warn, to_reach, &t, err);
}
