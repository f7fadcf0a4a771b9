/*
 * yaml.c: records from and to YAML with libyaml's event API.
 *
 * A stream holds documents; a document is one mapping (one record) or a
 * sequence of mappings.  A field's value is a scalar, a sequence of
 * scalars, or a sequence of mappings (nested records, as in minutes).
 * Nothing deeper is accepted, so hostile nesting ends at the first level
 * too many, and anchors and aliases are refused outright.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "fields.h"

#define MAX_DEPTH	2	/* a record inside a list inside a record */

#define TAIL_KEEP	65536	/* more than libyaml's raw buffer holds */
/*
 * libyaml builds a whole value before it is seen: bytes given to it
 * without an event (an endless value from a pipe) stop here, and so do
 * the items of one list (a record's lists hold a network's members).
 */
#define GAP_MAX		(16 * ALLY_MAX_VALUE)
#define ITEMS_MAX	10000

/* Keep the bytes just read; count the newlines of those dropped. */
static int
keep_tail(struct reader *r, const unsigned char *buf, size_t n)
{
	size_t drop, ncap, i;
	char *p;

	while (n > 0) {
		if (r->taillen == r->tailcap && r->tailcap < 2 * TAIL_KEEP) {
			ncap = r->tailcap ? 2 * r->tailcap : 4096;
			if ((p = realloc(r->tail, ncap)) == NULL)
				return -1;
			r->tail = p;
			r->tailcap = ncap;
		}
		if (r->taillen == r->tailcap) {
			drop = TAIL_KEEP;
			for (i = 0; i < drop; i++)
				if (r->tail[i] == '\n')
					r->taillines++;
			memmove(r->tail, r->tail + drop, r->taillen - drop);
			r->taillen -= drop;
			r->tailoff += drop;
		}
		i = r->tailcap - r->taillen;
		if (i > n)
			i = n;
		memcpy(r->tail + r->taillen, buf, i);
		r->taillen += i;
		buf += i;
		n -= i;
	}
	return 0;
}

/* The line of a byte offset in the input, or 0 when no longer known. */
static unsigned long
offset_line(const struct reader *r, size_t off)
{
	unsigned long line = r->taillines + 1;
	size_t i;

	if (r->tail == NULL || off < r->tailoff ||
	    off - r->tailoff > r->taillen)
		return 0;
	for (i = 0; i < off - r->tailoff; i++)
		if (r->tail[i] == '\n')
			line++;
	return line;
}

static int
read_handler(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct reader *r = data;

	*got = reader_read(r, buf, size);
	if (ferror(r->fp)) {
		r->read_errno = errno != 0 ? errno : EIO;
		return 0;
	}
	if (keep_tail(r, buf, *got) != 0) {
		r->read_errno = ENOMEM;
		return 0;
	}
	if ((r->since_event += *got) > GAP_MAX) {
		r->read_errno = EFBIG;
		return 0;
	}
	return 1;
}

int
yaml_reader_init(struct reader *r, struct ally_error *err)
{
	if (!yaml_parser_initialize(&r->parser))
		return ally_errorf(err, EX_OSERR, "out of memory");
	r->parser_ok = 1;
	yaml_parser_set_input(&r->parser, read_handler, r);
	return 0;
}

void
yaml_reader_free(struct reader *r)
{
	if (r->parser_ok)
		yaml_parser_delete(&r->parser);
	r->parser_ok = 0;
	free(r->tail);
	r->tail = NULL;
	r->taillen = r->tailcap = 0;
}

/*
 * libyaml's own words for what is wrong with the input (its reader,
 * scanner and parser of version 0.2.5), listed so that they are
 * translated too.  A text not listed here is shown as libyaml gives it.
 */
static const char *const libyaml_words[] = {
	/*
	 * TRANSLATORS: the problems (and, after them, the contexts "while
	 * ...") that libyaml reports in a YAML file; shown as "FILE:LINE:
	 * column N: PROBLEM CONTEXT".  Words in <> and quoted marks are YAML.
	 */
	N_("input error"),
	N_("invalid leading UTF-8 octet"),
	N_("invalid trailing UTF-8 octet"),
	N_("invalid Unicode character"),
	N_("incomplete UTF-16 character"),
	N_("unexpected low surrogate area"),
	N_("input is too long"),
	N_("incomplete UTF-8 octet sequence"),
	N_("invalid length of a UTF-8 sequence"),
	N_("incomplete UTF-16 surrogate pair"),
	N_("control characters are not allowed"),
	N_("while scanning a simple key"),
	N_("could not find expected ':'"),
	N_("while scanning a block scalar"),
	N_("while scanning a tag"),
	N_("did not find expected '!'"),
	N_("while parsing a tag directive"),
	N_("while parsing a tag"),
	N_("did not find expected tag URI"),
	N_("while scanning a plain scalar"),
	N_("found unexpected ':'"),
	N_("while parsing a quoted scalar"),
	N_("while scanning an anchor"),
	N_("while scanning an alias"),
	N_("while scanning a directive"),
	N_("found unknown directive name"),
	N_("did not find the expected '>'"),
	N_("while scanning a %YAML directive"),
	N_("found extremely long version number"),
	N_("did not find expected version number"),
	N_("found a tab character where an indentation space is expected"),
	N_("while scanning a tag directive"),
	N_("while parsing a %TAG directive"),
	N_("did not find URI escaped octet"),
	N_("found an incorrect leading UTF-8 octet"),
	N_("found an incorrect trailing UTF-8 octet"),
	N_("found a tab character that violates indentation"),
	N_("found an indentation indicator equal to 0"),
	N_("did not find expected comment or line break"),
	N_("while scanning a quoted scalar"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unknown escape character"),
	N_("did not find expected hexdecimal number"),
	N_("found invalid Unicode character escape code"),
	N_("did not find expected alphabetic or numeric character"),
	N_("could not find expected directive name"),
	N_("found unexpected non-alphabetical character"),
	N_("did not find expected digit or '.' character"),
	N_("while scanning a %TAG directive"),
	N_("did not find expected whitespace"),
	N_("did not find expected whitespace or line break"),
	N_("block sequence entries are not allowed in this context"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("while scanning for the next token"),
	N_("found character that cannot start any token"),
	N_("found duplicate %TAG directive"),
	N_("found duplicate %YAML directive"),
	N_("found incompatible YAML document"),
	N_("did not find expected <document start>"),
	N_("did not find expected node content"),
	N_("did not find expected ',' or ']'"),
	N_("while parsing a block collection"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected <stream-start>"),
	N_("while parsing a block node"),
	N_("while parsing a flow node"),
	N_("while parsing a node"),
	N_("found undefined tag handle"),
	N_("while parsing a flow sequence"),
	N_("while parsing a block mapping"),
	N_("did not find expected key"),
	N_("while parsing a flow mapping"),
	NULL
};

/* libyaml's text in the user's language, when we know it. */
static const char *
libyaml_text(const char *s)
{
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; libyaml_words[i] != NULL; i++)
		if (strcmp(s, libyaml_words[i]) == 0)
			return _(libyaml_words[i]);
	return s;
}

static int
parse_error(struct reader *r, struct ally_error *err)
{
	yaml_parser_t *p = &r->parser;

	const char *problem = libyaml_text(p->problem);

	/* libyaml's buffers not grown: not the input's fault (71). */
	if (p->error == YAML_MEMORY_ERROR)
		return ally_errorf(err, EX_OSERR, "%s: out of memory",
		    r->name);
	if (p->error == YAML_READER_ERROR && r->read_errno == EFBIG)
		return ally_error_at(err, EX_DATAERR, r->name,
		    offset_line(r, p->problem_offset), NULL, "%s", _("value "
		    "too long (a megabyte without the end of a value)"));
	if (p->error == YAML_READER_ERROR && r->read_errno != 0)
		return ally_errorf(err, r->read_errno == ENOMEM ? EX_OSERR :
		    EX_IOERR, "%s: %s", r->name, strerror(r->read_errno));
	if (p->error == YAML_READER_ERROR)
		return ally_error_at(err, EX_DATAERR, r->name,
		    offset_line(r, p->problem_offset), NULL, "byte %zu: %s",
		    p->problem_offset + 1, problem);
	if (p->context != NULL)
		return ally_error_at(err, EX_DATAERR, r->name,
		    p->problem_mark.line + 1, NULL, "column %zu: %s %s",
		    p->problem_mark.column + 1, problem,
		    libyaml_text(p->context));
	return ally_error_at(err, EX_DATAERR, r->name,
	    p->problem_mark.line + 1, NULL, "column %zu: %s",
	    p->problem_mark.column + 1,
	    problem != NULL ? problem : _("malformed YAML"));
}

/*
 * A tag of the YAML core schema, or none: another (!!binary, !!python/...,
 * !local) asks for a type the fields do not have, and its value would be
 * stored as the text it is written in.
 */
static int
core_tag(const yaml_char_t *tag)
{
	static const char *const core[] = { "str", "int", "bool", "null",
	    "float", "timestamp", "map", "seq", NULL };
	static const char prefix[] = "tag:yaml.org,2002:";

	return tag == NULL || (strncmp((const char *)tag, prefix,
	    sizeof(prefix) - 1) == 0 && str_in((const char *)tag +
	    sizeof(prefix) - 1, core));
}

static int
next_event(struct reader *r, yaml_event_t *ev, struct ally_error *err)
{
	const yaml_char_t *tag = NULL;

	if (!yaml_parser_parse(&r->parser, ev))
		return parse_error(r, err);
	r->since_event = 0;
	if (ev->type == YAML_ALIAS_EVENT) {
		ally_error_at(err, EX_DATAERR, r->name,
		    ev->start_mark.line + 1, NULL,
		    "column %zu: aliases (*name) are not accepted",
		    ev->start_mark.column + 1);
		yaml_event_delete(ev);
		return -1;
	}
	if (ev->type == YAML_SCALAR_EVENT)
		tag = ev->data.scalar.tag;
	else if (ev->type == YAML_MAPPING_START_EVENT)
		tag = ev->data.mapping_start.tag;
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		tag = ev->data.sequence_start.tag;
	if (!core_tag(tag)) {
		ally_error_at(err, EX_DATAERR, r->name,
		    ev->start_mark.line + 1, NULL, "column %zu: tag %.64s is "
		    "not accepted (the fields are text, numbers and dates)",
		    ev->start_mark.column + 1, (const char *)tag);
		yaml_event_delete(ev);
		return -1;
	}
	return 0;
}

static int
event_error(struct reader *r, yaml_event_t *ev, struct ally_error *err,
    const char *field, const char *what)
{
	ally_error_at(err, EX_DATAERR, r->name, ev->start_mark.line + 1, field,
	    "%s", what);
	yaml_event_delete(ev);
	return -1;
}

/* A scalar's text, or NULL for YAML's null (plain ~, null or nothing). */
static int
scalar_value(struct reader *r, yaml_event_t *ev, const char *field,
    char **out, struct ally_error *err)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	int plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;

	*out = NULL;
	if (memchr(v, '\0', len) != NULL)
		return event_error(r, ev, err, field, _("NUL byte in value"));
	if (len > ALLY_MAX_VALUE)
		return event_error(r, ev, err, field, _("value too long"));
	if (plain && (len == 0 || strcmp(v, "~") == 0 ||
	    strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
	    strcmp(v, "NULL") == 0))
		return 0;
	if ((*out = strdup(v)) == NULL)
		return event_error(r, ev, err, field, _("out of memory"));
	return 0;
}

static int parse_mapping(struct reader *, struct record *, int,
    struct ally_error *);

/*
 * The record of a mapping whose MAPPING_START is ev (which it deletes),
 * read to its end; NULL with the error filled.
 */
static struct record *
parse_record(struct reader *r, yaml_event_t *ev, const char *field,
    int depth, struct ally_error *err)
{
	struct record *rec;

	if ((rec = record_new()) == NULL) {
		event_error(r, ev, err, field, _("out of memory"));
		return NULL;
	}
	rec->file = r->name;
	rec->line = ev->start_mark.line + 1;
	rec->column = ev->start_mark.column + 1;
	yaml_event_delete(ev);
	if (parse_mapping(r, rec, depth, err) != 0) {
		record_free(rec);
		return NULL;
	}
	return rec;
}

/* A sequence as a field's value: scalars, or mappings (records). */
static int
parse_sequence(struct reader *r, struct record *rec, const char *key,
    int depth, struct ally_error *err)
{
	yaml_event_t ev;
	struct record *sub;
	char *v;
	int rc, n;

	for (n = 0;; n++) {
		if (next_event(r, &ev, err) != 0)
			return -1;
		if (n == ITEMS_MAX && ev.type != YAML_SEQUENCE_END_EVENT)
			return event_error(r, &ev, err, key, _("a list of more "
			    "than ten thousand items"));
		switch (ev.type) {
		case YAML_SEQUENCE_END_EVENT:
			yaml_event_delete(&ev);
			if (record_field(rec, key) == NULL) {
				/* an empty list: present, and empty */
				if (record_set_null(rec, key) != 0)
					return ally_errorf(err, EX_OSERR,
					    "out of memory");
				record_field(rec, key)->kind = VAL_LIST;
			}
			return 0;
		case YAML_SCALAR_EVENT:
			if (scalar_value(r, &ev, key, &v, err) != 0)
				return -1;
			rc = record_add_item(rec, key, v != NULL ? v : "");
			free(v);
			yaml_event_delete(&ev);
			if (rc != 0)
				return ally_errorf(err, EX_OSERR,
				    "out of memory");
			break;
		case YAML_MAPPING_START_EVENT:
			if (depth >= MAX_DEPTH)
				return event_error(r, &ev, err, key,
				    _("records nested too deep"));
			if ((sub = parse_record(r, &ev, key, depth + 1,
			    err)) == NULL)
				return -1;
			if (record_add_record(rec, key, sub) != 0)
				return ally_errorf(err, EX_OSERR,
				    "out of memory");
			break;
		default:
			return event_error(r, &ev, err, key,
			    _("a list holds values or records, not lists"));
		}
	}
}

/*
 * The next field name of a mapping into *key, and where it stands: 1 at
 * the mapping's end, 0 for a name (new to the record), -1 on error.
 */
static int
parse_key(struct reader *r, struct record *rec, char **key,
    unsigned long *line, unsigned long *col, struct ally_error *err)
{
	yaml_event_t ev;

	if (next_event(r, &ev, err) != 0)
		return -1;
	if (ev.type == YAML_MAPPING_END_EVENT) {
		yaml_event_delete(&ev);
		return 1;
	}
	if (ev.type != YAML_SCALAR_EVENT)
		return event_error(r, &ev, err, NULL,
		    _("a field name must be a plain word"));
	if (scalar_value(r, &ev, NULL, key, err) != 0)
		return -1;
	*line = ev.start_mark.line + 1;
	*col = ev.start_mark.column + 1;
	if (*key == NULL || (*key)[0] == '\0' || valid_text(*key, 0) != 0) {
		free(*key);
		return event_error(r, &ev, err, NULL,
		    _("a field name must be a plain word"));
	}
	yaml_event_delete(&ev);
	if (record_field(rec, *key) != NULL)
		ally_error_at(err, EX_DATAERR, r->name, *line, *key,
		    "field given twice");
	else if (rec->nfields >= ALLY_MAX_FIELDS)
		ally_error_at(err, EX_DATAERR, r->name, *line, NULL,
		    "more than %d fields", ALLY_MAX_FIELDS);
	else
		return 0;
	free(*key);
	return -1;
}

/*
 * The value of the field key, which it takes over, named at line:col: a
 * scalar or a list.
 */
static int
parse_value(struct reader *r, struct record *rec, char *key,
    unsigned long line, unsigned long col, int depth, struct ally_error *err)
{
	yaml_event_t ev;
	struct field *f;
	char *v;
	int quoted;

	if (next_event(r, &ev, err) != 0)
		goto fail;
	switch (ev.type) {
	case YAML_SCALAR_EVENT:
		if (scalar_value(r, &ev, key, &v, err) != 0)
			goto fail;
		/* The key is new (checked before): the value moves in. */
		quoted = v != NULL && ev.data.scalar.style !=
		    YAML_PLAIN_SCALAR_STYLE;
		yaml_event_delete(&ev);
		f = record_append_owned(rec, key, v);
		free(key);
		if (f == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
		f->quoted = quoted;
		break;
	case YAML_SEQUENCE_START_EVENT:
		yaml_event_delete(&ev);
		if (parse_sequence(r, rec, key, depth, err) != 0)
			goto fail;
		f = record_field(rec, key);
		free(key);
		if (f == NULL)
			return 0;
		break;
	default:
		event_error(r, &ev, err, key,
		    _("expected a value or a list, not a mapping"));
		goto fail;
	}
	f->line = line;
	f->column = col;
	return 0;
fail:
	free(key);
	return -1;
}

/* The fields of one mapping, its MAPPING_START already consumed. */
static int
parse_mapping(struct reader *r, struct record *rec, int depth,
    struct ally_error *err)
{
	unsigned long line, col;
	char *key;
	int rc;

	for (;;) {
		if ((rc = parse_key(r, rec, &key, &line, &col, err)) != 0)
			return rc > 0 ? 0 : -1;
		if (parse_value(r, rec, key, line, col, depth, err) != 0)
			return -1;
	}
}

int
yaml_reader_next(struct reader *r, struct record **out,
    struct ally_error *err)
{
	yaml_event_t ev;
	struct record *rec;

	while (!r->done) {
		if (next_event(r, &ev, err) != 0)
			return -1;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			r->done = 1;
			break;
		case YAML_SEQUENCE_START_EVENT:
			if (r->in_seq)
				return event_error(r, &ev, err, NULL,
				    _("expected a record (a mapping), not a "
				    "list"));
			r->in_seq = 1;
			break;
		case YAML_SEQUENCE_END_EVENT:
			r->in_seq = 0;
			break;
		case YAML_MAPPING_START_EVENT:
			if ((rec = parse_record(r, &ev, NULL, 0, err)) == NULL)
				return -1;
			*out = rec;
			return 1;
		case YAML_SCALAR_EVENT:
			/* "---" alone, or "--- ~", is an empty document. */
			if (!r->in_seq && ev.data.scalar.length == 0)
				break;
			return event_error(r, &ev, err, NULL,
			    _("expected a record (field: value), not a value"));
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	return 0;
}

/* ---- writing ---------------------------------------------------------- */

/*
 * Would another YAML reader, of YAML 1.1 (PyYAML) or 1.2, take this text
 * for something other than the string it is?  Plain is safe only for
 * text that starts with a letter, is no boolean or null of either
 * version, and has no ": " or " #" in it.  Everything else is quoted:
 * "no", "112", "0612345678", "12:30" (sexagesimal in 1.1), "+31", "",
 * ".inf", "1e3", "1_000", "2027-03-09", leading or trailing blanks,
 * newlines.
 */
int
yaml_scalar_needs_quotes(const char *s)
{
	static const char *const words[] = { "y", "Y", "yes", "Yes", "YES",
	    "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
	    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null",
	    "Null", "NULL", NULL };
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i;

	if (len == 0)
		return 1;
	if (!((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z') ||
	    p[0] >= 0x80))
		return 1;
	if (str_in(s, words) || p[len - 1] == ' ' || p[len - 1] == ':')
		return 1;
	for (i = 0; i < len; i++) {
		if (p[i] < 0x20 || p[i] == 0x7f)
			return 1;
		if ((p[i] == ':' && p[i + 1] == ' ') ||
		    (p[i] == ' ' && p[i + 1] == '#'))
			return 1;
	}
	return 0;
}

/* Digits, no leading zero but "0" itself, and fewer than 19 of them. */
static const char *
skip_digits(const char *s)
{
	size_t n = strspn(s, "0123456789");

	if (n == 0 || n > 18 || (s[0] == '0' && n > 1))
		return NULL;
	return s + n;
}

/*
 * May a value of that type be written plain, so that every reader takes
 * it for that type?  An integer in decimal digits with an optional sign,
 * a decimal as digits with an optional fraction (written with ".0" when
 * it has none), an ISO date; anything else of these types is written as
 * a string, and a text as yaml_scalar_needs_quotes says.
 */
int
yaml_scalar_plain(const char *s, enum field_type type)
{
	day_t d;

	switch (type) {
	case FT_INTEGER:
		if (*s == '-' || *s == '+')
			s++;
		return (s = skip_digits(s)) != NULL && *s == '\0';
	case FT_DECIMAL:
		if (*s == '-')
			s++;
		if ((s = skip_digits(s)) == NULL)
			return 0;
		if (s[0] == '.' && s[1] >= '0' && s[1] <= '9')
			s += 1 + strspn(s + 1, "0123456789");
		return *s == '\0';
	case FT_DATE:
		return date_parse(s, &d) == 0;
	default:
		return !yaml_scalar_needs_quotes(s);
	}
}

/*
 * A name that is a date in every record type that has it (intake, due,
 * date ...).  Values read from the database's text columns and from
 * files are text; in such a field an ISO date is written as a date.
 */
static int
date_field(const char *key)
{
	const struct record_def *const *d;
	size_t i;
	int date = 0;

	for (d = record_defs; *d != NULL; d++)
		for (i = 0; i < (*d)->nfields; i++) {
			if (strcmp((*d)->fields[i].name, key) != 0)
				continue;
			if ((*d)->fields[i].kind != FK_DATE)
				return 0;
			date = 1;
		}
	return date;
}

static int
write_handler(void *data, unsigned char *buf, size_t size)
{
	struct writer *w = data;

	if (fwrite(buf, 1, size, w->fp) != size) {
		w->io_failed = 1;
		return 0;
	}
	return 1;
}

static int
emit(struct writer *w, yaml_event_t *ev, struct ally_error *err)
{
	if (yaml_emitter_emit(&w->emitter, ev))
		return 0;
	if (w->io_failed)
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return ally_errorf(err, EX_SOFTWARE, "YAML: %s",
	    w->emitter.problem != NULL ? w->emitter.problem :
	    _("emitter error"));
}

static int
emit_scalar(struct writer *w, const char *s, enum field_type type,
    struct ally_error *err)
{
	yaml_event_t ev;
	char buf[64];
	int quote;

	/* A value that is not of its type ("new", "<5") is a string. */
	if (type != FT_TEXT && !yaml_scalar_plain(s, type))
		type = FT_TEXT;
	quote = !yaml_scalar_plain(s, type);

	/* A decimal reads as a float only with a point: 28 is 28.0. */
	if (!quote && type == FT_DECIMAL && strchr(s, '.') == NULL &&
	    strlen(s) + 3 <= sizeof(buf)) {
		snprintf(buf, sizeof(buf), "%s.0", s);
		s = buf;
	}
	/*
	 * libyaml refuses invalid UTF-8 and leaves the event unset.  A
	 * quoted form needs no tag even when libyaml itself must quote
	 * ("police:P01" inside a flow sequence): it is a string.
	 */
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), !quote, 1, quote && strchr(s, '\n') == NULL &&
	    valid_text(s, 0) == 0 ? YAML_SINGLE_QUOTED_SCALAR_STYLE :
	    quote ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE))
		return ally_errorf(err, EX_DATAERR, "a value is not valid "
		    "UTF-8 and has no YAML form");
	return emit(w, &ev, err);
}

/* The type a scalar field is written as. */
static enum field_type
scalar_type(const struct field *f)
{
	day_t d;

	if (f->kind != VAL_SCALAR)
		return FT_TEXT;
	if (f->type == FT_TEXT && date_parse(f->value, &d) == 0 &&
	    date_field(f->key))
		return FT_DATE;
	return f->type;
}

static int
emit_record(struct writer *w, const struct record *r, int all,
    struct ally_error *err)
{
	yaml_event_t ev;
	const struct field *f;
	size_t i, j;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE);
	if (emit(w, &ev, err) != 0)
		return -1;
	for (i = 0; i < (all ? r->nfields : w->ncolumns); i++) {
		if (all)
			f = &r->fields[i];
		else if ((f = record_field(r, w->columns[i])) == NULL)
			continue;
		if (emit_scalar(w, f->key, FT_TEXT, err) != 0)
			return -1;
		switch (f->kind) {
		case VAL_NULL:
		case VAL_SCALAR:
			if (emit_scalar(w, f->kind == VAL_NULL ? "" : f->value,
			    scalar_type(f), err) != 0)
				return -1;
			break;
		case VAL_LIST:
		case VAL_RECORDS:
			yaml_sequence_start_event_initialize(&ev, NULL, NULL,
			    1, f->kind == VAL_LIST ? YAML_FLOW_SEQUENCE_STYLE :
			    YAML_BLOCK_SEQUENCE_STYLE);
			if (emit(w, &ev, err) != 0)
				return -1;
			for (j = 0; j < f->nitems; j++)
				if (emit_scalar(w, f->items[j], FT_TEXT,
				    err) != 0)
					return -1;
			for (j = 0; j < f->nrecs; j++)
				if (emit_record(w, f->recs[j], 1, err) != 0)
					return -1;
			yaml_sequence_end_event_initialize(&ev);
			if (emit(w, &ev, err) != 0)
				return -1;
			break;
		}
	}
	yaml_mapping_end_event_initialize(&ev);
	return emit(w, &ev, err);
}

static int
document_start(struct writer *w, struct ally_error *err)
{
	yaml_event_t ev;

	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
	return emit(w, &ev, err);
}

static int
document_end(struct writer *w, struct ally_error *err)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	return emit(w, &ev, err);
}

int
yaml_writer_put(struct writer *w, const struct record *r,
    struct ally_error *err)
{
	yaml_event_t ev;

	if (!w->emitter_ok) {
		if (!yaml_emitter_initialize(&w->emitter))
			return ally_errorf(err, EX_OSERR, "out of memory");
		w->emitter_ok = 1;
		yaml_emitter_set_output(&w->emitter, write_handler, w);
		yaml_emitter_set_unicode(&w->emitter, 1);
		yaml_emitter_set_width(&w->emitter, -1);
		yaml_emitter_set_indent(&w->emitter, 2);
		yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
		if (emit(w, &ev, err) != 0)
			return -1;
		if (!(w->flags & WRITER_YAML_DOCS)) {
			if (document_start(w, err) != 0)
				return -1;
			yaml_sequence_start_event_initialize(&ev, NULL, NULL,
			    1, YAML_BLOCK_SEQUENCE_STYLE);
			if (emit(w, &ev, err) != 0)
				return -1;
		}
	}
	if ((w->flags & WRITER_YAML_DOCS) && document_start(w, err) != 0)
		return -1;
	if (emit_record(w, r, !w->fixed_columns, err) != 0)
		return -1;
	if ((w->flags & WRITER_YAML_DOCS) && document_end(w, err) != 0)
		return -1;
	return 0;
}

int
yaml_writer_close(struct writer *w, struct ally_error *err)
{
	yaml_event_t ev;
	int rc = 0;

	if (!w->emitter_ok)
		return 0;
	if (!(w->flags & WRITER_YAML_DOCS)) {
		yaml_sequence_end_event_initialize(&ev);
		rc = emit(w, &ev, err);
		if (rc == 0)
			rc = document_end(w, err);
	}
	if (rc == 0) {
		yaml_stream_end_event_initialize(&ev);
		rc = emit(w, &ev, err);
	}
	if (rc == 0 && !yaml_emitter_flush(&w->emitter))
		rc = ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	yaml_emitter_delete(&w->emitter);
	w->emitter_ok = 0;
	return rc;
}
