/*
 * reciprocity.c: per party, what was agreed and what was delivered, the
 * figure of the half-yearly review (see reciprocity.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "doc.h"
#include "fields.h"
#include "reciprocity.h"
#include "remind.h"

const char *const reciprocity_fields[] = { "party", "since", "until",
    "taken", "done", "on_time", "overdue", "open", "dropped", NULL };

int
reciprocity_count(struct reciprocity *rp, sqlite3 *db,
    const struct network *net, day_t since, day_t until, day_t today,
    struct ally_error *err)
{
	memset(rp, 0, sizeof(*rp));
	rp->network = net->name;
	rp->since = since;
	rp->until = until;
	rp->asof = until < today ? until : today;
	return action_reciprocity(db, net, since, until, rp->asof, rp->t, err);
}

static struct record *
tally_record(const char *party, const char *since, const char *until,
    const struct action_tally *t)
{
	struct record *r;

	if ((r = record_new()) == NULL)
		return NULL;
	if (record_set(r, "party", party) != 0 ||
	    record_set_date(r, "since", since) != 0 ||
	    record_set_date(r, "until", until) != 0 ||
	    record_set_int(r, "taken", t->taken) != 0 ||
	    record_set_int(r, "done", t->done) != 0 ||
	    record_set_int(r, "on_time", t->on_time) != 0 ||
	    record_set_int(r, "overdue", t->overdue) != 0 ||
	    record_set_int(r, "open", t->open) != 0 ||
	    record_set_int(r, "dropped", t->dropped) != 0) {
		record_free(r);
		return NULL;
	}
	return r;
}

/* The records, a party each, through one writer. */
static int
write_records(FILE *fp, enum format fmt, const struct reciprocity *rp,
    struct ally_error *err)
{
	char since[11], until[11];
	struct writer *w;
	struct record *r;
	int i, rc = 0;

	date_format(rp->since, since);
	date_format(rp->until, until);
	if ((w = writer_open(fp, fmt, reciprocity_fields, 0, err)) == NULL)
		return -1;
	for (i = 0; i < 4 && rc == 0; i++) {
		if ((r = tally_record(action_parties[i], since, until,
		    &rp->t[i])) == NULL)
			rc = ally_errorf(err, EX_OSERR, "out of memory");
		else
			rc = writer_put(w, r, err);
		record_free(r);
	}
	if (writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

static void
tally_row(struct document *d, const char *party, const struct action_tally *t)
{
	char num[6][24];
	const char *cells[7];
	long v[6];
	int i;

	v[0] = t->taken;
	v[1] = t->done;
	v[2] = t->on_time;
	v[3] = t->overdue;
	v[4] = t->open;
	v[5] = t->dropped;
	cells[0] = party;
	for (i = 0; i < 6; i++) {
		snprintf(num[i], sizeof(num[i]), "%ld", v[i]);
		cells[i + 1] = num[i];
	}
	doc_row(d, cells);
}

/* The figures for people: a row per party, then the total. */
static struct document *
reciprocity_doc(const struct reciprocity *rp)
{
	/* TRANSLATORS: the columns of the reciprocity table. */
	static const char *const heads[] = { N_("Party"), N_("Agreed"),
	    N_("Done"), N_("On time"), N_("Overdue"), N_("Open"),
	    N_("Dropped") };
	const char *th[7];
	struct action_tally total;
	struct document *d;
	char since[11], until[11], asof[11], period[64];
	int i;

	date_format(rp->since, since);
	date_format(rp->until, until);
	date_format(rp->asof, asof);
	d = doc_new(_("Reciprocity: what each party agreed and delivered"),
	    NULL, NULL);
	doc_pair(d, _("Network"), rp->network);
	/* TRANSLATORS: the period of the reciprocity: from, to (inclusive). */
	snprintf(period, sizeof(period), C_("period", "%s to %s"), since, until);
	doc_pair(d, _("Period"), period);
	/* TRANSLATORS: the day the figures of the reciprocity stood. */
	doc_pair(d, _("As of"), asof);
	for (i = 0; i < 7; i++)
		th[i] = _(heads[i]);
	doc_table(d, "l n n n n n n", th, 0);
	memset(&total, 0, sizeof(total));
	for (i = 0; i < 4; i++) {
		tally_row(d, action_party_words(action_parties[i]), &rp->t[i]);
		total.taken += rp->t[i].taken;
		total.done += rp->t[i].done;
		total.on_time += rp->t[i].on_time;
		total.overdue += rp->t[i].overdue;
		total.open += rp->t[i].open;
		total.dropped += rp->t[i].dropped;
	}
	/* TRANSLATORS: the last row of the reciprocity table. */
	tally_row(d, _("total"), &total);
	return d;
}

int
reciprocity_write(FILE *fp, enum format fmt, const struct reciprocity *rp,
    struct ally_error *err)
{
	struct document *d;
	int rc;

	if (fmt != FMT_TEXT)
		return write_records(fp, fmt, rp, err);
	d = reciprocity_doc(rp);
	rc = doc_write(fp, d, FMT_TEXT, 0, err);
	doc_done(d);
	return rc;
}
