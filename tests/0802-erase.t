#!/bin/sh
# ally-add --erase: the identity of a member who has left goes for good,
# from the database file and from its write-ahead log; the alias, role,
# status and dates stay, so the history keeps its shape.
. "$(dirname "$0")/lib.sh"

newdb Middelburg
# Hold the database open, as a report running beside would: SQLite then
# keeps the -wal file, and the old pages in it, when the commands exit.
mkfifo "$T/hold.in" "$T/hold.out"
/usr/bin/python3 "$FIX/privacy/holddb.py" "$ALLY_DB" <"$T/hold.in" \
    >"$T/hold.out" &
hold=$!
exec 3>"$T/hold.in" 4<"$T/hold.out"
read -r line <&4
is "$line" open "a second connection holds the database"

ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" "INSERT INTO review (network_id, person_id, reviewed,
    decision, note) VALUES (1, 1, '2027-01-10', 'talk', 'moving to
    Vlissingen for the Zeeland hospital job')" 2>/dev/null
# grep -c in the database and its log: how often a value occurs there.
found() {
	cat "$ALLY_DB" "$ALLY_DB-wal" 2>/dev/null | grep -a -c -F -- "$1"
}
stored="Fatima el Idrissi|+31621436587|f.elidrissi@example.org|Moskee Al-Fath|Moroccan-Dutch|Zeeland hospital"
IFS='|'
for s in $stored; do
	ok $(( $(found "$s") == 0 )) "before: '$s' is in the files"
done
unset IFS
secrets="$stored|06-21436587"

# Only a member who has left; nothing written when refused.
dbdump >"$T/before"
run ally-add --erase A01
is "$rc" 65 "an active member: exit 65"
is "$errout" "ally-add: A01: active; only a member who has left can be erased (set status: left first)" \
    "an active member: diagnostic"
printf -- '- alias: A01\n  status: left\n- alias: A05\n  status: left\n' |
    ally-add -q
dbdump >"$T/before"
run ally-add -E A05 A99
is "$rc" 65 "an unknown alias: exit 65"
is "$errout" "ally-add: A99: no such member in network Middelburg" \
    "an unknown alias: diagnostic"
dbdump >"$T/after"
diff_ok "$T/after" "$T/before" "an unknown alias: nothing erased, not even A05"
run ally-add -E -N A01 -f csv
is "$rc" 0 "dry run: exit 0"
like "$out" "^1,A01,ally,left,2027-01-15,2027-01-15,erased" "dry run: shows the erasure"
dbdump >"$T/after"
diff_ok "$T/after" "$T/before" "dry run: nothing written"
run ally-add -E
is "$rc" 64 "no alias: usage"

run ally-add --erase A01 -f text
is "$rc" 0 "erase: exit 0"
is "$out" "id  alias  role  status  left        erased      change
1   A01    ally  left    2027-01-15  2027-01-15  erased" "erase: what is left, aliases only"
is "$(sqlite3 "$ALLY_DB" "SELECT id, alias, role, status, intake, vetted, joined,
    left, erased, contact_consent, coalesce(name, phone, email, function,
    community, sector, age_band, gender, background, religion, notes, 'none')
    FROM person WHERE alias = 'A01'")" \
    "1|A01|ally|left|2026-09-02|2026-09-20|2026-10-01|2027-01-15|2027-01-15|0|none" \
    "erase: alias, role, status and dates kept; everything else cleared"
is "$(sqlite3 "$ALLY_DB" "SELECT coalesce(note, 'none') FROM review")" none \
    "erase: the review's note about the member goes too"
IFS='|'
for s in $secrets; do
	is "$(found "$s")" 0 "after: '$s' is in neither the file nor the -wal"
done
unset IFS
ok $(( $(found 'Joost Verhage') == 0 )) "after: other members are still there"
is "$(stat -c %s "$ALLY_DB-wal")" 0 "after: the write-ahead log is empty"
is "$(ally-add -A -f csv | tr -d '\r' | grep -c ',ally-add --erase,Middelburg,erased A01,1,erasure,A01$')" 1 \
    "erase: audited"

run ally-add -E A01 -f text
is "$rc" 0 "again: exit 0"
like "$out" "A01 .* unchanged$" "again: unchanged"
is "$(ally-add -A -f csv | grep -c 'erased A01')" 1 "again: not audited twice"

exec 3>&- 4<&-
wait "$hold"
ok $? "the holding connection closed"
is "$(sqlite3 "$ALLY_DB" 'PRAGMA integrity_check')" ok "the database is sound"
done_testing
