/*
 * bsf: Zn for the demo (see bsf.h). The NAF presents a B-TID and its
 * NAF_Id; the answer is utsec_boot_zn_lookup()'s (TS 33.220 §4.5.3):
 * Ks_(ext)_NAF, the key lifetime, the IMPI and the user's IMPUs.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "bsf.h"

#define NAF_ID_MAX 512

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decode s[0..n) into out (NUL-terminated, no NUL octets inside).
 * Returns the length or -1. */
static long pct_decode(const char *s, size_t n, char *out, size_t size)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        int ch = (unsigned char)s[i];
        if (ch == '%') {
            int hi, lo;
            if (i + 2 >= n)
                return -1;
            hi = hexval(s[i + 1]);
            lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0)
                return -1;
            ch = hi << 4 | lo;
            i += 2;
        }
        if (ch == 0 || o + 1 >= size)
            return -1;
        out[o++] = (char)ch;
    }
    out[o] = '\0';
    return (long)o;
}

static long hex_decode(const char *s, size_t n, uint8_t *out, size_t size)
{
    size_t i;

    if (n == 0 || n % 2 != 0 || n / 2 > size)
        return -1;
    for (i = 0; i < n / 2; i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return (long)(n / 2);
}

/* Find "name=" in the query; view of its value. 0 or -1 (absent/repeated). */
static int query_param(const char *q, const char *name, const char **v, size_t *vn)
{
    size_t nl = strlen(name);
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

static void hex_out(char *out, const uint8_t *p, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = '\0';
}

void zn_serve(const utsec_boot_store_t *store, ex_http_msg_t *in,
              ex_http_out_t *out, ex_conn_t *c)
{
    char btid[UTSEC_BOOT_BTID_MAX + 1];
    uint8_t naf_id[NAF_ID_MAX];
    char body[2048], key_hex[2 * UTSEC_GBA_KEY_LEN + 1];
    utsec_boot_zn_answer_t ans;
    const char *q, *bv = NULL, *nv = NULL;
    size_t bn = 0, nn = 0, len = 0, path_len, i;
    long btid_len = -1, naf_len = -1;
    int status = 400, rc;

    if (ex_http_read_request(c, in) != 0) {
        printf("bsf    Zn: unreadable request dropped\n");
        return;
    }
    ex_log_msg(stdout, "bsf", "<- ap", in);
    q = strchr(in->target, '?');
    path_len = q != NULL ? (size_t)(q - in->target) : strlen(in->target);
    if (path_len != 3 || memcmp(in->target, "/zn", 3) != 0)
        status = 404;
    else if (strcmp(in->method, "GET") != 0)
        status = 405;
    else if (q != NULL && query_param(q + 1, "btid", &bv, &bn) == 0 &&
             query_param(q + 1, "naf_id", &nv, &nn) == 0) {
        btid_len = pct_decode(bv, bn, btid, sizeof(btid));
        naf_len = hex_decode(nv, nn, naf_id, sizeof(naf_id));
    }
    if (btid_len > 0 && naf_len > 0) {
        rc = utsec_boot_zn_lookup(store, btid, (size_t)btid_len, naf_id,
                                  (size_t)naf_len, UTSEC_GBA_VARIANT_ME,
                                  utsec_time_now(NULL), &ans);
        status = rc == 0 ? 200
                 : rc == UTSEC_ERR_UNKNOWN_ID || rc == UTSEC_ERR_NOT_FOUND ? 404
                 : rc == UTSEC_ERR_EXPIRED ? 410
                 : rc == UTSEC_ERR_INVALID_ARG || rc == UTSEC_ERR_TOO_LONG ? 400
                 : 500;
        printf("bsf    Zn: B-TID %s: %s\n", btid, rc == 0 ? ans.impi : utsec_strerror(rc));
    }
    if (status == 200) {
        int n;
        hex_out(key_hex, ans.key, sizeof(ans.key));
        n = snprintf(body, sizeof(body), "impi: %s\nks_naf: %s\nlifetime: %lld\n",
                     ans.impi, key_hex, (long long)ans.lifetime);
        len = n > 0 && (size_t)n < sizeof(body) ? (size_t)n : sizeof(body);
        for (i = 0; i < ans.n_ids && len < sizeof(body); i++) {
            n = snprintf(body + len, sizeof(body) - len, "impu: %s\n", ans.ids[i]);
            len = n > 0 && (size_t)n < sizeof(body) - len ? len + (size_t)n : sizeof(body);
        }
        if (len >= sizeof(body)) {
            status = 500;
            len = 0;
        }
    }
    ex_http_out_status(out, status, ex_http_reason(status));
    ex_http_out_end(out, status == 200 ? "text/plain" : NULL, body, len);
    ex_log_out(stdout, "bsf", "-> ap", out);
    if (ex_http_out_flush(c, out) != 0)
        printf("bsf    Zn: send failed\n");
    utsec_wipe(&ans, sizeof(ans));
    utsec_wipe(key_hex, sizeof(key_hex));
    utsec_wipe(body, sizeof(body));
    utsec_wipe(out, sizeof(*out));
}
