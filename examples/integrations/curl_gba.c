/*
 * curl_gba: GBA for an existing libcurl client, in three library calls.
 *
 * On Ua with HTTP Digest (TS 33.222 §5.3, TS 24.109 §5.2) the UE's
 * credentials are
 *     username = B-TID
 *     password = base64(Ks_NAF),  Ks_NAF = KDF(Ks, "gba-me", RAND, IMPI, NAF_Id)
 * with NAF_Id = NAF FQDN || Ua security protocol id (TS 33.220 B.3,
 * Annex H). Everything else — the challenge, the response hash, nonce
 * counts, TLS — is plain HTTP Digest, which libcurl already does
 * (CURLAUTH_DIGEST). So a curl-based client only has to compute the
 * password with libutsec and hand both strings to curl.
 *
 * The one subtlety is the Ua id. Over https:// Digest runs inside
 * server-authenticated TLS and the id is 01 00 01 yy zz, yy zz being the
 * negotiated cipher suite (Annex H.3). libcurl does not report the
 * negotiated suite, so we fix it in advance: offer exactly one TLS 1.2
 * suite (--suite, default C02B = ECDHE-ECDSA-AES128-GCM-SHA256, which fits
 * the demo's P-256 certificates); if the handshake succeeds, that is the
 * suite. Over plain http:// the id is 01 00 00 00 02 (TS 24.109 Digest).
 *
 *   curl_gba --url URL [--ca CA.crt] --btid B-TID --impi IMPI --ks-hex HEX
 *   curl_gba --url URL [--ca CA.crt] --ue-state FILE   (lines: btid/impi/ks)
 *            [--suite C02B|C02C|CCA9|C02F|C030|CCA8] [--resolve HOST:PORT:ADDR]
 *
 * Prints the final status line, then the body. Exit: 0 for a 2xx answer,
 * 1 otherwise, 2 for a usage error. Needs libcurl with the OpenSSL backend
 * (cipher names below are OpenSSL's).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "utsec/gba.h"

/* The TLS 1.2 suites this example can pin: IANA code and OpenSSL name. */
static const struct {
    uint16_t iana;
    const char *openssl;
} suites[] = {
    {0xC02B, "ECDHE-ECDSA-AES128-GCM-SHA256"}, {0xC02C, "ECDHE-ECDSA-AES256-GCM-SHA384"},
    {0xCCA9, "ECDHE-ECDSA-CHACHA20-POLY1305"}, {0xC02F, "ECDHE-RSA-AES128-GCM-SHA256"},
    {0xC030, "ECDHE-RSA-AES256-GCM-SHA384"},   {0xCCA8, "ECDHE-RSA-CHACHA20-POLY1305"},
};

/* The bootstrapping context the client got from the BSF (secret: ks). */
struct boot {
    char btid[256];
    char impi[256];
    char ks_hex[65];
};

static int usage(void)
{
    fputs("usage: curl_gba --url URL [--ca CA.crt] [--suite HEX] [--resolve H:P:ADDR]\n"
          "                (--btid B-TID --impi IMPI --ks-hex HEX | --ue-state FILE)\n",
          stderr);
    return 2;
}

static int set(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);

    if (n >= size)
        return -1;
    memcpy(dst, src, n + 1);
    return 0;
}

/* The `ue` program's state file: "name value" lines; we need btid, impi
 * and ks (hex), and ignore the rest. */
static int read_state(const char *path, struct boot *b)
{
    char line[512], *v;
    FILE *f = fopen(path, "r");
    int rc = 0;

    if (f == NULL)
        return -1;
    while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        if ((v = strchr(line, ' ')) == NULL)
            continue;
        *v++ = '\0';
        if (strcmp(line, "btid") == 0)
            rc = set(b->btid, sizeof(b->btid), v);
        else if (strcmp(line, "impi") == 0)
            rc = set(b->impi, sizeof(b->impi), v);
        else if (strcmp(line, "ks") == 0)
            rc = set(b->ks_hex, sizeof(b->ks_hex), v);
    }
    utsec_wipe(line, sizeof(line));
    fclose(f);
    return rc;
}

static int hex32(const char *hex, uint8_t out[32])
{
    size_t i;

    if (strlen(hex) != 64)
        return -1;
    for (i = 0; i < 64; i++) {
        char c = hex[i];
        int v = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0)
            return -1;
        out[i / 2] = (uint8_t)(i % 2 ? (out[i / 2] | v) : v << 4);
    }
    return 0;
}

/*
 * The GBA part: password = base64(Ks_NAF) for this NAF and Ua protocol.
 * RAND is inside the B-TID (base64(RAND)@BSF, TS 33.220 §4.5.2).
 */
static int gba_password(const struct boot *b, const char *fqdn, const uint8_t ua[5],
                        char pw[UTSEC_GBA_PASSWORD_SIZE])
{
    uint8_t ks[UTSEC_GBA_KEY_LEN], ks_naf[UTSEC_GBA_KEY_LEN];
    uint8_t rand[UTSEC_GBA_RAND_LEN], naf_id[300];
    size_t naf_id_len;
    int rc = UTSEC_ERR_HEX;

    if (hex32(b->ks_hex, ks) == 0 &&
        (rc = utsec_gba_btid_parse(b->btid, strlen(b->btid), rand, NULL, NULL)) == 0 &&
        (rc = utsec_gba_naf_id(fqdn, strlen(fqdn), ua, naf_id, sizeof(naf_id),
                               &naf_id_len)) == 0 &&
        (rc = utsec_gba_ks_naf(ks, UTSEC_GBA_VARIANT_ME, rand, b->impi, strlen(b->impi),
                               naf_id, naf_id_len, ks_naf)) == 0)
        rc = utsec_gba_digest_password(ks_naf, pw, UTSEC_GBA_PASSWORD_SIZE, NULL);
    utsec_wipe(ks, sizeof(ks));
    utsec_wipe(ks_naf, sizeof(ks_naf));
    return rc;
}

/* Keep the last status line: curl shows the 401 and then the final one. */
static size_t on_header(char *p, size_t size, size_t n, void *ctx)
{
    char *status = ctx;
    size_t len = size * n;

    if (len > 5 && memcmp(p, "HTTP/", 5) == 0) {
        size_t k = len < 255 ? len : 255;
        memcpy(status, p, k);
        status[k] = '\0';
        status[strcspn(status, "\r\n")] = '\0';
    }
    return len;
}

/* The body, kept until the transfer is over (bounded). */
struct body {
    char buf[65536];
    size_t len;
};

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
    struct body *bd = ctx;
    size_t len = size * n;

    if (len > sizeof(bd->buf) - bd->len)
        return 0; /* curl stops with CURLE_WRITE_ERROR */
    memcpy(bd->buf + bd->len, p, len);
    bd->len += len;
    return len;
}

int main(int argc, char **argv)
{
    const char *url = NULL, *ca = NULL, *state = NULL, *suite_hex = "C02B";
    struct boot b;
    static struct body body;
    char pw[UTSEC_GBA_PASSWORD_SIZE] = "", *scheme = NULL, *host = NULL, status[256] = "";
    uint8_t ua[UTSEC_GBA_UA_ID_LEN];
    unsigned long want;
    size_t s = sizeof(suites) / sizeof(suites[0]);
    long code = 0;
    int i, rc = 1, https;
    struct curl_slist *resolve = NULL;
    CURLU *u = NULL;
    CURL *h = NULL;
    CURLcode cc;

    memset(&b, 0, sizeof(b));
    curl_global_init(CURL_GLOBAL_DEFAULT);
    for (i = 1; i + 1 < argc; i += 2) {
        const char *o = argv[i], *v = argv[i + 1];
        int bad = 0;
        if (strcmp(o, "--url") == 0)
            url = v;
        else if (strcmp(o, "--ca") == 0)
            ca = v;
        else if (strcmp(o, "--ue-state") == 0)
            state = v;
        else if (strcmp(o, "--suite") == 0)
            suite_hex = v;
        else if (strcmp(o, "--resolve") == 0) /* as curl --resolve */
            bad = (resolve = curl_slist_append(resolve, v)) == NULL;
        else if (strcmp(o, "--btid") == 0)
            bad = set(b.btid, sizeof(b.btid), v);
        else if (strcmp(o, "--impi") == 0)
            bad = set(b.impi, sizeof(b.impi), v);
        else if (strcmp(o, "--ks-hex") == 0)
            bad = set(b.ks_hex, sizeof(b.ks_hex), v);
        else
            bad = 1;
        if (bad)
            break;
    }
    if (i != argc || url == NULL) {
        rc = usage();
        goto done;
    }
    if (state != NULL && read_state(state, &b) != 0) {
        fprintf(stderr, "curl_gba: cannot read the state file %s\n", state);
        rc = 2;
        goto done;
    }
    if (!b.btid[0] || !b.impi[0] || !b.ks_hex[0]) {
        rc = usage();
        goto done;
    }

    /* The NAF FQDN is the host the client addresses (TS 33.220 B.3). */
    if ((u = curl_url()) == NULL || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
        fprintf(stderr, "curl_gba: not a usable URL: %s\n", url);
        goto done;
    }
    https = strcmp(scheme, "https") == 0;
    want = strtoul(suite_hex, NULL, 16);
    while (s > 0 && suites[s - 1].iana != want)
        s--;
    if (s == 0) {
        fprintf(stderr, "curl_gba: --suite %s is not one this example knows\n", suite_hex);
        goto done;
    }
    if (https)
        utsec_gba_ua_id_tls(suites[s - 1].iana, ua);
    else
        memcpy(ua, UTSEC_GBA_UA_HTTP_DIGEST, sizeof(ua));

    if ((rc = gba_password(&b, host, ua, pw)) != 0) {
        fprintf(stderr, "curl_gba: %s\n", utsec_strerror(rc));
        rc = 1;
        goto done;
    }
    rc = 1;

    /* From here on it is an ordinary curl Digest request. */
    if ((h = curl_easy_init()) == NULL)
        goto done;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_DIGEST);
    curl_easy_setopt(h, CURLOPT_USERNAME, b.btid);
    curl_easy_setopt(h, CURLOPT_PASSWORD, pw);
    if (https) {
        /* One suite, TLS 1.2 only: the suite is part of NAF_Id. */
        curl_easy_setopt(h, CURLOPT_SSLVERSION,
                         (long)(CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2));
        curl_easy_setopt(h, CURLOPT_SSL_CIPHER_LIST, suites[s - 1].openssl);
        if (ca != NULL)
            curl_easy_setopt(h, CURLOPT_CAINFO, ca);
    }
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, status);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_RESOLVE, resolve);
    cc = curl_easy_perform(h);
    /* libcurl keeps its own copy of the password; drop it now (curl frees
     * it without wiping: a libcurl limitation) and wipe ours. */
    curl_easy_setopt(h, CURLOPT_PASSWORD, NULL);
    utsec_wipe(pw, sizeof(pw));
    if (cc != CURLE_OK) {
        fprintf(stderr, "curl_gba: %s\n", curl_easy_strerror(cc));
        goto done;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    printf("%s\n", status);
    fwrite(body.buf, 1, body.len, stdout);
    rc = code >= 200 && code < 300 ? 0 : 1;
done:
    utsec_wipe(&b, sizeof(b));
    utsec_wipe(pw, sizeof(pw));
    curl_easy_cleanup(h);
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
    curl_slist_free_all(resolve);
    curl_global_cleanup();
    return rc;
}
