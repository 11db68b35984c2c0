/*
 * Private: what the TLS glue needs from mbedTLS that differs between 2.28
 * and 3.x. Every version difference of the tls_*.c files is in this header.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_LIB_TLS_INTERNAL_H
#define UTSEC_LIB_TLS_INTERNAL_H

#include <mbedtls/ssl.h>
#include <mbedtls/ssl_ciphersuites.h>
#include <mbedtls/version.h>

#include "utsec/tls_psk.h"

/* The lowest libutsec error code (the module ranges of utsec.h end at
 * -119); a callback result outside [UTSEC_TLS_ERR_FLOOR, 0] is foreign. */
#define UTSEC_TLS_ERR_FLOOR (-119)

/* Magic values that tell our structs from foreign memory. */
#define UTSEC_TLS_NAF_MAGIC 0x75744e46u      /* "utNF" */
#define UTSEC_TLS_NAF_SES_MAGIC 0x75744e53u  /* "utNS" */
#define UTSEC_TLS_UE_MAGIC 0x75745545u       /* "utUE" */
#define UTSEC_TLS_UE_SES_MAGIC 0x75745553u   /* "utUS" */

/* The suite being negotiated: set once the ServerHello was written (server)
 * or processed (client), 0 before. mbedTLS has no public getter for the
 * handshake in progress (mbedtls_ssl_get_ciphersuite_id_from_ssl() reads the
 * finished session), so this reads session_negotiate. */
static inline int utsec_tls_hs_suite(const mbedtls_ssl_context *ssl)
{
#if MBEDTLS_VERSION_MAJOR >= 3
    const mbedtls_ssl_session *s = ssl->MBEDTLS_PRIVATE(session_negotiate);
    return s != NULL ? s->MBEDTLS_PRIVATE(ciphersuite) : 0;
#else
    return ssl->session_negotiate != NULL ? ssl->session_negotiate->ciphersuite : 0;
#endif
}

static inline int utsec_tls_hs_over(const mbedtls_ssl_context *ssl)
{
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    return mbedtls_ssl_is_handshake_over((mbedtls_ssl_context *)ssl);
#elif MBEDTLS_VERSION_MAJOR >= 3
    return ssl->MBEDTLS_PRIVATE(state) == MBEDTLS_SSL_HANDSHAKE_OVER;
#else
    return ssl->state == MBEDTLS_SSL_HANDSHAKE_OVER;
#endif
}

/* The BIO context and send callback mbedTLS holds for ssl. */
static inline void *utsec_tls_bio_ctx(const mbedtls_ssl_context *ssl,
                                      mbedtls_ssl_send_t **f_send)
{
#if MBEDTLS_VERSION_MAJOR >= 3
    *f_send = ssl->MBEDTLS_PRIVATE(f_send);
    return ssl->MBEDTLS_PRIVATE(p_bio);
#else
    *f_send = ssl->f_send;
    return ssl->p_bio;
#endif
}

/* The description of the fatal alert that made a handshake call return
 * MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE (the record is still in in_msg), or
 * -1. mbedTLS has no public getter for it. */
static inline int utsec_tls_peer_alert(const mbedtls_ssl_context *ssl, int ret)
{
    const unsigned char *m;

    if (ret != MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE)
        return -1;
#if MBEDTLS_VERSION_MAJOR >= 3
    m = ssl->MBEDTLS_PRIVATE(in_msg);
#else
    m = ssl->in_msg;
#endif
    return m != NULL ? m[1] : -1;
}

/* Restrict a configuration to TLS 1.2 (min and max) or 1.2..1.3. */
static inline void utsec_tls_conf_versions(mbedtls_ssl_config *conf, int allow13)
{
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    mbedtls_ssl_conf_min_tls_version(conf, MBEDTLS_SSL_VERSION_TLS1_2);
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
    mbedtls_ssl_conf_max_tls_version(conf, allow13 ? MBEDTLS_SSL_VERSION_TLS1_3
                                                   : MBEDTLS_SSL_VERSION_TLS1_2);
#else
    (void)allow13;
    mbedtls_ssl_conf_max_tls_version(conf, MBEDTLS_SSL_VERSION_TLS1_2);
#endif
#else
    (void)allow13;
    mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                                 MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_max_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                                 MBEDTLS_SSL_MINOR_VERSION_3);
#endif
}

/* The configuration every TLS endpoint of this module starts from:
 * mbedtls_ssl_config_defaults() for endpoint (stream, default preset), the
 * versions of utsec_tls_conf_versions(), the 0-terminated suite list (kept
 * by pointer: it must outlive conf) and the RNG. 0 or UTSEC_ERR_TLS when
 * the defaults fail (nothing else is set then). */
int utsec_tls_conf_base(mbedtls_ssl_config *conf, int endpoint, int allow13,
                        const int *suites, utsec_rng_fn rng, void *rng_ctx);

/* Fill dst (0-terminated int list for mbedtls_ssl_conf_ciphersuites) from
 * the caller's list or the default PSK list; validates every suite. On an
 * error dst may be partly written: both callers discard it then. */
int utsec_tls_fill_psk_suites(int dst[UTSEC_TLS_MAX_SUITES + 1],
                              const uint16_t *suites, size_t n);

/* Unless rc != 0, give key (Ks_(ext/int)_NAF) to mbedTLS as the PSK of the
 * handshake in progress; then wipe it. rc, or UTSEC_ERR_TLS. */
int utsec_tls_use_key(mbedtls_ssl_context *ssl,
                      uint8_t key[UTSEC_TLS_KEY_LEN], int rc);

/* Map an mbedTLS return code of a handshake call to a libutsec code. */
int utsec_tls_map_err(int ret);

/* Length of a NUL-free, valid DNS name, copied with a NUL into dst. */
int utsec_tls_copy_host(char dst[UTSEC_TLS_FQDN_SIZE], size_t *dst_len,
                        const char *host, size_t len);

#endif
