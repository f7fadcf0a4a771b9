#!/bin/sh
# ally-review -r: the table against the community, aggregates only.
. "$(dirname "$0")/lib.sh"
. "$FIX/ally-review/seed.sh"

seed_middelburg
export ALLY_TODAY=2027-06-15

# cell DIMENSION GROUP FIELD [options]: one field of one cell (CSV).
cell() {
	_d=$1 _g=$2 _f=$3
	shift 3
	ally-review -r -f csv "$@" | tr -d '\r' | awk -F, -v d="$_d" \
	    -v g="$_g" -v f="$_f" '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$1 == d && $2 == g { print $col[f] }'
}

run ally-review -r -f text -T "$FIXREV/target.yaml"
is "$rc" 0 "representation against a target profile"
printf '%s\n' "$out" >"$T/repr.txt"
diff_ok "$T/repr.txt" "$FIXREV/representation.txt.out" "text golden file"
run ally-review -r -f csv
is "$rc" 0 "representation as CSV"
printf '%s\n' "$out" | tr -d '\r' >"$T/repr.csv"
diff_ok "$T/repr.csv" "$FIXREV/representation.csv.out" "CSV golden file"

# The suppression rule: no count of 1 or 2 is ever shown.
counts=$(ally-review -r -f csv -T "$FIXREV/target.yaml" | tr -d '\r' |
    awk -F, 'NR > 1 { print $3 }' | sort -u | tr '\n' ' ')
unlike "$counts" "(^| )[12] " "no count of 1 or 2 is shown"
is "$(cell gender f count)" 4 "a count of 4 is shown"
is "$(cell gender f share)" 57 "with its share of the table"
is "$(cell gender m count)" "<3" "a count of 2 is shown as <3"
is "$(cell gender m share)" "" "and without a share"
is "$(cell gender not-given count)" "<3" \
    "members who gave nothing are a group of their own"
is "$(cell age_band 55-69 count)" "<3" "one small cell"
is "$(cell age_band 25-39 count)" "*" \
    "the only other cell is withheld, or the total would give it away"
is "$(cell background Moroccan-Dutch count)" "<3" "two small cells of 2 each"
is "$(cell background Dutch count)" "*" \
    "would be given away by the total: a third is withheld"
is "$(cell religion catholic count)" "*" \
    "when withholding the others is not enough, the whole dimension"
is "$(cell religion islam count)" "*" "every count of it"
is "$(cell gender m count -o cell=2)" "2" "-o cell=2 shows a count of 2"
is "$(cell gender not-given count -o cell=2)" "<2" "and 1 as <2"
# Free-text groups in alphabetical order, never by count.
is "$(ally-review -r -f csv | tr -d '\r' | awk -F, '$1 == "background" \
    { printf "%s ", $2 }')" "Dutch Moroccan-Dutch Turkish-Dutch " \
    "groups are sorted by name"

# Target gaps, judged only by what the report shows.
T1="$FIXREV/target.yaml"
is "$(cell age_band 40-54 gap -T "$T1")" missing \
    "25% of 7 is 1.8 seats, none at the table: missing"
is "$(cell age_band '<25' expected -T "$T1")" 1.0 "14% of 7 is 1.0 seat"
is "$(cell age_band '<25' gap -T "$T1")" missing "one seat short: missing"
is "$(cell gender m gap -T "$T1")" under \
    "3.4 seats expected, fewer than 3 at the table: under"
is "$(cell gender f gap -T "$T1")" "" "F matches f, whatever the case"
is "$(cell religion protestant gap -T "$T1")" missing "protestant missing"
is "$(cell religion hindu gap -T "$T1")" "" \
    "8% of 7 is 0.6 seat: less than the gap of one"
is "$(cell religion hindu gap -T "$T1" -o gap=0.5)" missing "-o gap=0.5"
is "$(cell background Dutch gap -T "$T1")" "" \
    "a withheld count is not judged below what could be shown"
is "$(cell religion hindu target -T "$T1")" 8 "the target share is shown"
is "$(cell sector faith target -T "$T1")" "" \
    "dimensions the profile leaves out have no target"

# A bad target profile: exit 65, file:line: field: what is wrong.
bad() {
	run ally-review -r -T "$FIXREV/$1"
	is "$rc" 65 "$1: exit 65"
	is "$errout" "ally-review: $FIXREV/$1:$2" "$1: diagnostic"
	is "$out" "" "$1: no output"
}
bad target-bad-dimension.csv "3: dimension: 'income' is not one of: age_band, gender, sector, background, religion"
bad target-bad-band.yaml "2: group: '18-24' is not an age band (<25, 25-39, 40-54, 55-69, 70+)"
bad target-bad-share.csv "3: share: 'about ten' is not a percentage from 0 to 100"
bad target-over-100.csv "3: share: the shares of gender add up to 105.0%, more than 100"
bad target-twice.yaml "5: group: Islam is given twice (first on line 1)"
bad target-unknown-field.yaml "3: percentage: unknown field (a target record has: dimension, group, share)"
bad target-no-share.csv "2: share: missing; the group's share of the population in percent"
run ally-review -r -T "$T/none.yaml"
is "$rc" 66 "a missing target profile: exit 66"
like "$errout" "none.yaml: No such file" "named in the diagnostic"
run ally-review -f text -T "$FIXREV/target-bad-band.yaml"
is "$rc" 65 "the full report checks the profile too"

done_testing
