/*
 * BSF bootstrapping contexts, the in-memory store (bound, expiry,
 * eviction) and the Zn lookup (TS 33.220 §4.5.2, §4.5.3, B.3).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "support/testutil.h"

#include <string.h>

#include "utsec/bootstrap.h"

/* FACTS §8 */
#define KS "b40ba9a3c58b2a05bbf0d987b21bf8cbf769bcd751044604127672711c6d3441"
#define RAND "23553cbe9637a89d218ae64dae47bf35"
static const char impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char btid[] = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org";
static const char fqdn[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";

static int64_t clock_now;
static int64_t fake_now(void *ctx)
{
    (void)ctx;
    return clock_now;
}

static void make_ctx(utsec_boot_ctx_t *c, const char *b, int64_t lifetime)
{
    uint8_t ks[32], rnd[16];

    tu_hex(KS, ks, 32);
    tu_hex(RAND, rnd, 16);
    assert_int_equal(utsec_boot_ctx_set(c, b, strlen(b), rnd, ks, impi,
                                        strlen(impi), 1000, lifetime), 0);
}

static void zn_lookup_selfgen(void **state)
{
    utsec_boot_ctx_t slots[2], c;
    utsec_boot_mem_t m;
    utsec_boot_store_t st;
    utsec_boot_zn_answer_t a;
    uint8_t id[64];
    size_t id_len;
    (void)state;

    clock_now = 1500;
    assert_int_equal(utsec_boot_mem_init(&m, slots, 2, fake_now, NULL, &st), 0);
    make_ctx(&c, btid, 5000);
    assert_int_equal(utsec_boot_ctx_add_id(&c, "sip:alice@ims.example", 21), 0);
    assert_int_equal(utsec_boot_ctx_add_id(&c, "tel:+15551234567", 16), 0);
    c.uicc = 1;
    assert_int_equal(st.put(st.ctx, &c), 0);
    utsec_boot_ctx_wipe(&c);
    assert_true(tu_all_zero(&c, sizeof(c)));

    assert_int_equal(utsec_gba_naf_id(fqdn, strlen(fqdn), UTSEC_GBA_UA_HTTP_DIGEST,
                                      id, sizeof(id), &id_len), 0);
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, id_len,
                                          UTSEC_GBA_VARIANT_ME, 1500, &a), 0);
    assert_hex_equal(a.key, 32, "fd1ac8d09e974a83d864e40f158ddb173379a13316de75a7f659d3b4ab4dffab");
    assert_int_equal(a.lifetime, 5000);
    assert_int_equal(a.boot_time, 1000);
    assert_string_equal(a.impi, impi);
    assert_int_equal(a.n_ids, 2);
    assert_string_equal(a.ids[0], "sip:alice@ims.example");
    assert_string_equal(a.ids[1], "tel:+15551234567");
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, id_len,
                                          UTSEC_GBA_VARIANT_U_INT, 1500, &a), 0);
    assert_hex_equal(a.key, 32, "1d6da35624584c90c0e53b45f35a56576125b95c43afb75a0bc65678b4506459");
    utsec_boot_mem_free(&m);
    assert_true(tu_all_zero(slots, sizeof(slots)));
}

static void zn_lookup_errors(void **state)
{
    utsec_boot_ctx_t slots[1], c;
    utsec_boot_mem_t m;
    utsec_boot_store_t st;
    utsec_boot_zn_answer_t a, guard;
    const uint8_t *id = (const uint8_t *)"naf\x01\x00\x00\x00\x02";
    (void)state;

    clock_now = 1500;
    assert_int_equal(utsec_boot_mem_init(&m, slots, 1, fake_now, NULL, &st), 0);
    make_ctx(&c, btid, 5000);
    assert_int_equal(st.put(st.ctx, &c), 0);
    memset(&a, 0x3C, sizeof(a));
    memcpy(&guard, &a, sizeof(a));
    assert_int_equal(utsec_boot_zn_lookup(&st, "x@y", 3, id, 8, UTSEC_GBA_VARIANT_ME,
                                          1500, &a), UTSEC_ERR_UNKNOWN_ID);
    /* Ks_int_NAF only for GBA_U contexts */
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, 8,
                                          UTSEC_GBA_VARIANT_U_INT, 1500, &a),
                     UTSEC_ERR_UNSUPPORTED);
    /* the NAF's clock says expired though the store's did not */
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, 8,
                                          UTSEC_GBA_VARIANT_ME, 5000, &a),
                     UTSEC_ERR_EXPIRED);
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, 0,
                                          UTSEC_GBA_VARIANT_ME, 1500, &a),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, 8,
                                          (utsec_gba_variant_t)7, 1500, &a),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_zn_lookup(NULL, btid, strlen(btid), id, 8,
                                          UTSEC_GBA_VARIANT_ME, 1500, &a),
                     UTSEC_ERR_INVALID_ARG);
    assert_memory_equal(&a, &guard, sizeof(a)); /* untouched on errors */
    /* the store's clock passes the lifetime: expired and wiped */
    clock_now = 5000;
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, 8,
                                          UTSEC_GBA_VARIANT_ME, 4000, &a),
                     UTSEC_ERR_EXPIRED);
    assert_true(tu_all_zero(&slots[0], sizeof(slots[0])));
    assert_int_equal(utsec_boot_zn_lookup(&st, btid, strlen(btid), id, 8,
                                          UTSEC_GBA_VARIANT_ME, 4000, &a),
                     UTSEC_ERR_UNKNOWN_ID);
}

static void store_bound_and_eviction(void **state)
{
    utsec_boot_ctx_t slots[3], c;
    utsec_boot_mem_t m;
    utsec_boot_store_t st;
    (void)state;

    clock_now = 1500;
    assert_int_equal(utsec_boot_mem_init(&m, slots, 3, fake_now, NULL, &st), 0);
    make_ctx(&c, "a@h", 3000); assert_int_equal(st.put(st.ctx, &c), 0);
    make_ctx(&c, "b@h", 2000); assert_int_equal(st.put(st.ctx, &c), 0);
    make_ctx(&c, "c@h", 4000); assert_int_equal(st.put(st.ctx, &c), 0);
    /* full: d evicts b, which expires first */
    make_ctx(&c, "d@h", 5000); assert_int_equal(st.put(st.ctx, &c), 0);
    assert_int_equal(st.get(st.ctx, "b@h", 3, &c), UTSEC_ERR_NOT_FOUND);
    assert_int_equal(st.get(st.ctx, "a@h", 3, &c), 0);
    assert_int_equal(st.get(st.ctx, "d@h", 3, &c), 0);
    assert_int_equal(c.lifetime, 5000);
    /* same B-TID replaces in place */
    make_ctx(&c, "a@h", 6000); assert_int_equal(st.put(st.ctx, &c), 0);
    assert_int_equal(st.get(st.ctx, "a@h", 3, &c), 0);
    assert_int_equal(c.lifetime, 6000);
    /* an expired slot is reused before any live one is evicted */
    clock_now = 4500; /* c@h (4000) expired */
    make_ctx(&c, "e@h", 7000); assert_int_equal(st.put(st.ctx, &c), 0);
    assert_int_equal(st.get(st.ctx, "d@h", 3, &c), 0);
    assert_int_equal(st.get(st.ctx, "a@h", 3, &c), 0);
    assert_int_equal(st.get(st.ctx, "e@h", 3, &c), 0);
    assert_int_equal(st.get(st.ctx, "c@h", 3, &c), UTSEC_ERR_NOT_FOUND);
    /* remove */
    assert_int_equal(st.remove(st.ctx, "e@h", 3), 0);
    assert_int_equal(st.remove(st.ctx, "e@h", 3), UTSEC_ERR_NOT_FOUND);
    assert_int_equal(st.get(st.ctx, "e@h", 3, &c), UTSEC_ERR_NOT_FOUND);
    assert_int_equal(st.put(st.ctx, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(st.get(st.ctx, NULL, 3, &c), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(st.remove(st.ctx, NULL, 3), UTSEC_ERR_INVALID_ARG);
    utsec_boot_mem_free(&m);
    utsec_boot_mem_free(NULL);
    assert_int_equal(utsec_boot_mem_init(&m, slots, 0, NULL, NULL, &st), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_mem_init(&m, NULL, 3, NULL, NULL, &st), UTSEC_ERR_INVALID_ARG);
}

static void ctx_set_errors(void **state)
{
    utsec_boot_ctx_t c;
    uint8_t ks[32] = {1}, rnd[16] = {2};
    static char long_s[300];
    size_t i;
    (void)state;

    memset(long_s, 'x', sizeof(long_s));
    assert_int_equal(utsec_boot_ctx_set(&c, "b h", 3, rnd, ks, "i", 1, 1, 2),
                     UTSEC_ERR_INVALID_ARG);
    assert_true(tu_all_zero(&c, sizeof(c))); /* wiped on error */
    assert_int_equal(utsec_boot_ctx_set(&c, "b@h", 3, rnd, ks, "i", 1, 2, 2),
                     UTSEC_ERR_INVALID_ARG); /* lifetime not after boot time */
    assert_int_equal(utsec_boot_ctx_set(&c, long_s, 256, rnd, ks, "i", 1, 1, 2),
                     UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_boot_ctx_set(&c, "b@h", 3, rnd, ks, long_s, 256, 1, 2),
                     UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_boot_ctx_set(&c, "b@h", 3, NULL, ks, "i", 1, 1, 2),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_ctx_set(NULL, "b@h", 3, rnd, ks, "i", 1, 1, 2),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_ctx_set(&c, "b@h", 3, rnd, ks, "i", 1, 1, 2), 0);
    for (i = 0; i < UTSEC_BOOT_MAX_IDS; i++)
        assert_int_equal(utsec_boot_ctx_add_id(&c, "sip:a@b", 7), 0);
    assert_int_equal(utsec_boot_ctx_add_id(&c, "sip:a@b", 7), UTSEC_ERR_TOO_MANY);
    assert_int_equal(utsec_boot_ctx_add_id(&c, long_s, UTSEC_BOOT_ID_MAX + 1), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_boot_ctx_add_id(&c, "", 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_ctx_add_id(&c, "a\0b", 3), UTSEC_ERR_INVALID_ARG);
    utsec_boot_ctx_wipe(&c);
    assert_true(tu_all_zero(&c, sizeof(c)));
    utsec_boot_ctx_wipe(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(zn_lookup_selfgen),
        cmocka_unit_test(zn_lookup_errors),
        cmocka_unit_test(store_bound_and_eviction),
        cmocka_unit_test(ctx_set_errors),
    };
    return cmocka_run_group_tests_name("boot_store", tests, NULL, NULL);
}
