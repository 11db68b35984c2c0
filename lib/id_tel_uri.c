/*
 * TEL URIs: validation (RFC 3966 §3) and equivalence (RFC 3966 §4).
 * Views into the input; no allocation.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

static int visual_sep(int c)
{
    return c == '-' || c == '.' || c == '(' || c == ')';
}

/* 1*phonedigit (global) or 1*phonedigit-hex (local) with at least one
 * real digit among the visual separators: 0 when not. */
static int digits_ok(const char *s, size_t n, int hex)
{
    size_t i, d = 0;

    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (id_is_digit(c) || (hex && (utsec_id_hexval(c) >= 0 || c == '*' || c == '#')))
            d++;
        else if (!visual_sep(c))
            return 0;
    }
    return d > 0;
}

/* pname = 1*( alphanum / "-" ); utsec_id_list_next() refuses an empty one */
static int pname_ok(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!utsec_id_is_alnum((unsigned char)s[i]) && s[i] != '-')
            return 0;
    return 1;
}

UTSEC_API int utsec_id_tel_uri_parse(const char *s, size_t len,
                                     utsec_id_tel_uri_t *out)
{
    utsec_id_tel_uri_t u;
    utsec_id_list_t it = {{NULL, 0}, {NULL, 0}, 0, ';', 1};
    utsec_id_view_t nm, v;
    const char *semi, *end;
    int hv, rc, have_ctx = 0;

    if (s == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (len > UTSEC_ID_MAX_IDENTITY)
        return UTSEC_ERR_TOO_LONG;
    if (utsec_id_scheme(s, len) != 3)
        return UTSEC_ERR_BAD_URI;
    end = s + len;
    memset(&u, 0, sizeof(u));
    u.number.ptr = s + 4;
    semi = memchr(s + 4, ';', len - 4);
    u.number.len = (size_t)((semi ? semi : end) - u.number.ptr);
    /* RFC 3966 §3: global-number-digits = "+" *phonedigit DIGIT *phonedigit,
     * local-number-digits = *phonedigit-hex (HEXDIG / "*" / "#")
     * *phonedigit-hex */
    u.global = u.number.len > 0 && u.number.ptr[0] == '+';
    if (!digits_ok(u.number.ptr + u.global, u.number.len - (size_t)u.global,
                   !u.global))
        return UTSEC_ERR_BAD_URI;
    if (semi != NULL) {
        u.params.ptr = semi + 1;
        u.params.len = (size_t)(end - semi - 1);
        if (u.params.len == 0)
            return UTSEC_ERR_BAD_URI;
    }
    /* each parameter at most once; without "=", v is empty (and refused
     * where a value is needed) */
    it.list = u.params;
    while ((rc = utsec_id_list_next(&it, &nm, &v, &hv)) == 1) {
        if (!pname_ok(nm.ptr, nm.len))
            return UTSEC_ERR_BAD_URI;
        if (utsec_ascii_ieq_lit(nm.ptr, nm.len, "phone-context")) {
            /* context = ";phone-context=" descriptor; global numbers have none */
            if (u.global ||
                (v.len > 0 && v.ptr[0] == '+'
                     ? !digits_ok(v.ptr + 1, v.len - 1, 0)
                     : utsec_id_domainname_check(v.ptr, v.len) != 0))
                return UTSEC_ERR_BAD_URI;
            have_ctx = 1;
        } else if (utsec_ascii_ieq_lit(nm.ptr, nm.len, "ext")) {
            if (!digits_ok(v.ptr, v.len, 0))
                return UTSEC_ERR_BAD_URI;
        } else {
            /* pvalue = 1*paramchar (pct-encoded included); isub = 1*uric
             * (RFC 2396), ';' separating parameters, and needs its value */
            int isub = utsec_ascii_ieq_lit(nm.ptr, nm.len, "isub");
            if ((hv || isub) &&
                (v.len == 0 ||
                 !utsec_id_run_ok(v.ptr, v.len,
                                  isub ? ID_UNRESERVED | ID_RESERVED
                                       : ID_UNRESERVED | ID_PARAM)))
                return UTSEC_ERR_BAD_URI;
        }
    }
    if (rc != 0)
        return rc;
    if (!u.global && !have_ctx)
        return UTSEC_ERR_BAD_URI; /* local-number needs a context */
    *out = u;
    return 0;
}

/* Compare digit strings, ignoring visual separators, case-insensitive. */
static int digits_equal(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;

    for (;;) {
        while (i < an && visual_sep((unsigned char)a[i]))
            i++;
        while (j < bn && visual_sep((unsigned char)b[j]))
            j++;
        if (i == an || j == bn)
            return i == an && j == bn;
        if (id_lower((unsigned char)a[i]) != id_lower((unsigned char)b[j]))
            return 0;
        i++;
        j++;
    }
}

/* Parameter values are equivalent (RFC 3966 §4): ext and a global
 * phone-context compare as digits (a global one never equals a domain
 * name, which starts with an alphanumeric), the others as escaped text. */
static int value_eq(utsec_id_view_t n, utsec_id_view_t v, utsec_id_view_t bv)
{
    if (utsec_ascii_ieq_lit(n.ptr, n.len, "ext") ||
        (utsec_ascii_ieq_lit(n.ptr, n.len, "phone-context") && v.len &&
         v.ptr[0] == '+'))
        return digits_equal(v.ptr, v.len, bv.ptr, bv.len);
    return utsec_id_esc_equal(v.ptr, v.len, bv.ptr, bv.len, 1);
}

UTSEC_API int utsec_id_tel_uri_equal(const char *a, size_t a_len,
                                     const char *b, size_t b_len)
{
    utsec_id_tel_uri_t x, y;
    int rc;

    if ((rc = utsec_id_tel_uri_parse(a, a_len, &x)) != 0 ||
        (rc = utsec_id_tel_uri_parse(b, b_len, &y)) != 0)
        return rc;
    /* a global number's "+" is no visual separator and in no local one:
     * a global and a local number never compare equal (RFC 3966 §4) */
    if (!digits_equal(x.number.ptr, x.number.len, y.number.ptr, y.number.len))
        return 0;
    /* every parameter of each is in the other with an equivalent value */
    return utsec_id_params_agree(x.params, y.params, value_eq, NULL) &&
           utsec_id_params_agree(y.params, x.params, value_eq, NULL);
}
