#!/bin/sh
# meet-minutes -y, -Y, -c and the agenda (issue 20, 4): who comes to
# dinner.  The replies of the members, a later one replacing the earlier;
# the headcount and the diets on the agenda and in the caterer's note,
# hand-counted; a diet never beside an alias, no name anywhere; bad input
# refused with file:line and nothing stored; erasure and encryption.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
q "INSERT INTO meeting (id, network_id, date, time, location, meal, status, uid, created, updated)
VALUES (1, 1, '2027-01-10', '18:00', 'Stadhuis', 1, 'held', 'm1@t', '2027-01-01', '2027-01-01'),
       (2, 1, '2027-02-09', '18:00', 'Politiebureau Middelburg', 1, 'planned', 'm2@t', '2027-01-01', '2027-01-01'),
       (3, 1, '2027-03-09', '18:00', 'Stadhuis', 1, 'cancelled', 'm3@t', '2027-01-01', '2027-01-01'),
       (4, 1, '2027-04-14', '18:00', 'Stadhuis', 1, 'planned', 'm4@t', '2027-01-01', '2027-01-01')"
export ALLY_TODAY=2027-01-15

# Meeting 2 (the next; no meeting given means it): A01, A02 (and one
# along), A04, P01 (and one along), A05 and A06 come; A03 does not.  A06
# first said no and then yes: the later reply counts.  A07 replies to
# meeting 4, which is not counted for 2.
cat >"$T/replies.yaml" <<'YAML'
- alias: A01
  answer: yes
  diet: halal
- alias: A02
  answer: yes
  along: 1
  diet: Vegetarian, no nuts
- alias: A03
  answer: no
- meeting: 2
  alias: A04
  answer: yes
  diet: halal
- alias: P01
  answer: yes
  along: 1
- alias: A05
  answer: yes
  diet: vegetarian
- alias: A06
  answer: no
- alias: A06
  answer: yes
  diet: " Halal "
- meeting: 4
  alias: A07
  answer: yes
  diet: kosher
YAML
run meet-minutes -y -f csv "$T/replies.yaml"
is "$rc" 0 "nine replies recorded"
is "$(printf '%s\n' "$out" | tr -d '\r')" "id,line,change
1,1,added
2,4,added
3,8,added
4,10,added
5,14,added
6,17,added
7,20,added
7,22,updated
8,25,added" "A06's second reply updates the first"
run meet-minutes -Y -f csv
is "$(printf '%s\n' "$out" | tr -d '\r')" "network,meeting,alias,answer,along
Middelburg,2,A01,yes,0
Middelburg,2,A02,yes,1
Middelburg,2,A03,no,0
Middelburg,2,A04,yes,0
Middelburg,2,A05,yes,0
Middelburg,2,A06,yes,0
Middelburg,2,P01,yes,1
Middelburg,4,A07,yes,0" "the listing: no diet column"
unlike "$out" "halal|vegetarian|kosher|nuts" "  and no diet in it"

# By hand: 6 members say yes for meeting 2, 2 come along: 8 at the
# table; 1 no (A03); 15 active members, 7 replied: 8 not yet.  Diets of
# those coming: halal A01 A04 A06 = 3, vegetarian A02 A05 = 2, no nuts
# A02 = 1 (A07's kosher is for meeting 4).
run meet-minutes -a -f yaml
is "$(printf '%s\n' "$out" | grep -E '^(coming|along|headcount|declined|unanswered):' | tr '\n' ' ')" \
    "coming: 6 along: 2 headcount: 8 declined: 1 unanswered: 8 " "the agenda's counts"
is "$(printf '%s\n' "$out" | sed -n '/^diets:/,/^[a-z]/p' | grep -E 'diet:|count:' | tr '\n' ' ' | tr -s ' ')" \
    "- diet: halal count: 3 - diet: vegetarian count: 2 - diet: no nuts count: 1 " \
    "  its diets, most first, without an alias"
run meet-minutes -a
like "$out" "Expected: +8 \(6 members, 2 coming along\)" "the printed agenda: the headcount"
like "$out" "Replies: +6 yes, 1 no, 8 not yet" "  the replies"
like "$out" "Diets: +halal 3, vegetarian 2, no nuts 1" "  the diets as counts"
like "$out" "Excused \(1\): +A03" "  who excused themselves"
is "$(printf '%s\n' "$out" | grep -E 'halal|vegetarian' | grep -cE '[APM][0-9][0-9]')" 0 \
    "  no alias on a line with a diet"

# The caterer's note: the count and the diets, nothing else.
run meet-minutes -c
is "$rc" 0 "the caterer's note"
like "$out" "People: +8" "  eight people"
like "$out" "Diets: +halal 3, vegetarian 2, no nuts 1" "  the diets"
like "$out" "Tuesday 9 February 2027, 18:00" "  the date"
# Every alias, name and family name of the fixture, and the themes' words.
grep -E '^- name:' "$EXAMPLES/members.yaml" | sed 's/^- name: //' >"$T/names"
sed 's/.* //' "$T/names" >>"$T/names"
check_clean() {
	is "$(printf '%s\n' "$1" | grep -cE '\b[APM][0-9]{2}\b')" 0 "$2: no alias"
	is "$(printf '%s\n' "$1" | grep -ciF -f "$T/names")" 0 "$2: no member's name"
	is "$(printf '%s\n' "$1" | grep -ciE 'Middelburg|radicali|polari|tension')" 0 \
	    "$2: no network, no theme"
}
check_clean "$(printf '%s\n' "$out" | grep -v '^Venue:')" "the caterer's note"
run meet-minutes -c -f mail --to catering@example.org
is "$rc" 0 "the caterer's note as a mail"
printf '%s\n' "$out" >"$T/caterer.eml"
is "$(python3 - "$T/caterer.eml" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
assert not m.defects, m.defects
body = m.get_body(('plain',)).get_content()
print(m['To'], '|', m['Subject'], '|', 'People:  8' in body, '|',
      'halal 3, vegetarian 2, no nuts 1' in body)
PY
)" "catering@example.org | Dinner on 2027-02-09 at 18:00: 8 people | True | True" \
    "  parsed by Python's email: to, subject, count and diets"
check_clean "$(grep -v '^Venue:' "$T/caterer.eml" | grep -v '^Message-ID:')" "the caterer's mail"
run meet-minutes -c -f roff
like "$out" "halal 3, vegetarian 2, no nuts 1" "the caterer's note in print"
run meet-minutes -c -f csv
is "$rc" 64 "the caterer's note is no csv"
run dutch meet-minutes -c
like "$out" "^Maaltijd: het aantal personen en hun diëten" "in Dutch: the caterer's note"
like "$out" "Personen: +8" "  the count"
like "$out" "Diëten: +halal 3, vegetarian 2, no nuts 1" "  the diets"
like "$out" "dinsdag 9 februari 2027, 18:00" "  the date"
run dutch meet-minutes -a
like "$out" "Verwacht: +8 \(6 leden, 2 die meekomen\)" "in Dutch: the agenda's headcount"
like "$out" "Antwoorden: +6 ja, 1 nee, 8 nog niet" "  the replies"
printf 'alias: A08\nanswer: yes\nalong: -1\n' >"$T/nl.yaml"
run dutch meet-minutes -y "$T/nl.yaml"
is "$errout" "meet-minutes: $T/nl.yaml:3: along: -1 is kleiner dan nul: along is het aantal mensen dat met het lid meekomt (0 tot en met 20)" \
    "in Dutch: a number below zero"

# A later reply replaces: A02 cannot come after all.  Now 5 members,
# 1 along (P01's): 6; A02 and A03 said no; A02's diets no longer count.
printf 'alias: A02\nanswer: no\n' >"$T/later.yaml"
run meet-minutes -y -f csv "$T/later.yaml"
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p)" "2,1,updated" "A02's later reply updates the earlier"
run meet-minutes -a
like "$out" "Expected: +6 \(5 members, 1 coming along\)" "the headcount follows"
like "$out" "Diets: +halal 3, vegetarian 1$" "  and the diets"
like "$out" "Excused \(2\): +A02 A03" "  and who excused themselves"
is "$(q "SELECT count(*) FROM reply")" 8 "one reply per member and meeting"
# The listing fed back changes nothing.
meet-minutes -Y >"$T/list.yaml"
run meet-minutes -y -f csv "$T/list.yaml"
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -c ',unchanged$')" 8 "the listing fed back: 8 unchanged"
is "$(q "SELECT count(*) FROM reply WHERE diet IS NOT NULL")" 6 "  the diets kept"

# Bad input: each refused with file:line, exit 65, nothing stored.
before=$(dbdump)
while IFS='|' read -r name rec line field msg; do
	printf '%b\n' "$rec" >"$T/$name.yaml"
	run meet-minutes -y "$T/$name.yaml"
	is "$rc" 65 "$name: exit 65"
	is "$errout" "meet-minutes: $T/$name.yaml:$line: $field: $msg" "$name: the diagnostic"
done <<'CASES'
unknown-alias|alias: A99\nanswer: yes|1|alias|no member A99 in network Middelburg
held|meeting: 1\nalias: A08\nanswer: yes|1|meeting|meeting 1 of 2027-01-10 is held: a reply is for a planned meeting
cancelled|meeting: 3\nalias: A08\nanswer: no|1|meeting|meeting 3 of 2027-03-09 is cancelled: a reply is for a planned meeting
no-meeting|meeting: 9\nalias: A08\nanswer: yes|1|meeting|no meeting 9 in network Middelburg
not-an-id|meeting: next\nalias: A08\nanswer: yes|1|meeting|'next' is not a meeting id
below-zero|alias: A08\nanswer: yes\nalong: -2|3|along|-2 is below zero: along is how many people come with the member (0 to 20)
too-many|alias: A08\nanswer: yes\nalong: 30|3|along|'30' is not a number of people from 0 to 20
names|alias: A08\nanswer: yes\ndiet: what Hakan Yildiz eats|3|diet|names a member; a diet says what is eaten, never who eats it
no-answer|alias: A08|1|answer|empty; yes (comes) or no (excused)
bad-answer|alias: A08\nanswer: maybe|2|answer|'maybe' is not one of: yes, no
no-alias|answer: yes|1|alias|empty; a reply needs the alias of the member
unknown-field|alias: A08\nanswer: yes\nfood: fish|3|food|unknown field (a reply has: network, meeting, alias, answer, along, diet)
too-long|alias: A08\nanswer: yes\ndiet: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|3|diet|too long (at most 100 bytes)
CASES
# A good reply before a bad one: neither is stored.
printf -- '- alias: A09\n  answer: yes\n  diet: halal\n- alias: A10\n  answer: yes\n  along: -1\n' >"$T/mixed.yaml"
run meet-minutes -y "$T/mixed.yaml"
is "$rc" 65 "a good reply, then one below zero: exit 65"
is "$errout" "meet-minutes: $T/mixed.yaml:6: along: -1 is below zero: along is how many people come with the member (0 to 20)" \
    "  the second one's diagnostic"
# A reply to a meeting that has passed (held, its minutes not yet in).
printf 'meeting: 2\nalias: A08\nanswer: yes\n' >"$T/passed.yaml"
ALLY_TODAY=2027-02-10 run meet-minutes -y "$T/passed.yaml"
is "$errout" "meet-minutes: $T/passed.yaml:1: meeting: meeting 2 of 2027-02-09 has passed: a reply is for a meeting still to come" \
    "a meeting passed: refused"
run meet-minutes -y -N "$T/later.yaml"
is "$rc" 0 "a dry run"
is "$(dbdump)" "$before" "nothing stored by any of them"

# Erasure of a member clears their diets (A01 leaves and is erased).
printf 'alias: A01\nstatus: left\nleft: 2027-01-15\n' | ally-add -q
run ally-add -E A01
is "$rc" 0 "A01 erased"
is "$(q "SELECT coalesce(diet, '-') FROM reply WHERE person_id = (SELECT id FROM person WHERE alias = 'A01')")" "-" \
    "  the diet of A01's reply is cleared"
is "$(q "SELECT count(*) FROM reply WHERE diet IS NOT NULL")" 5 "  the others' diets stay"

# Encrypted: the diets are sealed like the identities, and counted.
KEY="$XDG_CONFIG_HOME/ally/Middelburg.key"
run ally-add -k file
is "$rc" 0 "the network encrypted"
is "$(q "SELECT count(*) FROM reply WHERE diet LIKE '%halal%' OR diet LIKE '%vegetarian%'")" 0 \
    "the diets stored as ciphertext"
run meet-minutes -a
like "$out" "Diets: +halal 2, vegetarian 1$" "  and counted with the key"
run ally-add -k rotate
is "$rc" 0 "the key rotated"
run meet-minutes -c
like "$out" "Diets: +halal 2, vegetarian 1$" "  still counted after the rotation"
printf 'alias: A05\nanswer: yes\ndiet: vegan\n' | meet-minutes -y -q
is "$(q "SELECT count(*) FROM reply WHERE diet = 'vegan'")" 0 "a new diet is sealed"
run meet-minutes -c
like "$out" "Diets: +halal 2, vegan 1$" "  and counted"

done_testing
