/*
 * gencompletion: bin/ally.bash from bin/ally.bash.in, with the value
 * lists of the field tables (fields.c) in place of their names, so that
 * the completion offers exactly the values the commands accept.
 *
 *	gencompletion < bin/ally.bash.in > bin/ally.bash
 *	gencompletion -l	(every list: "NAME a,b,c", one a line)
 *
 * enum:@@RECORD.FIELD@@ (the record as record_defs names it) stands for
 * an enumeration's values, or an integer range's numbers; and
 * enum:@@minutes_views@@ for meet-minutes' views.  An unknown name is an error: the template and the
 * tables must agree.
 */
#include <stdio.h>
#include <string.h>

#include "ally.h"

#define RANGE_MAX	20	/* numbers an integer range offers at most */

/* The values of a field into buf, joined by ","; 0, or -1: none. */
static int
field_values(const struct field_def *f, char *buf, size_t len)
{
	const char *const *v;
	size_t n = 0;
	long long i;

	buf[0] = '\0';
	if (f->kind == FK_INT && f->max > f->min &&
	    f->max - f->min <= RANGE_MAX) {
		for (i = f->min; i <= f->max && n < len; i++)
			n += snprintf(buf + n, len - n, "%s%lld", n ? "," : "",
			    i);
		return n < len ? 0 : -1;
	}
	if ((f->kind != FK_ENUM && f->kind != FK_WORD) || f->values == NULL)
		return -1;
	for (v = f->values; *v != NULL && n < len; v++)
		n += snprintf(buf + n, len - n, "%s%s", n ? "," : "", *v);
	return n < len ? 0 : -1;
}

static int
list_values(const char *const *v, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (; *v != NULL && n < len; v++)
		n += snprintf(buf + n, len - n, "%s%s", n ? "," : "", *v);
	return n < len ? 0 : -1;
}

/* The values that name stands for; 0, or -1: no such list. */
static int
lookup(const char *name, char *buf, size_t len)
{
	const struct record_def *const *d;
	const struct field_def *f;
	const char *dot;

	if (strcmp(name, "minutes_views") == 0)
		return list_values(minutes_views, buf, len);
	if ((dot = strchr(name, '.')) == NULL)
		return -1;
	for (d = record_defs; *d != NULL; d++)
		if (strlen((*d)->name) == (size_t)(dot - name) &&
		    strncmp((*d)->name, name, dot - name) == 0 &&
		    (f = record_def_field(*d, dot + 1)) != NULL)
			return field_values(f, buf, len);
	return -1;
}

static int
list_all(void)
{
	const struct record_def *const *d;
	char buf[1024];
	size_t i;

	for (d = record_defs; *d != NULL; d++)
		for (i = 0; i < (*d)->nfields; i++)
			if (field_values(&(*d)->fields[i], buf,
			    sizeof(buf)) == 0)
				printf("%s.%s %s\n", (*d)->name,
				    (*d)->fields[i].name, buf);
	if (list_values(minutes_views, buf, sizeof(buf)) == 0)
		printf("minutes_views %s\n", buf);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

/* One line of the template, the NAME of its enum:@@NAME@@s replaced. */
static int
expand(const char *line, long lineno)
{
	char name[128], buf[1024];
	const char *p, *q;

	for (p = line; (q = strstr(p, "enum:@@")) != NULL; p = q + 2) {
		fwrite(p, 1, q + 5 - p, stdout);
		p = q + 7;
		if ((q = strstr(p, "@@")) == NULL || (size_t)(q - p) >=
		    sizeof(name)) {
			fprintf(stderr, "gencompletion: line %ld: @@ without "
			    "its closing @@\n", lineno);
			return -1;
		}
		snprintf(name, sizeof(name), "%.*s", (int)(q - p), p);
		if (lookup(name, buf, sizeof(buf)) != 0) {
			fprintf(stderr, "gencompletion: line %ld: @@%s@@: no "
			    "such list\n", lineno, name);
			return -1;
		}
		fputs(buf, stdout);
	}
	fputs(p, stdout);
	return 0;
}

int
main(int argc, char *argv[])
{
	char line[4096];
	long n = 0;

	if (argc == 2 && strcmp(argv[1], "-l") == 0)
		return list_all();
	if (argc != 1) {
		fprintf(stderr, "usage: gencompletion [-l] < ally.bash.in\n");
		return 64;
	}
	while (fgets(line, sizeof(line), stdin) != NULL)
		if (expand(line, ++n) != 0)
			return 65;
	return fflush(stdout) == 0 && !ferror(stdout) && !ferror(stdin) ?
	    0 : 74;
}
