#!/bin/sh
# 0904-schema-version: a database newer than the tools is refused with a
# clear message, and so is a file that is no SQLite database at all;
# neither is changed by the attempt.  (The fixture of the first released
# schema, and its migration, come with the first release.)
. "$(dirname "$0")/lib.sh"

# Every command that opens the database, in a mode that only reads.
openers() {
	echo "ally-add -l"
	for c in "action-track" "report-sentiment -l" "meet-minutes -l" \
	    "meet-plan -l" "ally-review"; do
		[ -f "$TOP/bin/${c%% *}.c" ] && echo "$c"
	done
	echo "ally-add $EXAMPLES/members.yaml"
}
openers >"$T/openers"

newdb Middelburg
ally-add "$EXAMPLES/members.yaml" >/dev/null
v=$(sqlite3 "$ALLY_DB" "PRAGMA user_version")
sqlite3 "$ALLY_DB" "PRAGMA user_version = $((v + 1))"
before=$(dbdump)
while read -r cmd; do
	run timeout 10 $cmd
	is "$rc" 65 "newer schema: $cmd: exit 65"
	like "$errout" "schema version $((v + 1)).*(newer|upgrade|needs)" \
	    "newer schema: $cmd: says the database is newer"
	is "$(dbdump)" "$before" "newer schema: $cmd: database unchanged"
done <"$T/openers"
is "$(sqlite3 "$ALLY_DB" "PRAGMA user_version")" $((v + 1)) \
    "the version is left as it was"

for kind in text zeros yaml truncated; do
	rm -f "$ALLY_DB"*
	case $kind in
	text)	echo "this is no database" >"$ALLY_DB" ;;
	zeros)	head -c 8192 /dev/zero >"$ALLY_DB" ;;
	yaml)	cp "$EXAMPLES/members.yaml" "$ALLY_DB" ;;
	truncated)
		ally-add --create -n Middelburg "$EXAMPLES/members.yaml" \
		    >/dev/null
		head -c 100 "$ALLY_DB" >"$T/head" && mv "$T/head" "$ALLY_DB" ;;
	esac
	chmod 600 "$ALLY_DB"	# of mode 644, ally-add refuses it for that
	cp "$ALLY_DB" "$T/copy"
	while read -r cmd; do
		run timeout 10 $cmd
		ok $([ "$rc" -eq 65 ] || [ "$rc" -eq 66 ]; echo $?) \
		    "$kind file: $cmd: refused (exit $rc)"
		like "$errout" "^[a-z-]+: $ALLY_DB: .*(not a database|schema|malformed|truncated)" \
		    "$kind file: $cmd: the message names the file and why"
		cmp -s "$ALLY_DB" "$T/copy"
		ok $? "$kind file: $cmd: the file is untouched"
	done <"$T/openers"
done

done_testing
