/*
 * ally.h: the public interface of libally, shared by the six commands.
 *
 * The library never prints and never exits: every function that can fail
 * takes a struct ally_error, fills it and returns -1 (or NULL).  Commands
 * report the message and choose the exit status from err->code, which is
 * always a sysexits.h value.
 */
#ifndef ALLY_H
#define ALLY_H

#include <stddef.h>
#include <stdio.h>
#include <sysexits.h>

#include <sqlite3.h>

#define ALLY_VERSION	"0.1.0"

/* At most this many allies (candidate or active) sit at one table. */
#define ALLY_MAX_ALLIES	15
/* Longest value accepted from any input, in bytes. */
#define ALLY_MAX_VALUE	65536
/* Most fields in one record. */
#define ALLY_MAX_FIELDS	4096

/* ---- error.c -------------------------------------------------------- */

struct ally_error {
	int	code;		/* sysexits.h; 0 when no error */
	char	msg[1024];
};

int	 ally_errorf(struct ally_error *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	 ally_error_at(struct ally_error *, int, const char *, unsigned long,
	    const char *, const char *, ...)
	    __attribute__((format(printf, 6, 7)));
void	 ally_error_clear(struct ally_error *);

/* ---- record.c: one in-memory record type for everything that flows --- */

enum value_kind {
	VAL_NULL,		/* absent or empty */
	VAL_SCALAR,		/* a string */
	VAL_LIST,		/* a list of strings */
	VAL_RECORDS		/* a list of nested records */
};

struct record;

struct field {
	char		 *key;
	enum value_kind	  kind;
	char		 *value;	/* VAL_SCALAR */
	int		  quoted;	/* read as a quoted scalar */
	char		**items;	/* VAL_LIST */
	size_t		  nitems;
	struct record	**recs;		/* VAL_RECORDS */
	size_t		  nrecs;
	unsigned long	  line, column;	/* where it was read; 0 if built */
};

struct record {
	struct field	*fields;
	size_t		 nfields, cap;
	const char	*file;		/* input name, not owned */
	unsigned long	 line, column;
};

struct record	*record_new(void);
void		 record_free(struct record *);
struct record	*record_dup(const struct record *);
/* Setters replace an existing field of the same key, else append. */
int		 record_set(struct record *, const char *, const char *);
int		 record_setf(struct record *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
int		 record_set_int(struct record *, const char *, long long);
int		 record_set_null(struct record *, const char *);
int		 record_add_item(struct record *, const char *, const char *);
int		 record_add_record(struct record *, const char *,
		    struct record *);	/* takes ownership */
struct field	*record_field(const struct record *, const char *);
/* The scalar value of a field, or NULL when absent, null or empty. */
const char	*record_get(const struct record *, const char *);
int		 record_has(const struct record *, const char *);
/* Line of a field (or of the record when the field is absent). */
unsigned long	 record_line(const struct record *, const char *);
/*
 * A list field as strings: a YAML sequence, or a scalar split on blanks
 * (the CSV form).  Returns the count; *out is malloc'd, items borrowed
 * from the record or from *buf, which the caller frees.
 */
size_t		 record_list(const struct record *, const char *,
		    const char ***, char **);
int		 record_remove(struct record *, const char *);

/* ---- format.c: readers and writers ----------------------------------- */

enum format {
	FMT_AUTO,
	FMT_YAML,
	FMT_CSV,
	FMT_TEXT,
	FMT_ICS,	/* meet-plan */
	FMT_VCARD,	/* contact list */
	FMT_SVG,	/* report-sentiment */
	FMT_MAIL	/* plain text composed for mail(1) */
};

int		 format_parse(const char *, enum format *);
const char	*format_name(enum format);

struct reader;

/*
 * Open a reader on fp; name is used in diagnostics ("-" is shown as
 * "<stdin>").  fmt FMT_AUTO detects YAML or CSV from the content.
 */
struct reader	*reader_open(FILE *, const char *, enum format,
		    struct ally_error *);
/* 1 and *out set: a record; 0: end of input; -1: error. */
int		 reader_next(struct reader *, struct record **,
		    struct ally_error *);
enum format	 reader_format(const struct reader *);
const char	*reader_name(const struct reader *);
void		 reader_close(struct reader *);

/*
 * Read every record of the named files ("-" or none: standard input)
 * and hand each to fn, which borrows it.  Stops at the first error,
 * from the input or from fn.
 */
int		 records_each(char *const *, int, enum format,
		    int (*)(struct record *, void *, struct ally_error *),
		    void *, struct ally_error *);

/* Writer flags. */
#define WRITER_YAML_DOCS	0x01	/* one YAML document per record */
#define WRITER_NO_HEADER	0x02	/* text/csv: no header line */

struct writer;

/*
 * A writer prints records in yaml, csv or text.  The CSV header and the
 * text columns are the fields of the first record, or the given NULL-
 * terminated list.  Nothing is printed for no records.
 */
struct writer	*writer_open(FILE *, enum format, const char *const *, int,
		    struct ally_error *);
int		 writer_put(struct writer *, const struct record *,
		    struct ally_error *);
int		 writer_close(struct writer *, struct ally_error *);

/* yaml.c, csv.c, text.c: the per-format halves, used by format.c. */
int	 yaml_scalar_needs_quotes(const char *);

/* ---- util.c ---------------------------------------------------------- */

void	*xcalloc_or_null(size_t, size_t);
char	*ally_strdup(const char *);
int	 str_in(const char *, const char *const *);
/* Validation of input values; each returns 0 when valid. */
int	 valid_utf8(const char *);
int	 valid_text(const char *, int);	/* utf8, no control chars but \n if allowed */
int	 valid_alias(const char *);
int	 valid_email(const char *);
/* Normalises a phone number to E.164 (+31612345678) into buf. */
int	 phone_normalize(const char *, char *, size_t);
int	 parse_bool(const char *, int *);	/* yes/no/true/false */
int	 parse_int(const char *, long long, long long, long long *);
const char *user_name(void);		/* the OS user, for the audit */
/* A new globally unique id ("<32 hex>@ally"), e.g. a meeting's iCalendar UID. */
int	 ally_uid(char buf[64], struct ally_error *);

/* ---- date.c: calendar arithmetic on days since 1970-01-01 ------------ */

typedef long	day_t;

int	 date_parse(const char *, day_t *);	/* strict YYYY-MM-DD */
void	 date_format(day_t, char buf[11]);
day_t	 date_from_ymd(int, int, int);
void	 date_to_ymd(day_t, int *, int *, int *);
int	 date_weekday(day_t);			/* 0 Sunday .. 6 Saturday */
int	 date_days_in_month(int, int);
day_t	 date_add_months(day_t, int);
/* Today: $ALLY_TODAY (YYYY-MM-DD) if set, else the local date. */
int	 date_today(day_t *, struct ally_error *);
int	 time_parse(const char *, int *);	/* strict HH:MM -> minutes */
void	 time_format(int, char buf[6]);

/* ---- db.c: the SQLite file, schema and migrations --------------------- */

#define DB_CREATE	0x01	/* create the file (and its directory) */
#define DB_READONLY	0x02

#define DB_SCHEMA_VERSION	1

/* --db, else $ALLY_DB, else ${XDG_DATA_HOME:-~/.local/share}/ally/ally.db */
int	 db_path(const char *, char *, size_t, struct ally_error *);
sqlite3	*db_open(const char *, int, struct ally_error *);
void	 db_close(sqlite3 *);
int	 db_begin(sqlite3 *, struct ally_error *);	/* BEGIN IMMEDIATE */
int	 db_commit(sqlite3 *, struct ally_error *);
void	 db_rollback(sqlite3 *);
/* Map an SQLite result to an ally_error (busy: 75, readonly: 77 ...). */
int	 db_error(sqlite3 *, int, struct ally_error *, const char *);
int	 db_prepare(sqlite3 *, const char *, sqlite3_stmt **,
	    struct ally_error *);
int	 db_exec(sqlite3 *, const char *, struct ally_error *);
int	 db_user_version(sqlite3 *, int *, struct ally_error *);
/* Bind a string, or NULL for a NULL or empty one. */
int	 db_bind_text(sqlite3_stmt *, int, const char *);
/* Column text as a record field (absent when NULL). */
int	 db_column_to_record(sqlite3_stmt *, int, struct record *,
	    const char *);
int	 db_audit(sqlite3 *, const char *, const char *, const char *, long,
	    struct ally_error *);

/* ---- network.c -------------------------------------------------------- */

struct network {
	long long	id;
	char		name[128];
	char		weekdays[64];	/* e.g. "tue wed thu" */
	char		start_time[6];	/* HH:MM */
	int		duration;	/* minutes */
};

/*
 * Resolve the network: the given name (from -n), else $ALLY_NETWORK,
 * else the only network in the file.  Unknown or ambiguous is an error.
 */
int	 network_resolve(sqlite3 *, const char *, struct network *,
	    struct ally_error *);
int	 network_create(sqlite3 *, const char *, struct network *,
	    struct ally_error *);
int	 network_by_name(sqlite3 *, const char *, struct network *,
	    struct ally_error *);	/* 1 found, 0 not, -1 error */
int	 network_valid_name(const char *);

/* ---- person.c -------------------------------------------------------- */

extern const char *const person_roles[];
extern const char *const person_sectors[];
extern const char *const person_age_bands[];
extern const char *const person_statuses[];
/* Fields of a person record, in RECORDS.md order. */
extern const char *const person_fields[];
/* The same less name, phone, email and the special categories. */
extern const char *const person_public_fields[];

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
int	 person_count_allies(sqlite3 *, long long, int *,
	    struct ally_error *);
/* Look up an alias in a network: 1 found (*id set), 0 not, -1 error. */
int	 person_by_alias(sqlite3 *, long long, const char *, long long *,
	    struct ally_error *);
/* A person as a record, with the fields the flags allow. */
struct record *person_record(sqlite3_stmt *, int);
/* The SELECT that person_record reads, ordered by alias. */
extern const char person_select_sql[];

/* ---- action.c: agreed actions (implemented with action-track) -------- */

extern const char *const action_parties[];	/* police municipality ally joint */
extern const char *const action_statuses[];	/* open done dropped */

/*
 * Apply one action record (RECORDS.md action) in the open transaction:
 * a new action when it has no id, else an update matched by id.  A
 * non-zero meeting id says where it was agreed (it wins over the record's
 * own "meeting" field).  *changed is "added", "updated" or "unchanged".
 */
int	 action_apply(sqlite3 *, const struct network *,
	    const struct record *, long long, day_t, const char **,
	    long long *, struct ally_error *);

/* ---- signal.c: tension signals (implemented with report-sentiment) ---- */

extern const char *const signal_trends[];	/* rising steady falling */
extern const char *const signal_bases[];	/* evidenced experienced potential */

/*
 * Store one signal record (RECORDS.md theme/signal) in the open
 * transaction.  A non-zero meeting id makes it a theme of that meeting
 * (source meeting:ID); else the record's source is a member's alias.
 */
int	 signal_apply(sqlite3 *, const struct network *,
	    const struct record *, long long, day_t, long long *,
	    struct ally_error *);

/* ---- cli.c: the options every command shares ------------------------- */

struct ally_opts {
	const char	*db;
	const char	*network;
	enum format	 format;	/* output */
	enum format	 input;		/* records in: auto, yaml or csv */
	int		 dry_run;
	int		 help, version;
};

/* getopt_long entries of the common options, terminated by a zero entry. */
#define ALLY_COMMON_SHORTOPTS	"d:n:f:F:hN"
#define ALLY_OPT_VERSION	0x100
#define ALLY_COMMON_LONGOPTS \
	{ "db",		required_argument,	NULL, 'd' }, \
	{ "network",	required_argument,	NULL, 'n' }, \
	{ "format",	required_argument,	NULL, 'f' }, \
	{ "input-format", required_argument,	NULL, 'F' }, \
	{ "dry-run",	no_argument,		NULL, 'N' }, \
	{ "help",	no_argument,		NULL, 'h' }, \
	{ "version",	no_argument,		NULL, ALLY_OPT_VERSION }

void	 ally_opts_init(struct ally_opts *);
/* 1 handled, 0 not a common option, -1 bad argument (err set). */
int	 ally_opts_handle(struct ally_opts *, int, const char *,
	    struct ally_error *);

/*
 * Finish writing stdout: flush and check, so that a full disk is an
 * error (EX_IOERR) rather than silent loss.
 */
int	 ally_close_stdout(struct ally_error *);

#endif /* ALLY_H */
