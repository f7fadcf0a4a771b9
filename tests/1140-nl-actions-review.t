#!/bin/sh
# action-track and ally-review in Dutch (issue 11): the usage, every kind
# of diagnostic, the reminder (text and mail), the reciprocity heading,
# the review report and its printed sheet against golden Dutch files; the
# records (YAML, CSV, the results of edits) byte-identical in both
# languages; exit statuses the same in both.
. "$(dirname "$0")/lib.sh"
. "$FIX/action-track/setup.sh"
NL="$TOP/tests/1140-nl-actions-review.d"

# same LABEL CMD...: the command's stdout and exit status are the same in
# English and in Dutch (machine output never changes with the language).
same() {
	_what=$1
	shift
	"$@" >"$T/en.same" 2>/dev/null
	_en=$?
	dutch "$@" >"$T/nl.same" 2>/dev/null
	_nl=$?
	is "$_nl" "$_en" "$_what: the same exit status in Dutch ($_en)"
	if [ -s "$T/en.same" ] && cmp -s "$T/en.same" "$T/nl.same"; then
		ok 0 "$_what: byte-identical in Dutch"
	else
		ok 1 "$_what: byte-identical in Dutch"
		diff "$T/en.same" "$T/nl.same" | sed -n '1,10s/^/#   /p'
	fi
}

# golden NAME CMD...: the command's stdout in Dutch against NAME.out.
golden() {
	_name=$1
	shift
	dutch "$@" >"$T/$_name" 2>"$T/$_name.err"
	is "$?" 0 "$_name: exit 0"
	diff_ok "$T/$_name" "$NL/$_name.out" "$_name: the Dutch text"
}

# unwrap: the text of a key/value block with each wrapped value on one
# line again (a continuation line is indented past the labels).
unwrap() {
	printf '%s\n' "$1" | awk '/^      / { sub(/^ +/, " "); prev = prev $0; next }
	    NR > 1 { print prev } { prev = $0 } END { print prev }'
}

# bad STATUS MESSAGE CMD...: in Dutch, the command exits STATUS (as in
# English), says MESSAGE and writes nothing.
bad() {
	_st=$1 _msg=$2
	shift 2
	before=$(dbdump)
	"$@" >/dev/null 2>&1
	_en=$?
	run dutch "$@"
	is "$rc" "$_st" "$_msg: exit $_st"
	is "$_en" "$_st" "$_msg: exit $_st in English too"
	is "$errout" "$_msg" "$_msg: the diagnostic"
	is "$(dbdump)" "$before" "$_msg: nothing written"
}

# ---- the usage ----------------------------------------------------------------
for c in action-track ally-review; do
	golden "usage-$c" $c -h
	is "$(cat "$T/usage-$c.err")" "" "$c -h: nothing on stderr"
	like "$(sed -n 1p "$T/usage-$c")" "^gebruik: $c " "$c -h: gebruik:"
done
run dutch action-track -u --remind
is "$rc" 64 "two modes: exit 64"
is "$(printf '%s\n' "$errout" | sed -n 1p)" \
    "action-track: kies één van -u, -a, --done, --drop, --reopen, --hand-over, --remind, --reciprocity, --contact, --contacts, --not-spoken" \
    "two modes: said in Dutch"
is "$(printf '%s\n' "$errout" | sed 1d)" "$(sed '/^$/,$d' "$NL/usage-action-track.out")" \
    "two modes: the Dutch usage follows"
run dutch ally-review -S -u
is "$rc" 64 "ally-review, two modes: exit 64"
is "$errout" "$(sed '/^$/,$d' "$NL/usage-ally-review.out")" \
    "ally-review, two modes: the Dutch usage"

# ---- action-track: diagnostics -----------------------------------------------
actions_db
ok $? "fixture loaded"
export ALLY_TODAY=2027-07-01
cd "$T" || exit 1

bad 64 "action-track: --status: 'finished' is niet een van open, done, dropped" \
    action-track -s finished
bad 64 "action-track: --party: 'army' is niet een van police, municipality, ally, joint" \
    action-track -p army
bad 64 "action-track: --within: '4000' is geen aantal dagen (0 tot en met 3660)" \
    action-track -w 4000
bad 64 "action-track: --due-before: '1-7-2027' is geen datum (JJJJ-MM-DD)" \
    action-track -b 1-7-2027
bad 66 "action-track: --owner: geen lid A99 in netwerk Middelburg" \
    action-track -o A99
bad 64 "action-track: --to: 'no address' is geen e-mailadres" \
    action-track --remind -f mail --to "no address"
bad 64 "action-track: --since ligt na --until" \
    action-track --reciprocity -S 2027-07-01 -U 2027-06-30
bad 64 "action-track: --done: 'x' is geen actie-id" action-track --done x
bad 65 "action-track: --done: geen actie 99 in netwerk Middelburg" \
    action-track --done 99
bad 65 "action-track: --done: status: dropped kan niet done worden (heropen de actie eerst: status open)" \
    action-track --done 6

# A record for -u or -a with one thing wrong: file:line: field: in Dutch.
n=0
# badrec STATUS MESSAGE [MODE]: the record on stdin, applied with MODE.
badrec() {
	n=$((n + 1))
	cat >"bad$n.yaml"
	bad "$1" "action-track: bad$n.yaml:$2" action-track "${3:--u}" "bad$n.yaml"
}
badrec 65 "2: colour: onbekend veld (een actie heeft: id, network, meeting, title, party, owner, due, status, closed, note, revision)" <<'X'
id: 4
colour: red
X
badrec 65 "2: title: een waarde mag niet met '=' beginnen (een spreadsheetformule)" <<'X'
id: 4
title: =SUM(A1:A9)
X
badrec 65 "1: title: een nieuwe actie heeft een titel nodig" -a <<'X'
owner: A01
due: 2027-08-01
X
badrec 65 "1: party: een nieuwe actie heeft een partij (police, municipality, ally of joint) of een eigenaar nodig" -a <<'X'
title: Meet the imam
due: 2027-08-01
X
badrec 65 "2: due: '2027-02-30' is geen datum (JJJJ-MM-DD)" <<'X'
id: 4
due: 2027-02-30
X
badrec 65 "1: id: -a voegt nieuwe acties toe; gebruik -u om actie 4 te wijzigen" -a <<'X'
id: 4
title: Again
X
badrec 65 "3: revision: actie 4 is gewijzigd nadat deze kopie werd afgedrukt (revisie 7, nu 1): druk de lijst opnieuw af en doe de bewerking nog eens" <<'X'
id: 4
title: Repair the lights
revision: 7
X

# ---- action-track: the reminder and the reciprocity heading -----------------
ALLY_TODAY=2027-07-01 action-track -q -a "$FIX/action-track/remind.yaml"
ok $? "reminder fixture loaded"
golden remind-0701 action-track --remind
run dutch action-track -d "$T/none.db" --remind
is "$rc" 66 "a missing database: exit 66 in Dutch too"
ALLY_TODAY=2027-08-01 run dutch action-track --remind -w 0
like "$out" "#8 +2027-08-01  uiterlijk vandaag  " "due today, in Dutch"
ALLY_TODAY=2027-07-31 run dutch action-track --remind -w 1
like "$out" "#8 +2027-08-01  uiterlijk morgen  Collect" "due tomorrow, in Dutch"
ALLY_TODAY=2027-08-02 run dutch action-track --remind -w 0
like "$out" "#8 +2027-08-01  1 dag verlopen  Collect" "1 day overdue, in Dutch"
like "$out" "#4 +2027-03-01  154 dagen verlopen " "154 days overdue, in Dutch"

# -f mail: the subject's value and the body in Dutch, the header names not.
action-track --remind -f mail --to coordinator@example.org >"$T/en.eml"
run dutch action-track --remind -f mail --to coordinator@example.org
is "$rc" 0 "--remind -f mail in Dutch: exit 0"
printf '%s\n' "$out" >"$T/nl.eml"
hdrs() { sed '/^$/q' "$1" | grep -o '^[A-Za-z-]*:'; }
is "$(hdrs "$T/nl.eml")" "$(hdrs "$T/en.eml")" \
    "the mail's header names are the same in Dutch"
/usr/bin/python3 - "$T/nl.eml" "$NL/remind-0701.out" >"$T/mail.check" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"),
    policy=email.policy.default)
want = open(sys.argv[2], encoding="utf-8").read()
print(m["Subject"])
print("body ok" if m.get_content() == want else "body differs")
PY
is "$(sed -n 1p "$T/mail.check")" \
    "Actiepunten van netwerk Middelburg op 2027-07-01: 2 verlopen, 2 met deadline uiterlijk 2027-07-08" \
    "the subject is the first line of the Dutch reminder"
is "$(sed -n 2p "$T/mail.check")" "body ok" "the body is the Dutch reminder"

golden reciprocity-h1 action-track --reciprocity -f text -U 2027-06-30

# ---- action-track: machine output is the same in both languages ------------
same "the list as YAML" action-track
same "the list as CSV" action-track -f csv
same "the overdue list as CSV" action-track -l -f csv
same "the reciprocity as YAML" action-track --reciprocity -U 2027-06-30
same "the reciprocity as CSV" action-track --reciprocity -f csv
action-track -f csv >list.csv
sed 's/^\(9,.*\),2027-06-01,/\1,2027-06-08,/' list.csv >edit.csv
same "the results of -u -N (YAML)" action-track -u -N edit.csv
same "the results of -u -N (CSV)" action-track -u -N -f csv edit.csv
same "the results of --done -N" action-track --done -N -f csv 11 13

# ---- ally-review: the report, the sheet, cron's line ------------------------
cd "$TOP" || exit 1
. "$FIX/ally-review/seed.sh"
seed_middelburg
ok $? "review fixture loaded"
export ALLY_TODAY=2027-06-15
golden review-report ally-review -f text
golden review-representation ally-review -r -f text -T "$FIXREV/target.yaml"
golden review-sheet ally-review -f roff -T "$FIXREV/target.yaml"
golden review-summary-sheet ally-review -S -f roff
if command -v groff >/dev/null 2>&1; then
	groff -t -ms -ww -Tpdf "$T/review-sheet" >"$T/sheet.pdf" 2>"$T/groff.err"
	is "$?" 0 "the Dutch sheet typesets"
	is "$(cat "$T/groff.err")" "" "groff -ww warns of nothing"
fi
# A network over its size with too many meetings; one with too few and
# seats nobody holds.
run dutch ally-review -S -f text -o min-size=2 -o max-size=6 -o max-meetings=5
like "$(unwrap "$out")" "^  aantal bondgenoten:  7: te groot \(minstens 2, hoogstens 6; actief 5, kandidaat 2, gepauzeerd 1\)$" \
    "a network over its size, in Dutch"
like "$(unwrap "$out")" "^  bijeenkomsten:       6 in de twaalf maanden tot en met 2027-06-15: te veel \(norm 4 tot en met 5\)$" \
    "too many meetings, in Dutch"
ally-add -q --create -n Veere "$FIXREV/stage-2027-05-01.yaml"
run dutch ally-review -S -f text -n Veere -t 2027-02-01
like "$(unwrap "$out")" "^  vacature:            politie: niemand van de politie aan tafel$" \
    "nobody of the police, in Dutch"
like "$(unwrap "$out")" "^  vacature:            gemeente: niemand van de gemeente aan tafel$" \
    "nobody of the municipality, in Dutch"
like "$(unwrap "$out")" "^  bijeenkomsten:       0 in de twaalf maanden tot en met 2027-02-01: te weinig \(norm 4 tot en met 6\)$" \
    "too few meetings, in Dutch"
like "$(unwrap "$out")" "^  laatste evaluatie:   nog geen; de volgende is gepland op 2027-12-15$" \
    "no review yet, not due, in Dutch"
export ALLY_NETWORK=Middelburg
run dutch ally-review -D -t 2027-06-15 -f yaml
is "$rc" 64 "-D with -t: usage in Dutch too"
ALLY_TODAY=2027-04-01 run dutch ally-review -D
is "$rc" 0 "-D: due, exit 0"
is "$out" "Middelburg: evaluatie nodig sinds 2027-04-01 (nog geen evaluatie gehouden)" \
    "-D: never reviewed, in Dutch"
printf 'alias,decision,reviewed\nA01,keep,2027-06-15\n' | ally-review -u -q
run dutch ally-review -S -f text
like "$(unwrap "$out")" "^  laatste evaluatie:   2027-06-15; de volgende is gepland op 2027-12-15$" \
    "the last review and the next, in Dutch"
ALLY_TODAY=2028-01-10 run dutch ally-review -S -f text
like "$(unwrap "$out")" "^  laatste evaluatie:   2027-06-15; de volgende is gepland op 2027-12-15 \(nu aan de beurt\)$" \
    "the last review, the next due now, in Dutch"
ALLY_TODAY=2027-12-15 run dutch ally-review -D
is "$out" "Middelburg: evaluatie nodig sinds 2027-12-15 (laatste evaluatie: 2027-06-15)" \
    "-D: with the last review, in Dutch"
ALLY_TODAY=2027-12-14 run dutch ally-review -D
is "$rc$out$errout" "1" "-D: not due, silent, exit 1 in Dutch too"

# ---- ally-review: diagnostics -------------------------------------------------
bad 64 "ally-review: -o color: NAAM=WAARDE verwacht" ally-review -o color
bad 64 "ally-review: -o colour: onbekende drempel (mogelijk zijn: attendance, absent-in-row, candidate-months, paused-months, min-size, max-size, min-meetings, max-meetings, review-months, cell, vetting-months, gap)" \
    ally-review -o colour=3
bad 64 "ally-review: -o cell: '0' is geen geheel getal van 1 tot en met 100" \
    ally-review -o cell=0
bad 64 "ally-review: -o gap: 'x' is geen aantal plaatsen van 0.1 tot en met 100" \
    ally-review -o gap=x
bad 64 "ally-review: -o: min-size 9 is groter dan max-size 8" \
    ally-review -o min-size=9 -o max-size=8
bad 64 "ally-review: --until: '15-06-2027' is geen datum (JJJJ-MM-DD)" \
    ally-review -t 15-06-2027
bad 64 "ally-review: --since 2027-07-01 ligt na --until" \
    ally-review -s 2027-07-01 -t 2027-06-01
bad 64 "ally-review: --reviewed 2027-06-16 ligt in de toekomst" \
    ally-review -u -R 2027-06-16 "$FIXREV/decisions-bad-decision.csv"
for f in \
    "decisions-bad-decision.csv:3: decision: 'maybe' is niet een van: keep, talk, phase-out" \
    "decisions-bad-alias.yaml:3: alias: geen lid A99 in dit netwerk" \
    "decisions-future.csv:2: reviewed: 2027-06-16 ligt in de toekomst" \
    "decisions-unknown-field.yaml:2: decison: onbekend veld (een evaluatierecord heeft: alias, role, status, status_since, meetings, present, excused, attendance, last_present, absent_in_row, last_contact, contacts, intake, vetted, contact_consent, flags, decision, reviewed, note)" \
    "decisions-twice.csv:4: decision: een tweede besluit voor A01 op 2027-06-15 (het eerste staat op regel 2)" \
    "decisions-formula.csv:2: note: een waarde mag niet met '=' beginnen (een spreadsheetformule)" \
    "decisions-no-alias.yaml:1: alias: ontbreekt: wiens besluit is het?" \
    "decisions-list.yaml:2: decision: één waarde verwacht, geen lijst"; do
	bad 65 "ally-review: $FIXREV/$f" ally-review -u "$FIXREV/${f%%:*}"
done
for f in \
    "target-bad-band.yaml:2: group: '18-24' is geen leeftijdsgroep (<25, 25-39, 40-54, 55-69, 70+)" \
    "target-bad-share.csv:3: share: 'about ten' is geen percentage van 0 tot en met 100" \
    "target-over-100.csv:3: share: de aandelen van gender tellen op tot 105.0%, meer dan 100" \
    "target-twice.yaml:5: group: Islam staat er twee keer in (eerst op regel 1)" \
    "target-unknown-field.yaml:3: percentage: onbekend veld (een streefwaarderecord heeft: dimension, group, share)" \
    "target-no-share.csv:2: share: ontbreekt; het aandeel van de groep in de bevolking, in procenten"; do
	bad 65 "ally-review: $FIXREV/$f" ally-review -r -T "$FIXREV/${f%%:*}"
done

# ---- ally-review: machine output is the same in both languages --------------
same "the member records as YAML" ally-review
same "the member records as CSV" ally-review -f csv
same "the summary as YAML" ally-review -S
same "the summary as CSV" ally-review -S -f csv
same "the representation as YAML" ally-review -r -T "$FIXREV/target.yaml"
same "the representation as CSV" ally-review -r -f csv
ally-review -f csv >"$T/review.csv"
sed 's/^\(A0[23],.*\),,,$/\1,talk,,/' "$T/review.csv" >"$T/decided.csv"
same "the results of -u -N" ally-review -u -N -f csv "$T/decided.csv"

# ---- the manuals say how the language is chosen -----------------------------
for m in action-track ally-review; do
	like "$(grep -c 'Ev LANG , LC_ALL , LC_MESSAGES' "$TOP/man/$m.1")" '^1$' \
	    "$m(1): LANG, LC_ALL and LC_MESSAGES under ENVIRONMENT"
	like "$(grep -c 'Ev ALLY_LOCALEDIR' "$TOP/man/$m.1")" '^1$' \
	    "$m(1): ALLY_LOCALEDIR under ENVIRONMENT"
	is "$(mandoc -Tlint -W warning "$TOP/man/$m.1" 2>&1)" "" \
	    "$m(1): mandoc -Tlint clean"
done

done_testing
