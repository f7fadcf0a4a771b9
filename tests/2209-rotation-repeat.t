#!/bin/sh
# Rotation again where a repeat cannot be avoided: with one venue left,
# the meetings ahead move there and each repeat is said (issue 19).
. "$(dirname "$0")/lib.sh"

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -V - <<'IN'
- name: Politiebureau
  host: police
- name: Stadhuis
  host: municipality
IN
meet-plan -q -y 2027
is "$(sqlite3 "$ALLY_DB" "SELECT group_concat(location, ' ') FROM (SELECT location FROM meeting ORDER BY date)")" \
    "Politiebureau Stadhuis Politiebureau Stadhuis Politiebureau" "two venues in turn"

export ALLY_TODAY=2027-01-10
printf 'name: Stadhuis\nactive: no\n' | meet-plan -V -q
run meet-plan -x -f csv
is "$rc" 0 "-x rotates again"
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f1,5,6 | tail -n +2 | tr '\n' ' ')" \
    "2,Politiebureau,police 4,Politiebureau,police " "the town hall's meetings to the police station"
is "$errout" "meet-plan: network Middelburg: the meeting of 2027-04-20 (id 2) is at Politiebureau, as the one before: no other venue is active
meet-plan: network Middelburg: the meeting of 2027-07-01 (id 3) is at Politiebureau, as the one before: no other venue is active
meet-plan: network Middelburg: the meeting of 2027-09-14 (id 4) is at Politiebureau, as the one before: no other venue is active
meet-plan: network Middelburg: the meeting of 2027-11-25 (id 5) is at Politiebureau, as the one before: no other venue is active" \
    "each repeat is said"
is "$(sqlite3 "$ALLY_DB" "SELECT group_concat(sequence, ' ') FROM (SELECT sequence FROM meeting ORDER BY date)")" \
    "0 1 0 1 0" "only the meetings moved get a new SEQUENCE"

# -u: a meeting the file names stays as the file says; the others follow.
printf 'name: Stadhuis\nactive: yes\n' | meet-plan -V -q
run meet-plan -u -f csv - <<'IN'
- id: 2
  location: Stadhuis
IN
is "$rc" 0 "-u moves the April meeting back to the town hall"
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f1,5,10,11 | tail -n +2 | tr '\n' ' ')" \
    "2,Stadhuis,updated,location host 4,Stadhuis,updated,location host " \
    "the file's meeting, then September rotated: not the police station of July again"
done_testing
