#!/bin/sh
# CSV for Dutch Excel (issue 22, 1): with ALLY_CSV_DELIMITER=";" every
# CSV output has semicolons between its fields, a byte order mark and a
# decimal comma, as a spreadsheet with a decimal comma reads it; without
# it, RFC 4180 as before; and what was written reads back unchanged.
. "$(dirname "$0")/lib.sh"

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-12-20
meet-minutes -t -q "$EXAMPLES/topics-2027.yaml"
meet-minutes -q "$EXAMPLES/minutes-2027.yaml"
# Trust in the fourth quarter: the minutes' level 2 of 20 April is in
# the second; two allies' levels 1 and 2 in December, a mean of 1.5.
printf -- '- date: 2027-12-01\n  theme: trust\n  tension: 1\n  source: A01\n- date: 2027-12-02\n  theme: trust\n  tension: 2\n  source: A02\n' |
    report-sentiment -u -q

# excel FILE: the rows as a Dutch Excel would split them (a semicolon,
# the mark skipped), one line each, fields joined by "|".
excel() {
	python3 -c 'import csv, sys, signal
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for row in csv.reader(f, delimiter=";"):
        print("|".join(row))' "$1"
}

# RFC 4180 unless asked.
report-sentiment -b quarter -f csv >"$T/comma.csv"
is "$(head -c 5 "$T/comma.csv")" "theme" "unset: no byte order mark"
is "$(head -1 "$T/comma.csv" | tr -d '\r')" \
    "theme,period,readings,signals,max,mean,direction,alerts" \
    "unset: commas"

export ALLY_CSV_DELIMITER=";"
report-sentiment -b quarter -f csv >"$T/semi.csv"
is "$(head -c 3 "$T/semi.csv" | od -An -tx1 | tr -d ' \n')" "efbbbf" \
    "';': a UTF-8 byte order mark first"
is "$(excel "$T/semi.csv" | head -1)" \
    "theme|period|readings|signals|max|mean|direction|alerts" \
    "';': the header split by semicolons"
is "$(excel "$T/semi.csv" | grep '^trust|2027-Q4|' | cut -d'|' -f3,6)" \
    "2|1,5" "';': a mean with a decimal comma"
# The target profile's 14 % of the 12 allies at the table: 1.68, 1,7.
ally-review -r -T "$EXAMPLES/target-profile.yaml" -f csv >"$T/review.csv"
is "$(excel "$T/review.csv" | grep '^age_band|<25|' | cut -d'|' -f5,6)" \
    "14|1,7" "';': the review's expected count with a decimal comma"
is "$(excel "$T/semi.csv" | awk -F'|' 'NF != 8' | wc -l | tr -d ' ')" 0 \
    "';': every row eight cells"
is "$(excel "$T/semi.csv" | sed 's/|\([0-9]\),\([0-9]\)|/|\1.\2|/' | tr '|' ',')" \
    "$(tr -d '\r' <"$T/comma.csv")" "the same figures as with commas"

# A member listing with a comma in a value, fed back: unchanged.
printf 'alias: A01\nnotes: "Rust, stil; goed contact"\n' | ally-add -q -u
ally-add -l -f csv >"$T/members.csv"
is "$(excel "$T/members.csv" | grep '|A01|' | tr '|' '\n' | grep -c 'Rust, stil; goed contact')" \
    1 "a value with a comma and a semicolon in one cell"
before=$(dbdump)
run ally-add -u -f yaml "$T/members.csv"
is "$rc:$(printf '%s\n' "$out" | sed -n 's/^ *change: //p' | sort -u)" \
    "0:unchanged" "the listing fed back: every member unchanged"
is "$(dbdump)" "$before" "and nothing written"

# The export and the roll-up: a district reads a semicolon export as
# it reads a comma one.
report-sentiment -x -f csv >"$T/export-semi.csv"
unset ALLY_CSV_DELIMITER
report-sentiment -x -f csv >"$T/export-comma.csv"
report-sentiment -g -b quarter -f csv "$T/export-semi.csv" >"$T/r1"
report-sentiment -g -b quarter -f csv "$T/export-comma.csv" >"$T/r2"
ok "$([ -s "$T/r1" ] && cmp -s "$T/r1" "$T/r2"; echo $?)" \
    "the roll-up of a semicolon export equals the comma one's"

# Tab, on request.
ALLY_CSV_DELIMITER=tab report-sentiment -b quarter -f csv >"$T/tab.csv"
is "$(head -1 "$T/tab.csv" | tr -d '\r' | tr '\t' '|')" \
    "theme|period|readings|signals|max|mean|direction|alerts" "tab: tabs"
done_testing
