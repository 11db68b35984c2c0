/*
 * libFuzzer harness: WWW-Authenticate parser (utsec_digest_parse_challenges)
 * with a parse -> utsec_digest_challenge_write -> parse round trip.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "fuzz_digest_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static utsec_digest_challenge_t c[4], d[1];
    static char scratch[UTSEC_DIGEST_MAX_INPUT], scratch2[UTSEC_DIGEST_MAX_INPUT];
    static char out[FUZZ_OUT_SIZE];
    size_t n, n2, len, i;
    int rc2;

    if (utsec_digest_parse_challenges((const char *)data, size, c, 4, &n, scratch,
                                      sizeof(scratch)) != 0)
        return 0;
    for (i = 0; i < n; i++) {
        if (c[i].realm.ptr == NULL || c[i].nonce.ptr == NULL || c[i].n_params == 0)
            abort();
        if (utsec_digest_challenge_write(&c[i], out, sizeof(out), &len) != 0)
            abort(); /* everything parsed must be representable */
        if (len > UTSEC_DIGEST_MAX_INPUT)
            continue; /* escaping grew it past the parser's limit */
        rc2 = utsec_digest_parse_challenges(out, len, d, 1, &n2, scratch2, sizeof(scratch2));
        if (rc2 == UTSEC_ERR_TOO_LONG)
            continue; /* escaping grew a value past the limit */
        if (rc2 != 0 || n2 != 1)
            abort();
        same_view(c[i].realm, d[0].realm);
        same_view(c[i].nonce, d[0].nonce);
        same_view(c[i].opaque, d[0].opaque);
        same_view(c[i].domain, d[0].domain);
        same_view(c[i].charset, d[0].charset);
        if (c[i].alg != d[0].alg || c[i].qop_mask != d[0].qop_mask ||
            c[i].stale != d[0].stale || c[i].userhash != d[0].userhash)
            abort();
        if (c[i].alg == UTSEC_DIGEST_ALG_UNKNOWN)
            same_view(c[i].algorithm, d[0].algorithm);
        same_unknown(c[i].params, c[i].n_params, d[0].params, d[0].n_params);
    }
    return 0;
}
