#!/bin/sh
# The content lines of iCalendar and vCard: folding at 75 octets, never
# inside a UTF-8 sequence, and TEXT escaping (lib/contentline.c).
exec "$(dirname "$0")/unit/contentline_test"
