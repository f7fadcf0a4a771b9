/*
 * escape.h: the characters an output format writes by name (escape.c),
 * for the roff and SVG writers; and the one escaping of text that people
 * read on a terminal, for text output and diagnostics.
 */
#ifndef ALLY_ESCAPE_H
#define ALLY_ESCAPE_H

#include <stdio.h>

#include "core.h"

/*
 * When c is one of chars, print the name at the same index of names and
 * return 1; else print nothing and return 0.
 */
int	 escape_by_name(FILE *, int, const char *, const char *const *);

/*
 * The n bytes of s to fp as a terminal may show them: a control
 * character other than newline and tab in caret notation (ESC "^[", BEL
 * "^G", CR "^M", DEL "^?"), a byte that is not UTF-8 as "\xff", a C1
 * control or a bidi override, embedding, isolate or mark as "<U+202E>";
 * the rest as it is.  With partial, a UTF-8 sequence cut off at the end
 * is left unwritten.  The bytes taken.
 */
size_t	 escape_visible(FILE *, const char *, size_t, int);
/*
 * The columns escape_visible's showing of the n bytes of s takes on a
 * terminal, a character a column, for text output's alignment.
 */
size_t	 escape_width(const char *, size_t);

/*
 * *fpp replaced by a stream that writes through escape_visible to it
 * (stdout for text output, stderr for diagnostics); a write error of the
 * stream below is one of the new stream.  Twice is once.  0, or -1 when
 * no stream could be made (*fpp is then as it was).
 */
int	 escape_stream(FILE **);
/* The stream escape_stream replaced by fp, or fp. */
FILE	*escape_unfiltered(FILE *);

#endif /* ALLY_ESCAPE_H */
