/*
 * expiry.h: retention for every text (expiry.c; ally-review -X).
 * Included by ally.h.
 */
#ifndef ALLY_EXPIRY_H
#define ALLY_EXPIRY_H

#include "core.h"

/* The kinds of text kept for a period, in the order of expiry_kinds. */
enum expiry_kind {
	EXPIRY_SUMMARIES,	/* signal summaries (what was heard, in calls too) */
	EXPIRY_MINUTES,		/* the notes of minutes */
	EXPIRY_ACTIONS,		/* the notes of closed actions */
	EXPIRY_ROUNDS,		/* the summaries of closed call rounds */
	EXPIRY_CONTACTS,	/* the notes of the contact log */
	EXPIRY_AUDIT,		/* what an audit entry says */
	EXPIRY_NKINDS
};

/* "summaries", "minutes", ..., NULL; and each one's default in months. */
extern const char *const expiry_kinds[];
extern const int expiry_default_months[EXPIRY_NKINDS];
/* The columns of expiry_run's records: kind months before cleared. */
extern const char *const expiry_fields[];

/* months[kind] from "kind=months" (1 to 1200): 0, or -1 (64). */
int	 expiry_set(int *, const char *, struct ally_error *);
/*
 * In the open transaction: every text of the network older than its
 * kind's period (months[kind] before today) cleared; the levels, counts,
 * dates and rows stay.  *out: one record per kind, NULL-terminated.
 */
int	 expiry_run(sqlite3 *, const struct network *, day_t, const int *,
	    struct record ***, struct ally_error *);

#endif /* ALLY_EXPIRY_H */
