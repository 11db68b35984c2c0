/*
 * ap: NAF + Authentication Proxy of the lab (examples/README.md "ap";
 * TS 33.222 §4, §5.3, §5.4; TS 24.109 §7). Two Ua listeners, TLS-PSK and
 * HTTPS + Digest, served one connection at a time from one poll(2) loop;
 * Zn to the bsf; mutual TLS to the presence-server.
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

#include "ap.h"

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
}

static int usage(const char *msg)
{
    if (msg != NULL)
        fprintf(stderr, "ap: %s\n", msg);
    fprintf(stderr,
            "usage: ap --psk-port-file F --https-port-file F --naf-fqdn FQDN\n"
            "          --zn-port P --ps-port P --ca CA.crt --cert AP.crt --key AP.key\n"
            "          [--forged-asserted reject|strip]\n");
    return 2;
}

static int parse_port(const char *s, uint16_t *out)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v == 0 || v > 65535 || s[0] == '-')
        return -1;
    *out = (uint16_t)v;
    return 0;
}

struct opts {
    const char *psk_port_file, *https_port_file, *fqdn, *ca, *cert, *key;
    uint16_t zn_port, ps_port;
    utsec_id_ue_asserted_policy_t forged;
};

static int parse_opts(int argc, char **argv, struct opts *o)
{
    int i;

    memset(o, 0, sizeof(*o));
    o->forged = UTSEC_ID_UE_ASSERTED_REJECT;
    for (i = 1; i < argc; i += 2) {
        const char *n = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (v == NULL)
            return usage("option without a value");
        if (strcmp(n, "--psk-port-file") == 0)
            o->psk_port_file = v;
        else if (strcmp(n, "--https-port-file") == 0)
            o->https_port_file = v;
        else if (strcmp(n, "--naf-fqdn") == 0)
            o->fqdn = v;
        else if (strcmp(n, "--ca") == 0)
            o->ca = v;
        else if (strcmp(n, "--cert") == 0)
            o->cert = v;
        else if (strcmp(n, "--key") == 0)
            o->key = v;
        else if (strcmp(n, "--zn-port") == 0) {
            if (parse_port(v, &o->zn_port) != 0)
                return usage("--zn-port takes 1..65535");
        } else if (strcmp(n, "--ps-port") == 0) {
            if (parse_port(v, &o->ps_port) != 0)
                return usage("--ps-port takes 1..65535");
        } else if (strcmp(n, "--forged-asserted") == 0) {
            if (strcmp(v, "reject") == 0)
                o->forged = UTSEC_ID_UE_ASSERTED_REJECT;
            else if (strcmp(v, "strip") == 0)
                o->forged = UTSEC_ID_UE_ASSERTED_STRIP;
            else
                return usage("--forged-asserted is reject or strip");
        } else {
            fprintf(stderr, "ap: unknown option %s\n", n);
            return usage(NULL);
        }
    }
    if (o->psk_port_file == NULL || o->https_port_file == NULL || o->fqdn == NULL ||
        o->ca == NULL || o->cert == NULL || o->key == NULL || o->zn_port == 0 ||
        o->ps_port == 0)
        return usage("missing option");
    if (strlen(o->fqdn) >= UTSEC_TLS_FQDN_SIZE)
        return usage("--naf-fqdn too long");
    return 0;
}

static int open_listener(const char *port_file, const char *what)
{
    uint16_t port = 0;
    int fd = ex_listen(0, &port);

    if (fd < 0 || ex_write_port_file(port_file, port) != 0) {
        fprintf(stderr, "ap: cannot open the %s listener (%s)\n", what, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    printf("ap: %s listening on 127.0.0.1:%u\n", what, (unsigned)port);
    return fd;
}

/* Serve until SIGTERM/SIGINT: one connection at a time, whichever
 * listener is ready. */
static void serve(ap_t *ap, int psk_fd, int https_fd)
{
    while (!stop_flag) {
        struct pollfd p[2];
        int i, fd;

        p[0].fd = psk_fd;
        p[1].fd = https_fd;
        p[0].events = p[1].events = POLLIN;
        p[0].revents = p[1].revents = 0;
        if (poll(p, 2, EX_POLL_MS) < 0) {
            if (errno == EINTR)
                continue;
            perror("ap: poll");
            return;
        }
        for (i = 0; i < 2 && !stop_flag; i++) {
            if (!(p[i].revents & POLLIN))
                continue;
            if ((fd = ex_accept(p[i].fd)) < 0)
                continue;
            if (i == 0)
                ap_psk_serve(ap, fd);
            else
                ap_digest_serve(ap, fd);
            ex_close(fd);
            fflush(stdout);
        }
    }
}

int main(int argc, char **argv)
{
    struct opts o;
    struct sigaction sa;
    ap_t *ap;
    int rc, psk_fd = -1, https_fd = -1;

    if ((rc = parse_opts(argc, argv, &o)) != 0)
        return rc;
    if ((ap = calloc(1, sizeof(*ap))) == NULL) {
        fprintf(stderr, "ap: out of memory\n");
        return 1;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal; /* no SA_RESTART: poll() and I/O return EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    ap->fqdn = o.fqdn;
    ap->fqdn_len = strlen(o.fqdn);
    ap->zn_port = o.zn_port;
    ap->ps_port = o.ps_port;
    ap->forged = o.forged;
    mbedtls_ssl_config_init(&ap->psk_conf);
    mbedtls_ssl_config_init(&ap->https_conf);

    rc = 1;
    /* the AP's certificate and key serve both the HTTPS listener and, as
     * the client side of mutual TLS, the hop to the presence server */
    if (ex_tls_node_init(&ap->node, MBEDTLS_SSL_IS_CLIENT, o.ca, o.cert, o.key) != 0)
        goto out;
    if (ap_psk_init(ap) != 0 || ap_digest_init(ap) != 0)
        goto out;
    if ((psk_fd = open_listener(o.psk_port_file, "TLS-PSK")) < 0 ||
        (https_fd = open_listener(o.https_port_file, "HTTPS+Digest")) < 0)
        goto out;
    printf("ap: naf %s, realm %s, zn port %u, presence server port %u, forged asserted: %s\n",
           ap->fqdn, ap->realm, (unsigned)ap->zn_port, (unsigned)ap->ps_port,
           ap->forged == UTSEC_ID_UE_ASSERTED_STRIP ? "strip" : "reject");
    fflush(stdout);
    serve(ap, psk_fd, https_fd);
    printf("ap: stopped\n");
    rc = 0;
out:
    if (psk_fd >= 0)
        close(psk_fd);
    if (https_fd >= 0)
        close(https_fd);
    mbedtls_ssl_config_free(&ap->psk_conf);
    mbedtls_ssl_config_free(&ap->https_conf);
    ap_psk_free(ap);
    ap_digest_free(ap);
    ex_tls_node_free(&ap->node);
    utsec_wipe(ap, sizeof(*ap));
    free(ap);
    fflush(stdout);
    return rc;
}
