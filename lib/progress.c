/*
 * progress.c: a progress line for long work, on a terminal only.
 *
 * A command that ingests or rolls up many records shows, on its standard
 * error, how many it has done, how many per second, and a bar when it
 * knows the total.  Only a terminal gets it: in a pipe, a file or under
 * cron (no terminal) progress_start returns NULL and every other call
 * does nothing, so that logs and mail stay clean.  The line is drawn
 * after half a second (short work shows nothing), then at most ten times
 * a second, and erased at the end; it uses only a carriage return and
 * blanks, no terminal escapes.
 *
 * This is the one place where libally writes to a stream the caller did
 * not ask it to write records to: the caller passes that stream (stderr)
 * and so decides.
 */
#include <sys/ioctl.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "render.h"
#include "escape.h"

#define PROGRESS_DELAY_MS	500	/* short work shows nothing */
#define PROGRESS_EVERY_MS	100	/* at most ten redraws a second */
#define PROGRESS_LABEL_MAX	40

struct progress {
	FILE		*fp;
	char		 label[PROGRESS_LABEL_MAX + 1];
	long long	 total;		/* 0: unknown */
	long long	 start_ms, next_ms;
	int		 width;		/* of the last line drawn */
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
columns(FILE *fp)
{
	struct winsize ws;

	if (ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col < 200 ? ws.ws_col : 200;
	return 80;
}

struct progress *
progress_start(FILE *fp, const char *label, long long total)
{
	struct progress *p;

	/* Its own \r and labels: not through the diagnostics' escaping. */
	if (fp != NULL)
		fp = escape_unfiltered(fp);
	if (fp == NULL || !isatty(fileno(fp)))
		return NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;	/* progress is a courtesy, never an error */
	p->fp = fp;
	snprintf(p->label, sizeof(p->label), "%s", label != NULL ? label : "");
	p->total = total > 0 ? total : 0;
	p->start_ms = now_ms();
	p->next_ms = p->start_ms + PROGRESS_DELAY_MS;
	return p;
}

/* 1234567 as "1,234,567": counts that big are read at a glance. */
static void
thousands(long long v, char *buf, size_t len)
{
	char digits[32];
	size_t n, i, o = 0;

	n = (size_t)snprintf(digits, sizeof(digits), "%lld", v < 0 ? 0 : v);
	for (i = 0; i < n && o + 2 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void
progress_draw(struct progress *p, long long done)
{
	char line[256], num[32], tot[32], rate[32];
	long long ms;
	int n, cols, bar, fill, i;

	if (p == NULL)
		return;
	ms = now_ms() - p->start_ms;
	thousands(done, num, sizeof(num));
	if (ms >= 100)
		thousands(done * 1000 / ms, rate, sizeof(rate));
	else
		snprintf(rate, sizeof(rate), "-");
	cols = columns(p->fp) - 1;
	if (cols > (int)sizeof(line) - 1)
		cols = (int)sizeof(line) - 1;
	if (p->total == 0) {
		/*
		 * TRANSLATORS: a progress line on the terminal: the label and
		 * its ": " (or nothing), the records done, the records a
		 * second.  Keep it short: it must fit one line.
		 */
		n = snprintf(line, sizeof(line), _("%s%s%s records, %s/s"),
		    p->label, p->label[0] ? ": " : "", num, rate);
	} else {
		if (done > p->total)
			done = p->total;
		thousands(p->total, tot, sizeof(tot));
		/*
		 * TRANSLATORS: a progress line on the terminal: the label and
		 * its ": " (or nothing), the records done, the total, the
		 * records a second and the percentage; a bar follows.
		 */
		n = snprintf(line, sizeof(line),
		    _("%s%s%s of %s, %s/s %3lld%% "), p->label,
		    p->label[0] ? ": " : "", num, tot, rate,
		    done * 100 / p->total);
		if (n < 0 || n >= cols)
			n = cols;
		bar = cols - n - 2;
		if (bar >= 10) {
			fill = (int)(done * bar / p->total);
			line[n++] = '[';
			for (i = 0; i < bar; i++)
				line[n++] = i < fill ? '#' : '.';
			line[n++] = ']';
			line[n] = '\0';
		}
	}
	if (n < 0 || n > cols)
		n = cols;
	line[n] = '\0';
	/* Blanks over what is left of a longer line drawn before. */
	fprintf(p->fp, "\r%s%*s", line, p->width > n ? p->width - n : 0, "");
	fflush(p->fp);
	p->width = n;
}

void
progress_update(struct progress *p, long long done)
{
	long long t;

	if (p == NULL)
		return;
	/* Cheap enough per record: clock_gettime does not enter the kernel. */
	if ((t = now_ms()) < p->next_ms)
		return;
	p->next_ms = t + PROGRESS_EVERY_MS;
	progress_draw(p, done);
}

void
progress_end(struct progress *p)
{
	if (p == NULL)
		return;
	if (p->width > 0) {
		fprintf(p->fp, "\r%*s\r", p->width, "");
		fflush(p->fp);
	}
	free(p);
}
