#!/bin/sh
# po/xgettext.sh OUT FILE...: the message template of the sources named.
# The one place that knows how messages are marked: _() and N_() for
# text, C_() for text with a context, ngettext for counts, and the formats of ally_errorf, ally_error_at
# and the field_error helpers (bad, target_error), which lib/error.c
# translates itself.
out=$1
shift
version=$(sed -n 's/^#define ALLY_VERSION[^"]*"\(.*\)".*/\1/p' \
    "$(dirname "$0")/../lib/core.h")
exec xgettext --from-code=UTF-8 --language=C \
    --add-comments=TRANSLATORS: --no-wrap --sort-by-file \
    --package-name=ally --package-version="$version" \
    --msgid-bugs-address=ally \
    -k_ -kN_ -kC_:1c,2 -kngettext:1,2 -kally_errorf:3 -kally_error_at:6 \
    -kfield_error:4 -kbad:4 -ktarget_error:4 \
    --flag=ally_errorf:3:c-format --flag=ally_error_at:6:c-format \
    --flag=field_error:4:c-format --flag=bad:4:c-format \
    --flag=target_error:4:c-format \
    -o "$out" "$@"
