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

/* TS 34.108 §8.1.2 XOR algorithm. Outputs may be NULL. */
void utsec_aka_xor_f1(const uint8_t k[16], const uint8_t rand[16],
                      const uint8_t sqn[6], const uint8_t amf[2], uint8_t mac[8]);
void utsec_aka_xor_f2345(const uint8_t k[16], const uint8_t rand[16], uint8_t *res,
                         size_t res_len, uint8_t ck[16], uint8_t ik[16],
                         uint8_t ak[6]);

/* Everything one AKA run needs for one RAND, sharing work between the
 * functions (one TEMP for Milenage: 5 AES blocks in all): AK, RES (the
 * key's res_len octets), CK, IK, and MAC-A = f1(SQN, RAND, AMF) where SQN is
 * sqn_in, or sqn_in xor AK when sqn_concealed (the UE reading AUTN). SQN is
 * written to sqn_out. res holds at least 8 octets (octets res_len..7 are
 * zeroed). All pointers are required. Outputs are unspecified on error: the
 * caller wipes them. */
int utsec_aka_compute(utsec_aka_key_t *key, const uint8_t rand[16],
                      const uint8_t sqn_in[6], int sqn_concealed,
                      const uint8_t amf[2], uint8_t sqn_out[6], uint8_t mac_a[8],
                      uint8_t *res, uint8_t ck[16], uint8_t ik[16], uint8_t ak[6]);
int utsec_aka_milenage_compute(utsec_milenage_t *m, const uint8_t rand[16],
                               const uint8_t sqn_in[6], int sqn_concealed,
                               const uint8_t amf[2], uint8_t sqn_out[6],
                               uint8_t mac_a[8], uint8_t res[8], uint8_t ck[16],
                               uint8_t ik[16], uint8_t ak[6]);

/* SQN (6 octets, big-endian) <-> 48-bit integer. */
uint64_t utsec_aka_sqn_get(const uint8_t sqn[UTSEC_AKA_SQN_LEN]);
void utsec_aka_sqn_put(uint64_t v, uint8_t sqn[UTSEC_AKA_SQN_LEN]);
/* Records SQN as accepted (Annex C.2); the caller has checked it with
 * utsec_aka_sqn_check() on the same state. */
void utsec_aka_sqn_store(utsec_aka_sqn_state_t *st, const uint8_t sqn[UTSEC_AKA_SQN_LEN]);

#define AKA_SQN_MAX ((uint64_t)0xFFFFFFFFFFFFu)

#endif /* UTSEC_LIB_AKA_INTERNAL_H */
