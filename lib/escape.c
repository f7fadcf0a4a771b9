/*
 * escape.c: characters written by name.  roff's backslash and quotes and
 * XML's markup characters are each a short table, looked up here, so
 * that a writer's walk over its text keeps only what is its own.
 *
 * And the one escaping of what people read on a terminal: text output
 * and diagnostics show a control character, a stray byte or a bidi
 * override by a visible name instead of sending it, so that a stored
 * "\e]0;...\a" or "\e[2J", a file name or a network name cannot rewrite
 * the coordinator's terminal or reverse what a line seems to say.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "escape.h"

int
escape_by_name(FILE *fp, int c, const char *chars, const char *const *names)
{
	const char *p;

	if (c == '\0' || (p = strchr(chars, c)) == NULL)
		return 0;
	fputs(names[p - chars], fp);
	return 1;
}

/* Code points shown by name: C1 controls, bidi embeddings and isolates. */
static int
hidden(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
	    cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * The length of the UTF-8 sequence at s (at most n bytes there): 0 when
 * it is cut off at n, -1 when it is not valid UTF-8; its code point.
 */
static int
utf8_seq(const unsigned char *s, size_t n, unsigned long *cp)
{
	unsigned char lo = 0x80, hi = 0xbf;
	int len, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return -1;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	*cp = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return 0;
		if (s[i] < lo || s[i] > hi)
			return -1;
		lo = 0x80;
		hi = 0xbf;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	return len;
}

/*
 * The character at s (n bytes there) as escape_visible shows it: to fp,
 * unless fp is NULL; *width, the columns it takes.  The bytes taken: 0
 * when a UTF-8 sequence is cut off at n and partial.
 */
static size_t
show_one(FILE *fp, const unsigned char *s, size_t n, int partial,
    size_t *width)
{
	unsigned long cp;
	int len;

	*width = 1;
	if (*s == '\n' || *s == '\t' || (*s >= 0x20 && *s < 0x7f)) {
		if (fp != NULL)
			putc(*s, fp);
		return 1;
	}
	*width = 2;
	if (*s < 0x20 || *s == 0x7f) {
		if (fp != NULL)
			fprintf(fp, "^%c", *s ^ 0x40);
		return 1;
	}
	if ((len = utf8_seq(s, n, &cp)) == 0 && partial)
		return 0;
	*width = len <= 0 ? 4 : hidden(cp) ? 8 : 1;
	if (len <= 0) {
		if (fp != NULL)
			fprintf(fp, "\\x%02x", *s);
		return 1;
	}
	if (fp != NULL && hidden(cp))
		fprintf(fp, "<U+%04lX>", cp);
	else if (fp != NULL)
		fwrite(s, 1, len, fp);
	return len;
}

size_t
escape_visible(FILE *fp, const char *str, size_t n, int partial)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, w;

	while (i < n && (k = show_one(fp, s + i, n - i, partial, &w)) > 0)
		i += k;
	return i;
}

size_t
escape_width(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, cols = 0, w;

	while (i < n) {
		i += show_one(NULL, s + i, n - i, 0, &w);
		cols += w;
	}
	return cols;
}

/* The streams escape_stream filtered: theirs and the originals. */
static FILE	*filtered[2][2];

/* A stream that writes through escape_visible to another. */
struct filter {
	FILE		*to;
	char		 held[4];	/* a UTF-8 sequence cut off */
	size_t		 nheld;
};

/*
 * Their state, one per filtered stream, in static storage: stderr's
 * filter is never closed, and a cookie allocated for it would be a leak
 * to LeakSanitizer (glibc keeps the cookie where it does not look).
 */
static struct filter	filters[2];

static ssize_t
filter_write(void *cookie, const char *buf, size_t n)
{
	struct filter *f = cookie;
	size_t took = 0, k;

	/* A held sequence is completed from buf first, byte by byte. */
	while (f->nheld > 0 && took < n) {
		f->held[f->nheld++] = buf[took++];
		k = escape_visible(f->to, f->held, f->nheld, 1);
		memmove(f->held, f->held + k, f->nheld - k);
		f->nheld -= k;
	}
	k = escape_visible(f->to, buf + took, n - took, 1);
	memcpy(f->held, buf + took + k, n - took - k);
	f->nheld = n - took - k;
	if (fflush(f->to) != 0 || ferror(f->to))
		return -1;
	return n;
}

static int
filter_close(void *cookie)
{
	struct filter *f = cookie;
	int rc;

	escape_visible(f->to, f->held, f->nheld, 0);
	f->nheld = 0;
	rc = fflush(f->to);
	return rc;
}

int
escape_stream(FILE **fpp)
{
	static const cookie_io_functions_t io = {
		.write = filter_write, .close = filter_close
	};
	struct filter *f;
	FILE *fp;
	size_t i;

	for (i = 0; i < 2 && filtered[i][0] != NULL; i++)
		if (filtered[i][0] == *fpp)
			return 0;
	if (i == 2)
		return -1;
	f = &filters[i];
	f->to = *fpp;
	f->nheld = 0;
	if ((fp = fopencookie(f, "w", io)) == NULL)
		return -1;
	if (*fpp == stderr)
		setvbuf(fp, NULL, _IONBF, 0);
	filtered[i][0] = fp;
	filtered[i][1] = *fpp;
	*fpp = fp;
	return 0;
}

FILE *
escape_unfiltered(FILE *fp)
{
	size_t i;

	for (i = 0; i < 2; i++)
		if (filtered[i][0] == fp)
			return filtered[i][1];
	return fp;
}
