/*
 * pres-rules XML loader (RFC 5025 over RFC 4745 common policy, with the
 * OMA `anonymous-request` and `other-identity` conditions) built on libexpat. Only compiled with
 * WITH_EXPAT=1.
 *
 * This is the one place in libutsec where heap allocation happens (inside
 * expat). Every allocation goes through a memory-handling suite charged to
 * a per-call budget (utsec_id_xml_limits_t.max_heap); expat's suite has no
 * context argument, so the budget of the running call is found through a
 * thread-local pointer set for the duration of the call only (no state
 * survives the call, and concurrent calls on other threads are
 * independent). No DTD is processed: a DOCTYPE or an entity declaration
 * stops the parse, so no entity, internal or external, is ever expanded.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

#include <expat.h>
#include <stdlib.h>

#include "utsec/gba.h" /* utsec_gba_time_parse() for xs:dateTime */

#define NS_CP "urn:ietf:params:xml:ns:common-policy"
#define NS_PR "urn:ietf:params:xml:ns:pres-rules"
#define NS_OCP "urn:oma:xml:xdm:common-policy"
#define SEP '|'

#define DEF_MAX_DOC 65536u
#define DEF_MAX_DEPTH 16u
#define DEF_MAX_HEAP 262144u
#define DEPTH_CAP 64u
#define TEXT_MAX 64u

/* ---- bounded memory for expat ---- */

struct budget {
    size_t used, peak, max;
    int exceeded;
};

static _Thread_local struct budget *cur_budget;

#define HDR sizeof(max_align_t)

/* Allocate (ptr == NULL) or resize a block: each block carries its size
 * in a header, and a new block is charged for its header too. */
static void *b_realloc(void *ptr, size_t n)
{
    struct budget *b = cur_budget;
    unsigned char *p = ptr, *q;
    size_t old = 0, hdr = HDR;

    if (b == NULL)
        return NULL;
    if (p != NULL) {
        p -= HDR;
        memcpy(&old, p, sizeof(old));
        hdr = 0; /* already charged */
    }
    if ((p == NULL || n > old) &&
        (n > b->max || n + hdr - old > b->max - b->used)) {
        b->exceeded = 1;
        return NULL;
    }
    q = realloc(p, n + HDR); /* malloc() when p is NULL */
    if (q == NULL)
        return NULL;
    memcpy(q, &n, sizeof(n));
    b->used = b->used - old + n + hdr;
    if (b->used > b->peak)
        b->peak = b->used;
    return q + HDR;
}

static void *b_malloc(size_t n)
{
    return b_realloc(NULL, n);
}

static void b_free(void *ptr)
{
    unsigned char *p = ptr;
    size_t n;

    if (p == NULL)
        return;
    p -= HDR;
    memcpy(&n, p, sizeof(n));
    if (cur_budget != NULL)
        cur_budget->used -= n + HDR;
    free(p);
}

/* ---- document walk ---- */

/* In the order of kids[] (below), from EL_RULESET on; the text-only
 * elements last. */
enum el {
    EL_SKIP = 0, EL_RULESET, EL_RULE, EL_CONDITIONS, EL_ACTIONS, EL_IDENTITY,
    EL_SPHERE, EL_VALIDITY, EL_ANON, EL_OTHER_ID, EL_ONE, EL_MANY, EL_EXCEPT,
    EL_FROM, EL_UNTIL, EL_SUB, EL_OTHER
};

/* <from>, <until> and <sub-handling> hold text only. */
static int text_only(enum el e)
{
    return e >= EL_FROM && e <= EL_SUB;
}

struct st {
    XML_Parser xp;
    struct budget budget; /* of the heap expat uses */
    utsec_id_policy_t *p;
    unsigned depth, max_depth, skip_from; /* skip_from: 0 or depth of a skipped subtree */
    int err;
    enum el stack[DEPTH_CAP + 1];
    utsec_id_rule_t *rule;
    int have_from;
    int64_t from;
    char text[TEXT_MAX];
    size_t text_len;
    int text_over;
};

static void stop(struct st *s, int err)
{
    if (s->err == 0)
        s->err = err;
    XML_StopParser(s->xp, XML_FALSE);
}

static const XML_Char *attr(const XML_Char **atts, const char *name)
{
    for (; atts[0] != NULL; atts += 2)
        if (strcmp(atts[0], name) == 0)
            return atts[1];
    return NULL;
}

static int store(struct st *s, const char *v, utsec_id_view_t *out)
{
    utsec_id_policy_t *p = s->p;
    size_t n = strlen(v);

    if (n > p->text_size - p->text_used)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    if (n > 0)
        memcpy(p->text + p->text_used, v, n);
    out->ptr = n ? p->text + p->text_used : NULL;
    out->len = n;
    p->text_used += n;
    return 0;
}

static int add_ident(struct st *s, utsec_id_ident_kind_t kind, const char *v)
{
    utsec_id_policy_t *p = s->p;
    utsec_id_ident_t *e;
    int rc;

    if (p->n_idents == p->max_idents)
        return UTSEC_ERR_TOO_MANY;
    e = &p->idents[p->n_idents];
    e->kind = kind;
    if ((rc = store(s, v, &e->value)) != 0)
        return rc;
    p->n_idents++;
    s->rule->ident_count++;
    return 0;
}

/* The elements understood below each parent (RFC 4745 §7-§10, RFC 5025
 * §3.2, OMA common policy): kids[e - EL_RULESET] is element e, with its
 * parent and namespace (index into ns_names); its local name is the
 * (e - EL_RULESET)th of locals. */
static const char ns_names[][37] = {NS_CP, NS_PR, NS_OCP};

static const struct kid {
    unsigned char parent, ns;
} kids[EL_OTHER - EL_RULESET] = {
    {EL_SKIP, 0},       /* ruleset */
    {EL_RULESET, 0},    /* rule */
    {EL_RULE, 0},       /* conditions */
    {EL_RULE, 0},       /* actions */
    {EL_CONDITIONS, 0}, /* identity */
    {EL_CONDITIONS, 0}, /* sphere */
    {EL_CONDITIONS, 0}, /* validity */
    {EL_CONDITIONS, 2}, /* anonymous-request */
    {EL_CONDITIONS, 2}, /* other-identity */
    {EL_IDENTITY, 0},   /* one */
    {EL_IDENTITY, 0},   /* many */
    {EL_MANY, 0},       /* except */
    {EL_VALIDITY, 0},   /* from */
    {EL_VALIDITY, 0},   /* until */
    {EL_ACTIONS, 1},    /* sub-handling */
};

static const char locals[] =
    "ruleset\0rule\0conditions\0actions\0identity\0sphere\0validity\0"
    "anonymous-request\0other-identity\0one\0many\0except\0from\0until\0"
    "sub-handling";

static enum el classify(const struct st *s, enum el parent, const XML_Char *n)
{
    const char *local = locals;
    size_t k, ns;

    /* expat gives "namespace|local" */
    for (ns = 0; ns < 3; ns++) {
        size_t len = strlen(ns_names[ns]);
        if (strncmp(n, ns_names[ns], len) == 0 && n[len] == SEP) {
            n += len + 1;
            break;
        }
    }
    for (k = 0; k < sizeof(kids) / sizeof(kids[0]); k++, local += strlen(local) + 1)
        if (kids[k].parent == parent && kids[k].ns == ns && strcmp(n, local) == 0) {
            enum el e = (enum el)(EL_RULESET + k);
            /* <from> and <until> alternate: after a <from> (have_from
             * is 1) the next one is an <until>, else a <from> */
            return (int)e == EL_UNTIL - s->have_from ? EL_OTHER : e;
        }
    /* transformations, extensions and other actions are skipped */
    return parent == EL_RULE || parent == EL_ACTIONS ? EL_SKIP : EL_OTHER;
}

static int start_rule(struct st *s, const XML_Char **atts)
{
    utsec_id_policy_t *p = s->p;
    const char *id = attr(atts, "id");
    utsec_id_rule_t *r;

    if (id == NULL || *id == '\0')
        return UTSEC_ERR_PARSE;
    if (p->n_rules == p->max_rules)
        return UTSEC_ERR_TOO_MANY;
    r = &p->rules[p->n_rules++];
    memset(r, 0, sizeof(*r));
    r->sub_handling = UTSEC_ID_SUB_NONE;
    r->ident_first = p->n_idents;
    r->validity_first = p->n_validity;
    s->rule = r;
    return store(s, id, &r->id);
}

/* The condition bit an element sets in its rule. */
static const unsigned char el_cond[EL_OTHER + 1] = {
    [EL_IDENTITY] = UTSEC_ID_COND_IDENTITY, [EL_SPHERE] = UTSEC_ID_COND_SPHERE,
    [EL_VALIDITY] = UTSEC_ID_COND_VALIDITY, [EL_ANON] = UTSEC_ID_COND_ANONYMOUS,
    [EL_OTHER_ID] = UTSEC_ID_COND_OTHER_IDENTITY,
};

static int start(struct st *s, enum el e, const XML_Char **atts)
{
    const char *v = NULL, *d;
    unsigned cond = el_cond[e];
    utsec_id_ident_kind_t kind;
    int rc = 0;

    if (cond != 0) {
        if (e == EL_SPHERE && (v = attr(atts, "value")) == NULL)
            return UTSEC_ERR_PARSE;
        /* one identity, sphere and validity condition per rule */
        if (s->rule->conditions & cond &
            (UTSEC_ID_COND_IDENTITY | UTSEC_ID_COND_SPHERE | UTSEC_ID_COND_VALIDITY))
            return UTSEC_ERR_PARSE;
        s->rule->conditions |= cond;
        return v != NULL ? store(s, v, &s->rule->sphere) : 0;
    }
    switch (e) {
    case EL_RULE:
        return start_rule(s, atts);
    case EL_ONE:    /* id */
    case EL_MANY:   /* optional domain */
    case EL_EXCEPT: /* exactly one of id / domain */
        v = e == EL_MANY ? NULL : attr(atts, "id");
        d = e == EL_ONE ? NULL : attr(atts, "domain");
        if (e != EL_MANY && (v == NULL) == (d == NULL))
            return UTSEC_ERR_PARSE;
        if (v != NULL) {
            kind = e == EL_ONE ? UTSEC_ID_IDENT_ONE : UTSEC_ID_IDENT_EXCEPT_ID;
            rc = utsec_id_uri_validate(v, strlen(v));
        } else {
            kind = e == EL_MANY ? UTSEC_ID_IDENT_MANY : UTSEC_ID_IDENT_EXCEPT_DOMAIN;
            if (d != NULL && utsec_id_domainname_check(d, strlen(d)) != 0)
                rc = UTSEC_ERR_BAD_URI;
            v = d != NULL ? d : "";
        }
        return rc != 0 ? rc : add_ident(s, kind, v);
    case EL_FROM:
    case EL_UNTIL:
    case EL_SUB:
        s->text_len = 0;
        s->text_over = 0;
        return 0;
    default:
        return 0;
    }
}

static int is_xml_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int end_text(struct st *s, enum el e)
{
    utsec_id_policy_t *p = s->p;
    size_t b = 0, n = s->text_len;
    int64_t t;
    int rc;

    if (s->text_over)
        return UTSEC_ERR_PARSE;
    while (b < n && is_xml_space((unsigned char)s->text[b]))
        b++;
    while (n > b && is_xml_space((unsigned char)s->text[n - 1]))
        n--;
    if (e == EL_SUB) {
        int k;
        if (s->rule->sub_handling != UTSEC_ID_SUB_NONE)
            return UTSEC_ERR_PARSE; /* one per rule */
        /* the RFC 5025 §3.2.1 values are the names of the enum */
        for (k = UTSEC_ID_SUB_BLOCK; k <= UTSEC_ID_SUB_ALLOW; k++) {
            const char *name = utsec_id_sub_handling_name((utsec_id_sub_handling_t)k);
            if (n - b == strlen(name) && memcmp(s->text + b, name, n - b) == 0) {
                s->rule->sub_handling = (utsec_id_sub_handling_t)k;
                return 0;
            }
        }
        return UTSEC_ERR_PARSE;
    }
    if ((rc = utsec_gba_time_parse(s->text + b, n - b, &t)) != 0)
        return rc;
    if (e == EL_FROM) {
        s->from = t;
        s->have_from = 1;
        return 0;
    }
    if (p->n_validity == p->max_validity)
        return UTSEC_ERR_TOO_MANY;
    p->validity[p->n_validity].from = s->from;
    p->validity[p->n_validity].until = t;
    p->n_validity++;
    s->rule->validity_count++;
    s->have_from = 0;
    return 0;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    struct st *s = ud;
    enum el parent, e;
    int rc;

    if (s->depth >= s->max_depth) {
        stop(s, UTSEC_ERR_TOO_DEEP);
        return;
    }
    parent = s->stack[s->depth]; /* stack[0]: EL_SKIP, above the root */
    s->depth++;
    if (s->skip_from) {
        s->stack[s->depth] = EL_SKIP;
        return;
    }
    if (text_only(parent)) {
        stop(s, UTSEC_ERR_PARSE); /* text-only elements */
        return;
    }
    e = classify(s, parent, name);
    if (e == EL_OTHER) {
        if (parent == EL_SKIP || parent == EL_RULESET || parent == EL_VALIDITY) {
            stop(s, UTSEC_ERR_PARSE); /* structure we must understand */
            return;
        }
        /* an unknown condition (or a part of one): the rule never matches */
        s->rule->conditions |= UTSEC_ID_COND_UNKNOWN;
        e = EL_SKIP;
    }
    if (e == EL_SKIP)
        s->skip_from = s->depth;
    s->stack[s->depth] = e;
    if ((rc = start(s, e, atts)) != 0)
        stop(s, rc);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    struct st *s = ud;
    enum el e = s->stack[s->depth];
    int rc;

    (void)name;
    if (s->skip_from) {
        if (s->skip_from == s->depth)
            s->skip_from = 0;
        s->depth--;
        return;
    }
    if (text_only(e)) {
        if ((rc = end_text(s, e)) != 0)
            stop(s, rc);
    } else if (e == EL_VALIDITY && s->have_from) {
        stop(s, UTSEC_ERR_PARSE); /* from without until */
    } else if (e == EL_RULE) {
        s->rule = NULL;
    }
    s->depth--;
}

static void XMLCALL on_text(void *ud, const XML_Char *t, int len)
{
    struct st *s = ud;
    enum el e = s->stack[s->depth];

    if (s->skip_from || len <= 0 || !text_only(e))
        return;
    if ((size_t)len > TEXT_MAX - s->text_len) {
        s->text_over = 1;
        return;
    }
    memcpy(s->text + s->text_len, t, (size_t)len);
    s->text_len += (size_t)len;
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal;
    stop(ud, UTSEC_ERR_XML_DTD);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param,
                              const XML_Char *value, int value_len,
                              const XML_Char *base, const XML_Char *sysid,
                              const XML_Char *pubid, const XML_Char *notation)
{
    (void)name;
    (void)is_param;
    (void)value;
    (void)value_len;
    (void)base;
    (void)sysid;
    (void)pubid;
    (void)notation;
    stop(ud, UTSEC_ERR_XML_DTD);
}

static void reset(utsec_id_policy_t *p)
{
    p->n_rules = 0;
    p->n_idents = 0;
    p->n_validity = 0;
    p->text_used = 0;
}

UTSEC_API int utsec_id_pres_rules_load(const char *xml, size_t len,
                                       const utsec_id_xml_limits_t *lim,
                                       utsec_id_policy_t *p,
                                       size_t *heap_peak)
{
    static const XML_Memory_Handling_Suite suite = {b_malloc, b_realloc, b_free};
    struct budget *saved;
    struct st s;
    size_t max_doc = DEF_MAX_DOC;
    enum XML_Status st;
    int rc = 0;

    if (xml == NULL || p == NULL || (p->max_rules && p->rules == NULL) ||
        (p->max_idents && p->idents == NULL) ||
        (p->max_validity && p->validity == NULL) ||
        (p->text_size && p->text == NULL))
        return UTSEC_ERR_INVALID_ARG;
    reset(p);
    memset(&s, 0, sizeof(s));
    s.budget.max = DEF_MAX_HEAP;
    s.max_depth = DEF_MAX_DEPTH;
    if (lim != NULL) {
        if (lim->max_doc)
            max_doc = lim->max_doc;
        if (lim->max_depth)
            s.max_depth = lim->max_depth;
        if (lim->max_heap)
            s.budget.max = lim->max_heap;
    }
    if (s.max_depth > DEPTH_CAP)
        s.max_depth = DEPTH_CAP;
    if (len > max_doc || len > (size_t)INT32_MAX)
        return UTSEC_ERR_TOO_LONG;
    if (heap_peak != NULL)
        *heap_peak = 0;

    saved = cur_budget;
    cur_budget = &s.budget;
    s.p = p;
    s.xp = XML_ParserCreate_MM(NULL, &suite, "|");
    if (s.xp == NULL) {
        cur_budget = saved;
        return UTSEC_ERR_XML_MEMORY;
    }
    XML_SetUserData(s.xp, &s);
    XML_SetElementHandler(s.xp, on_start, on_end);
    XML_SetCharacterDataHandler(s.xp, on_text);
    XML_SetStartDoctypeDeclHandler(s.xp, on_doctype);
    XML_SetEntityDeclHandler(s.xp, on_entity);
    XML_SetParamEntityParsing(s.xp, XML_PARAM_ENTITY_PARSING_NEVER);
    st = XML_Parse(s.xp, xml, (int)len, XML_TRUE);
    if (s.err != 0)
        rc = s.err;
    else if (s.budget.exceeded || XML_GetErrorCode(s.xp) == XML_ERROR_NO_MEMORY)
        rc = UTSEC_ERR_XML_MEMORY;
    else if (st != XML_STATUS_OK ||
             (p->n_rules == 0 && s.stack[1] != EL_RULESET))
        rc = UTSEC_ERR_PARSE;
    XML_ParserFree(s.xp);
    cur_budget = saved;
    if (heap_peak != NULL)
        *heap_peak = s.budget.peak;
    if (rc != 0)
        reset(p);
    return rc;
}
