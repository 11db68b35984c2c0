/*
 * RFC 3310 nonce and AUTS codecs: FACTS §8.2 values (self-computed from
 * 35.208 Set 1, base64 cross-checked with Python's base64 module), server
 * data handling, and every rejection.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_test_util.h"
#include "utsec/aka.h"

static const char set1_nonce[] = "I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=";

static void test_nonce_set1(void **state)
{
    uint8_t rnd[16], autn[16], sd[8];
    size_t sd_len = 99, n;
    char out[128];

    (void)state;
    assert_int_equal(utsec_aka_nonce_decode(set1_nonce, strlen(set1_nonce), rnd, autn,
                                            sd, sizeof(sd), &sd_len), 0);
    assert_hex(rnd, 16, "23553cbe9637a89d218ae64dae47bf35");
    assert_hex(autn, 16, "55f328b43577b9b94a9ffac354dfafb3");
    assert_int_equal(sd_len, 0);
    assert_int_equal(utsec_aka_nonce_encode(rnd, autn, NULL, 0, out, sizeof(out), &n), 0);
    assert_int_equal(n, 44);
    assert_string_equal(out, set1_nonce);
}

static void test_nonce_server_data(void **state)
{
    static const char with_sd[] = "I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7MA/xA=";
    uint8_t rnd[16], autn[16], sd[3], small[2], sd_in[3] = {0x00, 0xff, 0x10};
    size_t sd_len = 0;
    char out[64];

    (void)state;
    assert_int_equal(utsec_aka_nonce_decode(with_sd, strlen(with_sd), rnd, autn, sd,
                                            sizeof(sd), &sd_len), 0);
    assert_int_equal(sd_len, 3);
    assert_hex(sd, 3, "00ff10");
    assert_hex(autn, 16, "55f328b43577b9b94a9ffac354dfafb3");
    /* the caller may skip the server data but still learn its length */
    sd_len = 0;
    assert_int_equal(utsec_aka_nonce_decode(with_sd, strlen(with_sd), rnd, autn, NULL, 0,
                                            &sd_len), 0);
    assert_int_equal(sd_len, 3);
    /* too small a buffer for it: nothing written */
    memset(rnd, 0xAB, sizeof(rnd));
    assert_int_equal(utsec_aka_nonce_decode(with_sd, strlen(with_sd), rnd, autn, small,
                                            sizeof(small), &sd_len), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_hex(rnd, 16, "abababababababababababababababab");
    hx("23553cbe9637a89d218ae64dae47bf35", rnd, 16);
    assert_int_equal(utsec_aka_nonce_encode(rnd, autn, sd_in, 3, out, sizeof(out), NULL), 0);
    assert_string_equal(out, with_sd);
}

static void test_nonce_rejects(void **state)
{
    static uint8_t big[UTSEC_AKA_NONCE_MIN_LEN + UTSEC_AKA_NONCE_MAX_SERVER_DATA + 1];
    static char text[2048];
    uint8_t rnd[16] = {0}, autn[16] = {0};
    char out[8];
    size_t n;

    (void)state;
    /* 31 octets: shorter than RAND || AUTN */
    assert_int_equal(utsec_aka_nonce_decode("I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfrw==", 44,
                                            rnd, autn, NULL, 0, NULL), UTSEC_ERR_PARSE);
    assert_int_equal(utsec_aka_nonce_decode("", 0, rnd, autn, NULL, 0, NULL), UTSEC_ERR_PARSE);
    /* not base64 / not strict base64 */
    assert_int_equal(utsec_aka_nonce_decode("I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M", 43,
                                            rnd, autn, NULL, 0, NULL), UTSEC_ERR_BASE64);
    assert_int_equal(utsec_aka_nonce_decode("I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M*", 44,
                                            rnd, autn, NULL, 0, NULL), UTSEC_ERR_BASE64);
    assert_int_equal(utsec_aka_nonce_decode(" I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M", 44,
                                            rnd, autn, NULL, 0, NULL), UTSEC_ERR_BASE64);
    /* server data above the documented limit */
    assert_int_equal(utsec_base64_encode(big, sizeof(big), text, sizeof(text), &n), 0);
    assert_int_equal(utsec_aka_nonce_decode(text, n, rnd, autn, NULL, 0, NULL), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_aka_nonce_encode(rnd, autn, big, UTSEC_AKA_NONCE_MAX_SERVER_DATA + 1,
                                            text, sizeof(text), NULL), UTSEC_ERR_TOO_LONG);
    /* the limit itself is accepted */
    assert_int_equal(utsec_aka_nonce_encode(rnd, autn, big, UTSEC_AKA_NONCE_MAX_SERVER_DATA, text,
                                            sizeof(text), &n), 0);
    assert_int_equal(utsec_aka_nonce_decode(text, n, rnd, autn, NULL, 0, &n), 0);
    assert_int_equal(n, UTSEC_AKA_NONCE_MAX_SERVER_DATA);
    /* arguments */
    assert_int_equal(utsec_aka_nonce_decode(NULL, 0, rnd, autn, NULL, 0, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_nonce_decode(set1_nonce, 44, NULL, autn, NULL, 0, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_nonce_decode(set1_nonce, 44, rnd, NULL, NULL, 0, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_nonce_encode(NULL, autn, NULL, 0, text, sizeof(text), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_nonce_encode(rnd, NULL, NULL, 0, text, sizeof(text), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_nonce_encode(rnd, autn, NULL, 1, text, sizeof(text), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_nonce_encode(rnd, autn, NULL, 0, NULL, 0, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_nonce_encode(rnd, autn, NULL, 0, out, sizeof(out), NULL),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
}

static void test_auts_codec(void **state)
{
    uint8_t auts[14];
    char out[21];
    size_t n = 0;

    (void)state;
    assert_int_equal(utsec_aka_auts_decode("RR6L7KQb+O5YnUbYNck=", 20, auts), 0);
    assert_hex(auts, 14, "451e8beca41bf8ee589d46d835c9");
    assert_int_equal(utsec_aka_auts_encode(auts, out, sizeof(out), &n), 0);
    assert_int_equal(n, 20);
    assert_string_equal(out, "RR6L7KQb+O5YnUbYNck=");
    assert_int_equal(utsec_aka_auts_encode(auts, out, 20, NULL), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_aka_auts_encode(NULL, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_auts_encode(auts, NULL, 0, NULL), UTSEC_ERR_INVALID_ARG);
    /* 15 and 13 octets: wrong length */
    assert_int_equal(utsec_aka_auts_decode("AAAAAAAAAAAAAAAAAAAA", 20, auts), UTSEC_ERR_PARSE);
    assert_int_equal(utsec_aka_auts_decode("AAAAAAAAAAAAAAAAAA==", 20, auts), UTSEC_ERR_PARSE);
    assert_int_equal(utsec_aka_auts_decode("RR6L7KQb+O5YnUbY", 16, auts), UTSEC_ERR_PARSE);
    assert_int_equal(utsec_aka_auts_decode("RR6L7KQb+O5YnUbYNck", 19, auts), UTSEC_ERR_BASE64);
    assert_int_equal(utsec_aka_auts_decode("RR6L7KQb+O5YnUbYNck*", 20, auts), UTSEC_ERR_BASE64);
    /* non-zero pad bits are not accepted (one encoding per value) */
    assert_int_equal(utsec_aka_auts_decode("RR6L7KQb+O5YnUbYNcl=", 20, auts), UTSEC_ERR_BASE64);
    assert_int_equal(utsec_aka_auts_decode(NULL, 20, auts), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_aka_auts_decode("RR6L7KQb+O5YnUbYNck=", 20, NULL), UTSEC_ERR_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nonce_set1),
        cmocka_unit_test(test_nonce_server_data),
        cmocka_unit_test(test_nonce_rejects),
        cmocka_unit_test(test_auts_codec),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
