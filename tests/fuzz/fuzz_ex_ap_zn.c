/*
 * libFuzzer harness: the ap example's parser of the Zn answer body
 * (examples/ap/zn_parse.c; the body comes from the BSF over the network).
 * An accepted answer must be well-formed (printable IMPI, valid IMPUs,
 * views inside the identity store) and must survive
 * parse -> serialize -> parse unchanged.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../examples/ap/zn_parse.c"
#include "../../examples/common/ex_text.c"

static ap_zn_t a, b;
static char text[8192];

/* The answer as the BSF writes it (examples/README.md "bsf"). */
static size_t serialize(const ap_zn_t *z)
{
    size_t n = 0, i;
    int k;

    k = snprintf(text, sizeof(text), "impi: %s\nks_naf: ", z->impi);
    n = (size_t)k;
    for (i = 0; i < sizeof(z->ks_naf); i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "%02x", z->ks_naf[i]);
    n += (size_t)snprintf(text + n, sizeof(text) - n, "\nlifetime: %lld\n",
                          (long long)z->lifetime);
    for (i = 0; i < z->n_impu; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "impu: %.*s\n",
                              (int)z->impu[i].len, z->impu[i].ptr);
    if (n >= sizeof(text))
        abort();
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i, n;

    memset(&a, 0, sizeof(a));
    if (ap_zn_parse((const char *)data, size, &a) != 0) {
        ap_zn_clear(&a);
        return 0;
    }
    if (a.impi[0] == '\0' || strlen(a.impi) > AP_IMPI_MAX || a.n_impu > AP_MAX_IMPU ||
        a.lifetime < 0)
        abort();
    for (i = 0; i < a.n_impu; i++) {
        const char *p = a.impu[i].ptr;
        if (p < a.ids || p + a.impu[i].len >= a.ids + sizeof(a.ids) ||
            p[a.impu[i].len] != '\0' || utsec_id_uri_validate(p, a.impu[i].len) != 0)
            abort();
    }
    n = serialize(&a);
    memset(&b, 0, sizeof(b));
    if (ap_zn_parse(text, n, &b) != 0 || strcmp(a.impi, b.impi) != 0 ||
        memcmp(a.ks_naf, b.ks_naf, sizeof(a.ks_naf)) != 0 || a.lifetime != b.lifetime ||
        a.n_impu != b.n_impu)
        abort();
    for (i = 0; i < a.n_impu; i++)
        if (a.impu[i].len != b.impu[i].len ||
            memcmp(a.impu[i].ptr, b.impu[i].ptr, a.impu[i].len) != 0)
            abort();
    ap_zn_clear(&a);
    ap_zn_clear(&b);
    return 0;
}
