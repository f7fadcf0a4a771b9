#!/bin/sh
# YAML output typed exactly (issue 22): every command's YAML, on a network
# of a year, read by PyYAML (YAML 1.1) and ruamel.yaml (1.2): counts and
# ids are ints, decimals floats, dates dates, and every other value a
# string, even a note "112", "2027-01-01" or "yes", a time "12:30" or an
# alias "No".  What is listed reads back through ally unchanged.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/1010-yaml-types.d"
PY=/usr/bin/python3
if ! $PY -c 'import yaml' 2>/dev/null; then
	echo "1..0 # SKIP python3-yaml is not installed"
	exit 0
fi
readers=pyyaml
$PY -c 'import ruamel.yaml' 2>/dev/null && readers="$readers ruamel"

# The network of the examples, as the demo builds it, and members whose
# texts look like numbers, dates, booleans and times.
cd "$EXAMPLES" || exit 1
export ALLY_TODAY=2026-12-15
ally-add --create -n Middelburg -q members.yaml
ally-add --create -n Veere -q members-veere.csv
export ALLY_NETWORK=Middelburg
cat >"$T/odd.yaml" <<'EOT'
- alias: "No"
  role: ally
  status: candidate
  function: "12:30"
  community: "1_000"
  notes: "112"
- alias: "Y"
  role: ally
  status: candidate
  function: "0x1F"
  community: "1e3"
  notes: "2027-01-01"
- alias: "Null"
  role: ally
  status: left
  intake: 2024-01-10
  joined: 2024-02-01
  left: 2024-06-30
  function: ".inf"
  community: "~"
  notes: "yes"
EOT
ally-add -q "$T/odd.yaml"
ALLY_TODAY=2026-12-16 meet-plan -V -q venues.yaml
ALLY_TODAY=2026-12-16 meet-plan -q -y 2027 -b blackouts.yaml -w tue,thu \
    -t 18:00
ALLY_TODAY=2027-03-01 action-track -a -q actions.csv
printf 'title: "12:30"\nparty: police\nowner: P01\ndue: 2027-03-20\n' \
    'note: "2027-01-01"\n' | ALLY_TODAY=2027-03-01 action-track -a -q
ALLY_TODAY=2027-03-13 report-sentiment -u -q callround.csv
ALLY_TODAY=2027-01-20 meet-minutes -t -q topics-2027.yaml
ALLY_TODAY=2027-11-30 meet-minutes -q minutes-2027.yaml
export ALLY_TODAY=2027-12-14
ally-review -f csv | sed '2s/,,*\r$/&/' >/dev/null
cd "$T" || exit 1

# y NAME CMD...: the command's YAML output into $T/NAME.yaml.
y() {
	_name=$1
	shift
	"$@" -f yaml >"$T/$_name.yaml" 2>"$T/$_name.err"
	_rc=$?
	[ "$_rc" -le 1 ] && [ -s "$T/$_name.yaml" ]
	ok $? "$* -f yaml writes YAML (exit $_rc$(head -c 200 "$T/$_name.err"))"
	files="$files $T/$_name.yaml"
}
files=
y members ally-add -l
y identities ally-add -l -I
y contacts ally-add -K
y audit ally-add -A
y networks ally-add -W
y retention ally-add -R -N 1
y erase ally-add -E -N Null
ally-add -l -I -f yaml >"$T/list-add.yaml"
y re-add ally-add -u -N "$T/list-add.yaml"
y meetings meet-plan -l
y venues meet-plan -V -l
y next meet-plan -x -N
meet-plan -x -q
y invite meet-plan -i 90
meet-plan -l -f yaml >"$T/list-plan.yaml"
y re-plan meet-plan -u -N "$T/list-plan.yaml"
y minutes meet-minutes -l
y minutes-one meet-minutes -l -m 1
for v in meetings attendance themes actions; do
	y "view-$v" meet-minutes -l -V "$v"
done
y agenda meet-minutes -a
y actions action-track
y reciprocity action-track --reciprocity
y done action-track --done -N 1
action-track -f yaml >"$T/list-act.yaml"
y re-act action-track -u -N "$T/list-act.yaml"
# The thermometer covers the last 72 hours: as on the call round's day.
y thermometer report-sentiment -U 2027-03-13
y signals report-sentiment -l
report-sentiment -l -f yaml >"$T/list-signals.yaml"
y re-signals report-sentiment -u -N "$T/list-signals.yaml"
y alerts report-sentiment -a -s 2027-01-01
for b in month quarter meeting; do
	y "by-$b" report-sentiment -b "$b"
done
y rollup report-sentiment -g -b quarter "$ALLY_DB"
y review ally-review
y summary ally-review -S
y representation ally-review -r -T "$EXAMPLES/target-profile.yaml"
ally-review -f yaml >"$T/list-review.yaml"
y re-review ally-review -u -N "$T/list-review.yaml"

# What was listed reads back through ally unchanged.
for f in re-add re-plan re-act; do
	is "$(grep -c 'change: unchanged' "$T/$f.yaml"):$(grep -c 'change:' \
	    "$T/$f.yaml")" "$(grep -c '^- ' "$T/$f.yaml")":"$(grep -c '^- ' \
	    "$T/$f.yaml")" "$f: every record read back is unchanged"
done

# The values that look like something else, one by one.
for reader in $readers; do
	got=$($PY - "$reader" "$T/identities.yaml" <<'EOT'
import sys
if sys.argv[1] == "pyyaml":
    import yaml
    recs = yaml.safe_load(open(sys.argv[2]))
else:
    from ruamel.yaml import YAML
    recs = YAML(typ="safe", pure=True).load(open(sys.argv[2]))
for r in sorted(recs, key=lambda r: r["alias"]):
    if r["alias"] in ("No", "Y", "Null"):
        print(" ".join("%s=%s:%s" % (k, type(r[k]).__name__, r[k])
                       for k in ("alias", "function", "community", "notes",
                                 "id", "left")))
EOT
)
	is "$got" "alias=str:No function=str:12:30 community=str:1_000 notes=str:112 id=int:24 left=str:
alias=str:Null function=str:.inf community=str:~ notes=str:yes id=int:26 left=date:2024-06-30
alias=str:Y function=str:0x1F community=str:1e3 notes=str:2027-01-01 id=int:25 left=str:" \
	    "$reader reads the texts that look like numbers, dates, booleans as strings"
done

for reader in $readers; do
	# shellcheck disable=SC2086
	py_checks $PY "$D/check_types.py" "$reader" $files
done

done_testing
