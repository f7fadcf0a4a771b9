/*
 * network_list.h: the networks of a database file, with how many sit at
 * each table (network_list.c; ally-add -W).  Included by ally.h.
 */
#ifndef ALLY_NETWORK_LIST_H
#define ALLY_NETWORK_LIST_H

#include "core.h"

/* Fields of a network record of the list: counts only, never a person. */
extern const char *const network_list_fields[];

/* Every network of the file, by name, as records in f to fp. */
int	 network_list_write(sqlite3 *, FILE *, enum format,
	    struct ally_error *);

#endif /* ALLY_NETWORK_LIST_H */
