/*
 * thermometer.h: the reports of report-sentiment over the signals of one
 * or more database files (thermometer.c), their heat map (heatmap.c),
 * and the recording of signals (signal_record.c).  Included by ally.h.
 *
 * One struct thermometer says what is shown: the signals loaded, the
 * alert rules, the period of the table, the theme and the dates.  Each
 * view is written once: as records (yaml, csv, the text table) and, for
 * the thermometer and the period table, as a document (text and print).
 */
#ifndef ALLY_THERMOMETER_H
#define ALLY_THERMOMETER_H

#include "core.h"
#include "opt.h"
#include "tension.h"

enum thermometer_view {
	THERMOMETER_LATEST,	/* each theme's latest reading */
	THERMOMETER_PERIODS,	/* the themes by period */
	THERMOMETER_ALERTS,	/* the early warnings */
	THERMOMETER_SIGNALS	/* the signals as stored */
};

struct thermometer {
	struct signal_set	 set;
	struct signal_rules	 rules;
	enum signal_period	 by;
	const char		*theme;		/* only this theme, or NULL */
	day_t			 since, until;
	int			 since_given;	/* a period to name in the title */
	int			 rollup;	/* every network, in aggregates */
	int			 human;		/* the why in the user's language */
	int			 nfiles;	/* more than one: the alerts name them */
	char			*network;	/* not rolled up: its name */
	/* A roll-up of exports (aggregate.c): the period table's cells. */
	const struct signal_cell *cells;
	size_t			 ncells;
	/*
	 * The thermometer over the last hours up to now (report-sentiment
	 * -H): the latest view's readings are signal_window's, each
	 * theme's strongest voice in the window; 0: each theme's latest day.
	 */
	int			 hours;
	day_t			 now_day;
	int			 now_minute;
	struct signal_reading	*win;
	size_t			 nwin;
};

/* ---- thermometer.c ---------------------------------------------------- */

/*
 * Load the signals of o's database, or of each of the n files, one
 * snapshot each (every network with t->rollup), and make the readings
 * by t->rules.  A database open to others is said through warn.
 */
int	 thermometer_load(struct thermometer *, const struct ally_opts *,
	    const char *const *, int, void (*)(const char *, ...),
	    struct ally_error *);
void	 thermometer_free(struct thermometer *);
/*
 * Each record of a view to fn, which borrows it; stops at the first
 * error.  *n counts the records.
 */
int	 thermometer_records(const struct thermometer *, enum
	    thermometer_view, int (*)(struct record *, void *,
	    struct ally_error *), void *, long *, struct ally_error *);
/* The thermometer or the period table as a document; NULL on error. */
struct document *thermometer_doc(const struct thermometer *,
	    enum thermometer_view, struct ally_error *);
/*
 * Each theme's reading as the thermometer shows it, hottest first: the
 * picture (picture.c) is built on it.  *out is malloc'd.
 */
int	 thermometer_latest(const struct thermometer *,
	    const struct signal_reading ***, size_t *, struct ally_error *);
/*
 * A view in fmt: the heat map (svg), the document (roff, and text for
 * the thermometer and the period table) or records; *n counts records.
 */
int	 thermometer_print(FILE *, const struct thermometer *,
	    enum thermometer_view, enum format, long *, struct ally_error *);
/* The title of the period table, in the user's language. */
const char *thermometer_title(const struct thermometer *);
/* The alerting readings in the dates and theme, oldest first. */
int	 thermometer_alerting(const struct thermometer *,
	    const struct signal_reading ***, size_t *, struct ally_error *);
/* "level rise" as "niveau stijging": each word of a value translated. */
const char *thermometer_words(const char *, char *, size_t);

/* ---- signal_record.c ------------------------------------------------ */

#define SIGNAL_RECORD_QUIET		0x01	/* print no results */
#define SIGNAL_RECORD_ALLOW_NAMES	0x02	/* let members' names through */

/*
 * Record the signals of the files (or stdin) in o's database and network
 * in one write session, the results printed after the commit; a
 * database open to others is said through warn, the progress on a
 * terminal to the progress stream (NULL: none).
 */
int	 signal_record_files(const struct ally_opts *, char *const *, int,
	    int, void (*)(const char *, ...), FILE *, struct ally_error *);

/* ---- heatmap.c -------------------------------------------------------- */

/* The period table as an SVG heat map; EX_NOINPUT when it is empty. */
int	 thermometer_heatmap(FILE *, const struct thermometer *,
	    struct ally_error *);

#endif /* ALLY_THERMOMETER_H */
