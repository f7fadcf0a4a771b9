/*
 * contact_list.c: the quick-contact list of a network, as text with a
 * heading that says it is confidential, as vCards for a phone, or as
 * records.  The disclosure is audited and committed before anything is
 * printed: a list may be lost, an entry of the audit log may not.
 */
#include <stdio.h>

#include "core.h"
#include "contact_list.h"
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
heading(const struct ally_session *s, size_t n)
{
	char today[11];

	date_format(s->today, today);
	/*
	 * TRANSLATORS: the heading of ally-add -K; the first %s is the
	 * network's name, the second today's date (2027-01-15).
	 */
	printf(_("Quick-contact list of %s, %s. Confidential: do not pass "
	    "on.\n\n"), s->net.name, today);
	if (n == 0)
		fputs(_("No active member to list (allies need "
		    "contact_consent: yes).\n"), stdout);
}

int
contact_list_write(struct ally_session *s, const char *who,
    struct ally_error *err)
{
	enum format f = s->o->format;
	struct record **v = NULL;
	size_t n = 0, i;
	char what[64];
	int rc = -1;

	s->columns = privacy_contact_fields;
	snprintf(what, sizeof(what), "contact list (%s)", format_name(f));
	if (privacy_contacts(s->db, &s->net, &v, &n, err) != 0)
		goto out;
	for (i = 0; f != FMT_VCARD && i < n; i++)
		if (session_result(s, v[i], err) != 0)
			goto out;
	if (session_audit(s, who, what, (long)n, err) != 0)
		goto out;
	/* Printed before the commit (session.c): vCards, or the heading. */
	for (i = 0; f == FMT_VCARD && i < n; i++)
		if (vcard_put(stdout, v[i], err) != 0)
			goto out;
	if (f == FMT_TEXT && opt_text_stdout(f, err) != 0)
		goto out;
	if (f == FMT_TEXT)
		heading(s, n);
	rc = session_commit(s, err);
out:
	privacy_records_free(v, n);
	return rc;
}
