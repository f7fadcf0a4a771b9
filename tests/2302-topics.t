#!/bin/sh
# meet-minutes -t, -T and the agenda (issue 20, 2): topics the members
# propose for the next meeting or for later; the agenda lists them with
# who proposed them; they carry over until minutes mark them discussed.
# Bad input refused with file:line and nothing stored.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
# Three meetings planned in the first half of 2027, one cancelled.
q "INSERT INTO meeting (id, network_id, date, time, status, uid, created, updated)
VALUES (1, 1, '2027-02-09', '18:00', 'planned', 'm1@t', '2027-01-01', '2027-01-01'),
       (2, 1, '2027-04-14', '18:00', 'planned', 'm2@t', '2027-01-01', '2027-01-01'),
       (3, 1, '2027-05-20', '18:00', 'cancelled', 'm3@t', '2027-01-01', '2027-01-01'),
       (4, 1, '2027-06-16', '18:00', 'planned', 'm4@t', '2027-01-01', '2027-01-01')"
export ALLY_TODAY=2027-01-15

cat >"$T/topics.yaml" <<'YAML'
- proposed_by: A03
  topic: the youth centre's opening hours
- proposed_by: P01
  topic: the new policy on fireworks
  for: 2
- proposed_by: M01
  topic: a visit to the mosque
  for: later
- proposed_by: A07
  topic: loneliness among the elderly
YAML
run meet-minutes -t -f csv "$T/topics.yaml"
is "$rc" 0 "four topics proposed"
is "$(printf '%s\n' "$out" | tr -d '\r')" "id,line,change
1,1,added
2,3,added
3,6,added
4,9,added" "a result per topic"
run meet-minutes -T -f csv
is "$(printf '%s\n' "$out" | tr -d '\r')" "id,network,proposed_by,topic,for,status
1,Middelburg,A03,the youth centre's opening hours,1,proposed
2,Middelburg,P01,the new policy on fireworks,2,proposed
3,Middelburg,M01,a visit to the mosque,later,proposed
4,Middelburg,A07,loneliness among the elderly,1,proposed" \
    "without for, the next planned meeting (1); later stays later"

# The agenda of meeting 1: topics 1 and 4 (for it); 3 waits for later;
# 2 is for meeting 2.
run meet-minutes -a -f yaml
is "$(printf '%s\n' "$out" | sed -n '/^topics:/,$p' | grep -E '^- id|topics_later')" "- id: 1
- id: 4
topics_later: 1" "the agenda of meeting 1: topics 1 and 4, one for later"
run meet-minutes -a
like "$out" "Topics from the members \(2\)" "the printed agenda lists two topics"
like "$out" "Proposed for later: 1" "  and says one waits for later"

# Meeting 1 discusses topics 4 and 3 (the later one, early); 1 carries over.
printf 'meeting: 1\npresent: [A01, A03, P01, M01]\ntopics: [4, 3]\n' >"$T/m1.yaml"
ALLY_TODAY=2027-02-10 run meet-minutes -q "$T/m1.yaml"
is "$rc" 0 "the minutes of meeting 1 mark two topics discussed"
is "$(q "SELECT id || ':' || status || ':' || coalesce(meeting_id, '-') FROM topic ORDER BY id" | tr '\n' ' ')" \
    "1:proposed:1 2:proposed:2 3:discussed:1 4:discussed:1 " \
    "  4 and 3 discussed at meeting 1; 1 still proposed"
ALLY_TODAY=2027-03-01 run meet-minutes -a -f yaml
is "$(printf '%s\n' "$out" | sed -n '/^topics:/,$p' | grep -E '^- id|carried|topics_later' | tr '\n' ' ')" \
    "- id: 1   carried: 'yes' - id: 2   carried: 'no' " \
    "the agenda of meeting 2: 1 carried over first, then 2; none for later"
ALLY_TODAY=2027-03-01 run meet-minutes -a
like "$out" "the youth centre's opening hours \(carried over from meeting 1\)" \
    "  the print says it was carried over"

# Meeting 2 is held without discussing them: both carry over to
# meeting 4 (3 is cancelled).
printf 'meeting: 2\npresent: [A01, P01]\n' >"$T/m2.yaml"
ALLY_TODAY=2027-04-15 meet-minutes -q "$T/m2.yaml"
ALLY_TODAY=2027-04-15 run meet-minutes -a -f yaml
is "$(printf '%s\n' "$out" | sed -n 's/^meeting: //p')" 4 "the next meeting is 4"
is "$(printf '%s\n' "$out" | grep -c "carried: 'yes'")" 2 "  both topics carried over to it"

# Feeding the list back changes nothing; a topic may be dropped.
ALLY_TODAY=2027-04-15 meet-minutes -T >"$T/list.yaml"
ALLY_TODAY=2027-04-15 run meet-minutes -t -f csv "$T/list.yaml"
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -c ',unchanged$')" 4 "the list fed back: 4 unchanged"
printf 'id: 2\nstatus: dropped\n' >"$T/drop.yaml"
ALLY_TODAY=2027-04-15 run meet-minutes -t -f csv "$T/drop.yaml"
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p)" "2,1,updated" "topic 2 dropped"
ALLY_TODAY=2027-04-15 run meet-minutes -a -f yaml
is "$(printf '%s\n' "$out" | grep -c '^- id')" 1 "  and off the agenda"

# Bad input.
export ALLY_TODAY=2027-04-15
before=$(dbdump)
while IFS='|' read -r name rec line field msg; do
	printf '%b\n' "$rec" >"$T/$name.yaml"
	run meet-minutes -t "$T/$name.yaml"
	is "$rc" 65 "$name: exit 65"
	is "$errout" "meet-minutes: $T/$name.yaml:$line: $field: $msg" "$name: the diagnostic"
done <<'CASES'
held|proposed_by: A02\ntopic: the market\nfor: 1|3|for|meeting 1 of 2027-02-09 is held: propose the topic for a planned meeting or for later
cancelled|proposed_by: A02\ntopic: the market\nfor: 3|3|for|meeting 3 of 2027-05-20 is cancelled: propose the topic for a planned meeting or for later
no-meeting|proposed_by: A02\ntopic: the market\nfor: 99|3|for|no meeting 99 in network Middelburg
not-an-id|proposed_by: A02\ntopic: the market\nfor: soon|3|for|'soon' is neither a meeting id nor later
unknown-alias|proposed_by: A99\ntopic: the market|1|proposed_by|no member A99 in network Middelburg
no-topic|proposed_by: A02|1|topic|empty; what is the topic?
names|proposed_by: A02\ntopic: what Hakan Yildiz said|2|topic|holds the name of member A04; ally records developments, not persons: write A04 instead (or record with --allow-names)
bad-status|id: 1\nstatus: done|2|status|'done' is not one of: proposed, discussed, dropped
CASES
printf 'meeting: 2\npresent: [A01]\ntopics: [1, 2]\n' >"$T/m4.yaml"
run meet-minutes -r "$T/m4.yaml"
is "$errout" "meet-minutes: $T/m4.yaml:3: topics: topic 2 was discussed or dropped before" \
    "minutes cannot discuss a dropped topic"
printf 'meeting: 2\npresent: [A01]\ntopics: [7]\n' >"$T/m4.yaml"
run meet-minutes -r "$T/m4.yaml"
is "$errout" "meet-minutes: $T/m4.yaml:3: topics: no topic 7 in network Middelburg" \
    "nor an unknown one"
is "$(dbdump)" "$before" "nothing stored by any of them"

done_testing
