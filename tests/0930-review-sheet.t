#!/bin/sh
# The review sheet written once (lib/review_sheet.c): -f text shows what
# print shows, row for row; in print every member is one line, the status
# and its date side by side (they wrapped onto two lines before), and the
# decision has the room the line leaves; in text a heading stands apart
# from the title.
. "$(dirname "$0")/lib.sh"
. "$FIX/ally-review/seed.sh"

seed_middelburg
export ALLY_TODAY=2027-06-15

run ally-review -f text
is "$rc" 0 "the sheet as text"
printf '%s\n' "$out" >"$T/sheet.txt"
is "$(sed -n 1p "$T/sheet.txt")" "Review of the allies network" "text: the title"
is "$(sed -n 2p "$T/sheet.txt")" "" "text: a blank line between the title and the first heading"
is "$(sed -n 3p "$T/sheet.txt")" "Members" "text: the first heading"
is "$(sed '/^Contact/,$d' "$T/sheet.txt" | grep -c '^  [AMP][0-9][0-9]  ')" 10 "text: ten members, a line each"
like "$out" "^  A05    ally          candidate 2027-05-01  0 of 0     -  -                  0  no-intake not-vetted$" \
    "text: the status and its date in one column, as printed"

ally-review -f roff >"$T/sheet.roff"
is "$?" 0 "the sheet as roff"
is "$(sed -n '/^\.TS H/,/^\.TE/p' "$T/sheet.roff" | sed -n 4p)" \
    "l2 l2 l2 l2 n2 l2 n2 lw(3.2c)2 lx." \
    "roff: the status column as wide as it needs, the decision what is left"
is "$(sed -n '/^\.TS H/,/^\.TE/p' "$T/sheet.roff" | grep -c '^\.br')" 0 \
    "roff: no line break inside a member's row"
like "$(cat "$T/sheet.roff")" "$(printf '^\\\\&A05\t\\\\&ally\t\\\\&candidate 2027-05-01\t')" \
    "roff: the status and its date in one cell"

if ! command -v pdftotext >/dev/null 2>&1 ||
    ! printf '.LP\nx\n' | groff -ms -Tpdf >/dev/null 2>&1; then
	echo "# SKIP the typeset sheet: groff with gropdf or pdftotext missing"
	done_testing
fi

# typeset NAME: $T/NAME.roff into $T/NAME.pdf, its text in $T/NAME.pdf.txt
# with runs of blanks made one.
typeset() {
	groff -t -ms -ww -Tpdf "$T/$1.roff" >"$T/$1.pdf" 2>"$T/$1.warn"
	is "$?" 0 "$1: groff -t -ms -Tpdf exits 0"
	is "$(cat "$T/$1.warn")" "" "$1: groff -ww warns of nothing (the table fits)"
	pdftotext -layout "$T/$1.pdf" - | sed 's/  */ /g; s/^ //' >"$T/$1.pdf.txt"
}

typeset sheet
# Every member of the text form is one line of the printed table, up to
# the flags (which wrap in their narrow column).
printf '%s\n' "$out" | sed '/^Contact/,$d' | grep '^  [AMP][0-9][0-9]  ' |
    sed 's/  */ /g; s/^ //' | cut -d' ' -f1-10 >"$T/rows.txt"
missing=$(awk 'NR == FNR { line[$0 " "] = 1; next }
    { for (l in line) if (index(l, $0 " ") == 1) next; print }' \
    "$T/sheet.pdf.txt" "$T/rows.txt")
is "$(wc -l <"$T/rows.txt")" 10 "ten rows to look for"
is "$missing" "" "print: every member's row of the text form on one line"
like "$(cat "$T/sheet.pdf.txt")" "^A01 ally active 2026-10-01 6 of 6 100 2027-05-20 0 -$" \
    "print: A01's status date beside the status, not under it"

# A decision made shows in the decision column in print, under its
# member's row in text.
printf 'alias,decision,reviewed\nA02,talk,2027-06-15\n' | ally-review -u -q
is "$?" 0 "a decision fed back"
run ally-review -f text
printf '%s\n' "$out" | grep -A1 '^  A02  ' | sed -n 2p >"$T/under"
is "$(cat "$T/under")" "      talk" "text: the decision under its row"
ally-review -f roff >"$T/decided.roff"
typeset decided
like "$(cat "$T/decided.pdf.txt")" "^A02 ally active 2026-10-01 2 of 6 33 2027-03-20 2 low-attendance talk$" \
    "print: the decision in its column"

# Dutch headings are longer: the table still fits the line.
dutch ally-review -f roff >"$T/dutch.roff"
typeset dutch
like "$(cat "$T/dutch.pdf.txt")" "^A05 ally candidate 2027-05-01 0 van 0 - - 0 no-intake not-vetted$" \
    "print in Dutch: one line a member"

done_testing
