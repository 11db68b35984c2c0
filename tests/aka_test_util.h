/*
 * Small helpers for the AKA cmocka suites (header-only, static).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TESTS_AKA_TEST_UTIL_H
#define UTSEC_TESTS_AKA_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "crypto.h"
#include "hex.h"

/* Decode hex of any length up to cap; fails the test on malformed input. */
static inline size_t hx(const char *s, uint8_t *out, size_t cap)
{
    size_t n = 0;

    assert_int_equal(hex_decode(s, strlen(s), out, cap, &n), 0);
    return n;
}

/* Assert that p (n octets) equals the hex string want. */
#define assert_hex(p, n, want)                                                 \
    do {                                                                       \
        char got_[2 * 64 + 1];                                                 \
        assert_true((n) <= 64);                                                \
        hex_encode((p), (n), got_);                                      \
        assert_string_equal(got_, (want));                                     \
    } while (0)

/* Deterministic RNG for tests: xorshift64* stream from a seed. */
static inline int test_rng(void *ctx, unsigned char *out, size_t len)
{
    uint64_t *s = ctx;
    size_t i;

    for (i = 0; i < len; i++) {
        *s ^= *s >> 12;
        *s ^= *s << 25;
        *s ^= *s >> 27;
        out[i] = (unsigned char)((*s * 0x2545F4914F6CDD1DULL) >> 56);
    }
    return 0;
}

static inline int failing_rng(void *ctx, unsigned char *out, size_t len)
{
    (void)ctx;
    (void)out;
    (void)len;
    return -1;
}

#endif
