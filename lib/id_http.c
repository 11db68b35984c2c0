/*
 * Raw HTTP/1.1 request heads (RFC 9112 §2-§5) as the Authentication Proxy
 * sees them: find the security fields, and rewrite the head for the
 * application server (TS 24.109 §7: strip Authorization and any
 * UE-supplied X-3GPP-Asserted-Identity, add the asserted identity).
 * Strict: anything a downstream parser could read differently is refused
 * (obs-fold, bare CR or LF, NUL, white space before the colon, duplicate
 * security fields).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

#define ASSERTED_NAME "X-3GPP-Asserted-Identity"

/* A security field line: [line, line_end) including CRLF, and its value. */
struct field {
    size_t line, line_end;
    utsec_id_view_t value;
};

/* What a validated head is reduced to. The fields themselves are not
 * stored (UTSEC_ID_HTTP_MAX_FIELDS of them would cost ~5.6 KiB of stack).
 * Each security field occurs at most once, so its line is kept by bit. */
struct head {
    size_t fields_end;     /* end of the last field line (the empty line) */
    size_t n;              /* number of field lines */
    unsigned present;      /* UTSEC_ID_HDR_* seen */
    struct field sec[3];   /* by bit index: Authorization, Asserted, Intended */
};

/* request-line = method SP request-target SP HTTP-version. s[n] is the
 * line's CR, which ends both runs below. */
static int request_line_ok(const char *s, size_t n)
{
    size_t i = 0, t;

    while (utsec_id_is((unsigned char)s[i], ID_TOKEN))
        i++;
    if (i == 0 || s[i] != ' ')
        return 0;
    t = ++i;
    while ((unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x7f)
        i++;
    if (i == t || s[i] != ' ')
        return 0;
    i++;
    return n - i == 8 && memcmp(s + i, "HTTP/", 5) == 0 &&
           id_is_digit((unsigned char)s[i + 5]) && s[i + 6] == '.' &&
           id_is_digit((unsigned char)s[i + 7]);
}

static unsigned security_bit(const char *name, size_t len)
{
    /* by bit index: UTSEC_ID_HDR_AUTHORIZATION, _ASSERTED, _INTENDED */
    static const char names[][25] = {"authorization", "x-3gpp-asserted-identity",
                                     "x-3gpp-intended-identity"};
    unsigned b;

    for (b = 0; b < 3; b++)
        if (utsec_ascii_ieq_lit(name, len, names[b]))
            return 1u << b;
    return 0;
}

static int head_parse(const char *h, size_t len, struct head *hd)
{
    size_t i, pos, end, colon, vb, ve;
    const char *lf;
    unsigned bit;

    if (h == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (len > UTSEC_ID_HTTP_MAX_BLOCK)
        return UTSEC_ERR_TOO_LONG;
    /* line endings: every LF after a CR, every CR before an LF, no NUL */
    if (len > 0 && h[0] == '\n')
        return UTSEC_ERR_BAD_HEADER_BLOCK;
    for (i = 0; i < len; i++)
        if (h[i] == '\0' || (h[i] == '\r') != (i + 1 < len && h[i + 1] == '\n'))
            return UTSEC_ERR_BAD_HEADER_BLOCK;
    memset(hd, 0, sizeof(*hd));
    /* the request line, then field lines up to the empty line */
    for (pos = 0;; pos = end + 2) {
        lf = pos < len ? memchr(h + pos, '\n', len - pos) : NULL;
        if (lf == NULL)
            return UTSEC_ERR_BAD_HEADER_BLOCK; /* no empty line */
        end = (size_t)(lf - h) - 1;            /* at the CR */
        if (pos == 0) {
            if (!request_line_ok(h, end))
                return UTSEC_ERR_BAD_HEADER_BLOCK;
            continue;
        }
        if (end == pos) /* the empty line ends the head, and the input */
            break;
        if (h[pos] == ' ' || h[pos] == '\t')
            return UTSEC_ERR_BAD_HEADER_BLOCK; /* obs-fold (RFC 9112 §5.2) */
        if (hd->n == UTSEC_ID_HTTP_MAX_FIELDS)
            return UTSEC_ERR_TOO_MANY;
        /* h[end] is the CR, which ends the name and the leading white space */
        for (colon = pos; utsec_id_is((unsigned char)h[colon], ID_TOKEN); colon++)
            ;
        if (colon == pos || h[colon] != ':')
            return UTSEC_ERR_BAD_HEADER_BLOCK; /* incl. space before ':' */
        for (vb = colon + 1; h[vb] == ' ' || h[vb] == '\t'; vb++)
            ;
        for (ve = end; ve > vb && (h[ve - 1] == ' ' || h[ve - 1] == '\t'); ve--)
            ;
        for (i = vb; i < ve; i++) {
            unsigned char c = (unsigned char)h[i];
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                return UTSEC_ERR_BAD_HEADER_BLOCK;
        }
        bit = security_bit(h + pos, colon - pos);
        if (bit & hd->present)
            return UTSEC_ERR_DUPLICATE_HEADER;
        if (bit != 0) { /* 1, 2, 4: index 0, 1, 2 */
            struct field *f = &hd->sec[bit >> 1];
            f->line = pos;
            f->line_end = end + 2;
            f->value.ptr = h + vb;
            f->value.len = ve - vb;
        }
        hd->present |= bit;
        hd->n++;
    }
    if (pos + 2 != len)
        return UTSEC_ERR_BAD_HEADER_BLOCK;
    hd->fields_end = pos;
    return 0;
}

UTSEC_API int utsec_id_http_scan(const char *head, size_t len,
                                 utsec_id_ue_headers_t *out)
{
    struct head hd;
    utsec_id_ue_headers_t r;
    int rc;

    if (out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = head_parse(head, len, &hd)) != 0)
        return rc;
    memset(&r, 0, sizeof(r));
    r.present = hd.present;
    /* the security fields absent are all zero in hd.sec */
    r.authorization = hd.sec[0].value;
    r.asserted = hd.sec[1].value;
    r.intended = hd.sec[2].value;
    *out = r;
    return 0;
}

UTSEC_API int utsec_id_http_rewrite(const char *head, size_t len,
                                    unsigned remove, const char *asserted,
                                    size_t asserted_len, char *out,
                                    size_t out_size, size_t *out_len)
{
    struct head hd;
    utsec_id_view_t ids[UTSEC_ID_MAX_ITEMS];
    size_t n, total, pos, at;
    unsigned b;
    int rc;

    if (out == NULL || out_len == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = head_parse(head, len, &hd)) != 0)
        return rc;
    if (asserted != NULL) {
        if ((rc = utsec_id_header_parse(asserted, asserted_len, ids,
                                        UTSEC_ID_MAX_ITEMS, &n, NULL)) != 0)
            return rc;
        remove |= UTSEC_ID_HDR_ASSERTED; /* ours replaces any other */
    }
    /* every field line, minus the (at most one each) removed security ones */
    remove &= hd.present;
    total = hd.fields_end + 2;
    n = hd.n;
    for (b = 0; b < 3; b++)
        if (remove & (1u << b)) {
            total -= hd.sec[b].line_end - hd.sec[b].line;
            n--;
        }
    if (asserted != NULL) {
        total += sizeof(ASSERTED_NAME ": ") - 1 + asserted_len + 2;
        n++;
    }
    /* the result must pass the same limits as its input */
    if (n > UTSEC_ID_HTTP_MAX_FIELDS)
        return UTSEC_ERR_TOO_MANY;
    if (total > UTSEC_ID_HTTP_MAX_BLOCK)
        return UTSEC_ERR_TOO_LONG;
    if (total > out_size)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    /* copy the head, skipping each removed line when reaching it */
    pos = 0;
    for (at = 0; at < hd.fields_end;) {
        for (b = 0; b < 3; b++)
            if ((remove & (1u << b)) && at == hd.sec[b].line)
                break;
        if (b < 3)
            at = hd.sec[b].line_end;
        else
            out[pos++] = head[at++];
    }
    if (asserted != NULL) {
        memcpy(out + pos, ASSERTED_NAME ": ", sizeof(ASSERTED_NAME ": ") - 1);
        pos += sizeof(ASSERTED_NAME ": ") - 1;
        memcpy(out + pos, asserted, asserted_len);
        pos += asserted_len;
        out[pos++] = '\r';
        out[pos++] = '\n';
    }
    out[pos++] = '\r';
    out[pos++] = '\n';
    *out_len = pos;
    return 0;
}
