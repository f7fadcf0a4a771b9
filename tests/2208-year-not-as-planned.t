#!/bin/sh
# A year in which nothing goes as planned (issue 19): two stand-in chairs,
# an unplanned crisis meeting in April, a venue that closes in May, a
# cancelled meeting, the planned chair of the autumn who leaves in June,
# the police chief replaced in September.  Cron runs meet-plan -x (the
# plan) and meet-plan -C (what to see to) as examples/crontab does; every
# date, venue, chair and line below is computed by hand.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }
# plan: what meet-plan -x would mail, id date location host chair change.
cols() {
	/usr/bin/python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin): print(" ".join(r[f] for f in sys.argv[1:]))' "$@"
}
cron_x() {
	run meet-plan -x -f csv
	got=$(printf '%s\n' "$out" | cols id date location host chair change)
}
row() { q "SELECT m.date || ' ' || m.status || ' ' || coalesce(m.location, '-') || ' ' || coalesce(p.alias, '-') || ' ' || m.sequence FROM meeting m LEFT JOIN person p ON p.id = m.chair_id WHERE m.id = $1"; }

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -V "$EXAMPLES/venues.yaml"

# 15 December 2026: the year planned.  Five slots of 73 days, their
# middles 6 Feb (Sat: Thu 4 is the nearest meeting day), 20 Apr (Tue),
# 2 Jul (Fri: Thu 1), 13 Sep (Mon: Tue 14), 25 Nov (Thu); the venues in
# the order added, the allies A01 to A05 in alias order.
run meet-plan -y 2027 -f csv
is "$(printf '%s\n' "$out" | cols id date host chair)" "1 2027-02-04 police A01
2 2027-04-20 municipality A02
3 2027-07-01 ally A03
4 2027-09-14 ally A04
5 2027-11-25 ally A05" "the plan of 2027"
uid4=$(q "SELECT uid FROM meeting WHERE id = 4")

# All is well; the review is not due before 1 April (six months after
# the first member joined, 1 October 2026).
ALLY_TODAY=2027-01-10 run meet-plan -C
is "$rc:$out" "1:" "10 January, -C: nothing, exit 1"
ALLY_TODAY=2027-01-10 run meet-plan -x
is "$rc:$out" "1:" "10 January, -x: nothing, exit 1"

# 4 February: A01 is ill, A04 chairs as a stand-in.  A04 was to chair on
# 14 September: that turn is taken.  The night after, -x gives it to the
# ally who never chaired and is not planned: A01 (the order is never
# chaired, then longest ago, in alias order).
export ALLY_TODAY=2027-02-05
meet-minutes -q - <<'IN'
meeting: 1
chair: A04
present: [A04, A02, A03, P01, M01]
IN
cron_x
is "$rc:$got" "0:4 2027-09-14 Wijkcentrum Dauwendaele ally A01 updated" \
    "5 February, -x: the September meeting to A01"
is "$(row 4) $(q "SELECT uid FROM meeting WHERE id = 4")" "2027-09-14 planned Wijkcentrum Dauwendaele A01 1 $uid4" \
    "the same UID, SEQUENCE 1: calendars replace it"
cron_x
is "$rc:$out" "1:" "the night after: nothing to change, exit 1"

# 8 April: a crisis meeting, not planned, at the town hall, A02 in the
# chair.  The meeting of 20 April was planned there with A02: both would
# repeat.  The venue with fewest meetings in 2027 that is neither the
# town hall nor the mosque (1 July): Noorderkerk, never used; the chair
# never chaired, A06.
export ALLY_TODAY=2027-04-09
meet-minutes -q - <<'IN'
date: 2027-04-08
location: Stadhuis Middelburg, Burgerzaal
chair: A02
present: [A02, A03, A05, P01, M01]
IN
cron_x
is "$rc:$got" "0:2 2027-04-20 Noorderkerk, zaal achter de kerk ally A06 updated" \
    "9 April, -x: 20 April to the Noorderkerk, A06 in the chair"
is "$(q "SELECT id || ' ' || status || ' ' || host FROM meeting WHERE date = '2027-04-08'")" \
    "6 held municipality" "the crisis meeting is held, the town hall its host"

# 20 April held as planned now; 21 April, -C: the review is due since
# 1 April, nothing else.
export ALLY_TODAY=2027-04-21
meet-minutes -q - <<'IN'
meeting: 2
present: [A06, A03, A05, P01, M01]
IN
run meet-plan -C
is "$rc:$out" "0:Middelburg: the half-yearly review is due since 2027-04-01 (ally-review)" \
    "21 April, -C: the review"
cron_x
is "$rc:$out" "1:" "21 April, -x: nothing to change"

# May: the mosque's hall closes.  1 July gets another venue: every active
# one has one meeting in 2027, the one used longest ago is the police
# station (4 February), which is neither the Noorderkerk before nor the
# community centre after.
export ALLY_TODAY=2027-05-10
printf 'name: "Moskee Al-Fath, ontmoetingsruimte"\nactive: no\n' | meet-plan -V -q
cron_x
is "$rc:$got" "0:3 2027-07-01 Politiebureau Middelburg police A03 updated" \
    "10 May, -x: 1 July at the police station"

# 10 June: the summer meeting is cancelled.  Planning the year again
# adds nothing: the cancelled meeting keeps its slot.
export ALLY_TODAY=2027-06-10
printf 'id: 3\nstatus: cancelled\n' | meet-plan -u -q
run meet-plan -y 2027 -f csv
is "$rc:$(printf '%s\n' "$out" | cols id change | tr '\n' ' ')" \
    "0:1 exists 6 exists 2 exists 3 exists 4 exists 5 exists " \
    "10 June, -y 2027 again: nothing added"
is "$(q "SELECT count(*) FROM meeting")" 6 "six meetings, one of them cancelled"

# 20 June: A01, to chair on 14 September, leaves.  -C says so until -x
# has given the meeting to A03, who lost the turn of 1 July.
export ALLY_TODAY=2027-06-20
printf 'alias: A01\nstatus: left\n' | ally-add -q
run meet-plan -C
is "$rc:$out" "0:Middelburg: A01, planned to chair the meeting of 2027-09-14 (id 4), has left: choose another chair (meet-plan -u)
Middelburg: the half-yearly review is due since 2027-04-01 (ally-review)" \
    "20 June, -C: the autumn chair left"
cron_x
is "$rc:$got" "0:4 2027-09-14 Wijkcentrum Dauwendaele ally A03 updated" \
    "21 June, -x: 14 September to A03"
is "$(row 4)" "2027-09-14 planned Wijkcentrum Dauwendaele A03 2" "SEQUENCE 2"

# September: the police chief leaves on the 1st; -C says the seat is
# vacant until the new chief is registered on the 3rd.
export ALLY_TODAY=2027-09-01
printf 'alias: P01\nstatus: left\n' | ally-add -q
run meet-plan -C
is "$rc:$out" "0:Middelburg: the police seat is vacant: P01 left and no one took over (ally-add)
Middelburg: the half-yearly review is due since 2027-04-01 (ally-review)" \
    "1 September, -C: the police seat vacant"
export ALLY_TODAY=2027-09-03
printf 'name: Kim Jansen\nrole: police\nfunction: police chief\nstatus: active\njoined: 2027-09-03\n' |
    ally-add -q
is "$(q "SELECT alias FROM person WHERE status = 'active' AND role = 'police' ORDER BY alias")" "P02
P03" "the new police chief is P03"
run meet-plan -C
is "$rc:$out" "0:Middelburg: the half-yearly review is due since 2027-04-01 (ally-review)" \
    "3 September, -C: the seat is filled"

# 14 September: A05 stands in for A03.  A05 was to chair on 25 November:
# that turn is taken; A03 never chaired and is planned nowhere: A03.
export ALLY_TODAY=2027-09-15
meet-minutes -q - <<'IN'
meeting: 4
chair: A05
present: [A05, A02, A04, P03, M01]
IN
cron_x
is "$rc:$got" "0:5 2027-11-25 Cultureel centrum De Spiegel ally A03 updated" \
    "15 September, -x: 25 November to A03"

# The year as it went, and the invitation of 25 November with SEQUENCE 1.
is "$(for i in 1 6 2 3 4 5; do row $i; done)" "2027-02-04 held Politiebureau Middelburg A04 1
2027-04-08 held Stadhuis Middelburg, Burgerzaal A02 0
2027-04-20 held Noorderkerk, zaal achter de kerk A06 1
2027-07-01 cancelled Politiebureau Middelburg A03 2
2027-09-14 held Wijkcentrum Dauwendaele A05 3
2027-11-25 planned Cultureel centrum De Spiegel A03 1" "the year as it went"
ALLY_TODAY=2027-11-19 run meet-plan -i 7 -f ics
like "$out" "SEQUENCE:1" "the invitation of 25 November: SEQUENCE 1"
like "$out" "A03" "with A03 in the chair"
done_testing
