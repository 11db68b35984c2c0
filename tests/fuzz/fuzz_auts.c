/*
 * libFuzzer harness: the `auts` Digest parameter (untrusted) and
 * network-side resynchronisation on fuzzed AUTS/RAND, for Milenage, TUAK
 * and XOR keys. A resync that succeeds must be reproducible by the UE side.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/aka.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void resync_all(const uint8_t rand[16], const uint8_t auts[14],
                       unsigned ind_bits)
{
    /* 35.208 Set 1 and TS 35.233 Set 1 credentials */
    static const uint8_t k[16] = {0x46, 0x5b, 0x5c, 0xe8, 0xb1, 0x99, 0xb4, 0x9f,
                                  0xaa, 0x5f, 0x0a, 0x2e, 0xe2, 0x38, 0xa6, 0xbc};
    static const uint8_t opc[16] = {0xcd, 0x63, 0xcb, 0x71, 0x95, 0x4a, 0x9f, 0x4e,
                                    0x48, 0xa5, 0x99, 0x4e, 0x37, 0xa0, 0x2b, 0xaf};
    uint8_t top[32], sqn_ms[6], next[6], again[14];
    utsec_aka_key_t key;
    int alg, rc;

    memset(top, 0x55, sizeof(top));
    for (alg = 0; alg < 3; alg++) {
        utsec_aka_key_init(&key);
        if (alg == 0)
            rc = utsec_aka_key_setup_milenage(&key, k, opc, 0, 8);
        else if (alg == 1)
            rc = utsec_aka_key_setup_tuak(&key, k, 16, top, 0, 8, 1);
        else
            rc = utsec_aka_key_setup_xor(&key, k, 8);
        if (rc != 0)
            abort();
        memset(sqn_ms, 0xA5, 6);
        rc = utsec_aka_resync(&key, rand, auts, ind_bits, sqn_ms, next);
        if ((rc == 0 || rc == UTSEC_ERR_SQN_EXHAUSTED) &&
            ind_bits <= UTSEC_AKA_IND_BITS_MAX) {
            if (utsec_aka_auts_generate(&key, rand, sqn_ms, again) != 0 ||
                memcmp(again, auts, 14) != 0)
                abort();
        } else if (ind_bits > UTSEC_AKA_IND_BITS_MAX) {
            if (rc != UTSEC_ERR_INVALID_ARG)
                abort();
        } else if (rc != UTSEC_ERR_MAC_S_FAILURE) {
            abort();
        }
        utsec_aka_key_free(&key);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t auts[14], rand[16];
    char text[21];
    size_t n = 0;

    memset(rand, 0, sizeof(rand));
    /* 1. the input as an auts parameter value */
    if (utsec_aka_auts_decode((const char *)data, size, auts) == 0) {
        if (size != 20 || utsec_aka_auts_encode(auts, text, sizeof(text), &n) != 0 ||
            n != 20 || memcmp(text, data, 20) != 0)
            abort();
        resync_all(rand, auts, 5);
    }
    /* 2. the input as AUTS || RAND || IND length */
    if (size >= 30) {
        memcpy(auts, data, 14);
        memcpy(rand, data + 14, 16);
        resync_all(rand, auts, size > 30 ? data[30] % 8u : 5u);
    }
    return 0;
}
