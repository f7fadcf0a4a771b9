/*
 * roundtrip.h: what the reader harnesses share.  Every record a reader
 * accepts must survive the writers: written as YAML it reads back the
 * same, and written as CSV and text it is at least written without
 * error.  A difference aborts, so that the fuzzer reports it.
 */
#ifndef FUZZ_ROUNDTRIP_H
#define FUZZ_ROUNDTRIP_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ally.h"

/* At most this many records of one input are checked, to keep it fast. */
#define FUZZ_MAX_RECORDS	64

static int	records_equal(const struct record *, const struct record *);

static int
value_equal(const char *a, const char *b)
{
	if (a == NULL)
		a = "";
	if (b == NULL)
		b = "";
	return strcmp(a, b) == 0;
}

static int
field_equal(const struct field *a, const struct field *b)
{
	size_t i;

	if (strcmp(a->key, b->key) != 0)
		return 0;
	/* An empty list and an empty value both read back as nothing. */
	if ((a->kind == VAL_NULL || a->kind == VAL_SCALAR) &&
	    (b->kind == VAL_NULL || b->kind == VAL_SCALAR))
		return value_equal(a->value, b->value);
	if (a->kind != b->kind || a->nitems != b->nitems ||
	    a->nrecs != b->nrecs)
		return 0;
	for (i = 0; i < a->nitems; i++)
		if (strcmp(a->items[i], b->items[i]) != 0)
			return 0;
	for (i = 0; i < a->nrecs; i++)
		if (!records_equal(a->recs[i], b->recs[i]))
			return 0;
	return 1;
}

static int
records_equal(const struct record *a, const struct record *b)
{
	size_t i;

	if (a->nfields != b->nfields)
		return 0;
	for (i = 0; i < a->nfields; i++)
		if (!field_equal(&a->fields[i], &b->fields[i]))
			return 0;
	return 1;
}

/* Write the records in fmt to a memory buffer; NULL on an error. */
static char *
write_records(struct record **recs, size_t n, enum format fmt, size_t *len)
{
	struct ally_error err;
	struct writer *w;
	char *buf = NULL;
	FILE *fp;
	size_t i;
	int rc = 0;

	if ((fp = open_memstream(&buf, len)) == NULL)
		abort();
	if ((w = writer_open(fp, fmt, NULL, 0, &err)) == NULL)
		abort();
	for (i = 0; i < n && rc == 0; i++)
		rc = writer_put(w, recs[i], &err);
	if (writer_close(w, rc == 0 ? &err : NULL) != 0)
		rc = -1;
	fclose(fp);
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Read what the YAML writer wrote: it must give back the same records. */
static void
check_yaml_roundtrip(struct record **recs, size_t n)
{
	struct ally_error err;
	struct reader *r;
	struct record *back;
	char *buf;
	size_t len, i = 0;
	FILE *fp;
	int rc;

	if ((buf = write_records(recs, n, FMT_YAML, &len)) == NULL)
		abort();	/* every record read has a YAML form */
	if (len == 0) {
		free(buf);
		return;
	}
	if ((fp = fmemopen(buf, len, "r")) == NULL)
		abort();
	if ((r = reader_open(fp, "roundtrip", FMT_YAML, &err)) == NULL)
		abort();
	while ((rc = reader_next(r, &back, &err)) == 1) {
		if (i >= n || !records_equal(recs[i], back)) {
			fprintf(stderr, "round trip changed record %zu:\n%.*s\n",
			    i, (int)len, buf);
			abort();
		}
		record_free(back);
		i++;
	}
	if (rc != 0 || i != n) {
		fprintf(stderr, "round trip: %s\n%.*s\n", rc ? err.msg :
		    "records lost", (int)len, buf);
		abort();
	}
	reader_close(r);
	fclose(fp);
	free(buf);
}

/*
 * Read every record of data in fmt; check the round trip of what was
 * accepted.  Errors are the expected outcome for most inputs; what
 * matters is that they come back as errors with a message.
 */
static void
fuzz_read(const uint8_t *data, size_t size, enum format fmt)
{
	struct ally_error err;
	struct record *recs[FUZZ_MAX_RECORDS], *rec;
	struct reader *r;
	size_t n = 0, i, len;
	char *out;
	FILE *fp;
	int rc;

	/* fmemopen wants a size; an empty input is /dev/null's. */
	fp = size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (fp == NULL)
		abort();
	err.code = 0;
	if ((r = reader_open(fp, "fuzz", fmt, &err)) == NULL) {
		if (err.code == 0 || err.msg[0] == '\0')
			abort();
		fclose(fp);
		return;
	}
	while ((rc = reader_next(r, &rec, &err)) == 1) {
		if (rec == NULL)
			abort();
		if (n < FUZZ_MAX_RECORDS)
			recs[n++] = rec;
		else
			record_free(rec);
	}
	/* An error carries a code and a message, with the input's name. */
	if (rc == -1 && (err.code == 0 || strncmp(err.msg, "fuzz", 4) != 0)) {
		fprintf(stderr, "error without code or name: %d %s\n",
		    err.code, err.msg);
		abort();
	}
	reader_close(r);
	fclose(fp);
	if (n > 0) {
		check_yaml_roundtrip(recs, n);
		if ((out = write_records(recs, n, FMT_TEXT, &len)) == NULL)
			abort();
		free(out);
		/* CSV has no form for nested records: an error, not a crash. */
		free(write_records(recs, n, FMT_CSV, &len));
	}
	for (i = 0; i < n; i++)
		record_free(recs[i]);
}

#endif
