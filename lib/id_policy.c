/*
 * Subscription authorization policy of the presence server (TS 33.141;
 * RFC 4745 common policy, RFC 5025 presence rules): evaluate caller-owned
 * rule structs for one watcher. No allocation.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

UTSEC_API const char *utsec_id_sub_handling_name(utsec_id_sub_handling_t s)
{
    switch (s) {
    case UTSEC_ID_SUB_BLOCK: return "block";
    case UTSEC_ID_SUB_CONFIRM: return "confirm";
    case UTSEC_ID_SUB_POLITE_BLOCK: return "polite-block";
    case UTSEC_ID_SUB_ALLOW: return "allow";
    case UTSEC_ID_SUB_NONE: break;
    }
    return "none";
}

/* The watcher's domain: the host of a SIP/SIPS URI (RFC 4745 §7.1.2 uses
 * the domain part of the identity); TEL and other identities have none. */
static int watcher_domain(utsec_id_view_t id, utsec_id_view_t *host)
{
    utsec_id_sip_uri_t u;

    /* the parser refuses every other scheme */
    if (utsec_id_sip_uri_parse(id.ptr, id.len, &u) != 0)
        return 0;
    *host = u.host;
    return 1;
}

/* Whether one identity-condition entry names the watcher: the URI of a
 * one / except id, the domain of a many / except domain (RFC 4745 §7.1). */
static int names(const utsec_id_ident_t *e, const utsec_id_watcher_t *w,
                 int has_dom, utsec_id_view_t dom)
{
    if (e->kind == UTSEC_ID_IDENT_ONE || e->kind == UTSEC_ID_IDENT_EXCEPT_ID)
        return utsec_id_uri_equal(w->identity.ptr, w->identity.len,
                                  e->value.ptr, e->value.len) == 1;
    return (e->kind == UTSEC_ID_IDENT_MANY && e->value.len == 0) ||
           (has_dom && utsec_ascii_ieq(dom.ptr, dom.len, e->value.ptr, e->value.len));
}

static int identity_matches(const utsec_id_policy_t *p, const utsec_id_rule_t *r,
                            const utsec_id_watcher_t *w, int has_dom,
                            utsec_id_view_t dom)
{
    size_t k, j, end = r->ident_first + r->ident_count;

    for (k = r->ident_first; k < end; k++) {
        const utsec_id_ident_t *e = &p->idents[k];
        if (e->kind > UTSEC_ID_IDENT_MANY || !names(e, w, has_dom, dom))
            continue; /* an except is handled with its many */
        /* a many matches unless one of its excepts names the watcher */
        for (j = k + 1; e->kind == UTSEC_ID_IDENT_MANY && j < end &&
                        p->idents[j].kind > UTSEC_ID_IDENT_MANY;
             j++)
            if (names(&p->idents[j], w, has_dom, dom))
                break;
        if (e->kind == UTSEC_ID_IDENT_ONE || j == end ||
            p->idents[j].kind <= UTSEC_ID_IDENT_MANY)
            return 1;
    }
    return 0;
}

/* RFC 4745 §7.2: one of the space-separated values is the current sphere. */
static int sphere_matches(utsec_id_view_t list, utsec_id_view_t cur)
{
    size_t i = 0;

    if (cur.len == 0)
        return 0;
    while (i < list.len) {
        size_t b;
        while (i < list.len && list.ptr[i] == ' ')
            i++;
        b = i;
        while (i < list.len && list.ptr[i] != ' ')
            i++;
        if (i > b && i - b == cur.len && memcmp(list.ptr + b, cur.ptr, cur.len) == 0)
            return 1;
    }
    return 0;
}

static int rule_matches(const utsec_id_policy_t *p, const utsec_id_rule_t *r,
                        const utsec_id_watcher_t *w, int has_dom,
                        utsec_id_view_t dom, int named)
{
    size_t k;

    if (r->conditions & UTSEC_ID_COND_UNKNOWN)
        return 0;
    if ((r->conditions & UTSEC_ID_COND_ANONYMOUS) && !w->anonymous)
        return 0;
    /* OMA other-identity: authenticated, and named by no identity condition */
    if ((r->conditions & UTSEC_ID_COND_OTHER_IDENTITY) && (w->anonymous || named))
        return 0;
    if (r->conditions & UTSEC_ID_COND_IDENTITY) {
        /* identity conditions match authenticated watchers only */
        if (w->anonymous || !identity_matches(p, r, w, has_dom, dom))
            return 0;
    }
    if ((r->conditions & UTSEC_ID_COND_SPHERE) &&
        !sphere_matches(r->sphere, w->sphere))
        return 0;
    if (r->conditions & UTSEC_ID_COND_VALIDITY) {
        for (k = r->validity_first; k < r->validity_first + r->validity_count; k++)
            if (w->now >= p->validity[k].from && w->now < p->validity[k].until)
                break;
        if (k == r->validity_first + r->validity_count)
            return 0;
    }
    return 1;
}

/* Indices inside the arrays, excepts after a many, known enum values. */
static int policy_ok(const utsec_id_policy_t *p)
{
    size_t i, k;

    if ((p->n_rules && p->rules == NULL) || p->n_rules > p->max_rules ||
        (p->n_idents && p->idents == NULL) || p->n_idents > p->max_idents ||
        (p->n_validity && p->validity == NULL) || p->n_validity > p->max_validity)
        return 0;
    for (i = 0; i < p->n_rules; i++) {
        const utsec_id_rule_t *r = &p->rules[i];
        if (r->ident_first > p->n_idents ||
            r->ident_count > p->n_idents - r->ident_first ||
            r->validity_first > p->n_validity ||
            r->validity_count > p->n_validity - r->validity_first ||
            r->sub_handling < UTSEC_ID_SUB_NONE ||
            r->sub_handling > UTSEC_ID_SUB_ALLOW ||
            (r->sphere.ptr == NULL && r->sphere.len))
            return 0;
        for (k = r->ident_first; k < r->ident_first + r->ident_count; k++) {
            const utsec_id_ident_t *e = &p->idents[k];
            if ((unsigned)e->kind > UTSEC_ID_IDENT_EXCEPT_DOMAIN ||
                (e->value.ptr == NULL && e->value.len))
                return 0;
            if (e->kind > UTSEC_ID_IDENT_MANY && /* an except */
                (k == r->ident_first ||
                 p->idents[k - 1].kind == UTSEC_ID_IDENT_ONE))
                return 0; /* an except belongs to a many */
        }
    }
    return 1;
}

UTSEC_API int utsec_id_policy_evaluate(const utsec_id_policy_t *p,
                                       const utsec_id_watcher_t *w,
                                       utsec_id_sub_handling_t *out)
{
    utsec_id_sub_handling_t best = UTSEC_ID_SUB_NONE;
    utsec_id_view_t dom = {NULL, 0};
    int has_dom = 0, named = 0, rc;
    size_t i;

    if (p == NULL || w == NULL || out == NULL || !policy_ok(p) ||
        (w->sphere.ptr == NULL && w->sphere.len))
        return UTSEC_ERR_INVALID_ARG;
    if (!w->anonymous) {
        if (w->identity.ptr == NULL)
            return UTSEC_ERR_INVALID_ARG;
        if ((rc = utsec_id_uri_validate(w->identity.ptr, w->identity.len)) != 0)
            return rc;
        has_dom = watcher_domain(w->identity, &dom);
        for (i = 0; i < p->n_rules && !named; i++)
            named = (p->rules[i].conditions & UTSEC_ID_COND_IDENTITY) &&
                    identity_matches(p, &p->rules[i], w, has_dom, dom);
    }
    for (i = 0; i < p->n_rules; i++) {
        const utsec_id_rule_t *r = &p->rules[i];
        /* RFC 5025 §3.2.1: combine by the highest value */
        if (r->sub_handling > best && rule_matches(p, r, w, has_dom, dom, named))
            best = r->sub_handling;
    }
    /* no matching rule grants anything: block (RFC 4745 §10) */
    *out = best == UTSEC_ID_SUB_NONE ? UTSEC_ID_SUB_BLOCK : best;
    return 0;
}
