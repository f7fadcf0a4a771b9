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
#include <stdlib.h>
#include <string.h>

#include "core.h"

/*
 * s into e->msg; one too long for it (a long file name, a long value)
 * keeps its beginning and its end, where the reason is, with "..." for
 * the middle, cut between characters.
 */
static void
fit(struct ally_error *e, const char *s)
{
	size_t n = strlen(s), head, tail;

	if (n < sizeof(e->msg)) {
		memcpy(e->msg, s, n + 1);
		return;
	}
	head = sizeof(e->msg) / 3;
	while (head > 0 && ((unsigned char)s[head] & 0xc0) == 0x80)
		head--;
	tail = n - (sizeof(e->msg) - head - 4);
	while (tail < n && ((unsigned char)s[tail] & 0xc0) == 0x80)
		tail++;
	snprintf(e->msg, sizeof(e->msg), "%.*s...%s", (int)head, s, s + tail);
}

/* The message of fmt, after the prefix pre ("" for none). */
static void
set_msg(struct ally_error *e, const char *pre, const char *fmt, va_list ap)
{
	char *s = NULL, *all = NULL;
	va_list aq;

	va_copy(aq, ap);
	if (vasprintf(&s, fmt, aq) < 0)
		s = NULL;
	va_end(aq);
	if (s != NULL && asprintf(&all, "%s%s", pre, s) < 0)
		all = NULL;
	if (all != NULL)
		fit(e, all);
	else {	/* no memory for the whole: what fits */
		fit(e, pre);
		vsnprintf(e->msg + strlen(e->msg), sizeof(e->msg) -
		    strlen(e->msg), fmt, ap);
	}
	free(s);
	free(all);
}

int
ally_errorf(struct ally_error *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->code = code;
	e->msg[0] = '\0';
	va_start(ap, fmt);
	set_msg(e, "", _(fmt), ap);
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
	char *pre = NULL, num[24] = "";

	if (e == NULL)
		return -1;
	e->code = code;
	e->msg[0] = '\0';
	if (line > 0)
		snprintf(num, sizeof(num), ":%lu", line);
	if (asprintf(&pre, "%s%s%s%s%s", file ? file : "", file ? num : "",
	    file ? ": " : "", field ? field : "", field ? ": " : "") < 0)
		pre = NULL;
	va_start(ap, fmt);
	set_msg(e, pre != NULL ? pre : "", _(fmt), ap);
	va_end(ap);
	free(pre);
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
