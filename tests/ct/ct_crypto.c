/*
 * Constant-time check of the crypto core: utsec_ct_equal, the hashes and
 * HMAC over secret keys and messages (MD5, SHA-256, SHA-512/256), base64
 * encoding of key material. See ct.h.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ct.h"

#include "crypto.h"
#include "utsec/utsec.h"

static const utsec_hash_alg_t algs[] = {UTSEC_HASH_MD5, UTSEC_HASH_SHA256,
                                        UTSEC_HASH_SHA512_256};

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(seed + 37u * i);
}

/* Equal and unequal secrets: only the 0/1 result is published. */
static void ct_equal(void)
{
    uint8_t a[32], b[32];
    size_t diff_at;
    int r;

    for (diff_at = 0; diff_at <= sizeof(a); diff_at += 8) {
        fill(a, sizeof(a), 1);
        fill(b, sizeof(b), 1);
        if (diff_at < sizeof(a))
            b[diff_at] ^= 0x40;
        CT_SECRET(a, sizeof(a));
        CT_SECRET(b, sizeof(b));
        r = utsec_ct_equal(a, b, sizeof(a));
        CT_PUBLISH(&r, sizeof(r));
        CT_EXPECT(r == (diff_at == sizeof(a)));
    }
}

/* Hash of a secret message (the HA1 of Digest hashes the password). */
static void hash_secret(void)
{
    uint8_t msg[200], ref[UTSEC_HASH_MAX_LEN], out[UTSEC_HASH_MAX_LEN];
    size_t a, len;

    for (a = 0; a < sizeof(algs) / sizeof(algs[0]); a++) {
        size_t hl = utsec_hash_len(algs[a]);
        for (len = 0; len <= sizeof(msg); len += 50) {
            int rc;
            fill(msg, sizeof(msg), (uint8_t)a);
            CT_EXPECT(utsec_hash(algs[a], msg, len, ref) == 0);
            CT_SECRET(msg, sizeof(msg));
            rc = utsec_hash(algs[a], msg, len, out);
            CT_PUBLISH(out, hl);
            CT_EXPECT(rc == 0 && memcmp(out, ref, hl) == 0);
        }
    }
}

/* HMAC with a secret key (short, one block, longer than a block: the key is
 * hashed first) and a secret message. */
static void hmac_secret(void)
{
    static const size_t key_lens[] = {16, 32, 64, 128, 129, 200};
    uint8_t key[200], msg[100], ref[UTSEC_HASH_MAX_LEN], out[UTSEC_HASH_MAX_LEN];
    size_t a, k;

    for (a = 0; a < sizeof(algs) / sizeof(algs[0]); a++) {
        size_t hl = utsec_hash_len(algs[a]);
        for (k = 0; k < sizeof(key_lens) / sizeof(key_lens[0]); k++) {
            int rc;
            fill(key, sizeof(key), (uint8_t)(7 + k));
            fill(msg, sizeof(msg), 3);
            CT_EXPECT(utsec_hmac(algs[a], key, key_lens[k], msg, sizeof(msg),
                                 ref) == 0);
            CT_SECRET(key, sizeof(key));
            CT_SECRET(msg, sizeof(msg));
            rc = utsec_hmac(algs[a], key, key_lens[k], msg, sizeof(msg), out);
            CT_PUBLISH(out, hl);
            CT_EXPECT(rc == 0 && memcmp(out, ref, hl) == 0);
        }
    }
}

/* Base64 of key material, every length mod 3 (utsec_gba_digest_password
 * and the TMPI encode keys; RFC 3310 AUTS carries SQN xor AK). */
static void base64_encode_secret(void)
{
    uint8_t key[34];
    char ref[UTSEC_BASE64_ENCODED_SIZE(34)], out[UTSEC_BASE64_ENCODED_SIZE(34)];
    size_t len, n_ref, n;

    for (len = 30; len <= sizeof(key); len++) {
        int rc;
        fill(key, sizeof(key), (uint8_t)len);
        CT_EXPECT(utsec_base64_encode(key, len, ref, sizeof(ref), &n_ref) == 0);
        CT_SECRET(key, sizeof(key));
        rc = utsec_base64_encode(key, len, out, sizeof(out), &n);
        CT_PUBLISH(out, sizeof(out));
        CT_EXPECT(rc == 0 && n == n_ref && memcmp(out, ref, n + 1) == 0);
    }
}

int main(void)
{
    CT_RUN(ct_equal);
    CT_RUN(hash_secret);
    CT_RUN(hmac_secret);
    CT_RUN(base64_encode_secret);
    return CT_DONE();
}
