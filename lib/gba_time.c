/*
 * Key lifetimes: the xs:dateTime of TS 24.109 Annex C (`lifetime`, UTC)
 * and the validity check of TS 33.220 §4.5.3. Calendar arithmetic is the
 * proleptic Gregorian day count, with no dependence on the C library's
 * time zone state (timegm() is not in C11 and gmtime() is not reentrant).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "gba_internal.h"

#include <string.h>

#define MAX_TIME INT64_C(253402300799) /* 9999-12-31T23:59:59Z */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    int64_t era;
    unsigned yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    int64_t era;
    unsigned doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static unsigned days_in_month(int64_t y, unsigned m)
{
    static const unsigned char dm[12] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    return dm[m - 1] + (m == 2 && leap ? 1u : 0u);
}

/* Read exactly n decimal digits. */
static int digits(const char *p, size_t n, unsigned *v)
{
    size_t i;

    *v = 0;
    for (i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        *v = *v * 10 + (unsigned)(p[i] - '0');
    }
    return 0;
}

UTSEC_API int utsec_gba_time_parse(const char *s, size_t len, int64_t *out)
{
    unsigned year, mon, day, hh, mm, ss, oh = 0, om = 0;
    size_t i = 19;
    int64_t t, offset = 0;

    if (s == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    /* YYYY-MM-DDThh:mm:ss */
    if (len < 20 || digits(s, 4, &year) || s[4] != '-' ||
        digits(s + 5, 2, &mon) || s[7] != '-' || digits(s + 8, 2, &day) ||
        s[10] != 'T' || digits(s + 11, 2, &hh) || s[13] != ':' ||
        digits(s + 14, 2, &mm) || s[16] != ':' || digits(s + 17, 2, &ss))
        return UTSEC_ERR_BAD_TIME;
    if (year < 1970 || mon < 1 || mon > 12 || day < 1 ||
        day > days_in_month(year, mon) || hh > 23 || mm > 59 || ss > 59)
        return UTSEC_ERR_BAD_TIME;
    if (s[i] == '.') { /* fractional seconds: at least one digit */
        size_t start = ++i;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == start)
            return UTSEC_ERR_BAD_TIME;
    }
    if (i + 1 == len && s[i] == 'Z') {
        offset = 0;
    } else if (i + 6 == len && (s[i] == '+' || s[i] == '-') &&
               digits(s + i + 1, 2, &oh) == 0 && s[i + 3] == ':' &&
               digits(s + i + 4, 2, &om) == 0) {
        if (oh > 14 || om > 59 || (oh == 14 && om != 0))
            return UTSEC_ERR_BAD_TIME;
        offset = (int64_t)oh * 3600 + (int64_t)om * 60;
        if (s[i] == '-')
            offset = -offset;
    } else {
        return UTSEC_ERR_BAD_TIME;
    }
    t = days_from_civil(year, mon, day) * 86400 + (int64_t)hh * 3600 +
        (int64_t)mm * 60 + ss;
    t -= offset; /* local = UTC + offset */
    if (t < 0 || t > MAX_TIME)
        return UTSEC_ERR_BAD_TIME;
    *out = t;
    return 0;
}

UTSEC_API int utsec_gba_time_format(int64_t t, char *out, size_t out_size,
                                    size_t *out_len)
{
    int64_t y;
    unsigned m, d, secs, vals[6];
    static const unsigned widths[6] = {4, 2, 2, 2, 2, 2};
    static const char seps[6] = {'-', '-', 'T', ':', ':', 'Z'};
    size_t o = 0, k;

    if (out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (t < 0 || t > MAX_TIME)
        return UTSEC_ERR_BAD_TIME;
    if (out_size < UTSEC_GBA_TIME_SIZE)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    civil_from_days(t / 86400, &y, &m, &d);
    secs = (unsigned)(t % 86400);
    vals[0] = (unsigned)y;
    vals[1] = m;
    vals[2] = d;
    vals[3] = secs / 3600;
    vals[4] = secs / 60 % 60;
    vals[5] = secs % 60;
    for (k = 0; k < 6; k++) {
        unsigned v = vals[k], w;
        for (w = widths[k]; w > 0; w--) {
            out[o + w - 1] = (char)('0' + v % 10);
            v /= 10;
        }
        o += widths[k];
        out[o++] = seps[k];
    }
    out[o] = '\0';
    if (out_len != NULL)
        *out_len = o;
    return 0;
}

UTSEC_API int utsec_gba_key_valid(int64_t expiry, int64_t now)
{
    return now < expiry ? 0 : UTSEC_ERR_EXPIRED;
}
