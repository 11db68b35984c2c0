/*
 * BootstrappingInfo (TS 24.109 Annex C): the XML body of the BSF's 200 OK
 * on Ub. A small, bounded, namespace-aware reader: enough XML 1.0 for this
 * document and nothing that could fetch or expand anything (no DTD).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ascii.h"
#include "crypto.h"
#include "utsec/bootstrap.h"
#include "utsec/gba.h"

#include <string.h>

#define MAX_NS 32       /* namespace declarations in scope */
#define TEXT_MAX 512    /* longest captured text (decoded) */

struct view {
    const char *p;
    size_t n;
};

struct ns_binding {
    struct view prefix; /* empty view: the default namespace */
    struct view uri;
    int depth;
};

struct reader {
    const char *p, *end;
    int depth;
    struct view open[UTSEC_BOOT_INFO_MAX_DEPTH]; /* qualified names */
    struct ns_binding ns[MAX_NS];
    int n_ns;
};

static int view_eq(struct view v, const char *s)
{
    size_t n = strlen(s);

    return v.n == n && memcmp(v.p, s, n) == 0;
}

static int left(const struct reader *r, size_t n)
{
    return (size_t)(r->end - r->p) >= n;
}

static int starts(const struct reader *r, const char *s)
{
    size_t n = strlen(s);

    return left(r, n) && memcmp(r->p, s, n) == 0;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Skips white space; nonzero if there was some. */
static int skip_ws(struct reader *r)
{
    const char *s = r->p;

    while (r->p < r->end && is_ws(*r->p))
        r->p++;
    return r->p != s;
}

static int is_name_start(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c >= 0x80;
}

static int is_name_char(unsigned char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* Name with at most one ':' separating prefix and local part. */
static int read_name(struct reader *r, struct view *name)
{
    const char *s = r->p;
    int colons = 0;

    if (r->p >= r->end || !is_name_start((unsigned char)*r->p))
        return UTSEC_ERR_PARSE;
    while (r->p < r->end &&
           (is_name_char((unsigned char)*r->p) || *r->p == ':')) {
        if (*r->p == ':') {
            if (++colons > 1 || r->p + 1 >= r->end ||
                !is_name_start((unsigned char)r->p[1]))
                return UTSEC_ERR_PARSE;
        }
        r->p++;
    }
    name->p = s;
    name->n = (size_t)(r->p - s);
    return 0;
}

static void split_qname(struct view q, struct view *prefix, struct view *local)
{
    const char *c = memchr(q.p, ':', q.n);

    if (c == NULL) {
        prefix->p = q.p;
        prefix->n = 0;
        *local = q;
    } else {
        prefix->p = q.p;
        prefix->n = (size_t)(c - q.p);
        local->p = c + 1;
        local->n = q.n - prefix->n - 1;
    }
}

/* Namespace URI bound to a prefix (empty prefix: default namespace). */
static int resolve(const struct reader *r, struct view prefix, struct view *uri)
{
    int i;

    for (i = r->n_ns - 1; i >= 0; i--) {
        if (r->ns[i].prefix.n == prefix.n &&
            memcmp(r->ns[i].prefix.p, prefix.p, prefix.n) == 0) {
            *uri = r->ns[i].uri;
            return 0;
        }
    }
    if (prefix.n != 0)
        return UTSEC_ERR_PARSE; /* undeclared prefix */
    uri->p = "";
    uri->n = 0;
    return 0;
}

/* Decode character data (entity and character references) and append to
 * out; with out == NULL only validate. With ws_only, anything but white
 * space is an error. Rejects characters XML 1.0 forbids and unknown
 * entities. */
static int decode_text(const char *s, size_t n, char *out, size_t cap,
                       size_t *olen, int ws_only)
{
    /* The five predefined entities (XML 1.0 §4.6) and what they stand for. */
    static const char names[5][5] = {"lt", "gt", "amp", "quot", "apos"};
    static const char chars[5] = {'<', '>', '&', '"', '\''};
    size_t i = 0, k, ul;

    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        if ((c < 0x20 && !is_ws((char)c)) || c == '<')
            return UTSEC_ERR_PARSE;
        ul = 1; /* a byte as it is, or the UTF-8 length of a reference */
        if (c != '&') {
            i++;
        } else {
            const char *semi = memchr(s + i, ';', n - i);
            struct view ent;
            if (semi == NULL || semi - (s + i) > 12)
                return UTSEC_ERR_PARSE;
            ent.p = s + i + 1;
            ent.n = (size_t)(semi - ent.p);
            i = (size_t)(semi - s) + 1;
            for (k = 0; k < 5; k++)
                if (ent.n == strlen(names[k]) &&
                    memcmp(ent.p, names[k], ent.n) == 0)
                    break;
            if (k < 5) {
                cp = (unsigned char)chars[k];
            } else if (ent.n >= 2 && ent.p[0] == '#') {
                int hex = ent.p[1] == 'x';
                k = hex ? 2 : 1;
                cp = 0;
                if (k >= ent.n)
                    return UTSEC_ERR_PARSE;
                for (; k < ent.n; k++) {
                    unsigned d = (unsigned char)ent.p[k], lc = d | 0x20;
                    if (d - '0' < 10)
                        d -= '0';
                    else if (hex && lc - 'a' < 6)
                        d = lc - 'a' + 10;
                    else
                        return UTSEC_ERR_PARSE;
                    cp = cp * (hex ? 16u : 10u) + d;
                    if (cp > 0x10FFFF)
                        return UTSEC_ERR_PARSE;
                }
                if ((cp < 0x20 && !is_ws((char)cp)) ||
                    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE ||
                    cp == 0xFFFF)
                    return UTSEC_ERR_PARSE;
                ul = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            } else {
                return UTSEC_ERR_PARSE; /* no DTD: no other entities */
            }
        }
        if (ws_only && (cp > ' ' || !is_ws((char)cp)))
            return UTSEC_ERR_PARSE;
        if (out == NULL)
            continue;
        if (ul > cap - *olen)
            return UTSEC_ERR_TOO_LONG;
        /* UTF-8: continuation bytes from the end, then the lead byte. */
        for (k = ul - 1; k > 0; k--) {
            out[*olen + k] = (char)(0x80 | (cp & 0x3F));
            cp >>= 6;
        }
        out[*olen] = (char)(cp | (ul > 1 ? (0xFF00u >> ul) & 0xFF : 0u));
        *olen += ul;
    }
    return 0;
}

/* Attributes up to '>' or '/>'. Records namespace declarations at depth. */
static int read_attrs(struct reader *r, int depth, int *empty, int is_decl,
                      struct view *version, struct view *encoding)
{
    for (;;) {
        struct view name, val;
        char q;
        int had_ws = skip_ws(r);
        if (r->p >= r->end)
            return UTSEC_ERR_PARSE;
        if (is_decl) {
            if (starts(r, "?>")) {
                r->p += 2;
                return 0;
            }
        } else if (*r->p == '>') {
            r->p++;
            *empty = 0;
            return 0;
        } else if (starts(r, "/>")) {
            r->p += 2;
            *empty = 1;
            return 0;
        }
        if (!had_ws || read_name(r, &name) != 0)
            return UTSEC_ERR_PARSE;
        skip_ws(r);
        if (r->p >= r->end || *r->p != '=')
            return UTSEC_ERR_PARSE;
        r->p++;
        skip_ws(r);
        if (r->p >= r->end || (*r->p != '"' && *r->p != '\''))
            return UTSEC_ERR_PARSE;
        q = *r->p++;
        val.p = r->p;
        while (r->p < r->end && *r->p != q) {
            if (*r->p == '<' || (unsigned char)*r->p < 0x09)
                return UTSEC_ERR_PARSE;
            r->p++;
        }
        if (r->p >= r->end)
            return UTSEC_ERR_PARSE;
        val.n = (size_t)(r->p - val.p);
        r->p++;
        if (is_decl) {
            if (view_eq(name, "version"))
                *version = val;
            else if (view_eq(name, "encoding"))
                *encoding = val;
            else if (!view_eq(name, "standalone"))
                return UTSEC_ERR_PARSE;
            continue;
        }
        /* "xmlns" or "xmlns:" prefix (read_name: a name follows ':'). */
        if (name.n >= 5 && memcmp(name.p, "xmlns", 5) == 0 &&
            (name.n == 5 || name.p[5] == ':')) {
            size_t skip = name.n > 5 ? 6 : 5;
            struct ns_binding *b;
            if (r->n_ns == MAX_NS)
                return UTSEC_ERR_TOO_MANY;
            b = &r->ns[r->n_ns++];
            b->prefix.p = name.p + skip;
            b->prefix.n = name.n - skip;
            b->uri = val;
            b->depth = depth;
        }
        /* Other attributes are ignored (Annex C: receivers ignore them). */
    }
}

/* One comment (XML 1.0 §2.5), r->p at "<!--"; "--" must not occur inside. */
static int skip_comment(struct reader *r)
{
    const char *s = r->p + 4; /* after "<!--" */

    for (;;) {
        if ((size_t)(r->end - s) < 3)
            return UTSEC_ERR_PARSE;
        if (s[0] == '-' && s[1] == '-') {
            if (s[2] != '>')
                return UTSEC_ERR_PARSE; /* "--" inside a comment */
            r->p = s + 3;
            return 0;
        }
        s++;
    }
}

/* Outside the root element (XML 1.0 §2.1 Misc): white space and comments,
 * after the declaration; rejects DTDs and PIs. */
static int skip_misc(struct reader *r)
{
    int rc;

    for (;;) {
        skip_ws(r);
        if (starts(r, "<!--")) {
            if ((rc = skip_comment(r)) != 0)
                return rc;
        } else if (starts(r, "<!DOCTYPE") || starts(r, "<!ENTITY")) {
            return UTSEC_ERR_UNSUPPORTED;
        } else if (starts(r, "<?")) {
            return UTSEC_ERR_PARSE;
        } else {
            return 0;
        }
    }
}

enum slot { SLOT_NONE, SLOT_BTID, SLOT_LIFETIME, SLOT_CURTIME };

struct doc {
    char text[TEXT_MAX];
    size_t text_len;
    enum slot capturing;
    int capture_depth;
    int seen_btid, seen_lifetime, seen_ext, seen_curtime;
    int in_ext; /* inside the Extension element */
    utsec_boot_info_t v;
};

static int start_element(struct doc *d, struct reader *r, struct view qname)
{
    struct view prefix, local, uri;
    int in_ns, rc;

    split_qname(qname, &prefix, &local);
    if ((rc = resolve(r, prefix, &uri)) != 0)
        return rc;
    in_ns = view_eq(uri, UTSEC_BOOT_INFO_NS);
    if (d->capturing != SLOT_NONE)
        return UTSEC_ERR_PARSE; /* an element inside btid/lifetime */
    if (r->depth == 1) {
        if (!in_ns || !view_eq(local, "BootstrappingInfo"))
            return UTSEC_ERR_PARSE;
        return 0;
    }
    if (!in_ns)
        return 0; /* unknown element: ignored */
    if (r->depth == 2) {
        if (view_eq(local, "btid")) {
            if (d->seen_btid)
                return UTSEC_ERR_PARSE;
            d->seen_btid = 1;
            d->capturing = SLOT_BTID;
        } else if (view_eq(local, "lifetime")) {
            if (!d->seen_btid || d->seen_lifetime)
                return UTSEC_ERR_PARSE;
            d->seen_lifetime = 1;
            d->capturing = SLOT_LIFETIME;
        } else if (view_eq(local, "Extension")) {
            if (!d->seen_lifetime || d->seen_ext)
                return UTSEC_ERR_PARSE;
            d->seen_ext = 1;
            d->in_ext = 1;
        }
    } else if (r->depth == 3 && d->in_ext && !d->seen_curtime &&
               view_eq(local, "currenttime")) {
        d->seen_curtime = 1;
        d->capturing = SLOT_CURTIME;
    }
    if (d->capturing != SLOT_NONE) {
        d->capture_depth = r->depth;
        d->text_len = 0;
    }
    return 0;
}

/* A B-TID as Annex C carries it: 1 to UTSEC_BOOT_BTID_MAX visible ASCII
 * characters (the form of TS 33.220 §4.5.2, checked by the UE against its
 * run separately). */
static int btid_ok(const char *s, size_t n)
{
    size_t i;

    if (n == 0 || n > UTSEC_BOOT_BTID_MAX)
        return 0;
    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7F)
            return 0;
    return 1;
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && is_ws(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && is_ws((*s)[*n - 1]))
        (*n)--;
}

static int utc_time(const char *s, size_t n, int64_t *t)
{
    trim(&s, &n);
    if (n == 0 || s[n - 1] != 'Z')
        return UTSEC_ERR_BAD_TIME; /* Annex C: UTC with "Z" */
    return utsec_gba_time_parse(s, n, t);
}

static int end_capture(struct doc *d)
{
    const char *s = d->text;
    size_t n = d->text_len;
    int rc = 0;

    switch (d->capturing) {
    case SLOT_BTID:
        if (!btid_ok(s, n))
            return UTSEC_ERR_PARSE;
        memcpy(d->v.btid, s, n);
        d->v.btid[n] = '\0';
        d->v.btid_len = n;
        break;
    case SLOT_LIFETIME:
        rc = utc_time(s, n, &d->v.lifetime);
        break;
    case SLOT_CURTIME:
        rc = utc_time(s, n, &d->v.current_time);
        d->v.has_current_time = rc == 0;
        break;
    case SLOT_NONE:
        break;
    }
    d->capturing = SLOT_NONE;
    return rc;
}

static int text(struct doc *d, struct reader *r, const char *s, size_t n,
                int cdata)
{
    if (r->depth == 0)
        return UTSEC_ERR_PARSE; /* character data before the root element */
    if (d->capturing == SLOT_NONE) {
        /* Validated, not kept; the root's own content is white space only
         * (its type has element-only content). */
        if (cdata)
            return r->depth == 1 ? UTSEC_ERR_PARSE : 0;
        return decode_text(s, n, NULL, 0, NULL, r->depth == 1);
    }
    if (cdata) {
        if (d->text_len + n > sizeof(d->text))
            return UTSEC_ERR_TOO_LONG;
        memcpy(d->text + d->text_len, s, n);
        d->text_len += n;
        return 0;
    }
    return decode_text(s, n, d->text, sizeof(d->text), &d->text_len, 0);
}

static int parse(struct reader *r, struct doc *d)
{
    int rc, empty;

    if (left(r, 3) && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0)
        r->p += 3;
    if (left(r, 6) && memcmp(r->p, "<?xml", 5) == 0 && is_ws(r->p[5])) {
        struct view version = {NULL, 0}, encoding = {NULL, 0};
        r->p += 5;
        if ((rc = read_attrs(r, 0, &empty, 1, &version, &encoding)) != 0)
            return rc;
        if (!view_eq(version, "1.0"))
            return UTSEC_ERR_PARSE;
        if (encoding.p != NULL && !utsec_ascii_ieq_lit(encoding.p, encoding.n, "UTF-8"))
            return UTSEC_ERR_UNSUPPORTED;
    }
    if ((rc = skip_misc(r)) != 0)
        return rc;
    if (r->p >= r->end || *r->p != '<')
        return UTSEC_ERR_PARSE;

    for (;;) {
        if (r->p >= r->end)
            return UTSEC_ERR_PARSE; /* unclosed elements */
        if (*r->p != '<') {
            const char *s = r->p;
            while (r->p < r->end && *r->p != '<')
                r->p++;
            if ((rc = text(d, r, s, (size_t)(r->p - s), 0)) != 0)
                return rc;
            continue;
        }
        if (starts(r, "<!--")) {
            /* Inside an element the white space after a comment is
             * character data; before the root it is Misc. */
            rc = r->depth == 0 ? skip_misc(r) : skip_comment(r);
            if (rc != 0)
                return rc;
            continue;
        }
        if (starts(r, "<![CDATA[")) {
            const char *s = r->p + 9, *e = s;
            while ((size_t)(r->end - e) >= 3 && memcmp(e, "]]>", 3) != 0)
                e++;
            if ((size_t)(r->end - e) < 3)
                return UTSEC_ERR_PARSE;
            if ((rc = text(d, r, s, (size_t)(e - s), 1)) != 0)
                return rc;
            r->p = e + 3;
            continue;
        }
        /* Here *r->p == '<'. */
        if (left(r, 2) && (r->p[1] == '!' || r->p[1] == '?'))
            return starts(r, "<!DOCTYPE") ? UTSEC_ERR_UNSUPPORTED : UTSEC_ERR_PARSE;
        if (left(r, 2) && r->p[1] == '/') {
            struct view name;
            r->p += 2;
            if ((rc = read_name(r, &name)) != 0)
                return rc;
            skip_ws(r);
            if (r->p >= r->end || *r->p != '>' || r->depth == 0 ||
                name.n != r->open[r->depth - 1].n ||
                memcmp(name.p, r->open[r->depth - 1].p, name.n) != 0)
                return UTSEC_ERR_PARSE;
            r->p++;
        close_element:
            if (d->capturing != SLOT_NONE && d->capture_depth == r->depth &&
                (rc = end_capture(d)) != 0)
                return rc;
            if (r->depth == 2)
                d->in_ext = 0;
            while (r->n_ns > 0 && r->ns[r->n_ns - 1].depth >= r->depth)
                r->n_ns--;
            r->depth--;
            if (r->depth == 0)
                break;
            continue;
        }
        {
            struct view name;
            r->p++;
            if (r->depth == UTSEC_BOOT_INFO_MAX_DEPTH)
                return UTSEC_ERR_TOO_MANY;
            if ((rc = read_name(r, &name)) != 0)
                return rc;
            r->depth++;
            r->open[r->depth - 1] = name;
            if ((rc = read_attrs(r, r->depth, &empty, 0, NULL, NULL)) != 0)
                return rc;
            if ((rc = start_element(d, r, name)) != 0)
                return rc;
            if (empty)
                goto close_element;
        }
    }
    if ((rc = skip_misc(r)) != 0)
        return rc;
    if (r->p != r->end)
        return UTSEC_ERR_PARSE; /* content after the root element */
    if (!d->seen_btid || !d->seen_lifetime)
        return UTSEC_ERR_PARSE;
    return 0;
}

UTSEC_API int utsec_boot_info_parse(const char *xml, size_t len,
                                    utsec_boot_info_t *out)
{
    struct reader r;
    struct doc d;
    int rc;

    if (xml == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (len > UTSEC_BOOT_INFO_MAX_DOC)
        return UTSEC_ERR_TOO_LONG;
    memset(&r, 0, sizeof(r));
    memset(&d, 0, sizeof(d));
    r.p = xml;
    r.end = xml + len;
    rc = parse(&r, &d);
    if (rc == 0)
        *out = d.v;
    return rc;
}

static int put(char *out, size_t cap, size_t *o, const char *s, size_t n)
{
    if (*o + n >= cap)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(out + *o, s, n);
    *o += n;
    return 0;
}

static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<BootstrappingInfo xmlns=\"" UTSEC_BOOT_INFO_NS "\">\n<btid>";

UTSEC_API int utsec_boot_info_format(const char *btid, size_t btid_len,
                                     int64_t lifetime,
                                     const int64_t *current_time, char *out,
                                     size_t out_size, size_t *out_len)
{
    char t[UTSEC_GBA_TIME_SIZE], ct[UTSEC_GBA_TIME_SIZE];
    /* The document after the B-TID; pieces 3 to 5 (the Extension) only
     * with a current time. */
    const char *tail[7] = {"</btid>\n<lifetime>", t, "</lifetime>\n",
                           "<Extension><currenttime>", ct,
                           "</currenttime></Extension>\n",
                           "</BootstrappingInfo>"};
    size_t o = 0, i;
    int rc;

    if (btid == NULL || out == NULL || !btid_ok(btid, btid_len))
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = utsec_gba_time_format(lifetime, t, sizeof(t), NULL)) != 0)
        return rc;
    if (current_time != NULL &&
        (rc = utsec_gba_time_format(*current_time, ct, sizeof(ct), NULL)) != 0)
        return rc;
    rc = put(out, out_size, &o, head, sizeof(head) - 1);
    for (i = 0; rc == 0 && i < btid_len; i++) {
        const char *esc = btid[i] == '&'   ? "&amp;"
                          : btid[i] == '<' ? "&lt;"
                          : btid[i] == '>' ? "&gt;"
                                           : NULL;
        rc = esc != NULL ? put(out, out_size, &o, esc, strlen(esc))
                         : put(out, out_size, &o, &btid[i], 1);
    }
    for (i = 0; rc == 0 && i < 7; i++)
        if (current_time != NULL || i < 3 || i == 6)
            rc = put(out, out_size, &o, tail[i], strlen(tail[i]));
    if (rc != 0)
        return rc;
    out[o] = '\0';
    if (out_len != NULL)
        *out_len = o;
    return 0;
}
