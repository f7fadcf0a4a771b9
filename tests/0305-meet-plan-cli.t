#!/bin/sh
# meet-plan: the command line: help, version, usage errors, missing
# database or network, the manual page.
. "$(dirname "$0")/lib.sh"

run meet-plan --help
is "$rc" 0 "--help: exit 0"
like "$out" "^usage: meet-plan" "--help: usage on stdout"
run meet-plan --version
is "$out" "meet-plan 0.1.0" "--version"
meet-plan --version >/dev/full 2>/dev/null
is "$?" 74 "--version to a full disk: exit 74"

usage_error() {
	run meet-plan "$@"
	is "$rc" 64 "meet-plan $*: exit 64"
	like "$errout" "usage: meet-plan" "meet-plan $*: usage on stderr"
}
usage_error
usage_error -y 2027 -x
usage_error -l -u
usage_error -y 2027 -s 2027-01-01
usage_error -e 2027-12-31
usage_error -i 0
usage_error -i many
usage_error -x -w tue
usage_error -l -b "$EXAMPLES/blackouts.yaml"
usage_error -l -N
usage_error -l somefile
usage_error -V -f ics
usage_error -l -f svg
usage_error --no-such-option
run meet-plan -y 2027 -m 10
like "$errout" "--meetings: 10 a year: the method asks for 4 to 6" \
    "-m 10: says why"

run meet-plan -y 2027
is "$rc" 66 "no database: exit 66"
like "$errout" "no such database" "no database: says so"
newdb Middelburg
run meet-plan -n Nergens -l
is "$rc" 66 "unknown network: exit 66"
like "$errout" "no network 'Nergens'" "unknown network: says so"
run meet-plan -l
is "$rc" 0 "-l on an empty network: exit 0"
is "$out" "" "-l on an empty network: prints nothing"
run meet-plan -y nineteen
is "$rc" 64 "a bad year: exit 64"

run mandoc -Tlint -W warning "$TOP/man/meet-plan.1"
is "$out$errout" "" "the manual page is lint-clean"
for s in NAME SYNOPSIS DESCRIPTION ENVIRONMENT FILES "EXIT STATUS" EXAMPLES \
    "SEE ALSO"; do
	grep -q "^\.Sh $s\$" "$TOP/man/meet-plan.1"
	ok $? "man page has $s"
done
like "$(grep -c crontab "$TOP/man/meet-plan.1")" "^[1-9]" \
    "man page shows crontab lines"

done_testing
