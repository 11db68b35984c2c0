/*
 * HTTP Digest header parsers: WWW-Authenticate (RFC 7235 §4.1, RFC 7616
 * §3.3), Authorization (RFC 7616 §3.4, RFC 3310 §3.4) and
 * Authentication-Info (RFC 7616 §3.5). Grammar from RFC 7235 §2.1 and
 * RFC 7230 §3.2.3/§3.2.6; `username*` per RFC 8187 §3.2.
 *
 * Every parser validates the whole input before it writes anything: values
 * are views into the input, except those needing unescaping, which are
 * copied into the caller's scratch buffer once everything has been checked.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stddef.h>
#include <string.h>

#include "digest_pw_fields.h"

int utsec_digest_is_tchar(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z'))
        return 1;
    return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* How many tchars s[from, len) starts with. */
static size_t tchars(const char *s, size_t from, size_t len)
{
    size_t i = from;

    while (i < len && utsec_digest_is_tchar((unsigned char)s[i]))
        i++;
    return i - from;
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* ---- tokenizer ----------------------------------------------------------- */

typedef struct cursor {
    const char *s;
    size_t len, pos;
} cursor_t;

static int at_end(const cursor_t *c)
{
    return c->pos >= c->len;
}

static int peek(const cursor_t *c)
{
    return at_end(c) ? -1 : (unsigned char)c->s[c->pos];
}

static void skip_ows(cursor_t *c)
{
    while (!at_end(c) && (c->s[c->pos] == ' ' || c->s[c->pos] == '\t'))
        c->pos++;
}

static size_t token_len(const cursor_t *c)
{
    return tchars(c->s, c->pos, c->len);
}

/* Per-parameter parse state that does not belong in the public view. */
typedef struct raw_params {
    size_t n;
    utsec_digest_param_t p[UTSEC_DIGEST_MAX_PARAMS];
    size_t decoded_len[UTSEC_DIGEST_MAX_PARAMS]; /* length once unescaped */
    unsigned char escaped[UTSEC_DIGEST_MAX_PARAMS];
} raw_params_t;

/* quoted-string (RFC 7230 §3.2.6): the cursor is on the opening quote. */
static int parse_quoted(cursor_t *c, utsec_digest_param_t *p, size_t *decoded,
                        unsigned char *escaped)
{
    size_t start, n = 0;

    c->pos++;
    start = c->pos;
    *escaped = 0;
    for (;;) {
        int ch = peek(c);
        if (ch == '"')
            break;
        if (ch == '\\') {
            /* quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ) */
            c->pos++;
            ch = peek(c);
            *escaped = 1;
        }
        /* unterminated, or a CTL (including NUL) */
        if (ch < 0 || (ch < 0x20 && ch != '\t') || ch == 0x7f)
            return UTSEC_ERR_PARSE;
        c->pos++;
        n++;
    }
    if (c->pos - start > UTSEC_DIGEST_MAX_VALUE)
        return UTSEC_ERR_TOO_LONG;
    p->value.ptr = c->s + start;
    p->value.len = c->pos - start;
    p->quoted = 1;
    *decoded = n;
    c->pos++; /* closing quote */
    return 0;
}

/* Whether the cursor is on `token BWS "="` (the start of an auth-param):
 * the length of the token, 0 if not. */
static size_t at_param(const cursor_t *c)
{
    size_t n = token_len(c), i;

    if (n == 0)
        return 0;
    i = c->pos + n;
    while (i < c->len && (c->s[i] == ' ' || c->s[i] == '\t'))
        i++;
    return i < c->len && c->s[i] == '=' ? n : 0;
}

/* auth-param = token BWS "=" BWS ( token / quoted-string ); the cursor is
 * where at_param() found the n octets of the token. */
static int parse_param(cursor_t *c, raw_params_t *rp, size_t n)
{
    utsec_digest_param_t p;
    size_t i, decoded = 0;
    unsigned char escaped = 0;

    memset(&p, 0, sizeof(p));
    p.name.ptr = c->s + c->pos;
    p.name.len = n;
    p.id = utsec_digest_pw_param_id(p.name.ptr, n);
    c->pos += n;
    skip_ows(c);
    c->pos++; /* "=" */
    skip_ows(c);
    if (peek(c) == '"') {
        int rc = parse_quoted(c, &p, &decoded, &escaped);
        if (rc != 0)
            return rc;
    } else {
        size_t v = token_len(c);
        if (v == 0)
            return UTSEC_ERR_PARSE;
        if (v > UTSEC_DIGEST_MAX_VALUE)
            return UTSEC_ERR_TOO_LONG;
        p.value.ptr = c->s + c->pos;
        p.value.len = v;
        decoded = v;
        c->pos += v;
    }
    /* RFC 7235 §2.1: each parameter name only once per challenge. */
    for (i = 0; i < rp->n; i++)
        if (utsec_ascii_ieq(rp->p[i].name.ptr, rp->p[i].name.len, p.name.ptr,
                            p.name.len))
            return UTSEC_ERR_PARSE;
    if (rp->n == UTSEC_DIGEST_MAX_PARAMS)
        return UTSEC_ERR_TOO_MANY;
    rp->p[rp->n] = p;
    rp->decoded_len[rp->n] = decoded;
    rp->escaped[rp->n] = escaped;
    rp->n++;
    return 0;
}

/* Skip OWS and empty list elements; returns whether a comma was crossed. */
static int skip_separators(cursor_t *c)
{
    int comma = 0;

    for (;;) {
        skip_ows(c);
        if (peek(c) != ',')
            return comma;
        c->pos++;
        comma = 1;
    }
}

/*
 * Parameters after a scheme (or at the start of Authentication-Info), up to
 * the end or to the start of the next challenge when `allow_next` is set.
 */
static int parse_param_list(cursor_t *c, raw_params_t *rp, int allow_next)
{
    skip_separators(c);
    while (!at_end(c)) {
        size_t n = at_param(c);
        int rc;
        if (n == 0)
            return allow_next ? 0 : UTSEC_ERR_PARSE;
        if ((rc = parse_param(c, rp, n)) != 0)
            return rc;
        skip_ows(c);
        if (at_end(c))
            break;
        if (!skip_separators(c))
            return UTSEC_ERR_PARSE; /* two parameters without a comma */
    }
    return 0;
}

/* token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
static size_t token68_len(const cursor_t *c)
{
    size_t i = c->pos;

    while (i < c->len) {
        unsigned char ch = (unsigned char)c->s[i];
        if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
            (ch >= 'A' && ch <= 'Z') || (ch != 0 && strchr("-._~+/", ch) != NULL))
            i++;
        else
            break;
    }
    if (i == c->pos)
        return 0;
    while (i < c->len && c->s[i] == '=')
        i++;
    return i - c->pos;
}

/* The input, then the scratch buffer. */
static int check_input(const char *in, size_t in_len, const char *scratch,
                       size_t scratch_size)
{
    if (in == NULL && in_len != 0)
        return UTSEC_ERR_INVALID_ARG;
    if (in_len > UTSEC_DIGEST_MAX_INPUT)
        return UTSEC_ERR_TOO_LONG;
    if (scratch == NULL && scratch_size != 0)
        return UTSEC_ERR_INVALID_ARG;
    return 0;
}

/* The auth-scheme token at the cursor, skipped: 1 when it is Digest, 0 for
 * another scheme, -1 (cursor unmoved) when there is no token. */
static int scheme(cursor_t *c)
{
    size_t n = token_len(c);
    int digest;

    if (n == 0)
        return -1;
    digest = utsec_ascii_ieq_lit(c->s + c->pos, n, "Digest");
    c->pos += n;
    return digest;
}

/*
 * One challenge starting at the cursor. *is_digest tells whether its scheme
 * is Digest; for other schemes the parameters are parsed (so that the list
 * structure is validated) but not interpreted.
 */
static int parse_challenge_raw(cursor_t *c, raw_params_t *rp, int *is_digest)
{
    int rc;

    rp->n = 0;
    if ((*is_digest = scheme(c)) < 0)
        return UTSEC_ERR_PARSE;
    if (at_end(c) || peek(c) == ',')
        return 0; /* scheme without parameters */
    if (peek(c) != ' ' && peek(c) != '\t')
        return UTSEC_ERR_PARSE;
    skip_ows(c);
    if (at_end(c) || peek(c) == ',')
        return 0;
    if (!at_param(c)) {
        /* token68 form (e.g. Basic/Bearer credentials in a challenge). */
        size_t t = token68_len(c);
        if (t == 0 || *is_digest)
            return UTSEC_ERR_PARSE;
        c->pos += t;
        skip_ows(c);
        if (!at_end(c) && peek(c) != ',')
            return UTSEC_ERR_PARSE;
        return 0;
    }
    rc = parse_param_list(c, rp, 1);
    return rc;
}

/* ---- value decoding ------------------------------------------------------ */

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch = lower(ch);
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;
}

int utsec_digest_is_attr_char(unsigned char ch)
{
    /* RFC 8187 §3.2.1 attr-char: a tchar other than "*", "'" and "%" */
    return ch != '*' && ch != '\'' && ch != '%' && utsec_digest_is_tchar(ch);
}

/* RFC 8187 ext-value = charset "'" [ language ] "'" value-chars, UTF-8 only.
 * Validates and returns the decoded length; decodes into out when non-NULL. */
static int ext_value(const utsec_digest_param_t *p, char *out, size_t *dec_len)
{
    const char *s = p->value.ptr;
    size_t n = p->value.len, i, q1, q2, o = 0;

    if (p->quoted)
        return UTSEC_ERR_PARSE;
    for (q1 = 0; q1 < n && s[q1] != '\''; q1++)
        ;
    if (q1 == n || !utsec_ascii_ieq_lit(s, q1, "UTF-8"))
        return UTSEC_ERR_PARSE;
    for (q2 = q1 + 1; q2 < n && s[q2] != '\''; q2++)
        ;
    if (q2 == n)
        return UTSEC_ERR_PARSE;
    for (i = q2 + 1; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '%') {
            int h, l;
            if (i + 2 >= n)
                return UTSEC_ERR_PARSE;
            h = hexval((unsigned char)s[i + 1]);
            l = hexval((unsigned char)s[i + 2]);
            if (h < 0 || l < 0 || (h == 0 && l == 0))
                return UTSEC_ERR_PARSE; /* no NUL in a user name */
            if (out != NULL)
                out[o] = (char)(h << 4 | l);
            o++;
            i += 2;
        } else if (utsec_digest_is_attr_char(ch)) {
            if (out != NULL)
                out[o] = (char)ch;
            o++;
        } else {
            return UTSEC_ERR_PARSE;
        }
    }
    if (o == 0)
        return UTSEC_ERR_PARSE;
    *dec_len = o;
    return 0;
}

static void unescape(const utsec_digest_param_t *p, char *out)
{
    size_t i, o = 0;

    for (i = 0; i < p->value.len; i++) {
        if (p->value.ptr[i] == '\\')
            i++;
        out[o++] = p->value.ptr[i];
    }
}

/* Scratch octets the parameters need once validated. */
static int scratch_need(raw_params_t *rp, size_t *need)
{
    size_t i, total = 0;
    int rc;

    for (i = 0; i < rp->n; i++) {
        if (rp->p[i].id == UTSEC_DIGEST_P_USERNAME_EXT) {
            size_t d;
            if ((rc = ext_value(&rp->p[i], NULL, &d)) != 0)
                return rc;
            rp->decoded_len[i] = d;
            rp->escaped[i] = 2;
            total += d;
        } else if (rp->escaped[i]) {
            total += rp->decoded_len[i];
        }
    }
    *need = total;
    return 0;
}

/* Move escaped / encoded values into the scratch buffer (already sized). */
static void decode_values(raw_params_t *rp, char *scratch, size_t *used)
{
    size_t i, d;

    for (i = 0; i < rp->n; i++) {
        if (!rp->escaped[i])
            continue;
        if (rp->escaped[i] == 2)
            (void)ext_value(&rp->p[i], scratch + *used, &d);
        else
            unescape(&rp->p[i], scratch + *used);
        rp->p[i].value.ptr = scratch + *used;
        rp->p[i].value.len = rp->decoded_len[i];
        *used += rp->decoded_len[i];
    }
}

/* ---- typed extraction ---------------------------------------------------- */

static int parse_bool(const utsec_digest_str_t *v, int *out)
{
    int w = utsec_digest_pw_word(v->ptr, v->len, "false\0true\0");

    if (w == 0)
        return UTSEC_ERR_PARSE;
    *out = w - 1;
    return 0;
}

/* nc = 8LHEX, never zero (RFC 7616 §3.4). */
static int parse_nc(const utsec_digest_str_t *v, uint32_t *out)
{
    uint32_t x = 0;
    size_t i;

    if (v->len != 8)
        return UTSEC_ERR_PARSE;
    for (i = 0; i < 8; i++) {
        int h = hexval((unsigned char)v->ptr[i]);
        if (h < 0)
            return UTSEC_ERR_PARSE;
        x = x << 4 | (uint32_t)h;
    }
    if (x == 0)
        return UTSEC_ERR_PARSE;
    *out = x;
    return 0;
}

int utsec_digest_is_token(const char *s, size_t n)
{
    return s != NULL && n != 0 && tchars(s, 0, n) == n;
}

typedef char qop_ids[UTSEC_DIGEST_QOP_AUTH == 1 && UTSEC_DIGEST_QOP_AUTH_INT == 2 ? 1 : -1];

static utsec_digest_qop_t qop_token(const char *s, size_t n)
{
    /* 1 = UTSEC_DIGEST_QOP_AUTH, 2 = UTSEC_DIGEST_QOP_AUTH_INT */
    int w = utsec_digest_pw_word(s, n, "auth\0auth-int\0");

    return w != 0 ? (utsec_digest_qop_t)w : UTSEC_DIGEST_QOP_UNKNOWN;
}

/* qop-options: a quoted list of tokens, `auth, auth-int` (RFC 7616 §3.3). */
static int parse_qop_list(const utsec_digest_str_t *v, unsigned *mask)
{
    cursor_t c;
    size_t items = 0, n;
    unsigned m = 0;

    c.s = v->ptr;
    c.len = v->len;
    c.pos = 0;
    for (;;) {
        skip_separators(&c);
        if (at_end(&c))
            break;
        n = token_len(&c);
        if (n == 0)
            return UTSEC_ERR_PARSE;
        items++;
        /* unknown options are ignored */
        m |= (unsigned)qop_token(c.s + c.pos, n) &
             (UTSEC_DIGEST_QOP_AUTH | UTSEC_DIGEST_QOP_AUTH_INT);
        c.pos += n;
        skip_ows(&c);
        if (!at_end(&c) && peek(&c) != ',')
            return UTSEC_ERR_PARSE;
    }
    if (items == 0)
        return UTSEC_ERR_PARSE;
    *mask = m;
    return 0;
}

#define BIT DIGEST_PW_BIT

/*
 * The typed view of validated parameters into out (a struct of m->size
 * octets, all zero first: alg MD5, qop NONE). Names other than username and
 * username* cannot repeat (parse_param() refuses that), so `seen` only
 * catches RFC 7616 §3.4's "not both"; absent values stay NULL views.
 */
static int fill(const raw_params_t *rp, void *out, const digest_pw_map_t *m)
{
    unsigned char *base = out;
    unsigned seen = 0, bit;
    size_t i;
    int rc = 0;

    memset(out, 0, m->size);
    for (i = 0; i < rp->n && rc == 0; i++) {
        const utsec_digest_param_t *p = &rp->p[i];
        const utsec_digest_str_t *v = &p->value;
        void *f = base + m->f[p->id].off;
        utsec_digest_str_t *view = f;

        if (m->f[p->id].kind == F_NONE)
            continue;
        bit = BIT(m->f[p->id].kind == F_USER ? UTSEC_DIGEST_P_USERNAME : p->id);
        if (seen & bit)
            return UTSEC_ERR_PARSE;
        seen |= bit;
        if (m->f[p->id].kind < F_QOPS) /* the kinds kept as a view */
            *view = *v;
        switch (m->f[p->id].kind) {
        case F_ALG:
        case F_ALG_OPT:
        case F_QOP: /* a token, known or not */
            if (!utsec_digest_is_token(v->ptr, v->len))
                return UTSEC_ERR_PARSE;
            if (m->f[p->id].kind == F_QOP)
                *(utsec_digest_qop_t *)f = qop_token(v->ptr, v->len);
            else
                *(utsec_digest_alg_t *)(void *)(view + 1) =
                    utsec_digest_alg_from_name(v->ptr, v->len);
            break;
        case F_USER:
            *(int *)(void *)(view + 1) = p->id == UTSEC_DIGEST_P_USERNAME_EXT;
            break;
        case F_QOPS:
            rc = parse_qop_list(v, f);
            break;
        case F_BOOL:
            rc = parse_bool(v, f);
            break;
        case F_NC:
            rc = parse_nc(v, f);
            break;
        default: /* F_STR, F_TOK, F_HEX: the view only */
            break;
        }
    }
    if (rc != 0)
        return rc;
    if ((seen & m->need) != m->need ||
        ((seen & BIT(UTSEC_DIGEST_P_QOP)) &&
         (seen & m->need_if_qop) != m->need_if_qop))
        return UTSEC_ERR_PARSE;
    *(size_t *)(void *)(base + m->n_params_off) = rp->n;
    memcpy(base + m->params_off, rp->p, rp->n * sizeof(rp->p[0]));
    return 0;
}

/* ---- public parsers ------------------------------------------------------ */

/*
 * The values of one validated parameter list decoded into scratch after the
 * *used octets already taken, then the typed view into out (the struct of
 * table which, DIGEST_PW_*).
 * UTSEC_ERR_BUFFER_TOO_SMALL (nothing decoded) when they do not fit.
 */
static int typed(raw_params_t *rp, char *scratch, size_t scratch_size,
                 size_t *used, void *out, int which)
{
    size_t need;
    int rc;

    if ((rc = scratch_need(rp, &need)) != 0)
        return rc;
    if (need > scratch_size - *used)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    decode_values(rp, scratch, used);
    return fill(rp, out, utsec_digest_pw_map(which));
}


/*
 * Every Digest challenge of in, in order, to fn. cumulative: the decoded
 * values of all challenges share scratch and running out is an error;
 * otherwise each challenge reuses scratch and one needing more is skipped.
 */
static int walk_challenges(const char *in, size_t in_len, char *scratch,
                           size_t scratch_size, int cumulative,
                           utsec_digest_challenge_fn fn, void *ctx)
{
    cursor_t c;
    raw_params_t rp;
    utsec_digest_challenge_t tmp;
    size_t used = 0;
    int rc, is_digest;

    c.s = in;
    c.len = in_len;
    c.pos = 0;
    skip_separators(&c);
    while (!at_end(&c)) {
        if ((rc = parse_challenge_raw(&c, &rp, &is_digest)) != 0)
            return rc;
        if (is_digest) {
            if (!cumulative)
                used = 0;
            rc = typed(&rp, scratch, scratch_size, &used, &tmp,
                       DIGEST_PW_CHALLENGE);
            if (rc == UTSEC_ERR_BUFFER_TOO_SMALL && !cumulative)
                rc = 0; /* skipped */
            else if (rc == 0)
                rc = fn(ctx, &tmp);
            if (rc != 0)
                return rc;
        }
        skip_separators(&c);
    }
    return 0;
}

typedef struct collect {
    utsec_digest_challenge_t *out; /* NULL while validating */
    size_t max, count;
} collect_t;

static int collect(void *ctx, const utsec_digest_challenge_t *c)
{
    collect_t *k = ctx;

    if (k->count == k->max)
        return UTSEC_ERR_TOO_MANY;
    if (k->out != NULL)
        k->out[k->count] = *c;
    k->count++;
    return 0;
}

int utsec_digest_parse_challenges(const char *in, size_t in_len,
                                  utsec_digest_challenge_t *out,
                                  size_t max_out, size_t *n_out, char *scratch,
                                  size_t scratch_size)
{
    collect_t k;
    int rc;

    if ((rc = check_input(in, in_len, scratch, scratch_size)) != 0)
        return rc;
    if (n_out == NULL || (out == NULL && max_out != 0))
        return UTSEC_ERR_INVALID_ARG;
    /* The first walk validates everything; the second (the same walk, so
     * it cannot fail) writes. */
    k.out = NULL;
    k.max = max_out;
    for (;;) {
        k.count = 0;
        if ((rc = walk_challenges(in, in_len, scratch, scratch_size, 1,
                                  collect, &k)) != 0)
            return rc;
        if (k.out != NULL || out == NULL)
            break;
        k.out = out;
    }
    *n_out = k.count;
    return 0;
}

int utsec_digest_each_challenge(const char *in, size_t in_len, char *scratch,
                                size_t scratch_size, utsec_digest_challenge_fn fn,
                                void *ctx)
{
    int rc;

    if ((rc = check_input(in, in_len, scratch, scratch_size)) != 0)
        return rc;
    if (fn == NULL)
        return UTSEC_ERR_INVALID_ARG;
    return walk_challenges(in, in_len, scratch, scratch_size, 0, fn, ctx);
}

/* Authorization (with_scheme) or Authentication-Info into out, whole or
 * not at all. */
static int parse_single(const char *in, size_t in_len, int with_scheme,
                        void *out, int which, char *scratch,
                        size_t scratch_size)
{
    /* storage for either result, written through its field table */
    union {
        /* cppcheck-suppress unusedStructMember */
        utsec_digest_authorization_t a;
        /* cppcheck-suppress unusedStructMember */
        utsec_digest_auth_info_t ai;
    } tmp;
    raw_params_t rp;
    cursor_t c;
    size_t used = 0;
    int rc;

    /* here the scratch buffer is checked before the input */
    if (out == NULL || (scratch == NULL && scratch_size != 0))
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = check_input(in, in_len, scratch, scratch_size)) != 0)
        return rc;
    c.s = in;
    c.len = in_len;
    c.pos = 0;
    rp.n = 0;
    skip_ows(&c);
    if (with_scheme &&
        (scheme(&c) != 1 || (peek(&c) != ' ' && peek(&c) != '\t')))
        return UTSEC_ERR_PARSE;
    if ((rc = parse_param_list(&c, &rp, 0)) != 0)
        return rc;
    if ((rc = typed(&rp, scratch, scratch_size, &used, &tmp, which)) != 0)
        return rc;
    memcpy(out, &tmp, utsec_digest_pw_map(which)->size);
    return 0;
}

int utsec_digest_parse_authorization(const char *in, size_t in_len,
                                     utsec_digest_authorization_t *out,
                                     char *scratch, size_t scratch_size)
{
    return parse_single(in, in_len, 1, out, DIGEST_PW_AUTHORIZATION, scratch,
                        scratch_size);
}

int utsec_digest_parse_auth_info(const char *in, size_t in_len,
                                 utsec_digest_auth_info_t *out, char *scratch,
                                 size_t scratch_size)
{
    return parse_single(in, in_len, 0, out, DIGEST_PW_AUTH_INFO, scratch,
                        scratch_size);
}
