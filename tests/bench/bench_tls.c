/*
 * TLS-PSK benchmarks: full TLS 1.2 handshakes per second, UE and NAF in one
 * process over an in-memory pipe, through libutsec's glue (the UE derives
 * Ks_NAF for the negotiated suite: one KDF per handshake; the NAF parses the
 * PSK identity, builds NAF_Id and asks its key provider, here a Zn cache)
 * against bare mbedTLS
 * configured with a fixed PSK for the same suite and the same SNI (the
 * floor). Contexts are
 * reused with mbedtls_ssl_session_reset(), as a server would.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"

#include <string.h>
#include <time.h>

#include "utsec/gba.h"
#include "utsec/tls_psk.h"
#include "../support/mem_pipe.h"

static const char impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char fqdn[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";
static const char btid[] = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org";

struct tls_bench {
    utsec_rng_default_t rng;
    uint8_t ck[16], ik[16], rnd[16], ks[32], psk[32], naf_key[32];
    uint16_t suite;
    mbedtls_ssl_config cc, sc;
    mbedtls_ssl_context cs, ss;
    struct pipe c2s, s2c;
    struct end ce, se;
    utsec_tls_ue_t ue;
    utsec_tls_naf_t naf;
    utsec_tls_ue_session_t us;
    utsec_tls_naf_session_t ns;
};

/* A NAF's Zn cache: the key the BSF sent for (B-TID, NAF_Id), derived once
 * per suite at setup (a NAF does not hold Ks; the UE derives per handshake). */
static int provider(void *ctx, const utsec_tls_key_request_t *req,
                    utsec_tls_key_reply_t *rep)
{
    struct tls_bench *b = ctx;

    if (req->cipher_suite != b->suite)
        return UTSEC_ERR_UNKNOWN_ID;
    rep->expiry = INT64_MAX;
    memcpy(rep->key, b->naf_key, sizeof(rep->key));
    return 0;
}

static void wire(struct tls_bench *b)
{
    b->ce.in = &b->s2c;
    b->ce.out = &b->c2s;
    b->se.in = &b->c2s;
    b->se.out = &b->s2c;
    b->c2s.len = b->s2c.len = 0;
}

static int op_glue(void *p, size_t iters)
{
    struct tls_bench *b = p;
    int rc_c, rc_s, i;

    while (iters--) {
        wire(b);
        if (mbedtls_ssl_session_reset(&b->cs) || mbedtls_ssl_session_reset(&b->ss) ||
            utsec_tls_ue_session_setup(&b->us, &b->ue, &b->cs) ||
            utsec_tls_naf_session_setup(&b->ns, &b->naf, &b->ss, &b->se, p_send,
                                        p_recv, NULL))
            return -1;
        rc_c = rc_s = UTSEC_ERR_TLS_WANT_READ;
        for (i = 0; i < 64 && (rc_c != 0 || rc_s != 0); i++) {
            if (rc_c != 0)
                rc_c = utsec_tls_ue_handshake(&b->us);
            if (rc_s != 0)
                rc_s = utsec_tls_naf_handshake(&b->ns);
            if ((rc_c && rc_c != UTSEC_ERR_TLS_WANT_READ && rc_c != UTSEC_ERR_TLS_WANT_WRITE) ||
                (rc_s && rc_s != UTSEC_ERR_TLS_WANT_READ && rc_s != UTSEC_ERR_TLS_WANT_WRITE))
                return -1;
        }
        if (rc_c != 0 || rc_s != 0)
            return -1;
    }
    return 0;
}

static int want(int r)
{
    return r == MBEDTLS_ERR_SSL_WANT_READ || r == MBEDTLS_ERR_SSL_WANT_WRITE;
}

static int op_bare(void *p, size_t iters)
{
    struct tls_bench *b = p;
    int rc_c, rc_s, i;

    while (iters--) {
        wire(b);
        if (mbedtls_ssl_session_reset(&b->cs) || mbedtls_ssl_session_reset(&b->ss))
            return -1;
        rc_c = rc_s = MBEDTLS_ERR_SSL_WANT_READ;
        for (i = 0; i < 64 && (rc_c != 0 || rc_s != 0); i++) {
            if (rc_c != 0)
                rc_c = mbedtls_ssl_handshake(&b->cs);
            if (rc_s != 0)
                rc_s = mbedtls_ssl_handshake(&b->ss);
            if ((rc_c && !want(rc_c)) || (rc_s && !want(rc_s)))
                return -1;
        }
        if (rc_c != 0 || rc_s != 0)
            return -1;
    }
    return 0;
}

static void teardown(struct tls_bench *b)
{
    mbedtls_ssl_free(&b->cs);
    mbedtls_ssl_free(&b->ss);
    mbedtls_ssl_config_free(&b->cc);
    mbedtls_ssl_config_free(&b->sc);
}

static int setup_glue(struct tls_bench *b)
{
    utsec_tls_ue_params_t up;
    utsec_tls_naf_params_t np;

    memset(&up, 0, sizeof(up));
    up.btid = btid;
    up.btid_len = sizeof(btid) - 1;
    up.naf_fqdn = fqdn;
    up.naf_fqdn_len = sizeof(fqdn) - 1;
    up.ck = b->ck;
    up.ik = b->ik;
    up.rand = b->rnd;
    up.impi = impi;
    up.impi_len = sizeof(impi) - 1;
    up.suites = &b->suite;
    up.n_suites = 1;
    up.rng = utsec_rng_default;
    up.rng_ctx = &b->rng;
    memset(&np, 0, sizeof(np));
    np.naf_fqdn = fqdn;
    np.naf_fqdn_len = sizeof(fqdn) - 1;
    np.provider = provider;
    np.provider_ctx = b;
    np.suites = &b->suite;
    np.n_suites = 1;
    np.rng = utsec_rng_default;
    np.rng_ctx = &b->rng;
    {
        uint8_t ua[5], naf_id[UTSEC_TLS_NAF_ID_SIZE];
        size_t n;
        utsec_gba_ua_id_tls(b->suite, ua);
        if (utsec_gba_naf_id(fqdn, sizeof(fqdn) - 1, ua, naf_id, sizeof(naf_id), &n) ||
            utsec_gba_ks_naf(b->ks, UTSEC_GBA_VARIANT_ME, b->rnd, impi,
                             sizeof(impi) - 1, naf_id, n, b->naf_key))
            return -1;
    }
    mbedtls_ssl_config_init(&b->cc);
    mbedtls_ssl_config_init(&b->sc);
    mbedtls_ssl_init(&b->cs);
    mbedtls_ssl_init(&b->ss);
    if (utsec_tls_ue_setup(&b->ue, &up, &b->cc) || utsec_tls_naf_setup(&b->naf, &np, &b->sc) ||
        mbedtls_ssl_setup(&b->cs, &b->cc) || mbedtls_ssl_setup(&b->ss, &b->sc))
        return -1;
    mbedtls_ssl_set_bio(&b->cs, &b->ce, p_send, p_recv, NULL);
    return 0;
}

static int setup_bare(struct tls_bench *b)
{
    static int suites[2];
    static const char id[] = "3GPP-bootstrapping.I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org";

    suites[0] = b->suite;
    suites[1] = 0;
    mbedtls_ssl_config_init(&b->cc);
    mbedtls_ssl_config_init(&b->sc);
    mbedtls_ssl_init(&b->cs);
    mbedtls_ssl_init(&b->ss);
    if (mbedtls_ssl_config_defaults(&b->cc, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                    MBEDTLS_SSL_PRESET_DEFAULT) ||
        mbedtls_ssl_config_defaults(&b->sc, MBEDTLS_SSL_IS_SERVER, MBEDTLS_SSL_TRANSPORT_STREAM,
                                    MBEDTLS_SSL_PRESET_DEFAULT))
        return -1;
    mbedtls_ssl_conf_ciphersuites(&b->cc, suites);
    mbedtls_ssl_conf_ciphersuites(&b->sc, suites);
    mbedtls_ssl_conf_rng(&b->cc, utsec_rng_default, &b->rng);
    mbedtls_ssl_conf_rng(&b->sc, utsec_rng_default, &b->rng);
    if (mbedtls_ssl_conf_psk(&b->cc, b->psk, 32, (const unsigned char *)id, sizeof(id) - 1) ||
        mbedtls_ssl_conf_psk(&b->sc, b->psk, 32, (const unsigned char *)id, sizeof(id) - 1) ||
        mbedtls_ssl_setup(&b->cs, &b->cc) || mbedtls_ssl_setup(&b->ss, &b->sc))
        return -1;
    mbedtls_ssl_set_bio(&b->cs, &b->ce, p_send, p_recv, NULL);
    mbedtls_ssl_set_bio(&b->ss, &b->se, p_send, p_recv, NULL);
    /* the same ClientHello: TS 24.109 F.3 has the UE send server_name */
    return mbedtls_ssl_set_hostname(&b->cs, fqdn) != 0 ? -1 : 0;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Glue and floor run in small alternating batches and their times are
 * summed, so that load changes on a shared machine hit both equally. */
static void one_suite(struct tls_bench *g, struct tls_bench *f, uint16_t suite,
                      const char *name, const char *floor_desc)
{
    double tb = 0, tg = 0, t0, t1, t2, start;
    size_t batch = 1, n = 0;

    g->suite = f->suite = suite;
    if (setup_bare(f) != 0 || setup_glue(g) != 0)
        return;
    /* warm up and size the batch to about 2 ms */
    t0 = now_s();
    if (op_bare(f, 4) != 0 || op_glue(g, 4) != 0)
        return;
    t1 = (now_s() - t0) / 8;
    if (t1 > 0 && t1 < 0.002)
        batch = (size_t)(0.002 / t1);
    start = now_s();
    while (now_s() - start < 2.0) {
        t0 = now_s();
        if (op_bare(f, batch) != 0)
            return;
        t1 = now_s();
        if (op_glue(g, batch) != 0)
            return;
        t2 = now_s();
        tb += t1 - t0;
        tg += t2 - t1;
        n += batch;
    }
    teardown(f);
    teardown(g);
    utsec_tls_ue_free(&g->ue);
    utsec_tls_naf_free(&g->naf);
    bench_report(name, (double)n / tg, (double)n / tb, "hs/s", floor_desc);
}

static void init_one(struct tls_bench *b)
{
    memset(b, 0, sizeof(*b));
    utsec_rng_default_init(&b->rng, NULL, 0);
    memset(b->ck, 0xb4, 16);
    memset(b->ik, 0xf7, 16);
    memset(b->rnd, 0x23, 16);
    memset(b->psk, 0x5a, 32);
    utsec_gba_ks(b->ck, b->ik, b->ks);
}

void bench_tls(void)
{
    static struct tls_bench g, f;

    init_one(&g);
    init_one(&f);
    one_suite(&g, &f, 0x00A8, "tls_psk_hs_00a8", "bare mbedTLS PSK-AES128-GCM, fixed PSK, same SNI");
    one_suite(&g, &f, 0x00AE, "tls_psk_hs_00ae", "bare mbedTLS PSK-AES128-CBC-SHA256, fixed PSK, same SNI");
    one_suite(&g, &f, 0xC037, "tls_psk_hs_c037", "bare mbedTLS ECDHE-PSK-AES128-CBC-SHA256, fixed PSK, same SNI");
    utsec_rng_default_free(&g.rng);
    utsec_rng_default_free(&f.rng);
    utsec_wipe(&g, sizeof(g));
    utsec_wipe(&f, sizeof(f));
}
