/*
 * fuzz_db.c: libFuzzer harness of the database reading: the input is a
 * whole database file (seeded with the demo network's), written to a
 * file of mode 0600 and opened read-only, as a report or a roll-up of
 * another team's file opens it; what db_open and the lazy validation
 * of validate.c let through goes under the readers: the review summary
 * and due date, the contact list and the reminder of the actions.  A refusal is fine; a
 * crash or a sanitizer finding is not.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "remind.h"
#include "review.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char dir[] = "/tmp/fuzz-db.XXXXXX";
static char path[64];

static void
cleanup(void)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char p[80];
	size_t i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(p, sizeof(p), "%s%s", path, ext[i]);
		unlink(p);
	}
	rmdir(dir);
}

/* The readers a report runs over the network of the file. */
static void
read_all(sqlite3 *db)
{
	struct ally_error err;
	struct network net;
	struct review_limits lim;
	struct review_due due;
	struct reminder rm;
	struct record *sum = NULL;
	struct contact_select sel = { 0, NULL, NULL, NULL };
	struct contacts c;
	day_t today;

	memset(&net, 0, sizeof(net));
	if (date_parse("2027-06-15", &today) != 0 ||
	    network_resolve(db, NULL, &net, &err) != 0)
		return;
	review_limits_init(&lim);
	if (review_summary(db, &net, today - 182, today, &lim, &sum,
	    &err) == 0)
		record_free(sum);
	(void)review_due(db, &net, today, &lim, &due, &err);
	memset(&c, 0, sizeof(c));
	c.sel = &sel;
	if (privacy_contacts(db, &net, &c, &err) == 0)
		privacy_contacts_free(&c);
	memset(&rm, 0, sizeof(rm));
	(void)reminder_build(&rm, db, &net, today, 7, &err);
	reminder_free(&rm);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ally_error err;
	sqlite3 *db;
	int fd;

	if (path[0] == '\0') {
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof(path), "%s/ally.db", dir);
		atexit(cleanup);
	}
	unlink(path);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    write(fd, data, size) != (ssize_t)size || close(fd) != 0)
		abort();
	if ((db = db_open(path, DB_READONLY, &err)) != NULL) {
		read_all(db);
		db_close(db);
	}
	return 0;
}
