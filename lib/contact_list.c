/*
 * contact_list.c: the quick-contact list of a network, as text with a
 * heading that says it is confidential, as vCards for a phone, or as
 * records.  The disclosure is audited and committed before anything is
 * printed: a list may be lost, an entry of the audit log may not.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "contact_list.h"
#include "fields.h"
#include "member.h"
#include "opt.h"
#include "render.h"

int
contact_list_format(enum format *f, struct ally_error *err)
{
	if (*f == FMT_AUTO)
		*f = FMT_TEXT;
	if (*f != FMT_TEXT && *f != FMT_CSV && *f != FMT_VCARD &&
	    *f != FMT_YAML)
		return ally_errorf(err, EX_USAGE, "--contacts: the list is "
		    "written as text, csv, vcard or yaml, not %s",
		    format_name(*f));
	return 0;
}

static void
heading(const struct ally_session *s, const struct contact_select *sel,
    size_t n)
{
	char today[11];

	date_format(s->today, today);
	if (sel->group)
		/*
		 * TRANSLATORS: the heading of ally-add -K -G; the first %s is
		 * the network's name, the second today's date (2027-01-15).
		 */
		printf(_("Contact list of %s for the group, %s. Confidential: "
		    "only within the group.\n\n"), s->net.name, today);
	else
		/*
		 * TRANSLATORS: the heading of ally-add -K; the first %s is
		 * the network's name, the second today's date (2027-01-15).
		 */
		printf(_("Quick-contact list of %s, %s. Confidential: do not "
		    "pass on.\n\n"), s->net.name, today);
	if (n == 0)
		fputs(_("No active member to list.\n"), stdout);
}

/* Why a member is left out, in words. */
static const char *
reason_words(const char *reason)
{
	if (strcmp(reason, "paused") == 0)
		return _("paused");
	if (strcmp(reason, "no-consent") == 0)
		return _("no consent to share the number within the group");
	return _("outside the selection");
}

/*
 * Who the list leaves out and why: on standard error always (through
 * the session's warn), and under the text form's table.
 */
static void
left_out(const struct ally_session *s, const struct contacts *c, int text)
{
	size_t i;

	for (i = 0; i < c->nleft; i++)
		s->warn(_("left out: %s (%s)"), record_get(c->left[i],
		    "alias"), reason_words(record_get(c->left[i], "reason")));
	if (!text || c->nleft == 0)
		return;
	printf("\n%s\n", _("Left out:"));
	for (i = 0; i < c->nleft; i++)
		printf("%-6s %s\n", record_get(c->left[i], "alias"),
		    reason_words(record_get(c->left[i], "reason")));
}

/* "call list (text; sector faith)": what the audit entry says. */
static void
audit_what(const struct contact_select *sel, enum format f, char *buf,
    size_t len)
{
	snprintf(buf, len, "%s (%s%s%s%s%s%s%s)", sel->group ?
	    "group contact list" : "contact list", format_name(f),
	    sel->role != NULL ? "; role " : "", sel->role != NULL ?
	    sel->role : "", sel->sector != NULL ? "; sector " : "",
	    sel->sector != NULL ? sel->sector : "", sel->community != NULL ?
	    "; community " : "", sel->community != NULL ? sel->community : "");
}

int
contact_list_write(struct ally_session *s, const struct contact_select *sel,
    const char *who, struct ally_error *err)
{
	enum format f = s->o->format;
	struct contacts c;
	size_t i;
	char what[256];
	int rc = -1;

	s->columns = sel->group ? privacy_contact_fields : privacy_call_fields;
	audit_what(sel, f, what, sizeof(what));
	c.sel = sel;
	if (privacy_contacts(s->db, &s->net, &c, err) != 0)
		return -1;
	for (i = 0; f != FMT_VCARD && i < c.n; i++)
		/* The text form says it in words; the records yes or no. */
		if ((f == FMT_TEXT && record_set(c.v[i], "share",
		    strcmp(record_get(c.v[i], "share"), "no") == 0 ?
		    _("do not share") : "") != 0) ||
		    session_result(s, c.v[i], err) != 0)
			goto out;
	if (session_audit(s, who, what, (long)c.n, err) != 0)
		goto out;
	/*
	 * Printed before the commit (session.c): the vCards, or the
	 * heading, the list and who it leaves out.
	 */
	for (i = 0; f == FMT_VCARD && i < c.n; i++)
		if (vcard_put(stdout, c.v[i], err) != 0)
			goto out;
	if (f == FMT_TEXT && opt_text_stdout(f, err) != 0)
		goto out;
	if (f == FMT_TEXT)
		heading(s, sel, c.n);
	if (session_print(s, err) != 0)
		goto out;
	left_out(s, &c, f == FMT_TEXT);
	rc = session_commit(s, err);
out:
	if (rc != 0 && err->code == 0)
		ally_errorf(err, EX_OSERR, "out of memory");
	privacy_contacts_free(&c);
	return rc;
}

/* ---- the member list (ally-add -l) ---------------------------------- */

static struct record *
person_row(sqlite3_stmt *st, void *flags)
{
	return person_record(st, *(int *)flags);
}

int
member_list_write(const struct ally_opts *o, int identities,
    const char *role, const char *status,
    void (*warn)(const char *, ...), struct ally_error *err)
{
	struct ally_session s;
	struct writer *w = NULL;
	sqlite3_stmt *st = NULL;
	const char *sql;
	long n = 0;
	int rc = -1, flags = identities ? PERSON_IDENTITIES : 0;

	if (role != NULL && !str_in(role, person_roles))
		return ally_errorf(err, EX_USAGE, "--role: '%s' is not one of "
		    "ally, police, municipality", role);
	if (status != NULL && !str_in(status, person_statuses))
		return ally_errorf(err, EX_USAGE, "--status: '%s' is not one "
		    "of candidate, active, paused, left", status);
	/*
	 * Read and audit in one transaction: no disclosure goes unlogged,
	 * and without -I the listing still shows community and notes.
	 */
	if (session_open(&s, o, SESSION_QUIET | SESSION_OWN_FORMAT, warn,
	    err) != 0)
		return -1;
	if ((sql = person_select_sql(err)) == NULL ||
	    db_prepare(s.db, sql, &st, err) != 0)
		goto out;
	sqlite3_bind_int64(st, 1, s.net.id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, role);
	if ((w = writer_open(stdout, o->format, identities ? NULL :
	    person_public_fields, 0, err)) == NULL)
		goto out;
	/* Printed before the commit of the audit entry: see session.c. */
	if ((n = db_write_rows(s.db, st, person_row, &flags, w, err)) >= 0 &&
	    session_audit(&s, identities ? "ally-add -l -I" : "ally-add -l",
	    identities ? "identities listed" : "members listed (function, "
	    "community, sector, age_band, notes)", n, err) == 0)
		rc = 0;
	if (writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	if (rc == 0 && session_commit(&s, err) != 0)
		rc = -1;
out:
	sqlite3_finalize(st);
	session_close(&s);
	return rc;
}
