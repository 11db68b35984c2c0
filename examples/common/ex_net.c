/*
 * Loopback sockets and the connection abstraction of the example programs
 * (ex_http.h). Blocking I/O with per-call timeouts; IPv4 127.0.0.1 only.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <mbedtls/net_sockets.h>

#include "ex_http.h"

static void set_timeouts(int fd)
{
    struct timeval tv = {EX_IO_TIMEOUT_S, 0};

    (void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    (void)setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

static void loopback(struct sockaddr_in *sa, uint16_t port)
{
    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    sa->sin_port = htons(port);
    sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

int ex_listen(uint16_t port, uint16_t *bound)
{
    struct sockaddr_in sa;
    socklen_t sl = sizeof(sa);
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    loopback(&sa, port);
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 16) != 0
        || getsockname(fd, (struct sockaddr *)&sa, &sl) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    if (bound != NULL)
        *bound = ntohs(sa.sin_port);
    return fd;
}

int ex_accept(int lfd)
{
    int fd;

    do
        fd = accept(lfd, NULL, NULL);
    while (fd < 0 && errno == EINTR);
    if (fd >= 0)
        set_timeouts(fd);
    return fd;
}

int ex_connect(uint16_t port)
{
    struct sockaddr_in sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    set_timeouts(fd);
    loopback(&sa, port);
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

void ex_close(int fd)
{
    struct timeval tv = {0, 200000};
    char sink[512];
    int i;

    if (fd < 0)
        return;
    (void)shutdown(fd, SHUT_WR);
    (void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    for (i = 0; i < 64 && recv(fd, sink, sizeof(sink), 0) > 0; i++)
        ;
    close(fd);
}

int ex_write_port_file(const char *path, uint16_t port)
{
    char tmp[4096];
    FILE *f;
    int n = snprintf(tmp, sizeof(tmp), "%s.tmp", path);

    if (n < 0 || (size_t)n >= sizeof(tmp) || (f = fopen(tmp, "w")) == NULL)
        return -1;
    if (fprintf(f, "%u\n", (unsigned)port) < 0) {
        fclose(f);
        return -1;
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        return -1;
    return 0;
}

int ex_bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    ssize_t n = send(*(int *)ctx, buf, len, MSG_NOSIGNAL);

    if (n >= 0)
        return (int)n;
    if (errno == EINTR)
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    return MBEDTLS_ERR_NET_SEND_FAILED;
}

int ex_bio_recv(void *ctx, unsigned char *buf, size_t len)
{
    ssize_t n = recv(*(int *)ctx, buf, len, 0);

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

int ex_conn_send(ex_conn_t *c, const void *p, size_t n)
{
    const unsigned char *b = p;
    size_t off = 0;

    while (off < n) {
        int k;
        if (c->ssl != NULL) {
            k = mbedtls_ssl_write(c->ssl, b + off, n - off);
            if (k == MBEDTLS_ERR_SSL_WANT_READ || k == MBEDTLS_ERR_SSL_WANT_WRITE)
                continue;
        } else {
            ssize_t s = send(c->fd, b + off, n - off, MSG_NOSIGNAL);
            if (s < 0 && errno == EINTR)
                continue;
            k = s > 0 ? (int)s : -1;
        }
        if (k <= 0)
            return -1;
        off += (size_t)k;
    }
    return 0;
}

int ex_conn_recv(ex_conn_t *c, void *p, size_t n)
{
    for (;;) {
        if (c->ssl != NULL) {
            int k = mbedtls_ssl_read(c->ssl, p, n);
            if (k == MBEDTLS_ERR_SSL_WANT_READ || k == MBEDTLS_ERR_SSL_WANT_WRITE)
                continue;
#ifdef MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET
            if (k == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET)
                continue;   /* TLS 1.3 clients (mbedTLS 3.x) */
#endif
            if (k == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY || k == 0)
                return 0;
            return k > 0 ? k : -1;
        } else {
            ssize_t s = recv(c->fd, p, n, 0);
            if (s < 0 && errno == EINTR)
                continue;
            return s >= 0 ? (int)s : -1;
        }
    }
}
