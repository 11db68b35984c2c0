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
#include "ex_text.h"

#define NAF_ID_MAX 512

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
    else if (q != NULL && ex_query_param(q + 1, "btid", &bv, &bn) == 0 &&
             ex_query_param(q + 1, "naf_id", &nv, &nn) == 0) {
        btid_len = ex_pct_decode(bv, bn, btid, sizeof(btid));
        naf_len = ex_hex_decode(nv, nn, naf_id, sizeof(naf_id));
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
        ex_hex_encode(ans.key, sizeof(ans.key), key_hex);
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
