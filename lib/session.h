/*
 * session.h: one write session for every command (session.c).
 *
 * path -> mode check -> open -> BEGIN IMMEDIATE -> network -> apply every
 * record -> audit -> the results printed and standard output checked ->
 * dry-run rollback or commit: a failure exit means nothing was stored.
 * The results wait in an unlinked file of mode 0600 in
 * $TMPDIR, never all in memory: a report of records that were rolled back
 * would mislead, and a million of them are 140 MiB.  The same open, with
 * SESSION_READ, serves the listing modes.  Included by ally.h.
 */
#ifndef ALLY_SESSION_H
#define ALLY_SESSION_H

#include "core.h"

#define SESSION_READ		0x01	/* no write lock: a plain connection */
#define SESSION_SNAPSHOT	0x02	/* with SESSION_READ: one BEGIN */
#define SESSION_CREATE		0x04	/* make the file and the network */
#define SESSION_QUIET		0x08	/* no results printed: no spool file */
#define SESSION_NO_NETWORK	0x10	/* resolve no network */
#define SESSION_READONLY	0x20	/* the file opened read-only */
#define SESSION_OWN_FORMAT	0x40	/* no format check: own printing */
#define SESSION_IDENTITIES	0x80	/* writes identities: DB_IDENTITIES */

struct ally_session {
	sqlite3			*db;
	struct network		 net;
	day_t			 today;
	const struct ally_opts	*o;
	int			 flags;
	/* The printed results: their columns (NULL: the first record's). */
	const char *const	*columns;
	int			 wflags;	/* writer flags */
	FILE			*spool;
	unsigned long		 nresults;
	void			(*warn)(const char *, ...);
	/* session_names: the command and what its audit entry says. */
	const char		*names_command, *names_what;
};

/*
 * Open the database of o->db (or $ALLY_DB ...), begin and resolve the
 * network (o->network, or create it with SESSION_CREATE).  A writing
 * session first checks that the results can be printed in o->format.
 * A database open to others is said through warn (printf-like: the
 * command's warnx), the library printing nothing itself.  On error the
 * session is closed; session_close is harmless after it.
 */
int	 session_open(struct ally_session *, const struct ally_opts *, int,
	    void (*)(const char *, ...), struct ally_error *);
/* Every record of the files (or stdin) through fn, in o->input. */
int	 session_apply(struct ally_session *, char *const *, int,
	    int (*)(struct record *, void *, struct ally_error *), void *,
	    struct ally_error *);
/* One record to print at the commit (none with SESSION_QUIET). */
int	 session_result(struct ally_session *, const struct record *,
	    struct ally_error *);
/* An audit entry of n things done, unless this is a dry run. */
int	 session_audit(struct ally_session *, const char *, const char *,
	    long, struct ally_error *);
/*
 * The member-name check for the text this session stores (net.names):
 * names refused, or with allow let through, counted, audited as
 * "COMMAND --allow-names" with what, and said through warn after the
 * commit.  After session_open, before the first record.
 */
int	 session_names(struct ally_session *, int, const char *, const char *,
	    struct ally_error *);
/*
 * The results printed (session_print), standard output flushed and
 * checked (what the command printed itself before too), then roll back
 * a dry run (or a reading session), else commit.  A command prints
 * everything before this: a failure exit must mean nothing stored.
 */
int	 session_commit(struct ally_session *, struct ally_error *);
/*
 * The results to stdout, in o->format through a writer of the session's
 * columns and writer flags; nothing when there is none (or they were
 * printed already).
 */
int	 session_print(struct ally_session *, struct ally_error *);
/* Roll back what is not committed, close, drop the results. */
void	 session_close(struct ally_session *);
/* session_commit (which prints), then session_close. */
int	 session_finish(struct ally_session *, struct ally_error *);

/*
 * Records to stdout through one writer of the format, flags and columns;
 * nothing for none.  For what a command prints beside a session.
 */
int	 records_write(enum format, int, struct record *const *, size_t,
	    const char *const *, struct ally_error *);

/*
 * A reading session around one call, for a mode that prints as it
 * reads: open with SESSION_READ and flags (warn as session_open's),
 * fn, close; what fn returns.
 */
int	 session_read(const struct ally_opts *, int,
	    void (*)(const char *, ...),
	    int (*)(struct ally_session *, void *, struct ally_error *),
	    void *, struct ally_error *);

#endif
