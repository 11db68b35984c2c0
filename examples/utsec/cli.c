/*
 * `utsec` shared helpers: option lookup, hex arguments, output, errors.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hex.h"

const char *cli_opt(const struct cli_args *a, const char *name)
{
    const char *v = NULL;
    int i;

    for (i = 0; i < a->n; i++)
        if (strcmp(a->name[i], name) == 0)
            v = a->val[i];
    return v;
}

int cli_flag(const struct cli_args *a, const char *name)
{
    int i;

    for (i = 0; i < a->n; i++)
        if (strcmp(a->name[i], name) == 0)
            return 1;
    return 0;
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("utsec: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(" (see 'utsec --help')\n", stderr);
    return CLI_USAGE;
}

const char *cli_req(const struct cli_args *a, const char *name)
{
    const char *v = cli_opt(a, name);

    if (v == NULL)
        cli_usage_error("%s: missing --%s", a->cmd, name);
    return v;
}

int cli_hex(const struct cli_args *a, const char *name, uint8_t *out,
            size_t len, size_t cap, size_t *out_len)
{
    const char *v = cli_req(a, name);
    size_t n;

    if (v == NULL)
        return CLI_USAGE;
    if (hex_decode(v, strlen(v), out, len ? len : cap, &n) != 0)
        return cli_usage_error("%s: --%s: malformed hex or too long", a->cmd,
                               name);
    if (len != 0 && n != len)
        return cli_usage_error("%s: --%s: expected %zu octets (%zu hex digits)",
                               a->cmd, name, len, 2 * len);
    if (out_len != NULL)
        *out_len = n;
    return CLI_OK;
}

int cli_fail(int err, const char *what)
{
    if (what != NULL)
        fprintf(stderr, "utsec: %s: %s\n", what, utsec_strerror(err));
    else
        fprintf(stderr, "utsec: %s\n", utsec_strerror(err));
    return CLI_INVALID;
}

void cli_out_hex(const char *name, const uint8_t *p, size_t n)
{
    char buf[2 * 512 + 1];
    size_t i;

    printf("%s: ", name);
    for (i = 0; i < n; i += 512) {
        size_t k = n - i > 512 ? 512 : n - i;
        hex_encode(p + i, k, buf);
        fputs(buf, stdout);
    }
    putchar('\n');
}

void cli_out_str(const char *name, const char *s, size_t n)
{
    printf("%s: %.*s\n", name, (int)n, s);
}
