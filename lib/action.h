/*
 * action.h: the actions agreed in meetings or between them (action.c).
 */
#ifndef ALLY_ACTION_H
#define ALLY_ACTION_H

#include "core.h"

/* ---- action.c: agreed actions (implemented with action-track) -------- */

/*
 * Apply one action record (RECORDS.md action) in the open transaction:
 * a new action when it has no id, else an update matched by id.  A
 * non-zero meeting id says where it was agreed (it wins over the record's
 * own "meeting" field).  *changed is "added", "updated" or "unchanged".
 */
int	 action_apply(sqlite3 *, const struct network *,
	    const struct record *, long long, day_t, const char **,
	    long long *, struct ally_error *);
/*
 * Replaced minutes (minutes.c) keep the actions of the meeting that the
 * n action records list by id (action-track may have closed them since)
 * and drop the others, in the open transaction.
 */
int	 action_drop_unlisted(sqlite3 *, long long, struct record **,
	    size_t, struct ally_error *);

/* What action_query selects; zero or NULL members select everything. */
struct action_filter {
	long long	 id;
	const char	*status;
	const char	*party;
	long long	 owner_id;
	long long	 meeting_id;
	int		 has_min, has_max;
	day_t		 due_min, due_max;	/* inclusive */
	int		 open_only;
};

/* Prepare the SELECT of a network's actions, ordered by due date, id. */
int	 action_query(sqlite3 *, const struct network *,
	    const struct action_filter *, sqlite3_stmt **,
	    struct ally_error *);
/* The SELECT of action_query, made from action_def; NULL and err. */
const char *action_select_sql(struct ally_error *);
/* The current row of action_query as a record (owner as alias). */
struct record *action_record(sqlite3_stmt *);

/* Reciprocity: one party's actions agreed in a period. */
struct action_tally {
	long	taken;		/* agreed in the period */
	long	done;		/* of those, done by the "as of" date */
	long	on_time;	/* done on or before the due date */
	long	overdue;	/* still open then, past the due date */
	long	open;		/* still open then, overdue or not */
	long	dropped;
};

/*
 * Count the actions agreed from since to until (the meeting's date, or
 * the day an action was added between meetings), by party in the order
 * of action_parties, as they stood on the "as of" date.
 */
int	 action_reciprocity(sqlite3 *, const struct network *, day_t, day_t,
	    day_t, struct action_tally[4], struct ally_error *);

/* Retention: the notes of actions closed of the network before a date cleared. */
int	 action_expire(sqlite3 *, long long, const char *, long *,
	    struct ally_error *);

#endif /* ALLY_ACTION_H */
