#!/bin/sh
# meet-plan: the venue and meeting edits 0301/0302 do not reach (every
# error of a venue record, renaming, emptying fields of a meeting), the
# schedule options out of range, and a network whose stored weekdays
# cannot be read.
. "$(dirname "$0")/lib.sh"
MP="$FIX/meet-plan"
field_of() { sqlite3 "$ALLY_DB" "SELECT $2 FROM meeting WHERE id = $1"; }
venue_of() { sqlite3 "$ALLY_DB" "SELECT $2 FROM venue WHERE name = '$1'"; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml"
meet-plan -q -y 2027

# bad MODE DESCRIPTION LINE-AND-DIAGNOSTIC: the record on stdin is
# refused, exit 65, nothing written.
bad() {
	cat >"$T/bad.yaml"
	before=$(dbdump)
	run meet-plan "$1" "$T/bad.yaml"
	is "$rc" 65 "$2: exit 65"
	is "$errout" "meet-plan: $T/bad.yaml:$3" "$2: diagnostic"
	is "$out$(dbdump)" "$before" "$2: nothing written"
}

# ---- venues ----------------------------------------------------------------
bad -V "venue of another network" "1: network: 'Veere' is not this network (choose it with -n)" <<'EOF'
- network: Veere
  name: Stadhuis
EOF
bad -V "venue id that is no number" "1: id: 'first' is not an id" <<'EOF'
- id: first
EOF
bad -V "venue id not there" "1: id: no venue 99 in this network" <<'EOF'
- id: 99
  active: no
EOF
bad -V "venue without a name" "1: name: a venue needs a name" <<'EOF'
- host: ally
  address: Markt 2
EOF
bad -V "new venue without a host" "1: host: a new venue needs a host: police, municipality, ally or other" <<'EOF'
- name: Bibliotheek
EOF
bad -V "venue name emptied" "2: name: a venue's name cannot be emptied" <<'EOF'
- id: 1
  name:
EOF
bad -V "venue host emptied" "2: host: empty; one of: police, municipality, ally, other" <<'EOF'
- id: 1
  host:
EOF
bad -V "venue active neither yes nor no" "2: active: 'sometimes': expected yes or no" <<'EOF'
- name: Stadhuis
  active: sometimes
EOF
bad -V "venue renamed to another's name" "2: name: another venue is called 'Stadhuis'" <<'EOF'
- id: 1
  name: Stadhuis
EOF
id=$(sqlite3 "$ALLY_DB" "SELECT id FROM venue WHERE name = '$(field_of 1 location)'")
bad -V "venue renamed while meetings are held there" \
    "2: name: meetings are held at '$(field_of 1 location)': keep its name (add the new venue and set this one active: no)" <<EOF
- id: $id
  name: Elsewhere
EOF

# A venue no meeting uses may be renamed, its address emptied.
printf -- '- name: Bibliotheek\n  host: other\n  address: Kousteensedijk 7\n' |
    meet-plan -V -q
run meet-plan -V -f csv <<'EOF'
- name: Bibliotheek
  address:
EOF
is "$rc" 0 "venue: address emptied"
like "$out" "Bibliotheek,other,,yes,updated" "  reported as updated"
is "$(venue_of Bibliotheek "coalesce(address, '-')")" "-" "  stored without one"
bid=$(venue_of Bibliotheek id)
run meet-plan -V -f csv <<EOF
- id: $bid
  name: Zeeuwse Bibliotheek
  active: no
EOF
is "$rc" 0 "venue: an unused venue renamed"
is "$(venue_of 'Zeeuwse Bibliotheek' active)" 0 "  and set inactive"
run meet-plan -V -f csv <<EOF
- id: $bid
  name: Zeeuwse Bibliotheek
EOF
like "$out" "Zeeuwse Bibliotheek,other,,no,unchanged" "venue: the same again is unchanged"

# ---- meetings ----------------------------------------------------------------
bad -u "a meeting's date emptied" "2: date: a meeting needs a date" <<'EOF'
- id: 2
  date:
EOF
bad -u "a meeting's time emptied" "2: time: a meeting needs a start time" <<'EOF'
- id: 2
  time:
EOF
bad -u "meal neither yes nor no" "2: meal: 'maybe': expected yes or no" <<'EOF'
- id: 2
  meal: maybe
EOF
bad -u "a meeting's status emptied" "2: status: empty; one of: planned, held, cancelled" <<'EOF'
- id: 2
  status:
EOF
run meet-plan -u -f csv <<'EOF'
- id: 2
  location:
  host:
  chair:
  meal: no
EOF
is "$rc" 0 "location, host and chair emptied"
like "$out" "^2,Middelburg,[0-9-]+,18:00,,,,no,planned,updated," "  reported"
is "$(field_of 2 "coalesce(location, '') || '|' || coalesce(host, '') || '|' || coalesce(chair_id, '') || '|' || meal")" \
    "|||0" "  and stored empty"

# ---- the schedule ------------------------------------------------------------
for d in 29 721; do
	run meet-plan -S -D "$d"
	is "$rc" 64 "-S -D $d: out of range is a usage error"
	like "$errout" "^meet-plan: --duration: '$d': expected a number from 30 to 720" "  saying the range"
done
run meet-plan -S -D 150 -t 19:30
is "$rc" 0 "-S -D 150 -t 19:30 stored"
is "$(sqlite3 "$ALLY_DB" "SELECT start_time || ' ' || duration FROM network")" "19:30 150" \
    "  in the network"
sqlite3 "$ALLY_DB" "UPDATE network SET weekdays = 'someday'"
run meet-plan -N -y 2028
is "$rc" 65 "stored weekdays that cannot be read: bad data"
is "$errout" "meet-plan: network Middelburg: weekdays 'someday' unreadable (set them with --weekdays)" \
    "  saying how to mend them"
done_testing
