/*
 * HTTP Digest client (RFC 7616 §3.4-3.5, §3.7 stale handling) and the
 * Digest AKA answer (RFC 3310 §3.3-3.4, RFC 4169 §4).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "digest_internal.h"

/* Strength order used to pick among several challenges (RFC 7616 §3.7:
 * the client uses the strongest it supports). Higher is preferred. */
static int rank(utsec_digest_alg_t a)
{
    switch (a) {
    case UTSEC_DIGEST_ALG_SHA512_256: return 8;
    case UTSEC_DIGEST_ALG_SHA512_256_SESS: return 7;
    case UTSEC_DIGEST_ALG_SHA256: return 6;
    case UTSEC_DIGEST_ALG_SHA256_SESS: return 5;
    case UTSEC_DIGEST_ALG_MD5: return 4;
    case UTSEC_DIGEST_ALG_MD5_SESS: return 3;
    case UTSEC_DIGEST_ALG_AKAV2_MD5: return 2;
    case UTSEC_DIGEST_ALG_AKAV1_MD5: return 1;
    default: return 0;
    }
}

static int is_aka(utsec_digest_alg_t a)
{
    return a == UTSEC_DIGEST_ALG_AKAV1_MD5 || a == UTSEC_DIGEST_ALG_AKAV2_MD5;
}

static int same_hash(utsec_digest_alg_t a, utsec_digest_alg_t b)
{
    utsec_hash_alg_t ha, hb;

    return utsec_digest_hash_of(a, &ha) == 0 &&
           utsec_digest_hash_of(b, &hb) == 0 && ha == hb;
}

static utsec_digest_str_t sv(const char *p, size_t n)
{
    utsec_digest_str_t s;

    s.ptr = p;
    s.len = n;
    return s;
}

int utsec_digest_client_init(utsec_digest_client_t *cl, utsec_rng_fn rng,
                             void *rng_ctx)
{
    if (cl == NULL || rng == NULL)
        return UTSEC_ERR_INVALID_ARG;
    memset(cl, 0, sizeof(*cl));
    cl->rng = rng;
    cl->rng_ctx = rng_ctx;
    return 0;
}

void utsec_digest_client_free(utsec_digest_client_t *cl)
{
    if (cl != NULL)
        utsec_wipe(cl, sizeof(*cl));
}

/* The challenge walk: a first pass finds the strongest acceptable
 * challenge, a second one takes it (the views live only during a callback,
 * and nothing changes unless the whole header parses). */
typedef struct pick_state {
    utsec_digest_client_t *cl;
    unsigned alg_mask;
    size_t n, best;        /* challenges seen; the best one's number (0: none) */
    int rank, too_long;    /* the best one's rank; a better one was too long */
    int reuse;             /* (second pass) the cached H(user:realm:pass) stays */
} pick_state_t;

static int pick(void *ctx, const utsec_digest_challenge_t *c)
{
    pick_state_t *p = ctx;
    int r = rank(c->alg);

    p->n++;
    if (r <= p->rank || !(p->alg_mask & UTSEC_DIGEST_ALG_BIT(c->alg)))
        return 0;
    if (c->realm.len >= sizeof(p->cl->realm) || c->nonce.len >= sizeof(p->cl->nonce) ||
        c->opaque.len >= sizeof(p->cl->opaque)) {
        p->too_long = 1;
        return 0;
    }
    p->rank = r;
    p->best = p->n;
    return 0;
}

static int take(void *ctx, const utsec_digest_challenge_t *c)
{
    pick_state_t *p = ctx;
    utsec_digest_client_t *cl = p->cl;

    if (++p->n != p->best)
        return 0;
    /* stale=true (RFC 7616 §3.3): same credentials, new nonce. H(A1) of a
     * non-AKA algorithm is reusable while realm and hash are the same. */
    p->reuse = cl->have_ha0 && !is_aka(c->alg) && c->realm.len == cl->realm_len &&
               memcmp(c->realm.ptr, cl->realm, cl->realm_len) == 0 &&
               same_hash(c->alg, cl->ha0_alg);
    memcpy(cl->realm, c->realm.ptr, c->realm.len);
    cl->realm_len = c->realm.len;
    memcpy(cl->nonce, c->nonce.ptr, c->nonce.len);
    cl->nonce_len = c->nonce.len;
    cl->has_opaque = c->opaque.ptr != NULL;
    if (c->opaque.ptr != NULL && c->opaque.len)
        memcpy(cl->opaque, c->opaque.ptr, c->opaque.len);
    cl->opaque_len = c->opaque.len;
    cl->alg = c->alg;
    cl->userhash = c->userhash;
    cl->qop_offered = c->qop_mask;
    cl->stale = c->stale;
    return 0;
}

int utsec_digest_client_challenge(utsec_digest_client_t *cl,
                                  const char *www_authenticate, size_t len,
                                  unsigned alg_mask, int prefer_auth_int,
                                  int *stale)
{
    pick_state_t p;
    int rc;

    if (cl == NULL || cl->rng == NULL)
        return UTSEC_ERR_INVALID_ARG;
    memset(&p, 0, sizeof(p));
    p.cl = cl;
    p.alg_mask = alg_mask;
    rc = utsec_digest_each_challenge(www_authenticate, len, cl->scratch,
                                     sizeof(cl->scratch), pick, &p);
    if (rc != 0)
        return rc;
    if (p.best == 0)
        return p.too_long ? UTSEC_ERR_TOO_LONG : UTSEC_ERR_NO_CHALLENGE;
    p.n = 0;
    /* the same walk again: it cannot fail now */
    if ((rc = utsec_digest_each_challenge(www_authenticate, len, cl->scratch,
                                          sizeof(cl->scratch), take, &p)) != 0)
        return rc;
    if (!p.reuse) {
        utsec_wipe(cl->ha0, sizeof(cl->ha0));
        cl->have_ha0 = 0;
    }
    utsec_wipe(cl->ha1, sizeof(cl->ha1));
    utsec_wipe(cl->sess_ha1, sizeof(cl->sess_ha1));
    cl->have_ha1 = 0;
    if ((cl->qop_offered & UTSEC_DIGEST_QOP_AUTH_INT) &&
        (prefer_auth_int || !(cl->qop_offered & UTSEC_DIGEST_QOP_AUTH)))
        cl->qop = UTSEC_DIGEST_QOP_AUTH_INT;
    else if (cl->qop_offered & UTSEC_DIGEST_QOP_AUTH)
        cl->qop = UTSEC_DIGEST_QOP_AUTH;
    else
        cl->qop = UTSEC_DIGEST_QOP_NONE;
    cl->nc = 0;
    cl->have_challenge = 1;
    if (stale != NULL)
        *stale = cl->stale && p.reuse;
    return 0;
}

int utsec_digest_client_realm(const utsec_digest_client_t *cl,
                              utsec_digest_str_t *realm)
{
    if (cl == NULL || realm == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!cl->have_challenge)
        return UTSEC_ERR_STATE;
    realm->ptr = cl->realm;
    realm->len = cl->realm_len;
    return 0;
}

int utsec_digest_client_set_realm(utsec_digest_client_t *cl, const char *realm,
                                  size_t len)
{
    if (cl == NULL || realm == NULL || len == 0)
        return UTSEC_ERR_INVALID_ARG;
    if (!cl->have_challenge)
        return UTSEC_ERR_STATE;
    if (len >= sizeof(cl->realm))
        return UTSEC_ERR_TOO_LONG;
    memmove(cl->realm, realm, len); /* realm may point into cl->realm */
    cl->realm_len = len;
    utsec_wipe(cl->ha0, sizeof(cl->ha0));
    cl->have_ha0 = 0;
    return 0;
}

/*
 * Build the answer. password == NULL reuses the cached H(user:realm:pass).
 * auts (may be NULL) is the RFC 3310 resynchronisation parameter.
 */
static int authorize(utsec_digest_client_t *cl, const char *username,
                     size_t username_len, const uint8_t *password,
                     size_t password_len, const char *method, size_t method_len,
                     const char *uri, size_t uri_len, const char *body_hash,
                     const char *auts, char *out, size_t out_size,
                     size_t *out_len)
{
    utsec_digest_authorization_t *a;
    utsec_digest_calc_t c;
    utsec_digest_str_t parts[3];
    utsec_hash_alg_t h;
    char ha0[UTSEC_DIGEST_HEX_SIZE], ha1[UTSEC_DIGEST_HEX_SIZE];
    char resp[UTSEC_DIGEST_HEX_SIZE], uh[UTSEC_DIGEST_HEX_SIZE];
    char cnonce[33];
    uint8_t rnd[16];
    size_t resp_len;
    int rc, sess, new_cnonce;

    if (cl == NULL || username == NULL || method == NULL || uri == NULL ||
        out == NULL || (password == NULL && password_len))
        return UTSEC_ERR_INVALID_ARG;
    if (!cl->have_challenge)
        return UTSEC_ERR_STATE;
    if (username_len == 0 || username_len >= sizeof(cl->username) ||
        uri_len >= sizeof(cl->uri))
        return UTSEC_ERR_TOO_LONG;
    if (cl->nc == 0xFFFFFFFFu)
        return UTSEC_ERR_STATE;
    (void)utsec_digest_hash_of(cl->alg, &h); /* a challenge's alg is known */
    sess = utsec_digest_is_sess(cl->alg);
    if (password == NULL) {
        if (!cl->have_ha0 || username_len != cl->username_len ||
            memcmp(username, cl->username, username_len) != 0)
            return UTSEC_ERR_STATE;
        memcpy(ha0, cl->ha0, sizeof(ha0));
    } else {
        /* H(user:realm:pass) (RFC 7616 §3.4.2) */
        parts[0] = sv(username, username_len);
        parts[1] = sv(cl->realm, cl->realm_len);
        parts[2] = sv((const char *)password, password_len);
        if ((rc = utsec_digest_hash_join(h, ha0, 3, parts)) != 0)
            return rc;
    }
    /* -sess: A1 is fixed by the first nonce/cnonce of the session, so the
     * cnonce stays for the nonce's lifetime; otherwise a fresh one each time. */
    new_cnonce = !sess || cl->nc == 0;
    if (new_cnonce) {
        if (cl->rng(cl->rng_ctx, rnd, sizeof(rnd)) != 0) {
            rc = UTSEC_ERR_RNG;
            goto done;
        }
        utsec_digest_hex_ct(rnd, sizeof(rnd), cnonce);
    } else {
        memcpy(cnonce, cl->cnonce, sizeof(cnonce));
    }

    a = &cl->work.au;
    memset(a, 0, sizeof(*a));
    a->realm = sv(cl->realm, cl->realm_len);
    a->nonce = sv(cl->nonce, cl->nonce_len);
    a->uri = sv(uri, uri_len);
    a->alg = cl->alg;
    if (cl->has_opaque)
        a->opaque = sv(cl->opaque, cl->opaque_len);
    a->qop = cl->qop;
    if (cl->qop != UTSEC_DIGEST_QOP_NONE) {
        a->nc = cl->nc + 1;
        a->cnonce = sv(cnonce, 32);
    }
    if (auts != NULL)
        a->auts = sv(auts, strlen(auts));

    if (!sess)
        memcpy(ha1, ha0, sizeof(ha1));
    else if (!new_cnonce)
        memcpy(ha1, cl->sess_ha1, sizeof(ha1));
    else if ((rc = utsec_digest_sess_ha1(h, ha0, a->nonce, sv(cnonce, 32), ha1)) != 0)
        goto done;
    utsec_digest_calc_from(&c, a);
    c.nc = cl->nc + 1;
    c.method = sv(method, method_len);
    c.body_hash = body_hash;
    c.ha1 = ha1;
    if ((rc = utsec_digest_compute_int(&c, 0, resp, sizeof(resp), &resp_len)) != 0)
        goto done;
    a->response = sv(resp, resp_len);
    if (cl->userhash) {
        if ((rc = utsec_digest_userhash(cl->alg, username, username_len,
                                        cl->realm, cl->realm_len, uh,
                                        sizeof(uh), NULL)) != 0)
            goto done;
        a->username = sv(uh, strlen(uh));
        a->userhash = 1;
    } else {
        a->username = sv(username, username_len);
    }
    if ((rc = utsec_digest_authorization_write_int(a, out, out_size, out_len, 1)) != 0)
        goto done;

    /* Commit only after the header was produced. */
    cl->nc++;
    memcpy(cl->cnonce, cnonce, sizeof(cnonce));
    cl->cnonce_len = 32;
    memcpy(cl->ha1, ha1, sizeof(ha1));
    if (sess)
        memcpy(cl->sess_ha1, ha1, sizeof(ha1));
    cl->have_ha1 = 1;
    memcpy(cl->uri, uri, uri_len);
    cl->uri_len = uri_len;
    if (!is_aka(cl->alg)) {
        memcpy(cl->ha0, ha0, sizeof(ha0));
        cl->ha0_alg = cl->alg;
        cl->have_ha0 = 1;
    }
    memcpy(cl->username, username, username_len);
    cl->username_len = username_len;
done:
    utsec_wipe(ha0, sizeof(ha0));
    utsec_wipe(ha1, sizeof(ha1));
    utsec_wipe(rnd, sizeof(rnd));
    return rc;
}

int utsec_digest_client_authorize(utsec_digest_client_t *cl,
                                  const char *username, size_t username_len,
                                  const uint8_t *password, size_t password_len,
                                  const char *method, size_t method_len,
                                  const char *uri, size_t uri_len,
                                  const char *body_hash, char *out,
                                  size_t out_size, size_t *out_len)
{
    return authorize(cl, username, username_len, password, password_len,
                     method, method_len, uri, uri_len, body_hash, NULL, out,
                     out_size, out_len);
}

int utsec_digest_client_authorize_aka(
    utsec_digest_client_t *cl, const char *username, size_t username_len,
    utsec_aka_usim_fn usim, void *usim_ctx, const char *method,
    size_t method_len, const char *uri, size_t uri_len, const char *body_hash,
    utsec_aka_ue_result_t *result, int *sync_failure, char *out,
    size_t out_size, size_t *out_len)
{
    uint8_t rnd[UTSEC_AKA_RAND_LEN], autn[UTSEC_AKA_AUTN_LEN];
    utsec_aka_ue_result_t r;
    char pw[UTSEC_DIGEST_AKAV2_PASSWORD_LEN + 1];
    char auts[UTSEC_BASE64_ENCODED_SIZE(UTSEC_AKA_AUTS_LEN)];
    const uint8_t *password;
    size_t password_len;
    int rc, sync = 0;

    if (cl == NULL || usim == NULL || sync_failure == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!cl->have_challenge)
        return UTSEC_ERR_STATE;
    if (!is_aka(cl->alg))
        return UTSEC_ERR_UNSUPPORTED;
    /* RFC 3310 §3.2: nonce = base64(RAND || AUTN || server data) */
    if ((rc = utsec_aka_nonce_decode(cl->nonce, cl->nonce_len, rnd, autn, NULL,
                                     0, NULL)) != 0)
        return rc;
    memset(&r, 0, sizeof(r));
    rc = usim(usim_ctx, rnd, autn, &r);
    if (rc == UTSEC_ERR_SYNC_FAILURE) {
        /* RFC 3310 §3.4: answer with auts and the empty password. */
        if ((rc = utsec_aka_auts_encode(r.auts, auts, sizeof(auts), NULL)) != 0)
            goto done;
        sync = 1;
        password = (const uint8_t *)"";
        password_len = 0;
    } else if (rc != 0) {
        /* MAC failure: the network is not authentic; do not answer. */
        goto done;
    } else if (r.res_len < 4 || r.res_len > UTSEC_AKA_RES_MAX_LEN) {
        rc = UTSEC_ERR_CALLBACK;
        goto done;
    } else if (cl->alg == UTSEC_DIGEST_ALG_AKAV2_MD5) {
        if ((rc = utsec_digest_akav2_password(r.res, r.res_len, r.ik, r.ck, pw,
                                              sizeof(pw))) != 0)
            goto done;
        password = (const uint8_t *)pw;
        password_len = UTSEC_DIGEST_AKAV2_PASSWORD_LEN;
    } else {
        password = r.res; /* RFC 3310 §3.3: RES octets, 0x00 included */
        password_len = r.res_len;
    }
    rc = authorize(cl, username, username_len, password, password_len, method,
                   method_len, uri, uri_len, body_hash, sync ? auts : NULL, out,
                   out_size, out_len);
    if (rc == 0) {
        *sync_failure = sync;
        if (result != NULL)
            *result = r;
    }
done:
    utsec_aka_ue_result_wipe(&r);
    utsec_wipe(pw, sizeof(pw));
    return rc;
}

int utsec_digest_client_verify_info(utsec_digest_client_t *cl,
                                    const char *auth_info, size_t len,
                                    const char *body_hash)
{
    utsec_digest_auth_info_t *ai;
    utsec_digest_calc_t c;
    int rc;

    if (cl == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (!cl->have_ha1)
        return UTSEC_ERR_STATE;
    ai = &cl->work.ai;
    if ((rc = utsec_digest_parse_auth_info(auth_info, len, ai, cl->scratch,
                                           sizeof(cl->scratch))) != 0)
        return rc;
    if (ai->rspauth.ptr == NULL)
        return UTSEC_ERR_RSPAUTH;
    if (ai->nextnonce.len >= sizeof(cl->nonce))
        return UTSEC_ERR_TOO_LONG;
    /* The echoed parameters must be those of our answer (RFC 7616 §3.5). */
    if ((ai->qop != UTSEC_DIGEST_QOP_NONE && ai->qop != cl->qop) ||
        (ai->nc != 0 && ai->nc != cl->nc) ||
        (ai->cnonce.ptr != NULL &&
         (ai->cnonce.len != cl->cnonce_len ||
          memcmp(ai->cnonce.ptr, cl->cnonce, cl->cnonce_len) != 0)))
        return UTSEC_ERR_RSPAUTH;
    memset(&c, 0, sizeof(c));
    c.alg = cl->alg;
    c.qop = cl->qop;
    c.ha1 = cl->ha1;
    c.nonce = sv(cl->nonce, cl->nonce_len);
    c.cnonce = sv(cl->cnonce, cl->cnonce_len);
    c.nc = cl->nc;
    c.uri = sv(cl->uri, cl->uri_len);
    c.body_hash = body_hash;
    /* the verdict is declassified inside, the caller acts on it */
    if ((rc = utsec_digest_compute_check(&c, 1, ai->rspauth, NULL)) != 0)
        return rc == UTSEC_ERR_AUTH_FAILED ? UTSEC_ERR_RSPAUTH : rc;
    if (ai->nextnonce.ptr != NULL) {
        memcpy(cl->nonce, ai->nextnonce.ptr, ai->nextnonce.len);
        cl->nonce_len = ai->nextnonce.len;
        cl->nc = 0;
    }
    return 0;
}
