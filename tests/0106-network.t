#!/bin/sh
# network_each: every network of a file, in name order, one walk.
exec "$(dirname "$0")/unit/network_test"
