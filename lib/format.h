/*
 * format.h: what the readers and writers of each format share.  Private
 * to libally; commands use the reader_* and writer_* calls of core.h.
 */
#ifndef ALLY_FORMAT_H
#define ALLY_FORMAT_H

#include <csv.h>
#include <yaml.h>

#include "core.h"

struct reader {
	FILE		*fp;
	char		*name;
	enum format	 fmt;
	/* bytes read ahead to detect the format, served first */
	char		*ahead;
	size_t		 aheadlen, aheadpos;
	int		 eof;

	/* yaml */
	yaml_parser_t	 parser;
	int		 parser_ok;
	int		 in_seq;	/* inside a top-level sequence */
	int		 done;
	/*
	 * The last bytes given to libyaml, and the newlines before them:
	 * its encoding errors carry only a byte offset, turned into a line.
	 */
	char		*tail;
	size_t		 taillen, tailcap, tailoff;
	unsigned long	 taillines;
	/* Bytes given to libyaml since its last event; why a read failed. */
	size_t		 since_event;
	int		 read_errno;	/* ferror: errno; ENOMEM, EFBIG ours */

	/* csv */
	struct csv_parser csv;
	int		 csv_ok;
	char		**header;
	size_t		 nheader;
	unsigned long	 header_line;
	char		**row;
	size_t		 nrow, caprow;
	int		*rownull;
	unsigned long	*rowline;	/* the line each field starts on */
	int		 sep_given;	/* Excel's "sep=;" line chose it */
	unsigned long	 lineno, row_line, field_line;
	struct record	**queue;	/* finished rows not yet handed out */
	size_t		 nqueue, qhead, capqueue;
	char		*linebuf;	/* a block of input, read ahead */
	size_t		 linecap, linepos, linelen;
	struct ally_error cb_err;	/* an error raised inside a callback */
	int		 cb_failed;
	char		 delim;		/* the header's: ',' (the RFC's), ';', tab */
};

/* Append a field, taking key and value (NULL: null); no lookup. */
struct field *record_append_owned(struct record *, const char *, char *);

/* Read up to len bytes, serving the read-ahead first. */
size_t	 reader_read(struct reader *, void *, size_t);

int	 yaml_reader_init(struct reader *, struct ally_error *);
int	 yaml_reader_next(struct reader *, struct record **,
	    struct ally_error *);
void	 yaml_reader_free(struct reader *);

int	 csv_reader_init(struct reader *, struct ally_error *);
int	 csv_reader_next(struct reader *, struct record **,
	    struct ally_error *);
void	 csv_reader_free(struct reader *);

struct writer {
	FILE		 *fp;
	enum format	  fmt;
	int		  flags;
	char		**columns;
	size_t		  ncolumns;
	int		  fixed_columns;	/* given, not taken from a record */
	size_t		  count;
	/* csv: the delimiter (csv_delimiter, chosen at the open) */
	char		  delim;
	/* yaml */
	yaml_emitter_t	  emitter;
	int		  emitter_ok;
	int		  io_failed;
	/* text: rows kept to measure the columns */
	char		***rows;
	size_t		  nrows, caprows;
};

int	 yaml_writer_put(struct writer *, const struct record *,
	    struct ally_error *);
int	 yaml_writer_close(struct writer *, struct ally_error *);
/* CSV output's delimiter: ',' or as ALLY_CSV_DELIMITER says (csv.c). */
char	 csv_delimiter(void);
int	 csv_writer_put(struct writer *, const struct record *,
	    struct ally_error *);
int	 text_writer_put(struct writer *, const struct record *,
	    struct ally_error *);
int	 text_writer_close(struct writer *, struct ally_error *);
/* A field as one line of text: lists joined by blanks. */
char	*field_flat(const struct field *);

#endif
