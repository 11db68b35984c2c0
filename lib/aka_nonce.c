/*
 * RFC 3310 §3.2 nonce (base64(RAND || AUTN || server data)) and §3.4 auts
 * parameter codecs.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "crypto.h"
#include "utsec/aka.h"

#include <string.h>

#define NONCE_MAX (UTSEC_AKA_NONCE_MIN_LEN + UTSEC_AKA_NONCE_MAX_SERVER_DATA)

UTSEC_API void utsec_aka_ue_result_wipe(utsec_aka_ue_result_t *r)
{
    utsec_wipe(r, r != NULL ? sizeof(*r) : 0);
}

UTSEC_API int utsec_aka_nonce_encode(const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                     const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                     const uint8_t *server_data,
                                     size_t server_data_len, char *out,
                                     size_t out_size, size_t *out_len)
{
    uint8_t raw[NONCE_MAX];
    int rc;

    if (rand == NULL || autn == NULL || out == NULL ||
        (server_data == NULL && server_data_len != 0))
        return UTSEC_ERR_INVALID_ARG;
    if (server_data_len > UTSEC_AKA_NONCE_MAX_SERVER_DATA)
        return UTSEC_ERR_TOO_LONG;
    memcpy(raw, rand, UTSEC_AKA_RAND_LEN);
    memcpy(raw + UTSEC_AKA_RAND_LEN, autn, UTSEC_AKA_AUTN_LEN);
    if (server_data_len > 0)
        memcpy(raw + UTSEC_AKA_NONCE_MIN_LEN, server_data, server_data_len);
    rc = utsec_base64_encode(raw, UTSEC_AKA_NONCE_MIN_LEN + server_data_len,
                             out, out_size, out_len);
    return rc;
}

UTSEC_API int utsec_aka_nonce_decode(const char *nonce, size_t nonce_len,
                                     uint8_t rand[UTSEC_AKA_RAND_LEN],
                                     uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                     uint8_t *server_data,
                                     size_t server_data_size,
                                     size_t *server_data_len)
{
    uint8_t raw[NONCE_MAX];
    size_t n, sd;
    int rc;

    if (nonce == NULL || rand == NULL || autn == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (nonce_len > UTSEC_BASE64_ENCODED_SIZE(NONCE_MAX) - 1)
        return UTSEC_ERR_TOO_LONG;
    rc = utsec_base64_decode(nonce, nonce_len, raw, sizeof(raw), &n);
    if (rc == UTSEC_ERR_BUFFER_TOO_SMALL)
        return UTSEC_ERR_TOO_LONG;
    if (rc != 0)
        return rc;
    if (n < UTSEC_AKA_NONCE_MIN_LEN)
        return UTSEC_ERR_PARSE;
    sd = n - UTSEC_AKA_NONCE_MIN_LEN;
    if (server_data != NULL && sd > server_data_size)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(rand, raw, UTSEC_AKA_RAND_LEN);
    memcpy(autn, raw + UTSEC_AKA_RAND_LEN, UTSEC_AKA_AUTN_LEN);
    if (server_data != NULL && sd > 0)
        memcpy(server_data, raw + UTSEC_AKA_NONCE_MIN_LEN, sd);
    if (server_data_len != NULL)
        *server_data_len = sd;
    return 0;
}

UTSEC_API int utsec_aka_auts_decode(const char *text, size_t len,
                                    uint8_t auts[UTSEC_AKA_AUTS_LEN])
{
    uint8_t raw[15];
    size_t n;
    int rc;

    if (text == NULL || auts == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (len != 20)
        return len % 4 == 0 ? UTSEC_ERR_PARSE : UTSEC_ERR_BASE64;
    rc = utsec_base64_decode(text, len, raw, sizeof(raw), &n);
    if (rc != 0)
        return rc;
    if (n != UTSEC_AKA_AUTS_LEN)
        return UTSEC_ERR_PARSE;
    memcpy(auts, raw, UTSEC_AKA_AUTS_LEN);
    return 0;
}

UTSEC_API int utsec_aka_auts_encode(const uint8_t auts[UTSEC_AKA_AUTS_LEN],
                                    char *out, size_t out_size,
                                    size_t *out_len)
{
    if (auts == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_base64_encode(auts, UTSEC_AKA_AUTS_LEN, out, out_size,
                               out_len);
}
