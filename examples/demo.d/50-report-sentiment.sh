# Part 50: the tension thermometer.  In March, after a clash at the Markt
# (a fictional event), police and municipality called the allies round;
# the thermometer of the last 72 hours after it; at the start of
# December the coordinator looks back on the year: the themes by
# quarter, the alerts, and the heat map for the report.
export ALLY_TODAY=2027-03-13
echo
echo "== report-sentiment -u -f text callround.csv   (the call round of 13 March)"
report-sentiment -u -f text callround.csv
echo
echo "== report-sentiment -f text   (the thermometer: each theme over the last 72 hours)"
report-sentiment -f text
export ALLY_TODAY=2027-12-01
echo
echo "== report-sentiment -b quarter -f text   (the themes by quarter)"
report-sentiment -b quarter -f text
echo
echo "== report-sentiment -a -s 2027-01-01 -f text   (the year's alerts)"
report-sentiment -a -s 2027-01-01 -f text
echo
echo "== report-sentiment -a   (the weekly cron run, -f text for mail: sent only when there is an alert)"
report-sentiment -a -f text || echo "(exit status $?: no alert, no mail)"
svg=$(mktemp "${TMPDIR:-/tmp}/ally-heatmap.XXXXXX.svg")
report-sentiment -f svg -b meeting >"$svg"
echo
echo "== report-sentiment -f svg -b meeting > $svg"
echo "   the heat map of the year, by meeting: open it in a browser or print it"
echo "   (it is kept after the demo; remove it with: rm $svg)"
