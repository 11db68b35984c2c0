/*
 * Code the UE and BSF sides of Ub share (boot_role_internal.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "boot_role_internal.h"

int utsec_boot_role_body_hash(utsec_digest_body_hash_t *bh, const char *body,
                              size_t len, char *out)
{
    int rc = utsec_digest_body_hash_start(bh, UTSEC_DIGEST_ALG_AKAV1_MD5);

    if (rc == 0)
        rc = utsec_digest_body_hash_update(bh, body, len);
    if (rc == 0)
        rc = utsec_digest_body_hash_finish(bh, out, UTSEC_DIGEST_HEX_SIZE);
    return rc;
}
