/*
 * TUAK f1, f1*, f2, f3, f4, f5, f5* and TOPc (TS 35.231 §6), one
 * Keccak-f[1600] evaluation each.
 *
 * TS 35.231 §5.2 lays the 1600-bit input out as
 *   TOPc(256) | INSTANCE(8) | ALGONAME(56) | RAND(128) | AMF(16) | SQN(48) |
 *   KEY(256) | 0x1F | zeros | 0x80 | zeros (the last 512 bits)
 * with its bit numbering putting every field into Keccak's octet-addressed
 * state in reverse octet order; outputs are read back the same way.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

#include <string.h>

#define TUAK_STATE 200
#define TUAK_ITER_MAX 255u

/* INSTANCE (TS 35.231 §6): the top two bits say which function, the others
 * the lengths. */
#define INST_F1 0x00u
#define INST_F1S 0x80u
#define INST_F2345 0x40u
#define INST_F5S 0xC0u
#define INST_K256 0x01u
#define INST_IK256 0x02u
#define INST_CK256 0x04u

static const uint8_t algoname[7] = {'T', 'U', 'A', 'K', '1', '.', '0'};

/* Reverse n octets of src into dst (nothing when either is NULL). */
static void rev(uint8_t *dst, const uint8_t *src, size_t n)
{
    size_t i;

    for (i = 0; dst != NULL && src != NULL && i < n; i++)
        dst[i] = src[n - 1 - i];
}

/* Octet-wise Keccak state <-> lanes (little-endian, FIPS 202 §B.1). */
static void permute(uint8_t st[TUAK_STATE], unsigned iterations)
{
    uint64_t a[25];
    unsigned it, i, j;

    for (i = 0; i < 25; i++) {
        a[i] = 0;
        for (j = 0; j < 8; j++)
            a[i] |= (uint64_t)st[8 * i + j] << (8 * j);
    }
    for (it = 0; it < iterations; it++)
        utsec_aka_keccak_f1600(a);
    for (i = 0; i < 25; i++)
        for (j = 0; j < 8; j++)
            st[8 * i + j] = (uint8_t)(a[i] >> (8 * j));
    utsec_wipe(a, sizeof(a));
}

/* An output field of the state: len octets from octet off, into out (not
 * read when out is NULL). */
struct tuak_out {
    uint8_t *out;
    uint8_t off, len;
};

/* Check K, TOPc (or TOP) and the iteration count, fill the state, run
 * Keccak and read the n outputs; the K256 bit of the instance follows
 * k_len. topc is TOP when deriving TOPc; rand, amf, sqn may be NULL for
 * all-zero fields. */
static int tuak_eval(const uint8_t *k, size_t k_len, const uint8_t *topc,
                     unsigned instance, const uint8_t *rand, const uint8_t *amf,
                     const uint8_t *sqn, unsigned iterations,
                     const struct tuak_out *out, size_t n)
{
    uint8_t st[TUAK_STATE];
    const uint8_t inst = (uint8_t)(instance | (k_len == 32 ? INST_K256 : 0));
    /* the fields in order up to KEY, at octet 64; a 128-bit K is followed
     * by 128 zero bits */
    const uint8_t *const field[6] = {topc, &inst, algoname, rand, amf, sqn};
    static const uint8_t len[6] = {32, 1, sizeof(algoname), 16, 2, 6};
    size_t pos = 0, i;

    if (k == NULL || topc == NULL || (k_len != 16 && k_len != 32) ||
        iterations < 1 || iterations > TUAK_ITER_MAX)
        return UTSEC_ERR_INVALID_ARG;
    memset(st, 0, TUAK_STATE);
    for (i = 0; i < 6; i++) {
        rev(st + pos, field[i], len[i]);
        pos += len[i];
    }
    rev(st + pos, k, k_len);
    st[96] = 0x1F; /* Keccak padding of the 1088-bit rate part */
    st[135] = 0x80;
    permute(st, iterations);
    for (i = 0; i < n; i++)
        rev(out[i].out, st + out[i].off, out[i].len);
    utsec_wipe(st, sizeof(st));
    return 0;
}

UTSEC_API int utsec_tuak_topc(const uint8_t *k, size_t k_len,
                              const uint8_t top[UTSEC_TUAK_TOP_LEN],
                              unsigned iterations,
                              /* NOLINTNEXTLINE(readability-non-const-parameter): written through out.p */
                              uint8_t topc[UTSEC_TUAK_TOP_LEN])
{
    const struct tuak_out out = {topc, 0, 32};

    if (topc == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return tuak_eval(k, k_len, top, 0, NULL, NULL, NULL, iterations, &out, 1);
}

/* A 64, 128 or 256-bit MAC or RES; its INSTANCE bits (TS 35.231 §6) are
 * 0x08, 0x10 and 0x20, i.e. its length in octets. */
static int len_ok(size_t len)
{
    return len == 8 || len == 16 || len == 32;
}

UTSEC_API int utsec_tuak_f1(const uint8_t *k, size_t k_len,
                            const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                            const uint8_t rand[UTSEC_AKA_RAND_LEN],
                            const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                            const uint8_t amf[UTSEC_AKA_AMF_LEN], int star,
                            /* NOLINTNEXTLINE(readability-non-const-parameter): written through out.p */
                            const utsec_tuak_params_t *p, uint8_t *mac)
{
    struct tuak_out out = {mac, 0, 0};

    if (rand == NULL || sqn == NULL || amf == NULL || p == NULL ||
        mac == NULL || !len_ok(p->mac_len))
        return UTSEC_ERR_INVALID_ARG;
    out.len = (uint8_t)p->mac_len;
    return tuak_eval(k, k_len, topc,
                     (unsigned)p->mac_len | (star ? INST_F1S : INST_F1), rand,
                     amf, sqn, p->iterations, &out, 1);
}

UTSEC_API int utsec_tuak_f2345(const uint8_t *k, size_t k_len,
                               const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                               const uint8_t rand[UTSEC_AKA_RAND_LEN],
                               const utsec_tuak_params_t *p, uint8_t *res,
                               uint8_t *ck, uint8_t *ik,
                               uint8_t ak[UTSEC_AKA_AK_LEN])
{
    unsigned inst;

    if (rand == NULL || p == NULL ||
        (p->res_len != 4 && !len_ok(p->res_len)) ||
        (p->ck_len != 16 && p->ck_len != 32) ||
        (p->ik_len != 16 && p->ik_len != 32))
        return UTSEC_ERR_INVALID_ARG;
    /* a 32-bit RES has no INSTANCE bit */
    inst = INST_F2345 | (p->res_len == 4 ? 0 : (unsigned)p->res_len) |
           (p->ck_len == 32 ? INST_CK256 : 0) |
           (p->ik_len == 32 ? INST_IK256 : 0);
    { /* RES from octet 0, CK from 32, IK from 64, AK from 96 */
        const struct tuak_out out[4] = {{res, 0, (uint8_t)p->res_len},
                                        {ck, 32, (uint8_t)p->ck_len},
                                        {ik, 64, (uint8_t)p->ik_len},
                                        {ak, 96, UTSEC_AKA_AK_LEN}};

        return tuak_eval(k, k_len, topc, inst, rand, NULL, NULL,
                         p->iterations, out, 4);
    }
}

UTSEC_API int utsec_tuak_f5star(const uint8_t *k, size_t k_len,
                                const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                unsigned iterations,
                                /* NOLINTNEXTLINE(readability-non-const-parameter): written through out.p */
                                uint8_t ak_star[UTSEC_AKA_AK_LEN])
{
    const struct tuak_out out = {ak_star, 96, UTSEC_AKA_AK_LEN};

    if (rand == NULL || ak_star == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return tuak_eval(k, k_len, topc, INST_F5S, rand, NULL, NULL, iterations,
                     &out, 1);
}
