#!/bin/sh
# meet-plan -y on 12 March: the rest of the first slot (Saturday 13 and
# Sunday 14 March 2027) has no preferred weekday, so that slot counts as
# passed and the rest of the year is planned (issue 19; it was found on
# 12 March 2026, a Thursday, with Friday 13 and Saturday 14 left).
. "$(dirname "$0")/lib.sh"

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-03-12
meet-plan -q -V "$EXAMPLES/venues.yaml"

# 2027 in five slots of 73 days: 1 Jan-14 Mar, 15 Mar-26 May,
# 27 May-7 Aug, 8 Aug-19 Oct, 20 Oct-31 Dec; the middles (day 36, 109,
# 182, 255, 328 of the year) 6 Feb, 20 Apr, 2 Jul, 13 Sep, 25 Nov.  With
# a day's notice the first slot keeps 13-14 March, a weekend.
run meet-plan -N -k 1 -y 2027 -f csv
is "$rc" 0 "-y 2027 on 12 March with a day's notice: planned"
is "$errout" "meet-plan: 1 of 5 meetings of the period fell before today and were not planned" \
    "the first slot counts as passed, and it is said"
# Tue 20 Apr; Fri 2 Jul is no meeting day, Thu 1 Jul is; Mon 13 Sep is
# not, nor Sun 12, Tue 14 is; Thu 25 Nov.
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f3 | tail -n +2 | tr '\n' ' ')" \
    "2027-04-20 2027-07-01 2027-09-14 2027-11-25 " "the rest of the year, each at its slot's middle"

# The default notice, 21 days: the first slot ends before 2 April.
run meet-plan -N -y 2027 -f csv
is "$rc:$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f3 | tail -n +2 | tr '\n' ' ')" \
    "0:2027-04-20 2027-07-01 2027-09-14 2027-11-25 " "the default notice: the same four"

# A slot wholly ahead without a free day stays an error.
printf -- '- from: 2027-03-15\n  to: 2027-05-26\n  reason: renovation\n' >"$T/b.yaml"
run meet-plan -N -k 1 -y 2027 -b "$T/b.yaml"
is "$rc" 65 "a slot ahead with no free day: exit 65"
like "$errout" "no free day \(tue wed thu\) between 2027-03-15 and 2027-05-26" "says which"
done_testing
