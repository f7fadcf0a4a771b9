#!/bin/sh
# bench/instructions.sh: the start-up and ingest figures of bench/run.sh
# counted in instructions (valgrind's callgrind) instead of time, for one
# or more built trees, so that two versions can be compared on a machine
# that is busy: an instruction count does not move with the load.
#
#	sh bench/instructions.sh TREE...
#
# Each TREE is a built checkout (bin/ and bench/gen made: "make all
# bench/gen"); its own gen makes its own data, in its own schema.  The
# start-up commands and their SQL are read from this tree's run.sh, so
# both sides do the work the timed figures do; sqlite3's count is taken
# on each tree's data.  BENCH_INGEST (default 10000) signals are stored
# for the ingest figures.  Prints a Markdown table: per figure and tree,
# ally's instructions, sqlite3's, and their ratio.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)
SQLITE=${SQLITE:-sqlite3}
INGEST=${BENCH_INGEST:-10000}
[ $# -ge 1 ] || { echo "usage: sh bench/instructions.sh TREE..." >&2; exit 64; }
command -v valgrind >/dev/null ||
	{ echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 69; }
export ALLY_TODAY=2026-12-31 LC_ALL=C TZ=Europe/Amsterdam
unset ALLY_DB ALLY_NETWORK

D=$(mktemp -d "${TMPDIR:-/tmp}/ally-instr.XXXXXX")
trap 'rm -rf "$D"' EXIT

# ir CMD...: the instructions the command executes (callgrind's total).
ir() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
	    2>"$D/vg" >/dev/null </dev/null || true
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$D/vg"
}

# The start-up figures of run.sh, as NAME<TAB>ARGS<TAB>SQL lines.
startup() { printf '%s\t%s\t%s\n' "$1" "$2" "$(printf '%s' "$3" | tr '\n' ' ')"; }
sed -n '/^# ---- 1. start-up/,/^# ---- 2\./p' "$TOP/bench/run.sh" |
    sed '/^startup() {/,/^}/d' >"$D/startups.sh"
. "$D/startups.sh" >"$D/startups"

printf '| figure | tree | ally | sqlite3 | ratio |\n|---|---|---:|---:|---:|\n'
for T in "$@"; do
	T=$(cd "$T" && pwd)
	tree=$(git -C "$T" rev-parse --short HEAD 2>/dev/null || basename "$T")
	B=$T/bin
	rm -f "$D"/one.db*
	"$B/ally-add" --create -q -d "$D/one.db" -n net-0001 </dev/null
	"$T/bench/gen" db -N 1 "$D/one.db"
	"$T/bench/gen" signals -c "$INGEST" >"$D/s.csv"
	"$T/bench/gen" signals -c "$INGEST" -f yaml >"$D/s.yaml"
	while IFS='	' read -r name args sql; do
		# shellcheck disable=SC2086
		o=$(ir "$B/"$args -d "$D/one.db" -f csv)
		s=$(ir "$SQLITE" -csv -header "$D/one.db" "$sql")
		awk -v f="start-up: $name" -v t="$tree" -v o="$o" -v s="$s" \
		    'BEGIN { printf "| %s | %s | %.2f M | %.2f M | %.2fx |\n",
			f, t, o / 1e6, s / 1e6, o / s }'
	done <"$D/startups"
	for fmt in csv yaml; do
		cp "$D/one.db" "$D/ing.db"
		o=$(ir "$B/report-sentiment" -r -q -d "$D/ing.db" -n net-0001 \
		    "$D/s.$fmt")
		rm -f "$D/bare.db"
		s=$(ir "$SQLITE" "$D/bare.db" ".import --csv $D/s.csv signal")
		awk -v f="ingest: $INGEST signals, $fmt" -v t="$tree" -v o="$o" \
		    -v s="$s" 'BEGIN { printf "| %s | %s | %.1f M | %.1f M | %.2fx |\n",
			f, t, o / 1e6, s / 1e6, o / s }'
		rm -f "$D"/ing.db*
	done
done
