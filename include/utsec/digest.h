/**
 * \file digest.h
 * \brief HTTP Digest (RFC 7616, RFC 2617, RFC 2069) with the AKA variants
 *        (RFC 3310 AKAv1-MD5, RFC 4169 AKAv2-MD5): header codec, response
 *        computation, client and server, and the 3GPP Ub / Ua profiles.
 *
 * Layers, from bottom to top:
 * - **codec**: utsec_digest_parse_challenges(), utsec_digest_parse_authorization(),
 *   utsec_digest_parse_auth_info() turn a header *value* into views into the
 *   caller's buffer; the `*_write()` functions serialize the same structures.
 * - **computation**: utsec_digest_response(), utsec_digest_rspauth(),
 *   utsec_digest_userhash(), utsec_digest_akav2_password(), and a streaming
 *   entity-body hash for `qop=auth-int`.
 * - **client** (::utsec_digest_client_t) and **server**
 *   (::utsec_digest_server_t with a caller-provided ::utsec_digest_replay_t).
 * - **profiles**: utsec_digest_profile_ub() (BSF) and
 *   utsec_digest_profile_ua() (NAF with GBA keys), plus the Ua password
 *   helper utsec_digest_ua_password().
 *
 * Passwords are always octet strings with a length: an AKA RES is binary and
 * may contain 0x00.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_DIGEST_H
#define UTSEC_DIGEST_H

#include "utsec/common.h"
#include "utsec/aka.h"
#include "utsec/gba.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest header value the parsers accept, in octets (::UTSEC_ERR_TOO_LONG beyond). */
#define UTSEC_DIGEST_MAX_INPUT 8192
/** Most parameters in one challenge or credentials (::UTSEC_ERR_TOO_MANY beyond). */
#define UTSEC_DIGEST_MAX_PARAMS 24
/** Longest parameter value, raw, in octets (::UTSEC_ERR_TOO_LONG beyond). */
#define UTSEC_DIGEST_MAX_VALUE 1024
/** Most Digest challenges utsec_digest_client_challenge() considers in one header. */
#define UTSEC_DIGEST_MAX_CHALLENGES 8
/** Size of a hex digest buffer: the longest hash (32 octets) as hex plus NUL. */
#define UTSEC_DIGEST_HEX_SIZE 65

/** A view into a caller's buffer: \c len octets at \c ptr, not NUL-terminated. */
typedef struct utsec_digest_str {
    const char *ptr; /**< first octet; NULL when absent */
    size_t len;      /**< length in octets */
} utsec_digest_str_t;

/** Digest algorithms (RFC 7616 §6.1, RFC 3310 §3.1, RFC 4169 §4). */
typedef enum utsec_digest_alg {
    UTSEC_DIGEST_ALG_MD5 = 0,             /**< `MD5` (also the default when absent) */
    UTSEC_DIGEST_ALG_MD5_SESS = 1,        /**< `MD5-sess` */
    UTSEC_DIGEST_ALG_SHA256 = 2,          /**< `SHA-256` */
    UTSEC_DIGEST_ALG_SHA256_SESS = 3,     /**< `SHA-256-sess` */
    UTSEC_DIGEST_ALG_SHA512_256 = 4,      /**< `SHA-512-256` */
    UTSEC_DIGEST_ALG_SHA512_256_SESS = 5, /**< `SHA-512-256-sess` */
    UTSEC_DIGEST_ALG_AKAV1_MD5 = 6,       /**< `AKAv1-MD5`: password = RES octets */
    UTSEC_DIGEST_ALG_AKAV2_MD5 = 7,       /**< `AKAv2-MD5`: password = RFC 4169 PRF */
    UTSEC_DIGEST_ALG_UNKNOWN = 8          /**< any other token (kept as text) */
} utsec_digest_alg_t;

/** Bit for \p alg in an algorithm mask. */
#define UTSEC_DIGEST_ALG_BIT(alg) (1u << (unsigned)(alg))
/** Every algorithm this library computes. */
#define UTSEC_DIGEST_ALG_ALL 0xFFu

/** Quality of protection (RFC 7616 §3.3). */
typedef enum utsec_digest_qop {
    UTSEC_DIGEST_QOP_NONE = 0,     /**< no qop: the RFC 2069 form */
    UTSEC_DIGEST_QOP_AUTH = 1,     /**< `auth` */
    UTSEC_DIGEST_QOP_AUTH_INT = 2, /**< `auth-int` */
    UTSEC_DIGEST_QOP_UNKNOWN = 4   /**< another token */
} utsec_digest_qop_t;

/** Which parameter a ::utsec_digest_param_t is. */
typedef enum utsec_digest_param_id {
    UTSEC_DIGEST_P_UNKNOWN = 0, /**< not defined by RFC 7616/3310: kept and reported */
    UTSEC_DIGEST_P_REALM, UTSEC_DIGEST_P_NONCE, UTSEC_DIGEST_P_OPAQUE,
    UTSEC_DIGEST_P_DOMAIN, UTSEC_DIGEST_P_STALE, UTSEC_DIGEST_P_ALGORITHM,
    UTSEC_DIGEST_P_QOP, UTSEC_DIGEST_P_CHARSET, UTSEC_DIGEST_P_USERHASH,
    UTSEC_DIGEST_P_USERNAME, UTSEC_DIGEST_P_USERNAME_EXT, UTSEC_DIGEST_P_URI,
    UTSEC_DIGEST_P_RESPONSE, UTSEC_DIGEST_P_CNONCE, UTSEC_DIGEST_P_NC,
    UTSEC_DIGEST_P_AUTS, UTSEC_DIGEST_P_NEXTNONCE, UTSEC_DIGEST_P_RSPAUTH
} utsec_digest_param_id_t;

/** One parameter as it appeared in the header. */
typedef struct utsec_digest_param {
    utsec_digest_param_id_t id; /**< which parameter (UNKNOWN for extensions) */
    utsec_digest_str_t name;    /**< the name as written (compare case-insensitively) */
    utsec_digest_str_t value;   /**< value, quotes removed, escapes resolved; for
                                     `username*` the decoded UTF-8 name */
    int quoted;                 /**< 1 when the value was a quoted-string */
} utsec_digest_param_t;

/**
 * \brief A Digest challenge (WWW-Authenticate / Proxy-Authenticate,
 *        RFC 7616 §3.3). Output of the parser, input of the serializer.
 *
 * For serialization, zero the structure, set the fields and leave
 * \c n_params at 0 (or list extension parameters with id
 * ::UTSEC_DIGEST_P_UNKNOWN; the others in \c params are ignored).
 */
typedef struct utsec_digest_challenge {
    utsec_digest_str_t realm;     /**< `realm` */
    utsec_digest_str_t nonce;     /**< `nonce` */
    utsec_digest_str_t opaque;    /**< `opaque` (ptr NULL when absent) */
    utsec_digest_str_t domain;    /**< `domain` (ptr NULL when absent) */
    utsec_digest_str_t charset;   /**< `charset` (ptr NULL when absent) */
    utsec_digest_str_t algorithm; /**< `algorithm` text (ptr NULL when absent) */
    utsec_digest_alg_t alg;       /**< parsed algorithm (MD5 when absent) */
    unsigned qop_mask;            /**< OR of ::UTSEC_DIGEST_QOP_AUTH / _AUTH_INT
                                       (unknown tokens ignored); 0 when absent */
    int stale;                    /**< `stale=true` */
    int userhash;                 /**< `userhash=true` */
    size_t n_params;              /**< number of entries in \c params */
    utsec_digest_param_t params[UTSEC_DIGEST_MAX_PARAMS]; /**< every parameter, input order */
} utsec_digest_challenge_t;

/** Credentials (Authorization / Proxy-Authorization, RFC 7616 §3.4, RFC 3310 §3.4). */
typedef struct utsec_digest_authorization {
    utsec_digest_str_t username;  /**< `username`, or the decoded `username*` */
    int username_ext;             /**< 1 when it came from (or is to be written as) `username*` */
    utsec_digest_str_t realm;     /**< `realm` */
    utsec_digest_str_t nonce;     /**< `nonce` */
    utsec_digest_str_t uri;       /**< `uri` */
    utsec_digest_str_t response;  /**< `response` (hex) */
    utsec_digest_str_t algorithm; /**< `algorithm` text (ptr NULL when absent) */
    utsec_digest_alg_t alg;       /**< parsed algorithm (MD5 when absent) */
    utsec_digest_str_t cnonce;    /**< `cnonce` (ptr NULL when absent) */
    utsec_digest_str_t opaque;    /**< `opaque` (ptr NULL when absent) */
    utsec_digest_str_t auts;      /**< `auts` (RFC 3310 §3.4; ptr NULL when absent) */
    utsec_digest_qop_t qop;       /**< `qop` (NONE when absent) */
    uint32_t nc;                  /**< `nc` (0 when absent; never 0 when present) */
    int userhash;                 /**< `userhash=true` */
    size_t n_params;              /**< number of entries in \c params */
    utsec_digest_param_t params[UTSEC_DIGEST_MAX_PARAMS]; /**< every parameter, input order */
} utsec_digest_authorization_t;

/** Authentication-Info (RFC 7616 §3.5). */
typedef struct utsec_digest_auth_info {
    utsec_digest_str_t nextnonce; /**< `nextnonce` (ptr NULL when absent) */
    utsec_digest_str_t rspauth;   /**< `rspauth` (hex; ptr NULL when absent) */
    utsec_digest_str_t cnonce;    /**< `cnonce` (ptr NULL when absent) */
    utsec_digest_qop_t qop;       /**< `qop` (NONE when absent) */
    uint32_t nc;                  /**< `nc` (0 when absent) */
    size_t n_params;              /**< number of entries in \c params */
    utsec_digest_param_t params[UTSEC_DIGEST_MAX_PARAMS]; /**< every parameter, input order */
} utsec_digest_auth_info_t;

/**
 * \name Header codec
 *
 * Grammar: RFC 7235 §2.1 / §4.1 (challenge list, auth-param, token68),
 * RFC 7230 §3.2.6 (token, quoted-string, quoted-pair), OWS, parameter names
 * case-insensitive; RFC 8187 for `username*`. Every value is a view into
 * \p in, except values containing backslash escapes and `username*`, which
 * are decoded into \p scratch (\p in_len octets always suffice; NULL is fine
 * when the input has neither). A parameter given twice, a NUL or control
 * character, an unterminated or badly escaped quoted-string, an `nc` that is
 * not 8 hex digits (or is zero), a `stale`/`userhash` other than true/false,
 * or both `username` and `username*` is ::UTSEC_ERR_PARSE. On any error
 * nothing is written to \p out (\p scratch contents are then unspecified).
 * @{
 */

/**
 * \brief Parse a WWW-Authenticate value: every Digest challenge in it,
 *        skipping other schemes (Basic, Bearer, token68 forms).
 * \param in the header value (untrusted; need not be NUL-terminated).
 * \param in_len its length, up to ::UTSEC_DIGEST_MAX_INPUT.
 * \param out receives the Digest challenges in header order.
 * \param max_out capacity of \p out.
 * \param n_out receives how many Digest challenges were found (may be 0).
 * \param scratch buffer for unescaped values; may be NULL if \p scratch_size is 0.
 * \param scratch_size its size.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_PARSE, ::UTSEC_ERR_TOO_LONG,
 *         ::UTSEC_ERR_TOO_MANY (more parameters than ::UTSEC_DIGEST_MAX_PARAMS,
 *         or more Digest challenges than \p max_out) or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL (scratch).
 */
UTSEC_API int utsec_digest_parse_challenges(const char *in, size_t in_len,
                                            utsec_digest_challenge_t *out,
                                            size_t max_out, size_t *n_out,
                                            char *scratch, size_t scratch_size);

/**
 * \brief Parse an Authorization value (`Digest` followed by parameters).
 *        `username`, `realm`, `nonce`, `uri` and `response` are required;
 *        with `qop`, `nc` and `cnonce` are required too.
 * \param in the header value (untrusted).
 * \param in_len its length.
 * \param out receives the credentials.
 * \param scratch buffer for unescaped values (see above).
 * \param scratch_size its size.
 * \return as utsec_digest_parse_challenges(); ::UTSEC_ERR_PARSE also for
 *         another scheme or a missing required parameter.
 */
UTSEC_API int utsec_digest_parse_authorization(const char *in, size_t in_len,
                                               utsec_digest_authorization_t *out,
                                               char *scratch,
                                               size_t scratch_size);

/**
 * \brief Parse an Authentication-Info value (a bare parameter list).
 * \param in the header value (untrusted).
 * \param in_len its length.
 * \param out receives the parameters.
 * \param scratch buffer for unescaped values (see above).
 * \param scratch_size its size.
 * \return as utsec_digest_parse_challenges().
 */
UTSEC_API int utsec_digest_parse_auth_info(const char *in, size_t in_len,
                                           utsec_digest_auth_info_t *out,
                                           char *scratch, size_t scratch_size);

/**
 * \brief Serialize a challenge as `Digest realm="...", ...`.
 *
 * Quoted-string values are escaped (`"` and `\`); `algorithm` and `stale`
 * are tokens and `qop` a quoted list, as RFC 7616 §3.3 writes them. The
 * algorithm is taken from \c alg, or from the \c algorithm text when \c alg
 * is ::UTSEC_DIGEST_ALG_UNKNOWN.
 * \param c the challenge; \c realm and \c nonce are required.
 * \param out output buffer; NUL-terminated.
 * \param out_size its size.
 * \param out_len receives the length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG (a value that cannot be represented,
 *         e.g. a control character) or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_challenge_write(const utsec_digest_challenge_t *c,
                                           char *out, size_t out_size,
                                           size_t *out_len);

/**
 * \brief Serialize credentials as `Digest username="...", ...`.
 *
 * The user name is written as `username*=UTF-8''...` (RFC 8187) when
 * \c username_ext is set or it contains octets outside printable ASCII.
 * `nc` is written as 8 lower-case hex digits when \c qop is not NONE.
 * \param a the credentials.
 * \param out output buffer; NUL-terminated.
 * \param out_size its size.
 * \param out_len receives the length; may be NULL.
 * \return as utsec_digest_challenge_write().
 */
UTSEC_API int utsec_digest_authorization_write(
    const utsec_digest_authorization_t *a, char *out, size_t out_size,
    size_t *out_len);

/**
 * \brief Serialize an Authentication-Info value (`rspauth="...", ...`).
 * \param ai the parameters (absent views are omitted).
 * \param out output buffer; NUL-terminated.
 * \param out_size its size.
 * \param out_len receives the length; may be NULL.
 * \return as utsec_digest_challenge_write().
 */
UTSEC_API int utsec_digest_auth_info_write(const utsec_digest_auth_info_t *ai,
                                           char *out, size_t out_size,
                                           size_t *out_len);

/** @} */

/**
 * \name Computation (RFC 7616 §3.4.1-3.4.3, §3.5; RFC 2617 §3.2.2; RFC 2069)
 * @{
 */

/**
 * \brief Name of an algorithm as written in the `algorithm` parameter.
 * \param alg the algorithm.
 * \return a static string, or NULL for ::UTSEC_DIGEST_ALG_UNKNOWN.
 */
UTSEC_API const char *utsec_digest_alg_name(utsec_digest_alg_t alg);

/**
 * \brief Algorithm from its token (case-insensitive).
 * \param s the token.
 * \param len its length.
 * \return the algorithm, or ::UTSEC_DIGEST_ALG_UNKNOWN.
 */
UTSEC_API utsec_digest_alg_t utsec_digest_alg_from_name(const char *s, size_t len);

/** Everything one response or rspauth computation needs. */
typedef struct utsec_digest_calc {
    utsec_digest_alg_t alg;     /**< algorithm (AKA variants hash with MD5) */
    utsec_digest_qop_t qop;     /**< NONE (RFC 2069), AUTH or AUTH_INT */
    utsec_digest_str_t username; /**< the user name (not the userhash) */
    utsec_digest_str_t realm;   /**< realm */
    const uint8_t *password;    /**< password octets (AKAv1: RES; may hold 0x00) */
    size_t password_len;        /**< password length (0 for the RFC 3310 resync answer) */
    const char *ha1;            /**< optional precomputed H(A1) in hex (for -sess: the
                                     session H(A1)); when set, the password is unused */
    utsec_digest_str_t nonce;   /**< server nonce */
    utsec_digest_str_t cnonce;  /**< client nonce (qop and -sess forms) */
    uint32_t nc;                /**< nonce count (qop forms) */
    utsec_digest_str_t method;  /**< request method (ignored for rspauth) */
    utsec_digest_str_t uri;     /**< the `uri` parameter */
    const char *body_hash;      /**< auth-int: hex H(entity-body), from
                                     utsec_digest_body_hash_finish(); NULL means
                                     the empty body */
} utsec_digest_calc_t;

/**
 * \brief The `response` value: KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":"
 *        H(A2)) with qop, KD(H(A1), nonce ":" H(A2)) without (RFC 2069).
 * \param c the inputs.
 * \param out receives lower-case hex, NUL-terminated (::UTSEC_DIGEST_HEX_SIZE suffices).
 * \param out_size its size.
 * \param out_len receives the hex length (32 or 64); may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG (unknown algorithm or qop, missing
 *         field, malformed \c ha1 / \c body_hash) or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_response(const utsec_digest_calc_t *c, char *out,
                                    size_t out_size, size_t *out_len);

/**
 * \brief The Authentication-Info `rspauth` value: as utsec_digest_response()
 *        with A2 = ":" uri [ ":" H(response-body) ] (RFC 7616 §3.5).
 *        \c body_hash is then the hash of the *response* body.
 * \param c the inputs (\c method is ignored).
 * \param out receives hex.
 * \param out_size its size.
 * \param out_len receives the hex length; may be NULL.
 * \return as utsec_digest_response().
 */
UTSEC_API int utsec_digest_rspauth(const utsec_digest_calc_t *c, char *out,
                                   size_t out_size, size_t *out_len);

/**
 * \brief H(A1) in hex (the session form for -sess algorithms, which needs
 *        \c nonce and \c cnonce). Stores can keep this instead of passwords.
 * \param c the inputs (username, realm, password; nonce/cnonce for -sess).
 * \param out receives hex.
 * \param out_size its size.
 * \param out_len receives the hex length; may be NULL.
 * \return as utsec_digest_response().
 */
UTSEC_API int utsec_digest_ha1(const utsec_digest_calc_t *c, char *out,
                               size_t out_size, size_t *out_len);

/**
 * \brief The `userhash` user name: H(username ":" realm) (RFC 7616 §3.4.4).
 * \param alg algorithm.
 * \param username user name.
 * \param username_len its length.
 * \param realm realm.
 * \param realm_len its length.
 * \param out receives hex.
 * \param out_size its size.
 * \param out_len receives the hex length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_userhash(utsec_digest_alg_t alg,
                                    const char *username, size_t username_len,
                                    const char *realm, size_t realm_len,
                                    char *out, size_t out_size,
                                    size_t *out_len);

/** Length of the AKAv2 password text (base64 of 16 octets). */
#define UTSEC_DIGEST_AKAV2_PASSWORD_LEN 24

/**
 * \brief AKAv2 password (RFC 4169 §4): base64(HMAC-MD5(key = RES || IK || CK,
 *        "http-digest-akav2-password")).
 * \param res RES (4..32 octets; may contain 0x00).
 * \param res_len its length.
 * \param ik IK (16 octets).
 * \param ck CK (16 octets).
 * \param out receives 24 characters and a NUL (size 25 or more).
 * \param out_size its size.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_akav2_password(const uint8_t *res, size_t res_len,
                                          const uint8_t ik[UTSEC_AKA_KEY_LEN],
                                          const uint8_t ck[UTSEC_AKA_KEY_LEN],
                                          char *out, size_t out_size);

/**
 * \brief Streaming H(entity-body) for `qop=auth-int` (RFC 7616 §3.4.3).
 *        Treat as opaque.
 */
typedef struct utsec_digest_body_hash {
    /** \cond INTERNAL */
    union {
        unsigned char bytes[256];
        uint64_t align_u64;
        void *align_p;
    } opaque;
    /** \endcond */
} utsec_digest_body_hash_t;

/**
 * \brief Start hashing an entity body.
 * \param h caller-owned state.
 * \param alg the Digest algorithm in use (selects MD5, SHA-256 or SHA-512/256).
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_body_hash_start(utsec_digest_body_hash_t *h,
                                           utsec_digest_alg_t alg);
/**
 * \brief Feed body octets (any number of calls).
 * \param h state from utsec_digest_body_hash_start().
 * \param p octets.
 * \param n how many.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_body_hash_update(utsec_digest_body_hash_t *h,
                                            const void *p, size_t n);
/**
 * \brief Finish: the hex hash, for utsec_digest_calc_t::body_hash.
 * \param h state; wiped afterwards.
 * \param out receives hex, NUL-terminated (::UTSEC_DIGEST_HEX_SIZE suffices).
 * \param out_size its size.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_body_hash_finish(utsec_digest_body_hash_t *h,
                                            char *out, size_t out_size);

/**
 * \brief Check a parsed Authorization's `response` against a password in
 *        constant time: H(A1), H(A2) and the response, i.e. three hash
 *        computations for a non-session algorithm (the cost floor of a
 *        server verification; nonce and replay checks are
 *        utsec_digest_server_verify()'s).
 * \param a parsed credentials.
 * \param method request method.
 * \param method_len its length.
 * \param password password octets (AKAv1: XRES).
 * \param password_len its length.
 * \param body_hash auth-int: hex H(request body); NULL for the empty body.
 * \return 0, ::UTSEC_ERR_AUTH_FAILED, ::UTSEC_ERR_UNSUPPORTED (algorithm
 *         or qop unknown) or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_check_response(const utsec_digest_authorization_t *a,
                                          const char *method, size_t method_len,
                                          const uint8_t *password,
                                          size_t password_len,
                                          const char *body_hash);
/** @} */

/**
 * \name Client (RFC 7616 §3.4, RFC 3310 §3.3-3.4)
 * @{
 */

/** Longest nonce, realm, opaque or user name the client keeps, in octets. */
#define UTSEC_DIGEST_CLIENT_MAX_FIELD 256
/** Longest request URI the client keeps (for the rspauth check), in octets. */
#define UTSEC_DIGEST_CLIENT_MAX_URI 2048

/**
 * \brief Client state for one protection space (realm): the selected
 *        challenge, the nonce count, and H(A1) cached so that a
 *        `stale=true` challenge is answered without asking for credentials
 *        again. Caller-allocated (about 6 KB, including the work areas that
 *        keep every client call's stack under 4 KB); release with
 *        utsec_digest_client_free().
 */
typedef struct utsec_digest_client {
    /** \cond INTERNAL */
    utsec_rng_fn rng;
    void *rng_ctx;
    int have_challenge, have_ha0, have_ha1, stale;
    utsec_digest_alg_t alg;
    utsec_digest_qop_t qop;
    unsigned qop_offered;
    uint32_t nc;
    size_t realm_len, nonce_len, opaque_len, username_len, uri_len, cnonce_len;
    int has_opaque, userhash;
    char realm[UTSEC_DIGEST_CLIENT_MAX_FIELD];
    char nonce[UTSEC_DIGEST_CLIENT_MAX_FIELD];
    char opaque[UTSEC_DIGEST_CLIENT_MAX_FIELD];
    char username[UTSEC_DIGEST_CLIENT_MAX_FIELD];
    char uri[UTSEC_DIGEST_CLIENT_MAX_URI];
    char cnonce[33];
    char ha0[UTSEC_DIGEST_HEX_SIZE]; /* H(user:realm:password), secret */
    char ha1[UTSEC_DIGEST_HEX_SIZE]; /* H(A1) of the last answer, secret */
    char sess_ha1[UTSEC_DIGEST_HEX_SIZE];
    utsec_digest_alg_t ha0_alg;
    /* Work areas, so that no call needs a large stack frame: */
    union {
        utsec_digest_authorization_t au; /* the answer being written */
        utsec_digest_auth_info_t ai;     /* the Authentication-Info being checked */
    } work;
    char scratch[1024];
    /** \endcond */
} utsec_digest_client_t;

/**
 * \brief Initialise a client.
 * \param cl caller-owned state.
 * \param rng random source for cnonce values.
 * \param rng_ctx its context.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_client_init(utsec_digest_client_t *cl,
                                       utsec_rng_fn rng, void *rng_ctx);

/**
 * \brief Wipe a client (H(A1) is secret).
 * \param cl the client; NULL is ignored.
 */
UTSEC_API void utsec_digest_client_free(utsec_digest_client_t *cl);

/**
 * \brief Take a WWW-Authenticate value and select the strongest Digest
 *        challenge whose algorithm is in \p alg_mask (order: SHA-512-256,
 *        SHA-256, MD5, their -sess forms after each, then AKAv2-MD5,
 *        AKAv1-MD5). The qop chosen is `auth-int` if offered and
 *        \p prefer_auth_int, else `auth` if offered, else `auth-int`, else
 *        none (RFC 2069).
 * \param cl the client.
 * \param www_authenticate the header value (several challenges allowed).
 * \param len its length.
 * \param alg_mask acceptable algorithms (::UTSEC_DIGEST_ALG_BIT()).
 * \param prefer_auth_int pick auth-int when both are offered.
 * \param stale receives 1 when the challenge says `stale=true` for the
 *        realm the client already holds credentials for, i.e. the caller
 *        may call utsec_digest_client_authorize() with a NULL password; may be NULL.
 * \return 0, ::UTSEC_ERR_NO_CHALLENGE (nothing usable), a parse error, or
 *         ::UTSEC_ERR_TOO_LONG (a field over ::UTSEC_DIGEST_CLIENT_MAX_FIELD).
 *         On error the client is unchanged.
 */
UTSEC_API int utsec_digest_client_challenge(utsec_digest_client_t *cl,
                                            const char *www_authenticate,
                                            size_t len, unsigned alg_mask,
                                            int prefer_auth_int, int *stale);

/**
 * \brief Build the Authorization value for a request under the selected
 *        challenge: new cnonce from the RNG, nc + 1.
 * \param cl the client (after utsec_digest_client_challenge()).
 * \param username user name (UTF-8; written as `username*` when not ASCII).
 * \param username_len its length.
 * \param password password octets, or NULL to reuse the cached H(user:realm:password)
 *        (after `stale=true`; ::UTSEC_ERR_STATE when none is cached).
 * \param password_len its length.
 * \param method request method.
 * \param method_len its length.
 * \param uri request-target.
 * \param uri_len its length.
 * \param body_hash auth-int: hex H(request body) for the selected
 *        algorithm; NULL for an empty body.
 * \param out receives the header value, NUL-terminated.
 * \param out_size its size (1024 + field lengths suffices).
 * \param out_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_STATE, ::UTSEC_ERR_RNG, ::UTSEC_ERR_INVALID_ARG or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_client_authorize(
    utsec_digest_client_t *cl, const char *username, size_t username_len,
    const uint8_t *password, size_t password_len, const char *method,
    size_t method_len, const char *uri, size_t uri_len, const char *body_hash,
    char *out, size_t out_size, size_t *out_len);

/**
 * \brief Answer an AKA challenge (RFC 3310 §3.3, RFC 4169): decode RAND and
 *        AUTN from the nonce, run the USIM, answer with RES (AKAv1) or the
 *        AKAv2 password; on synchronisation failure answer with `auts` and
 *        the empty password (RFC 3310 §3.4) and set \p *sync_failure.
 * \param cl the client (an AKA challenge selected).
 * \param username the IMPI (or TMPI).
 * \param username_len its length.
 * \param usim the USIM callback.
 * \param usim_ctx its context.
 * \param method request method.
 * \param method_len its length.
 * \param uri request-target.
 * \param uri_len its length.
 * \param body_hash auth-int: hex MD5 of the request body; NULL when empty.
 * \param result receives RES/CK/IK (for Ks = CK || IK) or AUTS; secret,
 *        wipe with utsec_aka_ue_result_wipe(); may be NULL.
 * \param sync_failure receives 1 when the answer carries `auts`.
 * \param out receives the header value.
 * \param out_size its size.
 * \param out_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_MAC_FAILURE (the network failed authentication:
 *         no answer is produced), ::UTSEC_ERR_UNSUPPORTED (not an AKA
 *         challenge), a nonce decoding error, or the USIM's error.
 */
UTSEC_API int utsec_digest_client_authorize_aka(
    utsec_digest_client_t *cl, const char *username, size_t username_len,
    utsec_aka_usim_fn usim, void *usim_ctx, const char *method,
    size_t method_len, const char *uri, size_t uri_len, const char *body_hash,
    utsec_aka_ue_result_t *result, int *sync_failure, char *out,
    size_t out_size, size_t *out_len);

/**
 * \brief The realm of the selected challenge (or the one set with
 *        utsec_digest_client_set_realm()), e.g. to pick the GBA key with
 *        utsec_digest_ua_realm_parse().
 * \param cl the client.
 * \param realm receives a view into the client's storage (valid until the
 *        next call that changes the client).
 * \return 0, ::UTSEC_ERR_STATE (no challenge) or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_client_realm(const utsec_digest_client_t *cl,
                                        utsec_digest_str_t *realm);

/**
 * \brief Answer with another realm than the challenge's: for the combined
 *        GBA realm `3GPP-bootstrapping-uicc@F;3GPP-bootstrapping@F` the UE
 *        answers with the single realm whose key it uses (see
 *        utsec_digest_ua_realm_parse()). Call after
 *        utsec_digest_client_challenge(); it drops a cached H(A1).
 * \param cl the client.
 * \param realm the realm to use in H(A1) and in the answer.
 * \param len its length (< ::UTSEC_DIGEST_CLIENT_MAX_FIELD).
 * \return 0, ::UTSEC_ERR_STATE (no challenge), ::UTSEC_ERR_TOO_LONG or
 *         ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_client_set_realm(utsec_digest_client_t *cl,
                                            const char *realm, size_t len);

/**
 * \brief Verify the server's Authentication-Info for the last answer
 *        (mutual authentication): `rspauth` in constant time, the echoed
 *        `cnonce`/`nc`; adopt `nextnonce` if present (nc restarts).
 * \param cl the client.
 * \param auth_info the header value.
 * \param len its length.
 * \param body_hash auth-int: hex H(response body); NULL when empty.
 * \return 0, ::UTSEC_ERR_RSPAUTH (mismatch or missing rspauth), a parse
 *         error, or ::UTSEC_ERR_STATE (no answer sent yet).
 */
UTSEC_API int utsec_digest_client_verify_info(utsec_digest_client_t *cl,
                                              const char *auth_info,
                                              size_t len,
                                              const char *body_hash);
/** @} */

/**
 * \name Server (RFC 7616 §3.3-3.5, RFC 3310 §3.2-3.4)
 * @{
 */

/**
 * \brief Replay state of one outstanding nonce: ::UTSEC_DIGEST_REPLAY_ENTRY_SIZE
 *        (32) octets. Treat as opaque.
 */
typedef struct utsec_digest_replay_entry {
    /** \cond INTERNAL */
    int64_t issued;  /* nonce timestamp; 0 = free slot */
    uint8_t tag[8];  /* first octets of the nonce MAC */
    uint64_t window; /* bit i: nc == max_nc - i seen */
    uint32_t max_nc; /* highest nc accepted */
    uint32_t in_use;
    /** \endcond */
} utsec_digest_replay_entry_t;

/** Memory per outstanding nonce in the replay table, in octets. */
#define UTSEC_DIGEST_REPLAY_ENTRY_SIZE 32
/** nc values accepted below the highest one seen (out-of-order window). */
#define UTSEC_DIGEST_REPLAY_WINDOW 64

/**
 * \brief Nonce-count replay table over caller memory.
 *
 * Each nonce in use takes one entry (32 octets). The table is 4-way set
 * associative (the nonce's MAC picks the set), so a check costs four
 * compares at any size; give a multiple of 4 entries (a remainder is left
 * unused). When a set is full its entry with the oldest nonce is evicted
 * and the table's floor moves up to that nonce's time: any nonce issued at
 * or before the floor that is not in the table is then answered as stale,
 * so eviction can never let a replay through (the client simply retries
 * with a fresh nonce). Size the table for the nonces in use during one
 * nonce lifetime, with headroom: a full set makes nonces of its age stale
 * early. Not thread-safe: serialise calls to utsec_digest_server_verify()
 * per table.
 */
typedef struct utsec_digest_replay {
    /** \cond INTERNAL */
    utsec_digest_replay_entry_t *entries;
    size_t n_entries;
    int64_t floor;
    /** \endcond */
} utsec_digest_replay_t;

/**
 * \brief Initialise a replay table.
 * \param r the table.
 * \param entries caller memory (cleared here), one entry per outstanding nonce.
 * \param n_entries number of entries (at least 1).
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_replay_init(utsec_digest_replay_t *r,
                                       utsec_digest_replay_entry_t *entries,
                                       size_t n_entries);

/**
 * \brief Credential request the server hands to its lookup callback.
 */
typedef struct utsec_digest_cred_request {
    utsec_digest_str_t username; /**< the user name, or the userhash when \c userhash */
    int userhash;                /**< the client sent H(username ":" realm) */
    utsec_digest_str_t realm;    /**< the realm */
    utsec_digest_alg_t alg;      /**< the algorithm of the answer */
    const uint8_t *rand;         /**< AKA: RAND from the nonce (16 octets); else NULL */
    const uint8_t *autn;         /**< AKA: AUTN from the nonce (16 octets); else NULL */
    utsec_digest_str_t real_username; /**< out, userhash only: the callback points this
                                           at the user's real name (valid until
                                           utsec_digest_server_verify() returns) */
} utsec_digest_cred_request_t;

/**
 * \brief Credential lookup: the password for a user (plain algorithms), or
 *        for AKA the password of the vector issued with RAND (AKAv1: XRES;
 *        AKAv2: utsec_digest_akav2_password() of XRES, IK, CK).
 * \param ctx the caller's context.
 * \param req what is being looked up (and, for userhash, the real name).
 * \param password receives the password octets (secret; the server wipes it).
 * \param password_size capacity of \p password (256 octets).
 * \param password_len receives the length.
 * \return 0, ::UTSEC_ERR_NOT_FOUND (unknown user or vector: the answer is
 *         rejected as ::UTSEC_ERR_AUTH_FAILED), or another negative code
 *         (reported as ::UTSEC_ERR_CALLBACK).
 */
typedef int (*utsec_digest_lookup_fn)(void *ctx,
                                      utsec_digest_cred_request_t *req,
                                      uint8_t *password, size_t password_size,
                                      size_t *password_len);

/** Server configuration. Pointers must stay valid while the server is used. */
typedef struct utsec_digest_server_config {
    const char *realm;       /**< realm (required) */
    size_t realm_len;        /**< its length */
    unsigned alg_mask;       /**< algorithms offered/accepted (::UTSEC_DIGEST_ALG_BIT()); one
                                  challenge per algorithm, strongest first */
    unsigned qop_mask;       /**< OR of ::UTSEC_DIGEST_QOP_AUTH/_AUTH_INT; 0 = RFC 2069 form */
    const uint8_t *secret;   /**< nonce MAC key (16..64 octets; keep secret) */
    size_t secret_len;       /**< its length */
    int64_t nonce_lifetime;  /**< seconds a nonce is fresh (0: 300) */
    const char *opaque;      /**< `opaque` value to send and require back; NULL for none */
    size_t opaque_len;       /**< its length */
    utsec_rng_fn rng;        /**< random source for nonces */
    void *rng_ctx;           /**< its context */
    utsec_time_fn time;      /**< clock */
    void *time_ctx;          /**< its context */
    utsec_digest_lookup_fn lookup; /**< credential lookup */
    void *lookup_ctx;        /**< its context */
    utsec_digest_replay_t *replay; /**< nonce-count table (required) */
} utsec_digest_server_config_t;

/** Server context: the configuration and the nonce MAC key schedule. */
typedef struct utsec_digest_server {
    /** \cond INTERNAL */
    utsec_digest_server_config_t cfg;
    unsigned char mac_key[16];     /* nonce MAC key, AES-128 (secret) */
    unsigned char reserved[1008];  /* zero; keeps the size of 0.1 */
    /** \endcond */
} utsec_digest_server_t;

/**
 * \brief Initialise a server.
 * \param s caller-owned context; release with utsec_digest_server_free().
 * \param cfg configuration (copied; the pointed-to data is not).
 *        The nonce MAC key, HMAC-SHA-256(secret, "libutsec digest nonce
 *        MAC key") truncated to 128 bits, is derived here.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_digest_server_init(utsec_digest_server_t *s,
                                       const utsec_digest_server_config_t *cfg);

/**
 * \brief Wipe a server context (the nonce MAC key is secret).
 * \param s the server; NULL is ignored.
 */
UTSEC_API void utsec_digest_server_free(utsec_digest_server_t *s);

/**
 * \brief A WWW-Authenticate value: one challenge per configured plain
 *        algorithm, strongest first, each with a fresh nonce
 *        base64(time(8) || random(15) || MAC(16)), MAC = AES-128 CBC-MAC
 *        of 0x01 || time || random under a key derived from the secret
 *        (see docs/digest.md).
 * \param s the server.
 * \param stale set `stale=true` (after ::UTSEC_ERR_STALE).
 * \param out receives the value.
 * \param out_size its size.
 * \param out_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_RNG, ::UTSEC_ERR_UNSUPPORTED (only AKA algorithms
 *         configured: use utsec_digest_server_challenge_aka()),
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL or ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_digest_server_challenge(utsec_digest_server_t *s, int stale,
                                            char *out, size_t out_size,
                                            size_t *out_len);

/**
 * \brief An AKA challenge (RFC 3310 §3.2) for a vector: nonce =
 *        base64(RAND || AUTN || time(8) || MAC(16)), the server data binding
 *        the nonce to this server and its age.
 * \param s the server (an AKA algorithm configured).
 * \param rand RAND of the vector.
 * \param autn AUTN of the vector.
 * \param stale set `stale=true`.
 * \param out receives the value.
 * \param out_size its size.
 * \param out_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_UNSUPPORTED, ::UTSEC_ERR_BUFFER_TOO_SMALL or
 *         ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_digest_server_challenge_aka(utsec_digest_server_t *s,
                                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                                const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                                int stale, char *out,
                                                size_t out_size, size_t *out_len);

/** Outcome details of utsec_digest_server_verify(). */
typedef struct utsec_digest_verify_result {
    utsec_digest_alg_t alg;        /**< algorithm of the answer */
    utsec_digest_qop_t qop;        /**< qop of the answer */
    uint32_t nc;                   /**< its nonce count */
    int has_auts;                  /**< AKA resynchronisation requested */
    uint8_t rand[UTSEC_AKA_RAND_LEN]; /**< AKA: RAND of the nonce */
    uint8_t auts[UTSEC_AKA_AUTS_LEN]; /**< AKA: AUTS from the client */
    char ha1[UTSEC_DIGEST_HEX_SIZE]; /**< H(A1) used (secret; for the rspauth) */
} utsec_digest_verify_result_t;

/**
 * \brief Verify credentials: nonce origin (MAC, constant time) and age,
 *        realm (for a combined `A;B` realm: either part, or the whole),
 *        opaque, algorithm and qop against the configuration, the
 *        request URI, the response (constant time), then the nonce count.
 *
 * \param s the server.
 * \param auth parsed Authorization (utsec_digest_parse_authorization()).
 * \param method request method.
 * \param method_len its length.
 * \param request_uri the request-target, which must equal the `uri`
 *        parameter; NULL skips the check.
 * \param request_uri_len its length.
 * \param body_hash auth-int: hex H(request body); NULL when empty.
 * \param result receives details (may be NULL); wipe with utsec_wipe().
 * \return 0 (authenticated: answer with utsec_digest_server_auth_info()),
 *         ::UTSEC_ERR_STALE (correct credentials, expired or evicted nonce:
 *         re-challenge with stale=true), ::UTSEC_ERR_SYNC_FAILURE (AKA: the
 *         correct empty-password answer carried `auts`; \c result holds RAND
 *         and AUTS for the resynchronisation, then re-challenge),
 *         ::UTSEC_ERR_AUTH_FAILED (wrong response, unknown user, realm or
 *         opaque mismatch), ::UTSEC_ERR_NONCE (not our nonce),
 *         ::UTSEC_ERR_REPLAY (nc already used or below the window),
 *         ::UTSEC_ERR_UNSUPPORTED (algorithm/qop not configured),
 *         ::UTSEC_ERR_URI_MISMATCH, ::UTSEC_ERR_CALLBACK,
 *         ::UTSEC_ERR_CRYPTO (the nonce MAC could not be computed).
 */
UTSEC_API int utsec_digest_server_verify(utsec_digest_server_t *s,
                                         const utsec_digest_authorization_t *auth,
                                         const char *method, size_t method_len,
                                         const char *request_uri,
                                         size_t request_uri_len,
                                         const char *body_hash,
                                         utsec_digest_verify_result_t *result);

/**
 * \brief Authentication-Info value for a verified request: `rspauth`
 *        (RFC 7616 §3.5), `qop`, `nc`, `cnonce`.
 * \param s the server.
 * \param auth the verified credentials.
 * \param result the result of the successful utsec_digest_server_verify().
 * \param body_hash auth-int: hex H(response body); NULL when empty.
 * \param out receives the value.
 * \param out_size its size.
 * \param out_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_server_auth_info(const utsec_digest_server_t *s,
                                            const utsec_digest_authorization_t *auth,
                                            const utsec_digest_verify_result_t *result,
                                            const char *body_hash, char *out,
                                            size_t out_size, size_t *out_len);
/** @} */

/**
 * \name 3GPP profiles (TS 24.109 §4 Ub, §5.2 Ua; TS 33.222 §5.3)
 * @{
 */

/**
 * \brief Fill a server configuration for the BSF on Ub: AKAv1-MD5,
 *        realm = the home network domain, qop auth-int (TS 24.109 §4, A.3).
 *        The caller then sets secret, rng, time, lookup and replay.
 * \param cfg configuration to fill (zeroed first).
 * \param home_domain realm (e.g. the BSF's domain).
 * \param len its length.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_digest_profile_ub(utsec_digest_server_config_t *cfg,
                                      const char *home_domain, size_t len);

/** Which Ua realm a NAF announces (TS 24.109 §5.2.4; FACTS §2.1). */
typedef enum utsec_digest_ua_realm {
    UTSEC_DIGEST_UA_REALM_ME = 1,   /**< `3GPP-bootstrapping@FQDN` (Ks_(ext)_NAF) */
    UTSEC_DIGEST_UA_REALM_UICC = 2, /**< `3GPP-bootstrapping-uicc@FQDN` (Ks_int_NAF) */
    UTSEC_DIGEST_UA_REALM_BOTH = 3  /**< `3GPP-bootstrapping-uicc@FQDN;3GPP-bootstrapping@FQDN` */
} utsec_digest_ua_realm_t;

/**
 * \brief Build a Ua realm string.
 * \param which ME, UICC or both (combined with `;`).
 * \param fqdn the NAF FQDN the UE addressed.
 * \param fqdn_len its length.
 * \param out receives the realm, NUL-terminated.
 * \param out_size its size.
 * \param out_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BAD_HOST or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_digest_ua_realm(utsec_digest_ua_realm_t which,
                                    const char *fqdn, size_t fqdn_len,
                                    char *out, size_t out_size,
                                    size_t *out_len);

/**
 * \brief Which key a realm selects: parses `3GPP-bootstrapping@FQDN`
 *        (Ks_(ext)_NAF) or `3GPP-bootstrapping-uicc@FQDN` (Ks_int_NAF), or
 *        the combined form (the UE then prefers the ME key, as the AOSP
 *        client does) and checks that FQDN equals the host the UE addressed.
 * \param realm the realm from the challenge.
 * \param realm_len its length.
 * \param fqdn the host the UE connected to.
 * \param fqdn_len its length.
 * \param variant receives ::UTSEC_GBA_VARIANT_ME or ::UTSEC_GBA_VARIANT_U_INT.
 * \param answer_realm receives the single realm to answer with (a view
 *        into \p realm).
 * \return 0, ::UTSEC_ERR_PARSE (not a GBA realm) or ::UTSEC_ERR_BAD_HOST
 *         (FQDN mismatch).
 */
UTSEC_API int utsec_digest_ua_realm_parse(const char *realm, size_t realm_len,
                                          const char *fqdn, size_t fqdn_len,
                                          utsec_gba_variant_t *variant,
                                          utsec_digest_str_t *answer_realm);

/**
 * \brief The Ua Digest password from CK, IK, RAND, IMPI and the NAF:
 *        base64(Ks_(ext/int)_NAF) with NAF_Id = FQDN || \p ua_id
 *        (::UTSEC_GBA_UA_HTTP_DIGEST for plain HTTP, utsec_gba_ua_id_tls()
 *        for Digest inside TLS).
 * \param ck CK.
 * \param ik IK.
 * \param rand RAND of the bootstrapping.
 * \param impi the IMPI.
 * \param impi_len its length.
 * \param fqdn the NAF FQDN.
 * \param fqdn_len its length.
 * \param ua_id 5-octet Ua security protocol id.
 * \param variant ME (Ks_NAF / Ks_ext_NAF) or U_INT (Ks_int_NAF).
 * \param out receives 44 characters and a NUL (::UTSEC_GBA_PASSWORD_SIZE).
 * \param out_size its size.
 * \return 0 or the error of the underlying GBA function.
 */
UTSEC_API int utsec_digest_ua_password(const uint8_t ck[UTSEC_AKA_KEY_LEN],
                                       const uint8_t ik[UTSEC_AKA_KEY_LEN],
                                       const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                       const char *impi, size_t impi_len,
                                       const char *fqdn, size_t fqdn_len,
                                       const uint8_t ua_id[UTSEC_GBA_UA_ID_LEN],
                                       utsec_gba_variant_t variant, char *out,
                                       size_t out_size);

/**
 * \brief Fill a server configuration for a NAF on Ua (username = B-TID,
 *        password = base64(Ks_NAF) supplied by the lookup callback; realm as
 *        \p which; MD5 and SHA-256 offered, qop auth and auth-int).
 * \param cfg configuration to fill (zeroed first).
 * \param realm_buf caller buffer that receives the realm (cfg points to it).
 * \param realm_buf_size its size.
 * \param which realm form.
 * \param fqdn the NAF FQDN.
 * \param fqdn_len its length.
 * \return as utsec_digest_ua_realm().
 */
UTSEC_API int utsec_digest_profile_ua(utsec_digest_server_config_t *cfg,
                                      char *realm_buf, size_t realm_buf_size,
                                      utsec_digest_ua_realm_t which,
                                      const char *fqdn, size_t fqdn_len);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_DIGEST_H */
