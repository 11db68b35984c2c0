/*
 * Constant-time check of the GBA key derivations (TS 33.220 Annex B, TS
 * 33.535 AKMA): Ks, RAND, CK/IK, H(A1), RESP and K_AUSF are secrets; NAF_Id,
 * IMPI and host names are public. Each call is made twice, once on defined
 * inputs for the reference and once with the secrets marked; only outputs the
 * protocol publishes (TMPI) or the final comparison with the reference are
 * marked defined. See ct.h.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ct.h"

#include "utsec/utsec.h"

static const char impi[] = "user@ims.mnc001.mcc001.3gppnetwork.org";
static const char bsf[] = "bsf.mnc001.mcc001.pub.3gppnetwork.org";
static const uint8_t naf_id[] = "xcap.example.org\x01\x00\x00\x00\x02";

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(seed + 29u * i);
}

/* Secret key and a secret parameter (as RAND in Ks_NAF), both FC forms. */
static void kdf(void)
{
    static const unsigned fcs[] = {0x01, 0xFF05};
    uint8_t key[32], p1[16], ref[32], out[32];
    size_t f;

    for (f = 0; f < 2; f++) {
        utsec_gba_param_t p[2] = {{p1, sizeof(p1)}, {naf_id, sizeof(naf_id) - 1}};
        int rc;
        fill(key, sizeof(key), 1);
        fill(p1, sizeof(p1), 2);
        CT_EXPECT(utsec_gba_kdf(key, sizeof(key), fcs[f], p, 2, ref) == 0);
        CT_SECRET(key, sizeof(key));
        CT_SECRET(p1, sizeof(p1));
        rc = utsec_gba_kdf(key, sizeof(key), fcs[f], p, 2, out);
        CT_PUBLISH(out, sizeof(out));
        CT_EXPECT(rc == 0 && memcmp(out, ref, sizeof(out)) == 0);
    }
}

/* Ks_(ext)NAF for both variants, from Ks and from CK || IK. */
static void ks_naf(void)
{
    static const utsec_gba_variant_t vars[] = {UTSEC_GBA_VARIANT_ME,
                                               UTSEC_GBA_VARIANT_U_INT};
    uint8_t ks[32], rnd[16], ref[32], out[32];
    size_t v;

    for (v = 0; v < 2; v++) {
        int rc;
        fill(ks, sizeof(ks), 3);
        fill(rnd, sizeof(rnd), 4);
        CT_EXPECT(utsec_gba_ks_naf(ks, vars[v], rnd, impi, sizeof(impi) - 1,
                                   naf_id, sizeof(naf_id) - 1, ref) == 0);
        CT_SECRET(ks, sizeof(ks));
        CT_SECRET(rnd, sizeof(rnd));
        rc = utsec_gba_ks_naf(ks, vars[v], rnd, impi, sizeof(impi) - 1, naf_id,
                              sizeof(naf_id) - 1, out);
        CT_PUBLISH(out, sizeof(out));
        CT_EXPECT(rc == 0 && memcmp(out, ref, sizeof(out)) == 0);

        CT_PUBLISH(ks, sizeof(ks));
        CT_SECRET(ks, sizeof(ks));
        CT_SECRET(rnd, sizeof(rnd));
        rc = utsec_gba_ks_naf_ck_ik(ks, ks + 16, vars[v], rnd, impi,
                                    sizeof(impi) - 1, naf_id,
                                    sizeof(naf_id) - 1, out);
        CT_PUBLISH(out, sizeof(out));
        CT_EXPECT(rc == 0 && memcmp(out, ref, sizeof(out)) == 0);
    }
}

/* The Ua digest password: base64(Ks_NAF) (TS 33.222 §5.3). */
static void digest_password(void)
{
    uint8_t ks_naf[32];
    char ref[UTSEC_BASE64_ENCODED_SIZE(32)], out[UTSEC_BASE64_ENCODED_SIZE(32)];
    size_t n;
    int rc;

    fill(ks_naf, sizeof(ks_naf), 5);
    CT_EXPECT(utsec_gba_digest_password(ks_naf, ref, sizeof(ref), NULL) == 0);
    CT_SECRET(ks_naf, sizeof(ks_naf));
    rc = utsec_gba_digest_password(ks_naf, out, sizeof(out), &n);
    CT_PUBLISH(out, sizeof(out));
    CT_EXPECT(rc == 0 && n == 44 && memcmp(out, ref, sizeof(out)) == 0);
}

/* TMPI (B.4): Ks and RAND secret; the TMPI itself is sent on the wire. */
static void tmpi(void)
{
    uint8_t ks[32], rnd[16];
    char ref[UTSEC_GBA_TMPI_SIZE], out[UTSEC_GBA_TMPI_SIZE];
    size_t n;
    int rc;

    fill(ks, sizeof(ks), 6);
    fill(rnd, sizeof(rnd), 7);
    CT_EXPECT(utsec_gba_tmpi(ks, rnd, impi, sizeof(impi) - 1, bsf,
                             sizeof(bsf) - 1, ref, sizeof(ref), NULL) == 0);
    CT_SECRET(ks, sizeof(ks));
    CT_SECRET(rnd, sizeof(rnd));
    rc = utsec_gba_tmpi(ks, rnd, impi, sizeof(impi) - 1, bsf, sizeof(bsf) - 1,
                        out, sizeof(out), &n);
    CT_PUBLISH(out, sizeof(out));
    CT_EXPECT(rc == 0 && n == 57 && memcmp(out, ref, n + 1) == 0);
}

/* GBA_Digest (B.5, B.6): H(A1), TLS_MK_Extr, RESP and Ks are secret. */
static void gba_digest(void)
{
    uint8_t ha1[16], mk[48], resp[16], ref[32], out[32];
    int rc;

    fill(ha1, sizeof(ha1), 8);
    fill(mk, sizeof(mk), 9);
    fill(resp, sizeof(resp), 10);
    CT_EXPECT(utsec_gba_digest_ks(ha1, 16, mk, 48, resp, 16, ref) == 0);
    CT_SECRET(ha1, sizeof(ha1));
    CT_SECRET(mk, sizeof(mk));
    CT_SECRET(resp, sizeof(resp));
    rc = utsec_gba_digest_ks(ha1, 16, mk, 48, resp, 16, out);
    CT_EXPECT(rc == 0);
    /* chain: Ks (still secret) -> Ks_NAF */
    rc = utsec_gba_digest_ks_naf(out, (const uint8_t *)"nonce", 5, impi,
                                 sizeof(impi) - 1, naf_id, sizeof(naf_id) - 1,
                                 out);
    CT_EXPECT(rc == 0);
    CT_EXPECT(utsec_gba_digest_ks_naf(ref, (const uint8_t *)"nonce", 5, impi,
                                      sizeof(impi) - 1, naf_id,
                                      sizeof(naf_id) - 1, ref) == 0);
    CT_PUBLISH(out, sizeof(out));
    CT_EXPECT(memcmp(out, ref, sizeof(out)) == 0);

    rc = utsec_gba_digest_passwd(ha1, 16, mk, 48, out);
    CT_PUBLISH(out, sizeof(out));
    CT_EXPECT(rc == 0);
}

/* AKMA (TS 33.535 A.2-A.4): K_AUSF and K_AKMA are secret. */
static void akma(void)
{
    uint8_t kausf[32], ref[32], out[32];
    int rc;

    fill(kausf, sizeof(kausf), 11);
    CT_EXPECT(utsec_gba_akma_kakma(kausf, "001010123456789", 15, ref) == 0);
    CT_EXPECT(utsec_gba_akma_kaf(ref, naf_id, sizeof(naf_id) - 1, ref) == 0);
    CT_SECRET(kausf, sizeof(kausf));
    rc = utsec_gba_akma_kakma(kausf, "001010123456789", 15, out);
    CT_EXPECT(rc == 0);
    rc = utsec_gba_akma_kaf(out, naf_id, sizeof(naf_id) - 1, out);
    CT_PUBLISH(out, sizeof(out));
    CT_EXPECT(rc == 0 && memcmp(out, ref, sizeof(out)) == 0);
    rc = utsec_gba_akma_atid(kausf, "001010123456789", 15, out);
    CT_PUBLISH(out, sizeof(out)); /* A-TID is an identifier */
    CT_EXPECT(rc == 0);
}

int main(void)
{
    CT_RUN(kdf);
    CT_RUN(ks_naf);
    CT_RUN(digest_password);
    CT_RUN(tmpi);
    CT_RUN(gba_digest);
    CT_RUN(akma);
    return CT_DONE();
}
