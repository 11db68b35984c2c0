/*
 * Ub, UE side (TS 24.109 §4.4, Annex A; TS 33.220 §4.5.2): the first
 * request, the AKA answer or AUTS, the 200 OK with rspauth and the
 * BootstrappingInfo, then Ks_NAF on demand until the lifetime ends.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ascii.h"
#include "boot_role_internal.h"
#include "crypto.h"
#include "utsec/bootstrap.h"

#include <string.h>

static const char default_product[] = "libutsec";

/* A header-safe configured text: printable ASCII without '"' and '\'. */
static int copy_field(char *dst, size_t *dst_len, const char *s, size_t n)
{
    size_t i;

    if (s == NULL || n == 0)
        return UTSEC_ERR_INVALID_ARG;
    if (n > UTSEC_BOOT_FIELD_MAX)
        return UTSEC_ERR_TOO_LONG;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x20 || ch >= 0x7F || ch == '"' || ch == '\\')
            return UTSEC_ERR_INVALID_ARG;
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
    *dst_len = n;
    return 0;
}

static int64_t ue_now(const utsec_boot_ue_t *ue)
{
    return ue->time != NULL ? ue->time(ue->time_ctx) : utsec_time_now(NULL);
}

/* Drop everything of the current run and of the current bootstrapping. */
static void drop_keys(utsec_boot_ue_t *ue)
{
    utsec_aka_ue_result_wipe(&ue->aka);
    utsec_boot_ctx_wipe(&ue->boot);
    utsec_wipe(ue->pending_rand, sizeof(ue->pending_rand));
    utsec_wipe(&ue->info, sizeof(ue->info));
}

/* TS 33.220 §4.5.2: the BSF names the bootstrapping B-TID =
 * base64(RAND) "@" BSF server name, with the RAND of the challenge the UE
 * answered. A B-TID that is not exactly that (another RAND: a context of an
 * earlier run or of someone else; another host) is refused. The base64 part
 * is compared exactly; the host without regard to letter case (DNS names,
 * RFC 4343). */
static int btid_matches(const utsec_boot_ue_t *ue, const char *btid,
                        size_t btid_len, const uint8_t run_rand[UTSEC_AKA_RAND_LEN])
{
    uint8_t rand[UTSEC_AKA_RAND_LEN];
    const char *host = NULL;
    size_t host_len = 0;
    int ok;

    if (utsec_gba_btid_parse(btid, btid_len, rand, &host, &host_len) != 0)
        return 0;
    ok = utsec_ct_equal(rand, run_rand, sizeof(rand)) &&
         utsec_ascii_ieq(host, host_len, ue->bsf_host, ue->bsf_host_len);
    utsec_wipe(rand, sizeof(rand));
    return ok;
}

static int fail(utsec_boot_ue_t *ue, int rc)
{
    drop_keys(ue);
    ue->state = UTSEC_BOOT_UE_FAILED;
    return rc;
}

UTSEC_API void utsec_boot_ue_free(utsec_boot_ue_t *ue)
{
    if (ue == NULL)
        return;
    utsec_digest_client_free(&ue->cl);
    utsec_wipe(ue, sizeof(*ue)); /* state IDLE with no IMPI: start refuses */
}

UTSEC_API int utsec_boot_ue_init(utsec_boot_ue_t *ue,
                                 const utsec_boot_ue_config_t *cfg)
{
    int rc;

    if (ue == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_wipe(ue, sizeof(*ue));
    ue->state = UTSEC_BOOT_UE_FAILED;
    if (cfg == NULL || cfg->usim == NULL || cfg->rng == NULL)
        return UTSEC_ERR_INVALID_ARG;
    /* Defaults: the user name is the IMPI, the realm the BSF's host. */
    rc = copy_field(ue->impi, &ue->impi_len, cfg->impi, cfg->impi_len);
    if (rc == 0)
        rc = copy_field(ue->username, &ue->username_len,
                        cfg->username != NULL ? cfg->username : cfg->impi,
                        cfg->username != NULL ? cfg->username_len
                                              : cfg->impi_len);
    if (rc == 0)
        rc = copy_field(ue->bsf_host, &ue->bsf_host_len, cfg->bsf_host,
                        cfg->bsf_host_len);
    if (rc == 0)
        rc = copy_field(ue->realm, &ue->realm_len,
                        cfg->realm != NULL ? cfg->realm : cfg->bsf_host,
                        cfg->realm != NULL ? cfg->realm_len
                                           : cfg->bsf_host_len);
    if (rc == 0)
        rc = copy_field(ue->product, &ue->product_len,
                        cfg->product != NULL ? cfg->product : default_product,
                        cfg->product != NULL ? cfg->product_len
                                             : sizeof(default_product) - 1);
    if (rc == 0 && !utsec_gba_host_valid(ue->bsf_host, ue->bsf_host_len))
        rc = UTSEC_ERR_BAD_HOST;
    if (rc == 0)
        rc = utsec_digest_client_init(&ue->cl, cfg->rng, cfg->rng_ctx);
    if (rc != 0) {
        utsec_wipe(ue, sizeof(*ue));
        ue->state = UTSEC_BOOT_UE_FAILED;
        return rc;
    }
    ue->tmpi_capable = cfg->tmpi_capable ? 1 : 0;
    ue->usim = cfg->usim;
    ue->usim_ctx = cfg->usim_ctx;
    ue->time = cfg->time;
    ue->time_ctx = cfg->time_ctx;
    ue->state = UTSEC_BOOT_UE_IDLE;
    return 0;
}

UTSEC_API utsec_boot_ue_state_t utsec_boot_ue_state(const utsec_boot_ue_t *ue)
{
    return ue != NULL ? ue->state : UTSEC_BOOT_UE_FAILED;
}

/* A text being built: the first error is kept and stops further appends. */
struct out {
    char *buf;
    size_t size, pos;
    int rc;
};

/* Append n octets and a NUL, or latch BUFFER_TOO_SMALL (room for the NUL
 * kept). */
static void put(struct out *o, const char *s, size_t n)
{
    if (o->rc != 0)
        return;
    if (o->size - o->pos <= n) {
        o->rc = UTSEC_ERR_BUFFER_TOO_SMALL;
        return;
    }
    memcpy(o->buf + o->pos, s, n);
    o->pos += n;
    o->buf[o->pos] = '\0';
}

#define PUT_LIT(o, lit) put((o), (lit), sizeof(lit) - 1)

UTSEC_API int utsec_boot_ue_start(utsec_boot_ue_t *ue, char *authz,
                                  size_t authz_size, size_t *authz_len,
                                  char *user_agent, size_t ua_size,
                                  size_t *ua_len)
{
    struct out a = {authz, authz_size, 0, 0}, u = {user_agent, ua_size, 0, 0};

    if (ue == NULL || authz == NULL || user_agent == NULL || authz_size == 0 ||
        ua_size == 0 || ue->impi_len == 0)
        return UTSEC_ERR_INVALID_ARG;
    /* TS 24.109 A.3 table A.3-1: the empty nonce and response. */
    PUT_LIT(&a, "Digest username=\"");
    put(&a, ue->username, ue->username_len);
    PUT_LIT(&a, "\", realm=\"");
    put(&a, ue->realm, ue->realm_len);
    PUT_LIT(&a, "\", nonce=\"\", uri=\"" UTSEC_BOOT_UB_URI "\", response=\"\"");
    u.rc = a.rc; /* no User-Agent after a failed Authorization */
    put(&u, ue->product, ue->product_len);
    if (ue->tmpi_capable)
        PUT_LIT(&u, " " UTSEC_BOOT_UA_TOKEN_TMPI);
    if (u.rc != 0) {
        authz[0] = '\0';
        user_agent[0] = '\0';
        return u.rc;
    }
    drop_keys(ue);
    ue->rounds = 0;
    ue->state = UTSEC_BOOT_UE_SENT_INITIAL;
    if (authz_len != NULL)
        *authz_len = a.pos;
    if (ua_len != NULL)
        *ua_len = u.pos;
    return 0;
}

/* The USIM as the Digest client sees it: remember RAND, then run the card. */
static int usim_tap(void *ctx, const uint8_t rand[UTSEC_AKA_RAND_LEN],
                    const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                    utsec_aka_ue_result_t *out)
{
    utsec_boot_ue_t *ue = ctx;

    memcpy(ue->pending_rand, rand, UTSEC_AKA_RAND_LEN);
    return ue->usim(ue->usim_ctx, rand, autn, out);
}

UTSEC_API int utsec_boot_ue_on_401(utsec_boot_ue_t *ue,
                                   const char *www_authenticate, size_t len,
                                   char *authz, size_t authz_size,
                                   size_t *authz_len, int *resync)
{
    utsec_digest_str_t realm;
    int rc, sync = 0;

    if (ue == NULL || www_authenticate == NULL || authz == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (ue->state != UTSEC_BOOT_UE_SENT_INITIAL &&
        ue->state != UTSEC_BOOT_UE_SENT_RESPONSE &&
        ue->state != UTSEC_BOOT_UE_SENT_AUTS)
        return UTSEC_ERR_STATE;
    rc = utsec_digest_client_challenge(
        &ue->cl, www_authenticate, len,
        UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV1_MD5), 1, NULL);
    if (rc != 0)
        return rc;
    /* TS 24.109 §4.2, A.3: realm = the home network domain we asked for. */
    rc = utsec_digest_client_realm(&ue->cl, &realm);
    if (rc != 0)
        return rc;
    if (realm.len != ue->realm_len ||
        memcmp(realm.ptr, ue->realm, realm.len) != 0 ||
        ue->rounds >= UTSEC_BOOT_UE_MAX_ROUNDS)
        return fail(ue, UTSEC_ERR_BOOTSTRAP);
    utsec_aka_ue_result_wipe(&ue->aka);
    rc = utsec_digest_client_authorize_aka(
        &ue->cl, ue->username, ue->username_len, usim_tap, ue,
        UTSEC_BOOT_UB_METHOD, sizeof(UTSEC_BOOT_UB_METHOD) - 1,
        UTSEC_BOOT_UB_URI, sizeof(UTSEC_BOOT_UB_URI) - 1, NULL, &ue->aka,
        &sync, authz, authz_size, authz_len);
    /* MAC failure: TS 24.109 §4.4, the network is not genuine: stop. Any
     * other error here comes after the USIM ran or the client took the new
     * challenge: the earlier answer is gone, so the run ends too. */
    if (rc != 0)
        return fail(ue, rc);
    ue->rounds++;
    if (sync) {
        utsec_aka_ue_result_wipe(&ue->aka); /* AUTS is on the wire now */
        ue->state = UTSEC_BOOT_UE_SENT_AUTS;
    } else {
        ue->state = UTSEC_BOOT_UE_SENT_RESPONSE;
    }
    if (resync != NULL)
        *resync = sync;
    return 0;
}

UTSEC_API int utsec_boot_ue_on_200(utsec_boot_ue_t *ue, const char *auth_info,
                                   size_t auth_info_len, const char *body,
                                   size_t body_len)
{
    uint8_t ks[UTSEC_GBA_KEY_LEN];
    int64_t now;
    int rc;

    if (ue == NULL || (body == NULL && body_len != 0))
        return UTSEC_ERR_INVALID_ARG;
    if (ue->state != UTSEC_BOOT_UE_SENT_RESPONSE)
        return UTSEC_ERR_STATE;
    /* RFC 3310 §3.5 / RFC 7616 §3.5: rspauth with H(response body) for
     * auth-int; the BSF proves it knows XRES. */
    rc = auth_info == NULL ? UTSEC_ERR_RSPAUTH
                           : utsec_boot_role_body_hash(&ue->bh, body, body_len,
                                                       ue->body_hash);
    if (rc == 0)
        rc = utsec_digest_client_verify_info(&ue->cl, auth_info, auth_info_len,
                                             ue->body_hash);
    if (rc == 0)
        rc = utsec_boot_info_parse(body != NULL ? body : "", body_len,
                                   &ue->info);
    if (rc == 0 &&
        !btid_matches(ue, ue->info.btid, ue->info.btid_len, ue->pending_rand))
        rc = UTSEC_ERR_BTID_MISMATCH;
    if (rc == 0) {
        now = ue_now(ue);
        if (ue->info.lifetime <= now)
            rc = UTSEC_ERR_EXPIRED;
    }
    if (rc == 0) {
        memcpy(ks, ue->aka.ck, UTSEC_AKA_KEY_LEN);
        memcpy(ks + UTSEC_AKA_KEY_LEN, ue->aka.ik, UTSEC_AKA_KEY_LEN);
        rc = utsec_boot_ctx_set(&ue->boot, ue->info.btid, ue->info.btid_len,
                                ue->pending_rand, ks, ue->impi, ue->impi_len,
                                now, ue->info.lifetime);
        utsec_wipe(ks, sizeof(ks));
    }
    if (rc != 0)
        return fail(ue, rc);
    utsec_aka_ue_result_wipe(&ue->aka);
    ue->state = UTSEC_BOOT_UE_BOOTSTRAPPED;
    return 0;
}

UTSEC_API int utsec_boot_ue_check(utsec_boot_ue_t *ue)
{
    if (ue == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (ue->state == UTSEC_BOOT_UE_RENEGOTIATE)
        return UTSEC_ERR_RENEGOTIATE;
    if (ue->state != UTSEC_BOOT_UE_BOOTSTRAPPED)
        return UTSEC_ERR_STATE;
    /* TS 33.220 §4.5.2: the key is not used after its lifetime. */
    if (utsec_gba_key_valid(ue->boot.lifetime, ue_now(ue)) != 0) {
        drop_keys(ue);
        ue->state = UTSEC_BOOT_UE_RENEGOTIATE;
        return UTSEC_ERR_RENEGOTIATE;
    }
    return 0;
}

UTSEC_API int utsec_boot_ue_renegotiate(utsec_boot_ue_t *ue)
{
    if (ue == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (ue->state != UTSEC_BOOT_UE_BOOTSTRAPPED &&
        ue->state != UTSEC_BOOT_UE_RENEGOTIATE)
        return UTSEC_ERR_STATE;
    drop_keys(ue);
    ue->state = UTSEC_BOOT_UE_RENEGOTIATE;
    return 0;
}

UTSEC_API int utsec_boot_ue_btid(utsec_boot_ue_t *ue, char *btid,
                                 size_t btid_size, size_t *btid_len,
                                 int64_t *lifetime)
{
    int rc;

    if (ue == NULL || btid == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_boot_ue_check(ue);
    if (rc != 0)
        return rc;
    if (btid_size <= ue->boot.btid_len)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(btid, ue->boot.btid, ue->boot.btid_len + 1);
    if (btid_len != NULL)
        *btid_len = ue->boot.btid_len;
    if (lifetime != NULL)
        *lifetime = ue->boot.lifetime;
    return 0;
}

UTSEC_API int utsec_boot_ue_export(utsec_boot_ue_t *ue, utsec_boot_ctx_t *out)
{
    int rc;

    if (ue == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_boot_ue_check(ue);
    if (rc == 0)
        memcpy(out, &ue->boot, sizeof(*out));
    return rc;
}

UTSEC_API int utsec_boot_ue_import(utsec_boot_ue_t *ue, const utsec_boot_ctx_t *c)
{
    size_t i;

    if (ue == NULL || c == NULL || c->btid_len == 0 || c->btid_len > UTSEC_BOOT_BTID_MAX ||
        c->btid[c->btid_len] != '\0' || c->impi_len > UTSEC_BOOT_IMPI_MAX ||
        c->impi[c->impi_len] != '\0' || c->n_ids > UTSEC_BOOT_MAX_IDS)
        return UTSEC_ERR_INVALID_ARG;
    for (i = 0; i < c->n_ids; i++)
        if (memchr(c->ids[i], '\0', sizeof(c->ids[i])) == NULL)
            return UTSEC_ERR_INVALID_ARG;
    if (c->impi_len != ue->impi_len || memcmp(c->impi, ue->impi, ue->impi_len) != 0)
        return UTSEC_ERR_IMPI_MISMATCH;
    if (!btid_matches(ue, c->btid, c->btid_len, c->rand))
        return UTSEC_ERR_BTID_MISMATCH;
    /* TS 33.220 §4.5.2: an expired key is not used. */
    if (utsec_gba_key_valid(c->lifetime, ue_now(ue)) != 0)
        return UTSEC_ERR_EXPIRED;
    drop_keys(ue);
    memcpy(&ue->boot, c, sizeof(ue->boot));
    ue->state = UTSEC_BOOT_UE_BOOTSTRAPPED;
    return 0;
}

UTSEC_API int utsec_boot_ue_ks_naf(utsec_boot_ue_t *ue, const uint8_t *naf_id,
                                   size_t naf_id_len,
                                   utsec_gba_variant_t variant,
                                   uint8_t out[UTSEC_GBA_KEY_LEN])
{
    int rc;

    if (ue == NULL || naf_id == NULL || naf_id_len == 0 || out == NULL ||
        (variant != UTSEC_GBA_VARIANT_ME && variant != UTSEC_GBA_VARIANT_U_INT))
        return UTSEC_ERR_INVALID_ARG;
    rc = utsec_boot_ue_check(ue);
    if (rc != 0)
        return rc;
    return utsec_gba_ks_naf(ue->boot.ks, variant, ue->boot.rand, ue->boot.impi,
                            ue->boot.impi_len, naf_id, naf_id_len, out);
}

UTSEC_API int utsec_boot_ue_ua_password(utsec_boot_ue_t *ue, const char *fqdn,
                                        size_t fqdn_len,
                                        const uint8_t ua_id[UTSEC_GBA_UA_ID_LEN],
                                        utsec_gba_variant_t variant, char *out,
                                        size_t out_size)
{
    uint8_t naf_id[UTSEC_BOOT_FIELD_MAX + UTSEC_GBA_UA_ID_LEN];
    uint8_t key[UTSEC_GBA_KEY_LEN];
    size_t naf_id_len = 0;
    int rc;

    if (ue == NULL || fqdn == NULL || ua_id == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (out_size < UTSEC_GBA_PASSWORD_SIZE)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    if (fqdn_len > UTSEC_BOOT_FIELD_MAX)
        return UTSEC_ERR_TOO_LONG;
    rc = utsec_gba_naf_id(fqdn, fqdn_len, ua_id, naf_id, sizeof(naf_id),
                          &naf_id_len);
    if (rc == 0)
        rc = utsec_boot_ue_ks_naf(ue, naf_id, naf_id_len, variant, key);
    if (rc == 0)
        rc = utsec_gba_digest_password(key, out, out_size, NULL);
    utsec_wipe(key, sizeof(key));
    return rc;
}
