/*
 * doc.c: documents for people, built once and rendered as text, roff or
 * mail (see doc.h).  The document is kept whole until it is written,
 * because text measures the columns of a table and the labels of a
 * key/value block before it prints the first line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "array.h"
#include "doc.h"
#include "escape.h"
#include "vformat.h"

#define WRAP		72	/* text lines, mail bodies included */
#define SECTION_INDENT	2	/* text under a heading */
#define BLOCK_INDENT	4	/* a table's text block under its row */
#define COLUMN_GAP	2

enum block_kind { B_HEADING, B_PARAGRAPH, B_PAIR, B_ITEM, B_TABLE };

struct table {
	size_t		  ncols;
	char		**heads;	/* ncols, or NULL */
	char		**cells;	/* nrows * ncols */
	size_t		  nrows, caprows;
	char		 *keys;
	int		  flags;
};

struct block {
	enum block_kind	  kind;
	int		  first;	/* starts a key/value block or a list */
	int		  in_item;	/* belongs to the list item before it */
	char		 *text;		/* a pair's label */
	char		 *value;	/* a pair's value */
	struct table	 *t;
};

struct document {
	char		 *title, *left, *right;
	struct block	 *b;
	size_t		  n, cap;
	int		  in_list;
	int		  failed;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

struct document *
doc_new(const char *title, const char *left, const char *right)
{
	struct document *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	d->title = strdup(title != NULL ? title : "");
	d->left = dup_or_null(left);
	d->right = dup_or_null(right);
	if (d->title == NULL || (left != NULL && d->left == NULL) ||
	    (right != NULL && d->right == NULL)) {
		doc_done(d);
		return NULL;
	}
	return d;
}

static void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; t->heads != NULL && i < t->ncols; i++)
		free(t->heads[i]);
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->heads);
	free(t->cells);
	free(t->keys);
	free(t);
}

void
doc_done(struct document *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->b[i].text);
		free(d->b[i].value);
		table_free(d->b[i].t);
	}
	free(d->b);
	free(d->title);
	free(d->left);
	free(d->right);
	free(d);
}

/* A new block, or NULL (the document is marked) when memory runs out. */
static struct block *
add(struct document *d, enum block_kind kind, const char *text)
{
	struct block *b, *nb;

	if (d == NULL || d->failed)
		return NULL;
	if ((nb = array_grow(d->b, d->n, &d->cap, sizeof(*nb))) == NULL)
		goto fail;
	d->b = nb;
	b = &d->b[d->n];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	if (text != NULL && (b->text = strdup(text)) == NULL)
		goto fail;
	if (kind == B_HEADING)
		d->in_list = 0;
	b->in_item = d->in_list && kind != B_ITEM && kind != B_HEADING;
	if (kind == B_ITEM) {
		b->first = !d->in_list;
		d->in_list = 1;
	} else if (kind == B_PAIR)
		b->first = d->n == 0 || d->b[d->n - 1].kind != B_PAIR;
	else
		b->first = 1;
	d->n++;
	return b;
fail:
	d->failed = 1;
	return NULL;
}

void
doc_heading(struct document *d, const char *text)
{
	add(d, B_HEADING, text);
}

void
doc_paragraph(struct document *d, const char *text)
{
	add(d, B_PARAGRAPH, text != NULL ? text : "");
}

void
doc_paragraphf(struct document *d, const char *fmt, ...)
{
	char *s;

	if (d == NULL)
		return;
	VFORMAT(s, fmt);
	if (s == NULL) {
		d->failed = 1;
		return;
	}
	doc_paragraph(d, s);
	free(s);
}

void
doc_pair(struct document *d, const char *label, const char *value)
{
	struct block *b;

	if ((b = add(d, B_PAIR, label)) != NULL &&
	    (b->value = strdup(value != NULL ? value : "")) == NULL)
		d->failed = 1;
}

void
doc_pair_list(struct document *d, const char *label,
    const char *const *v, size_t n)
{
	struct block *b;
	size_t i, len;
	char *p;

	if ((b = add(d, B_PAIR, label)) == NULL)
		return;
	for (i = 0, len = 2; i < n; i++)
		len += strlen(v[i]) + 1;
	if ((b->value = p = malloc(len)) == NULL) {
		d->failed = 1;
		return;
	}
	strcpy(p, n == 0 ? "-" : "");
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i > 0 ? " " : "", v[i]);
}

void
doc_item(struct document *d, const char *text)
{
	add(d, B_ITEM, text);
}

void
doc_list_end(struct document *d)
{
	if (d != NULL)
		d->in_list = 0;
}

/* How many columns a key string has: words separated by blanks. */
static size_t
count_keys(const char *keys)
{
	size_t n = 0;

	while (*keys != '\0') {
		while (*keys == ' ')
			keys++;
		if (*keys == '\0')
			break;
		n++;
		while (*keys != '\0' && *keys != ' ')
			keys++;
	}
	return n;
}

static char **
copy_cells(const char *const *v, size_t n)
{
	char **c;
	size_t i;

	if ((c = calloc(n, sizeof(*c))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if ((c[i] = strdup(v[i] != NULL ? v[i] : "")) == NULL) {
			while (i-- > 0)
				free(c[i]);
			free(c);
			return NULL;
		}
	return c;
}

void
doc_table(struct document *d, const char *keys, const char *const *heads,
    int flags)
{
	struct block *b;
	struct table *t;

	if ((b = add(d, B_TABLE, NULL)) == NULL)
		return;
	if ((t = b->t = calloc(1, sizeof(*t))) == NULL ||
	    (t->keys = strdup(keys)) == NULL)
		goto fail;
	t->ncols = count_keys(keys);
	t->flags = flags;
	if (t->ncols == 0 || t->ncols > ROFF_TABLE_COLS)
		goto fail;
	if (heads != NULL && (t->heads = copy_cells(heads, t->ncols)) == NULL)
		goto fail;
	return;
fail:
	d->failed = 1;
}

void
doc_row(struct document *d, const char *const *cells)
{
	struct table *t;
	char **row, **nc;
	size_t ncap;

	if (d == NULL || d->failed)
		return;
	/* A row belongs to the table just begun: anything else is a bug. */
	if (d->n == 0 || (t = d->b[d->n - 1].t) == NULL)
		goto fail;
	if (t->nrows == t->caprows) {
		ncap = t->caprows ? t->caprows * 2 : 16;
		if ((nc = reallocarray(t->cells, ncap * t->ncols,
		    sizeof(*nc))) == NULL)
			goto fail;
		t->cells = nc;
		t->caprows = ncap;
	}
	if ((row = copy_cells(cells, t->ncols)) == NULL)
		goto fail;
	memcpy(t->cells + t->nrows * t->ncols, row, t->ncols * sizeof(*row));
	free(row);
	t->nrows++;
	return;
fail:
	d->failed = 1;
}

/* ---- text ---------------------------------------------------------------- */


static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		putc(' ', fp);
}

/*
 * Text wrapped at WRAP columns, every line indented; the text's own line
 * breaks are kept.  With hang the first line's indent is printed already
 * (a label stands before it).
 */
static void
put_wrapped(FILE *fp, const char *s, size_t indent, int hang)
{
	const char *p, *w, *eol;
	size_t col, wl;

	do {
		eol = s + strcspn(s, "\n");
		col = hang ? indent : 0;
		for (p = s; p < eol; p = w) {
			while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
				p++;
			if (p == eol)
				break;
			for (w = p; w < eol && *w != ' ' && *w != '\t' &&
			    *w != '\r'; w++)
				;
			wl = escape_width(p, w - p);
			if (col > indent && col + 1 + wl > WRAP) {
				putc('\n', fp);
				col = 0;
			}
			if (col == 0) {
				pad(fp, indent);
				col = indent;
			} else if (col > indent) {
				putc(' ', fp);
				col++;
			}
			fwrite(p, 1, w - p, fp);
			col += wl;
		}
		putc('\n', fp);
		hang = 0;
		s = *eol == '\n' ? eol + 1 : eol;
	} while (*s != '\0');
}

/* The pairs from b on, as long as they are one block: "Label:" aligned. */
static size_t
text_pairs(FILE *fp, const struct block *b, size_t n, size_t indent)
{
	size_t i, w, width = 0;

	for (i = 0; i < n && b[i].kind == B_PAIR && (i == 0 || !b[i].first);
	    i++)
		if ((w = escape_width(b[i].text, strlen(b[i].text)) + 1) > width)
			width = w;
	n = i;
	for (i = 0; i < n; i++) {
		pad(fp, indent);
		fprintf(fp, "%s:", b[i].text);
		if (b[i].value[0] == '\0') {
			putc('\n', fp);
			continue;
		}
		pad(fp, width + COLUMN_GAP - escape_width(b[i].text,
		    strlen(b[i].text)) - 1);
		put_wrapped(fp, b[i].value, indent + width + COLUMN_GAP, 1);
	}
	return n;
}

/*
 * A column's properties from its tbl key: right-aligned, a text block
 * (x, and with DOC_TABLE_UNDER a column of a width too).
 */
static void
key_kinds(const char *keys, size_t ncols, int flags, int *right, int *block)
{
	const char *k = keys;
	size_t i;

	for (i = 0; i < ncols; i++) {
		while (*k == ' ')
			k++;
		right[i] = *k == 'n' || *k == 'r';
		block[i] = 0;
		for (; *k != '\0' && *k != ' '; k++)
			if (*k == 'x' || (*k == 'w' && (flags & DOC_TABLE_UNDER)))
				block[i] = 1;
	}
}

/* A cell on one line: line breaks and tabs are blanks. */
static void
put_flat(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		putc(*s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s, fp);
}

static void
text_row(FILE *fp, char **cells, const struct table *t, const size_t *width,
    const int *right, const int *block, size_t indent)
{
	size_t i, last, w;

	for (last = t->ncols; last > 0 && block[last - 1]; last--)
		;
	if (last > 0) {
		pad(fp, indent);
		for (i = 0; i < last; i++) {
			if (block[i])
				continue;
			w = escape_width(cells[i], strlen(cells[i]));
			if (right[i])
				pad(fp, width[i] - w);
			put_flat(fp, cells[i]);
			if (i + 1 < last)
				pad(fp, (right[i] ? 0 : width[i] - w) +
				    COLUMN_GAP);
		}
		putc('\n', fp);
	}
	for (i = 0; i < t->ncols; i++)
		if (block[i] && cells[i][0] != '\0')
			put_wrapped(fp, cells[i], indent + BLOCK_INDENT, 0);
}

static void
text_table(FILE *fp, const struct table *t, size_t indent)
{
	size_t width[ROFF_TABLE_COLS], i, j, w;
	int right[ROFF_TABLE_COLS], block[ROFF_TABLE_COLS];

	key_kinds(t->keys, t->ncols, t->flags, right, block);
	for (j = 0; j < t->ncols; j++) {
		width[j] = t->heads != NULL ? escape_width(t->heads[j],
		    strlen(t->heads[j])) : 0;
		for (i = 0; i < t->nrows; i++) {
			w = escape_width(t->cells[i * t->ncols + j],
			    strlen(t->cells[i * t->ncols + j]));
			if (w > width[j])
				width[j] = w;
		}
	}
	/* The headings of the columns that stand in the row, not below it. */
	if (t->heads != NULL) {
		char *heads[ROFF_TABLE_COLS];

		for (j = 0; j < t->ncols; j++)
			heads[j] = block[j] ? "" : t->heads[j];
		text_row(fp, heads, t, width, right, block, indent);
	}
	for (i = 0; i < t->nrows; i++)
		text_row(fp, t->cells + i * t->ncols, t, width, right, block,
		    indent);
}

static void
write_text(FILE *fp, const struct document *d, int flags)
{
	const struct block *b;
	size_t i, indent = 0, item_indent = 0;
	int item = 0, blank = 0;
	char label[16];

	if (flags & DOC_CONTINUED)
		fputs("\n----------------------------------------------------"
		    "--------------------\n\n", fp);
	fprintf(fp, "%s\n", d->title);
	for (i = 0; i < d->n; ) {
		b = &d->b[i];
		/*
		 * A blank line between blocks, none within a list; a heading
		 * stands apart from the title too.
		 */
		if (b->kind == B_HEADING) {
			putc('\n', fp);
			put_wrapped(fp, b->text, 0, 0);
			indent = SECTION_INDENT;
			blank = 0;
			i++;
			continue;
		}
		if (blank && b->first && !b->in_item)
			putc('\n', fp);
		blank = 1;
		switch (b->kind) {
		case B_ITEM:
			if (b->first)
				item = 0;
			snprintf(label, sizeof(label), "%d.", ++item);
			pad(fp, indent);
			fprintf(fp, "%s ", label);
			item_indent = indent + strlen(label) + 1;
			put_wrapped(fp, b->text, item_indent, 1);
			i++;
			break;
		case B_PARAGRAPH:
			put_wrapped(fp, b->text, b->in_item ? item_indent :
			    indent, 0);
			i++;
			break;
		case B_PAIR:
			i += text_pairs(fp, b, d->n - i, b->in_item ?
			    item_indent : indent);
			break;
		case B_TABLE:
			text_table(fp, b->t, b->in_item ? item_indent :
			    indent);
			i++;
			break;
		case B_HEADING:
			break;
		}
	}
}

/* ---- roff ---------------------------------------------------------------- */

static void
write_roff(FILE *fp, const struct document *d, int flags)
{
	const struct block *b;
	struct roff_table rt;
	const char *cells[2];
	char label[16];
	size_t i, j;
	int item = 0;

	if (flags & DOC_CONTINUED)
		roff_new_page(fp, d->left, d->title, d->right);
	else
		roff_begin(fp, d->left, d->title, d->right);
	for (i = 0; i < d->n; i++) {
		b = &d->b[i];
		switch (b->kind) {
		case B_HEADING:
			roff_heading(fp, b->text);
			break;
		case B_PARAGRAPH:
			if (b->in_item)
				roff_item(fp, "", b->text);
			else
				roff_paragraph(fp, b->text);
			break;
		case B_ITEM:
			if (b->first)
				item = 0;
			snprintf(label, sizeof(label), "%d.", ++item);
			roff_item(fp, label, b->text);
			break;
		case B_PAIR:
			roff_table_begin(&rt, fp, "lB lx", NULL, 0);
			for (; i < d->n && d->b[i].kind == B_PAIR &&
			    (d->b[i].first == 0 || &d->b[i] == b); i++) {
				cells[0] = d->b[i].text;
				cells[1] = d->b[i].value;
				roff_table_row(&rt, cells, 2);
			}
			i--;
			roff_table_end(&rt);
			break;
		case B_TABLE:
			roff_table_begin(&rt, fp, b->t->keys,
			    (const char *const *)b->t->heads, b->t->flags);
			for (j = 0; j < b->t->nrows; j++)
				roff_table_row(&rt, (const char *const *)
				    b->t->cells + j * b->t->ncols, b->t->ncols);
			roff_table_end(&rt);
			break;
		}
	}
}

/* ---- output -------------------------------------------------------------- */

int
doc_write(FILE *fp, const struct document *d, enum format fmt, int flags,
    struct ally_error *err)
{
	if (d == NULL || d->failed)
		return ally_errorf(err, EX_OSERR, "out of memory");
	switch (fmt) {
	case FMT_TEXT:
		write_text(fp, d, flags);
		break;
	case FMT_ROFF:
		write_roff(fp, d, flags);
		break;
	case FMT_MAIL:
		return doc_mail(fp, d, NULL, err);
	default:
		return ally_errorf(err, EX_SOFTWARE, "a document is text, "
		    "roff or mail, not %s", format_name(fmt));
	}
	if (ferror(fp))
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return 0;
}

int
doc_mail(FILE *fp, const struct document *d, const struct mail *env,
    struct ally_error *err)
{
	struct mail_part *parts;
	struct mail m;
	char *text = NULL;
	size_t len = 0, n = env != NULL ? env->nparts : 0;
	FILE *mem;
	int rc;

	if (d == NULL || d->failed)
		return ally_errorf(err, EX_OSERR, "out of memory");
	/* Composed in memory first, so that an error prints nothing. */
	if ((parts = calloc(n + 1, sizeof(*parts))) == NULL ||
	    (mem = open_memstream(&text, &len)) == NULL) {
		free(parts);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	write_text(mem, d, 0);
	if (fclose(mem) != 0) {
		free(text);
		free(parts);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	parts[0].type = "text/plain; charset=UTF-8";
	parts[0].body = text;
	parts[0].len = len;
	if (n > 0)
		memcpy(parts + 1, env->parts, n * sizeof(*parts));
	memset(&m, 0, sizeof(m));
	if (env != NULL)
		m = *env;
	if (m.subject == NULL)
		m.subject = d->title;
	m.parts = parts;
	m.nparts = n + 1;
	rc = mail_write(fp, &m, err);
	free(text);
	free(parts);
	return rc;
}

int
doc_mail_to(FILE *fp, const struct document *d, const char *const *to,
    size_t nto, const char *subject, struct ally_error *err)
{
	struct mail env;

	memset(&env, 0, sizeof(env));
	env.to = to;
	env.nto = nto;
	env.subject = subject;
	return doc_mail(fp, d, &env, err);
}
