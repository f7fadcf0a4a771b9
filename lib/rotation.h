/*
 * rotation.h: the plan follows what happened (rotation.c): after
 * minutes, a move, a cancellation or an unplanned meeting, the planned
 * meetings ahead are rotated again.  Included by ally.h.
 */
#ifndef ALLY_ROTATION_H
#define ALLY_ROTATION_H

#include "core.h"
#include "meeting.h"

/* What rotation_follow is told, and tells. */
struct rotation {
	/* 1: leave this meeting as it is (one the user just edited). */
	int	(*keep)(long long, void *);
	/* A meeting rotated again, as stored, with change and fields. */
	int	(*changed)(const struct meeting *, void *, struct ally_error *);
	/* A repeat no other venue or chair could avoid, in words. */
	void	(*warn)(const char *, ...);
	void	*arg;
};

/*
 * In the open transaction, rotate again each planned meeting after today
 * (in date order) whose chair is no active ally, or chaired one of the
 * meetings before it within a round (as many meetings as there are
 * active allies, less one: a stand-in's turn counts as taken), or whose
 * venue is closed or the venue of the meeting before; the rest is kept.
 * UIDs stay, SEQUENCE rises (meeting_write).
 */
int	 rotation_follow(sqlite3 *, const struct network *, day_t,
	    const struct rotation *, struct ally_error *);

#endif /* ALLY_ROTATION_H */
