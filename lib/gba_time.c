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

/* Days from 1970-01-01 to the first day of month m (1-13; 13 is January
 * of the next year) of year y, for dates in 1970-9999: the era arithmetic
 * of the proleptic Gregorian calendar, unsigned because nothing here is
 * earlier. */
static uint32_t month_start(unsigned y, unsigned m)
{
    unsigned era, yoe, doy, doe;

    y -= m <= 2;
    era = y / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The UTC form YYYY-MM-DDThh:mm:ssZ as a pattern: '0' stands for a digit,
 * any other character ends a field and must occur as it is. Parsing reads
 * the six fields against it, formatting writes them into a copy of it. */
static const char form[] = "0000-00-00T00:00:00Z";
#define FORM_HHMM (form + 14) /* "00:00", the form of a zone offset */

/* The range of each field (the day's upper bound is refined by the
 * length of the month). */
static const unsigned short lo[6] = {1970, 1, 1, 0, 0, 0};
static const unsigned short hi[6] = {9999, 12, 31, 23, 59, 59};

/* Reads s[0, n) against pattern f into v[0], v[1], ...; -1 on a mismatch. */
static int read_fields(const char *s, const char *f, size_t n, unsigned *v)
{
    size_t i;

    *v = 0;
    for (i = 0; i < n; i++) {
        unsigned d = (unsigned char)s[i] - (unsigned)'0';
        if (f[i] != '0') {
            if (s[i] != f[i])
                return -1;
            *++v = 0;
        } else if (d > 9) {
            return -1;
        } else {
            *v = *v * 10 + d;
        }
    }
    return 0;
}

UTSEC_API int utsec_gba_time_parse(const char *s, size_t len, int64_t *out)
{
    unsigned v[6], off[2];
    size_t i = 19, k;
    uint32_t day;
    int64_t t, offset = 0;

    if (s == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    /* YYYY-MM-DDThh:mm:ss */
    if (len < 20 || read_fields(s, form, 19, v) != 0)
        return UTSEC_ERR_BAD_TIME;
    for (k = 0; k < 6; k++)
        if (v[k] < lo[k] || v[k] > hi[k])
            return UTSEC_ERR_BAD_TIME;
    day = month_start(v[0], v[1]);
    if (v[2] > month_start(v[0], v[1] + 1) - day)
        return UTSEC_ERR_BAD_TIME; /* past the end of the month */
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
               read_fields(s + i + 1, FORM_HHMM, 5, off) == 0) {
        unsigned minutes = off[0] * 60 + off[1];
        if (off[1] > 59 || minutes > 14 * 60) /* -14:00 to +14:00 */
            return UTSEC_ERR_BAD_TIME;
        offset = (int64_t)minutes * 60;
        if (s[i] == '-')
            offset = -offset;
    } else {
        return UTSEC_ERR_BAD_TIME;
    }
    t = (int64_t)(day + v[2] - 1) * 86400 +
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
    unsigned secs, v[6];
    uint32_t z;
    size_t o = sizeof(form) - 2, k;

    if (out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (t < 0 || t > MAX_TIME)
        return UTSEC_ERR_BAD_TIME;
    if (out_size < UTSEC_GBA_TIME_SIZE)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    z = (uint32_t)(t / 86400); /* the day */
    secs = (unsigned)(t % 86400);
    for (k = 5; k > 2; k--) { /* seconds, minutes, hours */
        v[k] = secs % 60;
        secs /= 60;
    }
    /* The year: from a lower bound (no year is longer than 366 days) up;
     * then the month. */
    v[0] = 1970 + z / 366;
    while (month_start(v[0], 13) <= z)
        v[0]++;
    v[1] = 1;
    while (month_start(v[0], v[1] + 1) <= z)
        v[1]++;
    v[2] = z - month_start(v[0], v[1]) + 1;
    memcpy(out, form, sizeof(form));
    k = 6; /* from the 'Z' back; the pattern's six separators keep k in 0..6 */
    do {
        if (out[o] != '0') {
            k--; /* a separator ends field k - 1 */
        } else {
            /* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult) */
            out[o] = (char)('0' + v[k] % 10);
            v[k] /= 10;
        }
    } while (o-- > 0);
    if (out_len != NULL)
        *out_len = sizeof(form) - 1;
    return 0;
}

UTSEC_API int utsec_gba_key_valid(int64_t expiry, int64_t now)
{
    return now < expiry ? 0 : UTSEC_ERR_EXPIRED;
}
