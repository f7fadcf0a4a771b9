/*
 * record_test: records survive YAML and CSV both ways with nasty values,
 * formats are detected, and bad input is reported with its line.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"
#include "format.h"
#include "tap.h"

static const char *const nasty[] = {
	"no", "yes", "0612345678", "+31", "12:30", "Zoë", "a, b", "say \"hi\"",
	"two\nlines", "", " padded ", "~", "null", "- dash", "key: value",
	"# hash", "it's", "=SUM(A1)", "1e3", ".inf", "0x1F", "2027-03-09",
	"007", "true", "Ünïcödé ✓", "tab\there", "trailing:", "[list]",
	"{map}", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", "123",
	NULL
};

static struct record *
nasty_record(void)
{
	struct record *r = record_new();
	char key[16];
	size_t i;

	for (i = 0; nasty[i] != NULL; i++) {
		snprintf(key, sizeof(key), "f%02zu", i);
		record_set(r, key, nasty[i]);
	}
	return r;
}

/* Write records in fmt, read them back; returns the records read. */
static size_t
round_trip(struct record **in, size_t n, enum format fmt, int flags,
    struct record ***out)
{
	struct ally_error err = { 0, "" };
	struct writer *w;
	struct reader *rd;
	struct record *r;
	char *buf = NULL;
	size_t len = 0, got = 0, i;
	FILE *fp = open_memstream(&buf, &len);

	w = writer_open(fp, fmt, NULL, flags, &err);
	for (i = 0; i < n; i++)
		writer_put(w, in[i], &err);
	writer_close(w, &err);
	fclose(fp);
	fp = fmemopen(buf, len, "r");
	*out = calloc(n + 4, sizeof(**out));
	rd = reader_open(fp, "mem", FMT_AUTO, &err);
	ok(rd != NULL && reader_format(rd) == fmt, "%s detected on read-back",
	    format_name(fmt));
	while (rd != NULL && got < n + 4 && reader_next(rd, &r, &err) == 1)
		(*out)[got++] = r;
	if (err.code != 0)
		printf("# %s\n", err.msg);
	reader_close(rd);
	fclose(fp);
	free(buf);
	return got;
}

/* The records compared were read back from CSV. */
static int csv_read;

static int
same_scalars(const struct record *a, const struct record *b)
{
	size_t i;
	const char *x, *y;

	for (i = 0; i < a->nfields; i++) {
		x = record_get(a, a->fields[i].key);
		y = record_get(b, a->fields[i].key);
		/* CSV writes a would-be formula after an apostrophe. */
		if (csv_read && x != NULL && y != NULL && strchr("=+-@\t\r",
		    x[0]) != NULL && y[0] == '\'')
			y++;
		if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0)) {
			printf("# field %s: '%s' became '%s'\n",
			    a->fields[i].key, x ? x : "(null)",
			    y ? y : "(null)");
			return 0;
		}
	}
	return a->nfields == b->nfields;
}

static void
test_round_trips(void)
{
	struct record *in[2], **out, **out2;
	size_t n, i;

	in[0] = nasty_record();
	in[1] = nasty_record();
	record_set(in[1], "f00", "second");
	n = round_trip(in, 2, FMT_YAML, 0, &out);
	is_int(n, 2, "yaml: two records back");
	ok(n == 2 && same_scalars(in[0], out[0]) && same_scalars(in[1], out[1]),
	    "yaml: every nasty value unchanged");
	ok(n == 2 && record_field(out[0], "f02")->quoted,
	    "yaml: 0612345678 was quoted");
	n = round_trip(in, 2, FMT_CSV, 0, &out2);
	csv_read = 1;
	is_int(n, 2, "csv: two records back");
	ok(n == 2 && same_scalars(in[0], out2[0]) &&
	    same_scalars(in[1], out2[1]), "csv: every nasty value unchanged");
	for (i = 0; i < 2; i++) {
		record_free(out[i]);
		record_free(out2[i]);
	}
	free(out);
	free(out2);
	/* yaml -> csv -> yaml */
	n = round_trip(in, 1, FMT_YAML, WRITER_YAML_DOCS, &out);
	n = round_trip(out, n, FMT_CSV, 0, &out2);
	ok(n == 1 && same_scalars(in[0], out2[0]),
	    "yaml documents -> csv -> same values");
	record_free(out[0]);
	record_free(out2[0]);
	free(out);
	free(out2);
	record_free(in[0]);
	record_free(in[1]);
}

static void
test_many_fields(void)
{
	struct record *r = record_new(), **out;
	char key[16], val[32];
	size_t n;
	int i;

	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%04d", i);
		snprintf(val, sizeof(val), i % 3 ? "v%d, \"%d\"" : "%d", i, i);
		record_set(r, key, val);
	}
	n = round_trip(&r, 1, FMT_CSV, 0, &out);
	ok(n == 1 && out[0]->nfields == 1000 && same_scalars(r, out[0]),
	    "csv: 1000 fields");
	if (n == 1)
		record_free(out[0]);
	free(out);
	n = round_trip(&r, 1, FMT_YAML, 0, &out);
	ok(n == 1 && same_scalars(r, out[0]), "yaml: 1000 fields");
	if (n == 1)
		record_free(out[0]);
	free(out);
	record_free(r);
}

static void
test_nested(void)
{
	struct record *r = record_new(), *t = record_new(), **out;
	const char **items;
	char *buf;
	size_t n;

	record_set(r, "date", "2027-03-09");
	record_add_item(r, "present", "A01");
	record_add_item(r, "present", "A02");
	record_set(t, "theme", "youth");
	record_set(t, "tension", "2");
	record_add_record(r, "themes", t);
	n = round_trip(&r, 1, FMT_YAML, WRITER_YAML_DOCS, &out);
	ok(n == 1, "nested: one document back");
	if (n != 1)
		return;
	n = record_list(out[0], "present", &items, &buf);
	ok(n == 2 && strcmp(items[0], "A01") == 0 &&
	    strcmp(items[1], "A02") == 0, "nested: list of aliases");
	free(items);
	free(buf);
	ok(record_field(out[0], "themes")->kind == VAL_RECORDS &&
	    record_field(out[0], "themes")->nrecs == 1 &&
	    strcmp(record_get(record_field(out[0], "themes")->recs[0],
	    "tension"), "2") == 0, "nested: list of records");
	record_free(out[0]);
	free(out);
	record_free(r);
	/* The CSV form of a list: blank-separated. */
	r = record_new();
	record_set(r, "present", "A01 A02  A03");
	n = record_list(r, "present", &items, &buf);
	ok(n == 3 && strcmp(items[2], "A03") == 0, "csv list split on blanks");
	free(items);
	free(buf);
	record_free(r);
}

/* Parse text; return the error message (empty when it read all). */
static const char *
parse(const char *text, enum format fmt, size_t *count)
{
	static struct ally_error err;
	struct reader *rd;
	struct record *r;
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	ally_error_clear(&err);
	*count = 0;
	if ((rd = reader_open(fp, "in.txt", fmt, &err)) != NULL) {
		while ((rc = reader_next(rd, &r, &err)) == 1) {
			(*count)++;
			record_free(r);
		}
		reader_close(rd);
	}
	fclose(fp);
	return err.msg;
}

static void
test_inputs(void)
{
	size_t n;
	const char *m;

	m = parse("a: 1\nb: 2\n", FMT_AUTO, &n);
	ok(n == 1 && *m == '\0', "a single mapping is one record");
	m = parse("---\na: 1\n---\na: 2\n...\n---\n- a: 3\n- a: 4\n", FMT_AUTO,
	    &n);
	ok(n == 4 && *m == '\0', "a --- stream of mappings and sequences");
	m = parse("\xef\xbb\xbfname,role\r\nx,ally\r\ny,police\r\n", FMT_AUTO,
	    &n);
	ok(n == 2 && *m == '\0', "csv with BOM and CRLF");
	m = parse("name,role\nx,ally\n\ny,police", FMT_AUTO, &n);
	ok(n == 2 && *m == '\0', "csv: blank line, no final newline");
	m = parse("a,b\n1,2\n3\n", FMT_AUTO, &n);
	is_str(m, "in.txt:3: 1 fields where the header (line 1) has 2",
	    "csv: ragged row reported with its line");
	m = parse("a,b\n1,\"open\n2,3\n", FMT_AUTO, &n);
	like_prefix(m, "in.txt:2: ", "csv: unterminated quote at its line");
	m = parse("a,a\n1,2\n", FMT_AUTO, &n);
	is_str(m, "in.txt:1: a: column given twice in the header",
	    "csv: duplicate column");
	m = parse("a: 1\nb: [x\n", FMT_AUTO, &n);
	like_prefix(m, "in.txt:3: column", "yaml: syntax error with line");
	m = parse("a: 1\na: 2\n", FMT_AUTO, &n);
	is_str(m, "in.txt:2: a: field given twice", "yaml: duplicate key");
	m = parse("x: &a [1]\ny: *a\n", FMT_AUTO, &n);
	like_prefix(m, "in.txt:", "yaml: anchors refused");
	m = parse("a:\n  b: 1\n", FMT_AUTO, &n);
	is_str(m, "in.txt:2: a: expected a value or a list, not a mapping",
	    "yaml: nested mapping refused");
	m = parse("- [1, 2]\n", FMT_AUTO, &n);
	like_prefix(m, "in.txt:1: ", "yaml: list of lists refused");
	m = parse("a: \"x\\0y\"\n", FMT_AUTO, &n);
	is_str(m, "in.txt:1: a: NUL byte in value", "yaml: NUL refused");
	m = parse("a: \xff\xfe\n", FMT_AUTO, &n);
	like_prefix(m, "in.txt", "yaml: invalid UTF-8 refused");
	m = parse("", FMT_AUTO, &n);
	ok(n == 0 && *m == '\0', "empty input: no records");
	m = parse("# only a comment\n", FMT_AUTO, &n);
	ok(n == 0 && *m == '\0', "only a comment: no records");
	m = parse("alias\nA01\n", FMT_AUTO, &n);
	ok(n == 1 && *m == '\0', "a one-column csv");
	m = parse("alias: A01\n", FMT_CSV, &n);
	ok(n == 0 && *m == '\0', "forced csv reads a header only");
}

/* The setters mark a value's type; a copy keeps it, a text resets it. */
static void
test_types(void)
{
	struct record *r, *d;

	r = record_new();
	ok(r != NULL && record_set_int(r, "id", 7) == 0 &&
	    record_set_decimal(r, "mean", "%.1f", 4.25) == 0 &&
	    record_set_date(r, "due", "2027-03-09") == 0 &&
	    record_set_date(r, "left", "soon") == 0 &&
	    record_set(r, "note", "112") == 0, "typed setters");
	ok(record_field(r, "id")->type == FT_INTEGER &&
	    record_field(r, "mean")->type == FT_DECIMAL &&
	    strcmp(record_get(r, "mean"), "4.2") == 0 &&
	    record_field(r, "due")->type == FT_DATE &&
	    record_field(r, "left")->type == FT_TEXT &&
	    record_field(r, "note")->type == FT_TEXT, "each value its type");
	d = record_dup(r);
	ok(d != NULL && record_field(d, "id")->type == FT_INTEGER &&
	    record_field(d, "due")->type == FT_DATE, "a copy keeps the types");
	ok(record_set(r, "id", "x") == 0 &&
	    record_field(r, "id")->type == FT_TEXT, "a text set over a number "
	    "is text");
	record_free(d);
	record_free(r);
}

static void
test_quoting(void)
{
	static const char *const quoted[] = { "no", "No", "off", "y", "",
	    "0612345678", "+31", "12:30", "1e3", ".inf", "0x1F", "-1", "007",
	    " x", "x ", "a: b", "a #b", "~", "null", "trailing:", "1.5",
	    "two\nlines", "12", "0", "112", "2027-03-09", "1_000", "0o17",
	    ".5", "TRUE", "Yes", "2027-03-09T10:00:00Z", "12:30:00", NULL };
	static const char *const plain[] = { "Zoë", "police chief", "A01",
	    "faith", "Moskee Al-Fath, Oost", "e1", "Norway", NULL };
	/* "value type": may it be written plain as that type? */
	static const struct {
		const char	*s;
		enum field_type	 type;
		int		 plain;
	} typed[] = {
		{ "28", FT_INTEGER, 1 }, { "0", FT_INTEGER, 1 },
		{ "-1", FT_INTEGER, 1 }, { "+1", FT_INTEGER, 1 },
		{ "007", FT_INTEGER, 0 }, { "1_000", FT_INTEGER, 0 },
		{ "new", FT_INTEGER, 0 }, { "", FT_INTEGER, 0 },
		{ "4.2", FT_DECIMAL, 1 }, { "28", FT_DECIMAL, 1 },
		{ "-0.5", FT_DECIMAL, 1 }, { "1e3", FT_DECIMAL, 0 },
		{ "nan", FT_DECIMAL, 0 }, { "4.", FT_DECIMAL, 0 },
		{ "2027-03-09", FT_DATE, 1 }, { "2027-02-30", FT_DATE, 0 },
		{ "2027-3-9", FT_DATE, 0 }, { "112", FT_TEXT, 0 },
		{ "2027-03-09", FT_TEXT, 0 }, { "A01", FT_TEXT, 1 },
	};
	size_t i;
	int bad = 0;

	for (i = 0; quoted[i] != NULL; i++)
		if (!yaml_scalar_needs_quotes(quoted[i])) {
			printf("# not quoted: '%s'\n", quoted[i]);
			bad++;
		}
	ok(bad == 0, "every misreadable value is quoted");
	for (bad = 0, i = 0; plain[i] != NULL; i++)
		if (yaml_scalar_needs_quotes(plain[i])) {
			printf("# quoted: '%s'\n", plain[i]);
			bad++;
		}
	ok(bad == 0, "safe values stay plain");
	for (bad = 0, i = 0; i < sizeof(typed) / sizeof(typed[0]); i++)
		if (yaml_scalar_plain(typed[i].s, typed[i].type) !=
		    typed[i].plain) {
			printf("# '%s' of type %d: plain %d\n", typed[i].s,
			    (int)typed[i].type, !typed[i].plain);
			bad++;
		}
	ok(bad == 0, "a number or a date is plain only as its type");
	test_types();
}

static void
test_values(void)
{
	char buf[32];
	day_t d;
	int m;

	ok(phone_normalize("06-12345678", buf, sizeof(buf)) == 0 &&
	    strcmp(buf, "+31612345678") == 0, "06-12345678 -> E.164");
	ok(phone_normalize("+31 (0)6 1234 5678", buf, sizeof(buf)) == 0 &&
	    strcmp(buf, "+31612345678") == 0, "+31 (0)6 ... -> E.164");
	ok(phone_normalize("0118-612345", buf, sizeof(buf)) == 0 &&
	    strcmp(buf, "+31118612345") == 0, "area code number");
	ok(phone_normalize("0032 2 555 12 34", buf, sizeof(buf)) == 0 &&
	    strcmp(buf, "+3225551234") == 0, "00 international prefix");
	ok(phone_normalize("061234567", buf, sizeof(buf)) != 0,
	    "nine digits refused");
	ok(phone_normalize("+31 6 1234 567", buf, sizeof(buf)) != 0,
	    "short +31 number refused");
	ok(phone_normalize("06-1234abcd", buf, sizeof(buf)) != 0,
	    "letters refused");
	ok(valid_email("a.b@example.org") == 0, "email ok");
	ok(valid_email("a@b") != 0 && valid_email("a b@c.nl") != 0 &&
	    valid_email("@c.nl") != 0 && valid_email("a@@c.nl") != 0,
	    "bad emails refused");
	ok(date_parse("2027-02-30", &d) != 0, "2027-02-30 refused");
	ok(date_parse("2028-02-29", &d) == 0, "2028-02-29 accepted");
	ok(date_parse("2027-3-9", &d) != 0, "short date refused");
	ok(date_parse("2027-03-09", &d) == 0 && date_weekday(d) == 2,
	    "2027-03-09 is a Tuesday");
	date_format(date_add_months(date_from_ymd(2027, 1, 31), 1), buf);
	is_str(buf, "2027-02-28", "one month after 31 January");
	date_format(date_from_ymd(1969, 12, 31), buf);
	ok(strcmp(buf, "1969-12-31") == 0 &&
	    date_weekday(date_from_ymd(1969, 12, 31)) == 3,
	    "before the epoch");
	ok(time_parse("18:30", &m) == 0 && m == 1110 &&
	    time_parse("24:00", &m) != 0 && time_parse("8:00", &m) != 0,
	    "times");
	ok(valid_text("=cmd|' /C calc'!A0", 0) == -2, "formula refused");
	ok(valid_text("a\x01", 0) != 0 && valid_text("a\nb", 0) != 0 &&
	    valid_text("a\nb", 1) == 0, "control characters");
	ok(valid_utf8("\xc0\xaf") != 0 && valid_utf8("\xed\xa0\x80") != 0 &&
	    valid_utf8("Zo\xc3\xab") == 0, "strict UTF-8");
	{
		unsigned int c = 0;

		ok(utf8_decode((const unsigned char *)"A", &c) == 1 &&
		    c == 'A' && utf8_decode((const unsigned char *)
		    "\xc3\xab", &c) == 2 && c == 0xeb &&
		    utf8_decode((const unsigned char *)"\xe2\x82\xac", &c) ==
		    3 && c == 0x20ac && utf8_decode((const unsigned char *)
		    "\xf0\x9f\x98\x80", &c) == 4 && c == 0x1f600,
		    "utf8_decode: one to four bytes, their code points");
		ok(utf8_decode((const unsigned char *)"\xe2\x82", &c) < 0 &&
		    utf8_decode((const unsigned char *)"\xc0\xaf", &c) < 0 &&
		    utf8_decode((const unsigned char *)"\xed\xa0\x80", &c) <
		    0 && utf8_decode((const unsigned char *)"\xf4\x90\x80\x80",
		    &c) < 0 && utf8_decode((const unsigned char *)"\x80", &c) <
		    0, "utf8_decode: truncated, overlong, surrogate, too "
		    "high, a lone continuation byte: -1");
	}
}

/*
 * The definition valid_text and valid_utf8 had before they became one
 * pass (a stop of issue 10): two passes, decoding and then looking at
 * bytes.  The one-pass code must agree with it on every string.
 */
static int
ref_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int c;
	int n, i;

	while (*p) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0) {
			n = 1;
			c = *p & 0x1f;
		} else if ((*p & 0xf0) == 0xe0) {
			n = 2;
			c = *p & 0x0f;
		} else if ((*p & 0xf8) == 0xf0) {
			n = 3;
			c = *p & 0x07;
		} else
			return -1;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return -1;
			c = (c << 6) | (p[i] & 0x3f);
		}
		if ((n == 1 && c < 0x80) || (n == 2 && c < 0x800) ||
		    (n == 3 && c < 0x10000) || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff))
			return -1;
		p += n + 1;
	}
	return 0;
}

static int
ref_text(const char *s, int multiline)
{
	const unsigned char *p;

	if (ref_utf8(s) != 0)
		return -1;
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n' && multiline)
			continue;
		if (*p == '\t')
			continue;
		if (*p < 0x20 || *p == 0x7f)
			return -1;
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return -1;
	}
	if (s[0] == '=')
		return -2;
	return 0;
}

/* 0 where both agree on s, else 1 (and the string is shown). */
static int
differs(const unsigned char *b, size_t n)
{
	char s[16];
	size_t i;

	memcpy(s, b, n);
	s[n] = '\0';
	if (valid_utf8(s) == ref_utf8(s) && valid_text(s, 0) ==
	    ref_text(s, 0) && valid_text(s, 1) == ref_text(s, 1))
		return 0;
	printf("# differs on:");
	for (i = 0; i < n; i++)
		printf(" %02x", b[i]);
	printf("\n");
	return 1;
}

static void
test_text_rules(void)
{
	/* Bytes at every boundary of the rules, for the longer strings. */
	static const unsigned char edge[] = { 0x01, 0x09, 0x0a, 0x0d, 0x1f,
	    0x20, 0x3d, 0x41, 0x7e, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf,
	    0xc0, 0xc1, 0xc2, 0xc3, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef,
	    0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xff };
	const size_t ne = sizeof(edge);
	unsigned char b[12];
	unsigned long seed = 1, i, bad = 0, n = 0;
	size_t j, len;

	for (i = 1; i < 65536 && bad < 5; i++, n++) {	/* 1 and 2 bytes */
		b[0] = i & 0xff ? i & 0xff : i >> 8;
		b[1] = i >> 8;
		bad += differs(b, (i & 0xff) && (i >> 8) ? 2 : 1);
	}
	for (i = 0; i < ne * ne * ne * ne && bad < 5; i++, n++) {
		b[0] = edge[i % ne];
		b[1] = edge[i / ne % ne];
		b[2] = edge[i / ne / ne % ne];
		b[3] = edge[i / ne / ne / ne];
		bad += differs(b, 3) + differs(b, 4);
	}
	for (i = 0; i < 200000 && bad < 5; i++, n++) {	/* longer, mixed */
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		len = 5 + (seed >> 60) % 7;
		for (j = 0; j < len; j++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			b[j] = seed >> 63 ? edge[(seed >> 33) % ne] :
			    'a' + (seed >> 40) % 26;
		}
		bad += differs(b, len);
	}
	ok(bad == 0, "one-pass valid_text and valid_utf8 agree with the "
	    "two-pass definition on %lu strings", n);
}

/*
 * Field names are interned up to a bound, and owned copies beyond it:
 * 1,500 distinct names (three times the pool) through record_set,
 * record_dup, record_remove and the readers' record_append_owned keep
 * every name and value, and free what they own (the sanitizers' leak
 * check under check-asan).
 */
static void
test_key_pool(void)
{
	struct record *r, *d;
	char key[32], val[32];
	int i, bad = 0, k;

	r = record_new();
	d = record_new();
	ok(r != NULL && d != NULL && record_set(r, "summary", "x") == 0 &&
	    record_set(d, "summary", "y") == 0 &&
	    r->fields[0].key == d->fields[0].key,
	    "a name met before is the pool's one copy");
	record_free(r);
	record_free(d);
	for (i = 0; i < 1500; i += 50) {
		if ((r = record_new()) == NULL)
			break;
		for (k = i; k < i + 50; k++) {
			snprintf(key, sizeof(key), "pool_%d", k);
			snprintf(val, sizeof(val), "v%d", k);
			if (k % 2)
				bad += record_set(r, key, val) != 0;
			else
				bad += record_append_owned(r, key,
				    strdup(val)) == NULL;
		}
		d = record_dup(r);
		for (k = i; k < i + 50; k++) {
			snprintf(key, sizeof(key), "pool_%d", k);
			snprintf(val, sizeof(val), "v%d", k);
			bad += d == NULL || record_get(d, key) == NULL ||
			    strcmp(record_get(d, key), val) != 0;
		}
		snprintf(key, sizeof(key), "pool_%d", i + 7);
		bad += record_remove(r, key) != 1 || record_get(r, key) != NULL;
		bad += r->nfields != 49 ||
		    strcmp(r->fields[7].key, key) == 0;
		record_free(r);
		record_free(d);
	}
	ok(bad == 0, "1,500 field names, beyond the interned pool: every "
	    "name and value kept through set, append, dup and remove");
}

int
main(void)
{
	test_key_pool();	/* first: the other tests fill the pool */
	test_round_trips();
	test_many_fields();
	test_nested();
	test_inputs();
	test_quoting();
	test_values();
	test_text_rules();
	return done_testing();
}
