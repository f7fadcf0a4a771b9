#!/bin/sh
# meet-plan -x from cron: a new meeting gets the notice (-k, 21 days by
# default) so that the invitation a week ahead still goes out; a planned
# meeting whose day passed without minutes is said, by -x and by the
# agenda, not skipped in silence (issue 19).
. "$(dirname "$0")/lib.sh"

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -V "$EXAMPLES/venues.yaml"
ALLY_TODAY=2027-01-20 meet-minutes -q - <<'IN'
date: 2027-01-12
location: Politiebureau Middelburg
chair: A01
present: [A01, A02, P01]
IN

# Held 12 January, five a year: the next 73 days on (26 March), between
# 36 days on and 36 days after that (17 February - 1 May).  On 1 April it
# is overdue; 21 days' notice: Thursday 22 April, not 2 April.
export ALLY_TODAY=2027-04-01
run meet-plan -x -N -f csv
is "$rc" 0 "-x plans the overdue meeting"
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p | cut -d, -f1-3)" "2,Middelburg,2027-04-22" \
    "three weeks ahead, the first meeting day then"
run meet-plan -x -N -k 7 -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p | cut -d, -f3)" "2027-04-08" \
    "-k 7: a week ahead, Thursday 8 April"
run meet-plan -x -k 0
is "$rc" 64 "-k 0: a usage error"
meet-plan -x -q

# 22 April passes without minutes: -x says so and plans nothing past it;
# so does the agenda.
export ALLY_TODAY=2027-05-01
run meet-plan -x -f csv
is "$rc:$out" "0:" "-x: nothing planned, exit 0 (something to say)"
is "$errout" "meet-plan: network Middelburg: the meeting of 2027-04-22 (id 2) passed without minutes: record them (meet-minutes) or cancel it (meet-plan -u)" \
    "-x: the meeting passed without minutes is said"
run meet-minutes -a
is "$rc" 0 "the agenda"
is "$errout" "meet-minutes: the meeting of 2027-04-22 (id 2) passed without minutes: record them (meet-minutes) or cancel it (meet-plan -u)" \
    "the agenda says it too"

# Its minutes recorded: -x plans the next, quietly when there is none.
meet-minutes -q - <<'IN'
meeting: 2
present: [A02, A03, P01]
IN
run meet-plan -x -f csv
is "$rc:$errout" "0:" "after the minutes, -x plans again"
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p | cut -d, -f3)" "2027-07-06" \
    "73 days after 22 April: Sunday 4 July; Tuesday 6 is two days on, Thursday 1 three back"
run meet-plan -x
is "$rc:$out:$errout" "1::" "nothing to do: nothing printed, exit 1"
done_testing
