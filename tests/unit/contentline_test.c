/*
 * contentline_test.c: the content lines iCalendar and vCard share
 * (RFC 5545 3.1, RFC 6350 3.2): folding at 75 octets, never inside a
 * UTF-8 sequence, and TEXT escaping.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"
#include "tap.h"

/* What contentline_put writes for s; malloc'd. */
static char *
put(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	if (contentline_put(fp, s) != 0)
		abort();
	fclose(fp);
	return buf;
}

/* n copies of c, then tail, in buf. */
static char *
line_of(char *buf, size_t n, int c, const char *tail)
{
	memset(buf, c, n);
	strcpy(buf + n, tail);
	return buf;
}

static void
test_fold_lengths(void)
{
	char in[400], want[400], *out;

	out = put("");
	is_str(out, "\r\n", "an empty line is CRLF alone");
	free(out);

	out = put(line_of(in, 75, 'x', ""));
	is_str(out, line_of(want, 75, 'x', "\r\n"),
	    "75 octets: one line, not folded");
	free(out);

	out = put(line_of(in, 76, 'x', ""));
	line_of(want, 75, 'x', "\r\n x\r\n");
	is_str(out, want, "76 octets: folded after the 75th, CRLF and a blank");
	free(out);

	/* The blank counts: a continuation holds 74 octets of the line. */
	out = put(line_of(in, 75 + 74, 'x', ""));
	ok(strlen(out) == 75 + 2 + 1 + 74 + 2 &&
	    strcmp(out + 75 + 2 + 1 + 74, "\r\n") == 0,
	    "75 + 74 octets: two lines, the second 75 with its blank");
	free(out);

	out = put(line_of(in, 75 + 74 + 1, 'x', ""));
	ok(strlen(out) == 75 + 2 + 75 + 2 + 2 + 2 &&
	    strcmp(out + 75 + 2 + 75 + 2, " x\r\n") == 0,
	    "75 + 74 + 1 octets: a third line of one octet");
	free(out);
}

static void
test_fold_utf8(void)
{
	char in[400], want[400], *out;

	/* é (2 octets) at octets 75 and 76: it moves to the next line. */
	out = put(line_of(in, 74, 'x', "\xc3\xa9y"));
	is_str(out, line_of(want, 74, 'x', "\r\n \xc3\xa9y\r\n"),
	    "a 2-octet character straddling the 75th octet moves whole");
	free(out);

	/* é ending exactly at octet 75 stays. */
	out = put(line_of(in, 73, 'x', "\xc3\xa9y"));
	is_str(out, line_of(want, 73, 'x', "\xc3\xa9\r\n y\r\n"),
	    "a character ending at the 75th octet stays on the line");
	free(out);

	/* € (3 octets) at octets 74 to 76. */
	out = put(line_of(in, 73, 'x', "\xe2\x82\xac"));
	is_str(out, line_of(want, 73, 'x', "\r\n \xe2\x82\xac\r\n"),
	    "a 3-octet character straddling the boundary moves whole");
	free(out);

	/* The G clef (4 octets) at octets 73 to 76. */
	out = put(line_of(in, 72, 'x', "\xf0\x9d\x84\x9ez"));
	is_str(out, line_of(want, 72, 'x', "\r\n \xf0\x9d\x84\x9ez\r\n"),
	    "a 4-octet character straddling the boundary moves whole");
	free(out);

	/* On a continuation line the boundary is the 74th octet after it. */
	line_of(in, 75 + 73, 'x', "\xc3\xa9");
	out = put(in);
	ok(strncmp(out + 75 + 2 + 1 + 73, "\r\n \xc3\xa9\r\n", 7) == 0,
	    "a character straddling the end of a continuation moves whole");
	free(out);

	/* Bytes that are no UTF-8 at all still fold, and the loop ends. */
	out = put(line_of(in, 80, 0x80, ""));
	ok(strlen(out) == 75 + 3 + 5 + 2 && memcmp(out + 75, "\r\n ", 3) == 0,
	    "continuation bytes alone fold at 75 octets");
	free(out);
}

static void
test_escape(void)
{
	char *s;

	s = contentline_escape("a\\b;c,d");
	is_str(s, "a\\\\b\\;c\\,d", "backslash, semicolon, comma escaped");
	free(s);
	s = contentline_escape("one\ntwo\r\nthree\rfour");
	is_str(s, "one\\ntwo\\nthree\\nfour",
	    "LF, CRLF and a lone CR are each one line break");
	free(s);
	s = contentline_escape("\r\r\nend\r");
	is_str(s, "\\n\\nend\\n", "a CR before CRLF and a CR at the end");
	free(s);
	s = contentline_escape("mailto:a@b \"x\" \xc3\xa9");
	is_str(s, "mailto:a@b \"x\" \xc3\xa9",
	    "colon, quotes and UTF-8 stay as they are");
	free(s);
	s = contentline_escape("");
	is_str(s, "", "an empty value stays empty");
	free(s);
}

static void
test_property(void)
{
	char *buf = NULL, big[200];
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	is_int(contentline_property(fp, "SUMMARY", "a, b; c\nd",
	    CONTENTLINE_TEXT), 0, "a TEXT property is written");
	contentline_property(fp, "TEL;VALUE=uri", "tel:+31;ext=1", 0);
	fclose(fp);
	is_str(buf, "SUMMARY:a\\, b\\; c\\nd\r\nTEL;VALUE=uri:tel:+31;ext=1\r\n",
	    "TEXT escaped; without the flag the value is kept");
	free(buf);

	/* The escaped line is folded, the escapes counted. */
	buf = NULL;
	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	line_of(big, 66, ',', "");
	contentline_property(fp, "NOTE", big, CONTENTLINE_TEXT);
	fclose(fp);
	/* NOTE: and 132 octets of escapes: 75 on the first line, then 62. */
	ok(len == 75 + 3 + 62 + 2 && memcmp(buf + 75, "\r\n \\,", 5) == 0,
	    "an escaped line is folded after escaping");
	free(buf);

	/* A stream that cannot be written: -1. */
	if ((fp = fopen("/dev/null", "r")) == NULL)
		abort();
	setvbuf(fp, NULL, _IONBF, 0);
	ok(contentline_put(fp, "BEGIN:VCARD") == -1,
	    "a write error is -1");
	ok(contentline_put(fp, line_of(big, 100, 'x', "")) == -1,
	    "a write error while folding is -1");
	fclose(fp);
}

int
main(void)
{
	test_fold_lengths();
	test_fold_utf8();
	test_property();
	test_escape();
	return done_testing();
}
