#!/bin/sh
# ally-review -D: cron's question, with a fixed clock.
. "$(dirname "$0")/lib.sh"
. "$FIX/ally-review/seed.sh"

seed_middelburg

run env ALLY_TODAY=2027-03-31 ally-review -D
is "$rc" 1 "not due yet: exit 1"
is "$out$errout" "" "and silent"
run env ALLY_TODAY=2027-04-01 ally-review -D
is "$rc" 0 "due six months after the first member joined: exit 0"
is "$out" "Middelburg: review due since 2027-04-01 (last review: none yet)" \
    "one line that says so"
is "$errout" "" "nothing on stderr"
run env ALLY_TODAY=2027-04-01 ally-review -D -o review-months=7
is "$rc" 1 "-o review-months=7"

# A review held makes the next one due six months later.
printf 'alias,decision,reviewed\nA01,keep,2027-06-15\n' |
    ALLY_TODAY=2027-06-15 ally-review -u -q
run env ALLY_TODAY=2027-12-14 ally-review -D
is "$rc" 1 "not due the day before"
run env ALLY_TODAY=2027-12-15 ally-review -D
is "$rc" 0 "due six months after the review"
is "$out" "Middelburg: review due since 2027-12-15 (last review: 2027-06-15)" \
    "with the last review's date"

# Without -n, every network of the file.
ALLY_TODAY=2027-12-01 ally-add -q --create -n Arnemuiden \
    "$FIXREV/stage-2027-05-01.yaml"
run env ALLY_TODAY=2028-06-01 ally-review -D
is "$rc" 0 "two networks due"
is "$out" "Arnemuiden: review due since 2028-06-01 (last review: none yet)
Middelburg: review due since 2027-12-15 (last review: 2027-06-15)" \
    "one line each, in name order"
run env ALLY_TODAY=2027-12-20 ally-review -D
is "$out" "Middelburg: review due since 2027-12-15 (last review: 2027-06-15)" \
    "only the network that is due"
run env ALLY_TODAY=2027-12-20 ally-review -D -n Arnemuiden
is "$rc" 1 "-n checks that network only"
run env ALLY_TODAY=2027-12-20 ALLY_NETWORK=Arnemuiden ally-review -D
is "$rc" 1 "and so does ALLY_NETWORK"
run env ALLY_TODAY=2027-12-20 ally-review -D -n Vlissingen
is "$rc" 66 "an unknown network: exit 66"

done_testing
