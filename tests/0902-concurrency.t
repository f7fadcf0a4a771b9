#!/bin/sh
# 0902-concurrency: 8 processes (cron jobs and coordinators) write and
# read the same database at once, 200 operations each, every operation
# a command of its own.  Every write lands exactly once, no "database is
# locked" reaches anyone, and the file is sound afterwards.
. "$(dirname "$0")/lib.sh"

P=8
N=200
# Under valgrind each command takes a second: fewer operations, same race.
[ -n "${ALLY_VALGRIND:-}" ] && N=12

newdb Middelburg
ally-add "$EXAMPLES/members.yaml" >/dev/null
before=$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person")

k=1
while [ "$k" -le "$P" ]; do
	sh "$TOP/tests/tools/concurrent-worker.sh" "$k" "$N" >"$T/w$k.log" 2>&1 &
	k=$((k + 1))
done
wait

cat "$T"/w*.log >"$T/failures"
is "$(wc -l <"$T/failures" | tr -d ' ')" 0 "no operation of $P x $N failed"
sed -n '1,10s/^/#   /p' "$T/failures"
unlike "$(cat "$T/failures")" "locked|busy" "no 'database is locked'"

# Every add landed exactly once: the aliases are the expected ones.
k=1
while [ "$k" -le "$P" ]; do
	i=1
	while [ "$i" -le "$N" ]; do
		[ $((i % 4)) -eq 3 ] && echo "W$k-$i"
		i=$((i + 2))
	done
	k=$((k + 1))
done | sort >"$T/want"
sqlite3 "$ALLY_DB" "SELECT alias FROM person WHERE alias LIKE 'W%' \
    ORDER BY alias" | sort >"$T/got"
diff_ok "$T/got" "$T/want" "every added member is there, once"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person")" \
    "$((before + $(wc -l <"$T/want")))" "and nothing else was added"

# Every update landed: each worker's member holds its last note.
k=1 last=1
while [ $((last + 4)) -le "$N" ]; do last=$((last + 4)); done
while [ "$k" -le "$P" ]; do
	printf '%s\n' "A0$k w$k-$last;"
	k=$((k + 1))
done >"$T/want-notes"
sqlite3 -separator ' ' "$ALLY_DB" "SELECT alias, notes FROM person WHERE \
    alias BETWEEN 'A01' AND 'A0$P' ORDER BY alias" >"$T/got-notes"
diff_ok "$T/got-notes" "$T/want-notes" "every member shows its last note"

is "$(sqlite3 "$ALLY_DB" "PRAGMA integrity_check")" ok "integrity ok"
is "$(sqlite3 "$ALLY_DB" "PRAGMA foreign_key_check")" "" "foreign keys ok"

done_testing
