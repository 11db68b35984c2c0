/*
 * An in-memory byte pipe for mbedTLS BIO callbacks: two `struct pipe`
 * buffers and one `struct end` per side let a client and a server
 * handshake in one thread (tests/test_tls.c, tests/bench/bench_tls.c).
 * Header-only so that the benchmark, built without the tests/support
 * sources, can use it too.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TEST_MEM_PIPE_H
#define UTSEC_TEST_MEM_PIPE_H

#include <stddef.h>
#include <string.h>

#include <mbedtls/ssl.h>

struct pipe {
    unsigned char buf[1 << 15];
    size_t len;
};

/* One side: reads from in, writes to out. */
struct end {
    struct pipe *in, *out;
};

static inline int p_send(void *ctx, const unsigned char *b, size_t n)
{
    struct end *e = ctx;
    size_t room = sizeof(e->out->buf) - e->out->len;

    if (room == 0)
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    if (n > room)
        n = room;
    memcpy(e->out->buf + e->out->len, b, n);
    e->out->len += n;
    return (int)n;
}

static inline int p_recv(void *ctx, unsigned char *b, size_t n)
{
    struct end *e = ctx;

    if (e->in->len == 0)
        return MBEDTLS_ERR_SSL_WANT_READ;
    if (n > e->in->len)
        n = e->in->len;
    memcpy(b, e->in->buf, n);
    memmove(e->in->buf, e->in->buf + n, e->in->len - n);
    e->in->len -= n;
    return (int)n;
}

#endif
