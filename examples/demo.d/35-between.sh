# Part 35: between the meetings.  The police and the municipality keep
# in touch with the allies (calls, visits, messages, a word at an
# association's meeting), and the coordinator logs each contact in the
# contact log, by alias.  Every Monday cron asks whom nobody spoke to in
# weeks; in June the answer starts the summer call rounds the minutes of
# 1 July speak of.  In November the integrity checks of the first allies
# are done again, for the review in part 60.

# contacts_between FROM TO: the year's contacts after FROM up to TO, as
# they come in (contacts-2027.csv, the header kept).
contacts_between() {
	awk -F, -v from="$1" -v to="$2" \
	    'NR == 1 || ($1 > from && $1 <= to)' contacts-2027.csv
}

# not_spoken MONDAY WEEKS WHY: cron's check on a Monday, its exit status
# shown with why.
not_spoken() {
	echo
	echo "== Monday $1, 07:00, from cron: action-track --not-spoken $2 -f text"
	ALLY_TODAY=$1 action-track --not-spoken "$2" -f text && rc=0 || rc=$?
	echo "(exit status $rc: $3)"
}

export ALLY_TODAY=2027-06-06
echo
echo "== action-track --contact -f text   (January to June: the contacts logged)"
contacts_between 2027-01-01 2027-06-06 | action-track --contact -f text

not_spoken 2027-06-07 8 "the list is mailed to the coordinator; the summer call rounds are planned"

export ALLY_TODAY=2027-08-29
contacts_between 2027-06-06 2027-08-29 | action-track --contact -q
not_spoken 2027-08-30 6 "after the summer call rounds everyone was spoken to: nothing printed, no mail"

echo
echo "== 2027-11-30: the integrity checks of A01 to A07 done again in November"
export ALLY_TODAY=2027-11-30
printf '%s\n' alias,vetted A01,2027-11-02 A02,2027-11-02 A03,2027-11-04 \
    A04,2027-11-09 A05,2027-11-09 A06,2027-11-16 A07,2027-11-16 |
    ally-add -F csv -f text

export ALLY_TODAY=2027-12-12
contacts_between 2027-08-29 2027-12-12 | action-track --contact -q
not_spoken 2027-12-13 12 "mailed; A08 was not reached in August, A12 is a candidate"

echo
echo "== action-track --contacts -f text   (the contact log of the autumn, aliases only)"
action-track --contacts -f text | awk 'NR == 1 || $3 >= "2027-09"'

echo
echo "== ally-review -s 2027-01-01 -t 2027-06-30 -f text   (the first half-year's contacts, as the sheet shows them)"
ally-review -s 2027-01-01 -t 2027-06-30 -f text |
    sed -n '/^Contact between the meetings/,/^Network/{/^Network/d;p;}' | sed '$d'
