/*
 * libFuzzer harness: X-3GPP-*-Identity values. parse -> format -> parse
 * must give back the same identities.
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
    static char out[UTSEC_ID_MAX_HEADER + 1];
    utsec_id_view_t ids[UTSEC_ID_MAX_ITEMS], back[UTSEC_ID_MAX_ITEMS], one;
    const char *s = (const char *)data;
    size_t n, m, len, k, off = 0;

    if (utsec_id_intended_parse(s, size, &one, &off) == 0 &&
        (one.ptr < s || one.ptr + one.len > s + size))
        abort();
    if (utsec_id_header_parse(s, size, ids, UTSEC_ID_MAX_ITEMS, &n, &off) != 0) {
        if (off > size && off != UTSEC_ID_MAX_HEADER)
            abort();
        return 0;
    }
    if (n == 0 || n > UTSEC_ID_MAX_ITEMS)
        abort();
    for (k = 0; k < n; k++) {
        if (ids[k].ptr < s || ids[k].ptr + ids[k].len > s + size)
            abort();
        if (utsec_id_uri_equal(ids[k].ptr, ids[k].len, ids[k].ptr, ids[k].len) != 1)
            abort(); /* every accepted identity equals itself */
    }
    if (utsec_id_header_format(ids, n, out, sizeof(out), &len) != 0) {
        /* only the total length can fail: quoting adds 2-4 octets per item */
        return 0;
    }
    if (utsec_id_header_parse(out, len, back, UTSEC_ID_MAX_ITEMS, &m, NULL) != 0 || m != n)
        abort();
    for (k = 0; k < n; k++)
        if (back[k].len != ids[k].len || memcmp(back[k].ptr, ids[k].ptr, ids[k].len) != 0)
            abort();
    return 0;
}
