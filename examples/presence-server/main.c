/*
 * presence-server --port-file F --ca CA.crt --cert PS.crt --key PS.key
 *                 --trusted-ap-cert AP.crt
 *
 * HTTPS only, on 127.0.0.1 (a free port, written to F). The TLS profile is
 * the TS 33.210 network-domain one (utsec_tls_nds_setup(): TLS 1.2+ ECDHE
 * AEAD, client certificate required and verified against --ca). Of the
 * clients the CA vouches for, only the one whose certificate is exactly
 * --trusted-ap-cert (SHA-256 fingerprint) is the Authentication Proxy whose
 * X-3GPP-Asserted-Identity is believed (TS 33.222 §4.4). Requests are
 * handled in ps_xcap.c. Exit: 0 after SIGTERM/SIGINT, 1 on a start-up
 * failure, 2 on a usage error.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ex_http.h"
#include "ex_tls.h"
#include "ps.h"
#include "utsec/tls_psk.h"

/* Everything the server holds, heap-allocated once (the HTTP buffers and
 * the document table are too large for the stack). */
typedef struct ps_server {
    ex_tls_node_t tls;
    unsigned char ap_fp[32]; /* SHA-256 of the AP's certificate (public) */
    ex_http_msg_t req;
    ps_reply_t rep;
    ps_store_t store;
} ps_server_t;

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
}

static int usage(void)
{
    fputs("usage: presence-server --port-file F --ca CA.crt --cert PS.crt "
          "--key PS.key --trusted-ap-cert AP.crt\n", stderr);
    return 2;
}

/* One connection: handshake, one request, one response, close. */
static void serve_one(ps_server_t *s, int fd)
{
    mbedtls_ssl_context ssl;
    ex_conn_t c;
    unsigned char fp[32];
    const char *cn = "";
    size_t cn_len = 0;
    char pr[128];
    int trusted;

    mbedtls_ssl_init(&ssl);
    if (ex_tls_handshake(&ssl, &s->tls.conf, &fd, NULL) != 0) {
        puts("ps: handshake refused (no valid client certificate?)");
        goto out;
    }
    /* A certificate is public data: memcmp would do; ct_equal costs nothing. */
    trusted = ex_tls_peer_fingerprint(&ssl, fp) == 0 && utsec_ct_equal(fp, s->ap_fp, 32);
    (void)utsec_tls_peer_cn(&ssl, &cn, &cn_len);
    printf("ps: peer CN=%s trusted-ap=%s\n", ps_printable(cn, cn_len, pr, sizeof(pr)),
           trusted ? "yes" : "no");
    fflush(stdout);

    c.fd = fd;
    c.ssl = &ssl;
    if (ex_http_read_request(&c, &s->req) != 0) {
        puts("ps: no readable request (malformed, oversized or timed out)");
        goto out;
    }
    ex_log_msg(stdout, "ps", "<-", &s->req);
    ps_handle(&s->store, trusted, &s->req, &s->rep);
    ex_http_out_end(&s->rep.out, NULL, s->rep.body, s->rep.body_len);
    ex_log_out(stdout, "ps", "->", &s->rep.out);
    if (ex_http_out_flush(&c, &s->rep.out) != 0)
        puts("ps: sending the response failed");
    else
        (void)mbedtls_ssl_close_notify(&ssl);
out:
    fflush(stdout);
    mbedtls_ssl_free(&ssl);
    ex_close(fd);
}

int main(int argc, char **argv)
{
    const char *port_file = NULL, *ca = NULL, *cert = NULL, *key = NULL, *ap = NULL;
    struct sigaction sa;
    ps_server_t *s;
    uint16_t port;
    int i, lfd = -1, rc = 1;

    for (i = 1; i + 1 < argc; i += 2) {
        const char *o = argv[i], *v = argv[i + 1];
        if (strcmp(o, "--port-file") == 0)
            port_file = v;
        else if (strcmp(o, "--ca") == 0)
            ca = v;
        else if (strcmp(o, "--cert") == 0)
            cert = v;
        else if (strcmp(o, "--key") == 0)
            key = v;
        else if (strcmp(o, "--trusted-ap-cert") == 0)
            ap = v;
        else
            return usage();
    }
    if (i != argc || !port_file || !ca || !cert || !key || !ap)
        return usage();
    if (!ps_can_load()) {
        fputs("presence-server: built without libexpat (WITH_EXPAT=0): "
              "cannot validate pres-rules\n", stderr);
        return 1;
    }

    if ((s = calloc(1, sizeof(*s))) == NULL) {
        perror("presence-server");
        return 1;
    }
    if (ex_tls_node_init(&s->tls, MBEDTLS_SSL_IS_SERVER, ca, cert, key) != 0)
        goto done;
    if (ex_tls_file_fingerprint(ap, s->ap_fp) != 0) {
        fprintf(stderr, "presence-server: cannot read the AP certificate %s\n", ap);
        goto done;
    }

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal; /* no SA_RESTART: poll() returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    if ((lfd = ex_listen(0, &port)) < 0 || ex_write_port_file(port_file, port) != 0) {
        perror("presence-server: listen");
        goto done;
    }
    printf("ps: listening on 127.0.0.1:%u (HTTPS, TS 33.210 mutual TLS)\n", (unsigned)port);
    fflush(stdout);

    while (!stop_flag) {
        struct pollfd p = {lfd, POLLIN, 0};
        int fd, n = poll(&p, 1, EX_POLL_MS);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("presence-server: poll");
            goto done;
        }
        if (n == 0)
            continue; /* timeout: test stop_flag again */
        if ((fd = ex_accept(lfd)) < 0)
            continue;
        serve_one(s, fd);
    }
    puts("ps: stopping");
    rc = 0;
done:
    fflush(stdout);
    if (lfd >= 0)
        close(lfd);
    ex_tls_node_free(&s->tls);
    utsec_wipe(s, sizeof(*s));
    free(s);
    return rc;
}
