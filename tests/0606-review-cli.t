#!/bin/sh
# ally-review: options, usage errors, exit codes, the manual.
. "$(dirname "$0")/lib.sh"
. "$FIX/ally-review/seed.sh"

run ally-review --version
is "$rc$out" "0ally-review $(sed -n 's/^#define ALLY_VERSION.*"\(.*\)"/\1/p' \
    "$TOP/lib/core.h")" "--version"
run ally-review -h
is "$rc" 0 "-h"
like "$out" "^usage: ally-review" "-h prints the usage to stdout"

run ally-review
is "$rc" 66 "no database: exit 66"
like "$errout" "no such database" "says so"

seed_middelburg
export ALLY_TODAY=2027-06-15
usage() {
	run ally-review "$@"
	is "$rc" 64 "usage error: $*"
	like "$errout" "ally-review" "usage error: $* has a diagnostic"
}
usage -S -r
usage -u -D
usage -x
usage -S -T "$FIXREV/target.yaml"
usage -r -s 2027-01-01
usage -D -f csv
usage -u -s 2027-01-01
usage -N
usage -R 2027-06-01
usage "$FIXREV/target.yaml"
usage -s 2027-13-01
usage -s 2027-06-01 -t 2027-05-01
usage -u -R 2027-06-16
usage -o attendance
usage -o attendance=101
usage -o colour=red
usage -o gap=zero
usage -o min-size=9 -o max-size=8
usage -f ics
run ally-review -o nope=1
like "$errout" "unknown threshold \(there is: attendance, absent-in-row" \
    "an unknown threshold lists the known ones"

run ally-review -n Veere
is "$rc" 66 "an unknown network: exit 66"
if [ -w /dev/full ]; then
	run sh -c 'ally-review -f text >/dev/full'
	is "$rc" 74 "a full disk: exit 74"
	run sh -c 'ally-review -S >/dev/full'
	is "$rc" 74 "-S to a full disk: exit 74"
fi

run mandoc -Tlint -W warning "$TOP/man/ally-review.1"
is "$out$errout" "" "the manual is mandoc -Tlint clean"
for o in since until summary representation target update due reviewed \
    limit quiet dry-run input-format; do
	grep -q -- "Fl \\\\-$o" "$TOP/man/ally-review.1"
	ok $? "the manual documents --$o"
done
for c in attendance absent-in-row candidate-months paused-months min-size \
    max-size min-meetings max-meetings review-months cell gap; do
	grep -q "^\.It Cm $c" "$TOP/man/ally-review.1"
	ok $? "the manual documents -o $c"
done

done_testing
