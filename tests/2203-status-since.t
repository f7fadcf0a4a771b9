#!/bin/sh
# status_since is the day the status began: joined for an active member,
# the leaving date for one who left; ally-review shows it (issue 19).
. "$(dirname "$0")/lib.sh"

export ALLY_TODAY=2027-01-15
newdb Middelburg
ally-add -q - <<'IN'
- name: Ineke de Vos
  role: ally
  status: active
  intake: 2026-09-02
  vetted: 2026-09-20
  joined: 2026-10-01
- name: Bram Kosten
  role: ally
  status: candidate
- name: Sara Lind
  role: ally
  status: active
  intake: 2026-09-02
  vetted: 2026-09-20
IN
since() { sqlite3 "$ALLY_DB" "SELECT status || ' ' || status_since FROM person WHERE alias = '$1'"; }
is "$(since A01)" "active 2026-10-01" "an active member registered late: since joining"
is "$(since A02)" "candidate 2027-01-15" "a candidate: since registration"
is "$(since A03)" "active 2027-01-15" "active without a joining date: joined today"
run ally-review -f csv
like "$(printf '%s\n' "$out" | tr -d '\r' | grep '^A01,')" "^A01,ally,active,2026-10-01," "ally-review shows the day the status began"

printf 'alias: A01\nstatus: left\nleft: 2027-01-10\n' | ally-add -q
is "$(since A01)" "left 2027-01-10" "a member who left: since the leaving date given"
printf 'alias: A03\nstatus: paused\n' | ally-add -q
is "$(since A03)" "paused 2027-01-15" "paused: since today"
printf 'alias: A03\nstatus: active\n' | ALLY_TODAY=2027-02-01 ally-add -q
is "$(since A03)" "active 2027-02-01" "active again: since the return, not the first joining"
done_testing
