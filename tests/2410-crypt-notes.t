#!/bin/sh
# Every identifying field encrypted at rest (issue 21): the notes of the
# contact log and of the review and the diets of the replies to a
# dinner, like the member's columns, are sealed
# when a network is encrypted in place, sealed again when its key
# rotates, sealed when written to an encrypted network, and a note moved
# to another row is damage (65).  Which columns must be sealed is read
# from the field tables (2410-crypt-notes.d/sealed.c), not listed here.
# Afterwards not one byte of the notes is in the file, its WAL or a
# backup; kill -9 in a rotation or after the encrypting commit leaves
# no mix and no plain byte.
. "$(dirname "$0")/lib.sh"
KEY="$XDG_CONFIG_HOME/ally/Middelburg.key"
WORDS="pangolin vlierbes|springbok wilgenroos|narwal kweepeer|wombat duizendblad|koala zonnedauw|okapi lijsterbes"

if ! cc_libally "$T/sealed" "$TOP/tests/2410-crypt-notes.d/sealed.c" -I"$TOP/lib"; then
	sed 's/^/# /' "$T/cc.err"
	ok 1 "the checker compiles"
	done_testing
fi

# plain: how many identifying columns the checker finds with a value in
# the clear, or without a value.
plain() {
	"$T/sealed" "$ALLY_DB" | grep -c '^1 '
}
# found FILE...: how many of the notes' words the files' bytes hold.
found() {
	cat "$@" 2>/dev/null | grep -aoE "$WORDS" | sort -u | wc -l | tr -d ' '
}
notes() {
	{ action-track -K -f csv; ally-review -f csv; meet-minutes -c -f text; } 2>&1 | grep -oE "$WORDS|damaged.*" | sort -u | tr '\n' ' '
}

# The fixture: a plain network, its members (one with notes), two
# contacts and two reviews with notes, a dinner planned and a reply with
# a diet.
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
printf 'alias: A06\nnotes: koala zonnedauw\n' | ally-add -q
printf 'date,kind,by,with,note\n2027-01-04,call,P01,A01,pangolin vlierbes\n2027-01-05,visit,P01,A02,narwal kweepeer\n' |
    action-track --contact -q -f csv -F csv
printf 'alias,decision,note\nA03,talk,springbok wilgenroos\nA04,keep,wombat duizendblad\n' |
    ally-review -u -q -f csv
sqlite3 "$ALLY_DB" "INSERT INTO meeting (id, network_id, date, time, location, meal, status, uid, created, updated)
VALUES (1, 1, '2027-02-09', '18:00', 'Stadhuis', 1, 'planned', 'm1@t', '2027-01-01', '2027-01-01')"
printf 'alias: A02\nanswer: yes\ndiet: okapi lijsterbes\n' | meet-minutes -y -q
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 6 "before: the plain file holds the six notes (the search works)"
is "$(plain)" 14 "before: the checker finds every identifying column in the clear"
is "$(notes)" "narwal kweepeer okapi lijsterbes pangolin vlierbes springbok wilgenroos wombat duizendblad " \
    "before: the notes listed"

# A kill -9 in the encrypting migration, every value rewritten, before
# the commit: the file stays plain, not one column sealed.
ALLY_TEST_CRASH=seal ally-add -k file 2>/dev/null
is "$?" 137 "kill -9 in the encrypting migration"
is "$(plain)" 14 "after the kill: every identifying column still plain, none mixed"
is "$(notes)" "narwal kweepeer okapi lijsterbes pangolin vlierbes springbok wilgenroos wombat duizendblad " \
    "after the kill: the notes listed without a key"
ok "$(test ! -e "$KEY"; echo $?)" "after the kill: no key file"

# Encrypted in place: every identifying column of the field tables sealed.
run ally-add -k file
is "$rc" 0 "encrypted in place"
py_checks "$T/sealed" "$ALLY_DB"
ally-add -B "$T/backup.db"
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 0 "the file and its WAL: no note"
is "$(found "$T/backup.db")" 0 "a backup: no note"
is "$(notes)" "narwal kweepeer okapi lijsterbes pangolin vlierbes springbok wilgenroos wombat duizendblad " \
    "with the key: the notes listed in the clear"
mv "$KEY" "$T/key"
run action-track -K
is "$rc" 77 "without the key: the contact log refused"
run ally-review -f csv
is "$rc" 77 "without the key: the review refused"
run meet-minutes -c -f text
is "$rc" 77 "without the key: the caterer's note refused"
run report-sentiment -f csv
is "$rc" 0 "without the key: the thermometer, which reads no note"
mv "$T/key" "$KEY"

# Written to the encrypted network: sealed; the same note again is no change.
printf 'date,kind,by,with,note\n2027-01-06,call,P01,A05,pangolin vlierbes\n' |
    action-track --contact -q -f csv -F csv
run ally-review -u -f csv <<'EOF2'
alias,decision,note
A03,talk,springbok wilgenroos
A05,keep,narwal kweepeer
EOF2
like "$out" "A03,talk,2027-01-15,active,unchanged" "the same note again: unchanged (compared in the clear)"
like "$out" "A05,keep,2027-01-15,[a-z]*,added" "a new review with a note"
printf 'alias: A05\nanswer: yes\ndiet: okapi lijsterbes\n' | meet-minutes -y -q
like "$(meet-minutes -c -f text)" "okapi lijsterbes 2" "a new reply with a diet, counted in the clear"
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 0 "written to the encrypted network: no note in the clear"
is "$(plain)" 0 "written to the encrypted network: every identifying column sealed"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM review WHERE substr(note, 1, 1) <> char(1)") \
$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM contact WHERE substr(note, 1, 1) <> char(1)") \
$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM reply WHERE substr(diet, 1, 1) <> char(1)")" "0 0 0" \
    "every note stored as ciphertext"

# A note moved to another row by hand: damage, for each table.
cp "$ALLY_DB" "$T/moved.db"
sqlite3 "$T/moved.db" "UPDATE contact SET note = (SELECT note FROM contact WHERE id = 2) WHERE id = 1"
run action-track -d "$T/moved.db" -K
is "$rc" 65 "a contact note moved to another row: refused as damaged"
like "$errout" "damaged database: contact.note of row 1 does not open" "the refusal names it"
cp "$ALLY_DB" "$T/moved.db"
sqlite3 "$T/moved.db" "UPDATE review SET note = (SELECT note FROM review WHERE id = 2) WHERE id = 1"
run ally-review -d "$T/moved.db" -f csv
is "$rc" 65 "a review note moved to another row: refused as damaged"
like "$errout" "damaged database: review.note of row 1 does not open" "the refusal names it"
cp "$ALLY_DB" "$T/moved.db"
sqlite3 "$T/moved.db" "UPDATE reply SET diet = (SELECT diet FROM reply WHERE id = 2) WHERE id = 1"
run meet-minutes -d "$T/moved.db" -c -f text
is "$rc" 65 "a diet moved to another row: refused as damaged"
like "$errout" "damaged database: reply.diet of row 1 does not open" "the refusal names it"

# A kill -9 in the middle of a rotation: the old key still opens all.
cp "$KEY" "$T/key"
ALLY_TEST_CRASH=seal ally-add -k rotate 2>/dev/null
is "$?" 137 "kill -9 during the rotation"
cmp -s "$KEY" "$T/key"
ok $? "after the kill: the key file unchanged"
ok "$(test ! -e "$KEY.new"; echo $?)" "after the kill: no new key left"
is "$(notes)" "narwal kweepeer okapi lijsterbes pangolin vlierbes springbok wilgenroos wombat duizendblad " \
    "after the kill: the old key opens every note"
run ally-add -l -f csv
like "$out" "koala zonnedauw" "after the kill: and the member's notes"

# A kill -9 after the rotation's commit, before its new key file
# (KEY.new) becomes KEY: the new key is found beside the old one.
cp "$ALLY_DB" "$T/rotating.db"
ALLY_TEST_CRASH=committed ally-add -d "$T/rotating.db" -k rotate 2>/dev/null
is "$?" 137 "kill -9 after the rotation's commit"
ok "$(test -e "$KEY.new"; echo $?)" "the new key waits in KEY.new"
run ally-review -d "$T/rotating.db" -f csv
like "$out" "wombat duizendblad" "the new key opens the notes from there"
mv "$KEY.new" "$T/rotating.key"

# The rotation: every note sealed again, the old key opens none.
run ally-add -k rotate
is "$rc" 0 "the key rotated"
is "$(notes)" "narwal kweepeer okapi lijsterbes pangolin vlierbes springbok wilgenroos wombat duizendblad " \
    "the new key opens every note"
run ally-add -l -f csv
like "$out" "koala zonnedauw" "and the member's notes"
run env ALLY_KEY_FILE="$T/key" action-track -K
is "$rc" 77 "the old key: the contact log refused"
run env ALLY_KEY_FILE="$T/key" ally-review -f csv
is "$rc" 77 "the old key: the review refused"
is "$(plain)" 0 "after the rotation: every identifying column sealed"
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 0 "after the rotation: no note in the clear"

# A kill -9 after the encrypting commit, before the vacuum and the
# checkpoint: the file is encrypted, and after the next command not one
# byte of a note is in the file or its WAL.
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
printf 'date,kind,by,with,note\n2027-01-04,call,P01,A01,pangolin vlierbes\n' |
    action-track --contact -q -f csv -F csv
printf 'alias,decision,note\nA03,talk,springbok wilgenroos\n' |
    ally-review -u -q -f csv
rm -f "$KEY"
ALLY_TEST_CRASH=committed ally-add -k file 2>/dev/null
is "$?" 137 "kill -9 after the commit of the encryption"
# (Before any other open: the file still holds the old pages, which the
# WAL replaces; the next open must take them out.)
ok "$([ "$(found "$ALLY_DB" "$ALLY_DB-wal")" -gt 0 ]; echo $?)" \
    "after the kill: the old pages still in the file (the search sees them)"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM contact WHERE substr(note, 1, 1) = char(1)") \
$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM review WHERE substr(note, 1, 1) = char(1)") \
$(sqlite3 "$ALLY_DB" "SELECT key_kind FROM network")" "1 1 file" "after the kill: encrypted, whole"
run ally-add -A
is "$rc" 0 "the next command"
is "$(found "$ALLY_DB" "$ALLY_DB-wal")" 0 "after it: no note in the file or its WAL"
is "$(notes)" "pangolin vlierbes springbok wilgenroos " "the key opens the notes"
done_testing
