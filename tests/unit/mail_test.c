/*
 * mail_test: the MIME building blocks of mail.c: quoted-printable and
 * base64 bodies, RFC 2047 headers, line lengths, the message frame.
 */
#include <stdlib.h>
#include <string.h>

#include "ally.h"
#include "tap.h"

/* What fn wrote for a string, in a static buffer. */
static const char *
qp(const char *s)
{
	static char *buf;
	size_t len;
	FILE *fp;

	free(buf);
	buf = NULL;
	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	if (mail_put_qp(fp, s, strlen(s)) != 0)
		abort();
	fclose(fp);
	return buf;
}

static const char *
header(const char *name, const char *value)
{
	static char *buf;
	size_t len;
	FILE *fp;

	free(buf);
	buf = NULL;
	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	if (mail_put_header(fp, name, value) != 0)
		abort();
	fclose(fp);
	return buf;
}

/* The longest line of s, LF-separated, in bytes. */
static size_t
longest(const char *s)
{
	size_t max = 0, n;

	while (*s) {
		n = strcspn(s, "\n");
		if (n > max)
			max = n;
		s += n;
		if (*s == '\n')
			s++;
	}
	return max;
}

/* Every '=' starts =XX or is a soft break at a line's end. */
static int
qp_well_formed(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		if (*s != '=')
			continue;
		if (s[1] == '\n')
			continue;
		if (s[1] == '\0' || s[2] == '\0' || strchr(hex, s[1]) == NULL ||
		    strchr(hex, s[2]) == NULL)
			return 0;
		s += 2;
	}
	return 1;
}

static int
all_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static void
test_qp(void)
{
	char line[400];
	const char *got;

	is_str(qp("plain text\n"), "plain text\n", "qp: ASCII stays");
	is_str(qp("a=b\n"), "a=3Db\n", "qp: '=' is escaped");
	is_str(qp("Zo\xc3\xab\n"), "Zo=C3=AB\n", "qp: UTF-8 bytes escaped");
	is_str(qp("end \n"), "end=20\n", "qp: a blank before the line end");
	is_str(qp("tab\t\n"), "tab=09\n", "qp: a tab before the line end");
	is_str(qp("a b\n"), "a b\n", "qp: an inner blank stays");
	is_str(qp(".\n"), "=2E\n", "qp: a lone dot (SMTP's end) escaped");
	is_str(qp("From here\n"), "=46rom here\n", "qp: From at a line start");
	is_str(qp("x From y\n"), "x From y\n", "qp: From inside a line stays");
	is_str(qp("no newline"), "no newline=\n",
	    "qp: text without a final newline ends in a soft break");
	is_str(qp("a\r\n"), "a^M\n", "qp: a CR shown as ^M (escape_visible), never sent");
	is_str(qp("\n\n"), "\n\n", "qp: empty lines");

	/* 76 characters fit one line; 77 need a soft break. */
	memset(line, 'x', 76);
	strcpy(line + 76, "\n");
	is_str(qp(line), line, "qp: 76 characters on one line");
	memset(line, 'x', 77);
	strcpy(line + 77, "\n");
	got = qp(line);
	ok(strstr(got, "=\n") != NULL, "qp: 77 characters: a soft break");
	is_int(longest(got), 76, "qp: no line over 76");

	/* A long UTF-8 line: no =XX split by a soft break, lines <= 76. */
	line[0] = '\0';
	while (strlen(line) < 300)
		strcat(line, "\xc3\xa9=");
	strcat(line, "\n");
	got = qp(line);
	ok(longest(got) <= 76, "qp: escaped UTF-8: lines <= 76 (%zu)",
	    longest(got));
	ok(all_ascii(got), "qp: 7-bit");
	ok(qp_well_formed(got), "qp: soft breaks fall between tokens");

	/* A dot that a soft break brings to a line's start is escaped. */
	memset(line, 'x', 75);
	strcpy(line + 75, ".y\n");
	got = qp(line);
	ok(strstr(got, "=\n=2Ey\n") != NULL, "qp: a dot after a soft break");
}

static void
test_base64(void)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "", "" },
		{ "f", "Zg==\n" },
		{ "fo", "Zm8=\n" },
		{ "foo", "Zm9v\n" },
		{ "foob", "Zm9vYg==\n" },
		{ "BEGIN:VCALENDAR\r\n", "QkVHSU46VkNBTEVOREFSDQo=\n" },
	};
	char big[200], *buf = NULL;
	size_t i, len;
	FILE *fp;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		buf = NULL;
		fp = open_memstream(&buf, &len);
		mail_put_base64(fp, v[i].in, strlen(v[i].in));
		fclose(fp);
		is_str(buf, v[i].out, "base64, case %zu (RFC 4648)", i);
		free(buf);
	}
	memset(big, 'a', sizeof(big));
	buf = NULL;
	fp = open_memstream(&buf, &len);
	mail_put_base64(fp, big, sizeof(big));
	fclose(fp);
	is_int(longest(buf), 76, "base64: lines of 76");
	is_int(strlen(buf), (sizeof(big) + 2) / 3 * 4 + 4,
	    "base64: 200 bytes, 268 characters on 4 lines");
	free(buf);
}

static void
test_headers(void)
{
	char value[300];
	const char *got;

	is_str(header("Subject", "Allies meeting Middelburg"),
	    "Subject: Allies meeting Middelburg\n", "header: ASCII as is");
	is_str(header("Subject", "two\nlines"), "Subject: two lines\n",
	    "header: a newline cannot start another header");
	is_str(header("Subject", "Zo\xc3\xab"),
	    "Subject: =?UTF-8?B?Wm/Dqw==?=\n", "header: RFC 2047 B word");
	is_str(header("Subject", "=?x?="), "Subject: =?UTF-8?B?PT94Pz0=?=\n",
	    "header: text that looks encoded is encoded");

	value[0] = '\0';
	while (strlen(value) < 200)
		strcat(value, "word ");
	got = header("Subject", value);
	ok(longest(got) <= MAIL_LINE_MAX, "header: folded at 78 (%zu)",
	    longest(got));
	ok(strstr(got, "\n word") != NULL, "header: folded at a blank");

	value[0] = '\0';
	while (strlen(value) < 200)
		strcat(value, "S\xc3\xba" "dwest-Frysl\xc3\xa2n ");
	got = header("Subject", value);
	ok(longest(got) <= MAIL_LINE_MAX, "header: encoded words fit 78 (%zu)",
	    longest(got));
	ok(all_ascii(got), "header: encoded words are ASCII");
	ok(strstr(got, "\n =?UTF-8?B?") != NULL, "header: one word a line");
}

static void
test_message(void)
{
	static const char *const to[] = { "a@example.org", "b@example.org" };
	static const char *const bad[] = { "not an address" };
	struct mail_part parts[2];
	struct mail m;
	struct ally_error e = { 0, "" };
	char *buf = NULL;
	size_t len;
	FILE *fp;

	ok(mail_valid_address("coordinator@example.org") == 0,
	    "address: valid");
	ok(mail_valid_address("co\xc3\xb6rdinator@example.org") != 0,
	    "address: not ASCII, refused in a header");
	ok(mail_valid_address("a@b") != 0, "address: no domain dot");

	memset(parts, 0, sizeof(parts));
	parts[0].type = "text/plain; charset=UTF-8";
	parts[0].body = "Hello\n";
	parts[0].len = 6;
	parts[1].type = "text/calendar; method=REQUEST; charset=UTF-8";
	parts[1].filename = "invitation.ics";
	parts[1].body = "BEGIN:VCALENDAR\r\n";
	parts[1].len = 17;
	parts[1].base64 = 1;
	memset(&m, 0, sizeof(m));
	m.from = "coordinator@example.org";
	m.to = to;
	m.nto = 2;
	m.subject = "Test";
	m.parts = parts;
	m.nparts = 2;
	fp = open_memstream(&buf, &len);
	is_int(mail_write(fp, &m, &e), 0, "message written");
	fclose(fp);
	like_prefix(buf, "From: coordinator@example.org\n"
	    "To: a@example.org, b@example.org\nSubject: Test\nDate: ",
	    "message: the headers in order");
	ok(strstr(buf, "\nMIME-Version: 1.0\nContent-Type: multipart/mixed;"
	    "\n boundary=\"=_ally_") != NULL, "message: multipart/mixed");
	ok(strstr(buf, "\n\nHello\n\n--=_ally_") != NULL,
	    "message: the text keeps its final newline before the delimiter");
	ok(strstr(buf, "filename=\"invitation.ics\"\n\n"
	    "QkVHSU46VkNBTEVOREFSDQo=\n") != NULL, "message: the attachment");
	ok(longest(buf) <= MAIL_LINE_MAX, "message: lines <= 78");
	free(buf);

	m.to = bad;
	m.nto = 1;
	buf = NULL;
	fp = open_memstream(&buf, &len);
	is_int(mail_write(fp, &m, &e), -1, "a bad recipient is refused");
	fclose(fp);
	is_int(e.code, EX_USAGE, "... as a usage error");
	is_str(buf, "", "... before anything is written");
	free(buf);

	m.nto = 0;
	m.nparts = 1;
	buf = NULL;
	fp = open_memstream(&buf, &len);
	mail_write(fp, &m, &e);
	fclose(fp);
	ok(strstr(buf, "\nTo: undisclosed-recipients:;\n") != NULL,
	    "no recipient: an empty group");
	ok(strstr(buf, "\nContent-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n") != NULL &&
	    strstr(buf, "multipart") == NULL, "one part: a single-part message");
	free(buf);
}

int
main(void)
{
	test_qp();
	test_base64();
	test_headers();
	test_message();
	return done_testing();
}
