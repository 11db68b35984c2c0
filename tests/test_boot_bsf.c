/*
 * Ub end to end in memory: the UE state machine (software USIM over TS
 * 35.208 Set 1 Milenage) against the BSF state machine (an HSS callback on
 * utsec_aka_vector_generate / utsec_aka_resync, the in-memory context
 * store), then the Zn lookup. Success, SQN resynchronisation, MAC failure,
 * bad rspauth, wrong RES, expiry and renegotiation, request errors.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "boot_test_util.h"

#include <stdio.h>

#define IND_BITS 5

struct hss {
    utsec_aka_key_t key;
    uint64_t seq;      /* next SEQ to issue */
    tu_rng_t rng;
    int tamper_autn;   /* flip a MAC-A bit (network authentication failure) */
    unsigned av_calls, resync_calls;
};

static int hss_av(void *ctx, const char *impi, size_t len, utsec_aka_vector_t *av)
{
    static const uint8_t amf[2] = {0xb9, 0xb9};
    struct hss *h = ctx;
    uint8_t sqn[6];
    int rc;

    h->av_calls++;
    if (len != strlen(selfgen_impi) || memcmp(impi, selfgen_impi, len) != 0)
        return UTSEC_ERR_NOT_FOUND;
    rc = utsec_aka_sqn_compose(h->seq++, 0, IND_BITS, sqn);
    if (rc == 0)
        rc = utsec_aka_vector_generate(&h->key, tu_rng_fn, &h->rng, sqn, amf, av);
    if (rc == 0 && h->tamper_autn)
        av->autn[15] ^= 1;
    return rc;
}

static int hss_resync(void *ctx, const char *impi, size_t len, const uint8_t rand[16],
                      const uint8_t auts[14], utsec_aka_vector_t *av)
{
    struct hss *h = ctx;
    uint8_t next[6];
    uint64_t v = 0;
    int rc, i;

    h->resync_calls++;
    rc = utsec_aka_resync(&h->key, rand, auts, IND_BITS, NULL, next);
    if (rc != 0)
        return rc;
    for (i = 0; i < 6; i++)
        v = (v << 8) | next[i];
    h->seq = v >> IND_BITS;
    return hss_av(ctx, impi, len, av);
}

static const char impu[] = "sip:+15551234567@ims.mnc001.mcc001.3gppnetwork.org";

/* When non-zero, the USS gives this subscriber a key lifetime of its own. */
static int64_t uss_lifetime;

static int uss(void *ctx, utsec_boot_ctx_t *c)
{
    (void)ctx;
    c->uicc = 1;
    if (uss_lifetime != 0)
        c->lifetime = c->boot_time + uss_lifetime;
    return utsec_boot_ctx_add_id(c, S(impu));
}

/* A USIM that answers with a wrong RES when asked to. */
struct usim {
    utsec_aka_soft_usim_t soft;
    int wrong_res;
};

static int usim_fn(void *ctx, const uint8_t rand[16], const uint8_t autn[16],
                   utsec_aka_ue_result_t *out)
{
    struct usim *u = ctx;
    int rc = utsec_aka_soft_usim(&u->soft, rand, autn, out);

    if (rc == 0 && u->wrong_res) {
        out->res[0] ^= 1;
        u->wrong_res = 0;
    }
    return rc;
}

struct fx {
    struct hss hss;
    utsec_aka_key_t ue_key;
    utsec_aka_sqn_state_t sqn;
    struct usim usim;
    utsec_boot_ue_config_t ucfg;
    utsec_boot_ue_t ue;
    utsec_boot_ctx_t slots[4];
    utsec_boot_mem_t mem;
    utsec_boot_store_t store;
    utsec_boot_bsf_pending_t pending[4];
    utsec_digest_replay_entry_t replay[8];
    utsec_boot_bsf_config_t bcfg;
    utsec_boot_bsf_t bsf;
    utsec_boot_bsf_reply_t r;
    tu_rng_t bsf_rng;
    char authz[UTSEC_BOOT_UE_AUTHZ_SIZE];
    char ua[UTSEC_BOOT_UE_UA_SIZE];
    size_t len;
};

static const uint8_t secret[16] = "0123456789abcdef";

static struct fx *fx_new(void)
{
    static struct fx f;

    memset(&f, 0, sizeof(f));
    test_clock = T_2026;
    set1_key(&f.hss.key);
    f.hss.seq = 1;
    tu_rng_seed(&f.hss.rng, 7);
    set1_key(&f.ue_key);
    assert_int_equal(utsec_aka_sqn_init(&f.sqn, IND_BITS, UTSEC_AKA_DELTA_DEFAULT, 0), 0);
    f.usim.soft.key = &f.ue_key;
    f.usim.soft.sqn = &f.sqn;
    f.ucfg.impi = selfgen_impi;
    f.ucfg.impi_len = strlen(selfgen_impi);
    f.ucfg.bsf_host = selfgen_bsf;
    f.ucfg.bsf_host_len = strlen(selfgen_bsf);
    f.ucfg.tmpi_capable = 1;
    f.ucfg.usim = usim_fn;
    f.ucfg.usim_ctx = &f.usim;
    f.ucfg.rng = cnonce_rng;
    f.ucfg.time = fake_time;
    assert_int_equal(utsec_boot_ue_init(&f.ue, &f.ucfg), 0);

    assert_int_equal(utsec_boot_mem_init(&f.mem, f.slots, 4, fake_time, NULL, &f.store), 0);
    tu_rng_seed(&f.bsf_rng, 99);
    f.bcfg.bsf_host = selfgen_bsf;
    f.bcfg.bsf_host_len = strlen(selfgen_bsf);
    f.bcfg.realm = selfgen_bsf;
    f.bcfg.realm_len = strlen(selfgen_bsf);
    f.bcfg.secret = secret;
    f.bcfg.secret_len = sizeof(secret);
    f.bcfg.key_lifetime = 3600;
    f.bcfg.rng = tu_rng_fn;
    f.bcfg.rng_ctx = &f.bsf_rng;
    f.bcfg.time = fake_time;
    f.bcfg.hss_av = hss_av;
    f.bcfg.hss_resync = hss_resync;
    f.bcfg.hss_ctx = &f.hss;
    f.bcfg.uss = uss;
    f.bcfg.store = &f.store;
    f.bcfg.pending = f.pending;
    f.bcfg.n_pending = 4;
    f.bcfg.replay = f.replay;
    f.bcfg.n_replay = 8;
    assert_int_equal(utsec_boot_bsf_init(&f.bsf, &f.bcfg), 0);
    return &f;
}

static void fx_free(struct fx *f)
{
    utsec_boot_ue_free(&f->ue);
    utsec_boot_bsf_free(&f->bsf);
    assert_true(tu_all_zero(f->pending, sizeof(f->pending)));
    utsec_boot_mem_free(&f->mem);
    utsec_aka_key_free(&f->hss.key);
    utsec_aka_key_free(&f->ue_key);
}

static int bsf(struct fx *f, const char *authz)
{
    return utsec_boot_bsf_handle(&f->bsf, S("GET"), S("/"), authz,
                                 authz != NULL ? strlen(authz) : 0, &f->r);
}

/* First request and the BSF's 401. */
static void first_round(struct fx *f)
{
    assert_int_equal(utsec_boot_ue_start(&f->ue, f->authz, sizeof(f->authz), NULL, f->ua,
                                         sizeof(f->ua), NULL), 0);
    assert_int_equal(bsf(f, f->authz), 0);
    assert_int_equal(f->r.status, 401);
    assert_int_equal(f->r.event, UTSEC_BOOT_BSF_CHALLENGED);
    assert_non_null(f->r.www_authenticate);
    assert_non_null(strstr(f->r.www_authenticate, "algorithm=AKAv1-MD5"));
    assert_non_null(strstr(f->r.www_authenticate, "qop=\"auth-int\""));
    assert_non_null(strstr(f->r.www_authenticate,
                           "realm=\"bsf.mnc001.mcc001.pub.3gppnetwork.org\""));
}

static void ue_answers(struct fx *f, int want_resync)
{
    int resync = -1;

    assert_int_equal(utsec_boot_ue_on_401(&f->ue, f->r.www_authenticate,
                                          strlen(f->r.www_authenticate), f->authz,
                                          sizeof(f->authz), NULL, &resync), 0);
    assert_int_equal(resync, want_resync);
}

/* Both sides agree: Ks, RAND, B-TID; Zn gives the UE's Ks_NAF. */
static void check_agreement(struct fx *f)
{
    utsec_boot_ctx_t u, b;
    utsec_boot_zn_answer_t zn;
    uint8_t naf_id[64], k[32];
    size_t n = selfgen_naf_id(naf_id, sizeof(naf_id));
    char want_btid[64];

    assert_int_equal(utsec_boot_ue_export(&f->ue, &u), 0);
    assert_string_equal(u.btid, f->r.btid);
    assert_int_equal(f->store.get(f->store.ctx, u.btid, u.btid_len, &b), 0);
    assert_memory_equal(u.ks, b.ks, 32);
    assert_false(tu_all_zero(u.ks, 32));
    assert_memory_equal(u.rand, b.rand, 16);
    assert_string_equal(b.impi, selfgen_impi);
    assert_int_equal(u.lifetime, b.lifetime);
    assert_int_equal(b.lifetime, test_clock + 3600);
    assert_int_equal(f->r.lifetime, b.lifetime);
    /* B-TID = base64(RAND)@BSF host (TS 33.220 §4.5.2) */
    assert_int_equal(utsec_gba_btid_build(b.rand, S(selfgen_bsf), want_btid, sizeof(want_btid),
                                          NULL), 0);
    assert_string_equal(b.btid, want_btid);
    /* Ks = CK || IK of the vector (recomputed from RAND with Set 1) */
    {
        static const uint8_t amf[2] = {0xb9, 0xb9};
        uint8_t sqn[6] = {0};
        utsec_aka_vector_t av;
        assert_int_equal(utsec_aka_vector_from_rand(&f->hss.key, b.rand, sqn, amf, &av), 0);
        assert_memory_equal(b.ks, av.ck, 16);
        assert_memory_equal(b.ks + 16, av.ik, 16);
        utsec_aka_vector_wipe(&av);
    }
    assert_int_equal(utsec_boot_zn_lookup(&f->store, u.btid, u.btid_len, naf_id, n,
                                          UTSEC_GBA_VARIANT_ME, test_clock, &zn), 0);
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_ME, k), 0);
    assert_memory_equal(zn.key, k, 32);
    assert_int_equal(zn.n_ids, 1);
    assert_string_equal(zn.ids[0], impu);
    assert_int_equal(utsec_boot_zn_lookup(&f->store, u.btid, u.btid_len, naf_id, n,
                                          UTSEC_GBA_VARIANT_U_INT, test_clock, &zn), 0);
    assert_int_equal(utsec_boot_ue_ks_naf(&f->ue, naf_id, n, UTSEC_GBA_VARIANT_U_INT, k), 0);
    assert_memory_equal(zn.key, k, 32);
    utsec_wipe(&zn, sizeof(zn));
    utsec_wipe(k, sizeof(k));
    utsec_boot_ctx_wipe(&u);
    utsec_boot_ctx_wipe(&b);
}

static void finish(struct fx *f)
{
    assert_int_equal(bsf(f, f->authz), 0);
    assert_int_equal(f->r.status, 200);
    assert_int_equal(f->r.event, UTSEC_BOOT_BSF_BOOTSTRAPPED);
    assert_string_equal(f->r.content_type, "application/vnd.3gpp.bsf+xml");
    assert_non_null(strstr(f->r.auth_info, "rspauth=\""));
    assert_non_null(strstr(f->r.auth_info, "qop=auth-int"));
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, f->r.auth_info, strlen(f->r.auth_info),
                                          f->r.body, f->r.body_len), 0);
    check_agreement(f);
}

static void success(void **state)
{
    struct fx *f = fx_new();

    (void)state;
    first_round(f);
    ue_answers(f, 0);
    finish(f);
    assert_int_equal(f->hss.av_calls, 1);
    /* the vector is spent: the same answer again is refused, and challenged */
    assert_int_equal(bsf(f, f->authz), UTSEC_ERR_AUTH_FAILED);
    assert_int_equal(f->r.status, 401);
    fx_free(f);
}

/* The USS may set a per-subscriber lifetime: the 200's BootstrappingInfo,
 * the reply and the stored context all carry it. */
static void uss_sets_lifetime(void **state)
{
    struct fx *f = fx_new();
    utsec_boot_ctx_t b;
    utsec_boot_info_t info;
    int64_t lt = 0;
    char btid[UTSEC_BOOT_BTID_MAX + 1];

    (void)state;
    uss_lifetime = 3;
    first_round(f);
    ue_answers(f, 0);
    assert_int_equal(bsf(f, f->authz), 0);
    uss_lifetime = 0;
    assert_int_equal(f->r.status, 200);
    assert_int_equal(f->r.lifetime, T_2026 + 3);
    assert_int_equal(utsec_boot_info_parse(f->r.body, f->r.body_len, &info), 0);
    assert_int_equal(info.lifetime, T_2026 + 3);
    assert_int_equal(f->store.get(f->store.ctx, f->r.btid, strlen(f->r.btid), &b), 0);
    assert_int_equal(b.lifetime, T_2026 + 3);
    utsec_boot_ctx_wipe(&b);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, f->r.auth_info, strlen(f->r.auth_info),
                                          f->r.body, f->r.body_len), 0);
    assert_int_equal(utsec_boot_ue_btid(&f->ue, btid, sizeof(btid), NULL, &lt), 0);
    assert_int_equal(lt, T_2026 + 3);
    test_clock = T_2026 + 3;
    assert_int_equal(utsec_boot_ue_check(&f->ue), UTSEC_ERR_RENEGOTIATE);
    fx_free(f);
}

/* A UE that expects another BSF host refuses the B-TID this BSF issues
 * (TS 33.220 §4.5.2), though rspauth verifies. */
static void ue_refuses_foreign_btid(void **state)
{
    struct fx *f = fx_new();

    (void)state;
    utsec_boot_ue_free(&f->ue);
    f->ucfg.bsf_host = "bsf2.mnc001.mcc001.pub.3gppnetwork.org";
    f->ucfg.bsf_host_len = strlen(f->ucfg.bsf_host);
    f->ucfg.realm = selfgen_bsf; /* same realm: the 401 is taken */
    f->ucfg.realm_len = strlen(selfgen_bsf);
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->ucfg), 0);
    first_round(f);
    ue_answers(f, 0);
    assert_int_equal(bsf(f, f->authz), 0);
    assert_int_equal(f->r.status, 200);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, f->r.auth_info, strlen(f->r.auth_info),
                                          f->r.body, f->r.body_len), UTSEC_ERR_BTID_MISMATCH);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    fx_free(f);
}

static void resync(void **state)
{
    struct fx *f = fx_new();
    uint8_t sqn[6];

    (void)state;
    /* the card has seen SEQ 100; the HSS is at SEQ 1 */
    assert_int_equal(utsec_aka_sqn_compose(100, 0, IND_BITS, sqn), 0);
    assert_int_equal(utsec_aka_sqn_accept(&f->sqn, sqn), 0);
    first_round(f);
    ue_answers(f, 1);
    assert_non_null(strstr(f->authz, "auts=\""));
    assert_int_equal(bsf(f, f->authz), 0);
    assert_int_equal(f->r.status, 401);
    assert_int_equal(f->r.event, UTSEC_BOOT_BSF_RESYNCED);
    assert_int_equal(f->hss.resync_calls, 1);
    assert_true(f->hss.seq > 101);
    ue_answers(f, 0);
    finish(f);
    fx_free(f);
}

static void resync_mac_s_failure(void **state)
{
    struct fx *f = fx_new();
    uint8_t sqn[6];
    char *p;

    (void)state;
    assert_int_equal(utsec_aka_sqn_compose(100, 0, IND_BITS, sqn), 0);
    assert_int_equal(utsec_aka_sqn_accept(&f->sqn, sqn), 0);
    first_round(f);
    ue_answers(f, 1);
    /* AUTS is not covered by the response: change one base64 character */
    p = strstr(f->authz, "auts=\"");
    assert_non_null(p);
    p[6] = p[6] == 'A' ? 'B' : 'A';
    assert_int_equal(bsf(f, f->authz), UTSEC_ERR_MAC_S_FAILURE);
    assert_int_equal(f->r.status, 403);
    assert_int_equal(f->r.event, UTSEC_BOOT_BSF_REJECTED);
    assert_null(f->r.www_authenticate);
    fx_free(f);
}

static void mac_failure(void **state)
{
    struct fx *f = fx_new();

    (void)state;
    f->hss.tamper_autn = 1;
    first_round(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, f->r.www_authenticate,
                                          strlen(f->r.www_authenticate), f->authz,
                                          sizeof(f->authz), NULL, NULL), UTSEC_ERR_MAC_FAILURE);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    assert_int_equal(f->sqn.sqn_ms, 0); /* the card accepted nothing */
    fx_free(f);
}

static void bad_rspauth(void **state)
{
    struct fx *f = fx_new();
    char info[512];
    char *p;

    (void)state;
    first_round(f);
    ue_answers(f, 0);
    assert_int_equal(bsf(f, f->authz), 0);
    assert_int_equal(f->r.status, 200);
    snprintf(info, sizeof(info), "%s", f->r.auth_info);
    p = strstr(info, "rspauth=\"");
    assert_non_null(p);
    p[9] = p[9] == '0' ? '1' : '0';
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, info, strlen(info), f->r.body, f->r.body_len),
                     UTSEC_ERR_RSPAUTH);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    fx_free(f);
}

static void wrong_res(void **state)
{
    struct fx *f = fx_new();
    char old[UTSEC_BOOT_UE_AUTHZ_SIZE];

    (void)state;
    first_round(f);
    f->usim.wrong_res = 1;
    ue_answers(f, 0);
    snprintf(old, sizeof(old), "%s", f->authz);
    assert_int_equal(bsf(f, f->authz), UTSEC_ERR_AUTH_FAILED);
    assert_int_equal(f->r.status, 401);
    assert_int_equal(f->r.event, UTSEC_BOOT_BSF_CHALLENGED);
    assert_int_equal(f->hss.av_calls, 2); /* a fresh vector */
    /* the UE answers the new challenge correctly */
    ue_answers(f, 0);
    finish(f);
    /* the first (wrong) answer, replayed, gets nothing */
    assert_int_equal(bsf(f, old), UTSEC_ERR_AUTH_FAILED);
    assert_int_equal(f->r.status, 401);
    fx_free(f);
}

static void expiry_renegotiation(void **state)
{
    struct fx *f = fx_new();
    utsec_boot_zn_answer_t zn;
    uint8_t naf_id[64];
    size_t n = selfgen_naf_id(naf_id, sizeof(naf_id));
    char old_btid[UTSEC_BOOT_BTID_MAX + 1];

    (void)state;
    first_round(f);
    ue_answers(f, 0);
    finish(f);
    snprintf(old_btid, sizeof(old_btid), "%s", f->r.btid);
    test_clock += 3600;
    assert_int_equal(utsec_boot_ue_check(&f->ue), UTSEC_ERR_RENEGOTIATE);
    assert_int_equal(utsec_boot_zn_lookup(&f->store, old_btid, strlen(old_btid), naf_id, n,
                                          UTSEC_GBA_VARIANT_ME, test_clock, &zn),
                     UTSEC_ERR_EXPIRED);
    /* bootstrap again: a new B-TID, the old one stays dead */
    first_round(f);
    ue_answers(f, 0);
    finish(f);
    assert_string_not_equal(f->r.btid, old_btid);
    assert_int_not_equal(utsec_boot_zn_lookup(&f->store, old_btid, strlen(old_btid), naf_id, n,
                                              UTSEC_GBA_VARIANT_ME, test_clock, &zn), 0);
    fx_free(f);
}

static void request_errors(void **state)
{
    struct fx *f = fx_new();
    char other[UTSEC_BOOT_UE_AUTHZ_SIZE];
    utsec_boot_bsf_t bsf2;

    (void)state;
    assert_int_equal(bsf(f, NULL), UTSEC_ERR_PARSE);
    assert_int_equal(f->r.status, 400);
    assert_int_equal(bsf(f, "Basic dXNlcjpwYXNz"), UTSEC_ERR_PARSE);
    assert_int_equal(f->r.status, 400);
    assert_int_equal(bsf(f, "Digest username=\"nobody@example.org\", realm=\"bsf.mnc001.mcc001."
                            "pub.3gppnetwork.org\", nonce=\"\", uri=\"/\", response=\"\""),
                     UTSEC_ERR_UNKNOWN_ID);
    assert_int_equal(f->r.status, 403);
    assert_int_equal(utsec_boot_bsf_handle(&f->bsf, S("GET"), S("/"), NULL, 0, NULL),
                     UTSEC_ERR_INVALID_ARG);
    /* the answer sent to another URI */
    first_round(f);
    ue_answers(f, 0);
    assert_int_equal(utsec_boot_bsf_handle(&f->bsf, S("GET"), S("/other"), f->authz,
                                           strlen(f->authz), &f->r), UTSEC_ERR_URI_MISMATCH);
    assert_int_equal(f->r.status, 400);
    /* an answer to another BSF's nonce: refused and challenged */
    snprintf(other, sizeof(other), "%s", f->authz);
    f->bcfg.secret = (const uint8_t *)"fedcba9876543210";
    assert_int_equal(utsec_boot_bsf_init(&bsf2, &f->bcfg), 0);
    assert_int_equal(utsec_boot_bsf_handle(&bsf2, S("GET"), S("/"), other, strlen(other), &f->r),
                     UTSEC_ERR_NONCE);
    assert_int_equal(f->r.status, 401);
    utsec_boot_bsf_free(&bsf2);
    /* init errors */
    f->bcfg.hss_av = NULL;
    assert_int_equal(utsec_boot_bsf_init(&bsf2, &f->bcfg), UTSEC_ERR_INVALID_ARG);
    f->bcfg.hss_av = hss_av;
    f->bcfg.bsf_host = "-bad-";
    f->bcfg.bsf_host_len = 5;
    assert_int_equal(utsec_boot_bsf_init(&bsf2, &f->bcfg), UTSEC_ERR_BAD_HOST);
    f->bcfg.bsf_host = selfgen_bsf;
    f->bcfg.bsf_host_len = strlen(selfgen_bsf);
    f->bcfg.key_lifetime = 0;
    assert_int_equal(utsec_boot_bsf_init(&bsf2, &f->bcfg), UTSEC_ERR_INVALID_ARG);
    utsec_boot_bsf_free(NULL);
    fx_free(f);
}

/* An answer after the nonce lifetime: stale=true and a fresh vector. */
static void stale_nonce(void **state)
{
    struct fx *f = fx_new();

    (void)state;
    first_round(f);
    ue_answers(f, 0);
    test_clock += 301; /* default nonce lifetime 300 s */
    assert_int_equal(bsf(f, f->authz), UTSEC_ERR_STALE);
    assert_int_equal(f->r.status, 401);
    assert_non_null(strstr(f->r.www_authenticate, "stale=true"));
    assert_int_equal(f->hss.av_calls, 2);
    ue_answers(f, 0);
    finish(f);
    fx_free(f);
}

/* The pending table is bounded: the oldest challenge is evicted, and its
 * answer then fails like a wrong one. */
static void pending_eviction(void **state)
{
    struct fx *f = fx_new();
    static char old[UTSEC_BOOT_UE_AUTHZ_SIZE];
    static const char first[] = "Digest username=\"001010123456789@ims.mnc001.mcc001."
                                "3gppnetwork.org\", realm=\"bsf.mnc001.mcc001.pub."
                                "3gppnetwork.org\", nonce=\"\", uri=\"/\", response=\"\"";
    int i;

    (void)state;
    first_round(f);
    ue_answers(f, 0);
    snprintf(old, sizeof(old), "%s", f->authz);
    for (i = 0; i < 4; i++) { /* four more challenges fill the 4 entries */
        test_clock++;
        assert_int_equal(bsf(f, first), 0);
        assert_int_equal(f->r.status, 401);
    }
    assert_int_equal(bsf(f, old), UTSEC_ERR_AUTH_FAILED);
    assert_int_equal(f->r.status, 401);
    /* with room, the same sequence succeeds (control) */
    utsec_boot_bsf_free(&f->bsf);
    assert_int_equal(utsec_boot_bsf_init(&f->bsf, &f->bcfg), 0);
    first_round(f);
    ue_answers(f, 0);
    snprintf(old, sizeof(old), "%s", f->authz);
    for (i = 0; i < 3; i++)
        assert_int_equal(bsf(f, first), 0);
    assert_int_equal(bsf(f, old), 0);
    assert_int_equal(f->r.status, 200);
    fx_free(f);
}

/* RES/XRES with 0x00 octets (leading and inside), 4 octets: the password is
 * binary, never a C string (ANCHORS: Metaswitch/sprout#1599). */
static const uint8_t zres[4] = {0x00, 0xa5, 0x00, 0x11};

static int zero_usim(void *ctx, const uint8_t rand[16], const uint8_t autn[16],
                     utsec_aka_ue_result_t *out)
{
    int *truncate = ctx;

    (void)rand;
    (void)autn;
    memcpy(out->res, zres, 4);
    out->res_len = *truncate ? 1 : 4; /* 1: what strlen-style code would send */
    memset(out->ck, 0xc1, 16);
    memset(out->ik, 0x1c, 16);
    return 0;
}

static int zero_hss(void *ctx, const char *impi, size_t len, utsec_aka_vector_t *av)
{
    (void)ctx;
    (void)impi;
    (void)len;
    memset(av, 0, sizeof(*av));
    memset(av->rand, 0x42, 16);
    memset(av->autn, 0x24, 16);
    memcpy(av->xres, zres, 4);
    av->xres_len = 4;
    memset(av->ck, 0xc1, 16);
    memset(av->ik, 0x1c, 16);
    return 0;
}

static void res_with_zero_octets(void **state)
{
    struct fx *f = fx_new();
    utsec_boot_ctx_t u;
    int truncate = 0;

    (void)state;
    f->ucfg.usim = zero_usim;
    f->ucfg.usim_ctx = &truncate;
    assert_int_equal(utsec_boot_ue_init(&f->ue, &f->ucfg), 0);
    utsec_boot_bsf_free(&f->bsf);
    f->bcfg.hss_av = zero_hss;
    assert_int_equal(utsec_boot_bsf_init(&f->bsf, &f->bcfg), 0);
    first_round(f);
    ue_answers(f, 0);
    assert_int_equal(bsf(f, f->authz), 0);
    assert_int_equal(f->r.status, 200);
    assert_int_equal(utsec_boot_ue_on_200(&f->ue, f->r.auth_info, strlen(f->r.auth_info),
                                          f->r.body, f->r.body_len), 0);
    assert_int_equal(utsec_boot_ue_export(&f->ue, &u), 0);
    assert_hex_equal(u.ks, 32, "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1"
                               "1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c");
    assert_string_equal(u.btid, "QkJCQkJCQkJCQkJCQkJCQg==@bsf.mnc001.mcc001.pub.3gppnetwork.org");
    utsec_boot_ctx_wipe(&u);
    /* a RES cut at its first 0x00 octet (1 octet) is not a RES: the UE
     * refuses to answer with it and ends the run */
    truncate = 1;
    first_round(f);
    assert_int_equal(utsec_boot_ue_on_401(&f->ue, f->r.www_authenticate,
                                          strlen(f->r.www_authenticate), f->authz,
                                          sizeof(f->authz), NULL, NULL), UTSEC_ERR_CALLBACK);
    assert_int_equal(utsec_boot_ue_state(&f->ue), UTSEC_BOOT_UE_FAILED);
    fx_free(f);
}

/* A forged nonce carrying a victim's RAND cannot spend the victim's vector. */
static void forged_nonce_keeps_vector(void **state)
{
    struct fx *f = fx_new();
    static char forged[UTSEC_BOOT_UE_AUTHZ_SIZE];
    char *p, *q;

    (void)state;
    first_round(f);
    ue_answers(f, 0);
    snprintf(forged, sizeof(forged), "%s", f->authz);
    p = strstr(forged, " nonce=\"");
    assert_non_null(p);
    q = strchr(p + 8, '"');
    assert_non_null(q);
    q[-5] = q[-5] == 'A' ? 'B' : 'A'; /* inside the nonce MAC, RAND intact */
    assert_int_equal(bsf(f, forged), UTSEC_ERR_NONCE);
    assert_int_equal(f->r.status, 401);
    /* the genuine answer still bootstraps */
    finish(f);
    fx_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(success),
        cmocka_unit_test(uss_sets_lifetime),
        cmocka_unit_test(ue_refuses_foreign_btid),
        cmocka_unit_test(resync),
        cmocka_unit_test(resync_mac_s_failure),
        cmocka_unit_test(mac_failure),
        cmocka_unit_test(bad_rspauth),
        cmocka_unit_test(wrong_res),
        cmocka_unit_test(expiry_renegotiation),
        cmocka_unit_test(request_errors),
        cmocka_unit_test(stale_nonce),
        cmocka_unit_test(pending_eviction),
        cmocka_unit_test(res_with_zero_octets),
        cmocka_unit_test(forged_nonce_keeps_vector),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
