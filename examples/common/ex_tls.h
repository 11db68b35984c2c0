/*
 * Certificate plumbing for the examples' network-domain hop (AP <->
 * presence server, TS 33.210 mutual TLS via utsec_tls_nds_setup()).
 * Hides the mbedTLS 2.28 / 3.x differences in loading keys.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef EX_TLS_H
#define EX_TLS_H

#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include "ex_http.h"
#include "utsec/common.h"
#include "utsec/tls_psk.h"

/* One node's certificate material for mutual TLS, plus its RNG. */
typedef struct ex_tls_node {
    mbedtls_x509_crt ca;        /* trusted CA(s) for the peer */
    mbedtls_x509_crt own;       /* own certificate (chain) */
    mbedtls_pk_context key;     /* own private key */
    utsec_rng_default_t rng;
    utsec_tls_nds_t nds;
    mbedtls_ssl_config conf;    /* ready for mbedtls_ssl_setup() */
} ex_tls_node_t;

/* Load PEM files and build conf with utsec_tls_nds_setup() for endpoint
 * MBEDTLS_SSL_IS_CLIENT / MBEDTLS_SSL_IS_SERVER. 0 or -1 (message on
 * stderr). Release with ex_tls_node_free() in every case. */
int ex_tls_node_init(ex_tls_node_t *n, int endpoint, const char *ca_pem,
                     const char *crt_pem, const char *key_pem);
void ex_tls_node_free(ex_tls_node_t *n);

/* Run a handshake on fd with conf; ssl must be mbedtls_ssl_init()ed by the
 * caller and freed by the caller. hostname: the expected server name for
 * clients (checked against the certificate), NULL on servers.
 * 0 or -1 (message on stderr naming the mbedTLS error). */
int ex_tls_handshake(mbedtls_ssl_context *ssl, const mbedtls_ssl_config *conf,
                     int *fd, const char *hostname);

/* SHA-256 fingerprint of the verified peer certificate into out[32].
 * 0, or -1 if there is none. */
int ex_tls_peer_fingerprint(const mbedtls_ssl_context *ssl, unsigned char out[32]);

/* SHA-256 fingerprint of the first certificate in a PEM file. 0 or -1. */
int ex_tls_file_fingerprint(const char *crt_pem, unsigned char out[32]);

#endif
