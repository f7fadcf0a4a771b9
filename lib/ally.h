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

/* ---- util.c ---------------------------------------------------------- */

void	*xcalloc_or_null(size_t, size_t);
char	*ally_strdup(const char *);
int	 str_in(const char *, const char *const *);
/* Replace *dst by a copy of s; NULL or empty gives NULL.  -1: no memory. */
int	 str_set(char **, const char *);
/* Validation of input values; each returns 0 when valid. */
int	 valid_utf8(const char *);
int	 utf8_decode(const unsigned char *, unsigned int *); /* length or -1 */
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
/* Names and dates in words, in the user's language (i18n.c). */
const char *date_day_name(int);			/* 0 Sunday */
const char *date_month_name(int);		/* 1 January */
const char *date_words(day_t, char *, size_t);	/* "Tuesday 9 March 2027" */
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
int	 db_audit(sqlite3 *, const char *, const char *, const char *, long,
	    struct ally_error *);

/* ---- network.c -------------------------------------------------------- */

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
/* Fields of an action record: RECORDS.md order, then "revision". */
extern const char *const action_record_fields[];

/* What action_query selects; zero or NULL members select everything. */
struct action_filter {
	long long	 id;
	const char	*status;
	const char	*party;
	long long	 owner_id;
	long long	 meeting_id;
	int		 has_min, has_max;
	day_t		 due_min, due_max;	/* inclusive */
	int		 open_only;
};

/* Prepare the SELECT of a network's actions, ordered by due date, id. */
int	 action_query(sqlite3 *, const struct network *,
	    const struct action_filter *, sqlite3_stmt **,
	    struct ally_error *);
/* The current row of action_query as a record (owner as alias). */
struct record *action_record(sqlite3_stmt *);

/* Reciprocity: one party's actions agreed in a period. */
struct action_tally {
	long	taken;		/* agreed in the period */
	long	done;		/* of those, done by the "as of" date */
	long	on_time;	/* done on or before the due date */
	long	overdue;	/* still open then, past the due date */
	long	open;		/* still open then, overdue or not */
	long	dropped;
};

/*
 * Count the actions agreed from since to until (the meeting's date, or
 * the day an action was added between meetings), by party in the order
 * of action_parties, as they stood on the "as of" date.
 */
int	 action_reciprocity(sqlite3 *, const struct network *, day_t, day_t,
	    day_t, struct action_tally[4], struct ally_error *);

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
	/* --to: the recipients of a message (-f mail), long only. */
	const char	*to[ALLY_MAX_TO];
	size_t		 nto;
};

/* getopt_long entries of the common options, terminated by a zero entry. */
#define ALLY_COMMON_SHORTOPTS	"d:n:f:F:hN"
#define ALLY_OPT_VERSION	0x100
#define ALLY_OPT_TO		0x200	/* --to: long only */
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

/* ---- signal.c: readings, periods and alerts (report-sentiment) ------- */

extern const char *const signal_themes[];	/* the method's seven themes */
extern const char *const signal_levels[];	/* calm .. unrest, 0 .. 4 */
extern const char *const signal_fields[];	/* a signal record's fields */

/* A theme: one lower-case word (a-z and -, at most 32); 0 when valid. */
int	 signal_valid_theme(const char *);
/* A level 0..4, or its word (calm .. unrest); 0 when valid. */
int	 signal_parse_tension(const char *, int *);

/*
 * One signal as stored, or one reading: a theme's signals of one day in
 * one network, at the day's highest level (one ally's warning is not
 * averaged away).  Strings are owned by the set.
 */
struct signal_reading {
	long long	 id;
	int		 net;		/* index into signal_set.nets */
	day_t		 date;
	char		*theme;
	int		 tension;
	int		 count;		/* signals in this reading */
	char		*trend, *basis, *source, *summary;
	int		 prev;		/* previous reading's level; -1 none */
	unsigned	 alerts;	/* SIGNAL_ALERT_* that fire here */
};

#define SIGNAL_ALERT_LEVEL	0x01	/* level >= rules.level */
#define SIGNAL_ALERT_RISE	0x02	/* rose >= rules.rise in the window */
#define SIGNAL_ALERT_RISING	0x04	/* rising in rules.consecutive readings */

/* Alert thresholds; 0 turns a rule off. */
struct signal_rules {
	int	level;		/* default 3 */
	int	rise;		/* default 2 */
	int	window;		/* days, default 30 */
	int	consecutive;	/* default 3 */
};

struct signal_net {
	char	*name;		/* network name */
	char	*file;		/* the database it came from, or NULL */
	day_t	*meetings;	/* dates of meetings held, ascending */
	size_t	 nmeetings;
};

struct signal_set {
	struct signal_net	*nets;
	size_t			 nnets;
	struct signal_reading	*sig;	/* signals, by net, theme, date */
	size_t			 nsig;
	struct signal_reading	*rd;	/* readings, after signal_readings */
	size_t			 nrd;
};

enum signal_period { SIGNAL_BY_MONTH, SIGNAL_BY_QUARTER, SIGNAL_BY_MEETING };

/*
 * One theme in one period: of one network, or of all in a roll-up
 * (then networks counts those with readings).  direction compares the
 * mean with the theme's previous period: rising, steady, falling or new.
 */
struct signal_cell {
	const char	*theme;
	long		 period;	/* ordinal; signal_period_label names it */
	int		 readings, signals, max, alerts, networks;
	double		 mean;
	const char	*direction;
	const struct signal_reading *last;	/* the period's last reading */
};

void	 signal_rules_default(struct signal_rules *);
void	 signal_set_free(struct signal_set *);
/*
 * Add the signals of a network (net_id 0: of every network in the file)
 * dated up to until; label, when not NULL, names the file they came from.
 */
int	 signal_load(sqlite3 *, long long, const char *, day_t,
	    struct signal_set *, struct ally_error *);
/* Group the signals into readings and mark the alerts by the rules. */
int	 signal_readings(struct signal_set *, const struct signal_rules *,
	    struct ally_error *);
/* The period of a reading, as an ordinal; -1 before a network's first meeting. */
long	 signal_period_of(const struct signal_set *,
	    const struct signal_reading *, enum signal_period);
/* "2027-03", "2027-Q1" or the meeting's date; buf of 16 bytes. */
void	 signal_period_label(enum signal_period, long, char *, size_t);
/*
 * The cells of the readings dated from..to (theme NULL: every theme),
 * by theme then period; rollup merges the networks.  *out is malloc'd.
 */
int	 signal_cells(const struct signal_set *, enum signal_period, int,
	    day_t, day_t, const char *, struct signal_cell **, size_t *,
	    struct ally_error *);
/* The alert bits as words: "level rise rising". */
void	 signal_alert_words(unsigned, char *, size_t);

/* ---- svg.c: the heat map, our own small SVG writer --------------------- */

struct heatmap_cell {
	int		 value;		/* colour index 0..nlevels-1; -1 empty */
	const char	*text;		/* printed in the cell, or NULL */
	const char	*tip;		/* tooltip (<title>), or NULL */
	int		 marked;	/* an alert: drawn with a marker */
};

struct heatmap {
	const char		 *title;
	const char		 *subtitle;
	const char *const	 *rows;		/* row labels */
	size_t			  nrows;
	const char *const	 *cols;		/* column labels */
	size_t			  ncols;
	const struct heatmap_cell *cells;	/* nrows x ncols, by row */
	const char *const	 *levels;	/* legend labels, one per colour */
	int			  nlevels;
	const char		 *mark_label;	/* legend text for the marker */
	const char *const	 *notes;	/* lines under the map */
	size_t			  nnotes;
};

/* Write the map as a standalone SVG document; every text is escaped. */
int	 svg_heatmap(FILE *, const struct heatmap *, struct ally_error *);
/* Text with &, <, >, " and ' escaped for XML; control characters dropped. */
int	 svg_escape(FILE *, const char *);

/* ---- holiday.c: Dutch public holidays -------------------------------- */

day_t		 holiday_easter(int);	/* Easter Sunday of a year */
/* The Dutch name of the public holiday on a day, or NULL. */
const char	*holiday_nl(day_t);

/* ---- meeting.c: meetings, venues, rotation, blackouts ---------------- */

#define MEETING_MIN_PER_YEAR	4
#define MEETING_MAX_PER_YEAR	6
#define MEETING_DEFAULT_PER_YEAR 5
#define VENUE_NAME_MAX		200
#define VENUE_ADDRESS_MAX	300

extern const char *const meeting_fields[];	/* RECORDS.md order */
extern const char *const meeting_hosts[];	/* police municipality ally other */
extern const char *const meeting_statuses[];	/* planned held cancelled */
extern const char *const venue_fields[];	/* id network name host address active */

struct meeting {
	long long	 id;
	char		 network[128];
	day_t		 date;
	char		 time[6];	/* HH:MM local time */
	int		 duration;	/* minutes, the network's */
	char		 location[VENUE_NAME_MAX + 1];
	char		 address[VENUE_ADDRESS_MAX + 1];	/* the venue's */
	char		 host[16];
	char		 chair[24];	/* alias, empty when none */
	int		 meal;
	char		 status[12];
	int		 sequence;
	char		 uid[64];
	char		 updated[24];	/* YYYY-MM-DDTHH:MM:SSZ */
	const char	*change;	/* added, exists, updated, unchanged */
	char		 fields[80];	/* what an update changed */
};

/* Periods in which no meeting is planned: school holidays, Ramadan ... */
struct blackout {
	day_t	 from, to;
	char	*reason;
};

struct blackouts {
	struct blackout	*v;
	size_t		 n, cap;
};

/* Check a blackout record (from, to, reason) and keep it. */
int	 blackout_add(struct blackouts *, const struct record *,
	    struct ally_error *);
/* The blackout covering a day, or NULL. */
const struct blackout *blackout_find(const struct blackouts *, day_t);
void	 blackouts_free(struct blackouts *);

/* "tue,thu" or "tue thu" -> a mask of weekdays (bit 0 Sunday). */
int	 weekdays_parse(const char *, int *);
void	 weekdays_format(int, char *, size_t);
/*
 * Store the network's preferred weekdays and start time (NULL: keep)
 * and meeting length (0: keep) in the open transaction; *changed is set
 * when a value differs.
 */
int	 network_set_schedule(sqlite3 *, struct network *, const char *,
	    const char *, int, int *, struct ally_error *);

/* Apply one venue record (added, or updated matched by id or name). */
int	 venue_apply(sqlite3 *, const struct network *,
	    const struct record *, const char **, long long *,
	    struct ally_error *);
/* Every venue of the network as records, in the order they were added. */
int	 venue_list(sqlite3 *, const struct network *, struct record ***,
	    size_t *, struct ally_error *);

struct plan {
	day_t			 from, to;	/* the period, inclusive */
	int			 count;		/* meetings in it (a year) */
	day_t			 today;		/* nothing planned before */
	const struct blackouts	*blackouts;
};

/*
 * Plan a series spread evenly over the period in the open transaction:
 * a slot of the period that already holds a meeting keeps it ("exists");
 * the others get a new planned meeting ("added") on the preferred
 * weekday nearest the slot's middle that is no holiday and in no
 * blackout, at the venue and with the chair whose turn it is.  *out
 * lists them by date; *past counts slots that ended before today.
 */
int	 meeting_plan(sqlite3 *, const struct network *, const struct plan *,
	    struct meeting **, size_t *, int *, struct ally_error *);
/*
 * Continuity: when the network's last held meeting has nothing planned
 * after it, plan the next one 365/count days after it.  *planned is 1
 * when *out holds a new meeting.
 */
int	 meeting_plan_next(sqlite3 *, const struct network *,
	    const struct plan *, struct meeting *, int *,
	    struct ally_error *);
/*
 * Apply one meeting record, matched by id, in the open transaction:
 * date, time, location, host, chair, meal and status may change; a real
 * change raises the sequence.  out->change and out->fields say what.
 */
int	 meeting_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, struct meeting *,
	    struct ally_error *);
/* The network's meetings from .. to (inclusive), by date. */
int	 meeting_list(sqlite3 *, const struct network *, day_t, day_t,
	    struct meeting **, size_t *, struct ally_error *);
/* A meeting as a RECORDS.md record (with change and fields when set). */
struct record *meeting_record(const struct meeting *);

/* ---- ical.c: RFC 5545 calendars of meetings --------------------------- */

/*
 * Write the meetings as iCalendar objects: one METHOD:REQUEST calendar
 * with the planned and held ones, one METHOD:CANCEL calendar with the
 * cancelled ones (each only when not empty).  organizer, an e-mail
 * address, may be NULL.
 */
int	 ical_write(FILE *, const struct meeting *, size_t, const char *,
	    struct ally_error *);

/* ---- privacy.c: contact list, audit, erasure, retention, files -------- */

/* Columns of the printed and CSV contact list (the vCard adds email). */
extern const char *const privacy_contact_fields[];
/* Fields of an audit record. */
extern const char *const privacy_audit_fields[];

/*
 * The quick-contact list with identities: active allies who gave
 * contact_consent, then active police and municipality staff (their
 * numbers are exchanged within the group by the method).  *out is an
 * array of records (alias name role function phone email network).
 */
int	 privacy_contacts(sqlite3 *, const struct network *,
	    struct record ***, size_t *, struct ally_error *);
void	 privacy_records_free(struct record **, size_t);
/* The audit log, oldest first; a NULL network lists every entry. */
int	 privacy_audit_each(sqlite3 *, const char *,
	    int (*)(const struct record *, void *, struct ally_error *),
	    void *, struct ally_error *);
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
/* A consistent copy of the database into a new file, 0600; audited. */
int	 privacy_backup(sqlite3 *, const char *, const char *,
	    struct ally_error *);
/*
 * 1 when the database, its -wal or -shm is open to group or others, or
 * its directory writable by them: warn->msg is the warning to show.
 * 0 when private (or absent).  Every command calls it before db_open.
 */
int	 privacy_check_mode(const char *, struct ally_error *);

/* ---- vcard.c: vCard 4.0 (RFC 6350) ------------------------------------ */

/* A contact record (alias name role function phone email network). */
int	 vcard_put(FILE *, const struct record *, struct ally_error *);

/* ---- minutes.c: minutes of meetings, the agenda of the next ---------- */

#define MINUTES_REPLACE		0x01	/* minutes recorded before are replaced */
#define MINUTES_ALLOW_NAMES	0x02	/* members' names in text pass, noted */
#define MINUTES_LOAD_OVERRIDE	0x04	/* minutes_load: add name_override */
#define MINUTES_LOAD_HEAD	0x08	/* minutes_load: no themes, no actions */

enum minutes_view {
	MINUTES_VIEW_MEETINGS,
	MINUTES_VIEW_ATTENDANCE,
	MINUTES_VIEW_THEMES,
	MINUTES_VIEW_ACTIONS
};

/* Fields of a minutes record (RECORDS.md minutes), and the view names. */
extern const char *const minutes_fields[];
extern const char *const minutes_views[];	/* in enum minutes_view order */
const char *const *minutes_view_columns(enum minutes_view);
int	 minutes_view_load(enum minutes_view);	/* MINUTES_LOAD_* flags */
/* "calm", "attention", "concern", "tension", "unrest" for 0..4. */
const char *minutes_tension_name(int);

struct minutes;

/*
 * Recording, in the caller's open transaction: minutes_open loads the
 * network's members, minutes_apply checks one minutes record and stores
 * it (meeting held, attendance, themes as signals, actions), giving a
 * summary record (meeting date change present excused absent themes
 * actions line).  Any error leaves the transaction to be rolled back.
 */
struct minutes	*minutes_open(sqlite3 *, const struct network *, int, day_t,
		    struct ally_error *);
int		 minutes_apply(struct minutes *, const struct record *,
		    struct record **, struct ally_error *);
/* How many member names were let through by MINUTES_ALLOW_NAMES. */
long		 minutes_names_let_through(const struct minutes *);
void		 minutes_close(struct minutes *);

/*
 * Held meetings with minutes, by date: all (NULL), or one by id, by date
 * (YYYY-MM-DD) or "last".  *ids is malloc'd.
 */
int		 minutes_select(sqlite3 *, const struct network *,
		    const char *, long long **, size_t *, struct ally_error *);
/* The stored minutes of a meeting as a minutes record. */
struct record	*minutes_load(sqlite3 *, const struct network *, long long,
		    int, struct ally_error *);
/* Append the flat records of a view of one minutes record to *out. */
int		 minutes_flatten(const struct record *, enum minutes_view,
		    struct record ***, size_t *, struct ally_error *);
/*
 * The agenda of the next planned meeting as one record: network today
 * meeting date time location host chair meal last_meeting last_date
 * themes (rising or at 3-4 last time) actions (open: id title party
 * owner due meeting agreed age overdue) last_review review_due.
 */
struct record	*minutes_agenda(sqlite3 *, const struct network *, day_t,
		    struct ally_error *);

/* ---- review.c: the half-yearly review of the table (ally-review) ------ */

extern const char *const review_decisions[];	/* keep talk phase-out */
extern const char *const review_dimensions[];	/* age_band ... religion */
/* Fields of a member's review record, of the summary, of a cell. */
extern const char *const review_fields[];
extern const char *const review_summary_fields[];
extern const char *const review_representation_fields[];

/* Every threshold of the review; -o NAME=VALUE sets one. */
struct review_limits {
	int	attendance;	/* percent; below it: low-attendance */
	int	absent_in_row;	/* meetings missed in a row: absent-N-in-row */
	int	candidate_months; /* longer a candidate: candidate-too-long */
	int	paused_months;	/* longer paused: paused-too-long */
	int	min_size, max_size;	/* allies at the table */
	int	min_meetings, max_meetings;	/* held in twelve months */
	int	review_months;	/* from one review to the next */
	int	cell;		/* counts below it are shown as "<cell" */
	double	gap;		/* seats short of a target share */
};

void	 review_limits_init(struct review_limits *);
int	 review_limit_set(struct review_limits *, const char *,
	    struct ally_error *);	/* "name=value" */
int	 review_limits_check(const struct review_limits *,
	    struct ally_error *);

/*
 * One review record per member not left (RECORDS.md review), over the
 * meetings held from since to until; fn borrows each record.
 */
int	 review_members(sqlite3 *, const struct network *, day_t, day_t,
	    const struct review_limits *,
	    int (*)(struct record *, void *, struct ally_error *), void *,
	    struct ally_error *);
/* The network summary as one record, as of the until date. */
int	 review_summary(sqlite3 *, const struct network *, day_t, day_t,
	    const struct review_limits *, struct record **,
	    struct ally_error *);

struct review_due {
	int	reviewed;	/* a review was ever recorded */
	day_t	last;		/* its latest date, when reviewed */
	day_t	next;		/* when the next one is due */
	int	due;		/* next <= the given day */
};

int	 review_due(sqlite3 *, const struct network *, day_t,
	    const struct review_limits *, struct review_due *,
	    struct ally_error *);

/* A target profile: (dimension, group, share) records, checked. */
struct review_target;
struct review_target *review_target_new(void);
void	 review_target_free(struct review_target *);
/* A records_each callback: arg is the struct review_target. */
int	 review_target_add(struct record *, void *, struct ally_error *);
/*
 * Counts per dimension of the allies at the table, small cells
 * suppressed; with a target profile (or NULL) the groups short of it.
 */
int	 review_representation(sqlite3 *, const struct network *,
	    const struct review_limits *, const struct review_target *,
	    int (*)(struct record *, void *, struct ally_error *), void *,
	    struct ally_error *);
/*
 * Store the decision of one review record in the open transaction
 * (reviewed: the record's date, else the given default); phase-out
 * pauses an active member and lets a candidate leave.  *result tells
 * alias, decision, reviewed, status and change.
 */
int	 review_apply(sqlite3 *, const struct network *,
	    const struct record *, day_t, day_t, struct record **,
	    struct ally_error *);

/* ---- progress.c: progress of long work, on a terminal only ----------- */

struct progress;

/*
 * Start a progress line on fp (the command passes stderr) for work on
 * total records (0: unknown; then the count and the rate only, else a
 * bar too).  NULL when fp is no terminal (a pipe, a file, cron) or
 * memory is short; every progress_* call accepts NULL and does nothing.
 * The line appears only after half a second.
 */
struct progress	*progress_start(FILE *, const char *, long long);
/* done records so far: call it per record; it redraws ten times a second. */
void		 progress_update(struct progress *, long long);
/* Draw now, whatever the time (progress_update decides when). */
void		 progress_draw(struct progress *, long long);
/* Erase the line and free; call before printing anything else. */
void		 progress_end(struct progress *);

/* ---- mail.c: whole messages for sendmail -t (RFC 5322, MIME) ---------- */

#define MAIL_LINE_MAX	78	/* every line of a message, at most */

struct mail_part {
	const char	*type;		/* "text/plain; charset=UTF-8" */
	const char	*filename;	/* an attachment's name; NULL: inline */
	const char	*body;
	size_t		 len;
	int		 base64;	/* else quoted-printable */
};

struct mail {
	const char		*from;	/* NULL: mail_default_from() */
	const char *const	*to;	/* none: "undisclosed-recipients:;" */
	size_t			 nto;
	const char		*subject;	/* any UTF-8: RFC 2047 */
	const struct mail_part	*parts;	/* one: a single part; more: */
	size_t			 nparts;	/* multipart/mixed */
};

/* An ASCII e-mail address fit for a header: 0 when it is. */
int	 mail_valid_address(const char *);
/* $EMAIL when it is an address, else the login name at this host. */
const char *mail_default_from(void);
/*
 * The message: From, To, Subject, Date, Message-ID, MIME-Version and the
 * parts; LF line ends, no line over MAIL_LINE_MAX, 7-bit throughout.
 */
int	 mail_write(FILE *, const struct mail *, struct ally_error *);
/* One header, folded; RFC 2047 encoded words when it is not ASCII. */
int	 mail_put_header(FILE *, const char *, const char *);
/* Bodies: quoted-printable text (LF lines), base64 data. */
int	 mail_put_qp(FILE *, const char *, size_t);
int	 mail_put_base64(FILE *, const void *, size_t);
/*
 * ical.c, for a mail part (RFC 6047): one calendar of one method, REQUEST
 * (planned and held meetings) or, with cancel, CANCEL (the cancelled
 * ones), with ORGANIZER and an ATTENDEE per address; nothing when no
 * meeting has that method.
 */
int	 ical_write_imip(FILE *, const struct meeting *, size_t, int,
	    const char *, const char *const *, size_t, struct ally_error *);

/* ---- roff.c: printable documents, troff for groff -t -ms ------------ */

/*
 * Write a value as troff text: backslashes, quotes and a leading '.' or
 * '\'' print as written, non-ASCII characters become \[uXXXX] (no
 * preconv needed), control characters are dropped, line breaks become
 * blanks.
 */
int	 roff_escape(FILE *, const char *);
/*
 * Start a document: the -ms preamble (A4 unless -dpaper says otherwise),
 * the page header (network, title, date; any may be NULL), the footer
 * "- N -" and the title.
 */
int	 roff_begin(FILE *, const char *, const char *, const char *);
/* Another document of the same run, on a new page with its own header. */
int	 roff_new_page(FILE *, const char *, const char *, const char *);
int	 roff_heading(FILE *, const char *);
/* Paragraphs: the text's own line breaks start new ones. */
int	 roff_paragraph(FILE *, const char *);
int	 roff_paragraphf(FILE *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* An indented item with a label such as "3." */
int	 roff_item(FILE *, const char *, const char *);
/*
 * A tbl table: the column keys ("l l n lx") and the NULL-terminated
 * headings, repeated on every page, in a box; NULL headings: a plain
 * table without rules.  Cells of a column with an x or a w(idth) are
 * text blocks (T{ T}), filled to its width, their line breaks kept;
 * other cells stay on one line.
 */
#define ROFF_TABLE_COLS		32
#define ROFF_TABLE_SMALL	0x01	/* one point smaller than the text */

struct roff_table {
	FILE		*fp;
	size_t		 ncols;
	unsigned long	 fill;		/* a bit per text-block column */
	int		 flags;
};

int	 roff_table_begin(struct roff_table *, FILE *, const char *,
	    const char *const *, int);
/* One row of n cells; NULL cells are empty. */
int	 roff_table_row(struct roff_table *, const char *const *, size_t);
int	 roff_table_end(struct roff_table *);

#include "fields.h"
#include "contentline.h"
#include "network.h"
#include "meeting_write.h"
#include "doc.h"
#include "names.h"
#include "session.h"
#include "opt.h"
#include "review_sheet.h"
#include "thermometer.h"
#include "dbquery.h"
#include "escape.h"
#include "vformat.h"
#include "array.h"
#include "minutes_doc.h"
#include "network_list.h"
#include "contact_list.h"
#include "remind.h"
#include "reciprocity.h"
#include "action_edit.h"
#include "invite.h"
#include "planning.h"
#include "row.h"

#endif /* ALLY_H */
