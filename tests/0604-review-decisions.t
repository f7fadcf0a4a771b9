#!/bin/sh
# ally-review -u: decisions back into the database, in one transaction.
. "$(dirname "$0")/lib.sh"
. "$FIX/ally-review/seed.sh"

seed_middelburg
export ALLY_TODAY=2027-06-15

decisions() {
	sqlite3 "$ALLY_DB" "SELECT p.alias, r.reviewed, r.decision,
	    coalesce(r.note, '') FROM review r JOIN person p ON
	    p.id = r.person_id ORDER BY p.alias, r.reviewed" | tr '\n' ' '
}
status() {
	sqlite3 "$ALLY_DB" "SELECT status || ' ' || coalesce(status_since, '')
	    || ' ' || coalesce(left, '') FROM person WHERE alias = '$1'"
}

# The CSV round trip: list, fill in, feed back.
ally-review -f csv >"$T/review.csv"
decide A01=keep A02=talk A03=phase-out A04=keep A06=phase-out \
    A07=phase-out <"$T/review.csv" >"$T/decided.csv"
before=$(dbdump)
run ally-review -u -N -f csv "$T/decided.csv"
is "$rc" 0 "--dry-run"
is "$(dbdump)" "$before" "--dry-run writes nothing"
like "$out" "A03,phase-out,2027-06-15,paused,added" \
    "--dry-run shows what would change"
run ally-review -u -f csv "$T/decided.csv"
is "$rc" 0 "decisions fed back"
printf '%s\n' "$out" | tr -d '\r' >"$T/result.csv"
diff_ok "$T/result.csv" "$FIXREV/decisions-result.csv.out" \
    "the result of each record"
is "$(decisions)" "A01|2027-06-15|keep| A02|2027-06-15|talk| A03|2027-06-15|phase-out| A04|2027-06-15|keep| A06|2027-06-15|phase-out| A07|2027-06-15|phase-out| " \
    "stored with the review date"
is "$(status A03)" "paused 2027-06-15 " "phase-out pauses an active member"
is "$(status A06)" "left 2027-06-15 2027-06-15" "a candidate leaves"
is "$(status A07)" "paused 2026-11-01 " "a paused member stays paused"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM audit WHERE command =
    'ally-review -u' AND count = 6")" 1 "the change is audited"

# The decisions come back in the records; feeding them again is a no-op.
run ally-review -f csv
like "$out" "A01,ally,active,.*,keep,2027-06-15," "the record shows the decision"
before=$(dbdump)
run ally-review -u -f csv "$T/decided.csv"
is "$rc" 0 "the same file again"
unlike "$out" "added|updated" "changes nothing"
is "$(dbdump)" "$before" "the database is unchanged"

# The YAML round trip: a corrected decision of the same review.
ally-review >"$T/review.yaml"
sed 's/decision: talk/decision: keep/' "$T/review.yaml" >"$T/edited.yaml"
run ally-review -u -q "$T/edited.yaml"
is "$rc" 0 "YAML fed back"
is "$out" "" "-q prints nothing"
like "$(decisions)" "A02\|2027-06-15\|keep\|" "the decision is corrected"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM review")" 6 \
    "in place: one decision per member and date"

# A new review: an empty reviewed field takes today, or -R.
ally-review -f csv | tr -d '\r' | awk -F, -v OFS=, \
    'NR == 1 || $1 == "A01" { $18 = NR == 1 ? "reviewed" : ""; print }' \
    >"$T/new.csv"
ALLY_TODAY=2027-12-20 ally-review -u -q -R 2027-12-18 "$T/new.csv"
like "$(decisions)" "A01\|2027-06-15\|keep\| A01\|2027-12-18\|keep\|" \
    "-R dates the decisions of records without one"
printf 'alias,decision,note\nA04,talk,"moved away, asks for a call"\n' |
    ALLY_TODAY=2027-12-21 ally-review -u -q
like "$(decisions)" "A04\|2027-12-21\|talk\|moved away, asks for a call" \
    "without -R the review is today's; a note is kept"
run ally-review -S -f csv -t 2027-12-21
like "$out" ",2027-12-21,2028-06-21,no" "the latest review makes the next due"

# Bad input: exit 65, file:line: field:, nothing written.
bad() {
	before=$(dbdump)
	run ally-review -u "$FIXREV/$1"
	is "$rc" 65 "$1: exit 65"
	is "$errout" "ally-review: $FIXREV/$1:$2" "$1: diagnostic"
	is "$(dbdump)" "$before" "$1: nothing written"
}
bad decisions-bad-decision.csv "3: decision: 'maybe' is not one of: keep, talk, phase-out"
bad decisions-bad-alias.yaml "3: alias: no member A99 in this network"
bad decisions-bad-date.csv "3: reviewed: '15-06-2027' is not a date (YYYY-MM-DD)"
bad decisions-future.csv "2: reviewed: 2027-06-16 is in the future"
bad decisions-unknown-field.yaml "2: decison: unknown field (a review record has: alias, role, status, status_since, meetings, present, excused, attendance, last_present, absent_in_row, last_contact, contacts, intake, vetted, contact_consent, flags, decision, reviewed, note)"
bad decisions-twice.csv "4: decision: a second decision for A01 on 2027-06-15 (the first is on line 2)"
bad decisions-formula.csv "2: note: a value may not start with '=' (a spreadsheet formula)"
bad decisions-no-alias.yaml "1: alias: missing: whose decision is it?"
bad decisions-network.yaml "1: network: 'Veere' is not this network (choose it with -n)"
bad decisions-list.yaml "2: decision: expected one value, not a list"
before=$(dbdump)
run sh -c 'printf "alias,decision\nA08,keep\nA09,phase-out\n" | ally-review -u'
is "$rc" 0 "a member who left may still get a decision"
is "$(status A09)" "left 2027-02-01 2027-02-01" "and stays as they are"
run ally-review -u "$T/missing.csv"
is "$rc" 66 "a missing input file: exit 66"

done_testing
