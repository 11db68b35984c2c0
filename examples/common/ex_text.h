/*
 * Small text codecs the example programs share: hex (keys and NAF_Ids on
 * the command line, in state files and in the Zn answer) and RFC 3986
 * percent-encoding (B-TIDs, XUIs and watcher URIs in request targets).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef EX_TEXT_H
#define EX_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The value of one hex digit (either case), or -1. */
int ex_hexval(int c);

/* s[0..n) (n even, > 0, hex digits only) into out: at most size octets.
 * Returns the octet count, or -1. */
long ex_hex_decode(const char *s, size_t n, uint8_t *out, size_t size);

/* Exactly 2 * n hex digits in the NUL-terminated s into out[n]. 0 or -1. */
int ex_hex_exact(const char *s, uint8_t *out, size_t n);

/* p[0..n) as 2n lowercase hex digits and a NUL (out: 2n + 1 octets). */
void ex_hex_encode(const uint8_t *p, size_t n, char *out);

/* Percent-decode s[0..n) (RFC 3986 §2.1; '+' stays '+', as tel: URIs need
 * it) into out, NUL-terminated. A bad escape, an encoded NUL or a result
 * longer than size - 1 is refused. Returns the length or -1. */
long ex_pct_decode(const char *s, size_t n, char *out, size_t size);

/* Percent-encode the NUL-terminated s: unreserved characters and those in
 * keep stay, every other octet becomes %XX. 0, or -1 if out is too small. */
int ex_pct_encode(const char *s, const char *keep, char *out, size_t size);

/* The value of query parameter name in query (the part after '?', pairs
 * separated by '&') as a view, still encoded. 0, or -1 if it is absent or
 * given twice. */
int ex_query_param(const char *query, const char *name, const char **v, size_t *vn);

#endif
