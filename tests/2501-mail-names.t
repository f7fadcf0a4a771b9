#!/bin/sh
# Mail addresses as people write them: -o and --to take "Name <address>"
# as well as a bare address (a quoted name with a comma, a UTF-8 name as
# RFC 2047 words); the Message-ID's domain is the sender's, not the bare
# host name.  Read back with Python's email parser.  Issue 22, 4.
# Every person here is invented.
. "$(dirname "$0")/lib.sh"
MP="$FIX/meet-plan"
CM="$TOP/tests/1102-mail.d/check_mail.py"
unset EMAIL
check() {
	py_checks /usr/bin/python3 "$CM" "$@"
}

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
meet-plan -V -q "$MP/venues.yaml"
meet-plan -q -y 2027
id=$(sqlite3 "$ALLY_DB" "SELECT min(id) FROM meeting")
date=$(sqlite3 "$ALLY_DB" "SELECT date FROM meeting WHERE id = $id")
export ALLY_TODAY=$(date -d "$date - 6 days" +%F)

zoe=$(printf 'Zo\303\253 \303\207elik')
run meet-plan -i 7 -f mail -o 'Anna de Wit <coordinator@example.org>' \
    --to 'Allies Middelburg <allies-middelburg@example.org>' \
    --to '"Visser, Bram" <bram@example.org>' \
    --to "$zoe <zoe@example.org>" --to deputy@example.org
is "$rc:$errout" "0:" "-o and --to as 'Name <address>': accepted"
printf '%s\n' "$out" >"$T/named.eml"
check "$T/named.eml" --method REQUEST \
    --from 'Anna de Wit <coordinator@example.org>' \
    --to 'Allies Middelburg <allies-middelburg@example.org>' \
    --to '"Visser, Bram" <bram@example.org>' \
    --to "$zoe <zoe@example.org>" --to deputy@example.org \
    --organizer coordinator@example.org
like "$(sed -n 1p "$T/named.eml")" '^From: Anna de Wit <coordinator@example.org>$' \
    "the sender's name as atoms"
like "$(sed '/^$/q' "$T/named.eml" | perl -0pe 's/\n / /g')" \
    '"Visser, Bram" <bram@example.org>' \
    "a name with a comma quoted"
like "$(sed '/^$/q' "$T/named.eml")" '=\?UTF-8\?B\?[^ ]+\?= <zoe@example.org>' \
    "a UTF-8 name as encoded words"
is "$(sed '/^$/q' "$T/named.eml" | awk 'length($0) > 78' | wc -l)" 0 \
    "no header line over 78"
like "$(grep '^Message-ID:' "$T/named.eml")" \
    '^Message-ID: <[0-9a-f]{32}@example\.org>$' \
    "the Message-ID in the organiser's domain"

# $EMAIL as the sender, named too; the reminder of action-track.
EMAIL='Secretariaat <secretary@example.net>' run meet-plan -i 7 -f mail \
    --to 'Allies <allies@example.org>'
printf '%s\n' "$out" >"$T/email.eml"
check "$T/email.eml" --method REQUEST \
    --from 'Secretariaat <secretary@example.net>' \
    --to 'Allies <allies@example.org>' --organizer secretary@example.net
like "$(grep '^Message-ID:' "$T/email.eml")" '@example\.net>$' \
    "\$EMAIL's domain for the Message-ID"

# Refused: what is no mailbox, with nothing printed.
for bad in 'Anna <not an address>' 'Anna <a@example.org' '<a@b.org> Anna' \
    'A <b> <c@example.org>' "Anna $(printf '\001') <a@example.org>" \
    '"Anna <a@example.org>'; do
	run meet-plan -i 7 -f mail --to "$bad"
	is "$rc:$out" "64:" "--to '$bad': refused"
done
like "$errout" "^meet-plan: --to: '.*' is not an e-mail address$" "said so"
run meet-plan -i 7 -f mail -o 'Anna <not an address>'
is "$rc:$out" "64:" "-o with a bad address in brackets: refused"

# action-track --remind and meet-minutes take the same form.
. "$FIX/action-track/setup.sh"
actions_db
ALLY_TODAY=2027-07-01 action-track -q -a "$FIX/action-track/remind.yaml"
ALLY_TODAY=2027-07-01 EMAIL=secretary@example.org \
    run action-track --remind -f mail --to 'Cor Jansen <cor@example.org>'
is "$rc" 0 "action-track --remind --to 'Name <address>'"
printf '%s\n' "$out" >"$T/remind.eml"
check "$T/remind.eml" --to 'Cor Jansen <cor@example.org>' \
    --from secretary@example.org

done_testing
