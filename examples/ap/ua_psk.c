/*
 * ap: the TLS-PSK Ua listener (TS 33.222 §5.4): PSK identity = B-TID,
 * PSK = Ks_(ext)_NAF for NAF_Id = FQDN || 01 00 01 yy zz of the negotiated
 * suite, fetched over Zn by the key provider the library calls during the
 * handshake. An unknown or expired B-TID makes the library refuse the
 * handshake with an unknown_psk_identity alert (RFC 4279 §2), which the UE
 * takes as the bootstrapping renegotiation request (TS 24.109 §5.3.3).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "ap.h"

/* The library's key provider: the Zn lookup for the suite's NAF_Id. */
static int zn_provider(void *ctx, const utsec_tls_key_request_t *req,
                       utsec_tls_key_reply_t *reply)
{
    ap_t *ap = ctx;
    size_t i;
    int rc;

    if (req->variant != UTSEC_TLS_KEY_ME)
        return UTSEC_ERR_UNKNOWN_ID; /* the lab's BSF serves GBA_ME keys only */
    rc = ap_zn_query(ap, req->btid, req->btid_len, req->naf_id, req->naf_id_len, &ap->zn);
    if (rc == 0) {
        memcpy(reply->key, ap->zn.ks_naf, sizeof(reply->key));
        reply->expiry = ap->zn.lifetime;
        for (i = 0; rc == 0 && i < ap->zn.n_impu; i++)
            rc = utsec_tls_key_reply_add_identity(reply, ap->zn.impu[i].ptr,
                                                  ap->zn.impu[i].len);
    }
    ap_zn_clear(&ap->zn);
    return rc; /* UNKNOWN_ID / EXPIRED: the library sends unknown_psk_identity */
}

int ap_psk_init(ap_t *ap)
{
    utsec_tls_naf_params_t p;
    int rc;

    memset(&p, 0, sizeof(p));
    p.naf_fqdn = ap->fqdn; /* NAF_Id from our own name, not the UE's SNI */
    p.naf_fqdn_len = ap->fqdn_len;
    p.use_sni = 0;
    p.provider = zn_provider;
    p.provider_ctx = ap;
    p.rng = utsec_rng_default;
    p.rng_ctx = &ap->node.rng;
    rc = utsec_tls_naf_setup(&ap->naf, &p, &ap->psk_conf);
    if (rc != 0)
        fprintf(stderr, "ap: TLS-PSK setup: %s\n", utsec_strerror(rc));
    return rc == 0 ? 0 : -1;
}

void ap_psk_free(ap_t *ap)
{
    utsec_tls_naf_free(&ap->naf);
}

void ap_psk_serve(ap_t *ap, int fd)
{
    mbedtls_ssl_context ssl;
    utsec_tls_naf_session_t ns;
    utsec_id_view_t ids[AP_MAX_IMPU];
    ex_conn_t c = {fd, NULL};
    ap_answer_t ans;
    const char *btid;
    uint16_t suite = 0;
    size_t n = 0;
    int rc;

    memset(&ns, 0, sizeof(ns));
    mbedtls_ssl_init(&ssl);
    if (mbedtls_ssl_setup(&ssl, &ap->psk_conf) != 0 ||
        utsec_tls_naf_session_setup(&ns, &ap->naf, &ssl, &c.fd, ex_bio_send, ex_bio_recv,
                                    NULL) != 0) {
        printf("ap: psk: cannot set up the connection\n");
        goto out;
    }
    do
        rc = utsec_tls_naf_handshake(&ns);
    while (rc == UTSEC_ERR_TLS_WANT_READ || rc == UTSEC_ERR_TLS_WANT_WRITE);
    if (rc != 0) {
        printf("ap: psk handshake failed: %s\n", utsec_strerror(rc));
        goto out;
    }
    (void)utsec_tls_naf_session_btid(&ns, &btid, NULL, NULL);
    (void)utsec_tls_naf_session_suite(&ns, &suite, NULL);
    while (n < AP_MAX_IMPU && utsec_tls_naf_session_identity(&ns, n, &ids[n].ptr,
                                                              &ids[n].len) == 0)
        n++;
    printf("ap: psk handshake ok btid=%s suite=0x%04x\n", btid, (unsigned)suite);
    fflush(stdout);
    c.ssl = &ssl;
    if (ex_http_read_request(&c, &ap->req) != 0) {
        printf("ap: psk: no readable request\n");
        goto out;
    }
    ex_log_msg(stdout, "ap", "<- ue", &ap->req);
    ap_proxy(ap, ids, n, &ans);
    if (ap_respond(ap, &c, &ans, NULL, NULL) == 0)
        (void)mbedtls_ssl_close_notify(&ssl);
out:
    fflush(stdout);
    mbedtls_ssl_free(&ssl);
    utsec_tls_naf_session_free(&ns);
}
