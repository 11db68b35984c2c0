/**
 * \file aka.h
 * \brief AKA for the UE and the network: Milenage, TUAK and the XOR test
 *        algorithm behind one key type, authentication vectors, the UE-side
 *        AUTN and SQN checks, AUTS and resynchronisation, the USIM/ISIM
 *        callback interface, and the RFC 3310 nonce and AUTS codecs.
 *
 * See the \ref aka "AKA page" for the SQN scheme and the flows.
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

/* ------------------------------------------------------------------------
 * Algorithms: Milenage (TS 35.206), TUAK (TS 35.231), XOR (TS 34.108)
 * ---------------------------------------------------------------------- */

/** Length of MAC-A and MAC-S as carried in AUTN and AUTS, in octets. */
#define UTSEC_AKA_MAC_LEN 8
/** Length of AK and AK*, in octets. */
#define UTSEC_AKA_AK_LEN 6
/** Length of the Milenage K, OP and OPc, in octets. */
#define UTSEC_MILENAGE_KEY_LEN 16
/** Length of the TUAK TOP and TOPc, in octets. */
#define UTSEC_TUAK_TOP_LEN 32
/** Longest TUAK K, MAC, CK and IK (256 bits), in octets. */
#define UTSEC_TUAK_MAX_LEN 32

/** \cond INTERNAL */
#define UTSEC_AKA_AES_STORAGE 512
/** \endcond */

/**
 * \brief Milenage context for one subscriber (TS 35.206 §4.1): the AES-128
 *        key schedule of K, expanded once, and OPc.
 *
 * Initialise with utsec_milenage_init(), set up with utsec_milenage_setup(),
 * release with utsec_milenage_free()
 * (which wipes the key schedule and OPc). Treat as opaque. The context holds
 * pointers into itself with some mbedTLS versions: never copy it by value,
 * pass it by pointer. It is only read by the f-functions, so one context may
 * serve many vectors.
 */
typedef struct utsec_milenage {
    /** \cond INTERNAL */
    union {
        unsigned char bytes[UTSEC_AKA_AES_STORAGE];
        long double align_ld;
        void *align_p;
        uint64_t align_u64;
    } aes;
    uint8_t opc[UTSEC_MILENAGE_KEY_LEN];
    int ready;
    /** \endcond */
} utsec_milenage_t;

/**
 * \brief OPc = OP xor E_K(OP) (TS 35.206 §4.1).
 * \param k the subscriber key K (16 octets).
 * \param op the operator variant OP (16 octets).
 * \param opc receives OPc (16 octets); may alias neither input.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_milenage_opc(const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                 const uint8_t op[UTSEC_MILENAGE_KEY_LEN],
                                 uint8_t opc[UTSEC_MILENAGE_KEY_LEN]);

/**
 * \brief Zero a Milenage context so that utsec_milenage_free() is safe on
 *        it before any utsec_milenage_setup().
 * \param m the context; NULL is ignored.
 */
UTSEC_API void utsec_milenage_init(utsec_milenage_t *m);

/**
 * \brief Prepare a Milenage context: expand K once and keep OPc.
 * \param m caller-owned context (need not be initialised; any previous
 *        content is overwritten without being released).
 * \param k the subscriber key K (16 octets); not kept.
 * \param op_or_opc OP or OPc (16 octets), as \p is_op says.
 * \param is_op non-zero when \p op_or_opc is OP (OPc is then computed).
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_CRYPTO. On error the
 *         context is wiped and safe to pass to utsec_milenage_free().
 */
UTSEC_API int utsec_milenage_setup(utsec_milenage_t *m,
                                   const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                   const uint8_t op_or_opc[UTSEC_MILENAGE_KEY_LEN],
                                   int is_op);

/**
 * \brief Release a Milenage context and wipe K's key schedule and OPc.
 * \param m the context; NULL is ignored.
 */
UTSEC_API void utsec_milenage_free(utsec_milenage_t *m);

/**
 * \brief f1 and f1* (TS 35.206 §4.1): MAC-A = OUT1[0..63], MAC-S =
 *        OUT1[64..127].
 * \param m a context from utsec_milenage_setup().
 * \param rand RAND (16 octets).
 * \param sqn SQN (6 octets).
 * \param amf AMF (2 octets).
 * \param mac_a receives MAC-A (8 octets); may be NULL.
 * \param mac_s receives MAC-S (8 octets); may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE (context not set
 *         up) or ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_milenage_f1(utsec_milenage_t *m,
                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                uint8_t mac_a[UTSEC_AKA_MAC_LEN],
                                uint8_t mac_s[UTSEC_AKA_MAC_LEN]);

/**
 * \brief f2, f3, f4, f5 and f5* (TS 35.206 §4.1) for one RAND. Every output
 *        may be NULL; only the AES blocks needed for the requested outputs
 *        are computed (TEMP, then OUT2 for RES/AK, OUT3 for CK, OUT4 for IK,
 *        OUT5 for AK*).
 * \param m a context from utsec_milenage_setup().
 * \param rand RAND (16 octets).
 * \param res receives RES = OUT2[64..127] (8 octets), or NULL.
 * \param ck receives CK = OUT3 (16 octets), or NULL.
 * \param ik receives IK = OUT4 (16 octets), or NULL.
 * \param ak receives AK = OUT2[0..47] (6 octets), or NULL.
 * \param ak_star receives AK* = OUT5[0..47] (6 octets), or NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE or
 *         ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_milenage_f2345(utsec_milenage_t *m,
                                   const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                   uint8_t res[8],
                                   uint8_t ck[UTSEC_AKA_KEY_LEN],
                                   uint8_t ik[UTSEC_AKA_KEY_LEN],
                                   uint8_t ak[UTSEC_AKA_AK_LEN],
                                   uint8_t ak_star[UTSEC_AKA_AK_LEN]);

/**
 * \brief TUAK output lengths and Keccak iteration count (TS 35.231 §5.1).
 *
 * Passed to every TUAK call (there is no global setting). The lengths
 * select the INSTANCE octet, so they change every output, not only its
 * length.
 */
typedef struct utsec_tuak_params {
    size_t mac_len;      /**< MAC-A / MAC-S: 8, 16 or 32 octets */
    size_t res_len;      /**< RES: 4, 8, 16 or 32 octets */
    size_t ck_len;       /**< CK: 16 or 32 octets */
    size_t ik_len;       /**< IK: 16 or 32 octets */
    unsigned iterations; /**< Keccak-f[1600] applications, 1..255 (normally 1) */
} utsec_tuak_params_t;

/**
 * \brief TOPc = the first 256 bits of Keccak over (TOP, INSTANCE, K)
 *        (TS 35.231 §6.1).
 * \param k K (16 or 32 octets).
 * \param k_len 16 or 32.
 * \param top TOP (32 octets).
 * \param iterations Keccak iterations (1..255).
 * \param topc receives TOPc (32 octets).
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_tuak_topc(const uint8_t *k, size_t k_len,
                              const uint8_t top[UTSEC_TUAK_TOP_LEN],
                              unsigned iterations,
                              uint8_t topc[UTSEC_TUAK_TOP_LEN]);

/**
 * \brief TUAK f1 (MAC-A) or f1* (MAC-S) (TS 35.231 §6.2, §6.3).
 * \param k K (16 or 32 octets).
 * \param k_len 16 or 32.
 * \param topc TOPc (32 octets).
 * \param rand RAND (16 octets).
 * \param sqn SQN (6 octets).
 * \param amf AMF (2 octets).
 * \param star 0 for f1, non-zero for f1*.
 * \param p lengths and iterations (\c mac_len and \c iterations are used).
 * \param mac receives \c p->mac_len octets.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_tuak_f1(const uint8_t *k, size_t k_len,
                            const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                            const uint8_t rand[UTSEC_AKA_RAND_LEN],
                            const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                            const uint8_t amf[UTSEC_AKA_AMF_LEN], int star,
                            const utsec_tuak_params_t *p, uint8_t *mac);

/**
 * \brief TUAK f2, f3, f4, f5 (one Keccak evaluation, TS 35.231 §6.4).
 * \param k K (16 or 32 octets).
 * \param k_len 16 or 32.
 * \param topc TOPc (32 octets).
 * \param rand RAND (16 octets).
 * \param p lengths and iterations (\c res_len, \c ck_len, \c ik_len,
 *        \c iterations are used).
 * \param res receives \c p->res_len octets, or NULL.
 * \param ck receives \c p->ck_len octets, or NULL.
 * \param ik receives \c p->ik_len octets, or NULL.
 * \param ak receives AK (6 octets), or NULL.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_tuak_f2345(const uint8_t *k, size_t k_len,
                               const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                               const uint8_t rand[UTSEC_AKA_RAND_LEN],
                               const utsec_tuak_params_t *p, uint8_t *res,
                               uint8_t *ck, uint8_t *ik,
                               uint8_t ak[UTSEC_AKA_AK_LEN]);

/**
 * \brief TUAK f5* (AK* for resynchronisation, TS 35.231 §6.5).
 * \param k K (16 or 32 octets).
 * \param k_len 16 or 32.
 * \param topc TOPc (32 octets).
 * \param rand RAND (16 octets).
 * \param iterations Keccak iterations (1..255).
 * \param ak_star receives AK* (6 octets).
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_tuak_f5star(const uint8_t *k, size_t k_len,
                                const uint8_t topc[UTSEC_TUAK_TOP_LEN],
                                const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                unsigned iterations,
                                uint8_t ak_star[UTSEC_AKA_AK_LEN]);

/* ------------------------------------------------------------------------
 * One algorithm-neutral subscriber key
 * ---------------------------------------------------------------------- */

/** The AKA algorithm behind a ::utsec_aka_key_t. */
typedef enum utsec_aka_alg {
    UTSEC_AKA_ALG_NONE = 0,     /**< not set up */
    UTSEC_AKA_ALG_MILENAGE = 1, /**< Milenage, TS 35.206 */
    UTSEC_AKA_ALG_TUAK = 2,     /**< TUAK, TS 35.231 */
    UTSEC_AKA_ALG_XOR = 3       /**< the test algorithm of TS 34.108 §8.1.2 */
} utsec_aka_alg_t;

/**
 * \brief A subscriber's AKA credentials and algorithm (enum + union).
 *
 * Everything above the algorithm (vectors, the UE check, AUTS, resync, the
 * software USIM) takes a ::utsec_aka_key_t, so a caller switches between
 * Milenage, TUAK and XOR by changing only the set-up call. In these AKA
 * procedures MAC-A/MAC-S are 64 bits (the AUTN and AUTS fields) and CK/IK
 * 128 bits (the AUTHENTICATE response, TS 31.102 §7.1.2); other TUAK
 * lengths are available from the utsec_tuak_* functions.
 *
 * Caller-owned; set up with one utsec_aka_key_setup_*() call, release with
 * utsec_aka_key_free(), which wipes K, OPc/TOPc and the key schedule. Never
 * copy by value. Fields are private.
 */
typedef struct utsec_aka_key {
    /** \cond INTERNAL */
    utsec_aka_alg_t alg;
    size_t res_len;
    union {
        utsec_milenage_t milenage;
        struct {
            uint8_t k[UTSEC_TUAK_MAX_LEN];
            size_t k_len;
            uint8_t topc[UTSEC_TUAK_TOP_LEN];
            unsigned iterations;
        } tuak;
        struct {
            uint8_t k[UTSEC_MILENAGE_KEY_LEN];
        } xor_alg;
    } u;
    /** \endcond */
} utsec_aka_key_t;

/**
 * \brief Zero a key so that utsec_aka_key_free() is safe on it.
 * \param key the key; NULL is ignored.
 */
UTSEC_API void utsec_aka_key_init(utsec_aka_key_t *key);

/**
 * \brief Wipe a key (K, OPc/TOPc, key schedule).
 * \param key the key; NULL is ignored.
 */
UTSEC_API void utsec_aka_key_free(utsec_aka_key_t *key);

/**
 * \brief Set up a Milenage subscriber.
 * \param key a key from utsec_aka_key_init() or an earlier set-up (its
 *        previous content is wiped).
 * \param k K (16 octets); copied into the key schedule.
 * \param op_or_opc OP or OPc (16 octets).
 * \param is_op non-zero when \p op_or_opc is OP.
 * \param res_len RES length, 4..8 octets: the leftmost octets of f2's
 *        64-bit output (8 is the TS 35.206 value).
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_CRYPTO; on error the key
 *         is left wiped (::UTSEC_AKA_ALG_NONE).
 */
UTSEC_API int utsec_aka_key_setup_milenage(utsec_aka_key_t *key,
                                           const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                           const uint8_t op_or_opc[UTSEC_MILENAGE_KEY_LEN],
                                           int is_op, size_t res_len);

/**
 * \brief Set up a TUAK subscriber (MAC 64 bits, CK/IK 128 bits).
 * \param key a key from utsec_aka_key_init() or an earlier set-up (its
 *        previous content is wiped).
 * \param k K (16 or 32 octets).
 * \param k_len 16 or 32.
 * \param top_or_topc TOP or TOPc (32 octets).
 * \param is_top non-zero when \p top_or_topc is TOP (TOPc is then computed).
 * \param res_len RES length: 4, 8, 16 or 32 octets.
 * \param iterations Keccak iterations, 1..255 (normally 1).
 * \return 0 or ::UTSEC_ERR_INVALID_ARG; on error the key is left wiped.
 */
UTSEC_API int utsec_aka_key_setup_tuak(utsec_aka_key_t *key, const uint8_t *k,
                                       size_t k_len,
                                       const uint8_t top_or_topc[UTSEC_TUAK_TOP_LEN],
                                       int is_top, size_t res_len,
                                       unsigned iterations);

/**
 * \brief Set up a subscriber using the TS 34.108 §8.1.2 XOR test algorithm
 *        (test USIMs and test equipment only: it offers no security).
 * \param key a key from utsec_aka_key_init() or an earlier set-up (its
 *        previous content is wiped).
 * \param k K (16 octets).
 * \param res_len RES length, 4..16 octets (the leftmost octets of XDOUT).
 * \return 0 or ::UTSEC_ERR_INVALID_ARG; on error the key is left wiped.
 */
UTSEC_API int utsec_aka_key_setup_xor(utsec_aka_key_t *key,
                                      const uint8_t k[UTSEC_MILENAGE_KEY_LEN],
                                      size_t res_len);

/**
 * \brief The algorithm of a key.
 * \param key the key.
 * \return its ::utsec_aka_alg_t (::UTSEC_AKA_ALG_NONE for NULL or unset).
 */
UTSEC_API utsec_aka_alg_t utsec_aka_key_alg(const utsec_aka_key_t *key);

/**
 * \brief RES length the key produces, in octets.
 * \param key the key.
 * \return 4..32, or 0 for NULL or an unset key.
 */
UTSEC_API size_t utsec_aka_key_res_len(const utsec_aka_key_t *key);

/**
 * \brief f1 / f1* with the key's algorithm (64-bit MAC).
 * \param key a set-up key.
 * \param rand RAND (16 octets).
 * \param sqn SQN (6 octets).
 * \param amf AMF (2 octets).
 * \param mac_a receives MAC-A = f1 (8 octets), or NULL.
 * \param mac_s receives MAC-S = f1* (8 octets), or NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE (key not set up)
 *         or ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_aka_f1(utsec_aka_key_t *key,
                           const uint8_t rand[UTSEC_AKA_RAND_LEN],
                           const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                           const uint8_t amf[UTSEC_AKA_AMF_LEN],
                           uint8_t mac_a[UTSEC_AKA_MAC_LEN],
                           uint8_t mac_s[UTSEC_AKA_MAC_LEN]);

/**
 * \brief f2..f5 and f5* with the key's algorithm. Every output may be NULL.
 * \param key a set-up key.
 * \param rand RAND (16 octets).
 * \param res receives RES (utsec_aka_key_res_len() octets), or NULL.
 * \param ck receives CK (16 octets), or NULL.
 * \param ik receives IK (16 octets), or NULL.
 * \param ak receives AK = f5 (6 octets), or NULL.
 * \param ak_star receives AK* = f5* (6 octets), or NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE or
 *         ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_aka_f2345(utsec_aka_key_t *key,
                              const uint8_t rand[UTSEC_AKA_RAND_LEN],
                              uint8_t *res, uint8_t ck[UTSEC_AKA_KEY_LEN],
                              uint8_t ik[UTSEC_AKA_KEY_LEN],
                              uint8_t ak[UTSEC_AKA_AK_LEN],
                              uint8_t ak_star[UTSEC_AKA_AK_LEN]);

/* ------------------------------------------------------------------------
 * Network side: authentication vectors and resynchronisation (TS 33.102)
 * ---------------------------------------------------------------------- */

/**
 * \brief An authentication vector (TS 33.102 §6.3.2). XRES, CK, IK and AK
 *        are secret: wipe with utsec_aka_vector_wipe().
 */
typedef struct utsec_aka_vector {
    uint8_t rand[UTSEC_AKA_RAND_LEN];   /**< RAND */
    uint8_t xres[UTSEC_AKA_RES_MAX_LEN]; /**< XRES (\c xres_len octets) */
    size_t xres_len;                    /**< length of XRES */
    uint8_t ck[UTSEC_AKA_KEY_LEN];      /**< CK */
    uint8_t ik[UTSEC_AKA_KEY_LEN];      /**< IK */
    uint8_t ak[UTSEC_AKA_AK_LEN];       /**< AK (f5) */
    uint8_t autn[UTSEC_AKA_AUTN_LEN];   /**< AUTN = (SQN xor AK) || AMF || MAC-A */
} utsec_aka_vector_t;

/**
 * \brief Build a vector from a fresh RAND taken from \p rng (TS 33.102
 *        §6.3.2): XRES = f2, CK = f3, IK = f4, AK = f5, AUTN = (SQN xor AK)
 *        || AMF || f1. With Milenage this costs 5 AES block operations on
 *        the cached key schedule (TEMP, OUT1..OUT4).
 * \param key a set-up key.
 * \param rng random source for RAND; \p rng_ctx is passed to it.
 * \param rng_ctx context of \p rng.
 * \param sqn SQN (6 octets), chosen by the caller (see
 *        utsec_aka_sqn_compose()).
 * \param amf AMF (2 octets).
 * \param av receives the vector.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE, ::UTSEC_ERR_RNG or
 *         ::UTSEC_ERR_CRYPTO. On error \p av is wiped.
 */
UTSEC_API int utsec_aka_vector_generate(utsec_aka_key_t *key,
                                        utsec_rng_fn rng, void *rng_ctx,
                                        const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                        const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                        utsec_aka_vector_t *av);

/**
 * \brief Build a vector for a given RAND (deterministic; for tests and
 *        tools). Same outputs as utsec_aka_vector_generate().
 * \param key a set-up key.
 * \param rand RAND (16 octets).
 * \param sqn SQN (6 octets).
 * \param amf AMF (2 octets).
 * \param av receives the vector.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE or
 *         ::UTSEC_ERR_CRYPTO. On error \p av is wiped.
 */
UTSEC_API int utsec_aka_vector_from_rand(utsec_aka_key_t *key,
                                         const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                         const uint8_t sqn[UTSEC_AKA_SQN_LEN],
                                         const uint8_t amf[UTSEC_AKA_AMF_LEN],
                                         utsec_aka_vector_t *av);

/**
 * \brief Wipe a vector.
 * \param av the vector; NULL is ignored.
 */
UTSEC_API void utsec_aka_vector_wipe(utsec_aka_vector_t *av);

/**
 * \brief Network-side resynchronisation (TS 33.102 §6.3.5): recover
 *        SQN_MS = AUTS[0..5] xor f5*(RAND), check MAC-S = f1*(SQN_MS, RAND,
 *        AMF = 0000) in constant time, and give the SQN to continue from.
 *
 * The rule for \p next_sqn: the next SEQ after SQN_MS, keeping its IND,
 * i.e. SQN_MS + 2^ind_bits (TS 33.102 Annex C.3). The USIM accepts it in
 * every case, because its SEQ exceeds every SEQ the USIM has accepted
 * (SQN_MS holds the highest one) and it is within Δ of it.
 *
 * \param key a set-up key.
 * \param rand the RAND of the challenge the UE rejected (16 octets).
 * \param auts AUTS from the UE (14 octets, untrusted).
 * \param ind_bits length of IND in SQN (0..::UTSEC_AKA_IND_BITS_MAX).
 * \param sqn_ms receives SQN_MS (6 octets); may be NULL.
 * \param next_sqn receives the SQN for the next vector (6 octets); may be
 *        NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE,
 *         ::UTSEC_ERR_CRYPTO, ::UTSEC_ERR_MAC_S_FAILURE (nothing written) or
 *         ::UTSEC_ERR_SQN_EXHAUSTED (SQN_MS is the last SEQ; \p sqn_ms is
 *         written, \p next_sqn not).
 */
UTSEC_API int utsec_aka_resync(utsec_aka_key_t *key,
                               const uint8_t rand[UTSEC_AKA_RAND_LEN],
                               const uint8_t auts[UTSEC_AKA_AUTS_LEN],
                               unsigned ind_bits,
                               uint8_t sqn_ms[UTSEC_AKA_SQN_LEN],
                               uint8_t next_sqn[UTSEC_AKA_SQN_LEN]);

/* ------------------------------------------------------------------------
 * UE side: SQN freshness (TS 33.102 Annex C), AUTN check, AUTS
 * ---------------------------------------------------------------------- */

/** Default length of IND in SQN, in bits (TS 33.102 Annex C.3.2 profile). */
#define UTSEC_AKA_IND_BITS_DEFAULT 5
/** Longest IND this library supports, in bits (64 array entries). */
#define UTSEC_AKA_IND_BITS_MAX 6
/** Default wrap-around limit Δ, in SEQ steps (2^28). */
#define UTSEC_AKA_DELTA_DEFAULT ((uint64_t)1 << 28)

/**
 * \brief The USIM's sequence-number state (TS 33.102 Annex C.2).
 *
 * SQN (48 bits) = SEQ || IND, IND being the low \c ind_bits bits. The
 * state holds, per IND value, the highest SEQ accepted with it, and the
 * highest SQN accepted overall (SQN_MS). It is caller-owned: the
 * application persists it (all fields are plain integers) and passes it to
 * utsec_aka_ue_check(), which changes it only when it accepts a challenge.
 */
typedef struct utsec_aka_sqn_state {
    unsigned ind_bits;  /**< IND length, 0..::UTSEC_AKA_IND_BITS_MAX */
    uint64_t delta;     /**< Δ: accept only SEQ - SEQ_MS <= Δ (>= 1) */
    uint64_t age_limit; /**< L: when non-zero, accept only SEQ_MS - SEQ < L */
    uint64_t sqn_ms;    /**< highest SQN accepted so far (0: none) */
    uint64_t seq[1u << UTSEC_AKA_IND_BITS_MAX]; /**< highest SEQ per IND */
} utsec_aka_sqn_state_t;

/**
 * \brief Initialise a fresh SQN state (every SEQ_MS(i) = 0, SQN_MS = 0).
 * \param st caller-owned state.
 * \param ind_bits IND length, 0..::UTSEC_AKA_IND_BITS_MAX (usually
 *        ::UTSEC_AKA_IND_BITS_DEFAULT).
 * \param delta Δ in SEQ steps, at least 1 (e.g. ::UTSEC_AKA_DELTA_DEFAULT).
 * \param age_limit L in SEQ steps, or 0 not to apply the optional age check.
 * \return 0 or ::UTSEC_ERR_INVALID_ARG (nothing written).
 */
UTSEC_API int utsec_aka_sqn_init(utsec_aka_sqn_state_t *st, unsigned ind_bits,
                                 uint64_t delta, uint64_t age_limit);

/**
 * \brief The USIM's freshness decision for a SQN (TS 33.102 Annex C.2):
 *        Δ check, optional L check, then SEQ > SEQ_MS(IND).
 * \param st the state; not modified.
 * \param sqn the received SQN (6 octets).
 * \return 0 (acceptable), ::UTSEC_ERR_SYNC_FAILURE or
 *         ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_aka_sqn_check(const utsec_aka_sqn_state_t *st,
                                  const uint8_t sqn[UTSEC_AKA_SQN_LEN]);

/**
 * \brief Record an accepted SQN: SEQ_MS(IND) := SEQ and SQN_MS := max.
 *        Call only after utsec_aka_sqn_check() returned 0 (the UE check
 *        does both).
 * \param st the state.
 * \param sqn the accepted SQN (6 octets).
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_SYNC_FAILURE (not
 *         fresh; state unchanged).
 */
UTSEC_API int utsec_aka_sqn_accept(utsec_aka_sqn_state_t *st,
                                   const uint8_t sqn[UTSEC_AKA_SQN_LEN]);

/**
 * \brief SQN = SEQ || IND (TS 33.102 Annex C.1.1).
 * \param seq SEQ, below 2^(48 - ind_bits).
 * \param ind IND, below 2^ind_bits.
 * \param ind_bits IND length, 0..::UTSEC_AKA_IND_BITS_MAX.
 * \param sqn receives SQN (6 octets, big-endian).
 * \return 0 or ::UTSEC_ERR_INVALID_ARG.
 */
UTSEC_API int utsec_aka_sqn_compose(uint64_t seq, unsigned ind,
                                    unsigned ind_bits,
                                    uint8_t sqn[UTSEC_AKA_SQN_LEN]);

/**
 * \brief AUTS = (SQN_MS xor f5*(RAND)) || f1*(SQN_MS, RAND, AMF = 0000)
 *        (TS 33.102 §6.3.3).
 * \param key a set-up key.
 * \param rand RAND of the rejected challenge (16 octets).
 * \param sqn_ms SQN_MS, the highest SQN the USIM accepted (6 octets).
 * \param auts receives AUTS (14 octets).
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_STATE or
 *         ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_aka_auts_generate(utsec_aka_key_t *key,
                                      const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                      const uint8_t sqn_ms[UTSEC_AKA_SQN_LEN],
                                      uint8_t auts[UTSEC_AKA_AUTS_LEN]);

/**
 * \brief The UE (USIM) side of AKA (TS 33.102 §6.3.3): recover SQN with
 *        AK, check MAC-A in constant time, check SQN freshness, and answer.
 *
 * \param key a set-up key.
 * \param st the SQN state; updated only when 0 is returned.
 * \param rand RAND (16 octets, untrusted).
 * \param autn AUTN (16 octets, untrusted).
 * \param out receives RES/CK/IK on success, AUTS on synchronisation
 *        failure; wiped on every other outcome.
 * \return 0, ::UTSEC_ERR_MAC_FAILURE, ::UTSEC_ERR_SYNC_FAILURE (AUTS for
 *         the state's SQN_MS filled), ::UTSEC_ERR_INVALID_ARG,
 *         ::UTSEC_ERR_STATE or ::UTSEC_ERR_CRYPTO.
 */
UTSEC_API int utsec_aka_ue_check(utsec_aka_key_t *key,
                                 utsec_aka_sqn_state_t *st,
                                 const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                 const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                 utsec_aka_ue_result_t *out);

/**
 * \brief A software USIM: the keys and SQN state that
 *        utsec_aka_soft_usim() runs on. Both are borrowed (not owned).
 */
typedef struct utsec_aka_soft_usim {
    utsec_aka_key_t *key;          /**< the subscriber key */
    utsec_aka_sqn_state_t *sqn;    /**< the persisted SQN state */
} utsec_aka_soft_usim_t;

/**
 * \brief utsec_aka_ue_check() as a ::utsec_aka_usim_fn, so software keys
 *        and a real card are interchangeable.
 * \param ctx a ::utsec_aka_soft_usim_t.
 * \param rand RAND (16 octets).
 * \param autn AUTN (16 octets).
 * \param out receives the result.
 * \return as utsec_aka_ue_check().
 */
UTSEC_API int utsec_aka_soft_usim(void *ctx,
                                  const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                  const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                  utsec_aka_ue_result_t *out);

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_AKA_H */
