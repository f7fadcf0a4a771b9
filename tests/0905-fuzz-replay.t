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

done_testing
