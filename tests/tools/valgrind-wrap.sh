#!/bin/sh
# valgrind-wrap.sh LOGDIR PROGRAM...: replace each program by a script
# that runs the real one (moved to .real/ beside it, so that its name in
# diagnostics stays the same) under valgrind.  Every process
# writes its own log in LOGDIR; with -q a log holds only errors and
# leaks, so any non-empty log is a finding, whatever the exit status the
# test looked at.  Used by `make check-valgrind` on a copy of the tree.
# A process whose TMPDIR is unusable runs bare (valgrind needs it).
set -eu
logdir=$(cd "$1" && pwd)
shift
for p in "$@"; do
	[ -f "$p" ] || continue
	real=$(dirname "$p")/.real/$(basename "$p")
	mkdir -p "$(dirname "$real")"
	mv "$p" "$real"
	real=$(cd "$(dirname "$real")" && pwd)/$(basename "$p")
	cat >"$p" <<SCRIPT
#!/bin/sh
# valgrind keeps files of its own in \$TMPDIR and cannot start without
# them: where a test makes TMPDIR no directory to write in (to see a
# command refuse), the command runs without valgrind.
if [ -n "\${TMPDIR:-}" ] && { [ ! -d "\$TMPDIR" ] || [ ! -w "\$TMPDIR" ]; }; then
	exec "$real" "\$@"
fi
exec valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \\
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \\
    --log-file="$logdir/%p.log" "$real" "\$@"
SCRIPT
	chmod 755 "$p"
done
