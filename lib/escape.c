/*
 * escape.c: characters written by name.  roff's backslash and quotes and
 * XML's markup characters are each a short table, looked up here, so
 * that a writer's walk over its text keeps only what is its own.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "escape.h"

int
escape_by_name(FILE *fp, int c, const char *chars, const char *const *names)
{
	const char *p;

	if (c == '\0' || (p = strchr(chars, c)) == NULL)
		return 0;
	fputs(names[p - chars], fp);
	return 1;
}
