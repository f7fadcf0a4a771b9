#!/bin/sh
# The heat map read from across a table and printed in grey (issue 22,
# 7): cells large enough to read, the level in bold, an alert a thick
# black frame with a white edge (not a small corner), and the subtitle's
# range that of the columns, not of -s.  Rendered through rsvg-convert
# (librsvg2-bin) to PDF and PNG when it is there.  Every person here is
# invented.
. "$(dirname "$0")/lib.sh"
F="$FIX/report-sentiment"
export ALLY_TODAY=2028-12-31
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" <"$F/meetings.sql"
report-sentiment -r -q -n Middelburg "$F/middelburg.csv"

report-sentiment -f svg -s 2026-01-01 >"$T/map.svg"
is "$?" 0 "-f svg -s 2026-01-01: exit 0"
py_checks /usr/bin/python3 - "$T/map.svg" <<'PY'
import re, sys
import xml.etree.ElementTree as E
NS = "{http://www.w3.org/2000/svg}"
root = E.parse(sys.argv[1]).getroot()
texts = [t.text or "" for t in root.iter(NS + "text")]
def check(ok, what, got=""):
    print("%d %s%s" % (0 if ok else 1, what, "" if ok else ": %r" % (got,)))
cols = [t for t in texts if re.fullmatch(r"\d{4}-\d\d", t)]
sub = [t for t in texts if t.startswith("readings ")]
check(len(sub) == 1 and cols and
      sub[0].startswith("readings of %s to %s;" % (cols[0], cols[-1])),
      "the subtitle's range is the columns' (%s to %s)" %
      (cols[0] if cols else "?", cols[-1] if cols else "?"), sub)
cells = [r for r in root.iter(NS + "rect") if r.get("stroke") == "#bbbbbb"]
check(cells and min(int(r.get("width")) for r in cells) >= 64 and
      min(int(r.get("height")) for r in cells) >= 40,
      "cells at least 64 x 40 px",
      [(r.get("width"), r.get("height")) for r in cells[:1]])
levels = [t for t in root.iter(NS + "text") if re.fullmatch(r"[0-4]", t.text or "")]
check(levels and all(int(t.get("font-size", "0")) >= 18 and
                     t.get("font-weight") == "bold" for t in levels),
      "the levels in the cells bold, at least 18 px")
alerts = [r for r in root.iter(NS + "rect") if r.get("class") == "alert"]
check(len(alerts) >= 2 and all(float(r.get("stroke-width")) >= 4 and
                               r.get("fill") == "none" for r in alerts),
      "alerts as thick frames (%d)" % len(alerts))
check(not [p for p in root.iter(NS + "polygon")], "no corner markers left")
PY
if command -v rsvg-convert >/dev/null 2>&1; then
	rsvg-convert -f pdf -o "$T/map.pdf" "$T/map.svg"
	is "$?" 0 "rsvg-convert prints it to PDF"
	rsvg-convert -f png -o "$T/map.png" "$T/map.svg"
	is "$?" 0 "and renders it to PNG"
fi

done_testing
