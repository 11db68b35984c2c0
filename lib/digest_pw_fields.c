/*
 * Parameter names (RFC 7616 §3.3-3.5, RFC 3310 §3.4) and the field tables
 * of the three Digest header structs; see digest_pw_fields.h.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stddef.h>
#include <string.h>

#include "digest_pw_fields.h"

/* In utsec_digest_param_id_t order from UTSEC_DIGEST_P_REALM (= 1). */
static const char param_names[] =
    "realm\0nonce\0opaque\0domain\0stale\0algorithm\0qop\0charset\0"
    "userhash\0username\0username*\0uri\0response\0cnonce\0nc\0auts\0"
    "nextnonce\0rspauth\0";

int utsec_digest_pw_word(const char *s, size_t n, const char *words)
{
    int i;

    for (i = 1; *words != '\0'; i++) {
        if (utsec_ascii_ieq_lit(s, n, words))
            return i;
        words += strlen(words) + 1;
    }
    return 0;
}

utsec_digest_param_id_t utsec_digest_pw_param_id(const char *s, size_t n)
{
    return (utsec_digest_param_id_t)utsec_digest_pw_word(s, n, param_names);
}

const char *utsec_digest_pw_param_name(utsec_digest_param_id_t id)
{
    const char *name = param_names;

    while (--id != UTSEC_DIGEST_P_UNKNOWN)
        name += strlen(name) + 1;
    return name;
}

#define AT(type, field) offsetof(type, field)
#define BIT DIGEST_PW_BIT

/* F_ALG / F_ALG_OPT and F_USER fill a view and the int that follows it. */
typedef char view_then_int[offsetof(utsec_digest_challenge_t, alg) ==
                                   offsetof(utsec_digest_challenge_t, algorithm) +
                                       sizeof(utsec_digest_str_t) &&
                               offsetof(utsec_digest_authorization_t, alg) ==
                                   offsetof(utsec_digest_authorization_t, algorithm) +
                                       sizeof(utsec_digest_str_t) &&
                               offsetof(utsec_digest_authorization_t, username_ext) ==
                                   offsetof(utsec_digest_authorization_t, username) +
                                       sizeof(utsec_digest_str_t)
                           ? 1
                           : -1];

#define CH(field) AT(utsec_digest_challenge_t, field)
static const digest_pw_map_t maps[] = {
[DIGEST_PW_CHALLENGE] = {
    {
        [UTSEC_DIGEST_P_REALM] = {F_STR, CH(realm)},
        [UTSEC_DIGEST_P_NONCE] = {F_STR, CH(nonce)},
        [UTSEC_DIGEST_P_OPAQUE] = {F_STR, CH(opaque)},
        [UTSEC_DIGEST_P_DOMAIN] = {F_STR, CH(domain)},
        [UTSEC_DIGEST_P_CHARSET] = {F_TOK, CH(charset)},
        [UTSEC_DIGEST_P_ALGORITHM] = {F_ALG, CH(algorithm)},
        [UTSEC_DIGEST_P_QOP] = {F_QOPS, CH(qop_mask)},
        [UTSEC_DIGEST_P_STALE] = {F_BOOL, CH(stale)},
        [UTSEC_DIGEST_P_USERHASH] = {F_BOOL, CH(userhash)},
    },
    CH(n_params), CH(params), sizeof(utsec_digest_challenge_t),
    BIT(UTSEC_DIGEST_P_REALM) | BIT(UTSEC_DIGEST_P_NONCE), 0, 1,
    {UTSEC_DIGEST_P_REALM, UTSEC_DIGEST_P_DOMAIN, UTSEC_DIGEST_P_NONCE,
     UTSEC_DIGEST_P_OPAQUE, UTSEC_DIGEST_P_STALE, UTSEC_DIGEST_P_ALGORITHM,
     UTSEC_DIGEST_P_QOP, UTSEC_DIGEST_P_CHARSET, UTSEC_DIGEST_P_USERHASH},
},
#undef CH

#define AU(field) AT(utsec_digest_authorization_t, field)
[DIGEST_PW_AUTHORIZATION] = {
    {
        [UTSEC_DIGEST_P_USERNAME] = {F_USER, AU(username)},
        [UTSEC_DIGEST_P_USERNAME_EXT] = {F_USER, AU(username)},
        [UTSEC_DIGEST_P_REALM] = {F_STR, AU(realm)},
        [UTSEC_DIGEST_P_NONCE] = {F_STR, AU(nonce)},
        [UTSEC_DIGEST_P_URI] = {F_STR, AU(uri)},
        [UTSEC_DIGEST_P_RESPONSE] = {F_HEX, AU(response)},
        [UTSEC_DIGEST_P_CNONCE] = {F_STR, AU(cnonce)},
        [UTSEC_DIGEST_P_OPAQUE] = {F_STR, AU(opaque)},
        [UTSEC_DIGEST_P_AUTS] = {F_STR, AU(auts)},
        [UTSEC_DIGEST_P_ALGORITHM] = {F_ALG_OPT, AU(algorithm)},
        [UTSEC_DIGEST_P_QOP] = {F_QOP, AU(qop)},
        [UTSEC_DIGEST_P_NC] = {F_NC, AU(nc)},
        [UTSEC_DIGEST_P_USERHASH] = {F_BOOL, AU(userhash)},
    },
    AU(n_params), AU(params), sizeof(utsec_digest_authorization_t),
    BIT(UTSEC_DIGEST_P_USERNAME) | BIT(UTSEC_DIGEST_P_REALM) |
        BIT(UTSEC_DIGEST_P_NONCE) | BIT(UTSEC_DIGEST_P_URI) |
        BIT(UTSEC_DIGEST_P_RESPONSE),
    BIT(UTSEC_DIGEST_P_NC) | BIT(UTSEC_DIGEST_P_CNONCE), 1,
    {UTSEC_DIGEST_P_USERNAME, UTSEC_DIGEST_P_REALM, UTSEC_DIGEST_P_NONCE,
     UTSEC_DIGEST_P_URI, UTSEC_DIGEST_P_ALGORITHM, UTSEC_DIGEST_P_RESPONSE,
     UTSEC_DIGEST_P_OPAQUE, UTSEC_DIGEST_P_QOP, UTSEC_DIGEST_P_NC,
     UTSEC_DIGEST_P_CNONCE, UTSEC_DIGEST_P_USERHASH, UTSEC_DIGEST_P_AUTS},
},
#undef AU

#define AI(field) AT(utsec_digest_auth_info_t, field)
[DIGEST_PW_AUTH_INFO] = {
    {
        [UTSEC_DIGEST_P_NEXTNONCE] = {F_STR, AI(nextnonce)},
        [UTSEC_DIGEST_P_RSPAUTH] = {F_STR, AI(rspauth)},
        [UTSEC_DIGEST_P_CNONCE] = {F_STR, AI(cnonce)},
        [UTSEC_DIGEST_P_QOP] = {F_QOP, AI(qop)},
        [UTSEC_DIGEST_P_NC] = {F_NC, AI(nc)},
    },
    AI(n_params), AI(params), sizeof(utsec_digest_auth_info_t), 0, 0, 0,
    {UTSEC_DIGEST_P_RSPAUTH, UTSEC_DIGEST_P_QOP, UTSEC_DIGEST_P_NC,
     UTSEC_DIGEST_P_CNONCE, UTSEC_DIGEST_P_NEXTNONCE},
},
#undef AI
};

const digest_pw_map_t *utsec_digest_pw_map(int which)
{
    return &maps[which];
}
