/*
 * Heap-allocation counting (issue 8, docs/hardening.md): the library core
 * allocates nothing. This binary defines malloc/calloc/realloc/free itself,
 * so that every allocation of the process -- the static libutsec and the
 * shared mbedTLS alike -- goes through the counters below before reaching
 * glibc (__libc_malloc & co., which valgrind also tracks).
 *
 * The calls under test are a table: one row per call, {name, function,
 * expected return code}. A module adds its calls with one small function
 * and one row each (see docs/hardening.md). Error paths are rows too.
 *
 * Under AddressSanitizer the interposition would bypass ASan's allocator,
 * so the suite is skipped in `make test SANITIZE=1` (it runs in the plain,
 * clang and valgrind runs; under valgrind only allocations made by libutsec
 * itself are seen, since valgrind redirects those of shared libraries).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "support/testutil.h"

#include <stdlib.h>
#include <string.h>

#include <mbedtls/md.h>
#include <valgrind/valgrind.h>

#include "crypto.h"
#include "utsec/utsec.h"
#include "support/boot_fixture.h"

#if defined(__SANITIZE_ADDRESS__)
#define NOALLOC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NOALLOC_ASAN 1
#endif
#endif

/* volatile: GCC assumes that malloc/free leave the caller's globals alone
 * and would otherwise fold the counters across the calls. */
static volatile unsigned long n_alloc; /* malloc/calloc/realloc while armed */
static volatile unsigned long n_free;  /* free of non-NULL while armed */
static volatile int armed;

#ifndef NOALLOC_ASAN
/* glibc's own entry points (exported by libc.so.6, intercepted by valgrind). */
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t m);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

void *malloc(size_t n)
{
    if (armed)
        n_alloc++;
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t m)
{
    if (armed)
        n_alloc++;
    return __libc_calloc(n, m);
}

void *realloc(void *p, size_t n)
{
    if (armed)
        n_alloc++;
    return __libc_realloc(p, n);
}

void free(void *p)
{
    if (armed && p != NULL)
        n_free++;
    __libc_free(p);
}
#endif

static void arm(void)
{
    n_alloc = 0;
    n_free = 0;
    armed = 1;
}

static void disarm(void)
{
    armed = 0;
}

/* ---- fixed inputs (values do not matter here, only that calls succeed) ---- */

static const char impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char bsf[] = "bsf.mnc001.mcc001.pub.3gppnetwork.org";
static const uint8_t naf_id[] = "xcap.example.org\x01\x00\x00\x00\x02";
static const uint8_t key32[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
static const uint8_t rand16[16] = {0x23, 0x55, 0x3c, 0xbe, 0x96, 0x37};
static const uint8_t autn16[16] = {0xaa, 0x68, 0x9c, 0x64, 0x83, 0x70};
static const uint8_t auts14[14] = {0xde, 0xad, 0xbe, 0xef};

/* ---- one function per call under test ---- */

static int op_kdf(void)
{
    utsec_gba_param_t p[2] = {{rand16, 16}, {naf_id, sizeof(naf_id) - 1}};
    uint8_t out[32];

    return utsec_gba_kdf(key32, 32, 0x01, p, 2, out);
}

static int op_kdf_too_many(void)
{
    utsec_gba_param_t p[UTSEC_GBA_KDF_MAX_PARAMS + 1];
    uint8_t out[32];

    memset(p, 0, sizeof(p));
    return utsec_gba_kdf(key32, 32, 0x01, p, UTSEC_GBA_KDF_MAX_PARAMS + 1, out);
}

static int op_ks_naf(void)
{
    uint8_t out[32];

    return utsec_gba_ks_naf(key32, UTSEC_GBA_VARIANT_ME, rand16, impi,
                            sizeof(impi) - 1, naf_id, sizeof(naf_id) - 1, out);
}

static int op_ks_naf_ck_ik(void)
{
    uint8_t out[32];

    return utsec_gba_ks_naf_ck_ik(key32, key32 + 16, UTSEC_GBA_VARIANT_U_INT,
                                  rand16, impi, sizeof(impi) - 1, naf_id,
                                  sizeof(naf_id) - 1, out);
}

static int op_naf_id(void)
{
    uint8_t out[300];
    size_t n;

    return utsec_gba_naf_id("xcap.example.org", 16, UTSEC_GBA_UA_HTTP_DIGEST,
                            out, sizeof(out), &n);
}

static int op_digest_password(void)
{
    char out[UTSEC_BASE64_ENCODED_SIZE(32)];

    return utsec_gba_digest_password(key32, out, sizeof(out), NULL);
}

static int op_tmpi(void)
{
    char out[UTSEC_GBA_TMPI_SIZE];

    return utsec_gba_tmpi(key32, rand16, impi, sizeof(impi) - 1, bsf,
                          sizeof(bsf) - 1, out, sizeof(out), NULL);
}

static int op_btid_build(void)
{
    char out[UTSEC_GBA_BTID_MAX_SIZE];

    return utsec_gba_btid_build(rand16, bsf, sizeof(bsf) - 1, out, sizeof(out),
                                NULL);
}

static int op_btid_parse(void)
{
    static const char btid[] = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    uint8_t rnd[16];
    const char *host;
    size_t host_len;

    return utsec_gba_btid_parse(btid, sizeof(btid) - 1, rnd, &host, &host_len);
}

static int op_btid_parse_bad(void)
{
    uint8_t rnd[16];
    const char *host;
    size_t host_len;

    return utsec_gba_btid_parse("nope", 4, rnd, &host, &host_len);
}

static int op_gba_digest(void)
{
    uint8_t ks[32], out[32];
    int rc = utsec_gba_digest_ks(key32, 16, key32, 32, rand16, 16, ks);

    if (rc == 0)
        rc = utsec_gba_digest_passwd(key32, 16, key32, 32, out);
    if (rc == 0)
        rc = utsec_gba_digest_ks_naf(ks, rand16, 16, impi, sizeof(impi) - 1,
                                     naf_id, sizeof(naf_id) - 1, out);
    return rc;
}

static int op_akma(void)
{
    uint8_t k[32], out[32];
    int rc = utsec_gba_akma_kakma(key32, "001010123456789", 15, k);

    if (rc == 0)
        rc = utsec_gba_akma_atid(key32, "001010123456789", 15, out);
    if (rc == 0)
        rc = utsec_gba_akma_kaf(k, naf_id, sizeof(naf_id) - 1, out);
    return rc;
}

static int op_base64_encode(void)
{
    char out[UTSEC_BASE64_ENCODED_SIZE(32)];

    return utsec_base64_encode(key32, 32, out, sizeof(out), NULL);
}

static int op_base64_decode(void)
{
    uint8_t out[32];
    size_t n;

    return utsec_base64_decode("Zm9vYmFy", 8, out, sizeof(out), &n);
}

static int op_base64_decode_bad(void)
{
    uint8_t out[32];
    size_t n;

    return utsec_base64_decode("Zm9v YmFy", 9, out, sizeof(out), &n);
}

static int op_nonce_round_trip(void)
{
    char text[128];
    uint8_t r[16], a[16], sd[16];
    size_t n, sd_len;
    int rc = utsec_aka_nonce_encode(rand16, autn16, (const uint8_t *)"srv", 3,
                                    text, sizeof(text), &n);

    if (rc == 0)
        rc = utsec_aka_nonce_decode(text, n, r, a, sd, sizeof(sd), &sd_len);
    return rc;
}

static int op_auts_round_trip(void)
{
    char text[32];
    uint8_t auts[14];
    size_t n;
    int rc = utsec_aka_auts_encode(auts14, text, sizeof(text), &n);

    if (rc == 0)
        rc = utsec_aka_auts_decode(text, n, auts);
    return rc;
}

static int op_time_parse(void)
{
    static const char t[] = "2026-11-28T12:00:00+01:00";
    int64_t v;

    return utsec_gba_time_parse(t, sizeof(t) - 1, &v);
}

static int op_time_format(void)
{
    char out[UTSEC_GBA_TIME_SIZE];

    return utsec_gba_time_format(1795000000, out, sizeof(out), NULL);
}

static int op_hmac_all(void)
{
    static const utsec_hash_alg_t algs[] = {UTSEC_HASH_MD5, UTSEC_HASH_SHA256,
                                            UTSEC_HASH_SHA512_256};
    uint8_t longkey[200] = {0}, out[UTSEC_HASH_MAX_LEN];
    size_t i;
    int rc = 0;

    for (i = 0; rc == 0 && i < 3; i++)
        rc = utsec_hmac(algs[i], longkey, sizeof(longkey), naf_id,
                        sizeof(naf_id), out);
    return rc;
}

static int op_ct_equal(void)
{
    return utsec_ct_equal(key32, key32, 32) == 1 ? 0 : -1;
}

static int op_rng_default(void)
{
    utsec_rng_default_t rng;
    uint8_t out[64];
    int rc = utsec_rng_default_init(&rng, (const uint8_t *)"noalloc", 7);

    if (rc == 0)
        rc = utsec_rng_default(&rng, out, sizeof(out));
    utsec_rng_default_free(&rng);
    return rc;
}

/* ---- HTTP Digest (issue 4): codec, computation, client and server ---- */

static int64_t digest_time(void *ctx)
{
    (void)ctx;
    return 1000;
}

static int digest_rng(void *ctx, unsigned char *out, size_t len)
{
    (void)ctx;
    memset(out, 0x42, len);
    return 0;
}

static int digest_lookup(void *ctx, utsec_digest_cred_request_t *req, uint8_t *pw,
                         size_t size, size_t *len)
{
    (void)ctx;
    (void)req;
    (void)size;
    memcpy(pw, key32, 8); /* XRES */
    *len = 8;
    return 0;
}

/* A whole Ub exchange: AKA challenge, client answer, parse, verify,
 * Authentication-Info, mutual authentication. */
static int digest_aka_usim(void *ctx, const uint8_t r[16], const uint8_t a[16],
                           utsec_aka_ue_result_t *out)
{
    (void)ctx;
    (void)r;
    (void)a;
    memcpy(out->res, key32, 8);
    out->res_len = 8;
    return 0;
}

static int op_digest_exchange(void)
{
    static utsec_digest_replay_entry_t e[4];
    static utsec_digest_replay_t replay;
    static utsec_digest_server_t srv;
    static utsec_digest_client_t cl;
    static utsec_digest_authorization_t a;
    static char hdr[1024], scratch[1024];
    utsec_digest_server_config_t cfg;
    utsec_digest_verify_result_t vr;
    size_t len;
    int rc, sync;

    if ((rc = utsec_digest_replay_init(&replay, e, 4)) != 0 ||
        (rc = utsec_digest_profile_ub(&cfg, bsf, sizeof(bsf) - 1)) != 0)
        return rc;
    cfg.secret = key32;
    cfg.secret_len = 32;
    cfg.rng = digest_rng;
    cfg.time = digest_time;
    cfg.lookup = digest_lookup;
    cfg.replay = &replay;
    if ((rc = utsec_digest_server_init(&srv, &cfg)) != 0 ||
        (rc = utsec_digest_server_challenge_aka(&srv, rand16, autn16, 0, hdr, sizeof(hdr),
                                                &len)) != 0 ||
        (rc = utsec_digest_client_init(&cl, digest_rng, NULL)) != 0 ||
        (rc = utsec_digest_client_challenge(&cl, hdr, len, UTSEC_DIGEST_ALG_ALL, 0, NULL)) != 0 ||
        (rc = utsec_digest_client_authorize_aka(&cl, impi, sizeof(impi) - 1, digest_aka_usim,
                                                NULL, "GET", 3, "/", 1, NULL, NULL, &sync, hdr,
                                                sizeof(hdr), &len)) != 0 ||
        (rc = utsec_digest_parse_authorization(hdr, len, &a, scratch, sizeof(scratch))) != 0 ||
        (rc = utsec_digest_server_verify(&srv, &a, "GET", 3, "/", 1, NULL, &vr)) != 0 ||
        (rc = utsec_digest_server_auth_info(&srv, &a, &vr, NULL, hdr, sizeof(hdr), &len)) != 0)
        return rc;
    rc = utsec_digest_client_verify_info(&cl, hdr, len, NULL);
    utsec_digest_client_free(&cl);
    utsec_digest_server_free(&srv);
    return rc;
}

/* ---- Ub bootstrapping (issue 7): UE and BSF state machines, store, Zn ---- */

static int boot_usim(void *ctx, const uint8_t r[16], const uint8_t a[16],
                     utsec_aka_ue_result_t *out)
{
    (void)ctx;
    (void)r;
    (void)a;
    memcpy(out->res, key32, 8);
    out->res_len = 8;
    memcpy(out->ck, key32, 16);
    memcpy(out->ik, key32 + 16, 16);
    return 0;
}

static tf_hss_t boot_hss = {rand16, autn16, key32};

/* A whole Ub run (first request, 401, answer, 200), then Ks_NAF, the Ua
 * password and the Zn lookup on the stored context. */
static int op_boot_ub(void)
{
    static utsec_boot_ue_t ue;
    static utsec_boot_bsf_t b;
    static utsec_boot_ctx_t slots[2];
    static utsec_boot_mem_t mem;
    static utsec_boot_store_t store;
    static utsec_boot_bsf_pending_t pending[2];
    static utsec_digest_replay_entry_t e[4];
    static utsec_boot_zn_answer_t zn;
    static char authz[UTSEC_BOOT_UE_AUTHZ_SIZE], ua[UTSEC_BOOT_UE_UA_SIZE];
    utsec_boot_ue_config_t uc;
    utsec_boot_bsf_config_t bc;
    utsec_boot_bsf_reply_t r;
    uint8_t k[32];
    char pw[UTSEC_GBA_PASSWORD_SIZE];
    int rc;

    memset(&uc, 0, sizeof(uc));
    uc.impi = impi;
    uc.impi_len = sizeof(impi) - 1;
    uc.bsf_host = bsf;
    uc.bsf_host_len = sizeof(bsf) - 1;
    uc.usim = boot_usim;
    uc.rng = digest_rng;
    uc.time = digest_time;
    tf_bsf_config(&bc, bsf, key32, 32, digest_rng, digest_time, &store, pending, 2, e, 4);
    bc.hss_av = tf_hss_av;
    bc.hss_resync = tf_hss_resync;
    bc.hss_ctx = &boot_hss;
    if ((rc = utsec_boot_mem_init(&mem, slots, 2, digest_time, NULL, &store)) != 0 ||
        (rc = utsec_boot_ue_init(&ue, &uc)) != 0 ||
        (rc = utsec_boot_bsf_init(&b, &bc)) != 0 ||
        (rc = utsec_boot_ue_start(&ue, authz, sizeof(authz), NULL, ua, sizeof(ua), NULL)) != 0 ||
        (rc = utsec_boot_bsf_handle(&b, "GET", 3, "/", 1, authz, strlen(authz), &r)) != 0 ||
        (rc = utsec_boot_ue_on_401(&ue, r.www_authenticate, strlen(r.www_authenticate), authz,
                                   sizeof(authz), NULL, NULL)) != 0 ||
        (rc = utsec_boot_bsf_handle(&b, "GET", 3, "/", 1, authz, strlen(authz), &r)) != 0 ||
        (rc = utsec_boot_ue_on_200(&ue, r.auth_info, strlen(r.auth_info), r.body,
                                   r.body_len)) != 0 ||
        (rc = utsec_boot_ue_check(&ue)) != 0 ||
        (rc = utsec_boot_ue_ks_naf(&ue, naf_id, sizeof(naf_id) - 1, UTSEC_GBA_VARIANT_ME,
                                   k)) != 0 ||
        (rc = utsec_boot_ue_ua_password(&ue, "xcap.example.org", 16, UTSEC_GBA_UA_HTTP_DIGEST,
                                        UTSEC_GBA_VARIANT_ME, pw, sizeof(pw))) != 0 ||
        (rc = utsec_boot_zn_lookup(&store, r.btid, strlen(r.btid), naf_id, sizeof(naf_id) - 1,
                                   UTSEC_GBA_VARIANT_ME, 1000, &zn)) != 0)
        return rc;
    rc = memcmp(k, zn.key, 32) == 0 ? utsec_boot_ue_renegotiate(&ue) : -999;
    utsec_wipe(k, sizeof(k));
    utsec_wipe(pw, sizeof(pw));
    utsec_boot_ue_free(&ue);
    utsec_boot_bsf_free(&b);
    utsec_boot_mem_free(&mem);
    return rc;
}

/* Error path: an answer without a request in flight. */
static int op_boot_ue_state(void)
{
    static utsec_boot_ue_t ue;
    static char authz[UTSEC_BOOT_UE_AUTHZ_SIZE];
    utsec_boot_ue_config_t uc;
    int rc;

    memset(&uc, 0, sizeof(uc));
    uc.impi = impi;
    uc.impi_len = sizeof(impi) - 1;
    uc.bsf_host = bsf;
    uc.bsf_host_len = sizeof(bsf) - 1;
    uc.usim = boot_usim;
    uc.rng = digest_rng;
    rc = utsec_boot_ue_init(&ue, &uc);
    if (rc == 0)
        rc = utsec_boot_ue_on_401(&ue, "Digest", 6, authz, sizeof(authz), NULL, NULL);
    utsec_boot_ue_free(&ue);
    return rc;
}

static int op_digest_parse_challenges(void)
{
    static const char in[] = "Basic realm=\"x\", Digest realm=\"a\\\"b\", nonce=\"n\", "
                             "qop=\"auth,auth-int\", algorithm=SHA-256";
    static utsec_digest_challenge_t c[2];
    static char scratch[256], out[256];
    size_t n;
    int rc = utsec_digest_parse_challenges(in, sizeof(in) - 1, c, 2, &n, scratch,
                                           sizeof(scratch));

    return rc ? rc : utsec_digest_challenge_write(&c[0], out, sizeof(out), &n);
}

static int op_digest_parse_bad(void)
{
    static utsec_digest_auth_info_t ai;

    return utsec_digest_parse_auth_info("rspauth=\"x", 10, &ai, NULL, 0);
}

static int op_digest_body_akav2(void)
{
    utsec_digest_body_hash_t bh;
    char hex[UTSEC_DIGEST_HEX_SIZE], pw[32];
    int rc = utsec_digest_body_hash_start(&bh, UTSEC_DIGEST_ALG_SHA512_256);

    if (rc == 0)
        rc = utsec_digest_body_hash_update(&bh, key32, sizeof(key32));
    if (rc == 0)
        rc = utsec_digest_body_hash_finish(&bh, hex, sizeof(hex));
    return rc ? rc : utsec_digest_akav2_password(key32, 8, key32, key32 + 16, pw, sizeof(pw));
}

struct alloc_case {
    const char *name;
    int (*fn)(void);
    int expect_rc;
};

/* One row per call. Add AKA, Digest, identity and TLS-PSK calls here. */
/* AKA: Milenage and TUAK vectors, the UE check (success, then the replay's
 * sync failure with AUTS) and the network resync, all on caller memory. */
static int op_aka_flow(int tuak)
{
    static const uint8_t rnd[16] = {1, 2, 3};
    static const uint8_t amf[2] = {0x80, 0};
    uint8_t k[32] = {7}, op[32] = {9}, sqn[6], sqn_ms[6], next[6];
    utsec_aka_key_t key;
    utsec_aka_vector_t av;
    utsec_aka_sqn_state_t st;
    utsec_aka_ue_result_t r;
    int rc;

    utsec_aka_key_init(&key);
    rc = tuak ? utsec_aka_key_setup_tuak(&key, k, 16, op, 1, 8, 1)
              : utsec_aka_key_setup_milenage(&key, k, op, 1, 8);
    if (rc == 0)
        rc = utsec_aka_sqn_compose(3, 1, UTSEC_AKA_IND_BITS_DEFAULT, sqn);
    if (rc == 0)
        rc = utsec_aka_vector_from_rand(&key, rnd, sqn, amf, &av);
    if (rc == 0)
        rc = utsec_aka_sqn_init(&st, UTSEC_AKA_IND_BITS_DEFAULT,
                                UTSEC_AKA_DELTA_DEFAULT, 0);
    if (rc == 0)
        rc = utsec_aka_ue_check(&key, &st, rnd, av.autn, &r);
    if (rc == 0 && utsec_aka_ue_check(&key, &st, rnd, av.autn, &r) !=
                       UTSEC_ERR_SYNC_FAILURE)
        rc = -1;
    if (rc == 0)
        rc = utsec_aka_resync(&key, rnd, r.auts, UTSEC_AKA_IND_BITS_DEFAULT,
                              sqn_ms, next);
    utsec_aka_ue_result_wipe(&r);
    utsec_aka_vector_wipe(&av);
    utsec_aka_key_free(&key);
    return rc;
}

static int op_aka_milenage(void)
{
    return op_aka_flow(0);
}

static int op_aka_tuak(void)
{
    return op_aka_flow(1);
}

/* Identity (TS 24.109 §7): header parse, URI comparison, XCAP split, and
 * the Authentication Proxy's scan + decision, all views into caller memory. */
static int op_identity(void)
{
    static const char head[] =
        "PUT /pres-rules/users/sip:alice@example.com/index HTTP/1.1\r\n"
        "Host: xcap.example.com\r\n"
        "X-3GPP-Intended-Identity: \"sip:alice@example.com\"\r\n"
        "Authorization: Digest username=\"x\"\r\n\r\n";
    static const char path[] = "/pres-rules/users/sip:alice%40example.com/index";
    utsec_id_view_t ids[4], allowed[1] = {{"sip:alice@example.com", 21}};
    utsec_id_xcap_uri_t x;
    utsec_id_ue_headers_t h;
    utsec_id_ap_config_t cfg;
    utsec_id_ap_decision_t d;
    char xui[64], asserted[128];
    size_t n, xl;
    int rc;

    static const char list[] = "\"sip:a@b\", \"tel:+1\"";

    rc = utsec_id_header_parse(list, sizeof(list) - 1, ids, 4, &n, NULL);
    if (rc == 0 && utsec_id_sip_uri_equal("sip:%61@B;x=1", 13, "sip:a@b;x=1", 11) != 1)
        rc = -1;
    if (rc == 0)
        rc = utsec_id_xcap_parse(path, sizeof(path) - 1, NULL, 0, &x, xui,
                                 sizeof(xui), &xl);
    if (rc == 0)
        rc = utsec_id_http_scan(head, sizeof(head) - 1, &h);
    if (rc == 0) {
        memset(&cfg, 0, sizeof(cfg));
        cfg.allowed = allowed;
        cfg.n_allowed = 1;
        cfg.verify_intended = 1;
        cfg.ue_asserted = UTSEC_ID_UE_ASSERTED_REJECT;
        rc = utsec_id_ap_decide(&cfg, &h, &d, asserted, sizeof(asserted));
    }
    if (rc == 0 && !d.accept)
        rc = -1;
    return rc;
}

static const struct alloc_case cases[] = {
    {"gba_kdf", op_kdf, 0},
    {"gba_kdf (too many params)", op_kdf_too_many, UTSEC_ERR_TOO_MANY},
    {"gba_ks_naf", op_ks_naf, 0},
    {"gba_ks_naf_ck_ik", op_ks_naf_ck_ik, 0},
    {"gba_naf_id", op_naf_id, 0},
    {"gba_digest_password", op_digest_password, 0},
    {"gba_tmpi", op_tmpi, 0},
    {"gba_btid_build", op_btid_build, 0},
    {"gba_btid_parse", op_btid_parse, 0},
    {"gba_btid_parse (bad)", op_btid_parse_bad, UTSEC_ERR_PARSE},
    {"gba_digest_ks/passwd/ks_naf", op_gba_digest, 0},
    {"gba_akma_*", op_akma, 0},
    {"base64_encode", op_base64_encode, 0},
    {"base64_decode", op_base64_decode, 0},
    {"base64_decode (bad)", op_base64_decode_bad, UTSEC_ERR_BASE64},
    {"aka_nonce_encode/decode", op_nonce_round_trip, 0},
    {"aka_auts_encode/decode", op_auts_round_trip, 0},
    {"aka milenage vector/ue_check/resync", op_aka_milenage, 0},
    {"aka tuak vector/ue_check/resync", op_aka_tuak, 0},
    {"identity header/uri/xcap/ap decision", op_identity, 0},
    {"gba_time_parse", op_time_parse, 0},
    {"gba_time_format", op_time_format, 0},
    {"hmac md5/sha256/sha512_256", op_hmac_all, 0},
    {"ct_equal", op_ct_equal, 0},
    {"rng_default init/generate/free", op_rng_default, 0},
    {"digest AKA exchange (client+server)", op_digest_exchange, 0},
    {"digest_parse_challenges + write", op_digest_parse_challenges, 0},
    {"digest_parse_auth_info (bad)", op_digest_parse_bad, UTSEC_ERR_PARSE},
    {"digest body hash + akav2_password", op_digest_body_akav2, 0},
    {"boot Ub run (UE+BSF) + Ks_NAF + Zn", op_boot_ub, 0},
    {"boot_ue_on_401 (out of order)", op_boot_ue_state, UTSEC_ERR_STATE},
};

static void skip_under_asan(void)
{
#ifdef NOALLOC_ASAN
    skip();
#endif
}

/* Positive control: the counters see an allocation made here and one made
 * inside the shared mbedTLS (mbedtls_md_setup allocates its context), so a
 * zero below means "no allocation", not "not counted". */
static void counter_sees_allocations(void **state)
{
    void *volatile p;
    mbedtls_md_context_t md;
    (void)state;

    skip_under_asan();
    arm();
    p = malloc(16);
    free(p);
    disarm();
    assert_int_equal(n_alloc, 1);
    assert_int_equal(n_free, 1);

    /* valgrind redirects the shared libraries' allocator calls to its own
     * replacement before they reach ours, so this half only holds natively;
     * the plain `make test` run covers it. */
    if (RUNNING_ON_VALGRIND)
        return;
    mbedtls_md_init(&md);
    arm();
    assert_int_equal(mbedtls_md_setup(&md, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1), 0);
    disarm();
    mbedtls_md_free(&md);
    assert_true(n_alloc >= 1);
}

static void no_allocations(void **state)
{
    size_t i;
    int failed = 0;
    (void)state;

    skip_under_asan();
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int rc;
        arm();
        rc = cases[i].fn();
        disarm();
        print_message("%-34s rc=%d allocations=%lu frees=%lu\n", cases[i].name,
                      rc, n_alloc, n_free);
        if (rc != cases[i].expect_rc || n_alloc != 0 || n_free != 0) {
            print_error("%s: expected rc %d and no heap use\n", cases[i].name,
                        cases[i].expect_rc);
            failed = 1;
        }
    }
    assert_false(failed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counter_sees_allocations),
        cmocka_unit_test(no_allocations),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
