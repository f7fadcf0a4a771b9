#!/bin/sh
# Mail: meet-plan -f mail and action-track --remind -f mail print whole
# messages for sendmail -t.  Each is parsed by Python's email package
# (policy.default) and its calendar parts by icalendar: the headers, the
# text part against the plain output, the calendar's method and UID, no
# identity anywhere; then the MIME building blocks (tests/unit/mail_test)
# and the pipeline into a sendmail that keeps what it is given.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/1102-mail.d"
MP="$FIX/meet-plan"
unset EMAIL

# check MESSAGE ARGS...: one TAP line per check of check_mail.py.
check() {
	py_checks /usr/bin/python3 "$D/check_mail.py" "$@"
}
uid_of() { sqlite3 "$ALLY_DB" "SELECT uid FROM meeting WHERE id = $1"; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml"
meet-plan -q -y 2027
# What may never be mailed: names, phone numbers (as given and as
# stored) and e-mail addresses of the members.
{
	sed -n 's/^-\{0,1\} *\(name\|phone\|email\): *//p' \
	    "$EXAMPLES/members.yaml"
	ally-add -l -I -f csv | /usr/bin/python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    for k in ("name", "phone", "email"):
        if r.get(k):
            print(r[k])'
} | sort -u >"$T/forbid"
ok "$([ "$(wc -l <"$T/forbid")" -ge 20 ]; echo $?)" \
    "the identities to look for ($(wc -l <"$T/forbid"))"

# ---- one invitation -------------------------------------------------------
id=$(sqlite3 "$ALLY_DB" "SELECT min(id) FROM meeting")
date=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE id = $id")
export ALLY_TODAY=$(date -d "$date - 6 days" +%F)
meet-plan -i 7 >"$T/plain.txt"
is "$?" 0 "-i 7: the plain invitation"
run meet-plan -i 7 -f mail -o coordinator@example.org \
    --to allies-middelburg@example.org --to deputy@example.org
is "$rc" 0 "-i 7 -f mail: exit 0"
is "$errout" "" "-i 7 -f mail: nothing on stderr"
printf '%s\n' "$out" >"$T/invite.eml"
like "$(sed -n 1p "$T/invite.eml")" "^From: coordinator@example.org$" \
    "the message starts with its headers"
like "$(grep -c '^Content-Type: multipart/mixed;' "$T/invite.eml")" '^1$' \
    "multipart/mixed"
check "$T/invite.eml" --text "$T/plain.txt" \
    --subject "$(sed -n 1p "$T/plain.txt")" \
    --from coordinator@example.org \
    --to allies-middelburg@example.org --to deputy@example.org \
    --method REQUEST --uid "$(uid_of "$id")" --events 1 \
    --organizer coordinator@example.org --forbid "$T/forbid"

# The sender without -o: $EMAIL, else the user at this host; no --to:
# an empty group (the recipients are then sendmail's arguments), and
# with no ATTENDEE to name the calendar is published, not requested.
EMAIL=secretary@example.org run meet-plan -i 7 -f mail
printf '%s\n' "$out" >"$T/email.eml"
check "$T/email.eml" --from secretary@example.org --to undisclosed \
    --method PUBLISH --organizer secretary@example.org
EMAIL="not an address" run meet-plan -i 7 -f mail
like "$(printf '%s\n' "$out" | sed -n 1p)" "^From: [^ ]+@[A-Za-z0-9.-]+$" \
    "a bad \$EMAIL is ignored: the user at this host"

# ---- nothing to say, and errors: nothing printed ---------------------------
run meet-plan -i 6 -f mail --to allies-middelburg@example.org
is "$rc" 1 "no meeting in the window: exit 1"
is "$out" "" "no meeting in the window: no message"
run meet-plan -i 7 -f mail --to "not an address"
is "$rc" 64 "--to a bad address: usage"
is "$out" "" "--to a bad address: nothing printed"
like "$errout" "--to: 'not an address' is not an e-mail address" \
    "--to a bad address: said so"
run meet-plan -i 7 -f mail --to "co$(printf '\303\266')rdinator@example.org"
is "$rc" 64 "--to a non-ASCII address: usage (headers stay ASCII)"
run meet-plan -i 7 --to allies-middelburg@example.org
is "$rc" 64 "--to without -f mail: usage"
run meet-plan -i 7 -f ics --to allies-middelburg@example.org
is "$rc" 64 "--to with -f ics: usage"
run meet-plan -i 7 -f mail -o "coordinator at example.org"
is "$rc" 64 "-f mail with a bad organizer: usage"
is "$out" "" "-f mail with a bad organizer: nothing printed"
meet-plan -i 7 -f mail >/dev/full 2>/dev/null
is "$?" 74 "-f mail to a full disk: exit 74"

# ---- a cancelled meeting: METHOD:CANCEL ------------------------------------
printf -- "- id: $id\n  status: cancelled\n" | meet-plan -u -q
meet-plan -i 7 >"$T/cancel.txt"
like "$(sed -n 1p "$T/cancel.txt")" "CANCELLED" "the plain text says so"
run meet-plan -i 7 -f mail -o coordinator@example.org \
    --to allies-middelburg@example.org
printf '%s\n' "$out" >"$T/cancel.eml"
check "$T/cancel.eml" --text "$T/cancel.txt" \
    --subject "$(sed -n 1p "$T/cancel.txt")" --method CANCEL \
    --uid "$(uid_of "$id")" --events 1 --to allies-middelburg@example.org \
    --organizer coordinator@example.org
like "$(grep -A1 '^Content-Type: text/calendar' "$T/cancel.eml" | tr '\n' ' ')" \
    'method=CANCEL; charset=UTF-8; +name="cancellation.ics"' \
    "the calendar part: text/calendar; method=CANCEL; charset=UTF-8"
printf -- "- id: $id\n  status: planned\n" | meet-plan -u -q

# ---- a year: one message, a REQUEST and a CANCEL part ------------------------
last=$(sqlite3 "$ALLY_DB" "SELECT max(id) FROM meeting")
printf -- "- id: $last\n  status: cancelled\n" | meet-plan -u -q
meet-plan -l -y 2027 -f mail -o coordinator@example.org \
    --to allies-middelburg@example.org >"$T/year.eml"
is "$?" 0 "-l -y 2027 -f mail: exit 0"
n=$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM meeting")
check "$T/year.eml" --subject "Allies meetings Middelburg: $n invitations" \
    --to allies-middelburg@example.org \
    --method REQUEST --method CANCEL --uid "$(uid_of "$id")" \
    --uid "$(uid_of "$last")" --events "$n" --forbid "$T/forbid"

# ---- UTF-8: a network's name in the subject, a long venue ------------------
net=$(printf 'S\303\272dwest-Frysl\303\242n')
ally-add --create -n "$net" -q "$EXAMPLES/members.yaml"
meet-plan -n "$net" -V -q "$MP/venue-long.yaml"
ALLY_TODAY=2027-01-15 meet-plan -n "$net" -q -s 2027-03-01 -e 2027-03-31 -m 4
fid=$(sqlite3 "$ALLY_DB" "SELECT m.id FROM meeting m JOIN network n ON n.id = m.network_id WHERE n.name = '$net'")
fdate=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE id = $fid")
export ALLY_TODAY=$(date -d "$fdate - 1 day" +%F)
meet-plan -n "$net" -i 2 >"$T/fy.txt"
meet-plan -n "$net" -i 2 -f mail -o coordinator@example.org \
    --to allies@example.org >"$T/fy.eml"
is "$?" 0 "a UTF-8 network: exit 0"
like "$(grep '^Subject:' "$T/fy.eml")" '^Subject: =\?UTF-8\?B\?' \
    "the subject as RFC 2047 encoded words"
check "$T/fy.eml" --text "$T/fy.txt" --subject "$(sed -n 1p "$T/fy.txt")" \
    --method REQUEST --uid "$(uid_of "$fid")" --to allies@example.org \
    --forbid "$T/forbid"

# ---- action-track --remind -f mail -------------------------------------------
. "$FIX/action-track/setup.sh"
actions_db
ALLY_TODAY=2027-07-01 action-track -q -a "$FIX/action-track/remind.yaml"
export ALLY_TODAY=2027-07-01
action-track --remind >"$T/remind.txt"
is "$?" 0 "--remind: the plain reminder"
run action-track --remind -f mail --to coordinator@example.org
is "$rc" 0 "--remind -f mail: exit 0"
printf '%s\n' "$out" >"$T/remind.eml"
check "$T/remind.eml" --text "$T/remind.txt" \
    --subject "$(sed -n '1s/\.$//p' "$T/remind.txt")" \
    --to coordinator@example.org --forbid "$T/forbid"
like "$(grep -c '^Content-Type: text/plain; charset=UTF-8$' "$T/remind.eml")" \
    '^1$' "the reminder: a single text/plain part"
unlike "$out" "multipart" "the reminder: no multipart"
run action-track --remind -f mail
like "$out" "
To: undisclosed-recipients:;
" "--remind -f mail without --to: an empty group"
cp "$ALLY_DB" "$T/quiet.db"
action-track -d "$T/quiet.db" -q --done 4 11 13 14
run action-track -d "$T/quiet.db" --remind -f mail --to coordinator@example.org
is "$rc" 1 "--remind -f mail, nothing to remind: exit 1"
is "$out" "" "--remind -f mail, nothing to remind: nothing printed"
run action-track --remind -f mail --to "no address"
is "$rc" 64 "--remind --to a bad address: usage"
is "$out" "" "--remind --to a bad address: nothing printed"
run action-track --remind --to coordinator@example.org
is "$rc" 64 "--to without -f mail: usage"
run action-track -l --to coordinator@example.org
is "$rc" 64 "--to with a listing: usage"
action-track --remind -f mail >/dev/full 2>/dev/null
is "$?" 74 "--remind -f mail to a full disk: exit 74"

# ---- meet-minutes -f mail: the minutes and the agenda ------------------------
saved_db=$ALLY_DB saved_today=$ALLY_TODAY
export ALLY_DB="$T/minutes.db"
ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
meet-minutes -q "$FIX/meet-minutes/minutes-2027.yaml"
meet-minutes -l -m last -f text >"$T/minutes.txt"
EMAIL=secretary@example.org meet-minutes -l -m last -f mail \
    --to allies-middelburg@example.org --to deputy@example.org \
    >"$T/minutes.eml"
is "$?" 0 "meet-minutes -l -m last -f mail: exit 0"
check "$T/minutes.eml" --text "$T/minutes.txt" \
    --subject "Minutes of the allies' meeting, network Middelburg, 2027-11-10" \
    --from secretary@example.org \
    --to allies-middelburg@example.org --to deputy@example.org \
    --forbid "$T/forbid"
meet-minutes -a >"$T/agenda.txt"
meet-minutes -a -f mail >"$T/agenda.eml"
is "$?" 0 "meet-minutes -a -f mail: exit 0"
check "$T/agenda.eml" --text "$T/agenda.txt" --to undisclosed \
    --subject "Agenda of the allies' meeting, network Middelburg, not planned yet" \
    --forbid "$T/forbid"
run meet-minutes -l -m last -f mail --to "not an address"
is "$rc" 64 "meet-minutes --to a bad address: usage"
is "$out" "" "meet-minutes --to a bad address: nothing printed"
run meet-minutes -l -m last --to allies-middelburg@example.org
is "$rc" 64 "meet-minutes --to without -f mail: usage"
meet-minutes -a -f mail >/dev/full 2>/dev/null
is "$?" 74 "meet-minutes -a -f mail to a full disk: exit 74"
# The body is the text, quoted-printable: the notes' lines with "From "
# and a '.' arrive as they were written.
printf 'date: 2027-11-17\npresent: [A01, P01]\nnotes: |-\n  From the floor: the square.\n  . a lone dot\n' |
    meet-minutes -q
meet-minutes -l -m last -f text >"$T/from.txt"
meet-minutes -l -m last -f mail >"$T/from.eml"
like "$(cat "$T/from.txt")" "^  From the floor: the square\.$" \
    "the notes hold a line with From and one with a dot"
check "$T/from.eml" --text "$T/from.txt"
export ALLY_DB="$saved_db" ALLY_TODAY="$saved_today"

# ---- the pipeline: sendmail -t takes the message as it is ------------------
cat >"$T/sendmail" <<'EOF'
#!/bin/sh
# A stand-in for sendmail(8): keeps its arguments and its input.
printf '%s\n' "$*" >"${0%/*}/sendmail.args"
cat >"${0%/*}/sendmail.in"
EOF
chmod +x "$T/sendmail"
action-track --remind -f mail --to coordinator@example.org | "$T/sendmail" -t
is "$(cat "$T/sendmail.args")" "-t" "the pipeline ran sendmail -t"
check "$T/sendmail.in" --text "$T/remind.txt" --to coordinator@example.org
out=$(action-track -d "$T/quiet.db" --remind -f mail) && \
    printf '%s\n' "$out" | "$T/sendmail" -t
is "$?" 1 "the cron line: nothing to remind, sendmail not run"

# ---- the man pages show it ---------------------------------------------------
for m in meet-plan action-track; do
	like "$(grep -c 'sendmail -t' "$TOP/man/$m.1")" '^[1-9]' \
	    "$m(1) shows sendmail -t"
	is "$(mandoc -Tlint -W warning "$TOP/man/$m.1" 2>&1)" "" \
	    "$m(1): mandoc -Tlint clean"
done

# ---- the building blocks ------------------------------------------------------
"$TOP/tests/unit/mail_test" >"$T/unit" 2>&1
st=$?
ok "$st" "tests/unit/mail_test: $(grep -c '^ok' "$T/unit") checks of \
quoted-printable, base64, RFC 2047 and the frame"
[ "$st" -eq 0 ] || sed 's/^/#   /' "$T/unit"

done_testing
