/*
 * Hexadecimal text for the utsec tool and the tests (hex.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "hex.h"

#include "utsec/utsec.h"

void hex_encode(const uint8_t *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

static int nibble(char ch)
{
    unsigned c = (unsigned char)ch;

    if (c - '0' < 10)
        return (int)(c - '0');
    c |= 0x20; /* 'A'..'F' to 'a'..'f'; nothing else lands there */
    if (c - 'a' < 6)
        return (int)(c - 'a' + 10);
    return -1;
}

int hex_decode(const char *in, size_t in_len, uint8_t *out,
                     size_t out_size, size_t *out_len)
{
    size_t i;

    if (in_len % 2 != 0)
        return UTSEC_ERR_HEX;
    for (i = 0; i < in_len; i++)
        if (nibble(in[i]) < 0)
            return UTSEC_ERR_HEX;
    if (in_len / 2 > out_size)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    for (i = 0; i < in_len / 2; i++)
        out[i] = (uint8_t)(((unsigned)nibble(in[2 * i]) << 4) |
                           (unsigned)nibble(in[2 * i + 1]));
    if (out_len != NULL)
        *out_len = in_len / 2;
    return 0;
}
