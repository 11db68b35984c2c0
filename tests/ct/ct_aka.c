/*
 * Constant-time check of AKA (TS 33.102 §6.3): K, OP/OPc, TOP and
 * everything derived from them (CK, IK, RES, AK, MAC values) are secret;
 * RAND, SQN, AMF, AUTN and AUTS travel on the air and are public. The
 * library itself declassifies only the MAC verdicts and SQN once its MAC
 * verified (UTSEC_CT_PUBLIC in lib/aka_ue.c and lib/aka_network.c).
 * Covers the MAC-A check (UE), MAC-S check (resync), vector generation and
 * AUTS generation for Milenage, TUAK and XOR. See ct.h.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ct.h"

#include "utsec/utsec.h"

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(seed * 7u + 13u * i);
}

enum alg { MILENAGE, TUAK, XOR };

static int setup(utsec_aka_key_t *key, enum alg a, int secret)
{
    uint8_t k[32], op[32];

    fill(k, sizeof(k), 1);
    fill(op, sizeof(op), 2);
    if (secret) {
        CT_SECRET(k, sizeof(k));
        CT_SECRET(op, sizeof(op));
    }
    utsec_aka_key_init(key);
    switch (a) {
    case MILENAGE: return utsec_aka_key_setup_milenage(key, k, op, 1, 8);
    case TUAK: return utsec_aka_key_setup_tuak(key, k, 32, op, 1, 16, 1);
    case XOR: return utsec_aka_key_setup_xor(key, k, 8);
    }
    return -1;
}

static void publish_vector(utsec_aka_vector_t *av)
{
    CT_PUBLISH(av, sizeof(*av));
}

/* Network: a vector; UE: success, MAC failure, sync failure (AUTS);
 * network: resync with the AUTS, and with a tampered AUTS. */
static void run(enum alg a)
{
    static const uint8_t rand[16] = {0x23, 0x55, 0x3c, 0xbe, 0x96, 0x37, 0xa8, 0x9d,
                                     0x21, 0x8a, 0xe6, 0x4d, 0xae, 0x47, 0xbf, 0x35};
    static const uint8_t amf[2] = {0x80, 0x00};
    uint8_t sqn[6], sqn_ms[6], next[6], autn_bad[16], auts[14];
    utsec_aka_key_t ref, key;
    utsec_aka_vector_t av_ref, av;
    utsec_aka_sqn_state_t st;
    utsec_aka_ue_result_t r;
    int rc;

    memset(&av_ref, 0, sizeof(av_ref)); /* the struct is compared whole */
    memset(&av, 0, sizeof(av));
    CT_EXPECT(utsec_aka_sqn_compose(5, 3, UTSEC_AKA_IND_BITS_DEFAULT, sqn) == 0);
    CT_EXPECT(setup(&ref, a, 0) == 0);
    CT_EXPECT(utsec_aka_vector_from_rand(&ref, rand, sqn, amf, &av_ref) == 0);

    rc = setup(&key, a, 1);
    CT_PUBLISH(&rc, sizeof(rc));
    CT_EXPECT(rc == 0);
    rc = utsec_aka_vector_from_rand(&key, rand, sqn, amf, &av);
    CT_PUBLISH(&rc, sizeof(rc));
    publish_vector(&av);
    CT_EXPECT(rc == 0 && memcmp(&av, &av_ref, sizeof(av)) == 0);

    /* UE: fresh SQN -> RES, CK, IK */
    CT_EXPECT(utsec_aka_sqn_init(&st, UTSEC_AKA_IND_BITS_DEFAULT,
                                 UTSEC_AKA_DELTA_DEFAULT, 0) == 0);
    rc = utsec_aka_ue_check(&key, &st, rand, av.autn, &r);
    CT_PUBLISH(&rc, sizeof(rc));
    CT_PUBLISH(&r, sizeof(r));
    CT_EXPECT(rc == 0 && r.res_len == av_ref.xres_len &&
              memcmp(r.res, av_ref.xres, r.res_len) == 0 &&
              memcmp(r.ck, av_ref.ck, 16) == 0);

    /* UE: tampered MAC -> MAC failure, verdict only */
    memcpy(autn_bad, av.autn, 16);
    autn_bad[15] ^= 1;
    rc = utsec_aka_ue_check(&key, &st, rand, autn_bad, &r);
    CT_PUBLISH(&rc, sizeof(rc));
    CT_EXPECT(rc == UTSEC_ERR_MAC_FAILURE);

    /* UE: the same SQN again -> sync failure with AUTS (from SQN_MS) */
    rc = utsec_aka_ue_check(&key, &st, rand, av.autn, &r);
    CT_PUBLISH(&rc, sizeof(rc));
    CT_PUBLISH(r.auts, sizeof(r.auts)); /* AUTS goes on the air */
    CT_EXPECT(rc == UTSEC_ERR_SYNC_FAILURE);
    memcpy(auts, r.auts, sizeof(auts));

    /* Network: resync with the AUTS, then with a tampered one */
    rc = utsec_aka_resync(&key, rand, auts, UTSEC_AKA_IND_BITS_DEFAULT, sqn_ms, next);
    CT_PUBLISH(&rc, sizeof(rc));
    CT_PUBLISH(sqn_ms, sizeof(sqn_ms));
    CT_EXPECT(rc == 0 && memcmp(sqn_ms, sqn, 6) == 0);
    auts[13] ^= 0x40;
    rc = utsec_aka_resync(&key, rand, auts, UTSEC_AKA_IND_BITS_DEFAULT, sqn_ms, next);
    CT_PUBLISH(&rc, sizeof(rc));
    CT_EXPECT(rc == UTSEC_ERR_MAC_S_FAILURE);

    utsec_aka_vector_wipe(&av);
    utsec_aka_vector_wipe(&av_ref);
    utsec_aka_ue_result_wipe(&r);
    utsec_aka_key_free(&key);
    utsec_aka_key_free(&ref);
}

static void milenage(void) { run(MILENAGE); }
static void tuak(void) { run(TUAK); }
static void xor_alg(void) { run(XOR); }

int main(void)
{
    CT_RUN(milenage);
    CT_RUN(tuak);
    CT_RUN(xor_alg);
    return CT_DONE();
}
