/*
 * Error messages, version, default clock.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include "utsec/common.h"

#include <string.h>
#include <time.h>

#define STR2(x) #x
#define STR(x) STR2(x)

UTSEC_API const char *utsec_version(void)
{
    return STR(UTSEC_VERSION_MAJOR) "." STR(UTSEC_VERSION_MINOR) "." STR(
        UTSEC_VERSION_PATCH);
}

/* Every code with its message, in one list that builds two tables: the
 * codes (one octet each) and the messages (one string, NUL-separated, in
 * the same order). */
#define ERROR_MESSAGES(X) \
    X(UTSEC_OK, "success") \
    X(UTSEC_ERR_INVALID_ARG, "invalid argument") \
    X(UTSEC_ERR_BUFFER_TOO_SMALL, "output buffer too small") \
    X(UTSEC_ERR_PARSE, "malformed input") \
    X(UTSEC_ERR_TOO_LONG, "input longer than allowed") \
    X(UTSEC_ERR_TOO_MANY, "more items than allowed") \
    X(UTSEC_ERR_BASE64, "invalid base64") \
    X(UTSEC_ERR_HEX, "invalid hexadecimal") \
    X(UTSEC_ERR_CRYPTO, "cryptographic backend failure") \
    X(UTSEC_ERR_RNG, "random number generator failure") \
    X(UTSEC_ERR_UNSUPPORTED, "unsupported algorithm or option") \
    X(UTSEC_ERR_BAD_HOST, "invalid host name") \
    X(UTSEC_ERR_BAD_TIME, "invalid or out-of-range date-time") \
    X(UTSEC_ERR_EXPIRED, "key lifetime expired") \
    X(UTSEC_ERR_CALLBACK, "callback reported failure") \
    X(UTSEC_ERR_STATE, "call not valid in the current state") \
    X(UTSEC_ERR_NOT_FOUND, "not found") \
    X(UTSEC_ERR_TABLE_FULL, "table full") \
    X(UTSEC_ERR_MAC_FAILURE, "AKA MAC failure (network authentication failed)") \
    X(UTSEC_ERR_SYNC_FAILURE, "AKA synchronisation failure (SQN not acceptable)") \
    X(UTSEC_ERR_MAC_S_FAILURE, "AKA resynchronisation MAC-S failure") \
    X(UTSEC_ERR_AMF, "AKA AMF not acceptable") \
    X(UTSEC_ERR_SQN_EXHAUSTED, "AKA sequence number space exhausted") \
    X(UTSEC_ERR_AUTH_FAILED, "digest response does not match") \
    X(UTSEC_ERR_REPLAY, "replayed or out-of-window nonce count") \
    X(UTSEC_ERR_STALE, "nonce expired (stale)") \
    X(UTSEC_ERR_NONCE, "nonce not issued by this server") \
    X(UTSEC_ERR_RSPAUTH, "server rspauth does not verify") \
    X(UTSEC_ERR_NO_CHALLENGE, "no usable challenge") \
    X(UTSEC_ERR_URI_MISMATCH, "uri does not match the request-target") \
    X(UTSEC_ERR_TLS, "TLS failure") \
    X(UTSEC_ERR_UNKNOWN_ID, "unknown B-TID or PSK identity") \
    X(UTSEC_ERR_BAD_PSK_IDENTITY, "malformed PSK identity") \
    X(UTSEC_ERR_TLS_WANT_READ, "TLS: waiting for the transport to be readable") \
    X(UTSEC_ERR_TLS_WANT_WRITE, "TLS: waiting for the transport to be writable") \
    X(UTSEC_ERR_TLS_SUITE, "TLS cipher suite not allowed or not available") \
    X(UTSEC_ERR_TLS_BAD_KEY, "TLS handshake integrity check failed (peer used another key)") \
    X(UTSEC_ERR_FORBIDDEN, "identity not allowed for this user") \
    X(UTSEC_ERR_UNTRUSTED_PEER, "asserted identity from an untrusted peer") \
    X(UTSEC_ERR_BAD_URI, "malformed URI") \
    X(UTSEC_ERR_BAD_IDENTITY, "invalid character in identity") \
    X(UTSEC_ERR_BAD_HEADER_BLOCK, "malformed HTTP header block") \
    X(UTSEC_ERR_DUPLICATE_HEADER, "duplicate security header field") \
    X(UTSEC_ERR_ASSERTED_FROM_UE, "X-3GPP-Asserted-Identity sent by the UE") \
    X(UTSEC_ERR_XML_DTD, "XML DOCTYPE or entity declaration refused") \
    X(UTSEC_ERR_XML_MEMORY, "XML parser memory limit exceeded") \
    X(UTSEC_ERR_TOO_DEEP, "XML nesting too deep") \
    X(UTSEC_ERR_BOOTSTRAP, "bootstrapping failed") \
    X(UTSEC_ERR_RENEGOTIATE, "bootstrapping renegotiation required") \
    X(UTSEC_ERR_BTID_MISMATCH, "B-TID is not base64(RAND)@BSF host of this run") \
    X(UTSEC_ERR_IMPI_MISMATCH, "bootstrapping context belongs to another IMPI")

#define CODE_OF(code, text) code,
#define TEXT_OF(code, text) text "\0"

static const signed char codes[] = {ERROR_MESSAGES(CODE_OF)};
static const char texts[] = ERROR_MESSAGES(TEXT_OF);

UTSEC_API const char *utsec_strerror(int err)
{
    const char *t = texts;
    size_t i;

    for (i = 0; i < sizeof(codes); i++) {
        if (codes[i] == err)
            return t;
        t += strlen(t) + 1;
    }
    return "unknown error";
}

UTSEC_API int64_t utsec_time_now(void *ctx)
{
    struct timespec ts;

    (void)ctx;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
        return 0;
    return (int64_t)ts.tv_sec;
}
