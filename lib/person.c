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
#include "fields.h"
#include "member.h"

/*
 * The column order of person_select_sql and of struct person_row: the
 * order of person_def (fields.h), whose names are person_fields.
 */
#define P_INDEX(i, n, k, v, lo, hi, len, fl, col)	P_##i,
enum {
	PERSON_FIELDS(P_INDEX, P_INDEX)
	P_NFIELDS
};

const char person_select_sql[] =
    "SELECT p.id, n.name, p.alias, p.name, p.phone, p.email, p.role, "
    "p.function, p.community, p.sector, p.age_band, p.gender, "
    "p.background, p.religion, p.status, p.intake, p.vetted, p.joined, "
    "p.left, CASE p.contact_consent WHEN 1 THEN 'yes' ELSE 'no' END, "
    "p.notes FROM person p JOIN network n ON n.id = p.network_id "
    "WHERE p.network_id = ?1 AND (?2 IS NULL OR p.status = ?2) "
    "AND (?3 IS NULL OR p.role = ?3) ORDER BY p.role <> 'ally', "
    "length(p.alias), p.alias";

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
	int i;

	if ((r = record_new()) == NULL)
		return NULL;
	for (i = 0; i < P_NFIELDS; i++) {
		if ((is_identity(i) && !(flags & PERSON_IDENTITIES)) ||
		    (is_special(i) && !(flags & PERSON_SPECIAL)))
			continue;
		if (sqlite3_column_type(st, i) == SQLITE_NULL) {
			if (record_set_null(r, person_fields[i]) != 0)
				goto fail;
		} else if (db_column_to_record(st, i, r, person_fields[i]) != 0)
			goto fail;
	}
	return r;
fail:
	record_free(r);
	return NULL;
}

/* One member's values while a record is applied: NULL is empty. */
struct person_row {
	long long	 id;
	char		*v[P_NFIELDS];
};

static void
row_free(struct person_row *p)
{
	int i;

	for (i = 0; i < P_NFIELDS; i++)
		free(p->v[i]);
	memset(p, 0, sizeof(*p));
}

static int
row_set(struct person_row *p, int i, const char *s)
{
	return str_set(&p->v[i], s);
}

static int
row_load(sqlite3 *db, long long net, long long id, struct person_row *p,
    struct ally_error *err)
{
	static const char sql[] = "SELECT * FROM (%s) WHERE id = ?4";
	sqlite3_stmt *st;
	char *q;
	int rc, i;

	if (asprintf(&q, sql, person_select_sql) < 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	rc = db_prepare(db, q, &st, err);
	free(q);
	if (rc != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_int64(st, 4, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(db, rc, err, NULL);
	}
	p->id = id;
	for (i = 0; i < P_NFIELDS; i++)
		if (row_set(p, i, (const char *)sqlite3_column_text(st, i)))
			break;
	sqlite3_finalize(st);
	return i == P_NFIELDS ? 0 : ally_errorf(err, EX_OSERR,
	    "out of memory");
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
		if (m->n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((v = reallocarray(m->v, cap, sizeof(*v))) == NULL)
				goto oom;
			m->v = v;
		}
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
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].alias);
	free(m->v);
	memset(m, 0, sizeof(*m));
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
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT count(*) FROM person WHERE network_id = ? "
	    "AND role = 'ally' AND status IN ('candidate', 'active')", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net);
	rc = sqlite3_step(st);
	*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_error(db, rc, err, NULL);
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

/*
 * Overlay the record on the row: every known field the record has,
 * checked one by one.
 */
static int
overlay(const struct record *r, struct person_row *p, day_t today,
    struct ally_error *err)
{
	char phone[32], list[512];
	const struct field_def *fd;
	const char *v;
	size_t i;
	int j, b, rc;

	for (i = 0; i < r->nfields; i++) {
		const struct field *f = &r->fields[i];

		for (j = 0; j < P_NFIELDS; j++)
			if (strcmp(f->key, person_fields[j]) == 0)
				break;
		if (j == P_NFIELDS)
			return field_error(r, f->key, err, "unknown field "
			    "(a person has: %s)", fields_join(&person_def,
			    list, sizeof(list)));
		fd = &person_def.fields[j];
		if (f->kind == VAL_LIST || f->kind == VAL_RECORDS)
			return field_error(r, f->key, err, "%s",
			    _("expected one value, not a list"));
		if (j == P_ID || j == P_NETWORK)
			continue;
		v = record_get(r, f->key);
		if (v != NULL && ((rc = valid_text(v, j == P_NOTES)) != 0))
			return field_error(r, f->key, err, "%s", rc == -2 ?
			    _("a value may not start with '=' (a spreadsheet "
			    "formula)") : _("control characters or invalid "
			    "UTF-8"));
		switch (j) {
		case P_ALIAS:
			if (v == NULL)
				continue;
			if (valid_alias(v) != 0)
				return field_error(r, f->key, err, "'%s' is "
				    "not an alias (a letter, then up to 15 "
				    "letters, digits, - or _)", v);
			break;
		case P_PHONE:
			if (v == NULL)
				break;
			if (phone_normalize(v, phone, sizeof(phone)) != 0)
				return field_error(r, f->key, err, "'%s' is "
				    "not a phone number", v);
			v = phone;
			break;
		case P_EMAIL:
			if (v != NULL && valid_email(v) != 0)
				return field_error(r, f->key, err, "'%s' is "
				    "not an e-mail address", v);
			break;
		case P_ROLE:
		case P_SECTOR:
		case P_AGE_BAND:
		case P_STATUS:
		case P_INTAKE:
		case P_VETTED:
		case P_JOINED:
		case P_LEFT:
			if (field_check(r, fd, v, today, err) != 0)
				return -1;
			break;
		case P_CONSENT:
			if (v == NULL)
				v = "no";
			if (parse_bool(v, &b) != 0)
				return field_error(r, f->key, err, "'%s': "
				    "expected yes or no", v);
			v = b ? "yes" : "no";
			break;
		default:
			if (v != NULL && strlen(v) > fd->maxlen)
				return field_error(r, f->key, err, "%s",
				    _("too long"));
			break;
		}
		if (row_set(p, j, v) != 0)
			return ally_errorf(err, EX_OSERR, "out of memory");
	}
	return 0;
}

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
check_lifecycle(const struct record *r, const struct person_row *old,
    struct person_row *p, const char *todays, struct ally_error *err)
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

static int
row_store(sqlite3 *db, long long net, struct person_row *p, int insert,
    int status_changed, const char *today, struct ally_error *err)
{
	static const char ins[] = "INSERT INTO person (alias, name, phone, "
	    "email, role, function, community, sector, age_band, gender, "
	    "background, religion, status, intake, vetted, joined, left, "
	    "contact_consent, notes, status_since, network_id) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
	    "?16, ?17, ?18, ?19, ?20, ?21)";
	static const char upd[] = "UPDATE person SET alias = ?1, name = ?2, "
	    "phone = ?3, email = ?4, role = ?5, function = ?6, community = ?7,"
	    " sector = ?8, age_band = ?9, gender = ?10, background = ?11, "
	    "religion = ?12, status = ?13, intake = ?14, vetted = ?15, "
	    "joined = ?16, left = ?17, contact_consent = ?18, notes = ?19, "
	    "status_since = coalesce(?20, status_since) "
	    "WHERE network_id = ?21 AND id = ?22";
	sqlite3_stmt *st;
	int i, rc;

	if (db_prepare(db, insert ? ins : upd, &st, err) != 0)
		return -1;
	for (i = P_ALIAS; i < P_NFIELDS; i++) {
		if (i == P_CONSENT)
			sqlite3_bind_int(st, i - 1, p->v[i] != NULL &&
			    strcmp(p->v[i], "yes") == 0);
		else
			db_bind_text(st, i - 1, p->v[i]);
	}
	db_bind_text(st, 20, status_changed ? today : NULL);
	sqlite3_bind_int64(st, 21, net);
	if (!insert)
		sqlite3_bind_int64(st, 22, p->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, "person");
	if (insert)
		p->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int
person_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, const char **changed, long long *idp,
    struct ally_error *err)
{
	struct person_row old, p;
	const char *v, *alias;
	char todays[11], abuf[24];
	long long id = 0, aid;
	int found, have_old = 0, rc = -1, i, same;

	memset(&old, 0, sizeof(old));
	memset(&p, 0, sizeof(p));
	date_format(today, todays);
	if ((v = record_get(r, "network")) != NULL &&
	    strcmp(v, net->name) != 0)
		return field_error(r, "network", err, "'%s' is not this "
		    "network (choose it with -n)", v);
	if ((v = record_get(r, "id")) != NULL) {
		if (parse_int(v, 1, INT64_MAX, &id) != 0)
			return field_error(r, "id", err, "'%s' is not an id",
			    v);
		if ((found = db_exists(db, err, "SELECT 1 FROM person WHERE "
		    "network_id = ? AND id = ?", 2, net->id, id)) < 0)
			return -1;
		if (!found)
			return field_error(r, "id", err, "no member %s in this "
			    "network", v);
	}
	if ((alias = record_get(r, "alias")) != NULL) {
		if ((i = person_by_alias(db, net->id, alias, &aid, err)) < 0)
			return -1;
		if (i == 1 && id != 0 && aid != id)
			return field_error(r, "alias", err, "%s belongs to "
			    "another member than this id", alias);
		if (i == 1)
			id = aid;
	}
	if (id != 0) {
		if (row_load(db, net->id, id, &old, err) != 0)
			goto out;
		have_old = 1;
		for (i = 0; i < P_NFIELDS; i++)
			if (row_set(&p, i, old.v[i]) != 0)
				goto oom;
		p.id = id;
	} else {
		if (!record_has(r, "role") || record_get(r, "role") == NULL) {
			rc = field_error(r, "role", err, "%s", _("a new member "
			    "needs a role: ally, police or municipality"));
			goto out;
		}
		if (row_set(&p, P_STATUS, "candidate") != 0 ||
		    row_set(&p, P_CONSENT, "no") != 0)
			goto oom;
	}
	/* An empty status is refused there: one is always set. */
	if (overlay(r, &p, today, err) != 0)
		goto out;
	if (p.v[P_ALIAS] == NULL) {
		if (have_old) {
			rc = field_error(r, "alias", err, "%s", _("a member's "
			    "alias cannot be emptied"));
			goto out;
		}
		if (next_alias(db, net->id, p.v[P_ROLE], abuf, sizeof(abuf),
		    err) != 0 || row_set(&p, P_ALIAS, abuf) != 0)
			goto out;
	}
	if (check_lifecycle(r, have_old ? &old : NULL, &p, todays, err) != 0)
		goto out;
	same = have_old;
	for (i = P_ALIAS; i < P_NFIELDS && same; i++)
		if ((p.v[i] == NULL) != (old.v[i] == NULL) ||
		    (p.v[i] != NULL && strcmp(p.v[i], old.v[i]) != 0))
			same = 0;
	if (same) {
		*changed = "unchanged";
	} else {
		if (row_store(db, net->id, &p, !have_old, !have_old ||
		    strcmp(old.v[P_STATUS], p.v[P_STATUS]) != 0, todays,
		    err) != 0)
			goto out;
		*changed = have_old ? "updated" : "added";
	}
	*idp = p.id;
	rc = 0;
	goto out;
oom:
	rc = ally_errorf(err, EX_OSERR, "out of memory");
out:
	row_free(&old);
	row_free(&p);
	return rc;
}
