/*
 * `utsec` AKA commands: milenage, auts, resync, aka-nonce (contract in
 * docs/cli.md), plus tuak and xor.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "utsec/aka.h"

/* --k with exactly one of --op / --opc, into a Milenage key (RES 8). */
static int milenage_key(const struct cli_args *a, utsec_aka_key_t *key,
                        uint8_t opc_out[16])
{
    uint8_t k[16], op[16];
    int is_op = cli_opt(a, "op") != NULL, rc;

    if (is_op == (cli_opt(a, "opc") != NULL))
        return cli_usage_error("%s: give exactly one of --op and --opc",
                               a->cmd);
    if ((rc = cli_hex(a, "k", k, 16, 0, NULL)) ||
        (rc = cli_hex(a, is_op ? "op" : "opc", op, 16, 0, NULL)))
        return rc;
    utsec_aka_key_init(key);
    rc = utsec_aka_key_setup_milenage(key, k, op, is_op, 8);
    if (rc == 0 && opc_out != NULL) {
        if (is_op)
            rc = utsec_milenage_opc(k, op, opc_out);
        else
            memcpy(opc_out, op, 16);
    }
    utsec_wipe(k, sizeof(k));
    utsec_wipe(op, sizeof(op));
    if (rc != 0) {
        utsec_aka_key_free(key);
        return cli_fail(rc, a->cmd);
    }
    return CLI_OK;
}

/* Print every AKA output of a set-up key for RAND/SQN/AMF. */
static int print_vector(const struct cli_args *a, utsec_aka_key_t *key,
                        const uint8_t rnd[16], const uint8_t sqn[6],
                        const uint8_t amf[2])
{
    utsec_aka_vector_t av;
    uint8_t mac_s[8], ak_star[6];
    int rc;

    rc = utsec_aka_vector_from_rand(key, rnd, sqn, amf, &av);
    if (rc == 0)
        rc = utsec_aka_f1(key, rnd, sqn, amf, NULL, mac_s);
    if (rc == 0)
        rc = utsec_aka_f2345(key, rnd, NULL, NULL, NULL, NULL, ak_star);
    if (rc != 0) {
        utsec_aka_vector_wipe(&av);
        return cli_fail(rc, a->cmd);
    }
    cli_out_hex("mac_a", av.autn + 8, 8);
    cli_out_hex("mac_s", mac_s, 8);
    cli_out_hex("res", av.xres, av.xres_len);
    cli_out_hex("ck", av.ck, 16);
    cli_out_hex("ik", av.ik, 16);
    cli_out_hex("ak", av.ak, 6);
    cli_out_hex("ak_star", ak_star, 6);
    cli_out_hex("autn", av.autn, 16);
    utsec_aka_vector_wipe(&av);
    return CLI_OK;
}

static int rand_sqn_amf(const struct cli_args *a, uint8_t rnd[16],
                        uint8_t sqn[6], uint8_t amf[2])
{
    int rc;

    if ((rc = cli_hex(a, "rand", rnd, 16, 0, NULL)) ||
        (rc = cli_hex(a, "sqn", sqn, 6, 0, NULL)) ||
        (rc = cli_hex(a, "amf", amf, 2, 0, NULL)))
        return rc;
    return CLI_OK;
}

static int cmd_milenage(const struct cli_args *a)
{
    utsec_aka_key_t key;
    uint8_t opc[16], rnd[16], sqn[6], amf[2];
    int rc;

    if ((rc = milenage_key(a, &key, opc)) != CLI_OK)
        return rc;
    if ((rc = rand_sqn_amf(a, rnd, sqn, amf)) == CLI_OK) {
        cli_out_hex("opc", opc, 16);
        rc = print_vector(a, &key, rnd, sqn, amf);
    }
    utsec_aka_key_free(&key);
    utsec_wipe(opc, sizeof(opc));
    return rc;
}

static int cmd_auts(const struct cli_args *a)
{
    utsec_aka_key_t key;
    uint8_t rnd[16], sqn_ms[6], auts[14];
    int rc;

    if ((rc = milenage_key(a, &key, NULL)) != CLI_OK)
        return rc;
    if ((rc = cli_hex(a, "rand", rnd, 16, 0, NULL)) == CLI_OK &&
        (rc = cli_hex(a, "sqn-ms", sqn_ms, 6, 0, NULL)) == CLI_OK) {
        int err = utsec_aka_auts_generate(&key, rnd, sqn_ms, auts);
        if (err != 0)
            rc = cli_fail(err, "auts");
        else
            cli_out_hex("auts", auts, 14);
    }
    utsec_aka_key_free(&key);
    return rc;
}

static int cmd_resync(const struct cli_args *a)
{
    utsec_aka_key_t key;
    uint8_t rnd[16], auts[14], sqn_ms[6];
    int rc;

    if ((rc = milenage_key(a, &key, NULL)) != CLI_OK)
        return rc;
    if ((rc = cli_hex(a, "rand", rnd, 16, 0, NULL)) == CLI_OK &&
        (rc = cli_hex(a, "auts", auts, 14, 0, NULL)) == CLI_OK) {
        int err = utsec_aka_resync(&key, rnd, auts, 0, sqn_ms, NULL);
        /* exhaustion concerns the next SQN only; SQN_MS is valid */
        if (err != 0 && err != UTSEC_ERR_SQN_EXHAUSTED)
            rc = cli_fail(err, "resync");
        else
            cli_out_hex("sqn_ms", sqn_ms, 6);
    }
    utsec_aka_key_free(&key);
    return rc;
}

static int cmd_aka_nonce(const struct cli_args *a)
{
    static uint8_t sd[UTSEC_AKA_NONCE_MAX_SERVER_DATA];
    static char text[UTSEC_BASE64_ENCODED_SIZE(UTSEC_AKA_NONCE_MIN_LEN +
                                               UTSEC_AKA_NONCE_MAX_SERVER_DATA)];
    const char *dec = cli_opt(a, "decode");
    uint8_t rnd[16], autn[16];
    size_t sd_len = 0;
    int rc;

    if (dec != NULL) {
        if (cli_opt(a, "rand") || cli_opt(a, "autn") || cli_opt(a, "server-data"))
            return cli_usage_error("aka-nonce: --decode takes no other option");
        rc = utsec_aka_nonce_decode(dec, strlen(dec), rnd, autn, sd,
                                    sizeof(sd), &sd_len);
        if (rc != 0)
            return cli_fail(rc, "aka-nonce");
        cli_out_hex("rand", rnd, 16);
        cli_out_hex("autn", autn, 16);
        cli_out_hex("server_data", sd, sd_len);
        return CLI_OK;
    }
    if ((rc = cli_hex(a, "rand", rnd, 16, 0, NULL)) ||
        (rc = cli_hex(a, "autn", autn, 16, 0, NULL)))
        return rc;
    if (cli_opt(a, "server-data") != NULL &&
        (rc = cli_hex(a, "server-data", sd, 0, sizeof(sd), &sd_len)))
        return rc;
    rc = utsec_aka_nonce_encode(rnd, autn, sd, sd_len, text, sizeof(text), NULL);
    if (rc != 0)
        return cli_fail(rc, "aka-nonce");
    printf("nonce: %s\n", text);
    return CLI_OK;
}

/* Optional decimal option with an allowed set; *v keeps its default when
 * absent. Returns CLI_OK or CLI_USAGE. */
static int num_opt(const struct cli_args *a, const char *name, size_t lo,
                   size_t hi, const size_t *allowed, size_t *v)
{
    const char *s = cli_opt(a, name);
    char *end;
    unsigned long n;
    size_t i;

    if (s == NULL)
        return CLI_OK;
    errno = 0;
    n = strtoul(s, &end, 10);
    if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || n < lo || n > hi)
        return cli_usage_error("%s: --%s: expected a number %zu..%zu", a->cmd,
                               name, lo, hi);
    if (allowed != NULL) {
        for (i = 0; allowed[i] != 0 && allowed[i] != n; i++)
            ;
        if (allowed[i] == 0)
            return cli_usage_error("%s: --%s %lu: not an allowed length",
                                   a->cmd, name, n);
    }
    *v = (size_t)n;
    return CLI_OK;
}

static int cmd_tuak(const struct cli_args *a)
{
    static const size_t macs[] = {8, 16, 32, 0}, ress[] = {4, 8, 16, 32, 0},
                        keys[] = {16, 32, 0};
    utsec_tuak_params_t p;
    uint8_t k[32], top[32], topc[32], rnd[16], sqn[6], amf[2];
    uint8_t mac_a[32], mac_s[32], res[32], ck[32], ik[32], ak[6], ak_star[6], autn[16];
    size_t k_len, iter = 1;
    int is_top = cli_opt(a, "top") != NULL, rc, i;

    if (is_top == (cli_opt(a, "topc") != NULL))
        return cli_usage_error("tuak: give exactly one of --top and --topc");
    p.mac_len = 8;
    p.res_len = 8;
    p.ck_len = 16;
    p.ik_len = 16;
    if ((rc = cli_hex(a, "k", k, 0, sizeof(k), &k_len)))
        return rc;
    if (k_len != 16 && k_len != 32)
        return cli_usage_error("tuak: --k: expected 16 or 32 octets");
    if ((rc = cli_hex(a, is_top ? "top" : "topc", top, 32, 0, NULL)) ||
        (rc = rand_sqn_amf(a, rnd, sqn, amf)) ||
        (rc = num_opt(a, "mac-len", 8, 32, macs, &p.mac_len)) ||
        (rc = num_opt(a, "res-len", 4, 32, ress, &p.res_len)) ||
        (rc = num_opt(a, "ck-len", 16, 32, keys, &p.ck_len)) ||
        (rc = num_opt(a, "ik-len", 16, 32, keys, &p.ik_len)) ||
        (rc = num_opt(a, "iterations", 1, 255, NULL, &iter)))
        goto out;
    p.iterations = (unsigned)iter;
    if (is_top)
        rc = utsec_tuak_topc(k, k_len, top, p.iterations, topc);
    else
        memcpy(topc, top, 32);
    if (rc == 0)
        rc = utsec_tuak_f1(k, k_len, topc, rnd, sqn, amf, 0, &p, mac_a);
    if (rc == 0)
        rc = utsec_tuak_f1(k, k_len, topc, rnd, sqn, amf, 1, &p, mac_s);
    if (rc == 0)
        rc = utsec_tuak_f2345(k, k_len, topc, rnd, &p, res, ck, ik, ak);
    if (rc == 0)
        rc = utsec_tuak_f5star(k, k_len, topc, rnd, p.iterations, ak_star);
    if (rc != 0) {
        rc = cli_fail(rc, "tuak");
        goto out;
    }
    cli_out_hex("topc", topc, 32);
    cli_out_hex("mac_a", mac_a, p.mac_len);
    cli_out_hex("mac_s", mac_s, p.mac_len);
    cli_out_hex("res", res, p.res_len);
    cli_out_hex("ck", ck, p.ck_len);
    cli_out_hex("ik", ik, p.ik_len);
    cli_out_hex("ak", ak, 6);
    cli_out_hex("ak_star", ak_star, 6);
    if (p.mac_len == 8) { /* AUTN carries a 64-bit MAC-A */
        for (i = 0; i < 6; i++)
            autn[i] = (uint8_t)(sqn[i] ^ ak[i]);
        memcpy(autn + 6, amf, 2);
        memcpy(autn + 8, mac_a, 8);
        cli_out_hex("autn", autn, 16);
    }
    rc = CLI_OK;
out:
    utsec_wipe(k, sizeof(k));
    utsec_wipe(topc, sizeof(topc));
    utsec_wipe(res, sizeof(res));
    utsec_wipe(ck, sizeof(ck));
    utsec_wipe(ik, sizeof(ik));
    return rc;
}

static int cmd_xor(const struct cli_args *a)
{
    utsec_aka_key_t key;
    uint8_t k[16], rnd[16], sqn[6], amf[2];
    size_t res_len = 16;
    int rc;

    if ((rc = cli_hex(a, "k", k, 16, 0, NULL)) ||
        (rc = rand_sqn_amf(a, rnd, sqn, amf)) ||
        (rc = num_opt(a, "res-len", 4, 16, NULL, &res_len)))
        return rc;
    utsec_aka_key_init(&key);
    rc = utsec_aka_key_setup_xor(&key, k, res_len);
    utsec_wipe(k, sizeof(k));
    if (rc != 0)
        return cli_fail(rc, "xor");
    rc = print_vector(a, &key, rnd, sqn, amf);
    utsec_aka_key_free(&key);
    return rc;
}

static const char *const opts_milenage[] = {"k", "op", "opc", "rand", "sqn", "amf", NULL};
static const char *const opts_auts[] = {"k", "op", "opc", "rand", "sqn-ms", NULL};
static const char *const opts_resync[] = {"k", "op", "opc", "rand", "auts", NULL};
static const char *const opts_nonce[] = {"rand", "autn", "server-data", "decode", NULL};
static const char *const opts_tuak[] = {"k", "top", "topc", "rand", "sqn", "amf",
                                        "mac-len", "res-len", "ck-len", "ik-len",
                                        "iterations", NULL};
static const char *const opts_xor[] = {"k", "rand", "sqn", "amf", "res-len", NULL};

const struct cli_cmd cli_aka_cmds[] = {
    {"milenage", "--k HEX32 (--op HEX32 | --opc HEX32) --rand HEX32 --sqn HEX12 --amf HEX4",
     "Milenage (TS 35.206): opc mac_a mac_s res ck ik ak ak_star autn",
     opts_milenage, cmd_milenage},
    {"auts", "--k HEX32 (--op HEX32 | --opc HEX32) --rand HEX32 --sqn-ms HEX12",
     "AUTS = (SQN_MS xor AK*) || MAC-S (TS 33.102 6.3.3), Milenage",
     opts_auts, cmd_auts},
    {"resync", "--k HEX32 (--op HEX32 | --opc HEX32) --rand HEX32 --auts HEX28",
     "recover SQN_MS from AUTS and check MAC-S (exit 1 on failure)",
     opts_resync, cmd_resync},
    {"aka-nonce", "--rand HEX32 --autn HEX32 [--server-data HEX] | --decode BASE64",
     "RFC 3310 nonce: base64(RAND || AUTN || server data), both ways",
     opts_nonce, cmd_aka_nonce},
    {"tuak", "--k HEX32|HEX64 (--top HEX64 | --topc HEX64) --rand HEX32 --sqn HEX12 "
             "--amf HEX4 [--mac-len 8|16|32] [--res-len 4|8|16|32] [--ck-len 16|32] "
             "[--ik-len 16|32] [--iterations N]",
     "TUAK (TS 35.231): topc mac_a mac_s res ck ik ak ak_star [autn]",
     opts_tuak, cmd_tuak},
    {"xor", "--k HEX32 --rand HEX32 --sqn HEX12 --amf HEX4 [--res-len 4..16]",
     "TS 34.108 XOR test algorithm: mac_a mac_s res ck ik ak ak_star autn",
     opts_xor, cmd_xor},
    {NULL, NULL, NULL, NULL, NULL},
};
