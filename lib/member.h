/*
 * member.h: the members of a network (person.c) and what protects their
 * identities (privacy.c).  The member-name check on stored text is
 * names.h's.
 */
#ifndef ALLY_MEMBER_H
#define ALLY_MEMBER_H

#include "core.h"

/* ---- person.c -------------------------------------------------------- */

#define PERSON_IDENTITIES	0x01	/* include name, phone, email */
#define PERSON_SPECIAL		0x02	/* include gender, background, religion */

/*
 * Apply one person record (insert, or update matched by id or alias) in
 * the open transaction.  *changed is set to "added", "updated" or
 * "unchanged".
 */
int	 person_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, const char **, long long *,
	    struct ally_error *);
/*
 * The members one input has written, so that a second record for one of
 * them is refused: two records with one alias, or a new member's alias
 * given again, would merge two people into one (the first's name lost).
 */
struct person_seen {
	struct {
		long long	 id;
		unsigned long	 line;	/* of the record that gave it */
	}		*v;
	size_t		 n, cap;
};
/* Note member id for record r; 65 when the input gave it before. */
int	 person_seen_add(struct person_seen *, const struct record *,
	    long long, struct ally_error *);
void	 person_seen_free(struct person_seen *);
int	 person_count_allies(sqlite3 *, long long, int *,
	    struct ally_error *);
/* Look up an alias in a network: 1 found (*id set), 0 not, -1 error. */
int	 person_by_alias(sqlite3 *, long long, const char *, long long *,
	    struct ally_error *);
/*
 * The aliases of a network and their person ids, read in one query and
 * sorted, for an ingest that looks one up per record.
 */
struct alias_map {
	struct alias_entry {
		char		*alias;
		long long	 id;
	}		*v;
	size_t		 n;
};
int	 person_alias_map(sqlite3 *, long long, struct alias_map *,
	    struct ally_error *);
void	 alias_map_free(struct alias_map *);
/* person_by_alias through net->aliases when it is set. */
int	 person_lookup(sqlite3 *, const struct network *, const char *,
	    long long *, struct ally_error *);
/* A person as a record, with the fields the flags allow. */
struct record *person_record(sqlite3_stmt *, int);
/*
 * The SELECT that person_record reads (?1 the network, ?2 a status and
 * ?3 a role or NULL), ordered by alias; NULL and err when it cannot be
 * made.
 */
const char *person_select_sql(struct ally_error *);
/*
 * Erasure of a member's identity, made from the identifying fields of
 * the member table: clear them and set erased to the date, in the open
 * transaction (privacy.c checks who may be erased and audits it).
 */
int	 person_erase(sqlite3 *, long long, const char *,
	    struct ally_error *);
/* The SQL condition "the person row still has an identity to erase". */
const char *person_identity_test(struct ally_error *);
/*
 * Every member of the network stored again: read in the clear (with
 * the network's key, or plain text), written sealed with its new key
 * (crypto_new_key).  *n the members rewritten.
 */
int	 person_reseal(sqlite3 *, long long, long *, struct ally_error *);

/* ---- privacy.c: contact list, audit, erasure, retention, backups ------ */

/* Columns of the printed and CSV contact list (the vCard adds email). */
extern const char *const privacy_contact_fields[];
/* The same and "share" (yes/no): the coordinator's call list. */
extern const char *const privacy_call_fields[];
/* Columns of who a list leaves out: alias role reason. */
extern const char *const privacy_left_out_fields[];

/*
 * Who a contact list is for: the coordinator's call list (every active
 * member, an ally without contact_consent marked share: no) or, with
 * group, the list the group shares (allies only with contact_consent);
 * and a selection (NULL: any) by role, sector, or a word of community.
 */
struct contact_select {
	int		 group;
	const char	*role, *sector, *community;
};

/*
 * A contact list: v the members on it (alias name role function phone
 * email network share), left who is not and why (alias role reason:
 * not-selected, paused, no-consent), both in the list's order.
 */
struct contacts {
	const struct contact_select *sel;
	struct record	**v, **left;
	size_t		  n, cap, nleft, capleft;
};

/*
 * The list of c->sel with identities: the active allies, then active
 * police and municipality staff; paused members and those outside the
 * selection in c->left.  c->sel stays; the rest is filled.
 */
int	 privacy_contacts(sqlite3 *, const struct network *, struct contacts *,
	    struct ally_error *);
void	 privacy_contacts_free(struct contacts *);
void	 privacy_records_free(struct record **, size_t);
/* Which audit entries: each NULL member of the filter lets all through. */
struct audit_filter {
	const char	*network;
	const char	*kind;		/* privacy_audit_kinds */
	const char	*member;	/* an alias */
	const char	*since, *until;	/* dates of the entries, inclusive */
};
/* The kinds of audit entries (db.c's), NULL-terminated. */
extern const char *const privacy_audit_kinds[];
/* The audit log, oldest first, as far as the filter (or NULL) lets through. */
int	 privacy_audit_each(sqlite3 *, const struct audit_filter *,
	    int (*)(const struct record *, void *, struct ally_error *),
	    void *, struct ally_error *);
/*
 * The audit log as records of privacy_audit_fields, on fp in a format,
 * as far as the filter (or NULL) lets through.
 */
int	 privacy_audit_write(FILE *, sqlite3 *, const struct audit_filter *,
	    enum format, struct ally_error *);
/*
 * Erase the identity of a member who has left (by alias), in the open
 * transaction, and audit it as the given command.  *out: what is left
 * of the member (id alias role status left erased change), change
 * "erased" or "unchanged" when there was nothing left to erase.
 */
int	 privacy_erase(sqlite3 *, const struct network *, const char *,
	    day_t, const char *, struct record **, struct ally_error *);
/* Erase each member who left more than the months ago, in the transaction. */
int	 privacy_retention(sqlite3 *, const struct network *, int, day_t,
	    const char *, struct record ***, size_t *, struct ally_error *);
/* After erasure, outside a transaction: empty the write-ahead log. */
int	 privacy_checkpoint(sqlite3 *, struct ally_error *);
/*
 * The same after the commit, whose exit status must stay 0 (a job that
 * retries on failure would store twice): a log that could not be
 * emptied is said through warn; the next run of the command tries again.
 */
void	 privacy_checkpoint_committed(sqlite3 *, void (*)(const char *, ...));
/* A consistent copy of the database into a new file, 0600; audited. */
int	 privacy_backup(sqlite3 *, const char *, const char *,
	    struct ally_error *);

#endif /* ALLY_MEMBER_H */
