/*
 * libFuzzer harness: Authorization parser (utsec_digest_parse_authorization)
 * with a parse -> utsec_digest_authorization_write -> parse round trip, and
 * the response check on whatever parsed (it must not crash).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "fuzz_digest_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static utsec_digest_authorization_t a, b;
    static char scratch[UTSEC_DIGEST_MAX_INPUT], scratch2[UTSEC_DIGEST_MAX_INPUT];
    static char out[FUZZ_OUT_SIZE];
    size_t len;
    int rc, rc2;

    if (utsec_digest_parse_authorization((const char *)data, size, &a, scratch,
                                         sizeof(scratch)) != 0)
        return 0;
    rc = utsec_digest_check_response(&a, "GET", 3, (const uint8_t *)"\0pw", 3, NULL);
    if (rc != UTSEC_ERR_AUTH_FAILED && rc != UTSEC_ERR_UNSUPPORTED && rc != 0)
        abort();
    rc = utsec_digest_authorization_write(&a, out, sizeof(out), &len);
    if (a.qop == UTSEC_DIGEST_QOP_UNKNOWN) {
        if (rc != UTSEC_ERR_INVALID_ARG)
            abort();
        return 0;
    }
    if (rc != 0)
        abort();
    if (len > UTSEC_DIGEST_MAX_INPUT)
        return 0;
    rc2 = utsec_digest_parse_authorization(out, len, &b, scratch2, sizeof(scratch2));
    if (rc2 == UTSEC_ERR_TOO_LONG)
        return 0; /* escaping or %-encoding grew a value past the limit */
    if (rc2 != 0)
        abort();
    same_view(a.username, b.username);
    same_view(a.realm, b.realm);
    same_view(a.nonce, b.nonce);
    same_view(a.uri, b.uri);
    same_view(a.response, b.response);
    same_view(a.cnonce, b.cnonce);
    same_view(a.opaque, b.opaque);
    same_view(a.auts, b.auts);
    if (a.alg != b.alg || a.qop != b.qop || a.nc != b.nc || a.userhash != b.userhash)
        abort();
    if (a.alg == UTSEC_DIGEST_ALG_UNKNOWN)
        same_view(a.algorithm, b.algorithm);
    same_unknown(a.params, a.n_params, b.params, b.n_params);
    return 0;
}
