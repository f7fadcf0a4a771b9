#!/bin/sh
# action-track's texts for people through the document layer (lib/doc.c):
# the reminder (lib/remind.c) is a heading per party over a table of its
# actions, each owner named once; the reciprocity text (lib/reciprocity.c)
# is a table whose total row is the sum of the records.
. "$(dirname "$0")/lib.sh"
. "$FIX/action-track/setup.sh"

actions_db
ALLY_TODAY=2027-07-01 action-track -q -a "$FIX/action-track/remind.yaml"
ok $? "fixture loaded"

# On 31 July, a day ahead: police P01 and P02, municipality M01 twice,
# ally A03, joint without an owner.
export ALLY_TODAY=2027-07-31
run action-track --remind -w 1
is "$rc" 0 "the reminder: exit 0"
printf '%s\n' "$out" >"$T/remind.txt"
is "$(sed -n 2p "$T/remind.txt")" "" "a blank line sets the title apart"
is "$(sed -n 3p "$T/remind.txt")" "police" "then the first party's heading"
is "$(grep -c '^[A-Za-z]' "$T/remind.txt")" 5 "the title and four party headings"
is "$(grep -c '^  P0[12]  #1[12]  ' "$T/remind.txt")" 2 \
    "two police owners, each named on their line"
is "$(grep -A2 '^municipality$' "$T/remind.txt" | sed 1d | cut -c1-8 | tr '\n' '|')" \
    "  M01  #|       #|" "an owner with two actions is named once"
# Within a party's table the columns line up: the titles start together.
is "$(awk '/Repair the/ { print index($0, "Repair") }
    /Answer the/ { print index($0, "Answer") }' "$T/remind.txt" | sort -u | wc -l | tr -d ' ')" \
    1 "the rows of a party line up"
is "$(grep -A2 '^municipality$' "$T/remind.txt" | sed 1d | \
    sed 's/.*  \([0-9]* days overdue\)  .*/\1/' | tr '\n' '|')" \
    "152 days overdue|23 days overdue|" "how late, in words"
like "$(sed -n 1p "$T/remind.txt")" "5 overdue, 1 due by 2027-08-01\\.$" \
    "the title counts the late and the soon"

# The mail's body is the same document as the text.
action-track --remind -w 1 -f mail --to coordinator@example.org >"$T/remind.eml"
/usr/bin/python3 - "$T/remind.eml" "$T/remind.txt" >"$T/mail.check" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"),
    policy=email.policy.default)
want = open(sys.argv[2], encoding="utf-8").read()
print(m["Subject"])
print("body ok" if m.get_content() == want else "body differs")
PY
is "$(sed -n 1p "$T/mail.check")" "$(sed -n '1s/\.$//p' "$T/remind.txt")" \
    "the subject is the title without its full stop"
is "$(sed -n 2p "$T/mail.check")" "body ok" "the body is the text"

# Reciprocity: the text's rows are the records' figures, plus their sum.
export ALLY_TODAY=2027-07-01
run action-track -r -S 2027-01-01 -U 2027-06-30 -f csv
printf '%s\n' "$out" | tr -d '\r' | sed 1d | cut -d, -f1,4- | tr , ' ' \
    >"$T/records"
run action-track -r -S 2027-01-01 -U 2027-06-30 -f text
is "$rc" 0 "reciprocity text: exit 0"
printf '%s\n' "$out" >"$T/recip.txt"
is "$(sed -n '/^police /,/^joint /p' "$T/recip.txt" | tr -s ' ')" \
    "$(cat "$T/records")" "a row per party with the records' figures"
is "$(grep '^total ' "$T/recip.txt" | tr -s ' ')" \
    "$(awk '{ for (i = 2; i <= 7; i++) s[i] += $i }
    END { printf "total"; for (i = 2; i <= 7; i++) printf " %d", s[i]; print "" }' \
    "$T/records")" "the total row is the sum"
like "$out" "Period: +2027-01-01 to 2027-06-30" "the period"
like "$out" "As of: +2027-06-30" "the day the figures stood"
run dutch action-track -r -S 2027-01-01 -U 2027-06-30 -f text
like "$out" "^gezamenlijk +1 +0 +0 +0 +0 +1$" "parties in words, in Dutch"

done_testing
