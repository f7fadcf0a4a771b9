/*
 * meeting_write.h: the one writer of the meeting table (meeting.c), for
 * meet-plan's planning and updates and meet-minutes' records.  Included
 * from ally.h.
 */
#ifndef ALLY_MEETING_WRITE_H
#define ALLY_MEETING_WRITE_H

/* A meeting's row as it is to be stored. */
struct meeting_values {
	long long	 id;		/* 0: a new meeting (then set) */
	long long	 network_id;	/* of a new meeting */
	const char	*date;		/* YYYY-MM-DD */
	const char	*time;		/* HH:MM */
	const char	*location;	/* a venue's name; NULL or "": none */
	const char	*host;		/* NULL or "": none */
	long long	 chair;		/* person id; 0: none */
	int		 meal;
	const char	*status;	/* planned, held, cancelled */
	int		 notes_too;	/* a stored meeting's notes, override too */
	const char	*notes;		/* NULL or "": none */
	const char	*name_override;	/* who let members' names pass */
};

/*
 * Insert the meeting, or update the stored one, in the open transaction.
 * A new meeting gets a UID and SEQUENCE 0; a stored one's SEQUENCE rises
 * by one when what a calendar shows changes (date, time, location, host,
 * chair, meal, cancelled or not); see meeting.c.
 */
int	 meeting_write(sqlite3 *, struct meeting_values *,
	    struct ally_error *);
/* The host of the network's venue of that name: 1 found, 0 not, -1. */
int	 meeting_venue_host(sqlite3 *, long long, const char *, char *,
	    size_t, struct ally_error *);

#endif /* ALLY_MEETING_WRITE_H */
