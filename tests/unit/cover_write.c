/*
 * cover_write: every writer of libally reports a full disk, wherever in
 * its output the disk fills up.  Each writer is run once into a stream
 * that takes everything, then once for every byte count short of that
 * into a file that cannot grow past it; each of those runs must fail.
 * Also the text values the writers escape: CR, LF and folding at
 * multi-byte characters, in vCard and iCalendar.
 */
#include <sys/resource.h>
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

/*
 * The disk that fills up: a real file under RLIMIT_FSIZE, so that
 * write(2) fails with EFBIG at the limit, unbuffered so that the
 * failure reaches the very call that wrote past it.  (A fopencookie
 * stream would do, were it not for a glibc fault: an unbuffered cookie
 * stream whose write fails reads past the caller's buffer.)
 */
static char sink_path[] = "/tmp/cover-write.XXXXXX";

static FILE *
sink_open(size_t limit)
{
	struct rlimit rl;
	FILE *fp;

	if ((fp = fopen(sink_path, "w")) == NULL)
		abort();
	setvbuf(fp, NULL, _IONBF, 0);
	getrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = limit == SIZE_MAX ? rl.rlim_max : (rlim_t)limit;
	if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
		abort();
	return fp;
}

/* Close, lift the limit; the bytes that reached the file. */
static size_t
sink_close(FILE *fp)
{
	struct rlimit rl;
	struct stat sb;

	fclose(fp);
	getrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_FSIZE, &rl);
	if (stat(sink_path, &sb) != 0)
		abort();
	return (size_t)sb.st_size;
}

/* A writer under test: 0 when it says all went well. */
typedef int (*writer_fn)(FILE *, const void *, struct ally_error *);

/*
 * Run fn into an unlimited sink (it must succeed), then into every
 * smaller one (each must fail, with EX_IOERR when it fills err).
 */
static void
sweep(const char *what, writer_fn fn, const void *arg, int sets_err)
{
	struct ally_error e = { 0, "" };
	size_t full, limit, failed = 0, wrong = 0;
	FILE *fp;

	fp = sink_open(SIZE_MAX);
	is_int(fn(fp, arg, &e), 0, "%s: written in full", what);
	full = sink_close(fp);
	ok(full > 0, "%s: %zu bytes", what, full);
	for (limit = 0; limit < full; limit++) {
		ally_error_clear(&e);
		fp = sink_open(limit);
		if (fn(fp, arg, &e) != 0)
			failed++;
		if (sets_err && e.code != EX_IOERR)
			wrong++;
		sink_close(fp);
	}
	is_int(failed, full, "%s: a full disk at any of the %zu bytes is "
	    "reported", what, full);
	if (sets_err)
		is_int(wrong, 0, "%s: and reported as an I/O error (74)", what);
}

/* ---- iCalendar -------------------------------------------------------- */

static struct meeting mv[3];

static void
meetings_init(void)
{
	size_t i;

	memset(mv, 0, sizeof(mv));
	for (i = 0; i < 3; i++) {
		mv[i].id = (long long)i + 1;
		snprintf(mv[i].network, sizeof(mv[i].network), "Middelburg");
		mv[i].date = date_from_ymd(2027, 3 + 3 * (int)i, 9);
		snprintf(mv[i].time, sizeof(mv[i].time), "19:00");
		mv[i].duration = 150;
		snprintf(mv[i].location, sizeof(mv[i].location),
		    "Wijkcentrum Dauwendaele; zaal \"De Ontmoeting\", "
		    "tweede verdieping \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
		snprintf(mv[i].address, sizeof(mv[i].address),
		    "Dauwendaele 100, 4335 CD Middelburg");
		snprintf(mv[i].host, sizeof(mv[i].host), "ally");
		snprintf(mv[i].chair, sizeof(mv[i].chair), "A0%zu", i + 1);
		mv[i].meal = 1;
		snprintf(mv[i].status, sizeof(mv[i].status), "planned");
		mv[i].sequence = (int)i;
		snprintf(mv[i].uid, sizeof(mv[i].uid),
		    "meeting-%zu@middelburg.example.org", i + 1);
		snprintf(mv[i].updated, sizeof(mv[i].updated),
		    "2027-01-15T10:00:00Z");
	}
	snprintf(mv[2].status, sizeof(mv[2].status), "cancelled");
}

static int
write_ics(FILE *fp, const void *arg, struct ally_error *e)
{
	(void)arg;
	return ical_write(fp, mv, 3, "mailto:coordinator@example.org", e);
}

static int
write_imip(FILE *fp, const void *arg, struct ally_error *e)
{
	static const char *const to[] = { "a@example.org", "b@example.org" };

	return ical_write_imip(fp, mv, 3, arg != NULL, "coordinator@example.org",
	    to, 2, e);
}

/* What fn wrote into memory, malloc'd. */
static char *
capture(writer_fn fn, const void *arg)
{
	struct ally_error e = { 0, "" };
	char *buf = NULL;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		abort();
	fn(fp, arg, &e);
	fclose(fp);
	return buf;
}

/* Every line of s ends in CRLF and holds at most max octets. */
static int
crlf_lines_within(const char *s, size_t max)
{
	const char *nl;

	while (*s) {
		if ((nl = strstr(s, "\r\n")) == NULL)
			return 0;
		if ((size_t)(nl - s) > max || memchr(s, '\n', nl - s) != NULL)
			return 0;
		s = nl + 2;
	}
	return 1;
}

static void
test_ical(void)
{
	char *s, *ics;
	const char *p;
	int ok_starts = 1;

	meetings_init();
	s = contentline_escape("line one\r\nline two; a, b\\c");
	is_str(s, "line one\\nline two\\; a\\, b\\\\c",
	    "contentline_escape: CRLF as \\n, ;,\\ escaped");
	free(s);
	s = contentline_escape("Markt 1\rMiddelburg\r");
	is_str(s, "Markt 1\\nMiddelburg\\n",
	    "contentline_escape: a lone CR is a line break, as in vCard");
	free(s);

	/* Folding backs up to the first byte of a character. */
	{
		char line[200];
		char *buf = NULL;
		size_t len;
		FILE *fp = open_memstream(&buf, &len);

		memset(line, 'x', 74);
		snprintf(line + 74, sizeof(line) - 74, "\xc3\xa9tail");
		contentline_put(fp, line);
		fclose(fp);
		ok(strncmp(buf, line, 74) == 0 && strncmp(buf + 74,
		    "\r\n \xc3\xa9tail\r\n", 10) == 0,
		    "ical: a fold never splits a UTF-8 character");
		free(buf);
	}

	unsetenv("TZ");
	ics = capture(write_ics, NULL);
	ok(strstr(ics, "DTSTART;TZID=Europe/Amsterdam:20270309T190000\r\n")
	    != NULL, "ical: no TZ set means Amsterdam local time");
	ok(strstr(ics, "DTEND;TZID=Europe/Amsterdam:20270309T213000\r\n")
	    != NULL, "ical: DTEND from the duration");
	ok(strstr(ics, "METHOD:PUBLISH\r\n") != NULL &&
	    strstr(ics, "STATUS:CANCELLED\r\n") != NULL &&
	    strstr(ics + 1, "BEGIN:VCALENDAR") == NULL,
	    "ical: the cancelled meeting in the one PUBLISH calendar");
	ok(crlf_lines_within(ics, 75), "ical: CRLF lines of at most 75 octets");
	/* No continuation line may start inside a UTF-8 character. */
	for (p = ics; (p = strstr(p, "\r\n ")) != NULL; p += 3)
		if (((unsigned char)p[3] & 0xc0) == 0x80)
			ok_starts = 0;
	ok(ok_starts, "ical: folded lines start on a character");
	free(ics);

	setenv("TZ", ":Europe/Amsterdam", 1);
	ics = capture(write_ics, NULL);
	ok(strstr(ics, "DTSTART;TZID=Europe/Amsterdam:") != NULL,
	    "ical: TZ=:Europe/Amsterdam is Amsterdam too");
	free(ics);

	/* Elsewhere: UTC.  No valid time: 18:00; no length: three hours. */
	setenv("TZ", "UTC", 1);
	snprintf(mv[0].time, sizeof(mv[0].time), "late");
	mv[0].duration = 0;
	mv[0].updated[0] = '\0';
	ics = capture(write_ics, NULL);
	ok(strstr(ics, "DTSTART:20270309T180000Z\r\n") != NULL,
	    "ical: an unreadable time starts at 18:00, in UTC");
	ok(strstr(ics, "DTEND:20270309T210000Z\r\n") != NULL,
	    "ical: no duration means three hours");
	p = strstr(ics, "DTSTAMP:");
	ok(p != NULL && strlen(p) > 26 && p[16] == 'T' && p[23] == 'Z',
	    "ical: no update time stamps it now (UTC)");
	free(ics);
	meetings_init();
	setenv("TZ", "Europe/Amsterdam", 1);

	sweep("ical_write", write_ics, NULL, 1);
	sweep("ical_write_imip REQUEST", write_imip, NULL, 1);
	sweep("ical_write_imip CANCEL", write_imip, "cancel", 1);

	{
		static const char *const bad[] = { "not-an-address" };
		struct ally_error e = { 0, "" };
		FILE *fp = fopen("/dev/null", "w");

		is_int(ical_write_imip(fp, mv, 3, 0, "coordinator@example.org",
		    bad, 1, &e), -1, "imip: a bad attendee is refused");
		is_int(e.code, EX_USAGE, "  as a usage error");
		is_str(e.msg, "attendee: 'not-an-address' is not an e-mail "
		    "address", "  naming it");
		fclose(fp);
	}
}

/* ---- vCard -------------------------------------------------------------- */

static int
write_vcard(FILE *fp, const void *arg, struct ally_error *e)
{
	return vcard_put(fp, arg, e);
}

static void
test_vcard(void)
{
	struct ally_error e = { 0, "" };
	struct record *r = record_new();
	char *buf = NULL, line[120];
	size_t len;
	FILE *fp;

	record_set(r, "alias", "A01");
	record_set(r, "name", "Fatima el Idrissi");
	record_set(r, "role", "ally");
	record_set(r, "function", "chair, women's group;\r\nMoskee\rAl-Fath");
	record_set(r, "phone", "+31621436587");
	record_set(r, "email", "f.elidrissi@example.org");
	record_set(r, "network", "Middelburg");
	fp = open_memstream(&buf, &len);
	is_int(vcard_put(fp, r, &e), 0, "vcard: written");
	fclose(fp);
	ok(strstr(buf, "chair\\, women's group\\;\\nMoskee\\nAl-Fath") !=
	    NULL || strstr(buf, "chair\\, women's group\\;\\nMoskee\\nAl-F")
	    != NULL, "vcard: CRLF one newline, a lone CR a newline too");
	ok(strstr(buf, "TEL;VALUE=uri:tel:+31621436587\r\n") != NULL ||
	    strstr(buf, "tel:+31621436587") != NULL, "vcard: phone as tel: URI");
	ok(crlf_lines_within(buf, 75), "vcard: lines of at most 75 octets");
	free(buf);
	sweep("vcard_put", write_vcard, r, 1);
	record_free(r);

	/* Bytes that are all continuation bytes cannot be backed up over. */
	memset(line, 0x80, 100);
	line[100] = '\0';
	buf = NULL;
	fp = open_memstream(&buf, &len);
	is_int(contentline_put(fp, line), 0,
	    "contentline_put: invalid UTF-8 still folds");
	fclose(fp);
	ok(len == 100 + 2 + 3 && crlf_lines_within(buf, 75),
	    "contentline_put: at 75 octets when no character start is found");
	free(buf);
}

/* ---- mail -------------------------------------------------------------- */

static int
write_mail(FILE *fp, const void *arg, struct ally_error *e)
{
	return mail_write(fp, arg, e);
}

static void
test_mail(void)
{
	static const char *const to[] = {
		"coordinator@middelburg.example.org",
		"wijkagent.zuid@politie.example.org",
		"gemeente.veiligheid@middelburg.example.org",
	};
	static char body[2000], ics[700];
	struct mail_part parts[2];
	struct mail m;
	struct ally_error e = { 0, "" };
	char *buf;
	size_t i;

	for (i = 0; i + 1 < sizeof(body); i++)
		body[i] = i % 97 == 96 ? '\n' : i % 13 == 0 ? '=' :
		    "Agenda \xc3\xa9t\xc3\xa9 "[i % 14];
	for (i = 0; i + 1 < sizeof(ics); i++)
		ics[i] = "BEGIN:VCALENDAR\r\n"[i % 17];
	memset(parts, 0, sizeof(parts));
	parts[0].type = "text/plain; charset=UTF-8";
	parts[0].body = body;
	parts[0].len = strlen(body);
	parts[1].type = "text/calendar; method=REQUEST; charset=UTF-8";
	parts[1].filename = "invitation.ics";
	parts[1].body = ics;
	parts[1].len = strlen(ics);
	parts[1].base64 = 1;
	memset(&m, 0, sizeof(m));
	m.from = "coordinator@middelburg.example.org";
	m.to = to;
	m.nto = 3;
	m.subject = "Uitnodiging: bijeenkomst van het netwerk, \xc3\xa9\xc3\xa9n "
	    "avond in maart met maaltijd en een lang onderwerp dat vouwt";
	m.parts = parts;
	m.nparts = 2;
	buf = (char *)capture(write_mail, &m);
	ok(strstr(buf, "\nTo: coordinator@middelburg.example.org, "
	    "wijkagent.zuid@politie.example.org,\n gemeente.veiligheid@") != NULL,
	    "mail: a long To: folds after a comma");
	free(buf);
	sweep("mail_write", write_mail, &m, 1);

	m.nparts = 0;
	is_int(mail_write(stdout, &m, &e), -1, "mail: no part is refused");
	is_int(e.code, EX_SOFTWARE, "  as a software error");
	m.nparts = 2;
	m.from = "no address";
	is_int(mail_write(stdout, &m, &e), -1, "mail: a bad From: is refused");
	is_int(e.code, EX_USAGE, "  as a usage error");
	m.from = "coordinator@middelburg.example.org";
	parts[0].type = "text/plain;\n evil";
	is_int(mail_write(stdout, &m, &e), -1,
	    "mail: a content type with a control character is refused");
	parts[0].type = "text/plain; charset=UTF-8";
	parts[1].filename = "in\"vite.ics";
	is_int(mail_write(stdout, &m, &e), -1,
	    "mail: a file name with a quote is refused");
	is_str(e.msg, "bad file name", "  saying so");
}

/* ---- roff and SVG ------------------------------------------------------- */

static int
write_roff(FILE *fp, const void *arg, struct ally_error *e)
{
	static const char *const cols[] = { "alias", "role", "note", NULL };
	static const char *const row[] = { "A01", "ally",
	    ".starts with a dot \\ and \xc3\xa9 and \"quotes\"\nand a break" };
	struct roff_table t;

	(void)arg;
	(void)e;
	if (roff_begin(fp, "Minutes", "Middelburg", "2027-03-09") != 0 ||
	    roff_heading(fp, "Themes \xe2\x9c\x93") != 0 ||
	    roff_paragraph(fp, "'quoted first, \x01control dropped") != 0 ||
	    roff_paragraphf(fp, "%d meetings", 5) != 0 ||
	    roff_item(fp, "A01", "owner of \xe2\x82\xac 40") != 0 ||
	    roff_table_begin(&t, fp, "l l lx", cols, ROFF_TABLE_SMALL) != 0 ||
	    roff_table_row(&t, row, 3) != 0 ||
	    roff_table_end(&t) != 0 ||
	    roff_new_page(fp, "Agenda", "Middelburg", "2027-06-09") != 0 ||
	    fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

static int
write_svg(FILE *fp, const void *arg, struct ally_error *e)
{
	return svg_heatmap(fp, arg, e);
}

static void
test_roff_svg(void)
{
	static const char *const rows[] = { "trust", "youth <&>" };
	static const char *const cols[] = { "2027-03", "2027-06", "2027-09" };
	static const char *const levels[] = { "calm", "attention", "concern" };
	static const char *const notes[] = { "cells under 3 are hidden" };
	struct heatmap_cell cells[6];
	struct heatmap h;
	size_t i;

	sweep("roff document", write_roff, NULL, 0);

	{
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);

		/* é, U+1F600, an overlong '/', a truncated euro sign. */
		ok(fp != NULL && roff_escape(fp, "A\xc3\xa9\xf0\x9f\x98\x80"
		    "\xc0\xaf\xe2\x82") == 0 && fclose(fp) == 0,
		    "roff_escape: a string with bytes that are not UTF-8");
		is_str(buf, "\\&A\\[u00E9]\\[u1F600]????",
		    "  characters as \\[uXXXX], every stray byte one '?'");
		free(buf);
	}

	for (i = 0; i < 6; i++) {
		cells[i].value = (int)i % 4 - 1;
		cells[i].text = i % 2 ? "2" : NULL;
		cells[i].tip = "tip \"quoted\"";
		cells[i].marked = i == 4;
	}
	memset(&h, 0, sizeof(h));
	h.title = "Tension by theme";
	h.subtitle = "Middelburg 2027";
	h.rows = rows;
	h.nrows = 2;
	h.cols = cols;
	h.ncols = 3;
	h.cells = cells;
	h.levels = levels;
	h.nlevels = 3;
	h.mark_label = "alert";
	h.notes = notes;
	h.nnotes = 1;
	sweep("svg_heatmap", write_svg, &h, 1);
}

/* ---- YAML and CSV writers ---------------------------------------------- */

struct wjob {
	enum format	 fmt;
	struct record	*r;
};

static int
write_records(FILE *fp, const void *arg, struct ally_error *e)
{
	static const char *const cols[] = { "alias", "role", "themes", NULL };
	const struct wjob *j = arg;
	struct writer *w;
	int rc = 0, i;

	if ((w = writer_open(fp, j->fmt, j->fmt == FMT_CSV ? cols : NULL, 0,
	    e)) == NULL)
		return -1;
	for (i = 0; i < 3 && rc == 0; i++)
		rc = writer_put(w, j->r, e);
	if (writer_close(w, e) != 0)
		rc = -1;
	return rc;
}

static void
test_writers(void)
{
	struct record *r = record_new(), *t = record_new();
	struct wjob j;

	record_set(r, "alias", "A01");
	record_set(r, "role", "ally");
	record_set(r, "note", "two\nlines, \"quoted\"");
	record_add_item(r, "present", "A01");
	record_add_item(r, "present", "P01");
	record_set(t, "theme", "trust");
	record_set(t, "tension", "1");
	record_add_record(r, "themes", t);
	j.r = r;
	j.fmt = FMT_YAML;
	sweep("yaml writer", write_records, &j, 1);
	j.fmt = FMT_CSV;
	record_remove(r, "themes");
	record_remove(r, "present");
	sweep("csv writer", write_records, &j, 1);
	record_free(r);
}

int
main(void)
{
	int fd;

	if ((fd = mkstemp(sink_path)) < 0)
		abort();
	close(fd);
	signal(SIGXFSZ, SIG_IGN);	/* EFBIG instead */
	setenv("TZ", "Europe/Amsterdam", 1);
	test_ical();
	test_vcard();
	test_mail();
	test_roff_svg();
	test_writers();
	unlink(sink_path);
	return done_testing();
}
