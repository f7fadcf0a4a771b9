/*
 * topic.h: the topics members propose for the agenda (topic.c).
 */
#ifndef ALLY_TOPIC_H
#define ALLY_TOPIC_H

#include "core.h"

/* ---- topic.c: topics for the next meeting or for later --------------- */

/*
 * Add a topic record, or change the one its id names (the one writer of
 * the table topic), in the caller's transaction: proposed_by (a member
 * who has not left), topic (one line through the member-name check),
 * for (a planned meeting's id, or later; absent, the next planned
 * meeting, else later), status.  *changed "added", "updated" or
 * "unchanged", *id the topic's.
 */
int	 topic_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, const char **, long long *,
	    struct ally_error *);
/* The network's topics by id: a statement for topic_record. */
int	 topic_query(sqlite3 *, const struct network *, sqlite3_stmt **,
	    struct ally_error *);
struct record *topic_record(sqlite3_stmt *);
/*
 * Minutes: the ids of a field of r (a list) are topics of the network
 * that may be marked discussed (proposed, or discussed at this meeting);
 * then mark them, for the meeting.
 */
int	 topic_check_discussed(sqlite3 *, const struct network *,
	    const struct record *, const char *, long long,
	    struct ally_error *);
int	 topic_mark_discussed(sqlite3 *, const struct network *,
	    const struct record *, const char *, long long,
	    struct ally_error *);
/*
 * The agenda of meeting (0: none planned): the topics still proposed for
 * it, for a meeting held before it (carried over) and, with later, those
 * for later, as "topics" records id topic proposed_by for carried; the
 * number for later in "topics_later".  Nothing added when there is none.
 */
int	 topic_agenda(sqlite3 *, const struct network *, long long,
	    struct record *, struct ally_error *);

#endif /* ALLY_TOPIC_H */
