/*
 * vcard.c: contacts as vCard 4.0 (RFC 6350), for a coordinator's phone.
 *
 * Every content line ends in CRLF and is folded before 75 octets with
 * CRLF and one blank, never inside a UTF-8 sequence, so that a phone's
 * importer does not see a broken character.  Text values are escaped
 * (backslash, comma, semicolon, newline), so that no value, however
 * hostile, can end a line, start a property or split a structured one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

#define VCARD_FOLD	75	/* octets on a line, CRLF not counted */

/* s as an RFC 6350 text value, in a new string *out. */
static int
escape_text(const char *s, char **out)
{
	char *d, *p;

	if ((d = p = malloc(2 * strlen(s) + 1)) == NULL)
		return -1;
	for (; *s; s++) {
		switch (*s) {
		case '\\':
		case ',':
		case ';':
			*p++ = '\\';
			*p++ = *s;
			break;
		case '\r':
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
	*out = d;
	return 0;
}

int
vcard_fold(FILE *fp, const char *line)
{
	const unsigned char *s = (const unsigned char *)line;
	size_t len = strlen(line), room = VCARD_FOLD, n;

	while (len > room) {
		n = room;
		/* Step back to the first byte of a UTF-8 sequence. */
		while (n > 0 && (s[n] & 0xc0) == 0x80)
			n--;
		if (n == 0)
			n = room;
		if (fwrite(s, 1, n, fp) != n || fputs("\r\n ", fp) == EOF)
			return -1;
		s += n;
		len -= n;
		room = VCARD_FOLD - 1;	/* the leading blank counts */
	}
	if (fwrite(s, 1, len, fp) != len || fputs("\r\n", fp) == EOF)
		return -1;
	return 0;
}

int
vcard_property(FILE *fp, const char *name, const char *value, int flags)
{
	char *esc = NULL, *line;
	int rc;

	if (value == NULL || *value == '\0')
		return 0;
	if ((flags & VCARD_TEXT) && escape_text(value, &esc) != 0)
		return -1;
	rc = asprintf(&line, "%s:%s", name, esc != NULL ? esc : value);
	free(esc);
	if (rc < 0)
		return -1;
	rc = vcard_fold(fp, line);
	free(line);
	return rc;
}

/* Dutch mobile numbers are +316...; the rest are voice lines. */
static const char *
tel_type(const char *e164)
{
	return strncmp(e164, "+316", 4) == 0 ? "cell" : "voice";
}

int
vcard_put(FILE *fp, const struct record *r, struct ally_error *err)
{
	const char *name = record_get(r, "name"), *alias, *phone, *net;
	char org[256], tel[64];
	int rc = 0;

	alias = record_get(r, "alias");
	phone = record_get(r, "phone");
	net = record_get(r, "network");
	snprintf(org, sizeof(org), "Allies network %s", net != NULL ? net :
	    "");
	if (phone != NULL)
		snprintf(tel, sizeof(tel), "TEL;VALUE=uri;TYPE=%s",
		    tel_type(phone));
	if (vcard_fold(fp, "BEGIN:VCARD") != 0 ||
	    vcard_fold(fp, "VERSION:4.0") != 0 ||
	    vcard_fold(fp, "PRODID:-//ally//ally " ALLY_VERSION "//EN") != 0 ||
	    vcard_fold(fp, "KIND:individual") != 0 ||
	    /* FN is required: an unnamed member is known by the alias. */
	    vcard_property(fp, "FN", name != NULL ? name : alias,
	    VCARD_TEXT) != 0 ||
	    vcard_property(fp, "NICKNAME", alias, VCARD_TEXT) != 0 ||
	    vcard_property(fp, "ORG", org, VCARD_TEXT) != 0 ||
	    vcard_property(fp, "TITLE", record_get(r, "function"),
	    VCARD_TEXT) != 0 ||
	    vcard_property(fp, "CATEGORIES", record_get(r, "role"),
	    VCARD_TEXT) != 0)
		rc = -1;
	if (rc == 0 && phone != NULL) {
		char *uri;

		if (asprintf(&uri, "tel:%s", phone) < 0)
			rc = -1;
		else {
			rc = vcard_property(fp, tel, uri, 0);
			free(uri);
		}
	}
	if (rc == 0 && (vcard_property(fp, "EMAIL", record_get(r, "email"),
	    VCARD_TEXT) != 0 || vcard_fold(fp, "END:VCARD") != 0))
		rc = -1;
	if (rc != 0)
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    errno ? strerror(errno) : "vCard");
	return 0;
}
