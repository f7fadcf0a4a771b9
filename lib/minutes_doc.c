/*
 * minutes_doc.c: the minutes and the agenda of an allies' meeting as
 * documents (doc.c) for the text, print and mail that people read.
 * Members appear by alias only; names and phone numbers never.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "doc.h"
#include "fields.h"
#include "minutes.h"
#include "minutes_doc.h"
#include "reply.h"

static const char *
get(const struct record *r, const char *key, const char *dflt)
{
	const char *v = record_get(r, key);

	return v != NULL ? v : dflt;
}

/* The date in words ("Wednesday 10 November 2027"), else as it stands. */
static const char *
date_in_words(const char *date, char *buf, size_t len)
{
	day_t d;

	if (date == NULL)
		return "-";
	if (date_parse(date, &d) != 0)
		return date;
	return date_words(d, buf, len);
}

/* A yes or no of the records, in words for people. */
static const char *
yes_no(const char *v)
{
	if (strcmp(v, "yes") == 0)
		return _("yes");
	if (strcmp(v, "no") == 0)
		return _("no");
	return v;
}

/*
 * A word of the records in the user's language: a trend, a basis, who
 * hosts a meeting or carries an action; any other value as it stands.
 */
static const char *
in_words(const char *v)
{
	/*
	 * TRANSLATORS: who hosts a meeting or carries an action, in the
	 * printed minutes and agenda (as in meet-plan and action-track).
	 */
	static const char *const parties[] = { N_("police"),
	    N_("municipality"), N_("ally"), N_("joint"), N_("other"), NULL };
	const char *const *lists[] = { parties, signal_trends, signal_bases };
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (str_in(v, lists[i]))
			return _(v);
	return v;
}

/* The records of a themes or actions field; none when it is not one. */
static size_t
nrecs(const struct record *r, const char *key, struct record ***recs)
{
	const struct field *f = record_field(r, key);
	int some = f != NULL && f->kind == VAL_RECORDS;

	*recs = some ? f->recs : NULL;
	return some ? f->nrecs : 0;
}

void
minutes_doc_date(struct document *d, const struct record *r)
{
	char buf[512], words[64];

	/*
	 * TRANSLATORS: the date in the head of the printed minutes and
	 * agenda: %1$s is the date in words ("Tuesday 9 March 2027"), %2$s
	 * the time (18:00).
	 */
	snprintf(buf, sizeof(buf), _("%s, %s"), date_in_words(record_get(r,
	    "date"), words, sizeof(words)), get(r, "time", "-"));
	doc_pair(d, _("Date"), buf);
}

/* The date, the venue and the chair of the head of minutes and agenda. */
void
minutes_doc_when(struct document *d, const struct record *r)
{
	const char *host;
	char buf[512];

	minutes_doc_date(d, r);
	if ((host = record_get(r, "host")) != NULL)
		/*
		 * TRANSLATORS: %1$s is the venue, %2$s who hosts it
		 * (police, municipality, ally or other, translated).
		 */
		snprintf(buf, sizeof(buf), _("%s (host: %s)"),
		    get(r, "location", _("not given")), in_words(host));
	else
		snprintf(buf, sizeof(buf), "%s", get(r, "location",
		    _("not given")));
	doc_pair(d, _("Venue"), buf);
	doc_pair(d, _("Chair"), get(r, "chair", _("not given")));
}

/* An attendance list: "Present (14)" and the aliases, "-" when none. */
static void
attendance(struct document *d, const struct record *m, const char *key,
    const char *label)
{
	const struct field *f = record_field(m, key);
	size_t n = f != NULL && f->kind == VAL_LIST ? f->nitems : 0;
	char head[64];

	snprintf(head, sizeof(head), "%s (%zu)", label, n);
	doc_pair_list(d, head, (const char *const *)(n > 0 ? f->items : NULL),
	    n);
}

/*
 * The guests, counted apart from the members, one after the other:
 * "mayor (Gemeente Veere), beat officer", the role or the organisation
 * alone when only one is known.
 */
static void
guests(struct document *d, struct record **g, size_t n)
{
	const char *role, *org;
	char buf[4096], head[64];
	size_t i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < n && k < sizeof(buf); i++) {
		role = record_get(g[i], "role");
		org = record_get(g[i], "organisation");
		k += snprintf(buf + k, sizeof(buf) - k, "%s%s%s%s%s",
		    i > 0 ? ", " : "", role != NULL ? role : "",
		    role != NULL && org != NULL ? " (" : "",
		    org != NULL ? org : "", role != NULL && org != NULL ?
		    ")" : "");
	}
	/* TRANSLATORS: who sat at the table without being a member. */
	snprintf(head, sizeof(head), "%s (%zu)", _("Guests"), n);
	doc_pair(d, head, buf);
}

/* The themes as a table: theme, level, trend, basis, summary. */
static void
themes(struct document *d, struct record **t, size_t n)
{
	const char *heads[] = { _("Theme"), _("Level"), _("Trend"),
	    _("Basis"), _("Summary"), NULL };
	const char *cells[5], *v, *word;
	long long level;
	char lv[64];
	size_t i;

	doc_table(d, "l l l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		level = -1;
		if ((v = record_get(t[i], "tension")) != NULL)
			parse_int(v, 0, 4, &level);
		word = minutes_tension_name((int)level);
		snprintf(lv, sizeof(lv), "%lld %s", level, *word != '\0' ?
		    _(word) : "");
		cells[0] = get(t[i], "theme", "-");
		cells[1] = lv;
		cells[2] = in_words(get(t[i], "trend", "-"));
		cells[3] = in_words(get(t[i], "basis", "-"));
		cells[4] = get(t[i], "summary", "");
		doc_row(d, cells);
	}
}

/*
 * The row of an action: its number, party, owner and due date, the
 * status in the minutes (none on the agenda), and what it is.
 */
static void
action_row(struct document *d, const struct record *a, const char *due,
    const char *status, const char *what)
{
	const char *cells[6] = { get(a, "id", "-"),
	    in_words(get(a, "party", "-")), get(a, "owner", "-"), due,
	    status, what };

	if (status == NULL)
		cells[4] = what;
	doc_row(d, cells);
}

static void
minutes_actions(struct document *d, struct record **s, size_t n)
{
	const char *heads[] = { "#", _("Party"), _("Owner"), _("Due"),
	    _("Status"), _("Action"), NULL };
	const char *v, *note;
	char status[64], what[4096];
	size_t i;

	doc_table(d, "n l l l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		v = record_get(s[i], "closed");
		snprintf(status, sizeof(status), "%s%s%s",
		    get(s[i], "status", "open"), v != NULL ? " " : "",
		    v != NULL ? v : "");
		note = record_get(s[i], "note");
		snprintf(what, sizeof(what), "%s%s%s", get(s[i], "title", "-"),
		    note != NULL ? "\n" : "", note != NULL ? note : "");
		action_row(d, s[i], get(s[i], "due", "-"), status, what);
	}
}

/*
 * A section of the minutes: the heading with the count of what it holds
 * and, when it holds nothing, a sentence that says so.  1: fill it.
 */
static int
section(struct document *d, const char *head, size_t n, const char *none)
{
	char buf[64];

	snprintf(buf, sizeof(buf), head, n);
	doc_heading(d, buf);
	if (n == 0)
		doc_paragraph(d, none);
	return n > 0;
}

/* The minutes of one meeting, as minutes_load gives them. */
struct document *
minutes_document(const struct record *m)
{
	struct document *d;
	struct record **s;
	const char *v;
	size_t n;

	d = doc_new(_("Minutes of the allies' meeting"), get(m, "network",
	    NULL), get(m, "date", NULL));
	doc_pair(d, _("Network"), get(m, "network", "-"));
	doc_pair(d, _("Meeting"), get(m, "meeting", "-"));
	minutes_doc_when(d, m);
	doc_pair(d, _("Meal"), yes_no(get(m, "meal", "-")));
	attendance(d, m, "present", _("Present"));
	attendance(d, m, "excused", _("Excused"));
	attendance(d, m, "absent", _("Absent"));
	if ((n = nrecs(m, "guests", &s)) > 0)
		guests(d, s, n);
	n = nrecs(m, "themes", &s);
	/* TRANSLATORS: a heading; %zu is the number of themes. */
	if (section(d, _("Themes (%zu)"), n, _("None recorded.")))
		themes(d, s, n);
	n = nrecs(m, "actions", &s);
	/* TRANSLATORS: a heading; %zu is the number of actions. */
	if (section(d, _("Actions (%zu)"), n, _("None agreed.")))
		minutes_actions(d, s, n);
	if ((v = record_get(m, "notes")) != NULL) {
		doc_heading(d, _("Notes"));
		doc_paragraph(d, v);
	}
	if ((v = record_get(m, "name_override")) != NULL)
		/*
		 * TRANSLATORS: the end of minutes in which names were let
		 * through; %s says when, by whom and whose names ("2027-10-12
		 * jan: A01").
		 */
		doc_paragraphf(d, _("These minutes were recorded with "
		    "--allow-names and may name members (%s): keep them within "
		    "the table."), v);
	return d;
}

/*
 * What the last minutes said about the themes: one sentence, under the
 * agenda item of the sentiment.
 */
static const char *
last_time(char *buf, size_t len, const char *date, size_t n)
{
	if (date == NULL)
		snprintf(buf, len, "%s", _("No minutes recorded yet."));
	else if (n == 0)
		/* TRANSLATORS: %s is the date of the last minutes. */
		snprintf(buf, len, _("Nothing was rising or at level 3-4 last "
		    "time (%s)."), date);
	else
		/* TRANSLATORS: %s is the date of the last minutes. */
		snprintf(buf, len, _("Rising or at level 3-4 last time (%s):"),
		    date);
	return buf;
}

/* The agenda item of the actions carried over. */
static const char *
carried_over(char *buf, size_t len, size_t n)
{
	if (n == 0)
		snprintf(buf, len, "%s", _("Actions carried over: none open"));
	else
		/* TRANSLATORS: %zu is the number of open actions. */
		snprintf(buf, len, _("Actions carried over: %zu open"), n);
	return buf;
}

/* The open actions on the agenda: due (and overdue), and how old. */
static void
agenda_actions(struct document *d, struct record **s, size_t n)
{
	const char *heads[] = { "#", _("Party"), _("Owner"), _("Due"),
	    _("Action"), NULL };
	const char *v;
	char due[64], what[4096];
	size_t i;
	int od;

	doc_table(d, "n l l lw(2c) lx", heads, 0);
	for (i = 0; i < n; i++) {
		od = strcmp(get(s[i], "overdue", "no"), "yes") == 0;
		snprintf(due, sizeof(due), "%s%s%s", get(s[i], "due", "-"),
		    od ? "\n" : "", od ? _("overdue") : "");
		if ((v = record_get(s[i], "meeting")) != NULL)
			/*
			 * TRANSLATORS: %1$s is the title of the action, %2$s
			 * the number of the meeting, %3$s its date
			 * (2027-04-14), %4$s a number of days.
			 */
			snprintf(what, sizeof(what), _("%s\nAgreed at meeting "
			    "%s of %s, %s days ago."), get(s[i], "title", "-"),
			    v, get(s[i], "agreed", "-"), get(s[i], "age", "-"));
		else
			/*
			 * TRANSLATORS: %1$s is the title of an action added
			 * outside a meeting, %2$s the date (2027-04-14), %3$s
			 * a number of days.
			 */
			snprintf(what, sizeof(what), _("%s\nAdded %s, %s days "
			    "ago."), get(s[i], "title", "-"),
			    get(s[i], "agreed", "-"), get(s[i], "age", "-"));
		action_row(d, s[i], due, NULL, what);
	}
}

/*
 * The topics the members proposed: who proposed what, and whether it was
 * carried over from an earlier meeting; then how many wait for later.
 */
static void
agenda_topics(struct document *d, const struct record *a)
{
	const char *heads[] = { "#", _("Proposed by"), _("Topic"), NULL };
	const char *cells[3];
	struct record **s;
	char buf[512];
	size_t n, i;

	n = nrecs(a, "topics", &s);
	if (n == 0 && record_get(a, "topics_later") == NULL)
		return;
	/* TRANSLATORS: an agenda item; %zu is the number of topics. */
	snprintf(buf, sizeof(buf), _("Topics from the members (%zu)"), n);
	doc_item(d, buf);
	if (n > 0)
		doc_table(d, "n l lx", heads, 0);
	for (i = 0; i < n; i++) {
		cells[0] = get(s[i], "id", "-");
		cells[1] = get(s[i], "proposed_by", "-");
		if (strcmp(get(s[i], "carried", "no"), "yes") == 0)
			/*
			 * TRANSLATORS: %1$s is the topic, %2$s the number of
			 * the meeting it was proposed for.
			 */
			snprintf(buf, sizeof(buf), _("%1$s (carried over from "
			    "meeting %2$s)"), get(s[i], "topic", "-"),
			    get(s[i], "for", "-"));
		else
			snprintf(buf, sizeof(buf), "%s", get(s[i], "topic", "-"));
		cells[2] = buf;
		doc_row(d, cells);
	}
	if (record_get(a, "topics_later") != NULL)
		/* TRANSLATORS: %s is a number of topics. */
		doc_paragraphf(d, _("Proposed for later: %s (meet-minutes "
		    "--topics)."), get(a, "topics_later", "0"));
}

/*
 * Who comes to dinner: the heads expected, the replies, the diets as
 * counts (never with an alias) and who excused themselves.
 */
static void
agenda_replies(struct document *d, const struct record *a)
{
	const struct field *f = record_field(a, "excused");
	char buf[512];

	if (record_get(a, "headcount") == NULL)
		return;
	if (strcmp(get(a, "coming", "0"), "0") == 0 &&
	    strcmp(get(a, "declined", "0"), "0") == 0) {
		/* TRANSLATORS: no member has replied to the dinner yet. */
		doc_pair(d, _("Replies"), _("none yet"));
		return;
	}
	/*
	 * TRANSLATORS: the heads expected at the table: %1$s in all, %2$s
	 * members who said yes, %3$s people who come with them.
	 */
	snprintf(buf, sizeof(buf), _("%s (%s members, %s coming along)"),
	    get(a, "headcount", "0"), get(a, "coming", "0"),
	    get(a, "along", "0"));
	doc_pair(d, _("Expected"), buf);
	/*
	 * TRANSLATORS: the replies: %1$s said yes, %2$s no, %3$s active
	 * members have not replied.
	 */
	snprintf(buf, sizeof(buf), _("%s yes, %s no, %s not yet"),
	    get(a, "coming", "0"), get(a, "declined", "0"),
	    get(a, "unanswered", "0"));
	doc_pair(d, _("Replies"), buf);
	if (reply_diets_line(a, buf, sizeof(buf)) != NULL)
		doc_pair(d, _("Diets"), buf);
	if (f != NULL && f->kind == VAL_LIST && f->nitems > 0)
		attendance(d, a, "excused", _("Excused"));
}

/* The agenda of the next meeting, as minutes_agenda gives it. */
struct document *
agenda_document(const struct record *a)
{
	struct document *d;
	struct record **s;
	char buf[256];
	size_t n;
	int meal = 0;

	d = doc_new(_("Agenda of the next allies' meeting"), get(a, "network",
	    NULL), get(a, "date", NULL));
	doc_pair(d, _("Network"), get(a, "network", "-"));
	if (record_get(a, "date") != NULL) {
		minutes_doc_when(d, a);
		meal = strcmp(get(a, "meal", "yes"), "yes") == 0;
		doc_pair(d, _("Meal"), meal ? _("yes, the meeting starts with "
		    "the shared meal") : _("no"));
		agenda_replies(d, a);
	} else
		doc_pair(d, _("Date"), _("not planned yet (meet-plan plans "
		    "it)"));
	doc_heading(d, _("Agenda"));
	if (meal)
		doc_item(d, _("The shared meal"));
	doc_item(d, _("Opening by the chair; the agenda"));
	doc_item(d, _("The sentiment in the neighbourhoods: a round of the "
	    "table"));
	n = nrecs(a, "themes", &s);
	doc_paragraph(d, last_time(buf, sizeof(buf), record_get(a,
	    "last_date"), n));
	if (n > 0)
		themes(d, s, n);
	n = nrecs(a, "actions", &s);
	doc_item(d, carried_over(buf, sizeof(buf), n));
	if (n > 0)
		agenda_actions(d, s, n);
	agenda_topics(d, a);
	doc_item(d, _("Police and municipality: developments and policy"));
	if (strcmp(get(a, "review_due", "no"), "yes") == 0) {
		/*
		 * TRANSLATORS: %s is the date of the last review (2027-01-01)
		 * or "never".
		 */
		snprintf(buf, sizeof(buf), _("The half-yearly review is due "
		    "(last: %s): do the right people sit at the table? "
		    "(ally-review)"), get(a, "last_review", _("never")));
		doc_item(d, buf);
	}
	doc_item(d, _("The next meeting: date, venue and chair"));
	return d;
}

/*
 * Minutes or an agenda as text, print or a whole message; the mail's
 * subject names the network and the date.
 */
int
minutes_doc_put(FILE *fp, const struct record *r, int agenda,
    const struct ally_opts *o, int flags, struct ally_error *err)
{
	struct document *d = agenda ? agenda_document(r) :
	    minutes_document(r);
	const char *net = get(r, "network", "-"),
	    *date = get(r, "date", _("not planned yet"));
	char subject[256];
	int rc;

	if (o->format != FMT_MAIL) {
		rc = doc_write(fp, d, o->format, flags, err);
		doc_done(d);
		return rc;
	}
	if (agenda)
		/*
		 * TRANSLATORS: the subject of a mail; %1$s is the network,
		 * %2$s the date of the meeting (2027-03-09) or "not planned
		 * yet".
		 */
		snprintf(subject, sizeof(subject), _("Agenda of the allies' "
		    "meeting, network %s, %s"), net, date);
	else
		/* TRANSLATORS: as the subject of the agenda's mail. */
		snprintf(subject, sizeof(subject), _("Minutes of the allies' "
		    "meeting, network %s, %s"), net, date);
	rc = doc_mail_to(fp, d, o->to, o->nto, subject, err);
	doc_done(d);
	return rc;
}

const char *
minutes_doc_get(const struct record *r, const char *key, const char *dflt)
{
	return get(r, key, dflt);
}

size_t
minutes_doc_recs(const struct record *r, const char *key,
    struct record ***recs)
{
	return nrecs(r, key, recs);
}
