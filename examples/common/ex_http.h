/*
 * Shared plumbing of the example programs (bsf, ap, presence-server, ue):
 * loopback TCP sockets, one connection abstraction over plain TCP or an
 * mbedTLS session, a small HTTP/1.1 reader/writer and the transcript
 * printer. The library never opens a socket; this is where the examples do.
 *
 * Everything here is example code: bounded buffers, blocking I/O with
 * timeouts, one request per connection ("Connection: close").
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef EX_HTTP_H
#define EX_HTTP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <mbedtls/ssl.h>

#define EX_IO_TIMEOUT_S 10          /* per read/write */
#define EX_HTTP_HEAD_MAX 8192       /* start line + header block */
#define EX_HTTP_BODY_MAX 65536      /* body (Content-Length only, no chunked) */
#define EX_HTTP_HEADERS_MAX 40

/* ------------------------------------------------------------ sockets */

/* Listen on 127.0.0.1:port (0: any free port); *bound receives the port.
 * Returns the listening fd or -1 (errno set). */
int ex_listen(uint16_t port, uint16_t *bound);

/* Accept one connection (SO_RCVTIMEO/SO_SNDTIMEO = EX_IO_TIMEOUT_S).
 * Returns the fd or -1. Retries EINTR, so a server that must stop on a
 * signal poll()s the listening socket first and calls this when it is
 * readable. */
int ex_accept(int lfd);

/* How long a server's poll() waits before it tests its stop flag again: a
 * SIGTERM that lands between the flag test and poll() would otherwise leave
 * poll() waiting for a connection that never comes. */
#define EX_POLL_MS 200

/* Connect to 127.0.0.1:port with the same timeouts. Returns fd or -1. */
int ex_connect(uint16_t port);

/* Close, draining briefly first so that a final TLS alert is not lost to
 * a TCP reset. */
void ex_close(int fd);

/* Write "port\n" to path atomically (temporary file + rename), so that a
 * script waiting for the file never reads it half-written. 0 or -1. */
int ex_write_port_file(const char *path, uint16_t port);

/* mbedTLS BIO callbacks over a socket; ctx points to the int fd. */
int ex_bio_send(void *ctx, const unsigned char *buf, size_t len);
int ex_bio_recv(void *ctx, unsigned char *buf, size_t len);

/* --------------------------------------------------------- connection */

/* A byte stream: plain TCP when ssl is NULL, else the (handshaken)
 * mbedTLS session on fd. The caller owns both. */
typedef struct ex_conn {
    int fd;
    mbedtls_ssl_context *ssl;
} ex_conn_t;

/* Send all n octets. 0 or -1. */
int ex_conn_send(ex_conn_t *c, const void *p, size_t n);

/* Receive up to n octets: >0 count, 0 orderly close, -1 error/timeout. */
int ex_conn_recv(ex_conn_t *c, void *p, size_t n);

/* ------------------------------------------------------------- HTTP in */

typedef struct ex_http_header {
    const char *name;   /* NUL-terminated, inside ex_http_msg_t.buf */
    const char *value;  /* NUL-terminated, OWS trimmed */
} ex_http_header_t;

/* One parsed request or response. Strings point into buf. */
typedef struct ex_http_msg {
    char buf[EX_HTTP_HEAD_MAX + EX_HTTP_BODY_MAX + 1]; /* raw head, body, NUL */
    char strs[EX_HTTP_HEAD_MAX + 1]; /* NUL-terminated copies of the fields */
    size_t len;                 /* octets held in buf */
    const char *method;         /* requests: "GET"...; else NULL */
    const char *target;         /* requests: request-target */
    int status;                 /* responses: 100..599; requests: 0 */
    const char *reason;         /* responses */
    ex_http_header_t hdr[EX_HTTP_HEADERS_MAX];
    size_t n_hdr;
    const char *head;           /* the raw header block as received ... */
    size_t head_len;            /* ... through the final CRLFCRLF */
    const char *body;           /* NUL-terminated copy of the body */
    size_t body_len;
} ex_http_msg_t;

/* Read one request / one response (start line, headers, Content-Length
 * body; a response without Content-Length is read to the close). 0, or -1
 * on I/O error, timeout, malformed or oversized message (obs-fold, control
 * octets, Transfer-Encoding, conflicting Content-Length are malformed).
 * The raw header block stays available in head/head_len (for
 * utsec_id_http_scan / utsec_id_http_rewrite). */
int ex_http_read_request(ex_conn_t *c, ex_http_msg_t *m);
int ex_http_read_response(ex_conn_t *c, ex_http_msg_t *m);

/* First header of that name (case-insensitive), or NULL. */
const char *ex_http_header(const ex_http_msg_t *m, const char *name);

/* ------------------------------------------------------------ HTTP out */

/* A message under construction. ex_http_out_* never fail: an overflow is
 * remembered and makes ex_http_out_send() fail. */
typedef struct ex_http_out {
    char buf[EX_HTTP_HEAD_MAX + EX_HTTP_BODY_MAX];
    size_t len;
    int overflow;
} ex_http_out_t;

/* Start a request: "METHOD target HTTP/1.1", Host, Connection: close. */
void ex_http_out_request(ex_http_out_t *o, const char *method, const char *target,
                         const char *host);
/* Start a response: "HTTP/1.1 code reason", Connection: close. */
void ex_http_out_status(ex_http_out_t *o, int code, const char *reason);
/* Append "name: value" (printf-style value). */
void ex_http_out_header(ex_http_out_t *o, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Append raw header lines (each ending CRLF), e.g. a rewritten block. */
void ex_http_out_raw(ex_http_out_t *o, const char *p, size_t n);
/* Finish the message: Content-Type if ctype != NULL, Content-Length, the
 * blank line and the body. Log it with ex_log_out() after this to show
 * every header. */
void ex_http_out_end(ex_http_out_t *o, const char *ctype, const void *body,
                     size_t body_len);
/* Send a finished message. 0, or -1 on an I/O error or an overflow. */
int ex_http_out_flush(ex_conn_t *c, const ex_http_out_t *o);
/* ex_http_out_end() + ex_http_out_flush(). 0 or -1. */
int ex_http_out_send(ex_conn_t *c, ex_http_out_t *o, const char *ctype,
                     const void *body, size_t body_len);

/* Reason phrase of a status code ("OK", "Unauthorized", ...). */
const char *ex_http_reason(int code);

/* ---------------------------------------------------------- transcript */

/* Print one message as the demo transcript shows it:
 *   "<who> <arrow> <start line>" then the key headers indented
 *   (Authorization, WWW-Authenticate, Authentication-Info,
 *   X-3GPP-Asserted-Identity, X-3GPP-Intended-Identity, Content-Type,
 *   Content-Length). Secrets are masked: the digest "response" and
 *   "rspauth" values print as "<masked>"; no key material ever reaches
 *   a message. Non-printable octets print as '?'. */
void ex_log_msg(FILE *f, const char *who, const char *arrow, const ex_http_msg_t *m);

/* Same for an outgoing message (after ex_http_out_end() it also shows the
 * Content-Type and Content-Length added there). */
void ex_log_out(FILE *f, const char *who, const char *arrow, const ex_http_out_t *o);

#endif
