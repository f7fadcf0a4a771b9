#!/bin/sh
# Every command warns when the database is open to others, and carries on;
# with the file 0600 none warns.
. "$(dirname "$0")/lib.sh"
newdb
ally-add -q "$EXAMPLES/members.yaml"
for cmd in "ally-add -l" "meet-plan -l" "meet-minutes -l" "action-track" \
    "ally-review" "report-sentiment -l"; do
	chmod 644 "$ALLY_DB"
	run $cmd
	like "$errout" "warning: $ALLY_DB: open to" "$cmd warns about mode 0644"
	ok "$([ "$rc" -lt 64 ]; echo $?)" "$cmd carries on (exit $rc)"
	chmod 600 "$ALLY_DB"*	# the -wal and -shm follow the mode of their time
	run $cmd
	unlike "$errout" "warning" "$cmd is silent about a 0600 file"
done
chmod 640 "$ALLY_DB"
run report-sentiment -g "$ALLY_DB"
like "$errout" "warning: $ALLY_DB: open to" "report-sentiment -g warns for its operands"
done_testing
