/*
 * tables_test: the listing SELECTs (person_select_sql, action_select_sql,
 * venue_select_sql, meeting_select_sql) have exactly the columns of their
 * field tables, in the tables' order and named as the fields, so that
 * the records they list have the tables' fields in the tables' order;
 * the meeting's adds only what a struct meeting needs, after them.  And
 * the lists of fields that the "unknown field" diagnostics show.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"
#include "tap.h"

/*
 * The statement's columns against def's fields that have one and
 * against names (the list the records are written with); extra more
 * columns after them.
 */
static void
columns(sqlite3 *db, const char *what, const char *sql,
    const struct record_def *def, const char *const *names, int extra)
{
	sqlite3_stmt *st = NULL;
	char got[1024] = "", want[1024] = "", list[1024] = "";
	size_t i, n = 0, m = 0, l = 0;
	int k = 0, ncol;

	ok(sql != NULL && sqlite3_prepare_v2(db, sql, -1, &st, NULL) ==
	    SQLITE_OK, "%s: the SELECT is made and prepares", what);
	if (st == NULL)
		return;
	for (i = 0; i < def->nfields; i++)
		if (def->fields[i].column != NULL) {
			n += snprintf(want + n, sizeof(want) - n, "%s ",
			    def->fields[i].name);
			k++;
		}
	ncol = sqlite3_column_count(st);
	for (i = 0; i < (size_t)ncol && (int)i < k; i++)
		m += snprintf(got + m, sizeof(got) - m, "%s ",
		    sqlite3_column_name(st, (int)i));
	for (i = 0; names[i] != NULL; i++)
		l += snprintf(list + l, sizeof(list) - l, "%s ", names[i]);
	is_str(got, want, "%s: the columns are the table's, in its order",
	    what);
	is_str(list, want, "%s: the records' fields are the same, in order",
	    what);
	is_int(ncol, k + extra, "%s: %d columns and %d more", what, k, extra);
	sqlite3_finalize(st);
}

static void
lists(void)
{
	char buf[512];

	is_str(fields_join(&signal_def, buf, sizeof(buf)), "date, theme, "
	    "tension, trend, basis, source, summary, time",
	    "a signal's list leaves out id and network (FIELD_UNLISTED)");
	is_str(fields_join_except(&action_def, FIELD_CONTEXT | FIELD_UNLISTED,
	    buf, sizeof(buf)), "id, title, party, owner, due, status, closed, "
	    "note, revision", "an action in minutes: no network or meeting "
	    "(FIELD_CONTEXT)");
	is_str(fields_join(&action_def, buf, sizeof(buf)), "id, network, "
	    "meeting, title, party, owner, due, status, closed, note, revision",
	    "an action on its own: every field");
	is_str(fields_join(&review_def, buf, sizeof(buf)), "alias, role, "
	    "status, status_since, meetings, present, excused, attendance, "
	    "last_present, absent_in_row, last_contact, contacts, intake, vetted, "
	    "contact_consent, "
	    "flags, decision, reviewed, note",
	    "a review record's list leaves out the network");
	is_str(fields_join(&target_def, buf, sizeof(buf)), "dimension, group, "
	    "share", "a target record's list");
	is_str(fields_join(&theme_def, buf, sizeof(buf)), "theme, tension, "
	    "trend, basis, summary", "a theme's list");
}

/*
 * validate.c's declaration of each table ally makes (the types, NOT NULL
 * and keys that every value read is held to) against the table as a new
 * file has it; and no table without one.
 */
static void
declarations(sqlite3 *db)
{
	sqlite3_stmt *st = NULL, *x = NULL;
	const char *t, *want;
	char got[1024];
	size_t n;
	int tables = 0;

	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE "
	    "type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name", -1,
	    &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT name, type, \"notnull\", pk "
	    "FROM pragma_table_xinfo(?1)", -1, &x, NULL) != SQLITE_OK) {
		ok(0, "the schema's tables and columns read");
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(st, 0);
		n = 0;
		got[0] = '\0';
		sqlite3_bind_text(x, 1, t, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(x) == SQLITE_ROW && n < sizeof(got))
			n += snprintf(got + n, sizeof(got) - n, "%s%s:%s%s%s",
			    n > 0 ? " " : "", sqlite3_column_text(x, 0),
			    sqlite3_column_text(x, 1),
			    sqlite3_column_int(x, 2) ? "!" : "",
			    sqlite3_column_int(x, 3) ? "*" : "");
		sqlite3_reset(x);
		want = validate_declared(t);
		is_str(got, want != NULL ? want : "(none)",
		    "table %s: declared in validate.c as made", t);
		tables++;
	}
	ok(tables >= 15, "%d tables compared", tables);
	ok(validate_declared("sqlite_sequence") == NULL &&
	    validate_declared("people") == NULL,
	    "no declaration of a table ally does not make");
	sqlite3_finalize(x);
	sqlite3_finalize(st);
}

int
main(void)
{
	static char dir[] = "/tmp/ally-tables-test.XXXXXX";
	struct ally_error err;
	sqlite3 *db;
	char path[256];

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/a.db", dir);
	if ((db = db_open(path, DB_CREATE, &err)) == NULL) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}
	columns(db, "members", person_select_sql(&err), &person_def,
	    person_fields, 0);
	columns(db, "actions", action_select_sql(&err), &action_def,
	    action_record_fields, 0);
	columns(db, "venues", venue_select_sql(&err), &venue_def,
	    venue_fields, 0);
	columns(db, "meetings", meeting_select_sql(&err), &meeting_def,
	    meeting_fields, 5);
	lists();
	declarations(db);
	db_close(db);
	unlink(path);
	rmdir(dir);
	return done_testing();
}
