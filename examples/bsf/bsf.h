/*
 * bsf: the Zn endpoint (zn.c), simplified for the demo: TS 29.109 is
 * Diameter; here a plain HTTP GET on loopback, on its own port.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef BSF_BSF_H
#define BSF_BSF_H

#include "ex_http.h"
#include "utsec/bootstrap.h"

/* Serve one Zn request on c:
 *   GET /zn?btid=<B-TID, percent-encoded>&naf_id=<hex NAF_Id>
 *   -> 200 text/plain "impi: ", "ks_naf: <hex>", "lifetime: <unix s>",
 *      "impu: " lines; 404 unknown B-TID; 410 key lifetime passed;
 *      400 malformed request. in/out are work areas. */
void zn_serve(const utsec_boot_store_t *store, ex_http_msg_t *in,
              ex_http_out_t *out, ex_conn_t *c);

#endif
