#!/bin/sh
# Migrations: a database made by the first schema version (a fixture kept
# as SQL) opens with the current tools, which keep every row; each command
# reads it; a write migrates it in one transaction.
. "$(dirname "$0")/lib.sh"
FIXTURE="$FIX/schema-v1.sql"

sqlite3 "$ALLY_DB" <"$FIXTURE"
chmod 600 "$ALLY_DB"
is "$(sqlite3 "$ALLY_DB" 'PRAGMA user_version')" 1 "the fixture is version 1"

counts() {
	for t in network person venue meeting attendance signal action review; do
		printf '%s=%s ' $t "$(sqlite3 "$ALLY_DB" "select count(*) from $t")"
	done
}
before=$(counts)
like "$before" "person=23 .*attendance=76 .*signal=25 .*action=24" \
    "the fixture has rows in every table"

export ALLY_NETWORK=Middelburg ALLY_TODAY=2028-01-10
# The thermometer over a year: the file's signals are older than 72 hours.
for cmd in "ally-add -l" "meet-plan -l" "meet-minutes -l" "action-track" \
    "ally-review" "report-sentiment -H 8760"; do
	run $cmd -f csv
	is "$rc" 0 "$cmd reads the version 1 file"
	ok "$([ -n "$out" ]; echo $?)" "$cmd finds its records"
done
run ally-add -l -f csv
like "$out" "^3,Middelburg,A03,ally," "members as they were"
run meet-minutes -l -m 2027-07-01 -V themes -f csv
like "$out" "polarisation" "themes of a meeting as they were"

# A write: the file is migrated (when the tools' version is newer) and
# every row is kept.
printf 'alias: A03\nnotes: migrated\n' | ally-add -q
is "$?" 0 "a write to the version 1 file"
is "$(counts)" "$before" "every row kept"
is "$(sqlite3 "$ALLY_DB" 'PRAGMA user_version')" \
    "$(sed -n 's/^#define DB_SCHEMA_VERSION[^0-9]*\([0-9]*\).*/\1/p' "$TOP/lib/core.h")" \
    "now at the tools' schema version"
is "$(sqlite3 "$ALLY_DB" 'PRAGMA integrity_check')" ok "integrity ok"
# The migrated file has exactly the schema of a file the tools make now:
# a migration that forgets a table, a column or an index shows here.
ALLY_DB="$T/fresh.db" ally-add --create -n Fresh
schema() { sqlite3 "$1" 'select type, name, sql from sqlite_schema order by name'; }
is "$(schema "$ALLY_DB")" "$(schema "$T/fresh.db")" \
    "the migrated schema is the current schema"
is "$(sqlite3 "$ALLY_DB" 'PRAGMA foreign_key_check' | wc -l)" 0 \
    "no dangling references"
done_testing
