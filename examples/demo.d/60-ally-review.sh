# Part 60: the half-yearly review at the end of the demo year.  The
# coordinators print the report, decide per member, feed the decisions
# back, and cron stays silent until the next review is due.
export ALLY_TODAY=2027-12-14
echo
echo "== ally-review -D   (the monthly cron check: is a review due?)"
ally-review -D || echo "(exit status $?: no review due)"
echo
echo "== ally-review -f text -T target-profile.yaml   (the report for the review meeting)"
ally-review -f text -T target-profile.yaml
review_csv="$DEMO_TMP/review.csv"
ally-review -f csv | awk -F, -v OFS=, '
	NR == 1 { for (i = 1; i <= NF; i++) if ($i == "decision") c = i }
	NR > 1 && $2 == "ally" {
		sub(/\r$/, "")
		$c = $14 ~ /low-attendance|absent-|too-long/ ? "talk" : "keep"
		$0 = $0 "\r"
	}
	{ print }' >"$review_csv"
echo
echo "== ally-review -u review.csv   (the decisions: talk where a flag asks for it, keep the rest)"
ally-review -u -f text "$review_csv"
echo
echo "== ally-review -r -f text -T target-profile.yaml   (representation: who is missing from the table)"
ally-review -r -f text -T target-profile.yaml
echo
echo "== ally-review -S -f text   (the network after the review)"
ally-review -S -f text
echo
echo "== ally-review -D   (cron again: the next review is due in June)"
ally-review -D || echo "(exit status $?: no review due)"
