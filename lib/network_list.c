/*
 * network_list.c: the networks of a database file by name (ally-add
 * -W): allies counts the candidates and active allies (the table's cap
 * of 15 is theirs), members everyone who has not left, police and
 * municipality included.  No identities: a file's keeper may see what
 * it holds without seeing who.
 */
#include <stdio.h>

#include "core.h"
#include "network_list.h"

const char *const network_list_fields[] = { "name", "allies", "members",
    "created", NULL };

static struct record *
network_row(sqlite3_stmt *st, void *arg)
{
	struct record *r;

	(void)arg;
	if ((r = record_new()) == NULL ||
	    db_column_to_record(st, 0, r, "name") != 0 ||
	    record_set_int(r, "allies", sqlite3_column_int64(st, 1)) != 0 ||
	    record_set_int(r, "members", sqlite3_column_int64(st, 2)) != 0 ||
	    record_set_date(r, "created",
	    (const char *)sqlite3_column_text(st, 3)) != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

int
network_list_write(sqlite3 *db, FILE *fp, enum format f,
    struct ally_error *err)
{
	struct writer *w;
	sqlite3_stmt *st;
	int rc = -1;

	if (db_prepare(db, "SELECT n.name, "
	    "(SELECT count(*) FROM person p WHERE p.network_id = n.id AND "
	    "p.role = 'ally' AND p.status IN ('candidate', 'active')), "
	    "(SELECT count(*) FROM person p WHERE p.network_id = n.id AND "
	    "p.status <> 'left'), n.created FROM network n ORDER BY n.name",
	    &st, err) != 0)
		return -1;
	if ((w = writer_open(fp, f, network_list_fields, 0, err)) != NULL) {
		if (db_write_rows(db, st, network_row, NULL, w, err) >= 0)
			rc = 0;
		if (writer_close(w, rc == 0 ? err : NULL) != 0)
			rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}
