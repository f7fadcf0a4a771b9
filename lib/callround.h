/*
 * callround.h: call rounds (callround.c).  In unrest the coordinator
 * calls the allies and the staff at once to take the temperature: a
 * round is opened with the members to call, each call's outcome comes
 * back from the call sheet, and what was heard is stored as a signal
 * from the ally's alias, with its time.  Included by ally.h.
 */
#ifndef ALLY_CALLROUND_H
#define ALLY_CALLROUND_H

#include "core.h"
#include "member.h"

/* ---- callround.c: the round and call tables ------------------------- */

/* The moment of a run: the day and the minute of the day (date_now). */
struct callround_now {
	day_t	day;
	int	minute;
};

/* The counts added to a round record, in this order. */
extern const char *const callround_count_fields[];
/* A round record as printed: round_fields, then the counts. */
extern const char *const callround_fields[];
/* The result of a call fed back. */
extern const char *const callround_outcome_fields[];

/*
 * One round record (RECORDS.md round) in the open transaction.  Without
 * an id it opens a round (reason, themes, opened: now unless given) of
 * the members on the call list of sel, when no other round is open; with
 * an id it closes that open round (status: closed) with its summary,
 * name-checked.  *out: the round as stored, with its counts.
 */
int	 callround_apply(sqlite3 *, const struct network *,
	    const struct record *, const struct contact_select *,
	    const struct callround_now *, struct record **,
	    struct ally_error *);
/*
 * The round of that id, or with 0 the open round, else the latest one,
 * as a record with its counts; EX_DATAERR when there is none.
 */
int	 callround_get(sqlite3 *, const struct network *, long long,
	    struct record **, struct ally_error *);

#define CALLS_SHEET	0	/* every call, with name and phone */
#define CALLS_TO_REACH	1	/* not reached, declined or called back */

/*
 * The calls of a round in the order of the call list, as call records
 * (round alias name phone outcome at call_back; the sheet's columns).
 * CALLS_TO_REACH leaves out the identities: it is for cron.
 */
int	 callround_calls(sqlite3 *, long long, int, struct record ***,
	    size_t *, struct ally_error *);
/*
 * One line of a call sheet fed back, in the open transaction: the
 * outcome of a call of an open round and, with a theme, what was heard,
 * stored as a signal from the alias at the call's date and time (a time
 * before the round's opening time is on the next day).  *out is the
 * result (round alias outcome at call_back signal change), or NULL for a
 * line that records nothing (no outcome: still to call).
 */
int	 callround_outcome(sqlite3 *, const struct network *,
	    const struct record *, const struct callround_now *,
	    struct record **, struct ally_error *);

/* Retention: the summaries of call rounds closed of the network before a date cleared. */
int	 round_expire(sqlite3 *, long long, const char *, long *,
	    struct ally_error *);

#endif /* ALLY_CALLROUND_H */
