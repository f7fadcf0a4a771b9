/*
 * holiday.c: Dutch public holidays, on which no meeting is planned.
 *
 * The list is that of the Algemene termijnenwet plus Goede Vrijdag and
 * Bevrijdingsdag, which many employers give off and on which few people
 * come to an evening meeting.  The movable feasts follow Easter, computed
 * with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
#include <stddef.h>

#include "core.h"
#include "meeting.h"

day_t
holiday_easter(int year)
{
	int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

	a = year % 19;
	b = year / 100;
	c = year % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	month = (h + l - 7 * m + 114) / 31;
	day = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(year, month, day);
}

/* The King's (before 2014 the Queen's) birthday, moved off a Sunday. */
static day_t
kings_day(int year)
{
	day_t d;

	if (year >= 2014) {
		d = date_from_ymd(year, 4, 27);
		return date_weekday(d) == 0 ? d - 1 : d;
	}
	d = date_from_ymd(year, 4, 30);
	return date_weekday(d) == 0 ? d - 1 : d;
}

const char *
holiday_nl(day_t day)
{
	static const struct {
		int		 offset;	/* days after Easter Sunday */
		const char	*name;
	} movable[] = {
		{ -2, "Goede Vrijdag" },
		{ 0, "Eerste Paasdag" },
		{ 1, "Tweede Paasdag" },
		{ 39, "Hemelvaartsdag" },
		{ 49, "Eerste Pinksterdag" },
		{ 50, "Tweede Pinksterdag" },
	};
	day_t easter;
	size_t i;
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (m == 1 && d == 1)
		return "Nieuwjaarsdag";
	if (m == 5 && d == 5)
		return "Bevrijdingsdag";
	if (m == 12 && d == 25)
		return "Eerste Kerstdag";
	if (m == 12 && d == 26)
		return "Tweede Kerstdag";
	if (day == kings_day(y))
		return y < 2014 ? "Koninginnedag" : "Koningsdag";
	easter = holiday_easter(y);
	for (i = 0; i < sizeof(movable) / sizeof(movable[0]); i++)
		if (day == easter + movable[i].offset)
			return movable[i].name;
	return NULL;
}
