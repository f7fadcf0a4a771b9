/*
 * render.h: what writes for people and other programs: printable troff
 * (roff.c), whole mail messages (mail.c), the SVG heat map (svg.c),
 * content lines (contentline.c) and vCards (vcard.c), and the progress
 * line (progress.c).  The document layer over them is doc.h's.
 */
#ifndef ALLY_RENDER_H
#define ALLY_RENDER_H

#include "core.h"

/* ---- roff.c: printable documents, troff for groff -t -ms ------------ */

/*
 * Write a value as troff text: backslashes, quotes and a leading '.' or
 * '\'' print as written, non-ASCII characters become \[uXXXX] (no
 * preconv needed), control characters are dropped, line breaks become
 * blanks.
 */
int	 roff_escape(FILE *, const char *);
/*
 * Start a document: the -ms preamble (A4 unless -dpaper says otherwise),
 * the page header (network, title, date; any may be NULL), the footer
 * "- N -" and the title.
 */
int	 roff_begin(FILE *, const char *, const char *, const char *);
/* Another document of the same run, on a new page with its own header. */
int	 roff_new_page(FILE *, const char *, const char *, const char *);
int	 roff_heading(FILE *, const char *);
/* Paragraphs: the text's own line breaks start new ones. */
int	 roff_paragraph(FILE *, const char *);
int	 roff_paragraphf(FILE *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* An indented item with a label such as "3." */
int	 roff_item(FILE *, const char *, const char *);
/*
 * A tbl table: the column keys ("l l n lx") and the NULL-terminated
 * headings, repeated on every page, in a box; NULL headings: a plain
 * table without rules.  Cells of a column with an x or a w(idth) are
 * text blocks (T{ T}), filled to its width, their line breaks kept;
 * other cells stay on one line.
 */
#define ROFF_TABLE_COLS		32
#define ROFF_TABLE_SMALL	0x01	/* one point smaller than the text */

struct roff_table {
	FILE		*fp;
	size_t		 ncols;
	unsigned long	 fill;		/* a bit per text-block column */
	int		 flags;
};

int	 roff_table_begin(struct roff_table *, FILE *, const char *,
	    const char *const *, int);
/* One row of n cells; NULL cells are empty. */
int	 roff_table_row(struct roff_table *, const char *const *, size_t);
int	 roff_table_end(struct roff_table *);

/* ---- mail.c: whole messages for sendmail -t (RFC 5322, MIME) ---------- */

#define MAIL_LINE_MAX	78	/* every line of a message, at most */

struct mail_part {
	const char	*type;		/* "text/plain; charset=UTF-8" */
	const char	*filename;	/* an attachment's name; NULL: inline */
	const char	*body;
	size_t		 len;
	int		 base64;	/* else quoted-printable */
};

struct mail {
	const char		*from;	/* NULL: mail_default_from() */
	const char *const	*to;	/* none: "undisclosed-recipients:;" */
					/* each a mailbox, "Name <a@b>" too */
	size_t			 nto;
	const char		*subject;	/* any UTF-8: RFC 2047 */
	const struct mail_part	*parts;	/* one: a single part; more: */
	size_t			 nparts;	/* multipart/mixed */
};

/* An ASCII e-mail address fit for a header: 0 when it is. */
int	 mail_valid_address(const char *);
/* A mailbox: "address" or "Name <address>" (RFC 5322 name-addr). */
struct mailbox {
	char	name[256];	/* UTF-8, unquoted; "" when none */
	char	addr[256];
};
/* s as a mailbox in *mb: 0, or -1 when it is none. */
int	 mail_mailbox(const char *, struct mailbox *);
int	 mail_valid_mailbox(const char *);
/* $EMAIL when it is a mailbox, else the login name at this host. */
const char *mail_default_from(void);
/*
 * The message: From, To, Subject, Date, Message-ID, MIME-Version and the
 * parts; LF line ends, no line over MAIL_LINE_MAX, 7-bit throughout.
 */
int	 mail_write(FILE *, const struct mail *, struct ally_error *);
/* One header, folded; RFC 2047 encoded words when it is not ASCII. */
int	 mail_put_header(FILE *, const char *, const char *);
/* Bodies: quoted-printable text (LF lines), base64 data. */
int	 mail_put_qp(FILE *, const char *, size_t);
int	 mail_put_base64(FILE *, const void *, size_t);

/* ---- svg.c: the heat map, our own small SVG writer --------------------- */

struct heatmap_cell {
	int		 value;		/* colour index 0..nlevels-1; -1 empty */
	const char	*text;		/* printed in the cell, or NULL */
	const char	*tip;		/* tooltip (<title>), or NULL */
	int		 marked;	/* an alert: drawn with a marker */
};

struct heatmap {
	const char		 *title;
	const char		 *subtitle;
	const char *const	 *rows;		/* row labels */
	size_t			  nrows;
	const char *const	 *cols;		/* column labels */
	size_t			  ncols;
	const struct heatmap_cell *cells;	/* nrows x ncols, by row */
	const char *const	 *levels;	/* legend labels, one per colour */
	int			  nlevels;
	const char		 *mark_label;	/* legend text for the marker */
	const char *const	 *notes;	/* lines under the map */
	size_t			  nnotes;
};

/* Write the map as a standalone SVG document; every text is escaped. */
int	 svg_heatmap(FILE *, const struct heatmap *, struct ally_error *);
/* Text with &, <, >, " and ' escaped for XML; control characters dropped. */
int	 svg_escape(FILE *, const char *);

/* ---- contentline.c: content lines of iCalendar and vCard ------------ */

/*
 * iCalendar (RFC 5545 3.1) and vCard (RFC 6350 3.2) share one grammar:
 * folding and TEXT escaping.
 */
#define CONTENTLINE_FOLD	75	/* octets on a line, CRLF not counted */
#define CONTENTLINE_TEXT	0x01	/* contentline_property: escape as TEXT */

/*
 * Write one content line and CRLF, folded at 75 octets with CRLF and a
 * blank (which counts on the next line), never inside a UTF-8 sequence;
 * bytes that are not UTF-8 fold at 75 octets.  0, or -1 on a write error.
 */
int	 contentline_put(FILE *, const char *);
/*
 * s as a TEXT value, malloc'd: backslash, semicolon and comma escaped,
 * each line break (CRLF, a lone LF or a lone CR) as \n.  NULL: no memory.
 */
char	*contentline_escape(const char *);
/*
 * "NAME:value" as one folded content line; NAME may carry parameters
 * ("TEL;VALUE=uri").  With CONTENTLINE_TEXT the value is escaped.
 */
int	 contentline_property(FILE *, const char *, const char *, int);

/* ---- vcard.c: vCard 4.0 (RFC 6350) ------------------------------------ */

/* A contact record (alias name role function phone email network). */
int	 vcard_put(FILE *, const struct record *, struct ally_error *);

/* ---- progress.c: progress of long work, on a terminal only ----------- */

struct progress;

/*
 * Start a progress line on fp (the command passes stderr) for work on
 * total records (0: unknown; then the count and the rate only, else a
 * bar too).  NULL when fp is no terminal (a pipe, a file, cron) or
 * memory is short; every progress_* call accepts NULL and does nothing.
 * The line appears only after half a second.
 */
struct progress	*progress_start(FILE *, const char *, long long);
/* done records so far: call it per record; it redraws ten times a second. */
void		 progress_update(struct progress *, long long);
/* Draw now, whatever the time (progress_update decides when). */
void		 progress_draw(struct progress *, long long);
/* Erase the line and free; call before printing anything else. */
void		 progress_end(struct progress *);

#endif /* ALLY_RENDER_H */
