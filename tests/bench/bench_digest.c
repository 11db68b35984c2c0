/*
 * HTTP Digest benchmarks: server verification of a parsed AKAv1-MD5
 * Authorization (qop=auth-int, empty body) against its floor of three raw
 * mbedTLS MD5 calls over the same strings, the full server verification
 * (nonce MAC, lookup, replay table), and the Authorization parse rate.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <mbedtls/md5.h>
#include <mbedtls/version.h>

#include "utsec/digest.h"

void bench_digest(void);

#ifndef BENCH_N
#define BENCH_N 200000
#endif

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void md5(const void *p, size_t n, unsigned char out[16])
{
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
    (void)mbedtls_md5(p, n, out);
#else
    (void)mbedtls_md5_ret(p, n, out);
#endif
}

static const uint8_t xres[8] = {0xa5, 0x42, 0x11, 0xd5, 0xe3, 0xba, 0x50, 0xbf};
static int64_t fixed_time(void *ctx) { (void)ctx; return 1000; }
static int ctr_rng(void *ctx, unsigned char *o, size_t n)
{
    unsigned *c = ctx;
    while (n--)
        *o++ = (unsigned char)(++*c);
    return 0;
}
static int xres_lookup(void *ctx, utsec_digest_cred_request_t *req, uint8_t *pw, size_t size,
                       size_t *len)
{
    (void)ctx; (void)req; (void)size;
    memcpy(pw, xres, 8);
    *len = 8;
    return 0;
}

#define IMPI "001010123456789@ims.mnc001.mcc001.3gppnetwork.org"
#define REALM "bsf.mnc001.mcc001.pub.3gppnetwork.org"

void bench_digest(void)
{
    static utsec_digest_authorization_t a;
    static char scratch[UTSEC_DIGEST_MAX_INPUT], hdr[1024], chal[1024];
    utsec_digest_replay_entry_t e[1];
    utsec_digest_replay_t replay;
    utsec_digest_server_config_t cfg;
    utsec_digest_server_t srv;
    utsec_digest_client_t cl;
    unsigned c1 = 0, c2 = 0;
    uint8_t rnd[16], autn[16], key[32];
    unsigned char d[16];
    char a1[256], a2[128], rs[512];
    size_t hl, cl_len, l1, l2, l3;
    double t0, t_check, t_raw, t_full, t_parse;
    long i;
    const long n = BENCH_N;
    const double dn = (double)BENCH_N;
    volatile int sink = 0;

    memset(rnd, 0x23, 16);
    memset(autn, 0x55, 16);
    memset(key, 7, sizeof(key));
    utsec_digest_replay_init(&replay, e, 1);
    utsec_digest_profile_ub(&cfg, REALM, strlen(REALM));
    cfg.secret = key; cfg.secret_len = 32; cfg.rng = ctr_rng; cfg.rng_ctx = &c1;
    cfg.time = fixed_time; cfg.lookup = xres_lookup; cfg.replay = &replay;
    utsec_digest_server_init(&srv, &cfg);
    utsec_digest_server_challenge_aka(&srv, rnd, autn, 0, chal, sizeof(chal), &cl_len);
    utsec_digest_client_init(&cl, ctr_rng, &c2);
    utsec_digest_client_challenge(&cl, chal, cl_len, UTSEC_DIGEST_ALG_ALL, 0, NULL);
    utsec_digest_client_authorize(&cl, IMPI, strlen(IMPI), xres, 8, "GET", 3, "/", 1, NULL, hdr,
                                  sizeof(hdr), &hl);
    if (utsec_digest_parse_authorization(hdr, hl, &a, scratch, sizeof(scratch)) != 0 ||
        utsec_digest_check_response(&a, "GET", 3, xres, 8, NULL) != 0) {
        printf("digest bench: setup failed\n");
        return;
    }
    /* the three strings the verification hashes */
    l1 = (size_t)snprintf(a1, sizeof(a1), "%s:%s:", IMPI, REALM);
    memcpy(a1 + l1, xres, 8);
    l1 += 8;
    l2 = (size_t)snprintf(a2, sizeof(a2), "GET:/:d41d8cd98f00b204e9800998ecf8427e");
    l3 = (size_t)snprintf(rs, sizeof(rs), "%032x:%.*s:00000001:%.*s:auth-int:%032x", 0,
                          (int)a.nonce.len, a.nonce.ptr, (int)a.cnonce.len, a.cnonce.ptr, 0);

    t0 = now();
    for (i = 0; i < n; i++)
        sink += utsec_digest_check_response(&a, "GET", 3, xres, 8, NULL);
    t_check = now() - t0;
    t0 = now();
    for (i = 0; i < n; i++) {
        md5(a1, l1, d);
        md5(a2, l2, d);
        md5(rs, l3, d);
        sink += d[0];
    }
    t_raw = now() - t0;
    t0 = now();
    for (i = 0; i < n; i++) {
        utsec_digest_replay_init(&replay, e, 1);
        sink += utsec_digest_server_verify(&srv, &a, "GET", 3, "/", 1, NULL, NULL);
    }
    t_full = now() - t0;
    t0 = now();
    for (i = 0; i < n; i++)
        sink += utsec_digest_parse_authorization(hdr, hl, &a, scratch, sizeof(scratch));
    t_parse = now() - t0;

    printf("digest AKAv1-MD5 check_response (3 MD5)   %10.0f /s  ratio to 3 raw MD5: %.2fx\n",
           dn / t_check, t_check / t_raw);
    printf("digest 3 raw mbedTLS MD5 calls            %10.0f /s\n", dn / t_raw);
    printf("digest server_verify (+nonce MAC, replay) %10.0f /s  ratio to 3 raw MD5: %.2fx\n",
           dn / t_full, t_full / t_raw);
    printf("digest parse Authorization (%zu octets)   %10.0f /s  %.1f MB/s\n", hl, dn / t_parse,
           (double)hl * dn / t_parse / 1e6);
    (void)sink;
    utsec_digest_server_free(&srv);
    utsec_digest_client_free(&cl);
}
