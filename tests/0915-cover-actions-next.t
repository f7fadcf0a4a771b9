#!/bin/sh
# action-track: an action's owner emptied, its meeting named wrongly;
# meet-plan --next for a network whose last meeting is long overdue;
# ally-review's limits contradicting each other.
. "$(dirname "$0")/lib.sh"
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"

printf -- '- title: Talk with the school\n  party: police\n  owner: P01\n  due: 2027-02-01\n' |
    action-track -a -q
run action-track -u -f csv <<'EOF'
- id: 1
  owner:
EOF
is "$rc" 0 "an action's owner may be emptied"
like "$out" "^1,1,updated,owner" "  reported as an owner change"
is "$(sqlite3 "$ALLY_DB" "SELECT coalesce(owner_id, 'none') || ' ' || party FROM action WHERE id = 1")" \
    "none police" "  stored without an owner, the party kept"

abad() {
	before=$(dbdump)
	run action-track -a
	is "$rc" 65 "$1: exit 65"
	is "$errout" "action-track: <stdin>:5: meeting: $2" "$1: diagnostic"
	is "$(dbdump)" "$before" "$1: nothing written"
}
printf -- '- title: X\n  party: police\n  owner: P01\n  due: 2027-02-01\n  meeting: 5\n' >"$T/in"
abad "an action of a meeting not there" "no meeting 5 in network Middelburg" <"$T/in"
printf -- '- title: X\n  party: police\n  owner: P01\n  due: 2027-02-01\n  meeting: fifth\n' >"$T/in"
abad "a meeting that is no id" "'fifth' is not a meeting id" <"$T/in"

# --next when the last meeting was held long ago: the next one is planned
# soon after today, on one of the network's weekdays, not in the past.
sqlite3 "$ALLY_DB" "INSERT INTO meeting (id, network_id, date, time, status, uid, created, updated)
    VALUES (3, 1, '2025-06-10', '18:00', 'held', 'm3@test', '2025-01-01', '2025-01-01')"
run meet-plan -x -f csv
is "$rc" 0 "--next after a long pause"
next=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE status = 'planned'")
ok "$([ "$next" \> 2027-01-15 ] && [ "$next" \< 2027-04-01 ]; echo $?)" \
    "  planned after today and within the coming interval ($next)"
is "$(date -d "$next" +%a)" "$(date -d "$next" +%a | grep -E '^(Tue|Wed|Thu)$')" \
    "  on one of the network's weekdays"
run meet-plan -x -f csv
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM meeting WHERE status = 'planned'")" 1 \
    "--next again: one is planned already, nothing added"

run ally-review -o min-meetings=5 -o max-meetings=2
is "$rc" 64 "min-meetings above max-meetings: usage error"
is "$errout" "ally-review: -o: min-meetings 5 is above max-meetings 2" "  saying so"
done_testing
