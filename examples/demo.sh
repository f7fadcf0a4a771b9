#!/bin/sh
# make demo: a year of the fictional Allies network of Middelburg, run
# into a temporary database that is removed afterwards.  Each part in
# demo.d/ shows one command; they run in order, sharing the database.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
PATH="$top/bin:$PATH"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ally-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ALLY_DB="$tmp/ally.db"
DEMO_TMP="$tmp"
# The build tree's catalogues, for the part in Dutch.
ALLY_LOCALEDIR="$top/locale"
unset ALLY_NETWORK XDG_DATA_HOME
export PATH ALLY_DB DEMO_TMP ALLY_LOCALEDIR
cd "$here"
for part in demo.d/*.sh; do
	. "./$part"
done
echo
echo "== the demo's database was $ALLY_DB (removed now)"
