/*
 * tension.h: tension signals (tension.c): storing them, and the readings,
 * periods and alerts of the reports over them.
 */
#ifndef ALLY_TENSION_H
#define ALLY_TENSION_H

#include "core.h"

/* ---- tension.c: tension signals (implemented with report-sentiment) --- */

/*
 * Store one signal record (RECORDS.md theme/signal) in the open
 * transaction.  A non-zero meeting id makes it a theme of that meeting
 * (source meeting:ID); else the record's source is a member's alias.
 */
int	 signal_apply(sqlite3 *, const struct network *,
	    const struct record *, long long, day_t, long long *,
	    struct ally_error *);
/*
 * Right after signal_apply of a record with an id: 1 when it changed the
 * stored signal, 0 when the record was the signal as stored.
 */
int	 signal_changed(sqlite3 *);
/* Drop the themes of a meeting whose minutes are replaced. */
int	 signal_drop_meeting(sqlite3 *, long long, struct ally_error *);

/* ---- tension.c: readings, periods and alerts (report-sentiment) ------ */

/* A theme: one lower-case word (a-z and -, at most 32); 0 when valid. */
int	 signal_valid_theme(const char *);
/* A level 0..4, or its word (calm .. unrest); 0 when valid. */
int	 signal_parse_tension(const char *, int *);

/*
 * One signal as stored, or one reading: a theme's signals of one day in
 * one network, at the day's highest level (one ally's warning is not
 * averaged away).  Strings are owned by the set.
 */
struct signal_reading {
	long long	 id;
	int		 net;		/* index into signal_set.nets */
	day_t		 date;
	const char	*theme;
	int		 tension;
	int		 count;		/* signals in this reading */
	const char	*trend, *basis, *source, *summary;
	int		 prev;		/* previous reading's level; -1 none */
	unsigned	 alerts;	/* SIGNAL_ALERT_* that fire here */
	int		 time;		/* minute of the day; -1: not given */
	int		 age;		/* a window's: minutes since its warning */
	int		 sources;	/* a window's: sources heard in it */
};

#define SIGNAL_ALERT_LEVEL	0x01	/* level >= rules.level */
#define SIGNAL_ALERT_RISE	0x02	/* rose >= rules.rise in the window */
#define SIGNAL_ALERT_RISING	0x04	/* rising in rules.consecutive readings */

/* Alert thresholds; 0 turns a rule off. */
struct signal_rules {
	int	level;		/* default 3 */
	int	rise;		/* default 2 */
	int	window;		/* days, default 30 */
	int	consecutive;	/* default 3 */
	int	hours;		/* a reading's window, default 72 */
};

struct signal_net {
	char	*name;		/* network name */
	char	*file;		/* the database it came from, or NULL */
	day_t	*meetings;	/* dates of meetings held, ascending */
	size_t	 nmeetings;
};

struct signal_set {
	struct signal_net	*nets;
	size_t			 nnets;
	struct signal_reading	*sig;	/* signals, by net, theme, date */
	size_t			 nsig, capsig;
	struct signal_reading	*rd;	/* readings, after signal_readings */
	size_t			 nrd;
	/*
	 * The same readings over the window (rules.hours) up to each day's
	 * last voice, one for each of rd; the alerts are marked on these.
	 * Strings are borrowed from sig.
	 */
	struct signal_reading	*wrd;
	/* The signals' strings, in blocks freed with the set (tension.c). */
	struct signal_pool	*pool;
};

enum signal_period { SIGNAL_BY_MONTH, SIGNAL_BY_QUARTER, SIGNAL_BY_MEETING };

/*
 * One theme in one period: of one network, or of all in a roll-up
 * (then networks counts those with readings).  direction compares the
 * mean with the theme's previous period: rising, steady, falling or new.
 */
struct signal_cell {
	const char	*theme;
	long		 period;	/* ordinal; signal_period_label names it */
	int		 readings, signals, max, alerts, networks;
	double		 mean;
	const char	*direction;
	const struct signal_reading *last;	/* the period's last reading */
};

void	 signal_rules_default(struct signal_rules *);
void	 signal_set_free(struct signal_set *);
/*
 * Add the signals of a network (net_id 0: of every network in the file)
 * dated up to until; label, when not NULL, names the file they came from.
 */
int	 signal_load(sqlite3 *, long long, const char *, day_t,
	    struct signal_set *, struct ally_error *);
/*
 * Group the signals into readings, a theme's signals of one day (rd),
 * and the same readings over the window of rules.hours up to the day's
 * last voice (wrd); mark the alerts by the rules on the windowed ones
 * and copy them to rd.
 */
int	 signal_readings(struct signal_set *, const struct signal_rules *,
	    struct ally_error *);
/* The period of a reading, as an ordinal; -1 before a network's first meeting. */
long	 signal_period_of(const struct signal_set *,
	    const struct signal_reading *, enum signal_period);
/* "2027-03", "2027-Q1" or the meeting's date; buf of 16 bytes. */
void	 signal_period_label(enum signal_period, long, char *, size_t);
/*
 * The cells of the readings dated from..to (theme NULL: every theme),
 * by theme then period; rollup merges the networks.  *out is malloc'd.
 */
int	 signal_cells(const struct signal_set *, enum signal_period, int,
	    day_t, day_t, const char *, struct signal_cell **, size_t *,
	    struct ally_error *);
/* A cell's mean against the theme's previous cell (NULL: none). */
const char *signal_direction(double, const struct signal_cell *);
/* The alert bits as words: "level rise rising". */
void	 signal_alert_words(unsigned, char *, size_t);

/*
 * The thermometer over the hours up to now (day, minute): per network
 * and theme one reading of the signals in the window.  Each source's
 * latest voice counts, so a calmer voice lowers only its own source's
 * warning, and the others stand until the window passes them; the
 * reading is the strongest voice (the highest level, the best basis,
 * then the freshest), with count the number of sources, date and time
 * as of the latest voice, age the minutes since the strongest warning,
 * and the level rule's alert.  Strings are borrowed from the set.
 * *out is malloc'd, by network and theme.
 */
int	 signal_window(const struct signal_set *, const struct signal_rules *,
	    day_t, int, int, struct signal_reading **, size_t *,
	    struct ally_error *);

/* Retention: the signal summaries of the network before a date cleared. */
int	 signal_expire(sqlite3 *, long long, const char *, long *,
	    struct ally_error *);

#endif /* ALLY_TENSION_H */
