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

/* Days since 1970-01-01 of a date in 1970-9999: the era arithmetic of the
 * proleptic Gregorian calendar, unsigned because nothing here is earlier. */
static uint32_t days_from_civil(unsigned y, unsigned m, unsigned d)
{
    unsigned era, yoe, doy, doe;

    y -= m <= 2;
    era = y / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse, for z = days since 1970-01-01 of a time in 1970-9999. */
static void civil_from_days(uint32_t z, unsigned *y, unsigned *m, unsigned *d)
{
    unsigned era, doe, yoe, doy, mp;

    z += 719468;
    era = z / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static unsigned days_in_month(unsigned y, unsigned m)
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

/* YYYY-MM-DDThh:mm:ssZ: the six fields (four digits, then two each), the
 * character after each and the range of each (the day's upper bound is
 * refined by days_in_month). */
static const char seps[6] = {'-', '-', 'T', ':', ':', 'Z'};
static const unsigned short lo[6] = {1970, 1, 1, 0, 0, 0};
static const unsigned short hi[6] = {9999, 12, 31, 23, 59, 59};

UTSEC_API int utsec_gba_time_parse(const char *s, size_t len, int64_t *out)
{
    unsigned v[6], oh = 0, om = 0;
    size_t i = 0, k, w;
    int64_t t, offset = 0;

    if (s == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (len < 20)
        return UTSEC_ERR_BAD_TIME;
    /* YYYY-MM-DDThh:mm:ss */
    for (k = 0; k < 6; k++) {
        w = k == 0 ? 4 : 2;
        if (digits(s + i, w, &v[k]) || v[k] < lo[k] || v[k] > hi[k])
            return UTSEC_ERR_BAD_TIME;
        i += w;
        if (k < 5 && s[i++] != seps[k])
            return UTSEC_ERR_BAD_TIME;
    }
    if (v[2] > days_in_month(v[0], v[1]))
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
    t = (int64_t)days_from_civil(v[0], v[1], v[2]) * 86400 +
        (int64_t)(v[3] * 3600 + v[4] * 60 + v[5]);
    t -= offset; /* local = UTC + offset */
    if (t < 0 || t > MAX_TIME)
        return UTSEC_ERR_BAD_TIME;
    *out = t;
    return 0;
}

UTSEC_API int utsec_gba_time_format(int64_t t, char *out, size_t out_size,
                                    size_t *out_len)
{
    unsigned secs, vals[6];
    size_t o = 0, k, w;

    if (out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (t < 0 || t > MAX_TIME)
        return UTSEC_ERR_BAD_TIME;
    if (out_size < UTSEC_GBA_TIME_SIZE)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    civil_from_days((uint32_t)(t / 86400), &vals[0], &vals[1], &vals[2]);
    secs = (unsigned)(t % 86400);
    vals[3] = secs / 3600;
    vals[4] = secs / 60 % 60;
    vals[5] = secs % 60;
    for (k = 0; k < 6; k++) {
        unsigned v = vals[k];
        for (w = k == 0 ? 4 : 2; w > 0; w--) {
            out[o + w - 1] = (char)('0' + v % 10);
            v /= 10;
        }
        o += k == 0 ? 4 : 2;
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
