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

/* rho and pi together as one walk over the 24 lanes other than (0, 0):
 * pi moves lane (x, y) to (y, 2x + 3y), and the lane leaving position
 * pi_lane[i] enters it rotated by rho_offset[i] (FIPS 202 §3.2.2, §3.2.3),
 * starting with lane (1, 0). Lane x + 5y. */
static const uint8_t pi_lane[24] = {
    10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
    15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1,
};
static const uint8_t rho_offset[24] = {
    1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
    27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44,
};

static uint64_t rotl64(uint64_t v, unsigned n)
{
    return (v << n) | (v >> (64 - n)); /* n is 1..63 */
}

void utsec_aka_keccak_f1600(uint64_t a[25])
{
    uint64_t c[10], t, u; /* c[x + 5] = c[x]: indices need no mod 5 */
    unsigned round, x, y;

    for (round = 0; round < 24; round++) {
        /* theta: add the parities of two neighbouring columns */
        for (x = 0; x < 5; x++)
            c[x] = c[x + 5] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (x = 0; x < 5; x++) {
            t = c[x + 4] ^ rotl64(c[x + 1], 1);
            for (y = 0; y < 25; y += 5)
                a[x + y] ^= t;
        }
        /* rho and pi: rotate each lane while moving it */
        t = a[1];
        for (x = 0; x < 24; x++) {
            u = a[pi_lane[x]];
            a[pi_lane[x]] = rotl64(t, rho_offset[x]);
            t = u;
        }
        /* chi: the only non-linear step, row by row */
        for (y = 0; y < 25; y += 5) {
            for (x = 0; x < 5; x++)
                c[x] = c[x + 5] = a[x + y];
            for (x = 0; x < 5; x++)
                a[x + y] = c[x] ^ (~c[x + 1] & c[x + 2]);
        }
        /* iota */
        for (x = 0; x < 7; x++)
            a[0] ^= (uint64_t)((round_const[round] >> x) & 1u) << ((1u << x) - 1);
    }
    utsec_wipe(c, sizeof(c));
    utsec_wipe(&t, sizeof(t));
    utsec_wipe(&u, sizeof(u));
}
