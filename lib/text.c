/*
 * text.c: records as aligned columns for people.  Rows are kept until
 * the end to measure the columns; widths count characters, not bytes, so
 * "Zoë" lines up.  An empty value shows as "-".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "escape.h"
#include "format.h"

/* The columns a cell takes as text output shows it (escape_visible). */
static size_t
text_width(const char *s)
{
	return escape_width(s, strlen(s));
}

/* A value on one line: newlines and tabs become blanks. */
static char *
one_line(const struct field *f)
{
	char *s, *p;

	if (f == NULL)
		return strdup("-");
	if ((s = field_flat(f)) == NULL)
		return NULL;
	if (s[0] == '\0') {
		free(s);
		return strdup("-");
	}
	for (p = s; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return s;
}

int
text_writer_put(struct writer *w, const struct record *r,
    struct ally_error *err)
{
	char ***nr, **row;
	size_t i;

	if ((nr = array_grow(w->rows, w->nrows, &w->caprows,
	    sizeof(*nr))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	w->rows = nr;
	if ((row = calloc(w->ncolumns, sizeof(*row))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	w->rows[w->nrows++] = row;
	for (i = 0; i < w->ncolumns; i++)
		if ((row[i] = one_line(record_field(r, w->columns[i]))) == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

static int
put_row(FILE *fp, char **cells, const size_t *width, size_t n)
{
	size_t i, pad;

	for (i = 0; i < n; i++) {
		if (fputs(cells[i], fp) == EOF)
			return -1;
		if (i + 1 == n)
			break;
		for (pad = text_width(cells[i]); pad < width[i] + 2; pad++)
			if (putc(' ', fp) == EOF)
				return -1;
	}
	return putc('\n', fp) == EOF ? -1 : 0;
}

int
text_writer_close(struct writer *w, struct ally_error *err)
{
	size_t *width, i, j, k;
	int rc = 0;

	if (w->nrows == 0)
		return 0;
	if ((width = calloc(w->ncolumns, sizeof(*width))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	for (j = 0; j < w->ncolumns; j++) {
		width[j] = (w->flags & WRITER_NO_HEADER) ? 0 :
		    text_width(w->columns[j]);
		for (i = 0; i < w->nrows; i++)
			if ((k = text_width(w->rows[i][j])) > width[j])
				width[j] = k;
	}
	if (!(w->flags & WRITER_NO_HEADER))
		rc = put_row(w->fp, w->columns, width, w->ncolumns);
	for (i = 0; i < w->nrows && rc == 0; i++)
		rc = put_row(w->fp, w->rows[i], width, w->ncolumns);
	for (i = 0; i < w->nrows; i++) {
		for (j = 0; j < w->ncolumns; j++)
			free(w->rows[i][j]);
		free(w->rows[i]);
	}
	free(w->rows);
	w->rows = NULL;
	free(width);
	if (rc != 0)
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return 0;
}
