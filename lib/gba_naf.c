/*
 * TS 33.220 B.3 (NAF-specific keys), Annex H (NAF_Id, Ua protocol ids),
 * §4.5.2 (Ks = CK || IK) and the Ua digest password of TS 33.222 §5.3.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "gba_internal.h"

#include <string.h>

UTSEC_API void utsec_gba_ua_id_tls(uint16_t cipher_suite,
                                   uint8_t out[UTSEC_GBA_UA_ID_LEN])
{
    if (out == NULL)
        return;
    out[0] = UTSEC_GBA_UA_ORG_3GPP;
    out[1] = 0x00;
    out[2] = 0x01;
    out[3] = (uint8_t)(cipher_suite >> 8);
    out[4] = (uint8_t)cipher_suite;
}

UTSEC_API int utsec_gba_naf_id(const char *fqdn, size_t fqdn_len,
                               const uint8_t ua_id[UTSEC_GBA_UA_ID_LEN],
                               uint8_t *out, size_t out_size, size_t *out_len)
{
    if (fqdn == NULL || fqdn_len == 0 || ua_id == NULL || out == NULL ||
        out_len == NULL || memchr(fqdn, '\0', fqdn_len) != NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (fqdn_len > UTSEC_GBA_KDF_MAX_PARAM_LEN - UTSEC_GBA_UA_ID_LEN)
        return UTSEC_ERR_TOO_LONG;
    if (out_size < fqdn_len + UTSEC_GBA_UA_ID_LEN)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(out, fqdn, fqdn_len);
    memcpy(out + fqdn_len, ua_id, UTSEC_GBA_UA_ID_LEN);
    *out_len = fqdn_len + UTSEC_GBA_UA_ID_LEN;
    return 0;
}

UTSEC_API int utsec_gba_ks(const uint8_t ck[UTSEC_GBA_CK_LEN],
                           const uint8_t ik[UTSEC_GBA_CK_LEN],
                           uint8_t ks[UTSEC_GBA_KEY_LEN])
{
    if (ck == NULL || ik == NULL || ks == NULL)
        return UTSEC_ERR_INVALID_ARG;
    memmove(ks, ck, UTSEC_GBA_CK_LEN);
    memmove(ks + UTSEC_GBA_CK_LEN, ik, UTSEC_GBA_CK_LEN);
    return 0;
}

UTSEC_API int utsec_gba_ks_naf(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                               utsec_gba_variant_t variant,
                               const uint8_t rand[UTSEC_GBA_RAND_LEN],
                               const char *impi, size_t impi_len,
                               const uint8_t *naf_id, size_t naf_id_len,
                               uint8_t out[UTSEC_GBA_KEY_LEN])
{
    static const utsec_gba_param_t label[2] = {UTSEC_GBA_LIT("gba-me"),
                                               UTSEC_GBA_LIT("gba-u")};

    if (variant != UTSEC_GBA_VARIANT_ME && variant != UTSEC_GBA_VARIANT_U_INT)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_gba_kdf_naf(ks, &label[variant == UTSEC_GBA_VARIANT_U_INT],
                             rand, rand != NULL ? UTSEC_GBA_RAND_LEN : 0, impi,
                             impi_len, naf_id, naf_id_len, out);
}

int utsec_gba_kdf_naf(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                      const utsec_gba_param_t *label, const uint8_t *p1,
                      size_t p1_len, const char *impi, size_t impi_len,
                      const uint8_t *naf_id, size_t naf_id_len,
                      uint8_t out[UTSEC_GBA_KEY_LEN])
{
    utsec_gba_param_t p[4] = {*label,
                              {p1, p1_len},
                              {(const uint8_t *)impi, impi_len},
                              {naf_id, naf_id_len}};

    if (ks == NULL || p1 == NULL || impi == NULL || impi_len == 0 ||
        naf_id == NULL || naf_id_len == 0)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_gba_kdf(ks, UTSEC_GBA_KEY_LEN, UTSEC_GBA_FC, p, 4, out);
}

UTSEC_API int utsec_gba_ks_naf_ck_ik(const uint8_t ck[UTSEC_GBA_CK_LEN],
                                     const uint8_t ik[UTSEC_GBA_CK_LEN],
                                     utsec_gba_variant_t variant,
                                     const uint8_t rand[UTSEC_GBA_RAND_LEN],
                                     const char *impi, size_t impi_len,
                                     const uint8_t *naf_id, size_t naf_id_len,
                                     uint8_t out[UTSEC_GBA_KEY_LEN])
{
    uint8_t ks[UTSEC_GBA_KEY_LEN];
    int rc = utsec_gba_ks(ck, ik, ks);

    if (rc == 0)
        rc = utsec_gba_ks_naf(ks, variant, rand, impi, impi_len, naf_id,
                              naf_id_len, out);
    utsec_wipe(ks, sizeof(ks));
    return rc;
}

UTSEC_API int utsec_gba_digest_password(const uint8_t ks_naf[UTSEC_GBA_KEY_LEN],
                                        char *out, size_t out_size,
                                        size_t *out_len)
{
    if (ks_naf == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_base64_encode(ks_naf, UTSEC_GBA_KEY_LEN, out, out_size,
                               out_len);
}
