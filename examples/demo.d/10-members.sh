# Part 10: the coordinator registers the network and its members.
export ALLY_TODAY=2026-12-15
echo "== ally-add --create -n Middelburg members.yaml   (aliases assigned)"
ally-add --create -n Middelburg -f text members.yaml
echo
echo "== ally-add -l -f text   (what every listing shows: no names, no phones)"
ally-add -l -f text
