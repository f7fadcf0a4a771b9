/*
 * contact_list.h: the quick-contact list and the member list written
 * out (contact_list.c; ally-add -K and -l).  Included by ally.h.
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

/*
 * ally-add -l: the members of o's network (of a role and a status, or
 * NULL for all) as records, with identities the contact fields too;
 * read and audited in one session, since even without them the list
 * shows community and notes.
 */
int	 member_list_write(const struct ally_opts *, int, const char *,
	    const char *, void (*)(const char *, ...), struct ally_error *);

#endif /* ALLY_CONTACT_LIST_H */
