#!/bin/sh
# Input that never ends, or that one person gives twice (issue 23; a
# hostile review): a CSV line longer than a megabyte (a line of
# /dev/zero took all memory before it was seen as one), a YAML value
# that does not end within a megabyte (libyaml builds it whole first), a
# list of more than ten thousand items (a 9 MB list took 1.5 GB) are
# refused, 65, at the line; a directory given as YAML is a read error,
# 74, as it is for CSV; and ally-add refuses a member given twice in one
# input (a new member's alias given again merged two people into one).
# Numbers are read as numbers: a share "0x10" or "1e1" is no percentage
# (strtod took them), a Dutch "18,5" is; a revision "02" is revision 2.
# A CSV field after a quoted value over several lines is said at its own
# line, not at the row's first.  A YAML quoted first key is YAML, not
# CSV; a folded block's line break at the end is said to be that.
. "$(dirname "$0")/lib.sh"
export ALLY_TODAY=2027-06-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"

head -c 3000000 /dev/zero >"$T/zero"
run ally-add -F csv "$T/zero"
is "$rc" 65 "3 MB of NUL bytes as CSV: 65"
is "$errout" "ally-add: $T/zero:1: a line of more than 1048576 bytes" \
    "3 MB of NUL bytes as CSV: a line too long, at line 1"

{ printf -- '- name: Noor Bakker\n  role: ally\n  notes: "a'
  head -c 2000000 /dev/zero | tr '\0' a; printf '"\n'; } >"$T/long.yaml"
run ally-add "$T/long.yaml"
is "$rc" 65 "a YAML value of 2 MB: 65"
like "$errout" "^ally-add: $T/long\\.yaml:[0-9]+: value too long \\(a megabyte without the end of a value\\)$" \
    "a YAML value of 2 MB: stopped after a megabyte"

mdate=$(printf 'date: 2027-06-10\n' >"$T/m.yaml")
{ printf 'date: 2027-06-10\npresent: ['
  i=0
  while [ $i -lt 10000 ]; do printf 'A01, '; i=$((i + 1)); done
  printf 'A02]\n'; } >"$T/list.yaml"
run meet-minutes "$T/list.yaml"
is "$rc" 65 "a list of 10,001 items: 65"
like "$errout" "list\\.yaml:2: present: a list of more than ten thousand items" \
    "a list of 10,001 items: says so"

mkdir "$T/dir.yaml"
run ally-add "$T/dir.yaml"
is "$rc" 74 "a directory as YAML: 74"
is "$errout" "ally-add: $T/dir.yaml: Is a directory" "a directory as YAML: why"

printf -- '- name: Piet Testman\n  role: police\n- alias: P03\n  name: Jan Testman\n  role: police\n' >"$T/twice.yaml"
run ally-add "$T/twice.yaml"
is "$rc" 65 "a new member's alias given again: 65"
is "$errout" "ally-add: $T/twice.yaml:3: alias: member P03 is given twice in the input (first at line 1): two records would become one person" \
    "a new member's alias given again: says where"
printf 'alias,name,role\nX1,Piet Testman,ally\nX1,Jan Testman,ally\n' >"$T/twice.csv"
run ally-add "$T/twice.csv"
is "$rc" 65 "one new alias on two rows: 65"
like "$errout" "twice\\.csv:3: alias: member X1 is given twice in the input \\(first at line 2\\)" \
    "one new alias on two rows: says where"
printf 'alias,phone\nA01,0612345678\nA02,0612345679\n' >"$T/two.csv"
run ally-add "$T/two.csv"
is "$rc" 0 "two members once each: exit 0"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE name LIKE '%Testman'")" 0 \
    "nothing of the refused inputs stored"

for v in 0x10 1e1 1e-400; do
	printf 'dimension,group,share\ngender,f,%s\n' "$v" >"$T/share.csv"
	run ally-review -T "$T/share.csv"
	is "$rc" 65 "a share of $v: 65"
done
printf 'dimension;group;share\ngender;f;18,5\n' >"$T/comma.csv"
run ally-review -T "$T/comma.csv"
is "$rc" 0 "a share of 18,5 (Dutch Excel): read"
like "$errout" "add up to 18\\.5%" "a share of 18,5: as 18.5"
printf -- '- title: Talk with the school\n  party: police\n  owner: P01\n  due: 2027-07-01\n' |
    action-track -a -q
id=$(sqlite3 "$ALLY_DB" "SELECT max(id) FROM action")
printf 'id,revision,status\n%s,01,done\n' "$id" >"$T/rev.csv"
run action-track -u "$T/rev.csv"
is "$rc" 0 "revision 01 of an action at revision 1: taken"
is "$(sqlite3 "$ALLY_DB" "SELECT status FROM action WHERE id = $id")" done \
    "revision 01: the edit stored"
printf 'name,role,notes,sector\nPiet Testman,ally,"line1\nline2\nline3",culturx\n' >"$T/lines.csv"
run ally-add "$T/lines.csv"
like "$errout" "^ally-add: $T/lines\\.csv:4: sector: 'culturx' is not one of" \
    "a field after a value of three lines: at line 4"
printf '"name": Piet Testman\n"role": police\n' >"$T/quoted.yaml"
run ally-add -N "$T/quoted.yaml"
is "$rc" 0 "YAML whose first key is quoted: read as YAML"
printf 'name: Piet Testman\nrole: police\ncommunity: >\n  the market\n  square\n' >"$T/folded.yaml"
run ally-add -N "$T/folded.yaml"
like "$errout" "folded\\.yaml:3: community: a line break at the end \\(in YAML, write a folded block as >- or \\|-\\)$" \
    "a folded block's final line break: said so"
# A CSV value refused names its column; a text too long says the limit.
printf 'name,role,notes\nPiet Testman,ally,"a\000b"\n' >"$T/nul.csv"
run ally-add -N "$T/nul.csv"
is "$errout" "ally-add: $T/nul.csv:2: notes: NUL byte in value" "a NUL byte: the column named"
printf 'name: %s\nrole: ally\n' "$(printf '%0201d' 0)" >"$T/name.yaml"
run ally-add -N "$T/name.yaml"
is "$errout" "ally-add: $T/name.yaml:1: name: too long (at most 200 bytes)" \
    "a name too long: the limit said"
# Excel's "sep=;" line chooses the delimiter; a YAML tag outside the
# core schema (!!binary, !!python/object) is refused, not stored as text.
printf 'sep=;\r\nname;role;notes\r\nPiet Testman;police;a, b\r\n' >"$T/sep.csv"
run ally-add -N "$T/sep.csv"
is "$rc" 0 "a CSV file with Excel's sep=; line: read"
printf 'name: !!binary SGVsbG8=\nrole: ally\n' >"$T/tag.yaml"
run ally-add -N "$T/tag.yaml"
is "$rc:$errout" "65:ally-add: $T/tag.yaml:1: column 7: tag tag:yaml.org,2002:binary is not accepted (the fields are text, numbers and dates)" \
    "a !!binary value: refused"
printf 'name: !!str Piet Testman\nrole: police\n' >"$T/str.yaml"
run ally-add -N "$T/str.yaml"
is "$rc" 0 "a !!str value: taken"
done_testing
