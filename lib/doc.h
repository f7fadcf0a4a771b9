/*
 * doc.h: the document layer (doc.c).  What people read -- minutes, agenda,
 * review sheet, reports, reminders, invitations -- is built once as a
 * document and rendered as text (the terminal, mail(1) bodies), roff
 * (groff -t -ms, through roff.c) or mail (a whole RFC 5322/MIME message
 * for sendmail -t, through mail.c, its body the text rendering).
 *
 * A document is a title, with a left and a right page header for print
 * (the network, the date), followed by blocks:
 *   heading	a section; in text what follows it is indented by 2
 *   paragraph	text, wrapped at 72 columns in text; inside a list item it
 *		stands under the item's text
 *   pair	consecutive pairs are one key/value block: "Label:  value"
 *		in text, aligned; a two-column table ("lB lx") in print
 *   item	a numbered list item; the paragraphs and tables that follow
 *		belong to it until doc_list_end or a heading
 *   table	tbl column keys ("n l l lx") and headings (or NULL); in text
 *		the columns are measured and aligned (n and r to the right),
 *		2 blanks apart, and a text block column (x) is printed under
 *		its row, wrapped, 4 further in
 * The builders copy what they are given and never fail visibly: running
 * out of memory marks the document, and doc_write says so.  A NULL
 * document is accepted everywhere, so that doc_new's failure is reported
 * by doc_write too.
 *
 * (The type is struct document and its free is doc_done because
 * minutes.c keeps a private struct doc and a static doc_free.)
 */
#ifndef ALLY_DOC_H
#define ALLY_DOC_H

#include "core.h"
#include "render.h"

#define DOC_CONTINUED	0x01	/* another document came before in fp */

#define DOC_TABLE_SMALL	ROFF_TABLE_SMALL
/* In text, a column of a width in print (w) stands under its row too. */
#define DOC_TABLE_UNDER	0x100

struct document;

struct document	*doc_new(const char *title, const char *left,
		    const char *right);
void		 doc_done(struct document *);
void		 doc_heading(struct document *, const char *);
void		 doc_paragraph(struct document *, const char *);
void		 doc_paragraphf(struct document *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 doc_pair(struct document *, const char *, const char *);
/* A pair whose value is words joined by blanks, "-" when there are none. */
void		 doc_pair_list(struct document *, const char *,
		    const char *const *, size_t);
void		 doc_item(struct document *, const char *);
void		 doc_list_end(struct document *);
/* A table of as many columns as keys; doc_row takes that many cells. */
void		 doc_table(struct document *, const char *keys,
		    const char *const *heads, int flags);
void		 doc_row(struct document *, const char *const *);

/*
 * Render as FMT_TEXT, FMT_ROFF or FMT_MAIL (a message to nobody in
 * particular, the title its subject); flags DOC_CONTINUED: a rule
 * between documents in text, a new page in print.
 */
int		 doc_write(FILE *, const struct document *, enum format, int,
		    struct ally_error *);
/*
 * The whole message: the text rendering as its first part, quoted-
 * printable; from env its sender, recipients and subject (NULL: the
 * title) and, as parts after the text, its attachments.
 */
int		 doc_mail(FILE *, const struct document *, const struct mail *env,
		    struct ally_error *);
/* doc_mail to the recipients (none: undisclosed), with the subject. */
int		 doc_mail_to(FILE *, const struct document *,
		    const char *const *, size_t, const char *,
		    struct ally_error *);

#endif /* ALLY_DOC_H */
