/*
 * Cipher suites for TLS with GBA keys (TS 33.222 §5.4, TS 33.310 Annex E,
 * TS 33.210 §6.2) and the Ua id 01 00 01 yy zz of the negotiated suite
 * (TS 33.220 Annex H.3).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "tls_internal.h"
#include "utsec/gba.h"

/* PSK suites usable with GBA keys (IANA codes). NULL, RC4, 3DES and RSA-PSK
 * (which needs a server certificate) are deliberately absent. The first
 * N_DEFAULTS are the default offer, in preference order: ephemeral key
 * exchange first, AEAD before CBC; AES-GCM and AES-CBC with SHA-2 only. */
#define N_DEFAULTS 10
static const uint16_t allowed[] = {
    0xC037, /* ECDHE-PSK-AES128-CBC-SHA256 */
    0xC038, /* ECDHE-PSK-AES256-CBC-SHA384 */
    0x00AA, /* DHE-PSK-AES128-GCM-SHA256 */
    0x00AB, /* DHE-PSK-AES256-GCM-SHA384 */
    0x00A8, /* PSK-AES128-GCM-SHA256 */
    0x00A9, /* PSK-AES256-GCM-SHA384 */
    0x00B2, /* DHE-PSK-AES128-CBC-SHA256 */
    0x00B3, /* DHE-PSK-AES256-CBC-SHA384 */
    0x00AE, /* PSK-AES128-CBC-SHA256 */
    0x00AF, /* PSK-AES256-CBC-SHA384 */
    /* allowed, not offered by default: */
    0xC035, 0xC036, 0xCCAC,                                 /* ECDHE-PSK */
    0x0090, 0x0091, 0xC0A6, 0xC0A7, 0xC0AA, 0xC0AB, 0xCCAD, /* DHE-PSK */
    0x008C, 0x008D, 0xC0A4, 0xC0A5, 0xC0A8, 0xC0A9, 0xCCAB, /* PSK */
};

static int built(uint16_t suite)
{
    return mbedtls_ssl_ciphersuite_from_id((int)suite) != NULL;
}

UTSEC_API int utsec_tls_psk_suite_allowed(uint16_t suite)
{
    size_t i;

    for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
        if (allowed[i] == suite)
            return built(suite);
    return 0;
}

UTSEC_API int utsec_tls_psk_default_suites(uint16_t *out, size_t out_max,
                                           size_t *n)
{
    size_t i, k = 0;

    if (out == NULL || n == NULL)
        return UTSEC_ERR_INVALID_ARG;
    for (i = 0; i < N_DEFAULTS; i++) {
        if (!built(allowed[i]))
            continue;
        if (k == out_max)
            return UTSEC_ERR_BUFFER_TOO_SMALL;
        out[k++] = allowed[i];
    }
    *n = k;
    return 0;
}

int utsec_tls_fill_psk_suites(int dst[UTSEC_TLS_MAX_SUITES + 1],
                              const uint16_t *suites, size_t n)
{
    uint16_t def[UTSEC_TLS_MAX_SUITES];
    size_t i, j;
    int rc;

    if (suites == NULL) {
        if ((rc = utsec_tls_psk_default_suites(def, UTSEC_TLS_MAX_SUITES, &n)))
            return rc;
        if (n == 0)
            return UTSEC_ERR_TLS_SUITE;
        suites = def;
    }
    if (n == 0)
        return UTSEC_ERR_INVALID_ARG;
    if (n > UTSEC_TLS_MAX_SUITES)
        return UTSEC_ERR_TOO_MANY;
    for (i = 0; i < n; i++) {
        if (!utsec_tls_psk_suite_allowed(suites[i]))
            return UTSEC_ERR_TLS_SUITE;
        for (j = 0; j < i; j++)
            if (suites[j] == suites[i])
                return UTSEC_ERR_INVALID_ARG;
        dst[i] = suites[i];
    }
    dst[n] = 0;
    return 0;
}

UTSEC_API int utsec_tls_negotiated_suite(const mbedtls_ssl_context *ssl,
                                         uint16_t *suite)
{
    const char *name;
    int id;

    if (ssl == NULL || suite == NULL)
        return UTSEC_ERR_INVALID_ARG;
#if MBEDTLS_VERSION_MAJOR >= 3
    (void)name;
    id = mbedtls_ssl_get_ciphersuite_id_from_ssl((mbedtls_ssl_context *)ssl);
#else
    name = mbedtls_ssl_get_ciphersuite(ssl);
    id = name != NULL ? mbedtls_ssl_get_ciphersuite_id(name) : 0;
#endif
    if (id <= 0 || id > 0xFFFF || !utsec_tls_hs_over(ssl))
        return UTSEC_ERR_STATE;
    *suite = (uint16_t)id;
    return 0;
}

UTSEC_API int utsec_tls_naf_id_for_ssl(const mbedtls_ssl_context *ssl,
                                       const char *fqdn, size_t fqdn_len,
                                       uint8_t *out, size_t out_size,
                                       size_t *out_len)
{
    uint8_t ua[UTSEC_GBA_UA_ID_LEN];
    uint16_t suite;
    int rc;

    if ((rc = utsec_tls_negotiated_suite(ssl, &suite)) != 0)
        return rc;
    utsec_gba_ua_id_tls(suite, ua);
    return utsec_gba_naf_id(fqdn, fqdn_len, ua, out, out_size, out_len);
}

int utsec_tls_conf_base(mbedtls_ssl_config *conf, int endpoint, int allow13,
                        const int *suites, utsec_rng_fn rng, void *rng_ctx)
{
    if (mbedtls_ssl_config_defaults(conf, endpoint, MBEDTLS_SSL_TRANSPORT_STREAM,
                                    MBEDTLS_SSL_PRESET_DEFAULT) != 0)
        return UTSEC_ERR_TLS;
    utsec_tls_conf_versions(conf, allow13);
    mbedtls_ssl_conf_ciphersuites(conf, suites);
    mbedtls_ssl_conf_rng(conf, rng, rng_ctx);
    return 0;
}

int utsec_tls_use_key(mbedtls_ssl_context *ssl,
                      uint8_t key[UTSEC_TLS_KEY_LEN], int rc)
{
    if (rc == 0 && mbedtls_ssl_set_hs_psk(ssl, key, UTSEC_TLS_KEY_LEN) != 0)
        rc = UTSEC_ERR_TLS;
    utsec_wipe(key, UTSEC_TLS_KEY_LEN);
    return rc;
}

int utsec_tls_map_err(int ret)
{
    switch (ret) {
    case 0: return 0;
    case MBEDTLS_ERR_SSL_WANT_READ: return UTSEC_ERR_TLS_WANT_READ;
    case MBEDTLS_ERR_SSL_WANT_WRITE: return UTSEC_ERR_TLS_WANT_WRITE;
    case MBEDTLS_ERR_SSL_INVALID_MAC:
#if defined(MBEDTLS_ERR_SSL_BAD_HS_FINISHED) /* 2.x only */
    case MBEDTLS_ERR_SSL_BAD_HS_FINISHED:
#endif
        return UTSEC_ERR_TLS_BAD_KEY;
    default: return UTSEC_ERR_TLS;
    }
}

int utsec_tls_copy_host(char dst[UTSEC_TLS_FQDN_SIZE], size_t *dst_len,
                        const char *host, size_t len)
{
    if (host == NULL || len == 0)
        return UTSEC_ERR_INVALID_ARG;
    if (len >= UTSEC_TLS_FQDN_SIZE || !utsec_gba_host_valid(host, len))
        return UTSEC_ERR_BAD_HOST;
    memcpy(dst, host, len);
    dst[len] = '\0';
    *dst_len = len;
    return 0;
}
