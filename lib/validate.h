/*
 * validate.h: every row read from the database checked as input is
 * (validate.c), before any reader sees it.
 */
#ifndef ALLY_VALIDATE_H
#define ALLY_VALIDATE_H

#include "core.h"

/*
 * Every row of every table of the file: its columns of the type and
 * nullness the schema declares, and each column a field table names
 * (lib/fields.c) one of its values, in its range, a real date or time,
 * not longer than its maxlen.  A file that another program wrote, or a
 * damaged or tampered copy, then gives no reader a value out of range
 * to index with: 0, or -1 with EX_DATAERR and "table T, row N: field:
 * what is wrong" (the value cut, shown as text).
 */
int	 db_validate(sqlite3 *, struct ally_error *);

#endif /* ALLY_VALIDATE_H */
