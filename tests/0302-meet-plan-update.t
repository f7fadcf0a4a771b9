#!/bin/sh
# meet-plan -u: print, edit, feed back: moving, re-chairing, cancelling
# meetings by id; every real change raises the iCalendar SEQUENCE.
. "$(dirname "$0")/lib.sh"
MP="$FIX/meet-plan"
seq_of() { sqlite3 "$ALLY_DB" "SELECT sequence FROM meeting WHERE id = $1"; }
field_of() { sqlite3 "$ALLY_DB" "SELECT $2 FROM meeting WHERE id = $1"; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml"
# The first meeting 20 days ahead: -k 20, the notice it takes.
meet-plan -q -k 20 -y 2027

# Move meeting 2 and hand it to another chair.
run meet-plan -u -f csv <<'EOF2'
- id: 2
  date: 2027-04-22
  chair: A09
- id: 3
  status: planned
EOF2
is "$rc" 0 "update: exit 0"
is "$(printf '%s\n' "$out" | sed -n 2p | tr -d '\r')" \
    "2,Middelburg,2027-04-22,18:00,Stadhuis,municipality,A09,yes,planned,updated,date chair" \
    "update: reports the fields that changed"
is "$(printf '%s\n' "$out" | sed -n 3p | tr -d '\r' | cut -d, -f10)" unchanged \
    "update: an unchanged record says so"
is "$(seq_of 2)" 1 "update: SEQUENCE raised"
is "$(seq_of 3)" 0 "no change: SEQUENCE kept"
is "$(field_of 2 chair_id)" "$(sqlite3 "$ALLY_DB" "SELECT id FROM person WHERE alias = 'A09'")" \
    "update: chair stored by person id"

# A new location brings its host along.
printf 'id,location\n2,Noorderkerk\n' | meet-plan -u -q -F csv
is "$(field_of 2 host)" ally "location change: host follows the venue"
is "$(seq_of 2)" 2 "location change: SEQUENCE raised again"

# The listing fed back unchanged changes nothing.
meet-plan -l -f csv >"$T/m.csv"
before=$(dbdump)
run meet-plan -u "$T/m.csv"
is "$rc" 0 "round trip: exit 0"
is "$(printf '%s\n' "$out" | grep -c 'change: unchanged')" 5 \
    "round trip: all unchanged"
is "$(dbdump)" "$before" "round trip: nothing written"

# Cancel through an edited listing.
sed 's/^\(4,.*\),planned/\1,cancelled/' "$T/m.csv" >"$T/m2.csv"
run meet-plan -u -f csv "$T/m2.csv"
is "$(printf '%s\n' "$out" | grep -c ',cancelled,updated,status')" 1 \
    "cancel: reported"
is "$(field_of 4 status)" cancelled "cancel: stored"
is "$(seq_of 4)" 1 "cancel: SEQUENCE raised"

# Dry run: shows the change, writes nothing.
before=$(dbdump)
run meet-plan -u -N -f csv <<'EOF2'
- id: 1
  time: "19:00"
EOF2
like "$out" "19:00,.*updated,time" "dry run: shows the change"
is "$(dbdump)" "$before" "dry run: nothing written"

# Bad records: exit 65, file:line: field:, and nothing of the batch.
bad() {
	printf '%s\n' "$2" >"$T/bad.yaml"
	before=$(dbdump)
	run meet-plan -u "$T/bad.yaml"
	is "$rc" 65 "$1: exit 65"
	is "$errout" "meet-plan: $T/bad.yaml:$3" "$1: diagnostic"
	is "$(dbdump)" "$before" "$1: nothing written"
}
bad "no id" '- date: 2027-05-01' \
    "1: id: which meeting? records are matched by id (plan new meetings with -y, -s or --next)"
bad "unknown id" '- id: 99' "1: id: no meeting 99 in this network"
bad "bad date after a good record" '- id: 1
  time: "19:30"
- id: 2
  date: 2027-02-30' "4: date: '2027-02-30' is not a date (YYYY-MM-DD)"
bad "bad time" '- id: 1
  time: "7pm"' "2: time: '7pm' is not a time (HH:MM)"
bad "chair from outside" '- id: 1
  chair: Z99' "2: chair: no member 'Z99' in this network"
bad "candidate as chair" '- id: 1
  chair: A12' "2: chair: A12 is candidate, not active"
bad "unknown venue" '- id: 1
  location: Café Nergens' \
    "2: location: no venue 'Café Nergens' in this network (add it with meet-plan -V)"
bad "held in the future" '- id: 5
  status: held' "2: status: a meeting in the future cannot have been held"
bad "bad status" '- id: 5
  status: postponed' "2: status: 'postponed' is not one of: planned, held, cancelled"
bad "two meetings on one day" '- id: 1
  date: 2027-04-22' "2: date: another meeting of this network is on 2027-04-22"
bad "unknown field" '- id: 1
  agenda: budget' \
    "2: agenda: unknown field (a meeting has: id, network, date, time, location, host, chair, meal, status)"
bad "another network" '- id: 1
  network: Veere' "2: network: 'Veere' is not this network (choose it with -n)"

# A meeting that took place is marked held (meet-minutes does the same).
seq=$(seq_of 1)
ALLY_TODAY=2027-02-05 meet-plan -u -q <<'EOF2'
- id: 1
  status: held
EOF2
is "$(field_of 1 status)" held "held once the day has passed"
is "$(seq_of 1)" "$seq" "held: SEQUENCE kept, a calendar shows no difference"

# The meal is in the invitation's description: a change raises SEQUENCE.
printf 'id,meal\n5,no\n' | meet-plan -u -q -F csv
is "$(field_of 5 meal):$(seq_of 5)" "0:1" "meal change: SEQUENCE raised"

done_testing
