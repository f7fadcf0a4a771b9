/*
 * network.h: walking the networks of a file (network.c).  Included from
 * ally.h, after struct network.
 */
#ifndef ALLY_NETWORK_H
#define ALLY_NETWORK_H

/*
 * Call fn for every network in the file, in name order, until it
 * returns non-zero (then -1, with err as fn left it).  The networks are
 * read before the first call, so fn may write to the database.
 */
int	 network_each(sqlite3 *,
	    int (*)(const struct network *, void *, struct ally_error *),
	    void *, struct ally_error *);

#endif /* ALLY_NETWORK_H */
