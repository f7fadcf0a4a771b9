#!/bin/sh
# action-track --remind: overdue and due-soon actions as mail text, on a
# fixed clock; nothing printed and exit 1 when there is nothing to say.
. "$(dirname "$0")/lib.sh"
. "$FIX/action-track/setup.sh"

actions_db
ALLY_TODAY=2027-07-01 action-track -q -a "$FIX/action-track/remind.yaml"
ok $? "fixture loaded"

# On 1 July, a week ahead: 4 and 13 overdue, 11 and 14 due by 8 July;
# 12 (20 July) and 8 (1 August) not yet.
export ALLY_TODAY=2027-07-01
run action-track --remind
is "$rc" 0 "something to say: exit 0"
printf '%s\n' "$out" >"$T/remind.out"
diff_ok "$T/remind.out" "$FIX/action-track/remind-0701.out" \
    "grouped by party, then owner alias; days overdue and to go"
is "$errout" "" "nothing on stderr"
unlike "$out" "Idrissi|Verhage|Lambrechts|\\+31|@" "aliases only, no names"

# The window's edges: due exactly N days ahead is in, N+1 is out.
run action-track --remind -w 18
unlike "$out" "#12 " "-w 18: 20 July is out"
run action-track --remind -w 19
like "$out" "#12 +2027-07-20  due in 19 days" "-w 19: 20 July is in"
run action-track --remind -w 0
is "$(printf '%s\n' "$out" | grep -c '#')" 2 "-w 0: only the overdue ones"
like "$out" "2 overdue, 0 due by 2027-07-01" "-w 0: the header counts"

# Due today, due tomorrow, one day overdue: the wording.
ALLY_TODAY=2027-08-01 run action-track --remind -w 0
like "$out" "#8 +2027-08-01  due today" "due today"
ALLY_TODAY=2027-07-31 run action-track --remind -w 1
like "$out" "#8 +2027-08-01  due tomorrow" "due tomorrow"
ALLY_TODAY=2027-08-02 run action-track --remind -w 0
like "$out" "#8 +2027-08-01  1 day overdue" "1 day overdue"

# The list filters give the same sets.
run action-track -l -f csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | tr '\n' ' ')" "4 13 " \
    "--overdue: 4 and 13, by due date"
run action-track -w 7 -f csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | tr '\n' ' ')" "11 14 " \
    "--within 7: due from today to 8 July"
run action-track -l -w 7 -f csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | tr '\n' ' ')" \
    "4 13 11 14 " "--overdue --within 7: both, as the reminder"

# Nothing to say: close what is due, and the reminder is silent.
cp "$ALLY_DB" "$T/quiet.db"
action-track -d "$T/quiet.db" -q --done 4 11 13 14
run action-track -d "$T/quiet.db" --remind
is "$rc" 1 "nothing to say: exit 1"
is "$out" "" "nothing to say: no output"
is "$errout" "" "nothing to say: no diagnostic"
run action-track -d "$T/quiet.db" -l
is "$rc" 0 "an empty listing is not an error"

# What cron relies on: errors are not mistaken for "nothing to say".
run action-track -d "$T/none.db" --remind
is "$rc" 66 "no database: 66, not 1"
run action-track --remind -f yaml
is "$rc" 64 "--remind writes text only"
run action-track --remind -f mail
is "$rc" 0 "-f mail is text"
run action-track --remind -w x
is "$rc" 64 "bad --within"
action-track --remind >/dev/full 2>/dev/null
is "$?" 74 "full disk: exit 74"
ALLY_TODAY=2027-7-1 run action-track --remind
is "$rc" 64 "bad ALLY_TODAY: usage"

done_testing
