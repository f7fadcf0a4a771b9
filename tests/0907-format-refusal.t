#!/bin/sh
# A writing command given an output format it cannot write refuses it
# before it writes anything: exit 64, database unchanged.  (meet-plan
# once planned, committed and only then refused -f roff.)
. "$(dirname "$0")/lib.sh"
newdb
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -V "$EXAMPLES/venues.yaml"
printf 'title,party,owner,due\nCall the shopkeepers,police,P01,2027-02-01\n' \
    >"$T/action.csv"
printf 'date,theme,tension,trend,basis,source,summary\n2027-01-10,youth,2,rising,potential,A01,Quiet\n' \
    >"$T/signal.csv"
printf 'date: 2027-01-12\nchair: A01\npresent: [A01, P01]\n' >"$T/minutes.yaml"
printf 'alias,decision\nA01,keep\n' >"$T/review.csv"
printf 'alias,notes\nA01,prefers evening calls\n' >"$T/person.csv"
before=$(dbdump)
check() {	# check FORMAT COMMAND...
	f=$1
	shift
	run "$@" -f "$f"
	is "$rc" 64 "$* -f $f: refused (64)"
	is "$(dbdump)" "$before" "$* -f $f: nothing written"
}
for f in roff svg vcard; do
	check $f meet-plan -y 2027
	check $f action-track -a "$T/action.csv"
	check $f report-sentiment -r "$T/signal.csv"
done
for f in svg vcard ics; do
	check $f ally-add "$T/person.csv"
	check $f meet-minutes "$T/minutes.yaml"
	check $f ally-review -u "$T/review.csv"
done
done_testing
