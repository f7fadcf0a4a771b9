/*
 * review_sheet.h: the review sheet as a document (review_sheet.c), for
 * ally-review -f text and -f roff.  Included from ally.h, after doc.h.
 */
#ifndef ALLY_REVIEW_SHEET_H
#define ALLY_REVIEW_SHEET_H

#include "core.h"
#include "doc.h"

/* The parts of the sheet; all three make the whole review. */
#define REVIEW_SHEET_MEMBERS		0x01
#define REVIEW_SHEET_SUMMARY		0x02
#define REVIEW_SHEET_REPRESENTATION	0x04

struct review_sheet {
	sqlite3				*db;
	const struct network		*net;
	day_t				 since, until;	/* the window */
	const struct review_limits	*lim;
	const struct review_target	*target;	/* or NULL */
	int				 parts;
};

/*
 * The sheet's parts, read in one go from the review records: the members
 * with the decision left blank to be written in, the network's summary,
 * its representation of the community.  The caller doc_done's *out.
 */
int	 review_sheet(const struct review_sheet *, struct document **,
	    struct ally_error *);

/*
 * The sheet fed back (ally-review -u): the decisions of one run, made on
 * first use.  Two decisions for one member on one date are refused (65,
 * at the second, naming the first's line): which one was meant?  in is
 * the record read, result review_apply's.
 */
struct review_decided;
int	 review_decided_add(struct review_decided **, const struct record *,
	    const struct record *, struct ally_error *);
void	 review_decided_free(struct review_decided *);

#endif /* ALLY_REVIEW_SHEET_H */
