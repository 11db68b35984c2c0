/*
 * Private helpers shared by the HTTP Digest sources (lib/digest_*.c).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_LIB_DIGEST_INTERNAL_H
#define UTSEC_LIB_DIGEST_INTERNAL_H

#include "ascii.h"
#include "crypto.h"
#include "utsec/digest.h"

/* RFC 7230 §3.2.6 tchar. */
int utsec_digest_is_tchar(unsigned char c);
/* Whether s[0..n) is a non-empty token (s may be NULL). */
int utsec_digest_is_token(const char *s, size_t n);
/* RFC 8187 §3.2.1 attr-char. */
int utsec_digest_is_attr_char(unsigned char c);
/* Hash used by alg (AKA variants hash with MD5); -1 for an unknown alg. */
int utsec_digest_hash_of(utsec_digest_alg_t alg, utsec_hash_alg_t *h);
/* Whether alg is a -sess form. */
int utsec_digest_is_sess(utsec_digest_alg_t alg);
/* The qop token, or NULL for NONE/UNKNOWN. */
const char *utsec_digest_qop_name(utsec_digest_qop_t q);

/* utsec_digest_check_response() with the user name given separately (the
 * real name behind a userhash), and the H(A1) used copied into ha1_out
 * (UTSEC_DIGEST_HEX_SIZE) unless NULL. */
int utsec_digest_check_as(const utsec_digest_authorization_t *a,
                          utsec_digest_str_t username, const char *method,
                          size_t method_len, const uint8_t *password,
                          size_t password_len, const char *body_hash,
                          char *ha1_out);

/* Every Digest challenge of a WWW-Authenticate value, one at a time, with
 * escaped values decoded into scratch (reused per challenge; a challenge
 * needing more is skipped). Views into scratch are valid during fn only.
 * Stops at the first error (of the parser or of fn). */
typedef int (*utsec_digest_challenge_fn)(void *ctx, const utsec_digest_challenge_t *c);
int utsec_digest_each_challenge(const char *in, size_t in_len, char *scratch,
                                size_t scratch_size, utsec_digest_challenge_fn fn,
                                void *ctx);

/* A calculation (zero otherwise) with the algorithm, qop, realm, nonce,
 * cnonce, nc and uri of an answer. */
void utsec_digest_calc_from(utsec_digest_calc_t *c,
                            const utsec_digest_authorization_t *a);

/* utsec_digest_response() (rspauth = 0) or utsec_digest_rspauth() with
 * c->ha1, when set, trusted as this library's own H(A1). */
int utsec_digest_compute_int(const utsec_digest_calc_t *c, int rspauth, char *out,
                             size_t out_size, size_t *out_len);

/* The response (rspauth = 0) or rspauth of c, c->ha1 trusted as above,
 * compared in constant time with given: 0 or UTSEC_ERR_AUTH_FAILED (or an
 * error of the computation); H(A1) into ha1_out unless NULL. */
int utsec_digest_compute_check(const utsec_digest_calc_t *c, int rspauth,
                               utsec_digest_str_t given, char *ha1_out);

/* H(parts[0] ":" ... ":" parts[n-1]) in lower-case hex into hex (2 * hash
 * length + 1). */
int utsec_digest_hash_join(utsec_hash_alg_t h, char *hex, size_t n,
                           const utsec_digest_str_t *parts);

/* The -sess H(A1) = H(ha0 ":" nonce ":" cnonce) from ha0 = H(user:realm:pass)
 * (RFC 7616 §3.4.2), in hex into out, which may be ha0. */
int utsec_digest_sess_ha1(utsec_hash_alg_t h, const char *ha0,
                          utsec_digest_str_t nonce, utsec_digest_str_t cnonce,
                          char *out);

/* Lower-case hex of n octets into out (2n+1) without secret-indexed lookups. */
void utsec_digest_hex_ct(const uint8_t *in, size_t n, char *out);
/* nc as 8 lower-case hex digits and a NUL (RFC 7616 §3.4). */
void utsec_digest_nc_hex(uint32_t nc, char out[9]);

/* utsec_digest_authorization_write(); response_is_hex: a->response is this
 * library's own hex digest and is copied as is. */
int utsec_digest_authorization_write_int(const utsec_digest_authorization_t *a,
                                         char *out, size_t out_size,
                                         size_t *out_len, int response_is_hex);

#endif
