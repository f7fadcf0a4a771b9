#!/bin/sh
# The member-name check on every free text that is stored: an action's
# title and note (action-track -a, -u), a signal's summary
# (report-sentiment -r), a review's note (ally-review -u) and minutes
# (meet-minutes).  A member's real name, whole or the family name, in
# any case and with or without accents, is refused with exit 65 and the
# alias to write, and nothing is written; --allow-names lets it through,
# says how many names on stderr and writes it in the audit log.  Venues
# keep no notes (a name and an address), so meet-plan stores no such
# text.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20

# Every member's name and family name, to show they are never printed.
sed -n 's/^- name: //p' "$EXAMPLES/members.yaml" >"$T/names"
sed 's/^[^ ]* //' "$T/names" >>"$T/names"

hint() {	# hint ALIAS: the end of the diagnostic
	echo "holds the name of member $1; ally records developments, not persons: write $1 instead (or record with --allow-names)"
}

# refused CMD TABLE FILE LINE FIELD ALIAS: CMD exits 65 with the
# diagnostic, never the name, and no row of TABLE (nothing at all) is
# written.
refused() {
	_cmd=$1 _table=$2 _file=$3 _line=$4 _field=$5 _alias=$6
	shift 6
	_rows=$(q "SELECT count(*) FROM $_table")
	_before=$(dbdump)
	run "$_cmd" "$@" "$_file"
	is "$rc" 65 "$_cmd $*: $_field refused"
	is "$errout" "$_cmd: $_file:$_line: $_field: $(hint "$_alias")" \
	    "  the line, the field and the alias $_alias"
	is "$(printf '%s\n' "$errout" | grep -c -i -F -f "$T/names")" 0 \
	    "  never the name itself"
	is "$(q "SELECT count(*) FROM $_table")" "$_rows" \
	    "  no $_table row written"
	is "$(dbdump)" "$_before" "  nothing written at all"
}

# allowed CMD TABLE FILE COUNT WHAT: with --allow-names one more row of
# TABLE, the note on stderr and the audit entry.
allowed() {
	_cmd=$1 _table=$2 _file=$3 _count=$4 _what=$5 _audit=$6
	shift 6
	_rows=$(q "SELECT count(*) FROM $_table")
	run "$_cmd" "$@" -N --allow-names "$_file"
	is "$rc" 0 "$_cmd $* -N --allow-names: exit 0"
	like "$errout" "^$_cmd: $_count member names? let through \(--allow-names\)$" \
	    "  a dry run says how many, no audit log"
	is "$(q "SELECT count(*) FROM $_table")" "$_rows" "  and writes nothing"
	run "$_cmd" "$@" -q --allow-names "$_file"
	is "$rc" 0 "$_cmd $* --allow-names: exit 0"
	like "$errout" "^$_cmd: $_count member names? let through \(--allow-names\); the audit log says so$" \
	    "  says how many, and where it is written down"
	is "$(q "SELECT count(*) FROM $_table")" $((_rows + 1)) \
	    "  the $_table row is written"
	is "$(q "SELECT command, network, what, count FROM audit WHERE
	    command = '$_audit --allow-names' ORDER BY id DESC LIMIT 1")" \
	    "$_audit --allow-names|Middelburg|$_what|$_count" \
	    "  the audit log has it"
}

# ---- action titles and notes (action-track -a, -u) -----------------------------
action() {	# action TITLE [NOTE]
	printf 'title: "%s"\nparty: police\nowner: P01\ndue: 2027-12-01\n' \
	    "$1" >"$T/a.yaml"
	[ $# -lt 2 ] || printf 'note: "%s"\n' "$2" >>"$T/a.yaml"
}
action "Call Yildiz about the shop"
refused action-track action "$T/a.yaml" 1 title A04 -a
action "Call YILDIZ about the shop"
refused action-track action "$T/a.yaml" 1 title A04 -a
action "Call Hakan Yıldız about the shop"
refused action-track action "$T/a.yaml" 1 title A04 -a
action "Talk with the shopkeepers" "ask mevrouw DE BUCK first"
refused action-track action "$T/a.yaml" 5 note A09 -a
action "Talk with the shopkeepers" "ask Zoe Lambrechts and van oosten"
refused action-track action "$T/a.yaml" 5 note A03 -a
action "Talk with the shopkeepers" "Fatima and Noor are common names"
run action-track -a -q "$T/a.yaml"
is "$rc" 0 "a given name alone is no name"
action "Call Yildiz about the shop" "with Dekker"
allowed action-track action "$T/a.yaml" 2 "member names let through in actions" \
    action-track -a

# -u: a changed title or note is checked; the text an action had is not.
id=$(q "SELECT max(id) FROM action")
printf 'id: %s\nnote: "Dekker will call back"\n' "$id" >"$T/u.yaml"
refused action-track action "$T/u.yaml" 2 note P01 -u
printf 'id: %s\ntitle: "Call Yildiz about the shop"\nnote: "the shop"\n' \
    "$id" >"$T/u.yaml"
run action-track -u -q "$T/u.yaml"
is "$rc" 0 "-u: a title let through before, fed back unchanged, passes"
is "$errout" "" "  and no name is counted"
is "$(q "SELECT note FROM action WHERE id = $id")" "the shop" \
    "  the new note is stored"
action-track -f csv >"$T/all.csv"
run action-track -u -q "$T/all.csv"
is "$rc" 0 "-u: the whole list printed and fed back passes"

# ---- signal summaries (report-sentiment -r) --------------------------------------
signal() {	# signal SUMMARY
	printf 'date,theme,tension,trend,basis,source,summary\n'
	printf '2027-11-01,trust,1,steady,experienced,A02,the market was calm\n'
	printf '2027-11-02,trust,1,steady,experienced,A02,"%s"\n' "$1"
}
signal "the shop of HAKAN YILDIZ was hit" >"$T/s.csv"
refused report-sentiment signal "$T/s.csv" 3 summary A04 -r
signal "the shop of Yildiz was hit" >"$T/s.csv"
refused report-sentiment signal "$T/s.csv" 3 summary A04 -r
signal "Mrs el-idrissi spoke" >"$T/s.csv"
refused report-sentiment signal "$T/s.csv" 3 summary A01 -r
printf 'date,theme,tension,trend,basis,source,summary\n2027-11-02,trust,1,steady,experienced,A02,the shop of Yildiz was hit\n' \
    >"$T/s.csv"
allowed report-sentiment signal "$T/s.csv" 1 \
    "member names let through in signals" "report-sentiment -r" -r
run report-sentiment -l --allow-names
is "$rc" 64 "--allow-names goes with -r only"

# ---- review notes (ally-review -u) -----------------------------------------------
printf 'alias: A02\ndecision: talk\nnote: "Talk with Dekker first"\n' \
    >"$T/r.yaml"
refused ally-review review "$T/r.yaml" 3 note P01 -u
printf 'alias: A02\ndecision: talk\nnote: "Talk with marieke dekker first"\n' \
    >"$T/r.yaml"
refused ally-review review "$T/r.yaml" 3 note P01 -u
allowed ally-review review "$T/r.yaml" 1 \
    "member names let through in review notes" "ally-review -u" -u
run ally-review -u -q "$T/r.yaml"
is "$rc" 0 "the same decision and note fed back again pass"
run ally-review --allow-names
is "$rc" 64 "--allow-names goes with -u only"
run action-track --allow-names
is "$rc" 64 "action-track --allow-names goes with -u or -a only"

# ---- minutes (meet-minutes): their own words, as tests/0403 shows -----------------
printf 'date: 2027-10-12\npresent: [A01, P01]\nnotes: "Ask ZOË about it"\n' \
    >"$T/m.yaml"
run meet-minutes "$T/m.yaml"
is "$rc" 0 "a given name alone passes in minutes too"
printf 'date: 2027-10-19\npresent: [A01, P01]\nactions:\n  - title: Call Yildiz\n    party: police\n    owner: P01\n    due: 2027-11-01\n' \
    >"$T/m.yaml"
before=$(dbdump)
run meet-minutes "$T/m.yaml"
is "$rc" 65 "minutes: an action title refused"
is "$errout" "meet-minutes: $T/m.yaml:4: title: holds the name of member A04; minutes are about developments, not persons: write A04 instead (or record with --allow-names)" \
    "  in the words of minutes"
is "$(dbdump)" "$before" "  nothing written"
run meet-minutes -q --allow-names "$T/m.yaml"
is "$rc" 0 "minutes: --allow-names"
is "$errout" "meet-minutes: 1 member name let through (--allow-names); the meeting and the audit log say so" \
    "  counted once, where the action is stored"
done_testing
