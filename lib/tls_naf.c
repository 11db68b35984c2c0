/*
 * NAF / Authentication Proxy side of TLS-PSK with GBA keys (TS 33.222 §5.4,
 * TS 24.109 §5.3.3): the PSK identity names a B-TID; the key is fetched over
 * Zn (the caller's key provider) for NAF_Id = FQDN || 01 00 01 yy zz with
 * the suite this handshake negotiated (TS 33.220 Annex H.3), checked against
 * its lifetime (TS 33.220 §4.5.3) and wiped once mbedTLS has it.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "tls_internal.h"
#include "utsec/gba.h"

/* BIO wrappers: mbedTLS 2.28 has no per-connection user pointer, so the
 * session is the BIO context and these forward to the caller's callbacks. */
static int bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    utsec_tls_naf_session_t *s = ctx;
    return s->f_send(s->p_bio, buf, len);
}

static int bio_recv(void *ctx, unsigned char *buf, size_t len)
{
    utsec_tls_naf_session_t *s = ctx;
    return s->f_recv(s->p_bio, buf, len);
}

static int bio_recv_timeout(void *ctx, unsigned char *buf, size_t len,
                            uint32_t timeout)
{
    utsec_tls_naf_session_t *s = ctx;
    return s->f_recv_timeout(s->p_bio, buf, len, timeout);
}

/* The session bound to ssl, or NULL when ssl was not set up by
 * utsec_tls_naf_session_setup() for this NAF state. */
static utsec_tls_naf_session_t *session_of(const utsec_tls_naf_t *naf,
                                           mbedtls_ssl_context *ssl)
{
    mbedtls_ssl_send_t *f_send;
    utsec_tls_naf_session_t *s = utsec_tls_bio_ctx(ssl, &f_send);

    if (f_send != bio_send || s == NULL || s->magic != UTSEC_TLS_NAF_SES_MAGIC ||
        s->ssl != ssl || s->naf != naf)
        return NULL;
    return s;
}

static int sni_cb(void *p, mbedtls_ssl_context *ssl, const unsigned char *name,
                  size_t len)
{
    const utsec_tls_naf_t *naf = p;
    utsec_tls_naf_session_t *s = session_of(naf, ssl);
    int rc;

    if (s == NULL)
        return -1;
    if (!naf->use_sni)
        return 0;
    rc = utsec_tls_copy_host(s->sni, &s->sni_len, (const char *)name, len);
    if (rc != 0) {
        s->sni_len = 0;
        s->err = rc;
        return -1;
    }
    return 0;
}

static void clear_result(utsec_tls_naf_session_t *s)
{
    utsec_wipe(s->btid, sizeof(s->btid));
    utsec_wipe(s->ids, sizeof(s->ids));
    s->btid_len = s->ids_len = s->n_ids = 0;
    s->psk_ok = 0;
    s->expiry = 0;
    s->suite = 0;
}

/* The PSK callback (mbedtls_ssl_conf_psk_cb): called once per handshake
 * with the identity of the ClientKeyExchange, after the suite is chosen. */
static int psk_cb(void *p, mbedtls_ssl_context *ssl, const unsigned char *id,
                  size_t id_len)
{
    const utsec_tls_naf_t *naf = p;
    utsec_tls_naf_session_t *s = session_of(naf, ssl);
    utsec_tls_psk_id_t pid;
    utsec_tls_key_request_t req;
    utsec_tls_key_reply_t rep;
    uint8_t naf_id[UTSEC_TLS_NAF_ID_SIZE], ua[UTSEC_GBA_UA_ID_LEN];
    size_t naf_id_len;
    int suite, rc;

    if (s == NULL)
        return -1;
    clear_result(s);
    rc = utsec_tls_psk_identity_parse((const char *)id, id_len, &naf->policy,
                                      &pid);
    if (rc != 0)
        goto fail;
    suite = utsec_tls_hs_suite(ssl);
    if (suite <= 0 || suite > 0xFFFF) {
        rc = UTSEC_ERR_STATE;
        goto fail;
    }
    req.btid = pid.btid;
    req.btid_len = pid.btid_len;
    req.variant = pid.variant;
    req.cipher_suite = (uint16_t)suite;
    req.psk_identity = (const char *)id;
    req.psk_identity_len = id_len;
    if (naf->use_sni && s->sni_len > 0) {
        req.naf_fqdn = s->sni;
        req.naf_fqdn_len = s->sni_len;
    } else if (naf->fqdn_len > 0) {
        req.naf_fqdn = naf->fqdn;
        req.naf_fqdn_len = naf->fqdn_len;
    } else {
        rc = UTSEC_ERR_BAD_HOST;
        goto fail;
    }
    utsec_gba_ua_id_tls(req.cipher_suite, ua);
    rc = utsec_gba_naf_id(req.naf_fqdn, req.naf_fqdn_len, ua, naf_id,
                          sizeof(naf_id), &naf_id_len);
    if (rc != 0)
        goto fail;
    req.naf_id = naf_id;
    req.naf_id_len = naf_id_len;

    memset(&rep, 0, sizeof(rep));
    rep.ids = s->ids;
    rep.ids_size = sizeof(s->ids);
    rc = naf->provider(naf->provider_ctx, &req, &rep);
    if (rc > 0 || rc < UTSEC_TLS_ERR_FLOOR)
        rc = UTSEC_ERR_CALLBACK;
    if (rc == 0)
        rc = utsec_gba_key_valid(rep.expiry, naf->time(naf->time_ctx));
    rc = utsec_tls_use_key(ssl, rep.key, rc);
    if (rc != 0)
        goto fail;

    memcpy(s->btid, pid.btid, pid.btid_len);
    s->btid[pid.btid_len] = '\0';
    s->btid_len = pid.btid_len;
    s->variant = pid.variant;
    s->suite = req.cipher_suite;
    s->expiry = rep.expiry;
    s->ids_len = rep.ids_len;
    s->n_ids = rep.n_ids;
    s->psk_ok = 1;
    return 0;

fail:
    clear_result(s);
    s->err = rc;
    return -1;
}

UTSEC_API int utsec_tls_key_reply_add_identity(utsec_tls_key_reply_t *reply,
                                               const char *id, size_t id_len)
{
    if (reply == NULL || reply->ids == NULL || id == NULL || id_len == 0 ||
        memchr(id, '\0', id_len) != NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (id_len >= reply->ids_size - reply->ids_len)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(reply->ids + reply->ids_len, id, id_len);
    reply->ids[reply->ids_len + id_len] = '\0';
    reply->ids_len += id_len + 1;
    reply->n_ids++;
    return 0;
}

UTSEC_API int utsec_tls_naf_setup(utsec_tls_naf_t *naf,
                                  const utsec_tls_naf_params_t *p,
                                  mbedtls_ssl_config *conf)
{
    utsec_tls_naf_t n;
    int rc;

    if (naf == NULL || p == NULL || conf == NULL || p->provider == NULL ||
        p->rng == NULL || (p->naf_fqdn == NULL && !p->use_sni))
        return UTSEC_ERR_INVALID_ARG;
    memset(&n, 0, sizeof(n));
    if (p->naf_fqdn != NULL &&
        (rc = utsec_tls_copy_host(n.fqdn, &n.fqdn_len, p->naf_fqdn,
                                  p->naf_fqdn_len)) != 0)
        return rc;
    if (p->id_policy != NULL) {
        n.policy = *p->id_policy;
        if (p->id_policy->prefix != NULL) {
            if (p->id_policy->prefix_len == 0 ||
                p->id_policy->prefix_len > sizeof(n.prefix))
                return UTSEC_ERR_INVALID_ARG;
            memcpy(n.prefix, p->id_policy->prefix, p->id_policy->prefix_len);
            n.policy.prefix = naf->prefix; /* where the copy below puts it */
        }
    }
    if ((rc = utsec_tls_fill_psk_suites(n.suites, p->suites, p->n_suites)))
        return rc;
    n.use_sni = p->use_sni != 0;
    n.provider = p->provider;
    n.provider_ctx = p->provider_ctx;
    n.time = p->time != NULL ? p->time : utsec_time_now;
    n.time_ctx = p->time_ctx;
    n.magic = UTSEC_TLS_NAF_MAGIC;

    /* conf keeps the address of naf->suites, filled by the copy below */
    if ((rc = utsec_tls_conf_base(conf, MBEDTLS_SSL_IS_SERVER, 0, naf->suites,
                                  p->rng, p->rng_ctx)) != 0)
        return rc;
    *naf = n;
    mbedtls_ssl_conf_psk_cb(conf, psk_cb, naf);
#if defined(MBEDTLS_SSL_SERVER_NAME_INDICATION)
    mbedtls_ssl_conf_sni(conf, sni_cb, naf);
#else
    (void)sni_cb; /* NAF_Id from the configured FQDN only */
#endif
    return 0;
}

UTSEC_API void utsec_tls_naf_free(utsec_tls_naf_t *naf)
{
    if (naf != NULL)
        utsec_wipe(naf, sizeof(*naf));
}

UTSEC_API int utsec_tls_naf_session_setup(utsec_tls_naf_session_t *s,
                                          const utsec_tls_naf_t *naf,
                                          mbedtls_ssl_context *ssl, void *p_bio,
                                          mbedtls_ssl_send_t *f_send,
                                          mbedtls_ssl_recv_t *f_recv,
                                          mbedtls_ssl_recv_timeout_t *f_recv_timeout)
{
    if (s == NULL || naf == NULL || naf->magic != UTSEC_TLS_NAF_MAGIC ||
        ssl == NULL || f_send == NULL || (f_recv == NULL && f_recv_timeout == NULL))
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(s, sizeof(*s));
    s->magic = UTSEC_TLS_NAF_SES_MAGIC;
    s->naf = naf;
    s->ssl = ssl;
    s->p_bio = p_bio;
    s->f_send = f_send;
    s->f_recv = f_recv;
    s->f_recv_timeout = f_recv_timeout;
    mbedtls_ssl_set_bio(ssl, s, bio_send, f_recv != NULL ? bio_recv : NULL,
                        f_recv_timeout != NULL ? bio_recv_timeout : NULL);
    return 0;
}

UTSEC_API int utsec_tls_naf_handshake(utsec_tls_naf_session_t *s)
{
    int ret, rc;

    if (s == NULL || s->magic != UTSEC_TLS_NAF_SES_MAGIC)
        return UTSEC_ERR_INVALID_ARG;
    if (s->done)
        return 0;
    if (s->err != 0)
        return s->err;
    ret = mbedtls_ssl_handshake(s->ssl);
    rc = utsec_tls_map_err(ret);
    if (rc == UTSEC_ERR_TLS_WANT_READ || rc == UTSEC_ERR_TLS_WANT_WRITE)
        return rc;
    if (rc == 0 && !s->psk_ok)
        rc = UTSEC_ERR_STATE; /* cannot happen: every suite is a PSK suite */
    if (rc != 0) {
        if (s->err == 0)
            s->err = rc;
        s->tls_err = ret;
        clear_result(s);
        return s->err;
    }
    s->done = 1;
    return 0;
}

UTSEC_API int utsec_tls_naf_session_error(const utsec_tls_naf_session_t *s)
{
    if (s == NULL || s->magic != UTSEC_TLS_NAF_SES_MAGIC)
        return UTSEC_ERR_INVALID_ARG;
    return s->err;
}

UTSEC_API int utsec_tls_naf_session_tls_error(const utsec_tls_naf_session_t *s)
{
    return s != NULL ? s->tls_err : 0;
}

static int ready(const utsec_tls_naf_session_t *s)
{
    if (s == NULL || s->magic != UTSEC_TLS_NAF_SES_MAGIC)
        return UTSEC_ERR_INVALID_ARG;
    return (s->done && s->psk_ok) ? 0 : UTSEC_ERR_STATE;
}

UTSEC_API int utsec_tls_naf_session_btid(const utsec_tls_naf_session_t *s,
                                         const char **btid, size_t *btid_len,
                                         utsec_tls_key_variant_t *variant)
{
    int rc;

    if (btid == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = ready(s)) != 0)
        return rc;
    *btid = s->btid;
    if (btid_len != NULL)
        *btid_len = s->btid_len;
    if (variant != NULL)
        *variant = s->variant;
    return 0;
}

UTSEC_API int utsec_tls_naf_session_suite(const utsec_tls_naf_session_t *s,
                                          uint16_t *suite, int64_t *expiry)
{
    int rc;

    if ((rc = ready(s)) != 0)
        return rc;
    if (suite != NULL)
        *suite = s->suite;
    if (expiry != NULL)
        *expiry = s->expiry;
    return 0;
}

UTSEC_API int utsec_tls_naf_session_identity(const utsec_tls_naf_session_t *s,
                                             size_t idx, const char **id,
                                             size_t *id_len)
{
    const char *p;
    int rc;

    if (id == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = ready(s)) != 0)
        return rc;
    if (idx >= s->n_ids)
        return UTSEC_ERR_NOT_FOUND;
    for (p = s->ids; idx > 0; idx--)
        p += strlen(p) + 1;
    *id = p;
    if (id_len != NULL)
        *id_len = strlen(p);
    return 0;
}

UTSEC_API void utsec_tls_naf_session_free(utsec_tls_naf_session_t *s)
{
    if (s != NULL)
        utsec_wipe(s, sizeof(*s));
}
