/*
 * AKMA key derivations (TS 33.535 Annex A.2 K_AKMA, A.3 A-TID, A.4 K_AF),
 * all on the TS 33.220 B.2 KDF.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "gba_internal.h"

#define FC_KAKMA 0x80
#define FC_ATID 0x81
#define FC_KAF 0x82

static int from_kausf(const uint8_t kausf[UTSEC_GBA_KEY_LEN], unsigned fc,
                      utsec_gba_param_t label, const char *supi,
                      size_t supi_len, uint8_t out[UTSEC_GBA_KEY_LEN])
{
    utsec_gba_param_t p[2];

    /* utsec_gba_kdf rejects a NULL key, SUPI or output with the same code */
    if (supi_len == 0)
        return UTSEC_ERR_INVALID_ARG;
    p[0] = label;
    p[1].data = (const uint8_t *)supi;
    p[1].len = supi_len;
    return utsec_gba_kdf(kausf, UTSEC_GBA_KEY_LEN, fc, p, 2, out);
}

UTSEC_API int utsec_gba_akma_kakma(const uint8_t kausf[UTSEC_GBA_KEY_LEN],
                                   const char *supi, size_t supi_len,
                                   uint8_t out[UTSEC_GBA_KEY_LEN])
{
    static const utsec_gba_param_t label = UTSEC_GBA_LIT("AKMA");

    return from_kausf(kausf, FC_KAKMA, label, supi, supi_len, out);
}

UTSEC_API int utsec_gba_akma_atid(const uint8_t kausf[UTSEC_GBA_KEY_LEN],
                                  const char *supi, size_t supi_len,
                                  uint8_t out[UTSEC_GBA_KEY_LEN])
{
    static const utsec_gba_param_t label = UTSEC_GBA_LIT("A-TID");

    return from_kausf(kausf, FC_ATID, label, supi, supi_len, out);
}

UTSEC_API int utsec_gba_akma_kaf(const uint8_t kakma[UTSEC_GBA_KEY_LEN],
                                 const uint8_t *af_id, size_t af_id_len,
                                 uint8_t out[UTSEC_GBA_KEY_LEN])
{
    utsec_gba_param_t p[1] = {{af_id, af_id_len}};

    /* utsec_gba_kdf rejects a NULL key, AF_ID or output with the same code */
    if (af_id_len == 0)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_gba_kdf(kakma, UTSEC_GBA_KEY_LEN, FC_KAF, p, 1, out);
}
