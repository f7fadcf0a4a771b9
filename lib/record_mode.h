/*
 * record_mode.h: the modes that log records of one table in a write
 * session and list them back (record_mode.c), for the contact log of
 * action-track and the topics of meet-minutes; and the check for cron
 * of the allies nobody spoke with for weeks.  Included by ally.h.
 */
#ifndef ALLY_RECORD_MODE_H
#define ALLY_RECORD_MODE_H

#include "core.h"
#include "session.h"

struct record_mode {
	const struct ally_opts	*o;
	int			 quiet, allow_names;
	const char		*command;	/* for the audit */
	const char		*what;		/* "contacts logged" */
	const char		*names_what;	/* names let through in ... */
	/* The table's writer (contact_apply ...), its listing. */
	int		(*apply)(sqlite3 *, const struct network *,
			    const struct record *, day_t, const char **,
			    long long *, struct ally_error *);
	int		(*query)(sqlite3 *, const struct network *,
			    sqlite3_stmt **, struct ally_error *);
	struct record	*(*row)(sqlite3_stmt *);
	const char *const	*columns;
	long long		 weeks;		/* --not-spoken */
	int			 nothing;	/* --not-spoken: none silent */
	long			 changes;	/* for the audit */
};

/* The records of the files (or stdin) through apply: one transaction. */
int	 record_mode_add(struct record_mode *, char **, int,
	    void (*)(const char *, ...), struct ally_error *);
/* session_read's functions (arg: the struct record_mode). */
int	 record_mode_list(struct ally_session *, void *, struct ally_error *);
/*
 * The active allies not spoken to in so many weeks; none: nothing
 * printed and rm->nothing set.
 */
int	 record_mode_silent(struct ally_session *, void *,
	    struct ally_error *);

#endif /* ALLY_RECORD_MODE_H */
