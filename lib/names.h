/*
 * names.h: the member-name check on stored free text (names.c).
 *
 * What ally stores is about developments, not persons: free text that
 * holds a member's real name (whole, or the family name; in any case,
 * with or without accents) is refused with the member's alias to write
 * instead, unless the caller lets names through, and then they are
 * counted for the command to say so.  Included by ally.h.
 */
#ifndef ALLY_NAMES_H
#define ALLY_NAMES_H

#include "core.h"

#define NAMES_ALLOW	0x01	/* names in text pass, and are counted */
#define NAMES_MINUTES	0x02	/* the refusal speaks of minutes */

/* The members' names of one network, folded, read once. */
struct names;

/*
 * The index of the network's members' names, for one write transaction
 * that adds or renames no member while it lasts: the caller keeps it in
 * net->names for the functions that store text.
 */
struct names	*names_load(sqlite3 *, long long, int, struct ally_error *);
void		 names_free(struct names *);
/* How many names NAMES_ALLOW let through. */
long		 names_let_through(const struct names *);

/*
 * The text of one field of one record that is about to be stored: 0 when
 * it names no member, or when names are let through (counted); else -1
 * with "file:line: field: holds the name of member A04; ... write A04
 * instead (or record with --allow-names)".  Through net->names when it
 * is set, else an index read for this one check, which lets no name
 * through.
 */
int		 names_check(sqlite3 *, const struct network *,
		    const struct record *, const char *, struct ally_error *);

/*
 * The same on an index: the aliases of the members named are added to
 * the blank-separated list (at most size bytes; may be NULL) when names
 * are let through; count 0 looks without counting, for a caller that
 * checks early what is counted where it is stored.
 */
int		 names_check_in(struct names *, const struct record *,
		    const char *, char *, size_t, int, struct ally_error *);

/* getopt_long's value for --allow-names where no letter is free. */
#define NAMES_OPT_ALLOW	0x210

/*
 * For a command that stores text with net->names: the audit entry of
 * the names let through (command "CMD --allow-names"), written in the
 * transaction unless nothing was let through; then the note the command
 * prints after the commit, "" when none.
 */
int		 names_audit(sqlite3 *, const struct network *, const char *,
		    const char *, struct ally_error *);
const char	*names_note(const struct network *, int, char *, size_t);

#endif /* ALLY_NAMES_H */
