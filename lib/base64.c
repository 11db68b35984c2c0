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

/* The alphabet as 5 ranges of values lo..hi, character = value + off
 * (mod 256), walked in full for every character: no data-indexed lookup. */
static const struct {
    uint8_t lo, hi, off;
} alphabet[5] = {
    {0, 25, 'A'},
    {26, 51, 'a' - 26},
    {52, 61, (uint8_t)('0' - 52)},
    {62, 62, (uint8_t)('+' - 62)},
    {63, 63, (uint8_t)('/' - 63)},
};

static char enc6(unsigned v)
{
    unsigned c = 0, r;

    for (r = 0; r < 5; r++)
        c |= range_mask(v, alphabet[r].lo, alphabet[r].hi) & (v + alphabet[r].off);
    return (char)c;
}

/* Value of a base64 character, or 0x100 when it is not one. */
static unsigned dec6(unsigned char ch)
{
    unsigned v = 0, ok = 0, r, m, off;

    for (r = 0; r < 5; r++) {
        off = alphabet[r].off;
        m = range_mask(ch, (alphabet[r].lo + off) & 0xFFu,
                       (alphabet[r].hi + off) & 0xFFu);
        v |= m & (ch - off);
        ok |= m;
    }
    return (v & 0xFFu) | ((~ok & 1u) << 8);
}

UTSEC_API int utsec_base64_encode(const uint8_t *in, size_t in_len, char *out,
                                  size_t out_size, size_t *out_len)
{
    size_t need, i, o = 0;
    unsigned acc = 0, bits = 0;

    if ((in == NULL && in_len != 0) || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (in_len > (SIZE_MAX - 1) / 4 * 3 - 3)
        return UTSEC_ERR_TOO_LONG;
    need = (in_len + 2) / 3 * 4 + 1;
    if (out_size < need)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    /* the octets as one bit string, 6 bits to a character; the last one
     * padded with zero bits, then '=' up to a multiple of 4 characters */
    for (i = 0; i < in_len; i++) {
        acc = (acc << 8) | in[i];
        for (bits += 8; bits >= 6;) {
            bits -= 6;
            out[o++] = enc6((acc >> bits) & 63u);
        }
    }
    if (bits != 0)
        out[o++] = enc6((acc << (6 - bits)) & 63u);
    while (o % 4 != 0)
        out[o++] = '=';
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
