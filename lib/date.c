/* date.c: proleptic Gregorian dates as days since 1970-01-01. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"

/* Howard Hinnant's days_from_civil. */
day_t
date_from_ymd(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(day_t z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
date_parse(const char *s, day_t *out)
{
	int y, m, d, i;

	if (s == NULL)
		return -1;
	/* In order, so that a short string stops at its end. */
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return -1;
	if (s[10] != '\0')
		return -1;
	/* By hand: atoi's strtol was a fifth of checking a file's dates. */
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month(y, m))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

void
date_format(day_t day, char buf[11])
{
	int y, m, d;

	char tmp[40];

	date_to_ymd(day, &y, &m, &d);
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

int
date_weekday(day_t day)
{
	long w = (day + 4) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

day_t
date_add_months(day_t day, int months)
{
	int y, m, d, dim;

	date_to_ymd(day, &y, &m, &d);
	m += months;
	while (m > 12) {
		m -= 12;
		y++;
	}
	while (m < 1) {
		m += 12;
		y--;
	}
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

/*
 * $ALLY_TODAY fixes the clock for tests and for replaying a day or a
 * night: a date, or a date and a time ("2027-01-15 23:10", or with a T).
 * A date alone stands for the end of that day (23:59), so that whatever
 * was observed that day counts as past.
 */
int
date_now(day_t *day, int *minute, struct ally_error *err)
{
	const char *s;
	time_t now;
	struct tm tm;
	char d[11];

	if ((s = getenv("ALLY_TODAY")) != NULL && *s != '\0') {
		snprintf(d, sizeof(d), "%s", s);
		*minute = 23 * 60 + 59;
		if (date_parse(d, day) != 0 || (s[10] != '\0' &&
		    ((s[10] != ' ' && s[10] != 'T') ||
		    time_parse(s + 11, minute) != 0)))
			return ally_errorf(err, EX_USAGE, "ALLY_TODAY: not a "
			    "date (YYYY-MM-DD) or a date and a time "
			    "(YYYY-MM-DD HH:MM): %s", s);
		return 0;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return ally_errorf(err, EX_OSERR, "cannot read the clock");
	*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	*minute = tm.tm_hour * 60 + tm.tm_min;
	return 0;
}

int
date_today(day_t *out, struct ally_error *err)
{
	int minute;

	return date_now(out, &minute, err);
}

/* "YYYY-MM-DD HH:MM" into buf of 17 bytes. */
void
datetime_format(day_t day, int minute, char buf[17])
{
	date_format(day, buf);
	buf[10] = ' ';
	time_format(minute, buf + 11);
}

/* "YYYY-MM-DD HH:MM" (or with a T): 0 when valid. */
int
datetime_parse(const char *s, day_t *day, int *minute)
{
	char d[11];

	if (s == NULL || strlen(s) != 16 || (s[10] != ' ' && s[10] != 'T'))
		return -1;
	memcpy(d, s, 10);
	d[10] = '\0';
	return date_parse(d, day) != 0 || time_parse(s + 11, minute) != 0 ?
	    -1 : 0;
}

int
time_parse(const char *s, int *minutes)
{
	int h, m;

	if (s == NULL || strlen(s) != 5 || s[2] != ':' ||
	    !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void
time_format(int minutes, char buf[6])
{
	char tmp[24];

	snprintf(tmp, sizeof(tmp), "%02d:%02d", (minutes / 60) % 24,
	    minutes % 60);
	memcpy(buf, tmp, 5);
	buf[5] = '\0';
}

/* YYYY-MM-DD, or Nd: the last N days up to today, today included. */
int
date_parse_since(const char *arg, day_t today, day_t *out)
{
	long long n;
	char *end;

	if (date_parse(arg, out) == 0)
		return 0;
	n = strtoll(arg, &end, 10);
	if (end == arg || strcmp(end, "d") != 0 || n < 1 || n > 36600 ||
	    arg[0] == '-' || arg[0] == '+')
		return -1;
	*out = today - (day_t)n + 1;
	return 0;
}
