/*
 * caterer.c: the note for the caterer or the host (see caterer.h).
 *
 * What leaves the network for the kitchen is the count and the diets:
 * when and where, how many people, and the diets as counts ("halal 2,
 * vegetarian 1").  No alias, no name, no theme, not even the network's
 * name: a diet can tell a religion, and the table is confidential.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "caterer.h"
#include "doc.h"
#include "minutes.h"
#include "minutes_doc.h"
#include "opt.h"
#include "reply.h"

/* The agenda record's fields, as minutes_doc.c reads them. */
#define get	minutes_doc_get

struct document *
caterer_document(const struct record *a)
{
	struct document *d;
	char buf[512];

	d = doc_new(_("Dinner: the number of people and their diets"), NULL,
	    record_get(a, "date"));
	minutes_doc_date(d, a);
	doc_pair(d, _("Venue"), get(a, "location", _("not given")));
	doc_pair(d, _("People"), get(a, "headcount", "0"));
	doc_pair(d, _("Diets"), reply_diets_line(a, buf, sizeof(buf)) != NULL ?
	    buf : _("none given"));
	doc_paragraph(d, _("The number counts those who said they come and "
	    "the people they bring; each diet is counted once per person "
	    "who asked for it."));
	return d;
}

int
caterer_print(struct ally_session *s, void *arg, struct ally_error *err)
{
	const struct ally_opts *o = arg;
	struct document *d;
	struct record *a;
	char subject[256];
	int rc;

	if ((a = minutes_agenda(s->db, &s->net, s->today, err)) == NULL)
		return -1;
	if (record_get(a, "meeting") == NULL) {
		record_free(a);
		return ally_errorf(err, EX_DATAERR, "network %s: no meeting is "
		    "planned (meet-plan plans one)", s->net.name);
	}
	d = caterer_document(a);
	if (o->format != FMT_MAIL)
		rc = doc_write(stdout, d, o->format, 0, err);
	else {
		/*
		 * TRANSLATORS: the subject of the caterer's mail: %1$s the
		 * date (2027-03-09), %2$s the time, %3$s the number of people.
		 */
		snprintf(subject, sizeof(subject), _("Dinner on %s at %s: %s "
		    "people"), get(a, "date", "-"), get(a, "time", "-"),
		    get(a, "headcount", "0"));
		rc = doc_mail_to(stdout, d, o->to, o->nto, subject, err);
	}
	doc_done(d);
	record_free(a);
	return rc;
}
