/*
 * Private: the one place that calls mbedTLS hash/HMAC/AES primitives, so the
 * rest of libutsec is independent of the mbedTLS major version (2.28 / 3.x).
 * Nothing here allocates on the heap.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_LIB_CRYPTO_H
#define UTSEC_LIB_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/aes.h>
#include <mbedtls/md5.h>
#include <mbedtls/sha256.h>

#include "utsec/common.h"

/* Hash algorithms used by HTTP Digest (RFC 7616 §3.2) and the KDF. */
typedef enum utsec_hash_alg {
    UTSEC_HASH_MD5 = 0,
    UTSEC_HASH_SHA256 = 1,
    UTSEC_HASH_SHA512_256 = 2
} utsec_hash_alg_t;

#define UTSEC_HASH_MAX_LEN 32u   /* longest output of the three */
#define UTSEC_HASH_MAX_BLOCK 128u /* longest block (SHA-512) */

/* SHA-512/256 (FIPS 180-4 §5.3.6.2, §6.4): our own SHA-512 compression with
 * the SHA-512/256 initial value, since mbedTLS 2.28/3.x lack it. */
typedef struct utsec_sha512_256 {
    uint64_t state[8];
    uint64_t total_lo, total_hi; /* message length in octets, 128-bit */
    uint8_t buf[128];
    size_t buf_len;
} utsec_sha512_256_t;

void utsec_sha512_256_init(utsec_sha512_256_t *c);
void utsec_sha512_256_update(utsec_sha512_256_t *c, const uint8_t *p, size_t n);
void utsec_sha512_256_final(utsec_sha512_256_t *c, uint8_t out[32]);

/* Streaming hash over one of the algorithms above. */
typedef struct utsec_hash {
    utsec_hash_alg_t alg;
    union {
        mbedtls_md5_context md5;
        mbedtls_sha256_context sha256;
        utsec_sha512_256_t sha512_256;
    } u;
} utsec_hash_t;

/* Output length of alg, or 0 for an unknown value. */
size_t utsec_hash_len(utsec_hash_alg_t alg);
/* Block length of alg (64 or 128), or 0 for an unknown value. */
size_t utsec_hash_block_len(utsec_hash_alg_t alg);

int utsec_hash_start(utsec_hash_t *h, utsec_hash_alg_t alg);
int utsec_hash_update(utsec_hash_t *h, const void *p, size_t n);
/* Writes utsec_hash_len(alg) octets and wipes the context. */
int utsec_hash_finish(utsec_hash_t *h, uint8_t *out);
/* Wipe a context that will not be finished (error paths). */
void utsec_hash_abort(utsec_hash_t *h);
/* One-shot. */
int utsec_hash(utsec_hash_alg_t alg, const void *p, size_t n, uint8_t *out);

/* HMAC (RFC 2104) over utsec_hash_t: no heap, unlike mbedtls_md_setup(). */
typedef struct utsec_hmac {
    utsec_hash_t inner;
    uint8_t opad_key[UTSEC_HASH_MAX_BLOCK]; /* key XOR opad, secret */
} utsec_hmac_t;

int utsec_hmac_start(utsec_hmac_t *m, utsec_hash_alg_t alg, const uint8_t *key,
                     size_t key_len);
int utsec_hmac_update(utsec_hmac_t *m, const void *p, size_t n);
/* Writes utsec_hash_len(alg) octets and wipes the context. */
int utsec_hmac_finish(utsec_hmac_t *m, uint8_t *out);
void utsec_hmac_abort(utsec_hmac_t *m);
int utsec_hmac(utsec_hash_alg_t alg, const uint8_t *key, size_t key_len,
               const void *msg, size_t msg_len, uint8_t *out);

/* AES-128 single-block encryption with a cached key schedule. */
typedef struct utsec_aes128 {
    mbedtls_aes_context ctx;
} utsec_aes128_t;

int utsec_aes128_setkey(utsec_aes128_t *a, const uint8_t key[16]);
int utsec_aes128_encrypt(utsec_aes128_t *a, const uint8_t in[16],
                         uint8_t out[16]);
void utsec_aes128_free(utsec_aes128_t *a);

/* Declassify: the protocol reveals these octets (a compare result, a
 * sequence number checked after its MAC verified), so branching on them is
 * not a leak. A no-op except in the constant-time check build
 * (`make ct-check`, -DUTSEC_CT_CHECK), where valgrind stops tracking them as
 * secret. */
#ifdef UTSEC_CT_CHECK
#include <valgrind/memcheck.h>
#define UTSEC_CT_PUBLIC(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#else
#define UTSEC_CT_PUBLIC(p, n) ((void)(p), (void)(n))
#endif

#endif /* UTSEC_LIB_CRYPTO_H */
