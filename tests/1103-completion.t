#!/bin/bash
# Bash completion (bin/ally.bash, made from bin/ally.bash.in with the
# field tables' value lists) of the six commands: options from its
# table, which must agree with each command's getopt_long table and
# --help; formats after -f; network names (ally-add -W) and aliases
# (ally-add -l -f csv) from the database of the line being completed;
# installed by make install.  And ally-add -W itself: the networks of
# the file as records, counts only, no identity.
. "$(dirname "$0")/lib.sh"
CMDS="ally-add meet-plan meet-minutes action-track ally-review report-sentiment"
q() { sqlite3 "$ALLY_DB" "$1"; }

newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
ally-add --create -n Veere -q "$EXAMPLES/members-veere.csv"
two="Schouwen Duiveland"
ally-add --create -n "$two" -q "$EXAMPLES/members.yaml"
printf 'alias: A04\nstatus: left\nleft: 2027-01-10\n' |
    ally-add -q -n Middelburg

# ---- ally-add -W ---------------------------------------------------------------
run ally-add -W
is "$rc" 0 "-W: exit 0"
is "$errout" "" "-W: nothing on stderr"
is "$(printf '%s\n' "$out" | grep -c '^- name: ')" 3 "-W: one yaml record a network"
run ally-add -W -f csv
is "$(printf '%s\n' "$out" | sed -n 1p | tr -d '\r')" \
    "name,allies,members,created" "-W -f csv: the fields"
want=$(q "SELECT n.name || ',' ||
    (SELECT count(*) FROM person p WHERE p.network_id = n.id AND
     p.role = 'ally' AND p.status IN ('candidate', 'active')) || ',' ||
    (SELECT count(*) FROM person p WHERE p.network_id = n.id AND
     p.status <> 'left') || ',' || n.created
    FROM network n ORDER BY n.name")
is "$(printf '%s\n' "$out" | sed 1d | tr -d '\r')" "$want" \
    "-W -f csv: by name, allies and members counted"
like "$(printf '%s\n' "$out" | grep '^Middelburg,')" "^Middelburg,11,15," \
    "-W: 12 allies less one who left; 16 members less one"
run ally-add -W -f text
like "$(printf '%s\n' "$out" | sed -n 1p)" "^name +allies +members +created$" \
    "-W -f text: a header"
like "$out" "Schouwen Duiveland +12 +16 +20[0-9-]+" "-W -f text: a row"
# No identity, whatever the format.
sed -n 's/^-\{0,1\} *\(name\|phone\|email\): *//p' "$EXAMPLES/members.yaml" \
    >"$T/forbid"
/usr/bin/python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    for k in ("name", "phone", "email"):
        if r[k]:
            print(r[k])' "$EXAMPLES/members-veere.csv" >>"$T/forbid"
for f in yaml csv text; do
	ally-add -W -f "$f" >"$T/w.$f"
	is "$(grep -cFf "$T/forbid" "$T/w.$f")" 0 \
	    "-W -f $f: no name, phone or e-mail ($(wc -l <"$T/forbid") checked)"
done
is "$(grep -c '^[- ]*[a-z_]*:' "$T/w.yaml")" 12 "-W: four fields a record, no more"
for f in ics vcard mail svg; do
	run ally-add -W -f "$f"
	is "$rc" 64 "-W -f $f: usage"
	is "$out" "" "-W -f $f: nothing printed"
done
run ally-add -W -n Middelburg
is "$rc" 64 "-W -n: usage (it lists every network)"
run ally-add -W -l
is "$rc" 64 "-W with -l: usage"
run ally-add -W -d "$T/none.db"
is "$rc" 66 "-W without a database: 66"
ally-add -W >/dev/full 2>/dev/null
is "$?" 74 "-W to a full disk: 74"
ALLY_DB="$T/other.db" ally-add --create -n Vlissingen -q
is "$(ally-add -W -f csv -d "$T/other.db" | sed 1d | cut -d, -f1)" \
    Vlissingen "-W -d: another file's networks"
audit0=$(q "SELECT count(*) FROM audit")

# ---- completion ------------------------------------------------------------------
. "$TOP/bin/ally.bash"
is "$(complete -p meet-plan 2>&1)" "complete -F _ally_complete meet-plan" \
    "sourcing registers the completion function"

# comp WORD...: complete the last word; the sorted COMPREPLY, one line.
# comp_at N WORD...: complete word N (the command is word 0).
comp_at() {
	local i
	COMP_CWORD=$1
	shift
	COMP_WORDS=("$@")
	COMP_LINE="$*"
	COMP_POINT=0
	for ((i = 0; i <= COMP_CWORD; i++)); do
		COMP_POINT=$((COMP_POINT + ${#COMP_WORDS[i]} + (i > 0)))
	done
	COMPREPLY=()
	_ally_complete
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
comp() { comp_at $(($# - 1)) "$@"; }

# The table against the commands: every long and short option that
# --help lists (it is generated from the command's option table, opt.c)
# is the completion's, and no other.
for c in $CMDS; do
	help=$("$TOP/bin/$c" --help)
	long=$(printf '%s\n' "$help" | grep -oE -- '^  (-[A-Za-z], |    )--[a-z-]+' |
	    grep -oE -- '--[a-z-]+' | sort -u)
	short=$(printf '%s\n' "$help" | grep -oE -- '^  -[A-Za-z],' |
	    grep -oE -- '-[A-Za-z]' | sort -u)
	tlong=$(_ally_options "$c" | awk '{ print $2 }' | sort -u)
	tshort=$(_ally_options "$c" | awk '$1 != "-" { print $1 }' | sort -u)
	is "$(echo $tlong)" "$(echo $long)" "$c: the table's long options are the command's"
	is "$(echo $tshort)" "$(echo $short)" "$c: the table's short options are the command's"
	miss=
	for o in $("$TOP/bin/$c" --help | grep -oE -- '(^|[[ |(])-[A-Za-z-]+' |
	    sed 's/^[[ |(]//' | sort -u); do
		case $o in
		--*) printf '%s\n' "$tlong" | grep -qx -- "$o" || miss="$miss $o" ;;
		*) for l in $(printf '%s' "${o#-}" | fold -w1); do
			printf '%s\n' "$tshort" | grep -qx -- "-$l" ||
			    miss="$miss -$l"
		   done ;;
		esac
	done
	is "$miss" "" "$c: every option of --help is in the table"
	# Each option whose argument names a format offers that command's.
	like "$(comp "$c" -f '')" "^csv .*yaml$" "$c -f: formats"
done

# The value lists are the field tables' (lib/fields.c): each
# enum:@@NAME@@ of the template is, on the same line of bin/ally.bash,
# the values tools/gencompletion -l gives for NAME, which it reads from
# the tables; and what a command offers is that list.
"$TOP/tools/gencompletion" -l >"$T/lists"
is "$?" 0 "gencompletion -l: the tables' value lists"
n=0 miss=
while IFS= read -r line; do
	n=$((n + 1))
	case $line in
	*enum:@@*@@*) ;;
	*) continue ;;
	esac
	name=${line#*enum:@@}
	name=${name%%@@*}
	vals=$(awk -v k="$name" '$1 == k { print $2 }' "$T/lists")
	[ -n "$vals" ] && [ "$(sed -n "${n}p" "$TOP/bin/ally.bash")" = \
	    "${line%%@@*}$vals${line#*@@*@@}" ] || miss="$miss $name"
done <"$TOP/bin/ally.bash.in"
is "$miss" "" "every enum of the completion is its table's values"
is "$(grep -c 'enum:@@' "$TOP/bin/ally.bash.in")" 8 \
    "eight value lists come from the tables"
is "$(grep -c 'enum:@@' "$TOP/bin/ally.bash")" 0 "bin/ally.bash has them all"
is "$(comp ally-add -s '' | tr ' ' ,)" \
    "$(awk '$1 == "person.status" { print $2 }' "$T/lists" | tr , '\n' |
    sort | paste -sd, -)" "ally-add -s: person.status's values"
is "$(comp report-sentiment -L '')" "0 1 2 3 4" \
    "report-sentiment -L: the tension's range"
is "$(comp action-track -s '')" "done dropped open" \
    "action-track -s: action.status's values"

# Options.
like "$(comp ally-add -)" "(^| )--networks( |$)" "ally-add -: --networks"
like "$(comp ally-add -)" "(^| )-W( |$)" "ally-add -: -W"
is "$(comp action-track --re)" "--reciprocity --remind --reopen" \
    "action-track --re: three"
is "$(comp meet-plan --t)" "--time --to" "meet-plan --t: --time --to"
is "$(comp meet-plan --inv)" "--invite" "meet-plan --inv"
is "$(comp nosuch -)" "" "an unknown command: nothing"

# Formats, in the forms bash splits a word into.
is "$(comp meet-plan -f '')" "csv ics mail text yaml" "meet-plan -f"
is "$(comp action-track --format '')" "csv mail text yaml" \
    "action-track --format"
is "$(comp action-track --format = m)" "mail" "action-track --format=m (split at =)"
is "$(comp action-track --format =)" "csv mail text yaml" \
    "action-track --format= (split at =)"
is "$(comp report-sentiment --format=s)" "--format=svg" \
    "report-sentiment --format=s (one word)"
is "$(comp meet-plan -fi)" "-fics" "meet-plan -fi (glued)"
is "$(comp ally-add -f v)" "vcard" "ally-add -f v: vcard"
is "$(comp meet-minutes -F '')" "csv yaml" "-F: yaml and csv"

# Networks, from the database; a name with a blank quoted for the shell.
is "$(comp meet-plan -n '')" 'Middelburg Schouwen\ Duiveland Veere' \
    "-n: the networks of \$ALLY_DB"
is "$(comp action-track --network Sch)" 'Schouwen\ Duiveland' \
    "--network Sch: quoted"
is "$(comp ally-review -d "$T/other.db" -n '')" "Vlissingen" \
    "-d FILE -n: the networks of that file"
is "$(comp ally-review --db = "$T/other.db" -n '')" "Vlissingen" \
    "--db=FILE -n: the same (split at =)"
is "$(comp_at 2 ally-review -n '' -d "$T/other.db")" "Vlissingen" \
    "-d after the word being completed counts too"
is "$(ALLY_DB="$T/none.db" comp meet-plan -n '')" "" \
    "no database: no names, no error"
is "$(comp meet-plan -d "$T/none.db" -n '' 2>&1)" "" \
    "-d a missing file: nothing, silently"

# Aliases: of -n's network; members who left only for ally-add -E.
want=$(q "SELECT p.alias FROM person p JOIN network n ON n.id = p.network_id
    WHERE n.name = 'Middelburg' AND p.status <> 'left' ORDER BY p.alias" |
    sort | tr '\n' ' ' | sed 's/ $//')
is "$(comp action-track -n Middelburg -o '')" "$want" \
    "action-track -o: the network's aliases, not who left"
unlike "$(comp action-track -n Middelburg -o '')" "A04" "... A04 left"
is "$(comp action-track -n Middelburg --owner A1)" "A10 A11 A12" \
    "action-track --owner A1"
is "$(comp action-track -n Veere -o '')" \
    "$(q "SELECT p.alias FROM person p JOIN network n ON n.id = p.network_id
    WHERE n.name = 'Veere' ORDER BY p.alias" | sort | tr '\n' ' ' |
    sed 's/ $//')" "action-track -n Veere -o: Veere's"
is "$(comp ally-add -n Middelburg -E '')" "A04" \
    "ally-add -E: the members who left, to erase"
is "$(comp ally-add --erase -n Middelburg A0)" "A04" "ally-add --erase A0"
is "$(comp ally-add -E '')" "A04" \
    "ally-add -E without -n: every network's (one file, three networks)"
# Several networks: each listing read on its own, so that the second's
# header is no alias (issue 22).
is "$(comp action-track -o '')" "$(q "SELECT DISTINCT alias FROM person
    WHERE status <> 'left'" | sort | tr '\n' ' ' | sed 's/ $//')" \
    "action-track -o without -n: every network's aliases, no 'alias'"
is "$(ALLY_NETWORK=Veere comp ally-add -E '')" "" \
    "ally-add -E with \$ALLY_NETWORK: that network's (nobody left)"
is "$(comp action-track -d "$T/other.db" -o '')" "" \
    "action-track -d FILE -o: that file's (no members)"

# Other arguments.
is "$(comp report-sentiment -t po)" "polarisation poverty" "--theme: the themes"
is "$(comp action-track -p '')" "ally joint municipality police" "--party"
is "$(comp meet-minutes -V a)" "actions attendance" "--view"
like "$(comp ally-review -o at)" "^attendance=$" "ally-review -o: the limits"
like "$(comp ally-review -X -k con)" "^contacts=$" "ally-review -k: the kinds of text kept"
is "$(comp meet-plan -i '')" "" "--invite DAYS: nothing to offer"
touch "$T/blackouts-2027.yaml"
is "$(comp meet-plan -b "$T/black")" "$T/blackouts-2027.yaml" "-b: files"
is "$(comp meet-plan -u "$T/black")" "$T/blackouts-2027.yaml" "operands: files"
is "$(comp action-track --done "$T/black")" "" "--done ID: no files"
is "$(comp meet-plan -- -)" "" "after --: no options"

# Completing disclosed no identity: the aliases come from ally-add -l,
# which shows community and notes and so is audited (issue 21), but no
# name, phone or e-mail address was listed.
is "$(q "SELECT count(*) FROM audit WHERE command <> 'ally-add -l'")" "$audit0" \
    "completion left no audit entry but the plain listing's"

# ---- make install -------------------------------------------------------------------
# Installs what is built; -o keeps make from rebuilding anything here.
old=
for c in $CMDS; do old="$old -o bin/$c"; done
old="$old -o bin/ally.bash -o tools/gencompletion"
make -s -C "$TOP" $old install DESTDIR="$T/root" PREFIX=/usr \
    >"$T/install.out" 2>&1
ok $? "make install DESTDIR=... PREFIX=/usr"
dir="$T/root/usr/share/bash-completion/completions"
n=0
for c in $CMDS; do
	cmp -s "$dir/$c" "$TOP/bin/ally.bash" && n=$((n + 1))
done
is "$n" 6 "one completion file per command, in bash-completion's directory"
is "$(bash -c ". '$dir/report-sentiment' && complete -p ally-add")" \
    "complete -F _ally_complete ally-add" \
    "the installed file registers every command"
is "$(bash --norc -n "$TOP/bin/ally.bash" 2>&1)" "" "bash -n: the script parses"

done_testing
