/*
 * core.h: the core of libally, which every other part uses and which uses
 * nothing above it: errors, the record, its readers and writers, small
 * utilities, dates, the database file and the network.
 *
 * The library never prints and never exits: every function that can fail
 * takes a struct ally_error, fills it and returns -1 (or NULL).  Commands
 * report the message and choose the exit status from err->code, which is
 * always a sysexits.h value.
 */
#ifndef ALLY_CORE_H
#define ALLY_CORE_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include <libintl.h>
#include <sqlite3.h>

#define ALLY_VERSION	"0.1.0"

/* At most this many allies (candidate or active) sit at one table. */
#define ALLY_MAX_ALLIES	15
/* Longest value accepted from any input, in bytes. */
#define ALLY_MAX_VALUE	65536
/* Most recipients of one message (--to). */
#define ALLY_MAX_TO	100
/* Most fields in one record. */
#define ALLY_MAX_FIELDS	4096

/* ---- i18n.c: messages in the user's language ---------------------- */

#define ALLY_TEXTDOMAIN	"ally"
/* A message for people, translated; N_ marks one translated later. */
#define _(s)		gettext(s)
#define N_(s)		(s)
/*
 * The same words that mean different things in another language: the
 * message with a context (msgctxt), as gettext's pgettext.
 */
#define C_(ctx, s)	ally_pgettext(ctx "\004" s, s)
const char	*ally_pgettext(const char *, const char *);

/* setlocale for messages only, and the catalogue: first thing in main. */
void	 ally_i18n_init(void);

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

/*
 * What a scalar is, for the formats that have types (YAML): set by the
 * setter that made the value or by the database column it came from;
 * a value read from a file is text.  CSV and text ignore it.
 */
enum field_type {
	FT_TEXT,		/* a string, quoted where it could be misread */
	FT_INTEGER,		/* an integer: 28, -1, +1 */
	FT_DECIMAL,		/* a number with a fraction: 4.2 */
	FT_DATE			/* an ISO date: 2027-03-09 */
};

struct record;

struct field {
	char		 *key;		/* interned, unless key_owned */
	int		  key_owned;
	enum value_kind	  kind;
	enum field_type	  type;		/* VAL_SCALAR */
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
/* A number with a fraction, as fmt ("%.1f", "%g") writes it. */
int		 record_set_decimal(struct record *, const char *, const char *,
		    double);
/* An ISO date (text, not a date, when it is none); NULL sets null. */
int		 record_set_date(struct record *, const char *, const char *);
/* A value of that type, as written (record_set is FT_TEXT). */
int		 record_set_typed(struct record *, const char *, const char *,
		    enum field_type);
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
	FMT_MAIL,	/* plain text composed for mail(1) */
	FMT_ROFF	/* troff for print: groff -t -ms */
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
 * 0 when records can be written in that format (yaml, csv, text, or none
 * chosen).  A writing command checks this before it writes to the
 * database, so that a format it cannot print never follows a commit.
 */
int		 format_for_records(enum format, struct ally_error *);

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
/*
 * Step a statement to its end, make each row a record with the function
 * (which gets the statement and the argument) and write it.  Returns the
 * number of rows written, or -1.
 */
long		 db_write_rows(sqlite3 *, sqlite3_stmt *,
		    struct record *(*)(sqlite3_stmt *, void *), void *,
		    struct writer *, struct ally_error *);

/* yaml.c, csv.c, text.c: the per-format halves, used by format.c. */
int	 yaml_scalar_needs_quotes(const char *);
int	 yaml_scalar_plain(const char *, enum field_type);

/* ---- util.c ---------------------------------------------------------- */

/*
 * Equal strings: the first byte compared before strcmp is called, which
 * settles most unequal pairs of the short names a loop compares (keys,
 * table names, value lists, themes).
 */
static inline int
str_eq(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}

void	*xcalloc_or_null(size_t, size_t);
char	*ally_strdup(const char *);
int	 str_in(const char *, const char *const *);
/*
 * A decimal as people and spreadsheets write it: digits, then a point or
 * a comma (Dutch Excel) and digits; no sign, exponent or hex, which
 * strtod would take.  0 with *end past it, or -1.
 */
int	 parse_decimal(const char *, const char **, double *);
/* Replace *dst by a copy of s; NULL or empty gives NULL.  -1: no memory. */
int	 str_set(char **, const char *);
/* Validation of input values; each returns 0 when valid. */
int	 valid_utf8(const char *);
int	 utf8_decode(const unsigned char *, unsigned int *); /* length or -1 */
int	 valid_text(const char *, int);	/* utf8, no control chars but \n if allowed */
/*
 * What valid_text(s, multiline)'s rc (not 0) says of s, in the words of
 * a diagnostic.
 */
const char *text_fault(const char *, int, int);
int	 valid_alias(const char *);
int	 valid_email(const char *);
/* Normalises a phone number to E.164 (+31612345678) into buf. */
int	 phone_normalize(const char *, char *, size_t);
int	 parse_bool(const char *, int *);	/* yes/no/true/false */
int	 parse_int(const char *, long long, long long, long long *);
const char *user_name(void);		/* the OS user, for the audit */
/* A new globally unique id ("<32 hex>@ally"), e.g. a meeting's iCalendar UID. */
int	 ally_uid(char buf[64], struct ally_error *);
/*
 * A crash test's kill -9 at a named point: the process raises SIGKILL
 * when $ALLY_TEST_CRASH is that point's name ("seal": encrypting, every
 * member rewritten; "commit": a write session's changes made, before
 * its COMMIT; "committed": after it, before the write-ahead log is
 * truncated).  Nothing otherwise.
 */
void	 ally_test_crash(const char *);

/* ---- date.c: calendar arithmetic on days since 1970-01-01 ------------ */

typedef long	day_t;

int	 date_parse(const char *, day_t *);	/* strict YYYY-MM-DD */
int	 date_parse_since(const char *, day_t, day_t *); /* date or Nd */
void	 date_format(day_t, char buf[11]);
day_t	 date_from_ymd(int, int, int);
void	 date_to_ymd(day_t, int *, int *, int *);
int	 date_weekday(day_t);			/* 0 Sunday .. 6 Saturday */
int	 date_days_in_month(int, int);
/* Names and dates in words, in the user's language (i18n.c). */
const char *date_day_name(int);			/* 0 Sunday */
const char *date_month_name(int);		/* 1 January */
const char *date_words(day_t, char *, size_t);	/* "Tuesday 9 March 2027" */
day_t	 date_add_months(day_t, int);
/* Today: $ALLY_TODAY (YYYY-MM-DD) if set, else the local date. */
int	 date_today(day_t *, struct ally_error *);
/*
 * Now: the day and the minute of the day, from $ALLY_TODAY (a date, the
 * end of that day, or "YYYY-MM-DD HH:MM") if set, else the local clock.
 */
int	 date_now(day_t *, int *, struct ally_error *);
/* "YYYY-MM-DD HH:MM" (buf of 17 bytes), and back (a T also taken). */
void	 datetime_format(day_t, int, char buf[17]);
int	 datetime_parse(const char *, day_t *, int *);
int	 time_parse(const char *, int *);	/* strict HH:MM -> minutes */
void	 time_format(int, char buf[6]);

/* ---- db.c: the SQLite file, schema and migrations --------------------- */

#define DB_CREATE	0x01	/* create the file (and its directory) */
#define DB_READONLY	0x02
#define DB_IDENTITIES	0x04	/* identities written: the file must be ours */

#define DB_SCHEMA_VERSION	7

/* --db, else $ALLY_DB, else ${XDG_DATA_HOME:-~/.local/share}/ally/ally.db */
int	 db_path(const char *, char *, size_t, struct ally_error *);
sqlite3	*db_open(const char *, int, struct ally_error *);
void	 db_close(sqlite3 *);
int	 db_begin(sqlite3 *, struct ally_error *);	/* BEGIN IMMEDIATE */
int	 db_commit(sqlite3 *, struct ally_error *);
void	 db_rollback(sqlite3 *);
/* Map an SQLite result to an ally_error (busy: 75, readonly: 77 ...). */
int	 db_error(sqlite3 *, int, struct ally_error *, const char *);
/* A day bound as its YYYY-MM-DD text. */
int	 db_bind_date(sqlite3_stmt *, int, day_t);
int	 db_prepare(sqlite3 *, const char *, sqlite3_stmt **,
	    struct ally_error *);
/*
 * The same, kept prepared for reuse on this connection: for statements
 * run once per input record.  Give it back with db_release (never
 * sqlite3_finalize), which resets it; db_close finalizes the kept ones.
 */
int	 db_prepare_cached(sqlite3 *, const char *, sqlite3_stmt **,
	    struct ally_error *);
void	 db_release(sqlite3_stmt *);
int	 db_exec(sqlite3 *, const char *, struct ally_error *);
int	 db_user_version(sqlite3 *, int *, struct ally_error *);
/*
 * Does the query return a row, with its n integer parameters bound in
 * order?  1 yes, 0 no, -1 error: the many "is there such a ..." checks.
 */
int	 db_exists(sqlite3 *, struct ally_error *, const char *, int, ...);
/* Bind a string, or NULL for a NULL or empty one. */
int	 db_bind_text(sqlite3_stmt *, int, const char *);
/* Column text as a record field (absent when NULL). */
int	 db_column_to_record(sqlite3_stmt *, int, struct record *,
	    const char *);
/*
 * The database path as db_path() finds it; when the file or its -wal/-shm
 * are open to others, *warn gets a message for the command to print.
 */
int	 db_path_checked(const char *, char *, size_t, struct ally_error *,
	    struct ally_error *);
/*
 * 1 when the database, its -wal or -shm is open to group or others, or
 * its directory writable by them: warn->msg is the warning to show.
 * 0 when private (or absent).  db_path_checked calls it before db_open.
 */
int	 db_check_mode(const char *, struct ally_error *);
/* An audit entry: command, network, what, count; its kind by command. */
int	 db_audit(sqlite3 *, const char *, const char *, const char *, long,
	    struct ally_error *);
/* The same with its kind and the member's alias (or NULL). */
int	 db_audit_as(sqlite3 *, const char *, const char *, const char *,
	    const char *, const char *, long, struct ally_error *);

/* ---- network.c -------------------------------------------------------- */

/* The longest network name ally-add --create takes, in bytes. */
#define NETWORK_NAME_MAX	63

struct network {
	long long	id;
	char		name[128];
	char		weekdays[64];	/* e.g. "tue wed thu" */
	char		start_time[6];	/* HH:MM */
	int		duration;	/* minutes */
	/*
	 * The members' aliases read once (person_alias_map), set by a caller
	 * that holds the write transaction and adds or renames no member
	 * while it lasts (an ingest of signals); NULL: ask the database.
	 */
	const struct alias_map *aliases;
	/*
	 * The members' names, for the check of stored text (names_load),
	 * set the same way, with the override the command was given;
	 * NULL: read for each check, and no name let through.
	 */
	struct names	*names;
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
/*
 * Store the network's weekdays, start time and duration as net has them
 * (meeting.c's network_set_schedule checks them) in the open transaction.
 */
int	 network_store_schedule(sqlite3 *, const struct network *,
	    struct ally_error *);
/*
 * Call fn for every network in the file, in name order, until it
 * returns non-zero (then -1, with err as fn left it).  The networks are
 * read before the first call, so fn may write to the database.
 */
int	 network_each(sqlite3 *,
	    int (*)(const struct network *, void *, struct ally_error *),
	    void *, struct ally_error *);

#endif /* ALLY_CORE_H */
