/**
 * \file aka.h
 * \brief AKA for the UE and the network: the USIM/ISIM callback interface,
 *        and the RFC 3310 nonce and AUTS codecs.
 *
 * The USIM callback has the shape of the UICC AUTHENTICATE response
 * (TS 31.102 §7.1.2): given RAND and AUTN, the card answers RES/CK/IK, or a
 * synchronisation failure with AUTS, or refuses (MAC failure). A real card
 * and the software algorithms of this module are interchangeable behind it.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_AKA_H
#define UTSEC_AKA_H

#include "utsec/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Length of RAND, in octets. */
#define UTSEC_AKA_RAND_LEN 16
/** Length of AUTN = (SQN xor AK) || AMF || MAC-A, in octets. */
#define UTSEC_AKA_AUTN_LEN 16
/** Length of AUTS = (SQN_MS xor AK*) || MAC-S, in octets. */
#define UTSEC_AKA_AUTS_LEN 14
/** Length of CK and of IK, in octets. */
#define UTSEC_AKA_KEY_LEN 16
/** Longest RES any algorithm here produces (TUAK: 256 bits), in octets. */
#define UTSEC_AKA_RES_MAX_LEN 32
/** Length of SQN, in octets. */
#define UTSEC_AKA_SQN_LEN 6
/** Length of AMF, in octets. */
#define UTSEC_AKA_AMF_LEN 2
/** Shortest decoded AKA nonce: RAND || AUTN (RFC 3310 §3.2). */
#define UTSEC_AKA_NONCE_MIN_LEN (UTSEC_AKA_RAND_LEN + UTSEC_AKA_AUTN_LEN)

/**
 * \brief What the UE side of AKA produces (the AUTHENTICATE response).
 *
 * On success: \c res (\c res_len octets), \c ck, \c ik. On synchronisation
 * failure: \c auts. All fields are secret; wipe with
 * utsec_aka_ue_result_wipe().
 */
typedef struct utsec_aka_ue_result {
    uint8_t res[UTSEC_AKA_RES_MAX_LEN]; /**< RES (may contain 0x00 octets) */
    size_t res_len;                     /**< length of RES, 4..32 octets */
    uint8_t ck[UTSEC_AKA_KEY_LEN];      /**< cipher key */
    uint8_t ik[UTSEC_AKA_KEY_LEN];      /**< integrity key */
    uint8_t auts[UTSEC_AKA_AUTS_LEN];   /**< AUTS on synchronisation failure */
} utsec_aka_ue_result_t;

/**
 * \brief A USIM/ISIM (or software stand-in) that runs AKA for the UE.
 *
 * \param ctx the caller's context (card reader handle, keys, SQN state).
 * \param rand RAND from the network (16 octets).
 * \param autn AUTN from the network (16 octets).
 * \param out receives the result; the callee fills the fields its return
 *        value names.
 * \return 0 (RES/CK/IK filled), ::UTSEC_ERR_SYNC_FAILURE (AUTS filled),
 *         ::UTSEC_ERR_MAC_FAILURE (nothing filled; the network failed to
 *         authenticate), or another negative code for a card or reader error.
 */
typedef int (*utsec_aka_usim_fn)(void *ctx,
                                 const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                 const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                 utsec_aka_ue_result_t *out);

/**
 * \brief Wipe a result (RES, CK, IK and AUTS are secret).
 * \param r the result; NULL is ignored.
 */
UTSEC_API void utsec_aka_ue_result_wipe(utsec_aka_ue_result_t *r);

/**
 * \brief Encode an AKA nonce: base64(RAND || AUTN || server data)
 *        (RFC 3310 §3.2).
 * \param rand RAND (16 octets).
 * \param autn AUTN (16 octets).
 * \param server_data optional server-specific data (may be NULL when
 *        \p server_data_len is 0).
 * \param server_data_len its length.
 * \param out output text, NUL-terminated; needs
 *        UTSEC_BASE64_ENCODED_SIZE(32 + server_data_len) octets.
 * \param out_size size of \p out.
 * \param out_len receives the text length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_TOO_LONG (server data
 *         over 1024 octets) or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_aka_nonce_encode(const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                     const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                     const uint8_t *server_data,
                                     size_t server_data_len, char *out,
                                     size_t out_size, size_t *out_len);

/** Most server-data octets utsec_aka_nonce_encode()/decode() handle. */
#define UTSEC_AKA_NONCE_MAX_SERVER_DATA 1024

/**
 * \brief Decode an AKA nonce (RFC 3310 §3.2): strict base64, at least 32
 *        octets; octets after RAND || AUTN are server-specific data and are
 *        returned, not rejected.
 * \param nonce the nonce text from the challenge (untrusted).
 * \param nonce_len its length.
 * \param rand receives RAND.
 * \param autn receives AUTN.
 * \param server_data receives the server data; may be NULL when the caller
 *        does not want it (it is then skipped).
 * \param server_data_size size of \p server_data.
 * \param server_data_len receives the server data length; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BASE64, ::UTSEC_ERR_PARSE
 *         (shorter than 32 octets), ::UTSEC_ERR_TOO_LONG (server data over
 *         ::UTSEC_AKA_NONCE_MAX_SERVER_DATA) or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 *         Nothing is written on error.
 */
UTSEC_API int utsec_aka_nonce_decode(const char *nonce, size_t nonce_len,
                                     uint8_t rand[UTSEC_AKA_RAND_LEN],
                                     uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                     uint8_t *server_data,
                                     size_t server_data_size,
                                     size_t *server_data_len);

/**
 * \brief Decode the `auts` Digest parameter: base64 of exactly 14 octets
 *        (RFC 3310 §3.4).
 * \param text the parameter value (untrusted).
 * \param len its length (20 characters when well formed).
 * \param auts receives AUTS.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BASE64 or
 *         ::UTSEC_ERR_PARSE (not 14 octets).
 */
UTSEC_API int utsec_aka_auts_decode(const char *text, size_t len,
                                    uint8_t auts[UTSEC_AKA_AUTS_LEN]);

/**
 * \brief Encode AUTS for the `auts` Digest parameter (base64, 20 characters).
 * \param auts AUTS (14 octets).
 * \param out output, at least 21 octets; NUL-terminated.
 * \param out_size size of \p out.
 * \param out_len receives 20; may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_aka_auts_encode(const uint8_t auts[UTSEC_AKA_AUTS_LEN],
                                    char *out, size_t out_size,
                                    size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_AKA_H */
