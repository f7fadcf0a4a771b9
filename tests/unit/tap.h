/* tap.h: the Test Anything Protocol for the C unit tests of libally. */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) tap_is_str((got), (want), __FILE__, \
	__LINE__, __VA_ARGS__)
#define is_int(got, want, ...) tap_is_int((long long)(got), \
	(long long)(want), __FILE__, __LINE__, __VA_ARGS__)

static void __attribute__((format(printf, 4, 5), unused))
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", pass ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
}

static void __attribute__((format(printf, 5, 6), unused))
tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;
	int pass = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);

	printf("%sok %d - ", pass ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n#        got: '%s'\n"
		    "#   expected: '%s'\n", file, line, got ? got : "(null)",
		    want ? want : "(null)");
	}
}

static void __attribute__((format(printf, 5, 6), unused))
tap_is_int(long long got, long long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", got == want ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (got != want) {
		tap_failed++;
		printf("#   failed at %s:%d\n#        got: %lld\n"
		    "#   expected: %lld\n", file, line, got, want);
	}
}

#define like_prefix(got, prefix, ...) tap_ok((got) != NULL && \
	strncmp((got), (prefix), strlen(prefix)) == 0, __FILE__, __LINE__, \
	__VA_ARGS__); if (strncmp((got), (prefix), strlen(prefix)) != 0) \
	printf("#   got: '%s'\n", (got))

static int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
