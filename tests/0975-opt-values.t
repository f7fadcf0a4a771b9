#!/bin/sh
# The command skeleton's shared pieces (lib/opt.c, lib/session.c): an
# option's value from a list (opt_one_of) and a date option (opt_date),
# said the same way by every command in English and Dutch; the count of
# modes taken from each command's table (OPT_TABLES), so that the last
# mode is reachable; and the reading modes run through session_read.
. "$(dirname "$0")/lib.sh"

newdb Middelburg >/dev/null

# ---- a value from a list --------------------------------------------------
run action-track -s bogus
is "$rc" 64 "--status bogus: exit 64"
is "$errout" "action-track: --status: 'bogus' is not one of open, done, dropped" \
    "--status bogus: the list in the message"
run dutch action-track -s bogus
is "$errout" "action-track: --status: 'bogus' is niet een van open, done, dropped" \
    "--status bogus in Dutch"
run action-track -p bogus
is "$errout" "action-track: --party: 'bogus' is not one of police, municipality, ally, joint" \
    "--party bogus: the list in the message"
run dutch action-track -p bogus
is "$errout" "action-track: --party: 'bogus' is niet een van police, municipality, ally, joint" \
    "--party bogus in Dutch"
run action-track -s open -p joint
is "$rc" 0 "a status and a party of the lists: exit 0"
is "$errout" "" "a status and a party of the lists: nothing said"

# ---- a date ---------------------------------------------------------------
for c in "action-track --reciprocity -U 2027-13-01" \
    "ally-review -t 2027-13-01" "report-sentiment -U 2027-13-01"; do
	set -- $c
	run "$@"
	is "$rc" 64 "$1 --until 2027-13-01: exit 64"
	is "$errout" "$1: --until: '2027-13-01' is not a date (YYYY-MM-DD)" \
	    "$1: the date refused"
	run dutch "$@"
	is "$errout" "$1: --until: '2027-13-01' is geen datum (JJJJ-MM-DD)" \
	    "$1: the date refused in Dutch"
done
run ally-review -u -R tomorrow </dev/null
is "$errout" "ally-review: --reviewed: 'tomorrow' is not a date (YYYY-MM-DD)" \
    "ally-review --reviewed: the option named"
run action-track -c -D 1.1.2027 1
is "$errout" "action-track: --date: '1.1.2027' is not a date (YYYY-MM-DD)" \
    "action-track --date: the option named"

# ---- the last mode of every table is a mode ------------------------------
run action-track --reciprocity -f csv
is "$rc" 0 "action-track --reciprocity: exit 0"
run ally-review -D
is "$rc" 1 "ally-review -D on a new network: exit 1 (no review due yet)"
run meet-plan -S -N -t 19:30
is "$rc" 0 "meet-plan -S: exit 0"
ally-add -q "$EXAMPLES/members.yaml"
printf 'date: 2027-01-10\ntheme: housing\ntension: 2\nsource: A01\n' \
    >"$T/s.yaml"
run report-sentiment -r -N -q "$T/s.yaml"
is "$rc" 0 "report-sentiment -r: exit 0"

# ---- the reading modes ----------------------------------------------------
run action-track
is "$rc" 0 "the list of no actions: exit 0"
is "$out" "" "the list of no actions: nothing"
run action-track --remind
is "$rc" 1 "--remind with nothing due: exit 1"
is "$out$errout" "" "--remind with nothing due: silent"
run meet-plan -i 7
is "$rc" 1 "-i with no meeting: exit 1"
is "$out$errout" "" "-i with no meeting: silent"
run action-track -d "$T/none.db"
is "$rc" 66 "no database: exit 66"
like "$errout" "^action-track: " "no database: said once, by the command"
is "$(printf '%s\n' "$errout" | grep -c .)" 1 "no database: one line"

done_testing
