/*
 * SIP and SIPS URIs: validation (RFC 3261 §25 `SIP-URI` / `SIPS-URI`) and
 * equivalence (RFC 3261 §19.1.4). Views into the input; no allocation.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

/* user = 1*( unreserved / escaped / user-unreserved ) */
#define USER_CHARS (ID_UNRESERVED | ID_RES_PW | ID_RES_USER)
/* password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," ) */
#define PASSWORD_CHARS (ID_UNRESERVED | ID_RES_PW)
/* paramchar = param-unreserved / unreserved / escaped */
#define PARAM_CHARS (ID_UNRESERVED | ID_PARAM)
/* hname/hvalue: hnv-unreserved / unreserved / escaped */
#define HNV_CHARS (ID_UNRESERVED | ID_HNV)

/* Validate a ';'- or '&'-separated list; returns 0 or an error. */
static int list_check(utsec_id_view_t list, char sep, int headers)
{
    utsec_id_list_t it = {list, {NULL, 0}, 0, sep, !headers};
    utsec_id_view_t nm, v;
    int hv, rc;

    while ((rc = utsec_id_list_next(&it, &nm, &v, &hv)) == 1)
        /* header = hname "=" hvalue; repeated names are allowed.
         * other-param = pname [ "=" pvalue ], pvalue = 1*paramchar */
        if ((headers && !hv) ||
            !utsec_id_run_ok(nm.ptr, nm.len, headers ? HNV_CHARS : PARAM_CHARS) ||
            (hv && ((!headers && v.len == 0) ||
                    !utsec_id_run_ok(v.ptr, v.len, headers ? HNV_CHARS : PARAM_CHARS))))
            return UTSEC_ERR_BAD_URI;
    return rc;
}

UTSEC_API int utsec_id_sip_uri_parse(const char *s, size_t len,
                                     utsec_id_sip_uri_t *out)
{
    utsec_id_sip_uri_t u;
    size_t i, start, hs, he;
    const char *at;
    int rc;

    if (s == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (len > UTSEC_ID_MAX_IDENTITY)
        return UTSEC_ERR_TOO_LONG;
    memset(&u, 0, sizeof(u));
    switch (utsec_id_scheme(s, len)) {
    case 1: start = 4; break;
    case 2: start = 5; u.sips = 1; break;
    default: return UTSEC_ERR_BAD_URI;
    }
    /* userinfo: up to the first '@' ('@' is legal nowhere else) */
    at = memchr(s + start, '@', len - start);
    hs = start;
    if (at != NULL) {
        size_t ue = (size_t)(at - s), colon = ue;
        const char *c = memchr(s + start, ':', ue - start);
        if (c != NULL)
            colon = (size_t)(c - s);
        u.has_user = 1;
        u.user.ptr = s + start;
        u.user.len = colon - start;
        if (u.user.len == 0 || !utsec_id_run_ok(u.user.ptr, u.user.len, USER_CHARS))
            return UTSEC_ERR_BAD_URI;
        if (colon < ue) {
            u.has_password = 1;
            u.password.ptr = s + colon + 1;
            u.password.len = ue - colon - 1;
            if (!utsec_id_run_ok(u.password.ptr, u.password.len, PASSWORD_CHARS))
                return UTSEC_ERR_BAD_URI;
        }
        hs = ue + 1;
    }
    /* host */
    he = hs;
    if (he < len && s[he] == '[') {
        while (he < len && s[he] != ']')
            he++;
        if (he == len)
            return UTSEC_ERR_BAD_URI;
        he++;
    } else {
        while (he < len && s[he] != ':' && s[he] != ';' && s[he] != '?')
            he++;
    }
    /* host = hostname / IPv4address / IPv6reference: none is empty */
    if (utsec_id_host_check(s + hs, he - hs) != 0)
        return UTSEC_ERR_BAD_URI;
    u.host.ptr = s + hs;
    u.host.len = he - hs;
    i = he;
    if (i < len && s[i] == ':') {
        unsigned long port = 0;
        size_t nd = 0;
        for (i++; i < len && id_is_digit((unsigned char)s[i]); i++, nd++) {
            port = port * 10 + (unsigned long)(s[i] - '0');
            if (port > 65535)
                return UTSEC_ERR_BAD_URI;
        }
        if (nd == 0)
            return UTSEC_ERR_BAD_URI;
        u.has_port = 1;
        u.port = (uint16_t)port;
    }
    if (i < len && s[i] == ';') {
        size_t ps = ++i;
        while (i < len && s[i] != '?')
            i++;
        u.params.ptr = s + ps;
        u.params.len = i - ps;
        if (u.params.len == 0)
            return UTSEC_ERR_BAD_URI;
        if ((rc = list_check(u.params, ';', 0)) != 0)
            return rc;
    }
    if (i < len && s[i] == '?') {
        u.headers.ptr = s + i + 1;
        u.headers.len = len - i - 1;
        if (u.headers.len == 0)
            return UTSEC_ERR_BAD_URI;
        if ((rc = list_check(u.headers, '&', 1)) != 0)
            return rc;
        i = len;
    }
    if (i != len)
        return UTSEC_ERR_BAD_URI;
    *out = u;
    return 0;
}

/* Parameters that must be in both URIs when in either (RFC 3261 §19.1.4:
 * transport, ttl, user and method "components" with default values, and
 * maddr); the others may be in one only. */
static int optional(utsec_id_view_t name)
{
    static const char *const names[] = {"transport", "user", "ttl", "method",
                                        "maddr"};
    size_t k;

    for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
        if (utsec_id_esc_equal(name.ptr, name.len, names[k],
                               strlen(names[k]), 1))
            return 0;
    return 1;
}

/* Headers: each of a's must be in b (name case-insensitive, value exact
 * after escape normalisation). */
static int headers_in(utsec_id_view_t a, utsec_id_view_t b)
{
    utsec_id_view_t rest = a, n, v;
    int hv;

    while (utsec_id_next_param(&rest, &n, &v, &hv, '&')) {
        utsec_id_view_t brest = b, bn, bv;
        int bhv, found = 0;
        while (!found && utsec_id_next_param(&brest, &bn, &bv, &bhv, '&'))
            found = utsec_id_esc_equal(n.ptr, n.len, bn.ptr, bn.len, 1) &&
                    utsec_id_esc_equal(v.ptr, v.len, bv.ptr, bv.len, 0);
        if (!found)
            return 0;
    }
    return 1;
}

static size_t count_list(utsec_id_view_t l, char sep)
{
    size_t i, n = l.len ? 1 : 0;

    for (i = 0; i < l.len; i++)
        n += l.ptr[i] == sep;
    return n;
}

/* x's parameters agree with y's, and x's headers are in y. */
static int contained(const utsec_id_sip_uri_t *x, const utsec_id_sip_uri_t *y)
{
    return utsec_id_params_agree(x->params, y->params, NULL, optional) &&
           headers_in(x->headers, y->headers);
}

UTSEC_API int utsec_id_sip_uri_equal(const char *a, size_t a_len,
                                     const char *b, size_t b_len)
{
    utsec_id_sip_uri_t x, y;
    int rc;

    if ((rc = utsec_id_sip_uri_parse(a, a_len, &x)) != 0 ||
        (rc = utsec_id_sip_uri_parse(b, b_len, &y)) != 0)
        return rc;
    if (x.sips != y.sips || x.has_user != y.has_user ||
        x.has_password != y.has_password || x.has_port != y.has_port)
        return 0;
    if (!utsec_id_esc_equal(x.user.ptr, x.user.len, y.user.ptr, y.user.len, 0) ||
        !utsec_id_esc_equal(x.password.ptr, x.password.len, y.password.ptr,
                            y.password.len, 0))
        return 0;
    if (!utsec_ascii_ieq(x.host.ptr, x.host.len, y.host.ptr, y.host.len) ||
        x.port != y.port)
        return 0;
    return count_list(x.headers, '&') == count_list(y.headers, '&') &&
           contained(&x, &y) && contained(&y, &x);
}
