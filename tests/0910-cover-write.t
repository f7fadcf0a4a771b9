#!/bin/sh
# Every writer of libally (iCalendar, iMIP, vCard, mail, roff, SVG, YAML,
# CSV) reports a disk that fills up at any byte of its output; text
# values are escaped and folded as RFC 5545 and RFC 6350 say.
exec "$(dirname "$0")/unit/cover_write"
