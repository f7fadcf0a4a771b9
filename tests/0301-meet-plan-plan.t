#!/bin/sh
# meet-plan: planning a series: even spread, holidays and blackouts
# avoided, venues rotated, re-planning adds nothing, bad input refused.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/0301-meet-plan-plan.d"
MP="$FIX/meet-plan"
check() { /usr/bin/python3 "$MP/check_plan.py" "$@"; }
# csvcol FIELD: one column of CSV records on stdin, quoting understood.
csvcol() {
	/usr/bin/python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin): print(r[sys.argv[1]])' "$1"
}

# A network without active allies cannot plan: nobody to chair.
rm -f "$ALLY_DB"*
ally-add --create -n Veere -q "$MP/staff-only.yaml"
meet-plan -n Veere -V -q "$MP/venues.yaml"
before=$(dbdump)
run meet-plan -n Veere -y 2027
is "$rc" 66 "no active allies: exit 66"
like "$errout" "no active allies to chair" "no active allies: says why"
is "$(dbdump)" "$before" "no active allies: nothing written"

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"

# The count of meetings follows the method.
run meet-plan -y 2027 -m 7
is "$rc" 64 "-m 7: usage error"
like "$errout" "4 to 6" "-m 7: says what the method asks"
run meet-plan -y 2027 -m 3
is "$rc" 64 "-m 3: usage error"
run meet-plan -y 2026
is "$rc" 64 "a period in the past: usage error"
like "$errout" "ends before tomorrow" "a period in the past: says why"

meet-plan -V -q "$MP/venues.yaml"

# Without blackouts: the default count, evenly spread, preferred days.
run meet-plan -N -y 2027 -f csv
is "$rc" 0 "dry run of 2027"
is "$(printf '%s\n' "$out" | csvcol id | wc -l)" 5 "5 meetings by default"
is "$(sqlite3 "$ALLY_DB" 'SELECT count(*) FROM meeting')" 0 \
    "dry run: nothing stored"
gaps=$(printf '%s\n' "$out" | /usr/bin/python3 -c '
import csv, sys, datetime
d = [datetime.date.fromisoformat(r["date"]) for r in csv.DictReader(sys.stdin)]
g = [(b - a).days for a, b in zip(d, d[1:])]
print(max(g) - min(g) <= 7, 66 <= min(g), max(g) <= 80, d[0].year == d[-1].year == 2027)')
is "$gaps" "True True True True" \
    "evenly spread: gaps of 73 days give or take a few, all in 2027"

run meet-plan -y 2027 -m 6 -N -f csv
is "$(printf '%s\n' "$out" | csvcol id | wc -l)" 6 "-m 6: six meetings"

# With blackouts: none on a holiday, none in a blackout, all different venues.
run meet-plan -y 2027 -b "$MP/blackouts.yaml" -f text
is "$rc" 0 "plan 2027 with blackouts"
printf '%s\n' "$out" >"$T/plan.out"
diff_ok "$T/plan.out" "$D/plan-2027.out" "the 2027 plan as text"
meet-plan -l -f csv >"$T/plan.csv"
is "$(check tue,wed,thu 2027-02-08:2027-03-09 2027-07-10:2027-08-22 \
    2027-09-06:2027-09-17 <"$T/plan.csv")" "" \
    "no holiday, no blackout, only preferred weekdays"
is "$(csvcol location <"$T/plan.csv" | sort -u | wc -l)" 5 \
    "every meeting at a different venue"
is "$(csvcol chair <"$T/plan.csv" | sort -u | wc -l)" 5 \
    "five different chairs"
unlike "$(csvcol chair <"$T/plan.csv")" "A12|P0|M0" \
    "only active allies chair"

# Planning again adds nothing: every slot reports the meeting it has.
before=$(dbdump)
run meet-plan -y 2027 -b "$MP/blackouts.yaml" -f csv
is "$rc" 0 "plan 2027 again"
is "$(printf '%s\n' "$out" | csvcol change | grep -c '^exists$')" 5 "again: 5 exist"
is "$(printf '%s\n' "$out" | csvcol change | grep -c '^added$')" 0 "again: none added"
is "$(dbdump)" "$before" "again: nothing written"

# A holiday at the middle of a slot: Koningsdag 2027 is a Tuesday.
newdb Walcheren
ally-add -q "$EXAMPLES/members.yaml"
run meet-plan -N -s 2027-04-20 -e 2027-05-03 -f csv
is "$rc" 0 "a two-week period"
is "$(printf '%s\n' "$out" | csvcol date)" 2027-04-28 \
    "Koningsdag (27 April) skipped for the nearest free day"
run meet-plan -N -s 2027-05-03 -e 2027-05-10 -w thu -f csv
is "$out" "" \
    "a period whose only Thursday is Hemelvaartsdag: nothing planned" 
is "$rc" 65 "...and exit 65"
like "$errout" "no free day \(thu\) between 2027-05-03 and 2027-05-10" \
    "...saying which days were searched"

# Fewer venues than meetings: no venue twice in a row, used evenly.
meet-plan -V -q "$MP/venues-three.csv"
meet-plan -q -y 2027
meet-plan -l -f csv >"$T/few.csv"
locs=$(csvcol location <"$T/few.csv")
is "$(printf '%s\n' "$locs" | uniq | wc -l)" 5 "3 venues: none twice in a row"
is "$(printf '%s\n' "$locs" | sort | uniq -c | awk 'NR==1{mn=$1;mx=$1}
    {if($1<mn)mn=$1; if($1>mx)mx=$1} END{print mx-mn}')" 1 \
    "3 venues: used 2, 2 and 1 times"
is "$(csvcol host <"$T/few.csv" | sort -u | tr '\n' ' ')" \
    "ally municipality police " "the host comes with the venue"

# A year with no venue leaves the location open and says so.
newdb Vlissingen
ally-add -q "$EXAMPLES/members.yaml"
run meet-plan -y 2027 -f csv
is "$rc" 0 "no venues: planned all the same"
like "$errout" "no active venue: 5 meetings without a location" "no venues: warned"

# Bad blackouts: exit 65, file:line: field:, nothing written.
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
before=$(dbdump)
run meet-plan -y 2027 -b "$MP/blackout-bad-date.yaml"
is "$rc" 65 "bad blackout date: exit 65"
is "$errout" "meet-plan: $MP/blackout-bad-date.yaml:4: from: '2027-13-01' is not a date (YYYY-MM-DD)" \
    "bad blackout date: diagnostic"
run meet-plan -y 2027 -b "$MP/blackout-bad-order.csv"
is "$rc" 65 "blackout ending before it starts: exit 65"
is "$errout" "meet-plan: $MP/blackout-bad-order.csv:3: to: 2027-10-16 is before the first day" \
    "blackout ending before it starts: diagnostic"
run meet-plan -y 2027 -b "$MP/blackout-unknown.yaml"
is "$rc" 65 "unknown blackout field: exit 65"
like "$errout" "blackout-unknown.yaml:2: until: unknown field" \
    "unknown blackout field: diagnostic"
run meet-plan -y 2027 -b "$T/none.yaml"
is "$rc" 66 "missing blackout file: exit 66"
is "$(dbdump)" "$before" "bad blackouts: nothing written"

# Bad venues: the whole file is refused.
run meet-plan -V "$MP/venue-bad-host.yaml"
is "$rc" 65 "bad venue host: exit 65"
is "$errout" "meet-plan: $MP/venue-bad-host.yaml:4: host: 'sportclub' is not one of: police, municipality, ally, other" \
    "bad venue host: diagnostic"
is "$(dbdump)" "$before" "bad venue: nothing written, not even the good one"

# Venues are kept up to date by name; listing gives them back.
meet-plan -V -q "$MP/venues.yaml"
run meet-plan -V -f csv <<'EOF2'
name,active
Noorderkerk,no
Stadhuis,yes
EOF2
is "$(printf '%s\n' "$out" | csvcol name | tr '\n' ' ')" \
    "Stadhuis Noorderkerk " "venue update: the venues fed, in stored order"
is "$(printf '%s\n' "$out" | csvcol change | tr '\n' ' ')" \
    "unchanged updated " "venue update: what changed"
meet-plan -q -y 2027
unlike "$(meet-plan -l -f csv)" "Noorderkerk" "an inactive venue is not used"
run meet-plan -V -l -f csv
is "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" \
    "id,network,name,host,address,active" \
    "venue listing fields"

# The schedule: preferred weekdays and time are stored on the network.
run meet-plan -S -w thursday,tue -t 19:30 -f csv
is "$(printf '%s\n' "$out" | sed 1d | tr -d '\r')" \
    "Middelburg,tue thu,19:30,180,updated" \
    "settings stored"
run meet-plan -S -w tue,funday
is "$rc" 64 "a bad weekday: usage error"
run meet-plan -S -t 25:00
is "$rc" 64 "a bad time: usage error"
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -q -y 2027 -w thu -t 19:00 2>/dev/null
is "$(meet-plan -l -f csv | csvcol time | sort -u)" 19:00 \
    "the stored time is used"
is "$(check thu <"$(meet-plan -l -f csv >"$T/thu.csv"; echo "$T/thu.csv")")" "" \
    "only Thursdays"

done_testing
