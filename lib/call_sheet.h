/*
 * call_sheet.h: the call round's modes of ally-add (call_sheet.c): the
 * rounds opened and closed, the call sheet printed, the outcomes fed
 * back, and who is still to be reached.  Included by ally.h.
 */
#ifndef ALLY_CALL_SHEET_H
#define ALLY_CALL_SHEET_H

#include "core.h"
#include "member.h"
#include "opt.h"

/*
 * -O: round records from the files (or standard input), in one
 * transaction: a record without an id opens a round of the members on
 * the call list of sel, one with an id closes it.  The rounds with
 * their counts are printed after the commit.
 */
int	 call_round_apply(const struct ally_opts *,
	    const struct contact_select *, char *const *, int,
	    void (*)(const char *, ...), struct ally_error *);
/*
 * -P: the call sheet of round id (0: the open one, else the latest),
 * audited and committed before it is printed: text or roff for print,
 * mail for a phone, csv or yaml to fill in and feed back.  The format
 * is the command's, resolved (ally-add makes text the default, so that
 * opt_main escapes it); so is -T's below.
 */
int	 call_sheet_write(const struct ally_opts *, long long,
	    void (*)(const char *, ...), struct ally_error *);
/* -o: call records from the files (or standard input), one transaction. */
int	 call_outcomes_apply(const struct ally_opts *, char *const *, int,
	    void (*)(const char *, ...), struct ally_error *);
/*
 * -T: who in round id (0: the open one, else the latest) is still to be
 * reached, by alias; nothing printed and *nobody set when nobody is
 * (all reached or declined, the round closed, or no round at all).
 */
int	 call_to_reach(const struct ally_opts *, long long, int *,
	    void (*)(const char *, ...), struct ally_error *);

#endif /* ALLY_CALL_SHEET_H */
