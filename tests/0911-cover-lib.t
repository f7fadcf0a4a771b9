#!/bin/sh
# libally paths the commands seldom take: deep record copies and removal,
# the field limit, blackout records, where the database is looked for,
# SQLite results as exit statuses, and the ways opening a database fails.
exec "$(dirname "$0")/unit/cover_lib"
