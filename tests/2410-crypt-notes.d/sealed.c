/*
 * sealed DB: every column that a field table marks FIELD_IDENTIFYING
 * (yes/no fields excepted: the schema checks them) holds ciphertext in
 * the database DB, read from the tables themselves (fields.c's
 * record_defs), so that an identifying field added later and stored in
 * the clear fails here.  One line per column, "STATUS what" (0 pass,
 * 1 fail), for tests/lib.sh's py_checks.  A column the fixture leaves
 * empty fails too: the proof must see a value of each.
 */
#include <stdio.h>

#include <sqlite3.h>

#include "ally.h"

static void
column(sqlite3 *db, const char *table, const char *c)
{
	char sql[256];
	sqlite3_stmt *st;
	long long all = 0, plain = 0;

	snprintf(sql, sizeof(sql), "SELECT count(%s), count(*) FILTER (WHERE "
	    "%s IS NOT NULL AND substr(%s, 1, 1) <> char(1)) FROM %s", c, c, c,
	    table);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		printf("1 %s.%s: %s\n", table, c, sqlite3_errmsg(db));
		return;
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		all = sqlite3_column_int64(st, 0);
		plain = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	printf("%d %s.%s: %lld values, %lld of them in the clear\n",
	    all == 0 || plain != 0, table, c, all, plain);
}

int
main(int argc, char **argv)
{
	const struct record_def *const *d;
	const struct field_def *f;
	sqlite3 *db;
	size_t i;
	int n = 0;

	if (argc != 2 || sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY,
	    NULL) != SQLITE_OK) {
		fprintf(stderr, "usage: sealed DB\n");
		return 2;
	}
	for (d = record_defs; *d != NULL; d++)
		for (i = 0; (*d)->table != NULL && i < (*d)->nfields; i++) {
			f = &(*d)->fields[i];
			if (!(f->flags & FIELD_IDENTIFYING) || f->column == NULL ||
			    f->kind == FK_BOOL)
				continue;
			column(db, (*d)->table, f->column);
			n++;
		}
	printf("%d identifying columns found in the field tables: %d\n",
	    n < 14, n);
	sqlite3_close(db);
	return 0;
}
