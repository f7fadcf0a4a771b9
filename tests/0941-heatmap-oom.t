#!/bin/sh
# The heat map with memory running out at each calloc of libally in turn:
# a clean "out of memory" (EX_OSERR) or the map, never a crash.  Before the heat map
# moved into lib/heatmap.c, a failure to allocate its column labels freed
# through a null pointer.
. "$(dirname "$0")/lib.sh"
F="$FIX/report-sentiment"
export ALLY_TODAY=2028-12-31
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" <"$F/meetings.sql"
report-sentiment -r -q "$F/middelburg.csv"

cat >"$T/oom.c" <<'CEOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include "ally.h"

void	*__real_calloc(size_t, size_t);
static long armed, calls;

/* libally's callocs (linked with --wrap=calloc): the armed'th fails. */
void *
__wrap_calloc(size_t n, size_t size)
{
	if (armed > 0 && ++calls == armed)
		return NULL;
	return __real_calloc(n, size);
}

static void
warn(const char *fmt, ...)
{
	(void)fmt;
}

int
main(void)
{
	struct ally_error err = { 0, "" };
	struct thermometer t;
	struct ally_opts o;
	FILE *null;
	int rc, n = 0;

	memset(&t, 0, sizeof(t));
	ally_opts_init(&o);
	signal_rules_default(&t.rules);
	t.by = SIGNAL_BY_QUARTER;
	if (date_today(&t.until, &err) != 0 ||
	    thermometer_load(&t, &o, NULL, 0, warn, &err) != 0 ||
	    (null = fopen("/dev/null", "w")) == NULL)
		return 2;
	t.since = t.until - 3000;
	for (armed = 1; ; armed++) {
		calls = 0;
		err.code = 0;
		rc = thermometer_heatmap(null, &t, &err);
		if (calls < armed)
			break;
		/* signal_cells counts no networks without its calloc. */
		if (rc != 0 && (rc != -1 || err.code != EX_OSERR)) {
			printf("calloc %ld failed: rc %d, code %d\n", armed,
			    rc, err.code);
			return 1;
		}
		n += rc != 0;
	}
	armed = 0;
	printf("%d %d\n", n, rc);
	thermometer_free(&t);
	return 0;
}
CEOF
if cc_libally "$T/oom" "$T/oom.c" -Wl,--wrap=calloc; then
	run "$T/oom"
	like "$rc:$out" "^0:[1-9][0-9]* 0$" \
	    "every calloc that fails: out of memory, then the map is drawn"
else
	ok 1 "the test program builds"
	sed 's/^/#   /' "$T/cc.err"
fi
done_testing
