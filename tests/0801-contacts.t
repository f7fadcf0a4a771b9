#!/bin/sh
# ally-add --contacts: the quick-contact list, the one explicit path that
# prints identities besides -l -I: who is on it, its three formats (the
# vCard checked by a real parser), and the audit of every disclosure.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/0801-contacts.d"

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
# A paused ally with consent, and staff without consent.
printf -- '- alias: A09\n  status: paused\n- alias: M02\n  contact_consent: no\n' |
    ally-add -q

run ally-add --contacts
is "$rc" 0 "text list: exit 0"
printf '%s\n' "$out" >"$T/text.out"
diff_ok "$T/text.out" "$D/text.out" "text list: golden"
unlike "$out" "Abdi|Ingrid" "the call list: no candidate, no paused ally"
like "$out" "^A04 +Hakan Yıldız .* do not share$" \
    "the call list: an ally without consent, marked do not share"
is "$errout" "ally-add: left out: A09 (paused)" "the paused ally: said on stderr"
like "$out" "^M02 +Bram Kosten" "staff are listed without contact_consent"

run ally-add --contacts --group
unlike "$out" "Hakan|Yonas|Abdi|Ingrid" \
    "the group's list: no ally without consent, no candidate, no paused ally"

ally-add -K -G -f csv >"$T/csv.out" 2>/dev/null
diff_ok "$T/csv.out" "$D/csv.out" "csv list: golden"
ally-add -K -G -f vcard >"$T/vcard.out" 2>/dev/null
diff_ok "$T/vcard.out" "$D/vcard.out" "vCard list: golden"
ok "$(grep -cv "$(printf '\r$')" "$T/vcard.out")" "vCard: every line ends in CRLF"

# A real parser, with validation: every card, in order, with its phone.
run /usr/bin/python3 -c '
import sys, vobject
cards = list(vobject.readComponents(open(sys.argv[1], newline="").read(),
    validate=True))
for c in cards:
    assert c.version.value == "4.0"
    print(c.nickname.value, c.fn.value, c.tel.value,
        c.contents.get("email", [None])[0] and c.email.value)
' "$T/vcard.out"
is "$rc" 0 "vCard: parsed and validated by python3-vobject"
is "$(printf '%s\n' "$out" | wc -l)" 12 "vCard: 12 cards"
like "$out" "^A03 Zoë Lambrechts tel:\+31633445566 None$" "vCard: UTF-8 name, E.164 uri"
like "$out" "^P01 Marieke Dekker tel:\+31640506070 m.dekker@politie.example$" \
    "vCard: e-mail of the police chief"

# The audit: one entry per disclosure, with user, command, network, count.
run ally-add --audit -f csv
is "$(printf '%s\n' "$out" | grep -c ',ally-add --contacts,Middelburg,.*contact list')" 4 \
    "audit: four contact lists recorded"
like "$out" ",$(id -un),ally-add --contacts,Middelburg,group contact list \(vcard\),12" \
    "audit: OS user, format and count"
like "$(printf '%s\n' "$out" | sed -n 2p)" \
    '^1,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z,' \
    "audit: time in UTC, ISO 8601"
ally-add -l -I >/dev/null
like "$(ally-add -A -f csv | tr -d '\r' | tail -n 1)" ',ally-add -l -I,Middelburg,identities listed,16,disclosure,$' \
    "audit: ally-add -l -I is recorded too"
ally-add -l >/dev/null
like "$(ally-add -A -f csv | tr -d '\r' | tail -n 1)" \
    ',ally-add -l,Middelburg,"members listed \(function, community, sector, age_band, notes\)",16,disclosure,$' \
    "audit: a list without names is audited too (it shows community and notes)"

# Another network: -n narrows the audit listing.
ally-add --create -n Veere >/dev/null
ally-add -K -n Veere >/dev/null
is "$(ally-add -A -n Veere -f csv | wc -l)" 2 "audit -n Veere: its entry only"
like "$(ally-add -A -n Veere -f yaml)" "what: contact list \(text\)" \
    "audit as YAML records"
like "$(ALLY_NETWORK=Veere ally-add -A -f csv | tr -d '\r' | tail -n 1)" "Veere,contact list \(text\),0,disclosure,$" \
    "audit honours ALLY_NETWORK; an empty list is audited too"
run ally-add -K -n Veere
like "$out" "No active member to list" "an empty list says so"

# Usage and errors: nothing disclosed, nothing audited.
before=$(ally-add -A -f csv | wc -l)
run ally-add -K -n Middelburg -f ics
is "$rc" 64 "-f ics: usage error"
like "$errout" "written as text, csv, vcard or yaml, not ics" "-f ics: diagnostic"
run ally-add -K
is "$rc" 64 "two networks and no -n: usage error"
like "$errout" "Middelburg" "two networks and no -n: names them"
run ally-add -K -n Middelburg -I
is "$rc" 64 "-K with -I: usage"
run ally-add -K -n Middelburg extra
is "$rc" 64 "-K with an operand: usage"
run ally-add -K -l -n Middelburg
is "$rc" 64 "-K with -l: usage"
is "$(ally-add -A -f csv | wc -l)" "$before" "no audit entry for refused runs"
ally-add -K -n Middelburg >/dev/full 2>"$T/full.err"
is "$?" 74 "a full disk: exit 74"
like "$(cat "$T/full.err")" "ally-add: .*No space left" "a full disk: diagnostic"

done_testing
