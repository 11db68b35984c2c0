/*
 * presence-server: an XCAP server (RFC 4825) for pres-rules documents
 * (RFC 5025) behind the Authentication Proxy (TS 33.222 §4.4, TS 24.109
 * §7). It believes X-3GPP-Asserted-Identity only from the AP's certificate
 * on the TS 33.210 mutual-TLS hop. See examples/README.md.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef PS_H
#define PS_H

#include <stddef.h>
#include <stdint.h>

#include "ex_http.h"
#include "utsec/identity.h"

#define PS_USERS 16              /* documents held (one per XUI) */
#define PS_DOC_MAX 16384         /* largest pres-rules document, octets */
#define PS_MAX_RULES 64          /* loader storage for one document */
#define PS_MAX_IDENTS 256
#define PS_MAX_VALIDITY 64

#define PS_AUID "pres-rules"
#define PS_DOC_NAME "index"
#define PS_MIME "application/auth-policy+xml"

/* One stored document, keyed by its XUI (compared by URI equivalence). */
typedef struct ps_doc {
    int used;
    char xui[UTSEC_ID_MAX_IDENTITY + 1];
    size_t xui_len;
    char body[PS_DOC_MAX];   /* the exact octets of the last PUT */
    size_t len;
    unsigned long version;   /* for the ETag */
} ps_doc_t;

/* The in-memory XCAP store plus scratch storage for loading one policy. */
typedef struct ps_store {
    ps_doc_t doc[PS_USERS];
    unsigned long next_version;
    utsec_id_rule_t rules[PS_MAX_RULES];
    utsec_id_ident_t idents[PS_MAX_IDENTS];
    utsec_id_validity_t validity[PS_MAX_VALIDITY];
    char text[PS_DOC_MAX];
    utsec_id_policy_t policy;
} ps_store_t;

/* A response: status line and headers (Content-Type included) in out,
 * the body as a view (into the store or a static string) that stays valid
 * until the next ps_handle() call. */
typedef struct ps_reply {
    ex_http_out_t out;
    const char *body;
    size_t body_len;
} ps_reply_t;

/* Answer one request. peer_trusted: the verified client certificate is
 * the AP's (fingerprint match). Prints one `ps: ...` decision line. */
void ps_handle(ps_store_t *st, int peer_trusted, const ex_http_msg_t *m,
               ps_reply_t *r);

/* Copy peer-supplied text (n octets at p) into buf for printing,
 * truncated to size - 1, non-printables as '?'. Returns buf. */
const char *ps_printable(const char *p, size_t n, char *buf, size_t size);

/* Whether this build can load pres-rules (libexpat, WITH_EXPAT=1). */
int ps_can_load(void);

#endif
