#!/bin/sh
# The audit trail of every change (issue 21): members added and changed
# (status, vetting, consent, contact data, notes: the identifying ones
# named, never their values), minutes recorded and replaced, every
# listing that shows an identifying field; ally-add -A filtered by kind,
# member and period.
. "$(dirname "$0")/lib.sh"
MM="$FIX/meet-minutes"

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
# CSV lines end in CRLF: compared without the CR.
csv() { "$@" -f csv | tr -d '\r'; }
run csv ally-add -A -t member
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 16 "every member added is audited"
like "$out" "^[0-9]+,.*,ally-add,Middelburg,added name phone email role=ally community sector age_band gender background religion status=active intake=2026-09-02 vetted=2026-09-20 joined=2026-10-01 contact_consent=yes,1,member,A01$" \
    "an addition: the identifying fields named, the others with their values"
unlike "$out" "Fatima|21436587|elidrissi|islam" "no identity in the audit log"

printf 'alias: A01\nstatus: paused\nphone: 06-11112222\ncontact_consent: no\nnotes: moved house\n' |
    ally-add -q
printf 'alias: A02\nvetted: 2026-09-22\n' | ally-add -q
printf 'alias: A03\n' | ally-add -q
run csv ally-add -A -t member -m A01
is "$rc" 0 "-A -t member -m A01"
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 2 "A01: added and changed"
like "$(printf '%s\n' "$out" | tail -1)" \
    ",updated phone status=paused contact_consent=no notes,1,member,A01$" \
    "the change: status and consent with their values, phone and notes named"
unlike "$out" "11112222|moved house" "the new values that identify are not in the log"
like "$(csv ally-add -A -m A02 | tail -1)" ",updated vetted=2026-09-22,1,member,A02$" \
    "the vetting date audited"
is "$(ally-add -A -m A03 -f csv | sed 1d | wc -l)" 1 "an unchanged member: no entry"

# Listings that show an identifying field.
ally-add -l >/dev/null
run csv ally-add -A -t disclosure
like "$out" ',ally-add -l,Middelburg,"members listed \(function, community, sector, age_band, notes\)",16,disclosure,$' \
    "ally-add -l without -I is audited (community, notes)"
ally-add -l -I >/dev/null
ally-add -K >/dev/null
run ally-add -A -t disclosure -f csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 3 "-l, -l -I and -K: three disclosures"

# Minutes recorded, then replaced.
export ALLY_TODAY=2027-11-20
meet-minutes -q "$MM/recorded.yaml"
id=$(sqlite3 "$ALLY_DB" "SELECT id FROM meeting")
# The same minutes again change nothing: no entry.
meet-minutes -q -r "$MM/recorded.yaml"
printf 'meeting: %s\npresent: [A01, A02, P01, M01]\n' "$id" | meet-minutes -q -r
run csv ally-add -A -t minutes
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 2 "minutes: two entries (the unchanged ones none)"
like "$out" ",meet-minutes,Middelburg,minutes (added|recorded) 20[0-9-]+,1,minutes,$" \
    "the recording"
like "$out" ",meet-minutes,Middelburg,minutes replaced 20[0-9-]+,1,minutes,$" \
    "the replacement"

# The period: the log keeps the real time of each entry.
is "$(ally-add -A -U 1999-12-31 -f csv | wc -l)" 0 "-U before every entry: none"
all=$(ally-add -A -f csv | wc -l)
is "$(ally-add -A -S 1999-12-31 -f csv | wc -l)" "$all" "-S before every entry: all"
is "$(ally-add -A -S 1999-12-31 -U 1999-12-31 -t member -f csv | wc -l)" 0 \
    "the filters combine"
run ally-add -A -t gossip
is "$rc" 64 "an unknown kind: refused"
like "$errout" "^ally-add: --kind: 'gossip' is not one of member, minutes, disclosure" \
    "the refusal lists the kinds"
run ally-add -A -S yesterday
is "$rc" 64 "a bad date: refused"
run ally-add -l -t member
is "$rc" 64 "-t outside -A: refused"
done_testing
