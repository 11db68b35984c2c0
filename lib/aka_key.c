/*
 * The algorithm-neutral subscriber key: one enum + union, dispatched here,
 * so vectors, the UE check, AUTS and resync never look at the algorithm.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

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
static utsec_tuak_params_t tuak_params(const utsec_aka_key_t *key)
{
    utsec_tuak_params_t p;

    p.mac_len = UTSEC_AKA_MAC_LEN;
    p.res_len = key->res_len;
    p.ck_len = UTSEC_AKA_KEY_LEN;
    p.ik_len = UTSEC_AKA_KEY_LEN;
    p.iterations = key->u.tuak.iterations;
    return p;
}

UTSEC_API int utsec_aka_f1(utsec_aka_key_t *key,
                           const uint8_t rand[UTSEC_AKA_RAND_LEN],
                           const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                           const uint8_t amf[UTSEC_AKA_AMF_LEN],
                           uint8_t mac_a[UTSEC_AKA_MAC_LEN],
                           uint8_t mac_s[UTSEC_AKA_MAC_LEN])
{
    uint8_t *const mac[2] = {mac_a, mac_s}; /* f1, f1* */
    utsec_tuak_params_t p;
    int rc = 0, star;

    if (key == NULL || rand == NULL || sqn == NULL || amf == NULL)
        return UTSEC_ERR_INVALID_ARG;
    switch (key->alg) {
    case UTSEC_AKA_ALG_MILENAGE:
        return utsec_milenage_f1(&key->u.milenage, rand, sqn, amf, mac_a,
                                 mac_s);
    case UTSEC_AKA_ALG_TUAK:
        p = tuak_params(key);
        for (star = 0; star < 2 && rc == 0; star++)
            if (mac[star] != NULL)
                rc = utsec_tuak_f1(key->u.tuak.k, key->u.tuak.k_len,
                                   key->u.tuak.topc, rand, sqn, amf, star, &p,
                                   mac[star]);
        return rc;
    case UTSEC_AKA_ALG_XOR:
        for (star = 0; star < 2; star++)
            if (mac[star] != NULL)
                utsec_aka_xor_f1(key->u.xor_alg.k, rand, sqn, amf, mac[star]);
        return 0;
    case UTSEC_AKA_ALG_NONE:
        break;
    }
    return UTSEC_ERR_STATE;
}

UTSEC_API int utsec_aka_f2345(utsec_aka_key_t *key,
                              const uint8_t rand[UTSEC_AKA_RAND_LEN],
                              uint8_t *res, uint8_t ck[UTSEC_AKA_KEY_LEN],
                              uint8_t ik[UTSEC_AKA_KEY_LEN],
                              uint8_t ak[UTSEC_AKA_AK_LEN],
                              uint8_t ak_star[UTSEC_AKA_AK_LEN])
{
    utsec_tuak_params_t p;
    uint8_t full_res[8];
    int rc = 0;

    if (key == NULL || rand == NULL)
        return UTSEC_ERR_INVALID_ARG;
    switch (key->alg) {
    case UTSEC_AKA_ALG_MILENAGE:
        rc = utsec_milenage_f2345(&key->u.milenage, rand,
                                  res != NULL ? full_res : NULL, ck, ik, ak,
                                  ak_star);
        if (rc == 0 && res != NULL)
            memcpy(res, full_res, key->res_len);
        utsec_wipe(full_res, sizeof(full_res));
        return rc;
    case UTSEC_AKA_ALG_TUAK:
        p = tuak_params(key);
        if (res != NULL || ck != NULL || ik != NULL || ak != NULL)
            rc = utsec_tuak_f2345(key->u.tuak.k, key->u.tuak.k_len,
                                  key->u.tuak.topc, rand, &p, res, ck, ik, ak);
        if (rc == 0 && ak_star != NULL)
            rc = utsec_tuak_f5star(key->u.tuak.k, key->u.tuak.k_len,
                                   key->u.tuak.topc, rand, p.iterations,
                                   ak_star);
        return rc;
    case UTSEC_AKA_ALG_XOR:
        utsec_aka_xor_f2345(key->u.xor_alg.k, rand, res, key->res_len, ck, ik, ak);
        if (ak_star != NULL)
            utsec_aka_xor_f2345(key->u.xor_alg.k, rand, NULL, 0, NULL, NULL,
                                ak_star);
        return 0;
    case UTSEC_AKA_ALG_NONE:
        break;
    }
    return UTSEC_ERR_STATE;
}

int utsec_aka_compute(utsec_aka_key_t *key, const uint8_t rand[16],
                      const uint8_t sqn_in[6], int sqn_concealed,
                      const uint8_t amf[2], uint8_t sqn_out[6], uint8_t mac_a[8],
                      uint8_t *res, uint8_t ck[16], uint8_t ik[16], uint8_t ak[6])
{
    int rc, i;

    if (key->alg == UTSEC_AKA_ALG_MILENAGE) {
        /* f2 gives 8 octets in place; RES is its first res_len (4..8). */
        rc = utsec_aka_milenage_compute(&key->u.milenage, rand, sqn_in,
                                        sqn_concealed, amf, sqn_out, mac_a,
                                        res, ck, ik, ak);
        memset(res + key->res_len, 0, 8 - key->res_len);
        return rc;
    }
    rc = utsec_aka_f2345(key, rand, res, ck, ik, ak, NULL);
    if (rc == 0) {
        for (i = 0; i < 6; i++)
            sqn_out[i] = (uint8_t)(sqn_in[i] ^ (sqn_concealed ? ak[i] : 0));
        rc = utsec_aka_f1(key, rand, sqn_out, amf, mac_a, NULL);
    }
    return rc;
}
