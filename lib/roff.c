/*
 * roff.c: printable documents as troff, for groff -t -ms (tbl, the ms
 * macros) to PDF or PostScript.
 *
 * The documents are the minutes, the agenda, the review sheet and the
 * sentiment report: a title, headings, paragraphs, numbered items and
 * tables, with the network, the title and the date in the page header
 * and "- N -" in the footer.  Every value passes through roff_escape, so
 * that nothing from the database can become a request, an escape or a
 * table key: it prints as it was written.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "escape.h"
#include "render.h"
#include "vformat.h"

#define ESC_ARG		0x01	/* a macro argument: blanks do not split it */
#define ESC_LINE	0x02	/* one line: line breaks become spaces */

/*
 * Every input line starts with \& so that a leading '.' or '\'' (a
 * request), a leading blank (a break), "T}" (the end of a text block)
 * or a lone "_" (a rule in a table) is plain text.  Backslashes and the
 * quotes that groff would turn typographic are named characters; other
 * non-ASCII characters become \[uXXXX], which needs no preconv.
 */
static const char roff_chars[] = "\\'`\"";
static const char *const roff_names[] = { "\\(rs", "\\(aq", "\\(ga",
    "\\(dq" };

static int
escape_n(FILE *fp, const char *s, size_t len, int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + len;
	unsigned int cp;
	int n, bol = 1;

	for (; p < end; p++) {
		if (bol && !(flags & ESC_ARG))
			fputs("\\&", fp);
		bol = 0;
		if (escape_by_name(fp, *p, roff_chars, roff_names))
			continue;
		switch (*p) {
		case '\n':
			if (flags & (ESC_ARG | ESC_LINE))
				fputs(flags & ESC_ARG ? "\\ " : " ", fp);
			else {
				/* In a text block a line break is kept. */
				fputs("\n.br\n", fp);
				bol = 1;
			}
			continue;
		case '\t':
		case ' ':
			fputs(flags & ESC_ARG ? "\\ " : " ", fp);
			continue;
		}
		if (*p < 0x20 || *p == 0x7f)
			continue;	/* control characters print nothing */
		if (*p < 0x80) {
			putc(*p, fp);
			continue;
		}
		if ((n = utf8_decode(p, &cp)) < 0 || n > end - p) {
			putc('?', fp);	/* not UTF-8: no stray byte */
			continue;
		}
		fprintf(fp, "\\[u%04X]", cp);
		p += n - 1;
	}
	return ferror(fp) ? -1 : 0;
}

/* NULL prints nothing, like an empty value. */
static int
escape(FILE *fp, const char *s, int flags)
{
	return s == NULL ? 0 : escape_n(fp, s, strlen(s), flags);
}

int
roff_escape(FILE *fp, const char *s)
{
	return escape(fp, s, ESC_LINE);
}

/* A string definition for the page header: one line, no leading quote. */
static void
define_string(FILE *fp, const char *name, const char *value)
{
	fprintf(fp, ".ds %s \\&", name);
	if (value != NULL)
		escape(fp, value, ESC_ARG);
	putc('\n', fp);
}

static void
page_header(FILE *fp, const char *network, const char *title,
    const char *date)
{
	define_string(fp, "LH", network);
	define_string(fp, "CH", title);
	define_string(fp, "RH", date);
}

/* A title or a heading: the requests, its one line, then the body. */
static int
title_line(FILE *fp, const char *requests, const char *text)
{
	fputs(requests, fp);
	escape(fp, text, ESC_LINE);
	/* What follows is in the body's font, not the heading's. */
	fputs("\n.LP\n", fp);
	return ferror(fp) ? -1 : 0;
}

int
roff_begin(FILE *fp, const char *network, const char *title,
    const char *date)
{
	fputs(".\\\" Printable document of ally; typeset with\n"
	    ".\\\"   groff -t -ms -Tpdf > file.pdf\n"
	    ".\\\" A4 unless the command line chose a paper (-dpaper=letter "
	    "-P-pletter).\n"
	    ".if !d paper .pl 29.7c\n"
	    ".nr PS 10\n.nr VS 12\n.nr PO 2c\n.nr LL 17c\n"
	    ".nr HM 2c\n.nr FM 2c\n"
	    /* Codes, dates and aliases break nowhere, words only at blanks. */
	    ".nr HY 0\n.nh\n.cflags 0 -\n"
	    /* Ragged right: narrow table cells without stretched blanks. */
	    ".ad l\n", fp);
	page_header(fp, network, title, date);
	fputs(".ds LF\n.ds CF \\- \\\\n% \\-\n.ds RF\n", fp);
	/* The header on the first page too: it says whose sheet it is. */
	return title_line(fp, ".P1\n.TL\n", title);
}

int
roff_new_page(FILE *fp, const char *network, const char *title,
    const char *date)
{
	/* The next page's header is read when the page begins: set it first. */
	page_header(fp, network, title, date);
	return title_line(fp, ".bp\n.TL\n", title);
}

int
roff_heading(FILE *fp, const char *text)
{
	return title_line(fp, ".SH\n", text);
}

int
roff_paragraph(FILE *fp, const char *text)
{
	const char *p, *end, *q;

	/*
	 * A blank line starts a paragraph; other line breaks are blanks, so
	 * that the text fills the line whatever its width was.
	 */
	for (p = text; p != NULL && *p != '\0'; p = end) {
		while (*p == '\n' || *p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end != '\0'; end++) {
			if (*end != '\n')
				continue;
			for (q = end + 1; *q == ' ' || *q == '\t'; q++)
				;
			if (*q == '\n')
				break;
		}
		fputs(".LP\n", fp);
		escape_n(fp, p, end - p, ESC_LINE);
		putc('\n', fp);
	}
	return ferror(fp) ? -1 : 0;
}

int
roff_paragraphf(FILE *fp, const char *fmt, ...)
{
	char *s;
	int rc;

	VFORMAT(s, fmt);
	rc = s != NULL ? roff_paragraph(fp, s) : -1;
	free(s);
	return rc;
}

int
roff_item(FILE *fp, const char *label, const char *text)
{
	fputs(".IP \"", fp);
	escape(fp, label, ESC_ARG);
	fputs("\" 4n\n", fp);
	escape(fp, text, ESC_LINE);
	putc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

/* A column's key: where it starts, and whether its text is filled. */
static const char *
next_key(const char *k, int *fills)
{
	*fills = 0;
	while (*k == ' ')
		k++;
	if (*k == '\0')
		return NULL;
	for (; *k != '\0' && *k != ' '; k++)
		if (*k == 'x' || *k == 'w')
			*fills = 1;
	return k;
}

int
roff_table_begin(struct roff_table *t, FILE *fp, const char *keys,
    const char *const *heads, int flags)
{
	const char *k, *key;
	int fills;

	memset(t, 0, sizeof(*t));
	t->fp = fp;
	t->flags = flags;
	if (flags & ROFF_TABLE_SMALL)
		fputs(".ps -1\n.vs -1p\n", fp);
	/* A table with headings repeats them on every page it spans. */
	fprintf(fp, ".TS%s\n%stab(\t);\n", heads != NULL ? " H" : "",
	    heads != NULL ? "box " : "");
	for (k = keys; (key = k, k = next_key(k, &fills)) != NULL; ) {
		while (*key == ' ')
			key++;
		if (t->ncols < ROFF_TABLE_COLS && fills)
			t->fill |= 1UL << t->ncols;
		/* The headings: the column's key in bold, numbers right. */
		if (heads != NULL)
			fprintf(fp, "%s%c%.*sB", t->ncols > 0 ? " " : "",
			    *key == 'n' ? 'r' : *key, (int)(k - key - 1),
			    key + 1);
		t->ncols++;
	}
	if (heads != NULL)
		putc('\n', fp);
	fprintf(fp, "%s.\n", keys);
	if (heads != NULL) {
		roff_table_row(t, heads, t->ncols);
		fputs("_\n.TH\n", fp);
	}
	return ferror(fp) ? -1 : 0;
}

int
roff_table_row(struct roff_table *t, const char *const *cells, size_t n)
{
	const char *v;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			putc('\t', t->fp);
		v = cells[i] != NULL ? cells[i] : "";
		if (*v == '\0')
			continue;
		if (i < ROFF_TABLE_COLS && (t->fill & (1UL << i))) {
			/* A text block, filled to the column's width. */
			fputs("T{\n", t->fp);
			escape(t->fp, v, 0);
			fputs("\nT}", t->fp);
		} else
			escape(t->fp, v, ESC_LINE);
	}
	putc('\n', t->fp);
	return ferror(t->fp) ? -1 : 0;
}

int
roff_table_end(struct roff_table *t)
{
	fputs(".TE\n", t->fp);
	if (t->flags & ROFF_TABLE_SMALL)
		fputs(".ps\n.vs\n", t->fp);
	return ferror(t->fp) ? -1 : 0;
}
