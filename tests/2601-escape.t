#!/bin/sh
# Control characters never reach the terminal (issue 23, 3): ESC, BEL,
# CR and the bidi override U+202E stored in every free-text column (by
# another program: ally's own input refuses them) come out of every text
# output and every diagnostic shown ("^[", "^G", "<U+202E>"), never sent;
# a file name and a network name in a diagnostic too.  YAML, a machine
# format, keeps the values as they are (escaped the YAML way).
. "$(dirname "$0")/lib.sh"
export ALLY_TODAY=2027-06-15
. "$FIX/hostile/populate.sh"
printf 'reason: fire at the school\nthemes: safety\n' | ally-add -O >/dev/null

# The hostile text: set a title, clear the screen, a CR to overwrite the
# line, a bidi override to reverse what follows.  Free text only: a
# value outside a field's list (sector, theme) is refused at the open
# (validate.c, tests/2605), and nothing would be shown at all.
H="char(27) || ']0;owned' || char(7) || char(27) || '[2J' || char(13) || char(8238) || 'gnp.exe'"
for tc in person.name person.function person.community \
    person.background person.religion person.notes venue.name venue.address \
    meeting.location meeting.notes signal.summary action.title \
    action.note review.note audit.user audit.command audit.what audit.network \
    round.reason; do
	sqlite3 "$ALLY_DB" "UPDATE ${tc%.*} SET ${tc#*.} = coalesce(${tc#*.}, '') || $H"
done
cp "$ALLY_DB" "$T/other.db"
sqlite3 "$T/other.db" "UPDATE network SET name = 'Veere' || $H"

# raw FILE: the bytes sent raw, if any (ESC, BEL, CR, U+202E).
raw() {
	LC_ALL=C grep -c "$(printf '\033\\|\007\\|\r\\|\342\200\256')" "$1"
}

# clean WHAT COMMAND...: nothing raw on stdout or stderr.
clean() {
	what=$1
	shift
	"$@" >"$T/o" 2>"$T/e"
	is "$(raw "$T/o")" 0 "$what: nothing raw on standard output"
	is "$(raw "$T/e")" 0 "$what: nothing raw on standard error"
}

# shown WHAT COMMAND...: clean, and the escape shown.
shown() {
	clean "$@"
	what=$1
	cat "$T/o" "$T/e" >"$T/both"
	LC_ALL=C grep -q '\^\[\]0;owned\^G' "$T/both"
	ok $? "$what: ESC and BEL shown as ^[ and ^G"
}

shown "ally-add -l -f text" ally-add -l -f text
shown "ally-add -l -I -f text" ally-add -l -I -f text
shown "ally-add -K" ally-add -K
shown "ally-add -A -f text" ally-add -A -f text
shown "ally-add -W -f text (another team's file)" ally-add -W -f text -d "$T/other.db"
shown "action-track -f text" action-track -f text
shown "action-track --remind" action-track --remind
shown "action-track --remind -f mail" sh -c \
    'action-track --remind -f mail | python3 -c "import email, sys; print(email.message_from_file(sys.stdin).get_payload(decode=True).decode())"'

shown "report-sentiment -l -f text" report-sentiment -l -f text
# The thermometer over a year: the signals of June are in it.
shown "report-sentiment -f text" report-sentiment -f text -H 8760
# The period table shows themes and figures, no free text: nothing raw.
clean "report-sentiment -b month -f text" report-sentiment -b month -f text
clean "report-sentiment -g -b month -f text (another team's file)" \
    report-sentiment -g -b month -f text "$T/other.db"
shown "ally-review -f text" ally-review -f text
clean "ally-review -S -f text" ally-review -S -f text
shown "meet-plan -l -f text" meet-plan -l -f text -y 2027
shown "meet-plan -V -l -f text" meet-plan -V -l -f text
shown "meet-minutes -l -f text" meet-minutes -l -f text
shown "meet-minutes -l -V themes -f text" meet-minutes -l -V themes -f text
shown "meet-minutes -a -f text" meet-minutes -a -f text

# Modes whose output is text without -f: the call sheet, who is still to
# reach, the continuity check (each line begins with the network's name).
shown "ally-add -P" ally-add -P
clean "ally-add -T" ally-add -T
shown "meet-plan -C (another team's file)" \
    env ALLY_TODAY=2027-12-31 meet-plan -C -d "$T/other.db"

# A mail's subject is made of stored names, and a mail reader shows it
# on a terminal: shown the same way, after decoding (RFC 2047).
subject() {
	"$@" | python3 -c 'import email, sys
from email.header import decode_header, make_header
print(str(make_header(decode_header(email.message_from_file(sys.stdin)["Subject"]))))'
}
subject action-track --remind -w 60 -f mail -d "$T/other.db" >"$T/s"
is "$(raw "$T/s")" 0 "a mail's subject: nothing raw after decoding"
LC_ALL=C grep -q '\^\[\]0;owned\^G\^\[\[2J\^M<U+202E>gnp' "$T/s"
ok $? "a mail's subject: ESC, BEL, CR and U+202E shown"

# A table is aligned on what it shows: "^[" takes two columns, not one.
meet-plan -V -l -f text >"$T/o"
is "$(python3 -c 'import re, sys
print(len({re.search(r"\S+\s*$", l).start() for l in open(sys.argv[1]) if l.strip()}))' "$T/o")" \
    1 "meet-plan -V -l -f text: the last column starts at one place on every line"

# Diagnostics: a file name, a stored value refused, another team's
# network named in a roll-up.
printf 'name: x\n' >"$T/$(printf 'f\033]0;owned\007.yaml')"
shown "a file name in a diagnostic" ally-add "$T/$(printf 'f\033]0;owned\007.yaml')"
shown "a network name in a diagnostic" ally-add -l -n "$(printf 'x\033]0;owned\007')"
shown "--network of another team's file" \
    report-sentiment -l -d "$T/other.db" -n "$(printf 'Veere\033]0;owned\007')"

# The values are kept as they are in YAML, escaped by YAML (which sends
# U+202E as it is: a machine format is not changed).
ally-add -l -I -f yaml >"$T/y"
is "$(LC_ALL=C grep -c "$(printf '\033\\|\007\\|\r')" "$T/y")" 0 \
    "YAML: no ESC, BEL or CR raw"
is "$(python3 -c 'import sys, yaml; print(sum("\x1b]0;owned\x07" in (p["name"] or "") for p in yaml.safe_load(open(sys.argv[1]))))' "$T/y")" \
    16 "YAML: the value kept, escaped the YAML way"
done_testing
