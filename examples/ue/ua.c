/*
 * ue: the Ua commands (TS 33.222, TS 24.109 §5): an XCAP request to the
 * AP, authenticated with the bootstrapped key, in one of two modes:
 *  - psk: TLS-PSK (TS 33.222 §5.4) with the library's UE glue
 *    (utsec_tls_ue_*): PSK identity = B-TID, PSK = Ks_NAF for the suite the
 *    AP picks;
 *  - digest: HTTPS, the AP's certificate verified against --ca for
 *    ap.example.net, then HTTP Digest (TS 33.222 §5.3) with the library's
 *    Digest client: user name = B-TID, password = base64(Ks_NAF) with
 *    NAF_Id = FQDN || 01 00 01 yy zz for the negotiated TLS suite.
 *
 * Ks_NAF comes from the saved context with gba.h (utsec_gba_ks_naf) and, in
 * psk mode, the TLS glue's CK/IK/RAND/IMPI input. A phone stack would
 * restore a utsec_boot_ue_t with utsec_boot_ue_import() instead, which
 * refuses an expired key: the lab's --use-expired must be able to present
 * one, to show the AP asking for renegotiation.
 *
 * Bootstrapping renegotiation (TS 24.109 §5.2.4/§5.3.3): when the key has
 * expired locally, when the AP answers an authorised Digest request with a
 * new 401, or when the PSK handshake ends with unknown_psk_identity, the UE
 * bootstraps again with the stored subscription, saves, and retries once.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/version.h>
#if MBEDTLS_VERSION_MAJOR >= 3
#include <psa/crypto.h>
#endif

#include "ex_http.h"
#include "ex_tls.h"
#include "ue.h"
#include "utsec/digest.h"
#include "utsec/gba.h"
#include "utsec/tls_psk.h"
#include "ex_text.h"

#define UA_RENEGOTIATE (-1000) /* attempt result: the AP wants a new B-TID */
#define UA_REC_MAX 65536
#define UA_DOC_MAX 60000

typedef struct ua {
    const ue_ua_opts_t *o;
    ue_state_t *st;
    utsec_rng_default_t rng;
    const char *method;
    char target[1024];
    char *doc;
    size_t doc_len;
    /* digest mode */
    mbedtls_x509_crt ca;
    mbedtls_ssl_config https;
    utsec_digest_client_t cl;
    char authz[2048];
    /* psk mode */
    utsec_tls_ue_t tue;
    mbedtls_ssl_config pskconf;
    int fd;
    int recording;
    unsigned char rec[UA_REC_MAX];
    size_t rec_len;
    /* results */
    int status, replay_status;
    ex_http_out_t out;
    ex_http_msg_t in;
} ua_t;

static ua_t ua_area;

/* RFC 3986 pchar stays in a path segment; in a query value '&', '=' and
 * '+' are escaped as well. */
#define PCT_KEEP_PATH "!$'()*,;:@&=+"
#define PCT_KEEP_QUERY "!$'()*,;:@"

static int build_target(ua_t *u)
{
    char enc[768];
    const ue_ua_opts_t *o = u->o;

    u->method = o->cmd == UE_PUT ? "PUT" : o->cmd == UE_DELETE ? "DELETE" : "GET";
    if (o->cmd == UE_WATCHER) {
        if (ex_pct_encode(o->watcher, PCT_KEEP_QUERY, enc, sizeof(enc)) != 0)
            return -1;
        snprintf(u->target, sizeof(u->target), "/watcher-authorization?watcher=%s", enc);
    } else {
        if (ex_pct_encode(o->xui, PCT_KEEP_PATH, enc, sizeof(enc)) != 0)
            return -1;
        snprintf(u->target, sizeof(u->target), "/pres-rules/users/%s/index", enc);
    }
    return 0;
}

static int load_doc(ua_t *u)
{
    FILE *f = fopen(u->o->doc, "rb");

    if (f == NULL) {
        perror(u->o->doc);
        return -1;
    }
    u->doc = malloc(UA_DOC_MAX + 1);
    if (u->doc != NULL)
        u->doc_len = fread(u->doc, 1, UA_DOC_MAX + 1, f);
    fclose(f);
    if (u->doc == NULL || u->doc_len > UA_DOC_MAX) {
        fprintf(stderr, "ue: %s: too large\n", u->o->doc);
        return -1;
    }
    return 0;
}

/* Send the XCAP request (with authz when given) on c and read the answer. */
static int request(ua_t *u, ex_conn_t *c, const char *authz)
{
    ex_http_out_request(&u->out, u->method, u->target, UE_NAF_FQDN);
    if (authz != NULL)
        ex_http_out_header(&u->out, "Authorization", "%s", authz);
    if (u->o->intended != NULL)
        ex_http_out_header(&u->out, "X-3GPP-Intended-Identity", "\"%s\"", u->o->intended);
    if (u->o->forge != NULL)
        ex_http_out_header(&u->out, "X-3GPP-Asserted-Identity", "\"%s\"", u->o->forge);
    ex_http_out_end(&u->out, u->doc != NULL ? "application/auth-policy+xml" : NULL, u->doc,
                    u->doc_len);
    ex_log_out(stdout, "ue", "-> ap", &u->out);
    if (ex_http_out_flush(c, &u->out) != 0 ||
        ex_http_read_response(c, &u->in) != 0) {
        printf("ue     Ua: no answer from the AP\n");
        return -1;
    }
    ex_log_msg(stdout, "ue", "<- ap", &u->in);
    return u->in.status;
}

/* ------------------------------------------------------------- digest */

static int https_open(ua_t *u, mbedtls_ssl_context *ssl, int *fd)
{
    mbedtls_ssl_init(ssl);
    *fd = ex_connect(u->o->ap_port);
    if (*fd < 0) {
        printf("ue     cannot connect to the AP on port %u\n", (unsigned)u->o->ap_port);
        return -1;
    }
    if (ex_tls_handshake(ssl, &u->https, fd, UE_NAF_FQDN) != 0) {
        printf("ue     HTTPS: handshake with %s failed (certificate not verified?)\n",
               UE_NAF_FQDN);
        return -1;
    }
    return 0;
}

static void conn_close(mbedtls_ssl_context *ssl, int fd)
{
    if (fd >= 0) {
        (void)mbedtls_ssl_close_notify(ssl);
        ex_close(fd);
    }
    mbedtls_ssl_free(ssl);
}

/* Authorization for the request with password base64(Ks_NAF), NAF_Id for
 * the suite negotiated on ssl (TS 33.222 §5.3, TS 33.220 Annex H). */
static int digest_answer(ua_t *u, const mbedtls_ssl_context *ssl)
{
    uint8_t naf_id[UTSEC_TLS_NAF_ID_SIZE], key[UTSEC_GBA_KEY_LEN];
    char pw[UTSEC_GBA_PASSWORD_SIZE];
    size_t naf_id_len = 0;
    int rc;

    rc = utsec_tls_naf_id_for_ssl(ssl, UE_NAF_FQDN, strlen(UE_NAF_FQDN), naf_id,
                                  sizeof(naf_id), &naf_id_len);
    if (rc == 0)
        rc = utsec_gba_ks_naf(u->st->ks, UTSEC_GBA_VARIANT_ME, u->st->rand, u->st->impi,
                              strlen(u->st->impi), naf_id, naf_id_len, key);
    if (rc == 0)
        rc = utsec_gba_digest_password(key, pw, sizeof(pw), NULL);
    if (rc == 0)
        rc = utsec_digest_client_authorize(&u->cl, u->st->btid, strlen(u->st->btid),
                                           (const uint8_t *)pw, strlen(pw), u->method,
                                           strlen(u->method), u->target, strlen(u->target),
                                           NULL, u->authz, sizeof(u->authz), NULL);
    utsec_wipe(key, sizeof(key));
    utsec_wipe(pw, sizeof(pw));
    if (rc != 0)
        printf("ue     Digest: cannot answer: %s\n", utsec_strerror(rc));
    return rc;
}

static int take_challenge(ua_t *u, int *stale)
{
    static const char realm[] = "3GPP-bootstrapping@" UE_NAF_FQDN;
    const unsigned non_aka = UTSEC_DIGEST_ALG_ALL &
                             ~(UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV1_MD5) |
                               UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV2_MD5));
    const char *www = ex_http_header(&u->in, "WWW-Authenticate");
    utsec_digest_str_t r;
    int rc;

    if (www == NULL)
        return UTSEC_ERR_NO_CHALLENGE;
    rc = utsec_digest_client_challenge(&u->cl, www, strlen(www), non_aka, 0, stale);
    if (rc == 0)
        rc = utsec_digest_client_realm(&u->cl, &r);
    if (rc == 0 && (r.len != sizeof(realm) - 1 || memcmp(r.ptr, realm, r.len) != 0)) {
        printf("ue     Digest: realm is not %s: refusing\n", realm);
        rc = UTSEC_ERR_NO_CHALLENGE;
    }
    return rc;
}

static int digest_attempt(ua_t *u)
{
    mbedtls_ssl_context ssl;
    ex_conn_t c;
    const char *ai;
    int fd = -1, rc, stale = 0, round;

    /* 1: the request without credentials, expecting the NAF's 401 */
    rc = https_open(u, &ssl, &fd) == 0 ? (c.fd = fd, c.ssl = &ssl, request(u, &c, NULL)) : -1;
    conn_close(&ssl, fd);
    if (rc != 401)
        return rc;
    if ((rc = take_challenge(u, NULL)) != 0)
        return -1;
    /* 2: the authorised request (a stale nonce is answered once more) */
    for (round = 0; round < 2; round++) {
        fd = -1;
        rc = https_open(u, &ssl, &fd);
        if (rc == 0)
            rc = digest_answer(u, &ssl) == 0 ? (c.fd = fd, c.ssl = &ssl, request(u, &c, u->authz))
                                               : -1;
        conn_close(&ssl, fd);
        if (rc != 401)
            break;
        if (take_challenge(u, &stale) != 0)
            return -1;
        if (!stale)
            return UA_RENEGOTIATE; /* a fresh challenge to our B-TID */
        printf("ue     Digest: stale nonce, answering the new one\n");
    }
    if (rc < 0)
        return rc;
    ai = ex_http_header(&u->in, "Authentication-Info");
    if (ai != NULL && (rc = utsec_digest_client_verify_info(&u->cl, ai, strlen(ai), NULL)) != 0) {
        printf("ue     Digest: Authentication-Info does not verify: %s\n", utsec_strerror(rc));
        return -1;
    }
    if (ai != NULL)
        printf("ue     Digest: AP authenticated (rspauth)\n");
    return u->in.status;
}

static int digest_replay(ua_t *u)
{
    mbedtls_ssl_context ssl;
    ex_conn_t c;
    int fd = -1, rc;

    printf("ue     replay: the same authorised request on a new connection\n");
    rc = https_open(u, &ssl, &fd) == 0 ? (c.fd = fd, c.ssl = &ssl, request(u, &c, u->authz))
                                       : -1;
    conn_close(&ssl, fd);
    return rc < 0 ? 0 : rc;
}

/* ---------------------------------------------------------------- psk */

static int rec_send(void *p, const unsigned char *buf, size_t len)
{
    ua_t *u = p;
    int n = ex_bio_send(&u->fd, buf, len);

    if (n > 0 && u->recording && u->rec_len + (size_t)n <= sizeof(u->rec)) {
        memcpy(u->rec + u->rec_len, buf, (size_t)n);
        u->rec_len += (size_t)n;
    }
    return n;
}

static int rec_recv(void *p, unsigned char *buf, size_t len)
{
    ua_t *u = p;

    return ex_bio_recv(&u->fd, buf, len);
}

static int psk_attempt(ua_t *u)
{
    utsec_tls_ue_params_t p;
    utsec_tls_ue_session_t s;
    mbedtls_ssl_context ssl;
    ex_conn_t c;
    uint16_t suite = 0;
    int rc;

    memset(&p, 0, sizeof(p));
    p.btid = u->st->btid;
    p.btid_len = strlen(u->st->btid);
    p.variant = UTSEC_TLS_KEY_ME;
    p.naf_fqdn = UE_NAF_FQDN;
    p.naf_fqdn_len = strlen(UE_NAF_FQDN);
    p.ck = u->st->ks;
    p.ik = u->st->ks + 16;
    p.rand = u->st->rand;
    p.impi = u->st->impi;
    p.impi_len = strlen(u->st->impi);
    p.rng = utsec_rng_default;
    p.rng_ctx = &u->rng;
    mbedtls_ssl_config_init(&u->pskconf);
    mbedtls_ssl_init(&ssl);
    memset(&s, 0, sizeof(s));
    u->fd = -1;
    rc = utsec_tls_ue_setup(&u->tue, &p, &u->pskconf);
    if (rc == 0 && (u->fd = ex_connect(u->o->ap_port)) < 0)
        rc = UTSEC_ERR_TLS;
    if (rc == 0 && mbedtls_ssl_setup(&ssl, &u->pskconf) != 0)
        rc = UTSEC_ERR_TLS;
    if (rc == 0) {
        mbedtls_ssl_set_bio(&ssl, u, rec_send, rec_recv, NULL);
        u->recording = u->o->replay;
        u->rec_len = 0;
        rc = utsec_tls_ue_session_setup(&s, &u->tue, &ssl);
    }
    while (rc == 0 && (rc = utsec_tls_ue_handshake(&s)) != 0)
        if (rc != UTSEC_ERR_TLS_WANT_READ && rc != UTSEC_ERR_TLS_WANT_WRITE)
            break;
        else
            rc = 0;
    if (rc == 0) {
        (void)utsec_tls_ue_session_suite(&s, &suite);
        printf("ue     TLS-PSK: handshake done, suite 0x%04X, PSK identity = B-TID\n", suite);
        c.fd = u->fd;
        c.ssl = &ssl;
        rc = request(u, &c, NULL);
        (void)mbedtls_ssl_close_notify(&ssl);
    } else {
        printf("ue     TLS-PSK: handshake failed: %s\n", utsec_strerror(rc));
        rc = rc == UTSEC_ERR_UNKNOWN_ID ? UA_RENEGOTIATE : -1;
    }
    u->recording = 0;
    if (u->fd >= 0)
        ex_close(u->fd);
    utsec_tls_ue_session_free(&s);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&u->pskconf);
    utsec_tls_ue_free(&u->tue);
    return rc;
}

/* Replay the recorded client octets of the PSK session on a new
 * connection: the AP's new server random makes them worthless. */
static int psk_replay(ua_t *u)
{
    ex_conn_t c;
    unsigned char buf[4096];
    size_t got = 0;
    int n;

    printf("ue     replay: the recorded TLS records (%zu octets) on a new connection\n",
           u->rec_len);
    c.ssl = NULL;
    c.fd = ex_connect(u->o->ap_port);
    if (c.fd < 0)
        return 0;
    if (ex_conn_send(&c, u->rec, u->rec_len) == 0)
        while ((n = ex_conn_recv(&c, buf, sizeof(buf))) > 0)
            got += (size_t)n;
    ex_close(c.fd);
    printf("ue     replay: the AP closed after %zu octets of handshake, no HTTP answer\n", got);
    return 0;
}

/* ------------------------------------------------------------- driver */

static int renegotiate(ua_t *u, const char *path, const char *why)
{
    int status = 0, rc;

    printf("ue     %s: bootstrapping again\n", why);
    fflush(stdout);
    rc = ue_bootstrap(u->st, &status);
    if (ue_state_save(u->st, path) != 0 && rc == 0)
        rc = -1;
    if (rc != 0)
        u->status = status;
    return rc;
}

static int setup(ua_t *u)
{
    int rc;

#if MBEDTLS_VERSION_MAJOR >= 3
    if (psa_crypto_init() != PSA_SUCCESS)
        return -1;
#endif
    if (utsec_rng_default_init(&u->rng, (const uint8_t *)"ue-ua", 5) != 0 ||
        utsec_digest_client_init(&u->cl, utsec_rng_default, &u->rng) != 0 ||
        build_target(u) != 0 || (u->o->cmd == UE_PUT && load_doc(u) != 0))
        return -1;
    if (u->o->psk)
        return 0;
    rc = mbedtls_x509_crt_parse_file(&u->ca, u->o->ca);
    if (rc == 0)
        rc = mbedtls_ssl_config_defaults(&u->https, MBEDTLS_SSL_IS_CLIENT,
                                         MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (rc != 0) {
        fprintf(stderr, "ue: %s: cannot load the CA certificate (-0x%04x)\n", u->o->ca,
                (unsigned)-rc);
        return -1;
    }
    mbedtls_ssl_conf_authmode(&u->https, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&u->https, &u->ca, NULL);
    mbedtls_ssl_conf_rng(&u->https, utsec_rng_default, &u->rng);
    return 0;
}

static int write_out(const ua_t *u)
{
    FILE *f = fopen(u->o->out, "wb");
    int ok = f != NULL && fwrite(u->in.body, 1, u->in.body_len, f) == u->in.body_len;

    if (f != NULL && fclose(f) != 0)
        ok = 0;
    if (!ok)
        perror(u->o->out);
    return ok ? 0 : -1;
}

int ue_ua_run(ue_state_t *st, const char *path, const ue_ua_opts_t *o)
{
    ua_t *u = &ua_area;
    int rc = -1, renegotiated = 0, attempt, ok = 0;

    memset(u, 0, sizeof(*u));
    u->o = o;
    u->st = st;
    mbedtls_x509_crt_init(&u->ca);
    mbedtls_ssl_config_init(&u->https);
    if (setup(u) != 0)
        goto out;
    if (!st->have_keys || (!o->use_expired && utsec_gba_key_valid(st->lifetime,
                                                                  utsec_time_now(NULL)) != 0)) {
        if (renegotiate(u, path, st->have_keys ? "key lifetime passed" : "no key") != 0)
            goto out;
        renegotiated = 1;
    }
    for (attempt = 0; attempt < 2; attempt++) {
        rc = o->psk ? psk_attempt(u) : digest_attempt(u);
        if (rc != UA_RENEGOTIATE || renegotiated)
            break;
        if (renegotiate(u, path, "the AP asks for bootstrapping renegotiation") != 0)
            goto out;
        renegotiated = 1;
    }
    u->status = rc > 0 ? rc : rc == UA_RENEGOTIATE && !o->psk ? 401 : 0;
    if (rc >= 200 && rc < 300) {
        ok = 1;
        if (o->out != NULL && o->cmd != UE_PUT && write_out(u) != 0)
            ok = 0;
        if (o->cmd == UE_WATCHER) /* RFC 5025 sub-handling for the watcher */
            printf("sub-handling: %.*s\n", (int)strcspn(u->in.body, "\r\n"), u->in.body);
    }
    if (rc > 0 && o->replay)
        u->replay_status = o->psk ? psk_replay(u) : digest_replay(u);
out:
    if (renegotiated) {
        printf("renegotiated: yes\n");
        if (st->have_keys)
            printf("btid: %s\n", st->btid);
    }
    printf("status: %d\n", u->status);
    if (o->replay && ok)
        printf("replay-status: %d\n", u->replay_status);
    utsec_digest_client_free(&u->cl);
    mbedtls_ssl_config_free(&u->https);
    mbedtls_x509_crt_free(&u->ca);
    utsec_rng_default_free(&u->rng);
    free(u->doc);
    utsec_wipe(u, sizeof(*u));
    fflush(stdout);
    return ok ? 0 : 1;
}
