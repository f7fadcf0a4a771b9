/*
 * crypto.h: identities encrypted at rest (crypto.c, libsodium).
 *
 * A network's identifying fields (FIELD_IDENTIFYING in the field tables,
 * yes/no fields excepted) are stored as XChaCha20-Poly1305 ciphertext
 * under the network's key, with the network, the table, the column and
 * the row bound as associated data.  The key is never in the database:
 * it is a key file (0600, in the XDG configuration directory) or derived
 * from a passphrase (Argon2id); the database holds only the salt and a
 * check value that tells a wrong key.
 *
 * Every connection has the SQL function ally_plain(value, 'table.column',
 * id, network_id): the value in the clear.  Text written before the network was
 * encrypted passes through; ciphertext needs the key, which is loaded on
 * the first value that needs it, so that what reads no identity never
 * pays for it.  Without the key the statement fails with SQLITE_AUTH
 * (exit 77); a value that does not decrypt with the right key (moved to
 * another row, altered) with SQLITE_CORRUPT (65).
 */
#ifndef ALLY_CRYPTO_H
#define ALLY_CRYPTO_H

#include "core.h"

#define CRYPTO_KEY_BYTES	32

/* How a network's key is kept. */
enum crypto_kind {
	CRYPTO_PLAIN,		/* not encrypted */
	CRYPTO_KEYFILE,		/* a key file */
	CRYPTO_PASSPHRASE	/* Argon2id of a passphrase */
};

/* What the network row holds of its key (network.c stores it). */
struct crypto_params {
	enum crypto_kind	kind;
	unsigned char		salt[16];
	unsigned long long	ops;		/* Argon2id's limits */
	size_t			mem;
	unsigned char		check[128];	/* the check value, as text */
};

/* The function ally_plain on a new connection (db_open). */
int	 crypto_attach(sqlite3 *, struct ally_error *);
/*
 * How the network's identities are encrypted: its enum crypto_kind
 * (CRYPTO_PLAIN, 0, when they are not), or -1.
 */
int	 crypto_sealed(sqlite3 *, long long, struct ally_error *);
/* The network's key loaded and checked now: 0, or -1 (77 and why). */
int	 crypto_need_key(sqlite3 *, long long, struct ally_error *);
/*
 * The ciphertext of a value of the network's table.column
 * ("person.name") of row id, as the column stores it (text), malloc'd
 * into *out.
 */
int	 crypto_seal(sqlite3 *, long long, const char *, long long,
	    const char *, char **, struct ally_error *);
/*
 * Bind, as parameter k of st, a value of the network's table.column of
 * row id as the column stores it: sealed when the network's identities
 * are encrypted (with its new key during a rotation), else as it is;
 * NULL or empty binds NULL.
 */
int	 crypto_bind(sqlite3_stmt *, int, long long, const char *, long long,
	    const char *, struct ally_error *);
/* 1 when a stored value is ciphertext. */
int	 crypto_is_sealed(const char *);
/*
 * 1 when the ciphertext v (of so many bytes) is well formed and no
 * longer than the ciphertext of maxlen bytes in the clear (0: any): what
 * validate.c checks of a sealed column, without the key.
 */
int	 crypto_sealed_ok(const char *, size_t, size_t);
/*
 * A new key for the network: from a passphrase (CRYPTO_PASSPHRASE, a new
 * salt) or random (CRYPTO_KEYFILE); *p gets what the network row is to
 * hold.  Values sealed from now on use it; values read still open with
 * the old key until crypto_switch.
 */
int	 crypto_new_key(sqlite3 *, long long, enum crypto_kind,
	    const char *, struct crypto_params *, struct ally_error *);
/* The new key becomes the key: after the old values are rewritten. */
int	 crypto_switch(sqlite3 *, long long, struct ally_error *);
/*
 * The SQL expression of a column in the clear: PLAIN("p", "person",
 * "name") reads p.name of the row p.
 */
#define CRYPTO_PLAIN(t, table, c)	"ally_plain(" t "." c ", '" table \
	"." c "', " t ".id, " t ".network_id)"
/*
 * The key file of a network: $ALLY_KEY_FILE, else
 * ${XDG_CONFIG_HOME:-~/.config}/ally/NAME.key (the name escaped).
 */
int	 crypto_key_path(const char *, char *, size_t, struct ally_error *);
/*
 * Write the network's new key (or, with old, its current one) to a
 * new file of mode 0600, its directory made 0700; an existing file is
 * refused (73).
 */
int	 crypto_key_write(sqlite3 *, long long, int, const char *,
	    struct ally_error *);

/* network.c: the network row's part of the key (the one writer). */
int	 network_store_key(sqlite3 *, long long, const struct crypto_params *,
	    struct ally_error *);

#endif /* ALLY_CRYPTO_H */
