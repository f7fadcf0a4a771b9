/*
 * db.c: the one SQLite file: where it lives, opening it safely, the
 * schema and its migrations.
 *
 * Only an explicit create makes a new file, 0600 in a 0700 directory;
 * a mistyped path is an error.  Symlinked paths are refused, and files
 * open to group or others give a warning (db_check_mode).  Each
 * connection turns foreign keys and secure_delete on and waits when the
 * file is busy; the file is in WAL mode so that reports run beside a
 * writer.  Migrations run in one IMMEDIATE transaction on user_version.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "crypto.h"
#include "dbquery.h"
#include "validate.h"

#define BUSY_TIMEOUT_MS	10000

/*
 * Version 1 is released: a database made by it is kept as a fixture
 * (tests/fixtures/schema-v1.sql).  Change the schema only by adding a
 * migration and raising DB_SCHEMA_VERSION, never by editing schema_v1.
 *
 * Version 1: every record type of RECORDS.md.  Dates are ISO text, times
 * HH:MM, booleans 0/1.  Members are referred to by id; their alias is
 * what every report shows.
 */
static const char schema_v1[] =
"CREATE TABLE network (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	name		TEXT NOT NULL UNIQUE,\n"
"	created		TEXT NOT NULL,\n"
"	weekdays	TEXT NOT NULL DEFAULT 'tue wed thu',\n"
"	start_time	TEXT NOT NULL DEFAULT '18:00',\n"
"	duration	INTEGER NOT NULL DEFAULT 180\n"
") STRICT;\n"
"CREATE TABLE person (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	alias		TEXT NOT NULL,\n"
"	name		TEXT,\n"
"	phone		TEXT,\n"
"	email		TEXT,\n"
"	role		TEXT NOT NULL CHECK (role IN\n"
"			    ('ally', 'police', 'municipality')),\n"
"	function	TEXT,\n"
"	community	TEXT,\n"
"	sector		TEXT,\n"
"	age_band	TEXT,\n"
"	gender		TEXT,\n"
"	background	TEXT,\n"
"	religion	TEXT,\n"
"	status		TEXT NOT NULL CHECK (status IN\n"
"			    ('candidate', 'active', 'paused', 'left')),\n"
"	status_since	TEXT,\n"
"	intake		TEXT,\n"
"	vetted		TEXT,\n"
"	joined		TEXT,\n"
"	left		TEXT,\n"
"	contact_consent	INTEGER NOT NULL DEFAULT 0,\n"
"	notes		TEXT,\n"
"	erased		TEXT,\n"
"	UNIQUE (network_id, alias)\n"
") STRICT;\n"
"CREATE TABLE venue (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	name		TEXT NOT NULL,\n"
"	host		TEXT NOT NULL CHECK (host IN\n"
"			    ('police', 'municipality', 'ally', 'other')),\n"
"	address		TEXT,\n"
"	active		INTEGER NOT NULL DEFAULT 1,\n"
"	UNIQUE (network_id, name)\n"
") STRICT;\n"
"CREATE TABLE meeting (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	date		TEXT NOT NULL,\n"
"	time		TEXT NOT NULL,\n"
"	location	TEXT,\n"
"	host		TEXT CHECK (host IN\n"
"			    ('police', 'municipality', 'ally', 'other')),\n"
"	chair_id	INTEGER REFERENCES person(id),\n"
"	meal		INTEGER NOT NULL DEFAULT 1,\n"
"	status		TEXT NOT NULL DEFAULT 'planned' CHECK (status IN\n"
"			    ('planned', 'held', 'cancelled')),\n"
"	sequence	INTEGER NOT NULL DEFAULT 0,\n"
"	uid		TEXT NOT NULL UNIQUE,\n"
"	notes		TEXT,\n"
"	name_override	TEXT,\n"
"	created		TEXT NOT NULL,\n"
"	updated		TEXT NOT NULL\n"
") STRICT;\n"
"CREATE INDEX meeting_network_date ON meeting (network_id, date);\n"
"CREATE TABLE attendance (\n"
"	meeting_id	INTEGER NOT NULL REFERENCES meeting(id)\n"
"			    ON DELETE CASCADE,\n"
"	person_id	INTEGER NOT NULL REFERENCES person(id),\n"
"	presence	TEXT NOT NULL CHECK (presence IN\n"
"			    ('present', 'excused', 'absent')),\n"
"	PRIMARY KEY (meeting_id, person_id)\n"
") STRICT, WITHOUT ROWID;\n"
"CREATE INDEX attendance_person ON attendance (person_id);\n"
"CREATE TABLE signal (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	meeting_id	INTEGER REFERENCES meeting(id) ON DELETE CASCADE,\n"
"	source_id	INTEGER REFERENCES person(id),\n"
"	date		TEXT NOT NULL,\n"
"	theme		TEXT NOT NULL,\n"
"	tension		INTEGER NOT NULL CHECK (tension BETWEEN 0 AND 4),\n"
/*
 * OR, not IN: SQLite 3.40 checks an IN list of three or more by building
 * a temporary index on every insert, which made these two checks half of
 * the cost of storing a signal.
 */
"	trend		TEXT CHECK (trend = 'rising' OR trend = 'steady' OR\n"
"			    trend = 'falling'),\n"
"	basis		TEXT CHECK (basis = 'evidenced' OR\n"
"			    basis = 'experienced' OR basis = 'potential'),\n"
"	summary		TEXT\n"
") STRICT;\n"
"CREATE INDEX signal_network_theme ON signal (network_id, theme, date);\n"
/*
 * A meeting's themes, and its deletion cascading, without a full scan;
 * partial, so that storing a call round's signals costs nothing more.
 */
"CREATE INDEX signal_meeting ON signal (meeting_id)\n"
"	WHERE meeting_id IS NOT NULL;\n"
"CREATE TABLE action (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	meeting_id	INTEGER REFERENCES meeting(id) ON DELETE SET NULL,\n"
"	title		TEXT NOT NULL,\n"
"	party		TEXT NOT NULL CHECK (party IN\n"
"			    ('police', 'municipality', 'ally', 'joint')),\n"
"	owner_id	INTEGER REFERENCES person(id),\n"
"	due		TEXT,\n"
"	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN\n"
"			    ('open', 'done', 'dropped')),\n"
"	closed		TEXT,\n"
"	note		TEXT,\n"
"	created		TEXT NOT NULL,\n"
"	revision	INTEGER NOT NULL DEFAULT 1\n"
") STRICT;\n"
"CREATE INDEX action_network_due ON action (network_id, status, due);\n"
"CREATE INDEX action_meeting ON action (meeting_id);\n"
"CREATE TABLE review (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	person_id	INTEGER REFERENCES person(id),\n"
"	reviewed	TEXT NOT NULL,\n"
"	decision	TEXT CHECK (decision IN ('keep', 'talk', 'phase-out')),\n"
"	note		TEXT,\n"
"	UNIQUE (person_id, reviewed)\n"
") STRICT;\n"
"CREATE INDEX review_network ON review (network_id, reviewed);\n"
"CREATE TABLE audit (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	at		TEXT NOT NULL,\n"
"	user		TEXT NOT NULL,\n"
"	command		TEXT NOT NULL,\n"
"	network		TEXT,\n"
"	what		TEXT NOT NULL,\n"
"	count		INTEGER NOT NULL DEFAULT 0\n"
") STRICT;\n";

/*
 * Version 2 (issue 19): the day a meeting was first planned (or held,
 * when it was not planned): the slot of a series it fills, whatever its
 * date becomes, so that planning a period again never fills that slot
 * twice.  For meetings stored before it is NULL: their date counts
 * (coalesce(slot_date, date), meeting.c).
 */
static const char schema_v2[] =
"ALTER TABLE meeting ADD COLUMN slot_date TEXT;\n";

/*
 * Version 3, between the meetings (issue 20): the guests at a meeting's table, the
 * contact log, the topics members propose and the replies to a dinner.
 * Only these tables: the migrations of other changes stand apart.
 */
static const char schema_v3[] =
"CREATE TABLE guest (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	meeting_id	INTEGER NOT NULL REFERENCES meeting(id)\n"
"			    ON DELETE CASCADE,\n"
"	role		TEXT,\n"
"	organisation	TEXT\n"
") STRICT;\n"
"CREATE INDEX guest_meeting ON guest (meeting_id);\n"
"CREATE TABLE contact (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	date		TEXT NOT NULL,\n"
"	kind		TEXT NOT NULL CHECK (kind IN\n"
"			    ('call', 'visit', 'message', 'meeting')),\n"
"	by_id		INTEGER NOT NULL REFERENCES person(id),\n"
"	with_id		INTEGER NOT NULL REFERENCES person(id),\n"
"	note		TEXT\n"
") STRICT;\n"
"CREATE INDEX contact_with ON contact (with_id, date);\n"
"CREATE INDEX contact_network ON contact (network_id, date);\n"
"CREATE TABLE topic (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	proposed_by_id	INTEGER NOT NULL REFERENCES person(id),\n"
"	topic		TEXT NOT NULL,\n"
"	meeting_id	INTEGER REFERENCES meeting(id) ON DELETE SET NULL,\n"
"	status		TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN\n"
"			    ('proposed', 'discussed', 'dropped'))\n"
") STRICT;\n"
"CREATE INDEX topic_network ON topic (network_id, status);\n";

/*
 * Version 4, the crisis (issue 18): a call round and its calls, and the time of
 * day of a signal (a call's outcome is stored as a signal with its time).
 */
static const char schema_v4[] =
"CREATE TABLE round (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	opened		TEXT NOT NULL,\n"
"	reason		TEXT NOT NULL,\n"
"	themes		TEXT,\n"
"	status		TEXT NOT NULL DEFAULT 'open'\n"
"			    CHECK (status = 'open' OR status = 'closed'),\n"
"	closed		TEXT,\n"
"	summary		TEXT\n"
") STRICT;\n"
"CREATE TABLE call (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	round_id	INTEGER NOT NULL REFERENCES round(id),\n"
"	person_id	INTEGER NOT NULL REFERENCES person(id),\n"
"	outcome		TEXT CHECK (outcome = 'reached' OR\n"
"			    outcome = 'no-answer' OR outcome = 'call-back' OR\n"
"			    outcome = 'declined'),\n"
"	at		TEXT,\n"
"	call_back	TEXT,\n"
"	UNIQUE (round_id, person_id)\n"
") STRICT;\n"
"ALTER TABLE signal ADD COLUMN time TEXT;\n";

/*
 * Version 5 (issue 21): a network's key, when its identities are
 * encrypted (crypto.c): how it is kept, the passphrase's salt and
 * Argon2id limits, and a value sealed with it that tells a wrong key.
 * key_kind is 'file' or 'passphrase' (NULL: not encrypted); no CHECK,
 * as the field tables know no network record to compare it with.
 * The key itself is never in the file.
 */
static const char schema_v5[] =
"ALTER TABLE network ADD COLUMN key_kind TEXT;\n"
"ALTER TABLE network ADD COLUMN key_salt BLOB;\n"
"ALTER TABLE network ADD COLUMN key_check TEXT;\n"
"ALTER TABLE network ADD COLUMN key_ops INTEGER;\n"
"ALTER TABLE network ADD COLUMN key_mem INTEGER;\n";

/*
 * Version 6 (issue 21): what an audit entry is about, to filter by
 * (ally-add -A): its kind (member, minutes, disclosure, erasure, key,
 * backup, names, action, review, signal, other) and the member's alias.
 */
static const char schema_v6[] =
"ALTER TABLE audit ADD COLUMN kind TEXT;\n"
"ALTER TABLE audit ADD COLUMN member TEXT;\n";

/*
 * Version 7 (issue 20, 4): who comes to dinner.  One reply per member and
 * meeting (a later one replaces it): the answer, how many come along
 * with the member, and the diet (identifying: erasure clears it; sealed
 * when the network's identities are encrypted).
 */
static const char schema_v7[] =
"CREATE TABLE reply (\n"
"	id		INTEGER PRIMARY KEY,\n"
"	network_id	INTEGER NOT NULL REFERENCES network(id),\n"
"	meeting_id	INTEGER NOT NULL REFERENCES meeting(id)\n"
"			    ON DELETE CASCADE,\n"
"	person_id	INTEGER NOT NULL REFERENCES person(id),\n"
"	answer		TEXT NOT NULL CHECK (answer IN ('yes', 'no')),\n"
"	along		INTEGER NOT NULL DEFAULT 0\n"
"			    CHECK (along BETWEEN 0 AND 20),\n"
"	diet		TEXT,\n"
"	UNIQUE (meeting_id, person_id)\n"
") STRICT;\n";

static const char *const migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	schema_v7,
};

int
db_path(const char *opt, char *buf, size_t len, struct ally_error *err)
{
	const char *s, *home;
	int n;

	if (opt != NULL && *opt != '\0')
		n = snprintf(buf, len, "%s", opt);
	else if ((s = getenv("ALLY_DB")) != NULL && *s != '\0')
		n = snprintf(buf, len, "%s", s);
	else if ((s = getenv("XDG_DATA_HOME")) != NULL && s[0] == '/')
		n = snprintf(buf, len, "%s/ally/ally.db", s);
	else if ((home = getenv("HOME")) != NULL && home[0] == '/')
		n = snprintf(buf, len, "%s/.local/share/ally/ally.db", home);
	else
		return ally_errorf(err, EX_USAGE, "no database: give --db, or "
		    "set ALLY_DB or HOME");
	if (n < 0 || (size_t)n >= len)
		return ally_errorf(err, EX_USAGE, "database path too long");
	return 0;
}

/* The directory of path: "." for a bare name, "/" for one in the root. */
static void
dir_of(const char *path, char *buf, size_t len)
{
	char *slash;

	snprintf(buf, len, "%s", path);
	if ((slash = strrchr(buf, '/')) == NULL)
		snprintf(buf, len, ".");
	else if (slash == buf)
		slash[1] = '\0';
	else
		*slash = '\0';
}

int
db_check_mode(const char *path, struct ally_error *warn)
{
	static const char *const suffix[] = { "", "-wal", "-shm", NULL };
	char buf[4096 + 8];
	struct stat sb;
	int i;

	for (i = 0; suffix[i] != NULL; i++) {
		snprintf(buf, sizeof(buf), "%s%s", path, suffix[i]);
		if (lstat(buf, &sb) != 0 || !S_ISREG(sb.st_mode) ||
		    (sb.st_mode & 077) == 0)
			continue;
		if (sb.st_mode & 044)
			ally_errorf(warn, 0, "warning: %s: open to reading by "
			    "group or others (mode %04o): chmod 600 it", buf,
			    (unsigned)(sb.st_mode & 07777));
		else
			ally_errorf(warn, 0, "warning: %s: open to group or "
			    "others (mode %04o): chmod 600 it", buf,
			    (unsigned)(sb.st_mode & 07777));
		return 1;
	}
	/* Whoever may write in the directory may replace the database. */
	dir_of(path, buf, sizeof(buf));
	if (stat(buf, &sb) == 0 && (sb.st_mode & 022) != 0 &&
	    !(sb.st_mode & S_ISVTX)) {
		ally_errorf(warn, 0, "warning: %s: the database's directory "
		    "is writable by group or others (mode %04o): chmod 700 it",
		    buf, (unsigned)(sb.st_mode & 07777));
		return 1;
	}
	return 0;
}

int
db_path_checked(const char *opt, char *buf, size_t len, struct ally_error *err,
    struct ally_error *warn)
{
	ally_error_clear(warn);
	if (db_path(opt, buf, len, err) != 0)
		return -1;
	if (db_check_mode(buf, warn) != 1)
		ally_error_clear(warn);
	return 0;
}

/*
 * SQLite's "attempt to write a readonly database" says neither which file
 * nor why: the database read-only, or its -wal or -shm, which take the
 * database's mode when they are made and keep it after a chmod of the
 * database.  0 when none of them is (the directory, say: say_file).
 */
static int
readonly_file(sqlite3 *db, struct ally_error *err)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	const char *path;
	char f[PATH_MAX + 8];
	struct stat sb;
	size_t i;

	if (db == NULL || (path = sqlite3_db_filename(db, "main")) == NULL ||
	    *path == '\0')
		return 0;
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(f, sizeof(f), "%s%s", path, suffix[i]);
		if (stat(f, &sb) != 0 || access(f, W_OK) == 0)
			continue;
		if (i == 0)
			return ally_errorf(err, EX_NOPERM, "%s: read-only (mode "
			    "%04o): chmod 600 it", path,
			    (unsigned)(sb.st_mode & 07777));
		return ally_errorf(err, EX_NOPERM, "%s: %s is read-only (mode "
		    "%04o): chmod 600 it", path, f,
		    (unsigned)(sb.st_mode & 07777));
	}
	return 0;
}

int
db_error(sqlite3 *db, int rc, struct ally_error *err, const char *what)
{
	int code;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		code = EX_TEMPFAIL;
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		code = EX_NOPERM;
		break;
	case SQLITE_CANTOPEN:
		code = EX_NOINPUT;
		break;
	case SQLITE_FULL:
	case SQLITE_IOERR:
		code = EX_IOERR;
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
	case SQLITE_CONSTRAINT:
	case SQLITE_TOOBIG:
		code = EX_DATAERR;
		break;
	case SQLITE_NOMEM:
		code = EX_OSERR;
		break;
	default:
		code = EX_SOFTWARE;
	}
	if ((rc & 0xff) == SQLITE_READONLY && readonly_file(db, err) != 0)
		return -1;
	/* Memory SQLite could not have or map (ulimit -v): not the disk. */
	if (rc == SQLITE_IOERR_NOMEM || rc == SQLITE_IOERR_SHMMAP ||
	    rc == SQLITE_IOERR_MMAP)
		return ally_errorf(err, EX_OSERR, "%s%sout of memory%s",
		    what ? what : "", what ? ": " : "", rc == SQLITE_IOERR_SHMMAP ?
		    _(" (the -shm file could not be mapped)") : "");
	if ((rc & 0xff) == SQLITE_BUSY)
		return ally_errorf(err, code, "%s%sdatabase is busy (another "
		    "ally command is writing); try again", what ? what : "",
		    what ? ": " : "");
	return ally_errorf(err, code, "%s%s%s", what ? what : "",
	    what ? ": " : "", db != NULL ? sqlite3_errmsg(db) :
	    sqlite3_errstr(rc));
}

int
db_bind_date(sqlite3_stmt *st, int i, day_t day)
{
	char buf[11];

	date_format(day, buf);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

int
db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
    struct ally_error *err)
{
	int rc;

	if ((rc = sqlite3_prepare_v2(db, sql, -1, st, NULL)) != SQLITE_OK)
		return validate_failed(db, db_error(db, rc, err, NULL), err);
	if (validate_pending(db, err) != 0) {
		sqlite3_finalize(*st);
		*st = NULL;
		return -1;
	}
	return 0;
}

/*
 * Statements run once per input record are kept prepared: parsing and
 * planning an INSERT with its CHECK and foreign key code costs more than
 * running it (callgrind: half of a signal ingest).  A few slots for the
 * whole process, each tied to its connection; the same SQL asked for
 * while its statement is in use (nested) is prepared afresh and
 * finalized when released.
 */
#define STMT_CACHE	16

static struct {
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 busy;
} stmt_cache[STMT_CACHE];

int
db_prepare_cached(sqlite3 *db, const char *sql, sqlite3_stmt **st,
    struct ally_error *err)
{
	int i, slot = -1, rc;

	for (i = 0; i < STMT_CACHE; i++) {
		if (stmt_cache[i].st == NULL) {
			if (slot < 0)
				slot = i;
		} else if (stmt_cache[i].db == db && !stmt_cache[i].busy &&
		    strcmp(sqlite3_sql(stmt_cache[i].st), sql) == 0) {
			stmt_cache[i].busy = 1;
			*st = stmt_cache[i].st;
			return 0;
		}
	}
	if ((rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    st, NULL)) != SQLITE_OK)
		return validate_failed(db, db_error(db, rc, err, NULL), err);
	if (validate_pending(db, err) != 0) {
		sqlite3_finalize(*st);
		*st = NULL;
		return -1;
	}
	if (slot >= 0) {
		stmt_cache[slot].db = db;
		stmt_cache[slot].st = *st;
		stmt_cache[slot].busy = 1;
	}
	return 0;
}

void
db_release(sqlite3_stmt *st)
{
	int i;

	if (st == NULL)
		return;
	for (i = 0; i < STMT_CACHE; i++)
		if (stmt_cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			stmt_cache[i].busy = 0;
			return;
		}
	sqlite3_finalize(st);
}

/* Finalize the kept statements of a connection that is closing. */
static void
stmt_cache_drop(sqlite3 *db)
{
	int i;

	for (i = 0; i < STMT_CACHE; i++)
		if (stmt_cache[i].st != NULL && stmt_cache[i].db == db) {
			sqlite3_finalize(stmt_cache[i].st);
			memset(&stmt_cache[i], 0, sizeof(stmt_cache[i]));
		}
}

int
db_exec(sqlite3 *db, const char *sql, struct ally_error *err)
{
	int rc;

	if ((rc = sqlite3_exec(db, sql, NULL, NULL, NULL)) != SQLITE_OK)
		return db_error(db, rc, err, NULL);
	return 0;
}

int
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int
db_column_to_record(sqlite3_stmt *st, int i, struct record *r,
    const char *key)
{
	const unsigned char *s;
	int type;

	if ((type = sqlite3_column_type(st, i)) == SQLITE_NULL)
		return 0;
	if ((s = sqlite3_column_text(st, i)) == NULL)
		return -1;
	/* The column's storage class is the value's type in YAML. */
	return record_set_typed(r, key, (const char *)s,
	    type == SQLITE_INTEGER ? FT_INTEGER : type == SQLITE_FLOAT ?
	    FT_DECIMAL : FT_TEXT);
}

int
db_user_version(sqlite3 *db, int *v, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "PRAGMA user_version", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(db, rc, err, NULL);
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int
db_exists(sqlite3 *db, struct ally_error *err, const char *sql, int n, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int i, rc;

	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	va_start(ap, n);
	for (i = 1; i <= n; i++)
		sqlite3_bind_int64(st, i, va_arg(ap, long long));
	va_end(ap);
	rc = sqlite3_step(st);
	db_release(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

long
db_write_rows(sqlite3 *db, sqlite3_stmt *st,
    struct record *(*row)(sqlite3_stmt *, void *), void *arg,
    struct writer *w, struct ally_error *err)
{
	struct record *r;
	long n = 0;
	int step, rc;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = row(st, arg)) == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
		rc = writer_put(w, r, err);
		record_free(r);
		if (rc != 0)
			return -1;
		n++;
	}
	if (step != SQLITE_DONE)
		return db_error(db, step, err, NULL);
	return n;
}

int
db_begin(sqlite3 *db, struct ally_error *err)
{
	return db_exec(db, "BEGIN IMMEDIATE", err);
}

int
db_commit(sqlite3 *db, struct ally_error *err)
{
	int rc;

	if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
		db_error(db, rc, err, "commit");
		db_rollback(db);
		return -1;
	}
	return 0;
}

void
db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

static int
migrate(sqlite3 *db, struct ally_error *err)
{
	char sql[64];
	int v, i;

	if (db_user_version(db, &v, err) != 0)
		return -1;
	if (v == DB_SCHEMA_VERSION)
		return 0;
	if (v > DB_SCHEMA_VERSION)
		return ally_errorf(err, EX_DATAERR, "the database has schema "
		    "version %d, newer than this ally (%d): upgrade ally", v,
		    DB_SCHEMA_VERSION);
	if (db_begin(db, err) != 0)
		return -1;
	/* Another process may have migrated while we waited. */
	if (db_user_version(db, &v, err) != 0)
		goto fail;
	for (i = v; i < DB_SCHEMA_VERSION; i++)
		if (db_exec(db, migrations[i], err) != 0)
			goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
	    DB_SCHEMA_VERSION);
	if (v < DB_SCHEMA_VERSION && db_exec(db, sql, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

/*
 * A file at the right version with a table gone is damaged, not a bug of
 * ours: say which table, as bad data (65), before any command trips on it.
 */
static int
check_tables(const struct table_list *tl, struct ally_error *err)
{
	static const char *const need[] = { "network", "person", "venue",
	    "meeting", "attendance", "signal", "action", "review", "audit",
	    "round", "call", "guest", "contact", "reply", "topic" };
	size_t i;

	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (!table_list_has(tl, need[i]))
			return ally_errorf(err, EX_DATAERR, "damaged database: "
			    "table %s is missing", need[i]);
	return 0;
}

/* mkdir -p for the database's directory; the last part made 0700. */
static int
make_dirs(const char *path, struct ally_error *err)
{
	char dir[PATH_MAX], *p;
	struct stat sb;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return ally_errorf(err, EX_USAGE, "path too long");
	if ((p = strrchr(dir, '/')) == NULL || p == dir)
		return 0;
	*p = '\0';
	if (stat(dir, &sb) == 0)
		return 0;
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return ally_errorf(err, errno == EACCES ? EX_NOPERM :
			    EX_CANTCREAT, "%s: %s", dir, strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return ally_errorf(err, errno == EACCES ? EX_NOPERM :
		    EX_CANTCREAT, "%s: %s", dir, strerror(errno));
	return 0;
}

/*
 * Before SQLite's first use: a command is one thread, so no mutex at all,
 * and no count of the memory in use, which took a global lock around
 * every allocation (a tenth of an ingest's instructions went to the two).
 * Too late once SQLite is initialized (SQLITE_MISUSE): then nothing changes.
 */
static void
db_configure(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	(void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/*
 * Identities go only into a file of our own that no one else may read
 * or write: a file planted in a shared directory (another user's, mode
 * 666) would pass every member's name and phone on to its owner.
 */
static int
check_owner(const char *path, const struct stat *sb, struct ally_error *err)
{
	if (sb->st_uid != geteuid())
		return ally_errorf(err, EX_NOPERM, "%s: the file of another "
		    "user (uid %u): identities are written only into a file "
		    "of your own", path, (unsigned)sb->st_uid);
	if (sb->st_mode & 077)
		return ally_errorf(err, EX_NOPERM, "%s: open to group or "
		    "others (mode %04o): identities are written only into a "
		    "file of mode 0600; chmod 600 it", path,
		    (unsigned)(sb->st_mode & 07777));
	return 0;
}

/*
 * A new empty file, 0600, and its directories; one that another process
 * made meanwhile is as good.
 */
static int
create_file(const char *path, struct ally_error *err)
{
	struct stat sb;
	mode_t old;
	int fd;

	if (make_dirs(path, err) != 0)
		return -1;
	old = umask(077);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	umask(old);
	if (fd < 0 && errno != EEXIST)
		return ally_errorf(err, errno == EACCES ? EX_NOPERM :
		    EX_CANTCREAT, "%s: %s", path, strerror(errno));
	if (fd >= 0) {
		close(fd);
		return 0;
	}
	/* Made meanwhile: by another --create of ours, or planted. */
	if (lstat(path, &sb) != 0)
		return ally_errorf(err, EX_CANTCREAT, "%s: %s", path,
		    strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return ally_errorf(err, EX_CANTCREAT, "%s: not a regular file",
		    path);
	return check_owner(path, &sb, err);
}

/*
 * Identities go only into a directory that no other user owns: its
 * owner may plant a -wal or -journal there at any time (root's
 * directories, /srv say, are as safe as one's own).
 */
static int
check_dir(const char *path, struct ally_error *err)
{
	char dir[PATH_MAX];
	struct stat sb;

	dir_of(path, dir, sizeof(dir));
	if (stat(dir, &sb) == 0 && sb.st_uid != geteuid() && sb.st_uid != 0)
		return ally_errorf(err, EX_NOPERM, "%s: the directory %s is "
		    "another user's (uid %u): identities are written only "
		    "into a directory of your own", path, dir,
		    (unsigned)sb.st_uid);
	return 0;
}

/*
 * SQLite opens with SQLITE_OPEN_NOFOLLOW and says only "unable to open
 * database file" of a symbolic link on the way or beside the file: say
 * which.  And a path through a file that is not a directory (an
 * XDG_DATA_HOME naming a file) is one that cannot be created (73).
 */
static int
check_parts(const char *path, int flags, struct ally_error *err)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char part[PATH_MAX];
	struct stat sb;
	size_t i;

	if (strlen(path) + 9 > sizeof(part))
		return ally_errorf(err, EX_USAGE, "database path too long");
	for (i = 1; path[i] != '\0'; i++) {
		if (path[i] != '/')
			continue;
		memcpy(part, path, i);
		part[i] = '\0';
		if (lstat(part, &sb) != 0)
			return 0;
		if (S_ISLNK(sb.st_mode))
			return ally_errorf(err, EX_NOPERM, "%s: %s is a symbolic "
			    "link; give the real path", path, part);
		if (!S_ISDIR(sb.st_mode))
			return ally_errorf(err, EX_CANTCREAT, "%s: %s is not a "
			    "directory", path, part);
	}
	for (i = 0; i < 3; i++) {
		snprintf(part, sizeof(part), "%s%s", path, suffix[i]);
		if (lstat(part, &sb) == 0 && !S_ISREG(sb.st_mode))
			return ally_errorf(err, EX_NOPERM, "%s: %s is %s, not "
			    "SQLite's own file: remove it", path, part,
			    S_ISLNK(sb.st_mode) ? _("a symbolic link") :
			    _("not a regular file"));
		/*
		 * SQLite writes pages into a -wal or -journal it finds as it
		 * is: one planted by another user (or open to others) would
		 * pass the identities on as the database itself would.
		 */
		if (lstat(part, &sb) == 0 && (flags & (DB_CREATE |
		    DB_IDENTITIES)) && check_owner(part, &sb, err) != 0)
			return -1;
	}
	return (flags & (DB_CREATE | DB_IDENTITIES)) ? check_dir(path, err) :
	    0;
}

/* The path names a regular file, or one that DB_CREATE may make. */
static int
check_path(const char *path, int flags, struct ally_error *err)
{
	struct stat sb;

	if (check_parts(path, flags, err) != 0)
		return -1;
	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode))
			return ally_errorf(err, EX_NOPERM, "%s: is a symbolic "
			    "link; give the real path", path);
		if (!S_ISREG(sb.st_mode))
			return ally_errorf(err, EX_DATAERR, "%s: not a regular "
			    "file", path);
		return (flags & (DB_CREATE | DB_IDENTITIES)) ?
		    check_owner(path, &sb, err) : 0;
	}
	if (errno != ENOENT)
		return ally_errorf(err, errno == EACCES ? EX_NOPERM :
		    EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (!(flags & DB_CREATE))
		return ally_errorf(err, EX_NOINPUT, "%s: no such database "
		    "(ally-add --create makes one)", path);
	return create_file(path, err);
}

/*
 * Say which file failed and why, as SQLite's message does not: "attempt
 * to write a readonly database" is a directory we may not write in,
 * where the -wal and -shm files are made.
 */
static void
say_file(const char *path, struct ally_error *err)
{
	char msg[sizeof(err->msg)], dir[PATH_MAX];

	if (strncmp(err->msg, path, strlen(path)) == 0)
		return;
	snprintf(msg, sizeof(msg), "%s", err->msg);
	dir_of(path, dir, sizeof(dir));
	if (err->code == EX_NOPERM && access(dir, W_OK) != 0)
		ally_errorf(err, EX_NOPERM, "%s: the directory %s is not "
		    "writable, and the -wal and -shm files are made in it (%s)",
		    path, dir, msg);
	else
		ally_errorf(err, err->code, "%s: %s", path, msg);
}

static sqlite3 *
open_connection(const char *path, int flags, struct ally_error *err)
{
	sqlite3 *db = NULL;
	mode_t old;
	int rc, oflags;

	/*
	 * No mutex on the connection: a command is one thread, and the
	 * locking was a tenth of the cost of an ingest.
	 */
	oflags = (flags & DB_READONLY ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOFOLLOW |
	    SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
	/* The -wal and -shm files copy the database's mode; be sure. */
	old = umask(077);
	rc = sqlite3_open_v2(path, &db, oflags, NULL);
	umask(old);
	if (rc != SQLITE_OK) {
		db_error(db, rc, err, NULL);
		say_file(path, err);
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	if (crypto_attach(db, err) != 0) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/*
 * Before anything is written (the journal mode is written in the file's
 * header): the file is an ally database, or an empty one that
 * DB_CREATE may make one.  Another program's SQLite file, an empty
 * file given without --create, a negative or newer schema version are
 * refused as bad data and left byte for byte as they were.
 */
static int
check_version(int v, int tables, int flags, struct ally_error *err)
{
	if (v > DB_SCHEMA_VERSION)
		return ally_errorf(err, EX_DATAERR, "the database has schema "
		    "version %d, newer than this ally (%d): upgrade ally", v,
		    DB_SCHEMA_VERSION);
	if (v < 0)
		return ally_errorf(err, EX_DATAERR, "not an ally database "
		    "(schema version %d)", v);
	if (v == 0 && tables)
		return ally_errorf(err, EX_DATAERR, "not an ally database "
		    "(the tables of another program)");
	if (v == 0 && !(flags & DB_CREATE))
		return ally_errorf(err, EX_DATAERR, "not an ally database "
		    "(an empty file: ally-add --create makes one)");
	return 0;
}

static int
check_ours(sqlite3 *db, int flags, const struct table_list *tl, int *version,
    struct ally_error *err)
{
	int v;

	if (db_user_version(db, &v, err) != 0)
		return -1;
	*version = v;
	if (check_version(v, tl->all > 0, flags, err) != 0)
		return -1;
	if (v > 0 && !table_list_has(tl, "network"))
		return ally_errorf(err, EX_DATAERR, "not an ally database "
		    "(no table network)");
	if (tl->other[0] != NULL)
		return ally_errorf(err, EX_DATAERR, "damaged database: %s %s "
		    "is not one ally makes", tl->other[0], tl->other[1] != NULL ?
		    tl->other[1] : "");
	return 0;
}

/*
 * A read-only connection to a file in WAL mode makes the -wal and -shm
 * files and cannot remove them: a file refused after it was opened kept
 * two new files beside it.  So when there is no -wal (the file itself
 * then holds everything), its header is read first and what it says of
 * the schema version and the length refused without opening.
 */
static int
check_header(const char *path, int flags, struct ally_error *err)
{
	unsigned char h[100];
	char wal[PATH_MAX];
	struct stat sb;
	unsigned long page, pages;
	int fd, v;
	ssize_t n;

	snprintf(wal, sizeof(wal), "%s-wal", path);
	if (!(flags & DB_READONLY) || lstat(wal, &sb) == 0 ||
	    (fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, h, sizeof(h));
	if (fstat(fd, &sb) != 0)
		n = -1;
	close(fd);
	/* Not a WAL file: SQLite's own open makes nothing beside it. */
	if (n != (ssize_t)sizeof(h) || memcmp(h, "SQLite format 3", 16) != 0 ||
	    h[18] != 2 || h[19] != 2)
		return 0;
	v = (int)((unsigned)h[60] << 24 | (unsigned)h[61] << 16 |
	    (unsigned)h[62] << 8 | h[63]);
	pages = (unsigned long)h[28] << 24 | (unsigned long)h[29] << 16 |
	    (unsigned long)h[30] << 8 | h[31];
	page = h[16] == 0 && h[17] == 1 ? 65536 : (unsigned long)h[16] << 8 |
	    h[17];
	if (check_version(v, pages > 1, flags, err) != 0)
		return -1;
	/* The length in the header is valid when bytes 24 and 92 agree. */
	if (memcmp(h + 24, h + 92, 4) == 0 && (off_t)(pages * page) >
	    sb.st_size)
		return ally_errorf(err, EX_DATAERR, "damaged database: %lld "
		    "bytes of the %lu its header says (truncated)",
		    (long long)sb.st_size, pages * page);
	return 0;
}

/*
 * The pragmas of every connection, then the schema brought up to date
 * (a read-only connection migrates nothing: the schema must be current).
 * The file's tables are read once into tl, again after a migration.
 */
static int
prepare_connection(sqlite3 *db, const char *path, int flags,
    struct table_list *tl, struct ally_error *err)
{
	int v;

	if (db_exec(db, "PRAGMA foreign_keys = ON; "
	    "PRAGMA secure_delete = ON", err) != 0 ||
	    table_list_read(db, tl, err) != 0 ||
	    check_ours(db, flags, tl, &v, err) != 0)
		return -1;
	if (flags & DB_READONLY) {
		if (v != DB_SCHEMA_VERSION)
			return ally_errorf(err, EX_DATAERR, "%s: schema "
			    "version %d, this ally needs %d", path, v,
			    DB_SCHEMA_VERSION);
		return check_tables(tl, err);
	}
	if (db_exec(db, "PRAGMA journal_mode = WAL", err) != 0 ||
	    migrate(db, err) != 0)
		return -1;
	if (v != DB_SCHEMA_VERSION) {
		table_list_free(tl);
		if (table_list_read(db, tl, err) != 0)
			return -1;
	}
	return check_tables(tl, err);
}

sqlite3 *
db_open(const char *path, int flags, struct ally_error *err)
{
	struct table_list tl;
	sqlite3 *db;

	memset(&tl, 0, sizeof(tl));
	db_configure();
	if (check_path(path, flags, err) != 0)
		return NULL;
	if (check_header(path, flags, err) != 0) {
		say_file(path, err);
		return NULL;
	}
	if ((db = open_connection(path, flags, err)) == NULL)
		return NULL;
	if (prepare_connection(db, path, flags, &tl, err) == 0 &&
	    validate_attach(db, path, &tl, err) == 0)
		return db;
	table_list_free(&tl);
	say_file(path, err);
	sqlite3_close(db);
	return NULL;
}

void
db_close(sqlite3 *db)
{
	stmt_cache_drop(db);
	validate_detach(db);
	sqlite3_close(db);
}

/*
 * The kind of an entry made by db_audit, by the command that made it:
 * the first prefix that matches.
 */
static const char *
audit_kind(const char *command)
{
	static const char *const kinds[][2] = {
		{ "--allow-names", "names" },
		{ "ally-add -l", "disclosure" },
		{ "ally-add --contacts", "disclosure" },
		{ "ally-add --call-sheet", "disclosure" },
		{ "ally-add --key export", "disclosure" },
		{ "ally-add --key", "key" },
		{ "ally-add --erase", "erasure" },
		{ "ally-add --retention", "erasure" },
		{ "ally-add --backup", "backup" },
		{ "--expire-texts", "erasure" },
		{ "meet-minutes", "minutes" },
		{ "action-track", "action" },
		{ "ally-review", "review" },
		{ "report-sentiment", "signal" },
	};
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strstr(command, kinds[i][0]) != NULL)
			return kinds[i][1];
	return "other";
}

int
db_audit(sqlite3 *db, const char *command, const char *network,
    const char *what, long count, struct ally_error *err)
{
	return db_audit_as(db, audit_kind(command), NULL, command, network,
	    what, count, err);
}

int
db_audit_as(sqlite3 *db, const char *kind, const char *member,
    const char *command, const char *network, const char *what, long count,
    struct ally_error *err)
{
	static const char sql[] = "INSERT INTO audit (at, user, command, "
	    "network, what, count, kind, member) VALUES (strftime("
	    "'%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;

	/* Kept prepared: an ingest of members writes one per member. */
	if (db_prepare_cached(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, user_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, command, -1, SQLITE_STATIC);
	db_bind_text(st, 3, network);
	sqlite3_bind_text(st, 4, what, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, count);
	sqlite3_bind_text(st, 6, kind, -1, SQLITE_STATIC);
	db_bind_text(st, 7, member);
	return db_step_done(db, st, "audit", err);
}

/* ---- running statements: the steps every query repeated ---------------- */

int
db_step_done(sqlite3 *db, sqlite3_stmt *st, const char *what,
    struct ally_error *err)
{
	int rc;

	rc = sqlite3_step(st);
	db_release(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, what);
}

int
db_step_id(sqlite3 *db, sqlite3_stmt *st, const char *what, long long *id,
    struct ally_error *err)
{
	if (db_step_done(db, st, what, err) != 0)
		return -1;
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(db);
	return 0;
}

int
db_each_row(sqlite3 *db, sqlite3_stmt *st, const char *what,
    int (*row)(sqlite3_stmt *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, arg, err) != 0) {
			db_release(st);
			return -1;
		}
	db_release(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, what);
}

int
db_columns_to_record(sqlite3_stmt *st, const char *const *keys,
    struct record *r)
{
	int i;

	for (i = 0; keys[i] != NULL; i++)
		if (db_column_to_record(st, i, r, keys[i]) != 0)
			return -1;
	return 0;
}

struct record *
db_row_record(sqlite3_stmt *st, const char *const *keys)
{
	struct record *r;

	if ((r = record_new()) == NULL)
		return NULL;
	if (db_columns_to_record(st, keys, r) != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

/*
 * The query with its one integer parameter bound, stepped to its first
 * row; NULL with the error when it has none.
 */
static sqlite3_stmt *
query_by_id(sqlite3 *db, const char *sql, long long id,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		return st;
	sqlite3_finalize(st);
	db_error(db, rc, err, NULL);
	return NULL;
}

int
db_query_int64(sqlite3 *db, const char *sql, long long id, long long *v,
    struct ally_error *err)
{
	sqlite3_stmt *st;

	*v = 0;
	if ((st = query_by_id(db, sql, id, err)) == NULL)
		return -1;
	*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int
db_query_text(sqlite3 *db, const char *sql, long long id, char *buf,
    size_t len, struct ally_error *err)
{
	sqlite3_stmt *st;

	if ((st = query_by_id(db, sql, id, err)) == NULL)
		return -1;
	snprintf(buf, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return 0;
}

int
db_expire(sqlite3 *db, const char *sql, long long net, const char *network,
    const char *before, long *n, struct ally_error *err)
{
	sqlite3_stmt *st;

	*n = 0;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	if (network != NULL)
		sqlite3_bind_text(st, 1, network, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, before, -1, SQLITE_STATIC);
	if (db_step_done(db, st, "expire", err) != 0)
		return -1;
	*n = sqlite3_changes(db);
	return 0;
}

int
db_audit_expire(sqlite3 *db, const char *network, const char *before,
    long *n, struct ally_error *err)
{
	return db_expire(db, "UPDATE audit SET what = '' WHERE network = ?1 "
	    "AND at < ?2 AND what <> ''", 0, network, before, n, err);
}
