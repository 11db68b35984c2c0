/*
 * Constant-time check of the TLS-PSK key handling (TS 33.222 §5.4): the NAF
 * key the Zn lookup returns, the UE's CK, IK and RAND (hence Ks and
 * Ks_(int)_NAF) and the key a UICC callback returns are secret; the PSK
 * identity (B-TID), the NAF FQDN, the negotiated suite and the key lifetime
 * are public.
 *
 * A handshake under memcheck would be reported inside mbedTLS (a record
 * MAC or GCM tag verdict computed from the PSK is a secret-dependent branch
 * by construction, and not libutsec's code), so the libutsec paths are
 * driven directly, on a real mbedTLS configuration and context:
 *  - NAF: the PSK callback utsec_tls_naf_setup() installs is called as
 *    mbedTLS would call it (after the suite is chosen), with the identity of
 *    a ClientKeyExchange; it parses the identity, builds NAF_Id, asks the key
 *    provider (which copies a secret key), checks the lifetime and hands the
 *    key to mbedtls_ssl_set_hs_psk();
 *  - UE: utsec_tls_ue_setup() with secret CK, IK, RAND (Ks = CK || IK), then
 *    utsec_tls_ue_handshake() once the "ServerHello" has set the suite: it
 *    derives Ks_NAF or Ks_int_NAF for that suite and installs it, then
 *    mbedTLS writes its ClientHello into a BIO that answers WANT_WRITE;
 *  - UE with a key callback (GBA_U: the UICC returns Ks_ext/int_NAF).
 * In each case the key mbedTLS holds is published only after the call and
 * compared with the key computed on defined inputs. See ct.h and
 * docs/hardening.md.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ct.h"

#include <mbedtls/ssl.h>
#include <mbedtls/version.h>
#if MBEDTLS_VERSION_MAJOR < 3
#include <mbedtls/ssl_internal.h> /* the handshake's PSK, to check it */
#endif

#include "utsec/utsec.h"

#define FQDN "xcap.example.org"
#define BTID "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"
#define IMPI "user@ims.mnc001.mcc001.3gppnetwork.org"
#define NOW 1700000000

/* Private fields of mbedTLS the callers of the PSK callback would set. */
#if MBEDTLS_VERSION_MAJOR >= 3
#define CT_F(x) MBEDTLS_PRIVATE(x)
#else
#define CT_F(x) x
#endif

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(seed * 11u + 37u * i);
}

static int rng(void *ctx, unsigned char *out, size_t len)
{
    unsigned *state = ctx;
    size_t i;

    for (i = 0; i < len; i++) {
        *state = *state * 1103515245u + 12345u;
        out[i] = (unsigned char)(*state >> 16);
    }
    return 0;
}

static int64_t clock_fixed(void *ctx)
{
    (void)ctx;
    return NOW;
}

static int bio_send_block(void *ctx, const unsigned char *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return MBEDTLS_ERR_SSL_WANT_WRITE;
}

static int bio_recv_block(void *ctx, unsigned char *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return MBEDTLS_ERR_SSL_WANT_READ;
}

/* The key mbedTLS will use for this handshake, made public for the final
 * comparison. Returns 1 when it equals want. */
static int hs_psk_is(mbedtls_ssl_context *ssl, const uint8_t want[32])
{
#if MBEDTLS_VERSION_MAJOR < 3
    if (ssl->handshake == NULL || ssl->handshake->psk == NULL ||
        ssl->handshake->psk_len != 32)
        return 0;
    CT_PUBLISH(ssl->handshake->psk, 32);
    return memcmp(ssl->handshake->psk, want, 32) == 0;
#else
    /* 3.x may hold the PSK in PSA key storage: the return code of the
     * callback is all this check can see. */
    (void)ssl;
    (void)want;
    return 1;
#endif
}

/* The negotiated suite as the ServerHello would set it. */
static void set_suite(mbedtls_ssl_context *ssl, int suite)
{
    ssl->CT_F(session_negotiate)->CT_F(ciphersuite) = suite;
}

/* The reference key: Ks_NAF for NAF_Id = FQDN || 01 00 01 || suite. */
static void ref_key(const uint8_t ks[32], utsec_gba_variant_t v,
                    const uint8_t rnd[16], uint16_t suite, uint8_t out[32])
{
    uint8_t ua[UTSEC_GBA_UA_ID_LEN], naf_id[UTSEC_TLS_NAF_ID_SIZE];
    size_t naf_id_len;

    utsec_gba_ua_id_tls(suite, ua);
    CT_EXPECT(utsec_gba_naf_id(FQDN, sizeof(FQDN) - 1, ua, naf_id,
                               sizeof(naf_id), &naf_id_len) == 0);
    CT_EXPECT(utsec_gba_ks_naf(ks, v, rnd, IMPI, sizeof(IMPI) - 1, naf_id,
                               naf_id_len, out) == 0);
}

/* ------------------------------------------------------------------ NAF */

struct store {
    uint8_t key[32];   /* the Zn answer: secret */
    int64_t expiry;    /* public */
    uint16_t suite;    /* the suite the request must name */
    int calls;
};

/* The key provider: a BSF answer copied into the reply. */
static int provider(void *ctx, const utsec_tls_key_request_t *req,
                    utsec_tls_key_reply_t *rep)
{
    struct store *st = ctx;

    st->calls++;
    if (req->cipher_suite != st->suite || req->btid_len != sizeof(BTID) - 1 ||
        memcmp(req->btid, BTID, req->btid_len) != 0)
        return UTSEC_ERR_UNKNOWN_ID;
    memcpy(rep->key, st->key, sizeof(rep->key));
    rep->expiry = st->expiry;
    return utsec_tls_key_reply_add_identity(rep, "sip:alice@example.org", 21);
}

/* One PSK callback call for identity id; returns its result. */
static int naf_psk(struct store *st, uint16_t suite, const char *id,
                   const uint8_t want[32], int *key_ok)
{
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    utsec_tls_naf_t naf;
    utsec_tls_naf_session_t s;
    utsec_tls_naf_params_t p;
    unsigned seed = 7;
    int rc;

    memset(&p, 0, sizeof(p));
    p.naf_fqdn = FQDN;
    p.naf_fqdn_len = sizeof(FQDN) - 1;
    p.provider = provider;
    p.provider_ctx = st;
    p.time = clock_fixed;
    p.rng = rng;
    p.rng_ctx = &seed;
    mbedtls_ssl_config_init(&conf);
    mbedtls_ssl_init(&ssl);
    CT_EXPECT(utsec_tls_naf_setup(&naf, &p, &conf) == 0);
    CT_EXPECT(mbedtls_ssl_setup(&ssl, &conf) == 0);
    CT_EXPECT(utsec_tls_naf_session_setup(&s, &naf, &ssl, NULL, bio_send_block,
                                          bio_recv_block, NULL) == 0);
    set_suite(&ssl, suite);
    st->suite = suite;
    st->calls = 0;
    CT_SECRET(st->key, sizeof(st->key));
    /* what mbedTLS does on a ClientKeyExchange with a PSK identity */
    rc = conf.CT_F(f_psk)(conf.CT_F(p_psk), &ssl, (const unsigned char *)id,
                          strlen(id));
    CT_PUBLISH(&rc, sizeof(rc));
    *key_ok = rc == 0 && hs_psk_is(&ssl, want);
    if (rc != 0)
        rc = utsec_tls_naf_session_error(&s);
    utsec_tls_naf_session_free(&s);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    utsec_tls_naf_free(&naf);
    CT_PUBLISH(st->key, sizeof(st->key));
    return rc;
}

static void naf_callback(void)
{
    static const uint16_t suites[] = {0x00A8, 0x00AF, 0xC037};
    static const char *const ids[] = {
        "3GPP-bootstrapping." BTID,      /* Ks_(ext)_NAF */
        "3GPP-bootstrapping-uicc." BTID, /* Ks_int_NAF */
        "3GPP-bootstrapping-digest." BTID,
        BTID,                            /* bare B-TID */
    };
    struct store st;
    uint8_t want[32];
    size_t i, k;
    int rc, key_ok;

    for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        for (k = 0; k < sizeof(ids) / sizeof(ids[0]); k++) {
            fill(st.key, sizeof(st.key), (uint8_t)(i * 4 + k));
            memcpy(want, st.key, sizeof(want));
            st.expiry = NOW + 3600;
            rc = naf_psk(&st, suites[i], ids[k], want, &key_ok);
            CT_EXPECT(rc == 0 && key_ok && st.calls == 1);
        }
    /* expired key: refused after the lookup, the secret never reaches TLS */
    fill(st.key, sizeof(st.key), 99);
    st.expiry = NOW - 1;
    rc = naf_psk(&st, 0x00A8, ids[0], want, &key_ok);
    CT_EXPECT(rc == UTSEC_ERR_EXPIRED && !key_ok && st.calls == 1);
    /* unknown B-TID and a malformed identity (public input) */
    st.expiry = NOW + 3600;
    rc = naf_psk(&st, 0x00A8,
                 "3GPP-bootstrapping.AAAAAAAAAAAAAAAAAAAAAA==@bsf.example.org",
                 want, &key_ok);
    CT_EXPECT(rc == UTSEC_ERR_UNKNOWN_ID && st.calls == 1);
    rc = naf_psk(&st, 0x00A8, "3GPP-bootstrapping.", want, &key_ok);
    CT_EXPECT(rc < 0 && st.calls == 0);
}

/* ------------------------------------------------------------------- UE */

struct uicc {
    uint8_t key[32]; /* Ks_ext_NAF / Ks_int_NAF from the UICC: secret */
    utsec_tls_key_variant_t variant;
    int calls;
};

static int uicc_key(void *ctx, utsec_tls_key_variant_t variant,
                    const uint8_t *naf_id, size_t naf_id_len,
                    uint8_t key[UTSEC_TLS_KEY_LEN])
{
    struct uicc *u = ctx;

    u->calls++;
    if (variant != u->variant || naf_id_len != sizeof(FQDN) - 1 + 5 ||
        memcmp(naf_id, FQDN, sizeof(FQDN) - 1) != 0)
        return -1;
    memcpy(key, u->key, UTSEC_TLS_KEY_LEN);
    return 0;
}

/* Set up a UE (from CK, IK, RAND, or with u's callback), let the handshake
 * see suite as negotiated, and return utsec_tls_ue_handshake()'s result. */
static int ue_run(utsec_tls_key_variant_t variant, uint16_t suite,
                  const uint8_t ck[16], const uint8_t ik[16],
                  const uint8_t rnd[16], struct uicc *u, const uint8_t want[32],
                  int *key_ok)
{
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    utsec_tls_ue_t ue;
    utsec_tls_ue_session_t s;
    utsec_tls_ue_params_t p;
    unsigned seed = 3;
    uint16_t got = 0;
    int rc;

    memset(&p, 0, sizeof(p));
    p.btid = BTID;
    p.btid_len = sizeof(BTID) - 1;
    p.variant = variant;
    p.naf_fqdn = FQDN;
    p.naf_fqdn_len = sizeof(FQDN) - 1;
    if (u != NULL) {
        p.key_cb = uicc_key;
        p.key_ctx = u;
    } else {
        p.ck = ck;
        p.ik = ik;
        p.rand = rnd;
        p.impi = IMPI;
        p.impi_len = sizeof(IMPI) - 1;
    }
    p.rng = rng;
    p.rng_ctx = &seed;
    mbedtls_ssl_config_init(&conf);
    mbedtls_ssl_init(&ssl);
    rc = utsec_tls_ue_setup(&ue, &p, &conf);
    CT_PUBLISH(&rc, sizeof(rc));
    CT_EXPECT(rc == 0);
    CT_EXPECT(mbedtls_ssl_setup(&ssl, &conf) == 0);
    mbedtls_ssl_set_bio(&ssl, NULL, bio_send_block, bio_recv_block, NULL);
    CT_EXPECT(utsec_tls_ue_session_setup(&s, &ue, &ssl) == 0);
    set_suite(&ssl, suite); /* the ServerHello has been processed */
    rc = utsec_tls_ue_handshake(&s);
    CT_PUBLISH(&rc, sizeof(rc));
    *key_ok = hs_psk_is(&ssl, want) &&
              utsec_tls_ue_session_suite(&s, &got) == 0 && got == suite;
    utsec_tls_ue_session_free(&s);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    utsec_tls_ue_free(&ue);
    return rc;
}

static void ue_derive(void)
{
    static const uint16_t suites[] = {0x00A8, 0x00AF, 0xC037};
    uint8_t ck[16], ik[16], rnd[16], ks[32], want[32];
    size_t i, v;
    int rc, key_ok;

    for (v = 0; v < 2; v++)
        for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
            fill(ck, sizeof(ck), (uint8_t)(1 + i));
            fill(ik, sizeof(ik), (uint8_t)(2 + i));
            fill(rnd, sizeof(rnd), (uint8_t)(3 + i));
            utsec_gba_ks(ck, ik, ks);
            ref_key(ks, v ? UTSEC_GBA_VARIANT_U_INT : UTSEC_GBA_VARIANT_ME,
                    rnd, suites[i], want);
            CT_SECRET(ck, sizeof(ck));
            CT_SECRET(ik, sizeof(ik));
            CT_SECRET(rnd, sizeof(rnd));
            rc = ue_run(v ? UTSEC_TLS_KEY_UICC : UTSEC_TLS_KEY_ME, suites[i],
                        ck, ik, rnd, NULL, want, &key_ok);
            /* mbedTLS wrote its ClientHello into a blocked BIO */
            CT_EXPECT(rc == UTSEC_ERR_TLS_WANT_WRITE && key_ok);
            CT_PUBLISH(ck, sizeof(ck));
            CT_PUBLISH(ik, sizeof(ik));
            CT_PUBLISH(rnd, sizeof(rnd));
        }
}

static void ue_callback(void)
{
    struct uicc u;
    uint8_t want[32];
    int rc, key_ok;
    size_t v;

    for (v = 0; v < 3; v++) {
        fill(u.key, sizeof(u.key), (uint8_t)(40 + v));
        memcpy(want, u.key, sizeof(want));
        u.variant = (utsec_tls_key_variant_t)v;
        u.calls = 0;
        CT_SECRET(u.key, sizeof(u.key));
        rc = ue_run(u.variant, 0x00AE, NULL, NULL, NULL, &u, want, &key_ok);
        CT_EXPECT(rc == UTSEC_ERR_TLS_WANT_WRITE && key_ok && u.calls == 1);
        CT_PUBLISH(u.key, sizeof(u.key));
    }
}

int main(void)
{
    CT_RUN(naf_callback);
    CT_RUN(ue_derive);
    CT_RUN(ue_callback);
    return CT_DONE();
}
