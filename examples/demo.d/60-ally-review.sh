# Part 60: the half-yearly review at the end of the demo year.  The
# coordinators print the report, decide per member, feed the decisions
# back, and cron stays silent until the next review is due.  The network
# agreed to re-check each ally's integrity every year (-o
# vetting-months=12; the default is 24): part 35 recorded the re-checks
# of A01 to A07, so the sheet flags the others.
export ALLY_TODAY=2027-12-14
echo
echo "== ally-review -D   (the monthly cron check: is a review due?)"
ally-review -D || echo "(exit status $?: no review due)"
echo
echo "== ally-review -f text -T target-profile.yaml -o vetting-months=12   (the report for the review meeting)"
ally-review -f text -T target-profile.yaml -o vetting-months=12
# The coordinators' decisions: talk where a flag asks for it, keep the
# rest; the columns found by their names in the header.
review_csv="$DEMO_TMP/review.csv"
ally-review -f csv -o vetting-months=12 | awk -F, -v OFS=, '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
	NR > 1 && $col["role"] == "ally" {
		sub(/\r$/, "")
		$col["decision"] = $col["flags"] ~ /low-attendance|absent-|too-long/ ? "talk" : "keep"
		$0 = $0 "\r"
	}
	{ print }' >"$review_csv"
echo
echo "== ally-review -u -c M01 review.csv   (the decisions; a talk opens a follow-up action for the coordinator M01)"
ally-review -u -c M01 -f text "$review_csv"
echo
echo "== action-track -o M01 -s open -f text   (the follow-up the review opened, due in four weeks)"
action-track -o M01 -s open -f text | awk 'NR == 1 || /after the review/'
echo
echo "== ally-review -r -f text -T target-profile.yaml   (representation: who is missing from the table)"
ally-review -r -f text -T target-profile.yaml
echo
echo "== ally-review -S -f text   (the network after the review)"
ally-review -S -f text
echo
echo "== ally-review -D   (cron again: the next review is due in June)"
ally-review -D || echo "(exit status $?: no review due)"
