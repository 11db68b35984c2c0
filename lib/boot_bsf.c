/*
 * Ub, BSF side (TS 24.109 §4.4-4.5, Annex A; TS 33.220 §4.5.2): challenge
 * from an HSS vector, response check with XRES as the AKAv1-MD5 password,
 * AUTS resynchronisation, and on success the B-TID, the stored context, the
 * rspauth over the BootstrappingInfo.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "boot_role_internal.h"
#include "crypto.h"
#include "utsec/bootstrap.h"

#include <stdint.h>
#include <string.h>

static int64_t bsf_now(const utsec_boot_bsf_t *bsf)
{
    return bsf->cfg.time != NULL ? bsf->cfg.time(bsf->cfg.time_ctx)
                                 : utsec_time_now(NULL);
}

static int64_t bsf_nonce_lifetime(const utsec_boot_bsf_t *bsf)
{
    return bsf->cfg.nonce_lifetime > 0 ? bsf->cfg.nonce_lifetime : 300;
}

static void pending_drop(utsec_boot_bsf_pending_t *p)
{
    utsec_wipe(p, sizeof(*p));
}

/* The outstanding challenge for RAND issued to this user, or NULL. */
static utsec_boot_bsf_pending_t *pending_find(utsec_boot_bsf_t *bsf,
                                              const uint8_t *rand,
                                              const char *user, size_t len)
{
    size_t i;

    for (i = 0; i < bsf->cfg.n_pending; i++) {
        utsec_boot_bsf_pending_t *p = &bsf->cfg.pending[i];
        if (p->in_use && p->impi_len == len &&
            memcmp(p->av.rand, rand, UTSEC_AKA_RAND_LEN) == 0 &&
            memcmp(p->impi, user, len) == 0)
            return p;
    }
    return NULL;
}

/* Spend the outstanding challenge for RAND of the user who asked, if any. */
static void pending_drop_rand(utsec_boot_bsf_t *bsf, const uint8_t *rand)
{
    utsec_boot_bsf_pending_t *p = pending_find(bsf, rand, bsf->auth.username.ptr,
                                               bsf->auth.username.len);

    if (p != NULL)
        pending_drop(p);
}

/* Keep bsf->av for this user: a free or outdated slot, else the oldest. */
static void pending_put(utsec_boot_bsf_t *bsf, const char *user, size_t len,
                        int64_t now)
{
    utsec_boot_bsf_pending_t *slot = &bsf->cfg.pending[0]; /* n_pending >= 1 */
    size_t i;

    for (i = 0; i < bsf->cfg.n_pending; i++) {
        utsec_boot_bsf_pending_t *p = &bsf->cfg.pending[i];
        if (!p->in_use || now - p->issued > bsf_nonce_lifetime(bsf)) {
            slot = p;
            break;
        }
        if (p->issued < slot->issued)
            slot = p;
    }
    pending_drop(slot);
    slot->in_use = 1;
    slot->issued = now;
    memcpy(slot->impi, user, len);
    slot->impi_len = len;
    memcpy(&slot->av, &bsf->av, sizeof(slot->av));
}

/* Digest server lookup: XRES of the vector issued with RAND (RFC 3310 §3.3). */
static int lookup_xres(void *ctx, utsec_digest_cred_request_t *req,
                       uint8_t *password, size_t password_size,
                       size_t *password_len)
{
    utsec_boot_bsf_t *bsf = ctx;
    const utsec_boot_bsf_pending_t *p;

    if (req->rand == NULL || req->userhash)
        return UTSEC_ERR_NOT_FOUND;
    p = pending_find(bsf, req->rand, req->username.ptr, req->username.len);
    if (p == NULL || p->av.xres_len > password_size)
        return UTSEC_ERR_NOT_FOUND;
    memcpy(password, p->av.xres, p->av.xres_len);
    *password_len = p->av.xres_len;
    return 0;
}

/* Every outstanding challenge of the caller's table. */
static void pending_drop_all(utsec_boot_bsf_t *bsf)
{
    size_t i;

    for (i = 0; bsf->cfg.pending != NULL && i < bsf->cfg.n_pending; i++)
        pending_drop(&bsf->cfg.pending[i]);
}

UTSEC_API void utsec_boot_bsf_free(utsec_boot_bsf_t *bsf)
{
    if (bsf == NULL)
        return;
    pending_drop_all(bsf);
    utsec_digest_server_free(&bsf->srv);
    utsec_wipe(bsf, sizeof(*bsf));
}

UTSEC_API int utsec_boot_bsf_init(utsec_boot_bsf_t *bsf,
                                  const utsec_boot_bsf_config_t *cfg)
{
    utsec_digest_server_config_t dc;
    int rc;

    if (bsf == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(bsf, sizeof(*bsf));
    if (cfg == NULL || cfg->bsf_host == NULL || cfg->realm == NULL ||
        cfg->hss_av == NULL || cfg->hss_resync == NULL || cfg->store == NULL ||
        cfg->store->put == NULL || cfg->pending == NULL ||
        cfg->n_pending == 0 || cfg->replay == NULL || cfg->rng == NULL ||
        cfg->key_lifetime <= 0 || cfg->nonce_lifetime < 0)
        return UTSEC_ERR_INVALID_ARG;
    if (!utsec_gba_host_valid(cfg->bsf_host, cfg->bsf_host_len))
        return UTSEC_ERR_BAD_HOST;
    rc = utsec_digest_replay_init(&bsf->replay, cfg->replay, cfg->n_replay);
    if (rc == 0)
        rc = utsec_digest_profile_ub(&dc, cfg->realm, cfg->realm_len);
    if (rc != 0)
        return rc;
    dc.secret = cfg->secret;
    dc.secret_len = cfg->secret_len;
    dc.nonce_lifetime = cfg->nonce_lifetime;
    dc.rng = cfg->rng;
    dc.rng_ctx = cfg->rng_ctx;
    dc.time = cfg->time != NULL ? cfg->time : utsec_time_now;
    dc.time_ctx = cfg->time_ctx;
    dc.lookup = lookup_xres;
    dc.lookup_ctx = bsf;
    dc.replay = &bsf->replay;
    rc = utsec_digest_server_init(&bsf->srv, &dc);
    if (rc != 0) {
        utsec_wipe(bsf, sizeof(*bsf));
        return rc;
    }
    bsf->cfg = *cfg;
    pending_drop_all(bsf);
    return 0;
}

static int reject(utsec_boot_bsf_reply_t *reply, int status, int rc)
{
    reply->status = status;
    reply->event = UTSEC_BOOT_BSF_REJECTED;
    return rc;
}

/* Status for a failed HSS / USS / store call. */
static int callback_failed(utsec_boot_bsf_reply_t *reply, int rc)
{
    int status = 403;

    if (rc == UTSEC_ERR_NOT_FOUND)
        rc = UTSEC_ERR_UNKNOWN_ID;
    else if (rc != UTSEC_ERR_MAC_S_FAILURE)
        status = 500;
    if (rc > 0)
        rc = UTSEC_ERR_CALLBACK;
    return reject(reply, status, rc);
}

/* A 401 with a new vector, kept for the answer: a fresh one from the HSS
 * (TS 24.109 §4.2), or for RESYNCED the one the HSS makes from RAND + AUTS
 * (§4.5, A.4). */
static int challenge(utsec_boot_bsf_t *bsf, utsec_boot_bsf_reply_t *reply,
                     utsec_boot_bsf_event_t event, int stale)
{
    const utsec_digest_str_t *user = &bsf->auth.username;
    int rc;

    if (event == UTSEC_BOOT_BSF_RESYNCED) {
        pending_drop_rand(bsf, bsf->vr.rand);
        rc = bsf->cfg.hss_resync(bsf->cfg.hss_ctx, user->ptr, user->len,
                                 bsf->vr.rand, bsf->vr.auts, &bsf->av);
    } else {
        rc = bsf->cfg.hss_av(bsf->cfg.hss_ctx, user->ptr, user->len, &bsf->av);
    }
    if (rc != 0) {
        utsec_aka_vector_wipe(&bsf->av);
        return callback_failed(reply, rc);
    }
    pending_put(bsf, user->ptr, user->len, bsf_now(bsf));
    rc = utsec_digest_server_challenge_aka(&bsf->srv, bsf->av.rand,
                                           bsf->av.autn, stale, bsf->www,
                                           sizeof(bsf->www), NULL);
    utsec_aka_vector_wipe(&bsf->av);
    if (rc != 0)
        return reject(reply, 500, rc);
    reply->status = 401;
    reply->event = event;
    reply->www_authenticate = bsf->www;
    return 0;
}

/* The new context: B-TID from RAND (TS 33.220 §4.5.2), Ks = CK || IK. */
static int make_context(utsec_boot_bsf_t *bsf, utsec_boot_bsf_pending_t *p,
                        size_t *body_len)
{
    size_t btid_len = 0;
    int64_t now = bsf_now(bsf);
    int rc;

    if (now < 0 || now > INT64_MAX - bsf->cfg.key_lifetime)
        return UTSEC_ERR_BAD_TIME;
    rc = utsec_gba_btid_build(p->av.rand, bsf->cfg.bsf_host,
                              bsf->cfg.bsf_host_len, bsf->btid,
                              sizeof(bsf->btid), &btid_len);
    if (rc != 0)
        return rc;
    memcpy(bsf->ks, p->av.ck, UTSEC_AKA_KEY_LEN);
    memcpy(bsf->ks + UTSEC_AKA_KEY_LEN, p->av.ik, UTSEC_AKA_KEY_LEN);
    rc = utsec_boot_ctx_set(&bsf->ctx, bsf->btid, btid_len, p->av.rand,
                            bsf->ks, p->impi, p->impi_len, now,
                            now + bsf->cfg.key_lifetime);
    utsec_wipe(bsf->ks, sizeof(bsf->ks));
    if (rc == 0 && bsf->cfg.uss != NULL &&
        bsf->cfg.uss(bsf->cfg.uss_ctx, &bsf->ctx) != 0)
        rc = UTSEC_ERR_CALLBACK;
    if (rc == 0)
        rc = utsec_boot_info_format(bsf->btid, btid_len, bsf->ctx.lifetime,
                                    NULL, bsf->body, sizeof(bsf->body),
                                    body_len);
    return rc;
}

/* Success: context, body, Authentication-Info over the body (auth-int),
 * then store (TS 24.109 §4.2). */
static int bootstrapped(utsec_boot_bsf_t *bsf, utsec_boot_bsf_reply_t *reply)
{
    const utsec_digest_str_t *user = &bsf->auth.username;
    utsec_boot_bsf_pending_t *p;
    size_t body_len = 0;
    int rc;

    p = pending_find(bsf, bsf->vr.rand, user->ptr, user->len);
    if (p == NULL)
        return reject(reply, 500, UTSEC_ERR_STATE); /* lookup found it */
    rc = make_context(bsf, p, &body_len);
    pending_drop(p); /* each vector is used once */
    if (rc == 0)
        rc = utsec_boot_role_body_hash(&bsf->bh, bsf->body, body_len,
                                       bsf->body_hash);
    if (rc == 0)
        rc = utsec_digest_server_auth_info(&bsf->srv, &bsf->auth, &bsf->vr,
                                           bsf->body_hash, bsf->info,
                                           sizeof(bsf->info), NULL);
    if (rc == 0) {
        rc = bsf->cfg.store->put(bsf->cfg.store->ctx, &bsf->ctx);
        if (rc > 0)
            rc = UTSEC_ERR_CALLBACK;
    }
    if (rc != 0) {
        utsec_boot_ctx_wipe(&bsf->ctx);
        return reject(reply, 500, rc);
    }
    reply->status = 200;
    reply->event = UTSEC_BOOT_BSF_BOOTSTRAPPED;
    reply->auth_info = bsf->info;
    reply->content_type = UTSEC_BOOT_INFO_MIME;
    reply->body = bsf->body;
    reply->body_len = body_len;
    reply->btid = bsf->btid;
    reply->lifetime = bsf->ctx.lifetime;
    utsec_boot_ctx_wipe(&bsf->ctx);
    return 0;
}

/* A refused answer: challenge afresh. */
static int rechallenge(utsec_boot_bsf_t *bsf, utsec_boot_bsf_reply_t *reply,
                       int why)
{
    int rc;

    /* Only a wrong response to one of our nonces spends its vector: a
     * foreign, stale or replayed nonce must not let anyone drop another
     * user's outstanding challenge. */
    if (why == UTSEC_ERR_AUTH_FAILED &&
        utsec_aka_nonce_decode(bsf->auth.nonce.ptr, bsf->auth.nonce.len,
                               bsf->rand, bsf->autn, NULL, 0, NULL) == 0)
        pending_drop_rand(bsf, bsf->rand);
    rc = challenge(bsf, reply, UTSEC_BOOT_BSF_CHALLENGED,
                   why == UTSEC_ERR_STALE);
    return rc != 0 ? rc : why;
}

UTSEC_API int utsec_boot_bsf_handle(utsec_boot_bsf_t *bsf, const char *method,
                                    size_t method_len, const char *uri,
                                    size_t uri_len, const char *authorization,
                                    size_t authorization_len,
                                    utsec_boot_bsf_reply_t *reply)
{
    int rc;

    if (bsf == NULL || method == NULL || uri == NULL || reply == NULL ||
        bsf->cfg.store == NULL)
        return UTSEC_ERR_INVALID_ARG;
    memset(reply, 0, sizeof(*reply));
    rc = authorization == NULL
             ? UTSEC_ERR_PARSE /* no user to challenge */
             : utsec_digest_parse_authorization(authorization,
                                                authorization_len, &bsf->auth,
                                                bsf->scratch,
                                                sizeof(bsf->scratch));
    if (rc == 0 && (bsf->auth.username.len == 0 ||
                    memchr(bsf->auth.username.ptr, '\0',
                           bsf->auth.username.len) != NULL))
        rc = UTSEC_ERR_PARSE;
    if (rc == 0 && bsf->auth.username.len > UTSEC_BOOT_IMPI_MAX)
        rc = UTSEC_ERR_TOO_LONG;
    if (rc != 0)
        return reject(reply, 400, rc);
    /* TS 24.109 A.3: the first request carries an empty nonce. */
    if (bsf->auth.nonce.len == 0)
        return challenge(bsf, reply, UTSEC_BOOT_BSF_CHALLENGED, 0);
    rc = utsec_digest_server_verify(&bsf->srv, &bsf->auth, method, method_len,
                                    uri, uri_len, NULL, &bsf->vr);
    switch (rc) {
    case 0:
        rc = bootstrapped(bsf, reply);
        break;
    case UTSEC_ERR_SYNC_FAILURE:
        rc = challenge(bsf, reply, UTSEC_BOOT_BSF_RESYNCED, 0);
        break;
    case UTSEC_ERR_AUTH_FAILED:
    case UTSEC_ERR_STALE:
    case UTSEC_ERR_NONCE:
    case UTSEC_ERR_REPLAY:
        rc = rechallenge(bsf, reply, rc);
        break;
    default: /* a failed lookup: 500; UNSUPPORTED algorithm/qop,
              * URI_MISMATCH, ...: 400 */
        rc = reject(reply, rc == UTSEC_ERR_CALLBACK ? 500 : 400, rc);
        break;
    }
    utsec_wipe(&bsf->vr, sizeof(bsf->vr));
    return rc;
}
