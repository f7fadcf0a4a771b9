#!/bin/sh
# The database's files: 0600 in a 0700 directory whatever the umask, a
# warning when they are open to others, symbolic links refused, and
# ally-add --backup: a consistent, private copy that never replaces a file.
. "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }

# hold DB: keep DB open in the background (so that -wal and -shm stay);
# release: let it go.
hold() {
	rm -f "$T/hold.in" "$T/hold.out"
	mkfifo "$T/hold.in" "$T/hold.out"
	/usr/bin/python3 "$FIX/privacy/holddb.py" "$1" <"$T/hold.in" \
	    >"$T/hold.out" &
	holder=$!
	exec 3>"$T/hold.in" 4<"$T/hold.out"
	read -r _ <&4
}
release() {
	exec 3>&- 4<&-
	wait "$holder"
}

for um in 022 000; do
	db="$T/u$um/data/ally/ally.db"
	(umask $um && ally-add --create -n Middelburg -d "$db" >/dev/null)
	ok $? "umask $um: created"
	(umask $um && hold "$db" &&
	    ally-add -q -d "$db" "$EXAMPLES/members.yaml" &&
	    echo "$(mode "$db") $(mode "$db-wal") $(mode "$db-shm")" \
	    >"$T/modes" && release)
	is "$(cat "$T/modes")" "600 600 600" \
	    "umask $um: database, -wal and -shm are 0600"
	is "$(mode "$T/u$um/data/ally") $(mode "$T/u$um/data")" "700 700" \
	    "umask $um: the directories made are 0700"
done

newdb Middelburg
run ally-add -l
is "$errout" "" "a private database: no warning"
for m in 644 640 604 660; do
	chmod $m "$ALLY_DB"
	run ally-add -l -f csv
	is "$rc" 0 "mode $m: still works"
	like "$errout" "^ally-add: warning: $ALLY_DB: open to .*group or others \(mode 0$m\): chmod 600 it$" \
	    "mode $m: warning on stderr"
done
chmod 600 "$ALLY_DB"
: >"$ALLY_DB-wal"
chmod 644 "$ALLY_DB-wal"
run ally-add -l
like "$errout" "warning: $ALLY_DB-wal: open to reading by group or others" \
    "a -wal open to others: warning"
rm -f "$ALLY_DB-wal"
chmod 775 "$T"
run ally-add -l
like "$errout" "warning: $T: the database's directory is writable by group or others \(mode 0775\)" \
    "a directory others may write in: warning"
chmod 700 "$T"
run ally-add -K -n Middelburg
is "$errout" "" "back to private: no warning"

# Symbolic links are refused, as --db and as ALLY_DB.
ln -s "$ALLY_DB" "$T/link.db"
run ally-add -l -d "$T/link.db"
is "$rc" 77 "symlinked --db: exit 77"
is "$errout" "ally-add: $T/link.db: is a symbolic link; give the real path" \
    "symlinked --db: diagnostic"
run env ALLY_DB="$T/link.db" ally-add -q "$EXAMPLES/members.yaml"
is "$rc" 77 "symlinked ALLY_DB: refused for writing too"
is "$(sqlite3 "$ALLY_DB" 'SELECT count(*) FROM person')" 0 \
    "symlinked ALLY_DB: nothing written"

# Backup.
ally-add -q "$EXAMPLES/members.yaml"
(umask 000 && ally-add --backup "$T/backup.db")
ok $? "backup: exit 0"
is "$(mode "$T/backup.db")" 600 "backup: 0600 under umask 000"
is "$(sqlite3 "$T/backup.db" 'PRAGMA integrity_check')" ok "backup: sound"
is "$(sqlite3 "$T/backup.db" 'SELECT * FROM person' | md5sum)" \
    "$(sqlite3 "$ALLY_DB" 'SELECT * FROM person' | md5sum)" \
    "backup: the same members"
like "$(ally-add -A -f csv | tr -d '\r' | tail -n 1)" ',ally-add --backup,,backup written,16,backup,$' \
    "backup: audited with the number of identities"
cp "$T/backup.db" "$T/copy"
run ally-add -B "$T/backup.db"
is "$rc" 73 "an existing file: exit 73"
is "$errout" "ally-add: $T/backup.db: exists; a backup never replaces a file" \
    "an existing file: diagnostic"
cmp -s "$T/backup.db" "$T/copy"
ok $? "an existing file: left alone"
ln -s "$T/elsewhere.db" "$T/dangling"
run ally-add -B "$T/dangling"
is "$rc" 73 "a dangling symbolic link: exit 73"
ok "$(test -e "$T/elsewhere.db"; echo $((1 - $?)))" "a dangling symbolic link: not followed"
run ally-add -B "$T/no/such/dir/b.db"
is "$rc" 73 "a missing directory: exit 73"
run ally-add -B "$T/b2.db" -N
is "$rc" 64 "--backup with --dry-run: usage"
ok "$(test -e "$T/b2.db"; echo $((1 - $?)))" "usage error: no file"
done_testing
