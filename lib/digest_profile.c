/*
 * 3GPP profiles of HTTP Digest:
 * - Ub (TS 24.109 §4, Annex A): the BSF challenges with AKAv1-MD5, realm =
 *   home network domain, qop auth-int (RFC 3310).
 * - Ua (TS 24.109 §5.2, TS 33.222 §5.3): the NAF challenges with realm
 *   "3GPP-bootstrapping@FQDN" (Ks_(ext)_NAF) and/or
 *   "3GPP-bootstrapping-uicc@FQDN" (Ks_int_NAF); username = B-TID, password =
 *   base64(Ks_NAF) with NAF_Id = FQDN || Ua protocol id (TS 33.220 H.3).
 *   The combined realm with ';' follows the AOSP client (FACTS §2.1, [C]).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "digest_internal.h"

#define ME_PREFIX "3GPP-bootstrapping@"
#define UICC_PREFIX "3GPP-bootstrapping-uicc@"

int utsec_digest_profile_ub(utsec_digest_server_config_t *cfg,
                            const char *home_domain, size_t len)
{
    if (cfg == NULL || home_domain == NULL || len == 0)
        return UTSEC_ERR_INVALID_ARG;
    memset(cfg, 0, sizeof(*cfg));
    cfg->realm = home_domain;
    cfg->realm_len = len;
    cfg->alg_mask = UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV1_MD5);
    cfg->qop_mask = UTSEC_DIGEST_QOP_AUTH_INT;
    return 0;
}

/* The two realm forms, i = 0 (UICC) and 1 (ME), in the order of the
 * combined realm. */
static utsec_digest_ua_realm_t form(int i, const char **prefix, size_t *len)
{
    *prefix = i ? ME_PREFIX : UICC_PREFIX;
    *len = i ? sizeof(ME_PREFIX) - 1 : sizeof(UICC_PREFIX) - 1;
    return i ? UTSEC_DIGEST_UA_REALM_ME : UTSEC_DIGEST_UA_REALM_UICC;
}

int utsec_digest_ua_realm(utsec_digest_ua_realm_t which, const char *fqdn,
                          size_t fqdn_len, char *out, size_t out_size,
                          size_t *out_len)
{
    const char *pre;
    size_t need = 0, len = 0, n;
    int i;

    if (fqdn == NULL || out == NULL ||
        (which != UTSEC_DIGEST_UA_REALM_ME && which != UTSEC_DIGEST_UA_REALM_UICC &&
         which != UTSEC_DIGEST_UA_REALM_BOTH))
        return UTSEC_ERR_INVALID_ARG;
    if (!utsec_gba_host_valid(fqdn, fqdn_len))
        return UTSEC_ERR_BAD_HOST;
    for (i = 0; i < 2; i++)
        if (which & form(i, &pre, &n))
            need += (need ? 1 : 0) + n + fqdn_len; /* ';' between the two */
    if (out_size < need + 1)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    for (i = 0; i < 2; i++) {
        if (!(which & form(i, &pre, &n)))
            continue;
        if (len > 0)
            out[len++] = ';';
        memcpy(out + len, pre, n);
        memcpy(out + len + n, fqdn, fqdn_len);
        len += n + fqdn_len;
    }
    out[len] = '\0';
    if (out_len != NULL)
        *out_len = len;
    return 0;
}

int utsec_digest_ua_realm_parse(const char *realm, size_t realm_len,
                                const char *fqdn, size_t fqdn_len,
                                utsec_gba_variant_t *variant,
                                utsec_digest_str_t *answer_realm)
{
    size_t start = 0, i;
    int bad_host = 0, k;
    utsec_digest_str_t uicc = {NULL, 0};

    if (realm == NULL || fqdn == NULL || variant == NULL || answer_realm == NULL)
        return UTSEC_ERR_INVALID_ARG;
    for (i = 0; i <= realm_len; i++) {
        const char *part, *pre;
        size_t plen, n;
        if (i < realm_len && realm[i] != ';')
            continue;
        part = realm + start;
        plen = i - start;
        start = i + 1;
        /* which prefix (neither is a prefix of the other) */
        for (k = 0; k < 2; k++) {
            (void)form(k, &pre, &n);
            if (plen > n && memcmp(part, pre, n) == 0)
                break;
        }
        if (k == 2)
            continue; /* e.g. the -digest (GBA_Digest) prefix: not handled here */
        /* The FQDN after '@' must be the host the UE addressed (FACTS §2.1). */
        if (!utsec_ascii_ieq(part + n, plen - n, fqdn, fqdn_len)) {
            bad_host = 1;
            continue;
        }
        if (k == 1) {
            /* ME (Ks_(ext)_NAF): the first one is the answer */
            *variant = UTSEC_GBA_VARIANT_ME;
            answer_realm->ptr = part;
            answer_realm->len = plen;
            return 0;
        }
        if (uicc.ptr == NULL) {
            uicc.ptr = part;
            uicc.len = plen;
        }
    }
    if (uicc.ptr != NULL) {
        *variant = UTSEC_GBA_VARIANT_U_INT;
        *answer_realm = uicc;
        return 0;
    }
    return bad_host ? UTSEC_ERR_BAD_HOST : UTSEC_ERR_PARSE;
}

int utsec_digest_ua_password(const uint8_t ck[UTSEC_AKA_KEY_LEN],
                             const uint8_t ik[UTSEC_AKA_KEY_LEN],
                             const uint8_t rand[UTSEC_AKA_RAND_LEN],
                             const char *impi, size_t impi_len,
                             const char *fqdn, size_t fqdn_len,
                             const uint8_t ua_id[UTSEC_GBA_UA_ID_LEN],
                             utsec_gba_variant_t variant, char *out,
                             size_t out_size)
{
    uint8_t naf_id[UTSEC_DIGEST_CLIENT_MAX_FIELD + UTSEC_GBA_UA_ID_LEN];
    uint8_t key[UTSEC_GBA_KEY_LEN];
    size_t naf_id_len;
    int rc;

    if (fqdn == NULL || fqdn_len > UTSEC_DIGEST_CLIENT_MAX_FIELD)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = utsec_gba_naf_id(fqdn, fqdn_len, ua_id, naf_id, sizeof(naf_id),
                               &naf_id_len)) != 0)
        return rc;
    rc = utsec_gba_ks_naf_ck_ik(ck, ik, variant, rand, impi, impi_len, naf_id,
                                naf_id_len, key);
    if (rc == 0)
        rc = utsec_gba_digest_password(key, out, out_size, NULL);
    utsec_wipe(key, sizeof(key));
    return rc;
}

int utsec_digest_profile_ua(utsec_digest_server_config_t *cfg, char *realm_buf,
                            size_t realm_buf_size, utsec_digest_ua_realm_t which,
                            const char *fqdn, size_t fqdn_len)
{
    size_t len;
    int rc;

    if (cfg == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if ((rc = utsec_digest_ua_realm(which, fqdn, fqdn_len, realm_buf,
                                    realm_buf_size, &len)) != 0)
        return rc;
    memset(cfg, 0, sizeof(*cfg));
    cfg->realm = realm_buf;
    cfg->realm_len = len;
    /* TS 24.109 B.2: RFC 7616, so SHA-256 as well as MD5. */
    cfg->alg_mask = UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_SHA256) |
                    UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5);
    cfg->qop_mask = UTSEC_DIGEST_QOP_AUTH | UTSEC_DIGEST_QOP_AUTH_INT;
    return 0;
}
