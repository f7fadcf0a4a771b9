/*
 * validate.h: every row read from the database checked as input is
 * (validate.c), before any reader sees it.
 */
#ifndef ALLY_VALIDATE_H
#define ALLY_VALIDATE_H

#include "core.h"

/*
 * The tables of a file and their indexes, read from sqlite_schema once at
 * the open: db.c judges by them whether the file is ours and whole, and
 * the guard keeps them.  all counts SQLite's own tables, views and
 * triggers too; names leaves them out.
 */
struct table_list {
	char	**names;	/* sorted */
	size_t	  n;
	int	  all;
	/* The indexes: name and table. */
	char	**index, **index_table;
	size_t	  nindex;
	/*
	 * The first view or trigger, its type and name (ally makes none: a
	 * trigger would run with ally's writes, a view read what no check
	 * has), or NULLs.
	 */
	char	 *other[2];
};

int	 table_list_read(sqlite3 *, struct table_list *, struct ally_error *);
int	 table_list_has(const struct table_list *, const char *);
void	 table_list_free(struct table_list *);

/*
 * The guard of connection db on the file path (db_open), which takes
 * over tl (tl is left empty): from now on, every table a statement
 * reads is checked before the statement runs, once.  validate_pending
 * does the checking, from db_prepare and db_prepare_cached;
 * validate_detach forgets the connection (db_close).
 *
 * Every row of each table read: its columns of the type and nullness
 * ally declares for them (validate.c's table declarations, whatever
 * the file's schema says; a column ally does not make, or one it makes
 * that the file lacks, is damage), and each column a field table names
 * (lib/fields.def) one of its values, in its range, a real date or
 * time, not longer than its maxlen.  Then each index of the table, read
 * through it: its columns of text or with a range, by the same rules
 * (SQLite takes an indexed column from the index when a statement uses
 * it, so a damaged index could hand a reader what no row holds).  A file
 * that another program wrote, or a damaged or tampered copy, then gives
 * no reader a value out of range to index with: 0, or -1 with
 * EX_DATAERR and "table T, row N: field: what is wrong" ("table T,
 * index I: ..." for an index; the value cut, shown as text).
 */
/*
 * Table t's columns as ally declares them ("name:TYPE" with ! for NOT
 * NULL and * for a part of the primary key, in PRAGMA table_xinfo's
 * order), which the checks hold a file's values to whatever its schema
 * says; NULL for a table ally does not make.
 */
const char *validate_declared(const char *);
int	 validate_failed(sqlite3 *, int, struct ally_error *);

int	 validate_attach(sqlite3 *, const char *, struct table_list *,
	    struct ally_error *);
int	 validate_pending(sqlite3 *, struct ally_error *);
void	 validate_detach(sqlite3 *);

#endif /* ALLY_VALIDATE_H */
