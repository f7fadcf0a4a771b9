# tests/lib.sh: what the shell tests share.  Each test is a TAP script:
#	. "$(dirname "$0")/lib.sh"
#	...ok / is / run...
#	done_testing
# Commands come from the build tree; every test has its own temporary
# directory with its own database and a fixed clock (ALLY_TODAY).

set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
PATH="$TOP/bin:$PATH"
T=$(mktemp -d "${TMPDIR:-/tmp}/ally-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export ALLY_DB="$T/ally.db"
export ALLY_TODAY=2027-01-15
unset ALLY_NETWORK XDG_DATA_HOME ALLY_CSV_DELIMITER ALLY_KEY_FILE ALLY_PASSPHRASE ALLY_NEW_PASSPHRASE
# Key files (crypto.c) in the test's own configuration directory.
export XDG_CONFIG_HOME="$T/config"
# No test reads what prove's standard input holds (ally-add --create reads
# records from a standard input that is no terminal).
exec </dev/null
export LC_ALL=C.UTF-8 TZ=Europe/Amsterdam
unset LANG LANGUAGE LC_MESSAGES
# The catalogues of the build tree (ALLY_LOCALEDIR may name others).
export ALLY_LOCALEDIR="${ALLY_LOCALEDIR:-$TOP/locale}"

# cc_libally OUT SRC [LIB...]: a test's own program, linked with
# lib/libally.a as it was built (with the sanitizers under check-asan,
# with gcov under coverage); the compiler's complaints in $T/cc.err.
cc_libally() {
	_out=$1 _src=$2
	shift 2
	${CC:-cc} -I"$TOP/lib" -o "$_out" "$_src" "$TOP/lib/libally.a" \
	    -lsqlite3 -lsodium -lyaml -lcsv -lm "$@" ${ALLY_TEST_LDFLAGS:-} \
	    ${ALLY_SANITIZED:+-fsanitize=address,undefined} 2>"$T/cc.err"
}

# dutch CMD [ARG...]: CMD in Dutch, chosen the way a user chooses it: LANG,
# with no LC_ALL in the way.
dutch() {
	env -u LC_ALL LANG=nl_NL.UTF-8 "$@"
}
EXAMPLES="$TOP/examples"
FIX="$TOP/tests/fixtures"

_n=0
_failed=0

# ok STATUS DESCRIPTION: passes when STATUS is 0.
ok() {
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

# py_checks PROGRAM [ARG...]: a checker that prints one "STATUS WHAT" line
# per check (0 pass, 1 fail), each made a TAP line; a checker that dies is
# a failure too.
py_checks() {
	_pc=$(basename "$1")
	"$@" >"$T/.check" 2>&1 ||
	    echo "1 $_pc ran: $(tr '\n' ' ' <"$T/.check")" >>"$T/.check"
	while read -r st what; do
		case $st in
		0|1) ok "$st" "$what" ;;
		*) ok 1 "$_pc: $st $what" ;;
		esac
	done <"$T/.check"
}

# is GOT WANT DESCRIPTION
is() {
	_n=$((_n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		printf '#   got:      %s\n#   expected: %s\n' "$1" "$2"
		_failed=$((_failed + 1))
	fi
}

# like GOT PATTERN DESCRIPTION: a grep -E pattern.
like() {
	_n=$((_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		printf '#   got: %s\n#   not matching: %s\n' "$1" "$2"
		_failed=$((_failed + 1))
	fi
}

# unlike GOT PATTERN DESCRIPTION
unlike() {
	_n=$((_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "not ok $_n - $3"
		printf '#   got: %s\n#   matching: %s\n' "$1" "$2"
		_failed=$((_failed + 1))
	else
		echo "ok $_n - $3"
	fi
}

# run CMD...: runs it; $out, $errout and $rc hold what it did.
run() {
	"$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/.out")
	errout=$(cat "$T/.err")
}

# diff_ok GOT_FILE WANT_FILE DESCRIPTION: a golden file comparison.
diff_ok() {
	if diff -u "$2" "$1" >"$T/.diff" 2>&1; then
		ok 0 "$3"
	else
		ok 1 "$3"
		sed 's/^/#   /' "$T/.diff"
	fi
}

# dbdump: the whole database as SQL, to prove that nothing changed.
dbdump() {
	sqlite3 "$ALLY_DB" .dump 2>/dev/null | grep -v '^INSERT INTO audit'
}

# newdb NETWORK: a fresh database with one network.
newdb() {
	rm -f "$ALLY_DB" "$ALLY_DB-wal" "$ALLY_DB-shm"
	ally-add --create -n "${1:-Middelburg}" >/dev/null
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
	exit $?
}
