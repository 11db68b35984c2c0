/*
 * Character classes of RFC 3261 §25 / RFC 3966 §3 / RFC 3986 §2 and the
 * %-escape and case-insensitive comparison helpers that the identity
 * parsers share (one copy instead of one per object).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

int utsec_id_is_alnum(int c)
{
    return id_is_alpha(c) || id_is_digit(c);
}

int utsec_id_hexval(int c)
{
    if (id_is_digit(c))
        return c - '0';
    c = id_lower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* The classes of each punctuation character (see id_internal.h), from
 * '!' to '~'. */
#define P(c) [(c) - '!']
static const unsigned char punct_class['~' - '!' + 1] = {
    P('!') = ID_MARK | ID_TCHAR,
    P('#') = ID_TCHAR,
    P('$') = ID_RES_PW | ID_PARAM | ID_HNV | ID_TCHAR,
    P('%') = ID_TCHAR,
    P('&') = ID_RES_PW | ID_PARAM | ID_TCHAR,
    P('\'') = ID_MARK | ID_TCHAR,
    P('(') = ID_MARK,
    P(')') = ID_MARK,
    P('*') = ID_MARK | ID_TCHAR,
    P('+') = ID_RES_PW | ID_PARAM | ID_HNV | ID_TCHAR,
    P(',') = ID_RES_PW,
    P('-') = ID_MARK | ID_TCHAR,
    P('.') = ID_MARK | ID_TCHAR,
    P('/') = ID_RES_USER | ID_PARAM | ID_HNV,
    P(':') = ID_RES_HOST | ID_PARAM | ID_HNV,
    P(';') = ID_RES_USER,
    P('=') = ID_RES_PW,
    P('?') = ID_RES_USER | ID_HNV,
    P('@') = ID_RES_HOST,
    P('[') = ID_PARAM | ID_HNV,
    P(']') = ID_PARAM | ID_HNV,
    P('^') = ID_TCHAR,
    P('_') = ID_MARK | ID_TCHAR,
    P('`') = ID_TCHAR,
    P('|') = ID_TCHAR,
    P('~') = ID_MARK | ID_TCHAR,
};
#undef P

int utsec_id_is(int c, unsigned classes)
{
    if (utsec_id_is_alnum(c))
        return (classes & ID_ALNUM) != 0;
    return (unsigned)(c - '!') < sizeof(punct_class) &&
           (punct_class[c - '!'] & classes) != 0;
}

int utsec_id_escape_ok(const char *s, size_t len, size_t i)
{
    return i + 2 < len && utsec_id_hexval((unsigned char)s[i + 1]) >= 0 &&
           utsec_id_hexval((unsigned char)s[i + 2]) >= 0;
}

int utsec_id_run_ok(const char *s, size_t n, unsigned classes)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] == '%') {
            if (!utsec_id_escape_ok(s, n, i))
                return 0;
            i += 2;
        } else if (!utsec_id_is((unsigned char)s[i], classes)) {
            return 0;
        }
    }
    return 1;
}

int utsec_id_pct_value(const char *p)
{
    return utsec_id_hexval((unsigned char)p[1]) * 16 + utsec_id_hexval((unsigned char)p[2]);
}
