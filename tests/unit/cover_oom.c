/*
 * cover_oom: SQLite running out of memory at any one of its allocations,
 * in each privacy operation (the contact list, erasure, retention, the
 * audit log, the backup, the checkpoint), gives a clean error and leaves
 * the database as it was or wholly changed, never in between.  SQLite's
 * allocator is replaced by one that fails the Nth call; N runs from 1 up
 * to the first run in which the operation needed no more than N - 1.
 *
 * Usage: cover_oom TEMPLATE.db WORKDIR, where TEMPLATE is the demo
 * network with A04 left on 2026-11-01 (tests/0919-cover-oom.t).
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

static sqlite3_mem_methods base;
static long armed, calls;	/* fail the armed'th call; 0: never */
static int fired;

static void *
oom_malloc(int n)
{
	if (armed > 0 && ++calls == armed) {
		fired = 1;
		return NULL;
	}
	return base.xMalloc(n);
}

static void *
oom_realloc(void *p, int n)
{
	if (armed > 0 && ++calls == armed) {
		fired = 1;
		return NULL;
	}
	return base.xRealloc(p, n);
}

static const char *template, *workdir;
static char work[4096], backup[4096];

/* A fresh copy of the template, and no backup left from the last run. */
static void
fresh(void)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char path[4200], buf[65536];
	size_t i, n;
	FILE *in, *out;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", work, ext[i]);
		unlink(path);
	}
	unlink(backup);
	if ((in = fopen(template, "rb")) == NULL ||
	    (out = fopen(work, "wb")) == NULL)
		abort();
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			abort();
	if (ferror(in) || fclose(out) != 0 || chmod(work, 0600) != 0)
		abort();
	fclose(in);
}

static int
count_audit(const struct record *r, void *arg, struct ally_error *err)
{
	(void)r;
	(void)err;
	(*(int *)arg)++;
	return 0;
}

enum op { OPEN, CONTACTS, ERASE, RETENTION, AUDIT, BACKUP, CHECKPOINT };
static const char *const op_name[] = { "opening", "contact list",
    "erasure", "retention", "audit log", "backup", "checkpoint" };

/*
 * One run of the operation, failing the n'th allocation from where it
 * starts (opening the database and finding the network are the OPEN
 * operation's own; the others start on an open database).
 */
static int
run(enum op op, long n, struct ally_error *e)
{
	struct network net;
	struct record **v = NULL, *one = NULL;
	size_t nrec = 0;
	sqlite3 *db;
	int rc = -1, count = 0;

	calls = 0;
	armed = op == OPEN ? n : 0;
	if ((db = db_open(work, 0, e)) == NULL) {
		armed = 0;
		return -1;
	}
	if (network_resolve(db, "Middelburg", &net, e) != 0)
		goto out;
	calls = 0;
	armed = n;
	switch (op) {
	case OPEN:
		rc = 0;
		break;
	case CONTACTS: {
		static const struct contact_select sel = { 0, NULL, NULL,
		    "moskee" };
		struct contacts c;

		c.sel = &sel;
		if ((rc = privacy_contacts(db, &net, &c, e)) == 0)
			privacy_contacts_free(&c);
		break;
	}
	case ERASE:
	case RETENTION:
		if (db_begin(db, e) != 0)
			break;
		if (op == ERASE)
			rc = privacy_erase(db, &net, "A04", date_from_ymd(2027,
			    1, 15), "cover_oom", &one, e);
		else
			rc = privacy_retention(db, &net, 1, date_from_ymd(2027,
			    1, 15), "cover_oom", &v, &nrec, e);
		record_free(one);
		privacy_records_free(v, nrec);
		if (rc == 0)
			rc = db_commit(db, e);
		else
			db_rollback(db);
		break;
	case AUDIT:
		rc = privacy_audit_each(db, NULL, count_audit, &count, e);
		break;
	case BACKUP:
		rc = privacy_backup(db, backup, "cover_oom", e);
		break;
	case CHECKPOINT:
		rc = privacy_checkpoint(db, e);
		break;
	}
out:
	armed = 0;
	db_close(db);
	return rc;
}

/* After a run, unarmed: the file is sound; 1 if A04's name is gone. */
static int
inspect(int *sound)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int erased = -1;

	*sound = 0;
	if (sqlite3_open_v2(work, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		*sound = strcmp((const char *)sqlite3_column_text(st, 0),
		    "ok") == 0;
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT name IS NULL FROM person WHERE "
	    "alias = 'A04'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		erased = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return erased;
}

static int
clean_code(int code)
{
	return code == EX_OSERR || code == EX_SOFTWARE || code == EX_IOERR ||
	    code == EX_CANTCREAT || code == EX_TEMPFAIL;
}

static void
sweep(enum op op)
{
	struct ally_error e;
	long n, failures = 0, unclean = 0, torn = 0, unsound = 0;
	int rc, sound, erased, writes = op == ERASE || op == RETENTION;

	for (n = 1; n < 100000; n++) {
		fresh();
		memset(&e, 0, sizeof(e));
		fired = 0;
		rc = run(op, n, &e);
		if (!fired) {
			is_int(rc, 0, "%s: succeeds with memory to spare "
			    "(%ld allocations)", op_name[op], n - 1);
			break;
		}
		erased = inspect(&sound);
		if (!sound)
			unsound++;
		if (rc != 0) {
			failures++;
			if (!clean_code(e.code) || e.msg[0] == '\0')
				unclean++;
			if (writes && erased != 0)
				torn++;
		} else if (writes && erased != 1)
			torn++;
	}
	ok(failures > 0, "%s: allocation failures were met (%ld runs "
	    "failed)", op_name[op], failures);
	is_int(unclean, 0, "%s: every failure a clean error (sysexits code "
	    "and a message)", op_name[op]);
	is_int(unsound, 0, "%s: integrity ok after every run", op_name[op]);
	if (writes)
		is_int(torn, 0, "%s: all or nothing after every run",
		    op_name[op]);
}

int
main(int argc, char *argv[])
{
	sqlite3_mem_methods m;
	int op;

	if (argc != 3) {
		fprintf(stderr, "usage: cover_oom template.db workdir\n");
		return EX_USAGE;
	}
	template = argv[1];
	workdir = argv[2];
	snprintf(work, sizeof(work), "%s/oom.db", workdir);
	snprintf(backup, sizeof(backup), "%s/oom-backup.db", workdir);
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &base) != SQLITE_OK)
		abort();
	m = base;
	m.xMalloc = oom_malloc;
	m.xRealloc = oom_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK)
		abort();
	for (op = OPEN; op <= CHECKPOINT; op++)
		sweep(op);
	done_testing();
}
