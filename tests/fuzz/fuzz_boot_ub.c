/*
 * libFuzzer harness: the Ub state machines on untrusted messages.
 * First octet selects the target:
 *   0: the BSF takes the rest as an Authorization value (after issuing a
 *      real challenge, so an outstanding vector exists);
 *   1: the UE takes the rest as the 401's WWW-Authenticate;
 *   2: the UE, having answered a fixed challenge, takes the rest as the
 *      200 OK: Authentication-Info, a NUL, the body.
 * Checks: statuses and states stay in their sets, an error never yields
 * keys, and a forged 200 is never accepted (it would need rspauth).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/bootstrap.h"
#include "../support/boot_fixture.h"

static const char host[] = "bsf.example.org";
static const char impi[] = "user@example.org";
static const uint8_t secret[16] = "0123456789abcdef";

static int rng(void *ctx, unsigned char *out, size_t len)
{
    (void)ctx;
    memset(out, 0x5a, len);
    return 0;
}

static int64_t clk(void *ctx)
{
    (void)ctx;
    return 1700000000;
}

static int usim(void *ctx, const uint8_t r[16], const uint8_t a[16], utsec_aka_ue_result_t *out)
{
    (void)ctx;
    (void)r;
    if (a[0] == 0xFF)
        return UTSEC_ERR_MAC_FAILURE;
    if (a[0] == 0xFE) {
        memset(out->auts, 3, sizeof(out->auts));
        return UTSEC_ERR_SYNC_FAILURE;
    }
    memset(out->res, 1, 8);
    out->res_len = 8;
    memset(out->ck, 2, 16);
    memset(out->ik, 3, 16);
    return 0;
}

static int hss_av(void *ctx, const char *id, size_t len, utsec_aka_vector_t *av)
{
    (void)ctx;
    if (len != sizeof(impi) - 1 || memcmp(id, impi, len) != 0)
        return UTSEC_ERR_NOT_FOUND;
    memset(av, 0, sizeof(*av));
    memset(av->rand, 4, 16);
    memset(av->autn, 5, 16);
    memset(av->xres, 1, 8);
    av->xres_len = 8;
    return 0;
}

static int hss_resync(void *ctx, const char *id, size_t len, const uint8_t r[16],
                      const uint8_t auts[14], utsec_aka_vector_t *av)
{
    (void)r;
    if (auts[0] != 3)
        return UTSEC_ERR_MAC_S_FAILURE;
    return hss_av(ctx, id, len, av);
}

static int put(void *ctx, const utsec_boot_ctx_t *c)
{
    (void)ctx;
    (void)c;
    return 0;
}

static utsec_boot_ue_t ue;
static utsec_boot_bsf_t bsf;
static utsec_boot_bsf_pending_t pending[2];
static utsec_digest_replay_entry_t replay[4];
static char authz[UTSEC_BOOT_UE_AUTHZ_SIZE], ua[UTSEC_BOOT_UE_UA_SIZE];

static void fuzz_bsf(const char *in, size_t n)
{
    static const char first[] = "Digest username=\"user@example.org\", realm=\"bsf.example.org\", "
                                "nonce=\"\", uri=\"/\", response=\"\"";
    static const utsec_boot_store_t store = {put, NULL, NULL, NULL};
    utsec_boot_bsf_config_t cfg;
    utsec_boot_bsf_reply_t r;
    int rc;

    tf_bsf_config(&cfg, host, secret, sizeof(secret), rng, clk, &store, pending, 2, replay, 4);
    cfg.key_lifetime = 60;
    cfg.hss_av = hss_av;
    cfg.hss_resync = hss_resync;
    if (utsec_boot_bsf_init(&bsf, &cfg) != 0 ||
        utsec_boot_bsf_handle(&bsf, "GET", 3, "/", 1, first, sizeof(first) - 1, &r) != 0 ||
        r.status != 401)
        abort();
    rc = utsec_boot_bsf_handle(&bsf, "GET", 3, "/", 1, in, n, &r);
    if (r.status != 200 && r.status != 401 && r.status != 400 && r.status != 403 &&
        r.status != 500)
        abort();
    if ((r.status == 401) != (r.www_authenticate != NULL) ||
        (r.status == 200) != (r.body != NULL) || (rc == 0 && r.status != 200 && r.status != 401))
        abort();
    utsec_boot_bsf_free(&bsf);
}

static void ue_setup(void)
{
    utsec_boot_ue_config_t cfg;

    memset(&cfg, 0, sizeof(cfg));
    cfg.impi = impi;
    cfg.impi_len = sizeof(impi) - 1;
    cfg.bsf_host = host;
    cfg.bsf_host_len = sizeof(host) - 1;
    cfg.usim = usim;
    cfg.rng = rng;
    cfg.time = clk;
    if (utsec_boot_ue_init(&ue, &cfg) != 0 ||
        utsec_boot_ue_start(&ue, authz, sizeof(authz), NULL, ua, sizeof(ua), NULL) != 0)
        abort();
}

static void fuzz_ue_401(const char *in, size_t n)
{
    utsec_boot_ue_state_t st;
    int rc;

    ue_setup();
    rc = utsec_boot_ue_on_401(&ue, in, n, authz, sizeof(authz), NULL, NULL);
    st = utsec_boot_ue_state(&ue);
    if (rc == 0 && st != UTSEC_BOOT_UE_SENT_RESPONSE && st != UTSEC_BOOT_UE_SENT_AUTS)
        abort();
    if (rc != 0 && st != UTSEC_BOOT_UE_SENT_INITIAL && st != UTSEC_BOOT_UE_FAILED)
        abort();
    utsec_boot_ue_free(&ue);
}

static void fuzz_ue_200(const char *in, size_t n)
{
    static const char www[] = "Digest realm=\"bsf.example.org\", algorithm=AKAv1-MD5, "
                              "qop=\"auth-int\", nonce=\"BAQEBAQEBAQEBAQEBAQEBAUFBQUFBQUFBQUFBQUFBQU=\"";
    const char *nul = memchr(in, '\0', n);
    size_t ai_len = nul != NULL ? (size_t)(nul - in) : n;

    ue_setup();
    if (utsec_boot_ue_on_401(&ue, www, sizeof(www) - 1, authz, sizeof(authz), NULL, NULL) != 0)
        abort();
    if (utsec_boot_ue_on_200(&ue, in, ai_len, nul != NULL ? nul + 1 : NULL,
                             nul != NULL ? n - ai_len - 1 : 0) == 0)
        abort(); /* a forged rspauth was accepted */
    if (utsec_boot_ue_state(&ue) != UTSEC_BOOT_UE_FAILED || utsec_boot_ue_check(&ue) == 0)
        abort();
    utsec_boot_ue_free(&ue);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    switch (data[0] % 3) {
    case 0: fuzz_bsf((const char *)data + 1, size - 1); break;
    case 1: fuzz_ue_401((const char *)data + 1, size - 1); break;
    default: fuzz_ue_200((const char *)data + 1, size - 1); break;
    }
    return 0;
}
