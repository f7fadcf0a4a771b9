#!/bin/sh
# The listing SELECTs of members, actions, venues and meetings have the
# field tables' columns, in the tables' order; the lists of fields the
# "unknown field" diagnostics show come from the tables.
exec "$(dirname "$0")/unit/tables_test"
