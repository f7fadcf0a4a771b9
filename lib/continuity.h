/*
 * continuity.h: what keeps a network going when the year does not go as
 * planned (continuity.c): planned meetings whose day passed without
 * minutes, and the check meet-plan --check runs from cron.  Included by
 * ally.h.
 */
#ifndef ALLY_CONTINUITY_H
#define ALLY_CONTINUITY_H

#include "core.h"
#include "meeting.h"

/* The network's planned meetings whose day is before today, by date. */
int	 continuity_passed(sqlite3 *, const struct network *, day_t,
	    struct meeting **, size_t *, struct ally_error *);

/*
 * The continuity check of a network, as of today: one line in words per
 * thing to see to (a planned meeting passed without minutes, a vacant
 * police or municipality seat, a planned chair who paused or left, open
 * actions of a member who left, the half-yearly review due), each given
 * to fn; *count says how many.
 */
int	 continuity_check(sqlite3 *, const struct network *, day_t,
	    int (*)(const char *, void *, struct ally_error *), void *,
	    int *, struct ally_error *);

struct action_edit;
/*
 * action-track --hand-over: every open action of the member of the
 * first alias to the member of the second, through action_edit_record
 * (which refuses a successor who left), each reported as an edit.
 */
int	 action_hand_over(struct action_edit *, const char *, const char *,
	    struct ally_error *);

#endif /* ALLY_CONTINUITY_H */
