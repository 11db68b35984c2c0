/*
 * Ub, UE side (TS 24.109 §4.2-4.5, A.3, A.4) against the self-computed FACTS §8
 * values: TS 35.208 Set 1 through the software USIM, the BSF messages
 * written by hand. Expected Digest values were computed independently
 * (python3 hashlib) for the cnonce of the fixed RNG; with cnonce
 * "0a4f113b" the same script gives FACTS' 26d91881d4f34c67c3c171426686ad62
 * (response), 9a8bad61a1e6d2b158374c79d9e198ed (resync) and
 * 7046bb56b29d9c335a104dd30127c5b1 (rspauth).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "boot_test_util.h"

#include <stdio.h>

static const char nonce_set1[] = "I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=";
static const char www_set1[] =
    "Digest realm=\"bsf.mnc001.mcc001.pub.3gppnetwork.org\", "
    "nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=\", "
    "algorithm=AKAv1-MD5, qop=\"auth-int\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
/* FACTS §8.2: the 200 OK body (218 octets). */
static const char body_set1[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<BootstrappingInfo xmlns=\"uri:3gpp-gba\">\n"
    "<btid>I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org</btid>\n"
    "<lifetime>2026-01-01T00:00:00Z</lifetime>\n"
    "</BootstrappingInfo>";
#define CNONCE "0a4f113b0a4f113b0a4f113b0a4f113b"
/* base64(RAND of Set 1) "@" the BSF host */
#define BTID_SET1 "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org"
/* python3: MD5 Digest, password = RES a54211d5e3ba50bf, qop=auth-int, GET / */
static const char resp_set1[] = "1c7aac38b5f2d7d5de39df1ad143eeae";
/* ... password = "" (RFC 3310 §3.4 resync answer) */
static const char resp_resync[] = "42307806b86c0b561747a781b14552a1";
/* ... rspauth: A2 = ":/:" MD5(body_set1) */
static const char info_set1[] =
    "rspauth=\"1ea7ac55145f9bc183f7ee3a3cdcc0bf\", qop=auth-int, nc=00000001, "
    "cnonce=\"" CNONCE "\"";

struct fx {
    utsec_aka_key_t key;
    utsec_aka_sqn_state_t sqn;
    utsec_aka_soft_usim_t usim;
    utsec_boot_ue_config_t cfg;
    utsec_boot_ue_t ue;
    char authz[UTSEC_BOOT_UE_AUTHZ_SIZE];
    char ua[UTSEC_BOOT_UE_UA_SIZE];
    size_t len;
    int in_range;
};

static struct fx *fx_new(int sqn_in_range)
{
    static struct fx f;

    memset(&f, 0, sizeof(f));
    f.in_range = sqn_in_range;
    set1_key(&f.key);
    /* Δ large enough for Set 1's SQN ff9bb4d0b607 from a fresh card, or
     * the default Δ after SQN 0x20 was accepted (FACTS §8.2 AUTS). */
    if (sqn_in_range) {
        assert_int_equal(utsec_aka_sqn_init(&f.sqn, 5, (uint64_t)1 << 44, 0), 0);
    } else {
        static const uint8_t sqn20[6] = {0, 0, 0, 0, 0, 0x20};
        assert_int_equal(utsec_aka_sqn_init(&f.sqn, 5, UTSEC_AKA_DELTA_DEFAULT, 0), 0);
        assert_int_equal(utsec_aka_sqn_accept(&f.sqn, sqn20), 0);
    }
    f.usim.key = &f.key;
    f.usim.sqn = &f.sqn;
    f.cfg.impi = selfgen_impi;
    f.cfg.impi_len = strlen(selfgen_impi);
    f.cfg.bsf_host = selfgen_bsf;
    f.cfg.bsf_host_len = strlen(selfgen_bsf);
    f.cfg.product = "TestUA/1.0";
    f.cfg.product_len = 10;
    f.cfg.tmpi_capable = 1;
    f.cfg.usim = utsec_aka_soft_usim;
    f.cfg.usim_ctx = &f.usim;
    f.cfg.rng = cnonce_rng;
    f.cfg.time = fake_time;
    test_clock = T_2026 - 3600;
    assert_int_equal(utsec_boot_ue_init(&f.ue, &f.cfg), 0);
    return &f;
}

static void fx_free(struct fx *f)
{
    utsec_boot_ue_free(&f->ue);
    utsec_aka_key_free(&f->key);
}

static void start(struct fx *f)
{
    /* each run replays Set 1's SQN: give the card a fresh SQN state */
    if (f->in_range)
        assert_int_equal(utsec_aka_sqn_init(&f->sqn, 5, (uint64_t)1 << 44, 0), 0);
    assert_int_equal(utsec_boot_ue_start(&f->ue, f->authz, sizeof(f->authz), &f->len,
                                         f->ua, sizeof(f->ua), NULL), 0);
}

/* start, 401 (Set 1), 200 (FACTS body). */
static void bootstrap_set1(struct fx *f)
{
    int resync = -1;

    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          &f->len, &resync), 0);
    assert_int_equal(resync, 0);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), 0);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_BOOTSTRAPPED);
}

static void first_request(void **state)
{
    struct fx *f = fx_new(1);

    (void)state;
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_IDLE);
    start(f);
    /* TS 24.109 A.3 table A.3-1 */
    assert_string_equal(f->authz,
                        "Digest username=\"001010123456789@ims.mnc001.mcc001.3gppnetwork.org\", "
                        "realm=\"bsf.mnc001.mcc001.pub.3gppnetwork.org\", nonce=\"\", uri=\"/\", "
                        "response=\"\"");
    assert_int_equal(f->len, strlen(f->authz));
    assert_string_equal(f->ua, "TestUA/1.0 3gpp-gba-tmpi");
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_SENT_INITIAL);
    fx_free(f);

    /* TMPI as the user name, default product, explicit realm, no token */
    f = fx_new(1);
    f->cfg.username = "NdfNQvvGWK4SGbs7c17alrZHQXyhEcrW@tmpi.bsf.3gppnetwork.org";
    f->cfg.username_len = strlen(f->cfg.username);
    f->cfg.product = NULL;
    f->cfg.tmpi_capable = 0;
    f->cfg.realm = "home1.net";
    f->cfg.realm_len = 9;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), 0);
    start(f);
    assert_string_equal(f->authz,
                        "Digest username=\"NdfNQvvGWK4SGbs7c17alrZHQXyhEcrW@tmpi.bsf.3gppnetwork.org\", "
                        "realm=\"home1.net\", nonce=\"\", uri=\"/\", response=\"\"");
    assert_string_equal(f->ua, "libutsec");
    /* too small buffers: nothing changes */
    utsec_boot_ue_free(&f->ue);
    f->cfg.username = NULL;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), 0);
    assert_int_equal(utsec_boot_ue_start(&f->ue, f->authz, 40, NULL, f->ua, sizeof(f->ua), NULL),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_boot_ue_start(&f->ue, f->authz, sizeof(f->authz), NULL, f->ua, 5,
                                         NULL), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_IDLE);
    fx_free(f);
}

static void init_errors(void **state)
{
    struct fx *f = fx_new(1);
    char long_name[300];

    (void)state;
    f->cfg.usim = NULL;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    f->cfg.usim = utsec_aka_soft_usim;
    f->cfg.rng = NULL;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), UTSEC_ERR_INVALID_ARG);
    f->cfg.rng = cnonce_rng;
    f->cfg.impi = "a\"b@x";
    f->cfg.impi_len = 5;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), UTSEC_ERR_INVALID_ARG);
    memset(long_name, 'a', sizeof(long_name));
    f->cfg.impi = long_name;
    f->cfg.impi_len = 256;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), UTSEC_ERR_TOO_LONG);
    f->cfg.impi = selfgen_impi;
    f->cfg.impi_len = strlen(selfgen_impi);
    f->cfg.bsf_host = "bsf..example";
    f->cfg.bsf_host_len = 12;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), UTSEC_ERR_BAD_HOST);
    assert_int_equal(utsec_boot_ue_init(NULL, &f->cfg), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_ue_init(&f->ue, NULL), UTSEC_ERR_INVALID_ARG);
    utsec_boot_ue_free(NULL);
    fx_free(f);
}

static void success_set1(void **state)
{
    struct fx *f = fx_new(1);
    utsec_boot_ctx_t c;
    uint8_t naf_id[64], key[32];
    size_t n = selfgen_naf_id(naf_id, sizeof(naf_id)), bl = 0;
    char pw[UTSEC_GBA_PASSWORD_SIZE], btid[UTSEC_BOOT_BTID_MAX + 1], want[128];
    int64_t lt = 0;
    int resync = -1;

    (void)state;
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          &f->len, &resync), 0);
    assert_int_equal(resync, 0);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_SENT_RESPONSE);
    snprintf(want, sizeof(want), "response=\"%s\"", resp_set1);
    assert_non_null(strstr(f->authz, want));
    assert_non_null(strstr(f->authz, "nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=\""));
    assert_non_null(strstr(f->authz, "cnonce=\"" CNONCE "\""));
    assert_non_null(strstr(f->authz, "qop=auth-int"));
    assert_non_null(strstr(f->authz, "nc=00000001"));
    assert_non_null(strstr(f->authz, "algorithm=AKAv1-MD5"));
    assert_non_null(strstr(f->authz, "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
    assert_null(strstr(f->authz, "auts="));
    /* keys are not available before the 200 */
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_ME, key),
                     UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), 0);

    assert_int_equal(utsec_boot_ue_check(&f->ue), 0);
    assert_int_equal(utsec_boot_ue_btid(&f->ue, btid, sizeof(btid), &bl, &lt), 0);
    assert_string_equal(btid, "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org");
    assert_int_equal(bl, strlen(btid));
    assert_int_equal(lt, T_2026);
    assert_int_equal(utsec_boot_ue_btid(&f->ue, btid, bl, NULL, NULL),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_boot_ue_export(&f->ue, &c), 0);
    assert_hex_equal(c.ks, 32, selfgen_ks);
    assert_hex_equal(c.rand, 16, "23553cbe9637a89d218ae64dae47bf35");
    assert_string_equal(c.impi, selfgen_impi);
    assert_int_equal(c.boot_time, T_2026 - 3600);
    utsec_boot_ctx_wipe(&c);
    /* FACTS §8.3 */
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_ME, key), 0);
    assert_hex_equal(key, 32, selfgen_ks_naf);
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_U_INT, key), 0);
    assert_hex_equal(key, 32, selfgen_ks_int_naf);
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, (utsec_gba_variant_t)99, key),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_ue_ua_password(&f->ue, S(selfgen_naf), UTSEC_GBA_UA_HTTP_DIGEST,
                                               UTSEC_GBA_VARIANT_ME, pw, sizeof(pw)), 0);
    assert_string_equal(pw, "/RrI0J6XSoPYZOQPFY3bFzN5oTMW3nWn9lnTtKtN/6s=");
    assert_int_equal(utsec_boot_ue_ua_password(&f->ue, S(selfgen_naf), UTSEC_GBA_UA_HTTP_DIGEST,
                                               UTSEC_GBA_VARIANT_ME, pw, 44),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    /* a 200 or 401 now is out of order */
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_BOOTSTRAPPED);
    utsec_wipe(key, sizeof(key));
    utsec_wipe(pw, sizeof(pw));
    fx_free(f);
}

/* SQN out of range: AUTS with the empty password (FACTS §8.2 AUTS). */
static void sync_failure_auts(void **state)
{
    struct fx *f = fx_new(0);
    char want[128];
    int resync = -1;

    (void)state;
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          &f->len, &resync), 0);
    assert_int_equal(resync, 1);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_SENT_AUTS);
    assert_non_null(strstr(f->authz, "auts=\"RR6L7KQb+O5YnUbYNck=\""));
    snprintf(want, sizeof(want), "response=\"%s\"", resp_resync);
    assert_non_null(strstr(f->authz, want));
    /* a 200 cannot answer an AUTS */
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_SENT_AUTS);
    fx_free(f);
}

/* Tampered AUTN: the USIM refuses the network, the UE stops (TS 24.109 §4.4). */
static void mac_failure_stops(void **state)
{
    struct fx *f = fx_new(1);
    uint8_t rand[16], autn[16];
    char nonce[64], www[256];

    (void)state;
    tu_hex("23553cbe9637a89d218ae64dae47bf35", rand, 16);
    tu_hex("55f328b43577b9b94a9ffac354dfafb3", autn, 16);
    autn[15] ^= 1;
    assert_int_equal(utsec_aka_nonce_encode(rand, autn, NULL, 0, nonce, sizeof(nonce), NULL), 0);
    snprintf(www, sizeof(www),
             "Digest realm=\"%s\", nonce=\"%s\", algorithm=AKAv1-MD5, qop=\"auth-int\"",
             selfgen_bsf, nonce);
    start(f);
    f->authz[0] = 'X';
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, www, strlen(www), f->authz, sizeof(f->authz),
                                          NULL, NULL), UTSEC_ERR_MAC_FAILURE);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), UTSEC_ERR_STATE);
    /* a new run is allowed */
    bootstrap_set1(f);
    (void)nonce_set1;
    fx_free(f);
}

static void bad_rspauth(void **state)
{
    struct fx *f = fx_new(1);
    char info[256];
    uint8_t naf_id[64], key[32];
    size_t n = selfgen_naf_id(naf_id, sizeof(naf_id));

    (void)state;
    /* one hex digit of rspauth changed */
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), 0);
    strcpy(info, info_set1);
    info[9] = info[9] == '1' ? '2' : '1';
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, info, strlen(info), S(body_set1)),
                     UTSEC_ERR_RSPAUTH);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_ME, key),
                     UTSEC_ERR_STATE);
    assert_true(tu_all_zero(f->ue.aka.ck, 16));
    /* the right rspauth over another body (the body is covered) */
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), 0);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), body_set1,
                                          sizeof(body_set1) - 2), UTSEC_ERR_RSPAUTH);
    /* no Authentication-Info at all */
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), 0);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, NULL, 0, S(body_set1)), UTSEC_ERR_RSPAUTH);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    fx_free(f);
}

/* A body with a valid rspauth (computed here with RES: the BSF is genuine)
 * that is not an acceptable BootstrappingInfo. */
static void body_case(struct fx *f, const char *body, int want)
{
    utsec_digest_calc_t c;
    utsec_digest_body_hash_t bh;
    char bhex[UTSEC_DIGEST_HEX_SIZE], rsp[UTSEC_DIGEST_HEX_SIZE], info[256];
    uint8_t res[8];

    tu_hex("a54211d5e3ba50bf", res, 8);
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), 0);
    assert_int_equal(utsec_digest_body_hash_start(&bh, UTSEC_DIGEST_ALG_AKAV1_MD5), 0);
    assert_int_equal(utsec_digest_body_hash_update(&bh, body, strlen(body)), 0);
    assert_int_equal(utsec_digest_body_hash_finish(&bh, bhex, sizeof(bhex)), 0);
    memset(&c, 0, sizeof(c));
    c.alg = UTSEC_DIGEST_ALG_AKAV1_MD5;
    c.qop = UTSEC_DIGEST_QOP_AUTH_INT;
    c.username.ptr = selfgen_impi;
    c.username.len = strlen(selfgen_impi);
    c.realm.ptr = selfgen_bsf;
    c.realm.len = strlen(selfgen_bsf);
    c.password = res;
    c.password_len = 8;
    c.nonce.ptr = nonce_set1;
    c.nonce.len = strlen(nonce_set1);
    c.cnonce.ptr = CNONCE;
    c.cnonce.len = 32;
    c.nc = 1;
    c.uri.ptr = "/";
    c.uri.len = 1;
    c.body_hash = bhex;
    assert_int_equal(utsec_digest_rspauth(&c, rsp, sizeof(rsp), NULL), 0);
    snprintf(info, sizeof(info), "rspauth=\"%s\", qop=auth-int, nc=00000001, cnonce=\"" CNONCE "\"",
             rsp);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, info, strlen(info), body, strlen(body)), want);
    if (want != 0) {
        assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
        assert_true(tu_all_zero(&f->ue.boot, sizeof(f->ue.boot)));
        assert_true(tu_all_zero(&f->ue.aka, sizeof(f->ue.aka)));
    }
}

static void malformed_info(void **state)
{
    struct fx *f = fx_new(1);

    (void)state;
    /* the control: the FACTS body through the same route is accepted */
    body_case(f, body_set1, 0);
    body_case(f, "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><lifetime>2026-01-01T00:00:00Z"
                 "</lifetime></BootstrappingInfo>", UTSEC_ERR_PARSE);
    body_case(f, "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>a@b</btid><lifetime>"
                 "2026-01-01T00:00:00Z</lifetime>", UTSEC_ERR_PARSE);
    body_case(f, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                 "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>&e;</btid><lifetime>"
                 "2026-01-01T00:00:00Z</lifetime></BootstrappingInfo>", UTSEC_ERR_UNSUPPORTED);
    body_case(f, "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>a@b</btid><lifetime>"
                 "2026-01-01T00:00:00</lifetime></BootstrappingInfo>", UTSEC_ERR_BAD_TIME);
    /* a lifetime already over (with the right B-TID) */
    body_case(f, "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>" BTID_SET1 "</btid>"
                 "<lifetime>2025-12-31T22:59:59Z</lifetime></BootstrappingInfo>",
              UTSEC_ERR_EXPIRED);
    fx_free(f);
}

#define INFO_DOC(btid)                                                              \
    "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>" btid "</btid><lifetime>"    \
    "2026-01-01T00:00:00Z</lifetime></BootstrappingInfo>"

/* TS 33.220 §4.5.2: B-TID = base64(RAND)@BSF host, for this run's RAND. */
static void btid_must_match_run(void **state)
{
    struct fx *f = fx_new(1);
    char btid[UTSEC_BOOT_BTID_MAX + 1];

    (void)state;
    /* the control: same route, the B-TID of this RAND and host */
    body_case(f, INFO_DOC(BTID_SET1), 0);
    /* another RAND (last octet 0x34 instead of 0x35) */
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NA==@bsf.mnc001.mcc001.pub.3gppnetwork.org"),
              UTSEC_ERR_BTID_MISMATCH);
    /* another BSF host, a sub-domain of it, a host without the BSF's name */
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.net"), UTSEC_ERR_BTID_MISMATCH);
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NQ==@x.bsf.mnc001.mcc001.pub.3gppnetwork.org"),
              UTSEC_ERR_BTID_MISMATCH);
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.or"),
              UTSEC_ERR_BTID_MISMATCH);
    /* not of the form at all: no '@', bad base64, RAND part too long */
    body_case(f, INFO_DOC("a@b"), UTSEC_ERR_BTID_MISMATCH);
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NQ=="), UTSEC_ERR_BTID_MISMATCH);
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NR==@bsf.mnc001.mcc001.pub.3gppnetwork.org"),
              UTSEC_ERR_BTID_MISMATCH);
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NQ==A@bsf.mnc001.mcc001.pub.3gppnetwork.org"),
              UTSEC_ERR_BTID_MISMATCH);
    /* DNS names are case-insensitive: the host in capitals is the same BSF */
    body_case(f, INFO_DOC("I1U8vpY3qJ0hiuZNrke/NQ==@BSF.mnc001.MCC001.pub.3gppnetwork.ORG"), 0);
    assert_int_equal(utsec_boot_ue_btid(&f->ue, btid, sizeof(btid), NULL, NULL), 0);
    assert_string_equal(btid, "I1U8vpY3qJ0hiuZNrke/NQ==@BSF.mnc001.MCC001.pub.3gppnetwork.ORG");
    /* ... but the base64 part is compared exactly */
    body_case(f, INFO_DOC("i1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org"),
              UTSEC_ERR_BTID_MISMATCH);
    assert_string_equal(utsec_strerror(UTSEC_ERR_BTID_MISMATCH),
                        "B-TID is not base64(RAND)@BSF host of this run");
    fx_free(f);
}

static void expiry_and_renegotiation(void **state)
{
    struct fx *f = fx_new(1);
    uint8_t naf_id[64], key[32];
    size_t n = selfgen_naf_id(naf_id, sizeof(naf_id));
    char btid[UTSEC_BOOT_BTID_MAX + 1];
    utsec_boot_ctx_t c;

    (void)state;
    bootstrap_set1(f);
    test_clock = T_2026 - 1;
    assert_int_equal(utsec_boot_ue_check(&f->ue), 0);
    test_clock = T_2026; /* TS 33.220 §4.5.2: not used at or after the lifetime */
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_ME, key),
                     UTSEC_ERR_RENEGOTIATE);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_RENEGOTIATE);
    assert_true(tu_all_zero(&f->ue.boot, sizeof(f->ue.boot)));
    test_clock = T_2026 - 10; /* a clock going back does not revive the keys */
    assert_int_equal(utsec_boot_ue_check(&f->ue), UTSEC_ERR_RENEGOTIATE);
    assert_int_equal(utsec_boot_ue_btid(&f->ue, btid, sizeof(btid), NULL, NULL),
                     UTSEC_ERR_RENEGOTIATE);
    assert_int_equal(utsec_boot_ue_export(&f->ue, &c), UTSEC_ERR_RENEGOTIATE);
    assert_int_equal(utsec_boot_ue_renegotiate(&f->ue), 0);

    /* a NAF refuses the B-TID: the caller says so, the keys go */
    test_clock = T_2026 - 3600;
    bootstrap_set1(f);
    assert_int_equal(utsec_boot_ue_renegotiate(&f->ue), 0);
    assert_int_equal(utsec_boot_ue_ua_password(&f->ue, S(selfgen_naf), UTSEC_GBA_UA_HTTP_DIGEST,
                                               UTSEC_GBA_VARIANT_ME, btid, sizeof(btid)),
                     UTSEC_ERR_RENEGOTIATE);
    assert_true(tu_all_zero(&f->ue.boot, sizeof(f->ue.boot)));
    /* start again: the old keys are gone for good; a new run works */
    start(f);
    assert_int_equal(utsec_boot_ue_check(&f->ue), UTSEC_ERR_STATE);
    fx_free(f);
}

/* A saved bootstrapping restored into a fresh context (an application
 * restart): the same keys come out (FACTS §8.3); every refusal leaves the
 * context as it was. */
static void export_import(void **state)
{
    struct fx *f = fx_new(1);
    static utsec_boot_ue_t ue2;
    utsec_boot_ctx_t c, bad;
    uint8_t naf_id[64], key[32];
    size_t n = selfgen_naf_id(naf_id, sizeof(naf_id)), bl = 0;
    char btid[UTSEC_BOOT_BTID_MAX + 1];
    utsec_boot_ue_config_t cfg2;

    (void)state;
    bootstrap_set1(f);
    assert_int_equal(utsec_boot_ue_export(&f->ue, &c), 0);
    assert_int_equal(utsec_boot_ue_init(&ue2, &f->cfg), 0);
    assert_int_equal(utsec_boot_ue_import(NULL, &c), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_ue_import(&ue2, NULL), UTSEC_ERR_INVALID_ARG);

    /* malformed contexts */
    bad = c;
    bad.btid_len = 0;
    assert_int_equal(utsec_boot_ue_import(&ue2, &bad), UTSEC_ERR_INVALID_ARG);
    bad = c;
    bad.btid[bad.btid_len] = 'x';
    assert_int_equal(utsec_boot_ue_import(&ue2, &bad), UTSEC_ERR_INVALID_ARG);
    bad = c;
    bad.impi_len = UTSEC_BOOT_IMPI_MAX + 1;
    assert_int_equal(utsec_boot_ue_import(&ue2, &bad), UTSEC_ERR_INVALID_ARG);
    bad = c;
    bad.n_ids = 1;
    memset(bad.ids[0], 'a', sizeof(bad.ids[0]));
    assert_int_equal(utsec_boot_ue_import(&ue2, &bad), UTSEC_ERR_INVALID_ARG);
    /* someone else's context */
    bad = c;
    bad.impi[0] ^= 1;
    assert_int_equal(utsec_boot_ue_import(&ue2, &bad), UTSEC_ERR_IMPI_MISMATCH);
    /* RAND that is not the B-TID's, or a B-TID of another BSF */
    bad = c;
    bad.rand[15] ^= 1;
    assert_int_equal(utsec_boot_ue_import(&ue2, &bad), UTSEC_ERR_BTID_MISMATCH);
    cfg2 = f->cfg;
    cfg2.bsf_host = "bsf.example.net";
    cfg2.bsf_host_len = 15;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &cfg2), 0);
    assert_int_equal(utsec_boot_ue_import(&f->ue, &c), UTSEC_ERR_BTID_MISMATCH);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_IDLE);
    /* expired */
    test_clock = T_2026;
    assert_int_equal(utsec_boot_ue_import(&ue2, &c), UTSEC_ERR_EXPIRED);
    assert_int_equal(utsec_boot_ue_state(&ue2), UTSEC_BOOT_UE_IDLE);
    assert_true(tu_all_zero(&ue2.boot, sizeof(ue2.boot)));

    /* restored, also over a run in progress */
    test_clock = T_2026 - 60;
    assert_int_equal(utsec_boot_ue_start(&ue2, f->authz, sizeof(f->authz), NULL, f->ua,
                                         sizeof(f->ua), NULL), 0);
    assert_int_equal(utsec_boot_ue_import(&ue2, &c), 0);
    utsec_boot_ctx_wipe(&c);
    assert_int_equal(utsec_boot_ue_state(&ue2), UTSEC_BOOT_UE_BOOTSTRAPPED);
    assert_int_equal(utsec_boot_ue_btid(&ue2, btid, sizeof(btid), &bl, NULL), 0);
    assert_string_equal(btid, BTID_SET1);
    assert_int_equal(utsec_boot_ue_ks_naf(&ue2, naf_id, n, UTSEC_GBA_VARIANT_ME, key), 0);
    assert_hex_equal(key, 32, selfgen_ks_naf);
    /* and it still expires */
    test_clock = T_2026;
    assert_int_equal(utsec_boot_ue_check(&ue2), UTSEC_ERR_RENEGOTIATE);
    utsec_wipe(key, sizeof(key));
    utsec_boot_ue_free(&ue2);
    fx_free(f);
}

static void out_of_order(void **state)
{
    struct fx *f = fx_new(1);
    uint8_t naf_id[64], key[32];
    size_t n = selfgen_naf_id(naf_id, sizeof(naf_id));
    int i;

    (void)state;
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_check(&f->ue), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_renegotiate(&f->ue), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_ME, key),
                     UTSEC_ERR_STATE);
    start(f);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), UTSEC_ERR_STATE);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_SENT_INITIAL);
    /* a garbage 401 leaves the state alone */
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S("Basic realm=x"), f->authz,
                                          sizeof(f->authz), NULL, NULL), UTSEC_ERR_NO_CHALLENGE);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S("Digest realm=\"bsf.mnc001.mcc001.pub."
                                                    "3gppnetwork.org\", nonce=\"abc\", "
                                                    "algorithm=MD5"), f->authz,
                                          sizeof(f->authz), NULL, NULL), UTSEC_ERR_NO_CHALLENGE);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_SENT_INITIAL);
    /* a realm other than the home domain we asked for */
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S("Digest realm=\"evil.example\", "
                                                    "nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5"
                                                    "Sp/6w1Tfr7M=\", algorithm=AKAv1-MD5, "
                                                    "qop=\"auth-int\""), f->authz,
                                          sizeof(f->authz), NULL, NULL), UTSEC_ERR_BOOTSTRAP);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    /* a BSF that challenges forever is given up on */
    start(f);
    for (i = 0; i < UTSEC_BOOT_UE_MAX_ROUNDS; i++)
        assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                              NULL, NULL), 0);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), UTSEC_ERR_BOOTSTRAP);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    assert_int_equal(utsec_boot_ue_state(NULL), UTSEC_BOOT_UE_FAILED);
    fx_free(f);
}

static int reader_error(void *ctx, const uint8_t rand[16], const uint8_t autn[16],
                        utsec_aka_ue_result_t *out)
{
    (void)ctx;
    (void)rand;
    (void)autn;
    memset(out->ck, 0x77, 16); /* junk the UE must not keep */
    return UTSEC_ERR_CALLBACK;
}

/* After the USIM ran (or failed), an error ends the run: nothing is half-kept. */
static void usim_error_ends_run(void **state)
{
    struct fx *f = fx_new(1);
    int i;

    (void)state;
    f->cfg.usim = reader_error;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), 0);
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), UTSEC_ERR_CALLBACK);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    assert_true(tu_all_zero(&f->ue.aka, sizeof(f->ue.aka)));
    /* a buffer too small for the answer, after RES was computed */
    f->cfg.usim = utsec_aka_soft_usim;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->cfg), 0);
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, 64, NULL, NULL),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    assert_true(tu_all_zero(&f->ue.aka, sizeof(f->ue.aka)));
    /* while a RES is pending, a second 401 the card cannot answer ends the run
     * (the first answer's keys are not kept for a later 200) */
    start(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), 0);
    f->ue.usim = reader_error;
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, S(www_set1), f->authz, sizeof(f->authz),
                                          NULL, NULL), UTSEC_ERR_CALLBACK);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, S(info_set1), S(body_set1)), UTSEC_ERR_STATE);
    for (i = 0; i < 16; i++)
        assert_int_equal(f->ue.boot.ks[i], 0);
    fx_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_request),
        cmocka_unit_test(init_errors),
        cmocka_unit_test(success_set1),
        cmocka_unit_test(sync_failure_auts),
        cmocka_unit_test(mac_failure_stops),
        cmocka_unit_test(bad_rspauth),
        cmocka_unit_test(malformed_info),
        cmocka_unit_test(btid_must_match_run),
        cmocka_unit_test(expiry_and_renegotiation),
        cmocka_unit_test(export_import),
        cmocka_unit_test(out_of_order),
        cmocka_unit_test(usim_error_ends_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
