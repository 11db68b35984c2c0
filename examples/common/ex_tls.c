/*
 * Certificate loading and handshakes for the examples' mutual-TLS hop
 * (TS 33.210 profile from utsec_tls_nds_setup()). mbedTLS 2.28 and 3.x.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include <mbedtls/error.h>
#include <mbedtls/md.h>
#include <mbedtls/version.h>

#include "ex_tls.h"

static void tls_err(const char *what, int ret)
{
    char msg[160];

    mbedtls_strerror(ret, msg, sizeof(msg));
    fprintf(stderr, "%s: -0x%04x %s\n", what, (unsigned)-ret, msg);
}

int ex_tls_node_init(ex_tls_node_t *n, int endpoint, const char *ca_pem,
                     const char *crt_pem, const char *key_pem)
{
    utsec_tls_nds_params_t p;
    int ret;

    mbedtls_x509_crt_init(&n->ca);
    mbedtls_x509_crt_init(&n->own);
    mbedtls_pk_init(&n->key);
    mbedtls_ssl_config_init(&n->conf);
    memset(&n->nds, 0, sizeof(n->nds));
    if (utsec_rng_default_init(&n->rng, (const uint8_t *)"ex-tls", 6) != 0) {
        fprintf(stderr, "tls: RNG initialisation failed\n");
        return -1;
    }
    if ((ret = mbedtls_x509_crt_parse_file(&n->ca, ca_pem)) != 0) {
        tls_err(ca_pem, ret);
        return -1;
    }
    if ((ret = mbedtls_x509_crt_parse_file(&n->own, crt_pem)) != 0) {
        tls_err(crt_pem, ret);
        return -1;
    }
#if MBEDTLS_VERSION_MAJOR >= 3
    ret = mbedtls_pk_parse_keyfile(&n->key, key_pem, NULL, utsec_rng_default, &n->rng);
#else
    ret = mbedtls_pk_parse_keyfile(&n->key, key_pem, NULL);
#endif
    if (ret != 0) {
        tls_err(key_pem, ret);
        return -1;
    }
    memset(&p, 0, sizeof(p));
    p.endpoint = endpoint;
    p.ca_chain = &n->ca;
    p.own_cert = &n->own;
    p.own_key = &n->key;
    p.rng = utsec_rng_default;
    p.rng_ctx = &n->rng;
    if ((ret = utsec_tls_nds_setup(&n->nds, &p, &n->conf)) != 0) {
        fprintf(stderr, "tls: utsec_tls_nds_setup: %s\n", utsec_strerror(ret));
        return -1;
    }
    return 0;
}

void ex_tls_node_free(ex_tls_node_t *n)
{
    if (n == NULL)
        return;
    mbedtls_ssl_config_free(&n->conf);
    mbedtls_pk_free(&n->key);
    mbedtls_x509_crt_free(&n->own);
    mbedtls_x509_crt_free(&n->ca);
    utsec_rng_default_free(&n->rng);
}

int ex_tls_handshake(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf,
                     int *fd, const char *hostname)
{
    int ret;

    if ((ret = mbedtls_ssl_setup(ssl, conf)) != 0) {
        tls_err("tls setup", ret);
        return -1;
    }
    if (hostname != NULL && (ret = mbedtls_ssl_set_hostname(ssl, hostname)) != 0) {
        tls_err("tls hostname", ret);
        return -1;
    }
    mbedtls_ssl_set_bio(ssl, fd, ex_bio_send, ex_bio_recv, NULL);
    do
        ret = mbedtls_ssl_handshake(ssl);
    while (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE);
    if (ret != 0) {
        tls_err("tls handshake", ret);
        return -1;
    }
    return 0;
}

static int sha256(const unsigned char *p, size_t n, unsigned char out[32])
{
    return mbedtls_md(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), p, n, out) == 0 ? 0 : -1;
}

int ex_tls_peer_fingerprint(const mbedtls_ssl_context *ssl, unsigned char out[32])
{
    const mbedtls_x509_crt *crt = mbedtls_ssl_get_peer_cert(ssl);

    if (crt == NULL || mbedtls_ssl_get_verify_result(ssl) != 0)
        return -1;
    return sha256(crt->raw.p, crt->raw.len, out);
}

int ex_tls_file_fingerprint(const char *crt_pem, unsigned char out[32])
{
    mbedtls_x509_crt crt;
    int ret;

    mbedtls_x509_crt_init(&crt);
    ret = mbedtls_x509_crt_parse_file(&crt, crt_pem) == 0 ? sha256(crt.raw.p, crt.raw.len, out) : -1;
    mbedtls_x509_crt_free(&crt);
    return ret;
}
