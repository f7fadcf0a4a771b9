/*
 * fields.c: the record types as data (see fields.h), the value lists
 * and field lists made from them, and the checks every module shares.
 *
 * Each record type is one X-list: F(index, name, kind, values, min,
 * max, maxlen, flags, column) for a field of the exported field list,
 * X(...) for one the record accepts but that list leaves out.  The
 * list is expanded once into the record_def and once into the names.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "fields.h"
#include "meeting.h"

/* ---- the values ---------------------------------------------------- */

const char *const person_roles[] = { "ally", "police", "municipality",
    NULL };
const char *const person_sectors[] = { "faith", "sport", "youth",
    "education", "business", "culture", "neighbourhood", "care", "women",
    "elderly", "other", NULL };
const char *const person_age_bands[] = { "<25", "25-39", "40-54", "55-69",
    "70+", NULL };
const char *const person_statuses[] = { "candidate", "active", "paused",
    "left", NULL };
const char *const meeting_hosts[] = { "police", "municipality", "ally",
    "other", NULL };
const char *const meeting_statuses[] = { "planned", "held", "cancelled",
    NULL };
const char *const attendance_presences[] = { "present", "excused",
    "absent", NULL };
const char *const action_parties[] = { "police", "municipality", "ally",
    "joint", NULL };
const char *const action_statuses[] = { "open", "done", "dropped", NULL };
/*
 * The words are values of records (never translated there); N_ marks
 * them for the printed report and the heat map, which show them in the
 * user's language.
 */
const char *const signal_trends[] = { N_("rising"), N_("steady"),
    N_("falling"), NULL };
const char *const signal_bases[] = { N_("evidenced"), N_("experienced"),
    N_("potential"), NULL };
const char *const signal_themes[] = { "radicalisation", "polarisation",
    "nuisance", "poverty", "youth", "safety", "trust", NULL };
/* A tension's words, for 0 .. 4 (the stored value is the number). */
const char *const signal_levels[] = { N_("calm"), N_("attention"),
    N_("concern"), N_("tension"), N_("unrest"), NULL };
const char *const review_decisions[] = { "keep", "talk", "phase-out",
    NULL };
const char *const contact_kinds[] = { "call", "visit", "message",
    "meeting", NULL };
const char *const round_statuses[] = { "open", "closed", NULL };
const char *const call_outcomes[] = { N_("reached"), N_("no-answer"),
    N_("call-back"), N_("declined"), NULL };
const char *const topic_statuses[] = { "proposed", "discussed", "dropped",
    NULL };
const char *const reply_answers[] = { "yes", "no", NULL };
const char *const review_dimensions[] = { "age_band", "gender", "sector",
    "background", "religion", NULL };

/* ---- the record types ------------------------------------------------ */

#define FIELD_DEF(i, n, k, v, lo, hi, len, fl, col) \
	{ n, k, v, lo, hi, len, fl, col },
#define FIELD_NAME(i, n, k, v, lo, hi, len, fl, col)	n,
#define FIELD_SKIP(i, n, k, v, lo, hi, len, fl, col)
#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))
/* The record_def of a table of fields named var_v. */
#define RECORD_DEF(var, name, table) \
	const struct record_def var##_def = { name, table, var##_v, \
	    NFIELDS(var##_v) }
/*
 * A record type from its X-list: the table of every field, the exported
 * list of the names of the F ones (NULL-terminated) and the record_def.
 */
#define RECORD_TYPE(var, list, names, name, table) \
	static const struct field_def var##_v[] = { \
		list(FIELD_DEF, FIELD_DEF) \
	}; \
	const char *const names[] = { list(FIELD_NAME, FIELD_SKIP) NULL }; \
	RECORD_DEF(var, name, table)

/* Fields of a person record, in RECORDS.md order. */
const char *const person_fields[] = {
	PERSON_FIELDS(FIELD_NAME, FIELD_NAME) NULL
};
/* The same less the identities and the special categories. */
RECORD_TYPE(person, PERSON_FIELDS, person_public_fields, "person", "person");

RECORD_TYPE(venue, VENUE_FIELDS, venue_fields, "venue", "venue");

static const struct field_def blackout_v[] = {
	{ "from", FK_DATE, NULL, 0, 0, 0, FIELD_REQUIRED_ON_ADD, NULL },
	{ "to", FK_DATE, NULL, 0, 0, 0, 0, NULL },
	{ "reason", FK_TEXT, NULL, 0, 0, 200, 0, NULL },
};
RECORD_DEF(blackout, "blackout", NULL);

RECORD_TYPE(meeting, MEETING_FIELDS, meeting_fields, "meeting",
    "meeting");

/* Fields of a minutes record (RECORDS.md minutes). */
RECORD_TYPE(minutes, MINUTES_FIELDS, minutes_fields, "minutes",
    "meeting");

/* A guest at the table (minutes): by role or organisation, never a name. */
static const struct field_def guest_v[] = {
	{ "role", FK_TEXT, NULL, 0, 0, 100, 0, "role" },
	{ "organisation", FK_TEXT, NULL, 0, 0, 200, 0, "organisation" },
};
RECORD_DEF(guest, "guest", "guest");

static const struct field_def attendance_v[] = {
	{ "meeting", FK_ID, NULL, 1, 0, 0, FIELD_NOT_EMPTY, "meeting_id" },
	{ "alias", FK_ALIAS, NULL, 0, 0, 16, FIELD_NOT_EMPTY, "person_id" },
	{ "presence", FK_ENUM, attendance_presences, 0, 0, 0,
	    FIELD_NOT_EMPTY, "presence" },
};
RECORD_DEF(attendance, "attendance", "attendance");

/* A theme of a meeting's minutes: a signal whose source is the meeting. */
static const struct field_def theme_v[] = {
	{ "theme", FK_WORD, signal_themes, 0, 0, 32,
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "theme" },
	{ "tension", FK_INT, signal_levels, 0, 4, 0,
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "tension" },
	{ "trend", FK_ENUM, signal_trends, 0, 0, 0, 0, "trend" },
	{ "basis", FK_ENUM, signal_bases, 0, 0, 0, 0, "basis" },
	{ "summary", FK_TEXT, NULL, 0, 0, 500, 0, "summary" },
};
RECORD_DEF(theme, "theme", "signal");

/* A signal record's fields. */
RECORD_TYPE(signal, SIGNAL_FIELDS, signal_fields, "signal", "signal");

RECORD_TYPE(round, ROUND_FIELDS, round_fields, "round", "round");

RECORD_TYPE(call, CALL_FIELDS, call_fields, "call", "call");

/* Fields of an action record: RECORDS.md order, then "revision". */
RECORD_TYPE(action, ACTION_FIELDS, action_record_fields, "action",
    "action");

/* Fields of a member's review record. */
RECORD_TYPE(review, REVIEW_FIELDS, review_fields, "review", "review");

/* Fields of a contact record. */
RECORD_TYPE(contact, CONTACT_FIELDS, contact_fields, "contact",
    "contact");

/* Fields of a topic record. */
RECORD_TYPE(topic, TOPIC_FIELDS, topic_fields, "topic", "topic");

/* Fields of a reply record. */
RECORD_TYPE(reply, REPLY_FIELDS, reply_fields, "reply", "reply");

static const struct field_def target_v[] = {
	{ "dimension", FK_ENUM, review_dimensions, 0, 0, 0,
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, NULL },
	{ "group", FK_TEXT, NULL, 0, 0, 200,
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, NULL },
	{ "share", FK_PERCENT, NULL, 0, 100, 0,
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, NULL },
};
RECORD_DEF(target, "target", NULL);

/* Fields of an audit record. */
RECORD_TYPE(audit, AUDIT_FIELDS, privacy_audit_fields, "audit", "audit");

/* Fields of an aggregate record. */
RECORD_TYPE(aggregate, AGGREGATE_FIELDS, aggregate_fields, "aggregate", NULL);

const struct record_def *const record_defs[] = { &person_def, &venue_def,
    &blackout_def, &meeting_def, &minutes_def, &guest_def, &attendance_def,
    &theme_def, &signal_def, &action_def, &review_def, &target_def,
    &audit_def, &aggregate_def, &contact_def, &topic_def, &round_def, &call_def,
    &reply_def, NULL };

/* ---- lookups and lists ----------------------------------------------- */

int
record_def_index(const struct record_def *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nfields; i++)
		if (strcmp(d->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

const struct field_def *
record_def_field(const struct record_def *d, const char *name)
{
	int i = record_def_index(d, name);

	return i < 0 ? NULL : &d->fields[i];
}

const char *
values_join(const char *const *v, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (; *v != NULL && n < len; v++)
		n += snprintf(buf + n, len - n, "%s%s", n ? ", " : "", *v);
	return buf;
}

const char *
fields_join_except(const struct record_def *d, unsigned mask, char *buf,
    size_t len)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < d->nfields && n < len; i++)
		if (!(d->fields[i].flags & mask))
			n += snprintf(buf + n, len - n, "%s%s", n ? ", " : "",
			    d->fields[i].name);
	return buf;
}

const char *
fields_join(const struct record_def *d, char *buf, size_t len)
{
	return fields_join_except(d, FIELD_UNLISTED, buf, len);
}

size_t
fields_names(const struct record_def *d, unsigned mask, const char **v,
    size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < d->nfields && k + 1 < n; i++)
		if (!(d->fields[i].flags & mask))
			v[k++] = d->fields[i].name;
	v[k] = NULL;
	return k;
}

const char *
fields_identifying(const struct record_def *d, int test, char *buf,
    size_t len)
{
	/* By test: a column's clause, a yes/no column's; the separator. */
	static const char *const form[2][3] = {
		{ "%s%s = NULL", "%s%s = 0", ", " },
		{ "%s%s IS NOT NULL", "%s%s <> 0", " OR " },
	};
	const struct field_def *f;
	const char *sep = "";
	size_t i, n;

	n = snprintf(buf, len, "%s", test ? "(" : "");
	for (i = 0; i < d->nfields && n < len; i++) {
		f = &d->fields[i];
		if (!(f->flags & FIELD_IDENTIFYING) || f->column == NULL)
			continue;
		n += snprintf(buf + n, len - n, form[test][f->kind == FK_BOOL],
		    sep, f->column);
		sep = form[test][2];
	}
	if (test && n < len)
		n += snprintf(buf + n, len - n, ")");
	return n < len ? buf : NULL;
}

/* ---- checks ---------------------------------------------------------- */

int
field_error(const struct record *r, const char *field,
    struct ally_error *err, const char *fmt, const char *arg)
{
	return ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
	    field, fmt, arg);
}

int
field_check_enum(const struct record *r, const struct field_def *f,
    const char *v, struct ally_error *err)
{
	char list[256];

	if (v != NULL ? str_in(v, f->values) : !(f->flags & FIELD_NOT_EMPTY))
		return 0;
	values_join(f->values, list, sizeof(list));
	if (v == NULL)
		return field_error(r, f->name, err, "empty; one of: %s", list);
	return ally_error_at(err, EX_DATAERR, r->file, record_line(r, f->name),
	    f->name, "'%s' is not one of: %s", v, list);
}

int
field_check(const struct record *r, const struct field_def *f,
    const char *v, day_t today, struct ally_error *err)
{
	day_t d;
	int n;

	if (f->kind == FK_ENUM)
		return field_check_enum(r, f, v, err);
	if (v == NULL)
		return 0;
	switch (f->kind) {
	case FK_DATE:
		if (date_parse(v, &d) != 0)
			return field_error(r, f->name, err, "'%s' is not a "
			    "date (YYYY-MM-DD)", v);
		if ((f->flags & FIELD_PAST) && d > today)
			return field_error(r, f->name, err, "%s is in the "
			    "future", v);
		break;
	case FK_TIME:
		if (time_parse(v, &n) != 0)
			return field_error(r, f->name, err, "'%s' is not a "
			    "time (HH:MM)", v);
		break;
	case FK_BOOL:
		if (parse_bool(v, &n) != 0)
			return field_error(r, f->name, err, "'%s': expected "
			    "yes or no", v);
		break;
	default:
		break;
	}
	return 0;
}

int
fields_check(const struct record_def *d, const struct record *r,
    unsigned mode, day_t today, struct ally_error *err)
{
	const struct field_def *f;
	const char *v;
	size_t i;

	for (i = 0; i < d->nfields; i++) {
		f = &d->fields[i];
		if ((mode & FIELDS_ENUMS) && f->kind != FK_ENUM)
			continue;
		if ((v = record_get(r, f->name)) != NULL &&
		    field_check(r, f, v, today, err) != 0)
			return -1;
	}
	return 0;
}
