/*
 * Zn, BSF side (TS 33.220 §4.5.3): B-TID + NAF_Id -> the NAF-specific key
 * (B.3), the key's lifetime and the user's identities.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "crypto.h"
#include "utsec/bootstrap.h"

#include <string.h>

UTSEC_API int utsec_boot_zn_lookup(const utsec_boot_store_t *store,
                                   const char *btid, size_t btid_len,
                                   const uint8_t *naf_id, size_t naf_id_len,
                                   utsec_gba_variant_t variant, int64_t now,
                                   utsec_boot_zn_answer_t *out)
{
    utsec_boot_ctx_t c;
    uint8_t key[UTSEC_GBA_KEY_LEN];
    int rc;

    if (store == NULL || store->get == NULL || btid == NULL || naf_id == NULL ||
        naf_id_len == 0 || out == NULL ||
        (variant != UTSEC_GBA_VARIANT_ME && variant != UTSEC_GBA_VARIANT_U_INT))
        return UTSEC_ERR_INVALID_ARG;
    rc = store->get(store->ctx, btid, btid_len, &c);
    if (rc == UTSEC_ERR_NOT_FOUND)
        rc = UTSEC_ERR_UNKNOWN_ID;
    if (rc != 0)
        goto done;
    if (utsec_gba_key_valid(c.lifetime, now) != 0) {
        rc = UTSEC_ERR_EXPIRED;
        goto done;
    }
    if (variant == UTSEC_GBA_VARIANT_U_INT && !c.uicc) {
        rc = UTSEC_ERR_UNSUPPORTED; /* no Ks_int_NAF without a UICC */
        goto done;
    }
    rc = utsec_gba_ks_naf(c.ks, variant, c.rand, c.impi, c.impi_len, naf_id,
                          naf_id_len, key);
    if (rc != 0)
        goto done;
    memcpy(out->key, key, sizeof(key));
    out->boot_time = c.boot_time;
    out->lifetime = c.lifetime;
    memcpy(out->impi, c.impi, sizeof(out->impi));
    out->n_ids = c.n_ids;
    memcpy(out->ids, c.ids, sizeof(out->ids));
done:
    utsec_wipe(key, sizeof(key));
    utsec_boot_ctx_wipe(&c);
    return rc;
}
