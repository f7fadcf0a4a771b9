/*
 * row.h: one stored row of a record type's table while a record is
 * applied (row.c), driven by the field tables of fields.h: load the row
 * by the table's columns, overlay a record's fields on it with the
 * table's checks and the one meaning of empty, compare, and store it
 * with the INSERT or UPDATE made from the same columns.  person.c,
 * action.c and meeting.c (venues and meetings) use it.  Included from
 * ally.h.
 */
#ifndef ALLY_ROW_H
#define ALLY_ROW_H

#include "core.h"

#define ROW_MAX		24	/* fields of a table at most */
#define ROW_SQL_MAX	1024	/* bytes of one generated statement */
#define ROW_WORD	16	/* a role, status or host with its NUL */

/* A row's values by the table's field index; NULL is empty. */
struct row {
	long long	 id;
	char		*v[ROW_MAX];
	long long	 ref[ROW_MAX];	/* a ..._id column's person id, or 0 */
};

struct row_apply;

/* What a module says about its table; the statements are made once. */
struct row_spec {
	const struct record_def	*def;
	const char		*what;	/* "a venue" for unknown, or NULL */
	const char		*unknown;	/* [what,] field list */
	unsigned		 text_kinds;	/* ROW_KIND(): valid_text */
	unsigned		 len_kinds;	/* ROW_KIND(): at most maxlen */
	/*
	 * The module's own check of field i with value *v (NULL: empty),
	 * after the text checks: -1 refused, 0 go on with the kind's check
	 * and store *v, 1 done (stored or kept by the hook).
	 */
	int		(*field)(struct row_apply *, int, const char **,
			    struct ally_error *);
	/* By field index: why an empty value is refused, or NULL. */
	const char *const	*empty;
	/* One more column: the INSERT's, the UPDATE's "col = ?%d". */
	const char		*extra_col;
	const char		*extra_set;
	char			 sql[3][ROW_SQL_MAX];	/* made by row.c */
};

#define ROW_KIND(k)	(1u << (k))

/*
 * The spec of a table of one-line texts (contacts, topics, replies), after
 * its .def: the "unknown field" message u, the module's check f, the
 * reasons e an empty field is refused.
 */
#define ROW_SPEC_LINES(u, f, e)	.unknown = (u), \
	.text_kinds = ROW_KIND(FK_TEXT), .len_kinds = ROW_KIND(FK_TEXT), \
	.field = (f), .empty = (e)

/* One record being applied to a row. */
struct row_apply {
	struct row_spec		*spec;
	sqlite3			*db;
	const struct network	*net;
	const struct record	*r;
	struct row		*row;		/* the new values */
	const struct row	*old;		/* the stored ones, or NULL */
	struct row		*old_row;	/* where they are loaded */
	day_t			 today;
	void			*arg;		/* the module's */
	char			 buf[64];	/* a hook's normalised value */
};

/*
 * One row by (network_id, key) of sql, which selects an id and one or
 * two words: 1 found (*id, a, b set), 0 not, -1 error.
 */
int	 row_find(sqlite3 *, const char *, long long, const char *,
	    long long *, char [ROW_WORD], char [ROW_WORD], struct ally_error *);
/* A statement's first n columns into the record, NULL as empty. */
int	 row_columns(sqlite3_stmt *, struct record *, const char *const *,
	    int, unsigned long);
/*
 * A listing's SELECT, made once into buf (empty until then): a column
 * for each field of the table that has one, in the table's order and
 * named as the field (the network's name, a member's alias for a
 * person's id, yes or no for a boolean), then extra (", col, ..." or
 * ""), FROM the table t JOIN network n, then tail (joins, WHERE, ORDER
 * BY).  buf, or NULL when it is too short.
 */
#define ROW_SELECT_MAX	2048
const char *row_select(const struct record_def *, const char *,
	    const char *, char *, size_t, struct ally_error *);
/*
 * After row_begin: the record's network checked and, when it gives an
 * id, that row of the network loaded into old (a->old) and copied into
 * the row: 1; no id: 0; -1 with "no WHAT ID in network N" when the
 * network has no such row.
 */
int	 row_load_given(struct row_apply *, struct row *, const char *,
	    struct ally_error *);
/*
 * row_select's statement (no extra columns, tail as there) prepared, the
 * network's id bound to ?1: a module's listing of its rows.
 */
int	 row_query(sqlite3 *, const struct record_def *, const char *, char *,
	    size_t, long long, sqlite3_stmt **, struct ally_error *);
/* A member by alias: the id, role and status (of ROW_WORD bytes). */
#define ROW_MEMBER_SQL	"SELECT id, role, status FROM person WHERE " \
	"network_id = ? AND alias = ?"

/* Start applying r to row (from old, when stored): both emptied. */
void	 row_begin(struct row_apply *, struct row_spec *, sqlite3 *,
	    const struct network *, const struct record *, struct row *,
	    struct row *, day_t);
/*
 * Store a->row unless it is the same as a->old: *changed "unchanged",
 * "updated" or "added", *idp its id; extra as for row_store.
 */
int	 row_write(struct row_apply *, const char *, const char **,
	    long long *, struct ally_error *);
/*
 * The end of applying a record: when rc is 0, row_write (no extra);
 * both rows of row_begin freed.  rc, or row_write's.
 */
int	 row_end(struct row_apply *, int, const char **, long long *,
	    struct ally_error *);
void	 row_free(struct row *);
int	 row_set(struct row *, int, const char *);
int	 row_copy(struct row *, const struct row *);
/* The record's network is this one (or not given). */
int	 row_network(const struct record *, const struct network *,
	    struct ally_error *);
/* The record's id: 0 and *id set, or 0 and *id 0 when absent; -1. */
int	 row_id(const struct record *, long long *, struct ally_error *);
/* The stored row of the network: 1 loaded, 0 no such row, -1 error. */
int	 row_load(sqlite3 *, struct row_spec *, long long, long long,
	    struct row *, struct ally_error *);
/*
 * Every field of the record known (an unknown one is said before
 * anything else) and one value, its text valid and its enumeration one
 * of the values: the checks that need no row.
 */
int	 row_check(struct row_apply *, struct ally_error *);
/* The same, then the record's fields on a->row, in the record's order. */
int	 row_overlay(struct row_apply *, struct ally_error *);
/* A bit per stored field (by index) whose value differs. */
unsigned long row_diff(const struct row_spec *, const struct row *,
	    const struct row *);
/*
 * Insert the row (then row->id is set) or update the stored one of the
 * network; extra is the value of the spec's extra column.
 */
int	 row_store(sqlite3 *, struct row_spec *, long long, struct row *,
	    int, const char *, struct ally_error *);
/* The ids of the network's rows of a table, in order, malloc'd. */
int	 row_ids(sqlite3 *, const char *, long long, long long **, size_t *,
	    struct ally_error *);
/*
 * Every row of the network in the spec's table read in the clear and
 * written again, its identifying fields sealed with the network's new
 * key (crypto_new_key) or, on a plain network, as they are; *n the rows.
 * The owner of the table calls it (person_reseal, contact_reseal,
 * reply_reseal).
 */
int	 row_reseal(sqlite3 *, struct row_spec *, long long, long *,
	    struct ally_error *);

/*
 * Erasure: the identifying fields of the table d cleared in the rows
 * whose column (with_id, person_id) is the person's.
 */
int	 row_erase(sqlite3 *, const struct record_def *, const char *,
	    long long, struct ally_error *);

#endif /* ALLY_ROW_H */
