/*
 * reply.c: who comes to dinner.
 *
 * Each meeting starts with a shared meal, the heart of the method.
 * Before it the members reply: yes or no, how many come along with them
 * (a guest they bring), and a diet.  A later reply of a member to the
 * same meeting replaces the earlier one.  The agenda counts the heads
 * and the diets; the caterer sees the count and the diets and nothing
 * else.  A diet can tell a religion: it is never shown next to an alias,
 * only counted, and it goes with the member's identity (erasure clears
 * it, encryption seals it).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "crypto.h"
#include "dbquery.h"
#include "fields.h"
#include "meeting.h"
#include "names.h"
#include "reply.h"
#include "row.h"

enum { R_NETWORK, R_MEETING, R_ALIAS, R_ANSWER, R_ALONG, R_DIET };

#define ALONG_MAX	20

const char *const reply_listed[] = { "network", "meeting", "alias",
    "answer", "along", NULL };

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* along: how many come with the member, 0 to 20. */
static int
check_along(struct row_apply *a, const char **v, struct ally_error *err)
{
	long long n;

	if (*v == NULL) {
		*v = "0";
		return 0;
	}
	if (parse_int(*v, INT64_MIN, INT64_MAX, &n) == 0 && n < 0)
		return field_error(a->r, "along", err, "%s is below zero: "
		    "along is how many people come with the member (0 to 20)",
		    *v);
	if (parse_int(*v, 0, ALONG_MAX, &n) != 0)
		return field_error(a->r, "along", err, "'%s' is not a number "
		    "of people from 0 to 20", *v);
	return 0;
}

/*
 * The diet, new or changed, through the member-name check; refused in
 * words that never ask for the alias, which would pair it with the diet.
 */
static int
check_diet(struct row_apply *a, const char *v, struct ally_error *err)
{
	if (v == NULL || (a->old != NULL && a->old->v[R_DIET] != NULL &&
	    strcmp(a->old->v[R_DIET], v) == 0))
		return 0;
	if (names_check(a->db, a->net, a->r, "diet", err) == 0)
		return 0;
	if (err->code != EX_DATAERR)
		return -1;
	return field_error(a->r, "diet", err, "%s", _("names a member; a diet "
	    "says what is eaten, never who eats it"));
}

static int
reply_field(struct row_apply *a, int j, const char **v,
    struct ally_error *err)
{
	switch (j) {
	case R_MEETING:
	case R_ALIAS:
		return 1;	/* resolved before: find_key */
	case R_ALONG:
		return check_along(a, v, err) != 0 ? -1 : 0;
	case R_DIET:
		return check_diet(a, *v, err) != 0 ? -1 : 0;
	}
	return 0;
}

static const char *const reply_empty[ROW_MAX] = {
	[R_ALIAS] = N_("empty; a reply needs the alias of the member"),
	[R_ANSWER] = N_("empty; yes (comes) or no (excused)"),
};

static struct row_spec reply_spec = {
	.def = &reply_def,
	/* xgettext:c-format */
	ROW_SPEC_LINES(
	    N_("unknown field (a reply has: %s)"), reply_field, reply_empty)
};

/* The meeting: given, or the next planned one. */
static int
find_meeting(struct row_apply *a, struct meeting *m, struct ally_error *err)
{
	const char *v = record_get(a->r, "meeting");
	long long id;
	int rc;

	if (v != NULL && parse_int(v, 1, INT64_MAX, &id) != 0)
		return field_error(a->r, "meeting", err, "'%s' is not a "
		    "meeting id", v);
	if (v == NULL && meeting_next_planned(a->db, a->net, a->today, &id,
	    err) != 0)
		return -1;
	if (v == NULL && id == 0)
		return field_error(a->r, "meeting", err, "%s", _("empty, and "
		    "no meeting is planned: give the meeting's id"));
	if ((rc = meeting_get(a->db, a->net, id, m, err)) < 0)
		return -1;
	if (rc == 0)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "meeting"), "meeting", "no meeting %lld "
		    "in network %s", id, a->net->name);
	snprintf(a->buf, sizeof(a->buf), "%lld", id);
	return row_set(a->row, R_MEETING, a->buf) == 0 ? 0 : oom(err);
}

/* The member: of the network, not left. */
static int
find_member(struct row_apply *a, struct ally_error *err)
{
	const char *v = record_get(a->r, "alias");
	char role[ROW_WORD], status[ROW_WORD];
	long long id;
	int rc;

	if (v == NULL)
		return field_error(a->r, "alias", err, "%s",
		    _(reply_empty[R_ALIAS]));
	if (valid_alias(v) != 0)
		return field_error(a->r, "alias", err, "'%s' is not an alias",
		    v);
	if ((rc = row_find(a->db, ROW_MEMBER_SQL, a->net->id, v, &id, role,
	    status, err)) <= 0)
		return rc < 0 ? -1 : ally_error_at(err, EX_DATAERR,
		    a->r->file, record_line(a->r, "alias"), "alias",
		    "no member %s in network %s", v, a->net->name);
	if (strcmp(status, "left") == 0)
		return field_error(a->r, "alias", err, "%s has left the "
		    "network", v);
	a->row->ref[R_ALIAS] = id;
	return row_set(a->row, R_ALIAS, v) == 0 ? 0 : oom(err);
}

/* The member's stored reply to the meeting, loaded into old: 1, 0 none. */
static int
find_stored(struct row_apply *a, struct row *old, struct ally_error *err)
{
	sqlite3_stmt *st;
	long long id = 0;
	int rc;

	if (db_prepare_cached(a->db, "SELECT id FROM reply WHERE "
	    "meeting_id = ? AND person_id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, strtoll(a->row->v[R_MEETING], NULL, 10));
	sqlite3_bind_int64(st, 2, a->row->ref[R_ALIAS]);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	db_release(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(a->db, rc, err, "reply");
	if (id == 0)
		return row_set(a->row, R_ALONG, "0") == 0 ? 0 : oom(err);
	if ((rc = row_load(a->db, &reply_spec, a->net->id, id, old, err)) <= 0)
		return rc < 0 ? -1 : db_error(a->db, SQLITE_CORRUPT, err,
		    "reply");
	a->old = old;
	a->row->id = id;
	return row_copy(a->row, old) == 0 ? 1 : oom(err);
}

/*
 * A reply is for a meeting still to come; one stored before for a
 * meeting held since may be fed back unchanged.
 */
static int
check_meeting(struct row_apply *a, const struct meeting *m,
    struct ally_error *err)
{
	char d[11];

	if (a->old != NULL && row_diff(&reply_spec, a->old, a->row) == 0)
		return 0;
	date_format(m->date, d);
	if (strcmp(m->status, "planned") != 0)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "meeting"), "meeting", "meeting %lld of "
		    "%s is %s: a reply is for a planned meeting", m->id, d,
		    m->status);
	if (m->date < a->today)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "meeting"), "meeting", "meeting %lld of "
		    "%s has passed: a reply is for a meeting still to come",
		    m->id, d);
	return 0;
}

int
reply_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, const char **changed, long long *idp,
    struct ally_error *err)
{
	struct row_apply a;
	struct row old, row;
	struct meeting m;
	int rc = -1;

	row_begin(&a, &reply_spec, db, net, r, &row, &old, today);
	if (row_network(r, net, err) != 0 || row_check(&a, err) != 0 ||
	    find_meeting(&a, &m, err) != 0 || find_member(&a, err) != 0 ||
	    find_stored(&a, &old, err) < 0 || row_overlay(&a, err) != 0)
		;
	else if (row.v[R_ANSWER] == NULL)
		field_error(r, "answer", err, "%s", _(reply_empty[R_ANSWER]));
	else
		rc = check_meeting(&a, &m, err);
	return row_end(&a, rc, changed, idp, err);
}

int
reply_query(sqlite3 *db, const struct network *net, sqlite3_stmt **st,
    struct ally_error *err)
{
	if (db_prepare(db, "SELECT n.name, r.meeting_id, p.alias, r.answer, "
	    "r.along FROM reply r JOIN network n ON n.id = r.network_id "
	    "JOIN person p ON p.id = r.person_id JOIN meeting m ON "
	    "m.id = r.meeting_id WHERE r.network_id = ?1 ORDER BY m.date, "
	    "m.id, length(p.alias), p.alias", st, err) != 0)
		return -1;
	sqlite3_bind_int64(*st, 1, net->id);
	return 0;
}

struct record *
reply_record(sqlite3_stmt *st)
{
	return db_row_record(st, reply_listed);
}

/* ---- the agenda: the heads and the diets ------------------------------- */

struct diet_count {
	char	note[101];
	long	count;
};

struct diets {
	struct diet_count	*v;
	size_t			 n;
};

/* One note of a diet, folded (blanks trimmed, lower case), counted. */
static int
count_note(struct diets *d, const char *s, size_t len)
{
	struct diet_count *v;
	char note[101];
	size_t i, k = 0;

	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	for (i = 0; i < len && k < sizeof(note) - 1; i++)
		note[k++] = (char)tolower((unsigned char)s[i]);
	note[k] = '\0';
	if (k == 0 || strcmp(note, "-") == 0 || strcmp(note, "none") == 0)
		return 0;
	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].note, note) == 0) {
			d->v[i].count++;
			return 0;
		}
	if ((v = reallocarray(d->v, d->n + 1, sizeof(*v))) == NULL)
		return -1;
	d->v = v;
	snprintf(v[d->n].note, sizeof(v[d->n].note), "%s", note);
	v[d->n++].count = 1;
	return 0;
}

/* A diet of several notes: "vegetarian, no nuts" counts each. */
static int
diet_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	const char *s = (const char *)sqlite3_column_text(st, 0);
	size_t n;

	while (s != NULL && *s != '\0') {
		n = strcspn(s, ",;");
		if (count_note(arg, s, n) != 0)
			return oom(err);
		s += n;
		s += *s != '\0';
	}
	return 0;
}

static int
most_first(const void *a, const void *b)
{
	const struct diet_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->note, y->note);
}

static int
agenda_diets(sqlite3 *db, long long meeting, struct record *r,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	struct diets d = { NULL, 0 };
	struct record *k;
	size_t i;
	int rc = -1;

	if (db_prepare(db, "SELECT " CRYPTO_PLAIN("r", "reply", "diet")
	    " FROM reply r WHERE r.meeting_id = ? AND r.answer = 'yes' AND "
	    "r.diet IS NOT NULL", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, meeting);
	if (db_each_row(db, st, "reply", diet_row, &d, err) != 0)
		goto out;
	if (d.n > 1)
		qsort(d.v, d.n, sizeof(*d.v), most_first);
	for (i = 0; i < d.n; i++)
		if ((k = record_new()) == NULL ||
		    record_set(k, "diet", d.v[i].note) != 0 ||
		    record_set_int(k, "count", d.v[i].count) != 0 ||
		    record_add_record(r, "diets", k) != 0) {
			oom(err);
			goto out;
		}
	rc = 0;
out:
	free(d.v);
	return rc;
}

static int
excused_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	return record_add_item(arg, "excused",
	    (const char *)sqlite3_column_text(st, 0)) == 0 ? 0 : oom(err);
}

int
reply_agenda(sqlite3 *db, const struct network *net, long long meeting,
    struct record *r, struct ally_error *err)
{
	static const char *const counts[] = { "coming", "along", "headcount",
	    "declined", "unanswered", NULL };
	sqlite3_stmt *st;
	int rc;

	if (meeting == 0)
		return 0;
	if (db_prepare(db, "SELECT coalesce(sum(answer = 'yes'), 0), "
	    "coalesce(sum(CASE answer WHEN 'yes' THEN along END), 0), "
	    "coalesce(sum(CASE answer WHEN 'yes' THEN 1 + along END), 0), "
	    "coalesce(sum(answer = 'no'), 0), (SELECT count(*) FROM person p "
	    "WHERE p.network_id = ?1 AND p.status = 'active' AND NOT EXISTS "
	    "(SELECT 1 FROM reply x WHERE x.meeting_id = ?2 AND "
	    "x.person_id = p.id)) FROM reply WHERE meeting_id = ?2", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	sqlite3_bind_int64(st, 2, meeting);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    db_columns_to_record(st, counts, r) != 0)
		rc = SQLITE_NOMEM;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(db, rc, err, "reply");
	if (db_prepare(db, "SELECT p.alias FROM reply r JOIN person p ON "
	    "p.id = r.person_id WHERE r.meeting_id = ? AND r.answer = 'no' "
	    "ORDER BY length(p.alias), p.alias", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, meeting);
	if (db_each_row(db, st, "reply", excused_row, r, err) != 0)
		return -1;
	return agenda_diets(db, meeting, r, err);
}

const char *
reply_diets_line(const struct record *a, char *buf, size_t len)
{
	const struct field *f = record_field(a, "diets");
	size_t i, k = 0;

	if (f == NULL || f->kind != VAL_RECORDS || f->nrecs == 0)
		return NULL;
	buf[0] = '\0';
	for (i = 0; i < f->nrecs && k < len; i++)
		k += snprintf(buf + k, len - k, "%s%s %s", i > 0 ? ", " : "",
		    record_get(f->recs[i], "diet"),
		    record_get(f->recs[i], "count"));
	return buf;
}

int
reply_erase(sqlite3 *db, long long person, struct ally_error *err)
{
	return row_erase(db, &reply_def, "person_id", person, err);
}

int
reply_reseal(sqlite3 *db, long long net, long *n, struct ally_error *err)
{
	return row_reseal(db, &reply_spec, net, n, err);
}
