#!/bin/sh
# The common options refused (an empty --db, a network name too long, an
# input format that is no record format), the yml name of yaml, an empty
# alias, a review note too long, and a database without the network
# asked for, or without any.
. "$(dirname "$0")/lib.sh"
newdb Middelburg

run ally-add -l -d ''
is "$rc:$errout" "64:ally-add: --db: empty path" "--db '': usage error"
long=$(printf '%064d' 0)
run ally-add -l -n "$long"
is "$rc" 64 "a 64-character network name: usage error"
is "$errout" "ally-add: --network: '$long' is not a network name" "  saying so"
run ally-add -F text "$EXAMPLES/members.yaml"
is "$rc:$errout" "64:ally-add: --input-format: records are read as yaml or csv, not 'text'" \
    "-F text: usage error"
run ally-add -N -q -F yml "$EXAMPLES/members.yaml"
is "$rc" 0 "-F yml reads yaml"
run ally-add -l -f yml
is "$rc" 0 "-f yml writes yaml"
run ally-add -l -n Veere
is "$rc" 66 "a network not in the file: missing input"
is "$errout" "ally-add: no network 'Veere' (there is: Middelburg; ally-add --create -n NAME makes a new one)" \
    "  naming the ones there are"
# An empty alias given with the id keeps the member's alias.
ally-add -q "$EXAMPLES/members.yaml"
run ally-add -f csv <<'EOF2'
id: 1
alias:
EOF2
is "$rc" 0 "an empty alias with an id"
like "$out" "^1,A01,ally,active,unchanged," "  keeps the alias: unchanged"
# A review note over 4000 bytes.
long=$(printf '%04001d' 0)
printf 'alias,decision,reviewed,note\nA01,keep,2027-01-15,%s\n' "$long" >"$T/r.csv"
before=$(dbdump)
run ally-review -u "$T/r.csv"
is "$rc:$errout" "65:ally-review: $T/r.csv:2: note: too long" "a review note too long"
is "$(dbdump)" "$before" "  nothing written"
sqlite3 "$ALLY_DB" "DELETE FROM attendance; DELETE FROM signal; DELETE FROM action;
    DELETE FROM review; DELETE FROM meeting; DELETE FROM venue; DELETE FROM person;
    DELETE FROM network"
run ally-add -l
is "$rc" 66 "a file without networks: missing input"
is "$errout" "ally-add: no network yet (ally-add --create -n NAME makes one)" \
    "  saying how to make one"
run ally-add -l -n Veere
is "$rc" 66 "a network asked of a file without any"
is "$errout" "ally-add: no network 'Veere': the file has none yet (ally-add --create -n NAME makes one)" \
    "  saying the file has none"
done_testing
