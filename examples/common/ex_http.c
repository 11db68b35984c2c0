/*
 * A small, strict HTTP/1.1 message reader and writer for the example
 * programs (RFC 9112 framing subset: Content-Length bodies only, one
 * message per connection), and the demo transcript printer.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ex_http.h"

/* ---------------------------------------------------------- reading */

static const char *find_end_of_head(const char *b, size_t n)
{
    size_t i;

    for (i = 3; i < n; i++)
        if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n')
            return b + i + 1;
    return NULL;
}

static int is_tchar(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* Copy [p, p+n) into m->strs at *off, NUL-terminated. */
static const char *keep(ex_http_msg_t *m, size_t *off, const char *p, size_t n)
{
    char *d;

    if (*off + n + 1 > sizeof(m->strs))
        return NULL;
    d = m->strs + *off;
    memcpy(d, p, n);
    d[n] = '\0';
    *off += n + 1;
    return d;
}

/* Split "a b c" start line: three fields, the third may contain spaces
 * (reason phrase). */
static int start_line(ex_http_msg_t *m, size_t *off, const char *l, size_t n, int request)
{
    const char *sp1 = memchr(l, ' ', n), *sp2;
    size_t i;

    for (i = 0; i < n; i++)
        if ((unsigned char)l[i] < 0x20 || l[i] == 0x7f)
            return -1;
    if (sp1 == NULL)
        return -1;
    sp2 = memchr(sp1 + 1, ' ', n - (size_t)(sp1 + 1 - l));
    if (request) {
        if (sp2 == NULL || (size_t)(l + n - sp2 - 1) != 8 || memcmp(sp2 + 1, "HTTP/1.1", 8) != 0)
            return -1;
        for (i = 0; l + i < sp1; i++)
            if (!is_tchar(l[i]))
                return -1;
        if (sp1 == l || sp2 == sp1 + 1 || memchr(sp1 + 1, ' ', (size_t)(sp2 - sp1 - 1)) != NULL)
            return -1;
        m->method = keep(m, off, l, (size_t)(sp1 - l));
        m->target = keep(m, off, sp1 + 1, (size_t)(sp2 - sp1 - 1));
        return m->method != NULL && m->target != NULL ? 0 : -1;
    }
    if (sp1 - l != 8 || memcmp(l, "HTTP/1.", 7) != 0 || (l[7] != '0' && l[7] != '1'))
        return -1;
    if (n - 9 < 3 || !(sp1[1] >= '1' && sp1[1] <= '5') || !(sp1[2] >= '0' && sp1[2] <= '9')
        || !(sp1[3] >= '0' && sp1[3] <= '9') || (n > 12 && sp1[4] != ' '))
        return -1;
    m->status = (sp1[1] - '0') * 100 + (sp1[2] - '0') * 10 + (sp1[3] - '0');
    m->reason = n > 13 ? keep(m, off, sp1 + 5, n - 13) : keep(m, off, "", 0);
    return m->reason != NULL ? 0 : -1;
}

static int header_line(ex_http_msg_t *m, size_t *off, const char *l, size_t n)
{
    const char *colon = memchr(l, ':', n);
    const char *v, *e;
    size_t i;

    if (colon == NULL || colon == l || m->n_hdr == EX_HTTP_HEADERS_MAX)
        return -1;
    for (i = 0; l + i < colon; i++)
        if (!is_tchar(l[i]))
            return -1;   /* includes obs-fold and "name :" */
    for (v = colon + 1; v < l + n; v++)
        if ((unsigned char)*v < 0x20 ? *v != '\t' : *v == 0x7f)
            return -1;
    v = colon + 1;
    e = l + n;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    m->hdr[m->n_hdr].name = keep(m, off, l, (size_t)(colon - l));
    m->hdr[m->n_hdr].value = keep(m, off, v, (size_t)(e - v));
    if (m->hdr[m->n_hdr].name == NULL || m->hdr[m->n_hdr].value == NULL)
        return -1;
    m->n_hdr++;
    return 0;
}

/* Content-Length: -1 absent, -2 invalid, else the value. */
static long content_length(const ex_http_msg_t *m)
{
    long cl = -1;
    size_t i;

    for (i = 0; i < m->n_hdr; i++) {
        const char *v = m->hdr[i].value;
        char *end;
        long x;
        if (strcasecmp(m->hdr[i].name, "Transfer-Encoding") == 0)
            return -2;
        if (strcasecmp(m->hdr[i].name, "Content-Length") != 0)
            continue;
        if (*v < '0' || *v > '9' || strlen(v) > 9)
            return -2;
        x = strtol(v, &end, 10);
        if (*end != '\0' || (cl >= 0 && cl != x) || x > EX_HTTP_BODY_MAX)
            return -2;
        cl = x;
    }
    return cl;
}

static int read_message(ex_conn_t *c, ex_http_msg_t *m, int request)
{
    const char *end = NULL, *p, *lend;
    size_t off = 0, head_len;
    long cl;
    int first = 1;

    m->n_hdr = 0;
    m->method = m->target = m->reason = m->head = m->body = NULL;
    m->status = 0;
    m->len = m->head_len = m->body_len = 0;
    while (end == NULL) {
        int k;
        if (m->len >= EX_HTTP_HEAD_MAX)
            return -1;
        k = ex_conn_recv(c, m->buf + m->len, EX_HTTP_HEAD_MAX - m->len);
        if (k <= 0)
            return -1;
        m->len += (size_t)k;
        end = find_end_of_head(m->buf, m->len);
    }
    head_len = (size_t)(end - m->buf);
    if (memchr(m->buf, '\0', head_len) != NULL)
        return -1;
    for (p = m->buf; p < end - 2; p = lend + 2) {
        lend = p;
        while (lend < end - 1 && !(lend[0] == '\r' && lend[1] == '\n'))
            lend++;
        if (memchr(p, '\n', (size_t)(lend - p)) != NULL || memchr(p, '\r', (size_t)(lend - p)) != NULL)
            return -1;   /* bare CR or LF */
        if (first ? start_line(m, &off, p, (size_t)(lend - p), request) != 0
                  : header_line(m, &off, p, (size_t)(lend - p)) != 0)
            return -1;
        first = 0;
    }
    if (first)
        return -1;
    cl = content_length(m);
    if (cl == -2 || (request && cl == -1 && m->len > head_len))
        return -1;
    if (cl < 0 && request)
        cl = 0;
    /* The body: up to Content-Length, or to the close for a response
     * without one. */
    while (cl < 0 || m->len < head_len + (size_t)cl) {
        size_t want = cl < 0 ? EX_HTTP_BODY_MAX - (m->len - head_len)
                             : head_len + (size_t)cl - m->len;
        int k;
        if (want == 0)
            return -1;   /* body without length beyond the bound */
        k = ex_conn_recv(c, m->buf + m->len, want);
        if (k < 0)
            return -1;
        if (k == 0) {
            if (cl >= 0)
                return -1;   /* truncated */
            break;
        }
        m->len += (size_t)k;
    }
    m->head = m->buf;
    m->head_len = head_len;
    m->body = m->buf + head_len;
    m->body_len = cl >= 0 ? (size_t)cl : m->len - head_len;
    m->buf[head_len + m->body_len] = '\0';
    return 0;
}

int ex_http_read_request(ex_conn_t *c, ex_http_msg_t *m)
{
    return read_message(c, m, 1);
}

int ex_http_read_response(ex_conn_t *c, ex_http_msg_t *m)
{
    return read_message(c, m, 0);
}

const char *ex_http_header(const ex_http_msg_t *m, const char *name)
{
    size_t i;

    for (i = 0; i < m->n_hdr; i++)
        if (strcasecmp(m->hdr[i].name, name) == 0)
            return m->hdr[i].value;
    return NULL;
}

/* ---------------------------------------------------------- writing */

static void out_append(ex_http_out_t *o, const char *p, size_t n)
{
    if (o->overflow || n > sizeof(o->buf) - o->len) {
        o->overflow = 1;
        return;
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

static void out_printf(ex_http_out_t *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void out_printf(ex_http_out_t *o, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (o->overflow)
        return;
    va_start(ap, fmt);
    n = vsnprintf(o->buf + o->len, sizeof(o->buf) - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(o->buf) - o->len)
        o->overflow = 1;
    else
        o->len += (size_t)n;
}

void ex_http_out_request(ex_http_out_t *o, const char *method, const char *target,
                         const char *host)
{
    o->len = 0;
    o->overflow = 0;
    out_printf(o, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n", method, target, host);
}

void ex_http_out_status(ex_http_out_t *o, int code, const char *reason)
{
    o->len = 0;
    o->overflow = 0;
    out_printf(o, "HTTP/1.1 %03d %s\r\nConnection: close\r\n", code,
               reason != NULL ? reason : ex_http_reason(code));
}

void ex_http_out_header(ex_http_out_t *o, const char *name, const char *fmt, ...)
{
    va_list ap;
    size_t start = o->len;
    int n;

    out_printf(o, "%s: ", name);
    if (o->overflow)
        return;
    va_start(ap, fmt);
    n = vsnprintf(o->buf + o->len, sizeof(o->buf) - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(o->buf) - o->len) {
        o->overflow = 1;
        return;
    }
    /* A value must not smuggle a line break into the head. */
    if (memchr(o->buf + o->len, '\r', (size_t)n) != NULL
        || memchr(o->buf + o->len, '\n', (size_t)n) != NULL) {
        o->len = start;
        o->overflow = 1;
        return;
    }
    o->len += (size_t)n;
    out_append(o, "\r\n", 2);
}

void ex_http_out_raw(ex_http_out_t *o, const char *p, size_t n)
{
    out_append(o, p, n);
}

void ex_http_out_end(ex_http_out_t *o, const char *ctype, const void *body,
                     size_t body_len)
{
    if (ctype != NULL)
        out_printf(o, "Content-Type: %s\r\n", ctype);
    out_printf(o, "Content-Length: %zu\r\n\r\n", body_len);
    if (body_len > 0)
        out_append(o, body, body_len);
}

int ex_http_out_flush(ex_conn_t *c, const ex_http_out_t *o)
{
    if (o->overflow)
        return -1;
    return ex_conn_send(c, o->buf, o->len);
}

int ex_http_out_send(ex_conn_t *c, ex_http_out_t *o, const char *ctype,
                     const void *body, size_t body_len)
{
    ex_http_out_end(o, ctype, body, body_len);
    return ex_http_out_flush(c, o);
}

const char *ex_http_reason(int code)
{
    switch (code) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

/* ------------------------------------------------------- transcript */

static const char *const key_headers[] = {
    "Authorization", "WWW-Authenticate", "Authentication-Info",
    "X-3GPP-Asserted-Identity", "X-3GPP-Intended-Identity", "User-Agent",
    "Content-Type", "Content-Length",
};

static void put_clean(FILE *f, const char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        fputc((unsigned char)p[i] >= 0x20 && (unsigned char)p[i] < 0x7f ? p[i] : '?', f);
}

/* Is [p, p+n) the parameter name `name` at a parameter boundary? */
static int param_at(const char *v, const char *p, const char *name)
{
    size_t n = strlen(name);
    const char *b = p;

    if (strncasecmp(p, name, n) != 0)
        return 0;
    while (b > v && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    if (b != v && b[-1] != ',') {
        /* Only the first parameter may follow the scheme token directly. */
        size_t k = (size_t)(b - v);
        if (b == p || memchr(v, '=', k) != NULL || memchr(v, ',', k) != NULL
            || memchr(v, '"', k) != NULL)
            return 0;
    }
    p += n;
    while (*p == ' ' || *p == '\t')
        p++;
    return *p == '=';
}

/* Print a header value with the digest "response" and "rspauth"
 * parameter values replaced by <masked>. */
static void put_masked(FILE *f, const char *v, size_t n)
{
    size_t i = 0;
    int in_quote = 0;

    while (i < n) {
        if (!in_quote && (param_at(v, v + i, "response") || param_at(v, v + i, "rspauth"))) {
            const char *eq = memchr(v + i, '=', n - i);
            size_t j = (size_t)(eq - v) + 1;
            put_clean(f, v + i, j - i);
            while (j < n && (v[j] == ' ' || v[j] == '\t'))
                j++;
            if (j < n && v[j] == '"') {
                for (j++; j < n && v[j] != '"'; j++)
                    if (v[j] == '\\' && j + 1 < n)
                        j++;
                j = j < n ? j + 1 : n;
            } else {
                while (j < n && v[j] != ',' && v[j] != ' ' && v[j] != '\t')
                    j++;
            }
            fputs("<masked>", f);
            i = j;
            continue;
        }
        if (v[i] == '"')
            in_quote = !in_quote;
        else if (in_quote && v[i] == '\\' && i + 1 < n) {
            put_clean(f, v + i, 2);
            i += 2;
            continue;
        }
        put_clean(f, v + i, 1);
        i++;
    }
}

static void log_header(FILE *f, const char *name, const char *value, size_t len)
{
    size_t i;

    for (i = 0; i < sizeof(key_headers) / sizeof(key_headers[0]); i++)
        if (strcasecmp(name, key_headers[i]) == 0) {
            fprintf(f, "    %s: ", key_headers[i]);
            put_masked(f, value, len);
            fputc('\n', f);
            return;
        }
}

void ex_log_msg(FILE *f, const char *who, const char *arrow, const ex_http_msg_t *m)
{
    size_t i;

    fprintf(f, "%s %s ", who, arrow);
    if (m->method != NULL) {
        put_clean(f, m->method, strlen(m->method));
        fputc(' ', f);
        put_clean(f, m->target, strlen(m->target));
    } else {
        fprintf(f, "%03d ", m->status);
        put_clean(f, m->reason, strlen(m->reason));
    }
    fputc('\n', f);
    for (i = 0; i < m->n_hdr; i++)
        log_header(f, m->hdr[i].name, m->hdr[i].value, strlen(m->hdr[i].value));
    fflush(f);
}

void ex_log_out(FILE *f, const char *who, const char *arrow, const ex_http_out_t *o)
{
    const char *p = o->buf, *end = o->buf + o->len, *l;
    int first = 1;

    fprintf(f, "%s %s ", who, arrow);
    for (; p < end; p = l + 2) {
        const char *colon;
        l = p;
        while (l + 1 < end && !(l[0] == '\r' && l[1] == '\n'))
            l++;
        if (l + 1 >= end || l == p)
            break;
        if (first) {
            put_clean(f, p, (size_t)(l - p));
            fputc('\n', f);
            first = 0;
            continue;
        }
        colon = memchr(p, ':', (size_t)(l - p));
        if (colon != NULL) {
            char name[64];
            const char *v = colon + 1;
            size_t nl = (size_t)(colon - p);
            if (nl >= sizeof(name))
                continue;
            memcpy(name, p, nl);
            name[nl] = '\0';
            while (v < l && *v == ' ')
                v++;
            log_header(f, name, v, (size_t)(l - v));
        }
    }
    if (first)
        fputc('\n', f);
    fflush(f);
}
