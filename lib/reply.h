/*
 * reply.h: who comes to dinner (reply.c): the replies of the members
 * before a meeting, the headcount and the diets.
 */
#ifndef ALLY_REPLY_H
#define ALLY_REPLY_H

#include "core.h"

/* ---- reply.c: the replies to a meeting's dinner ----------------------- */

/* The fields a listing of replies shows: never the diet. */
extern const char *const reply_listed[];

/*
 * Store a reply record (the one writer of the table reply) in the
 * caller's transaction: meeting (a planned meeting still to come; absent,
 * the next one), alias (a member who has not left), answer (yes or no),
 * along (0 to 20 people coming with the member), diet (one line through
 * the member-name check).  A member's reply to a meeting replaces the
 * one stored.  *changed "added", "updated" or "unchanged", *id the
 * reply's.
 */
int	 reply_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, const char **, long long *,
	    struct ally_error *);
/* The network's replies by meeting and alias: for reply_record. */
int	 reply_query(sqlite3 *, const struct network *, sqlite3_stmt **,
	    struct ally_error *);
struct record *reply_record(sqlite3_stmt *);
/*
 * The replies to meeting (0: none planned) on its agenda record r:
 * coming (members who said yes), along, headcount (the two together),
 * declined, unanswered (active members without a reply), excused (the
 * aliases of those who said no) and diets (records diet and count, the
 * notes of those coming counted, most first; never with an alias).
 */
int	 reply_agenda(sqlite3 *, const struct network *, long long,
	    struct record *, struct ally_error *);
/*
 * The diets of an agenda record as one line, "halal 2, vegetarian 1",
 * into buf; NULL when there are none.
 */
const char *reply_diets_line(const struct record *, char *, size_t);
/* Erasure: the diets of the member's replies are cleared. */
int	 reply_erase(sqlite3 *, long long, struct ally_error *);
/* A new key: every reply of the network written again (its diet sealed). */
int	 reply_reseal(sqlite3 *, long long, long *, struct ally_error *);

#endif /* ALLY_REPLY_H */
