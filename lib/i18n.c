/*
 * i18n.c: messages in the user's language, through gettext.
 *
 * Only LC_MESSAGES (and LC_CTYPE, which gettext consults) follow the
 * locale: numbers, sorting and times in the output stay as they are, so
 * that YAML, CSV, iCalendar and vCard never change with the language.
 * Catalogues are always given to us in UTF-8, as all our text is.
 * ALLY_LOCALEDIR overrides the compiled-in catalogue directory (the tests
 * use the catalogues of the build tree).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "core.h"

#ifndef LOCALEDIR
#define LOCALEDIR	"/usr/local/share/locale"
#endif

const char *
ally_pgettext(const char *key, const char *msgid)
{
	const char *t = gettext(key);

	return t == key ? msgid : t;
}

void
ally_i18n_init(void)
{
	const char *dir = getenv("ALLY_LOCALEDIR");

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	bindtextdomain(ALLY_TEXTDOMAIN, dir != NULL && *dir != '\0' ? dir :
	    LOCALEDIR);
	bind_textdomain_codeset(ALLY_TEXTDOMAIN, "UTF-8");
	textdomain(ALLY_TEXTDOMAIN);
}

const char *
date_day_name(int weekday)
{
	static const char *const days[] = { N_("Sunday"), N_("Monday"),
	    N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
	    N_("Saturday") };

	return weekday >= 0 && weekday < 7 ? _(days[weekday]) : "";
}

const char *
date_month_name(int month)
{
	static const char *const months[] = { N_("January"), N_("February"),
	    N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
	    N_("August"), N_("September"), N_("October"), N_("November"),
	    N_("December") };

	return month >= 1 && month <= 12 ? _(months[month - 1]) : "";
}

/* "Tuesday 9 March 2027", "dinsdag 9 maart 2027". */
const char *
date_words(day_t day, char *buf, size_t len)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	/*
	 * TRANSLATORS: a date in running text: the weekday, the day of the
	 * month, the month and the year (%1$s %2$d %3$s %4$d); reorder
	 * with the numbered forms if your language puts them otherwise.
	 */
	snprintf(buf, len, _("%1$s %2$d %3$s %4$d"),
	    date_day_name(date_weekday(day)), d, date_month_name(m), y);
	return buf;
}
