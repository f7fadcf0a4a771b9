#!/bin/sh
# meet-minutes -b (issue 20, 5): the briefing for the chair of the next
# meeting: what to open with (the last meeting's agreements and where
# they stand, the themes that rose since), the open actions, the rising
# themes as the thermometer reads them, the topics proposed and who
# excused themselves; by alias, never a name or a diet.  Text, mail
# (parsed by Python's email) and print; English and Dutch.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
q "INSERT INTO meeting (id, network_id, date, time, location, meal, status, uid, created, updated)
VALUES (1, 1, '2027-01-10', '18:00', 'Stadhuis', 1, 'planned', 'm1@t', '2027-01-01', '2027-01-01'),
       (2, 1, '2027-02-09', '18:00', 'Politiebureau Middelburg', 1, 'planned', 'm2@t', '2027-01-01', '2027-01-01')"
q "UPDATE meeting SET chair_id = (SELECT id FROM person WHERE alias = 'A04') WHERE id = 2"

# Meeting 1: polarisation at 2, youth at 1; two actions agreed.
cat >"$T/m1.yaml" <<'YAML'
meeting: 1
present: [A01, A02, A03, A05, P01, M01]
themes:
  - theme: polarisation
    tension: 2
    trend: steady
    basis: experienced
    summary: Heated talk in the parents' chat groups.
  - theme: youth
    tension: 1
    trend: steady
    basis: experienced
    summary: Youngsters at the shopping centre at night.
actions:
  - title: Talk with the school about the arguments at the gate
    party: ally
    owner: A05
    due: 2027-01-31
  - title: Extra surveillance near the market on Saturdays
    party: police
    owner: P01
    due: 2027-01-12
YAML
ALLY_TODAY=2027-01-11 meet-minutes -q "$T/m1.yaml"
# P01's action is done; polarisation rises to 3 after the meeting, youth
# stays at 1.
ALLY_TODAY=2027-01-13 action-track -q --done 2
cat >"$T/signals.csv" <<'CSV'
date,theme,tension,trend,basis,source,summary
2027-01-13,polarisation,3,rising,experienced,A02,Shop windows marked in the Lange Delft
2027-01-13,youth,1,steady,experienced,A03,Quiet at the shopping centre
CSV
ALLY_TODAY=2027-01-13 report-sentiment -u -q "$T/signals.csv"
export ALLY_TODAY=2027-01-15
printf 'proposed_by: A03\ntopic: the youth centre opening hours\n' | meet-minutes -t -q
printf -- '- alias: A06\n  answer: no\n- alias: A07\n  answer: no\n- alias: A01\n  answer: yes\n  diet: halal\n' |
    meet-minutes -y -q

run meet-minutes -b
is "$rc" 0 "the briefing"
printf '%s\n' "$out" >"$T/briefing.txt"
like "$out" "^Briefing for the chair of the next meeting" "its title"
like "$out" "Chair: +A04" "  for the chair, A04"
like "$out" "Date: +Tuesday 9 February 2027, 18:00" "  of meeting 2"
like "$out" "The welcome: 1 expected at the table, 2 excused\." "  open with the welcome"
like "$out" "What was agreed last time \(meeting 1 of 2027-01-10\): 2 actions" \
    "  and last time's agreements"
is "$(sed -n '/What was agreed/,/Tension rose/p' "$T/briefing.txt" | grep -E '^ +[0-9]+ ' | tr -s ' ')" \
" 1 A05 open
 2 P01 done" "  each with its owner and where it stands"
like "$out" "Tension rose since the last meeting: polarisation\." "  and the theme that rose"
is "$(sed -n '/^Open actions/,/^Rising/p' "$T/briefing.txt" | grep -cE '^ +[0-9]+ ')" 1 \
    "one action open"
like "$out" "Open actions \(1\)" "  counted"
like "$out" "1 +A05 +2027-01-31" "  A05's, by alias"
like "$out" "Rising themes \(1\)" "one rising theme"
like "$out" "polarisation +3 tension +2 concern +rising +2027-01-13" \
    "  polarisation, from 2 to 3"
unlike "$(sed -n '/^Rising/,/^Topics/p' "$T/briefing.txt")" "youth" "  youth did not rise"
is "$(sed -n '/^Topics proposed (1)/,/^Excused/p' "$T/briefing.txt" | sed -n '3,4p' | tr -s ' ')" \
" A03
 the youth centre opening hours" "the topic proposed, by alias"
like "$out" "Excused: +A06 A07" "who excused themselves"
grep -E '^- name:' "$EXAMPLES/members.yaml" | sed 's/^- name: //' >"$T/names"
sed 's/.* //' "$T/names" >>"$T/names"
is "$(grep -ciF -f "$T/names" "$T/briefing.txt")" 0 "no member's name"
unlike "$out" "halal|diet" "no diet"

run meet-minutes -b -f mail --to a04@example.org
is "$rc" 0 "the briefing as a mail"
printf '%s\n' "$out" >"$T/briefing.eml"
is "$(python3 - "$T/briefing.eml" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
assert not m.defects, m.defects
body = m.get_body(('plain',)).get_content()
print(m['To'], '|', m['Subject'], '|', 'Rising themes (1)' in body, '|',
      'Excused:  A06 A07' in body)
PY
)" "a04@example.org | Briefing for the chair, network Middelburg, 2027-02-09 | True | True" \
    "  parsed by Python's email"
run meet-minutes -b -f roff
is "$rc" 0 "the briefing for print"
printf '%s\n' "$out" >"$T/briefing.roff"
run groff -t -ms -Tpdf "$T/briefing.roff"
is "$rc" 0 "  groff typesets it"
run meet-minutes -b -f yaml
is "$rc" 64 "the briefing is no yaml"

run dutch meet-minutes -b
like "$out" "^Briefing voor de voorzitter van de volgende bijeenkomst" "in Dutch: the title"
like "$out" "Opkomende thema's \(1\)" "  the rising themes"
like "$out" "polarisation +3 spanning +2 zorg +stijgend" "  levels and trend in Dutch"
like "$out" "Afgemeld: +A06 A07" "  who excused themselves"
like "$out" "2 +P01 +gedaan" "  an action's status in Dutch"

# No meeting planned: said, exit 65.
q "UPDATE meeting SET status = 'cancelled' WHERE id = 2"
run meet-minutes -b
is "$rc" 65 "no meeting planned: exit 65"
is "$errout" "meet-minutes: network Middelburg: no meeting is planned (meet-plan plans one)" \
    "  the diagnostic"

done_testing
