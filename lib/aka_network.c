/*
 * Network side of AKA (TS 33.102 §6.3.2, §6.3.5): authentication vectors and
 * resynchronisation from AUTS.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

#include <string.h>

static const uint8_t amf_resync[UTSEC_AKA_AMF_LEN] = {0, 0};

UTSEC_API void utsec_aka_vector_wipe(utsec_aka_vector_t *av)
{
    utsec_wipe(av, av != NULL ? sizeof(*av) : 0);
}

UTSEC_API int utsec_aka_vector_from_rand(utsec_aka_key_t *key,
                                         const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                         const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                         const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                         utsec_aka_vector_t *av)
{
    uint8_t sqn_copy[UTSEC_AKA_SQN_LEN];
    int rc, i;

    if (av == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (key == NULL || rand == NULL || sqn == NULL || amf == NULL) {
        utsec_aka_vector_wipe(av);
        return UTSEC_ERR_INVALID_ARG;
    }
    /* Written in place, and wiped as a whole on error. */
    rc = utsec_aka_compute(key, rand, sqn, 0, amf, sqn_copy, av->autn + 8, av->xres,
                           av->ck, av->ik, av->ak);
    if (rc == 0) {
        /* AUTN = (SQN xor AK) || AMF || MAC-A */
        memmove(av->autn + 6, amf, UTSEC_AKA_AMF_LEN);
        memmove(av->rand, rand, UTSEC_AKA_RAND_LEN);
        for (i = 0; i < UTSEC_AKA_SQN_LEN; i++)
            av->autn[i] = (uint8_t)(sqn_copy[i] ^ av->ak[i]);
        av->xres_len = utsec_aka_key_res_len(key);
        memset(av->xres + av->xres_len, 0, sizeof(av->xres) - av->xres_len);
    } else {
        utsec_aka_vector_wipe(av);
    }
    utsec_wipe(sqn_copy, sizeof(sqn_copy));
    return rc;
}

UTSEC_API int utsec_aka_vector_generate(utsec_aka_key_t *key,
                                        utsec_rng_fn rng, void *rng_ctx,
                                        const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                        const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                        utsec_aka_vector_t *av)
{
    uint8_t rand[UTSEC_AKA_RAND_LEN];
    int rc;

    if (av == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (key == NULL || rng == NULL || sqn == NULL || amf == NULL)
        rc = UTSEC_ERR_INVALID_ARG;
    else if (utsec_aka_key_alg(key) == UTSEC_AKA_ALG_NONE)
        rc = UTSEC_ERR_STATE;
    else if (rng(rng_ctx, rand, sizeof(rand)) != 0)
        rc = UTSEC_ERR_RNG;
    else /* wipes av itself on error */
        rc = utsec_aka_vector_from_rand(key, rand, sqn, amf, av);
    if (rc != 0)
        utsec_aka_vector_wipe(av);
    utsec_wipe(rand, sizeof(rand));
    return rc;
}

UTSEC_API int utsec_aka_resync(utsec_aka_key_t *key,
                               const uint8_t rand[UTSEC_AKA_RAND_LEN],
                               const uint8_t auts[UTSEC_AKA_AUTS_LEN],
                               unsigned ind_bits,
                               uint8_t sqn_ms[UTSEC_AKA_SQN_LEN],
                               uint8_t next_sqn[UTSEC_AKA_SQN_LEN])
{
    struct { /* wiped together */
        uint8_t ak_star[UTSEC_AKA_AK_LEN], sqn[UTSEC_AKA_SQN_LEN];
        uint8_t xmac_s[UTSEC_AKA_MAC_LEN];
    } t = {{0}, {0}, {0}};
    uint64_t next;
    int rc, i;

    if (key == NULL || rand == NULL || auts == NULL ||
        ind_bits > UTSEC_AKA_IND_BITS_MAX)
        return UTSEC_ERR_INVALID_ARG;
    /* SQN_MS = (SQN_MS xor AK*) xor f5*(RAND) */
    rc = utsec_aka_f2345(key, rand, NULL, NULL, NULL, NULL, t.ak_star);
    if (rc == 0) {
        for (i = 0; i < UTSEC_AKA_SQN_LEN; i++)
            t.sqn[i] = (uint8_t)(auts[i] ^ t.ak_star[i]);
        /* MAC-S = f1*(SQN_MS, RAND, AMF = 0000), TS 33.102 §6.3.3 */
        rc = utsec_aka_f1(key, rand, t.sqn, amf_resync, NULL, t.xmac_s);
    }
    if (rc == 0) {
        int mac_ok = utsec_ct_equal(t.xmac_s, auts + UTSEC_AKA_SQN_LEN,
                                    UTSEC_AKA_MAC_LEN);
        UTSEC_CT_PUBLIC(&mac_ok, sizeof(mac_ok)); /* only the verdict */
        if (!mac_ok)
            rc = UTSEC_ERR_MAC_S_FAILURE;
    }
    if (rc == 0) {
        UTSEC_CT_PUBLIC(t.sqn, sizeof(t.sqn)); /* SQN_MS goes to the HSS */
        /* Continue with the next SEQ after SQN_MS, same IND (Annex C.3). */
        next = utsec_aka_sqn_get(t.sqn) + ((uint64_t)1 << ind_bits);
        if (sqn_ms != NULL)
            memcpy(sqn_ms, t.sqn, UTSEC_AKA_SQN_LEN);
        if (next > AKA_SQN_MAX)
            rc = UTSEC_ERR_SQN_EXHAUSTED;
        else if (next_sqn != NULL)
            utsec_aka_sqn_put(next, next_sqn);
    }
    utsec_wipe(&t, sizeof(t));
    return rc;
}
