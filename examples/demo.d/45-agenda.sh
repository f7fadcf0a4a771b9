# Part 45: at the end of the year cron plans the next meeting after the
# last one held, and the coordinator prints its agenda: the actions still
# open and the themes that were rising or high last time.
export ALLY_TODAY=2027-12-21
echo
echo "== meet-plan -x -f text   (what cron does: plan the next meeting after the last one held)"
meet-plan -x -f text
echo
echo "== meet-minutes -a   (the agenda of the next meeting)"
meet-minutes -a
