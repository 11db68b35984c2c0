/*
 * XCAP document URIs (RFC 4825 §6) and the XCAP server's authorization of
 * the users / global trees (RFC 4825 §5.1: a user's own documents; global
 * documents are read-only for users).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

/* RFC 3986 pchar = unreserved / sub-delims / ":" / "@", without the
 * pct-encoded form (checked separately): "-._~!$&'()*+,;=:@" */
static int pchar(int c)
{
    return utsec_id_is(c, ID_UNRESERVED | ID_RES_PW | ID_RES_HOST) || c == ';';
}

/* Check one path segment, whose characters the caller checked (pchar or
 * '%'): its decoded length, or 0 when it is empty, decodes to "." or "..",
 * or holds an escaped NUL (or an escaped '/' unless allow_slash: the XUI
 * may hold one). */
static size_t segment_ok(const char *s, size_t n, int allow_slash)
{
    size_t i, dlen = 0, dots = 0;

    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '%') {
            if (!utsec_id_escape_ok(s, n, i))
                return 0;
            c = utsec_id_pct_value(s + i);
            if (c == 0 || (c == '/' && !allow_slash))
                return 0;
            i += 2;
        }
        dlen++;
        dots += c == '.';
    }
    return dots == dlen && dlen <= 2 ? 0 : dlen; /* "." and ".." */
}

/* Next '/'-separated segment of [*pos, end). */
static int next_segment(const char **pos, const char *end, utsec_id_view_t *seg)
{
    const char *p = *pos, *e;

    if (p == NULL)
        return 0;
    e = memchr(p, '/', (size_t)(end - p));
    if (e == NULL)
        e = end;
    seg->ptr = p;
    seg->len = (size_t)(e - p);
    *pos = e < end ? e + 1 : NULL; /* NULL: no more segments */
    return 1;
}

UTSEC_API int utsec_id_xcap_parse(const char *path, size_t len,
                                  const char *root, size_t root_len,
                                  utsec_id_xcap_uri_t *out, char *xui,
                                  size_t xui_size, size_t *xui_len)
{
    utsec_id_xcap_uri_t u;
    utsec_id_view_t seg;
    const char *pos, *end, *sel;
    size_t i, k, dlen = 0;

    if (path == NULL || out == NULL || xui_len == NULL ||
        (root == NULL && root_len != 0))
        return UTSEC_ERR_INVALID_ARG;
    if (len > UTSEC_ID_MAX_HEADER)
        return UTSEC_ERR_TOO_LONG;
    if (len < root_len + 1 || (root_len && memcmp(path, root, root_len) != 0) ||
        path[root_len] != '/')
        return UTSEC_ERR_BAD_URI;
    for (i = 0; i < len; i++) /* no query, fragment, space or non-ASCII */
        if (path[i] != '/' && path[i] != '%' && !pchar((unsigned char)path[i]))
            return UTSEC_ERR_BAD_URI;
    memset(&u, 0, sizeof(u));
    pos = path + root_len + 1;
    end = path + len;
    /* node selector separator (RFC 4825 §6.3) */
    for (sel = pos; sel + 4 <= end; sel++)
        if (memcmp(sel, "/~~/", 4) == 0)
            break;
    if (sel + 4 <= end) {
        u.node.ptr = sel + 4;
        u.node.len = (size_t)(end - sel - 4);
        /* its characters are checked above (pchar, '/'): its escapes */
        if (u.node.len == 0 ||
            !utsec_id_run_ok(u.node.ptr, u.node.len,
                             ID_UNRESERVED | ID_RESERVED))
            return UTSEC_ERR_BAD_URI;
        end = sel;
    }
    if (!next_segment(&pos, end, &seg) || !segment_ok(seg.ptr, seg.len, 0))
        return UTSEC_ERR_BAD_URI;
    u.auid = seg;
    if (!next_segment(&pos, end, &seg))
        return UTSEC_ERR_BAD_URI;
    if (seg.len == 6 && memcmp(seg.ptr, "global", 6) == 0) {
        u.global = 1;
    } else if (seg.len == 5 && memcmp(seg.ptr, "users", 5) == 0) {
        if (!next_segment(&pos, end, &seg) ||
            (dlen = segment_ok(seg.ptr, seg.len, 1)) == 0)
            return UTSEC_ERR_BAD_URI;
        u.xui_raw = seg;
    } else {
        return UTSEC_ERR_BAD_URI;
    }
    /* the document path: one or more segments */
    if (pos == NULL)
        return UTSEC_ERR_BAD_URI;
    u.doc.ptr = pos;
    u.doc.len = (size_t)(end - pos);
    while (next_segment(&pos, end, &seg))
        if (!segment_ok(seg.ptr, seg.len, 0))
            return UTSEC_ERR_BAD_URI;
    /* decode the XUI (dlen: its decoded length) */
    if (dlen > 0 && (xui == NULL || dlen > xui_size))
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    for (i = 0, k = 0; i < u.xui_raw.len; i++, k++) {
        int c = (unsigned char)u.xui_raw.ptr[i];
        if (c == '%') {
            c = utsec_id_pct_value(u.xui_raw.ptr + i);
            i += 2;
        }
        xui[k] = (char)c;
    }
    *out = u;
    *xui_len = dlen;
    return 0;
}

UTSEC_API int utsec_id_xcap_authorize(const utsec_id_view_t *ids,
                                      size_t n_ids, const char *path,
                                      size_t path_len, const char *root,
                                      size_t root_len, const char *method,
                                      size_t method_len)
{
    utsec_id_xcap_uri_t u;
    char xui[UTSEC_ID_MAX_IDENTITY];
    size_t xui_len, k;
    int rc;

    if (ids == NULL || n_ids == 0 || n_ids > UTSEC_ID_MAX_ITEMS ||
        method == NULL || method_len == 0)
        return UTSEC_ERR_INVALID_ARG;
    for (k = 0; k < method_len; k++)
        if (!utsec_id_is((unsigned char)method[k], ID_TOKEN))
            return UTSEC_ERR_INVALID_ARG;
    for (k = 0; k < n_ids; k++) {
        if (ids[k].ptr == NULL) /* no identity is empty */
            return UTSEC_ERR_INVALID_ARG;
        if ((rc = utsec_id_uri_validate(ids[k].ptr, ids[k].len)) != 0)
            return rc;
    }
    rc = utsec_id_xcap_parse(path, path_len, root, root_len, &u, xui,
                             sizeof(xui), &xui_len);
    if (rc == UTSEC_ERR_BUFFER_TOO_SMALL)
        return UTSEC_ERR_TOO_LONG;
    if (rc != 0)
        return rc;
    if (u.global) /* read-only for users (RFC 4825 §5.1, §6.2) */
        return (method_len == 3 && memcmp(method, "GET", 3) == 0) ||
                       (method_len == 4 && memcmp(method, "HEAD", 4) == 0)
                   ? 0
                   : UTSEC_ERR_FORBIDDEN;
    /* an invalid XUI equals no identity */
    for (k = 0; k < n_ids; k++)
        if (utsec_id_uri_equal(ids[k].ptr, ids[k].len, xui, xui_len) == 1)
            return 0;
    return UTSEC_ERR_FORBIDDEN;
}
