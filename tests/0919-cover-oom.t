#!/bin/sh
# SQLite out of memory at each of its allocations in every privacy
# operation: a clean error, and the database as it was or wholly changed
# (tests/unit/cover_oom.c).  The template is the demo network with A04
# left long enough ago for retention to erase.
. "$(dirname "$0")/lib.sh"
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
printf 'alias: A04\nstatus: left\nleft: 2026-11-01\n' | ally-add -q
ally-add -K -f csv >/dev/null	# an audit entry to read back
exec "$TOP/tests/unit/cover_oom" "$ALLY_DB" "$T"
