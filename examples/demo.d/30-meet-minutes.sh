# Part 30: the minutes of the year's five meetings, recorded by the end of November;
# the minutes of one meeting as text for mail or print.  The agenda of
# the next meeting comes in part 45, once part 40 closed what was done.
export ALLY_TODAY=2027-11-30
echo
echo "== meet-minutes -f text minutes-2027.yaml   (five meetings held)"
meet-minutes -f text minutes-2027.yaml
echo
echo "== meet-minutes -l -m 2027-07-01 -f text   (minutes for mail or print)"
meet-minutes -l -m 2027-07-01 -f text
echo
echo "== meet-minutes -l -V themes -f text   (every theme, flat)"
meet-minutes -l -V themes -f text
