#!/bin/sh
# report-sentiment -x and -g over exports: a roll-up without identities.
# The roll-up of the networks' exports equals the roll-up of their
# databases; an export holds aggregates only; a newer export, one that
# holds an alias or a summary, and the same export read twice are
# refused with file:line, nothing printed.
. "$(dirname "$0")/lib.sh"
F="$FIX/report-sentiment"
export ALLY_TODAY=2028-12-31

# Middelburg and Veere in one file, Vlissingen in another (as tests/0701).
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" <"$F/meetings.sql"
report-sentiment -r -q -n Middelburg "$F/middelburg.csv"
ally-add --create -q -n Veere "$F/veere-members.yaml"
report-sentiment -r -q -n Veere "$F/veere.yaml"
V="$T/vlissingen.db"
ALLY_DB=$V ally-add --create -q -n Vlissingen "$F/veere-members.yaml"
ALLY_DB=$V report-sentiment -r -q "$F/vlissingen.csv"
W="$ALLY_DB"

# ---- the exports ---------------------------------------------------------------------------
run report-sentiment -x -g -f csv
is "$rc" 0 "-x -g -f csv: exit 0"
printf '%s\n' "$out" >"$T/mv.csv"
is "$(head -1 "$T/mv.csv" | tr -d '\r')" \
    "version,network,period,theme,readings,signals,max,mean,alerts" \
    "an export's fields: the aggregate's, and nothing else"
if grep -Eq '\<[APM][0-9]{2}\>|meeting:' "$T/mv.csv" ||
    grep -Fq 'Scheldekwartier' "$T/mv.csv"; then
	ok 1 "the export holds no alias, source or summary"
else
	ok 0 "the export holds no alias, source or summary"
fi
ALLY_DB=$V report-sentiment -x -f yaml >"$T/vl.yaml"
# Vlissingen: polarisation in 2027-03, two readings (2 and 4), one alert.
like "$(cat "$T/vl.yaml")" "period: '2027-03'" "Vlissingen's export by month"
is "$(grep -c '^- version: 1$' "$T/vl.yaml")" 2 "two aggregates, each with the version"
run report-sentiment -x -n Middelburg -b quarter -f csv
printf '%s\n' "$out" >"$T/mq.csv"
like "$(tr -d '\r' <"$T/mq.csv")" "^1,Middelburg,2027-Q1,polarisation," \
    "-x -b quarter: by quarter"

# ---- the roll-up from exports equals the roll-up from the databases ---------------------------
same() {	# same DESCRIPTION ARGS...: databases vs exports, the rest alike
	_d=$1
	shift
	report-sentiment -g "$@" "$W" "$V" >"$T/db.out" 2>&1
	_a=$?
	report-sentiment -g "$@" "$T/mv.csv" "$T/vl.yaml" >"$T/ex.out" 2>&1
	_b=$?
	is "$_a:$_b" "0:0" "$_d: both exit 0"
	diff_ok "$T/ex.out" "$T/db.out" "$_d: exports = databases"
}
same "by quarter, csv" -b quarter -f csv
same "by month, csv" -b month -f csv
same "by month, yaml" -f yaml
same "by quarter, text" -b quarter -f text
same "by quarter, roff" -b quarter -f roff
same "one theme" -b quarter -t polarisation -f csv
# Hand-computed (tests/0701): polarisation 2027-Q1 over the three
# networks: 7 readings, 10 signals, highest 4, mean 18/7 = 2.6, 4 alerts.
like "$(tr -d '\r' <"$T/db.out")" "^polarisation,2027-Q1,3,7,10,4,2\\.6,new,4" \
    "polarisation 2027-Q1 by hand"

cat "$T/vl.yaml" >"$T/all.yaml"
report-sentiment -x -g -f yaml >>"$T/all.yaml"
report-sentiment -g -b quarter -f csv "$W" "$V" >"$T/db.csv"
run sh -c "ALLY_DB=$T/none.db report-sentiment -g -b quarter -f csv - <'$T/all.yaml'"
printf '%s\n' "$out" >"$T/stdin.csv"
is "$rc" 0 "exports on standard input, no database at all: exit 0"
diff_ok "$T/stdin.csv" "$T/db.csv" "... the same roll-up"
run report-sentiment -g -b quarter -f csv "$V" "$T/mv.csv"
printf '%s\n' "$out" >"$T/mixed.csv"
diff_ok "$T/mixed.csv" "$T/db.csv" "a database and an export together: the same roll-up"
run report-sentiment -g -b quarter -f csv "$T/mq.csv" "$V"
like "$(printf '%s\n' "$out" | tr -d '\r')" "^polarisation,2027-Q1,2," \
    "an export by quarter rolls up by quarter"

# A mean needs more than one decimal to give its sum back: 30 readings in
# April 2027, 8 at level 3 and 22 at 2, 68 in all: 2.3 would give 69.
B="$T/domburg.db"
ALLY_DB=$B ally-add --create -q -n Domburg "$F/veere-members.yaml"
{
	echo "date,theme,tension,source"
	d=1
	while [ $d -le 30 ]; do
		printf '2027-04-%02d,trust,%d,A01\n' $d $([ $d -le 8 ] && echo 3 || echo 2)
		d=$((d + 1))
	done
} >"$T/april.csv"
ALLY_DB=$B report-sentiment -r -q "$T/april.csv"
ALLY_DB=$B report-sentiment -x -f csv >"$T/dom.csv"
like "$(tr -d '\r' <"$T/dom.csv")" "^1,Domburg,2027-04,trust,30,30,3,2\.27,[0-9]+$" \
    "a mean of 68 in 30 readings: 2.27, the sum given back"
report-sentiment -g -f csv "$B" "$V" >"$T/dom-db.csv"
report-sentiment -g -f csv "$T/dom.csv" "$T/vl.yaml" >"$T/dom-ex.csv"
diff_ok "$T/dom-ex.csv" "$T/dom-db.csv" "... and its roll-up equals the database's"

# ---- refused: file:line, exit 65, nothing printed -------------------------------------------
refused() {	# refused DESCRIPTION PATTERN ARGS...
	_d=$1 _p=$2
	shift 2
	run report-sentiment "$@"
	is "$rc:$out" "65:" "$_d: 65, nothing printed"
	like "$errout" "$_p" "$_d: said with file and line"
}
tr -d '\r' <"$T/mv.csv" | sed '3s/^1,/2,/' >"$T/newer.csv"
refused "a newer export" \
    "newer.csv:3: version: export version 2 is newer than this report-sentiment reads \\(1\\): update ally" \
    -g -b quarter "$T/newer.csv"
tr -d '\r' <"$T/mv.csv" | sed '1s/$/,summary/; 2s/$/,A march was announced/; 3,$s/$/,/' \
    >"$T/summary.csv"
refused "an export with a summary" \
    "summary.csv:2: summary: an export for a roll-up holds no alias, source, summary or identity: refused" \
    -g "$T/summary.csv"
sed '2a\  alias: A02' "$T/vl.yaml" >"$T/alias.yaml"
refused "an export with an alias" "alias.yaml:3: alias: an export for a roll-up holds no alias" \
    -g "$T/alias.yaml"
sed 's/^  source: .*//' "$T/vl.yaml" | sed '2a\  source: A01' >"$T/source.yaml"
refused "an export with a source" "source.yaml:3: source: " -g "$T/source.yaml"
refused "the same export twice" \
    "vl.yaml:[0-9]+: period: network Vlissingen, theme polarisation, 2027-03: read before, at .*vl.yaml:[0-9]+ \\(the same export twice\\?\\); refused" \
    -g -b month "$T/vl.yaml" "$T/vl.yaml"
run sh -c "cat '$T/vl.yaml' '$T/vl.yaml' | report-sentiment -g -"
is "$rc:$out" "65:" "the same export twice on standard input: refused"
like "$errout" "<stdin>:[0-9]+: period: network Vlissingen" "... said with its line"
refused "an export and the database it came from" "read before, at a database" \
    -g -b quarter "$V" "$T/vl.yaml"
ALLY_DB=$V report-sentiment -x -b quarter -f csv >"$T/vq.csv"
refused "a month and a quarter export of one network" "network Vlissingen, theme polarisation, 2027-Q1: read before" \
    -g -b quarter "$T/vl.yaml" "$T/vq.csv"
refused "a quarter rolled up by month" \
    "vq.csv:2: period: 2027-Q1 is a quarter: roll it up by quarter \\(-b quarter\\)" \
    -g -b month "$T/vq.csv"
printf 'version,network,period,theme,readings,signals,max,mean,alerts\n1,X,2027-01,youth,2,2,1,3.0,0\n' \
    >"$T/mean.csv"
refused "figures that disagree" "mean.csv:2: mean: '3.0' does not agree" -g "$T/mean.csv"
# A mean as people write it, not as strtod reads it ("1e0" was 1).
for m in 1e0 0x1; do
	printf 'version,network,period,theme,readings,signals,max,mean,alerts\n1,X,2027-01,youth,2,2,1,%s,0\n' \
	    "$m" >"$T/mean.csv"
	refused "a mean of $m" "mean.csv:2: mean: '$m' is not a mean level from 0 to 4" \
	    -g "$T/mean.csv"
done
printf 'version,network,period,theme,readings,signals,max,alerts\n1,X,2027-01,youth,2,2,1,0\n' \
    >"$T/missing.csv"
refused "a field missing" "missing.csv:2: mean: missing" -g "$T/missing.csv"
printf 'version,network,period,theme,readings,signals,max,mean,alerts\n1,X,2027-13,youth,2,2,1,1.0,0\n' \
    >"$T/month.csv"
refused "a month 13" "month.csv:2: period: '2027-13' is neither a month" -g "$T/month.csv"

# ---- usage ----------------------------------------------------------------------------
run report-sentiment -g -s 2027-01-01 "$T/vl.yaml"
is "$rc" 64 "-s with exports: 64 (an export is cut when it is made)"
run report-sentiment -x -b meeting
is "$rc" 64 "-x -b meeting: 64"
run report-sentiment -x -f text
is "$rc" 64 "-x -f text: 64"

# ---- Dutch ----------------------------------------------------------------------------
run dutch report-sentiment -g -b month "$T/vl.yaml" "$T/vl.yaml"
like "$errout" "netwerk Vlissingen, thema polarisation, 2027-03: al eerder gelezen, in .*vl.yaml:[0-9]+ \\(tweemaal dezelfde export\\?\\); geweigerd" \
    "Dutch: the same export twice"
run dutch report-sentiment -g "$T/newer.csv"
like "$errout" "exportversie 2 is nieuwer dan deze report-sentiment leest \\(1\\)" \
    "Dutch: a newer export"
run dutch report-sentiment -g -b quarter -f text "$T/mv.csv" "$T/vl.yaml"
like "$out" "^Spanning per thema en kwartaal" "Dutch: the roll-up's title"

done_testing
