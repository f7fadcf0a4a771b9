/*
 * fuzz_db.c: libFuzzer harness of the database reading: the input is a
 * whole database file (seeded with the demo network's), written to a
 * file of mode 0600 and opened read-only, as a report or a roll-up of
 * another team's file opens it; what db_open and the lazy validation
 * of validate.c let through goes under every report: the review summary,
 * due date and members, the contact list, the reminder, the listings of
 * actions, contacts, topics and replies, the meetings as a calendar and
 * an invitation, the minutes and the agenda as documents, the briefing
 * and the caterer's note, reciprocity, the networks, and the thermometer
 * in its four views and five formats, alone and rolled up, with the
 * heat map and the picture.  A refusal is fine; a crash or a sanitizer
 * finding is not.  What the reports print goes to /dev/null.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "action.h"
#include "briefing.h"
#include "caterer.h"
#include "contactlog.h"
#include "invite.h"
#include "meeting.h"
#include "minutes.h"
#include "minutes_doc.h"
#include "network_list.h"
#include "picture.h"
#include "reciprocity.h"
#include "remind.h"
#include "reply.h"
#include "review.h"
#include "session.h"
#include "thermometer.h"
#include "topic.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char dir[] = "/tmp/fuzz-db.XXXXXX";
static char path[64];
static FILE *out;			/* /dev/null */
static int saved;			/* the standard output */

static void
quiet(const char *fmt, ...)
{
	(void)fmt;
}

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

static struct record *
row_of(sqlite3_stmt *st, void *arg)
{
	return ((struct record *(*)(sqlite3_stmt *))arg)(st);
}

/* A listing: the statement's rows as records, written as text and CSV. */
static void
list(sqlite3 *db, const struct network *net, int (*query)(sqlite3 *,
    const struct network *, sqlite3_stmt **, struct ally_error *),
    struct record *(*row)(sqlite3_stmt *), const char *const *columns)
{
	static const enum format fmt[] = { FMT_TEXT, FMT_CSV };
	struct ally_error err;
	struct writer *w;
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < sizeof(fmt) / sizeof(fmt[0]); i++) {
		st = NULL;
		if (query(db, net, &st, &err) == 0 &&
		    (w = writer_open(out, fmt[i], columns, 0, &err)) != NULL) {
			(void)db_write_rows(db, st, row_of, (void *)row, w,
			    &err);
			(void)writer_close(w, NULL);
		}
		sqlite3_finalize(st);
	}
}

/* review_members lends each record: it is looked at, not kept. */
static int
borrow(struct record *r, void *arg, struct ally_error *err)
{
	(void)err;
	return writer_put(arg, r, NULL);
}

/* The meetings as a calendar and an invitation, their minutes, agenda. */
static void
read_meetings(sqlite3 *db, const struct network *net, day_t today)
{
	static const enum format fmt[] = { FMT_TEXT, FMT_ROFF, FMT_YAML };
	struct ally_error err;
	struct ally_opts o;
	struct meeting *v = NULL;
	struct record *m;
	long long *ids = NULL;
	size_t n = 0, nids = 0, i, j;

	ally_opts_init(&o);
	if (meeting_list(db, net, today - 3660, today + 3660, &v, &n,
	    &err) == 0) {
		(void)ical_write(out, v, n, NULL, &err);
		(void)invite_write(out, v, invite_due(v, n), FMT_TEXT, &err);
	}
	free(v);
	if (minutes_select(db, net, NULL, &ids, &nids, &err) == 0)
		for (i = 0; i < nids && i < 8; i++) {
			if ((m = minutes_load(db, net, ids[i],
			    MINUTES_LOAD_OVERRIDE, &err)) == NULL)
				continue;
			for (j = 0; j < sizeof(fmt) / sizeof(fmt[0]); j++) {
				o.format = fmt[j];
				(void)minutes_doc_put(out, m, 0, &o, 0, &err);
			}
			record_free(m);
		}
	free(ids);
	if ((m = minutes_agenda(db, net, today, &err)) != NULL) {
		for (j = 0; j < sizeof(fmt) / sizeof(fmt[0]); j++) {
			o.format = fmt[j];
			(void)minutes_doc_put(out, m, 1, &o, 0, &err);
		}
		record_free(m);
	}
}

static void
read_more(sqlite3 *db, const struct network *net, day_t today,
    const struct review_limits *lim)
{
	struct ally_error err;
	struct action_filter f;
	struct reciprocity rp;
	struct writer *w;
	sqlite3_stmt *st = NULL;

	if ((w = writer_open(out, FMT_TEXT, NULL, 0, &err)) != NULL) {
		(void)review_members(db, net, today - 182, today, lim, borrow,
		    w, &err);
		(void)writer_close(w, NULL);
	}
	memset(&f, 0, sizeof(f));
	if (action_query(db, net, &f, &st, &err) == 0 &&
	    (w = writer_open(out, FMT_TEXT, action_record_fields, 0,
	    &err)) != NULL) {
		(void)db_write_rows(db, st, row_of, (void *)action_record, w,
		    &err);
		(void)writer_close(w, NULL);
	}
	sqlite3_finalize(st);
	list(db, net, contact_query, contact_record, contact_fields);
	list(db, net, topic_query, topic_record, topic_fields);
	list(db, net, reply_query, reply_record, reply_fields);
	if (reciprocity_count(&rp, db, net, today - 365, today, today,
	    &err) == 0) {
		(void)reciprocity_write(out, FMT_TEXT, &rp, &err);
		(void)reciprocity_write(out, FMT_CSV, &rp, &err);
	}
	(void)network_list_write(db, out, FMT_TEXT, &err);
	read_meetings(db, net, today);
}

/* What reads the file itself: the briefing, the caterer, the thermometer. */
static void
read_reports(void)
{
	static const enum format fmt[] = { FMT_TEXT, FMT_CSV, FMT_YAML,
	    FMT_ROFF, FMT_MAIL };
	static const enum format note[] = { FMT_TEXT, FMT_ROFF };
	const char *dbs[1] = { path };
	struct ally_error err;
	struct ally_opts o;
	struct thermometer t;
	size_t i;
	long printed;
	int v, rollup;

	ally_opts_init(&o);
	o.db = path;
	for (i = 0; i < sizeof(note) / sizeof(note[0]); i++) {
		o.format = note[i];
		(void)session_read(&o, SESSION_READONLY, quiet,
		    briefing_print, &o, &err);
		(void)session_read(&o, SESSION_READONLY, quiet,
		    caterer_print, &o, &err);
	}
	for (rollup = 0; rollup <= 1; rollup++) {
		memset(&t, 0, sizeof(t));
		signal_rules_default(&t.rules);
		t.rollup = rollup;
		t.by = rollup ? SIGNAL_BY_QUARTER : SIGNAL_BY_MONTH;
		t.since = -3660 * 10;
		(void)date_today(&t.until, &err);
		t.human = 1;
		if (thermometer_load(&t, &o, dbs, 1, quiet, &err) == 0) {
			for (v = THERMOMETER_LATEST; v <= THERMOMETER_SIGNALS;
			    v++)
				for (i = 0; i < sizeof(fmt) / sizeof(fmt[0]);
				    i++)
					(void)thermometer_print(out, &t,
					    (enum thermometer_view)v, fmt[i],
					    &printed, &err);
			(void)thermometer_heatmap(out, &t, &err);
			o.format = FMT_TEXT;
			(void)picture_print(out, &t, &o, dbs, 1, 0, quiet,
			    &err);
		}
		thermometer_free(&t);
	}
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
	read_more(db, &net, today, &lim);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ally_error err;
	sqlite3 *db;
	int fd;

	if (path[0] == '\0') {
		/* No lookaside: ASan sees each of SQLite's allocations. */
		if (sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) != SQLITE_OK ||
		    mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof(path), "%s/ally.db", dir);
		atexit(cleanup);
		if ((out = fopen("/dev/null", "w")) == NULL ||
		    (saved = dup(STDOUT_FILENO)) < 0 ||
		    setenv("ALLY_TODAY", "2027-06-15", 1) != 0)
			abort();
	}
	unlink(path);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    write(fd, data, size) != (ssize_t)size || close(fd) != 0)
		abort();
	if ((db = db_open(path, DB_READONLY, &err)) != NULL) {
		read_all(db);
		db_close(db);
		/* What prints on standard output goes to /dev/null too. */
		if (fflush(stdout) != 0 ||
		    dup2(fileno(out), STDOUT_FILENO) < 0)
			abort();
		read_reports();
		if (fflush(stdout) != 0 || dup2(saved, STDOUT_FILENO) < 0)
			abort();
	}
	return 0;
}
