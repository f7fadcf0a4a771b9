/*
 * keys.h: the keys of a network whose identities are encrypted
 * (keys.c; ally-add -k): encrypting a network, a new key, the key
 * written out for a second coordinator.  Included by ally.h.
 */
#ifndef ALLY_KEYS_H
#define ALLY_KEYS_H

#include "core.h"
#include "opt.h"

/* What ally-add -k does. */
enum keys_action {
	KEYS_FILE,		/* encrypt under a new key file */
	KEYS_PASSPHRASE,	/* encrypt under a passphrase */
	KEYS_ROTATE,		/* a new key, every identity sealed again */
	KEYS_EXPORT		/* the key into a new file */
};

/* The action of the word (file, passphrase, rotate, export): 0, or -1. */
int	 keys_action(const char *, enum keys_action *, struct ally_error *);
/*
 * Do it in one write session on the network of o (made first with
 * create), audited; file is the export's.  Encrypting and rotating
 * rewrite every member, then vacuum the file and truncate its write-
 * ahead log, so that no byte of the old values stays in either.
 */
int	 keys_run(const struct ally_opts *, enum keys_action, int,
	    const char *, void (*)(const char *, ...), struct ally_error *);

#endif /* ALLY_KEYS_H */
