#!/bin/sh
# Identities encrypted at rest (issue 21): the key chosen when the network
# is made (a key file or a passphrase), what runs without it, and every
# key refused: wrong, open to others, truncated, another network's; a
# value moved to another row is damage (65); rotation and export.
. "$(dirname "$0")/lib.sh"
KEY="$XDG_CONFIG_HOME/ally/Middelburg.key"

rm -f "$ALLY_DB"
run ally-add -c -n Middelburg -k file
is "$rc" 0 "a new network, encrypted under a key file"
is "$(stat -c %a "$KEY")" 600 "the key file is made 0600"
is "$(wc -c <"$KEY" | tr -d ' ')" 76 "one key in it"
run ally-add -q "$EXAMPLES/members.yaml"
is "$rc" 0 "members added with the key"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE phone LIKE '+31%' OR religion = 'islam' OR community LIKE '%Moskee%'")" 0 \
    "phones, religions, communities stored as ciphertext"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE contact_consent = 1")" 13 \
    "yes/no fields stay plain (the schema checks them)"
run ally-add -k file
is "$rc" 64 "-k file on an encrypted network: refused"

# What needs no identity runs without the key.
mv "$KEY" "$T/key"
run ally-add -W -f csv
is "$rc" 0 "without the key: the networks"
run report-sentiment -f csv
is "$rc" 0 "without the key: the thermometer"
run ally-add -A
is "$rc" 0 "without the key: the audit log"
run ally-add -l
is "$rc" 77 "without the key: the listing (community, notes) refused"
like "$errout" "^ally-add: the identities of network Middelburg are encrypted: this needs its key file .*/Middelburg.key$" \
    "the refusal names the key file"
run ally-add -K
is "$rc" 77 "without the key: the contact list refused"
before=$(dbdump)
printf 'alias: A01\nphone: 0612345678\n' >"$T/edit.yaml"
run ally-add "$T/edit.yaml"
is "$rc" 77 "without the key: an edit refused"
is "$(dbdump)" "$before" "nothing written"
run report-sentiment -r "$EXAMPLES/callround.csv"
is "$rc" 77 "without the key: an ingest refused (its name check needs the names)"

# Key files refused.
cp "$T/key" "$KEY"
chmod 640 "$KEY"
run ally-add -K
is "$rc" 77 "a key file open to the group: refused"
like "$errout" "open to others \(mode 640\)" "the refusal says so"
chmod 600 "$KEY"
head -c 50 "$T/key" >"$KEY"
run ally-add -K
is "$rc" 77 "a truncated key file: refused"
like "$errout" "not an ally key file" "the refusal says so"
printf 'not a key at all\n' >"$KEY"
run ally-add -K
is "$rc" 77 "a foreign file: refused"
# Another file's network of the same name, its own key.
ALLY_KEY_FILE="$T/other.key" ally-add -d "$T/other.db" -c -n Middelburg \
    -k file
run env ALLY_KEY_FILE="$T/other.key" ally-add -K
is "$rc" 77 "another network's key: refused"
like "$errout" "not the key of network Middelburg" "the refusal says so"
cp "$T/key" "$KEY"
run ally-add -K
is "$rc" 0 "the right key: the contact list"
like "$out" "A01 +Fatima el Idrissi" "in the clear"

# Ciphertext moved to another row by hand: damage.
cp "$ALLY_DB" "$T/moved.db"
sqlite3 "$T/moved.db" "UPDATE person SET name = (SELECT name FROM person WHERE alias = 'A02') WHERE alias = 'A01'"
run ally-add -d "$T/moved.db" -l -I
is "$rc" 65 "a name moved to another row: refused as damaged"
like "$errout" "damaged database: person.name of row 1 does not open" \
    "the refusal names the value"

# Rotation: a new key, the old one no longer opens anything.
run ally-add -k rotate
is "$rc" 0 "the key rotated"
cmp -s "$KEY" "$T/key"
is "$?" 1 "the key file holds a new key"
is "$(stat -c %a "$KEY")" 600 "still 0600"
ok "$(test ! -e "$KEY.new"; echo $?)" "no key left aside"
run env ALLY_KEY_FILE="$T/key" ally-add -K
is "$rc" 77 "the old key: refused"
run ally-add -l -I -f csv
is "$rc" 0 "the new key opens every identity"
like "$out" "Zoë Lambrechts" "a name in the clear"

# Export for a second coordinator: a new 0600 file, audited.
run ally-add -k export "$T/second.key"
is "$rc" 0 "the key exported"
is "$(stat -c %a "$T/second.key")" 600 "the export is 0600"
run ally-add -k export "$T/second.key"
is "$rc" 73 "an existing file is not overwritten"
mv "$KEY" "$T/first.key"
run env ALLY_KEY_FILE="$T/second.key" ally-add -K
is "$rc" 0 "the second coordinator opens the identities"
mv "$T/first.key" "$KEY"
like "$(ally-add -A -f csv)" "ally-add --key export,Middelburg,key exported,1" \
    "the export is audited"
like "$(ally-add -A -f csv)" "ally-add --key,Middelburg,key rotated,16" \
    "the rotation is audited"

# A passphrase (Argon2id): chosen when the network is made.
export ALLY_DB="$T/veere.db"
run env ALLY_PASSPHRASE="correct horse" ally-add -c -n Veere -k passphrase
is "$rc" 0 "a network encrypted under a passphrase"
ok "$(test ! -e "$XDG_CONFIG_HOME/ally/Veere.key"; echo $?)" "no key file"
is "$(sqlite3 "$ALLY_DB" "SELECT key_kind, length(key_salt) FROM network")" \
    "passphrase|16" "the salt is stored, the key is not"
run env ALLY_PASSPHRASE="correct horse" ally-add -q "$EXAMPLES/members.yaml"
is "$rc" 0 "members added with the passphrase"
run env ALLY_PASSPHRASE="Correct horse" ally-add -K
is "$rc" 77 "a wrong passphrase: refused"
like "$errout" "wrong passphrase for network Veere" "the refusal says so"
run ally-add -K
is "$rc" 77 "no passphrase: refused"
like "$errout" "needs its passphrase \(ALLY_PASSPHRASE\)" "the refusal says how"
run env ALLY_PASSPHRASE="correct horse" ALLY_NEW_PASSPHRASE="battery staple" \
    ally-add -k rotate
is "$rc" 0 "a new passphrase"
run env ALLY_PASSPHRASE="correct horse" ally-add -K
is "$rc" 77 "the old passphrase: refused"
run env ALLY_PASSPHRASE="battery staple" ally-add -K
is "$rc" 0 "the new one opens"
like "$out" "A01 +Fatima el Idrissi" "in the clear"

# The key's parameters are read from the file like every value: a copy
# whose key_ops says four thousand million had Argon2id run for days (the
# timeout stops that run without the check), one whose key_mem says a
# terabyte asked for it; a salt of another length, an unknown kind.
cp "$ALLY_DB" "$T/veere-clean.db"
for set in "key_ops = 4000000000:key_ops: 4000000000 is out of range" \
    "key_ops = 0:key_ops: 0 is out of range" \
    "key_mem = 1099511627776:key_mem: 1099511627776 is out of range" \
    "key_salt = x'00':key_salt: is not 16 bytes" \
    "key_kind = 'rot13':key_kind: is not one of the values"; do
	cp "$T/veere-clean.db" "$ALLY_DB"
	rm -f "$ALLY_DB-wal" "$ALLY_DB-shm"
	sqlite3 "$ALLY_DB" "UPDATE network SET ${set%%:*}"
	run timeout 30 env ALLY_PASSPHRASE="battery staple" ally-add -K
	is "$rc" 65 "${set%%:*}: refused as bad data"
	like "$errout" "table network, row 1: ${set#*:}" "${set%%:*}: named"
done
cp "$T/veere-clean.db" "$ALLY_DB"
rm -f "$ALLY_DB-wal" "$ALLY_DB-shm"
done_testing
