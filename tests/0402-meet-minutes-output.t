#!/bin/sh
# meet-minutes: the stored minutes as text, mail, records and flat views;
# the agenda of the next meeting; the round trip through YAML.  Golden
# files in fixtures/meet-minutes; no name or phone number ever appears.
. "$(dirname "$0")/lib.sh"
MM="$FIX/meet-minutes"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
meet-minutes -q "$FIX/meet-minutes/minutes-2027.yaml"
is "$?" 0 "the year's minutes are recorded"
# The next meeting as meet-plan plans it, and an action closed since.
q "INSERT INTO meeting (network_id, date, time, location, host, chair_id, meal, status, uid, created, updated)
VALUES (1, '2027-12-08', '18:00', 'Stadhuis Middelburg', 'municipality',
  (SELECT id FROM person WHERE alias = 'A05'), 1, 'planned', 'next@test', '2027-11-11', '2027-11-11'),
  (1, '2028-02-09', '18:00', 'Politiebureau Middelburg', 'police', NULL, 1, 'planned', 'later@test', '2027-11-11', '2027-11-11');
UPDATE action SET status = 'done', closed = '2027-03-20' WHERE id IN (1, 2, 3, 4, 5, 6, 7)"

run meet-minutes -l -m 2027-11-10 -f text
is "$rc" 0 "the minutes of one meeting as text"
printf '%s\n' "$out" >"$T/minutes.out"
diff_ok "$T/minutes.out" "$MM/minutes-5.out" "minutes as text (golden)"
run meet-minutes -l -f text
is "$(printf '%s\n' "$out" | grep -c '^Minutes of the allies')" 5 "all minutes as text, one after the other"

run meet-minutes -a
is "$rc" 0 "the agenda"
printf '%s\n' "$out" >"$T/agenda.out"
diff_ok "$T/agenda.out" "$MM/agenda.out" "the agenda as text (golden)"

run meet-minutes -a -f yaml
is "$rc" 0 "the agenda as a record"
like "$out" "^date: 2027-12-08" "with the next meeting's date"
like "$out" "^review_due: 'yes'" "and the review due"
is "$(printf '%s\n' "$out" | grep -c '^- id:')" 13 "and the 13 open actions"

# A review within six months: no note.
q "INSERT INTO review (network_id, reviewed, decision) VALUES (1, '2027-07-01', 'keep')"
run meet-minutes -a
unlike "$out" "half-yearly review" "a review within six months: no note"
q "DELETE FROM review"

# Nothing planned: the agenda says so.
q "UPDATE meeting SET status = 'cancelled' WHERE status = 'planned'"
run meet-minutes -a
is "$rc" 0 "an agenda with no meeting planned"
like "$out" "^Date: +not planned yet" "says it is not planned yet"
q "UPDATE meeting SET status = 'planned' WHERE uid IN ('next@test', 'later@test')"

# -f mail: a whole message for sendmail -t (tests/1102-mail.t parses it).
run meet-minutes -l -m last -f mail
is "$rc" 0 "the minutes as a mail message"
like "$out" "^Subject: Minutes of the allies' meeting, network Middelburg, 2027-11-10$" \
    "with the network and the date in the subject"
like "$out" "^Content-Transfer-Encoding: quoted-printable$" "and a 7-bit body"
run meet-minutes -a -f mail
like "$out" "^Subject: Agenda of the allies' meeting, network Middelburg, 2027-12-08$" "the agenda as mail"

for v in meetings attendance themes actions; do
	meet-minutes -l -f csv -V $v | tr -d '\r' >"$T/$v.csv"
	diff_ok "$T/$v.csv" "$MM/view-$v.csv" "the $v view as CSV (golden)"
done
run meet-minutes -l -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | head -1)" "meeting,network,date,time,location,host,chair,meal,present,excused,absent,notes" \
    "CSV without a view is the meetings view"
run meet-minutes -l -f text -V themes
like "$(printf '%s\n' "$out" | head -1)" "^id +date +theme +tension +trend +basis +source +summary$" "a view as a text table"

# Round trip: print, feed back with -r, print again: the same.
meet-minutes -l >"$T/one.yaml"
is "$(grep -c '^---' "$T/one.yaml")" 5 "one YAML document per meeting"
run meet-minutes -r -q "$T/one.yaml"
is "$rc" 0 "the printed minutes are taken back with -r"
meet-minutes -l >"$T/two.yaml"
diff_ok "$T/two.yaml" "$T/one.yaml" "and print the same again"
is "$(q "SELECT count(*) FROM action WHERE status = 'done'")" 7 "actions closed since stay closed"
meet-minutes -l -f csv -V meetings | meet-minutes -r -q -F csv
is "$?" 0 "the meetings view is taken back as CSV"
meet-minutes -l >"$T/three.yaml"
diff_ok "$T/three.yaml" "$T/one.yaml" "and leaves the themes and actions as they were"

# Confidential: no name or phone number of any member, in any output.
meet-minutes -l -f text >"$T/all.txt"
meet-minutes -l >>"$T/all.txt"
meet-minutes -a >>"$T/all.txt"
for v in meetings attendance themes actions; do
	meet-minutes -l -f csv -V $v >>"$T/all.txt"
done
sed -n 's/^- name: //p; s/^  phone: //p' "$EXAMPLES/members.yaml" >"$T/secrets"
is "$(wc -l <"$T/secrets")" 32 "every member's name and phone number"
is "$(grep -F -c -f "$T/secrets" "$T/all.txt")" 0 "appears nowhere"

# A network whose name is not ASCII gets an encoded subject.
export ALLY_DB="$T/fy.db"
ALLY_TODAY=2026-12-15 ally-add --create -n 'Súdwest-Fryslân' -q
printf 'role: police\nstatus: active\njoined: 2026-10-01\n' | ALLY_TODAY=2026-12-15 ally-add -q
printf 'date: 2027-03-02\npresent: P01\n' | meet-minutes -q
run meet-minutes -l -m last -f mail
subject=$(printf '%s\n' "$out" | sed -n '/^Subject:/,/^Date:/p' | sed '$d')
like "$subject" "^Subject: =\?UTF-8\?B\?" "a subject not in ASCII is encoded (RFC 2047)"
is "$(printf '%s\n' "$subject" | /usr/bin/python3 -c 'import sys, email.header; print(str(email.header.make_header(email.header.decode_header(sys.stdin.read()[9:].replace("\n", "")))))')" \
    "Minutes of the allies' meeting, network Súdwest-Fryslân, 2027-03-02" "and decodes to the subject"
done_testing
