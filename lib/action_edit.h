/*
 * action_edit.h: the edits of action-track in a write session
 * (action_edit.c): action records read back (-u) or added between
 * meetings (-a), and actions closed or reopened by id.  Each edit is
 * reported as a result record of action_edit_fields: the id, the input
 * line, the change ("added", "updated", "unchanged") and the names of
 * the fields it changed.  Included by ally.h.
 */
#ifndef ALLY_ACTION_EDIT_H
#define ALLY_ACTION_EDIT_H

#include "core.h"
#include "session.h"

struct action_edit {
	struct ally_session	 s;	/* opened by the caller */
	int			 adding;	/* -a: a record has no id */
	struct action_seen	*seen;	/* the ids edited so far, and where */
	size_t			 nseen, capseen;
	long			 changes;	/* for the audit */
};

extern const char *const action_edit_fields[];

/* One record of -u or -a (arg: the struct action_edit): session_apply's. */
int	 action_edit_record(struct record *, void *, struct ally_error *);
/*
 * Give the action whose id is the text id the status "done", "dropped"
 * or "open"; a closing date (or NULL: today, or the first one for an
 * action closed already) except for "open".  opt names the option in
 * diagnostics.
 */
int	 action_edit_status(struct action_edit *, const char *, const char *,
	    const char *, const char *, struct ally_error *);
/* session_close and free what the edits remembered. */
void	 action_edit_close(struct action_edit *);

#endif /* ALLY_ACTION_EDIT_H */
