/* format.c: choosing a format, and the reader and writer front ends. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

static const char *const format_names[] = {
	[FMT_AUTO] = "auto", [FMT_YAML] = "yaml", [FMT_CSV] = "csv",
	[FMT_TEXT] = "text", [FMT_ICS] = "ics", [FMT_VCARD] = "vcard",
	[FMT_SVG] = "svg", [FMT_MAIL] = "mail", [FMT_ROFF] = "roff",
};

int
format_parse(const char *s, enum format *out)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum format)i;
			return 0;
		}
	if (strcmp(s, "yml") == 0) {
		*out = FMT_YAML;
		return 0;
	}
	return -1;
}

const char *
format_name(enum format f)
{
	return format_names[f];
}

/* ---- reading ---------------------------------------------------------- */

size_t
reader_read(struct reader *r, void *buf, size_t len)
{
	size_t n = 0, k;

	if (r->aheadpos < r->aheadlen) {
		k = r->aheadlen - r->aheadpos;
		if (k > len)
			k = len;
		memcpy(buf, r->ahead + r->aheadpos, k);
		r->aheadpos += k;
		n = k;
	}
	if (n < len && !r->eof) {
		k = fread((char *)buf + n, 1, len - n, r->fp);
		if (k == 0)
			r->eof = 1;
		n += k;
	}
	return n;
}

/*
 * Read ahead to the first line that says something and decide: YAML
 * when it opens a document, a sequence or a mapping ("key:"), CSV when
 * it is a header row.
 */
static enum format
detect_format(struct reader *r)
{
	size_t cap = 4096, start = 0, end;
	char *p, *line;
	size_t n;

	for (;;) {
		if (r->aheadlen == cap || r->ahead == NULL) {
			if (r->aheadlen >= 65536)
				break;
			if ((p = realloc(r->ahead, cap *= (r->ahead ? 2 : 1))) ==
			    NULL)
				break;
			r->ahead = p;
		}
		n = fread(r->ahead + r->aheadlen, 1, cap - r->aheadlen, r->fp);
		if (n == 0) {
			r->eof = 1;
			break;
		}
		r->aheadlen += n;
		/* Enough once a line with content is complete. */
		for (start = 0; start < r->aheadlen; start = end + 1) {
			p = memchr(r->ahead + start, '\n', r->aheadlen - start);
			if (p == NULL)
				break;
			end = p - r->ahead;
			line = r->ahead + start;
			while (line < p && isspace((unsigned char)*line))
				line++;
			if (line < p && *line != '#')
				goto decide;
		}
	}
decide:
	if (r->aheadlen >= 3 && memcmp(r->ahead, "\xef\xbb\xbf", 3) == 0)
		r->aheadpos = 3;	/* a spreadsheet's byte order mark */
	for (start = r->aheadpos; start < r->aheadlen; start = end + 1) {
		p = memchr(r->ahead + start, '\n', r->aheadlen - start);
		end = p != NULL ? (size_t)(p - r->ahead) : r->aheadlen;
		line = r->ahead + start;
		while (line < r->ahead + end && isspace((unsigned char)*line))
			line++;
		if (line == r->ahead + end || *line == '#')
			continue;
		if (*line == '-' || *line == '%' || *line == '[' ||
		    *line == '{')
			return FMT_YAML;
		/* A quoted first key ("name": ...) is YAML, a quoted cell CSV. */
		if ((*line == '"' || *line == '\'') && (p = memchr(line + 1,
		    *line, r->ahead + end - line - 1)) != NULL &&
		    p + 1 < r->ahead + end && p[1] == ':' &&
		    (p + 2 == r->ahead + end || isspace((unsigned char)p[2])))
			return FMT_YAML;
		for (; line < r->ahead + end; line++) {
			if (*line == ',' || *line == '"')
				return FMT_CSV;
			if (*line == ':' && (line + 1 == r->ahead + end ||
			    isspace((unsigned char)line[1])))
				return FMT_YAML;
		}
		return FMT_CSV;
	}
	return FMT_YAML;
}

/*
 * Spreadsheets save "Unicode text" as UTF-16 with a byte order mark;
 * say so, rather than report the NUL bytes of every other character.
 */
static const char *
wide_encoding(struct reader *r)
{
	static const struct {
		const char	*bom;
		size_t		 len;
		const char	*name;
	} boms[] = {
		{ "\xff\xfe\0\0", 4, "UTF-32" }, { "\0\0\xfe\xff", 4, "UTF-32" },
		{ "\xff\xfe", 2, "UTF-16" }, { "\xfe\xff", 2, "UTF-16" },
	};
	size_t i;
	char *p;

	if (r->ahead == NULL) {
		if ((p = malloc(4)) == NULL)
			return NULL;
		r->ahead = p;
		r->aheadlen = fread(p, 1, 4, r->fp);
		r->aheadpos = 0;
		if (r->aheadlen < 4)
			r->eof = 1;
	}
	for (i = 0; i < sizeof(boms) / sizeof(boms[0]); i++)
		if (r->aheadlen >= boms[i].len &&
		    memcmp(r->ahead, boms[i].bom, boms[i].len) == 0)
			return boms[i].name;
	return NULL;
}

struct reader *
reader_open(FILE *fp, const char *name, enum format fmt,
    struct ally_error *err)
{
	const char *wide;

	struct reader *r;

	if (fmt != FMT_AUTO && fmt != FMT_YAML && fmt != FMT_CSV) {
		ally_errorf(err, EX_USAGE, "%s: records are read as yaml or "
		    "csv, not %s", name, format_name(fmt));
		return NULL;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (r->name = strdup(strcmp(name, "-") == 0 ? "<stdin>" : name)) ==
	    NULL) {
		free(r);
		ally_errorf(err, EX_OSERR, "out of memory");
		return NULL;
	}
	r->fp = fp;
	r->fmt = fmt == FMT_AUTO ? detect_format(r) : fmt;
	if (fmt != FMT_AUTO && r->ahead == NULL)
		r->aheadpos = r->aheadlen = 0;
	if ((wide = wide_encoding(r)) != NULL) {
		ally_error_at(err, EX_DATAERR, r->name, 0, NULL, "%s text; "
		    "records are read as UTF-8 (save as UTF-8, or convert: "
		    "iconv -f %s -t UTF-8)", wide, wide);
		reader_close(r);
		return NULL;
	}
	if ((r->fmt == FMT_YAML ? yaml_reader_init(r, err) :
	    csv_reader_init(r, err)) != 0) {
		reader_close(r);
		return NULL;
	}
	return r;
}

int
reader_next(struct reader *r, struct record **out, struct ally_error *err)
{
	*out = NULL;
	if (r->fmt == FMT_YAML)
		return yaml_reader_next(r, out, err);
	return csv_reader_next(r, out, err);
}

enum format
reader_format(const struct reader *r)
{
	return r->fmt;
}

const char *
reader_name(const struct reader *r)
{
	return r->name;
}

void
reader_close(struct reader *r)
{
	if (r == NULL)
		return;
	if (r->fmt == FMT_YAML)
		yaml_reader_free(r);
	else
		csv_reader_free(r);
	free(r->ahead);
	free(r->name);
	free(r);
}

static int
records_each_file(FILE *fp, const char *name, enum format fmt,
    int (*fn)(struct record *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	struct reader *r;
	struct record *rec;
	int rc;

	if ((r = reader_open(fp, name, fmt, err)) == NULL)
		return -1;
	while ((rc = reader_next(r, &rec, err)) == 1) {
		rc = fn(rec, arg, err);
		record_free(rec);
		if (rc != 0)
			break;
	}
	reader_close(r);
	return rc != 0 ? -1 : 0;
}

int
records_each(char *const *files, int nfiles, enum format fmt,
    int (*fn)(struct record *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	FILE *fp;
	int i, rc;

	if (nfiles == 0)
		return records_each_file(stdin, "-", fmt, fn, arg, err);
	for (i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") == 0) {
			rc = records_each_file(stdin, "-", fmt, fn, arg, err);
		} else {
			if ((fp = fopen(files[i], "r")) == NULL)
				return ally_errorf(err, errno == EACCES ?
				    EX_NOPERM : EX_NOINPUT, "%s: %s", files[i],
				    strerror(errno));
			rc = records_each_file(fp, files[i], fmt, fn, arg,
			    err);
			fclose(fp);
		}
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* ---- writing ----------------------------------------------------------- */

char *
field_flat(const struct field *f)
{
	size_t len = 0, i;
	char *s, *p;

	switch (f->kind) {
	case VAL_NULL:
		return strdup("");
	case VAL_SCALAR:
		return strdup(f->value);
	case VAL_RECORDS:
		if (asprintf(&s, "%zu", f->nrecs) < 0)
			return NULL;
		return s;
	case VAL_LIST:
		break;
	}
	for (i = 0; i < f->nitems; i++)
		len += strlen(f->items[i]) + 1;
	if ((s = p = malloc(len + 1)) == NULL)
		return NULL;
	*p = '\0';
	for (i = 0; i < f->nitems; i++) {
		if (i > 0)
			*p++ = ' ';
		len = strlen(f->items[i]);
		memcpy(p, f->items[i], len);
		p += len;
	}
	*p = '\0';
	return s;
}

static int
set_columns(struct writer *w, const char *const *cols,
    const struct record *r)
{
	size_t n, i;

	if (cols != NULL)
		for (n = 0; cols[n] != NULL; n++)
			;
	else if (r != NULL)
		n = r->nfields;
	else
		return -1;
	if ((w->columns = calloc(n + 1, sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if ((w->columns[i] = strdup(cols != NULL ? cols[i] :
		    r->fields[i].key)) == NULL)
			return -1;
	w->ncolumns = n;
	return 0;
}

int
format_for_records(enum format fmt, struct ally_error *err)
{
	if (fmt != FMT_AUTO && fmt != FMT_YAML && fmt != FMT_CSV &&
	    fmt != FMT_TEXT)
		return ally_errorf(err, EX_USAGE, "records are written as "
		    "yaml, csv or text, not %s", format_name(fmt));
	return 0;
}

struct writer *
writer_open(FILE *fp, enum format fmt, const char *const *cols, int flags,
    struct ally_error *err)
{
	struct writer *w;

	if (format_for_records(fmt, err) != 0)
		return NULL;
	if (fmt == FMT_AUTO)
		fmt = FMT_YAML;
	if ((w = calloc(1, sizeof(*w))) == NULL ||
	    (cols != NULL && set_columns(w, cols, NULL) != 0)) {
		free(w);
		ally_errorf(err, EX_OSERR, "out of memory");
		return NULL;
	}
	w->fp = fp;
	w->fmt = fmt;
	w->flags = flags;
	w->fixed_columns = cols != NULL;
	w->delim = csv_delimiter();
	return w;
}

int
writer_put(struct writer *w, const struct record *r, struct ally_error *err)
{
	if (w->columns == NULL && set_columns(w, NULL, r) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	w->count++;
	switch (w->fmt) {
	case FMT_YAML:
		return yaml_writer_put(w, r, err);
	case FMT_CSV:
		return csv_writer_put(w, r, err);
	default:
		return text_writer_put(w, r, err);
	}
}

int
writer_close(struct writer *w, struct ally_error *err)
{
	int rc = 0;
	size_t i;

	if (w == NULL)
		return 0;
	if (w->fmt == FMT_YAML)
		rc = yaml_writer_close(w, err);
	else if (w->fmt == FMT_TEXT)
		rc = text_writer_close(w, err);
	if (rc == 0 && ferror(w->fp))
		rc = ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	for (i = 0; i < w->ncolumns; i++)
		free(w->columns[i]);
	free(w->columns);
	free(w);
	return rc;
}
