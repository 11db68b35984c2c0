/*
 * AKA procedures: AUTN and AUTS examples (FACTS §5.2), network-side resync
 * (hostapd's AUTS example), randomized vector -> UE round trips for every
 * algorithm, the TS 33.102 Annex C SQN rule (IND slots, Δ, L, wrap-around),
 * the software USIM behind utsec_aka_usim_fn, and every error path.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_test_util.h"
#include "aka_vectors.h"
#include "utsec/aka.h"

static void setup_row(utsec_aka_key_t *key, size_t row, uint8_t rnd[16],
                      uint8_t sqn[6], uint8_t amf[2])
{
    const struct milenage_vec *v = &milenage_vecs[row - 1];
    uint8_t k[16], opc[16];

    hx(v->k, k, 16);
    hx(v->opc, opc, 16);
    if (rnd != NULL)
        hx(v->rand, rnd, 16);
    if (sqn != NULL)
        hx(v->sqn, sqn, 6);
    if (amf != NULL)
        hx(v->amf, amf, 2);
    utsec_aka_key_init(key);
    assert_int_equal(utsec_aka_key_setup_milenage(key, k, opc, 0, 8), 0);
}

/* FACTS §5.2: 35.208 Set 1 AUTN; FACTS §5.3 Set 19 AUTN. */
static void test_autn_examples(void **state)
{
    utsec_aka_key_t key;
    utsec_aka_vector_t av;
    uint8_t rnd[16], sqn[6], amf[2];

    (void)state;
    setup_row(&key, 1, rnd, sqn, amf);
    assert_int_equal(utsec_aka_vector_from_rand(&key, rnd, sqn, amf, &av), 0);
    assert_hex(av.autn, 16, "55f328b43577b9b94a9ffac354dfafb3");
    assert_hex(av.rand, 16, "23553cbe9637a89d218ae64dae47bf35");
    assert_hex(av.xres, 8, "a54211d5e3ba50bf");
    assert_int_equal(av.xres_len, 8);
    assert_hex(av.ck, 16, "b40ba9a3c58b2a05bbf0d987b21bf8cb");
    assert_hex(av.ik, 16, "f769bcd751044604127672711c6d3441");
    assert_hex(av.ak, 6, "aa689c648370");
    utsec_aka_vector_wipe(&av);
    utsec_aka_key_free(&key);

    setup_row(&key, 19, rnd, sqn, amf);
    assert_int_equal(utsec_aka_vector_from_rand(&key, rnd, sqn, amf, &av), 0);
    assert_hex(av.autn + 8, 8, "2a5c23d15ee351d5");
    utsec_aka_vector_wipe(&av);
    utsec_aka_key_free(&key);
}

/* hostapd's AUTS example on the last Milenage set: SQN_MS = 000000000001. */
static void test_resync_hostapd_example(void **state)
{
    utsec_aka_key_t key;
    uint8_t rnd[16], auts[14], sqn_ms[6], next[6], again[14];

    (void)state;
    setup_row(&key, 20, rnd, NULL, NULL);
    hx("4f2039392ddd4bb4316ed4a14688", auts, 14);
    assert_int_equal(utsec_aka_resync(&key, rnd, auts, 5, sqn_ms, next), 0);
    assert_hex(sqn_ms, 6, "000000000001");
    assert_hex(next, 6, "000000000021"); /* next SEQ, same IND */
    assert_int_equal(utsec_aka_resync(&key, rnd, auts, 0, NULL, next), 0);
    assert_hex(next, 6, "000000000002");
    /* and the UE side builds the same AUTS */
    assert_int_equal(utsec_aka_auts_generate(&key, rnd, sqn_ms, again), 0);
    assert_memory_equal(again, auts, 14);
    utsec_aka_key_free(&key);
}

/* FACTS §5.2 / §8.2: Set 1, SQN_MS = 000000000020. */
static void test_auts_set1(void **state)
{
    utsec_aka_key_t key;
    uint8_t rnd[16], sqn_ms[6], auts[14], got[6], next[6];
    char b64[32];

    (void)state;
    setup_row(&key, 1, rnd, NULL, NULL);
    hx("000000000020", sqn_ms, 6);
    assert_int_equal(utsec_aka_auts_generate(&key, rnd, sqn_ms, auts), 0);
    assert_hex(auts, 14, "451e8beca41bf8ee589d46d835c9");
    assert_int_equal(utsec_aka_auts_encode(auts, b64, sizeof(b64), NULL), 0);
    assert_string_equal(b64, "RR6L7KQb+O5YnUbYNck=");
    assert_int_equal(utsec_aka_resync(&key, rnd, auts, 5, got, next), 0);
    assert_hex(got, 6, "000000000020");
    assert_hex(next, 6, "000000000040");
    utsec_aka_key_free(&key);
}

static void test_resync_errors(void **state)
{
    utsec_aka_key_t key, unset;
    uint8_t rnd[16], auts[14], sqn_ms[6], next[6], max[6];
    size_t i;

    (void)state;
    setup_row(&key, 1, rnd, NULL, NULL);
    hx("451e8beca41bf8ee589d46d835c9", auts, 14);
    /* any flipped bit of AUTS fails MAC-S; outputs untouched */
    for (i = 0; i < 14 * 8; i++) {
        auts[i / 8] ^= (uint8_t)(1u << (i % 8));
        memset(sqn_ms, 0xAA, 6);
        memset(next, 0xBB, 6);
        assert_int_equal(utsec_aka_resync(&key, rnd, auts, 5, sqn_ms, next),
                         UTSEC_ERR_MAC_S_FAILURE);
        assert_hex(sqn_ms, 6, "aaaaaaaaaaaa");
        assert_hex(next, 6, "bbbbbbbbbbbb");
        auts[i / 8] ^= (uint8_t)(1u << (i % 8));
    }
    /* another RAND does not verify either */
    rnd[0] ^= 1;
    assert_int_equal(utsec_aka_resync(&key, rnd, auts, 5, sqn_ms, next),
                     UTSEC_ERR_MAC_S_FAILURE);
    rnd[0] ^= 1;
    assert_int_equal(utsec_aka_resync(NULL, rnd, auts, 5, sqn_ms, next), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_resync(&key, NULL, auts, 5, sqn_ms, next), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_resync(&key, rnd, NULL, 5, sqn_ms, next), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_resync(&key, rnd, auts, UTSEC_AKA_IND_BITS_MAX + 1, sqn_ms, next),
                     UTSEC_ERR_INVALID_ARG);
    utsec_aka_key_init(&unset);
    assert_int_equal(utsec_aka_resync(&unset, rnd, auts, 5, sqn_ms, next), UTSEC_ERR_STATE);
    /* SQN_MS at the top: nothing left to continue from */
    hx("ffffffffffff", max, 6);
    assert_int_equal(utsec_aka_auts_generate(&key, rnd, max, auts), 0);
    memset(next, 0xBB, 6);
    assert_int_equal(utsec_aka_resync(&key, rnd, auts, 5, sqn_ms, next), UTSEC_ERR_SQN_EXHAUSTED);
    assert_hex(sqn_ms, 6, "ffffffffffff");
    assert_hex(next, 6, "bbbbbbbbbbbb");
    /* AUTS generation errors */
    assert_int_equal(utsec_aka_auts_generate(NULL, rnd, max, auts), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_auts_generate(&key, NULL, max, auts), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_auts_generate(&key, rnd, NULL, auts), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_auts_generate(&key, rnd, max, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_auts_generate(&unset, rnd, max, auts), UTSEC_ERR_STATE);
    utsec_aka_key_free(&key);
}

/* One subscriber set up with each algorithm from the same random material. */
static void setup_alg(utsec_aka_key_t *key, int alg, uint64_t *seed)
{
    uint8_t k[32], op[32];

    test_rng(seed, k, sizeof(k));
    test_rng(seed, op, sizeof(op));
    utsec_aka_key_init(key);
    switch (alg) {
    case 0: assert_int_equal(utsec_aka_key_setup_milenage(key, k, op, 1, 8), 0); break;
    case 1: assert_int_equal(utsec_aka_key_setup_milenage(key, k, op, 0, 4), 0); break;
    case 2: assert_int_equal(utsec_aka_key_setup_tuak(key, k, 16, op, 1, 8, 1), 0); break;
    case 3: assert_int_equal(utsec_aka_key_setup_tuak(key, k, 32, op, 0, 32, 3), 0); break;
    case 4: assert_int_equal(utsec_aka_key_setup_tuak(key, k, 32, op, 1, 16, 1), 0); break;
    default: assert_int_equal(utsec_aka_key_setup_xor(key, k, 16), 0); break;
    }
}

#define NALG 6

/* vector -> UE check -> success; tampered MAC -> MAC failure; replay ->
 * sync failure whose AUTS the network resyncs; new vector accepted. */
static void test_round_trips(void **state)
{
    int alg, iter;

    (void)state;
    for (alg = 0; alg < NALG; alg++) {
        uint64_t seed = (uint64_t)0x9E3779B97F4A7C15u + (uint64_t)alg;
        utsec_aka_key_t hss, usim;
        utsec_aka_sqn_state_t st, saved;
        utsec_aka_soft_usim_t sim;
        uint64_t seq = 1, s2 = seed;
        unsigned ind = 0;

        setup_alg(&hss, alg, &seed);
        setup_alg(&usim, alg, &s2); /* separate context, same credentials */
        assert_int_equal(utsec_aka_sqn_init(&st, 5, UTSEC_AKA_DELTA_DEFAULT, 0), 0);
        sim.key = &usim;
        sim.sqn = &st;
        for (iter = 0; iter < 40; iter++) {
            utsec_aka_vector_t av;
            utsec_aka_ue_result_t r;
            uint8_t sqn[6], amf[2] = {0x80, 0x00}, sqn_ms[6], next[6], bad[16];
            int bit;

            assert_int_equal(utsec_aka_sqn_compose(seq, ind, 5, sqn), 0);
            assert_int_equal(utsec_aka_vector_generate(&hss, test_rng, &seed, sqn, amf, &av), 0);
            /* tampered AUTN (SQN, AMF or MAC part): MAC failure, state kept */
            memcpy(&saved, &st, sizeof(st));
            bit = (int)(seed % 128);
            memcpy(bad, av.autn, 16);
            bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            memset(&r, 0x5A, sizeof(r));
            assert_int_equal(utsec_aka_soft_usim(&sim, av.rand, bad, &r), UTSEC_ERR_MAC_FAILURE);
            assert_memory_equal(&saved, &st, sizeof(st));
            assert_int_equal(r.res_len, 0); /* wiped */
            /* tampered RAND: also a MAC failure (XOR's MAC covers only
             * RAND[0..7]: that test algorithm offers no security) */
            memcpy(bad, av.rand, 16);
            bad[iter % (alg == NALG - 1 ? 8 : 16)] ^= 0x40;
            assert_int_equal(utsec_aka_soft_usim(&sim, bad, av.autn, &r), UTSEC_ERR_MAC_FAILURE);
            assert_memory_equal(&saved, &st, sizeof(st));
            /* the genuine vector */
            assert_int_equal(utsec_aka_soft_usim(&sim, av.rand, av.autn, &r), 0);
            assert_int_equal(r.res_len, av.xres_len);
            assert_int_equal(r.res_len, utsec_aka_key_res_len(&hss));
            assert_memory_equal(r.res, av.xres, av.xres_len);
            assert_memory_equal(r.ck, av.ck, 16);
            assert_memory_equal(r.ik, av.ik, 16);
            /* replay: sync failure, state kept, AUTS resyncs to SQN_MS */
            memcpy(&saved, &st, sizeof(st));
            assert_int_equal(utsec_aka_soft_usim(&sim, av.rand, av.autn, &r), UTSEC_ERR_SYNC_FAILURE);
            assert_memory_equal(&saved, &st, sizeof(st));
            assert_int_equal(r.res_len, 0);
            assert_int_equal(utsec_aka_resync(&hss, av.rand, r.auts, 5, sqn_ms, next), 0);
            assert_memory_equal(sqn_ms, sqn, 6); /* the highest accepted */
            utsec_aka_vector_wipe(&av);
            /* continue from the resync rule: always accepted */
            assert_int_equal(utsec_aka_vector_generate(&hss, test_rng, &seed, next, amf, &av), 0);
            assert_int_equal(utsec_aka_soft_usim(&sim, av.rand, av.autn, &r), 0);
            assert_memory_equal(r.res, av.xres, av.xres_len);
            utsec_aka_vector_wipe(&av);
            utsec_aka_ue_result_wipe(&r);
            /* next round: a network that moves SEQ and IND around */
            seq = (((uint64_t)next[0] << 40 | (uint64_t)next[1] << 32 |
                    (uint64_t)next[2] << 24 | (uint64_t)next[3] << 16 |
                    (uint64_t)next[4] << 8 | next[5]) >> 5) + 1 + (seed % 3);
            ind = (unsigned)(seed % 32);
        }
        utsec_aka_key_free(&hss);
        utsec_aka_key_free(&usim);
    }
}

/* A card stand-in with a fixed answer: callers treat it and the software
 * USIM the same way. */
struct fake_card {
    int rc;
    uint8_t res[8];
};

static int fake_card_fn(void *ctx, const uint8_t rand[16], const uint8_t autn[16],
                        utsec_aka_ue_result_t *out)
{
    struct fake_card *c = ctx;

    (void)rand;
    (void)autn;
    utsec_aka_ue_result_wipe(out);
    if (c->rc == 0) {
        memcpy(out->res, c->res, 8);
        out->res_len = 8;
    }
    return c->rc;
}

/* What an application does: run whichever USIM it was given. */
static int app_authenticate(utsec_aka_usim_fn usim, void *ctx, const char *nonce,
                            utsec_aka_ue_result_t *r)
{
    uint8_t rnd[16], autn[16];
    int rc = utsec_aka_nonce_decode(nonce, strlen(nonce), rnd, autn, NULL, 0, NULL);

    return rc != 0 ? rc : usim(ctx, rnd, autn, r);
}

static void test_usim_callback(void **state)
{
    utsec_aka_key_t key;
    utsec_aka_sqn_state_t st;
    utsec_aka_soft_usim_t sim;
    struct fake_card card = {0, {0xa5, 0x42, 0x11, 0xd5, 0xe3, 0xba, 0x50, 0xbf}};
    utsec_aka_ue_result_t r;
    const char *nonce = "I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=";
    uint8_t rnd[16], sqn_ms[6];

    (void)state;
    setup_row(&key, 1, rnd, NULL, NULL);
    /* 35.208 Set 1's SQN ff9bb4d0b607 is within Δ only of a USIM that has
     * seen nearby numbers: start from SQN_MS = ff9bb4d0b5e7 (SEQ - 1). */
    assert_int_equal(utsec_aka_sqn_init(&st, 5, UTSEC_AKA_DELTA_DEFAULT, 0), 0);
    st.sqn_ms = 0xff9bb4d0b5e7ULL;
    sim.key = &key;
    sim.sqn = &st;
    assert_int_equal(app_authenticate(utsec_aka_soft_usim, &sim, nonce, &r), 0);
    assert_hex(r.res, 8, "a54211d5e3ba50bf");
    assert_hex(r.ck, 16, "b40ba9a3c58b2a05bbf0d987b21bf8cb");
    assert_hex(r.ik, 16, "f769bcd751044604127672711c6d3441");
    assert_int_equal(st.sqn_ms, 0xff9bb4d0b607ULL);
    assert_int_equal(app_authenticate(fake_card_fn, &card, nonce, &r), 0);
    assert_hex(r.res, 8, "a54211d5e3ba50bf");
    /* same nonce again: the software USIM reports a sync failure with the
     * AUTS for SQN_MS = ff9bb4d0b607 */
    assert_int_equal(app_authenticate(utsec_aka_soft_usim, &sim, nonce, &r),
                     UTSEC_ERR_SYNC_FAILURE);
    assert_int_equal(utsec_aka_resync(&key, rnd, r.auts, 5, sqn_ms, NULL), 0);
    assert_hex(sqn_ms, 6, "ff9bb4d0b607");
    card.rc = UTSEC_ERR_MAC_FAILURE;
    assert_int_equal(app_authenticate(fake_card_fn, &card, nonce, &r), UTSEC_ERR_MAC_FAILURE);
    /* a fresh USIM (SQN_MS = 0) rejects Set 1's SQN by the Δ rule */
    assert_int_equal(utsec_aka_sqn_init(&st, 5, UTSEC_AKA_DELTA_DEFAULT, 0), 0);
    assert_int_equal(app_authenticate(utsec_aka_soft_usim, &sim, nonce, &r),
                     UTSEC_ERR_SYNC_FAILURE);
    assert_int_equal(utsec_aka_resync(&key, rnd, r.auts, 5, sqn_ms, NULL), 0);
    assert_hex(sqn_ms, 6, "000000000000");
    assert_int_equal(utsec_aka_soft_usim(NULL, rnd, rnd, &r), UTSEC_ERR_INVALID_ARG);
    utsec_aka_ue_result_wipe(&r);
    utsec_aka_key_free(&key);
}

static int check(const utsec_aka_sqn_state_t *st, uint64_t seq, unsigned ind)
{
    uint8_t sqn[6];

    assert_int_equal(utsec_aka_sqn_compose(seq, ind, st->ind_bits, sqn), 0);
    return utsec_aka_sqn_check(st, sqn);
}

static int accept(utsec_aka_sqn_state_t *st, uint64_t seq, unsigned ind)
{
    uint8_t sqn[6];

    assert_int_equal(utsec_aka_sqn_compose(seq, ind, st->ind_bits, sqn), 0);
    return utsec_aka_sqn_accept(st, sqn);
}

static void test_sqn_ind_slots(void **state)
{
    utsec_aka_sqn_state_t st, saved;

    (void)state;
    assert_int_equal(utsec_aka_sqn_init(&st, 5, 1000, 0), 0);
    assert_int_equal(accept(&st, 0, 0), UTSEC_ERR_SYNC_FAILURE); /* SEQ_MS(i) start at 0 */
    assert_int_equal(accept(&st, 5, 3), 0);
    assert_int_equal(st.sqn_ms, 5u << 5 | 3);
    /* a lower SEQ in another slot is fresh (out-of-order vectors, C.1.2) */
    assert_int_equal(accept(&st, 4, 7), 0);
    assert_int_equal(st.sqn_ms, 5u << 5 | 3); /* SQN_MS stays the highest */
    assert_int_equal(accept(&st, 4, 7), UTSEC_ERR_SYNC_FAILURE); /* replay */
    assert_int_equal(accept(&st, 5, 3), UTSEC_ERR_SYNC_FAILURE); /* replay */
    assert_int_equal(accept(&st, 3, 3), UTSEC_ERR_SYNC_FAILURE); /* older, same slot */
    assert_int_equal(accept(&st, 5, 31), 0);                     /* last slot */
    assert_int_equal(st.sqn_ms, 5u << 5 | 31);
    assert_int_equal(accept(&st, 6, 0), 0);
    assert_int_equal(st.seq[0], 6);
    assert_int_equal(st.seq[3], 5);
    assert_int_equal(st.seq[7], 4);
    memcpy(&saved, &st, sizeof(st));
    assert_int_equal(accept(&st, 6, 0), UTSEC_ERR_SYNC_FAILURE);
    assert_memory_equal(&saved, &st, sizeof(st)); /* unchanged on failure */
    /* IND length 0: a plain increasing SQN */
    assert_int_equal(utsec_aka_sqn_init(&st, 0, 1000, 0), 0);
    assert_int_equal(accept(&st, 1, 0), 0);
    assert_int_equal(accept(&st, 1, 0), UTSEC_ERR_SYNC_FAILURE);
    assert_int_equal(accept(&st, 3, 0), 0);
    assert_int_equal(accept(&st, 2, 0), UTSEC_ERR_SYNC_FAILURE);
    /* IND length 6 (the maximum): 64 slots */
    assert_int_equal(utsec_aka_sqn_init(&st, 6, 1000, 0), 0);
    assert_int_equal(accept(&st, 1, 63), 0);
    assert_int_equal(st.seq[63], 1);
}

/* The state is plain data: persisted as bytes and restored, it behaves the
 * same (what an application storing it in a file or NV memory does). */
static void test_sqn_persistence(void **state)
{
    utsec_aka_sqn_state_t st, restored;
    unsigned char stored[sizeof(utsec_aka_sqn_state_t)];

    (void)state;
    assert_int_equal(utsec_aka_sqn_init(&st, 5, 1000, 0), 0);
    assert_int_equal(accept(&st, 7, 2), 0);
    assert_int_equal(accept(&st, 3, 9), 0);
    memcpy(stored, &st, sizeof(stored));
    memcpy(&restored, stored, sizeof(restored));
    assert_int_equal(accept(&restored, 7, 2), UTSEC_ERR_SYNC_FAILURE);
    assert_int_equal(accept(&restored, 3, 9), UTSEC_ERR_SYNC_FAILURE);
    assert_int_equal(accept(&restored, 8, 2), 0);
    assert_int_equal(restored.sqn_ms, 8u << 5 | 2);
}

static void test_sqn_delta_and_limit(void **state)
{
    utsec_aka_sqn_state_t st, saved;
    uint8_t sqn[6];

    (void)state;
    /* Δ = 16: from SEQ_MS = 10, SEQ 26 is the last acceptable */
    assert_int_equal(utsec_aka_sqn_init(&st, 5, 16, 0), 0);
    assert_int_equal(accept(&st, 10, 1), 0);
    assert_int_equal(check(&st, 26, 2), 0);
    assert_int_equal(check(&st, 27, 2), UTSEC_ERR_SYNC_FAILURE);
    memcpy(&saved, &st, sizeof(st));
    assert_int_equal(accept(&st, 27, 2), UTSEC_ERR_SYNC_FAILURE);
    assert_memory_equal(&saved, &st, sizeof(st));
    /* wrap-around protection: the top SQN is refused from a low SQN_MS */
    hx("ffffffffffff", sqn, 6);
    assert_int_equal(utsec_aka_sqn_accept(&st, sqn), UTSEC_ERR_SYNC_FAILURE);
    assert_memory_equal(&saved, &st, sizeof(st));
    /* without L, an old SEQ in an unused slot is still fresh */
    assert_int_equal(check(&st, 1, 9), 0);
    /* L = 4: from SEQ_MS = 10, SEQ 7 (age 3) passes, SEQ 6 (age 4) fails */
    st.age_limit = 4;
    assert_int_equal(check(&st, 7, 9), 0);
    assert_int_equal(check(&st, 6, 9), UTSEC_ERR_SYNC_FAILURE);
    assert_int_equal(check(&st, 10, 9), 0); /* age 0 */
    /* Δ reaches the top of the SQN space when SQN_MS is near it */
    assert_int_equal(utsec_aka_sqn_init(&st, 5, UTSEC_AKA_DELTA_DEFAULT, 0), 0);
    st.sqn_ms = 0xFFFFFFFFFFE0ULL - 32; /* SEQ_MS = 2^43 - 2 */
    assert_int_equal(check(&st, ((uint64_t)1 << 43) - 1, 0), 0);
    /* and the Δ test is not fooled by SEQ < SEQ_MS (no modular wrap) */
    assert_int_equal(check(&st, 1, 0), 0);
}

static void test_sqn_errors(void **state)
{
    utsec_aka_sqn_state_t st;
    uint8_t sqn[6] = {0, 0, 0, 0, 0, 0x21};

    (void)state;
    assert_int_equal(utsec_aka_sqn_init(NULL, 5, 1, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_init(&st, UTSEC_AKA_IND_BITS_MAX + 1, 1, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_init(&st, 5, 0, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_init(&st, 5, 1, 0), 0);
    assert_int_equal(utsec_aka_sqn_check(NULL, sqn), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_check(&st, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_accept(NULL, sqn), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_accept(&st, NULL), UTSEC_ERR_INVALID_ARG);
    /* a corrupted persisted state is refused, not trusted */
    st.ind_bits = 9;
    assert_int_equal(utsec_aka_sqn_check(&st, sqn), UTSEC_ERR_INVALID_ARG);
    st.ind_bits = 5;
    st.delta = 0;
    assert_int_equal(utsec_aka_sqn_check(&st, sqn), UTSEC_ERR_INVALID_ARG);
    st.delta = 1;
    st.sqn_ms = (uint64_t)1 << 48;
    assert_int_equal(utsec_aka_sqn_check(&st, sqn), UTSEC_ERR_INVALID_ARG);
    /* compose */
    assert_int_equal(utsec_aka_sqn_compose(1, 32, 5, sqn), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_compose((uint64_t)1 << 43, 0, 5, sqn), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_compose(1, 0, 7, sqn), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_compose(1, 0, 5, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_compose(((uint64_t)1 << 43) - 1, 31, 5, sqn), 0);
    assert_hex(sqn, 6, "ffffffffffff");
    assert_int_equal(utsec_aka_sqn_compose(1, 1, 0, sqn), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_sqn_compose(((uint64_t)1 << 48) - 1, 0, 0, sqn), 0);
}

static void test_vector_and_ue_errors(void **state)
{
    utsec_aka_key_t key, unset;
    utsec_aka_vector_t av;
    utsec_aka_sqn_state_t st;
    utsec_aka_ue_result_t r;
    uint8_t rnd[16], sqn[6], amf[2];
    uint64_t seed = 7;

    (void)state;
    setup_row(&key, 1, rnd, sqn, amf);
    utsec_aka_key_init(&unset);
    memset(&av, 0x77, sizeof(av));
    assert_int_equal(utsec_aka_vector_generate(&key, failing_rng, NULL, sqn, amf, &av), UTSEC_ERR_RNG);
    assert_int_equal(av.xres_len, 0); /* wiped */
    assert_int_equal(utsec_aka_vector_generate(&unset, test_rng, &seed, sqn, amf, &av), UTSEC_ERR_STATE);
    assert_int_equal(utsec_aka_vector_generate(NULL, test_rng, &seed, sqn, amf, &av), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_vector_generate(&key, NULL, &seed, sqn, amf, &av), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_vector_generate(&key, test_rng, &seed, NULL, amf, &av), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_vector_generate(&key, test_rng, &seed, sqn, NULL, &av), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_vector_generate(&key, test_rng, &seed, sqn, amf, NULL), UTSEC_ERR_INVALID_ARG);
    memset(&av, 0x77, sizeof(av));
    assert_int_equal(utsec_aka_vector_from_rand(&unset, rnd, sqn, amf, &av), UTSEC_ERR_STATE);
    assert_int_equal(av.xres_len, 0);
    assert_int_equal(utsec_aka_vector_from_rand(&key, NULL, sqn, amf, &av), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_vector_from_rand(&key, rnd, sqn, amf, NULL), UTSEC_ERR_INVALID_ARG);
    utsec_aka_vector_wipe(NULL);

    assert_int_equal(utsec_aka_sqn_init(&st, 5, UTSEC_AKA_DELTA_DEFAULT, 0), 0);
    assert_int_equal(utsec_aka_vector_from_rand(&key, rnd, sqn, amf, &av), 0);
    assert_int_equal(utsec_aka_ue_check(&key, &st, rnd, av.autn, NULL), UTSEC_ERR_INVALID_ARG);
    memset(&r, 0x33, sizeof(r));
    assert_int_equal(utsec_aka_ue_check(NULL, &st, rnd, av.autn, &r), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(r.res_len, 0);
    assert_int_equal(utsec_aka_ue_check(&key, NULL, rnd, av.autn, &r), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_ue_check(&key, &st, NULL, av.autn, &r), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_ue_check(&key, &st, rnd, NULL, &r), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_ue_check(&unset, &st, rnd, av.autn, &r), UTSEC_ERR_STATE);
    st.ind_bits = 7;
    assert_int_equal(utsec_aka_ue_check(&key, &st, rnd, av.autn, &r), UTSEC_ERR_INVALID_ARG);
    utsec_aka_ue_result_wipe(NULL);
    utsec_aka_vector_wipe(&av);
    utsec_aka_key_free(&key);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_autn_examples),
        cmocka_unit_test(test_resync_hostapd_example),
        cmocka_unit_test(test_auts_set1),
        cmocka_unit_test(test_resync_errors),
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_usim_callback),
        cmocka_unit_test(test_sqn_ind_slots),
        cmocka_unit_test(test_sqn_persistence),
        cmocka_unit_test(test_sqn_delta_and_limit),
        cmocka_unit_test(test_sqn_errors),
        cmocka_unit_test(test_vector_and_ue_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
