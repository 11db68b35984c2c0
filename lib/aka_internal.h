/*
 * Private helpers shared by the AKA sources (not installed).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_LIB_AKA_INTERNAL_H
#define UTSEC_LIB_AKA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "crypto.h" /* UTSEC_CT_PUBLIC */
#include "utsec/aka.h"

/* Keccak-f[1600] (FIPS 202 §3.3, with the 24 rounds of §3.4) on a state of
 * 25 lanes; lane x + 5y holds bits 64(x + 5y) .. 64(x + 5y) + 63. */
void utsec_aka_keccak_f1600(uint64_t a[25]);

/* What one utsec_aka_run() computes: the outputs wanted, and which AK
 * conceals the SQN given (AKA_CONCEAL_AK needs AKA_AK wanted too, and
 * AKA_CONCEAL_AK_STAR needs AKA_AK_STAR). */
enum {
    AKA_MAC_A = 0x01,  /* f1 */
    AKA_MAC_S = 0x02,  /* f1* */
    AKA_RES = 0x04,    /* f2 */
    AKA_CK = 0x08,     /* f3 */
    AKA_IK = 0x10,     /* f4 */
    AKA_AK = 0x20,     /* f5 */
    AKA_AK_STAR = 0x40, /* f5* */
    AKA_CONCEAL_AK = 0x80,       /* SQN = sqn_in xor AK (the UE reading AUTN) */
    AKA_CONCEAL_AK_STAR = 0x100  /* SQN = sqn_in xor AK* (the HSS reading AUTS) */
};
#define AKA_MACS (AKA_MAC_A | AKA_MAC_S)

/* Everything one AKA run gives for one RAND, so that the functions share
 * their work (one TEMP for Milenage); the caller wipes it. */
typedef struct utsec_aka_out {
    uint8_t sqn[6];   /* SQN covered by the MACs: sqn_in, or unconcealed */
    uint8_t mac[16];  /* MAC-A || MAC-S */
    uint8_t res[32];  /* RES: the key's res_len octets (Milenage: 8) */
    uint8_t ck[16], ik[16], ak[6], ak_star[6];
} utsec_aka_out_t;

/* Computes the outputs named in want (and whatever shares their block),
 * f2..f5* first, then SQN (see AKA_CONCEAL_*), then f1/f1* over SQN, RAND
 * and AMF; sqn_in and amf are read only when a MAC is wanted. All pointers
 * are required (but sqn_in, amf without a MAC). *o is zeroed first; on error
 * its content is unspecified. */
int utsec_aka_run(utsec_aka_key_t *key, const uint8_t rand[16],
                  const uint8_t *sqn_in, const uint8_t *amf, unsigned want,
                  utsec_aka_out_t *o);
/* The same for one algorithm, on a zeroed *o. */
int utsec_aka_milenage_run(utsec_milenage_t *m, const uint8_t rand[16],
                           const uint8_t *sqn_in, const uint8_t *amf,
                           unsigned want, utsec_aka_out_t *o);
/* TS 34.108 §8.1.2 XOR algorithm (o->res gets all 16 octets of XDOUT). */
void utsec_aka_xor_run(const uint8_t k[16], const uint8_t rand[16],
                       const uint8_t *sqn_in, const uint8_t *amf, unsigned want,
                       utsec_aka_out_t *o);
/* o->sqn = sqn_in, unconcealed as want says, once o->ak / o->ak_star hold
 * f5 / f5* (step between f2..f5* and f1 in the *_run() functions). */
void utsec_aka_out_sqn(utsec_aka_out_t *o, const uint8_t sqn_in[6], unsigned want);
/* f1/f1* and f2..f5* (outputs may be NULL) for an AKA key, or for the bare
 * Milenage context m when key is NULL (the utsec_milenage_* calls; RES is
 * then 8 octets). Outputs are written only on success. */
int utsec_aka_f1_of(utsec_aka_key_t *key, utsec_milenage_t *m,
                    const uint8_t rand[16], const uint8_t sqn[6],
                    const uint8_t amf[2], uint8_t mac_a[8], uint8_t mac_s[8]);
int utsec_aka_f2345_of(utsec_aka_key_t *key, utsec_milenage_t *m,
                       const uint8_t rand[16], uint8_t *res, uint8_t *ck,
                       uint8_t *ik, uint8_t *ak, uint8_t *ak_star);

/* SQN (6 octets, big-endian) <-> 48-bit integer. */
uint64_t utsec_aka_sqn_get(const uint8_t sqn[UTSEC_AKA_SQN_LEN]);
void utsec_aka_sqn_put(uint64_t v, uint8_t sqn[UTSEC_AKA_SQN_LEN]);
/* Records SQN as accepted (Annex C.2); the caller has checked it with
 * utsec_aka_sqn_check() on the same state. */
void utsec_aka_sqn_store(utsec_aka_sqn_state_t *st, const uint8_t sqn[UTSEC_AKA_SQN_LEN]);

#define AKA_SQN_MAX ((uint64_t)0xFFFFFFFFFFFFu)

#endif /* UTSEC_LIB_AKA_INTERNAL_H */
