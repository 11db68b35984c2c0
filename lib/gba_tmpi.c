/*
 * TS 33.220 B.4: the temporary IMPI (TMPI).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "gba_internal.h"

#include <string.h>

/* B.4: the TMPI's fixed domain. */
static const char tmpi_domain[] = "@tmpi.bsf.3gppnetwork.org";
#define TMPI_KEY_OCTETS 24 /* the 24 most significant octets (192 bits) */

UTSEC_API int utsec_gba_tmpi_from_key(
    const uint8_t ks_ext_naf_bsf[UTSEC_GBA_KEY_LEN], char *out,
    size_t out_size, size_t *out_len)
{
    size_t b64_len;
    int rc;

    if (ks_ext_naf_bsf == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (out_size < UTSEC_BASE64_ENCODED_SIZE(TMPI_KEY_OCTETS) - 1 +
                       sizeof(tmpi_domain))
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    rc = utsec_base64_encode(ks_ext_naf_bsf, TMPI_KEY_OCTETS, out, out_size,
                             &b64_len);
    if (rc != 0)
        return rc;
    memcpy(out + b64_len, tmpi_domain, sizeof(tmpi_domain));
    if (out_len != NULL)
        *out_len = b64_len + sizeof(tmpi_domain) - 1;
    return 0;
}

UTSEC_API int utsec_gba_tmpi(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                             const uint8_t rand[UTSEC_GBA_RAND_LEN],
                             const char *impi, size_t impi_len,
                             const char *bsf_host, size_t host_len, char *out,
                             size_t out_size, size_t *out_len)
{
    uint8_t bsf_id[253 + UTSEC_GBA_UA_ID_LEN];
    uint8_t key[UTSEC_GBA_KEY_LEN];
    int rc;

    if (ks == NULL || rand == NULL || impi == NULL || bsf_host == NULL ||
        out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!utsec_gba_host_valid(bsf_host, host_len))
        return UTSEC_ERR_BAD_HOST;
    /* NAF_Id = BSF host || Ua id (Annex H); the host check above leaves
     * nothing for utsec_gba_naf_id to reject */
    memcpy(bsf_id, bsf_host, host_len);
    /* NOLINTNEXTLINE(bugprone-not-null-terminated-result): octets, no string */
    memcpy(bsf_id + host_len, UTSEC_GBA_UA_TMPI, UTSEC_GBA_UA_ID_LEN);
    rc = utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rand, impi, impi_len,
                          bsf_id, host_len + UTSEC_GBA_UA_ID_LEN, key);
    if (rc == 0)
        rc = utsec_gba_tmpi_from_key(key, out, out_size, out_len);
    utsec_wipe(key, sizeof(key));
    return rc;
}
