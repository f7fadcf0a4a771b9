# Part 40: the actions agreed at the year's meetings (part 30 recorded
# them with the minutes) and between meetings, delivered or not.

# ids of the open actions due before a date, from a csv listing.
open_ids_due_before() {
	action-track -s open -b "$1" -f csv | tr -d '\r' | sed 1d | cut -d, -f1
}

export ALLY_TODAY=2027-03-01
echo
echo "== action-track -a -f text actions.csv   (agreed between meetings, by phone)"
action-track -a -f text actions.csv

echo
echo "== 2027-03-16: the coordinator ticks off what the call round reported done"
export ALLY_TODAY=2027-03-16
open_ids_due_before 2027-03-13 | xargs -r action-track --done -D 2027-03-10 -q
action-track -f text -s done

echo
echo "== Monday 2027-04-12, 07:00, from cron: action-track --remind -w 14"
export ALLY_TODAY=2027-04-12
rc=0
action-track --remind -w 14 || rc=$?
[ "$rc" -le 1 ]		# 1: nothing to say, no mail

echo
echo "== 2027-06-28: done late, one dropped; what is still open"
export ALLY_TODAY=2027-06-28
open_ids_due_before 2027-04-10 | xargs -r action-track --done -D 2027-04-20 -q
open_ids_due_before 2027-05-15 | xargs -r action-track --drop -D 2027-05-20 -q
open_ids_due_before 2027-06-01 | xargs -r action-track --done -D 2027-05-28 -q
action-track -s open -f text

echo
echo "== action-track --reciprocity -S 2027-01-01 -U 2027-06-30 -f text   (the half-yearly review)"
export ALLY_TODAY=2027-07-01
action-track --reciprocity -S 2027-01-01 -U 2027-06-30 -f text

echo
echo "== the spreadsheet round trip: one due date moved, fed back (-N first)"
action-track -s open -f csv >"$DEMO_TMP/actions.csv"
sed '2s/,20[0-9][0-9]-[0-9][0-9]-[0-9][0-9],open,/,2027-08-31,open,/' \
    "$DEMO_TMP/actions.csv" >"$DEMO_TMP/edited.csv"
action-track -u -N -f text "$DEMO_TMP/edited.csv"
action-track -u -q "$DEMO_TMP/edited.csv"

echo
echo "== 2027-12-20: the year's open actions, and the second half-year"
export ALLY_TODAY=2027-12-20
open_ids_due_before 2027-11-01 | xargs -r action-track --done -D 2027-10-30 -q
action-track -l -w 14 -f text
action-track --reciprocity -S 2027-07-01 -U 2027-12-31 -f text
