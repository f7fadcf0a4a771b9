/*
 * vcard.c: contacts as vCard 4.0 (RFC 6350), for a coordinator's phone.
 *
 * Every content line ends in CRLF and is folded before 75 octets with
 * CRLF and one blank, never inside a UTF-8 sequence, so that a phone's
 * importer does not see a broken character.  Text values are escaped
 * (backslash, comma, semicolon, newline), so that no value, however
 * hostile, can end a line, start a property or split a structured one.
 * Both are contentline.c's, shared with the iCalendar writer.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "render.h"

/* A property; nothing is written for an empty value. */
static int
vcard_property(FILE *fp, const char *name, const char *value, int flags)
{
	if (value == NULL || *value == '\0')
		return 0;
	return contentline_property(fp, name, value, flags);
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
	const char *share = record_get(r, "share");
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
	if (contentline_put(fp, "BEGIN:VCARD") != 0 ||
	    contentline_put(fp, "VERSION:4.0") != 0 ||
	    contentline_put(fp, "PRODID:-//ally//ally " ALLY_VERSION "//EN") != 0 ||
	    contentline_put(fp, "KIND:individual") != 0 ||
	    /* FN is required: an unnamed member is known by the alias. */
	    vcard_property(fp, "FN", name != NULL ? name : alias,
	    CONTENTLINE_TEXT) != 0 ||
	    vcard_property(fp, "NICKNAME", alias, CONTENTLINE_TEXT) != 0 ||
	    vcard_property(fp, "ORG", org, CONTENTLINE_TEXT) != 0 ||
	    vcard_property(fp, "TITLE", record_get(r, "function"),
	    CONTENTLINE_TEXT) != 0 ||
	    vcard_property(fp, "CATEGORIES", record_get(r, "role"),
	    CONTENTLINE_TEXT) != 0)
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
	    CONTENTLINE_TEXT) != 0 || vcard_property(fp, "NOTE",
	    share != NULL && strcmp(share, "no") == 0 ? "do not share" : NULL,
	    CONTENTLINE_TEXT) != 0 || contentline_put(fp, "END:VCARD") != 0))
		rc = -1;
	if (rc != 0)
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    errno ? strerror(errno) : "vCard");
	return 0;
}
