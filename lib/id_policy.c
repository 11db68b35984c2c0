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
    /* by value, from UTSEC_ID_SUB_BLOCK (0) */
    static const char text[][13] = {"block", "confirm", "polite-block", "allow"};

    return s >= UTSEC_ID_SUB_BLOCK && s <= UTSEC_ID_SUB_ALLOW ? text[s] : "none";
}

/* The watcher as the rules see it. */
struct who {
    const utsec_id_watcher_t *w;
    /* The host of a SIP/SIPS URI (RFC 4745 §7.1.2 uses the domain part of
     * the identity), never empty; TEL and other identities have none
     * (len 0). */
    utsec_id_view_t dom;
    int named; /* named by a rule's identity condition */
};

/* Whether one identity-condition entry names the watcher: the URI of a
 * one / except id, the domain of a many / except domain (RFC 4745 §7.1). */
static int names(const utsec_id_ident_t *e, const struct who *who)
{
    if (e->kind == UTSEC_ID_IDENT_ONE || e->kind == UTSEC_ID_IDENT_EXCEPT_ID)
        return utsec_id_uri_equal(who->w->identity.ptr, who->w->identity.len,
                                  e->value.ptr, e->value.len) == 1;
    return (e->kind == UTSEC_ID_IDENT_MANY && e->value.len == 0) ||
           (who->dom.len &&
            utsec_ascii_ieq(who->dom.ptr, who->dom.len, e->value.ptr, e->value.len));
}

static int identity_matches(const utsec_id_policy_t *p, const utsec_id_rule_t *r,
                            const struct who *who)
{
    size_t k, j, end = r->ident_first + r->ident_count;

    for (k = r->ident_first; k < end; k++) {
        const utsec_id_ident_t *e = &p->idents[k];
        if (e->kind > UTSEC_ID_IDENT_MANY || !names(e, who))
            continue; /* an except is handled with its many */
        /* a many matches unless one of its excepts names the watcher */
        for (j = k + 1; e->kind == UTSEC_ID_IDENT_MANY && j < end &&
                        p->idents[j].kind > UTSEC_ID_IDENT_MANY;
             j++)
            if (names(&p->idents[j], who))
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
    size_t i, e;

    if (cur.len == 0)
        return 0;
    /* the runs between spaces (the empty ones never match) */
    for (i = 0; i < list.len; i = e + 1) {
        for (e = i; e < list.len && list.ptr[e] != ' '; e++)
            ;
        if (e - i == cur.len && memcmp(list.ptr + i, cur.ptr, cur.len) == 0)
            return 1;
    }
    return 0;
}

static int rule_matches(const utsec_id_policy_t *p, const utsec_id_rule_t *r,
                        const struct who *who)
{
    const utsec_id_watcher_t *w = who->w;
    size_t k;

    if (r->conditions & UTSEC_ID_COND_UNKNOWN)
        return 0;
    if ((r->conditions & UTSEC_ID_COND_ANONYMOUS) && !w->anonymous)
        return 0;
    /* OMA other-identity: authenticated, and named by no identity condition */
    if ((r->conditions & UTSEC_ID_COND_OTHER_IDENTITY) && (w->anonymous || who->named))
        return 0;
    if (r->conditions & UTSEC_ID_COND_IDENTITY) {
        /* identity conditions match authenticated watchers only */
        if (w->anonymous || !identity_matches(p, r, who))
            return 0;
    }
    if ((r->conditions & UTSEC_ID_COND_SPHERE) &&
        !sphere_matches(r->sphere, w->sphere))
        return 0;
    if (!(r->conditions & UTSEC_ID_COND_VALIDITY))
        return 1;
    for (k = r->validity_first; k < r->validity_first + r->validity_count; k++)
        if (w->now >= p->validity[k].from && w->now < p->validity[k].until)
            return 1;
    return 0;
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
    struct who who;
    utsec_id_sip_uri_t u;
    int rc;
    size_t i;

    if (p == NULL || w == NULL || out == NULL || !policy_ok(p) ||
        (w->sphere.ptr == NULL && w->sphere.len))
        return UTSEC_ERR_INVALID_ARG;
    memset(&who, 0, sizeof(who));
    who.w = w;
    if (!w->anonymous) {
        if (w->identity.ptr == NULL)
            return UTSEC_ERR_INVALID_ARG;
        if ((rc = utsec_id_uri_validate(w->identity.ptr, w->identity.len)) != 0)
            return rc;
        /* the parser refuses every scheme but SIP and SIPS */
        if (utsec_id_sip_uri_parse(w->identity.ptr, w->identity.len, &u) == 0)
            who.dom = u.host;
        for (i = 0; i < p->n_rules && !who.named; i++)
            who.named = (p->rules[i].conditions & UTSEC_ID_COND_IDENTITY) &&
                        identity_matches(p, &p->rules[i], &who);
    }
    for (i = 0; i < p->n_rules; i++) {
        const utsec_id_rule_t *r = &p->rules[i];
        /* RFC 5025 §3.2.1: combine by the highest value */
        if (r->sub_handling > best && rule_matches(p, r, &who))
            best = r->sub_handling;
    }
    /* no matching rule grants anything: block (RFC 4745 §10) */
    *out = best == UTSEC_ID_SUB_NONE ? UTSEC_ID_SUB_BLOCK : best;
    return 0;
}
