/*
 * minutes_doc.h: the minutes and the agenda as documents for people
 * (minutes_doc.c), built from the records minutes_load and
 * minutes_agenda give.  The records keep their own words (rising,
 * police); the documents show levels, trends, bases, hosts and parties
 * in the user's language.  Included by ally.h.
 */
#ifndef ALLY_MINUTES_DOC_H
#define ALLY_MINUTES_DOC_H

#include "core.h"
#include "opt.h"

struct document;

struct document	*minutes_document(const struct record *);
/* A field's value, or dflt; the records of a field (none: 0). */
const char	*minutes_doc_get(const struct record *, const char *,
		    const char *);
size_t		 minutes_doc_recs(const struct record *, const char *,
		    struct record ***);
/* The pair of the date and time in words; with the venue and chair. */
void		 minutes_doc_date(struct document *, const struct record *);
void		 minutes_doc_when(struct document *, const struct record *);
struct document	*agenda_document(const struct record *);
/*
 * The minutes, or the agenda when agenda is set, in o->format (text,
 * roff or mail: a whole message to o->to whose subject names the
 * network and the date); flags as doc_write's.
 */
int		 minutes_doc_put(FILE *, const struct record *, int agenda,
		    const struct ally_opts *o, int flags, struct ally_error *);

#endif /* ALLY_MINUTES_DOC_H */
