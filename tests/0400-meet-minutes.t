#!/bin/sh
# meet-minutes: recording minutes: meetings held, attendance, themes as
# signals, actions; dry run, quiet, CSV input; options and exit codes.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20

run meet-minutes --version
is "$rc:$out" "0:meet-minutes $(sed -n 's/^#define ALLY_VERSION.*"\(.*\)"/\1/p' "$TOP/lib/core.h")" "--version"
run meet-minutes --help
is "$rc" 0 "--help exits 0"
like "$out" "^usage: meet-minutes" "--help prints the usage on stdout"

# A dry run checks everything and writes nothing.
before=$(dbdump)
run meet-minutes -N "$FIX/meet-minutes/minutes-2027.yaml"
is "$rc" 0 "dry run of the year's minutes"
is "$(printf '%s\n' "$out" | grep -c 'change: added')" 5 "it shows the five meetings it would add"
is "$(dbdump)" "$before" "a dry run writes nothing"

run meet-minutes -f csv "$FIX/meet-minutes/minutes-2027.yaml"
is "$rc" 0 "the year's minutes are recorded"
is "$(printf '%s\n' "$out" | tr -d '\r' | head -2)" "meeting,date,change,present,excused,absent,guests,themes,actions,line
1,2027-02-09,added,15,0,0,0,3,4,10" "a summary per meeting, here as CSV"
is "$(q "SELECT count(*) FROM meeting WHERE status = 'held' AND uid LIKE '%@ally'")" 5 \
    "meetings not planned are made, held, with a unique id"
is "$(q "SELECT group_concat(p.alias, ' ') FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = 2 AND presence = 'excused'")" \
    "A05 A11 P02" "the excused of the second meeting"
is "$(q "SELECT count(*) FROM attendance")" "$(( 15 + 15 + 15 + 15 + 16 ))" \
    "attendance of every member at every meeting (a candidate as a guest)"
is "$(q "SELECT count(*), count(DISTINCT meeting_id) FROM signal")" "15|5" \
    "themes become signals of their meeting"
is "$(q "SELECT date, theme, tension, trend, basis FROM signal WHERE meeting_id = 2 ORDER BY id LIMIT 1")" \
    "2027-04-14|polarisation|3|rising|evidenced" "a theme as a signal, dated by its meeting"
is "$(q "SELECT count(*), count(DISTINCT meeting_id) FROM action WHERE status = 'open'")" "20|5" \
    "actions are stored, open, with their meeting"
is "$(q "SELECT a.party, p.alias, a.due FROM action a JOIN person p ON p.id = a.owner_id WHERE a.id = 7")" \
    "police|P01|2027-05-15" "an action's party, owner and due date"
is "$(q "SELECT chair_id = (SELECT id FROM person WHERE alias = 'A05'), location, host, time FROM meeting WHERE id = 3")" \
    "1|Noorderkerk|ally|18:30" "chair, venue, host and time of a meeting"

# A planned meeting, by id: held now; what the minutes leave out stays.
q "INSERT INTO venue (network_id, name, host) VALUES (1, 'Bibliotheek Zeeland', 'other');
INSERT INTO meeting (id, network_id, date, time, location, host, chair_id, status, uid, created, updated)
VALUES (50, 1, '2027-11-17', '19:00', 'Stadhuis Middelburg', 'municipality',
  (SELECT id FROM person WHERE alias = 'M02'), 'planned', 'p50@test', '2027-10-01', '2027-10-01'),
  (51, 1, '2027-11-18', '18:00', NULL, NULL, NULL, 'planned', 'p51@test', '2027-10-01', '2027-10-01')"
run meet-minutes -f csv - <<'IN'
meeting: 50
present: [A01, A02]
IN
is "$rc" 65 "the planned chair not present"
is "$errout" "meet-minutes: <stdin>:2: present: M02 was to chair but is not listed as present; say who chaired (chair: ALIAS)" \
    "is said, with who was to chair"
run meet-minutes -f csv - <<'IN'
meeting: 50
present: [A01, A02, M02]
IN
is "$rc" 0 "minutes of a planned meeting"
like "$out" "^50,2027-11-17,recorded,3,0,12,0,0,0,1" "it is recorded, not added; the 12 other members absent"
is "$(q "SELECT status, date, time, location, host, sequence FROM meeting WHERE id = 50")" \
    "held|2027-11-17|19:00|Stadhuis Middelburg|municipality|0" "held, the rest as planned"
# By date, a planned meeting that day is the one; a venue says the host.
run meet-minutes -q - <<'IN'
date: 2027-11-18
location: Bibliotheek Zeeland
present: A03 A04
IN
is "$rc:$out" "0:" "minutes by date, quietly"
is "$(q "SELECT id, status, host FROM meeting WHERE date = '2027-11-18'")" "51|held|other" \
    "by date, the planned meeting is used; the venue gives the host"

# CSV: lists are blank-separated.
printf 'date,chair,present,excused,notes\n2027-11-19,A01,A01 A02 P01,A03 M01,Short meeting\n' >"$T/m.csv"
run meet-minutes -q "$T/m.csv"
is "$rc" 0 "minutes as a CSV row"
is "$(q "SELECT presence, count(*) FROM attendance WHERE meeting_id = (SELECT id FROM meeting WHERE date = '2027-11-19') GROUP BY presence ORDER BY presence")" \
    "absent|10
excused|2
present|3" "present and excused from blank-separated lists, the rest absent"

# Options and exit codes.
run meet-minutes -l "$T/m.csv"
is "$rc" 64 "-l takes no files"
run meet-minutes -a -m last
is "$rc" 64 "-a takes no -m"
run meet-minutes -l -V people
is "$rc" 64 "an unknown view"
like "$errout" "view: 'people' is not one of" "is named"
run meet-minutes -l -f mail
is "$rc" 64 "-f mail needs one meeting"
run meet-minutes -l -f ics
is "$rc" 64 "minutes are no calendar"
run meet-minutes -a -f csv
is "$rc" 64 "the agenda is no CSV"
run meet-minutes -r -l
is "$rc" 64 "-r is for recording"
run meet-minutes -m 3 "$T/m.csv"
is "$rc" 64 "-m is for printing"
run meet-minutes -x
is "$rc" 64 "an unknown option"
run meet-minutes -l -m 3x
is "$rc" 64 "-m wants an id, a date or last"
run meet-minutes -l -m 999
is "$rc" 66 "no minutes of that meeting"
is "$errout" "meet-minutes: no minutes of meeting 999 in network Middelburg" "is said"
run meet-minutes -l -m 2027-11-01
is "$rc" 66 "no minutes on that date"
run meet-minutes -l -n Veere
is "$rc" 66 "an unknown network"
run meet-minutes -l -d "$T/none.db"
is "$rc" 66 "a missing database"
run meet-minutes "$T/none.yaml"
is "$rc" 66 "a missing input file"
run meet-minutes -l -m last -f text
is "$rc" 0 "the last minutes as text"
like "$out" "Date: +Friday 19 November 2027, 18:00" "are the last by date"
meet-minutes -l >/dev/full 2>"$T/err"
is "$?" 74 "a full disk is an I/O error (yaml)"
meet-minutes -l -f text >/dev/full 2>/dev/null
is "$?" 74 "a full disk is an I/O error (text)"
meet-minutes -a >/dev/full 2>/dev/null
is "$?" 74 "a full disk is an I/O error (agenda)"
before=$(dbdump)
meet-minutes -N "$T/m.csv" >/dev/full 2>/dev/null
is "$?" 65 "recorded minutes are refused again, whatever the output"
is "$(dbdump)" "$before" "nothing written"
done_testing
