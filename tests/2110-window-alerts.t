#!/bin/sh
# The thermometer over a window of hours is the default (72), and the
# alert rules read the same windowed readings (issue 18, 3): -a lists
# a windowed reading for each day with signals, the rise rule compares
# windowed levels, the period table's alerts count them, -H changes the
# window everywhere.  Every figure is computed by hand in the comments.
. "$(dirname "$0")/lib.sh"

csv() { "$@" | tr -d '\r'; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY="2027-01-18 20:30"
# safety: Friday night two warnings at 3, Saturday 09:00 a calm voice.
# youth: calm on the 10th (A02, 1); A04's 3 on Friday at 20:00, A06's
# 1 on Saturday at 10:00.
report-sentiment -u -q <<'EOF2'
date,time,theme,tension,trend,basis,source,summary
2027-01-10,,youth,1,steady,potential,A02,quiet at the club
2027-01-15,20:00,youth,3,rising,evidenced,A04,fight after the match
2027-01-15,23:15,safety,3,rising,evidenced,A01,young men gather at the square
2027-01-15,23:30,safety,3,rising,experienced,A05,rumours in the app groups
2027-01-16,09:00,safety,1,steady,potential,A03,not aware of anything
2027-01-16,10:00,youth,1,steady,potential,A06,calm in the park
EOF2
is "$?" 0 "six signals with their times recorded"

# -- the alerts over the window ---------------------------------------------------
# safety: Friday's reading (as of 23:30) is 3, level; Saturday's (as of
# 09:00) keeps A01's and A05's 3 within 72 hours: 3 again, level, from
# A01 (evidenced).  youth: the 10th 1; Friday 3, 2 above the 10th's 1
# within 30 days: level rise; Saturday (as of 10:00) A04's 3 stands
# beside A06's 1: 3, level rise again.  The day's reading alone would
# have said 1 on Saturday, for both, and no alert.
is "$(csv report-sentiment -a -s 2027-01-01 -f csv | cut -d, -f1-6,8)" \
    "date,theme,tension,previous,trend,alert,source
2027-01-15,safety,3,,rising,level,A01
2027-01-15,youth,3,1,rising,level rise,A04
2027-01-16,safety,3,3,rising,level,A01
2027-01-16,youth,3,3,rising,level rise,A04" \
    "-a: the windowed readings alert on Saturday too"
# A window of one hour: Saturday's readings are the calm voices alone.
is "$(csv report-sentiment -a -s 2027-01-01 -H 1 -f csv | cut -d, -f1,2,6)" \
    "date,theme,alert
2027-01-15,safety,level
2027-01-15,youth,level rise" \
    "-a -H 1: Saturday's calm voices alone, no alert"

# The period table: January's youth readings are the days (1, 3, 1:
# max 3, mean 1.7); two of them alert over the window (the 15th and
# 16th), one with -H 1.
is "$(csv report-sentiment -b month -t youth -f csv | sed 1d)" \
    "youth,2027-01,3,3,3,1.7,new,2" "-b: the alerts of the windowed readings"
is "$(csv report-sentiment -b month -t youth -H 1 -f csv | sed 1d)" \
    "youth,2027-01,3,3,3,1.7,new,1" "-b -H 1: one"

# -- the thermometer now --------------------------------------------------------
# Monday 20:30: the window began Friday 20:30.  youth: A04's 20:00 has
# left it, A06's 1 is left: 1, moved -2 from Saturday's 3, no alert (no
# rise: 1 is the lowest).  safety: A01 23:15 and A05 23:30 still in:
# 3, A01's, 3 sources, 69:15 old; Saturday's reading unchanged: previous
# 3, move 0, level.
is "$(csv report-sentiment -f csv | sed 1d | cut -d, -f1-11,13-15)" \
    "safety,2027-01-16,3,tension,rising,evidenced,3,0,3,level,A01,2027-01-16 09:00,3,69:15
youth,2027-01-16,1,attention,steady,potential,3,-2,1,,A06,2027-01-16 10:00,1,58:30" \
    "Monday 20:30: safety stands, youth's warning has left the window"
# -U: as on Friday, the window ends at 23:59 that day.  youth: A04's 3
# (A02's of the 10th is far out), up 2 from the 10th, level rise, 3:59
# old.
is "$(csv report-sentiment -f csv -U 2027-01-15 -t youth | sed 1d | cut -d, -f1-11,13-15)" \
    "youth,2027-01-15,3,tension,rising,evidenced,1,+2,1,level rise,A04,2027-01-15 20:00,1,3:59" \
    "-U: the window up to the end of that day"
# -L 4: no level alert anywhere.
is "$(csv report-sentiment -f csv -L 4 -t safety | sed 1d | cut -d, -f10)" "" \
    "-L 4: the rules of the reading now follow the options"

# The text page says which hours.
like "$(report-sentiment -f text)" \
    "^Network Middelburg, the last 72 hours up to 2027-01-18 20:30\\." \
    "the page says the window"
like "$(report-sentiment -f text -H 1)" "^No readings in this period\\." \
    "-H 1 on Monday evening: no reading"

# -- bad input ------------------------------------------------------------------
for h in 0 x 8761 -1; do
	run report-sentiment -H "$h"
	is "$rc:$out" "64:" "-H $h: usage, nothing printed"
done
run report-sentiment -l -H 24
is "$rc" 64 "-H with -l: usage"
before=$(dbdump)
for t in 25:00 7pm 9:00 12:60; do
	printf 'date,time,theme,tension,source\n2027-01-16,%s,safety,1,A03\n' "$t" \
	    >"$T/bad.csv"
	run report-sentiment -u "$T/bad.csv"
	is "$rc:$errout" "65:report-sentiment: $T/bad.csv:2: time: '$t' is not a time (HH:MM)" \
	    "a signal at $t: refused with file:line"
done
is "$(dbdump)" "$before" "... and nothing stored"
ALLY_TODAY="2027-01-18 25:00" run report-sentiment
like "$rc:$errout" "^64:report-sentiment: ALLY_TODAY: not a date" \
    "ALLY_TODAY at 25:00: refused"

done_testing
