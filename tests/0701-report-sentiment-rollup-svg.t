#!/bin/sh
# report-sentiment: the roll-up across networks and files (aggregates
# only: no alias, source or summary anywhere), and the SVG heat map
# (well-formed XML with every theme and period, alerts marked, hostile
# text escaped).
. "$(dirname "$0")/lib.sh"
F="$FIX/report-sentiment"
PY=/usr/bin/python3
export ALLY_TODAY=2028-12-31

# Two networks in one file, a third in another.
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" <"$F/meetings.sql"
report-sentiment -r -q -n Middelburg "$F/middelburg.csv"
ally-add --create -q -n Veere "$F/veere-members.yaml"
report-sentiment -r -q -n Veere "$F/veere.yaml"
V="$T/vlissingen.db"
ALLY_DB=$V ally-add --create -q -n Vlissingen "$F/veere-members.yaml"
ALLY_DB=$V report-sentiment -r -q "$F/vlissingen.csv"

# Every summary of the fixtures, and every alias: none may leak.
summaries() {
	tail -n +2 "$F/middelburg.csv" "$F/vlissingen.csv" | grep -v '^==>' |
	    sed 's/.*,\(A[0-9]*\|P0[0-9]\|meeting:[0-9]*\),//; s/^"//; s/"$//' |
	    grep -v '^$'
	sed -n 's/^  summary: //p' "$F/veere.yaml"
}
summaries | sort -u >"$T/summaries"
is "$(wc -l <"$T/summaries")" 20 "the fixtures have 20 distinct summaries"
noleak() {	# noleak FILE DESCRIPTION
	if grep -Eq '\<[APM][0-9]{2}\>|meeting:' "$1"; then
		ok 1 "$2: no alias or source"
	else
		ok 0 "$2: no alias or source"
	fi
	if grep -Fqf "$T/summaries" "$1"; then
		ok 1 "$2: no summary"
	else
		ok 0 "$2: no summary"
	fi
}

# -- the roll-up ----------------------------------------------------------------------
for f in yaml csv text svg; do
	report-sentiment -g -b quarter -f $f "$ALLY_DB" "$V" >"$T/rollup.$f"
	is "$?" 0 "-g -f $f: exit 0"
	noleak "$T/rollup.$f" "-g -f $f"
done
report-sentiment -g -a -s 2027-01-01 -f yaml -d "$ALLY_DB" -d "$V" >"$T/ra.yaml"
noleak "$T/ra.yaml" "-g -a"
tr -d '\r' <"$T/rollup.csv" >"$T/rollup"
like "$(cat "$T/rollup")" "^polarisation,2027-Q1,3,7,10,4,2\\.6,new,4" \
    "polarisation 2027-Q1: 3 networks, 7 readings, 10 signals, max 4, 4 alerts"
like "$(cat "$T/rollup")" "^poverty,2028-Q2,2,2,2,2,2\\.0," \
    "poverty 2028-Q2: Middelburg and Veere"
is "$(head -1 "$T/rollup")" \
    "theme,period,networks,readings,signals,max,mean,direction,alerts" \
    "the roll-up's fields: aggregates only"
run report-sentiment -g -b quarter -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -c '^polarisation,2027-Q1,2,')" 1 \
    "-g on one file: its two networks"
is "$(grep -c 'network: Vlissingen' "$T/ra.yaml")" 1 \
    "-g -a names the network of an alert"
is "$(grep -c "file: '$V'" "$T/ra.yaml")" 1 "... and its file"

# -- the heat map ------------------------------------------------------------------------
svgcheck() {	# svgcheck FILE: themes, periods and markers, or a parse error
	$PY - "$1" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1])
ns = "{http://www.w3.org/2000/svg}"
texts = [e.text for e in t.iter(ns + "text") if e.text]
tips = [e.text for e in t.iter(ns + "title") if e.text]
marks = [e for e in t.iter(ns + "rect") if e.get("class") == "alert"]
print("\n".join(texts))
print("MARKS %d" % len(marks))
for x in tips:
    print("TIP " + x)
PYEOF
}
report-sentiment -n Middelburg -f svg >"$T/m.svg"
is "$?" 0 "-f svg: exit 0"
svgcheck "$T/m.svg" >"$T/m.txt"
is "$?" 0 "the SVG is well-formed XML"
for th in nuisance polarisation poverty trust youth; do
	is "$(grep -cx "$th" "$T/m.txt")" 1 "the map has a row for $th"
done
missing=
for y in 2027 2028; do
	for mo in 01 02 03 04 05 06 07 08 09 10 11 12; do
		[ "$y-$mo" = 2028-12 ] && continue
		grep -qx "$y-$mo" "$T/m.txt" || missing="$missing $y-$mo"
	done
done
is "$missing" "" "a column for every month from 2027-01 to 2028-11"
is "$(sed -n 's/^MARKS //p' "$T/m.txt")" 5 \
    "four cells with alerts marked, and the legend's marker"
like "$(cat "$T/m.txt")" "^calm$" "the legend names the levels"
is "$(grep -c '^20[0-9-]*: .* at level' "$T/m.txt")" 5 "the five alerts listed"
like "$(cat "$T/m.txt")" "^TIP youth, 2028-10: 1 readings, highest 2 \\(concern\\)" \
    "a cell's figures in its tooltip"

report-sentiment -n Middelburg -f svg -b meeting >"$T/mm.svg"
svgcheck "$T/mm.svg" >"$T/mm.txt"
is "$?" 0 "by meeting: well-formed"
for d in 2027-01-20 2027-03-10 2028-09-13; do
	is "$(grep -cx "$d" "$T/mm.txt")" 1 "by meeting: a column for $d"
done
svgcheck "$T/rollup.svg" >"$T/r.txt"
is "$?" 0 "the roll-up's SVG is well-formed"
like "$(cat "$T/r.txt")" "^2027-Q1$" "... by quarter"
like "$(cat "$T/r.txt")" "Vlissingen: polarisation at level 4" \
    "... with the alerts of every network"

# -- hostile text ------------------------------------------------------------------------------
hostile='Flyer: <script>alert("x")</script> & '"'"'burn'"'"' ]]> &amp;'
printf 'date,theme,tension,source,summary\n2028-12-30,safety,2,A01,"%s"\n' \
    "$(printf '%s' "$hostile" | sed 's/"/""/g')" | report-sentiment -r -q -n Middelburg
report-sentiment -n Middelburg -f svg -s 2028-12-01 >"$T/h.svg"
svgcheck "$T/h.svg" >"$T/h.txt"
is "$?" 0 "hostile summary: still well-formed"
like "$(grep -F "$hostile" "$T/h.txt")" "^TIP safety, 2028-12: .*last: Flyer" \
    "hostile summary: read back exactly as written"
unlike "$(cat "$T/h.svg")" "<script|& |'burn'|\"x\"" \
    "hostile summary: <, &, quotes escaped in the file"

run report-sentiment -n Middelburg -f svg -s 2029-01-01 -U 2029-01-31
is "$rc" 66 "nothing to draw: exit 66"
report-sentiment -n Middelburg -f svg >/dev/full 2>/dev/null
is "$?" 74 "svg on a full disk: exit 74"

done_testing
