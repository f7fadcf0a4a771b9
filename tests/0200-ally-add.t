#!/bin/sh
# ally-add: registering members, listing, updating through the same
# records, the lifecycle, the 15-ally cap, and the database file.
. "$(dirname "$0")/lib.sh"

# -- the database file ----------------------------------------------------
run ally-add -l
is "$rc" 66 "no database: exit 66"
like "$errout" "no such database" "no database: says so"
ok "$([ ! -e "$ALLY_DB" ]; echo $?)" "a listing never creates the file"

export XDG_DATA_HOME="$T/xdg"
(unset ALLY_DB; umask 022; ally-add --create -n Middelburg)
is "$(stat -c %a "$T/xdg/ally/ally.db")" 600 "created 0600 under umask 022"
is "$(stat -c %a "$T/xdg/ally")" 700 "in a 0700 directory"
unset XDG_DATA_HOME

run ally-add --create
is "$rc" 64 "--create without -n: usage"

newdb Middelburg
run ally-add -n Midelburg -l
is "$rc" 66 "misspelt network: exit 66"
like "$errout" "no network 'Midelburg' \(there is: Middelburg" \
    "misspelt network: names the ones there are"
is "$(sqlite3 "$ALLY_DB" 'select count(*) from network')" 1 \
    "a misspelt network is never created"

# -- adding -------------------------------------------------------------------
run ally-add -f csv "$EXAMPLES/members.yaml"
is "$rc" 0 "members.yaml added"
is "$(printf '%s\n' "$out" | grep -c ',added,')" 16 "16 members added"
like "$out" "^12,A12,ally,candidate,added,156" "aliases assigned, with line"
like "$out" "^13,P01,police,active" "police get P aliases"
like "$out" "^15,M01,municipality,active" "municipality M aliases"
is "$(sqlite3 "$ALLY_DB" "select phone from person where alias='A03'")" \
    "+31633445566" "phone stored as E.164"

# -- listing: no identities by default -----------------------------------------
for f in yaml csv text; do
	run ally-add -l -f $f
	unlike "$out" "Idrissi|Verhage|Lambrechts|Koopman|\\+316|06-|@example" \
	    "-l -f $f shows no name, phone or e-mail"
	unlike "$out" "Moroccan|islam|catholic|gender" \
	    "-l -f $f shows no special-category data"
done
run ally-add -l -I -f csv
like "$out" "Fatima el Idrissi,\\+31621436587,f.elidrissi@example.org" \
    "-I shows identities"
is "$(sqlite3 "$ALLY_DB" "select what||' '||count from audit where command = 'ally-add -l -I'")" \
    "identities listed 16" "-I is audited"
run ally-add -l -f text -s candidate
is "$(printf '%s\n' "$out" | sed 1d | awk '{print $3}')" A12 "filter by status"
run ally-add -l -f csv -r police
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f3 | tr '\r\n' '  ')" \
    "P01 P02 " "filter by role"

# -- the same records come back unchanged -----------------------------------------
before=$(dbdump)
for f in yaml csv; do
	ally-add -l -f $f >"$T/list.$f"
	run ally-add -f csv "$T/list.$f"
	is "$rc" 0 "own $f output read back"
	is "$(printf '%s\n' "$out" | grep -c ',unchanged,')" 16 \
	    "$f read-back: all 16 unchanged"
done
is "$(dbdump)" "$before" "read-back changed nothing"

# -- updates: list, edit, feed back -------------------------------------------------
sed 's/^\(3,Middelburg,A03,.*\),\r$/\1,prefers evening calls\r/' "$T/list.csv" \
    >"$T/edit.csv"
run ally-add -f csv "$T/edit.csv"
like "$out" "^3,A03,ally,active,updated" "edited row updated"
is "$(printf '%s\n' "$out" | grep -c ',updated,')" 1 "only that row"
is "$(sqlite3 "$ALLY_DB" "select notes from person where alias='A03'")" \
    "prefers evening calls" "the edit is stored"
printf 'alias: A04\nstatus: paused\n' | ally-add >/dev/null
is "$(sqlite3 "$ALLY_DB" "select status||' '||status_since from person where alias='A04'")" \
    "paused 2027-01-15" "matched by alias: paused since today"
printf 'id: 4\nstatus: active\n' | ally-add >/dev/null
is "$(sqlite3 "$ALLY_DB" "select status from person where id=4")" active \
    "matched by id: active again"
printf 'alias: A05\nstatus: left\n' | ally-add >/dev/null
is "$(sqlite3 "$ALLY_DB" "select left from person where alias='A05'")" \
    "2027-01-15" "leaving without a date: today"
printf 'alias: A05\nstatus: candidate\n' | ally-add >/dev/null
is "$(sqlite3 "$ALLY_DB" "select status||','||coalesce(left,'') from person where alias='A05'")" \
    "candidate," "a member who returns is a candidate again"

# -- dry run -------------------------------------------------------------------------
before=$(dbdump)
run ally-add -N -f csv <<'EOF2'
role: ally
status: candidate
EOF2
like "$out" "^17,A05|,added," "dry run shows what would be added"
is "$(dbdump)" "$before" "dry run writes nothing"

# -- bad input: exit 65, file:line: field:, nothing written -----------------------------
bad() {	# bad DESCRIPTION EXPECTED-DIAGNOSTIC <<input
	cat >"$T/bad.yaml"
	before=$(dbdump)
	run ally-add "$T/bad.yaml"
	is "$rc" 65 "$1: exit 65"
	is "$errout" "ally-add: $T/bad.yaml:$2" "$1: diagnostic"
	is "$(dbdump)" "$before" "$1: nothing written"
}
bad "unknown field" "3: phnoe: unknown field (a person has: id, network, alias, name, phone, email, role, function, community, sector, age_band, gender, background, religion, status, intake, vetted, joined, left, contact_consent, notes)" <<'EOF2'
- role: police
  status: active
  phnoe: 0612345678
EOF2
bad "bad phone" "4: phone: '06-1234' is not a phone number" <<'EOF2'
- role: police
  status: active
- role: police
  phone: 06-1234
EOF2
bad "bad e-mail" "2: email: 'someone.example.org' is not an e-mail address" <<'EOF2'
- role: municipality
  email: someone.example.org
EOF2
bad "bad role" "1: role: 'mayor' is not one of: ally, police, municipality" <<'EOF2'
- role: mayor
EOF2
bad "no role" "1: role: a new member needs a role: ally, police or municipality" <<'EOF2'
- status: candidate
EOF2
bad "bad sector" "2: sector: 'football' is not one of: faith, sport, youth, education, business, culture, neighbourhood, care, women, elderly, other" <<'EOF2'
- role: ally
  sector: football
EOF2
bad "bad age band" "2: age_band: '30-40' is not one of: <25, 25-39, 40-54, 55-69, 70+" <<'EOF2'
- role: ally
  age_band: 30-40
EOF2
bad "impossible date" "2: intake: '2027-02-30' is not a date (YYYY-MM-DD)" <<'EOF2'
- role: ally
  intake: 2027-02-30
EOF2
bad "future date" "2: vetted: 2027-06-01 is in the future" <<'EOF2'
- role: ally
  vetted: 2027-06-01
EOF2
bad "bad consent" "2: contact_consent: 'maybe': expected yes or no" <<'EOF2'
- role: ally
  contact_consent: maybe
EOF2
bad "active without intake" "2: status: an ally becomes active only after the intake conversation: give the intake date" <<'EOF2'
- role: ally
  status: active
EOF2
bad "active without vetting" "2: status: an ally becomes active only after the integrity check: give the vetted date" <<'EOF2'
- role: ally
  status: active
  intake: 2027-01-02
EOF2
bad "bad transition" "2: status: active cannot become candidate (candidate -> active -> paused or left; left -> candidate)" <<'EOF2'
- alias: A01
  status: candidate
EOF2
bad "unknown id" "1: id: no member 99 in this network" <<'EOF2'
- id: 99
  notes: x
EOF2
bad "id and alias disagree" "2: alias: A02 belongs to another member than this id" <<'EOF2'
- id: 1
  alias: A02
EOF2
bad "other network" "2: network: 'Veere' is not this network (choose it with -n)" <<'EOF2'
- role: ally
  network: Veere
EOF2
bad "formula" "2: notes: a value may not start with '=' (a spreadsheet formula)" <<'EOF2'
- alias: A01
  notes: "=cmd|' /C calc'!A0"
EOF2
bad "control character" "2: community: control characters, a line break or invalid UTF-8" <<'EOF2'
- alias: A01
  community: "bell\a"
EOF2
bad "left date while active" "3: left: a leaving date, but the status is active" <<'EOF2'
- alias: A01
  status: active
  left: 2027-01-01
EOF2
bad "bad alias" "2: alias: '1abc' is not an alias (a letter, then up to 15 letters, digits, - or _)" <<'EOF2'
- role: ally
  alias: 1abc
EOF2
printf 'role,status\nally,candidate\nally,cand\n' >"$T/bad.csv"
before=$(dbdump)
run ally-add "$T/bad.csv"
is "$rc" 65 "csv: bad enum on line 3"
is "$errout" "ally-add: $T/bad.csv:3: status: 'cand' is not one of: candidate, active, paused, left" \
    "csv diagnostic names file, line and field"
is "$(dbdump)" "$before" "csv: the good first row is not written either"

# -- the cap: at most 15 allies -----------------------------------------------------------
n=$(sqlite3 "$ALLY_DB" "select count(*) from person where role='ally' and status in ('candidate','active')")
is "$n" 12 "12 allies at the table"
printf 'role\nally\nally\nally\nally\n' >"$T/four.csv"
before=$(dbdump)
run ally-add "$T/four.csv"
is "$rc" 65 "the 16th ally is refused"
is "$errout" "ally-add: $T/four.csv:5: status: network Middelburg would have 16 allies; at most 15 sit at the table (candidates and active members count; police and municipality staff do not)" \
    "the 16th: a clear message at its line"
is "$(dbdump)" "$before" "none of the four is written"
printf 'role\nally\nally\nally\npolice\n' | ally-add >/dev/null
is "$(sqlite3 "$ALLY_DB" "select count(*) from person where role='ally' and status in ('candidate','active')")" \
    15 "three more make 15"
printf 'alias: A01\nstatus: left\n' | ally-add >/dev/null
printf 'role: ally\n' | ally-add >/dev/null
is "$?" 0 "after one leaves, a new candidate fits"

# -- several networks ----------------------------------------------------------------------
ally-add --create -n Veere >/dev/null
run ally-add -l
is "$rc" 64 "two networks and no -n: usage error"
like "$errout" "2 networks in the file \(Middelburg, Veere\): choose one" \
    "ambiguity explained"
is "$(ALLY_NETWORK=Veere ally-add -l | wc -c)" 0 "ALLY_NETWORK chooses (empty)"
printf 'role: ally\n' | ally-add -n Veere -f csv >"$T/v.csv"
like "$(cat "$T/v.csv")" "A01,ally,candidate,added" "aliases are per network"

# -- options and output ------------------------------------------------------------------------
run ally-add --help
is "$rc" 0 "--help: exit 0"
like "$out" "^usage: ally-add" "--help prints the usage"
run ally-add --version
like "$out" "^ally-add [0-9]+\.[0-9]+" "--version"
run ally-add --bogus
is "$rc" 64 "unknown option: 64"
run ally-add -f xml -l
is "$rc" 64 "unknown format: 64"
if [ -w /dev/full ]; then
	ally-add -n Middelburg -l >/dev/full 2>"$T/err"
	is "$?" 74 "a full disk on stdout: exit 74"
	like "$(cat "$T/err")" "ally-add: .*(No space|space)" "and says so"
fi
run ally-add -n Middelburg "$T/does-not-exist.yaml"
is "$rc" 66 "missing input file: 66"
done_testing
