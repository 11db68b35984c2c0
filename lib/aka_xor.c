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

static void xdout(const uint8_t k[16], const uint8_t rand[16], uint8_t x[16])
{
    int i;

    for (i = 0; i < 16; i++)
        x[i] = (uint8_t)(k[i] ^ rand[i]);
}

void utsec_aka_xor_f1(const uint8_t k[16], const uint8_t rand[16],
                      const uint8_t sqn[6], const uint8_t amf[2], uint8_t mac[8])
{
    uint8_t x[16];
    int i;

    xdout(k, rand, x);
    for (i = 0; i < 6; i++)
        mac[i] = (uint8_t)(x[i] ^ sqn[i]);
    mac[6] = (uint8_t)(x[6] ^ amf[0]);
    mac[7] = (uint8_t)(x[7] ^ amf[1]);
    utsec_wipe(x, sizeof(x));
}

void utsec_aka_xor_f2345(const uint8_t k[16], const uint8_t rand[16], uint8_t *res,
                         size_t res_len, uint8_t ck[16], uint8_t ik[16],
                         uint8_t ak[6])
{
    uint8_t x[16];
    int i;

    xdout(k, rand, x);
    if (res != NULL)
        memcpy(res, x, res_len);
    for (i = 0; i < 16; i++) {
        if (ck != NULL)
            ck[i] = x[(i + 1) % 16];
        if (ik != NULL)
            ik[i] = x[(i + 2) % 16];
    }
    if (ak != NULL)
        memcpy(ak, x + 3, 6);
    utsec_wipe(x, sizeof(x));
}
