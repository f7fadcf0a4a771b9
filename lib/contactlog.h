/*
 * contactlog.h: the contact log between the meetings (contactlog.c).
 */
#ifndef ALLY_CONTACTLOG_H
#define ALLY_CONTACTLOG_H

#include "core.h"

/* ---- contactlog.c: who spoke with which ally, when and how ----------- */

/*
 * Add a contact record, or change the one its id names (the one writer
 * of the table contact), in the caller's transaction: date (not in the
 * future), kind, by (police or municipality staff), with (an ally), a
 * one-line note through the member-name check.  *changed "added",
 * "updated" or "unchanged", *id the contact's.
 */
int	 contact_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, const char **, long long *,
	    struct ally_error *);
/* The network's contacts by date: a statement for contact_record. */
int	 contact_query(sqlite3 *, const struct network *, sqlite3_stmt **,
	    struct ally_error *);
struct record *contact_record(sqlite3_stmt *);
/*
 * The active allies nobody spoke with since the day (after it, not on
 * it): records alias, last_contact (absent: never), weeks (whole weeks
 * since, absent: never), the longest silence first.
 */
int	 contact_silent(sqlite3 *, const struct network *, day_t, day_t,
	    struct record ***, size_t *, struct ally_error *);
/*
 * A member's last contact (last[0] '\0': none) up to the day to, and
 * the number of contacts from..to inclusive.
 */
int	 contact_tally(sqlite3 *, long long, day_t, day_t, char [11],
	    long long *, struct ally_error *);
/* Erasure: the notes of the contacts with the member are cleared. */
int	 contact_erase(sqlite3 *, long long, struct ally_error *);

/* A new key: every contact of the network written again (its note sealed). */
int	 contact_reseal(sqlite3 *, long long, long *, struct ally_error *);

/* Retention: the notes of the contact log of the network before a date cleared. */
int	 contact_expire(sqlite3 *, long long, const char *, long *,
	    struct ally_error *);

#endif /* ALLY_CONTACTLOG_H */
