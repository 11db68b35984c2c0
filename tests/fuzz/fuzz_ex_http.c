/*
 * libFuzzer harness: the example programs' HTTP/1.1 reader (requests and
 * responses) and the transcript printer, fed over a socketpair exactly as
 * a peer would send it. examples/common is not part of the library, so
 * its sources are compiled in here.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "../../examples/common/ex_http.c"
#include "../../examples/common/ex_net.c"

static ex_http_msg_t m;

static void check(const uint8_t *data, size_t size, int request)
{
    FILE *sink;
    int sv[2];
    ex_conn_t c;
    size_t i;

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        abort();
    if (size > 0 && write(sv[0], data, size) != (ssize_t)size)
        abort();
    shutdown(sv[0], SHUT_WR);
    c.fd = sv[1];
    c.ssl = NULL;
    if ((request ? ex_http_read_request(&c, &m) : ex_http_read_response(&c, &m)) == 0) {
        if (m.head_len + m.body_len > size || m.body[m.body_len] != '\0'
            || (request && (m.method == NULL || m.target == NULL))
            || (!request && (m.status < 100 || m.status > 599)))
            abort();
        for (i = 0; i < m.n_hdr; i++)
            if (strchr(m.hdr[i].name, ':') != NULL || strpbrk(m.hdr[i].value, "\r\n") != NULL)
                abort();
        if ((sink = fopen("/dev/null", "w")) == NULL)
            abort();
        ex_log_msg(sink, "x", "<-", &m);
        fclose(sink);
    }
    close(sv[0]);
    close(sv[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 100000)
        return 0;
    check(data, size, 1);
    check(data, size, 0);
    return 0;
}
