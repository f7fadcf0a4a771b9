#!/bin/sh
# The database file: creation, modes, migrations, refusals, busy.
exec "$(dirname "$0")/unit/db_test"
