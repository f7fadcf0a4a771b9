/*
 * expiry.c: retention for every text.  The summaries of signals, the
 * notes of minutes, of closed actions and of the contact log, the
 * summaries of closed call rounds and what the audit log says are kept
 * for a period each (expiry_default_months, ally-review -o kind=months)
 * and then cleared by their tables' owners.  The rows stay: a signal's
 * level, theme, date and source, an action's status, a call's outcome,
 * an audit entry's time, command and count, so that the thermometer's
 * history stays whole.  secure_delete (db_open) zeroes the old values
 * in the file; ally-review -X then truncates the write-ahead log.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "expiry.h"
#include "action.h"
#include "callround.h"
#include "contactlog.h"
#include "dbquery.h"
#include "meeting.h"
#include "tension.h"

const char *const expiry_kinds[] = { "summaries", "minutes", "actions",
    "rounds", "contacts", "audit", NULL };
const int expiry_default_months[EXPIRY_NKINDS] = { 24, 24, 24, 12, 12,
    60 };
const char *const expiry_fields[] = { "network", "kind", "months",
    "before", "cleared", NULL };

int
expiry_set(int *months, const char *arg, struct ally_error *err)
{
	const char *eq = strchr(arg, '=');
	char *end;
	long v;
	size_t i;

	for (i = 0; eq != NULL && expiry_kinds[i] != NULL; i++) {
		if (strlen(expiry_kinds[i]) != (size_t)(eq - arg) ||
		    strncmp(expiry_kinds[i], arg, (size_t)(eq - arg)) != 0)
			continue;
		v = strtol(eq + 1, &end, 10);
		if (eq[1] == '\0' || *end != '\0' || v < 1 || v > 1200)
			return ally_errorf(err, EX_USAGE, "--keep %s: '%s' is "
			    "not a number of months from 1 to 1200",
			    expiry_kinds[i], eq + 1);
		months[i] = (int)v;
		return 0;
	}
	return ally_errorf(err, EX_USAGE, "--keep %s: expected KIND=MONTHS, "
	    "KIND one of summaries, minutes, actions, rounds, contacts, "
	    "audit", arg);
}

/* One kind's texts before the day cleared by the table's owner. */
static int
expire_one(sqlite3 *db, const struct network *net, int kind,
    const char *before, long *n, struct ally_error *err)
{
	switch (kind) {
	case EXPIRY_SUMMARIES:
		return signal_expire(db, net->id, before, n, err);
	case EXPIRY_MINUTES:
		return meeting_expire(db, net->id, before, n, err);
	case EXPIRY_ACTIONS:
		return action_expire(db, net->id, before, n, err);
	case EXPIRY_ROUNDS:
		return round_expire(db, net->id, before, n, err);
	case EXPIRY_CONTACTS:
		return contact_expire(db, net->id, before, n, err);
	default:
		return db_audit_expire(db, net->name, before, n, err);
	}
}

int
expiry_run(sqlite3 *db, const struct network *net, day_t today,
    const int *months, struct record ***out, struct ally_error *err)
{
	struct record **v;
	char before[11];
	long n;
	int k;

	if ((v = calloc(EXPIRY_NKINDS + 1, sizeof(*v))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	*out = v;
	for (k = 0; k < EXPIRY_NKINDS; k++) {
		date_format(date_add_months(today, -months[k]), before);
		if (expire_one(db, net, k, before, &n, err) != 0)
			break;
		if ((v[k] = record_new()) == NULL ||
		    record_set(v[k], "network", net->name) != 0 ||
		    record_set(v[k], "kind", expiry_kinds[k]) != 0 ||
		    record_set_int(v[k], "months", months[k]) != 0 ||
		    record_set(v[k], "before", before) != 0 ||
		    record_set_int(v[k], "cleared", n) != 0) {
			ally_errorf(err, EX_OSERR, "out of memory");
			break;
		}
	}
	if (k == EXPIRY_NKINDS)
		return 0;
	for (k = 0; k <= EXPIRY_NKINDS; k++)
		record_free(v[k]);
	free(v);
	*out = NULL;
	return -1;
}
