/*
 * dbquery.h: running a prepared statement to its end (db.c), the steps
 * that every query of libally repeated: step, release, map the result.
 */
#ifndef ALLY_DBQUERY_H
#define ALLY_DBQUERY_H

#include "core.h"

/*
 * Step a statement that returns no row (an INSERT, an UPDATE) and give
 * it back (db_release: prepared or kept, either is fine).  0 when done,
 * else -1 with the error, its message prefixed by what (or not: NULL).
 */
/*
 * Run an UPDATE that clears old texts (retention): ?1 the network's id,
 * or its name when given, ?2 the first date kept; *n the rows changed.
 */
int	 db_expire(sqlite3 *, const char *, long long, const char *,
	    const char *, long *, struct ally_error *);
/* The audit entries of a network before a date keep all but what. */
int	 db_audit_expire(sqlite3 *, const char *, const char *, long *,
	    struct ally_error *);
int	 db_step_done(sqlite3 *, sqlite3_stmt *, const char *,
	    struct ally_error *);
/* The same for an INSERT or UPDATE of a row by *id: 0 is the new row's. */
int	 db_step_id(sqlite3 *, sqlite3_stmt *, const char *, long long *,
	    struct ally_error *);
/*
 * Step a statement to its end, calling the function on each row with
 * the argument; then give the statement back.  The function returns 0
 * to go on, or -1 with the error filled, which stops the walk.  0 when
 * every row was taken, else -1.
 */
int	 db_each_row(sqlite3 *, sqlite3_stmt *, const char *,
	    int (*)(sqlite3_stmt *, void *, struct ally_error *), void *,
	    struct ally_error *);
/*
 * A row into a record: column i becomes field keys[i] (NULL-terminated),
 * NULL columns left out.  -1 when memory runs out.  Every value read
 * from the database passes through db_column_to_record.
 */
int	 db_columns_to_record(sqlite3_stmt *, const char *const *,
	    struct record *);
/* The same into a new record; NULL when memory runs out. */
struct record *db_row_record(sqlite3_stmt *, const char *const *);
/*
 * The first column, as an integer (0 when NULL), of the row the query
 * finds with its one integer parameter: a meeting's chair, an action's
 * owner.  No row is an error.
 */
int	 db_query_int64(sqlite3 *, const char *, long long, long long *,
	    struct ally_error *);
/* The same as text into the buffer of the given size: a member's status. */
int	 db_query_text(sqlite3 *, const char *, long long, char *, size_t,
	    struct ally_error *);

#endif /* ALLY_DBQUERY_H */
