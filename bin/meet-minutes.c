/*
 * meet-minutes: record what an allies' meeting said and agreed; print the
 * minutes for the records, for mail or for print; set out the agenda of
 * the next meeting with what it carries over.
 *
 * Recording reads minutes records (one YAML document per meeting) and
 * stores them in one transaction: all of them or none.  -l prints stored
 * minutes back in the same shape, so that "print, edit, feed back with
 * -r" corrects them.  -a prints the agenda of the next planned meeting.
 * Members appear by alias only; names and phone numbers never.
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

#define WRAP	72

enum mode { MODE_RECORD, MODE_LIST, MODE_AGENDA };

struct cmd {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 replace, allow_names, quiet;
	const char		*meeting;
	const char		*view;
	enum minutes_view	 v;
};

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* ---- text for people: mail and print ---------------------------------- */

static size_t
text_width(const char *s, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * Print text wrapped at WRAP columns, every line indented; the text's
 * own line breaks are kept as paragraph breaks.
 */
static void
put_wrapped(FILE *fp, const char *s, int indent)
{
	const char *p, *w, *eol;
	size_t col, wl;

	while (*s != '\0') {
		eol = strchr(s, '\n');
		if (eol == NULL)
			eol = s + strlen(s);
		fprintf(fp, "%*s", indent, "");
		col = indent;
		for (p = s; p < eol; ) {
			while (p < eol && (*p == ' ' || *p == '\t'))
				p++;
			if (p == eol)
				break;
			for (w = p; w < eol && *w != ' ' && *w != '\t'; w++)
				;
			wl = text_width(p, w - p);
			if (col > (size_t)indent && col + 1 + wl > WRAP) {
				fprintf(fp, "\n%*s", indent, "");
				col = indent;
			}
			if (col > (size_t)indent) {
				putc(' ', fp);
				col++;
			}
			fwrite(p, 1, w - p, fp);
			col += wl;
			p = w;
		}
		putc('\n', fp);
		s = *eol == '\n' ? eol + 1 : eol;
	}
}

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
 * The labels of the head of the minutes and the agenda (Meeting, Date,
 * Venue, Chair, Meal) are padded to one width, so that the values
 * stand in one column.
 */
static void
put_when_where(FILE *fp, const struct record *r)
{
	const char *date = record_get(r, "date"), *host;
	char words[64];

	/*
	 * TRANSLATORS: the head of the minutes and the agenda: "Meeting:",
	 * "Date:", "Venue:", "Chair:" and "Meal:" are padded to one width so
	 * that the values stand in one column; pad yours to the width of
	 * your longest label.  Here %1$s is the date in words ("Tuesday 9
	 * March 2027"), %2$s the time (18:00).
	 */
	fprintf(fp, _("Date:     %s, %s\n"), date_in_words(date, words,
	    sizeof(words)), get(r, "time", "-"));
	if ((host = record_get(r, "host")) != NULL)
		/*
		 * TRANSLATORS: %1$s is the venue, %2$s who hosts it
		 * (police, municipality or ally: not translated).
		 */
		fprintf(fp, _("Venue:    %s (host: %s)\n"),
		    get(r, "location", _("not given")), host);
	else
		fprintf(fp, _("Venue:    %s\n"), get(r, "location",
		    _("not given")));
	/* TRANSLATORS: %s is the alias of the member who chairs. */
	fprintf(fp, _("Chair:    %s\n"), get(r, "chair", _("not given")));
}

static void
put_aliases(FILE *fp, const struct record *r, const char *key,
    const char *label)
{
	const struct field *f = record_field(r, key);
	size_t n = f != NULL && f->kind == VAL_LIST ? f->nitems : 0, i, col;
	char head[64];

	snprintf(head, sizeof(head), "%s (%zu):", label, n);
	fprintf(fp, "%-15s", head);
	col = 15;
	for (i = 0; i < n; i++) {
		if (col + strlen(f->items[i]) + 1 > WRAP) {
			fprintf(fp, "\n%15s", "");
			col = 15;
		}
		fprintf(fp, "%s%s", col > 15 ? " " : "", f->items[i]);
		col += strlen(f->items[i]) + (col > 15);
	}
	if (n == 0)
		fputs("-", fp);
	putc('\n', fp);
}

static void
put_theme(FILE *fp, const struct record *t, int indent)
{
	long long level = -1;
	const char *v;

	if ((v = record_get(t, "tension")) != NULL)
		parse_int(v, 0, 4, &level);
	fprintf(fp, "%*s%-16s %lld %-10s %-8s %s\n", indent, "",
	    get(t, "theme", "-"), level, minutes_tension_name((int)level),
	    get(t, "trend", "-"), get(t, "basis", "-"));
	if ((v = record_get(t, "summary")) != NULL)
		put_wrapped(fp, v, indent + 4);
}

static size_t
nrecs(const struct record *r, const char *key, struct record ***recs)
{
	const struct field *f = record_field(r, key);

	if (f == NULL || f->kind != VAL_RECORDS) {
		*recs = NULL;
		return 0;
	}
	*recs = f->recs;
	return f->nrecs;
}

static void
put_minutes_text(FILE *fp, const struct record *m)
{
	struct record **s;
	const char *v;
	size_t n, i;

	/* TRANSLATORS: the title of the minutes; %s is the network. */
	fprintf(fp, _("Minutes of the allies' meeting, network %s\n"),
	    get(m, "network", "-"));
	/*
	 * TRANSLATORS: the number of the meeting; the label is padded like
	 * "Date:     " (see there).
	 */
	fprintf(fp, _("Meeting:  %s\n"), get(m, "meeting", "-"));
	put_when_where(fp, m);
	/*
	 * TRANSLATORS: whether the meeting began with the shared meal ("yes"
	 * or "no", translated); padded like "Date:     ".
	 */
	fprintf(fp, _("Meal:     %s\n"), yes_no(get(m, "meal", "-")));
	putc('\n', fp);
	/*
	 * TRANSLATORS: the attendance lists of the minutes, "Present (14):"
	 * followed by aliases; the label with its count must fit in 14
	 * columns.
	 */
	put_aliases(fp, m, "present", _("Present"));
	put_aliases(fp, m, "excused", _("Excused"));
	put_aliases(fp, m, "absent", _("Absent"));
	n = nrecs(m, "themes", &s);
	putc('\n', fp);
	/* TRANSLATORS: a heading; %zu is the number of themes. */
	fprintf(fp, _("Themes (%zu)\n"), n);
	if (n == 0)
		fprintf(fp, "  %s\n", _("none recorded"));
	for (i = 0; i < n; i++)
		put_theme(fp, s[i], 2);
	n = nrecs(m, "actions", &s);
	putc('\n', fp);
	/* TRANSLATORS: a heading; %zu is the number of actions. */
	fprintf(fp, _("Actions (%zu)\n"), n);
	if (n == 0)
		fprintf(fp, "  %s\n", _("none agreed"));
	for (i = 0; i < n; i++) {
		/*
		 * TRANSLATORS: an action of the minutes: its number, the
		 * party, the owner's alias, the date it is due and its status
		 * (open, done, dropped: not translated).  Keep the widths
		 * (%-4s, %-13s, %-6s) so that the columns line up.
		 */
		fprintf(fp, _("  #%-4s %-13s %-6s due %s  %s"), get(s[i], "id",
		    "-"), get(s[i], "party", "-"), get(s[i], "owner", "-"),
		    get(s[i], "due", "-"), get(s[i], "status", "open"));
		if ((v = record_get(s[i], "closed")) != NULL)
			fprintf(fp, " %s", v);
		putc('\n', fp);
		put_wrapped(fp, get(s[i], "title", "-"), 8);
		if ((v = record_get(s[i], "note")) != NULL)
			put_wrapped(fp, v, 10);
	}
	if ((v = record_get(m, "notes")) != NULL) {
		fprintf(fp, "\n%s\n", _("Notes"));
		put_wrapped(fp, v, 2);
	}
	if ((v = record_get(m, "name_override")) != NULL) {
		putc('\n', fp);
		/*
		 * TRANSLATORS: the end of minutes in which names were let
		 * through; %s says when, by whom and whose names ("2027-10-12
		 * jan: A01").  Break the line before 72 columns.
		 */
		fprintf(fp, _("These minutes were recorded with --allow-names "
		    "and may name members\n(%s): keep them within the "
		    "table.\n"), v);
	}
}

/* An item of the agenda as text, numbered. */
static void
put_item(FILE *fp, int *item, const char *text)
{
	fprintf(fp, "%d. %s\n", (*item)++, text);
}

/*
 * What the last minutes said about the themes: one sentence, printed
 * in the text and the print of the agenda alike.
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

static void
put_agenda_text(FILE *fp, const struct record *a)
{
	struct record **s;
	const char *v;
	char buf[256];
	size_t n, i;
	int item = 1;

	/* TRANSLATORS: the title of the agenda; %s is the network. */
	fprintf(fp, _("Agenda of the next allies' meeting, network %s\n"),
	    get(a, "network", "-"));
	if (record_get(a, "date") != NULL) {
		put_when_where(fp, a);
		v = get(a, "meal", "yes");
		/* TRANSLATORS: padded like "Date:     " (see there). */
		fprintf(fp, _("Meal:     %s\n"), strcmp(v, "yes") == 0 ?
		    _("yes, the meeting starts with the shared meal") :
		    _("no"));
		putc('\n', fp);
		if (strcmp(v, "yes") == 0)
			put_item(fp, &item, _("The shared meal"));
	} else {
		/* TRANSLATORS: padded like "Date:     " (see there). */
		fprintf(fp, _("Date:     not planned yet (meet-plan plans "
		    "it)\n"));
		putc('\n', fp);
	}
	put_item(fp, &item, _("Opening by the chair; the agenda"));
	put_item(fp, &item, _("The sentiment in the neighbourhoods: a round "
	    "of the table"));
	n = nrecs(a, "themes", &s);
	fprintf(fp, "   %s\n", last_time(buf, sizeof(buf),
	    record_get(a, "last_date"), n));
	for (i = 0; i < n; i++)
		put_theme(fp, s[i], 5);
	n = nrecs(a, "actions", &s);
	put_item(fp, &item, carried_over(buf, sizeof(buf), n));
	for (i = 0; i < n; i++) {
		if (strcmp(get(s[i], "overdue", "no"), "yes") == 0)
			/*
			 * TRANSLATORS: an open action on the agenda: its
			 * number, the party, the owner's alias and the date
			 * it is due.  Keep the widths (%-4s, %-13s, %-6s) so
			 * that the columns line up.
			 */
			fprintf(fp, _("     #%-4s %-13s %-6s due %s  "
			    "overdue\n"), get(s[i], "id", "-"),
			    get(s[i], "party", "-"), get(s[i], "owner", "-"),
			    get(s[i], "due", "-"));
		else
			/* TRANSLATORS: as the line above, not overdue. */
			fprintf(fp, _("     #%-4s %-13s %-6s due %s\n"),
			    get(s[i], "id", "-"), get(s[i], "party", "-"),
			    get(s[i], "owner", "-"), get(s[i], "due", "-"));
		put_wrapped(fp, get(s[i], "title", "-"), 11);
		fprintf(fp, "%11s", "");
		if ((v = record_get(s[i], "meeting")) != NULL)
			/*
			 * TRANSLATORS: %1$s is the number of the meeting,
			 * %2$s its date (2027-04-14), %3$s a number of days.
			 */
			fprintf(fp, _("agreed at meeting %s of %s, %s days "
			    "ago\n"), v, get(s[i], "agreed", "-"),
			    get(s[i], "age", "-"));
		else
			/*
			 * TRANSLATORS: an action added outside a meeting;
			 * %1$s is the date (2027-04-14), %2$s a number of days.
			 */
			fprintf(fp, _("added %s, %s days ago\n"),
			    get(s[i], "agreed", "-"), get(s[i], "age", "-"));
	}
	put_item(fp, &item, _("Police and municipality: developments and "
	    "policy"));
	if (strcmp(get(a, "review_due", "no"), "yes") == 0)
		/*
		 * TRANSLATORS: %1$d is the number of the agenda item, %2$s
		 * the date of the last review or "never".  The second line
		 * is indented by three spaces, under the text of the item.
		 */
		fprintf(fp, _("%d. The half-yearly review is due (last: %s): "
		    "do the right people sit\n   at the table? "
		    "(ally-review)\n"), item++, get(a, "last_review",
		    _("never")));
	put_item(fp, &item, _("The next meeting: date, venue and chair"));
}

/* A mail header value, as an RFC 2047 encoded word when not ASCII. */
static void
put_header(FILE *fp, const char *name, const char *value)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)value, *q;
	size_t len, i, chunk;
	unsigned v;

	for (q = p; *q != '\0' && *q < 0x80; q++)
		;
	if (*q == '\0') {
		fprintf(fp, "%s: %s\n", name, value);
		return;
	}
	fprintf(fp, "%s:", name);
	len = strlen(value);
	while (len > 0) {
		/* 45 bytes make 60 of base64; never split a character. */
		chunk = len < 45 ? len : 45;
		while (chunk < len && (p[chunk] & 0xc0) == 0x80)
			chunk--;
		fputs(" =?UTF-8?B?", fp);
		for (i = 0; i < chunk; i += 3) {
			v = p[i] << 16;
			if (i + 1 < chunk)
				v |= p[i + 1] << 8;
			if (i + 2 < chunk)
				v |= p[i + 2];
			putc(b64[(v >> 18) & 63], fp);
			putc(b64[(v >> 12) & 63], fp);
			putc(i + 1 < chunk ? b64[(v >> 6) & 63] : '=', fp);
			putc(i + 2 < chunk ? b64[v & 63] : '=', fp);
		}
		fputs("?=", fp);
		p += chunk;
		len -= chunk;
		if (len > 0)
			fputs("\n", fp);
	}
	putc('\n', fp);
}

static void
put_mail_head(FILE *fp, int agenda, const struct record *r)
{
	const char *net = get(r, "network", "-"),
	    *date = get(r, "date", _("not planned yet"));
	char subject[256];

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
	put_header(fp, "Subject", subject);
	fputs("MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: 8bit\n\n", fp);
}

/* ---- print: troff for groff -t -ms ------------------------------------ */

/* A list field as one line of aliases, "-" when empty; malloc'd. */
static char *
joined(const struct record *r, const char *key)
{
	const struct field *f = record_field(r, key);
	size_t n = f != NULL && f->kind == VAL_LIST ? f->nitems : 0, i, len;
	char *s, *p;

	for (i = 0, len = 2; i < n; i++)
		len += strlen(f->items[i]) + 1;
	if ((s = p = malloc(len)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i > 0 ? " " : "", f->items[i]);
	if (n == 0)
		strcpy(s, "-");
	return s;
}

static void
roff_pair(struct roff_table *t, const char *label, const char *value)
{
	const char *cells[2] = { label, value };

	roff_table_row(t, cells, 2);
}

static void
roff_when_where(struct roff_table *t, const struct record *r)
{
	const char *date = record_get(r, "date"), *host;
	char buf[512], words[64];

	/*
	 * TRANSLATORS: the date in the head of the printed minutes and
	 * agenda: %1$s is the date in words ("Tuesday 9 March 2027"), %2$s
	 * the time (18:00).
	 */
	snprintf(buf, sizeof(buf), _("%s, %s"), date_in_words(date, words,
	    sizeof(words)), get(r, "time", "-"));
	roff_pair(t, _("Date"), buf);
	if ((host = record_get(r, "host")) != NULL)
		/*
		 * TRANSLATORS: %1$s is the venue, %2$s who hosts it
		 * (police, municipality or ally: not translated).
		 */
		snprintf(buf, sizeof(buf), _("%s (host: %s)"),
		    get(r, "location", _("not given")), host);
	else
		snprintf(buf, sizeof(buf), "%s", get(r, "location",
		    _("not given")));
	roff_pair(t, _("Venue"), buf);
	roff_pair(t, _("Chair"), get(r, "chair", _("not given")));
}

static int
roff_attendance(struct roff_table *t, const struct record *m, const char *key,
    const char *label)
{
	const struct field *f = record_field(m, key);
	char head[64], *list;

	if ((list = joined(m, key)) == NULL)
		return -1;
	snprintf(head, sizeof(head), "%s (%zu)", label, f != NULL &&
	    f->kind == VAL_LIST ? f->nitems : 0);
	roff_pair(t, head, list);
	free(list);
	return 0;
}

/* The themes as a table: theme, level, trend, basis, summary. */
static void
roff_themes(FILE *fp, struct record **t, size_t n)
{
	const char *heads[] = { _("Theme"), _("Level"), _("Trend"),
	    _("Basis"), _("Summary"), NULL };
	struct roff_table tb;
	const char *cells[5];
	long long level;
	char lv[32];
	const char *v;
	size_t i;

	roff_table_begin(&tb, fp, "l l l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		level = -1;
		if ((v = record_get(t[i], "tension")) != NULL)
			parse_int(v, 0, 4, &level);
		snprintf(lv, sizeof(lv), "%lld %s", level,
		    minutes_tension_name((int)level));
		cells[0] = get(t[i], "theme", "-");
		cells[1] = lv;
		cells[2] = get(t[i], "trend", "-");
		cells[3] = get(t[i], "basis", "-");
		cells[4] = get(t[i], "summary", "");
		roff_table_row(&tb, cells, 5);
	}
	roff_table_end(&tb);
}

static int
put_minutes_roff(FILE *fp, const struct record *m, int first)
{
	const char *heads[] = { "#", _("Party"), _("Owner"), _("Due"),
	    _("Status"), _("Action"), NULL };
	const char *title = _("Minutes of the allies' meeting");
	struct roff_table tb, *t = &tb;
	struct record **s;
	const char *cells[6], *v, *note;
	char head[64], *what;
	size_t n, i;
	int rc;

	if (first)
		roff_begin(fp, get(m, "network", NULL), title,
		    get(m, "date", NULL));
	else
		roff_new_page(fp, get(m, "network", NULL), title,
		    get(m, "date", NULL));
	roff_table_begin(t, fp, "lB lx", NULL, 0);
	roff_pair(t, _("Network"), get(m, "network", "-"));
	roff_pair(t, _("Meeting"), get(m, "meeting", "-"));
	roff_when_where(t, m);
	roff_pair(t, _("Meal"), yes_no(get(m, "meal", "-")));
	if (roff_attendance(t, m, "present", _("Present")) != 0 ||
	    roff_attendance(t, m, "excused", _("Excused")) != 0 ||
	    roff_attendance(t, m, "absent", _("Absent")) != 0)
		return -1;
	roff_table_end(t);
	n = nrecs(m, "themes", &s);
	/* TRANSLATORS: a heading; %zu is the number of themes. */
	snprintf(head, sizeof(head), _("Themes (%zu)"), n);
	roff_heading(fp, head);
	if (n == 0)
		roff_paragraph(fp, _("None recorded."));
	else
		roff_themes(fp, s, n);
	n = nrecs(m, "actions", &s);
	/* TRANSLATORS: a heading; %zu is the number of actions. */
	snprintf(head, sizeof(head), _("Actions (%zu)"), n);
	roff_heading(fp, head);
	if (n == 0)
		roff_paragraph(fp, _("None agreed."));
	else
		roff_table_begin(t, fp, "n l l l l lx", heads, 0);
	for (i = 0; i < n; i++) {
		char status[64];

		v = record_get(s[i], "closed");
		snprintf(status, sizeof(status), "%s%s%s",
		    get(s[i], "status", "open"), v != NULL ? " " : "",
		    v != NULL ? v : "");
		note = record_get(s[i], "note");
		rc = note != NULL ? asprintf(&what, "%s\n%s",
		    get(s[i], "title", "-"), note) : asprintf(&what, "%s",
		    get(s[i], "title", "-"));
		if (rc < 0)
			return -1;
		cells[0] = get(s[i], "id", "-");
		cells[1] = get(s[i], "party", "-");
		cells[2] = get(s[i], "owner", "-");
		cells[3] = get(s[i], "due", "-");
		cells[4] = status;
		cells[5] = what;
		roff_table_row(t, cells, 6);
		free(what);
	}
	if (n > 0)
		roff_table_end(t);
	if ((v = record_get(m, "notes")) != NULL) {
		roff_heading(fp, _("Notes"));
		roff_paragraph(fp, v);
	}
	if ((v = record_get(m, "name_override")) != NULL)
		/*
		 * TRANSLATORS: the end of printed minutes in which names were
		 * let through; %s says when, by whom and whose names
		 * ("2027-10-12 jan: A01").
		 */
		roff_paragraphf(fp, _("These minutes were recorded with "
		    "--allow-names and may name members (%s): keep them within "
		    "the table."), v);
	return 0;
}

/* An item of the agenda, numbered. */
static void
roff_agenda_item(FILE *fp, int *item, const char *text)
{
	char label[16];

	snprintf(label, sizeof(label), "%d.", (*item)++);
	roff_item(fp, label, text);
}

static int
put_agenda_roff(FILE *fp, const struct record *a)
{
	const char *heads[] = { "#", _("Party"), _("Owner"), _("Due"),
	    _("Action"), NULL };
	struct roff_table tb, *t = &tb;
	struct record **s;
	const char *cells[5], *v;
	char buf[256], due[64], *what;
	size_t n, i;
	int item = 1, meal = 0, od, rc;

	roff_begin(fp, get(a, "network", NULL), _("Agenda of the next allies' "
	    "meeting"), get(a, "date", NULL));
	roff_table_begin(t, fp, "lB lx", NULL, 0);
	roff_pair(t, _("Network"), get(a, "network", "-"));
	if (record_get(a, "date") != NULL) {
		roff_when_where(t, a);
		meal = strcmp(get(a, "meal", "yes"), "yes") == 0;
		roff_pair(t, _("Meal"), meal ? _("yes, the meeting starts with "
		    "the shared meal") : _("no"));
	} else
		roff_pair(t, _("Date"), _("not planned yet (meet-plan plans "
		    "it)"));
	roff_table_end(t);
	roff_heading(fp, _("Agenda"));
	if (meal)
		roff_agenda_item(fp, &item, _("The shared meal"));
	roff_agenda_item(fp, &item, _("Opening by the chair; the agenda"));
	roff_agenda_item(fp, &item, _("The sentiment in the neighbourhoods: "
	    "a round of the table"));
	n = nrecs(a, "themes", &s);
	roff_item(fp, "", last_time(buf, sizeof(buf), record_get(a,
	    "last_date"), n));
	if (n > 0)
		roff_themes(fp, s, n);
	n = nrecs(a, "actions", &s);
	roff_agenda_item(fp, &item, carried_over(buf, sizeof(buf), n));
	if (n > 0)
		roff_table_begin(t, fp, "n l l lw(2c) lx", heads, 0);
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
			rc = asprintf(&what, _("%s\nAgreed at meeting %s of "
			    "%s, %s days ago."), get(s[i], "title", "-"), v,
			    get(s[i], "agreed", "-"), get(s[i], "age", "-"));
		else
			/*
			 * TRANSLATORS: %1$s is the title of an action added
			 * outside a meeting, %2$s the date (2027-04-14), %3$s
			 * a number of days.
			 */
			rc = asprintf(&what, _("%s\nAdded %s, %s days ago."),
			    get(s[i], "title", "-"), get(s[i], "agreed", "-"),
			    get(s[i], "age", "-"));
		if (rc < 0)
			return -1;
		cells[0] = get(s[i], "id", "-");
		cells[1] = get(s[i], "party", "-");
		cells[2] = get(s[i], "owner", "-");
		cells[3] = due;
		cells[4] = what;
		roff_table_row(t, cells, 5);
		free(what);
	}
	if (n > 0)
		roff_table_end(t);
	roff_agenda_item(fp, &item, _("Police and municipality: developments "
	    "and policy"));
	if (strcmp(get(a, "review_due", "no"), "yes") == 0) {
		/*
		 * TRANSLATORS: %s is the date of the last review (2027-01-01)
		 * or "never".
		 */
		snprintf(buf, sizeof(buf), _("The half-yearly review is due "
		    "(last: %s): do the right people sit at the table? "
		    "(ally-review)"), get(a, "last_review", _("never")));
		roff_agenda_item(fp, &item, buf);
	}
	roff_agenda_item(fp, &item, _("The next meeting: date, venue and "
	    "chair"));
	return 0;
}

/* ---- recording ---------------------------------------------------------- */

struct run {
	struct minutes	 *mi;
	struct record	**out;
	size_t		  nout;
};

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct run *run = arg;
	struct record *s, **n;

	if (minutes_apply(run->mi, r, &s, err) != 0)
		return -1;
	if ((n = reallocarray(run->out, run->nout + 1, sizeof(*n))) == NULL) {
		record_free(s);
		return oom(err);
	}
	run->out = n;
	run->out[run->nout++] = s;
	return 0;
}

static int
put_records(enum format fmt, int flags, struct record **v, size_t n,
    const char *const *cols, struct ally_error *err)
{
	struct writer *w;
	size_t i;

	if (n == 0)
		return 0;
	if ((w = writer_open(stdout, fmt, cols, flags, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (writer_put(w, v[i], err) != 0) {
			writer_close(w, NULL);
			return -1;
		}
	return writer_close(w, err);
}

static int
record_minutes(struct cmd *c, char **files, int nfiles,
    struct ally_error *err)
{
	struct network net;
	struct run run;
	sqlite3 *db;
	struct ally_error warn;
	char path[4096];
	day_t today;
	size_t i;
	int rc = -1, flags = 0;
	long names;

	memset(&run, 0, sizeof(run));
	if (format_for_records(c->o.format, err) != 0 ||
	    db_path_checked(c->o.db, path, sizeof(path), err, &warn) != 0 ||
	    date_today(&today, err) != 0)
		return -1;
	if (warn.msg[0] != '\0')
		warnx("%s", warn.msg);
	if ((db = db_open(path, 0, err)) == NULL)
		return -1;
	if (db_begin(db, err) != 0 ||
	    network_resolve(db, c->o.network, &net, err) != 0)
		goto out;
	if (c->replace)
		flags |= MINUTES_REPLACE;
	if (c->allow_names)
		flags |= MINUTES_ALLOW_NAMES;
	if ((run.mi = minutes_open(db, &net, flags, today, err)) == NULL)
		goto out;
	if (records_each(files, nfiles, c->o.input, apply_one, &run,
	    err) != 0)
		goto out;
	if ((names = minutes_names_let_through(run.mi)) > 0 &&
	    db_audit(db, "meet-minutes --allow-names", net.name,
	    "member names let through in minutes", names, err) != 0)
		goto out;
	if (c->o.dry_run)
		db_rollback(db);
	else if (db_commit(db, err) != 0)
		goto out;
	if (names > 0 && c->o.dry_run)
		/* TRANSLATORS: -N, a dry run: nothing was written. */
		warnx(ngettext("%ld member name let through (--allow-names)",
		    "%ld member names let through (--allow-names)", names),
		    names);
	else if (names > 0)
		warnx(ngettext("%ld member name let through (--allow-names); "
		    "the meeting and the audit log say so", "%ld member names "
		    "let through (--allow-names); the meeting and the audit "
		    "log say so", names), names);
	if (!c->quiet && put_records(c->o.format, 0, run.out, run.nout, NULL,
	    err) != 0)
		goto out;
	rc = 0;
out:
	minutes_close(run.mi);
	db_rollback(db);
	db_close(db);
	for (i = 0; i < run.nout; i++)
		record_free(run.out[i]);
	free(run.out);
	return rc;
}

/* ---- printing stored minutes and the agenda ------------------------ */

static sqlite3 *
open_for_reading(struct cmd *c, struct network *net, struct ally_error *err)
{
	sqlite3 *db;
	struct ally_error warn;
	char path[4096];

	if (db_path_checked(c->o.db, path, sizeof(path), err, &warn) != 0)
		return NULL;
	if (warn.msg[0] != '\0')
		warnx("%s", warn.msg);
	if ((db = db_open(path, 0, err)) == NULL)
		return NULL;
	/* One snapshot for everything printed. */
	if (db_exec(db, "BEGIN", err) != 0 ||
	    network_resolve(db, c->o.network, net, err) != 0) {
		db_rollback(db);
		db_close(db);
		return NULL;
	}
	return db;
}

static int
list_minutes(struct cmd *c, struct ally_error *err)
{
	struct network net;
	struct record *m, **flat = NULL;
	long long *ids = NULL;
	size_t nids = 0, nflat = 0, i;
	sqlite3 *db;
	int rc = -1, text = c->o.format == FMT_TEXT && c->view == NULL;
	int whole = text || c->o.format == FMT_MAIL || c->o.format == FMT_ROFF;
	int table = !whole && (c->view != NULL || c->o.format == FMT_CSV);
	int flags = whole ? MINUTES_LOAD_OVERRIDE : table ?
	    minutes_view_load(c->v) : 0;

	if ((db = open_for_reading(c, &net, err)) == NULL)
		return -1;
	if (minutes_select(db, &net, c->meeting, &ids, &nids, err) != 0)
		goto out;
	for (i = 0; i < nids; i++) {
		if ((m = minutes_load(db, &net, ids[i], flags, err)) == NULL)
			goto out;
		if (c->o.format == FMT_MAIL) {
			put_mail_head(stdout, 0, m);
			put_minutes_text(stdout, m);
		} else if (c->o.format == FMT_ROFF) {
			if (put_minutes_roff(stdout, m, i == 0) != 0) {
				record_free(m);
				oom(err);
				goto out;
			}
		} else if (text) {
			if (i > 0)
				fputs("\n------------------------------------"
				    "------------------------------------\n\n",
				    stdout);
			put_minutes_text(stdout, m);
		} else if (table) {
			if (minutes_flatten(m, c->v, &flat, &nflat, err) != 0) {
				record_free(m);
				goto out;
			}
		} else if (put_records(FMT_YAML, WRITER_YAML_DOCS, &m, 1, NULL,
		    err) != 0) {
			record_free(m);
			goto out;
		}
		record_free(m);
	}
	if (put_records(c->o.format, 0, flat, nflat,
	    minutes_view_columns(c->v), err) != 0)
		goto out;
	rc = 0;
out:
	for (i = 0; i < nflat; i++)
		record_free(flat[i]);
	free(flat);
	free(ids);
	db_rollback(db);
	db_close(db);
	return rc;
}

static int
print_agenda(struct cmd *c, struct ally_error *err)
{
	struct network net;
	struct record *a;
	sqlite3 *db;
	day_t today;
	int rc = 0;

	if (date_today(&today, err) != 0)
		return -1;
	if ((db = open_for_reading(c, &net, err)) == NULL)
		return -1;
	a = minutes_agenda(db, &net, today, err);
	db_rollback(db);
	db_close(db);
	if (a == NULL)
		return -1;
	if (c->o.format == FMT_YAML)
		rc = put_records(FMT_YAML, WRITER_YAML_DOCS, &a, 1, NULL, err);
	else if (c->o.format == FMT_ROFF) {
		if ((rc = put_agenda_roff(stdout, a)) != 0)
			oom(err);
	} else {
		if (c->o.format == FMT_MAIL)
			put_mail_head(stdout, 1, a);
		put_agenda_text(stdout, a);
	}
	record_free(a);
	return rc;
}

/* ---- options ------------------------------------------------------------ */

/* What the table cannot say: the view, and the formats of each mode. */
static int
check(void *base, int mode, int argc, char **argv, struct ally_error *err)
{
	struct cmd *c = base;
	enum format f = c->o.format;
	size_t i;

	(void)argc;
	(void)argv;
	(void)err;
	c->mode = mode;

	if (c->view != NULL) {
		for (i = 0; minutes_views[i] != NULL; i++)
			if (strcmp(c->view, minutes_views[i]) == 0)
				break;
		if (minutes_views[i] == NULL) {
			/*
			 * TRANSLATORS: the names of the views are option
			 * values: not translated.
			 */
			warnx(_("--view: '%s' is not one of meetings, "
			    "attendance, themes, actions"), c->view);
			return -1;
		}
		c->v = (enum minutes_view)i;
	}
	switch (c->mode) {
	case MODE_RECORD:
		if (f == FMT_AUTO)
			c->o.format = FMT_YAML;
		else if (f != FMT_YAML && f != FMT_CSV && f != FMT_TEXT) {
			/* TRANSLATORS: yaml, csv, text: formats (-f). */
			warnx("%s", _("recording reports as yaml, csv or "
			    "text"));
			return -1;
		}
		return 0;
	case MODE_LIST:
		if (f == FMT_AUTO)
			c->o.format = FMT_YAML;
		else if (f != FMT_YAML && f != FMT_CSV && f != FMT_TEXT &&
		    f != FMT_MAIL && f != FMT_ROFF) {
			warnx("%s", _("minutes are printed as yaml, csv, text, "
			    "mail or roff"));
			return -1;
		}
		if (f == FMT_ROFF && c->view != NULL) {
			warnx("%s", _("-f roff prints whole minutes, not a "
			    "view"));
			return -1;
		}
		if (f == FMT_MAIL && (c->view != NULL || c->meeting == NULL)) {
			warnx("%s", _("-f mail holds one meeting's minutes: "
			    "choose it with -m ID, -m DATE or -m last"));
			return -1;
		}
		return 0;
	case MODE_AGENDA:
		if (f == FMT_AUTO)
			c->o.format = FMT_TEXT;
		else if (f != FMT_TEXT && f != FMT_MAIL && f != FMT_YAML &&
		    f != FMT_ROFF) {
			warnx("%s", _("the agenda is printed as text, mail, "
			    "yaml or roff"));
			return -1;
		}
		return 0;
	}
	return -1;
}

#define RECORD	OPT_IN(MODE_RECORD)
#define FLAG(c, n, h, f) { .ch = (c), .name = (n), .help = (h), \
	.modes = RECORD, .kind = OPT_FLAG, .off = offsetof(struct cmd, f) }

static const struct opt table[] = {
	{ .ch = 'u', .name = "update", .help = OPT_UPDATE_HELP,
	  .modes = RECORD, .sets = RECORD },
	FLAG('r', "replace", N_("replace the minutes of a meeting recorded"),
	    replace),
	FLAG('A', "allow-names", N_("let names stand in the minutes"),
	    allow_names),
	FLAG('q', "quiet", N_("print nothing when recording"), quiet),
	{ .ch = 'l', .name = "list", .help = N_("print stored minutes"),
	  .modes = OPT_IN(MODE_LIST), .sets = OPT_IN(MODE_LIST) },
	{ .ch = 'm', .name = "meeting", .arg = N_("MEETING"),
	  .help = N_("-l: one meeting: its id, its date or last"),
	  .modes = OPT_IN(MODE_LIST), .kind = OPT_STRING,
	  .off = offsetof(struct cmd, meeting) },
	{ .ch = 'V', .name = "view", .arg = N_("VIEW"),
	  .help = N_("-l: meetings, attendance, themes or actions"),
	  .modes = OPT_IN(MODE_LIST), .kind = OPT_STRING,
	  .off = offsetof(struct cmd, view) },
	{ .ch = 'a', .name = "agenda",
	  .help = N_("print the agenda of the next meeting"),
	  .modes = OPT_IN(MODE_AGENDA), .sets = OPT_IN(MODE_AGENDA) },
	OPT_DB(OPT_ANY),
	OPT_NETWORK(OPT_ANY),
	OPT_FORMAT(OPT_ANY),
	OPT_INPUT(RECORD),
	OPT_DRY_RUN(RECORD),
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[MODE_RECORD] = { OPT_MANY, NULL }, [MODE_LIST] = { OPT_NONE, NULL },
	[MODE_AGENDA] = { OPT_NONE, NULL }
};

static const struct opt_cmd cmdline = {
	.name = "meet-minutes",
	/*
	 * TRANSLATORS: the synopsis of meet-minutes(1).  Keep the command
	 * name, the option letters and their order; the words for what an
	 * option takes (db, network, format, file, meeting, view) may be
	 * translated.  The lines after the first are indented to stand under
	 * the command name: indent them by the width of your "usage: ".
	 */
	.synopsis = N_("usage: meet-minutes [-NqrAu] [-d db] [-n network] "
	    "[-f format] [-F format] [file ...]\n"
	    "       meet-minutes -l [-d db] [-n network] [-f format] "
	    "[-m meeting] [-V view]\n"
	    "       meet-minutes -a [-d db] [-n network] [-f format]\n"),
	.opts = table, .modes = modes, .nmodes = MODE_AGENDA + 1,
	.initial = MODE_RECORD, .check = check
};

int
main(int argc, char *argv[])
{
	struct cmd c;
	struct ally_error e = { 0, "" };
	int m, rc;

	memset(&c, 0, sizeof(c));
	ally_i18n_init();
	ally_opts_init(&c.o);
	if ((rc = opt_parse(&cmdline, &argc, &argv, &c, &c.o, &m, &e)) !=
	    OPT_RUN) {
		if (e.msg[0] != '\0')
			warnx("%s", e.msg);
		return opt_exit(&cmdline, rc, &e);
	}
	if (c.mode == MODE_LIST)
		rc = list_minutes(&c, &e);
	else if (c.mode == MODE_AGENDA)
		rc = print_agenda(&c, &e);
	else
		rc = record_minutes(&c, argv, argc, &e);
	if (rc == 0 && ally_close_stdout(&e) != 0)
		rc = -1;
	if (rc != 0) {
		warnx("%s", e.msg);
		return e.code ? e.code : EX_SOFTWARE;
	}
	return 0;
}
