/*
 * validate.c: the rows of the database checked like input.
 *
 * The schema's CHECK constraints and STRICT types hold what ally wrote,
 * but not a file another program wrote or a copy tampered with in the
 * sqlite3 shell (PRAGMA ignore_check_constraints, writable_schema): a
 * tension of 7 or 2^63-1 indexed a table out of bounds, a role not one
 * of three was undefined behaviour.  So every table is checked once
 * when the file is opened, one scan a table, from two sources: the
 * declared type and NOT NULL of each column (PRAGMA table_info) and
 * the field tables of lib/fields.c (values, range, dates, times,
 * maxlen).  The first bad row stops it: 65, naming table, row and field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core.h"
#include "fields.h"
#include "validate.h"

/* The SQL being made: grown by sqlite3_mprintf, NULL when out of memory. */
struct sql {
	char	*s;
	int	 oom;
};

static void
add(struct sql *q, char *part)
{
	char *t;

	if (part == NULL || q->oom) {
		q->oom = 1;
		sqlite3_free(part);
		return;
	}
	t = sqlite3_mprintf("%s%s", q->s != NULL ? q->s : "", part);
	sqlite3_free(part);
	sqlite3_free(q->s);
	if ((q->s = t) == NULL)
		q->oom = 1;
}

/* One WHEN of the CASE: the column is bad when cond; what is said. */
static void
when(struct sql *q, const char *col, const char *cond, const char *what)
{
	add(q, sqlite3_mprintf(" WHEN %s THEN %Q || ': ' || "
	    "coalesce(substr(quote(\"%w\"), 1, 40), 'NULL') || ' ' || %Q",
	    cond, col, col, what));
}

/* when, with a condition of the column alone (each "%w" its name). */
static void
cond(struct sql *q, const char *col, const char *fmt, const char *what)
{
	char *c;

	if ((c = sqlite3_mprintf(fmt, col, col)) == NULL) {
		q->oom = 1;
		return;
	}
	when(q, col, c, what);
	sqlite3_free(c);
}

/* The checks of a field's table entry on its column (of type text?). */
static void
field_checks(struct sql *q, const struct field_def *f, int text)
{
	const char *const *v;
	char *c;

	if (f->kind == FK_ENUM && f->values != NULL && text) {
		c = sqlite3_mprintf("\"%w\" NOT IN (", f->column);
		for (v = f->values; c != NULL && *v != NULL; v++) {
			char *t = sqlite3_mprintf("%s%s%Q", c, v == f->values ?
			    "" : ", ", *v);
			sqlite3_free(c);
			c = t;
		}
		if (c != NULL) {
			char *t = sqlite3_mprintf("%s)", c);
			sqlite3_free(c);
			c = t;
		}
		if (c == NULL)
			q->oom = 1;
		else
			when(q, f->column, c, _("is not one of the values"));
		sqlite3_free(c);
	}
	if (f->flags & FIELD_NOT_EMPTY)
		cond(q, f->column, "\"%w\" IS NULL", _("is missing"));
	if ((f->kind == FK_INT || f->kind == FK_PERCENT) && f->min < f->max &&
	    !text) {
		c = sqlite3_mprintf("\"%w\" NOT BETWEEN %lld AND %lld",
		    f->column, f->min, f->max);
		if (c == NULL)
			q->oom = 1;
		else
			when(q, f->column, c, _("is out of range"));
		sqlite3_free(c);
	}
	if (f->kind == FK_BOOL && !text)
		cond(q, f->column, "\"%w\" NOT IN (0, 1)", _("is not 0 or 1"));
	if (f->kind == FK_DATE && text)
		cond(q, f->column, "date(\"%w\") IS NOT \"%w\"",
		    _("is not a date"));
	if (f->kind == FK_TIME && text)
		cond(q, f->column, "substr(time(\"%w\"), 1, 5) IS NOT \"%w\"",
		    _("is not a time"));
	if (f->maxlen > 0 && text) {
		/* SQLite's %z is a string it frees: no %zu here. */
		c = sqlite3_mprintf("length(CAST(\"%w\" AS BLOB)) > %lld",
		    f->column, (long long)f->maxlen);
		if (c == NULL)
			q->oom = 1;
		else
			when(q, f->column, c, _("is too long"));
		sqlite3_free(c);
	}
}

/* The field tables' entries for a column of table. */
static void
table_fields(struct sql *q, const char *table, const char *col, int text)
{
	const struct record_def *const *d;
	size_t i;

	for (d = record_defs; *d != NULL; d++) {
		if ((*d)->table == NULL || strcmp((*d)->table, table) != 0)
			continue;
		for (i = 0; i < (*d)->nfields; i++)
			if ((*d)->fields[i].column != NULL &&
			    strcmp((*d)->fields[i].column, col) == 0)
				field_checks(q, &(*d)->fields[i], text);
	}
}

/* The type and nullness the schema declares, then the field tables'. */
static int
column_checks(sqlite3 *db, const char *table, struct sql *q,
    struct sql *row, struct ally_error *err)
{
	sqlite3_stmt *st;
	char *sql;
	const char *col, *type;
	int rc, text;

	if ((sql = sqlite3_mprintf("PRAGMA table_info(\"%w\")", table)) ==
	    NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	rc = db_prepare(db, sql, &st, err);
	sqlite3_free(sql);
	if (rc != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		col = (const char *)sqlite3_column_text(st, 1);
		type = (const char *)sqlite3_column_text(st, 2);
		if (col == NULL || type == NULL)
			continue;
		text = strcmp(type, "TEXT") == 0;
		if (sqlite3_column_int(st, 5) > 0 && row->s == NULL)
			add(row, sqlite3_mprintf("quote(\"%w\")", col));
		else if (sqlite3_column_int(st, 5) > 0)
			add(row, sqlite3_mprintf(" || '/' || quote(\"%w\")",
			    col));
		if (sqlite3_column_int(st, 3))
			cond(q, col, "\"%w\" IS NULL", _("is missing"));
		if (text)
			cond(q, col, "typeof(\"%w\") NOT IN ('null', 'text')",
			    _("is not text"));
		else if (strcmp(type, "INTEGER") == 0)
			cond(q, col, "typeof(\"%w\") NOT IN ('null', "
			    "'integer')", _("is not an integer"));
		table_fields(q, table, col, text);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, table);
	return q->oom || row->oom ? ally_errorf(err, EX_OSERR,
	    "out of memory") : 0;
}

/* The first bad row of table, said; 0 when there is none. */
static int
check_table(sqlite3 *db, const char *table, struct ally_error *err)
{
	struct sql q = { NULL, 0 }, row = { NULL, 0 };
	sqlite3_stmt *st;
	char *sql;
	int rc;

	if (column_checks(db, table, &q, &row, err) != 0)
		goto fail;
	if (q.s == NULL)
		return 0;
	sql = sqlite3_mprintf("SELECT %s, CASE%s END AS bad FROM \"%w\" "
	    "WHERE bad IS NOT NULL LIMIT 1", row.s != NULL ? row.s :
	    "rowid", q.s, table);
	sqlite3_free(q.s);
	sqlite3_free(row.s);
	if (sql == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	rc = db_prepare(db, sql, &st, err);
	sqlite3_free(sql);
	if (rc != 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ally_errorf(err, EX_DATAERR, "table %s, row %s: %s", table,
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return -1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, table);
fail:
	sqlite3_free(q.s);
	sqlite3_free(row.s);
	return -1;
}

int
db_validate(sqlite3 *db, struct ally_error *err)
{
	static const char sql[] = "SELECT name FROM sqlite_schema WHERE type "
	    "= 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name";
	sqlite3_stmt *st;
	char *name;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((name = strdup((const char *)sqlite3_column_text(st,
		    0))) == NULL) {
			sqlite3_finalize(st);
			return ally_errorf(err, EX_OSERR, "out of memory");
		}
		if (check_table(db, name, err) != 0) {
			free(name);
			sqlite3_finalize(st);
			return -1;
		}
		free(name);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}
