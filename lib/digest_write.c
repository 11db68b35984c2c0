/*
 * HTTP Digest header serializers (RFC 7616 §3.3-3.5): quoted-strings are
 * escaped per RFC 7230 §3.2.6, tokens checked, `username*` encoded per
 * RFC 8187 §3.2. A value that cannot be represented (a control character)
 * is refused rather than mangled.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "digest_internal.h"

void utsec_digest_buf_init(digest_buf_t *b, char *p, size_t size)
{
    b->p = p;
    b->size = size;
    b->len = 0;
    b->overflow = 0;
    b->invalid = 0;
}

void utsec_digest_buf_put(digest_buf_t *b, const char *s, size_t n)
{
    if (b->overflow || n == 0)
        return;
    if (b->size - b->len <= n) { /* keep one octet for the NUL */
        b->overflow = 1;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void utsec_digest_buf_puts(digest_buf_t *b, const char *s)
{
    utsec_digest_buf_put(b, s, strlen(s));
}

/* `, ` between parameters (none after the scheme or at the start). */
static void put_sep(digest_buf_t *b)
{
    if (b->len > 0 && b->p[b->len - 1] != ' ')
        utsec_digest_buf_put(b, ", ", 2);
}

void utsec_digest_buf_name(digest_buf_t *b, const char *name)
{
    put_sep(b);
    utsec_digest_buf_puts(b, name);
    utsec_digest_buf_put(b, "=", 1);
}

void utsec_digest_buf_quoted(digest_buf_t *b, const char *s, size_t n)
{
    size_t i;

    if (s == NULL && n) {
        b->invalid = 1;
        return;
    }
    utsec_digest_buf_put(b, "\"", 1);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            b->invalid = 1;
            return;
        }
        if (c == '"' || c == '\\')
            utsec_digest_buf_put(b, "\\", 1);
        utsec_digest_buf_put(b, s + i, 1);
    }
    utsec_digest_buf_put(b, "\"", 1);
}

void utsec_digest_buf_token(digest_buf_t *b, const char *s, size_t n)
{
    if (!utsec_digest_is_token(s, n))
        b->invalid = 1;
    else
        utsec_digest_buf_put(b, s, n);
}

int utsec_digest_buf_finish(digest_buf_t *b, size_t *out_len)
{
    if (b->invalid)
        return UTSEC_ERR_INVALID_ARG;
    if (b->overflow || b->size == 0)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    b->p[b->len] = '\0';
    if (out_len != NULL)
        *out_len = b->len;
    return 0;
}

static void put_quoted_opt(digest_buf_t *b, const char *name,
                           const utsec_digest_str_t *v)
{
    if (v->ptr == NULL)
        return;
    utsec_digest_buf_name(b, name);
    utsec_digest_buf_quoted(b, v->ptr, v->len);
}

static void put_alg(digest_buf_t *b, utsec_digest_alg_t alg,
                    const utsec_digest_str_t *text)
{
    const char *name = utsec_digest_alg_name(alg);

    if (name != NULL) {
        utsec_digest_buf_name(b, "algorithm");
        utsec_digest_buf_puts(b, name);
    } else if (text->ptr != NULL) {
        utsec_digest_buf_name(b, "algorithm");
        utsec_digest_buf_token(b, text->ptr, text->len);
    }
}

static void put_nc(digest_buf_t *b, uint32_t nc)
{
    char s[9];

    utsec_digest_nc_hex(nc, s);
    utsec_digest_buf_name(b, "nc");
    utsec_digest_buf_put(b, s, 8);
}

/* `name=true` (stale, userhash). */
static void put_true(digest_buf_t *b, const char *name)
{
    utsec_digest_buf_name(b, name);
    utsec_digest_buf_puts(b, "true");
}

/* A token as is, anything else as a quoted-string. */
static void put_value(digest_buf_t *b, const utsec_digest_str_t *v, int quoted)
{
    if (!quoted && utsec_digest_is_token(v->ptr, v->len))
        utsec_digest_buf_put(b, v->ptr, v->len);
    else
        utsec_digest_buf_quoted(b, v->ptr, v->len);
}

/* Extension parameters, as given (the name must be a token). */
static void put_unknown(digest_buf_t *b, const utsec_digest_param_t *params,
                        size_t n)
{
    size_t i;

    if (n > UTSEC_DIGEST_MAX_PARAMS) {
        b->invalid = 1;
        return;
    }
    for (i = 0; i < n; i++) {
        const utsec_digest_param_t *p = &params[i];
        if (p->id != UTSEC_DIGEST_P_UNKNOWN)
            continue;
        put_sep(b);
        utsec_digest_buf_token(b, p->name.ptr, p->name.len);
        utsec_digest_buf_put(b, "=", 1);
        put_value(b, &p->value, p->quoted);
    }
}

/* qop-options by mask (AUTH = 1, AUTH_INT = 2). */
static const char *const qop_options[] = {
    NULL, "\"auth\"", "\"auth-int\"", "\"auth,auth-int\"",
};

int utsec_digest_challenge_write(const utsec_digest_challenge_t *c, char *out,
                                 size_t out_size, size_t *out_len)
{
    digest_buf_t b;
    unsigned qops;

    if (c == NULL || out == NULL || c->realm.ptr == NULL || c->nonce.ptr == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_digest_buf_init(&b, out, out_size);
    utsec_digest_buf_puts(&b, "Digest ");
    put_quoted_opt(&b, "realm", &c->realm);
    put_quoted_opt(&b, "domain", &c->domain);
    put_quoted_opt(&b, "nonce", &c->nonce);
    put_quoted_opt(&b, "opaque", &c->opaque);
    if (c->stale)
        put_true(&b, "stale");
    put_alg(&b, c->alg, &c->algorithm);
    qops = c->qop_mask & (UTSEC_DIGEST_QOP_AUTH | UTSEC_DIGEST_QOP_AUTH_INT);
    if (qops) {
        utsec_digest_buf_name(&b, "qop");
        utsec_digest_buf_puts(&b, qop_options[qops]);
    }
    if (c->charset.ptr != NULL) {
        utsec_digest_buf_name(&b, "charset");
        put_value(&b, &c->charset, 0);
    }
    if (c->userhash)
        put_true(&b, "userhash");
    put_unknown(&b, c->params, c->n_params);
    return utsec_digest_buf_finish(&b, out_len);
}

/* RFC 8187 §3.2: UTF-8'' then attr-chars and %XX. */
static void put_ext_username(digest_buf_t *b, const utsec_digest_str_t *u)
{
    static const char hexd[] = "0123456789ABCDEF";
    size_t i;

    utsec_digest_buf_name(b, "username*");
    utsec_digest_buf_puts(b, "UTF-8''");
    for (i = 0; i < u->len; i++) {
        unsigned char c = (unsigned char)u->ptr[i];
        if (utsec_digest_is_attr_char(c)) {
            utsec_digest_buf_put(b, u->ptr + i, 1);
        } else {
            char e[3];
            if (c == 0) {
                b->invalid = 1;
                return;
            }
            e[0] = '%';
            e[1] = hexd[c >> 4];
            e[2] = hexd[c & 0xF];
            utsec_digest_buf_put(b, e, 3);
        }
    }
}

static int needs_ext(const utsec_digest_str_t *u)
{
    size_t i;

    for (i = 0; i < u->len; i++)
        if ((unsigned char)u->ptr[i] >= 0x7f || (unsigned char)u->ptr[i] < 0x20)
            return 1;
    return 0;
}

int utsec_digest_authorization_write(const utsec_digest_authorization_t *a,
                                     char *out, size_t out_size,
                                     size_t *out_len)
{
    return utsec_digest_authorization_write_int(a, out, out_size, out_len, 0);
}

int utsec_digest_authorization_write_int(const utsec_digest_authorization_t *a,
                                         char *out, size_t out_size,
                                         size_t *out_len, int response_is_hex)
{
    digest_buf_t b;

    if (a == NULL || out == NULL || a->username.ptr == NULL ||
        a->realm.ptr == NULL || a->nonce.ptr == NULL || a->uri.ptr == NULL ||
        a->response.ptr == NULL ||
        (a->qop != UTSEC_DIGEST_QOP_NONE && utsec_digest_qop_name(a->qop) == NULL))
        return UTSEC_ERR_INVALID_ARG;
    utsec_digest_buf_init(&b, out, out_size);
    utsec_digest_buf_puts(&b, "Digest ");
    if (a->username_ext || needs_ext(&a->username)) {
        if (a->username.len == 0)
            return UTSEC_ERR_INVALID_ARG;
        put_ext_username(&b, &a->username);
    } else {
        put_quoted_opt(&b, "username", &a->username);
    }
    put_quoted_opt(&b, "realm", &a->realm);
    put_quoted_opt(&b, "nonce", &a->nonce);
    put_quoted_opt(&b, "uri", &a->uri);
    if (a->algorithm.ptr != NULL || a->alg != UTSEC_DIGEST_ALG_MD5)
        put_alg(&b, a->alg, &a->algorithm);
    if (response_is_hex) {
        /* our own lower-case hex: copied without looking at the digits,
         * which derive from H(A1) until they are on the wire */
        utsec_digest_buf_name(&b, "response");
        utsec_digest_buf_put(&b, "\"", 1);
        utsec_digest_buf_put(&b, a->response.ptr, a->response.len);
        utsec_digest_buf_put(&b, "\"", 1);
    } else {
        put_quoted_opt(&b, "response", &a->response);
    }
    put_quoted_opt(&b, "opaque", &a->opaque);
    if (a->qop != UTSEC_DIGEST_QOP_NONE) {
        utsec_digest_buf_name(&b, "qop");
        utsec_digest_buf_puts(&b, utsec_digest_qop_name(a->qop));
    }
    if (a->nc != 0)
        put_nc(&b, a->nc);
    put_quoted_opt(&b, "cnonce", &a->cnonce);
    if (a->userhash)
        put_true(&b, "userhash");
    put_quoted_opt(&b, "auts", &a->auts);
    put_unknown(&b, a->params, a->n_params);
    return utsec_digest_buf_finish(&b, out_len);
}

int utsec_digest_auth_info_write(const utsec_digest_auth_info_t *ai, char *out,
                                 size_t out_size, size_t *out_len)
{
    digest_buf_t b;

    if (ai == NULL || out == NULL ||
        (ai->qop != UTSEC_DIGEST_QOP_NONE && utsec_digest_qop_name(ai->qop) == NULL))
        return UTSEC_ERR_INVALID_ARG;
    utsec_digest_buf_init(&b, out, out_size);
    put_quoted_opt(&b, "rspauth", &ai->rspauth);
    if (ai->qop != UTSEC_DIGEST_QOP_NONE) {
        utsec_digest_buf_name(&b, "qop");
        utsec_digest_buf_puts(&b, utsec_digest_qop_name(ai->qop));
    }
    if (ai->nc != 0)
        put_nc(&b, ai->nc);
    put_quoted_opt(&b, "cnonce", &ai->cnonce);
    put_quoted_opt(&b, "nextnonce", &ai->nextnonce);
    put_unknown(&b, ai->params, ai->n_params);
    return utsec_digest_buf_finish(&b, out_len);
}
