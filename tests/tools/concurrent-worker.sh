#!/bin/sh
# concurrent-worker.sh K N: one of the processes of tests/0902.  N
# operations on the shared database ($ALLY_DB), alternately a write and
# a read: the writes update the notes of member A0K (no other worker
# touches it) or add a police member WK-I; each read lists the members
# and must show the note just written.  Any failure is one line on
# stdout, with the command's own diagnostic.
k=$1 n=$2
i=1
while [ "$i" -le "$n" ]; do
	if [ $((i % 4)) -eq 1 ]; then
		rec=$(printf 'alias: A0%s\nnotes: w%s-%s;\n' "$k" "$k" "$i")
		note="w$k-$i;"
	else
		rec=$(printf 'role: police\nalias: W%s-%s\n' "$k" "$i")
	fi
	if ! err=$(printf '%s\n' "$rec" | ally-add -q 2>&1); then
		echo "worker $k op $i: write failed: $err"
	fi
	i=$((i + 1))
	if ! list=$(ally-add -l -f csv -r ally 2>&1); then
		echo "worker $k op $i: read failed: $list"
	elif ! printf '%s\n' "$list" |
	    grep -q "^[0-9]*,Middelburg,A0$k,.*,$note"; then
		echo "worker $k op $i: A0$k does not show $note"
	fi
	i=$((i + 1))
done
