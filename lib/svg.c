/*
 * svg.c: a heat map as a standalone SVG document, written by hand.
 *
 * Rows are labelled on the left, columns on top (turned when there are
 * many), each cell filled by its level with the value printed in it, so
 * that the map reads in grey on paper too; an alert is a thick black
 * frame inside the cell, seen in any grey.  Cells are large enough to
 * read the map from across a table.
 * The legend and the notes follow under the map.  Every piece of text
 * passes through svg_escape, so input can never break the XML.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "escape.h"
#include "render.h"

#define MARGIN		24
#define CELL_W		72
#define CELL_H		48
#define CELL_FONT	22	/* the level in a cell, bold */
#define CHAR_W		9	/* average width of a 15px sans-serif glyph */
#define LINE_H		22

/* Yellow to dark red (ColorBrewer YlOrRd): sequential, prints in grey. */
static const char *const fills[] = { "#ffffcc", "#fed976", "#fd8d3c",
    "#e31a1c", "#800026" };
#define NFILLS	((int)(sizeof(fills) / sizeof(fills[0])))

static const char xml_chars[] = "&<>\"'";
static const char *const xml_names[] = { "&amp;", "&lt;", "&gt;", "&quot;",
    "&#39;" };

int
svg_escape(FILE *fp, const char *s)
{
	const unsigned char *p;
	int ascii_only;

	if (s == NULL)
		return 0;
	/* Invalid UTF-8 would make the document ill-formed: keep ASCII. */
	ascii_only = valid_utf8(s) != 0;
	for (p = (const unsigned char *)s; *p; p++) {
		if (escape_by_name(fp, *p, xml_chars, xml_names))
			continue;
		/* U+FFFE and U+FFFF are not characters of XML 1.0 either. */
		if (!ascii_only && p[0] == 0xef && p[1] == 0xbf &&
		    (p[2] == 0xbe || p[2] == 0xbf)) {
			fputs("\xef\xbf\xbd", fp);	/* U+FFFD */
			p += 2;
			continue;
		}
		if (*p < 0x20 || *p == 0x7f)
			fputc(' ', fp);	/* not allowed in XML 1.0 */
		else if (*p >= 0x80 && ascii_only)
			fputc('?', fp);
		else
			fputc(*p, fp);
	}
	return ferror(fp) ? -1 : 0;
}

static size_t
text_width(const char *s)
{
	size_t n = 0;

	/* Count characters, not the continuation bytes of UTF-8. */
	for (; s != NULL && *s; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return n * CHAR_W;
}

static void
text_at(FILE *fp, int x, int y, const char *attrs, const char *s)
{
	fprintf(fp, "<text x=\"%d\" y=\"%d\"%s%s>", x, y, *attrs ? " " : "",
	    attrs);
	svg_escape(fp, s);
	fputs("</text>\n", fp);
}

static int	legend_width(const struct heatmap *);

struct layout {
	int	left;		/* x of the grid */
	int	top;		/* y of the grid */
	int	width, height;	/* of the document */
	int	turned;		/* column labels at an angle */
	int	legend_y, notes_y;
};

static void
plan(const struct heatmap *m, struct layout *l)
{
	size_t i, w, labels = 0, notes = 0;

	for (i = 0; i < m->nrows; i++)
		if ((w = text_width(m->rows[i])) > labels)
			labels = w;
	for (i = 0, w = 0; i < m->ncols; i++)
		if (text_width(m->cols[i]) > w)
			w = text_width(m->cols[i]);
	for (i = 0; i < m->nnotes; i++)
		if (text_width(m->notes[i]) > notes)
			notes = text_width(m->notes[i]);
	l->turned = w > CELL_W - 6;
	l->left = MARGIN + (int)labels + 12;
	l->top = MARGIN + 2 * LINE_H + 12 + (l->turned ? (int)(w * 0.72) + 8 :
	    LINE_H);
	l->legend_y = l->top + (int)m->nrows * CELL_H + 24;
	l->notes_y = l->legend_y + CELL_H + 2 * LINE_H;
	l->width = l->left + (int)m->ncols * CELL_W + MARGIN;
	if (l->turned)
		l->width += (int)(w * 0.72);
	if ((int)text_width(m->title) * 3 / 2 + 2 * MARGIN > l->width)
		l->width = (int)text_width(m->title) * 3 / 2 + 2 * MARGIN;
	if ((int)text_width(m->subtitle) + 2 * MARGIN > l->width)
		l->width = (int)text_width(m->subtitle) + 2 * MARGIN;
	if ((int)notes + 2 * MARGIN > l->width)
		l->width = (int)notes + 2 * MARGIN;
	if (legend_width(m) > l->width)
		l->width = legend_width(m);
	l->height = l->notes_y + (int)m->nnotes * LINE_H + MARGIN;
}

static void
marker(FILE *fp, int x, int y)
{
	/* Black with a white edge inside: seen on dark cells too. */
	fprintf(fp, "<rect class=\"alert\" x=\"%d\" y=\"%d\" width=\"%d\" "
	    "height=\"%d\" fill=\"none\" stroke=\"#000000\" "
	    "stroke-width=\"5\"/><rect x=\"%d\" y=\"%d\" width=\"%d\" "
	    "height=\"%d\" fill=\"none\" stroke=\"#ffffff\" "
	    "stroke-width=\"1.5\"/>\n", x + 3, y + 3, CELL_W - 6, CELL_H - 6,
	    x + 6, y + 6, CELL_W - 12, CELL_H - 12);
}

static void
cell(FILE *fp, const struct heatmap_cell *c, int x, int y)
{
	int v = c->value;

	fputs("<g>", fp);
	if (c->tip != NULL) {
		fputs("<title>", fp);
		svg_escape(fp, c->tip);
		fputs("</title>", fp);
	}
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"%s\" stroke=\"#bbbbbb\" stroke-width=\"1\"/>", x, y,
	    CELL_W, CELL_H, v >= 0 ? fills[v < NFILLS ? v : NFILLS - 1] :
	    "#ffffff");
	if (c->text != NULL) {
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"%d\" font-weight=\"bold\" fill=\"%s\">",
		    x + CELL_W / 2, y + CELL_H / 2 + CELL_FONT * 7 / 20,
		    CELL_FONT, v >= 3 ? "#ffffff" : "#000000");
		svg_escape(fp, c->text);
		fputs("</text>", fp);
	}
	fputs("</g>\n", fp);
	if (c->marked)
		marker(fp, x, y);
}

static void
grid(FILE *fp, const struct heatmap *m, const struct layout *l)
{
	size_t i, j;
	int x, y;

	for (j = 0; j < m->ncols; j++) {
		x = l->left + (int)j * CELL_W + CELL_W / 2;
		if (l->turned) {
			char attrs[96];

			snprintf(attrs, sizeof(attrs), "transform=\"rotate(-45 "
			    "%d %d)\"", x, l->top - 6);
			text_at(fp, x, l->top - 6, attrs, m->cols[j]);
		} else
			text_at(fp, x, l->top - 8, "text-anchor=\"middle\"",
			    m->cols[j]);
	}
	for (i = 0; i < m->nrows; i++) {
		y = l->top + (int)i * CELL_H;
		text_at(fp, l->left - 8, y + CELL_H / 2 + 4,
		    "text-anchor=\"end\"", m->rows[i]);
		for (j = 0; j < m->ncols; j++)
			cell(fp, &m->cells[i * m->ncols + j], l->left +
			    (int)j * CELL_W, y);
	}
}

static int
legend_step(const char *label)
{
	return CELL_W + 6 + (int)text_width(label) + 20;
}

static int
legend_width(const struct heatmap *m)
{
	int i, w = MARGIN + legend_step(_("no reading"));

	for (i = 0; i < m->nlevels; i++)
		w += legend_step(m->levels[i]);
	if (m->mark_label != NULL)
		w += legend_step(m->mark_label);
	return w;
}

static void
legend(FILE *fp, const struct heatmap *m, const struct layout *l)
{
	struct heatmap_cell c;
	char num[16];
	int i, x = MARGIN, y = l->legend_y;

	for (i = 0; i < m->nlevels; i++) {
		memset(&c, 0, sizeof(c));
		c.value = i;
		snprintf(num, sizeof(num), "%d", i);
		c.text = num;
		cell(fp, &c, x, y);
		text_at(fp, x + CELL_W + 6, y + CELL_H / 2 + 4, "",
		    m->levels[i]);
		x += legend_step(m->levels[i]);
	}
	memset(&c, 0, sizeof(c));
	c.value = -1;
	cell(fp, &c, x, y);
	/* TRANSLATORS: the legend of the heat map: an empty (white) cell. */
	text_at(fp, x + CELL_W + 6, y + CELL_H / 2 + 4, "", _("no reading"));
	if (m->mark_label != NULL) {
		x += legend_step(_("no reading"));
		c.marked = 1;
		cell(fp, &c, x, y);
		text_at(fp, x + CELL_W + 6, y + CELL_H / 2 + 4, "",
		    m->mark_label);
	}
}

int
svg_heatmap(FILE *fp, const struct heatmap *m, struct ally_error *err)
{
	struct layout l;
	size_t i;

	plan(m, &l);
	fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	    "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" "
	    "font-size=\"15\">\n<title>", l.width, l.height, l.width,
	    l.height);
	svg_escape(fp, m->title);
	fputs("</title>\n", fp);
	fprintf(fp, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" "
	    "fill=\"#ffffff\"/>\n", l.width, l.height);
	text_at(fp, MARGIN, MARGIN + 6, "font-size=\"20\" font-weight=\"bold\"",
	    m->title);
	if (m->subtitle != NULL)
		text_at(fp, MARGIN, MARGIN + 6 + LINE_H, "fill=\"#444444\"",
		    m->subtitle);
	grid(fp, m, &l);
	legend(fp, m, &l);
	for (i = 0; i < m->nnotes; i++)
		text_at(fp, MARGIN, l.notes_y + (int)i * LINE_H, "",
		    m->notes[i]);
	fputs("</svg>\n", fp);
	if (ferror(fp))
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return 0;
}
