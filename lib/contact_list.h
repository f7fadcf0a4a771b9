/*
 * contact_list.h: the quick-contact list written out (contact_list.c;
 * ally-add -K).  Included by ally.h.
 */
#ifndef ALLY_CONTACT_LIST_H
#define ALLY_CONTACT_LIST_H

#include "core.h"
#include "member.h"
#include "session.h"

/* The list's format: FMT_AUTO becomes text; text, csv, vcard or yaml. */
int	 contact_list_format(enum format *, struct ally_error *);
/*
 * Through a session opened in the list's format with SESSION_OWN_FORMAT
 * (and SESSION_QUIET for vcard): the contacts of the selection, the
 * audit entry of the command who, the commit, and only then the list on
 * standard output; who it leaves out and why through the session's warn
 * and, in the text form, under the list.
 */
int	 contact_list_write(struct ally_session *,
	    const struct contact_select *, const char *who,
	    struct ally_error *);

#endif /* ALLY_CONTACT_LIST_H */
