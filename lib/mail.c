/*
 * mail.c: whole messages for sendmail -t (RFC 5322 and MIME, RFC 2045-
 * 2047), such as meeting invitations with their calendar (iMIP, RFC 6047)
 * and reminders.
 *
 * Lines end in a bare LF, the local convention that sendmail(8) and
 * mail(1) expect on their input; the transfer adds the CRs.  Every line
 * is at most 78 characters, well within the 998 of RFC 5322: headers are
 * folded, bodies are quoted-printable (text) or base64 (a calendar,
 * whose CRLF line ends must arrive unchanged), so that the message is
 * 7-bit and no relay can mangle it.  Non-ASCII header text becomes RFC
 * 2047 encoded words, split between characters, never inside one.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "render.h"
#include "escape.h"

#define QP_LINE		76	/* RFC 2045 6.7: at most 76 with the '=' */
#define B64_LINE	76
#define EW_MAX		75	/* RFC 2047 2: one encoded word */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int
mail_valid_address(const char *s)
{
	const unsigned char *p;

	if (s == NULL || valid_email(s) != 0)
		return -1;
	/* Headers stay ASCII: an address cannot be an encoded word. */
	for (p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x7f)
			return -1;
	return 0;
}

/* s without blanks at either end, in buf: 0, or -1 when too long. */
static int
trimmed(const char *s, size_t n, char *buf, size_t size)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= size)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

/* A display name: quotes and their backslashes taken off, no controls. */
static int
display_name(char *name)
{
	char *r, *w;
	size_t n = strlen(name);

	if (n >= 2 && name[0] == '"' && name[n - 1] == '"') {
		name[n - 1] = '\0';
		for (r = name + 1, w = name; *r; r++) {
			if (*r == '"')
				return -1;
			if (*r == '\\' && r[1] != '\0')
				r++;
			*w++ = *r;
		}
		*w = '\0';
	}
	for (r = name; *r; r++)
		if ((unsigned char)*r < ' ' || *r == 0x7f || *r == '<' ||
		    *r == '>' || *r == '"')
			return -1;
	return valid_text(name, 0) == 0 ? 0 : -1;
}

int
mail_mailbox(const char *s, struct mailbox *mb)
{
	const char *lt;
	size_t n;

	if (s == NULL)
		return -1;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	mb->name[0] = '\0';
	if (n == 0 || s[n - 1] != '>')
		return trimmed(s, n, mb->addr, sizeof(mb->addr)) != 0 ||
		    mail_valid_address(mb->addr) != 0 ? -1 : 0;
	if ((lt = memchr(s, '<', n)) == NULL || memchr(lt + 1, '<',
	    (size_t)(s + n - lt - 1)) != NULL ||
	    trimmed(lt + 1, (size_t)(s + n - lt - 2), mb->addr,
	    sizeof(mb->addr)) != 0 || mail_valid_address(mb->addr) != 0 ||
	    trimmed(s, (size_t)(lt - s), mb->name, sizeof(mb->name)) != 0)
		return -1;
	return display_name(mb->name);
}

int
mail_valid_mailbox(const char *s)
{
	struct mailbox mb;

	return mail_mailbox(s, &mb);
}

/* The host's name when it is a plausible domain, else "localhost". */
static const char *
host_name(void)
{
	static char host[256];
	const char *p;

	if (host[0] != '\0')
		return host;
	if (gethostname(host, sizeof(host) - 1) != 0 || host[0] == '\0' ||
	    host[0] == '.' || host[0] == '-')
		goto fallback;
	for (p = host; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
			goto fallback;
	return host;
fallback:
	snprintf(host, sizeof(host), "localhost");
	return host;
}

const char *
mail_default_from(void)
{
	static char from[320];
	const char *email = getenv("EMAIL"), *user = user_name(), *p;

	if (email != NULL && mail_valid_mailbox(email) == 0) {
		snprintf(from, sizeof(from), "%s", email);
		return from;
	}
	/* A login name is an atom of RFC 5322 nearly always; else say so. */
	for (p = user; *p; p++)
		if (!isalnum((unsigned char)*p) && strchr("._-+", *p) == NULL)
			break;
	snprintf(from, sizeof(from), "%s@%s", *user && !*p ? user : "ally",
	    host_name());
	return from;
}

/* "Tue, 11 May 2027 08:00:00 +0200", in English whatever the locale. */
static int
mail_date(char *buf, size_t len)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	time_t now = time(NULL);
	long off;

	if (localtime_r(&now, &tm) == NULL)
		return -1;
	off = tm.tm_gmtoff / 60;
	snprintf(buf, len, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	return 0;
}

/* 32 random hex digits (ally_uid without its "@ally"). */
static int
random_hex(char buf[33], struct ally_error *err)
{
	char uid[64];

	if (ally_uid(uid, err) != 0)
		return -1;
	memcpy(buf, uid, 32);
	buf[32] = '\0';
	return 0;
}

/* ---- headers ------------------------------------------------------------ */

static int
is_ascii_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x7f || (unsigned char)*s < ' ')
			return 0;
	return 1;
}

/* Plain ASCII, folded at blanks so that no line passes 78. */
static int
put_folded(FILE *fp, const char *name, const char *value)
{
	size_t col, w;
	const char *p = value, *q;

	if (fprintf(fp, "%s:", name) < 0)
		return -1;
	col = strlen(name) + 1;
	while (*p != '\0') {
		for (q = p; *q == ' '; q++)
			;
		for (w = 0; q[w] != '\0' && q[w] != ' '; w++)
			;
		if (w == 0)
			break;
		/* A word too long for any line goes on a line of its own. */
		if (col + 1 + w > MAIL_LINE_MAX && col > strlen(name) + 1) {
			if (fputs("\n", fp) == EOF)
				return -1;
			col = 0;
		}
		if (putc(' ', fp) == EOF || fwrite(q, 1, w, fp) != w)
			return -1;
		col += 1 + w;
		p = q + w;
	}
	return fputs("\n", fp) == EOF ? -1 : 0;
}

/* Bytes of s that fit in n bytes without splitting a UTF-8 character. */
static size_t
utf8_prefix(const unsigned char *s, size_t len, size_t n)
{
	if (n >= len)
		return len;
	while (n > 0 && (s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

static int
put_base64_chunk(FILE *fp, const unsigned char *p, size_t n)
{
	size_t i;
	unsigned v;

	for (i = 0; i < n; i += 3) {
		v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		if (putc(b64[(v >> 18) & 63], fp) == EOF ||
		    putc(b64[(v >> 12) & 63], fp) == EOF ||
		    putc(i + 1 < n ? b64[(v >> 6) & 63] : '=', fp) == EOF ||
		    putc(i + 2 < n ? b64[v & 63] : '=', fp) == EOF)
			return -1;
	}
	return 0;
}

/*
 * The len bytes of text as escape_visible shows them, a string of *size
 * bytes; NULL when out of memory.
 */
static char *
shown(const char *text, size_t len, size_t *size)
{
	char *buf = NULL;
	FILE *ms;

	*size = 0;
	if ((ms = open_memstream(&buf, size)) == NULL)
		return NULL;
	escape_visible(ms, text, len, 0);
	if (fclose(ms) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * RFC 2047 B encoded words, each on its own line: the first after the
 * name, the others folded.  "=?UTF-8?B?" and "?=" take 12 of a word's
 * 75; a line holds its blank, the word and, on the first, the name.
 */
static int
put_encoded(FILE *fp, const char *name, const char *value)
{
	const unsigned char *p = (const unsigned char *)value;
	size_t len = strlen(value), room, n;
	int first = 1;

	if (fprintf(fp, "%s:", name) < 0)
		return -1;
	while (len > 0) {
		room = MAIL_LINE_MAX - 1 - (first ? strlen(name) + 1 : 0);
		if (room > EW_MAX)
			room = EW_MAX;
		/* Base64 characters to bytes: whole quanta only. */
		n = utf8_prefix(p, len, (room - 12) / 4 * 3);
		if (n == 0)
			n = utf8_prefix(p, len, 3);
		if (n == 0)
			n = 1;
		if (fputs(first ? " =?UTF-8?B?" : "\n =?UTF-8?B?", fp) == EOF ||
		    put_base64_chunk(fp, p, n) != 0 || fputs("?=", fp) == EOF)
			return -1;
		p += n;
		len -= n;
		first = 0;
	}
	return fputs("\n", fp) == EOF ? -1 : 0;
}

int
mail_put_header(FILE *fp, const char *name, const char *value)
{
	char *clean, *p;
	size_t size;
	int rc;

	/*
	 * A header is read on a terminal too: shown as escape_visible shows
	 * it (a subject is made of stored names); and no value may end the
	 * header or start another: blanks for the newlines and tabs left.
	 */
	if ((clean = shown(value, strlen(value), &size)) == NULL)
		return -1;
	for (p = clean; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	if (is_ascii_text(clean) && strstr(clean, "=?") == NULL)
		rc = put_folded(fp, name, clean);
	else
		rc = put_encoded(fp, name, clean);
	free(clean);
	return rc;
}

/* An ASCII name that is atoms and blanks only may stand as it is. */
static int
is_phrase(const char *s)
{
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && strchr(" !#$%&'*+-/=?^_`{|}~",
		    *s) == NULL)
			return 0;
	return 1;
}

/*
 * A display name as RFC 5322 wants it: atoms, a quoted string, or RFC
 * 2047 encoded words of at most 30 bytes each (so that every word fits
 * a line), separated by blanks where the header may fold.
 */
static int
put_name(FILE *fp, const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t len = strlen(name), n;

	if (is_ascii_text(name) && strstr(name, "=?") == NULL) {
		if (is_phrase(name))
			return fputs(name, fp) == EOF ? -1 : 0;
		if (putc('"', fp) == EOF)
			return -1;
		for (; *p; p++)
			if ((*p == '"' || *p == '\\') && putc('\\', fp) == EOF)
				return -1;
			else if (putc(*p, fp) == EOF)
				return -1;
		return putc('"', fp) == EOF ? -1 : 0;
	}
	for (; len > 0; p += n, len -= n) {
		if ((n = utf8_prefix(p, len, 30)) == 0)
			n = 1;
		if (fputs((const char *)p == name ? "=?UTF-8?B?" :
		    " =?UTF-8?B?", fp) == EOF || put_base64_chunk(fp, p, n) != 0 ||
		    fputs("?=", fp) == EOF)
			return -1;
	}
	return 0;
}

/* The name as escape_visible shows it (no controls: display_name). */
static int
put_shown_name(FILE *fp, const char *name)
{
	char *t;
	size_t n;
	int rc;

	if ((t = shown(name, strlen(name), &n)) == NULL)
		return -1;
	rc = put_name(fp, t);
	free(t);
	return rc;
}

/*
 * "To: a@x, Name <b@y>", folded at blanks; a group without members if
 * none.  The mailboxes were checked by check_mail.
 */
static int
put_addresses(FILE *fp, const char *name, const char *const *v, size_t n)
{
	struct mailbox mb;
	char *buf = NULL;
	size_t i, len = 0;
	FILE *mem;
	int rc;

	if (n == 0)
		return fprintf(fp, "%s: undisclosed-recipients:;\n", name) < 0 ?
		    -1 : 0;
	if ((mem = open_memstream(&buf, &len)) == NULL)
		return -1;
	for (i = 0, rc = 0; i < n && rc == 0; i++) {
		if (mail_mailbox(v[i], &mb) != 0)
			rc = -1;
		else if (mb.name[0] != '\0')
			rc = put_shown_name(mem, mb.name) != 0 ||
			    fprintf(mem, " <%s>", mb.addr) < 0;
		else
			rc = fputs(mb.addr, mem) == EOF;
		if (rc == 0 && i + 1 < n)
			rc = fputs(", ", mem) == EOF;
	}
	if (fclose(mem) != 0 || rc != 0) {
		free(buf);
		return -1;
	}
	rc = put_folded(fp, name, buf);
	free(buf);
	return rc;
}

/* ---- bodies ------------------------------------------------------------- */

int
mail_put_base64(FILE *fp, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t n, line = B64_LINE / 4 * 3;

	while (len > 0) {
		n = len < line ? len : line;
		if (put_base64_chunk(fp, p, n) != 0 || putc('\n', fp) == EOF)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

/*
 * Whether byte i of a line (of n bytes) must be written as =XX: '=',
 * controls and 8-bit bytes always; a blank at the end of the line (it
 * would be lost); a '.' or the F of "From " that starts a line, which
 * SMTP and mbox files treat specially.
 */
static int
qp_needs_escape(const unsigned char *s, size_t i, size_t n)
{
	unsigned char c = s[i];

	if (c == '=' || c >= 0x7f || (c < ' ' && c != '\t'))
		return 1;
	if ((c == ' ' || c == '\t') && i + 1 == n)
		return 1;
	if (i == 0 && c == '.')
		return 1;
	if (i == 0 && n >= 5 && memcmp(s, "From ", 5) == 0)
		return 1;
	return 0;
}

static int
qp_line(FILE *fp, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char tok[4];
	size_t i, col = 0, w;

	for (i = 0; i < n; i++) {
		if (qp_needs_escape(s, i, n)) {
			tok[0] = '=';
			tok[1] = hex[s[i] >> 4];
			tok[2] = hex[s[i] & 15];
			w = 3;
		} else {
			tok[0] = (char)s[i];
			w = 1;
		}
		/*
		 * A soft break ("=" at the end) when the token would pass
		 * 75; the last token of the line may take column 76.
		 */
		if (col + w > QP_LINE - 1 && !(i + 1 == n &&
		    col + w <= QP_LINE)) {
			if (fputs("=\n", fp) == EOF)
				return -1;
			col = 0;
			/*
			 * A '.' may not start a physical line either, nor
			 * "From " (an mbox reader would split the message).
			 */
			if (w == 1 && (tok[0] == '.' || (n - i >= 5 &&
			    memcmp(s + i, "From ", 5) == 0))) {
				memcpy(tok, tok[0] == '.' ? "=2E" : "=46", 3);
				w = 3;
			}
		}
		if (fwrite(tok, 1, w, fp) != w)
			return -1;
		col += w;
	}
	return 0;
}

static int
qp_text(FILE *fp, const unsigned char *p, size_t len)
{
	const unsigned char *nl;
	size_t n;

	while (len > 0) {
		nl = memchr(p, '\n', len);
		n = nl != NULL ? (size_t)(nl - p) : len;
		if (qp_line(fp, p, n) != 0)
			return -1;
		if (nl == NULL) {
			/* Text without a final newline ends with a soft break. */
			return fputs("=\n", fp) == EOF ? -1 : 0;
		}
		if (putc('\n', fp) == EOF)
			return -1;
		p += n + 1;
		len -= n + 1;
	}
	return 0;
}

/* Text shown as escape_visible shows it: a mail is read on a terminal. */
int
mail_put_qp(FILE *fp, const char *text, size_t len)
{
	char *t;
	int rc;

	if ((t = shown(text, len, &len)) == NULL)
		return -1;
	rc = qp_text(fp, (const unsigned char *)t, len);
	free(t);
	return rc;
}

/* ---- the message -------------------------------------------------------- */

static int
put_part_head(FILE *fp, const struct mail_part *pt)
{
	if (fprintf(fp, "Content-Type: %s", pt->type) < 0)
		return -1;
	/* The name on a line of its own keeps the header within 78. */
	if (pt->filename != NULL && fprintf(fp, ";\n name=\"%s\"",
	    pt->filename) < 0)
		return -1;
	if (fprintf(fp, "\nContent-Transfer-Encoding: %s\n",
	    pt->base64 ? "base64" : "quoted-printable") < 0)
		return -1;
	if (pt->filename != NULL)
		return fprintf(fp, "Content-Disposition: attachment;\n"
		    " filename=\"%s\"\n", pt->filename) < 0 ? -1 : 0;
	return fputs("Content-Disposition: inline\n", fp) == EOF ? -1 : 0;
}

static int
put_part_body(FILE *fp, const struct mail_part *pt)
{
	return pt->base64 ? mail_put_base64(fp, pt->body, pt->len) :
	    mail_put_qp(fp, pt->body, pt->len);
}

static int
check_mail(const struct mail *m, struct ally_error *err)
{
	const char *p;
	size_t i;

	if (m->from != NULL && mail_valid_mailbox(m->from) != 0)
		return ally_errorf(err, EX_USAGE, "from: '%s' is not an "
		    "e-mail address", m->from);
	for (i = 0; i < m->nto; i++)
		if (mail_valid_mailbox(m->to[i]) != 0)
			return ally_errorf(err, EX_USAGE, "to: '%s' is not an "
			    "e-mail address", m->to[i]);
	if (m->nparts == 0)
		return ally_errorf(err, EX_SOFTWARE, "a message without a "
		    "body");
	for (i = 0; i < m->nparts; i++) {
		/* A type or a file name is ours, never input: still check. */
		for (p = m->parts[i].type; *p; p++)
			if ((unsigned char)*p < ' ' || (unsigned char)*p >= 0x7f)
				return ally_errorf(err, EX_SOFTWARE, "bad "
				    "content type");
		if (m->parts[i].filename != NULL &&
		    (!is_ascii_text(m->parts[i].filename) ||
		    strpbrk(m->parts[i].filename, "\"\\") != NULL))
			return ally_errorf(err, EX_SOFTWARE, "bad file name");
	}
	return 0;
}

int
mail_write(FILE *fp, const struct mail *m, struct ally_error *err)
{
	char date[64], id[33], boundary[48];
	struct mailbox mb;
	const char *from, *domain;
	size_t i;
	int rc, named;

	if (check_mail(m, err) != 0 || random_hex(id, err) != 0)
		return -1;
	if (mail_date(date, sizeof(date)) != 0)
		return ally_errorf(err, EX_OSERR, "no local time");
	from = m->from != NULL ? m->from : mail_default_from();
	/*
	 * The Message-ID's domain is the sender's (RFC 5322 3.6.4); a
	 * login name at a host without a domain keeps the host's name.
	 */
	named = mail_mailbox(from, &mb) == 0;
	domain = named ? strchr(mb.addr, '@') + 1 : host_name();
	rc = (named ? put_addresses(fp, "From", &from, 1) != 0 :
	    fprintf(fp, "From: %s\n", from) < 0) ||
	    put_addresses(fp, "To", m->to, m->nto) != 0 ||
	    mail_put_header(fp, "Subject", m->subject) != 0 ||
	    fprintf(fp, "Date: %s\nMessage-ID: <%s@%s>\nMIME-Version: 1.0\n",
	    date, id, domain) < 0;
	if (rc == 0 && m->nparts == 1)
		rc = put_part_head(fp, &m->parts[0]) != 0 ||
		    putc('\n', fp) == EOF || put_part_body(fp, &m->parts[0]);
	else if (rc == 0) {
		/*
		 * "=_" cannot occur in quoted-printable or base64, so the
		 * boundary cannot occur in any body.
		 */
		if (random_hex(id, err) != 0)
			return -1;
		snprintf(boundary, sizeof(boundary), "=_ally_%s", id);
		rc = fprintf(fp, "Content-Type: multipart/mixed;\n"
		    " boundary=\"%s\"\n\nThis is a message in MIME format.\n",
		    boundary) < 0;
		for (i = 0; rc == 0 && i < m->nparts; i++)
			/* The newline before a delimiter belongs to it. */
			rc = fprintf(fp, "\n--%s\n", boundary) < 0 ||
			    put_part_head(fp, &m->parts[i]) != 0 ||
			    putc('\n', fp) == EOF ||
			    put_part_body(fp, &m->parts[i]) != 0;
		if (rc == 0)
			rc = fprintf(fp, "\n--%s--\n", boundary) < 0;
	}
	if (rc != 0 || ferror(fp))
		return ally_errorf(err, EX_IOERR, "write error: %s",
		    strerror(errno));
	return 0;
}
