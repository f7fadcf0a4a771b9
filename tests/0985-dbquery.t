#!/bin/sh
# The steps every query of libally shares (db_each_row, db_step_done,
# db_row_record, db_query_int64/text) and the writers' small pieces
# (escape_by_name, array_grow, VFORMAT).
exec "$(dirname "$0")/unit/dbquery_test"
