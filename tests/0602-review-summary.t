#!/bin/sh
# ally-review -S: size, meetings, vacant seats and the next review.
. "$(dirname "$0")/lib.sh"
. "$FIX/ally-review/seed.sh"

seed_middelburg
export ALLY_TODAY=2027-06-15

# sfield FIELD [options]: one field of the summary (CSV).
sfield() {
	_f=$1
	shift
	ally-review -S -f csv "$@" | tr -d '\r' | awk -F, -v f="$_f" '
	NR == 1 { for (i = 1; i <= NF; i++) if ($i == f) c = i; next }
	{ print $c }'
}

run ally-review -S
is "$rc" 0 "the summary as YAML"
printf '%s\n' "$out" >"$T/summary.yaml"
diff_ok "$T/summary.yaml" "$FIXREV/summary.yaml.out" "YAML golden file"
# libyaml must quote "police:P01" in a flow list; no tag may appear.
unlike "$out" "! '" "a list item that needs quotes gets no YAML tag"
run ally-review -S -f text
printf '%s\n' "$out" >"$T/summary.txt"
diff_ok "$T/summary.txt" "$FIXREV/summary.txt.out" "text golden file"

# Size against the minimum and the cap.
is "$(sfield allies)" 7 "allies: active and candidates"
is "$(sfield paused)" 1 "paused members are not at the table"
is "$(sfield size)" small "7 is below the minimum of 8"
is "$(sfield size -o min-size=7)" ok "-o min-size=7"
is "$(sfield size -o max-size=6 -o min-size=2)" over "-o max-size=6"

# Meetings in the twelve months up to the report's date.
is "$(sfield meetings)" 6 "held meetings only (not cancelled or planned)"
is "$(sfield meetings_norm)" ok "6 is within 4 to 6"
is "$(sfield meetings_norm -o max-meetings=5)" many "-o max-meetings=5"
is "$(sfield meetings -t 2027-02-01)" 3 "--until moves the twelve months"
is "$(sfield meetings -t 2027-06-01)" 6 "a meeting on the first day is out"
is "$(sfield meetings_norm -t 2027-02-01)" few "3 is fewer than 4"
is "$(sfield meetings_norm -t 2027-02-01 -o min-meetings=3)" ok \
    "-o min-meetings=3"

# Vacancies: the police chief left without a successor; the OOV advisor
# was succeeded (the function matches whatever its case).
is "$(sfield vacancies)" "police:P01" "the police chief's seat is vacant"
printf 'alias: P03\nrole: police\nfunction: Police Chief\nstatus: active\n' |
    ally-add -q
is "$(sfield vacancies)" "" "a successor fills the seat"
printf 'alias: M02\nstatus: left\n' | ally-add -q
is "$(sfield vacancies)" "municipality:M02" \
    "the last to hold a seat is the one named"
is "$(sfield municipality)" 0 "no active municipality member"
run ally-review -S -f text
like "$out" "^  vacancy: +municipality: the seat M02 held has no successor" \
    "the text names the seat"

# A network that never had police or municipality members.
ally-add -q --create -n Veere "$FIXREV/stage-2027-05-01.yaml"
is "$(sfield vacancies -n Veere)" "police municipality" \
    "nobody of the police or the municipality at the table"
run ally-review -S -f text -n Veere
like "$out" "^  vacancy: +police: nobody of the police at the table" \
    "the text says so"

export ALLY_NETWORK=Middelburg

# The review clock: six months after the first member joined.
is "$(sfield last_review)" "" "never reviewed"
is "$(sfield next_review)" 2027-04-01 "due six months after 2026-10-01"
is "$(sfield due)" yes "and due now"
is "$(sfield due -t 2027-03-31)" no "not due the day before"
is "$(sfield next_review -o review-months=12)" 2027-10-01 \
    "-o review-months=12"

done_testing
