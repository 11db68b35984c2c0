/*
 * HTTP Digest header serializers (RFC 7616 §3.3-3.5): quoted-strings are
 * escaped per RFC 7230 §3.2.6, tokens checked, `username*` encoded per
 * RFC 8187 §3.2. A value that cannot be represented (a control character)
 * is refused rather than mangled.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "digest_pw_fields.h"

/* Bounded output buffer for the serializers: overflow is sticky. */
typedef struct digest_buf {
    char *p;
    size_t size, len;
    int overflow, invalid;
} digest_buf_t;

static void utsec_digest_buf_init(digest_buf_t *b, char *p, size_t size)
{
    b->p = p;
    b->size = size;
    b->len = 0;
    b->overflow = 0;
    b->invalid = 0;
}

static void utsec_digest_buf_put(digest_buf_t *b, const char *s, size_t n)
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

static void utsec_digest_buf_puts(digest_buf_t *b, const char *s)
{
    utsec_digest_buf_put(b, s, strlen(s));
}

/* `, ` between parameters (none after the scheme or at the start). */
static void put_sep(digest_buf_t *b)
{
    if (b->len > 0 && b->p[b->len - 1] != ' ')
        utsec_digest_buf_put(b, ", ", 2);
}

/* A quoted-string; raw: s is this library's own lower-case hex, copied
 * without looking at the digits (they derive from H(A1) until they are on
 * the wire). */
static void utsec_digest_buf_quoted(digest_buf_t *b, const char *s, size_t n,
                                    int raw)
{
    size_t i;

    if (s == NULL && n) {
        b->invalid = 1;
        return;
    }
    utsec_digest_buf_put(b, "\"", 1);
    if (raw) {
        utsec_digest_buf_put(b, s, n);
        n = 0;
    }
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

static int utsec_digest_buf_finish(digest_buf_t *b, size_t *out_len)
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

/* RFC 8187 §3.2 value of username*: UTF-8'' then attr-chars and %XX. */
static void put_ext_username(digest_buf_t *b, const utsec_digest_str_t *u)
{
    static const char hexd[] = "0123456789ABCDEF";
    size_t i;

    utsec_digest_buf_puts(b, "UTF-8''");
    for (i = 0; i < u->len; i++) {
        unsigned char c = (unsigned char)u->ptr[i];
        char e[3] = {'%', hexd[c >> 4], hexd[c & 0xF]};
        if (c == 0) {
            b->invalid = 1;
            return;
        }
        if (utsec_digest_is_attr_char(c))
            utsec_digest_buf_put(b, u->ptr + i, 1);
        else
            utsec_digest_buf_put(b, e, 3);
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

/* qop-options by mask (AUTH = 1, AUTH_INT = 2), at qop_at[mask - 1]. */
static const char qop_options[] = "\"auth\"\0\"auth-int\"\0\"auth,auth-int\"";
static const unsigned char qop_at[3] = {0, 7, 18};

/* How put_param() writes a value. */
enum {
    W_QUOTED, /* a quoted-string */
    W_HEX,    /* a quoted-string of our own hex, copied raw */
    W_EXT,    /* the RFC 8187 ext-value of username* */
    W_RAW,    /* as is (our own literals) */
    W_TOKEN,  /* as is; it must be a token */
    W_VALUE   /* a token as is, anything else as a quoted-string */
};

/* `, name=value`; the name must be a token (those of the table are). */
static void put_param(digest_buf_t *b, const utsec_digest_str_t *name,
                      const utsec_digest_str_t *v, int how)
{
    put_sep(b);
    if (!utsec_digest_is_token(name->ptr, name->len))
        b->invalid = 1;
    else
        utsec_digest_buf_put(b, name->ptr, name->len);
    utsec_digest_buf_put(b, "=", 1);
    if (how == W_EXT) {
        put_ext_username(b, v);
        return;
    }
    if (how >= W_TOKEN && utsec_digest_is_token(v->ptr, v->len))
        how = W_RAW;
    if (how == W_RAW)
        utsec_digest_buf_put(b, v->ptr, v->len);
    else if (how == W_TOKEN)
        b->invalid = 1;
    else
        utsec_digest_buf_quoted(b, v->ptr, v->len, how == W_HEX);
}

/*
 * One header value from the struct at in (that of table which, DIGEST_PW_*):
 * its fields in the table's order, then the extension parameters. Every check that refuses a struct outright is made
 * before anything is written.
 */
static int write_fields(const void *in, int which, char *out,
                        size_t out_size, size_t *out_len, int response_is_hex)
{
    const digest_pw_map_t *m = utsec_digest_pw_map(which);
    const unsigned char *base = in, *id;
    const utsec_digest_param_t *params;
    digest_buf_t b;
    size_t i, n_params;

    if (in == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    for (id = m->order; *id != 0; id++) {
        const void *f = base + m->f[*id].off;
        if ((m->need & DIGEST_PW_BIT(*id)) &&
            ((const utsec_digest_str_t *)f)->ptr == NULL)
            return UTSEC_ERR_INVALID_ARG;
        if (m->f[*id].kind == F_QOP &&
            *(const utsec_digest_qop_t *)f != UTSEC_DIGEST_QOP_NONE &&
            utsec_digest_qop_name(*(const utsec_digest_qop_t *)f) == NULL)
            return UTSEC_ERR_INVALID_ARG;
    }
    utsec_digest_buf_init(&b, out, out_size);
    if (m->scheme)
        utsec_digest_buf_puts(&b, "Digest ");
    for (id = m->order; *id != 0; id++) {
        const void *f = base + m->f[*id].off;
        const utsec_digest_str_t *v = f;
        utsec_digest_str_t name, val = {NULL, 0};
        const char *lit = NULL;
        int k = m->f[*id].kind, how = W_QUOTED;
        utsec_digest_param_id_t nid = *id;
        utsec_digest_alg_t alg;
        unsigned u;
        char nc[9];

        if (k < F_QOPS) /* the kinds kept as a view */
            val = *v;
        /* absent views, zero numbers and default values are not written */
        switch (k) {
        case F_USER:
            if (*(const int *)(const void *)(v + 1) || needs_ext(v)) {
                if (v->len == 0)
                    return UTSEC_ERR_INVALID_ARG;
                nid = UTSEC_DIGEST_P_USERNAME_EXT;
                how = W_EXT;
            }
            break;
        case F_HEX: /* response */
            if (response_is_hex)
                how = W_HEX;
            break;
        case F_TOK:
            how = W_VALUE;
            break;
        case F_ALG_OPT:
        case F_ALG:
            alg = *(const utsec_digest_alg_t *)(const void *)(v + 1);
            if (k == F_ALG_OPT && v->ptr == NULL &&
                alg == UTSEC_DIGEST_ALG_MD5)
                break;
            lit = utsec_digest_alg_name(alg);
            how = W_TOKEN;
            break;
        case F_QOPS:
            u = *(const unsigned *)f & (UTSEC_DIGEST_QOP_AUTH | UTSEC_DIGEST_QOP_AUTH_INT);
            if (u != 0)
                lit = qop_options + qop_at[u - 1];
            break;
        case F_QOP:
            lit = utsec_digest_qop_name(*(const utsec_digest_qop_t *)f);
            break;
        case F_BOOL: /* stale, userhash */
            if (*(const int *)f)
                lit = "true";
            break;
        case F_NC:
            if ((u = *(const uint32_t *)f) != 0) {
                utsec_digest_nc_hex(u, nc);
                lit = nc;
            }
            break;
        default: /* F_STR */
            break;
        }
        if (lit != NULL) {
            val.ptr = lit;
            val.len = strlen(lit);
            how = W_RAW;
        }
        if (val.ptr != NULL) {
            name.ptr = utsec_digest_pw_param_name(nid);
            name.len = strlen(name.ptr);
            put_param(&b, &name, &val, how);
        }
    }
    /* the extension parameters, as given */
    params = (const utsec_digest_param_t *)(const void *)(base + m->params_off);
    n_params = *(const size_t *)(const void *)(base + m->n_params_off);
    if (n_params > UTSEC_DIGEST_MAX_PARAMS)
        b.invalid = 1;
    else
        for (i = 0; i < n_params; i++)
            if (params[i].id == UTSEC_DIGEST_P_UNKNOWN)
                put_param(&b, &params[i].name, &params[i].value,
                          params[i].quoted ? W_QUOTED : W_VALUE);
    return utsec_digest_buf_finish(&b, out_len);
}

int utsec_digest_challenge_write(const utsec_digest_challenge_t *c, char *out,
                                 size_t out_size, size_t *out_len)
{
    return write_fields(c, DIGEST_PW_CHALLENGE, out, out_size, out_len, 0);
}

int utsec_digest_authorization_write(const utsec_digest_authorization_t *a,
                                     char *out, size_t out_size,
                                     size_t *out_len)
{
    return write_fields(a, DIGEST_PW_AUTHORIZATION, out, out_size,
                        out_len, 0);
}

int utsec_digest_authorization_write_int(const utsec_digest_authorization_t *a,
                                         char *out, size_t out_size,
                                         size_t *out_len, int response_is_hex)
{
    return write_fields(a, DIGEST_PW_AUTHORIZATION, out, out_size,
                        out_len, response_is_hex);
}

int utsec_digest_auth_info_write(const utsec_digest_auth_info_t *ai, char *out,
                                 size_t out_size, size_t *out_len)
{
    return write_fields(ai, DIGEST_PW_AUTH_INFO, out, out_size, out_len, 0);
}
