/* util.c: small helpers: strings, validation of values, the OS user. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "core.h"

void
ally_test_crash(const char *where)
{
	const char *s = getenv("ALLY_TEST_CRASH");

	if (s != NULL && strcmp(s, where) == 0)
		raise(SIGKILL);
}

char *
ally_strdup(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

int
str_in(const char *s, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

int
parse_decimal(const char *s, const char **end, double *out)
{
	double v = 0, scale = 1;
	int digits = 0;

	for (; isdigit((unsigned char)*s); s++)
		if (++digits <= 15)	/* what a double holds exactly */
			v = v * 10 + (*s - '0');
	if (digits == 0 || digits > 15)
		return -1;
	if ((*s == '.' || *s == ',') && isdigit((unsigned char)s[1]))
		for (s++; isdigit((unsigned char)*s); s++)
			v += (*s - '0') * (scale /= 10);
	*end = s;
	*out = v;
	return 0;
}

int
str_set(char **dst, const char *s)
{
	char *d = NULL;

	if (s != NULL && *s != '\0' && (d = strdup(s)) == NULL)
		return -1;
	free(*dst);
	*dst = d;
	return 0;
}

/*
 * The character at p: its length in bytes and its code point, or -1 where
 * it is not strict UTF-8 (an overlong form, a surrogate, above U+10FFFF, a
 * byte missing).  At most the bytes up to the first that does not belong
 * are read, so a NUL ends a truncated sequence safely.
 */
int
utf8_decode(const unsigned char *p, unsigned int *cp)
{
	unsigned int c;
	int n, i;

	if (*p < 0x80) {
		*cp = *p;
		return 1;
	}
	if ((*p & 0xe0) == 0xc0) {
		n = 1;
		c = *p & 0x1f;
	} else if ((*p & 0xf0) == 0xe0) {
		n = 2;
		c = *p & 0x0f;
	} else if ((*p & 0xf8) == 0xf0) {
		n = 3;
		c = *p & 0x07;
	} else
		return -1;
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((n == 1 && c < 0x80) || (n == 2 && c < 0x800) ||
	    (n == 3 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return n + 1;
}

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
int
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int c;
	int n;

	while (*p) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		if ((n = utf8_decode(p, &c)) < 0)
			return -1;
		p += n;
	}
	return 0;
}

/*
 * Free text: valid UTF-8 with no control characters (a newline only
 * where multiline is allowed), and nothing a spreadsheet would run.
 * One pass: an ingest checks every value of every record.
 */
int
valid_text(const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int c;
	int n;

	while (*p) {
		if (*p < 0x80) {
			if ((*p < 0x20 || *p == 0x7f) && *p != '\t' &&
			    (*p != '\n' || !multiline))
				return -1;
			p++;
			continue;
		}
		if ((n = utf8_decode(p, &c)) < 0)
			return -1;
		/* C1 controls (U+0080..U+009F): CSI and NEL reach terminals. */
		if (c <= 0x9f)
			return -1;
		p += n;
	}
	if (s[0] == '=')
		return -2;
	return 0;
}

const char *
text_fault(const char *s, int rc, int multiline)
{
	size_t n = strlen(s);
	char *head;
	int only_end = 0;

	if (rc == -2)
		return _("a value may not start with '=' (a spreadsheet "
		    "formula)");
	if (multiline)
		return _("control characters or invalid UTF-8");
	/* YAML's > and | keep a line break at the end: say that. */
	if (n > 0 && s[n - 1] == '\n' && (head = strndup(s, n - 1)) != NULL) {
		only_end = valid_text(head, 0) == 0;
		free(head);
	}
	return only_end ? _("a line break at the end (in YAML, write a "
	    "folded block as >- or |-)") : _("control characters, a line "
	    "break or invalid UTF-8");
}

/* A pseudonym: 1 to 16 letters, digits, '-' or '_', starting with a letter. */
int
valid_alias(const char *s)
{
	size_t n = 0;

	if (!isalpha((unsigned char)s[0]))
		return -1;
	for (; *s; s++, n++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
			return -1;
	return n <= 16 ? 0 : -1;
}

int
valid_email(const char *s)
{
	const char *at, *dot, *p;

	if (strlen(s) > 254 || (at = strchr(s, '@')) == NULL ||
	    strchr(at + 1, '@') != NULL || at == s)
		return -1;
	for (p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == ',' || *p == ';' ||
		    *p == '<' || *p == '>' || *p == '"' || *p == '\\' ||
		    (unsigned char)*p == 0x7f)
			return -1;
	dot = strrchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0' ||
	    strstr(at + 1, "..") != NULL || at[1] == '.')
		return -1;
	return 0;
}

/*
 * Dutch and international numbers to E.164: 06-12345678, 0612345678,
 * 010 123 4567, +31 6 1234 5678, 0031612345678, (0)6 ...; blanks, dots,
 * dashes and parentheses are layout.
 */
int
phone_normalize(const char *s, char *buf, size_t len)
{
	char d[32];
	size_t n = 0;
	int plus = 0;
	const char *p;

	for (p = s; *p == ' '; p++)
		;
	if (*p == '+') {
		plus = 1;
		p++;
	}
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n + 1 >= sizeof(d))
				return -1;
			d[n++] = *p;
		} else if (*p == '(' && p[1] == '0' && p[2] == ')') {
			p += 2;		/* +31 (0)6...: the trunk zero */
		} else if (strchr(" -.()/", *p) == NULL)
			return -1;
	}
	d[n] = '\0';
	if (!plus && n > 2 && d[0] == '0' && d[1] == '0') {
		memmove(d, d + 2, n - 1);
		n -= 2;
		plus = 1;
	}
	if (plus) {
		if (n < 8 || n > 15 || d[0] == '0')
			return -1;
		if (strncmp(d, "31", 2) == 0 && n != 11)
			return -1;
		if ((size_t)snprintf(buf, len, "+%s", d) >= len)
			return -1;
		return 0;
	}
	/* A Dutch national number: 0 and nine digits. */
	if (n != 10 || d[0] != '0' || d[1] == '0')
		return -1;
	if ((size_t)snprintf(buf, len, "+31%s", d + 1) >= len)
		return -1;
	return 0;
}

int
parse_bool(const char *s, int *v)
{
	static const char *const yes[] = { "yes", "y", "true", "1", "ja",
	    NULL };
	static const char *const no[] = { "no", "n", "false", "0", "nee",
	    NULL };
	char low[8];
	size_t i;

	for (i = 0; i < sizeof(low) - 1 && s[i]; i++)
		low[i] = tolower((unsigned char)s[i]);
	if (s[i] != '\0')
		return -1;
	low[i] = '\0';
	if (str_in(low, yes))
		*v = 1;
	else if (str_in(low, no))
		*v = 0;
	else
		return -1;
	return 0;
}

int
parse_int(const char *s, long long min, long long max, long long *v)
{
	char *end;
	long long n;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return -1;
	*v = n;
	return 0;
}

const char *
user_name(void)
{
	static char name[64];
	struct passwd *pw;
	const char *s;

	if (name[0] != '\0')
		return name;
	if ((pw = getpwuid(geteuid())) != NULL)
		s = pw->pw_name;
	else if ((s = getenv("LOGNAME")) == NULL)
		s = "unknown";
	snprintf(name, sizeof(name), "%s", s);
	return name;
}

int
ally_uid(char buf[64], struct ally_error *err)
{
	unsigned char b[16];
	size_t i;

	if (getrandom(b, sizeof(b), 0) != (ssize_t)sizeof(b))
		return ally_errorf(err, EX_OSERR, "no random bytes");
	for (i = 0; i < sizeof(b); i++)
		snprintf(buf + 2 * i, 3, "%02x", b[i]);
	snprintf(buf + 32, 32, "@ally");
	return 0;
}
