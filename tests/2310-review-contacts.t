#!/bin/sh
# ally-review (issue 20, 1 and 6): the last contact and the count of
# contacts in the window per member, hand-computed over a half year; the
# integrity check's re-check interval (-o vetting-months, 24 by default).
. "$(dirname "$0")/lib.sh"

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2028-09-30

# The window: -t 2028-09-20, six months back from 2028-03-20, both ends
# counted.  A01: 2028-03-19 is before it, 2028-03-20 and 2028-05-02 in
# it: last 2028-05-02, 2 contacts.  A02: 2028-09-20 in it, 2028-09-21
# after it: last 2028-09-20, 1.  A03: 2028-01-05 only: last 2028-01-05,
# 0.  A04: never, 0.
cat >"$T/half.csv" <<'CSV'
date,kind,by,with,note
2028-03-19,call,P01,A01,
2028-03-20,call,P01,A01,
2028-01-05,visit,M02,A03,
2028-05-02,message,M01,A01,
2028-09-20,meeting,P02,A02,
2028-09-21,call,P01,A02,
CSV
run action-track -q --contact "$T/half.csv"
is "$rc" 0 "the half year's contacts are logged"

# field ALIAS NAME [ally-review options]: one field of one member.
field() {
	_a=$1 _f=$2
	shift 2
	ally-review -f csv "$@" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["alias"] == sys.argv[1]:
        print(r[sys.argv[2]])' "$_a" "$_f"
}

is "$(field A01 last_contact -t 2028-09-20)|$(field A01 contacts -t 2028-09-20)" \
    "2028-05-02|2" "A01: the window's first day counts, the day before not"
is "$(field A02 last_contact -t 2028-09-20)|$(field A02 contacts -t 2028-09-20)" \
    "2028-09-20|1" "A02: the last day counts, a later contact not"
is "$(field A03 last_contact -t 2028-09-20)|$(field A03 contacts -t 2028-09-20)" \
    "2028-01-05|0" "A03: a contact before the window is the last, not counted"
is "$(field A04 last_contact -t 2028-09-20)|$(field A04 contacts -t 2028-09-20)" \
    "|0" "A04: never spoken to"
is "$(field A01 contacts -t 2028-09-20 -s 2028-01-01)" 3 \
    "--since widens the count: 2028-03-19 is in it"
is "$(field P01 contacts -t 2028-09-20)" 0 \
    "staff count the contacts with them, not by them"

# The sheet shows both, in the text and in print.
run ally-review -f text -t 2028-09-20
like "$out" "A01 +2028-05-02 +2$" "the sheet: A01's last contact and count"
like "$out" "A04 +- +0$" "the sheet: A04 never, none"

# Vetted 2026-09-20 (A01), 2026-09-21 (A02): 24 months on 2028-09-20 the
# check is due for A01, not yet for A02.
is "$(field A01 flags -t 2028-09-20)" "vetting-due" \
    "A01: vetted 24 months ago, the check is due"
is "$(field A02 flags -t 2028-09-20)" "" "A02: one day short, not due"
is "$(field A02 flags -t 2028-09-21)" "vetting-due" "A02: due the day after"
is "$(field A01 flags -t 2028-09-19)" "" "A01: not on the day before"
is "$(field A01 flags -t 2027-09-20 -o vetting-months=12)" "vetting-due" \
    "-o vetting-months=12: due after a year"
is "$(field P01 flags -t 2030-01-01)" "" "staff are not vetted this way"
run ally-review -o vetting-months=0
is "$rc" 64 "-o vetting-months=0 is refused (64)"
like "$errout" "vetting-months: '0' is not a whole number from 1 to 120" \
    "  with the range"

done_testing
