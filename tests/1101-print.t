#!/bin/sh
# Print: the minutes, the agenda, the review sheet and the sentiment
# report as troff (-f roff) for groff -t -ms.  Each one is typeset to PDF
# without a single warning, and the PDF's text holds the headings, the
# aliases, the themes and the page numbers, no member's name, phone or
# e-mail, and text that looks like troff exactly as it was written.
. "$(dirname "$0")/lib.sh"
PF="$FIX/print"

if ! command -v pdftotext >/dev/null 2>&1 ||
    ! printf '.LP\nx\n' | groff -ms -Tpdf >/dev/null 2>&1; then
	echo "1..0 # SKIP groff with gropdf (Debian: groff) or pdftotext (poppler-utils) missing"
	exit 0
fi

# typeset NAME: $T/NAME.roff into $T/NAME.pdf; $grc is groff's status,
# $warn what it said on stderr (-ww: every warning), $text the PDF's text.
typeset() {
	groff -t -ms -ww -Tpdf "$T/$1.roff" >"$T/$1.pdf" 2>"$T/$1.warn"
	grc=$?
	warn=$(cat "$T/$1.warn")
	text=$(pdftotext -layout "$T/$1.pdf" - 2>/dev/null)
}

# print_ok NAME WHAT CMD...: run the command into NAME.roff and typeset it.
print_ok() {
	_name=$1 _what=$2
	shift 2
	"$@" >"$T/$_name.roff" 2>"$T/$_name.err"
	is "$?" 0 "$_what: -f roff exits 0"
	is "$(cat "$T/$_name.err")" "" "$_what: nothing on stderr"
	typeset "$_name"
	is "$grc" 0 "$_what: groff -t -ms -Tpdf exits 0"
	is "$warn" "" "$_what: groff -ww warns of nothing"
	_hits=$(printf '%s\n' "$text" | grep -F -f "$T/identities")
	is "$_hits" "" "$_what: no name, phone or e-mail of a member"
}

# has TEXT WHAT: the PDF's text holds TEXT (a fixed string).
has() {
	if printf '%s\n' "$text" | grep -Fq -- "$1"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		printf '#   not in the PDF: %s\n' "$1"
	fi
}

# The members' identities, which no printed page may show.
sed -n 's/^- name: //p; s/^  phone: //p; s/^  email: //p' \
    "$EXAMPLES/members.yaml" >"$T/identities"
is "$(wc -l <"$T/identities")" 37 "the 16 names, 11 phones and 10 e-mails to look for"

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
ALLY_TODAY=2027-03-13 report-sentiment -r -q "$EXAMPLES/callround.csv"
export ALLY_TODAY=2027-12-20
meet-minutes -q "$FIX/meet-minutes/minutes-2027.yaml"
is "$?" 0 "the year's minutes are recorded"
sqlite3 "$ALLY_DB" "INSERT INTO meeting (network_id, date, time, location,
  host, chair_id, meal, status, uid, created, updated) VALUES (1,
  '2028-02-09', '18:00', 'Stadhuis Middelburg', 'municipality',
  (SELECT id FROM person WHERE alias = 'A05'), 1, 'planned', 'next@test',
  '2027-12-20', '2027-12-20')"

# ---- the minutes -----------------------------------------------------------

print_ok minutes "the minutes" meet-minutes -l -m 2027-11-10 -f roff
has "Minutes of the allies' meeting" "the minutes: the title, quote as typed"
has "Wednesday 10 November 2027, 18:00" "the minutes: the date in words"
has "Cultureel centrum De Spiegel (host: ally)" "the minutes: the venue"
has "A01 A02 A03 A04 A05 A06 A07 A09 A10 A11 A12 M01 M02 P01" \
    "the minutes: those present, by alias"
has "Themes (3)" "the minutes: the themes heading"
has "polarisation" "the minutes: a theme"
has "3 tension" "the minutes: its level in words"
has "Actions (5)" "the minutes: the actions heading"
has "Notes" "the minutes: the notes heading"
like "$(printf '%s\n' "$text" | head -1)" \
    "^Middelburg +Minutes of the allies' meeting +2027-11-10$" \
    "the minutes: page header with network, title and date"
like "$text" "^ *- ?1 ?- *$" "the minutes: page number - 1 -"

meet-minutes -l -f roff >"$T/all.roff"
typeset all
is "$warn" "" "all minutes: no warning"
is "$(printf '%s\n' "$text" | grep -c '^ *Minutes of the allies.* meeting$')" 5 \
    "all minutes: five, each with its title"
like "$text" "^ *- ?5 ?- *$" "all minutes: each on its own page, numbered to 5"
is "$(pdftotext "$T/all.pdf" - | grep -c '^2027-06-10$')" 1 \
    "all minutes: the header follows the meeting (3rd page: 2027-06-10)"

run meet-minutes -l -V themes -f roff
is "$rc" 64 "a view is not printed as roff (usage)"

# ---- the agenda ------------------------------------------------------------

print_ok agenda "the agenda" meet-minutes -a -f roff
has "Agenda of the next allies' meeting" "the agenda: the title"
has "Wednesday 9 February 2028, 18:00" "the agenda: the next meeting"
has "Stadhuis Middelburg (host: municipality)" "the agenda: the venue"
like "$text" "^ *1\. +The shared meal$" "the agenda: numbered items"
like "$text" "^ *7\. +The next meeting: date, venue and chair$" \
    "the agenda: the last item, 7"
has "Actions carried over: 20 open" "the agenda: the actions carried over"
has "Rising or at level 3-4 last time (2027-11-10):" "the agenda: the themes"
has "youth" "the agenda: a theme rising last time"
has "Agreed at meeting 5 of 2027-11-10, 40 days ago." \
    "the agenda: where an action was agreed"
has "The half-yearly review is due" "the agenda: the review"
like "$text" "^ *- ?2 ?- *$" "the agenda: a second page, numbered"
is "$(printf '%s\n' "$text" | grep -c '^ *# *Party *Owner *Due *Action *$')" 2 \
    "the agenda: the table's headings again on its second page"
meet-minutes -a -f text >"$T/agenda.txt"
is "$(grep -cE '^ *[0-9]+ +(ally|police|municipality|joint) ' "$T/agenda.txt")" \
    "$(printf '%s\n' "$text" | grep -cE '^ *[0-9]+ +(ally|police|municipality|joint) ')" \
    "the agenda: every action of the text form is in the table"

# ---- the review sheet ---------------------------------------------------------

# The example profile gives some groups only: the sums are warned of.
print_ok review "the review sheet" sh -c 'ally-review -f roff -T "$1" 2>/dev/null' sh "$EXAMPLES/target-profile.yaml"
has "Review of the allies network" "the review: the title"
has "Meetings held from 2027-06-20 to 2027-12-20." "the review: the window"
for a in A01 A06 A11 A12 M01 M02 P01 P02; do
	like "$text" "^ *$a  " "the review: member $a in the table"
done
has "candidate-too-long" "the review: the flags"
has "12: ok (at least 8, at most 15; active 11, candidates 1, paused 0)" \
    "the review: the summary, as in the text form"
has "Curaçaoan-Dutch" "the review: UTF-8 passes (as \\[u00E7])"
grep -q 'Cura\\\[u00E7\]aoan' "$T/review.roff"
is "$?" 0 "the review: non-ASCII written as \\[uXXXX], no preconv needed"
has "Representation" "the review: the representation heading"
like "$text" "^ *- ?2 ?- *$" "the review: two pages"
print_ok summary "the summary (-S)" ally-review -S -f roff
has "none yet; the next is due 2027-04-01 (due now)" "the summary: the review due"
print_ok repr "the representation (-r)" ally-review -r -f roff
unlike "$text" "Members" "the representation: no member table"

# ---- the sentiment report -----------------------------------------------------

# The thermometer over a year (8760 hours): every theme of the minutes.
print_ok thermo "the thermometer" report-sentiment -f roff -H 8760
has "The tension thermometer" "the thermometer: the title"
for th in polarisation poverty nuisance safety trust youth radicalisation; do
	like "$text" "^ *$th +20" "the thermometer: theme $th"
done
has "(evidenced; meeting:5;" "the thermometer: basis and source"
print_ok quarter "the period table" report-sentiment -f roff -b quarter
has "Tension by theme and quarter" "the period table: the title"
like "$text" "^ *polarisation +2027-Q1 +2 +5 +3 tension +2.5 +new +1 *$" \
    "the period table: a theme's first quarter, as in the text form"
like "$text" "^ +2027-Q4 +1 +1 +3 tension +3.0 +rising +1 *$" \
    "the period table: the theme named once"
like "$text" "^ *- ?1 ?- *$" "the period table: page number"
run report-sentiment -a -f roff
is "$rc" 64 "the alerts are not printed as roff (usage)"

# ---- hostile text ---------------------------------------------------------------

ALLY_TODAY=2027-12-20 meet-minutes -q "$PF/hostile-minutes.yaml"
is "$?" 0 "minutes with text that looks like troff are recorded"
print_ok hostile "hostile minutes" meet-minutes -l -m 2027-12-01 -f roff
has 'Zaal "De Spiegel" \ achter (host: ally)' "a venue with quotes and a backslash"
has ".TE and \\fBbold\\fR and \"quoted\" and \`grave' and \\n% and \\(rs" \
    "a summary with a leading '.', escapes and quotes, as written"
has ".so /etc/passwd and \\fBnot bold\\fP" "an action title with a leading '.'"
has "\\&'single' \"double\" \\\\ two" "a note with \\& and quotes"
has ".ds LH owned 'br \\fIitalic\\fP? no: a backslash \\ stays a backslash." \
    "the notes: requests and a leading quote print as text"
has "T} _ .bp" "the notes: T}, _ and .bp print as text"
like "$(printf '%s\n' "$text" | head -1)" "^Middelburg " \
    "the header is not redefined by the notes"
is "$(pdfinfo "$T/hostile.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')" 1 \
    "no page break from the text"

ALLY_TODAY=2027-12-20 report-sentiment -r -q "$PF/hostile-signals.csv"
print_ok hsignal "a hostile signal" report-sentiment -f roff -U 2027-12-05
has ".TS \\fB'x' \"q\" \\\\ end (experienced; A03;" \
    "a signal's summary with troff in it, as written"

# Standard output full: the write error is reported.
run sh -c 'meet-minutes -a -f roff >/dev/full'
is "$rc" 74 "a full disk is an I/O error (74)"

done_testing
