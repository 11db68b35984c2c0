/*
 * Keccak-f[1600], the permutation inside TUAK (TS 35.231 Annex C, which
 * refers to the Keccak reference = FIPS 202 §3). mbedTLS does not export
 * one, so this is a small, plain implementation: clarity over speed.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

/* Round constants of the iota step (FIPS 202 §3.2.5), rounds 0..23. */
static const uint64_t round_const[24] = {
    0x0000000000000001u, 0x0000000000008082u, 0x800000000000808Au,
    0x8000000080008000u, 0x000000000000808Bu, 0x0000000080000001u,
    0x8000000080008081u, 0x8000000000008009u, 0x000000000000008Au,
    0x0000000000000088u, 0x0000000080008009u, 0x000000008000000Au,
    0x000000008000808Bu, 0x800000000000008Bu, 0x8000000000008089u,
    0x8000000000008003u, 0x8000000000008002u, 0x8000000000000080u,
    0x000000000000800Au, 0x800000008000000Au, 0x8000000080008081u,
    0x8000000000008080u, 0x0000000080000001u, 0x8000000080008008u,
};

/* Rotation offsets of the rho step (FIPS 202 §3.2.2), lane x + 5y. */
static const unsigned rho_offset[25] = {
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

void aka_keccak_f1600(uint64_t a[25])
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
        a[0] ^= round_const[round];
    }
    utsec_wipe(b, sizeof(b));
    utsec_wipe(c, sizeof(c));
    utsec_wipe(d, sizeof(d));
}
