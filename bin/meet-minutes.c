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
#include <getopt.h>
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

static void
usage(FILE *fp)
{
	/*
	 * TRANSLATORS: the synopsis of meet-minutes(1).  Keep the command
	 * name, the option letters and their order; the words for what an
	 * option takes (db, network, format, file, meeting, view) may be
	 * translated.  The lines after the first are indented to stand under
	 * the command name: indent them by the width of your "usage: ".
	 */
	fputs(_("usage: meet-minutes [-NqrA] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       meet-minutes -l [-d db] [-n network] [-f format] "
	    "[-m meeting] [-V view]\n"
	    "       meet-minutes -a [-d db] [-n network] [-f format]\n"), fp);
}

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
	struct ally_session	 s;
	struct minutes		*mi;
};

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct run *run = arg;
	struct record *s;
	int rc;

	if (minutes_apply(run->mi, r, &s, err) != 0)
		return -1;
	rc = session_result(&run->s, s, err);
	record_free(s);
	return rc;
}

static int
record_minutes(struct cmd *c, char **files, int nfiles,
    struct ally_error *err)
{
	struct run run;
	int rc = -1, flags = 0;
	long names;

	memset(&run, 0, sizeof(run));
	if (session_open(&run.s, &c->o, c->quiet ? SESSION_QUIET : 0, warnx,
	    err) != 0)
		return -1;
	if (c->replace)
		flags |= MINUTES_REPLACE;
	if (c->allow_names)
		flags |= MINUTES_ALLOW_NAMES;
	if ((run.mi = minutes_open(run.s.db, &run.s.net, flags, run.s.today,
	    err)) == NULL)
		goto out;
	if (session_apply(&run.s, files, nfiles, apply_one, &run, err) != 0)
		goto out;
	if ((names = minutes_names_let_through(run.mi)) > 0 &&
	    session_audit(&run.s, "meet-minutes --allow-names",
	    "member names let through in minutes", names, err) != 0)
		goto out;
	if (session_commit(&run.s, err) != 0)
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
	rc = session_print(&run.s, err);
out:
	minutes_close(run.mi);
	session_close(&run.s);
	return rc;
}

/* ---- printing stored minutes and the agenda ------------------------ */

/* One snapshot for everything printed. */
static int
open_for_reading(struct cmd *c, struct ally_session *s,
    struct ally_error *err)
{
	return session_open(s, &c->o, SESSION_READ | SESSION_SNAPSHOT, warnx,
	    err);
}

static int
list_minutes(struct cmd *c, struct ally_error *err)
{
	struct ally_session s;
	struct record *m, **flat = NULL;
	long long *ids = NULL;
	size_t nids = 0, nflat = 0, i;
	int rc = -1, text = c->o.format == FMT_TEXT && c->view == NULL;
	int whole = text || c->o.format == FMT_MAIL || c->o.format == FMT_ROFF;
	int table = !whole && (c->view != NULL || c->o.format == FMT_CSV);
	int flags = whole ? MINUTES_LOAD_OVERRIDE : table ?
	    minutes_view_load(c->v) : 0;

	if (open_for_reading(c, &s, err) != 0)
		return -1;
	if (minutes_select(s.db, &s.net, c->meeting, &ids, &nids, err) != 0)
		goto out;
	for (i = 0; i < nids; i++) {
		if ((m = minutes_load(s.db, &s.net, ids[i], flags,
		    err)) == NULL)
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
		} else if (records_write(FMT_YAML, WRITER_YAML_DOCS, &m, 1,
		    NULL, err) != 0) {
			record_free(m);
			goto out;
		}
		record_free(m);
	}
	if (records_write(c->o.format, 0, flat, nflat,
	    minutes_view_columns(c->v), err) != 0)
		goto out;
	rc = 0;
out:
	for (i = 0; i < nflat; i++)
		record_free(flat[i]);
	free(flat);
	free(ids);
	session_close(&s);
	return rc;
}

static int
print_agenda(struct cmd *c, struct ally_error *err)
{
	struct ally_session s;
	struct record *a;
	int rc = 0;

	if (open_for_reading(c, &s, err) != 0)
		return -1;
	a = minutes_agenda(s.db, &s.net, s.today, err);
	session_close(&s);
	if (a == NULL)
		return -1;
	if (c->o.format == FMT_YAML)
		rc = records_write(FMT_YAML, WRITER_YAML_DOCS, &a, 1, NULL,
		    err);
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

static int
check_usage(struct cmd *c, int nfiles)
{
	enum format f = c->o.format;
	size_t i;

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
		if (c->meeting != NULL || c->view != NULL)
			return -1;
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
		if (nfiles > 0 || c->o.dry_run || c->replace ||
		    c->allow_names || c->quiet)
			return -1;
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
		if (nfiles > 0 || c->o.dry_run || c->replace ||
		    c->allow_names || c->quiet || c->meeting != NULL ||
		    c->view != NULL)
			return -1;
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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		ALLY_COMMON_LONGOPTS,
		{ "replace",	no_argument,		NULL, 'r' },
		{ "allow-names", no_argument,		NULL, 'A' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "list",	no_argument,		NULL, 'l' },
		{ "meeting",	required_argument,	NULL, 'm' },
		{ "view",	required_argument,	NULL, 'V' },
		{ "agenda",	no_argument,		NULL, 'a' },
		{ NULL,		0,			NULL, 0 }
	};
	struct cmd c;
	struct ally_error e = { 0, "" };
	int ch, rc, modes = 0;

	memset(&c, 0, sizeof(c));
	ally_i18n_init();
	ally_opts_init(&c.o);
	while ((ch = getopt_long(argc, argv, ALLY_COMMON_SHORTOPTS "rAqlm:V:a",
	    longopts, NULL)) != -1) {
		if ((rc = ally_opts_handle(&c.o, ch, optarg, &e)) < 0)
			errx(e.code, "%s", e.msg);
		if (rc == 1)
			continue;
		switch (ch) {
		case 'r':
			c.replace = 1;
			break;
		case 'A':
			c.allow_names = 1;
			break;
		case 'q':
			c.quiet = 1;
			break;
		case 'l':
			c.mode = MODE_LIST;
			modes++;
			break;
		case 'm':
			c.meeting = optarg;
			break;
		case 'V':
			c.view = optarg;
			break;
		case 'a':
			c.mode = MODE_AGENDA;
			modes++;
			break;
		default:
			usage(stderr);
			return EX_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (c.o.help) {
		usage(stdout);
		return ally_close_stdout(&e) == 0 ? 0 : EX_IOERR;
	}
	if (c.o.version) {
		printf("meet-minutes %s\n", ALLY_VERSION);
		return ally_close_stdout(&e) == 0 ? 0 : EX_IOERR;
	}
	if (modes > 1 || check_usage(&c, argc) != 0) {
		usage(stderr);
		return EX_USAGE;
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
