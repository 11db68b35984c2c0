/*
 * libFuzzer harness: HTTP/1.1 request-head scanner and rewriter. The first
 * octet is the remove mask and whether to add an asserted identity; a
 * successful rewrite must scan clean, carry exactly our asserted identity,
 * and lose the removed fields.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/identity.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char out[UTSEC_ID_HTTP_MAX_BLOCK + 128];
    static const char as[] = "\"sip:alice@example.com\"";
    utsec_id_ue_headers_t h, h2;
    const char *s = (const char *)data + 1;
    size_t n, ol;
    unsigned remove;
    int add, rc;

    if (size == 0)
        return 0;
    n = size - 1;
    remove = data[0] & 7u;
    add = (data[0] & 8u) != 0;
    rc = utsec_id_http_scan(s, n, &h);
    if (rc == 0) {
        if ((h.present & UTSEC_ID_HDR_INTENDED) &&
            (h.intended.ptr < s || h.intended.ptr + h.intended.len > s + n))
            abort();
    }
    if (utsec_id_http_rewrite(s, n, remove, add ? as : NULL, add ? sizeof(as) - 1 : 0,
                              out, sizeof(out), &ol) != 0)
        return 0;
    if (rc != 0)
        abort(); /* rewrite accepted what scan refused */
    if (utsec_id_http_scan(out, ol, &h2) != 0)
        abort();
    if (h2.present & remove & ~(add ? UTSEC_ID_HDR_ASSERTED : 0u))
        abort();
    if (add && (!(h2.present & UTSEC_ID_HDR_ASSERTED) || h2.asserted.len != sizeof(as) - 1 ||
                memcmp(h2.asserted.ptr, as, sizeof(as) - 1) != 0))
        abort();
    if (!add && !(remove & UTSEC_ID_HDR_ASSERTED) &&
        (h2.present & UTSEC_ID_HDR_ASSERTED) != (h.present & UTSEC_ID_HDR_ASSERTED))
        abort();
    return 0;
}
