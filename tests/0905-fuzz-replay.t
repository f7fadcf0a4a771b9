#!/bin/sh
# 0905-fuzz-replay: every input of the fuzz corpus, and every crash the
# fuzzers ever found, through the harnesses without libFuzzer (make fuzz
# runs them with it).  A crash, an abort or a sanitizer finding fails.
. "$(dirname "$0")/lib.sh"

for src in "$TOP"/fuzz/fuzz_*.c; do
	name=${src##*/fuzz_}
	name=${name%.c}
	bin=$TOP/fuzz/out/replay-$name
	ok $([ -x "$bin" ]; echo $?) "$name: replay driver built"
	n=$(ls "$TOP/fuzz/corpus/$name" | wc -l)
	ok $([ "$n" -gt 0 ]; echo $?) "$name: $n inputs in the corpus"
	run "$bin" "$TOP/fuzz/corpus/$name"
	is "$rc" 0 "$name: the corpus replays without a crash"
	is "$out" "$n inputs replayed" "$name: every input replayed"
	if [ -d "$TOP/fuzz/crashes/$name" ] &&
	    [ -n "$(ls "$TOP/fuzz/crashes/$name")" ]; then
		run "$bin" "$TOP/fuzz/crashes/$name"
		is "$rc" 0 "$name: every crash found is fixed"
	fi
done

# The database seeds are files of the schema of today: a read-only open
# refuses an older one (it cannot migrate), and a harness whose every
# seed is refused at the open fuzzes nothing past it.
v=$(sed -n 's/^#define DB_SCHEMA_VERSION[^0-9]*\([0-9]*\).*/\1/p' "$TOP/lib/core.h")
for f in "$TOP"/fuzz/corpus/db/*; do
	is "$(sqlite3 "$f" 'PRAGMA user_version')" "$v" \
	    "db seed ${f##*/}: schema version $v"
done
cp "$TOP/fuzz/corpus/db/populated" "$T/p.db" && chmod 600 "$T/p.db"
run report-sentiment -d "$T/p.db" -f csv
is "$rc" 0 "db seed populated: read as it is"
cp "$TOP/fuzz/corpus/db/tampered-tension" "$T/t.db" && chmod 600 "$T/t.db"
run report-sentiment -d "$T/t.db" -f csv
like "$rc:$errout" "^65:.*table signal, row 1: tension: 7 is out of range" \
    "db seed tampered-tension: refused at the open"
cp "$TOP/fuzz/corpus/db/schema-text-tension" "$T/s.db" && chmod 600 "$T/s.db"
run report-sentiment -d "$T/s.db" -f csv
like "$rc:$errout" "^65:.*table signal, row 1: tension: '[0-4]' is not an integer" \
    "db seed schema-text-tension (the schema says TEXT): refused"
done_testing
