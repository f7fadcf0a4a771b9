#!/bin/sh
# ally-review (issue 20, 6): a talk decision opens one follow-up action
# for the coordinator, not a second one when the sheet is fed again; a
# target profile in fractions, or a dimension far from 100, is warned of.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-06-20

printf 'alias,decision\nA01,keep\nA02,talk\n' >"$T/d.csv"
run ally-review -u -q -R 2027-06-15 -c M01 "$T/d.csv"
is "$rc" 0 "the decisions are stored"
# Due 28 days after the review: 2027-06-15 + 28 = 2027-07-13.
is "$(q "SELECT a.title || '|' || a.party || '|' || p.alias || '|' || a.due || '|' || a.status FROM action a JOIN person p ON p.id = a.owner_id")" \
    "Talk with A02 after the review of 2027-06-15|municipality|M01|2027-07-13|open" \
    "talk: one action, the coordinator's, due four weeks after the review"
printf 'alias,decision,note\nA02,talk,asks for a call\n' >"$T/d2.csv"
run ally-review -u -q -R 2027-06-15 -c M01 "$T/d2.csv"
is "$rc" 0 "the sheet fed again, with a note"
is "$(q "SELECT count(*) FROM action")" 1 "  no second action"
run ally-review -u -q -R 2027-06-18 "$T/d.csv"
is "$(q "SELECT party || '|' || coalesce(owner_id, '-') FROM action WHERE title LIKE '%2027-06-18'")" \
    "joint|-" "without -c: a joint action without owner"
is "$(q "SELECT count(*) FROM action")" 2 "  a new review, a new follow-up"
before=$(dbdump)
printf 'alias,decision\nA03,talk\n' >"$T/d3.csv"
run ally-review -u -q -c Z99 "$T/d3.csv"
is "$rc" 65 "-c with an unknown alias is refused"
like "$errout" "d3.csv:2: owner: .*Z99" "  with file:line"
is "$(dbdump)" "$before" "  and nothing is stored"
run action-track -f csv
like "$out" "Talk with A02 after the review of 2027-06-15" \
    "action-track lists the follow-up"

# Target profiles.
cat >"$T/fractions.csv" <<'CSV'
dimension,group,share
gender,f,0.5
gender,m,0.5
sector,faith,28
sector,sport,30
sector,other,42
CSV
run ally-review -r -T "$T/fractions.csv"
is "$rc" 0 "a profile in fractions is read (exit 0)"
is "$errout" "ally-review: $T/fractions.csv: gender: every share is at most 1: give percentages (28 for 28%), not fractions" \
    "  with one warning, for gender only (sector adds up to 100)"
cat >"$T/short.csv" <<'CSV'
dimension,group,share
sector,faith,28
sector,sport,30
age_band,<25,20
age_band,25-39,30
age_band,40-54,25
age_band,55-69,15
age_band,70+,6
CSV
run ally-review -r -T "$T/short.csv"
is "$errout" "ally-review: $T/short.csv: sector: the shares add up to 58.0%, not about 100: the groups left out are not compared" \
    "a dimension at 58%: warned; age_band at 96% is about 100"

done_testing
