/*
 * UE side of TLS-PSK with GBA keys (TS 33.222 §5.4, TS 24.109 §5.3.3). The
 * PSK is Ks_(ext/int)_NAF for NAF_Id = FQDN || 01 00 01 yy zz, and yy zz is
 * the suite the server picks, so the key is derived after the ServerHello
 * and installed (mbedtls_ssl_set_hs_psk) before the ClientKeyExchange, by
 * driving the handshake one step at a time.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "tls_internal.h"
#include "utsec/gba.h"

UTSEC_API int utsec_tls_ue_setup(utsec_tls_ue_t *ue,
                                 const utsec_tls_ue_params_t *p,
                                 mbedtls_ssl_config *conf)
{
    uint8_t placeholder[UTSEC_GBA_KEY_LEN];
    int rc;

    if (ue == NULL || p == NULL || conf == NULL || p->rng == NULL ||
        p->btid == NULL || p->naf_fqdn == NULL ||
        (unsigned)p->variant > UTSEC_TLS_KEY_DIGEST)
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(ue, sizeof(*ue));
    if (p->key_cb == NULL) {
        /* GBA_ME: the library derives from Ks = CK || IK. */
        if (p->ck == NULL || p->ik == NULL || p->rand == NULL ||
            p->impi == NULL || p->impi_len == 0 ||
            p->variant == UTSEC_TLS_KEY_DIGEST)
            return UTSEC_ERR_INVALID_ARG;
        if (p->impi_len > sizeof(ue->impi))
            return UTSEC_ERR_TOO_LONG;
    }
    if ((rc = utsec_tls_copy_host(ue->fqdn, &ue->fqdn_len, p->naf_fqdn,
                                  p->naf_fqdn_len)) != 0 ||
        (rc = utsec_tls_psk_identity_build(p->btid, p->btid_len, p->variant,
                                           p->id_policy, ue->identity,
                                           sizeof(ue->identity),
                                           &ue->identity_len)) != 0 ||
        (rc = utsec_tls_fill_psk_suites(ue->suites, p->suites, p->n_suites)))
        goto fail;
    if (p->rng(p->rng_ctx, placeholder, sizeof(placeholder)) != 0) {
        rc = UTSEC_ERR_RNG;
        goto fail;
    }
    rc = utsec_tls_conf_base(conf, MBEDTLS_SSL_IS_CLIENT, 0, ue->suites,
                             p->rng, p->rng_ctx);
    if (rc == 0 && mbedtls_ssl_conf_psk(conf, placeholder, sizeof(placeholder),
                                        (const unsigned char *)ue->identity,
                                        ue->identity_len) != 0)
        rc = UTSEC_ERR_TLS;
    utsec_wipe(placeholder, sizeof(placeholder));
    if (rc != 0)
        goto fail;

    ue->variant = p->variant;
    if (p->key_cb != NULL) {
        ue->key_cb = p->key_cb;
        ue->key_ctx = p->key_ctx;
    } else {
        utsec_gba_ks(p->ck, p->ik, ue->ks);
        memcpy(ue->rand, p->rand, sizeof(ue->rand));
        memcpy(ue->impi, p->impi, p->impi_len);
        ue->impi_len = p->impi_len;
        ue->have_ks = 1;
    }
    ue->magic = UTSEC_TLS_UE_MAGIC;
    return 0;

fail:
    utsec_wipe(ue, sizeof(*ue));
    return rc;
}

UTSEC_API void utsec_tls_ue_free(utsec_tls_ue_t *ue)
{
    if (ue != NULL)
        utsec_wipe(ue, sizeof(*ue));
}

UTSEC_API int utsec_tls_ue_session_setup(utsec_tls_ue_session_t *s,
                                         const utsec_tls_ue_t *ue,
                                         mbedtls_ssl_context *ssl)
{
    if (s == NULL || ue == NULL || ue->magic != UTSEC_TLS_UE_MAGIC || ssl == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(s, sizeof(*s));
    /* SNI = the NAF FQDN (TS 24.109 F.3, the server_name extension). */
    if (mbedtls_ssl_set_hostname(ssl, ue->fqdn) != 0)
        return UTSEC_ERR_TLS;
    s->magic = UTSEC_TLS_UE_SES_MAGIC;
    s->ue = ue;
    s->ssl = ssl;
    return 0;
}

/* Derive Ks_(ext/int)_NAF for the negotiated suite and hand it to mbedTLS. */
static int install_key(utsec_tls_ue_session_t *s, int suite)
{
    const utsec_tls_ue_t *ue = s->ue;
    uint8_t naf_id[UTSEC_TLS_NAF_ID_SIZE], ua[UTSEC_GBA_UA_ID_LEN];
    uint8_t key[UTSEC_GBA_KEY_LEN];
    size_t naf_id_len;
    int rc;

    if (suite <= 0 || suite > 0xFFFF ||
        !utsec_tls_psk_suite_allowed((uint16_t)suite))
        return UTSEC_ERR_TLS_SUITE;
    s->suite = (uint16_t)suite;
    utsec_gba_ua_id_tls(s->suite, ua);
    if ((rc = utsec_gba_naf_id(ue->fqdn, ue->fqdn_len, ua, naf_id,
                               sizeof(naf_id), &naf_id_len)) != 0)
        return rc;
    if (ue->have_ks) {
        rc = utsec_gba_ks_naf(ue->ks,
                              ue->variant == UTSEC_TLS_KEY_UICC
                                  ? UTSEC_GBA_VARIANT_U_INT
                                  : UTSEC_GBA_VARIANT_ME,
                              ue->rand, ue->impi, ue->impi_len, naf_id,
                              naf_id_len, key);
    } else {
        rc = ue->key_cb(ue->key_ctx, ue->variant, naf_id, naf_id_len, key);
        if (rc > 0 || rc < UTSEC_TLS_ERR_FLOOR)
            rc = UTSEC_ERR_CALLBACK;
    }
    return utsec_tls_use_key(s->ssl, key, rc);
}

UTSEC_API int utsec_tls_ue_handshake(utsec_tls_ue_session_t *s)
{
    int ret, rc;

    if (s == NULL || s->magic != UTSEC_TLS_UE_SES_MAGIC)
        return UTSEC_ERR_INVALID_ARG;
    if (s->done)
        return 0;
    if (s->err != 0)
        return s->err;
    while (!utsec_tls_hs_over(s->ssl)) {
        if (!s->psk_set) {
            int suite = utsec_tls_hs_suite(s->ssl);
            if (suite != 0) { /* the ServerHello has been processed */
                if ((rc = install_key(s, suite)) != 0) {
                    s->err = rc;
                    mbedtls_ssl_send_alert_message(
                        s->ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL,
                        MBEDTLS_SSL_ALERT_MSG_INTERNAL_ERROR);
                    return rc;
                }
                s->psk_set = 1;
            }
        }
        ret = mbedtls_ssl_handshake_step(s->ssl);
        if (ret != 0) {
            rc = utsec_tls_map_err(ret);
            if (rc == UTSEC_ERR_TLS_WANT_READ || rc == UTSEC_ERR_TLS_WANT_WRITE)
                return rc;
            /* The NAF refuses an identity or a key it cannot find or whose
             * lifetime is over with unknown_psk_identity (RFC 4279 §2): the
             * UE should bootstrap again (TS 24.109 §5.3.3). */
            switch (utsec_tls_peer_alert(s->ssl, ret)) {
            case MBEDTLS_SSL_ALERT_MSG_UNKNOWN_PSK_IDENTITY:
                rc = UTSEC_ERR_UNKNOWN_ID;
                break;
            case MBEDTLS_SSL_ALERT_MSG_BAD_RECORD_MAC:
            case MBEDTLS_SSL_ALERT_MSG_DECRYPT_ERROR:
                rc = UTSEC_ERR_TLS_BAD_KEY;
                break;
            default:
                break;
            }
            s->err = rc;
            s->tls_err = ret;
            return rc;
        }
    }
    if (!s->psk_set) {
        s->err = UTSEC_ERR_STATE;
        return s->err;
    }
    s->done = 1;
    return 0;
}

UTSEC_API int utsec_tls_ue_session_suite(const utsec_tls_ue_session_t *s,
                                         uint16_t *suite)
{
    if (s == NULL || suite == NULL || s->magic != UTSEC_TLS_UE_SES_MAGIC)
        return UTSEC_ERR_INVALID_ARG;
    if (!s->psk_set)
        return UTSEC_ERR_STATE;
    *suite = s->suite;
    return 0;
}

UTSEC_API int utsec_tls_ue_session_tls_error(const utsec_tls_ue_session_t *s)
{
    return s != NULL ? s->tls_err : 0;
}

UTSEC_API void utsec_tls_ue_session_free(utsec_tls_ue_session_t *s)
{
    if (s != NULL)
        utsec_wipe(s, sizeof(*s));
}
