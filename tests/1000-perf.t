#!/bin/sh
# The parts of libally that serve speed and long work: kept statements
# and the progress line (a terminal gets it, a pipe never does).
exec "$(dirname "$0")/unit/perf_test"
