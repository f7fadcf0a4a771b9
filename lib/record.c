/* record.c: the ordered field/value list that flows through every pipe. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "vformat.h"

/*
 * Field names interned: a process meets a few dozen names, again in every
 * record it reads, so each is kept once for the life of the process and
 * the records point at it instead of owning a copy (an ingest made and
 * freed one per value).  The pool is bounded: input that brings endless
 * new names gets copies, owned and freed as before.
 */
#define KEY_SLOTS	1024		/* a power of two; half of it used */

static char	*key_slot[KEY_SLOTS];
static size_t	 key_count;

static const char *
key_intern(const char *k)
{
	const unsigned char *p;
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t i, len;
	char *c;

	for (p = (const unsigned char *)k; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	len = (size_t)(p - (const unsigned char *)k);
	for (i = h & (KEY_SLOTS - 1); key_slot[i] != NULL;
	    i = (i + 1) & (KEY_SLOTS - 1))
		if (strcmp(key_slot[i], k) == 0)
			return key_slot[i];
	if (key_count >= KEY_SLOTS / 2 || (c = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(c, k, len + 1);
	key_count++;
	return key_slot[i] = c;
}

/* The field named key: the pool's copy, or its own when the pool is full. */
static int
field_name(struct field *f, const char *key)
{
	const char *k;

	if ((k = key_intern(key)) != NULL) {
		f->key = (char *)k;
		f->key_owned = 0;
		return 0;
	}
	f->key_owned = 1;
	return (f->key = strdup(key)) != NULL ? 0 : -1;
}

static void
field_name_free(struct field *f)
{
	if (f->key_owned)
		free(f->key);
	f->key = NULL;
}

struct record *
record_new(void)
{
	return calloc(1, sizeof(struct record));
}

static void
field_clear(struct field *f)
{
	size_t i;

	free(f->value);
	f->value = NULL;
	for (i = 0; i < f->nitems; i++)
		free(f->items[i]);
	free(f->items);
	f->items = NULL;
	f->nitems = 0;
	for (i = 0; i < f->nrecs; i++)
		record_free(f->recs[i]);
	free(f->recs);
	f->recs = NULL;
	f->nrecs = 0;
	f->kind = VAL_NULL;
	f->type = FT_TEXT;
	f->quoted = 0;
}

void
record_free(struct record *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nfields; i++) {
		field_clear(&r->fields[i]);
		field_name_free(&r->fields[i]);
	}
	free(r->fields);
	free(r);
}

struct field *
record_field(const struct record *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (str_eq(r->fields[i].key, key))
			return &r->fields[i];
	return NULL;
}

/*
 * An array of n elements with room for one more: the lists of a record
 * grow only here, to 4 and then doubling, so their room follows from n
 * (n = 0, or a power of two from 4 on, means full).
 */
static void *
list_grow(void *p, size_t n, size_t size)
{
	if (n != 0 && (n < 4 || (n & (n - 1)) != 0))
		return p;
	return reallocarray(p, n == 0 ? 4 : n * 2, size);
}

/*
 * Room for one more field at the end, zeroed but not yet counted; NULL
 * when the record is full or memory runs out.
 */
static struct field *
field_room(struct record *r)
{
	struct field *nf;

	if (r->nfields >= ALLY_MAX_FIELDS)
		return NULL;
	if ((nf = array_grow(r->fields, r->nfields, &r->cap,
	    sizeof(*nf))) == NULL)
		return NULL;
	r->fields = nf;
	memset(&nf[r->nfields], 0, sizeof(*nf));
	return &nf[r->nfields];
}

/* The field of that key, emptied, or a new one at the end. */
static struct field *
field_slot(struct record *r, const char *key)
{
	struct field *f;

	if ((f = record_field(r, key)) != NULL) {
		field_clear(f);
		return f;
	}
	if ((f = field_room(r)) == NULL || field_name(f, key) != 0)
		return NULL;
	r->nfields++;
	return f;
}

/*
 * A field appended with a name and a value (NULL for null) that the
 * caller allocated and the record now owns; the value is freed on
 * failure.  For the readers, which refuse a key given twice before they
 * get here: no lookup, no copy of the value.
 */
struct field *
record_append_owned(struct record *r, const char *key, char *value)
{
	struct field *f;

	if ((f = field_room(r)) == NULL || field_name(f, key) != 0) {
		free(value);
		return NULL;
	}
	r->nfields++;
	f->value = value;
	f->kind = value != NULL ? VAL_SCALAR : VAL_NULL;
	return f;
}

int
record_set_typed(struct record *r, const char *key, const char *value,
    enum field_type type)
{
	struct field *f;

	if ((f = field_slot(r, key)) == NULL)
		return -1;
	if (value == NULL)
		return 0;
	if ((f->value = strdup(value)) == NULL)
		return -1;
	f->kind = VAL_SCALAR;
	f->type = type;
	return 0;
}

int
record_set(struct record *r, const char *key, const char *value)
{
	return record_set_typed(r, key, value, FT_TEXT);
}

int
record_setf(struct record *r, const char *key, const char *fmt, ...)
{
	char *s;
	int rc;

	VFORMAT(s, fmt);
	rc = s != NULL ? record_set(r, key, s) : -1;
	free(s);
	return rc;
}

int
record_set_int(struct record *r, const char *key, long long v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", v);
	return record_set_typed(r, key, buf, FT_INTEGER);
}

int
record_set_decimal(struct record *r, const char *key, const char *fmt,
    double v)
{
	char buf[64];

	snprintf(buf, sizeof(buf), fmt, v);
	return record_set_typed(r, key, buf, FT_DECIMAL);
}

int
record_set_date(struct record *r, const char *key, const char *value)
{
	day_t d;

	return record_set_typed(r, key, value, value != NULL &&
	    date_parse(value, &d) == 0 ? FT_DATE : FT_TEXT);
}

int
record_set_null(struct record *r, const char *key)
{
	return field_slot(r, key) == NULL ? -1 : 0;
}

/* The list field of that key, keeping items already there. */
static struct field *
list_slot(struct record *r, const char *key, enum value_kind kind)
{
	struct field *f;

	f = record_field(r, key);
	if (f != NULL && f->kind == kind)
		return f;
	if ((f = field_slot(r, key)) == NULL)
		return NULL;
	f->kind = kind;
	return f;
}

int
record_add_item(struct record *r, const char *key, const char *item)
{
	struct field *f;
	char **ni;

	if ((f = list_slot(r, key, VAL_LIST)) == NULL)
		return -1;
	if ((ni = list_grow(f->items, f->nitems, sizeof(*ni))) == NULL)
		return -1;
	f->items = ni;
	if ((ni[f->nitems] = strdup(item)) == NULL)
		return -1;
	f->nitems++;
	return 0;
}

int
record_add_record(struct record *r, const char *key, struct record *sub)
{
	struct field *f;
	struct record **nr;

	if ((f = list_slot(r, key, VAL_RECORDS)) == NULL) {
		record_free(sub);
		return -1;
	}
	if ((nr = list_grow(f->recs, f->nrecs, sizeof(*nr))) == NULL) {
		record_free(sub);
		return -1;
	}
	f->recs = nr;
	nr[f->nrecs++] = sub;
	return 0;
}

struct record *
record_dup(const struct record *r)
{
	struct record *d;
	const struct field *f;
	struct field *g;
	size_t i, j;

	if ((d = record_new()) == NULL)
		return NULL;
	d->file = r->file;
	d->line = r->line;
	d->column = r->column;
	for (i = 0; i < r->nfields; i++) {
		f = &r->fields[i];
		if ((g = field_slot(d, f->key)) == NULL)
			goto fail;
		g->line = f->line;
		g->column = f->column;
		g->quoted = f->quoted;
		switch (f->kind) {
		case VAL_NULL:
			break;
		case VAL_SCALAR:
			if ((g->value = strdup(f->value)) == NULL)
				goto fail;
			g->kind = VAL_SCALAR;
			g->type = f->type;
			break;
		case VAL_LIST:
			g->kind = VAL_LIST;
			for (j = 0; j < f->nitems; j++)
				if (record_add_item(d, f->key, f->items[j]))
					goto fail;
			break;
		case VAL_RECORDS:
			g->kind = VAL_RECORDS;
			for (j = 0; j < f->nrecs; j++) {
				struct record *s = record_dup(f->recs[j]);

				if (s == NULL || record_add_record(d, f->key, s))
					goto fail;
			}
			break;
		}
	}
	return d;
fail:
	record_free(d);
	return NULL;
}

const char *
record_get(const struct record *r, const char *key)
{
	const struct field *f;

	if ((f = record_field(r, key)) == NULL || f->kind != VAL_SCALAR ||
	    f->value == NULL || f->value[0] == '\0')
		return NULL;
	return f->value;
}

int
record_has(const struct record *r, const char *key)
{
	return record_field(r, key) != NULL;
}

unsigned long
record_line(const struct record *r, const char *key)
{
	const struct field *f;

	if (key != NULL && (f = record_field(r, key)) != NULL && f->line > 0)
		return f->line;
	return r->line;
}

size_t
record_list(const struct record *r, const char *key, const char ***out,
    char **buf)
{
	const struct field *f;
	const char **v;
	char *p, *s;
	size_t n = 0, i;

	*out = NULL;
	*buf = NULL;
	if ((f = record_field(r, key)) == NULL)
		return 0;
	if (f->kind == VAL_LIST) {
		if ((v = calloc(f->nitems + 1, sizeof(*v))) == NULL)
			return 0;
		for (i = 0; i < f->nitems; i++)
			v[i] = f->items[i];
		*out = v;
		return f->nitems;
	}
	if (f->kind != VAL_SCALAR || f->value == NULL)
		return 0;
	if ((s = strdup(f->value)) == NULL)
		return 0;
	for (p = s; *p; p++)
		if (*p == ',' || *p == ';')
			*p = ' ';
	if ((v = calloc(strlen(s) / 2 + 2, sizeof(*v))) == NULL) {
		free(s);
		return 0;
	}
	for (p = strtok(s, " \t\r\n"); p != NULL; p = strtok(NULL, " \t\r\n"))
		v[n++] = p;
	*out = v;
	*buf = s;
	return n;
}

int
record_remove(struct record *r, const char *key)
{
	struct field *f;
	size_t i;

	if ((f = record_field(r, key)) == NULL)
		return 0;
	i = f - r->fields;
	field_clear(f);
	field_name_free(f);
	memmove(&r->fields[i], &r->fields[i + 1],
	    (r->nfields - i - 1) * sizeof(*f));
	r->nfields--;
	return 1;
}
