/*
 * topic.c: the agenda the members make.
 *
 * The agenda rotates on an equal footing: an ally, or a member of the
 * police or the municipality, proposes a topic for the next meeting or
 * for later.  The agenda lists the topics with who proposed them; a
 * topic carries over from meeting to meeting until the minutes of one
 * mark it discussed (their list "topics").  A topic is one line about a
 * development, never a member's name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "dbquery.h"
#include "fields.h"
#include "meeting.h"
#include "names.h"
#include "row.h"
#include "topic.h"

enum { T_ID, T_NETWORK, T_PROPOSED_BY, T_TOPIC, T_FOR, T_STATUS };

/* Text is checked only when it is new or changed. */
static int
unchanged(const struct row_apply *a, int j, const char *v)
{
	return a->old != NULL && a->old->v[j] != NULL && v != NULL &&
	    strcmp(a->old->v[j], v) == 0;
}

static int
overlay_proposer(struct row_apply *a, const char *v, struct ally_error *err)
{
	char role[ROW_WORD], status[ROW_WORD];
	long long id;
	int rc;

	if (valid_alias(v) != 0)
		return field_error(a->r, "proposed_by", err, "'%s' is not an "
		    "alias", v);
	if ((rc = row_find(a->db, ROW_MEMBER_SQL, a->net->id, v, &id, role,
	    status, err)) <= 0)
		return rc < 0 ? -1 : ally_error_at(err, EX_DATAERR,
		    a->r->file, record_line(a->r, "proposed_by"),
		    "proposed_by", "no member %s in network %s", v,
		    a->net->name);
	if (strcmp(status, "left") == 0 && !unchanged(a, T_PROPOSED_BY, v))
		return field_error(a->r, "proposed_by", err, "%s has left the "
		    "network", v);
	a->row->ref[T_PROPOSED_BY] = id;
	return row_set(a->row, T_PROPOSED_BY, v) == 0 ? 1 :
	    ally_errorf(err, EX_OSERR, "out of memory");
}

/* for: later (stored empty), or a meeting of the network still planned. */
static int
overlay_for(struct row_apply *a, const char *v, struct ally_error *err)
{
	sqlite3_stmt *st;
	long long id;
	char status[16] = "", date[11] = "";
	int rc;

	if (v == NULL || strcmp(v, "later") == 0)
		return row_set(a->row, T_FOR, NULL) == 0 ? 1 :
		    ally_errorf(err, EX_OSERR, "out of memory");
	if (parse_int(v, 1, INT64_MAX, &id) != 0)
		return field_error(a->r, "for", err, "'%s' is neither a "
		    "meeting id nor later", v);
	if (db_prepare_cached(a->db, "SELECT status, date FROM meeting WHERE "
	    "network_id = ? AND id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, a->net->id);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(status, sizeof(status), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		snprintf(date, sizeof(date), "%s",
		    (const char *)sqlite3_column_text(st, 1));
	}
	db_release(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(a->db, rc, err, "meeting");
	if (rc == SQLITE_DONE)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "for"), "for", "no meeting %s in network "
		    "%s", v, a->net->name);
	/* A topic carried over keeps the meeting it was proposed for; the
	 * status in words of their own, so that Dutch says it too. */
	if (strcmp(status, "planned") == 0 || unchanged(a, T_FOR, v))
		return row_set(a->row, T_FOR, v) == 0 ? 1 :
		    ally_errorf(err, EX_OSERR, "out of memory");
	if (strcmp(status, "held") == 0)
		return ally_error_at(err, EX_DATAERR, a->r->file,
		    record_line(a->r, "for"), "for", "meeting %s of %s is "
		    "held: propose the topic for a planned meeting or for "
		    "later", v, date);
	return ally_error_at(err, EX_DATAERR, a->r->file,
	    record_line(a->r, "for"), "for", "meeting %s of %s is cancelled: "
	    "propose the topic for a planned meeting or for later", v, date);
}

static int
topic_field(struct row_apply *a, int j, const char **v,
    struct ally_error *err)
{
	switch (j) {
	case T_PROPOSED_BY:
		return *v == NULL ? 0 : overlay_proposer(a, *v, err);
	case T_TOPIC:
		return *v == NULL || unchanged(a, j, *v) ? 0 :
		    names_check(a->db, a->net, a->r, "topic", err);
	case T_FOR:
		return overlay_for(a, *v, err);
	}
	return 0;
}

static const char *const topic_empty[ROW_MAX] = {
	[T_PROPOSED_BY] = N_("empty; a topic needs the alias of who "
	    "proposed it"),
	[T_TOPIC] = N_("empty; what is the topic?"),
};

static struct row_spec topic_spec = {
	.def = &topic_def,
	/* xgettext:c-format */
	ROW_SPEC_LINES(
	    N_("unknown field (a topic has: %s)"), topic_field, topic_empty)
};

/* A new topic: what it needs; for the next planned meeting by default. */
static int
topic_new(struct row_apply *a, struct ally_error *err)
{
	long long next;
	int i;

	for (i = T_PROPOSED_BY; i <= T_TOPIC; i++)
		if (a->row->v[i] == NULL)
			return field_error(a->r, topic_def.fields[i].name, err,
			    "%s", _(topic_empty[i]));
	if (record_has(a->r, "for"))
		return 0;
	if (meeting_next_planned(a->db, a->net, a->today, &next, err) != 0)
		return -1;
	if (next == 0)
		return 0;
	snprintf(a->buf, sizeof(a->buf), "%lld", next);
	return row_set(a->row, T_FOR, a->buf) == 0 ? 0 :
	    ally_errorf(err, EX_OSERR, "out of memory");
}

int
topic_apply(sqlite3 *db, const struct network *net, const struct record *r,
    day_t today, const char **changed, long long *idp,
    struct ally_error *err)
{
	struct row_apply a;
	struct row old, row;
	int rc = -1, found;

	row_begin(&a, &topic_spec, db, net, r, &row, &old, today);
	if ((found = row_load_given(&a, &old, _("topic"), err)) < 0)
		;
	else if (!found && row_set(&row, T_STATUS, "proposed") != 0)
		ally_errorf(err, EX_OSERR, "out of memory");
	else if (row_overlay(&a, err) == 0 && (found || topic_new(&a,
	    err) == 0))
		rc = 0;
	return row_end(&a, rc, changed, idp, err);
}

int
topic_query(sqlite3 *db, const struct network *net, sqlite3_stmt **st,
    struct ally_error *err)
{
	static char sql[ROW_SELECT_MAX];

	return row_query(db, &topic_def, "WHERE t.network_id = ?1 "
	    "ORDER BY t.id", sql, sizeof(sql), net->id, st, err);
}

/* A topic as a record; for later is the word, not an empty field. */
struct record *
topic_record(sqlite3_stmt *st)
{
	struct record *r = db_row_record(st, topic_fields);

	if (r != NULL && record_get(r, "for") == NULL &&
	    record_set(r, "for", "later") != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

/* The topic ids of the list field of r, one by one: fn on each. */
static int
each_id(const struct record *r, const char *field,
    int (*fn)(sqlite3 *, const struct network *, const struct record *,
    const char *, long long, long long, struct ally_error *),
    sqlite3 *db, const struct network *net, long long meeting,
    struct ally_error *err)
{
	const char **items;
	char *buf;
	long long id;
	size_t n, i;
	int rc = 0;

	n = record_list(r, field, &items, &buf);
	for (i = 0; i < n && rc == 0; i++) {
		if (parse_int(items[i], 1, INT64_MAX, &id) != 0)
			rc = ally_error_at(err, EX_DATAERR, r->file,
			    record_line(r, field), field, "'%s' is not a topic "
			    "id", items[i]);
		else
			rc = fn(db, net, r, field, id, meeting, err);
	}
	free(items);
	free(buf);
	return rc;
}

static int
check_one(sqlite3 *db, const struct network *net, const struct record *r,
    const char *field, long long id, long long meeting,
    struct ally_error *err)
{
	int rc;

	rc = db_exists(db, err, "SELECT 1 FROM topic WHERE network_id = ? AND "
	    "id = ? AND (status = 'proposed' OR (status = 'discussed' AND "
	    "meeting_id = ?))", 3, net->id, id, meeting);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = db_exists(db, err, "SELECT 1 FROM topic WHERE network_id = ? AND "
	    "id = ?", 2, net->id, id);
	if (rc < 0)
		return -1;
	if (rc)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, field), field, "topic %lld was discussed "
		    "or dropped before", id);
	return ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
	    field, "no topic %lld in network %s", id, net->name);
}

static int
mark_one(sqlite3 *db, const struct network *net, const struct record *r,
    const char *field, long long id, long long meeting,
    struct ally_error *err)
{
	sqlite3_stmt *st;

	(void)r;
	(void)field;
	if (db_prepare_cached(db, "UPDATE topic SET status = 'discussed', "
	    "meeting_id = ? WHERE network_id = ? AND id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, meeting);
	sqlite3_bind_int64(st, 2, net->id);
	sqlite3_bind_int64(st, 3, id);
	return db_step_done(db, st, "topic", err);
}

int
topic_check_discussed(sqlite3 *db, const struct network *net,
    const struct record *r, const char *field, long long meeting,
    struct ally_error *err)
{
	return each_id(r, field, check_one, db, net, meeting, err);
}

int
topic_mark_discussed(sqlite3 *db, const struct network *net,
    const struct record *r, const char *field, long long meeting,
    struct ally_error *err)
{
	return each_id(r, field, mark_one, db, net, meeting, err);
}

static int
agenda_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	static const char *const keys[] = { "id", "topic", "proposed_by",
	    "for", "carried", NULL };
	struct record *r = arg, *t;

	/* record_add_record frees the record it cannot take. */
	if ((t = db_row_record(st, keys)) == NULL ||
	    record_add_record(r, "topics", t) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

int
topic_agenda(sqlite3 *db, const struct network *net, long long meeting,
    struct record *r, struct ally_error *err)
{
	/* For this meeting, or carried over from one held (or cancelled). */
	static const char sql[] = "SELECT t.id, t.topic, p.alias, "
	    "t.meeting_id, CASE WHEN t.meeting_id = ?2 THEN 'no' ELSE 'yes' "
	    "END FROM topic t JOIN person p ON p.id = t.proposed_by_id "
	    "JOIN meeting m ON m.id = t.meeting_id WHERE t.network_id = ?1 "
	    "AND t.status = 'proposed' AND (t.meeting_id = ?2 OR m.status "
	    "<> 'planned') ORDER BY t.meeting_id = ?2, t.id";
	sqlite3_stmt *st;
	long long later;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	sqlite3_bind_int64(st, 2, meeting);
	if (db_each_row(db, st, "topic", agenda_row, r, err) != 0)
		return -1;
	if (db_prepare(db, "SELECT count(*) FROM topic WHERE network_id = ? "
	    "AND status = 'proposed' AND meeting_id IS NULL", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	later = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) :
	    0;
	sqlite3_finalize(st);
	if (later > 0 && record_set_int(r, "topics_later", later) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}
