/*
 * bsf: the Bootstrapping Server Function of the lab (examples/README.md).
 *
 *   bsf --subscribers FILE --ub-port-file F --zn-port-file F [--fqdn bsf.example.net]
 *
 * Ub (TS 24.109 §4, Annex A) on one port: GET / with Digest AKA, driven by
 * the library's BSF state machine (utsec_boot_bsf_*), the HSS being the
 * subscriber table (hss.c). Zn on a second port, simplified for the demo
 * (TS 29.109 is Diameter): GET /zn?btid=..&naf_id=<hex>, answered from the
 * in-memory context store with utsec_boot_zn_lookup() (zn.c). Both ports
 * are served from one process with poll(2), one connection at a time.
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

#include "bsf.h"
#include "ex_http.h"
#include "hss.h"
#include "utsec/bootstrap.h"

#define N_CONTEXTS 64
#define N_PENDING 16
#define N_REPLAY 64

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
}

typedef struct bsf_app {
    utsec_rng_default_t rng;
    hss_t hss;
    utsec_boot_ctx_t slots[N_CONTEXTS];
    utsec_boot_mem_t mem;
    utsec_boot_store_t store;
    utsec_boot_bsf_pending_t pending[N_PENDING];
    utsec_digest_replay_entry_t replay[N_REPLAY];
    uint8_t secret[32];
    utsec_boot_bsf_t bsf;
    ex_http_msg_t in;
    ex_http_out_t out;
} bsf_app_t;

static int usage(void)
{
    fprintf(stderr, "usage: bsf --subscribers FILE --ub-port-file F --zn-port-file F "
                    "[--fqdn bsf.example.net]\n");
    return 2;
}

static const char *event_name(utsec_boot_bsf_event_t e)
{
    switch (e) {
    case UTSEC_BOOT_BSF_CHALLENGED: return "challenge";
    case UTSEC_BOOT_BSF_RESYNCED: return "challenge after resynchronisation";
    case UTSEC_BOOT_BSF_BOOTSTRAPPED: return "bootstrapped";
    case UTSEC_BOOT_BSF_REJECTED: return "rejected";
    }
    return "?";
}

/* One Ub request on c: the state machine decides, we carry the answer. */
static void serve_ub(bsf_app_t *a, ex_conn_t *c)
{
    utsec_boot_bsf_reply_t r;
    const char *authz;
    int rc;

    if (ex_http_read_request(c, &a->in) != 0) {
        printf("bsf    Ub: unreadable request dropped\n");
        return;
    }
    ex_log_msg(stdout, "bsf", "<- ue", &a->in);
    authz = ex_http_header(&a->in, "Authorization");
    rc = utsec_boot_bsf_handle(&a->bsf, a->in.method, strlen(a->in.method),
                               a->in.target, strlen(a->in.target), authz,
                               authz != NULL ? strlen(authz) : 0, &r);
    if (rc == UTSEC_ERR_INVALID_ARG) {
        r.status = 500;
        r.event = UTSEC_BOOT_BSF_REJECTED;
        r.www_authenticate = r.auth_info = r.content_type = r.body = NULL;
        r.body_len = 0;
        r.btid = NULL;
    }
    printf("bsf    Ub: %s%s%s\n", event_name(r.event), rc != 0 ? ": " : "",
           rc != 0 ? utsec_strerror(rc) : "");
    if (r.btid != NULL)
        printf("bsf    Ub: B-TID %s, lifetime %lld\n", r.btid, (long long)r.lifetime);
    ex_http_out_status(&a->out, r.status, ex_http_reason(r.status));
    if (r.www_authenticate != NULL)
        ex_http_out_header(&a->out, "WWW-Authenticate", "%s", r.www_authenticate);
    if (r.auth_info != NULL)
        ex_http_out_header(&a->out, "Authentication-Info", "%s", r.auth_info);
    ex_http_out_end(&a->out, r.content_type, r.body, r.body_len);
    ex_log_out(stdout, "bsf", "-> ue", &a->out);
    if (ex_http_out_flush(c, &a->out) != 0)
        printf("bsf    Ub: send failed\n");
}

static int setup(bsf_app_t *a, const char *subs, const char *fqdn)
{
    utsec_boot_bsf_config_t cfg;
    int rc;

    if (utsec_rng_default_init(&a->rng, (const uint8_t *)"bsf", 3) != 0 ||
        utsec_rng_default(&a->rng, a->secret, sizeof(a->secret)) != 0) {
        fprintf(stderr, "bsf: random generator failed\n");
        return -1;
    }
    if (hss_load(&a->hss, subs, utsec_rng_default, &a->rng) != 0)
        return -1;
    if (utsec_boot_mem_init(&a->mem, a->slots, N_CONTEXTS, NULL, NULL, &a->store) != 0)
        return -1;
    memset(&cfg, 0, sizeof(cfg));
    cfg.bsf_host = fqdn;
    cfg.bsf_host_len = strlen(fqdn);
    cfg.realm = fqdn; /* the Ub realm is the BSF's name (README) */
    cfg.realm_len = strlen(fqdn);
    cfg.secret = a->secret;
    cfg.secret_len = sizeof(a->secret);
    cfg.key_lifetime = 86400; /* replaced per subscriber by hss_uss() */
    cfg.rng = utsec_rng_default;
    cfg.rng_ctx = &a->rng;
    cfg.hss_av = hss_av;
    cfg.hss_resync = hss_resync;
    cfg.hss_ctx = &a->hss;
    cfg.uss = hss_uss;
    cfg.uss_ctx = &a->hss;
    cfg.store = &a->store;
    cfg.pending = a->pending;
    cfg.n_pending = N_PENDING;
    cfg.replay = a->replay;
    cfg.n_replay = N_REPLAY;
    rc = utsec_boot_bsf_init(&a->bsf, &cfg);
    if (rc != 0) {
        fprintf(stderr, "bsf: %s: %s\n", fqdn, utsec_strerror(rc));
        return -1;
    }
    return 0;
}

static void teardown(bsf_app_t *a)
{
    utsec_boot_bsf_free(&a->bsf);
    utsec_boot_mem_free(&a->mem);
    hss_free(&a->hss);
    utsec_wipe(a->secret, sizeof(a->secret));
    utsec_wipe(a->pending, sizeof(a->pending));
    utsec_rng_default_free(&a->rng);
    utsec_wipe(&a->in, sizeof(a->in));
    utsec_wipe(&a->out, sizeof(a->out));
}

static int serve(bsf_app_t *a, int ub_fd, int zn_fd)
{
    struct pollfd p[2];

    p[0].fd = ub_fd;
    p[1].fd = zn_fd;
    while (!stop_flag) {
        int i, n;
        p[0].events = p[1].events = POLLIN;
        p[0].revents = p[1].revents = 0;
        n = poll(p, 2, EX_POLL_MS);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("bsf: poll");
            return -1;
        }
        for (i = 0; i < 2 && !stop_flag; i++) {
            ex_conn_t c;
            if (!(p[i].revents & POLLIN))
                continue;
            c.fd = ex_accept(p[i].fd);
            c.ssl = NULL;
            if (c.fd < 0)
                continue;
            if (i == 0)
                serve_ub(a, &c);
            else
                zn_serve(&a->store, &a->in, &a->out, &c);
            fflush(stdout);
            ex_close(c.fd);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *subs = NULL, *ub_file = NULL, *zn_file = NULL, *fqdn = "bsf.example.net";
    struct sigaction sa;
    bsf_app_t *a;
    uint16_t ub_port = 0, zn_port = 0;
    int i, ub_fd = -1, zn_fd = -1, rc = 1;

    for (i = 1; i < argc; i += 2) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (v == NULL)
            return usage();
        if (strcmp(argv[i], "--subscribers") == 0)
            subs = v;
        else if (strcmp(argv[i], "--ub-port-file") == 0)
            ub_file = v;
        else if (strcmp(argv[i], "--zn-port-file") == 0)
            zn_file = v;
        else if (strcmp(argv[i], "--fqdn") == 0)
            fqdn = v;
        else
            return usage();
    }
    if (subs == NULL || ub_file == NULL || zn_file == NULL)
        return usage();

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    a = calloc(1, sizeof(*a));
    if (a == NULL)
        return 1;
    if (setup(a, subs, fqdn) != 0)
        goto out;
    ub_fd = ex_listen(0, &ub_port);
    zn_fd = ex_listen(0, &zn_port);
    if (ub_fd < 0 || zn_fd < 0) {
        perror("bsf: listen");
        goto out;
    }
    if (ex_write_port_file(ub_file, ub_port) != 0 ||
        ex_write_port_file(zn_file, zn_port) != 0) {
        perror("bsf: port file");
        goto out;
    }
    printf("bsf    listening: Ub on 127.0.0.1:%u, Zn on 127.0.0.1:%u (%zu subscribers)\n",
           ub_port, zn_port, a->hss.n_subs);
    fflush(stdout);
    rc = serve(a, ub_fd, zn_fd) == 0 ? 0 : 1;
    printf("bsf    stopped\n");
out:
    if (ub_fd >= 0)
        close(ub_fd);
    if (zn_fd >= 0)
        close(zn_fd);
    teardown(a);
    free(a);
    return rc;
}
