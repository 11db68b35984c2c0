/*
 * Hex and percent-encoding for the example programs (ex_text.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "ex_text.h"

int ex_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long ex_hex_decode(const char *s, size_t n, uint8_t *out, size_t size)
{
    size_t i;

    if (n == 0 || n % 2 != 0 || n / 2 > size)
        return -1;
    for (i = 0; i < n / 2; i++) {
        int hi = ex_hexval(s[2 * i]), lo = ex_hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return (long)(n / 2);
}

int ex_hex_exact(const char *s, uint8_t *out, size_t n)
{
    size_t len = strlen(s);

    return len == 2 * n && ex_hex_decode(s, len, out, n) == (long)n ? 0 : -1;
}

void ex_hex_encode(const uint8_t *p, size_t n, char *out)
{
    static const char d[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = d[p[i] >> 4];
        out[2 * i + 1] = d[p[i] & 15];
    }
    out[2 * n] = '\0';
}

long ex_pct_decode(const char *s, size_t n, char *out, size_t size)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        int ch = (unsigned char)s[i];
        if (ch == '%') {
            int hi = i + 2 < n ? ex_hexval(s[i + 1]) : -1;
            int lo = hi >= 0 ? ex_hexval(s[i + 2]) : -1;
            if (lo < 0)
                return -1;
            ch = hi << 4 | lo;
            i += 2;
        }
        if (ch == 0 || o + 1 >= size)
            return -1;
        out[o++] = (char)ch;
    }
    if (size == 0)
        return -1;
    out[o] = '\0';
    return (long)o;
}

int ex_pct_encode(const char *s, const char *keep, char *out, size_t size)
{
    static const char hx[] = "0123456789ABCDEF";
    size_t o = 0;

    for (; *s != '\0'; s++) {
        unsigned char ch = (unsigned char)*s;
        int plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || strchr("-._~", ch) != NULL ||
                    strchr(keep, ch) != NULL;
        if (o + 4 > size)
            return -1;
        if (plain) {
            out[o++] = (char)ch;
        } else {
            out[o++] = '%';
            out[o++] = hx[ch >> 4];
            out[o++] = hx[ch & 15];
        }
    }
    if (size == 0)
        return -1;
    out[o] = '\0';
    return 0;
}

int ex_query_param(const char *query, const char *name, const char **v, size_t *vn)
{
    size_t nl = strlen(name);
    const char *q = query;
    int found = 0;

    while (*q != '\0') {
        const char *amp = strchr(q, '&');
        size_t len = amp != NULL ? (size_t)(amp - q) : strlen(q);
        if (len > nl && memcmp(q, name, nl) == 0 && q[nl] == '=') {
            if (found++)
                return -1;
            *v = q + nl + 1;
            *vn = len - nl - 1;
        }
        q += len;
        if (*q == '&')
            q++;
    }
    return found ? 0 : -1;
}
