#!/bin/sh
# meet-minutes: minutes are about developments, not persons.  Text that
# holds a member's name (whole, or the family name; any case, with or
# without accents) is refused with the alias to use, never the name;
# --allow-names lets it through and that is written down.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20

# minutes FIELD TEXT: minutes of 2027-10-12 with TEXT in one field.
minutes() {
	case $1 in
	summary) printf 'date: 2027-10-12\npresent: [A01, P01]\nthemes:\n  - theme: trust\n    tension: 1\n    summary: "%s"\n' "$2" ;;
	title) printf 'date: 2027-10-12\npresent: [A01, P01]\nactions:\n  - title: "%s"\n    party: police\n    owner: P01\n    due: 2027-11-01\n' "$2" ;;
	note) printf 'date: 2027-10-12\npresent: [A01, P01]\nactions:\n  - title: Talk\n    party: police\n    owner: P01\n    due: 2027-11-01\n    note: "%s"\n' "$2" ;;
	notes) printf 'date: 2027-10-12\npresent: [A01, P01]\nnotes: |\n  First line.\n  %s\n' "$2" ;;
	esac >"$T/m.yaml"
}

# Every member's name and family name, to show they are never printed.
sed -n 's/^- name: //p' "$EXAMPLES/members.yaml" >"$T/names"
sed 's/^[^ ]* //' "$T/names" >>"$T/names"

# A diagnostic names the line of the field; in a block of text, the
# line where the block begins.
before=$(dbdump)
while IFS='|' read -r field line alias text; do
	minutes "$field" "$text"
	run meet-minutes "$T/m.yaml"
	is "$rc" 65 "refused: $text"
	is "$errout" "meet-minutes: $T/m.yaml:$line: $field: holds the name of member $alias; minutes are about developments, not persons: write $alias instead (or record with --allow-names)" \
	    "  the line, the field and the alias $alias"
	is "$(printf '%s\n' "$errout" | grep -c -i -F -f "$T/names")" 0 \
	    "  never the name itself"
done <<'CASES'
summary|6|A01|Fatima el Idrissi spoke for the women's group
summary|6|A01|We asked Mrs El-Idrissi to explain
summary|6|A04|YILDIZ's shop had its windows broken
summary|6|A04|the shop of Hakan Yildiz
summary|6|A03|zoe lambrechts
summary|6|P02|Talk with Van Oosten first
title|4|A09|Ask mevrouw de Buck about the food bank
title|4|M01|Vermeulen will write the letter
note|8|A06|Martina knows the youngsters
notes|3|P01|Dekker (police chief) explained the policy.
CASES
is "$(dbdump)" "$before" "nothing written for any of them"

# Words that are part of a name are not names: the given name alone, the
# bare core of a family name with particles, a name inside a word.
while read -r text; do
	minutes summary "$text"
	run meet-minutes -N -q "$T/m.yaml"
	is "$rc" 0 "passes: $text"
done <<'CASES'
In het oosten van de wijk is het rustig
Fatima and Noor are common names here
Buck up, said the chair
Dekkerstraat residents complain about noise
CASES

# Let through, and written down: on the meeting and in the audit log.
minutes summary "Fatima el Idrissi and the Yildiz family asked for a talk"
run meet-minutes -q --allow-names "$T/m.yaml"
is "$rc" 0 "--allow-names lets names through"
is "$errout" "meet-minutes: 2 member names let through (--allow-names); the meeting and the audit log say so" \
    "and says so"
is "$(q "SELECT name_override FROM meeting WHERE date = '2027-10-12'")" "2027-11-20 $(id -un): A01 A04" \
    "the meeting records when, by whom, and whose names"
is "$(q "SELECT command, network, what, count FROM audit WHERE command LIKE 'meet-minutes%' AND kind = 'names'")" \
    "meet-minutes --allow-names|Middelburg|member names let through in minutes|2" "the audit log too"
run meet-minutes -l -m 2027-10-12 -f text
like "$out" "recorded with --allow-names" "the minutes as text warn the reader"
run meet-minutes -l -m 2027-10-12
unlike "$out" "name_override" "the records carry no override field"
# Recorded anew without names, the override is gone.
minutes summary "Trust in the police is growing"
run meet-minutes -q -r "$T/m.yaml"
is "$(q "SELECT name_override IS NULL FROM meeting WHERE date = '2027-10-12'")" 1 \
    "minutes replaced without names carry no override"
done_testing
