/*
 * Private helpers of the identity module: character classes of RFC 3261
 * §25 / RFC 3966 §3 / RFC 3986 §2, and %-escape handling shared by the
 * URI parsers and comparators.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_ID_INTERNAL_H
#define UTSEC_ID_INTERNAL_H

#include "utsec/identity.h"

#include <string.h>

static inline int id_is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int id_is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int id_is_alnum(int c)
{
    return id_is_alpha(c) || id_is_digit(c);
}

static inline int id_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static inline int id_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* RFC 3261 `mark` / RFC 3966 `mark`. */
static inline int id_is_mark(int c)
{
    return c != 0 && strchr("-_.!~*'()", c) != NULL;
}

/* RFC 3261 `unreserved`. */
static inline int id_is_unreserved(int c)
{
    return id_is_alnum(c) || id_is_mark(c);
}

/* RFC 3261 `reserved`: escaping one of these changes the meaning. */
static inline int id_is_reserved(int c)
{
    return c != 0 && strchr(";/?:@&=+$,", c) != NULL;
}

/* Octets allowed in an identity carried by an X-3GPP header: visible ASCII
 * minus the characters that delimit or escape in the header grammar. */
static inline int id_is_identity_char(int c)
{
    return c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' &&
           c != '>';
}

/* Validate "%" HEXDIG HEXDIG at s[i] (s[i] == '%'). */
static inline int id_escape_ok(const char *s, size_t len, size_t i)
{
    return i + 2 < len && id_hexval((unsigned char)s[i + 1]) >= 0 &&
           id_hexval((unsigned char)s[i + 2]) >= 0;
}

/* Case-insensitive ASCII comparison of a view with a NUL-terminated word. */
static inline int id_eq_word(const char *p, size_t n, const char *w)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (w[i] == '\0' || id_lower((unsigned char)p[i]) != id_lower((unsigned char)w[i]))
            return 0;
    return w[n] == '\0';
}

/* Case-insensitive comparison of two views. */
static inline int id_eq_nocase(const char *a, size_t an, const char *b,
                               size_t bn)
{
    size_t i;

    if (an != bn)
        return 0;
    for (i = 0; i < an; i++)
        if (id_lower((unsigned char)a[i]) != id_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

/*
 * Escape-normalised comparison (RFC 3261 §19.1.4): a %XX escape of a
 * character outside `reserved` equals that character; an escaped reserved
 * character stays distinct from the bare one. Inputs have valid escapes.
 * fold: compare letters case-insensitively.
 */
int utsec_id_esc_equal(const char *a, size_t an, const char *b, size_t bn,
                       int fold);

/* RFC 3261 hostname / IPv4address / IPv6reference. Returns 0 or -1. */
int utsec_id_host_check(const char *h, size_t n);

/* RFC 1035-style domain name as used by RFC 3966 `domainname` (a
 * hostname without IP forms). Returns 0 or -1. */
int utsec_id_domainname_check(const char *h, size_t n);

/* Find the scheme of an identity: 1 sip, 2 sips, 3 tel, 0 other. */
int utsec_id_scheme(const char *s, size_t len);

/* Next ';'-separated element of a parameter list (views). Returns 0 at
 * the end. */
int utsec_id_next_param(const char **pos, const char *end,
                        utsec_id_view_t *name, utsec_id_view_t *value,
                        int *has_value, char sep);

#endif
