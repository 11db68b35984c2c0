/*
 * Private: case-insensitive ASCII comparison, shared by the parsers of
 * every module (HTTP field and parameter names, URI schemes and
 * parameters, XML encoding names). Public data only: not constant time.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_ASCII_H
#define UTSEC_ASCII_H

#include <stddef.h>

/* a[0, an) and b[0, bn) are equal ignoring ASCII case. */
int utsec_ascii_ieq(const char *a, size_t an, const char *b, size_t bn);

/* s[0, n) equals the NUL-terminated lit ignoring ASCII case. */
int utsec_ascii_ieq_lit(const char *s, size_t n, const char *lit);

#endif
