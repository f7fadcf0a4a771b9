/*
 * gen.c: synthetic data at national scale for the benchmarks.
 *
 *	gen db [-N networks] [-m allies] [-y years] [-M meetings] [-t themes]
 *	    [-a actions] [-e end] [-s seed] db
 *	gen signals [-c count] [-f csv|yaml] [-m allies] [-y years] [-e end]
 *	    [-s seed]
 *
 * "gen db" fills a database that "ally-add --create" made, so that the
 * schema is the tools' own: networks, their members (allies, two police
 * officers, two municipal staff), venues, and per year the meetings with
 * attendance, the themes discussed (signals) and the actions agreed.
 * Networks are named net-0001 ...; one that exists already is filled,
 * not made again.  "gen signals" writes signal records (RECORDS.md
 * theme/signal) from the allies A01 ... of one network, to be ingested.
 *
 * Everything is drawn from a seeded generator, so a scale gives the same
 * data on every run and every machine.  Every person is invented.
 */
#include <err.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ally.h"

struct scale {
	int	 networks;
	int	 allies;	/* per network, at most ALLY_MAX_ALLIES */
	int	 years;
	int	 meetings;	/* per year */
	int	 themes;	/* per meeting, of the seven */
	int	 actions;	/* per meeting */
	long	 count;		/* signals: records to write */
	day_t	 end;		/* the last day of the data */
	uint64_t seed;
};

static uint64_t rng_state;

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t
rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in 0 .. n-1. */
static int
pick(int n)
{
	return (int)(rng() % (uint64_t)n);
}

/* True with a chance of pct in 100. */
static int
chance(int pct)
{
	return pick(100) < pct;
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const first_names[] = { "Fatima", "Joost", "Zoë",
    "Mohamed", "Anneke", "Kees", "Samira", "Jan", "Ayşe", "Pieter",
    "Noura", "Hendrik", "Esther", "Youssef", "Marieke", "Emre", "Ingrid",
    "Abdel", "Sanne", "Dewi", "Ruben", "Naima", "Bram", "Lotte" };
static const char *const last_names[] = { "de Vries", "Jansen", "Bakker",
    "el Idrissi", "Visser", "Smit", "Yilmaz", "Meijer", "de Boer",
    "Mulder", "Bouzid", "de Groot", "Bos", "Vos", "Kaya", "Peters",
    "Hendriks", "van Leeuwen", "Dekker", "Brouwer" };
static const char *const sectors[] = { "faith", "sport", "youth",
    "education", "business", "culture", "neighbourhood", "care", "women",
    "elderly", "other" };
static const char *const communities[] = { "mosque board", "football club",
    "youth centre", "secondary school", "shopkeepers' association",
    "theatre group", "neighbourhood association", "home care team",
    "women's group", "senior citizens' club", "parish council",
    "Surinamese association", "Turkish cultural centre",
    "Eritrean community", "student union" };
static const char *const age_bands[] = { "<25", "25-39", "40-54", "55-69",
    "70+" };
static const char *const genders[] = { "f", "m", "x" };
static const char *const backgrounds[] = { "Dutch", "Moroccan-Dutch",
    "Turkish-Dutch", "Surinamese-Dutch", "Antillean-Dutch", "Eritrean",
    "Syrian", "Polish" };
static const char *const religions[] = { "islam", "christianity",
    "none", "judaism", "hinduism" };
static const char *const themes[] = { "radicalisation", "polarisation",
    "nuisance", "poverty", "youth", "safety", "trust" };
static const char *const trends[] = { "rising", "steady", "falling" };
static const char *const bases[] = { "evidenced", "experienced",
    "potential" };
static const char *const summaries[] = {
	"groups of youths gather near the station after dark",
	"tension in the neighbourhood after an incident at the market",
	"posts online call for a protest, mostly from outside the town",
	"food bank reports more families, some ashamed to come",
	"parents worried about recruitment on social media",
	"calm: the open day at the mosque was well attended",
	"residents feel the police do not listen, trust is low",
	"graffiti with a hateful text on the community centre",
	"quarrel between two families has split the street",
	"new asylum centre planned, information evening turned heated",
	"school reports pupils sharing extremist videos",
	"shopkeepers complain of nuisance, thefts and threats",
	"youth worker left; the club house is closed evenings",
	"rumours after a police stop, the video circulates",
	"debts and energy bills weigh on the elderly, loneliness up",
	"a vigil brought the communities together, a good sign",
};
static const char *const action_titles[] = {
	"invite the youth worker to the next meeting",
	"visit the mosque board with the police chief",
	"organise an information evening on the asylum centre",
	"call round the allies about the rumours",
	"ask the housing association about the empty shop",
	"bring the food bank and the social team together",
	"check the lighting at the station square",
	"write to the school about the videos",
	"arrange a meal with the neighbourhood association",
	"follow up the complaint about the stop with the district chief",
	"map the online groups with the municipality's analyst",
	"plan a street party with the residents",
};
static const char *const parties[] = { "police", "municipality", "ally",
    "joint" };
static const char *const hosts[] = { "police", "municipality", "ally",
    "other" };
static const char *const venues[] = { "community centre De Brug",
    "police station, canteen", "town hall, room 3", "restaurant Het Anker",
    "mosque Al-Fath, guest room", "church hall St. Jan" };

static void
usage(void)
{
	fprintf(stderr,
	    "usage: gen db [-N networks] [-m allies] [-y years] [-M meetings] "
	    "[-t themes] [-a actions] [-e end] [-s seed] db\n"
	    "       gen signals [-c count] [-f csv|yaml] [-m allies] "
	    "[-y years] [-e end] [-s seed]\n");
	exit(EX_USAGE);
}

/* ---- the database ------------------------------------------------------ */

struct stmts {
	sqlite3_stmt	*network, *network_id, *person, *venue, *meeting,
			*attendance, *signal, *action;
};

static sqlite3_stmt *
prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		errx(EX_SOFTWARE, "%s: %s", sql, sqlite3_errmsg(db));
	return st;
}

static void
step(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		errx(EX_SOFTWARE, "%s: %s", sqlite3_sql(st),
		    sqlite3_errmsg(db));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static void
exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		errx(EX_SOFTWARE, "%s: %s", sql, sqlite3_errmsg(db));
}

static void
bind_date(sqlite3_stmt *st, int i, day_t d)
{
	char buf[11];

	date_format(d, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

static void
prepare_all(sqlite3 *db, struct stmts *s)
{
	s->network = prepare(db, "INSERT OR IGNORE INTO network (name, "
	    "created) VALUES (?, ?)");
	s->network_id = prepare(db, "SELECT id FROM network WHERE name = ?");
	s->person = prepare(db, "INSERT INTO person (network_id, alias, name, "
	    "phone, email, role, function, community, sector, age_band, "
	    "gender, background, religion, status, status_since, intake, "
	    "vetted, joined, contact_consent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
	s->venue = prepare(db, "INSERT INTO venue (network_id, name, host, "
	    "address) VALUES (?, ?, ?, ?)");
	s->meeting = prepare(db, "INSERT INTO meeting (network_id, date, "
	    "time, location, host, chair_id, meal, status, sequence, uid, "
	    "created, updated) VALUES (?1, ?2, '18:00', ?3, ?4, ?5, 1, "
	    "'held', ?6, ?7, ?8, ?8)");
	s->attendance = prepare(db, "INSERT INTO attendance (meeting_id, "
	    "person_id, presence) VALUES (?, ?, ?)");
	s->signal = prepare(db, "INSERT INTO signal (network_id, meeting_id, "
	    "date, theme, tension, trend, basis, summary) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8)");
	s->action = prepare(db, "INSERT INTO action (network_id, meeting_id, "
	    "title, party, owner_id, due, status, closed, created) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
}

static void
finalize_all(struct stmts *s)
{
	sqlite3_finalize(s->network);
	sqlite3_finalize(s->network_id);
	sqlite3_finalize(s->person);
	sqlite3_finalize(s->venue);
	sqlite3_finalize(s->meeting);
	sqlite3_finalize(s->attendance);
	sqlite3_finalize(s->signal);
	sqlite3_finalize(s->action);
}

struct member {
	long long	id;
	int		presence;	/* chance of coming, in 100 */
	day_t		joined;
};

/* One person: an ally A01..., police P01... or municipality M01... */
static long long
add_person(sqlite3 *db, struct stmts *s, long long net, const char *role,
    const char *alias, day_t joined)
{
	sqlite3_stmt *st = s->person;
	char name[96], phone[16], email[96];
	const char *first, *last;
	int ally = strcmp(role, "ally") == 0;

	first = first_names[pick(NELEM(first_names))];
	last = last_names[pick(NELEM(last_names))];
	snprintf(name, sizeof(name), "%s %s", first, last);
	snprintf(phone, sizeof(phone), "+316%08d", pick(100000000));
	snprintf(email, sizeof(email), "%c.%s%lld@example.org", first[0],
	    alias, net);
	sqlite3_bind_int64(st, 1, net);
	sqlite3_bind_text(st, 2, alias, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, email, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, role, -1, SQLITE_STATIC);
	if (!ally)
		sqlite3_bind_text(st, 7, strcmp(role, "police") == 0 ?
		    "community officer" : "OOV advisor", -1, SQLITE_STATIC);
	else {
		sqlite3_bind_text(st, 8, communities[pick(NELEM(communities))],
		    -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, sectors[pick(NELEM(sectors))], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 10, age_bands[pick(NELEM(age_bands))],
		    -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, genders[pick(NELEM(genders))], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 12, backgrounds[pick(NELEM(backgrounds))],
		    -1, SQLITE_STATIC);
		if (chance(70))
			sqlite3_bind_text(st, 13,
			    religions[pick(NELEM(religions))], -1,
			    SQLITE_STATIC);
		bind_date(st, 16, joined - 30 - pick(20));
		bind_date(st, 17, joined - 10 - pick(10));
	}
	sqlite3_bind_text(st, 14, "active", -1, SQLITE_STATIC);
	bind_date(st, 15, joined);
	bind_date(st, 18, joined);
	sqlite3_bind_int(st, 19, chance(80));
	step(db, st);
	return sqlite3_last_insert_rowid(db);
}

static long long
add_network(sqlite3 *db, struct stmts *s, int i, day_t created)
{
	char name[32];
	long long id;

	snprintf(name, sizeof(name), "net-%04d", i);
	sqlite3_bind_text(s->network, 1, name, -1, SQLITE_TRANSIENT);
	bind_date(s->network, 2, created);
	step(db, s->network);
	sqlite3_bind_text(s->network_id, 1, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s->network_id) != SQLITE_ROW)
		errx(EX_SOFTWARE, "network %s: %s", name, sqlite3_errmsg(db));
	id = sqlite3_column_int64(s->network_id, 0);
	sqlite3_reset(s->network_id);
	return id;
}

/* The weekday nearest d that is a Tuesday, Wednesday or Thursday. */
static day_t
meeting_day(day_t d)
{
	int wd = date_weekday(d);

	if (wd == 1 || wd == 5)
		return d + (wd == 1 ? 1 : -1);
	if (wd == 0 || wd == 6)
		return d + (wd == 0 ? 2 : -2);
	return d;
}

static void
add_meeting(sqlite3 *db, struct stmts *s, long long net, day_t date,
    struct member *m, int nm, int level[], const struct scale *sc)
{
	static long long uid;
	char buf[64];
	const char *presence;
	long long mid;
	int i, t, k, lv, delta, status;
	day_t due;

	sqlite3_bind_int64(s->meeting, 1, net);
	bind_date(s->meeting, 2, date);
	sqlite3_bind_text(s->meeting, 3, venues[pick(NELEM(venues))], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s->meeting, 4, hosts[pick(NELEM(hosts))], -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(s->meeting, 5, m[pick(nm)].id);
	sqlite3_bind_int(s->meeting, 6, pick(3));
	snprintf(buf, sizeof(buf), "%016llx%016llx@ally",
	    (unsigned long long)rng(), (unsigned long long)++uid);
	sqlite3_bind_text(s->meeting, 7, buf, -1, SQLITE_TRANSIENT);
	date_format(date - 21, buf);
	memcpy(buf + 10, "T12:00:00Z", 11);
	sqlite3_bind_text(s->meeting, 8, buf, -1, SQLITE_TRANSIENT);
	step(db, s->meeting);
	mid = sqlite3_last_insert_rowid(db);

	for (i = 0; i < nm; i++) {
		if (m[i].joined > date)
			continue;
		k = pick(100);
		presence = k < m[i].presence ? "present" :
		    k < m[i].presence + (100 - m[i].presence) * 3 / 4 ?
		    "excused" : "absent";
		sqlite3_bind_int64(s->attendance, 1, mid);
		sqlite3_bind_int64(s->attendance, 2, m[i].id);
		sqlite3_bind_text(s->attendance, 3, presence, -1,
		    SQLITE_STATIC);
		step(db, s->attendance);
	}

	/* Six of the seven themes, each a slow random walk per network. */
	k = pick(NELEM(themes));
	for (i = 0; i < sc->themes && i < (int)NELEM(themes); i++) {
		t = (k + i) % NELEM(themes);
		delta = pick(10) < 2 ? 1 : pick(10) < 3 ? -1 : 0;
		lv = level[t] + delta;
		if (lv < 0 || lv > 4 || (lv == 4 && chance(50)))
			lv = level[t], delta = 0;
		level[t] = lv;
		sqlite3_bind_int64(s->signal, 1, net);
		sqlite3_bind_int64(s->signal, 2, mid);
		bind_date(s->signal, 3, date);
		sqlite3_bind_text(s->signal, 4, themes[t], -1, SQLITE_STATIC);
		sqlite3_bind_int(s->signal, 5, lv);
		sqlite3_bind_text(s->signal, 6, trends[1 - delta], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(s->signal, 7, bases[pick(NELEM(bases))], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(s->signal, 8,
		    summaries[pick(NELEM(summaries))], -1, SQLITE_STATIC);
		step(db, s->signal);
	}

	for (i = 0; i < sc->actions; i++) {
		due = date + 14 + pick(80);
		status = due > sc->end ? 0 : pick(10) < 8 ? 1 : pick(2) ? 2 : 0;
		sqlite3_bind_int64(s->action, 1, net);
		sqlite3_bind_int64(s->action, 2, mid);
		sqlite3_bind_text(s->action, 3,
		    action_titles[pick(NELEM(action_titles))], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(s->action, 4, parties[pick(NELEM(parties))],
		    -1, SQLITE_STATIC);
		sqlite3_bind_int64(s->action, 5, m[pick(nm)].id);
		bind_date(s->action, 6, due);
		sqlite3_bind_text(s->action, 7, status == 1 ? "done" :
		    status == 2 ? "dropped" : "open", -1, SQLITE_STATIC);
		if (status != 0)
			bind_date(s->action, 8, due - 10 + pick(20) > sc->end ?
			    sc->end : due - 10 + pick(20));
		bind_date(s->action, 9, date);
		step(db, s->action);
	}
}

static void
fill_network(sqlite3 *db, struct stmts *s, int i, const struct scale *sc)
{
	struct member m[ALLY_MAX_ALLIES + 4];
	char alias[16], addr[64];
	int level[NELEM(themes)];
	day_t start, date;
	long long net;
	int nm = 0, a, y, k;

	date_to_ymd(sc->end, &y, &a, &k);
	start = date_from_ymd(y - sc->years + 1, 1, 1);
	net = add_network(db, s, i, start - 60);
	for (a = 1; a <= sc->allies; a++) {
		snprintf(alias, sizeof(alias), "A%02d", a);
		/* Most joined at the start; some replaced a member later. */
		date = chance(80) ? start - 30 : start + pick(sc->years * 365);
		m[nm].joined = date;
		m[nm].presence = 55 + pick(40);
		m[nm++].id = add_person(db, s, net, "ally", alias, date);
	}
	for (a = 1; a <= 2; a++) {
		snprintf(alias, sizeof(alias), "P%02d", a);
		m[nm].joined = start - 30;
		m[nm].presence = 80 + pick(15);
		m[nm++].id = add_person(db, s, net, "police", alias,
		    start - 30);
		snprintf(alias, sizeof(alias), "M%02d", a);
		m[nm].joined = start - 30;
		m[nm].presence = 80 + pick(15);
		m[nm++].id = add_person(db, s, net, "municipality", alias,
		    start - 30);
	}
	for (a = 0; a < 3; a++) {
		sqlite3_bind_int64(s->venue, 1, net);
		sqlite3_bind_text(s->venue, 2, venues[(i + a) % NELEM(venues)],
		    -1, SQLITE_STATIC);
		sqlite3_bind_text(s->venue, 3, hosts[a], -1, SQLITE_STATIC);
		snprintf(addr, sizeof(addr), "Marktstraat %d", 1 + pick(200));
		sqlite3_bind_text(s->venue, 4, addr, -1, SQLITE_TRANSIENT);
		step(db, s->venue);
	}
	for (k = 0; k < (int)NELEM(themes); k++)
		level[k] = pick(10) < 6 ? 0 : 1 + pick(2);
	for (y = 0; y < sc->years; y++)
		for (k = 0; k < sc->meetings; k++) {
			date = meeting_day(start + y * 365 +
			    k * (365 / sc->meetings) + pick(20));
			if (date > sc->end)
				continue;
			add_meeting(db, s, net, date, m, nm, level, sc);
		}
}

static int
gen_db(const char *path, const struct scale *sc)
{
	struct stmts s;
	sqlite3 *db;
	int i;

	if (access(path, R_OK | W_OK) != 0)
		err(EX_NOINPUT, "%s (make it with ally-add --create -n "
		    "net-0001)", path);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		errx(EX_NOINPUT, "%s: %s", path, sqlite3_errmsg(db));
	/* Speed over safety: the file is thrown away if this fails. */
	exec(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; "
	    "BEGIN IMMEDIATE");
	prepare_all(db, &s);
	for (i = 1; i <= sc->networks; i++)
		fill_network(db, &s, i, sc);
	finalize_all(&s);
	exec(db, "COMMIT; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)");
	if (sqlite3_close(db) != SQLITE_OK)
		errx(EX_SOFTWARE, "%s: close failed", path);
	return 0;
}

/* ---- signal records ----------------------------------------------------- */

/* A value as CSV (quoted when it must be) or as a YAML scalar. */
static void
put_value(FILE *fp, int yaml, const char *s)
{
	const char *p;
	char q = yaml ? '\'' : '"';

	if (strpbrk(s, yaml ? ":#'\"," : ",\"") == NULL) {
		fputs(s, fp);
		return;
	}
	putc(q, fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == q)
			putc(q, fp);
		putc(*p, fp);
	}
	putc(q, fp);
}

static void
put_signal(FILE *fp, int yaml, day_t date, const char *theme, int tension,
    const char *trend, const char *basis, const char *source,
    const char *summary)
{
	char d[11];

	date_format(date, d);
	if (yaml)
		fprintf(fp, "- date: %s\n  theme: %s\n  tension: %d\n"
		    "  trend: %s\n  basis: %s\n  source: %s\n  summary: ",
		    d, theme, tension, trend, basis, source);
	else
		fprintf(fp, "%s,%s,%d,%s,%s,%s,", d, theme, tension, trend,
		    basis, source);
	put_value(fp, yaml, summary);
	putc('\n', fp);
}

/*
 * A call round's reports over the years, in date order: each ally now
 * and then on one theme, the level a random walk per theme.  Some
 * summaries carry a comma or a colon, so that quoting is exercised.
 */
static int
gen_signals(int yaml, const struct scale *sc)
{
	int level[NELEM(themes)], t, delta, lv, y, mo, dd;
	char source[16], summary[160];
	day_t start, span, date;
	long i;

	date_to_ymd(sc->end, &y, &mo, &dd);
	start = date_from_ymd(y - sc->years + 1, 1, 1);
	span = sc->end - start + 1;
	for (t = 0; t < (int)NELEM(themes); t++)
		level[t] = pick(3);
	if (!yaml)
		puts("date,theme,tension,trend,basis,source,summary");
	for (i = 0; i < sc->count; i++) {
		date = start + (day_t)((double)i * span / sc->count);
		t = pick(NELEM(themes));
		delta = pick(10) < 2 ? 1 : pick(10) < 3 ? -1 : 0;
		lv = level[t] + delta;
		if (lv < 0 || lv > 4)
			lv = level[t], delta = 0;
		level[t] = lv;
		snprintf(source, sizeof(source), "A%02d", 1 + pick(sc->allies));
		if (chance(20))
			snprintf(summary, sizeof(summary), "%s, says %s",
			    summaries[pick(NELEM(summaries))], source);
		else
			snprintf(summary, sizeof(summary), "%s",
			    summaries[pick(NELEM(summaries))]);
		put_signal(stdout, yaml, date, themes[t], lv, trends[1 - delta],
		    bases[pick(NELEM(bases))], source, summary);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		err(EX_IOERR, "stdout");
	return 0;
}

static int
number(const char *s, long lo, long hi)
{
	long long v;

	if (parse_int(s, lo, hi, &v) != 0)
		errx(EX_USAGE, "%s: not a number from %ld to %ld", s, lo, hi);
	return (int)v;
}

int
main(int argc, char *argv[])
{
	struct scale sc = { 1000, 15, 10, 6, 6, 3, 100000, 0, 1 };
	const char *mode;
	int c, yaml = 0;

	if (argc < 2)
		usage();
	mode = argv[1];
	argv++, argc--;
	sc.end = date_from_ymd(2026, 12, 31);
	while ((c = getopt(argc, argv, "a:c:e:f:m:M:N:s:t:y:")) != -1) {
		switch (c) {
		case 'a':
			sc.actions = number(optarg, 0, 20);
			break;
		case 'c':
			sc.count = number(optarg, 1, 100000000);
			break;
		case 'e':
			if (date_parse(optarg, &sc.end) != 0)
				errx(EX_USAGE, "%s: not a date", optarg);
			break;
		case 'f':
			if (strcmp(optarg, "yaml") != 0 &&
			    strcmp(optarg, "csv") != 0)
				usage();
			yaml = strcmp(optarg, "yaml") == 0;
			break;
		case 'm':
			sc.allies = number(optarg, 1, ALLY_MAX_ALLIES);
			break;
		case 'M':
			sc.meetings = number(optarg, 1, 12);
			break;
		case 'N':
			sc.networks = number(optarg, 1, 9999);
			break;
		case 's':
			sc.seed = (uint64_t)number(optarg, 0, 1000000000);
			break;
		case 't':
			sc.themes = number(optarg, 0, NELEM(themes));
			break;
		case 'y':
			sc.years = number(optarg, 1, 50);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	rng_state = sc.seed;
	if (strcmp(mode, "db") == 0 && argc == 1)
		return gen_db(argv[0], &sc);
	if (strcmp(mode, "signals") == 0 && argc == 0)
		return gen_signals(yaml, &sc);
	usage();
	return EX_USAGE;
}
