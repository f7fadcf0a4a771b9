#!/bin/sh
# Every refusal names the file and the reason (issue 23, 6): a symbolic
# link planted as the -wal or -shm file, a database under a symbolically
# linked directory, a read-only directory, XDG_DATA_HOME naming a file
# (73, cannot create); an option value of 100 KB is not echoed whole; a
# 10 MB field under a memory limit is "out of memory" (71), not bad
# data.
. "$(dirname "$0")/lib.sh"
newdb Middelburg

for s in wal shm; do
	ln -s "$T/elsewhere" "$ALLY_DB-$s"
	run ally-add -l
	is "$rc" 77 "a symbolic link as the -$s file: 77"
	is "$errout" "ally-add: $ALLY_DB: $ALLY_DB-$s is a symbolic link, not SQLite's own file: remove it" \
	    "a symbolic link as the -$s file: which and why"
	[ ! -e "$T/elsewhere" ]
	ok $? "a symbolic link as the -$s file: nothing made where it points"
	rm "$ALLY_DB-$s"
done

mkdir "$T/real"
cp "$ALLY_DB" "$T/real/ally.db"
ln -s "$T/real" "$T/link"
run ally-add -l -d "$T/link/ally.db"
is "$rc" 77 "a symbolically linked directory: 77"
is "$errout" "ally-add: $T/link/ally.db: $T/link is a symbolic link; give the real path" \
    "a symbolically linked directory: which and why"

: >"$T/file"
run env XDG_DATA_HOME="$T/file" HOME="$T" ALLY_DB= ally-add --create -n Veere
is "$rc" 73 "XDG_DATA_HOME naming a file, --create: 73"
is "$errout" "ally-add: $T/file/ally/ally.db: $T/file is not a directory" \
    "XDG_DATA_HOME naming a file: which and why"
run env XDG_DATA_HOME="$T/file" HOME="$T" ALLY_DB= ally-add -l
is "$rc" 73 "XDG_DATA_HOME naming a file, reading: 73"

# A read-only directory: only a user other than root sees it.
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	mkdir "$T/ro"
	cp "$ALLY_DB" "$T/ro/ally.db"
	chown -R nobody "$T/ro"
	chmod 500 "$T/ro"
	chmod 755 "$T"
	run su nobody -s /bin/sh -c "ALLY_TODAY=$ALLY_TODAY ALLY_LOCALEDIR=$ALLY_LOCALEDIR LC_ALL=C.UTF-8 $TOP/bin/ally-add -l -d $T/ro/ally.db"
	is "$rc" 77 "a read-only directory: 77"
	is "$errout" "ally-add: $T/ro/ally.db: the directory $T/ro is not writable, and the -wal and -shm files are made in it (attempt to write a readonly database)" \
	    "a read-only directory: which and why"
else
	for i in 1 2; do
		echo "ok $((_n + 1)) # skip a read-only directory needs another user"
		_n=$((_n + 1))
	done
fi

big=$(head -c 100000 /dev/zero | tr '\0' x)
for c in "ally-add -l -n" "meet-minutes -l -V" "report-sentiment -l -t" \
    "action-track -o" "ally-review -o" "ally-add -d"; do
	run $c "$big"
	is "$rc" 64 "$c of 100 KB: 64"
	ok "$([ ${#errout} -lt 200 ]; echo $?)" "$c of 100 KB: the value not echoed (${#errout} bytes said)"
	like "$errout" "a value of 100000 bytes is too long" "$c of 100 KB: says so"
done
# The option by the letter given: with -A, -S is --since, not --sector.
run ally-add -A -S "$big"
is "$errout" "ally-add: -S: a value of 100000 bytes is too long (at most 4096)" \
    "ally-add -A -S of 100 KB: the option by its letter"
run meet-minutes -l -V "$(head -c 3000 /dev/zero | tr '\0' y)"
ok "$([ "$(printf '%s\n' "$errout" | head -1 | wc -c)" -lt 200 ]; echo $?)" \
    "meet-minutes -V of 3 KB: cut"

# An operand of 100 KB (a round's id, months, an alias, a file) is not
# echoed whole either (ally-add -P printed all of it).
for c in "ally-add -P" "ally-add -T" "ally-add -R" "ally-add -E" "meet-minutes" \
    "action-track -a"; do
	run $c "$big"
	is "$rc" 64 "$c, an operand of 100 KB: 64"
	first=$(printf '%s\n' "$errout" | head -n 1)
	ok "$([ ${#first} -lt 200 ]; echo $?)" "$c, an operand of 100 KB: not echoed (${#first} bytes said)"
	like "$first" "operand 1: 100000 bytes is too long" "$c, an operand of 100 KB: says so"
done
# A file name of 4,000 bytes keeps the reason, at the end of the message
# (it was cut off after the first 1,000 bytes of the name).
long=$T
while [ ${#long} -lt 3900 ]; do
	long=$long/$(head -c 200 /dev/zero | tr '\0' d)
done
mkdir -p "$long"
run ally-add -l -d "$long/ally.db"
is "$rc" 66 "a database path of ${#long} bytes: 66"
like "$errout" "\\.\\.\\..*/ally\\.db: no such database" \
    "a database path of ${#long} bytes: the middle cut, the reason kept"
printf 'name: x\n' >"$long/m.yaml"
run ally-add -N "$long/m.yaml"
like "$errout" "m\\.yaml:1: role: " \
    "an input file of ${#long} bytes: file, line, field and reason kept"

# A database made read-only, and then its -shm, which took the mode when
# it was made and kept it after the chmod: SQLite said "attempt to write
# a readonly database", naming no file.  Root may write anything: the
# commands run as nobody, where the tree can be reached by nobody.
# Only where nobody can reach the tree's commands (not a clone under /root).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups \
    sh -c 'test -x "$1"' sh "$TOP/bin/ally-add" 2>/dev/null; then
	mkdir "$T/nob"
	chmod 711 "$T"
	chown 65534 "$T/nob"
	cp "$EXAMPLES/members.yaml" "$T/nob/m.yaml"
	chmod 644 "$T/nob/m.yaml"
	as_nobody() {
		setpriv --reuid=65534 --regid=65534 --clear-groups env \
		    HOME="$T/nob" ALLY_DB="$T/nob/a.db" "$@"
	}
	as_nobody ally-add --create -n Veere >/dev/null
	chmod 400 "$T/nob/a.db"
	run as_nobody ally-add "$T/nob/m.yaml"
	is "$rc" 77 "a read-only database: 77"
	is "$errout" "ally-add: $T/nob/a.db: read-only (mode 0400): chmod 600 it" \
	    "a read-only database: names the file, the mode and what to do"
	chmod 600 "$T/nob/a.db"
	run as_nobody ally-add "$T/nob/m.yaml"
	is "$rc" 77 "its -shm, read-only since: 77"
	like "$errout" "^ally-add: $T/nob/a\\.db: $T/nob/a\\.db-(shm|wal) is read-only \\(mode 0400\\): chmod 600 it$" \
	    "its -shm, read-only since: names it"
	chmod 755 "$T"
else
	for i in 1 2 3 4; do
		echo "ok $((_n + 1)) # skip a read-only file needs root and setpriv"
		_n=$((_n + 1))
	done
fi

if [ -n "${ALLY_SANITIZED:-}" ]; then
	# AddressSanitizer reserves terabytes of address space: no ulimit -v.
	for i in 1 2 3; do
		echo "ok $((_n + 1)) # skip ulimit -v under the sanitizers"
		_n=$((_n + 1))
	done
	done_testing
fi

# Address space too small to map the -shm file: out of memory (71), not
# "disk I/O error" (74).  Where the limit falls differs between machines:
# a range of limits, each giving 0 or 71.
bad=
for v in 7000 7500 8000 8250 8500 8750 9000 9250 9500 10000 11000 12000; do
	sh -c "ulimit -v $v; meet-plan -l >/dev/null 2>&1"
	case $? in 0|71) ;; *) bad="$bad $v:$?" ;; esac
done
is "$bad" "" "meet-plan -l under limits of 7 to 12 MB: exit 0 or 71 only"
# 10 MB in one field, under a memory limit of 15 MB of address space
# beyond the program: said to be too long, not "malformed", and before
# memory runs out (the reader stops after a megabyte without the end of
# a value; it took all 10 MB, then said out of memory).
awk 'BEGIN { printf "name: Noor Bakker\nrole: ally\nnotes: "; for (i = 0; i < 10000; i++) printf "%01000d", 0; print "" }' >"$T/big.yaml"
run sh -c "ulimit -v 15000; ally-add -N '$T/big.yaml'"
is "$rc" 65 "10 MB of YAML under a memory limit: 65"
like "$errout" "^ally-add: $T/big\\.yaml:[0-9]+: value too long \\(a megabyte without the end of a value\\)$" \
    "10 MB of YAML: too long, said before memory runs out"
done_testing
