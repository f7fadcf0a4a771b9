/*
 * crypto.c: identities encrypted at rest (see crypto.h).
 *
 * A stored value is "\001" "1" and the URL-safe base64 of the nonce and
 * the XChaCha20-Poly1305 ciphertext: text, since the person table is
 * STRICT, and never mistaken for a plain value, which holds no control
 * character.  The associated data is "network:table.column:row", so that
 * a value copied to another row, column or network does not open.
 *
 * The key of each connection's network lives in sodium_malloc'd memory
 * (locked, guarded) and is wiped when the connection closes.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core.h"
#include "crypto.h"
#include "dbquery.h"

#define MARK		"\0011"
#define MARK_LEN	2
#define NONCE		crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG		crypto_aead_xchacha20poly1305_ietf_ABYTES
#define CHECK_TEXT	"ally key check"
#define KEYFILE_HEAD	"ally-key 1 "
#define KEYFILE_LEN	(sizeof(KEYFILE_HEAD) - 1 + 2 * CRYPTO_KEY_BYTES + 1)

/* A network's key on one connection. */
struct netkey {
	long long		 net;
	char			 name[128];
	struct crypto_params	 p, newp;
	unsigned char		*key;	/* current, then new: sodium_malloc */
	int			 have_key, have_new, tried;
	int			 kind_ok, salt_ok;	/* as read */
	struct ally_error	 why;	/* why the key did not load */
	struct netkey		*next;
};

struct conn {
	sqlite3			*db;
	struct netkey		*keys;
	struct conn		*next;
};

static struct conn *conns;

static struct conn *
conn_of(sqlite3 *db)
{
	struct conn *c;

	for (c = conns; c != NULL; c = c->next)
		if (c->db == db)
			return c;
	return NULL;
}

static void
conn_free(void *arg)
{
	struct conn *c = arg, **pp;
	struct netkey *k;

	for (pp = &conns; *pp != NULL; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	while ((k = c->keys) != NULL) {
		c->keys = k->next;
		sodium_free(k->key);
		sodium_memzero(k, sizeof(*k));
		free(k);
	}
	free(c);
}

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/*
 * The key columns of a network row are input like every value read: a
 * copy whose key_ops said four thousand million had Argon2id run for
 * days, a key_mem of terabytes ask for the memory.  The kind one of two,
 * the salt of its length, the cost within what libsodium calls
 * sensitive (ally writes interactive).
 */
static int
params_ok(const struct netkey *c, struct ally_error *err)
{
	const char *field = NULL, *what = _("is out of range");
	char row[24], value[32] = "";

	if (c->p.kind == CRYPTO_PLAIN)
		return 0;
	if (!c->kind_ok) {
		field = "key_kind";
		what = _("is not one of the values");
	} else if (c->p.kind != CRYPTO_PASSPHRASE)
		return 0;
	else if (!c->salt_ok) {
		field = "key_salt";
		what = _("is not 16 bytes");
	} else if (c->p.ops < crypto_pwhash_OPSLIMIT_MIN ||
	    c->p.ops > crypto_pwhash_OPSLIMIT_SENSITIVE) {
		field = "key_ops";
		snprintf(value, sizeof(value), "%llu ", c->p.ops);
	} else if (c->p.mem < crypto_pwhash_MEMLIMIT_MIN ||
	    c->p.mem > crypto_pwhash_MEMLIMIT_SENSITIVE) {
		field = "key_mem";
		snprintf(value, sizeof(value), "%zu ", c->p.mem);
	} else
		return 0;
	snprintf(row, sizeof(row), "%lld", c->net);
	return ally_errorf(err, EX_DATAERR, "table %s, row %s: %s: %s%s",
	    "network", row, field, value, what);
}

/* What the network row says of its key. */
static int
netkey_read(sqlite3 *db, struct netkey *c, struct ally_error *err)
{
	sqlite3_stmt *st;
	const char *k, *chk;
	int rc;

	if (db_prepare(db, "SELECT name, key_kind, key_salt, key_check, "
	    "key_ops, key_mem FROM network WHERE id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->net);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(c->name, sizeof(c->name), "%s",
		    sqlite3_column_text(st, 0));
		if ((k = (const char *)sqlite3_column_text(st, 1)) != NULL &&
		    (chk = (const char *)sqlite3_column_text(st, 3)) != NULL) {
			c->p.kind = strcmp(k, "passphrase") == 0 ?
			    CRYPTO_PASSPHRASE : CRYPTO_KEYFILE;
			c->kind_ok = strcmp(k, "passphrase") == 0 ||
			    strcmp(k, "file") == 0;
			c->salt_ok = sqlite3_column_bytes(st, 2) ==
			    sizeof(c->p.salt);
			if (c->salt_ok)
				memcpy(c->p.salt, sqlite3_column_blob(st, 2),
				    sizeof(c->p.salt));
			snprintf((char *)c->p.check, sizeof(c->p.check), "%s",
			    chk);
			c->p.ops = (unsigned long long)
			    sqlite3_column_int64(st, 4);
			c->p.mem = (size_t)sqlite3_column_int64(st, 5);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? ally_errorf(err, EX_SOFTWARE,
		    "no network %lld", c->net) : db_error(db, rc, err,
		    "network");
	return params_ok(c, err);
}

/* The key state of the network on the connection, read once. */
static struct netkey *
netkey_of(sqlite3 *db, long long net, struct ally_error *err)
{
	struct conn *c = conn_of(db);
	struct netkey *k;

	if (c == NULL) {
		ally_errorf(err, EX_SOFTWARE, "crypto: no connection");
		return NULL;
	}
	for (k = c->keys; k != NULL; k = k->next)
		if (k->net == net)
			return k;
	/* Only now: a command that reads no identity never pays for it. */
	if (sodium_init() < 0) {
		ally_errorf(err, EX_SOFTWARE, "libsodium: cannot initialise");
		return NULL;
	}
	if ((k = calloc(1, sizeof(*k))) == NULL ||
	    (k->key = sodium_malloc(2 * CRYPTO_KEY_BYTES)) == NULL) {
		free(k);
		oom(err);
		return NULL;
	}
	k->net = net;
	if (netkey_read(db, k, err) != 0) {
		sodium_free(k->key);
		free(k);
		return NULL;
	}
	k->next = c->keys;
	c->keys = k;
	return k;
}

/* ---- values ------------------------------------------------------------ */

int
crypto_is_sealed(const char *v)
{
	return v != NULL && strncmp(v, MARK, MARK_LEN) == 0;
}

int
crypto_sealed_ok(const char *v, size_t bytes, size_t maxlen)
{
	size_t b = NONCE + maxlen + TAG, i;

	if (maxlen > 0 && bytes > MARK_LEN + b / 3 * 4 + (b % 3 ? b % 3 + 1 :
	    0))
		return 0;
	if (bytes < MARK_LEN + (NONCE + TAG) * 4 / 3)
		return 0;
	for (i = MARK_LEN; i < bytes; i++)
		if (!isalnum((unsigned char)v[i]) && v[i] != '-' && v[i] != '_')
			return 0;
	return 1;
}

static void
ad_make(char *buf, size_t len, long long net, const char *tag, long long id)
{
	snprintf(buf, len, "%lld:%s:%lld", net, tag, id);
}

static int
seal_with(const unsigned char *key, long long net, const char *tag,
    long long id, const char *plain, char **out)
{
	size_t n = strlen(plain), blen = NONCE + n + TAG, tlen;
	unsigned char *b;
	char ad[160];

	*out = NULL;
	if ((b = malloc(blen)) == NULL)
		return -1;
	ad_make(ad, sizeof(ad), net, tag, id);
	randombytes_buf(b, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(b + NONCE, NULL,
	    (const unsigned char *)plain, n, (const unsigned char *)ad,
	    strlen(ad), NULL, b, key);
	tlen = sodium_base64_ENCODED_LEN(blen,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	if ((*out = malloc(MARK_LEN + tlen)) != NULL) {
		memcpy(*out, MARK, MARK_LEN);
		sodium_bin2base64(*out + MARK_LEN, tlen, b, blen,
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	}
	free(b);
	return *out != NULL ? 0 : -1;
}

/* The value in the clear, malloc'd: 0; -1 when it does not open. */
static int
open_with(const unsigned char *key, long long net, const char *tag,
    long long id, const char *v, char **out)
{
	size_t vlen = strlen(v), blen;
	unsigned long long plen;
	unsigned char *b;
	char ad[160];
	int rc = -1;

	*out = NULL;
	if (!crypto_is_sealed(v) || (b = malloc(vlen)) == NULL)
		return -1;
	if (sodium_base642bin(b, vlen, v + MARK_LEN, vlen - MARK_LEN, NULL,
	    &blen, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
	    blen >= NONCE + TAG && (*out = malloc(blen - NONCE - TAG + 1)) !=
	    NULL) {
		ad_make(ad, sizeof(ad), net, tag, id);
		rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
		    (unsigned char *)*out, &plen, NULL, b + NONCE,
		    blen - NONCE, (const unsigned char *)ad, strlen(ad), b,
		    key);
		if (rc == 0)
			(*out)[plen] = '\0';
		else {
			free(*out);
			*out = NULL;
		}
	}
	free(b);
	return rc == 0 ? 0 : -1;
}

static int
key_checks(const struct netkey *c, const unsigned char *key,
    const struct crypto_params *p)
{
	char *s;
	int rc;

	if (open_with(key, c->net, "network.key", c->net, (const char *)
	    p->check, &s) != 0)
		return -1;
	rc = strcmp(s, CHECK_TEXT) == 0 ? 0 : -1;
	free(s);
	return rc;
}

/* ---- key files --------------------------------------------------------- */

int
crypto_key_path(const char *name, char *buf, size_t len,
    struct ally_error *err)
{
	const char *s = getenv("ALLY_KEY_FILE"), *home;
	size_t n;

	if (s != NULL && *s != '\0')
		n = snprintf(buf, len, "%s", s);
	else {
		if ((s = getenv("XDG_CONFIG_HOME")) != NULL && s[0] == '/')
			n = snprintf(buf, len, "%s/ally/", s);
		else if ((home = getenv("HOME")) != NULL && home[0] == '/')
			n = snprintf(buf, len, "%s/.config/ally/", home);
		else
			return ally_errorf(err, EX_NOPERM, "no key file: set "
			    "HOME, XDG_CONFIG_HOME or ALLY_KEY_FILE");
		/* The network's name, with what a file name cannot hold. */
		for (; *name != '\0' && n < len; name++)
			n += snprintf(buf + n, len - n, strchr("/%\\", *name) ||
			    (unsigned char)*name < ' ' ? "%%%02X" : "%c",
			    (unsigned char)*name);
		if (n < len)
			n += snprintf(buf + n, len - n, ".key");
	}
	if (n >= len)
		return ally_errorf(err, EX_USAGE, "key file path too long");
	return 0;
}

/* 1 read into key, 0 no such file, -1 refused (77). */
static int
key_file_read(const char *path, unsigned char *key, struct ally_error *err)
{
	char buf[KEYFILE_LEN + 1];
	struct stat sb;
	ssize_t n;
	size_t len;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return errno == ENOENT ? 0 : ally_errorf(err, EX_NOPERM,
		    "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return ally_errorf(err, EX_NOPERM, "%s: not a key file", path);
	}
	if ((sb.st_mode & 077) != 0 || sb.st_uid != geteuid()) {
		close(fd);
		return ally_errorf(err, EX_NOPERM, "%s: the key file is open "
		    "to others (mode %03o); it must be yours and 0600 "
		    "(chmod 600)", path, (unsigned)(sb.st_mode & 0777));
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n != (ssize_t)KEYFILE_LEN || strncmp(buf, KEYFILE_HEAD,
	    sizeof(KEYFILE_HEAD) - 1) != 0 || buf[KEYFILE_LEN - 1] != '\n' ||
	    sodium_hex2bin(key, CRYPTO_KEY_BYTES, buf + sizeof(KEYFILE_HEAD) -
	    1, 2 * CRYPTO_KEY_BYTES, NULL, &len, NULL) != 0 ||
	    len != CRYPTO_KEY_BYTES) {
		sodium_memzero(buf, sizeof(buf));
		return ally_errorf(err, EX_NOPERM, "%s: not an ally key file "
		    "(truncated or of something else)", path);
	}
	sodium_memzero(buf, sizeof(buf));
	return 1;
}

/* A key file, then one left by an interrupted rotation (".new"). */
static int
key_from_file(struct netkey *c, const char *path, struct ally_error *err)
{
	char next[4096 + 8];
	int rc;

	if ((rc = key_file_read(path, c->key, err)) <= 0)
		return rc;
	if (key_checks(c, c->key, &c->p) == 0)
		return 1;
	snprintf(next, sizeof(next), "%s.new", path);
	if (key_file_read(next, c->key, err) == 1 &&
	    key_checks(c, c->key, &c->p) == 0)
		return 1;
	return ally_errorf(err, EX_NOPERM, "%s: not the key of network %s",
	    path, c->name);
}

static int
derive(const char *pass, const struct crypto_params *p, unsigned char *key,
    struct ally_error *err)
{
	if (crypto_pwhash(key, CRYPTO_KEY_BYTES, pass, strlen(pass), p->salt,
	    p->ops, p->mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory for the "
		    "passphrase (Argon2id needs %zu MiB)", p->mem >> 20);
	return 0;
}

/* The key of a file, else of the passphrase: 0, or -1 with why. */
static int
load_key(struct netkey *c, struct ally_error *err)
{
	const char *pass = getenv("ALLY_PASSPHRASE");
	char path[4096];
	int rc;

	if (c->have_key || c->p.kind == CRYPTO_PLAIN)
		return 0;
	if (c->tried) {
		*err = c->why;
		return -1;
	}
	c->tried = 1;
	if ((rc = crypto_key_path(c->name, path, sizeof(path), &c->why)) == 0)
		rc = key_from_file(c, path, &c->why);
	if (rc == 0 && c->p.kind == CRYPTO_PASSPHRASE) {
		if (pass == NULL || *pass == '\0')
			rc = ally_errorf(&c->why, EX_NOPERM, "the identities "
			    "of network %s are encrypted: this needs its "
			    "passphrase (ALLY_PASSPHRASE) or its key file %s",
			    c->name, path);
		else if ((rc = derive(pass, &c->p, c->key, &c->why)) == 0 &&
		    (rc = key_checks(c, c->key, &c->p)) != 0)
			ally_errorf(&c->why, EX_NOPERM, "wrong passphrase for "
			    "network %s", c->name);
		else if (rc == 0)
			rc = 1;
	} else if (rc == 0)
		rc = ally_errorf(&c->why, EX_NOPERM, "the identities of "
		    "network %s are encrypted: this needs its key file %s",
		    c->name, path);
	if (rc < 0) {
		sodium_memzero(c->key, CRYPTO_KEY_BYTES);
		*err = c->why;
		return -1;
	}
	c->have_key = 1;
	return 0;
}

/* ---- the SQL function ------------------------------------------------ */

static void
free_plain(void *p)
{
	sodium_memzero(p, strlen(p));
	free(p);
}

static void
plain_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	struct netkey *k;
	const char *v, *tag;
	struct ally_error e;
	long long id;
	char msg[256], *out;

	(void)argc;
	v = (const char *)sqlite3_value_text(argv[0]);
	if (!crypto_is_sealed(v)) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	tag = (const char *)sqlite3_value_text(argv[1]);
	id = sqlite3_value_int64(argv[2]);
	if ((k = netkey_of(db, sqlite3_value_int64(argv[3]), &e)) == NULL ||
	    load_key(k, &e) != 0) {
		sqlite3_result_error(ctx, e.msg, -1);
		sqlite3_result_error_code(ctx, e.code == EX_NOPERM ?
		    SQLITE_AUTH : e.code == EX_DATAERR ? SQLITE_CORRUPT :
		    SQLITE_ERROR);
		return;
	}
	if (tag == NULL || open_with(k->key, k->net, tag, id, v, &out) != 0) {
		snprintf(msg, sizeof(msg), _("damaged database: %s of row "
		    "%lld does not open with the network's key (moved from "
		    "another row, or altered)"), tag ? tag : "?", id);
		sqlite3_result_error(ctx, msg, -1);
		sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
		return;
	}
	sqlite3_result_text(ctx, out, -1, free_plain);
}

int
crypto_attach(sqlite3 *db, struct ally_error *err)
{
	struct conn *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return oom(err);
	c->db = db;
	c->next = conns;
	conns = c;
	if (sqlite3_create_function_v2(db, "ally_plain", 4, SQLITE_UTF8, c,
	    plain_fn, NULL, NULL, conn_free) != SQLITE_OK)
		return db_error(db, sqlite3_errcode(db), err, "ally_plain");
	return 0;
}

/* ---- the network's key ------------------------------------------------ */

int
crypto_sealed(sqlite3 *db, long long net, struct ally_error *err)
{
	struct netkey *k;

	if ((k = netkey_of(db, net, err)) == NULL)
		return -1;
	return (int)(k->have_new ? k->newp.kind : k->p.kind);
}

int
crypto_need_key(sqlite3 *db, long long net, struct ally_error *err)
{
	struct netkey *k;

	if ((k = netkey_of(db, net, err)) == NULL)
		return -1;
	return load_key(k, err);
}

int
crypto_seal(sqlite3 *db, long long net, const char *tag, long long id,
    const char *plain, char **out, struct ally_error *err)
{
	struct netkey *k;

	if ((k = netkey_of(db, net, err)) == NULL ||
	    (!k->have_new && load_key(k, err) != 0))
		return -1;
	if (seal_with(k->key + (k->have_new ? CRYPTO_KEY_BYTES : 0), net,
	    tag, id, plain, out) != 0)
		return oom(err);
	return 0;
}

int
crypto_bind(sqlite3_stmt *st, int k, long long net, const char *tag,
    long long id, const char *plain, struct ally_error *err)
{
	sqlite3 *db = sqlite3_db_handle(st);
	char *ct;
	int sealed;

	if (plain == NULL || *plain == '\0' ||
	    (sealed = crypto_sealed(db, net, err)) == 0)
		return db_bind_text(st, k, plain) == SQLITE_OK ? 0 :
		    db_error(db, sqlite3_errcode(db), err, tag);
	if (sealed < 0 || crypto_seal(db, net, tag, id, plain, &ct, err) != 0)
		return -1;
	sqlite3_bind_text(st, k, ct, -1, free);
	return 0;
}

int
crypto_new_key(sqlite3 *db, long long net, enum crypto_kind kind,
    const char *pass, struct crypto_params *p, struct ally_error *err)
{
	struct netkey *k;
	unsigned char *key;
	char *chk;

	if ((k = netkey_of(db, net, err)) == NULL)
		return -1;
	key = k->key + CRYPTO_KEY_BYTES;
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	if (kind == CRYPTO_PASSPHRASE) {
		if (pass == NULL || *pass == '\0')
			return ally_errorf(err, EX_USAGE, "a passphrase is "
			    "needed (ALLY_PASSPHRASE, or ALLY_NEW_PASSPHRASE "
			    "for a new one)");
		randombytes_buf(p->salt, sizeof(p->salt));
		p->ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
		p->mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
		if (derive(pass, p, key, err) != 0)
			return -1;
	} else
		crypto_aead_xchacha20poly1305_ietf_keygen(key);
	if (seal_with(key, net, "network.key", net, CHECK_TEXT, &chk) != 0)
		return oom(err);
	snprintf((char *)p->check, sizeof(p->check), "%s", chk);
	free(chk);
	k->newp = *p;
	k->have_new = 1;
	return 0;
}

int
crypto_switch(sqlite3 *db, long long net, struct ally_error *err)
{
	struct netkey *k;

	if ((k = netkey_of(db, net, err)) == NULL)
		return -1;
	if (!k->have_new)
		return 0;
	memcpy(k->key, k->key + CRYPTO_KEY_BYTES, CRYPTO_KEY_BYTES);
	sodium_memzero(k->key + CRYPTO_KEY_BYTES, CRYPTO_KEY_BYTES);
	k->p = k->newp;
	k->have_key = 1;
	k->have_new = 0;
	return 0;
}

/* The directory of path, made 0700 when it is missing. */
static int
key_dir(const char *path, struct ally_error *err)
{
	char dir[4096], *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	if ((slash = strrchr(dir, '/')) == NULL || slash == dir)
		return 0;
	*slash = '\0';
	/* ~/.config itself may be missing too. */
	if (mkdir(dir, 0700) != 0 && errno == ENOENT &&
	    (slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		(void)mkdir(dir, 0700);
		*slash = '/';
		(void)mkdir(dir, 0700);
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return ally_errorf(err, errno == EACCES ? EX_NOPERM :
		    EX_CANTCREAT, "%s: %s", dir, strerror(errno));
	return 0;
}

int
crypto_key_write(sqlite3 *db, long long net, int old, const char *path,
    struct ally_error *err)
{
	struct netkey *c;
	char buf[KEYFILE_LEN + 1];
	int fd, ok;

	if ((c = netkey_of(db, net, err)) == NULL ||
	    (old && load_key(c, err) != 0))
		return -1;
	if (key_dir(path, err) != 0)
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) < 0)
		return ally_errorf(err, errno == EACCES ? EX_NOPERM :
		    EX_CANTCREAT, "%s: %s", path, strerror(errno));
	memcpy(buf, KEYFILE_HEAD, sizeof(KEYFILE_HEAD) - 1);
	sodium_bin2hex(buf + sizeof(KEYFILE_HEAD) - 1, 2 * CRYPTO_KEY_BYTES +
	    1, c->key + (old ? 0 : CRYPTO_KEY_BYTES), CRYPTO_KEY_BYTES);
	buf[KEYFILE_LEN - 1] = '\n';
	ok = write(fd, buf, KEYFILE_LEN) == (ssize_t)KEYFILE_LEN &&
	    fsync(fd) == 0;
	sodium_memzero(buf, sizeof(buf));
	if (close(fd) != 0 || !ok) {
		unlink(path);
		return ally_errorf(err, EX_IOERR, "%s: cannot write the key",
		    path);
	}
	return 0;
}
