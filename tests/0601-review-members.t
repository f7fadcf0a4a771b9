#!/bin/sh
# ally-review: one review record per member, every flag, the window.
. "$(dirname "$0")/lib.sh"
. "$FIX/ally-review/seed.sh"

seed_middelburg
export ALLY_TODAY=2027-06-15

# field ALIAS FIELD: one value of the member's review record (CSV).
field() {
	_a=$1 _f=$2
	shift 2
	ally-review -f csv "$@" | tr -d '\r' | awk -F, -v a="$_a" -v f="$_f" '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$1 == a { print $col[f] }'
}
flags() {
	_a=$1
	shift
	ally-review -f csv "$@" | tr -d '\r' | awk -F, -v a="$_a" '
	NR == 1 { for (i = 1; i <= NF; i++) if ($i == "flags") c = i; next }
	$1 == a { print $c }'
}

run ally-review -f csv
is "$rc" 0 "review records as CSV"
printf '%s\n' "$out" | tr -d '\r' >"$T/members.csv"
diff_ok "$T/members.csv" "$FIXREV/members.csv.out" "CSV golden file"
run ally-review
printf '%s\n' "$out" >"$T/members.yaml"
diff_ok "$T/members.yaml" "$FIXREV/members.yaml.out" "YAML (the default) golden file"
run ally-review -f text
is "$rc" 0 "the printed report"
printf '%s\n' "$out" >"$T/report.txt"
diff_ok "$T/report.txt" "$FIXREV/report.txt.out" "text report golden file"
like "$out" "^  Meetings held from 2026-12-15 to 2027-06-15\." \
    "the report states the window"
like "$out" "^  network: +Middelburg$" "the report has the summary"
like "$out" "^  on: +2027-06-15$" "on the date of the report"
like "$out" "^  Of the 7 allies at the table;" "and the representation"

# Every flag, from the fixture's story.
is "$(flags A01)" "" "A01 at every meeting: no flags"
is "$(flags A02)" "low-attendance" "A02 at 2 of 6: low-attendance"
is "$(field A02 attendance)" 33 "A02 attendance 33%"
is "$(field A02 excused)" 1 "A02 excused once"
is "$(flags A03)" "absent-3-in-row" \
    "A03 at exactly 50%: not low, but three not present in a row"
is "$(field A03 absent_in_row)" 3 "excused counts in a row"
is "$(field A03 last_present)" 2027-02-20 "last present"
is "$(flags A04)" "no-consent" "A04 no-consent"
is "$(flags A05)" "no-intake not-vetted" "candidate without intake"
is "$(flags A06)" "not-vetted candidate-too-long" \
    "candidate for five months: candidate-too-long"
is "$(field A06 meetings)" 1 "a candidate counts the meeting attended as guest"
is "$(flags A07)" "paused-too-long" "paused since 2026-11-01"
is "$(field A07 meetings)" 0 "a paused member's later meetings do not count"
is "$(field A07 last_present)" 2026-06-01 "last present looks before the window"
is "$(field A08 meetings)" 3 "joined in March: three meetings count"
is "$(field A08 attendance)" 67 "missing from recorded minutes is an absence"
is "$(flags P02)" "" "staff have no intake or vetting flags"
is "$(field P02 present)" 5 "staff attendance counts"
is "$(field A09 alias)" "" "members who left are not reviewed"
is "$(field P01 alias)" "" "nor the police chief who left"

# Thresholds.
is "$(flags A08 -o attendance=70)" "low-attendance" "-o attendance=70"
is "$(flags A03 -o attendance=51)" "low-attendance absent-3-in-row" \
    "-o attendance=51 flags 50%"
is "$(flags A02 -o absent-in-row=2)" "low-attendance absent-2-in-row" \
    "-o absent-in-row=2 names the flag after the threshold"
is "$(flags A06 -o candidate-months=6)" "not-vetted" "-o candidate-months=6"
is "$(flags A07 -o paused-months=8)" "" "-o paused-months=8"

# The window.
is "$(field A01 meetings --since 2027-03-01)" 3 "--since"
is "$(field A01 meetings --since 2027-01-01 --until 2027-02-28)" 2 \
    "--since and --until"
is "$(field A03 absent_in_row -t 2027-03-31)" 1 "--until ends the row"
is "$(field A01 meetings -t 2027-01-31)" 2 \
    "--until alone: the six months before it"

# A meeting held without recorded attendance counts for nobody.
meeting 2027-06-10 held
is "$(field A01 meetings)" 6 "a held meeting without minutes is not counted"
is "$(field A01 absent_in_row)" 0 "nor is it an absence"
sqlite3 "$ALLY_DB" "DELETE FROM meeting WHERE date = '2027-06-10'"

# Confidentiality: aliases only, never identities or special categories.
for f in csv yaml text; do
	run ally-review -f $f
	unlike "$out" "Reviewer|Agent|Ambtenaar" "-f $f: no names"
	# The text report has aggregates after the member table.
	unlike "$(printf '%s\n' "$out" | sed '/^Representation/,$d')" \
	    "Moroccan|Turkish|islam|catholic|gender" \
	    "-f $f: no gender, background or religion per member"
done

done_testing
