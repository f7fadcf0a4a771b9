/*
 * minutes.h: the minutes of meetings and the agenda of the next
 * (minutes.c).
 */
#ifndef ALLY_MINUTES_H
#define ALLY_MINUTES_H

#include "core.h"

/* ---- minutes.c: minutes of meetings, the agenda of the next ---------- */

#define MINUTES_REPLACE		0x01	/* minutes recorded before are replaced */
#define MINUTES_ALLOW_NAMES	0x02	/* members' names in text pass, noted */
#define MINUTES_LOAD_OVERRIDE	0x04	/* minutes_load: add name_override */
#define MINUTES_LOAD_HEAD	0x08	/* minutes_load: no themes, no actions */
#define MINUTES_LOAD_THEME_IDS	0x10	/* minutes_load: the themes' ids */

enum minutes_view {
	MINUTES_VIEW_MEETINGS,
	MINUTES_VIEW_ATTENDANCE,
	MINUTES_VIEW_THEMES,
	MINUTES_VIEW_ACTIONS
};

/* The view names. */
extern const char *const minutes_views[];	/* in enum minutes_view order */
const char *const *minutes_view_columns(enum minutes_view);
int	 minutes_view_load(enum minutes_view);	/* MINUTES_LOAD_* flags */
/* "calm", "attention", "concern", "tension", "unrest" for 0..4. */
const char *minutes_tension_name(int);

struct minutes;

/*
 * Recording, in the caller's open transaction: minutes_open loads the
 * network's members, minutes_apply checks one minutes record and stores
 * it (meeting held, attendance, themes as signals, actions), giving a
 * summary record (meeting date change present excused absent themes
 * actions line).  Any error leaves the transaction to be rolled back.
 */
struct minutes	*minutes_open(sqlite3 *, const struct network *, int, day_t,
		    struct ally_error *);
int		 minutes_apply(struct minutes *, const struct record *,
		    struct record **, struct ally_error *);
/* How many member names were let through by MINUTES_ALLOW_NAMES. */
long		 minutes_names_let_through(const struct minutes *);
void		 minutes_close(struct minutes *);

/*
 * Held meetings with minutes, by date: all (NULL), or one by id, by date
 * (YYYY-MM-DD) or "last".  *ids is malloc'd.
 */
int		 minutes_select(sqlite3 *, const struct network *,
		    const char *, long long **, size_t *, struct ally_error *);
/* The stored minutes of a meeting as a minutes record. */
struct record	*minutes_load(sqlite3 *, const struct network *, long long,
		    int, struct ally_error *);
/* Append the flat records of a view of one minutes record to *out. */
int		 minutes_flatten(const struct record *, enum minutes_view,
		    struct record ***, size_t *, struct ally_error *);
/*
 * The agenda of the next planned meeting as one record: network today
 * meeting date time location host chair meal last_meeting last_date
 * themes (rising or at 3-4 last time) actions (open: id title party
 * owner due meeting agreed age overdue) last_review review_due.
 */
struct record	*minutes_agenda(sqlite3 *, const struct network *, day_t,
		    struct ally_error *);

#endif /* ALLY_MINUTES_H */
