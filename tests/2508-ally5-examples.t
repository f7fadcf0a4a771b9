#!/bin/sh
# ally(5) EXAMPLES (issue 22, 5): one record of every kind in YAML and in
# CSV, each as the manual renders it, read by its command (-N: checked,
# nothing written).  Every person here is invented.
. "$(dirname "$0")/lib.sh"
ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
meet-plan -V -q "$EXAMPLES/venues.yaml"
meet-minutes -q "$FIX/meet-minutes/minutes-2027.yaml"
# The topic and the contact the examples name by id 1.
printf 'proposed_by: A03\ntopic: the youth centre\nfor: later\n' |
    meet-minutes -t -q
printf 'date,kind,by,with\n2027-06-14,call,P01,A03\n' | action-track --contact -q
# The meeting the reply names: the next one planned (id 6).
meet-plan -x -q

LC_ALL=C.UTF-8 mandoc -Tutf8 "$TOP/man/ally.5" | col -bx |
    sed -n '/^EXAMPLES/,/^SEE ALSO/p' >"$T/ex.txt"
# Each literal display (indented 11) a file of its own.
awk -v d="$T" '/^           / { if (!inb) { n++; inb = 1 }
    sub(/^           /, ""); print > (d "/ex" n); next } { inb = 0 }' \
    "$T/ex.txt"
is "$(ls "$T"/ex[0-9]* | wc -l | tr -d ' ')" 22 "22 examples: 11 kinds, YAML and CSV"
before=$(dbdump)
k=0
while read -r what cmd; do
	for f in yaml csv; do
		k=$((k + 1))
		F=; [ $f = csv ] && F="-F csv"
		if [ $what = blackout ]; then
			run meet-plan -N -y 2027 $F -b "$T/ex$k"
		else
			run $cmd -N $F "$T/ex$k"
		fi
		is "$rc:$errout" "0:" "$what in $f read by $cmd"
	done
done <<'EOF2'
member ally-add
venue meet-plan -V
meeting meet-plan -u
blackout meet-plan -y 2027 -b
minutes meet-minutes -r
topic meet-minutes -t
signal report-sentiment -u
action action-track -u
contact action-track --contact
reply meet-minutes -y
review ally-review -u
EOF2
is "$(dbdump)" "$before" "nothing written"

done_testing
