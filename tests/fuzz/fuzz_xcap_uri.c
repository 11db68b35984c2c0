/*
 * libFuzzer harness: XCAP document URI parser (RFC 4825 §6) and the XCAP
 * authorization check. The first octet selects the root and the method.
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
    static const char *const methods[] = {"GET", "PUT", "DELETE", "HEAD"};
    utsec_id_view_t ids[2] = {{"sip:alice@example.com", 21}, {"tel:+12015550123", 16}};
    utsec_id_xcap_uri_t u;
    char xui[256];
    const char *s = (const char *)data + 1, *root;
    size_t n, xl = 0, k;
    int rc;

    if (size == 0)
        return 0;
    n = size - 1;
    root = (data[0] & 1) ? "/xcap-root" : "";
    rc = utsec_id_xcap_parse(s, n, root, strlen(root), &u, xui, sizeof(xui), &xl);
    if (rc == 0) {
        const utsec_id_view_t *v[] = {&u.auid, &u.xui_raw, &u.doc, &u.node};
        for (k = 0; k < 4; k++)
            if (v[k]->len && (v[k]->ptr < s || v[k]->ptr + v[k]->len > s + n))
                abort();
        if (u.auid.len == 0 || u.doc.len == 0 || xl > sizeof(xui) ||
            (u.global && (xl || u.xui_raw.len)) || (!u.global && !xl) ||
            memchr(xui, 0, xl) != NULL || xl > u.xui_raw.len)
            abort();
    }
    rc = utsec_id_xcap_authorize(ids, 2, s, n, root, strlen(root),
                                 methods[(data[0] >> 1) & 3],
                                 strlen(methods[(data[0] >> 1) & 3]));
    (void)rc;
    return 0;
}
