#!/bin/sh
# The member-name check reads text as the reader sees it: a name written
# with combining accents (decomposed, as some systems and keyboards write
# it), or with a soft hyphen or a zero-width character inside, is the
# same name, in the text checked and in the name stored.
. "$(dirname "$0")/lib.sh"

# nf FORM TEXT: TEXT in Unicode normal form FORM.
nf() {
	python3 -c 'import sys, unicodedata
print(unicodedata.normalize(sys.argv[1], sys.argv[2]))' "$1" "$2"
}

# action TEXT: an action record with TEXT as its title.
action() {
	printf 'title,party,owner,due\n%s,ally,A01,2027-02-01\n' "$1" \
	    >"$T/a.csv"
}

ALLY_TODAY=2026-12-15 newdb Middelburg
printf 'name,role,status\n%s,ally,candidate\n%s,ally,candidate\n' \
    "Selin Öztürk" "$(nf NFD 'Mehmet Çakır')" >"$T/m.csv"
ALLY_TODAY=2026-12-15 ally-add -q "$T/m.csv"

while IFS='|' read -r alias what text; do
	action "$text"
	run action-track -a -N "$T/a.csv"
	is "$rc" 65 "refused: $what"
	like "$errout" "holds the name of member $alias" "  the alias $alias"
done <<CASES
A01|composed|Visit Öztürk at the market
A01|decomposed|$(nf NFD 'Visit Öztürk at the market')
A01|a soft hyphen inside|Visit Öz$(printf '\302\255')türk at the market
A01|a zero-width space inside|Visit Özt$(printf '\342\200\213')ürk at the market
A02|stored decomposed, written composed|Ask Çakır about the hall
A02|stored and written decomposed|$(nf NFD 'Ask Çakır about the hall')
CASES

action "$(nf NFD 'Ask the café owners about the market')"
run action-track -a -N "$T/a.csv"
is "$rc" 0 "decomposed text without a name passes"

done_testing
