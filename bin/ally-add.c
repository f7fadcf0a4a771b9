/*
 * ally-add: register the members of a network and keep them up to date.
 *
 * Records on standard input or in files add members or, matched by id or
 * alias, update them; -l lists them back in the same shape, so that
 * "list, edit, feed back" is how a coordinator maintains the table.
 * Identities (name, phone, e-mail) are listed only when asked for with
 * -I, and that disclosure is recorded in the audit log.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

struct apply {
	sqlite3		 *db;
	struct network	  net;
	day_t		  today;
	struct record	**out;
	size_t		  nout, capout;
	int		  limit;	/* allies the table may hold */
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: ally-add [-cNq] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       ally-add -l [-I] [-d db] [-n network] [-f format] "
	    "[-r role] [-s status]\n");
}

static int
keep_result(struct apply *a, const struct record *in, long long id,
    const char *changed, struct ally_error *err)
{
	struct record *r, **n;
	sqlite3_stmt *st;
	int rc;

	if (a->nout == a->capout) {
		a->capout = a->capout ? a->capout * 2 : 16;
		if ((n = reallocarray(a->out, a->capout, sizeof(*n))) == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
		a->out = n;
	}
	if (db_prepare(a->db, "SELECT id, alias, role, status FROM person "
	    "WHERE id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(a->db, rc, err, NULL);
	}
	if ((r = record_new()) == NULL ||
	    db_column_to_record(st, 0, r, "id") != 0 ||
	    db_column_to_record(st, 1, r, "alias") != 0 ||
	    db_column_to_record(st, 2, r, "role") != 0 ||
	    db_column_to_record(st, 3, r, "status") != 0 ||
	    record_set(r, "change", changed) != 0 ||
	    record_set_int(r, "line", (long long)in->line) != 0) {
		sqlite3_finalize(st);
		record_free(r);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	sqlite3_finalize(st);
	a->out[a->nout++] = r;
	return 0;
}

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct apply *a = arg;
	const char *changed;
	long long id;
	int n;

	if (person_apply(a->db, &a->net, r, a->today, &changed, &id, err))
		return -1;
	if (person_count_allies(a->db, a->net.id, &n, err) != 0)
		return -1;
	if (n > a->limit)
		return ally_error_at(err, EX_DATAERR, r->file, r->line,
		    "status", "network %s would have %d allies; at most %d sit "
		    "at the table (candidates and active members count; "
		    "police and municipality staff do not)", a->net.name, n,
		    ALLY_MAX_ALLIES);
	return keep_result(a, r, id, changed, err);
}

static int
add_members(struct ally_opts *o, int create, int quiet, char **files,
    int nfiles, struct ally_error *err)
{
	struct apply a;
	struct writer *w = NULL;
	char path[4096];
	size_t i;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	if (db_path(o->db, path, sizeof(path), err) != 0 ||
	    date_today(&a.today, err) != 0)
		return -1;
	if ((a.db = db_open(path, create ? DB_CREATE : 0, err)) == NULL)
		return -1;
	if (db_begin(a.db, err) != 0)
		goto out;
	if (create) {
		if (network_create(a.db, o->network, &a.net, err) != 0)
			goto out;
	} else if (network_resolve(a.db, o->network, &a.net, err) != 0)
		goto out;
	/* A network already over the cap may still be edited, not grow. */
	if (person_count_allies(a.db, a.net.id, &a.limit, err) != 0)
		goto out;
	if (a.limit < ALLY_MAX_ALLIES)
		a.limit = ALLY_MAX_ALLIES;
	if ((!create || nfiles > 0) &&
	    records_each(files, nfiles, o->input, apply_one, &a, err) != 0)
		goto out;
	if (o->dry_run)
		db_rollback(a.db);
	else if (db_commit(a.db, err) != 0)
		goto out;
	if (!quiet && a.nout > 0) {
		if ((w = writer_open(stdout, o->format, NULL, 0, err)) == NULL)
			goto out;
		for (i = 0; i < a.nout; i++)
			if (writer_put(w, a.out[i], err) != 0)
				goto out;
		if (writer_close(w, err) != 0) {
			w = NULL;
			goto out;
		}
		w = NULL;
	}
	rc = 0;
out:
	if (w != NULL)
		writer_close(w, NULL);
	db_rollback(a.db);
	db_close(a.db);
	for (i = 0; i < a.nout; i++)
		record_free(a.out[i]);
	free(a.out);
	return rc;
}

static int
list_members(struct ally_opts *o, int identities, const char *role,
    const char *status, struct ally_error *err)
{
	struct network net;
	struct writer *w = NULL;
	struct record *r;
	sqlite3_stmt *st = NULL;
	sqlite3 *db;
	char path[4096];
	long n = 0;
	int rc = -1, step;

	if (role != NULL && !str_in(role, person_roles))
		return ally_errorf(err, EX_USAGE, "--role: '%s' is not one of "
		    "ally, police, municipality", role);
	if (status != NULL && !str_in(status, person_statuses))
		return ally_errorf(err, EX_USAGE, "--status: '%s' is not one "
		    "of candidate, active, paused, left", status);
	if (db_path(o->db, path, sizeof(path), err) != 0)
		return -1;
	if ((db = db_open(path, 0, err)) == NULL)
		return -1;
	/* Read and audit in one transaction: no disclosure goes unlogged. */
	if ((identities ? db_begin(db, err) : db_exec(db, "BEGIN", err)) != 0)
		goto out;
	if (network_resolve(db, o->network, &net, err) != 0 ||
	    db_prepare(db, person_select_sql, &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, net.id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, role);
	if ((w = writer_open(stdout, o->format, identities ? NULL :
	    person_public_fields, 0, err)) == NULL)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = person_record(st, identities ? PERSON_IDENTITIES :
		    0)) == NULL) {
			ally_errorf(err, EX_OSERR, "out of memory");
			goto out;
		}
		rc = writer_put(w, r, err);
		record_free(r);
		if (rc != 0) {
			rc = -1;
			goto out;
		}
		n++;
		rc = -1;
	}
	if (step != SQLITE_DONE) {
		db_error(db, step, err, NULL);
		goto out;
	}
	if (identities && db_audit(db, "ally-add -l -I", net.name,
	    "identities listed", n, err) != 0)
		goto out;
	if (db_commit(db, err) != 0)
		goto out;
	rc = 0;
out:
	if (w != NULL && writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	sqlite3_finalize(st);
	db_rollback(db);
	db_close(db);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		ALLY_COMMON_LONGOPTS,
		{ "create",	no_argument,		NULL, 'c' },
		{ "list",	no_argument,		NULL, 'l' },
		{ "identities",	no_argument,		NULL, 'I' },
		{ "role",	required_argument,	NULL, 'r' },
		{ "status",	required_argument,	NULL, 's' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ NULL,		0,			NULL, 0 }
	};
	struct ally_opts o;
	struct ally_error e = { 0, "" };
	const char *role = NULL, *status = NULL;
	int ch, create = 0, list = 0, identities = 0, quiet = 0, rc;

	ally_opts_init(&o);
	while ((ch = getopt_long(argc, argv, ALLY_COMMON_SHORTOPTS "clIr:s:q",
	    longopts, NULL)) != -1) {
		if ((rc = ally_opts_handle(&o, ch, optarg, &e)) < 0)
			errx(e.code, "%s", e.msg);
		if (rc == 1)
			continue;
		switch (ch) {
		case 'c':
			create = 1;
			break;
		case 'l':
			list = 1;
			break;
		case 'I':
			identities = 1;
			break;
		case 'r':
			role = optarg;
			break;
		case 's':
			status = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage(stderr);
			return EX_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (o.help) {
		usage(stdout);
		return ally_close_stdout(&e) == 0 ? 0 : EX_IOERR;
	}
	if (o.version) {
		printf("ally-add %s\n", ALLY_VERSION);
		return ally_close_stdout(&e) == 0 ? 0 : EX_IOERR;
	}
	if ((list && (create || argc > 0 || o.dry_run)) ||
	    (!list && (identities || role || status)) ||
	    (create && o.network == NULL)) {
		if (create && o.network == NULL)
			warnx("--create needs the network's name: -n NAME");
		usage(stderr);
		return EX_USAGE;
	}
	if (list)
		rc = list_members(&o, identities, role, status, &e);
	else
		rc = add_members(&o, create, quiet, argv, argc, &e);
	if (rc == 0 && ally_close_stdout(&e) != 0)
		rc = -1;
	if (rc != 0) {
		warnx("%s", e.msg);
		return e.code ? e.code : EX_SOFTWARE;
	}
	return 0;
}
