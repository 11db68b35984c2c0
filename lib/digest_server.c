/*
 * HTTP Digest server (RFC 7616 §3.3-3.5; RFC 3310 §3.2-3.4 for AKA):
 * stateless nonces authenticated by HMAC-SHA-256 under a server secret,
 * verification, nonce-count replay table, Authentication-Info.
 *
 * Nonce layouts (all base64, RFC 4648 §4):
 *   plain: time(8, big-endian) || random(15) || MAC(16)             -> 52 chars
 *   AKA:   RAND(16) || AUTN(16) || time(8) || MAC(16) (server data)  -> 76 chars
 * MAC = CBC-MAC under AES-128 (zero IV) of M = type || time || random or
 * RAND||AUTN, zero-padded to whole blocks; type is 0x01 (plain, 24 octets,
 * 2 blocks) or 0x02 (AKA, 41 octets, 3 blocks). The key is
 * HMAC-SHA-256(secret, NONCE_KEY_LABEL) truncated to 128 bits, derived once
 * at init. CBC-MAC is a PRF on any prefix-free message space (Petrank and
 * Rackoff, "CBC MAC for real-time data sources", J. Cryptology 13, 2000;
 * Bellare, Kilian and Rogaway, JCSS 61, 2000, for one fixed length): here the
 * first octet fixes the length, so no padded M is a prefix of another, and
 * the extension forgeries of variable-length CBC-MAC do not apply. A MAC
 * costs 2 or 3 AES blocks instead of HMAC-SHA-256's two SHA-256
 * compressions (about 15 times the work without SHA instructions).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "digest_internal.h"

#define NONCE_RAND_LEN 15
#define NONCE_MAC_LEN 16
#define PLAIN_NONCE_LEN (8 + NONCE_RAND_LEN + NONCE_MAC_LEN)
#define AKA_SERVER_DATA_LEN (8 + NONCE_MAC_LEN)
#define DEFAULT_LIFETIME 300
#define REPLAY_WAYS 4

#define NONCE_KEY_LABEL "libutsec digest nonce MAC key"
#define NONCE_MAC_MAX_MSG 48 /* 1 + 8 + 32, padded to 3 blocks */

/* Where the parts of the two nonce layouts (above) are, by `aka`; the AKA
 * one is RFC 3310 §3.2 RAND || AUTN || server data (ours: time || MAC). */
static const struct nonce_layout {
    uint8_t type, len, time, body, body_len, mac;
} layouts[2] = {
    {1, PLAIN_NONCE_LEN, 0, 8, NONCE_RAND_LEN, 8 + NONCE_RAND_LEN},
    {2, 32 + AKA_SERVER_DATA_LEN, 32, 0, 32, 32 + 8},
};
#define NONCE_MAX_LEN (32 + AKA_SERVER_DATA_LEN)

typedef char mac_key_fits[sizeof(((utsec_digest_server_t *)0)->mac_key) == 16
                              ? 1
                              : -1];
typedef char entry_size_ok[sizeof(utsec_digest_replay_entry_t) ==
                                   UTSEC_DIGEST_REPLAY_ENTRY_SIZE
                               ? 1
                               : -1];

static utsec_digest_str_t sv(const char *p, size_t n)
{
    utsec_digest_str_t s;

    s.ptr = p;
    s.len = n;
    return s;
}

static void put64(uint8_t *p, int64_t v)
{
    uint64_t u = (uint64_t)v;
    int i;

    for (i = 7; i >= 0; i--) {
        p[i] = (uint8_t)(u & 0xFF);
        u >>= 8;
    }
}

static int64_t get64(const uint8_t *p)
{
    uint64_t u = 0;
    int i;

    for (i = 0; i < 8; i++)
        u = u << 8 | p[i];
    return (int64_t)u;
}

/* ---- replay table -------------------------------------------------------- */

int utsec_digest_replay_init(utsec_digest_replay_t *r,
                             utsec_digest_replay_entry_t *entries,
                             size_t n_entries)
{
    if (r == NULL || entries == NULL || n_entries == 0)
        return UTSEC_ERR_INVALID_ARG;
    memset(entries, 0, n_entries * sizeof(entries[0]));
    r->entries = entries;
    r->n_entries = n_entries;
    r->floor = INT64_MIN;
    return 0;
}

/*
 * Accept nc for the nonce (issued, tag) once. Returns 0, UTSEC_ERR_REPLAY,
 * or UTSEC_ERR_STALE when the nonce is not in the table and may have been
 * evicted (issued at or before the floor).
 */
static int replay_check(utsec_digest_replay_t *r, int64_t issued,
                        const uint8_t tag[8], uint32_t nc)
{
    utsec_digest_replay_entry_t *e, *set, *free_e = NULL, *oldest = NULL;
    size_t i, ways, sets;
    uint64_t t;

    /* 4-way set-associative: the tag (MAC octets, uniformly distributed)
     * picks the set, so a check costs four compares whatever the size. */
    if (r->entries == NULL || r->n_entries == 0)
        return UTSEC_ERR_STALE; /* no table (not reachable after init) */
    ways = REPLAY_WAYS;
    if (r->n_entries < REPLAY_WAYS)
        ways = r->n_entries;
    sets = r->n_entries / ways;
    memcpy(&t, tag, sizeof(t));
    set = r->entries + (size_t)(t % sets) * ways;
    /* One pass: the nonce's entry, else the first free one, else the
     * oldest (the first of the oldest) to evict. */
    for (i = 0; i < ways; i++) {
        e = &set[i];
        if (!e->in_use) {
            if (free_e == NULL)
                free_e = e;
            continue;
        }
        if (e->issued == issued && memcmp(e->tag, tag, 8) == 0) {
            if (nc > e->max_nc) {
                uint32_t shift = nc - e->max_nc;
                e->window = shift >= 64 ? 1 : (e->window << shift) | 1;
                e->max_nc = nc;
                return 0;
            } else {
                uint32_t d = e->max_nc - nc;
                if (d >= UTSEC_DIGEST_REPLAY_WINDOW ||
                    (e->window >> d) & 1)
                    return UTSEC_ERR_REPLAY;
                e->window |= (uint64_t)1 << d;
                return 0;
            }
        }
        if (oldest == NULL || e->issued < oldest->issued)
            oldest = e;
    }
    if (issued <= r->floor)
        return UTSEC_ERR_STALE; /* possibly evicted: never trust it again */
    e = free_e != NULL ? free_e : oldest;
    if (free_e == NULL) {
        /* Eviction raises the floor to the evicted nonce's time, so that
         * nonce (and anything older not in the table) is stale from now on. */
        if (issued <= e->issued)
            return UTSEC_ERR_STALE;
        if (e->issued > r->floor)
            r->floor = e->issued;
    }
    memset(e, 0, sizeof(*e));
    e->in_use = 1;
    e->issued = issued;
    memcpy(e->tag, tag, 8);
    e->max_nc = nc;
    e->window = 1;
    return 0;
}

/* ---- nonce MAC ----------------------------------------------------------- */

int utsec_digest_server_init(utsec_digest_server_t *s,
                             const utsec_digest_server_config_t *cfg)
{
    uint8_t k[32];
    int rc;

    if (s == NULL || cfg == NULL || cfg->realm == NULL || cfg->realm_len == 0 ||
        cfg->secret == NULL || cfg->secret_len < 16 || cfg->secret_len > 64 ||
        cfg->rng == NULL || cfg->time == NULL || cfg->lookup == NULL ||
        cfg->replay == NULL || cfg->replay->entries == NULL ||
        cfg->alg_mask == 0 || (cfg->alg_mask & ~UTSEC_DIGEST_ALG_ALL) != 0 ||
        (cfg->qop_mask & ~(unsigned)(UTSEC_DIGEST_QOP_AUTH |
                                     UTSEC_DIGEST_QOP_AUTH_INT)) != 0 ||
        cfg->nonce_lifetime < 0 || (cfg->opaque == NULL && cfg->opaque_len))
        return UTSEC_ERR_INVALID_ARG;
    memset(s, 0, sizeof(*s));
    s->cfg = *cfg;
    if (s->cfg.nonce_lifetime == 0)
        s->cfg.nonce_lifetime = DEFAULT_LIFETIME;
    /* The nonce MAC key, derived once (see the top of the file). */
    rc = utsec_hmac(UTSEC_HASH_SHA256, cfg->secret, cfg->secret_len,
                    NONCE_KEY_LABEL, sizeof(NONCE_KEY_LABEL) - 1, k);
    if (rc == 0)
        memcpy(s->mac_key, k, sizeof(s->mac_key));
    utsec_wipe(k, sizeof(k));
    if (rc != 0)
        utsec_wipe(s, sizeof(*s));
    return rc;
}

void utsec_digest_server_free(utsec_digest_server_t *s)
{
    if (s != NULL)
        utsec_wipe(s, sizeof(*s));
}

/* MAC of type || time8 || body (body_len <= 32); 0 or UTSEC_ERR_CRYPTO.
 * The key schedule is expanded per call rather than cached in the server:
 * mbedTLS 2.28's AES context points into itself, and a server context that
 * was copied must not go on using the original's (possibly wiped) one. */
static int nonce_mac(const utsec_digest_server_t *s, uint8_t type,
                     const uint8_t time8[8], const uint8_t *body,
                     size_t body_len, uint8_t out[NONCE_MAC_LEN])
{
    uint8_t m[NONCE_MAC_MAX_MSG], x[16];
    utsec_aes128_t aes;
    size_t n = (1 + 8 + body_len + 15) / 16 * 16, i, j;
    int rc;

    memset(m, 0, sizeof(m));
    m[0] = type;
    memcpy(m + 1, time8, 8);
    memcpy(m + 9, body, body_len);
    memset(x, 0, sizeof(x));
    if ((rc = utsec_aes128_setkey(&aes, s->mac_key)) != 0)
        return rc;
    for (i = 0; i < n && rc == 0; i += 16) {
        for (j = 0; j < 16; j++)
            x[j] ^= m[i + j];
        rc = utsec_aes128_encrypt(&aes, x, x);
    }
    utsec_aes128_free(&aes);
    if (rc == 0)
        memcpy(out, x, NONCE_MAC_LEN);
    utsec_wipe(x, sizeof(x)); /* chaining values under the secret key */
    return rc;
}

/* ---- challenges ---------------------------------------------------------- */

static int is_aka(utsec_digest_alg_t a)
{
    return a == UTSEC_DIGEST_ALG_AKAV1_MD5 || a == UTSEC_DIGEST_ALG_AKAV2_MD5;
}

/* Offer order: strongest first (RFC 7616 §3.7). */
static const uint8_t offer_order[] = { /* utsec_digest_alg_t values */
    UTSEC_DIGEST_ALG_SHA512_256, UTSEC_DIGEST_ALG_SHA512_256_SESS,
    UTSEC_DIGEST_ALG_SHA256,     UTSEC_DIGEST_ALG_SHA256_SESS,
    UTSEC_DIGEST_ALG_MD5,        UTSEC_DIGEST_ALG_MD5_SESS,
    UTSEC_DIGEST_ALG_AKAV2_MD5,  UTSEC_DIGEST_ALG_AKAV1_MD5,
};

static int write_challenges(const utsec_digest_server_t *s, const char *nonce,
                            size_t nonce_len, int aka, int stale, char *out,
                            size_t out_size, size_t *out_len)
{
    utsec_digest_challenge_t c;
    size_t i, len = 0, n;
    int rc, any = 0;

    /* one challenge per algorithm, differing only in the algorithm */
    memset(&c, 0, sizeof(c));
    c.realm = sv(s->cfg.realm, s->cfg.realm_len);
    c.nonce = sv(nonce, nonce_len);
    if (s->cfg.opaque != NULL)
        c.opaque = sv(s->cfg.opaque, s->cfg.opaque_len);
    c.qop_mask = s->cfg.qop_mask;
    c.stale = stale;
    for (i = 0; i < sizeof(offer_order) / sizeof(offer_order[0]); i++) {
        utsec_digest_alg_t a = (utsec_digest_alg_t)offer_order[i];
        if (!(s->cfg.alg_mask & UTSEC_DIGEST_ALG_BIT(a)) || is_aka(a) != aka)
            continue;
        c.alg = a;
        if (any) {
            if (out_size - len < 3)
                return UTSEC_ERR_BUFFER_TOO_SMALL;
            memcpy(out + len, ", ", 2);
            len += 2;
        }
        if ((rc = utsec_digest_challenge_write(&c, out + len, out_size - len,
                                               &n)) != 0)
            return rc;
        len += n;
        any = 1;
    }
    if (!any)
        return UTSEC_ERR_UNSUPPORTED;
    if (out_len != NULL)
        *out_len = len;
    return 0;
}

/* A fresh nonce (raw holds RAND || AUTN already when aka) and the
 * challenges carrying it. */
static int issue(utsec_digest_server_t *s, int aka, uint8_t raw[NONCE_MAX_LEN],
                 int stale, char *out, size_t out_size, size_t *out_len)
{
    const struct nonce_layout *l = &layouts[aka];
    char nonce[UTSEC_BASE64_ENCODED_SIZE(NONCE_MAX_LEN)];
    size_t nlen;
    int rc;

    put64(raw + l->time, s->cfg.time(s->cfg.time_ctx));
    if (!aka && s->cfg.rng(s->cfg.rng_ctx, raw + l->body, l->body_len) != 0)
        return UTSEC_ERR_RNG;
    if ((rc = nonce_mac(s, l->type, raw + l->time, raw + l->body, l->body_len,
                        raw + l->mac)) != 0)
        return rc;
    UTSEC_CT_PUBLIC(raw + l->mac, NONCE_MAC_LEN); /* on the wire */
    /* RFC 3310 §3.2 for AKA: base64(RAND || AUTN || server data) */
    if ((rc = utsec_base64_encode(raw, l->len, nonce, sizeof(nonce), &nlen)) != 0)
        return rc;
    rc = write_challenges(s, nonce, nlen, aka, stale, out, out_size, out_len);
    if (rc != 0)
        out[0] = '\0';
    return rc;
}

int utsec_digest_server_challenge(utsec_digest_server_t *s, int stale,
                                  char *out, size_t out_size, size_t *out_len)
{
    uint8_t raw[NONCE_MAX_LEN];

    if (s == NULL || out == NULL || out_size == 0)
        return UTSEC_ERR_INVALID_ARG;
    return issue(s, 0, raw, stale, out, out_size, out_len);
}

int utsec_digest_server_challenge_aka(utsec_digest_server_t *s,
                                      const uint8_t rand[UTSEC_AKA_RAND_LEN],
                                      const uint8_t autn[UTSEC_AKA_AUTN_LEN],
                                      int stale, char *out, size_t out_size,
                                      size_t *out_len)
{
    uint8_t raw[NONCE_MAX_LEN];

    if (s == NULL || rand == NULL || autn == NULL || out == NULL || out_size == 0)
        return UTSEC_ERR_INVALID_ARG;
    memcpy(raw, rand, 16);
    memcpy(raw + 16, autn, 16);
    return issue(s, 1, raw, stale, out, out_size, out_len);
}

/* ---- verification -------------------------------------------------------- */

static int str_eq(const utsec_digest_str_t *a, const char *b, size_t n)
{
    return a->ptr != NULL && a->len == n && memcmp(a->ptr, b, n) == 0;
}

/*
 * Strict base64 decode of exactly n octets for our own nonces. Nonces are
 * public, so a table lookup is fine here (the library's general decoder is
 * constant-time and an order of magnitude slower). Whole groups of four
 * characters, then the last one's characters (if n % 3) as a bit stream,
 * its '=' padding and its pad bits. Returns 0 or -1.
 */
static int nonce_b64(const char *in, size_t in_len, uint8_t *out, size_t n)
{
    static const uint8_t t[128] = {
        ['A'] = 64, ['B'] = 64 | 1, ['C'] = 64 | 2, ['D'] = 64 | 3, ['E'] = 64 | 4,
        ['F'] = 64 | 5, ['G'] = 64 | 6, ['H'] = 64 | 7, ['I'] = 64 | 8, ['J'] = 64 | 9,
        ['K'] = 64 | 10, ['L'] = 64 | 11, ['M'] = 64 | 12, ['N'] = 64 | 13, ['O'] = 64 | 14,
        ['P'] = 64 | 15, ['Q'] = 64 | 16, ['R'] = 64 | 17, ['S'] = 64 | 18, ['T'] = 64 | 19,
        ['U'] = 64 | 20, ['V'] = 64 | 21, ['W'] = 64 | 22, ['X'] = 64 | 23, ['Y'] = 64 | 24,
        ['Z'] = 64 | 25, ['a'] = 64 | 26, ['b'] = 64 | 27, ['c'] = 64 | 28, ['d'] = 64 | 29,
        ['e'] = 64 | 30, ['f'] = 64 | 31, ['g'] = 64 | 32, ['h'] = 64 | 33, ['i'] = 64 | 34,
        ['j'] = 64 | 35, ['k'] = 64 | 36, ['l'] = 64 | 37, ['m'] = 64 | 38, ['n'] = 64 | 39,
        ['o'] = 64 | 40, ['p'] = 64 | 41, ['q'] = 64 | 42, ['r'] = 64 | 43, ['s'] = 64 | 44,
        ['t'] = 64 | 45, ['u'] = 64 | 46, ['v'] = 64 | 47, ['w'] = 64 | 48, ['x'] = 64 | 49,
        ['y'] = 64 | 50, ['z'] = 64 | 51, ['0'] = 64 | 52, ['1'] = 64 | 53, ['2'] = 64 | 54,
        ['3'] = 64 | 55, ['4'] = 64 | 56, ['5'] = 64 | 57, ['6'] = 64 | 58, ['7'] = 64 | 59,
        ['8'] = 64 | 60, ['9'] = 64 | 61, ['+'] = 64 | 62, ['/'] = 64 | 63,
    }; /* 64 | the value of the base64 characters; 0 for the others */
    const unsigned char *q = (const unsigned char *)in;
    /* the characters carrying the n octets; the rest is '=' */
    size_t data = (n * 4 + 2) / 3, i, o = 0;
    uint32_t v = 0;
    unsigned bits;

    if (in_len != (n + 2) / 3 * 4)
        return -1;
    for (i = 0; i + 4 <= data; i += 4) {
        if (((q[i] | q[i + 1] | q[i + 2] | q[i + 3]) & 0x80) ||
            !(t[q[i]] & t[q[i + 1]] & t[q[i + 2]] & t[q[i + 3]] & 64))
            return -1;
        v = (uint32_t)(t[q[i]] & 63) << 18 | (uint32_t)(t[q[i + 1]] & 63) << 12 |
            (uint32_t)(t[q[i + 2]] & 63) << 6 | (uint32_t)(t[q[i + 3]] & 63);
        out[o++] = (uint8_t)(v >> 16);
        out[o++] = (uint8_t)(v >> 8);
        out[o++] = (uint8_t)v;
    }
    for (bits = 0; i < data; i++, bits += 6) {
        if ((q[i] & 0x80) || !(t[q[i]] & 64))
            return -1;
        v = v << 6 | (t[q[i]] & 63u);
    }
    for (; bits >= 8; bits -= 8)
        out[o++] = (uint8_t)(v >> (bits - 8));
    for (; i < in_len; i++)
        if (q[i] != '=')
            return -1;
    /* non-zero pad bits: not the canonical encoding */
    return (v & ((1u << bits) - 1u)) != 0 ? -1 : 0;
}

/*
 * The realm of the answer: the configured one, or for the combined GBA realm
 * "A;B" (TS 24.109 §5.2.4, FACTS §2.1) one of its parts, since the UE answers
 * with the single realm whose key it uses.
 */
static int realm_ok(const utsec_digest_server_t *s, const utsec_digest_str_t *r)
{
    const char *cr = s->cfg.realm;
    size_t n = s->cfg.realm_len, start = 0, i;

    if (str_eq(r, cr, n))
        return 1;
    /* each non-empty part (without a ';', the one part is the whole again) */
    for (i = 0; i <= n; i++) {
        if (i < n && cr[i] != ';')
            continue;
        if (i > start && str_eq(r, cr + start, i - start))
            return 1;
        start = i + 1;
    }
    return 0;
}

/* Decode and authenticate the nonce into raw; returns its time and MAC tag. */
static int check_nonce(const utsec_digest_server_t *s,
                       const utsec_digest_authorization_t *a, int aka,
                       int64_t *issued, uint8_t tag[8],
                       uint8_t raw[NONCE_MAX_LEN])
{
    const struct nonce_layout *l = &layouts[aka];
    uint8_t mac[NONCE_MAC_LEN];
    int ok;

    if (nonce_b64(a->nonce.ptr, a->nonce.len, raw, l->len) != 0)
        return UTSEC_ERR_NONCE;
    if (nonce_mac(s, l->type, raw + l->time, raw + l->body, l->body_len, mac) != 0)
        return UTSEC_ERR_CRYPTO;
    ok = utsec_ct_equal(mac, raw + l->mac, NONCE_MAC_LEN);
    *issued = get64(raw + l->time);
    memcpy(tag, raw + l->mac, 8);
    /* the MAC verdict is public: the peer learns it from the answer */
    UTSEC_CT_PUBLIC(&ok, sizeof(ok));
    return ok ? 0 : UTSEC_ERR_NONCE;
}

int utsec_digest_server_verify(utsec_digest_server_t *s,
                               const utsec_digest_authorization_t *a,
                               const char *method, size_t method_len,
                               const char *request_uri, size_t request_uri_len,
                               const char *body_hash,
                               utsec_digest_verify_result_t *result)
{
    utsec_digest_cred_request_t req;
    uint8_t raw[NONCE_MAX_LEN], tag[8], auts[UTSEC_AKA_AUTS_LEN];
    uint8_t password[256];
    char ha1[UTSEC_DIGEST_HEX_SIZE];
    size_t password_len = 0;
    int64_t issued, now;
    int rc, aka, stale;

    if (s == NULL || a == NULL || (method == NULL && method_len) ||
        (request_uri == NULL && request_uri_len))
        return UTSEC_ERR_INVALID_ARG;
    if (a->alg == UTSEC_DIGEST_ALG_UNKNOWN ||
        !(s->cfg.alg_mask & UTSEC_DIGEST_ALG_BIT(a->alg)))
        return UTSEC_ERR_UNSUPPORTED;
    if (s->cfg.qop_mask == 0 ? a->qop != UTSEC_DIGEST_QOP_NONE
                             : (a->qop == UTSEC_DIGEST_QOP_NONE ||
                                a->qop == UTSEC_DIGEST_QOP_UNKNOWN ||
                                !(s->cfg.qop_mask & (unsigned)a->qop)))
        return UTSEC_ERR_UNSUPPORTED;
    if (request_uri != NULL && !str_eq(&a->uri, request_uri, request_uri_len))
        return UTSEC_ERR_URI_MISMATCH;
    if (!realm_ok(s, &a->realm))
        return UTSEC_ERR_AUTH_FAILED;
    if (s->cfg.opaque != NULL && !str_eq(&a->opaque, s->cfg.opaque, s->cfg.opaque_len))
        return UTSEC_ERR_AUTH_FAILED;
    aka = is_aka(a->alg);
    if (a->auts.ptr != NULL) {
        if (!aka)
            return UTSEC_ERR_PARSE;
        if (utsec_aka_auts_decode(a->auts.ptr, a->auts.len, auts) != 0)
            return UTSEC_ERR_PARSE;
    }
    if ((rc = check_nonce(s, a, aka, &issued, tag, raw)) != 0)
        return rc;

    memset(&req, 0, sizeof(req));
    req.real_username = a->username;
    if (a->auts.ptr != NULL) {
        /* RFC 3310 §3.4: the resynchronisation answer uses the empty
         * password; AUTS itself is authenticated by MAC-S at the HSS. */
        password_len = 0;
    } else {
        req.username = a->username;
        req.userhash = a->userhash;
        req.realm = a->realm;
        req.alg = a->alg;
        /* AKA nonces start with RAND || AUTN (RFC 3310 §3.2) */
        req.rand = aka ? raw : NULL;
        req.autn = aka ? raw + 16 : NULL;
        rc = s->cfg.lookup(s->cfg.lookup_ctx, &req, password, sizeof(password),
                           &password_len);
        if (rc == UTSEC_ERR_NOT_FOUND) {
            rc = UTSEC_ERR_AUTH_FAILED;
            goto done;
        }
        if (rc != 0 || password_len > sizeof(password) ||
            (a->userhash && req.real_username.ptr == a->username.ptr)) {
            rc = rc == 0 && a->userhash ? UTSEC_ERR_AUTH_FAILED : UTSEC_ERR_CALLBACK;
            goto done;
        }
    }
    /* The response, keeping H(A1) for rspauth. */
    rc = utsec_digest_check_as(a, req.real_username, method, method_len,
                               password, password_len, body_hash, ha1);
    if (rc != 0)
        goto done;
    now = s->cfg.time(s->cfg.time_ctx);
    stale = now - issued > s->cfg.nonce_lifetime;
    if (stale) {
        rc = UTSEC_ERR_STALE;
        goto done;
    }
    /* RFC 2069 form has no nc: the nonce is good for one request. */
    rc = replay_check(s->cfg.replay, issued, tag,
                      a->qop == UTSEC_DIGEST_QOP_NONE ? 1u : a->nc);
    if (rc != 0)
        goto done;
    if (result != NULL) {
        memset(result, 0, sizeof(*result));
        result->alg = a->alg;
        result->qop = a->qop;
        result->nc = a->nc;
        if (aka)
            memcpy(result->rand, raw, sizeof(result->rand));
        if (a->auts.ptr != NULL) {
            result->has_auts = 1;
            memcpy(result->auts, auts, sizeof(auts));
        }
        memcpy(result->ha1, ha1, sizeof(ha1));
    }
    rc = a->auts.ptr != NULL ? UTSEC_ERR_SYNC_FAILURE : 0;
done:
    utsec_wipe(password, sizeof(password));
    utsec_wipe(ha1, sizeof(ha1));
    return rc;
}

int utsec_digest_server_auth_info(const utsec_digest_server_t *s,
                                  const utsec_digest_authorization_t *a,
                                  const utsec_digest_verify_result_t *r,
                                  const char *body_hash, char *out,
                                  size_t out_size, size_t *out_len)
{
    utsec_digest_auth_info_t ai;
    char rsp[UTSEC_DIGEST_HEX_SIZE];
    size_t n;
    int rc;

    if (s == NULL || a == NULL || r == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    { /* c is dead once rsp is computed: it and ai may share stack */
        utsec_digest_calc_t c;
        utsec_digest_calc_from(&c, a); /* the realm goes unused: H(A1) is given */
        c.ha1 = r->ha1;
        c.body_hash = body_hash;
        if ((rc = utsec_digest_rspauth(&c, rsp, sizeof(rsp), &n)) != 0)
            return rc;
    }
    UTSEC_CT_PUBLIC(rsp, n); /* rspauth goes on the wire */
    memset(&ai, 0, sizeof(ai));
    ai.rspauth = sv(rsp, n);
    ai.qop = a->qop;
    if (a->qop != UTSEC_DIGEST_QOP_NONE) {
        ai.nc = a->nc;
        ai.cnonce = a->cnonce;
    }
    return utsec_digest_auth_info_write(&ai, out, out_size, out_len);
}
