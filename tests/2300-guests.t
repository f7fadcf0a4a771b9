#!/bin/sh
# meet-minutes: guests at the table (issue 20, 3).  The mayor, the beat
# officer, a youth worker: minutes name them by role or organisation,
# count them apart from the members, never make them chair and never
# look them up as members; a member's alias or real name written as a
# guest is refused with file:line and nothing stored.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20

cat >"$T/kickoff.yaml" <<'YAML'
date: 2027-02-09
chair: A02
present: [A01, A02, A03, P01, M01]
excused: [A04]
guests:
  - role: mayor
    organisation: Gemeente Middelburg
  - role: beat officer
  - organisation: Stichting Jeugdwerk Walcheren
YAML
run meet-minutes -f csv "$T/kickoff.yaml"
is "$rc" 0 "minutes with three guests are recorded"
# 15 members: 5 present, 1 excused, 9 absent; the guests apart.
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p)" "1,2027-02-09,added,5,1,9,3,0,0,1" \
    "the summary counts 3 guests apart from 5 present, 1 excused, 9 absent"
is "$(q "SELECT count(*) FROM attendance WHERE meeting_id = 1")" 15 \
    "attendance holds the 15 members only"
is "$(q "SELECT coalesce(role, '-') || '|' || coalesce(organisation, '-') FROM guest WHERE meeting_id = 1 ORDER BY id")" \
    "mayor|Gemeente Middelburg
beat officer|-
-|Stichting Jeugdwerk Walcheren" "each guest stored with role and organisation"

run meet-minutes -l -m 1
is "$(printf '%s\n' "$out" | sed -n '/^guests:/,/^themes:/p')" "guests:
- role: mayor
  organisation: Gemeente Middelburg
- role: beat officer
- organisation: Stichting Jeugdwerk Walcheren
themes: []" "the stored minutes list the guests as records"

# What -l prints is read back unchanged: replacing with it changes nothing.
printf '%s\n' "$out" >"$T/back.yaml"
before=$(dbdump)
run meet-minutes -q -r "$T/back.yaml"
is "$rc" 0 "the minutes as printed are read back"
is "$(q "SELECT count(*) FROM guest")" 3 "  and the guests stay three"

run meet-minutes -l -m 1 -f text
like "$(printf '%s\n' "$out" | tr '\n' ' ' | tr -s ' ')" "Guests \(3\): mayor \(Gemeente Middelburg\), beat officer, Stichting Jeugdwerk Walcheren Themes" \
    "the printed minutes list the guests after the members, counted"
like "$out" "^Present \(5\): +A01 A02 A03 M01 P01$" "  the members present apart"
run dutch meet-minutes -l -m 1 -f text
like "$out" "^Gasten \(3\): +mayor \(Gemeente Middelburg\)" "the Dutch printout says Gasten"

# Replaced minutes with one guest keep one.
sed '/beat officer/d; /organisation: Stichting/d' "$T/kickoff.yaml" >"$T/one.yaml"
run meet-minutes -q -r "$T/one.yaml"
is "$rc" 0 "minutes replaced with one guest"
is "$(q "SELECT count(*) FROM guest WHERE meeting_id = 1")" 1 "  one guest is left"

# Minutes without guests: none, and the summary says 0.
printf 'date: 2027-04-14\npresent: [A01, P01]\n' >"$T/none.yaml"
run meet-minutes -f csv "$T/none.yaml"
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 2p)" "2,2027-04-14,added,2,0,13,0,0,0,1" \
    "no guests: 0"
run meet-minutes -l -m 2
unlike "$out" "guests" "  and the stored minutes have no guests field"

# Bad input: file:line: field: what, exit 65, nothing stored.
before=$(dbdump)
while IFS='|' read -r name line field guests msg; do
	printf 'date: 2027-06-15\nchair: A01\npresent: [A01, P01]\n%b\n' \
	    "$guests" >"$T/$name.yaml"
	run meet-minutes "$T/$name.yaml"
	is "$rc" 65 "$name: exit 65"
	is "$errout" "meet-minutes: $T/$name.yaml:$line: $field: $msg" \
	    "$name: the diagnostic"
done <<'CASES'
member-alias|5|role|guests:\n  - role: A03|A03 is a member: list members under present, guests by role or organisation
member-name|5|role|guests:\n  - role: mayor Fatima el Idrissi|holds the name of member A01; minutes are about developments, not persons: write A01 instead (or record with --allow-names)
name-in-org|6|organisation|guests:\n  - role: expert\n    organisation: Hakan Yildiz Consultancy|holds the name of member A04; minutes are about developments, not persons: write A04 instead (or record with --allow-names)
empty-guest|5|role|guests:\n  - role: ""|missing: the guest's role (mayor, beat officer ...) or organisation
unknown-field|5|name|guests:\n  - name: Jan|unknown field (a guest has: role, organisation)
not-records|4|guests|guests: mayor|expected a list of records (field: value)
CASES
printf 'date: 2027-06-15\npresent: [A01, mayor]\n' >"$T/present.yaml"
run meet-minutes "$T/present.yaml"
is "$rc" 65 "a guest in present: exit 65"
is "$errout" "meet-minutes: $T/present.yaml:2: present: mayor is no member of network Middelburg (a guest goes under guests, by role or organisation)" \
    "  the diagnostic says where a guest goes"
is "$(dbdump)" "$before" "nothing stored by any of them"

# A guest never chairs.
printf 'date: 2027-06-15\nchair: mayor\npresent: [A01, P01]\nguests:\n  - role: mayor\n' >"$T/chair.yaml"
run meet-minutes "$T/chair.yaml"
is "$rc" 65 "a guest as chair is refused"
is "$errout" "meet-minutes: $T/chair.yaml:2: chair: mayor is no member of network Middelburg" \
    "  the chair is a member's alias"

done_testing
