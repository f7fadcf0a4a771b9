# Part 80: a crisis night (fictional).  Friday 14 January 2028, 23:10: a
# stabbing near the station.  The coordinator opens a call round over
# every ally and the staff at the table, prints the call sheet, feeds
# the outcomes back as the calls are made, keeps an eye on who is still
# to reach and on the thermometer of the last 72 hours, sends the
# picture to the crisis organisation, and closes the round on Saturday.
export ALLY_TODAY="2028-01-14 23:10"
echo
echo "== ally-add -O -f text   (23:10: a call round opened over the call list)"
printf 'reason: stabbing near the station\nthemes: safety youth\n' |
    ally-add -O -f text
echo
echo "== ally-add -P -f text   (the call sheet, with names and numbers: audited)"
ally-add -P -f text
# The sheet as CSV, filled in as the calls are made: A01 and A05 hear
# of young men gathering (3, rising), A02 and A06 do not answer, A07
# will call back at 00:40, the others are reached without news.
ally-add -P -f csv | tr -d '\r' | awk -F, -v OFS=, '
NR == 1 { print; next }
$2 == "A01" { $5 = "reached"; $6 = "23:15"; $8 = "safety"; $9 = 3;
	$10 = "rising"; $11 = "evidenced"; $12 = "young men gather at the square" }
$2 == "A05" { $5 = "reached"; $6 = "23:30"; $8 = "safety"; $9 = 3;
	$10 = "rising"; $11 = "experienced"; $12 = "rumours in the app groups" }
$2 == "A02" || $2 == "A06" { $5 = "no-answer"; $6 = "23:20" }
$2 == "A07" { $5 = "call-back"; $6 = "23:25"; $7 = "00:40" }
$5 == "" { $5 = "reached"; $6 = "23:40" }
{ print }' >"$DEMO_TMP/sheet.csv"
export ALLY_TODAY="2028-01-14 23:50"
echo
echo "== ally-add -o sheet.csv   (23:50: the outcomes fed back, what was heard stored as signals)"
ally-add -o -f text "$DEMO_TMP/sheet.csv"
echo
echo "== ally-add -T -f text   (who is still to reach; for watch or cron)"
ally-add -T -f text
echo
echo "== report-sentiment -f text   (the thermometer of the last 72 hours)"
report-sentiment -f text
export ALLY_TODAY="2028-01-15 09:30"
printf 'round,alias,outcome,at\n1,A07,reached,00:40\n1,A02,reached,08:30\n1,A06,declined,08:45\n' |
    ally-add -o >/dev/null
printf 'date,time,theme,tension,trend,basis,source,summary\n2028-01-15,09:00,safety,1,steady,potential,A03,not aware of anything\n' |
    report-sentiment -u -q
echo
echo "== report-sentiment -f text   (Saturday 09:30: A03's calm voice lowers only A03's own reading)"
report-sentiment -f text
echo
echo "== report-sentiment -p -f text   (the picture for the crisis organisation: no alias, no name)"
report-sentiment -p -f text
echo
echo "== ally-add -O -f text   (the round closed with its summary)"
printf 'id: 1\nstatus: closed\nsummary: tension at the square, calm by Saturday\n' |
    ally-add -O -f text
echo
echo "== ally-add -T   (nobody left to reach: nothing printed, exit status 1 for cron)"
ally-add -T || echo "(exit status $?: nobody to reach)"
