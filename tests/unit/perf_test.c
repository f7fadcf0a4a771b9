/*
 * perf_test.c: the parts of libally that serve speed and long work: the
 * statements db_prepare_cached keeps, a signal insert without temporary
 * indexes, the indexes of a meeting's themes and actions, and the
 * progress line, which a terminal gets and a pipe never does.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

static const char sql_count[] = "SELECT count(*) FROM person WHERE "
    "network_id = ?";
static const char sql_echo[] = "SELECT coalesce(?, 'unbound')";

static void
test_stmt_cache(const char *dir)
{
	struct ally_error err;
	struct network net;
	sqlite3_stmt *a, *b, *c;
	sqlite3 *db, *db2;
	char path[1024], wal[1100], copy[sizeof(sql_count)];
	long long id;
	int rc;

	snprintf(path, sizeof(path), "%s/cache.db", dir);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	db = db_open(path, DB_CREATE, &err);
	ok(db != NULL, "a database to keep statements for");
	if (db == NULL)
		return;
	rc = db_begin(db, &err) == 0 &&
	    network_create(db, "Cache", &net, &err) == 0 &&
	    db_commit(db, &err) == 0;
	ok(rc, "a network in it");

	is_int(db_prepare_cached(db, sql_count, &a, &err), 0,
	    "a statement is prepared");
	sqlite3_bind_int64(a, 1, net.id);
	is_int(sqlite3_step(a), SQLITE_ROW, "and runs");
	/* The same SQL while the first is in use: another statement. */
	is_int(db_prepare_cached(db, sql_count, &b, &err), 0,
	    "the same SQL, nested, is prepared too");
	ok(a != b, "as a statement of its own");
	db_release(b);
	db_release(a);
	/* A copy of the text finds it: the key is the SQL, not the pointer. */
	memcpy(copy, sql_count, sizeof(copy));
	is_int(db_prepare_cached(db, copy, &c, &err), 0, "asked for again");
	ok(c == a || c == b, "the kept statement comes back");
	ok(sqlite3_stmt_busy(c) == 0, "reset when it was given back");
	db_release(c);

	is_int(db_prepare_cached(db, sql_echo, &a, &err), 0, "another one");
	sqlite3_bind_text(a, 1, "bound", -1, SQLITE_STATIC);
	sqlite3_step(a);
	is_str((const char *)sqlite3_column_text(a, 0), "bound",
	    "runs with its binding");
	db_release(a);
	is_int(db_prepare_cached(db, sql_echo, &b, &err), 0, "kept");
	ok(a == b, "the same statement");
	sqlite3_step(b);
	is_str((const char *)sqlite3_column_text(b, 0), "unbound",
	    "its bindings were cleared");
	db_release(b);

	is_int(person_by_alias(db, net.id, "A01", &id, &err), 0,
	    "person_by_alias through the cache: not found");
	is_int(person_by_alias(db, net.id, "A01", &id, &err), 0,
	    "and again, from the kept statement");

	/* Another connection never gets this one's statements. */
	db2 = db_open(path, 0, &err);
	ok(db2 != NULL, "a second connection");
	if (db2 != NULL) {
		is_int(db_prepare_cached(db2, sql_count, &b, &err), 0,
		    "prepares the same SQL");
		ok(sqlite3_db_handle(b) == db2, "on its own connection");
		db_release(b);
		db_close(db2);
	}
	/* db_close finalizes what it kept: else sqlite3_close is BUSY. */
	db_close(db);
	ok(access(wal, F_OK) != 0, "db_close with statements kept closes "
	    "the file (the last close removes the WAL)");
	db = db_open(path, 0, &err);
	ok(db != NULL, "the file opens again");
	is_int(db_prepare_cached(db, "SELECT nonsense FROM", &a, &err), -1,
	    "bad SQL is an error");
	db_close(db);
	unlink(path);
}

/* Does the plan of a query search an index (rather than scan a table)? */
static int
uses_index(sqlite3 *db, const char *query)
{
	struct ally_error err;
	sqlite3_stmt *st;
	char sql[512];
	int found = 0;

	snprintf(sql, sizeof(sql), "EXPLAIN QUERY PLAN %s", query);
	if (db_prepare(db, sql, &st, &err) != 0)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strstr((const char *)sqlite3_column_text(st, 3),
		    "USING INDEX") != NULL)
			found = 1;
	sqlite3_finalize(st);
	return found;
}

/*
 * Storing a signal builds no temporary index: SQLite checks an IN list
 * of three or more that way, on every insert, so the schema spells the
 * signal's checks with OR.  They must still refuse what they refused.
 */
static void
test_signal_insert_plan(const char *dir)
{
	static const char ins[] = "INSERT INTO signal (network_id, date, "
	    "theme, tension, trend, basis) VALUES (?, '2027-01-01', 'trust', "
	    "1, ?, ?)";
	struct ally_error err;
	struct network net;
	sqlite3_stmt *st;
	sqlite3 *db;
	char path[1024], sql[256];
	int ephemeral = 0, rc;

	snprintf(path, sizeof(path), "%s/plan.db", dir);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL ||
	    db_begin(db, &err) != 0 ||
	    network_create(db, "Plan", &net, &err) != 0) {
		ok(0, "a database for the plan: %s", err.msg);
		return;
	}
	snprintf(sql, sizeof(sql), "EXPLAIN %s", ins);
	if (db_prepare(db, sql, &st, &err) == 0) {
		while (sqlite3_step(st) == SQLITE_ROW)
			if (strcmp((const char *)sqlite3_column_text(st, 1),
			    "OpenEphemeral") == 0)
				ephemeral++;
		sqlite3_finalize(st);
	}
	is_int(ephemeral, 0, "storing a signal opens no temporary index");
	if (db_prepare(db, ins, &st, &err) != 0) {
		ok(0, "the insert prepares: %s", err.msg);
		return;
	}
	sqlite3_bind_int64(st, 1, net.id);
	sqlite3_bind_text(st, 2, "falling", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, "potential", -1, SQLITE_STATIC);
	is_int(sqlite3_step(st), SQLITE_DONE, "a valid trend and basis");
	sqlite3_reset(st);
	sqlite3_bind_null(st, 2);
	sqlite3_bind_null(st, 3);
	is_int(sqlite3_step(st), SQLITE_DONE, "no trend, no basis");
	sqlite3_reset(st);
	sqlite3_bind_text(st, 2, "up", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, "potential", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	is_int(sqlite3_extended_errcode(db), SQLITE_CONSTRAINT_CHECK,
	    "another trend is refused (%d)", rc);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 2, "rising", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, "rumour", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	is_int(sqlite3_extended_errcode(db), SQLITE_CONSTRAINT_CHECK,
	    "another basis is refused (%d)", rc);
	sqlite3_finalize(st);
	ok(uses_index(db, "SELECT theme FROM signal WHERE meeting_id = ?"),
	    "a meeting's themes are found by an index, not a scan");
	ok(uses_index(db, "SELECT title FROM action WHERE meeting_id = ?"),
	    "a meeting's actions too");
	db_rollback(db);
	db_close(db);
	unlink(path);
}

/* What the terminal got, read from the master side of a pty. */
static void
drain(int fd, char *buf, size_t len)
{
	struct pollfd p = { fd, POLLIN, 0 };
	size_t n = 0;
	ssize_t k;

	while (n + 1 < len && poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
		if ((k = read(fd, buf + n, len - n - 1)) <= 0)
			break;
		n += (size_t)k;
	}
	buf[n] = '\0';
}

/*
 * A pseudo-terminal of 60 columns: its master and slave.  Not openpty,
 * whose TIOCGPTPEER valgrind does not know (a warning in its log, which
 * `make check-valgrind` counts as a finding).
 */
static int
open_pty(int *master, int *slave, const struct winsize *ws)
{
	const char *name;

	if ((*master = posix_openpt(O_RDWR | O_NOCTTY)) < 0)
		return -1;
	if (grantpt(*master) != 0 || unlockpt(*master) != 0 ||
	    (name = ptsname(*master)) == NULL ||
	    (*slave = open(name, O_RDWR | O_NOCTTY)) < 0) {
		close(*master);
		return -1;
	}
	return ioctl(*slave, TIOCSWINSZ, ws);
}

static void
test_progress(void)
{
	struct progress *p;
	struct winsize ws = { 24, 60, 0, 0 };
	char buf[1024];
	int master, slave, fds[2];
	FILE *fp;

	/* A pipe (cron, a log, mail) gets nothing, not even a NULL check. */
	if (pipe(fds) != 0 || (fp = fdopen(fds[1], "w")) == NULL) {
		ok(0, "a pipe");
		return;
	}
	p = progress_start(fp, "ingest", 100);
	ok(p == NULL, "no progress in a pipe");
	progress_update(p, 50);
	progress_draw(p, 50);
	progress_end(p);
	fclose(fp);
	is_int(read(fds[0], buf, sizeof(buf)), 0, "nothing written to it");
	close(fds[0]);

	if (open_pty(&master, &slave, &ws) != 0 ||
	    (fp = fdopen(slave, "w")) == NULL) {
		ok(0, "a pseudo-terminal");
		return;
	}
	p = progress_start(fp, "signals", 1000);
	ok(p != NULL, "progress on a terminal");
	progress_update(p, 10);	/* drawn after half a second */
	drain(master, buf, sizeof(buf));
	progress_draw(p, 500);
	drain(master, buf, sizeof(buf));
	like_prefix(buf, "\rsignals: 500 of 1,000, ",
	    "the count of the total, with thousands marked");
	ok(strstr(buf, " 50% [") != NULL, "the percentage");
	ok(strstr(buf, "#.") != NULL && buf[strlen(buf) - 1] == ']',
	    "and a bar, half full");
	ok(strlen(buf) <= 60, "within the terminal's width (%zu)",
	    strlen(buf));
	progress_end(p);
	drain(master, buf, sizeof(buf));
	ok(buf[0] == '\r' && strspn(buf + 1, " ") == strlen(buf) - 2 &&
	    buf[strlen(buf) - 1] == '\r', "the end erases the line");

	p = progress_start(fp, NULL, 0);
	progress_draw(p, 1234567);
	drain(master, buf, sizeof(buf));
	like_prefix(buf, "\r1,234,567 records, ",
	    "without a total: the count and the rate");
	ok(strstr(buf, "/s") != NULL && strchr(buf, '[') == NULL,
	    "and no bar");
	progress_end(p);
	fclose(fp);
	close(master);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[512];

	snprintf(dir, sizeof(dir), "%s/ally-perf-test.XXXXXX",
	    tmp != NULL && *tmp == '/' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 1;
	test_stmt_cache(dir);
	test_signal_insert_plan(dir);
	test_progress();
	rmdir(dir);
	return done_testing();
}
