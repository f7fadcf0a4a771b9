/*
 * meeting.h: meetings, venues, blackouts and the plan of a year
 * (meeting.c), the Dutch public holidays it avoids (holiday.c) and the
 * meetings as iCalendar (ical.c).
 */
#ifndef ALLY_MEETING_H
#define ALLY_MEETING_H

#include "core.h"

/* ---- holiday.c: Dutch public holidays -------------------------------- */

day_t		 holiday_easter(int);	/* Easter Sunday of a year */
/* The Dutch name of the public holiday on a day, or NULL. */
const char	*holiday_nl(day_t);

/* ---- meeting.c: meetings, venues, rotation, blackouts ---------------- */

#define MEETING_MIN_PER_YEAR	4
#define MEETING_MAX_PER_YEAR	6
#define MEETING_DEFAULT_PER_YEAR 5
#define VENUE_NAME_MAX		200
#define VENUE_ADDRESS_MAX	300

struct meeting {
	long long	 id;
	char		 network[128];
	day_t		 date;
	char		 time[6];	/* HH:MM local time */
	int		 duration;	/* minutes, the network's */
	char		 location[VENUE_NAME_MAX + 1];
	char		 address[VENUE_ADDRESS_MAX + 1];	/* the venue's */
	char		 host[16];
	char		 chair[24];	/* alias, empty when none */
	int		 meal;
	char		 status[12];
	int		 sequence;
	char		 uid[64];
	char		 updated[24];	/* YYYY-MM-DDTHH:MM:SSZ */
	const char	*change;	/* added, exists, updated, unchanged */
	char		 fields[80];	/* what an update changed */
};

/* Periods in which no meeting is planned: school holidays, Ramadan ... */
struct blackout {
	day_t	 from, to;
	char	*reason;
};

struct blackouts {
	struct blackout	*v;
	size_t		 n, cap;
};

/* Check a blackout record (from, to, reason) and keep it. */
int	 blackout_add(struct blackouts *, const struct record *,
	    struct ally_error *);
/* The blackout covering a day, or NULL. */
const struct blackout *blackout_find(const struct blackouts *, day_t);
void	 blackouts_free(struct blackouts *);

/* "tue,thu" or "tue thu" -> a mask of weekdays (bit 0 Sunday). */
int	 weekdays_parse(const char *, int *);
void	 weekdays_format(int, char *, size_t);
/*
 * Store the network's preferred weekdays and start time (NULL: keep)
 * and meeting length (0: keep) in the open transaction; *changed is set
 * when a value differs.
 */
int	 network_set_schedule(sqlite3 *, struct network *, const char *,
	    const char *, int, int *, struct ally_error *);

/* Apply one venue record (added, or updated matched by id or name). */
int	 venue_apply(sqlite3 *, const struct network *,
	    const struct record *, const char **, long long *,
	    struct ally_error *);
/* The SELECT of venue_list, made from venue_def; NULL and err. */
const char *venue_select_sql(struct ally_error *);
/* Every venue of the network as records, in the order they were added. */
int	 venue_list(sqlite3 *, const struct network *, struct record ***,
	    size_t *, struct ally_error *);

struct plan {
	day_t			 from, to;	/* the period, inclusive */
	int			 count;		/* meetings in it (a year) */
	day_t			 today;		/* nothing planned before */
	int			 notice;	/* days after today, at least */
	const struct blackouts	*blackouts;
};

/*
 * Plan a series spread evenly over the period in the open transaction:
 * a slot of the period that already holds a meeting keeps it ("exists");
 * the others get a new planned meeting ("added") on the preferred
 * weekday nearest the slot's middle that is no holiday and in no
 * blackout, at the venue and with the chair whose turn it is.  *out
 * lists them by date; *past counts slots that ended before today.
 */
int	 meeting_plan(sqlite3 *, const struct network *, const struct plan *,
	    struct meeting **, size_t *, int *, struct ally_error *);
/*
 * Continuity: when the network's last held meeting has nothing planned
 * after it, plan the next one 365/count days after it.  *planned is 1
 * when *out holds a new meeting.
 */
int	 meeting_plan_next(sqlite3 *, const struct network *,
	    const struct plan *, struct meeting *, int *,
	    struct ally_error *);
/* The network's meeting of that id: 1 found, 0 not, -1 error. */
int	 meeting_get(sqlite3 *, const struct network *, long long,
	    struct meeting *, struct ally_error *);
/* The id of the network's next planned meeting from the day on; 0: none. */
int	 meeting_next_planned(sqlite3 *, const struct network *, day_t,
	    long long *, struct ally_error *);
/*
 * Rotate a stored meeting again in the open transaction: with chair, the
 * chair whose turn it is, with venue, the venue (both as a series chooses
 * them, around the meetings before and after); the rest kept.  out is
 * the meeting as stored (its SEQUENCE raised when something changed).
 */
int	 meeting_rotate(sqlite3 *, const struct network *,
	    const struct meeting *, int, int, struct meeting *,
	    struct ally_error *);
/*
 * Apply one meeting record, matched by id, in the open transaction:
 * date, time, location, host, chair, meal and status may change; a real
 * change raises the sequence.  out->change and out->fields say what.
 */
int	 meeting_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, struct meeting *,
	    struct ally_error *);
/* The network's meetings from .. to (inclusive), by date. */
int	 meeting_list(sqlite3 *, const struct network *, day_t, day_t,
	    struct meeting **, size_t *, struct ally_error *);
/*
 * The SELECT of a meeting by network and id: meeting_def's columns,
 * then duration, address, sequence, uid and updated; NULL and err.
 */
const char *meeting_select_sql(struct ally_error *);
/* A meeting as a RECORDS.md record (with change and fields when set). */
struct record *meeting_record(const struct meeting *);

/*
 * The one writer of the meeting table, for meet-plan's planning and
 * updates and meet-minutes' records.
 */
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

/* ---- ical.c: RFC 5545 calendars of meetings --------------------------- */

/*
 * Write the meetings as one iCalendar object to publish or import, the
 * cancelled ones with STATUS:CANCELLED: METHOD:PUBLISH with the
 * ORGANIZER organizer, an e-mail address, or with no METHOD when it is
 * NULL (PUBLISH needs an ORGANIZER).
 */
int	 ical_write(FILE *, const struct meeting *, size_t, const char *,
	    struct ally_error *);
/*
 * For a mail part (RFC 6047): one calendar of the planned and held
 * meetings or, with cancel, of the cancelled ones, with ORGANIZER and an
 * ATTENDEE per address (each an address or "Name <address>"); nothing
 * when there are no such meetings.  Its METHOD is ical_method's.
 */
/*
 * The METHOD of such a calendar: REQUEST, or CANCEL with cancel, when it
 * has an organizer and attendees; PUBLISH with an organizer only; NULL
 * (no METHOD) without one.
 */
const char *ical_method(int, const char *, size_t);
int	 ical_write_imip(FILE *, const struct meeting *, size_t, int,
	    const char *, const char *const *, size_t, struct ally_error *);

/* Retention: the minutes texts (a meeting's notes) of the network before a date cleared. */
int	 meeting_expire(sqlite3 *, long long, const char *, long *,
	    struct ally_error *);

#endif /* ALLY_MEETING_H */
