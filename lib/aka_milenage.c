/*
 * Milenage f1, f1*, f2, f3, f4, f5, f5* and OPc (TS 35.206 §4.1), on AES-128
 * with a key schedule expanded once per subscriber.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"
#include "crypto.h"

#include <string.h>

_Static_assert(sizeof(utsec_aes128_t) <= UTSEC_AKA_AES_STORAGE,
               "utsec_milenage_t: AES storage too small for this mbedTLS");

static utsec_aes128_t *aes_of(utsec_milenage_t *m)
{
    return (utsec_aes128_t *)(void *)m->aes.bytes;
}

UTSEC_API int utsec_milenage_opc(const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                 const uint8_t op[UTSEC_MILENAGE_KEY_LEN],
                                 uint8_t opc[UTSEC_MILENAGE_KEY_LEN])
{
    utsec_aes128_t aes;
    uint8_t e[16];
    int rc, i;

    if (k == NULL || op == NULL || opc == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_aes128_setkey(&aes, k);
    if (rc != 0)
        return rc;
    rc = utsec_aes128_encrypt(&aes, op, e);
    utsec_aes128_free(&aes);
    if (rc == 0)
        for (i = 0; i < 16; i++)
            opc[i] = (uint8_t)(op[i] ^ e[i]);
    utsec_wipe(e, sizeof(e));
    return rc;
}

UTSEC_API int utsec_milenage_setup(utsec_milenage_t *m,
                                   const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                   const uint8_t op_or_opc[UTSEC_MILENAGE_KEY_LEN],
                                   int is_op)
{
    uint8_t e[16];
    int rc, i;

    if (m == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(m, sizeof(*m));
    if (k == NULL || op_or_opc == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_aes128_setkey(aes_of(m), k);
    if (rc != 0) {
        utsec_wipe(m, sizeof(*m));
        return rc;
    }
    if (is_op) {
        /* OPc = OP xor E_K(OP), with the schedule just expanded. */
        rc = utsec_aes128_encrypt(aes_of(m), op_or_opc, e);
        for (i = 0; i < 16; i++)
            m->opc[i] = (uint8_t)(op_or_opc[i] ^ e[i]);
        utsec_wipe(e, sizeof(e));
        if (rc != 0) {
            utsec_milenage_free(m);
            return rc;
        }
    } else {
        memcpy(m->opc, op_or_opc, 16);
    }
    m->ready = 1;
    return 0;
}

UTSEC_API void utsec_milenage_free(utsec_milenage_t *m)
{
    if (m == NULL)
        return;
    if (m->ready)
        utsec_aes128_free(aes_of(m));
    utsec_wipe(m, sizeof(*m));
}

/* TEMP = E_K(RAND xor OPc). x is scratch space the caller wipes. */
static int milenage_temp(utsec_milenage_t *m, const uint8_t rand[16],
                         uint8_t x[16], uint8_t temp[16])
{
    int i;

    for (i = 0; i < 16; i++)
        x[i] = (uint8_t)(rand[i] ^ m->opc[i]);
    return utsec_aes128_encrypt(aes_of(m), x, temp);
}

/* OUTk = E_K(rot(TEMP xor OPc, r) xor c) xor OPc for k = 2..5, where rot
 * turns towards the most significant bit by r = 8 * rot_octets bits and c
 * has the single non-zero last octet c_last. x is scratch space the caller
 * wipes. */
static int milenage_out(utsec_milenage_t *m, const uint8_t temp[16],
                        unsigned rot_octets, uint8_t c_last, uint8_t x[16],
                        uint8_t out[16])
{
    unsigned i;
    int rc;

    for (i = 0; i < 16; i++) {
        unsigned j = (i + rot_octets) & 15u;
        x[i] = (uint8_t)(temp[j] ^ m->opc[j]);
    }
    x[15] ^= c_last;
    rc = utsec_aes128_encrypt(aes_of(m), x, out);
    for (i = 0; i < 16; i++)
        out[i] ^= m->opc[i];
    return rc;
}

UTSEC_API int utsec_milenage_f1(utsec_milenage_t *m,
                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                uint8_t mac_a[UTSEC_AKA_MAC_LEN],
                                uint8_t mac_s[UTSEC_AKA_MAC_LEN])
{
    uint8_t temp[16], in1[16], x[16], out1[16];
    unsigned i;
    int rc;

    if (m == NULL || rand == NULL || sqn == NULL || amf == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!m->ready)
        return UTSEC_ERR_STATE;
    /* IN1 = SQN || AMF || SQN || AMF */
    memcpy(in1, sqn, 6);
    memcpy(in1 + 6, amf, 2);
    memcpy(in1 + 8, in1, 8);
    rc = milenage_temp(m, rand, x, temp);
    if (rc == 0) {
        /* OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1 = 64) xor c1 = 0) xor OPc */
        for (i = 0; i < 16; i++) {
            unsigned j = (i + 8) % 16;
            x[i] = (uint8_t)(temp[i] ^ in1[j] ^ m->opc[j]);
        }
        rc = utsec_aes128_encrypt(aes_of(m), x, out1);
    }
    if (rc == 0) {
        for (i = 0; i < 16; i++)
            out1[i] ^= m->opc[i];
        if (mac_a != NULL)
            memcpy(mac_a, out1, 8);
        if (mac_s != NULL)
            memcpy(mac_s, out1 + 8, 8);
    }
    utsec_wipe(temp, sizeof(temp));
    utsec_wipe(x, sizeof(x));
    utsec_wipe(out1, sizeof(out1));
    return rc;
}

UTSEC_API int utsec_milenage_f2345(utsec_milenage_t *m,
                                   const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                   uint8_t res[8],
                                   uint8_t ck[UTSEC_AKA_KEY_LEN],
                                   uint8_t ik[UTSEC_AKA_KEY_LEN],
                                   uint8_t ak[UTSEC_AKA_AK_LEN],
                                   uint8_t ak_star[UTSEC_AKA_AK_LEN])
{
    /* Outputs are built here and copied only when every block succeeded. */
    uint8_t temp[16], x[16], out2[16], out3[16], out4[16], out5[16];
    int rc;

    if (m == NULL || rand == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!m->ready)
        return UTSEC_ERR_STATE;
    rc = milenage_temp(m, rand, x, temp);
    /* r2 = 0, c2 = ..01: AK = OUT2[0..47], RES = OUT2[64..127] */
    if (rc == 0 && (res != NULL || ak != NULL))
        rc = milenage_out(m, temp, 0, 0x01, x, out2);
    /* r3 = 32, c3 = ..02: CK = OUT3 */
    if (rc == 0 && ck != NULL)
        rc = milenage_out(m, temp, 4, 0x02, x, out3);
    /* r4 = 64, c4 = ..04: IK = OUT4 */
    if (rc == 0 && ik != NULL)
        rc = milenage_out(m, temp, 8, 0x04, x, out4);
    /* r5 = 96, c5 = ..08: AK* = OUT5[0..47] */
    if (rc == 0 && ak_star != NULL)
        rc = milenage_out(m, temp, 12, 0x08, x, out5);
    if (rc == 0) {
        if (ak != NULL)
            memcpy(ak, out2, 6);
        if (res != NULL)
            memcpy(res, out2 + 8, 8);
        if (ck != NULL)
            memcpy(ck, out3, 16);
        if (ik != NULL)
            memcpy(ik, out4, 16);
        if (ak_star != NULL)
            memcpy(ak_star, out5, 6);
    }
    utsec_wipe(temp, sizeof(temp));
    utsec_wipe(x, sizeof(x));
    utsec_wipe(out2, sizeof(out2));
    utsec_wipe(out3, sizeof(out3));
    utsec_wipe(out4, sizeof(out4));
    utsec_wipe(out5, sizeof(out5));
    return rc;
}

int aka_milenage_compute(utsec_milenage_t *m, const uint8_t rand[16],
                         const uint8_t sqn_in[6], int sqn_concealed,
                         const uint8_t amf[2], uint8_t sqn_out[6],
                         uint8_t mac_a[8], uint8_t res[8], uint8_t ck[16],
                         uint8_t ik[16], uint8_t ak[6])
{
    struct {
        uint8_t temp[16], x[16], out[16], in1[16];
    } w;
    unsigned i;
    int rc;

    if (!m->ready)
        return UTSEC_ERR_STATE;
    rc = milenage_temp(m, rand, w.x, w.temp);
    if (rc == 0) /* OUT2: AK and RES */
        rc = milenage_out(m, w.temp, 0, 0x01, w.x, w.out);
    if (rc == 0) {
        memcpy(ak, w.out, 6);
        memcpy(res, w.out + 8, 8);
        for (i = 0; i < 6; i++)
            sqn_out[i] = (uint8_t)(sqn_in[i] ^ (sqn_concealed ? ak[i] : 0));
        /* OUT1 with IN1 = SQN || AMF || SQN || AMF */
        memcpy(w.in1, sqn_out, 6);
        memcpy(w.in1 + 6, amf, 2);
        memcpy(w.in1 + 8, w.in1, 8);
        for (i = 0; i < 16; i++) {
            unsigned j = (i + 8) % 16;
            w.x[i] = (uint8_t)(w.temp[i] ^ w.in1[j] ^ m->opc[j]);
        }
        rc = utsec_aes128_encrypt(aes_of(m), w.x, w.out);
    }
    if (rc == 0) {
        for (i = 0; i < 8; i++)
            mac_a[i] = (uint8_t)(w.out[i] ^ m->opc[i]);
        rc = milenage_out(m, w.temp, 4, 0x02, w.x, ck);
    }
    if (rc == 0)
        rc = milenage_out(m, w.temp, 8, 0x04, w.x, ik);
    utsec_wipe(&w, sizeof(w));
    return rc;
}
