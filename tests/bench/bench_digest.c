/*
 * HTTP Digest benchmarks (issues 4 and 8): the check of a parsed
 * Authorization (H(A1), H(A2), response) against its floor of three raw
 * mbedTLS hash calls over the same strings, for a password with MD5 and
 * with SHA-256 (qop=auth, RFC 7616 §3.4.1) and for AKAv1-MD5 (qop=auth-int,
 * empty body); the full AKAv1 server verification (plus nonce MAC, lookup,
 * replay table) against the same floor; and the Authorization parse rate.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "bench.h"

#include <stdio.h>
#include <string.h>

#include <mbedtls/md5.h>
#include <mbedtls/sha256.h>
#include <mbedtls/version.h>

#include "utsec/digest.h"

#define IMPI "001010123456789@ims.mnc001.mcc001.3gppnetwork.org"
#define REALM "bsf.mnc001.mcc001.pub.3gppnetwork.org"

static const uint8_t xres[8] = {0xa5, 0x42, 0x11, 0xd5, 0xe3, 0xba, 0x50, 0xbf};

struct digest_ctx {
    utsec_digest_authorization_t a;
    char scratch[UTSEC_DIGEST_MAX_INPUT], hdr[1024];
    size_t hl;
    char a1[256], a2[128], rs[512];
    size_t l1, l2, l3;
    utsec_digest_replay_entry_t e[1];
    utsec_digest_replay_t replay;
    utsec_digest_server_t srv;
};

static int64_t fixed_time(void *ctx)
{
    (void)ctx;
    return 1000;
}

static int ctr_rng(void *ctx, unsigned char *o, size_t n)
{
    unsigned *c = ctx;

    while (n--)
        *o++ = (unsigned char)(++*c);
    return 0;
}

static int xres_lookup(void *ctx, utsec_digest_cred_request_t *req, uint8_t *pw,
                       size_t size, size_t *len)
{
    (void)ctx;
    (void)req;
    if (size < 8)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(pw, xres, 8);
    *len = 8;
    return 0;
}

static int op_check(void *p, size_t iters)
{
    struct digest_ctx *c = p;

    while (iters--)
        if (utsec_digest_check_response(&c->a, "GET", 3, xres, 8, NULL) != 0)
            return -1;
    return 0;
}

static int op_verify(void *p, size_t iters)
{
    struct digest_ctx *c = p;

    while (iters--) {
        /* a fresh table each time, so the same nc is not a replay */
        (void)utsec_digest_replay_init(&c->replay, c->e, 1);
        if (utsec_digest_server_verify(&c->srv, &c->a, "GET", 3, "/", 1, NULL, NULL) != 0)
            return -1;
    }
    return 0;
}

static int op_parse(void *p, size_t iters)
{
    struct digest_ctx *c = p;

    while (iters--)
        if (utsec_digest_parse_authorization(c->hdr, c->hl, &c->a, c->scratch,
                                             sizeof(c->scratch)) != 0)
            return -1;
    return 0;
}

static void md5(const void *p, size_t n, unsigned char out[16])
{
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
    (void)mbedtls_md5(p, n, out);
#else
    (void)mbedtls_md5_ret(p, n, out);
#endif
}

static int floor_md5(void *p, size_t iters)
{
    struct digest_ctx *c = p;
    unsigned char d[16];

    while (iters--) {
        md5(c->a1, c->l1, d);
        md5(c->a2, c->l2, d);
        md5(c->rs, c->l3, d);
    }
    return 0;
}

static void sha256(const void *p, size_t n, unsigned char out[32])
{
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
    (void)mbedtls_sha256(p, n, out, 0);
#else
    (void)mbedtls_sha256_ret(p, n, out, 0);
#endif
}

/* A password Authorization (qop=auth) and the three strings its check
 * hashes: user:realm:password, method:uri, and the response input. */
struct plain_ctx {
    utsec_digest_authorization_t a;
    char scratch[UTSEC_DIGEST_MAX_INPUT], hdr[1024];
    char a1[128], a2[16], rs[256];
    size_t l1, l2, l3;
    void (*hash)(const void *p, size_t n, unsigned char *out);
};

#define PLAIN_USER "alice@example.org"
#define PLAIN_PASSWORD "correct horse battery staple"

static int op_plain_check(void *p, size_t iters)
{
    struct plain_ctx *c = p;

    while (iters--)
        if (utsec_digest_check_response(&c->a, "GET", 3, (const uint8_t *)PLAIN_PASSWORD,
                                        strlen(PLAIN_PASSWORD), NULL) != 0)
            return -1;
    return 0;
}

static int floor_plain(void *p, size_t iters)
{
    struct plain_ctx *c = p;
    unsigned char d[32];

    while (iters--) {
        c->hash(c->a1, c->l1, d);
        c->hash(c->a2, c->l2, d);
        c->hash(c->rs, c->l3, d);
    }
    return 0;
}

static void md5_any(const void *p, size_t n, unsigned char *out) { md5(p, n, out); }
static void sha256_any(const void *p, size_t n, unsigned char *out) { sha256(p, n, out); }

static void bench_plain(const char *name, const char *alg, size_t hex_len,
                        void (*hash)(const void *, size_t, unsigned char *))
{
    static struct plain_ctx c;
    utsec_digest_client_t cl;
    unsigned ctr = 0;
    char chal[256], desc[96];
    size_t hl;
    int n;

    memset(&c, 0, sizeof(c));
    c.hash = hash;
    n = snprintf(chal, sizeof(chal),
                 "Digest realm=\"%s\", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                 "qop=\"auth\", algorithm=%s", REALM, alg);
    if (utsec_digest_client_init(&cl, ctr_rng, &ctr) != 0 ||
        utsec_digest_client_challenge(&cl, chal, (size_t)n, UTSEC_DIGEST_ALG_ALL, 0,
                                      NULL) != 0 ||
        utsec_digest_client_authorize(&cl, PLAIN_USER, strlen(PLAIN_USER),
                                      (const uint8_t *)PLAIN_PASSWORD,
                                      strlen(PLAIN_PASSWORD), "GET", 3, "/", 1, NULL,
                                      c.hdr, sizeof(c.hdr), &hl) != 0 ||
        utsec_digest_parse_authorization(c.hdr, hl, &c.a, c.scratch, sizeof(c.scratch)) != 0 ||
        op_plain_check(&c, 1) != 0) {
        printf("digest bench %s: setup failed\n", name);
        return;
    }
    utsec_digest_client_free(&cl);
    c.l1 = (size_t)snprintf(c.a1, sizeof(c.a1), "%s:%s:%s", PLAIN_USER, REALM, PLAIN_PASSWORD);
    c.l2 = (size_t)snprintf(c.a2, sizeof(c.a2), "GET:/");
    c.l3 = (size_t)snprintf(c.rs, sizeof(c.rs), "%0*d:%.*s:00000001:%.*s:auth:%0*d",
                            (int)hex_len, 0, (int)c.a.nonce.len, c.a.nonce.ptr,
                            (int)c.a.cnonce.len, c.a.cnonce.ptr, (int)hex_len, 0);
    (void)snprintf(desc, sizeof(desc), "3 %s (mbedtls) over H(A1), H(A2), response strings", alg);
    bench_report(name, bench_rate(op_plain_check, &c, 200), bench_rate(floor_plain, &c, 200),
                 "ops/s", desc);
}

void bench_digest(void)
{
    static struct digest_ctx c;
    utsec_digest_server_config_t cfg;
    utsec_digest_client_t cl;
    unsigned c1 = 0, c2 = 0;
    uint8_t rnd[16], autn[16], key[32];
    char chal[1024];
    size_t chal_len;
    double floor;

    memset(rnd, 0x23, sizeof(rnd));
    memset(autn, 0x55, sizeof(autn));
    memset(key, 7, sizeof(key));
    (void)utsec_digest_replay_init(&c.replay, c.e, 1);
    (void)utsec_digest_profile_ub(&cfg, REALM, strlen(REALM));
    cfg.secret = key;
    cfg.secret_len = sizeof(key);
    cfg.rng = ctr_rng;
    cfg.rng_ctx = &c1;
    cfg.time = fixed_time;
    cfg.lookup = xres_lookup;
    cfg.replay = &c.replay;
    if (utsec_digest_server_init(&c.srv, &cfg) != 0 ||
        utsec_digest_server_challenge_aka(&c.srv, rnd, autn, 0, chal, sizeof(chal),
                                          &chal_len) != 0 ||
        utsec_digest_client_init(&cl, ctr_rng, &c2) != 0 ||
        utsec_digest_client_challenge(&cl, chal, chal_len, UTSEC_DIGEST_ALG_ALL, 0,
                                      NULL) != 0 ||
        utsec_digest_client_authorize(&cl, IMPI, strlen(IMPI), xres, 8, "GET", 3, "/", 1,
                                      NULL, c.hdr, sizeof(c.hdr), &c.hl) != 0 ||
        op_parse(&c, 1) != 0 || op_check(&c, 1) != 0) {
        printf("digest bench: setup failed\n");
        return;
    }
    utsec_digest_client_free(&cl);
    /* The three strings a verification hashes, for the floor. */
    c.l1 = (size_t)snprintf(c.a1, sizeof(c.a1), "%s:%s:", IMPI, REALM);
    memcpy(c.a1 + c.l1, xres, 8);
    c.l1 += 8;
    c.l2 = (size_t)snprintf(c.a2, sizeof(c.a2), "GET:/:d41d8cd98f00b204e9800998ecf8427e");
    c.l3 = (size_t)snprintf(c.rs, sizeof(c.rs), "%032x:%.*s:00000001:%.*s:auth-int:%032x", 0,
                            (int)c.a.nonce.len, c.a.nonce.ptr, (int)c.a.cnonce.len,
                            c.a.cnonce.ptr, 0);
    bench_plain("digest_check_md5", "MD5", 32, md5_any);
    bench_plain("digest_check_sha256", "SHA-256", 64, sha256_any);
    floor = bench_rate(floor_md5, &c, 200);
    bench_report("digest_check_akav1", bench_rate(op_check, &c, 200), floor, "ops/s",
                 "3 MD5 (mbedtls_md5) over H(A1), H(A2), response strings");
    bench_report("digest_server_verify_akav1", bench_rate(op_verify, &c, 200), floor,
                 "ops/s", "same 3 MD5; adds the nonce AES-128 CBC-MAC and replay table");
    bench_report("digest_parse_authorization",
                 bench_rate(op_parse, &c, 200) * (double)c.hl / 1e6, 0, "MB/s",
                 "the AKAv1 Authorization of the check above");
    utsec_digest_server_free(&c.srv);
}
