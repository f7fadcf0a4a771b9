#!/bin/sh
# meet-minutes: every validation error of a minutes record, with its
# file:line: field: diagnostic and exit status 65, and nothing written:
# not by the bad record, and not by the good records before it.
. "$(dirname "$0")/lib.sh"
MM="$FIX/meet-minutes"

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
ALLY_TODAY=2026-12-15 ally-add --create -n Veere -q
printf 'alias: A20\nrole: ally\n' | ALLY_TODAY=2026-12-15 ally-add -n Veere -q
export ALLY_NETWORK=Middelburg
printf 'alias: A12\nstatus: left\nleft: 2027-01-10\n' |
    ALLY_TODAY=2027-01-10 ally-add -q
# A meeting of Veere, a cancelled one and two on one day, as meet-plan
# would have planned them.
sqlite3 "$ALLY_DB" <<'SQL'
INSERT INTO meeting (id, network_id, date, time, status, uid, created, updated)
VALUES (90, 2, '2027-10-12', '18:00', 'planned', 'v90@test', '2027-01-01', '2027-01-01'),
       (91, 1, '2027-10-13', '18:00', 'cancelled', 'm91@test', '2027-01-01', '2027-01-01'),
       (92, 1, '2027-10-05', '18:00', 'planned', 'm92@test', '2027-01-01', '2027-01-01'),
       (93, 1, '2027-10-05', '20:00', 'planned', 'm93@test', '2027-01-01', '2027-01-01');
SQL
export ALLY_TODAY=2027-11-20
run meet-minutes -q "$MM/recorded.yaml"
is "$rc" 0 "the minutes the errors run against are recorded"

before=$(dbdump)
for f in "$MM"/err-*.yaml; do
	name=$(basename "$f" .yaml)
	(cd "$MM" && meet-minutes "$name.yaml") >"$T/out" 2>"$T/err"
	rc=$?
	is "$rc" 65 "$name: exit status 65"
	diff_ok "$T/err" "$MM/$name.err" "$name: the diagnostic"
	is "$(cat "$T/out")" "" "$name: nothing on standard output"
	is "$(dbdump)" "$before" "$name: nothing written"
done

# A dry run finds the same errors.
run meet-minutes -N "$MM/err-future.yaml"
is "$rc" 65 "a dry run checks as well"
run meet-minutes -N "$MM/recorded.yaml"
is "$rc" 65 "minutes recorded are refused again without -r"
like "$errout" "recorded already; replace them with -r" "and -r is named"
done_testing
