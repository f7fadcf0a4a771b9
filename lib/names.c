/*
 * names.c: members' real names kept out of stored free text.
 *
 * The method talks about developments, not about persons: an action's
 * title, a signal's summary, a review's note or a meeting's minutes
 * that hold a member's name would carry it into reminder mails, printed
 * reports and tooltips, where only aliases belong.  Every free text that
 * is stored passes here first: a name is refused with the alias to write
 * instead, or, when the caller lets names through, counted so that the
 * command says so.  Names are compared folded: lower case, Latin letters
 * without their accents, split into words at punctuation and blanks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "crypto.h"
#include "array.h"
#include "names.h"

#define BLOOM_BITS	4096

/* A name to look for: folded words, in order. */
struct name_pat {
	char		**w;
	size_t		  n;
	size_t		  member;
};

/* Text split into folded words, each ended by a NUL, in one buffer. */
struct words {
	char		 *buf;
	size_t		  bufsize;
	char		**w;
	size_t		  wsize;
	size_t		  n;
};

/* A pattern by its first word, for the search. */
struct name_first {
	const char	 *w;
	size_t		  pat;
};

struct names {
	int		  flags;
	char		**alias;	/* of every member with a name */
	size_t		  nm;
	struct name_pat	 *pat;
	size_t		  npat;
	struct name_first *first;	/* npat, sorted */
	/* By a first word's first byte, its length (at most 31) as a bit. */
	uint32_t	  lens[256];
	/* The first words' hashes, a bit each (see may_hold_name). */
	uint32_t	  bloom[BLOOM_BITS / 32];
	long		  let_through;
	/* Room for one check, kept from one to the next. */
	struct words	  fw;
	char		 *hit;		/* nm */
};

/* ---- folding text into words ----------------------------------------- */

/* Latin Extended-A (U+0100..U+017F) without its accents; '?' is two letters. */
static const char latin_ext_a[] =
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
    "ii??jjkkklllllll" "lllnnnnnnnnnoooo" "oo??rrrrrrssssss"
    "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
/* Latin-1 letters U+00C0..U+00FF; '?' is two letters, '.' no letter. */
static const char latin_1[] =
    "aaaaaa?ceeeeiiii" "dnooooo.ouuuuy??" "aaaaaa?ceeeeiiii"
    "dnooooo.ouuuuy?y";

/*
 * The next character of text, which was validated on its way in; should a
 * byte that is not UTF-8 come by all the same, it stands for itself.
 */
static uint32_t
utf8_next(const unsigned char **pp)
{
	unsigned int c;
	int n;

	if ((n = utf8_decode(*pp, &c)) < 0) {
		c = **pp;
		n = 1;
	}
	*pp += n;
	return c;
}

/* Punctuation, symbols and blanks separate words; letters do not. */
static int
is_separator(uint32_t c)
{
	if (c < 0x80)
		return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'));
	return (c >= 0xa0 && c <= 0xbf) || c == 0xd7 || c == 0xf7 ||
	    (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) ||
	    c == 0xfeff;
}

/*
 * Marks that show no letter of their own: combining accents (text in
 * decomposed form, as some systems write it), the soft hyphen and the
 * zero-width characters.  They are dropped, so that "O\u0308zturk" and
 * "Oz\u00adturk" are the word "ozturk" as the reader sees it.
 */
static int
is_invisible(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36f) || c == 0xad ||
	    (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xfeff;
}

static void
put_utf8(char **pp, uint32_t c)
{
	unsigned char *p = (unsigned char *)*pp;

	if (c < 0x80) {
		*p++ = c;
	} else if (c < 0x800) {
		*p++ = 0xc0 | (c >> 6);
		*p++ = 0x80 | (c & 0x3f);
	} else if (c < 0x10000) {
		*p++ = 0xe0 | (c >> 12);
		*p++ = 0x80 | ((c >> 6) & 0x3f);
		*p++ = 0x80 | (c & 0x3f);
	} else {
		*p++ = 0xf0 | (c >> 18);
		*p++ = 0x80 | ((c >> 12) & 0x3f);
		*p++ = 0x80 | ((c >> 6) & 0x3f);
		*p++ = 0x80 | (c & 0x3f);
	}
	*pp = (char *)p;
}

/*
 * One letter folded: lower case, and Latin letters without accents, so
 * that "YILDIZ", "Yildiz" and "Yıldız" are the same word.  Greek and
 * Cyrillic capitals become small letters; other scripts stay as written.
 */
static void
fold_letter(char **pp, uint32_t c)
{
	char *p = *pp;
	char b;

	if (c >= 'A' && c <= 'Z') {
		*p++ = c - 'A' + 'a';
	} else if (c < 0x80) {
		*p++ = c;
	} else if (c >= 0xc0 && c <= 0xff && latin_1[c - 0xc0] != '.') {
		b = latin_1[c - 0xc0];
		if (b != '?')
			*p++ = b;
		else if (c == 0xc6 || c == 0xe6) {
			*p++ = 'a';
			*p++ = 'e';
		} else if (c == 0xde || c == 0xfe) {
			*p++ = 't';
			*p++ = 'h';
		} else {		/* sharp s */
			*p++ = 's';
			*p++ = 's';
		}
	} else if (c >= 0x100 && c <= 0x17f) {
		b = latin_ext_a[c - 0x100];
		if (b != '?')
			*p++ = b;
		else if (c <= 0x133) {
			*p++ = 'i';
			*p++ = 'j';
		} else {
			*p++ = 'o';
			*p++ = 'e';
		}
	} else if (c >= 0x218 && c <= 0x21b) {
		*p++ = c <= 0x219 ? 's' : 't';
	} else {
		if (c >= 0x391 && c <= 0x3a9)
			c += 0x20;
		else if (c >= 0x410 && c <= 0x42f)
			c += 0x20;
		else if (c >= 0x400 && c <= 0x40f)
			c += 0x50;
		*pp = p;
		put_utf8(pp, c);
		return;
	}
	*pp = p;
}

static void
words_free(char **w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

static void
folded_free(struct words *fw)
{
	free(fw->buf);
	free(fw->w);
	memset(fw, 0, sizeof(*fw));
}

/* ASCII folded: letters small, digits as they are, the rest 0 (separates). */
static const char ascii_fold[128] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e',
	['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
	['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o',
	['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
	['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
	['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e',
	['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j',
	['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o',
	['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
	['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
	['z'] = 'z'
};

/* A folded word's hash, byte by byte (FNV-1a). */
#define WORD_HASH_INIT	2166136261u
#define word_hash_step(h, c)	(((h) ^ (unsigned char)(c)) * 16777619u)

static void
bloom_add(uint32_t *bloom, const char *w)
{
	uint32_t h = WORD_HASH_INIT;

	for (; *w != '\0'; w++)
		h = word_hash_step(h, *w);
	bloom[(h >> 5) % (BLOOM_BITS / 32)] |= (uint32_t)1 << (h & 31);
}

/*
 * Might the text hold a name?  Most stored texts hold none, and most of
 * those are plain ASCII: their words are hashed as they stand (folded
 * by the table, nothing written) and looked up among the first words of
 * the names.  Only a word that may begin a name, or a byte beyond ASCII
 * (an accent, another script, an invisible mark), sends the text the
 * whole way through fold_words and the search.
 */
static int
may_hold_name(const struct names *nx, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	uint32_t h;
	char f;

	while (*p != '\0') {
		if (*p >= 0x80)
			return 1;
		if (ascii_fold[*p] == '\0') {
			p++;
			continue;
		}
		h = WORD_HASH_INIT;
		while (*p < 0x80 && (f = ascii_fold[*p]) != '\0') {
			h = word_hash_step(h, f);
			p++;
		}
		if (*p >= 0x80 || (nx->bloom[(h >> 5) % (BLOOM_BITS / 32)] &
		    ((uint32_t)1 << (h & 31))))
			return 1;
	}
	return 0;
}

/*
 * Split text into folded words, in the space fw has from before when
 * it suffices: an ingest checks every summary with the same.  Returns
 * -1 when out of memory.
 */
static int
fold_words(const char *s, struct words *fw)
{
	const unsigned char *p = (const unsigned char *)s, *q;
	size_t len = strlen(s);
	char *b, **w;
	uint32_t c;

	/*
	 * A folded letter takes at most as many bytes as its source, but
	 * a stray byte that is no UTF-8 may take two; a word's NUL one
	 * more, and every word but the last takes two bytes of text at
	 * least, with the separator after it.
	 */
	fw->n = 0;
	if (fw->bufsize < len * 3 + 8) {
		if ((b = realloc(fw->buf, len * 3 + 8)) == NULL)
			return -1;
		fw->buf = b;
		fw->bufsize = len * 3 + 8;
	}
	if (fw->wsize < len / 2 + 2) {
		if ((w = reallocarray(fw->w, len / 2 + 2, sizeof(*w))) == NULL)
			return -1;
		fw->w = w;
		fw->wsize = len / 2 + 2;
	}
	b = fw->buf;
	while (*p) {
		if (*p < 0x80) {
			if (ascii_fold[*p] == '\0') {
				p++;
				continue;
			}
		} else {
			q = p;
			c = utf8_next(&p);
			if (is_separator(c) || is_invisible(c))
				continue;
			p = q;
		}
		fw->w[fw->n++] = b;
		while (*p) {
			if (*p < 0x80) {	/* the most of most text */
				if ((*b = ascii_fold[*p]) == '\0')
					break;
				b++;
				p++;
				continue;
			}
			q = p;
			c = utf8_next(&p);
			if (is_invisible(c))
				continue;
			if (is_separator(c)) {
				p = q;
				break;
			}
			fold_letter(&b, c);
		}
		*b++ = '\0';
	}
	return 0;
}

static int
add_pattern(struct names *nx, char **w, size_t n, size_t member)
{
	struct name_pat *np;
	size_t i;

	if ((np = reallocarray(nx->pat, nx->npat + 1, sizeof(*np))) == NULL)
		return -1;
	nx->pat = np;
	np = &nx->pat[nx->npat];
	if ((np->w = calloc(n, sizeof(char *))) == NULL)
		return -1;
	np->n = n;
	np->member = member;
	nx->npat++;
	for (i = 0; i < n; i++)
		if ((np->w[i] = strdup(w[i])) == NULL)
			return -1;
	return 0;
}

/*
 * A member's name is looked for whole, and as the family name: all but
 * the first word, with its particles ("van Oosten", "el Idrissi"), so
 * that a surname alone is caught while the bare core ("Oosten", which
 * is also a word) and the given name (shared by many) are not.
 */
static int
add_name(struct names *nx, const char *name, size_t member)
{
	struct words fw;
	int rc = 0;

	memset(&fw, 0, sizeof(fw));
	if (fold_words(name, &fw) != 0) {
		folded_free(&fw);
		return -1;
	}
	if (fw.n > 0)
		rc = add_pattern(nx, fw.w, fw.n, member);
	if (rc == 0 && fw.n > 1)
		rc = add_pattern(nx, fw.w + 1, fw.n - 1, member);
	folded_free(&fw);
	return rc;
}

static int
cmp_first(const void *a, const void *b)
{
	const struct name_first *x = a, *y = b;
	int c = strcmp(x->w, y->w);

	if (c != 0)
		return c;
	return x->pat < y->pat ? -1 : x->pat > y->pat;
}

static uint32_t
len_bit(const char *w)
{
	size_t n = strlen(w);

	return (uint32_t)1 << (n < 31 ? n : 31);
}

/* The patterns by their first word, each word's in pattern order. */
static int
index_first(struct names *nx)
{
	size_t k;

	if (nx->npat == 0)
		return 0;
	if ((nx->first = reallocarray(NULL, nx->npat,
	    sizeof(*nx->first))) == NULL)
		return -1;
	for (k = 0; k < nx->npat; k++) {
		nx->first[k].w = nx->pat[k].w[0];
		nx->first[k].pat = k;
		nx->lens[(unsigned char)nx->first[k].w[0]] |=
		    len_bit(nx->first[k].w);
		bloom_add(nx->bloom, nx->first[k].w);
	}
	qsort(nx->first, nx->npat, sizeof(*nx->first), cmp_first);
	return 0;
}

/* The first entry of nx->first whose word is not below w. */
static size_t
first_at(const struct names *nx, const char *w)
{
	size_t lo = 0, hi = nx->npat, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(nx->first[mid].w, w) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The members whose names the text holds: hit[i] set for each, the
 * first found in *first (of two at one word, the first member's).
 * Returns how many, or -1 when out of memory.
 */
static long
find_names(struct names *nx, const char *text, char *hit, long *first)
{
	struct words *fw = &nx->fw;
	const struct name_pat *p;
	size_t i, j, e;
	long count = 0;

	*first = -1;
	if (nx->npat == 0 || text == NULL || !may_hold_name(nx, text))
		return 0;
	if (fold_words(text, fw) != 0)
		return -1;
	memset(hit, 0, nx->nm);
	for (i = 0; i < fw->n; i++) {
		/* Most words begin no name: two looks say so. */
		if (!(nx->lens[(unsigned char)fw->w[i][0]] &
		    len_bit(fw->w[i])))
			continue;
		for (e = first_at(nx, fw->w[i]); e < nx->npat &&
		    strcmp(nx->first[e].w, fw->w[i]) == 0; e++) {
			p = &nx->pat[nx->first[e].pat];
			if (p->n > fw->n - i || hit[p->member])
				continue;
			for (j = 1; j < p->n; j++)
				if (strcmp(fw->w[i + j], p->w[j]) != 0)
					break;
			if (j < p->n)
				continue;
			hit[p->member] = 1;
			if (count++ == 0)
				*first = (long)p->member;
		}
	}
	return count;
}

/* ---- the index ------------------------------------------------------- */

/*
 * The members in the order the minutes list them (allies first, A02
 * before A10), so that of two names in one place the same one is said
 * first.
 */
struct names *
names_load(sqlite3 *db, long long network, int flags, struct ally_error *err)
{
	static const char sql[] = "SELECT t.alias, "
	    CRYPTO_PLAIN("t", "person", "name") " FROM person t "
	    "WHERE t.network_id = ? AND t.name IS NOT NULL "
	    "ORDER BY role <> 'ally', length(alias), alias";
	struct names *nx;
	sqlite3_stmt *st;
	char **a;
	size_t cap = 0;
	int rc;

	if ((nx = calloc(1, sizeof(*nx))) == NULL) {
		ally_errorf(err, EX_OSERR, "out of memory");
		return NULL;
	}
	nx->flags = flags;
	if (db_prepare(db, sql, &st, err) != 0) {
		names_free(nx);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, network);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((a = array_grow(nx->alias, nx->nm, &cap,
		    sizeof(*a))) == NULL)
			goto oom;
		nx->alias = a;
		if ((nx->alias[nx->nm] = strdup((const char *)
		    sqlite3_column_text(st, 0))) == NULL)
			goto oom;
		nx->nm++;
		if (add_name(nx, (const char *)sqlite3_column_text(st, 1),
		    nx->nm - 1) != 0)
			goto oom;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_error(db, rc, err, "person");
		names_free(nx);
		return NULL;
	}
	if (index_first(nx) != 0 || (nx->nm > 0 &&
	    (nx->hit = malloc(nx->nm)) == NULL)) {
		names_free(nx);
		ally_errorf(err, EX_OSERR, "out of memory");
		return NULL;
	}
	return nx;
oom:
	sqlite3_finalize(st);
	names_free(nx);
	ally_errorf(err, EX_OSERR, "out of memory");
	return NULL;
}

void
names_free(struct names *nx)
{
	size_t i;

	if (nx == NULL)
		return;
	for (i = 0; i < nx->nm; i++)
		free(nx->alias[i]);
	free(nx->alias);
	for (i = 0; i < nx->npat; i++)
		words_free(nx->pat[i].w, nx->pat[i].n);
	free(nx->pat);
	free(nx->first);
	folded_free(&nx->fw);
	free(nx->hit);
	free(nx);
}

long
names_let_through(const struct names *nx)
{
	return nx != NULL ? nx->let_through : 0;
}

/* ---- the check -------------------------------------------------------- */

/* Is the alias a word of the blank-separated list? */
static int
alias_listed(const char *list, const char *alias)
{
	size_t n = strlen(alias);
	const char *p;

	for (p = list; (p = strstr(p, alias)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' ||
		    p[n] == ' '))
			return 1;
	return 0;
}

static int
refuse(const struct names *nx, const struct record *r, const char *field,
    const char *alias, struct ally_error *err)
{
	if (nx->flags & NAMES_MINUTES)
		return ally_error_at(err, EX_DATAERR, r->file,
		    record_line(r, field), field,
		    /* TRANSLATORS: both %s are the member's alias. */
		    "holds the name of member "
		    "%s; minutes are about developments, not persons: write "
		    "%s instead (or record with --allow-names)", alias, alias);
	return ally_error_at(err, EX_DATAERR, r->file, record_line(r, field),
	    field,
	    /* TRANSLATORS: both %s are the member's alias. */
	    "holds the name of member %s; ally records developments, not "
	    "persons: write %s instead (or record with --allow-names)", alias,
	    alias);
}

static int
check(struct names *nx, const struct record *r, const char *field,
    const char *text, char *list, size_t size, int count_them,
    struct ally_error *err)
{
	const char *alias;
	char *hit = nx->hit;
	long first, count;
	size_t i, n;

	if (nx->nm == 0 || text == NULL)
		return 0;
	if ((count = find_names(nx, text, hit, &first)) <= 0)
		return count == 0 ? 0 : ally_errorf(err, EX_OSERR,
		    "out of memory");
	if (!(nx->flags & NAMES_ALLOW))
		return refuse(nx, r, field, nx->alias[first], err);
	if (count_them)
		nx->let_through += count;
	for (i = 0; list != NULL && i < nx->nm; i++) {
		alias = nx->alias[i];
		n = strlen(list);
		if (hit[i] && !alias_listed(list, alias) &&
		    n + strlen(alias) + 2 < size)
			snprintf(list + n, size - n, "%s%s", n ? " " : "",
			    alias);
	}
	return 0;
}

int
names_check_in(struct names *nx, const struct record *r, const char *field,
    char *list, size_t size, int count_them, struct ally_error *err)
{
	return check(nx, r, field, record_get(r, field), list, size,
	    count_them, err);
}

int
names_check(sqlite3 *db, const struct network *net, const struct record *r,
    const char *field, struct ally_error *err)
{
	const char *text = record_get(r, field);
	struct names *nx;
	int rc;

	if (text == NULL)
		return 0;
	if (net->names != NULL)
		return check(net->names, r, field, text, NULL, 0, 1, err);
	if ((nx = names_load(db, net->id, 0, err)) == NULL)
		return -1;
	rc = check(nx, r, field, text, NULL, 0, 1, err);
	names_free(nx);
	return rc;
}

/* ---- what the command says -------------------------------------------- */

int
names_audit(sqlite3 *db, const struct network *net, const char *command,
    const char *what, struct ally_error *err)
{
	char cmd[64];
	long n = names_let_through(net->names);

	if (n == 0)
		return 0;
	snprintf(cmd, sizeof(cmd), "%s --allow-names", command);
	return db_audit(db, cmd, net->name, what, n, err);
}

const char *
names_note(const struct network *net, int dry_run, char *buf, size_t size)
{
	long n = names_let_through(net->names);

	if (n == 0)
		snprintf(buf, size, "%s", "");
	else if (dry_run)
		/* TRANSLATORS: -N, a dry run: nothing was written. */
		snprintf(buf, size, ngettext("%ld member name let through "
		    "(--allow-names)", "%ld member names let through "
		    "(--allow-names)", n), n);
	else
		snprintf(buf, size, ngettext("%ld member name let through "
		    "(--allow-names); the audit log says so", "%ld member "
		    "names let through (--allow-names); the audit log says so",
		    n), n);
	return buf;
}
