# Part 30: the topics the members propose for the agenda, and the
# minutes of the year's five meetings, recorded by the end of November;
# the minutes of one meeting as text for mail or print.  The agenda of
# the next meeting comes in part 45, once part 40 closed what was done.
export ALLY_TODAY=2027-01-20
echo
echo "== meet-minutes -t -f text topics-2027.yaml   (January: topics for the first meeting and for later)"
meet-minutes -t -f text topics-2027.yaml
export ALLY_TODAY=2027-01-29
echo
echo "== meet-minutes -a   (the agenda of the first meeting: the topics and who proposed them)"
meet-minutes -a | sed -n '/Topics from the members/,/Proposed for later/p'
export ALLY_TODAY=2027-10-15
echo
echo "== meet-minutes -t -f text   (October: the OOV advisor proposes a topic for the next meeting)"
printf 'proposed_by: M01\ntopic: the new subsidy rules for neighbourhood initiatives\n' |
    meet-minutes -t -f text
export ALLY_TODAY=2027-11-30
echo
echo "== meet-minutes -f text minutes-2027.yaml   (five meetings held, with guests and the topics discussed)"
meet-minutes -f text minutes-2027.yaml
echo
echo "== meet-minutes -l -m 2027-02-04 -f text   (the kickoff's minutes, the mayor at the table)"
meet-minutes -l -m 2027-02-04 -f text | sed -n '/^Present/,/^$/{/^$/d;p;}'
echo
echo "== meet-minutes -l -m 2027-07-01 -f text   (minutes for mail or print)"
meet-minutes -l -m 2027-07-01 -f text
echo
echo "== meet-minutes -T -f text   (the topics: discussed, carried over, for later)"
meet-minutes -T -f text
echo
echo "== meet-minutes -l -V themes -f text   (every theme, flat)"
meet-minutes -l -V themes -f text
