#!/bin/sh
# A damaged database (the schema version right, a table gone): every
# command says which table is missing, exits 65 (bad data: the file is
# damaged) and neither crashes nor writes anything.
. "$(dirname "$0")/lib.sh"
export ALLY_TODAY=2027-06-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$FIX/meet-plan/venues.yaml"
ALLY_TODAY=2027-01-15 meet-plan -q -y 2027
sqlite3 "$ALLY_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$ALLY_DB" "$T/base.db"

while IFS='|' read -r table cmd; do
	rm -f "$ALLY_DB" "$ALLY_DB-wal" "$ALLY_DB-shm"
	cp "$T/base.db" "$ALLY_DB"
	sqlite3 "$ALLY_DB" "ALTER TABLE $table RENAME TO ${table}_gone"
	before=$(dbdump)
	# shellcheck disable=SC2086
	run $cmd
	is "$rc" 65 "$table gone: $cmd: exit 65"
	is "$errout" "${cmd%% *}: $ALLY_DB: damaged database: table $table is missing" \
	    "  names the table"
	is "$(dbdump)" "$before" "  nothing written"
done <<'CASES'
person|ally-add -l
person|ally-add -K
person|ally-add -R 1
person|ally-add -W
person|meet-plan -l
person|meet-plan -i 30
person|action-track
person|action-track --remind
person|ally-review
person|ally-review -S
person|ally-review -r
person|ally-review -D
person|report-sentiment -l
person|report-sentiment
person|report-sentiment -a
person|meet-minutes -a
venue|meet-plan -l
venue|meet-plan -V -l
venue|meet-plan -i 30
meeting|meet-plan -l
meeting|meet-plan -i 30
meeting|action-track --reciprocity
meeting|ally-review
meeting|ally-review -S
meeting|report-sentiment -l
meeting|report-sentiment
meeting|report-sentiment -a
meeting|meet-minutes -l
meeting|meet-minutes -a
attendance|ally-review
attendance|meet-minutes -l
attendance|meet-minutes -a
signal|report-sentiment -l
signal|report-sentiment
signal|report-sentiment -a
action|action-track
action|action-track --remind
action|action-track --reciprocity
action|meet-minutes -a
review|ally-review
review|ally-review -S
review|ally-review -D
review|meet-minutes -a
audit|ally-add -K
audit|ally-add -A
CASES
done_testing
