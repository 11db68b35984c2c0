/*
 * Small helpers shared by the cmocka suites (linked into every test).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TESTUTIL_H
#define UTSEC_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

/* Decode hex into a static-sized buffer; fails the test on bad hex. */
size_t tu_hex(const char *hex, uint8_t *out, size_t cap);

/* Assert that n octets at p equal the hex string (lower or upper case). */
#define assert_hex_equal(p, n, hex) tu_assert_hex((p), (n), (hex), __FILE__, __LINE__)
void tu_assert_hex(const uint8_t *p, size_t n, const char *hex,
                   const char *file, int line);

/* Deterministic PRNG (xorshift64*) for randomized tests: reproducible. */
typedef struct {
    uint64_t s;
} tu_rng_t;
void tu_rng_seed(tu_rng_t *r, uint64_t seed);
uint64_t tu_rng_next(tu_rng_t *r);
void tu_rng_bytes(tu_rng_t *r, uint8_t *out, size_t n);
/* As a utsec_rng_fn. */
int tu_rng_fn(void *ctx, unsigned char *out, size_t n);

/* Every octet of p is zero. */
int tu_all_zero(const void *p, size_t n);

#endif
