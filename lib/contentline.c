/*
 * contentline.c: one writer of content lines for iCalendar and vCard.
 *
 * Both formats end a line in CRLF and fold it after 75 octets with CRLF
 * and one blank; a fold never splits a UTF-8 sequence, so that no
 * calendar or phone sees a broken character.  TEXT values are escaped so
 * that no value, however hostile, can end a line, start a property or
 * split a structured one.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "render.h"

int
contentline_put(FILE *fp, const char *line)
{
	const unsigned char *s = (const unsigned char *)line;
	size_t len = strlen(line), room = CONTENTLINE_FOLD, n;

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
