/*
 * remind.h: the reminder of open actions (remind.c), what action-track
 * --remind prints or mails: the actions overdue or due within so many
 * days, party by party and owner by owner, as one document.  With it the
 * due-date windows of the listing and the words for a party that people
 * read.  Included by ally.h.
 */
#ifndef ALLY_REMIND_H
#define ALLY_REMIND_H

#include "core.h"
#include "action.h"

/* Narrow the filter's due dates by another inclusive bound. */
void	 action_filter_due_min(struct action_filter *, day_t);
void	 action_filter_due_max(struct action_filter *, day_t);
/*
 * Open actions overdue on today (overdue), or due from today to today +
 * within (within >= 0); both given, both: what the reminder shows.
 */
void	 action_filter_window(struct action_filter *, day_t, int, long);

/* A party as people read it, translated; another word stays itself. */
const char *action_party_words(const char *);

struct reminder {
	struct document	*doc;
	size_t		 n, late;	/* the actions (0: nothing to say),
					   of those overdue */
	char		 subject[256];	/* the title without its full stop */
};

/*
 * The reminder on today of the open actions due by today + within: its
 * title the first line, a heading per party, under it a table of the
 * actions by owner alias, then due date.  reminder_free afterwards, also
 * after an error.
 */
int	 reminder_build(struct reminder *, sqlite3 *, const struct network *,
	    day_t, long, struct ally_error *);
void	 reminder_free(struct reminder *);

#endif /* ALLY_REMIND_H */
