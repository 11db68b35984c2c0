/*
 * ap: the HTTPS Ua listener with HTTP Digest (TS 33.222 §5.3, TS 24.109
 * §5.2): server-authenticated TLS with the AP's certificate, then Digest
 * with realm 3GPP-bootstrapping@<naf-fqdn>, username = B-TID and password
 * = base64(Ks_(ext)_NAF) for NAF_Id = FQDN || 01 00 01 yy zz of the
 * negotiated TLS suite (TS 33.220 Annex H), the key fetched over Zn by the
 * credential lookup. Nonces, their age, the nonce-count replay table and
 * the response check are the library's Digest server.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ap.h"
#include "utsec/gba.h"

#define AP_NONCE_LIFETIME 120 /* seconds; older nonces are answered stale=true */

/* TLS 1.2 ECDHE-ECDSA AEAD suites for the AP's P-256 certificate. TLS 1.2
 * only: the suite code is part of NAF_Id (Annex H). */
static const uint16_t https_suites[] = {0xC02B, 0xC02C, 0xCCA9};

/* The Digest server's credential lookup: password = base64(Ks_NAF) of
 * the B-TID in the username, via Zn. */
static int digest_lookup(void *ctx, utsec_digest_cred_request_t *req, uint8_t *pw,
                         size_t size, size_t *len)
{
    ap_t *ap = ctx;
    char b64[UTSEC_GBA_PASSWORD_SIZE];
    size_t n = 0;
    int rc;

    if (req->userhash)
        return UTSEC_ERR_NOT_FOUND; /* not offered by the Ua profile */
    ap->zn_rc = ap_zn_query(ap, req->username.ptr, req->username.len, ap->naf_id,
                            ap->naf_id_len, &ap->zn);
    if (ap->zn_rc == UTSEC_ERR_UNKNOWN_ID || ap->zn_rc == UTSEC_ERR_EXPIRED)
        return UTSEC_ERR_NOT_FOUND; /* -> a fresh 401: bootstrap again */
    if (ap->zn_rc != 0)
        return UTSEC_ERR_CALLBACK;
    rc = utsec_gba_digest_password(ap->zn.ks_naf, b64, sizeof(b64), &n);
    utsec_wipe(ap->zn.ks_naf, sizeof(ap->zn.ks_naf)); /* only the IMPUs are kept */
    if (rc == 0 && n > size)
        rc = UTSEC_ERR_BUFFER_TOO_SMALL;
    if (rc == 0) {
        memcpy(pw, b64, n);
        *len = n;
    }
    utsec_wipe(b64, sizeof(b64));
    return rc;
}

int ap_digest_init(ap_t *ap)
{
    utsec_digest_server_config_t cfg;
    size_t i, k = 0;
    int rc;

    for (i = 0; i < sizeof(https_suites) / sizeof(https_suites[0]); i++)
        if (mbedtls_ssl_ciphersuite_from_id(https_suites[i]) != NULL)
            ap->https_suites[k++] = https_suites[i];
    ap->https_suites[k] = 0;
    if (k == 0 || mbedtls_ssl_config_defaults(&ap->https_conf, MBEDTLS_SSL_IS_SERVER,
                                              MBEDTLS_SSL_TRANSPORT_STREAM,
                                              MBEDTLS_SSL_PRESET_DEFAULT) != 0) {
        fprintf(stderr, "ap: HTTPS configuration failed\n");
        return -1;
    }
#if MBEDTLS_VERSION_MAJOR >= 3
    mbedtls_ssl_conf_min_tls_version(&ap->https_conf, MBEDTLS_SSL_VERSION_TLS1_2);
    mbedtls_ssl_conf_max_tls_version(&ap->https_conf, MBEDTLS_SSL_VERSION_TLS1_2);
#else
    mbedtls_ssl_conf_min_version(&ap->https_conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                                 MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_max_version(&ap->https_conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                                 MBEDTLS_SSL_MINOR_VERSION_3);
#endif
    mbedtls_ssl_conf_ciphersuites(&ap->https_conf, ap->https_suites);
    mbedtls_ssl_conf_authmode(&ap->https_conf, MBEDTLS_SSL_VERIFY_NONE); /* UE: Digest */
    mbedtls_ssl_conf_rng(&ap->https_conf, utsec_rng_default, &ap->node.rng);
    if (mbedtls_ssl_conf_own_cert(&ap->https_conf, &ap->node.own, &ap->node.key) != 0) {
        fprintf(stderr, "ap: HTTPS certificate rejected\n");
        return -1;
    }

    rc = utsec_digest_profile_ua(&cfg, ap->realm, sizeof(ap->realm), UTSEC_DIGEST_UA_REALM_ME,
                                 ap->fqdn, ap->fqdn_len);
    if (rc == 0)
        rc = utsec_rng_default(&ap->node.rng, ap->nonce_secret, sizeof(ap->nonce_secret));
    if (rc == 0)
        rc = utsec_digest_replay_init(&ap->replay, ap->replay_entries, AP_REPLAY_ENTRIES);
    if (rc == 0) {
        cfg.secret = ap->nonce_secret;
        cfg.secret_len = sizeof(ap->nonce_secret);
        cfg.nonce_lifetime = AP_NONCE_LIFETIME;
        cfg.rng = utsec_rng_default;
        cfg.rng_ctx = &ap->node.rng;
        cfg.time = utsec_time_now;
        cfg.lookup = digest_lookup;
        cfg.lookup_ctx = ap;
        cfg.replay = &ap->replay;
        rc = utsec_digest_server_init(&ap->digest, &cfg);
    }
    if (rc != 0) {
        fprintf(stderr, "ap: Digest server: %s\n", utsec_strerror(rc));
        return -1;
    }
    ap->digest_ok = 1;
    return 0;
}

void ap_digest_free(ap_t *ap)
{
    if (ap->digest_ok)
        utsec_digest_server_free(&ap->digest);
    utsec_wipe(ap->nonce_secret, sizeof(ap->nonce_secret));
    ap->digest_ok = 0;
}

/* Hex H(body) for auth-int into out, or NULL for an empty body. */
static const char *body_hash(utsec_digest_alg_t alg, const void *body, size_t len,
                             char out[UTSEC_DIGEST_HEX_SIZE])
{
    utsec_digest_body_hash_t bh;

    if (len == 0 || utsec_digest_body_hash_start(&bh, alg) != 0 ||
        utsec_digest_body_hash_update(&bh, body, len) != 0 ||
        utsec_digest_body_hash_finish(&bh, out, UTSEC_DIGEST_HEX_SIZE) != 0)
        return NULL;
    return out;
}

static int is_digest_scheme(const utsec_id_view_t *v)
{
    return v->len >= 6 && strncasecmp(v->ptr, "Digest", 6) == 0 &&
           (v->len == 6 || v->ptr[6] == ' ' || v->ptr[6] == '\t');
}

static void text(ap_answer_t *ans, int status, const char *t)
{
    ans->status = status;
    ans->ctype = "text/plain";
    ans->body = t;
    ans->body_len = strlen(t);
}

/* Verify the Authorization of ap->req; on success, proxy it. */
static void authenticate(ap_t *ap, const utsec_id_view_t *authz, ap_answer_t *ans,
                         int *challenge, int *stale, char *info, size_t info_size)
{
    utsec_digest_verify_result_t vr;
    char req_hash[UTSEC_DIGEST_HEX_SIZE], resp_hash[UTSEC_DIGEST_HEX_SIZE];
    const char *bh = NULL;
    int rc;

    rc = utsec_digest_parse_authorization(authz->ptr, authz->len, &ap->auth, ap->scratch,
                                          sizeof(ap->scratch));
    if (rc != 0) {
        printf("ap: digest deny 400 reason=%s\n", utsec_strerror(rc));
        text(ans, 400, "malformed Authorization\n");
        return;
    }
    if (ap->auth.qop == UTSEC_DIGEST_QOP_AUTH_INT)
        bh = body_hash(ap->auth.alg, ap->req.body, ap->req.body_len, req_hash);
    ap->zn_rc = 0;
    memset(&vr, 0, sizeof(vr));
    rc = utsec_digest_server_verify(&ap->digest, &ap->auth, ap->req.method,
                                    strlen(ap->req.method), ap->req.target,
                                    strlen(ap->req.target), bh, &vr);
    if (rc == 0) {
        printf("ap: digest ok btid=%.*s qop=%s\n", (int)ap->auth.username.len,
               ap->auth.username.ptr,
               vr.qop == UTSEC_DIGEST_QOP_AUTH_INT ? "auth-int" : "auth");
        fflush(stdout);
        ap_proxy(ap, ap->zn.impu, ap->zn.n_impu, ans);
        bh = NULL;
        if (vr.qop == UTSEC_DIGEST_QOP_AUTH_INT)
            bh = body_hash(ap->auth.alg, ans->body, ans->body_len, resp_hash);
        if (utsec_digest_server_auth_info(&ap->digest, &ap->auth, &vr, bh, info, info_size,
                                          NULL) != 0)
            info[0] = '\0';
    } else if (rc == UTSEC_ERR_URI_MISMATCH || rc == UTSEC_ERR_PARSE) {
        printf("ap: digest deny 400 reason=%s\n", utsec_strerror(rc));
        text(ans, 400, "bad request\n");
    } else if (rc == UTSEC_ERR_CALLBACK) {
        printf("ap: digest deny 503 reason=%s (Zn failed)\n", utsec_strerror(rc));
        text(ans, 503, "bootstrapping server unavailable\n");
    } else {
        /* wrong password, unknown or expired B-TID (a fresh challenge is
         * the bootstrapping renegotiation request), foreign nonce, a
         * replayed nonce count, stale nonce: all a new 401 challenge */
        *challenge = 1;
        *stale = rc == UTSEC_ERR_STALE;
        printf("ap: digest deny 401 reason=%s%s\n", utsec_strerror(rc),
               ap->zn_rc == UTSEC_ERR_UNKNOWN_ID || ap->zn_rc == UTSEC_ERR_EXPIRED
                   ? " (bootstrapping renegotiation)"
                   : *stale ? " (stale nonce)" : "");
        text(ans, 401, "authentication required\n");
    }
    utsec_wipe(&vr, sizeof(vr));
}

void ap_digest_serve(ap_t *ap, int fd)
{
    mbedtls_ssl_context ssl;
    ex_conn_t c = {fd, NULL};
    uint8_t naf_id[UTSEC_TLS_NAF_ID_SIZE];
    char challenge[1024], info[512];
    utsec_id_ue_headers_t h;
    ap_answer_t ans;
    int rc, want_challenge = 0, stale = 0;

    info[0] = '\0';
    mbedtls_ssl_init(&ssl);
    if (ex_tls_handshake(&ssl, &ap->https_conf, &c.fd, NULL) != 0) {
        printf("ap: https handshake failed\n");
        goto out;
    }
    c.ssl = &ssl;
    rc = utsec_tls_naf_id_for_ssl(&ssl, ap->fqdn, ap->fqdn_len, naf_id, sizeof(naf_id),
                                  &ap->naf_id_len);
    if (rc != 0) {
        printf("ap: https: no NAF_Id: %s\n", utsec_strerror(rc));
        goto out;
    }
    ap->naf_id = naf_id;
    if (ex_http_read_request(&c, &ap->req) != 0) {
        printf("ap: https: no readable request\n");
        goto out;
    }
    ex_log_msg(stdout, "ap", "<- ue", &ap->req);
    rc = utsec_id_http_scan(ap->req.head, ap->req.head_len, &h);
    if (rc != 0) {
        printf("ap: digest deny 400 reason=%s\n", utsec_strerror(rc));
        text(&ans, 400, "bad request\n");
    } else if (!(h.present & UTSEC_ID_HDR_AUTHORIZATION) || !is_digest_scheme(&h.authorization)) {
        want_challenge = 1;
        text(&ans, 401, "authentication required\n");
    } else {
        authenticate(ap, &h.authorization, &ans, &want_challenge, &stale, info, sizeof(info));
    }
    if (want_challenge &&
        utsec_digest_server_challenge(&ap->digest, stale, challenge, sizeof(challenge), NULL) != 0)
        text(&ans, 500, "internal error\n"), want_challenge = 0;
    if (ap_respond(ap, &c, &ans, want_challenge ? challenge : NULL,
                   info[0] != '\0' ? info : NULL) == 0)
        (void)mbedtls_ssl_close_notify(&ssl);
out:
    fflush(stdout);
    ap->naf_id = NULL;
    ap_zn_clear(&ap->zn);
    utsec_wipe(&ap->auth, sizeof(ap->auth));
    utsec_wipe(ap->scratch, sizeof(ap->scratch));
    mbedtls_ssl_free(&ssl);
}
