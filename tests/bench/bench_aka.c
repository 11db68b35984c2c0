/*
 * AKA benchmarks: a Milenage authentication vector and the UE's AUTN check
 * against 7 raw mbedTLS AES-128 block encryptions (the floor: a
 * vector needs OPc-free f1..f5 = 6 blocks + TEMP; this library needs 5),
 * and a TUAK vector (no mbedTLS floor: Keccak is ours).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "bench.h"

#include <string.h>

#include <mbedtls/aes.h>

#include "utsec/aka.h"

/* AUTN check: vectors with SEQ = 1..AUTN_VECTORS, checked in turn, so the
 * SQN state is reset once per AUTN_VECTORS checks instead of each time. */
#define AUTN_VECTORS 256

struct aka_ctx {
    utsec_aka_key_t mil, tuak;
    utsec_aka_vector_t av, autn[AUTN_VECTORS];
    size_t next;
    utsec_aka_sqn_state_t st;
    utsec_aka_ue_result_t r;
    mbedtls_aes_context aes;
    uint8_t rand[16], sqn[6], amf[2], block[16];
};

static int op_milenage_vector(void *p, size_t iters)
{
    struct aka_ctx *c = p;

    while (iters--) {
        c->rand[0]++;
        if (utsec_aka_vector_from_rand(&c->mil, c->rand, c->sqn, c->amf, &c->av))
            return -1;
    }
    return 0;
}

static int op_tuak_vector(void *p, size_t iters)
{
    struct aka_ctx *c = p;

    while (iters--) {
        c->rand[0]++;
        if (utsec_aka_vector_from_rand(&c->tuak, c->rand, c->sqn, c->amf, &c->av))
            return -1;
    }
    return 0;
}

/* The UE's full check (AUTN verification, SQN freshness, RES/CK/IK) of
 * each vector in turn, every one fresh. The SQN state is reset when the
 * list starts over (1 in AUTN_VECTORS checks): the reset is the harness's
 * doing, not part of a check, so it is amortised rather than timed each
 * time (a 544-octet memset would be 10% of a check). */
static int op_autn_check(void *p, size_t iters)
{
    struct aka_ctx *c = p;

    while (iters--) {
        const utsec_aka_vector_t *v = &c->autn[c->next];

        if ((c->next == 0 &&
             utsec_aka_sqn_init(&c->st, UTSEC_AKA_IND_BITS_DEFAULT,
                                UTSEC_AKA_DELTA_DEFAULT, 0) != 0) ||
            utsec_aka_ue_check(&c->mil, &c->st, v->rand, v->autn, &c->r) != 0)
            return -1;
        c->next = (c->next + 1) % AUTN_VECTORS;
    }
    return 0;
}

static int floor_7_aes(void *p, size_t iters)
{
    struct aka_ctx *c = p;
    int i;

    while (iters--)
        for (i = 0; i < 7; i++)
            if (mbedtls_aes_crypt_ecb(&c->aes, MBEDTLS_AES_ENCRYPT, c->block, c->block))
                return -1;
    return 0;
}

void bench_aka(void)
{
    static struct aka_ctx c;
    uint8_t k[32], op[32];
    double floor;
    size_t i;

    memset(k, 0x46, sizeof(k));
    memset(op, 0xcd, sizeof(op));
    utsec_aka_key_init(&c.mil);
    utsec_aka_key_init(&c.tuak);
    utsec_aka_key_setup_milenage(&c.mil, k, op, 1, 8);
    utsec_aka_key_setup_tuak(&c.tuak, k, 16, op, 1, 8, 1);
    utsec_aka_sqn_compose(1, 0, UTSEC_AKA_IND_BITS_DEFAULT, c.sqn);
    c.amf[0] = 0x80;
    mbedtls_aes_init(&c.aes);
    mbedtls_aes_setkey_enc(&c.aes, k, 128);
    floor = bench_rate(floor_7_aes, &c, 200);
    bench_report("milenage_vector", bench_rate(op_milenage_vector, &c, 200),
                 floor, "ops/s", "7 AES-128 blocks (mbedtls_aes_crypt_ecb)");
    for (i = 0; i < AUTN_VECTORS; i++) {
        uint8_t sqn[6];

        c.rand[1] = (uint8_t)i;
        utsec_aka_sqn_compose(1 + i, 0, UTSEC_AKA_IND_BITS_DEFAULT, sqn);
        utsec_aka_vector_from_rand(&c.mil, c.rand, sqn, c.amf, &c.autn[i]);
    }
    c.next = 0;
    bench_report("autn_check", bench_rate(op_autn_check, &c, 200), floor,
                 "ops/s", "7 AES-128 blocks (the check needs 5, TS 35.206, + SQN logic)");
    bench_report("tuak_vector", bench_rate(op_tuak_vector, &c, 200), 0,
                 "ops/s", "none (Keccak-f[1600] is libutsec's own)");
    utsec_aka_vector_wipe(&c.av);
    for (i = 0; i < AUTN_VECTORS; i++)
        utsec_aka_vector_wipe(&c.autn[i]);
    utsec_aka_ue_result_wipe(&c.r);
    utsec_aka_key_free(&c.mil);
    utsec_aka_key_free(&c.tuak);
    mbedtls_aes_free(&c.aes);
}
