#!/bin/sh
# Identities encrypted at rest, the proof (issue 21): an existing network
# encrypted in place; then the database, its write-ahead log and a backup,
# searched byte by byte, hold no name, phone, e-mail or religion of the
# fixture's members; with the key, the audited listing shows them all.
# A kill -9 in the middle of the migration leaves the file plain.
. "$(dirname "$0")/lib.sh"

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
python3 "$TOP/tests/2401-crypt-proof.d/identities.py" \
    "$EXAMPLES/members.yaml" | sort -u >"$T/ids"
is "$(wc -l <"$T/ids")" 41 "the fixture: 41 distinct identities to look for"

# found FILE...: how many of the identities the files' bytes hold.
found() {
	cat "$@" 2>/dev/null >"$T/bytes"
	n=0
	while IFS= read -r id; do
		grep -aqF -- "$id" "$T/bytes" && n=$((n + 1))
	done <"$T/ids"
	echo "$n"
}
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 41 \
    "before: the plain file holds every identity (the search works)"

# A kill -9 after every member was rewritten, before the commit.
cp "$ALLY_DB" "$T/before.db"
ALLY_TEST_CRASH=seal ally-add -k file 2>/dev/null
is "$?" 137 "kill -9 during the migration"
is "$(sqlite3 "$ALLY_DB" 'SELECT count(*) FROM network WHERE key_kind IS NULL')" 1 \
    "after the kill: the network is not marked encrypted"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE name LIKE '%Lambrechts'")" 1 \
    "after the kill: the names are plain, not mixed"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE substr(name, 1, 1) = char(1)")" 0 \
    "after the kill: no ciphertext"
ok "$(test ! -e "$XDG_CONFIG_HOME/ally/Middelburg.key"; echo $?)" \
    "after the kill: no key file"
run ally-add -l -I
is "$rc" 0 "after the kill: listed without a key"

run ally-add -k file
is "$rc" 0 "encrypted in place"
is "$(stat -c %a "$XDG_CONFIG_HOME/ally/Middelburg.key")" 600 "the key file is 0600"
is "$(stat -c %a "$XDG_CONFIG_HOME/ally")" 700 "its directory is 0700"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE name IS NOT NULL AND substr(name, 1, 1) <> char(1)")" 0 \
    "every name is ciphertext"

ally-add -B "$T/backup.db"
cp "$ALLY_DB" "$T/copy.db"
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 0 "the file and its WAL: no identity"
is "$(found "$T/copy.db")" 0 "a copy: no identity"
is "$(found "$T/backup.db")" 0 "a backup: no identity"
grep -ac "Middelburg" "$ALLY_DB" >/dev/null
ok $? "the search finds what is plain (the network's name)"

# Without the key: the copy tells nothing, a listing is refused.
mv "$XDG_CONFIG_HOME/ally/Middelburg.key" "$T/key"
run ally-add -d "$T/backup.db" -l -I
is "$rc" 77 "the backup without the key: refused (77)"
like "$errout" "encrypted: this needs its key file" "the refusal says why"
is "$out" "" "nothing printed"
mv "$T/key" "$XDG_CONFIG_HOME/ally/Middelburg.key"

# With the key: every identity, through the audited listing; the
# religions, which no listing shows, in the review's aggregates.
run ally-add -d "$T/backup.db" -l -I
is "$rc" 0 "the backup with the key: listed"
printf '%s\n' "$out" >"$T/listed"
run ally-review -d "$T/backup.db" -r -f csv
is "$rc" 0 "the backup with the key: the review's aggregates"
printf '%s\n' "$out" >>"$T/listed"
is "$(found "$T/listed")" 41 "with the key: every identity back"
mv "$XDG_CONFIG_HOME/ally/Middelburg.key" "$T/key"
run ally-review -d "$T/backup.db" -r -f csv
is "$rc" 77 "the aggregates need the key"
mv "$T/key" "$XDG_CONFIG_HOME/ally/Middelburg.key"
like "$(ally-add -d "$T/backup.db" -A -f csv | tail -1)" \
    "ally-add -l -I,Middelburg,identities listed,16" "and audited"
like "$(ally-add -A -f csv)" "ally-add --key,Middelburg,identities encrypted,16" \
    "the encryption is audited"
done_testing
