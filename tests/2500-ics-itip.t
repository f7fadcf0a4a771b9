#!/bin/sh
# Every iCalendar that meet-plan writes, through libical's parser and its
# iTIP restriction check (RFC 5546, what calendar servers run): the year
# calendar is published (METHOD:PUBLISH with -o, no METHOD without),
# invitations are REQUEST and cancellations CANCEL, each with ORGANIZER
# and ATTENDEE; a mail without recipients publishes.  Issue 22, 3.
# Every person here is invented.
. "$(dirname "$0")/lib.sh"
MP="$FIX/meet-plan"
unset EMAIL

cc -Wall -Wextra -o "$T/icalcheck" "$TOP/tests/tools/icalcheck.c" -lical \
    2>"$T/cc.err"
is "$?:$(cat "$T/cc.err")" "0:" "the libical checker builds (libical-dev)"

# itip NAME FILE: a TAP line per calendar in FILE.
itip() {
	py_checks "$T/icalcheck" "$@"
}
# parts MESSAGE PREFIX: the calendars attached to MESSAGE as PREFIX.N.ics,
# and their methods (the content type's parameter) on stdout.
parts() {
	/usr/bin/python3 -c 'import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"),
                                   policy=email.policy.default)
n = 0
for p in m.walk():
    if p.get_content_type() == "text/calendar":
        n += 1
        open("%s.%d.ics" % (sys.argv[2], n), "wb").write(
            p.get_payload(decode=True))
        print(p.get_param("method"))' "$1" "$2"
}

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml"
meet-plan -q -y 2027
last=$(sqlite3 "$ALLY_DB" "SELECT max(id) FROM meeting")
printf -- "- id: $last\n  status: cancelled\n" | meet-plan -u -q

# ---- the year calendar --------------------------------------------------------
meet-plan -l -f ics -o coordinator@example.org >"$T/year-o.ics"
is "$(grep -c '^METHOD:PUBLISH' "$T/year-o.ics"):$(grep -c '^BEGIN:VCALENDAR' \
    "$T/year-o.ics")" "1:1" "-l -f ics -o: one calendar, METHOD:PUBLISH"
itip "year, -o" "$T/year-o.ics"
meet-plan -l -f ics >"$T/year.ics"
is "$(grep -c '^METHOD' "$T/year.ics")" 0 "-l -f ics: no METHOD without -o"
itip "year" "$T/year.ics"
like "$(tr -d '\r' <"$T/year.ics")" "STATUS:CANCELLED" \
    "the cancelled meeting is in it"
meet-plan -l -f ics -o 'Anna de Wit <coordinator@example.org>' >"$T/year-n.ics"
like "$(tr -d '\r' <"$T/year-n.ics")" \
    'ORGANIZER;CN="Anna de Wit":mailto:coordinator@example.org' \
    "-o 'Name <address>': the name as CN, the address as mailto"
itip "year, -o Name <address>" "$T/year-n.ics"
TZ=America/New_York meet-plan -l -f ics -o coordinator@example.org \
    >"$T/year-utc.ics"
itip "year, UTC times" "$T/year-utc.ics"

# ---- invitations -------------------------------------------------------------
ALLY_TODAY=2027-01-01 meet-plan -i 366 -f ics -o coordinator@example.org \
    >"$T/inv.ics"
itip "-i -f ics" "$T/inv.ics"
ALLY_TODAY=2027-01-01 meet-plan -i 366 -f mail -o coordinator@example.org \
    --to allies-middelburg@example.org \
    --to 'Bram Visser <bram@example.org>' >"$T/inv.eml"
is "$(parts "$T/inv.eml" "$T/inv" | tr '\n' ' ')" "REQUEST CANCEL " \
    "-f mail --to: a REQUEST and a CANCEL part"
itip "invitation" "$T/inv.1.ics"
itip "cancellation" "$T/inv.2.ics"
like "$(tr -d '\r' <"$T/inv.1.ics" | sed -n '/^ATTENDEE/{N;p;}' | head -2 |
    tr -d '\n ')" 'CN="BramVisser"|ATTENDEE' "the attendees in it"
is "$(tr -d '\r' <"$T/inv.2.ics" | grep -c '^ATTENDEE')" 2 \
    "the cancellation names its attendees too"

# No --to: the recipients are sendmail's; with no ATTENDEE to name, the
# calendars are published.
ALLY_TODAY=2027-01-01 meet-plan -i 366 -f mail -o coordinator@example.org \
    >"$T/pub.eml"
is "$(parts "$T/pub.eml" "$T/pub" | tr '\n' ' ')" "PUBLISH PUBLISH " \
    "-f mail without --to: PUBLISH parts"
itip "published invitation" "$T/pub.1.ics"
itip "published cancellation" "$T/pub.2.ics"
done_testing
