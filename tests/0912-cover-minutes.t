#!/bin/sh
# meet-minutes: the validation errors 0401 does not reach (the shape of
# fields, an action's every field, the chair, text too long), and the
# name check across scripts: names written in other alphabets and with
# letters that fold to two (Æ, Þ, ß, Ĳ, Œ), Romanian commas, Greek and
# Cyrillic capitals, and characters of three and four bytes.
. "$(dirname "$0")/lib.sh"

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_NETWORK=Middelburg ALLY_TODAY=2027-11-20

# refuse DESCRIPTION LINE FIELD MESSAGE: the minutes on stdin are refused
# with exactly "m.yaml:LINE: FIELD: MESSAGE", exit 65, nothing written.
refuse() {
	cat >"$T/m.yaml"
	before=$(dbdump)
	(cd "$T" && meet-minutes m.yaml) >"$T/out" 2>"$T/err"
	rc=$?
	is "$rc" 65 "$1: exit status 65"
	is "$(cat "$T/err")" "meet-minutes: m.yaml:$2: $3: $4" "$1: the diagnostic"
	is "$(cat "$T/out")$(dbdump)" "$before" "$1: nothing written"
}

refuse "a list of records for a value" 2 location \
    "expected a value, not a list of records" <<'EOF'
date: 2027-10-12
location:
  - name: Stadhuis
present: [A01, P01]
EOF
refuse "a list for a value" 2 host "expected one value, not a list" <<'EOF'
date: 2027-10-12
host: [police, ally]
present: [A01, P01]
EOF
refuse "words for themes" 3 themes \
    "expected a list of records (field: value), not of words" <<'EOF'
date: 2027-10-12
present: [A01, P01]
themes: [trust, youth]
EOF
long=$(printf '%0201d' 0 | tr 0 x)
refuse "a location over 200 characters" 2 location "too long" <<EOF
date: 2027-10-12
location: $long
present: [A01, P01]
EOF
refuse "a meeting id that is no number" 1 meeting \
    "'twelve' is not a meeting id" <<'EOF'
meeting: twelve
present: [A01, P01]
EOF
refuse "a chair that is no alias" 3 chair "'A01 P01' is not an alias" <<'EOF'
date: 2027-10-12
present: [A01, P01]
chair: A01 P01
EOF
refuse "a theme without its word" 4 theme "missing: radicalisation, \
polarisation, nuisance, poverty, youth, safety, trust or another word" <<'EOF'
date: 2027-10-12
present: [A01, P01]
themes:
  - tension: 2
EOF
# An action: every field checked in turn.
action() {
	printf 'date: 2027-10-12\npresent: [A01, P01]\nactions:\n  - %s\n' "$1"
	shift
	printf '    %s\n' "$@"
}
action 'id: seven' 'title: Talk' >"$T/in"
refuse "an action id that is no number" \
    4 id "'seven' is not an action id" <"$T/in"
action 'party: police' >"$T/in"
refuse "an action without a title" 4 title \
    "missing: what will be done" <"$T/in"
action 'title: Talk' 'owner: P01' >"$T/in"
refuse "an action without a party" 4 \
    party "missing: police, municipality, ally or joint" <"$T/in"
action 'title: Talk' 'party: ally' 'owner: P01' 'due: 2027-11-01' >"$T/in"
refuse "police staff owning an ally's action" 6 owner \
    "P01 is police staff, but the party is ally (joint, if it is shared)" <"$T/in"
action 'title: Talk' 'party: police' 'owner: P01' 'due: soon' >"$T/in"
refuse "a due date that is no date" 7 due \
    "'soon' is not a date (YYYY-MM-DD)" <"$T/in"
action 'title: Talk' 'party: police' 'owner: P01' 'due: 2027-11-01' \
    'status: finished' >"$T/in"
refuse "an unknown status" 8 status \
    "'finished' is not one of: open, done, dropped" <"$T/in"
action 'title: Talk' 'party: police' 'owner: P01' 'due: 2027-11-01' \
    'status: done' 'closed: yesterday' >"$T/in"
refuse "a closing date that is no date" \
    9 closed "'yesterday' is not a date (YYYY-MM-DD)" <"$T/in"
action 'title: Talk' 'party: police' 'owner: P01' 'due: 2027-11-01' \
    'status: done' 'closed: 2027-12-01' >"$T/in"
refuse "closed in the future" 9 \
    closed "2027-12-01 is in the future" <"$T/in"

# An empty chair is no chair; the minutes are recorded.
printf 'date: 2027-10-12\npresent: [A01, P01]\nchair:\n' >"$T/m.yaml"
run meet-minutes -q "$T/m.yaml"
is "$rc" 0 "an empty chair: recorded"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM meeting WHERE date = '2027-10-12' AND chair_id IS NULL")" 1 \
    "  without a chair"

# Listing a meeting that is not there.
run meet-minutes -l -m 999
is "$rc" 66 "-l -m: no such meeting is missing input"
is "$errout" "meet-minutes: no minutes of meeting 999 in network Middelburg" "  saying so"

# ---- names in many scripts ------------------------------------------------
ally-add -q <<'EOF'
- name: Æsa Þórsdóttir
  role: police
- name: Hans Strauß
  role: police
- name: Ĳsbrand Ĳzerman
  role: police
- name: Chloé Cœurdevey
  role: police
- name: Ștefan Țurcanu
  role: police
- name: Ελένη ΜΑΡΚΟΥ
  role: police
- name: Олег Ёлкин
  role: police
- name: Li 王芳
  role: police
- name: Tarō 𠮷田
  role: police
EOF
is "$?" 0 "members with names in many scripts added"
alias_of() {
	sqlite3 "$ALLY_DB" "SELECT alias FROM person WHERE name = '$1'"
}
n=0
while IFS='|' read -r name text; do
	n=$((n + 1))
	a=$(alias_of "$name")
	printf 'date: 2027-09-14\npresent: [A01, P01]\nnotes: "%s"\n' \
	    "$text" >"$T/n.yaml"
	run meet-minutes -N "$T/n.yaml"
	is "$rc" 65 "refused: '$text' names $a"
	like "$errout" "n.yaml:3: notes: holds the name of member $a;" \
	    "  with the alias $a"
done <<'CASES'
Æsa Þórsdóttir|Aesa THORSDOTTIR came late
Hans Strauß|Strauss explained it
Ĳsbrand Ĳzerman|mr IJzerman
Chloé Cœurdevey|the Coeurdevey family
Ștefan Țurcanu|TURCANU and his brother
Ελένη ΜΑΡΚΟΥ|η κυρία Μαρκου
Олег Ёлкин|ЁЛКИН сказал
Li 王芳|王芳 spoke
Tarō 𠮷田|𠮷田 agreed
CASES
is "$n" 9 "every script tried"
# The same letters in other words pass.
printf 'date: 2027-09-14\npresent: [A01, P01]\nnotes: "%s"\n' \
    "Strausberg, Coeur, Ёлка, 王, 田中 and ΜΑΡΚΟΣ are no members" >"$T/n.yaml"
run meet-minutes -N "$T/n.yaml"
is "$rc" 0 "parts and neighbours of names pass"
done_testing
