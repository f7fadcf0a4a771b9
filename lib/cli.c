/* cli.c: the options all six commands share. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "opt.h"
#include "render.h"

void
ally_opts_init(struct ally_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->format = FMT_AUTO;
	o->input = FMT_AUTO;
}

int
ally_opts_handle(struct ally_opts *o, int ch, const char *arg,
    struct ally_error *err)
{
	switch (ch) {
	case 'd':
		if (*arg == '\0')
			return ally_errorf(err, EX_USAGE, "--db: empty path");
		o->db = arg;
		return 1;
	case 'n':
		if (network_valid_name(arg) != 0)
			return ally_errorf(err, EX_USAGE, "--network: '%s' is "
			    "not a network name", arg);
		o->network = arg;
		return 1;
	case 'f':
		if (format_parse(arg, &o->format) != 0 ||
		    o->format == FMT_AUTO)
			return ally_errorf(err, EX_USAGE, "--format: unknown "
			    "format '%s'", arg);
		return 1;
	case 'F':
		if (format_parse(arg, &o->input) != 0 || (o->input != FMT_YAML &&
		    o->input != FMT_CSV && o->input != FMT_AUTO))
			return ally_errorf(err, EX_USAGE, "--input-format: "
			    "records are read as yaml or csv, not '%s'", arg);
		return 1;
	case 'N':
		o->dry_run = 1;
		return 1;
	case ALLY_OPT_TO:
		if (mail_valid_mailbox(arg) != 0)
			return ally_errorf(err, EX_USAGE, "--to: '%s' is not "
			    "an e-mail address", arg);
		if (o->nto == ALLY_MAX_TO)
			return ally_errorf(err, EX_USAGE, "--to: at most %d "
			    "addresses (use a list)", ALLY_MAX_TO);
		o->to[o->nto++] = arg;
		return 1;
	case 'h':
		o->help = 1;
		return 1;
	case ALLY_OPT_VERSION:
		o->version = 1;
		return 1;
	}
	return 0;
}

int
ally_close_stdout(struct ally_error *err)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return ally_errorf(err, EX_IOERR, "standard output: %s",
		    errno ? strerror(errno) : _("write error"));
	return 0;
}
