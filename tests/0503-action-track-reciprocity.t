#!/bin/sh
# action-track --reciprocity: per party, what was agreed in a period and
# what was delivered, on the known fixture of tests/fixtures/action-track
# (the expected figures are worked out by hand in the comments below).
. "$(dirname "$0")/lib.sh"
. "$FIX/action-track/setup.sh"

actions_db
ok $? "fixture loaded"
export ALLY_TODAY=2027-07-01

# First half of 2027, as of 30 June: meetings 2-4 and action 10 (added
# 10 April).  police 2 3 9: 2 on time, 3 late, 9 closed 1 July so still
# open and overdue on 30 June; municipality 4 (overdue) 7 (on time); ally
# 5 8 10; joint 6 dropped.  Action 1 (meeting 1, 2026) is outside.
run action-track --reciprocity -S 2027-01-01 -U 2027-06-30 -f text
is "$rc" 0 "half-year: exit 0"
printf '%s\n' "$out" >"$T/h1.out"
diff_ok "$T/h1.out" "$FIX/action-track/reciprocity-h1.out" \
    "half-year table, text"

run action-track -r -S 2027-01-01 -U 2027-06-30 -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p)" \
    "police,2027-01-01,2027-06-30,3,2,1,1,1,0" "csv: police"
is "$(printf '%s\n' "$out" | grep -c .)" 5 "csv: header and four parties, no total"
unlike "$out" "total" "records carry no total row"

run action-track -r -S 2027-01-01 -U 2027-06-30
like "$out" "party: municipality" "yaml is the default"
like "$(printf '%s\n' "$out" | grep -A8 'party: ally')" "on_time: 2" \
    "yaml: ally on time"

# The same half-year seen on 1 July: action 9 is done now (late).
run action-track -r -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p)" \
    "police,2027-01-02,2027-07-01,3,3,1,0,0,0" \
    "default period: the six months up to today, figures as of today"

# First quarter, as of 31 March: action 3 (closed 1 March) is done, 4 is
# overdue, 8 open, 10 not yet agreed.
run action-track -r -S 2027-01-01 -U 2027-03-31 -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | cut -d, -f1,4- | tr '\n' ' ')" \
    "police,2,2,1,0,0,0 municipality,2,1,1,1,1,0 ally,2,1,1,0,1,0 joint,1,0,0,0,0,1 " \
    "first quarter: figures as they stood at its end"

# A period with nothing agreed still shows every party.
run action-track -r -S 2025-01-01 -U 2025-06-30 -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | cut -d, -f4 | tr '\n' ' ')" \
    "0 0 0 0 " "empty period: four parties, zeros"

# Reopening changes the figures: the dropped joint action is open again.
action-track -q --reopen 6
run action-track -r -S 2027-01-01 -U 2027-06-30 -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | grep '^joint' | cut -d, -f4-)" \
    "1,0,0,1,1,0" "reopened: open and overdue, no longer dropped"

run action-track -r -S 2027-07-01 -U 2027-01-01
is "$rc" 64 "--since after --until: usage"
run action-track -r -S 2027-13-01
is "$rc" 64 "bad --since date: usage"
like "$errout" "since: '2027-13-01' is not a date" "names the option"
action-track -r -f text >/dev/full 2>/dev/null
is "$?" 74 "full disk: exit 74"

done_testing
