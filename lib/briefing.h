/*
 * briefing.h: the briefing for the chair of the next meeting
 * (briefing.c): what to open with, the open actions, the rising themes,
 * the topics proposed and who has excused themselves.  Aliases only,
 * never names.  Included by ally.h.
 */
#ifndef ALLY_BRIEFING_H
#define ALLY_BRIEFING_H

#include "core.h"
#include "session.h"

/*
 * session_read's function (arg: the struct ally_opts): the briefing of
 * the next planned meeting in o->format, text, roff or mail (a whole
 * message to o->to); 65 when no meeting is planned.
 */
int	 briefing_print(struct ally_session *, void *, struct ally_error *);

#endif /* ALLY_BRIEFING_H */
