#!/bin/sh
# report-sentiment: recording call rounds, and the two-year fixture of
# tests/fixtures/report-sentiment with its known alerts: thermometer,
# period table, alert rules, the cron status.
. "$(dirname "$0")/lib.sh"
F="$FIX/report-sentiment"
G="$TOP/tests/0700-report-sentiment.d"
export ALLY_TODAY=2028-12-31

# fixture DB: the members of examples/, the fixture's meetings, no signals.
fixture_db() {
	newdb Middelburg
	ally-add -q "$EXAMPLES/members.yaml"
	sqlite3 "$ALLY_DB" <"$F/meetings.sql"
}
# runc: run, with the CRLF line ends of csv taken off.
runc() {
	run "$@"
	out=$(printf '%s\n' "$out" | tr -d '\r')
}
nsignals() {
	sqlite3 "$ALLY_DB" 'select count(*) from signal'
}

# -- recording -----------------------------------------------------------------
fixture_db
before=$(dbdump)
runc report-sentiment -r -N -f csv "$F/middelburg.csv"
is "$rc" 0 "-N: the fixture validates"
is "$(printf '%s\n' "$out" | grep -c ',added,')" 51 "-N: shows 51 signals"
is "$(dbdump)" "$before" "-N: nothing written"

runc report-sentiment -r -f csv "$F/middelburg.csv"
is "$rc" 0 "the two-year fixture is recorded"
is "$(nsignals)" 51 "51 signals stored"
like "$out" "^[0-9]+,2027-03-13,polarisation,3,A01,added,[0-9]+" \
    "each stored signal is shown with its id, source and line"
is "$(sqlite3 "$ALLY_DB" "select count(*) from signal where meeting_id is not null")" \
    42 "themes of minutes keep their meeting"
is "$(sqlite3 "$ALLY_DB" "select count(*) from signal s join person p on p.id = s.source_id where p.alias = 'A06'")" \
    2 "call-round sources are stored as members"

# -- every validation error: exit 65, file:line: field:, nothing written --------
bad() {	# bad DESCRIPTION PATTERN CSV-LINE
	printf 'date,theme,tension,trend,basis,source,summary\n2028-12-01,youth,1,steady,evidenced,A01,fine\n%s\n' \
	    "$3" >"$T/bad.csv"
	before=$(dbdump)
	run report-sentiment -r "$T/bad.csv"
	is "$rc" 65 "$1: exit 65"
	like "$errout" "^report-sentiment: $T/bad.csv:3: $2" "$1: diagnostic"
	is "$(dbdump)" "$before" "$1: nothing written"
}
bad "future date" "date: 2029-01-01 is in the future" \
    "2029-01-01,youth,1,steady,evidenced,A01,x"
bad "not a date" "date: '2028-13-01' is not a date" \
    "2028-13-01,youth,1,steady,evidenced,A01,x"
bad "no date" "date: missing" ",youth,1,steady,evidenced,A01,x"
bad "tension 5" "tension: '5' is not a level" \
    "2028-12-01,youth,5,steady,evidenced,A01,x"
bad "no tension" "tension: missing" "2028-12-01,youth,,steady,evidenced,A01,x"
bad "two-word theme" "theme: 'street life' is not one lower-case word" \
    "2028-12-01,street life,1,steady,evidenced,A01,x"
bad "upper-case theme" "theme: 'Youth' is not one" \
    "2028-12-01,Youth,1,steady,evidenced,A01,x"
bad "no theme" "theme: missing" "2028-12-01,,1,steady,evidenced,A01,x"
bad "trend" "trend: 'up' is not one of: rising, steady, falling" \
    "2028-12-01,youth,1,up,evidenced,A01,x"
bad "basis" "basis: 'rumour' is not one of: evidenced, experienced, potential" \
    "2028-12-01,youth,1,steady,rumour,A01,x"
bad "unknown alias" "source: A99 is not a member of this network" \
    "2028-12-01,youth,1,steady,evidenced,A99,x"
bad "no source" "source: missing" "2028-12-01,youth,1,steady,evidenced,,x"
bad "unknown meeting" "source: no meeting 99 in this network" \
    "2028-12-01,youth,1,steady,evidenced,meeting:99,x"
bad "bad source" "source: 'meeting:x' is not meeting:ID" \
    "2028-12-01,youth,1,steady,evidenced,meeting:x,x"
bad "formula" "summary: a value may not start with '='" \
    "2028-12-01,youth,1,steady,evidenced,A01,=HYPERLINK()"
bad "long summary" "summary: too long" \
    "2028-12-01,youth,1,steady,evidenced,A01,$(printf '%0600d' 0)"
printf 'date: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01\nmood: grim\n' \
    >"$T/bad.yaml"
before=$(dbdump)
run report-sentiment -r "$T/bad.yaml"
is "$rc" 65 "unknown field: exit 65"
like "$errout" "bad.yaml:5: mood: unknown field" "unknown field: diagnostic"
is "$(dbdump)" "$before" "unknown field: nothing written"
printf 'date: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01\nsummary: "two\\nlines"\n' \
    >"$T/bad.yaml"
run report-sentiment -r "$T/bad.yaml"
like "$rc:$errout" "^65:.*bad.yaml:5: summary: control characters, a line break" \
    "a summary is one line"
# Near misses of the field names are unknown fields, not the field.
for k in tensions s themes idx sourcex t; do
	printf 'date: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01\n%s: x\n' \
	    "$k" >"$T/bad.yaml"
	run report-sentiment -r "$T/bad.yaml"
	like "$rc:$errout" "^65:.*bad.yaml:5: $k: unknown field" \
	    "'$k' is an unknown field"
done

# The level words are accepted too; a yaml call round from stdin.
printf 'date: 2028-12-02\ntheme: safety\ntension: concern\nsource: P01\n' |
    report-sentiment -r -q
is "$(sqlite3 "$ALLY_DB" "select tension from signal where theme = 'safety'")" \
    2 "tension as a word (concern = 2), from stdin"
sqlite3 "$ALLY_DB" "delete from signal where theme = 'safety'"

# List, edit, feed back: the listing reads back as corrections by id.
before=$(dbdump)
report-sentiment -l -f csv >"$T/list.csv"
runc report-sentiment -r -f csv "$T/list.csv"
is "$(printf '%s\n' "$out" | grep -c ',unchanged,')" 51 "a listing reads back, every signal unchanged (issue 22)"
is "$(dbdump)" "$before" "reading a listing back changes nothing"
sed 's/^\([0-9]*\),Middelburg,2028-11-20,poverty,1,/\1,Middelburg,2028-11-20,poverty,2,/' \
    "$T/list.csv" | report-sentiment -r -q
is "$(sqlite3 "$ALLY_DB" "select tension from signal where date = '2028-11-20' and theme = 'poverty'")" \
    2 "an edited listing corrects the signal"
is "$(nsignals)" 51 "a correction adds no signal"
sed 's/^\([0-9]*\),Middelburg,2028-11-20,poverty,2,/\1,Middelburg,2028-11-20,poverty,1,/' \
    "$T/list.csv" | report-sentiment -r -q

# -- the thermometer --------------------------------------------------------------
# The thermometer covers the last 72 hours: on 2027-03-20 (23:59)
# polarisation alone, P01's 4 of that day the strongest of 2 sources.
report-sentiment -f text -U 2027-03-20 >"$T/thermo.out"
diff_ok "$T/thermo.out" "$G/thermometer.out" "the thermometer (golden)"
runc report-sentiment -f csv
is "$(printf '%s\n' "$out" | sed 1d)" "" \
    "2028-12-31: no signal in the last 72 hours, no reading"
runc report-sentiment -f csv -U 2027-03-20
like "$out" "^polarisation,2027-03-20,4,unrest,rising,evidenced,3,\\+1,2,level rise,P01," \
    "on 2027-03-20: polarisation at 4, up 1 from 3, two signals, alerting"
unlike "$out" "^youth," "youth's 2027-03-13 is past the 72 hours on 2027-03-20"
runc report-sentiment -f csv -U 2027-03-13
like "$out" "^youth,2027-03-13,3,tension,rising,evidenced,2,\\+1,1,level,A06," \
    "youth: 3 after 2, from the call round"
# Polarisation on 2027-03-13: A01 and A04 at 3, experienced, A02 at 2;
# of the two at 3 the fresher (A04, stored later) is shown; 3 sources.
like "$out" "^polarisation,2027-03-13,3,tension,steady,experienced,1,\\+2,3,level rise,A04,.*,2027-03-13 00:00,3,23:59" \
    "polarisation: the strongest voice of three sources"
is "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" polarisation \
    "the hottest theme comes first"
runc report-sentiment -f csv -t youth -U 2028-11-20
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1,2,3,8)" "youth,2028-11-20,2,0" \
    "-t: one theme; move 0"

# -- over time ---------------------------------------------------------------------
report-sentiment -b quarter -f csv | tr -d '\r' >"$T/quarter.out"
diff_ok "$T/quarter.out" "$G/quarter.out" "the period table by quarter (golden)"
runc report-sentiment -b month -f csv -t polarisation -s 2027-03-01 -U 2027-03-31
is "$(printf '%s\n' "$out" | sed 1d)" "polarisation,2027-03,3,6,4,2.7,new,2" \
    "March 2027: 3 readings of 6 signals, max 4, mean 2.7, 2 alerts"
runc report-sentiment -b meeting -f csv -t polarisation
like "$out" "^polarisation,2027-03-10,3,6,4,2.7,rising,2" \
    "by meeting: the call rounds count towards the meeting before them"
unlike "$out" ",2028-11-15," "a cancelled meeting is no period"
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 11 "11 meetings held, 11 periods"

# -- early warning ----------------------------------------------------------------
alerts() {	# alerts [OPTIONS]: date theme rules, one line each
	report-sentiment -a -s 2027-01-01 -f csv "$@" | tr -d '\r' | sed 1d |
	    cut -d, -f1,2,6
}
is "$(alerts | tr '\n' ' ')" "2027-03-13,polarisation,level rise 2027-03-13,youth,level 2027-03-20,polarisation,level rise 2028-07-12,poverty,rising 2028-10-04,youth,rise " \
    "the fixture's five known alerts"
report-sentiment -a -s 2027-01-01 -f text >"$T/alerts.out"
diff_ok "$T/alerts.out" "$G/alerts.out" "the alert list (golden)"
unlike "$(alerts -w 14)" "2028-10-04,youth" \
    "-w 14: a rise over 21 days is no longer an alert"
like "$(alerts -w 14)" "2027-03-13,polarisation,level rise" \
    "-w 14: the rise within 3 days still is"
like "$(alerts -k 2)" "2028-05-17,poverty,rising" \
    "-k 2: two rising readings in a row alert"
like "$(alerts -k 2)" "2027-03-20,polarisation,level rise rising" \
    "-k 2: all rules that fire are named"
unlike "$(alerts -L 4)" "2027-03-13,youth" "-L 4: level 3 alone is no alert"
like "$(alerts -L 4)" "2027-03-20,polarisation,level rise" "-L 4: level 4 is"
is "$(alerts -R 3 | grep -c 'rise$')" 1 "-R 3: only the rise from 1 to 4"
run report-sentiment -a -s 2027-01-01 -L 0 -R 0 -k 0
is "$rc:$out" "1:" "every rule off: no alert, status 1, silent"

# For cron: the last seven days by default; silent with status 1 when calm.
run report-sentiment -a
is "$rc:$out:$errout" "1::" "a calm week: status 1, nothing printed"
ALLY_TODAY=2027-03-19 runc report-sentiment -a -f csv
is "$rc" 0 "a week with alerts: status 0"
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1,2 | tr '\n' ' ')" \
    "2027-03-13,polarisation 2027-03-13,youth " \
    "the alerts of the week, oldest first"
ALLY_TODAY=2027-03-20 runc report-sentiment -a -s 1d -f csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | sort -u)" 2027-03-20 \
    "-s 1d: today's alerts only"

# -- usage and system errors -----------------------------------------------------------
for args in "-b week" "-s yesterday" "-U 2028-02-30" "-u 2028-02-30" "-u 7d" "-a -b month" "-a -f svg" \
    "-l -f svg" "-r -b month" "-N" "-L 5" "-w x" "-g -b meeting" \
    "-g -n Middelburg" "extra.db"; do
	run report-sentiment $args
	is "$rc" 64 "usage: report-sentiment $args"
done
run report-sentiment -n Veere
is "$rc" 66 "unknown network: exit 66"
run report-sentiment -d "$T/none.db"
is "$rc" 66 "no database: exit 66"
report-sentiment -b month >/dev/full 2>"$T/full.err"
is "$?" 74 "stdout on a full disk: exit 74"
run report-sentiment --help
like "$rc:$out" "^0:usage: report-sentiment -u" "--help: usage, exit 0"
# -u was --until before the option table (NEWS): a date after it is
# taken for the old use and refused with the new spelling, not opened.
run report-sentiment -u 2027-12-31
is "$rc:$(printf '%s\n' "$errout" | sed -n 1p)" "64:report-sentiment: -u records signals; the end of the period is -U (--until)" \
    "-u DATE: the old --until, said so"
run report-sentiment --record -q "$T/none.csv"
is "$rc" 66 "--record stays a synonym of -u: reads its files"
# The records printed back wait for the commit in a file in $TMPDIR:
# where none can be made, nothing is written (-q needs none).
printf 'date,theme,tension,source\n2028-12-03,youth,1,A01\n' >"$T/one.csv"
before=$(dbdump)
TMPDIR=$T/none run report-sentiment -r "$T/one.csv"
like "$rc:$errout" "^73:report-sentiment: $T/none/report-sentiment\.[A-Za-z0-9]{6}: No such file" \
    "no temporary file: exit 73"
is "$(dbdump)" "$before" "no temporary file: nothing written"
mkdir "$T/spool"
TMPDIR=$T/spool run report-sentiment -r -f csv "$T/one.csv"
is "$rc:$(printf '%s\n' "$out" | head -1 | tr -d '\r')" \
    "0:id,date,theme,tension,source,change,line" "a temporary file in TMPDIR: exit 0"
like "$out" "^[0-9]+,2028-12-03,youth,1,A01,added,2" \
    "the records come back from the temporary file after the commit"
is "$(ls -A "$T/spool")" "" "the temporary file is gone"
TMPDIR=$T/none run report-sentiment -r -q "$T/one.csv"
is "$rc:$out" "0:" "-q needs no temporary file"
sqlite3 "$ALLY_DB" "delete from signal where date = '2028-12-03'"

# An alias is one of the network at hand: with a second network in the
# file, its A01 is the source of its signal, and an alias only the first
# network has is no member of it.
ally-add --create -n Vlissingen >/dev/null
printf 'name: Test Persoon\nrole: ally\nstatus: candidate\n' |
    ally-add -q -n Vlissingen
printf 'date,theme,tension,source\n2028-12-01,youth,1,A01\n' >"$T/other.csv"
before=$(sqlite3 "$ALLY_DB" "select count(*) from signal")
run report-sentiment -r -q -n Vlissingen "$T/other.csv"
is "$rc" 0 "a second network's signal is recorded"
is "$(sqlite3 "$ALLY_DB" "select n.name from signal s join person p on p.id = s.source_id join network n on n.id = p.network_id where s.network_id = (select id from network where name = 'Vlissingen')")" \
    Vlissingen "its source is the member of that network"
printf 'date,theme,tension,source\n2028-12-01,youth,1,A05\n' >"$T/other.csv"
before=$(dbdump)
run report-sentiment -r -n Vlissingen "$T/other.csv"
like "$rc:$errout" "^65:.*other.csv:2: source: A05 is not a member of this network" \
    "an alias of another network is refused"
is "$(dbdump)" "$before" "... and nothing written"
run mandoc -Tlint -W warning "$TOP/man/report-sentiment.1"
is "$rc:$out$errout" "0:" "the man page is mandoc -Tlint clean"

done_testing
