/*
 * reciprocity.h: what action-track --reciprocity counts (reciprocity.c):
 * per party, the actions agreed in a period and what became of them, as
 * records (one per party) or as a table for people with the total.
 * Included by ally.h.
 */
#ifndef ALLY_RECIPROCITY_H
#define ALLY_RECIPROCITY_H

#include "core.h"
#include "action.h"

struct reciprocity {
	const char		*network;
	day_t			 since, until, asof;
	struct action_tally	 t[4];	/* in the order of action_parties */
};

/* The fields of a reciprocity record. */
extern const char *const reciprocity_fields[];

/*
 * Count the actions agreed from since to until as they stood at its
 * end, or on today when the period has not ended yet.
 */
int	 reciprocity_count(struct reciprocity *, sqlite3 *,
	    const struct network *, day_t, day_t, day_t, struct ally_error *);
/*
 * A record per party, or with FMT_TEXT a document for people: a row per
 * party, then the total.
 */
int	 reciprocity_write(FILE *, enum format, const struct reciprocity *,
	    struct ally_error *);

#endif /* ALLY_RECIPROCITY_H */
