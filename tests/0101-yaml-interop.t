#!/bin/sh
# Another YAML reader (PyYAML) reads what ally writes as the same strings:
# no Norway problem, no octal phone numbers, no sexagesimal times.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
if ! $PY -c 'import yaml' 2>/dev/null; then
	echo "1..0 # SKIP python3-yaml is not installed"
	exit 0
fi
newdb
printf 'role: police\nstatus: active\n' | ally-add >/dev/null
for v in no yes off 0612345678 12:30 +31 1e3 .inf 007 '~' null 'a: b' \
    'x #y' 'Zoë' ' pad ' 'it'"'"'s' '- x' '[1]' true 2027-03-09 112 1_000 \
    12:30:00 .5 0o17; do
	printf 'alias: P01\nnotes: "%s"\n' "$(printf '%s' "$v" | sed 's/"/\\"/g')" |
	    ally-add -q
	got=$(ally-add -l -f yaml | $PY -c '
import sys, yaml
d = yaml.safe_load(sys.stdin)[0]["notes"]
print(type(d).__name__ + ":" + str(d))')
	# A note is text: even an ISO date or digits (tests/1010).
	is "$got" "str:$v" "PyYAML reads '$v' back as written"
done
ally-add -l -f yaml >"$T/l.yaml"
is "$($PY -c 'import sys,yaml; print(len(yaml.safe_load(open(sys.argv[1]))))' "$T/l.yaml")" \
    1 "the listing is one YAML sequence"
done_testing
