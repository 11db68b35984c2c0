/*
 * ap: the NAF and Authentication Proxy of the lab (examples/README.md).
 * Shared state of its files: main.c (options, listeners, loop), zn.c (the
 * Zn client), ua_psk.c (TLS-PSK listener, TS 33.222 §5.4), ua_digest.c
 * (HTTPS + HTTP Digest listener, TS 33.222 §5.3) and proxy.c (identity
 * decision and forwarding, TS 24.109 §7, TS 33.222 §4.4).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef AP_H
#define AP_H

#include <stddef.h>
#include <stdint.h>

#include "ex_http.h"
#include "ex_tls.h"
#include "utsec/digest.h"
#include "utsec/identity.h"
#include "utsec/tls_psk.h"
#include "zn.h"

#define AP_PS_HOST "presence.example.net" /* checked in the PS certificate */
#define AP_REPLAY_ENTRIES 64


/* An answer to the UE: status, content type (may be NULL) and body. */
typedef struct ap_answer {
    int status;
    const char *ctype;
    const char *body;
    size_t body_len;
} ap_answer_t;

typedef struct ap {
    /* configuration */
    const char *fqdn;
    size_t fqdn_len;
    uint16_t zn_port, ps_port;
    utsec_id_ue_asserted_policy_t forged;

    /* mutual TLS to the presence server; also holds the AP's certificate,
     * key and RNG, which the Ua listeners share */
    ex_tls_node_t node;
    int node_ok;

    /* Ua: TLS-PSK (TS 33.222 §5.4) */
    mbedtls_ssl_config psk_conf;
    utsec_tls_naf_t naf;

    /* Ua: HTTPS with the AP's certificate + Digest (TS 33.222 §5.3) */
    mbedtls_ssl_config https_conf;
    int https_suites[8];
    utsec_digest_server_t digest;
    utsec_digest_replay_entry_t replay_entries[AP_REPLAY_ENTRIES];
    utsec_digest_replay_t replay;
    char realm[UTSEC_TLS_FQDN_SIZE + 32];
    uint8_t nonce_secret[32];
    int digest_ok;

    /* per request */
    const uint8_t *naf_id; /* NAF_Id of the current Ua connection */
    size_t naf_id_len;
    ap_zn_t zn;
    int zn_rc;             /* outcome of the last Zn lookup */
    ex_http_msg_t req;     /* the UE's request */
    ex_http_msg_t resp;    /* the Zn or presence-server response */
    ex_http_out_t out;     /* outgoing message */
    char head[UTSEC_ID_HTTP_MAX_BLOCK];
    char asserted[UTSEC_ID_MAX_HEADER + 1];
    utsec_digest_authorization_t auth;
    char scratch[UTSEC_DIGEST_MAX_INPUT];
} ap_t;

/* zn.c: GET /zn?btid=..&naf_id=<hex> on 127.0.0.1:zn_port. 0 with *out
 * filled (status 200, a well-formed answer), UTSEC_ERR_UNKNOWN_ID (404),
 * UTSEC_ERR_EXPIRED (410, or a lifetime that has passed), UTSEC_ERR_PARSE
 * (malformed answer) or UTSEC_ERR_CALLBACK (BSF unreachable or another
 * status). Prints the exchange and one decision line. */
int ap_zn_query(ap_t *ap, const char *btid, size_t btid_len, const uint8_t *naf_id,
                size_t naf_id_len, ap_zn_t *out);

/* ua_psk.c / ua_digest.c: set up the listener's TLS configuration (and
 * Digest server), serve one accepted connection, release. */
int ap_psk_init(ap_t *ap);
void ap_psk_serve(ap_t *ap, int fd);
void ap_psk_free(ap_t *ap);
int ap_digest_init(ap_t *ap);
void ap_digest_serve(ap_t *ap, int fd);
void ap_digest_free(ap_t *ap);

/* proxy.c: the identity decision for ap->req with the user's identities,
 * then forwarding over mutual TLS and relaying the answer into *ans
 * (pointing into ap->resp, or at a fixed error text). */
void ap_proxy(ap_t *ap, const utsec_id_view_t *ids, size_t n_ids, ap_answer_t *ans);

/* proxy.c: send an answer to the UE; auth_info (may be NULL) becomes an
 * Authentication-Info header, www_auth a WWW-Authenticate header.
 * 0 or -1. */
int ap_respond(ap_t *ap, ex_conn_t *c, const ap_answer_t *ans, const char *www_auth,
               const char *auth_info);

#endif
