/*
 * fields.h: each record type of RECORDS.md described once, as data.
 *
 * A record type is a table of fields: name, kind, allowed values or
 * range, maximum length, when it is required, its database column and
 * whether it identifies a person.  The exported field lists
 * (person_fields, action_record_fields ...) and value lists
 * (person_roles, action_parties ...) are generated from these tables,
 * and tests/unit/fields_test.c proves that the schema's CHECK
 * constraints agree with them.
 *
 * One meaning of an empty value everywhere: empty is absent.  A field
 * that may not be absent (FIELD_NOT_EMPTY) refuses an empty value with
 * "empty; one of: ..."; any other field is cleared by it.
 */
#ifndef ALLY_FIELDS_H
#define ALLY_FIELDS_H

#include "core.h"

enum field_kind {
	FK_ID,		/* an integer id the database assigns */
	FK_NAME,	/* a network's name */
	FK_TEXT,	/* one line of text */
	FK_MULTILINE,	/* text with line breaks */
	FK_ENUM,	/* one of values */
	FK_WORD,	/* one lower-case word; values are the usual ones */
	FK_INT,		/* an integer from min to max */
	FK_PERCENT,	/* a number from min to max, "%" allowed */
	FK_DATE,	/* YYYY-MM-DD */
	FK_TIME,	/* HH:MM */
	FK_DATETIME,	/* an ISO 8601 timestamp */
	FK_ALIAS,	/* a member's alias */
	FK_SOURCE,	/* a member's alias or meeting:ID */
	FK_LIST,	/* a list of words (space-separated in CSV) */
	FK_RECORDS,	/* a list of nested records */
	FK_BOOL,	/* yes or no */
	FK_PHONE,	/* normalised to E.164 */
	FK_EMAIL
};

/* When a field is required, and what it says about a person. */
#define FIELD_REQUIRED_ON_ADD	0x0001	/* a new record needs it */
#define FIELD_NOT_EMPTY		0x0002	/* never absent once stored */
#define FIELD_IDENTITY		0x0004	/* name, phone, email: -I only */
#define FIELD_SPECIAL		0x0008	/* special category: aggregates only */
#define FIELD_IDENTIFYING	0x0010	/* identifies a person: erasure clears it */
#define FIELD_PAST		0x0020	/* a date that is not in the future */
#define FIELD_OUTPUT		0x0040	/* printed; ignored or checked when read */
#define FIELD_NO_DB_CHECK	0x0080	/* values checked here; no CHECK in SQL */
#define FIELD_UNLISTED		0x0100	/* accepted; not in a diagnostic's list */
#define FIELD_CONTEXT		0x0200	/* where it was agreed: minutes say it */

struct field_def {
	const char		*name;
	enum field_kind		 kind;
	const char *const	*values;	/* FK_ENUM, FK_WORD; NULL-ended */
	long long		 min, max;	/* FK_INT, FK_PERCENT */
	size_t			 maxlen;	/* bytes; 0: no limit here */
	unsigned		 flags;
	const char		*column;	/* in record_def.table, or NULL */
};

struct record_def {
	const char		*name;		/* RECORDS.md's name */
	const char		*table;		/* the database table, or NULL */
	const struct field_def	*fields;
	size_t			 nfields;
};

/* The X-lists of the record types: PERSON_FIELDS, VENUE_FIELDS ... */
#include "fields.def"

/* One table per record type of RECORDS.md. */
extern const struct record_def person_def;	/* member */
extern const struct record_def venue_def;
extern const struct record_def blackout_def;
extern const struct record_def meeting_def;
extern const struct record_def minutes_def;
extern const struct record_def guest_def;	/* a guest in minutes */
extern const struct record_def attendance_def;
extern const struct record_def theme_def;	/* a theme in minutes */
extern const struct record_def signal_def;
extern const struct record_def action_def;
extern const struct record_def review_def;	/* review decision */
extern const struct record_def target_def;	/* target profile */
extern const struct record_def audit_def;
extern const struct record_def aggregate_def;	/* a roll-up's export */
extern const struct record_def contact_def;	/* contact log */
extern const struct record_def round_def;	/* call round */
extern const struct record_def call_def;	/* a line of a call sheet */
extern const struct record_def topic_def;	/* agenda topics */
extern const struct record_def reply_def;	/* who comes to dinner */
/* Every table above, NULL-terminated. */
extern const struct record_def *const record_defs[];

/*
 * The field lists and value lists made from the tables, for the
 * modules, the diagnostics and the completion.
 */
extern const char *const person_roles[];
extern const char *const person_sectors[];
extern const char *const person_age_bands[];
extern const char *const person_statuses[];
/* Fields of a person record, in RECORDS.md order. */
extern const char *const person_fields[];
/* The same less name, phone, email and the special categories. */
extern const char *const person_public_fields[];
extern const char *const meeting_fields[];	/* RECORDS.md order */
extern const char *const meeting_hosts[];	/* police municipality ally other */
extern const char *const meeting_statuses[];	/* planned held cancelled */
extern const char *const venue_fields[];	/* id network name host address active */
/* Fields of a minutes record (RECORDS.md minutes). */
extern const char *const minutes_fields[];
extern const char *const attendance_presences[];  /* present excused absent */
extern const char *const action_parties[];	/* police municipality ally joint */
extern const char *const action_statuses[];	/* open done dropped */
/* Fields of an action record: RECORDS.md order, then "revision". */
extern const char *const action_record_fields[];
extern const char *const signal_trends[];	/* rising steady falling */
extern const char *const signal_bases[];	/* evidenced experienced potential */
extern const char *const signal_themes[];	/* the method's seven themes */
extern const char *const signal_levels[];	/* calm .. unrest, 0 .. 4 */
extern const char *const signal_fields[];	/* a signal record's fields */
extern const char *const review_decisions[];	/* keep talk phase-out */
extern const char *const review_dimensions[];	/* age_band ... religion */
/* Fields of a member's review record. */
extern const char *const review_fields[];
extern const char *const contact_kinds[];	/* call visit message meeting */
extern const char *const contact_fields[];	/* a contact record's fields */
extern const char *const topic_statuses[];	/* proposed discussed dropped */
extern const char *const topic_fields[];	/* a topic record's fields */
extern const char *const reply_answers[];	/* yes no */
extern const char *const reply_fields[];	/* a reply record's fields */
/* Fields of an audit record. */
extern const char *const privacy_audit_fields[];
/* Fields of an aggregate record (a network's export for a roll-up). */
extern const char *const aggregate_fields[];
extern const char *const round_statuses[];	/* open closed */
extern const char *const call_outcomes[];	/* reached no-answer ... */
extern const char *const round_fields[];	/* a round record's fields */
extern const char *const call_fields[];		/* a call sheet's columns */

/* The field of that name, or NULL; its index, or -1. */
const struct field_def *record_def_field(const struct record_def *,
	    const char *);
int	 record_def_index(const struct record_def *, const char *);
/*
 * The field names, or the values, joined by ", " into buf (truncated to
 * its size): the lists the diagnostics show.  fields_join leaves out the
 * fields marked FIELD_UNLISTED; fields_join_except those whose flags
 * have any of its mask.
 */
const char *fields_join(const struct record_def *, char *, size_t);
const char *fields_join_except(const struct record_def *, unsigned, char *,
	    size_t);
/*
 * The names of the fields whose flags have none of mask, in the table's
 * order, into v (of n, NULL-ended); their number.
 */
size_t	 fields_names(const struct record_def *, unsigned, const char **,
	    size_t);
const char *values_join(const char *const *, char *, size_t);
/*
 * The table's identifying columns (FIELD_IDENTIFYING), for erasure:
 * FIELDS_ERASE_SET the SET list that clears them ("name = NULL, ...,
 * contact_consent = 0": a yes/no is cleared to 0), FIELDS_ERASE_TEST
 * the condition that a row still has one ("(name IS NOT NULL OR ...)").
 * NULL when it does not fit in buf.
 */
#define FIELDS_ERASE_SET	0
#define FIELDS_ERASE_TEST	1
const char *fields_identifying(const struct record_def *, int, char *,
	    size_t);

/*
 * "file:line: field: message" for a field of a record (EX_DATAERR); fmt
 * is translated by ally_error_at and takes at most one string.
 */
int	 field_error(const struct record *, const char *,
	    struct ally_error *, const char *, const char *);
/*
 * The one check of an enumerated value v (record_get's: NULL when empty)
 * of a field: 0 when it is one of the values, or empty and the field may
 * be absent; else "empty; one of: ..." or "'v' is not one of: ...".
 */
int	 field_check_enum(const struct record *, const struct field_def *,
	    const char *, struct ally_error *);
/*
 * Check the value of one field by its kind (enumerations, dates, times,
 * yes/no, integer ranges); the kinds whose checks need the database or
 * say more (aliases, text, sources) are left to the record's module.
 */
int	 field_check(const struct record *, const struct field_def *,
	    const char *, day_t, struct ally_error *);

#define FIELDS_ENUMS	0x01	/* fields_check: the enumerations only */

/*
 * The one entry point: field_check on every field of the table that
 * the record gives a value, in the table's order.  Empty values are the
 * caller's: it knows whether the record is new (then a required field is
 * missing) or changes a stored one (then field_check_enum with NULL
 * says "empty; one of: ...").
 */
int	 fields_check(const struct record_def *, const struct record *,
	    unsigned, day_t, struct ally_error *);

#endif /* ALLY_FIELDS_H */
