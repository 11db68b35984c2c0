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

static void append(char *out, size_t *len, const char *s, size_t n)
{
    memcpy(out + *len, s, n);
    *len += n;
}

int utsec_digest_ua_realm(utsec_digest_ua_realm_t which, const char *fqdn,
                          size_t fqdn_len, char *out, size_t out_size,
                          size_t *out_len)
{
    size_t need = 0, len = 0;

    if (fqdn == NULL || out == NULL ||
        (which != UTSEC_DIGEST_UA_REALM_ME && which != UTSEC_DIGEST_UA_REALM_UICC &&
         which != UTSEC_DIGEST_UA_REALM_BOTH))
        return UTSEC_ERR_INVALID_ARG;
    if (!utsec_gba_host_valid(fqdn, fqdn_len))
        return UTSEC_ERR_BAD_HOST;
    if (which & UTSEC_DIGEST_UA_REALM_UICC)
        need += sizeof(UICC_PREFIX) - 1 + fqdn_len;
    if (which & UTSEC_DIGEST_UA_REALM_ME)
        need += sizeof(ME_PREFIX) - 1 + fqdn_len;
    if (which == UTSEC_DIGEST_UA_REALM_BOTH)
        need += 1;
    if (out_size < need + 1)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    if (which & UTSEC_DIGEST_UA_REALM_UICC) {
        append(out, &len, UICC_PREFIX, sizeof(UICC_PREFIX) - 1);
        append(out, &len, fqdn, fqdn_len);
    }
    if (which == UTSEC_DIGEST_UA_REALM_BOTH)
        append(out, &len, ";", 1);
    if (which & UTSEC_DIGEST_UA_REALM_ME) {
        append(out, &len, ME_PREFIX, sizeof(ME_PREFIX) - 1);
        append(out, &len, fqdn, fqdn_len);
    }
    out[len] = '\0';
    if (out_len != NULL)
        *out_len = len;
    return 0;
}

static int host_eq(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i;

    if (alen != blen)
        return 0;
    for (i = 0; i < alen; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
        if (x != y)
            return 0;
    }
    return 1;
}

int utsec_digest_ua_realm_parse(const char *realm, size_t realm_len,
                                const char *fqdn, size_t fqdn_len,
                                utsec_gba_variant_t *variant,
                                utsec_digest_str_t *answer_realm)
{
    size_t start = 0, i;
    int found_me = 0, found_uicc = 0, bad_host = 0;
    utsec_digest_str_t me = {NULL, 0}, uicc = {NULL, 0};

    if (realm == NULL || fqdn == NULL || variant == NULL || answer_realm == NULL)
        return UTSEC_ERR_INVALID_ARG;
    for (i = 0; i <= realm_len; i++) {
        const char *part;
        size_t plen, pre;
        int is_me;
        if (i < realm_len && realm[i] != ';')
            continue;
        part = realm + start;
        plen = i - start;
        start = i + 1;
        if (plen > sizeof(UICC_PREFIX) - 1 &&
            memcmp(part, UICC_PREFIX, sizeof(UICC_PREFIX) - 1) == 0) {
            pre = sizeof(UICC_PREFIX) - 1;
            is_me = 0;
        } else if (plen > sizeof(ME_PREFIX) - 1 &&
                   memcmp(part, ME_PREFIX, sizeof(ME_PREFIX) - 1) == 0) {
            pre = sizeof(ME_PREFIX) - 1;
            is_me = 1;
        } else {
            continue; /* e.g. the -digest (GBA_Digest) prefix: not handled here */
        }
        /* The FQDN after '@' must be the host the UE addressed (FACTS §2.1). */
        if (!host_eq(part + pre, plen - pre, fqdn, fqdn_len)) {
            bad_host = 1;
            continue;
        }
        if (is_me && !found_me) {
            found_me = 1;
            me.ptr = part;
            me.len = plen;
        } else if (!is_me && !found_uicc) {
            found_uicc = 1;
            uicc.ptr = part;
            uicc.len = plen;
        }
    }
    if (found_me) {
        *variant = UTSEC_GBA_VARIANT_ME;
        *answer_realm = me;
        return 0;
    }
    if (found_uicc) {
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
