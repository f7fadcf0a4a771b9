/*
 * fuzz_minutes.c: libFuzzer harness of the minutes reader: YAML records
 * checked and stored by minutes_apply against a database of the demo
 * network, each input in its own
 * transaction, rolled back.  Whatever is accepted is also flattened into
 * every view, as meet-minutes -l does.  The members are those of
 * examples/members.yaml: A01..A12 active, P01 P02 police, M01 M02.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static sqlite3 *db;
static struct network net;
static day_t today;
static char dir[] = "/tmp/fuzz-minutes.XXXXXX";

/* The database and its -wal and -shm files go with the process. */
static void
cleanup(void)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	char path[64];
	size_t i;

	db_close(db);
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(path, sizeof(path), "%s/ally.db%s", dir, ext[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void
fail(const char *what, const struct ally_error *err)
{
	fprintf(stderr, "fuzz_minutes: %s: %s\n", what, err->msg);
	abort();
}

/* The database, once per process: a network and its members. */
static void
setup(void)
{
	struct ally_error err;
	struct reader *r;
	struct record *rec;
	const char *changed;
	long long id;
	char path[64], members[4096];
	size_t len = 0;
	FILE *fp;
	int i;

	today = date_from_ymd(2027, 12, 1);
	for (i = 1; i <= 12; i++)
		len += snprintf(members + len, sizeof(members) - len,
		    "- {alias: A%02d, role: ally, status: active, intake: "
		    "2026-09-01, vetted: 2026-09-02, joined: 2026-10-01}\n", i);
	len += snprintf(members + len, sizeof(members) - len,
	    "- {alias: P01, role: police, status: active}\n"
	    "- {alias: P02, role: police, status: active}\n"
	    "- {alias: M01, role: municipality, status: active}\n"
	    "- {alias: M02, role: municipality, status: active}\n");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/ally.db", dir);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL)
		fail("open", &err);
	atexit(cleanup);
	if (db_begin(db, &err) != 0 ||
	    network_create(db, "Middelburg", &net, &err) != 0)
		fail("network", &err);
	if ((fp = fmemopen(members, len, "r")) ==
	    NULL || (r = reader_open(fp, "members", FMT_YAML, &err)) == NULL)
		abort();
	while (reader_next(r, &rec, &err) == 1) {
		if (person_apply(db, &net, rec, today, &changed, &id, &err))
			fail("member", &err);
		record_free(rec);
	}
	reader_close(r);
	fclose(fp);
	if (db_commit(db, &err) != 0)
		fail("commit", &err);
}

static void
flatten_all(const struct record *rec)
{
	struct record **out = NULL;
	size_t n = 0, i;
	int v;

	for (v = MINUTES_VIEW_MEETINGS; v <= MINUTES_VIEW_ACTIONS; v++)
		minutes_flatten(rec, (enum minutes_view)v, &out, &n, NULL);
	for (i = 0; i < n; i++)
		record_free(out[i]);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ally_error err;
	struct minutes *m;
	struct reader *r;
	struct record *rec, *sum;
	FILE *fp;
	int rc;

	if (db == NULL)
		setup();
	fp = size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (fp == NULL)
		abort();
	if (db_begin(db, &err) != 0)
		fail("begin", &err);
	/* The first byte chooses the flags, as meet-minutes -r and -A do. */
	if ((m = minutes_open(db, &net, size > 0 ? data[0] & 0x03 : 0, today,
	    &err)) == NULL)
		fail("minutes_open", &err);
	if ((r = reader_open(fp, "fuzz", FMT_YAML, &err)) != NULL) {
		while ((rc = reader_next(r, &rec, &err)) == 1) {
			sum = NULL;
			rc = minutes_apply(m, rec, &sum, &err);
			if (rc == 0)
				flatten_all(rec);
			else if (err.code == 0 || err.msg[0] == '\0')
				abort();	/* an error says what */
			record_free(sum);
			record_free(rec);
			if (rc != 0)
				break;
		}
		reader_close(r);
	}
	minutes_close(m);
	db_rollback(db);
	fclose(fp);
	return 0;
}
