/*
 * Private helpers of the identity module: character classes of RFC 3261
 * §25 / RFC 3966 §3 / RFC 3986 §2, and %-escape handling shared by the
 * URI parsers and comparators. The out-of-line ones are in id_chars.c and
 * id_uri.c (one copy for every object).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_ID_INTERNAL_H
#define UTSEC_ID_INTERNAL_H

#include "ascii.h"
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

/* ALPHA / DIGIT */
int utsec_id_is_alnum(int c);

/* Value of a hex digit, or -1. */
int utsec_id_hexval(int c);

static inline int id_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/*
 * Character classes, as bits: utsec_id_is(c, classes) tells whether c is in
 * any of them. The punctuation sets are those of the grammars quoted.
 */
#define ID_ALNUM 0x01u    /* ALPHA / DIGIT */
#define ID_MARK 0x02u     /* RFC 3261 / RFC 3966 `mark`: - _ . ! ~ * ' ( ) */
#define ID_RES_PW 0x04u   /* & = + $ , (reserved, allowed in `password`) */
#define ID_RES_USER 0x08u /* ; ? / (reserved, allowed in `user` too) */
#define ID_RES_HOST 0x10u /* : @ (the rest of `reserved`) */
#define ID_PARAM 0x20u    /* RFC 3261 `param-unreserved`: [ ] / : & + $ */
#define ID_HNV 0x40u      /* RFC 3261 `hnv-unreserved`: [ ] / ? : + $ */
#define ID_TCHAR 0x80u    /* RFC 9110 `tchar` punctuation: ! # $ % & ' * + - . ^ _ ` | ~ */

/* RFC 3261 `unreserved` and `reserved` (";/?:@&=+$,": escaping one of
 * these changes the meaning). */
#define ID_UNRESERVED (ID_ALNUM | ID_MARK)
#define ID_RESERVED (ID_RES_PW | ID_RES_USER | ID_RES_HOST)
/* RFC 9110 `tchar` (token characters) */
#define ID_TOKEN (ID_ALNUM | ID_TCHAR)

int utsec_id_is(int c, unsigned classes);

/* Octets allowed in an identity carried by an X-3GPP header: visible ASCII
 * minus the characters that delimit or escape in the header grammar. */
static inline int id_is_identity_char(int c)
{
    return c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' &&
           c != '>';
}

/* An identity of 1 .. UTSEC_ID_MAX_IDENTITY identity characters: 0, or
 * UTSEC_ERR_BAD_IDENTITY / UTSEC_ERR_TOO_LONG and in *at the offset of the
 * bad character (0 for a bad length). */
int utsec_id_chars_check(const char *s, size_t len, size_t *at);

/* Validate "%" HEXDIG HEXDIG at s[i] (s[i] == '%'). */
int utsec_id_escape_ok(const char *s, size_t len, size_t i);

/* Every octet of s[0, n) is in one of classes or starts a valid escape. */
int utsec_id_run_ok(const char *s, size_t n, unsigned classes);

/* The octet of the valid escape "%" HEXDIG HEXDIG at p. */
int utsec_id_pct_value(const char *p);


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

/* Next sep-separated element of a parameter list: consumes it from the
 * front of *rest (views). Returns 0 at the end. */
int utsec_id_next_param(utsec_id_view_t *rest, utsec_id_view_t *name,
                        utsec_id_view_t *value, int *has_value, char sep);

/* The element of a sep-separated list whose name equals name (escape-
 * normalised, case-insensitive): 1 and its value, or 0. The first one when
 * several do. */
int utsec_id_param_find(utsec_id_view_t list, char sep, utsec_id_view_t name,
                        utsec_id_view_t *value, int *has_value);

/*
 * A checked walk over a URI parameter or header list (RFC 3261 §25
 * uri-parameters / headers, RFC 3966 §3 par): the rules every such list
 * follows are checked here, the grammar of each element by the caller.
 * Set list and sep, the rest to zero; unique: no name twice.
 */
typedef struct {
    utsec_id_view_t list, rest;
    size_t n; /* elements returned */
    char sep;
    int unique;
} utsec_id_list_t;

/* The next element: 1, 0 at the end, UTSEC_ERR_BAD_URI for an empty last
 * element, an empty name or a repeated one, UTSEC_ERR_TOO_MANY past
 * UTSEC_ID_MAX_URI_PARAMS elements. */
int utsec_id_list_next(utsec_id_list_t *it, utsec_id_view_t *name,
                       utsec_id_view_t *value, int *has_value);

/* Every parameter of a that is also in b has the same has-value and an
 * equal value: value_eq(name, va, vb), or escape-normalised and
 * case-insensitive when value_eq is NULL. A parameter only in a is allowed
 * when optional(name) (never when optional is NULL). Returns 1 or 0. */
int utsec_id_params_agree(utsec_id_view_t a, utsec_id_view_t b,
                          int (*value_eq)(utsec_id_view_t name,
                                          utsec_id_view_t va,
                                          utsec_id_view_t vb),
                          int (*optional)(utsec_id_view_t name));

#endif
