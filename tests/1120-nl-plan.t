#!/bin/sh
# meet-plan in Dutch (issue 11): the usage, the diagnostics of the command
# and of its library (meeting.c, ical.c), the invitation texts with their
# dates in words, the mail's Subject and body; and what never changes
# with the language: YAML, CSV, iCalendar, vCard, the mail's header names
# and its RFC 5322 Date, which stays English.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/1120-nl-plan.d"
MP="$FIX/meet-plan"
unset EMAIL

# nl_err WANT DESCRIPTION CMD...: CMD fails alike in both languages, says
# WANT (its first line on stderr) in Dutch and changes nothing.
nl_err() {
	want=$1 what=$2
	shift 2
	dbdump >"$T/before"
	"$@" >/dev/null 2>&1 </dev/null
	en_rc=$?
	dutch "$@" >"$T/nl.out" 2>"$T/nl.err" </dev/null
	nl_rc=$?
	is "$nl_rc" "$en_rc" "$what: exit $en_rc in both languages"
	ok "$([ "$en_rc" -ne 0 ]; echo $?)" "$what: an error ($en_rc)"
	is "$(sed -n 1p "$T/nl.err")" "$want" "$what: the Dutch diagnostic"
	is "$(cat "$T/nl.out")" "" "$what: nothing on stdout"
	dbdump >"$T/after"
	cmp -s "$T/before" "$T/after"
	ok "$?" "$what: database unchanged"
}

# same DESCRIPTION CMD...: CMD writes the same bytes in both languages.
same() {
	what=$1
	shift
	"$@" >"$T/en.same" 2>/dev/null
	en_rc=$?
	dutch "$@" >"$T/nl.same" 2>/dev/null
	is "$?" "$en_rc" "$what: the same exit status in Dutch"
	ok "$([ -s "$T/en.same" ]; echo $?)" "$what: says something"
	cmp -s "$T/en.same" "$T/nl.same"
	ok "$?" "$what: byte-identical in Dutch"
}

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml"
meet-plan -q -k 20 -y 2027

# ---- usage -------------------------------------------------------------------
run dutch meet-plan -h
is "$rc" 0 "-h in Dutch: exit 0"
printf '%s\n' "$out" >"$T/usage.out"
diff_ok "$T/usage.out" "$D/usage.out" "-h in Dutch: golden"
is "$errout" "" "-h in Dutch: nothing on stderr"
run dutch meet-plan -y 2027 -s 2027-01-01
is "$rc" 64 "a usage error in Dutch: exit 64"
is "$(printf '%s\n' "$errout" | sed -n 1p)" \
    "meet-plan: geef --year of --start, niet allebei" \
    "a usage error in Dutch: said in Dutch"
is "$(printf '%s\n' "$errout" | sed 1d)" "$(sed '/^$/,$d' "$D/usage.out")" \
    "a usage error in Dutch: the Dutch usage on stderr"

# ---- diagnostics: options ------------------------------------------------------
nl_err "meet-plan: --invite: '0': een getal van 1 tot en met 366 verwacht" \
    "-i 0" meet-plan -i 0
nl_err "meet-plan: --meetings: 9 per jaar: de methode vraagt om 4 tot 6 (met minder blijft de band niet warm; 5 is gebruikelijk)" \
    "-m 9" meet-plan -m 9 -y 2028
nl_err "meet-plan: --to: 'niet een adres' is geen e-mailadres" \
    "--to a bad address" meet-plan -i 7 -f mail --to "niet een adres"
nl_err "meet-plan: --to adresseert een bericht: -f mail" \
    "--to without -f mail" meet-plan -i 7 --to a@example.org
nl_err "meet-plan: -N is voor opdrachten die schrijven" "-N with -l" \
    meet-plan -l -N
nl_err "meet-plan: -f svg: bijeenkomsten worden geschreven als yaml, csv, text, ics of mail" \
    "-f svg" meet-plan -l -f svg
# The library's diagnostics (ally_errorf), translated by lib/error.c.
nl_err "meet-plan: --year: 'twintig' is geen jaartal" "-y twintig" \
    meet-plan -y twintig
nl_err "meet-plan: --start: '2027-13-01' is geen datum (JJJJ-MM-DD)" \
    "-s 2027-13-01" meet-plan -s 2027-13-01
nl_err "meet-plan: de periode eindigt vóór morgen: niets te plannen" \
    "a period in the past" meet-plan -y 2026
nl_err "meet-plan: --weekdays: 'xyz': weekdagen verwacht, zoals tue,thu" \
    "-S -w xyz" meet-plan -S -w xyz
nl_err "meet-plan: organizer: 'geen adres' is geen e-mailadres" \
    "-f ics with a bad organizer (ical.c)" meet-plan -l -f ics -o "geen adres"

# ---- diagnostics: records --------------------------------------------------------
printf -- '- id: 3\n  bogus: 1\n' >"$T/unknown.yaml"
nl_err "meet-plan: $T/unknown.yaml:2: bogus: onbekend veld (een bijeenkomst heeft: id, network, date, time, location, host, chair, meal, status)" \
    "-u an unknown field" meet-plan -u "$T/unknown.yaml"
printf -- '- date: 2027-05-01\n' >"$T/noid.yaml"
nl_err "meet-plan: $T/noid.yaml:1: id: welke bijeenkomst? records worden op id gekoppeld (plan nieuwe bijeenkomsten met -y, -s of --next)" \
    "-u without an id" meet-plan -u "$T/noid.yaml"
printf -- '- id: 3\n  chair: A12\n' >"$T/cand.yaml"
nl_err "meet-plan: $T/cand.yaml:2: chair: A12 is candidate, niet actief" \
    "-u a candidate as chair" meet-plan -u "$T/cand.yaml"
printf -- '- id: 5\n  status: held\n' >"$T/held.yaml"
nl_err "meet-plan: $T/held.yaml:2: status: een bijeenkomst in de toekomst kan nog niet gehouden zijn" \
    "-u held in the future" meet-plan -u "$T/held.yaml"
printf -- '- id: 3\n  meal: misschien\n' >"$T/meal.yaml"
nl_err "meet-plan: $T/meal.yaml:2: meal: 'misschien': yes of no verwacht" \
    "-u a bad meal" meet-plan -u "$T/meal.yaml"
nl_err "meet-plan: $MP/venue-bad-host.yaml:4: host: 'sportclub' is niet een van: police, municipality, ally, other" \
    "-V a bad host" meet-plan -V "$MP/venue-bad-host.yaml"
printf -- '- name: %0300d\n  host: ally\n' 0 >"$T/long.yaml"
nl_err "meet-plan: $T/long.yaml:1: name: te lang (hoogstens 200 bytes)" "-V a name too long" \
    meet-plan -V "$T/long.yaml"
printf -- '- name: Buurthuis\n' >"$T/nohost.yaml"
nl_err "meet-plan: $T/nohost.yaml:1: host: een nieuwe locatie heeft een gastheer nodig: police, municipality, ally of other" \
    "-V a new venue without a host" meet-plan -V "$T/nohost.yaml"
nl_err "meet-plan: $MP/blackout-unknown.yaml:2: until: onbekend veld (een geblokkeerde periode heeft: from, to, reason)" \
    "-b an unknown field" meet-plan -b "$MP/blackout-unknown.yaml" -y 2028

# ---- warnings: counts in words (ngettext) --------------------------------------------
ally-add -q -c -n Vlissingen "$EXAMPLES/members.yaml"
ally-add -q -c -n Veere "$EXAMPLES/members.yaml"
export ALLY_NETWORK=Middelburg
run dutch meet-plan -q -n Vlissingen -N -s 2027-02-01 -e 2027-03-01
is "$rc" 0 "a month without venues: exit 0"
is "$errout" "meet-plan: netwerk Vlissingen heeft geen actieve locatie: 1 bijeenkomst zonder locatie (voeg locaties toe met meet-plan -V)" \
    "no venue, one meeting: the singular"
ALLY_TODAY=2027-06-30 run dutch meet-plan -q -n Vlissingen -N -y 2027
is "$rc" 0 "half a year gone: exit 0"
is "$errout" "meet-plan: 2 van de 5 bijeenkomsten in de periode vielen vóór vandaag en zijn niet gepland
meet-plan: netwerk Vlissingen heeft geen actieve locatie: 3 bijeenkomsten zonder locatie (voeg locaties toe met meet-plan -V)" \
    "half a year gone: the plural of both"
ALLY_TODAY=2027-03-30 run dutch meet-plan -q -n Vlissingen -N -y 2027
like "$errout" "^meet-plan: 1 van de 5 bijeenkomsten in de periode viel vóór vandaag en is niet gepland$" \
    "one meeting gone: the singular"

# A network without active allies: the library says so, exit 66.
ally-add -q -c -n Arnemuiden "$MP/staff-only.yaml"
nl_err "meet-plan: geen actieve bondgenoten om de bijeenkomsten voor te zitten: registreer ze met ally-add (een bondgenoot wordt actief na intake en screening)" \
    "no active allies" meet-plan -n Arnemuiden -y 2028

# ---- the invitations ------------------------------------------------------------
# Meeting 2 on Tuesday 9 March, without venue, chair or meal; 3 and 4
# cancelled, one with its venue and one without; 5 hosted by another party.
printf -- '- id: 2\n  date: 2027-03-09\n  location:\n  chair:\n  meal: no\n- id: 3\n  status: cancelled\n- id: 4\n  location:\n  status: cancelled\n- id: 5\n  host: other\n' |
    meet-plan -u -q
is "$?" 0 "the meetings of the story"
ALLY_TODAY=2027-03-03 run dutch meet-plan -i 7
is "$rc" 0 "-i 7 in Dutch: exit 0"
like "$(printf '%s\n' "$out" | sed -n 1p)" \
    "^Bijeenkomst Bondgenotennetwerk Middelburg: dinsdag 9 maart 2027$" \
    "the date in Dutch words: dinsdag 9 maart 2027"
like "$(printf '%s\n' "$out" | grep Datum)" "^Datum:       dinsdag 9 maart 2027$" \
    "the date label, in Dutch"
dutch meet-plan -i 366 >"$T/year.out"
is "$?" 0 "-i 366 in Dutch: exit 0"
diff_ok "$T/year.out" "$D/year.out" "a year of invitations in Dutch: golden"
meet-plan -i 366 >"$T/year-en.out"
is "$(grep -c '^Bijeenkomst ' "$T/year.out")" "$(grep -c '^Allies meeting ' "$T/year-en.out")" \
    "as many invitations as in English"
unlike "$(cat "$T/year.out")" "Allies|Date:|Venue|CANCELLED|invited|Monday|Tuesday|Thursday|February|March" \
    "no English left in the Dutch invitations"

# ---- the mail: Subject and body in Dutch, the rest as in English -------------------
export ALLY_TODAY=2027-03-03
# -f: the clock stands still at that second (without it, it runs on from
# there, and a slow run, under valgrind, reaches the next second).
set -- faketime -f '2027-03-03 08:00:00' meet-plan -i 7 -f mail \
    -o coordinator@example.org --to allies-middelburg@example.org
"$@" >"$T/en.eml"
is "$?" 0 "-f mail in English: exit 0"
dutch "$@" >"$T/nl.eml"
is "$?" 0 "-f mail in Dutch: exit 0"
parts() { /usr/bin/python3 "$D/parts.py" "$@"; }
parts "$T/nl.eml" "$T/nl" >"$T/nl.head"
is "$?" 0 "the Dutch message parses (python email)"
parts "$T/en.eml" "$T/en" >"$T/en.head"
is "$(sed -n 's/^subject: //p' "$T/nl.head")" \
    "Bijeenkomst Bondgenotennetwerk Middelburg: dinsdag 9 maart 2027" \
    "the Subject value, in Dutch"
is "$(sed -n 's/^names: //p' "$T/nl.head")" \
    "$(sed -n 's/^names: //p' "$T/en.head")" \
    "the header names, as in English"
is "$(sed -n 's/^names: //p' "$T/nl.head")" \
    "From To Subject Date Message-ID MIME-Version Content-Type" \
    "the header names, in order"
# The headers end at the first empty line (the body has a Date: too).
is "$(sed '/^$/q' "$T/nl.eml" | grep '^Date:')" "Date: Wed, 03 Mar 2027 08:00:00 +0100" \
    "the Date header stays English (RFC 5322) in Dutch"
is "$(sed '/^$/q' "$T/en.eml" | grep '^Date:')" \
    "$(sed '/^$/q' "$T/nl.eml" | grep '^Date:')" \
    "the Date header: the same in both languages"
cmp -s "$T/nl.text" "$D/mail-text.out"
ok "$?" "the mail's text part: the Dutch invitation, golden"
dutch meet-plan -i 7 >"$T/plain.txt"
cmp -s "$T/nl.text" "$T/plain.txt"
ok "$?" "the mail's text part is what -i prints"
is "$(sed -n 's/^parts: //p' "$T/nl.head")" "text/plain text/calendar" \
    "the parts: the text and the calendar"
cmp -s "$T/en.cal0" "$T/nl.cal0"
ok "$?" "the attached calendar: byte-identical in Dutch"
like "$(grep '^Content-Type: text/calendar' "$T/nl.eml")" \
    "^Content-Type: text/calendar; method=REQUEST; charset=UTF-8;$" \
    "the calendar part's header, untranslated"

# Several invitations: the Subject counts them; two networks: no name.
ALLY_TODAY=2027-01-15 dutch meet-plan -i 366 -f mail >"$T/many.eml"
parts "$T/many.eml" "$T/many" >"$T/many.head"
is "$(sed -n 's/^subject: //p' "$T/many.head")" \
    "Bijeenkomsten Bondgenotennetwerk Middelburg: 5 uitnodigingen" \
    "several invitations: the Subject in Dutch"
cmp -s "$T/many.text" "$D/year.out"
ok "$?" "several invitations: the text part is the golden year"
ALLY_TODAY=2027-01-15 meet-plan -i 366 -f mail >"$T/many-en.eml"
parts "$T/many-en.eml" "$T/many-en" >/dev/null
cmp -s "$T/many.cal0" "$T/many-en.cal0" && cmp -s "$T/many.cal1" "$T/many-en.cal1"
ok "$?" "several invitations: both calendars (REQUEST, CANCEL) byte-identical"
# Vlissingen and Veere held one meeting each; Middelburg has its year.
for net in Vlissingen Veere; do
	ALLY_TODAY=2027-02-05 meet-plan -q -k 1 -n $net -s 2027-02-06 \
	    -e 2027-03-01 2>/dev/null
	id=$(sqlite3 "$ALLY_DB" "SELECT m.id FROM meeting m JOIN network n ON n.id = m.network_id WHERE n.name = '$net'")
	printf -- "- id: $id\n  status: held\n" |
	    ALLY_TODAY=2027-03-02 meet-plan -u -q -n $net
done
unset ALLY_NETWORK
# Two meetings planned, and Middelburg's of 9 March rotated again (issue 19).
ALLY_TODAY=2027-03-02 dutch meet-plan -x -N -f mail >"$T/next.eml"
is "$?" 0 "--next -f mail over two networks: exit 0"
parts "$T/next.eml" "$T/next" >"$T/next.head"
is "$(sed -n 's/^subject: //p' "$T/next.head")" \
    "Bijeenkomsten Bondgenoten: 3 uitnodigingen" \
    "two networks: the Subject in Dutch"
ALLY_TODAY=2027-03-02 meet-plan -x -N -f mail >"$T/next-en.eml"
parts "$T/next-en.eml" "$T/next-en" >"$T/next-en.head"
is "$(sed -n 's/^subject: //p' "$T/next-en.head")" \
    "Allies meetings: 3 invitations" "two networks: the Subject in English"
# New meetings (a dry run) get a new UID and DTSTAMP each time.
grep -Ev '^(UID|DTSTAMP):' "$T/next.cal0" >"$T/next.ics"
grep -Ev '^(UID|DTSTAMP):' "$T/next-en.cal0" >"$T/next-en.ics"
cmp -s "$T/next.ics" "$T/next-en.ics"
ok "$?" "two networks: the calendar the same but for UID and DTSTAMP"
export ALLY_NETWORK=Middelburg

# ---- machine output: the same bytes in every language ------------------------------
same "-l (yaml)" meet-plan -l
same "-l -f csv" meet-plan -l -f csv
same "-l -f text" meet-plan -l -f text
same "-l -f ics" meet-plan -l -f ics -o coordinator@example.org
same "-V -l -f csv" meet-plan -V -l -f csv
same "-S" meet-plan -S
same "-y 2028 -N -f csv" meet-plan -y 2028 -N -f csv
same "-x -N" env -u ALLY_NETWORK ALLY_TODAY=2027-03-02 meet-plan -x -N
printf -- '- id: 5\n  meal: no\n' >"$T/u.yaml"
same "-u -N -f csv" meet-plan -u -N -f csv "$T/u.yaml"
same "ally-add -K -f vcard (vcard.c)" ally-add -K -f vcard

done_testing
