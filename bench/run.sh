#!/bin/sh
# bench/run.sh: the ally commands against the sqlite3 shell doing the same
# work on the same data, in one run; see BENCHMARKS.md.  "make bench"
# builds what it needs and runs this.
#
#	BENCH_SCALE=100	percent of the default scale: 1,000 networks x 15
#			allies x 10 years x 6 meetings x 6 themes (3 actions
#			each), 100,000 signals to ingest, 10,000 and
#			1,000,000 for memory.  BENCH_SCALE=10: a tenth.
#	BENCH_RUNS=9	timed runs per figure (start-up; the others fewer)
#	BENCH_DIR	where the data goes (default: a new directory in
#			$TMPDIR, removed at the end unless BENCH_KEEP=1)
#
# Every timed run is a fork and exec from bench/timeit (no shell in the
# timed path); ours and sqlite3's runs alternate, so that a machine that
# gets busier or quieter during the run disturbs both sides alike.  The
# table is printed as Markdown on standard output, progress on stderr.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
BIN=$TOP/bin
TIMEIT=$TOP/bench/timeit
GEN=$TOP/bench/gen
SQLITE=${SQLITE:-sqlite3}
SCALE=${BENCH_SCALE:-100}
RUNS=${BENCH_RUNS:-9}

case $SCALE in
''|*[!0-9]*|0) echo "BENCH_SCALE: a percentage, 1 or more" >&2; exit 64 ;;
esac
case $RUNS in
''|*[!0-9]*|0) echo "BENCH_RUNS: a count, 1 or more" >&2; exit 64 ;;
esac
for f in "$TIMEIT" "$GEN" "$BIN/report-sentiment" "$BIN/ally-add"; do
	[ -x "$f" ] || { echo "$f: not built (make bench)" >&2; exit 66; }
done
command -v "$SQLITE" >/dev/null ||
	{ echo "sqlite3: not installed (apt-get install sqlite3)" >&2; exit 69; }

scaled() {
	n=$(($1 * SCALE / 100))
	[ "$n" -ge "${2:-1}" ] || n=${2:-1}
	echo "$n"
}
NETS=$(scaled 1000)
INGEST=$(scaled 100000 100)
MEM_SMALL=$(scaled 10000 100)
MEM_LARGE=$(scaled 1000000 1000)
ROLLUP_RUNS=$(( RUNS < 7 ? RUNS : 7 ))
INGEST_RUNS=$(( RUNS < 7 ? RUNS : 7 ))
MEM_RUNS=3

if [ -n "${BENCH_DIR:-}" ]; then
	D=$BENCH_DIR
	mkdir -p "$D"
else
	D=$(mktemp -d "${TMPDIR:-/tmp}/ally-bench.XXXXXX")
	[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$D"' EXIT
fi
export ALLY_TODAY=2026-12-31 LC_ALL=C TZ=Europe/Amsterdam
unset ALLY_DB ALLY_NETWORK
say() { printf '%s\n' "$*" >&2; }

# ---- the data ------------------------------------------------------------

say "bench: data in $D"
rm -f "$D"/one.db* "$D"/nat.db*
"$BIN/ally-add" --create -q -d "$D/one.db" -n net-0001 </dev/null
"$GEN" db -N 1 "$D/one.db"
say "bench: national database, $NETS networks"
"$BIN/ally-add" --create -q -d "$D/nat.db" -n net-0001 </dev/null
"$GEN" db -N "$NETS" "$D/nat.db"
"$GEN" signals -c "$INGEST" >"$D/signals.csv"
"$GEN" signals -c "$INGEST" -f yaml >"$D/signals.yaml"
"$GEN" signals -c "$MEM_SMALL" >"$D/small.csv"
"$GEN" signals -c "$MEM_LARGE" >"$D/large.csv"
"$GEN" signals -c "$MEM_SMALL" -f yaml >"$D/small.yaml"
"$GEN" signals -c "$MEM_LARGE" -f yaml >"$D/large.yaml"

count() { "$SQLITE" "$1" "SELECT count(*) FROM $2"; }

# ---- measuring -------------------------------------------------------------

# median FILE COLUMN: the median of a column of timeit's lines.
median() {
	sort -n -k "$2" "$1" | awk -v c="$2" '{ v[NR] = $c }
	    END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run_pair NAME RUNS: ours ($O_CMD, after $O_SETUP, input $O_IN) and
# sqlite3's ($S_CMD, $S_SETUP, $S_IN) by turns, one run each, RUNS times
# after a warm-up of each; timeit's lines go to $D/NAME.ours and .sqlite.
# The commands are shell words, expanded here.
run_pair() {
	name=$1 n=$2
	: >"$D/$name.ours"
	: >"$D/$name.sqlite"
	i=0
	while [ "$i" -le "$n" ]; do
		eval "\"\$TIMEIT\" -n 1 -w 0 -s \"\$O_SETUP\" -i \"\$O_IN\" $O_CMD" \
		    >>"$D/$name.ours"
		eval "\"\$TIMEIT\" -n 1 -w 0 -s \"\$S_SETUP\" -i \"\$S_IN\" $S_CMD" \
		    >>"$D/$name.sqlite"
		i=$((i + 1))
	done
	sed -i 1d "$D/$name.ours" "$D/$name.sqlite"
}

ROWS=
# row FIGURE NAME GOAL: a line of the table from $D/NAME.{ours,sql}.
row() {
	o=$(median "$D/$2.ours" 1) s=$(median "$D/$2.sqlite" 1)
	oc=$(median "$D/$2.ours" 6) sc=$(median "$D/$2.sqlite" 6)
	ROWS="$ROWS$(awk -v f="$1" -v o="$o" -v s="$s" -v oc="$oc" -v sc="$sc" \
	    -v g="$3" -v n="$(wc -l <"$D/$2.ours")" 'BEGIN {
		r = o / s
		printf "| %s | %.1f ms | %.1f ms | %.2fx | %.2fx | %s | %s | %d |\n",
		    f, o * 1000, s * 1000, r, oc / sc,
		    g == "-" ? "-" : "<= " g "x",
		    g == "-" ? "" : r <= g ? "met" : "NOT met", n
	    }')
"
}

NOOP=true

# ---- 1. start-up -------------------------------------------------------------

ONE=$D/one.db
# startup NAME "OUR ARGS" "SQL": a command's simplest read on the one-network
# database, CSV out, against sqlite3 printing the same rows as CSV.
startup() {
	say "bench: start-up, $1"
	O_SETUP=$NOOP O_IN=/dev/null S_SETUP=$NOOP S_IN=/dev/null
	O_CMD="\"\$BIN/\"$2 -d \"\$ONE\" -f csv"
	S_CMD="\"\$SQLITE\" -csv -header \"\$ONE\" \"\$Q\""
	Q=$3
	run_pair "start-$1" "$RUNS"
	row "start-up: $1" "start-$1" 1.2
}

startup ally-add "ally-add -l" \
"SELECT p.id, n.name, p.alias, p.role, p.function, p.community, p.sector,
    p.age_band, p.status, p.intake, p.vetted, p.joined, p.left,
    CASE p.contact_consent WHEN 1 THEN 'yes' ELSE 'no' END, p.notes
FROM person p JOIN network n ON n.id = p.network_id
WHERE n.name = 'net-0001' AND p.erased IS NULL ORDER BY p.alias"

startup meet-plan "meet-plan -l" \
"SELECT m.id, n.name, m.date, m.time, m.location, m.host, c.alias,
    CASE m.meal WHEN 1 THEN 'yes' ELSE 'no' END, m.status
FROM meeting m JOIN network n ON n.id = m.network_id
LEFT JOIN person c ON c.id = m.chair_id
WHERE n.name = 'net-0001' ORDER BY m.date, m.time"

startup meet-minutes "meet-minutes -l" \
"SELECT m.id, n.name, m.date, m.time, m.location, m.host, c.alias,
    CASE m.meal WHEN 1 THEN 'yes' ELSE 'no' END,
    (SELECT group_concat(alias, ' ') FROM (SELECT p.alias FROM attendance a
	JOIN person p ON p.id = a.person_id WHERE a.meeting_id = m.id
	AND a.presence = 'present' ORDER BY p.alias)),
    (SELECT group_concat(alias, ' ') FROM (SELECT p.alias FROM attendance a
	JOIN person p ON p.id = a.person_id WHERE a.meeting_id = m.id
	AND a.presence = 'excused' ORDER BY p.alias)),
    (SELECT group_concat(alias, ' ') FROM (SELECT p.alias FROM attendance a
	JOIN person p ON p.id = a.person_id WHERE a.meeting_id = m.id
	AND a.presence = 'absent' ORDER BY p.alias)),
    m.notes
FROM meeting m JOIN network n ON n.id = m.network_id
LEFT JOIN person c ON c.id = m.chair_id
WHERE n.name = 'net-0001' ORDER BY m.date"

startup action-track "action-track" \
"SELECT a.id, n.name, a.meeting_id, a.title, a.party, o.alias, a.due,
    a.status, a.closed, a.note, a.revision
FROM action a JOIN network n ON n.id = a.network_id
LEFT JOIN person o ON o.id = a.owner_id
WHERE n.name = 'net-0001' ORDER BY a.due, a.id"

startup ally-review "ally-review" \
"SELECT p.alias, p.role, p.status, p.status_since, count(m.id),
    sum(a.presence = 'present'), sum(a.presence = 'excused'),
    round(100.0 * sum(a.presence = 'present') / count(m.id)),
    max(CASE WHEN a.presence = 'present' THEN m.date END),
    p.intake, p.vetted, p.contact_consent
FROM person p JOIN network n ON n.id = p.network_id
LEFT JOIN attendance a ON a.person_id = p.id
LEFT JOIN meeting m ON m.id = a.meeting_id AND m.status = 'held'
    AND m.date >= '2026-07-01'
WHERE n.name = 'net-0001' AND p.status IN ('candidate', 'active', 'paused')
GROUP BY p.id ORDER BY p.alias"

startup report-sentiment "report-sentiment" \
"SELECT s.theme, s.date, max(s.tension), s.trend, s.basis, count(*),
    s.meeting_id, s.summary
FROM signal s JOIN network n ON n.id = s.network_id
WHERE n.name = 'net-0001' AND s.date = (SELECT max(t.date) FROM signal t
    WHERE t.network_id = s.network_id AND t.theme = s.theme)
GROUP BY s.theme ORDER BY 3 DESC, 1"

# ---- 2. roll-up ----------------------------------------------------------------

say "bench: roll-up of $NETS networks"
NAT=$D/nat.db
sed "s/:until/$ALLY_TODAY/" "$TOP/bench/rollup.sql" >"$D/rollup.sql"
# The same work: the same cells.  Only the mean's last digit may differ,
# where a mean such as 1.15 is a half that C's printf and SQLite's round
# apart.
"$BIN/report-sentiment" -g -f csv -d "$NAT" | tr -d '\r' | sort >"$D/rollup.ours"
"$SQLITE" -csv -header "$NAT" <"$D/rollup.sql" | sort >"$D/rollup.sqlout"
paste -d, "$D/rollup.ours" "$D/rollup.sqlout" | awk -F, '
	NR > 1 && ($1 != $10 || $2 != $11 || $3 != $12 || $4 != $13 ||
	    $5 != $14 || $6 != $15 || $8 != $17 || $9 != $18 ||
	    $7 - $16 > 0.11 || $16 - $7 > 0.11) { bad++; print }
	END { exit bad > 0 }' >&2 ||
	{ say "bench: the roll-ups differ (above: ours, then sqlite3's)"; exit 1; }
[ "$(wc -l <"$D/rollup.ours")" = "$(wc -l <"$D/rollup.sqlout")" ] ||
	{ say "bench: the roll-ups differ in length"; exit 1; }
O_SETUP=$NOOP O_IN=/dev/null S_SETUP=$NOOP S_IN=$D/rollup.sql
O_CMD="\"\$BIN/report-sentiment\" -g -f csv -d \"\$NAT\""
S_CMD="\"\$SQLITE\" -csv -header \"\$NAT\""
run_pair rollup "$ROLLUP_RUNS"
row "roll-up: $NETS networks, $(count "$NAT" signal) signals" rollup 1.5

# ---- 2b. roll-up of exports -----------------------------------------------------

# Each network's export (report-sentiment -x) in a file of its own, as a
# district receives them; ours rolls them up, sqlite3 loads the same CSV
# files into a table and aggregates them alike.  Both must give the cells
# of the roll-up of the database.
say "bench: roll-up of $NETS networks' exports"
rm -rf "$D/exports"
mkdir "$D/exports"
"$BIN/report-sentiment" -x -g -f csv -d "$NAT" | tr -d '\r' | awk -F, -v d="$D/exports" '
	NR == 1 { head = $0; next }
	$2 != net { if (net != "") close(f); net = $2; f = d "/" net ".csv"
	    print head > f }
	{ print > f }'
{
	echo "CREATE TABLE agg (version INT, network TEXT, period TEXT,"
	echo "    theme TEXT, readings INT, signals INT, max INT, mean REAL,"
	echo "    alerts INT);"
	for f in "$D"/exports/*.csv; do
		echo ".import --csv --skip 1 $f agg"
	done
	echo ".headers on"
	echo ".mode csv"
	cat "$TOP/bench/rollup-exports.sql"
} >"$D/rollup-exports.sql"
"$BIN/report-sentiment" -g -f csv -d "$NAT" | tr -d '\r' | sort >"$D/rollup.cells"
"$BIN/report-sentiment" -g -f csv "$D"/exports/*.csv | tr -d '\r' |
    sort >"$D/rollupx.cells"
cmp -s "$D/rollupx.cells" "$D/rollup.cells" ||
	{ say "bench: the roll-up of the exports differs from the database's"; exit 1; }
"$SQLITE" :memory: <"$D/rollup-exports.sql" | tr -d '\r' | sort >"$D/rollupx.sqlcells"
# As above: only a mean at a half may differ in its last digit.
paste -d, "$D/rollupx.cells" "$D/rollupx.sqlcells" | awk -F, '
	NR > 1 && ($1 != $10 || $2 != $11 || $3 != $12 || $4 != $13 ||
	    $5 != $14 || $6 != $15 || $8 != $17 || $9 != $18 ||
	    $7 - $16 > 0.11 || $16 - $7 > 0.11) { bad++; print }
	END { exit bad > 0 }' >&2 &&
    [ "$(wc -l <"$D/rollupx.cells")" = "$(wc -l <"$D/rollupx.sqlcells")" ] ||
	{ say "bench: sqlite3's roll-up of the exports differs from ours"; exit 1; }
O_SETUP=$NOOP O_IN=/dev/null S_SETUP=$NOOP S_IN=$D/rollup-exports.sql
O_CMD="\"\$BIN/report-sentiment\" -g -f csv \"\$D\"/exports/*.csv"
S_CMD="\"\$SQLITE\" :memory:"
run_pair rollupx "$ROLLUP_RUNS"
row "roll-up: $NETS networks' exports, $(cat "$D"/exports/*.csv | wc -l) lines (sqlite3: .import)" \
    rollupx 1.0

# ---- 2c. the windowed thermometer ----------------------------------------------

# Every network's and theme's reading over a window of hours (the
# thermometer's rule) with its alerts from the windowed readings of the
# theme's history, as the picture of the national database gives it
# (report-sentiment -p -g -S), against sqlite3 doing the same in one
# query (bench/window.sql).  A window of 90 days, so that every network
# has readings on 31 December; now is the end of that day.
WIN_HOURS=2160
say "bench: the windowed thermometer of $NETS networks, $WIN_HOURS hours"
WIN_NOW=$("$SQLITE" :memory: "SELECT CAST(julianday('$ALLY_TODAY') - 2440587.5 AS INTEGER) * 1440 + 1439")
sed "s/:until/$ALLY_TODAY/; s/:hours/$WIN_HOURS/g; s/:now/$WIN_NOW/g" \
    "$TOP/bench/window.sql" >"$D/window.sql"
"$BIN/report-sentiment" -p -g -S -H "$WIN_HOURS" -f csv -d "$NAT" |
    tr -d '\r' | sed 1d | sort >"$D/window.out"
"$SQLITE" -csv "$NAT" <"$D/window.sql" | tr -d '"' | sort >"$D/window.sqlcsv"
cmp -s "$D/window.out" "$D/window.sqlcsv" ||
	{ say "bench: the windowed readings differ"; exit 1; }
WIN_READINGS=$(wc -l <"$D/window.out")
O_SETUP=$NOOP O_IN=/dev/null S_SETUP=$NOOP S_IN=$D/window.sql
O_CMD="\"\$BIN/report-sentiment\" -p -g -S -H \"\$WIN_HOURS\" -f csv -d \"\$NAT\""
S_CMD="\"\$SQLITE\" -csv \"\$NAT\""
run_pair window "$ROLLUP_RUNS"
row "windowed thermometer: $NETS networks, $WIN_READINGS readings over $WIN_HOURS hours (-p -g -S)" \
    window 1.5

# ---- 3. ingest ---------------------------------------------------------------

ING=$D/ingest.db BARE=$D/bare.db
O_SETUP="cp '$ONE' '$ING'" O_IN=/dev/null
S_SETUP="rm -f '$BARE'" S_IN=/dev/null
S_CMD="\"\$SQLITE\" \"\$BARE\" '.import --csv $D/signals.csv signal'"
before=$(count "$ONE" signal)
for fmt in csv yaml; do
	say "bench: ingest of $INGEST signals from $fmt"
	O_CMD="\"\$BIN/report-sentiment\" -r -q -d \"\$ING\" -n net-0001 \
	    \"\$D/signals.$fmt\""
	run_pair "ingest-$fmt" "$INGEST_RUNS"
	[ "$(count "$ING" signal)" = $((before + INGEST)) ] ||
		{ say "bench: ingest from $fmt stored a wrong count"; exit 1; }
	[ "$(count "$BARE" signal)" = "$INGEST" ] ||
		{ say "bench: sqlite3 .import stored a wrong count"; exit 1; }
	goal=1.0
	[ $fmt = yaml ] && goal=2
	row "ingest: $INGEST signals, $fmt (sqlite3: csv)" "ingest-$fmt" $goal
done

# The floor under the ingest goals: sqlite3 itself storing the same CSV into
# ally's schema (foreign keys on, its CHECKs and indexes), with no validation
# of ours, against the same bare .import.  Not a figure of ally's: a
# reference, so that every run shows what the engine alone needs.
say "bench: reference, sqlite3 storing the CSV into ally's schema"
cat >"$D/floor.sql" <<EOF2
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE t (date, theme, tension, trend, basis, source, summary);
.import --csv --skip 1 $D/signals.csv t
BEGIN;
INSERT INTO signal (network_id, source_id, date, theme, tension, trend,
    basis, summary)
SELECT n.id, p.id, t.date, t.theme, CAST(t.tension AS INTEGER), t.trend,
    t.basis, t.summary
FROM t JOIN network n ON n.name = 'net-0001'
JOIN person p ON p.network_id = n.id AND p.alias = t.source;
COMMIT;
EOF2
O_IN=$D/floor.sql
O_CMD="\"\$SQLITE\" \"\$ING\""
run_pair ingest-floor "$INGEST_RUNS"
[ "$(count "$ING" signal)" = $((before + INGEST)) ] ||
	{ say "bench: sqlite3 into ally's schema stored a wrong count"; exit 1; }
row "reference, not ally: sqlite3 storing the same CSV into ally's schema" \
    ingest-floor -
O_IN=/dev/null

# ---- 4. memory ---------------------------------------------------------------

MEM=
# memory LABEL FILE: peak RSS of ingesting it (the largest of the runs).
memory() {
	say "bench: memory, $1"
	"$TIMEIT" -n $MEM_RUNS -w 0 -s "cp '$ONE' '$ING'" "$BIN/report-sentiment" \
	    -r -q -d "$ING" -n net-0001 "$2" >"$D/mem"
	"$TIMEIT" -n $MEM_RUNS -w 0 -s "rm -f '$BARE'" "$SQLITE" "$BARE" \
	    ".import --csv $2 signal" >"$D/memsql"
	MEM="$MEM$(awk -v l="$1" -v big="$3" '
		NR == 1 { o = $4; t = $1 } NR == 2 { s = $4 }
		END { printf "| %s | %.1f MiB | %.1f MiB | %.1f s | %s |\n",
		    l, o / 1024, s / 1024, t,
		    big ? (o <= 16384 ? "<= 16 MiB: met" : "<= 16 MiB: NOT met") : "" }
	    ' "$D/mem" "$D/memsql")
"
}
MEM_RUNS=3
memory "$MEM_SMALL signals, csv" "$D/small.csv" 0
MEM_RUNS=1
memory "$MEM_LARGE signals, csv" "$D/large.csv" 1
MEM_RUNS=3
memory "$MEM_SMALL signals, yaml" "$D/small.yaml" 0
MEM_RUNS=1
memory "$MEM_LARGE signals, yaml" "$D/large.yaml" 1

# ---- the table ---------------------------------------------------------------

cat <<EOF
## Results

- date: $(date -u +%Y-%m-%dT%H:%MZ), scale $SCALE%, $RUNS runs (roll-up and ingest $ROLLUP_RUNS)
- machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
- sqlite3 $("$SQLITE" -version | cut -d' ' -f1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)

| figure | ally (median) | sqlite3 (median) | ratio | CPU ratio | goal | | runs |
|---|---:|---:|---:|---:|---:|---|---:|
$ROWS
| memory: peak RSS | ally | sqlite3 .import | ally time | goal |
|---|---:|---:|---:|---|
$MEM
EOF
