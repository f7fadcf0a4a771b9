#!/bin/sh
# An unknown field is said before any other check of a record (issue 22,
# 1): a Dutch header with a field of its own, split right, must not be
# hidden behind "a new member needs a role" or an action's rules.
# Every person here is invented.
. "$(dirname "$0")/lib.sh"

newdb Veere
printf 'name;phone;naam\r\nSanne Verburg;06-31415926;x\r\n' >"$T/leden.csv"
before=$(dbdump)
run ally-add -q "$T/leden.csv"
is "$rc" 65 "an unknown field in a new member: refused"
like "$errout" "^ally-add: $T/leden.csv:2: naam: unknown field \(a person has: " \
    "the unknown field said, not the missing role"
is "$(dbdump)" "$before" "nothing written"
printf 'name: Sanne Verburg\nrol: ally\nrole: chief\n' >"$T/lid.yaml"
run ally-add -q "$T/lid.yaml"
like "$errout" "lid.yaml:2: rol: unknown field" \
    "before a bad value of a later field"
printf 'id,alias,naam\n999,A99,x\n' >"$T/id.csv"
run ally-add -q "$T/id.csv"
like "$errout" "id.csv:2: naam: unknown field" "before the id is looked up"
printf 'title;party;due;eigenaar\nbellen;ally;2027-02-01;x\n' >"$T/acties.csv"
run action-track -a -q "$T/acties.csv"
like "$errout" "acties.csv:2: eigenaar: unknown field \(an action has: " \
    "an action's unknown field first too"

done_testing
