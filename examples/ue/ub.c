/*
 * ue: Ub bootstrapping (TS 24.109 §4, Annex A; TS 33.220 §4.5.2) with the
 * library's UE state machine and a software USIM: Milenage with K and OPc,
 * the SQN state of TS 33.102 Annex C with an IND of 0 bits, so that SQN_MS
 * alone is the card's whole state (it is what the state file keeps).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "ex_http.h"
#include "ue.h"

#define UB_MAX_EXCHANGES 6

/* The working set of one run (large: keep it off the stack). */
typedef struct ub_run {
    utsec_rng_default_t rng;
    utsec_aka_key_t key;
    utsec_aka_sqn_state_t sqn;
    utsec_aka_soft_usim_t usim;
    utsec_boot_ue_t ue;
    utsec_boot_ctx_t ctx;
    char authz[UTSEC_BOOT_UE_AUTHZ_SIZE];
    char ua[UTSEC_BOOT_UE_UA_SIZE];
    ex_http_out_t out;
    ex_http_msg_t in;
} ub_run_t;

static ub_run_t run_area;

static void sqn_bytes(uint64_t v, uint8_t out[UTSEC_AKA_SQN_LEN])
{
    int i;

    for (i = UTSEC_AKA_SQN_LEN - 1; i >= 0; i--, v >>= 8)
        out[i] = (uint8_t)(v & 0xFF);
}

static int setup(ub_run_t *r, const ue_state_t *st)
{
    utsec_boot_ue_config_t cfg;
    uint8_t sqn[UTSEC_AKA_SQN_LEN];
    int rc;

    utsec_aka_key_init(&r->key);
    rc = utsec_rng_default_init(&r->rng, (const uint8_t *)"ue-ub", 5);
    if (rc == 0)
        rc = utsec_aka_key_setup_milenage(&r->key, st->k, st->opc, 0, 8);
    if (rc == 0)
        rc = utsec_aka_sqn_init(&r->sqn, 0, UTSEC_AKA_DELTA_DEFAULT, 0);
    if (rc == 0 && st->sqn_ms != 0) {
        sqn_bytes(st->sqn_ms, sqn);
        rc = utsec_aka_sqn_accept(&r->sqn, sqn);
    }
    if (rc != 0)
        return rc;
    r->usim.key = &r->key;
    r->usim.sqn = &r->sqn;
    memset(&cfg, 0, sizeof(cfg));
    cfg.impi = st->impi;
    cfg.impi_len = strlen(st->impi);
    cfg.bsf_host = UE_BSF_HOST;
    cfg.bsf_host_len = strlen(UE_BSF_HOST);
    cfg.product = "libutsec-example-ue/1.0";
    cfg.product_len = strlen(cfg.product);
    cfg.usim = utsec_aka_soft_usim;
    cfg.usim_ctx = &r->usim;
    cfg.rng = utsec_rng_default;
    cfg.rng_ctx = &r->rng;
    return utsec_boot_ue_init(&r->ue, &cfg);
}

/* One GET / on a new connection; the answer in r->in. 0 or -1. */
static int exchange(ub_run_t *r, uint16_t port)
{
    ex_conn_t c;
    int rc = -1;

    c.ssl = NULL;
    c.fd = ex_connect(port);
    if (c.fd < 0) {
        printf("ue     Ub: cannot connect to the BSF on port %u\n", (unsigned)port);
        return -1;
    }
    ex_http_out_request(&r->out, UTSEC_BOOT_UB_METHOD, UTSEC_BOOT_UB_URI, UE_BSF_HOST);
    ex_http_out_header(&r->out, "User-Agent", "%s", r->ua);
    ex_http_out_header(&r->out, "Authorization", "%s", r->authz);
    ex_http_out_end(&r->out, NULL, NULL, 0);
    ex_log_out(stdout, "ue", "-> bsf", &r->out);
    if (ex_http_out_flush(&c, &r->out) == 0 &&
        ex_http_read_response(&c, &r->in) == 0) {
        ex_log_msg(stdout, "ue", "<- bsf", &r->in);
        rc = 0;
    } else {
        printf("ue     Ub: no answer from the BSF\n");
    }
    ex_close(c.fd);
    return rc;
}

static int take_answer(ub_run_t *r, int *done)
{
    const char *www, *ai;
    int rc, resync = 0;

    if (r->in.status == 401) {
        www = ex_http_header(&r->in, "WWW-Authenticate");
        if (www == NULL)
            return UTSEC_ERR_NO_CHALLENGE;
        rc = utsec_boot_ue_on_401(&r->ue, www, strlen(www), r->authz, sizeof(r->authz),
                                  NULL, &resync);
        if (rc == UTSEC_ERR_MAC_FAILURE)
            printf("ue     USIM: MAC failure: the network is not authentic, stopping\n");
        else if (rc == 0 && resync)
            printf("ue     USIM: SQN not acceptable: answering with AUTS (resynchronisation)\n");
        else if (rc == 0)
            printf("ue     USIM: AUTN verified, answering with RES\n");
        return rc;
    }
    if (r->in.status == 200) {
        ai = ex_http_header(&r->in, "Authentication-Info");
        rc = utsec_boot_ue_on_200(&r->ue, ai, ai != NULL ? strlen(ai) : 0, r->in.body,
                                  r->in.body_len);
        if (rc == 0) {
            printf("ue     BSF authenticated (rspauth), bootstrapping info accepted\n");
            *done = 1;
        }
        return rc;
    }
    return UTSEC_ERR_BOOTSTRAP;
}

int ue_bootstrap(ue_state_t *st, int *last_status)
{
    ub_run_t *r = &run_area;
    int rc, i, done = 0;

    *last_status = 0;
    memset(r, 0, sizeof(*r));
    rc = setup(r, st);
    if (rc == 0)
        rc = utsec_boot_ue_start(&r->ue, r->authz, sizeof(r->authz), NULL, r->ua,
                                 sizeof(r->ua), NULL);
    for (i = 0; rc == 0 && !done && i < UB_MAX_EXCHANGES; i++) {
        if (exchange(r, st->bsf_port) != 0) {
            rc = -1;
            break;
        }
        *last_status = r->in.status;
        rc = take_answer(r, &done);
    }
    if (rc == 0 && !done)
        rc = UTSEC_ERR_BOOTSTRAP;
    /* the card's SQN_MS moves with every accepted challenge */
    st->sqn_ms = r->sqn.sqn_ms;
    if (rc == 0)
        rc = utsec_boot_ue_export(&r->ue, &r->ctx);
    if (rc == 0) {
        memcpy(st->btid, r->ctx.btid, r->ctx.btid_len + 1);
        memcpy(st->rand, r->ctx.rand, sizeof(st->rand));
        memcpy(st->ks, r->ctx.ks, sizeof(st->ks));
        st->lifetime = r->ctx.lifetime;
        st->have_keys = 1;
    } else {
        if (rc != -1)
            printf("ue     bootstrapping failed: %s\n", utsec_strerror(rc));
        st->have_keys = 0;
        utsec_wipe(st->ks, sizeof(st->ks));
    }
    utsec_boot_ue_free(&r->ue);
    utsec_aka_key_free(&r->key);
    utsec_rng_default_free(&r->rng);
    utsec_wipe(r, sizeof(*r));
    fflush(stdout);
    return rc;
}
