/*
 * Constant-time check of Ub bootstrapping (see ct.h): a whole run of the
 * UE and BSF state machines with every secret marked -- the subscriber key
 * K and OP on both sides (a software USIM on the UE, vector generation in
 * the HSS callback), hence RES, CK and IK on the UE and XRES, CK and IK at
 * the BSF, the BSF's nonce-MAC secret, and Ks. What goes on the wire is
 * published: RAND and AUTN (by the HSS callback), the Authorization with
 * its response (by the test, as the transport would send it), the BSF's
 * replies. Inside the library only the verdicts (MAC-A, nonce MAC,
 * digest response, rspauth, H(A1) format) and SQN after its MAC verified
 * are declassified (UTSEC_CT_PUBLIC). After the run, Ks as both sides hold
 * it is checked through the per-NAF calls: Ks_NAF / Ks_int_NAF, the Ua
 * password, export, and the Zn lookup. Only the final key comparison is
 * published.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ct.h"

#include "crypto.h"
#include "utsec/utsec.h"
#include "../support/boot_fixture.h"

static const char impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char bsf_host[] = "bsf.mnc001.mcc001.pub.3gppnetwork.org";
static const uint8_t naf_id[] = "xcap.example.org\x01\x00\x00\x00\x02";
static const uint8_t rand_ref[16] = {0x23, 0x55, 0x3c, 0xbe, 0x96, 0x37, 0xa8, 0x9d,
                                     0x21, 0x8a, 0xe6, 0x4d, 0xae, 0x47, 0xbf, 0x35};
/* TS 35.207 test set 1 */
static const uint8_t k_ref[16] = {0x46, 0x5b, 0x5c, 0xe8, 0xb1, 0x99, 0xb4, 0x9f,
                                  0xaa, 0x5f, 0x0a, 0x2e, 0xe2, 0x38, 0xa6, 0xbc};
static const uint8_t op_ref[16] = {0xcd, 0xc2, 0x02, 0xd5, 0x12, 0x3e, 0x20, 0xf6,
                                   0x2b, 0x6d, 0x67, 0x6a, 0xc7, 0x2c, 0xb3, 0x18};

static utsec_aka_key_t key_ue, key_hn;
static utsec_aka_sqn_state_t sqn_ue;
static uint64_t seq_hn = 1;

static int64_t clk(void *ctx)
{
    (void)ctx;
    return 1700000000;
}

static int rng(void *ctx, unsigned char *out, size_t len)
{
    (void)ctx;
    memset(out, 0x3c, len);
    return 0;
}

/* K and OP secret before the key schedule and OPc are computed. */
static void key_setup(utsec_aka_key_t *key)
{
    uint8_t k[16], op[16];

    memcpy(k, k_ref, 16);
    memcpy(op, op_ref, 16);
    CT_SECRET(k, sizeof(k));
    CT_SECRET(op, sizeof(op));
    utsec_aka_key_init(key);
    CT_EXPECT(utsec_aka_key_setup_milenage(key, k, op, 1, 8) == 0);
    utsec_wipe(k, sizeof(k));
    utsec_wipe(op, sizeof(op));
}

static int usim(void *ctx, const uint8_t r[16], const uint8_t a[16], utsec_aka_ue_result_t *out)
{
    utsec_aka_soft_usim_t u;

    (void)ctx;
    u.key = &key_ue;
    u.sqn = &sqn_ue;
    return utsec_aka_soft_usim(&u, r, a, out);
}

/* The HSS: a fresh vector from the secret K; RAND and AUTN go on the air. */
static int hss_av(void *ctx, const char *id, size_t len, utsec_aka_vector_t *av)
{
    uint8_t sqn[6], amf[2] = {0x80, 0x00};
    int rc;

    (void)ctx;
    (void)id;
    (void)len;
    CT_EXPECT(utsec_aka_sqn_compose(seq_hn++, 0, UTSEC_AKA_IND_BITS_DEFAULT, sqn) == 0);
    rc = utsec_aka_vector_from_rand(&key_hn, rand_ref, sqn, amf, av);
    CT_PUBLISH(av->rand, sizeof(av->rand));
    CT_PUBLISH(av->autn, sizeof(av->autn));
    CT_PUBLISH(&rc, sizeof(rc));
    return rc;
}

static int hss_resync(void *ctx, const char *id, size_t len, const uint8_t r[16],
                      const uint8_t auts[14], utsec_aka_vector_t *av)
{
    (void)r;
    (void)auts;
    return hss_av(ctx, id, len, av);
}

static utsec_boot_ue_t ue;
static utsec_boot_bsf_t bsf;
static utsec_boot_ctx_t slots[2];
static utsec_boot_mem_t mem;
static utsec_boot_store_t store;
static utsec_boot_bsf_pending_t pending[2];
static utsec_digest_replay_entry_t replay[4];
static utsec_boot_zn_answer_t zn;
static char authz[UTSEC_BOOT_UE_AUTHZ_SIZE], ua[UTSEC_BOOT_UE_UA_SIZE];
static uint8_t secret[16] = "nonce-mac-secret";

/* The peer sees the whole reply. */
static void publish_reply(utsec_boot_bsf_reply_t *r)
{
    CT_PUBLISH(r, sizeof(*r));
    if (r->www_authenticate != NULL)
        CT_PUBLISH(r->www_authenticate, strlen(r->www_authenticate));
    if (r->auth_info != NULL)
        CT_PUBLISH(r->auth_info, strlen(r->auth_info));
    if (r->body != NULL)
        CT_PUBLISH(r->body, r->body_len);
}

static void ub_run(void)
{
    utsec_boot_ue_config_t uc;
    utsec_boot_bsf_config_t bc;
    utsec_boot_bsf_reply_t r;
    utsec_boot_ctx_t exported;
    uint8_t k[32], k2[32];
    char pw[UTSEC_GBA_PASSWORD_SIZE];
    int rc, same, i;

    key_setup(&key_ue);
    key_setup(&key_hn);
    CT_EXPECT(utsec_aka_sqn_init(&sqn_ue, UTSEC_AKA_IND_BITS_DEFAULT,
                                 UTSEC_AKA_DELTA_DEFAULT, 0) == 0);
    CT_SECRET(secret, sizeof(secret));
    memset(&uc, 0, sizeof(uc));
    uc.impi = impi;
    uc.impi_len = sizeof(impi) - 1;
    uc.bsf_host = bsf_host;
    uc.bsf_host_len = sizeof(bsf_host) - 1;
    uc.usim = usim;
    uc.rng = rng;
    uc.time = clk;
    tf_bsf_config(&bc, bsf_host, secret, sizeof(secret), rng, clk, &store, pending, 2, replay, 4);
    bc.hss_av = hss_av;
    bc.hss_resync = hss_resync;
    rc = utsec_boot_mem_init(&mem, slots, 2, clk, NULL, &store);
    CT_EXPECT(rc == 0);
    CT_EXPECT(utsec_boot_ue_init(&ue, &uc) == 0);
    CT_EXPECT(utsec_boot_bsf_init(&bsf, &bc) == 0);
    CT_EXPECT(utsec_boot_ue_start(&ue, authz, sizeof(authz), NULL, ua, sizeof(ua), NULL) == 0);
    rc = utsec_boot_bsf_handle(&bsf, "GET", 3, "/", 1, authz, strlen(authz), &r);
    publish_reply(&r);
    CT_EXPECT(rc == 0 && r.status == 401);
    rc = utsec_boot_ue_on_401(&ue, r.www_authenticate, strlen(r.www_authenticate), authz,
                              sizeof(authz), NULL, NULL);
    CT_PUBLISH(authz, sizeof(authz)); /* the answer goes on the wire */
    CT_EXPECT(rc == 0);
    rc = utsec_boot_bsf_handle(&bsf, "GET", 3, "/", 1, authz, strlen(authz), &r);
    publish_reply(&r);
    CT_EXPECT(rc == 0 && r.status == 200);
    rc = utsec_boot_ue_on_200(&ue, r.auth_info, strlen(r.auth_info), r.body, r.body_len);
    CT_EXPECT(rc == 0);
    /* from here on Ks is secret on both sides */
    CT_SECRET(ue.boot.ks, sizeof(ue.boot.ks));
    for (i = 0; i < 2; i++)
        CT_SECRET(slots[i].ks, sizeof(slots[i].ks));
    rc = utsec_boot_ue_ks_naf(&ue, naf_id, sizeof(naf_id) - 1, UTSEC_GBA_VARIANT_ME, k);
    CT_EXPECT(rc == 0);
    rc = utsec_boot_ue_ks_naf(&ue, naf_id, sizeof(naf_id) - 1, UTSEC_GBA_VARIANT_U_INT, k2);
    CT_EXPECT(rc == 0);
    rc = utsec_boot_ue_ua_password(&ue, "xcap.example.org", 16, UTSEC_GBA_UA_HTTP_DIGEST,
                                   UTSEC_GBA_VARIANT_ME, pw, sizeof(pw));
    CT_EXPECT(rc == 0);
    rc = utsec_boot_ue_export(&ue, &exported);
    CT_EXPECT(rc == 0);
    rc = utsec_boot_zn_lookup(&store, r.btid, strlen(r.btid), naf_id, sizeof(naf_id) - 1,
                              UTSEC_GBA_VARIANT_ME, 1700000000, &zn);
    CT_EXPECT(rc == 0);
    same = utsec_ct_equal(k, zn.key, 32) & utsec_ct_equal(exported.ks, ue.boot.ks, 32);
    CT_PUBLISH(&same, sizeof(same));
    CT_EXPECT(same == 1);
    utsec_wipe(k2, sizeof(k2));
    utsec_wipe(pw, sizeof(pw));
    utsec_boot_ctx_wipe(&exported);
    utsec_wipe(k, sizeof(k));
    utsec_boot_ue_free(&ue);
    utsec_boot_bsf_free(&bsf);
    utsec_boot_mem_free(&mem);
    utsec_aka_key_free(&key_ue);
    utsec_aka_key_free(&key_hn);
}

int main(void)
{
    CT_RUN(ub_run);
    return CT_DONE();
}
