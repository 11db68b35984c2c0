/**
 * \file gba.h
 * \brief GBA key derivation (TS 33.220 Annex B), NAF_Id and Ua security
 *        protocol identifiers (Annex H), B-TID (§4.5.2), TMPI (B.4),
 *        GBA_Digest (B.5, B.6), AKMA (TS 33.535 Annex A) and key lifetimes.
 *
 * All keys are 32 octets (HMAC-SHA-256 outputs). Key outputs are written to
 * caller buffers and never kept; callers wipe them with utsec_wipe().
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_GBA_H
#define UTSEC_GBA_H

#include "utsec/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Length of every derived key (Ks, Ks_NAF, K_AF, ...), in octets. */
#define UTSEC_GBA_KEY_LEN 32
/** Length of RAND, in octets. */
#define UTSEC_GBA_RAND_LEN 16
/** Length of CK and of IK, in octets. */
#define UTSEC_GBA_CK_LEN 16
/** Length of a Ua security protocol identifier (Annex H.1), in octets. */
#define UTSEC_GBA_UA_ID_LEN 5
/** Most parameters (P0..Pn) utsec_gba_kdf() accepts. */
#define UTSEC_GBA_KDF_MAX_PARAMS 16
/** Largest length of one KDF parameter (a 2-octet length field, B.2.2). */
#define UTSEC_GBA_KDF_MAX_PARAM_LEN 65535
/** Length of a B-TID's base64(RAND) part: 16 octets encode to 24 characters. */
#define UTSEC_GBA_BTID_RAND_B64_LEN 24
/** Buffer size that holds any B-TID this library builds (253-octet host). */
#define UTSEC_GBA_BTID_MAX_SIZE (UTSEC_GBA_BTID_RAND_B64_LEN + 1 + 253 + 1)
/** Buffer size for a digest password base64(Ks_NAF): 44 characters + NUL. */
#define UTSEC_GBA_PASSWORD_SIZE 45
/** Buffer size for a TMPI: 32 base64 characters, the fixed domain and NUL. */
#define UTSEC_GBA_TMPI_SIZE 64
/** Buffer size for an xs:dateTime formatted by utsec_gba_time_format(). */
#define UTSEC_GBA_TIME_SIZE 21

/** \name Ua security protocol identifiers (TS 33.220 Annex H.3)
 * Each expands to a pointer to the 5 octets (a string literal with embedded
 * zero octets; only the first 5 octets are used).
 * @{ */
/** `00 00 00 00 00`: default, no specific Ua protocol (H.2). */
#define UTSEC_GBA_UA_DEFAULT ((const uint8_t *)"\x00\x00\x00\x00\x00")
/** `01 00 00 00 00`: Ua of TS 33.221 (subscriber certificates). */
#define UTSEC_GBA_UA_33221 ((const uint8_t *)"\x01\x00\x00\x00\x00")
/** `01 00 00 00 01`: TS 33.246 MBMS. */
#define UTSEC_GBA_UA_MBMS ((const uint8_t *)"\x01\x00\x00\x00\x01")
/** `01 00 00 00 02`: HTTP Digest per TS 24.109 (Ut over plain HTTP). */
#define UTSEC_GBA_UA_HTTP_DIGEST ((const uint8_t *)"\x01\x00\x00\x00\x02")
/** `01 00 00 00 03`: HTTP-based MBMS user services (TS 26.237). */
#define UTSEC_GBA_UA_MBMS_HTTP ((const uint8_t *)"\x01\x00\x00\x00\x03")
/** `01 00 00 00 04`: SIP-based MBMS user services (TS 26.237). */
#define UTSEC_GBA_UA_MBMS_SIP ((const uint8_t *)"\x01\x00\x00\x00\x04")
/** `01 00 00 00 05`: Generic Push Layer (TS 33.224). */
#define UTSEC_GBA_UA_GPL ((const uint8_t *)"\x01\x00\x00\x00\x05")
/** `01 00 00 00 06`: IMS UE-KMS HTTP, media plane security (TS 33.328). */
#define UTSEC_GBA_UA_IMS_KMS ((const uint8_t *)"\x01\x00\x00\x00\x06")
/** `01 00 00 00 07`: shared-key TLS 1.3 (TS 33.222 §5.4.0.2). */
#define UTSEC_GBA_UA_TLS13 ((const uint8_t *)"\x01\x00\x00\x00\x07")
/** `01 00 00 01 00`: TMPI generation (B.4), the BSF_Id suffix. */
#define UTSEC_GBA_UA_TMPI ((const uint8_t *)"\x01\x00\x00\x01\x00")
/** @} */

/** Organization octet of Annex H.2: 3GPP. */
#define UTSEC_GBA_UA_ORG_3GPP 0x01
/** Organization octet of Annex H.2: 3GPP2. */
#define UTSEC_GBA_UA_ORG_3GPP2 0x02
/** Organization octet of Annex H.2: OMA. */
#define UTSEC_GBA_UA_ORG_OMA 0x03
/** Organization octet of Annex H.2: GSMA. */
#define UTSEC_GBA_UA_ORG_GSMA 0x04
/** Organization octet of Annex H.2: private or experimental use. */
#define UTSEC_GBA_UA_ORG_PRIVATE 0xFF

/** One KDF input parameter Pi (its length Li is encoded by the KDF). */
typedef struct utsec_gba_param {
    const uint8_t *data; /**< octets (may be NULL when len is 0) */
    size_t len;          /**< length in octets, at most 65535 */
} utsec_gba_param_t;

/** Which NAF key a GBA derivation produces (TS 33.220 B.3). */
typedef enum utsec_gba_variant {
    /** P0 = "gba-me": Ks_NAF (GBA_ME) or Ks_ext_NAF (GBA_U). */
    UTSEC_GBA_VARIANT_ME = 0,
    /** P0 = "gba-u": Ks_int_NAF, the key that stays in the UICC (GBA_U). */
    UTSEC_GBA_VARIANT_U_INT = 1
} utsec_gba_variant_t;

/**
 * \brief The generic key derivation function of TS 33.220 Annex B.2.
 *
 * derived key = HMAC-SHA-256(key, S) with
 * S = FC || P0 || L0 || P1 || L1 || ... || Pn || Ln, each Li the 2-octet
 * big-endian length of Pi in octets. S is streamed into the HMAC, never
 * assembled, so parameters may be up to 65535 octets each.
 *
 * \param key the key (any length; GBA uses 32 octets).
 * \param key_len its length.
 * \param fc the function code: 0x00..0xFE is one octet; 0xFF00..0xFFFF is the
 *        two-octet extension FC1 = 0xFF, FC2 = low octet (B.2.2).
 * \param params P0..Pn in order; NULL only when \p n_params is 0.
 * \param n_params number of parameters, at most ::UTSEC_GBA_KDF_MAX_PARAMS.
 * \param out receives the 32-octet derived key.
 * \return 0; ::UTSEC_ERR_INVALID_ARG for NULL pointers or an FC of 0xFF or
 *         above 0xFFFF outside the extension range; ::UTSEC_ERR_TOO_MANY for
 *         too many parameters; ::UTSEC_ERR_TOO_LONG when a parameter exceeds
 *         65535 octets (never truncated). \p out is untouched on error.
 */
UTSEC_API int utsec_gba_kdf(const uint8_t *key, size_t key_len, unsigned fc,
                            const utsec_gba_param_t *params, size_t n_params,
                            uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief Ua security protocol identifier `01 00 01 yy zz` for TLS (Annex H.3:
 *        TS 33.222 §5.3 digest inside server-authenticated TLS, and §5.4
 *        TLS-PSK), where yy zz is the negotiated TLS cipher suite.
 * \param cipher_suite the IANA code of the negotiated suite, e.g. 0x00A8.
 * \param out receives the 5 octets.
 */
UTSEC_API void utsec_gba_ua_id_tls(uint16_t cipher_suite,
                                   uint8_t out[UTSEC_GBA_UA_ID_LEN]);

/**
 * \brief Build a NAF_Id = NAF FQDN || Ua security protocol id (B.3, H.1).
 *
 * The FQDN is copied as given: it must be the host name the UE used to reach
 * the NAF (the HTTP Host or TLS SNI). Both sides must agree on letter case;
 * this library does not change it.
 *
 * \param fqdn the NAF's FQDN (not NUL-terminated; UTF-8 is accepted).
 * \param fqdn_len its length, 1..65530.
 * \param ua_id the 5-octet protocol id (e.g. ::UTSEC_GBA_UA_HTTP_DIGEST).
 * \param out output buffer for fqdn_len + 5 octets.
 * \param out_size size of \p out.
 * \param out_len receives fqdn_len + 5.
 * \return 0, ::UTSEC_ERR_INVALID_ARG (NULL, empty FQDN, or an FQDN with a
 *         NUL octet), ::UTSEC_ERR_TOO_LONG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_gba_naf_id(const char *fqdn, size_t fqdn_len,
                               const uint8_t ua_id[UTSEC_GBA_UA_ID_LEN],
                               uint8_t *out, size_t out_size, size_t *out_len);

/**
 * \brief Ks = CK || IK (TS 33.220 §4.5.2).
 * \param ck cipher key from AKA (16 octets).
 * \param ik integrity key from AKA (16 octets).
 * \param ks receives the 32-octet Ks.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_gba_ks(const uint8_t ck[UTSEC_GBA_CK_LEN],
                           const uint8_t ik[UTSEC_GBA_CK_LEN],
                           uint8_t ks[UTSEC_GBA_KEY_LEN]);

/**
 * \brief NAF-specific key from Ks (TS 33.220 B.3): FC 0x01,
 *        P0 "gba-me" or "gba-u", P1 RAND, P2 IMPI, P3 NAF_Id.
 *
 * Used by the BSF (for Zn) and by a GBA_ME UE. A GBA_U UE gets Ks_ext_NAF
 * from the UICC instead and never calls this.
 *
 * \param ks Ks = CK || IK (32 octets).
 * \param variant ::UTSEC_GBA_VARIANT_ME (Ks_NAF / Ks_ext_NAF) or
 *        ::UTSEC_GBA_VARIANT_U_INT (Ks_int_NAF).
 * \param rand the RAND of the bootstrapping run (16 octets).
 * \param impi the IMPI as the BSF knows it (UTF-8, B.2.1.2).
 * \param impi_len its length, 1..65535.
 * \param naf_id the NAF_Id from utsec_gba_naf_id().
 * \param naf_id_len its length, 1..65535.
 * \param out receives the 32-octet key.
 * \return 0, ::UTSEC_ERR_INVALID_ARG (NULL, empty IMPI/NAF_Id, unknown
 *         variant) or ::UTSEC_ERR_TOO_LONG.
 */
UTSEC_API int utsec_gba_ks_naf(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                               utsec_gba_variant_t variant,
                               const uint8_t rand[UTSEC_GBA_RAND_LEN],
                               const char *impi, size_t impi_len,
                               const uint8_t *naf_id, size_t naf_id_len,
                               uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief Same as utsec_gba_ks_naf() with Ks = CK || IK assembled internally
 *        (and wiped).
 * \param ck cipher key (16 octets).
 * \param ik integrity key (16 octets).
 * \param variant as for utsec_gba_ks_naf().
 * \param rand RAND (16 octets).
 * \param impi IMPI (UTF-8).
 * \param impi_len its length.
 * \param naf_id NAF_Id.
 * \param naf_id_len its length.
 * \param out receives the 32-octet key.
 * \return as utsec_gba_ks_naf().
 */
UTSEC_API int utsec_gba_ks_naf_ck_ik(const uint8_t ck[UTSEC_GBA_CK_LEN],
                                     const uint8_t ik[UTSEC_GBA_CK_LEN],
                                     utsec_gba_variant_t variant,
                                     const uint8_t rand[UTSEC_GBA_RAND_LEN],
                                     const char *impi, size_t impi_len,
                                     const uint8_t *naf_id, size_t naf_id_len,
                                     uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief The Ua HTTP Digest password: base64(Ks_(ext)_NAF), 44 characters
 *        with padding and no line break (TS 33.222 §5.3, TS 24.109 §5.2).
 *
 * Takes the NAF key itself, so a GBA_U UE that only holds Ks_ext_NAF can use
 * it. The output is secret: wipe it after use.
 *
 * \param ks_naf the 32-octet NAF key.
 * \param out output buffer, at least ::UTSEC_GBA_PASSWORD_SIZE octets; the
 *        text is NUL-terminated.
 * \param out_size size of \p out.
 * \param out_len receives 44; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_gba_digest_password(const uint8_t ks_naf[UTSEC_GBA_KEY_LEN],
                                        char *out, size_t out_size,
                                        size_t *out_len);

/**
 * \brief Build a B-TID = base64(RAND) "@" BSF server name (TS 33.220 §4.5.2).
 * \param rand RAND (16 octets).
 * \param bsf_host the BSF's DNS name (validated like utsec_gba_host_valid()).
 * \param host_len its length.
 * \param out output buffer; NUL-terminated. ::UTSEC_GBA_BTID_MAX_SIZE always
 *        suffices.
 * \param out_size size of \p out.
 * \param out_len receives the B-TID length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BAD_HOST or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_gba_btid_build(const uint8_t rand[UTSEC_GBA_RAND_LEN],
                                   const char *bsf_host, size_t host_len,
                                   char *out, size_t out_size, size_t *out_len);

/**
 * \brief Parse a B-TID of the form base64(RAND) "@" host.
 *
 * The part before the last '@' must be exactly 24 characters of strict
 * base64 that decode to 16 octets; the host must be a valid DNS name.
 *
 * \param btid the B-TID text (untrusted; not NUL-terminated).
 * \param btid_len its length.
 * \param rand receives RAND (16 octets); may be NULL.
 * \param host receives a view of the host part inside \p btid; may be NULL.
 * \param host_len receives the host length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_PARSE (no '@', wrong
 *         length), ::UTSEC_ERR_BASE64 or ::UTSEC_ERR_BAD_HOST. No output is
 *         written on error.
 */
UTSEC_API int utsec_gba_btid_parse(const char *btid, size_t btid_len,
                                   uint8_t rand[UTSEC_GBA_RAND_LEN],
                                   const char **host, size_t *host_len);

/**
 * \brief Check a DNS host name: 1..253 octets, dot-separated labels of
 *        1..63 letters, digits and hyphens, not starting or ending with a
 *        hyphen; one trailing dot is not accepted.
 * \param host the name (not NUL-terminated).
 * \param len its length.
 * \return 1 when valid, 0 otherwise.
 */
UTSEC_API int utsec_gba_host_valid(const char *host, size_t len);

/**
 * \brief TMPI from Ks (TS 33.220 B.4): the "gba-me" derivation with
 *        NAF_Id = BSF_Id = BSF host || 01 00 00 01 00, then
 *        base64(24 most significant octets) "@tmpi.bsf.3gppnetwork.org".
 * \param ks Ks = CK || IK.
 * \param rand RAND.
 * \param impi IMPI (UTF-8).
 * \param impi_len its length.
 * \param bsf_host the BSF's DNS name as in the B-TID.
 * \param host_len its length.
 * \param out output buffer (::UTSEC_GBA_TMPI_SIZE); NUL-terminated.
 * \param out_size size of \p out.
 * \param out_len receives the TMPI length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BAD_HOST,
 *         ::UTSEC_ERR_TOO_LONG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_gba_tmpi(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                             const uint8_t rand[UTSEC_GBA_RAND_LEN],
                             const char *impi, size_t impi_len,
                             const char *bsf_host, size_t host_len, char *out,
                             size_t out_size, size_t *out_len);

/**
 * \brief TMPI from the Ks_ext_NAF a UICC derived for NAF_Id = BSF_Id
 *        (GBA_U, B.4): base64 of its 24 most significant octets followed by
 *        "@tmpi.bsf.3gppnetwork.org".
 * \param ks_ext_naf_bsf the 32-octet key for NAF_Id = BSF_Id.
 * \param out output buffer (::UTSEC_GBA_TMPI_SIZE); NUL-terminated.
 * \param out_size size of \p out.
 * \param out_len receives the TMPI length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_gba_tmpi_from_key(
    const uint8_t ks_ext_naf_bsf[UTSEC_GBA_KEY_LEN], char *out,
    size_t out_size, size_t *out_len);

/**
 * \brief GBA_Digest passwd (TS 33.220 B.5): KDF(H(A1), FC 0x01,
 *        "GBA_Digest_RESP", TLS_MK_Extr).
 * \param ha1 H(A1) of the Ub digest (Annex M.6.3), binary.
 * \param ha1_len its length (16 for MD5, 32 for SHA-256).
 * \param tls_mk_extr the TLS master key extract (any length up to 65535;
 *        48 octets in Annex M).
 * \param tls_mk_extr_len its length.
 * \param out receives the 32-octet passwd.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG.
 */
UTSEC_API int utsec_gba_digest_passwd(const uint8_t *ha1, size_t ha1_len,
                                      const uint8_t *tls_mk_extr,
                                      size_t tls_mk_extr_len,
                                      uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief GBA_Digest Ks (TS 33.220 B.5): KDF(H(A1), FC 0x01, "GBA_Digest_Ks",
 *        TLS_MK_Extr, RESP).
 * \param ha1 H(A1), binary.
 * \param ha1_len its length.
 * \param tls_mk_extr the TLS master key extract.
 * \param tls_mk_extr_len its length.
 * \param resp the digest response octets, as the caller's profile defines.
 * \param resp_len their length.
 * \param out receives Ks (32 octets).
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG.
 */
UTSEC_API int utsec_gba_digest_ks(const uint8_t *ha1, size_t ha1_len,
                                  const uint8_t *tls_mk_extr,
                                  size_t tls_mk_extr_len, const uint8_t *resp,
                                  size_t resp_len,
                                  uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief GBA_Digest Ks_NAF (TS 33.220 B.6): KDF(Ks, FC 0x01, "gba-digest",
 *        nonce, IMPI, NAF_Id).
 * \param ks the GBA_Digest Ks from utsec_gba_digest_ks().
 * \param nonce the Ub nonce octets.
 * \param nonce_len their length.
 * \param impi IMPI (UTF-8).
 * \param impi_len its length.
 * \param naf_id NAF_Id.
 * \param naf_id_len its length.
 * \param out receives Ks_NAF (32 octets).
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG.
 */
UTSEC_API int utsec_gba_digest_ks_naf(const uint8_t ks[UTSEC_GBA_KEY_LEN],
                                      const uint8_t *nonce, size_t nonce_len,
                                      const char *impi, size_t impi_len,
                                      const uint8_t *naf_id, size_t naf_id_len,
                                      uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief K_AKMA (TS 33.535 A.2): KDF(K_AUSF, FC 0x80, "AKMA", SUPI).
 * \param kausf K_AUSF (32 octets).
 * \param supi the SUPI as TS 33.501 A.7.0 P0: the IMSI digits or the NAI,
 *        as a character string (without an `imsi-` prefix).
 * \param supi_len its length.
 * \param out receives K_AKMA.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG.
 */
UTSEC_API int utsec_gba_akma_kakma(const uint8_t kausf[UTSEC_GBA_KEY_LEN],
                                   const char *supi, size_t supi_len,
                                   uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief A-TID (TS 33.535 A.3): KDF(K_AUSF, FC 0x81, "A-TID", SUPI).
 * \param kausf K_AUSF (32 octets).
 * \param supi SUPI as for utsec_gba_akma_kakma().
 * \param supi_len its length.
 * \param out receives the 32-octet A-TID.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG.
 */
UTSEC_API int utsec_gba_akma_atid(const uint8_t kausf[UTSEC_GBA_KEY_LEN],
                                  const char *supi, size_t supi_len,
                                  uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief K_AF (TS 33.535 A.4): KDF(K_AKMA, FC 0x82, AF_ID) where
 *        AF_ID = AF FQDN || Ua* security protocol id (build it with
 *        utsec_gba_naf_id()).
 * \param kakma K_AKMA (32 octets).
 * \param af_id AF_ID octets.
 * \param af_id_len their length, 1..65535.
 * \param out receives K_AF.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_TOO_LONG.
 */
UTSEC_API int utsec_gba_akma_kaf(const uint8_t kakma[UTSEC_GBA_KEY_LEN],
                                 const uint8_t *af_id, size_t af_id_len,
                                 uint8_t out[UTSEC_GBA_KEY_LEN]);

/**
 * \brief Parse an xs:dateTime as used for the key lifetime on Ub
 *        (TS 24.109 Annex C `lifetime`) into Unix seconds.
 *
 * Accepts `YYYY-MM-DDThh:mm:ss`, optional fractional seconds (truncated),
 * then `Z` or a `+hh:mm` / `-hh:mm` offset (converted to UTC). Years
 * 1970..9999; a time without a zone is rejected because it is ambiguous.
 * Leap seconds (`:60`) are rejected.
 *
 * \param text the value (untrusted; not NUL-terminated).
 * \param len its length.
 * \param out receives seconds since the epoch, UTC.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BAD_TIME (with no
 *         output written).
 */
UTSEC_API int utsec_gba_time_parse(const char *text, size_t len, int64_t *out);

/**
 * \brief Format Unix seconds as the UTC xs:dateTime `YYYY-MM-DDThh:mm:ssZ`.
 * \param t seconds since the epoch, 0 .. 253402300799 (year 9999).
 * \param out output buffer of at least ::UTSEC_GBA_TIME_SIZE; NUL-terminated.
 * \param out_size size of \p out.
 * \param out_len receives 20; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BAD_TIME or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_gba_time_format(int64_t t, char *out, size_t out_size,
                                    size_t *out_len);

/**
 * \brief Is a key with this lifetime still usable at \p now?
 *        (TS 33.220 §4.5.3: a NAF must not use a key after its lifetime.)
 * \param expiry the key lifetime, Unix seconds.
 * \param now the current time, Unix seconds.
 * \return 0 when now < expiry, ::UTSEC_ERR_EXPIRED otherwise.
 */
UTSEC_API int utsec_gba_key_valid(int64_t expiry, int64_t now);

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_GBA_H */
