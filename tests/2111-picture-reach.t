#!/bin/sh
# The picture for the crisis organisation shows the reach of the open
# call round, or of the latest: to call, reached, still to reach --
# counts only, no alias, no reason (issue 18, 4).  In every format.
. "$(dirname "$0")/lib.sh"

csv() { "$@" | tr -d '\r'; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
V="$T/veere.db"
ALLY_DB=$V ally-add --create -q -n Veere "$FIX/report-sentiment/veere-members.yaml"

# Friday 23:10: a round over the call list: 11 allies and 4 staff.
export ALLY_TODAY="2027-01-15 23:10"
printf 'reason: stabbing near the station A05\nthemes: safety\n' |
    ally-add -O -f csv >/dev/null
# 23:50: A01 reached with news (3, evidenced), A02 and A06 no answer,
# A07 calls back at 00:40, the eleven others reached: 12 reached, 3
# still to reach (2 no answer, 1 call back).
export ALLY_TODAY="2027-01-15 23:50"
csv ally-add -P -f csv | awk -F, -v OFS=, '
NR == 1 { print; next }
$2 == "A01" { $5 = "reached"; $6 = "23:15"; $8 = "safety"; $9 = 3;
	$10 = "rising"; $11 = "evidenced"; $12 = "young men gather at the square" }
$2 == "A02" || $2 == "A06" { $5 = "no-answer"; $6 = "23:20" }
$2 == "A07" { $5 = "call-back"; $6 = "23:25"; $7 = "00:40" }
$5 == "" { $5 = "reached"; $6 = "23:40" }
{ print }' >"$T/sheet.csv"
ally-add -o "$T/sheet.csv" >/dev/null

noleak() {	# noleak TEXT DESCRIPTION
	if printf '%s\n' "$1" | grep -Eq '\<[APM][0-9]{2}\>|stabbing|Lambrechts'; then
		ok 1 "$2: no alias, no reason, no name"
	else
		ok 0 "$2: no alias, no reason, no name"
	fi
}

run csv report-sentiment -p -f csv
is "$out" "network,theme,date,tension,level,trend,basis,allies,signals,alert,summary,to_call,reached,to_reach
Middelburg,safety,2027-01-15,3,tension,rising,evidenced,1,1,level,young men gather at the square,15,12,3" \
    "csv: the open round's reach on the line: 15, 12, 3"
noleak "$out" "csv"
run report-sentiment -p -S -f yaml
like "$out" "to_call: 15" "yaml: to_call"
like "$out" "reached: 12" "yaml: reached"
like "$out" "to_reach: 3" "yaml: to_reach"
noleak "$out" "yaml"

run report-sentiment -p -f text
like "$out" "^Call round opened 2027-01-15 23:10, still open: 15 to call, 12 reached," \
    "text: the reach in a sentence"
like "$out" "^3 still to reach\\.$" "... 3 still to reach"
like "$out" "^Readings of the last 72 hours up to 2027-01-15 23:50\\.$" \
    "text: the window"
noleak "$out" "text"

report-sentiment -p -f roff >"$T/p.roff"
groff -t -ms -ww -Tpdf "$T/p.roff" >"$T/p.pdf" 2>"$T/groff.err"
is "$?:$(cat "$T/groff.err")" "0:" "roff: groff typesets it without a warning"
txt=$(pdftotext -layout "$T/p.pdf" - 2>/dev/null | tr -s ' \n' '  ')
like "$txt" "still open: 15 to call, 12 reached, 3 still to reach" "roff: the reach printed"
noleak "$txt" "roff"

run report-sentiment -p -f mail --to crisis@example.org
like "$(printf '%s\n' "$out" | tr -s ' \n' '  ')" "15 to call, 12 reached, 3 still to reach" \
    "mail: the reach in the message"
noleak "$(printf '%s\n' "$out" | grep -v '^To:')" "mail"

run dutch report-sentiment -p -f text
like "$out" "^Belronde geopend 2027-01-15 23:10, nog open: 15 te bellen, 12 bereikt," \
    "Dutch: the reach"

# 00:45: A07 reached; 09:30 A02 reached, A06 declines; the round closed.
# 15 to call, 14 reached, 0 still to reach (a refusal is not to reach).
export ALLY_TODAY="2027-01-16 00:45"
printf 'round,alias,outcome,at\n1,A07,reached,00:40\n' | ally-add -o >/dev/null
export ALLY_TODAY="2027-01-16 09:30"
printf 'round,alias,outcome,at\n1,A02,reached,08:30\n1,A06,declined,08:45\n' |
    ally-add -o >/dev/null
printf 'id: 1\nstatus: closed\nsummary: calm by Saturday\n' | ally-add -O >/dev/null
is "$(csv report-sentiment -p -f csv | sed 1d | cut -d, -f1,2,12-)" \
    "Middelburg,safety,15,14,0" "closed: the latest round's reach: 15, 14, 0"
like "$(report-sentiment -p -f text)" \
    "^Call round opened 2027-01-15 23:10, closed: 15 to call, 14 reached, 0" \
    "closed: said so"

# Two networks: Veere has no round, its reach is empty.
ALLY_DB=$V report-sentiment -u -q <<'EOF2'
date,time,theme,tension,source
2027-01-16,08:00,safety,1,A01
EOF2
is "$(csv report-sentiment -p -g -f csv "$ALLY_DB" "$V" | sed 1d | cut -d, -f1,2,12-)" \
    "Middelburg,safety,15,14,0
Veere,safety,,," "-g: each network's own reach, none for Veere"
run report-sentiment -p -g -f text "$ALLY_DB" "$V"
out=$(printf "%s\n" "$out" | tr -s " \n" "  ")
like "$out" "^Picture .* Middelburg Call round opened 2027-01-15 23:10, closed: 15 to call, 14 reached, 0 still to reach\\. .* Veere Theme" \
    "-g text: Middelburg's round under its heading, none under Veere's"

done_testing
