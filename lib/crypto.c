/*
 * mbedTLS glue: hashes, HMAC, AES-128, the default RNG. The few API
 * differences between mbedTLS 2.28 and 3.x are confined to this file.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _DEFAULT_SOURCE /* getrandom() */
#include "crypto.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/version.h>

#if MBEDTLS_VERSION_MAJOR >= 3
#define UTSEC_MD5_STARTS(c) mbedtls_md5_starts(c)
#define UTSEC_MD5_UPDATE(c, p, n) mbedtls_md5_update(c, p, n)
#define UTSEC_MD5_FINISH(c, o) mbedtls_md5_finish(c, o)
#define UTSEC_SHA256_STARTS(c) mbedtls_sha256_starts(c, 0)
#define UTSEC_SHA256_UPDATE(c, p, n) mbedtls_sha256_update(c, p, n)
#define UTSEC_SHA256_FINISH(c, o) mbedtls_sha256_finish(c, o)
#else
#define UTSEC_MD5_STARTS(c) mbedtls_md5_starts_ret(c)
#define UTSEC_MD5_UPDATE(c, p, n) mbedtls_md5_update_ret(c, p, n)
#define UTSEC_MD5_FINISH(c, o) mbedtls_md5_finish_ret(c, o)
#define UTSEC_SHA256_STARTS(c) mbedtls_sha256_starts_ret(c, 0)
#define UTSEC_SHA256_UPDATE(c, p, n) mbedtls_sha256_update_ret(c, p, n)
#define UTSEC_SHA256_FINISH(c, o) mbedtls_sha256_finish_ret(c, o)
#endif

UTSEC_API void utsec_wipe(void *p, size_t len)
{
    if (p == NULL || len == 0)
        return;
    mbedtls_platform_zeroize(p, len);
}

/* Hides v from the optimiser (GCC/clang), so that the accumulation below
 * cannot be turned into an early exit. Elsewhere the volatile loads of the
 * byte loop do the same job. */
#if defined(__GNUC__) || defined(__clang__)
#define CT_BARRIER(v) __asm__("" : "+r"(v))
#else
#define CT_BARRIER(v) ((void)0)
#endif

UTSEC_API int utsec_ct_equal(const void *a, const void *b, size_t len)
{
    const uint8_t *x = a;
    const uint8_t *y = b;
    uint64_t diff = 0;
    size_t i = 0;

#if defined(__GNUC__) || defined(__clang__)
    /* 8 octets at a time; memcpy keeps the loads alignment-safe. */
    for (; len - i >= 8; i += 8) {
        uint64_t u, v;
        memcpy(&u, x + i, 8);
        memcpy(&v, y + i, 8);
        diff |= u ^ v;
        CT_BARRIER(diff);
    }
#endif
    for (; i < len; i++) {
        diff |= (uint8_t)(((const volatile uint8_t *)x)[i] ^
                          ((const volatile uint8_t *)y)[i]);
        CT_BARRIER(diff);
    }
    /* 1 when diff == 0, without a data-dependent branch: (diff | -diff)
     * has its top bit set exactly when diff != 0. */
    return (int)(1u ^ (unsigned)((diff | (0u - diff)) >> 63));
}

size_t utsec_hash_len(utsec_hash_alg_t alg)
{
    switch (alg) {
    case UTSEC_HASH_MD5: return 16;
    case UTSEC_HASH_SHA256:
    case UTSEC_HASH_SHA512_256: return 32;
    }
    return 0;
}

size_t utsec_hash_block_len(utsec_hash_alg_t alg)
{
    switch (alg) {
    case UTSEC_HASH_MD5:
    case UTSEC_HASH_SHA256: return 64;
    case UTSEC_HASH_SHA512_256: return 128;
    }
    return 0;
}

int utsec_hash_start(utsec_hash_t *h, utsec_hash_alg_t alg)
{
    int rc = 0;

    h->alg = alg;
    switch (alg) {
    case UTSEC_HASH_MD5:
        mbedtls_md5_init(&h->u.md5);
        rc = UTSEC_MD5_STARTS(&h->u.md5);
        break;
    case UTSEC_HASH_SHA256:
        mbedtls_sha256_init(&h->u.sha256);
        rc = UTSEC_SHA256_STARTS(&h->u.sha256);
        break;
    case UTSEC_HASH_SHA512_256:
        utsec_sha512_256_init(&h->u.sha512_256);
        break;
    default:
        return UTSEC_ERR_UNSUPPORTED;
    }
    return rc == 0 ? 0 : UTSEC_ERR_CRYPTO;
}

int utsec_hash_update(utsec_hash_t *h, const void *p, size_t n)
{
    int rc = 0;

    if (n == 0)
        return 0;
    switch (h->alg) {
    case UTSEC_HASH_MD5:
        rc = UTSEC_MD5_UPDATE(&h->u.md5, p, n);
        break;
    case UTSEC_HASH_SHA256:
        rc = UTSEC_SHA256_UPDATE(&h->u.sha256, p, n);
        break;
    case UTSEC_HASH_SHA512_256:
        utsec_sha512_256_update(&h->u.sha512_256, p, n);
        break;
    default:
        return UTSEC_ERR_UNSUPPORTED;
    }
    return rc == 0 ? 0 : UTSEC_ERR_CRYPTO;
}

int utsec_hash_finish(utsec_hash_t *h, uint8_t *out)
{
    int rc = 0;

    switch (h->alg) {
    case UTSEC_HASH_MD5:
        rc = UTSEC_MD5_FINISH(&h->u.md5, out);
        mbedtls_md5_free(&h->u.md5);
        break;
    case UTSEC_HASH_SHA256:
        rc = UTSEC_SHA256_FINISH(&h->u.sha256, out);
        mbedtls_sha256_free(&h->u.sha256);
        break;
    case UTSEC_HASH_SHA512_256:
        utsec_sha512_256_final(&h->u.sha512_256, out);
        break;
    default:
        return UTSEC_ERR_UNSUPPORTED;
    }
    rc = rc == 0 ? 0 : UTSEC_ERR_CRYPTO;
    utsec_wipe(h, sizeof(*h));
    return rc;
}

void utsec_hash_abort(utsec_hash_t *h)
{
    utsec_wipe(h, sizeof(*h));
}

int utsec_hash(utsec_hash_alg_t alg, const void *p, size_t n, uint8_t *out)
{
    utsec_hash_t h;
    int rc = utsec_hash_start(&h, alg);

    if (rc == 0)
        rc = utsec_hash_update(&h, p, n);
    if (rc == 0)
        return utsec_hash_finish(&h, out);
    utsec_hash_abort(&h);
    return rc;
}

int utsec_hmac_start(utsec_hmac_t *m, utsec_hash_alg_t alg, const uint8_t *key,
                     size_t key_len)
{
    uint8_t k[UTSEC_HASH_MAX_BLOCK];
    size_t block = utsec_hash_block_len(alg);
    size_t i;
    int rc;

    if (block == 0)
        return UTSEC_ERR_UNSUPPORTED;
    memset(k, 0, sizeof(k));
    rc = 0;
    if (key_len > block)
        rc = utsec_hash(alg, key, key_len, k);
    else if (key_len > 0)
        memcpy(k, key, key_len);
    if (rc == 0) { /* a failed key hash leaves m untouched */
        for (i = 0; i < block; i++) {
            m->opad_key[i] = (uint8_t)(k[i] ^ 0x5c);
            k[i] ^= 0x36;
        }
        rc = utsec_hash_start(&m->inner, alg);
        if (rc == 0)
            rc = utsec_hash_update(&m->inner, k, block);
        if (rc != 0)
            utsec_hmac_abort(m);
    }
    utsec_wipe(k, sizeof(k)); /* may hold part of a digest of the key */
    return rc;
}

int utsec_hmac_update(utsec_hmac_t *m, const void *p, size_t n)
{
    return utsec_hash_update(&m->inner, p, n);
}

int utsec_hmac_finish(utsec_hmac_t *m, uint8_t *out)
{
    uint8_t ih[UTSEC_HASH_MAX_LEN];
    utsec_hash_alg_t alg = m->inner.alg;
    size_t hl = utsec_hash_len(alg);
    int rc;

    /* the outer hash reuses the context of the inner one */
    rc = utsec_hash_finish(&m->inner, ih);
    if (rc == 0)
        rc = utsec_hash_start(&m->inner, alg);
    if (rc == 0)
        rc = utsec_hash_update(&m->inner, m->opad_key, utsec_hash_block_len(alg));
    if (rc == 0)
        rc = utsec_hash_update(&m->inner, ih, hl);
    if (rc == 0)
        rc = utsec_hash_finish(&m->inner, out);
    utsec_wipe(ih, sizeof(ih));
    utsec_hmac_abort(m);
    return rc;
}

void utsec_hmac_abort(utsec_hmac_t *m)
{
    utsec_wipe(m, sizeof(*m));
}

int utsec_hmac(utsec_hash_alg_t alg, const uint8_t *key, size_t key_len,
               const void *msg, size_t msg_len, uint8_t *out)
{
    utsec_hmac_t m;
    int rc = utsec_hmac_start(&m, alg, key, key_len);

    if (rc == 0)
        rc = utsec_hmac_update(&m, msg, msg_len);
    if (rc == 0)
        return utsec_hmac_finish(&m, out);
    utsec_hmac_abort(&m);
    return rc;
}

int utsec_aes128_setkey(utsec_aes128_t *a, const uint8_t key[16])
{
    mbedtls_aes_init(&a->ctx);
    if (mbedtls_aes_setkey_enc(&a->ctx, key, 128) != 0) {
        mbedtls_aes_free(&a->ctx);
        return UTSEC_ERR_CRYPTO;
    }
    return 0;
}

int utsec_aes128_encrypt(utsec_aes128_t *a, const uint8_t in[16],
                         uint8_t out[16])
{
    return mbedtls_aes_crypt_ecb(&a->ctx, MBEDTLS_AES_ENCRYPT, in, out) == 0
               ? 0
               : UTSEC_ERR_CRYPTO;
}

void utsec_aes128_free(utsec_aes128_t *a)
{
    if (a == NULL)
        return;
    mbedtls_aes_free(&a->ctx); /* zeroizes the key schedule */
    utsec_wipe(a, sizeof(*a));
}

/* ---- default RNG: mbedTLS entropy + CTR-DRBG in caller storage ---- */

struct rng_state {
    mbedtls_ctr_drbg_context drbg;
};

/* CTR-DRBG entropy source: the kernel CSPRNG. (mbedtls_entropy_context is
 * ~38 KiB in Debian's build, too large for caller-owned storage.) */
static int os_entropy(void *ctx, unsigned char *out, size_t len)
{
    (void)ctx;
    while (len > 0) {
        ssize_t n = getrandom(out, len, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
        out += n;
        len -= (size_t)n;
    }
    return 0;
}

typedef char rng_state_fits[(sizeof(struct rng_state) <=
                             sizeof(((utsec_rng_default_t *)0)->opaque))
                                ? 1
                                : -1];

UTSEC_API int utsec_rng_default_init(utsec_rng_default_t *rng,
                                     const uint8_t *pers, size_t pers_len)
{
    struct rng_state *s;

    if (rng == NULL || (pers == NULL && pers_len != 0))
        return UTSEC_ERR_INVALID_ARG;
    memset(rng, 0, sizeof(*rng));
    s = (struct rng_state *)(void *)rng->opaque.bytes;
    mbedtls_ctr_drbg_init(&s->drbg);
    if (mbedtls_ctr_drbg_seed(&s->drbg, os_entropy, NULL, pers, pers_len) != 0)
        return UTSEC_ERR_RNG;
    return 0;
}

UTSEC_API int utsec_rng_default(void *ctx, unsigned char *out, size_t len)
{
    utsec_rng_default_t *rng = ctx;
    struct rng_state *s;

    if (rng == NULL || (out == NULL && len != 0))
        return UTSEC_ERR_INVALID_ARG;
    s = (struct rng_state *)(void *)rng->opaque.bytes;
    while (len > 0) {
        size_t n = len > MBEDTLS_CTR_DRBG_MAX_REQUEST
                       ? MBEDTLS_CTR_DRBG_MAX_REQUEST
                       : len;
        if (mbedtls_ctr_drbg_random(&s->drbg, out, n) != 0)
            return UTSEC_ERR_RNG;
        out += n;
        len -= n;
    }
    return 0;
}

UTSEC_API void utsec_rng_default_free(utsec_rng_default_t *rng)
{
    struct rng_state *s;

    if (rng == NULL)
        return;
    s = (struct rng_state *)(void *)rng->opaque.bytes;
    mbedtls_ctr_drbg_free(&s->drbg);
    utsec_wipe(rng, sizeof(*rng));
}
