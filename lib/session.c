/*
 * session.c: one write session for every command.
 *
 * The results a command prints back wait in an unlinked file of mode
 * 0600 in $TMPDIR (else /tmp), in a compact form that is read back into
 * records at the commit: memory does not grow with the input, and
 * nothing is printed of a run that failed on its input.  They are
 * printed, and standard output flushed and checked, BEFORE the commit:
 * an exit status other than 0 then means nothing was stored, and a cron
 * job that tries again on failure stores nothing twice.  (The other
 * order, print after the commit, made a full disk exit 74 with
 * everything stored.)  Only a failing COMMIT itself, after the output,
 * leaves printed results of a run rolled back: the status says so.
 *
 * The form: per field a kind letter (S scalar, N null, L list, R nested
 * records) and the key, then the value, or the count and the items, each
 * ended by a NUL; a record ends with the letter E.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "format.h"
#include "names.h"
#include "opt.h"
#include "session.h"

static int
oom(struct ally_error *err)
{
	return ally_errorf(err, EX_OSERR, "out of memory");
}

/* An unlinked file of mode 0600 in $TMPDIR, named after the command. */
static FILE *
spool_open(struct ally_error *err)
{
	const char *dir = getenv("TMPDIR");
	char tpl[PATH_MAX];
	FILE *fp;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if ((size_t)snprintf(tpl, sizeof(tpl), "%s/%s.XXXXXX", dir,
	    program_invocation_short_name) >= sizeof(tpl)) {
		ally_errorf(err, EX_CANTCREAT, "%s: path too long", dir);
		return NULL;
	}
	if ((fd = mkostemp(tpl, O_CLOEXEC)) < 0) {
		ally_errorf(err, EX_CANTCREAT, "%s: %s", tpl, strerror(errno));
		return NULL;
	}
	unlink(tpl);
	if ((fp = fdopen(fd, "w+")) == NULL) {
		close(fd);
		oom(err);
	}
	return fp;
}

/* A scalar's letter in the spool says its type: text, integer ... */
static const char spool_types[] = "SIFD";

static void
spool_record(FILE *fp, const struct record *r)
{
	const struct field *f;
	size_t i, j;

	for (i = 0; i < r->nfields; i++) {
		f = &r->fields[i];
		switch (f->kind) {
		case VAL_SCALAR:
			fprintf(fp, "%c%s%c%s%c", spool_types[f->type], f->key,
			    0, f->value, 0);
			break;
		case VAL_LIST:
			fprintf(fp, "L%s%c%zu%c", f->key, 0, f->nitems, 0);
			for (j = 0; j < f->nitems; j++)
				fprintf(fp, "%s%c", f->items[j], 0);
			break;
		case VAL_RECORDS:
			fprintf(fp, "R%s%c%zu%c", f->key, 0, f->nrecs, 0);
			for (j = 0; j < f->nrecs; j++)
				spool_record(fp, f->recs[j]);
			break;
		default:
			fprintf(fp, "N%s%c", f->key, 0);
			break;
		}
	}
	fputc('E', fp);
}

/* The next NUL-ended word of the spool, or NULL at its end or an error. */
static char *
spool_word(FILE *fp, char **buf, size_t *cap)
{
	ssize_t n;

	if ((n = getdelim(buf, cap, '\0', fp)) <= 0 || (*buf)[n - 1] != '\0')
		return NULL;
	return *buf;
}

static size_t
spool_count(FILE *fp, char **buf, size_t *cap, int *bad)
{
	char *w, *end;
	unsigned long n;

	if ((w = spool_word(fp, buf, cap)) == NULL) {
		*bad = 1;
		return 0;
	}
	n = strtoul(w, &end, 10);
	if (*end != '\0')
		*bad = 1;
	return n;
}

/* A record back from the spool; NULL at its end (*bad on damage). */
static struct record *
spool_read(FILE *fp, char **buf, size_t *cap, int *bad)
{
	struct record *r, *sub;
	struct field *f;
	char *key, *value;
	const char *type;
	size_t n, j;
	int kind;

	if ((kind = getc(fp)) == EOF)
		return NULL;
	if ((r = record_new()) == NULL)
		goto bad;
	for (; kind != 'E'; kind = getc(fp)) {
		if (spool_word(fp, buf, cap) == NULL ||
		    (key = strdup(*buf)) == NULL)
			goto bad;
		value = NULL;
		type = kind != 0 ? strchr(spool_types, kind) : NULL;
		if (type != NULL && (spool_word(fp, buf, cap) == NULL ||
		    (value = strdup(*buf)) == NULL)) {
			free(key);
			goto bad;
		}
		f = record_append_owned(r, key, value);
		free(key);
		if (f == NULL)
			goto bad;
		if (type != NULL)
			f->type = (enum field_type)(type - spool_types);
		if (type != NULL || kind == 'N')
			continue;
		if (kind != 'L' && kind != 'R')
			goto bad;
		f->kind = kind == 'L' ? VAL_LIST : VAL_RECORDS;
		n = spool_count(fp, buf, cap, bad);
		for (j = 0; j < n && !*bad; j++) {
			if (kind == 'L') {
				if (spool_word(fp, buf, cap) == NULL ||
				    record_add_item(r, f->key, *buf) != 0)
					goto bad;
			} else if ((sub = spool_read(fp, buf, cap,
			    bad)) == NULL || record_add_record(r, f->key,
			    sub) != 0)
				goto bad;
		}
		if (*bad)
			goto bad;
	}
	return r;
bad:
	*bad = 1;
	record_free(r);
	return NULL;
}

int
session_print(struct ally_session *s, struct ally_error *err)
{
	struct writer *w;
	struct record *r;
	char *buf = NULL;
	size_t cap = 0;
	int bad = 0, rc = -1;

	if (s->spool == NULL || s->nresults == 0)
		return 0;
	if (fflush(s->spool) != 0 || ferror(s->spool) ||
	    fseek(s->spool, 0, SEEK_SET) != 0)
		return ally_errorf(err, EX_IOERR, "temporary file: %s",
		    strerror(errno));
	if ((w = writer_open(stdout, s->o->format, s->columns, s->wflags,
	    err)) == NULL)
		return -1;
	while ((r = spool_read(s->spool, &buf, &cap, &bad)) != NULL) {
		rc = writer_put(w, r, err);
		record_free(r);
		if (rc != 0)
			break;
	}
	free(buf);
	if (rc == 0 && bad)
		rc = ally_errorf(err, EX_IOERR, "temporary file: read error");
	if (writer_close(w, rc == 0 ? err : NULL) != 0)
		rc = -1;
	if (rc == 0)
		s->nresults = 0;
	return rc;
}

int
session_open(struct ally_session *s, const struct ally_opts *o, int flags,
    void (*warn)(const char *, ...), struct ally_error *err)
{
	struct ally_error w;
	char path[PATH_MAX];
	int dbflags = 0;

	memset(s, 0, sizeof(*s));
	s->o = o;
	s->flags = flags;
	s->warn = warn;
	if (date_today(&s->today, err) != 0)
		return -1;
	if (!(flags & (SESSION_READ | SESSION_OWN_FORMAT)) &&
	    format_for_records(o->format, err) != 0)
		return -1;
	if (db_path_checked(o->db, path, sizeof(path), err, &w) != 0)
		return -1;
	if (w.msg[0] != '\0' && warn != NULL)
		warn("%s", w.msg);
	if (!(flags & (SESSION_READ | SESSION_QUIET)) &&
	    (s->spool = spool_open(err)) == NULL)
		return -1;
	if (flags & SESSION_CREATE)
		dbflags |= DB_CREATE;
	if (flags & SESSION_READONLY)
		dbflags |= DB_READONLY;
	if (flags & SESSION_IDENTITIES)
		dbflags |= DB_IDENTITIES;
	if ((s->db = db_open(path, dbflags, err)) == NULL)
		goto fail;
	if (!(flags & SESSION_READ)) {
		if (db_begin(s->db, err) != 0)
			goto fail;
	} else if ((flags & SESSION_SNAPSHOT) &&
	    db_exec(s->db, "BEGIN", err) != 0)
		goto fail;
	if (flags & SESSION_NO_NETWORK)
		return 0;
	if (flags & SESSION_CREATE) {
		if (network_create(s->db, o->network, &s->net, err) != 0)
			goto fail;
	} else if (network_resolve(s->db, o->network, &s->net, err) != 0)
		goto fail;
	return 0;
fail:
	session_close(s);
	return -1;
}

int
session_apply(struct ally_session *s, char *const *files, int nfiles,
    int (*fn)(struct record *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	return records_each(files, nfiles, s->o->input, fn, arg, err);
}

int
session_result(struct ally_session *s, const struct record *r,
    struct ally_error *err)
{
	if (s->spool == NULL)
		return 0;
	spool_record(s->spool, r);
	if (ferror(s->spool))
		return ally_errorf(err, EX_IOERR, "temporary file: %s",
		    strerror(errno));
	s->nresults++;
	return 0;
}

int
session_audit(struct ally_session *s, const char *command, const char *what,
    long n, struct ally_error *err)
{
	if (s->o->dry_run)
		return 0;
	return db_audit(s->db, command, s->net.name[0] ? s->net.name : NULL,
	    what, n, err);
}

int
session_names(struct ally_session *s, int allow, const char *command,
    const char *what, struct ally_error *err)
{
	if ((s->net.names = names_load(s->db, s->net.id, allow ? NAMES_ALLOW :
	    0, err)) == NULL)
		return -1;
	s->names_command = command;
	s->names_what = what;
	return 0;
}

int
session_commit(struct ally_session *s, struct ally_error *err)
{
	char note[256];

	if (session_print(s, err) != 0 || ally_close_stdout(err) != 0)
		return -1;
	if (s->o->dry_run || (s->flags & SESSION_READ))
		db_rollback(s->db);
	else {
		if (s->net.names != NULL && names_audit(s->db, &s->net,
		    s->names_command, s->names_what, err) != 0)
			return -1;
		ally_test_crash("commit");
		if (db_commit(s->db, err) != 0)
			return -1;
		/*
		 * Stored: no write of a note from here on may end the
		 * command by SIGPIPE (stderr a closed pipe), as its status
		 * would say that nothing was.
		 */
		(void)signal(SIGPIPE, SIG_IGN);
		ally_test_crash("committed");
	}
	if (s->net.names != NULL && s->warn != NULL &&
	    *names_note(&s->net, s->o->dry_run, note, sizeof(note)) != '\0')
		s->warn("%s", note);
	return 0;
}

void
session_close(struct ally_session *s)
{
	if (s->db != NULL) {
		db_rollback(s->db);
		db_close(s->db);
		s->db = NULL;
	}
	names_free(s->net.names);
	s->net.names = NULL;
	if (s->spool != NULL) {
		fclose(s->spool);
		s->spool = NULL;
	}
	s->nresults = 0;
}

int
session_finish(struct ally_session *s, struct ally_error *err)
{
	int rc;

	rc = session_commit(s, err);
	session_close(s);
	return rc;
}

int
records_write(enum format fmt, int flags, struct record *const *v, size_t n,
    const char *const *cols, struct ally_error *err)
{
	struct writer *w;
	size_t i;

	if (n == 0)
		return 0;
	if ((w = writer_open(stdout, fmt, cols, flags, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (writer_put(w, v[i], err) != 0) {
			writer_close(w, NULL);
			return -1;
		}
	return writer_close(w, err);
}

int
session_read(const struct ally_opts *o, int flags,
    void (*warn)(const char *, ...),
    int (*fn)(struct ally_session *, void *, struct ally_error *), void *arg,
    struct ally_error *err)
{
	struct ally_session s;
	int rc;

	if (session_open(&s, o, SESSION_READ | flags, warn, err) != 0)
		return -1;
	rc = fn(&s, arg, err);
	session_close(&s);
	return rc;
}
