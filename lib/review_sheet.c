/*
 * review_sheet.c: the sheet people read at the half-yearly review, built
 * once as a document from the review records (review.c) and rendered by
 * doc.c as text or as roff for print.  The printed form is the model:
 * the text shows the same headings, sentences and columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "review.h"
#include "review_sheet.h"

/*
 * The columns of the member table.  The decision takes what the line
 * leaves in print, room to write it in; the status and its date stand
 * on one line.
 */
#define MEMBER_KEYS	"l2 l2 l2 l2 n2 l2 n2 lw(3.2c)2 lx"
#define MEMBER_COLS	9

/* The columns of the representation without a target profile. */
static const char *const cell_columns[] = { "dimension", "group", "count",
    "share", NULL };

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

/* A vacant seat ("police:P01", "municipality") in words. */
static void
vacancy_line(const char *v, char *line, size_t len)
{
	const char *colon = strchr(v, ':');
	size_t n = colon != NULL ? (size_t)(colon - v) : strlen(v);
	const char *role = NULL;

	if (n == 6 && strncmp(v, "police", n) == 0)
		role = _("police");
	else if (n == 12 && strncmp(v, "municipality", n) == 0)
		role = _("municipality");
	if (role != NULL && colon != NULL)
		/* TRANSLATORS: police or municipality; an alias. */
		snprintf(line, len, _("%s: the seat %s held has no successor"),
		    role, colon + 1);
	else if (role != NULL && *v == 'p')
		snprintf(line, len, "%s: %s", role,
		    _("nobody of the police at the table"));
	else if (role != NULL)
		snprintf(line, len, "%s: %s", role,
		    _("nobody of the municipality at the table"));
	else
		snprintf(line, len, "%s", v);
}

/* The network summary: a label and a sentence each. */
static void
summary_pairs(struct document *d, const struct record *s, const char *net,
    const char *date)
{
	const char **vac;
	char *buf, line[512];
	size_t n, i;

	doc_heading(d, _("Network"));
	/* TRANSLATORS: labels of the printed summary: network, date. */
	doc_pair(d, _("network"), net);
	doc_pair(d, _("on"), date);
	size_line(s, line, sizeof(line));
	doc_pair(d, _("allies at the table"), line);
	snprintf(line, sizeof(line), _("%s active"), field_or(s, "police",
	    "0"));
	doc_pair(d, _("police"), line);
	snprintf(line, sizeof(line), _("%s active"), field_or(s,
	    "municipality", "0"));
	doc_pair(d, _("municipality"), line);
	n = record_list(s, "vacancies", &vac, &buf);
	if (n == 0)
		doc_pair(d, _("vacancies"), _("none"));
	for (i = 0; i < n; i++) {
		vacancy_line(vac[i], line, sizeof(line));
		doc_pair(d, _("vacancy"), line);
	}
	free(vac);
	free(buf);
	meetings_line(s, line, sizeof(line));
	doc_pair(d, _("meetings held"), line);
	review_line(s, line, sizeof(line));
	doc_pair(d, _("last review"), line);
}

/* One member a row; the decision is left blank to be written in. */
static int
member_row(struct record *r, void *arg, struct ally_error *err)
{
	const char *cells[MEMBER_COLS], **flags;
	char *buf, status[64], present[48], list[512];
	size_t n, i, len = 0;

	(void)err;
	n = record_list(r, "flags", &flags, &buf);
	list[0] = '\0';
	for (i = 0; i < n && len < sizeof(list); i++)
		len += snprintf(list + len, sizeof(list) - len, "%s%s",
		    i > 0 ? " " : "", flags[i]);
	free(flags);
	free(buf);
	snprintf(status, sizeof(status), "%s %s", field_or(r, "status", "-"),
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
	doc_row(arg, cells);
	return 0;
}

static int
members(struct document *d, const struct review_sheet *rs,
    struct ally_error *err)
{
	/*
	 * TRANSLATORS: the column headings of the printed member table,
	 * narrow columns: keep them short.
	 */
	static const char *const heads[MEMBER_COLS] = { N_("Alias"),
	    N_("Role"), N_("Status since"), N_("Present"), "%",
	    N_("Last present"), N_("Absent"), N_("Flags"), N_("Decision") };
	const char *h[MEMBER_COLS];
	char s[11], u[11];
	size_t i;

	date_format(rs->since, s);
	date_format(rs->until, u);
	for (i = 0; i < MEMBER_COLS; i++)
		h[i] = _(heads[i]);
	doc_heading(d, _("Members"));
	/* TRANSLATORS: keep, talk and phase-out are written as they are. */
	doc_paragraphf(d, _("Meetings held from %s to %s.  Absent: "
	    "meetings missed in a row.  Decision: keep, talk or phase-out, "
	    "fed back with ally-review -u."), s, u);
	doc_table(d, MEMBER_KEYS, h, DOC_TABLE_SMALL);
	return review_members(rs->db, rs->net, rs->since, rs->until, rs->lim,
	    member_row, d, err);
}

/* One ally a row of the contact table: the last contact and the count. */
static int
contact_row(struct record *r, void *arg, struct ally_error *err)
{
	const char *cells[3];

	(void)err;
	if (strcmp(field_or(r, "role", ""), "ally") != 0)
		return 0;
	cells[0] = field_or(r, "alias", "-");
	cells[1] = field_or(r, "last_contact", "-");
	cells[2] = field_or(r, "contacts", "0");
	doc_row(arg, cells);
	return 0;
}

/* The contact log's side of the review: is everyone still spoken to? */
static int
contacts(struct document *d, const struct review_sheet *rs,
    struct ally_error *err)
{
	/* TRANSLATORS: the column headings of the printed contact table. */
	static const char *const heads[3] = { N_("Alias"), N_("Last contact"),
	    N_("Contacts") };
	const char *h[3];
	char s[11], u[11];
	size_t i;

	date_format(rs->since, s);
	date_format(rs->until, u);
	for (i = 0; i < 3; i++)
		h[i] = _(heads[i]);
	doc_heading(d, _("Contact between the meetings"));
	doc_paragraphf(d, _("The allies' last contact in the contact log up "
	    "to %s, and the number of contacts from %s to %s."), u, s, u);
	doc_table(d, "l2 l2 n", h, DOC_TABLE_SMALL);
	return review_members(rs->db, rs->net, rs->since, rs->until, rs->lim,
	    contact_row, d, err);
}

struct cells {
	struct document		*d;
	const char *const	*cols;
};

static int
representation_row(struct record *r, void *arg, struct ally_error *err)
{
	struct cells *c = arg;
	const char *cells[8];
	size_t n;

	(void)err;
	for (n = 0; c->cols[n] != NULL && n < 8; n++)
		cells[n] = field_or(r, c->cols[n], "-");
	doc_row(c->d, cells);
	return 0;
}

static int
representation(struct document *d, const struct review_sheet *rs,
    const struct record *s, struct ally_error *err)
{
	/* TRANSLATORS: the column headings of the printed representation. */
	static const char *const heads[] = { N_("Dimension"), N_("Group"),
	    N_("Count"), N_("Share"), N_("Target"), N_("Expected"), N_("Gap"),
	    NULL };
	struct cells c;
	const char *h[8];
	size_t n;

	c.d = d;
	c.cols = rs->target != NULL ? review_representation_fields :
	    cell_columns;
	for (n = 0; c.cols[n] != NULL && n < 7; n++)
		h[n] = _(heads[n]);
	h[n] = NULL;
	doc_heading(d, _("Representation"));
	doc_paragraphf(d, _("Of the %s allies at the table; counts under "
	    "%d are shown as <%d, and * is withheld so that no small count "
	    "can be worked out from the total."), field_or(s, "allies", "0"),
	    rs->lim->cell, rs->lim->cell);
	doc_table(d, rs->target != NULL ? "l l n n n n l" : "l l n n", h, 0);
	return review_representation(rs->db, rs->net, rs->lim, rs->target,
	    representation_row, &c, err);
}

int
review_sheet(const struct review_sheet *rs, struct document **out,
    struct ally_error *err)
{
	struct document *d;
	struct record *s;
	const char *title;
	char u[11];
	int rc = 0;

	*out = NULL;
	if (review_summary(rs->db, rs->net, rs->since, rs->until, rs->lim, &s,
	    err) != 0)
		return -1;
	date_format(rs->until, u);
	if (rs->parts & REVIEW_SHEET_MEMBERS)
		title = _("Review of the allies network");
	else if (rs->parts & REVIEW_SHEET_SUMMARY)
		title = _("The allies network");
	else
		title = _("Representation at the table");
	d = doc_new(title, rs->net->name, u);
	if (rs->parts & REVIEW_SHEET_MEMBERS)
		rc = members(d, rs, err);
	if (rc == 0 && (rs->parts & REVIEW_SHEET_MEMBERS))
		rc = contacts(d, rs, err);
	if (rc == 0 && (rs->parts & REVIEW_SHEET_SUMMARY))
		summary_pairs(d, s, rs->net->name, u);
	if (rc == 0 && (rs->parts & REVIEW_SHEET_REPRESENTATION))
		rc = representation(d, rs, s, err);
	record_free(s);
	if (rc != 0) {
		doc_done(d);
		return -1;
	}
	*out = d;
	return 0;
}

/* ---- the sheet fed back ------------------------------------------------------ */

struct review_decided {
	struct decided {
		char	*alias;
		char	 reviewed[11];
		char	*line;
	}	*v;
	size_t	 n, cap;
};

/* Room for one more decision, the array made on first use. */
static struct decided *
decided_next(struct review_decided **dp)
{
	struct review_decided *rd = *dp;
	struct decided *v;

	if (rd == NULL && (rd = *dp = calloc(1, sizeof(*rd))) == NULL)
		return NULL;
	if ((v = array_grow(rd->v, rd->n, &rd->cap, sizeof(*v))) == NULL)
		return NULL;
	rd->v = v;
	return &rd->v[rd->n];
}

int
review_decided_add(struct review_decided **dp, const struct record *in,
    const struct record *res, struct ally_error *err)
{
	const char *alias = record_get(res, "alias");
	const char *date = record_get(res, "reviewed");
	struct decided *d;
	size_t i;

	if (record_get(res, "decision") == NULL)
		return 0;
	for (i = 0; *dp != NULL && i < (*dp)->n; i++)
		if (strcmp((*dp)->v[i].alias, alias) == 0 &&
		    strcmp((*dp)->v[i].reviewed, date) == 0)
			return ally_error_at(err, EX_DATAERR, in->file,
			    record_line(in, "decision"), "decision", "a second "
			    "decision for %s on %s (the first is on line %s)",
			    alias, date, (*dp)->v[i].line);
	if ((d = decided_next(dp)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	snprintf(d->reviewed, sizeof(d->reviewed), "%s", date);
	if ((d->alias = strdup(alias)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if ((d->line = strdup(field_or(res, "line", "?"))) == NULL) {
		free(d->alias);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	(*dp)->n++;
	return 0;
}

void
review_decided_free(struct review_decided *rd)
{
	size_t i;

	if (rd == NULL)
		return;
	for (i = 0; i < rd->n; i++) {
		free(rd->v[i].alias);
		free(rd->v[i].line);
	}
	free(rd->v);
	free(rd);
}
