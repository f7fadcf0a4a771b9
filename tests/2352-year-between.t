#!/bin/sh
# The demo's year between the meetings (issue 20, 7), with the figures
# computed by hand: the contact log of examples/contacts-2027.csv counted
# per half year on the review sheet (each half apart: tests/2310 has one
# window), the last contact per ally, the cron check of the autumn, and
# the topics of examples/topics-2027.yaml carried over until the minutes
# of examples/minutes-2027.yaml mark them discussed, into the agenda of
# the first meeting of 2028.
. "$(dirname "$0")/lib.sh"

ALLY_TODAY=2026-12-16 newdb Middelburg
export ALLY_NETWORK=Middelburg
cd "$EXAMPLES" || exit 1
ALLY_TODAY=2026-12-16 ally-add -q members.yaml
ALLY_TODAY=2026-12-16 meet-plan -q -V venues.yaml
ALLY_TODAY=2026-12-16 meet-plan -q -y 2027 -b blackouts.yaml -w tue,thu -t 18:00
ALLY_TODAY=2027-01-20 meet-minutes -t -q topics-2027.yaml
printf 'proposed_by: M01\ntopic: the new subsidy rules\n' |
    ALLY_TODAY=2027-10-15 meet-minutes -t -q
ALLY_TODAY=2027-11-30 meet-minutes -q minutes-2027.yaml
ALLY_TODAY=2027-12-31 action-track --contact -q contacts-2027.csv
is "$?" 0 "the year's contacts, topics and minutes are stored"
cd "$T" || exit 1
export ALLY_TODAY=2027-12-31

# sheet SINCE UNTIL: alias=last_contact/contacts of each ally on the
# sheet of that window, read with csv.
sheet() {
	ally-review -s "$1" -t "$2" -f csv | python3 -c 'import csv, sys
print(" ".join("%s=%s/%s" % (r["alias"], r["last_contact"] or "-", r["contacts"])
    for r in csv.DictReader(sys.stdin) if r["role"] == "ally"))'
}

# The first half, 2027-01-01 to 2027-06-30: eight contacts, one each with
# A07 (01-12), A06 (01-19), A09 (02-15), A04 (03-14), A01 (03-15), A08
# (05-06), A03 (05-18), A10 (06-03); none with A02, A05, A11, A12.
is "$(sheet 2027-01-01 2027-06-30)" \
    "A01=2027-03-15/1 A02=-/0 A03=2027-05-18/1 A04=2027-03-14/1 A05=-/0 A06=2027-01-19/1 A07=2027-01-12/1 A08=2027-05-06/1 A09=2027-02-15/1 A10=2027-06-03/1 A11=-/0 A12=-/0" \
    "the first half year: last contact and count per ally"
# The second half, 2027-07-01 to 2027-12-31: the July round (07-20 to
# 07-23) reached A01-A11, the August round (08-17 to 08-20) all but A08;
# then A06 09-06, A09 10-04, A07 10-12, A12 10-20, A01 11-08, A05 11-29,
# A11 12-06.  A01 3 (last 11-08), A02-A04 2 (08-17, 08-17, 08-18), A05 3
# (11-29), A06 3 (09-06), A07 3 (10-12), A08 1 (07-22), A09 3 (10-04),
# A10 2 (08-20), A11 3 (12-06), A12 1 (10-20): 28, and 8 + 28 = 36 rows.
is "$(sheet 2027-07-01 2027-12-31)" \
    "A01=2027-11-08/3 A02=2027-08-17/2 A03=2027-08-17/2 A04=2027-08-18/2 A05=2027-11-29/3 A06=2027-09-06/3 A07=2027-10-12/3 A08=2027-07-22/1 A09=2027-10-04/3 A10=2027-08-20/2 A11=2027-12-06/3 A12=2027-10-20/1" \
    "the second half year: counted apart from the first"
is "$(action-track --contacts -f csv | tr -d '\r' | sed 1d | wc -l | tr -d ' ')" 36 \
    "  36 contacts in the log"

# Monday 2027-12-13, 12 weeks (84 days): the last contact on or before
# 2027-09-20.  A08 07-22, 144 days, 20 weeks; A02 and A03 08-17, 118
# days, 16; A04 08-18, 117, 16; A10 08-20, 115, 16; A06 09-06, 98, 14.
# A12 is a candidate; the rest were spoken to since.
run env ALLY_TODAY=2027-12-13 action-track --not-spoken 12 -f csv
is "$rc:$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | tr '\n' ' ')" \
    "0:A08,2027-07-22,20 A02,2027-08-17,16 A03,2027-08-17,16 A04,2027-08-18,16 A10,2027-08-20,16 A06,2027-09-06,14 " \
    "the autumn's cron check: six allies, the longest silence first"
run env ALLY_TODAY=2027-08-30 action-track --not-spoken 6
is "$rc:$out" "1:" "2027-08-30, six weeks (since 07-19): the July round reached all, exit 1"

# Topics: 1 and 2 for meeting 1 and discussed there; 3 for meeting 1,
# carried over and discussed at 2 (for is where it was discussed); 4
# for later, taken up at 2; 5 for later, at 3; 6 still for later; 7
# proposed on 2027-10-15 for meeting 5 (2027-11-25), not discussed.
is "$(meet-minutes -T -f csv | tr -d '\r' | sed 1d | cut -d, -f1,3,5,6 | tr '\n' ' ')" \
    "1,A07,1,discussed 2,M02,1,discussed 3,A08,2,discussed 4,A01,2,discussed 5,A10,3,discussed 6,A11,later,proposed 7,M01,5,proposed " \
    "the topics at the end of the year"
# The first meeting of 2028 (meet-plan -x): topic 7 carried over from
# meeting 5, one topic for later.
ALLY_TODAY=2027-12-21 meet-plan -x -q
run env ALLY_TODAY=2027-12-21 meet-minutes -a -f yaml
is "$(printf '%s\n' "$out" | python3 -c 'import sys, yaml
a = yaml.safe_load(sys.stdin)
print(a["date"], [(t["id"], t["proposed_by"], t["for"], t["carried"]) for t in a["topics"]], a["topics_later"])')" \
    "2028-02-08 [(7, 'M01', 5, 'yes')] 1" \
    "the agenda of 2028-02-08: topic 7 carried over, one for later"

done_testing
