#!/bin/sh
# ally-add -K never leaves anyone out silently (issue 18, 1): the
# coordinator's call list holds every active ally and the staff, an ally
# without contact_consent marked "do not share"; the group's list (-G)
# stays consent-only and names who it leaves out and why, on standard
# error and under the text; selection by role, sector and community.
. "$(dirname "$0")/lib.sh"

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
printf -- '- alias: A09\n  status: paused\n' | ally-add -q

# members.yaml: 11 active allies (A04 and A10 without consent), 2 police,
# 2 municipality, and candidates; A09 paused: 10 active allies + 4 staff.
run ally-add -K -f csv
is "$rc" 0 "call list: exit 0"
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 14 "call list: 10 active allies and 4 staff"
like "$out" "^A04,Hakan Yıldız,ally,,\+31644556677,no" "A04 without consent: on it, share no"
like "$out" "^A01,.*,yes" "A01 with consent: share yes"
is "$errout" "ally-add: left out: A09 (paused)" "the paused ally: named on stderr"

run ally-add -K -G
is "$(printf '%s\n' "$out" | sed '/^Left out:/q' | grep -c '^[APM][0-9][0-9] ')" 12 \
    "group list: 12 on it"
is "$(printf '%s\n' "$out" | sed -n '/^Left out:/,$p')" "Left out:
A04    no consent to share the number within the group
A09    paused
A10    no consent to share the number within the group" "group list: the text says who is left out and why"
is "$(printf '%s\n' "$errout" | wc -l)" 3 "group list: three lines on stderr"
like "$errout" "left out: A10 \(no consent to share the number within the group\)" \
    "group list: stderr says why"

# Selection: sector, a word of the community (any case), role.
run ally-add -K -S faith -f csv
is "$(printf '%s\n' "$out" | cut -d, -f1 | tr '\n' ' ')" "alias A01 A05 A10 " \
    "--sector faith: the three faith allies"
is "$(printf '%s\n' "$errout" | grep -c 'outside the selection')" 12 \
    "--sector faith: the other 12 (A09 paused too) are named as outside the selection"
run ally-add -K -C moskee -f csv
is "$(printf '%s\n' "$out" | cut -d, -f1 | tr '\n' ' ')" "alias A01 " \
    "--community moskee: a word of the community, any case"
run ally-add -K -r police -f csv
is "$(printf '%s\n' "$out" | cut -d, -f1 | tr '\n' ' ')" "alias P01 P02 " "--role police"

# vCard: a card for every one on the list, NOTE on who may not be shared.
ally-add -K -f vcard >"$T/v.vcf" 2>/dev/null
is "$(grep -c '^BEGIN:VCARD' "$T/v.vcf")" 14 "vCard: 14 cards"
is "$(grep -c '^NOTE:do not share' "$T/v.vcf")" 2 "vCard: two marked do not share"

# Audited with the selection.
like "$(ally-add -A -f csv | tr -d '\r' | grep 'sector faith')" \
    ",contact list \(csv; sector faith\),3,disclosure,$" "audit: the selection and the count"
like "$(ally-add -A -f csv | tr -d '\r')" ",group contact list \(text\),12" \
    "audit: the group's list"

# Refused: a sector that is not one, -G outside -K.
run ally-add -K -S football
is "$rc" 64 "--sector football: usage"
like "$errout" "--sector: 'football' is not one of faith, sport" "--sector: diagnostic"
run ally-add -l -G
is "$rc" 64 "-G with -l: usage"

# Dutch.
run dutch ally-add -K -G
like "$out" "^Weggelaten:" "Dutch: the text's section"
like "$errout" "weggelaten: A09 \(gepauzeerd\)" "Dutch: stderr"
run dutch ally-add -K
like "$out" "A04 .* niet delen$" "Dutch: do not share"

done_testing
