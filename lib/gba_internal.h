/*
 * Private helpers shared by the GBA source files.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_LIB_GBA_INTERNAL_H
#define UTSEC_LIB_GBA_INTERNAL_H

#include "crypto.h"
#include "utsec/gba.h"

/* A KDF parameter holding a string literal (without its NUL). */
#define UTSEC_GBA_LIT(s) {(const uint8_t *)(s), sizeof(s) - 1}

/* The FC value TS 33.220 uses for every GBA derivation (B.3 - B.6). */
#define UTSEC_GBA_FC 0x01

/* KDF(Ks, FC = 0x01, label, p1, IMPI, NAF_Id) (TS 33.220 B.3; B.6 for
 * GBA_Digest), after checking that Ks, p1, IMPI and NAF_Id are
 * given and IMPI and NAF_Id not empty (UTSEC_ERR_INVALID_ARG). */
int utsec_gba_kdf_naf(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                      const utsec_gba_param_t *label, const uint8_t *p1,
                      size_t p1_len, const char *impi, size_t impi_len,
                      const uint8_t *naf_id, size_t naf_id_len,
                      uint8_t out[UTSEC_GBA_KEY_LEN]);

#endif
