/*
 * opt.h: the command line: the options every command shares (cli.c) and
 * one table of options and modes per command (opt.c; issue 17, points 5
 * and 6).  Each command describes its options once: letter, long name,
 * argument, one line of help, the modes it is allowed in and the mode it
 * chooses.  The getopt strings, the parse loop, the refusal of an option
 * outside its modes, the count of operands and --help all come from it.
 */
#ifndef ALLY_OPT_H
#define ALLY_OPT_H

#include "core.h"

/* ---- cli.c: the options every command shares ------------------------- */

struct ally_opts {
	const char	*db;
	const char	*network;
	enum format	 format;	/* output */
	enum format	 input;		/* records in: auto, yaml or csv */
	int		 dry_run;
	int		 help, version;
	/* --to: the recipients of a message (-f mail), long only. */
	const char	*to[ALLY_MAX_TO];
	size_t		 nto;
};

#define ALLY_OPT_VERSION	0x100
#define ALLY_OPT_TO		0x200	/* --to: long only */

void	 ally_opts_init(struct ally_opts *);
/* 1 handled, 0 not a common option, -1 bad argument (err set). */
int	 ally_opts_handle(struct ally_opts *, int, const char *,
	    struct ally_error *);

/*
 * Finish writing stdout: flush and check, so that a full disk is an
 * error (EX_IOERR) rather than silent loss.
 */
int	 ally_close_stdout(struct ally_error *);

/* ---- opt.c: the table of a command's options and modes ------------- */

#define OPT_IN(m)	(1u << (m))	/* the mask of mode m */
#define OPT_ANY		(~0u)		/* every mode */
#define OPT_LONG	0x200		/* first id of a long-only option */
#define OPT_VERSION	ALLY_OPT_VERSION /* --version */
#define OPT_MAX		48		/* options of one command, at most */

enum opt_kind {
	OPT_CALL,	/* the command's callback handles it */
	OPT_FLAG,	/* sets the int at .off to 1 */
	OPT_STRING,	/* stores the argument at .off (const char *) */
	OPT_COMMON	/* ally_opts_handle: -d -n -f -F -N */
};

/* How many operands a mode takes. */
enum opt_operands { OPT_NONE, OPT_MANY, OPT_SOME, OPT_ONE };

struct opt {
	int		 ch;	/* the letter; OPT_LONG + n: long only */
	const char	*name;	/* the long name */
	const char	*arg;	/* N_() the argument's name; NULL: none */
	const char	*help;	/* N_() one line for --help */
	unsigned	 modes;	/* OPT_IN() of the modes that allow it */
	unsigned	 sets;	/* OPT_IN() of the mode it chooses, or 0 */
	unsigned	 implies; /* the mode it chooses when none is chosen */
	enum opt_kind	 kind;
	size_t		 off;	/* OPT_FLAG, OPT_STRING: in the command's struct */
	const char	*refuse; /* N_() said outside its modes; NULL: the usual */
};

struct opt_mode {
	enum opt_operands operands;
	const char	*refuse; /* N_() said of an option this mode refuses */
	const char	*extra;	/* N_() said of an operand it does not take */
};

struct opt_cmd {
	const char		*name;		/* ally-add */
	const char		*synopsis;	/* N_() the usage lines */
	const struct opt	*opts;		/* ended by a zero ch */
	const struct opt_mode	*modes;
	int			 nmodes;
	int			 initial;	/* no mode option: this, or -1 */
	const char		*no_mode;	/* N_() when initial is -1 */
	const char		*two_modes;	/* N_() or NULL: the usage alone */
	int			 value_usage;	/* the usage after a bad value */
	/* An option of kind OPT_CALL: 0, or -1 with err set. */
	int	(*call)(void *, int, const char *, struct ally_error *);
	/* What the table cannot say, once the mode is known: 0 or -1. */
	int	(*check)(void *, int, int, char **, struct ally_error *);
};

/* The common options (cli.c), each with the modes that allow it. */
#define OPT_DB(m)	{ .ch = 'd', .name = "db", .arg = N_("FILE"), \
	.help = N_("the database (default: $ALLY_DB)"), .modes = (m), \
	.kind = OPT_COMMON }
#define OPT_NETWORK(m)	{ .ch = 'n', .name = "network", .arg = N_("NAME"), \
	.help = N_("the network (default: $ALLY_NETWORK, or the only one)"), \
	.modes = (m), .kind = OPT_COMMON }
#define OPT_FORMAT(m)	{ .ch = 'f', .name = "format", .arg = N_("FORMAT"), \
	.help = N_("the output: yaml, csv, text, ... (see the manual)"), \
	.modes = (m), .kind = OPT_COMMON }
#define OPT_INPUT(m)	{ .ch = 'F', .name = "input-format", \
	.arg = N_("FORMAT"), \
	.help = N_("read records as yaml or csv (default: recognised)"), \
	.modes = (m), .kind = OPT_COMMON }
#define OPT_DRY_RUN(m)	{ .ch = 'N', .name = "dry-run", \
	.help = N_("check and show what would change; write nothing"), \
	.modes = (m), .kind = OPT_COMMON }
/* --to: a recipient of the message that -f mail writes. */
#define OPT_TO(m, h)	{ .ch = ALLY_OPT_TO, .name = "to", \
	.arg = N_("ADDRESS"), .help = (h), .modes = (m), .kind = OPT_COMMON }
/* -u: records read back from files or standard input, in every command. */
#define OPT_UPDATE_HELP	N_("read records from files or standard input")

/* What opt_parse leaves to main. */
#define OPT_RUN		0	/* go on: *mode, *argc and *argv are set */
#define OPT_DONE	1	/* --help or --version printed: exit 0 */
#define OPT_FAIL	(-1)	/* err says why (a message, no usage) */
#define OPT_USAGE	(-2)	/* err says why (maybe ""), then the usage */

/*
 * Parse argv by the table into base (the command's options) and o (its
 * common options, inside base); on OPT_RUN *argc and *argv are the
 * operands and *mode the mode chosen.
 */
int	 opt_parse(const struct opt_cmd *, int *, char ***, void *,
	    struct ally_opts *, int *, struct ally_error *);
/* The synopsis alone (a usage error), or the whole --help. */
int	 opt_usage(const struct opt_cmd *, FILE *);
int	 opt_help(const struct opt_cmd *, FILE *);
/* After opt_parse: print the usage when asked, and the exit status. */
int	 opt_exit(const struct opt_cmd *, int, const struct ally_error *);
/* The option's spelling for a message: "-q", or "--to" when long only. */
const char *opt_spelling(const struct opt *, char *, size_t);

/*
 * Entries of the usual kinds: a mode's own option, and an option of the
 * modes m that sets the int f, or keeps the string f, of the struct t.
 */
#define OPT_MODE(c, n, h, m)	{ .ch = (c), .name = (n), .help = (h), \
	.modes = OPT_IN(m), .sets = OPT_IN(m) }
#define OPT_FLAG_AT(c, n, h, m, t, f)	{ .ch = (c), .name = (n), \
	.help = (h), .modes = (m), .kind = OPT_FLAG, .off = offsetof(t, f) }
#define OPT_STRING_AT(c, n, a, h, m, t, f)	{ .ch = (c), .name = (n), \
	.arg = (a), .help = (h), .modes = (m), .kind = OPT_STRING, \
	.off = offsetof(t, f) }

/*
 * main's beginning (ally_i18n_init, ally_opts_init, stderr and, for
 * text output, stdout through escape_stream, opt_parse): -1 to run the
 * mode, else the exit status; and main's end (stdout closed, the error
 * said): 0 or the exit status.
 */
int	 opt_main(const struct opt_cmd *, int *, char ***, void *,
	    struct ally_opts *, int *, struct ally_error *);
int	 opt_main_end(int, struct ally_error *);
/*
 * For text for people (text, mail), stdout through escape_stream: a
 * mode that prints text whatever -f says calls it with FMT_TEXT.
 */
int	 opt_text_stdout(enum format, struct ally_error *);

/*
 * An option of the modes m whose argument the command's callback takes:
 * a value the table cannot check.
 */
#define OPT_VALUE(c, n, a, h, m)	{ .ch = (c), .name = (n), .arg = (a), \
	.help = (h), .modes = (m) }

/* A command's table of options t and its array of modes m, counted. */
#define OPT_TABLES(t, m)	.opts = (t), .modes = (m), \
	.nmodes = (int)(sizeof(m) / sizeof((m)[0]))

/* -N in the modes m, refused outside them in the command's words r. */
#define OPT_DRY_RUN_ELSE(m, r)	{ .ch = 'N', .name = "dry-run", \
	.help = N_("check and show what would change; write nothing"), \
	.modes = (m), .kind = OPT_COMMON, .refuse = (r) }

/*
 * An option's argument that must be one of values: kept at *out, or
 * refused as "--status: 'x' is not one of open, done, dropped".
 */
int	 opt_one_of(const char *, const char *, const char *const *,
	    const char **, struct ally_error *);
/* An option's argument that must be a date: "--until: 'x' is not a date". */
int	 opt_date(const char *, const char *, day_t *, struct ally_error *);

#endif /* ALLY_OPT_H */
