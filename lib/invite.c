/*
 * invite.c: the invitations to meetings, built once as a document and
 * rendered as text (meet-plan -i, for mail(1)) or as the body of a whole
 * message whose calendars say the same to a calendar program (see
 * invite.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "doc.h"
#include "fields.h"
#include "invite.h"

#define ATTACHMENTS	2	/* a REQUEST and a CANCEL calendar */

/* Who hosts a meeting, in words for the invitation; records keep the word. */
static const char *
host_words(const char *host)
{
	/*
	 * TRANSLATORS: who hosts a meeting (police, municipality, ally,
	 * other), after "Host:" in an invitation.
	 */
	static const char *const words[] = { N_("police"), N_("municipality"),
	    N_("ally"), N_("other") };
	size_t i;

	for (i = 0; meeting_hosts[i] != NULL && i < 4; i++)
		if (strcmp(host, meeting_hosts[i]) == 0)
			return _(words[i]);
	return host;
}

/* One invitation's first line, or for several how many there are. */
static void
title(const struct meeting *v, size_t n, char *buf, size_t len)
{
	char when[64];
	size_t i;

	if (n == 1) {
		date_words(v->date, when, sizeof(when));
		if (strcmp(v->status, "cancelled") == 0)
			/*
			 * TRANSLATORS: the first line of a cancellation, also
			 * the subject of its mail: the network and the date
			 * in words.
			 */
			snprintf(buf, len, _("Allies meeting %s: %s CANCELLED"),
			    v->network, when);
		else
			/*
			 * TRANSLATORS: the first line of an invitation, also
			 * the subject of its mail: the network and the date
			 * in words.
			 */
			snprintf(buf, len, _("Allies meeting %s: %s"),
			    v->network, when);
		return;
	}
	for (i = 1; i < n; i++)
		if (strcmp(v[i].network, v[0].network) != 0)
			break;
	if (i == n)
		/*
		 * TRANSLATORS: the subject of a mail with several
		 * invitations (always more than one): the network, how many.
		 */
		snprintf(buf, len, _("Allies meetings %s: %zu invitations"),
		    v[0].network, n);
	else
		/* TRANSLATORS: as above, for several networks. */
		snprintf(buf, len, _("Allies meetings: %zu invitations"), n);
}

static void
put_cancellation(struct document *d, const struct meeting *m,
    const char *when)
{
	if (m->location[0] == '\0')
		/* TRANSLATORS: the network, the date in words, the time. */
		doc_paragraphf(d, _("The meeting of the Allies network %s on "
		    "%s at %s is cancelled.\nYou will hear when we meet "
		    "next.\n"), m->network, when, m->time);
	else
		/*
		 * TRANSLATORS: the network, the date in words, the time,
		 * the venue.
		 */
		doc_paragraphf(d, _("The meeting of the Allies network %s on "
		    "%s at %s (%s) is cancelled.\nYou will hear when we meet "
		    "next.\n"), m->network, when, m->time, m->location);
}

static void
put_invitation(struct document *d, const struct meeting *m)
{
	char when[64], end[6], span[64];
	char venue[VENUE_NAME_MAX + VENUE_ADDRESS_MAX + 2];
	int start;

	date_words(m->date, when, sizeof(when));
	if (strcmp(m->status, "cancelled") == 0) {
		put_cancellation(d, m, when);
		return;
	}
	if (time_parse(m->time, &start) != 0)
		start = 0;
	time_format(start + m->duration, end);
	doc_paragraphf(d, _("Dear members of the Allies network %s,"),
	    m->network);
	doc_paragraph(d, _("You are invited to our next meeting."));
	doc_pair(d, _("Date"), when);
	/* TRANSLATORS: when a meeting starts and ends (HH:MM). */
	snprintf(span, sizeof(span), C_("time", "%s to %s"), m->time, end);
	doc_pair(d, _("Time"), span);
	/* The venue's address stands under its name. */
	snprintf(venue, sizeof(venue), "%s%s%s", m->location[0] ?
	    m->location : _("to be announced"), m->address[0] ? "\n" : "",
	    m->address);
	doc_pair(d, _("Venue"), venue);
	if (m->host[0])
		doc_pair(d, _("Host"), host_words(m->host));
	/* TRANSLATORS: after "Chair:", where the alias of the chair stands. */
	doc_pair(d, _("Chair"), m->chair[0] ? m->chair : _("to be agreed"));
	doc_pair(d, _("Meal"), m->meal ? _("we start with a shared meal") :
	    _("no meal this time"));
	doc_paragraph(d, _("Cannot come? Please excuse yourself by replying "
	    "to this message;\nyour reply reaches the coordinator.\n"));
}

struct document *
invite_doc(const struct meeting *v, size_t n)
{
	struct document *d;
	char buf[256];
	size_t i;

	title(v, n, buf, sizeof(buf));
	if ((d = doc_new(buf, NULL, NULL)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (n > 1) {
			title(&v[i], 1, buf, sizeof(buf));
			doc_heading(d, buf);
		}
		put_invitation(d, &v[i]);
	}
	return d;
}

int
invite_write(FILE *fp, const struct meeting *v, size_t n, enum format fmt,
    struct ally_error *err)
{
	struct document *d;
	int rc;

	if (n == 0)
		return 0;
	d = invite_doc(v, n);
	rc = doc_write(fp, d, fmt, 0, err);
	doc_done(d);
	return rc;
}

/* "mailto:" is what a calendar says; a mail header wants the address. */
static const char *
address(const char *organizer)
{
	if (organizer != NULL && strncmp(organizer, "mailto:", 7) == 0)
		return organizer + 7;
	return organizer;
}

int
invite_organizer_check(const char *organizer, struct ally_error *err)
{
	if (organizer != NULL && mail_valid_mailbox(address(organizer)) != 0)
		return ally_errorf(err, EX_USAGE, "--organizer: '%s' is not an "
		    "e-mail address", organizer);
	return 0;
}

/* The MIME type of a calendar of the METHOD method (RFC 6047 2.4). */
static const char *
calendar_type(const char *method)
{
	static const char *const types[][2] = {
		{ "REQUEST", "text/calendar; method=REQUEST; charset=UTF-8" },
		{ "CANCEL", "text/calendar; method=CANCEL; charset=UTF-8" },
		{ "PUBLISH", "text/calendar; method=PUBLISH; charset=UTF-8" },
	};
	size_t i;

	for (i = 0; method != NULL && i < sizeof(types) / sizeof(types[0]);
	    i++)
		if (strcmp(types[i][0], method) == 0)
			return types[i][1];
	return "text/calendar; charset=UTF-8";
}

/* One calendar of the method (cancel or not) in memory, as a part. */
static int
calendar(struct mail_part *p, const struct meeting *v, size_t n, int cancel,
    const char *organizer, const struct mail *env, struct ally_error *err)
{
	char *body = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	if ((fp = open_memstream(&body, &len)) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	rc = ical_write_imip(fp, v, n, cancel, organizer, env->to, env->nto,
	    err);
	if (fclose(fp) != 0 && rc == 0)
		rc = ally_errorf(err, EX_OSERR, "out of memory");
	if (rc != 0 || len == 0) {
		free(body);
		return rc;
	}
	p->type = calendar_type(ical_method(cancel, organizer, env->nto));
	p->filename = cancel ? "cancellation.ics" : "invitation.ics";
	p->body = body;
	p->len = len;
	p->base64 = 1;
	return 0;
}

int
invite_mail(FILE *fp, const struct meeting *v, size_t n,
    const char *organizer, const char *const *to, size_t nto,
    struct ally_error *err)
{
	struct mail_part parts[ATTACHMENTS];
	struct mail env;
	struct document *d;
	const char *from = address(organizer);
	size_t np = 0;
	int rc = 0, c;

	if (n == 0)
		return 0;
	memset(&env, 0, sizeof(env));
	env.from = from;
	env.to = to;
	env.nto = nto;
	/* The ORGANIZER is the sender, when it is a full address. */
	if (from != NULL)
		organizer = from;
	else if (mail_valid_mailbox(organizer = mail_default_from()) != 0)
		organizer = NULL;
	memset(parts, 0, sizeof(parts));
	for (c = 0; c < ATTACHMENTS && rc == 0; c++)
		if ((rc = calendar(&parts[np], v, n, c, organizer, &env,
		    err)) == 0 && parts[np].body != NULL)
			np++;
	if (rc == 0) {
		env.parts = parts;
		env.nparts = np;
		d = invite_doc(v, n);
		rc = doc_mail(fp, d, &env, err);
		doc_done(d);
	}
	while (np-- > 0)
		free((char *)parts[np].body);
	return rc;
}

size_t
invite_due(struct meeting *v, size_t n)
{
	size_t i, k = 0;

	/* Held meetings need no invitation. */
	for (i = 0; i < n; i++)
		if (strcmp(v[i].status, "held") != 0)
			v[k++] = v[i];
	return k;
}
