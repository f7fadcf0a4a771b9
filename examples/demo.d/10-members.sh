# Part 10: the coordinator registers the networks and their members.
export ALLY_TODAY=2026-12-15
echo "== ally-add --create -n Middelburg members.yaml   (aliases assigned)"
ally-add --create -n Middelburg -f text members.yaml
echo
echo "== ally-add --create -n Veere members-veere.csv   (a second network, from a spreadsheet)"
ally-add --create -n Veere -q members-veere.csv
ally-add -n Veere -l -f text
# From here on the demo works on Middelburg unless a part says otherwise.
export ALLY_NETWORK=Middelburg
echo
echo "== ally-add -l -f text   (what every listing shows: no names, no phones)"
ally-add -l -f text
