#!/bin/sh
# The field tables agree with the schema's CHECK constraints, both ways;
# one meaning of an empty value.
exec "$(dirname "$0")/unit/fields_test"
