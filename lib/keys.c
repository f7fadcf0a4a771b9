/*
 * keys.c: ally-add -k, the keys of a network (see keys.h and crypto.h).
 *
 * Encrypting an existing network is one transaction: the key's check
 * value stored, every member, contact note and review note read in the
 * clear and written sealed, the audit entry; an interruption leaves the file as it was.  After the
 * commit a VACUUM rewrites the file without the freed pages and a
 * truncating checkpoint empties the write-ahead log, so that the plain
 * values leave both.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "contactlog.h"
#include "crypto.h"
#include "keys.h"
#include "member.h"
#include "reply.h"
#include "review.h"
#include "session.h"

int
keys_action(const char *s, enum keys_action *a, struct ally_error *err)
{
	static const char *const words[] = { "file", "passphrase", "rotate",
	    "export", NULL };
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(s, words[i]) == 0) {
			*a = (enum keys_action)i;
			return 0;
		}
	return ally_errorf(err, EX_USAGE, "--key: '%s' is not one of file, "
	    "passphrase, rotate, export", s);
}

/*
 * After the commit: the file without the freed pages that held the values
 * as they were, the write-ahead log emptied.  The change is stored, so a
 * failure (another process reading) is a warning, not an exit status;
 * the next -k rotate scrubs again.
 */
static void
scrub(sqlite3 *db, void (*warn)(const char *, ...))
{
	struct ally_error e = { 0, "" };

	if (db_exec(db, "VACUUM", &e) != 0) {
		if (warn != NULL)
			warn(_("warning: the key is changed, but the values as "
			    "they were may stay in the file's free pages until "
			    "the next ally-add -k rotate: %s"), e.msg);
		return;
	}
	privacy_checkpoint_committed(db, warn);
}

/* A new key, every identifying value sealed with it. */
static int
reseal(struct ally_session *s, enum crypto_kind kind, const char *pass,
    const char *what, struct ally_error *err)
{
	struct crypto_params p;
	long n, notes;

	/* Every table with an identifying column (tests/2410 proves it). */
	if (crypto_new_key(s->db, s->net.id, kind, pass, &p, err) != 0 ||
	    network_store_key(s->db, s->net.id, &p, err) != 0 ||
	    person_reseal(s->db, s->net.id, &n, err) != 0 ||
	    contact_reseal(s->db, s->net.id, &notes, err) != 0 ||
	    review_reseal(s->db, s->net.id, &notes, err) != 0 ||
	    reply_reseal(s->db, s->net.id, &notes, err) != 0)
		return -1;
	/* A test's kill -9 at the worst moment: all rewritten, no commit. */
	ally_test_crash("seal");
	return session_audit(s, "ally-add --key", what, n, err);
}

static int
refuse_existing(const char *path, struct ally_error *err)
{
	if (access(path, F_OK) == 0)
		return ally_errorf(err, EX_CANTCREAT, "%s: exists already; "
		    "move it away if it is not a key still needed", path);
	return 0;
}

/* -k file, -k passphrase: a plain network encrypted. */
static int
seal_network(struct ally_session *s, enum keys_action a, const char *path,
    struct ally_error *err)
{
	enum crypto_kind kind = a == KEYS_FILE ? CRYPTO_KEYFILE :
	    CRYPTO_PASSPHRASE;
	int sealed;

	if ((sealed = crypto_sealed(s->db, s->net.id, err)) != 0)
		return sealed < 0 ? -1 : ally_errorf(err, EX_USAGE, "network "
		    "%s is encrypted already (-k rotate makes a new key)",
		    s->net.name);
	if (kind == CRYPTO_KEYFILE && refuse_existing(path, err) != 0)
		return -1;
	if (reseal(s, kind, getenv("ALLY_PASSPHRASE"), "identities "
	    "encrypted", err) != 0)
		return -1;
	if (kind == CRYPTO_KEYFILE && !s->o->dry_run &&
	    crypto_key_write(s->db, s->net.id, 0, path, err) != 0)
		return -1;
	if (session_commit(s, err) != 0) {
		if (kind == CRYPTO_KEYFILE && !s->o->dry_run)
			unlink(path);
		return -1;
	}
	return 0;
}

/* -k rotate: written to KEY.new, which becomes KEY after the commit. */
static int
rotate(struct ally_session *s, const char *path, struct ally_error *err)
{
	char next[4096 + 8];
	int keyfile, kind;

	if ((kind = crypto_sealed(s->db, s->net.id, err)) < 0)
		return -1;
	if (kind == CRYPTO_PLAIN)
		return ally_errorf(err, EX_USAGE, "network %s is not encrypted "
		    "(-k file or -k passphrase encrypts it)", s->net.name);
	if (crypto_need_key(s->db, s->net.id, err) != 0)
		return -1;
	keyfile = kind == CRYPTO_KEYFILE && !s->o->dry_run;
	snprintf(next, sizeof(next), "%s.new", path);
	if ((keyfile && refuse_existing(next, err) != 0) ||
	    reseal(s, (enum crypto_kind)kind, getenv("ALLY_NEW_PASSPHRASE"),
	    "key rotated", err) != 0 ||
	    (keyfile && crypto_key_write(s->db, s->net.id, 0, next,
	    err) != 0))
		return -1;
	if (session_commit(s, err) != 0) {
		if (keyfile)
			unlink(next);
		return -1;
	}
	if (keyfile && rename(next, path) != 0)
		return ally_errorf(err, EX_IOERR, "%s: the new key is in %s; "
		    "rename it to %s", path, next, path);
	return 0;
}

/* -k export FILE: the key, for a second coordinator; audited. */
static int
export(struct ally_session *s, const char *file, struct ally_error *err)
{
	int sealed;

	if ((sealed = crypto_sealed(s->db, s->net.id, err)) <= 0)
		return sealed < 0 ? -1 : ally_errorf(err, EX_USAGE, "network "
		    "%s is not encrypted: there is no key", s->net.name);
	if (crypto_need_key(s->db, s->net.id, err) != 0 ||
	    refuse_existing(file, err) != 0 ||
	    session_audit(s, "ally-add --key export", "key exported", 1,
	    err) != 0)
		return -1;
	if (!s->o->dry_run && crypto_key_write(s->db, s->net.id, 1, file,
	    err) != 0)
		return -1;
	if (session_commit(s, err) != 0) {
		if (!s->o->dry_run)
			unlink(file);
		return -1;
	}
	return 0;
}

int
keys_run(const struct ally_opts *o, enum keys_action a, int create,
    const char *file, void (*warn)(const char *, ...),
    struct ally_error *err)
{
	struct ally_session s;
	char path[4096];
	int rc;

	if (session_open(&s, o, SESSION_QUIET | (create ? SESSION_CREATE :
	    0), warn, err) != 0)
		return -1;
	if (crypto_key_path(s.net.name, path, sizeof(path), err) != 0)
		rc = -1;
	else if (a == KEYS_EXPORT)
		rc = export(&s, file, err);
	else if (a == KEYS_ROTATE)
		rc = rotate(&s, path, err);
	else
		rc = seal_network(&s, a, path, err);
	if (rc == 0 && a != KEYS_EXPORT && !o->dry_run &&
	    (rc = crypto_switch(s.db, s.net.id, err)) == 0)
		scrub(s.db, warn);
	session_close(&s);
	return rc;
}
