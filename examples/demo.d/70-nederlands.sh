# Part 70: the same toolkit in Dutch, as the allies read it.  The language
# follows the locale; records (YAML, CSV, iCalendar) never change with it.
nl() { env -u LC_ALL -u LANGUAGE LANG=nl_NL.UTF-8 "$@"; }
export ALLY_TODAY=2027-12-01
echo
echo "== LANG=nl_NL.UTF-8 meet-plan -y 2028 -b blackouts.yaml -q   (next year planned, quietly)"
nl meet-plan -y 2028 -b blackouts.yaml -w tue,thu -t 18:00 -q
first=$(meet-plan -l -y 2028 -f csv | sed -n 2p | cut -d, -f3)
export ALLY_TODAY=$(date -d "$first - 6 days" +%F)
echo
echo "== ALLY_TODAY=$ALLY_TODAY LANG=nl_NL.UTF-8 meet-plan -i 7   (the invitation, in Dutch)"
nl meet-plan -i 7
export ALLY_TODAY=2027-12-01
echo
echo "== LANG=nl_NL.UTF-8 report-sentiment -a -s 2027-01-01 -f text   (the year's alerts, the reasons in Dutch)"
nl report-sentiment -a -s 2027-01-01 -f text || true
rc=0
ally-add -l -f nope 2>/dev/null || rc=$?
echo
echo "== LANG=nl_NL.UTF-8 ally-add -l -f nope   (a diagnostic in Dutch; the exit status is $rc in every language)"
nl ally-add -l -f nope || true
