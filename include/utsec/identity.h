/**
 * \file identity.h
 * \brief Identity assertion and authorization on Ut: the X-3GPP identity
 *        headers, SIP/SIPS/TEL URI validation and comparison, XCAP
 *        document URIs, the Authentication Proxy decision, the
 *        application server's trust and XCAP checks, and the presence
 *        subscription authorization policy.
 *
 * Specifications: TS 24.109 §7 (Authentication Proxy, X-3GPP-Intended- and
 * X-3GPP-Asserted-Identity), TS 33.222 §4.4, TS 24.547 A.2.2.2 (403 for a
 * UE-supplied asserted identity), RFC 3261 §19.1 and §25 (SIP URI),
 * RFC 3966 (TEL URI), RFC 4825 (XCAP), RFC 4745 (common policy),
 * RFC 5025 (presence authorization rules), TS 33.141 (presence security).
 *
 * Everything here works on views into the caller's buffers and allocates
 * nothing, except the optional pres-rules XML loader
 * (utsec_id_pres_rules_load()), which uses libexpat and is therefore the
 * one function of the library that lets a third-party parser allocate on
 * the heap — bounded by ::utsec_id_xml_limits_t.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_IDENTITY_H
#define UTSEC_IDENTITY_H

#include "utsec/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest X-3GPP-*-Identity header value accepted or produced, octets. */
#define UTSEC_ID_MAX_HEADER 8192
/** Most identities in one X-3GPP-Asserted-Identity list. */
#define UTSEC_ID_MAX_ITEMS 32
/** Longest single identity (URI or NAI), octets. */
#define UTSEC_ID_MAX_IDENTITY 1024
/** Most uri-parameters, or most headers, in one SIP URI or TEL URI. */
#define UTSEC_ID_MAX_URI_PARAMS 32
/** Largest raw HTTP request head accepted by the header-block helpers. */
#define UTSEC_ID_HTTP_MAX_BLOCK 16384
/** Most header fields in one HTTP request head. */
#define UTSEC_ID_HTTP_MAX_FIELDS 100

/** A view: \p len octets at \p ptr, inside a buffer the caller owns. */
typedef struct utsec_id_view {
    const char *ptr; /**< First octet (NULL only when \p len is 0). */
    size_t len;      /**< Length in octets. */
} utsec_id_view_t;

/* ------------------------------------------------------------------ */
/** \name X-3GPP-Intended-Identity and X-3GPP-Asserted-Identity (TS 24.109 §7)
 * @{ */

/**
 * \brief Parse an X-3GPP-Asserted-Identity (or Intended-Identity) value:
 *        one or more comma-separated identities.
 *
 * Grammar accepted (TS 24.109 Annex G was not available; see FACTS §2.5):
 * `OWS item *( OWS "," OWS item ) OWS`, where an item is a quoted-string
 * or a bare run of identity characters, either of which may wrap the
 * identity in `<` `>`. Quotes and angle brackets are stripped from the
 * returned views. OWS is SP or HTAB.
 *
 * Rejected, with the offset of the offending octet in \p err_off:
 * an empty value or empty list element (`a,,b`, a trailing comma) —
 * stricter than RFC 7230 §7, on purpose for a security header;
 * an unterminated quoted-string; text after the closing quote other than
 * OWS and a comma; a backslash escape (an identity is a URI, which has no
 * character that needs one); an identity with a control, space, non-ASCII,
 * `"`, `\`, `<` or `>` octet; an unbalanced `<`; and a `sip:`, `sips:` or
 * `tel:` identity that fails utsec_id_uri_validate().
 *
 * \param value the header value (untrusted, not NUL-terminated).
 * \param len its length, at most ::UTSEC_ID_MAX_HEADER.
 * \param ids receives one view per identity, into \p value.
 * \param max_ids capacity of \p ids (the count is also capped at
 *        ::UTSEC_ID_MAX_ITEMS).
 * \param n_ids receives the number of identities (at least 1).
 * \param err_off receives the offset of the first bad octet on a parse
 *        error; may be NULL.
 * \return 0; ::UTSEC_ERR_INVALID_ARG; ::UTSEC_ERR_TOO_LONG (value or one
 *         identity too long); ::UTSEC_ERR_TOO_MANY (more identities than
 *         \p max_ids or ::UTSEC_ID_MAX_ITEMS); ::UTSEC_ERR_PARSE (list
 *         grammar); ::UTSEC_ERR_BAD_IDENTITY (an identity's characters);
 *         ::UTSEC_ERR_BAD_URI (a SIP/SIPS/TEL identity that is not a valid
 *         URI). On error \p ids and \p n_ids are not written.
 */
UTSEC_API int utsec_id_header_parse(const char *value, size_t len,
                                    utsec_id_view_t *ids, size_t max_ids,
                                    size_t *n_ids, size_t *err_off);

/**
 * \brief Parse an X-3GPP-Intended-Identity value: exactly one identity
 *        (TS 24.109 §7.2), quoted as the spec says or bare as some clients
 *        send it.
 * \param value header value (untrusted).
 * \param len its length.
 * \param id receives the identity (view into \p value).
 * \param err_off as for utsec_id_header_parse(); may be NULL.
 * \return as utsec_id_header_parse(), plus ::UTSEC_ERR_TOO_MANY when the
 *         value holds more than one identity.
 */
UTSEC_API int utsec_id_intended_parse(const char *value, size_t len,
                                      utsec_id_view_t *id, size_t *err_off);

/**
 * \brief Format an X-3GPP-Asserted-Identity (or Intended-Identity) value:
 *        each identity in double quotes, separated by `", "`.
 *
 * Each identity must consist of identity characters only (the set
 * utsec_id_header_parse() accepts), so the output always parses back to
 * the same list.
 *
 * \param ids the identities (the caller's strings).
 * \param n how many, 1 .. ::UTSEC_ID_MAX_ITEMS.
 * \param out output buffer; NUL-terminated on success.
 * \param out_size its size.
 * \param out_len receives the length without the NUL; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_MANY,
 *         ::UTSEC_ERR_TOO_LONG (an identity longer than
 *         ::UTSEC_ID_MAX_IDENTITY or a value longer than
 *         ::UTSEC_ID_MAX_HEADER), ::UTSEC_ERR_BAD_IDENTITY or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL. \p out is not written on error.
 */
UTSEC_API int utsec_id_header_format(const utsec_id_view_t *ids, size_t n,
                                     char *out, size_t out_size,
                                     size_t *out_len);

/** @} */

/* ------------------------------------------------------------------ */
/** \name SIP, SIPS and TEL URIs (RFC 3261 §19.1, RFC 3966)
 * @{ */

/** A SIP or SIPS URI split into views (RFC 3261 §25 `SIP-URI`). */
typedef struct utsec_id_sip_uri {
    int sips;                 /**< 1 for `sips:`, 0 for `sip:`. */
    int has_user;             /**< Whether a userinfo part is present. */
    utsec_id_view_t user;     /**< User part, still %-escaped. */
    int has_password;         /**< Whether `:password` is present. */
    utsec_id_view_t password; /**< Password, still %-escaped. */
    utsec_id_view_t host;     /**< Host name, IPv4 or `[IPv6]`. */
    int has_port;             /**< Whether `:port` is present. */
    uint16_t port;            /**< The port when present. */
    utsec_id_view_t params;   /**< Text after the first `;` up to `?` (may be empty). */
    utsec_id_view_t headers;  /**< Text after `?` (may be empty). */
} utsec_id_sip_uri_t;

/**
 * \brief Validate and split a SIP or SIPS URI (RFC 3261 §25).
 *
 * The scheme is case-insensitive. Rejects: characters outside the grammar
 * of each component, bad %-escapes, an empty user, a host that is not a
 * hostname, IPv4 address or IPv6 reference, a port above 65535, an empty
 * or duplicate uri-parameter name, a header without `=`, more than
 * ::UTSEC_ID_MAX_URI_PARAMS parameters or headers, and URIs longer than
 * ::UTSEC_ID_MAX_IDENTITY.
 *
 * \param s the URI (not NUL-terminated).
 * \param len its length.
 * \param out receives views into \p s; not written on error.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG,
 *         ::UTSEC_ERR_TOO_MANY or ::UTSEC_ERR_BAD_URI.
 */
UTSEC_API int utsec_id_sip_uri_parse(const char *s, size_t len,
                                     utsec_id_sip_uri_t *out);

/** A TEL URI split into views (RFC 3966 §3). */
typedef struct utsec_id_tel_uri {
    int global;             /**< 1 for a global number (`+` digits). */
    utsec_id_view_t number; /**< The digits, with `+` and visual separators. */
    utsec_id_view_t params; /**< Text after the first `;` (may be empty). */
} utsec_id_tel_uri_t;

/**
 * \brief Validate and split a TEL URI (RFC 3966 §3).
 *
 * A global number has at least one digit after `+`; a local number needs
 * a `phone-context` (a domain name or global digits), which a global
 * number must not carry. `ext`, `isub` and `phone-context` may occur at
 * most once, parameter names at most once each.
 *
 * \param s the URI (not NUL-terminated).
 * \param len its length.
 * \param out receives views into \p s; not written on error.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG,
 *         ::UTSEC_ERR_TOO_MANY or ::UTSEC_ERR_BAD_URI.
 */
UTSEC_API int utsec_id_tel_uri_parse(const char *s, size_t len,
                                     utsec_id_tel_uri_t *out);

/**
 * \brief Validate an identity URI: `sip:`/`sips:` (RFC 3261) or `tel:`
 *        (RFC 3966); anything else must be a plain run of identity
 *        characters (an NAI or another URI scheme, checked by character
 *        set only).
 * \param s the identity.
 * \param len its length.
 * \return 0 or the error of the matching parser (::UTSEC_ERR_BAD_URI,
 *         ::UTSEC_ERR_BAD_IDENTITY, ::UTSEC_ERR_TOO_LONG, ...).
 */
UTSEC_API int utsec_id_uri_validate(const char *s, size_t len);

/**
 * \brief Are two SIP/SIPS URIs equivalent (RFC 3261 §19.1.4)?
 *
 * `sip` never equals `sips`; user and password compare case-sensitively,
 * everything else case-insensitively; a %-escape of a character outside
 * RFC 3261's `reserved` set equals the character itself; user, password,
 * host and port must all be present in both or absent in both; `transport`,
 * `user`, `ttl`, `method` and `maddr` parameters must be in both URIs and
 * match; any other parameter present in both must match, and one present
 * in only one URI is ignored; the headers must be the same set. Host names
 * are not resolved: a name never equals an address.
 *
 * \param a first URI.
 * \param a_len its length.
 * \param b second URI.
 * \param b_len its length.
 * \return 1 equivalent, 0 not equivalent, or a negative error when either
 *         is not a valid SIP URI.
 */
UTSEC_API int utsec_id_sip_uri_equal(const char *a, size_t a_len,
                                     const char *b, size_t b_len);

/**
 * \brief Are two TEL URIs equivalent (RFC 3966 §4)?
 *
 * Both global or both local; the numbers equal after removing visual
 * separators (hex digits case-insensitive); `phone-context` compared as a
 * host name (case-insensitive) or as digits without separators; `ext`
 * compared without separators; every other parameter must be present in
 * both, with values compared case-insensitively after %-decoding.
 *
 * \param a first URI.
 * \param a_len its length.
 * \param b second URI.
 * \param b_len its length.
 * \return 1, 0, or a negative error when either is not a valid TEL URI.
 */
UTSEC_API int utsec_id_tel_uri_equal(const char *a, size_t a_len,
                                     const char *b, size_t b_len);

/**
 * \brief Compare two identities by the rules of their scheme: SIP/SIPS by
 *        utsec_id_sip_uri_equal(), TEL by utsec_id_tel_uri_equal(),
 *        different schemes never match, other identities octet for octet.
 * \param a first identity.
 * \param a_len its length.
 * \param b second identity.
 * \param b_len its length.
 * \return 1, 0, or a negative error when either is invalid.
 */
UTSEC_API int utsec_id_uri_equal(const char *a, size_t a_len, const char *b,
                                 size_t b_len);

/** @} */

/* ------------------------------------------------------------------ */
/** \name XCAP document URIs (RFC 4825 §6)
 * @{ */

/** An XCAP request path split into views. */
typedef struct utsec_id_xcap_uri {
    utsec_id_view_t auid;    /**< Application Unique ID, e.g. `pres-rules`. */
    int global;              /**< 1 for the `global` tree, 0 for `users`. */
    utsec_id_view_t xui_raw; /**< XUI as sent (%-escaped); empty for global. */
    utsec_id_view_t doc;     /**< Document path below the XUI or `global/`. */
    utsec_id_view_t node;    /**< Node selector after `/~~/`, or empty. */
} utsec_id_xcap_uri_t;

/**
 * \brief Split an XCAP request path (RFC 4825 §6):
 *        `ROOT/<auid>/users/<XUI>/<doc>[/~~/<node>]` or
 *        `ROOT/<auid>/global/<doc>[/~~/<node>]`, and percent-decode the XUI.
 *
 * Rejects a path that does not start with \p root followed by `/`, a query
 * or fragment, empty, `.` or `..` segments, an escaped `/` or NUL in the
 * document path, a bad %-escape, a decoded XUI that contains a NUL or is
 * empty, a tree other than `users` or `global`, and an empty document path.
 *
 * \param path the request path (untrusted).
 * \param len its length (at most ::UTSEC_ID_MAX_HEADER).
 * \param root the XCAP root path without a trailing `/` (e.g. `/xcap-root`,
 *        or empty when the root is `/`); may be NULL when \p root_len is 0.
 * \param root_len its length.
 * \param out receives views into \p path.
 * \param xui output buffer for the decoded XUI (not NUL-terminated); may be
 *        NULL for the global tree.
 * \param xui_size its size.
 * \param xui_len receives the decoded XUI length (0 for global).
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG,
 *         ::UTSEC_ERR_BAD_URI or ::UTSEC_ERR_BUFFER_TOO_SMALL; nothing is
 *         written on error.
 */
UTSEC_API int utsec_id_xcap_parse(const char *path, size_t len,
                                  const char *root, size_t root_len,
                                  utsec_id_xcap_uri_t *out, char *xui,
                                  size_t xui_size, size_t *xui_len);

/** @} */

/* ------------------------------------------------------------------ */
/** \name Authentication Proxy (TS 24.109 §7, TS 33.222 §4.4)
 * @{ */

/** Header bit: `Authorization`. */
#define UTSEC_ID_HDR_AUTHORIZATION 0x1u
/** Header bit: `X-3GPP-Asserted-Identity`. */
#define UTSEC_ID_HDR_ASSERTED 0x2u
/** Header bit: `X-3GPP-Intended-Identity`. */
#define UTSEC_ID_HDR_INTENDED 0x4u

/** What the AP does with an X-3GPP-Asserted-Identity sent by the UE. */
typedef enum utsec_id_ue_asserted_policy {
    /** Reject the request with 403 (TS 24.547 A.2.2.2). The default. */
    UTSEC_ID_UE_ASSERTED_REJECT = 0,
    /** Remove the header and go on (TS 24.109 §7: the AP strips it). */
    UTSEC_ID_UE_ASSERTED_STRIP = 1
} utsec_id_ue_asserted_policy_t;

/** The security headers of a UE request, as views into its header block. */
typedef struct utsec_id_ue_headers {
    unsigned present;           /**< `UTSEC_ID_HDR_*` bits of the fields found. */
    utsec_id_view_t authorization; /**< Authorization value (OWS trimmed). */
    utsec_id_view_t asserted;   /**< X-3GPP-Asserted-Identity value. */
    utsec_id_view_t intended;   /**< X-3GPP-Intended-Identity value. */
} utsec_id_ue_headers_t;

/** What the Authentication Proxy knows after Ua authentication. */
typedef struct utsec_id_ap_config {
    /** The user's public identities from the USS/GUSS (Zn), caller-owned. */
    const utsec_id_view_t *allowed;
    /** Number of entries in \p allowed (0 .. ::UTSEC_ID_MAX_ITEMS). */
    size_t n_allowed;
    /** Non-zero when the AP verifies X-3GPP-Intended-Identity against
     *  \p allowed (TS 24.109 §7.2 makes the check optional). */
    int verify_intended;
    /** Policy for an X-3GPP-Asserted-Identity sent by the UE. */
    utsec_id_ue_asserted_policy_t ue_asserted;
} utsec_id_ap_config_t;

/** The AP's decision for one request. */
typedef struct utsec_id_ap_decision {
    int accept;      /**< 1: forward the request; 0: answer \p status. */
    int status;      /**< 0 when accepted, else the HTTP status (400 or 403). */
    int reason;      /**< 0, or the ::utsec_err_t explaining a rejection. */
    unsigned remove; /**< `UTSEC_ID_HDR_*` bits to strip before forwarding. */
    size_t asserted_len; /**< Length of the X-3GPP-Asserted-Identity value. */
} utsec_id_ap_decision_t;

/**
 * \brief Find the security headers in a raw HTTP/1.1 request head.
 *
 * The head is the request line, the header fields and the empty line, each
 * ending in CRLF (RFC 9112 §2.1); \p len must end right after the final
 * CRLF CRLF. Refused: a NUL, a bare CR or LF, obs-fold (a line starting
 * with SP/HTAB), a field name that is not a token or is followed by white
 * space, a control octet other than HTAB in a value, a head larger than
 * ::UTSEC_ID_HTTP_MAX_BLOCK or with more than ::UTSEC_ID_HTTP_MAX_FIELDS
 * fields, and a second `Authorization`, `X-3GPP-Asserted-Identity` or
 * `X-3GPP-Intended-Identity` field.
 *
 * \param head the request head (untrusted).
 * \param len its length.
 * \param out receives views into \p head; not written on error.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG,
 *         ::UTSEC_ERR_TOO_MANY, ::UTSEC_ERR_BAD_HEADER_BLOCK or
 *         ::UTSEC_ERR_DUPLICATE_HEADER.
 */
UTSEC_API int utsec_id_http_scan(const char *head, size_t len,
                                 utsec_id_ue_headers_t *out);

/**
 * \brief The Authentication Proxy decision (TS 24.109 §7).
 *
 * In order: a UE-supplied X-3GPP-Asserted-Identity is rejected with 403
 * (reason ::UTSEC_ERR_ASSERTED_FROM_UE) under
 * ::UTSEC_ID_UE_ASSERTED_REJECT, or marked for removal under
 * ::UTSEC_ID_UE_ASSERTED_STRIP; a malformed X-3GPP-Intended-Identity is
 * rejected with 400 (reason: the parse error); when
 * \p cfg->verify_intended is set, an intended identity that equals none of
 * the allowed ones (utsec_id_uri_equal()) is rejected with 403 (reason
 * ::UTSEC_ERR_FORBIDDEN). On acceptance the asserted value is the matching
 * allowed identity (as the network spelled it); with no intended identity,
 * or when the AP does not verify intended identities, it is the list of
 * all allowed identities (an unverified claim of the UE is never
 * asserted). A user with no allowed identity is rejected with 403.
 * `Authorization` is always marked for removal (24.109 §7.1).
 *
 * \param cfg the AP's knowledge of the user (caller-owned).
 * \param req the UE's security headers (from utsec_id_http_scan()).
 * \param d receives the decision.
 * \param asserted receives the X-3GPP-Asserted-Identity value to add,
 *        NUL-terminated (empty on rejection).
 * \param asserted_size its size (::UTSEC_ID_MAX_HEADER + 1 always suffices).
 * \return 0 when a decision was made (accept or reject: see \p d);
 *         ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_MANY,
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL or an identity error for a bad
 *         \p cfg.
 */
UTSEC_API int utsec_id_ap_decide(const utsec_id_ap_config_t *cfg,
                                 const utsec_id_ue_headers_t *req,
                                 utsec_id_ap_decision_t *d, char *asserted,
                                 size_t asserted_size);

/**
 * \brief Rewrite a raw HTTP/1.1 request head for forwarding: drop the
 *        fields named by \p remove, drop any existing
 *        X-3GPP-Asserted-Identity when \p asserted is given, and append
 *        `X-3GPP-Asserted-Identity: <asserted>` before the empty line.
 *
 * The head is validated exactly as by utsec_id_http_scan(); the request
 * line and all other fields are copied unchanged. The result itself stays
 * within ::UTSEC_ID_HTTP_MAX_BLOCK and ::UTSEC_ID_HTTP_MAX_FIELDS, so it
 * always passes utsec_id_http_scan().
 *
 * \param head the request head (untrusted).
 * \param len its length.
 * \param remove `UTSEC_ID_HDR_*` bits of fields to drop.
 * \param asserted the value to add (from utsec_id_ap_decide()), or NULL.
 * \param asserted_len its length; must be a valid header value
 *        (utsec_id_header_parse()).
 * \param out output buffer (not NUL-terminated).
 * \param out_size its size.
 * \param out_len receives the length written.
 * \return 0, the errors of utsec_id_http_scan() (::UTSEC_ERR_TOO_LONG and
 *         ::UTSEC_ERR_TOO_MANY also for a result over the limits), an
 *         identity error for a bad \p asserted, or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL; \p out holds
 *         no partial head on error (\p out_len is not written).
 */
UTSEC_API int utsec_id_http_rewrite(const char *head, size_t len,
                                    unsigned remove, const char *asserted,
                                    size_t asserted_len, char *out,
                                    size_t out_size, size_t *out_len);

/** @} */

/* ------------------------------------------------------------------ */
/** \name Application server side (TS 33.222 §4.4, RFC 4825 §5)
 * @{ */

/**
 * \brief Accept an X-3GPP-Asserted-Identity only from a trusted peer.
 *
 * The AS must believe the header only when it came over the hop from the
 * Authentication Proxy (network domain security, TS 33.210); the caller
 * decides which peers are trusted.
 *
 * \param peer_trusted non-zero when the request came from a trusted AP.
 * \param value the header value, or NULL when the request had none.
 * \param len its length.
 * \param ids receives the identities (views into \p value).
 * \param max_ids capacity of \p ids.
 * \param n_ids receives the count.
 * \return 0; ::UTSEC_ERR_UNTRUSTED_PEER when \p peer_trusted is 0 (whether
 *         or not the header is present); ::UTSEC_ERR_NOT_FOUND when a
 *         trusted peer sent none; otherwise as utsec_id_header_parse().
 */
UTSEC_API int utsec_id_as_asserted(int peer_trusted, const char *value,
                                   size_t len, utsec_id_view_t *ids,
                                   size_t max_ids, size_t *n_ids);

/**
 * \brief XCAP authorization on the XCAP server: may the asserted identity
 *        do \p method on \p path?
 *
 * A `users` document is allowed (any method) when one of \p ids equals the
 * document's decoded XUI by utsec_id_uri_equal(); a `global` document is
 * read-only: GET and HEAD are allowed to every authenticated identity,
 * anything else is denied.
 *
 * \param ids the asserted identities (from utsec_id_as_asserted()).
 * \param n_ids how many (at least 1).
 * \param path the request path (as for utsec_id_xcap_parse()).
 * \param path_len its length.
 * \param root the XCAP root path (see utsec_id_xcap_parse()).
 * \param root_len its length.
 * \param method the HTTP method (case-sensitive, RFC 9110 §9.1).
 * \param method_len its length.
 * \return 0 allow; ::UTSEC_ERR_FORBIDDEN deny; ::UTSEC_ERR_INVALID_ARG, or
 *         the errors of utsec_id_xcap_parse() for a malformed path.
 */
UTSEC_API int utsec_id_xcap_authorize(const utsec_id_view_t *ids,
                                      size_t n_ids, const char *path,
                                      size_t path_len, const char *root,
                                      size_t root_len, const char *method,
                                      size_t method_len);

/** @} */

/* ------------------------------------------------------------------ */
/** \name Subscription authorization policy (RFC 4745, RFC 5025, TS 33.141)
 * @{ */

/** The `sub-handling` action (RFC 5025 §3.2.1), ordered by permission. */
typedef enum utsec_id_sub_handling {
    UTSEC_ID_SUB_NONE = -1,        /**< The rule has no sub-handling action. */
    UTSEC_ID_SUB_BLOCK = 0,        /**< Reject the subscription. */
    UTSEC_ID_SUB_CONFIRM = 1,      /**< Ask the presentity (pending). */
    UTSEC_ID_SUB_POLITE_BLOCK = 2, /**< Accept, but send no real state. */
    UTSEC_ID_SUB_ALLOW = 3         /**< Accept. */
} utsec_id_sub_handling_t;

/** Kinds of entries in an identity condition (RFC 4745 §7.1). */
typedef enum utsec_id_ident_kind {
    UTSEC_ID_IDENT_ONE = 0,        /**< `<one id="URI"/>`. */
    UTSEC_ID_IDENT_MANY = 1,       /**< `<many/>` or `<many domain="D">`. */
    UTSEC_ID_IDENT_EXCEPT_ID = 2,  /**< `<except id="URI"/>` of the preceding `many`. */
    UTSEC_ID_IDENT_EXCEPT_DOMAIN = 3 /**< `<except domain="D"/>` of the preceding `many`. */
} utsec_id_ident_kind_t;

/** One entry of an identity condition. */
typedef struct utsec_id_ident {
    utsec_id_ident_kind_t kind; /**< What the entry is. */
    utsec_id_view_t value;      /**< The URI or domain (empty for `<many/>` with no domain). */
} utsec_id_ident_t;

/** A validity interval (RFC 4745 §7.3), Unix seconds, `from <= t < until`. */
typedef struct utsec_id_validity {
    int64_t from;  /**< Start, inclusive. */
    int64_t until; /**< End, exclusive. */
} utsec_id_validity_t;

/** Rule condition bits. */
#define UTSEC_ID_COND_IDENTITY 0x1u  /**< Has an `<identity>` condition. */
#define UTSEC_ID_COND_SPHERE 0x2u    /**< Has a `<sphere>` condition. */
#define UTSEC_ID_COND_VALIDITY 0x4u  /**< Has a `<validity>` condition. */
#define UTSEC_ID_COND_ANONYMOUS 0x8u /**< Matches anonymous watchers only (OMA `anonymous-request`). */
#define UTSEC_ID_COND_UNKNOWN 0x10u  /**< Has a condition this library does not know: never matches. */
#define UTSEC_ID_COND_OTHER_IDENTITY 0x20u /**< OMA `other-identity`: an authenticated watcher that no rule's identity condition names. */

/** One rule (RFC 4745 §6): it matches when every condition present matches. */
typedef struct utsec_id_rule {
    utsec_id_view_t id;        /**< The rule's `id` attribute. */
    size_t ident_first;        /**< First entry of the identity condition in the policy's `idents`. */
    size_t ident_count;        /**< Entries (0 with ::UTSEC_ID_COND_IDENTITY: matches nobody). */
    size_t validity_first;     /**< First interval in the policy's `validity`. */
    size_t validity_count;     /**< Intervals (matches when \p now is in any). */
    utsec_id_view_t sphere;    /**< Space-separated sphere values. */
    unsigned conditions;       /**< `UTSEC_ID_COND_*` bits. */
    utsec_id_sub_handling_t sub_handling; /**< The action, or ::UTSEC_ID_SUB_NONE. */
} utsec_id_rule_t;

/** A rule set in caller-owned arrays (no heap). */
typedef struct utsec_id_policy {
    utsec_id_rule_t *rules;         /**< Rules. */
    size_t n_rules;                 /**< Rules in use. */
    size_t max_rules;               /**< Capacity of \p rules. */
    utsec_id_ident_t *idents;       /**< Identity-condition entries. */
    size_t n_idents;                /**< Entries in use. */
    size_t max_idents;              /**< Capacity of \p idents. */
    utsec_id_validity_t *validity;  /**< Validity intervals. */
    size_t n_validity;              /**< Intervals in use. */
    size_t max_validity;            /**< Capacity of \p validity. */
    char *text;                     /**< String storage for the loader (may be NULL otherwise). */
    size_t text_used;               /**< Octets of \p text in use. */
    size_t text_size;               /**< Size of \p text. */
} utsec_id_policy_t;

/** Who is subscribing, and the presentity's state, for one evaluation. */
typedef struct utsec_id_watcher {
    int anonymous;            /**< Non-zero: the watcher is not authenticated. */
    utsec_id_view_t identity; /**< The authenticated watcher URI (ignored when anonymous). */
    utsec_id_view_t sphere;   /**< The presentity's current sphere, or empty when unknown. */
    int64_t now;              /**< Current time, Unix seconds. */
} utsec_id_watcher_t;

/**
 * \brief Evaluate a presence authorization rule set for one watcher
 *        (RFC 4745 §10, RFC 5025 §3.2.1).
 *
 * A rule matches when all its conditions match: identity (an `one` equal
 * by utsec_id_uri_equal(), or a `many` whose domain — if any — equals the
 * host of the watcher's SIP/SIPS URI case-insensitively and whose excepts
 * do not apply; never for an anonymous watcher), sphere (one of the
 * space-separated values equals the current sphere, case-sensitively),
 * validity (\p now inside an interval), anonymous (only anonymous
 * watchers) and other-identity (an authenticated watcher whom no identity
 * condition of any rule matches, whatever that rule's other conditions). The result is the maximum `sub-handling` over matching rules
 * (block < confirm < polite-block < allow), and ::UTSEC_ID_SUB_BLOCK when
 * no matching rule carries one (RFC 4745: no permission without a rule).
 *
 * \param p the rule set (caller-owned).
 * \param w the watcher.
 * \param out receives the combined sub-handling.
 * \return 0, ::UTSEC_ERR_INVALID_ARG (also for indices outside the arrays)
 *         or an identity error when the watcher URI is malformed.
 */
UTSEC_API int utsec_id_policy_evaluate(const utsec_id_policy_t *p,
                                       const utsec_id_watcher_t *w,
                                       utsec_id_sub_handling_t *out);

/**
 * \brief The name of a sub-handling value (`block`, `confirm`,
 *        `polite-block`, `allow`), or `none`.
 * \param s the value.
 * \return a static string.
 */
UTSEC_API const char *utsec_id_sub_handling_name(utsec_id_sub_handling_t s);

/** Bounds for the pres-rules XML loader. Zero fields take the defaults. */
typedef struct utsec_id_xml_limits {
    size_t max_doc;    /**< Largest document, octets (default 65536). */
    unsigned max_depth; /**< Deepest element nesting (default 16). */
    size_t max_heap;   /**< Most heap expat may hold at once, octets (default 262144). */
} utsec_id_xml_limits_t;

/**
 * \brief Load a pres-rules document (RFC 5025, RFC 4745) into caller
 *        storage. Only built with `WITH_EXPAT=1` (the default).
 *
 * The document must be a `cp:ruleset` in the common-policy namespace.
 * `identity` (`one`, `many`, `except`), `sphere`, `validity` and the OMA
 * `anonymous-request` and `other-identity`
 * (`urn:oma:xml:xdm:common-policy`) conditions are loaded; any other condition marks its rule ::UTSEC_ID_COND_UNKNOWN so it
 * never matches. `pr:sub-handling` is loaded; other actions and all
 * transformations are ignored. A DOCTYPE or any entity declaration is
 * refused (no DTD processing, no external entities).
 *
 * Memory: expat allocates on the heap internally; this is the one place
 * in libutsec outside the core where that happens. Every allocation goes
 * through a memory-handling suite that counts the bytes held and fails
 * once \p lim->max_heap would be exceeded; everything is freed before
 * return. Strings are copied into \p p->text.
 *
 * \param xml the document (untrusted).
 * \param len its length.
 * \param lim bounds, or NULL for the defaults.
 * \param p storage: the caller sets the array pointers and `max_*` sizes;
 *        the `n_*` counts and `text_used` are reset and filled. On error
 *        the counts are left at 0.
 * \param heap_peak receives the largest heap expat held; may be NULL.
 * \return 0; ::UTSEC_ERR_INVALID_ARG; ::UTSEC_ERR_TOO_LONG (document);
 *         ::UTSEC_ERR_TOO_DEEP; ::UTSEC_ERR_TOO_MANY (rules, entries or
 *         intervals beyond the storage); ::UTSEC_ERR_BUFFER_TOO_SMALL
 *         (text storage); ::UTSEC_ERR_XML_DTD; ::UTSEC_ERR_XML_MEMORY;
 *         ::UTSEC_ERR_BAD_TIME (a validity time); ::UTSEC_ERR_PARSE
 *         (malformed XML, wrong root, bad sub-handling value, bad
 *         structure).
 */
UTSEC_API int utsec_id_pres_rules_load(const char *xml, size_t len,
                                       const utsec_id_xml_limits_t *lim,
                                       utsec_id_policy_t *p,
                                       size_t *heap_peak);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_IDENTITY_H */
