/*
 * contact_mode.h: the contact log's modes of action-track, in the
 * library (contact_mode.c): contacts added or changed in a write
 * session, the log listed, and the check for cron of the allies nobody
 * spoke with for weeks.  Included by ally.h.
 */
#ifndef ALLY_CONTACT_MODE_H
#define ALLY_CONTACT_MODE_H

#include "core.h"
#include "session.h"

struct contact_mode {
	const struct ally_opts	*o;
	int			 quiet, allow_names;
	long long		 weeks;		/* --not-spoken */
	int			 nothing;	/* --not-spoken: none silent */
	long			 changes;	/* for the audit */
};

/* The records of the files (or stdin) as contacts: one transaction. */
int	 contact_mode_add(struct contact_mode *, char **, int,
	    void (*)(const char *, ...), struct ally_error *);
/* session_read's functions (arg: the struct contact_mode). */
int	 contact_mode_list(struct ally_session *, void *, struct ally_error *);
/*
 * The active allies not spoken to in so many weeks; none: nothing
 * printed and cm->nothing set.
 */
int	 contact_mode_silent(struct ally_session *, void *,
	    struct ally_error *);

#endif /* ALLY_CONTACT_MODE_H */
