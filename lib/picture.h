/*
 * picture.h: the picture for the crisis organisation, the sfeerbeeld
 * (picture.c).  For one network or several, now: per theme the level,
 * trend and basis of the thermometer's reading, how many allies
 * reported and when, and the summary -- never an alias, a name or a
 * source.  Included by ally.h.
 */
#ifndef ALLY_PICTURE_H
#define ALLY_PICTURE_H

#include <stdio.h>

#include "core.h"
#include "opt.h"
#include "tension.h"
#include "thermometer.h"

#define PICTURE_NO_SUMMARIES	0x01	/* leave the summaries out */

/* One theme of one network in the picture. */
struct picture_line {
	const struct signal_reading *r;	/* the thermometer's reading */
	int		 allies;	/* members who reported it */
	int		 withheld;	/* its summary names someone */
};

/*
 * The reach of a network's open call round, or of its latest: counts
 * only (the round's reason and summary stay in the network).
 */
struct picture_reach {
	int		 known;		/* 0: the network has no round */
	int		 open;
	char		 opened[17];	/* YYYY-MM-DD HH:MM */
	long long	 calls, reached, to_reach;
};

struct picture {
	const struct thermometer *t;
	struct picture_line	*v;	/* by network, hottest first */
	size_t			 n;
	int			 flags;
	long			 withheld;
	struct picture_reach	*reach;	/* one per network of t->set */
};

/*
 * The picture of t's loaded readings (t->rollup: every network of the
 * files, else o's network), each summary checked against the members'
 * names and aliases of its database once more: one that holds either is
 * withheld, and said through warn; and each network's call round reach.
 */
int	 picture_build(struct picture *, const struct thermometer *,
	    const struct ally_opts *, const char *const *, int, int,
	    void (*)(const char *, ...), struct ally_error *);
void	 picture_free(struct picture *);
/* Each line as a record to fn, which borrows it; *n counts them. */
int	 picture_records(const struct picture *, int (*)(struct record *,
	    void *, struct ally_error *), void *, long *, struct ally_error *);
/* The picture for people; NULL on error. */
struct document *picture_doc(const struct picture *, struct ally_error *);
/*
 * The picture to fp in o->format: records (yaml, csv), the document
 * (text, roff) or a whole mail message to o->to (mail).
 */
int	 picture_write(FILE *, const struct picture *,
	    const struct ally_opts *, struct ally_error *);
/* picture_build, picture_write and picture_free: report-sentiment -p. */
int	 picture_print(FILE *, const struct thermometer *,
	    const struct ally_opts *, const char *const *, int, int,
	    void (*)(const char *, ...), struct ally_error *);

#endif /* ALLY_PICTURE_H */
