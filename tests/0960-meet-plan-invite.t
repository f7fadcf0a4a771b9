#!/bin/sh
# meet-plan's invitations, written once as a document (lib/invite.c):
# the text of -i and the text part of -f mail are the same rendering;
# several invitations are one document titled like the mail's subject,
# a section each; every line fits 72 columns; the calendars attached
# read back with icalendar, one event per invitation, and the body's
# "Date:" label is no header.
. "$(dirname "$0")/lib.sh"
MP="$FIX/meet-plan"
CM="$TOP/tests/1102-mail.d/check_mail.py"
unset EMAIL

# check MESSAGE ARGS...: one TAP line per check of check_mail.py.
check() {
	py_checks /usr/bin/python3 "$CM" "$@"
}

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml" "$MP/venue-long.yaml"
meet-plan -q -y 2027
n=$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM meeting")
# The last meeting at the venue with the long name and address.
last=$(sqlite3 "$ALLY_DB" "SELECT max(id) FROM meeting")
long=$(sed -n 's/^- name: "\(.*\)"$/\1/p' "$MP/venue-long.yaml")
printf -- "- id: $last\n  location: \"$long\"\n" | meet-plan -u -q
first=$(sqlite3 "$ALLY_DB" "SELECT min(id) FROM meeting")
printf -- "- id: $first\n  status: cancelled\n" | meet-plan -u -q

# ---- several: one document, a section each -------------------------------
meet-plan -i 366 >"$T/year.txt"
is "$?" 0 "-i 366: exit 0"
is "$(sed -n 1p "$T/year.txt")" "Allies meetings Middelburg: $n invitations" \
    "the title counts the invitations"
is "$(grep -c '^Allies meeting Middelburg: ' "$T/year.txt")" "$n" \
    "a heading per invitation"
is "$(grep -c '^  Dear members of the Allies network Middelburg,$' \
    "$T/year.txt")" "$((n - 1))" \
    "the letters stand under their headings, the cancelled one without"
like "$(cat "$T/year.txt")" "is cancelled" "the cancellation in words"
# Characters, not bytes: the long venue is in UTF-8.
is "$(/usr/bin/python3 -c 'import sys
w = max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8"))
print("fits" if w <= 72 else w)' "$T/year.txt")" fits "no line over 72 columns"
like "$(cat "$T/year.txt")" "Venue: +Ontmoetingsruimte" \
    "the long venue in its pair"
like "$(cat "$T/year.txt")" "
 +(Zuid|Ĳsselmonde.*)
 +Çavuşoğlustraat 12" "its name wrapped, its address under it"
run meet-plan -i 366 -f mail -o coordinator@example.org \
    --to allies-middelburg@example.org
is "$rc" 0 "-i 366 -f mail: exit 0"
printf '%s\n' "$out" >"$T/year.eml"
check "$T/year.eml" --text "$T/year.txt" \
    --subject "Allies meetings Middelburg: $n invitations" \
    --from coordinator@example.org --to allies-middelburg@example.org \
    --method REQUEST --method CANCEL --events "$n" \
    --organizer coordinator@example.org
is "$(sed '/^$/q' "$T/year.eml" | grep -c '^Date: ')" 1 \
    "one Date header in the message's headers"

# ---- one: a letter titled with its first line ------------------------------
date=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE id = $last")
export ALLY_TODAY=$(date -d "$date - 1 day" +%F)
meet-plan -i 2 >"$T/one.txt"
is "$?" 0 "-i 2: exit 0"
like "$(sed -n 1p "$T/one.txt")" "^Allies meeting Middelburg: " \
    "one invitation: its own title"
is "$(sed -n 2p "$T/one.txt")" \
    "Dear members of the Allies network Middelburg," \
    "the letter follows its title"
like "$(grep '^Date: ' "$T/one.txt")" "^Date:   [A-Z][a-z]+day [0-9]+ " \
    "the details as a key/value block"
meet-plan -i 2 -f mail -o coordinator@example.org \
    --to allies-middelburg@example.org >"$T/one.eml"
check "$T/one.eml" --text "$T/one.txt" \
    --subject "$(sed -n 1p "$T/one.txt")" --method REQUEST \
    --to allies-middelburg@example.org \
    --uid "$(sqlite3 "$ALLY_DB" "SELECT uid FROM meeting WHERE id = $last")" \
    --events 1

done_testing
