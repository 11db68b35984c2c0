/**
 * \file tls_psk.h
 * \brief TLS with GBA keys on mbedTLS: TLS-PSK for the NAF / Authentication
 *        Proxy and the UE (TS 33.222 §5.4, TS 24.109 §5.3.3), the negotiated
 *        suite for Digest inside server-authenticated TLS (TS 33.222 §5.3),
 *        and mutual certificate TLS for the AP to presence-server hop
 *        (TS 33.210 §6.2).
 *
 * The library never opens a socket: the caller owns every
 * `mbedtls_ssl_config` and `mbedtls_ssl_context` and supplies the mbedTLS BIO
 * callbacks. The structs below are caller-allocated, hold no heap memory of
 * their own, and `_free()` wipes every secret they hold. See the
 * \ref tls_psk "TLS-PSK page" for the message flow and the known limits
 * (mbedTLS cannot send a PSK identity hint).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TLS_PSK_H
#define UTSEC_TLS_PSK_H

#include "utsec/common.h"

#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Length of a NAF key used as PSK (Ks_NAF, Ks_ext_NAF, Ks_int_NAF). */
#define UTSEC_TLS_KEY_LEN 32
/** Most cipher suites a configuration can hold. */
#define UTSEC_TLS_MAX_SUITES 24
/** Longest B-TID the NAF accepts in a PSK identity, in octets. */
#define UTSEC_TLS_BTID_MAX 255
/** Longest PSK identity prefix (::utsec_tls_id_policy_t), in octets. */
#define UTSEC_TLS_PREFIX_MAX 32
/** Buffer size for any PSK identity built by utsec_tls_psk_identity_build(). */
#define UTSEC_TLS_PSK_ID_SIZE (UTSEC_TLS_PREFIX_MAX + 8 + 1 + UTSEC_TLS_BTID_MAX + 1)
/** Buffer size for a DNS name (253 octets) and its NUL. */
#define UTSEC_TLS_FQDN_SIZE 254
/** Longest IMPI the UE keeps, in octets. */
#define UTSEC_TLS_IMPI_MAX 255
/** Size of the identity store of a NAF session (all identities with NULs). */
#define UTSEC_TLS_IDS_SIZE 1024
/** Buffer size for a NAF_Id = FQDN || 5-octet Ua id. */
#define UTSEC_TLS_NAF_ID_SIZE (UTSEC_TLS_FQDN_SIZE - 1 + 5)

/** Which bootstrapped key a PSK identity names (TS 33.222 §5.4, TS 24.109
 *  §5.3.3; prefixes per TS 36.508 §4.7H and the realm prefixes of §5.2). */
typedef enum utsec_tls_key_variant {
    /** `3GPP-bootstrapping`: Ks_NAF (GBA_ME) or Ks_ext_NAF (GBA_U). */
    UTSEC_TLS_KEY_ME = 0,
    /** `3GPP-bootstrapping-uicc`: Ks_int_NAF (GBA_U, derived in the UICC). */
    UTSEC_TLS_KEY_UICC = 1,
    /** `3GPP-bootstrapping-digest`: the GBA_Digest Ks_NAF. */
    UTSEC_TLS_KEY_DIGEST = 2
} utsec_tls_key_variant_t;

/** \name PSK identity forms a NAF accepts (::utsec_tls_id_policy_t::accept)
 * @{ */
/** prefix, separator, B-TID (the TS 36.508 §4.7H form). */
#define UTSEC_TLS_ID_PREFIX_SEP 0x01u
/** prefix immediately followed by the B-TID (no separator). */
#define UTSEC_TLS_ID_PREFIX_NOSEP 0x02u
/** the B-TID alone (taken as ::UTSEC_TLS_KEY_ME). */
#define UTSEC_TLS_ID_BARE 0x04u
/** the `-uicc` prefix (::UTSEC_TLS_KEY_UICC). */
#define UTSEC_TLS_ID_UICC 0x08u
/** the `-digest` prefix (::UTSEC_TLS_KEY_DIGEST). */
#define UTSEC_TLS_ID_DIGEST 0x10u
/** any B-TID of 1..255 printable ASCII octets instead of the strict
 *  base64(RAND) `@` host form of TS 33.220 §4.5.2. */
#define UTSEC_TLS_ID_ANY_BTID 0x20u
/** every form above except ::UTSEC_TLS_ID_ANY_BTID (the default). */
#define UTSEC_TLS_ID_ALL 0x1Fu
/** @} */

/** How PSK identities are written and read. */
typedef struct utsec_tls_id_policy {
    /** prefix text, NULL for `3GPP-bootstrapping`; at most
     *  ::UTSEC_TLS_PREFIX_MAX octets, copied by the setup functions. */
    const char *prefix;
    size_t prefix_len;  /**< length of \p prefix */
    char separator;     /**< separator after the prefix; 0 means `.` */
    unsigned accept;    /**< UTSEC_TLS_ID_* flags; 0 means ::UTSEC_TLS_ID_ALL */
} utsec_tls_id_policy_t;

/** A parsed PSK identity: views into the caller's text. */
typedef struct utsec_tls_psk_id {
    const char *btid;                /**< the B-TID (not NUL-terminated) */
    size_t btid_len;                 /**< its length */
    utsec_tls_key_variant_t variant; /**< which key the prefix names */
    unsigned form;                   /**< the UTSEC_TLS_ID_* form that matched */
} utsec_tls_psk_id_t;

/**
 * \brief Parse a TLS PSK identity into a B-TID and a key variant
 *        (TS 33.222 §5.4; forms of TS 36.508 §4.7H).
 *
 * Accepted forms (each can be switched off in \p policy): prefix `.` B-TID,
 * prefix B-TID, and a bare B-TID; the prefix is `3GPP-bootstrapping`,
 * optionally followed by `-uicc` or `-digest`. The B-TID must be
 * base64(RAND) `@` host (TS 33.220 §4.5.2) unless ::UTSEC_TLS_ID_ANY_BTID.
 *
 * \param id the identity octets from the ClientKeyExchange (untrusted).
 * \param id_len their length.
 * \param policy the forms to accept; NULL for the defaults.
 * \param out receives views into \p id; written only on success.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BAD_PSK_IDENTITY
 *         (malformed, or a form the policy refuses).
 */
UTSEC_API int utsec_tls_psk_identity_parse(const char *id, size_t id_len,
                                           const utsec_tls_id_policy_t *policy,
                                           utsec_tls_psk_id_t *out);

/**
 * \brief Build the PSK identity prefix[-uicc|-digest] separator B-TID the
 *        UE sends (TS 33.222 §5.4, TS 36.508 §4.7H).
 * \param btid the B-TID (1..::UTSEC_TLS_BTID_MAX octets, no NUL).
 * \param btid_len its length.
 * \param variant the key variant, selecting the prefix.
 * \param policy prefix and separator; NULL for `3GPP-bootstrapping` and `.`
 *        (`policy->accept` is not used here).
 * \param out output buffer (::UTSEC_TLS_PSK_ID_SIZE suffices); NUL-terminated.
 * \param out_size size of \p out.
 * \param out_len receives the identity length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_tls_psk_identity_build(const char *btid, size_t btid_len,
                                           utsec_tls_key_variant_t variant,
                                           const utsec_tls_id_policy_t *policy,
                                           char *out, size_t out_size,
                                           size_t *out_len);

/**
 * \brief The default TS 33.222 / 33.310 PSK suite list, in preference
 *        order, restricted to the suites this mbedTLS build has.
 *
 * ECDHE-PSK AES-CBC-SHA256/384, DHE-PSK AES-GCM and AES-CBC-SHA256/384
 * (when DHE-PSK is built in), PSK AES-GCM and AES-CBC-SHA256/384. Never NULL,
 * RC4, 3DES or RSA-PSK suites.
 *
 * \param out receives the IANA codes.
 * \param out_max capacity of \p out (::UTSEC_TLS_MAX_SUITES suffices).
 * \param n receives the count.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_tls_psk_default_suites(uint16_t *out, size_t out_max,
                                           size_t *n);

/**
 * \brief Whether a suite may be used with GBA keys: a PSK, DHE-PSK or
 *        ECDHE-PSK suite with AES-GCM, AES-CCM, AES-CBC or ChaCha20-Poly1305
 *        that this mbedTLS build implements (never NULL, RC4 or 3DES).
 * \param suite IANA code.
 * \return 1 when allowed, 0 otherwise.
 */
UTSEC_API int utsec_tls_psk_suite_allowed(uint16_t suite);

/**
 * \brief The cipher suite of a finished handshake (public mbedTLS API).
 *
 * For Digest inside server-authenticated TLS (TS 33.222 §5.3) the digest
 * password uses NAF_Id = FQDN || 01 00 01 yy zz with this suite; see
 * utsec_tls_naf_id_for_ssl().
 *
 * \param ssl a context whose handshake completed.
 * \param suite receives the IANA code.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_STATE (no handshake).
 */
UTSEC_API int utsec_tls_negotiated_suite(const mbedtls_ssl_context *ssl,
                                         uint16_t *suite);

/**
 * \brief NAF_Id = FQDN || 01 00 01 yy zz for the suite negotiated on \p ssl
 *        (TS 33.220 Annex H, TS 33.222 §5.3/§5.4).
 * \param ssl a context whose handshake completed.
 * \param fqdn the NAF FQDN the UE addressed (not NUL-terminated).
 * \param fqdn_len its length.
 * \param out output buffer (::UTSEC_TLS_NAF_ID_SIZE suffices).
 * \param out_size its size.
 * \param out_len receives fqdn_len + 5.
 * \return 0, or the errors of utsec_tls_negotiated_suite() and
 *         utsec_gba_naf_id().
 */
UTSEC_API int utsec_tls_naf_id_for_ssl(const mbedtls_ssl_context *ssl,
                                       const char *fqdn, size_t fqdn_len,
                                       uint8_t *out, size_t out_size,
                                       size_t *out_len);

/* ------------------------------------------------------------------ NAF */

/** What the NAF asks its key provider (the Zn lookup). All views are valid
 *  only during the call. */
typedef struct utsec_tls_key_request {
    const char *btid;                /**< the B-TID from the PSK identity */
    size_t btid_len;                 /**< its length */
    utsec_tls_key_variant_t variant; /**< key the UE chose (by prefix) */
    const uint8_t *naf_id;           /**< FQDN || 01 00 01 yy zz */
    size_t naf_id_len;               /**< its length */
    const char *naf_fqdn;            /**< the FQDN part (SNI or configured) */
    size_t naf_fqdn_len;             /**< its length */
    uint16_t cipher_suite;           /**< the negotiated suite (yy zz) */
    const char *psk_identity;        /**< the raw PSK identity (for logs) */
    size_t psk_identity_len;         /**< its length */
} utsec_tls_key_request_t;

/** Where the key provider answers. Filled with zeros (expiry 0) before the
 *  call, so a provider that forgets the lifetime gets an expired key. */
typedef struct utsec_tls_key_reply {
    uint8_t key[UTSEC_TLS_KEY_LEN]; /**< the 32-octet NAF key (wiped after use) */
    int64_t expiry;                 /**< key lifetime, Unix seconds (UTC) */
    /** \cond INTERNAL */
    char *ids;
    size_t ids_size, ids_len, n_ids;
    /** \endcond */
} utsec_tls_key_reply_t;

/**
 * \brief Key provider: the Zn lookup of a NAF (TS 33.220 §4.5.3).
 *
 * Given the B-TID and the NAF_Id, return the NAF key of the requested
 * variant, its lifetime and the user's public identities
 * (utsec_tls_key_reply_add_identity()).
 *
 * \param ctx the caller's context.
 * \param req the request (read-only).
 * \param reply where to write the answer.
 * \return 0; ::UTSEC_ERR_UNKNOWN_ID when the BSF does not know the B-TID;
 *         ::UTSEC_ERR_EXPIRED when it knows it but the key expired; any other
 *         negative libutsec code is kept; other values become
 *         ::UTSEC_ERR_CALLBACK.
 */
typedef int (*utsec_tls_key_provider_fn)(void *ctx,
                                         const utsec_tls_key_request_t *req,
                                         utsec_tls_key_reply_t *reply);

/**
 * \brief Add one of the user's public identities (an IMPU from the USS) to a
 *        key provider reply; it becomes readable from the NAF session.
 * \param reply the reply passed to the provider.
 * \param id the identity (e.g. `sip:alice@example.org`), without NUL.
 * \param id_len its length (1 or more).
 * \return 0, ::UTSEC_ERR_INVALID_ARG (NULL, empty, contains NUL) or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL (::UTSEC_TLS_IDS_SIZE in total).
 */
UTSEC_API int utsec_tls_key_reply_add_identity(utsec_tls_key_reply_t *reply,
                                               const char *id, size_t id_len);

/** NAF configuration for utsec_tls_naf_setup(). */
typedef struct utsec_tls_naf_params {
    /** the NAF FQDN for NAF_Id when the ClientHello carries no SNI (or
     *  \p use_sni is 0); may be NULL when \p use_sni is set. */
    const char *naf_fqdn;
    size_t naf_fqdn_len;               /**< its length */
    int use_sni;                       /**< 1: NAF_Id from the SNI when present */
    utsec_tls_key_provider_fn provider; /**< the Zn lookup (required) */
    void *provider_ctx;                /**< its context */
    const uint16_t *suites;            /**< suites, NULL for the default list */
    size_t n_suites;                   /**< count of \p suites */
    const utsec_tls_id_policy_t *id_policy; /**< NULL: accept every form */
    utsec_time_fn time;                /**< clock, NULL for utsec_time_now() */
    void *time_ctx;                    /**< its context */
    utsec_rng_fn rng;                  /**< RNG for mbedTLS (required) */
    void *rng_ctx;                     /**< its context */
} utsec_tls_naf_params_t;

/** NAF state shared by all connections of one `mbedtls_ssl_config`.
 *  Caller-allocated; it must outlive the configuration. Treat as opaque. */
typedef struct utsec_tls_naf {
    /** \cond INTERNAL */
    uint32_t magic;
    char fqdn[UTSEC_TLS_FQDN_SIZE];
    size_t fqdn_len;
    int use_sni;
    utsec_tls_key_provider_fn provider;
    void *provider_ctx;
    utsec_time_fn time;
    void *time_ctx;
    char prefix[UTSEC_TLS_PREFIX_MAX];
    utsec_tls_id_policy_t policy;
    int suites[UTSEC_TLS_MAX_SUITES + 1];
    /** \endcond */
} utsec_tls_naf_t;

/** Per-connection NAF state and, after the handshake, its result.
 *  Caller-allocated; read it through the accessors. */
typedef struct utsec_tls_naf_session {
    /** \cond INTERNAL */
    uint32_t magic;
    const utsec_tls_naf_t *naf;
    mbedtls_ssl_context *ssl;
    void *p_bio;
    mbedtls_ssl_send_t *f_send;
    mbedtls_ssl_recv_t *f_recv;
    mbedtls_ssl_recv_timeout_t *f_recv_timeout;
    int err, tls_err, psk_ok, done;
    char sni[UTSEC_TLS_FQDN_SIZE];
    size_t sni_len;
    char btid[UTSEC_TLS_BTID_MAX + 1];
    size_t btid_len;
    utsec_tls_key_variant_t variant;
    uint16_t suite;
    int64_t expiry;
    char ids[UTSEC_TLS_IDS_SIZE];
    size_t ids_len, n_ids;
    /** \endcond */
} utsec_tls_naf_session_t;

/**
 * \brief Configure \p conf as a TS 33.222 §5.4 TLS-PSK server (NAF/AP):
 *        TLS 1.2 only, the PSK suites, the PSK and SNI callbacks.
 *
 * Calls mbedtls_ssl_config_defaults() (server, stream) and then sets the
 * version, suites, RNG, PSK callback (mbedtls_ssl_conf_psk_cb()) and SNI
 * callback. mbedTLS servers send no PSK identity hint: see the
 * \ref tls_psk "TLS-PSK page".
 *
 * \param naf caller-owned state, filled here; must outlive \p conf.
 * \param p parameters (copied; the provider and contexts are kept).
 * \param conf a configuration initialised with mbedtls_ssl_config_init().
 * \return 0; ::UTSEC_ERR_INVALID_ARG (NULL, no provider or RNG, no FQDN
 *         and no SNI use, prefix too long); ::UTSEC_ERR_BAD_HOST;
 *         ::UTSEC_ERR_TLS_SUITE (a suite not allowed or not built);
 *         ::UTSEC_ERR_TOO_MANY; ::UTSEC_ERR_TLS (mbedTLS failure).
 */
UTSEC_API int utsec_tls_naf_setup(utsec_tls_naf_t *naf,
                                  const utsec_tls_naf_params_t *p,
                                  mbedtls_ssl_config *conf);

/**
 * \brief Wipe a NAF state (after mbedtls_ssl_config_free()).
 * \param naf the state; NULL is ignored.
 */
UTSEC_API void utsec_tls_naf_free(utsec_tls_naf_t *naf);

/**
 * \brief Bind a connection to its NAF state and install the caller's BIO.
 *
 * Call after mbedtls_ssl_setup(ssl, conf) instead of mbedtls_ssl_set_bio():
 * the library installs thin wrappers around \p f_send / \p f_recv /
 * \p f_recv_timeout so that its callbacks can find this session (mbedTLS
 * 2.28 has no per-connection user pointer). Do not call
 * mbedtls_ssl_set_bio() afterwards. Works for a reset context too
 * (mbedtls_ssl_session_reset() then this call).
 *
 * \param s caller-owned session; must outlive the handshake.
 * \param naf the state given to utsec_tls_naf_setup() for \p ssl's config.
 * \param ssl the connection.
 * \param p_bio the caller's BIO context.
 * \param f_send the caller's send callback (required).
 * \param f_recv the caller's receive callback (this or \p f_recv_timeout).
 * \param f_recv_timeout the caller's receive-with-timeout callback, or NULL.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_tls_naf_session_setup(utsec_tls_naf_session_t *s,
                                          const utsec_tls_naf_t *naf,
                                          mbedtls_ssl_context *ssl, void *p_bio,
                                          mbedtls_ssl_send_t *f_send,
                                          mbedtls_ssl_recv_t *f_recv,
                                          mbedtls_ssl_recv_timeout_t *f_recv_timeout);

/**
 * \brief Run (or continue) the server handshake.
 *
 * \param s a session from utsec_tls_naf_session_setup().
 * \return 0 when the handshake is complete and the UE authenticated;
 *         ::UTSEC_ERR_TLS_WANT_READ / ::UTSEC_ERR_TLS_WANT_WRITE (call
 *         again when the transport is ready); ::UTSEC_ERR_BAD_PSK_IDENTITY;
 *         ::UTSEC_ERR_UNKNOWN_ID or ::UTSEC_ERR_EXPIRED (the UE should
 *         bootstrap again: TS 24.109 §5.3.3 bootstrapping renegotiation);
 *         ::UTSEC_ERR_CALLBACK or the provider's own code;
 *         ::UTSEC_ERR_BAD_HOST (no usable FQDN for NAF_Id);
 *         ::UTSEC_ERR_TLS_BAD_KEY (the UE's Finished did not verify: it used
 *         another key); ::UTSEC_ERR_TLS (other mbedTLS failure, see
 *         utsec_tls_naf_session_tls_error()). The same code is returned by
 *         every later call and by utsec_tls_naf_session_error().
 */
UTSEC_API int utsec_tls_naf_handshake(utsec_tls_naf_session_t *s);

/**
 * \brief The error that ended the handshake (0 while none).
 * \param s the session.
 * \return as utsec_tls_naf_handshake(), or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_tls_naf_session_error(const utsec_tls_naf_session_t *s);

/**
 * \brief The raw mbedTLS error code behind ::UTSEC_ERR_TLS (0 if none).
 * \param s the session.
 * \return a negative mbedTLS code or 0.
 */
UTSEC_API int utsec_tls_naf_session_tls_error(const utsec_tls_naf_session_t *s);

/**
 * \brief The authenticated B-TID and key variant (after a successful
 *        handshake).
 * \param s the session.
 * \param btid receives a NUL-terminated view into \p s.
 * \param btid_len receives its length; may be NULL.
 * \param variant receives the key variant; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_STATE (not
 *         authenticated).
 */
UTSEC_API int utsec_tls_naf_session_btid(const utsec_tls_naf_session_t *s,
                                         const char **btid, size_t *btid_len,
                                         utsec_tls_key_variant_t *variant);

/**
 * \brief The negotiated cipher suite and the key lifetime (after a
 *        successful handshake).
 * \param s the session.
 * \param suite receives the IANA code; may be NULL.
 * \param expiry receives the key lifetime (Unix seconds); may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_STATE.
 */
UTSEC_API int utsec_tls_naf_session_suite(const utsec_tls_naf_session_t *s,
                                          uint16_t *suite, int64_t *expiry);

/**
 * \brief One of the user's identities returned by the key provider.
 * \param s the session (after a successful handshake).
 * \param idx 0-based index.
 * \param id receives a NUL-terminated view into \p s.
 * \param id_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE or
 *         ::UTSEC_ERR_NOT_FOUND (\p idx past the end).
 */
UTSEC_API int utsec_tls_naf_session_identity(const utsec_tls_naf_session_t *s,
                                             size_t idx, const char **id,
                                             size_t *id_len);

/**
 * \brief Wipe a session (after mbedtls_ssl_free() or before reusing it).
 * \param s the session; NULL is ignored.
 */
UTSEC_API void utsec_tls_naf_session_free(utsec_tls_naf_session_t *s);

/* ------------------------------------------------------------------- UE */

/**
 * \brief NAF key callback for a UE that cannot derive the key itself
 *        (GBA_U: only the UICC holds Ks, TS 33.220 Annex G; or GBA_Digest).
 * \param ctx the caller's context.
 * \param variant the key wanted (Ks_ext_NAF, Ks_int_NAF or GBA_Digest).
 * \param naf_id NAF_Id = FQDN || 01 00 01 yy zz for the negotiated suite.
 * \param naf_id_len its length.
 * \param key receives the 32-octet key.
 * \return 0 or non-zero on failure (reported as ::UTSEC_ERR_CALLBACK unless
 *         it is a negative libutsec code).
 */
typedef int (*utsec_tls_ue_key_fn)(void *ctx, utsec_tls_key_variant_t variant,
                                   const uint8_t *naf_id, size_t naf_id_len,
                                   uint8_t key[UTSEC_TLS_KEY_LEN]);

/** UE configuration for utsec_tls_ue_setup(). Give either \p ck, \p ik,
 *  \p rand and \p impi (GBA_ME: the library derives Ks_NAF or Ks_int_NAF) or
 *  \p key_cb. */
typedef struct utsec_tls_ue_params {
    const char *btid;                /**< the B-TID from the BSF (required) */
    size_t btid_len;                 /**< its length */
    utsec_tls_key_variant_t variant; /**< key variant and PSK identity prefix */
    const char *naf_fqdn;            /**< NAF FQDN: SNI and NAF_Id (required) */
    size_t naf_fqdn_len;             /**< its length */
    const uint8_t *ck;               /**< CK (16 octets) or NULL */
    const uint8_t *ik;               /**< IK (16 octets) or NULL */
    const uint8_t *rand;             /**< RAND (16 octets) or NULL */
    const char *impi;                /**< IMPI (UTF-8) or NULL */
    size_t impi_len;                 /**< its length */
    utsec_tls_ue_key_fn key_cb;      /**< key callback, or NULL */
    void *key_ctx;                   /**< its context */
    const uint16_t *suites;          /**< offered suites, NULL for the default */
    size_t n_suites;                 /**< count of \p suites */
    const utsec_tls_id_policy_t *id_policy; /**< prefix/separator, or NULL */
    utsec_rng_fn rng;                /**< RNG for mbedTLS (required) */
    void *rng_ctx;                   /**< its context */
} utsec_tls_ue_params_t;

/** UE state shared by the connections of one `mbedtls_ssl_config`; holds Ks
 *  for GBA_ME. Caller-allocated; must outlive the configuration. */
typedef struct utsec_tls_ue {
    /** \cond INTERNAL */
    uint32_t magic;
    utsec_tls_key_variant_t variant;
    char fqdn[UTSEC_TLS_FQDN_SIZE];
    size_t fqdn_len;
    char identity[UTSEC_TLS_PSK_ID_SIZE];
    size_t identity_len;
    int have_ks;
    uint8_t ks[UTSEC_TLS_KEY_LEN];
    uint8_t rand[16];
    char impi[UTSEC_TLS_IMPI_MAX];
    size_t impi_len;
    utsec_tls_ue_key_fn key_cb;
    void *key_ctx;
    int suites[UTSEC_TLS_MAX_SUITES + 1];
    /** \endcond */
} utsec_tls_ue_t;

/** Per-connection UE state. Caller-allocated. */
typedef struct utsec_tls_ue_session {
    /** \cond INTERNAL */
    uint32_t magic;
    const utsec_tls_ue_t *ue;
    mbedtls_ssl_context *ssl;
    int psk_set, done, err, tls_err;
    uint16_t suite;
    /** \endcond */
} utsec_tls_ue_session_t;

/**
 * \brief Configure \p conf as a TS 33.222 §5.4 TLS-PSK client (UE):
 *        TLS 1.2 only, the offered PSK suites and the PSK identity.
 *
 * The real PSK depends on the suite the NAF picks, so \p conf gets a random
 * placeholder PSK (so that a handshake run without
 * utsec_tls_ue_handshake() fails instead of using a known key), and
 * utsec_tls_ue_handshake() installs Ks_(ext/int)_NAF for the negotiated
 * suite after the ServerHello and before the ClientKeyExchange.
 *
 * \param ue caller-owned state, filled here; must outlive \p conf.
 * \param p parameters (copied; CK, IK are combined into Ks and kept until
 *        utsec_tls_ue_free()).
 * \param conf a configuration initialised with mbedtls_ssl_config_init().
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BAD_HOST,
 *         ::UTSEC_ERR_TOO_LONG, ::UTSEC_ERR_TLS_SUITE, ::UTSEC_ERR_TOO_MANY,
 *         ::UTSEC_ERR_RNG or ::UTSEC_ERR_TLS. On error \p ue holds no
 *         secret.
 */
UTSEC_API int utsec_tls_ue_setup(utsec_tls_ue_t *ue,
                                 const utsec_tls_ue_params_t *p,
                                 mbedtls_ssl_config *conf);

/**
 * \brief Wipe the UE state (Ks, RAND, IMPI) after mbedtls_ssl_config_free().
 * \param ue the state; NULL is ignored.
 */
UTSEC_API void utsec_tls_ue_free(utsec_tls_ue_t *ue);

/**
 * \brief Bind a connection to the UE state and set SNI = NAF FQDN.
 *
 * Call after mbedtls_ssl_setup() and mbedtls_ssl_set_bio().
 *
 * \param s caller-owned session.
 * \param ue the state given to utsec_tls_ue_setup() for \p ssl's config.
 * \param ssl the connection.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TLS.
 */
UTSEC_API int utsec_tls_ue_session_setup(utsec_tls_ue_session_t *s,
                                         const utsec_tls_ue_t *ue,
                                         mbedtls_ssl_context *ssl);

/**
 * \brief Run (or continue) the client handshake, installing the NAF key for
 *        the negotiated suite once the ServerHello is processed.
 * \param s a session from utsec_tls_ue_session_setup().
 * \return 0; ::UTSEC_ERR_TLS_WANT_READ / ::UTSEC_ERR_TLS_WANT_WRITE;
 *         ::UTSEC_ERR_TLS_SUITE (the server picked a suite that is not a
 *         GBA PSK suite); ::UTSEC_ERR_CALLBACK or the key callback's code;
 *         ::UTSEC_ERR_UNKNOWN_ID (the NAF answered unknown_psk_identity: it
 *         does not know the B-TID, the key expired, or it refused the
 *         identity; bootstrap again, TS 24.109 §5.3.3);
 *         ::UTSEC_ERR_TLS_BAD_KEY (the NAF answered bad_record_mac or
 *         decrypt_error: it holds another key); ::UTSEC_ERR_TLS (other
 *         failure, see utsec_tls_ue_session_tls_error()).
 */
UTSEC_API int utsec_tls_ue_handshake(utsec_tls_ue_session_t *s);

/**
 * \brief The negotiated suite (known once the ServerHello is processed).
 * \param s the session.
 * \param suite receives the IANA code.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_STATE.
 */
UTSEC_API int utsec_tls_ue_session_suite(const utsec_tls_ue_session_t *s,
                                         uint16_t *suite);

/**
 * \brief The raw mbedTLS error code behind ::UTSEC_ERR_TLS (0 if none).
 * \param s the session.
 * \return a negative mbedTLS code or 0.
 */
UTSEC_API int utsec_tls_ue_session_tls_error(const utsec_tls_ue_session_t *s);

/**
 * \brief Wipe a UE session.
 * \param s the session; NULL is ignored.
 */
UTSEC_API void utsec_tls_ue_session_free(utsec_tls_ue_session_t *s);

/* ---------------------------------------------- AP <-> presence server */

/** Configuration of the network-domain hop (TS 33.210 §6.2). */
typedef struct utsec_tls_nds_params {
    int endpoint;               /**< MBEDTLS_SSL_IS_CLIENT or MBEDTLS_SSL_IS_SERVER */
    mbedtls_x509_crt *ca_chain; /**< trusted CAs for the peer (required) */
    mbedtls_x509_crl *ca_crl;   /**< CRLs, or NULL */
    mbedtls_x509_crt *own_cert; /**< this node's certificate chain (required) */
    mbedtls_pk_context *own_key; /**< its private key (required) */
    utsec_rng_fn rng;           /**< RNG (required) */
    void *rng_ctx;              /**< its context */
} utsec_tls_nds_params_t;

/** Storage for the suite list of an NDS configuration; must outlive it. */
typedef struct utsec_tls_nds {
    /** \cond INTERNAL */
    int suites[UTSEC_TLS_MAX_SUITES + 1];
    /** \endcond */
} utsec_tls_nds_t;

/**
 * \brief Configure \p conf for the AP to presence-server hop: mutual
 *        certificate authentication (peer certificate required), TLS 1.2
 *        with ECDHE and AEAD suites only (AES-GCM, ChaCha20-Poly1305), and
 *        TLS 1.3 where the mbedTLS build has it (TS 33.210 §6.2).
 * \param nds storage for the suite list; must outlive \p conf.
 * \param p parameters; the certificates and key must outlive \p conf.
 * \param conf a configuration initialised with mbedtls_ssl_config_init().
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_UNSUPPORTED (no ECDHE
 *         AEAD suite in this build) or ::UTSEC_ERR_TLS.
 */
UTSEC_API int utsec_tls_nds_setup(utsec_tls_nds_t *nds,
                                  const utsec_tls_nds_params_t *p,
                                  mbedtls_ssl_config *conf);

/**
 * \brief The subject common name of the verified peer certificate.
 * \param ssl a connection whose handshake completed.
 * \param cn receives a view into the certificate (not NUL-terminated),
 *        valid while \p ssl lives.
 * \param cn_len receives its length.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_UNTRUSTED_PEER (no
 *         verified peer certificate) or ::UTSEC_ERR_NOT_FOUND (no CN).
 */
UTSEC_API int utsec_tls_peer_cn(const mbedtls_ssl_context *ssl,
                                const char **cn, size_t *cn_len);

/**
 * \brief The \p idx-th subjectAltName dNSName of the verified peer
 *        certificate.
 * \param ssl a connection whose handshake completed.
 * \param idx 0-based index among the dNSName entries.
 * \param name receives a view into the certificate (not NUL-terminated).
 * \param name_len receives its length.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_UNTRUSTED_PEER or
 *         ::UTSEC_ERR_NOT_FOUND (\p idx past the end).
 */
UTSEC_API int utsec_tls_peer_dns_name(const mbedtls_ssl_context *ssl,
                                      size_t idx, const char **name,
                                      size_t *name_len);

/**
 * \brief Whether the verified peer certificate names \p host: an exact
 *        (case-insensitive) subjectAltName dNSName match, or the subject CN
 *        when the certificate has no dNSName (RFC 6125 §6.4.4).
 *        Wildcards are not honoured.
 * \param ssl a connection whose handshake completed.
 * \param host the expected host name.
 * \param host_len its length.
 * \return 1 when it matches, 0 otherwise (also for errors).
 */
UTSEC_API int utsec_tls_peer_has_name(const mbedtls_ssl_context *ssl,
                                      const char *host, size_t host_len);

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_TLS_PSK_H */
