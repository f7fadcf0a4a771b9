/*
 * ally.h: the whole interface of libally, for the six commands: every
 * header of the library, by layer (HACKING.md says more).
 *
 *   core       core.h      errors, records, readers and writers,
 *                          utilities, dates, the database file, networks
 *              fields.h    each record type as a table of fields
 *   domain     member.h    members (person.c), privacy (privacy.c)
 *              names.h     the member-name check on stored text
 *              meeting.h   meetings, venues, the plan, holidays, iCalendar
 *              minutes.h   minutes and the agenda
 *              action.h    actions
 *              tension.h   tension signals and their reports
 *              review.h    the half-yearly review
 *   rendering  render.h    roff, mail, svg, content lines, vCard, progress
 *              doc.h       the document layer over them
 *   skeleton   opt.h       the command line: common options, option tables
 *              session.h   the one write session
 *   and the headers listed last, of the later modules (HACKING.md).
 *
 * A file of the library includes the headers it needs; a command
 * includes this one.
 */
#ifndef ALLY_H
#define ALLY_H

#include "core.h"
#include "member.h"
#include "meeting.h"
#include "minutes.h"
#include "action.h"
#include "tension.h"
#include "review.h"
#include "render.h"
#include "fields.h"
#include "doc.h"
#include "names.h"
#include "session.h"
#include "opt.h"
#include "review_sheet.h"
#include "thermometer.h"
#include "dbquery.h"
#include "escape.h"
#include "validate.h"
#include "vformat.h"
#include "array.h"
#include "minutes_doc.h"
#include "network_list.h"
#include "contact_list.h"
#include "remind.h"
#include "reciprocity.h"
#include "action_edit.h"
#include "invite.h"
#include "planning.h"
#include "continuity.h"
#include "rotation.h"
#include "crypto.h"
#include "keys.h"
#include "expiry.h"
#include "row.h"
#include "aggregate.h"
#include "picture.h"
#include "guest.h"
#include "contactlog.h"
#include "callround.h"
#include "call_sheet.h"
#include "topic.h"
#include "reply.h"
#include "record_mode.h"
#include "caterer.h"
#include "briefing.h"

#endif /* ALLY_H */
