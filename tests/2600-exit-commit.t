#!/bin/sh
# Exit status and commit agree (issue 23, 1): every writing mode with its
# standard output on a full disk (/dev/full) or a pipe already closed
# (SIGPIPE left to kill it, or ignored) fails, and has stored nothing,
# not even its audit entry: a cron job that tries again on failure stores
# nothing twice.  The same command run after, with a working output,
# does store: the comparison can fail.
. "$(dirname "$0")/lib.sh"
PIPE="$TOP/tests/tools/closed-pipe.py"
export ALLY_TODAY=2027-06-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$FIX/meet-plan/venues.yaml"
ALLY_TODAY=2027-01-15 meet-plan -q -y 2027

everything() {
	sqlite3 "$ALLY_DB" .dump 2>/dev/null
}

# writes DESCRIPTION COMMAND...: fails on each broken output, nothing
# stored; then succeeds and stores.
writes() {
	what=$1
	shift
	before=$(everything)
	"$@" >/dev/full 2>"$T/full.err"
	is "$?" 74 "$what: /dev/full: exit 74"
	like "$(cat "$T/full.err")" "standard output|write error" \
	    "$what: /dev/full: said"
	is "$(everything)" "$before" "$what: /dev/full: nothing stored"
	st=$("$PIPE" default "$@" 2>/dev/null)
	is "$st" 141 "$what: closed pipe: killed by SIGPIPE"
	is "$(everything)" "$before" "$what: closed pipe: nothing stored"
	st=$("$PIPE" ignore "$@" 2>"$T/pipe.err")
	is "$st" 74 "$what: closed pipe, SIGPIPE ignored: exit 74"
	like "$(cat "$T/pipe.err")" "Broken pipe" \
	    "$what: closed pipe, SIGPIPE ignored: said"
	is "$(everything)" "$before" \
	    "$what: closed pipe, SIGPIPE ignored: nothing stored"
	"$@" >"$T/good.out" 2>/dev/null
	is "$?" 0 "$what: with a working output: exit 0"
	[ -s "$T/good.out" ]
	ok $? "$what: with a working output: printed"
	[ "$(everything)" != "$before" ]
	ok $? "$what: with a working output: stored"
}

printf 'name: Noor Bakker\nrole: ally\n' >"$T/new.yaml"
writes "ally-add" ally-add "$T/new.yaml"
printf 'alias: A02\nphone: 06-11223344\n' >"$T/upd.yaml"
writes "ally-add, a change" ally-add -f csv "$T/upd.yaml"
writes "ally-add -l -I (its audit entry)" ally-add -l -I
for f in text csv vcard yaml; do
	writes "ally-add -K -f $f (its audit entry)" ally-add -K -f $f
done
printf 'alias: A11\nstatus: left\nleft: 2027-06-01\n' | ally-add -q
writes "ally-add -E" ally-add -E A11
printf 'alias: A09\nstatus: left\nleft: 2027-06-01\n' | ally-add -q
writes "ally-add -R" ally-add -R 0
printf -- '- title: Another talk\n  party: police\n  owner: P01\n  due: 2027-07-01\n' >"$T/act.yaml"
writes "action-track -a" action-track -a "$T/act.yaml"
printf -- '- id: 1\n  note: called twice\n' >"$T/actu.yaml"
writes "action-track -u" action-track -u -f text "$T/actu.yaml"
writes "action-track --done" action-track --done 1
writes "action-track --reopen" action-track --reopen 1
writes "action-track --drop" action-track --drop 1
printf -- '- name: Bibliotheek\n  host: other\n' >"$T/venue.yaml"
writes "meet-plan -V" meet-plan -V "$T/venue.yaml"
writes "meet-plan -y" meet-plan -y 2028
writes "meet-plan -y -f ics" meet-plan -y 2029 -f ics
printf -- '- id: 2\n  time: "19:30"\n' >"$T/move.yaml"
writes "meet-plan -u" meet-plan -u "$T/move.yaml"
writes "meet-plan -S" meet-plan -S -t 19:45
printf 'date: 2027-06-01\ntheme: youth\ntension: 1\nsource: A01\n' >"$T/sig.yaml"
writes "report-sentiment -r" report-sentiment -r "$T/sig.yaml"
writes "report-sentiment -u -f text" report-sentiment -u -f text "$T/sig.yaml"
printf 'alias,decision,reviewed\nA01,keep,2027-06-15\nA02,talk,2027-06-15\n' >"$T/review.csv"
writes "ally-review -u" ally-review -u "$T/review.csv"
mdate=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE date < '2027-06-15' ORDER BY date LIMIT 1")
printf 'date: %s\npresent: [A01, P01]\nthemes:\n  - theme: trust\n    tension: 1\nactions:\n  - title: Visit\n    party: police\n    owner: P01\n    due: 2027-07-01\n' \
    "$mdate" >"$T/min.yaml"
writes "meet-minutes" meet-minutes "$T/min.yaml"
# Replaced by other minutes: the same ones again are "unchanged" and
# store nothing (issue 22, 6).
sed 's/tension: 1/tension: 2/' "$T/min.yaml" >"$T/min2.yaml"
writes "meet-minutes -r" meet-minutes -r "$T/min2.yaml"
# Keeping one meeting planned: none planned after the last held.
sqlite3 "$ALLY_DB" "DELETE FROM meeting WHERE status = 'planned'"
writes "meet-plan -x" meet-plan -x

# After the commit nothing may make the status non-zero (a hostile
# review): a note on a standard error that is a closed pipe (SIGPIPE
# killed the command, 141), and a write-ahead log that a reader keeps
# from being emptied (75, "run the command again later", and then that
# command found nothing to do).
printf -- '- title: Call Noor Bakker about the club\n  party: police\n  owner: P01\n  due: 2027-07-01\n' >"$T/named.yaml"
before=$(everything)
is "$("$PIPE" stderr action-track -a --allow-names "$T/named.yaml")" 0 \
    "action-track -a --allow-names, its note to a closed pipe: exit 0"
[ "$(everything)" != "$before" ]
ok $? "action-track -a --allow-names, its note to a closed pipe: stored"
HOLD="$TOP/tests/tools/hold-reader.py"
printf 'alias: A08\nstatus: left\nleft: 2027-06-01\n' | ally-add -q
is "$("$HOLD" "$ALLY_DB" ally-add -E A08 2>"$T/hold.err")" 0 \
    "ally-add -E while another reads: exit 0"
like "$(cat "$T/hold.err")" "warning: the write-ahead log could not be emptied" \
    "ally-add -E while another reads: the log said to stay"
is "$(sqlite3 "$ALLY_DB" "SELECT count(name) FROM person WHERE alias = 'A08'")" 0 \
    "ally-add -E while another reads: erased"
ally-add -E A08 >/dev/null
is "$?" 0 "ally-add -E again, nothing to erase: exit 0"
is "$("$HOLD" "$ALLY_DB" ally-add -k file 2>"$T/hold.err")" 0 \
    "ally-add -k file while another reads: exit 0"
like "$(cat "$T/hold.err")" "warning: the write-ahead log could not be emptied" \
    "ally-add -k file while another reads: the log said to stay"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE name LIKE 'Noor%'")" 0 \
    "ally-add -k file while another reads: encrypted"

# --create with members: the file made, but no network in it, so that
# the same command again succeeds.
export ALLY_DB="$T/new.db"
ally-add --create -n Veere "$EXAMPLES/members.yaml" >/dev/full 2>/dev/null
is "$?" 74 "ally-add --create, /dev/full: exit 74"
is "$(sqlite3 "$ALLY_DB" 'SELECT count(*) FROM network' 2>/dev/null || echo 0)" 0 \
    "ally-add --create, /dev/full: no network stored"
ally-add --create -n Veere "$EXAMPLES/members.yaml" >/dev/null
is "$?" 0 "ally-add --create, again: exit 0"
is "$(sqlite3 "$ALLY_DB" 'SELECT count(*) FROM person')" \
    "$(grep -c '^- name:' "$EXAMPLES/members.yaml")" \
    "ally-add --create, again: every member once"
done_testing
