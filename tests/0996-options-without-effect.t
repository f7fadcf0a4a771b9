#!/bin/sh
# An option is refused in a mode where it would do nothing, as the
# synopsis shows: ally-add -B copies the whole file (no network, nothing
# printed), ally-review -u stores decisions (no threshold applies).
. "$(dirname "$0")/lib.sh"

newdb Middelburg

while IFS='|' read -r cmd want; do
	eval "run $cmd"
	is "$rc" 64 "refused: $cmd"
	like "$errout" "$want" "  says so"
done <<CASES
ally-add -B "$T/copy.db" -f yaml|-f does not go with -B
ally-add -B "$T/copy.db" -n Middelburg|-n does not go with -B
ally-review -u -o min-size=3 /dev/null|-o does not go with -u
CASES
ok "$([ ! -e "$T/copy.db" ]; echo $?)" "no copy made"

run ally-add -B "$T/copy.db"
is "$rc" 0 "ally-add -B alone copies"
run ally-review -D -o review-months=1
ok "$([ "$rc" -le 1 ]; echo $?)" "ally-review -D -o still takes a threshold"

done_testing
