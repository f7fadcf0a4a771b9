#!/bin/sh
# The CSV reader reads blocks and splits simple lines itself, handing the
# rest to libcsv: both ways must give the same values and the same line
# numbers, across block boundaries, CRLF, blanks, quotes and a last line
# without a newline.
. "$(dirname "$0")/lib.sh"

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
H='date,theme,tension,trend,basis,source,summary'

# record FILE: the input lines of the records stored (dry run, csv).
record_lines() {
	run report-sentiment -r -N -f csv "$1"
	lines=$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | awk -F, '{ print $NF }' |
	    tr '\n' ' ')
}

# Plain and quoted rows, a blank line, CRLF, blanks around values, an
# empty value, and a last line without a newline.
printf '%s\r\n' "$H" >"$T/mixed.csv"
printf '2026-01-05,poverty,2,rising,potential,A01,plain\r\n' >>"$T/mixed.csv"
printf '2026-01-06,youth,1,steady,evidenced,A02,"a comma, quoted"\n' >>"$T/mixed.csv"
printf '   \n\n' >>"$T/mixed.csv"
printf ' 2026-01-07 , trust ,0, , potential ,  A03  , "  kept  " \n' >>"$T/mixed.csv"
printf '2026-01-08,safety,3,rising,,A04,"say ""hi"""\n' >>"$T/mixed.csv"
printf '2026-01-09,nuisance,4,falling,experienced,A05,last' >>"$T/mixed.csv"
record_lines "$T/mixed.csv"
is "$rc" 0 "mixed rows are read"
is "$lines" "2 3 6 7 8 " "each record has the line it starts on"
before=$(dbdump)
run report-sentiment -r -q "$T/mixed.csv"
is "$rc" 0 "mixed rows are stored"
is "$(sqlite3 "$ALLY_DB" "SELECT theme, coalesce(trend, 'NULL'), summary FROM signal
    WHERE date IN ('2026-01-07', '2026-01-08') ORDER BY date" | tr '\n' ';')" \
    "trust|NULL|  kept  ;safety|rising|say \"hi\";" \
    "blanks around unquoted values dropped, kept inside quotes; empty is null"
run report-sentiment -r -q "$T/mixed.csv"
sqlite3 "$ALLY_DB" 'DELETE FROM signal'

# A value split over lines goes to libcsv; the error names its first line.
{ printf '%s\n' "$H"; printf '2026-01-05,poverty,2,rising,potential,A01,one\n'
  printf '2026-01-05,poverty,2,rising,potential,A01,"two\nlines"\n'; } >"$T/multi.csv"
before=$(dbdump)
run report-sentiment -r -q "$T/multi.csv"
is "$rc" 65 "a line break in a value is refused"
like "$errout" "multi.csv:3: summary: control characters" "at the line the record starts"
is "$(dbdump)" "$before" "nothing written"

# A quote inside an unquoted value, and text after a closing quote.
{ printf '%s\n' "$H"; printf '2026-01-05,poverty,2,rising,potential,A01,ok\n'
  printf '2026-01-05,poverty,2,rising,potential,A01,say "hi"\n'; } >"$T/q1.csv"
run report-sentiment -r -q "$T/q1.csv"
is "$rc" 65 "a quote in an unquoted value is refused"
like "$errout" "q1.csv:3: .*a quote inside an unquoted field" "libcsv's error, at its line"
{ printf '%s\n' "$H"; printf '2026-01-05,poverty,2,rising,potential,A01,"x"y\n'; } >"$T/q2.csv"
run report-sentiment -r -q "$T/q2.csv"
is "$rc" 65 "text after a closing quote is refused"
like "$errout" "q2.csv:2: .*text after a closing quote" "at its line"

# Far past the first block of input (64 KiB, about 650 of these rows),
# rows spanning block boundaries: the line numbers still count.
awk -v h="$H" 'BEGIN { print h
	for (i = 1; i <= 3000; i++)
		printf "2026-01-05,poverty,2,rising,potential,A0%d,\"row %d, padded to be long enough\"\n", i % 9 + 1, i
	s = ""; for (i = 0; i < 450; i++) s = s "x"
	printf "2026-01-05,poverty,2,rising,potential,A01,%s\n", s
	print "2026-01-05,poverty,7,rising,potential,A01,bad level"
}' >"$T/big.csv"
record_lines "$T/big.csv"
is "$rc" 65 "a bad row after 3,000 good ones is refused"
like "$errout" "big.csv:3003: tension: '7' is not a level" "its line counted across blocks"
head -n 3002 "$T/big.csv" >"$T/big-ok.csv"
record_lines "$T/big-ok.csv"
is "$rc" 0 "3,001 rows across blocks are read"
is "$(printf '%s\n' "$lines" | awk '{ print NF, $1, $NF }')" "3001 2 3002" \
    "every row counted, first and last line right"

done_testing
