/*
 * array.h: one way for a list of fields, blocks or records to grow, so
 * that each does not write its own doubling.  Inline: a record's field
 * append is on the path of every value read.
 */
#ifndef ALLY_ARRAY_H
#define ALLY_ARRAY_H

#include <stdlib.h>

/*
 * The array p, holding n elements of the given size in room for *cap,
 * with room for one more: p itself, or p moved to twice the room (16 at
 * first) and *cap raised.  NULL when memory runs out; p is then kept.
 */
static inline void *
array_grow(void *p, size_t n, size_t *cap, size_t size)
{
	size_t ncap;

	if (n < *cap)
		return p;
	ncap = *cap ? *cap * 2 : 16;
	if ((p = reallocarray(p, ncap, size)) != NULL)
		*cap = ncap;
	return p;
}

#endif /* ALLY_ARRAY_H */
