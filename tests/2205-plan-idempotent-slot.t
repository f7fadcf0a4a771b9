#!/bin/sh
# Planning a period again never fills a slot that holds a meeting,
# whatever its date became: a meeting moved with -u out of its slot, or
# cancelled, keeps its slot (issue 19).
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }
# cols F...: the fields of CSV records on stdin, one record a line.
cols() {
	/usr/bin/python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin): print(",".join(r[f] for f in sys.argv[1:]))' "$@"
}

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -V "$EXAMPLES/venues.yaml"
meet-plan -q -y 2027
# The slots' middles, as in 2204; Sat 6 February: Fri 5 and Sun 7 are
# no meeting days, Thu 4 is the nearer of Thu 4 and Mon 8 (no meeting
# day either).
is "$(q "SELECT group_concat(date, ' ') FROM (SELECT date FROM meeting ORDER BY date)")" \
    "2027-02-04 2027-04-20 2027-07-01 2027-09-14 2027-11-25" "2027 planned"

# The second meeting moves from 20 April to 3 June, the third slot's.
printf -- '- id: 2\n  date: 2027-06-03\n' | meet-plan -u -q
# The fourth is cancelled.
printf -- '- id: 4\n  status: cancelled\n' | meet-plan -u -q
before=$(q "SELECT count(*) FROM meeting")
run meet-plan -y 2027 -f csv
is "$rc" 0 "the year planned again"
is "$(q "SELECT count(*) FROM meeting")" "$before" "no meeting added"
is "$(printf '%s\n' "$out" | cols id date change | tr '\n' ' ')" \
    "1,2027-02-04,exists 2,2027-06-03,exists 3,2027-07-01,exists 4,2027-09-14,exists 5,2027-11-25,exists " \
    "each meeting once, in its slot, as it exists"
done_testing
