/*
 * replay.c: a plain main for the fuzz harnesses, so that make check
 * replays the corpus and every crash file without libFuzzer.  Each
 * argument is a file or a directory of files; each file is one input.
 * A crash or an abort ends the process, which the test reports.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static long nrun;

static void
replay_file(const char *path)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((buf = realloc(buf, cap)) == NULL)
				err(1, "%s", path);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	if (ferror(fp))
		err(1, "%s", path);
	fclose(fp);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	nrun++;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void
replay(const char *path)
{
	struct dirent **names;
	struct stat sb;
	char sub[4096];
	int n, i;

	if (stat(path, &sb) != 0)
		err(1, "%s", path);
	if (!S_ISDIR(sb.st_mode)) {
		replay_file(path);
		return;
	}
	if ((n = scandir(path, &names, NULL, by_name)) < 0)
		err(1, "%s", path);
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' &&
		    snprintf(sub, sizeof(sub), "%s/%s", path,
		    names[i]->d_name) < (int)sizeof(sub))
			replay(sub);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc; i++)
		replay(argv[i]);
	printf("%ld inputs replayed\n", nrun);
	return 0;
}
