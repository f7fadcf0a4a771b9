#!/bin/sh
# The command line of the six commands from their option tables (lib/opt.c,
# issue 17 points 5 and 6): --help lists every option once, each in the
# manual; no letter or long name twice; an option outside its modes and an
# operand a mode does not take are refused with 64 and a line saying so;
# -u reads records in every command, the old spellings stay synonyms.
. "$(dirname "$0")/lib.sh"
CMDS="ally-add meet-plan meet-minutes action-track ally-review report-sentiment"

for c in $CMDS; do
	run "$c" --help
	is "$rc" 0 "$c --help: exit 0"
	printf '%s\n' "$out" >"$T/help"
	is "$(sed -n 1p "$T/help" | cut -d' ' -f1-2)" "usage: $c" \
	    "$c --help: the synopsis first"
	is "$(tail -1 "$T/help")" "Full documentation: man 1 $c" \
	    "$c --help: the manual last"
	grep -E -- '^  (-[A-Za-z], |    )--[a-z-]+' "$T/help" >"$T/opts"
	long=$(sed -E 's/^  (-[A-Za-z], |    )(--[a-z-]+).*/\2/' "$T/opts" | sort)
	short=$(grep -oE -- '^  -[A-Za-z],' "$T/opts" | tr -d ' ,' | sort)
	is "$(printf '%s\n' "$long" | uniq -d)" "" "$c: no long name twice"
	is "$(printf '%s\n' "$short" | uniq -d)" "" "$c: no letter twice"
	is "$(grep -c '^  ' "$T/opts")" "$(grep -c . "$T/opts")" \
	    "$c: every option on one line with its help"
	# Each option of --help is in the manual's list of options, and back.
	man=$(grep -oE -- '^\.It Fl .*' "$TOP/man/$c.1" | grep -oE -- '\\?-[a-z][a-z-]+' |
	    sed 's/^\\//; s/^-*/--/' | sort -u)
	miss=
	for o in $long; do
		printf '%s\n' "$man" | grep -qx -- "$o" || miss="$miss $o"
	done
	is "$miss" "" "$c: every long option of --help is in $c(1)"
	miss=
	for o in $man; do
		printf '%s\n' "$long" | grep -qx -- "$o" || miss="$miss $o"
	done
	is "$miss" "" "$c: every long option of $c(1) is in --help"
done

# refused CMD ARGS... -- MESSAGE: 64, MESSAGE first, then the synopsis.
refused() {
	want=$1
	shift
	run "$@"
	is "$rc:$(printf '%s\n' "$errout" | sed -n 1p)" "64:$1: $want" "$*: 64, said"
	like "$(printf '%s\n' "$errout" | sed -n 2p)" "^usage: $1 " "$*: the synopsis"
	is "$out" "" "$*: nothing on stdout"
}
newdb Middelburg
# -u reads records in every command: a synonym of the default in ally-add
# and meet-minutes, of -r in report-sentiment; the same records, the same
# output, the same status.
same() {	# same WHAT CMD1... -- CMD2...
	what=$1
	shift
	a=
	while [ "$1" != -- ]; do a="$a $1"; shift; done
	shift
	# shellcheck disable=SC2086
	$a >"$T/a.out" 2>"$T/a.err"
	ra=$?
	"$@" >"$T/b.out" 2>"$T/b.err"
	rb=$?
	is "$rb" "$ra" "$what: the same status ($ra)"
	diff_ok "$T/b.out" "$T/a.out" "$what: the same output"
}
same "ally-add -u" ally-add -N -f csv "$EXAMPLES/members.yaml" -- \
    ally-add -u -N -f csv "$EXAMPLES/members.yaml"
same "ally-add --update" ally-add -N -f csv "$EXAMPLES/members.yaml" -- \
    ally-add --update -N -f csv "$EXAMPLES/members.yaml"
ally-add -q "$EXAMPLES/members.yaml"
# The common wording: the mode the user chose, or the ones that allow it.
refused "-c does not go with -l" ally-add -l -c
refused "-I goes with -l only" ally-add -I
refused "-F does not go with -K" ally-add -K -F yaml
refused "-N does not go with -A" ally-add -A -N
refused "-q does not go with -W" ally-add -W -q
refused "-q does not go with -l" meet-minutes -l -q
refused "-m goes with -l only" meet-minutes -m last
refused "-V does not go with -a" meet-minutes -a -V themes
refused "-F does not go with -l" meet-minutes -l -F csv
refused "-s does not go with -u" action-track -u -s open
refused "-q goes with -u, -a, -c, -x, -O, -H, -k only" action-track -q
refused "-D does not go with -O" action-track --reopen -D 2027-01-01 4
refused "--to does not go with -r" action-track --reciprocity --to a@example.org
refused "-F goes with -u, -a, -k only" action-track -F csv
refused "-w does not go with -u" action-track -u -w 3
refused "-T does not go with -S" ally-review -S -T x.yaml
refused "-s does not go with -D" ally-review -D -s 2027-01-01
refused "-q goes with -u only" ally-review -q
refused "-m does not go with -i" meet-plan -i 7 -m 6
# The wordings the tests had before the table keep theirs.
refused "-N is for commands that write" meet-plan -l -N
refused "-b gives blackouts for planning (-y, -s or -x)" meet-plan -u -b x.yaml
refused "-r records signals; the report options do not apply" report-sentiment -u -L 3
refused "-N and -q go with -r" report-sentiment -a -q
refused "-g rolls up the period table or the alerts" report-sentiment -l -g
# Operands.
refused "extra operand 'x'" ally-add -l x
refused "missing operand" ally-add -E
refused "extra operand 'b'" ally-add -R 12 b
refused "missing operand" action-track --done
refused "extra operand 'x'" ally-review -D x
refused "extra operand 'x'" meet-minutes -a x
refused "files are read with -u or -V only" meet-plan -x x
# Two modes: the usage error of before (ally-add: the synopsis alone).
run ally-add -W -u
is "$rc:$(printf '%s\n' "$errout" | sed -n 1p | cut -d' ' -f1-2)" "64:usage: ally-add" \
    "ally-add -W -u: two modes, the synopsis"
refused "choose one of -u, -a, --done, --drop, --reopen, --hand-over, --remind, --reciprocity, --contact, --contacts, --not-spoken" \
    action-track -u -a
refused "-r, -l, -a, -b, -p and -x exclude each other" report-sentiment -u -l

meet-plan -q -V "$EXAMPLES/venues.yaml"
meet-plan -q -y 2027
export ALLY_TODAY=2027-12-31
meet-minutes -t -q "$EXAMPLES/topics-2027.yaml"
same "meet-minutes -u" meet-minutes -N -f csv "$EXAMPLES/minutes-2027.yaml" -- \
    meet-minutes -u -N -f csv "$EXAMPLES/minutes-2027.yaml"
same "report-sentiment -u" report-sentiment -r -N -f csv "$EXAMPLES/callround.csv" -- \
    report-sentiment -u -N -f csv "$EXAMPLES/callround.csv"
same "report-sentiment --update" report-sentiment --record -N -f csv "$EXAMPLES/callround.csv" -- \
    report-sentiment --update -N -f csv "$EXAMPLES/callround.csv"
report-sentiment -q -u "$EXAMPLES/callround.csv"
is "$?" 0 "report-sentiment -u records"
same "report-sentiment -U, the new --until" report-sentiment -f csv --until 2027-03-20 -- \
    report-sentiment -f csv -U 2027-03-20
done_testing
