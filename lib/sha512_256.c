/*
 * SHA-512/256 (FIPS 180-4 §5.3.6.2 initial value, §6.4 SHA-512 computation,
 * output truncated to the leftmost 256 bits). mbedTLS 2.28 and 3.x do not
 * provide it and hide their SHA-512 state, so this file carries the SHA-512
 * compression function. Used by RFC 7616 "SHA-512-256".
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "crypto.h"

#include <string.h>

/* FIPS 180-4 §4.2.3 */
static const uint64_t K512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL,
    0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
    0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL,
    0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
    0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL, 0x2de92c6f592b0275ULL,
    0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL,
    0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL,
    0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL,
    0x92722c851482353bULL, 0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
    0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL,
    0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
    0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL,
    0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL,
    0xc67178f2e372532bULL, 0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
    0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL,
    0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
    0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

/* FIPS 180-4 §5.3.6.2: H(0) for SHA-512/256 */
static const uint64_t IV512_256[8] = {
    0x22312194FC2BF72CULL, 0x9F555FA3C84C64C2ULL, 0x2393B86B6F53B151ULL,
    0x963877195940EABDULL, 0x96283EE2A88EFFE3ULL, 0xBE5E1E2553863992ULL,
    0x2B0199FC2C85B8AAULL, 0x0EB72DDC81C52CA2ULL};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static uint64_t load_be64(const uint8_t *p)
{
    return ((uint64_t)p[0] << 56) | ((uint64_t)p[1] << 48) |
           ((uint64_t)p[2] << 40) | ((uint64_t)p[3] << 32) |
           ((uint64_t)p[4] << 24) | ((uint64_t)p[5] << 16) |
           ((uint64_t)p[6] << 8) | (uint64_t)p[7];
}

/* n octets big-endian from the 64-bit words v[0], v[1], ... */
static void store_be(uint8_t *p, const uint64_t *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(v[i / 8] >> (56 - 8 * (i % 8)));
}

/* FIPS 180-4 §6.4.2, one 1024-bit block. The working variables a..h
 * rotate through v[] instead of moving: in round t, a is V(0), b is V(1),
 * ..., h is V(7). The message schedule W is kept as its last 16 words. */
#define V(k) v[((k) - t) & 7]

static void compress(uint64_t st[8], const uint8_t blk[128])
{
    uint64_t w[16], v[8], t1, t2;
    size_t t;

    memcpy(v, st, sizeof(v));
    for (t = 0; t < 80; t++) {
        if (t < 16) {
            w[t] = load_be64(blk + 8 * t);
        } else { /* W_t from W_t-16, W_t-15, W_t-7, W_t-2 */
            uint64_t w15 = w[(t - 15) % 16], w2 = w[(t - 2) % 16];
            w[t % 16] += (ROTR(w15, 1) ^ ROTR(w15, 8) ^ (w15 >> 7)) +
                         w[(t - 7) % 16] +
                         (ROTR(w2, 19) ^ ROTR(w2, 61) ^ (w2 >> 6));
        }
        t1 = V(7) + (ROTR(V(4), 14) ^ ROTR(V(4), 18) ^ ROTR(V(4), 41)) +
             ((V(4) & V(5)) ^ (~V(4) & V(6))) + K512[t] + w[t % 16];
        t2 = (ROTR(V(0), 28) ^ ROTR(V(0), 34) ^ ROTR(V(0), 39)) +
             ((V(0) & V(1)) ^ (V(0) & V(2)) ^ (V(1) & V(2)));
        /* e = d + T1 and a = T1 + T2 for round t + 1: the slots of d and h */
        V(3) += t1;
        V(7) = t1 + t2;
    }
    for (t = 0; t < 8; t++)
        st[t] += v[t];
    utsec_wipe(w, sizeof(w));
    utsec_wipe(v, sizeof(v));
}

void utsec_sha512_256_init(utsec_sha512_256_t *c)
{
    memset(c, 0, sizeof(*c));
    memcpy(c->state, IV512_256, sizeof(c->state));
}

void utsec_sha512_256_update(utsec_sha512_256_t *c, const uint8_t *p, size_t n)
{
    uint64_t add = (uint64_t)n;
    size_t take;

    c->total_lo += add;
    if (c->total_lo < add)
        c->total_hi++;
    for (; n > 0; p += take, n -= take) {
        take = 128 - c->buf_len;
        if (take > n)
            take = n;
        memcpy(c->buf + c->buf_len, p, take);
        c->buf_len += take;
        if (c->buf_len == 128) {
            compress(c->state, c->buf);
            c->buf_len = 0;
        }
    }
}

void utsec_sha512_256_final(utsec_sha512_256_t *c, uint8_t out[32])
{
    /* the 128-bit big-endian bit length */
    uint64_t bits[2] = {(c->total_hi << 3) | (c->total_lo >> 61),
                        c->total_lo << 3};

    /* §5.1.2 padding: 0x80, zeros, 128-bit big-endian bit length. */
    c->buf[c->buf_len++] = 0x80;
    memset(c->buf + c->buf_len, 0, 128 - c->buf_len);
    if (c->buf_len > 112) {
        compress(c->state, c->buf);
        memset(c->buf, 0, 112);
    }
    store_be(c->buf + 112, bits, 16);
    compress(c->state, c->buf);
    store_be(out, c->state, 32);
    utsec_wipe(c, sizeof(*c));
}
