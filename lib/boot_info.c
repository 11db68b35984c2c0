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

/* The text being kept: the content of btid, lifetime or currenttime. */
enum slot { SLOT_NONE, SLOT_BTID, SLOT_LIFETIME, SLOT_CURTIME };

/* Where the document is in the order of Annex C: btid, lifetime, then an
 * optional Extension (which holds currenttime). */
enum stage { BEFORE_BTID, AFTER_BTID, AFTER_LIFETIME, IN_EXT, AFTER_EXT };

/* The scalars first: they are used most. */
struct reader {
    const char *p, *end;
    int depth;
    int root_done; /* the root element has been closed */
    int n_ns;
    enum stage stage;
    enum slot capturing;
    size_t text_len;
    struct view open[UTSEC_BOOT_INFO_MAX_DEPTH]; /* qualified names */
    struct ns_binding ns[MAX_NS];
    char text[TEXT_MAX];
    utsec_boot_info_t v;
};

static int same(struct view a, struct view b)
{
    return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

static int view_eq(struct view v, const char *s)
{
    struct view t = {s, strlen(s)};

    return same(v, t);
}

static int starts(const struct reader *r, const char *s)
{
    size_t n = strlen(s);

    return (size_t)(r->end - r->p) >= n && memcmp(r->p, s, n) == 0;
}

/* The next character, or -1 at the end. */
static int peek(const struct reader *r)
{
    return r->p < r->end ? (unsigned char)*r->p : -1;
}

/* XML white space: space, tab, LF, CR. */
static int is_ws(uint32_t c)
{
    return c <= ' ' && ((UINT64_C(1) << c) & UINT64_C(0x100002600)) != 0;
}

/* Skips white space; nonzero if there was some. */
static int skip_ws(struct reader *r)
{
    const char *s = r->p;

    while (is_ws((uint32_t)peek(r)))
        r->p++;
    return r->p != s;
}

/* White space, then c: nonzero (and past c) if it is there. */
static int expect(struct reader *r, int c)
{
    skip_ws(r);
    if (peek(r) != c)
        return 0;
    r->p++;
    return 1;
}

static int is_name_start(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c >= 0x80;
}

static int is_name_char(int c)
{
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* Name with at most one ':' separating prefix and local part. */
static int read_name(struct reader *r, struct view *name)
{
    const char *s = r->p;
    int colons = 0;

    for (;;) { /* a part, then ':' and the local part */
        if (!is_name_start(peek(r)))
            return UTSEC_ERR_PARSE;
        while (is_name_char(peek(r)))
            r->p++;
        if (peek(r) != ':')
            break;
        if (colons++ > 0)
            return UTSEC_ERR_PARSE;
        r->p++;
    }
    name->p = s;
    name->n = (size_t)(r->p - s);
    return 0;
}

/* Splits a qualified name at its ':' into the prefix (returned; empty
 * without a ':') and the local part. */
static struct view split(struct view q, struct view *local)
{
    const char *c = memchr(q.p, ':', q.n);
    struct view prefix = {q.p, 0};

    *local = q;
    if (c != NULL) {
        prefix.n = (size_t)(c - q.p);
        local->p = c + 1;
        local->n = q.n - prefix.n - 1;
    }
    return prefix;
}

/* A reference (XML 1.0 §4.1) at s[0, n), s[0] == '&': the five predefined
 * entities (§4.6) and character references. Sets the code point and the
 * length of the reference; 0 if it is none of these (no DTD: no other
 * entities). */
static uint32_t reference(const char *s, size_t n, size_t *len)
{
    /* Each predefined entity: the character, then its name and ';'. */
    static const char predef[] = "<lt;>gt;&amp;\"quot;'apos;";
    const char *semi = memchr(s, ';', n), *p;
    uint32_t cp = 0, base = 10;

    if (semi == NULL || semi - s > 12)
        return 0;
    *len = (size_t)(semi - s) + 1;
    for (p = predef; *p != '\0'; p = strchr(p, ';') + 1)
        if (strncmp(s + 1, p + 1, *len - 1) == 0)
            return (unsigned char)*p;
    if (s[1] != '#')
        return 0;
    s += 2;
    if (*s == 'x') {
        base = 16;
        s++;
    }
    if (s == semi)
        return 0; /* no digits */
    for (; s < semi; s++) {
        unsigned d = (unsigned char)*s, lc = d | 0x20;
        if (d - '0' < 10)
            d -= '0';
        else if (base == 16 && lc - 'a' < 6)
            d = lc - 'a' + 10;
        else
            return 0;
        cp = cp * base + d;
        if (cp > 0x10FFFF)
            return 0;
    }
    return cp;
}

/* Character data s[0, n) of the element at r->depth: decoded (references
 * replaced, as UTF-8) and appended to the text while capturing, else only
 * validated; CDATA sections as they are. Rejects characters XML 1.0
 * forbids (§2.2) and unknown entities; the root's own content is white
 * space only (its type has element-only content). */
static int text(struct reader *r, const char *s, size_t n, int cdata)
{
    size_t i = 0, ul, k;

    if (cdata && r->depth <= 1)
        return UTSEC_ERR_PARSE; /* CDATA in the root or outside it */
    while (i < n) {
        uint32_t cp = (unsigned char)s[i];
        size_t step = 1;
        ul = 1; /* a byte as it is, or the UTF-8 length of a reference */
        if (!cdata) {
            if (cp == '&') {
                cp = reference(s + i, n - i, &step);
                ul = 1u + (cp >= 0x80) + (cp >= 0x800) + (cp >= 0x10000);
            }
            /* Char (§2.2); cp == 0: no valid reference. */
            if ((cp < 0x20 && !is_ws(cp)) || cp - 0xD800 < 0x800 ||
                (cp | 1) == 0xFFFF)
                return UTSEC_ERR_PARSE;
            if (r->depth == 1 && !is_ws(cp))
                return UTSEC_ERR_PARSE;
        }
        i += step;
        if (r->capturing == SLOT_NONE)
            continue;
        if (ul > sizeof(r->text) - r->text_len)
            return UTSEC_ERR_TOO_LONG;
        /* UTF-8: continuation bytes from the end, then the lead byte (its
         * marker for 1 to 4 bytes: none, C0, E0, F0). */
        for (k = ul - 1; k > 0; k--) {
            r->text[r->text_len + k] = (char)(0x80 | (cp & 0x3F));
            cp >>= 6;
        }
        r->text[r->text_len] =
            (char)(cp | (0xF0E0C000u >> (8 * ul - 8) & 0xFF));
        r->text_len += ul;
    }
    return 0;
}

/* Attributes up to the end of the tag: "?>" of the XML declaration when
 * decl is not NULL (it receives version, encoding and standalone), else
 * '>' or "/>". Records namespace declarations at r->depth. Returns 1 after
 * "/>" or "?>", 0 after '>', or an error. */
static int read_attrs(struct reader *r, struct view *decl)
{
    /* The attributes of the declaration, each ended by a NUL. */
    static const char decl_names[] = "version\0encoding\0standalone";

    for (;;) {
        struct view name, val;
        size_t k;
        int q, c, had_ws = skip_ws(r);
        if (peek(r) < 0)
            return UTSEC_ERR_PARSE;
        if (decl != NULL ? starts(r, "?>") : starts(r, "/>")) {
            r->p += 2;
            return 1;
        }
        if (decl == NULL && peek(r) == '>') {
            r->p++;
            return 0;
        }
        if (!had_ws || read_name(r, &name) != 0)
            return UTSEC_ERR_PARSE;
        if (!expect(r, '='))
            return UTSEC_ERR_PARSE;
        skip_ws(r);
        q = peek(r);
        if (q != '"' && q != '\'')
            return UTSEC_ERR_PARSE;
        val.p = ++r->p;
        while ((c = peek(r)) != q) {
            if (c < 0x09 || c == '<') /* also the end (-1) */
                return UTSEC_ERR_PARSE;
            r->p++;
        }
        val.n = (size_t)(r->p - val.p);
        r->p++;
        if (decl != NULL) {
            const char *d = decl_names;
            for (k = 0; k < 3 && !view_eq(name, d); k++)
                d += strlen(d) + 1;
            if (k == 3)
                return UTSEC_ERR_PARSE;
            decl[k] = val;
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
            b->depth = r->depth;
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

/* The start tag of qname has been read: its place in the document. */
static int start_element(struct reader *r, struct view qname)
{
    /* The children of the root in the order of Annex C, then currenttime
     * (in the Extension): element k needs stage k; the text of each. */
    static const char names[4][12] = {"btid", "lifetime", "Extension",
                                      "currenttime"};
    static const unsigned char slots[4] = {SLOT_BTID, SLOT_LIFETIME,
                                           SLOT_NONE, SLOT_CURTIME};
    struct view local, uri = {"", 0}, prefix = split(qname, &local);
    unsigned k;
    int i, in_ns;

    /* The namespace bound to the prefix (empty: the default namespace). */
    for (i = r->n_ns - 1; i >= 0; i--)
        if (same(r->ns[i].prefix, prefix))
            break;
    if (i >= 0)
        uri = r->ns[i].uri;
    else if (prefix.n != 0)
        return UTSEC_ERR_PARSE; /* undeclared prefix */
    if (r->capturing != SLOT_NONE)
        return UTSEC_ERR_PARSE; /* an element inside btid/lifetime */
    in_ns = view_eq(uri, UTSEC_BOOT_INFO_NS);
    if (r->depth == 1)
        return in_ns && view_eq(local, "BootstrappingInfo") ? 0
                                                            : UTSEC_ERR_PARSE;
    for (k = 0; k < 4 && !view_eq(local, names[k]); k++)
        ;
    /* Unknown elements, and known ones elsewhere, are ignored. */
    if (!in_ns || k == 4 || r->depth != (k == 3 ? 3 : 2))
        return 0;
    if (k == 3) { /* currenttime: the first one in the Extension */
        if (r->stage != IN_EXT || r->v.has_current_time)
            return 0;
        r->v.has_current_time = 1; /* seen (its time is checked at the end) */
    } else if (r->stage != k) {
        return UTSEC_ERR_PARSE; /* out of order or repeated */
    } else {
        r->stage++;
    }
    r->capturing = (enum slot)slots[k];
    r->text_len = 0;
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

/* The end tag of the element at r->depth: stores what it captured. */
static int end_element(struct reader *r)
{
    const char *s = r->text;
    size_t n = r->text_len;
    enum slot slot = r->capturing;

    r->capturing = SLOT_NONE;
    if (r->depth == 2 && r->stage == IN_EXT)
        r->stage = AFTER_EXT;
    while (r->n_ns > 0 && r->ns[r->n_ns - 1].depth >= r->depth)
        r->n_ns--;
    r->root_done = --r->depth == 0;
    if (slot == SLOT_BTID) {
        if (!btid_ok(s, n))
            return UTSEC_ERR_PARSE;
        memcpy(r->v.btid, s, n); /* NUL after it: r was zeroed */
        r->v.btid_len = n;
    } else if (slot != SLOT_NONE) {
        /* A UTC time (Annex C: with "Z"), white space around it. */
        while (n > 0 && is_ws((unsigned char)*s)) {
            s++;
            n--;
        }
        while (n > 0 && is_ws((unsigned char)s[n - 1]))
            n--;
        if (n == 0 || s[n - 1] != 'Z')
            return UTSEC_ERR_BAD_TIME;
        return utsec_gba_time_parse(s, n, slot == SLOT_LIFETIME
                                              ? &r->v.lifetime
                                              : &r->v.current_time);
    }
    return 0;
}

/* What can start at r->p, recognised by its first characters (in this
 * order, each ended by a NUL); anything else is character data. */
enum markup { M_END_TAG, M_COMMENT, M_CDATA, M_DOCTYPE, M_ENTITY, M_PROC_INSTR,
              M_BANG, M_START_TAG, M_TEXT };
static const char markup[] =
    "</\0<!--\0<![CDATA[\0<!DOCTYPE\0<!ENTITY\0<?\0<!\0<";

static int parse(struct reader *r)
{
    struct view decl[3] = {{NULL, 0}, {NULL, 0}, {NULL, 0}};
    struct view name;
    const char *s, *m;
    int rc, empty, kind;

    if (starts(r, "\xEF\xBB\xBF"))
        r->p += 3;
    /* The XML declaration (read_attrs: white space must follow "<?xml";
     * any other "<?" is an error too). */
    if (starts(r, "<?xml")) {
        r->p += 5;
        if ((rc = read_attrs(r, decl)) < 0)
            return rc;
        if (!view_eq(decl[0], "1.0"))
            return UTSEC_ERR_PARSE;
        if (decl[1].p != NULL &&
            !utsec_ascii_ieq_lit(decl[1].p, decl[1].n, "UTF-8"))
            return UTSEC_ERR_UNSUPPORTED;
    }
    for (;;) {
        if (r->depth == 0) {
            /* Outside the root element (XML 1.0 §2.1 Misc): white space
             * and comments only. */
            skip_ws(r);
            if (peek(r) < 0)
                return r->root_done && r->stage >= AFTER_LIFETIME
                           ? 0
                           : UTSEC_ERR_PARSE;
        } else if (peek(r) < 0) {
            return UTSEC_ERR_PARSE; /* unclosed elements */
        }
        for (kind = 0, m = markup; kind < M_TEXT && !starts(r, m); kind++)
            m += strlen(m) + 1;
        s = r->p;
        switch (kind) {
        case M_COMMENT:
            rc = skip_comment(r);
            break;
        case M_CDATA: /* XML 1.0 §2.7: the text as it is, up to "]]>" */
            s += 9;
            r->p = s;
            while (!starts(r, "]]>")) {
                if (r->p >= r->end)
                    return UTSEC_ERR_PARSE;
                r->p++;
            }
            if ((rc = text(r, s, (size_t)(r->p - s), 1)) == 0)
                r->p += 3;
            break;
        case M_DOCTYPE:
            return UTSEC_ERR_UNSUPPORTED; /* no DTD */
        case M_ENTITY:
            return r->depth == 0 ? UTSEC_ERR_UNSUPPORTED : UTSEC_ERR_PARSE;
        case M_PROC_INSTR:
        case M_BANG:
            return UTSEC_ERR_PARSE;
        case M_END_TAG:
            r->p += 2;
            if ((rc = read_name(r, &name)) != 0)
                return rc;
            if (!expect(r, '>') || r->depth == 0 ||
                !same(name, r->open[r->depth - 1]))
                return UTSEC_ERR_PARSE;
            rc = end_element(r);
            break;
        case M_START_TAG:
            r->p++;
            if (r->depth == UTSEC_BOOT_INFO_MAX_DEPTH)
                return UTSEC_ERR_TOO_MANY;
            if (r->root_done || read_name(r, &name) != 0)
                return UTSEC_ERR_PARSE;
            r->open[r->depth++] = name;
            if ((empty = read_attrs(r, NULL)) < 0)
                return empty;
            if ((rc = start_element(r, name)) == 0 && empty)
                rc = end_element(r);
            break;
        default: /* character data, up to the next markup */
            if (r->depth == 0)
                return UTSEC_ERR_PARSE;
            while (peek(r) >= 0 && *r->p != '<')
                r->p++;
            rc = text(r, s, (size_t)(r->p - s), 0);
            break;
        }
        if (rc != 0)
            return rc;
    }
}

UTSEC_API int utsec_boot_info_parse(const char *xml, size_t len,
                                    utsec_boot_info_t *out)
{
    struct reader r;
    int rc;

    if (xml == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (len > UTSEC_BOOT_INFO_MAX_DOC)
        return UTSEC_ERR_TOO_LONG;
    memset(&r, 0, sizeof(r));
    r.p = xml;
    r.end = xml + len;
    rc = parse(&r);
    if (rc == 0)
        *out = r.v;
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
