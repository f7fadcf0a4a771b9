#!/bin/sh
# meet-minutes -t in Dutch (issue 20, 7): a topic for a meeting that was
# held or cancelled is refused with the meeting's state in Dutch too
# ("is al gehouden", "is afgelast"), not the stored word "held".
. "$(dirname "$0")/lib.sh"

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" "INSERT INTO meeting (id, network_id, date, time, status, uid, created, updated)
VALUES (1, 1, '2027-02-09', '18:00', 'held', 'm1@t', '2027-01-01', '2027-01-01'),
       (2, 1, '2027-05-20', '18:00', 'cancelled', 'm2@t', '2027-01-01', '2027-01-01')"
export ALLY_TODAY=2027-06-01
for m in 1 2; do
	printf 'proposed_by: A02\ntopic: the market\nfor: %s\n' "$m" >"$T/t$m.yaml"
done
run dutch meet-minutes -t "$T/t1.yaml"
is "$rc:$errout" "65:meet-minutes: $T/t1.yaml:3: for: bijeenkomst 1 van 2027-02-09 is al gehouden: draag het onderwerp aan voor een geplande bijeenkomst of voor later" \
    "held: in Dutch"
run dutch meet-minutes -t "$T/t2.yaml"
is "$rc:$errout" "65:meet-minutes: $T/t2.yaml:3: for: bijeenkomst 2 van 2027-05-20 is afgelast: draag het onderwerp aan voor een geplande bijeenkomst of voor later" \
    "cancelled: in Dutch"
run meet-minutes -t "$T/t2.yaml"
is "$errout" "meet-minutes: $T/t2.yaml:3: for: meeting 2 of 2027-05-20 is cancelled: propose the topic for a planned meeting or for later" \
    "  and in English as before"
done_testing
