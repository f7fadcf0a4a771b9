/*
 * contentline.c: one writer of content lines for iCalendar and vCard.
 *
 * Both formats end a line in CRLF and fold it after 75 octets with CRLF
 * and one blank; a fold never splits a UTF-8 sequence, so that no
 * calendar or phone sees a broken character.  TEXT values are escaped so
 * that no value, however hostile, can end a line, start a property or
 * split a structured one; a control character in one is shown ("^["), and
 * one in any other value (a URI) is left out: no line holds a raw CR or
 * LF, whatever a damaged database holds.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "render.h"

/* A control character that may not stand in a content line (HTAB may). */
static int
is_control(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

/* The len bytes at s, folded after 75 octets, never inside UTF-8. */
static int
put_folded(FILE *fp, const unsigned char *s, size_t len)
{
	size_t room = CONTENTLINE_FOLD, n;

	while (len > room) {
		n = room;
		/* Step back to the first byte of a UTF-8 sequence. */
		while (n > 0 && (s[n] & 0xc0) == 0x80)
			n--;
		/* Only continuation bytes: no character start to keep. */
		if (n == 0)
			n = room;
		if (fwrite(s, 1, n, fp) != n || fputs("\r\n ", fp) == EOF)
			return -1;
		s += n;
		len -= n;
		room = CONTENTLINE_FOLD - 1;	/* the leading blank counts */
	}
	if (fwrite(s, 1, len, fp) != len || fputs("\r\n", fp) == EOF)
		return -1;
	return 0;
}

int
contentline_put(FILE *fp, const char *line)
{
	const unsigned char *s;
	char *clean, *w;
	int rc;

	if ((clean = w = strdup(line)) == NULL)
		return -1;
	for (s = (const unsigned char *)line; *s; s++)
		if (!is_control(*s))
			*w++ = (char)*s;
	*w = '\0';
	rc = put_folded(fp, (const unsigned char *)clean, strlen(clean));
	free(clean);
	return rc;
}

char *
contentline_escape(const char *s)
{
	char *out, *p;

	if ((out = p = malloc(2 * strlen(s) + 1)) == NULL)
		return NULL;
	for (; *s; s++) {
		switch (*s) {
		case '\\':
		case ';':
		case ',':
			*p++ = '\\';
			*p++ = *s;
			break;
		case '\r':
			/* CRLF is one line break; a lone CR is one too. */
			if (s[1] == '\n')
				break;
			/* FALLTHROUGH */
		case '\n':
			*p++ = '\\';
			*p++ = 'n';
			break;
		default:
			if (is_control((unsigned char)*s)) {
				*p++ = '^';
				*p++ = *s ^ 0x40;
			} else
				*p++ = *s;
		}
	}
	*p = '\0';
	return out;
}

int
contentline_property(FILE *fp, const char *name, const char *value,
    int flags)
{
	char *esc = NULL, *line;
	int rc;

	if ((flags & CONTENTLINE_TEXT) &&
	    (esc = contentline_escape(value)) == NULL)
		return -1;
	rc = asprintf(&line, "%s:%s", name, esc != NULL ? esc : value);
	free(esc);
	if (rc < 0)
		return -1;
	rc = contentline_put(fp, line);
	free(line);
	return rc;
}
