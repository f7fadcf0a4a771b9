# Part 47: who comes to dinner.  Before the meeting cron planned, the
# members reply (one changes the answer: the later reply counts); the
# agenda counts the heads and the diets, and the caterer gets the count
# and the diets by mail and nothing else: no alias, no name, no theme.
export ALLY_TODAY=2027-12-21
cat >"$DEMO_TMP/replies.yaml" <<'YAML'
- alias: A01
  answer: yes
  diet: halal
- alias: A02
  answer: yes
  along: 1
  diet: vegetarian
- alias: A03
  answer: no
- alias: A04
  answer: yes
  diet: halal, no nuts
- alias: A05
  answer: yes
- alias: P01
  answer: yes
  along: 1
- alias: M01
  answer: yes
  diet: vegetarian
YAML
echo
echo "== meet-minutes -y replies.yaml   (the replies to the dinner)"
meet-minutes -y -f text "$DEMO_TMP/replies.yaml"
echo
echo "== meet-minutes -y   (A05 cannot come after all: the later reply counts)"
printf 'alias: A05\nanswer: no\n' | meet-minutes -y -f text
echo
echo "== meet-minutes -Y -f csv   (the replies: never the diets)"
meet-minutes -Y -f csv
echo
echo "== meet-minutes -a | sed -n 1,12p   (the head of the agenda: heads and diets)"
meet-minutes -a | sed -n 1,12p
echo
echo "== meet-minutes -c   (the note for the caterer)"
meet-minutes -c
echo
echo "== meet-minutes -c -f mail --to catering@example.org   (for sendmail -t)"
meet-minutes -c -f mail --to catering@example.org
echo
echo "== meet-minutes -b   (the briefing for the chair of the next meeting)"
meet-minutes -b
