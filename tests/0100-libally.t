#!/bin/sh
# The C unit tests of libally: records, formats, values, dates.
exec "$(dirname "$0")/unit/record_test"
