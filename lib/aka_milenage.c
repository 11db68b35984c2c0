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
    int rc, i;

    if (m == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(m, sizeof(*m));
    if (k == NULL || op_or_opc == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_aes128_setkey(aes_of(m), k);
    if (rc == 0 && is_op) {
        /* OPc = OP xor E_K(OP), with the schedule just expanded. */
        rc = utsec_aes128_encrypt(aes_of(m), op_or_opc, e);
        for (i = 0; i < 16; i++)
            m->opc[i] = (uint8_t)(op_or_opc[i] ^ e[i]);
        utsec_wipe(e, sizeof(e));
    } else if (rc == 0) {
        memcpy(m->opc, op_or_opc, 16);
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

/* Intermediate values of one Milenage run; wiped as a whole by the caller. */
struct milenage_work {
    uint8_t temp[16]; /* TEMP = E_K(RAND xor OPc) */
    uint8_t tx2[32];  /* (TEMP xor OPc) twice, so rot() is a plain offset */
    uint8_t x[16];    /* AES input */
    uint8_t out[16];  /* AES output */
    uint8_t o[16];    /* OUTk, for f1 and utsec_aka_milenage_compute() */
};

static int milenage_temp(utsec_milenage_t *m, const uint8_t rand[16],
                         struct milenage_work *w)
{
    int rc;

    xor16(w->x, rand, m->opc);
    rc = utsec_aes128_encrypt(aes_of(m), w->x, w->temp);
    xor16(w->tx2, w->temp, m->opc);
    memcpy(w->tx2 + 16, w->tx2, 16);
    return rc;
}

/* OUTk = E_K(rot(TEMP xor OPc, rk) xor ck) xor OPc for k = 2..5: rot turns
 * towards the most significant bit by rk = 8 * rot_octets bits, and ck has
 * the single non-zero last octet c_last. */
static int milenage_out(utsec_milenage_t *m, struct milenage_work *w,
                        unsigned rot_octets, uint8_t c_last, uint8_t out[16])
{
    int rc;

    memcpy(w->x, w->tx2 + rot_octets, 16);
    w->x[15] ^= c_last;
    rc = utsec_aes128_encrypt(aes_of(m), w->x, w->out);
    xor16(out, w->out, m->opc);
    return rc;
}

/* OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1 = 64) xor c1 = 0) xor OPc, with
 * IN1 = SQN || AMF || SQN || AMF (so rot by 64 bits swaps the halves). */
static int milenage_out1(utsec_milenage_t *m, struct milenage_work *w,
                         const uint8_t sqn[6], const uint8_t amf[2],
                         uint8_t out[16])
{
    uint8_t half[16];
    int rc;

    /* rot(IN1 xor OPc, 64) = (half xor OPc[8..15]) || (half xor OPc[0..7])
     * with half = SQN || AMF; w->temp was written by milenage_temp(). */
    memcpy(half, sqn, 6);
    memcpy(half + 6, amf, 2);
    memcpy(half + 8, half, 8);
    xor16(w->x, w->temp, half);
    xor8x2_swapped(w->x, m->opc);
    rc = utsec_aes128_encrypt(aes_of(m), w->x, w->out);
    xor16(out, w->out, m->opc);
    return rc;
}

UTSEC_API int utsec_milenage_f1(utsec_milenage_t *m,
                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                uint8_t mac_a[UTSEC_AKA_MAC_LEN],
                                uint8_t mac_s[UTSEC_AKA_MAC_LEN])
{
    struct milenage_work w;
    int rc;

    if (m == NULL || rand == NULL || sqn == NULL || amf == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!m->ready)
        return UTSEC_ERR_STATE;
    rc = milenage_temp(m, rand, &w);
    if (rc == 0)
        rc = milenage_out1(m, &w, sqn, amf, w.o);
    if (rc == 0) {
        if (mac_a != NULL) /* f1 = OUT1[0..63] */
            memcpy(mac_a, w.o, 8);
        if (mac_s != NULL) /* f1* = OUT1[64..127] */
            memcpy(mac_s, w.o + 8, 8);
    }
    utsec_wipe(&w, sizeof(w));
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
    /* Outputs are built here and copied only when every block succeeded;
     * the intermediate values are wiped together. */
    struct {
        struct milenage_work w;
        uint8_t out[4][16]; /* OUT2 .. OUT5 */
    } t;
    const int need[4] = {res != NULL || ak != NULL, ck != NULL, ik != NULL,
                         ak_star != NULL};
    int rc, i;

    if (m == NULL || rand == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!m->ready)
        return UTSEC_ERR_STATE;
    rc = milenage_temp(m, rand, &t.w);
    /* OUTk for k = 2..5: rk = 0, 32, 64, 96 bits; ck = ..01, ..02, ..04, ..08 */
    for (i = 0; i < 4 && rc == 0; i++)
        if (need[i])
            rc = milenage_out(m, &t.w, 4u * (unsigned)i, (uint8_t)(1u << i),
                              t.out[i]);
    if (rc == 0) {
        if (ak != NULL) /* AK = OUT2[0..47] */
            memcpy(ak, t.out[0], 6);
        if (res != NULL) /* RES = OUT2[64..127] */
            memcpy(res, t.out[0] + 8, 8);
        if (ck != NULL) /* CK = OUT3 */
            memcpy(ck, t.out[1], 16);
        if (ik != NULL) /* IK = OUT4 */
            memcpy(ik, t.out[2], 16);
        if (ak_star != NULL) /* AK* = OUT5[0..47] */
            memcpy(ak_star, t.out[3], 6);
    }
    utsec_wipe(&t, sizeof(t));
    return rc;
}

int utsec_aka_milenage_compute(utsec_milenage_t *m, const uint8_t rand[16],
                               const uint8_t sqn_in[6], int sqn_concealed,
                               const uint8_t amf[2], uint8_t sqn_out[6],
                               uint8_t mac_a[8], uint8_t res[8], uint8_t ck[16],
                               uint8_t ik[16], uint8_t ak[6])
{
    struct milenage_work w;
    int rc, i;

    if (!m->ready)
        return UTSEC_ERR_STATE;
    rc = milenage_temp(m, rand, &w);
    if (rc == 0) /* OUT2: AK and RES */
        rc = milenage_out(m, &w, 0, 0x01, w.o);
    if (rc == 0) {
        memcpy(ak, w.o, 6);
        memcpy(res, w.o + 8, 8);
        /* SQN = SQN_in xor (AK and mask), mask all-ones when concealed */
        uint8_t mask = (uint8_t)(0u - (unsigned)(sqn_concealed != 0));
        for (i = 0; i < 6; i++)
            sqn_out[i] = (uint8_t)(sqn_in[i] ^ (w.o[i] & mask));
        rc = milenage_out1(m, &w, sqn_out, amf, w.o);
    }
    if (rc == 0) {
        memcpy(mac_a, w.o, 8);
        rc = milenage_out(m, &w, 4, 0x02, ck);
    }
    if (rc == 0)
        rc = milenage_out(m, &w, 8, 0x04, ik);
    utsec_wipe(&w, sizeof(w));
    return rc;
}
