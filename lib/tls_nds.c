/*
 * The hop between the Authentication Proxy and the presence server:
 * network domain security per TS 33.210 §6.2 (mutual certificate
 * authentication; TLS 1.2 with ECDHE and AEAD suites; TLS 1.3 when the
 * mbedTLS build has it), and the verified peer's identity.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include <mbedtls/oid.h>
#include <mbedtls/x509.h>

#include "ascii.h"
#include "tls_internal.h"

static const uint16_t nds_suites[] = {
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
    0x1302, 0x1301, 0x1303, /* TLS 1.3 (RFC 8446 §9.1) */
#endif
    0xC02C, 0xC02B, /* ECDHE-ECDSA-AES256/128-GCM */
    0xC030, 0xC02F, /* ECDHE-RSA-AES256/128-GCM */
    0xCCA9, 0xCCA8, /* ECDHE-ECDSA/RSA-CHACHA20-POLY1305 */
};

UTSEC_API int utsec_tls_nds_setup(utsec_tls_nds_t *nds,
                                  const utsec_tls_nds_params_t *p,
                                  mbedtls_ssl_config *conf)
{
    size_t i, k = 0;

    if (nds == NULL || p == NULL || conf == NULL || p->ca_chain == NULL ||
        p->own_cert == NULL || p->own_key == NULL || p->rng == NULL ||
        (p->endpoint != MBEDTLS_SSL_IS_CLIENT &&
         p->endpoint != MBEDTLS_SSL_IS_SERVER))
        return UTSEC_ERR_INVALID_ARG;
    for (i = 0; i < sizeof(nds_suites) / sizeof(nds_suites[0]); i++)
        if (mbedtls_ssl_ciphersuite_from_id(nds_suites[i]) != NULL)
            nds->suites[k++] = nds_suites[i];
    nds->suites[k] = 0;
    if (k == 0)
        return UTSEC_ERR_UNSUPPORTED;
    if (utsec_tls_conf_base(conf, p->endpoint, 1, nds->suites, p->rng,
                            p->rng_ctx) != 0)
        return UTSEC_ERR_TLS;
    mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(conf, p->ca_chain, p->ca_crl);
    if (mbedtls_ssl_conf_own_cert(conf, p->own_cert, p->own_key) != 0)
        return UTSEC_ERR_TLS;
    return 0;
}

static int verified_peer(const mbedtls_ssl_context *ssl,
                         const mbedtls_x509_crt **crt)
{
    if (ssl == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!utsec_tls_hs_over(ssl) || mbedtls_ssl_get_verify_result(ssl) != 0 ||
        (*crt = mbedtls_ssl_get_peer_cert(ssl)) == NULL)
        return UTSEC_ERR_UNTRUSTED_PEER;
    return 0;
}

UTSEC_API int utsec_tls_peer_cn(const mbedtls_ssl_context *ssl,
                                const char **cn, size_t *cn_len)
{
    const mbedtls_x509_crt *crt;
    const mbedtls_x509_name *n;
    int rc;

    if (cn == NULL || cn_len == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = verified_peer(ssl, &crt)) != 0)
        return rc;
    for (n = &crt->subject; n != NULL; n = n->next)
        if (n->oid.p != NULL && MBEDTLS_OID_CMP(MBEDTLS_OID_AT_CN, &n->oid) == 0) {
            *cn = (const char *)n->val.p;
            *cn_len = n->val.len;
            return 0;
        }
    return UTSEC_ERR_NOT_FOUND;
}

UTSEC_API int utsec_tls_peer_dns_name(const mbedtls_ssl_context *ssl,
                                      size_t idx, const char **name,
                                      size_t *name_len)
{
    const mbedtls_x509_crt *crt;
    const mbedtls_x509_sequence *s;
    int rc;

    if (name == NULL || name_len == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = verified_peer(ssl, &crt)) != 0)
        return rc;
    for (s = &crt->subject_alt_names; s != NULL && s->buf.p != NULL; s = s->next) {
        if (s->buf.tag != (MBEDTLS_ASN1_CONTEXT_SPECIFIC | 2)) /* dNSName */
            continue;
        if (idx-- == 0) {
            *name = (const char *)s->buf.p;
            *name_len = s->buf.len;
            return 0;
        }
    }
    return UTSEC_ERR_NOT_FOUND;
}

UTSEC_API int utsec_tls_peer_has_name(const mbedtls_ssl_context *ssl,
                                      const char *host, size_t host_len)
{
    const char *n;
    size_t i, len;
    int rc;

    if (host == NULL || host_len == 0)
        return 0;
    for (i = 0; (rc = utsec_tls_peer_dns_name(ssl, i, &n, &len)) == 0; i++)
        if (utsec_ascii_ieq(n, len, host, host_len))
            return 1;
    if (rc != UTSEC_ERR_NOT_FOUND || i > 0)
        return 0; /* untrusted peer, or SAN present without a match */
    return utsec_tls_peer_cn(ssl, &n, &len) == 0 &&
           utsec_ascii_ieq(n, len, host, host_len);
}
