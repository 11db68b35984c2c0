/*
 * Shared fixtures of the Ub suites (test_boot_ue.c, test_boot_bsf.c):
 * the FACTS §8 Set 1 subscriber (TS 35.208 Milenage Set 1, self-computed
 * Ub values), a fixed RNG and an injectable clock.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TESTS_BOOT_TEST_UTIL_H
#define UTSEC_TESTS_BOOT_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "support/testutil.h"
#include "utsec/bootstrap.h"

#define S(s) (s), (sizeof(s) - 1)

/* TS 35.208 Set 1 and the FACTS §8 identities. */
static const char set1_k[] = "465b5ce8b199b49faa5f0a2ee238a6bc";
static const char set1_op[] = "cdc202d5123e20f62b6d676ac72cb318";
static const char selfgen_impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char selfgen_bsf[] = "bsf.mnc001.mcc001.pub.3gppnetwork.org";
static const char selfgen_naf[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";
static const char selfgen_ks[] =
    "b40ba9a3c58b2a05bbf0d987b21bf8cbf769bcd751044604127672711c6d3441";
static const char selfgen_ks_naf[] =
    "fd1ac8d09e974a83d864e40f158ddb173379a13316de75a7f659d3b4ab4dffab";
static const char selfgen_ks_int_naf[] =
    "1d6da35624584c90c0e53b45f35a56576125b95c43afb75a0bc65678b4506459";

/* 2026-01-01T00:00:00Z, the lifetime in the FACTS §8.2 body. */
#define T_2026 1767225600

static int64_t test_clock;

static inline int64_t fake_time(void *ctx)
{
    (void)ctx;
    return test_clock;
}

/* Every random octet of the client is 0a 4f 11 3b in turn, so its cnonce is
 * "0a4f113b" four times (FACTS §8.2 uses "0a4f113b" once). */
static inline int cnonce_rng(void *ctx, unsigned char *out, size_t len)
{
    static const unsigned char pat[4] = {0x0a, 0x4f, 0x11, 0x3b};
    size_t i;

    (void)ctx;
    for (i = 0; i < len; i++)
        out[i] = pat[i % 4];
    return 0;
}

static inline void set1_key(utsec_aka_key_t *key)
{
    uint8_t k[16], op[16];

    tu_hex(set1_k, k, 16);
    tu_hex(set1_op, op, 16);
    utsec_aka_key_init(key);
    assert_int_equal(utsec_aka_key_setup_milenage(key, k, op, 1, 8), 0);
}

/* NAF_Id = FQDN || 01 00 00 00 02 (HTTP Digest). */
static inline size_t selfgen_naf_id(uint8_t *out, size_t size)
{
    size_t n = 0;

    assert_int_equal(utsec_gba_naf_id(S(selfgen_naf), UTSEC_GBA_UA_HTTP_DIGEST,
                                      out, size, &n), 0);
    return n;
}

#endif
