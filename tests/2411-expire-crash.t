#!/bin/sh
# Retention interrupted (issue 21): ally-review -X killed with SIGKILL in
# its transaction, or between its commit and the truncation of the
# write-ahead log, leaves the texts whole or gone, never some of them;
# and after the next open not one byte of an expired text is in the file
# or its WAL.  The kill is no race: ALLY_TEST_CRASH names the point at
# which the process raises SIGKILL itself (session_commit: "commit"
# before the COMMIT, "committed" after it).
. "$(dirname "$0")/lib.sh"
WORDS="Tapir lijsterbes|Gnoe meidoorn|Egel sleedoorn|civet rozebottel"

# found FILE...: how many of the texts the files' bytes hold.
found() {
	cat "$@" 2>/dev/null | grep -aoE "$WORDS" | sort -u | wc -l | tr -d ' '
}
# texts: the texts as a copy of the file and its WAL holds them, read
# without opening the file itself (an open would checkpoint it):
# "summary minutes action contact", 1 for each text still there.
texts() {
	rm -f "$T/copy.db" "$T/copy.db-wal"
	cp "$ALLY_DB" "$T/copy.db"
	[ ! -e "$ALLY_DB-wal" ] || cp "$ALLY_DB-wal" "$T/copy.db-wal"
	sqlite3 "$T/copy.db" "SELECT
	    (SELECT count(*) FROM signal WHERE summary = 'Gnoe meidoorn'),
	    (SELECT count(*) FROM meeting WHERE notes = 'Tapir lijsterbes'),
	    (SELECT count(*) FROM action WHERE note = 'Egel sleedoorn'),
	    (SELECT count(*) FROM contact WHERE note = 'civet rozebottel'),
	    (SELECT count(*) FROM signal WHERE tension = 3 AND theme = 'poverty'),
	    (SELECT count(*) FROM audit WHERE command = 'ally-review --expire-texts')" |
	    tr '|' ' '
}

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
meet-minutes -q <<'EOF2'
date: 2027-09-14
location: Stadhuis Middelburg
host: municipality
chair: M01
notes: Tapir lijsterbes
present: [A01, A02, P01, M01]
themes:
  - theme: poverty
    tension: 3
    trend: rising
    basis: evidenced
    summary: Gnoe meidoorn
actions:
  - title: Extra evenings of debt counselling
    party: municipality
    owner: M02
    due: 2027-10-31
    note: Egel sleedoorn
EOF2
action-track --done "$(sqlite3 "$ALLY_DB" "SELECT id FROM action")" >/dev/null
printf 'date,kind,by,with,note\n2027-10-01,visit,P01,A02,civet rozebottel\n' |
    action-track --contact -q -f csv -F csv
is "$(texts)" "1 1 1 1 1 0" "the fixture: a summary, minutes notes, an action note, a contact note"
cp "$ALLY_DB" "$T/fixture.db"

# Three years on every one of them is past its period.
export ALLY_TODAY=2030-11-21

# Killed in the transaction, every text cleared but not committed.
ALLY_TEST_CRASH=commit ally-review -X >/dev/null 2>&1
is "$?" 137 "-X killed in its transaction"
is "$(texts)" "1 1 1 1 1 0" "the texts whole, no audit entry"
is "$(sqlite3 "$T/copy.db" "PRAGMA integrity_check")" ok "integrity ok"
run ally-review -X -f csv
is "$rc" 0 "-X again"
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f5 | tr '\n' ' ')" \
    "cleared 1 1 1 0 1 0 " "-X again: clears them all"
is "$(texts)" "0 0 0 0 1 1" "the texts gone, the signal's level and theme stay"
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 0 "not one byte of them in the file or its WAL"

# Killed after the commit, before the write-ahead log is truncated.
rm -f "$ALLY_DB-wal" "$ALLY_DB-shm"
cp "$T/fixture.db" "$ALLY_DB"
ALLY_TEST_CRASH=committed ally-review -X >/dev/null 2>&1
is "$?" 137 "-X killed between its commit and the checkpoint"
ok "$([ "$(found "$ALLY_DB" "$ALLY_DB-wal")" -gt 0 ]; echo $?)" \
    "the file still holds the old pages (the search sees them)"
is "$(texts)" "0 0 0 0 1 1" "the texts gone, all of them; the audit entry made"
is "$(sqlite3 "$T/copy.db" "PRAGMA integrity_check")" ok "integrity ok"
# The next open, a listing: its connection, the last to close, writes
# the log into the file and removes it.
run ally-add -l -f csv
is "$rc" 0 "the next command, a listing"
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 0 \
    "after it: not one byte of the texts in the file or its WAL"
is "$(texts)" "0 0 0 0 1 1" "and they stay gone"
run ally-review -X -N -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f5 | tr '\n' ' ')" \
    "cleared 0 0 0 0 0 0 " "-X -N: nothing left to clear"
done_testing
