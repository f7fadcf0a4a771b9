#!/bin/sh
# ally-add and the library in Dutch (issue 11): the usage, every kind of
# diagnostic the library and ally-add give (options, the database file,
# YAML and CSV input, the members' fields, erasure and backup), the
# quick-contact list's heading; and machine output (YAML, CSV, vCard, the
# result records, the audit log) byte for byte the same in both languages.
. "$(dirname "$0")/lib.sh"
D="$TOP/tests/1150-nl-core.d"

# nl_run CMD...: runs CMD in Dutch; $out, $errout, $rc as run does.
nl_run() {
	run dutch "$@"
}

# same_both DESCRIPTION CMD...: stdout and status equal in both languages.
same_both() {
	what=$1
	shift
	"$@" >"$T/en.out" 2>"$T/en.err"
	e=$?
	dutch "$@" >"$T/nl.out" 2>"$T/nl.err"
	n=$?
	is "$n" "$e" "$what: the same status in Dutch ($e)"
	if cmp -s "$T/en.out" "$T/nl.out" && [ -s "$T/en.out" ]; then
		ok 0 "$what: the same bytes in Dutch"
	else
		ok 1 "$what: the same bytes in Dutch"
		diff -u "$T/en.out" "$T/nl.out" | sed 's/^/#   /'
	fi
}

# ---- usage ------------------------------------------------------------------
nl_run ally-add -h
is "$rc" 0 "-h in Dutch: exit 0"
printf '%s\n' "$out" >"$T/usage"
diff_ok "$T/usage" "$D/usage.out" "-h in Dutch: the whole synopsis"
nl_run ally-add -l -c
is "$rc" 64 "a mode that does not fit: exit 64 in Dutch"
# The refusal says why, then the synopsis: the part of --help before
# its options.
is "$(printf '%s\n' "$errout" | sed -n 1p)" "ally-add: -c gaat niet samen met -l" \
    "a mode that does not fit: said in Dutch"
is "$(printf '%s\n' "$errout" | sed 1d)" "$(sed '/^$/,$d' "$D/usage.out")" \
    "a usage error prints the Dutch synopsis"
is "$out" "" "a usage error prints nothing on stdout"

# ---- the common options (cli.c) and ally-add's own -------------------------
newdb Middelburg
ally-add -q "$EXAMPLES/members.yaml"
before=$(dbdump)
nl_run ally-add -l -f nope
is "$rc" 64 "--format unknown: exit 64"
is "$errout" "ally-add: --format: onbekend formaat 'nope'" "--format unknown: Dutch"
nl_run ally-add -d '' -l
is "$errout" "ally-add: --db: leeg pad" "--db empty: Dutch"
nl_run ally-add -n '' -l
is "$errout" "ally-add: --network: '' is geen netwerknaam" "--network: Dutch"
nl_run ally-add -F text
is "$rc" 64 "--input-format text: exit 64"
is "$errout" "ally-add: --input-format: records worden gelezen als yaml of csv, niet als 'text'" \
    "--input-format: Dutch"
nl_run ally-add --create
is "$rc" 64 "--create without -n: exit 64"
is "$(printf '%s\n' "$errout" | sed -n 1p)" \
    "ally-add: --create heeft de naam van het netwerk nodig: -n NAAM" \
    "--create without -n: Dutch, before the synopsis"
nl_run ally-add -R -N twelve
is "$rc" 64 "--retention not a number: exit 64"
is "$errout" "ally-add: --retention: 'twelve' is geen aantal maanden (0 tot en met 1200)" \
    "--retention not a number: Dutch"
nl_run ally-add -l -r chief
is "$rc" 64 "--role unknown: exit 64"
is "$errout" "ally-add: --role: 'chief' is niet een van ally, police, municipality" \
    "--role unknown: Dutch, the roles as they are typed"
nl_run ally-add -l -s gone
is "$errout" "ally-add: --status: 'gone' is niet een van candidate, active, paused, left" \
    "--status unknown: Dutch"
nl_run ally-add -K -f svg
is "$rc" 64 "--contacts -f svg: exit 64"
is "$errout" "ally-add: --contacts: de lijst wordt geschreven als text, csv, vcard of yaml, niet als svg" \
    "--contacts -f svg: Dutch"
nl_run ally-add -f vcard "$D/bad-phone.yaml"
is "$rc" 64 "records as vcard: exit 64"
is "$errout" "ally-add: records worden geschreven als yaml, csv of text, niet als vcard" \
    "records as vcard: Dutch"
nl_run ally-add -n Vlissingen -l
is "$rc" 66 "a misspelt network: exit 66"
is "$errout" "ally-add: geen netwerk 'Vlissingen' (er is: Middelburg; ally-add --create -n NAAM maakt een nieuw netwerk)" \
    "a misspelt network: Dutch"
nl_run ally-add "$T/nothere.yaml"
is "$rc" 66 "a missing input file: exit 66"
like "$errout" "^ally-add: $T/nothere.yaml: " "a missing input file: named"
is "$(dbdump)" "$before" "no refused command wrote anything"

# ---- bad input: every kind, exit 65, nothing written -------------------------
: >"$T/errors"
cd "$D" || exit 1
for f in bad-*.yaml bad-*.csv; do
	dutch ally-add "$f" >"$T/o" 2>"$T/e"
	printf '%s %s %s\n' "$f" "$?" "$(cat "$T/e")" >>"$T/errors"
	ally-add "$f" >/dev/null 2>"$T/e.en"
	ok "$([ -s "$T/e.en" ] && ! cmp -s "$T/e" "$T/e.en"; echo $?)" \
	    "$f: the diagnostic differs from the English one"
	ok "$([ ! -s "$T/o" ]; echo $?)" "$f: nothing on stdout"
done
cd "$T" || exit 1
diff_ok "$T/errors" "$D/errors.out" \
    "bad input in Dutch: exit 65 and the file:line: field: diagnostic"
is "$(dbdump)" "$before" "bad input in Dutch wrote nothing"

# ---- erasure, retention, backup ---------------------------------------------
nl_run ally-add -E A01
is "$rc" 65 "erasing an active member: exit 65"
is "$errout" "ally-add: A01: active; alleen een lid dat vertrokken is kan worden gewist (zet eerst status: left)" \
    "erasing an active member: Dutch, the status as it is"
nl_run ally-add -E Z99
is "$errout" "ally-add: Z99: geen lid van netwerk Middelburg" "erasing nobody: Dutch"
is "$(dbdump)" "$before" "refused erasures wrote nothing"
printf -- '- {alias: A05, status: left, left: 2026-11-30}\n' |
    ally-add -q
same_both "-E -N (erasure records)" ally-add -E -N A05
same_both "-R -N 1 (retention records)" ally-add -R -N 1
: >"$T/exists.db"
nl_run ally-add -B "$T/exists.db"
is "$rc" 73 "a backup over a file: exit 73"
is "$errout" "ally-add: $T/exists.db: bestaat al; een back-up vervangt nooit een bestand" \
    "a backup over a file: Dutch"

# ---- the quick-contact list -------------------------------------------------
nl_run ally-add -K
is "$rc" 0 "-K in Dutch: exit 0"
printf '%s\n' "$out" >"$T/contacts"
diff_ok "$T/contacts" "$D/contacts.out" "-K: the Dutch heading, the table as it is"
run ally-add -K
is "$(printf '%s\n' "$out" | sed '1d; s/do not share$/niet delen/')" \
    "$(sed 1d "$D/contacts.out")" \
    "-K: only the heading and the do-not-share mark differ from English"
ally-add -d "$T/veere.db" --create -n Veere >/dev/null
printf -- '- {alias: A01, role: ally}\n' | ally-add -d "$T/veere.db" -q
nl_run ally-add -d "$T/veere.db" -K
printf '%s\n' "$out" >"$T/nobody"
diff_ok "$T/nobody" "$D/contacts-none.out" "-K with nobody to list: said in Dutch"
for f in csv vcard yaml; do
	same_both "-K -f $f" ally-add -K -f $f
done

# ---- machine output is the same in both languages ---------------------------
same_both "-l (yaml)" ally-add -l
same_both "-l -f csv" ally-add -l -f csv
same_both "-l -f text (field names as column headings)" ally-add -l -f text
same_both "-l -I -f csv" ally-add -l -I -f csv
same_both "-A (the audit log)" ally-add -A -f csv
same_both "-W -f text" ally-add -W -f text
printf -- '- {alias: A30, role: ally}\n- {alias: A02, phone: "0118 612346"}\n' \
    >"$T/change.yaml"
same_both "-N: the result records" ally-add -N -n Middelburg "$T/change.yaml"
same_both "-N -f text: the result table" ally-add -N -f text "$T/change.yaml"
is "$(sqlite3 "$ALLY_DB" "select what from audit where command like '%contacts%' limit 1")" \
    "contact list (text)" "the audit log's entries are not translated"

# ---- the database file: modes, schema, damage, absence ----------------------
chmod 640 "$ALLY_DB"
nl_run ally-add -l -f csv
is "$rc" 0 "a database open to the group: still works"
is "$errout" "ally-add: waarschuwing: $ALLY_DB: leesbaar voor groep of anderen (modus 0640): voer chmod 600 uit" \
    "readable by the group: the Dutch warning"
chmod 620 "$ALLY_DB"
nl_run ally-add -l -f csv
is "$errout" "ally-add: waarschuwing: $ALLY_DB: toegankelijk voor groep of anderen (modus 0620): voer chmod 600 uit" \
    "writable by the group: the Dutch warning"
chmod 600 "$ALLY_DB"
mkdir -m 700 "$T/open"
cp "$ALLY_DB" "$T/open/ally.db"
chmod 777 "$T/open"
nl_run ally-add -d "$T/open/ally.db" -l -f csv
is "$errout" "ally-add: waarschuwing: $T/open: de map van de database is schrijfbaar voor groep of anderen (modus 0777): voer chmod 700 uit" \
    "a directory open to others: the Dutch warning"
chmod 700 "$T/open"

nl_run ally-add -d "$T/none/ally.db" -l
is "$rc" 66 "no database: exit 66"
is "$errout" "ally-add: $T/none/ally.db: database bestaat niet (ally-add --create maakt er een)" \
    "no database: Dutch"
ln -s "$ALLY_DB" "$T/link.db"
nl_run ally-add -d "$T/link.db" -l
is "$rc" 77 "a symbolic link: exit 77"
is "$errout" "ally-add: $T/link.db: is een symbolische koppeling; geef het echte pad" \
    "a symbolic link: Dutch"
SCHEMA=$(sed -n 's/^#define DB_SCHEMA_VERSION[^0-9]*\([0-9]*\).*/\1/p' "$TOP/lib/core.h")
cp "$ALLY_DB" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
nl_run ally-add -d "$T/newer.db" -l
is "$rc" 65 "a newer schema: exit 65"
is "$errout" "ally-add: $T/newer.db: de database heeft schemaversie 99, nieuwer dan deze ally ($SCHEMA): werk ally bij" \
    "a newer schema: Dutch"
cp "$ALLY_DB" "$T/damaged.db"
sqlite3 "$T/damaged.db" "DROP TABLE review"
nl_run ally-add -d "$T/damaged.db" -l
is "$rc" 65 "a table gone: exit 65"
is "$errout" "ally-add: $T/damaged.db: beschadigde database: tabel review ontbreekt" \
    "a table gone: Dutch"
dutch ally-add -l -f csv >/dev/full 2>"$T/full"
is "$?" 74 "standard output full: exit 74"
like "$(cat "$T/full")" "^ally-add: standaarduitvoer: " "standard output full: Dutch"

# ---- busy: the message cron sees, through the library -----------------------
cat >"$T/busy.c" <<'CEOF'
#include <stdio.h>
#include "ally.h"
int
main(void)
{
	struct ally_error e = { 0, "" };

	ally_i18n_init();
	db_error(NULL, SQLITE_BUSY, &e, NULL);
	printf("%d %s\n", e.code, e.msg);
	return 0;
}
CEOF
if cc_libally "$T/busy" "$T/busy.c"; then
	is "$(dutch "$T/busy")" \
	    "75 de database is bezet (een ander ally-commando schrijft erin); probeer het opnieuw" \
	    "a busy database: Dutch, still 75"
	is "$("$T/busy")" \
	    "75 database is busy (another ally command is writing); try again" \
	    "a busy database: English unchanged"
else
	ok 1 "the busy test program builds"
	sed 's/^/#   /' "$T/cc.err"
fi

done_testing
