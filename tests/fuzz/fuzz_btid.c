/*
 * libFuzzer harness: B-TID parsing (untrusted: it arrives in Digest
 * usernames and TLS PSK identities). Round trip: a parsed B-TID rebuilt from
 * its RAND and host is identical to the input.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/gba.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t rnd[UTSEC_GBA_RAND_LEN];
    char again[UTSEC_GBA_BTID_MAX_SIZE];
    const char *host;
    size_t host_len, n;

    if (utsec_gba_btid_parse((const char *)data, size, rnd, &host, &host_len) != 0)
        return 0;
    if (host < (const char *)data || host + host_len > (const char *)data + size)
        abort(); /* the view must stay inside the input */
    if (utsec_gba_btid_build(rnd, host, host_len, again, sizeof(again), &n) != 0 ||
        n != size || memcmp(again, data, size) != 0)
        abort();
    return 0;
}
