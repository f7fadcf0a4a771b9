# Part 20: the coordinator plans the meetings of 2027 around the school
# holidays and Ramadan, at a different venue each time, with a rotating
# chair, and mails the first invitation a week ahead.
export ALLY_TODAY=2026-12-16
echo
echo "== meet-plan -V venues.yaml   (where the network meets; the host comes with the venue)"
meet-plan -V -f text venues.yaml
echo
echo "== meet-plan -y 2027 -b blackouts.yaml -w tue,thu -t 18:00   (five meetings, spread evenly)"
meet-plan -y 2027 -b blackouts.yaml -w tue,thu -t 18:00 -f text
echo
echo "== meet-plan -y 2027 -b blackouts.yaml   (again: nothing is planned twice)"
meet-plan -y 2027 -b blackouts.yaml -f text
first=$(meet-plan -l -y 2027 -f csv | sed -n 2p | cut -d, -f3)
export ALLY_TODAY=$(date -d "$first - 6 days" +%F)
echo
echo "== ALLY_TODAY=$ALLY_TODAY meet-plan -i 7   (six days ahead: what cron mails)"
meet-plan -i 7
echo
echo "== meet-plan -i 7 -f ics   (the same as a calendar invitation, first lines)"
meet-plan -i 7 -f ics -o coordinator@example.org | tr -d '\r' | sed -n '1,5p;/BEGIN:VEVENT/,/END:VEVENT/p'
