#!/bin/sh
# A crisis night, worked through (issue 18): a stabbing near the station
# on Friday 2027-01-15 at 23:10; a call round over every ally and the
# staff; three not reached at first, one calls back at 00:40; two
# level-3 rising reports, one evidenced; on Saturday at 09:00 a calm
# report from a third ally; on Sunday morning the cron checks.  Every
# figure is computed by hand in the comments.
. "$(dirname "$0")/lib.sh"

csv() { "$@" | tr -d '\r'; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
# The call list: 11 active allies (A01..A11) and 4 staff (P01 P02 M01 M02).

# Friday 23:10: the round is opened.
export ALLY_TODAY="2027-01-15 23:10"
printf 'reason: stabbing near the station\nthemes: safety youth\n' |
    ally-add -O -f csv >/dev/null
is "$(csv ally-add -O -f csv </dev/null | sed 1d)" "" "nothing read, nothing opened"
is "$(csv ally-add -T -f csv | sed 1d | wc -l)" 15 "23:10: 15 to call"

# 23:50: the sheet comes back.  A01 (23:15) and A05 (23:30) report
# level 3, rising, A01 evidenced; A02 and A06 no answer; A07 calls back
# at 00:40; the other ten are reached without news.
export ALLY_TODAY="2027-01-15 23:50"
csv ally-add -P -f csv | awk -F, -v OFS=, '
NR == 1 { print; next }
$2 == "A01" { $5 = "reached"; $6 = "23:15"; $8 = "safety"; $9 = 3;
	$10 = "rising"; $11 = "evidenced"; $12 = "young men gather at the square" }
$2 == "A05" { $5 = "reached"; $6 = "23:30"; $8 = "safety"; $9 = 3;
	$10 = "rising"; $11 = "experienced"; $12 = "rumours in the app groups" }
$2 == "A02" || $2 == "A06" { $5 = "no-answer"; $6 = "23:20" }
$2 == "A07" { $5 = "call-back"; $6 = "23:25"; $7 = "00:40" }
$5 == "" { $5 = "reached"; $6 = "23:40" }
{ print }' >"$T/sheet.csv"
ally-add -o "$T/sheet.csv" >/dev/null
run ally-add -T
is "$rc" 0 "23:50: still to reach: exit 0"
is "$out" "round  alias  role  outcome    at     call_back
1      A02    ally  no-answer  23:20  -
1      A06    ally  no-answer  23:20  -
1      A07    ally  call-back  23:25  00:40" "23:50: A02, A06 no answer, A07 at 00:40"
# The window of 72 hours: two sources at 3; the stronger is A01's
# (evidenced), 35 minutes old (23:15 to 23:50); as of A05's 23:30.
# The default window is 72 hours; the first reading: no previous, new.
is "$(csv report-sentiment -f csv)" "theme,date,tension,level,trend,basis,previous,move,signals,alert,source,summary,as_of,sources,age
safety,2027-01-15,3,tension,rising,evidenced,,new,2,level,A01,young men gather at the square,2027-01-15 23:30,2,0:35" \
    "23:50: the thermometer: safety 3, evidenced, 2 sources, 0:35 old, alert"

# 00:45: A07 called back at 00:40 (the next day: before 23:10).
export ALLY_TODAY="2027-01-16 00:45"
printf 'round,alias,outcome,at\n1,A07,reached,00:40\n' | ally-add -o >/dev/null
is "$(csv ally-add -T -f csv | sed 1d | cut -d, -f2 | tr '\n' ' ')" "A02 A06 " \
    "00:45: two still to reach"

# Saturday 09:00: A03, not aware of anything: level 1, potential.
export ALLY_TODAY="2027-01-16 09:30"
printf 'date,time,theme,tension,trend,basis,source,summary\n2027-01-16,09:00,safety,1,steady,potential,A03,not aware of anything\n' |
    report-sentiment -u -q
# A window of one hour (08:30 to 09:30) holds A03's voice alone: 1,
# attention, 2 down from Friday's 3 (A01's and A05's, 23:15 and 23:30) ...
like "$(csv report-sentiment -H 1 -f csv)" "^safety,2027-01-16,1,attention,steady,potential,3,-2,1,,A03," \
    "09:30: one hour: A03's voice alone: 1 attention, -2, no alert"
# ... the window keeps A01's and A05's warnings: a calmer voice lowers
# only its own source's.  Three sources; A01's warning is 10:15 old
# (23:15 to 09:30); as of 09:00.  Saturday's reading is Friday's 3:
# previous 3, move 0, three signals.
is "$(csv report-sentiment -f csv | sed 1d)" \
    "safety,2027-01-16,3,tension,rising,evidenced,3,0,3,level,A01,young men gather at the square,2027-01-16 09:00,3,10:15" \
    "09:30: the window: still 3, evidenced, 3 sources, 10:15 old, alert"

# A02 reached at 08:30, A06 declines at 08:45; the round is closed.
printf 'round,alias,outcome,at\n1,A02,reached,08:30\n1,A06,declined,08:45\n' |
    ally-add -o >/dev/null
# 15 calls: 14 reached (12 + A07 + A02), 1 declined, none to reach;
# 3 signals from the round's members since 23:10 (A01, A05, A03).
is "$(printf 'id: 1\nstatus: closed\nsummary: tension at the square, calm by Saturday\n' |
    csv ally-add -O -f csv | sed 1d)" \
    "1,Middelburg,2027-01-15 23:10,stabbing near the station,safety youth,closed,2027-01-16 09:30,\"tension at the square, calm by Saturday\",15,14,0,0,1,0,3" \
    "Saturday: closed: 15 calls, 14 reached, 1 declined, 3 signals"

# Sunday 08:00, cron: nobody to reach (nothing, exit 1); the window
# still holds the warning: 32:45 old (Friday 23:15 to Sunday 08:00).
export ALLY_TODAY="2027-01-17 08:00"
run ally-add -T
is "$rc:$out" "1:" "Sunday: -T prints nothing, exit 1"
is "$(csv report-sentiment -H 72 -f csv | sed 1d)" \
    "safety,2027-01-16,3,tension,rising,evidenced,3,0,3,level,A01,young men gather at the square,2027-01-16 09:00,3,32:45" \
    "Sunday: the warning stands, 32:45 old"

# Monday 23:20: A01's 23:15 has left the 72 hours; A05's (23:30) has
# not: 3, experienced, two sources (A05, A03), 71:50 old; moved 0 from
# Saturday's 3.
export ALLY_TODAY="2027-01-18 23:20"
is "$(csv report-sentiment -H 72 -f csv | sed 1d)" \
    "safety,2027-01-16,3,tension,rising,experienced,3,0,2,level,A05,rumours in the app groups,2027-01-16 09:00,2,71:50" \
    "Monday 23:20: the window passed A01's warning, A05's stands"
# Tuesday 08:59: only A03's calm voice is left (A05's left at 23:30);
# at 09:01 it has left too, and the thermometer is empty.
export ALLY_TODAY="2027-01-19 08:59"
is "$(csv report-sentiment -f csv | sed 1d)" \
    "safety,2027-01-16,1,attention,steady,potential,3,-2,1,,A03,not aware of anything,2027-01-16 09:00,1,71:59" \
    "Tuesday 08:59: the calm voice alone"
export ALLY_TODAY="2027-01-19 09:01"
is "$(csv report-sentiment -f csv)" "" "Tuesday 09:01: nothing in the window"

# In Dutch, the thermometer's page in Dutch words: the window, the
# reading as of 09:00, its sources and the warning's age.
run dutch env ALLY_TODAY="2027-01-17 08:00" report-sentiment -f text
like "$out" "^Netwerk Middelburg, de laatste 72 uur tot 2027-01-17 08:00\\." \
    "Dutch: the window"
like "$out" "^safety +2027-01-16 09:00 +3 spanning +0 +stijgend +niveau$" \
    "Dutch: the reading in Dutch words"
like "$(printf "%s\n" "$out" | tr -s " \n" "  ")" "A01; 3 bronnen, de waarschuwing 32:45 oud" \
    "Dutch: sources and age"

# The call sheet and the lists were audited; the cron lists were not.
is "$(csv ally-add -A -f csv | grep -c 'call sheet')" 1 "one call sheet audited"

done_testing
