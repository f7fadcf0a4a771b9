/*
 * network.c: which network a command works on; creating one explicitly;
 * the one writer of the network table.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "crypto.h"
#include "dbquery.h"

#define NETWORK_COLUMNS	"id, name, weekdays, start_time, duration"

int
network_valid_name(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= NETWORK_NAME_MAX && s[0] != ' ' && s[n - 1] != ' ' &&
	    valid_text(s, 0) == 0 && strchr(s, '\t') == NULL ? 0 : -1;
}

static void
network_row(sqlite3_stmt *st, struct network *n)
{
	memset(n, 0, sizeof(*n));
	n->id = sqlite3_column_int64(st, 0);
	snprintf(n->name, sizeof(n->name), "%s", sqlite3_column_text(st, 1));
	snprintf(n->weekdays, sizeof(n->weekdays), "%s",
	    sqlite3_column_text(st, 2));
	snprintf(n->start_time, sizeof(n->start_time), "%s",
	    sqlite3_column_text(st, 3));
	n->duration = sqlite3_column_int(st, 4);
}

int
network_by_name(sqlite3 *db, const char *name, struct network *n,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT " NETWORK_COLUMNS " FROM network "
	    "WHERE name = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		network_row(st, n);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_error(db, rc, err, NULL);
}

int
network_each(sqlite3 *db,
    int (*fn)(const struct network *, void *, struct ally_error *),
    void *arg, struct ally_error *err)
{
	struct network *v = NULL, *nv;
	sqlite3_stmt *st;
	size_t n = 0, i;
	int rc;

	if (db_prepare(db, "SELECT " NETWORK_COLUMNS " FROM network "
	    "ORDER BY name", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((nv = reallocarray(v, n + 1, sizeof(*v))) == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		v = nv;
		network_row(st, &v[n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return rc == SQLITE_NOMEM ? ally_errorf(err, EX_OSERR,
		    "out of memory") : db_error(db, rc, err, "network");
	}
	for (i = 0; i < n; i++)
		if (fn(&v[i], arg, err) != 0) {
			free(v);
			return -1;
		}
	free(v);
	return 0;
}

struct names {
	char	*buf;
	size_t	 len, n;
	int	 count;
};

static int
add_name(const struct network *net, void *arg, struct ally_error *err)
{
	struct names *a = arg;

	(void)err;
	if (a->n < a->len)
		a->n += snprintf(a->buf + a->n, a->len - a->n, "%s%s",
		    a->count ? ", " : "", net->name);
	a->count++;
	return 0;
}

/* "A, B, C": the networks in the file, for a diagnostic. */
static void
network_names(sqlite3 *db, char *buf, size_t len, int *count)
{
	struct names a = { buf, len, 0, 0 };
	struct ally_error ignored;

	buf[0] = '\0';
	network_each(db, add_name, &a, &ignored);
	*count = a.count;
}

int
network_resolve(sqlite3 *db, const char *name, struct network *n,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	char names[512];
	int rc, count;

	if (name == NULL || *name == '\0')
		name = getenv("ALLY_NETWORK");
	if (name != NULL && *name != '\0') {
		if ((rc = network_by_name(db, name, n, err)) != 0)
			return rc < 0 ? -1 : 0;
		network_names(db, names, sizeof(names), &count);
		if (count == 0)
			return ally_errorf(err, EX_NOINPUT, "no network '%s': "
			    "the file has none yet (ally-add --create -n NAME "
			    "makes one)", name);
		return ally_errorf(err, EX_NOINPUT, "no network '%s' (there "
		    "is: %s; ally-add --create -n NAME makes a new one)", name,
		    names);
	}
	if (db_prepare(db, "SELECT " NETWORK_COLUMNS " FROM network LIMIT 2",
	    &st, err) != 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		network_row(st, n);
	if (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_DONE) {
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return ally_errorf(err, EX_NOINPUT, "no network yet "
		    "(ally-add --create -n NAME makes one)");
	if (rc != SQLITE_ROW)
		return db_error(db, rc, err, NULL);
	network_names(db, names, sizeof(names), &count);
	return ally_errorf(err, EX_USAGE, "%d networks in the file (%s): "
	    "choose one with -n or ALLY_NETWORK", count, names);
}

int
network_create(sqlite3 *db, const char *name, struct network *n,
    struct ally_error *err)
{
	sqlite3_stmt *st;
	char today[11];
	day_t d;
	int rc;

	if (network_valid_name(name) != 0)
		return ally_errorf(err, EX_USAGE, "'%s': not a network name "
		    "(1 to 63 characters of text)", name);
	if ((rc = network_by_name(db, name, n, err)) != 0)
		return rc < 0 ? -1 : 0;
	if (date_today(&d, err) != 0)
		return -1;
	date_format(d, today);
	if (db_prepare(db, "INSERT INTO network (name, created) VALUES (?, ?)",
	    &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, rc, err, "network");
	return network_by_name(db, name, n, err) == 1 ? 0 : -1;
}

int
network_store_schedule(sqlite3 *db, const struct network *net,
    struct ally_error *err)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "UPDATE network SET weekdays = ?, start_time = ?, "
	    "duration = ? WHERE id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, net->weekdays, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, net->start_time, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, net->duration);
	sqlite3_bind_int64(st, 4, net->id);
	return db_step_done(db, st, "network", err);
}

int
network_store_key(sqlite3 *db, long long id, const struct crypto_params *p,
    struct ally_error *err)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "UPDATE network SET key_kind = ?, key_salt = ?, "
	    "key_check = ?, key_ops = ?, key_mem = ? WHERE id = ?", &st,
	    err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, p->kind == CRYPTO_PASSPHRASE ? "passphrase" :
	    "file", -1, SQLITE_STATIC);
	if (p->kind == CRYPTO_PASSPHRASE) {
		sqlite3_bind_blob(st, 2, p->salt, sizeof(p->salt),
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (long long)p->ops);
		sqlite3_bind_int64(st, 5, (long long)p->mem);
	}
	sqlite3_bind_text(st, 3, (const char *)p->check, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, id);
	return db_step_done(db, st, "network", err);
}
