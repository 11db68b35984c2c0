/*
 * GBA key derivation (TS 33.220 Annex B, Annex H, §4.5.2), AKMA (TS 33.535
 * Annex A) and key lifetimes.
 *
 * There are no official Ks_NAF vectors (FACTS §1.7); the selfgen_* values
 * come from FACTS §8 (independent Python implementation, cross-checked with
 * OpenSSL HMAC) on top of the official TS 35.208 Set 1 Milenage outputs.
 * Randomized tests compare the library with a second route: S assembled by
 * hand in the test and fed to mbedTLS's own HMAC (mbedtls_md_hmac), which
 * shares no code with the library's streaming HMAC.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "support/testutil.h"

#include <stdlib.h>
#include <string.h>

#include <mbedtls/md.h>

#include "utsec/gba.h"

/* FACTS §8.1 */
#define CK "b40ba9a3c58b2a05bbf0d987b21bf8cb"
#define IK "f769bcd751044604127672711c6d3441"
#define RAND "23553cbe9637a89d218ae64dae47bf35"
static const char impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char naf_fqdn[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";
static const char bsf_host[] = "bsf.mnc001.mcc001.pub.3gppnetwork.org";

/* FACTS §8.3: the 127-octet S for Ks_NAF, HTTP Digest NAF_Id. */
static const char facts_s[] =
    "016762612d6d65000623553cbe9637a89d218ae64dae47bf35001030303130313031"
    "323334353637383940696d732e6d6e633030312e6d63633030312e336770706e6574"
    "776f726b2e6f72670031786361702e696d732e6d6e633030312e6d63633030312e70"
    "75622e336770706e6574776f726b2e6f72670100000002002f";

static void ref_hmac(const uint8_t *key, size_t key_len, const uint8_t *s,
                     size_t s_len, uint8_t out[32])
{
    assert_int_equal(mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256),
                                     key, key_len, s, s_len, out), 0);
}

static void load_ks(uint8_t ks[32], uint8_t rnd[16])
{
    uint8_t ck[16], ik[16];

    tu_hex(CK, ck, 16);
    tu_hex(IK, ik, 16);
    assert_int_equal(utsec_gba_ks(ck, ik, ks), 0);
    tu_hex(RAND, rnd, 16);
}

static size_t naf_id(const uint8_t *ua, uint8_t *out, size_t cap)
{
    size_t n;

    assert_int_equal(utsec_gba_naf_id(naf_fqdn, strlen(naf_fqdn), ua, out, cap, &n), 0);
    return n;
}

/* The KDF input is exactly FACTS §8.3's 127 octets: HMAC over those octets
 * with mbedTLS gives the library's Ks_NAF, and the hand-assembled S equals
 * the published hex. */
static void selfgen_kdf_input_string(void **state)
{
    uint8_t s[127], ks[32], rnd[16], id[64], want[32], got[32];
    size_t n, id_len;
    (void)state;

    assert_int_equal(tu_hex(facts_s, s, sizeof(s)), 127);
    load_ks(ks, rnd);
    assert_hex_equal(ks, 32, CK IK);
    id_len = naf_id(UTSEC_GBA_UA_HTTP_DIGEST, id, sizeof(id));
    assert_int_equal(id_len, 47);
    ref_hmac(ks, 32, s, 127, want);
    assert_int_equal(utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rnd, impi,
                                      strlen(impi), id, id_len, got), 0);
    assert_memory_equal(got, want, 32);
    /* Field by field: FC, P0/L0, P1/L1, P2/L2, P3/L3. */
    n = 0;
    assert_int_equal(s[n], 0x01); n += 1;
    assert_memory_equal(s + n, "gba-me\x00\x06", 8); n += 8;
    assert_memory_equal(s + n, rnd, 16); n += 16;
    assert_memory_equal(s + n, "\x00\x10", 2); n += 2;
    assert_memory_equal(s + n, impi, 49); n += 49;
    assert_memory_equal(s + n, "\x00\x31", 2); n += 2;
    assert_memory_equal(s + n, id, 47); n += 47;
    assert_memory_equal(s + n, "\x00\x2f", 2); n += 2;
    assert_int_equal(n, 127);
}

static void selfgen_ks_naf_table(void **state)
{
    static const struct {
        uint8_t ua[5];
        const char *me, *u, *pw;
    } rows[] = {
        {{1, 0, 0, 0, 2},
         "fd1ac8d09e974a83d864e40f158ddb173379a13316de75a7f659d3b4ab4dffab",
         "1d6da35624584c90c0e53b45f35a56576125b95c43afb75a0bc65678b4506459",
         "/RrI0J6XSoPYZOQPFY3bFzN5oTMW3nWn9lnTtKtN/6s="},
        {{1, 0, 1, 0, 0x2F},
         "b72e7ceecdf2106ff120c7f2d6d91911210578d97c4fd5315e5c9441000f57d7",
         "7908fb1339b39242af12ff3d220c2f69ad1ee70c3f1339824eb1c645f01fbf38",
         "ty587s3yEG/xIMfy1tkZESEFeNl8T9UxXlyUQQAPV9c="},
        {{1, 0, 0, 0, 7},
         "7b62fa012ed5d1b2236f1646d0ff6dc630df48fecf232e87fc09207268ddb791",
         "b808fce50c82a6db26e42776fa7295844145f3467c7025af6ed07eee659ea21c",
         "e2L6AS7V0bIjbxZG0P9txjDfSP7PIy6H/Akgcmjdt5E="},
    };
    uint8_t ks[32], rnd[16], id[64], key[32], ck[16], ik[16];
    char pw[UTSEC_GBA_PASSWORD_SIZE];
    size_t i, id_len, pw_len;
    (void)state;

    load_ks(ks, rnd);
    tu_hex(CK, ck, 16);
    tu_hex(IK, ik, 16);
    for (i = 0; i < 3; i++) {
        id_len = naf_id(rows[i].ua, id, sizeof(id));
        assert_int_equal(utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rnd, impi,
                                          strlen(impi), id, id_len, key), 0);
        assert_hex_equal(key, 32, rows[i].me);
        assert_int_equal(utsec_gba_digest_password(key, pw, sizeof(pw), &pw_len), 0);
        assert_int_equal(pw_len, 44);
        assert_string_equal(pw, rows[i].pw);
        assert_int_equal(utsec_gba_ks_naf_ck_ik(ck, ik, UTSEC_GBA_VARIANT_U_INT,
                                                rnd, impi, strlen(impi), id,
                                                id_len, key), 0);
        assert_hex_equal(key, 32, rows[i].u);
    }
}

static void ua_ids(void **state)
{
    uint8_t ua[5];
    (void)state;

    utsec_gba_ua_id_tls(0x002F, ua);
    assert_hex_equal(ua, 5, "010001002f");
    utsec_gba_ua_id_tls(0xC037, ua);
    assert_hex_equal(ua, 5, "010001c037");
    utsec_gba_ua_id_tls(0x00A8, NULL); /* ignored, no crash */
    assert_hex_equal(UTSEC_GBA_UA_DEFAULT, 5, "0000000000");
    assert_hex_equal(UTSEC_GBA_UA_33221, 5, "0100000000");
    assert_hex_equal(UTSEC_GBA_UA_MBMS, 5, "0100000001");
    assert_hex_equal(UTSEC_GBA_UA_HTTP_DIGEST, 5, "0100000002");
    assert_hex_equal(UTSEC_GBA_UA_MBMS_HTTP, 5, "0100000003");
    assert_hex_equal(UTSEC_GBA_UA_MBMS_SIP, 5, "0100000004");
    assert_hex_equal(UTSEC_GBA_UA_GPL, 5, "0100000005");
    assert_hex_equal(UTSEC_GBA_UA_IMS_KMS, 5, "0100000006");
    assert_hex_equal(UTSEC_GBA_UA_TLS13, 5, "0100000007");
    assert_hex_equal(UTSEC_GBA_UA_TMPI, 5, "0100000100");
}

static void naf_id_errors(void **state)
{
    uint8_t out[64];
    size_t n = 7;
    static char big[65531];
    (void)state;

    assert_int_equal(utsec_gba_naf_id("", 0, UTSEC_GBA_UA_HTTP_DIGEST, out, 64, &n),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_naf_id("a\0b", 3, UTSEC_GBA_UA_HTTP_DIGEST, out, 64, &n),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_naf_id("abc", 3, NULL, out, 64, &n), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_naf_id("abc", 3, UTSEC_GBA_UA_HTTP_DIGEST, out, 64, NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_naf_id("abc", 3, UTSEC_GBA_UA_HTTP_DIGEST, out, 7, &n),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(n, 7); /* untouched */
    memset(big, 'a', sizeof(big));
    assert_int_equal(utsec_gba_naf_id(big, sizeof(big), UTSEC_GBA_UA_HTTP_DIGEST,
                                      out, 64, &n), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_gba_naf_id("abc", 3, UTSEC_GBA_UA_HTTP_DIGEST, out, 8, &n), 0);
    assert_int_equal(n, 8);
    assert_memory_equal(out, "abc\x01\x00\x00\x00\x02", 8);
}

static void kdf_errors(void **state)
{
    static uint8_t big[65536];
    uint8_t key[32] = {1}, out[32], zero[32] = {0};
    utsec_gba_param_t p[UTSEC_GBA_KDF_MAX_PARAMS + 1];
    size_t i;
    (void)state;

    for (i = 0; i < UTSEC_GBA_KDF_MAX_PARAMS + 1; i++) {
        p[i].data = (const uint8_t *)"x";
        p[i].len = 1;
    }
    memset(out, 0, sizeof(out));
    assert_int_equal(utsec_gba_kdf(key, 32, 0x01, p, UTSEC_GBA_KDF_MAX_PARAMS + 1, out),
                     UTSEC_ERR_TOO_MANY);
    assert_int_equal(utsec_gba_kdf(key, 32, 0x01, p, UTSEC_GBA_KDF_MAX_PARAMS, out), 0);
    memset(out, 0, sizeof(out));
    assert_int_equal(utsec_gba_kdf(key, 32, 0xFF, p, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_kdf(key, 32, 0x100, p, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_kdf(key, 32, 0x10000, p, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_kdf(NULL, 32, 0x01, p, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_kdf(key, 32, 0x01, NULL, 1, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_kdf(key, 32, 0x01, p, 1, NULL), UTSEC_ERR_INVALID_ARG);
    p[0].data = NULL;
    assert_int_equal(utsec_gba_kdf(key, 32, 0x01, p, 1, out), UTSEC_ERR_INVALID_ARG);
    /* 65536 octets: an error, never a truncated length field. */
    p[0].data = big;
    p[0].len = sizeof(big);
    assert_int_equal(utsec_gba_kdf(key, 32, 0x01, p, 1, out), UTSEC_ERR_TOO_LONG);
    assert_memory_equal(out, zero, 32); /* untouched on every error */
    /* 65535 octets is the largest allowed, compared with the second route. */
    {
        uint8_t *s = malloc(1 + 65535 + 2), want[32];
        assert_non_null(s);
        memset(big, 0x61, 65535);
        p[0].len = 65535;
        s[0] = 0x01;
        memcpy(s + 1, big, 65535);
        s[65536] = 0xFF;
        s[65537] = 0xFF;
        ref_hmac(key, 32, s, 65538, want);
        assert_int_equal(utsec_gba_kdf(key, 32, 0x01, p, 1, out), 0);
        assert_memory_equal(out, want, 32);
        free(s);
    }
}

/* Two-octet FC extension (B.2.2: FC1 = 0xFF) and zero-length parameters,
 * against Python hmac: KDF(32 x 'k', FF12, "abc", "") */
static void kdf_extended_fc_and_empty_param(void **state)
{
    uint8_t key[32], out[32];
    utsec_gba_param_t p[2] = {{(const uint8_t *)"abc", 3}, {NULL, 0}};
    (void)state;

    memset(key, 'k', sizeof(key));
    assert_int_equal(utsec_gba_kdf(key, 32, 0xFF12, p, 2, out), 0);
    assert_hex_equal(out, 32, "1984390fecdce1b59d0436da23da450ef9797107daa9b418d931c10e4e27ad6a");
    /* n_params = 0: S = FC only. */
    {
        uint8_t want[32], fc = 0x30;
        ref_hmac(key, 32, &fc, 1, want);
        assert_int_equal(utsec_gba_kdf(key, 32, 0x30, NULL, 0, out), 0);
        assert_memory_equal(out, want, 32);
    }
}

/* Randomized second route: long IMPIs (> 255 octets, past 1-octet length
 * bugs), UTF-8 FQDNs, random Ua ids; S assembled by hand. */
static void random_ks_naf_second_route(void **state)
{
    static uint8_t s[8192], impi_b[3000], fqdn[600], id[700];
    uint8_t ks[32], rnd[16], want[32], got[32];
    static const char *const utf8[] = {"xcap.bücher.example", "例え.テスト",
                                       "naf.example.org", "ΧΧΧ.δοκιμή"};
    tu_rng_t r;
    int iter;
    (void)state;

    tu_rng_seed(&r, 20261128);
    for (iter = 0; iter < 300; iter++) {
        size_t impi_len = 1 + (size_t)(tu_rng_next(&r) % 2999), fl, id_len, n = 0, k;
        int variant = (int)(tu_rng_next(&r) & 1);
        const char *label = variant ? "gba-u" : "gba-me";
        uint8_t ua[5];

        tu_rng_bytes(&r, ks, 32);
        tu_rng_bytes(&r, rnd, 16);
        tu_rng_bytes(&r, ua, 5);
        for (k = 0; k < impi_len; k++) /* printable, sometimes UTF-8 */
            impi_b[k] = (uint8_t)(0x21 + tu_rng_next(&r) % 0x5E);
        if (iter % 3 == 0) {
            const char *u = utf8[iter % 4];
            fl = strlen(u);
            memcpy(fqdn, u, fl);
        } else {
            fl = 1 + (size_t)(tu_rng_next(&r) % 500);
            for (k = 0; k < fl; k++)
                fqdn[k] = (uint8_t)('a' + tu_rng_next(&r) % 26);
        }
        assert_int_equal(utsec_gba_naf_id((const char *)fqdn, fl, ua, id,
                                          sizeof(id), &id_len), 0);
        s[n++] = 0x01;
        memcpy(s + n, label, strlen(label)); n += strlen(label);
        s[n++] = 0; s[n++] = (uint8_t)strlen(label);
        memcpy(s + n, rnd, 16); n += 16;
        s[n++] = 0; s[n++] = 16;
        memcpy(s + n, impi_b, impi_len); n += impi_len;
        s[n++] = (uint8_t)(impi_len >> 8); s[n++] = (uint8_t)impi_len;
        memcpy(s + n, fqdn, fl); n += fl;
        memcpy(s + n, ua, 5); n += 5;
        s[n++] = (uint8_t)((fl + 5) >> 8); s[n++] = (uint8_t)(fl + 5);
        ref_hmac(ks, 32, s, n, want);
        assert_int_equal(utsec_gba_ks_naf(ks, variant ? UTSEC_GBA_VARIANT_U_INT
                                                      : UTSEC_GBA_VARIANT_ME,
                                          rnd, (const char *)impi_b, impi_len,
                                          id, id_len, got), 0);
        assert_memory_equal(got, want, 32);
    }
}

/* Generic KDF with random FC and random parameter counts (including empty
 * parameters) against the second route. */
static void random_kdf_second_route(void **state)
{
    static uint8_t s[4096], pbuf[UTSEC_GBA_KDF_MAX_PARAMS][200];
    utsec_gba_param_t p[UTSEC_GBA_KDF_MAX_PARAMS];
    uint8_t key[64], want[32], got[32];
    tu_rng_t r;
    int iter;
    (void)state;

    tu_rng_seed(&r, 33220);
    for (iter = 0; iter < 300; iter++) {
        size_t np = (size_t)(tu_rng_next(&r) % (UTSEC_GBA_KDF_MAX_PARAMS + 1));
        size_t key_len = (size_t)(tu_rng_next(&r) % 65), n = 0, i;
        unsigned fc = (unsigned)(tu_rng_next(&r) % 0xFF);

        if (iter % 5 == 0)
            fc = 0xFF00u | (unsigned)(tu_rng_next(&r) & 0xFF);
        tu_rng_bytes(&r, key, key_len);
        if (fc > 0xFF) {
            s[n++] = 0xFF;
            s[n++] = (uint8_t)fc;
        } else {
            s[n++] = (uint8_t)fc;
        }
        for (i = 0; i < np; i++) {
            size_t len = (size_t)(tu_rng_next(&r) % 4 == 0 ? 0 : tu_rng_next(&r) % 200);
            tu_rng_bytes(&r, pbuf[i], len);
            p[i].data = pbuf[i];
            p[i].len = len;
            memcpy(s + n, pbuf[i], len); n += len;
            s[n++] = (uint8_t)(len >> 8); s[n++] = (uint8_t)len;
        }
        ref_hmac(key, key_len, s, n, want);
        assert_int_equal(utsec_gba_kdf(key, key_len, fc, p, np, got), 0);
        assert_memory_equal(got, want, 32);
    }
}

static void ks_naf_errors(void **state)
{
    uint8_t ks[32] = {0}, rnd[16] = {0}, out[32];
    const uint8_t *id = (const uint8_t *)"naf\x01\x00\x00\x00\x02";
    static char long_impi[65536];
    (void)state;

    assert_int_equal(utsec_gba_ks_naf(NULL, UTSEC_GBA_VARIANT_ME, rnd, "i", 1, id, 8, out),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, NULL, "i", 1, id, 8, out),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rnd, "i", 0, id, 8, out),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rnd, "i", 1, id, 0, out),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_ks_naf(ks, (utsec_gba_variant_t)2, rnd, "i", 1, id, 8, out),
                     UTSEC_ERR_INVALID_ARG);
    memset(long_impi, 'i', sizeof(long_impi));
    assert_int_equal(utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rnd, long_impi,
                                      sizeof(long_impi), id, 8, out),
                     UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_gba_ks_naf_ck_ik(NULL, ks, UTSEC_GBA_VARIANT_ME, rnd, "i", 1,
                                            id, 8, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_ks(ks, NULL, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_digest_password(NULL, (char *)out, 32, NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_digest_password(ks, (char *)out, 32, NULL),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
}

static void selfgen_btid(void **state)
{
    uint8_t rnd[16], back[16];
    char btid[UTSEC_GBA_BTID_MAX_SIZE];
    const char *host;
    size_t n, hl;
    (void)state;

    tu_hex(RAND, rnd, 16);
    assert_int_equal(utsec_gba_btid_build(rnd, bsf_host, strlen(bsf_host), btid,
                                          sizeof(btid), &n), 0);
    assert_string_equal(btid, "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org");
    assert_int_equal(n, strlen(btid));
    assert_int_equal(utsec_gba_btid_parse(btid, n, back, &host, &hl), 0);
    assert_memory_equal(back, rnd, 16);
    assert_int_equal(hl, strlen(bsf_host));
    assert_memory_equal(host, bsf_host, hl);
    assert_ptr_equal(host, btid + 25);
    /* AOSP test value (FACTS §1.6) */
    assert_int_equal(utsec_gba_btid_parse("o94MbTY+MMNkpAePG/jVdw==@bsf.test.3gpp.com",
                                          42, back, NULL, NULL), 0);
    assert_hex_equal(back, 16, "a3de0c6d363e30c364a4078f1bf8d577");
    /* Exact buffer size and one less. */
    assert_int_equal(utsec_gba_btid_build(rnd, "a.b", 3, btid, 29, &n), 0);
    assert_int_equal(n, 28);
    assert_int_equal(utsec_gba_btid_build(rnd, "a.b", 3, btid, 28, &n),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
}

static void btid_parse_rejects(void **state)
{
    static const struct {
        const char *s;
        int err;
    } bad[] = {
        {"", UTSEC_ERR_PARSE},
        {"I1U8vpY3qJ0hiuZNrke/NQ==", UTSEC_ERR_PARSE},           /* no host */
        {"I1U8vpY3qJ0hiuZNrke/NQ==@", UTSEC_ERR_BAD_HOST},       /* empty host */
        {"I1U8vpY3qJ0hiuZNrke/NQ@bsf.example", UTSEC_ERR_PARSE}, /* 22 chars */
        {"I1U8vpY3qJ0hiuZNrke/NQ==x@bsf.example", UTSEC_ERR_PARSE},
        {"I1U8vpY3qJ0hiuZNrke!NQ==@bsf.example", UTSEC_ERR_BASE64},
        {"I1U8vpY3qJ0hiuZNrke/NR==@bsf.example", UTSEC_ERR_BASE64}, /* pad bits */
        {"I1U8vpY3qJ0hiuZNrke/NQAB@bsf.example", UTSEC_ERR_PARSE},  /* 18 octets */
        {"I1U8vpY3qJ0hiuZNrke/NQ==@bsf..example", UTSEC_ERR_BAD_HOST},
        {"I1U8vpY3qJ0hiuZNrke/NQ==@-bsf.example", UTSEC_ERR_BAD_HOST},
        {"I1U8vpY3qJ0hiuZNrke/NQ==@bsf_x.example", UTSEC_ERR_BAD_HOST},
        {"I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.", UTSEC_ERR_BAD_HOST},
        {"I1U8vpY3qJ0hiuZNrke/NQ==@bsf@example", UTSEC_ERR_BAD_HOST},
    };
    uint8_t rnd[16], guard[16];
    const char *host = NULL;
    size_t i, hl = 5;
    (void)state;

    memset(rnd, 0x77, sizeof(rnd));
    memcpy(guard, rnd, sizeof(rnd));
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        int rc = utsec_gba_btid_parse(bad[i].s, strlen(bad[i].s), rnd, &host, &hl);
        if (rc != bad[i].err)
            fail_msg("'%s': %d, expected %d", bad[i].s, rc, bad[i].err);
        assert_memory_equal(rnd, guard, 16);
        assert_null(host);
        assert_int_equal(hl, 5);
    }
    assert_int_equal(utsec_gba_btid_parse(NULL, 3, rnd, NULL, NULL), UTSEC_ERR_INVALID_ARG);
}

static void btid_build_errors(void **state)
{
    uint8_t rnd[16] = {0};
    char out[UTSEC_GBA_BTID_MAX_SIZE];
    (void)state;

    assert_int_equal(utsec_gba_btid_build(rnd, "bad host", 8, out, sizeof(out), NULL),
                     UTSEC_ERR_BAD_HOST);
    assert_int_equal(utsec_gba_btid_build(NULL, "a.b", 3, out, sizeof(out), NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_btid_build(rnd, NULL, 3, out, sizeof(out), NULL),
                     UTSEC_ERR_INVALID_ARG);
}

static void host_valid(void **state)
{
    static char h[300];
    (void)state;

    assert_true(utsec_gba_host_valid("a", 1));
    assert_true(utsec_gba_host_valid("bsf.mnc001.mcc001.pub.3gppnetwork.org", 37));
    assert_true(utsec_gba_host_valid("x-1.Example.COM", 15));
    assert_false(utsec_gba_host_valid("", 0));
    assert_false(utsec_gba_host_valid(NULL, 3));
    assert_false(utsec_gba_host_valid("a-.b", 4));
    assert_false(utsec_gba_host_valid("a.-b", 4));
    assert_false(utsec_gba_host_valid("a.b-", 4));
    assert_false(utsec_gba_host_valid(".a", 2));
    assert_false(utsec_gba_host_valid("a\0b", 3));
    memset(h, 'a', 64);
    assert_false(utsec_gba_host_valid(h, 64)); /* label > 63 */
    assert_true(utsec_gba_host_valid(h, 63));
    memset(h, 'a', sizeof(h));
    h[63] = h[127] = h[191] = '.';
    assert_true(utsec_gba_host_valid(h, 253));
    assert_false(utsec_gba_host_valid(h, 254));
}

static void selfgen_tmpi(void **state)
{
    uint8_t ks[32], rnd[16], id[300], key[32];
    char tmpi[UTSEC_GBA_TMPI_SIZE];
    size_t n, id_len;
    (void)state;

    load_ks(ks, rnd);
    assert_int_equal(utsec_gba_tmpi(ks, rnd, impi, strlen(impi), bsf_host,
                                    strlen(bsf_host), tmpi, sizeof(tmpi), &n), 0);
    assert_string_equal(tmpi, "NdfNQvvGWK4SGbs7c17alrZHQXyhEcrW@tmpi.bsf.3gppnetwork.org");
    assert_int_equal(n, 57);
    /* GBA_U route: Ks_ext_NAF for NAF_Id = BSF_Id, then the same encoding. */
    assert_int_equal(utsec_gba_naf_id(bsf_host, strlen(bsf_host), UTSEC_GBA_UA_TMPI,
                                      id, sizeof(id), &id_len), 0);
    assert_int_equal(utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rnd, impi,
                                      strlen(impi), id, id_len, key), 0);
    assert_int_equal(utsec_gba_tmpi_from_key(key, tmpi, sizeof(tmpi), &n), 0);
    assert_string_equal(tmpi, "NdfNQvvGWK4SGbs7c17alrZHQXyhEcrW@tmpi.bsf.3gppnetwork.org");
    assert_int_equal(utsec_gba_tmpi_from_key(key, tmpi, 57, &n), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_gba_tmpi_from_key(key, tmpi, 58, &n), 0);
    assert_int_equal(utsec_gba_tmpi_from_key(NULL, tmpi, 58, &n), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_tmpi(ks, rnd, impi, strlen(impi), "bad_host", 8,
                                    tmpi, sizeof(tmpi), &n), UTSEC_ERR_BAD_HOST);
    assert_int_equal(utsec_gba_tmpi(ks, rnd, impi, 0, bsf_host, strlen(bsf_host),
                                    tmpi, sizeof(tmpi), &n), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_tmpi(NULL, rnd, impi, 3, bsf_host, strlen(bsf_host),
                                    tmpi, sizeof(tmpi), &n), UTSEC_ERR_INVALID_ARG);
}

/* GBA_Digest B.5/B.6 on chosen inputs; expected values from Python hmac
 * over hand-assembled S (no official vectors exist). H(A1) = MD5("user:realm:pw"),
 * TLS_MK_Extr = 01..30, RESP = 40..5f. */
static void selfgen_gba_digest(void **state)
{
    uint8_t ha1[16], mk[48], resp[32], out[32], ks[32];
    const uint8_t *naf = (const uint8_t *)"naf.example.org\x01\x00\x00\x00\x02";
    size_t i;
    (void)state;

    tu_hex("fa13f41f94e1fd29a1193553d0117491", ha1, 16);
    for (i = 0; i < 48; i++)
        mk[i] = (uint8_t)(i + 1);
    for (i = 0; i < 32; i++)
        resp[i] = (uint8_t)(0x40 + i);
    assert_int_equal(utsec_gba_digest_passwd(ha1, 16, mk, 48, out), 0);
    assert_hex_equal(out, 32, "381de6b93b1a14e691c18106a242ccdfb0e6c57e698233e94aadb71582988ad2");
    assert_int_equal(utsec_gba_digest_ks(ha1, 16, mk, 48, resp, 32, ks), 0);
    assert_hex_equal(ks, 32, "6c00da4238a1f349d0acd2a5f6d673cda12c5929fba9d37e531a19bb70c87243");
    assert_int_equal(utsec_gba_digest_ks_naf(ks, (const uint8_t *)"nonce-123", 9,
                                             "user@example.org", 16, naf, 20, out), 0);
    assert_hex_equal(out, 32, "fa114341e50f13eaa76d93006097bd0f14c17789de1f5a93c325f371c4475ef2");
    assert_int_equal(utsec_gba_digest_passwd(NULL, 16, mk, 48, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_digest_passwd(ha1, 0, mk, 48, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_digest_ks(ha1, 16, mk, 48, NULL, 0, out), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_digest_ks_naf(ks, NULL, 0, "u", 1, naf, 20, out),
                     UTSEC_ERR_INVALID_ARG);
}

/* AKMA (TS 33.535 A.2-A.4), IMSI SUPI as 15 digits; Python hmac values. */
static void selfgen_akma(void **state)
{
    uint8_t kausf[32], kakma[32], atid[32], kaf[32], af_id[64];
    const char *supi = "001010123456789";
    size_t i, af_len;
    (void)state;

    for (i = 0; i < 32; i++)
        kausf[i] = (uint8_t)(0xA0 + i);
    assert_int_equal(utsec_gba_akma_kakma(kausf, supi, 15, kakma), 0);
    assert_hex_equal(kakma, 32, "4e1fa8cffc3a70a0d2df27bf960a61a2e8bc2826ffda00511c6b713f47853975");
    assert_int_equal(utsec_gba_akma_atid(kausf, supi, 15, atid), 0);
    assert_hex_equal(atid, 32, "a4de7b790727e10d46097eb25605a115d8d27ce19e72051bb2a65552c142be73");
    assert_int_equal(utsec_gba_naf_id("af.example.com", 14, UTSEC_GBA_UA_HTTP_DIGEST,
                                      af_id, sizeof(af_id), &af_len), 0);
    assert_int_equal(utsec_gba_akma_kaf(kakma, af_id, af_len, kaf), 0);
    assert_hex_equal(kaf, 32, "a27341a09a67a1944a4c9ffea06ff51dfde81d866845030c39f7e1d9015cdc6f");
    assert_int_equal(utsec_gba_akma_kakma(kausf, supi, 0, kakma), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_akma_atid(NULL, supi, 15, kakma), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_akma_kaf(kakma, af_id, 0, kaf), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_akma_kaf(kakma, NULL, 3, kaf), UTSEC_ERR_INVALID_ARG);
}

static void time_parse_format(void **state)
{
    static const struct {
        const char *in;
        int64_t t;
    } ok[] = {
        {"2026-01-01T00:00:00Z", INT64_C(1767225600)},
        {"1970-01-01T00:00:00Z", 0},
        {"2000-02-29T12:34:56Z", INT64_C(951827696)},
        {"2024-02-29T23:59:59Z", INT64_C(1709251199)},
        {"2026-01-01T01:00:00+01:00", INT64_C(1767225600)},
        {"2025-12-31T19:00:00-05:00", INT64_C(1767225600)},
        {"2026-01-01T00:00:00.999Z", INT64_C(1767225600)},
        {"9999-12-31T23:59:59Z", INT64_C(253402300799)},
        {"2038-01-19T03:14:08Z", INT64_C(2147483648)}, /* past 32-bit time_t */
    };
    char buf[UTSEC_GBA_TIME_SIZE];
    int64_t t;
    size_t i, n;
    (void)state;

    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        assert_int_equal(utsec_gba_time_parse(ok[i].in, strlen(ok[i].in), &t), 0);
        assert_int_equal(t, ok[i].t);
    }
    assert_int_equal(utsec_gba_time_format(INT64_C(1767225600), buf, sizeof(buf), &n), 0);
    assert_string_equal(buf, "2026-01-01T00:00:00Z");
    assert_int_equal(n, 20);
    assert_int_equal(utsec_gba_time_format(INT64_C(951827696), buf, sizeof(buf), &n), 0);
    assert_string_equal(buf, "2000-02-29T12:34:56Z");
    assert_int_equal(utsec_gba_time_format(INT64_C(253402300799), buf, sizeof(buf), NULL), 0);
    assert_string_equal(buf, "9999-12-31T23:59:59Z");
    assert_int_equal(utsec_gba_time_format(0, buf, sizeof(buf), NULL), 0);
    assert_string_equal(buf, "1970-01-01T00:00:00Z");
    assert_int_equal(utsec_gba_time_format(-1, buf, sizeof(buf), NULL), UTSEC_ERR_BAD_TIME);
    assert_int_equal(utsec_gba_time_format(INT64_C(253402300800), buf, sizeof(buf), NULL),
                     UTSEC_ERR_BAD_TIME);
    assert_int_equal(utsec_gba_time_format(0, buf, 20, NULL), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_gba_time_format(0, NULL, 21, NULL), UTSEC_ERR_INVALID_ARG);
}

/* Every day from 1970 to 2100 formats and parses back to itself. */
static void time_round_trip_every_day(void **state)
{
    char buf[UTSEC_GBA_TIME_SIZE];
    int64_t t, back;
    (void)state;

    for (t = 0; t < INT64_C(4102444800); t += 86400 + 3607) {
        assert_int_equal(utsec_gba_time_format(t, buf, sizeof(buf), NULL), 0);
        assert_int_equal(utsec_gba_time_parse(buf, 20, &back), 0);
        assert_int_equal(back, t);
    }
}

static void time_parse_rejects(void **state)
{
    static const char *const bad[] = {
        "2026-01-01T00:00:00",      /* no zone: ambiguous */
        "2026-01-01 00:00:00Z",     /* space instead of T */
        "2026-1-01T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-02-29T00:00:00Z",     /* not a leap year */
        "2100-02-29T00:00:00Z",     /* century rule */
        "2026-04-31T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T00:60:00Z",
        "2026-01-01T00:00:60Z",     /* leap second */
        "1969-12-31T23:59:59Z",
        "1970-01-01T00:30:00+01:00", /* before the epoch in UTC */
        "9999-12-31T23:59:59-01:00", /* after year 9999 in UTC */
        "2026-01-01T00:00:00.Z",
        "2026-01-01T00:00:00Zjunk",
        "2026-01-01T00:00:00+0100",
        "2026-01-01T00:00:00+15:00",
        "2026-01-01T00:00:00+01:60",
        "+2026-01-01T00:00:00Z",
        "",
    };
    int64_t t = 42;
    size_t i;
    (void)state;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (utsec_gba_time_parse(bad[i], strlen(bad[i]), &t) != UTSEC_ERR_BAD_TIME)
            fail_msg("accepted '%s'", bad[i]);
        assert_int_equal(t, 42);
    }
    /* The length bounds the read: a valid prefix of a longer buffer. */
    assert_int_equal(utsec_gba_time_parse("2026-01-01T00:00:00Z", 19, &t), UTSEC_ERR_BAD_TIME);
    assert_int_equal(utsec_gba_time_parse(NULL, 20, &t), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_gba_time_parse("2026-01-01T00:00:00Z", 20, NULL),
                     UTSEC_ERR_INVALID_ARG);
}

static void key_validity(void **state)
{
    (void)state;
    assert_int_equal(utsec_gba_key_valid(1000, 999), 0);
    assert_int_equal(utsec_gba_key_valid(1000, 1000), UTSEC_ERR_EXPIRED);
    assert_int_equal(utsec_gba_key_valid(1000, 1001), UTSEC_ERR_EXPIRED);
}

static void errors_and_version(void **state)
{
    static const int codes[] = {
        UTSEC_ERR_INVALID_ARG, UTSEC_ERR_BUFFER_TOO_SMALL, UTSEC_ERR_PARSE,
        UTSEC_ERR_TOO_LONG, UTSEC_ERR_TOO_MANY, UTSEC_ERR_BASE64, UTSEC_ERR_HEX,
        UTSEC_ERR_CRYPTO, UTSEC_ERR_RNG, UTSEC_ERR_UNSUPPORTED, UTSEC_ERR_BAD_HOST,
        UTSEC_ERR_BAD_TIME, UTSEC_ERR_EXPIRED, UTSEC_ERR_CALLBACK, UTSEC_ERR_STATE,
        UTSEC_ERR_NOT_FOUND, UTSEC_ERR_TABLE_FULL};
    size_t i, j;
    (void)state;

    assert_string_equal(utsec_strerror(0), "success");
    assert_string_equal(utsec_strerror(-9999), "unknown error");
    assert_string_equal(utsec_strerror(5), "unknown error");
    for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        assert_string_not_equal(utsec_strerror(codes[i]), "unknown error");
        for (j = 0; j < i; j++)
            assert_string_not_equal(utsec_strerror(codes[i]), utsec_strerror(codes[j]));
    }
    assert_string_equal(utsec_version(), "0.1.0");
    assert_int_equal(UTSEC_VERSION_NUMBER, 0x00010000);
    assert_true(utsec_time_now(NULL) > INT64_C(1700000000));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(selfgen_kdf_input_string),
        cmocka_unit_test(selfgen_ks_naf_table),
        cmocka_unit_test(ua_ids),
        cmocka_unit_test(naf_id_errors),
        cmocka_unit_test(kdf_errors),
        cmocka_unit_test(kdf_extended_fc_and_empty_param),
        cmocka_unit_test(random_ks_naf_second_route),
        cmocka_unit_test(random_kdf_second_route),
        cmocka_unit_test(ks_naf_errors),
        cmocka_unit_test(selfgen_btid),
        cmocka_unit_test(btid_parse_rejects),
        cmocka_unit_test(btid_build_errors),
        cmocka_unit_test(host_valid),
        cmocka_unit_test(selfgen_tmpi),
        cmocka_unit_test(selfgen_gba_digest),
        cmocka_unit_test(selfgen_akma),
        cmocka_unit_test(time_parse_format),
        cmocka_unit_test(time_round_trip_every_day),
        cmocka_unit_test(time_parse_rejects),
        cmocka_unit_test(key_validity),
        cmocka_unit_test(errors_and_version),
    };
    return cmocka_run_group_tests_name("gba", tests, NULL, NULL);
}
