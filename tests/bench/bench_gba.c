/*
 * GBA benchmarks: Ks_NAF derivation against one raw HMAC-SHA-256 over the
 * same 127-octet S (FACTS §8.3) with mbedTLS's HMAC (context set up once).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "bench.h"

#include <string.h>

#include <mbedtls/md.h>

#include "crypto.h"
#include "utsec/gba.h"

struct gba_ctx {
    uint8_t ks[32], rnd[16], naf_id[64], s[127], out[32];
    size_t naf_id_len;
    mbedtls_md_context_t md;
};

static const char impi[] = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
static const char fqdn[] = "xcap.ims.mnc001.mcc001.pub.3gppnetwork.org";

static int op_ks_naf(void *p, size_t iters)
{
    struct gba_ctx *c = p;

    while (iters--)
        if (utsec_gba_ks_naf(c->ks, UTSEC_GBA_VARIANT_ME, c->rnd, impi,
                             sizeof(impi) - 1, c->naf_id, c->naf_id_len, c->out))
            return -1;
    return 0;
}

static int floor_hmac(void *p, size_t iters)
{
    struct gba_ctx *c = p;

    while (iters--)
        if (mbedtls_md_hmac_starts(&c->md, c->ks, 32) ||
            mbedtls_md_hmac_update(&c->md, c->s, sizeof(c->s)) ||
            mbedtls_md_hmac_finish(&c->md, c->out))
            return -1;
    return 0;
}

void bench_gba(void)
{
    static struct gba_ctx c;
    size_t n;

    memset(c.ks, 0x42, sizeof(c.ks));
    memset(c.rnd, 0x23, sizeof(c.rnd));
    utsec_gba_naf_id(fqdn, sizeof(fqdn) - 1, UTSEC_GBA_UA_HTTP_DIGEST, c.naf_id,
                     sizeof(c.naf_id), &c.naf_id_len);
    /* S = 01 || "gba-me" 0006 || RAND 0010 || IMPI 0031 || NAF_Id 002f */
    n = 0;
    c.s[n++] = 1;
    memcpy(c.s + n, "gba-me\x00\x06", 8); n += 8;
    memcpy(c.s + n, c.rnd, 16); n += 16;
    c.s[n++] = 0; c.s[n++] = 16;
    memcpy(c.s + n, impi, 49); n += 49;
    c.s[n++] = 0; c.s[n++] = 49;
    memcpy(c.s + n, c.naf_id, 47); n += 47;
    c.s[n++] = 0; c.s[n++] = 47;
    mbedtls_md_init(&c.md);
    mbedtls_md_setup(&c.md, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1);
    bench_report("ks_naf", bench_rate(op_ks_naf, &c, 200),
                 bench_rate(floor_hmac, &c, 200), "ops/s",
                 "1 HMAC-SHA-256 over the same S (mbedtls_md_hmac_*)");
    mbedtls_md_free(&c.md);
}
