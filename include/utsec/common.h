/**
 * \file common.h
 * \brief What every libutsec module shares: version, error codes,
 *        randomness and time injection, base64, constant-time compare and
 *        wiping. Included by every module header; applications include
 *        utsec.h (the umbrella) or the module headers they use.
 *
 * libutsec implements the security of the 3GPP Ut interface (TS 33.141,
 * TS 33.222, TS 33.220, TS 24.109). It never opens a socket, never allocates
 * on the heap in its core, and has no global mutable state.
 *
 * Conventions (see docs/architecture.md):
 * - functions return 0 on success or a negative ::utsec_err_t code;
 * - byte strings are `const uint8_t *` plus a `size_t` length, text is
 *   `const char *` plus a `size_t` length (no reliance on NUL termination);
 * - outputs go to caller buffers with their size, and the produced length is
 *   reported through an `out_len` pointer;
 * - contexts are caller-allocated, with `_init()` / `_free()`, and `_free()`
 *   wipes secrets.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_COMMON_H
#define UTSEC_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** \cond INTERNAL */
#if defined(UTSEC_BUILDING) && defined(__GNUC__)
#define UTSEC_API __attribute__((visibility("default")))
#else
#define UTSEC_API
#endif
/** \endcond */

/** Major version of the library (incompatible API changes). */
#define UTSEC_VERSION_MAJOR 0
/** Minor version of the library (compatible additions). */
#define UTSEC_VERSION_MINOR 1
/** Patch version of the library (fixes only). */
#define UTSEC_VERSION_PATCH 0
/** The version as one number, 0xMMmmpp00 like MBEDTLS_VERSION_NUMBER. */
#define UTSEC_VERSION_NUMBER                                                   \
    ((UTSEC_VERSION_MAJOR << 24) | (UTSEC_VERSION_MINOR << 16) |               \
     (UTSEC_VERSION_PATCH << 8))

/**
 * \brief Error codes. Every libutsec function that can fail returns 0 or one
 *        of these negative values; utsec_strerror() gives a message.
 *
 * Ranges: -1..-19 common, -20..-39 AKA, -40..-59 HTTP Digest, -60..-79 TLS,
 * -80..-99 identity and authorization, -100..-119 bootstrapping.
 */
typedef enum utsec_err {
    UTSEC_OK = 0,                      /**< Success. */
    UTSEC_ERR_INVALID_ARG = -1,        /**< NULL pointer, bad length or out-of-range value. */
    UTSEC_ERR_BUFFER_TOO_SMALL = -2,   /**< The output buffer cannot hold the result. */
    UTSEC_ERR_PARSE = -3,              /**< Malformed input text or structure. */
    UTSEC_ERR_TOO_LONG = -4,           /**< An input exceeds a protocol or documented limit. */
    UTSEC_ERR_TOO_MANY = -5,           /**< More items than a documented limit allows. */
    UTSEC_ERR_BASE64 = -6,             /**< Invalid base64 (character, padding or length). */
    UTSEC_ERR_HEX = -7,                /**< Invalid hexadecimal text. */
    UTSEC_ERR_CRYPTO = -8,             /**< The cryptographic backend (mbedTLS) failed. */
    UTSEC_ERR_RNG = -9,                /**< The random number generator failed. */
    UTSEC_ERR_UNSUPPORTED = -10,       /**< Algorithm, option or mode not supported. */
    UTSEC_ERR_BAD_HOST = -11,          /**< Not a valid DNS host name. */
    UTSEC_ERR_BAD_TIME = -12,          /**< Not a valid xs:dateTime, or out of range. */
    UTSEC_ERR_EXPIRED = -13,           /**< A key or context has passed its lifetime. */
    UTSEC_ERR_CALLBACK = -14,          /**< A caller-supplied callback reported failure. */
    UTSEC_ERR_STATE = -15,             /**< Call out of order for the context's state. */
    UTSEC_ERR_NOT_FOUND = -16,         /**< The requested item does not exist. */
    UTSEC_ERR_TABLE_FULL = -17,        /**< A bounded table has no room left. */

    UTSEC_ERR_MAC_FAILURE = -20,       /**< AKA: MAC-A (network authentication) check failed. */
    UTSEC_ERR_SYNC_FAILURE = -21,      /**< AKA: sequence number not acceptable; resync needed. */
    UTSEC_ERR_MAC_S_FAILURE = -22,     /**< AKA: MAC-S in AUTS did not verify (resync refused). */
    UTSEC_ERR_AMF = -23,               /**< AKA: AMF not acceptable. */
    UTSEC_ERR_SQN_EXHAUSTED = -24,     /**< AKA: no sequence number is left after SQN_MS. */

    UTSEC_ERR_AUTH_FAILED = -40,       /**< Digest: the response does not match. */
    UTSEC_ERR_REPLAY = -41,            /**< Digest: nonce count reused or out of window. */
    UTSEC_ERR_STALE = -42,             /**< Digest: nonce expired (answer with stale=true). */
    UTSEC_ERR_NONCE = -43,             /**< Digest: nonce not issued by this server or tampered. */
    UTSEC_ERR_RSPAUTH = -44,           /**< Digest: server's rspauth does not verify. */
    UTSEC_ERR_NO_CHALLENGE = -45,      /**< Digest: no usable challenge was offered. */
    UTSEC_ERR_URI_MISMATCH = -46,      /**< Digest: `uri` differs from the request-target. */

    UTSEC_ERR_TLS = -60,               /**< TLS: mbedTLS reported a failure. */
    UTSEC_ERR_UNKNOWN_ID = -61,        /**< TLS/Ua: unknown B-TID or PSK identity. */
    UTSEC_ERR_BAD_PSK_IDENTITY = -62,  /**< TLS: malformed PSK identity. */
    UTSEC_ERR_TLS_WANT_READ = -63,     /**< TLS: the transport must become readable; call again. */
    UTSEC_ERR_TLS_WANT_WRITE = -64,    /**< TLS: the transport must become writable; call again. */
    UTSEC_ERR_TLS_SUITE = -65,         /**< TLS: cipher suite not allowed or not available. */
    UTSEC_ERR_TLS_BAD_KEY = -66,       /**< TLS: the peer's Finished did not verify (other key). */

    UTSEC_ERR_FORBIDDEN = -80,         /**< Identity: the user does not own that identity. */
    UTSEC_ERR_UNTRUSTED_PEER = -81,    /**< Identity: asserted identity from an untrusted peer. */
    UTSEC_ERR_BAD_URI = -82,           /**< Identity: malformed SIP, TEL or XCAP URI. */
    UTSEC_ERR_BAD_IDENTITY = -83,      /**< Identity: characters not allowed in an identity. */
    UTSEC_ERR_BAD_HEADER_BLOCK = -84,  /**< Identity: malformed HTTP header block (obs-fold, bare CR/LF, NUL). */
    UTSEC_ERR_DUPLICATE_HEADER = -85,  /**< Identity: a security header field appears twice. */
    UTSEC_ERR_ASSERTED_FROM_UE = -86,  /**< Identity: the UE sent X-3GPP-Asserted-Identity. */
    UTSEC_ERR_XML_DTD = -87,           /**< Identity: XML DOCTYPE or entity declaration refused. */
    UTSEC_ERR_XML_MEMORY = -88,        /**< Identity: XML parser memory budget exhausted. */
    UTSEC_ERR_TOO_DEEP = -89,          /**< Identity: XML nesting deeper than allowed. */

    UTSEC_ERR_BOOTSTRAP = -100,        /**< Bootstrapping: the BSF exchange failed. */
    UTSEC_ERR_RENEGOTIATE = -101,      /**< Bootstrapping: the NAF asks for a new bootstrapping. */
    UTSEC_ERR_BTID_MISMATCH = -102,    /**< Bootstrapping: the B-TID is not `base64(RAND)@host` of this run and BSF. */
    UTSEC_ERR_IMPI_MISMATCH = -103     /**< Bootstrapping: a saved context belongs to another IMPI. */
} utsec_err_t;

/**
 * \brief Message for an error code.
 * \param err a value returned by a libutsec function (0 or negative).
 * \return a static, NUL-terminated English string; never NULL. Unknown codes
 *         give "unknown error".
 */
UTSEC_API const char *utsec_strerror(int err);

/**
 * \brief Version of the library that is linked, as "MAJOR.MINOR.PATCH".
 * \return a static string; compare with ::UTSEC_VERSION_NUMBER for the
 *         headers compiled against.
 */
UTSEC_API const char *utsec_version(void);

/**
 * \brief Random number callback, with the same shape as mbedTLS's `f_rng`.
 * \param ctx the caller's context.
 * \param out where to write \p len random octets.
 * \param len how many octets.
 * \return 0 on success, non-zero on failure (reported as ::UTSEC_ERR_RNG).
 */
typedef int (*utsec_rng_fn)(void *ctx, unsigned char *out, size_t len);

/**
 * \brief Clock callback.
 * \param ctx the caller's context.
 * \return the current time in seconds since the Unix epoch (UTC).
 */
typedef int64_t (*utsec_time_fn)(void *ctx);

/**
 * \brief The default clock: `clock_gettime(CLOCK_REALTIME)` in seconds.
 * \param ctx unused (may be NULL).
 * \return seconds since the Unix epoch.
 */
UTSEC_API int64_t utsec_time_now(void *ctx);

/** Size of ::utsec_rng_default_t's opaque storage, in octets. */
#define UTSEC_RNG_DEFAULT_SIZE 1024

/**
 * \brief Storage for the default random generator: mbedTLS CTR-DRBG
 *        (AES-256, NIST SP 800-90A) seeded and reseeded from the kernel
 *        CSPRNG (getrandom(2)). Treat as opaque.
 *
 * The storage is caller-owned so that the library allocates nothing.
 * Embedded targets without getrandom() supply their own ::utsec_rng_fn.
 */
typedef struct utsec_rng_default {
    /** \cond INTERNAL */
    union {
        unsigned char bytes[UTSEC_RNG_DEFAULT_SIZE];
        long double align_ld;
        void *align_p;
        uint64_t align_u64;
    } opaque;
    /** \endcond */
} utsec_rng_default_t;

/**
 * \brief Initialise and seed the default generator.
 * \param rng caller-owned storage; release with utsec_rng_default_free().
 * \param pers optional personalisation string (may be NULL when
 *        \p pers_len is 0), mixed into the seed.
 * \param pers_len length of \p pers.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, or ::UTSEC_ERR_RNG when seeding fails.
 *         On failure the storage is still safe to pass to _free().
 */
UTSEC_API int utsec_rng_default_init(utsec_rng_default_t *rng,
                                     const uint8_t *pers, size_t pers_len);

/**
 * \brief The default generator as a ::utsec_rng_fn.
 * \param ctx a ::utsec_rng_default_t initialised by utsec_rng_default_init().
 * \param out output buffer.
 * \param len number of octets wanted.
 * \return 0 on success, non-zero on failure.
 */
UTSEC_API int utsec_rng_default(void *ctx, unsigned char *out, size_t len);

/**
 * \brief Release the default generator and wipe its state.
 * \param rng storage passed to utsec_rng_default_init(); NULL is ignored.
 */
UTSEC_API void utsec_rng_default_free(utsec_rng_default_t *rng);

/**
 * \brief Compare two byte strings in time that depends only on \p len.
 * \param a first string.
 * \param b second string.
 * \param len number of octets to compare.
 * \return 1 when equal, 0 otherwise.
 */
UTSEC_API int utsec_ct_equal(const void *a, const void *b, size_t len);

/**
 * \brief Wipe memory so that the compiler cannot optimise it away
 *        (mbedtls_platform_zeroize()).
 * \param p memory to clear (NULL is ignored).
 * \param len number of octets.
 */
UTSEC_API void utsec_wipe(void *p, size_t len);

/**
 * \brief Base64 encode (RFC 4648 §4, standard alphabet, with `=` padding,
 *        no line breaks).
 * \param in input octets (may be NULL when \p in_len is 0).
 * \param in_len input length.
 * \param out output buffer; a terminating NUL is written after the text.
 * \param out_size size of \p out; at least 4*ceil(in_len/3)+1.
 * \param out_len receives the text length (without the NUL); may be NULL.
 * \return 0, ::UTSEC_ERR_INVALID_ARG or ::UTSEC_ERR_BUFFER_TOO_SMALL.
 */
UTSEC_API int utsec_base64_encode(const uint8_t *in, size_t in_len, char *out,
                                  size_t out_size, size_t *out_len);

/**
 * \brief Strict base64 decode (RFC 4648 §4).
 *
 * Rejects characters outside the standard alphabet (including white space),
 * a length that is not a multiple of 4, misplaced or missing `=` padding,
 * and non-zero pad bits (so every octet string has exactly one accepted
 * encoding).
 *
 * \param in text (need not be NUL-terminated).
 * \param in_len text length.
 * \param out output buffer.
 * \param out_size size of \p out; 3*(in_len/4) always suffices.
 * \param out_len receives the decoded length.
 * \return 0, ::UTSEC_ERR_INVALID_ARG, ::UTSEC_ERR_BASE64 or
 *         ::UTSEC_ERR_BUFFER_TOO_SMALL. Nothing is written on error.
 */
UTSEC_API int utsec_base64_decode(const char *in, size_t in_len, uint8_t *out,
                                  size_t out_size, size_t *out_len);

/** Octets needed to base64-encode \p n octets, including the NUL. */
#define UTSEC_BASE64_ENCODED_SIZE(n) ((((n) + 2u) / 3u) * 4u + 1u)

#ifdef __cplusplus
}
#endif

#endif /* UTSEC_COMMON_H */
