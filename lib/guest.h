/*
 * guest.h: guests at a meeting's table (guest.c).
 */
#ifndef ALLY_GUEST_H
#define ALLY_GUEST_H

#include "core.h"
#include "names.h"

/* ---- guest.c: the guests of a meeting, by role or organisation ------- */

/*
 * One guest of minutes (a record of guest_def, its fields known): a role
 * or an organisation or both, one line each, neither a member's alias
 * nor a member's name (through the names index; let is as
 * names_check_in's).  0, or -1 with "file:line: field: ...".
 */
int	 guest_check(sqlite3 *, const struct network *, struct names *,
	    const struct record *, char *, size_t, struct ally_error *);
/*
 * Store the guests of a meeting, replacing those stored before: the
 * one writer of the table guest.
 */
int	 guest_store(sqlite3 *, long long, struct record *const *, size_t,
	    struct ally_error *);
/* Add the meeting's guests to r as "guests" records; none: nothing. */
int	 guest_load(sqlite3 *, long long, struct record *,
	    struct ally_error *);

#endif /* ALLY_GUEST_H */
