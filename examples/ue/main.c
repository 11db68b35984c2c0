/*
 * ue: the phone of the lab (examples/README.md).
 *
 *   ue --state FILE bootstrap --bsf-port P --impi I --k HEX --opc HEX --sqn HEX
 *   ue --state FILE put|get|delete|watcher --mode psk|digest --ap-port P --ca CA.crt
 *          [--xui URI] [--doc FILE] [--out FILE] [--watcher URI]
 *          [--intended URI] [--forge-asserted URI] [--replay] [--use-expired]
 *
 * Exit codes: 0 success, 1 refused or failed, 2 usage.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ue.h"
#include "ex_text.h"

static int usage(void)
{
    fprintf(stderr,
            "usage: ue --state FILE bootstrap --bsf-port P --impi I --k HEX --opc HEX --sqn HEX\n"
            "       ue --state FILE put|get|delete|watcher --mode psk|digest --ap-port P\n"
            "              --ca CA.crt [--xui URI] [--doc FILE] [--out FILE] [--watcher URI]\n"
            "              [--intended URI] [--forge-asserted URI] [--replay] [--use-expired]\n");
    return 2;
}

static int parse_port(const char *s, uint16_t *out)
{
    char *end;
    long v = strtol(s, &end, 10);

    if (*s == '\0' || *end != '\0' || v < 1 || v > 65535)
        return -1;
    *out = (uint16_t)v;
    return 0;
}

static int parse_sqn(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;

    if (*s == '\0' || strlen(s) > 12 || *s == '-' || *s == '+')
        return -1;
    v = strtoull(s, &end, 16);
    if (*end != '\0')
        return -1;
    *out = (uint64_t)v;
    return 0;
}

static int cmd_bootstrap(const char *path, int argc, char **argv)
{
    ue_state_t st;
    const char *impi = NULL, *k = NULL, *opc = NULL, *sqn = NULL, *port = NULL;
    int i, rc, status = 0, ok;

    for (i = 0; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--bsf-port") == 0)
            port = argv[i + 1];
        else if (strcmp(argv[i], "--impi") == 0)
            impi = argv[i + 1];
        else if (strcmp(argv[i], "--k") == 0)
            k = argv[i + 1];
        else if (strcmp(argv[i], "--opc") == 0)
            opc = argv[i + 1];
        else if (strcmp(argv[i], "--sqn") == 0)
            sqn = argv[i + 1];
        else
            return usage();
    }
    if (i != argc || !impi || !k || !opc || !sqn || !port)
        return usage();
    memset(&st, 0, sizeof(st));
    ok = strlen(impi) > 0 && strlen(impi) < sizeof(st.impi) &&
         ex_hex_exact(k, st.k, sizeof(st.k)) == 0 &&
         ex_hex_exact(opc, st.opc, sizeof(st.opc)) == 0 &&
         parse_sqn(sqn, &st.sqn_ms) == 0 && parse_port(port, &st.bsf_port) == 0;
    if (!ok) {
        ue_state_wipe(&st);
        return usage();
    }
    memcpy(st.impi, impi, strlen(impi) + 1);
    rc = ue_bootstrap(&st, &status);
    if (ue_state_save(&st, path) != 0)
        rc = -1;
    if (rc == 0)
        printf("btid: %s\n", st.btid);
    printf("status: %d\n", status);
    ue_state_wipe(&st);
    return rc == 0 ? 0 : 1;
}

static int cmd_ua(const char *path, ue_cmd_t cmd, int argc, char **argv)
{
    ue_ua_opts_t o;
    ue_state_t st;
    const char *mode = NULL, *port = NULL;
    int i, rc;

    memset(&o, 0, sizeof(o));
    o.cmd = cmd;
    for (i = 0; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--replay") == 0) {
            o.replay = 1;
            continue;
        }
        if (strcmp(argv[i], "--use-expired") == 0) {
            o.use_expired = 1;
            continue;
        }
        if (v == NULL)
            return usage();
        if (strcmp(argv[i], "--mode") == 0)
            mode = v;
        else if (strcmp(argv[i], "--ap-port") == 0)
            port = v;
        else if (strcmp(argv[i], "--ca") == 0)
            o.ca = v;
        else if (strcmp(argv[i], "--xui") == 0)
            o.xui = v;
        else if (strcmp(argv[i], "--doc") == 0)
            o.doc = v;
        else if (strcmp(argv[i], "--out") == 0)
            o.out = v;
        else if (strcmp(argv[i], "--watcher") == 0)
            o.watcher = v;
        else if (strcmp(argv[i], "--intended") == 0)
            o.intended = v;
        else if (strcmp(argv[i], "--forge-asserted") == 0)
            o.forge = v;
        else
            return usage();
        i++;
    }
    if (mode == NULL || port == NULL || o.ca == NULL || parse_port(port, &o.ap_port) != 0)
        return usage();
    if (strcmp(mode, "psk") == 0)
        o.psk = 1;
    else if (strcmp(mode, "digest") != 0)
        return usage();
    if (o.xui == NULL)
        o.xui = o.intended;
    if ((cmd != UE_WATCHER && o.xui == NULL) || (cmd == UE_PUT && o.doc == NULL) ||
        (cmd == UE_WATCHER && o.watcher == NULL))
        return usage();
    if (ue_state_load(&st, path) != 0)
        return 1;
    rc = ue_ua_run(&st, path, &o);
    ue_state_wipe(&st);
    return rc;
}

int main(int argc, char **argv)
{
    const char *path;
    const char *cmd;

    signal(SIGPIPE, SIG_IGN);
    if (argc < 4 || strcmp(argv[1], "--state") != 0)
        return usage();
    path = argv[2];
    cmd = argv[3];
    if (strcmp(cmd, "bootstrap") == 0)
        return cmd_bootstrap(path, argc - 4, argv + 4);
    if (strcmp(cmd, "put") == 0)
        return cmd_ua(path, UE_PUT, argc - 4, argv + 4);
    if (strcmp(cmd, "get") == 0)
        return cmd_ua(path, UE_GET, argc - 4, argv + 4);
    if (strcmp(cmd, "delete") == 0)
        return cmd_ua(path, UE_DELETE, argc - 4, argv + 4);
    if (strcmp(cmd, "watcher") == 0)
        return cmd_ua(path, UE_WATCHER, argc - 4, argv + 4);
    return usage();
}
