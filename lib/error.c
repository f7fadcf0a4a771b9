/*
 * error.c: errors carried back to the command, never printed here.
 *
 * The format of a message is its msgid: it is translated here, so that a
 * call site needs no _(); xgettext collects the formats of ally_errorf
 * and ally_error_at (and of the field_error helpers that pass theirs on)
 * by the keywords the Makefile gives it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

int
ally_errorf(struct ally_error *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), _(fmt), ap);
	va_end(ap);
	return -1;
}

/*
 * "file:line: field: message", the shape of every input diagnostic.
 * A zero line or a NULL field leaves that part out.
 */
int
ally_error_at(struct ally_error *e, int code, const char *file,
    unsigned long line, const char *field, const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;

	if (e == NULL)
		return -1;
	e->code = code;
	e->msg[0] = '\0';
	if (file != NULL) {
		if (line > 0)
			n = snprintf(e->msg, sizeof(e->msg), "%s:%lu: ", file,
			    line);
		else
			n = snprintf(e->msg, sizeof(e->msg), "%s: ", file);
	}
	if (field != NULL && n < sizeof(e->msg))
		n += snprintf(e->msg + n, sizeof(e->msg) - n, "%s: ", field);
	if (n < sizeof(e->msg)) {
		va_start(ap, fmt);
		vsnprintf(e->msg + n, sizeof(e->msg) - n, _(fmt), ap);
		va_end(ap);
	}
	return -1;
}

void
ally_error_clear(struct ally_error *e)
{
	if (e != NULL) {
		e->code = 0;
		e->msg[0] = '\0';
	}
}
