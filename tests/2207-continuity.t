#!/bin/sh
# meet-plan -C, the continuity check for cron: one line per thing to see
# to, nothing and exit 1 when all is well; action-track --hand-over gives
# the open actions of a member who left to a successor (issue 19).
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -V "$EXAMPLES/venues.yaml"
meet-plan -q -y 2027
is "$(q "SELECT group_concat(m.date || ' ' || p.alias, ', ') FROM (SELECT * FROM meeting ORDER BY date) m JOIN person p ON p.id = m.chair_id")" \
    "2027-02-04 A01, 2027-04-20 A02, 2027-07-01 A03, 2027-09-14 A04, 2027-11-25 A05" \
    "2027 planned, A01 to A05 in the chair"

# All is well: nothing printed, exit 1 (cron mails nothing).
ALLY_TODAY=2027-01-20 run meet-plan -C
is "$rc:$out:$errout" "1::" "all is well: nothing printed, exit 1"

printf 'title: Ask the youth workers about the new skate park\nparty: ally\nowner: A03\ndue: 2027-05-01\n' |
    ALLY_TODAY=2027-01-20 action-track -a -q
# March: the police chief and A03 leave.
printf -- '- alias: P01\n  status: left\n- alias: A03\n  status: left\n' |
    ALLY_TODAY=2027-03-01 ally-add -q

# 5 April: the first meeting passed without minutes; the police chief's
# seat is empty; A03 was to chair on 1 July and has an open action; the
# first review is due six months after the first member joined (1
# October 2026): 1 April.
export ALLY_TODAY=2027-04-05
run meet-plan -C
is "$rc" 0 "something to see to: exit 0"
is "$out" "Middelburg: the meeting of 2027-02-04 (id 1) passed without minutes: record them (meet-minutes) or cancel it (meet-plan -u)
Middelburg: the police seat is vacant: P01 left and no one took over (ally-add)
Middelburg: A03, planned to chair the meeting of 2027-07-01 (id 3), has left: choose another chair (meet-plan -u)
Middelburg: A03 has left with 1 open action: hand it over (action-track --hand-over A03 SUCCESSOR)
Middelburg: the half-yearly review is due since 2027-04-01 (ally-review)" \
    "one line for each"
run meet-plan -C -f yaml
is "$rc" 64 "-C prints text only"
run meet-plan -C -N
is "$rc" 64 "-C writes nothing: no -N"

# The hand-over: to a member who left, refused; to A04, done.
run action-track --hand-over A03 P01
is "$rc" 65 "a successor who left: refused"
like "$errout" "P01 has left the network" "says why"
run action-track --hand-over A03
is "$rc" 64 "one alias: a usage error"
run action-track --hand-over A03 A04 -f csv
is "$rc" 0 "the open actions of A03 to A04"
like "$(printf '%s\n' "$out" | tr -d '\r')" "^1,.*updated,owner" "reported as an update of the owner"
is "$(q "SELECT p.alias FROM action a JOIN person p ON p.id = a.owner_id")" A04 "A04 owns it now"
done_testing
