/*
 * opt.c: the command line of every command from its table of options
 * and modes: the getopt strings, the parse loop, the one refusal of an
 * option outside its modes, the operands each mode takes, and --help.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core.h"
#include "escape.h"
#include "fields.h"
#include "opt.h"

#define HELP_COLUMN	30

static const struct opt help_opts[] = {
	{ .ch = 'h', .name = "help", .help = N_("print this help and exit"),
	  .modes = OPT_ANY },
	{ .ch = OPT_VERSION, .name = "version",
	  .help = N_("print the version and exit"), .modes = OPT_ANY },
	{ .ch = 0 }
};

const char *
opt_spelling(const struct opt *p, char *buf, size_t len)
{
	if (p->ch < OPT_VERSION)
		snprintf(buf, len, "-%c", p->ch);
	else
		snprintf(buf, len, "--%s", p->name);
	return buf;
}

/* The getopt_long strings of the table, -h and --version added. */
static int
build(const struct opt_cmd *c, char *shorts, struct option *longs,
    struct ally_error *err)
{
	const struct opt *p;
	size_t n = 0, s = 0;

	for (p = c->opts; p->ch != 0; p++) {
		if (n == OPT_MAX)
			return ally_errorf(err, EX_SOFTWARE, "%s: more than %d "
			    "options", c->name, OPT_MAX);
		if (p->ch < OPT_VERSION) {
			shorts[s++] = (char)p->ch;
			if (p->arg != NULL)
				shorts[s++] = ':';
		}
		longs[n].name = p->name;
		longs[n].has_arg = p->arg != NULL ? required_argument :
		    no_argument;
		longs[n].flag = NULL;
		longs[n++].val = p->ch;
	}
	for (p = help_opts; p->ch != 0; p++) {
		longs[n].name = p->name;
		longs[n].has_arg = no_argument;
		longs[n].flag = NULL;
		longs[n++].val = p->ch;
	}
	memset(&longs[n], 0, sizeof(longs[n]));
	shorts[s++] = 'h';
	shorts[s] = '\0';
	return 0;
}

static int
find(const struct opt_cmd *c, int ch)
{
	int i;

	for (i = 0; c->opts[i].ch != 0; i++)
		if (c->opts[i].ch == ch)
			return i;
	return -1;
}

static int
mode_of(unsigned mask)
{
	return mask != 0 ? ffs((int)mask) - 1 : -1;
}

#define OPT_VALUE_MAX	4096

/* One option: stored, handed to the command, or its mode chosen. */
static int
take(const struct opt_cmd *c, const struct opt *p, const char *arg,
    void *base, struct ally_opts *o, int *mode, struct ally_error *err)
{
	int m = mode_of(p->sets);
	char sp[32];

	/*
	 * No value is longer than a path: a message never echoes 100 KB.
	 * The option by its letter, which some modes read another way (-S
	 * is --sector, and --since with -A).
	 */
	if (arg != NULL && strlen(arg) > OPT_VALUE_MAX) {
		ally_errorf(err, EX_USAGE, "%s: a value of %zu bytes is too "
		    "long (at most %d)", opt_spelling(p, sp, sizeof(sp)),
		    strlen(arg), OPT_VALUE_MAX);
		return OPT_FAIL;
	}
	if (m >= 0) {
		if (*mode >= 0 && *mode != m) {
			ally_errorf(err, EX_USAGE, "%s", c->two_modes != NULL ?
			    _(c->two_modes) : "");
			return OPT_USAGE;
		}
		*mode = m;
	}
	switch (p->kind) {
	case OPT_FLAG:
		*(int *)(void *)((char *)base + p->off) = 1;
		return 0;
	case OPT_STRING:
		*(const char **)(void *)((char *)base + p->off) = arg;
		return 0;
	case OPT_COMMON:
		if (ally_opts_handle(o, p->ch, arg, err) < 0)
			return c->value_usage ? OPT_USAGE : OPT_FAIL;
		return 0;
	default:
		return c->call != NULL ? c->call(base, p->ch, arg, err) : 0;
	}
}

/* The options that choose the modes of mask, for a message. */
static void
mode_options(const struct opt_cmd *c, unsigned mask, char *buf, size_t len)
{
	const struct opt *p;
	unsigned named = 0;
	char sp[40];
	size_t n = 0;

	buf[0] = '\0';
	for (p = c->opts; p->ch != 0; p++) {
		unsigned m = p->sets ? p->sets : p->implies;

		if (m == 0 || !(m & mask) || (m & named))
			continue;
		named |= m;
		n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s%s",
		    n > 0 ? ", " : "", opt_spelling(p, sp, sizeof(sp)));
	}
}

/* Every option given outside its modes is refused here, and only here. */
static int
refuse(const struct opt_cmd *c, const struct opt *p, int mode,
    const struct opt *chooser, struct ally_error *err)
{
	char sp[40], other[40], list[256];

	if (c->modes[mode].refuse != NULL)
		return ally_errorf(err, EX_USAGE, "%s",
		    _(c->modes[mode].refuse));
	if (p->refuse != NULL)
		return ally_errorf(err, EX_USAGE, "%s", _(p->refuse));
	opt_spelling(p, sp, sizeof(sp));
	if (chooser != NULL)
		return ally_errorf(err, EX_USAGE, "%s does not go with %s", sp,
		    opt_spelling(chooser, other, sizeof(other)));
	mode_options(c, p->modes, list, sizeof(list));
	return ally_errorf(err, EX_USAGE, "%s goes with %s only", sp, list);
}

static int
check_operands(const struct opt_cmd *c, int mode, int argc, char **argv,
    struct ally_error *err)
{
	const struct opt_mode *m = &c->modes[mode];
	int extra = -1, i;

	/* Nor is an operand: a file's name, an alias, an id. */
	for (i = 0; i < argc; i++)
		if (strlen(argv[i]) > OPT_VALUE_MAX)
			return ally_errorf(err, EX_USAGE, "operand %d: %zu bytes "
			    "is too long (at most %d)", i + 1, strlen(argv[i]),
			    OPT_VALUE_MAX);
	if (m->operands == OPT_NONE && argc > 0)
		extra = 0;
	else if (m->operands == OPT_ONE && argc > 1)
		extra = 1;
	else if (m->operands == OPT_SOME && argc == 0)
		return ally_errorf(err, EX_USAGE, "missing operand");
	if (extra < 0)
		return 0;
	if (m->extra != NULL)
		return ally_errorf(err, EX_USAGE, "%s", _(m->extra));
	return ally_errorf(err, EX_USAGE, "extra operand '%.64s'", argv[extra]);
}

/* The mode, once every option is known; then what each option allows. */
static int
settle(const struct opt_cmd *c, const unsigned char *given, int *mode,
    struct ally_error *err)
{
	const struct opt *p, *chooser = NULL;
	int i;

	for (i = 0; *mode < 0 && c->opts[i].ch != 0; i++)
		if (given[i] && c->opts[i].implies != 0)
			*mode = mode_of(c->opts[i].implies);
	if (*mode < 0)
		*mode = c->initial;
	if (*mode < 0)
		return ally_errorf(err, EX_USAGE, "%s",
		    c->no_mode != NULL ? _(c->no_mode) : "");
	for (i = 0; c->opts[i].ch != 0; i++)
		if (given[i] && c->opts[i].sets == OPT_IN(*mode)) {
			chooser = &c->opts[i];
			break;
		}
	for (i = 0; c->opts[i].ch != 0; i++) {
		p = &c->opts[i];
		if (given[i] && !(p->modes & OPT_IN(*mode)))
			return refuse(c, p, *mode, chooser, err);
	}
	return 0;
}

int
opt_parse(const struct opt_cmd *c, int *argcp, char ***argvp, void *base,
    struct ally_opts *o, int *modep, struct ally_error *err)
{
	char shorts[3 * OPT_MAX + 4];
	struct option longs[OPT_MAX + 3];
	unsigned char given[OPT_MAX];
	int ch, i, rc, mode = -1;

	if (build(c, shorts, longs, err) != 0)
		return OPT_FAIL;
	memset(given, 0, sizeof(given));
	while ((ch = getopt_long(*argcp, *argvp, shorts, longs, NULL)) != -1) {
		if (ch == 'h' || ch == OPT_VERSION) {
			ally_opts_handle(o, ch, optarg, err);
			continue;
		}
		if ((i = find(c, ch)) < 0) {
			ally_errorf(err, EX_USAGE, "%s", "");
			return OPT_USAGE;
		}
		given[i] = 1;
		if ((rc = take(c, &c->opts[i], optarg, base, o, &mode,
		    err)) != 0)
			return rc;
	}
	*argcp -= optind;
	*argvp += optind;
	if (o->help || o->version) {
		if (o->help)
			opt_help(c, stdout);
		else
			printf("%s %s\n", c->name, ALLY_VERSION);
		return ally_close_stdout(err) == 0 ? OPT_DONE : OPT_FAIL;
	}
	if (settle(c, given, &mode, err) != 0 ||
	    check_operands(c, mode, *argcp, *argvp, err) != 0)
		return OPT_USAGE;
	*modep = mode;
	err->code = EX_USAGE;
	err->msg[0] = '\0';
	if (c->check != NULL && c->check(base, mode, *argcp, *argvp, err) != 0)
		return OPT_USAGE;
	err->code = 0;
	return OPT_RUN;
}

int
opt_usage(const struct opt_cmd *c, FILE *fp)
{
	return fputs(_(c->synopsis), fp) == EOF ? -1 : 0;
}

/* Characters, not bytes: the argument names may be translated. */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
help_line(const struct opt *p, FILE *fp)
{
	char left[128];
	size_t w;

	if (p->ch < OPT_VERSION)
		snprintf(left, sizeof(left), "  -%c, --%s%s%s", p->ch, p->name,
		    p->arg != NULL ? "=" : "", p->arg != NULL ? _(p->arg) : "");
	else
		snprintf(left, sizeof(left), "      --%s%s%s", p->name,
		    p->arg != NULL ? "=" : "", p->arg != NULL ? _(p->arg) : "");
	w = width(left);
	if (w + 2 > HELP_COLUMN)
		fprintf(fp, "%s\n%*s%s\n", left, HELP_COLUMN, "", _(p->help));
	else
		fprintf(fp, "%s%*s%s\n", left, (int)(HELP_COLUMN - w), "",
		    _(p->help));
}

int
opt_help(const struct opt_cmd *c, FILE *fp)
{
	const struct opt *p;

	opt_usage(c, fp);
	fprintf(fp, "\n%s\n", _("Options:"));
	for (p = c->opts; p->ch != 0; p++)
		help_line(p, fp);
	for (p = help_opts; p->ch != 0; p++)
		help_line(p, fp);
	/* TRANSLATORS: %s is the command's name: its manual page. */
	fprintf(fp, "\n");
	fprintf(fp, _("Full documentation: man 1 %s\n"), c->name);
	return ferror(fp) ? -1 : 0;
}

int
opt_exit(const struct opt_cmd *c, int rc, const struct ally_error *err)
{
	if (rc == OPT_DONE)
		return 0;
	if (rc == OPT_USAGE) {
		opt_usage(c, stderr);
		return EX_USAGE;
	}
	return err->code != 0 ? err->code : EX_SOFTWARE;
}

/*
 * The beginning of main: messages in the user's language, o's defaults,
 * the command line.  -1: run the mode; else the exit status, the error
 * said.
 */
int
opt_main(const struct opt_cmd *c, int *argcp, char ***argvp, void *base,
    struct ally_opts *o, int *mode, struct ally_error *err)
{
	int rc;

	ally_i18n_init();
	ally_opts_init(o);
	/* Diagnostics show control characters, never send them. */
	if (escape_stream(&stderr) != 0) {
		warnx("%s", _("out of memory"));
		return EX_OSERR;
	}
	if ((rc = opt_parse(c, argcp, argvp, base, o, mode, err)) == OPT_RUN &&
	    opt_text_stdout(o->format, err) == 0)
		return -1;
	if (err->msg[0] != '\0')
		warnx("%s", err->msg);
	return opt_exit(c, rc, err);
}

int
opt_text_stdout(enum format f, struct ally_error *err)
{
	if ((f == FMT_TEXT || f == FMT_MAIL) && escape_stream(&stdout) != 0)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

/* The end of main: standard output checked, the error said; the status. */
int
opt_main_end(int rc, struct ally_error *err)
{
	if (rc == 0 && ally_close_stdout(err) != 0)
		rc = -1;
	if (rc == 0)
		return 0;
	warnx("%s", err->msg);
	return err->code != 0 ? err->code : EX_SOFTWARE;
}

int
opt_one_of(const char *opt, const char *arg, const char *const *values,
    const char **out, struct ally_error *err)
{
	char list[256];

	if (!str_in(arg, values))
		return ally_errorf(err, EX_USAGE, "%s: '%s' is not one of %s",
		    opt, arg, values_join(values, list, sizeof(list)));
	*out = arg;
	return 0;
}

int
opt_date(const char *opt, const char *arg, day_t *d, struct ally_error *err)
{
	if (date_parse(arg, d) != 0)
		return ally_errorf(err, EX_USAGE, "%s: '%s' is not a date "
		    "(YYYY-MM-DD)", opt, arg);
	return 0;
}
