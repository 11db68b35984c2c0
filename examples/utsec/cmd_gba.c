/*
 * `utsec` GBA commands (TS 33.220): kdf, ks-naf, btid, tmpi, akma-kaf,
 * plus btid-parse and lifetime.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "hex.h"
#include "utsec/gba.h"

static int cmd_kdf(const struct cli_args *a)
{
    static uint8_t key[4096], pbuf[UTSEC_GBA_KDF_MAX_PARAMS][1024];
    utsec_gba_param_t p[UTSEC_GBA_KDF_MAX_PARAMS];
    uint8_t out[UTSEC_GBA_KEY_LEN], fcb[2];
    size_t key_len, fc_len, np = 0;
    const char *fc_s;
    unsigned fc;
    int i, rc;

    if ((rc = cli_hex(a, "key", key, 0, sizeof(key), &key_len)) != CLI_OK)
        return rc;
    if ((fc_s = cli_req(a, "fc")) == NULL)
        return CLI_USAGE;
    if ((strlen(fc_s) != 2 && strlen(fc_s) != 4) ||
        cli_hex(a, "fc", fcb, 0, sizeof(fcb), &fc_len) != CLI_OK)
        return cli_usage_error("kdf: --fc takes one octet (2 hex digits) or "
                               "FFxx");
    fc = fc_len == 1 ? fcb[0] : (unsigned)(fcb[0] << 8 | fcb[1]);
    if (fc_len == 2 && fcb[0] != 0xFF)
        return cli_usage_error("kdf: a two-octet --fc must start with FF");
    for (i = 0; i < a->n; i++) {
        size_t n;
        if (strcmp(a->name[i], "param") != 0)
            continue;
        if (np == UTSEC_GBA_KDF_MAX_PARAMS)
            return cli_usage_error("kdf: at most %d --param",
                                   UTSEC_GBA_KDF_MAX_PARAMS);
        if (hex_decode(a->val[i], strlen(a->val[i]), pbuf[np], sizeof(pbuf[np]), &n))
            return cli_usage_error("kdf: --param: malformed hex or longer "
                                   "than %zu octets", sizeof(pbuf[np]));
        p[np].data = pbuf[np];
        p[np].len = n;
        np++;
    }
    rc = utsec_gba_kdf(key, key_len, fc, p, np, out);
    if (rc != 0)
        return cli_fail(rc, "kdf");
    cli_out_hex("output", out, sizeof(out));
    return CLI_OK;
}

/* Text options are taken as given; none may be empty. */
static const char *text(const struct cli_args *a, const char *name)
{
    const char *v = cli_req(a, name);

    if (v != NULL && *v == '\0') {
        cli_usage_error("%s: --%s must not be empty", a->cmd, name);
        return NULL;
    }
    return v;
}

static int cmd_ks_naf(const struct cli_args *a)
{
    uint8_t ck[16], ik[16], rnd[16], ua[5], naf_id[1024];
    uint8_t ks_naf[32], ks_int[32];
    char pw[UTSEC_GBA_PASSWORD_SIZE];
    const char *impi, *fqdn;
    size_t naf_id_len;
    int rc;

    if ((rc = cli_hex(a, "ck", ck, 16, 0, NULL)) ||
        (rc = cli_hex(a, "ik", ik, 16, 0, NULL)) ||
        (rc = cli_hex(a, "rand", rnd, 16, 0, NULL)))
        return rc;
    if ((impi = text(a, "impi")) == NULL || (fqdn = text(a, "naf-fqdn")) == NULL)
        return CLI_USAGE;
    if ((rc = cli_hex(a, "ua-id", ua, 5, 0, NULL)))
        return rc;
    rc = utsec_gba_naf_id(fqdn, strlen(fqdn), ua, naf_id, sizeof(naf_id),
                          &naf_id_len);
    if (rc == 0)
        rc = utsec_gba_ks_naf_ck_ik(ck, ik, UTSEC_GBA_VARIANT_ME, rnd, impi,
                                    strlen(impi), naf_id, naf_id_len, ks_naf);
    if (rc == 0)
        rc = utsec_gba_ks_naf_ck_ik(ck, ik, UTSEC_GBA_VARIANT_U_INT, rnd, impi,
                                    strlen(impi), naf_id, naf_id_len, ks_int);
    if (rc == 0)
        rc = utsec_gba_digest_password(ks_naf, pw, sizeof(pw), NULL);
    if (rc != 0)
        return cli_fail(rc, "ks-naf");
    cli_out_hex("naf_id", naf_id, naf_id_len);
    cli_out_hex("ks_naf", ks_naf, 32);
    cli_out_hex("ks_int_naf", ks_int, 32);
    printf("password: %s\n", pw);
    return CLI_OK;
}

static int cmd_btid(const struct cli_args *a)
{
    uint8_t rnd[16];
    char btid[UTSEC_GBA_BTID_MAX_SIZE];
    const char *host;
    int rc;

    if ((rc = cli_hex(a, "rand", rnd, 16, 0, NULL)))
        return rc;
    if ((host = text(a, "bsf-host")) == NULL)
        return CLI_USAGE;
    rc = utsec_gba_btid_build(rnd, host, strlen(host), btid, sizeof(btid), NULL);
    if (rc != 0)
        return cli_fail(rc, "btid");
    printf("btid: %s\n", btid);
    return CLI_OK;
}

static int cmd_btid_parse(const struct cli_args *a)
{
    uint8_t rnd[16];
    const char *btid, *host;
    size_t host_len;
    int rc;

    if ((btid = cli_req(a, "btid")) == NULL)
        return CLI_USAGE;
    rc = utsec_gba_btid_parse(btid, strlen(btid), rnd, &host, &host_len);
    if (rc != 0)
        return cli_fail(rc, "btid-parse");
    cli_out_hex("rand", rnd, 16);
    cli_out_str("bsf_host", host, host_len);
    return CLI_OK;
}

static int cmd_tmpi(const struct cli_args *a)
{
    uint8_t ck[16], ik[16], rnd[16], ks[32];
    char tmpi[UTSEC_GBA_TMPI_SIZE];
    const char *impi, *host;
    int rc;

    if ((rc = cli_hex(a, "ck", ck, 16, 0, NULL)) ||
        (rc = cli_hex(a, "ik", ik, 16, 0, NULL)) ||
        (rc = cli_hex(a, "rand", rnd, 16, 0, NULL)))
        return rc;
    if ((impi = text(a, "impi")) == NULL || (host = text(a, "bsf-host")) == NULL)
        return CLI_USAGE;
    rc = utsec_gba_ks(ck, ik, ks);
    if (rc == 0)
        rc = utsec_gba_tmpi(ks, rnd, impi, strlen(impi), host, strlen(host),
                            tmpi, sizeof(tmpi), NULL);
    utsec_wipe(ks, sizeof(ks));
    if (rc != 0)
        return cli_fail(rc, "tmpi");
    printf("tmpi: %s\n", tmpi);
    return CLI_OK;
}

static int cmd_akma_kaf(const struct cli_args *a)
{
    uint8_t kakma[32], ua[5], af_id[1024], kaf[32];
    const char *fqdn;
    size_t af_id_len;
    int rc;

    if ((rc = cli_hex(a, "kakma", kakma, 32, 0, NULL)))
        return rc;
    if ((fqdn = text(a, "af-fqdn")) == NULL)
        return CLI_USAGE;
    if ((rc = cli_hex(a, "ua-id", ua, 5, 0, NULL)))
        return rc;
    rc = utsec_gba_naf_id(fqdn, strlen(fqdn), ua, af_id, sizeof(af_id),
                          &af_id_len);
    if (rc == 0)
        rc = utsec_gba_akma_kaf(kakma, af_id, af_id_len, kaf);
    if (rc != 0)
        return cli_fail(rc, "akma-kaf");
    cli_out_hex("af_id", af_id, af_id_len);
    cli_out_hex("k_af", kaf, 32);
    return CLI_OK;
}

static int cmd_lifetime(const struct cli_args *a)
{
    const char *v = cli_req(a, "time"), *now_s = cli_opt(a, "now");
    int64_t t, now;
    char buf[UTSEC_GBA_TIME_SIZE];
    int rc;

    if (v == NULL)
        return CLI_USAGE;
    rc = utsec_gba_time_parse(v, strlen(v), &t);
    if (rc == 0)
        rc = utsec_gba_time_format(t, buf, sizeof(buf), NULL);
    if (rc != 0)
        return cli_fail(rc, "lifetime --time");
    if (now_s != NULL) {
        rc = utsec_gba_time_parse(now_s, strlen(now_s), &now);
        if (rc != 0)
            return cli_fail(rc, "lifetime --now");
    } else {
        now = utsec_time_now(NULL);
    }
    printf("unix: %lld\n", (long long)t);
    printf("utc: %s\n", buf);
    printf("valid: %s\n", utsec_gba_key_valid(t, now) == 0 ? "yes" : "no");
    return CLI_OK;
}

static const char *const o_kdf[] = {"key", "fc", "param", NULL};
static const char *const o_ks_naf[] = {"ck", "ik", "rand", "impi",
                                       "naf-fqdn", "ua-id", NULL};
static const char *const o_btid[] = {"rand", "bsf-host", NULL};
static const char *const o_btid_parse[] = {"btid", NULL};
static const char *const o_tmpi[] = {"ck", "ik", "rand", "impi", "bsf-host",
                                     NULL};
static const char *const o_akma[] = {"kakma", "af-fqdn", "ua-id", NULL};
static const char *const o_lifetime[] = {"time", "now", NULL};

const struct cli_cmd cli_gba_cmds[] = {
    {"kdf", "--key HEX --fc HEX2 [--param HEX]...",
     "TS 33.220 B.2 KDF: prints output (HMAC-SHA-256 over FC||P0||L0||...)",
     o_kdf, cmd_kdf},
    {"ks-naf",
     "--ck HEX32 --ik HEX32 --rand HEX32 --impi TEXT --naf-fqdn TEXT --ua-id HEX10",
     "TS 33.220 B.3: prints naf_id, ks_naf, ks_int_naf, password",
     o_ks_naf, cmd_ks_naf},
    {"btid", "--rand HEX32 --bsf-host TEXT",
     "TS 33.220 4.5.2: prints btid = base64(RAND)@host", o_btid, cmd_btid},
    {"btid-parse", "--btid TEXT",
     "parse a B-TID: prints rand, bsf_host", o_btid_parse, cmd_btid_parse},
    {"tmpi", "--ck HEX32 --ik HEX32 --rand HEX32 --impi TEXT --bsf-host TEXT",
     "TS 33.220 B.4: prints tmpi", o_tmpi, cmd_tmpi},
    {"akma-kaf", "--kakma HEX64 --af-fqdn TEXT --ua-id HEX10",
     "TS 33.535 A.4: prints af_id, k_af", o_akma, cmd_akma_kaf},
    {"lifetime", "--time XS-DATETIME [--now XS-DATETIME]",
     "key lifetime: prints unix, utc, valid (yes/no at --now or the clock)",
     o_lifetime, cmd_lifetime},
    {NULL, NULL, NULL, NULL, NULL},
};
