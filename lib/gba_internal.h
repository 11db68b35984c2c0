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

#endif
