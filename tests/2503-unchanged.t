#!/bin/sh
# A listing fed back unchanged is reported "unchanged" by every command
# (issue 22, 6): report-sentiment said "updated" for every signal and
# meet-minutes "replaced"; and the themes of meet-minutes -V themes carry
# their ids, so that report-sentiment -r corrects them instead of
# storing them a second time.  Every person here is invented.
. "$(dirname "$0")/lib.sh"
MM="$FIX/meet-minutes"

# changes OUTPUT: the distinct "change" values of YAML results.
changes() {
	printf '%s\n' "$1" | sed -n "s/^ *change: *'*\([a-z]*\)'*$/\1/p" |
	    sort -u | tr '\n' ' '
}

export ALLY_TODAY=2026-12-15
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
meet-minutes -q "$MM/minutes-2027.yaml"
printf -- '- date: 2027-11-01\n  theme: trust\n  tension: 1\n  source: A01\n  summary: "Rust; \"stil\""\n- date: 2027-11-02\n  theme: youth\n  tension: 3\n  trend: rising\n  basis: evidenced\n  source: A02\n' |
    report-sentiment -u -q

# ---- report-sentiment ---------------------------------------------------------
for f in yaml csv; do
	report-sentiment -l -f $f >"$T/signals.$f"
	before=$(dbdump)
	run report-sentiment -u -f yaml -F $f "$T/signals.$f"
	is "$rc:$(changes "$out")" "0:unchanged " \
	    "report-sentiment -u fed its $f listing: every signal unchanged"
	is "$(dbdump)" "$before" "and nothing written ($f)"
done
sed 's/^  tension: 1$/  tension: 2/' "$T/signals.yaml" >"$T/edited.yaml"
ones=$(grep -c '^  tension: 1$' "$T/signals.yaml")
all=$(grep -c '^- id:' "$T/signals.yaml")
run report-sentiment -u -f yaml "$T/edited.yaml"
is "$(printf '%s\n' "$out" | sed -n 's/^ *change: //p' | sort | uniq -c |
    awk '{ print $2 "=" $1 }' | tr '\n' ' ')" \
    "unchanged=$((all - ones)) updated=$ones " \
    "the edited signals updated ($ones), the others not"

# ---- meet-minutes ----------------------------------------------------------------
meet-minutes -l >"$T/minutes.yaml"
before=$(dbdump)
run meet-minutes -r -f yaml "$T/minutes.yaml"
is "$rc:$(changes "$out")" "0:unchanged " \
    "meet-minutes -r fed its listing: every meeting unchanged"
is "$(dbdump)" "$before" "nothing written: not the themes' ids, not the meetings' time of change"
meet-minutes -l -f csv -V meetings >"$T/minutes.csv"
run meet-minutes -r -f yaml -F csv "$T/minutes.csv"
is "$rc:$(changes "$out")" "0:unchanged " "and its CSV listing too"
sed '0,/^  tension: 2$/s//  tension: 3/' "$T/minutes.yaml" >"$T/edited.yaml"
run meet-minutes -r -f yaml "$T/edited.yaml"
is "$(changes "$out")" "replaced unchanged " \
    "edited minutes replaced, the others unchanged"

# ---- the themes view fed to report-sentiment ----------------------------------------
n=$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM signal")
meet-minutes -l -V themes >"$T/themes.yaml"
like "$(sed -n 2p "$T/themes.yaml")" "^- id: [0-9]+$" "the themes view has ids"
run report-sentiment -r -f yaml "$T/themes.yaml"
is "$rc:$(changes "$out")" "0:unchanged " \
    "the themes view fed to report-sentiment -r: unchanged"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM signal")" "$n" \
    "no signal duplicated"
meet-minutes -l -V themes -f csv | report-sentiment -r -q -F csv
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM signal")" "$n" \
    "nor from its CSV"

# ---- the other commands say so already ---------------------------------------------
ally-add -l >"$T/members.yaml"
run ally-add -f yaml "$T/members.yaml"
is "$(changes "$out")" "unchanged " "ally-add"
action-track -l >"$T/actions.yaml"
run action-track -u -f yaml "$T/actions.yaml"
is "$(changes "$out")" "unchanged " "action-track"
meet-plan -l >"$T/meetings.yaml"
run meet-plan -u -f yaml "$T/meetings.yaml"
is "$(changes "$out")" "unchanged " "meet-plan"

done_testing
