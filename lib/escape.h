/*
 * escape.h: the characters an output format writes by name (escape.c),
 * for the roff and SVG writers.
 */
#ifndef ALLY_ESCAPE_H
#define ALLY_ESCAPE_H

#include "core.h"

/*
 * When c is one of chars, print the name at the same index of names and
 * return 1; else print nothing and return 0.
 */
int	 escape_by_name(FILE *, int, const char *, const char *const *);

#endif /* ALLY_ESCAPE_H */
