/*
 * contentline.h: the content lines of iCalendar (RFC 5545 3.1) and
 * vCard (RFC 6350 3.2), which share one grammar: folding and TEXT
 * escaping.  Included from ally.h.
 */
#ifndef ALLY_CONTENTLINE_H
#define ALLY_CONTENTLINE_H

#include <stdio.h>

#define CONTENTLINE_FOLD	75	/* octets on a line, CRLF not counted */
#define CONTENTLINE_TEXT	0x01	/* contentline_property: escape as TEXT */

/*
 * Write one content line and CRLF, folded at 75 octets with CRLF and a
 * blank (which counts on the next line), never inside a UTF-8 sequence;
 * bytes that are not UTF-8 fold at 75 octets.  0, or -1 on a write error.
 */
int	 contentline_put(FILE *, const char *);
/*
 * s as a TEXT value, malloc'd: backslash, semicolon and comma escaped,
 * each line break (CRLF, a lone LF or a lone CR) as \n.  NULL: no memory.
 */
char	*contentline_escape(const char *);
/*
 * "NAME:value" as one folded content line; NAME may carry parameters
 * ("TEL;VALUE=uri").  With CONTENTLINE_TEXT the value is escaped.
 */
int	 contentline_property(FILE *, const char *, const char *, int);

#endif /* ALLY_CONTENTLINE_H */
