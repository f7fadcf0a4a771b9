/*
 * planning.h: what meet-plan does between its command line and the
 * meeting table (planning.c): the period to plan, the meetings and
 * venues a session applies, and the records it prints of them.
 * Included by ally.h.
 */
#ifndef ALLY_PLANNING_H
#define ALLY_PLANNING_H

#include "core.h"
#include "meeting.h"
#include "session.h"

#define PLAN_MAX_DAYS	1827	/* five years */
/* A new meeting's notice: the invitation a week ahead still goes out. */
#define PLAN_NOTICE_DAYS	21

/* The columns of what meet-plan prints when it writes. */
extern const char *const plan_columns[];	/* a planned meeting, change */
extern const char *const plan_update_columns[];	/* and the fields changed */
extern const char *const plan_schedule_columns[];	/* a network's */
extern const char *const plan_venue_columns[];	/* a venue, change */

/*
 * The period of a year ("2027"), or from start (YYYY-MM-DD) to end (a
 * year on when NULL), or all time when both are NULL, into p->from and
 * p->to; p->count is per_year scaled to its length.  EX_USAGE when the
 * words are no year or date, or the period runs backwards or beyond
 * PLAN_MAX_DAYS.
 */
int	 plan_period(struct plan *, const char *, const char *, const char *,
	    int, struct ally_error *);
/* Meetings a year as the method asks (EX_USAGE, saying why, if not). */
int	 plan_per_year_check(int, struct ally_error *);

/* The blackout records of the files (-b), kept; none: none. */
int	 blackouts_read(char *const *, int, enum format, struct blackouts *,
	    struct ally_error *);

/* The network's schedule as the options give it: NULL and 0 keep. */
struct plan_schedule {
	const char	*weekdays, *time;
	int		 duration;
};

/* Store the schedule in the session; *changed when a value differs. */
int	 plan_schedule_apply(struct ally_session *,
	    const struct plan_schedule *, int *, struct ally_error *);
/*
 * Plan the series of the period (today from the session) in the session:
 * the schedule first, then meeting_plan.  EX_USAGE when the period ends
 * before tomorrow.
 */
int	 plan_series_apply(struct ally_session *, struct plan *,
	    const struct plan_schedule *, struct meeting **, size_t *, int *,
	    struct ally_error *);
/*
 * After the commit, through the session's warn: how many meetings fell
 * before today (past), and the ones added without a venue.
 */
void	 plan_series_warn(const struct ally_session *, const struct plan *,
	    const struct meeting *, size_t, int);

/* Meetings a session applied or planned, in the order it did. */
struct meeting_batch {
	struct ally_session	*s;
	const struct plan	*p;	/* meeting_batch_next */
	struct meeting		*v;
	size_t			 n, cap;
	int			 warned;	/* --next: meetings passed */
};

/* For session_apply: one meeting record through meeting_apply. */
int	 meeting_batch_apply(struct record *, void *, struct ally_error *);
/*
 * For network_each: meeting_plan_next for one network; a planned meeting
 * passed without minutes is said through the session's warn.
 */
int	 meeting_batch_next(const struct network *, void *,
	    struct ally_error *);
/*
 * -u, --next: rotation_follow for the network, the batch's meetings left
 * as they are and the ones rotated again added to it.
 */
int	 meeting_batch_follow(struct meeting_batch *, const struct network *,
	    struct ally_error *);
/*
 * --next: meeting_batch_next for the network of that name, or when the
 * name is NULL or empty $ALLY_NETWORK's, else for every network.
 */
int	 meeting_batch_networks(struct meeting_batch *, const char *,
	    struct ally_error *);
/*
 * --check: continuity_check of the network of that name, or when the name
 * is NULL or empty $ALLY_NETWORK's, else of every network, one line each
 * to the file; *count says how many.
 */
int	 plan_check(struct ally_session *, const char *, FILE *, int *,
	    struct ally_error *);
/* The meetings as records through one writer of the format; none: none. */
int	 meetings_write(FILE *, enum format, const char *const *,
	    const struct meeting *, size_t, struct ally_error *);

/* Venues a session applied: the records as read, with id and change. */
struct venue_batch {
	struct ally_session	 *s;
	struct record		**out;
	size_t			  n, cap;
};

/* For session_apply: one venue record through venue_apply. */
int	 venue_batch_apply(struct record *, void *, struct ally_error *);
/*
 * Of every venue as stored (venue_list), keep the ones the batch changed,
 * each with its change; the others are freed.
 */
int	 venue_batch_report(const struct venue_batch *, struct record **,
	    size_t *, struct ally_error *);
void	 venue_batch_free(struct venue_batch *);

/* A network's schedule as a record (plan_schedule_columns), or NULL. */
struct record *plan_schedule_record(const struct network *, int);

#endif /* ALLY_PLANNING_H */
