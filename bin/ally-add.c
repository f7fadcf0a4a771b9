/*
 * ally-add: register the members of a network and keep them up to date.
 *
 * Records on standard input or in files add members or, matched by id or
 * alias, update them; -l lists them back in the same shape, so that
 * "list, edit, feed back" is how a coordinator maintains the table.
 * Identities (name, phone, e-mail) are listed only when asked for with
 * -I or as the quick-contact list (-K), and every such disclosure is
 * recorded in the audit log (-A).  -E erases the identity of a member
 * who has left, -R does so for everyone who left longer ago than the
 * retention period, and -B writes a private backup.  -W lists the
 * networks of the file with how many sit at each table, no identities.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"

enum mode { ADD, LIST, CONTACTS, AUDIT, ERASE, RETENTION, BACKUP,
    NETWORKS, ROUND, SHEET, OUTCOMES, TO_REACH, KEY };

struct cmd {
	struct ally_opts	 o;
	const char		*role, *status, *file, *sector, *community;
	const char		*key;
	struct audit_filter	 audit;
	int			 create, identities, quiet, group;
	enum keys_action	 action;
};

struct apply {
	struct ally_session	 s;
	int			 limit;	/* allies the table may hold */
	struct person_seen	 seen;	/* the members written so far */
};

static int
keep_result(struct apply *a, const struct record *in, long long id,
    const char *changed, struct ally_error *err)
{
	struct record *r;
	sqlite3_stmt *st;
	int rc, ok;

	if (a->s.spool == NULL)
		return 0;
	if (db_prepare(a->s.db, "SELECT id, alias, role, status FROM person "
	    "WHERE id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_error(a->s.db, rc, err, NULL);
	}
	ok = (r = record_new()) != NULL &&
	    db_column_to_record(st, 0, r, "id") == 0 &&
	    db_column_to_record(st, 1, r, "alias") == 0 &&
	    db_column_to_record(st, 2, r, "role") == 0 &&
	    db_column_to_record(st, 3, r, "status") == 0 &&
	    record_set(r, "change", changed) == 0 &&
	    record_set_int(r, "line", (long long)in->line) == 0;
	sqlite3_finalize(st);
	rc = ok ? session_result(&a->s, r, err) : ally_errorf(err, EX_OSERR,
	    "out of memory");
	record_free(r);
	return rc;
}

static int
apply_one(struct record *r, void *arg, struct ally_error *err)
{
	struct apply *a = arg;
	const char *changed;
	long long id;
	int n;

	if (person_apply(a->s.db, &a->s.net, r, a->s.today, &changed, &id,
	    err) != 0 || person_seen_add(&a->seen, r, id, err) != 0)
		return -1;
	if (person_count_allies(a->s.db, a->s.net.id, &n, err) != 0)
		return -1;
	if (n > a->limit)
		return ally_error_at(err, EX_DATAERR, r->file, r->line,
		    "status", "network %s would have %d allies; at most %d sit "
		    "at the table (candidates and active members count; "
		    "police and municipality staff do not)", a->s.net.name, n,
		    ALLY_MAX_ALLIES);
	return keep_result(a, r, id, changed, err);
}

static int
add_members(struct ally_opts *o, int create, int quiet, char **files,
    int nfiles, struct ally_error *err)
{
	struct apply a;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	if (session_open(&a.s, o, (create ? SESSION_CREATE : 0) |
	    (quiet ? SESSION_QUIET : 0) | SESSION_IDENTITIES, warnx,
	    err) != 0)
		return -1;
	/* A network already over the cap may still be edited, not grow. */
	if (person_count_allies(a.s.db, a.s.net.id, &a.limit, err) != 0)
		goto out;
	if (a.limit < ALLY_MAX_ALLIES)
		a.limit = ALLY_MAX_ALLIES;
	/* --create reads records too, unless standard input is a terminal. */
	if ((!create || nfiles > 0 || !isatty(STDIN_FILENO)) &&
	    session_apply(&a.s, files, nfiles, apply_one, &a, err) != 0)
		goto out;
	rc = session_finish(&a.s, err);
out:
	person_seen_free(&a.seen);
	session_close(&a.s);
	return rc;
}

/*
 * The audit log: -n (or $ALLY_NETWORK) narrows it to one network, -t to
 * a kind, -m to a member, -S and -U to a period.
 */
static int
audit_list(sqlite3 *db, const struct cmd *c, struct ally_error *err)
{
	const struct ally_opts *o = &c->o;
	struct audit_filter f = c->audit;
	const char *net = o->network;
	day_t d;

	if (net == NULL && (net = getenv("ALLY_NETWORK")) != NULL &&
	    *net == '\0')
		net = NULL;
	f.network = net;
	if ((f.kind != NULL && opt_one_of("--kind", f.kind,
	    privacy_audit_kinds, &f.kind, err) != 0) ||
	    (f.since != NULL && opt_date("--since", f.since, &d, err) != 0) ||
	    (f.until != NULL && opt_date("--until", f.until, &d, err) != 0))
		return -1;
	return privacy_audit_write(stdout, db, &f, o->format, err);
}

/*
 * -K, -A, -B, -W: one session and one call of the library.  What is
 * printed goes out before the commit (session.c).
 */
static int
one_call(const struct cmd *c, int m, const struct contact_select *sel,
    struct ally_error *err)
{
	struct ally_session s;
	struct ally_opts o = c->o;
	int flags = SESSION_READ | SESSION_NO_NETWORK, rc;

	if (m == CONTACTS) {
		if (contact_list_format(&o.format, err) != 0)
			return -1;
		flags = SESSION_OWN_FORMAT | (o.format == FMT_VCARD ?
		    SESSION_QUIET : 0);
	} else if (m == NETWORKS && format_for_records(o.format, err) != 0)
		return -1;
	if (session_open(&s, &o, flags, warnx, err) != 0)
		return -1;
	if (m == CONTACTS)
		rc = contact_list_write(&s, sel, "ally-add --contacts", err);
	else if (m == BACKUP)
		rc = privacy_backup(s.db, c->file, "ally-add --backup", err);
	else if (m == NETWORKS)
		rc = network_list_write(s.db, stdout, o.format, err);
	else
		rc = audit_list(s.db, c, err);
	session_close(&s);
	return rc;
}

/*
 * Erasure (-E aliases) and retention (-R): one transaction, then a
 * truncating checkpoint so that the old values leave the write-ahead
 * log too.  *erased counts the members whose identity went.
 */
static int
erase(const struct ally_opts *o, char **aliases, int naliases, int months,
    size_t *erased, struct ally_error *err)
{
	struct ally_session s;
	struct record **v = NULL, *r = NULL;
	size_t n = 0, i;
	int rc = -1, k;

	*erased = 0;
	if (session_open(&s, o, 0, warnx, err) != 0)
		return -1;
	if (aliases == NULL && privacy_retention(s.db, &s.net, months,
	    s.today, "ally-add --retention", &v, &n, err) != 0)
		goto out;
	for (k = 0; aliases != NULL && k < naliases; k++) {
		if (privacy_erase(s.db, &s.net, aliases[k], s.today,
		    "ally-add --erase", &r, err) != 0 ||
		    session_result(&s, r, err) != 0)
			goto out;
		if (strcmp(record_get(r, "change"), "erased") == 0)
			(*erased)++;
		record_free(r);
		r = NULL;
	}
	for (i = 0; i < n; i++) {
		if (session_result(&s, v[i], err) != 0)
			goto out;
		if (strcmp(record_get(v[i], "change"), "erased") == 0)
			(*erased)++;
	}
	if (session_commit(&s, err) != 0)
		goto out;
	if (!o->dry_run)
		privacy_checkpoint_committed(s.db, warnx);
	rc = 0;
out:
	record_free(r);
	privacy_records_free(v, n);
	session_close(&s);
	return rc;
}

/* -B copies the whole file: no network to choose, nothing printed. */
#define ALL_BUT_W	(OPT_ANY & ~OPT_IN(NETWORKS) & ~OPT_IN(BACKUP))
#define ALL_BUT_B	(OPT_ANY & ~OPT_IN(BACKUP))
#define WRITING		(OPT_IN(ADD) | OPT_IN(ERASE) | OPT_IN(RETENTION) | \
	ROUNDS | OPT_IN(KEY))

#define FLAG(c, n, h, m, f)	OPT_FLAG_AT(c, n, h, OPT_IN(m), struct cmd, f)
#define WITH_L(c, n, a, h, f)	OPT_STRING_AT(c, n, a, h, OPT_IN(LIST), \
	struct cmd, f)
#define WITH_K(c, n, a, h, f)	OPT_STRING_AT(c, n, a, h, OPT_IN(CONTACTS) | \
	OPT_IN(ROUND), struct cmd, f)
#define ROUNDS		(OPT_IN(ROUND) | OPT_IN(OUTCOMES))
#define WITH_A(c, n, a, h, f)	OPT_STRING_AT(c, n, a, h, OPT_IN(AUDIT), \
	struct cmd, audit.f)

static const struct opt options[] = {
	OPT_MODE('u', "update", OPT_UPDATE_HELP, ADD),
	OPT_FLAG_AT('c', "create", N_("create the database and the network "
	    "of -n"), OPT_IN(ADD) | OPT_IN(KEY), struct cmd, create),
	FLAG('q', "quiet", N_("print nothing when adding"), ADD, quiet),
	OPT_MODE('l', "list", N_("list the members"), LIST),
	FLAG('I', "identities", N_("with -l: names, phones and e-mail too "
	    "(audited)"), LIST, identities),
	OPT_STRING_AT('r', "role", N_("ROLE"), N_("with -l, -K or -O: only "
	    "ally, police or municipality"), OPT_IN(LIST) | OPT_IN(CONTACTS) |
	    OPT_IN(ROUND), struct cmd, role),
	WITH_L('s', "status", N_("STATUS"), N_("with -l: only members of this "
	    "status"), status),
	OPT_MODE('K', "contacts", N_("print the quick-contact list (audited)"),
	    CONTACTS),
	FLAG('G', "group", N_("with -K: the list for the group, allies only "
	    "with contact_consent"), CONTACTS, group),
	OPT_STRING_AT('S', "sector", N_("SECTOR"), N_("with -K or -O: only "
	    "members of this sector; with -A: --since"), OPT_IN(CONTACTS) |
	    OPT_IN(ROUND) | OPT_IN(AUDIT), struct cmd, sector),
	WITH_K('C', "community", N_("WORD"), N_("with -K or -O: only members "
	    "whose community holds this word"), community),
	OPT_MODE('O', "round", N_("open or close call rounds: round records "
	    "from files or standard input"), ROUND),
	OPT_MODE('P', "call-sheet", N_("print the call sheet of a round "
	    "(audited)"), SHEET),
	OPT_MODE('o', "outcomes", N_("record the outcomes of calls: the sheet "
	    "fed back"), OUTCOMES),
	OPT_MODE('T', "to-reach", N_("list who in a round is still to be "
	    "reached"), TO_REACH),
	OPT_MODE('A', "audit", N_("list the audit log"), AUDIT),
	WITH_A('t', "kind", N_("KIND"), N_("with -A: only entries of this "
	    "kind (member, minutes, disclosure, ...)"), kind),
	WITH_A('m', "member", N_("ALIAS"), N_("with -A: only entries about "
	    "this member"), member),
	WITH_A(OPT_LONG + 1, "since", N_("DATE"), N_("with -A: from this "
	    "date (-S)"), since),
	WITH_A('U', "until", N_("DATE"), N_("with -A: up to this date"),
	    until),
	OPT_MODE('E', "erase", N_("erase the identities of the aliases named"),
	    ERASE),
	OPT_MODE('R', "retention", N_("erase who left more than months ago "
	    "(24)"), RETENTION),
	{ .ch = 'B', .name = "backup", .arg = N_("FILE"),
	  .help = N_("write a backup of the database into a new file"),
	  .modes = OPT_IN(BACKUP), .sets = OPT_IN(BACKUP),
	  .kind = OPT_STRING, .off = offsetof(struct cmd, file) },
	OPT_MODE('W', "networks", N_("list the networks of the file, no "
	    "identities"), NETWORKS),
	{ .ch = 'k', .name = "key", .arg = N_("ACTION"),
	  .help = N_("encrypt the identities (file, passphrase), rotate or "
	  "export the key"), .modes = OPT_IN(KEY), .sets = OPT_IN(KEY),
	  .kind = OPT_STRING, .off = offsetof(struct cmd, key) },
	OPT_DB(OPT_ANY), OPT_NETWORK(ALL_BUT_W),
	OPT_FORMAT(ALL_BUT_B & ~OPT_IN(KEY)),
	OPT_INPUT(OPT_IN(ADD) | ROUNDS), OPT_DRY_RUN(WRITING),
	OPT_TO(OPT_IN(SHEET), N_("with -P -f mail: a recipient")), { .ch = 0 }
};

static const struct opt_mode modes[] = {
	[ADD] = { OPT_MANY, NULL }, [LIST] = { OPT_NONE, NULL },
	[CONTACTS] = { OPT_NONE, NULL }, [AUDIT] = { OPT_NONE, NULL },
	[ERASE] = { OPT_SOME, NULL }, [RETENTION] = { OPT_ONE, NULL },
	[BACKUP] = { OPT_NONE, NULL }, [NETWORKS] = { OPT_NONE, NULL },
	[ROUND] = { OPT_MANY, NULL }, [SHEET] = { OPT_ONE, NULL },
	[OUTCOMES] = { OPT_MANY, NULL }, [TO_REACH] = { OPT_ONE, NULL },
	[KEY] = { OPT_MANY, NULL } };

/* What the table cannot say: --create makes the network of -n. */
static int
check(void *base, int m, int argc, char **argv, struct ally_error *err)
{
	struct cmd *c = base;

	(void)argc;
	(void)argv;
	if ((m == ADD || m == KEY) && c->create && c->o.network == NULL)
		return ally_errorf(err, EX_USAGE, "%s", _("--create needs the "
		    "network's name: -n NAME"));
	if ((m == CONTACTS || m == ROUND) && ((c->role != NULL && opt_one_of("--role",
	    c->role, person_roles, &c->role, err) != 0) ||
	    (c->sector != NULL && opt_one_of("--sector", c->sector,
	    person_sectors, &c->sector, err) != 0)))
		return -1;
	/* The sheet and who is still to reach are text unless -f says. */
	if ((m == SHEET || m == TO_REACH) && c->o.format == FMT_AUTO)
		c->o.format = FMT_TEXT;
	if (m == AUDIT && c->sector != NULL)	/* -S: --since with -A */
		c->audit.since = c->sector;
	if (m == KEY && (keys_action(c->key, &c->action, err) != 0 ||
	    argc != (c->action == KEYS_EXPORT)))
		return err->code ? -1 : ally_errorf(err, EX_USAGE, "%s",
		    _("--key: export takes one file, the others none"));
	return 0;
}

static const struct opt_cmd cmdline = {
	.name = "ally-add",
	/*
	 * TRANSLATORS: the synopsis of ally-add(1).  Keep the command name,
	 * the option letters and their order; the words for what an option
	 * takes (db, network, format, file, role, status, alias, months) may
	 * be translated.  The lines after the first are indented to stand
	 * under the command name: indent them by the width of your "usage: ".
	 */
	.synopsis = N_("usage: ally-add [-cNqu] [-d db] [-n network] "
	    "[-f format] [-F format] [file ...]\n"
	    "       ally-add -l [-I] [-d db] [-n network] [-f format] "
	    "[-r role] [-s status]\n"
	    "       ally-add -K [-G] [-d db] [-n network] [-f format] "
	    "[-r role]\n"
	    "                    [-S sector] [-C word]\n"
	    "       ally-add -A [-d db] [-n network] [-f format] [-t kind] "
	    "[-m alias]\n"
	    "                   [-S since] [-U until]\n"
	    "       ally-add -E [-N] [-d db] [-n network] [-f format] "
	    "alias ...\n"
	    "       ally-add -R [-N] [-d db] [-n network] [-f format] "
	    "[months]\n"
	    "       ally-add -B file [-d db]\n"
	    "       ally-add -W [-d db] [-f format]\n"
	    "       ally-add -O [-N] [-d db] [-n network] [-f format] "
	    "[-F format] [-r role]\n"
	    "                    [-S sector] [-C word] [file ...]\n"
	    "       ally-add -P [-d db] [-n network] [-f format] [--to "
	    "address] [round]\n"
	    "       ally-add -o [-N] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       ally-add -T [-d db] [-n network] [-f format] [round]\n"
	    "       ally-add -k action [-cN] [-d db] [-n network] [file]\n"),
	.opts = options, .modes = modes, .nmodes = KEY + 1,
	.initial = ADD, .check = check
};

int
main(int argc, char *argv[])
{
	struct cmd c;
	struct ally_error e = { 0, "" };
	struct contact_select sel;
	long long months = 24, round = 0;
	size_t erased = 0;
	int m, rc, nobody = 0;

	memset(&c, 0, sizeof(c));
	if ((rc = opt_main(&cmdline, &argc, &argv, &c, &c.o, &m, &e)) >= 0)
		return rc;
	if (m == RETENTION && argc == 1 &&
	    parse_int(argv[0], 0, 1200, &months) != 0)
		errx(EX_USAGE, _("--retention: '%.64s' is not a number of months "
		    "(0 to 1200)"), argv[0]);
	if ((m == SHEET || m == TO_REACH) && argc == 1 &&
	    parse_int(argv[0], 1, INT64_MAX, &round) != 0)
		errx(EX_USAGE, _("'%.64s' is not the id of a round"), argv[0]);
	sel = (struct contact_select){ c.group, c.role, c.sector, c.community };
	switch (m) {
	case ROUND:
		rc = call_round_apply(&c.o, &sel, argv, argc, warnx, &e);
		break;
	case SHEET:
		rc = call_sheet_write(&c.o, round, warnx, &e);
		break;
	case OUTCOMES:
		rc = call_outcomes_apply(&c.o, argv, argc, warnx, &e);
		break;
	case TO_REACH:
		rc = call_to_reach(&c.o, round, &nobody, warnx, &e);
		break;
	case LIST:
		rc = member_list_write(&c.o, c.identities, c.role, c.status,
		    warnx, &e);
		break;
	case ERASE:
		rc = erase(&c.o, argv, argc, 0, &erased, &e);
		break;
	case RETENTION:
		rc = erase(&c.o, NULL, 0, (int)months, &erased, &e);
		break;
	case ADD:
		rc = add_members(&c.o, c.create, c.quiet, argv, argc, &e);
		break;
	case KEY:
		rc = keys_run(&c.o, c.action, c.create, argv[0], warnx, &e);
		break;
	default:
		rc = one_call(&c, m, &sel, &e);
		break;
	}
	/*
	 * For cron: retention says by its status whether it erased anyone,
	 * -T whether anyone is still to be reached.
	 */
	if ((rc = opt_main_end(rc, &e)) == 0 && ((m == RETENTION &&
	    erased == 0) || (m == TO_REACH && nobody)))
		return 1;
	return rc;
}
