/*
 * icalcheck: every calendar of an iCalendar file through libical's
 * parser and its iTIP restriction check (RFC 5546: what each METHOD
 * needs).  Prints one "STATUS WHAT" line per calendar for py_checks in
 * tests/lib.sh: 0 when libical found nothing, 1 and its X-LIC-ERROR
 * texts otherwise.
 *	icalcheck NAME FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s = NULL;
	size_t n = 0, cap = 0, k;

	if (fp == NULL)
		return NULL;
	do {
		if (n + 4096 + 1 > cap && (s = realloc(s, cap = 2 * cap +
		    8192)) == NULL)
			exit(2);
		k = fread(s + n, 1, 4096, fp);
		n += k;
	} while (k > 0);
	fclose(fp);
	s[n] = '\0';
	return s;
}

/* The X-LIC-ERRORs under c, joined into buf. */
static int
errors(icalcomponent *c, char *buf, size_t size)
{
	icalcomponent *k;
	icalproperty *p;
	size_t n = strlen(buf);
	int count = 0;

	for (p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_XLICERROR_PROPERTY), count++)
		n += snprintf(buf + n, n < size ? size - n : 0, " [%s]",
		    icalproperty_get_xlicerror(p));
	for (k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	    k != NULL; k = icalcomponent_get_next_component(c,
	    ICAL_ANY_COMPONENT))
		count += errors(k, buf, size);
	return count;
}

int
main(int argc, char **argv)
{
	icalcomponent *root, *cal;
	icalproperty *m;
	char *text, *p, *end, buf[4096];
	int ncal = 0, bad;

	if (argc != 3 || (text = slurp(argv[2])) == NULL) {
		fprintf(stderr, "usage: icalcheck name file\n");
		return 2;
	}
	/* One calendar at a time: a file may hold several. */
	for (p = strstr(text, "BEGIN:VCALENDAR"); p != NULL; p = end) {
		if ((end = strstr(p, "END:VCALENDAR")) == NULL)
			break;
		end += strlen("END:VCALENDAR");
		char save = *end;
		*end = '\0';
		root = icalparser_parse_string(p);
		*end = save;
		cal = root;
		ncal++;
		buf[0] = '\0';
		if (cal == NULL) {
			printf("1 %s: calendar %d: libical cannot parse it\n",
			    argv[1], ncal);
			continue;
		}
		icalrestriction_check(cal);
		bad = errors(cal, buf, sizeof(buf));
		m = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY);
		printf("%d %s: calendar %d (%s) passes libical's iTIP check%s\n",
		    bad != 0, argv[1], ncal, m ? icalproperty_get_value_as_string(
		    m) : "no METHOD", buf);
		icalcomponent_free(cal);
	}
	if (ncal == 0)
		printf("1 %s: no calendar in it\n", argv[1]);
	free(text);
	return 0;
}
