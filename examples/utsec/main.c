/*
 * `utsec`: compute and check every value libutsec computes, from the shell.
 * The command names, options, output format and exit statuses are a
 * contract (docs/cli.md); commands may be added, none may change.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct cli_cmd *const tables[] = {
    cli_gba_cmds,
    cli_boot_cmds,
    cli_aka_cmds,
    cli_digest_cmds,
    cli_tls_cmds,
    cli_identity_cmds,
};

static const struct cli_cmd *find(const char *name)
{
    size_t t;
    const struct cli_cmd *c;

    for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
        for (c = tables[t]; c->name != NULL; c++)
            if (strcmp(c->name, name) == 0)
                return c;
    return NULL;
}

static void usage_all(FILE *f)
{
    size_t t;
    const struct cli_cmd *c;

    fprintf(f, "usage: utsec COMMAND [--option VALUE]...\n"
               "       utsec COMMAND --help\n\n"
               "libutsec %s: 3GPP Ut interface security (TS 33.220, 33.222, "
               "24.109).\nCommands:\n",
            utsec_version());
    for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
        for (c = tables[t]; c->name != NULL; c++)
            fprintf(f, "  %-26s %s\n", c->name, c->help);
    fprintf(f, "\nHex input is case-insensitive; output is one 'name: value' "
               "line per result.\nExit status: 0 success, 1 invalid input or "
               "failed check, 2 usage error.\n");
}

static void usage_cmd(FILE *f, const struct cli_cmd *c)
{
    fprintf(f, "usage: utsec %s %s\n  %s\n", c->name, c->usage, c->help);
}

/* Is `name` an option of c? Sets *flag when it takes no value. */
static int known_option(const struct cli_cmd *c, const char *name, int *flag)
{
    const char *const *o;
    size_t n = strlen(name);

    for (o = c->options; o != NULL && *o != NULL; o++) {
        size_t k = strlen(*o);
        if (k == n + 1 && (*o)[n] == '!' && strncmp(*o, name, n) == 0) {
            *flag = 1;
            return 1;
        }
        if (strcmp(*o, name) == 0) {
            *flag = 0;
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    const struct cli_cmd *c;
    struct cli_args a;
    int i;

    if (argc < 2) {
        fputs("utsec: missing command\n", stderr);
        usage_all(stderr);
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage_all(stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("version: %s\n", utsec_version());
        return CLI_OK;
    }
    c = find(argv[1]);
    if (c == NULL)
        return cli_usage_error("unknown command '%s'", argv[1]);
    memset(&a, 0, sizeof(a));
    a.cmd = c->name;
    for (i = 2; i < argc; i++) {
        const char *arg = argv[i];
        int flag = 0;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage_cmd(stdout, c);
            return CLI_OK;
        }
        if (strncmp(arg, "--", 2) != 0 || !known_option(c, arg + 2, &flag))
            return cli_usage_error("%s: unknown option '%s'", c->name, arg);
        if (a.n == CLI_MAX_ARGS)
            return cli_usage_error("%s: too many options", c->name);
        a.name[a.n] = arg + 2;
        a.val[a.n] = NULL;
        if (!flag) {
            if (i + 1 >= argc)
                return cli_usage_error("%s: option '%s' needs a value",
                                       c->name, arg);
            a.val[a.n] = argv[++i];
        }
        a.n++;
    }
    return c->run(&a);
}
