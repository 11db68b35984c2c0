/*
 * Private: what the Ub roles (boot_ue.c, boot_bsf.c) share.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_LIB_BOOT_ROLE_INTERNAL_H
#define UTSEC_LIB_BOOT_ROLE_INTERNAL_H

#include <stddef.h>

#include "utsec/digest.h"

/* The auth-int body hash of the Ub 200 OK (RFC 3310 §3.5, RFC 7616 §3.5):
 * hex H(body[0, len)) with the AKAv1-MD5 hash into
 * out[UTSEC_DIGEST_HEX_SIZE], using the caller's state bh. body may be NULL
 * when len is 0. 0 or the code of the failed body-hash call. */
int utsec_boot_role_body_hash(utsec_digest_body_hash_t *bh, const char *body,
                              size_t len, char *out);

#endif
