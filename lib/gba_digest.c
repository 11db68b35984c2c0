/*
 * GBA_Digest (TS 33.220 B.5 passwd and Ks, B.6 Ks_NAF). The inputs
 * (H(A1), TLS_MK_Extr, RESP, nonce) are taken as the caller's octets: their
 * exact construction is defined by Annex M.6.3.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "gba_internal.h"

UTSEC_API int utsec_gba_digest_passwd(const uint8_t *ha1, size_t ha1_len,
                                      const uint8_t *tls_mk_extr,
                                      size_t tls_mk_extr_len,
                                      uint8_t out[UTSEC_GBA_KEY_LEN])
{
    utsec_gba_param_t p[2] = {UTSEC_GBA_LIT("GBA_Digest_RESP"),
                              {tls_mk_extr, tls_mk_extr_len}};

    if (ha1 == NULL || ha1_len == 0 || tls_mk_extr == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_gba_kdf(ha1, ha1_len, UTSEC_GBA_FC, p, 2, out);
}

UTSEC_API int utsec_gba_digest_ks(const uint8_t *ha1, size_t ha1_len,
                                  const uint8_t *tls_mk_extr,
                                  size_t tls_mk_extr_len, const uint8_t *resp,
                                  size_t resp_len,
                                  uint8_t out[UTSEC_GBA_KEY_LEN])
{
    utsec_gba_param_t p[3] = {UTSEC_GBA_LIT("GBA_Digest_Ks"),
                              {tls_mk_extr, tls_mk_extr_len},
                              {resp, resp_len}};

    if (ha1 == NULL || ha1_len == 0 || tls_mk_extr == NULL || resp == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_gba_kdf(ha1, ha1_len, UTSEC_GBA_FC, p, 3, out);
}

UTSEC_API int utsec_gba_digest_ks_naf(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                                      const uint8_t *nonce, size_t nonce_len,
                                      const char *impi, size_t impi_len,
                                      const uint8_t *naf_id, size_t naf_id_len,
                                      uint8_t out[UTSEC_GBA_KEY_LEN])
{
    static const utsec_gba_param_t label = UTSEC_GBA_LIT("gba-digest");

    return utsec_gba_kdf_naf(ks, &label, nonce, nonce_len, impi, impi_len,
                             naf_id, naf_id_len, out);
}
