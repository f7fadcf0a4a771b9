/*
 * review.h: the half-yearly review of the table (review.c).
 */
#ifndef ALLY_REVIEW_H
#define ALLY_REVIEW_H

#include "core.h"

/* ---- review.c: the half-yearly review of the table (ally-review) ------ */

/* Fields of the summary, of a cell (review_fields is fields.h's). */
extern const char *const review_summary_fields[];
extern const char *const review_representation_fields[];

/* Every threshold of the review; -o NAME=VALUE sets one. */
struct review_limits {
	int	attendance;	/* percent; below it: low-attendance */
	int	absent_in_row;	/* meetings missed in a row: absent-N-in-row */
	int	candidate_months; /* longer a candidate: candidate-too-long */
	int	paused_months;	/* longer paused: paused-too-long */
	int	min_size, max_size;	/* allies at the table */
	int	min_meetings, max_meetings;	/* held in twelve months */
	int	review_months;	/* from one review to the next */
	int	cell;		/* counts below it are shown as "<cell" */
	int	vetting_months;	/* the integrity check's re-check interval */
	double	gap;		/* seats short of a target share */
};

void	 review_limits_init(struct review_limits *);
int	 review_limit_set(struct review_limits *, const char *,
	    struct ally_error *);	/* "name=value" */
int	 review_limits_check(const struct review_limits *,
	    struct ally_error *);

/*
 * One review record per member not left (RECORDS.md review), over the
 * meetings held from since to until; fn borrows each record.
 */
int	 review_members(sqlite3 *, const struct network *, day_t, day_t,
	    const struct review_limits *,
	    int (*)(struct record *, void *, struct ally_error *), void *,
	    struct ally_error *);
/* The network summary as one record, as of the until date. */
int	 review_summary(sqlite3 *, const struct network *, day_t, day_t,
	    const struct review_limits *, struct record **,
	    struct ally_error *);

struct review_due {
	int	reviewed;	/* a review was ever recorded */
	day_t	last;		/* its latest date, when reviewed */
	day_t	next;		/* when the next one is due */
	int	due;		/* next <= the given day */
};

int	 review_due(sqlite3 *, const struct network *, day_t,
	    const struct review_limits *, struct review_due *,
	    struct ally_error *);

/* A target profile: (dimension, group, share) records, checked. */
struct review_target;
struct review_target *review_target_new(void);
void	 review_target_free(struct review_target *);
/* A records_each callback: arg is the struct review_target. */
int	 review_target_add(struct record *, void *, struct ally_error *);
/*
 * A warning on dimension dim (an index of review_dimensions) of the
 * profile into buf: its shares all at most 1 (fractions, not percent),
 * or their sum below 100 - REVIEW_TARGET_SLACK.  1 when there is one.
 */
#define REVIEW_TARGET_SLACK	5.0
int	 review_target_warning(const struct review_target *, int, char *,
	    size_t);
/*
 * Counts per dimension of the allies at the table, small cells
 * suppressed; with a target profile (or NULL) the groups short of it.
 */
int	 review_representation(sqlite3 *, const struct network *,
	    const struct review_limits *, const struct review_target *,
	    int (*)(struct record *, void *, struct ally_error *), void *,
	    struct ally_error *);
/*
 * Store the decision of one review record in the open transaction
 * (reviewed: the record's date, else the given default); phase-out
 * pauses an active member and lets a candidate leave; talk opens one
 * follow-up action, owned by the coordinator (an alias, or NULL: a
 * joint action without owner), due REVIEW_TALK_DAYS after the review.
 * *result tells alias, decision, reviewed, status and change.
 */
#define REVIEW_TALK_DAYS	28
int	 review_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, day_t, const char *,
	    struct record **, struct ally_error *);
/*
 * Erasure (privacy.c): clear what the member's reviews say about the
 * person (the identifying fields of the review table, the note), in the
 * open transaction.
 */
int	 review_erase(sqlite3 *, long long, struct ally_error *);
/*
 * The network's review notes written again: sealed with its new key
 * (crypto_new_key: ally-add -k); *n the notes.
 */
int	 review_reseal(sqlite3 *, long long, long *, struct ally_error *);

#endif /* ALLY_REVIEW_H */
