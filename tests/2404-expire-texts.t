#!/bin/sh
# Retention for every text (issue 21, 3): ally-review -X clears, per
# kind, the texts older than its period -- signal summaries, the notes
# of minutes, of closed actions and of the contact log, the summaries of
# closed call rounds, what the audit log says -- while the rows, levels,
# counts and dates stay; -N says what it would clear and clears nothing;
# afterwards not one byte of the texts is in the file or its WAL.
. "$(dirname "$0")/lib.sh"

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
sed 's/^host: municipality$/host: municipality\nnotes: Zebracolloquium quince/;
    s/Debt counselling has a waiting list of six weeks./Wachtlijst quagga zes weken./' \
    "$FIX/meet-minutes/recorded.yaml" | meet-minutes -q
id=$(sqlite3 "$ALLY_DB" "SELECT id FROM action")
printf 'id: %s\nnote: quokka vijgen\n' "$id" | action-track -u -q 2>/dev/null ||
    printf 'id: %s\nnote: quokka vijgen\n' "$id" | action-track -u >/dev/null
action-track --done "$id" >/dev/null
printf 'date,kind,by,with,note\n2027-10-01,call,P01,A01,okapi kruisbes\n' |
    action-track --contact -f csv -F csv >/dev/null
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM signal WHERE summary LIKE '%quagga%'") \
$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM meeting WHERE notes LIKE '%Zebra%'") \
$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM action WHERE note LIKE '%quokka%'") \
$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM contact WHERE note LIKE '%okapi%'")" \
    "1 1 1 1" "the fixture: a summary, minutes notes, an action note, a contact note"

cat "$ALLY_DB" "$ALLY_DB-wal" 2>/dev/null | grep -a -q -e quagga -e Zebracolloquium -e quokka
is $? 0 "the texts are in the file's bytes before (the search can find them)"

# A year later nothing is past its period (contacts: 12 months, the
# rest 24): nothing cleared.
export ALLY_TODAY=2028-09-01
run ally-review -X -f csv
is "$rc" 0 "-X: exit 0"
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f2,3,5 | tr '\n' ' ')" \
    "kind,months,cleared summaries,24,0 minutes,24,0 actions,24,0 rounds,12,0 contacts,12,0 audit,60,0 " \
    "-X: per kind its period and nothing cleared yet"

# Three years on: everything but the audit log; -N first.
export ALLY_TODAY=2030-11-21
before=$(dbdump)
run ally-review -X -N -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | cut -d, -f5 | tr '\n' ' ')" \
    "cleared 1 1 1 0 1 0 " "-X -N: what would be cleared"
is "$(dbdump)" "$before" "-X -N: nothing written"
run ally-review -X -k audit=1 -k contacts=48 -f csv
is "$rc" 0 "-X -k: exit 0"
like "$out" "contacts,48,2026-11-21,0" "-k contacts=48: the contact note is kept"
like "$out" "audit,1,2030-10-21,[1-9][0-9]*" "-k audit=1: the audit entries' texts cleared"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM signal WHERE summary IS NULL AND tension = 3 AND theme = 'poverty'")" 1 \
    "the signal stays with its level and theme, without its summary"
is "$(sqlite3 "$ALLY_DB" "SELECT status || ' ' || (note IS NULL) FROM action")" "done 1" \
    "the action stays, without its note"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM audit WHERE what <> '' AND command <> 'ally-review --expire-texts'")" 0 \
    "audit entries keep time, command and count, not what they said"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM contact WHERE note LIKE '%okapi%'")" 1 \
    "the contact note kept for its longer period"
cat "$ALLY_DB" "$ALLY_DB-wal" 2>/dev/null | grep -a -q -e quagga -e Zebracolloquium -e quokka
ok $((! $?)) "not one byte of the cleared texts in the file or its WAL"
run ally-review -X -k contacts=0
is "$rc" 64 "-k contacts=0: refused"
like "$errout" "--keep contacts: '0' is not a number of months from 1 to 1200" \
    "-k 0: the diagnostic"
run ally-review -X -k letters=3
is "$rc" 64 "-k an unknown kind: refused"
done_testing
