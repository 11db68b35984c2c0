/*
 * The XOR test algorithm of TS 34.108 §8.1.2, used by test USIMs and test
 * equipment (it offers no security):
 *   XDOUT = K xor RAND; RES = XDOUT[0..n-1]; CK = XDOUT rotated left by one
 *   octet; IK = rotated by two; AK = XDOUT[24..71];
 *   MAC = XDOUT[0..63] xor (SQN || AMF).
 * The same f1 serves as f1* and the same f5 as f5* (the test specification
 * defines one of each).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

#include <string.h>

void utsec_aka_xor_run(const uint8_t k[16], const uint8_t rand[16],
                       const uint8_t *sqn_in, const uint8_t *amf, unsigned want,
                       utsec_aka_out_t *o)
{
    uint8_t *x = o->res; /* XDOUT, RES being its first octets */
    int i;

    for (i = 0; i < 16; i++)
        x[i] = (uint8_t)(k[i] ^ rand[i]);
    for (i = 0; i < 16; i++) {
        o->ck[i] = x[(i + 1) % 16];
        o->ik[i] = x[(i + 2) % 16];
    }
    memcpy(o->ak, x + 3, 6);
    memcpy(o->ak_star, x + 3, 6);
    if (want & AKA_MACS) {
        utsec_aka_out_sqn(o, sqn_in, want);
        for (i = 0; i < 8; i++) /* MAC-A = MAC-S */
            o->mac[i] = o->mac[i + 8] =
                (uint8_t)(x[i] ^ (i < 6 ? o->sqn[i] : amf[i - 6]));
    }
}
