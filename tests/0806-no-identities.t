#!/bin/sh
# Confidentiality: a year of the fictional network runs through every
# command that is built, in every output format; no output (stdout or
# stderr) may carry a member's name, phone number (as given, national or
# E.164) or e-mail address, except the two explicit paths: ally-add
# --contacts and ally-add -l -I.  A command not built yet is skipped.
. "$(dirname "$0")/lib.sh"

has() { [ -x "$TOP/bin/$1" ]; }
cd "$EXAMPLES" || exit 1

# The secrets, one a line: from the fixture, and as ally-add stores them.
/usr/bin/python3 -c '
import sys, yaml
for p in yaml.safe_load(open(sys.argv[1])):
    for k in ("name", "email", "phone"):
        if p.get(k):
            print(p[k])
    if p.get("phone"):
        d = "".join(c for c in p["phone"] if c.isdigit())
        print("0" + d[2:] if p["phone"].startswith("+31") else d)
' members.yaml >"$T/secrets"
ok $? "the fixture's identities read"

export ALLY_TODAY=2026-12-15
ally-add --create -n Middelburg members.yaml >"$T/out.add" 2>&1
ok $? "members registered"
ally-add -l -I -f csv | tr -d '\r' | cut -d, -f5 | grep '^+' >>"$T/secrets"
is "$(grep -c '^+31[0-9]*$' "$T/secrets")" 16 "secrets: every phone as E.164 too"

# The rest of the year, through the commands that exist.
has meet-plan && meet-plan -V venues.yaml >"$T/out.venues" 2>&1
has meet-plan && meet-plan -y 2027 >"$T/out.plan" 2>&1
export ALLY_TODAY=2027-12-20
has meet-minutes && meet-minutes -t -q topics-2027.yaml
has meet-minutes && meet-minutes minutes-2027.yaml >"$T/out.minutes" 2>&1
has report-sentiment && report-sentiment -r callround.csv \
    >"$T/out.callround" 2>&1
printf -- '- alias: A10\n  status: left\n' | ally-add >"$T/out.left" 2>&1

# Each command line: its default output, then every format.
cat >"$T/commands" <<'EOF2'
ally-add -l
ally-add -A
ally-add -l -r ally -s active
ally-add -R 0 -N
meet-plan -l
meet-plan -l -o coordinator@example.org
meet-plan -i 400
meet-plan -x -N
meet-minutes -l
meet-minutes -a
action-track
action-track -l
action-track --reciprocity
action-track --remind -w 400
report-sentiment
report-sentiment -l
report-sentiment -a
report-sentiment -g
ally-review
ally-review -S
ally-review -r
ally-review -D
EOF2
n=0
while read -r cmd; do
	has "${cmd%% *}" || { echo "# skipped, not built: $cmd"; continue; }
	for f in '' yaml csv text ics svg mail vcard; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		$cmd ${f:+-f $f} </dev/null >"$T/out.$n" 2>&1
	done
	if grep -a -F -f "$T/secrets" "$T"/out.* >"$T/leaks"; then
		ok 1 "no identity from: $cmd"
		sed 's/^/#   /' "$T/leaks" | head -n 5
		rm -f "$T"/out.*
	else
		ok 0 "no identity from: $cmd"
	fi
done <"$T/commands"
ok $(( n < 32 )) "outputs checked: $n"

# The two explicit paths do carry them: the grep would see a leak.
ally-add -K -f vcard >"$T/explicit" 2>&1
ally-add -l -I -f text >>"$T/explicit" 2>&1
is "$(grep -a -F -c 'Fatima el Idrissi' "$T/explicit")" 2 \
    "--contacts and -l -I show names (the grep works)"
is "$(grep -a -F -c '+31640506070' "$T/explicit")" 2 \
    "--contacts and -l -I show phones"
done_testing
