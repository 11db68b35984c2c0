/*
 * libFuzzer harness: SIP/SIPS URI parser and RFC 3261 §19.1.4 comparison.
 * The input is split at its first NUL into two URIs; comparison must be
 * reflexive and symmetric.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/identity.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_views(const char *s, size_t n, const utsec_id_sip_uri_t *u)
{
    const utsec_id_view_t *v[] = {&u->user, &u->password, &u->host, &u->params, &u->headers};
    size_t k;

    for (k = 0; k < sizeof(v) / sizeof(v[0]); k++)
        if (v[k]->len && (v[k]->ptr < s || v[k]->ptr + v[k]->len > s + n))
            abort();
    if (u->host.len == 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *a = (const char *)data, *nul = memchr(a, 0, size), *b;
    size_t an, bn;
    utsec_id_sip_uri_t u;
    int ab, ba;

    an = nul ? (size_t)(nul - a) : size;
    b = nul ? nul + 1 : a;
    bn = nul ? size - an - 1 : size;
    if (utsec_id_sip_uri_parse(a, an, &u) == 0) {
        check_views(a, an, &u);
        if (utsec_id_sip_uri_equal(a, an, a, an) != 1)
            abort();
    }
    ab = utsec_id_sip_uri_equal(a, an, b, bn);
    ba = utsec_id_sip_uri_equal(b, bn, a, an);
    if ((ab == 1) != (ba == 1) || (ab == 0) != (ba == 0))
        abort();
    (void)utsec_id_uri_equal(a, an, b, bn);
    return 0;
}
