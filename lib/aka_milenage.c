/*
 * Milenage f1, f1*, f2, f3, f4, f5, f5* and OPc (TS 35.206 §4.1), on AES-128
 * with a key schedule expanded once per subscriber.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"
#include "crypto.h"

#include <stddef.h>
#include <string.h>

_Static_assert(sizeof(utsec_aes128_t) <= UTSEC_AKA_AES_STORAGE,
               "utsec_milenage_t: AES storage too small for this mbedTLS");

static utsec_aes128_t *aes_of(utsec_milenage_t *m)
{
    return (utsec_aes128_t *)(void *)m->aes.bytes;
}

/* 16-octet XOR through 64-bit words (memcpy keeps it alignment-safe and
 * lets the compiler use vector registers). d may alias a or b. */
static void xor16(uint8_t *d, const uint8_t *a, const uint8_t *b)
{
    uint64_t a0, a1, b0, b1;

    memcpy(&a0, a, 8);
    memcpy(&a1, a + 8, 8);
    memcpy(&b0, b, 8);
    memcpy(&b1, b + 8, 8);
    a0 ^= b0;
    a1 ^= b1;
    memcpy(d, &a0, 8);
    memcpy(d + 8, &a1, 8);
}

/* d[0..7] ^= o[8..15], d[8..15] ^= o[0..7] (the 64-bit rotation of OPc). */
static void xor8x2_swapped(uint8_t d[16], const uint8_t o[16])
{
    uint64_t d0, d1, o0, o1;

    memcpy(&d0, d, 8);
    memcpy(&d1, d + 8, 8);
    memcpy(&o0, o, 8);
    memcpy(&o1, o + 8, 8);
    d0 ^= o1;
    d1 ^= o0;
    memcpy(d, &d0, 8);
    memcpy(d + 8, &d1, 8);
}

UTSEC_API int utsec_milenage_opc(const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                 const uint8_t op[UTSEC_MILENAGE_KEY_LEN],
                                 uint8_t opc[UTSEC_MILENAGE_KEY_LEN])
{
    utsec_milenage_t m;
    int rc;

    if (k == NULL || op == NULL || opc == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_milenage_setup(&m, k, op, 1);
    if (rc == 0)
        memcpy(opc, m.opc, sizeof(m.opc));
    utsec_milenage_free(&m);
    return rc;
}

UTSEC_API int utsec_milenage_setup(utsec_milenage_t *m,
                                   const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                   const uint8_t op_or_opc[UTSEC_MILENAGE_KEY_LEN],
                                   int is_op)
{
    uint8_t e[16];
    int rc;

    if (m == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(m, sizeof(*m));
    if (k == NULL || op_or_opc == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_aes128_setkey(aes_of(m), k);
    memcpy(m->opc, op_or_opc, 16);
    if (rc == 0 && is_op) {
        /* OPc = OP xor E_K(OP), with the schedule just expanded. */
        rc = utsec_aes128_encrypt(aes_of(m), op_or_opc, e);
        xor16(m->opc, m->opc, e);
        utsec_wipe(e, sizeof(e));
    }
    if (rc != 0) { /* not ready: nothing to free but the wipe */
        utsec_wipe(m, sizeof(*m));
        return rc;
    }
    m->ready = 1;
    return 0;
}

UTSEC_API void utsec_milenage_init(utsec_milenage_t *m)
{
    if (m != NULL)
        memset(m, 0, sizeof(*m));
}

UTSEC_API void utsec_milenage_free(utsec_milenage_t *m)
{
    if (m == NULL)
        return;
    if (m->ready)
        utsec_aes128_free(aes_of(m));
    utsec_wipe(m, sizeof(*m));
}

/* Intermediate values of one Milenage run; wiped as a whole. */
struct milenage_work {
    uint8_t temp[16]; /* TEMP = E_K(RAND xor OPc) */
    uint8_t tx2[32];  /* (TEMP xor OPc) twice, so rot() is a plain offset */
    uint8_t x[16];    /* AES input */
    uint8_t out[16];  /* AES output, then OUTk = it xor OPc */
};

int utsec_aka_milenage_run(utsec_milenage_t *m, const uint8_t rand[16],
                           const uint8_t *sqn_in, const uint8_t *amf,
                           unsigned want, utsec_aka_out_t *o)
{
    /* OUT2 .. OUT5, then OUT1 (over the SQN that AK may conceal), when one
     * of these outputs is wanted, and where each goes: AK = OUT2[0..47],
     * CK = OUT3, IK = OUT4, AK* = OUT5[0..47], f1 || f1* = OUT1 */
    static const uint8_t need[5] = {AKA_RES | AKA_AK, AKA_CK, AKA_IK,
                                    AKA_AK_STAR, AKA_MACS};
    static const uint8_t dst[5] = {
        offsetof(utsec_aka_out_t, ak), offsetof(utsec_aka_out_t, ck),
        offsetof(utsec_aka_out_t, ik), offsetof(utsec_aka_out_t, ak_star),
        offsetof(utsec_aka_out_t, mac)};
    static const uint8_t dst_len[5] = {6, 16, 16, 6, 16};
    struct milenage_work w;
    unsigned i;
    int rc;

    if (!m->ready)
        return UTSEC_ERR_STATE;
    xor16(w.x, rand, m->opc);
    rc = utsec_aes128_encrypt(aes_of(m), w.x, w.temp);
    xor16(w.tx2, w.temp, m->opc);
    memcpy(w.tx2 + 16, w.tx2, 16);
    for (i = 0; i < 5 && rc == 0; i++) {
        if (!(want & need[i]))
            continue;
        if (i < 4) {
            /* OUTk = E_K(rot(TEMP xor OPc, rk) xor ck) xor OPc for k = 2..5:
             * rot turns towards the most significant bit by rk = 0, 32, 64,
             * 96 bits, and ck = ..01, ..02, ..04, ..08 */
            memcpy(w.x, w.tx2 + (size_t)i * 4, 16);
            w.x[15] ^= (uint8_t)(1u << i);
        } else {
            /* OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1 = 64) xor c1 = 0) xor
             * OPc, with IN1 = SQN || AMF || SQN || AMF, so the rotation by 64
             * bits swaps the halves: (half xor OPc[8..15]) || (half xor
             * OPc[0..7]) with half = SQN || AMF. */
            utsec_aka_out_sqn(o, sqn_in, want);
            memcpy(w.out, o->sqn, 6);
            memcpy(w.out + 6, amf, 2);
            memcpy(w.out + 8, w.out, 8);
            xor16(w.x, w.temp, w.out);
            xor8x2_swapped(w.x, m->opc);
        }
        rc = utsec_aes128_encrypt(aes_of(m), w.x, w.out);
        xor16(w.out, w.out, m->opc);
        /* two constant lengths: plain moves, no memcpy call */
        if (dst_len[i] == 16)
            memcpy((uint8_t *)o + dst[i], w.out, 16);
        else
            memcpy((uint8_t *)o + dst[i], w.out, 6);
        if (i == 0) /* RES = OUT2[64..127] */
            memcpy(o->res, w.out + 8, 8);
    }
    utsec_wipe(&w, sizeof(w));
    return rc;
}

UTSEC_API int utsec_milenage_f1(utsec_milenage_t *m,
                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                uint8_t mac_a[UTSEC_AKA_MAC_LEN],
                                uint8_t mac_s[UTSEC_AKA_MAC_LEN])
{
    if (m == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_aka_f1_of(NULL, m, rand, sqn, amf, mac_a, mac_s);
}

UTSEC_API int utsec_milenage_f2345(utsec_milenage_t *m,
                                   const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                   uint8_t res[8],
                                   uint8_t ck[UTSEC_AKA_KEY_LEN],
                                   uint8_t ik[UTSEC_AKA_KEY_LEN],
                                   uint8_t ak[UTSEC_AKA_AK_LEN],
                                   uint8_t ak_star[UTSEC_AKA_AK_LEN])
{
    if (m == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_aka_f2345_of(NULL, m, rand, res, ck, ik, ak, ak_star);
}
