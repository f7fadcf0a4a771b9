/*
 * invite.h: the invitations to meetings (invite.c), written once as a
 * document (doc.h): text for mail(1), or a whole message for sendmail -t
 * with the calendars attached (RFC 6047, iMIP).  Included by ally.h.
 */
#ifndef ALLY_INVITE_H
#define ALLY_INVITE_H

#include "core.h"
#include "meeting.h"

/*
 * The invitations (and cancellations) as one document: one meeting's is
 * a letter titled with its first line, several are a section each under
 * a title that counts them.  NULL when memory runs out (doc_write and
 * doc_mail say so).
 */
struct document	*invite_doc(const struct meeting *, size_t);
/* The document as FMT_TEXT or FMT_ROFF (doc_write); nothing for none. */
int		 invite_write(FILE *, const struct meeting *, size_t,
		    enum format, struct ally_error *);
/*
 * The message: the document as its text, then a calendar of the planned
 * meetings (METHOD:REQUEST, invitation.ics) and one of the cancelled
 * ones (METHOD:CANCEL, cancellation.ics), each when not empty.  The
 * organizer (an address, "mailto:" allowed, or NULL: mail_default_from)
 * sends it and is the calendars' ORGANIZER; every recipient is an
 * ATTENDEE.  Composed whole first: an error prints nothing.  Nothing
 * for no meeting.
 */
int		 invite_mail(FILE *, const struct meeting *, size_t,
		    const char *, const char *const *, size_t,
		    struct ally_error *);
/* The organizer is fit to send mail: NULL, or an address (EX_USAGE). */
int		 invite_organizer_check(const char *, struct ally_error *);
/* Keep the meetings that need an invitation (not held): how many. */
size_t		 invite_due(struct meeting *, size_t);

#endif /* ALLY_INVITE_H */
