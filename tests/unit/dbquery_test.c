/*
 * dbquery_test.c: the steps every query shares (lib/db.c: db_step_done,
 * db_each_row, db_row_record, db_query_int64, db_query_text) and the
 * small pieces the writers share (escape_by_name, array_grow, VFORMAT
 * through record_setf).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"
#include "tap.h"

static sqlite3 *
memory_db(void)
{
	sqlite3 *db;
	struct ally_error err;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    db_exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, "
	    "note TEXT); INSERT INTO t VALUES (1, 'Ada', NULL), "
	    "(2, 'Bram', 'late'), (3, 'Cas', NULL)", &err) != 0)
		abort();
	return db;
}

static sqlite3_stmt *
prepare(sqlite3 *db, const char *sql)
{
	struct ally_error err;
	sqlite3_stmt *st;

	if (db_prepare(db, sql, &st, &err) != 0)
		abort();
	return st;
}

/* Collects the names; stops with an error at the name in arg, if any. */
struct names_seen {
	char		 buf[64];
	const char	*stop;
};

static int
name_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	struct names_seen *n = arg;
	const char *s = (const char *)sqlite3_column_text(st, 0);

	if (n->stop != NULL && strcmp(s, n->stop) == 0)
		return ally_errorf(err, EX_DATAERR, "stopped at %s", s);
	strcat(n->buf, s);
	strcat(n->buf, " ");
	return 0;
}

static void
test_each_row(sqlite3 *db)
{
	struct names_seen n = { "", NULL };
	struct ally_error err;

	is_int(db_each_row(db, prepare(db, "SELECT name FROM t ORDER BY id"),
	    NULL, name_row, &n, &err), 0, "db_each_row: every row taken");
	is_str(n.buf, "Ada Bram Cas ", "db_each_row: in order");

	memset(&n, 0, sizeof(n));
	n.stop = "Bram";
	is_int(db_each_row(db, prepare(db, "SELECT name FROM t ORDER BY id"),
	    NULL, name_row, &n, &err), -1, "db_each_row: a row's error stops");
	is_str(n.buf, "Ada ", "db_each_row: no row after the error");
	is_str(err.msg, "stopped at Bram", "db_each_row: the row's error kept");
	is_int(err.code, EX_DATAERR, "db_each_row: the row's code kept");

	memset(&n, 0, sizeof(n));
	is_int(db_each_row(db, prepare(db, "SELECT name FROM t WHERE id > 9"),
	    NULL, name_row, &n, &err), 0, "db_each_row: no rows is fine");
	is_str(n.buf, "", "db_each_row: nothing called");
}

static void
test_step_done(sqlite3 *db)
{
	struct ally_error err;
	long long v;

	is_int(db_step_done(db, prepare(db, "UPDATE t SET note = 'early' "
	    "WHERE id = 1"), "t", &err), 0, "db_step_done: an UPDATE done");
	is_int(db_step_done(db, prepare(db, "INSERT INTO t VALUES (1, 'Dirk', "
	    "NULL)"), "t", &err), -1, "db_step_done: a constraint fails");
	is_int(err.code, EX_DATAERR, "db_step_done: a constraint is bad data");
	like_prefix(err.msg, "t: ", "db_step_done: the message says what");
	is_int(db_query_int64(db, "SELECT count(*) FROM t WHERE id >= ?", 1,
	    &v, &err), 0, "db_query_int64: a row");
	is_int(v, 3, "db_query_int64: its value");
}

static void
test_row_record(sqlite3 *db)
{
	static const char *const keys[] = { "id", "name", "note", NULL };
	struct ally_error err;
	struct record *r;
	sqlite3_stmt *st;
	char buf[16];
	long long v;

	st = prepare(db, "SELECT id, name, note FROM t WHERE id = 3");
	if (sqlite3_step(st) != SQLITE_ROW)
		abort();
	r = db_row_record(st, keys);
	sqlite3_finalize(st);
	ok(r != NULL, "db_row_record: a record");
	is_int(r->nfields, 2, "db_row_record: the NULL column left out");
	is_str(record_get(r, "name"), "Cas", "db_row_record: column 1 is name");
	is_str(record_get(r, "id"), "3", "db_row_record: column 0 is id");
	record_free(r);

	is_int(db_query_text(db, "SELECT name FROM t WHERE id = ?", 2, buf,
	    sizeof(buf), &err), 0, "db_query_text: a row");
	is_str(buf, "Bram", "db_query_text: its text");
	v = 7;
	is_int(db_query_int64(db, "SELECT id FROM t WHERE id = ?", 42, &v,
	    &err), -1, "db_query_int64: no row is an error");
	is_int(v, 0, "db_query_int64: 0 when there is no row");
}

static void
test_writers(void)
{
	static const char *const names[] = { "&amp;", "&lt;" };
	char *buf = NULL, *p = NULL;
	size_t len = 0, cap = 0, i;
	struct record *r;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	is_int(escape_by_name(fp, '<', "&<", names), 1,
	    "escape_by_name: a named character");
	is_int(escape_by_name(fp, 'x', "&<", names), 0,
	    "escape_by_name: another is not");
	is_int(escape_by_name(fp, '\0', "&<", names), 0,
	    "escape_by_name: NUL is never named");
	fclose(fp);
	is_str(buf, "&lt;", "escape_by_name: only the name printed");
	free(buf);

	for (i = 0; i < 40; i++) {
		if ((p = array_grow(p, i, &cap, 1)) == NULL)
			abort();
		p[i] = 'a';
	}
	is_int(cap, 64, "array_grow: 40 elements in 16, 32, then 64");
	free(p);

	if ((r = record_new()) == NULL)
		abort();
	is_int(record_setf(r, "k", "%s-%03d", "M", 7), 0, "record_setf");
	is_str(record_get(r, "k"), "M-007", "record_setf: VFORMAT formats");
	record_free(r);
}

int
main(void)
{
	sqlite3 *db = memory_db();

	test_each_row(db);
	test_step_done(db);
	test_row_record(db);
	test_writers();
	db_close(db);
	return done_testing();
}
