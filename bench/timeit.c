/*
 * timeit.c: run a command a number of times and report the median wall
 * time and the peak resident set size, for the benchmarks.
 *
 *	timeit [-n runs] [-w warmups] [-i input] [-o output] [-s setup]
 *	    command [argument ...]
 *
 * Each run forks and execs the command directly (no shell in the timed
 * path), with standard input from the input file (default /dev/null) and
 * standard output to the output file (default /dev/null).  Its standard
 * error is kept in a temporary file and shown only when the command
 * fails, so that nothing it prints reaches a terminal (no progress
 * display is timed).  The setup, a shell command, runs before every run
 * and warm-up and is not timed: it resets the state a run changes, such
 * as a fresh copy of a database.
 *
 * Prints one line: median, minimum and maximum in seconds, the largest
 * peak RSS of any timed run in KiB (getrusage's ru_maxrss of the child,
 * from wait4), the number of runs, and the median CPU time (user and
 * system) in seconds, which a busy machine disturbs less than the wall
 * time.  Exits 1 when a run fails.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
redirect(const char *path, int flags, int fd)
{
	int f;

	if ((f = open(path, flags, 0644)) < 0) {
		warn("%s", path);
		_exit(127);
	}
	if (dup2(f, fd) < 0)
		_exit(127);
	close(f);
}

static void
setup(const char *cmd)
{
	int st;

	if (cmd == NULL)
		return;
	st = system(cmd);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		errx(1, "setup failed: %s", cmd);
}

/* Show what the failed command said, then give up. */
static void
failed(FILE *errs, char **argv, int status)
{
	char buf[4096];
	size_t n;

	rewind(errs);
	while ((n = fread(buf, 1, sizeof(buf), errs)) > 0)
		fwrite(buf, 1, n, stderr);
	if (WIFEXITED(status))
		errx(1, "%s: exit status %d", argv[0], WEXITSTATUS(status));
	errx(1, "%s: killed by signal %d", argv[0], WTERMSIG(status));
}

/* One run; returns the seconds it took, sets *rss (KiB) and *cpu. */
static double
run(char **argv, const char *in, const char *out, long *rss, double *cpu)
{
	struct rusage ru;
	FILE *errs;
	double t0, t1;
	pid_t pid;
	int status;

	if ((errs = tmpfile()) == NULL)
		err(1, "tmpfile");
	fflush(NULL);
	t0 = now();
	if ((pid = fork()) < 0)
		err(1, "fork");
	if (pid == 0) {
		redirect(in, O_RDONLY, 0);
		redirect(out, O_WRONLY | O_CREAT | O_TRUNC, 1);
		if (dup2(fileno(errs), 2) < 0)
			_exit(127);
		execvp(argv[0], argv);
		warn("%s", argv[0]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		err(1, "wait4");
	t1 = now();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		failed(errs, argv, status);
	fclose(errs);
	*rss = ru.ru_maxrss;
	*cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	return t1 - t0;
}

static double
median(double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int
number(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > 1000)
		errx(EX_USAGE, "%s: not a count", s);
	return (int)v;
}

int
main(int argc, char *argv[])
{
	const char *in = "/dev/null", *out = "/dev/null", *prep = NULL;
	double *t, *cpu, mid;
	long rss, maxrss = 0;
	int c, i, runs = 9, warm = 1;

	while ((c = getopt(argc, argv, "+i:n:o:s:w:")) != -1) {
		switch (c) {
		case 'i':
			in = optarg;
			break;
		case 'n':
			runs = number(optarg);
			break;
		case 'o':
			out = optarg;
			break;
		case 's':
			prep = optarg;
			break;
		case 'w':
			warm = number(optarg);
			break;
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 || runs == 0)
		goto usage;
	if ((t = calloc(runs, sizeof(*t))) == NULL ||
	    (cpu = calloc(runs, sizeof(*cpu))) == NULL)
		err(1, NULL);
	for (i = 0; i < warm; i++) {
		setup(prep);
		run(argv, in, out, &rss, &cpu[0]);
	}
	for (i = 0; i < runs; i++) {
		setup(prep);
		t[i] = run(argv, in, out, &rss, &cpu[i]);
		if (rss > maxrss)
			maxrss = rss;
	}
	mid = median(t, runs);
	printf("%.6f %.6f %.6f %ld %d %.6f\n", mid, t[0], t[runs - 1], maxrss,
	    runs, median(cpu, runs));
	free(t);
	free(cpu);
	return fflush(stdout) != 0 ? 1 : 0;
usage:
	fprintf(stderr, "usage: timeit [-n runs] [-w warmups] [-i input] "
	    "[-o output] [-s setup] command [argument ...]\n");
	return EX_USAGE;
}
