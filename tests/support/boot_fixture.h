/*
 * Ub set-ups shared by the programs that drive a whole UE <-> BSF run in
 * memory (tests/test_noalloc.c, tests/test_wipe.c, tests/ct/ct_boot.c,
 * tests/fuzz/fuzz_boot_ub.c): a test HSS with one fixed vector and the BSF
 * configuration they have in common. Header-only: the constant-time and
 * fuzz programs are built without the tests/support sources.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TEST_BOOT_FIXTURE_H
#define UTSEC_TEST_BOOT_FIXTURE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "utsec/bootstrap.h"

/* The vector a fixed test HSS hands out: RAND, AUTN (NULL: zeros) and
 * key32, of which XRES is the first 8 octets, CK the first 16, IK the
 * last 16. */
typedef struct tf_hss {
    const uint8_t *rand, *autn, *key32;
} tf_hss_t;

/* utsec_boot_hss_av_fn over a tf_hss_t (the ctx). */
static inline int tf_hss_av(void *ctx, const char *id, size_t len, utsec_aka_vector_t *av)
{
    const tf_hss_t *h = ctx;

    (void)id;
    (void)len;
    memset(av, 0, sizeof(*av));
    memcpy(av->rand, h->rand, 16);
    if (h->autn != NULL)
        memcpy(av->autn, h->autn, 16);
    memcpy(av->xres, h->key32, 8);
    av->xres_len = 8;
    memcpy(av->ck, h->key32, 16);
    memcpy(av->ik, h->key32 + 16, 16);
    return 0;
}

/* utsec_boot_hss_resync_fn: the same vector again, AUTS not checked. */
static inline int tf_hss_resync(void *ctx, const char *id, size_t len, const uint8_t r[16],
                                const uint8_t auts[14], utsec_aka_vector_t *av)
{
    (void)r;
    (void)auts;
    return tf_hss_av(ctx, id, len, av);
}

/* A BSF for host (also the realm) with a one-hour key lifetime; the
 * caller sets hss_av, hss_resync, hss_ctx (and changes what it needs). */
static inline void tf_bsf_config(utsec_boot_bsf_config_t *bc, const char *host,
                                 const uint8_t *secret, size_t secret_len,
                                 utsec_rng_fn rng, utsec_time_fn clk,
                                 const utsec_boot_store_t *store,
                                 utsec_boot_bsf_pending_t *pending, size_t n_pending,
                                 utsec_digest_replay_entry_t *replay, size_t n_replay)
{
    memset(bc, 0, sizeof(*bc));
    bc->bsf_host = host;
    bc->bsf_host_len = strlen(host);
    bc->realm = host;
    bc->realm_len = strlen(host);
    bc->secret = secret;
    bc->secret_len = secret_len;
    bc->key_lifetime = 3600;
    bc->rng = rng;
    bc->time = clk;
    bc->store = store;
    bc->pending = pending;
    bc->n_pending = n_pending;
    bc->replay = replay;
    bc->n_replay = n_replay;
}

#endif
