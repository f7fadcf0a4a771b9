#!/bin/sh
# Install the Debian packages named as arguments that are not installed
# yet.  Used by "make check" and "make demo" so that a fresh Debian 12
# machine needs nothing set up by hand.
missing=
if command -v dpkg-query >/dev/null 2>&1; then
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		    grep -q 'ok installed' || missing="$missing $p"
	done
else
	exit 0	# not Debian: the README lists what to install
fi
[ -z "$missing" ] && exit 0
echo "ally: installing Debian packages:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=sudo
	else
		echo "ally: run as root, or install:$missing" >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
${SUDO:-} apt-get update -qq </dev/null >&2 &&
    ${SUDO:-} apt-get install -y -qq --no-install-recommends $missing \
    </dev/null >&2
