#!/bin/sh
# report-sentiment -p: the picture for the crisis organisation.  Per
# theme the thermometer's reading (level, trend, basis), how many allies
# reported it and when, and the summary once checked again for names and
# aliases; never an alias, a name or a source.  Text, mail, roff, YAML,
# CSV, Dutch; one network or several.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/2150-picture.d"
# The evening of the 11th (23:59): the window of 72 hours reaches back
# to the 8th, 23:59, and holds every signal of night.csv.
export ALLY_TODAY=2027-06-11

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
# A04's summary names Zoë Lambrechts (A03): let through at recording, as
# a coordinator may, so that the picture must hold it back itself.
report-sentiment -r -q --allow-names "$D/night.csv" 2>/dev/null
V="$T/veere.db"
ALLY_DB=$V ally-add --create -q -n Veere "$FIX/report-sentiment/veere-members.yaml"
ALLY_DB=$V report-sentiment -r -q "$D/veere.csv"

# What may never leave: an alias, a source, a member's name.
noleak() {	# noleak FILE DESCRIPTION
	if grep -Eq '\<[APM][0-9]{2}\>|meeting:|Lambrechts|Idrissi' "$1"; then
		ok 1 "$2: no alias, source or name"
	else
		ok 0 "$2: no alias, source or name"
	fi
}

# ---- CSV: every figure by hand ---------------------------------------------------------
run report-sentiment -p -f csv
is "$rc" 0 "-p -f csv: exit 0"
printf '%s\n' "$out" | tr -d '\r' >"$T/p.csv"
noleak "$T/p.csv" "-p -f csv"
# safety on the 11th: three signals from A01 (twice) and A02, the highest
# 4 (A02's, its summary), evidenced the strongest basis, rising two
# votes to one; level 4 reaches the alert level 3.  polarisation: A05's
# summary holds its alias, youth: A04's names a member; both held back.
# Over the window A01's later voice (2) stands for A01, A02's 4 is the
# strongest of two sources, three signals.  youth: A03's 1 on the 10th
# and A04's 2 on the 11th, two allies, two signals; A04's 2 the stronger.
cat >"$T/want.csv" <<'EOF'
network,theme,date,tension,level,trend,basis,allies,signals,alert,summary,to_call,reached,to_reach
Middelburg,safety,2027-06-11,4,unrest,rising,evidenced,2,3,level,Youths gathering at the station square,,,
Middelburg,polarisation,2027-06-09,2,concern,steady,experienced,1,1,,,,,
Middelburg,youth,2027-06-11,2,concern,rising,experienced,2,2,,,,,
EOF
diff_ok "$T/p.csv" "$T/want.csv" "-p -f csv: the figures computed by hand"
like "$errout" "network Middelburg, theme youth: the summary names a member or holds an alias" \
    "the summary naming a member is said on stderr"
like "$errout" "theme polarisation: the summary names" \
    "... and the one holding an alias"

# The same as the thermometer: each theme's reading, its level and date.
report-sentiment -f csv | tr -d '\r' | sed 1d | cut -d, -f1-3 | sort >"$T/therm"
sed 1d "$T/p.csv" | cut -d, -f2-4 | sort >"$T/pict"
diff "$T/therm" "$T/pict" >/dev/null
ok $? "the picture's themes, dates and levels are the thermometer's"

run report-sentiment -p -S -f csv
printf '%s\n' "$out" | tr -d '\r' >"$T/s.csv"
is "$(head -1 "$T/s.csv")" \
    "network,theme,date,tension,level,trend,basis,allies,signals,alert,to_call,reached,to_reach" \
    "-S: no summary field (no call round: its reach empty)"
unlike "$(cat "$T/s.csv")" "Youths" "-S: no summary at all"
is "$errout" "" "-S: no summary checked, nothing said"

# ---- YAML -------------------------------------------------------------------------------
report-sentiment -p -f yaml >"$T/p.yaml" 2>/dev/null
noleak "$T/p.yaml" "-p -f yaml"
py_checks python3 - "$T/p.yaml" <<'PYEOF'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
print(0 if len(d) == 3 else 1, "three themes")
s = d[0]
print(0 if (s["theme"], s["tension"], s["allies"], s["signals"]) ==
      ("safety", 4, 2, 3) else 1, "safety: 4, two allies, three signals")
print(0 if str(s["date"]) == "2027-06-11" else 1, "safety: as of 2027-06-11")
print(0 if d[2]["theme"] == "youth" and d[2]["summary"] in (None, "") else 1,
      "youth: summary withheld (empty)")
print(0 if all("source" not in x and "alias" not in x for x in d) else 1,
      "no source or alias field")
PYEOF

# ---- text, mail, roff ----------------------------------------------------------------
run report-sentiment -p -f text
noleak "$T/.out" "-p -f text"
like "$out" "^Picture for the crisis organisation" "-f text: the title"
like "$out" "^safety +4 unrest +rising +evidenced +2 +2027-06-11" \
    "-f text: the safety line"
like "$out" "^    Youths gathering at the station square" "... its summary under it"
like "$out" "\(left out: it names someone\)" "a withheld summary is said so"

run report-sentiment -p -f mail --to crisis@example.org
is "$rc" 0 "-f mail: exit 0"
printf '%s\n' "$out" >"$T/p.eml"
py_checks python3 - "$T/p.eml" <<'PYEOF'
import sys, email
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
print(0 if m["To"] == "crisis@example.org" else 1, "To: the crisis organisation")
print(0 if m["Subject"] == "Picture for the crisis organisation: Middelburg"
      else 1, "Subject: " + str(m["Subject"]))
b = m.get_body().get_content()
print(0 if "Youths gathering at the station square" in b else 1, "body: the summary")
print(0 if "A02" not in b and "Lambrechts" not in b else 1, "body: no alias, no name")
PYEOF
run report-sentiment -p -f text --to crisis@example.org
is "$rc" 64 "--to without -f mail: 64"
run report-sentiment -p -f svg
is "$rc:$out" "64:" "-p -f svg: 64, nothing printed"

report-sentiment -p -f roff >"$T/p.roff" 2>/dev/null
noleak "$T/p.roff" "-p -f roff"
groff -t -ms -Tpdf "$T/p.roff" >"$T/p.pdf" 2>"$T/groff.err"
ok $? "-f roff: groff typesets it"
is "$(cat "$T/groff.err")" "" "... without a warning"

# ---- several networks ----------------------------------------------------------------
run report-sentiment -p -g -f csv "$ALLY_DB" "$V"
printf '%s\n' "$out" | tr -d '\r' >"$T/g.csv"
noleak "$T/g.csv" "-p -g"
is "$(grep -c '^Middelburg,' "$T/g.csv"):$(grep -c '^Veere,' "$T/g.csv")" "3:1" \
    "-p -g: Middelburg's three themes and Veere's one"
like "$(cat "$T/g.csv")" "^Veere,safety,2027-06-11,1,attention,steady,experienced,2,2,,Calm on the boulevard" \
    "Veere: two allies, level 1, experienced the stronger basis"
run report-sentiment -p -g -f text "$ALLY_DB" "$V"
like "$out" "^Veere$" "-p -g -f text: a heading per network"
like "$out" "^  safety +1 attention" "... its themes under it"

# ---- Dutch ------------------------------------------------------------------------------
run dutch report-sentiment -p -f text
like "$out" "^Sfeerbeeld voor de crisisorganisatie" "Dutch: the title"
like "$out" "^safety +4 onrust +stijgend +aangetoond +2 " "Dutch: the levels in Dutch"
like "$out" "weggelaten: noemt iemand" "Dutch: a withheld summary"
like "$errout" "de samenvatting noemt een lid of bevat een alias" "Dutch: the warning"
run dutch report-sentiment -p -f svg
like "$errout" "-p drukt yaml, csv, tekst, mail of roff af" "Dutch: -f svg refused"

done_testing
