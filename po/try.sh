#!/bin/sh
# po/try.sh NAME FILE...: while translating (issue 11), compile every
# po/parts/*.po into a private catalogue /tmp/ally-loc-NAME, and list the
# msgids of FILE... that no part translates yet.  Use the catalogue with
#	ALLY_LOCALEDIR=/tmp/ally-loc-NAME LANG=nl_NL.UTF-8 bin/CMD ...
# or	ALLY_LOCALEDIR=/tmp/ally-loc-NAME prove tests/11NN-*.t
set -e
name=$1
shift
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=/tmp/ally-try-$name
loc=/tmp/ally-loc-$name
mkdir -p "$tmp" "$loc/nl/LC_MESSAGES"
msgcat --use-first --no-wrap -o "$tmp/all.po" "$top"/po/parts/*.po
msgfmt --check -o "$loc/nl/LC_MESSAGES/ally.mo" "$tmp/all.po"
if [ $# -gt 0 ]; then
	sh "$top/po/xgettext.sh" "$tmp/mine.pot" "$@"
	msgmerge --quiet --no-wrap --no-fuzzy-matching -o "$tmp/mine.po" \
	    "$tmp/all.po" "$tmp/mine.pot"
	echo "$*:"
	msgattrib --untranslated --no-obsolete --no-wrap "$tmp/mine.po" |
	    grep -A1 '^msgid' | grep -v '^--' || echo "everything translated"
fi
