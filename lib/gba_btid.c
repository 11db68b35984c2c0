/*
 * B-TID = base64(RAND) "@" BSF server name (TS 33.220 §4.5.2) and the
 * host-name check it relies on (RFC 1123 §2.1 letters-digits-hyphen labels).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "gba_internal.h"

#include <string.h>

static int is_ldh(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-';
}

UTSEC_API int utsec_gba_host_valid(const char *host, size_t len)
{
    size_t i, label = 0;

    if (host == NULL || len == 0 || len > 253)
        return 0;
    for (i = 0; i < len; i++) {
        char c = host[i];
        if (c == '.') {
            if (label == 0 || host[i - 1] == '-')
                return 0;
            label = 0;
        } else if (is_ldh(c)) {
            if (label == 0 && c == '-')
                return 0;
            if (++label > 63)
                return 0;
        } else {
            return 0;
        }
    }
    return label > 0 && host[len - 1] != '-';
}

UTSEC_API int utsec_gba_btid_build(const uint8_t rand[UTSEC_GBA_RAND_LEN],
                                   const char *bsf_host, size_t host_len,
                                   char *out, size_t out_size, size_t *out_len)
{
    size_t need;
    int rc;

    if (rand == NULL || bsf_host == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!utsec_gba_host_valid(bsf_host, host_len))
        return UTSEC_ERR_BAD_HOST;
    need = UTSEC_GBA_BTID_RAND_B64_LEN + 1 + host_len + 1;
    if (out_size < need)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    /* base64(RAND) and its NUL fit: need >= 24 + 3; '@' replaces the NUL */
    rc = utsec_base64_encode(rand, UTSEC_GBA_RAND_LEN, out, out_size, NULL);
    if (rc != 0)
        return rc;
    out[UTSEC_GBA_BTID_RAND_B64_LEN] = '@';
    memcpy(out + UTSEC_GBA_BTID_RAND_B64_LEN + 1, bsf_host, host_len);
    out[need - 1] = '\0';
    if (out_len != NULL)
        *out_len = need - 1;
    return 0;
}

UTSEC_API int utsec_gba_btid_parse(const char *btid, size_t btid_len,
                                   uint8_t rand[UTSEC_GBA_RAND_LEN],
                                   const char **host, size_t *host_len)
{
    uint8_t r[18];
    size_t rlen;
    const char *h;
    size_t hl;
    int rc;

    if (btid == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (btid_len <= UTSEC_GBA_BTID_RAND_B64_LEN ||
        btid[UTSEC_GBA_BTID_RAND_B64_LEN] != '@')
        return UTSEC_ERR_PARSE;
    rc = utsec_base64_decode(btid, UTSEC_GBA_BTID_RAND_B64_LEN, r, sizeof(r),
                             &rlen);
    if (rc != 0)
        return rc;
    if (rlen != UTSEC_GBA_RAND_LEN)
        return UTSEC_ERR_PARSE;
    h = btid + UTSEC_GBA_BTID_RAND_B64_LEN + 1;
    hl = btid_len - UTSEC_GBA_BTID_RAND_B64_LEN - 1;
    if (!utsec_gba_host_valid(h, hl))
        return UTSEC_ERR_BAD_HOST;
    if (rand != NULL)
        memcpy(rand, r, UTSEC_GBA_RAND_LEN);
    if (host != NULL)
        *host = h;
    if (host_len != NULL)
        *host_len = hl;
    return 0;
}
