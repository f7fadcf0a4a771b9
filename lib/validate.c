/*
 * validate.c: the rows of the database checked like input.
 *
 * The schema's CHECK constraints and STRICT types hold what ally wrote,
 * but not a file another program wrote or a copy tampered with in the
 * sqlite3 shell (PRAGMA ignore_check_constraints, writable_schema): a
 * tension of 7 or 2^63-1 indexed a table out of bounds, a role not one
 * of three was undefined behaviour.  So every table a command reads is
 * read once, before the first statement that reads it runs, and each
 * value checked here, in C, against two sources: the type and NOT NULL
 * ally declares for its column (known_tables below, never the file's own
 * schema, which a tampered copy rewrites as well) and the field tables
 * of lib/fields.c (values, range, dates, times, maxlen).  The first bad
 * value stops the command: 65, naming file, table, row and field.
 *
 * Which tables a statement reads, SQLite's authorizer says as the
 * statement is prepared (validate_attach sets it at the open); db_prepare
 * then asks validate_pending to check those not checked yet.  A table a
 * command does not read is not checked: the whole file once was, at
 * every open, which cost more than the rest of a command's start-up
 * (BENCHMARKS.md, round seven) and let one damaged signal stop the
 * contact list that a crisis needs.
 *
 * The checks were once one generated SQL CASE a table; preparing those
 * cost three quarters of every command's start-up (BENCHMARKS.md, round
 * six).  A plain SELECT * prepares in a fraction of that, and stepping
 * it with a check a value is cheaper than evaluating the CASE.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core.h"
#include "crypto.h"
#include "fields.h"
#include "validate.h"

/* The most field table entries one column carries (across records). */
#define MAXDEFS	8

/* What a column is checked for. */
struct col {
	char			 name[32];	/* as ally declares it */
	int			 text, integer, notnull, pk;
	const struct field_def	*defs[MAXDEFS];
	size_t			 ndefs;
};

/*
 * Columns that no record type describes, held all the same to what ally
 * writes into them: the network's schedule (meet-plan takes 30 to 720
 * minutes; a tampered duration overflowed the end time of the calendar),
 * its name as ally-add --create takes it, a meeting's SEQUENCE (read as
 * an int), the dates kept beside the records.
 */
static const struct {
	const char		*table;
	struct field_def	 f;
} more_fields[] = {
	{ "network", { "name", FK_TEXT, NULL, 0, 0, NETWORK_NAME_MAX,
	    FIELD_NOT_EMPTY, "name" } },
	/* What struct network holds of them. */
	{ "network", { "weekdays", FK_TEXT, NULL, 0, 0,
	    sizeof(((struct network *)0)->weekdays) - 1, 0, "weekdays" } },
	{ "network", { "start_time", FK_TIME, NULL, 0, 0, 0, 0,
	    "start_time" } },
	{ "network", { "duration", FK_INT, NULL, 30, 720, 0, 0,
	    "duration" } },
	{ "network", { "created", FK_DATE, NULL, 0, 0, 0, 0, "created" } },
	{ "meeting", { "sequence", FK_INT, NULL, 0, INT32_MAX, 0, 0,
	    "sequence" } },
	{ "meeting", { "slot_date", FK_DATE, NULL, 0, 0, 0, 0,
	    "slot_date" } },
	{ "person", { "status_since", FK_DATE, NULL, 0, 0, 0, 0,
	    "status_since" } }
};

/* The field tables' entries for a column of table. */
static void
table_fields(struct col *c, const char *table)
{
	const struct record_def *const *d;
	size_t i;

	for (i = 0; i < sizeof(more_fields) / sizeof(more_fields[0]) &&
	    c->ndefs < MAXDEFS; i++)
		if (strcmp(more_fields[i].table, table) == 0 &&
		    strcmp(more_fields[i].f.column, c->name) == 0)
			c->defs[c->ndefs++] = &more_fields[i].f;

	for (d = record_defs; *d != NULL; d++) {
		if ((*d)->table == NULL || strcmp((*d)->table, table) != 0)
			continue;
		for (i = 0; i < (*d)->nfields && c->ndefs < MAXDEFS; i++)
			if ((*d)->fields[i].column != NULL &&
			    strcmp((*d)->fields[i].column, c->name) == 0)
				c->defs[c->ndefs++] = &(*d)->fields[i];
	}
}

static int
one_of(const char *s, const char *const *values)
{
	for (; *values != NULL; values++)
		if (str_eq(s, *values))
			return 1;
	return 0;
}

/* A phone number as input stores it: E.164, as phone_normalize writes. */
static int
stored_phone(const char *s)
{
	char buf[40];

	return phone_normalize(s, buf, sizeof(buf)) == 0 && strcmp(buf, s) == 0;
}

/* What is wrong with v under f's entry (column of type text?), or NULL. */
static const char *
field_wrong(sqlite3_value *v, const struct field_def *f, int text)
{
	int null = sqlite3_value_type(v) == SQLITE_NULL;
	const char *s;
	long long n;
	day_t day;
	int minute;

	if (null)
		return f->flags & FIELD_NOT_EMPTY ? _("is missing") : NULL;
	if (text) {
		s = (const char *)sqlite3_value_text(v);
		if (s == NULL)
			return _("is not text");
		/* Ciphertext: its form and length only; the key is not needed. */
		if ((f->flags & FIELD_IDENTIFYING) && crypto_is_sealed(s))
			return crypto_sealed_ok(s, (size_t)sqlite3_value_bytes(v),
			    f->maxlen) ? NULL : _("is damaged ciphertext");
		if (f->kind == FK_ENUM && f->values != NULL &&
		    !one_of(s, f->values))
			return _("is not one of the values");
		if (f->kind == FK_DATE && date_parse(s, &day) != 0)
			return _("is not a date");
		if (f->kind == FK_TIME && time_parse(s, &minute) != 0)
			return _("is not a time");
		/* The shapes input gives them: a vCard writes them as they are. */
		if (f->kind == FK_ALIAS && valid_alias(s) != 0)
			return _("is not an alias");
		if (f->kind == FK_EMAIL && valid_email(s) != 0)
			return _("is not an e-mail address");
		if (f->kind == FK_PHONE && !stored_phone(s))
			return _("is not a phone number");
		if (f->maxlen > 0 && (size_t)sqlite3_value_bytes(v) > f->maxlen)
			return _("is too long");
		return NULL;
	}
	n = sqlite3_value_int64(v);
	if ((f->kind == FK_INT || f->kind == FK_PERCENT) && f->min < f->max &&
	    (n < f->min || n > f->max))
		return _("is out of range");
	if (f->kind == FK_BOOL && n != 0 && n != 1)
		return _("is not 0 or 1");
	return NULL;
}

/* What is wrong with the value v of column c, or NULL. */
static const char *
wrong(sqlite3_value *v, const struct col *c)
{
	int t = sqlite3_value_type(v);
	const char *what;
	size_t i;

	if (t == SQLITE_NULL && c->notnull)
		return _("is missing");
	if (c->text && t != SQLITE_NULL && t != SQLITE_TEXT)
		return _("is not text");
	if (c->integer && t != SQLITE_NULL && t != SQLITE_INTEGER)
		return _("is not an integer");
	for (i = 0; i < c->ndefs; i++)
		if ((what = field_wrong(v, c->defs[i], c->text)) != NULL)
			return what;
	return NULL;
}

/*
 * A value as SQL would quote it, cut to 40 characters, into buf (of at
 * least 82 bytes), on one line: a newline or a tab in caret notation, as
 * the diagnostic shows the other controls, so that a stored value cannot
 * add a line that looks like another message.
 */
static const char *
quoted(sqlite3 *db, sqlite3_value *v, char *buf, size_t len)
{
	sqlite3_stmt *st;
	const unsigned char *s;
	size_t n = 0;

	snprintf(buf, len, "?");
	if (sqlite3_prepare_v2(db, "SELECT coalesce(substr(quote(?1), 1, 40), "
	    "'NULL')", -1, &st, NULL) != SQLITE_OK)
		return buf;
	if (sqlite3_bind_value(st, 1, v) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		for (s = sqlite3_column_text(st, 0); *s && n + 3 < len; s++) {
			if (*s == '\n' || *s == '\t') {
				buf[n++] = '^';
				buf[n++] = (char)(*s ^ 0x40);
			} else
				buf[n++] = (char)*s;
		}
		buf[n] = '\0';
	}
	sqlite3_finalize(st);
	return buf;
}

/* The error for row's column i: "table T, row K: field: 'v' what". */
static int
bad_value(sqlite3 *db, sqlite3_stmt *st, const char *table,
    const struct col *cols, int ncols, int i, const char *what,
    struct ally_error *err)
{
	char key[256] = "", q[168];
	size_t n = 0;
	int k;

	/* The primary key's values joined by "/". */
	for (k = 0; k < ncols && n < sizeof(key); k++)
		if (cols[k].pk)
			n += snprintf(key + n, sizeof(key) - n, "%s%s",
			    n > 0 ? "/" : "", quoted(db,
			    sqlite3_column_value(st, k), q, sizeof(q)));
	return ally_errorf(err, EX_DATAERR, "table %s, row %s: %s: %s %s",
	    table, key, cols[i].name, quoted(db, sqlite3_column_value(st, i),
	    q, sizeof(q)), what);
}

/*
 * The tables ally makes, each with its SELECT written here: what reads a
 * file's rows is never SQL made from a name in the file.
 */
struct known_table {
	const char	*name, *all;
	/*
	 * Its columns as ally declares them, "name:TYPE" with ! for NOT
	 * NULL and * for a part of the primary key, in the order of
	 * PRAGMA table_xinfo on a file ally made (tests/unit/tables_test
	 * compares the two).  The checks take type, NOT NULL and key from
	 * here, never from the file: a file whose schema says TEXT for the
	 * tension would have let '1000' through to a reader that takes it
	 * for a number.
	 */
	const char	*cols;
};

#define TABLE(t, c)	{ #t, "SELECT * FROM \"" #t "\"", c }

static const struct known_table known_tables[] = {
	TABLE(action,
	    "id:INTEGER* network_id:INTEGER! meeting_id:INTEGER "
	    "title:TEXT! party:TEXT! owner_id:INTEGER due:TEXT "
	    "status:TEXT! closed:TEXT note:TEXT created:TEXT! "
	    "revision:INTEGER!"),
	TABLE(attendance,
	    "meeting_id:INTEGER!* person_id:INTEGER!* "
	    "presence:TEXT!"),
	TABLE(audit,
	    "id:INTEGER* at:TEXT! user:TEXT! command:TEXT! "
	    "network:TEXT what:TEXT! count:INTEGER! kind:TEXT "
	    "member:TEXT"),
	TABLE(call,
	    "id:INTEGER* round_id:INTEGER! person_id:INTEGER! "
	    "outcome:TEXT at:TEXT call_back:TEXT"),
	TABLE(contact,
	    "id:INTEGER* network_id:INTEGER! date:TEXT! "
	    "kind:TEXT! by_id:INTEGER! with_id:INTEGER! note:TEXT"),
	TABLE(guest,
	    "id:INTEGER* meeting_id:INTEGER! role:TEXT "
	    "organisation:TEXT"),
	TABLE(meeting,
	    "id:INTEGER* network_id:INTEGER! date:TEXT! "
	    "time:TEXT! location:TEXT host:TEXT chair_id:INTEGER "
	    "meal:INTEGER! status:TEXT! sequence:INTEGER! "
	    "uid:TEXT! notes:TEXT name_override:TEXT "
	    "created:TEXT! updated:TEXT! slot_date:TEXT"),
	TABLE(network,
	    "id:INTEGER* name:TEXT! created:TEXT! weekdays:TEXT! "
	    "start_time:TEXT! duration:INTEGER! key_kind:TEXT "
	    "key_salt:BLOB key_check:TEXT key_ops:INTEGER "
	    "key_mem:INTEGER"),
	TABLE(person,
	    "id:INTEGER* network_id:INTEGER! alias:TEXT! "
	    "name:TEXT phone:TEXT email:TEXT role:TEXT! "
	    "function:TEXT community:TEXT sector:TEXT "
	    "age_band:TEXT gender:TEXT background:TEXT "
	    "religion:TEXT status:TEXT! status_since:TEXT "
	    "intake:TEXT vetted:TEXT joined:TEXT left:TEXT "
	    "contact_consent:INTEGER! notes:TEXT erased:TEXT"),
	TABLE(reply,
	    "id:INTEGER* network_id:INTEGER! meeting_id:INTEGER! "
	    "person_id:INTEGER! answer:TEXT! along:INTEGER! "
	    "diet:TEXT"),
	TABLE(review,
	    "id:INTEGER* network_id:INTEGER! person_id:INTEGER "
	    "reviewed:TEXT! decision:TEXT note:TEXT"),
	TABLE(round,
	    "id:INTEGER* network_id:INTEGER! opened:TEXT! "
	    "reason:TEXT! themes:TEXT status:TEXT! closed:TEXT "
	    "summary:TEXT"),
	TABLE(signal,
	    "id:INTEGER* network_id:INTEGER! meeting_id:INTEGER "
	    "source_id:INTEGER date:TEXT! theme:TEXT! "
	    "tension:INTEGER! trend:TEXT basis:TEXT summary:TEXT "
	    "time:TEXT"),
	TABLE(topic,
	    "id:INTEGER* network_id:INTEGER! "
	    "proposed_by_id:INTEGER! topic:TEXT! "
	    "meeting_id:INTEGER status:TEXT!"),
	TABLE(venue,
	    "id:INTEGER* network_id:INTEGER! name:TEXT! "
	    "host:TEXT! address:TEXT active:INTEGER!")
};

/* Table t as ally makes it; NULL (said in err) for a table it does not. */
static const struct known_table *
known_table(const char *table, struct ally_error *err)
{
	size_t i;

	for (i = 0; i < sizeof(known_tables) / sizeof(known_tables[0]); i++)
		if (sqlite3_stricmp(known_tables[i].name, table) == 0)
			return &known_tables[i];
	ally_errorf(err, EX_DATAERR, "damaged database: table %s is not one "
	    "ally makes", table);
	return NULL;
}

const char *
validate_declared(const char *table)
{
	struct ally_error err;
	const struct known_table *kt = known_table(table, &err);

	return kt != NULL ? kt->cols : NULL;
}

/* The most columns a table of ally's has (person: 24). */
#define MAXCOLS	32

/* One column of a declaration: "name:TYPE" then ! (NOT NULL), * (key). */
struct decl {
	char	name[32];
	int	integer, text, notnull, pk;
};

/* The column at *p into d, *p moved past it: 0, or -1 at the end. */
static int
decl_next(const char **p, struct decl *d)
{
	const char *s = *p, *t, *e;
	size_t len;

	if (s == NULL || *s == '\0')
		return -1;
	memset(d, 0, sizeof(*d));
	if ((len = strcspn(s, ":")) >= sizeof(d->name))
		len = sizeof(d->name) - 1;	/* ally's names are short */
	memcpy(d->name, s, len);
	t = s + len + (s[len] == ':');
	e = t + strcspn(t, "!* ");
	d->integer = e - t == 7 && strncmp(t, "INTEGER", 7) == 0;
	d->text = e - t == 4 && strncmp(t, "TEXT", 4) == 0;
	for (; *e == '!' || *e == '*'; e++)
		if (*e == '!')
			d->notnull = 1;
		else
			d->pk = 1;
	*p = e + (*e == ' ');
	return 0;
}

/*
 * Each column of st (table kt's SELECT *) and its checks: type, NOT NULL
 * and key as ally declares them, the field tables' entries.  A column ally
 * does not make, or one it makes that the file lacks: a damaged file.
 */
static int
columns(sqlite3_stmt *st, const struct known_table *kt, struct col *cols,
    int ncols, struct ally_error *err)
{
	struct decl d[MAXCOLS];
	unsigned char seen[MAXCOLS] = { 0 };
	const char *name, *p = kt->cols;
	int i, k, nd = 0;

	while (nd < MAXCOLS && decl_next(&p, &d[nd]) == 0)
		nd++;
	for (i = 0; i < ncols; i++) {
		memset(&cols[i], 0, sizeof(cols[i]));
		if ((name = sqlite3_column_name(st, i)) == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
		/* In ally's order as a rule: the i-th first. */
		if (i < nd && sqlite3_stricmp(d[i].name, name) == 0)
			k = i;
		else
			for (k = 0; k < nd &&
			    sqlite3_stricmp(d[k].name, name) != 0; k++)
				;
		if (k == nd)
			return ally_errorf(err, EX_DATAERR, "damaged database: "
			    "column %s of table %s is not one ally makes",
			    name, kt->name);
		seen[k] = 1;
		memcpy(cols[i].name, d[k].name, sizeof(d[k].name));
		cols[i].integer = d[k].integer;
		cols[i].text = d[k].text;
		cols[i].notnull = d[k].notnull;
		cols[i].pk = d[k].pk;
		table_fields(&cols[i], kt->name);
	}
	for (k = 0; k < nd; k++)
		if (!seen[k])
			return ally_errorf(err, EX_DATAERR, "damaged database: "
			    "table %s has no column %s", kt->name, d[k].name);
	return 0;
}

/* The first bad value of st's rows; 0 when there is none. */
static int
check_rows(sqlite3 *db, sqlite3_stmt *st, const char *table,
    const struct col *cols, int ncols, struct ally_error *err)
{
	const char *what;
	int rc, i;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (i = 0; i < ncols; i++)
			if ((what = wrong(sqlite3_column_value(st, i),
			    &cols[i])) != NULL)
				return bad_value(db, st, table, cols, ncols, i,
				    what, err);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, table);
}

/*
 * An index holds copies of its table's columns, and a statement that an
 * index serves reads them from there, not from the rows just checked: a
 * damaged index hands a reader a NULL or a value out of range all the
 * same (the fuzzer's finding: a NULL alias from the index of UNIQUE
 * (network_id, alias) under a whole row).  So the indexes ally makes are
 * read through (INDEXED BY, a partial one with its WHERE), their columns
 * that are not ids checked as the table's are; an index of ids only is
 * not read (an id from a damaged index finds no row at worst).  An index
 * that is not one of these is refused: it could serve a statement with
 * what no check has seen.
 */
struct known_index {
	const char	*name, *table;
	const char	*sql;		/* NULL: ids only */
};

#define INDEX(t, i, c)	{ #i, #t, "SELECT " c " FROM \"" #t "\" INDEXED BY " #i }
#define IDS(t, i)	{ #i, #t, NULL }

static const struct known_index known_indexes[] = {
	IDS(action, action_meeting),
	INDEX(action, action_network_due, "status, due"),
	IDS(attendance, attendance_person),
	IDS(call, sqlite_autoindex_call_1),
	INDEX(contact, contact_network, "date"),
	INDEX(contact, contact_with, "date"),
	IDS(guest, guest_meeting),
	INDEX(meeting, meeting_network_date, "date"),
	INDEX(meeting, sqlite_autoindex_meeting_1, "uid"),
	INDEX(network, sqlite_autoindex_network_1, "name"),
	INDEX(person, sqlite_autoindex_person_1, "alias"),
	IDS(reply, sqlite_autoindex_reply_1),
	INDEX(review, review_network, "reviewed"),
	INDEX(review, sqlite_autoindex_review_1, "reviewed"),
	IDS(signal, signal_meeting),
	INDEX(signal, signal_network_theme, "theme, date"),
	INDEX(topic, topic_network, "status"),
	INDEX(venue, sqlite_autoindex_venue_1, "name")
};

/* The columns of index x read through it, checked; 0 when all are good. */
static int
check_index(sqlite3 *db, const char *table, const struct known_index *x,
    const struct col *cols, int ncols, struct ally_error *err)
{
	sqlite3_stmt *st;
	const struct col *c[4];
	const char *what;
	char q[168];
	int rc, n, k, j;

	if (db_prepare(db, x->sql, &st, err) != 0)
		return -1;
	n = sqlite3_column_count(st);
	for (k = 0; k < n && k < 4; k++)
		for (c[k] = NULL, j = 0; j < ncols && c[k] == NULL; j++)
			if (sqlite3_stricmp(cols[j].name,
			    sqlite3_column_name(st, k)) == 0)
				c[k] = &cols[j];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (k = 0; k < n && k < 4; k++)
			if (c[k] != NULL && (what = wrong(sqlite3_column_value(st,
			    k), c[k])) != NULL) {
				rc = ally_errorf(err, EX_DATAERR, "table %s, "
				    "index %s: %s: %s %s", table, x->name,
				    c[k]->name, quoted(db,
				    sqlite3_column_value(st, k), q, sizeof(q)),
				    what);
				sqlite3_finalize(st);
				return rc;
			}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, table);
}

/* Each index of table in the file: one of ally's, and what it holds. */
static int
check_indexes(sqlite3 *db, const char *table, const struct table_list *tl,
    const struct col *cols, int ncols, struct ally_error *err)
{
	const struct known_index *x;
	size_t i, k;

	for (i = 0; i < tl->nindex; i++) {
		if (sqlite3_stricmp(tl->index_table[i], table) != 0)
			continue;
		for (x = NULL, k = 0; x == NULL && k < sizeof(known_indexes) /
		    sizeof(known_indexes[0]); k++)
			if (sqlite3_stricmp(known_indexes[k].name,
			    tl->index[i]) == 0 && sqlite3_stricmp(
			    known_indexes[k].table, table) == 0)
				x = &known_indexes[k];
		if (x == NULL)
			return ally_errorf(err, EX_DATAERR, "damaged database: "
			    "index %s of table %s is not one ally makes",
			    tl->index[i], table);
		if (x->sql != NULL &&
		    check_index(db, table, x, cols, ncols, err) != 0)
			return -1;
	}
	return 0;
}

/* The first bad value of table, said; 0 when there is none. */
static int
check_table(sqlite3 *db, const char *table, const struct table_list *tl,
    struct ally_error *err)
{
	const struct known_table *kt;
	sqlite3_stmt *st;
	struct col *cols = NULL;
	int rc = -1, ncols;

	if ((kt = known_table(table, err)) == NULL ||
	    db_prepare(db, kt->all, &st, err) != 0)
		return -1;
	ncols = sqlite3_column_count(st);
	if (ncols > 0 && (cols = calloc(ncols, sizeof(*cols))) == NULL) {
		sqlite3_finalize(st);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	if (columns(st, kt, cols, ncols, err) == 0 &&
	    (rc = check_rows(db, st, table, cols, ncols, err)) == 0)
		rc = check_indexes(db, table, tl, cols, ncols, err);
	free(cols);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The guard of a connection: its tables, which of them a statement has
 * read since the open, and which are checked.  The authorizer marks a
 * table when a statement that reads it is prepared; db_prepare then has
 * it checked before the statement runs.
 */
struct guard {
	struct guard	*next;
	sqlite3		*db;
	char		*path;
	struct table_list tl;		/* the tables and their indexes */
	unsigned char	*state;		/* of each table: 1 read, 2 checked */
	int		 pending, busy;
};

#define T_READ		1
#define T_CHECKED	2

static struct guard *guards;

static struct guard *
guard_of(sqlite3 *db)
{
	struct guard *g;

	for (g = guards; g != NULL; g = g->next)
		if (g->db == db)
			return g;
	return NULL;
}

/* The index of table name in tl (tl->n when absent), as SQLite matches. */
static size_t
table_list_find(const struct table_list *tl, const char *name)
{
	size_t i;

	for (i = 0; i < tl->n; i++)
		if (sqlite3_stricmp(tl->names[i], name) == 0)
			break;
	return i;
}

/*
 * SQLite's authorizer: a table of main that a statement reads, marked.
 * The name it gives is the one of the table's CREATE statement, which
 * need not be spelt as sqlite_schema's name column: SQL names are
 * matched without regard to case, as SQLite matches them (the fuzzer's
 * finding: "CREATE TABLE Person" went unmarked, its rows unchecked, and
 * a NULL role crashed ally-review).
 */
static int
authorize(void *arg, int action, const char *a1, const char *a2,
    const char *dbname, const char *trigger)
{
	struct guard *g = arg;
	size_t i;

	(void)a2;
	(void)trigger;
	if (action != SQLITE_READ || a1 == NULL ||
	    (dbname != NULL && strcmp(dbname, "main") != 0))
		return SQLITE_OK;
	if ((i = table_list_find(&g->tl, a1)) < g->tl.n && g->state[i] == 0) {
		g->state[i] = T_READ;
		g->pending = 1;
	}
	return SQLITE_OK;
}

static void
guard_free(struct guard *g)
{
	table_list_free(&g->tl);
	free(g->state);
	free(g->path);
	free(g);
}

/* Copies of columns from..to of st (NULL stays NULL) into c; -1: none. */
static int
copy_texts(sqlite3_stmt *st, int from, int to, char **c)
{
	const unsigned char *t;
	int i;

	for (i = from; i <= to; i++) {
		c[i - from] = NULL;
		if ((t = sqlite3_column_text(st, i)) != NULL &&
		    (c[i - from] = strdup((const char *)t)) == NULL) {
			while (i-- > from)
				free(c[i - from]);
			return -1;
		}
	}
	return 0;
}

/* Append c[0..k-1] to the arrays of *v, n each; -1 (c freed): no memory. */
static int
append_texts(char ***v[], size_t n, char **c, int k)
{
	char **nv;
	int i;

	for (i = 0; i < k; i++) {
		if ((nv = reallocarray(*v[i], n + 1, sizeof(*nv))) == NULL) {
			for (i = 0; i < k; i++)
				free(c[i]);
			return -1;
		}
		*v[i] = nv;
	}
	for (i = 0; i < k; i++)
		(*v[i])[n] = c[i];
	return 0;
}

int
table_list_read(sqlite3 *db, struct table_list *tl, struct ally_error *err)
{
	static const char sql[] = "SELECT type, name, tbl_name FROM "
	    "sqlite_schema ORDER BY name";
	char ***iv[2] = { &tl->index, &tl->index_table };
	char ***tv[1] = { &tl->names };
	char *c[2];
	sqlite3_stmt *st;
	const char *type, *name;
	int rc = SQLITE_DONE, bad = 0;

	memset(tl, 0, sizeof(*tl));
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		type = (const char *)sqlite3_column_text(st, 0);
		if ((name = (const char *)sqlite3_column_text(st, 1)) == NULL ||
		    type == NULL)
			continue;
		if (strcmp(type, "table") != 0 && strcmp(type, "index") != 0) {
			if (tl->other[0] == NULL)
				bad = copy_texts(st, 0, 1, tl->other) != 0;
			tl->all++;
			continue;
		}
		if (strcmp(type, "index") == 0) {
			if (sqlite3_column_type(st, 2) == SQLITE_NULL)
				continue;
			bad = copy_texts(st, 1, 2, c) != 0 ||
			    append_texts(iv, tl->nindex, c, 2) != 0;
			if (!bad)
				tl->nindex++;
			continue;
		}
		tl->all++;
		if (strncmp(name, "sqlite_", 7) == 0)
			continue;
		bad = copy_texts(st, 1, 1, c) != 0 ||
		    append_texts(tv, tl->n, c, 1) != 0;
		if (!bad)
			tl->n++;
	}
	sqlite3_finalize(st);
	if (bad) {
		table_list_free(tl);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	if (rc != SQLITE_DONE) {
		table_list_free(tl);
		return db_error(db, rc, err, NULL);
	}
	return 0;
}

int
table_list_has(const struct table_list *tl, const char *name)
{
	return table_list_find(tl, name) < tl->n;
}

void
table_list_free(struct table_list *tl)
{
	size_t i;

	for (i = 0; i < tl->n; i++)
		free(tl->names[i]);
	for (i = 0; i < tl->nindex; i++) {
		free(tl->index[i]);
		free(tl->index_table[i]);
	}
	free(tl->names);
	free(tl->index);
	free(tl->index_table);
	free(tl->other[0]);
	free(tl->other[1]);
	memset(tl, 0, sizeof(*tl));
}

int
validate_attach(sqlite3 *db, const char *path, struct table_list *tl,
    struct ally_error *err)
{
	struct guard *g;

	if ((g = calloc(1, sizeof(*g))) == NULL ||
	    (g->path = strdup(path)) == NULL ||
	    (tl->n > 0 && (g->state = calloc(tl->n, 1)) == NULL)) {
		if (g != NULL)
			free(g->path);
		free(g);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	g->db = db;
	g->tl = *tl;
	memset(tl, 0, sizeof(*tl));
	g->next = guards;
	guards = g;
	sqlite3_set_authorizer(db, authorize, g);
	return 0;
}

void
validate_detach(sqlite3 *db)
{
	struct guard **gp, *g;

	for (gp = &guards; (g = *gp) != NULL; gp = &g->next)
		if (g->db == db) {
			*gp = g->next;
			guard_free(g);
			return;
		}
}

/*
 * A statement of ours that did not prepare on a guarded connection (err
 * says what SQLite said): a column of ally's that the file lacks, or one
 * whose collation ally does not make, is damage (65) and said so; other
 * failures keep their code and get the file's name.  Each table of the
 * file that ally makes, each column it declares; rc returned.
 */
int
validate_failed(sqlite3 *db, int rc, struct ally_error *err)
{
	struct guard *g;
	const char *p, *coll;
	char msg[sizeof(err->msg)];
	struct decl d;
	size_t i;

	if ((g = guard_of(db)) == NULL)
		return rc;
	for (i = 0; i < sizeof(known_tables) / sizeof(known_tables[0]); i++) {
		if (!table_list_has(&g->tl, known_tables[i].name))
			continue;
		for (p = known_tables[i].cols; decl_next(&p, &d) == 0; ) {
			if (sqlite3_table_column_metadata(db, NULL,
			    known_tables[i].name, d.name, NULL, &coll, NULL,
			    NULL, NULL) != SQLITE_OK) {
				ally_errorf(err, EX_DATAERR, "damaged database: "
				    "table %s has no column %s",
				    known_tables[i].name, d.name);
				goto named;
			}
			if (coll != NULL && sqlite3_stricmp(coll, "BINARY") != 0) {
				ally_errorf(err, EX_DATAERR, "damaged database: "
				    "column %s of table %s has a collation ally "
				    "does not make", d.name, known_tables[i].name);
				goto named;
			}
		}
	}
named:
	/* Inside a check, validate_pending names the file. */
	if (g->busy)
		return -1;
	snprintf(msg, sizeof(msg), "%s", err->msg);
	return ally_errorf(err, err->code, "%s: %s", g->path, msg);
}

int
validate_pending(sqlite3 *db, struct ally_error *err)
{
	struct guard *g;
	char msg[sizeof(err->msg)];
	size_t i;

	if ((g = guard_of(db)) == NULL || !g->pending || g->busy)
		return 0;
	g->busy = 1;
	for (i = 0; i < g->tl.n; i++)
		if (g->state[i] == T_READ) {
			if (check_table(db, g->tl.names[i], &g->tl, err) != 0) {
				/* Refused again by every later statement. */
				g->busy = 0;
				snprintf(msg, sizeof(msg), "%s", err->msg);
				return ally_errorf(err, err->code, "%s: %s",
				    g->path, msg);
			}
			g->state[i] = T_CHECKED;
		}
	g->pending = 0;
	g->busy = 0;
	return 0;
}
