#!/bin/sh
# report-sentiment in Dutch (issue 11): the usage, every kind of
# diagnostic (same exit status as in English, nothing written), the
# printed report, the heat map, the alerts' text table for cron mail and
# the progress line in Dutch against golden files; and the machine
# output (yaml, csv, the text table's fields, the SVG's structure) byte
# for byte the same in both languages.
. "$(dirname "$0")/lib.sh"
F="$FIX/report-sentiment"
G="$TOP/tests/1130-nl-sentiment.d"
export ALLY_TODAY=2028-12-31

# Two networks in one file, a third in another: the fixtures of 0700/0701.
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
sqlite3 "$ALLY_DB" <"$F/meetings.sql"
report-sentiment -r -q -n Middelburg "$F/middelburg.csv"
ally-add --create -q -n Veere "$F/veere-members.yaml"
report-sentiment -r -q -n Veere "$F/veere.yaml"
V="$T/vlissingen.db"
ALLY_DB=$V ally-add --create -q -n Vlissingen "$F/veere-members.yaml"
ALLY_DB=$V report-sentiment -r -q "$F/vlissingen.csv"
export ALLY_NETWORK=Middelburg

# ---- the usage -----------------------------------------------------------------
run dutch report-sentiment -h
is "$rc" 0 "-h in Dutch: exit 0"
printf '%s\n' "$out" >"$T/usage.out"
diff_ok "$T/usage.out" "$G/usage.out" "-h in Dutch: the Dutch usage (golden)"
run dutch report-sentiment --no-such-option
is "$rc" 64 "an unknown option: exit 64 in Dutch"
like "$errout" "^gebruik: report-sentiment -u " "an unknown option: the Dutch usage"

# ---- usage errors: the Dutch message, the usage, 64 as in English -------------
usage_nl() {	# usage_nl MESSAGE ARG...
	want=$1
	shift
	run report-sentiment "$@"
	e=$rc
	run dutch report-sentiment "$@"
	is "$rc:$e" "64:64" "$*: exit 64 in Dutch and English"
	is "$(printf '%s\n' "$errout" | sed -n 1p)" "report-sentiment: $want" \
	    "$*: said in Dutch"
	like "$(printf '%s\n' "$errout" | sed -n 2p)" "^gebruik: " \
	    "$*: the Dutch usage follows"
}
usage_nl "-r legt signalen vast; de rapportopties gelden dan niet" -r -t youth
usage_nl "-r toont de vastgelegde signalen als yaml, csv of text" -r -f svg
usage_nl "-N en -q horen bij -r" -N
usage_nl "-g maakt een overzicht van de periodetabel of van de waarschuwingen" -g -l
usage_nl "meerdere databases of operanden: alleen met -g" "$ALLY_DB" "$V"
usage_nl "-g neemt elk netwerk; -n kiest er één" -g -n Veere
usage_nl "-f svg tekent de periodetabel (met -b), niet -a of -l" -f svg -a
usage_nl "-f roff drukt de thermometer of de periodetabel (-b) af, niet -a of -l" -f roff -l
usage_nl "netwerken komen op verschillende data bijeen: -g gaat per maand of kwartaal" -g -b meeting
usage_nl "-r, -l, -a, -b, -p en -x sluiten elkaar uit" -l -a
usage_nl "--by: 'week' is niet month, quarter of meeting" -b week
usage_nl "--theme: 'Jeugd' is geen thema (één woord in kleine letters)" -t Jeugd
usage_nl "--level: '9' is geen getal van 0 tot en met 4" -L 9
usage_nl "--window: 'x' is geen getal van 0 tot en met 3660" -w x
run dutch report-sentiment -r -d "$ALLY_DB" -d "$V"
is "$rc" 64 "-r with two databases: exit 64"
is "$(printf '%s\n' "$errout" | sed -n 1p)" \
    "report-sentiment: -r legt vast in één database" "-r with two databases: in Dutch"

# Dates: reported without the usage, 64 as in English.
date_nl() {	# date_nl MESSAGE ARG...
	want=$1
	shift
	run report-sentiment "$@"
	e=$rc
	run dutch report-sentiment "$@"
	is "$rc:$e" "64:64" "$*: exit 64 in Dutch and English"
	is "$errout" "report-sentiment: $want" "$*: said in Dutch"
}
date_nl "--until: '2028-02-30' is geen datum (JJJJ-MM-DD)" -U 2028-02-30
date_nl "--since: 'lang' is geen datum (JJJJ-MM-DD) en geen aantal dagen (7d)" -s lang
date_nl "--since ligt na --until" -s 2028-12-01 -U 2028-11-01

# At most 64 databases (errx).
set --
i=0
while [ $i -le 64 ]; do
	set -- "$@" -d "$ALLY_DB"
	i=$((i + 1))
done
run dutch report-sentiment -g "$@"
is "$rc" 64 "65 databases: exit 64 in Dutch"
is "$errout" "report-sentiment: hoogstens 64 databases" "65 databases: said in Dutch"
set --

# Nothing to draw: 66 in both languages.
run report-sentiment -f svg -t nosuch
e=$rc
run dutch report-sentiment -f svg -t nosuch
is "$rc:$e" "66:66" "no readings to draw: exit 66 in Dutch and English"
is "$errout" "report-sentiment: geen metingen om te tekenen in deze periode" \
    "no readings to draw: said in Dutch"

# ---- bad records: file:line: field: in Dutch, 65, nothing written -------------
bad() {	# bad DIAGNOSTIC CSV-LINE
	printf 'date,theme,tension,trend,basis,source,summary\n2028-12-01,youth,1,steady,evidenced,A01,fine\n%s\n' \
	    "$2" >"$T/bad.csv"
	before=$(dbdump)
	run report-sentiment -r "$T/bad.csv"
	e=$rc
	run dutch report-sentiment -r "$T/bad.csv"
	is "$rc:$e" "65:65" "$1: exit 65 in Dutch and English"
	is "$errout" "report-sentiment: $T/bad.csv:3: $1" "$1"
	is "$(dbdump)" "$before" "$1: nothing written"
}
bad "date: 2029-01-01 ligt in de toekomst" "2029-01-01,youth,1,steady,evidenced,A01,x"
bad "date: '2028-13-01' is geen datum (JJJJ-MM-DD)" "2028-13-01,youth,1,steady,evidenced,A01,x"
bad "date: ontbreekt: wanneer het is waargenomen (JJJJ-MM-DD)" ",youth,1,steady,evidenced,A01,x"
bad "tension: '5' is geen niveau: 0 calm, 1 attention, 2 concern, 3 tension, 4 unrest" \
    "2028-12-01,youth,5,steady,evidenced,A01,x"
bad "tension: ontbreekt: 0 calm, 1 attention, 2 concern, 3 tension, 4 unrest" \
    "2028-12-01,youth,,steady,evidenced,A01,x"
bad "theme: 'street life' is niet één woord in kleine letters (a-z en -, hoogstens 32)" \
    "2028-12-01,street life,1,steady,evidenced,A01,x"
bad "theme: ontbreekt: een van radicalisation, polarisation, nuisance, poverty, youth, safety, trust, of een ander woord in kleine letters" \
    "2028-12-01,,1,steady,evidenced,A01,x"
bad "trend: 'up' is niet een van: rising, steady, falling" "2028-12-01,youth,1,up,evidenced,A01,x"
bad "basis: 'rumour' is niet een van: evidenced, experienced, potential" \
    "2028-12-01,youth,1,steady,rumour,A01,x"
bad "source: A99 is geen lid van dit netwerk" "2028-12-01,youth,1,steady,evidenced,A99,x"
bad "source: ontbreekt: de alias van het lid dat het meldde, of meeting:ID" \
    "2028-12-01,youth,1,steady,evidenced,,x"
bad "source: geen bijeenkomst 99 in dit netwerk" "2028-12-01,youth,1,steady,evidenced,meeting:99,x"
bad "source: 'meeting:x' is geen meeting:ID" "2028-12-01,youth,1,steady,evidenced,meeting:x,x"
bad "source: 'a 1' is geen alias en geen meeting:ID" "2028-12-01,youth,1,steady,evidenced,a 1,x"
bad "summary: een waarde mag niet met '=' beginnen (een spreadsheetformule)" \
    "2028-12-01,youth,1,steady,evidenced,A01,=HYPERLINK()"
bad "summary: te lang (één regel, hoogstens 500 bytes)" \
    "2028-12-01,youth,1,steady,evidenced,A01,$(printf '%0600d' 0)"
ybad() {	# ybad DIAGNOSTIC YAML
	printf '%s\n' "$2" >"$T/bad.yaml"
	before=$(dbdump)
	run report-sentiment -r "$T/bad.yaml"
	e=$rc
	run dutch report-sentiment -r "$T/bad.yaml"
	is "$rc:$e" "65:65" "$1: exit 65 in Dutch and English"
	is "$errout" "report-sentiment: $T/bad.yaml:$1" "$1"
	is "$(dbdump)" "$before" "$1: nothing written"
}
ybad "5: mood: onbekend veld (een signaal heeft: date, theme, tension, trend, basis, source, summary, time)" \
    "$(printf 'date: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01\nmood: grim')"
ybad "5: summary: stuurtekens, een regeleinde of ongeldige UTF-8" \
    "$(printf 'date: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01\nsummary: "two\\nlines"')"
ybad "4: source: één waarde verwacht, geen lijst" \
    "$(printf 'date: 2028-12-01\ntheme: youth\ntension: 1\nsource: [A01, A02]')"
ybad "1: network: 'Veere' is niet dit netwerk (kies het met -n)" \
    "$(printf 'network: Veere\ndate: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01')"
ybad "1: id: 'x' is geen id" \
    "$(printf 'id: x\ndate: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01')"
ybad "1: id: geen signaal 9999 in dit netwerk" \
    "$(printf 'id: 9999\ndate: 2028-12-01\ntheme: youth\ntension: 1\nsource: A01')"

# ---- text output in Dutch against golden files ----------------------------------
# The cron mail: the alerts' text table, the why in Dutch.
run dutch report-sentiment -a -s 2027-01-01 -f text
is "$rc" 0 "the alerts in Dutch: exit 0"
printf '%s\n' "$out" >"$T/alerts.out"
diff_ok "$T/alerts.out" "$G/alerts.out" "the alerts' text table: the why in Dutch (golden)"
run dutch report-sentiment -a -f text
is "$rc:$out" "1:" "no alert this week: exit 1 and nothing, in Dutch too"
# Relative names: the file column shows them as given.
cd "$T" || exit 1
run dutch report-sentiment -g -a -s 2027-01-01 -f text -d ally.db -d vlissingen.db
cd "$TOP" || exit 1
printf '%s\n' "$out" >"$T/alerts-rollup.out"
diff_ok "$T/alerts-rollup.out" "$G/alerts-rollup.out" "the roll-up's alerts in Dutch (golden)"

# The thermometer and the period table as text: the printed page's
# layout, its headings and its words in Dutch (the documents of lib/doc.c).
# The thermometer covers the last 72 hours: on 2027-03-13 two themes.
run dutch report-sentiment -f text -U 2027-03-13
printf '%s\n' "$out" >"$T/thermometer.txt"
diff_ok "$T/thermometer.txt" "$G/thermometer.txt" "the thermometer as text in Dutch (golden)"
run dutch report-sentiment -b quarter -f text
printf '%s\n' "$out" >"$T/quarter.txt"
diff_ok "$T/quarter.txt" "$G/quarter.txt" "the period table as text in Dutch (golden)"

# The printed report (troff), through groff as the man page shows.
roff() {	# roff NAME DESCRIPTION ARG...
	name=$1
	desc=$2
	shift 2
	dutch report-sentiment -f roff "$@" >"$T/$name.roff"
	is "$?" 0 "$desc: exit 0"
	diff_ok "$T/$name.roff" "$G/$name.roff" "$desc (golden)"
}
roff thermometer "the thermometer, printed in Dutch" -U 2027-03-13
roff meetings "the period table by meeting, one theme, printed in Dutch" \
    -b meeting -t youth
roff rollup "the roll-up by quarter since a date, printed in Dutch" \
    -g -b quarter -s 2027-07-01 "$ALLY_DB" "$V"
roff empty "a report without readings, printed in Dutch" -t nosuch
roff before "the period before the first meeting, printed in Dutch" \
    -b meeting -n Veere
if command -v groff >/dev/null 2>&1; then
	for f in thermometer meetings rollup empty before; do
		groff -t -ms -ww -Tps "$T/$f.roff" >"$T/$f.ps" 2>"$T/$f.err"
		is "$?:$(cat "$T/$f.err")" "0:" "groff typesets the Dutch $f without a warning"
	done
fi

# The heat map: titles, labels, legend, tooltips and notes in Dutch.
svg() {	# svg NAME DESCRIPTION ARG...
	name=$1
	desc=$2
	shift 2
	dutch report-sentiment -f svg "$@" >"$T/$name.svg"
	is "$?" 0 "$desc: exit 0"
	diff_ok "$T/$name.svg" "$G/$name.svg" "$desc (golden)"
	/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' \
	    "$T/$name.svg" 2>/dev/null
	is "$?" 0 "$desc: well-formed XML"
	# The same elements, attributes and colours in both languages; only
	# the text and the positions that follow its width differ.
	report-sentiment -f svg "$@" >"$T/$name.en.svg"
	/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as E
def shape(f):
	return [(e.tag, sorted(e.attrib), e.get("fill"), e.get("class"))
	    for e in E.parse(f).iter()]
sys.exit(shape(sys.argv[1]) != shape(sys.argv[2]))' "$T/$name.en.svg" "$T/$name.svg"
	is "$?" 0 "$desc: the same SVG elements in both languages"
}
svg quarter "the heat map by quarter" -b quarter -s 2027-01-01
svg meetings "the heat map by meeting (the period before the first)" -b meeting -n Veere
svg rollup "the roll-up's heat map" -g -b quarter "$ALLY_DB" "$V"
run dutch report-sentiment -f svg -L 1 -R 1
like "$out" "\\.\\.\\. en nog [0-9]+ \\(report-sentiment -a toont ze\\)" \
    "the heat map: more alerts than fit, said in Dutch"

# The progress line, as a terminal gets it.
cat >"$T/progress.c" <<'CEOF'
#include <pty.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "ally.h"
static void
show(int fd)
{
	char buf[512];
	ssize_t n = read(fd, buf, sizeof(buf) - 1);

	buf[n > 0 ? n : 0] = '\0';
	/* The rate depends on the clock: only what comes before it. */
	printf("%.*s|\n", (int)(strstr(buf, ", ") ? strstr(buf, ", ") - buf - 1 :
	    (ptrdiff_t)strlen(buf) - 1), buf + 1);
}
int
main(void)
{
	struct winsize ws = { 24, 60, 0, 0 };
	struct progress *p;
	int master, slave;
	FILE *fp;

	ally_i18n_init();
	if (openpty(&master, &slave, NULL, NULL, &ws) != 0 ||
	    (fp = fdopen(slave, "w")) == NULL)
		return 1;
	p = progress_start(fp, "report-sentiment", 1000);
	progress_draw(p, 500);
	show(master);
	progress_end(p);
	show(master);
	p = progress_start(fp, NULL, 0);
	progress_draw(p, 1234567);
	show(master);
	progress_end(p);
	return 0;
}
CEOF
if cc_libally "$T/progress" "$T/progress.c" -lutil; then
	dutch "$T/progress" >"$T/progress.out"
	is "$?" 0 "the progress program runs"
	is "$(sed -n 1p "$T/progress.out")" "report-sentiment: 500 van 1,000|" \
	    "the progress line with a total, in Dutch"
	is "$(sed -n 3p "$T/progress.out")" "1,234,567 records|" \
	    "the progress line without a total, in Dutch"
	"$T/progress" >"$T/progress.en"
	is "$(sed -n 1p "$T/progress.en")" "report-sentiment: 500 of 1,000|" \
	    "the progress line in English is as it was"
else
	ok 1 "the progress test program builds"
	sed 's/^/#   /' "$T/cc.err"
fi

# ---- machine output: byte-identical in both languages ----------------------------
same() {	# same DESCRIPTION ARG...
	desc=$1
	shift
	report-sentiment "$@" >"$T/en.out" 2>&1
	e=$?
	dutch report-sentiment "$@" >"$T/nl.out" 2>&1
	is "$?" "$e" "$desc: the same status in both languages"
	cmp -s "$T/en.out" "$T/nl.out"
	is "$?" 0 "$desc: byte-identical in both languages"
	ok "$([ -s "$T/en.out" ] && echo 0 || echo 1)" "$desc: not empty"
}
same "the thermometer, yaml" -U 2027-03-13
same "the thermometer, csv" -f csv -U 2027-03-13
same "the period table by meeting, yaml" -b meeting
same "the period table by month, csv" -b month -f csv
same "the alerts, yaml (why included)" -a -s 2027-01-01
same "the alerts, csv (why included)" -a -s 2027-01-01 -f csv
same "the signals, yaml" -l
same "the signals, csv" -l -f csv
same "the roll-up, yaml" -g -d "$ALLY_DB" -d "$V"
same "the roll-up's alerts, csv" -g -a -s 2027-01-01 -f csv "$ALLY_DB" "$V"
report-sentiment -l -f csv >"$T/list.csv"
same "recording, -N, csv" -r -N -f csv "$T/list.csv"
same "recording, -N, yaml" -r -N "$T/list.csv"

done_testing
