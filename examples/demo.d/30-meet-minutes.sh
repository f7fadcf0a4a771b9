# Part 30: the minutes of the year's five meetings, recorded in November;
# the minutes of one meeting as text for mail or print; the agenda of
# the next meeting with the actions and themes it carries over.
export ALLY_TODAY=2027-11-20
echo
echo "== meet-minutes -f text minutes-2027.yaml   (five meetings held)"
meet-minutes -f text minutes-2027.yaml
echo
echo "== meet-minutes -l -m 2027-06-10 -f text   (minutes for mail or print)"
meet-minutes -l -m 2027-06-10 -f text
echo
echo "== meet-minutes -l -V themes -f text   (every theme, flat)"
meet-minutes -l -V themes -f text
echo
echo "== meet-minutes -a   (the agenda of the next meeting)"
meet-minutes -a
