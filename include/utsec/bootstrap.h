/**
 * \file bootstrap.h
 * \brief Bootstrapping: the BootstrappingInfo document the BSF returns in
 *        its 200 OK on Ub (TS 24.109 Annex C, media type
 *        `application/vnd.3gpp.bsf+xml`, namespace `uri:3gpp-gba`), the BSF's
 *        bootstrapping contexts and their store, and the Zn lookup
 *        (TS 33.220 §4.5), and the Ub exchange itself as two transport-
 *        agnostic state machines: the UE (::utsec_boot_ue_t) and the BSF
 *        (::utsec_boot_bsf_t) (TS 24.109 §4, Annex A; TS 33.220 §4.5.2).
 *
 * The parser is small and hand-written: no DTD (so no external entities),
 * bounded size and depth, namespace-aware for the elements it reads, and it
 * ignores unknown elements and attributes as Annex C requires of receivers.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_BOOTSTRAP_H
#define UTSEC_BOOTSTRAP_H

#include "utsec/common.h"
#include "utsec/aka.h"
#include "utsec/digest.h"
#include "utsec/gba.h"

#ifdef __cplusplus
extern "C" {
#endif

/** MIME type of a BootstrappingInfo document (TS 24.109 Annex C). */
#define UTSEC_BOOT_INFO_MIME "application/vnd.3gpp.bsf+xml"
/** XML namespace of a BootstrappingInfo document. */
#define UTSEC_BOOT_INFO_NS "uri:3gpp-gba"
/** Largest document utsec_boot_info_parse() accepts, in octets. */
#define UTSEC_BOOT_INFO_MAX_DOC 8192
/** Deepest element nesting utsec_boot_info_parse() accepts. */
#define UTSEC_BOOT_INFO_MAX_DEPTH 16
/** Longest B-TID accepted or produced, in octets. */
#define UTSEC_BOOT_BTID_MAX 255
/** Buffer size that holds any document utsec_boot_info_format() produces
 *  (every B-TID octet escaped as `&amp;`, both times, the NUL). */
#define UTSEC_BOOT_INFO_FORMAT_MAX (5 * UTSEC_BOOT_BTID_MAX + 256)

/** What a BootstrappingInfo document carries. */
typedef struct utsec_boot_info {
    /** The B-TID, NUL-terminated (1..255 printable ASCII, no spaces). */
    char btid[UTSEC_BOOT_BTID_MAX + 1];
    size_t btid_len;       /**< length of \c btid */
    int64_t lifetime;      /**< key expiry, Unix seconds (UTC) */
    int has_current_time;  /**< 1 when Extension/currenttime was present */
    int64_t current_time;  /**< the BSF's clock, Unix seconds, if present */
} utsec_boot_info_t;

/**
 * \brief Parse a BootstrappingInfo document (TS 24.109 Annex C).
 *
 * Accepts: an optional UTF-8 BOM and XML declaration (version 1.0, encoding
 * UTF-8 if given), comments, the root `BootstrappingInfo` in namespace
 * `uri:3gpp-gba` (default or prefixed), its children `btid`, `lifetime` and
 * optional `Extension` in that order, each at most once; `currenttime`
 * inside `Extension`; unknown elements and attributes are skipped. Character
 * and predefined entity references and CDATA sections are decoded.
 * Rejects: a DTD or any `<!DOCTYPE`, processing instructions other than the
 * declaration, malformed markup, mismatched tags, documents over
 * ::UTSEC_BOOT_INFO_MAX_DOC octets or ::UTSEC_BOOT_INFO_MAX_DEPTH levels, a
 * missing or repeated btid/lifetime, a B-TID with white space or control
 * characters, and a lifetime or current time not in UTC (`Z`) form.
 *
 * \param xml the document (untrusted; not NUL-terminated).
 * \param len its length.
 * \param out receives the values; written only on success.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG, ::UTSEC_ERR_PARSE,
 *         ::UTSEC_ERR_UNSUPPORTED (DTD, other encodings) or
 *         ::UTSEC_ERR_BAD_TIME.
 */
UTSEC_API int utsec_boot_info_parse(const char *xml, size_t len,
                                    utsec_boot_info_t *out);

/**
 * \brief Produce a BootstrappingInfo document for a 200 OK on Ub.
 *
 * The layout is fixed (LF line ends, no trailing newline):
 * `<?xml version="1.0" encoding="UTF-8"?>`, the root with
 * `xmlns="uri:3gpp-gba"`, `<btid>`, `<lifetime>` (UTC, `Z`), and when
 * \p current_time is given `<Extension><currenttime>`...`</currenttime></Extension>`.
 *
 * \param btid the B-TID (1..255 printable ASCII, no spaces; `&`, `<`, `>`
 *        are escaped).
 * \param btid_len its length.
 * \param lifetime key expiry, Unix seconds.
 * \param current_time optional BSF clock (NULL to omit the Extension).
 * \param out output buffer; NUL-terminated.
 * \param out_size size of \p out (::UTSEC_BOOT_INFO_FORMAT_MAX always
 *        suffices; 512 does for a B-TID without `&`, `<` or `>`).
 * \param out_len receives the document length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG (bad B-TID), ::UTSEC_ERR_BAD_TIME or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_boot_info_format(const char *btid, size_t btid_len,
                                     int64_t lifetime,
                                     const int64_t *current_time, char *out,
                                     size_t out_size, size_t *out_len);


/** Longest IMPI a bootstrapping context stores, in octets. */
#define UTSEC_BOOT_IMPI_MAX 255
/** Most public identities (IMPUs from the user security settings) per context. */
#define UTSEC_BOOT_MAX_IDS 8
/** Longest public identity a context stores, in octets. */
#define UTSEC_BOOT_ID_MAX 127

/**
 * \brief A bootstrapping context as the BSF keeps it after a successful Ub
 *        run (TS 33.220 §4.5.2), and what it answers over Zn (§4.5.3).
 *
 * Fixed-size (no heap): sizeof(utsec_boot_ctx_t) is the memory bound of
 * one context, about 1.6 KiB. \c ks is secret; wipe with
 * utsec_boot_ctx_wipe().
 */
typedef struct utsec_boot_ctx {
    char btid[UTSEC_BOOT_BTID_MAX + 1]; /**< B-TID, NUL-terminated */
    size_t btid_len;                    /**< its length */
    uint8_t rand[16];                   /**< RAND of the AKA run */
    uint8_t ks[32];                     /**< Ks = CK || IK (secret) */
    char impi[UTSEC_BOOT_IMPI_MAX + 1]; /**< IMPI, NUL-terminated */
    size_t impi_len;                    /**< its length */
    int64_t boot_time;                  /**< when bootstrapping completed (Unix s) */
    int64_t lifetime;                   /**< key expiry (Unix s) */
    int uicc;                           /**< 1: GBA_U (the UICC holds Ks), so
                                             Ks_int_NAF may be requested */
    size_t n_ids;                       /**< number of identities in \c ids */
    /** The user's public identities from the security settings (USS),
     *  NUL-terminated; what an Authentication Proxy may assert. */
    char ids[UTSEC_BOOT_MAX_IDS][UTSEC_BOOT_ID_MAX + 1];
} utsec_boot_ctx_t;

/**
 * \brief Fill a context after a successful bootstrapping run.
 * \param c the context (caller-owned); every field is overwritten.
 * \param btid the B-TID (1..255 octets, printable ASCII).
 * \param btid_len its length.
 * \param rand RAND (16 octets).
 * \param ks Ks (32 octets, copied).
 * \param impi the IMPI (1..255 octets).
 * \param impi_len its length.
 * \param boot_time when bootstrapping completed (Unix s).
 * \param lifetime key expiry (Unix s), after \p boot_time.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG; \p c is
 *         wiped on error.
 */
UTSEC_API int utsec_boot_ctx_set(utsec_boot_ctx_t *c, const char *btid,
                                 size_t btid_len, const uint8_t rand[16],
                                 const uint8_t ks[32], const char *impi,
                                 size_t impi_len, int64_t boot_time,
                                 int64_t lifetime);

/**
 * \brief Add a public identity (IMPU, SIP or TEL URI) to a context's user
 *        security settings.
 * \param c the context.
 * \param id the identity (1..255 octets, no NUL).
 * \param id_len its length.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG or
 *         ::UTSEC_ERR_TOO_MANY (more than ::UTSEC_BOOT_MAX_IDS).
 */
UTSEC_API int utsec_boot_ctx_add_id(utsec_boot_ctx_t *c, const char *id,
                                    size_t id_len);

/**
 * \brief Wipe a context (Ks and everything else).
 * \param c the context; NULL is ignored.
 */
UTSEC_API void utsec_boot_ctx_wipe(utsec_boot_ctx_t *c);

/**
 * \brief Storage of bootstrapping contexts, keyed by B-TID: a BSF plugs its
 *        database here. Each function returns 0 or a negative code.
 */
typedef struct utsec_boot_store {
    /** Insert or replace the context with the same B-TID. */
    int (*put)(void *ctx, const utsec_boot_ctx_t *c);
    /** Copy the context for a B-TID into \p out; ::UTSEC_ERR_NOT_FOUND if absent. */
    int (*get)(void *ctx, const char *btid, size_t btid_len,
               utsec_boot_ctx_t *out);
    /** Remove (and wipe) the context for a B-TID; ::UTSEC_ERR_NOT_FOUND if absent. */
    int (*remove)(void *ctx, const char *btid, size_t btid_len);
    void *ctx; /**< passed to the three functions */
} utsec_boot_store_t;

/**
 * \brief The in-memory store: a caller-provided array of contexts.
 *
 * Memory bound: exactly \c capacity * sizeof(::utsec_boot_ctx_t) octets,
 * owned by the caller; nothing else is allocated. When the array is full, a
 * put() reuses an expired slot, else evicts the context that expires first
 * (the UE then has to bootstrap again, as after expiry). get() treats an
 * expired context as absent (::UTSEC_ERR_EXPIRED) and wipes it.
 */
typedef struct utsec_boot_mem {
    utsec_boot_ctx_t *slots; /**< caller's array */
    size_t capacity;         /**< its length */
    utsec_time_fn now;       /**< clock for expiry */
    void *now_ctx;           /**< context of \c now */
} utsec_boot_mem_t;

/**
 * \brief Initialise the in-memory store and return its interface.
 * \param m the store state (caller-owned, must outlive \p store).
 * \param slots array of \p capacity contexts (wiped here).
 * \param capacity number of slots, at least 1.
 * \param now clock (NULL: utsec_time_now()).
 * \param now_ctx its context.
 * \param store receives the interface bound to \p m.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_boot_mem_init(utsec_boot_mem_t *m, utsec_boot_ctx_t *slots,
                                  size_t capacity, utsec_time_fn now,
                                  void *now_ctx, utsec_boot_store_t *store);

/**
 * \brief Wipe every context of the in-memory store.
 * \param m the store; NULL is ignored.
 */
UTSEC_API void utsec_boot_mem_free(utsec_boot_mem_t *m);

/** What a NAF receives over Zn for one B-TID (TS 33.220 §4.5.3). */
typedef struct utsec_boot_zn_answer {
    uint8_t key[32];        /**< Ks_(ext/int)_NAF for the NAF_Id asked (secret) */
    int64_t boot_time;      /**< bootstrapping time (Unix s) */
    int64_t lifetime;       /**< key expiry (Unix s) */
    char impi[UTSEC_BOOT_IMPI_MAX + 1]; /**< the subscriber's IMPI */
    size_t n_ids;           /**< number of identities */
    char ids[UTSEC_BOOT_MAX_IDS][UTSEC_BOOT_ID_MAX + 1]; /**< USS identities */
} utsec_boot_zn_answer_t;

/**
 * \brief The BSF side of a Zn request: look up a B-TID and derive the key
 *        for the requesting NAF (TS 33.220 §4.5.3, B.3).
 * \param store where the contexts are.
 * \param btid the B-TID the UE presented.
 * \param btid_len its length.
 * \param naf_id NAF_Id = NAF FQDN || Ua security protocol id.
 * \param naf_id_len its length.
 * \param variant ::UTSEC_GBA_VARIANT_ME for Ks_(ext)_NAF or
 *        ::UTSEC_GBA_VARIANT_U_INT for Ks_int_NAF (only for GBA_U contexts).
 * \param now the current time (Unix s).
 * \param out receives the answer; wipe \c key after use. Written only on
 *        success.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_UNKNOWN_ID (no such B-TID:
 *         the NAF asks the UE to bootstrap), ::UTSEC_ERR_EXPIRED (likewise,
 *         bootstrapping renegotiation), ::UTSEC_ERR_UNSUPPORTED (Ks_int_NAF
 *         for a GBA_ME context), or the store's error.
 */
UTSEC_API int utsec_boot_zn_lookup(const utsec_boot_store_t *store,
                                   const char *btid, size_t btid_len,
                                   const uint8_t *naf_id, size_t naf_id_len,
                                   utsec_gba_variant_t variant, int64_t now,
                                   utsec_boot_zn_answer_t *out);

/**
 * \name Ub, UE side (TS 24.109 §4.4, Annex A; TS 33.220 §4.5.2)
 *
 * The UE's bootstrapping as a state machine that never touches the network:
 * the caller sends `GET /` to the BSF with the header values the calls
 * produce and feeds the answers back. See \ref bootstrap for the message
 * flow.
 * @{
 */

/** Method of every Ub request (TS 24.109 A.3). */
#define UTSEC_BOOT_UB_METHOD "GET"
/** Request-target (and Digest `uri`) of every Ub request (TS 24.109 A.3). */
#define UTSEC_BOOT_UB_URI "/"
/** User-Agent product token announcing TMPI support (TS 24.109 §4.2, A.3). */
#define UTSEC_BOOT_UA_TOKEN_TMPI "3gpp-gba-tmpi"
/** Longest configured text (user name, host, realm, product) in octets. */
#define UTSEC_BOOT_FIELD_MAX 255
/** Most 401 challenges one bootstrapping run answers (resync included)
 *  before it gives up with ::UTSEC_ERR_BOOTSTRAP. */
#define UTSEC_BOOT_UE_MAX_ROUNDS 4
/** Buffer size that holds any Authorization value the UE produces. */
#define UTSEC_BOOT_UE_AUTHZ_SIZE 2048
/** Buffer size that holds any User-Agent value the UE produces. */
#define UTSEC_BOOT_UE_UA_SIZE (UTSEC_BOOT_FIELD_MAX + 32)

/** Where a UE is in its bootstrapping. */
typedef enum utsec_boot_ue_state {
    UTSEC_BOOT_UE_IDLE = 0,        /**< configured, no keys: call utsec_boot_ue_start() */
    UTSEC_BOOT_UE_SENT_INITIAL,    /**< first request made: expecting the 401 */
    UTSEC_BOOT_UE_SENT_RESPONSE,   /**< RES sent: expecting the 200 (or a new 401) */
    UTSEC_BOOT_UE_SENT_AUTS,       /**< AUTS sent: expecting a new 401 */
    UTSEC_BOOT_UE_BOOTSTRAPPED,    /**< Ks, B-TID and lifetime held: NAF keys on demand */
    UTSEC_BOOT_UE_RENEGOTIATE,     /**< keys expired or refused by a NAF (wiped):
                                        bootstrap again */
    UTSEC_BOOT_UE_FAILED           /**< run stopped (MAC failure, bad rspauth,
                                        bad BootstrappingInfo): start again */
} utsec_boot_ue_state_t;

/** UE configuration. Strings are copied by utsec_boot_ue_init(). */
typedef struct utsec_boot_ue_config {
    const char *impi;         /**< the IMPI (required): KDF input P2 and, without
                                   \c username, the Digest user name */
    size_t impi_len;          /**< its length */
    const char *username;     /**< user name to send instead of the IMPI (a TMPI,
                                   TS 33.220 B.4); NULL to send the IMPI */
    size_t username_len;      /**< its length */
    const char *bsf_host;     /**< the BSF's host name (required) */
    size_t bsf_host_len;      /**< its length */
    const char *realm;        /**< realm of the first request and the realm the
                                   401 must carry (the home network domain);
                                   NULL: the BSF host */
    size_t realm_len;         /**< its length */
    const char *product;      /**< User-Agent product (e.g. `MyPhone/1.0`);
                                   NULL: `libutsec` */
    size_t product_len;       /**< its length */
    int tmpi_capable;         /**< append ::UTSEC_BOOT_UA_TOKEN_TMPI to the User-Agent */
    utsec_aka_usim_fn usim;   /**< the USIM (required) */
    void *usim_ctx;           /**< its context */
    utsec_rng_fn rng;         /**< random source for cnonce values (required) */
    void *rng_ctx;            /**< its context */
    utsec_time_fn time;       /**< clock for the key lifetime; NULL: utsec_time_now() */
    void *time_ctx;           /**< its context */
} utsec_boot_ue_config_t;

/**
 * \brief UE bootstrapping context: configuration, the Digest client, the
 *        pending AKA keys of a run and the bootstrapped keys. Caller-owned
 *        (about 9 KiB, no heap); Ks and CK/IK are secret: release with
 *        utsec_boot_ue_free(). Treat as opaque.
 */
typedef struct utsec_boot_ue {
    /** \cond INTERNAL */
    utsec_boot_ue_state_t state;
    unsigned rounds;
    char impi[UTSEC_BOOT_FIELD_MAX + 1];
    char username[UTSEC_BOOT_FIELD_MAX + 1];
    char bsf_host[UTSEC_BOOT_FIELD_MAX + 1];
    char realm[UTSEC_BOOT_FIELD_MAX + 1];
    char product[UTSEC_BOOT_FIELD_MAX + 1];
    size_t impi_len, username_len, bsf_host_len, realm_len, product_len;
    int tmpi_capable;
    utsec_aka_usim_fn usim;
    void *usim_ctx;
    utsec_time_fn time;
    void *time_ctx;
    uint8_t pending_rand[UTSEC_AKA_RAND_LEN]; /* RAND of the last challenge */
    utsec_aka_ue_result_t aka;                /* RES/CK/IK or AUTS (secret) */
    utsec_boot_ctx_t boot;                    /* B-TID, RAND, Ks (secret), lifetime */
    utsec_digest_body_hash_t bh;
    char body_hash[UTSEC_DIGEST_HEX_SIZE];
    utsec_boot_info_t info;
    utsec_digest_client_t cl;
    /** \endcond */
} utsec_boot_ue_t;

/**
 * \brief Initialise a UE context.
 * \param ue caller-owned context.
 * \param cfg configuration (strings copied; IMPI, user name, host, realm
 *        and product 1..::UTSEC_BOOT_FIELD_MAX printable ASCII octets
 *        without `"` or `\`).
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG; \p ue is
 *         wiped on error.
 */
UTSEC_API int utsec_boot_ue_init(utsec_boot_ue_t *ue,
                                 const utsec_boot_ue_config_t *cfg);

/**
 * \brief Wipe a UE context (Ks, CK, IK, RES, H(A1)) and its configuration;
 *        call utsec_boot_ue_init() before using it again.
 * \param ue the context; NULL is ignored.
 */
UTSEC_API void utsec_boot_ue_free(utsec_boot_ue_t *ue);

/**
 * \brief The current state.
 * \param ue the context.
 * \return the state (::UTSEC_BOOT_UE_FAILED for NULL).
 */
UTSEC_API utsec_boot_ue_state_t utsec_boot_ue_state(const utsec_boot_ue_t *ue);

/**
 * \brief Begin a bootstrapping run: the header values of the first request
 *        (TS 24.109 A.3 table A.3-1), `GET /` to the BSF host.
 *
 * Authorization: `Digest username="<IMPI or TMPI>", realm="<realm>",
 * nonce="", uri="/", response=""`; User-Agent: the product and, when
 * configured, `3gpp-gba-tmpi`. Allowed in every state: a run in progress is
 * abandoned and keys from an earlier run are wiped first (the old B-TID is
 * never used again).
 * \param ue the context.
 * \param authz receives the Authorization value, NUL-terminated.
 * \param authz_size its size (::UTSEC_BOOT_UE_AUTHZ_SIZE suffices).
 * \param authz_len receives its length; may be NULL.
 * \param user_agent receives the User-Agent value, NUL-terminated.
 * \param ua_size its size (::UTSEC_BOOT_UE_UA_SIZE suffices).
 * \param ua_len receives its length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL
 *         (state unchanged).
 */
UTSEC_API int utsec_boot_ue_start(utsec_boot_ue_t *ue, char *authz,
                                  size_t authz_size, size_t *authz_len,
                                  char *user_agent, size_t ua_size,
                                  size_t *ua_len);

/**
 * \brief Take the BSF's 401: select the `AKAv1-MD5` challenge (qop
 *        auth-int), check its realm, run AKA on the USIM and produce the
 *        next Authorization value (TS 24.109 §4.2, §4.5, A.3, A.4).
 *
 * - USIM success: the answer carries `response` computed with RES as the
 *   password; state ::UTSEC_BOOT_UE_SENT_RESPONSE.
 * - Synchronisation failure: the answer carries `auts` and a response with
 *   the empty password (RFC 3310 §3.4); \p *resync is 1; state
 *   ::UTSEC_BOOT_UE_SENT_AUTS (the BSF answers with a new 401).
 * - MAC failure (the network failed to authenticate): no answer is
 *   produced and the run stops (TS 24.109 §4.4): ::UTSEC_ERR_MAC_FAILURE,
 *   state ::UTSEC_BOOT_UE_FAILED.
 *
 * \param ue the context (state SENT_INITIAL, SENT_RESPONSE or SENT_AUTS).
 * \param www_authenticate the WWW-Authenticate value (untrusted).
 * \param len its length.
 * \param authz receives the Authorization value.
 * \param authz_size its size (::UTSEC_BOOT_UE_AUTHZ_SIZE suffices).
 * \param authz_len receives its length; may be NULL.
 * \param resync receives 1 when the answer is a resynchronisation; may be NULL.
 * \return 0, ::UTSEC_ERR_STATE, ::UTSEC_ERR_MAC_FAILURE,
 *         ::UTSEC_ERR_BOOTSTRAP (realm differs from the configured one, or
 *         more than ::UTSEC_BOOT_UE_MAX_ROUNDS challenges: state FAILED),
 *         ::UTSEC_ERR_NO_CHALLENGE, a parse error or ::UTSEC_ERR_TOO_LONG
 *         (no usable challenge: state and pending keys unchanged), or, once
 *         a challenge was taken, the USIM's error or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL (the run ends: state FAILED, pending
 *         keys wiped).
 */
UTSEC_API int utsec_boot_ue_on_401(utsec_boot_ue_t *ue,
                                   const char *www_authenticate, size_t len,
                                   char *authz, size_t authz_size,
                                   size_t *authz_len, int *resync);

/**
 * \brief Take the BSF's 200 OK: verify `rspauth` over the response body
 *        (auth-int, mutual authentication), parse the BootstrappingInfo
 *        body, check the B-TID, and keep Ks = CK || IK, RAND, B-TID and
 *        lifetime (TS 24.109 §4.2, Annex C; TS 33.220 §4.5.2).
 *
 * The B-TID must be `base64(RAND)@<BSF host>` (TS 33.220 §4.5.2) for the
 * RAND of the challenge this run answered and the configured BSF host
 * (letter case of the host ignored); anything else is
 * ::UTSEC_ERR_BTID_MISMATCH, so the UE never files Ks under a name that
 * belongs to another run.
 *
 * Time: the key lifetime is checked against the UE's own clock (the
 * configured time callback), here and in utsec_boot_ue_check(). The
 * optional `currenttime` extension (the BSF's clock, Annex C) is parsed but
 * ignored: it is not used to shift the lifetime or to correct the UE clock.
 * The lifetime is an absolute UTC time that the BSF and the NAFs enforce
 * with the network's clock (Zn lookups fail after it), so the UE-side
 * check only spares a request that would fail; a skewed UE clock costs at
 * most an early bootstrapping (clock ahead) or a renegotiation request from
 * the NAF (clock behind), both handled by the normal flow, whereas trusting
 * a clock sent by the network would let that one value extend or shorten
 * the key's use on the UE. A 200 whose lifetime is not after the UE's
 * current time is refused (::UTSEC_ERR_EXPIRED); a UE whose clock runs
 * ahead by more than the key lifetime cannot bootstrap until it is fixed.
 * \param ue the context (state SENT_RESPONSE).
 * \param auth_info the Authentication-Info value (untrusted; NULL when the
 *        header is absent, which is ::UTSEC_ERR_RSPAUTH).
 * \param auth_info_len its length.
 * \param body the response body (`application/vnd.3gpp.bsf+xml`).
 * \param body_len its length.
 * \return 0 (state BOOTSTRAPPED), ::UTSEC_ERR_STATE (state unchanged),
 *         ::UTSEC_ERR_RSPAUTH or a parse error of the header,
 *         utsec_boot_info_parse()'s error, ::UTSEC_ERR_BTID_MISMATCH (the
 *         B-TID is not `base64(RAND)@host` for this run and BSF), or
 *         ::UTSEC_ERR_EXPIRED (lifetime not after the UE's current time);
 *         after any error but STATE the
 *         pending keys are wiped and the state is FAILED.
 */
UTSEC_API int utsec_boot_ue_on_200(utsec_boot_ue_t *ue, const char *auth_info,
                                   size_t auth_info_len, const char *body,
                                   size_t body_len);

/**
 * \brief Are the bootstrapped keys usable now? Moves to
 *        ::UTSEC_BOOT_UE_RENEGOTIATE (keys wiped) when the lifetime has
 *        passed (TS 33.220 §4.5.2).
 * \param ue the context.
 * \return 0 (usable), ::UTSEC_ERR_RENEGOTIATE (expired or refused by a
 *         NAF: run utsec_boot_ue_start() again) or ::UTSEC_ERR_STATE (no
 *         completed bootstrapping).
 */
UTSEC_API int utsec_boot_ue_check(utsec_boot_ue_t *ue);

/**
 * \brief Report that a NAF asked for bootstrapping renegotiation (a 401 to
 *        the current B-TID, TS 24.109 §5.2.4-5.2.5, TS 33.220 §4.5.3): keys and
 *        B-TID are wiped, state ::UTSEC_BOOT_UE_RENEGOTIATE.
 * \param ue the context (state BOOTSTRAPPED or RENEGOTIATE).
 * \return 0 or ::UTSEC_ERR_STATE.
 */
UTSEC_API int utsec_boot_ue_renegotiate(utsec_boot_ue_t *ue);

/**
 * \brief The B-TID and key lifetime of the current bootstrapping.
 * \param ue the context.
 * \param btid receives the B-TID, NUL-terminated (::UTSEC_BOOT_BTID_MAX + 1
 *        suffices).
 * \param btid_size its size.
 * \param btid_len receives its length; may be NULL.
 * \param lifetime receives the expiry (Unix s); may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BUFFER_TOO_SMALL, or as
 *         utsec_boot_ue_check().
 */
UTSEC_API int utsec_boot_ue_btid(utsec_boot_ue_t *ue, char *btid,
                                 size_t btid_size, size_t *btid_len,
                                 int64_t *lifetime);

/**
 * \brief Copy the bootstrapping (B-TID, RAND, Ks, IMPI, times) out, e.g. to
 *        persist it. \p out is secret: utsec_boot_ctx_wipe() it.
 * \param ue the context.
 * \param out receives the context.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, or as utsec_boot_ue_check().
 */
UTSEC_API int utsec_boot_ue_export(utsec_boot_ue_t *ue, utsec_boot_ctx_t *out);

/**
 * \brief Restore a bootstrapping saved with utsec_boot_ue_export(), e.g.
 *        after the application restarted: GBA_ME keeps Ks, B-TID, RAND and
 *        the key lifetime in the ME (TS 33.220 §4.5.2, §4.5.4) and uses
 *        them until they expire.
 *
 * The context is checked before anything changes: its IMPI must be this
 * UE's configured IMPI, its B-TID `base64(RAND)@<BSF host>` for its own
 * RAND and this UE's BSF host (the check utsec_boot_ue_on_200() makes),
 * and its lifetime not passed. Then any run in progress and any earlier
 * keys are wiped and the state is ::UTSEC_BOOT_UE_BOOTSTRAPPED.
 * \param ue a context initialised with utsec_boot_ue_init(), in any state.
 * \param c the saved context (copied; secret: the caller wipes its copy).
 * \return 0, ::UTSEC_ERR_INVALID_ARG (NULL, or lengths/termination not
 *         those of a context), ::UTSEC_ERR_IMPI_MISMATCH,
 *         ::UTSEC_ERR_BTID_MISMATCH or ::UTSEC_ERR_EXPIRED; on error \p ue
 *         is unchanged.
 */
UTSEC_API int utsec_boot_ue_import(utsec_boot_ue_t *ue, const utsec_boot_ctx_t *c);

/**
 * \brief Ks_(ext)_NAF or Ks_int_NAF for a NAF_Id (TS 33.220 §4.5.2, B.3),
 *        derived on demand from Ks.
 * \param ue the context.
 * \param naf_id NAF_Id = NAF FQDN || Ua protocol id (utsec_gba_naf_id()).
 * \param naf_id_len its length.
 * \param variant ::UTSEC_GBA_VARIANT_ME or ::UTSEC_GBA_VARIANT_U_INT.
 * \param out receives the key (secret).
 * \return 0, ::UTSEC_ERR_INVALID_ARG, or as utsec_boot_ue_check().
 */
UTSEC_API int utsec_boot_ue_ks_naf(utsec_boot_ue_t *ue, const uint8_t *naf_id,
                                   size_t naf_id_len,
                                   utsec_gba_variant_t variant,
                                   uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief The Ua HTTP Digest password base64(Ks_NAF) for a NAF
 *        (TS 24.109 §5.2.2.1; user name: the B-TID).
 * \param ue the context.
 * \param fqdn the NAF FQDN the UE addressed.
 * \param fqdn_len its length.
 * \param ua_id Ua protocol id (::UTSEC_GBA_UA_HTTP_DIGEST, or
 *        utsec_gba_ua_id_tls() for Digest inside TLS).
 * \param variant ::UTSEC_GBA_VARIANT_ME or ::UTSEC_GBA_VARIANT_U_INT.
 * \param out receives 44 characters and a NUL (secret).
 * \param out_size its size (::UTSEC_GBA_PASSWORD_SIZE).
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG,
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL, or as utsec_boot_ue_check().
 */
UTSEC_API int utsec_boot_ue_ua_password(utsec_boot_ue_t *ue, const char *fqdn,
                                        size_t fqdn_len,
                                        const uint8_t ua_id[UTSEC_GBA_UA_ID_LEN],
                                        utsec_gba_variant_t variant, char *out,
                                        size_t out_size);
/** @} */

/**
 * \name Ub, BSF side (TS 24.109 §4.4, §4.5; TS 33.220 §4.5.2)
 * @{
 */

/**
 * \brief HSS, Zh: a fresh authentication vector for an IMPI.
 * \param ctx the caller's context.
 * \param impi the user name from the request.
 * \param impi_len its length.
 * \param av receives RAND, AUTN, XRES, CK, IK (secret; the BSF wipes it).
 * \return 0, ::UTSEC_ERR_NOT_FOUND (unknown subscriber) or another
 *         negative code.
 */
typedef int (*utsec_boot_hss_av_fn)(void *ctx, const char *impi,
                                    size_t impi_len, utsec_aka_vector_t *av);

/**
 * \brief HSS, Zh: resynchronise with RAND and AUTS (TS 33.102 §6.3.5) and
 *        return a fresh vector with the corrected SQN.
 * \param ctx the caller's context.
 * \param impi the IMPI.
 * \param impi_len its length.
 * \param rand RAND of the challenge the USIM rejected.
 * \param auts AUTS from the UE (untrusted: the HSS checks MAC-S).
 * \param av receives the fresh vector.
 * \return 0, ::UTSEC_ERR_MAC_S_FAILURE, ::UTSEC_ERR_NOT_FOUND or another
 *         negative code.
 */
typedef int (*utsec_boot_hss_resync_fn)(void *ctx, const char *impi,
                                        size_t impi_len,
                                        const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                        const uint8_t auts[UTSEC_AKA_AUTS_LEN],
                                        utsec_aka_vector_t *av);

/**
 * \brief Optional user security settings (USS, TS 33.220): called before
 *        a new context is stored, to add the user's identities
 *        (utsec_boot_ctx_add_id()) and set \c uicc. It may also set
 *        \c lifetime (a per-subscriber key lifetime, after \c boot_time):
 *        the BootstrappingInfo, the reply and the stored context then carry
 *        that value.
 * \param ctx the caller's context.
 * \param c the new context (B-TID, RAND, Ks, IMPI and times already set).
 * \return 0 or a negative code (the bootstrapping then fails).
 */
typedef int (*utsec_boot_uss_fn)(void *ctx, utsec_boot_ctx_t *c);

/** One outstanding challenge: the vector issued for it (secret). */
typedef struct utsec_boot_bsf_pending {
    /** \cond INTERNAL */
    int in_use;
    int64_t issued;
    char impi[UTSEC_BOOT_IMPI_MAX + 1];
    size_t impi_len;
    utsec_aka_vector_t av;
    /** \endcond */
} utsec_boot_bsf_pending_t;

/** BSF configuration. Pointed-to data must outlive the BSF context. */
typedef struct utsec_boot_bsf_config {
    const char *bsf_host;      /**< the BSF's host name (the B-TID's domain part) */
    size_t bsf_host_len;       /**< its length */
    const char *realm;         /**< Digest realm: the home network domain */
    size_t realm_len;          /**< its length */
    const uint8_t *secret;     /**< nonce MAC key, 16..64 octets */
    size_t secret_len;         /**< its length */
    int64_t key_lifetime;      /**< seconds Ks stays valid (1..; e.g. 86400) */
    int64_t nonce_lifetime;    /**< seconds a challenge may be answered (0: 300) */
    utsec_rng_fn rng;          /**< random source (nonces) */
    void *rng_ctx;             /**< its context */
    utsec_time_fn time;        /**< clock; NULL: utsec_time_now() */
    void *time_ctx;            /**< its context */
    utsec_boot_hss_av_fn hss_av;         /**< vector source (required) */
    utsec_boot_hss_resync_fn hss_resync; /**< resynchronisation (required) */
    void *hss_ctx;             /**< context of both HSS calls */
    utsec_boot_uss_fn uss;     /**< user security settings; may be NULL */
    void *uss_ctx;             /**< its context */
    const utsec_boot_store_t *store; /**< where contexts go (required) */
    utsec_boot_bsf_pending_t *pending; /**< caller memory: outstanding challenges */
    size_t n_pending;          /**< number of entries (the oldest is evicted when full) */
    utsec_digest_replay_entry_t *replay; /**< caller memory for the nonce-count table */
    size_t n_replay;           /**< number of entries (a multiple of 4) */
} utsec_boot_bsf_config_t;

/** What a ::utsec_boot_bsf_t answer is. */
typedef enum utsec_boot_bsf_event {
    UTSEC_BOOT_BSF_CHALLENGED = 1,   /**< 401: a challenge for the user */
    UTSEC_BOOT_BSF_RESYNCED = 2,     /**< 401: a challenge after AUTS resynchronisation */
    UTSEC_BOOT_BSF_BOOTSTRAPPED = 3, /**< 200: context stored, B-TID issued */
    UTSEC_BOOT_BSF_REJECTED = 4      /**< 400/403/500: nothing to retry with */
} utsec_boot_bsf_event_t;

/**
 * \brief The answer to send. Views into the BSF context, valid until the
 *        next call on it.
 */
typedef struct utsec_boot_bsf_reply {
    int status;                     /**< HTTP status: 200, 401, 400, 403 or 500 */
    utsec_boot_bsf_event_t event;   /**< what happened */
    const char *www_authenticate;   /**< 401: WWW-Authenticate value; else NULL */
    const char *auth_info;          /**< 200: Authentication-Info value; else NULL */
    const char *content_type;       /**< 200: ::UTSEC_BOOT_INFO_MIME; else NULL */
    const char *body;               /**< 200: the BootstrappingInfo; else NULL */
    size_t body_len;                /**< its length */
    const char *btid;               /**< 200: the B-TID issued; else NULL */
    int64_t lifetime;               /**< 200: key expiry (Unix s) */
} utsec_boot_bsf_reply_t;

/**
 * \brief BSF context: the Digest server (Ub profile), outstanding
 *        challenges and the work areas of one request. Caller-owned (about
 *        16 KiB, no heap); release with utsec_boot_bsf_free(). Treat as
 *        opaque. Not thread-safe: serialise calls.
 */
typedef struct utsec_boot_bsf {
    /** \cond INTERNAL */
    utsec_boot_bsf_config_t cfg;
    utsec_digest_server_t srv;
    utsec_digest_replay_t replay;
    utsec_digest_authorization_t auth;
    utsec_digest_verify_result_t vr;
    utsec_aka_vector_t av;
    utsec_boot_ctx_t ctx;
    uint8_t ks[UTSEC_GBA_KEY_LEN];
    uint8_t rand[UTSEC_AKA_RAND_LEN];
    uint8_t autn[UTSEC_AKA_AUTN_LEN];
    utsec_digest_body_hash_t bh;
    char body_hash[UTSEC_DIGEST_HEX_SIZE];
    char scratch[UTSEC_DIGEST_MAX_INPUT];
    char www[512];
    char info[512];
    char body[UTSEC_BOOT_INFO_FORMAT_MAX];
    char btid[UTSEC_GBA_BTID_MAX_SIZE];
    /** \endcond */
} utsec_boot_bsf_t;

/**
 * \brief Initialise a BSF.
 * \param bsf caller-owned context.
 * \param cfg configuration (copied; the pending and replay arrays are
 *        cleared here).
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BAD_HOST.
 */
UTSEC_API int utsec_boot_bsf_init(utsec_boot_bsf_t *bsf,
                                  const utsec_boot_bsf_config_t *cfg);

/**
 * \brief Wipe a BSF context and its outstanding vectors.
 * \param bsf the context; NULL is ignored.
 */
UTSEC_API void utsec_boot_bsf_free(utsec_boot_bsf_t *bsf);

/**
 * \brief Handle one Ub request (`GET /`) and produce the answer.
 *
 * - Authorization with an empty `nonce` (the first request, TS 24.109
 *   A.3): a vector from the HSS, a 401 with `algorithm=AKAv1-MD5`,
 *   `qop="auth-int"`, realm = home domain (event CHALLENGED, return 0).
 * - The answer with `auts` (empty password): the HSS resynchronises with
 *   RAND and AUTS, a new 401 (event RESYNCED, return 0); a MAC-S failure
 *   is ::UTSEC_ERR_MAC_S_FAILURE with status 403.
 * - The answer with the right RES (XRES as password): B-TID =
 *   `base64(RAND)@BSF-host`, lifetime = now + key lifetime, the context is
 *   stored, 200 with Authentication-Info (rspauth over the body, auth-int)
 *   and the BootstrappingInfo (event BOOTSTRAPPED, return 0).
 * - A wrong RES: ::UTSEC_ERR_AUTH_FAILED and a 401 with a fresh vector
 *   (TS 24.109 §4.3 leaves the status open: this BSF re-challenges); a
 *   stale, foreign or replayed nonce: that error and a fresh 401
 *   (`stale=true` for a stale one). Each vector is answered once.
 * - No or malformed Authorization: the parse error, status 400; unknown
 *   subscriber: ::UTSEC_ERR_UNKNOWN_ID, status 403; a failing callback or
 *   store: its error (or ::UTSEC_ERR_CALLBACK), status 500.
 *
 * \param bsf the BSF.
 * \param method the request method.
 * \param method_len its length.
 * \param uri the request-target (must equal the Digest `uri`).
 * \param uri_len its length.
 * \param authorization the Authorization value (untrusted); NULL if absent.
 * \param authorization_len its length.
 * \param reply receives the answer (always filled unless
 *        ::UTSEC_ERR_INVALID_ARG is returned).
 * \return 0 or an error as above.
 */
UTSEC_API int utsec_boot_bsf_handle(utsec_boot_bsf_t *bsf, const char *method,
                                    size_t method_len, const char *uri,
                                    size_t uri_len, const char *authorization,
                                    size_t authorization_len,
                                    utsec_boot_bsf_reply_t *reply);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_BOOTSTRAP_H */
