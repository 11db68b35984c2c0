/*
 * SPDX-License-Identifier: Apache-2.0
 */
#include "support/testutil.h"

#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "hex.h"

size_t tu_hex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;

    if (hex_decode(hex, strlen(hex), out, cap, &n) != 0)
        fail_msg("bad hex constant in test: %s", hex);
    return n;
}

void tu_assert_hex(const uint8_t *p, size_t n, const char *hex,
                   const char *file, int line)
{
    static char got[4096 * 2 + 1];
    size_t i, hl = strlen(hex);

    if (n * 2 > sizeof(got) - 1)
        _fail(file, line);
    hex_encode(p, n, got);
    if (hl != 2 * n) {
        print_error("%s:%d: length %zu octets, expected %zu\n  got      %s\n"
                    "  expected %s\n", file, line, n, hl / 2, got, hex);
        _fail(file, line);
    }
    for (i = 0; i < hl; i++) {
        char e = hex[i];
        if (e >= 'A' && e <= 'F')
            e = (char)(e - 'A' + 'a');
        if (got[i] != e) {
            print_error("%s:%d:\n  got      %s\n  expected %s\n", file, line,
                        got, hex);
            _fail(file, line);
        }
    }
}

void tu_rng_seed(tu_rng_t *r, uint64_t seed)
{
    r->s = seed ? seed : 0x9E3779B97F4A7C15ULL;
}

uint64_t tu_rng_next(tu_rng_t *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545F4914F6CDD1DULL;
}

void tu_rng_bytes(tu_rng_t *r, uint8_t *out, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        out[i] = (uint8_t)(tu_rng_next(r) >> 56);
}

int tu_rng_fn(void *ctx, unsigned char *out, size_t n)
{
    tu_rng_bytes(ctx, out, n);
    return 0;
}

int tu_all_zero(const void *p, size_t n)
{
    const uint8_t *b = p;
    size_t i;

    for (i = 0; i < n; i++)
        if (b[i] != 0)
            return 0;
    return 1;
}
