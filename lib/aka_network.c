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
    utsec_aka_out_t o;
    size_t len;
    int rc, i;

    if (av == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (key == NULL || rand == NULL || sqn == NULL || amf == NULL) {
        utsec_aka_vector_wipe(av);
        return UTSEC_ERR_INVALID_ARG;
    }
    rc = utsec_aka_run(key, rand, sqn, amf,
                       AKA_MAC_A | AKA_RES | AKA_CK | AKA_IK | AKA_AK, &o);
    if (rc == 0) {
        /* AUTN = (SQN xor AK) || AMF || MAC-A; rand and amf may be in *av */
        memmove(av->autn + 6, amf, UTSEC_AKA_AMF_LEN);
        memmove(av->rand, rand, UTSEC_AKA_RAND_LEN);
        for (i = 0; i < UTSEC_AKA_SQN_LEN; i++)
            av->autn[i] = (uint8_t)(o.sqn[i] ^ o.ak[i]);
        memcpy(av->autn + 8, o.mac, UTSEC_AKA_MAC_LEN);
        len = utsec_aka_key_res_len(key);
        memset(av->xres, 0, sizeof(av->xres));
        memcpy(av->xres, o.res, len);
        av->xres_len = len;
        memcpy(av->ck, o.ck, sizeof(av->ck));
        memcpy(av->ik, o.ik, sizeof(av->ik));
        memcpy(av->ak, o.ak, sizeof(av->ak));
    } else {
        utsec_aka_vector_wipe(av);
    }
    utsec_wipe(&o, sizeof(o));
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
    utsec_aka_out_t o;
    uint64_t next;
    int rc;

    if (key == NULL || rand == NULL || auts == NULL ||
        ind_bits > UTSEC_AKA_IND_BITS_MAX)
        return UTSEC_ERR_INVALID_ARG;
    /* SQN_MS = (SQN_MS xor AK*) xor f5*(RAND);
     * XMAC-S = f1*(SQN_MS, RAND, AMF = 0000), TS 33.102 §6.3.3 */
    rc = utsec_aka_run(key, rand, auts, amf_resync,
                       AKA_AK_STAR | AKA_CONCEAL_AK_STAR | AKA_MAC_S, &o);
    if (rc == 0) {
        int mac_ok = utsec_ct_equal(o.mac + 8, auts + UTSEC_AKA_SQN_LEN,
                                    UTSEC_AKA_MAC_LEN);
        UTSEC_CT_PUBLIC(&mac_ok, sizeof(mac_ok)); /* only the verdict */
        if (!mac_ok)
            rc = UTSEC_ERR_MAC_S_FAILURE;
    }
    if (rc == 0) {
        UTSEC_CT_PUBLIC(o.sqn, sizeof(o.sqn)); /* SQN_MS goes to the HSS */
        /* Continue with the next SEQ after SQN_MS, same IND (Annex C.3). */
        next = utsec_aka_sqn_get(o.sqn) + ((uint64_t)1 << ind_bits);
        if (sqn_ms != NULL)
            memcpy(sqn_ms, o.sqn, UTSEC_AKA_SQN_LEN);
        if (next > AKA_SQN_MAX)
            rc = UTSEC_ERR_SQN_EXHAUSTED;
        else if (next_sqn != NULL)
            utsec_aka_sqn_put(next, next_sqn);
    }
    utsec_wipe(&o, sizeof(o));
    return rc;
}
