/*
 * session_test: the write session.  A dry run leaves nothing; an error in
 * the third record leaves nothing and no spool file; the spool file is
 * 0600 and unlinked from the start; the results come out in order, whole
 * (lists and nested records too), and only after the commit.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

static char dir[] = "/tmp/ally-session-test.XXXXXX";
static char spooldir[300], dbpath[300], input[300], out[300];

/* Each record an audit entry of its "what"; "bad" is bad data. */
static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct ally_session *s = arg;
	struct record *res, *sub = NULL;
	const char *what = record_get(r, "what");
	int nested = s->o->format == FMT_YAML;

	if (strcmp(what, "bad") == 0)
		return ally_error_at(err, EX_DATAERR, r->file, r->line, "what",
		    "bad");
	if (db_audit(s->db, "session_test", s->net.name, what, 1, err) != 0)
		return -1;
	if ((res = record_new()) == NULL ||
	    record_set(res, "what", what) != 0 ||
	    record_set_int(res, "line", (long long)r->line) != 0 ||
	    record_set_null(res, "none") != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if (nested && ((sub = record_new()) == NULL ||
	    record_add_item(res, "list", "a b") != 0 ||
	    record_add_item(res, "list", "") != 0 ||
	    record_set(sub, "inner", what) != 0 ||
	    record_add_record(res, "subs", sub) != 0))
		return ally_errorf(err, EX_OSERR, "out of memory");
	if (session_result(s, res, err) != 0) {
		record_free(res);
		return -1;
	}
	record_free(res);
	return 0;
}

static int
audits(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_open(dbpath, &db) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE command "
	    "= 'session_test'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static int
spool_files(void)
{
	DIR *d;
	struct dirent *e;
	int n = 0;

	if ((d = opendir(spooldir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
write_file(const char *p, const char *text)
{
	FILE *fp = fopen(p, "w");

	fputs(text, fp);
	fclose(fp);
}

static char *
read_file(const char *p)
{
	static char buf[4096];
	FILE *fp = fopen(p, "r");
	size_t n;

	n = fread(buf, 1, sizeof(buf) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/*
 * Commit and print, standard output in a file: the results printed by
 * the commit, before it (so that a failure exit means nothing stored).
 */
static int
finish_to_file(struct ally_session *s, struct ally_error *err)
{
	int fd, saved, rc, empty, results = s->nresults > 0;

	fflush(stdout);
	saved = dup(1);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 1);
	close(fd);
	rc = session_commit(s, err);
	fflush(stdout);
	empty = strcmp(read_file(out), "") == 0;
	if (rc == 0)
		rc = session_print(s, err);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	session_close(s);
	ok(empty == !results, "the results printed at the commit");
	return rc;
}

int
main(void)
{
	struct ally_opts o;
	struct ally_session s;
	struct ally_error err;
	struct stat sb;
	char *files[1];

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(spooldir, sizeof(spooldir), "%s/spool", dir);
	snprintf(dbpath, sizeof(dbpath), "%s/ally.db", dir);
	snprintf(input, sizeof(input), "%s/in.csv", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	mkdir(spooldir, 0700);
	setenv("TMPDIR", spooldir, 1);
	unsetenv("ALLY_NETWORK");
	setenv("ALLY_TODAY", "2027-01-15", 1);
	files[0] = input;

	ally_opts_init(&o);
	o.db = dbpath;
	o.network = "Testnet";
	o.format = FMT_CSV;
	ok(session_open(&s, &o, SESSION_CREATE | SESSION_QUIET, NULL,
	    &err) == 0, "a new file and network");
	ok(s.spool == NULL, "quiet: no spool file");
	ok(session_finish(&s, &err) == 0, "committed");
	ok(s.db == NULL, "closed");

	/* A dry run. */
	write_file(input, "what\none\ntwo\n");
	o.dry_run = 1;
	ok(session_open(&s, &o, 0, NULL, &err) == 0, "dry run: open");
	ok(session_apply(&s, files, 1, apply_one, &s, &err) == 0,
	    "dry run: applied");
	ok(finish_to_file(&s, &err) == 0, "dry run: finished");
	is_int(audits(), 0, "dry run: nothing written");
	is_str(read_file(out), "what,line,none\r\none,2,\r\ntwo,3,\r\n",
	    "dry run: the results printed");
	o.dry_run = 0;

	/* The spool file. */
	ok(session_open(&s, &o, 0, NULL, &err) == 0, "open");
	ok(s.spool != NULL && fstat(fileno(s.spool), &sb) == 0 &&
	    (sb.st_mode & 0777) == 0600, "the spool file is 0600");
	ok(sb.st_nlink == 0, "and unlinked");
	is_int(spool_files(), 0, "nothing in TMPDIR");
	session_close(&s);

	/* An error in the third record. */
	write_file(input, "what\none\ntwo\nbad\nfour\n");
	ok(session_open(&s, &o, 0, NULL, &err) == 0, "open");
	ok(session_apply(&s, files, 1, apply_one, &s, &err) != 0 &&
	    err.code == EX_DATAERR, "the third record is refused");
	is_int(s.nresults, 2, "two results spooled");
	session_close(&s);
	is_int(audits(), 0, "an error in the third record: nothing written");
	is_int(spool_files(), 0, "and no spool file in TMPDIR");

	/* Results in order, at the commit, in YAML (nested records too). */
	write_file(input, "what\none\ntwo\nthree\n");
	o.format = FMT_YAML;
	ok(session_open(&s, &o, 0, NULL, &err) == 0, "open");
	ok(session_apply(&s, files, 1, apply_one, &s, &err) == 0, "applied");
	ok(session_audit(&s, "session_test", "all", 3, &err) == 0, "audited");
	ok(finish_to_file(&s, &err) == 0, "finished");
	is_int(audits(), 4, "three records and the audit entry committed");
	is_str(read_file(out),
	    "---\n"
	    "- what: one\n  line: 2\n  none: ''\n  list: [a b, '']\n"
	    "  subs:\n  - inner: one\n"
	    "- what: two\n  line: 3\n  none: ''\n  list: [a b, '']\n"
	    "  subs:\n  - inner: two\n"
	    "- what: three\n  line: 4\n  none: ''\n  list: [a b, '']\n"
	    "  subs:\n  - inner: three\n",
	    "the results in order, at the commit");
	is_int(spool_files(), 0, "no spool file left");

	/* A format that cannot be printed is refused before anything. */
	o.format = FMT_ICS;
	ok(session_open(&s, &o, 0, NULL, &err) != 0 && err.code == EX_USAGE,
	    "-f ics refused at the open");
	o.format = FMT_CSV;

	/* A spool that cannot be made: 73, before the database is opened. */
	setenv("TMPDIR", "/nonexistent/ally", 1);
	ok(session_open(&s, &o, 0, NULL, &err) != 0 &&
	    err.code == EX_CANTCREAT && s.db == NULL, "no TMPDIR: 73");
	ok(session_open(&s, &o, SESSION_QUIET, NULL, &err) == 0,
	    "quiet needs no TMPDIR");
	session_close(&s);
	snprintf(input, sizeof(input), "rm -rf '%s'", dir);
	if (system(input) != 0)
		ok(0, "temporary directory removed");
	return done_testing();
}
