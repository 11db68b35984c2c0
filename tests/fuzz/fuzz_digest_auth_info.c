/*
 * libFuzzer harness: Authentication-Info parser
 * (utsec_digest_parse_auth_info) with a parse -> utsec_digest_auth_info_write
 * -> parse round trip.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "fuzz_digest_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static utsec_digest_auth_info_t a, b;
    static char scratch[UTSEC_DIGEST_MAX_INPUT], scratch2[UTSEC_DIGEST_MAX_INPUT];
    static char out[FUZZ_OUT_SIZE];
    size_t len;
    int rc, rc2;

    if (utsec_digest_parse_auth_info((const char *)data, size, &a, scratch,
                                     sizeof(scratch)) != 0)
        return 0;
    rc = utsec_digest_auth_info_write(&a, out, sizeof(out), &len);
    if (a.qop == UTSEC_DIGEST_QOP_UNKNOWN) {
        if (rc != UTSEC_ERR_INVALID_ARG)
            abort();
        return 0;
    }
    if (rc != 0)
        abort();
    if (len > UTSEC_DIGEST_MAX_INPUT)
        return 0;
    rc2 = utsec_digest_parse_auth_info(out, len, &b, scratch2, sizeof(scratch2));
    if (rc2 == UTSEC_ERR_TOO_LONG)
        return 0; /* escaping or %-encoding grew a value past the limit */
    if (rc2 != 0)
        abort();
    same_view(a.rspauth, b.rspauth);
    same_view(a.nextnonce, b.nextnonce);
    same_view(a.cnonce, b.cnonce);
    if (a.qop != b.qop || a.nc != b.nc)
        abort();
    same_unknown(a.params, a.n_params, b.params, b.n_params);
    return 0;
}
