/*
 * Keccak-f[1600], the permutation inside TUAK (TS 35.231 Annex C, which
 * refers to the Keccak reference = FIPS 202 §3). mbedTLS does not export
 * one, so this is a small, plain implementation: clarity over speed.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

/* Round constants of the iota step (FIPS 202 §3.2.5), rounds 0..23. Only
 * bits 2^j - 1 (j = 0..6) of RC can be set, so bit j here stands for bit
 * 2^j - 1 of RC: e.g. 0x1A (j = 1, 3, 4) is RC = bits 1, 7, 15 = 0x8082. */
static const uint8_t round_const[24] = {
    0x01, 0x1A, 0x5E, 0x70, 0x1F, 0x21, 0x79, 0x55, 0x0E, 0x0C, 0x35, 0x26,
    0x3F, 0x4F, 0x5D, 0x53, 0x52, 0x48, 0x16, 0x66, 0x79, 0x58, 0x21, 0x74,
};

/* Rotation offsets of the rho step (FIPS 202 §3.2.2), lane x + 5y. */
static const uint8_t rho_offset[25] = {
    0,  1,  62, 28, 27, /* y = 0 */
    36, 44, 6,  55, 20, /* y = 1 */
    3,  10, 43, 25, 39, /* y = 2 */
    41, 45, 15, 21, 8,  /* y = 3 */
    18, 2,  61, 56, 14, /* y = 4 */
};

static uint64_t rotl64(uint64_t v, unsigned n)
{
    return n == 0 ? v : (v << n) | (v >> (64 - n));
}

void utsec_aka_keccak_f1600(uint64_t a[25])
{
    uint64_t c[5], d[5], b[25];
    unsigned round, x, y;

    for (round = 0; round < 24; round++) {
        /* theta: add the parities of two neighbouring columns */
        for (x = 0; x < 5; x++)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (x = 0; x < 5; x++)
            d[x] = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
        for (y = 0; y < 25; y += 5)
            for (x = 0; x < 5; x++)
                a[x + y] ^= d[x];
        /* rho and pi: rotate each lane, move (x, y) to (y, 2x + 3y) */
        for (y = 0; y < 5; y++)
            for (x = 0; x < 5; x++)
                b[y + 5 * ((2 * x + 3 * y) % 5)] =
                    rotl64(a[x + 5 * y], rho_offset[x + 5 * y]);
        /* chi: the only non-linear step, row by row */
        for (y = 0; y < 25; y += 5)
            for (x = 0; x < 5; x++)
                a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        /* iota */
        for (x = 0; x < 7; x++)
            a[0] ^= (uint64_t)((round_const[round] >> x) & 1u) << ((1u << x) - 1);
    }
    utsec_wipe(b, sizeof(b));
    utsec_wipe(c, sizeof(c));
    utsec_wipe(d, sizeof(d));
}
