/*
 * Constant-time check of HTTP Digest (see ct.h): responses, H(A1), AKAv2
 * passwords and the server/client checks computed from secret passwords
 * (an AKA RES with 0x00 octets, XRES, H(A1)). Only what the protocol
 * reveals (the response on the wire, a check's outcome) is published.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ct.h"

#include "crypto.h"
#include "utsec/utsec.h"

static const char impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char realm[] = "bsf.mnc001.mcc001.pub.3gppnetwork.org";
static const char nonce[] = "I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=";
static const uint8_t res_ref[8] = {0xa5, 0x42, 0x11, 0xd5, 0xe3, 0xba, 0x50, 0xbf};

static utsec_digest_str_t sv(const char *s)
{
    utsec_digest_str_t v;

    v.ptr = s;
    v.len = strlen(s);
    return v;
}

static utsec_digest_calc_t calc(const uint8_t *pw, size_t n, utsec_digest_alg_t alg)
{
    utsec_digest_calc_t c;

    memset(&c, 0, sizeof(c));
    c.alg = alg;
    c.qop = UTSEC_DIGEST_QOP_AUTH_INT;
    c.username = sv(impi);
    c.realm = sv(realm);
    c.password = pw;
    c.password_len = n;
    c.nonce = sv(nonce);
    c.cnonce = sv("0a4f113b");
    c.nc = 1;
    c.method = sv("GET");
    c.uri = sv("/");
    return c;
}

/* response / rspauth / H(A1) from a secret RES, every algorithm. */
static void response_from_secret(void)
{
    uint8_t res[8];
    char out[UTSEC_DIGEST_HEX_SIZE];
    int alg, rc;

    for (alg = 0; alg <= UTSEC_DIGEST_ALG_AKAV2_MD5; alg++) {
        utsec_digest_calc_t c;
        memcpy(res, res_ref, sizeof(res));
        CT_SECRET(res, sizeof(res));
        c = calc(res, sizeof(res), (utsec_digest_alg_t)alg);
        rc = utsec_digest_response(&c, out, sizeof(out), NULL);
        CT_PUBLISH(out, sizeof(out));
        CT_EXPECT(rc == 0);
        if (alg == UTSEC_DIGEST_ALG_AKAV1_MD5)
            CT_EXPECT(strcmp(out, "26d91881d4f34c67c3c171426686ad62") == 0);
        rc = utsec_digest_rspauth(&c, out, sizeof(out), NULL);
        CT_PUBLISH(out, sizeof(out));
        CT_EXPECT(rc == 0);
        rc = utsec_digest_ha1(&c, out, sizeof(out), NULL);
        CT_EXPECT(rc == 0);
        utsec_wipe(out, sizeof(out));
    }
}

/* The server-side check against a secret XRES: only the outcome is public. */
static void check_against_secret(void)
{
    utsec_digest_authorization_t a;
    utsec_digest_calc_t c;
    uint8_t xres[8];
    char resp[UTSEC_DIGEST_HEX_SIZE];
    int rc, flip;

    for (flip = 0; flip < 2; flip++) {
        c = calc(res_ref, sizeof(res_ref), UTSEC_DIGEST_ALG_AKAV1_MD5);
        (void)utsec_digest_response(&c, resp, sizeof(resp), NULL);
        memset(&a, 0, sizeof(a));
        a.username = c.username;
        a.realm = c.realm;
        a.nonce = c.nonce;
        a.cnonce = c.cnonce;
        a.nc = 1;
        a.qop = c.qop;
        a.alg = c.alg;
        a.uri = c.uri;
        a.response = sv(resp);
        memcpy(xres, res_ref, sizeof(xres));
        xres[7] ^= (uint8_t)flip;
        CT_SECRET(xres, sizeof(xres));
        rc = utsec_digest_check_response(&a, "GET", 3, xres, sizeof(xres), NULL);
        CT_PUBLISH(&rc, sizeof(rc));
        CT_EXPECT(rc == (flip ? UTSEC_ERR_AUTH_FAILED : 0));
    }
}

/* AKAv2 password from secret RES, IK, CK (FACTS §8.2). */
static void akav2_from_secret(void)
{
    static const uint8_t ik_ref[16] = {
        0xf7, 0x69, 0xbc, 0xd7, 0x51, 0x04, 0x46, 0x04,
        0x12, 0x76, 0x72, 0x71, 0x1c, 0x6d, 0x34, 0x41};
    static const uint8_t ck_ref[16] = {
        0xb4, 0x0b, 0xa9, 0xa3, 0xc5, 0x8b, 0x2a, 0x05,
        0xbb, 0xf0, 0xd9, 0x87, 0xb2, 0x1b, 0xf8, 0xcb};
    uint8_t res[8], ik[16], ck[16];
    char pw[32];
    int rc;

    memcpy(res, res_ref, sizeof(res));
    memcpy(ik, ik_ref, sizeof(ik));
    memcpy(ck, ck_ref, sizeof(ck));
    CT_SECRET(res, sizeof(res));
    CT_SECRET(ik, sizeof(ik));
    CT_SECRET(ck, sizeof(ck));
    rc = utsec_digest_akav2_password(res, sizeof(res), ik, ck, pw, sizeof(pw));
    CT_PUBLISH(pw, sizeof(pw));
    CT_EXPECT(rc == 0 && strcmp(pw, "shzt3q8CWaZnCAWqs3WmEQ==") == 0);
}

/* The client's answer from a secret password: the header goes on the wire.
 * (utsec_digest_server_verify() and utsec_digest_client_verify_info() then
 * branch on the verdict of the compare checked above, which the peer sees as
 * 200 / 401, so they are not run with marked secrets here.) */
static int rng(void *ctx, unsigned char *o, size_t n)
{
    (void)ctx;
    memset(o, 0x5a, n);
    return 0;
}

static void client_answer(void)
{
    static utsec_digest_client_t cl;
    static char hdr[1024];
    static const char *const chal[] = {
        "Digest realm=\"r@x\", nonce=\"n\", qop=auth, algorithm=SHA-256",
        "Digest realm=\"r@x\", nonce=\"n\", qop=auth, algorithm=MD5-sess",
        "Digest realm=\"r@x\", nonce=\"n\", algorithm=SHA-512-256",
    };
    uint8_t pw[14];
    size_t len, i;
    int rc;

    for (i = 0; i < sizeof(chal) / sizeof(chal[0]); i++) {
        CT_EXPECT(utsec_digest_client_init(&cl, rng, NULL) == 0);
        CT_EXPECT(utsec_digest_client_challenge(&cl, chal[i], strlen(chal[i]),
                                                UTSEC_DIGEST_ALG_ALL, 0, NULL) == 0);
        memcpy(pw, "Circle of Life", 14);
        CT_SECRET(pw, sizeof(pw));
        rc = utsec_digest_client_authorize(&cl, "Mufasa", 6, pw, sizeof(pw), "GET", 3, "/", 1,
                                           NULL, hdr, sizeof(hdr), &len);
        CT_PUBLISH(hdr, sizeof(hdr));
        CT_EXPECT(rc == 0);
        /* stale reuse of the cached H(user:realm:password) */
        rc = utsec_digest_client_authorize(&cl, "Mufasa", 6, NULL, 0, "GET", 3, "/", 1, NULL,
                                           hdr, sizeof(hdr), &len);
        CT_PUBLISH(hdr, sizeof(hdr));
        CT_EXPECT(rc == 0);
        utsec_digest_client_free(&cl);
    }
}

int main(void)
{
    CT_RUN(response_from_secret);
    CT_RUN(check_against_secret);
    CT_RUN(akav2_from_secret);
    CT_RUN(client_answer);
    return CT_DONE();
}
