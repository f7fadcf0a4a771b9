#!/bin/sh
# action-track: listing with filters that compose, sorted by due date, in
# yaml, csv and text; adding between meetings; closing; usage and I/O.
. "$(dirname "$0")/lib.sh"
. "$FIX/action-track/setup.sh"

ids() {	# the ids of a csv listing, in order
	printf '%s\n' "$out" | tr -d '\r' | sed 1d | cut -d, -f1 | tr '\n' ' '
}

run action-track
is "$rc" 66 "no database: exit 66"

actions_db
ok $? "fixture loaded"
export ALLY_TODAY=2027-07-01

# -- listing ----------------------------------------------------------------
run action-track -f csv
is "$rc" 0 "list: exit 0"
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n 1p)" \
    "id,network,meeting,title,party,owner,due,status,closed,note,revision" \
    "csv header: the action record of RECORDS.md, then revision"
is "$(ids)" "1 2 5 6 3 4 7 10 9 8 " "sorted by due date, then id"
like "$out" "^6,Middelburg,2,Walk through the neighbourhood together,joint,A02,2027-02-01,dropped,2027-02-10,the residents preferred an open evening,1" \
    "a whole record"
like "$out" "^10,Middelburg,,Ask the football club to host a meeting,ally,A04,2027-04-20,done,2027-04-18,,2" \
    "between meetings: no meeting; party from the owner's role; closed by --done"
for f in yaml csv text; do
	run action-track -f $f
	unlike "$out" "Idrissi|Verhage|Lambrechts|\\+31|@example|islam" \
	    "-f $f: owners as aliases, never names"
done
run action-track -f text
is "$(printf '%s\n' "$out" | sed -n 1p | tr -s ' ')" \
    "id due status party owner meeting title" "text: the columns"
like "$out" "^4 +2027-03-01 +open +municipality +M01 +2 +Repair the lighting" \
    "text: a row"
run action-track
like "$out" "^  owner: P02$" "yaml is the default"

# -- filters, one by one and together ---------------------------------------
run action-track -f csv -s open;		is "$(ids)" "4 8 " "-s open"
run action-track -f csv -s dropped;		is "$(ids)" "6 " "-s dropped"
run action-track -f csv -p police;		is "$(ids)" "1 2 3 9 " "-p police"
run action-track -f csv -o P01;			is "$(ids)" "2 9 " "-o P01"
run action-track -f csv -m 2;			is "$(ids)" "2 5 6 3 4 " "-m 2"
run action-track -f csv -b 2027-02-01;		is "$(ids)" "1 " \
    "--due-before: not on the date"
run action-track -f csv -A 2027-04-20;		is "$(ids)" "9 8 " \
    "--due-after: not on the date"
run action-track -f csv -A 2027-01-31 -b 2027-03-01
is "$(ids)" "2 5 6 3 " "--due-after and --due-before: the span between"
run action-track -f csv -m 2 -p police -s done
is "$(ids)" "2 3 " "-m -p -s compose"
run action-track -f csv -p police -o M01
is "$(ids)" "" "-p police -o M01: nothing, no error"
is "$rc" 0 "an empty selection exits 0"
run action-track -f csv --overdue
is "$(ids)" "4 " "--overdue on 1 July"
run action-track -f csv --overdue -p ally
is "$(ids)" "" "--overdue -p ally: none"
run action-track -f csv --within 31
is "$(ids)" "8 " "--within 31: due by 1 August"
run action-track -f csv --within 30
is "$(ids)" "" "--within 30: not 1 August"
run action-track -f csv --status done --within 100
is "$(ids)" "" "--within selects open actions only"

# -- adding between meetings, and closing ------------------------------------
before=$(dbdump)
printf 'title: Meet the new youth worker\nowner: M02\ndue: 2027-07-15\n' \
    >"$T/new.yaml"
run action-track -N -f csv -a "$T/new.yaml"
is "$rc" 0 "-N: exit 0"
like "$out" "^11,1,added," "-N shows the action it would add"
is "$(dbdump)" "$before" "-N writes nothing"
run action-track -f csv -a "$T/new.yaml"
like "$out" "^11,1,added,id network title party owner due status" \
    "added: the fields it has"
is "$(sqlite3 "$ALLY_DB" "select party||' '||status||' '||created from action where id=11")" \
    "municipality open 2027-07-01" "party from the owner, open, created today"

run action-track --done -f csv 11
like "$out" "^11,,updated,status closed" "--done: status and closed"
is "$(sqlite3 "$ALLY_DB" "select status||' '||closed from action where id=11")" \
    "done 2027-07-01" "--done closes today"
before=$(dbdump)
run action-track --done -f csv 11
like "$out" "^11,,unchanged," "--done twice: unchanged"
is "$(dbdump)" "$before" "--done twice keeps the first date"
run action-track --done -D 2027-06-30 -f csv 11
like "$out" "^11,,updated,closed" "-D corrects the closing date"
run action-track --reopen -q 11
is "$(sqlite3 "$ALLY_DB" "select status||' '||coalesce(closed,'-')||' '||revision from action where id=11")" \
    "open - 4" "--reopen clears the date; every change a revision"
run action-track --drop -D 2027-07-01 -q 11 8
is "$(sqlite3 "$ALLY_DB" "select group_concat(status||closed, ' ') from action where id in (8, 11)")" \
    "dropped2027-07-01 dropped2027-07-01" "--drop several ids, one date"

before=$(dbdump)
run action-track --done 4 99
is "$rc" 65 "--done unknown id: exit 65"
is "$errout" "action-track: --done: no action 99 in network Middelburg" \
    "--done unknown id: says which"
is "$(dbdump)" "$before" "--done 4 99: 4 not closed either"
run action-track --done 8
is "$rc" 65 "dropped cannot become done"
is "$errout" "action-track: --done: status: dropped cannot become done (reopen it first: status open)" \
    "dropped -> done: the diagnostic"
run action-track --done -D 2027-07-02 4
is "$rc" 65 "closing in the future"
like "$errout" "closed: 2027-07-02 is in the future" "future: the diagnostic"
is "$(dbdump)" "$before" "nothing written by the failures"
run action-track --done -N -f csv 4
like "$out" "^4,,updated,status closed" "--done -N shows the change"
is "$(dbdump)" "$before" "--done -N writes nothing"

# -- usage -------------------------------------------------------------------
for args in "--done" "-u --done 4" "-s finished" "-p army" "-o 'A 1'" \
    "-m x" "-b 2027-02-30" "-A tomorrow" "-w -1" "--done x" "-u -s open" \
    "--remind -p police" "-r -l" "-S 2027-01-01" "-D 2027-01-01 --reopen 4" \
    "-N" "-q" "--no-such-option" "extra-argument"; do
	eval "run action-track $args"
	is "$rc" 64 "usage: action-track $args"
done
run action-track -o A99
is "$rc" 66 "-o of no member: 66"
like "$errout" "no member A99" "-o of no member: says so"
run action-track -h
is "$rc" 0 "-h: exit 0"
like "$out" "^usage: action-track" "-h: usage on stdout"
run action-track --version
like "$out" "^action-track [0-9]" "--version"

# -- output errors -------------------------------------------------------------
for f in yaml csv text; do
	action-track -f $f >/dev/full 2>/dev/null
	is "$?" 74 "-f $f to a full disk: exit 74"
done
printf 'id: 4\nnote: late\n' | action-track -u >/dev/full 2>/dev/null
is "$?" 74 "-u to a full disk: exit 74 (after the commit)"

done_testing
