/*
 * fields_test: the field tables (fields.c) agree with the schema a fresh
 * database gets, both ways: every CHECK (col IN (...)), CHECK (col = 'a'
 * OR col = 'b' ...) and CHECK (col BETWEEN lo AND hi) of every table is
 * the values or range of the fields stored in that column, and every
 * enumerated or ranged field with a column has such a CHECK (unless
 * marked FIELD_NO_DB_CHECK).  A value allowed by one and not by the
 * other fails.  Then the shared checks (one meaning of an empty value)
 * and the fields marked FIELD_IDENTIFYING against what erasure clears.
 */
#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

#define MAXV	32

struct check {
	char	 table[32], column[32];
	int	 range;			/* BETWEEN, else a set of values */
	long long lo, hi;
	char	 v[MAXV][32];
	int	 nv;
};

static struct check checks[64];
static int nchecks;

/* A token of a CHECK expression: a word, a number, a string, a sign. */
static const char *
token(const char *s, char *buf, size_t len)
{
	size_t n = 0;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		buf[0] = '\0';
		return s;
	}
	if (*s == '\'') {
		for (s++; *s != '\0' && *s != '\'' && n + 1 < len; s++)
			buf[n++] = *s;
		buf[n] = '\0';
		return *s == '\'' ? s + 1 : s;
	}
	if (isalnum((unsigned char)*s) || *s == '_') {
		while ((isalnum((unsigned char)*s) || *s == '_') && n + 1 < len)
			buf[n++] = *s++;
		buf[n] = '\0';
		return s;
	}
	buf[0] = *s;
	buf[1] = '\0';
	return s + 1;
}

/* One CHECK's expression (inside its parentheses); 0 when understood. */
static int
parse_check(const char *table, const char *e, struct check *c)
{
	char col[32], t[64];
	const char *s;

	memset(c, 0, sizeof(*c));
	snprintf(c->table, sizeof(c->table), "%s", table);
	s = token(e, col, sizeof(col));
	snprintf(c->column, sizeof(c->column), "%s", col);
	s = token(s, t, sizeof(t));
	if (strcasecmp(t, "IN") == 0) {
		s = token(s, t, sizeof(t));
		if (strcmp(t, "(") != 0)
			return -1;
		for (;;) {
			if (c->nv == MAXV)
				return -1;
			s = token(s, c->v[c->nv++], sizeof(c->v[0]));
			s = token(s, t, sizeof(t));
			if (strcmp(t, ")") == 0)
				break;
			if (strcmp(t, ",") != 0)
				return -1;
		}
	} else if (strcasecmp(t, "BETWEEN") == 0) {
		c->range = 1;
		s = token(s, t, sizeof(t));
		c->lo = strtoll(t, NULL, 10);
		s = token(s, t, sizeof(t));
		if (strcasecmp(t, "AND") != 0)
			return -1;
		s = token(s, t, sizeof(t));
		c->hi = strtoll(t, NULL, 10);
	} else if (strcmp(t, "=") == 0) {
		for (;;) {
			if (c->nv == MAXV)
				return -1;
			s = token(s, c->v[c->nv++], sizeof(c->v[0]));
			s = token(s, t, sizeof(t));
			if (t[0] == '\0')
				break;
			if (strcasecmp(t, "OR") != 0)
				return -1;
			s = token(s, t, sizeof(t));
			if (strcmp(t, col) != 0)
				return -1;
			s = token(s, t, sizeof(t));
			if (strcmp(t, "=") != 0)
				return -1;
		}
	} else
		return -1;
	token(s, t, sizeof(t));
	return t[0] == '\0' ? 0 : -1;
}

/* Every CHECK (...) of a CREATE TABLE statement; -1 if one is not understood. */
static int
collect(const char *table, const char *sql)
{
	const char *p = sql, *start;
	char expr[512];
	int depth;

	while ((p = strstr(p, "CHECK (")) != NULL) {
		start = p += 7;
		for (depth = 1; *p != '\0' && depth > 0; p++)
			depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		snprintf(expr, sizeof(expr), "%.*s", (int)(p - 1 - start),
		    start);
		if (nchecks == 64 || parse_check(table, expr,
		    &checks[nchecks]) != 0) {
			printf("# not understood: %s: CHECK (%s)\n", table,
			    expr);
			return -1;
		}
		nchecks++;
	}
	return 0;
}

static const struct check *
check_of(const char *table, const char *column)
{
	int i;

	for (i = 0; i < nchecks; i++)
		if (strcmp(checks[i].table, table) == 0 &&
		    strcmp(checks[i].column, column) == 0)
			return &checks[i];
	return NULL;
}

/* 0 when the field and the CHECK allow the same; else why not, in buf. */
static int
agree(const struct field_def *f, const struct check *c, char *buf,
    size_t len)
{
	const char *const *v;
	int i, n = 0;

	if (c->range) {
		if (f->kind != FK_INT || f->min != c->lo || f->max != c->hi) {
			snprintf(buf, len, "range %lld..%lld in the schema, "
			    "%lld..%lld in the table", c->lo, c->hi, f->min,
			    f->max);
			return -1;
		}
		return 0;
	}
	if (f->kind != FK_ENUM || f->values == NULL) {
		snprintf(buf, len, "values in the schema, none in the table");
		return -1;
	}
	for (v = f->values; *v != NULL; v++, n++) {
		for (i = 0; i < c->nv; i++)
			if (strcmp(c->v[i], *v) == 0)
				break;
		if (i == c->nv) {
			snprintf(buf, len, "'%s' in the table, not in the "
			    "schema", *v);
			return -1;
		}
	}
	for (i = 0; i < c->nv; i++)
		if (!str_in(c->v[i], f->values)) {
			snprintf(buf, len, "'%s' in the schema, not in the "
			    "table", c->v[i]);
			return -1;
		}
	return n == c->nv ? 0 : (snprintf(buf, len, "a value twice"), -1);
}

/* Does the table have the column? */
static int
has_column(sqlite3 *db, const char *table, const char *column)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) "
	    "WHERE name = ?2", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static int
needs_check(const struct field_def *f)
{
	return f->column != NULL && !(f->flags & FIELD_NO_DB_CHECK) &&
	    (f->kind == FK_ENUM || f->kind == FK_INT);
}

/* Schema to tables: every CHECK is some field's, and agrees with it. */
static void
schema_to_tables(void)
{
	const struct record_def *const *d;
	const struct field_def *f;
	char why[160];
	size_t i;
	int k, n, good;

	for (k = 0; k < nchecks; k++) {
		n = 0;
		for (d = record_defs; *d != NULL; d++) {
			if ((*d)->table == NULL ||
			    strcmp((*d)->table, checks[k].table) != 0)
				continue;
			for (i = 0; i < (*d)->nfields; i++) {
				f = &(*d)->fields[i];
				if (f->column == NULL ||
				    strcmp(f->column, checks[k].column) != 0)
					continue;
				n++;
				why[0] = '\0';
				good = needs_check(f) && agree(f, &checks[k],
				    why, sizeof(why)) == 0;
				ok(good, "%s.%s: the CHECK is "
				    "%s's %s%s%s", checks[k].table,
				    checks[k].column, (*d)->name, f->name,
				    why[0] ? ": " : "", why);
			}
		}
		ok(n > 0, "%s.%s: some table's field has the CHECK",
		    checks[k].table, checks[k].column);
	}
}

/* Tables to schema: every column named exists; every check is there. */
static void
tables_to_schema(sqlite3 *db)
{
	const struct record_def *const *d;
	const struct field_def *f;
	size_t i;

	for (d = record_defs; *d != NULL; d++) {
		if ((*d)->table == NULL)
			continue;
		for (i = 0; i < (*d)->nfields; i++) {
			f = &(*d)->fields[i];
			if (f->column == NULL)
				continue;
			ok(has_column(db, (*d)->table, f->column), "%s %s: "
			    "column %s.%s exists", (*d)->name, f->name,
			    (*d)->table, f->column);
			if (needs_check(f))
				ok(check_of((*d)->table, f->column) != NULL,
				    "%s %s: %s.%s has a CHECK", (*d)->name,
				    f->name, (*d)->table, f->column);
		}
	}
}

/* The comparison itself catches a value added to one side only. */
static void
self_test(void)
{
	static const char *const more[] = { "ally", "police", "municipality",
	    "mayor", NULL };
	struct field_def f = *record_def_field(&person_def, "role");
	const struct check *c = check_of("person", "role");
	struct check fewer;
	char why[160];

	ok(c != NULL && agree(&f, c, why, sizeof(why)) == 0,
	    "self-test: person.role agrees as it is");
	f.values = more;
	ok(c != NULL && agree(&f, c, why, sizeof(why)) != 0 &&
	    strstr(why, "'mayor' in the table") != NULL,
	    "self-test: a role added to the table only is caught");
	f = *record_def_field(&person_def, "role");
	ok(parse_check("person", "role IN ('ally', 'police')", &fewer) == 0 &&
	    agree(&f, &fewer, why, sizeof(why)) != 0 &&
	    strstr(why, "'municipality' in the table") != NULL,
	    "self-test: a role missing from the schema is caught");
	ok(parse_check("person", "role IN ('ally', 'police', 'municipality', "
	    "'mayor')", &fewer) == 0 && agree(&f, &fewer, why,
	    sizeof(why)) != 0 && strstr(why, "'mayor' in the schema") != NULL,
	    "self-test: a role added to the schema only is caught");
	ok(parse_check("signal", "trend = 'rising' OR trend = 'steady'",
	    &fewer) == 0 && fewer.nv == 2, "self-test: the OR form is read");
	f = *record_def_field(&signal_def, "tension");
	ok(parse_check("signal", "tension BETWEEN 0 AND 5", &fewer) == 0 &&
	    agree(&f, &fewer, why, sizeof(why)) != 0,
	    "self-test: a wider range in the schema is caught");
}

static void
lists(void)
{
	size_t i, n;

	for (i = 0; person_fields[i] != NULL; i++)
		if (strcmp(person_fields[i], person_def.fields[i].name) != 0)
			break;
	ok(i == person_def.nfields && person_fields[i] == NULL,
	    "person_fields are person_def's names");
	for (i = n = 0; i < person_def.nfields; i++)
		if (!(person_def.fields[i].flags &
		    (FIELD_IDENTITY | FIELD_SPECIAL)))
			ok(person_public_fields[n] != NULL &&
			    strcmp(person_public_fields[n++],
			    person_def.fields[i].name) == 0,
			    "person_public_fields has %s",
			    person_def.fields[i].name);
	ok(person_public_fields[n] == NULL, "and nothing else");
	for (i = 0; action_record_fields[i] != NULL; i++)
		;
	is_int(i, action_def.nfields, "action_record_fields: every field");
	for (i = 0; signal_fields[i] != NULL; i++)
		;
	is_int(i, signal_def.nfields, "signal_fields: every field");
}

/* One meaning of an empty value: absent; refused only where required. */
static void
empty_values(void)
{
	struct ally_error err;
	struct record *r = record_new();

	r->file = "t.yaml";
	r->line = 3;
	record_set(r, "role", "");
	ally_error_clear(&err);
	ok(field_check_enum(r, record_def_field(&person_def, "role"),
	    record_get(r, "role"), &err) == -1 && err.code == EX_DATAERR,
	    "an empty role is refused");
	is_str(err.msg, "t.yaml:3: role: empty; one of: ally, police, "
	    "municipality", "  empty; one of");
	ok(field_check_enum(r, record_def_field(&person_def, "sector"), NULL,
	    &err) == 0, "an empty sector clears it");
	ok(field_check_enum(r, record_def_field(&action_def, "party"), "army",
	    &err) == -1, "a party not in the list is refused");
	is_str(err.msg, "t.yaml:3: party: 'army' is not one of: police, "
	    "municipality, ally, joint", "  is not one of");
	ok(field_check(r, record_def_field(&action_def, "closed"),
	    "2999-01-01", date_from_ymd(2027, 1, 1), &err) == -1,
	    "a closing date in the future is refused");
	is_str(err.msg, "t.yaml:3: closed: 2999-01-01 is in the future",
	    "  in the future");
	ok(field_check(r, record_def_field(&action_def, "due"), "2999-01-01",
	    date_from_ymd(2027, 1, 1), &err) == 0, "a due date may be ahead");
	record_set(r, "host", "school");
	ok(fields_check(&meeting_def, r, FIELDS_ENUMS, 0, &err) == -1,
	    "fields_check: a bad host");
	is_str(err.msg, "t.yaml:3: host: 'school' is not one of: police, "
	    "municipality, ally, other", "  its message");
	record_set(r, "host", "");
	ok(fields_check(&meeting_def, r, FIELDS_ENUMS, 0, &err) == 0,
	    "fields_check: an empty host is the caller's");
	record_free(r);
}

/*
 * The fields marked FIELD_IDENTIFYING are exactly what erasure clears:
 * a member with every field given, erased, keeps the others.
 */
static void
erasure(sqlite3 *db)
{
	static const char *const in[][2] = { { "role", "ally" },
	    { "name", "Ada Testpersoon" }, { "phone", "06 12345678" },
	    { "email", "ada@example.org" }, { "function", "coach" },
	    { "community", "sportclub" }, { "sector", "sport" },
	    { "age_band", "25-39" }, { "gender", "f" },
	    { "background", "x" }, { "religion", "y" },
	    { "status", "left" }, { "intake", "2026-01-01" },
	    { "vetted", "2026-01-02" }, { "joined", "2026-01-03" },
	    { "left", "2026-06-01" }, { "contact_consent", "yes" },
	    { "notes", "a note" } };
	struct ally_error err;
	struct network net;
	struct record *r = record_new(), *out = NULL;
	const struct field_def *f;
	const char *changed;
	sqlite3_stmt *st;
	long long id = 0;
	char sql[128];
	size_t i;
	int cleared, rc;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		record_set(r, in[i][0], in[i][1]);
	rc = network_create(db, "Testdorp", &net, &err) == 0 &&
	    db_begin(db, &err) == 0 &&
	    person_apply(db, &net, r, date_from_ymd(2027, 1, 1), &changed,
	    &id, &err) == 0 &&
	    privacy_erase(db, &net, "A01", date_from_ymd(2027, 1, 1), "test",
	    &out, &err) == 0 && db_commit(db, &err) == 0;
	ok(rc, "a member with every field given, then erased%s%s",
	    rc ? "" : ": ", rc ? "" : err.msg);
	record_free(r);
	record_free(out);
	for (i = 0; rc && i < person_def.nfields; i++) {
		f = &person_def.fields[i];
		if (f->column == NULL || strcmp(f->column, "network_id") == 0)
			continue;
		snprintf(sql, sizeof(sql), "SELECT %s IS NULL OR %s = 0 FROM "
		    "person WHERE id = ?", f->column, f->column);
		cleared = -1;
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, id);
			if (sqlite3_step(st) == SQLITE_ROW)
				cleared = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
		}
		is_int(cleared, (f->flags & FIELD_IDENTIFYING) != 0,
		    "erasure %s %s", cleared ? "clears" : "keeps", f->name);
	}
}

int
main(void)
{
	static char dir[] = "/tmp/ally-fields-test.XXXXXX";
	struct ally_error err;
	sqlite3_stmt *st;
	sqlite3 *db;
	char path[256];
	int rc = 0;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/a.db", dir);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}
	sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master WHERE "
	    "type = 'table' ORDER BY name", -1, &st, NULL);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW)
		rc = collect((const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	ok(rc == 0, "every CHECK of the schema is understood");
	ok(nchecks >= 12, "the schema's CHECKs are found (%d)", nchecks);
	schema_to_tables();
	tables_to_schema(db);
	self_test();
	lists();
	empty_values();
	erasure(db);
	db_close(db);
	unlink(path);
	unlink(dir);
	rmdir(dir);
	return done_testing();
}
