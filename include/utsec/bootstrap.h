/**
 * \file bootstrap.h
 * \brief Bootstrapping: the BootstrappingInfo document the BSF returns in
 *        its 200 OK on Ub (TS 24.109 Annex C, media type
 *        `application/vnd.3gpp.bsf+xml`, namespace `uri:3gpp-gba`), the BSF's
 *        bootstrapping contexts and their store, and the Zn lookup
 *        (TS 33.220 §4.5).
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

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_BOOTSTRAP_H */
