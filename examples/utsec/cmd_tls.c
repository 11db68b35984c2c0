/*
 * `utsec` TLS-PSK commands (TS 33.222 §5.4, TLS 1.2): tls-serve (a NAF) and
 * tls-connect (a UE), over TCP on 127.0.0.1 only. The sockets live here; the
 * library only sees mbedTLS BIO callbacks.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <mbedtls/net_sockets.h>

#include "cli.h"
#include "utsec/gba.h"
#include "utsec/tls_psk.h"

#define IO_TIMEOUT_S 10    /* per read/write */
#define ACCEPT_TIMEOUT_MS 30000

/* Options shared by both commands. */
struct tls_opts {
    int port;
    const char *btid, *impi, *fqdn, *path;
    uint8_t ck[16], ik[16], rnd[16];
    int uicc;
    uint16_t suites[UTSEC_TLS_MAX_SUITES];
    size_t n_suites;   /* 0: the default list */
    int have_lifetime;
    int64_t lifetime;
};

static const char *text(const struct cli_args *a, const char *name)
{
    const char *v = cli_req(a, name);

    if (v != NULL && *v == '\0') {
        cli_usage_error("%s: --%s must not be empty", a->cmd, name);
        return NULL;
    }
    return v;
}

static int parse_ciphers(const struct cli_args *a, struct tls_opts *o)
{
    const char *v = cli_opt(a, "ciphers"), *p;
    char *end;

    o->n_suites = 0;
    if (v == NULL)
        return CLI_OK;
    for (p = v;;) {
        unsigned long x;
        size_t k;
        for (k = 0; p[k] != '\0' && p[k] != ','; k++)
            if (!((p[k] >= '0' && p[k] <= '9') || (p[k] >= 'a' && p[k] <= 'f') ||
                  (p[k] >= 'A' && p[k] <= 'F')))
                return cli_usage_error("%s: --ciphers: expected hex IANA codes "
                                       "like 00A8,C037", a->cmd);
        if (k != 4)
            return cli_usage_error("%s: --ciphers: each code is 4 hex digits",
                                   a->cmd);
        if (o->n_suites == UTSEC_TLS_MAX_SUITES)
            return cli_usage_error("%s: --ciphers: at most %d suites", a->cmd,
                                   UTSEC_TLS_MAX_SUITES);
        x = strtoul(p, &end, 16);
        o->suites[o->n_suites++] = (uint16_t)x;
        if (p[k] == '\0')
            break;
        p += k + 1;
    }
    return CLI_OK;
}

static int parse_opts(const struct cli_args *a, struct tls_opts *o)
{
    const char *port, *lt;
    char *end;
    long n;
    int rc;

    memset(o, 0, sizeof(*o));
    if ((port = cli_req(a, "port")) == NULL)
        return CLI_USAGE;
    n = strtol(port, &end, 10);
    if (*port == '\0' || *end != '\0' || n < 1 || n > 65535)
        return cli_usage_error("%s: --port takes 1..65535", a->cmd);
    o->port = (int)n;
    if ((o->btid = text(a, "btid")) == NULL || (o->impi = text(a, "impi")) == NULL ||
        (o->fqdn = text(a, "naf-fqdn")) == NULL)
        return CLI_USAGE;
    if ((rc = cli_hex(a, "ck", o->ck, 16, 0, NULL)) ||
        (rc = cli_hex(a, "ik", o->ik, 16, 0, NULL)) ||
        (rc = cli_hex(a, "rand", o->rnd, 16, 0, NULL)))
        return rc;
    o->uicc = cli_flag(a, "uicc");
    if ((rc = parse_ciphers(a, o)) != CLI_OK)
        return rc;
    if ((lt = cli_opt(a, "lifetime")) != NULL) {
        if (utsec_gba_time_parse(lt, strlen(lt), &o->lifetime) != 0)
            return cli_usage_error("%s: --lifetime: not an xs:dateTime", a->cmd);
        o->have_lifetime = 1;
    }
    o->path = cli_opt(a, "path");
    if (o->path == NULL)
        o->path = "/";
    else if (o->path[0] != '/' || strpbrk(o->path, " \r\n") != NULL)
        return cli_usage_error("%s: --path must start with / and have no spaces",
                               a->cmd);
    return CLI_OK;
}

/* ------------------------------------------------------- socket BIO */

static int sock_send(void *ctx, const unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

    if (n >= 0)
        return (int)n;
    if (errno == EINTR)
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    return MBEDTLS_ERR_NET_SEND_FAILED;
}

static int sock_recv(void *ctx, unsigned char *buf, size_t len)
{
    int fd = *(int *)ctx;
    ssize_t n = recv(fd, buf, len, 0);

    if (n > 0)
        return (int)n;
    if (n == 0)
        return MBEDTLS_ERR_NET_CONN_RESET;
    if (errno == EINTR)
        return MBEDTLS_ERR_SSL_WANT_READ;
    if (errno == EAGAIN || errno == EWOULDBLOCK)
        return MBEDTLS_ERR_SSL_TIMEOUT;
    return MBEDTLS_ERR_NET_RECV_FAILED;
}

static void set_timeouts(int fd)
{
    struct timeval tv = {IO_TIMEOUT_S, 0};

    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

static void loopback(struct sockaddr_in *sa, int port)
{
    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

/* Close without a TCP reset: after a fatal alert the peer may still be
 * sending its last flight, and closing with unread data would send RST and
 * could destroy the alert before the peer reads it. */
static void close_gracefully(int fd)
{
    struct timeval tv = {1, 0};
    char sink[512];
    int i;

    shutdown(fd, SHUT_WR);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    for (i = 0; i < 64 && recv(fd, sink, sizeof(sink), 0) > 0; i++)
        ;
    close(fd);
}

static int sys_fail(const char *what)
{
    fprintf(stderr, "utsec: %s: %s\n", what, strerror(errno));
    return CLI_INVALID;
}

/* Write all of buf through TLS. */
static int tls_write_all(mbedtls_ssl_context *ssl, const char *buf, size_t len)
{
    size_t off = 0;

    while (off < len) {
        int n = mbedtls_ssl_write(ssl, (const unsigned char *)buf + off, len - off);
        if (n == MBEDTLS_ERR_SSL_WANT_READ || n == MBEDTLS_ERR_SSL_WANT_WRITE)
            continue;
        if (n <= 0)
            return -1;
        off += (size_t)n;
    }
    return 0;
}

/* Read until the end of the HTTP header block (or the peer closes). */
static size_t tls_read_head(mbedtls_ssl_context *ssl, char *buf, size_t cap)
{
    size_t len = 0;

    while (len + 1 < cap) {
        int n = mbedtls_ssl_read(ssl, (unsigned char *)buf + len, cap - 1 - len);
        if (n == MBEDTLS_ERR_SSL_WANT_READ || n == MBEDTLS_ERR_SSL_WANT_WRITE)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
        buf[len] = '\0';
        if (strstr(buf, "\r\n\r\n") != NULL)
            break;
    }
    buf[len] = '\0';
    return len;
}

/* Print "name: text" with every octet outside printable ASCII shown as
 * '?': the text comes from the peer. */
static void print_clean(FILE *f, const char *name, const char *t, size_t n)
{
    size_t i;

    fprintf(f, "%s", name);
    for (i = 0; i < n; i++)
        fputc((unsigned char)t[i] >= 0x20 && (unsigned char)t[i] < 0x7F ? t[i] : '?', f);
    fputc('\n', f);
}

static size_t first_line(const char *buf, size_t len)
{
    size_t i;

    for (i = 0; i < len && buf[i] != '\r' && buf[i] != '\n'; i++)
        ;
    return i;
}

/* --------------------------------------------------------- tls-serve */

struct serve_ctx {
    const struct tls_opts *o;
    char identity[UTSEC_TLS_PSK_ID_SIZE + 64];
    int64_t lifetime;
};

/* The Zn lookup of this toy NAF: it knows one B-TID and derives the key
 * itself from CK/IK (a real NAF asks the BSF). */
static int serve_provider(void *ctx, const utsec_tls_key_request_t *req,
                          utsec_tls_key_reply_t *rep)
{
    struct serve_ctx *c = ctx;
    const struct tls_opts *o = c->o;
    utsec_gba_variant_t v;
    size_t n = req->psk_identity_len < sizeof(c->identity) - 1
                   ? req->psk_identity_len
                   : sizeof(c->identity) - 1;

    memcpy(c->identity, req->psk_identity, n);
    c->identity[n] = '\0';
    if (req->btid_len != strlen(o->btid) ||
        memcmp(req->btid, o->btid, req->btid_len) != 0)
        return UTSEC_ERR_UNKNOWN_ID;
    if (req->variant == UTSEC_TLS_KEY_DIGEST)
        return UTSEC_ERR_UNSUPPORTED;
    v = (req->variant == UTSEC_TLS_KEY_UICC || o->uicc) ? UTSEC_GBA_VARIANT_U_INT
                                                         : UTSEC_GBA_VARIANT_ME;
    rep->expiry = c->lifetime;
    return utsec_gba_ks_naf_ck_ik(o->ck, o->ik, v, o->rnd, o->impi,
                                  strlen(o->impi), req->naf_id, req->naf_id_len,
                                  rep->key);
}

static const char *const o_serve[] = {"port", "btid", "ck", "ik", "rand", "impi",
                                      "naf-fqdn", "uicc!", "ciphers", "lifetime",
                                      NULL};

static int cmd_tls_serve(const struct cli_args *a)
{
    struct tls_opts o;
    struct serve_ctx sc;
    utsec_rng_default_t rng;
    utsec_tls_naf_params_t np;
    utsec_tls_naf_t naf;
    utsec_tls_naf_session_t ns;
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    struct sockaddr_in sa;
    struct pollfd pfd;
    char req[8192];
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                               "Content-Length: 3\r\nConnection: close\r\n\r\nok\n";
    int ls = -1, fd = -1, rc, one = 1, ret = CLI_INVALID;
    uint16_t suite;
    size_t len;

    if ((rc = parse_opts(a, &o)) != CLI_OK)
        return rc;
    if (o.fqdn == NULL || o.btid == NULL || o.impi == NULL)
        return CLI_USAGE; /* parse_opts() guarantees them; for the analyzer */
    memset(&sc, 0, sizeof(sc));
    sc.o = &o;
    sc.lifetime = o.have_lifetime ? o.lifetime : utsec_time_now(NULL) + 3600;
    mbedtls_ssl_config_init(&conf);
    mbedtls_ssl_init(&ssl);
    memset(&naf, 0, sizeof(naf));
    memset(&ns, 0, sizeof(ns));
    if ((rc = utsec_rng_default_init(&rng, (const uint8_t *)"utsec tls-serve", 15))) {
        ret = cli_fail(rc, "tls-serve");
        goto out;
    }
    memset(&np, 0, sizeof(np));
    np.naf_fqdn = o.fqdn;
    np.naf_fqdn_len = strlen(o.fqdn);
    np.provider = serve_provider;
    np.provider_ctx = &sc;
    np.suites = o.n_suites ? o.suites : NULL;
    np.n_suites = o.n_suites;
    np.rng = utsec_rng_default;
    np.rng_ctx = &rng;
    if ((rc = utsec_tls_naf_setup(&naf, &np, &conf)) != 0 ||
        (rc = mbedtls_ssl_setup(&ssl, &conf) != 0 ? UTSEC_ERR_TLS : 0) != 0) {
        ret = cli_fail(rc, "tls-serve");
        goto out;
    }

    loopback(&sa, o.port);
    if ((ls = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
        setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
        bind(ls, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(ls, 1) != 0) {
        ret = sys_fail("tls-serve: listen");
        goto out;
    }
    pfd.fd = ls;
    pfd.events = POLLIN;
    if (poll(&pfd, 1, ACCEPT_TIMEOUT_MS) != 1 || (fd = accept(ls, NULL, NULL)) < 0) {
        fprintf(stderr, "utsec: tls-serve: no connection within %d s\n",
                ACCEPT_TIMEOUT_MS / 1000);
        goto out;
    }
    set_timeouts(fd);
    if ((rc = utsec_tls_naf_session_setup(&ns, &naf, &ssl, &fd, sock_send,
                                          sock_recv, NULL)) != 0) {
        ret = cli_fail(rc, "tls-serve");
        goto out;
    }
    do
        rc = utsec_tls_naf_handshake(&ns);
    while (rc == UTSEC_ERR_TLS_WANT_READ || rc == UTSEC_ERR_TLS_WANT_WRITE);
    if (rc != 0) {
        if (sc.identity[0] != '\0')
            print_clean(stderr, "utsec: tls-serve: psk_identity ", sc.identity,
                        strlen(sc.identity));
        ret = cli_fail(rc, "tls-serve: handshake");
        goto out;
    }
    utsec_tls_naf_session_suite(&ns, &suite, NULL);
    printf("ciphersuite: 0x%04x\n", suite);
    print_clean(stdout, "psk_identity: ", sc.identity, strlen(sc.identity));
    len = tls_read_head(&ssl, req, sizeof(req));
    print_clean(stdout, "request: ", req, first_line(req, len));
    fflush(stdout);
    if (len == 0 || tls_write_all(&ssl, resp, sizeof(resp) - 1) != 0) {
        fprintf(stderr, "utsec: tls-serve: connection lost\n");
        goto out;
    }
    mbedtls_ssl_close_notify(&ssl);
    ret = CLI_OK;
out:
    if (fd >= 0)
        close_gracefully(fd);
    if (ls >= 0)
        close(ls);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    utsec_tls_naf_session_free(&ns);
    utsec_tls_naf_free(&naf);
    utsec_rng_default_free(&rng);
    utsec_wipe(&o, sizeof(o));
    return ret;
}

/* ------------------------------------------------------- tls-connect */

static const char *const o_connect[] = {"port", "btid", "ck", "ik", "rand", "impi",
                                        "naf-fqdn", "uicc!", "ciphers", "path",
                                        "lifetime", NULL};

static int cmd_tls_connect(const struct cli_args *a)
{
    struct tls_opts o;
    utsec_rng_default_t rng;
    utsec_tls_ue_params_t up;
    utsec_tls_ue_t ue;
    utsec_tls_ue_session_t us;
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    struct sockaddr_in sa;
    char buf[8192];
    int fd = -1, rc, ret = CLI_INVALID;
    uint16_t suite;
    size_t len;

    if ((rc = parse_opts(a, &o)) != CLI_OK)
        return rc;
    if (o.fqdn == NULL || o.btid == NULL || o.impi == NULL)
        return CLI_USAGE; /* parse_opts() guarantees them; for the analyzer */
    /* A UE must not use a key past its lifetime (TS 33.220 §4.5.3); it
     * bootstraps again instead of connecting. */
    if (o.have_lifetime &&
        (rc = utsec_gba_key_valid(o.lifetime, utsec_time_now(NULL))) != 0) {
        utsec_wipe(&o, sizeof(o));
        return cli_fail(rc, "tls-connect");
    }
    mbedtls_ssl_config_init(&conf);
    mbedtls_ssl_init(&ssl);
    memset(&ue, 0, sizeof(ue));
    memset(&us, 0, sizeof(us));
    if ((rc = utsec_rng_default_init(&rng, (const uint8_t *)"utsec tls-connect", 17))) {
        ret = cli_fail(rc, "tls-connect");
        goto out;
    }
    memset(&up, 0, sizeof(up));
    up.btid = o.btid;
    up.btid_len = strlen(o.btid);
    up.variant = o.uicc ? UTSEC_TLS_KEY_UICC : UTSEC_TLS_KEY_ME;
    up.naf_fqdn = o.fqdn;
    up.naf_fqdn_len = strlen(o.fqdn);
    up.ck = o.ck;
    up.ik = o.ik;
    up.rand = o.rnd;
    up.impi = o.impi;
    up.impi_len = strlen(o.impi);
    up.suites = o.n_suites ? o.suites : NULL;
    up.n_suites = o.n_suites;
    up.rng = utsec_rng_default;
    up.rng_ctx = &rng;
    if ((rc = utsec_tls_ue_setup(&ue, &up, &conf)) != 0 ||
        (rc = mbedtls_ssl_setup(&ssl, &conf) != 0 ? UTSEC_ERR_TLS : 0) != 0) {
        ret = cli_fail(rc, "tls-connect");
        goto out;
    }
    loopback(&sa, o.port);
    if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
        connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
        ret = sys_fail("tls-connect: connect");
        goto out;
    }
    set_timeouts(fd);
    mbedtls_ssl_set_bio(&ssl, &fd, sock_send, sock_recv, NULL);
    if ((rc = utsec_tls_ue_session_setup(&us, &ue, &ssl)) != 0) {
        ret = cli_fail(rc, "tls-connect");
        goto out;
    }
    do
        rc = utsec_tls_ue_handshake(&us);
    while (rc == UTSEC_ERR_TLS_WANT_READ || rc == UTSEC_ERR_TLS_WANT_WRITE);
    if (rc != 0) {
        ret = cli_fail(rc, "tls-connect: handshake");
        goto out;
    }
    utsec_tls_ue_session_suite(&us, &suite);
    printf("ciphersuite: 0x%04x\n", suite);
    fflush(stdout);
    len = (size_t)snprintf(buf, sizeof(buf),
                           "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: utsec 3gpp-gba\r\n"
                           "Connection: close\r\n\r\n",
                           o.path, o.fqdn);
    if (len >= sizeof(buf) || tls_write_all(&ssl, buf, len) != 0) {
        fprintf(stderr, "utsec: tls-connect: cannot send the request\n");
        goto out;
    }
    len = tls_read_head(&ssl, buf, sizeof(buf));
    if (len == 0) {
        fprintf(stderr, "utsec: tls-connect: no HTTP response\n");
        goto out;
    }
    print_clean(stdout, "status: ", buf, first_line(buf, len));
    mbedtls_ssl_close_notify(&ssl);
    ret = CLI_OK;
out:
    if (fd >= 0)
        close(fd);
    mbedtls_ssl_free(&ssl);
    mbedtls_ssl_config_free(&conf);
    utsec_tls_ue_session_free(&us);
    utsec_tls_ue_free(&ue);
    utsec_rng_default_free(&rng);
    utsec_wipe(&o, sizeof(o));
    return ret;
}

const struct cli_cmd cli_tls_cmds[] = {
    {"tls-serve",
     "--port P --btid B --ck HEX32 --ik HEX32 --rand HEX32 --impi TEXT --naf-fqdn TEXT "
     "[--uicc] [--ciphers IANA,...] [--lifetime XS-DATETIME]",
     "TS 33.222 5.4 NAF on 127.0.0.1:P, one TLS-PSK connection: prints "
     "ciphersuite, psk_identity, request",
     o_serve, cmd_tls_serve},
    {"tls-connect",
     "--port P --btid B --ck HEX32 --ik HEX32 --rand HEX32 --impi TEXT --naf-fqdn TEXT "
     "[--uicc] [--ciphers IANA,...] [--path /] [--lifetime XS-DATETIME]",
     "TS 33.222 5.4 UE to 127.0.0.1:P over TLS-PSK: prints ciphersuite, status",
     o_connect, cmd_tls_connect},
    {NULL, NULL, NULL, NULL, NULL},
};
