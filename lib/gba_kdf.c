/*
 * TS 33.220 Annex B.2: the generic key derivation function.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "gba_internal.h"

#include <string.h>

UTSEC_API int utsec_gba_kdf(const uint8_t *key, size_t key_len, unsigned fc,
                            const utsec_gba_param_t *params, size_t n_params,
                            uint8_t out[UTSEC_GBA_KEY_LEN])
{
    uint8_t fc_octets[2];
    size_t fc_len, i;
    utsec_hmac_t m;
    int rc;

    if ((key == NULL && key_len != 0) || out == NULL ||
        (params == NULL && n_params != 0))
        return UTSEC_ERR_INVALID_ARG;
    if (fc <= 0xFE) {
        fc_octets[0] = (uint8_t)fc;
        fc_len = 1;
    } else if (fc >= 0xFF00 && fc <= 0xFFFF) {
        fc_octets[0] = 0xFF; /* B.2.2: FC1 = 0xFF announces FC2 */
        fc_octets[1] = (uint8_t)fc;
        fc_len = 2;
    } else {
        return UTSEC_ERR_INVALID_ARG;
    }
    if (n_params > UTSEC_GBA_KDF_MAX_PARAMS)
        return UTSEC_ERR_TOO_MANY;
    for (i = 0; i < n_params; i++) {
        if (params[i].data == NULL && params[i].len != 0)
            return UTSEC_ERR_INVALID_ARG;
        if (params[i].len > UTSEC_GBA_KDF_MAX_PARAM_LEN)
            return UTSEC_ERR_TOO_LONG;
    }

    rc = utsec_hmac_start(&m, UTSEC_HASH_SHA256, key, key_len);
    if (rc != 0)
        return rc;
    rc = utsec_hmac_update(&m, fc_octets, fc_len);
    for (i = 0; rc == 0 && i < n_params; i++) {
        uint8_t li[2];
        li[0] = (uint8_t)(params[i].len >> 8);
        li[1] = (uint8_t)params[i].len;
        rc = utsec_hmac_update(&m, params[i].data, params[i].len);
        if (rc == 0)
            rc = utsec_hmac_update(&m, li, 2);
    }
    if (rc != 0) {
        utsec_hmac_abort(&m);
        return rc;
    }
    return utsec_hmac_finish(&m, out);
}
