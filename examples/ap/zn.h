/*
 * ap: the Zn answer (examples/README.md "bsf": text/plain lines impi,
 * ks_naf, lifetime, impu) and its parser, kept free of sockets so that
 * tests/fuzz/fuzz_ex_ap_zn.c can compile it alone.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef AP_ZN_H
#define AP_ZN_H

#include <stddef.h>
#include <stdint.h>

#include "utsec/identity.h"
#include "utsec/tls_psk.h"

#define AP_MAX_IMPU 16
#define AP_IMPI_MAX 255

/* What the BSF answered over Zn for one B-TID and NAF_Id. Holds Ks_NAF:
 * wipe with ap_zn_clear() as soon as it is used. */
typedef struct ap_zn {
    int status;                      /* HTTP status of the answer, 0: none */
    char impi[AP_IMPI_MAX + 1];
    uint8_t ks_naf[UTSEC_TLS_KEY_LEN]; /* Ks_(ext)_NAF (secret) */
    int64_t lifetime;                /* Unix seconds */
    char ids[UTSEC_TLS_IDS_SIZE];    /* the IMPUs, each NUL-terminated */
    utsec_id_view_t impu[AP_MAX_IMPU]; /* views into ids */
    size_t n_impu;
} ap_zn_t;

/* Parse a 200 body (untrusted; need not be NUL-terminated) into *out,
 * which the caller has zeroed: 0, UTSEC_ERR_PARSE (malformed, a field
 * twice, impi/ks_naf/lifetime missing, an IMPU that is not a valid
 * identity) or UTSEC_ERR_TOO_MANY (more than AP_MAX_IMPU IMPUs or
 * UTSEC_TLS_IDS_SIZE octets). Unknown field names are ignored. On error
 * *out may hold part of the answer: wipe it with ap_zn_clear(). */
int ap_zn_parse(const char *body, size_t len, ap_zn_t *out);

/* Wipe an answer (it holds Ks_NAF). */
void ap_zn_clear(ap_zn_t *zn);

#endif
