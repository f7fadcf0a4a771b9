#!/bin/sh
# The translations (issue 11): po/nl.po translates every message the
# sources mark, nothing fuzzy, nothing left over, formats that agree; the
# catalogue of the build tree is compiled from it; and the language is
# chosen by the locale the way every gettext program chooses it.
. "$(dirname "$0")/lib.sh"
CMDS="ally-add meet-plan meet-minutes action-track ally-review report-sentiment"
PO="$TOP/po/nl.po"

# ---- the catalogue against the sources --------------------------------------
sh "$TOP/po/xgettext.sh" "$T/ally.pot" "$TOP"/lib/*.c "$TOP"/lib/*.h "$TOP"/bin/*.c
is "$?" 0 "xgettext extracts the messages of the sources"
n=$(grep -c '^msgid ' "$T/ally.pot")
ok "$([ "$n" -gt 500 ] && echo 0 || echo 1)" "the sources mark many messages ($n)"
msgcmp "$PO" "$T/ally.pot" >"$T/cmp" 2>&1
is "$?" 0 "po/nl.po translates every message of the sources"
sed -n 1,20p "$T/cmp" | sed 's/^/#   /'
msgfmt --check --statistics -o /dev/null "$PO" >"$T/stat" 2>&1
is "$?" 0 "po/nl.po: formats, header and plural forms check"
like "$(cat "$T/stat")" '^[0-9]+ translated messages\.$' \
    "po/nl.po: nothing fuzzy, nothing untranslated"
is "$(grep -c '^#~' "$PO")" 0 "po/nl.po: no obsolete entries"
is "$(grep -c '^#, fuzzy' "$PO")" 0 "po/nl.po: no fuzzy flag anywhere"
# Every msgid of nl.po is still in the sources (msgcmp, the other way).
msgcmp --use-untranslated "$T/ally.pot" "$PO" >/dev/null 2>&1
is "$?" 0 "po/nl.po has no message the sources no longer have"
mo="$TOP/locale/nl/LC_MESSAGES/ally.mo"
ok "$([ -f "$mo" ] && [ ! "$mo" -ot "$PO" ] && echo 0 || echo 1)" \
    "make compiled po/nl.po into locale/nl/LC_MESSAGES/ally.mo"
msgunfmt "$mo" 2>/dev/null | msgcmp - "$T/ally.pot" >/dev/null 2>&1
is "$?" 0 "the compiled catalogue has every message"

# ---- the language follows the locale ----------------------------------------
en() { env -u LC_ALL -u LANG -u LC_MESSAGES -u LANGUAGE "$@"; }
for c in $CMDS; do
	en $c -h >"$T/en" 2>&1
	is "$?" 0 "$c -h: exit 0 without any locale"
	like "$(sed -n 1p "$T/en")" "^usage: $c " "$c -h: English by default"
	dutch $c -h >"$T/nl" 2>&1
	is "$?" 0 "$c -h in Dutch: exit 0"
	like "$(sed -n 1p "$T/nl")" "^gebruik: $c " "$c -h: Dutch with LANG=nl_NL.UTF-8"
	env -u LC_ALL LANG=C.UTF-8 LC_MESSAGES=nl_NL.UTF-8 $c -h >"$T/lm" 2>&1
	cmp -s "$T/nl" "$T/lm"
	is "$?" 0 "$c -h: LC_MESSAGES alone chooses Dutch"
	env LANG=nl_NL.UTF-8 LC_ALL=C.UTF-8 $c -h >"$T/all" 2>&1
	cmp -s "$T/en" "$T/all"
	is "$?" 0 "$c -h: LC_ALL=C.UTF-8 overrides LANG"
	en LANG=de_DE.UTF-8 $c -h >"$T/de" 2>&1
	cmp -s "$T/en" "$T/de"
	is "$?" 0 "$c -h: a language without a translation falls back to English"
	en LANG=nl_NL.UTF-8 ALLY_LOCALEDIR="$T/none" $c -h >"$T/nocat" 2>&1
	cmp -s "$T/en" "$T/nocat"
	is "$?" 0 "$c -h: no catalogue, English"
	# A usage error: the same exit status in both languages.
	en $c --no-such-option >/dev/null 2>&1
	e=$?
	dutch $c --no-such-option >/dev/null 2>&1
	is "$?" "$e" "$c: a usage error exits $e in Dutch too"
done

# ---- diagnostics through ally_errorf are translated where they arise ------
newdb Middelburg
run dutch ally-add -d "$T/nowhere/ally.db" -l
is "$rc" 66 "a missing database: exit 66 in Dutch"
unlike "$errout" "does not exist|no such|not found" "a missing database: said in Dutch"
like "$errout" "^ally-add: " "a missing database: the program name leads"

# ---- dates in words ---------------------------------------------------------
cat >"$T/dates.c" <<'CEOF'
#include <stdio.h>
#include "ally.h"
int
main(void)
{
	char buf[64];

	ally_i18n_init();
	puts(date_words(date_from_ymd(2027, 3, 9), buf, sizeof(buf)));
	puts(date_words(date_from_ymd(2028, 2, 29), buf, sizeof(buf)));
	puts(date_words(date_from_ymd(2026, 11, 1), buf, sizeof(buf)));
	return 0;
}
CEOF
if cc_libally "$T/dates" "$T/dates.c"; then
	is "$(en "$T/dates" | tr '\n' '|')" \
	    "Tuesday 9 March 2027|Tuesday 29 February 2028|Sunday 1 November 2026|" \
	    "dates in words, English"
	is "$(dutch "$T/dates" | tr '\n' '|')" \
	    "dinsdag 9 maart 2027|dinsdag 29 februari 2028|zondag 1 november 2026|" \
	    "dates in words, Dutch"
else
	ok 1 "the dates test program builds"
	sed 's/^/#   /' "$T/cc.err"
fi

done_testing
