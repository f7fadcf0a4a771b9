/*
 * cover_lib: library paths the commands seldom take: deep copies and
 * removal of records with every kind of field, the field limit,
 * blackout records, where the database is looked for, how SQLite
 * results map to exit statuses, and the ways opening a database fails.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

static char dir[] = "/tmp/cover-lib.XXXXXX";

/* ---- records ------------------------------------------------------------ */

static void
test_record_dup(void)
{
	struct record *r = record_new(), *t, *d;
	const struct field *f;
	char key[16];
	int i, rc = 0;

	record_set(r, "alias", "A01");
	record_set_null(r, "left");
	record_add_item(r, "present", "A01");
	record_add_item(r, "present", "P01");
	t = record_new();
	record_set(t, "theme", "trust");
	record_add_item(t, "tags", "school");
	record_add_record(r, "themes", t);
	t = record_new();
	record_set(t, "theme", "youth");
	record_add_record(r, "themes", t);
	r->file = "minutes.yaml";
	r->line = 7;

	d = record_dup(r);
	ok(d != NULL && d->nfields == 4, "record_dup: every field copied");
	is_str(d->file, "minutes.yaml", "record_dup: the file name kept");
	is_int(d->line, 7, "record_dup: the line kept");
	ok(record_has(d, "left") && record_get(d, "left") == NULL,
	    "record_dup: a null field stays null");
	f = record_field(d, "present");
	ok(f != NULL && f->kind == VAL_LIST && f->nitems == 2 &&
	    strcmp(f->items[1], "P01") == 0, "record_dup: a list copied");
	f = record_field(d, "themes");
	ok(f != NULL && f->kind == VAL_RECORDS && f->nrecs == 2 &&
	    strcmp(record_get(f->recs[1], "theme"), "youth") == 0,
	    "record_dup: nested records copied");
	ok(f != NULL && f->nrecs == 2 && f->recs[0] !=
	    record_field(r, "themes")->recs[0] &&
	    record_field(f->recs[0], "tags")->nitems == 1,
	    "record_dup: deeply, not shared");
	record_free(r);	/* the copy must survive the original */
	is_str(record_get(record_field(d, "themes")->recs[0], "theme"),
	    "trust", "record_dup: the copy lives on after the original");

	is_int(record_remove(d, "present"), 1, "record_remove: a list field");
	is_int(record_remove(d, "present"), 0, "record_remove: gone already");
	is_int(record_remove(d, "alias"), 1, "record_remove: the first field");
	is_int(d->nfields, 2, "record_remove: two fields left");
	is_str(d->fields[0].key, "left", "record_remove: order kept");
	is_int(record_remove(d, "themes"), 1, "record_remove: nested records");
	is_int(record_remove(d, "left"), 1, "record_remove: the last field");
	is_int(d->nfields, 0, "record_remove: an empty record");
	record_free(d);

	r = record_new();
	for (i = 0; i < ALLY_MAX_FIELDS && rc == 0; i++) {
		snprintf(key, sizeof(key), "f%d", i);
		rc = record_set(r, key, "v");
	}
	is_int(rc, 0, "record: %d fields fit", ALLY_MAX_FIELDS);
	is_int(record_set(r, "one-more", "v"), -1,
	    "record: the field after the limit is refused");
	is_int(record_set(r, "f0", "replaced"), 0,
	    "record: replacing a field at the limit still works");
	record_free(r);
}

/* ---- blackouts ---------------------------------------------------------- */

static int
blackout(struct blackouts *b, const char *from, const char *to,
    const char *reason, struct ally_error *e)
{
	struct record *r = record_new();
	int rc;

	r->file = "blackouts.yaml";
	r->line = 3;
	if (from != NULL)
		record_set(r, "from", from);
	if (to != NULL)
		record_set(r, "to", to);
	if (reason != NULL)
		record_set(r, "reason", reason);
	ally_error_clear(e);
	rc = blackout_add(b, r, e);
	record_free(r);
	return rc;
}

static void
test_blackouts(void)
{
	struct blackouts b;
	struct ally_error e = { 0, "" };
	const struct blackout *k;
	char day[32];
	int i, rc = 0;

	memset(&b, 0, sizeof(b));
	is_int(blackout(&b, NULL, "2027-03-01", "x", &e), -1,
	    "blackout: no first day");
	is_str(e.msg, "blackouts.yaml:3: from: a blackout needs its first day "
	    "(from: YYYY-MM-DD)", "  the diagnostic");
	is_int(e.code, EX_DATAERR, "  bad data");
	is_int(blackout(&b, "2027-02-30", NULL, NULL, &e), -1,
	    "blackout: a first day that is no date");
	is_str(e.msg, "blackouts.yaml:3: from: '2027-02-30' is not a date "
	    "(YYYY-MM-DD)", "  the diagnostic");
	is_int(blackout(&b, "2027-03-01", "March", NULL, &e), -1,
	    "blackout: a last day that is no date");
	is_str(e.msg, "blackouts.yaml:3: to: 'March' is not a date "
	    "(YYYY-MM-DD)", "  the diagnostic");
	is_int(blackout(&b, "2027-03-01", "2027-02-28", NULL, &e), -1,
	    "blackout: ending before it begins");
	is_str(e.msg, "blackouts.yaml:3: to: 2027-02-28 is before the first "
	    "day", "  the diagnostic");
	is_int(b.n, 0, "blackout: none of them kept");

	/* Many of them: the array grows; one day without 'to'. */
	for (i = 1; i <= 20 && rc == 0; i++) {
		snprintf(day, sizeof(day), "2027-05-%02d", i);
		rc = blackout(&b, day, NULL, i == 5 ? NULL : "exams", &e);
	}
	is_int(rc, 0, "blackout: twenty one-day periods kept");
	is_int(b.n, 20, "blackout: all of them");
	k = blackout_find(&b, date_from_ymd(2027, 5, 5));
	ok(k != NULL && strcmp(k->reason, "") == 0,
	    "blackout: without a reason, an empty one");
	ok(blackout_find(&b, date_from_ymd(2027, 5, 21)) == NULL,
	    "blackout: the day after is free");
	blackouts_free(&b);
}

/* ---- the database path, errors, opening ------------------------------- */

static void
test_db_path(void)
{
	struct ally_error e = { 0, "" };
	char buf[64], longpath[200];

	unsetenv("ALLY_DB");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/coordinator", 1);
	is_int(db_path(NULL, buf, sizeof(buf), &e), 0, "db_path: from HOME");
	is_str(buf, "/home/coordinator/.local/share/ally/ally.db",
	    "  under ~/.local/share/ally");
	setenv("XDG_DATA_HOME", "relative/data", 1);
	is_int(db_path("", buf, sizeof(buf), &e), 0,
	    "db_path: an empty --db and a relative XDG_DATA_HOME");
	is_str(buf, "/home/coordinator/.local/share/ally/ally.db",
	    "  are both ignored");
	setenv("HOME", "relative", 1);
	is_int(db_path(NULL, buf, sizeof(buf), &e), -1,
	    "db_path: a relative HOME is no place either");
	is_int(e.code, EX_USAGE, "  a usage error");
	is_str(e.msg, "no database: give --db, or set ALLY_DB or HOME",
	    "  saying what to give");
	unsetenv("HOME");
	ally_error_clear(&e);
	is_int(db_path(NULL, buf, sizeof(buf), &e), -1, "db_path: no HOME");
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	longpath[sizeof(longpath) - 1] = '\0';
	is_int(db_path(longpath, buf, sizeof(buf), &e), -1,
	    "db_path: a path longer than the buffer");
	is_str(e.msg, "database path too long", "  is refused");
	{
		struct ally_error w = { 0, "" };

		is_int(db_path_checked(NULL, buf, sizeof(buf), &e, &w), -1,
		    "db_path_checked: fails as db_path does");
		is_int(w.code, 0, "  with no warning");
	}
}

static void
test_db_error(void)
{
	static const struct {
		int	rc, code;
	} map[] = {
		{ SQLITE_BUSY, EX_TEMPFAIL }, { SQLITE_LOCKED, EX_TEMPFAIL },
		{ SQLITE_READONLY, EX_NOPERM }, { SQLITE_PERM, EX_NOPERM },
		{ SQLITE_AUTH, EX_NOPERM }, { SQLITE_CANTOPEN, EX_NOINPUT },
		{ SQLITE_FULL, EX_IOERR }, { SQLITE_IOERR, EX_IOERR },
		{ SQLITE_IOERR_WRITE, EX_IOERR }, { SQLITE_NOTADB, EX_DATAERR },
		{ SQLITE_CORRUPT, EX_DATAERR },
		{ SQLITE_CONSTRAINT_UNIQUE, EX_DATAERR },
		{ SQLITE_TOOBIG, EX_DATAERR }, { SQLITE_NOMEM, EX_OSERR },
		{ SQLITE_MISUSE, EX_SOFTWARE }, { SQLITE_ERROR, EX_SOFTWARE },
	};
	struct ally_error e = { 0, "" };
	size_t i;
	int wrong = 0;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		ally_error_clear(&e);
		if (db_error(NULL, map[i].rc, &e, NULL) != -1 ||
		    e.code != map[i].code) {
			wrong++;
			printf("# rc %d: code %d, want %d\n", map[i].rc, e.code,
			    map[i].code);
		}
	}
	is_int(wrong, 0, "db_error: each SQLite result its exit status");
	db_error(NULL, SQLITE_READONLY, &e, "person");
	is_str(e.msg, "person: attempt to write a readonly database",
	    "db_error: without a connection, SQLite's own words");
	db_error(NULL, SQLITE_BUSY, &e, NULL);
	is_str(e.msg, "database is busy (another ally command is writing); "
	    "try again", "db_error: busy says try again");
}

static void
test_db_open(void)
{
	struct ally_error e = { 0, "" };
	char path[512], file[256];
	sqlite3 *db;
	int fd;

	snprintf(file, sizeof(file), "%s/plain-file", dir);
	fd = open(file, O_WRONLY | O_CREAT, 0600);
	close(fd);

	/* A directory on the way that is a file: it cannot be made (73). */
	snprintf(path, sizeof(path), "%s/ally.db", file);
	ok(db_open(path, 0, &e) == NULL, "db_open: a path through a file");
	is_int(e.code, EX_CANTCREAT, "  cannot create (73)");
	/*
	 * Where no directory or file can be made (proc(5) takes none),
	 * whether the missing directory is the last one or one before it,
	 * or only the file is missing.
	 */
	ok(db_open("/proc/ally-cover/sub/ally.db", DB_CREATE, &e) == NULL,
	    "db_open: creating where no directories can be made");
	is_int(e.code, EX_CANTCREAT, "  cannot create (73)");
	is_str(e.msg, "/proc/ally-cover: No such file or directory",
	    "  naming the first directory");
	ok(db_open("/proc/ally-cover/ally.db", DB_CREATE, &e) == NULL,
	    "db_open: creating where the one directory cannot be made");
	is_int(e.code, EX_CANTCREAT, "  cannot create (73)");
	ok(db_open("/proc/ally-cover.db", DB_CREATE, &e) == NULL,
	    "db_open: creating a file where none can be made");
	is_int(e.code, EX_CANTCREAT, "  cannot create (73)");
	is_str(e.msg, "/proc/ally-cover.db: No such file or directory",
	    "  naming the file");
	snprintf(path, sizeof(path), "%s", dir);
	ok(db_open(path, 0, &e) == NULL, "db_open: a directory");
	is_int(e.code, EX_DATAERR, "  is not a regular file (65)");

	/* Created in new directories, then opened read-only. */
	snprintf(path, sizeof(path), "%s/a/b/ally.db", dir);
	db = db_open(path, DB_CREATE, &e);
	ok(db != NULL, "db_open: made with its directories");
	db_close(db);
	snprintf(file, sizeof(file), "%s/a/b", dir);
	{
		struct stat sb;

		ok(stat(file, &sb) == 0 && (sb.st_mode & 0777) == 0700,
		    "db_open: the new directory is 0700");
	}
	db = db_open(path, DB_READONLY, &e);
	ok(db != NULL, "db_open: read-only");
	is_int(db_exec(db, "INSERT INTO network (name) VALUES ('Veere')", &e),
	    -1, "a write on a read-only connection fails");
	is_int(e.code, EX_NOPERM, "  as permission denied (77)");
	db_close(db);

	/* A database of a newer schema is refused read-only. */
	db = db_open(path, 0, &e);
	db_exec(db, "PRAGMA user_version = 99", &e);
	db_close(db);
	ok(db_open(path, DB_READONLY, &e) == NULL,
	    "db_open: a newer schema read-only");
	ok(strstr(e.msg, "schema version 99") != NULL, "  says which");
	ok(db_open(path, 0, &e) == NULL, "db_open: and read-write");
	is_int(e.code, EX_DATAERR, "  bad data (65)");
}

static void
test_check_mode(void)
{
	struct ally_error w = { 0, "" };
	char cwd[512];

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		abort();
	/* A name without a directory: the current one is looked at. */
	chmod(dir, 0777);
	if (chdir(dir) != 0)
		abort();
	is_int(db_check_mode("ally.db", &w), 1,
	    "check_mode: a bare name in a world-writable directory");
	ok(strstr(w.msg, "warning: .: the database's directory is writable") !=
	    NULL, "  names the directory as '.'");
	chmod(dir, 0700);
	ally_error_clear(&w);
	is_int(db_check_mode("ally.db", &w), 0,
	    "check_mode: a private directory is fine");
	if (chdir(cwd) != 0)
		abort();
	/* A database in / : the root directory is looked at (not writable). */
	is_int(db_check_mode("/ally-cover-no-such.db", &w), 0,
	    "check_mode: a file at the root looks at /");
}

/* ---- formats ------------------------------------------------------------ */

static void
test_formats(void)
{
	struct ally_error e = { 0, "" };
	struct record *r = record_new();
	char *copy;
	struct writer *w;
	struct reader *rd;
	enum format f = FMT_AUTO;
	char *buf = NULL;
	size_t len;
	FILE *fp;

	is_int(format_parse("yml", &f), 0, "format: yml is a name of yaml");
	is_int(f, FMT_YAML, "  yaml it is");
	is_int(format_parse("xml", &f), -1, "format: xml is unknown");

	fp = fmemopen("alias: A01\n", 11, "r");
	ok(reader_open(fp, "m.txt", FMT_TEXT, &e) == NULL,
	    "reader: text is no input format");
	is_str(e.msg, "m.txt: records are read as yaml or csv, not text",
	    "  saying so");
	rd = reader_open(fp, "m.yaml", FMT_AUTO, &e);
	is_str(rd != NULL ? reader_name(rd) : NULL, "m.yaml",
	    "reader: keeps the input's name");
	reader_close(rd);
	reader_close(NULL);	/* as free(NULL) */
	fclose(fp);
	is_int(writer_close(NULL, &e), 0, "writer_close(NULL) is no error");

	/* A value that is not UTF-8 has no YAML form; CSV passes bytes. */
	record_set(r, "alias", "A01");
	record_set(r, "note", "caf\xe9");
	fp = open_memstream(&buf, &len);
	w = writer_open(fp, FMT_YAML, NULL, 0, &e);
	ally_error_clear(&e);
	is_int(writer_put(w, r, &e), -1, "yaml writer: invalid UTF-8 refused");
	is_int(e.code, EX_DATAERR, "  as bad data");
	is_str(e.msg, "a value is not valid UTF-8 and has no YAML form",
	    "  saying why");
	writer_close(w, &e);
	fclose(fp);
	free(buf);
	record_free(r);

	copy = ally_strdup("A01");
	is_str(copy, "A01", "ally_strdup copies");
	free(copy);
	ok(ally_strdup(NULL) == NULL, "ally_strdup(NULL) is NULL");
}

int
main(void)
{
	char cmd[300];

	if (mkdtemp(dir) == NULL)
		abort();
	test_record_dup();
	test_blackouts();
	test_db_path();
	test_db_error();
	test_db_open();
	test_check_mode();
	test_formats();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
