/*
 * caterer.h: the note for the caterer or the host of a meeting's dinner
 * (caterer.c): the date, the venue, the number of people and their diets
 * as counts, and nothing else.  Included by ally.h.
 */
#ifndef ALLY_CATERER_H
#define ALLY_CATERER_H

#include "core.h"
#include "session.h"

/*
 * The note of an agenda record (minutes_agenda, with reply_agenda's
 * counts): no alias, no name, no theme.
 */
struct document *caterer_document(const struct record *);
/*
 * session_read's function (arg: the struct ally_opts): the note of the
 * next planned meeting in o->format, text, roff or mail (a whole message
 * to o->to); 65 when no meeting is planned.
 */
int	 caterer_print(struct ally_session *, void *, struct ally_error *);

#endif /* ALLY_CATERER_H */
