/*
 * db_test: the database file: explicit creation, modes, migrations,
 * refusal of newer schemas, of symlinks and of files that are no
 * database, and the busy status that cron may retry.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

static char dir[] = "/tmp/ally-db-test.XXXXXX";

static char *
path(const char *name)
{
	static char buf[4][256];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
	return buf[i];
}

static int
query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
main(void)
{
	struct ally_error err;
	struct stat sb;
	sqlite3 *db, *other;
	FILE *fp;

	if (mkdtemp(dir) == NULL)
		return 1;
	umask(022);

	db = db_open(path("none.db"), 0, &err);
	ok(db == NULL && err.code == EX_NOINPUT, "no file, no create: 66");
	ok(access(path("none.db"), F_OK) != 0, "and no file made");

	db = db_open(path("sub/dir/a.db"), DB_CREATE, &err);
	ok(db != NULL, "created with its directories");
	ok(stat(path("sub/dir/a.db"), &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "file 0600 under umask 022");
	ok(stat(path("sub/dir"), &sb) == 0 && (sb.st_mode & 0777) == 0700,
	    "directory 0700");
	is_int(query_int(db, "PRAGMA user_version"), DB_SCHEMA_VERSION,
	    "schema at the current version");
	is_int(query_int(db, "PRAGMA foreign_keys"), 1, "foreign keys on");
	is_int(query_int(db, "PRAGMA secure_delete"), 1, "secure_delete on");
	is_int(query_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "type = 'table' AND name IN ('network', 'person', 'venue', "
	    "'meeting', 'attendance', 'signal', 'action', 'review', 'audit')"),
	    9, "every record type has its table");
	is_int(query_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "type = 'table' AND sql NOT LIKE '%STRICT%' AND name NOT LIKE "
	    "'sqlite_%'"), 0, "every table is STRICT");
	db_exec(db, "CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t "
	    "VALUES (1)", &err);
	ok(stat(path("sub/dir/a.db-wal"), &sb) == 0 &&
	    (sb.st_mode & 0777) == 0600, "the -wal file is 0600 too");
	ok(db_exec(db, "INSERT INTO person (network_id, alias, role, status) "
	    "VALUES (42, 'A01', 'ally', 'active')", &err) != 0 &&
	    err.code == EX_DATAERR, "a foreign key violation is bad data");

	/* Busy: another connection holds the write lock. */
	other = db_open(path("sub/dir/a.db"), 0, &err);
	ok(other != NULL && db_begin(other, &err) == 0, "a second writer");
	sqlite3_busy_timeout(db, 50);
	ok(db_begin(db, &err) != 0 && err.code == EX_TEMPFAIL,
	    "a busy database is exit 75");
	ok(strstr(err.msg, "busy") != NULL, "and says busy");
	db_rollback(other);
	db_close(other);
	ok(db_begin(db, &err) == 0, "free again once the other is done");
	db_rollback(db);

	/* A newer schema is refused, and left alone. */
	db_exec(db, "PRAGMA user_version = 99", &err);
	db_close(db);
	db = db_open(path("sub/dir/a.db"), 0, &err);
	ok(db == NULL && err.code == EX_DATAERR, "a newer schema: 65");
	ok(strstr(err.msg, "newer than this ally") != NULL,
	    "a newer schema: says so");

	/* Version 0, as an empty file: only DB_CREATE makes it one. */
	fp = fopen(path("empty.db"), "w");
	fclose(fp);
	chmod(path("empty.db"), 0600);
	db = db_open(path("empty.db"), 0, &err);
	ok(db == NULL && err.code == EX_DATAERR &&
	    strstr(err.msg, "not an ally database") != NULL,
	    "an empty file without DB_CREATE: not an ally database, 65");
	db = db_open(path("empty.db"), DB_CREATE, &err);
	ok(db != NULL && query_int(db, "PRAGMA user_version") ==
	    DB_SCHEMA_VERSION, "an empty file is migrated to the schema");
	db_close(db);

	fp = fopen(path("text.db"), "w");
	fputs("name,role\nnot,a database at all, but long enough to be "
	    "mistaken for a header page by nobody\n", fp);
	fclose(fp);
	db = db_open(path("text.db"), 0, &err);
	ok(db == NULL && err.code == EX_DATAERR, "a text file: 65");

	ok(symlink(path("empty.db"), path("link.db")) == 0, "a symlink made");
	db = db_open(path("link.db"), 0, &err);
	ok(db == NULL && err.code == EX_NOPERM, "a symlink: refused, 77");

	db = db_open(dir, 0, &err);
	ok(db == NULL && err.code == EX_DATAERR, "a directory: refused");

	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return 1;
	}
	return done_testing();
}
