/*
 * person.c: members of a network: allies, police and municipality staff.
 *
 * One record adds a member or, matched by id or alias, updates one; the
 * fields the record leaves out stay as they are, an empty one clears.
 * The lifecycle is candidate -> active -> paused <-> active -> left,
 * and left -> candidate for a member who returns.  An ally becomes
 * active only after the intake conversation and the integrity check.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "dbquery.h"
#include "fields.h"
#include "member.h"
#include "row.h"

/*
 * The column order of person_select_sql and the field indexes of a
 * member's row (row.h): the order of person_def (fields.h), whose names
 * are person_fields.
 */
#define P_INDEX(i, n, k, v, lo, hi, len, fl, col)	P_##i,
enum {
	PERSON_FIELDS(P_INDEX, P_INDEX)
	P_NFIELDS
};

/* Made once from person_def: its columns, in its order. */
const char *
person_select_sql(struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_select(&person_def, "", "WHERE t.network_id = ?1 AND "
	    "(?2 IS NULL OR t.status = ?2) AND (?3 IS NULL OR t.role = ?3) "
	    "ORDER BY t.role <> 'ally', length(t.alias), t.alias", sql,
	    sizeof(sql), err);
}

static int
is_identity(int i)
{
	return i == P_NAME || i == P_PHONE || i == P_EMAIL;
}

static int
is_special(int i)
{
	return i == P_GENDER || i == P_BACKGROUND || i == P_RELIGION;
}

struct record *
person_record(sqlite3_stmt *st, int flags)
{
	struct record *r;
	unsigned long skip = 0;
	int i;

	if ((r = record_new()) == NULL)
		return NULL;
	for (i = 0; i < P_NFIELDS; i++)
		if ((is_identity(i) && !(flags & PERSON_IDENTITIES)) ||
		    (is_special(i) && !(flags & PERSON_SPECIAL)))
			skip |= 1UL << i;
	if (row_columns(st, r, person_fields, P_NFIELDS, skip) != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

int
person_by_alias(sqlite3 *db, long long net, const char *alias,
    long long *id, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	/* Kept prepared: a signal or action ingest asks once per record. */
	if (db_prepare_cached(db, "SELECT id FROM person WHERE network_id = ? "
	    "AND alias = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, alias, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	db_release(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_error(db, rc, err, NULL);
}

static int
alias_cmp(const void *a, const void *b)
{
	return strcmp(((const struct alias_entry *)a)->alias,
	    ((const struct alias_entry *)b)->alias);
}

int
person_alias_map(sqlite3 *db, long long net, struct alias_map *m,
    struct ally_error *err)
{
	struct alias_entry *v;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(m, 0, sizeof(*m));
	if (db_prepare(db, "SELECT alias, id FROM person WHERE network_id = ?",
	    &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((v = array_grow(m->v, m->n, &cap, sizeof(*v))) == NULL)
			goto oom;
		m->v = v;
		if ((m->v[m->n].alias = strdup((const char *)
		    sqlite3_column_text(st, 0))) == NULL)
			goto oom;
		m->v[m->n++].id = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		alias_map_free(m);
		return db_error(db, rc, err, NULL);
	}
	if (m->n > 1)
		qsort(m->v, m->n, sizeof(*m->v), alias_cmp);
	return 0;
oom:
	sqlite3_finalize(st);
	alias_map_free(m);
	return ally_errorf(err, EX_OSERR, "out of memory");
}

void
alias_map_free(struct alias_map *m)
{
	while (m->n > 0)
		free(m->v[--m->n].alias);
	free(m->v);
	m->v = NULL;
}

int
person_lookup(sqlite3 *db, const struct network *net, const char *alias,
    long long *id, struct ally_error *err)
{
	struct alias_entry key, *e;

	if (net->aliases == NULL)
		return person_by_alias(db, net->id, alias, id, err);
	if (net->aliases->n == 0)
		return 0;
	key.alias = (char *)alias;
	if ((e = bsearch(&key, net->aliases->v, net->aliases->n,
	    sizeof(key), alias_cmp)) == NULL)
		return 0;
	*id = e->id;
	return 1;
}

int
person_count_allies(sqlite3 *db, long long net, int *n,
    struct ally_error *err)
{
	long long count;

	if (db_query_int64(db, "SELECT count(*) FROM person WHERE "
	    "network_id = ? AND role = 'ally' AND status IN ('candidate', "
	    "'active')", net, &count, err) != 0)
		return -1;
	*n = (int)count;
	return 0;
}

/* The lowest free alias of the role's letter: A01 for allies, P01, M01. */
static int
next_alias(sqlite3 *db, long long net, const char *role, char *buf,
    size_t len, struct ally_error *err)
{
	char c = strcmp(role, "police") == 0 ? 'P' :
	    strcmp(role, "municipality") == 0 ? 'M' : 'A';
	long long id;
	int i, rc;

	for (i = 1; i < 100000; i++) {
		snprintf(buf, len, "%c%02d", c, i);
		if ((rc = person_by_alias(db, net, buf, &id, err)) < 0)
			return -1;
		if (rc == 0)
			return 0;
	}
	return ally_errorf(err, EX_SOFTWARE, "no free alias");
}

/* A member's own fields: the alias, phone and e-mail. */
static int
person_field(struct row_apply *a, int j, const char **v,
    struct ally_error *err)
{
	if (*v == NULL)
		return j == P_ALIAS;	/* an alias is kept, never emptied */
	switch (j) {
	case P_ALIAS:
		if (valid_alias(*v) != 0)
			return field_error(a->r, "alias", err, "'%s' is not an "
			    "alias (a letter, then up to 15 letters, digits, - "
			    "or _)", *v);
		break;
	case P_PHONE:
		if (phone_normalize(*v, a->buf, sizeof(a->buf)) != 0)
			return field_error(a->r, "phone", err, "'%s' is not a "
			    "phone number", *v);
		*v = a->buf;
		break;
	case P_EMAIL:
		if (valid_email(*v) != 0)
			return field_error(a->r, "email", err, "'%s' is not an "
			    "e-mail address", *v);
		break;
	}
	return 0;
}

/* Every value is text checked; a new status sets status_since. */
static struct row_spec person_spec = {
	.def = &person_def,
	/* xgettext:c-format */
	.unknown = N_("unknown field (a person has: %s)"),
	.text_kinds = ~0u,
	.len_kinds = ROW_KIND(FK_TEXT) | ROW_KIND(FK_MULTILINE),
	.field = person_field,
	.extra_col = "status_since",
	.extra_set = "status_since = coalesce(?%d, status_since)",
};
static int
transition_ok(const char *from, const char *to)
{
	static const char *const ok[][2] = {
		{ "candidate", "active" }, { "candidate", "left" },
		{ "active", "paused" }, { "active", "left" },
		{ "paused", "active" }, { "paused", "left" },
		{ "left", "candidate" },
	};
	size_t i;

	if (strcmp(from, to) == 0)
		return 1;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcmp(ok[i][0], from) == 0 && strcmp(ok[i][1], to) == 0)
			return 1;
	return 0;
}

/* The rules that join fields: the lifecycle and its dates. */
static int
check_lifecycle(const struct record *r, const struct row *old,
    struct row *p, const char *todays, struct ally_error *err)
{
	const char *st = p->v[P_STATUS], *from;
	int ally = strcmp(p->v[P_ROLE], "ally") == 0;

	from = old != NULL ? old->v[P_STATUS] : NULL;
	if (from != NULL && !transition_ok(from, st))
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, "status"), "status", "%s cannot become %s "
		    "(candidate -> active -> paused or left; left -> "
		    "candidate)", from, st);
	if (ally && strcmp(st, "active") == 0 && (from == NULL ||
	    strcmp(from, "active") != 0)) {
		if (p->v[P_INTAKE] == NULL)
			return field_error(r, "status", err, "%s",
			    _("an ally becomes active only after the intake "
			    "conversation: give the intake date"));
		if (p->v[P_VETTED] == NULL)
			return field_error(r, "status", err, "%s",
			    _("an ally becomes active only after the "
			    "integrity check: give the vetted date"));
	}
	if (strcmp(st, "active") == 0 && p->v[P_JOINED] == NULL &&
	    row_set(p, P_JOINED, todays) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	if (strcmp(st, "left") == 0) {
		if (p->v[P_LEFT] == NULL && row_set(p, P_LEFT, todays) != 0)
			return ally_errorf(err, EX_OSERR, "out of memory");
	} else if (p->v[P_LEFT] != NULL) {
		if (record_get(r, "left") != NULL)
			return field_error(r, "left", err, "a leaving date, "
			    "but the status is %s", st);
		row_set(p, P_LEFT, NULL);	/* a member who returns */
	}
	if (p->v[P_JOINED] != NULL && p->v[P_LEFT] != NULL &&
	    strcmp(p->v[P_LEFT], p->v[P_JOINED]) < 0)
		return field_error(r, "left", err, "%s is before the joining "
		    "date", p->v[P_LEFT]);
	return 0;
}

/*
 * The stored member the record names by id or alias: *id, or 0 for a
 * new one.
 */
static int
person_match(sqlite3 *db, const struct network *net, const struct record *r,
    long long *id, struct ally_error *err)
{
	const char *alias;
	long long aid;
	int found;

	if (row_network(r, net, err) != 0 || row_id(r, id, err) != 0)
		return -1;
	if (*id != 0) {
		if ((found = db_exists(db, err, "SELECT 1 FROM person WHERE "
		    "network_id = ? AND id = ?", 2, net->id, *id)) < 0)
			return -1;
		if (!found)
			return field_error(r, "id", err, "no member %s in this "
			    "network", record_get(r, "id"));
	}
	if ((alias = record_get(r, "alias")) == NULL)
		return 0;
	if ((found = person_by_alias(db, net->id, alias, &aid, err)) < 0)
		return -1;
	if (found && *id != 0 && aid != *id)
		return field_error(r, "alias", err, "%s belongs to another "
		    "member than this id", alias);
	if (found)
		*id = aid;
	return 0;
}

/* The row a record starts from: the stored one, or a new member's. */
static int
person_start(struct row_apply *a, struct row *old, long long id,
    struct ally_error *err)
{
	const struct record *r = a->r;

	if (id != 0) {
		if (row_load(a->db, &person_spec, a->net->id, id, old,
		    err) != 1)
			return -1;
		a->old = old;
		return row_copy(a->row, old) == 0 ? 0 :
		    ally_errorf(err, EX_OSERR, "out of memory");
	}
	if (!record_has(r, "role") || record_get(r, "role") == NULL)
		return field_error(r, "role", err, "%s", _("a new member "
		    "needs a role: ally, police or municipality"));
	if (row_set(a->row, P_STATUS, "candidate") != 0 ||
	    row_set(a->row, P_CONSENT, "no") != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

/*
 * The day a new status began: the joining date the record gives for an
 * active member, the leaving date for one who left, else today.
 */
static const char *
status_began(const struct record *r, const struct row *p, const char *todays)
{
	if (strcmp(p->v[P_STATUS], "active") == 0 &&
	    record_get(r, "joined") != NULL)
		return p->v[P_JOINED];
	if (strcmp(p->v[P_STATUS], "left") == 0 && p->v[P_LEFT] != NULL)
		return p->v[P_LEFT];
	return todays;
}

static int
person_write(struct row_apply *a, const char *todays, const char **changed,
    long long *idp, struct ally_error *err)
{
	const struct row *old = a->old;
	struct row *p = a->row;
	char abuf[24];

	if (p->v[P_ALIAS] == NULL) {
		if (old != NULL)
			return field_error(a->r, "alias", err, "%s",
			    _("a member's alias cannot be emptied"));
		if (next_alias(a->db, a->net->id, p->v[P_ROLE], abuf,
		    sizeof(abuf), err) != 0 || row_set(p, P_ALIAS, abuf) != 0)
			return -1;
	}
	if (check_lifecycle(a->r, old, p, todays, err) != 0)
		return -1;
	return row_write(a, old == NULL || strcmp(old->v[P_STATUS],
	    p->v[P_STATUS]) != 0 ? status_began(a->r, p, todays) : NULL,
	    changed, idp, err);
}

/*
 * A member added or changed, in the audit log: the fields that changed,
 * with their new values but for those that identify (named only).
 */
static int
person_audit(const struct row_apply *a, const char *changed,
    struct ally_error *err)
{
	const struct field_def *f;
	unsigned long diff;
	char what[512];
	size_t n, i;

	if (strcmp(changed, "unchanged") == 0)
		return 0;
	diff = a->old != NULL ? row_diff(&person_spec, a->old, a->row) :
	    ~0UL;
	n = snprintf(what, sizeof(what), "%s", changed);
	for (i = 0; i < P_NFIELDS && n < sizeof(what); i++) {
		f = &person_def.fields[i];
		if (!(diff & (1UL << i)) || i == P_ID || i == P_NETWORK ||
		    i == P_ALIAS || (a->old == NULL && a->row->v[i] == NULL))
			continue;
		n += snprintf(what + n, sizeof(what) - n, (f->flags &
		    FIELD_IDENTIFYING) && f->kind != FK_BOOL ? " %s" :
		    " %s=%s", f->name, a->row->v[i] ? a->row->v[i] : "");
	}
	return db_audit_as(a->db, "member", a->row->v[P_ALIAS], "ally-add",
	    a->net->name, what, 1, err);
}

int
person_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, const char **changed, long long *idp,
    struct ally_error *err)
{
	struct row old, p;
	struct row_apply a;
	char todays[11];
	long long id;
	int rc = -1;

	row_begin(&a, &person_spec, db, net, r, &p, &old, today);
	if (row_check(&a, err) != 0 || person_match(db, net, r, &id,
	    err) != 0)
		return -1;
	date_format(today, todays);
	/* An empty status is refused there: one is always set. */
	if (person_start(&a, &old, id, err) == 0 &&
	    row_overlay(&a, err) == 0 &&
	    person_write(&a, todays, changed, idp, err) == 0 &&
	    person_audit(&a, *changed, err) == 0)
		rc = 0;
	row_free(&old);
	row_free(&p);
	return rc;
}

int
person_seen_add(struct person_seen *s, const struct record *r, long long id,
    struct ally_error *err)
{
	const char *field = record_get(r, "alias") != NULL ? "alias" : "id";
	size_t i;
	void *p;

	for (i = 0; i < s->n; i++)
		if (s->v[i].id == id)
			return ally_error_at(err, EX_DATAERR, r->file, r->line,
			    field, "member %s is given twice in the input "
			    "(first at line %lu): two records would become one "
			    "person", record_get(r, field), s->v[i].line);
	if ((p = array_grow(s->v, s->n, &s->cap, sizeof(*s->v))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	s->v = p;
	s->v[s->n].id = id;
	s->v[s->n++].line = r->line;
	return 0;
}

void
person_seen_free(struct person_seen *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* ---- erasure ---------------------------------------------------------- */

/*
 * Erasure's statements, made once from the member table's identifying
 * fields: a field added there is cleared, and counted as an identity
 * still held, with no other change.
 */
static char erase_set[1024], erase_test[1024];

static int
erase_sql(struct ally_error *err)
{
	if (erase_set[0] != '\0')
		return 0;
	if (fields_identifying(&person_def, FIELDS_ERASE_TEST, erase_test,
	    sizeof(erase_test)) == NULL || fields_identifying(&person_def,
	    FIELDS_ERASE_SET, erase_set, sizeof(erase_set)) == NULL) {
		erase_set[0] = '\0';
		return ally_errorf(err, EX_SOFTWARE, "%s: statement too "
		    "long", "person");
	}
	return 0;
}

const char *
person_identity_test(struct ally_error *err)
{
	return erase_sql(err) == 0 ? erase_test : NULL;
}

int
person_erase(sqlite3 *db, long long id, const char *erased,
    struct ally_error *err)
{
	char sql[sizeof(erase_set) + 64];
	sqlite3_stmt *st;

	if (erase_sql(err) != 0)
		return -1;
	snprintf(sql, sizeof(sql), "UPDATE person SET %s, erased = ?2 "
	    "WHERE id = ?1", erase_set);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, erased, -1, SQLITE_STATIC);
	return db_step_done(db, st, "erase", err);
}

int
person_reseal(sqlite3 *db, long long net, long *n, struct ally_error *err)
{
	return row_reseal(db, &person_spec, net, n, err);
}
