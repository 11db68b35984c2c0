/*
 * Identity URIs in general: scheme dispatch for validation and comparison,
 * and the pieces the SIP and TEL parsers share (RFC 3261 §19.1.4 escape
 * equivalence, RFC 3261 §25 host grammar, parameter-list walking).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

/* One comparison unit: a character, or 0x100|c for an escaped reserved
 * character, which RFC 3261 §19.1.4 keeps distinct from the bare one. */
static int esc_unit(const char *s, size_t n, size_t *i, int fold)
{
    int c = (unsigned char)s[*i];

    if (c == '%' && utsec_id_escape_ok(s, n, *i)) {
        c = utsec_id_pct_value(s + *i);
        *i += 3;
        if (utsec_id_is(c, ID_RESERVED))
            return 0x100 | c;
    } else {
        (*i)++;
    }
    return fold ? id_lower(c) : c;
}

int utsec_id_esc_equal(const char *a, size_t an, const char *b, size_t bn,
                       int fold)
{
    size_t i = 0, j = 0;

    while (i < an && j < bn)
        if (esc_unit(a, an, &i, fold) != esc_unit(b, bn, &j, fold))
            return 0;
    return i == an && j == bn;
}

static int ipv4_check(const char *h, size_t n)
{
    size_t i = 0;
    int part;

    for (part = 0; part < 4; part++) {
        unsigned v = 0, nd = 0;
        while (i < n && id_is_digit((unsigned char)h[i]) && nd < 4) {
            v = v * 10 + (unsigned)(h[i] - '0');
            nd++;
            i++;
        }
        if (nd == 0 || nd > 3 || v > 255)
            return -1;
        if (part < 3) {
            if (i >= n || h[i] != '.')
                return -1;
            i++;
        }
    }
    return i == n ? 0 : -1;
}

/* RFC 3261 IPv6address (RFC 4291 text forms), without the brackets. */
static int ipv6_check(const char *h, size_t n)
{
    size_t i = 0;
    int groups = 0, dcolon = 0;

    if (n < 2 || n > 45)
        return -1;
    if (h[0] == ':') {
        if (h[1] != ':')
            return -1;
        dcolon = 1;
        i = 2;
        if (i == n)
            return 0; /* "::" */
    }
    while (i < n) {
        size_t start = i, k;
        while (i < n && utsec_id_hexval((unsigned char)h[i]) >= 0 && i - start < 5)
            i++;
        k = i - start;
        if (i < n && h[i] == '.') {
            /* trailing IPv4 counts as two groups */
            if (ipv4_check(h + start, n - start) != 0)
                return -1;
            groups += 2;
            break;
        }
        if (k == 0 || k > 4)
            return -1;
        groups++;
        if (i == n)
            break;
        if (h[i] != ':')
            return -1;
        i++;
        if (i < n && h[i] == ':') {
            if (dcolon)
                return -1;
            dcolon = 1;
            i++;
            if (i == n)
                break;
        } else if (i == n) {
            return -1; /* trailing single colon */
        }
    }
    return dcolon ? (groups < 8 ? 0 : -1) : (groups == 8 ? 0 : -1);
}

int utsec_id_domainname_check(const char *h, size_t n)
{
    size_t i = 0, label_start = 0;
    int last_alpha_start = 0;

    if (n == 0 || n > 255)
        return -1;
    if (h[n - 1] == '.') /* hostname = *( domainlabel "." ) toplabel [ "." ] */
        n--;
    if (n == 0)
        return -1;
    for (i = 0; i <= n; i++) {
        if (i == n || h[i] == '.') {
            size_t len = i - label_start;
            if (len == 0 || len > 63 || h[i - 1] == '-')
                return -1;
            last_alpha_start = id_is_alpha((unsigned char)h[label_start]);
            label_start = i + 1;
            continue;
        }
        if (!utsec_id_is_alnum((unsigned char)h[i]) &&
            !(h[i] == '-' && i != label_start))
            return -1;
    }
    return last_alpha_start ? 0 : -1; /* toplabel starts with ALPHA */
}

int utsec_id_host_check(const char *h, size_t n)
{
    if (n >= 2 && h[0] == '[')
        return h[n - 1] == ']' ? ipv6_check(h + 1, n - 2) : -1;
    if (ipv4_check(h, n) == 0)
        return 0;
    return utsec_id_domainname_check(h, n);
}

int utsec_id_scheme(const char *s, size_t len)
{
    static const char schemes[][6] = {"sip:", "sips:", "tel:"};
    size_t k, n;

    for (k = 0; k < 3; k++) {
        n = strlen(schemes[k]);
        if (len >= n && utsec_ascii_ieq(s, n, schemes[k], n))
            return (int)k + 1;
    }
    return 0;
}

int utsec_id_next_param(utsec_id_view_t *rest, utsec_id_view_t *name,
                        utsec_id_view_t *value, int *has_value, char sep)
{
    const char *p = rest->ptr;
    size_t n, k;
    int more, hv;

    if (rest->len == 0)
        return 0;
    for (n = 0; n < rest->len && p[n] != sep; n++) /* the element */
        ;
    for (k = 0; k < n && p[k] != '='; k++) /* its name */
        ;
    more = n < rest->len;
    hv = k < n;
    name->ptr = p;
    name->len = k;
    *has_value = hv;
    value->ptr = p + k + hv;
    value->len = n - k - (size_t)hv;
    rest->ptr = p + n + more;
    rest->len -= n + (size_t)more;
    return 1;
}

int utsec_id_param_find(utsec_id_view_t list, char sep, utsec_id_view_t name,
                        utsec_id_view_t *value, int *has_value)
{
    utsec_id_view_t n;

    while (utsec_id_next_param(&list, &n, value, has_value, sep))
        if (utsec_id_esc_equal(n.ptr, n.len, name.ptr, name.len, 1))
            return 1;
    return 0;
}

int utsec_id_list_next(utsec_id_list_t *it, utsec_id_view_t *name,
                       utsec_id_view_t *value, int *has_value)
{
    utsec_id_view_t before, v;
    int hv;

    if (it->n == 0) {
        if (it->list.len && it->list.ptr[it->list.len - 1] == it->sep)
            return UTSEC_ERR_BAD_URI; /* empty last element */
        it->rest = it->list;
    }
    if (!utsec_id_next_param(&it->rest, name, value, has_value, it->sep))
        return 0;
    if (it->n == UTSEC_ID_MAX_URI_PARAMS)
        return UTSEC_ERR_TOO_MANY;
    /* the elements before this one */
    before.ptr = it->list.ptr;
    before.len = (size_t)(name->ptr - it->list.ptr);
    if (name->len == 0 ||
        (it->unique && utsec_id_param_find(before, it->sep, *name, &v, &hv)))
        return UTSEC_ERR_BAD_URI;
    it->n++;
    return 1;
}

int utsec_id_params_agree(utsec_id_view_t a, utsec_id_view_t b,
                          int (*value_eq)(utsec_id_view_t name,
                                          utsec_id_view_t va,
                                          utsec_id_view_t vb),
                          int (*optional)(utsec_id_view_t name))
{
    utsec_id_view_t n, v, bv;
    int hv, bhv;

    while (utsec_id_next_param(&a, &n, &v, &hv, ';')) {
        if (!utsec_id_param_find(b, ';', n, &bv, &bhv)) {
            if (optional == NULL || !optional(n))
                return 0;
        } else if (hv != bhv ||
                   !(value_eq ? value_eq(n, v, bv)
                              : utsec_id_esc_equal(v.ptr, v.len, bv.ptr, bv.len, 1))) {
            return 0;
        }
    }
    return 1;
}

int utsec_id_chars_check(const char *s, size_t len, size_t *at)
{
    size_t i;

    *at = 0;
    if (len == 0)
        return UTSEC_ERR_BAD_IDENTITY;
    if (len > UTSEC_ID_MAX_IDENTITY)
        return UTSEC_ERR_TOO_LONG;
    for (i = 0; i < len; i++)
        if (!id_is_identity_char((unsigned char)s[i])) {
            *at = i;
            return UTSEC_ERR_BAD_IDENTITY;
        }
    return 0;
}

UTSEC_API int utsec_id_uri_validate(const char *s, size_t len)
{
    utsec_id_sip_uri_t sip;
    utsec_id_tel_uri_t tel;
    size_t at;

    if (s == NULL && len != 0)
        return UTSEC_ERR_INVALID_ARG;
    switch (utsec_id_scheme(s, len)) {
    case 1:
    case 2: return utsec_id_sip_uri_parse(s, len, &sip);
    case 3: return utsec_id_tel_uri_parse(s, len, &tel);
    default: return utsec_id_chars_check(s, len, &at);
    }
}

UTSEC_API int utsec_id_uri_equal(const char *a, size_t a_len, const char *b,
                                 size_t b_len)
{
    int sa, sb, rc;

    if ((a == NULL && a_len != 0) || (b == NULL && b_len != 0))
        return UTSEC_ERR_INVALID_ARG;
    sa = utsec_id_scheme(a, a_len);
    sb = utsec_id_scheme(b, b_len);
    if (sa != 0 && sa != 3 && sb != 0 && sb != 3)
        return utsec_id_sip_uri_equal(a, a_len, b, b_len);
    if (sa == 3 && sb == 3)
        return utsec_id_tel_uri_equal(a, a_len, b, b_len);
    if ((rc = utsec_id_uri_validate(a, a_len)) != 0 ||
        (rc = utsec_id_uri_validate(b, b_len)) != 0)
        return rc;
    if (sa != sb)
        return 0;
    return a_len == b_len && (a_len == 0 || memcmp(a, b, a_len) == 0);
}
