/*
 * TLS with GBA keys (tls_psk.h): PSK identity codec, suite lists, in-memory
 * handshakes UE <-> NAF for every supported suite and key variant, every
 * failure path, secret hygiene, and the mutual-certificate NDS hop.
 *
 * Expected NAF keys were computed independently with Python hashlib/hmac
 * over S = 01 || "gba-me"/"gba-u" || len || RAND || 0010 || IMPI || len ||
 * FQDN || 01 00 01 yy zz || len, from the FACTS §8.3 inputs (the same
 * script reproduces the FACTS value b72e7cee...57d7 for suite 0x002F).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "support/mem_pipe.h"
#include "support/testutil.h"
#include "tls_certs.h"
#include "utsec/tls_psk.h"

#include <mbedtls/pk.h>
#include <mbedtls/version.h>
#if MBEDTLS_VERSION_MAJOR >= 3
#include <psa/crypto.h>
#endif

/* ---------------------------------------------------------- test inputs */

static const char CK[] = "b40ba9a3c58b2a05bbf0d987b21bf8cb";
static const char IK[] = "f769bcd751044604127672711c6d3441";
static const char RAND[] = "23553cbe9637a89d218ae64dae47bf35";
static const char IMPI[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char FQDN[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";
static const char BTID[] = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org";
#define NOW 1800000000
#define LIFETIME (NOW + 3600)

/* Ks_NAF ("gba-me") and Ks_int_NAF ("gba-u") for NAF_Id = FQDN || 01 00 01
 * yy zz (Python hmac, see the file comment). */
static const struct {
    uint16_t suite;
    const char *me, *u;
} KEYS[] = {
    {0xC037, "7e1548636f9f023aeb985d24fe56fe8e29889db6d4d34788cbe789f90c05a0ba", "d345edcfdafdacd83e6f3ade71cd941a2626f2cb73200f2d21434e0b6abb73a4"},
    {0xC038, "81a7dbd94bfc5d0480e1882ebd1ddc6a962fa5af636b991613f7a8a8c95b5b95", "a6fdb402f2701e441387174a5afecadafb030939ce5cb613524518451557f198"},
    {0x00AA, "a51b3b3e250e92f43eae7ccbd87981e39c9d896350c261ee987c9d7e19eb95b6", "c346c87e3f2ce0bba7e38192bc6d7d4eb660f7860dcc2333299d8adca6064713"},
    {0x00AB, "1f3e1ce90273c660cb9de5d05a66b8f4e978313b9a04a328da8a996bbd804d1c", "a9d681dda70e7b343e06d8d8e03dcb73c6b48284aac1ce4231e922e29c28d1be"},
    {0x00A8, "7ff46556124fda1690bf722e2e41fbd88156d1d568153de8bd404ea5a2cf5c2d", "dba5e603d96503c4b0da1ec005758d78cd2db1fd537e8dd7cc617e055b16e7f0"},
    {0x00A9, "634122bc6f14cfb48446bd8e6633a26a703cb8fd851b016e33af4878b7076d05", "f44ff5731c592d7229034dde1fed0561017c9003fd77f826df56f418ead4a9a2"},
    {0x00B2, "542ed318c3e812fc87c200ab630c966dbb282053e51810a171dd9d4544634cd7", "61c6be36c7e2e8f64a6ddb258bc453e0b7f29aab3a87c40f7c45121bde3ef512"},
    {0x00B3, "24f22f6c7f2c446bc9b5af1353ea8dc2ca493afede8b7bc00ea2986d4bad11a6", "1db599e3c88793ad386326f3f83a4469703991f79b2d72fb2d321bc536c32874"},
    {0x00AE, "0974ce8967615ac77410ded69082d4af82acb5e7781cd2dea631e56f8f280901", "9595e0ea07f11357d7432316b5f78f259e7833a59b1cb6f1124a5ece3f6357bd"},
    {0x00AF, "b6be14c8bb9ebd76ad4327b9d664cbf024a8d0d50e58af75830bc1b78be5f198", "dfe32abdf8d849c52f2a0a312d02458dcf15267dd647a3a69af93a47a6211abf"},
    {0xC0A4, "696e889d57b58526415661a22ef2db33db2372dbd132f789d6494d46cf87b69e", "3f6e0ea4715968175f9959ac1600480795f028558d35966e0423807ced991ad9"},
    {0xCCAB, "4bcb66a91932014805521e2676c6402903aad978e1493501640789afea45b014", "8bdddd9c4eeed4b54802ba7862cb98bf70a919e2f6774bc7931260fd50038832"},
    {0xCCAC, "53d781ed29325cf10b4fdf5ac9e0fbd814a665e5fb8eaecf6679b28572480373", "ca6ee242564f1e81a7059b2ebff18bb42d31b753933ff5fd40c39290f90675fe"},
};

/* The key for (suite, variant) from the independent table. */
static int ref_key(uint16_t suite, utsec_tls_key_variant_t v, uint8_t out[32])
{
    size_t i;

    for (i = 0; i < sizeof(KEYS) / sizeof(KEYS[0]); i++)
        if (KEYS[i].suite == suite) {
            tu_hex(v == UTSEC_TLS_KEY_UICC ? KEYS[i].u : KEYS[i].me, out, 32);
            return 0;
        }
    return -1;
}

static int mem_contains(const void *hay, size_t n, const uint8_t *needle, size_t k)
{
    const uint8_t *h = hay;
    size_t i;

    for (i = 0; i + k <= n; i++)
        if (memcmp(h + i, needle, k) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------- key provider */

enum prov_mode {
    PROV_OK,
    PROV_UNKNOWN,
    PROV_EXPIRED_TIME,  /* key returned, lifetime already over */
    PROV_EXPIRED_CODE,  /* provider says expired */
    PROV_WRONG_KEY,
    PROV_POSITIVE,      /* non-libutsec failure value */
    PROV_CRYPTO,        /* a libutsec code, kept */
    PROV_IDS_OVERFLOW,
    PROV_NO_EXPIRY,     /* forgets to set the lifetime */
};

struct prov {
    enum prov_mode mode;
    int calls;
    uint16_t suite;
    utsec_tls_key_variant_t variant;
    uint8_t naf_id[300];
    size_t naf_id_len;
    char fqdn[256];
    char btid[300];
};

static int provider(void *ctx, const utsec_tls_key_request_t *req,
                    utsec_tls_key_reply_t *rep)
{
    struct prov *p = ctx;
    char big[600];
    int rc;

    p->calls++;
    p->suite = req->cipher_suite;
    p->variant = req->variant;
    assert_true(req->naf_id_len < sizeof(p->naf_id));
    memcpy(p->naf_id, req->naf_id, req->naf_id_len);
    p->naf_id_len = req->naf_id_len;
    memcpy(p->fqdn, req->naf_fqdn, req->naf_fqdn_len);
    p->fqdn[req->naf_fqdn_len] = '\0';
    memcpy(p->btid, req->btid, req->btid_len);
    p->btid[req->btid_len] = '\0';
    /* the NAF_Id is FQDN || 01 00 01 yy zz of the negotiated suite */
    assert_int_equal(req->naf_id_len, req->naf_fqdn_len + 5);
    assert_memory_equal(req->naf_id, req->naf_fqdn, req->naf_fqdn_len);
    assert_int_equal(req->naf_id[req->naf_fqdn_len], 1);
    assert_int_equal(req->naf_id[req->naf_fqdn_len + 1], 0);
    assert_int_equal(req->naf_id[req->naf_fqdn_len + 2], 1);
    assert_int_equal(req->naf_id[req->naf_fqdn_len + 3], req->cipher_suite >> 8);
    assert_int_equal(req->naf_id[req->naf_fqdn_len + 4], req->cipher_suite & 0xFF);
    /* the reply starts zeroed: a forgotten lifetime means "expired" */
    assert_int_equal(rep->expiry, 0);

    switch (p->mode) {
    case PROV_UNKNOWN: return UTSEC_ERR_UNKNOWN_ID;
    case PROV_EXPIRED_CODE: return UTSEC_ERR_EXPIRED;
    case PROV_POSITIVE: return 7;
    case PROV_CRYPTO: return UTSEC_ERR_CRYPTO;
    default: break;
    }
    if (strcmp(p->btid, BTID) != 0 || strcmp(p->fqdn, FQDN) != 0)
        return UTSEC_ERR_UNKNOWN_ID; /* the Zn lookup knows only this pair */
    if (ref_key(req->cipher_suite, req->variant, rep->key) != 0)
        return UTSEC_ERR_UNKNOWN_ID;
    if (p->mode == PROV_WRONG_KEY)
        rep->key[7] ^= 0x01;
    rep->expiry = p->mode == PROV_EXPIRED_TIME ? NOW
                  : p->mode == PROV_NO_EXPIRY  ? 0
                                               : LIFETIME;
    rc = utsec_tls_key_reply_add_identity(rep, "sip:+15551234567@ims.example", 28);
    if (rc == 0)
        rc = utsec_tls_key_reply_add_identity(rep, "tel:+15551234567", 16);
    if (rc == 0 && p->mode == PROV_IDS_OVERFLOW) {
        memset(big, 'a', sizeof(big));
        rc = utsec_tls_key_reply_add_identity(rep, big, sizeof(big));
        if (rc == 0)
            rc = utsec_tls_key_reply_add_identity(rep, big, sizeof(big));
    }
    return rc;
}

static int64_t fixed_now(void *ctx)
{
    (void)ctx;
    return NOW;
}

/* UE-side key callback standing in for the UICC (GBA_U). */
struct uicc {
    int fail;
    int calls;
};

static int uicc_key(void *ctx, utsec_tls_key_variant_t v, const uint8_t *naf_id,
                    size_t naf_id_len, uint8_t key[32])
{
    struct uicc *u = ctx;
    uint16_t suite;

    u->calls++;
    if (u->fail)
        return u->fail;
    assert_int_equal(naf_id_len, strlen(FQDN) + 5);
    assert_memory_equal(naf_id, FQDN, strlen(FQDN));
    suite = (uint16_t)(naf_id[naf_id_len - 2] << 8 | naf_id[naf_id_len - 1]);
    return ref_key(suite, v, key) == 0 ? 0 : UTSEC_ERR_NOT_FOUND;
}

/* ------------------------------------------------------------- world */

struct world {
    tu_rng_t rng_c, rng_s;
    mbedtls_ssl_config cc, sc;
    mbedtls_ssl_context cs, ss;
    utsec_tls_ue_t ue;
    utsec_tls_naf_t naf;
    utsec_tls_ue_session_t us;
    utsec_tls_naf_session_t ns;
    struct pipe c2s, s2c;
    struct end ce, se;
    struct prov prov;
    struct uicc uicc;
    uint8_t ck[16], ik[16], rnd[16];
    utsec_tls_ue_params_t up;
    utsec_tls_naf_params_t np;
    int rc_ue, rc_naf;
};

static struct world W; /* large: keep off the stack */

static void world_params(struct world *w)
{
    memset(w, 0, sizeof(*w));
    tu_rng_seed(&w->rng_c, 1);
    tu_rng_seed(&w->rng_s, 2);
    tu_hex(CK, w->ck, 16);
    tu_hex(IK, w->ik, 16);
    tu_hex(RAND, w->rnd, 16);
    w->up.btid = BTID;
    w->up.btid_len = strlen(BTID);
    w->up.variant = UTSEC_TLS_KEY_ME;
    w->up.naf_fqdn = FQDN;
    w->up.naf_fqdn_len = strlen(FQDN);
    w->up.ck = w->ck;
    w->up.ik = w->ik;
    w->up.rand = w->rnd;
    w->up.impi = IMPI;
    w->up.impi_len = strlen(IMPI);
    w->up.rng = tu_rng_fn;
    w->up.rng_ctx = &w->rng_c;
    w->np.naf_fqdn = FQDN;
    w->np.naf_fqdn_len = strlen(FQDN);
    w->np.provider = provider;
    w->np.provider_ctx = &w->prov;
    w->np.time = fixed_now;
    w->np.rng = tu_rng_fn;
    w->np.rng_ctx = &w->rng_s;
}

static void world_start(struct world *w)
{
    mbedtls_ssl_config_init(&w->cc);
    mbedtls_ssl_config_init(&w->sc);
    mbedtls_ssl_init(&w->cs);
    mbedtls_ssl_init(&w->ss);
    assert_int_equal(utsec_tls_ue_setup(&w->ue, &w->up, &w->cc), 0);
    assert_int_equal(utsec_tls_naf_setup(&w->naf, &w->np, &w->sc), 0);
    assert_int_equal(mbedtls_ssl_setup(&w->cs, &w->cc), 0);
    assert_int_equal(mbedtls_ssl_setup(&w->ss, &w->sc), 0);
    w->ce.in = &w->s2c;
    w->ce.out = &w->c2s;
    w->se.in = &w->c2s;
    w->se.out = &w->s2c;
    mbedtls_ssl_set_bio(&w->cs, &w->ce, p_send, p_recv, NULL);
    assert_int_equal(utsec_tls_ue_session_setup(&w->us, &w->ue, &w->cs), 0);
    assert_int_equal(utsec_tls_naf_session_setup(&w->ns, &w->naf, &w->ss, &w->se,
                                                 p_send, p_recv, NULL), 0);
}

static int pending(int rc)
{
    return rc == UTSEC_ERR_TLS_WANT_READ || rc == UTSEC_ERR_TLS_WANT_WRITE;
}

/* Alternate both sides until each finished or failed (or nothing moves). */
static void world_run(struct world *w)
{
    int i;

    w->rc_ue = w->rc_naf = UTSEC_ERR_TLS_WANT_READ;
    for (i = 0; i < 100 && (pending(w->rc_ue) || pending(w->rc_naf)); i++) {
        if (pending(w->rc_ue))
            w->rc_ue = utsec_tls_ue_handshake(&w->us);
        if (pending(w->rc_naf))
            w->rc_naf = utsec_tls_naf_handshake(&w->ns);
    }
}

static void world_end(struct world *w)
{
    mbedtls_ssl_free(&w->cs);
    mbedtls_ssl_free(&w->ss);
    mbedtls_ssl_config_free(&w->cc);
    mbedtls_ssl_config_free(&w->sc);
    utsec_tls_ue_session_free(&w->us);
    utsec_tls_naf_session_free(&w->ns);
    utsec_tls_ue_free(&w->ue);
    utsec_tls_naf_free(&w->naf);
}

/* Exchange one application record each way over the finished session. */
static void exchange_data(struct world *w)
{
    unsigned char buf[32];

    assert_int_equal(mbedtls_ssl_write(&w->cs, (const unsigned char *)"GET /", 5), 5);
    assert_int_equal(mbedtls_ssl_read(&w->ss, buf, sizeof(buf)), 5);
    assert_memory_equal(buf, "GET /", 5);
    assert_int_equal(mbedtls_ssl_write(&w->ss, (const unsigned char *)"200", 3), 3);
    assert_int_equal(mbedtls_ssl_read(&w->cs, buf, sizeof(buf)), 3);
}

static void check_success(struct world *w, uint16_t suite,
                          utsec_tls_key_variant_t v)
{
    const char *s;
    size_t n;
    uint16_t got;
    int64_t exp;
    utsec_tls_key_variant_t gv;
    uint8_t key[32], naf_id[300];

    assert_int_equal(w->rc_ue, 0);
    assert_int_equal(w->rc_naf, 0);
    assert_int_equal(utsec_tls_naf_session_btid(&w->ns, &s, &n, &gv), 0);
    assert_string_equal(s, BTID);
    assert_int_equal(n, strlen(BTID));
    assert_int_equal(gv, v);
    assert_int_equal(utsec_tls_naf_session_suite(&w->ns, &got, &exp), 0);
    assert_int_equal(got, suite);
    assert_int_equal(exp, LIFETIME);
    assert_int_equal(utsec_tls_ue_session_suite(&w->us, &got), 0);
    assert_int_equal(got, suite);
    assert_int_equal(utsec_tls_negotiated_suite(&w->cs, &got), 0);
    assert_int_equal(got, suite);
    assert_int_equal(utsec_tls_naf_session_identity(&w->ns, 0, &s, &n), 0);
    assert_string_equal(s, "sip:+15551234567@ims.example");
    assert_int_equal(n, 28);
    assert_int_equal(utsec_tls_naf_session_identity(&w->ns, 1, &s, NULL), 0);
    assert_string_equal(s, "tel:+15551234567");
    assert_int_equal(utsec_tls_naf_session_identity(&w->ns, 2, &s, &n),
                     UTSEC_ERR_NOT_FOUND);
    assert_int_equal(w->prov.calls, 1);
    /* Digest-in-TLS NAF_Id for the same suite (TS 33.222 §5.3) */
    assert_int_equal(utsec_tls_naf_id_for_ssl(&w->cs, FQDN, strlen(FQDN), naf_id,
                                              sizeof(naf_id), &n), 0);
    assert_int_equal(n, w->prov.naf_id_len);
    assert_memory_equal(naf_id, w->prov.naf_id, n);
    /* the NAF keeps no copy of the key in its session */
    assert_int_equal(ref_key(suite, v, key), 0);
    assert_false(mem_contains(&w->ns, sizeof(w->ns), key, 8));
    assert_false(mem_contains(&w->naf, sizeof(w->naf), key, 8));
    assert_false(mem_contains(&w->us, sizeof(w->us), key, 8));
    assert_false(mem_contains(&w->ue, sizeof(w->ue), key, 8));
    exchange_data(w);
}

static const uint16_t SUITES_ALL[] = {0xC037, 0xC038, 0x00AA, 0x00AB, 0x00A8,
                                      0x00A9, 0x00B2, 0x00B3, 0x00AE, 0x00AF};

/* --------------------------------------------------------------- tests */

static void test_identity_parse(void **state)
{
    static const struct {
        const char *id;
        int rc;
        utsec_tls_key_variant_t v;
        unsigned form;
    } cases[] = {
        {"3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", 0, UTSEC_TLS_KEY_ME, UTSEC_TLS_ID_PREFIX_SEP},
        {"3GPP-bootstrapping-uicc.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", 0, UTSEC_TLS_KEY_UICC, UTSEC_TLS_ID_PREFIX_SEP},
        {"3GPP-bootstrapping-digest.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", 0, UTSEC_TLS_KEY_DIGEST, UTSEC_TLS_ID_PREFIX_SEP},
        {"3GPP-bootstrappingI1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", 0, UTSEC_TLS_KEY_ME, UTSEC_TLS_ID_PREFIX_NOSEP},
        {"3GPP-bootstrapping-uiccI1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", 0, UTSEC_TLS_KEY_UICC, UTSEC_TLS_ID_PREFIX_NOSEP},
        {"I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", 0, UTSEC_TLS_KEY_ME, UTSEC_TLS_ID_BARE},
        /* malformed */
        {"3GPP-bootstrapping.", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping-uicc", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping..I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping-foo.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3gpp-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ=@bsf.example.org", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@bsf..org", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org ", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"I1U8vpY3qJ0hiuZNrke_NQ==@bsf.example.org", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"alice", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
        {"", UTSEC_ERR_BAD_PSK_IDENTITY, 0, 0},
    };
    utsec_tls_psk_id_t out;
    size_t i;
    static const char with_nul[] = "3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@bsf\0example.org";

    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        memset(&out, 0xA5, sizeof(out));
        int rc = utsec_tls_psk_identity_parse(cases[i].id, strlen(cases[i].id),
                                              NULL, &out);
        if (rc != cases[i].rc)
            fail_msg("case %zu (%s): rc %d, want %d", i, cases[i].id, rc, cases[i].rc);
        if (rc == 0) {
            assert_int_equal(out.variant, cases[i].v);
            assert_int_equal(out.form, cases[i].form);
            assert_int_equal(out.btid_len, strlen("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"));
            assert_memory_equal(out.btid, "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", out.btid_len);
        } else {
            /* nothing written on error */
            assert_int_equal(out.btid_len, (size_t)0xA5A5A5A5A5A5A5A5ull);
        }
    }
    assert_int_equal(utsec_tls_psk_identity_parse(with_nul, sizeof(with_nul) - 1, NULL, &out),
                     UTSEC_ERR_BAD_PSK_IDENTITY);
    assert_int_equal(utsec_tls_psk_identity_parse(NULL, 3, NULL, &out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_psk_identity_parse("x", 1, NULL, NULL), UTSEC_ERR_INVALID_ARG);
}

static void test_identity_policy(void **state)
{
    utsec_tls_id_policy_t pol = {NULL, 0, 0, UTSEC_TLS_ID_PREFIX_SEP};
    utsec_tls_psk_id_t out;
    const char *dot = "3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    const char *bare = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    const char *uicc = "3GPP-bootstrapping-uicc.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    const char *nodot = "3GPP-bootstrappingI1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";

    (void)state;
    assert_int_equal(utsec_tls_psk_identity_parse(dot, strlen(dot), &pol, &out), 0);
    assert_int_equal(utsec_tls_psk_identity_parse(bare, strlen(bare), &pol, &out), UTSEC_ERR_BAD_PSK_IDENTITY);
    assert_int_equal(utsec_tls_psk_identity_parse(uicc, strlen(uicc), &pol, &out), UTSEC_ERR_BAD_PSK_IDENTITY);
    assert_int_equal(utsec_tls_psk_identity_parse(nodot, strlen(nodot), &pol, &out), UTSEC_ERR_BAD_PSK_IDENTITY);
    pol.accept = UTSEC_TLS_ID_BARE | UTSEC_TLS_ID_ANY_BTID;
    assert_int_equal(utsec_tls_psk_identity_parse("alice@x", 7, &pol, &out), 0);
    assert_int_equal(out.btid_len, 7);
    assert_int_equal(utsec_tls_psk_identity_parse("alice x", 7, &pol, &out), UTSEC_ERR_BAD_PSK_IDENTITY);
    /* custom prefix and separator (AKMA-like shape) */
    pol.prefix = "3GPP-AKMA";
    pol.prefix_len = 9;
    pol.separator = ':';
    pol.accept = UTSEC_TLS_ID_PREFIX_SEP;
    assert_int_equal(utsec_tls_psk_identity_parse("3GPP-AKMA:I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", 50, &pol, &out), 0);
    assert_int_equal(out.btid_len, 40);
    assert_int_equal(utsec_tls_psk_identity_parse(dot, strlen(dot), &pol, &out), UTSEC_ERR_BAD_PSK_IDENTITY);
    pol.prefix_len = 0;
    assert_int_equal(utsec_tls_psk_identity_parse(dot, strlen(dot), &pol, &out), UTSEC_ERR_INVALID_ARG);
}

static void test_identity_build(void **state)
{
    char out[UTSEC_TLS_PSK_ID_SIZE];
    size_t n;
    utsec_tls_id_policy_t pol = {"X", 1, '/', 0};
    utsec_tls_psk_id_t id;
    char big[300];

    (void)state;
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 3, UTSEC_TLS_KEY_ME, NULL, out, sizeof(out), &n), 0);
    assert_string_equal(out, "3GPP-bootstrapping.B@h");
    assert_int_equal(n, 22);
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 3, UTSEC_TLS_KEY_UICC, NULL, out, sizeof(out), NULL), 0);
    assert_string_equal(out, "3GPP-bootstrapping-uicc.B@h");
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 3, UTSEC_TLS_KEY_DIGEST, NULL, out, sizeof(out), NULL), 0);
    assert_string_equal(out, "3GPP-bootstrapping-digest.B@h");
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 3, UTSEC_TLS_KEY_ME, &pol, out, sizeof(out), NULL), 0);
    assert_string_equal(out, "X/B@h");
    /* round trip */
    assert_int_equal(utsec_tls_psk_identity_build(BTID, strlen(BTID), UTSEC_TLS_KEY_UICC, NULL, out, sizeof(out), &n), 0);
    assert_int_equal(utsec_tls_psk_identity_parse(out, n, NULL, &id), 0);
    assert_int_equal(id.variant, UTSEC_TLS_KEY_UICC);
    assert_int_equal(id.btid_len, strlen(BTID));
    /* errors */
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 3, UTSEC_TLS_KEY_ME, NULL, out, 22, NULL), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 3, UTSEC_TLS_KEY_ME, NULL, out, 23, NULL), 0);
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 0, UTSEC_TLS_KEY_ME, NULL, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_psk_identity_build("B\0h", 3, UTSEC_TLS_KEY_ME, NULL, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_psk_identity_build("B@h", 3, (utsec_tls_key_variant_t)7, NULL, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    memset(big, 'a', sizeof(big));
    assert_int_equal(utsec_tls_psk_identity_build(big, 256, UTSEC_TLS_KEY_ME, NULL, out, sizeof(out), NULL), UTSEC_ERR_TOO_LONG);
}

static void test_suites(void **state)
{
    uint16_t s[UTSEC_TLS_MAX_SUITES];
    size_t n, i;

    (void)state;
    assert_int_equal(utsec_tls_psk_default_suites(s, UTSEC_TLS_MAX_SUITES, &n), 0);
    /* Debian 12 mbedTLS 2.28 builds PSK, DHE-PSK and ECDHE-PSK */
    assert_int_equal(n, sizeof(SUITES_ALL) / sizeof(SUITES_ALL[0]));
    for (i = 0; i < n; i++)
        assert_int_equal(s[i], SUITES_ALL[i]);
    assert_int_equal(utsec_tls_psk_default_suites(s, 3, &n), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_tls_psk_default_suites(NULL, 3, &n), UTSEC_ERR_INVALID_ARG);
    assert_true(utsec_tls_psk_suite_allowed(0x00A8));
    assert_true(utsec_tls_psk_suite_allowed(0xCCAC));
    assert_false(utsec_tls_psk_suite_allowed(0x00B0)); /* PSK-NULL-SHA256 */
    assert_false(utsec_tls_psk_suite_allowed(0xC03A)); /* ECDHE-PSK-NULL */
    assert_false(utsec_tls_psk_suite_allowed(0x008A)); /* PSK-RC4 */
    assert_false(utsec_tls_psk_suite_allowed(0x008B)); /* PSK-3DES */
    assert_false(utsec_tls_psk_suite_allowed(0x00AC)); /* RSA-PSK */
    assert_false(utsec_tls_psk_suite_allowed(0xC02B)); /* not PSK */
    assert_false(utsec_tls_psk_suite_allowed(0x0000));
}

/* Every supported suite, offered alone, for every key source. */
static void test_handshake_every_suite(void **state)
{
    size_t i, k;
    static const struct {
        utsec_tls_key_variant_t v;
        int use_cb;
    } modes[] = {
        {UTSEC_TLS_KEY_ME, 0},   /* GBA_ME: Ks_NAF from CK/IK */
        {UTSEC_TLS_KEY_UICC, 0}, /* Ks_int_NAF from CK/IK ("gba-u") */
        {UTSEC_TLS_KEY_ME, 1},   /* GBA_U: Ks_ext_NAF from the UICC */
        {UTSEC_TLS_KEY_UICC, 1}, /* GBA_U: Ks_int_NAF from the UICC */
    };

    (void)state;
    for (i = 0; i < sizeof(SUITES_ALL) / sizeof(SUITES_ALL[0]); i++) {
        for (k = 0; k < sizeof(modes) / sizeof(modes[0]); k++) {
            world_params(&W);
            W.up.suites = &SUITES_ALL[i];
            W.up.n_suites = 1;
            W.up.variant = modes[k].v;
            if (modes[k].use_cb) {
                W.up.ck = W.up.ik = W.up.rand = NULL;
                W.up.impi = NULL;
                W.up.key_cb = uicc_key;
                W.up.key_ctx = &W.uicc;
            }
            world_start(&W);
            world_run(&W);
            check_success(&W, SUITES_ALL[i], modes[k].v);
            assert_int_equal(W.uicc.calls, modes[k].use_cb ? 1 : 0);
            world_end(&W);
        }
    }
}

/* Extra allowed suites (not in the default list) work when configured. */
static void test_handshake_extra_suites(void **state)
{
    static const uint16_t extra[] = {0xC0A4, 0xCCAB, 0xCCAC};
    size_t i;

    (void)state;
    for (i = 0; i < 3; i++) {
        world_params(&W);
        W.up.suites = W.np.suites = &extra[i];
        W.up.n_suites = W.np.n_suites = 1;
        world_start(&W);
        world_run(&W);
        check_success(&W, extra[i], UTSEC_TLS_KEY_ME);
        world_end(&W);
    }
}

/* The UE offers every suite; whichever the NAF picks, the key matches. */
static void test_handshake_server_picks(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(SUITES_ALL) / sizeof(SUITES_ALL[0]); i++) {
        world_params(&W);
        W.np.suites = &SUITES_ALL[i];
        W.np.n_suites = 1;
        world_start(&W);
        world_run(&W);
        check_success(&W, SUITES_ALL[i], UTSEC_TLS_KEY_ME);
        world_end(&W);
    }
    /* both on defaults: the first preference wins */
    world_params(&W);
    world_start(&W);
    world_run(&W);
    check_success(&W, SUITES_ALL[0], UTSEC_TLS_KEY_ME);
    world_end(&W);
}

static void test_handshake_sni(void **state)
{
    (void)state;
    /* NAF without a configured FQDN: NAF_Id from the SNI */
    world_params(&W);
    W.np.naf_fqdn = NULL;
    W.np.use_sni = 1;
    world_start(&W);
    world_run(&W);
    check_success(&W, SUITES_ALL[0], UTSEC_TLS_KEY_ME);
    assert_string_equal(W.prov.fqdn, FQDN);
    world_end(&W);

    /* SNI preferred over the configured name */
    world_params(&W);
    W.np.naf_fqdn = "other.example.org";
    W.np.naf_fqdn_len = 17;
    W.np.use_sni = 1;
    world_start(&W);
    world_run(&W);
    assert_int_equal(W.rc_naf, 0);
    assert_string_equal(W.prov.fqdn, FQDN);
    world_end(&W);

    /* SNI ignored: the configured (different) name gives another key */
    world_params(&W);
    W.np.naf_fqdn = "other.example.org";
    W.np.naf_fqdn_len = 17;
    world_start(&W);
    world_run(&W);
    assert_string_equal(W.prov.fqdn, "other.example.org");
    assert_int_equal(W.rc_naf, UTSEC_ERR_UNKNOWN_ID);
    world_end(&W);
}

static void expect_failure(int naf_rc, int ue_rc, void (*tweak)(struct world *))
{
    world_params(&W);
    tweak(&W);
    world_start(&W);
    world_run(&W);
    assert_int_equal(W.rc_naf, naf_rc);
    assert_int_equal(utsec_tls_naf_session_error(&W.ns), naf_rc);
    assert_int_equal(utsec_tls_naf_handshake(&W.ns), naf_rc); /* sticky */
    assert_int_equal(W.rc_ue, ue_rc);
    assert_int_equal(utsec_tls_ue_session_tls_error(&W.us), MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE);
    {
        const char *b;
        uint16_t s;
        assert_int_equal(utsec_tls_naf_session_btid(&W.ns, &b, NULL, NULL), UTSEC_ERR_STATE);
        assert_int_equal(utsec_tls_naf_session_suite(&W.ns, &s, NULL), UTSEC_ERR_STATE);
        assert_int_equal(utsec_tls_naf_session_identity(&W.ns, 0, &b, NULL), UTSEC_ERR_STATE);
        assert_true(tu_all_zero(W.ns.ids, sizeof(W.ns.ids)));
        assert_true(tu_all_zero(W.ns.btid, sizeof(W.ns.btid)));
    }
    world_end(&W);
}

static void tw_unknown(struct world *w) { w->prov.mode = PROV_UNKNOWN; }
static void tw_expired_time(struct world *w) { w->prov.mode = PROV_EXPIRED_TIME; }
static void tw_expired_code(struct world *w) { w->prov.mode = PROV_EXPIRED_CODE; }
static void tw_no_expiry(struct world *w) { w->prov.mode = PROV_NO_EXPIRY; }
static void tw_wrong_key(struct world *w) { w->prov.mode = PROV_WRONG_KEY; }
static void tw_positive(struct world *w) { w->prov.mode = PROV_POSITIVE; }
static void tw_crypto(struct world *w) { w->prov.mode = PROV_CRYPTO; }
static void tw_ids(struct world *w) { w->prov.mode = PROV_IDS_OVERFLOW; }
static void tw_bad_btid(struct world *w)
{
    w->up.btid = "not-a-btid";
    w->up.btid_len = 10;
}
static const utsec_tls_id_policy_t bare_only = {NULL, 0, 0, UTSEC_TLS_ID_BARE};
static void tw_policy(struct world *w) { w->np.id_policy = &bare_only; }
static void tw_unknown_btid(struct world *w)
{
    w->up.btid = "AAAAAAAAAAAAAAAAAAAAAA==@bsf.mnc001.mcc001.pub.3gppnetwork.org";
    w->up.btid_len = strlen(w->up.btid);
}
static void tw_wrong_ue_key(struct world *w)
{
    static uint8_t other_ck[16];
    memcpy(other_ck, w->ck, 16);
    other_ck[0] ^= 1;
    w->up.ck = other_ck;
}
static void test_failures(void **state)
{
    (void)state;
    /* refused in the PSK callback: the UE sees unknown_psk_identity */
    expect_failure(UTSEC_ERR_UNKNOWN_ID, UTSEC_ERR_UNKNOWN_ID, tw_unknown);
    expect_failure(UTSEC_ERR_UNKNOWN_ID, UTSEC_ERR_UNKNOWN_ID, tw_unknown_btid);
    expect_failure(UTSEC_ERR_EXPIRED, UTSEC_ERR_UNKNOWN_ID, tw_expired_time);
    expect_failure(UTSEC_ERR_EXPIRED, UTSEC_ERR_UNKNOWN_ID, tw_expired_code);
    expect_failure(UTSEC_ERR_EXPIRED, UTSEC_ERR_UNKNOWN_ID, tw_no_expiry);
    expect_failure(UTSEC_ERR_CALLBACK, UTSEC_ERR_UNKNOWN_ID, tw_positive);
    expect_failure(UTSEC_ERR_CRYPTO, UTSEC_ERR_UNKNOWN_ID, tw_crypto);
    expect_failure(UTSEC_ERR_BUFFER_TOO_SMALL, UTSEC_ERR_UNKNOWN_ID, tw_ids);
    expect_failure(UTSEC_ERR_BAD_PSK_IDENTITY, UTSEC_ERR_UNKNOWN_ID, tw_bad_btid);
    expect_failure(UTSEC_ERR_BAD_PSK_IDENTITY, UTSEC_ERR_UNKNOWN_ID, tw_policy);
    /* different keys: the NAF's Finished check fails, the UE gets
     * bad_record_mac */
    expect_failure(UTSEC_ERR_TLS_BAD_KEY, UTSEC_ERR_TLS_BAD_KEY, tw_wrong_key);
    expect_failure(UTSEC_ERR_TLS_BAD_KEY, UTSEC_ERR_TLS_BAD_KEY, tw_wrong_ue_key);
}

/* SNI problems on the NAF: a malformed host name, or none at all when the
 * NAF has no configured FQDN. */
static void test_sni_errors(void **state)
{
    (void)state;
    world_params(&W);
    W.np.use_sni = 1;
    world_start(&W);
    assert_int_equal(mbedtls_ssl_set_hostname(&W.cs, "bad_host.example"), 0);
    world_run(&W);
    assert_int_equal(W.rc_naf, UTSEC_ERR_BAD_HOST);
    assert_int_not_equal(W.rc_ue, 0);
    assert_int_equal(W.prov.calls, 0);
    world_end(&W);

    world_params(&W);
    W.np.naf_fqdn = NULL;
    W.np.use_sni = 1;
    world_start(&W);
    assert_int_equal(mbedtls_ssl_set_hostname(&W.cs, NULL), 0);
    world_run(&W);
    assert_int_equal(W.rc_naf, UTSEC_ERR_BAD_HOST);
    assert_int_equal(W.rc_ue, UTSEC_ERR_UNKNOWN_ID);
    assert_int_equal(W.prov.calls, 0);
    world_end(&W);
}

static void test_reply_add_identity(void **state)
{
    char buf[17];
    utsec_tls_key_reply_t rep;

    (void)state;
    memset(&rep, 0, sizeof(rep));
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "a", 1), UTSEC_ERR_INVALID_ARG);
    rep.ids = buf;
    rep.ids_size = sizeof(buf);
    assert_int_equal(utsec_tls_key_reply_add_identity(NULL, "a", 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, NULL, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "a", 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "a\0b", 3), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "sip:a@b", 7), 0);
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "tel:+1", 6), 0);
    /* 15 of 17 octets used: 2 more fit ("x" and its NUL), 3 do not */
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "xy", 2), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "x", 1), 0);
    assert_int_equal(rep.n_ids, 3);
    assert_memory_equal(buf, "sip:a@b\0tel:+1\0x\0", 17);
    assert_int_equal(rep.ids_len, 17);
    assert_int_equal(utsec_tls_key_reply_add_identity(&rep, "y", 1), UTSEC_ERR_BUFFER_TOO_SMALL);
}

static void test_session_args(void **state)
{
    uint16_t suite;

    (void)state;
    world_params(&W);
    world_start(&W);
    assert_int_equal(utsec_tls_ue_session_suite(&W.us, &suite), UTSEC_ERR_STATE);
    assert_int_equal(utsec_tls_naf_session_setup(&W.ns, &W.naf, &W.ss, &W.se, NULL, p_recv, NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_naf_session_setup(&W.ns, &W.naf, &W.ss, &W.se, p_send, NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_naf_session_setup(&W.ns, &W.naf, &W.ss, &W.se, p_send, p_recv, NULL), 0);
    assert_int_equal(utsec_tls_naf_session_error(NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_naf_session_error(&W.ns), 0);
    world_run(&W);
    assert_int_equal(W.rc_naf, 0);
    assert_int_equal(utsec_tls_naf_handshake(&W.ns), 0); /* idempotent once done */
    assert_int_equal(utsec_tls_ue_handshake(&W.us), 0);
    assert_int_equal(utsec_tls_naf_session_identity(&W.ns, 0, NULL, NULL), UTSEC_ERR_INVALID_ARG);
    world_end(&W);
    {
        utsec_tls_id_policy_t pol = {"0123456789012345678901234567890123", 34, 0, 0};
        mbedtls_ssl_config c;
        utsec_tls_naf_t naf;
        mbedtls_ssl_config_init(&c);
        world_params(&W);
        W.np.id_policy = &pol;
        assert_int_equal(utsec_tls_naf_setup(&naf, &W.np, &c), UTSEC_ERR_INVALID_ARG);
        mbedtls_ssl_config_free(&c);
    }
}

/* The UE fails on its side when its key source fails, and the NAF sees the
 * handshake abort. */
static void test_ue_key_cb_failure(void **state)
{
    (void)state;
    world_params(&W);
    W.up.ck = W.up.ik = W.up.rand = NULL;
    W.up.impi = NULL;
    W.up.key_cb = uicc_key;
    W.up.key_ctx = &W.uicc;
    W.uicc.fail = 3;
    world_start(&W);
    world_run(&W);
    assert_int_equal(W.rc_ue, UTSEC_ERR_CALLBACK);
    assert_int_equal(utsec_tls_ue_handshake(&W.us), UTSEC_ERR_CALLBACK);
    assert_int_equal(W.rc_naf, UTSEC_ERR_TLS);
    assert_int_equal(W.prov.calls, 0);
    world_end(&W);

    world_params(&W);
    W.up.ck = W.up.ik = W.up.rand = NULL;
    W.up.impi = NULL;
    W.up.key_cb = uicc_key;
    W.up.key_ctx = &W.uicc;
    W.uicc.fail = UTSEC_ERR_RENEGOTIATE;
    world_start(&W);
    world_run(&W);
    assert_int_equal(W.rc_ue, UTSEC_ERR_RENEGOTIATE);
    world_end(&W);
}

/* A caller that bypasses utsec_tls_ue_handshake() gets the random
 * placeholder PSK, which the NAF rejects. */
static void test_bypass_uses_placeholder(void **state)
{
    int i, rc_c = MBEDTLS_ERR_SSL_WANT_READ;

    (void)state;
    world_params(&W);
    world_start(&W);
    W.rc_naf = UTSEC_ERR_TLS_WANT_READ;
    for (i = 0; i < 100; i++) {
        if (rc_c == MBEDTLS_ERR_SSL_WANT_READ || rc_c == MBEDTLS_ERR_SSL_WANT_WRITE)
            rc_c = mbedtls_ssl_handshake(&W.cs);
        if (pending(W.rc_naf))
            W.rc_naf = utsec_tls_naf_handshake(&W.ns);
    }
    assert_int_not_equal(rc_c, 0);
    assert_int_equal(W.rc_naf, UTSEC_ERR_TLS_BAD_KEY);
    world_end(&W);
}

/* A NAF connection whose BIO was replaced is refused, not misread. */
static void test_naf_foreign_bio(void **state)
{
    (void)state;
    world_params(&W);
    world_start(&W);
    mbedtls_ssl_set_bio(&W.ss, &W.se, p_send, p_recv, NULL);
    world_run(&W);
    assert_int_not_equal(W.rc_naf, 0);
    assert_int_equal(W.prov.calls, 0);
    world_end(&W);
}

static void test_setup_errors(void **state)
{
    static const uint16_t null_suite[] = {0x00B0};
    static const uint16_t dup[] = {0x00A8, 0x00A8};
    static const uint16_t many[UTSEC_TLS_MAX_SUITES + 1] = {0};
    mbedtls_ssl_config c;
    utsec_tls_ue_t ue;
    utsec_tls_naf_t naf;
    utsec_tls_ue_session_t us;
    utsec_tls_naf_session_t ns;
    mbedtls_ssl_context ssl;

    (void)state;
    mbedtls_ssl_config_init(&c);
    mbedtls_ssl_init(&ssl);
    world_params(&W);
    assert_int_equal(utsec_tls_ue_setup(NULL, &W.up, &c), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_naf_setup(&naf, NULL, &c), UTSEC_ERR_INVALID_ARG);

    W.up.suites = null_suite;
    W.up.n_suites = 1;
    assert_int_equal(utsec_tls_ue_setup(&ue, &W.up, &c), UTSEC_ERR_TLS_SUITE);
    assert_true(tu_all_zero(&ue, sizeof(ue)));
    W.up.suites = dup;
    W.up.n_suites = 2;
    assert_int_equal(utsec_tls_ue_setup(&ue, &W.up, &c), UTSEC_ERR_INVALID_ARG);
    W.up.suites = many;
    W.up.n_suites = UTSEC_TLS_MAX_SUITES + 1;
    assert_int_equal(utsec_tls_ue_setup(&ue, &W.up, &c), UTSEC_ERR_TOO_MANY);
    W.up.suites = NULL;
    W.up.naf_fqdn = "bad_host";
    W.up.naf_fqdn_len = 8;
    assert_int_equal(utsec_tls_ue_setup(&ue, &W.up, &c), UTSEC_ERR_BAD_HOST);
    W.up.naf_fqdn = FQDN;
    W.up.naf_fqdn_len = strlen(FQDN);
    W.up.variant = UTSEC_TLS_KEY_DIGEST; /* needs a key callback */
    assert_int_equal(utsec_tls_ue_setup(&ue, &W.up, &c), UTSEC_ERR_INVALID_ARG);
    W.up.variant = UTSEC_TLS_KEY_ME;
    W.up.ik = NULL;
    assert_int_equal(utsec_tls_ue_setup(&ue, &W.up, &c), UTSEC_ERR_INVALID_ARG);
    W.up.ik = W.ik;
    W.up.rng = NULL;
    assert_int_equal(utsec_tls_ue_setup(&ue, &W.up, &c), UTSEC_ERR_INVALID_ARG);

    W.np.provider = NULL;
    assert_int_equal(utsec_tls_naf_setup(&naf, &W.np, &c), UTSEC_ERR_INVALID_ARG);
    W.np.provider = provider;
    W.np.naf_fqdn = NULL;
    assert_int_equal(utsec_tls_naf_setup(&naf, &W.np, &c), UTSEC_ERR_INVALID_ARG);
    W.np.naf_fqdn = "x..y";
    W.np.naf_fqdn_len = 4;
    assert_int_equal(utsec_tls_naf_setup(&naf, &W.np, &c), UTSEC_ERR_BAD_HOST);
    W.np.naf_fqdn = FQDN;
    W.np.naf_fqdn_len = strlen(FQDN);
    W.np.suites = null_suite;
    W.np.n_suites = 1;
    assert_int_equal(utsec_tls_naf_setup(&naf, &W.np, &c), UTSEC_ERR_TLS_SUITE);

    memset(&naf, 0, sizeof(naf));
    assert_int_equal(utsec_tls_naf_session_setup(&ns, &naf, &ssl, NULL, p_send, p_recv, NULL),
                     UTSEC_ERR_INVALID_ARG); /* naf not set up */
    memset(&ue, 0, sizeof(ue));
    assert_int_equal(utsec_tls_ue_session_setup(&us, &ue, &ssl), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_ue_handshake(NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_naf_handshake(NULL), UTSEC_ERR_INVALID_ARG);
    {
        uint16_t s;
        uint8_t id[300];
        size_t n;
        assert_int_equal(utsec_tls_negotiated_suite(&ssl, &s), UTSEC_ERR_STATE);
        assert_int_equal(utsec_tls_naf_id_for_ssl(&ssl, FQDN, strlen(FQDN), id, sizeof(id), &n),
                         UTSEC_ERR_STATE);
    }
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&c);
}

/* _free leaves no secret: Ks and the derived keys are gone. */
static void test_free_wipes(void **state)
{
    uint8_t ks_part[16], key[32];

    (void)state;
    world_params(&W);
    world_start(&W);
    world_run(&W);
    assert_int_equal(W.rc_ue, 0);
    tu_hex(CK, ks_part, 16);
    assert_true(mem_contains(&W.ue, sizeof(W.ue), ks_part, 16)); /* Ks kept for the UE */
    assert_int_equal(ref_key(SUITES_ALL[0], UTSEC_TLS_KEY_ME, key), 0);
    world_end(&W);
    assert_true(tu_all_zero(&W.ue, sizeof(W.ue)));
    assert_true(tu_all_zero(&W.naf, sizeof(W.naf)));
    assert_true(tu_all_zero(&W.us, sizeof(W.us)));
    assert_true(tu_all_zero(&W.ns, sizeof(W.ns)));
    utsec_tls_ue_free(NULL);
    utsec_tls_naf_free(NULL);
    utsec_tls_ue_session_free(NULL);
    utsec_tls_naf_session_free(NULL);
}

/* ----------------------------------------------------------- NDS hop */

struct nds_side {
    mbedtls_x509_crt ca, own;
    mbedtls_pk_context key;
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    utsec_tls_nds_t nds;
    tu_rng_t rng;
};

static void nds_side_init(struct nds_side *s, int endpoint, const char *crt,
                          const char *key, uint64_t seed)
{
    utsec_tls_nds_params_t p;

    memset(s, 0, sizeof(*s));
    tu_rng_seed(&s->rng, seed);
    mbedtls_x509_crt_init(&s->ca);
    mbedtls_x509_crt_init(&s->own);
    mbedtls_pk_init(&s->key);
    mbedtls_ssl_config_init(&s->conf);
    mbedtls_ssl_init(&s->ssl);
    assert_int_equal(mbedtls_x509_crt_parse(&s->ca, (const unsigned char *)TEST_CA_CRT,
                                            sizeof(TEST_CA_CRT)), 0);
    assert_int_equal(mbedtls_x509_crt_parse(&s->own, (const unsigned char *)crt,
                                            strlen(crt) + 1), 0);
#if MBEDTLS_VERSION_MAJOR >= 3
    assert_int_equal(mbedtls_pk_parse_key(&s->key, (const unsigned char *)key,
                                          strlen(key) + 1, NULL, 0, tu_rng_fn, &s->rng), 0);
#else
    assert_int_equal(mbedtls_pk_parse_key(&s->key, (const unsigned char *)key,
                                          strlen(key) + 1, NULL, 0), 0);
#endif
    memset(&p, 0, sizeof(p));
    p.endpoint = endpoint;
    p.ca_chain = &s->ca;
    p.own_cert = &s->own;
    p.own_key = &s->key;
    p.rng = tu_rng_fn;
    p.rng_ctx = &s->rng;
    assert_int_equal(utsec_tls_nds_setup(&s->nds, &p, &s->conf), 0);
    assert_int_equal(mbedtls_ssl_setup(&s->ssl, &s->conf), 0);
}

static void nds_side_free(struct nds_side *s)
{
    mbedtls_ssl_free(&s->ssl);
    mbedtls_ssl_config_free(&s->conf);
    mbedtls_x509_crt_free(&s->ca);
    mbedtls_x509_crt_free(&s->own);
    mbedtls_pk_free(&s->key);
}

static struct nds_side AP, PS;

static void nds_run(int *rc_a, int *rc_p)
{
    int i;

    *rc_a = *rc_p = MBEDTLS_ERR_SSL_WANT_READ;
    memset(&W.c2s, 0, sizeof(W.c2s));
    memset(&W.s2c, 0, sizeof(W.s2c));
    W.ce.in = &W.s2c;
    W.ce.out = &W.c2s;
    W.se.in = &W.c2s;
    W.se.out = &W.s2c;
    mbedtls_ssl_set_bio(&AP.ssl, &W.ce, p_send, p_recv, NULL);
    mbedtls_ssl_set_bio(&PS.ssl, &W.se, p_send, p_recv, NULL);
    for (i = 0; i < 100; i++) {
        if (*rc_a == MBEDTLS_ERR_SSL_WANT_READ || *rc_a == MBEDTLS_ERR_SSL_WANT_WRITE)
            *rc_a = mbedtls_ssl_handshake(&AP.ssl);
        if (*rc_p == MBEDTLS_ERR_SSL_WANT_READ || *rc_p == MBEDTLS_ERR_SSL_WANT_WRITE)
            *rc_p = mbedtls_ssl_handshake(&PS.ssl);
    }
}

static void test_nds_mutual(void **state)
{
    int rc_a, rc_p;
    const char *n;
    size_t len;
    uint16_t suite;

    (void)state;
    nds_side_init(&AP, MBEDTLS_SSL_IS_CLIENT, TEST_AP_CRT, TEST_AP_KEY, 11);
    nds_side_init(&PS, MBEDTLS_SSL_IS_SERVER, TEST_PS_CRT, TEST_PS_KEY, 12);
    assert_int_equal(utsec_tls_peer_cn(&PS.ssl, &n, &len), UTSEC_ERR_UNTRUSTED_PEER);
    assert_int_equal(mbedtls_ssl_set_hostname(&AP.ssl, "presence.example.net"), 0);
    nds_run(&rc_a, &rc_p);
    assert_int_equal(rc_a, 0);
    assert_int_equal(rc_p, 0);
    assert_int_equal(utsec_tls_negotiated_suite(&AP.ssl, &suite), 0);
    /* TLS 1.2 ECDHE-ECDSA AEAD suites, or TLS 1.3 where the build has it */
    assert_true(suite == 0xC02B || suite == 0xC02C || suite == 0xCCA9 ||
                (suite >= 0x1301 && suite <= 0x1303));
    {
        /* Digest inside server-authenticated TLS (TS 33.222 §5.3): the
         * NAF_Id ends in 01 00 01 and the certificate suite */
        uint8_t id[64];
        size_t idn;
        assert_int_equal(utsec_tls_naf_id_for_ssl(&AP.ssl, "ps.example.net", 14, id,
                                                  sizeof(id), &idn), 0);
        assert_int_equal(idn, 19);
        assert_memory_equal(id, "ps.example.net\x01\x00\x01", 17);
        assert_int_equal(id[17], suite >> 8);
        assert_int_equal(id[18], suite & 0xFF);
        assert_int_equal(utsec_tls_naf_id_for_ssl(&AP.ssl, "ps.example.net", 14, id, 18, &idn),
                         UTSEC_ERR_BUFFER_TOO_SMALL);
    }
    /* the presence server sees the AP's identity */
    assert_int_equal(utsec_tls_peer_cn(&PS.ssl, &n, &len), 0);
    assert_int_equal(len, 14);
    assert_memory_equal(n, "ap.example.net", 14);
    assert_int_equal(utsec_tls_peer_dns_name(&PS.ssl, 0, &n, &len), 0);
    assert_memory_equal(n, "ap.example.net", len);
    assert_int_equal(utsec_tls_peer_dns_name(&PS.ssl, 1, &n, &len), UTSEC_ERR_NOT_FOUND);
    assert_true(utsec_tls_peer_has_name(&PS.ssl, "AP.example.net", 14));
    assert_false(utsec_tls_peer_has_name(&PS.ssl, "ps.example.net", 14));
    assert_false(utsec_tls_peer_has_name(&PS.ssl, "ap.example.ne", 13));
    /* and the AP the presence server's (two SAN entries) */
    assert_int_equal(utsec_tls_peer_dns_name(&AP.ssl, 1, &n, &len), 0);
    assert_memory_equal(n, "presence.example.net", len);
    assert_true(utsec_tls_peer_has_name(&AP.ssl, "presence.example.net", 20));
    assert_true(utsec_tls_peer_has_name(&AP.ssl, "ps.example.net", 14));
    nds_side_free(&AP);
    nds_side_free(&PS);
}

static void test_nds_rejects_untrusted(void **state)
{
    int rc_a, rc_p;
    const char *n;
    size_t len;
    utsec_tls_nds_params_t p;
    mbedtls_ssl_config c;

    (void)state;
    /* a client certificate from another CA: the server refuses */
    nds_side_init(&AP, MBEDTLS_SSL_IS_CLIENT, TEST_EVIL_CRT, TEST_EVIL_KEY, 21);
    nds_side_init(&PS, MBEDTLS_SSL_IS_SERVER, TEST_PS_CRT, TEST_PS_KEY, 22);
    assert_int_equal(mbedtls_ssl_set_hostname(&AP.ssl, "ps.example.net"), 0);
    nds_run(&rc_a, &rc_p);
    assert_int_not_equal(rc_p, 0);
#if !defined(MBEDTLS_SSL_PROTO_TLS1_3)
    /* In TLS 1.3 the client's handshake completes before the server judges
     * its certificate; the server's refusal above is what matters. */
    assert_int_not_equal(rc_a, 0);
#endif
    assert_int_equal(utsec_tls_peer_cn(&PS.ssl, &n, &len), UTSEC_ERR_UNTRUSTED_PEER);
    assert_false(utsec_tls_peer_has_name(&PS.ssl, "ap.example.net", 14));
    nds_side_free(&AP);
    nds_side_free(&PS);

    /* the AP expects another host name: refused by the AP */
    nds_side_init(&AP, MBEDTLS_SSL_IS_CLIENT, TEST_AP_CRT, TEST_AP_KEY, 31);
    nds_side_init(&PS, MBEDTLS_SSL_IS_SERVER, TEST_PS_CRT, TEST_PS_KEY, 32);
    assert_int_equal(mbedtls_ssl_set_hostname(&AP.ssl, "evil.example.net"), 0);
    nds_run(&rc_a, &rc_p);
    assert_int_not_equal(rc_a, 0);
    nds_side_free(&AP);
    nds_side_free(&PS);

    memset(&p, 0, sizeof(p));
    mbedtls_ssl_config_init(&c);
    assert_int_equal(utsec_tls_nds_setup(&AP.nds, &p, &c), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tls_peer_cn(NULL, &n, &len), UTSEC_ERR_INVALID_ARG);
    mbedtls_ssl_config_free(&c);
}

int main(void)
{
#if MBEDTLS_VERSION_MAJOR >= 3
    /* mbedTLS 3.x: TLS 1.3 and the PSA-based key exchanges need PSA. */
    if (psa_crypto_init() != PSA_SUCCESS)
        return 1;
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identity_parse),
        cmocka_unit_test(test_identity_policy),
        cmocka_unit_test(test_identity_build),
        cmocka_unit_test(test_suites),
        cmocka_unit_test(test_handshake_every_suite),
        cmocka_unit_test(test_handshake_extra_suites),
        cmocka_unit_test(test_handshake_server_picks),
        cmocka_unit_test(test_handshake_sni),
        cmocka_unit_test(test_failures),
        cmocka_unit_test(test_sni_errors),
        cmocka_unit_test(test_reply_add_identity),
        cmocka_unit_test(test_session_args),
        cmocka_unit_test(test_ue_key_cb_failure),
        cmocka_unit_test(test_bypass_uses_placeholder),
        cmocka_unit_test(test_naf_foreign_bio),
        cmocka_unit_test(test_setup_errors),
        cmocka_unit_test(test_free_wipes),
        cmocka_unit_test(test_nds_mutual),
        cmocka_unit_test(test_nds_rejects_untrusted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
