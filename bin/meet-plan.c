/*
 * meet-plan: plan the meetings of an Allies network, rotate where they
 * are held and who chairs them, and send the invitations.
 *
 * A series is planned for a year or a period (-y, -s/-e); --next keeps
 * one meeting planned after the last one held, for cron; --invite prints
 * the invitations of the coming days for mail(1), or with -f mail as a
 * whole message with the calendar attached, for sendmail -t.  Meetings,
 * venues and blackout periods are records: list, edit, feed back (-l,
 * -u, -V).
 */
#include <err.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

enum mode { M_NONE, M_PLAN, M_LIST, M_UPDATE, M_VENUES, M_NEXT, M_INVITE,
    M_SETTINGS };

#define NOTHING_TO_SAY	1	/* --next, --invite: exit status */
#define MAX_PERIOD_DAYS	1827	/* five years */

struct opts {
	struct ally_opts	 o;
	enum mode		 mode;
	int			 list, per_year, quiet, invite_days;
	int			 per_year_given;
	int			 letter;	/* the invitation text */
	const char		*year, *start, *end, *organizer;
	const char		*weekdays, *time;
	int			 duration;
	char			**blackout_files;
	int			 nblackout_files;
	struct blackouts	 blackouts;
};

static const char *const update_columns[] = { "id", "network", "date",
    "time", "location", "host", "chair", "meal", "status", "change",
    "fields", NULL };
static const char *const plan_columns[] = { "id", "network", "date",
    "time", "location", "host", "chair", "meal", "status", "change",
    NULL };
static const char *const settings_columns[] = { "network", "weekdays",
    "time", "duration", "change", NULL };
static const char *const venue_change_columns[] = { "id", "network",
    "name", "host", "address", "active", "change", NULL };

/* ---- output ------------------------------------------------------------- */

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

static void
put_invitation(FILE *fp, const struct meeting *m)
{
	char when[64], end[6];
	int start;

	date_words(m->date, when, sizeof(when));
	if (time_parse(m->time, &start) != 0)
		start = 0;
	time_format(start + m->duration, end);
	if (strcmp(m->status, "cancelled") == 0) {
		/*
		 * TRANSLATORS: the first line of a cancellation, also the
		 * subject of its mail: the network and the date in words.
		 */
		fprintf(fp, _("Allies meeting %s: %s CANCELLED"), m->network,
		    when);
		fputs("\n\n", fp);
		if (m->location[0] == '\0') {
			/*
			 * TRANSLATORS: the network, the date in words, the
			 * time.
			 */
			fprintf(fp, _("The meeting of the Allies network %s on "
			    "%s at %s is cancelled.\nYou will hear when we "
			    "meet next.\n"), m->network, when, m->time);
			return;
		}
		/*
		 * TRANSLATORS: the network, the date in words, the time,
		 * the venue.
		 */
		fprintf(fp, _("The meeting of the Allies network %s on %s at "
		    "%s (%s) is cancelled.\nYou will hear when we meet "
		    "next.\n"), m->network, when, m->time, m->location);
		return;
	}
	/*
	 * TRANSLATORS: the first line of an invitation, also the subject
	 * of its mail: the network and the date in words.
	 */
	fprintf(fp, _("Allies meeting %s: %s"), m->network, when);
	fputs("\n\n", fp);
	fprintf(fp, _("Dear members of the Allies network %s,\n\n"),
	    m->network);
	fputs(_("You are invited to our next meeting.\n\n"), fp);
	/*
	 * TRANSLATORS: the details of an invitation, a label and its
	 * value: pad every label to the same width, so that the values
	 * stand in one column (the venue's address goes under the venue).
	 */
	fprintf(fp, _("  Date:   %s\n"), when);
	/* TRANSLATORS: the start and the end time (HH:MM). */
	fprintf(fp, _("  Time:   %s to %s\n"), m->time, end);
	fprintf(fp, _("  Venue:  %s\n"), m->location[0] ? m->location :
	    _("to be announced"));
	if (m->address[0])
		/*
		 * TRANSLATORS: the venue's address, on the line under
		 * "Venue:": indent it as far as the values of the labels.
		 */
		fprintf(fp, _("          %s\n"), m->address);
	if (m->host[0])
		fprintf(fp, _("  Host:   %s\n"), host_words(m->host));
	/* TRANSLATORS: %s is the alias of the ally who chairs. */
	fprintf(fp, _("  Chair:  %s\n"), m->chair[0] ? m->chair :
	    _("to be agreed"));
	fprintf(fp, _("  Meal:   %s\n"), m->meal ?
	    _("we start with a shared meal") : _("no meal this time"));
	fputs("\n", fp);
	fputs(_("Cannot come? Please excuse yourself by replying to this "
	    "message;\nyour reply reaches the coordinator.\n"), fp);
}

static void
put_invitations(FILE *fp, const struct meeting *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fprintf(fp, "\n----------------------------------------"
			    "--------------------------------\n\n");
		put_invitation(fp, &v[i]);
	}
}

/* What a stream opened by open_memstream holds, or -1 when it failed. */
static int
mem_close(FILE *fp, int failed, struct ally_error *err)
{
	if (fclose(fp) != 0 || failed)
		return ally_errorf(err, EX_OSERR, "out of memory");
	return 0;
}

/* The subject: one invitation's first line, else how many there are. */
static void
mail_subject(const struct meeting *v, size_t n, const char *text, char *buf,
    size_t len)
{
	size_t i, k;

	if (n == 1) {
		k = strcspn(text, "\n");
		snprintf(buf, len, "%.*s", (int)(k < len ? k : len - 1), text);
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

/*
 * -f mail: one message for sendmail -t (RFC 6047, iMIP): the invitation
 * text, then the calendar of the planned meetings (METHOD:REQUEST) and
 * of the cancelled ones (METHOD:CANCEL), each as an attachment.  All is
 * composed in memory first, so that an error prints nothing.
 */
static int
put_mail(const struct opts *op, const struct meeting *v, size_t n,
    struct ally_error *err)
{
	struct mail_part parts[3];
	struct mail m;
	char *text = NULL, *cal[2] = { NULL, NULL }, subject[256];
	const char *from = op->organizer, *organizer;
	size_t tlen = 0, clen[2] = { 0, 0 }, np = 0;
	FILE *fp;
	int rc = -1, c;

	if (n == 0)
		return 0;
	if (from != NULL && strncmp(from, "mailto:", 7) == 0)
		from += 7;
	/* The ORGANIZER is the sender, when it is a full address. */
	organizer = from != NULL ? from : mail_default_from();
	if (from == NULL && valid_email(organizer) != 0)
		organizer = NULL;
	if ((fp = open_memstream(&text, &tlen)) == NULL) {
		ally_errorf(err, EX_OSERR, "out of memory");
		goto out;
	}
	put_invitations(fp, v, n);
	if (mem_close(fp, 0, err) != 0)
		goto out;
	memset(parts, 0, sizeof(parts));
	parts[np].type = "text/plain; charset=UTF-8";
	parts[np].body = text;
	parts[np++].len = tlen;
	for (c = 0; c < 2; c++) {
		if ((fp = open_memstream(&cal[c], &clen[c])) == NULL) {
			ally_errorf(err, EX_OSERR, "out of memory");
			goto out;
		}
		rc = ical_write_imip(fp, v, n, c, organizer, op->o.to, op->o.nto,
		    err);
		if (mem_close(fp, 0, rc == 0 ? err : NULL) != 0 || rc != 0) {
			rc = -1;
			goto out;
		}
		rc = -1;
		if (clen[c] == 0)
			continue;
		parts[np].type = c ? "text/calendar; method=CANCEL; "
		    "charset=UTF-8" : "text/calendar; method=REQUEST; "
		    "charset=UTF-8";
		parts[np].filename = c ? "cancellation.ics" : "invitation.ics";
		parts[np].body = cal[c];
		parts[np].len = clen[c];
		parts[np++].base64 = 1;
	}
	mail_subject(v, n, text, subject, sizeof(subject));
	memset(&m, 0, sizeof(m));
	m.from = from;
	m.to = op->o.to;
	m.nto = op->o.nto;
	m.subject = subject;
	m.parts = parts;
	m.nparts = np;
	rc = mail_write(stdout, &m, err);
out:
	free(text);
	free(cal[0]);
	free(cal[1]);
	return rc;
}

static int
put_meetings(const struct opts *op, const struct meeting *v, size_t n,
    const char *const *cols, struct ally_error *err)
{
	struct writer *w;
	struct record *r;
	size_t i;

	if (op->o.format == FMT_ICS)
		return ical_write(stdout, v, n, op->organizer, err);
	if (op->letter) {
		put_invitations(stdout, v, n);
		return 0;
	}
	if (op->o.format == FMT_MAIL)
		return put_mail(op, v, n, err);
	if (n == 0)
		return 0;
	if ((w = writer_open(stdout, op->o.format, cols, 0, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if ((r = meeting_record(&v[i])) == NULL) {
			writer_close(w, NULL);
			return ally_errorf(err, EX_OSERR, "out of memory");
		}
		if (writer_put(w, r, err) != 0) {
			record_free(r);
			writer_close(w, NULL);
			return -1;
		}
		record_free(r);
	}
	return writer_close(w, err);
}

static int
apply_schedule(const struct opts *op, struct ally_session *s, int *changed,
    struct ally_error *err)
{
	*changed = 0;
	if (op->weekdays == NULL && op->time == NULL && op->duration == 0)
		return 0;
	return network_set_schedule(s->db, &s->net, op->weekdays, op->time,
	    op->duration, changed, err);
}

/* ---- the modes ---------------------------------------------------------- */

static int
period(const struct opts *op, day_t *from, day_t *to, struct ally_error *err)
{
	long long y;

	if (op->year != NULL) {
		if (parse_int(op->year, 1900, 2999, &y) != 0)
			return ally_errorf(err, EX_USAGE, "--year: '%s' is not "
			    "a year", op->year);
		*from = date_from_ymd((int)y, 1, 1);
		*to = date_from_ymd((int)y, 12, 31);
		return 0;
	}
	if (op->start == NULL) {
		*from = date_from_ymd(1900, 1, 1);
		*to = date_from_ymd(2999, 12, 31);
		return 0;
	}
	if (date_parse(op->start, from) != 0)
		return ally_errorf(err, EX_USAGE, "--start: '%s' is not a date "
		    "(YYYY-MM-DD)", op->start);
	if (op->end == NULL)
		*to = date_add_months(*from, 12) - 1;
	else if (date_parse(op->end, to) != 0)
		return ally_errorf(err, EX_USAGE, "--end: '%s' is not a date "
		    "(YYYY-MM-DD)", op->end);
	if (*to < *from)
		return ally_errorf(err, EX_USAGE, "--end: %s is before the "
		    "start", op->end);
	if (*to - *from >= MAX_PERIOD_DAYS)
		return ally_errorf(err, EX_USAGE, "the period is longer than "
		    "five years: plan a year or two at a time");
	return 0;
}

static int
plan_series(struct opts *op, struct ally_error *err)
{
	struct ally_session s;
	struct plan p;
	struct meeting *v = NULL;
	size_t n = 0, i, open = 0;
	long span;
	int rc = -1, past, changed;

	memset(&p, 0, sizeof(p));
	if (period(op, &p.from, &p.to, err) != 0)
		return -1;
	if (session_open(&s, &op->o, SESSION_OWN_FORMAT | SESSION_QUIET,
	    warnx, err) != 0)
		goto out;
	p.today = s.today;
	p.blackouts = &op->blackouts;
	if (p.to <= s.today) {
		ally_errorf(err, EX_USAGE, "the period ends before tomorrow: "
		    "nothing to plan");
		goto out;
	}
	span = p.to - p.from + 1;
	/* -m counts a year's meetings; a longer or shorter period scales. */
	p.count = (int)((op->per_year * span * 4 + 730) / 1461);
	if (p.count < 1)
		p.count = 1;
	if (apply_schedule(op, &s, &changed, err) != 0 ||
	    meeting_plan(s.db, &s.net, &p, &v, &n, &past, err) != 0 ||
	    session_commit(&s, err) != 0)
		goto out;
	if (past > 0)
		/*
		 * TRANSLATORS: how many meetings fell before today, of how
		 * many; the forms follow the first number.
		 */
		warnx(ngettext("%d of %d meetings of the period fell before "
		    "today and were not planned", "%d of %d meetings of the "
		    "period fell before today and were not planned",
		    (unsigned long)past), past, p.count);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].change, "added") == 0 && !v[i].location[0])
			open++;
	if (open > 0)
		warnx(ngettext("network %s has no active venue: %zu meeting "
		    "without a location (add venues with meet-plan -V)",
		    "network %s has no active venue: %zu meetings without a "
		    "location (add venues with meet-plan -V)", open),
		    s.net.name, open);
	rc = op->quiet ? 0 : put_meetings(op, v, n, plan_columns, err);
out:
	session_close(&s);
	free(v);
	return rc;
}

/* The meetings --next planned so far, network by network. */
struct next {
	sqlite3			*db;
	const struct plan	*p;
	struct meeting		*v;
	size_t			 n;
};

static int
plan_next_one(const struct network *net, void *arg, struct ally_error *err)
{
	struct next *x = arg;
	struct meeting *v;
	int planned;

	if ((v = reallocarray(x->v, x->n + 1, sizeof(*v))) == NULL)
		return ally_errorf(err, EX_OSERR, "out of memory");
	x->v = v;
	if (meeting_plan_next(x->db, net, x->p, &v[x->n], &planned, err) != 0)
		return -1;
	x->n += planned;
	return 0;
}

static int
plan_next(struct opts *op, int *said, struct ally_error *err)
{
	struct ally_session s;
	struct plan p;
	struct next x;
	const char *name = op->o.network;
	int rc = -1;

	*said = 0;
	memset(&p, 0, sizeof(p));
	memset(&x, 0, sizeof(x));
	if (session_open(&s, &op->o, SESSION_OWN_FORMAT | SESSION_QUIET |
	    SESSION_NO_NETWORK, warnx, err) != 0)
		goto out;
	p.today = s.today;
	p.count = op->per_year;
	p.blackouts = &op->blackouts;
	x.db = s.db;
	x.p = &p;
	/* The networks --next looks after: -n (or ALLY_NETWORK), else all. */
	if (name == NULL || *name == '\0')
		name = getenv("ALLY_NETWORK");
	if (name != NULL && *name != '\0' ? network_resolve(s.db, name,
	    &s.net, err) != 0 || plan_next_one(&s.net, &x, err) != 0 :
	    network_each(s.db, plan_next_one, &x, err) != 0)
		goto out;
	if (session_commit(&s, err) != 0)
		goto out;
	*said = x.n > 0;
	rc = op->quiet ? 0 : put_meetings(op, x.v, x.n, plan_columns, err);
out:
	session_close(&s);
	free(x.v);
	return rc;
}

static int
list_meetings(struct opts *op, struct ally_error *err)
{
	struct ally_session s;
	struct meeting *v = NULL;
	size_t n = 0;
	day_t from, to;
	int rc = -1;

	if (period(op, &from, &to, err) != 0)
		return -1;
	if (session_open(&s, &op->o, SESSION_READ | SESSION_SNAPSHOT, warnx,
	    err) == 0 && meeting_list(s.db, &s.net, from, to, &v, &n, err) == 0)
		rc = put_meetings(op, v, n, meeting_fields, err);
	session_close(&s);
	free(v);
	return rc;
}

static int
invite(struct opts *op, int *said, struct ally_error *err)
{
	struct ally_session s;
	struct meeting *v = NULL;
	size_t n = 0, i, k = 0;
	int rc = -1;

	*said = 0;
	if (session_open(&s, &op->o, SESSION_READ | SESSION_SNAPSHOT, warnx,
	    err) != 0 || meeting_list(s.db, &s.net, s.today,
	    s.today + op->invite_days - 1, &v, &n, err) != 0)
		goto out;
	/* Held meetings need no invitation. */
	for (i = 0; i < n; i++)
		if (strcmp(v[i].status, "held") != 0)
			v[k++] = v[i];
	*said = k > 0;
	rc = put_meetings(op, v, k, meeting_fields, err);
out:
	session_close(&s);
	free(v);
	return rc;
}

struct update {
	struct ally_session	 s;
	struct meeting	*v;
	size_t		 n, cap;
};

static int
update_one(struct record *r, void *arg, struct ally_error *err)
{
	struct update *u = arg;
	struct meeting *nv;

	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 16;
		if ((nv = reallocarray(u->v, u->cap, sizeof(*nv))) == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
		u->v = nv;
	}
	if (meeting_apply(u->s.db, &u->s.net, r, u->s.today, &u->v[u->n],
	    err) != 0)
		return -1;
	u->n++;
	return 0;
}

static int
update_meetings(struct opts *op, char **files, int nfiles,
    struct ally_error *err)
{
	struct update u;
	int rc = -1;

	memset(&u, 0, sizeof(u));
	if (session_open(&u.s, &op->o, SESSION_OWN_FORMAT | SESSION_QUIET,
	    warnx, err) == 0 && session_apply(&u.s, files, nfiles, update_one,
	    &u, err) == 0 && session_commit(&u.s, err) == 0)
		rc = op->quiet ? 0 : put_meetings(op, u.v, u.n, update_columns,
		    err);
	session_close(&u.s);
	free(u.v);
	return rc;
}

struct venues {
	struct ally_session	  s;
	struct record	**out;
	size_t		  n, cap;
};

static int
venue_one(struct record *r, void *arg, struct ally_error *err)
{
	struct venues *a = arg;
	struct record **nv, *res;
	const char *changed;
	long long id;

	if (venue_apply(a->s.db, &a->s.net, r, &changed, &id, err) != 0)
		return -1;
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		if ((nv = reallocarray(a->out, a->cap, sizeof(*nv))) == NULL)
			return ally_errorf(err, EX_OSERR, "out of memory");
		a->out = nv;
	}
	if ((res = record_dup(r)) == NULL ||
	    record_set_int(res, "id", id) != 0 ||
	    record_set(res, "network", a->s.net.name) != 0 ||
	    record_set(res, "change", changed) != 0) {
		record_free(res);
		return ally_errorf(err, EX_OSERR, "out of memory");
	}
	a->out[a->n++] = res;
	return 0;
}

static int
venues(struct opts *op, char **files, int nfiles, struct ally_error *err)
{
	struct venues a;
	struct record **all = NULL;
	size_t nall = 0, i, j;
	int rc = -1;

	memset(&a, 0, sizeof(a));
	if (session_open(&a.s, &op->o, op->list ? SESSION_READ |
	    SESSION_SNAPSHOT : SESSION_QUIET, warnx, err) != 0)
		goto out;
	if (!op->list && session_apply(&a.s, files, nfiles, venue_one, &a,
	    err) != 0)
		goto out;
	/* Report every venue as stored, with what changed. */
	if (venue_list(a.s.db, &a.s.net, &all, &nall, err) != 0 ||
	    (!op->list && session_commit(&a.s, err) != 0))
		goto out;
	if (op->list) {
		rc = records_write(op->o.format, 0, all, nall, venue_fields,
		    err);
		goto out;
	}
	for (i = 0; i < a.n; i++)
		for (j = 0; j < nall; j++)
			if (strcmp(record_get(all[j], "id"),
			    record_get(a.out[i], "id")) == 0 &&
			    record_set(all[j], "change",
			    record_get(a.out[i], "change")) != 0) {
				ally_errorf(err, EX_OSERR, "out of memory");
				goto out;
			}
	for (i = j = 0; i < nall; i++)
		if (record_get(all[i], "change") != NULL)
			all[j++] = all[i];
		else
			record_free(all[i]);
	nall = j;
	rc = op->quiet ? 0 : records_write(op->o.format, 0, all, nall,
	    venue_change_columns, err);
out:
	session_close(&a.s);
	for (i = 0; i < a.n; i++)
		record_free(a.out[i]);
	free(a.out);
	for (i = 0; i < nall; i++)
		record_free(all[i]);
	free(all);
	return rc;
}

static int
settings(struct opts *op, struct ally_error *err)
{
	struct ally_session s;
	struct record *r = NULL;
	int rc = -1, changed = 0;

	if (session_open(&s, &op->o, op->quiet ? SESSION_QUIET : 0, warnx,
	    err) != 0 || apply_schedule(op, &s, &changed, err) != 0)
		goto out;
	s.columns = settings_columns;
	if ((r = record_new()) == NULL ||
	    record_set(r, "network", s.net.name) != 0 ||
	    record_set(r, "weekdays", s.net.weekdays) != 0 ||
	    record_set(r, "time", s.net.start_time) != 0 ||
	    record_set_int(r, "duration", s.net.duration) != 0 ||
	    record_set(r, "change", changed ? "updated" : "unchanged") != 0) {
		ally_errorf(err, EX_OSERR, "out of memory");
		goto out;
	}
	if (session_result(&s, r, err) == 0)
		rc = session_finish(&s, err);
out:
	record_free(r);
	session_close(&s);
	return rc;
}

/* ---- the command line --------------------------------------------------- */

static int
keep_blackout(struct record *r, void *arg, struct ally_error *err)
{
	return blackout_add(arg, r, err);
}

static int
parse_number(const char *opt, const char *arg, long long min, long long max,
    int *out, struct ally_error *err)
{
	long long v;

	if (parse_int(arg, min, max, &v) != 0) {
		ally_errorf(err, EX_USAGE, "%s: '%s': expected a number from "
		    "%lld to %lld", opt, arg, min, max);
		return OPT_USAGE;
	}
	*out = (int)v;
	return 0;
}

static int
option(void *base, int ch, const char *arg, struct ally_error *e)
{
	struct opts *op = base;
	char **nb;

	switch (ch) {
	case 'm':
		/* The range is checked below, with the method's why. */
		op->per_year_given = 1;
		return parse_number("--meetings", arg, 0, 366, &op->per_year,
		    e);
	case 'b':
		nb = reallocarray(op->blackout_files, op->nblackout_files + 1,
		    sizeof(*nb));
		if (nb == NULL)
			err(EX_OSERR, NULL);
		op->blackout_files = nb;
		nb[op->nblackout_files++] = (char *)arg;
		return 0;
	case 'D':
		return parse_number("--duration", arg, 30, 720, &op->duration,
		    e);
	case 'i':
		return parse_number("--invite", arg, 1, 366, &op->invite_days,
		    e);
	}
	return 0;
}

/* What the table cannot say: the period, the count, the formats. */
static int
check(void *base, int mode, int nargs, char **args, struct ally_error *err)
{
	struct opts *op = base;

	(void)args;
	(void)err;
	op->mode = mode;
	if (op->per_year_given && (op->per_year < MEETING_MIN_PER_YEAR ||
	    op->per_year > MEETING_MAX_PER_YEAR)) {
		warnx(_("--meetings: %d a year: the method asks for %d to %d "
		    "(fewer cannot keep the relation warm; %d is usual)"),
		    op->per_year, MEETING_MIN_PER_YEAR, MEETING_MAX_PER_YEAR,
		    MEETING_DEFAULT_PER_YEAR);
		return -1;
	}
	if (op->end != NULL && op->start == NULL) {
		warnx(_("--end needs --start"));
		return -1;
	}
	if (op->year != NULL && op->start != NULL) {
		warnx(_("give --year or --start, not both"));
		return -1;
	}
	if (mode == M_VENUES && op->list && nargs > 0) {
		warnx(_("files are read with -u or -V only"));
		return -1;
	}
	if (op->o.dry_run && mode == M_VENUES && op->list) {
		warnx(_("-N is for commands that write"));
		return -1;
	}
	if ((op->o.format == FMT_ICS || op->o.format == FMT_MAIL) &&
	    (op->mode == M_VENUES || op->mode == M_SETTINGS)) {
		warnx(_("-f %s is for meetings"), format_name(op->o.format));
		return -1;
	}
	if (op->o.nto > 0 && op->o.format != FMT_MAIL) {
		warnx(_("--to addresses a message: -f mail"));
		return -1;
	}
	if (op->organizer != NULL && op->o.format == FMT_MAIL &&
	    mail_valid_address(strncmp(op->organizer, "mailto:", 7) == 0 ?
	    op->organizer + 7 : op->organizer) != 0) {
		warnx(_("--organizer: '%s' is not an e-mail address"),
		    op->organizer);
		return -1;
	}
	/* -i alone prints the invitation text, for mail(1). */
	if (op->o.format == FMT_AUTO && op->mode == M_INVITE)
		op->letter = 1;
	if (op->o.format == FMT_AUTO)
		op->o.format = op->mode == M_INVITE ? FMT_MAIL : FMT_YAML;
	if (op->o.format == FMT_SVG || op->o.format == FMT_VCARD ||
	    op->o.format == FMT_ROFF) {
		warnx(_("-f %s: meetings are written as yaml, csv, text, ics "
		    "or mail"), format_name(op->o.format));
		return -1;
	}
	return 0;
}

#define PLAN	OPT_IN(M_PLAN)
#define PERIOD	(PLAN | OPT_IN(M_LIST))
#define SCHEDULE (PLAN | OPT_IN(M_SETTINGS))
#define WRITING	(OPT_ANY & ~(OPT_IN(M_LIST) | OPT_IN(M_INVITE)))
#define MODE(c, n, m, h) { .ch = (c), .name = (n), .help = (h), \
	.modes = OPT_IN(m), .sets = OPT_IN(m) }
#define PERIOD_OPT(c, n, h, f) { .ch = (c), .name = (n), \
	.arg = N_("DATE"), .help = (h), .modes = PERIOD, .implies = PLAN, \
	.kind = OPT_STRING, .off = offsetof(struct opts, f), \
	.refuse = N_("--year and --start choose the period to plan or list") }

/* -l first: with -y or -s it lists the period rather than plan it. */
static const struct opt table[] = {
	{ .ch = 'l', .name = "list", .help = N_("list the meetings (or venues)"),
	  .modes = OPT_IN(M_LIST) | OPT_IN(M_VENUES),
	  .implies = OPT_IN(M_LIST), .kind = OPT_FLAG,
	  .off = offsetof(struct opts, list),
	  .refuse = N_("-l lists meetings, or venues with -V") },
	{ .ch = 'y', .name = "year", .arg = N_("YEAR"),
	  .help = N_("plan (or list) the meetings of a year"), .modes = PERIOD,
	  .implies = PLAN, .kind = OPT_STRING,
	  .off = offsetof(struct opts, year),
	  .refuse = N_("--year and --start choose the period to plan or "
	  "list") },
	PERIOD_OPT('s', "start", N_("plan (or list) from this date"), start),
	PERIOD_OPT('e', "end", N_("with -s: up to this date"), end),
	{ .ch = 'm', .name = "meetings", .arg = N_("COUNT"),
	  .help = N_("meetings a year (6)"), .modes = PLAN | OPT_IN(M_NEXT) },
	{ .ch = 'b', .name = "blackouts", .arg = N_("FILE"),
	  .help = N_("periods without meetings (again for more)"),
	  .modes = PLAN | OPT_IN(M_NEXT),
	  .refuse = N_("-b gives blackouts for planning (-y, -s or -x)") },
	{ .ch = 'w', .name = "weekdays", .arg = N_("WEEKDAYS"),
	  .help = N_("the days a meeting may fall on"), .modes = SCHEDULE,
	  .implies = OPT_IN(M_SETTINGS), .kind = OPT_STRING,
	  .off = offsetof(struct opts, weekdays),
	  .refuse = N_("-w, -t and -D set the schedule when planning (or "
	  "with -S)") },
	{ .ch = 't', .name = "time", .arg = N_("TIME"),
	  .help = N_("the time meetings start"), .modes = SCHEDULE,
	  .implies = OPT_IN(M_SETTINGS), .kind = OPT_STRING,
	  .off = offsetof(struct opts, time),
	  .refuse = N_("-w, -t and -D set the schedule when planning (or "
	  "with -S)") },
	{ .ch = 'D', .name = "duration", .arg = N_("MINUTES"),
	  .help = N_("how long a meeting lasts"), .modes = SCHEDULE,
	  .implies = OPT_IN(M_SETTINGS),
	  .refuse = N_("-w, -t and -D set the schedule when planning (or "
	  "with -S)") },
	MODE('x', "next", M_NEXT,
	    N_("keep one meeting planned after the last held")),
	{ .ch = 'i', .name = "invite", .arg = N_("DAYS"),
	  .help = N_("the invitations of the coming days"),
	  .modes = OPT_IN(M_INVITE), .sets = OPT_IN(M_INVITE) },
	{ .ch = 'u', .name = "update", .help = OPT_UPDATE_HELP,
	  .modes = OPT_IN(M_UPDATE), .sets = OPT_IN(M_UPDATE) },
	MODE('V', "venues", M_VENUES, N_("the venues: read them, or list")),
	MODE('S', "settings", M_SETTINGS,
	    N_("store the schedule (-w, -t, -D)")),
	{ .ch = 'o', .name = "organizer", .arg = N_("ORGANIZER"),
	  .help = N_("who sends the invitations"), .modes = OPT_ANY,
	  .kind = OPT_STRING, .off = offsetof(struct opts, organizer) },
	{ .ch = 'q', .name = "quiet", .help = N_("print nothing when writing"),
	  .modes = OPT_ANY, .kind = OPT_FLAG,
	  .off = offsetof(struct opts, quiet) },
	OPT_TO(OPT_ANY, N_("-f mail: a recipient (again for more)")),
	OPT_DB(OPT_ANY),
	OPT_NETWORK(OPT_ANY),
	OPT_FORMAT(OPT_ANY),
	OPT_INPUT(OPT_ANY),
	{ .ch = 'N', .name = "dry-run",
	  .help = N_("check and show what would change; write nothing"),
	  .modes = WRITING, .kind = OPT_COMMON,
	  .refuse = N_("-N is for commands that write") },
	{ .ch = 0 }
};

static const struct opt_mode modes[] = {
	[M_PLAN] = { OPT_NONE, NULL, N_("files are read with -u or -V only") },
	[M_LIST] = { OPT_NONE, NULL, N_("files are read with -u or -V only") },
	[M_UPDATE] = { OPT_MANY, NULL, NULL },
	[M_VENUES] = { OPT_MANY, NULL, NULL },
	[M_NEXT] = { OPT_NONE, NULL, N_("files are read with -u or -V only") },
	[M_INVITE] = { OPT_NONE, NULL,
	    N_("files are read with -u or -V only") },
	[M_SETTINGS] = { OPT_NONE, NULL,
	    N_("files are read with -u or -V only") },
};

static const struct opt_cmd cmdline = {
	.name = "meet-plan",
	/*
	 * TRANSLATORS: the synopsis of meet-plan(1).  Keep the command name,
	 * the option letters and their order; the words for what an option
	 * takes (db, network, format, count, file, weekdays, time, minutes,
	 * year, date, days, organizer, address) may be translated.  The
	 * lines after the first are indented to stand under the command
	 * name or its options: widen them by the width of your "usage: ".
	 */
	.synopsis = N_("usage: meet-plan [-Nq] [-d db] [-n network] "
	    "[-f format] [-m count] [-b file]\n"
	    "                 [-w weekdays] [-t time] [-D minutes] "
	    "(-y year | -s date [-e date])\n"
	    "       meet-plan -x [-Nq] [-d db] [-n network] [-f format] "
	    "[-m count] [-b file]\n"
	    "       meet-plan -i days [-d db] [-n network] [-f format] "
	    "[-o organizer]\n"
	    "                 [--to address]\n"
	    "       meet-plan -l [-d db] [-n network] [-f format] "
	    "[-o organizer] [-y year | -s date [-e date]]\n"
	    "       meet-plan -u [-Nq] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       meet-plan -V [-l] [-Nq] [-d db] [-n network] [-f format] "
	    "[-F format] [file ...]\n"
	    "       meet-plan -S [-N] [-d db] [-n network] [-w weekdays] "
	    "[-t time] [-D minutes]\n"),
	.opts = table, .modes = modes, .nmodes = M_SETTINGS + 1,
	.initial = -1,
	.no_mode = N_("nothing to do: plan with -y or -s, or choose -x, -i, "
	    "-l, -u, -V or -S"),
	.two_modes = N_("choose one of -y/-s (plan), -x, -i, -l, -u, -V, -S"),
	.value_usage = 1, .call = option, .check = check
};

int
main(int argc, char *argv[])
{
	struct opts op;
	struct ally_error e = { 0, "" };
	int m, rc, said = 1;

	memset(&op, 0, sizeof(op));
	ally_i18n_init();
	ally_opts_init(&op.o);
	op.per_year = MEETING_DEFAULT_PER_YEAR;
	if ((rc = opt_parse(&cmdline, &argc, &argv, &op, &op.o, &m, &e)) !=
	    OPT_RUN) {
		free(op.blackout_files);
		if (e.msg[0] != '\0')
			warnx("%s", e.msg);
		return opt_exit(&cmdline, rc, &e);
	}
	if (op.nblackout_files > 0)
		rc = records_each(op.blackout_files, op.nblackout_files,
		    op.o.input, keep_blackout, &op.blackouts, &e);
	if (rc == 0) {
		switch (op.mode) {
		case M_PLAN:
			rc = plan_series(&op, &e);
			break;
		case M_NEXT:
			rc = plan_next(&op, &said, &e);
			break;
		case M_INVITE:
			rc = invite(&op, &said, &e);
			break;
		case M_LIST:
			rc = list_meetings(&op, &e);
			break;
		case M_UPDATE:
			rc = update_meetings(&op, argv, argc, &e);
			break;
		case M_VENUES:
			rc = venues(&op, argv, argc, &e);
			break;
		default:
			rc = settings(&op, &e);
			break;
		}
	}
	if (rc == 0 && ally_close_stdout(&e) != 0)
		rc = -1;
	blackouts_free(&op.blackouts);
	free(op.blackout_files);
	if (rc != 0) {
		warnx("%s", e.msg);
		return e.code ? e.code : EX_SOFTWARE;
	}
	return said ? 0 : NOTHING_TO_SAY;
}
