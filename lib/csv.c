/*
 * csv.c: records from and to CSV (RFC 4180) with a header row.
 *
 * Input is read in blocks and cut into lines here, so that every record
 * knows the line it started on.  A simple line (see split_plain) is split
 * here, exactly as libcsv would split it; any other line goes to libcsv,
 * in strict mode, one line per call.  Either way the same callbacks build
 * the records.
 * Lists are written blank-separated in one field.  Output lines end in
 * CRLF as RFC 4180 says; input takes CRLF or LF.
 *
 * Input may be split by a semicolon or a tab instead of a comma, as
 * spreadsheets save CSV in locales whose decimal mark is a comma (Dutch
 * Excel: semicolons, a byte order mark, CRLF).  The header line chooses
 * the delimiter, once per file; output always uses commas.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "fields.h"
#include "format.h"

/* What a spreadsheet takes for the start of a formula. */
#define CSV_FORMULA	"=+-@\t\r"

#define CSV_OPTIONS	(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | \
			 CSV_EMPTY_IS_NULL)

/*
 * libcsv grows a field's buffer by blk_size bytes at a time: with its
 * 128, a 10 MB field costs 80,000 reallocs, each of which may copy it.
 * Grow a value's worth at a time, and refuse to grow far past the
 * longest value accepted, so that a huge field ends at once as an error.
 */
#define CSV_BLOCK	ALLY_MAX_VALUE
#define CSV_MAX_BUF	(2 * CSV_BLOCK)

/* Input is read this much at a time (more when a line is longer). */
#define CSV_READ	65536
/* The longest line: sixteen values of the longest (whole records fit). */
#define CSV_LINE_MAX	(16 * ALLY_MAX_VALUE)
/*
 * Lines split here are shorter than libcsv's first field buffer, so that
 * no value could have met its cap there (it counts the blanks it drops).
 */
#define CSV_PLAIN_MAX	(CSV_BLOCK - 1)

static void *
capped_realloc(void *p, size_t size)
{
	if (size > CSV_MAX_BUF)
		return NULL;
	return realloc(p, size);
}

int
csv_reader_init(struct reader *r, struct ally_error *err)
{
	if (csv_init(&r->csv, CSV_OPTIONS) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	csv_set_blk_size(&r->csv, CSV_BLOCK);
	csv_set_realloc_func(&r->csv, capped_realloc);
	r->csv_ok = 1;
	r->delim = ',';
	return 0;
}

static void
free_row(struct reader *r)
{
	size_t i;

	for (i = 0; i < r->nrow; i++)
		free(r->row[i]);
	r->nrow = 0;
}

/* The arrays beside the row's values: given up with the row's room. */
static void
free_row_arrays(struct reader *r)
{
	free(r->rownull);
	free(r->rowline);
	r->rownull = NULL;
	r->rowline = NULL;
	r->caprow = 0;
}

void
csv_reader_free(struct reader *r)
{
	size_t i;

	if (r->csv_ok)
		csv_free(&r->csv);
	r->csv_ok = 0;
	free_row(r);
	free(r->row);
	free_row_arrays(r);
	for (i = 0; i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	for (i = r->qhead; i < r->nqueue; i++)
		record_free(r->queue[i]);
	free(r->queue);
	free(r->linebuf);
}

static void
cb_fail(struct reader *r, unsigned long line, const char *field,
    const char *what)
{
	if (!r->cb_failed)
		ally_error_at(&r->cb_err, EX_DATAERR, r->name, line, field,
		    "%s", what);
	r->cb_failed = 1;
}

/* The header's name of the field being read, or NULL. */
static const char *
column_name(const struct reader *r)
{
	return r->header != NULL && r->nrow < r->nheader ?
	    r->header[r->nrow] : NULL;
}

static void
cb_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	unsigned long *nl, line = r->field_line;
	char **nr;
	int *nn;
	size_t ncap;

	/* A quoted value may span lines: the next field starts here. */
	r->field_line = r->lineno;
	if (r->cb_failed)
		return;
	if (len > ALLY_MAX_VALUE) {
		cb_fail(r, line, column_name(r), _("value too long"));
		return;
	}
	if (s != NULL && memchr(s, '\0', len) != NULL) {
		cb_fail(r, line, column_name(r), _("NUL byte in value"));
		return;
	}
	if (r->nrow >= ALLY_MAX_FIELDS) {
		cb_fail(r, line, NULL, _("too many fields"));
		return;
	}
	if (r->nrow == r->caprow) {
		ncap = r->caprow ? r->caprow * 2 : 32;
		if ((nr = reallocarray(r->row, ncap, sizeof(*nr))) == NULL) {
			cb_fail(r, r->row_line, NULL, _("out of memory"));
			return;
		}
		r->row = nr;
		if ((nn = reallocarray(r->rownull, ncap, sizeof(*nn))) ==
		    NULL) {
			cb_fail(r, r->row_line, NULL, _("out of memory"));
			return;
		}
		r->rownull = nn;
		if ((nl = reallocarray(r->rowline, ncap, sizeof(*nl))) ==
		    NULL) {
			cb_fail(r, r->row_line, NULL, _("out of memory"));
			return;
		}
		r->rowline = nl;
		r->caprow = ncap;
	}
	r->rownull[r->nrow] = s == NULL;
	r->rowline[r->nrow] = line;
	if ((r->row[r->nrow] = strndup(s != NULL ? s : "", len)) == NULL) {
		cb_fail(r, r->row_line, NULL, _("out of memory"));
		return;
	}
	/* The apostrophe the writer puts before a would-be formula. */
	if (r->header != NULL && r->row[r->nrow][0] == '\'' &&
	    r->row[r->nrow][1] != '\0' &&
	    strchr(CSV_FORMULA, r->row[r->nrow][1]) != NULL)
		memmove(r->row[r->nrow], r->row[r->nrow] + 1, len);
	/* As the YAML reader does: text is UTF-8, or the input is refused. */
	if (valid_utf8(r->row[r->nrow]) != 0) {
		cb_fail(r, line, column_name(r),
		    _("not valid UTF-8 (save the file as UTF-8)"));
		free(r->row[r->nrow]);
		return;
	}
	r->nrow++;
}

/*
 * A field from libcsv: a line break inside quotes, CRLF or a lone CR
 * as spreadsheets write it, is a newline in the value.  The buffer is
 * libcsv's, emptied after the call.  Lines with a CR inside never reach
 * split_plain, so only this path looks.
 */
static void
cb_field_crlf(void *s, size_t len, void *data)
{
	char *p = s, *end, *q;

	if (p != NULL && (q = memchr(p, '\r', len)) != NULL) {
		for (end = p + len, p = q; q < end; q++) {
			if (*q != '\r')
				*p++ = *q;
			else if (q + 1 == end || q[1] != '\n')
				*p++ = '\n';
		}
		len = p - (char *)s;
	}
	cb_field(s, len, data);
}

static int
queue_push(struct reader *r, struct record *rec)
{
	struct record **nq;

	if (r->qhead > 0 && r->qhead == r->nqueue)
		r->qhead = r->nqueue = 0;
	if ((nq = array_grow(r->queue, r->nqueue, &r->capqueue,
	    sizeof(*nq))) == NULL)
		return -1;
	r->queue = nq;
	r->queue[r->nqueue++] = rec;
	return 0;
}

/* The delimiters a header is split by, the RFC's first. */
static const char csv_delims[] = ",;\t";

/* Whether the n bytes at s are a field of any record type. */
static int
known_field(const char *s, size_t n)
{
	const struct record_def *const *d;
	size_t i;

	for (d = record_defs; *d != NULL; d++)
		for (i = 0; i < (*d)->nfields; i++)
			if (strncmp((*d)->fields[i].name, s, n) == 0 &&
			    (*d)->fields[i].name[n] == '\0')
				return 1;
	return 0;
}

/*
 * A header field that no record type has and that holds another
 * delimiter is a header split wrongly: said before anything else, or
 * every row would be refused for a field it seems to lack.
 */
static int
header_unsplit(struct reader *r, const char *name)
{
	const char *d;
	char msg[400];
	int len;

	/* A name unreadable is said so after this. */
	if (known_field(name, strlen(name)) || valid_text(name, 0) == -1)
		return 0;
	for (d = csv_delims; *d != '\0'; d++)
		if (*d != r->delim && strchr(name, *d) != NULL)
			break;
	if (*d == '\0')
		return 0;
	/* At most 200 bytes of it, not cut inside a character. */
	for (len = strnlen(name, 200); len > 0 && name[len] != '\0' &&
	    (name[len] & 0xc0) == 0x80; len--)
		;
	/*
	 * TRANSLATORS: a CSV header that was read as one field: the field
	 * as read, then the delimiter it seems to use (';', ',' or "a
	 * tab").
	 */
	snprintf(msg, sizeof(msg), _("unknown field '%.*s%s' (the header "
	    "was not split: is the delimiter %s?)"), len, name,
	    name[len] != '\0' ? "..." : "", *d == '\t' ? _("a tab") :
	    *d == ';' ? "';'" : "','");
	cb_fail(r, r->row_line, "header", msg);
	return -1;
}

static void
cb_row(int c, void *data)
{
	struct reader *r = data;
	struct record *rec;
	struct field *f;
	size_t i, j;

	(void)c;
	if (r->cb_failed)
		return;
	if (r->header == NULL) {
		for (i = 0; i < r->nrow; i++) {
			if (header_unsplit(r, r->row[i]) != 0)
				return;
			if (r->row[i][0] == '\0' || valid_text(r->row[i], 0)) {
				cb_fail(r, r->row_line, NULL,
				    _("header: empty or unreadable column "
				    "name"));
				return;
			}
			for (j = 0; j < i; j++)
				if (strcmp(r->row[i], r->row[j]) == 0) {
					cb_fail(r, r->row_line, r->row[i],
					    _("column given twice in the "
					    "header"));
					return;
				}
		}
		r->header = r->row;
		r->nheader = r->nrow;
		r->header_line = r->row_line;
		r->row = NULL;
		r->nrow = 0;
		free_row_arrays(r);
		return;
	}
	if (r->nrow != r->nheader) {
		char msg[160];

		/*
		 * TRANSLATORS: a row of a CSV file with the wrong number of
		 * fields: how many it has, the header's line, how many the
		 * header has.
		 */
		snprintf(msg, sizeof(msg), _("%zu fields where the header "
		    "(line %lu) has %zu"), r->nrow, r->header_line, r->nheader);
		cb_fail(r, r->row_line, NULL, msg);
		return;
	}
	if ((rec = record_new()) == NULL) {
		cb_fail(r, r->row_line, NULL, _("out of memory"));
		return;
	}
	rec->file = r->name;
	rec->line = r->row_line;
	/* The header has no name twice: the values move in, uncopied. */
	for (i = 0; i < r->nrow; i++) {
		if (r->rownull[i]) {
			free(r->row[i]);
			r->row[i] = NULL;
		}
		f = record_append_owned(rec, r->header[i], r->row[i]);
		r->row[i] = NULL;
		if (f == NULL) {
			record_free(rec);
			free_row(r);
			cb_fail(r, r->row_line, NULL, _("out of memory"));
			return;
		}
		f->line = r->rowline[i];
		f->column = i + 1;
		f->quoted = 1;	/* CSV has no types: every value a string */
	}
	r->nrow = 0;
	if (queue_push(r, rec) != 0) {
		record_free(rec);
		cb_fail(r, r->row_line, NULL, _("out of memory"));
	}
}

/*
 * The next line of the input, its newline included, in the block buffer
 * (valid until the next call); its length, 0 at the end, -1 on failure.
 */
static ssize_t
next_line(struct reader *r, char **line)
{
	size_t k, got, ncap;
	char *nl, *p;

	for (;;) {
		k = r->linelen - r->linepos;
		p = r->linebuf + r->linepos;
		if (k > 0 && (nl = memchr(p, '\n', k)) != NULL) {
			*line = p;
			r->linepos += nl + 1 - p;
			return nl + 1 - p;
		}
		/* Keep the part of a line read, and read on behind it. */
		if (r->linepos > 0) {
			memmove(r->linebuf, p, k);
			r->linepos = 0;
			r->linelen = k;
		}
		if (r->linelen == r->linecap) {
			/* A line of /dev/zero would take all memory. */
			if (r->linecap >= CSV_LINE_MAX) {
				errno = EFBIG;
				return -1;
			}
			ncap = r->linecap ? 2 * r->linecap : CSV_READ;
			if ((p = realloc(r->linebuf, ncap)) == NULL) {
				errno = ENOMEM;
				return -1;
			}
			r->linebuf = p;
			r->linecap = ncap;
		}
		got = reader_read(r, r->linebuf + r->linelen,
		    r->linecap - r->linelen);
		if (got == 0) {
			if (ferror(r->fp))
				return -1;
			*line = r->linebuf;
			r->linepos = r->linelen;
			return (ssize_t)k;	/* a last line without newline */
		}
		r->linelen += got;
	}
}

/*
 * Choose the delimiter by the header line of n bytes at s: the one that
 * splits it into the most fields of a record type, else (no name known
 * either way) into the most fields; a comma when none is there.  The
 * fields are cut naively: a header's names hold no delimiter.
 */
static char
detect_delim(const char *s, size_t n)
{
	size_t a, b, e, known, nf, best_known = 0, best_nf = 1;
	const char *d;
	char best = ',';

	for (d = csv_delims; *d != '\0'; d++) {
		known = nf = 0;
		for (a = 0; a <= n; a = b + 1) {
			for (b = a; b < n && s[b] != *d; b++)
				;
			nf++;
			for (e = b; a < e && (s[a] == ' ' || s[a] == '\t' ||
			    s[a] == '"'); a++)
				;
			while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
			    s[e - 1] == '"'))
				e--;
			known += e > a && known_field(s + a, e - a);
		}
		if (known > best_known || (known == best_known &&
		    nf > best_nf)) {
			best = *d;
			best_known = known;
			best_nf = nf;
		}
	}
	return best;
}

/*
 * The first line that says something: a byte order mark before it
 * skipped, its delimiter chosen, for libcsv and split_plain alike.
 */
static void
first_line(struct reader *r, char **line, ssize_t *n)
{
	const char *s;
	size_t k;

	if (r->lineno == 1 && *n >= 3 && memcmp(*line, "\xef\xbb\xbf",
	    3) == 0) {
		*line += 3;
		*n -= 3;
	}
	s = *line;
	for (k = (size_t)*n; k > 0 && (s[k - 1] == '\n' ||
	    s[k - 1] == '\r'); k--)
		;
	while (k > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		k--;
	}
	if (k == 0 || r->sep_given)
		return;		/* a blank line, no row */
	/* Excel's "sep=;" before the header: the delimiter, no row. */
	if (r->lineno == 1 && k == 5 && memcmp(s, "sep=", 4) == 0 &&
	    s[4] != '"' && s[4] != ' ') {
		r->delim = s[4];
		r->sep_given = 1;
		*n = 0;
	} else
		r->delim = detect_delim(s, k);
	csv_set_delim(&r->csv, (unsigned char)r->delim);
}

/* A blank, as libcsv has it: a space, or a tab that is no delimiter. */
static int
blank(char c, char delim)
{
	return c == ' ' || (c == '\t' && delim != '\t');
}

/* Rows of more fields than this go to libcsv. */
#define CSV_PLAIN_FIELDS 64

/*
 * Split a row of one line as libcsv does in strict mode, to the same
 * callbacks: blanks around a value dropped, an unquoted empty value
 * null, a blank line no row.  Only for a line that starts a row, shorter
 * than CSV_PLAIN_MAX, without a carriage return but one just before its
 * newline, whose quoted values hold no quote and are followed by nothing
 * but blanks; the rest (and anything libcsv would refuse) goes to
 * libcsv.  The line is checked whole before the first callback.
 */
static int
split_plain(struct reader *r, const char *s, size_t n, char d)
{
	struct {
		size_t	start, end;
		int	quoted;
	} v[CSV_PLAIN_FIELDS];
	size_t i = 0, nv = 0, k;
	const char *q;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n >= CSV_PLAIN_MAX || memchr(s, '\r', n) != NULL)
		return -1;
	while (i < n && blank(s[i], d))
		i++;
	if (i == n)
		return 0;
	for (;;) {
		if (nv == CSV_PLAIN_FIELDS)
			return -1;
		while (i < n && blank(s[i], d))
			i++;
		if (i < n && s[i] == '"') {
			if ((q = memchr(s + i + 1, '"', n - i - 1)) == NULL)
				return -1;
			v[nv].start = i + 1;
			v[nv].end = q - s;
			v[nv].quoted = 1;
			for (i = q - s + 1; i < n && blank(s[i], d); i++)
				;
			if (i < n && s[i] != d)
				return -1;
		} else {
			v[nv].start = i;
			for (; i < n && s[i] != d; i++)
				if (s[i] == '"')
					return -1;
			for (k = i; k > v[nv].start && blank(s[k - 1], d); k--)
				;
			v[nv].end = k;
			v[nv].quoted = 0;
		}
		nv++;
		if (i == n)
			break;
		i++;
	}
	for (k = 0; k < nv; k++)
		cb_field(v[k].quoted || v[k].end > v[k].start ?
		    (void *)(s + v[k].start) : NULL, v[k].end - v[k].start, r);
	cb_row('\n', r);
	return 0;
}

/*
 * libcsv's words for its errors (csv_strerror of version 3), listed so
 * that they are translated too.
 */
static const char *
libcsv_text(int code)
{
	static const char *const words[] = {
		[CSV_EPARSE] = N_("error parsing data while strict checking "
		    "enabled"),
		[CSV_ENOMEM] = N_("memory exhausted while increasing buffer "
		    "size"),
		[CSV_ETOOBIG] = N_("data size too large"),
		[CSV_EINVALID] = N_("invalid status code"),
	};
	const char *s = csv_strerror(code);

	if (code >= 0 && (size_t)code < sizeof(words) / sizeof(words[0]) &&
	    words[code] != NULL && strcmp(s, words[code]) == 0)
		return _(words[code]);
	return s;
}

int
csv_reader_next(struct reader *r, struct record **out,
    struct ally_error *err)
{
	ssize_t n;
	char *line;

	for (;;) {
		if (r->qhead < r->nqueue) {
			*out = r->queue[r->qhead++];
			return 1;
		}
		if (r->cb_failed) {
			*err = r->cb_err;
			return -1;
		}
		if (r->done)
			return 0;
		if ((n = next_line(r, &line)) < 0 && errno == EFBIG)
			return ally_error_at(err, EX_DATAERR, r->name,
			    r->lineno + 1, NULL, "a line of more than %d bytes",
			    CSV_LINE_MAX);
		if (n < 0)
			return ally_errorf(err, errno == ENOMEM ? EX_OSERR :
			    EX_IOERR, "%s: %s", r->name, strerror(errno));
		if (n == 0) {
			r->done = 1;
			if (csv_fini(&r->csv, cb_field_crlf, cb_row, r) != 0 &&
			    !r->cb_failed)
				return ally_error_at(err, EX_DATAERR, r->name,
				    r->row_line, NULL, "quoted field not "
				    "closed before the end of the input");
			continue;
		}
		r->lineno++;
		if (r->csv.pstate == 0) {
			r->row_line = r->field_line = r->lineno;
			if (r->header == NULL)
				first_line(r, &line, &n);
			if (split_plain(r, line, (size_t)n, r->delim) == 0)
				continue;
		}
		if (csv_parse(&r->csv, line, (size_t)n, cb_field_crlf, cb_row,
		    r) == (size_t)n || r->cb_failed)
			continue;
		if (csv_error(&r->csv) == CSV_ENOMEM)
			return ally_error_at(err, EX_DATAERR, r->name,
			    r->row_line, NULL, "value too long");
		return ally_error_at(err, EX_DATAERR, r->name, r->lineno, NULL,
		    "%s (a quote inside an unquoted field, or text after a "
		    "closing quote)", libcsv_text(csv_error(&r->csv)));
	}
}

/* ---- writing ---------------------------------------------------------- */

/*
 * The delimiter of CSV output: a comma (RFC 4180), or what
 * ALLY_CSV_DELIMITER says: ";" for a spreadsheet that splits on
 * semicolons (Dutch Excel), "tab" for a tab.  ally(5) says which.
 */
char
csv_delimiter(void)
{
	const char *e = getenv("ALLY_CSV_DELIMITER");

	if (e == NULL)
		return ',';
	if (strcmp(e, ";") == 0)
		return ';';
	if (strcmp(e, "tab") == 0 || strcmp(e, "\t") == 0)
		return '\t';
	return ',';
}

static int
csv_put_value(FILE *fp, const char *s, char d)
{
	const char *p;
	char special[] = { d, '"', '\r', '\n', '\0' };

	if (s[0] != ' ' && s[0] != '\t' && strpbrk(s, special) == NULL &&
	    (s[0] == '\0' || (s[strlen(s) - 1] != ' ' &&
	    s[strlen(s) - 1] != '\t')))
		return fputs(s, fp) == EOF ? -1 : 0;
	if (putc('"', fp) == EOF)
		return -1;
	for (p = s; *p; p++) {
		if (*p == '"' && putc('"', fp) == EOF)
			return -1;
		if (putc(*p, fp) == EOF)
			return -1;
	}
	return putc('"', fp) == EOF ? -1 : 0;
}

/* A field of that name is a phone number in one of the tables. */
static int
phone_field(const char *key)
{
	const struct record_def *const *d;
	const struct field_def *fd;

	for (d = record_defs; *d != NULL; d++)
		if ((fd = record_def_field(*d, key)) != NULL &&
		    fd->kind == FK_PHONE)
			return 1;
	return 0;
}

/* s is all digits, with at least one, from s up to its end. */
static int
digits(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

/*
 * A value a spreadsheet would take for a formula: one beginning with
 * "=", "+", "-", "@", a tab or a carriage return.  Excel and LibreOffice
 * evaluate it ("=HYPERLINK(...)", "@SUM(...)", "-2+3+cmd|' /C calc'!A0"),
 * so it is written after an apostrophe, which they show as text and do
 * not evaluate, and which the reader above drops again.  What the field tables make safe is left as it is: a
 * phone number in E.164 form ("+31612345678", the one shape the phone
 * fields store) and a number of a numeric field ("-1", "+2").
 */
static int
csv_formula(const struct field *f, const char *s)
{
	/* One already behind an apostrophe gets another: read back whole. */
	if (s[0] == '\'' && s[1] != '\0' && strchr(CSV_FORMULA, s[1]) != NULL)
		return 1;
	if (s[0] == '\0' || strchr(CSV_FORMULA, s[0]) == NULL)
		return 0;
	if (s[0] == '+' && digits(s + 1) && phone_field(f->key))
		return 0;
	if ((f->type == FT_INTEGER || f->type == FT_DECIMAL) &&
	    (s[0] == '-' || s[0] == '+') && s[1] >= '0' && s[1] <= '9' &&
	    strspn(s + 1, "0123456789.") == strlen(s + 1))
		return 0;
	return 1;
}

/* "'" and s, in place of s (freed); NULL when out of memory. */
static char *
apostrophe(char *s)
{
	char *t;

	if ((t = malloc(strlen(s) + 2)) != NULL) {
		t[0] = '\'';
		strcpy(t + 1, s);
	}
	free(s);
	return t;
}

/*
 * A decimal with a comma for its mark, where semicolons separate the
 * fields: Dutch Excel reads "2.27" as a date or a text.
 */
static void
decimal_comma(const struct field *f, char *s, char d)
{
	char *p;

	if (d == ';' && f->type == FT_DECIMAL && (p = strchr(s, '.')) != NULL)
		*p = ',';
}

/* The header row: the columns, d between them. */
static int
csv_header(struct writer *w, char d)
{
	size_t i;

	/* Excel takes a file for UTF-8 by its byte order mark. */
	if (d == ';' && fputs("\xef\xbb\xbf", w->fp) == EOF)
		return -1;
	for (i = 0; i < w->ncolumns; i++)
		if ((i > 0 && putc(d, w->fp) == EOF) ||
		    csv_put_value(w->fp, w->columns[i], d) != 0)
			return -1;
	return fputs("\r\n", w->fp) == EOF ? -1 : 0;
}

int
csv_writer_put(struct writer *w, const struct record *r,
    struct ally_error *err)
{
	const struct field *f;
	char *s, d = w->delim;
	size_t i;
	int rc = 0;

	if (w->count == 1 && !(w->flags & WRITER_NO_HEADER))
		rc = csv_header(w, d);
	for (i = 0; i < w->ncolumns && rc == 0; i++) {
		if (i > 0 && putc(d, w->fp) == EOF)
			rc = -1;
		if ((f = record_field(r, w->columns[i])) == NULL || rc != 0)
			continue;
		if (f->kind == VAL_RECORDS)
			return ally_errorf(err, EX_USAGE, "%s: nested records "
			    "have no CSV form; use yaml", f->key);
		if ((s = field_flat(f)) == NULL || (csv_formula(f, s) &&
		    (s = apostrophe(s)) == NULL))
			return ally_errorf(err, EX_OSERR, "out of memory");
		decimal_comma(f, s, d);
		rc = csv_put_value(w->fp, s, d);
		free(s);
	}
	if (rc == 0 && fputs("\r\n", w->fp) == EOF)
		rc = -1;
	if (rc != 0)
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return 0;
}
