/*
 * Secret-holding contexts are all-zero in their secret fields after their
 * release call (_free, _finish, _abort, _wipe) -- issue 8, docs/hardening.md.
 *
 * Table-driven: a row names a context type, its size, a setup function that
 * initialises it with key material and uses it (leaving live state), the
 * release call, and the byte range that holds secrets (len 0: the whole
 * struct). The test first checks that the secret range is NOT zero after
 * setup (so the check can fail), then that it is all zero after release.
 * Modules add a row per context (digest server/client, TLS-PSK glue, ...).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "support/testutil.h"

#include <stddef.h>
#include <string.h>

#include "crypto.h"
#include "utsec/utsec.h"
#include "support/boot_fixture.h"

static const uint8_t key[40] = {0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78,
                                0x87, 0x96, 0xa5, 0xb4, 0xc3, 0xd2, 0xe1, 0xf0};

/* ---- default RNG ---- */
static void rng_setup(void *c)
{
    uint8_t out[32];

    assert_int_equal(utsec_rng_default_init(c, key, sizeof(key)), 0);
    assert_int_equal(utsec_rng_default(c, out, sizeof(out)), 0);
}
static void rng_release(void *c) { utsec_rng_default_free(c); }

/* ---- AES-128 key schedule ---- */
static void aes_setup(void *c)
{
    uint8_t out[16];

    assert_int_equal(utsec_aes128_setkey(c, key), 0);
    assert_int_equal(utsec_aes128_encrypt(c, key, out), 0);
}
static void aes_release(void *c) { utsec_aes128_free(c); }

/* ---- HMAC: finished, and aborted after start/update ---- */
static void hmac_setup(void *c, utsec_hash_alg_t alg)
{
    assert_int_equal(utsec_hmac_start(c, alg, key, sizeof(key)), 0);
    assert_int_equal(utsec_hmac_update(c, key, 7), 0);
}
static void hmac_md5_setup(void *c) { hmac_setup(c, UTSEC_HASH_MD5); }
static void hmac_sha256_setup(void *c) { hmac_setup(c, UTSEC_HASH_SHA256); }
static void hmac_sha512_256_setup(void *c) { hmac_setup(c, UTSEC_HASH_SHA512_256); }
static void hmac_finish(void *c)
{
    uint8_t out[UTSEC_HASH_MAX_LEN];

    assert_int_equal(utsec_hmac_finish(c, out), 0);
}
static void hmac_abort(void *c) { utsec_hmac_abort(c); }

/* ---- streaming hash over secret input (Digest H(A1)) ---- */
static void hash_setup(void *c, utsec_hash_alg_t alg)
{
    assert_int_equal(utsec_hash_start(c, alg), 0);
    assert_int_equal(utsec_hash_update(c, key, sizeof(key)), 0);
}
static void hash_md5_setup(void *c) { hash_setup(c, UTSEC_HASH_MD5); }
static void hash_sha256_setup(void *c) { hash_setup(c, UTSEC_HASH_SHA256); }
static void hash_sha512_256_setup(void *c) { hash_setup(c, UTSEC_HASH_SHA512_256); }
static void hash_finish(void *c)
{
    uint8_t out[UTSEC_HASH_MAX_LEN];

    assert_int_equal(utsec_hash_finish(c, out), 0);
}
static void hash_abort(void *c) { utsec_hash_abort(c); }

/* ---- AKA USIM result (RES, CK, IK, AUTS) ---- */
static void ue_result_setup(void *c)
{
    utsec_aka_ue_result_t *r = c;

    memcpy(r->res, key, 8);
    r->res_len = 8;
    memcpy(r->ck, key, 16);
    memcpy(r->ik, key + 16, 16);
}
static void ue_result_release(void *c) { utsec_aka_ue_result_wipe(c); }

/* ---- HTTP Digest: client (cached H(A1)), server (nonce MAC key), body hash ---- */
static int wipe_rng(void *ctx, unsigned char *out, size_t len)
{
    (void)ctx;
    memset(out, 0x33, len);
    return 0;
}
static int64_t wipe_time(void *ctx)
{
    (void)ctx;
    return 5;
}
static int wipe_lookup(void *ctx, utsec_digest_cred_request_t *req, uint8_t *pw, size_t size,
                       size_t *len)
{
    (void)ctx;
    (void)req;
    (void)pw;
    (void)size;
    (void)len;
    return UTSEC_ERR_NOT_FOUND;
}
static void digest_client_setup(void *c)
{
    static const char chal[] = "Digest realm=\"r\", nonce=\"n\", qop=auth";
    char hdr[512];

    assert_int_equal(utsec_digest_client_init(c, wipe_rng, NULL), 0);
    assert_int_equal(utsec_digest_client_challenge(c, chal, sizeof(chal) - 1,
                                                   UTSEC_DIGEST_ALG_ALL, 0, NULL), 0);
    assert_int_equal(utsec_digest_client_authorize(c, "u", 1, key, 16, "GET", 3, "/", 1, NULL,
                                                   hdr, sizeof(hdr), NULL), 0);
}
static void digest_client_release(void *c) { utsec_digest_client_free(c); }
static utsec_digest_replay_entry_t wipe_entries[2];
static utsec_digest_replay_t wipe_replay;
static void digest_server_setup(void *c)
{
    utsec_digest_server_config_t cfg;

    memset(&cfg, 0, sizeof(cfg));
    cfg.realm = "r";
    cfg.realm_len = 1;
    cfg.alg_mask = UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5);
    cfg.secret = key;
    cfg.secret_len = 32;
    cfg.rng = wipe_rng;
    cfg.time = wipe_time;
    cfg.lookup = wipe_lookup;
    cfg.replay = &wipe_replay;
    assert_int_equal(utsec_digest_replay_init(&wipe_replay, wipe_entries, 2), 0);
    assert_int_equal(utsec_digest_server_init(c, &cfg), 0);
}
static void digest_server_release(void *c) { utsec_digest_server_free(c); }
static void digest_body_setup(void *c)
{
    assert_int_equal(utsec_digest_body_hash_start(c, UTSEC_DIGEST_ALG_SHA256), 0);
    assert_int_equal(utsec_digest_body_hash_update(c, key, sizeof(key)), 0);
}
static void digest_body_finish(void *c)
{
    char hex[UTSEC_DIGEST_HEX_SIZE];

    assert_int_equal(utsec_digest_body_hash_finish(c, hex, sizeof(hex)), 0);
}

/* ---- Ub bootstrapping: the UE with CK/IK/RES pending, the BSF with its
 * nonce key and a vector issued ---- */
static int boot_usim(void *ctx, const uint8_t r[16], const uint8_t a[16],
                     utsec_aka_ue_result_t *out)
{
    (void)ctx;
    (void)r;
    (void)a;
    memcpy(out->res, key, 8);
    out->res_len = 8;
    memcpy(out->ck, key, 16);
    memcpy(out->ik, key + 16, 16);
    return 0;
}
static const char boot_host[] = "bsf.example.org";
static void boot_ue_setup(void *c)
{
    static const char www[] = "Digest realm=\"bsf.example.org\", algorithm=AKAv1-MD5, "
                              "qop=\"auth-int\", nonce=\"DxItPEtaaXiHlqW0w9Lh8AAAAAAAAAAAAAAAAAAAAAA=\"";
    utsec_boot_ue_config_t cfg;
    char authz[UTSEC_BOOT_UE_AUTHZ_SIZE], ua[UTSEC_BOOT_UE_UA_SIZE];

    memset(&cfg, 0, sizeof(cfg));
    cfg.impi = "user@example.org";
    cfg.impi_len = 16;
    cfg.bsf_host = boot_host;
    cfg.bsf_host_len = sizeof(boot_host) - 1;
    cfg.usim = boot_usim;
    cfg.rng = wipe_rng;
    assert_int_equal(utsec_boot_ue_init(c, &cfg), 0);
    assert_int_equal(utsec_boot_ue_start(c, authz, sizeof(authz), NULL, ua, sizeof(ua), NULL), 0);
    assert_int_equal(utsec_boot_ue_on_401(c, www, sizeof(www) - 1, authz, sizeof(authz), NULL,
                                          NULL), 0);
}
static void boot_ue_release(void *c) { utsec_boot_ue_free(c); }
static tf_hss_t boot_hss = {key, NULL, key}; /* RAND = first 16 octets of key */
static int boot_put(void *ctx, const utsec_boot_ctx_t *bc)
{
    (void)ctx;
    (void)bc;
    return 0;
}
static utsec_boot_bsf_pending_t boot_pending[2];
static utsec_digest_replay_entry_t boot_replay[4];
static utsec_boot_store_t boot_store = {boot_put, NULL, NULL, NULL};
static void boot_bsf_setup(void *c)
{
    static const char authz[] = "Digest username=\"user@example.org\", realm=\"bsf.example.org\", "
                                "nonce=\"\", uri=\"/\", response=\"\"";
    utsec_boot_bsf_config_t cfg;
    utsec_boot_bsf_reply_t r;

    tf_bsf_config(&cfg, boot_host, key, 32, wipe_rng, wipe_time, &boot_store, boot_pending, 2,
                  boot_replay, 4);
    cfg.hss_av = tf_hss_av;
    cfg.hss_resync = tf_hss_resync;
    cfg.hss_ctx = &boot_hss;
    assert_int_equal(utsec_boot_bsf_init(c, &cfg), 0);
    assert_int_equal(utsec_boot_bsf_handle(c, "GET", 3, "/", 1, authz, sizeof(authz) - 1, &r), 0);
    assert_int_equal(r.status, 401);
    assert_false(tu_all_zero(boot_pending, sizeof(boot_pending)));
}
static void boot_bsf_release(void *c)
{
    utsec_boot_bsf_free(c);
    /* the outstanding vectors in the caller's array go too */
    assert_true(tu_all_zero(boot_pending, sizeof(boot_pending)));
}

struct wipe_case {
    const char *name;
    size_t size;
    void (*setup)(void *ctx);
    void (*release)(void *ctx);
    size_t secret_off; /* secret byte range inside the struct */
    size_t secret_len; /* 0: the whole struct */
};

#define WHOLE(type) sizeof(type), 0, 0

/* One row per (context, release path). */
static const struct wipe_case cases[] = {
    {"utsec_rng_default_free", sizeof(utsec_rng_default_t), rng_setup, rng_release, 0, 0},
    {"utsec_aes128_free", sizeof(utsec_aes128_t), aes_setup, aes_release, 0, 0},
    {"utsec_hmac_finish (MD5)", sizeof(utsec_hmac_t), hmac_md5_setup, hmac_finish, 0, 0},
    {"utsec_hmac_finish (SHA-256)", sizeof(utsec_hmac_t), hmac_sha256_setup, hmac_finish, 0, 0},
    {"utsec_hmac_finish (SHA-512/256)", sizeof(utsec_hmac_t), hmac_sha512_256_setup, hmac_finish, 0, 0},
    {"utsec_hmac_abort (MD5)", sizeof(utsec_hmac_t), hmac_md5_setup, hmac_abort, 0, 0},
    {"utsec_hmac_abort (SHA-256)", sizeof(utsec_hmac_t), hmac_sha256_setup, hmac_abort, 0, 0},
    {"utsec_hmac_abort (SHA-512/256)", sizeof(utsec_hmac_t), hmac_sha512_256_setup, hmac_abort, 0, 0},
    {"utsec_hash_finish (MD5)", sizeof(utsec_hash_t), hash_md5_setup, hash_finish, 0, 0},
    {"utsec_hash_finish (SHA-256)", sizeof(utsec_hash_t), hash_sha256_setup, hash_finish, 0, 0},
    {"utsec_hash_finish (SHA-512/256)", sizeof(utsec_hash_t), hash_sha512_256_setup, hash_finish, 0, 0},
    {"utsec_hash_abort (MD5)", sizeof(utsec_hash_t), hash_md5_setup, hash_abort, 0, 0},
    {"utsec_hash_abort (SHA-256)", sizeof(utsec_hash_t), hash_sha256_setup, hash_abort, 0, 0},
    {"utsec_hash_abort (SHA-512/256)", sizeof(utsec_hash_t), hash_sha512_256_setup, hash_abort, 0, 0},
    {"utsec_aka_ue_result_wipe", sizeof(utsec_aka_ue_result_t), ue_result_setup, ue_result_release, 0, 0},
    {"utsec_digest_client_free", sizeof(utsec_digest_client_t), digest_client_setup, digest_client_release, 0, 0},
    {"utsec_digest_server_free", sizeof(utsec_digest_server_t), digest_server_setup, digest_server_release, 0, 0},
    {"utsec_digest_body_hash_finish", sizeof(utsec_digest_body_hash_t), digest_body_setup, digest_body_finish, 0, 0},
    {"utsec_boot_ue_free", sizeof(utsec_boot_ue_t), boot_ue_setup, boot_ue_release, 0, 0},
    {"utsec_boot_bsf_free", sizeof(utsec_boot_bsf_t), boot_bsf_setup, boot_bsf_release, 0, 0},
};

static union {
    max_align_t align;
    unsigned char bytes[32768]; /* the BSF context is about 20 KB */
} storage;

static void secrets_zero_after_release(void **state)
{
    size_t i;
    (void)state;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct wipe_case *w = &cases[i];
        size_t off = w->secret_off;
        size_t len = w->secret_len ? w->secret_len : w->size - off;

        assert_true(w->size <= sizeof(storage.bytes));
        assert_true(off + len <= w->size);
        memset(storage.bytes, 0xA5, sizeof(storage.bytes));
        w->setup(storage.bytes);
        if (tu_all_zero(storage.bytes + off, len))
            fail_msg("%s: no live secret state after setup", w->name);
        w->release(storage.bytes);
        if (!tu_all_zero(storage.bytes + off, len))
            fail_msg("%s: secret fields not zero after release", w->name);
        print_message("%-34s %5zu bytes zero after release\n", w->name, len);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(secrets_zero_after_release),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
