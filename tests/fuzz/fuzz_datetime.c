/*
 * libFuzzer harness: xs:dateTime parsing (the Ub lifetime, TS 24.109
 * Annex C). Round trip: a parsed time formats and re-parses to the same
 * value; a canonical UTC input formats back to itself.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/gba.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[UTSEC_GBA_TIME_SIZE];
    int64_t t, back;
    size_t n;

    if (utsec_gba_time_parse((const char *)data, size, &t) != 0)
        return 0;
    if (utsec_gba_time_format(t, buf, sizeof(buf), &n) != 0 ||
        utsec_gba_time_parse(buf, n, &back) != 0 || back != t)
        abort();
    if (size == 20 && data[19] == 'Z' && memcmp(buf, data, 20) != 0)
        abort();
    return 0;
}
