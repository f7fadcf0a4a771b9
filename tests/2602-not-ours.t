#!/bin/sh
# Only --create makes a database (issue 23, 5): an empty file, another
# program's SQLite file, a negative or a newer schema version are refused
# with 65, "not an ally database" (or "newer"), naming the file, and left
# byte for byte as they were, by every command, reading or writing, and
# by --create too where the file is not empty.  Identities are written
# only into a file of our own of mode 0600: a file planted by another
# user, or open to others, is refused (77) and stays empty.
. "$(dirname "$0")/lib.sh"
V=$(sed -n 's/^#define DB_SCHEMA_VERSION[^0-9]*\([0-9]*\).*/\1/p' "$TOP/lib/core.h")
[ -n "$V" ]
ok $? "the schema version read from core.h"
: >"$T/empty.db"
sqlite3 "$T/foreign.db" "CREATE TABLE network (id, name); CREATE TABLE t (x);
    INSERT INTO t VALUES ('a colleague''s data')"
sqlite3 "$T/negative.db" "CREATE TABLE t (x); PRAGMA user_version = -1"
sqlite3 "$T/negempty.db" "PRAGMA user_version = -7"
ALLY_DB="$T/newer.db" ally-add --create -n Veere
sqlite3 "$T/newer.db" "PRAGMA journal_mode = DELETE; PRAGMA user_version = $((V + 1))" >/dev/null
# The same in WAL mode, where a read-only open makes a -wal and a -shm
# that it cannot remove; and a copy of an ally database cut in half.
for f in foreign negative; do
	cp "$T/$f.db" "$T/$f-wal.db"
	sqlite3 "$T/$f-wal.db" "PRAGMA journal_mode = WAL" >/dev/null
done
ALLY_DB="$T/newer-wal.db" ally-add --create -n Veere
sqlite3 "$T/newer-wal.db" "PRAGMA user_version = $((V + 1))"
ALLY_DB="$T/cut.db" ally-add --create -n Veere "$EXAMPLES/members.yaml"
head -c $(($(wc -c <"$T/cut.db") / 2)) "$T/cut.db" >"$T/cut-wal.db"
rm "$T/cut.db"
chmod 600 "$T"/*.db

# refused FILE PATTERN: every command refuses it, 65, untouched.
refused() {
	f=$1 want=$2
	cp "$f" "$T/orig"
	for cmd in "ally-add -l" "ally-add -K" "ally-add -W" \
	    "action-track" "report-sentiment -l" "report-sentiment -g -a" \
	    "ally-review" "meet-plan -l" "meet-minutes -l" \
	    "ally-add -q $EXAMPLES/members.yaml" "meet-plan -y 2027"; do
		run env ALLY_DB="$f" $cmd
		is "$rc" 65 "${f##*/}: $cmd: exit 65"
		like "$errout" "$f: $want" "${f##*/}: $cmd: names the file and why"
		cmp -s "$f" "$T/orig"
		ok $? "${f##*/}: $cmd: byte for byte untouched"
		[ ! -e "$f-wal" ] && [ ! -e "$f-journal" ] && [ ! -e "$f-shm" ]
		ok $? "${f##*/}: $cmd: no -wal, -shm or -journal left"
	done
}
refused "$T/empty.db" "not an ally database \\(an empty file: ally-add --create makes one\\)"
refused "$T/foreign.db" "not an ally database \\(the tables of another program\\)"
refused "$T/negative.db" "not an ally database \\(schema version -1\\)"
refused "$T/negempty.db" "not an ally database \\(schema version -7\\)"
refused "$T/newer.db" "the database has schema version $((V + 1)), newer than this ally"
refused "$T/foreign-wal.db" "not an ally database \\(the tables of another program\\)"
refused "$T/negative-wal.db" "not an ally database \\(schema version -1\\)"
refused "$T/newer-wal.db" "the database has schema version $((V + 1)), newer than this ally"
# (A writer opens it, as SQLite finds it malformed; a reader does not.)
refused "$T/cut-wal.db" "(damaged database: [0-9]* bytes of the [0-9]* its header says \\(truncated\\)|database disk image is malformed)"

# --create does not take over a file with something in it.
for f in foreign negative newer; do
	cp "$T/$f.db" "$T/orig"
	run ally-add --create -n Walcheren -d "$T/$f.db"
	is "$rc" 65 "$f: --create: exit 65"
	cmp -s "$T/$f.db" "$T/orig"
	ok $? "$f: --create: untouched"
done
# An empty file of our own, mode 0600, is one --create may make (two
# --create at once: the second finds the first's file).
run ally-add --create -n Walcheren -d "$T/empty.db"
is "$rc" 0 "an empty file of our own: --create makes it a database"

# A file open to others, or another user's: no identities written in.
planted() {
	what=$1
	shift
	cp "$T/orig" "$T/planted.db" 2>/dev/null || : >"$T/planted.db"
	"$@"
	cp "$T/planted.db" "$T/orig.planted"
	run ally-add --create -n Walcheren -d "$T/planted.db" "$EXAMPLES/members.yaml"
	is "$rc" 77 "$what: --create refused, 77"
	like "$errout" "planted.db: .*identities are written only into" \
	    "$what: says why"
	cmp -s "$T/planted.db" "$T/orig.planted"
	ok $? "$what: untouched"
	rm -f "$T/planted.db"*
}
rm -f "$T/orig"
planted "an empty file of mode 666" chmod 666 "$T/planted.db"
planted "an empty file of mode 640" chmod 640 "$T/planted.db"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	planted "another user's empty file, 600" \
	    sh -c "chmod 600 '$T/planted.db'; chown nobody '$T/planted.db'"
else
	for i in 1 2 3; do
		echo "ok $((_n + 1)) # skip another user's file needs root"
		_n=$((_n + 1))
	done
fi
# An ally database open to others: read with a warning, but no member
# added.
ALLY_DB="$T/shared.db" ally-add --create -n Veere
chmod 644 "$T/shared.db"
before=$(sqlite3 "$T/shared.db" .dump)
run env ALLY_DB="$T/shared.db" ally-add "$EXAMPLES/members.yaml"
is "$rc" 77 "ally-add into a file of mode 644: 77"
like "$errout" "open to group or others \\(mode 0644\\)" "says the mode"
is "$(sqlite3 "$T/shared.db" .dump)" "$before" "nothing written"
run env ALLY_DB="$T/shared.db" ally-add -l
is "$rc" 0 "ally-add -l of it: read, with the warning"

# A -wal or -journal planted beside a file of our own: SQLite writes the
# pages (names and phone numbers) into the one it finds, as it is.
side() {
	what=$1
	part=$2
	shift 2
	rm -rf "$T/s"
	mkdir "$T/s"
	ALLY_DB="$T/s/a.db" ally-add --create -n Veere
	: >"$T/s/a.db$part"
	"$@"
	cp "$T/s/a.db" "$T/s.orig"
	run env ALLY_DB="$T/s/a.db" ally-add "$EXAMPLES/members.yaml"
	is "$rc" 77 "$what: ally-add refused, 77"
	like "$errout" "a\\.db$part: .*identities are written only into" \
	    "$what: says which file and why"
	is "$(wc -c <"$T/s/a.db$part")" 0 "$what: nothing written into it"
	cmp -s "$T/s/a.db" "$T/s.orig"
	ok $? "$what: the database untouched"
}
side "a -wal of mode 666" -wal chmod 666 "$T/s/a.db-wal"
side "a -journal of mode 644" -journal chmod 644 "$T/s/a.db-journal"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	side "another user's -wal, 600" -wal chown nobody "$T/s/a.db-wal"
	# A directory that is another user's: its owner may plant one later.
	mkdir "$T/theirs"
	chown nobody "$T/theirs"
	run ally-add --create -n Veere -d "$T/theirs/a.db" "$EXAMPLES/members.yaml"
	is "$rc" 77 "another user's directory: --create refused, 77"
	like "$errout" "the directory .*theirs is another user's" \
	    "another user's directory: says so"
	is "$(ls -A "$T/theirs")" "" "another user's directory: nothing made in it"
else
	for i in 1 2 3 4 5 6 7; do
		echo "ok $((_n + 1)) # skip another user's file needs root"
		_n=$((_n + 1))
	done
fi
done_testing
