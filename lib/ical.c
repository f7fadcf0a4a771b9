/*
 * ical.c: meetings as RFC 5545 iCalendar objects: the year calendar to
 * publish or import (METHOD:PUBLISH with an organiser, else no METHOD),
 * and mail invitations (RFC 5546 iTIP: METHOD:REQUEST, and METHOD:CANCEL
 * for a cancelled one, each with ORGANIZER and ATTENDEE).
 *
 * Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * sequence (contentline.c, shared with the vCard writer).  Times are local times of Europe/Amsterdam with a VTIMEZONE
 * that carries the EU rules (summer time from the last Sunday of March,
 * 01:00 UTC, to the last Sunday of October); when TZ names another zone
 * the times are written in UTC instead, converted by the C library.
 * DTSTAMP is the moment the meeting last changed, so that the same
 * meeting always yields the same object; SEQUENCE counts its changes.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"
#include "meeting.h"
#include "render.h"

static const char vtimezone[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19810329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19961027T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/* NAME:escaped text, folded. */
static int
put_text(FILE *fp, const char *name, const char *value)
{
	return contentline_property(fp, name, value, CONTENTLINE_TEXT);
}

static int
zone_is_amsterdam(void)
{
	const char *tz = getenv("TZ");

	if (tz == NULL || *tz == '\0')
		return 1;
	if (*tz == ':')
		tz++;
	return strcmp(tz, "Europe/Amsterdam") == 0;
}

/* DTSTART/DTEND: local Amsterdam time, or UTC converted under TZ. */
static int
put_time(FILE *fp, const char *name, day_t day, int minutes, int local)
{
	struct tm tm;
	time_t t;
	int y, m, d;

	day += minutes / (24 * 60);
	minutes %= 24 * 60;
	date_to_ymd(day, &y, &m, &d);
	if (local)
		return fprintf(fp, "%s;TZID=Europe/Amsterdam:%04d%02d%02dT"
		    "%02d%02d00\r\n", name, y, m, d, minutes / 60,
		    minutes % 60) < 0 ? -1 : 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = minutes / 60;
	tm.tm_min = minutes % 60;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL)
		return -1;
	return fprintf(fp, "%s:%04d%02d%02dT%02d%02d%02dZ\r\n", name,
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec) < 0 ? -1 : 0;
}

/* Whether s has the shape "YYYY-MM-DDTHH:MM:SSZ" (9 a digit). */
static int
is_stamp(const char *s)
{
	static const char shape[] = "9999-99-99T99:99:99Z";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == '9' ? !isdigit((unsigned char)s[i]) :
		    s[i] != shape[i])
			return 0;
	return s[i] == '\0';
}

/* DTSTAMP from "YYYY-MM-DDTHH:MM:SSZ", else now. */
static int
put_stamp(FILE *fp, const char *updated)
{
	char buf[32];
	struct tm tm;
	time_t now;
	size_t i, n = 0;

	if (is_stamp(updated)) {
		for (i = 0; updated[i] != '\0' && n + 1 < sizeof(buf); i++)
			if (updated[i] != '-' && updated[i] != ':')
				buf[n++] = updated[i];
		buf[n] = '\0';
	} else {
		now = time(NULL);
		if (gmtime_r(&now, &tm) == NULL)
			return -1;
		strftime(buf, sizeof(buf), "%Y%m%dT%H%M%SZ", &tm);
	}
	return fprintf(fp, "DTSTAMP:%s\r\n", buf) < 0 ? -1 : 0;
}

/*
 * ORGANIZER or ATTENDEE (with the parameters params) of a mailbox,
 * "Name <address>" or an address, its name as CN.  A parameter value
 * cannot hold a DQUOTE (RFC 5545 3.2): a name's are dropped; and a caret
 * is written ^^, as RFC 6868 reads ^n as a newline and ^' as a DQUOTE.
 */
static int
put_person(FILE *fp, const char *prop, const char *params, const char *who)
{
	struct mailbox mb;
	char name[2 * sizeof(mb.name)], *s, *q;
	int rc;

	if (mail_mailbox(strncmp(who, "mailto:", 7) == 0 ? who + 7 : who,
	    &mb) != 0)
		return -1;
	for (s = mb.name, q = name; *s; s++) {
		if (*s == '^')
			*q++ = '^';
		if (*s != '"')
			*q++ = *s;
	}
	*q = '\0';
	if (asprintf(&s, "%s%s%s%s%s:mailto:%s", prop, params,
	    name[0] ? ";CN=\"" : "", name, name[0] ? "\"" : "",
	    mb.addr) < 0)
		return -1;
	rc = contentline_put(fp, s);
	free(s);
	return rc;
}

/* ORGANIZER and, for a mailed invitation, whom it was sent to. */
static int
put_people(FILE *fp, const char *organizer, const char *const *attendees,
    size_t nattendees)
{
	size_t i;

	if (organizer != NULL && put_person(fp, "ORGANIZER", "",
	    organizer) != 0)
		return -1;
	for (i = 0; i < nattendees; i++)
		if (put_person(fp, "ATTENDEE", ";ROLE=REQ-PARTICIPANT;"
		    "PARTSTAT=NEEDS-ACTION;RSVP=TRUE", attendees[i]) != 0)
			return -1;
	return 0;
}

static int
put_event(FILE *fp, const struct meeting *m, const char *organizer,
    const char *const *attendees, size_t nattendees, int local)
{
	char *s = NULL;
	int start, rc, cancelled = strcmp(m->status, "cancelled") == 0;

	if (time_parse(m->time, &start) != 0)
		start = 18 * 60;
	if (fputs("BEGIN:VEVENT\r\n", fp) == EOF ||
	    put_text(fp, "UID", m->uid) != 0 ||
	    put_stamp(fp, m->updated) != 0 ||
	    fprintf(fp, "SEQUENCE:%d\r\n", m->sequence) < 0 ||
	    put_time(fp, "DTSTART", m->date, start, local) != 0 ||
	    put_time(fp, "DTEND", m->date, start + (m->duration > 0 ?
	    m->duration : 180), local) != 0)
		return -1;
	if (asprintf(&s, "Allies meeting %s", m->network) < 0)
		return -1;
	rc = put_text(fp, "SUMMARY", s);
	free(s);
	if (rc != 0)
		return -1;
	if (m->location[0] != '\0') {
		if (asprintf(&s, "%s%s%s", m->location, m->address[0] ?
		    ", " : "", m->address) < 0)
			return -1;
		rc = put_text(fp, "LOCATION", s);
		free(s);
		if (rc != 0)
			return -1;
	}
	if (asprintf(&s, "%s%s%s%s%s%s\nCannot come? Reply to the coordinator "
	    "to excuse yourself.", m->meal ? "We start with a shared meal." :
	    "No meal this time.", m->chair[0] ? "\nChair: " : "", m->chair,
	    m->host[0] ? "\nHost: " : "", m->host, cancelled ? "\nThis "
	    "meeting is cancelled." : "") < 0)
		return -1;
	rc = put_text(fp, "DESCRIPTION", s);
	free(s);
	if (rc != 0)
		return -1;
	if (put_people(fp, organizer, attendees, nattendees) != 0)
		return -1;
	if (fprintf(fp, "STATUS:%s\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n",
	    cancelled ? "CANCELLED" : "CONFIRMED") < 0)
		return -1;
	return 0;
}

/* Whether meeting m goes into a calendar of those: -1 all, 0, 1 cancelled. */
static int
wanted(const struct meeting *m, int which)
{
	return which < 0 || (strcmp(m->status, "cancelled") == 0) == which;
}

/*
 * One VCALENDAR of the meetings chosen by which, with METHOD:method, or
 * none when method is NULL; nothing when no meeting is chosen.
 */
static int
put_calendar(FILE *fp, const struct meeting *v, size_t n, int which,
    const char *method, const char *organizer, const char *const *attendees,
    size_t nattendees)
{
	int local = zone_is_amsterdam();
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += wanted(&v[i], which);
	if (count == 0)
		return 0;
	if (fprintf(fp, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//ally//meet-plan %s//EN\r\nCALSCALE:GREGORIAN\r\n",
	    ALLY_VERSION) < 0 || (method != NULL &&
	    fprintf(fp, "METHOD:%s\r\n", method) < 0))
		return -1;
	if (local && fputs(vtimezone, fp) == EOF)
		return -1;
	for (i = 0; i < n; i++)
		if (wanted(&v[i], which) && put_event(fp, &v[i], organizer,
		    attendees, nattendees, local) != 0)
			return -1;
	return fputs("END:VCALENDAR\r\n", fp) == EOF ? -1 : 0;
}

static int
check_organizer(const char *organizer, struct ally_error *err)
{
	if (organizer != NULL && mail_valid_mailbox(strncmp(organizer,
	    "mailto:", 7) == 0 ? organizer + 7 : organizer) != 0)
		return ally_errorf(err, EX_USAGE, "organizer: '%s' is not an "
		    "e-mail address", organizer);
	return 0;
}

int
ical_write(FILE *fp, const struct meeting *v, size_t n,
    const char *organizer, struct ally_error *err)
{
	if (check_organizer(organizer, err) != 0)
		return -1;
	/*
	 * A calendar to publish or import, not an iTIP request: PUBLISH
	 * needs an ORGANIZER (RFC 5546 3.2.1), so without one no METHOD.
	 * A cancelled meeting stays in it, STATUS:CANCELLED.
	 */
	if (put_calendar(fp, v, n, -1, organizer != NULL ? "PUBLISH" : NULL,
	    organizer, NULL, 0) != 0 || ferror(fp))
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return 0;
}

const char *
ical_method(int cancel, const char *organizer, size_t nattendees)
{
	/*
	 * RFC 5546 3.2: REQUEST and CANCEL need an ORGANIZER and an
	 * ATTENDEE; without recipients the meetings are published.
	 */
	if (organizer == NULL)
		return NULL;
	if (nattendees == 0)
		return "PUBLISH";
	return cancel ? "CANCEL" : "REQUEST";
}

int
ical_write_imip(FILE *fp, const struct meeting *v, size_t n, int cancel,
    const char *organizer, const char *const *attendees, size_t nattendees,
    struct ally_error *err)
{
	size_t i;

	if (check_organizer(organizer, err) != 0)
		return -1;
	for (i = 0; i < nattendees; i++)
		if (mail_valid_mailbox(attendees[i]) != 0)
			return ally_errorf(err, EX_USAGE, "attendee: '%s' is "
			    "not an e-mail address", attendees[i]);
	if (put_calendar(fp, v, n, cancel != 0, ical_method(cancel,
	    organizer, nattendees), organizer, attendees, nattendees) != 0 ||
	    ferror(fp))
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return 0;
}
