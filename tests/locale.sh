#!/bin/sh
# Make the locales named as arguments (e.g. nl_NL.UTF-8) available, for
# the tests of the translations: Debian's "locales" package has their
# sources, localedef compiles them (as root, or with sudo).
for loc in "$@"; do
	want=$(printf '%s\n' "$loc" | sed 's/\.UTF-8$/.utf8/')
	locale -a 2>/dev/null | grep -qx "$want" && continue
	lang=${loc%%.*}
	SUDO=
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			SUDO=sudo
		else
			echo "ally: run as root, or make the locale $loc" >&2
			exit 1
		fi
	fi
	echo "ally: making the locale $loc" >&2
	$SUDO localedef -i "$lang" -c -f UTF-8 "$loc" </dev/null >&2 ||
	    exit 1
done
