#!/bin/sh
# The layers of libally (HACKING.md), read from the objects with nm:
# the core calls nothing above it (db.c once called privacy.c, which
# called person.c, which called db.c), the domain calls no rendering and
# no command skeleton, the rendering no domain.  Each header compiles
# alone.
. "$(dirname "$0")/lib.sh"

core="error i18n util date record format yaml csv text db network fields row \
    network_list escape validate crypto"
domain="person privacy names meeting holiday minutes action tension review \
    guest contactlog callround topic expiry reply"
render="contentline roff mail svg vcard progress doc ical"
# The command skeleton, and the parts of commands that live in the library.
skeleton="cli opt session action_edit contact_list heatmap invite minutes_doc \
    planning reciprocity remind review_sheet signal_record thermometer \
    aggregate picture continuity rotation call_sheet record_mode keys caterer \
    briefing"
all=" $core $domain $render $skeleton "

# "symbol module" for every global the library defines.
# (An object left from a source file since renamed is no part of it.)
for o in "$TOP"/lib/*.o; do
	[ -f "${o%.o}.c" ] || continue
	m=${o##*/}
	nm --defined-only -g "$o" | awk -v m="${m%.o}" 'NF == 3 { print $3, m }'
done | sort >"$T/defs"
[ -s "$T/defs" ]
ok $? "nm reads the library's objects"

# The other modules that module $1 calls.
calls() {
	nm -u "$TOP/lib/$1.o" | awk '{ print $NF }' | sort |
	    join - "$T/defs" | awk -v m="$1" '$2 != m { print $2 }' | sort -u
}

# layer NAME MODULES ALLOWED: each module calls only the allowed ones.
layer() {
	for m in $2; do
		bad=
		for d in $(calls "$m"); do
			case " $3 " in
			*" $d "*) ;;
			*) bad="$bad $d" ;;
			esac
		done
		is "$bad" "" "$1: lib/$m.c calls nothing above its layer"
	done
}

layer core "$core" "$core"
layer domain "$domain" "$core $domain"
layer rendering "$render" "$core $render"
layer skeleton "$skeleton" "$core $domain $render $skeleton"

# A file no layer names yet (new, or merged from elsewhere) is said,
# and still kept out of the core.
for c in "$TOP"/lib/*.c; do
	m=${c##*/}
	m=${m%.c}
	case "$all" in
	*" $m "*) ;;
	*) echo "# lib/$m.c: in no layer of tests/0990-layers.t yet" ;;
	esac
done

# Every header includes what it needs: alone, and twice, it compiles.
for h in "$TOP"/lib/*.h; do
	printf '#include "%s"\n#include "%s"\nint x;\n' "${h##*/}" \
	    "${h##*/}" >"$T/h.c"
	out=$(${CC:-cc} -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror \
	    -I"$TOP/lib" -fsyntax-only "$T/h.c" 2>&1)
	is "$?:$out" "0:" "lib/${h##*/} compiles alone"
done

done_testing
