/*
 * TLS-PSK identity of TS 33.222 §5.4 / TS 24.109 §5.3.3: "3GPP-bootstrapping"
 * [-uicc | -digest] "." B-TID (TS 36.508 §4.7H shows the dot form), plus the
 * lenient forms a NAF accepts (no separator, bare B-TID).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "utsec/gba.h"
#include "utsec/tls_psk.h"

static const char default_prefix[] = "3GPP-bootstrapping";

/* The suffix after the prefix for each key variant, and the accept flag
 * that allows it. */
static const struct suffix {
    char text[8];
    uint8_t len;
    uint8_t accept;
} suffixes[3] = {
    {"", 0, 0},                          /* UTSEC_TLS_KEY_ME */
    {"-uicc", 5, UTSEC_TLS_ID_UICC},     /* UTSEC_TLS_KEY_UICC */
    {"-digest", 7, UTSEC_TLS_ID_DIGEST}, /* UTSEC_TLS_KEY_DIGEST */
};

static int policy_prefix(const utsec_tls_id_policy_t *pol, const char **p,
                         size_t *n, char *sep)
{
    *p = default_prefix;
    *n = sizeof(default_prefix) - 1;
    *sep = '.';
    if (pol == NULL)
        return 0;
    if (pol->prefix != NULL) {
        if (pol->prefix_len == 0 || pol->prefix_len > UTSEC_TLS_PREFIX_MAX ||
            memchr(pol->prefix, '\0', pol->prefix_len) != NULL)
            return UTSEC_ERR_INVALID_ARG;
        *p = pol->prefix;
        *n = pol->prefix_len;
    }
    if (pol->separator != 0)
        *sep = pol->separator;
    return 0;
}

static int starts(const char *s, size_t n, const char *pfx, size_t pn)
{
    return n >= pn && memcmp(s, pfx, pn) == 0;
}

/* A B-TID in the strict TS 33.220 §4.5.2 form, or (lax) 1..255 printable
 * ASCII octets without spaces. */
static int btid_ok(const char *b, size_t n, unsigned accept)
{
    size_t i;

    if (n == 0 || n > UTSEC_TLS_BTID_MAX)
        return 0;
    if (accept & UTSEC_TLS_ID_ANY_BTID) {
        for (i = 0; i < n; i++)
            if ((unsigned char)b[i] <= 0x20 || (unsigned char)b[i] >= 0x7F)
                return 0;
        return 1;
    }
    return utsec_gba_btid_parse(b, n, NULL, NULL, NULL) == 0;
}

UTSEC_API int utsec_tls_psk_identity_parse(const char *id, size_t id_len,
                                           const utsec_tls_id_policy_t *policy,
                                           utsec_tls_psk_id_t *out)
{
    const char *pfx, *rest;
    size_t pn, rn, v = UTSEC_TLS_KEY_ME;
    char sep;
    unsigned accept, form;

    if ((id == NULL && id_len != 0) || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (policy_prefix(policy, &pfx, &pn, &sep) != 0)
        return UTSEC_ERR_INVALID_ARG;
    accept = (policy == NULL || policy->accept == 0) ? UTSEC_TLS_ID_ALL
                                                     : policy->accept;
    if (id_len == 0)
        return UTSEC_ERR_BAD_PSK_IDENTITY;

    if (starts(id, id_len, pfx, pn)) {
        rest = id + pn;
        rn = id_len - pn;
        /* Neither suffix starts the other; none found leaves KEY_ME. */
        for (v = UTSEC_TLS_KEY_DIGEST; v > UTSEC_TLS_KEY_ME; v--)
            if (starts(rest, rn, suffixes[v].text, suffixes[v].len))
                break;
        rest += suffixes[v].len;
        rn -= suffixes[v].len;
        if (rn > 0 && rest[0] == sep) {
            form = UTSEC_TLS_ID_PREFIX_SEP;
            rest++;
            rn--;
        } else {
            form = UTSEC_TLS_ID_PREFIX_NOSEP;
        }
        if (v != UTSEC_TLS_KEY_ME && !(accept & suffixes[v].accept))
            return UTSEC_ERR_BAD_PSK_IDENTITY;
    } else {
        form = UTSEC_TLS_ID_BARE;
        rest = id;
        rn = id_len;
    }
    if (!(accept & form) || !btid_ok(rest, rn, accept))
        return UTSEC_ERR_BAD_PSK_IDENTITY;
    out->btid = rest;
    out->btid_len = rn;
    out->variant = (utsec_tls_key_variant_t)v;
    out->form = form;
    return 0;
}

UTSEC_API int utsec_tls_psk_identity_build(const char *btid, size_t btid_len,
                                           utsec_tls_key_variant_t variant,
                                           const utsec_tls_id_policy_t *policy,
                                           char *out, size_t out_size,
                                           size_t *out_len)
{
    const char *pfx, *sfx;
    size_t pn, sn, n;
    char sep;

    if (btid == NULL || btid_len == 0 || out == NULL ||
        memchr(btid, '\0', btid_len) != NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (policy_prefix(policy, &pfx, &pn, &sep) != 0)
        return UTSEC_ERR_INVALID_ARG;
    if ((unsigned)variant > UTSEC_TLS_KEY_DIGEST)
        return UTSEC_ERR_INVALID_ARG;
    if (btid_len > UTSEC_TLS_BTID_MAX)
        return UTSEC_ERR_TOO_LONG;
    sfx = suffixes[variant].text;
    sn = suffixes[variant].len;
    n = pn + sn + 1 + btid_len;
    if (out_size < n + 1)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(out, pfx, pn);
    memcpy(out + pn, sfx, sn);
    out[pn + sn] = sep;
    memcpy(out + pn + sn + 1, btid, btid_len);
    out[n] = '\0';
    if (out_len != NULL)
        *out_len = n;
    return 0;
}
