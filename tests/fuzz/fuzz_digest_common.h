/*
 * Shared checks for the HTTP Digest fuzz harnesses: parse -> serialize ->
 * parse must give the same values.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef FUZZ_DIGEST_COMMON_H
#define FUZZ_DIGEST_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "utsec/digest.h"

#define FUZZ_OUT_SIZE (3 * UTSEC_DIGEST_MAX_INPUT + 1024)

static void same_view(utsec_digest_str_t a, utsec_digest_str_t b)
{
    if ((a.ptr == NULL) != (b.ptr == NULL) || a.len != b.len ||
        (a.len && memcmp(a.ptr, b.ptr, a.len) != 0))
        abort();
}

/* Extension parameters survive a round trip, in order. */
static void same_unknown(const utsec_digest_param_t *a, size_t na,
                         const utsec_digest_param_t *b, size_t nb)
{
    size_t i = 0, j = 0;

    for (;;) {
        while (i < na && a[i].id != UTSEC_DIGEST_P_UNKNOWN)
            i++;
        while (j < nb && b[j].id != UTSEC_DIGEST_P_UNKNOWN)
            j++;
        if (i == na || j == nb)
            break;
        same_view(a[i].name, b[j].name);
        same_view(a[i].value, b[j].value);
        i++;
        j++;
    }
    if ((i == na) != (j == nb))
        abort();
}

#endif
