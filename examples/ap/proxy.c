/*
 * ap: the Authentication Proxy proper (TS 24.109 §7, TS 33.222 §4.4): the
 * identity decision for an authenticated request, then forwarding it over
 * mutual TLS (TS 33.210) to the presence server with
 * X-3GPP-Asserted-Identity set, and relaying the answer.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ap.h"

static void fixed(ap_answer_t *ans, int status, const char *text)
{
    ans->status = status;
    ans->ctype = "text/plain";
    ans->body = text;
    ans->body_len = strlen(text);
}

/* Hop-by-hop fields (RFC 9110 §7.6.1) and those ex_http_out_* writes
 * itself: not copied to the presence server. */
static int hop_by_hop(const char *line, size_t n)
{
    static const char *const names[] = {"Host", "Connection", "Content-Length",
                                        "Keep-Alive", "Proxy-Connection", "TE",
                                        "Trailer", "Transfer-Encoding", "Upgrade",
                                        "Expect", NULL};
    const char *colon = memchr(line, ':', n);
    size_t i, nl;

    if (colon == NULL)
        return 1;
    nl = (size_t)(colon - line);
    for (i = 0; names[i] != NULL; i++)
        if (strlen(names[i]) == nl && strncasecmp(line, names[i], nl) == 0)
            return 1;
    return 0;
}

/* Send the rewritten head (ap->head, len octets) and the UE's body to the
 * presence server and read its answer into ap->resp. 0 or -1. */
static int forward(ap_t *ap, size_t len)
{
    const char *p = memchr(ap->head, '\n', len), *end = ap->head + len;
    mbedtls_ssl_context ssl;
    ex_conn_t c = {-1, NULL};
    int rc = -1;

    /* request line as received; Host names the server we talk to */
    ex_http_out_request(&ap->out, ap->req.method, ap->req.target, AP_PS_HOST);
    while (p != NULL && ++p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t n;
        if (eol == NULL)
            break;
        n = (size_t)(eol - p) + 1;
        if (n == 2)
            break; /* the empty line */
        if (!hop_by_hop(p, n))
            ex_http_out_raw(&ap->out, p, n);
        p = eol;
    }
    mbedtls_ssl_init(&ssl);
    if ((c.fd = ex_connect(ap->ps_port)) < 0) {
        printf("ap: presence server unreachable on port %u\n", (unsigned)ap->ps_port);
        goto out;
    }
    if (ex_tls_handshake(&ssl, &ap->node.conf, &c.fd, AP_PS_HOST) != 0)
        goto out;
    c.ssl = &ssl;
    ex_http_out_end(&ap->out, NULL, ap->req.body, ap->req.body_len);
    ex_log_out(stdout, "ap", "-> ps", &ap->out);
    if (ex_http_out_flush(&c, &ap->out) != 0 ||
        ex_http_read_response(&c, &ap->resp) != 0) {
        printf("ap: exchange with the presence server failed\n");
        goto out;
    }
    ex_log_msg(stdout, "ap", "<- ps", &ap->resp);
    (void)mbedtls_ssl_close_notify(&ssl);
    rc = 0;
out:
    fflush(stdout);
    mbedtls_ssl_free(&ssl);
    if (c.fd >= 0)
        ex_close(c.fd);
    return rc;
}

void ap_proxy(ap_t *ap, const utsec_id_view_t *ids, size_t n_ids, ap_answer_t *ans)
{
    utsec_id_ue_headers_t h;
    utsec_id_ap_config_t cfg;
    utsec_id_ap_decision_t d;
    size_t len;
    int rc;

    rc = utsec_id_http_scan(ap->req.head, ap->req.head_len, &h);
    if (rc != 0) {
        printf("ap: decision deny 400 reason=%s\n", utsec_strerror(rc));
        fixed(ans, 400, "bad request\n");
        goto out;
    }
    memset(&cfg, 0, sizeof(cfg));
    cfg.allowed = ids; /* the IMPUs the BSF returned over Zn */
    cfg.n_allowed = n_ids;
    cfg.verify_intended = 1;
    cfg.ue_asserted = ap->forged;
    rc = utsec_id_ap_decide(&cfg, &h, &d, ap->asserted, sizeof(ap->asserted));
    if (rc != 0) {
        printf("ap: decision error: %s\n", utsec_strerror(rc));
        fixed(ans, 500, "internal error\n");
        goto out;
    }
    if (!d.accept) {
        printf("ap: decision deny %d reason=%s\n", d.status, utsec_strerror(d.reason));
        fixed(ans, d.status, d.status == 403 ? "forbidden\n" : "bad request\n");
        goto out;
    }
    printf("ap: decision allow asserted=%s%s\n", ap->asserted,
           h.present & d.remove & UTSEC_ID_HDR_ASSERTED ? " (UE's asserted identity stripped)"
                                                         : "");
    rc = utsec_id_http_rewrite(ap->req.head, ap->req.head_len, d.remove, ap->asserted,
                               d.asserted_len, ap->head, sizeof(ap->head), &len);
    if (rc != 0) {
        printf("ap: rewrite failed: %s\n", utsec_strerror(rc));
        fixed(ans, 400, "bad request\n");
        goto out;
    }
    fflush(stdout);
    if (forward(ap, len) != 0) {
        fixed(ans, 502, "presence server unavailable\n");
        goto out;
    }
    ans->status = ap->resp.status;
    ans->ctype = ex_http_header(&ap->resp, "Content-Type");
    ans->body = ap->resp.body;
    ans->body_len = ap->resp.body_len;
out:
    fflush(stdout);
}

int ap_respond(ap_t *ap, ex_conn_t *c, const ap_answer_t *ans, const char *www_auth,
               const char *auth_info)
{
    ex_http_out_status(&ap->out, ans->status, ex_http_reason(ans->status));
    if (www_auth != NULL)
        ex_http_out_header(&ap->out, "WWW-Authenticate", "%s", www_auth);
    if (auth_info != NULL)
        ex_http_out_header(&ap->out, "Authentication-Info", "%s", auth_info);
    ex_http_out_end(&ap->out, ans->ctype, ans->body, ans->body_len);
    ex_log_out(stdout, "ap", "-> ue", &ap->out);
    return ex_http_out_flush(c, &ap->out);
}
