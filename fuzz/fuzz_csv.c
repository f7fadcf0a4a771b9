/*
 * fuzz_csv.c: libFuzzer harness of the CSV record reader, and of the
 * format detection that decides between CSV and YAML.
 */
#include "roundtrip.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read(data, size, FMT_CSV);
	fuzz_read(data, size, FMT_AUTO);
	return 0;
}
