#!/bin/sh
# The call round as a record (issue 18, 2): ally-add -O opens a round of
# the call list and closes it, -P prints the call sheet (audited), -o
# takes the sheet back with the outcomes (one transaction per feed; what
# was heard a signal from the alias, with its time), -T says who is
# still to be reached (nothing and exit 1 when nobody is).  Bad input:
# file:line, exit 65, nothing stored.
. "$(dirname "$0")/lib.sh"
# run, with the CSV's line ends (CRLF) made plain.
runcsv() {
	run "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r')
}

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
printf -- '- alias: A09\n  status: paused\n' | ally-add -q
export ALLY_TODAY="2027-01-15 23:12"

# Opened for the faith sector only: A01, A05, A10 (A10 without consent
# is called all the same).
runcsv ally-add -O -S faith -f csv <<'EOF2'
reason: stabbing near the station
themes: safety youth
opened: 2027-01-15 23:10
EOF2
is "$rc" 0 "-O: a round opened"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
    "1,Middelburg,2027-01-15 23:10,stabbing near the station,safety youth,open,,,3,0,0,0,0,3,0" \
    "-O: the round with its counts: 3 to call"
runcsv ally-add -O -f csv <<'EOF2'
reason: a second one
EOF2
is "$rc" 65 "a second open round: refused"
like "$errout" "<stdin>:1: reason: another round is still open: close it first" \
    "a second open round: diagnostic"

# The sheet: audited, with names and numbers; CSV to fill in.
ally-add -P -f csv >"$T/p.csv"
is "$(tr -d '\r' <"$T/p.csv")" "round,alias,name,phone,outcome,at,call_back,theme,tension,trend,basis,summary
1,A01,Fatima el Idrissi,+31621436587,,,,,,,,
1,A05,Esther Koopman,+31655667788,,,,,,,,
1,A10,Yonas Tesfaye,+31610203040,,,,,,,," "-P -f csv: the sheet to fill in"
like "$(ally-add -A -f csv | tr -d '\r' | tail -n 1)" \
    ",ally-add --call-sheet,Middelburg,call sheet \(csv\) of round 1,3,disclosure,$" "-P: audited"
run ally-add -P
like "$out" "^Call round 1: stabbing near the station$" "-P text: the title"
like "$out" "A10 +Yonas Tesfaye +\+31610203040" "-P text: a row to write on"
run ally-add -P -f mail --to coordinator@example.org
like "$out" "^Subject: Call sheet of Middelburg, round 1" "-P -f mail: for a phone"
like "$out" "^To: coordinator@example.org" "-P -f mail: to the coordinator"

# Bad input: nothing stored by the feed that holds it.
export ALLY_TODAY="2027-01-15 23:40"
before=$(ally-add -P -f csv)
bad() {
	run ally-add -o -f csv
	is "$rc" 65 "$1: exit 65"
	is "$errout" "ally-add: <stdin>:$2" "$1: diagnostic"
	is "$(ally-add -P -f csv)" "$before" "$1: nothing stored"
}
bad "an ally outside the round" "3: alias: A02 is not on the call list of round 1" <<'EOF2'
round,alias,outcome,at
1,A01,reached,23:15
1,A02,reached,23:16
EOF2
bad "a time 25:00" "3: at: '25:00' is not a time (HH:MM)" <<'EOF2'
round,alias,outcome,at
1,A01,reached,23:15
1,A05,no-answer,25:00
EOF2
bad "a call-back at 7pm" "2: call_back: '7pm' is not a time (HH:MM)" <<'EOF2'
round,alias,outcome,at,call_back
1,A05,call-back,23:15,7pm
EOF2
bad "a call-back without its time" "2: call_back: missing: the time agreed to call back (HH:MM)" <<'EOF2'
round,alias,outcome,at
1,A05,call-back,23:15
EOF2
bad "heard, but not reached" "2: outcome: what was heard (theme, tension ...) needs outcome: reached" <<'EOF2'
round,alias,outcome,at,theme,tension
1,A05,no-answer,23:15,safety,3
EOF2
bad "a summary naming a member" "2: summary: holds the name of member A05; ally records developments, not persons: write A05 instead (or record with --allow-names)" <<'EOF2'
round,alias,outcome,at,theme,tension,summary
1,A01,reached,23:15,safety,2,Esther Koopman heard it too
EOF2
bad "an unknown round" "2: round: no round 7 in this network" <<'EOF2'
round,alias,outcome,at
7,A01,reached,23:15
EOF2
is "$(report-sentiment -l -f csv | wc -l)" 0 "bad feeds: no signal stored"

# A good feed: one transaction; name and phone ignored; what was heard
# stored as a signal from the alias at the call's time; an empty line
# is still to call.
ally-add -P -f csv | tr -d '\r' | sed \
    -e 's/^1,A01,\(.*\),,,,,,,,$/1,A01,\1,reached,23:15,,safety,3,rising,evidenced,young men gather at the station/' \
    -e 's/^1,A05,\(.*\),,,,,,,,$/1,A05,\1,call-back,23:20,00:40,,,,,/' >"$T/sheet.csv"
runcsv ally-add -o -f csv "$T/sheet.csv"
is "$rc" 0 "-o: the sheet fed back"
is "$out" "round,alias,outcome,at,call_back,signal
1,A01,reached,23:15,,1
1,A05,call-back,23:20,00:40," "-o: one result per call recorded"
like "$(report-sentiment -l -f csv)" "2027-01-15,safety,3,rising,evidenced,A01,young men gather at the station,23:15" \
    "-o: what A01 said is a signal from A01 at 23:15"
runcsv ally-add -o -f csv "$T/sheet.csv"
is "$(report-sentiment -l -f csv | wc -l)" 2 "the same sheet fed twice: the signal corrected, not doubled"

# Still to reach: A05 (call back at 00:40) and A10 (not called yet).
runcsv ally-add -T -f csv
is "$rc" 0 "-T: someone still to reach: exit 0"
is "$out" "round,alias,role,outcome,at,call_back
1,A05,ally,call-back,23:20,00:40
1,A10,ally,,," "-T: by alias, no identity"

# After midnight: a time before the opening time is the next day.
export ALLY_TODAY="2027-01-16 00:50"
printf 'round,alias,outcome,at,theme,tension,trend,basis\n1,A05,reached,00:42,safety,3,rising,experienced\n1,A10,declined,00:45,,,,\n' |
    ally-add -o -f csv >/dev/null
like "$(report-sentiment -l -f csv)" "2027-01-16,safety,3,rising,experienced,A05,,00:42" \
    "a call at 00:42 in a round opened at 23:10 is on the next day"
run ally-add -T
is "$rc" 1 "-T: nobody to reach: exit 1"
is "$out" "" "-T: nobody to reach: nothing printed"
printf 'round,alias,outcome,at\n1,A01,reached,09:00\n' | ally-add -o -f csv >/dev/null 2>"$T/fut.err"
like "$(cat "$T/fut.err")" "at: 09:00 is in the future" "a call in the future: refused"

# Closing, with a summary: the counts; closed twice, an outcome for a
# closed round, a summary naming a member: refused.
runcsv ally-add -O -f csv <<'EOF2'
id: 1
status: closed
summary: Fatima el Idrissi saw the group
EOF2
is "$rc" 65 "a summary naming a member: exit 65"
like "$errout" "<stdin>:3: summary: holds the name of member A01" "a summary naming a member: diagnostic"
runcsv ally-add -O -f csv <<'EOF2'
id: 1
status: closed
summary: tension at the station square, calm by 01:00
EOF2
is "$rc" 0 "-O: closed"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
    "1,Middelburg,2027-01-15 23:10,stabbing near the station,safety youth,closed,2027-01-16 00:50,\"tension at the station square, calm by 01:00\",3,2,0,0,1,0,2" \
    "-O: closed with its counts: 3 calls, 2 reached, 1 declined, 2 signals"
run ally-add -O <<'EOF2'
id: 1
status: closed
EOF2
is "$rc" 65 "closed twice: exit 65"
is "$errout" "ally-add: <stdin>:2: status: round 1 is already closed" "closed twice: diagnostic"
run ally-add -o <<'EOF2'
round: 1
alias: A10
outcome: reached
at: 00:48
EOF2
is "$rc" 65 "an outcome for a closed round: exit 65"
is "$errout" "ally-add: <stdin>:1: round: round 1 is closed: its calls can no longer change" \
    "an outcome for a closed round: diagnostic"
run ally-add -T
is "$rc$out" "1" "-T after the close: nothing, exit 1"

# Dutch.
run dutch ally-add -P
like "$out" "^Belronde 1: stabbing near the station$" "Dutch: the sheet's title"
like "$out" "A10 +Yonas Tesfaye +\+31610203040 +geweigerd" "Dutch: the outcome"

done_testing
