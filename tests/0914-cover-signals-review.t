#!/bin/sh
# report-sentiment -r and ally-review -T: the record errors 0700 and 0603
# do not reach (lists for values, ids, networks, sources that are neither
# an alias nor meeting:ID; target profiles without a dimension or group,
# with a list, with a sector that is none), and a signal that takes its
# date from its meeting.
. "$(dirname "$0")/lib.sh"
export ALLY_TODAY=2028-12-31
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" "INSERT INTO meeting (id, network_id, date, time, status, uid, created, updated)
    VALUES (7, 1, '2028-10-12', '18:00', 'held', 'm7@test', '2028-01-01', '2028-01-01')"

# sbad DESCRIPTION LINE FIELD MESSAGE: the YAML signal on stdin is refused.
sbad() {
	cat >"$T/s.yaml"
	before=$(dbdump)
	run report-sentiment -r "$T/s.yaml"
	is "$rc" 65 "$1: exit 65"
	is "$errout" "report-sentiment: $T/s.yaml:$2: $3: $4" "$1: diagnostic"
	is "$out$(dbdump)" "$before" "$1: nothing written"
}
sbad "a list for a value" 2 theme "expected one value, not a list" <<'EOF'
date: 2028-12-01
theme: [youth, safety]
tension: 1
source: A01
EOF
sbad "another network" 1 network "'Veere' is not this network (choose it with -n)" <<'EOF'
network: Veere
date: 2028-12-01
theme: youth
tension: 1
source: A01
EOF
sbad "an id that is no number" 1 id "'x1' is not an id" <<'EOF'
id: x1
date: 2028-12-01
theme: youth
tension: 1
source: A01
EOF
sbad "an id not there" 1 id "no signal 4242 in this network" <<'EOF'
id: 4242
date: 2028-12-01
theme: youth
tension: 1
source: A01
EOF
sbad "a source that is a name" 4 source "'Fatima el Idrissi' is neither an alias nor meeting:ID" <<'EOF'
date: 2028-12-01
theme: youth
tension: 1
source: Fatima el Idrissi
EOF

# A signal of a meeting takes the meeting's date.
printf 'theme: youth\ntension: 2\nsource: "meeting:7"\n' >"$T/s.yaml"
run report-sentiment -r -q "$T/s.yaml"
is "$rc" 0 "a signal of meeting 7 without a date is recorded"
is "$(sqlite3 "$ALLY_DB" "SELECT date || ' ' || meeting_id FROM signal WHERE theme = 'youth'")" \
    "2028-10-12 7" "  on the meeting's date, with the meeting"

# ---- ally-review -T: target profiles ---------------------------------------
tbad() {
	cat >"$T/t.yaml"
	run ally-review -r -T "$T/t.yaml"
	is "$rc" 65 "$1: exit 65"
	is "$errout" "ally-review: $T/t.yaml:$2: $3: $4" "$1: diagnostic"
	is "$out" "" "$1: no output"
}
tbad "a list in a target" 2 group "expected one value, not a list" <<'EOF'
- dimension: gender
  group: [f, m]
  share: 50
EOF
tbad "a target without a dimension" 1 dimension \
    "missing; one of: age_band, gender, sector, background, religion" <<'EOF'
- group: f
  share: 50
EOF
tbad "a target without a group" 1 group "missing" <<'EOF'
- dimension: gender
  share: 50
EOF
tbad "a group of two lines" 2 group \
    "not a group name (one line of text, at most 200 bytes)" <<'EOF'
- dimension: background
  group: "Dutch\nMoroccan"
  share: 50
EOF
tbad "a sector that is none" 2 group "'banking' is not a sector" <<'EOF'
- dimension: sector
  group: banking
  share: 10
EOF
done_testing
