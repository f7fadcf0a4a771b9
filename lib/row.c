/*
 * row.c: the per-row machinery of the writers of members, actions,
 * venues and meetings (see row.h), made from the field tables, so that
 * each table's columns are typed once, in fields.h and fields.c.
 *
 * A field with a column is loaded; the network's is the session's and
 * is not; one whose column is a person's id (owner_id, chair_id) loads
 * the alias as its value and the id as its ref.  What is stored is
 * every loaded field but the id and the printed ones (revision).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "crypto.h"
#include "dbquery.h"
#include "fields.h"
#include "row.h"

static int
loaded(const struct field_def *f)
{
	return f->column != NULL && f->kind != FK_NAME;
}

static int
written(const struct field_def *f)
{
	return loaded(f) && strcmp(f->column, "id") != 0 &&
	    !(f->flags & FIELD_OUTPUT);
}

/* A field the record may carry that is printed only: not looked at. */
static int
ignored(const struct field_def *f)
{
	return (f->flags & FIELD_OUTPUT) && f->column == NULL;
}

static int
is_ref(const struct field_def *f)
{
	size_t n = strlen(f->column);

	return f->kind == FK_ALIAS && n > 3 &&
	    strcmp(f->column + n - 3, "_id") == 0;
}

/*
 * A field stored encrypted when the network's identities are (crypto.h):
 * an identifying one, but for a yes/no, which the schema checks.
 */
static int
is_sealed(const struct field_def *f)
{
	return (f->flags & FIELD_IDENTIFYING) && f->kind != FK_BOOL &&
	    f->kind != FK_NAME && f->column != NULL && !is_ref(f);
}

static int
has_sealed(const struct record_def *d)
{
	size_t i;

	for (i = 0; i < d->nfields; i++)
		if (is_sealed(&d->fields[i]))
			return 1;
	return 0;
}

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

void
row_begin(struct row_apply *a, struct row_spec *spec, sqlite3 *db,
    const struct network *net, const struct record *r, struct row *row,
    struct row *old, day_t today)
{
	memset(a, 0, sizeof(*a));
	memset(row, 0, sizeof(*row));
	memset(old, 0, sizeof(*old));
	a->spec = spec;
	a->db = db;
	a->net = net;
	a->r = r;
	a->row = row;
	a->old_row = old;
	a->today = today;
}

int
row_write(struct row_apply *a, const char *extra, const char **changed,
    long long *idp, struct ally_error *err)
{
	if (a->old != NULL && row_diff(a->spec, a->old, a->row) == 0) {
		*changed = "unchanged";
	} else {
		if (row_store(a->db, a->spec, a->net->id, a->row,
		    a->old == NULL, extra, err) != 0)
			return -1;
		*changed = a->old != NULL ? "updated" : "added";
	}
	*idp = a->row->id;
	return 0;
}

int
row_end(struct row_apply *a, int rc, const char **changed, long long *idp,
    struct ally_error *err)
{
	if (rc == 0)
		rc = row_write(a, NULL, changed, idp, err);
	row_free(a->row);
	if (a->old_row != NULL)
		row_free(a->old_row);
	return rc;
}

void
row_free(struct row *p)
{
	int i;

	for (i = 0; i < ROW_MAX; i++)
		free(p->v[i]);
	memset(p, 0, sizeof(*p));
}

int
row_set(struct row *p, int i, const char *s)
{
	return str_set(&p->v[i], s);
}

int
row_copy(struct row *dst, const struct row *src)
{
	int i;

	for (i = 0; i < ROW_MAX; i++)
		if (row_set(dst, i, src->v[i]) != 0)
			return -1;
	memcpy(dst->ref, src->ref, sizeof(dst->ref));
	dst->id = src->id;
	return 0;
}

int
row_network(const struct record *r, const struct network *net,
    struct ally_error *err)
{
	const char *v;

	if ((v = record_get(r, "network")) != NULL &&
	    strcmp(v, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", v);
	return 0;
}

int
row_id(const struct record *r, long long *id, struct ally_error *err)
{
	const char *v;

	*id = 0;
	if ((v = record_get(r, "id")) != NULL &&
	    parse_int(v, 1, INT64_MAX, id) != 0)
		return field_error(r, "id", err, "'%s' is not an id", v);
	return 0;
}

int
row_find(sqlite3 *db, const char *sql, long long net, const char *key,
    long long *id, char a[ROW_WORD], char b[ROW_WORD], struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	db_bind_text(st, 2, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(a, ROW_WORD, "%s", sqlite3_column_text(st, 1));
		if (b != NULL)
			snprintf(b, ROW_WORD, "%s", sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

int
row_columns(sqlite3_stmt *st, struct record *r, const char *const *names,
    int n, unsigned long skip)
{
	int i;

	for (i = 0; i < n; i++) {
		if (skip & (1UL << i))
			continue;
		if (sqlite3_column_type(st, i) == SQLITE_NULL ?
		    record_set_null(r, names[i]) != 0 :
		    db_column_to_record(st, i, r, names[i]) != 0)
			return -1;
	}
	return 0;
}

/* ---- the statements ------------------------------------------------- */

static void
cat(char *buf, size_t *n, const char *fmt, ...)
{
	va_list ap;

	if (*n >= ROW_SQL_MAX)
		return;
	va_start(ap, fmt);
	*n += vsnprintf(buf + *n, ROW_SQL_MAX - *n, fmt, ap);
	va_end(ap);
}

/* The loaded column of a field as the SELECT reads it. */
static void
select_column(char *buf, size_t *n, const struct field_def *f,
    const char *table)
{
	const char *c = f->column;

	if (is_ref(f))
		cat(buf, n, "(SELECT alias FROM person WHERE id = t.%s), t.%s",
		    c, c);
	else if (f->kind == FK_BOOL)
		cat(buf, n, "CASE t.%s WHEN 1 THEN 'yes' ELSE 'no' END", c);
	else if (is_sealed(f))
		cat(buf, n, "ally_plain(t.%s, '%s.%s', t.id, t.network_id)", c,
		    table, c);
	else
		cat(buf, n, "t.%s", c);
}

/* The SELECT, INSERT and UPDATE of the spec's table, made once. */
static int
make_sql(struct row_spec *s, struct ally_error *err)
{
	const struct record_def *d = s->def;
	char *sel = s->sql[0], *ins = s->sql[1], *upd = s->sql[2];
	size_t i, n0 = 0, n1 = 0, n2 = 0;
	int k = 0, l = 0;

	cat(sel, &n0, "SELECT ");
	cat(ins, &n1, "INSERT INTO %s (", d->table);
	cat(upd, &n2, "UPDATE %s SET ", d->table);
	for (i = 0; i < d->nfields; i++) {
		const struct field_def *f = &d->fields[i];

		if (!loaded(f))
			continue;
		cat(sel, &n0, l++ ? ", " : "");
		select_column(sel, &n0, f, d->table);
		if (!written(f))
			continue;
		cat(ins, &n1, "%s, ", f->column);
		cat(upd, &n2, "%s = ?%d, ", f->column, ++k);
	}
	cat(sel, &n0, " FROM %s t WHERE t.network_id = ?1 AND t.id = ?2",
	    d->table);
	cat(ins, &n1, "network_id%s%s) VALUES (", s->extra_col ? ", " : "",
	    s->extra_col ? s->extra_col : "");
	for (l = 1; l <= k + 1; l++)
		cat(ins, &n1, l > 1 ? ", ?%d" : "?%d", l);
	if (s->extra_col != NULL)
		cat(ins, &n1, ", ?%d", k + 2);
	cat(ins, &n1, ")");
	if (s->extra_set != NULL) {
		cat(upd, &n2, s->extra_set, k + 3);
		cat(upd, &n2, " ");
	}
	else
		n2 -= 2;	/* the last ", " */
	cat(upd, &n2, "%sWHERE network_id = ?%d AND id = ?%d",
	    s->extra_set ? "" : " ", k + 1, k + 2);
	if (n0 >= ROW_SQL_MAX || n1 >= ROW_SQL_MAX || n2 >= ROW_SQL_MAX) {
		s->sql[0][0] = '\0';
		return ally_errorf(err, EX_SOFTWARE, "%s: statement too long",
		    d->table);
	}
	return 0;
}

int
row_load(sqlite3 *db, struct row_spec *s, long long net, long long id,
    struct row *p, struct ally_error *err)
{
	const struct record_def *d = s->def;
	sqlite3_stmt *st;
	size_t i;
	int rc, k = 0;

	if ((s->sql[0][0] == '\0' && make_sql(s, err) != 0) ||
	    db_prepare_cached(db, s->sql[0], &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		db_release(st);
		return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
	}
	p->id = id;
	for (i = 0, rc = 0; i < d->nfields && rc == 0; i++) {
		if (!loaded(&d->fields[i]))
			continue;
		rc = row_set(p, i, (const char *)sqlite3_column_text(st, k++));
		if (is_ref(&d->fields[i]))
			p->ref[i] = sqlite3_column_int64(st, k++);
	}
	db_release(st);
	return rc == 0 ? 1 : oom(err);
}

/* Bind the value of a stored field as its column holds it. */
static void
bind_value(sqlite3_stmt *st, int k, const struct field_def *f,
    const struct row *p, int i)
{
	const char *v = p->v[i];

	if (is_ref(f)) {
		if (p->ref[i] != 0)
			sqlite3_bind_int64(st, k, p->ref[i]);
	} else if (f->kind == FK_BOOL)
		sqlite3_bind_int(st, k, v != NULL && strcmp(v, "yes") == 0);
	else if (f->kind == FK_ID) {
		if (v != NULL)
			sqlite3_bind_int64(st, k, strtoll(v, NULL, 10));
	} else
		db_bind_text(st, k, v);
}

/* The ciphertext of field i of the stored row p (crypto.h). */
static int
bind_sealed(sqlite3_stmt *st, int k, const struct record_def *d, size_t i,
    long long net, const struct row *p, struct ally_error *err)
{
	char tag[128];

	snprintf(tag, sizeof(tag), "%s.%s", d->table, d->fields[i].column);
	return crypto_bind(st, k, net, tag, p->id, p->v[i], err);
}

int
row_store(sqlite3 *db, struct row_spec *s, long long net, struct row *p,
    int insert, const char *extra, struct ally_error *err)
{
	const struct record_def *d = s->def;
	sqlite3_stmt *st;
	size_t i;
	int rc, k = 0, seal, later = 0;

	if ((seal = has_sealed(d) ? crypto_sealed(db, net, err) : 0) < 0 ||
	    (s->sql[0][0] == '\0' && make_sql(s, err) != 0) ||
	    db_prepare_cached(db, s->sql[insert ? 1 : 2], &st, err) != 0)
		return -1;
	for (i = 0; i < d->nfields; i++) {
		if (!written(&d->fields[i]))
			continue;
		if (!seal || !is_sealed(&d->fields[i]) || p->v[i] == NULL)
			bind_value(st, ++k, &d->fields[i], p, i);
		else if (insert) {
			/* Sealed with the row's id, once it has one. */
			sqlite3_bind_null(st, ++k);
			later = 1;
		} else if (bind_sealed(st, ++k, d, i, net, p, err) != 0) {
			db_release(st);
			return -1;
		}
	}
	sqlite3_bind_int64(st, k + 1, net);
	if (!insert)
		sqlite3_bind_int64(st, k + 2, p->id);
	if (insert ? s->extra_col != NULL : s->extra_set != NULL)
		db_bind_text(st, k + (insert ? 2 : 3), extra);
	rc = sqlite3_step(st);
	db_release(st);
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, d->table);
	if (insert)
		p->id = sqlite3_last_insert_rowid(db);
	return later ? row_store(db, s, net, p, 0, extra, err) : 0;
}

int
row_ids(sqlite3 *db, const char *table, long long net, long long **ids,
    size_t *n, struct ally_error *err)
{
	long long *v;
	sqlite3_stmt *st;
	char sql[128];
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE network_id = ? "
	    "ORDER BY id", table);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((v = array_grow(*ids, *n, &cap, sizeof(*v))) == NULL) {
			sqlite3_finalize(st);
			return oom(err);
		}
		*ids = v;
		v[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

int
row_reseal(sqlite3 *db, struct row_spec *s, long long net, long *n,
    struct ally_error *err)
{
	struct row *rows = NULL;
	long long *ids;
	size_t cnt, i;
	int rc = -1;

	*n = 0;
	if (row_ids(db, s->def->table, net, &ids, &cnt, err) != 0)
		goto out;
	if (cnt > 0 && (rows = calloc(cnt, sizeof(*rows))) == NULL) {
		oom(err);
		goto out;
	}
	/* All read with the old key before the first is written. */
	for (i = 0; i < cnt; i++)
		if (row_load(db, s, net, ids[i], &rows[i], err) != 1)
			goto out;
	for (i = 0; i < cnt; i++)
		if (row_store(db, s, net, &rows[i], 0, NULL, err) != 0)
			goto out;
	*n = (long)cnt;
	rc = 0;
out:
	for (i = 0; rows != NULL && i < cnt; i++)
		row_free(&rows[i]);
	free(rows);
	free(ids);
	return rc;
}

unsigned long
row_diff(const struct row_spec *s, const struct row *a, const struct row *b)
{
	unsigned long diff = 0;
	size_t i;

	for (i = 0; i < s->def->nfields; i++)
		if (written(&s->def->fields[i]) &&
		    ((a->v[i] == NULL) != (b->v[i] == NULL) ||
		    (a->v[i] != NULL && strcmp(a->v[i], b->v[i]) != 0)))
			diff |= 1UL << i;
	return diff;
}

/* ---- the record on the row ------------------------------------------ */

static int
unknown(const struct row_apply *a, const char *key, struct ally_error *err)
{
	const struct record_def *d = a->spec->def;
	char list[512];
	size_t i, n = 0;

	list[0] = '\0';
	for (i = 0; i < d->nfields && n < sizeof(list); i++)
		if (!ignored(&d->fields[i]))
			n += snprintf(list + n, sizeof(list) - n, "%s%s",
			    n ? ", " : "", d->fields[i].name);
	if (a->spec->what != NULL)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, key), key, a->spec->unknown,
		    _(a->spec->what), list);
	return field_error(a->r, key, err, a->spec->unknown, list);
}

/*
 * The table's field of the record's i-th: 1 and *j when it is to be
 * applied, 0 when it is not (ids, the network, what is printed), -1.
 */
static int
row_field(const struct row_apply *a, size_t i, int *j,
    struct ally_error *err)
{
	const struct field *f = &a->r->fields[i];
	const struct field_def *fd;

	if ((*j = record_def_index(a->spec->def, f->key)) < 0)
		return unknown(a, f->key, err);
	fd = &a->spec->def->fields[*j];
	if (ignored(fd))
		return 0;
	if (f->kind == VAL_LIST || f->kind == VAL_RECORDS)
		return field_error(a->r, f->key, err, "%s",
		    _("expected one value, not a list"));
	return fd->kind != FK_NAME && (fd->flags & FIELD_OUTPUT) == 0 &&
	    (fd->column == NULL || strcmp(fd->column, "id") != 0);
}

/* Text: valid, and within the field's length, in the spec's words. */
static int
check_text(const struct row_apply *a, const struct field_def *fd,
    const char *v, struct ally_error *err)
{
	int rc;

	if (v == NULL)
		return 0;
	if ((a->spec->text_kinds & ROW_KIND(fd->kind)) &&
	    (rc = valid_text(v, fd->kind == FK_MULTILINE)) != 0)
		return field_error(a->r, fd->name, err, "%s", text_fault(v, rc,
		    fd->kind == FK_MULTILINE));
	if (!(a->spec->len_kinds & ROW_KIND(fd->kind)) || fd->maxlen == 0 ||
	    strlen(v) <= fd->maxlen)
		return 0;
	return ally_error_at(err, EX_DATAERR, a->r->file, record_line(a->r,
	    fd->name), fd->name, "too long (at most %zu bytes)", fd->maxlen);
}

int
row_check(struct row_apply *a, struct ally_error *err)
{
	const struct field_def *fd;
	const char *v;
	size_t i;
	int j, rc;

	/* An unknown field first: a header split wrongly hides the rest. */
	for (i = 0; i < a->r->nfields; i++)
		if (record_def_index(a->spec->def, a->r->fields[i].key) < 0)
			return unknown(a, a->r->fields[i].key, err);
	for (i = 0; i < a->r->nfields; i++) {
		if ((rc = row_field(a, i, &j, err)) <= 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		fd = &a->spec->def->fields[j];
		v = record_get(a->r, fd->name);
		if (check_text(a, fd, v, err) != 0 || (v != NULL &&
		    fd->kind == FK_ENUM && field_check_enum(a->r, fd, v,
		    err) != 0))
			return -1;
	}
	return 0;
}

/* One field: the text checks, the module's, the kind's; then stored. */
static int
apply_field(struct row_apply *a, int j, struct ally_error *err)
{
	const struct field_def *fd = &a->spec->def->fields[j];
	const char *v = record_get(a->r, fd->name);
	int rc, b;

	if (check_text(a, fd, v, err) != 0)
		return -1;
	if (v == NULL && a->spec->empty != NULL && a->spec->empty[j] != NULL)
		return field_error(a->r, fd->name, err, "%s",
		    _(a->spec->empty[j]));
	if (a->spec->field != NULL && (rc = a->spec->field(a, j, &v,
	    err)) != 0)
		return rc < 0 ? -1 : 0;
	if (field_check(a->r, fd, v, a->today, err) != 0)
		return -1;
	/* A yes/no is stored as one of the two; empty is no. */
	if (fd->kind == FK_BOOL)
		v = v != NULL && parse_bool(v, &b) == 0 && b ? "yes" : "no";
	return row_set(a->row, j, v) == 0 ? 0 : oom(err);
}

int
row_overlay(struct row_apply *a, struct ally_error *err)
{
	size_t i;
	int j, rc;

	for (i = 0; i < a->r->nfields; i++) {
		if ((rc = row_field(a, i, &j, err)) < 0 ||
		    (rc > 0 && apply_field(a, j, err) != 0))
			return -1;
	}
	return 0;
}

/* ---- the listing ------------------------------------------------------ */

/*
 * A field with a column of the table is listed; the network's is its
 * name, a person's id the alias, a yes/no the word.
 */
static void
list_column(char *buf, size_t *n, size_t len, const struct field_def *f,
    const char *table)
{
	if (f->kind == FK_NAME)
		*n += snprintf(buf + *n, len - *n, "n.name");
	else if (is_ref(f))
		*n += snprintf(buf + *n, len - *n, "(SELECT alias FROM person "
		    "WHERE id = t.%s)", f->column);
	else if (f->kind == FK_BOOL)
		*n += snprintf(buf + *n, len - *n, "CASE t.%s WHEN 1 THEN "
		    "'yes' ELSE 'no' END", f->column);
	else if (is_sealed(f))
		*n += snprintf(buf + *n, len - *n, "ally_plain(t.%s, '%s.%s', "
		    "t.id, t.network_id)", f->column, table, f->column);
	else if (strcmp(f->column, f->name) == 0) {
		*n += snprintf(buf + *n, len - *n, "t.%s", f->column);
		return;
	} else
		*n += snprintf(buf + *n, len - *n, "t.%s", f->column);
	/* The field's name as the column's: what tests/0981 compares. */
	if (*n < len)
		*n += snprintf(buf + *n, len - *n, " AS \"%s\"", f->name);
}

const char *
row_select(const struct record_def *d, const char *extra, const char *tail,
    char *buf, size_t len, struct ally_error *err)
{
	size_t i, n;
	int k = 0;

	if (buf[0] != '\0')
		return buf;
	n = snprintf(buf, len, "SELECT ");
	for (i = 0; i < d->nfields && n < len; i++) {
		if (d->fields[i].column == NULL)
			continue;
		if (k++ > 0)
			n += snprintf(buf + n, len - n, ", ");
		if (n < len)
			list_column(buf, &n, len, &d->fields[i], d->table);
	}
	if (n < len)
		n += snprintf(buf + n, len - n, "%s FROM %s t JOIN network n ON "
		    "n.id = t.network_id %s", extra, d->table, tail);
	if (n >= len) {
		buf[0] = '\0';
		ally_errorf(err, EX_SOFTWARE, "%s: statement too long",
		    d->table);
		return NULL;
	}
	return buf;
}

int
row_query(sqlite3 *db, const struct record_def *d, const char *tail,
    char *buf, size_t len, long long net, sqlite3_stmt **st,
    struct ally_error *err)
{
	if (row_select(d, "", tail, buf, len, err) == NULL ||
	    db_prepare(db, buf, st, err) != 0)
		return -1;
	sqlite3_bind_int64(*st, 1, net);
	return 0;
}

int
row_load_given(struct row_apply *a, struct row *old, const char *what,
    struct ally_error *err)
{
	long long id;
	int found;

	if (row_network(a->r, a->net, err) != 0 || row_id(a->r, &id, err) != 0)
		return -1;
	if (id == 0)
		return 0;
	if ((found = row_load(a->db, a->spec, a->net->id, id, old, err)) == 0)
		ally_error_at(err, EX_DATAERR, a->r->file, record_line(a->r,
		    "id"), "id", "no %s %s in network %s (leave the id out for "
		    "a new one)", what, record_get(a->r, "id"), a->net->name);
	if (found <= 0)
		return -1;
	a->old = old;
	if (row_copy(a->row, old) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 1;
}

/* ---- erasure ---------------------------------------------------------- */

int
row_erase(sqlite3 *db, const struct record_def *d, const char *column,
    long long person, struct ally_error *err)
{
	char set[256], sql[384];
	sqlite3_stmt *st;

	if (fields_identifying(d, FIELDS_ERASE_SET, set, sizeof(set)) == NULL ||
	    (size_t)snprintf(sql, sizeof(sql), "UPDATE %s SET %s WHERE "
	    "%s = ?1", d->table, set, column) >= sizeof(sql))
		return ally_errorf(err, EX_SOFTWARE, "%s: statement too "
		    "long", d->table);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	return db_step_done(db, st, "erase", err);
}
