#!/bin/sh
# The manual pages as they render, not only as mandoc -Tlint passes them
# (issue 22, 5): no macro argument taken for a flag ("-b -says
# -otherwise": a word after Fl is a flag too until No), no quotes
# nested by a Dq that runs to the end of its line.
. "$(dirname "$0")/lib.sh"

for m in "$TOP"/man/*.[157]; do
	name=$(basename "$m")
	LC_ALL=C.UTF-8 mandoc -Tutf8 "$m" | col -bx >"$T/$name.txt"
	is "$(grep -E '(^| )-[a-z]{2,} -[a-z]{2,}' "$T/$name.txt")" "" \
	    "$name: no run of words rendered as flags"
	is "$(grep '“[^”]*“' "$T/$name.txt")" "" "$name: no nested quotes"
done
like "$(cat "$T/meet-minutes.1.txt")" '\(“YILDIZ”, “Yildiz” and “Yıldız” are one\)' \
    "meet-minutes(1): the three spellings, each quoted"
like "$(cat "$T/report-sentiment.1.txt")" 'by month unless -b says otherwise' \
    "report-sentiment(1): -b and then words"
like "$(cat "$T/ally.5.txt")" '\(meet-plan\(1\) -b, not stored\)' \
    "ally(5): the blackout file is not stored"

done_testing
