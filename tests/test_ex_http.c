/*
 * The example programs' HTTP/1.1 reader, writer and transcript masking
 * (examples/common/ex_http.c), over a socketpair.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "../examples/common/ex_http.h"

static ex_http_msg_t msg;

/* Feed raw octets to a reader: 0 parsed, -1 refused. */
static int feed(const char *raw, size_t n, int request)
{
    int sv[2], ret;
    ex_conn_t c;

    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    assert_int_equal(write(sv[0], raw, n), (ssize_t)n);
    shutdown(sv[0], SHUT_WR);
    c.fd = sv[1];
    c.ssl = NULL;
    ret = request ? ex_http_read_request(&c, &msg) : ex_http_read_response(&c, &msg);
    close(sv[0]);
    close(sv[1]);
    return ret;
}

#define FEED_REQ(s) feed(s, sizeof(s) - 1, 1)
#define FEED_RSP(s) feed(s, sizeof(s) - 1, 0)

static void request_fields(void **state)
{
    (void)state;
    assert_int_equal(FEED_REQ("PUT /pres-rules/users/sip:a@b/index HTTP/1.1\r\n"
                              "Host: ap.example.net\r\nX-3GPP-Intended-Identity:  \"sip:a@b\" \t\r\n"
                              "Content-Length: 5\r\n\r\nhelloEXTRA"), 0);
    assert_string_equal(msg.method, "PUT");
    assert_string_equal(msg.target, "/pres-rules/users/sip:a@b/index");
    assert_int_equal(msg.status, 0);
    assert_int_equal(msg.n_hdr, 3);
    assert_string_equal(ex_http_header(&msg, "x-3gpp-intended-identity"), "\"sip:a@b\"");
    assert_null(ex_http_header(&msg, "Authorization"));
    assert_int_equal(msg.body_len, 5);
    assert_string_equal(msg.body, "hello");
    assert_int_equal(msg.head_len, strlen(msg.head) - 5);   /* body follows, then NUL */
    assert_memory_equal(msg.head + msg.head_len - 4, "\r\n\r\n", 4);
}

static void response_to_close(void **state)
{
    (void)state;
    assert_int_equal(FEED_RSP("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"x\"\r\n\r\nbody"), 0);
    assert_int_equal(msg.status, 401);
    assert_string_equal(msg.reason, "Unauthorized");
    assert_string_equal(msg.body, "body");
    assert_int_equal(FEED_RSP("HTTP/1.0 200\r\nContent-Length: 0\r\n\r\n"), 0);
    assert_int_equal(msg.status, 200);
    assert_string_equal(msg.reason, "");
}

static void refused(void **state)
{
    (void)state;
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n"), -1);          /* obs-fold */
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nA: b\nB: c\r\n\r\n"), -1);          /* bare LF */
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nA : b\r\n\r\n"), -1);               /* space before colon */
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), -1);
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"), -1);
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nContent-Length: +1\r\n\r\na"), -1);
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\na"), -1);  /* > bound */
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab"), -1);        /* truncated */
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n"), -1);               /* control octet */
    assert_int_equal(FEED_REQ("GET  / HTTP/1.1\r\n\r\n"), -1);
    assert_int_equal(FEED_REQ("GET / HTTP/1.0\r\n\r\n"), -1);
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\nA: b\r\n"), -1);                    /* no end of head */
    assert_int_equal(FEED_REQ("GET / HTTP/1.1\r\n\r\nbody"), -1);                     /* body without length */
    assert_int_equal(FEED_RSP("HTTP/1.1 99 x\r\n\r\n"), -1);
    assert_int_equal(FEED_RSP("HTTP/1.1 200x\r\n\r\n"), -1);
    assert_int_equal(feed("GET / HTTP/1.1\r\nA: \0\r\n\r\n", 23, 1), -1);            /* NUL */
}

static void oversized_head(void **state)
{
    static char big[EX_HTTP_HEAD_MAX + 64];
    size_t i, n = 0;

    (void)state;
    n += (size_t)sprintf(big, "GET / HTTP/1.1\r\n");
    for (i = 0; n + 10 < sizeof(big) - 8; i++)
        n += (size_t)sprintf(big + n, "A%04zu: b\r\n", i % 10000);
    memcpy(big + n, "\r\n", 2);
    assert_int_equal(feed(big, n + 2, 1), -1);
}

static void too_many_headers(void **state)
{
    char raw[2048];
    size_t i, n = (size_t)sprintf(raw, "GET / HTTP/1.1\r\n");

    (void)state;
    for (i = 0; i <= EX_HTTP_HEADERS_MAX; i++)
        n += (size_t)sprintf(raw + n, "H%zu: v\r\n", i);
    n += (size_t)sprintf(raw + n, "\r\n");
    assert_int_equal(feed(raw, n, 1), -1);
}

static ex_http_out_t out;

static void writer(void **state)
{
    int sv[2];
    ex_conn_t c;

    (void)state;
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    c.fd = sv[0];
    c.ssl = NULL;
    ex_http_out_status(&out, 201, NULL);
    ex_http_out_header(&out, "ETag", "\"%d\"", 7);
    assert_int_equal(ex_http_out_send(&c, &out, "text/plain", "ok", 2), 0);
    shutdown(sv[0], SHUT_WR);
    c.fd = sv[1];
    assert_int_equal(ex_http_read_response(&c, &msg), 0);
    assert_int_equal(msg.status, 201);
    assert_string_equal(msg.reason, "Created");
    assert_string_equal(ex_http_header(&msg, "ETag"), "\"7\"");
    assert_string_equal(ex_http_header(&msg, "Connection"), "close");
    assert_string_equal(ex_http_header(&msg, "Content-Type"), "text/plain");
    assert_string_equal(msg.body, "ok");
    close(sv[0]);
    close(sv[1]);

    /* A line break in a value is refused: the message cannot be sent. */
    ex_http_out_request(&out, "GET", "/", "h");
    ex_http_out_header(&out, "X", "a\r\nInjected: yes");
    assert_int_equal(out.overflow, 1);
    assert_int_equal(ex_http_out_send(&c, &out, NULL, NULL, 0), -1);
}

static void transcript_masks_secrets(void **state)
{
    char text[2048];
    FILE *f = fmemopen(text, sizeof(text), "w");

    (void)state;
    assert_non_null(f);
    ex_http_out_request(&out, "GET", "/x", "ap.example.net");
    ex_http_out_header(&out, "Authorization",
                       "Digest username=\"a=b,response=\\\"x\", response=\"0123abcd\", "
                       "realm=\"r\", rspauth=feed, nc=00000001");
    ex_http_out_header(&out, "Cookie", "secret");
    ex_log_out(f, "ue", "->", &out);
    fclose(f);
    assert_string_equal(text, "ue -> GET /x HTTP/1.1\n"
                        "    Authorization: Digest username=\"a=b,response=\\\"x\", "
                        "response=<masked>, realm=\"r\", rspauth=<masked>, nc=00000001\n");

    assert_int_equal(FEED_RSP("HTTP/1.1 200 OK\r\nAuthentication-Info: rspauth=\"99\", qop=auth\r\n"
                              "Content-Length: 0\r\n\r\n"), 0);
    f = fmemopen(text, sizeof(text), "w");
    assert_non_null(f);
    ex_log_msg(f, "ue", "<-", &msg);
    fclose(f);
    assert_string_equal(text, "ue <- 200 OK\n    Authentication-Info: rspauth=<masked>, qop=auth\n"
                        "    Content-Length: 0\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request_fields),
        cmocka_unit_test(response_to_close),
        cmocka_unit_test(refused),
        cmocka_unit_test(oversized_head),
        cmocka_unit_test(too_many_headers),
        cmocka_unit_test(writer),
        cmocka_unit_test(transcript_masks_secrets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
