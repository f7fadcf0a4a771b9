#!/bin/sh
# 0903-crash: a kill -9 in the middle of a large import leaves the
# database exactly as before; a full standard output or a full disk ends
# in exit 74 with nothing written.
. "$(dirname "$0")/lib.sh"

newdb Middelburg
ally-add "$EXAMPLES/members.yaml" >/dev/null
before=$(dbdump)

# Police and municipality staff do not count against the 15 allies, so
# an import can be as large as we like: 4,000 members, 1 MB and more.
awk 'BEGIN { for (i = 1; i <= 4000; i++) printf "- role: police\n" \
    "  alias: K%d\n  function: officer of district %d\n  notes: \"%s\"\n",
    i, i, sprintf("%0250d", i) }' >"$T/big.yaml"
ok $([ "$(wc -c <"$T/big.yaml")" -gt 1000000 ]; echo $?) "the import is over 1 MB"

# The importer reads from a FIFO that we hold open: once all of the
# file has been written into it, the importer has read all but what
# the pipe and its buffers hold, so it is inside its transaction with
# thousands of records applied, waiting for more.  No sleep, no race.
mkfifo "$T/fifo"
ally-add -q <"$T/fifo" >"$T/imp.out" 2>&1 &
pid=$!
exec 3>"$T/fifo"
cat "$T/big.yaml" >&3
run sqlite3 -cmd ".timeout 0" "$ALLY_DB" "BEGIN IMMEDIATE; ROLLBACK;"
like "$errout" "locked" "the import holds its write transaction"
kill -9 "$pid"
wait "$pid" 2>/dev/null	# not the shell's "Killed" notice
is "$?" 137 "the importer died of SIGKILL"
exec 3>&-
is "$(dbdump)" "$before" "the database is exactly as before the import"
is "$(sqlite3 "$ALLY_DB" "PRAGMA integrity_check")" ok "integrity ok"
run ally-add -q "$T/big.yaml"
is "$rc" 0 "the same import, run again, succeeds"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person WHERE alias LIKE 'K%'")" \
    4000 "and lands whole"

# A full standard output: exit 74, said on stderr.
for cmd in "ally-add -l" "ally-add -l -f csv" "ally-add -l -f text"; do
	run sh -c "$cmd >/dev/full"
	is "$rc" 74 "$cmd >/dev/full: exit 74"
	like "$errout" "^ally-add: .*(No space left|write error|standard output)" \
	    "$cmd >/dev/full: says why"
done
for cmd in ally-add action-track report-sentiment meet-minutes meet-plan \
    ally-review; do
	[ -f "$TOP/bin/$cmd.c" ] || continue
	run sh -c "$cmd --help >/dev/full"
	is "$rc" 74 "$cmd --help >/dev/full: exit 74"
	run sh -c "$cmd --version >/dev/full"
	is "$rc" 74 "$cmd --version >/dev/full: exit 74"
done
# The report of the records fails before the commit: nothing stored, so
# that the same command again stores them once (tests/2600: every mode).
newdb Middelburg
run sh -c "ally-add '$EXAMPLES/members.yaml' >/dev/full"
is "$rc" 74 "ally-add >/dev/full: exit 74"
is "$(sqlite3 "$ALLY_DB" "SELECT count(*) FROM person")" 0 \
    "nothing committed"

# A full disk: the database on a small tmpfs, an import larger than the
# space left.  Needs root (mount); elsewhere the case is skipped.
mnt=$T/full
mkdir -p "$mnt"
if mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null; then
	trap 'umount "$mnt" 2>/dev/null; rm -rf "$T"' EXIT
	export ALLY_DB="$mnt/ally.db"
	ally-add --create -n Middelburg "$EXAMPLES/members.yaml" >/dev/null
	before=$(dbdump)
	run ally-add -q "$T/big.yaml"
	is "$rc" 74 "import onto a full disk: exit 74"
	like "$errout" "^ally-add: .*(full|space)" "and says the disk is full"
	is "$(dbdump)" "$before" "nothing of the import was written"
	is "$(sqlite3 "$ALLY_DB" "PRAGMA integrity_check")" ok \
	    "integrity ok on the full disk"
	umount "$mnt"
else
	echo "ok $((_n + 1)) # skip no tmpfs: mount needs root"
	_n=$((_n + 1))
fi

done_testing
