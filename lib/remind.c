/*
 * remind.c: the reminder of open actions (see remind.h).  The actions are
 * selected by the same filter as the listing, sorted in reminder order
 * (party as in action_parties, owner alias, due date, id) and written as
 * one document, so that the text and the mail are the same words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "doc.h"
#include "fields.h"
#include "remind.h"

void
action_filter_due_min(struct action_filter *f, day_t d)
{
	if (!f->has_min || d > f->due_min)
		f->due_min = d;
	f->has_min = 1;
}

void
action_filter_due_max(struct action_filter *f, day_t d)
{
	if (!f->has_max || d < f->due_max)
		f->due_max = d;
	f->has_max = 1;
}

void
action_filter_window(struct action_filter *f, day_t today, int overdue,
    long within)
{
	if (overdue || within >= 0)
		f->open_only = 1;
	if (overdue && within >= 0)
		action_filter_due_max(f, today + within);
	else if (overdue)
		action_filter_due_max(f, today - 1);
	else if (within >= 0) {
		action_filter_due_min(f, today);
		action_filter_due_max(f, today + within);
	}
}

static int
party_rank(const char *p)
{
	int i;

	for (i = 0; action_parties[i] != NULL; i++)
		if (p != NULL && strcmp(p, action_parties[i]) == 0)
			return i;
	return i;
}

/*
 * The records keep the party's own word; a text for people has it in
 * its language.
 */
const char *
action_party_words(const char *p)
{
	/* TRANSLATORS: the parties of an action, as headings of a reminder. */
	static const char *const words[] = { N_("police"), N_("municipality"),
	    N_("ally"), N_("joint") };
	int i = party_rank(p);

	return i < 4 ? _(words[i]) : p;
}

static int
cmp_alias(const char *a, const char *b)
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
	if ((c = cmp_alias(record_get(a, "owner"),
	    record_get(b, "owner"))) != 0)
		return c;
	if ((c = strcmp(record_get(a, "due"), record_get(b, "due"))) != 0)
		return c;
	return cmp_alias(record_get(a, "id"), record_get(b, "id"));
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

/* The open actions due by the last day, as records in *rs. */
static int
select_actions(sqlite3 *db, const struct network *net, day_t last,
    struct record ***rs, size_t *n, struct ally_error *err)
{
	struct action_filter f;
	struct record **nr, *r;
	sqlite3_stmt *st;
	size_t cap = 0;
	int step;

	memset(&f, 0, sizeof(f));
	f.open_only = 1;
	action_filter_due_max(&f, last);
	if (action_query(db, net, &f, &st, err) != 0)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((nr = array_grow(*rs, *n, &cap, sizeof(*nr))) == NULL)
			break;
		*rs = nr;
		if ((r = action_record(st)) == NULL)
			break;
		(*rs)[(*n)++] = r;
	}
	sqlite3_finalize(st);
	if (step == SQLITE_ROW)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if (step != SQLITE_DONE)
		return db_error(db, step, err, NULL), -1;
	return 0;
}

/* Under a party's heading its actions, the owner named once. */
static size_t
party_table(struct document *d, struct record **rs, size_t n, day_t today)
{
	const char *p = record_get(rs[0], "party"), *o, *cells[5];
	char id[32], when[64];
	day_t due;
	size_t i;

	doc_heading(d, action_party_words(p));
	doc_table(d, "l l l l l", NULL, 0);
	for (i = 0; i < n && strcmp(record_get(rs[i], "party"), p) == 0;
	    i++) {
		o = record_get(rs[i], "owner");
		if (i > 0 && cmp_alias(o, record_get(rs[i - 1], "owner")) == 0)
			cells[0] = "";
		else
			cells[0] = o != NULL ? o : _("(no owner)");
		snprintf(id, sizeof(id), "#%s", record_get(rs[i], "id"));
		cells[1] = id;
		cells[2] = record_get(rs[i], "due");
		date_parse(cells[2], &due);
		describe_due(due, today, when, sizeof(when));
		cells[3] = when;
		cells[4] = record_get(rs[i], "title");
		doc_row(d, cells);
	}
	return i;
}

int
reminder_build(struct reminder *rm, sqlite3 *db, const struct network *net,
    day_t today, long within, struct ally_error *err)
{
	struct record **rs = NULL;
	char todays[11], until[11], *title;
	size_t i, k;
	day_t due;
	int rc = -1;

	memset(rm, 0, sizeof(*rm));
	if (select_actions(db, net, today + within, &rs, &rm->n, err) != 0)
		goto out;
	rc = 0;
	if (rm->n == 0)
		goto out;
	qsort(rs, rm->n, sizeof(*rs), cmp_remind);
	for (i = 0; i < rm->n; i++)
		if (date_parse(record_get(rs[i], "due"), &due) == 0 &&
		    due < today)
			rm->late++;
	date_format(today, todays);
	date_format(today + within, until);
	/*
	 * TRANSLATORS: the first line of the reminder, also the subject of
	 * its mail (without the full stop): the network, today's date, the
	 * number of overdue actions, the number due soon and the last day of
	 * "soon".
	 */
	if (asprintf(&title, _("Actions of network %s on %s: %zu overdue, "
	    "%zu due by %s."), net->name, todays, rm->late, rm->n - rm->late,
	    until) < 0)
		title = NULL;
	/* No document is out of memory to doc_write, not nothing to say. */
	rm->doc = title != NULL ? doc_new(title, NULL, NULL) : NULL;
	k = title != NULL ? strlen(title) : 0;
	if (k > 0 && title[k - 1] == '.')
		k--;
	snprintf(rm->subject, sizeof(rm->subject), "%.*s", (int)k,
	    title != NULL ? title : "");
	free(title);
	/* A failure to build is said by doc_write or doc_mail. */
	for (i = 0; i < rm->n; )
		i += party_table(rm->doc, rs + i, rm->n - i, today);
out:
	for (i = 0; i < rm->n; i++)
		record_free(rs[i]);
	free(rs);
	return rc;
}

void
reminder_free(struct reminder *rm)
{
	doc_done(rm->doc);
	rm->doc = NULL;
}
