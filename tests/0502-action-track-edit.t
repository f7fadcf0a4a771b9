#!/bin/sh
# action-track -u: print, edit, feed back, through csv and yaml; stale and
# conflicting edits; every rule an update can break (exit 65, file:line:
# field:, nothing written).
. "$(dirname "$0")/lib.sh"
. "$FIX/action-track/setup.sh"

actions_db
ok $? "fixture loaded"
export ALLY_TODAY=2027-07-01
cd "$T" || exit 1

# -- round trip through csv --------------------------------------------------
before=$(dbdump)
action-track -f csv >list.csv
run action-track -u -f csv list.csv
is "$rc" 0 "csv read back: exit 0"
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -c ',unchanged,$')" 10 \
    "csv read back: all 10 unchanged"
is "$(dbdump)" "$before" "csv read back: nothing written"

# Close 4, give 8 to A05 with a note, move 9's due date: three cells.
sed -e 's/^\(4,.*,2027-03-01,\)open,,,1\r$/\1done,2027-06-20,,1\r/' \
    -e 's/^\(8,.*\),A03,\(2027-08-01,open,,\),1\r$/\1,A05,\2"ask, then report",1\r/' \
    -e 's/^\(9,.*\),2027-06-01,/\1,2027-06-08,/' list.csv >edit.csv
is "$(diff list.csv edit.csv | grep -c '^>')" 3 "sed edited three rows"
run action-track -u -f csv edit.csv
is "$rc" 0 "edited csv applied"
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -v ',unchanged,$' | sed 1d | tr '\n' ' ')" \
    "4,7,updated,status closed 9,10,updated,due 8,11,updated,owner note " \
    "exactly the edited rows, with their lines and fields"
is "$(sqlite3 "$ALLY_DB" "select status||' '||closed||' '||revision from action where id = 4")" \
    "done 2027-06-20 2" "4: done on the date given, revision 2"
is "$(sqlite3 "$ALLY_DB" "select p.alias||' '||a.note from action a join person p on p.id = a.owner_id where a.id = 8")" \
    "A05 ask, then report" "8: owner by alias, note with a comma"

# The old copy is stale now: its rows 4, 8 and 9 would undo the edits.
before=$(dbdump)
run action-track -u list.csv
is "$rc" 65 "stale copy: exit 65"
is "$errout" "action-track: list.csv:7: revision: action 4 was changed after this copy was printed (revision 1, now 2): print it again and redo the edit" \
    "stale copy: the diagnostic"
is "$(dbdump)" "$before" "stale copy: nothing written"
run action-track -u edit.csv
is "$rc" 0 "the same edit fed back twice changes nothing"
is "$(dbdump)" "$before" "... and writes nothing"

# -- round trip through yaml ---------------------------------------------------
action-track >list.yaml
run action-track -u list.yaml
is "$(printf '%s\n' "$out" | grep -c 'change: unchanged')" 10 \
    "yaml read back: all unchanged"
is "$(dbdump)" "$before" "yaml read back: nothing written"
sed '/^- id: 7$/,/^- id:/ s/^  due: .*/  due: 2027-04-08/' list.yaml >edit.yaml
run action-track -u -f csv edit.yaml
is "$(printf '%s\n' "$out" | tr -d '\r' | grep updated)" \
    "7,$(grep -n '^- id: 7$' list.yaml | cut -d: -f1),updated,due" \
    "yaml edit: one due date"
is "$(sqlite3 "$ALLY_DB" "select due||' '||revision from action where id = 7")" \
    "2027-04-08 2" "yaml edit stored"

# A member who left stays on the actions they had: still round-trips.
printf 'id: 8\nowner: A11\n' | action-track -q -u
printf 'alias: A11\nstatus: left\n' | ally-add -q
action-track -f csv >list2.csv
before=$(dbdump)
run action-track -u list2.csv
is "$rc" 0 "an owner who left does not block the read-back"
is "$(dbdump)" "$before" "... unchanged"

# -- every rule, one bad input each --------------------------------------------
# A second network with a meeting (5) of its own.
sqlite3 "$ALLY_DB" "INSERT INTO network (name, created) VALUES ('Veere', '2026-12-01');
INSERT INTO meeting (network_id, date, time, status, uid, created, updated)
VALUES (2, '2027-02-02', '18:00', 'held', 'test-v1@ally', '2027-01-01', '2027-02-02');"
export ALLY_NETWORK=Middelburg

n=0
# bad LINE-FIELD-MESSAGE [MODE]: the input on stdin, in a file, applied
# with -u or MODE.
bad() {
	n=$((n + 1))
	cat >"bad$n.yaml"
	before=$(dbdump)
	run action-track "${2:--u}" "bad$n.yaml"
	is "$rc" 65 "bad$n: exit 65"
	is "$errout" "action-track: bad$n.yaml:$1" "bad$n: $1"
	is "$(dbdump)" "$before" "bad$n: nothing written"
}

bad "2: colour: unknown field (an action has: id, network, meeting, title, party, owner, due, status, closed, note, revision)" <<'X'
id: 4
colour: red
X
bad "4: party: 'army' is not one of: police, municipality, ally, joint" <<'X'
title: Meet the imam
owner: A01
due: 2027-08-01
party: army
X
bad "2: status: 'finished' is not one of: open, done, dropped" <<'X'
id: 4
status: finished
X
bad "2: due: '2027-02-30' is not a date (YYYY-MM-DD)" <<'X'
id: 4
due: 2027-02-30
X
bad "3: closed: '20-06-2027' is not a date (YYYY-MM-DD)" <<'X'
id: 8
status: done
closed: 20-06-2027
X
bad "3: closed: 2027-07-02 is in the future" <<'X'
id: 8
status: done
closed: 2027-07-02
X
bad "2: owner: no member A99 in network Middelburg" <<'X'
id: 4
owner: A99
X
bad "2: owner: A11 has left the network; give the action to a current member" <<'X'
id: 4
owner: A11
X
bad "2: owner: 'A 1' is not an alias" <<'X'
id: 4
owner: A 1
X
bad "1: title: a new action needs a title" <<'X'
owner: A01
due: 2027-08-01
X
bad "2: title: control characters, a line break or invalid UTF-8" <<'X'
id: 4
title: "two\nlines"
X
bad "2: title: too long (at most 300 bytes)" <<X
id: 4
title: $(printf '%0301d' 0)
X
bad "2: title: empty; an action needs a title" <<'X'
id: 4
title:
X
bad "1: due: a new action needs a due date" <<'X'
title: Meet the imam
owner: A01
X
bad "2: due: empty; an action needs a due date" <<'X'
id: 4
due: ''
X
bad "1: party: a new action needs a party (police, municipality, ally or joint) or an owner" <<'X'
title: Meet the imam
due: 2027-08-01
X
bad "2: party: empty; one of: police, municipality, ally, joint" <<'X'
id: 4
party: ''
X
bad "4: closed: a closing date, but the status is open" <<'X'
title: Meet the imam
owner: A01
due: 2027-08-01
closed: 2027-06-01
X
bad "2: closed: empty, but the action is done: give the date it was closed" <<'X'
id: 2
closed: ''
X
bad "2: status: done cannot become dropped (reopen it first: status open)" <<'X'
id: 2
status: dropped
X
bad "4: meeting: no meeting 99 in network Middelburg" <<'X'
title: Meet the imam
owner: A01
due: 2027-08-01
meeting: 99
X
bad "2: meeting: no meeting 5 in network Middelburg" <<'X'
id: 4
meeting: 5
X
bad "2: meeting: 'first' is not a meeting id" <<'X'
id: 4
meeting: first
X
bad "1: id: no action 999 in network Middelburg" <<'X'
id: 999
note: lost
X
bad "1: id: 'four' is not an id" <<'X'
id: four
X
bad "2: network: 'Veere' is not this network (choose it with -n)" <<'X'
id: 4
network: Veere
X
bad "2: owner: expected one value, not a list" <<'X'
id: 4
owner: [A01, A02]
X
bad "2: note: a value may not start with '=' (a spreadsheet formula)" <<'X'
id: 4
note: =HYPERLINK("http://example.org")
X
bad "2: revision: 'two' is not a revision number" <<'X'
id: 4
revision: two
X
bad "2: revision: action 4 was changed after this copy was printed (revision 1, now 2): print it again and redo the edit" <<'X'
id: 4
revision: 1
note: done late
X
bad "4: id: action 4 is also edited at line 1, with other values: one edit per action" <<'X'
- id: 4
  note: first
  due: 2027-09-01
- id: 4
  note: second
X
bad "7: due: 'soon' is not a date (YYYY-MM-DD)" <<'X'
- id: 4
  note: a good edit first
- title: A good new action
  owner: A01
  due: 2027-08-01
- id: 7
  due: soon
X
bad "1: id: -a adds new actions; to change action 4 use -u" -a <<'X'
id: 4
note: x
X
n=$((n + 1))
printf 'id,title,owner,due\r\n4,Repair the lighting,M01,2027-08-01\r\n,New action,A01,2027-13-01\r\n' >"bad$n.csv"
before=$(dbdump)
run action-track -u "bad$n.csv"
is "$rc" 65 "csv: exit 65"
is "$errout" "action-track: bad$n.csv:3: due: '2027-13-01' is not a date (YYYY-MM-DD)" \
    "csv: the row's line"
is "$(dbdump)" "$before" "csv: nothing written"
run sh -c 'printf "id: 4\nnote: =1+1\n" | action-track -u'
is "$errout" "action-track: <stdin>:2: note: a value may not start with '=' (a spreadsheet formula)" \
    "standard input is named <stdin>"

# Repeats that agree are fine; -N reports without writing.
printf -- '- id: 4\n  note: twice\n- id: 4\n  note: twice\n' >same.yaml
before=$(dbdump)
run action-track -N -f csv -u same.yaml
is "$(printf '%s\n' "$out" | tr -d '\r' | sed 1d | tr '\n' ' ')" \
    "4,1,updated,note 4,3,unchanged, " "agreeing repeats: -N shows one change"
is "$(dbdump)" "$before" "-N: nothing written"
run action-track -q -u same.yaml
is "$(sqlite3 "$ALLY_DB" "select note from action where id = 4")" "twice" \
    "applied"

run action-track -u missing.yaml
is "$rc" 66 "missing input file: 66"

done_testing
