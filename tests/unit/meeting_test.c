/* meeting_test: Dutch holidays, weekday lists, blackouts, iCalendar lines. */
#include <stdlib.h>
#include <string.h>

#include "ally.h"
#include "tap.h"

static day_t
d(const char *s)
{
	day_t v = 0;

	if (date_parse(s, &v) != 0)
		abort();
	return v;
}

static void
test_easter(void)
{
	/* Published Easter Sundays, across century rules. */
	static const char *const easter[] = { "1961-04-02", "2000-04-23",
	    "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31",
	    "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25", NULL };
	char buf[11];
	int i, y;

	for (i = 0; easter[i] != NULL; i++) {
		y = atoi(easter[i]);
		date_format(holiday_easter(y), buf);
		is_str(buf, easter[i], "Easter %d", y);
	}
}

static void
test_holidays(void)
{
	static const struct {
		const char *date, *name;
	} v[] = {
		{ "2027-01-01", "Nieuwjaarsdag" },
		{ "2027-03-26", "Goede Vrijdag" },
		{ "2027-03-28", "Eerste Paasdag" },
		{ "2027-03-29", "Tweede Paasdag" },
		{ "2027-04-27", "Koningsdag" },
		{ "2025-04-26", "Koningsdag" },	/* the 27th is a Sunday */
		{ "2025-04-27", NULL },
		{ "2027-05-05", "Bevrijdingsdag" },
		{ "2027-05-06", "Hemelvaartsdag" },
		{ "2027-05-16", "Eerste Pinksterdag" },
		{ "2027-05-17", "Tweede Pinksterdag" },
		{ "2027-12-25", "Eerste Kerstdag" },
		{ "2027-12-26", "Tweede Kerstdag" },
		{ "2027-12-27", NULL },
		{ "2027-04-28", NULL },
		{ "2027-03-30", NULL },
		{ "2010-04-30", "Koninginnedag" },
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		is_str(holiday_nl(d(v[i].date)), v[i].name, "holiday on %s",
		    v[i].date);
}

static void
test_weekdays(void)
{
	char buf[64];
	int mask;

	ok(weekdays_parse("tue,thu", &mask) == 0 && mask == (1 << 2 | 1 << 4),
	    "tue,thu");
	ok(weekdays_parse("Thursday Tuesday", &mask) == 0 &&
	    mask == (1 << 2 | 1 << 4), "full names, any case and order");
	weekdays_format(mask, buf, sizeof(buf));
	is_str(buf, "tue thu", "stored in week order");
	weekdays_format(1 << 0 | 1 << 1, buf, sizeof(buf));
	is_str(buf, "mon sun", "Monday first");
	ok(weekdays_parse("tues", &mask) != 0, "a half-written name is refused");
	ok(weekdays_parse("", &mask) != 0, "no weekday at all is refused");
	ok(weekdays_parse("tue,fun", &mask) != 0, "an unknown word is refused");
}

static void
test_blackouts(void)
{
	struct blackouts b;
	struct ally_error e = { 0, "" };
	struct record *r = record_new();

	memset(&b, 0, sizeof(b));
	r->file = "b.yaml";
	r->line = 3;
	record_set(r, "from", "2027-02-08");
	record_set(r, "to", "2027-03-09");
	record_set(r, "reason", "Ramadan");
	ok(blackout_add(&b, r, &e) == 0, "a blackout record is kept");
	ok(blackout_find(&b, d("2027-02-08")) != NULL, "first day inside");
	ok(blackout_find(&b, d("2027-03-09")) != NULL, "last day inside");
	ok(blackout_find(&b, d("2027-03-10")) == NULL, "the day after free");
	record_set(r, "to", "2027-01-01");
	ok(blackout_add(&b, r, &e) != 0 && e.code == EX_DATAERR,
	    "to before from is bad data");
	is_str(e.msg, "b.yaml:3: to: 2027-01-01 is before the first day",
	    "the diagnostic names file, line and field");
	record_free(r);
	blackouts_free(&b);
}

/* Fold a line into memory and check every physical line. */
static void
test_folding(void)
{
	char *buf = NULL, *line, *p, *save = NULL, *unfolded;
	size_t len = 0, max = 0;
	FILE *fp;
	const char *value = "LOCATION:Ontmoetingsruimte ‘De Zeeuwse Zoë’ — "
	    "Ĳsselmeerstraat 𝄞 12, Middelburg, één twee drie vier vijf zes "
	    "zeven acht negen tien elf twaalf";
	int lines = 0, utf8_ok = 1;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	contentline_put(fp, value);
	fclose(fp);
	unfolded = calloc(1, len + 1);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		p = line + strlen(line) - 1;
		ok(*p == '\r', "line %d ends in CRLF", lines + 1);
		*p = '\0';
		if (strlen(line) > max)
			max = strlen(line);
		if (valid_utf8(line) != 0)
			utf8_ok = 0;
		strcat(unfolded, lines > 0 ? line + 1 : line);
		if (lines > 0)
			ok(line[0] == ' ', "continuation %d starts with a blank",
			    lines);
		lines++;
	}
	ok(lines >= 3, "a long line is folded (%d lines)", lines);
	ok(max <= 75, "no line longer than 75 octets (%zu)", max);
	ok(utf8_ok, "no line splits a UTF-8 sequence");
	is_str(unfolded, value, "unfolding gives the line back");
	free(unfolded);
	free(buf);
}

static void
test_escape(void)
{
	char *s = contentline_escape("a,b;c\\d\ne");

	is_str(s, "a\\,b\\;c\\\\d\\ne", "TEXT escaping");
	free(s);
}

int
main(void)
{
	test_easter();
	test_holidays();
	test_weekdays();
	test_blackouts();
	test_folding();
	test_escape();
	return done_testing();
}
