/* fuzz_yaml.c: libFuzzer harness of the YAML record reader. */
#include "roundtrip.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read(data, size, FMT_YAML);
	return 0;
}
