#!/bin/sh
# meet-minutes in Dutch (issue 11): the usage, the diagnostics of the
# options and of the minutes check, and the minutes and the agenda as
# text, mail and print, against golden Dutch files; the weekday in Dutch;
# the same exit status in both languages, nothing written by a refused
# record; and machine output (YAML, CSV, the text table of a view, the
# report of recording) byte-identical in English and Dutch.
. "$(dirname "$0")/lib.sh"
MM="$FIX/meet-minutes"
NL="$TOP/tests/1110-nl-minutes.d"

q() { sqlite3 "$ALLY_DB" "$1"; }

# decoded MESSAGE: its subject, a blank line and its text part decoded,
# as Python's email package reads them.
decoded() {
	/usr/bin/python3 -c '
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"),
                                   policy=email.policy.default)
sys.stdout.write(str(m["Subject"]) + "\n\n" +
                 m.get_body(("plain",)).get_content())' "$1"
}

# same WHAT ARGS...: meet-minutes ARGS in English and in Dutch: the same
# standard output, the same exit status.
same() {
	what=$1
	shift
	meet-minutes "$@" >"$T/en.out" 2>/dev/null
	en=$?
	dutch meet-minutes "$@" >"$T/nl.out" 2>/dev/null
	is "$?" "$en" "$what: the same exit status in Dutch"
	cmp -s "$T/en.out" "$T/nl.out"
	is "$?" 0 "$what: byte-identical in Dutch"
}

# ---- the usage -------------------------------------------------------------
run dutch meet-minutes -h
is "$rc" 0 "-h in Dutch: exit 0"
printf '%s\n' "$out" >"$T/usage.out"
diff_ok "$T/usage.out" "$NL/usage.out" "-h in Dutch (golden)"
run dutch meet-minutes -Z
is "$rc" 64 "an unknown option in Dutch: exit 64"
like "$errout" "^gebruik: meet-minutes \[-NqrAu\]" "and the usage in Dutch"

# ---- the diagnostics of the options ----------------------------------------
newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
: >"$T/usage-errors.out"
while read -r args; do
	# shellcheck disable=SC2086
	meet-minutes $args >/dev/null 2>&1
	en=$?
	# shellcheck disable=SC2086
	dutch meet-minutes $args >"$T/out" 2>"$T/err"
	is "$?" "$en" "meet-minutes $args: exit $en in Dutch too"
	printf '%s: %s\n' "$args" "$(head -1 "$T/err")" >>"$T/usage-errors.out"
done <<'EOF'
-l -V people
-f mail
-l -f ics
-l -f roff -V themes
-l -f mail
-a -f csv
-l -m next-week
-l -m 2020-01-01
EOF
diff_ok "$T/usage-errors.out" "$NL/usage-errors.out" \
    "the diagnostics of the options in Dutch (golden)"

# ---- the diagnostics of the minutes check ----------------------------------
# The state of 0401-meet-minutes-errors.t, which the fixtures are made
# for, and a chair planned for meeting 92.
newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
ALLY_TODAY=2026-12-15 ally-add --create -n Veere -q
printf 'alias: A20\nrole: ally\n' | ALLY_TODAY=2026-12-15 ally-add -n Veere -q
export ALLY_NETWORK=Middelburg
printf 'alias: A12\nstatus: left\nleft: 2027-01-10\n' |
    ALLY_TODAY=2027-01-10 ally-add -q
sqlite3 "$ALLY_DB" <<'SQL'
INSERT INTO meeting (id, network_id, date, time, status, uid, created, updated)
VALUES (90, 2, '2027-10-12', '18:00', 'planned', 'v90@test', '2027-01-01', '2027-01-01'),
       (91, 1, '2027-10-13', '18:00', 'cancelled', 'm91@test', '2027-01-01', '2027-01-01'),
       (92, 1, '2027-10-05', '18:00', 'planned', 'm92@test', '2027-01-01', '2027-01-01'),
       (93, 1, '2027-10-05', '20:00', 'planned', 'm93@test', '2027-01-01', '2027-01-01');
UPDATE meeting SET chair_id = (SELECT id FROM person WHERE alias = 'A02')
WHERE id = 92;
SQL
export ALLY_TODAY=2027-11-20
run meet-minutes -q "$MM/recorded.yaml"
is "$rc" 0 "the minutes the errors run against are recorded"

# Every fixture but the YAML syntax error (the message of the YAML
# reader, not of the minutes), and the cases of tests/1110-nl-minutes.d.
before=$(dbdump)
: >"$T/errors.out"
for f in "$MM"/err-*.yaml "$NL"/err-*.yaml; do
	name=$(basename "$f" .yaml)
	[ "$name" = err-yaml-syntax ] && continue
	dir=$(dirname "$f")
	(cd "$dir" && meet-minutes "$name.yaml") >/dev/null 2>"$T/en.err"
	en=$?
	(cd "$dir" && dutch meet-minutes "$name.yaml") >"$T/out" 2>"$T/err"
	rc=$?
	is "$rc" 65 "$name in Dutch: exit status 65"
	is "$en" 65 "$name in English: exit status 65 as well"
	is "$(cat "$T/out")" "" "$name in Dutch: nothing on standard output"
	is "$(dbdump)" "$before" "$name in Dutch: nothing written"
	cmp -s "$T/en.err" "$T/err"
	is "$?" 1 "$name: the diagnostic is not the English one"
	cat "$T/err" >>"$T/errors.out"
done
diff_ok "$T/errors.out" "$NL/errors.out" \
    "the diagnostics of the minutes check in Dutch (golden)"
# The file:line: field: part of a diagnostic stays as it is.
like "$(grep 'err-action-owner-role' "$T/errors.out")" \
    "^meet-minutes: err-action-owner-role.yaml:6: owner: A01 is bondgenoot, " \
    "file, line and field stay as they are"
run dutch meet-minutes -N "$MM/err-future.yaml"
is "$rc" 65 "a dry run in Dutch checks as well"
like "$errout" "ligt in de toekomst" "and says so in Dutch"
unset ALLY_NETWORK

# ---- a network without minutes; names let through --------------------------
newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
run dutch meet-minutes -a
is "$rc" 0 "the agenda of a network without minutes or a planned meeting"
printf '%s\n' "$out" >"$T/agenda-empty.out"
diff_ok "$T/agenda-empty.out" "$NL/agenda-empty.out" \
    "the agenda with nothing recorded yet, in Dutch (golden)"

cat >"$T/names.yaml" <<'EOF'
date: 2027-10-12
meal: no
present: [A01, A02]
themes:
  - theme: trust
    tension: 1
    trend: steady
    summary: Mevrouw EL IDRISSI spoke for the women's group.
EOF
before=$(dbdump)
run dutch meet-minutes -N -q -A "$T/names.yaml"
is "$rc" 0 "names let through, a dry run in Dutch"
is "$errout" "meet-minutes: 1 naam van een lid doorgelaten (--allow-names)" \
    "a dry run: one name, in Dutch"
is "$(dbdump)" "$before" "a dry run writes nothing"
run dutch meet-minutes -q -A "$T/names.yaml"
is "$rc" 0 "names let through in Dutch"
is "$errout" "meet-minutes: 1 naam van een lid doorgelaten (--allow-names); de bijeenkomst en het auditlog vermelden dat" \
    "one name let through, in Dutch"
cat >"$T/names2.yaml" <<'EOF'
date: 2027-11-02
present: [A01, A02]
notes: Joost Verhage and Fatima el Idrissi cooked.
EOF
run dutch meet-minutes -q -A "$T/names2.yaml"
is "$errout" "meet-minutes: 2 namen van leden doorgelaten (--allow-names); de bijeenkomst en het auditlog vermelden dat" \
    "two names let through, in Dutch (plural)"
user=$(id -un)
dutch meet-minutes -l -m 2027-10-12 -f text | sed "s/ $user: / USER: /" \
    >"$T/names.out"
diff_ok "$T/names.out" "$NL/names.out" \
    "minutes with a name let through and no meal, in Dutch (golden)"
dutch meet-minutes -l -m 2027-10-12 -f roff | sed "s/ $user: / USER: /" \
    >"$T/names.roff"
diff_ok "$T/names.roff" "$NL/names.roff" \
    "the same minutes for print, in Dutch (golden)"
run dutch meet-minutes -a
printf '%s\n' "$out" >"$T/agenda-calm.out"
diff_ok "$T/agenda-calm.out" "$NL/agenda-calm.out" \
    "the agenda after a calm meeting, in Dutch (golden)"

# ---- the minutes and the agenda of a year ---------------------------------
ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
meet-minutes -q "$MM/minutes-2027.yaml" >"$T/en-record.out"
is "$?" 0 "the year's minutes are recorded"
q "INSERT INTO meeting (network_id, date, time, location, host, chair_id, meal, status, uid, created, updated)
VALUES (1, '2027-12-08', '18:00', 'Stadhuis Middelburg', 'municipality',
  (SELECT id FROM person WHERE alias = 'A05'), 1, 'planned', 'next@test', '2027-11-11', '2027-11-11');
UPDATE action SET status = 'done', closed = '2027-03-20' WHERE id IN (1, 2, 3, 4, 5, 6, 7)"

run dutch meet-minutes -l -m 2027-11-10 -f text
is "$rc" 0 "the minutes as text in Dutch"
printf '%s\n' "$out" >"$T/minutes.out"
diff_ok "$T/minutes.out" "$NL/minutes.out" "the minutes as text in Dutch (golden)"
like "$out" "^Datum: +woensdag 10 november 2027, 18:00$" "the date in words, in Dutch"
run dutch meet-minutes -l -m last -f mail
is "$rc" 0 "the minutes as mail in Dutch"
printf '%s\n' "$out" >"$T/minutes.eml"
decoded "$T/minutes.eml" >"$T/minutes-mail.out"
{ printf 'Verslag van de bondgenotenbijeenkomst, netwerk Middelburg, 2027-11-10\n\n'
  cat "$NL/minutes.out"; } >"$T/minutes-mail.want"
diff_ok "$T/minutes-mail.out" "$T/minutes-mail.want" \
    "the minutes as mail in Dutch: the subject, the body the Dutch minutes"
like "$(grep -c '^Content-Transfer-Encoding: quoted-printable$' "$T/minutes.eml")" \
    '^1$' "the mail's body quoted-printable, 7-bit"
run dutch meet-minutes -l -m last -f roff
is "$rc" 0 "the minutes for print in Dutch"
printf '%s\n' "$out" >"$T/minutes.roff"
diff_ok "$T/minutes.roff" "$NL/minutes.roff" "the minutes for print in Dutch (golden)"

run dutch meet-minutes -a
is "$rc" 0 "the agenda in Dutch"
printf '%s\n' "$out" >"$T/agenda.out"
diff_ok "$T/agenda.out" "$NL/agenda.out" "the agenda as text in Dutch (golden)"
dutch meet-minutes -a -f mail >"$T/agenda.eml"
decoded "$T/agenda.eml" >"$T/agenda-mail.out"
{ printf 'Agenda van de bondgenotenbijeenkomst, netwerk Middelburg, 2027-12-08\n\n'
  cat "$NL/agenda.out"; } >"$T/agenda-mail.want"
diff_ok "$T/agenda-mail.out" "$T/agenda-mail.want" \
    "the agenda's mail: the subject in Dutch, the body the Dutch agenda"
run dutch meet-minutes -a -f roff
printf '%s\n' "$out" >"$T/agenda.roff"
diff_ok "$T/agenda.roff" "$NL/agenda.roff" "the agenda for print in Dutch (golden)"

# Nothing planned, an action added outside a meeting, a review long ago.
q "UPDATE meeting SET status = 'cancelled' WHERE status = 'planned';
INSERT INTO review (network_id, reviewed, decision) VALUES (1, '2027-01-20', 'keep')"
printf 'title: Ask the library for a room in January\nparty: municipality\nowner: M02\ndue: 2028-01-15\n' |
    ALLY_TODAY=2027-11-18 action-track -a -q
is "$?" 0 "an action added outside a meeting"
run dutch meet-minutes -a
printf '%s\n' "$out" >"$T/agenda-unplanned.out"
diff_ok "$T/agenda-unplanned.out" "$NL/agenda-unplanned.out" \
    "the agenda with nothing planned, in Dutch (golden)"
dutch meet-minutes -a -f mail >"$T/unplanned.eml"
is "$(decoded "$T/unplanned.eml" | head -1)" \
    "Agenda van de bondgenotenbijeenkomst, netwerk Middelburg, nog niet gepland" \
    "the subject with nothing planned, in Dutch"
run dutch meet-minutes -a -f roff
printf '%s\n' "$out" >"$T/agenda-unplanned.roff"
diff_ok "$T/agenda-unplanned.roff" "$NL/agenda-unplanned.roff" \
    "the agenda with nothing planned, for print in Dutch (golden)"

# ---- machine output does not change with the language ----------------------
same "the minutes as YAML" -l
same "the minutes as CSV" -l -f csv
for v in meetings attendance themes actions; do
	same "the $v view as CSV" -l -f csv -V $v
	same "the $v view as a text table" -l -f text -V $v
done
same "the agenda as YAML" -a -f yaml
same "-l -m last as YAML" -l -m last
dutch meet-minutes -l >"$T/all.yaml"
same "the report of recording (dry run, YAML)" -N -r "$T/all.yaml"
same "the report of recording (dry run, CSV)" -N -r -f csv "$T/all.yaml"
same "the report of recording (dry run, text)" -N -r -f text "$T/all.yaml"
dutch meet-minutes -q -r "$T/all.yaml"
is "$?" 0 "minutes printed in Dutch are taken back"
meet-minutes -l >"$T/again.yaml"
diff_ok "$T/again.yaml" "$T/all.yaml" "and are the same again"

done_testing
