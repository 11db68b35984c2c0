/*
 * The BSF's HSS stand-in: the subscriber table of examples/README.md, one
 * line per subscriber
 *   IMPI K(hex16) OPc(hex16) SQN(hex6) LIFETIME_S IMPU[,IMPU...]
 * with Milenage vectors for Zh (TS 29.109 is Diameter; here a function
 * call) and the user security settings (IMPUs, per-subscriber key
 * lifetime) for each new bootstrapping context.
 *
 * SQN scheme: IND length 0 (TS 33.102 Annex C.3 with ind_bits = 0), so the
 * SQN is a plain counter: each vector uses the subscriber's SQN and
 * increments it; an AUTS resynchronisation sets it to SQN_MS + 1. The table
 * lives in memory: SQN updates are not written back to the file.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef BSF_HSS_H
#define BSF_HSS_H

#include <stdint.h>

#include "utsec/aka.h"
#include "utsec/bootstrap.h"

#define HSS_MAX_SUBS 32

typedef struct hss_sub {
    char impi[UTSEC_BOOT_IMPI_MAX + 1];
    utsec_aka_key_t key;    /* K and OPc (secret) */
    uint64_t sqn;           /* next SQN to use (48 bits) */
    int64_t lifetime;       /* key lifetime, seconds */
    size_t n_impu;
    char impu[UTSEC_BOOT_MAX_IDS][UTSEC_BOOT_ID_MAX + 1];
} hss_sub_t;

typedef struct hss {
    hss_sub_t subs[HSS_MAX_SUBS];
    size_t n_subs;
    utsec_rng_fn rng;
    void *rng_ctx;
} hss_t;

/* Load the table (hss zeroed by the caller). 0, or -1 with a message on
 * stderr naming the line. Release with hss_free() in every case. */
int hss_load(hss_t *h, const char *path, utsec_rng_fn rng, void *rng_ctx);
void hss_free(hss_t *h);

/* The utsec_boot_bsf_config_t callbacks; ctx is the hss_t. */
int hss_av(void *ctx, const char *impi, size_t impi_len, utsec_aka_vector_t *av);
int hss_resync(void *ctx, const char *impi, size_t impi_len,
               const uint8_t rand[UTSEC_AKA_RAND_LEN],
               const uint8_t auts[UTSEC_AKA_AUTS_LEN], utsec_aka_vector_t *av);
int hss_uss(void *ctx, utsec_boot_ctx_t *c);

#endif
