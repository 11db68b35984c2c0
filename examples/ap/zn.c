/*
 * ap: the Zn client (TS 33.220 §4.5.3; here the lab's plain-HTTP stand-in
 * for Diameter, examples/README.md "bsf"): B-TID + NAF_Id -> IMPI,
 * Ks_(ext)_NAF, key lifetime and the user's IMPUs.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ap.h"
#include "utsec/gba.h"
#include "ex_text.h"

/* Request target /zn?btid=<percent-encoded>&naf_id=<hex>. 0 or -1. */
static int zn_target(char *out, size_t size, const char *btid, size_t btid_len,
                     const uint8_t *naf_id, size_t naf_id_len)
{
    char b[UTSEC_TLS_BTID_MAX + 1], enc[3 * UTSEC_TLS_BTID_MAX + 1];
    char hex[2 * UTSEC_TLS_NAF_ID_SIZE + 1];
    int n;

    if (btid_len >= sizeof(b) || naf_id_len > UTSEC_TLS_NAF_ID_SIZE)
        return -1;
    memcpy(b, btid, btid_len);
    b[btid_len] = '\0';
    if (ex_pct_encode(b, "", enc, sizeof(enc)) != 0)
        return -1;
    ex_hex_encode(naf_id, naf_id_len, hex);
    n = snprintf(out, size, "/zn?btid=%s&naf_id=%s", enc, hex);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

/* Is [p, p+n) a run of printable ASCII without spaces? */
static int printable(const char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] <= ' ' || p[i] > '~')
            return 0;
    return n > 0;
}

int ap_zn_query(ap_t *ap, const char *btid, size_t btid_len, const uint8_t *naf_id,
                size_t naf_id_len, ap_zn_t *out)
{
    char target[3 * UTSEC_TLS_BTID_MAX + 2 * UTSEC_TLS_NAF_ID_SIZE + 32];
    ex_conn_t c = {-1, NULL};
    int rc;

    ap_zn_clear(out);
    if (btid_len > UTSEC_TLS_BTID_MAX || !printable(btid, btid_len))
        return UTSEC_ERR_UNKNOWN_ID; /* no such B-TID can exist (TS 33.220 §4.5.2) */
    if (zn_target(target, sizeof(target), btid, btid_len, naf_id, naf_id_len) != 0)
        return UTSEC_ERR_INVALID_ARG;
    ex_http_out_request(&ap->out, "GET", target, "127.0.0.1");
    ex_http_out_end(&ap->out, NULL, NULL, 0);
    ex_log_out(stdout, "ap", "-> bsf (Zn)", &ap->out);
    if ((c.fd = ex_connect(ap->zn_port)) < 0 || ex_http_out_flush(&c, &ap->out) != 0 ||
        ex_http_read_response(&c, &ap->resp) != 0) {
        if (c.fd >= 0)
            ex_close(c.fd);
        printf("ap: zn btid=%.*s -> no answer from the BSF\n", (int)btid_len, btid);
        fflush(stdout);
        return UTSEC_ERR_CALLBACK;
    }
    ex_close(c.fd);
    ex_log_msg(stdout, "ap", "<- bsf (Zn)", &ap->resp);
    out->status = ap->resp.status;
    if (ap->resp.status == 200) {
        rc = ap_zn_parse(ap->resp.body, ap->resp.body_len, out);
        if (rc == 0)
            rc = utsec_gba_key_valid(out->lifetime, utsec_time_now(NULL));
    } else if (ap->resp.status == 404) {
        rc = UTSEC_ERR_UNKNOWN_ID;
    } else if (ap->resp.status == 410) {
        rc = UTSEC_ERR_EXPIRED;
    } else {
        rc = UTSEC_ERR_CALLBACK;
    }
    utsec_wipe(ap->resp.buf, ap->resp.len); /* the body held Ks_NAF */
    if (rc == 0)
        printf("ap: zn btid=%.*s -> %d impi=%s impus=%zu\n", (int)btid_len, btid,
               out->status, out->impi, out->n_impu);
    else
        printf("ap: zn btid=%.*s -> %d (%s)\n", (int)btid_len, btid, out->status,
               utsec_strerror(rc));
    fflush(stdout);
    if (rc != 0) {
        int status = out->status;
        ap_zn_clear(out);
        out->status = status;
    }
    return rc;
}
