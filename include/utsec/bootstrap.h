/**
 * \file bootstrap.h
 * \brief Ub message bodies: the BootstrappingInfo document the BSF returns in
 *        its 200 OK (TS 24.109 Annex C, media type
 *        `application/vnd.3gpp.bsf+xml`, namespace `uri:3gpp-gba`).
 *
 * The parser is small and hand-written: no DTD (so no external entities),
 * bounded size and depth, namespace-aware for the elements it reads, and it
 * ignores unknown elements and attributes as Annex C requires of receivers.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_BOOTSTRAP_H
#define UTSEC_BOOTSTRAP_H

#include "utsec/utsec.h"

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
 * \param out_size size of \p out (512 octets always suffice).
 * \param out_len receives the document length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG (bad B-TID), ::UTSEC_ERR_BAD_TIME or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_boot_info_format(const char *btid, size_t btid_len,
                                     int64_t lifetime,
                                     const int64_t *current_time, char *out,
                                     size_t out_size, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_BOOTSTRAP_H */
