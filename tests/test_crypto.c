/*
 * The private crypto core (lib/crypto.h) and the public byte helpers of
 * utsec.h: SHA-512/256 against FIPS 180-4 / NIST example values, HMAC
 * (RFC 2104/4231 style vectors, values cross-checked with Python hmac),
 * AES-128 (FIPS-197 C.1), strict base64 (RFC 4648 §10), hex, constant-time
 * compare, default RNG.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "support/testutil.h"

#include <stdlib.h>
#include <string.h>

#include "crypto.h"
#include "hex.h"
#include "utsec/utsec.h"

static const char *two_block =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
    "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

static void sha512_256_fips(void **state)
{
    uint8_t out[32];
    (void)state;

    /* FIPS 180-4 examples (NIST CSRC SHA512_256.pdf): "abc", two-block. */
    assert_int_equal(utsec_hash(UTSEC_HASH_SHA512_256, "abc", 3, out), 0);
    assert_hex_equal(out, 32, "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    assert_int_equal(utsec_hash(UTSEC_HASH_SHA512_256, two_block, 112, out), 0);
    assert_hex_equal(out, 32, "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a");
    /* Empty message and the padding boundaries 111/112 (Python hashlib). */
    assert_int_equal(utsec_hash(UTSEC_HASH_SHA512_256, "", 0, out), 0);
    assert_hex_equal(out, 32, "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a");
}

static void sha512_256_padding_boundaries(void **state)
{
    uint8_t a[112], out[32];
    (void)state;

    memset(a, 'a', sizeof(a));
    assert_int_equal(utsec_hash(UTSEC_HASH_SHA512_256, a, 111, out), 0);
    assert_hex_equal(out, 32, "0239e429f98d0ed61ee8e2a7c30afe98c1c3a80ce5dff62a107e9c538f7632ce");
    assert_int_equal(utsec_hash(UTSEC_HASH_SHA512_256, a, 112, out), 0);
    assert_hex_equal(out, 32, "9216b5303edb66504570bee90e48ea5beaa5e9fe9f760bbd3e0460559fc005f6");
}

/* Streaming gives the same result wherever the input is split. */
static void sha512_256_streaming_splits(void **state)
{
    uint8_t out[32];
    size_t split;
    (void)state;

    for (split = 0; split <= 112; split++) {
        utsec_hash_t h;
        assert_int_equal(utsec_hash_start(&h, UTSEC_HASH_SHA512_256), 0);
        assert_int_equal(utsec_hash_update(&h, two_block, split), 0);
        assert_int_equal(utsec_hash_update(&h, two_block + split, 112 - split), 0);
        assert_int_equal(utsec_hash_finish(&h, out), 0);
        assert_hex_equal(out, 32, "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a");
    }
}

/* One million 'a' (FIPS 180-4 long message), fed in odd-sized chunks. */
static void sha512_256_million_a(void **state)
{
    uint8_t chunk[997], out[32];
    utsec_hash_t h;
    size_t left = 1000000;
    (void)state;

    memset(chunk, 'a', sizeof(chunk));
    assert_int_equal(utsec_hash_start(&h, UTSEC_HASH_SHA512_256), 0);
    while (left > 0) {
        size_t n = left < sizeof(chunk) ? left : sizeof(chunk);
        assert_int_equal(utsec_hash_update(&h, chunk, n), 0);
        left -= n;
    }
    assert_int_equal(utsec_hash_finish(&h, out), 0);
    assert_hex_equal(out, 32, "9a59a052930187a97038cae692f30708aa6491923ef5194394dc68d56c74fb21");
}

static void md5_sha256_known(void **state)
{
    uint8_t out[32];
    (void)state;

    /* RFC 1321 A.5 and FIPS 180-2 "abc". */
    assert_int_equal(utsec_hash(UTSEC_HASH_MD5, "abc", 3, out), 0);
    assert_hex_equal(out, 16, "900150983cd24fb0d6963f7d28e17f72");
    assert_int_equal(utsec_hash(UTSEC_HASH_SHA256, "abc", 3, out), 0);
    assert_hex_equal(out, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_int_equal(utsec_hash_len(UTSEC_HASH_MD5), 16);
    assert_int_equal(utsec_hash_len((utsec_hash_alg_t)7), 0);
    assert_int_equal(utsec_hash((utsec_hash_alg_t)7, "abc", 3, out),
                     UTSEC_ERR_UNSUPPORTED);
}

static void hmac_known(void **state)
{
    uint8_t out[32], key[200];
    (void)state;

    /* RFC 2104 test 2 (MD5). */
    assert_int_equal(utsec_hmac(UTSEC_HASH_MD5, (const uint8_t *)"Jefe", 4,
                                "what do ya want for nothing?", 28, out), 0);
    assert_hex_equal(out, 16, "750c783e6ab0b503eaa86e310a5db738");
    /* RFC 4231 test case 2 (SHA-256). */
    assert_int_equal(utsec_hmac(UTSEC_HASH_SHA256, (const uint8_t *)"Jefe", 4,
                                "what do ya want for nothing?", 28, out), 0);
    assert_hex_equal(out, 32, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /* Key longer than the block (hashed first), SHA-512/256 (Python hmac). */
    memset(key, 'k', sizeof(key));
    assert_int_equal(utsec_hmac(UTSEC_HASH_SHA512_256, key, sizeof(key), "msg",
                                3, out), 0);
    assert_hex_equal(out, 32, "d87a5efd487b7a466829415c813e3cf1523feadec313246c0d6bea2b6f51f597");
    assert_int_equal(utsec_hmac((utsec_hash_alg_t)9, key, 1, "m", 1, out),
                     UTSEC_ERR_UNSUPPORTED);
}

static void aes128_fips197(void **state)
{
    uint8_t key[16], pt[16], ct[16];
    utsec_aes128_t a;
    (void)state;

    tu_hex("000102030405060708090a0b0c0d0e0f", key, 16);
    tu_hex("00112233445566778899aabbccddeeff", pt, 16);
    assert_int_equal(utsec_aes128_setkey(&a, key), 0);
    assert_int_equal(utsec_aes128_encrypt(&a, pt, ct), 0);
    assert_hex_equal(ct, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
    utsec_aes128_free(&a);
    assert_true(tu_all_zero(&a, sizeof(a)));
    utsec_aes128_free(NULL);
}

static void base64_rfc4648(void **state)
{
    static const char *const in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    static const char *const out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==",
                                      "Zm9vYmE=", "Zm9vYmFy"};
    char text[16];
    uint8_t bin[8];
    size_t i, n;
    (void)state;

    for (i = 0; i < 7; i++) {
        assert_int_equal(utsec_base64_encode((const uint8_t *)in[i], strlen(in[i]),
                                             text, sizeof(text), &n), 0);
        assert_string_equal(text, out[i]);
        assert_int_equal(n, strlen(out[i]));
        assert_int_equal(utsec_base64_decode(out[i], strlen(out[i]), bin,
                                             sizeof(bin), &n), 0);
        assert_int_equal(n, strlen(in[i]));
        assert_memory_equal(bin, in[i], n);
    }
    /* All 256 octet values survive a round trip, including 0x00, '+', '/'. */
    {
        uint8_t all[256], back[256];
        char t[UTSEC_BASE64_ENCODED_SIZE(256)];
        for (i = 0; i < 256; i++)
            all[i] = (uint8_t)i;
        assert_int_equal(utsec_base64_encode(all, 256, t, sizeof(t), &n), 0);
        assert_int_equal(n, 344);
        assert_int_equal(utsec_base64_decode(t, n, back, sizeof(back), &n), 0);
        assert_int_equal(n, 256);
        assert_memory_equal(all, back, 256);
    }
}

static void base64_strict_rejects(void **state)
{
    static const char *const bad[] = {
        "Zg",      /* length not a multiple of 4 */
        "Zg=",     /* idem */
        "Zh==",    /* non-zero pad bits */
        "Zm9=",    /* non-zero pad bits (one '=') */
        "Z===",    /* too much padding */
        "====",    /* only padding */
        "Zg=a",    /* '=' inside */
        "=Zm9",    /* '=' first */
        " Zg=",    /* white space */
        "Zm9v\n",  /* newline */
        "Zm9-",    /* URL-safe alphabet is not base64 */
        "Zm9_",
        "Zm\x80v", /* high octet */
    };
    uint8_t out[8], guard[8];
    size_t i, n = 99;
    (void)state;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        memset(out, 0xAA, sizeof(out));
        memset(guard, 0xAA, sizeof(guard));
        assert_int_equal(utsec_base64_decode(bad[i], strlen(bad[i]), out,
                                             sizeof(out), &n), UTSEC_ERR_BASE64);
        assert_memory_equal(out, guard, sizeof(out)); /* nothing written */
        assert_int_equal(n, 99);
    }
    /* NUL inside the text is rejected, not a terminator. */
    assert_int_equal(utsec_base64_decode("Zm\0v", 4, out, sizeof(out), &n),
                     UTSEC_ERR_BASE64);
}

static void base64_errors(void **state)
{
    char text[8];
    uint8_t out[2];
    size_t n;
    (void)state;

    assert_int_equal(utsec_base64_encode((const uint8_t *)"foo", 3, text, 4, &n),
                     UTSEC_ERR_BUFFER_TOO_SMALL); /* needs 5 with the NUL */
    assert_int_equal(utsec_base64_encode((const uint8_t *)"foo", 3, text, 5, &n), 0);
    assert_int_equal(utsec_base64_encode(NULL, 1, text, 8, &n), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_base64_encode(NULL, 0, text, 8, &n), 0);
    assert_string_equal(text, "");
    assert_int_equal(utsec_base64_encode((const uint8_t *)"a", 1, NULL, 8, &n),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_base64_decode("Zm9v", 4, out, sizeof(out), &n),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_base64_decode("Zm9v", 4, out, sizeof(out), NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_base64_decode(NULL, 4, out, sizeof(out), &n),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(UTSEC_BASE64_ENCODED_SIZE(32), 45);
}

static void hex_helpers(void **state)
{
    uint8_t b[4];
    char t[9];
    size_t n;
    (void)state;

    assert_int_equal(hex_decode("00aFff10", 8, b, sizeof(b), &n), 0);
    assert_int_equal(n, 4);
    hex_encode(b, 4, t);
    assert_string_equal(t, "00afff10");
    assert_int_equal(hex_decode("0", 1, b, 4, &n), UTSEC_ERR_HEX);
    assert_int_equal(hex_decode("0g", 2, b, 4, &n), UTSEC_ERR_HEX);
    assert_int_equal(hex_decode("0x00", 4, b, 4, &n), UTSEC_ERR_HEX);
    assert_int_equal(hex_decode("0000000000", 10, b, 4, &n),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
}

static void ct_equal_and_wipe(void **state)
{
    uint8_t a[33], b[33];
    size_t i;
    (void)state;

    memset(a, 0x5A, sizeof(a));
    memcpy(b, a, sizeof(b));
    assert_int_equal(utsec_ct_equal(a, b, sizeof(a)), 1);
    assert_int_equal(utsec_ct_equal(a, b, 0), 1);
    for (i = 0; i < sizeof(a); i++) { /* a difference anywhere, any bit */
        b[i] ^= (uint8_t)(1u << (i % 8));
        assert_int_equal(utsec_ct_equal(a, b, sizeof(a)), 0);
        b[i] = a[i];
    }
    /* Octets after a 0x00 still count (the doubango strncmp bug). */
    a[0] = b[0] = 0;
    b[5] ^= 1;
    assert_int_equal(utsec_ct_equal(a, b, sizeof(a)), 0);
    utsec_wipe(a, sizeof(a));
    assert_true(tu_all_zero(a, sizeof(a)));
    utsec_wipe(NULL, 5);
}

static void rng_default(void **state)
{
    utsec_rng_default_t *rng = malloc(sizeof(*rng));
    uint8_t x[48], y[48];
    (void)state;

    assert_non_null(rng);
    assert_int_equal(utsec_rng_default_init(rng, (const uint8_t *)"test", 4), 0);
    assert_int_equal(utsec_rng_default(rng, x, sizeof(x)), 0);
    assert_int_equal(utsec_rng_default(rng, y, sizeof(y)), 0);
    assert_memory_not_equal(x, y, sizeof(x));
    assert_int_equal(utsec_rng_default(rng, NULL, 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_rng_default(NULL, x, 1), UTSEC_ERR_INVALID_ARG);
    utsec_rng_default_free(rng);
    assert_true(tu_all_zero(rng, sizeof(*rng)));
    assert_int_equal(utsec_rng_default_init(NULL, NULL, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_rng_default_init(rng, NULL, 3), UTSEC_ERR_INVALID_ARG);
    utsec_rng_default_free(NULL);
    free(rng);
}

/* More than one CTR-DRBG request (1024 octets) in one call. */
static void rng_default_large(void **state)
{
    static utsec_rng_default_t rng;
    static uint8_t big[5000];
    (void)state;

    assert_int_equal(utsec_rng_default_init(&rng, NULL, 0), 0);
    assert_int_equal(utsec_rng_default(&rng, big, sizeof(big)), 0);
    assert_false(tu_all_zero(big + 4000, 1000));
    utsec_rng_default_free(&rng);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sha512_256_fips),
        cmocka_unit_test(sha512_256_padding_boundaries),
        cmocka_unit_test(sha512_256_streaming_splits),
        cmocka_unit_test(sha512_256_million_a),
        cmocka_unit_test(md5_sha256_known),
        cmocka_unit_test(hmac_known),
        cmocka_unit_test(aes128_fips197),
        cmocka_unit_test(base64_rfc4648),
        cmocka_unit_test(base64_strict_rejects),
        cmocka_unit_test(base64_errors),
        cmocka_unit_test(hex_helpers),
        cmocka_unit_test(ct_equal_and_wipe),
        cmocka_unit_test(rng_default),
        cmocka_unit_test(rng_default_large),
    };
    return cmocka_run_group_tests_name("crypto", tests, NULL, NULL);
}
