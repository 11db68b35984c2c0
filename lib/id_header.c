/*
 * X-3GPP-Intended-Identity and X-3GPP-Asserted-Identity values
 * (TS 24.109 §7.2 / §7.4). The formal ABNF (24.109 Annex G) was not
 * available; the accepted grammar is the one FACTS §2.5 settles on: one or
 * more comma-separated items, each a quoted-string or a bare identity,
 * optionally in <>. We produce only the quoted form.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

static int is_ows(int c)
{
    return c == ' ' || c == '\t';
}

/* err_off is never NULL here: the entry points point it at a scratch
 * variable when the caller wants no offset. */
static int fail(int rc, size_t off, size_t *err_off)
{
    *err_off = off;
    return rc;
}

/* Validate one identity (already stripped of quotes and <>). */
static int identity_check(const char *s, size_t n, size_t base,
                          size_t *err_off)
{
    size_t at;
    int rc;

    if ((rc = utsec_id_chars_check(s, n, &at)) != 0)
        return fail(rc, base + at, err_off);
    if ((rc = utsec_id_uri_validate(s, n)) != 0)
        return fail(rc, base, err_off);
    return 0;
}

/* Strip an optional <...> around s[*b, *e). */
static int strip_angle(const char *s, size_t *b, size_t *e, size_t *err_off)
{
    if (*e > *b && s[*b] == '<') {
        if (*e - *b < 2 || s[*e - 1] != '>')
            return fail(UTSEC_ERR_PARSE, *b, err_off);
        (*b)++;
        (*e)--;
    }
    return 0;
}

UTSEC_API int utsec_id_header_parse(const char *value, size_t len,
                                    utsec_id_view_t *ids, size_t max_ids,
                                    size_t *n_ids, size_t *err_off)
{
    utsec_id_view_t tmp[UTSEC_ID_MAX_ITEMS];
    size_t cap, n = 0, i = 0, scratch;
    int rc;

    if ((value == NULL && len != 0) || ids == NULL || n_ids == NULL ||
        max_ids == 0)
        return UTSEC_ERR_INVALID_ARG;
    if (err_off == NULL)
        err_off = &scratch;
    if (len > UTSEC_ID_MAX_HEADER)
        return fail(UTSEC_ERR_TOO_LONG, UTSEC_ID_MAX_HEADER, err_off);
    cap = max_ids < UTSEC_ID_MAX_ITEMS ? max_ids : UTSEC_ID_MAX_ITEMS;
    while (i < len && is_ows((unsigned char)value[i]))
        i++;
    if (i == len)
        return fail(UTSEC_ERR_PARSE, i, err_off); /* empty list */
    for (;;) {
        size_t b, e;
        if (value[i] == '"') {
            /* quoted-string: qdtext only; a quoted-pair is refused since no
             * identity character needs escaping */
            b = e = i + 1;
            while (e < len && value[e] != '"') {
                int c = (unsigned char)value[e];
                if (c == '\\')
                    return fail(UTSEC_ERR_PARSE, e, err_off);
                if ((c < 0x20 && c != '\t') || c == 0x7f)
                    return fail(UTSEC_ERR_PARSE, e, err_off);
                e++;
            }
            if (e == len)
                return fail(UTSEC_ERR_PARSE, len, err_off); /* unterminated */
            i = e + 1;
            if ((rc = strip_angle(value, &b, &e, err_off)) != 0)
                return rc;
        } else if (value[i] == '<') {
            b = e = i + 1; /* the identity inside the <> */
            while (e < len && value[e] != '>' && value[e] != '"')
                e++;
            if (e == len || value[e] != '>')
                return fail(UTSEC_ERR_PARSE, e, err_off);
            i = e + 1;
        } else {
            b = e = i;
            while (e < len && value[e] != ',' && !is_ows((unsigned char)value[e]))
                e++;
            if (e == b)
                return fail(UTSEC_ERR_PARSE, b, err_off); /* empty element */
            i = e;
        }
        if ((rc = identity_check(value + b, e - b, b, err_off)) != 0)
            return rc;
        if (n == cap)
            return fail(UTSEC_ERR_TOO_MANY, b, err_off);
        tmp[n].ptr = value + b;
        tmp[n].len = e - b;
        n++;
        while (i < len && is_ows((unsigned char)value[i]))
            i++;
        if (i == len)
            break;
        if (value[i] != ',')
            return fail(UTSEC_ERR_PARSE, i, err_off);
        b = i++;
        while (i < len && is_ows((unsigned char)value[i]))
            i++;
        if (i == len || value[i] == ',')
            return fail(UTSEC_ERR_PARSE, i == len ? b : i, err_off);
    }
    memcpy(ids, tmp, n * sizeof(tmp[0]));
    *n_ids = n;
    return 0;
}

UTSEC_API int utsec_id_intended_parse(const char *value, size_t len,
                                      utsec_id_view_t *id, size_t *err_off)
{
    size_t n;

    if (id == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return utsec_id_header_parse(value, len, id, 1, &n, err_off);
}

UTSEC_API int utsec_id_header_format(const utsec_id_view_t *ids, size_t n,
                                     char *out, size_t out_size,
                                     size_t *out_len)
{
    size_t k, total = 0, pos = 0, scratch;
    int rc;

    if (ids == NULL || n == 0 || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (n > UTSEC_ID_MAX_ITEMS)
        return UTSEC_ERR_TOO_MANY;
    for (k = 0; k < n; k++) {
        if (ids[k].ptr == NULL && ids[k].len != 0)
            return UTSEC_ERR_INVALID_ARG;
        if ((rc = identity_check(ids[k].ptr, ids[k].len, 0, &scratch)) != 0)
            return rc;
        total += ids[k].len + 2 + (k ? 2 : 0);
    }
    if (total > UTSEC_ID_MAX_HEADER)
        return UTSEC_ERR_TOO_LONG;
    if (total + 1 > out_size)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    for (k = 0; k < n; k++) {
        if (k) {
            out[pos++] = ',';
            out[pos++] = ' ';
        }
        out[pos++] = '"';
        if (ids[k].len > 0)
            memcpy(out + pos, ids[k].ptr, ids[k].len);
        pos += ids[k].len;
        out[pos++] = '"';
    }
    out[pos] = '\0';
    if (out_len != NULL)
        *out_len = pos;
    return 0;
}
