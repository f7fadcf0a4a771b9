#!/bin/sh
# The C unit tests of meet-plan's library parts: holidays, blackouts,
# weekdays, iCalendar folding and escaping.
TOP=$(cd "$(dirname "$0")/.." && pwd)
exec "$TOP/tests/unit/meeting_test"
