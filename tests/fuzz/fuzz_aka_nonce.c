/*
 * libFuzzer harness: RFC 3310 nonce decoding (untrusted challenge text),
 * decode -> encode -> decode, and encode -> decode from raw octets.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/aka.h"

#define MAX_TEXT                                                               \
    UTSEC_BASE64_ENCODED_SIZE(UTSEC_AKA_NONCE_MIN_LEN +                        \
                              UTSEC_AKA_NONCE_MAX_SERVER_DATA)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t sd[UTSEC_AKA_NONCE_MAX_SERVER_DATA],
        sd2[UTSEC_AKA_NONCE_MAX_SERVER_DATA];
    static char text[MAX_TEXT];
    uint8_t rnd[16], autn[16], rnd2[16], autn2[16];
    size_t sd_len = 0, sd2_len = 0, n = 0;

    /* 1. the input as nonce text */
    if (utsec_aka_nonce_decode((const char *)data, size, rnd, autn, sd,
                               sizeof(sd), &sd_len) == 0) {
        if (sd_len > sizeof(sd) || size < 44)
            abort();
        if (utsec_aka_nonce_encode(rnd, autn, sd, sd_len, text, sizeof(text),
                                   &n) != 0)
            abort();
        /* strict base64: the only accepted encoding is the canonical one */
        if (n != size || memcmp(text, data, size) != 0)
            abort();
        if (utsec_aka_nonce_decode(text, n, rnd2, autn2, sd2, sizeof(sd2),
                                   &sd2_len) != 0 ||
            memcmp(rnd, rnd2, 16) != 0 || memcmp(autn, autn2, 16) != 0 ||
            sd_len != sd2_len || memcmp(sd, sd2, sd_len) != 0)
            abort();
    }
    /* 2. the input as RAND || AUTN || server data */
    if (size >= 32 && size - 32 <= UTSEC_AKA_NONCE_MAX_SERVER_DATA) {
        if (utsec_aka_nonce_encode(data, data + 16, data + 32, size - 32, text,
                                   sizeof(text), &n) != 0)
            abort();
        if (utsec_aka_nonce_decode(text, n, rnd, autn, sd, sizeof(sd),
                                   &sd_len) != 0 ||
            memcmp(rnd, data, 16) != 0 || memcmp(autn, data + 16, 16) != 0 ||
            sd_len != size - 32 || memcmp(sd, data + 32, sd_len) != 0)
            abort();
    }
    return 0;
}
