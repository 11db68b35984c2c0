/*
 * HTTP Digest computation, client and server: RFC 2617 §3.5, RFC 7616
 * §3.9.1/§3.9.2 (SHA-512-256 with the corrected values of FACTS §4.3),
 * self-generated GBA vectors (FACTS §8.2, §8.4; all recomputed with Python
 * hashlib/hmac), RES with 0x00 octets and lengths 4-16, replay and stale
 * behaviour with an injected clock, and the AKA resynchronisation round trip
 * with fake USIM callbacks.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "crypto.h"
#include "hex.h"
#include "utsec/digest.h"

#define S(x) x, strlen(x)

static utsec_digest_str_t sv(const char *s)
{
    utsec_digest_str_t v;

    v.ptr = s;
    v.len = strlen(s);
    return v;
}

static void hex(const char *h, uint8_t *out, size_t n)
{
    size_t len;

    assert_int_equal(hex_decode(h, strlen(h), out, n, &len), 0);
    assert_int_equal(len, n);
}

/* ---- FACTS §8 values (selfgen_*) ---------------------------------------- */

static const char selfgen_impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char selfgen_bsf_realm[] = "bsf.mnc001.mcc001.pub.3gppnetwork.org";
static const char selfgen_nonce[] = "I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=";
static const char selfgen_rand[] = "23553cbe9637a89d218ae64dae47bf35";
static const char selfgen_autn[] = "55f328b43577b9b94a9ffac354dfafb3";
static const char selfgen_res[] = "a54211d5e3ba50bf";
static const char selfgen_ck[] = "b40ba9a3c58b2a05bbf0d987b21bf8cb";
static const char selfgen_ik[] = "f769bcd751044604127672711c6d3441";
static const char selfgen_auts[] = "451e8beca41bf8ee589d46d835c9";
static const char selfgen_body[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<BootstrappingInfo xmlns=\"uri:3gpp-gba\">\n"
    "<btid>I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org</btid>\n"
    "<lifetime>2026-01-01T00:00:00Z</lifetime>\n"
    "</BootstrappingInfo>";

static utsec_digest_calc_t calc_base(utsec_digest_alg_t alg, utsec_digest_qop_t qop,
                                     const char *user, const char *realm,
                                     const uint8_t *pw, size_t pw_len,
                                     const char *nonce, const char *cnonce,
                                     const char *method, const char *uri)
{
    utsec_digest_calc_t c;

    memset(&c, 0, sizeof(c));
    c.alg = alg;
    c.qop = qop;
    c.username = sv(user);
    c.realm = sv(realm);
    c.password = pw;
    c.password_len = pw_len;
    c.nonce = sv(nonce);
    c.cnonce = sv(cnonce);
    c.nc = 1;
    c.method = sv(method);
    c.uri = sv(uri);
    return c;
}

static void expect_response(const utsec_digest_calc_t *c, const char *want)
{
    char out[UTSEC_DIGEST_HEX_SIZE];
    size_t len;

    assert_int_equal(utsec_digest_response(c, out, sizeof(out), &len), 0);
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
}

static void rfc2617_example(void **state)
{
    utsec_digest_calc_t c = calc_base(UTSEC_DIGEST_ALG_MD5, UTSEC_DIGEST_QOP_AUTH, "Mufasa",
                                      "testrealm@host.com", (const uint8_t *)"Circle Of Life", 14,
                                      "dcd98b7102dd2f0e8b11d0f600bfb0c093", "0a4f113b", "GET",
                                      "/dir/index.html");
    char ha1[UTSEC_DIGEST_HEX_SIZE];

    (void)state;
    assert_int_equal(utsec_digest_ha1(&c, ha1, sizeof(ha1), NULL), 0);
    assert_string_equal(ha1, "939e7578ed9e3c518a452acee763bce9");
    expect_response(&c, "6629fae49393a05397450978507c4ef1");
    /* the same through a precomputed H(A1) */
    c.password = NULL;
    c.password_len = 0;
    c.ha1 = ha1;
    expect_response(&c, "6629fae49393a05397450978507c4ef1");
    /* -sess and the RFC 2069 form (values from Python hashlib) */
    c.ha1 = NULL;
    c.password = (const uint8_t *)"Circle Of Life";
    c.password_len = 14;
    c.alg = UTSEC_DIGEST_ALG_MD5_SESS;
    expect_response(&c, "8e3825c57e897f5a0dec6c2d4e5059d0");
    c.alg = UTSEC_DIGEST_ALG_SHA512_256_SESS;
    expect_response(&c, "0d21f0db3ec5cda5b850c0afa3bc29b4a3c5a6191959ff1baf511d4b38eb6b1e");
    c.alg = UTSEC_DIGEST_ALG_MD5;
    c.qop = UTSEC_DIGEST_QOP_NONE;
    expect_response(&c, "670fd8c2df070c60b045671b8b24ff02");
}

static void rfc7616_examples(void **state)
{
    utsec_digest_calc_t c = calc_base(
        UTSEC_DIGEST_ALG_MD5, UTSEC_DIGEST_QOP_AUTH, "Mufasa", "http-auth@example.org",
        (const uint8_t *)"Circle of Life", 14, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "GET", "/dir/index.html");
    char out[UTSEC_DIGEST_HEX_SIZE];

    (void)state;
    expect_response(&c, "8ca523f5e9506fed4657c9700eebdbec");
    assert_int_equal(utsec_digest_rspauth(&c, out, sizeof(out), NULL), 0);
    assert_string_equal(out, "9b712497bc9f91499fbcca1dfc5f09a5");
    c.alg = UTSEC_DIGEST_ALG_SHA256;
    expect_response(&c, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    /* §3.9.2 with the corrected (true SHA-512/256) values, FACTS §4.3 */
    c = calc_base(UTSEC_DIGEST_ALG_SHA512_256, UTSEC_DIGEST_QOP_AUTH, "J\xc3\xa4s\xc3\xb8n Doe",
                  "api@example.org", (const uint8_t *)"Secret, or not?", 15,
                  "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK",
                  "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", "GET", "/doe.json");
    expect_response(&c, "3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5");
    assert_int_equal(utsec_digest_userhash(UTSEC_DIGEST_ALG_SHA512_256,
                                           S("J\xc3\xa4s\xc3\xb8n Doe"), S("api@example.org"),
                                           out, sizeof(out), NULL), 0);
    assert_string_equal(out, "793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b");
    /* and not the RFC's misprinted truncated-SHA-512 value */
    assert_string_not_equal(out, "488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec");
}

static void calc_errors(void **state)
{
    utsec_digest_calc_t c = calc_base(UTSEC_DIGEST_ALG_MD5, UTSEC_DIGEST_QOP_AUTH, "u", "r",
                                      (const uint8_t *)"p", 1, "n", "c", "GET", "/");
    char out[UTSEC_DIGEST_HEX_SIZE];

    (void)state;
    assert_int_equal(utsec_digest_response(&c, out, 32, NULL), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_digest_response(NULL, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    c.alg = UTSEC_DIGEST_ALG_UNKNOWN;
    assert_int_equal(utsec_digest_response(&c, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    c.alg = UTSEC_DIGEST_ALG_MD5;
    c.qop = UTSEC_DIGEST_QOP_UNKNOWN;
    assert_int_equal(utsec_digest_response(&c, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    c.qop = UTSEC_DIGEST_QOP_AUTH_INT;
    c.body_hash = "D41D8CD98F00B204E9800998ECF8427E"; /* must be lower-case hex */
    assert_int_equal(utsec_digest_response(&c, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    c.body_hash = "d41d8cd98f00b204e9800998ecf8427"; /* wrong length */
    assert_int_equal(utsec_digest_response(&c, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    c.body_hash = NULL;
    c.ha1 = "xyz";
    assert_int_equal(utsec_digest_response(&c, out, sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_userhash(UTSEC_DIGEST_ALG_UNKNOWN, S("u"), S("r"), out,
                                           sizeof(out), NULL), UTSEC_ERR_INVALID_ARG);
    assert_null(utsec_digest_alg_name(UTSEC_DIGEST_ALG_UNKNOWN));
    assert_int_equal(utsec_digest_alg_from_name(S("akav2-md5")), UTSEC_DIGEST_ALG_AKAV2_MD5);
    assert_int_equal(utsec_digest_alg_from_name(S("MD5-sess ")), UTSEC_DIGEST_ALG_UNKNOWN);
}

static void body_hash_streaming(void **state)
{
    utsec_digest_body_hash_t bh;
    char out[UTSEC_DIGEST_HEX_SIZE];
    size_t i;

    (void)state;
    /* the 218-octet BootstrappingInfo body, fed in pieces */
    assert_int_equal(strlen(selfgen_body), 218);
    assert_int_equal(utsec_digest_body_hash_start(&bh, UTSEC_DIGEST_ALG_AKAV1_MD5), 0);
    for (i = 0; i < 218; i += 50)
        assert_int_equal(utsec_digest_body_hash_update(&bh, selfgen_body + i,
                                                       218 - i < 50 ? 218 - i : 50), 0);
    assert_int_equal(utsec_digest_body_hash_finish(&bh, out, sizeof(out)), 0);
    assert_string_equal(out, "4bc30b2006772e792de8c8193799e744");
    assert_int_equal(utsec_digest_body_hash_start(&bh, UTSEC_DIGEST_ALG_SHA512_256_SESS), 0);
    assert_int_equal(utsec_digest_body_hash_update(&bh, S("hello world")), 0);
    assert_int_equal(utsec_digest_body_hash_finish(&bh, out, sizeof(out)), 0);
    assert_string_equal(out, "0ac561fac838104e3f2e4ad107b4bee3e938bf15f2b15f009ccccd61a913f017");
    /* finished state cannot be reused; bad args */
    assert_int_equal(utsec_digest_body_hash_update(&bh, "x", 1), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_body_hash_start(&bh, UTSEC_DIGEST_ALG_UNKNOWN),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_body_hash_start(&bh, UTSEC_DIGEST_ALG_SHA256), 0);
    assert_int_equal(utsec_digest_body_hash_finish(&bh, out, 10), UTSEC_ERR_BUFFER_TOO_SMALL);
    /* auth-int with a body hash (value from Python hashlib) */
    {
        utsec_digest_calc_t c = calc_base(UTSEC_DIGEST_ALG_SHA256_SESS, UTSEC_DIGEST_QOP_AUTH_INT,
                                          "Mufasa", "testrealm@host.com",
                                          (const uint8_t *)"Circle Of Life", 14,
                                          "dcd98b7102dd2f0e8b11d0f600bfb0c093", "0a4f113b",
                                          "POST", "/x");
        char bhex[UTSEC_DIGEST_HEX_SIZE];
        c.nc = 2;
        assert_int_equal(utsec_digest_body_hash_start(&bh, c.alg), 0);
        assert_int_equal(utsec_digest_body_hash_update(&bh, S("hello world")), 0);
        assert_int_equal(utsec_digest_body_hash_finish(&bh, bhex, sizeof(bhex)), 0);
        c.body_hash = bhex;
        expect_response(&c, "84a528348fddc57be56a1b0cd394f4308d3cd1f47b9ee38e6fc922a10e5b3d76");
    }
}

static void selfgen_ub_vectors(void **state)
{
    uint8_t res[8], ik[16], ck[16];
    char out[UTSEC_DIGEST_HEX_SIZE], pw[32], bhex[UTSEC_DIGEST_HEX_SIZE];
    utsec_digest_calc_t c;
    utsec_digest_body_hash_t bh;

    (void)state;
    hex(selfgen_res, res, 8);
    hex(selfgen_ik, ik, 16);
    hex(selfgen_ck, ck, 16);
    c = calc_base(UTSEC_DIGEST_ALG_AKAV1_MD5, UTSEC_DIGEST_QOP_AUTH_INT, selfgen_impi,
                  selfgen_bsf_realm, res, 8, selfgen_nonce, "0a4f113b", "GET", "/");
    assert_int_equal(utsec_digest_ha1(&c, out, sizeof(out), NULL), 0);
    assert_string_equal(out, "18125006e2e00ff42c55d3caf6cff47a");
    expect_response(&c, "26d91881d4f34c67c3c171426686ad62");
    c.body_hash = "d41d8cd98f00b204e9800998ecf8427e"; /* explicit empty body */
    expect_response(&c, "26d91881d4f34c67c3c171426686ad62");
    c.body_hash = NULL;
    c.qop = UTSEC_DIGEST_QOP_AUTH;
    expect_response(&c, "9308616f2256be1c1493c9b59f63a2a3");
    /* rspauth over the 218-octet body (password = XRES) */
    assert_int_equal(utsec_digest_body_hash_start(&bh, c.alg), 0);
    assert_int_equal(utsec_digest_body_hash_update(&bh, S(selfgen_body)), 0);
    assert_int_equal(utsec_digest_body_hash_finish(&bh, bhex, sizeof(bhex)), 0);
    c.qop = UTSEC_DIGEST_QOP_AUTH_INT;
    c.body_hash = bhex;
    assert_int_equal(utsec_digest_rspauth(&c, out, sizeof(out), NULL), 0);
    assert_string_equal(out, "7046bb56b29d9c335a104dd30127c5b1");
    /* resync answer: empty password */
    c.body_hash = NULL;
    c.password = (const uint8_t *)"";
    c.password_len = 0;
    expect_response(&c, "9a8bad61a1e6d2b158374c79d9e198ed");
    /* AKAv2 (RFC 4169) */
    assert_int_equal(utsec_digest_akav2_password(res, 8, ik, ck, pw, sizeof(pw)), 0);
    assert_string_equal(pw, "shzt3q8CWaZnCAWqs3WmEQ==");
    c.alg = UTSEC_DIGEST_ALG_AKAV2_MD5;
    c.password = (const uint8_t *)pw;
    c.password_len = strlen(pw);
    expect_response(&c, "c4dd685ea8926d6172a0878060059e9f");
    assert_int_equal(utsec_digest_akav2_password(res, 3, ik, ck, pw, sizeof(pw)),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_akav2_password(res, 8, ik, ck, pw, 24),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
}

/* RES of lengths 4..16 with 0x00 octets (leading and inside): AKAv1-MD5
 * auth-int response with the §8.2 parameters, and the AKAv2 password.
 * Computed with Python hashlib/hmac. */
static const struct {
    const char *res, *response, *akav2;
} res_vectors[] = {
    {"00579200", "044a0f01c229d979885fd01c59dc8f83", "Fxa1fGhM/Qpb2f2IBhmvrQ=="},
    {"005e99000f", "59b2cd0bd845eeff55e86aa5bf4b0eea", "ZrLfW8RVFSkoULC/gLlNlQ=="},
    {"0065a0001651", "29cb656c7ac4355b0da427d6cd3d61c2", "SF2fqgyb1ccMhuWUqRUmcA=="},
    {"006ca7001d5800", "c7c7922f33a73135e88e21814a3433eb", "/aSe1HuzRd0n9u8GSiaESg=="},
    {"0073ae00245f00d5", "5de442ba08f64aa12de062930b153e9e", "Em0qkfyJjd+ybu132e0BlA=="},
    {"007ab5002b6600dc17", "6b755a03777dafc993fb8e6c701f26c9", "ku5ovX9MQ+iBxo2OwErKEQ=="},
    {"0081bc00326d00e31e00", "c62ad15c5bd62f98e0fa6d2233629b8b", "OhnCE3Y4/RJncRGnXfEz1g=="},
    {"0088c300397400ea25009b", "27a34381c7dc45789157e779721c9536", "3Vs3+uMG0vGxa4w0cV4HOA=="},
    {"008fca00407b00f12c00a2dd", "93ffa99866779e0733a65550e4cc1183", "vZTmNawUdT76M0ok387E5g=="},
    {"0096d100478200f83300a9e400", "d54465b490d9806a9b1d27ac6757654b", "DuQ34Y7Uukxc/ttXvu5OMQ=="},
    {"009dd8004e8900ff3a00b0eb0061", "d2db6cccdccf8f21f4e534983616b630", "qZxYs+OT2grdOFIfomlteA=="},
    {"00a4df00559000064100b7f20068a3", "ca7200b184a17b3a3119c55833eb277f", "UZcF4ISsUUZjq96XWQgP/g=="},
    {"00abe6005c97000d4800bef9006faa00", "d187c419eed52f18cfcebf085e5f9bf8", "7JYSfi4m4cJATWxQGTvDFg=="},
};

static void res_with_zero_octets(void **state)
{
    uint8_t res[16], ik[16], ck[16];
    char pw[32];
    size_t i;

    (void)state;
    hex(selfgen_ik, ik, 16);
    hex(selfgen_ck, ck, 16);
    for (i = 0; i < sizeof(res_vectors) / sizeof(res_vectors[0]); i++) {
        size_t n = strlen(res_vectors[i].res) / 2;
        utsec_digest_calc_t c;
        assert_int_equal(n, 4 + i);
        hex(res_vectors[i].res, res, n);
        c = calc_base(UTSEC_DIGEST_ALG_AKAV1_MD5, UTSEC_DIGEST_QOP_AUTH_INT, selfgen_impi,
                      selfgen_bsf_realm, res, n, selfgen_nonce, "0a4f113b", "GET", "/");
        expect_response(&c, res_vectors[i].response);
        assert_int_equal(utsec_digest_akav2_password(res, n, ik, ck, pw, sizeof(pw)), 0);
        assert_string_equal(pw, res_vectors[i].akav2);
    }
}

static void selfgen_ua_vectors(void **state)
{
    static const char btid[] = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org";
    static const char fqdn[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";
    static const char uri[] = "/simservs.ngn.etsi.org/users/sip:+15551234567@ims.mnc001.mcc001."
                              "3gppnetwork.org/simservs.xml";
    uint8_t ck[16], ik[16], rnd[16];
    char pw[UTSEC_GBA_PASSWORD_SIZE], realm[256];
    utsec_digest_calc_t c;

    (void)state;
    hex(selfgen_ck, ck, 16);
    hex(selfgen_ik, ik, 16);
    hex(selfgen_rand, rnd, 16);
    assert_int_equal(utsec_digest_ua_password(ck, ik, rnd, S(selfgen_impi), S(fqdn),
                                              UTSEC_GBA_UA_HTTP_DIGEST, UTSEC_GBA_VARIANT_ME,
                                              pw, sizeof(pw)), 0);
    assert_string_equal(pw, "/RrI0J6XSoPYZOQPFY3bFzN5oTMW3nWn9lnTtKtN/6s=");
    /* GBA_U: Ks_int_NAF for the -uicc realm (FACTS §8.3) */
    assert_int_equal(utsec_digest_ua_password(ck, ik, rnd, S(selfgen_impi), S(fqdn),
                                              UTSEC_GBA_UA_HTTP_DIGEST, UTSEC_GBA_VARIANT_U_INT,
                                              pw, sizeof(pw)), 0);
    assert_string_equal(pw, "HW2jViRYTJDA5TtF81pWV2EluVxDr7daC8ZWeLRQZFk=");
    /* Digest inside TLS: NAF_Id = FQDN || 01 00 01 00 2F (FACTS §8.3) */
    {
        uint8_t ua[UTSEC_GBA_UA_ID_LEN];
        utsec_gba_ua_id_tls(0x002F, ua);
        assert_int_equal(utsec_digest_ua_password(ck, ik, rnd, S(selfgen_impi), S(fqdn), ua,
                                                  UTSEC_GBA_VARIANT_ME, pw, sizeof(pw)), 0);
        assert_string_equal(pw, "ty587s3yEG/xIMfy1tkZESEFeNl8T9UxXlyUQQAPV9c=");
    }
    assert_int_equal(utsec_digest_ua_password(ck, ik, rnd, S(selfgen_impi), NULL, 3,
                                              UTSEC_GBA_UA_HTTP_DIGEST, UTSEC_GBA_VARIANT_ME,
                                              pw, sizeof(pw)), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_ua_password(ck, ik, rnd, S(selfgen_impi), S(fqdn),
                                              UTSEC_GBA_UA_HTTP_DIGEST, UTSEC_GBA_VARIANT_ME,
                                              pw, 44), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_digest_ua_password(ck, ik, rnd, S(selfgen_impi), S(fqdn),
                                              UTSEC_GBA_UA_HTTP_DIGEST, UTSEC_GBA_VARIANT_ME,
                                              pw, sizeof(pw)), 0);
    assert_int_equal(utsec_digest_ua_realm(UTSEC_DIGEST_UA_REALM_ME, S(fqdn), realm,
                                           sizeof(realm), NULL), 0);
    assert_string_equal(realm, "3GPP-bootstrapping@xcap.ims.mnc001.mcc001.pub.3gppnetwork.org");
    c = calc_base(UTSEC_DIGEST_ALG_MD5, UTSEC_DIGEST_QOP_AUTH, btid, realm,
                  (const uint8_t *)pw, strlen(pw), "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                  "0a4f113b", "GET", uri);
    expect_response(&c, "1aef59b18a5efa7743c83eae07621542");
    c.alg = UTSEC_DIGEST_ALG_SHA256;
    expect_response(&c, "7645f0a412b90eca7f51bdcad4a6fc216b92c4ecc46a73b6db401904dd5c0dd0");
}

static void ua_realms(void **state)
{
    char realm[256];
    utsec_gba_variant_t v;
    utsec_digest_str_t ans;

    (void)state;
    assert_int_equal(utsec_digest_ua_realm(UTSEC_DIGEST_UA_REALM_BOTH, S("test.3gpp.com"),
                                           realm, sizeof(realm), NULL), 0);
    assert_string_equal(realm, "3GPP-bootstrapping-uicc@test.3gpp.com;"
                               "3GPP-bootstrapping@test.3gpp.com");
    /* the combined form: the UE answers with the ME realm (AOSP behaviour) */
    assert_int_equal(utsec_digest_ua_realm_parse(S(realm), S("TEST.3gpp.com"), &v, &ans), 0);
    assert_int_equal(v, UTSEC_GBA_VARIANT_ME);
    assert_int_equal(ans.len, strlen("3GPP-bootstrapping@test.3gpp.com"));
    assert_memory_equal(ans.ptr, "3GPP-bootstrapping@test.3gpp.com", ans.len);
    assert_int_equal(utsec_digest_ua_realm_parse(S("3GPP-bootstrapping-uicc@naf.example"),
                                                 S("naf.example"), &v, &ans), 0);
    assert_int_equal(v, UTSEC_GBA_VARIANT_U_INT);
    assert_int_equal(utsec_digest_ua_realm_parse(S("3GPP-bootstrapping@evil.example"),
                                                 S("naf.example"), &v, &ans),
                     UTSEC_ERR_BAD_HOST);
    assert_int_equal(utsec_digest_ua_realm_parse(S("3GPP-bootstrapping-digest@naf.example"),
                                                 S("naf.example"), &v, &ans), UTSEC_ERR_PARSE);
    assert_int_equal(utsec_digest_ua_realm_parse(S("3GPP-bootstrapping@"),
                                                 S("naf.example"), &v, &ans), UTSEC_ERR_PARSE);
    assert_int_equal(utsec_digest_ua_realm(UTSEC_DIGEST_UA_REALM_ME, S("bad host"), realm,
                                           sizeof(realm), NULL), UTSEC_ERR_BAD_HOST);
    assert_int_equal(utsec_digest_ua_realm(UTSEC_DIGEST_UA_REALM_ME, S("a.b"), realm, 20, NULL),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
}

/* ---- client/server harness ------------------------------------------------ */

static int64_t now_s = 1000000;

static int64_t fake_time(void *ctx)
{
    (void)ctx;
    return now_s;
}

static int fake_rng(void *ctx, unsigned char *out, size_t len)
{
    unsigned *ctr = ctx;
    size_t i;

    for (i = 0; i < len; i++)
        out[i] = (unsigned char)(++*ctr * 131u);
    return 0;
}

static int failing_rng(void *ctx, unsigned char *out, size_t len)
{
    (void)ctx;
    (void)out;
    (void)len;
    return -1;
}

struct store {
    const char *user;
    const uint8_t *pw;
    size_t pw_len;
    /* AKA: the vector store by RAND */
    uint8_t rand[2][16];
    uint8_t xres[2][16];
    size_t xres_len[2];
    int lookups;
};

static int lookup(void *ctx, utsec_digest_cred_request_t *req, uint8_t *pw,
                  size_t size, size_t *len)
{
    struct store *st = ctx;
    int i;

    st->lookups++;
    if (req->rand != NULL) {
        for (i = 0; i < 2; i++)
            if (memcmp(req->rand, st->rand[i], 16) == 0) {
                memcpy(pw, st->xres[i], st->xres_len[i]);
                *len = st->xres_len[i];
                return 0;
            }
        return UTSEC_ERR_NOT_FOUND;
    }
    if (req->userhash) {
        static char real[64];
        char uh[UTSEC_DIGEST_HEX_SIZE];
        assert_int_equal(utsec_digest_userhash(req->alg, S(st->user), req->realm.ptr,
                                               req->realm.len, uh, sizeof(uh), NULL), 0);
        if (req->username.len != strlen(uh) || memcmp(req->username.ptr, uh, strlen(uh)) != 0)
            return UTSEC_ERR_NOT_FOUND;
        strcpy(real, st->user);
        req->real_username.ptr = real;
        req->real_username.len = strlen(real);
    } else if (req->username.len != strlen(st->user) ||
        memcmp(req->username.ptr, st->user, req->username.len) != 0)
        return UTSEC_ERR_NOT_FOUND;
    assert_true(st->pw_len <= size);
    memcpy(pw, st->pw, st->pw_len);
    *len = st->pw_len;
    return 0;
}

struct rig {
    utsec_digest_replay_entry_t entries[4];
    utsec_digest_replay_t replay;
    utsec_digest_server_t srv;
    utsec_digest_client_t cl;
    struct store st;
    unsigned rng_srv, rng_cl;
    char hdr[2048];
    char scratch[UTSEC_DIGEST_MAX_INPUT];
    utsec_digest_authorization_t auth;
};

static const uint8_t secret[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

static void rig_init(struct rig *r, size_t n_entries, unsigned alg_mask, unsigned qop_mask,
                     const char *realm)
{
    utsec_digest_server_config_t cfg;

    memset(r, 0, sizeof(*r));
    now_s = 1000000;
    r->st.user = "Mufasa";
    r->st.pw = (const uint8_t *)"Circle of Life";
    r->st.pw_len = 14;
    assert_int_equal(utsec_digest_replay_init(&r->replay, r->entries, n_entries), 0);
    memset(&cfg, 0, sizeof(cfg));
    cfg.realm = realm;
    cfg.realm_len = strlen(realm);
    cfg.alg_mask = alg_mask;
    cfg.qop_mask = qop_mask;
    cfg.secret = secret;
    cfg.secret_len = sizeof(secret);
    cfg.nonce_lifetime = 60;
    cfg.opaque = "opq";
    cfg.opaque_len = 3;
    cfg.rng = fake_rng;
    cfg.rng_ctx = &r->rng_srv;
    cfg.time = fake_time;
    cfg.lookup = lookup;
    cfg.lookup_ctx = &r->st;
    cfg.replay = &r->replay;
    assert_int_equal(utsec_digest_server_init(&r->srv, &cfg), 0);
    assert_int_equal(utsec_digest_client_init(&r->cl, fake_rng, &r->rng_cl), 0);
}

/* Server challenges, client takes it. */
static void rig_challenge(struct rig *r, int stale, int *client_stale)
{
    size_t len;

    assert_int_equal(utsec_digest_server_challenge(&r->srv, stale, r->hdr, sizeof(r->hdr), &len), 0);
    assert_int_equal(utsec_digest_client_challenge(&r->cl, r->hdr, len, UTSEC_DIGEST_ALG_ALL, 0,
                                                   client_stale), 0);
}

static int rig_answer(struct rig *r, const char *pw, const char *uri)
{
    size_t len;

    assert_int_equal(utsec_digest_client_authorize(&r->cl, S("Mufasa"), (const uint8_t *)pw,
                                                   pw ? strlen(pw) : 0, S("GET"), S(uri), NULL,
                                                   r->hdr, sizeof(r->hdr), &len), 0);
    assert_int_equal(utsec_digest_parse_authorization(r->hdr, len, &r->auth, r->scratch,
                                                      sizeof(r->scratch)), 0);
    return utsec_digest_server_verify(&r->srv, &r->auth, S("GET"), S(uri), NULL, NULL);
}

/* Ua with the combined realm: the UE answers with the ME realm and the
 * Ks_NAF password; the NAF accepts that part of its realm. */
static void ua_combined_realm_exchange(void **state)
{
    static const char fqdn[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";
    static const char btid[] = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org";
    struct rig r;
    utsec_digest_server_config_t cfg;
    char realm[256], pw[UTSEC_GBA_PASSWORD_SIZE];
    uint8_t ck[16], ik[16], rnd[16];
    utsec_gba_variant_t v;
    utsec_digest_str_t ans;
    size_t len;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), UTSEC_DIGEST_QOP_AUTH, "x");
    cfg = r.srv.cfg;
    assert_int_equal(utsec_digest_profile_ua(&cfg, realm, sizeof(realm),
                                             UTSEC_DIGEST_UA_REALM_BOTH, S(fqdn)), 0);
    assert_int_equal(cfg.alg_mask, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5) |
                                       UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_SHA256));
    cfg.secret = secret;
    cfg.secret_len = 16;
    cfg.rng = fake_rng;
    cfg.rng_ctx = &r.rng_srv;
    cfg.time = fake_time;
    cfg.lookup = lookup;
    cfg.lookup_ctx = &r.st;
    cfg.replay = &r.replay;
    assert_int_equal(utsec_digest_server_init(&r.srv, &cfg), 0);
    hex(selfgen_ck, ck, 16);
    hex(selfgen_ik, ik, 16);
    hex(selfgen_rand, rnd, 16);
    assert_int_equal(utsec_digest_ua_password(ck, ik, rnd, S(selfgen_impi), S(fqdn),
                                              UTSEC_GBA_UA_HTTP_DIGEST, UTSEC_GBA_VARIANT_ME,
                                              pw, sizeof(pw)), 0);
    r.st.user = btid;
    r.st.pw = (const uint8_t *)pw;
    r.st.pw_len = strlen(pw);
    /* UE side, a few lines */
    assert_int_equal(utsec_digest_server_challenge(&r.srv, 0, r.hdr, sizeof(r.hdr), &len), 0);
    assert_int_equal(utsec_digest_client_challenge(&r.cl, r.hdr, len, UTSEC_DIGEST_ALG_ALL, 0,
                                                   NULL), 0);
    assert_int_equal(r.cl.alg, UTSEC_DIGEST_ALG_SHA256);
    assert_int_equal(utsec_digest_client_realm(&r.cl, &ans), 0);
    assert_int_equal(ans.len, strlen(realm));
    assert_int_equal(utsec_digest_ua_realm_parse(ans.ptr, ans.len, S(fqdn), &v, &ans), 0);
    assert_int_equal(v, UTSEC_GBA_VARIANT_ME);
    assert_int_equal(utsec_digest_client_set_realm(&r.cl, ans.ptr, ans.len), 0);
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S(btid), (const uint8_t *)pw,
                                                   strlen(pw), S("GET"), S("/x"), NULL, r.hdr,
                                                   sizeof(r.hdr), &len), 0);
    assert_non_null(strstr(r.hdr, "realm=\"3GPP-bootstrapping@xcap.ims"));
    assert_int_equal(utsec_digest_parse_authorization(r.hdr, len, &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/x"), NULL, NULL),
                     0);
    /* a realm that is only a prefix of a part is refused; the whole
     * combined string is accepted */
    assert_int_equal(utsec_digest_client_set_realm(&r.cl, S("3GPP-bootstrapping@xcap")), 0);
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S(btid), (const uint8_t *)pw,
                                                   strlen(pw), S("GET"), S("/x"), NULL, r.hdr,
                                                   sizeof(r.hdr), &len), 0);
    assert_int_equal(utsec_digest_parse_authorization(r.hdr, len, &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/x"), NULL, NULL),
                     UTSEC_ERR_AUTH_FAILED);
    assert_int_equal(utsec_digest_client_set_realm(&r.cl, S(realm)), 0);
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S(btid), (const uint8_t *)pw,
                                                   strlen(pw), S("GET"), S("/x"), NULL, r.hdr,
                                                   sizeof(r.hdr), &len), 0);
    assert_int_equal(utsec_digest_parse_authorization(r.hdr, len, &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/x"), NULL, NULL),
                     0);
    assert_int_equal(utsec_digest_client_set_realm(&r.cl, NULL, 0), UTSEC_ERR_INVALID_ARG);
    utsec_digest_server_free(&r.srv);
    utsec_digest_client_free(&r.cl);
}

static void client_picks_strongest(void **state)
{
    struct rig r;
    size_t len;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5) |
                        UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_SHA256) |
                        UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_SHA512_256),
             UTSEC_DIGEST_QOP_AUTH | UTSEC_DIGEST_QOP_AUTH_INT, "http-auth@example.org");
    assert_int_equal(utsec_digest_server_challenge(&r.srv, 0, r.hdr, sizeof(r.hdr), &len), 0);
    /* strongest first */
    assert_true(strncmp(r.hdr, "Digest realm=\"http-auth@example.org\", nonce=\"", 45) == 0);
    assert_non_null(strstr(r.hdr, "algorithm=SHA-512-256, qop=\"auth,auth-int\", Digest"));
    assert_int_equal(utsec_digest_client_challenge(&r.cl, r.hdr, len, UTSEC_DIGEST_ALG_ALL, 0,
                                                   NULL), 0);
    assert_int_equal(r.cl.alg, UTSEC_DIGEST_ALG_SHA512_256);
    assert_int_equal(r.cl.qop, UTSEC_DIGEST_QOP_AUTH);
    /* a client that only does MD5 */
    assert_int_equal(utsec_digest_client_challenge(&r.cl, r.hdr, len,
                                                   UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), 1,
                                                   NULL), 0);
    assert_int_equal(r.cl.alg, UTSEC_DIGEST_ALG_MD5);
    assert_int_equal(r.cl.qop, UTSEC_DIGEST_QOP_AUTH_INT);
    assert_int_equal(utsec_digest_client_challenge(&r.cl, r.hdr, len,
                                                   UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV1_MD5),
                                                   0, NULL), UTSEC_ERR_NO_CHALLENGE);
    assert_int_equal(utsec_digest_client_challenge(&r.cl, S("Basic realm=x"),
                                                   UTSEC_DIGEST_ALG_ALL, 0, NULL),
                     UTSEC_ERR_NO_CHALLENGE);
    /* selection order in a hand-written header: SHA-256 beats MD5-sess and AKA */
    assert_int_equal(utsec_digest_client_challenge(&r.cl,
                                                   S("Digest realm=a, nonce=1, algorithm=MD5-sess, "
                                                     "Digest realm=a, nonce=2, algorithm=SHA-256, "
                                                     "Digest realm=a, nonce=3, algorithm=AKAv1-MD5, "
                                                     "Digest realm=a, nonce=4, algorithm=FOO"),
                                                   UTSEC_DIGEST_ALG_ALL, 0, NULL), 0);
    assert_int_equal(r.cl.alg, UTSEC_DIGEST_ALG_SHA256);
    assert_int_equal(r.cl.qop, UTSEC_DIGEST_QOP_NONE);
    assert_int_equal(r.cl.nonce[0], '2');
    utsec_digest_client_free(&r.cl);
    utsec_digest_server_free(&r.srv);
}

static void full_exchange_and_rspauth(void **state)
{
    struct rig r;
    utsec_digest_verify_result_t res;
    char info[512];
    size_t len;
    int alg;

    (void)state;
    for (alg = 0; alg < 6; alg++) {
        rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(alg), UTSEC_DIGEST_QOP_AUTH, "realm@x");
        rig_challenge(&r, 0, NULL);
        assert_int_equal(r.cl.alg, alg);
        assert_int_equal(utsec_digest_client_authorize(&r.cl, S("Mufasa"),
                                                       (const uint8_t *)"Circle of Life", 14,
                                                       S("GET"), S("/a"), NULL, r.hdr,
                                                       sizeof(r.hdr), &len), 0);
        assert_int_equal(utsec_digest_parse_authorization(r.hdr, len, &r.auth, r.scratch,
                                                          sizeof(r.scratch)), 0);
        assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/a"), NULL,
                                                    &res), 0);
        assert_int_equal(res.nc, 1);
        /* H(A1) as hex, and no stale stack octets after its NUL */
        {
            size_t k, hex = alg < 2 ? 32 : 64;
            assert_int_equal(strlen(res.ha1), hex);
            for (k = hex; k < sizeof(res.ha1); k++)
                assert_int_equal(res.ha1[k], 0);
        }
        assert_int_equal(utsec_digest_server_auth_info(&r.srv, &r.auth, &res, NULL, info,
                                                       sizeof(info), &len), 0);
        assert_int_equal(utsec_digest_client_verify_info(&r.cl, info, len, NULL), 0);
        /* a flipped rspauth digit is a mutual-authentication failure */
        {
            char *p = strstr(info, "rspauth=\"") + 9;
            *p = *p == '0' ? '1' : '0';
            assert_int_equal(utsec_digest_client_verify_info(&r.cl, info, len, NULL),
                             UTSEC_ERR_RSPAUTH);
        }
        assert_int_equal(utsec_digest_client_verify_info(&r.cl, S("qop=auth"), NULL),
                         UTSEC_ERR_RSPAUTH);
        assert_int_equal(utsec_digest_client_verify_info(&r.cl, S("rspauth=\"x"), NULL),
                         UTSEC_ERR_PARSE);
        /* second request under the same nonce: nc 2, still fine; -sess keeps cnonce */
        assert_int_equal(rig_answer(&r, "Circle of Life", "/b"), 0);
        assert_int_equal(r.auth.nc, 2);
        utsec_wipe(&res, sizeof(res));
        utsec_digest_server_free(&r.srv);
        utsec_digest_client_free(&r.cl);
    }
}

static void server_rejections(void **state)
{
    struct rig r;
    char bad[2048], *p;
    size_t len;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), UTSEC_DIGEST_QOP_AUTH, "realm@x");
    rig_challenge(&r, 0, NULL);
    assert_int_equal(rig_answer(&r, "wrong", "/"), UTSEC_ERR_AUTH_FAILED);
    /* unknown user */
    r.st.user = "Simba";
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), UTSEC_ERR_AUTH_FAILED);
    r.st.user = "Mufasa";
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    /* uri mismatch with the request line */
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/other"), NULL,
                                                NULL), UTSEC_ERR_URI_MISMATCH);
    /* method differs: response does not match */
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S("Mufasa"),
                                                   (const uint8_t *)"Circle of Life", 14,
                                                   S("GET"), S("/"), NULL, r.hdr, sizeof(r.hdr),
                                                   &len), 0);
    assert_int_equal(utsec_digest_parse_authorization(r.hdr, len, &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("PUT"), S("/"), NULL, NULL),
                     UTSEC_ERR_AUTH_FAILED);
    /* tampered nonce: flip one character */
    strcpy(bad, r.hdr);
    p = strstr(bad, "nonce=\"") + 10;
    *p = *p == 'A' ? 'B' : 'A';
    assert_int_equal(utsec_digest_parse_authorization(S(bad), &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_NONCE);
    /* a nonce from another server (different secret) */
    assert_int_equal(utsec_digest_parse_authorization(
                         S("Digest username=\"Mufasa\", realm=\"realm@x\", "
                           "nonce=\"AAAAAAAPQkBhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM=\", "
                           "uri=\"/\", response=\"00\", qop=auth, nc=00000001, cnonce=\"c\", "
                           "opaque=\"opq\""),
                         &r.auth, r.scratch, sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_NONCE);
    /* wrong realm, missing opaque, unsupported algorithm and qop */
    assert_int_equal(utsec_digest_parse_authorization(
                         S("Digest username=\"Mufasa\", realm=\"other\", nonce=\"n\", uri=\"/\", "
                           "response=\"00\", qop=auth, nc=00000001, cnonce=\"c\", opaque=\"opq\""),
                         &r.auth, r.scratch, sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_AUTH_FAILED);
    assert_int_equal(utsec_digest_parse_authorization(
                         S("Digest username=\"Mufasa\", realm=\"realm@x\", nonce=\"n\", uri=\"/\", "
                           "response=\"00\", qop=auth, nc=00000001, cnonce=\"c\""),
                         &r.auth, r.scratch, sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_AUTH_FAILED);
    assert_int_equal(utsec_digest_parse_authorization(
                         S("Digest username=\"Mufasa\", realm=\"realm@x\", nonce=\"n\", uri=\"/\", "
                           "response=\"00\", qop=auth, nc=00000001, cnonce=\"c\", algorithm=SHA-256"),
                         &r.auth, r.scratch, sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_UNSUPPORTED);
    assert_int_equal(utsec_digest_parse_authorization(
                         S("Digest username=\"Mufasa\", realm=\"realm@x\", nonce=\"n\", uri=\"/\", "
                           "response=\"00\""),
                         &r.auth, r.scratch, sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_UNSUPPORTED);
    assert_int_equal(utsec_digest_parse_authorization(
                         S("Digest username=\"Mufasa\", realm=\"realm@x\", nonce=\"n\", uri=\"/\", "
                           "response=\"00\", qop=auth, nc=00000001, cnonce=\"c\", opaque=\"opq\", "
                           "auts=\"RR6L7KQb+O5YnUbYNck=\""),
                         &r.auth, r.scratch, sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_PARSE); /* auts outside AKA */
    assert_int_equal(utsec_digest_server_verify(NULL, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_INVALID_ARG);
    utsec_digest_server_free(&r.srv);
    utsec_digest_client_free(&r.cl);
}

static void server_config_errors(void **state)
{
    struct rig r;
    utsec_digest_server_config_t cfg;
    utsec_digest_server_t s;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), 0, "r");
    cfg = r.srv.cfg;
    cfg.secret_len = 15;
    assert_int_equal(utsec_digest_server_init(&s, &cfg), UTSEC_ERR_INVALID_ARG);
    cfg = r.srv.cfg;
    cfg.alg_mask = 0;
    assert_int_equal(utsec_digest_server_init(&s, &cfg), UTSEC_ERR_INVALID_ARG);
    cfg = r.srv.cfg;
    cfg.replay = NULL;
    assert_int_equal(utsec_digest_server_init(&s, &cfg), UTSEC_ERR_INVALID_ARG);
    cfg = r.srv.cfg;
    cfg.qop_mask = 8;
    assert_int_equal(utsec_digest_server_init(&s, &cfg), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_replay_init(&r.replay, r.entries, 0), UTSEC_ERR_INVALID_ARG);
    assert_int_equal((int)sizeof(utsec_digest_replay_entry_t), UTSEC_DIGEST_REPLAY_ENTRY_SIZE);
    /* only AKA configured: plain challenges refused */
    cfg = r.srv.cfg;
    cfg.alg_mask = UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV1_MD5);
    assert_int_equal(utsec_digest_server_init(&s, &cfg), 0);
    assert_int_equal(utsec_digest_server_challenge(&s, 0, r.hdr, sizeof(r.hdr), NULL),
                     UTSEC_ERR_UNSUPPORTED);
    /* the RNG failing */
    cfg.alg_mask = UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5);
    cfg.rng = failing_rng;
    assert_int_equal(utsec_digest_server_init(&s, &cfg), 0);
    assert_int_equal(utsec_digest_server_challenge(&s, 0, r.hdr, sizeof(r.hdr), NULL),
                     UTSEC_ERR_RNG);
    assert_int_equal(utsec_digest_server_challenge(&r.srv, 0, r.hdr, 40, NULL),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    /* client error paths */
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S("u"), (const uint8_t *)"p", 1,
                                                   S("GET"), S("/"), NULL, r.hdr, sizeof(r.hdr),
                                                   NULL), UTSEC_ERR_STATE);
    assert_int_equal(utsec_digest_client_verify_info(&r.cl, S("rspauth=\"00\""), NULL),
                     UTSEC_ERR_STATE);
    {
        utsec_digest_str_t v;
        assert_int_equal(utsec_digest_client_realm(&r.cl, &v), UTSEC_ERR_STATE);
        assert_int_equal(utsec_digest_client_set_realm(&r.cl, S("r")), UTSEC_ERR_STATE);
    }
    assert_int_equal(utsec_digest_client_init(&r.cl, NULL, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_client_init(&r.cl, failing_rng, NULL), 0);
    assert_int_equal(utsec_digest_client_challenge(&r.cl, S("Digest realm=a, nonce=b"),
                                                   UTSEC_DIGEST_ALG_ALL, 0, NULL), 0);
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S("u"), (const uint8_t *)"p", 1,
                                                   S("GET"), S("/"), NULL, r.hdr, sizeof(r.hdr),
                                                   NULL), UTSEC_ERR_RNG);
    assert_int_equal(r.cl.nc, 0); /* nothing committed */
    utsec_digest_server_free(&s);
    utsec_digest_server_free(&r.srv);
}

static void rfc2069_form_single_use(void **state)
{
    struct rig r;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), 0, "realm@x");
    rig_challenge(&r, 0, NULL);
    assert_int_equal(r.cl.qop, UTSEC_DIGEST_QOP_NONE);
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    assert_null(r.auth.cnonce.ptr);
    /* no nc in this form: a second use of the nonce is a replay */
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_REPLAY);
    utsec_digest_server_free(&r.srv);
}

static void replay_window(void **state)
{
    struct rig r;
    utsec_digest_authorization_t saved[3];
    char hdrs[3][1024];
    size_t len, i;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), UTSEC_DIGEST_QOP_AUTH, "realm@x");
    rig_challenge(&r, 0, NULL);
    /* three answers (nc 1..3) produced before the server sees any */
    for (i = 0; i < 3; i++) {
        assert_int_equal(utsec_digest_client_authorize(&r.cl, S("Mufasa"),
                                                       (const uint8_t *)"Circle of Life", 14,
                                                       S("GET"), S("/"), NULL, hdrs[i],
                                                       sizeof(hdrs[i]), &len), 0);
    }
    for (i = 0; i < 3; i++)
        assert_int_equal(utsec_digest_parse_authorization(S(hdrs[i]), &saved[i],
                                                          r.scratch + i * 1024, 1024), 0);
    /* out of order within the window is fine; each nc only once */
    assert_int_equal(utsec_digest_server_verify(&r.srv, &saved[2], S("GET"), S("/"), NULL, NULL), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &saved[0], S("GET"), S("/"), NULL, NULL), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &saved[0], S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_REPLAY);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &saved[2], S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_REPLAY);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &saved[1], S("GET"), S("/"), NULL, NULL), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &saved[1], S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_REPLAY);
    /* jump far ahead: everything 64 or more below the top is refused */
    r.cl.nc = 99;
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    assert_int_equal(r.auth.nc, 100);
    r.cl.nc = 35; /* nc 36 = 100 - 64 */
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), UTSEC_ERR_REPLAY);
    r.cl.nc = 36; /* nc 37, inside the window and unused */
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    utsec_digest_server_free(&r.srv);
}

static void stale_nonce_reuses_credentials(void **state)
{
    struct rig r;
    int stale = -1;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_SHA256), UTSEC_DIGEST_QOP_AUTH,
             "realm@x");
    rig_challenge(&r, 0, &stale);
    assert_int_equal(stale, 0);
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    /* the nonce ages past its lifetime (60 s) */
    now_s += 61;
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), UTSEC_ERR_STALE);
    /* a wrong password with an expired nonce is a failure, not stale */
    assert_int_equal(rig_answer(&r, "wrong", "/"), UTSEC_ERR_AUTH_FAILED);
    /* the wrong password replaced the cached H(A1); answer right again */
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), UTSEC_ERR_STALE);
    rig_challenge(&r, 1, &stale);
    assert_non_null(strstr(r.hdr, "stale=true"));
    assert_int_equal(stale, 1);
    /* no password: the cached H(user:realm:password) answers */
    assert_int_equal(rig_answer(&r, NULL, "/"), 0);
    /* a new realm drops the cache */
    assert_int_equal(utsec_digest_client_challenge(&r.cl, S("Digest realm=other, nonce=x, "
                                                            "stale=true, algorithm=SHA-256"),
                                                   UTSEC_DIGEST_ALG_ALL, 0, &stale), 0);
    assert_int_equal(stale, 0);
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S("Mufasa"), NULL, 0, S("GET"),
                                                   S("/"), NULL, r.hdr, sizeof(r.hdr), NULL),
                     UTSEC_ERR_STATE);
    utsec_digest_server_free(&r.srv);
    utsec_digest_client_free(&r.cl);
}

static void eviction_never_lets_a_replay_through(void **state)
{
    struct rig r;
    utsec_digest_authorization_t first;
    char first_hdr[1024], first_scratch[1024];
    size_t len;

    (void)state;
    rig_init(&r, 2, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), UTSEC_DIGEST_QOP_AUTH, "realm@x");
    /* nonce A at t0, used with nc 1 and saved */
    rig_challenge(&r, 0, NULL);
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S("Mufasa"),
                                                   (const uint8_t *)"Circle of Life", 14,
                                                   S("GET"), S("/"), NULL, first_hdr,
                                                   sizeof(first_hdr), &len), 0);
    assert_int_equal(utsec_digest_parse_authorization(first_hdr, len, &first, first_scratch,
                                                      sizeof(first_scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &first, S("GET"), S("/"), NULL, NULL), 0);
    /* nonces B (t0+1) and C (t0+2) fill the 2-entry table and evict A */
    now_s += 1;
    rig_challenge(&r, 0, NULL);
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    now_s += 1;
    rig_challenge(&r, 0, NULL);
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    /* A's old answer comes back: A is no longer tracked, so it is stale,
     * never accepted */
    assert_int_equal(utsec_digest_server_verify(&r.srv, &first, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_STALE);
    /* C keeps working, with replay protection */
    assert_int_equal(rig_answer(&r, "Circle of Life", "/"), 0);
    assert_int_equal(utsec_digest_server_verify(&r.srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_REPLAY);
    utsec_digest_server_free(&r.srv);
}

/* Property: with a small set-associative table (8 entries = 2 sets of 4)
 * and 40 nonces, no stored answer is ever accepted twice: each replay is
 * REPLAY (still tracked) or STALE (evicted), never success. */
static void replay_table_never_accepts_twice(void **state)
{
    static struct rig r;
    static utsec_digest_authorization_t saved[40];
    static char hdrs[40][512], scr[40][512];
    size_t len, i;
    int replay = 0, stale = 0;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), UTSEC_DIGEST_QOP_AUTH, "realm@x");
    {
        static utsec_digest_replay_entry_t big[8];
        assert_int_equal(utsec_digest_replay_init(&r.replay, big, 8), 0);
    }
    for (i = 0; i < 40; i++) {
        now_s += 1;
        rig_challenge(&r, 0, NULL);
        assert_int_equal(utsec_digest_client_authorize(&r.cl, S("Mufasa"),
                                                       (const uint8_t *)"Circle of Life", 14,
                                                       S("GET"), S("/"), NULL, hdrs[i],
                                                       sizeof(hdrs[i]), &len), 0);
        assert_int_equal(utsec_digest_parse_authorization(hdrs[i], len, &saved[i], scr[i],
                                                          sizeof(scr[i])), 0);
        assert_int_equal(utsec_digest_server_verify(&r.srv, &saved[i], S("GET"), S("/"), NULL,
                                                    NULL), 0);
    }
    for (i = 0; i < 40; i++) {
        int rc = utsec_digest_server_verify(&r.srv, &saved[i], S("GET"), S("/"), NULL, NULL);
        assert_true(rc == UTSEC_ERR_REPLAY || rc == UTSEC_ERR_STALE);
        replay += rc == UTSEC_ERR_REPLAY;
        stale += rc == UTSEC_ERR_STALE;
    }
    /* at most 8 can still be tracked; the rest were evicted */
    assert_true(replay <= 8);
    assert_true(replay >= 1);
    assert_int_equal(replay + stale, 40);
    utsec_digest_server_free(&r.srv);
    utsec_digest_client_free(&r.cl);
}

static void userhash_exchange(void **state)
{
    struct rig r;
    size_t len;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_SHA512_256), UTSEC_DIGEST_QOP_AUTH,
             "api@example.org");
    assert_int_equal(utsec_digest_client_challenge(&r.cl,
                                                   S("Digest realm=\"api@example.org\", nonce=\"n\", "
                                                     "algorithm=SHA-512-256, qop=auth, userhash=true"),
                                                   UTSEC_DIGEST_ALG_ALL, 0, NULL), 0);
    assert_int_equal(utsec_digest_client_authorize(&r.cl, S("J\xc3\xa4s\xc3\xb8n Doe"),
                                                   (const uint8_t *)"Secret, or not?", 15,
                                                   S("GET"), S("/doe.json"), NULL, r.hdr,
                                                   sizeof(r.hdr), &len), 0);
    assert_non_null(strstr(r.hdr, "username=\"793263caabb707a56211940d90411ea4a575adeccb7e360aeb6"
                                  "24ed06ece9b0b\""));
    assert_non_null(strstr(r.hdr, "userhash=true"));
    assert_int_equal(utsec_digest_parse_authorization(r.hdr, len, &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(r.auth.userhash, 1);
    /* the server maps the userhash back to the user (its lookup callback) */
    r.st.pw = (const uint8_t *)"Secret, or not?";
    r.st.pw_len = 15;
    rig_challenge(&r, 0, NULL);
    assert_int_equal(r.cl.userhash, 0); /* our server does not ask for it */
    r.cl.userhash = 1;
    assert_int_equal(rig_answer(&r, "Secret, or not?", "/"), 0);
    assert_int_equal(r.auth.userhash, 1);
    r.cl.userhash = 1;
    assert_int_equal(rig_answer(&r, "wrong", "/"), UTSEC_ERR_AUTH_FAILED);
    utsec_digest_server_free(&r.srv);
}

/* ---- AKA ------------------------------------------------------------------ */

enum usim_mode { USIM_OK, USIM_SYNC, USIM_MAC };

struct usim {
    enum usim_mode mode;
    uint8_t res[16];
    size_t res_len;
    int calls;
};

/* Fake USIM returning FACTS §8 values (no Milenage here). */
static int fake_usim(void *ctx, const uint8_t rand[16], const uint8_t autn[16],
                     utsec_aka_ue_result_t *out)
{
    struct usim *u = ctx;

    (void)rand;
    (void)autn;
    u->calls++;
    if (u->mode == USIM_MAC)
        return UTSEC_ERR_MAC_FAILURE;
    if (u->mode == USIM_SYNC) {
        hex(selfgen_auts, out->auts, 14);
        return UTSEC_ERR_SYNC_FAILURE;
    }
    memcpy(out->res, u->res, u->res_len);
    out->res_len = u->res_len;
    hex(selfgen_ck, out->ck, 16);
    hex(selfgen_ik, out->ik, 16);
    return 0;
}

static void aka_client_selfgen_header(void **state)
{
    utsec_digest_client_t cl;
    utsec_aka_ue_result_t result;
    struct usim u;
    unsigned ctr = 0;
    char out[1024];
    utsec_digest_authorization_t a;
    char scr[1024];
    size_t len;
    int sync = -1;
    uint8_t ck[16];

    (void)state;
    memset(&u, 0, sizeof(u));
    hex(selfgen_res, u.res, 8);
    u.res_len = 8;
    assert_int_equal(utsec_digest_client_init(&cl, fake_rng, &ctr), 0);
    snprintf(out, sizeof(out), "Digest realm=\"%s\", nonce=\"%s\", algorithm=AKAv1-MD5, "
                               "qop=\"auth-int\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
             selfgen_bsf_realm, selfgen_nonce);
    assert_int_equal(utsec_digest_client_challenge(&cl, S(out),
                                                   UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV1_MD5),
                                                   0, NULL), 0);
    /* plain answer refused for an AKA challenge through the AKA entry point only */
    assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                       S("GET"), S("/"), NULL, &result, &sync,
                                                       out, sizeof(out), &len), 0);
    assert_int_equal(sync, 0);
    assert_int_equal(result.res_len, 8);
    hex(selfgen_ck, ck, 16);
    assert_memory_equal(result.ck, ck, 16);
    utsec_aka_ue_result_wipe(&result);
    assert_int_equal(utsec_digest_parse_authorization(out, len, &a, scr, sizeof(scr)), 0);
    /* recompute with the header's cnonce: the FACTS §8.2 HA1 path */
    {
        uint8_t res[8];
        utsec_digest_calc_t c;
        char cnonce[64];
        char want[UTSEC_DIGEST_HEX_SIZE];
        hex(selfgen_res, res, 8);
        memcpy(cnonce, a.cnonce.ptr, a.cnonce.len);
        cnonce[a.cnonce.len] = '\0';
        c = calc_base(UTSEC_DIGEST_ALG_AKAV1_MD5, UTSEC_DIGEST_QOP_AUTH_INT, selfgen_impi,
                      selfgen_bsf_realm, res, 8, selfgen_nonce, cnonce, "GET", "/");
        assert_int_equal(utsec_digest_response(&c, want, sizeof(want), NULL), 0);
        assert_int_equal(a.response.len, 32);
        assert_memory_equal(a.response.ptr, want, 32);
    }
    assert_non_null(strstr(out, "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
    assert_non_null(strstr(out, "algorithm=AKAv1-MD5"));
    /* MAC failure: no answer at all */
    u.mode = USIM_MAC;
    memset(out, 0x55, 16);
    assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                       S("GET"), S("/"), NULL, NULL, &sync,
                                                       out, sizeof(out), &len),
                     UTSEC_ERR_MAC_FAILURE);
    assert_int_equal(out[0], 0x55);
    /* sync failure: auts and the empty password, FACTS §8.2 values */
    u.mode = USIM_SYNC;
    assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                       S("GET"), S("/"), NULL, NULL, &sync,
                                                       out, sizeof(out), &len), 0);
    assert_int_equal(sync, 1);
    assert_non_null(strstr(out, "auts=\"RR6L7KQb+O5YnUbYNck=\""));
    assert_int_equal(utsec_digest_parse_authorization(out, len, &a, scr, sizeof(scr)), 0);
    assert_int_equal(utsec_digest_check_response(&a, S("GET"), (const uint8_t *)"", 0, NULL), 0);
    /* a plain challenge cannot be answered with AKA */
    assert_int_equal(utsec_digest_client_challenge(&cl, S("Digest realm=a, nonce=b"),
                                                   UTSEC_DIGEST_ALG_ALL, 0, NULL), 0);
    assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                       S("GET"), S("/"), NULL, NULL, &sync,
                                                       out, sizeof(out), &len),
                     UTSEC_ERR_UNSUPPORTED);
    /* a nonce that is not base64(RAND || AUTN) */
    assert_int_equal(utsec_digest_client_challenge(&cl, S("Digest realm=a, nonce=\"AAAA\", "
                                                          "algorithm=AKAv1-MD5"),
                                                   UTSEC_DIGEST_ALG_ALL, 0, NULL), 0);
    assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                       S("GET"), S("/"), NULL, NULL, &sync,
                                                       out, sizeof(out), &len), UTSEC_ERR_PARSE);
    utsec_digest_client_free(&cl);
}

/* Client answers auts -> server hands AUTS over -> new vector and challenge
 * -> success with mutual authentication over the BootstrappingInfo body. */
static void aka_resync_round_trip(void **state)
{
    utsec_digest_replay_entry_t entries[4];
    utsec_digest_replay_t replay;
    utsec_digest_server_config_t cfg;
    utsec_digest_server_t srv;
    utsec_digest_client_t cl;
    utsec_digest_verify_result_t vr;
    utsec_digest_authorization_t a;
    utsec_digest_body_hash_t bh;
    struct store st;
    struct usim u;
    unsigned c1 = 0, c2 = 0;
    uint8_t rand1[16], autn1[16], rand2[16], autn2[16], auts[14];
    char hdr[1024], scr[1024], bhex[UTSEC_DIGEST_HEX_SIZE];
    size_t len, i;
    int sync = -1;

    (void)state;
    for (i = 0; i < 13; i++) {
        size_t rl = strlen(res_vectors[i].res) / 2;
        memset(&st, 0, sizeof(st));
        memset(&u, 0, sizeof(u));
        hex(selfgen_rand, rand1, 16);
        hex(selfgen_autn, autn1, 16);
        memset(rand2, 0xA2, 16);
        memset(autn2, 0xB2, 16);
        memcpy(st.rand[0], rand1, 16);
        memcpy(st.rand[1], rand2, 16);
        /* RES with 0x00 octets, lengths 4..16 */
        hex(res_vectors[i].res, st.xres[1], rl);
        st.xres_len[1] = rl;
        memcpy(u.res, st.xres[1], rl);
        u.res_len = rl;
        hex(selfgen_res, st.xres[0], 8);
        st.xres_len[0] = 8;
        now_s = 5000;
        assert_int_equal(utsec_digest_replay_init(&replay, entries, 4), 0);
        assert_int_equal(utsec_digest_profile_ub(&cfg, S(selfgen_bsf_realm)), 0);
        if (i % 2)
            cfg.alg_mask |= UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_AKAV2_MD5);
        cfg.secret = secret;
        cfg.secret_len = 16;
        cfg.rng = fake_rng;
        cfg.rng_ctx = &c1;
        cfg.time = fake_time;
        cfg.lookup = lookup;
        cfg.lookup_ctx = &st;
        cfg.replay = &replay;
        assert_int_equal(utsec_digest_server_init(&srv, &cfg), 0);
        assert_int_equal(utsec_digest_client_init(&cl, fake_rng, &c2), 0);

        /* 1. challenge with vector 1; the USIM finds SQN out of range */
        assert_int_equal(utsec_digest_server_challenge_aka(&srv, rand1, autn1, 0, hdr,
                                                           sizeof(hdr), &len), 0);
        assert_non_null(strstr(hdr, "qop=\"auth-int\""));
        assert_int_equal(utsec_digest_client_challenge(&cl, hdr, len, UTSEC_DIGEST_ALG_ALL, 0,
                                                       NULL), 0);
        u.mode = USIM_SYNC;
        assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                           S("GET"), S("/"), NULL, NULL, &sync,
                                                           hdr, sizeof(hdr), &len), 0);
        assert_int_equal(sync, 1);
        assert_int_equal(utsec_digest_parse_authorization(hdr, len, &a, scr, sizeof(scr)), 0);
        st.lookups = 0;
        assert_int_equal(utsec_digest_server_verify(&srv, &a, S("GET"), S("/"), NULL, &vr),
                         UTSEC_ERR_SYNC_FAILURE);
        assert_int_equal(st.lookups, 0); /* the empty password needs no vector */
        assert_int_equal(vr.has_auts, 1);
        hex(selfgen_auts, auts, 14);
        assert_memory_equal(vr.auts, auts, 14);
        assert_memory_equal(vr.rand, rand1, 16);
        /* the same resync answer again is a replay */
        assert_int_equal(utsec_digest_server_verify(&srv, &a, S("GET"), S("/"), NULL, &vr),
                         UTSEC_ERR_REPLAY);

        /* 2. the HSS resynchronised: new vector, new challenge, success */
        assert_int_equal(utsec_digest_server_challenge_aka(&srv, rand2, autn2, 0, hdr,
                                                           sizeof(hdr), &len), 0);
        assert_int_equal(utsec_digest_client_challenge(&cl, hdr, len, UTSEC_DIGEST_ALG_ALL, 1,
                                                       NULL), 0);
        u.mode = USIM_OK;
        assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                           S("GET"), S("/"), NULL, NULL, &sync,
                                                           hdr, sizeof(hdr), &len), 0);
        assert_int_equal(sync, 0);
        assert_int_equal(utsec_digest_parse_authorization(hdr, len, &a, scr, sizeof(scr)), 0);
        assert_int_equal(a.alg, i % 2 ? UTSEC_DIGEST_ALG_AKAV2_MD5 : UTSEC_DIGEST_ALG_AKAV1_MD5);
        if (i % 2) {
            /* the store holds the AKAv2 password, not XRES */
            uint8_t ik[16], ck[16];
            char pw[32];
            hex(selfgen_ik, ik, 16);
            hex(selfgen_ck, ck, 16);
            assert_int_equal(utsec_digest_server_verify(&srv, &a, S("GET"), S("/"), NULL, &vr),
                             UTSEC_ERR_AUTH_FAILED);
            assert_int_equal(utsec_digest_akav2_password(st.xres[1], rl, ik, ck, pw,
                                                         sizeof(pw)), 0);
            memcpy(st.xres[1], pw, 24);
            st.xres_len[1] = 24;
        }
        assert_int_equal(utsec_digest_server_verify(&srv, &a, S("GET"), S("/"), NULL, &vr), 0);
        assert_int_equal(vr.has_auts, 0);
        assert_memory_equal(vr.rand, rand2, 16);
        /* 200 OK with Authentication-Info over the body */
        assert_int_equal(utsec_digest_body_hash_start(&bh, UTSEC_DIGEST_ALG_AKAV1_MD5), 0);
        assert_int_equal(utsec_digest_body_hash_update(&bh, S(selfgen_body)), 0);
        assert_int_equal(utsec_digest_body_hash_finish(&bh, bhex, sizeof(bhex)), 0);
        assert_int_equal(utsec_digest_server_auth_info(&srv, &a, &vr, bhex, hdr, sizeof(hdr),
                                                       &len), 0);
        assert_int_equal(utsec_digest_client_verify_info(&cl, hdr, len, bhex), 0);
        /* the client checks the body too */
        assert_int_equal(utsec_digest_client_verify_info(&cl, hdr, len, NULL), UTSEC_ERR_RSPAUTH);
        /* a wrong RES is refused */
        u.res[0] ^= 1;
        assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                           S("GET"), S("/"), NULL, NULL, &sync,
                                                           hdr, sizeof(hdr), &len), 0);
        assert_int_equal(utsec_digest_parse_authorization(hdr, len, &a, scr, sizeof(scr)), 0);
        assert_int_equal(utsec_digest_server_verify(&srv, &a, S("GET"), S("/"), NULL, &vr),
                         UTSEC_ERR_AUTH_FAILED);
        /* an unknown RAND (vector not in the store) is refused */
        memset(st.rand[1], 0, 16);
        u.res[0] ^= 1;
        assert_int_equal(utsec_digest_client_authorize_aka(&cl, S(selfgen_impi), fake_usim, &u,
                                                           S("GET"), S("/"), NULL, NULL, &sync,
                                                           hdr, sizeof(hdr), &len), 0);
        assert_int_equal(utsec_digest_parse_authorization(hdr, len, &a, scr, sizeof(scr)), 0);
        assert_int_equal(utsec_digest_server_verify(&srv, &a, S("GET"), S("/"), NULL, &vr),
                         UTSEC_ERR_AUTH_FAILED);
        utsec_wipe(&vr, sizeof(vr));
        utsec_digest_server_free(&srv);
        utsec_digest_client_free(&cl);
    }
}

/* The nonce MAC (lib/digest_server.c): AES-128 CBC-MAC, zero IV, of
 * type || time || random-or-RAND||AUTN zero-padded to whole blocks, under
 * HMAC-SHA-256(secret, "libutsec digest nonce MAC key")[0..15]. Expected
 * nonces computed independently with Python hmac/hashlib and
 * `openssl enc -aes-128-cbc -nopad -iv 0` (last block). Time 1000000, random
 * octets (i + 1) * 131 mod 256 (fake_rng). */
static void nonce_mac_known_answer(void **state)
{
    struct rig r;
    utsec_digest_server_config_t cfg;
    utsec_digest_server_t srv, copy;
    uint8_t rnd[16], autn[16];
    char hdr[1024];
    size_t len;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), UTSEC_DIGEST_QOP_AUTH, "r");
    assert_int_equal(utsec_digest_server_challenge(&r.srv, 0, hdr, sizeof(hdr), &len), 0);
    assert_non_null(strstr(hdr, "nonce=\"AAAAAAAPQkCDBokMjxKVGJseoSSnKq3dKR7tcYW2UrkEjx4dC8A3\""));
    /* AKA: RAND || AUTN || time || MAC, secret = its first 16 octets */
    assert_int_equal(utsec_digest_profile_ub(&cfg, S(selfgen_bsf_realm)), 0);
    cfg.secret = secret;
    cfg.secret_len = 16;
    cfg.rng = fake_rng;
    cfg.rng_ctx = &r.rng_srv;
    cfg.time = fake_time;
    cfg.lookup = lookup;
    cfg.lookup_ctx = &r.st;
    cfg.replay = &r.replay;
    assert_int_equal(utsec_digest_server_init(&srv, &cfg), 0);
    hex(selfgen_rand, rnd, 16);
    hex(selfgen_autn, autn, 16);
    assert_int_equal(utsec_digest_server_challenge_aka(&srv, rnd, autn, 0, hdr, sizeof(hdr),
                                                       &len), 0);
    assert_non_null(strstr(hdr, "nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7MAAAAAAA9CQAArh7wr"
                                "Lw6utCHXa4pQVgQ=\""));
    /* A copy of a server is self-contained: it goes on issuing the same
     * MACs after the original is wiped (no pointer into the original). */
    copy = srv;
    utsec_digest_server_free(&srv);
    assert_int_equal(utsec_digest_server_challenge_aka(&copy, rnd, autn, 0, hdr, sizeof(hdr),
                                                       &len), 0);
    assert_non_null(strstr(hdr, "Lw6utCHXa4pQVgQ=\""));
    utsec_digest_server_free(&copy);
    utsec_digest_server_free(&r.srv);
}

static void aka_nonce_checks(void **state)
{
    struct rig r;
    utsec_digest_server_config_t cfg;
    utsec_digest_server_t srv;
    uint8_t rnd[16], autn[16];
    char hdr[1024], forged[1024], *p;
    size_t len;

    (void)state;
    rig_init(&r, 4, UTSEC_DIGEST_ALG_BIT(UTSEC_DIGEST_ALG_MD5), UTSEC_DIGEST_QOP_AUTH, "r");
    assert_int_equal(utsec_digest_profile_ub(&cfg, S(selfgen_bsf_realm)), 0);
    cfg.secret = secret;
    cfg.secret_len = 16;
    cfg.rng = fake_rng;
    cfg.rng_ctx = &r.rng_srv;
    cfg.time = fake_time;
    cfg.lookup = lookup;
    cfg.lookup_ctx = &r.st;
    cfg.replay = &r.replay;
    assert_int_equal(utsec_digest_server_init(&srv, &cfg), 0);
    hex(selfgen_rand, rnd, 16);
    hex(selfgen_autn, autn, 16);
    assert_int_equal(utsec_digest_server_challenge_aka(&srv, rnd, autn, 0, hdr, sizeof(hdr),
                                                       &len), 0);
    /* the nonce starts with base64(RAND || AUTN) of FACTS §8.2 */
    assert_non_null(strstr(hdr, "nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7"));
    assert_non_null(strstr(hdr, "algorithm=AKAv1-MD5"));
    assert_non_null(strstr(hdr, "realm=\"bsf.mnc001.mcc001.pub.3gppnetwork.org\""));
    /* the bare FACTS nonce (no server data) is not ours */
    snprintf(forged, sizeof(forged),
             "Digest username=\"%s\", realm=\"%s\", nonce=\"%s\", uri=\"/\", response=\"x\", "
             "qop=auth-int, nc=00000001, cnonce=\"c\", algorithm=AKAv1-MD5",
             selfgen_impi, selfgen_bsf_realm, selfgen_nonce);
    assert_int_equal(utsec_digest_parse_authorization(S(forged), &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_NONCE);
    /* our nonce with a different RAND (first character changed) */
    p = strstr(hdr, "nonce=\"") + 7;
    *p = 'J';
    snprintf(forged, sizeof(forged),
             "Digest username=\"%s\", realm=\"%s\", nonce=\"%.*s\", uri=\"/\", response=\"x\", "
             "qop=auth-int, nc=00000001, cnonce=\"c\", algorithm=AKAv1-MD5",
             selfgen_impi, selfgen_bsf_realm, 76, p);
    assert_int_equal(utsec_digest_parse_authorization(S(forged), &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_NONCE);
    /* qop auth is not in the Ub profile */
    snprintf(forged, sizeof(forged),
             "Digest username=\"%s\", realm=\"%s\", nonce=\"x\", uri=\"/\", response=\"x\", "
             "qop=auth, nc=00000001, cnonce=\"c\", algorithm=AKAv1-MD5",
             selfgen_impi, selfgen_bsf_realm);
    assert_int_equal(utsec_digest_parse_authorization(S(forged), &r.auth, r.scratch,
                                                      sizeof(r.scratch)), 0);
    assert_int_equal(utsec_digest_server_verify(&srv, &r.auth, S("GET"), S("/"), NULL, NULL),
                     UTSEC_ERR_UNSUPPORTED);
    utsec_digest_server_free(&srv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc2617_example),
        cmocka_unit_test(rfc7616_examples),
        cmocka_unit_test(calc_errors),
        cmocka_unit_test(body_hash_streaming),
        cmocka_unit_test(selfgen_ub_vectors),
        cmocka_unit_test(res_with_zero_octets),
        cmocka_unit_test(selfgen_ua_vectors),
        cmocka_unit_test(ua_realms),
        cmocka_unit_test(ua_combined_realm_exchange),
        cmocka_unit_test(client_picks_strongest),
        cmocka_unit_test(full_exchange_and_rspauth),
        cmocka_unit_test(server_rejections),
        cmocka_unit_test(server_config_errors),
        cmocka_unit_test(rfc2069_form_single_use),
        cmocka_unit_test(replay_window),
        cmocka_unit_test(stale_nonce_reuses_credentials),
        cmocka_unit_test(eviction_never_lets_a_replay_through),
        cmocka_unit_test(replay_table_never_accepts_twice),
        cmocka_unit_test(userhash_exchange),
        cmocka_unit_test(aka_client_selfgen_header),
        cmocka_unit_test(aka_resync_round_trip),
        cmocka_unit_test(aka_nonce_checks),
        cmocka_unit_test(nonce_mac_known_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
