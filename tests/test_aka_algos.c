/*
 * AKA algorithms: Milenage (TS 35.207 / 35.208 test data), OPc, TUAK
 * (TS 35.233 test sets 1-6), the TS 34.108 XOR algorithm (FACTS §5.4), the
 * Keccak-f[1600] permutation (against SHA3-256 from Python's hashlib), and
 * the argument checks of every entry point.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_test_util.h"
#include "aka_vectors.h"
#include "aka_internal.h"
#include "utsec/aka.h"

#define NVEC(a) (sizeof(a) / sizeof((a)[0]))

static void test_milenage_all_sets(void **state)
{
    size_t i;

    (void)state;
    assert_int_equal(NVEC(milenage_vecs), 20);
    for (i = 0; i < NVEC(milenage_vecs); i++) {
        const struct milenage_vec *v = &milenage_vecs[i];
        uint8_t k[16], rnd[16], sqn[6], amf[2], op[16], opc[16];
        uint8_t mac_a[8], mac_s[8], res[8], ck[16], ik[16], ak[6], aks[6];
        utsec_milenage_t m;
        int pass;

        print_message("%s\n", v->name);
        hx(v->k, k, 16);
        hx(v->rand, rnd, 16);
        hx(v->sqn, sqn, 6);
        hx(v->amf, amf, 2);
        hx(v->op, op, 16);
        /* OP -> OPc, standalone */
        assert_int_equal(utsec_milenage_opc(k, op, opc), 0);
        assert_hex(opc, 16, v->opc);
        /* setup from OP and from OPc must agree */
        for (pass = 0; pass < 2; pass++) {
            if (pass == 0)
                assert_int_equal(utsec_milenage_setup(&m, k, op, 1), 0);
            else
                assert_int_equal(utsec_milenage_setup(&m, k, opc, 0), 0);
            assert_int_equal(utsec_milenage_f1(&m, rnd, sqn, amf, mac_a, mac_s), 0);
            assert_hex(mac_a, 8, v->mac_a);
            assert_hex(mac_s, 8, v->mac_s);
            assert_int_equal(utsec_milenage_f2345(&m, rnd, res, ck, ik, ak, aks), 0);
            assert_hex(res, 8, v->res);
            assert_hex(ck, 16, v->ck);
            assert_hex(ik, 16, v->ik);
            assert_hex(ak, 6, v->ak);
            assert_hex(aks, 6, v->ak_star);
            /* partial output requests give the same values */
            memset(ck, 0, sizeof(ck));
            assert_int_equal(utsec_milenage_f2345(&m, rnd, NULL, ck, NULL, NULL, NULL), 0);
            assert_hex(ck, 16, v->ck);
            memset(mac_s, 0, sizeof(mac_s));
            assert_int_equal(utsec_milenage_f1(&m, rnd, sqn, amf, NULL, mac_s), 0);
            assert_hex(mac_s, 8, v->mac_s);
            utsec_milenage_free(&m);
        }
    }
}

/* The same 20 sets through the algorithm-neutral key. */
static void test_milenage_neutral_key(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < NVEC(milenage_vecs); i++) {
        const struct milenage_vec *v = &milenage_vecs[i];
        uint8_t k[16], rnd[16], sqn[6], amf[2], op[16];
        uint8_t mac_a[8], mac_s[8], res[8], ck[16], ik[16], ak[6], aks[6];
        utsec_aka_key_t key;

        hx(v->k, k, 16);
        hx(v->rand, rnd, 16);
        hx(v->sqn, sqn, 6);
        hx(v->amf, amf, 2);
        hx(v->op, op, 16);
        utsec_aka_key_init(&key);
        assert_int_equal(utsec_aka_key_setup_milenage(&key, k, op, 1, 8), 0);
        assert_int_equal(utsec_aka_key_alg(&key), UTSEC_AKA_ALG_MILENAGE);
        assert_int_equal(utsec_aka_key_res_len(&key), 8);
        assert_int_equal(utsec_aka_f1(&key, rnd, sqn, amf, mac_a, mac_s), 0);
        assert_hex(mac_a, 8, v->mac_a);
        assert_hex(mac_s, 8, v->mac_s);
        assert_int_equal(utsec_aka_f2345(&key, rnd, res, ck, ik, ak, aks), 0);
        assert_hex(res, 8, v->res);
        assert_hex(ck, 16, v->ck);
        assert_hex(ik, 16, v->ik);
        assert_hex(ak, 6, v->ak);
        assert_hex(aks, 6, v->ak_star);
        utsec_aka_key_free(&key);
        assert_int_equal(utsec_aka_key_alg(&key), UTSEC_AKA_ALG_NONE);
    }
}

/* A 4-octet RES is the leftmost part of f2 (35.208 Set 1: a54211d5...). */
static void test_milenage_short_res(void **state)
{
    const struct milenage_vec *v = &milenage_vecs[0];
    uint8_t k[16], op[16], rnd[16], res[8];
    utsec_aka_key_t key;

    (void)state;
    hx(v->k, k, 16);
    hx(v->op, op, 16);
    hx(v->rand, rnd, 16);
    utsec_aka_key_init(&key);
    assert_int_equal(utsec_aka_key_setup_milenage(&key, k, op, 1, 4), 0);
    memset(res, 0xEE, sizeof(res));
    assert_int_equal(utsec_aka_f2345(&key, rnd, res, NULL, NULL, NULL, NULL), 0);
    assert_hex(res, 4, "a54211d5");
    assert_hex(res + 4, 4, "eeeeeeee"); /* nothing beyond res_len written */
    utsec_aka_key_free(&key);
}

static void test_tuak_sets(void **state)
{
    size_t i;

    (void)state;
    assert_int_equal(NVEC(tuak_vecs), 6);
    for (i = 0; i < NVEC(tuak_vecs); i++) {
        const struct tuak_vec *v = &tuak_vecs[i];
        uint8_t k[32], rnd[16], sqn[6], amf[2], top[32], topc[32];
        uint8_t mac_a[32], mac_s[32], res[32], ck[32], ik[32], ak[6], aks[6];
        utsec_tuak_params_t p;
        size_t k_len;

        print_message("%s\n", v->name);
        k_len = hx(v->k, k, 32);
        hx(v->rand, rnd, 16);
        hx(v->sqn, sqn, 6);
        hx(v->amf, amf, 2);
        hx(v->top, top, 32);
        p.mac_len = strlen(v->mac_a) / 2;
        p.res_len = strlen(v->res) / 2;
        p.ck_len = strlen(v->ck) / 2;
        p.ik_len = strlen(v->ik) / 2;
        p.iterations = v->iterations;
        assert_int_equal(utsec_tuak_topc(k, k_len, top, v->iterations, topc), 0);
        assert_hex(topc, 32, v->topc);
        assert_int_equal(utsec_tuak_f1(k, k_len, topc, rnd, sqn, amf, 0, &p, mac_a), 0);
        assert_hex(mac_a, p.mac_len, v->mac_a);
        assert_int_equal(utsec_tuak_f1(k, k_len, topc, rnd, sqn, amf, 1, &p, mac_s), 0);
        assert_hex(mac_s, p.mac_len, v->mac_s);
        assert_int_equal(utsec_tuak_f2345(k, k_len, topc, rnd, &p, res, ck, ik, ak), 0);
        assert_hex(res, p.res_len, v->res);
        assert_hex(ck, p.ck_len, v->ck);
        assert_hex(ik, p.ik_len, v->ik);
        assert_hex(ak, 6, v->ak);
        assert_int_equal(utsec_tuak_f5star(k, k_len, topc, rnd, v->iterations, aks), 0);
        assert_hex(aks, 6, v->ak_star);
    }
    /* the iteration count is per call: set 5 (1 iteration) right after
     * set 6 (2 iterations) still gives set 5's values */
    {
        const struct tuak_vec *v = &tuak_vecs[4];
        uint8_t k[32], rnd[16], sqn[6], amf[2], topc[32], mac[8];
        utsec_tuak_params_t p = {8, 32, 32, 16, 1};

        hx(v->k, k, 32);
        hx(v->rand, rnd, 16);
        hx(v->sqn, sqn, 6);
        hx(v->amf, amf, 2);
        hx(v->topc, topc, 32);
        assert_int_equal(utsec_tuak_f1(k, 32, topc, rnd, sqn, amf, 0, &p, mac), 0);
        assert_hex(mac, 8, v->mac_a);
    }
}

/* 35.233 Set 1 (MAC 64, RES 32, CK/IK 128) through the neutral key,
 * from TOP and from TOPc. */
static void test_tuak_neutral_key(void **state)
{
    const struct tuak_vec *v = &tuak_vecs[0];
    uint8_t k[16], rnd[16], sqn[6], amf[2], top[32], topc[32];
    uint8_t mac_a[8], mac_s[8], res[4], ck[16], ik[16], ak[6], aks[6];
    utsec_aka_key_t key;
    int pass;

    (void)state;
    hx(v->k, k, 16);
    hx(v->rand, rnd, 16);
    hx(v->sqn, sqn, 6);
    hx(v->amf, amf, 2);
    hx(v->top, top, 32);
    hx(v->topc, topc, 32);
    for (pass = 0; pass < 2; pass++) {
        utsec_aka_key_init(&key);
        assert_int_equal(utsec_aka_key_setup_tuak(&key, k, 16, pass ? topc : top,
                                                  !pass, 4, 1), 0);
        assert_int_equal(utsec_aka_key_alg(&key), UTSEC_AKA_ALG_TUAK);
        assert_int_equal(utsec_aka_f1(&key, rnd, sqn, amf, mac_a, mac_s), 0);
        assert_hex(mac_a, 8, v->mac_a);
        assert_hex(mac_s, 8, v->mac_s);
        assert_int_equal(utsec_aka_f2345(&key, rnd, res, ck, ik, ak, aks), 0);
        assert_hex(res, 4, v->res);
        assert_hex(ck, 16, v->ck);
        assert_hex(ik, 16, v->ik);
        assert_hex(ak, 6, v->ak);
        assert_hex(aks, 6, v->ak_star);
        utsec_aka_key_free(&key);
    }
}

/* FACTS §5.4 (TS 34.108 §8.1.2 example). */
static void test_xor_example(void **state)
{
    uint8_t k[16], rnd[16], sqn[6] = {0}, amf[2] = {0x80, 0x00};
    uint8_t res[16], ck[16], ik[16], ak[6], aks[6], mac_a[8], mac_s[8];
    utsec_aka_key_t key;
    utsec_aka_vector_t av;

    (void)state;
    hx("00112233445566778899AABBCCDDEEFF", k, 16);
    hx("31323131353836343132313135383634", rnd, 16);
    utsec_aka_key_init(&key);
    assert_int_equal(utsec_aka_key_setup_xor(&key, k, 16), 0);
    assert_int_equal(utsec_aka_f2345(&key, rnd, res, ck, ik, ak, aks), 0);
    assert_hex(res, 16, "31231302716d5043b9ab9b8af9e5d8cb"); /* = XDOUT */
    assert_hex(ck, 16, "231302716d5043b9ab9b8af9e5d8cb31");
    assert_hex(ik, 16, "1302716d5043b9ab9b8af9e5d8cb3123");
    assert_hex(ak, 6, "02716d5043b9");
    assert_hex(aks, 6, "02716d5043b9");
    assert_int_equal(utsec_aka_f1(&key, rnd, sqn, amf, mac_a, mac_s), 0);
    assert_hex(mac_a, 8, "31231302716dd043");
    assert_hex(mac_s, 8, "31231302716dd043");
    assert_int_equal(utsec_aka_vector_from_rand(&key, rnd, sqn, amf, &av), 0);
    assert_hex(av.autn, 16, "02716d5043b9800031231302716dd043");
    assert_int_equal(av.xres_len, 16);
    utsec_aka_vector_wipe(&av);
    /* an 8-octet RES is the first 64 bits of XDOUT */
    assert_int_equal(utsec_aka_key_setup_xor(&key, k, 8), 0);
    assert_int_equal(utsec_aka_vector_from_rand(&key, rnd, sqn, amf, &av), 0);
    assert_int_equal(av.xres_len, 8);
    assert_hex(av.xres, 8, "31231302716d5043");
    utsec_aka_vector_wipe(&av);
    utsec_aka_key_free(&key);
}

/* Keccak-f[1600] as SHA3-256 (rate 136, domain 0x06): digests from Python
 * hashlib.sha3_256. */
static void sha3_256(const uint8_t *msg, size_t n, uint8_t out[32])
{
    uint8_t blk[200];
    uint64_t a[25];
    size_t i, j;

    memset(a, 0, sizeof(a));
    assert_true(n < 136);
    memset(blk, 0, sizeof(blk));
    memcpy(blk, msg, n);
    blk[n] ^= 0x06;
    blk[135] ^= 0x80;
    for (i = 0; i < 17; i++)
        for (j = 0; j < 8; j++)
            a[i] |= (uint64_t)blk[8 * i + j] << (8 * j);
    utsec_aka_keccak_f1600(a);
    for (i = 0; i < 32; i++)
        out[i] = (uint8_t)(a[i / 8] >> (8 * (i % 8)));
}

static void test_keccak_sha3(void **state)
{
    uint8_t d[32];

    (void)state;
    sha3_256((const uint8_t *)"", 0, d);
    assert_hex(d, 32, "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
    sha3_256((const uint8_t *)"abc", 3, d);
    assert_hex(d, 32, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
}

static void test_bad_args(void **state)
{
    uint8_t k[32] = {1}, b16[16] = {0}, b32[32] = {0}, sqn[6] = {0};
    uint8_t amf[2] = {0}, out[32], ak[6];
    utsec_milenage_t m;
    utsec_tuak_params_t p = {8, 8, 16, 16, 1};
    utsec_aka_key_t key;

    (void)state;
    /* Milenage */
    utsec_milenage_init(&m);
    utsec_milenage_init(NULL);
    assert_int_equal(utsec_milenage_f1(&m, b16, sqn, amf, out, NULL), UTSEC_ERR_STATE);
    utsec_milenage_free(&m);
    assert_int_equal(utsec_milenage_opc(NULL, b16, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_opc(k, NULL, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_opc(k, b16, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_setup(NULL, k, b16, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_setup(&m, NULL, b16, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_f1(&m, b16, sqn, amf, out, NULL), UTSEC_ERR_STATE);
    assert_int_equal(utsec_milenage_f2345(&m, b16, out, NULL, NULL, NULL, NULL),
                     UTSEC_ERR_STATE);
    assert_int_equal(utsec_milenage_setup(&m, k, NULL, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_setup(&m, k, b16, 0), 0);
    assert_int_equal(utsec_milenage_f1(NULL, b16, sqn, amf, out, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_f1(&m, NULL, sqn, amf, out, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_f1(&m, b16, NULL, amf, out, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_f1(&m, b16, sqn, NULL, out, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_f2345(NULL, b16, out, NULL, NULL, NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_milenage_f2345(&m, NULL, out, NULL, NULL, NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    utsec_milenage_free(&m);
    utsec_milenage_free(NULL);
    /* free wipes: the context is unusable afterwards */
    assert_int_equal(utsec_milenage_f1(&m, b16, sqn, amf, out, NULL), UTSEC_ERR_STATE);

    /* TUAK */
    assert_int_equal(utsec_tuak_topc(k, 24, b32, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_topc(k, 16, b32, 0, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_topc(k, 16, b32, 256, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_topc(NULL, 16, b32, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_topc(k, 16, NULL, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_topc(k, 16, b32, 1, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_f1(k, 16, b32, b16, sqn, amf, 0, NULL, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_f1(k, 16, b32, b16, sqn, amf, 0, &p, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_f1(k, 16, b32, NULL, sqn, amf, 0, &p, out), UTSEC_ERR_INVALID_ARG);
    p.mac_len = 4;
    assert_int_equal(utsec_tuak_f1(k, 16, b32, b16, sqn, amf, 0, &p, out), UTSEC_ERR_INVALID_ARG);
    p.mac_len = 8;
    p.res_len = 2;
    assert_int_equal(utsec_tuak_f2345(k, 16, b32, b16, &p, out, NULL, NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    p.res_len = 4;
    p.ck_len = 24;
    assert_int_equal(utsec_tuak_f2345(k, 16, b32, b16, &p, out, NULL, NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    p.ck_len = 16;
    p.ik_len = 8;
    assert_int_equal(utsec_tuak_f2345(k, 16, b32, b16, &p, out, NULL, NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    p.ik_len = 16;
    assert_int_equal(utsec_tuak_f2345(k, 32, b32, b16, &p, out, NULL, NULL, NULL), 0);
    assert_int_equal(utsec_tuak_f2345(k, 16, NULL, b16, &p, out, NULL, NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_f5star(k, 16, b32, b16, 0, ak), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_f5star(k, 16, b32, b16, 1, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_tuak_f5star(k, 8, b32, b16, 1, ak), UTSEC_ERR_INVALID_ARG);

    /* neutral key */
    utsec_aka_key_init(&key);
    assert_int_equal(utsec_aka_f1(&key, b16, sqn, amf, out, NULL), UTSEC_ERR_STATE);
    assert_int_equal(utsec_aka_f2345(&key, b16, out, NULL, NULL, NULL, NULL), UTSEC_ERR_STATE);
    assert_int_equal(utsec_aka_f1(NULL, b16, sqn, amf, out, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_f1(&key, b16, NULL, amf, out, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_f2345(NULL, b16, out, NULL, NULL, NULL, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_f2345(&key, NULL, out, NULL, NULL, NULL, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_milenage(NULL, k, b16, 0, 8), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_milenage(&key, k, b16, 0, 3), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_milenage(&key, k, b16, 0, 9), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_milenage(&key, NULL, b16, 0, 8), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_milenage(&key, k, NULL, 0, 8), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_alg(&key), UTSEC_AKA_ALG_NONE);
    assert_int_equal(utsec_aka_key_setup_tuak(NULL, k, 16, b32, 0, 8, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_tuak(&key, k, 20, b32, 0, 8, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_tuak(&key, k, 16, b32, 0, 12, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_tuak(&key, k, 16, b32, 0, 8, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_tuak(&key, k, 16, b32, 0, 8, 256), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_tuak(&key, NULL, 16, b32, 0, 8, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_tuak(&key, k, 16, NULL, 0, 8, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_xor(NULL, k, 8), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_xor(&key, NULL, 8), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_xor(&key, k, 3), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_setup_xor(&key, k, 17), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_alg(&key), UTSEC_AKA_ALG_NONE);
    assert_int_equal(utsec_aka_key_alg(NULL), UTSEC_AKA_ALG_NONE);
    assert_int_equal(utsec_aka_key_res_len(NULL), 0);
    assert_int_equal(utsec_aka_key_res_len(&key), 0);
    /* a failed setup leaves a previously good key wiped, not half-set */
    assert_int_equal(utsec_aka_key_setup_xor(&key, k, 8), 0);
    assert_int_equal(utsec_aka_key_setup_tuak(&key, k, 16, b32, 0, 5, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_key_alg(&key), UTSEC_AKA_ALG_NONE);
    utsec_aka_key_free(&key);
    utsec_aka_key_free(NULL);
    utsec_aka_key_init(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_milenage_all_sets),
        cmocka_unit_test(test_milenage_neutral_key),
        cmocka_unit_test(test_milenage_short_res),
        cmocka_unit_test(test_tuak_sets),
        cmocka_unit_test(test_tuak_neutral_key),
        cmocka_unit_test(test_xor_example),
        cmocka_unit_test(test_keccak_sha3),
        cmocka_unit_test(test_bad_args),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
