#!/bin/sh
# ally-add --create reads the members from standard input when no file is
# named, like every other command that reads records (issue 19).
. "$(dirname "$0")/lib.sh"

run ally-add --create -n Middelburg -q <"$EXAMPLES/members-veere.csv"
is "$rc:$errout" "0:" "--create with the members on standard input"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person")" \
    "$(($(grep -c . "$EXAMPLES/members-veere.csv") - $(grep -c '^#' "$EXAMPLES/members-veere.csv") - 1))" \
    "every member of the file is stored"

# An empty standard input (no terminal): the network alone.
rm -f "$ALLY_DB"
run ally-add --create -n Veere </dev/null
is "$rc:$out" "0:" "--create with nothing on standard input"
is "$(sqlite3 "$ALLY_DB" "SELECT name || ' ' || (SELECT count(*) FROM person) FROM network")" \
    "Veere 0" "the network, no members"
done_testing
