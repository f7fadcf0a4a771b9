#!/bin/sh
# The reports of the signals in libally (lib/thermometer.c): the fields of
# each view over readings built in C, a roll-up's alerts without source
# or summary, no readings said; and doc.c's DOC_TABLE_UNDER, which puts
# the thermometer's summaries under their rows in text only.
exec "$(dirname "$0")/unit/thermometer_test"
