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

#define VENUE_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, 0, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, 0, "network_id") \
	F(NAME, "name", FK_TEXT, NULL, 0, 0, VENUE_NAME_MAX, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "name") \
	F(HOST, "host", FK_ENUM, meeting_hosts, 0, 0, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "host") \
	F(ADDRESS, "address", FK_TEXT, NULL, 0, 0, VENUE_ADDRESS_MAX, 0, \
	    "address") \
	F(ACTIVE, "active", FK_BOOL, NULL, 0, 0, 0, 0, "active") \
	X(CHANGE, "change", FK_TEXT, NULL, 0, 0, 0, FIELD_OUTPUT, NULL)

RECORD_TYPE(venue, VENUE_FIELDS, venue_fields, "venue", "venue");

static const struct field_def blackout_v[] = {
	{ "from", FK_DATE, NULL, 0, 0, 0, FIELD_REQUIRED_ON_ADD, NULL },
	{ "to", FK_DATE, NULL, 0, 0, 0, 0, NULL },
	{ "reason", FK_TEXT, NULL, 0, 0, 200, 0, NULL },
};
RECORD_DEF(blackout, "blackout", NULL);

#define MEETING_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, FIELD_REQUIRED_ON_ADD, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, 0, "network_id") \
	F(DATE, "date", FK_DATE, NULL, 0, 0, 0, FIELD_NOT_EMPTY, "date") \
	F(TIME, "time", FK_TIME, NULL, 0, 0, 0, FIELD_NOT_EMPTY, "time") \
	F(LOCATION, "location", FK_TEXT, NULL, 0, 0, VENUE_NAME_MAX, 0, \
	    "location") \
	F(HOST, "host", FK_ENUM, meeting_hosts, 0, 0, 0, 0, "host") \
	F(CHAIR, "chair", FK_ALIAS, NULL, 0, 0, 16, 0, "chair_id") \
	F(MEAL, "meal", FK_BOOL, NULL, 0, 0, 0, 0, "meal") \
	F(STATUS, "status", FK_ENUM, meeting_statuses, 0, 0, 0, \
	    FIELD_NOT_EMPTY, "status") \
	X(CHANGE, "change", FK_TEXT, NULL, 0, 0, 0, FIELD_OUTPUT, NULL) \
	X(FIELDS, "fields", FK_LIST, NULL, 0, 0, 0, FIELD_OUTPUT, NULL)

RECORD_TYPE(meeting, MEETING_FIELDS, meeting_fields, "meeting",
    "meeting");

#define MINUTES_FIELDS(F, X) \
	F(MEETING, "meeting", FK_ID, NULL, 1, 0, 0, 0, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, 0, "network_id") \
	F(DATE, "date", FK_DATE, NULL, 0, 0, 0, FIELD_PAST, "date") \
	F(TIME, "time", FK_TIME, NULL, 0, 0, 0, 0, "time") \
	F(LOCATION, "location", FK_TEXT, NULL, 0, 0, VENUE_NAME_MAX, 0, \
	    "location") \
	F(HOST, "host", FK_ENUM, meeting_hosts, 0, 0, 0, 0, "host") \
	F(CHAIR, "chair", FK_ALIAS, NULL, 0, 0, 16, 0, "chair_id") \
	F(MEAL, "meal", FK_BOOL, NULL, 0, 0, 0, 0, "meal") \
	F(PRESENT, "present", FK_LIST, NULL, 0, 0, 0, 0, NULL) \
	F(EXCUSED, "excused", FK_LIST, NULL, 0, 0, 0, 0, NULL) \
	F(ABSENT, "absent", FK_LIST, NULL, 0, 0, 0, 0, NULL) \
	F(THEMES, "themes", FK_RECORDS, NULL, 0, 0, 0, 0, NULL) \
	F(ACTIONS, "actions", FK_RECORDS, NULL, 0, 0, 0, 0, NULL) \
	F(GUESTS, "guests", FK_RECORDS, NULL, 0, 0, 0, 0, NULL) \
	F(TOPICS, "topics", FK_LIST, NULL, 0, 0, 0, 0, NULL) \
	F(NOTES, "notes", FK_MULTILINE, NULL, 0, 0, 0, 0, "notes")

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

#define SIGNAL_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, FIELD_UNLISTED, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, FIELD_UNLISTED, \
	    "network_id") \
	F(DATE, "date", FK_DATE, NULL, 0, 0, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY | FIELD_PAST, "date") \
	F(THEME, "theme", FK_WORD, signal_themes, 0, 0, 32, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "theme") \
	F(TENSION, "tension", FK_INT, signal_levels, 0, 4, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "tension") \
	F(TREND, "trend", FK_ENUM, signal_trends, 0, 0, 0, 0, "trend") \
	F(BASIS, "basis", FK_ENUM, signal_bases, 0, 0, 0, 0, "basis") \
	F(SOURCE, "source", FK_SOURCE, NULL, 0, 0, 0, \
	    FIELD_REQUIRED_ON_ADD, "source_id") \
	F(SUMMARY, "summary", FK_TEXT, NULL, 0, 0, 500, 0, "summary") \
	F(TIME, "time", FK_TIME, NULL, 0, 0, 0, 0, "time")

/* A signal record's fields. */
RECORD_TYPE(signal, SIGNAL_FIELDS, signal_fields, "signal", "signal");

/*
 * A call round (callround.c): opened and closed are "YYYY-MM-DD HH:MM",
 * local time; the summary is written when it is closed.
 */
#define ROUND_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, 0, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, FIELD_UNLISTED, \
	    "network_id") \
	F(OPENED, "opened", FK_DATETIME, NULL, 0, 0, 0, FIELD_NOT_EMPTY, \
	    "opened") \
	F(REASON, "reason", FK_TEXT, NULL, 0, 0, 300, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "reason") \
	F(THEMES, "themes", FK_LIST, NULL, 0, 0, 0, 0, "themes") \
	F(STATUS, "status", FK_ENUM, round_statuses, 0, 0, 0, \
	    FIELD_NOT_EMPTY, "status") \
	F(CLOSED, "closed", FK_DATETIME, NULL, 0, 0, 0, FIELD_OUTPUT, \
	    "closed") \
	F(SUMMARY, "summary", FK_TEXT, NULL, 0, 0, 1000, 0, "summary")

RECORD_TYPE(round, ROUND_FIELDS, round_fields, "round", "round");

/*
 * One line of a call sheet: the call, then what was heard (stored as a
 * signal from the alias).  name and phone are printed for the caller and
 * ignored when the sheet comes back.
 */
#define CALL_FIELDS(F, X) \
	F(ROUND, "round", FK_ID, NULL, 1, 0, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "round_id") \
	F(ALIAS, "alias", FK_ALIAS, NULL, 0, 0, 16, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "person_id") \
	F(NAME, "name", FK_TEXT, NULL, 0, 0, 0, \
	    FIELD_OUTPUT | FIELD_IDENTITY, NULL) \
	F(PHONE, "phone", FK_TEXT, NULL, 0, 0, 0, \
	    FIELD_OUTPUT | FIELD_IDENTITY, NULL) \
	F(OUTCOME, "outcome", FK_ENUM, call_outcomes, 0, 0, 0, 0, \
	    "outcome") \
	F(AT, "at", FK_TIME, NULL, 0, 0, 0, 0, "at") \
	F(CALL_BACK, "call_back", FK_TIME, NULL, 0, 0, 0, 0, "call_back") \
	F(THEME, "theme", FK_WORD, signal_themes, 0, 0, 32, 0, NULL) \
	F(TENSION, "tension", FK_INT, signal_levels, 0, 4, 0, 0, NULL) \
	F(TREND, "trend", FK_ENUM, signal_trends, 0, 0, 0, 0, NULL) \
	F(BASIS, "basis", FK_ENUM, signal_bases, 0, 0, 0, 0, NULL) \
	F(SUMMARY, "summary", FK_TEXT, NULL, 0, 0, 500, 0, NULL)

RECORD_TYPE(call, CALL_FIELDS, call_fields, "call", "call");

#define ACTION_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, 0, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, FIELD_CONTEXT, \
	    "network_id") \
	F(MEETING, "meeting", FK_ID, NULL, 1, 0, 0, FIELD_CONTEXT, \
	    "meeting_id") \
	F(TITLE, "title", FK_TEXT, NULL, 0, 0, 300, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "title") \
	F(PARTY, "party", FK_ENUM, action_parties, 0, 0, 0, \
	    FIELD_NOT_EMPTY, "party") \
	F(OWNER, "owner", FK_ALIAS, NULL, 0, 0, 16, 0, "owner_id") \
	F(DUE, "due", FK_DATE, NULL, 0, 0, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "due") \
	F(STATUS, "status", FK_ENUM, action_statuses, 0, 0, 0, \
	    FIELD_NOT_EMPTY, "status") \
	F(CLOSED, "closed", FK_DATE, NULL, 0, 0, 0, FIELD_PAST, "closed") \
	F(NOTE, "note", FK_MULTILINE, NULL, 0, 0, 4000, 0, "note") \
	F(REVISION, "revision", FK_INT, NULL, 1, INT64_MAX, 0, \
	    FIELD_OUTPUT | FIELD_NO_DB_CHECK, "revision")

/* Fields of an action record: RECORDS.md order, then "revision". */
RECORD_TYPE(action, ACTION_FIELDS, action_record_fields, "action",
    "action");

/*
 * A member's review record: what the review prints, and the decision
 * (with its date and note) that comes back in it.  The note is about
 * the person: erasure clears it.
 */
#define REVIEW_FIELDS(F, X) \
	F(ALIAS, "alias", FK_ALIAS, NULL, 0, 0, 16, FIELD_REQUIRED_ON_ADD, \
	    "person_id") \
	F(ROLE, "role", FK_ENUM, person_roles, 0, 0, 0, FIELD_OUTPUT, NULL) \
	F(STATUS, "status", FK_ENUM, person_statuses, 0, 0, 0, \
	    FIELD_OUTPUT, NULL) \
	F(STATUS_SINCE, "status_since", FK_DATE, NULL, 0, 0, 0, \
	    FIELD_OUTPUT, NULL) \
	F(MEETINGS, "meetings", FK_INT, NULL, 0, INT64_MAX, 0, \
	    FIELD_OUTPUT, NULL) \
	F(PRESENT, "present", FK_INT, NULL, 0, INT64_MAX, 0, FIELD_OUTPUT, \
	    NULL) \
	F(EXCUSED, "excused", FK_INT, NULL, 0, INT64_MAX, 0, FIELD_OUTPUT, \
	    NULL) \
	F(ATTENDANCE, "attendance", FK_INT, NULL, 0, 100, 0, FIELD_OUTPUT, \
	    NULL) \
	F(LAST_PRESENT, "last_present", FK_DATE, NULL, 0, 0, 0, \
	    FIELD_OUTPUT, NULL) \
	F(ABSENT_IN_ROW, "absent_in_row", FK_INT, NULL, 0, INT64_MAX, 0, \
	    FIELD_OUTPUT, NULL) \
	F(LAST_CONTACT, "last_contact", FK_DATE, NULL, 0, 0, 0, \
	    FIELD_OUTPUT, NULL) \
	F(CONTACTS, "contacts", FK_INT, NULL, 0, INT64_MAX, 0, \
	    FIELD_OUTPUT, NULL) \
	F(INTAKE, "intake", FK_DATE, NULL, 0, 0, 0, FIELD_OUTPUT, NULL) \
	F(VETTED, "vetted", FK_DATE, NULL, 0, 0, 0, FIELD_OUTPUT, NULL) \
	F(CONSENT, "contact_consent", FK_BOOL, NULL, 0, 0, 0, \
	    FIELD_OUTPUT, NULL) \
	F(FLAGS, "flags", FK_LIST, NULL, 0, 0, 0, FIELD_OUTPUT, NULL) \
	F(DECISION, "decision", FK_ENUM, review_decisions, 0, 0, 0, 0, \
	    "decision") \
	F(REVIEWED, "reviewed", FK_DATE, NULL, 0, 0, 0, FIELD_PAST, \
	    "reviewed") \
	F(NOTE, "note", FK_MULTILINE, NULL, 0, 0, 4000, FIELD_IDENTIFYING, \
	    "note") \
	X(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, FIELD_UNLISTED, \
	    "network_id")

/* Fields of a member's review record. */
RECORD_TYPE(review, REVIEW_FIELDS, review_fields, "review", "review");

/*
 * A contact between the meetings (contactlog.c): who spoke with which
 * member, when and how.  The note is about the person: erasure of the
 * member spoken with clears it.
 */
#define CONTACT_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, 0, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, 0, "network_id") \
	F(DATE, "date", FK_DATE, NULL, 0, 0, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY | FIELD_PAST, "date") \
	F(KIND, "kind", FK_ENUM, contact_kinds, 0, 0, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "kind") \
	F(BY, "by", FK_ALIAS, NULL, 0, 0, 16, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "by_id") \
	F(WITH, "with", FK_ALIAS, NULL, 0, 0, 16, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "with_id") \
	F(NOTE, "note", FK_TEXT, NULL, 0, 0, 500, FIELD_IDENTIFYING, "note")

/* Fields of a contact record. */
RECORD_TYPE(contact, CONTACT_FIELDS, contact_fields, "contact",
    "contact");

/*
 * A topic a member proposes for the agenda (topic.c): for a meeting (its
 * id) or for later (stored as no meeting).
 */
#define TOPIC_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, 0, "id") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, 0, "network_id") \
	F(PROPOSED_BY, "proposed_by", FK_ALIAS, NULL, 0, 0, 16, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "proposed_by_id") \
	F(TOPIC, "topic", FK_TEXT, NULL, 0, 0, 300, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "topic") \
	F(FOR, "for", FK_TEXT, NULL, 0, 0, 32, 0, "meeting_id") \
	F(STATUS, "status", FK_ENUM, topic_statuses, 0, 0, 0, \
	    FIELD_NOT_EMPTY, "status")

/* Fields of a topic record. */
RECORD_TYPE(topic, TOPIC_FIELDS, topic_fields, "topic", "topic");

/*
 * A reply to a dinner (reply.c): does the member come, how many come
 * along, and the diet.  A diet can tell a religion: it is special, shown
 * only as counts, and identifying (erasure clears it, encryption seals it).
 */
#define REPLY_FIELDS(F, X) \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, 0, "network_id") \
	F(MEETING, "meeting", FK_ID, NULL, 1, 0, 0, 0, "meeting_id") \
	F(ALIAS, "alias", FK_ALIAS, NULL, 0, 0, 16, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "person_id") \
	F(ANSWER, "answer", FK_ENUM, reply_answers, 0, 0, 0, \
	    FIELD_REQUIRED_ON_ADD | FIELD_NOT_EMPTY, "answer") \
	F(ALONG, "along", FK_INT, NULL, 0, 20, 0, 0, "along") \
	F(DIET, "diet", FK_TEXT, NULL, 0, 0, 100, \
	    FIELD_SPECIAL | FIELD_IDENTIFYING, "diet")

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

#define AUDIT_FIELDS(F, X) \
	F(ID, "id", FK_ID, NULL, 1, 0, 0, FIELD_OUTPUT, "id") \
	F(AT, "at", FK_DATETIME, NULL, 0, 0, 0, FIELD_OUTPUT, "at") \
	F(USER, "user", FK_TEXT, NULL, 0, 0, 0, FIELD_OUTPUT, "user") \
	F(COMMAND, "command", FK_TEXT, NULL, 0, 0, 0, FIELD_OUTPUT, \
	    "command") \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 0, FIELD_OUTPUT, \
	    "network") \
	F(WHAT, "what", FK_TEXT, NULL, 0, 0, 0, FIELD_OUTPUT, "what") \
	F(COUNT, "count", FK_INT, NULL, 0, INT64_MAX, 0, \
	    FIELD_OUTPUT | FIELD_NO_DB_CHECK, "count") \
	F(KIND, "kind", FK_TEXT, NULL, 0, 0, 0, FIELD_OUTPUT, "kind") \
	F(MEMBER, "member", FK_ALIAS, NULL, 0, 0, 0, FIELD_OUTPUT, "member")

/* Fields of an audit record. */
RECORD_TYPE(audit, AUDIT_FIELDS, privacy_audit_fields, "audit", "audit");

/*
 * A network's aggregates for a roll-up (aggregate.c): what the roll-up
 * needs and nothing more, never an alias, a source or a summary.  The
 * version says which report-sentiment made it; the mean is exact enough
 * to give back the sum of the levels.
 */
#define AGGREGATE_FIELDS(F, X) \
	F(VERSION, "version", FK_INT, NULL, 1, 1000, 0, \
	    FIELD_REQUIRED_ON_ADD, NULL) \
	F(NETWORK, "network", FK_NAME, NULL, 0, 0, 127, \
	    FIELD_REQUIRED_ON_ADD, NULL) \
	F(PERIOD, "period", FK_TEXT, NULL, 0, 0, 7, FIELD_REQUIRED_ON_ADD, \
	    NULL) \
	F(THEME, "theme", FK_WORD, signal_themes, 0, 0, 32, \
	    FIELD_REQUIRED_ON_ADD, NULL) \
	F(READINGS, "readings", FK_INT, NULL, 1, 1000000, 0, \
	    FIELD_REQUIRED_ON_ADD, NULL) \
	F(SIGNALS, "signals", FK_INT, NULL, 1, 100000000, 0, \
	    FIELD_REQUIRED_ON_ADD, NULL) \
	F(MAX, "max", FK_INT, signal_levels, 0, 4, 0, FIELD_REQUIRED_ON_ADD, \
	    NULL) \
	F(MEAN, "mean", FK_TEXT, NULL, 0, 4, 16, FIELD_REQUIRED_ON_ADD, NULL) \
	F(ALERTS, "alerts", FK_INT, NULL, 0, 1000000, 0, \
	    FIELD_REQUIRED_ON_ADD, NULL)

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
