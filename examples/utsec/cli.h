/*
 * The `utsec` command-line tool: shared definitions for its command files.
 * Contract: ../shared/CLI.md (copied in docs/cli.md).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_CLI_H
#define UTSEC_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "utsec/utsec.h"

/* Exit statuses of the contract. */
#define CLI_OK 0
#define CLI_INVALID 1 /* input understood but invalid, or a check failed */
#define CLI_USAGE 2   /* unknown command/option, missing or malformed argument */

#define CLI_MAX_ARGS 64

/* Parsed `--name value` options of one command, in command-line order. */
struct cli_args {
    int n;
    const char *name[CLI_MAX_ARGS];
    const char *val[CLI_MAX_ARGS]; /* NULL for a flag */
    const char *cmd;
};

struct cli_cmd {
    const char *name;
    const char *usage;           /* one line: the options */
    const char *help;            /* what it prints */
    const char *const *options;  /* NULL-terminated; "name" takes a value, "name!" is a flag */
    int (*run)(const struct cli_args *a);
};

/* Command tables, one per module; each ends with an entry whose name is NULL. */
extern const struct cli_cmd cli_gba_cmds[];
extern const struct cli_cmd cli_digest_cmds[];
extern const struct cli_cmd cli_boot_cmds[];
extern const struct cli_cmd cli_aka_cmds[];
extern const struct cli_cmd cli_tls_cmds[];
extern const struct cli_cmd cli_identity_cmds[];

/* The value of option `name`, or NULL when absent (the last one if repeated). */
const char *cli_opt(const struct cli_args *a, const char *name);
/* Whether the flag `name` was given. */
int cli_flag(const struct cli_args *a, const char *name);
/* A required option: prints a usage error and returns NULL when absent. */
const char *cli_req(const struct cli_args *a, const char *name);

/* Decode required option `name` as hex of exactly `len` octets (len 0: any
 * length up to cap). Returns CLI_OK or CLI_USAGE (message printed). */
int cli_hex(const struct cli_args *a, const char *name, uint8_t *out,
            size_t len, size_t cap, size_t *out_len);

/* Print "utsec: <msg>" for a usage error and return CLI_USAGE. */
int cli_usage_error(const char *fmt, ...);
/* Print "utsec: <utsec_strerror(err)>" (with optional context) and return CLI_INVALID. */
int cli_fail(int err, const char *what);

/* Output helpers: "name: value". */
void cli_out_hex(const char *name, const uint8_t *p, size_t n);
void cli_out_str(const char *name, const char *s, size_t n);

#endif
