/*
 * Base64 (RFC 4648 §4), strict. Used for B-TIDs (TS 33.220 §4.5.2), digest
 * passwords (base64 of Ks_NAF), AKA nonces and AUTS (RFC 3310 §3.1, §3.4).
 * The lookups avoid tables indexed by data so that encoding key material
 * (digest passwords are base64(Ks_NAF)) has no secret-dependent memory access.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "crypto.h"

#include <string.h>

/* Branch-free mask: 0xFF when lo <= v <= hi, else 0 (v, lo, hi < 256). */
static unsigned range_mask(unsigned v, unsigned lo, unsigned hi)
{
    unsigned in = (((v - lo) >> 8) ^ 1u) & (((hi - v) >> 8) ^ 1u) & 1u;

    return (0u - in) & 0xFFu;
}

static char enc6(unsigned v)
{
    unsigned c = 0;

    c |= range_mask(v, 0, 25) & (v + 'A');
    c |= range_mask(v, 26, 51) & (v - 26 + 'a');
    c |= range_mask(v, 52, 61) & (v - 52 + '0');
    c |= range_mask(v, 62, 62) & '+';
    c |= range_mask(v, 63, 63) & '/';
    return (char)c;
}

/* Value of a base64 character, or 0x100 when it is not one. */
static unsigned dec6(unsigned char ch)
{
    unsigned c = ch, v = 0, ok = 0;

    v |= range_mask(c, 'A', 'Z') & (c - 'A');
    ok |= range_mask(c, 'A', 'Z');
    v |= range_mask(c, 'a', 'z') & (c - 'a' + 26);
    ok |= range_mask(c, 'a', 'z');
    v |= range_mask(c, '0', '9') & (c - '0' + 52);
    ok |= range_mask(c, '0', '9');
    v |= range_mask(c, '+', '+') & 62u;
    ok |= range_mask(c, '+', '+');
    v |= range_mask(c, '/', '/') & 63u;
    ok |= range_mask(c, '/', '/');
    return (v & 0xFFu) | ((~ok & 1u) << 8);
}

UTSEC_API int utsec_base64_encode(const uint8_t *in, size_t in_len, char *out,
                                  size_t out_size, size_t *out_len)
{
    size_t need, i, j, left, o = 0;

    if ((in == NULL && in_len != 0) || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (in_len > (SIZE_MAX - 1) / 4 * 3 - 3)
        return UTSEC_ERR_TOO_LONG;
    need = (in_len + 2) / 3 * 4 + 1;
    if (out_size < need)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    for (i = 0; i < in_len; i += 3) {
        /* 3 octets -> 4 characters; a last group of 1 or 2 octets gives
         * 2 or 3 characters and "==" or "=" */
        unsigned v = (unsigned)in[i] << 16;
        left = in_len - i;
        if (left > 1)
            v |= (unsigned)in[i + 1] << 8;
        if (left > 2)
            v |= in[i + 2];
        for (j = 0; j < 4; j++)
            out[o++] = (char)(j <= left ? enc6((v >> (18 - 6 * j)) & 63) : '=');
    }
    out[o] = '\0';
    if (out_len != NULL)
        *out_len = o;
    return 0;
}

/* Decode the n characters of in (no padding) as one bit string, 8 bits to
 * an octet, into out, or only check them when out is NULL. Non-zero when a
 * character is not base64 or the bits left over (the pad bits) are not 0. */
static unsigned decode_bits(const char *in, size_t n, uint8_t *out)
{
    unsigned acc = 0, bits = 0, bad = 0, v;
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        v = dec6((unsigned char)in[i]);
        bad |= v >> 8;
        acc = (acc << 6) | (v & 63u);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (out != NULL)
                out[o++] = (uint8_t)(acc >> bits);
        }
    }
    return bad | (acc & ((1u << bits) - 1u));
}

UTSEC_API int utsec_base64_decode(const char *in, size_t in_len, uint8_t *out,
                                  size_t out_size, size_t *out_len)
{
    size_t pad = 0, n;

    if ((in == NULL && in_len != 0) || out_len == NULL ||
        (out == NULL && out_size != 0))
        return UTSEC_ERR_INVALID_ARG;
    if (in_len % 4 != 0)
        return UTSEC_ERR_BASE64;
    if (in_len >= 1 && in[in_len - 1] == '=')
        pad++;
    if (in_len >= 2 && in[in_len - 2] == '=')
        pad++;
    n = in_len / 4 * 3 - pad;
    if (n > out_size)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    /* Validate everything first (characters and zero pad bits): nothing
     * is written on error. */
    if (decode_bits(in, in_len - pad, NULL) != 0)
        return UTSEC_ERR_BASE64;
    /* n <= out_size octets; out is NULL only when n = 0 (in_len = 0) */
    decode_bits(in, in_len - pad, out);
    *out_len = n;
    return 0;
}
