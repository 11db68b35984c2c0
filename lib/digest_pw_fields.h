/*
 * Private: where each HTTP Digest parameter lives in the three header
 * structs (utsec_digest_challenge_t, utsec_digest_authorization_t,
 * utsec_digest_auth_info_t). One table per struct drives both the parser
 * (lib/digest_parse.c: value -> field) and the serializer
 * (lib/digest_write.c: field -> `name=value`, in the table's write order).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_LIB_DIGEST_PW_FIELDS_H
#define UTSEC_LIB_DIGEST_PW_FIELDS_H

#include "digest_internal.h"

/* Field kinds: how a value is checked and stored, and how it is written. */
enum {
    F_NONE,    /* kept in params only */
    F_STR,     /* the value as is; written as a quoted-string */
    F_TOK,     /* the value as is; written as a token when it is one */
    F_HEX,     /* the value as is (response); our own hex is copied raw */
    F_ALG,     /* a token and its utsec_digest_alg_t; always written */
    F_ALG_OPT, /* the same, written only when not the default (MD5) */
    F_USER,    /* username or username*, and which one it was */
    F_QOPS,    /* qop-options list, as a mask */
    F_QOP,     /* one qop token */
    F_BOOL,    /* true / false; written only when true */
    F_NC       /* 8LHEX, not zero; written only when not zero */
};

#define DIGEST_PW_N_IDS (UTSEC_DIGEST_P_RSPAUTH + 1)
#define DIGEST_PW_BIT(id) (1u << (id))

typedef struct digest_pw_map {
    struct {
        unsigned char kind, off; /* off: of the field in the struct */
    } f[DIGEST_PW_N_IDS];
    unsigned char n_params_off, params_off;
    unsigned short size;
    unsigned need;        /* parameters that must be present */
    unsigned need_if_qop; /* ... when qop is */
    unsigned char scheme; /* the header value starts with `Digest ` */
    unsigned char order[13]; /* ids in the order written, 0-terminated */
} digest_pw_map_t;

/* The table of one struct (a function, not an extern object: the library
 * has no global data symbols). */
enum { DIGEST_PW_CHALLENGE, DIGEST_PW_AUTHORIZATION, DIGEST_PW_AUTH_INFO };
const digest_pw_map_t *utsec_digest_pw_map(int which);

/* Which of the NUL-separated words (ending with an empty one) s[0, n) is,
 * from 1, ignoring ASCII case; 0 for none. */
int utsec_digest_pw_word(const char *s, size_t n, const char *words);
/* The id of a parameter name (ASCII case-insensitive), or UNKNOWN. */
utsec_digest_param_id_t utsec_digest_pw_param_id(const char *s, size_t n);
/* The name of a known parameter id (not UNKNOWN). */
const char *utsec_digest_pw_param_name(utsec_digest_param_id_t id);

#endif
