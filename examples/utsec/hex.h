/*
 * Hexadecimal text for the utsec tool and the tests (not part of libutsec:
 * the library writes hex only through its Digest code).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TOOL_HEX_H
#define UTSEC_TOOL_HEX_H

#include <stddef.h>
#include <stdint.h>

/* Lower-case hex: out must hold 2*n+1 chars (NUL-terminated). */
void hex_encode(const uint8_t *in, size_t n, char *out);
/* Strict hex decode (case-insensitive, even length, no separators).
 * Returns 0, UTSEC_ERR_HEX or UTSEC_ERR_BUFFER_TOO_SMALL. */
int hex_decode(const char *in, size_t in_len, uint8_t *out, size_t out_size,
               size_t *out_len);

#endif /* UTSEC_TOOL_HEX_H */
