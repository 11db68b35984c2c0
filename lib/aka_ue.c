/*
 * UE (USIM) side of AKA (TS 33.102 §6.3.3): AUTN verification, SQN
 * freshness, RES/CK/IK or AUTS; and a software USIM behind the
 * utsec_aka_usim_fn callback.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

#include <string.h>

static const uint8_t amf_resync[UTSEC_AKA_AMF_LEN] = {0, 0};

UTSEC_API int utsec_aka_auts_generate(utsec_aka_key_t *key,
                                      const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                      const uint8_t sqn_ms[UTSEC_AKA_SQN_LEN],
                                      uint8_t auts[UTSEC_AKA_AUTS_LEN])
{
    utsec_aka_out_t o;
    int rc, i;

    if (key == NULL || rand == NULL || sqn_ms == NULL || auts == NULL)
        return UTSEC_ERR_INVALID_ARG;
    /* MAC-S = f1*(SQN_MS, RAND, AMF = 0000) */
    rc = utsec_aka_run(key, rand, sqn_ms, amf_resync, AKA_AK_STAR | AKA_MAC_S,
                       &o);
    if (rc == 0) {
        /* AUTS = (SQN_MS xor AK*) || MAC-S */
        for (i = 0; i < UTSEC_AKA_SQN_LEN; i++)
            auts[i] = (uint8_t)(o.sqn[i] ^ o.ak_star[i]);
        memcpy(auts + UTSEC_AKA_SQN_LEN, o.mac + 8, UTSEC_AKA_MAC_LEN);
    }
    utsec_wipe(&o, sizeof(o));
    return rc;
}

UTSEC_API int utsec_aka_ue_check(utsec_aka_key_t *key,
                                 utsec_aka_sqn_state_t *st,
                                 const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                 const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                 utsec_aka_ue_result_t *out)
{
    /* The intermediate secrets, wiped on every path. */
    utsec_aka_out_t o;
    uint8_t sqn_ms[UTSEC_AKA_SQN_LEN];
    int rc;

    if (out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_aka_ue_result_wipe(out);
    if (key == NULL || st == NULL || rand == NULL || autn == NULL ||
        st->ind_bits > UTSEC_AKA_IND_BITS_MAX || st->delta < 1)
        return UTSEC_ERR_INVALID_ARG;
    /* AK = f5(RAND), SQN = (SQN xor AK) xor AK, XMAC-A = f1(SQN, RAND, AMF);
     * RES/CK/IK from the same evaluation (shared TEMP for Milenage, one
     * Keccak run for TUAK), copied to *out only if the check succeeds. */
    rc = utsec_aka_run(key, rand, autn, autn + 6,
                       AKA_AK | AKA_CONCEAL_AK | AKA_MAC_A | AKA_RES | AKA_CK |
                           AKA_IK,
                       &o);
    /* XMAC-A against MAC-A, in constant time; only the verdict is public */
    if (rc == 0) {
        int mac_ok = utsec_ct_equal(o.mac, autn + 8, UTSEC_AKA_MAC_LEN);
        UTSEC_CT_PUBLIC(&mac_ok, sizeof(mac_ok));
        if (!mac_ok)
            rc = UTSEC_ERR_MAC_FAILURE;
    }
    if (rc == 0) {
        /* SQN is concealed on the air by AK, not secret from the USIM: the
         * freshness check of Annex C branches on it. */
        UTSEC_CT_PUBLIC(o.sqn, sizeof(o.sqn));
        rc = utsec_aka_sqn_check(st, o.sqn);
        if (rc == 0) {
            utsec_aka_sqn_store(st, o.sqn);
            out->res_len = utsec_aka_key_res_len(key);
            memcpy(out->res, o.res, out->res_len);
            memcpy(out->ck, o.ck, sizeof(out->ck));
            memcpy(out->ik, o.ik, sizeof(out->ik));
        } else if (rc == UTSEC_ERR_SYNC_FAILURE) {
            /* AUTS from the highest accepted SQN (Annex C.2) */
            utsec_aka_sqn_put(st->sqn_ms, sqn_ms);
            rc = utsec_aka_auts_generate(key, rand, sqn_ms, out->auts);
            if (rc == 0)
                rc = UTSEC_ERR_SYNC_FAILURE;
            utsec_wipe(sqn_ms, sizeof(sqn_ms));
        }
    }
    /* on error, except a synchronisation failure with its AUTS */
    if (rc != 0 && rc != UTSEC_ERR_SYNC_FAILURE)
        utsec_aka_ue_result_wipe(out);
    utsec_wipe(&o, sizeof(o));
    return rc;
}

UTSEC_API int utsec_aka_soft_usim(void *ctx,
                                  const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                  const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                  utsec_aka_ue_result_t *out)
{
    utsec_aka_soft_usim_t *u = ctx;

    if (u == NULL) {
        utsec_aka_ue_result_wipe(out);
        return UTSEC_ERR_INVALID_ARG;
    }
    return utsec_aka_ue_check(u->key, u->sqn, rand, autn, out);
}
