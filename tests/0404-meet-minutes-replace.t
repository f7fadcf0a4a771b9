#!/bin/sh
# meet-minutes -r: minutes recorded anew.  Attendance is replaced; themes
# and actions when the minutes list them (an empty list clears them).
# Actions listed by id keep their id and what action-track did to them;
# an old printed copy cannot undo a later change (the revision).
. "$(dirname "$0")/lib.sh"
MM="$FIX/meet-minutes"

q() { sqlite3 "$ALLY_DB" "$1"; }

ALLY_TODAY=2026-12-15 newdb Middelburg
ALLY_TODAY=2026-12-15 ally-add -q "$EXAMPLES/members.yaml"
export ALLY_TODAY=2027-11-20
meet-minutes -q "$MM/recorded.yaml"
is "$?" 0 "minutes recorded"
id=$(q "SELECT id FROM meeting")

# Corrected: A04 was there after all, one more action, a changed theme.
cat >"$T/fix.yaml" <<IN
meeting: $id
chair: M01
present: [A01, A02, A03, A04, P01, M01]
themes:
  - theme: poverty
    tension: 2
    trend: steady
actions:
  - id: 1
    title: Extra debt counselling evenings, also in the library
    party: municipality
    owner: M02
    due: 2027-10-31
  - title: Job fair with the food bank
    party: ally
    owner: A09
    due: 2027-12-01
IN
before=$(dbdump)
run meet-minutes -N "$T/fix.yaml"
is "$rc" 65 "without -r, recorded minutes are refused"
run meet-minutes -N -r -f csv "$T/fix.yaml"
is "$rc" 0 "a dry run of the replacement"
like "$(printf '%s\n' "$out" | tr -d '\r')" "^$id,2027-09-14,replaced,6,0,9,0,1,2," "shows what it would do"
is "$(dbdump)" "$before" "and writes nothing"
run meet-minutes -r -q "$T/fix.yaml"
is "$rc" 0 "minutes replaced"
is "$(q "SELECT presence FROM attendance a JOIN person p ON p.id = a.person_id WHERE p.alias = 'A04'")" \
    present "attendance replaced"
is "$(q "SELECT theme, tension, trend, basis IS NULL FROM signal")" "poverty|2|steady|1" \
    "themes replaced"
is "$(q "SELECT id, title FROM action ORDER BY id")" "1|Extra debt counselling evenings, also in the library
2|Job fair with the food bank" "the action listed by id is kept and changed, a new one added"
is "$(q "SELECT location, host FROM meeting")" "Stadhuis Middelburg|municipality" \
    "what the minutes leave out of the meeting stays"

# Closed since (action-track), then the same minutes again: still closed.
q "UPDATE action SET status = 'done', closed = '2027-10-20', revision = revision + 1 WHERE id = 2"
meet-minutes -l -m "$id" >"$T/copy.yaml"
like "$(cat "$T/copy.yaml")" "status: done" "the printed minutes show the action done"
run meet-minutes -r -q "$T/copy.yaml"
is "$rc" 0 "fed back unchanged"
is "$(q "SELECT status, closed FROM action WHERE id = 2")" "done|2027-10-20" "it stays done"

# Changed after the copy was printed: the copy may not undo that.
q "UPDATE action SET title = 'Job fair with the food bank, in the library', revision = revision + 1 WHERE id = 2"
before=$(dbdump)
run meet-minutes -r -q "$T/copy.yaml"
is "$rc" 65 "an old copy is refused"
like "$errout" "revision: action 2 was changed after this copy was printed" "for the revision"
is "$(dbdump)" "$before" "nothing written"

# Themes and actions left out stay; an empty list clears them.
printf 'meeting: %s\npresent: [A01, M01]\nchair: M01\n' "$id" >"$T/att.yaml"
run meet-minutes -r -q "$T/att.yaml"
is "$(q "SELECT (SELECT count(*) FROM signal), (SELECT count(*) FROM action), (SELECT count(*) FROM attendance WHERE presence = 'present')")" \
    "1|2|2" "minutes without themes and actions keep them"
printf 'meeting: %s\npresent: [A01, M01]\nthemes: []\nactions:\n  - id: 1\n    title: Extra evenings\n    party: municipality\n    owner: M02\n    due: 2027-10-31\n' "$id" >"$T/clear.yaml"
run meet-minutes -r -q "$T/clear.yaml"
is "$rc" 0 "minutes with an empty list of themes and one action"
is "$(q "SELECT (SELECT count(*) FROM signal), (SELECT group_concat(id) FROM action)")" "0|1" \
    "clear the themes and drop the actions no longer listed"

# A new date moves the meeting: its calendar sequence goes up.
seq=$(q "SELECT sequence FROM meeting WHERE id = $id")
printf 'meeting: %s\ndate: 2027-09-15\npresent: [A01, M01]\n' "$id" >"$T/move.yaml"
run meet-minutes -r -q "$T/move.yaml"
is "$(q "SELECT date, sequence - $seq FROM meeting WHERE id = $id")" "2027-09-15|1" \
    "a meeting held on another day than planned: date and sequence updated"

# One rule with meet-plan -u: what a calendar shows raises the sequence
# (the meal, the chair), notes alone do not.
seq=$(q "SELECT sequence FROM meeting WHERE id = $id")
printf 'meeting: %s\npresent: [A01, M01]\nnotes: Only the notes are new.\n' "$id" >"$T/notes.yaml"
run meet-minutes -r -q "$T/notes.yaml"
is "$(q "SELECT sequence - $seq, notes FROM meeting WHERE id = $id")" \
    "0|Only the notes are new." "new notes: the sequence stays"
printf 'meeting: %s\npresent: [A01, M01]\nmeal: no\n' "$id" >"$T/meal.yaml"
run meet-minutes -r -q "$T/meal.yaml"
is "$(q "SELECT meal, sequence - $seq FROM meeting WHERE id = $id")" "0|1" \
    "no meal after all: the invitation's description changed, sequence + 1"
printf 'meeting: %s\npresent: [A01, M01, A02]\nchair: A02\nmeal: no\n' "$id" >"$T/chair.yaml"
run meet-minutes -r -q "$T/chair.yaml"
is "$(q "SELECT sequence - $seq FROM meeting WHERE id = $id")" "2" \
    "another chair: sequence + 1"
done_testing
