#!/bin/sh
# meet-minutes: minutes that move a meeting to another venue take that
# venue's host, not the host of the venue planned (issue 19).
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

export ALLY_TODAY=2027-01-04
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -V "$EXAMPLES/venues.yaml"
meet-plan -q -y 2027
first=$(q "SELECT id || ' ' || location || ' ' || host FROM meeting ORDER BY date LIMIT 1")
is "$first" "1 Politiebureau Middelburg police" "the first meeting is planned at the police station"
chair=$(q "SELECT p.alias FROM meeting m JOIN person p ON p.id = m.chair_id WHERE m.id = 1")
date=$(q "SELECT date FROM meeting WHERE id = 1")

export ALLY_TODAY=2027-03-01
run meet-minutes -q - <<IN
meeting: 1
location: Noorderkerk, zaal achter de kerk
present: [$chair, A02, A03]
IN
is "$rc:$errout" "0:" "minutes that move the meeting to a church hall"
is "$(q "SELECT location || '|' || host FROM meeting WHERE id = 1")" \
    "Noorderkerk, zaal achter de kerk|ally" "the hall's host, not the police"

# A host given in the minutes wins over the venue's.
run meet-minutes -r -q - <<IN
meeting: 1
location: Wijkcentrum Dauwendaele
host: municipality
present: [$chair, A02, A03]
IN
is "$rc:$errout" "0:" "the minutes again, another hall and a host"
is "$(q "SELECT location || '|' || host FROM meeting WHERE id = 1")" \
    "Wijkcentrum Dauwendaele|municipality" "the host given wins"
done_testing
