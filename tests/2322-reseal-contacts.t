#!/bin/sh
# A new key (ally-add -k rotate) rewrites every sealed text with it: the
# members' identities, and also the notes of the contact log and the
# diets of the replies, which were left sealed with the old key and
# unreadable ("damaged database", 65) before contacts were resealed too.
. "$(dirname "$0")/lib.sh"

rm -f "$ALLY_DB"
ally-add -c -n Middelburg -k file >/dev/null
ally-add -q "$EXAMPLES/members.yaml"
printf 'date: 2027-01-10\nkind: call\nby: P01\nwith: A01\nnote: asked about the market\n' |
    action-track -k -q
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM contact WHERE note LIKE '%market%'")" 0 \
    "the contact's note is sealed"
run ally-add -k rotate
is "$rc" 0 "the key rotated"
run action-track -K -f csv
is "$rc" 0 "the contact log reads after the rotation"
like "$out" "asked about the market" "  its note opens with the new key"
run ally-add -k rotate
run action-track -K -f csv
is "$rc:$errout" "0:" "and after a second rotation"

done_testing
