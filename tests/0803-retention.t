#!/bin/sh
# ally-add --retention [months]: for cron, erase the identities of the
# members who left longer ago than the retention period (24 months unless
# told); exit 0 when it erased someone, 1 when there was nothing to do.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/0803-retention.d"

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
printf -- '- alias: A02\n  status: left\n- alias: P02\n  status: left\n' |
    ALLY_TODAY=2027-01-15 ally-add -q
printf -- '- alias: A06\n  status: left\n' | ALLY_TODAY=2027-03-31 ally-add -q

run ally-add --retention
is "$rc" 1 "nobody due: exit 1"
is "$out$errout" "" "nobody due: silent"

# Left 2027-01-15: due once left + 24 months (2029-01-15) is past.
dbdump >"$T/before"
run env ALLY_TODAY=2029-01-15 ally-add -R
is "$rc" 1 "on the day the period ends: not yet"
run env ALLY_TODAY=2029-01-16 ally-add -R -N -f text
is "$rc" 0 "dry run: exit 0 when some are due"
like "$out" "^2 +A02 +ally" "dry run: names the alias"
dbdump >"$T/after"
diff_ok "$T/after" "$T/before" "dry run: nothing written"

run env ALLY_TODAY=2029-01-16 ally-add --retention -f text
is "$rc" 0 "a day later: exit 0"
printf '%s\n' "$out" >"$T/due.out"
diff_ok "$T/due.out" "$D/due.out" "a day later: A02 and P02 erased, aliases only"
unlike "$out" "Verhage|Oosten|06-|\+31" "no identity in the report"
is "$(sqlite3 "$ALLY_DB" "SELECT alias FROM person WHERE name IS NULL ORDER BY alias" | tr '\n' ' ')" \
    "A02 P02 " "only A02 and P02 lost their identity"
is "$(ally-add -A -f csv | tr -d '\r' | grep -c ',ally-add --retention,Middelburg,erased \([AP]02\),1,erasure,\1$')" 2 \
    "each erasure audited"
run env ALLY_TODAY=2029-01-16 ally-add -R
is "$rc:$out" "1:" "run again: nothing left to do"

# A shorter period: A06 left 2027-03-31; 12 months end 2028-03-31.
run env ALLY_TODAY=2028-03-31 ally-add -R 12 -f csv
is "$rc" 1 "12 months: not on the last day"
run env ALLY_TODAY=2028-04-01 ally-add -R 12 -f csv
is "$rc" 0 "12 months: the day after"
like "$out" "^6,A06,ally,left,2027-03-31,2028-04-01,erased,12" \
    "12 months: A06, with the period applied"
run env ALLY_TODAY=2028-04-01 ally-add -R 0
is "$rc" 1 "active members are never due"

for bad in abc -1x 1201 ''; do
	run ally-add -R -- "$bad"
	is "$rc" 64 "months '$bad': usage error"
done
like "$errout" "is not a number of months" "months: diagnostic"
run ally-add -R 12 24
is "$rc" 64 "two operands: usage error"
done_testing
