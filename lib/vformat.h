/*
 * vformat.h: the variadic arguments of a printf-like function formatted
 * into a new string, for the functions that format and pass the result
 * on (record_setf, roff_paragraphf, doc_paragraphf).
 */
#ifndef ALLY_VFORMAT_H
#define ALLY_VFORMAT_H

#include <stdarg.h>
#include <stdio.h>

/* s becomes the formatted string (free it), or NULL without memory. */
#define VFORMAT(s, fmt) do {						\
	va_list vformat_ap;						\
									\
	va_start(vformat_ap, fmt);					\
	if (vasprintf(&(s), (fmt), vformat_ap) < 0)			\
		(s) = NULL;						\
	va_end(vformat_ap);						\
} while (0)

#endif /* ALLY_VFORMAT_H */
