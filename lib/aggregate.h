/*
 * aggregate.h: a roll-up without identities (aggregate.c).  A network
 * exports its aggregates -- per theme and period the readings, signals,
 * highest level, mean and alerts, never an alias, a source or a summary
 * -- and a roll-up reads any number of such exports (and databases),
 * so that a district receives exports by mail and never a database.
 * Included by ally.h.
 */
#ifndef ALLY_AGGREGATE_H
#define ALLY_AGGREGATE_H

#include <stdio.h>

#include "core.h"
#include "opt.h"
#include "tension.h"
#include "thermometer.h"

/* The version of the export this report-sentiment writes and reads. */
#define AGGREGATE_VERSION	1

/* One network's theme in one period. */
struct aggregate {
	const char	*network;	/* owned by the set */
	const char	*theme;		/* owned by the set */
	enum signal_period by;		/* month or quarter */
	long		 period;	/* ordinal, as signal_period_of */
	int		 readings, signals, max, alerts;
	long		 sum;		/* of the readings' levels */
	const char	*file;		/* where it was read; NULL: made here */
	unsigned long	 line;
};

struct aggregate_set {
	struct aggregate	*v;
	size_t			 n, cap;
	char			**str;	/* the strings the aggregates hold */
	size_t			 nstr, strcap;
	struct signal_cell	*cells;	/* after aggregate_rollup */
	size_t			 ncells;
};

void	 aggregate_set_free(struct aggregate_set *);
/*
 * The aggregates of every network of the readings, dated from..to
 * (theme NULL: every theme), by month or quarter.
 */
int	 aggregate_from_readings(struct aggregate_set *,
	    const struct signal_set *, enum signal_period, day_t, day_t,
	    const char *, struct ally_error *);
/* An aggregate as its record (RECORDS.md aggregate); NULL: no memory. */
struct record *aggregate_record(const struct aggregate *);
/*
 * Read the exports of the files ("-": standard input) in the format
 * given (FMT_AUTO: recognised).  A record of a newer version, holding a
 * field that is not an aggregate's (an alias, a source, a summary ...)
 * or whose figures disagree is refused with its file and line.
 */
int	 aggregate_read(struct aggregate_set *, char *const *, int,
	    enum format, struct ally_error *);
/*
 * Merge the aggregates of every network into the cells of a roll-up by
 * the period given (months roll up into quarters; not the other way),
 * theme NULL: every theme.  A network's theme and period read twice
 * (the same export twice, or overlapping ones) is refused, naming both
 * places: it would be counted twice.
 */
int	 aggregate_rollup(struct aggregate_set *, enum signal_period,
	    const char *, struct ally_error *);

/*
 * 1 when the file is an ally database (SQLite), 0 when it is not (an
 * export, or "-"), -1 when it cannot be read.
 */
int	 aggregate_is_database(const char *, struct ally_error *);
/*
 * report-sentiment -x: the aggregates of t's loaded readings as records
 * through fn; *n counts them.
 */
int	 aggregate_export(const struct thermometer *, int (*)(struct record *,
	    void *, struct ally_error *), void *, long *, struct ally_error *);
/* The same written to fp in yaml or csv (fmt). */
int	 aggregate_write(FILE *, const struct thermometer *, enum format,
	    long *, struct ally_error *);
/*
 * report-sentiment -g over databases and exports: the databases loaded
 * into t as usual, their readings and the exports merged into t's cells,
 * which the period table then shows; set keeps them.
 */
int	 aggregate_load(struct thermometer *, struct aggregate_set *,
	    const struct ally_opts *, const char *const *, int,
	    char *const *, int, void (*)(const char *, ...),
	    struct ally_error *);

#endif /* ALLY_AGGREGATE_H */
