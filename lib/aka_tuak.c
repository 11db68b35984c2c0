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

/* Append n octets of p reversed at *pos (zeros, already there, when p is
 * NULL). */
static void put_rev(uint8_t *st, size_t *pos, const uint8_t *p, size_t n)
{
    size_t i;

    for (i = 0; p != NULL && i < n; i++)
        st[*pos + i] = p[n - 1 - i];
    *pos += n;
}

/* Read n octets from st + off reversed into out (none when out is NULL). */
static void get_rev(const uint8_t *st, size_t off, uint8_t *out, size_t n)
{
    size_t i;

    for (i = 0; out != NULL && i < n; i++)
        out[i] = st[off + n - 1 - i];
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

/* Check K, TOPc (or TOP) and the iteration count, then fill the state and
 * run Keccak; the K256 bit of the instance follows k_len. topc is TOP when
 * deriving TOPc; rand, amf, sqn may be NULL for all-zero fields. */
static int tuak_core(uint8_t st[TUAK_STATE], const uint8_t *topc,
                     unsigned instance, const uint8_t *rand,
                     const uint8_t *amf, const uint8_t *sqn, const uint8_t *k,
                     size_t k_len, unsigned iterations)
{
    size_t pos = 0;

    if (k == NULL || topc == NULL || (k_len != 16 && k_len != 32) ||
        iterations < 1 || iterations > TUAK_ITER_MAX)
        return UTSEC_ERR_INVALID_ARG;
    memset(st, 0, TUAK_STATE);
    put_rev(st, &pos, topc, 32);
    st[pos++] = (uint8_t)(instance | (k_len == 32 ? INST_K256 : 0));
    put_rev(st, &pos, algoname, sizeof(algoname));
    put_rev(st, &pos, rand, 16);
    put_rev(st, &pos, amf, 2);
    put_rev(st, &pos, sqn, 6);
    put_rev(st, &pos, k, k_len); /* a 128-bit K is followed by 128 zero bits */
    pos = 96;
    st[pos] = 0x1F; /* Keccak padding of the 1088-bit rate part */
    st[135] = 0x80;
    permute(st, iterations);
    return 0;
}

UTSEC_API int utsec_tuak_topc(const uint8_t *k, size_t k_len,
                              const uint8_t top[UTSEC_TUAK_TOP_LEN],
                              unsigned iterations,
                              uint8_t topc[UTSEC_TUAK_TOP_LEN])
{
    uint8_t st[TUAK_STATE];
    int rc;

    if (topc == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = tuak_core(st, top, 0, NULL, NULL, NULL, k, k_len, iterations);
    if (rc == 0)
        get_rev(st, 0, topc, 32);
    utsec_wipe(st, sizeof(st));
    return rc;
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
                            const utsec_tuak_params_t *p, uint8_t *mac)
{
    uint8_t st[TUAK_STATE];
    int rc;

    if (rand == NULL || sqn == NULL || amf == NULL || p == NULL ||
        mac == NULL || !len_ok(p->mac_len))
        return UTSEC_ERR_INVALID_ARG;
    rc = tuak_core(st, topc, (unsigned)p->mac_len | (star ? INST_F1S : INST_F1),
                   rand, amf, sqn, k, k_len, p->iterations);
    if (rc == 0)
        get_rev(st, 0, mac, p->mac_len);
    utsec_wipe(st, sizeof(st));
    return rc;
}

UTSEC_API int utsec_tuak_f2345(const uint8_t *k, size_t k_len,
                               const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                               const uint8_t rand[UTSEC_AKA_RAND_LEN],
                               const utsec_tuak_params_t *p, uint8_t *res,
                               uint8_t *ck, uint8_t *ik,
                               uint8_t ak[UTSEC_AKA_AK_LEN])
{
    uint8_t st[TUAK_STATE];
    unsigned inst;
    int rc;

    if (rand == NULL || p == NULL ||
        (p->res_len != 4 && !len_ok(p->res_len)) ||
        (p->ck_len != 16 && p->ck_len != 32) ||
        (p->ik_len != 16 && p->ik_len != 32))
        return UTSEC_ERR_INVALID_ARG;
    /* a 32-bit RES has no INSTANCE bit */
    inst = INST_F2345 | (p->res_len == 4 ? 0 : (unsigned)p->res_len) |
           (p->ck_len == 32 ? INST_CK256 : 0) |
           (p->ik_len == 32 ? INST_IK256 : 0);
    rc = tuak_core(st, topc, inst, rand, NULL, NULL, k, k_len, p->iterations);
    if (rc == 0) { /* RES from octet 0, CK from 32, IK from 64, AK from 96 */
        get_rev(st, 0, res, p->res_len);
        get_rev(st, 32, ck, p->ck_len);
        get_rev(st, 64, ik, p->ik_len);
        get_rev(st, 96, ak, UTSEC_AKA_AK_LEN);
    }
    utsec_wipe(st, sizeof(st));
    return rc;
}

UTSEC_API int utsec_tuak_f5star(const uint8_t *k, size_t k_len,
                                const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                unsigned iterations,
                                uint8_t ak_star[UTSEC_AKA_AK_LEN])
{
    uint8_t st[TUAK_STATE];
    int rc;

    if (rand == NULL || ak_star == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = tuak_core(st, topc, INST_F5S, rand, NULL, NULL, k, k_len, iterations);
    if (rc == 0)
        get_rev(st, 96, ak_star, UTSEC_AKA_AK_LEN);
    utsec_wipe(st, sizeof(st));
    return rc;
}
