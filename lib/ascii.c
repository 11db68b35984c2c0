/*
 * Case-insensitive ASCII comparison (ascii.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ascii.h"

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

int utsec_ascii_ieq(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i;

    if (an != bn)
        return 0;
    for (i = 0; i < an; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
    return 1;
}

int utsec_ascii_ieq_lit(const char *s, size_t n, const char *lit)
{
    size_t i;

    /* stops at the first difference: no strlen(lit) for each candidate */
    for (i = 0; i < n; i++)
        if (lit[i] == '\0' || lower((unsigned char)s[i]) != lower((unsigned char)lit[i]))
            return 0;
    return lit[n] == '\0';
}
