#!/bin/sh
# No value changes the structure of a calendar, a card, a picture or a
# mail (issue 23, 2 and 3; a hostile review): a phone number, an alias or
# an e-mail address another program stored is checked for the shape
# input gives it before a vCard writes it as it is; a control character
# in a calendar's text is shown, in any other value left out, so that no
# content line holds a raw CR or LF; a DTSTAMP is taken only from a time
# stamp; U+FFFF from a CSV file keeps the picture well-formed XML; a
# quoted-printable line folded before "From " does not start a physical
# line with it; a caret in an organizer's name is ^^ (RFC 6868).
. "$(dirname "$0")/lib.sh"
export ALLY_TODAY=2027-06-15
. "$FIX/hostile/populate.sh"
cp "$ALLY_DB" "$T/clean.db"

# A phone number that ends the line and begins another card.
sqlite3 "$ALLY_DB" "UPDATE person SET phone = '+31612345678' || char(13,10) ||
    'END:VCARD' || char(13,10) || 'BEGIN:VCARD' || char(13,10) ||
    'FN:Fake Coordinator' WHERE alias = 'A01'"
run ally-add -K -f vcard
is "$rc" 65 "a phone number holding a card: refused, 65"
like "$errout" "table person, row [0-9]+: phone: '\\+31612345678\\^M\\^JEND:VCARD.* is not a phone number$" \
    "a phone number holding a card: says which row and field, on one line"
is "$out" "" "a phone number holding a card: no card written"
for v in "'A01 X'" "'1abc'"; do
	cp "$T/clean.db" "$ALLY_DB"
	sqlite3 "$ALLY_DB" "UPDATE person SET alias = $v WHERE alias = 'A02'"
	run ally-add -K -f vcard
	is "$rc" 65 "an alias $v: refused, 65"
done
cp "$T/clean.db" "$ALLY_DB"
sqlite3 "$ALLY_DB" "UPDATE person SET email = 'a@b.example' || char(10) ||
    'URL:http://evil.example' WHERE alias = 'A01'"
run ally-add -K -f vcard
is "$rc" 65 "an e-mail address holding a property: refused, 65"
cp "$T/clean.db" "$ALLY_DB"
run ally-add -K -f vcard
is "$rc" 0 "the same file untampered: exit 0"
is "$(printf '%s\n' "$out" | grep -c '^BEGIN:VCARD')" \
    "$(printf '%s\n' "$out" | grep -c '^END:VCARD')" \
    "the same file untampered: every card ended"

# Controls in a calendar's text, a DTSTAMP that is not a time stamp.
sqlite3 "$ALLY_DB" "UPDATE meeting SET location = 'Noorderkerk' ||
    char(11, 27) || '[2J' || char(127) || 'zaal',
    updated = '1' || char(13,10) || 'BEGIN:VALARM' || char(13,10) || 'XYZ'"
run meet-plan -l -y 2027 -f ics
is "$rc" 0 "meet-plan -f ics of tampered meetings: exit 0"
printf '%s\n' "$out" >"$T/cal.ics"
is "$(LC_ALL=C grep -c "$(printf '\033\\|\013\\|\177')" "$T/cal.ics")" 0 \
    "the calendar: no control character raw"
LC_ALL=C grep -q 'LOCATION:Noorderkerk^K^\[\[2J^?zaal' "$T/cal.ics"
ok $? "the calendar: the location's controls shown"
is "$(grep -c 'VALARM\|^XYZ' "$T/cal.ics")" 0 \
    "the calendar: nothing of the tampered time stamp"
is "$(/usr/bin/python3 -c 'import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = [e for e in c.walk("VEVENT")]
print(len(ev) > 0 and all(e.get("DTSTAMP") is not None for e in ev))' "$T/cal.ics")" \
    True "the calendar: read by icalendar, every DTSTAMP a time"

# The organizer's caret: RFC 6868 reads ^n as a newline.
cp "$T/clean.db" "$ALLY_DB"
meet-plan -i 366 -f mail -o 'Evil^nATTENDEE <coordinator@example.org>' \
    >"$T/inv.eml"
is "$?" 0 "an invitation from 'Evil^nATTENDEE': exit 0"
/usr/bin/python3 -c 'import email, sys
m = email.message_from_file(open(sys.argv[1]))
for p in m.walk():
    if p.get_content_type() == "text/calendar":
        sys.stdout.write(p.get_payload(decode=True).decode())' "$T/inv.eml" |
    tr -d '\r' | sed -n 's/^ORGANIZER;CN="\([^"]*\)".*/\1/p' | sort -u >"$T/cn"
is "$(cat "$T/cn")" 'Evil^^nATTENDEE' "the organizer's caret written ^^"

# U+FFFE and U+FFFF, which CSV input takes, in the picture (SVG).
printf 'date,theme,tension,source,summary\n2027-06-14,youth,3,A01,Flyers \357\277\277 torn \357\277\276 down\n' |
    report-sentiment -u -q
report-sentiment -b month -s 2027-01-01 -f svg >"$T/p.svg"
is "$?" 0 "the period table with U+FFFF in a summary: exit 0"
/usr/bin/python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' \
    "$T/p.svg"
ok $? "the period table: well-formed XML"

# A quoted-printable soft break just before "From ": titles of 40 to
# 110 characters before it, so that one folds there whatever the layout.
cp "$T/clean.db" "$ALLY_DB"
cp "$ALLY_DB" "$T/before-from.db"
raw=0 folded=0 whole=0
for k in $(seq 40 110); do
	cp "$T/before-from.db" "$ALLY_DB"
	t="Bring the flyers to the market square-$(printf "%0${k}d" 0 | tr 0 x) From the town hall"
	printf 'title,party,owner,due\n"%s",police,P01,2027-06-20\n' "$t" |
	    action-track -a -q
	action-track --remind -w 30 -f mail --to c@example.org >"$T/r.eml"
	grep -q '^From ' "$T/r.eml" && raw=$((raw + 1))
	grep -q '^=46rom ' "$T/r.eml" && folded=$((folded + 1))
	/usr/bin/python3 -c 'import email, sys
m = email.message_from_file(open(sys.argv[1]))
body = [p for p in m.walk() if p.get_content_type() == "text/plain"][0]
sys.exit(sys.argv[2] not in body.get_payload(decode=True).decode())' \
	    "$T/r.eml" "$t" && whole=$((whole + 1))
done
is "$raw" 0 "reminders of 71 titles: no physical line starts with 'From '"
ok "$([ "$folded" -gt 0 ]; echo $?)" "a line folded before 'From ' ($folded times): written =46rom"
is "$whole" 71 "reminders of 71 titles: each title decodes whole"
done_testing
