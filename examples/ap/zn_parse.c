/*
 * ap: parser of the Zn answer body (examples/README.md "bsf"). The body
 * comes from the network: every field is bounded and checked.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "zn.h"
#include "ex_text.h"

void ap_zn_clear(ap_zn_t *zn)
{
    utsec_wipe(zn, sizeof(*zn));
}

/* Is [p, p+n) a run of printable ASCII without spaces? */
static int zn_printable(const char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] <= ' ' || p[i] > '~')
            return 0;
    return n > 0;
}

/*
 * The 200 body: lines "name: value" (impi, ks_naf, lifetime once each,
 * impu any number of times); unknown names are ignored. Everything is
 * checked before *out is trusted; the caller wipes *out on error.
 */
int ap_zn_parse(const char *body, size_t len, ap_zn_t *out)
{
    const char *p = body, *end = body + len;
    int have_impi = 0, have_key = 0, have_life = 0;
    size_t ids_used = 0;

    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p)), *le, *colon, *v;
        size_t nlen, vlen, i;

        if (eol == NULL)
            eol = end;
        le = eol; /* line end, without a CR before the LF */
        if (le > p && le[-1] == '\r')
            le--;
        colon = memchr(p, ':', (size_t)(le - p));
        if (colon == NULL)
            goto next; /* blank or not a field: skip */
        nlen = (size_t)(colon - p);
        for (v = colon + 1; v < le && *v == ' ';)
            v++;
        vlen = (size_t)(le - v);
        if (nlen == 4 && memcmp(p, "impi", 4) == 0) {
            if (have_impi++ || vlen > AP_IMPI_MAX || !zn_printable(v, vlen))
                return UTSEC_ERR_PARSE;
            memcpy(out->impi, v, vlen);
            out->impi[vlen] = '\0';
        } else if (nlen == 6 && memcmp(p, "ks_naf", 6) == 0) {
            if (have_key++ || vlen != (size_t)2 * UTSEC_TLS_KEY_LEN ||
                ex_hex_decode(v, vlen, out->ks_naf, UTSEC_TLS_KEY_LEN) != UTSEC_TLS_KEY_LEN)
                return UTSEC_ERR_PARSE;
        } else if (nlen == 8 && memcmp(p, "lifetime", 8) == 0) {
            int64_t t = 0;
            if (have_life++ || vlen == 0 || vlen > 12)
                return UTSEC_ERR_PARSE;
            for (i = 0; i < vlen; i++) {
                if (v[i] < '0' || v[i] > '9')
                    return UTSEC_ERR_PARSE;
                t = t * 10 + (v[i] - '0');
            }
            out->lifetime = t;
        } else if (nlen == 4 && memcmp(p, "impu", 4) == 0) {
            if (out->n_impu == AP_MAX_IMPU || ids_used + vlen + 1 > sizeof(out->ids))
                return UTSEC_ERR_TOO_MANY;
            /* printable first: utsec_id_uri_validate() lets a NUL through
             * in a tel: parameter value (lib/id_tel_uri.c, pvalue_ok) */
            if (!zn_printable(v, vlen) || utsec_id_uri_validate(v, vlen) != 0)
                return UTSEC_ERR_PARSE;
            memcpy(out->ids + ids_used, v, vlen);
            out->ids[ids_used + vlen] = '\0';
            out->impu[out->n_impu].ptr = out->ids + ids_used;
            out->impu[out->n_impu].len = vlen;
            out->n_impu++;
            ids_used += vlen + 1;
        }
    next:
        if (eol == end)
            break;
        p = eol + 1;
    }
    return have_impi && have_key && have_life ? 0 : UTSEC_ERR_PARSE;
}

