#!/bin/sh
# coverage-report.sh: line coverage of lib/ after a --coverage build has
# run the suite (`make coverage`).  Prints one line per file and the
# total, from gcov's own counts; the .gcov files are left in lib/.
set -eu
cd lib
gcov -o . *.c 2>/dev/null | awk '
/^File / {
	file = $2; gsub(/\x27/, "", file)
}
/^Lines executed:/ && file ~ /\.c$/ && file !~ /^\// {
	split($2, a, ":"); pct = a[2]; sub(/%/, "", pct)
	n = $4
	hit = int(pct * n / 100 + 0.5)
	printf "%-20s %6.2f%% of %5d lines\n", file, pct, n
	total += n; covered += hit; file = ""
}
END {
	if (total == 0) {
		print "no coverage data: was the suite run?"; exit 1
	}
	printf "%-20s %6.2f%% of %5d lines (%d executed)\n", "lib/ total",
	    100 * covered / total, total, covered
}'
