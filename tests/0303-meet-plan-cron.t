#!/bin/sh
# meet-plan --next and --invite: what cron runs.  --next keeps one meeting
# planned after the last one held (idempotent); --invite prints the
# coming invitations; both exit 1 when there is nothing to say.  Chair
# rotation over three years is fair.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/0303-meet-plan-cron.d"
MP="$FIX/meet-plan"
held() { ALLY_TODAY=$2 meet-plan -u -q -n "${3:-Middelburg}" <<EOF2
- id: $1
  status: held
EOF2
}
count() { sqlite3 "$ALLY_DB" "SELECT count(*) FROM meeting $1"; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml"

# Nothing held yet: nothing to do, exit 1, no output.
run meet-plan -x
is "$rc" 1 "--next without a held meeting: exit 1"
is "$out" "" "--next without a held meeting: silent"

meet-plan -q -s 2027-01-20 -e 2027-04-01 -m 5 2>/dev/null
is "$(count "")" 1 "one meeting planned"
first=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting")
held 1 2027-03-01
export ALLY_TODAY=2027-03-01
run meet-plan -x -f csv
is "$rc" 0 "--next after a held meeting: exit 0"
next=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f3)
gap=$(( ($(date -d "$next" +%s) - $(date -d "$first" +%s)) / 86400 ))
ok "$([ "$gap" -ge 60 ] && [ "$gap" -le 90 ]; echo $?)" \
    "--next: about 73 days after the last held ($gap)"
run meet-plan -x
is "$rc" 1 "--next again: exit 1"
is "$out" "" "--next again: silent"
is "$(count "")" 2 "--next twice: planned once"
like "$(meet-plan -l -f csv | sed -n 3p)" ",Stadhuis,municipality,A02," \
    "--next: the next venue and chair"

# Every network in the file, or only -n.
ally-add --create -n Veere -q "$EXAMPLES/members.yaml"
ALLY_TODAY=2027-01-15 meet-plan -n Veere -q -s 2027-01-20 -e 2027-02-28 2>/dev/null
held "$(sqlite3 "$ALLY_DB" "SELECT m.id FROM meeting m JOIN network n ON n.id = m.network_id WHERE n.name = 'Veere'")" 2027-03-01 Veere
before=$(count "")
run meet-plan -x -n Middelburg
is "$rc" 1 "-n Middelburg: nothing to do there"
run meet-plan -x -f csv
is "$rc" 0 "all networks: Veere gets its next meeting"
like "$out" ",Veere," "all networks: reported"
is "$(count "")" $((before + 1)) "all networks: one meeting added"
run meet-plan -x -N
is "$rc" 1 "all networks again: nothing"

# --invite: the meetings of the next N days, for mail.
nextid=$(sqlite3 "$ALLY_DB" "SELECT max(m.id) FROM meeting m JOIN network n ON n.id = m.network_id WHERE n.name = 'Middelburg'")
nextdate=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE id = $nextid")
week_before=$(date -d "$nextdate - 6 days" +%F)
export ALLY_TODAY=$week_before
run meet-plan -i 7 -n Middelburg
is "$rc" 0 "--invite 7, six days ahead: exit 0"
printf '%s\n' "$out" >"$T/invite.out"
diff_ok "$T/invite.out" "$D/invite.out" "the invitation text"
run meet-plan -i 6 -n Middelburg
is "$rc" 1 "--invite 6, six days ahead: exit 1 (the window ends the day before)"
is "$out" "" "--invite with nothing: silent"
run meet-plan -i 7 -n Middelburg -f ics
like "$out" "BEGIN:VEVENT" "--invite -f ics: a calendar"
unlike "$out" "METHOD:" "without -o: no METHOD (PUBLISH needs an ORGANIZER)"
meet-plan -i 7 -n Middelburg >/dev/full 2>"$T/err"
is "$?" 74 "--invite to a full disk: exit 74"
printf -- "- id: $nextid\n  status: cancelled\n" | meet-plan -u -q -n Middelburg
run meet-plan -i 7 -n Middelburg
like "$out" "CANCELLED" "--invite: a cancelled meeting is announced as such"
like "$out" "is cancelled" "--invite: in words"

# Chair rotation over three years: 15 meetings, 11 active allies.
export ALLY_TODAY=2027-01-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues-three.csv"
for y in 2027 2028 2029; do meet-plan -q -y $y; done
meet-plan -l -f csv >"$T/three.csv"
chairs=$(/usr/bin/python3 -c '
import csv, collections, sys
rows = list(csv.DictReader(open(sys.argv[1])))
c = collections.Counter(r["chair"] for r in rows)
twice = sum(1 for a, b in zip(rows, rows[1:]) if a["chair"] == b["chair"])
sameloc = sum(1 for a, b in zip(rows, rows[1:]) if a["location"] == b["location"])
print(len(rows), len(c), max(c.values()) - min(c.values()), twice, sameloc,
      all(k.startswith("A") and k != "A12" for k in c))' "$T/three.csv")
is "$chairs" "15 11 1 0 0 True" \
    "three years: 15 meetings, all 11 allies chair, max-min 1, never twice in a row, venue never twice in a row, active allies only"

# A paused ally is skipped.
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
printf 'alias: A01\nstatus: paused\n' | ally-add -q
meet-plan -q -y 2027 2>/dev/null
unlike "$(meet-plan -l -f csv)" ",A01," "a paused ally does not chair"
like "$(meet-plan -l -f csv)" ",A02," "the next in line does"

done_testing
