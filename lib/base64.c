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
    size_t need, i, o = 0;

    if ((in == NULL && in_len != 0) || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (in_len > (SIZE_MAX - 1) / 4 * 3 - 3)
        return UTSEC_ERR_TOO_LONG;
    need = (in_len + 2) / 3 * 4 + 1;
    if (out_size < need)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    for (i = 0; i + 3 <= in_len; i += 3) {
        unsigned v = ((unsigned)in[i] << 16) | ((unsigned)in[i + 1] << 8) |
                     in[i + 2];
        out[o++] = enc6(v >> 18);
        out[o++] = enc6((v >> 12) & 63);
        out[o++] = enc6((v >> 6) & 63);
        out[o++] = enc6(v & 63);
    }
    if (in_len - i == 1) {
        unsigned v = (unsigned)in[i] << 16;
        out[o++] = enc6(v >> 18);
        out[o++] = enc6((v >> 12) & 63);
        out[o++] = '=';
        out[o++] = '=';
    } else if (in_len - i == 2) {
        unsigned v = ((unsigned)in[i] << 16) | ((unsigned)in[i + 1] << 8);
        out[o++] = enc6(v >> 18);
        out[o++] = enc6((v >> 12) & 63);
        out[o++] = enc6((v >> 6) & 63);
        out[o++] = '=';
    }
    out[o] = '\0';
    if (out_len != NULL)
        *out_len = o;
    return 0;
}

UTSEC_API int utsec_base64_decode(const char *in, size_t in_len, uint8_t *out,
                                  size_t out_size, size_t *out_len)
{
    size_t pad = 0, n, i, o = 0;
    unsigned bad = 0;

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
    /* Validate everything first: nothing is written on error. */
    for (i = 0; i < in_len - pad; i++)
        bad |= dec6((unsigned char)in[i]) >> 8;
    if (bad)
        return UTSEC_ERR_BASE64;
    if (pad == 2 && (dec6((unsigned char)in[in_len - 3]) & 0x0F) != 0)
        return UTSEC_ERR_BASE64; /* non-zero pad bits */
    if (pad == 1 && (dec6((unsigned char)in[in_len - 2]) & 0x03) != 0)
        return UTSEC_ERR_BASE64;
    for (i = 0; i < in_len; i += 4) {
        unsigned a = dec6((unsigned char)in[i]);
        unsigned b = dec6((unsigned char)in[i + 1]);
        unsigned c = i + 2 < in_len - pad ? dec6((unsigned char)in[i + 2]) : 0;
        unsigned d = i + 3 < in_len - pad ? dec6((unsigned char)in[i + 3]) : 0;
        unsigned v = (a << 18) | (b << 12) | (c << 6) | d;
        /* out != NULL: in_len >= 4 here, so 1 <= n <= out_size; the
         * analyzer cannot relate n to in_len (false positive). */
        out[o++] = (uint8_t)(v >> 16); /* NOLINT(clang-analyzer-core.NullDereference) */
        if (o < n)
            out[o++] = (uint8_t)(v >> 8);
        if (o < n)
            out[o++] = (uint8_t)v;
    }
    *out_len = n;
    return 0;
}
