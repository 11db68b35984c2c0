/*
 * The algorithm-neutral subscriber key: one enum + union, dispatched here,
 * so vectors, the UE check, AUTS and resync never look at the algorithm.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

#include <stddef.h>
#include <string.h>

UTSEC_API void utsec_aka_key_init(utsec_aka_key_t *key)
{
    if (key != NULL)
        memset(key, 0, sizeof(*key));
}

UTSEC_API void utsec_aka_key_free(utsec_aka_key_t *key)
{
    if (key == NULL)
        return;
    if (key->alg == UTSEC_AKA_ALG_MILENAGE)
        utsec_milenage_free(&key->u.milenage);
    utsec_wipe(key, sizeof(*key));
}

UTSEC_API int utsec_aka_key_setup_milenage(utsec_aka_key_t *key,
                                           const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                           const uint8_t op_or_opc[UTSEC_MILENAGE_KEY_LEN],
                                           int is_op, size_t res_len)
{
    int rc;

    if (key == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_aka_key_free(key);
    if (k == NULL || op_or_opc == NULL || res_len < 4 || res_len > 8)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_milenage_setup(&key->u.milenage, k, op_or_opc, is_op);
    if (rc != 0) {
        utsec_aka_key_free(key);
        return rc;
    }
    key->alg = UTSEC_AKA_ALG_MILENAGE;
    key->res_len = res_len;
    return 0;
}

UTSEC_API int utsec_aka_key_setup_tuak(utsec_aka_key_t *key, const uint8_t *k,
                                       size_t k_len,
                                       const uint8_t top_or_topc[UTSEC_TUAK_TOP_LEN],
                                       int is_top, size_t res_len,
                                       unsigned iterations)
{
    int rc = 0;

    if (key == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_aka_key_free(key);
    if (k == NULL || top_or_topc == NULL || (k_len != 16 && k_len != 32) ||
        (res_len != 4 && res_len != 8 && res_len != 16 && res_len != 32) ||
        iterations < 1 || iterations > 255)
        return UTSEC_ERR_INVALID_ARG;
    if (is_top)
        rc = utsec_tuak_topc(k, k_len, top_or_topc, iterations,
                             key->u.tuak.topc);
    else
        memcpy(key->u.tuak.topc, top_or_topc, UTSEC_TUAK_TOP_LEN);
    if (rc != 0) {
        utsec_aka_key_free(key);
        return rc;
    }
    memcpy(key->u.tuak.k, k, k_len);
    key->u.tuak.k_len = k_len;
    key->u.tuak.iterations = iterations;
    key->alg = UTSEC_AKA_ALG_TUAK;
    key->res_len = res_len;
    return 0;
}

UTSEC_API int utsec_aka_key_setup_xor(utsec_aka_key_t *key,
                                      const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                      size_t res_len)
{
    if (key == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_aka_key_free(key);
    if (k == NULL || res_len < 4 || res_len > 16)
        return UTSEC_ERR_INVALID_ARG;
    memcpy(key->u.xor_alg.k, k, 16);
    key->alg = UTSEC_AKA_ALG_XOR;
    key->res_len = res_len;
    return 0;
}

UTSEC_API utsec_aka_alg_t utsec_aka_key_alg(const utsec_aka_key_t *key)
{
    return key != NULL ? key->alg : UTSEC_AKA_ALG_NONE;
}

UTSEC_API size_t utsec_aka_key_res_len(const utsec_aka_key_t *key)
{
    return key != NULL && key->alg != UTSEC_AKA_ALG_NONE ? key->res_len : 0;
}

/* The TUAK parameters the AKA procedures use: 64-bit MAC, 128-bit CK/IK. */
static int tuak_run(utsec_aka_key_t *key, const uint8_t rand[16],
                    const uint8_t *sqn_in, const uint8_t *amf, unsigned want,
                    utsec_aka_out_t *o)
{
    const uint8_t *k = key->u.tuak.k, *topc = key->u.tuak.topc;
    size_t k_len = key->u.tuak.k_len;
    utsec_tuak_params_t p;
    int rc = 0, star;

    p.mac_len = UTSEC_AKA_MAC_LEN;
    p.res_len = key->res_len;
    p.ck_len = UTSEC_AKA_KEY_LEN;
    p.ik_len = UTSEC_AKA_KEY_LEN;
    p.iterations = key->u.tuak.iterations;
    /* one Keccak run for f2..f5, one for f5*, one each for f1 and f1* */
    if (want & (AKA_RES | AKA_CK | AKA_IK | AKA_AK))
        rc = utsec_tuak_f2345(k, k_len, topc, rand, &p, o->res, o->ck, o->ik,
                              o->ak);
    if (rc == 0 && (want & AKA_AK_STAR))
        rc = utsec_tuak_f5star(k, k_len, topc, rand, p.iterations, o->ak_star);
    if (want & AKA_MACS)
        utsec_aka_out_sqn(o, sqn_in, want);
    for (star = 0; star < 2 && rc == 0; star++)
        if (want & ((unsigned)AKA_MAC_A << star))
            rc = utsec_tuak_f1(k, k_len, topc, rand, o->sqn, amf, star, &p,
                               o->mac + (size_t)star * 8);
    return rc;
}

int utsec_aka_run(utsec_aka_key_t *key, const uint8_t rand[16],
                  const uint8_t *sqn_in, const uint8_t *amf, unsigned want,
                  utsec_aka_out_t *o)
{
    memset(o, 0, sizeof(*o));
    switch (key->alg) {
    case UTSEC_AKA_ALG_MILENAGE:
        return utsec_aka_milenage_run(&key->u.milenage, rand, sqn_in, amf,
                                      want, o);
    case UTSEC_AKA_ALG_TUAK:
        return tuak_run(key, rand, sqn_in, amf, want, o);
    case UTSEC_AKA_ALG_XOR:
        utsec_aka_xor_run(key->u.xor_alg.k, rand, sqn_in, amf, want, o);
        return 0;
    case UTSEC_AKA_ALG_NONE:
        break;
    }
    return UTSEC_ERR_STATE;
}

void utsec_aka_out_sqn(utsec_aka_out_t *o, const uint8_t sqn_in[6], unsigned want)
{
    /* the AK that conceals SQN, if any (want is public, AK is not) */
    const uint8_t *ak = (want & AKA_CONCEAL_AK)        ? o->ak
                        : (want & AKA_CONCEAL_AK_STAR) ? o->ak_star
                                                       : NULL;
    int i;

    /* cppcheck-suppress ctunullpointer ; only called with a MAC wanted, and
     * every path that wants one checked sqn_in */
    memcpy(o->sqn, sqn_in, 6);
    for (i = 0; ak != NULL && i < 6; i++)
        o->sqn[i] ^= ak[i];
}

/* A run for key, or for the bare Milenage context m when key is NULL. */
static int run_of(utsec_aka_key_t *key, utsec_milenage_t *m,
                  const uint8_t rand[16], const uint8_t *sqn_in,
                  const uint8_t *amf, unsigned want, utsec_aka_out_t *o)
{
    if (key != NULL)
        return utsec_aka_run(key, rand, sqn_in, amf, want, o);
    memset(o, 0, sizeof(*o));
    return utsec_aka_milenage_run(m, rand, sqn_in, amf, want, o);
}

int utsec_aka_f1_of(utsec_aka_key_t *key, utsec_milenage_t *m,
                    const uint8_t rand[16], const uint8_t sqn[6],
                    const uint8_t amf[2], uint8_t mac_a[8], uint8_t mac_s[8])
{
    uint8_t *const mac[2] = {mac_a, mac_s}; /* f1, f1* */
    utsec_aka_out_t o;
    unsigned want = 0, i;
    int rc;

    if ((key == NULL && m == NULL) || rand == NULL || sqn == NULL || amf == NULL)
        return UTSEC_ERR_INVALID_ARG;
    for (i = 0; i < 2; i++)
        if (mac[i] != NULL)
            want |= (unsigned)AKA_MAC_A << i;
    rc = run_of(key, m, rand, sqn, amf, want, &o);
    for (i = 0; i < 2 && rc == 0; i++)
        if (mac[i] != NULL)
            memcpy(mac[i], o.mac + (size_t)i * 8, 8);
    utsec_wipe(&o, sizeof(o));
    return rc;
}

int utsec_aka_f2345_of(utsec_aka_key_t *key, utsec_milenage_t *m,
                       const uint8_t rand[16], uint8_t *res, uint8_t *ck,
                       uint8_t *ik, uint8_t *ak, uint8_t *ak_star)
{
    /* RES, CK, IK, AK, AK* (want bits AKA_RES << i): where each is in *o,
     * and its length (RES: the key's res_len octets, all 8 of Milenage f2
     * for a bare Milenage context) */
    static const uint8_t off[5] = {
        offsetof(utsec_aka_out_t, res), offsetof(utsec_aka_out_t, ck),
        offsetof(utsec_aka_out_t, ik), offsetof(utsec_aka_out_t, ak),
        offsetof(utsec_aka_out_t, ak_star)};
    static const uint8_t len[5] = {8, 16, 16, 6, 6};
    uint8_t *const dst[5] = {res, ck, ik, ak, ak_star};
    utsec_aka_out_t o;
    unsigned want = 0, i;
    int rc;

    if ((key == NULL && m == NULL) || rand == NULL)
        return UTSEC_ERR_INVALID_ARG;
    for (i = 0; i < 5; i++)
        if (dst[i] != NULL)
            want |= (unsigned)AKA_RES << i;
    rc = run_of(key, m, rand, NULL, NULL, want, &o);
    for (i = 0; i < 5 && rc == 0; i++) /* only when every block succeeded */
        if (dst[i] != NULL)
            memcpy(dst[i], (const uint8_t *)&o + off[i],
                   i == 0 && key != NULL ? key->res_len : len[i]);
    utsec_wipe(&o, sizeof(o));
    return rc;
}

UTSEC_API int utsec_aka_f1(utsec_aka_key_t *key,
                           const uint8_t rand[UTSEC_AKA_RAND_LEN],
                           const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                           const uint8_t amf[UTSEC_AKA_AMF_LEN],
                           uint8_t mac_a[UTSEC_AKA_MAC_LEN],
                           uint8_t mac_s[UTSEC_AKA_MAC_LEN])
{
    if (key == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_aka_f1_of(key, NULL, rand, sqn, amf, mac_a, mac_s);
}

UTSEC_API int utsec_aka_f2345(utsec_aka_key_t *key,
                              const uint8_t rand[UTSEC_AKA_RAND_LEN],
                              uint8_t *res, uint8_t ck[UTSEC_AKA_KEY_LEN],
                              uint8_t ik[UTSEC_AKA_KEY_LEN],
                              uint8_t ak[UTSEC_AKA_AK_LEN],
                              uint8_t ak_star[UTSEC_AKA_AK_LEN])
{
    if (key == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_aka_f2345_of(key, NULL, rand, res, ck, ik, ak, ak_star);
}
