/*
 * libFuzzer harness: strict base64 decoding (nonces, AUTS, B-TIDs).
 * Round trip: whatever decodes re-encodes to exactly the input (the decoder
 * accepts one canonical encoding per octet string).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/utsec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t bin[4096];
    static char text[UTSEC_BASE64_ENCODED_SIZE(4096)];
    size_t n, m;

    if (size > 4096)
        return 0;
    if (utsec_base64_decode((const char *)data, size, bin, sizeof(bin), &n) != 0)
        return 0;
    if (n > size)
        abort();
    if (utsec_base64_encode(bin, n, text, sizeof(text), &m) != 0 || m != size ||
        memcmp(text, data, size) != 0)
        abort();
    return 0;
}
