#!/bin/sh
# 0901-bad-input: the hostile-input corpus (tests/bad) against every
# command that reads records.  Each file must end in exit 65 with one
# diagnostic naming the file and the line that is wrong (the file alone
# for a whole-file encoding error), no crash, no hang, and the database
# exactly as before.  tests/bad/LINES gives each file's line; any/ holds
# what the readers refuse, the other folders what one command refuses.
. "$(dirname "$0")/lib.sh"

BAD="$TOP/tests/bad"
# Under valgrind everything is some twenty times slower.
TMO=10
[ -n "${ALLY_VALGRIND:-}" ] && TMO=300

newdb Middelburg
ally-add "$EXAMPLES/members.yaml" >/dev/null
before=$(dbdump)
# The size and time of change of the file and its write-ahead log:
# cheaper than a dump per file, and stricter (any write changes them);
# the dump is compared after each command.
fingerprint() {
	stat -c '%s %y' "$ALLY_DB" "$ALLY_DB-wal" 2>/dev/null
}
fp=$(fingerprint)

# check_file LABEL FILE LINE CMD ARGS...: FILE relative to $DIR.
DIR=$BAD
check_file() {
	label=$1 file=$2 line=$3 cmd=$4
	shift 4
	if [ "$line" = 0 ]; then
		want="$cmd: $file: "
	else
		want="$cmd: $file:$line: "
	fi
	(cd "$DIR" && timeout $TMO "$@" "$file" >"$T/.out" 2>"$T/.err")
	rc=$?
	first=$(head -n 1 "$T/.err")
	nlines=$(wc -l <"$T/.err")
	why=""
	[ "$rc" -eq 65 ] || why="exit $rc, not 65;"
	case $first in
	"$want"*) ;;
	*) why="$why diagnostic is not '$want...';" ;;
	esac
	[ "$nlines" -eq 1 ] || why="$why $nlines lines on stderr;"
	[ -s "$T/.out" ] && why="$why output on stdout;"
	[ "$(fingerprint)" = "$fp" ] || why="$why database changed;"
	if [ -z "$why" ]; then
		ok 0 "$label $file"
	else
		ok 1 "$label $file"
		printf '#   %s\n#   stderr: %.300s\n' "$why" "$first"
		fp=$(fingerprint)
	fi
}

# The commands that read records, as CMD ARGS..., each with the corpus
# folder of its own record type.
readers() {
	echo "person ally-add ally-add"
	[ -f "$TOP/bin/action-track.c" ] && echo "action action-track action-track -u"
	[ -f "$TOP/bin/report-sentiment.c" ] &&
	    echo "signal report-sentiment report-sentiment -r"
	[ -f "$TOP/bin/meet-minutes.c" ] && echo "minutes meet-minutes meet-minutes"
	[ -f "$TOP/bin/meet-plan.c" ] && echo "meeting meet-plan meet-plan -u"
	[ -f "$TOP/bin/ally-review.c" ] && echo "review ally-review ally-review -u"
	return 0
}

readers >"$T/readers"
grep -v '^#' "$BAD/LINES" >"$T/lines"
while read -r own cmd args; do
	while read -r file line; do
		case $file in
		any/*|"$own"/*) check_file "$cmd:" "$file" "$line" "$cmd" $args ;;
		esac
	done <"$T/lines"
	is "$(dbdump)" "$before" "$cmd: the database as before, dumped"
done <"$T/readers"

# Generated here rather than kept: a 10 MB field, and nesting 10,000 deep.
gen=$T/gen
mkdir -p "$gen"
head -c 10485760 /dev/zero | tr '\0' v >"$T/10mb"
{ printf 'alias: A01\nnotes: '; cat "$T/10mb"; printf '\n'; } >"$gen/yaml-10mb-field.yaml"
{ printf 'alias,notes\nA01,'; cat "$T/10mb"; printf '\n'; } >"$gen/csv-10mb-field.csv"
{ printf 'alias,notes\nA01,"'; cat "$T/10mb"; printf '"\n'; } >"$gen/csv-10mb-quoted.csv"
{ printf 'alias: A01\nnotes: "'; cat "$T/10mb"; } >"$gen/yaml-10mb-unclosed.yaml"
rm -f "$T/10mb"
deep() {	# deep OPEN CLOSE: 10,000 of each
	awk -v o="$1" -v c="$2" 'BEGIN { for (i = 0; i < 10000; i++)
	    printf "%s", o; printf "x"; for (i = 0; i < 10000; i++)
	    printf "%s", c }'
}
{ printf 'alias: A01\npresent: '; deep '[' ']'; echo; } >"$gen/yaml-deep-flow-list.yaml"
{ printf 'alias: A01\nnotes: '; deep '{a: ' '}'; echo; } >"$gen/yaml-deep-flow-map.yaml"
{ deep '- ' ''; echo; } >"$gen/yaml-deep-block-list.yaml"
{ printf 'alias: A01\nthemes:\n'; deep '- {t: [' ']}'; echo; } \
    >"$gen/yaml-deep-records.yaml"
{ printf 'alias: A01\nnotes: '; deep '[' ''; echo; } >"$gen/yaml-deep-unclosed.yaml"
# An encoding error far into the input, past what the reader keeps.
awk 'BEGIN { print "alias: A01"; for (i = 0; i < 20000; i++)
    print "# a comment line to be skipped"; printf "notes: \377\n" }' \
    >"$gen/yaml-invalid-utf8-far.yaml"
DIR=$T
while read -r own cmd args; do
	for spec in yaml-10mb-field.yaml:2 csv-10mb-field.csv:2 \
	    csv-10mb-quoted.csv:2 yaml-10mb-unclosed.yaml:2 \
	    yaml-deep-flow-list.yaml:2 yaml-deep-flow-map.yaml:2 \
	    yaml-deep-block-list.yaml:1 yaml-deep-records.yaml:3 \
	    yaml-deep-unclosed.yaml:2 yaml-invalid-utf8-far.yaml:20002; do
		check_file "$cmd:" "gen/${spec%:*}" "${spec#*:}" "$cmd" $args
	done
done <"$T/readers"

# What is only text may hold anything, and is stored as it came.
cat >"$T/inj.yaml" <<'EOF2'
alias: A01
notes: "Robert'); DROP TABLE person;-- $(rm -rf ~) `id` <script>x</script> %s%n ../../etc/passwd +cmd|' /C calc'!A0"
EOF2
run ally-add "$T/inj.yaml"
is "$rc" 0 "injection strings in free text are accepted"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person")" 16 \
    "every member still there"
is "$(sqlite3 "$ALLY_DB" "SELECT notes FROM person WHERE alias = 'A01'")" \
    "$(sed -n 's/^notes: "\(.*\)"$/\1/p' "$T/inj.yaml")" \
    "and the text is stored byte for byte"
is "$(sqlite3 "$ALLY_DB" "PRAGMA integrity_check")" ok "integrity ok"

n=$(grep -vc '^#' "$BAD/LINES")
ok $([ "$n" -ge 150 ]; echo $?) "the corpus holds $n files (at least 150)"

done_testing
