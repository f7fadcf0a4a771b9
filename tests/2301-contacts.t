#!/bin/sh
# action-track --contact, --contacts, --not-spoken (issue 20, 1): the
# contact log between the meetings.  A half year of contacts with the
# figures computed by hand; the cron check's exit statuses with a fixed
# clock; bad input refused with file:line and nothing stored.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-06-30

# Allies A01-A11 are active, A12 a candidate; P01 P02 police, M01 M02
# municipality.
cat >"$T/half.csv" <<'CSV'
date,kind,by,with,note
2027-01-10,call,P01,A01,new year's wishes
2027-02-14,visit,M01,A02,
2027-03-03,message,P02,A03,asked about the youth centre
2027-04-20,call,P01,A01,
2027-05-05,meeting,M02,A04,a word after the meeting
2027-06-01,call,P01,A05,
CSV
run action-track --contact -f csv "$T/half.csv"
is "$rc" 0 "six contacts are logged"
is "$(printf '%s\n' "$out" | tr -d '\r')" "id,line,change
1,2,added
2,3,added
3,4,added
4,5,added
5,6,added
6,7,added" "one result per contact, with its line"
is "$(q "SELECT count(*) FROM audit WHERE what = 'contacts logged' AND count = 6")" 1 \
    "the log is audited"

run action-track --contacts -f csv
is "$(printf '%s\n' "$out" | tr -d '\r' | sed -n '1p;2p;5p')" "id,network,date,kind,by,with,note
1,Middelburg,2027-01-10,call,P01,A01,new year's wishes
4,Middelburg,2027-04-20,call,P01,A01," "the log by date, with aliases only"

# Not spoken to in 8 weeks on 2027-06-30: the last contact on or before
# 2027-05-05 (56 days back).  Never: A06-A11 (A12 is a candidate).
# A02 2027-02-14: 136 days, 19 weeks; A03 2027-03-03: 119 days, 17
# weeks; A01 2027-04-20: 71 days, 10 weeks; A04 2027-05-05: 56 days,
# 8 weeks; A05 2027-06-01 was spoken to.
run action-track --not-spoken 8 -f csv
is "$rc" 0 "--not-spoken 8: exit 0 when someone was not spoken to"
is "$(printf '%s\n' "$out" | tr -d '\r')" "alias,last_contact,weeks
A06,,
A07,,
A08,,
A09,,
A10,,
A11,,
A02,2027-02-14,19
A03,2027-03-03,17
A01,2027-04-20,10
A04,2027-05-05,8" "  never first, then the longest silence"
run action-track --not-spoken 9 -f csv
unlike "$out" "A04" "  9 weeks: A04 (8 weeks ago) is not silent"
run action-track --not-spoken 30
is "$(printf '%s\n' "$out" | grep -c '^- alias')" 6 "  30 weeks: only those never spoken to"

# The rest are spoken to: nothing printed and exit 1 for cron.
printf 'date,kind,by,with\n' >"$T/rest.csv"
for a in A01 A02 A03 A04 A06 A07 A08 A09 A10 A11; do
	printf '2027-06-15,call,P02,%s\n' "$a"
done >>"$T/rest.csv"
run action-track --contact -q "$T/rest.csv"
is "$rc" 0 "ten more contacts, quietly"
is "$out" "" "  -q prints nothing"
run action-track --not-spoken 8 -f text
is "$rc" 1 "everyone was spoken to: exit 1"
is "$out$errout" "" "  and nothing printed"
run action-track --not-spoken 2
is "$rc" 0 "2 weeks: 2027-06-15 is 15 days ago"
is "$(printf '%s\n' "$out" | grep -c '^- alias')" 11 "  all eleven active allies"
ALLY_TODAY=2027-06-28 run action-track --not-spoken 2
is "$rc" 0 "on 2027-06-28 with 2 weeks: 13 days ago is recent..."
is "$(printf '%s\n' "$out" | grep '^- alias' | tr -d '\n')" "- alias: A05" "  ...but A05's 2027-06-01 is not"

# Read back: the listing fed back changes nothing; an edited note does.
action-track --contacts -f csv >"$T/log.csv"
run action-track --contact -f csv "$T/log.csv"
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -c ',unchanged$')" 16 \
    "the log fed back: 16 unchanged"
sed 's/^3,\(.*\),asked about the youth centre/3,\1,the youth centre opens in July/' \
    "$T/log.csv" >"$T/edit.csv"
run action-track --contact -f csv "$T/edit.csv"
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -v ',unchanged$')" "id,line,change
3,4,updated" "  an edited note: updated"
is "$(q "SELECT note FROM contact WHERE id = 3")" "the youth centre opens in July" \
    "  and stored"

# Bad input: file:line: field: what, exit 65, nothing stored.
before=$(dbdump)
while IFS='|' read -r name row field msg; do
	printf 'date,kind,by,with,note\n2027-06-20,call,P01,A01,fine\n%s\n' \
	    "$row" >"$T/$name.csv"
	run action-track --contact "$T/$name.csv"
	is "$rc" 65 "$name: exit 65"
	is "$errout" "action-track: $T/$name.csv:3: $field: $msg" \
	    "$name: the diagnostic"
done <<'CASES'
unknown-alias|2027-06-20,call,P01,A99,|with|no member A99 in network Middelburg
by-an-ally|2027-06-20,visit,A02,A01,|by|A02 is an ally; by is the alias of the police or municipality member who made the contact
with-staff|2027-06-20,call,P01,M01,|with|M01 is no ally; with is the alias of the ally spoken with
future|2027-07-01,call,P01,A01,|date|2027-07-01 is in the future
bad-kind|2027-06-20,phone,P01,A01,|kind|'phone' is not one of: call, visit, message, meeting
no-kind|2027-06-20,,P01,A01,|kind|empty; one of: call, visit, message, meeting
no-with|2027-06-20,call,P01,,|with|empty; a contact needs the alias of the ally
names-a-member|2027-06-20,call,P01,A02,spoke with Hakan Yildiz about it|note|holds the name of member A04; ally records developments, not persons: write A04 instead (or record with --allow-names)
CASES
is "$(dbdump)" "$before" "nothing stored by any of them"

printf 'id,date,kind,by,with\n99,2027-06-20,call,P01,A01\n' >"$T/id.csv"
run action-track --contact "$T/id.csv"
is "$errout" "action-track: $T/id.csv:2: id: no contact 99 in network Middelburg (leave the id out for a new one)" \
    "an unknown id is refused"
run action-track --not-spoken 0
is "$rc" 64 "--not-spoken 0 is a usage error"
is "$errout" "action-track: --not-spoken: '0' is not a number of weeks (1 to 520)" \
    "  with the range"

# Erasure of a member who left clears the notes of the contacts with them.
printf 'alias: A01\nstatus: left\nleft: 2027-06-30\n' | ally-add -q
ally-add -E A01 >/dev/null 2>&1
is "$(q "SELECT count(*) FROM contact c JOIN person p ON p.id = c.with_id WHERE p.alias = 'A01' AND c.note IS NOT NULL")" 0 \
    "erasure clears the notes of the contacts with the member"
is "$(q "SELECT count(*) FROM contact c JOIN person p ON p.id = c.with_id WHERE p.alias = 'A01'")" 3 \
    "  and keeps the contacts counted"

done_testing
