#!/bin/sh
# meet-plan -f ics: RFC 5545 checked by a real parser (python3-icalendar):
# required properties, CRLF, folding of a long UTF-8 location, the
# VTIMEZONE's summer time, METHOD:CANCEL, SEQUENCE after a move.
. "$(dirname "$0")/lib.sh"
MP="$FIX/meet-plan"
py() { /usr/bin/python3 -c "$@"; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venue-long.yaml"
# Meetings each side of both DST changes of 2027 (28 March, 31 October).
meet-plan -q -s 2027-03-22 -e 2027-03-26 -w thu
meet-plan -q -s 2027-03-29 -e 2027-04-02 -w tue
meet-plan -q -s 2027-10-25 -e 2027-10-29 -w thu
meet-plan -q -s 2027-11-01 -e 2027-11-05 -w tue
is "$(sqlite3 "$ALLY_DB" 'SELECT group_concat(date, " ") FROM meeting')" \
    "2027-03-25 2027-03-30 2027-10-28 2027-11-02" "four meetings around DST"
uid1=$(sqlite3 "$ALLY_DB" 'SELECT uid FROM meeting WHERE id = 1')

meet-plan -l -f ics -o coordinator@example.org >"$T/a.ics"
is "$?" 0 "-f ics: exit 0"
is "$(grep -vc "$(printf '\r')\$" "$T/a.ics")" 0 "every line ends in CRLF"
is "$(tr -d '\r' <"$T/a.ics" | awk 'length($0) > 75' | wc -l)" 0 \
    "no line longer than 75 octets" 
ok "$(LC_ALL=C awk '/^ /' "$T/a.ics" | grep -c . >/dev/null; echo $?)" \
    "long lines are folded"
is "$(tr -d '\r' <"$T/a.ics" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; \
    tr -d '\r' <"$T/a.ics" | while IFS= read -r l; do printf '%s\n' "$l" | \
    iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 || echo bad; done)" "" \
    "every physical line is valid UTF-8: no fold inside a character"

check=$(py '
import sys, datetime, icalendar
cals = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read(), multiple=True)
out = []
for c in cals:
    assert c["VERSION"] == "2.0" and "PRODID" in c, "calendar properties"
    out.append(str(c["METHOD"]))
    tz = c.walk("VTIMEZONE")[0].to_tz()
    for e in c.walk("VEVENT"):
        assert not e.errors, e.errors
        for p in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY",
                  "LOCATION", "SEQUENCE", "STATUS", "ORGANIZER"):
            assert p in e, p
        assert e["DTSTAMP"].dt.tzinfo is not None, "DTSTAMP in UTC"
        start = e["DTSTART"].dt
        local = start.replace(tzinfo=None)
        mine = tz.localize(local) if hasattr(tz, "localize") else local.replace(tzinfo=tz)
        out.append("%s %s %s" % (start.date(), start.utcoffset(), mine.utcoffset()))
        out.append(str(e["LOCATION"]))
print("\n".join(out))' "$T/a.ics")
is "$(printf '%s\n' "$check" | sed -n 1p)" PUBLISH \
    "METHOD:PUBLISH: a calendar to publish, not an invitation (issue 22)"
is "$(printf '%s\n' "$check" | grep '^2027' | tr '\n' ' ')" \
    "2027-03-25 1:00:00 1:00:00 2027-03-30 2:00:00 2:00:00 2027-10-28 2:00:00 2:00:00 2027-11-02 1:00:00 1:00:00 " \
    "UTC offsets right each side of both DST changes, by TZID and by our VTIMEZONE"
is "$(printf '%s\n' "$check" | sed -n 3p)" \
    "$(sqlite3 "$ALLY_DB" "SELECT name || ', ' || address FROM venue")" \
    "the long UTF-8 location survives folding and escaping"
is "$(py 'import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read(), multiple=True)[0]
print(c.walk("VEVENT")[0]["UID"])' "$T/a.ics")" "$uid1" "UID is the meeting's uid"

# Move meeting 1, cancel meeting 4: SEQUENCE raised, STATUS:CANCELLED.
meet-plan -u -q <<'EOF2'
- id: 1
  date: 2027-03-23
- id: 4
  status: cancelled
EOF2
meet-plan -l -f ics >"$T/b.ics"
check=$(py '
import sys, icalendar
for c in icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read(), multiple=True):
    for e in c.walk("VEVENT"):
        print(c.get("METHOD"), e["UID"], e["SEQUENCE"], e["STATUS"], e["DTSTART"].dt.date())' "$T/b.ics")
like "$check" "^None $uid1 1 CONFIRMED 2027-03-23$" \
    "moved: same UID, SEQUENCE 1, the new date"
like "$check" "None [^ ]+ 0 CONFIRMED 2027-03-30" "untouched: SEQUENCE 0"
like "$check" "None [^ ]+ 1 CANCELLED 2027-11-02" \
    "cancelled: STATUS:CANCELLED, SEQUENCE 1"
is "$(grep -c '^BEGIN:VCALENDAR' "$T/b.ics")" 1 \
    "one calendar, the cancelled meeting in it"
is "$(grep -c '^METHOD:' "$T/b.ics")" 0 \
    "no -o: no METHOD (PUBLISH needs an ORGANIZER)"
unlike "$(cat "$T/b.ics")" "ORGANIZER" "no -o: no ORGANIZER"

# Another TZ: times in UTC, converted by the C library.
TZ=America/New_York meet-plan -l -f ics >"$T/c.ics"
like "$(grep DTSTART "$T/c.ics" | head -1)" "^DTSTART:20270323T220000Z" \
    "TZ=America/New_York: 18:00 there is 22:00 UTC"
unlike "$(cat "$T/c.ics")" "VTIMEZONE" "UTC times need no VTIMEZONE"

run meet-plan -l -f ics -o 'not an address'
is "$rc" 64 "a bad organizer: usage error"

meet-plan -l -f ics >/dev/full 2>/dev/null
is "$?" 74 "-f ics to a full disk: exit 74"

done_testing
