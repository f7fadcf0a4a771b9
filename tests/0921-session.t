#!/bin/sh
# The write session of libally: dry run, rollback on error, the spool
# file, the results after the commit.
exec "$(dirname "$0")/unit/session_test"
