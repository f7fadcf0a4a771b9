#!/bin/sh
# The Dutch thermometer on the page (issue 22, 5): with the longest
# Dutch words in its columns (radicalisation, "3 spanning", "niveau
# stijging") tbl said "table wider than line width"; the summary column
# now takes what the others leave.  Every person here is invented.
. "$(dirname "$0")/lib.sh"
command -v groff >/dev/null 2>&1 || { echo "1..0 # SKIP no groff"; exit 0; }

export ALLY_TODAY=2027-03-10
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
report-sentiment -u -q -F csv <<'EOF2'
date,theme,tension,trend,basis,source,summary
2027-02-01,radicalisation,1,steady,potential,A01,Rustig in de jongerengroep
2027-03-08,radicalisation,4,rising,experienced,A01,Een lange samenvatting van wat er in de wijk gebeurde met meer woorden dan een regel houdt
2027-03-01,polarisation,0,falling,potential,A02,Rustig
2027-03-09,polarisation,3,rising,evidenced,A02,Onrust na het debat
EOF2
for lang in nl en; do
	if [ $lang = nl ]; then
		dutch report-sentiment -f roff >"$T/$lang.roff"
	else
		report-sentiment -f roff >"$T/$lang.roff"
	fi
	groff -t -ms -ww -Tpdf "$T/$lang.roff" >"$T/$lang.pdf" 2>"$T/$lang.err"
	is "$?:$(cat "$T/$lang.err")" "0:" \
	    "the thermometer ($lang) fits the page: groff says nothing"
done
like "$(pdftotext -layout "$T/nl.pdf" - | tr -s ' ')" "radicalisation 2027-03-08 00:00 4 onrust \+3 stijgend niveau" \
    "the Dutch row on one line"

done_testing
