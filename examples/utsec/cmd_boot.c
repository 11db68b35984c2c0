/*
 * `utsec` Ub body commands (TS 24.109 Annex C): boot-info, parse-boot-info.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "utsec/bootstrap.h"
#include "utsec/gba.h"

static int cmd_boot_info(const struct cli_args *a)
{
    const char *btid = cli_req(a, "btid"), *lt = cli_req(a, "lifetime");
    const char *ct_s = cli_opt(a, "current-time");
    int64_t lifetime, ct;
    char doc[UTSEC_BOOT_INFO_FORMAT_MAX];
    size_t n;
    int rc;

    if (btid == NULL || lt == NULL)
        return CLI_USAGE;
    if ((rc = utsec_gba_time_parse(lt, strlen(lt), &lifetime)) != 0)
        return cli_fail(rc, "boot-info --lifetime");
    if (ct_s != NULL && (rc = utsec_gba_time_parse(ct_s, strlen(ct_s), &ct)) != 0)
        return cli_fail(rc, "boot-info --current-time");
    rc = utsec_boot_info_format(btid, strlen(btid), lifetime,
                                ct_s != NULL ? &ct : NULL, doc, sizeof(doc), &n);
    if (rc != 0)
        return cli_fail(rc, "boot-info");
    fwrite(doc, 1, n, stdout);
    putchar('\n');
    return CLI_OK;
}

static int cmd_parse_boot_info(const struct cli_args *a)
{
    static char doc[UTSEC_BOOT_INFO_MAX_DOC + 1];
    char t[UTSEC_GBA_TIME_SIZE], ct[UTSEC_GBA_TIME_SIZE] = "";
    utsec_boot_info_t bi;
    size_t n;
    int rc;

    (void)a;
    n = fread(doc, 1, sizeof(doc), stdin);
    if (ferror(stdin))
        return cli_usage_error("parse-boot-info: cannot read stdin");
    rc = utsec_boot_info_parse(doc, n, &bi);
    if (rc == 0)
        rc = utsec_gba_time_format(bi.lifetime, t, sizeof(t), NULL);
    if (rc == 0 && bi.has_current_time)
        rc = utsec_gba_time_format(bi.current_time, ct, sizeof(ct), NULL);
    if (rc != 0)
        return cli_fail(rc, "parse-boot-info");
    printf("btid: %s\nlifetime: %s\ncurrent_time: %s\n", bi.btid, t, ct);
    return CLI_OK;
}

static const char *const o_boot_info[] = {"btid", "lifetime", "current-time", NULL};
static const char *const o_none[] = {NULL};

const struct cli_cmd cli_boot_cmds[] = {
    {"boot-info", "--btid TEXT --lifetime XS-DATETIME [--current-time XS-DATETIME]",
     "TS 24.109 Annex C: prints the BootstrappingInfo document itself",
     o_boot_info, cmd_boot_info},
    {"parse-boot-info", "< document",
     "TS 24.109 Annex C: reads the document on stdin, prints btid, lifetime, "
     "current_time", o_none, cmd_parse_boot_info},
    {NULL, NULL, NULL, NULL, NULL},
};
