/*
 * privacy.c: what protects the identities of the allies: the one
 * explicit path that discloses them (the quick-contact list), the audit
 * log of every disclosure and erasure, erasure itself, the retention
 * rule and backups.  (The check of the database files' modes is db.c's:
 * it belongs with the file.)
 *
 * Erasure clears a member's identity and everything that could point
 * to the person, and keeps what the history needs: the alias, the role,
 * the status and the dates, so that attendance, actions and signals stay
 * consistent.  secure_delete (set by db_open) zeroes the old row, and a
 * truncating checkpoint removes the old pages from the write-ahead log.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "crypto.h"
#include "array.h"
#include "dbquery.h"
#include "fields.h"
#include "member.h"
#include "review.h"
#include "contactlog.h"
#include "reply.h"

const char *const privacy_contact_fields[] = { "alias", "name", "role",
    "function", "phone", NULL };
const char *const privacy_call_fields[] = { "alias", "name", "role",
    "function", "phone", "share", NULL };
const char *const privacy_left_out_fields[] = { "alias", "role", "reason",
    NULL };

void
privacy_records_free(struct record **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		record_free(v[i]);
	free(v);
}

static int
push_record(struct record ***v, size_t *n, size_t *cap, struct record *r,
    struct ally_error *err)
{
	struct record **nv;

	if ((nv = array_grow(*v, *n, cap, sizeof(*nv))) == NULL) {
		record_free(r);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	*v = nv;
	(*v)[(*n)++] = r;
	return 0;
}

void
privacy_contacts_free(struct contacts *c)
{
	privacy_records_free(c->v, c->n);
	privacy_records_free(c->left, c->nleft);
	memset(c, 0, sizeof(*c));
}

/* A word found in text, ignoring the case of ASCII letters. */
static int
has_word(const char *text, const char *word)
{
	size_t n = strlen(word), i;

	if (text == NULL)
		return 0;
	for (; *text != '\0'; text++) {
		for (i = 0; i < n && text[i] != '\0' &&
		    tolower((unsigned char)text[i]) ==
		    tolower((unsigned char)word[i]); i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/*
 * Why a member is left out of the list, or NULL: outside the selection,
 * paused, or (on the group's list) an ally who did not consent.
 */
static const char *
left_out_reason(sqlite3_stmt *st, const struct contact_select *sel)
{
	const char *role = (const char *)sqlite3_column_text(st, 2);
	const char *sector = (const char *)sqlite3_column_text(st, 9);

	if ((sel->role != NULL && strcmp(sel->role, role) != 0) ||
	    (sel->sector != NULL && (sector == NULL ||
	    strcmp(sel->sector, sector) != 0)) ||
	    (sel->community != NULL && !has_word((const char *)
	    sqlite3_column_text(st, 10), sel->community)))
		return "not-selected";
	if (strcmp((const char *)sqlite3_column_text(st, 7), "paused") == 0)
		return "paused";
	if (sel->group && strcmp(role, "ally") == 0 &&
	    sqlite3_column_int(st, 8) == 0)
		return "no-consent";
	return NULL;
}

static int
contact_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	static const char *const keys[] = { "alias", "name", "role",
	    "function", "phone", "email", "network", NULL };
	static const char *const left_keys[] = { "alias", "name", "role",
	    NULL };
	struct contacts *c = arg;
	const char *why;
	struct record *r;
	int share;

	if ((why = left_out_reason(st, c->sel)) != NULL) {
		if ((r = db_row_record(st, left_keys)) == NULL ||
		    record_set(r, "reason", why) != 0) {
			record_free(r);
			return ally_errorf(err, EX_OSERR, "out of memory");
		}
		record_remove(r, "name");
		return push_record(&c->left, &c->nleft, &c->capleft, r, err);
	}
	share = strcmp((const char *)sqlite3_column_text(st, 2), "ally") != 0 ||
	    sqlite3_column_int(st, 8) != 0;
	if ((r = db_row_record(st, keys)) == NULL ||
	    record_set(r, "share", share ? "yes" : "no") != 0) {
		record_free(r);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	return push_record(&c->v, &c->n, &c->cap, r, err);
}

int
privacy_contacts(sqlite3 *db, const struct network *net,
    struct contacts *c, struct ally_error *err)
{
	static const char sql[] = "SELECT p.alias, "
	    CRYPTO_PLAIN("p", "person", "name") ", p.role, "
	    CRYPTO_PLAIN("p", "person", "function") ", "
	    CRYPTO_PLAIN("p", "person", "phone") ", "
	    CRYPTO_PLAIN("p", "person", "email") ", n.name, p.status, "
	    "p.contact_consent, "
	    CRYPTO_PLAIN("p", "person", "sector") ", "
	    CRYPTO_PLAIN("p", "person", "community") " FROM person p "
	    "JOIN network n ON n.id = p.network_id "
	    "WHERE p.network_id = ? AND p.status IN ('active', 'paused') "
	    "ORDER BY CASE p.role WHEN 'ally' THEN 0 WHEN 'police' THEN 1 "
	    "ELSE 2 END, length(p.alias), p.alias";
	const struct contact_select *sel = c->sel;
	sqlite3_stmt *st;

	memset(c, 0, sizeof(*c));
	c->sel = sel;
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	if (db_each_row(db, st, NULL, contact_row, c, err) != 0) {
		privacy_contacts_free(c);
		c->sel = sel;
		return -1;
	}
	return 0;
}

const char *const privacy_audit_kinds[] = { "member", "minutes",
    "disclosure", "erasure", "key", "backup", "names", "action", "review",
    "signal", "other", NULL };

/* The function to call with each audit entry, and its argument. */
struct audit_walk {
	int	(*fn)(const struct record *, void *, struct ally_error *);
	void	 *arg;
};

static int
audit_row(sqlite3_stmt *st, void *arg, struct ally_error *err)
{
	struct audit_walk *w = arg;
	struct record *r;
	int rc;

	if ((r = db_row_record(st, privacy_audit_fields)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	rc = w->fn(r, w->arg, err);
	record_free(r);
	return rc;
}

int
privacy_audit_each(sqlite3 *db, const struct audit_filter *f,
    int (*fn)(const struct record *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	static const char sql[] = "SELECT id, at, user, command, network, "
	    "what, count, kind, member FROM audit WHERE (?1 IS NULL OR "
	    "network = ?1) AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR "
	    "member = ?3) AND (?4 IS NULL OR substr(at, 1, 10) >= ?4) AND "
	    "(?5 IS NULL OR substr(at, 1, 10) <= ?5) ORDER BY id";
	struct audit_walk w = { fn, arg };
	sqlite3_stmt *st;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	if (f != NULL) {
		db_bind_text(st, 1, f->network);
		db_bind_text(st, 2, f->kind);
		db_bind_text(st, 3, f->member);
		db_bind_text(st, 4, f->since);
		db_bind_text(st, 5, f->until);
	}
	return db_each_row(db, st, NULL, audit_row, &w, err);
}

/* What erasure leaves of a member, as a record for the command's output. */
static struct record *
erased_record(sqlite3 *db, long long id, const char *change,
    struct ally_error *err)
{
	static const char *const keys[] = { "id", "alias", "role", "status",
	    "left", "erased", NULL };
	sqlite3_stmt *st;
	struct record *r = NULL;
	int rc;

	if (db_prepare(db, "SELECT id, alias, role, status, left, erased "
	    "FROM person WHERE id = ?", &st, err) != 0)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		db_error(db, rc, err, NULL);
	else if ((r = db_row_record(st, keys)) == NULL ||
	    record_set(r, "change", change) != 0) {
		record_free(r);
		r = NULL;
		ally_errorf(err, EX_OSERR, "out of memory");
	}
	sqlite3_finalize(st);
	return r;
}

/*
 * A statement with the condition that a member still has something
 * erasure clears (person.c's, from the member table) in place of %s.
 */
static int
prepare_identity(sqlite3 *db, const char *fmt, sqlite3_stmt **st,
    struct ally_error *err)
{
	const char *has;
	char sql[2048];

	if ((has = person_identity_test(err)) == NULL)
		return -1;
	snprintf(sql, sizeof(sql), fmt, has);
	return db_prepare(db, sql, st, err);
}

int
privacy_erase(sqlite3 *db, const struct network *net, const char *alias,
    day_t today, const char *command, struct record **out,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	char todays[11], what[64];
	long long id;
	int rc, has;

	*out = NULL;
	if ((rc = person_by_alias(db, net->id, alias, &id, err)) < 0)
		return -1;
	if (rc == 0)
		return ally_errorf(err, EX_DATAERR, "%s: no such member in "
		    "network %s", alias, net->name);
	if (prepare_identity(db, "SELECT status, %s FROM person WHERE id = ?",
	    &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(db, rc, err, NULL);
	}
	has = sqlite3_column_int(st, 1);
	if (strcmp((const char *)sqlite3_column_text(st, 0), "left") != 0) {
		ally_errorf(err, EX_DATAERR, "%s: %s; only a member who has "
		    "left can be erased (set status: left first)", alias,
		    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (!has)
		return (*out = erased_record(db, id, "unchanged", err)) ==
		    NULL ? -1 : 0;
	date_format(today, todays);
	snprintf(what, sizeof(what), "erased %s", alias);
	/* A review's note is about the person: it goes with the identity. */
	if (person_erase(db, id, todays, err) != 0 ||
	    review_erase(db, id, err) != 0 ||
	    contact_erase(db, id, err) != 0 ||
	    reply_erase(db, id, err) != 0 ||
	    db_audit_as(db, "erasure", alias, command, net->name, what, 1,
	    err) != 0)
		return -1;
	return (*out = erased_record(db, id, "erased", err)) == NULL ? -1 : 0;
}

int
privacy_retention(sqlite3 *db, const struct network *net, int months,
    day_t today, const char *command, struct record ***out, size_t *nout,
    struct ally_error *err)
{
	static const char sql[] = "SELECT alias, left FROM person "
	    "WHERE network_id = ? AND status = 'left' AND left IS NOT NULL "
	    "AND %s ORDER BY length(alias), alias";
	sqlite3_stmt *st;
	struct record *r;
	char **due = NULL, **nd;
	size_t ndue = 0, i, cap = 0;
	day_t left;
	int rc;

	*out = NULL;
	*nout = 0;
	if (prepare_identity(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, net->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (date_parse((const char *)sqlite3_column_text(st, 1),
		    &left) != 0 || date_add_months(left, months) >= today)
			continue;
		if ((nd = reallocarray(due, ndue + 1, sizeof(*nd))) == NULL ||
		    (nd[ndue] = strdup((const char *)sqlite3_column_text(st,
		    0))) == NULL) {
			if (nd != NULL)
				due = nd;
			rc = SQLITE_NOMEM;
			break;
		}
		due = nd;
		ndue++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		db_error(db, rc, err, NULL);
	for (i = 0; rc == SQLITE_DONE && i < ndue; i++) {
		if (privacy_erase(db, net, due[i], today, command, &r,
		    err) != 0 || record_set_int(r, "retention", months) != 0 ||
		    push_record(out, nout, &cap, r, err) != 0) {
			if (err->code == 0)
				ally_errorf(err, EX_OSERR, "out of memory");
			rc = SQLITE_ERROR;
		}
	}
	for (i = 0; i < ndue; i++)
		free(due[i]);
	free(due);
	if (rc == SQLITE_DONE)
		return 0;
	privacy_records_free(*out, *nout);
	*out = NULL;
	*nout = 0;
	return -1;
}

int
privacy_checkpoint(sqlite3 *db, struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc, busy;

	if (db_prepare(db, "PRAGMA wal_checkpoint(TRUNCATE)", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	busy = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_error(db, rc, err, "checkpoint");
	if (busy)
		return ally_errorf(err, EX_TEMPFAIL, "the write-ahead log "
		    "could not be emptied while another process reads the "
		    "database; erased values may stay in it until the next "
		    "checkpoint: run the command again later");
	return 0;
}

void
privacy_checkpoint_committed(sqlite3 *db, void (*warn)(const char *, ...))
{
	struct ally_error e = { 0, "" };

	if (privacy_checkpoint(db, &e) != 0 && warn != NULL)
		warn(_("warning: %s"), e.msg);
}

static long
count_identities(sqlite3 *db)
{
	sqlite3_stmt *st;
	long n = 0;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM person WHERE "
	    "coalesce(name, phone, email) IS NOT NULL", -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
privacy_backup(sqlite3 *db, const char *path, const char *command,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	mode_t old;
	int fd, rc;

	/* Made here, 0600 and exclusively: never over a file or a link. */
	old = umask(077);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	umask(old);
	if (fd < 0 && errno == EEXIST)
		return ally_errorf(err, EX_CANTCREAT, "%s: exists; a backup "
		    "never replaces a file", path);
	if (fd < 0)
		return ally_errorf(err, errno == EACCES ? EX_NOPERM :
		    EX_CANTCREAT, "%s: %s", path, strerror(errno));
	close(fd);
	if (db_prepare(db, "VACUUM INTO ?", &st, err) != 0)
		goto fail;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	old = umask(077);
	rc = sqlite3_step(st);
	umask(old);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_error(db, rc, err, path);
		goto fail;
	}
	if (db_audit(db, command, NULL, "backup written", count_identities(db),
	    err) != 0)
		goto fail;
	return 0;
fail:
	unlink(path);
	return -1;
}

static int
audit_put(const struct record *r, void *arg, struct ally_error *err)
{
	return writer_put(arg, r, err);
}

int
privacy_audit_write(FILE *fp, sqlite3 *db, const struct audit_filter *filter,
    enum format f, struct ally_error *err)
{
	struct writer *w;
	int rc;

	if ((w = writer_open(fp, f, privacy_audit_fields, 0, err)) == NULL)
		return -1;
	rc = privacy_audit_each(db, filter, audit_put, w, err);
	if (writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}
