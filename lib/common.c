/*
 * Error messages, version, default clock.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include "utsec/common.h"

#include <time.h>

#define STR2(x) #x
#define STR(x) STR2(x)

UTSEC_API const char *utsec_version(void)
{
    return STR(UTSEC_VERSION_MAJOR) "." STR(UTSEC_VERSION_MINOR) "." STR(
        UTSEC_VERSION_PATCH);
}

UTSEC_API const char *utsec_strerror(int err)
{
    switch ((utsec_err_t)err) {
    case UTSEC_OK: return "success";
    case UTSEC_ERR_INVALID_ARG: return "invalid argument";
    case UTSEC_ERR_BUFFER_TOO_SMALL: return "output buffer too small";
    case UTSEC_ERR_PARSE: return "malformed input";
    case UTSEC_ERR_TOO_LONG: return "input longer than allowed";
    case UTSEC_ERR_TOO_MANY: return "more items than allowed";
    case UTSEC_ERR_BASE64: return "invalid base64";
    case UTSEC_ERR_HEX: return "invalid hexadecimal";
    case UTSEC_ERR_CRYPTO: return "cryptographic backend failure";
    case UTSEC_ERR_RNG: return "random number generator failure";
    case UTSEC_ERR_UNSUPPORTED: return "unsupported algorithm or option";
    case UTSEC_ERR_BAD_HOST: return "invalid host name";
    case UTSEC_ERR_BAD_TIME: return "invalid or out-of-range date-time";
    case UTSEC_ERR_EXPIRED: return "key lifetime expired";
    case UTSEC_ERR_CALLBACK: return "callback reported failure";
    case UTSEC_ERR_STATE: return "call not valid in the current state";
    case UTSEC_ERR_NOT_FOUND: return "not found";
    case UTSEC_ERR_TABLE_FULL: return "table full";
    case UTSEC_ERR_MAC_FAILURE: return "AKA MAC failure (network authentication failed)";
    case UTSEC_ERR_SYNC_FAILURE: return "AKA synchronisation failure (SQN not acceptable)";
    case UTSEC_ERR_MAC_S_FAILURE: return "AKA resynchronisation MAC-S failure";
    case UTSEC_ERR_AMF: return "AKA AMF not acceptable";
    case UTSEC_ERR_SQN_EXHAUSTED: return "AKA sequence number space exhausted";
    case UTSEC_ERR_AUTH_FAILED: return "digest response does not match";
    case UTSEC_ERR_REPLAY: return "replayed or out-of-window nonce count";
    case UTSEC_ERR_STALE: return "nonce expired (stale)";
    case UTSEC_ERR_NONCE: return "nonce not issued by this server";
    case UTSEC_ERR_RSPAUTH: return "server rspauth does not verify";
    case UTSEC_ERR_NO_CHALLENGE: return "no usable challenge";
    case UTSEC_ERR_URI_MISMATCH: return "uri does not match the request-target";
    case UTSEC_ERR_TLS: return "TLS failure";
    case UTSEC_ERR_UNKNOWN_ID: return "unknown B-TID or PSK identity";
    case UTSEC_ERR_BAD_PSK_IDENTITY: return "malformed PSK identity";
    case UTSEC_ERR_TLS_WANT_READ: return "TLS: waiting for the transport to be readable";
    case UTSEC_ERR_TLS_WANT_WRITE: return "TLS: waiting for the transport to be writable";
    case UTSEC_ERR_TLS_SUITE: return "TLS cipher suite not allowed or not available";
    case UTSEC_ERR_TLS_BAD_KEY: return "TLS handshake integrity check failed (peer used another key)";
    case UTSEC_ERR_FORBIDDEN: return "identity not allowed for this user";
    case UTSEC_ERR_UNTRUSTED_PEER: return "asserted identity from an untrusted peer";
    case UTSEC_ERR_BAD_URI: return "malformed URI";
    case UTSEC_ERR_BAD_IDENTITY: return "invalid character in identity";
    case UTSEC_ERR_BAD_HEADER_BLOCK: return "malformed HTTP header block";
    case UTSEC_ERR_DUPLICATE_HEADER: return "duplicate security header field";
    case UTSEC_ERR_ASSERTED_FROM_UE: return "X-3GPP-Asserted-Identity sent by the UE";
    case UTSEC_ERR_XML_DTD: return "XML DOCTYPE or entity declaration refused";
    case UTSEC_ERR_XML_MEMORY: return "XML parser memory limit exceeded";
    case UTSEC_ERR_TOO_DEEP: return "XML nesting too deep";
    case UTSEC_ERR_BOOTSTRAP: return "bootstrapping failed";
    case UTSEC_ERR_RENEGOTIATE: return "bootstrapping renegotiation required";
    case UTSEC_ERR_BTID_MISMATCH: return "B-TID is not base64(RAND)@BSF host of this run";
    case UTSEC_ERR_IMPI_MISMATCH: return "bootstrapping context belongs to another IMPI";
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
