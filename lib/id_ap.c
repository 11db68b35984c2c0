/*
 * The Authentication Proxy's decision (TS 24.109 §7, TS 33.222 §4.4) and
 * the application server's trust rule for X-3GPP-Asserted-Identity.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "id_internal.h"

UTSEC_API int utsec_id_ap_decide(const utsec_id_ap_config_t *cfg,
                                 const utsec_id_ue_headers_t *req,
                                 utsec_id_ap_decision_t *d, char *asserted,
                                 size_t asserted_size)
{
    utsec_id_ap_decision_t r;
    utsec_id_view_t intended;
    const utsec_id_view_t *ids;
    size_t k, n, len = 0;
    int rc;

    if (cfg == NULL || req == NULL || d == NULL || asserted == NULL ||
        asserted_size == 0 || (cfg->allowed == NULL && cfg->n_allowed != 0) ||
        (cfg->ue_asserted != UTSEC_ID_UE_ASSERTED_REJECT &&
         cfg->ue_asserted != UTSEC_ID_UE_ASSERTED_STRIP))
        return UTSEC_ERR_INVALID_ARG;
    if (cfg->n_allowed > UTSEC_ID_MAX_ITEMS)
        return UTSEC_ERR_TOO_MANY;
    /* utsec_id_uri_validate() refuses a NULL pointer with a length
     * (UTSEC_ERR_INVALID_ARG) */
    for (k = 0; k < cfg->n_allowed; k++)
        if ((rc = utsec_id_uri_validate(cfg->allowed[k].ptr,
                                        cfg->allowed[k].len)) != 0)
            return rc;
    memset(&r, 0, sizeof(r));
    r.remove = UTSEC_ID_HDR_AUTHORIZATION; /* 24.109 §7.1 */
    asserted[0] = '\0';
    /* by default, the identities from the user's security settings */
    ids = cfg->allowed;
    n = cfg->n_allowed;

    if (req->present & UTSEC_ID_HDR_ASSERTED) {
        if (cfg->ue_asserted == UTSEC_ID_UE_ASSERTED_REJECT) {
            r.status = 403;
            r.reason = UTSEC_ERR_ASSERTED_FROM_UE; /* 24.547 A.2.2.2 */
            goto out;
        }
        r.remove |= UTSEC_ID_HDR_ASSERTED;
    }
    if (req->present & UTSEC_ID_HDR_INTENDED) {
        rc = utsec_id_intended_parse(req->intended.ptr, req->intended.len,
                                     &intended, NULL);
        if (rc == UTSEC_ERR_INVALID_ARG)
            return rc;
        if (rc != 0) {
            r.status = 400;
            r.reason = rc;
            goto out;
        }
        if (cfg->verify_intended) {
            for (k = 0; k < cfg->n_allowed; k++)
                if (utsec_id_uri_equal(intended.ptr, intended.len,
                                       cfg->allowed[k].ptr,
                                       cfg->allowed[k].len) == 1)
                    break;
            n = 0; /* not allowed: refused below */
            if (k < cfg->n_allowed) {
                /* assert the network's spelling of the identity */
                ids = &cfg->allowed[k];
                n = 1;
            }
        }
        /* not verified: the UE's claim is not asserted; fall through to
         * the identities from the user's security settings */
    }
    if (n == 0) {
        r.status = 403;
        r.reason = UTSEC_ERR_FORBIDDEN;
        goto out;
    }
    rc = utsec_id_header_format(ids, n, asserted, asserted_size, &len);
    if (rc != 0)
        return rc;
    r.accept = 1;
    r.asserted_len = len;
out:
    *d = r;
    return 0;
}

UTSEC_API int utsec_id_as_asserted(int peer_trusted, const char *value,
                                   size_t len, utsec_id_view_t *ids,
                                   size_t max_ids, size_t *n_ids)
{
    if (ids == NULL || n_ids == NULL || max_ids == 0)
        return UTSEC_ERR_INVALID_ARG;
    if (!peer_trusted)
        return UTSEC_ERR_UNTRUSTED_PEER;
    if (value == NULL)
        return UTSEC_ERR_NOT_FOUND;
    return utsec_id_header_parse(value, len, ids, max_ids, n_ids, NULL);
}
