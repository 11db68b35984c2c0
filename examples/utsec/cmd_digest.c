/*
 * `utsec` HTTP Digest commands (RFC 7616, 3310, 4169; TS 24.109 §5.2):
 * digest-response, akav2-password, parse-challenge, parse-authorization,
 * parse-authentication-info, digest-serve. Contract: docs/cli.md.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli.h"
#include "hex.h"
#include "utsec/digest.h"

static utsec_digest_str_t sv(const char *s, size_t n)
{
    utsec_digest_str_t v;

    v.ptr = s;
    v.len = n;
    return v;
}

/* ---- digest-response ------------------------------------------------------ */

static int body_file_hash(const char *path, utsec_digest_alg_t alg, char *out)
{
    utsec_digest_body_hash_t bh;

    if (utsec_digest_body_hash_start(&bh, alg) != 0)
        return CLI_USAGE;
    if (path != NULL) {
        unsigned char buf[4096];
        size_t n;
        FILE *f = fopen(path, "rb");
        if (f == NULL)
            return cli_usage_error("digest-response: cannot read --body-file %s", path);
        while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
            (void)utsec_digest_body_hash_update(&bh, buf, n);
        if (ferror(f)) {
            fclose(f);
            return cli_usage_error("digest-response: error reading %s", path);
        }
        fclose(f);
    }
    return utsec_digest_body_hash_finish(&bh, out, UTSEC_DIGEST_HEX_SIZE) == 0 ? CLI_OK
                                                                               : CLI_USAGE;
}

static int cmd_digest_response(const struct cli_args *a)
{
    const char *alg_s, *user, *realm, *nonce, *method, *uri, *qop_s, *nc_s, *cnonce;
    utsec_digest_alg_t alg;
    utsec_digest_calc_t c;
    uint8_t res[UTSEC_AKA_RES_MAX_LEN], ik[16], ck[16];
    char pw2[UTSEC_DIGEST_AKAV2_PASSWORD_LEN + 1];
    char bhex[UTSEC_DIGEST_HEX_SIZE], out[UTSEC_DIGEST_HEX_SIZE];
    size_t res_len = 0;
    int rc, aka;

    if ((alg_s = cli_req(a, "algorithm")) == NULL || (user = cli_req(a, "username")) == NULL ||
        (realm = cli_req(a, "realm")) == NULL || (nonce = cli_req(a, "nonce")) == NULL ||
        (method = cli_req(a, "method")) == NULL || (uri = cli_req(a, "uri")) == NULL)
        return CLI_USAGE;
    alg = utsec_digest_alg_from_name(alg_s, strlen(alg_s));
    if (alg == UTSEC_DIGEST_ALG_UNKNOWN || strcmp(alg_s, utsec_digest_alg_name(alg)) != 0)
        return cli_usage_error("digest-response: unknown --algorithm '%s'", alg_s);
    aka = alg == UTSEC_DIGEST_ALG_AKAV1_MD5 || alg == UTSEC_DIGEST_ALG_AKAV2_MD5;
    memset(&c, 0, sizeof(c));
    c.alg = alg;
    c.username = sv(user, strlen(user));
    c.realm = sv(realm, strlen(realm));
    c.nonce = sv(nonce, strlen(nonce));
    c.method = sv(method, strlen(method));
    c.uri = sv(uri, strlen(uri));
    if (aka) {
        if (cli_opt(a, "password") != NULL)
            return cli_usage_error("digest-response: %s takes --res, not --password", alg_s);
        if ((rc = cli_hex(a, "res", res, 0, sizeof(res), &res_len)) != CLI_OK)
            return rc;
        if (res_len < 4)
            return cli_usage_error("digest-response: --res must be 4..32 octets");
        if (alg == UTSEC_DIGEST_ALG_AKAV2_MD5) {
            if ((rc = cli_hex(a, "ik", ik, 16, 0, NULL)) != CLI_OK ||
                (rc = cli_hex(a, "ck", ck, 16, 0, NULL)) != CLI_OK)
                return rc;
            if ((rc = utsec_digest_akav2_password(res, res_len, ik, ck, pw2, sizeof(pw2))) != 0)
                return cli_fail(rc, "digest-response");
            c.password = (const uint8_t *)pw2;
            c.password_len = strlen(pw2);
        } else {
            c.password = res; /* the raw RES octets (RFC 3310 §3.3) */
            c.password_len = res_len;
        }
    } else {
        const char *pw = cli_req(a, "password");
        if (pw == NULL)
            return CLI_USAGE;
        if (cli_opt(a, "res") != NULL)
            return cli_usage_error("digest-response: --res is for AKAv1-MD5/AKAv2-MD5");
        c.password = (const uint8_t *)pw;
        c.password_len = strlen(pw);
    }
    qop_s = cli_opt(a, "qop");
    if (qop_s != NULL) {
        uint8_t ncb[4];
        size_t n;
        if (strcmp(qop_s, "auth") == 0)
            c.qop = UTSEC_DIGEST_QOP_AUTH;
        else if (strcmp(qop_s, "auth-int") == 0)
            c.qop = UTSEC_DIGEST_QOP_AUTH_INT;
        else
            return cli_usage_error("digest-response: --qop is auth or auth-int");
        if ((nc_s = cli_req(a, "nc")) == NULL || (cnonce = cli_req(a, "cnonce")) == NULL)
            return CLI_USAGE;
        if (strlen(nc_s) != 8 || hex_decode(nc_s, 8, ncb, 4, &n) != 0)
            return cli_usage_error("digest-response: --nc takes 8 hex digits");
        c.nc = (uint32_t)ncb[0] << 24 | (uint32_t)ncb[1] << 16 | (uint32_t)ncb[2] << 8 | ncb[3];
        c.cnonce = sv(cnonce, strlen(cnonce));
    } else if (cli_opt(a, "nc") != NULL || cli_opt(a, "cnonce") != NULL) {
        return cli_usage_error("digest-response: --nc and --cnonce need --qop");
    }
    if (c.qop == UTSEC_DIGEST_QOP_AUTH_INT) {
        if ((rc = body_file_hash(cli_opt(a, "body-file"), alg, bhex)) != CLI_OK)
            goto done;
        c.body_hash = bhex;
    }
    if ((rc = utsec_digest_response(&c, out, sizeof(out), NULL)) != 0) {
        rc = cli_fail(rc, "digest-response");
        goto done;
    }
    cli_out_str("response", out, strlen(out));
    if (c.qop != UTSEC_DIGEST_QOP_NONE) {
        c.body_hash = NULL; /* rspauth for an empty response body */
        if ((rc = utsec_digest_rspauth(&c, out, sizeof(out), NULL)) != 0) {
            rc = cli_fail(rc, "digest-response");
            goto done;
        }
        cli_out_str("rspauth", out, strlen(out));
    }
    rc = CLI_OK;
done:
    utsec_wipe(res, sizeof(res));
    utsec_wipe(pw2, sizeof(pw2));
    return rc;
}

static int cmd_akav2_password(const struct cli_args *a)
{
    uint8_t res[UTSEC_AKA_RES_MAX_LEN], ik[16], ck[16];
    char pw[UTSEC_DIGEST_AKAV2_PASSWORD_LEN + 1];
    size_t res_len;
    int rc;

    if ((rc = cli_hex(a, "res", res, 0, sizeof(res), &res_len)) != CLI_OK ||
        (rc = cli_hex(a, "ik", ik, 16, 0, NULL)) != CLI_OK ||
        (rc = cli_hex(a, "ck", ck, 16, 0, NULL)) != CLI_OK)
        return rc;
    if (res_len < 4)
        return cli_usage_error("akav2-password: --res must be 4..32 octets");
    if ((rc = utsec_digest_akav2_password(res, res_len, ik, ck, pw, sizeof(pw))) != 0)
        return cli_fail(rc, "akav2-password");
    cli_out_str("password", pw, strlen(pw));
    utsec_wipe(res, sizeof(res));
    utsec_wipe(ik, sizeof(ik));
    utsec_wipe(ck, sizeof(ck));
    return CLI_OK;
}

/* ---- parse-* ---------------------------------------------------------------- */

static char in_buf[UTSEC_DIGEST_MAX_INPUT + 3];
static char scratch_buf[UTSEC_DIGEST_MAX_INPUT];

/* One header value from stdin; one trailing LF or CRLF is dropped. */
static int read_stdin(size_t *len)
{
    size_t n = fread(in_buf, 1, sizeof(in_buf), stdin);

    if (ferror(stdin))
        return cli_usage_error("cannot read stdin");
    if (n > 0 && in_buf[n - 1] == '\n') {
        n--;
        if (n > 0 && in_buf[n - 1] == '\r')
            n--;
    }
    if (n > UTSEC_DIGEST_MAX_INPUT)
        return cli_fail(UTSEC_ERR_TOO_LONG, NULL);
    *len = n;
    return CLI_OK;
}

static void print_params(const utsec_digest_param_t *p, size_t n)
{
    char name[128];
    size_t i, k;

    for (i = 0; i < n; i++) {
        for (k = 0; k < p[i].name.len && k + 1 < sizeof(name); k++) {
            char ch = p[i].name.ptr[k];
            name[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
        }
        name[k] = '\0';
        cli_out_str(name, p[i].value.ptr, p[i].value.len);
    }
}

static int cmd_parse_challenge(const struct cli_args *a)
{
    static utsec_digest_challenge_t ch[UTSEC_DIGEST_MAX_CHALLENGES];
    size_t len = 0, n, i;
    int rc;

    (void)a;
    if ((rc = read_stdin(&len)) != CLI_OK)
        return rc;
    rc = utsec_digest_parse_challenges(in_buf, len, ch, UTSEC_DIGEST_MAX_CHALLENGES, &n,
                                       scratch_buf, sizeof(scratch_buf));
    if (rc != 0)
        return cli_fail(rc, "parse-challenge");
    if (n == 0)
        return cli_fail(UTSEC_ERR_NO_CHALLENGE, "parse-challenge");
    for (i = 0; i < n; i++) {
        printf("scheme: Digest\n");
        print_params(ch[i].params, ch[i].n_params);
    }
    return CLI_OK;
}

static int cmd_parse_authorization(const struct cli_args *a)
{
    static utsec_digest_authorization_t au;
    size_t len = 0;
    int rc;

    (void)a;
    if ((rc = read_stdin(&len)) != CLI_OK)
        return rc;
    if ((rc = utsec_digest_parse_authorization(in_buf, len, &au, scratch_buf,
                                               sizeof(scratch_buf))) != 0)
        return cli_fail(rc, "parse-authorization");
    printf("scheme: Digest\n");
    print_params(au.params, au.n_params);
    return CLI_OK;
}

static int cmd_parse_auth_info(const struct cli_args *a)
{
    static utsec_digest_auth_info_t ai;
    size_t len = 0;
    int rc;

    (void)a;
    if ((rc = read_stdin(&len)) != CLI_OK)
        return rc;
    if ((rc = utsec_digest_parse_auth_info(in_buf, len, &ai, scratch_buf,
                                           sizeof(scratch_buf))) != 0)
        return cli_fail(rc, "parse-authentication-info");
    print_params(ai.params, ai.n_params);
    return CLI_OK;
}

/* ---- digest-serve: a NAF over plain HTTP/1.1 on loopback -------------------- */

struct naf {
    const char *btid;
    char password[UTSEC_GBA_PASSWORD_SIZE];
};

static int naf_lookup(void *ctx, utsec_digest_cred_request_t *req, uint8_t *pw,
                      size_t size, size_t *len)
{
    struct naf *n = ctx;
    size_t pl = strlen(n->password);

    /* username = B-TID (TS 24.109 §5.2); password = base64(Ks_NAF) */
    if (req->userhash || req->username.len != strlen(n->btid) ||
        memcmp(req->username.ptr, n->btid, req->username.len) != 0)
        return UTSEC_ERR_NOT_FOUND;
    if (pl > size)
        return UTSEC_ERR_BUFFER_TOO_SMALL;
    memcpy(pw, n->password, pl);
    *len = pl;
    return 0;
}

#define REQ_MAX 16384
#define MAX_CONNS 16

struct conn {
    int fd; /* -1: free */
    char buf[REQ_MAX + 1];
    size_t len;
};

static int send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Find a header (case-insensitive name) in the header block; value trimmed. */
static int find_header(const char *head, size_t head_len, const char *name, const char **val,
                       size_t *val_len)
{
    const char *p = strstr(head, "\r\n"), *end = head + head_len;
    size_t nl = strlen(name);

    while (p != NULL && p + 2 < end) {
        const char *line = p + 2, *eol = strstr(line, "\r\n");
        if (eol == NULL || eol == line)
            break;
        if ((size_t)(eol - line) > nl && line[nl] == ':' && strncasecmp(line, name, nl) == 0) {
            const char *v = line + nl + 1;
            while (v < eol && (*v == ' ' || *v == '\t'))
                v++;
            *val = v;
            *val_len = (size_t)(eol - v);
            while (*val_len > 0 && (v[*val_len - 1] == ' ' || v[*val_len - 1] == '\t'))
                (*val_len)--;
            return 1;
        }
        p = eol;
    }
    return 0;
}

static int respond(int fd, int code, const char *extra_name, const char *extra_val,
                   const char *body, int close_after)
{
    char hdr[4096];
    const char *reason = code == 200 ? "OK" : code == 401 ? "Unauthorized" : "Bad Request";
    int n = snprintf(hdr, sizeof(hdr),
                     "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n"
                     "%s%s%s%s\r\n",
                     code, reason, strlen(body), extra_name ? extra_name : "",
                     extra_name ? ": " : "", extra_name ? extra_val : "",
                     extra_name ? "\r\n" : "");
    if (n < 0 || (size_t)n >= sizeof(hdr))
        return -1;
    if (close_after && (size_t)n + 19 < sizeof(hdr)) {
        memcpy(hdr + n - 2, "Connection: close\r\n\r\n", 21);
        n += 19;
    }
    printf("status: %d\n", code);
    fflush(stdout);
    if (send_all(fd, hdr, (size_t)n) != 0)
        return -1;
    return send_all(fd, body, strlen(body));
}

struct serve {
    utsec_digest_server_t srv;
    utsec_digest_authorization_t au;
    char scratch[UTSEC_DIGEST_MAX_INPUT];
    char challenge[2048], info[1024];
    long done;
};

/*
 * Serve every complete request buffered on the connection. Returns 1 when
 * the connection must be closed, 0 to keep it open (HTTP/1.1 keep-alive).
 */
static int serve_buffered(struct serve *sv, struct conn *c)
{
    for (;;) {
        const char *v, *target, *sp, *end;
        size_t head, body_len = 0, vlen = 0, sp1, consumed;
        char bhex[UTSEC_DIGEST_HEX_SIZE];
        int close_conn = 0, has_auth, is_digest, rc;
        utsec_digest_verify_result_t vr;
        utsec_digest_body_hash_t bh;

        c->buf[c->len] = '\0';
        end = strstr(c->buf, "\r\n\r\n");
        if (end == NULL)
            return c->len == REQ_MAX; /* wait for more, unless oversized */
        head = (size_t)(end - c->buf) + 4;
        /* request line: METHOD SP request-target SP HTTP-version */
        sp = memchr(c->buf, ' ', head);
        if (sp == NULL || (target = sp + 1,
                           sp1 = (size_t)(sp - c->buf),
                           (sp = memchr(target, ' ', head - sp1 - 1)) == NULL)) {
            respond(c->fd, 400, NULL, NULL, "bad request\n", 1);
            return 1;
        }
        if (find_header(c->buf, head, "Content-Length", &v, &vlen))
            body_len = (size_t)strtoul(v, NULL, 10);
        if (find_header(c->buf, head, "Connection", &v, &vlen) && vlen == 5 &&
            strncasecmp(v, "close", 5) == 0)
            close_conn = 1;
        if (body_len > REQ_MAX - head) {
            respond(c->fd, 400, NULL, NULL, "body too large\n", 1);
            return 1;
        }
        if (c->len < head + body_len)
            return 0; /* body not complete yet */
        consumed = head + body_len;
        vlen = 0;
        has_auth = find_header(c->buf, head, "Authorization", &v, &vlen);
        is_digest = has_auth && vlen >= 6 && strncasecmp(v, "Digest", 6) == 0 &&
                    (vlen == 6 || v[6] == ' ' || v[6] == '\t');
        if (!is_digest) {
            /* no Digest credentials: challenge */
            rc = utsec_digest_server_challenge(&sv->srv, 0, sv->challenge,
                                               sizeof(sv->challenge), NULL);
            respond(c->fd, 401, rc == 0 ? "WWW-Authenticate" : NULL, sv->challenge,
                    "authentication required\n", close_conn);
            if (has_auth)
                sv->done++;
        } else if (sv->done++,
                   utsec_digest_parse_authorization(v, vlen, &sv->au, sv->scratch,
                                                    sizeof(sv->scratch)) != 0) {
            respond(c->fd, 400, NULL, NULL, "malformed Authorization\n", close_conn);
        } else {
            (void)utsec_digest_body_hash_start(&bh, sv->au.alg == UTSEC_DIGEST_ALG_SHA256
                                                        ? UTSEC_DIGEST_ALG_SHA256
                                                        : UTSEC_DIGEST_ALG_MD5);
            (void)utsec_digest_body_hash_update(&bh, c->buf + head, body_len);
            (void)utsec_digest_body_hash_finish(&bh, bhex, sizeof(bhex));
            rc = utsec_digest_server_verify(&sv->srv, &sv->au, c->buf, sp1, target,
                                            (size_t)(sp - target), bhex, &vr);
            if (rc == 0) {
                static const char ok_body[] = "OK\n";
                (void)utsec_digest_body_hash_start(&bh, sv->au.alg);
                (void)utsec_digest_body_hash_update(&bh, ok_body, sizeof(ok_body) - 1);
                (void)utsec_digest_body_hash_finish(&bh, bhex, sizeof(bhex));
                rc = utsec_digest_server_auth_info(&sv->srv, &sv->au, &vr, bhex, sv->info,
                                                   sizeof(sv->info), NULL);
                respond(c->fd, 200, rc == 0 ? "Authentication-Info" : NULL, sv->info, ok_body,
                        close_conn);
            } else if (rc == UTSEC_ERR_URI_MISMATCH || rc == UTSEC_ERR_PARSE) {
                respond(c->fd, 400, NULL, NULL, "bad request\n", close_conn);
            } else {
                int stale = rc == UTSEC_ERR_STALE;
                rc = utsec_digest_server_challenge(&sv->srv, stale, sv->challenge,
                                                   sizeof(sv->challenge), NULL);
                respond(c->fd, 401, rc == 0 ? "WWW-Authenticate" : NULL, sv->challenge,
                        "authentication failed\n", close_conn);
            }
            utsec_wipe(&vr, sizeof(vr));
        }
        memmove(c->buf, c->buf + consumed, c->len - consumed);
        c->len -= consumed;
        if (close_conn)
            return 1;
    }
}

static int cmd_digest_serve(const struct cli_args *a)
{
    static struct conn conns[MAX_CONNS];
    static struct serve st;
    static utsec_digest_replay_entry_t entries[256];
    utsec_digest_replay_t replay;
    utsec_digest_server_config_t cfg;
    utsec_rng_default_t rng;
    struct naf naf;
    uint8_t ck[16], ik[16], rnd[16], secret[32];
    char realm[512];
    const char *port_s, *impi, *fqdn, *alg_s, *qop_s, *req_s;
    struct sockaddr_in addr;
    long port, want = 1;
    int lfd, rc, one = 1, i, idle = 0;

    if ((port_s = cli_req(a, "port")) == NULL || (naf.btid = cli_req(a, "btid")) == NULL ||
        (impi = cli_req(a, "impi")) == NULL || (fqdn = cli_req(a, "naf-fqdn")) == NULL)
        return CLI_USAGE;
    if ((rc = cli_hex(a, "ck", ck, 16, 0, NULL)) != CLI_OK ||
        (rc = cli_hex(a, "ik", ik, 16, 0, NULL)) != CLI_OK ||
        (rc = cli_hex(a, "rand", rnd, 16, 0, NULL)) != CLI_OK)
        return rc;
    port = strtol(port_s, NULL, 10);
    if (port <= 0 || port > 65535)
        return cli_usage_error("digest-serve: --port must be 1..65535");
    if ((req_s = cli_opt(a, "requests")) != NULL) {
        char *endp;
        want = strtol(req_s, &endp, 10);
        if (*endp != '\0' || want <= 0)
            return cli_usage_error("digest-serve: --requests must be a positive number");
    }
    alg_s = cli_opt(a, "algorithm");
    qop_s = cli_opt(a, "qop");
    if (alg_s != NULL && strcmp(alg_s, "MD5") != 0 && strcmp(alg_s, "SHA-256") != 0)
        return cli_usage_error("digest-serve: --algorithm is MD5 or SHA-256");
    if (qop_s != NULL && strcmp(qop_s, "auth") != 0 && strcmp(qop_s, "auth-int") != 0)
        return cli_usage_error("digest-serve: --qop is auth or auth-int");
    /* Mode A: Ks_NAF with NAF_Id = FQDN || 01 00 00 00 02 */
    rc = utsec_digest_ua_password(ck, ik, rnd, impi, strlen(impi), fqdn, strlen(fqdn),
                                  UTSEC_GBA_UA_HTTP_DIGEST, UTSEC_GBA_VARIANT_ME, naf.password,
                                  sizeof(naf.password));
    utsec_wipe(ck, sizeof(ck));
    utsec_wipe(ik, sizeof(ik));
    if (rc != 0)
        return cli_fail(rc, "digest-serve");
    if ((rc = utsec_digest_profile_ua(&cfg, realm, sizeof(realm), UTSEC_DIGEST_UA_REALM_ME,
                                      fqdn, strlen(fqdn))) != 0)
        return cli_fail(rc, "digest-serve");
    cfg.alg_mask = UTSEC_DIGEST_ALG_BIT(alg_s != NULL && strcmp(alg_s, "SHA-256") == 0
                                            ? UTSEC_DIGEST_ALG_SHA256
                                            : UTSEC_DIGEST_ALG_MD5);
    cfg.qop_mask = qop_s != NULL && strcmp(qop_s, "auth-int") == 0 ? UTSEC_DIGEST_QOP_AUTH_INT
                                                                    : UTSEC_DIGEST_QOP_AUTH;
    if (utsec_rng_default_init(&rng, (const uint8_t *)"digest-serve", 12) != 0 ||
        utsec_rng_default(&rng, secret, sizeof(secret)) != 0) {
        utsec_rng_default_free(&rng);
        return cli_fail(UTSEC_ERR_RNG, "digest-serve");
    }
    (void)utsec_digest_replay_init(&replay, entries, sizeof(entries) / sizeof(entries[0]));
    cfg.secret = secret;
    cfg.secret_len = sizeof(secret);
    cfg.nonce_lifetime = 300;
    cfg.rng = utsec_rng_default;
    cfg.rng_ctx = &rng;
    cfg.time = utsec_time_now;
    cfg.lookup = naf_lookup;
    cfg.lookup_ctx = &naf;
    cfg.replay = &replay;
    st.done = 0;
    if ((rc = utsec_digest_server_init(&st.srv, &cfg)) != 0) {
        utsec_rng_default_free(&rng);
        return cli_fail(rc, "digest-serve");
    }

    signal(SIGPIPE, SIG_IGN);
    for (i = 0; i < MAX_CONNS; i++)
        conns[i].fd = -1;
    lfd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* loopback only */
    if (lfd < 0 || setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
        bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(lfd, 16) != 0) {
        fprintf(stderr, "utsec: digest-serve: cannot listen on 127.0.0.1:%ld: %s\n", port,
                strerror(errno));
        if (lfd >= 0)
            close(lfd);
        rc = CLI_INVALID;
        goto out;
    }
    /* One thread, poll(): several keep-alive clients at once. Gives up after
     * 120 s without any activity. */
    while (st.done < want && idle < 120) {
        struct pollfd pfd[MAX_CONNS + 1];
        int map[MAX_CONNS + 1], n = 0, r;
        pfd[n].fd = lfd;
        pfd[n].events = POLLIN;
        map[n++] = -1;
        for (i = 0; i < MAX_CONNS; i++)
            if (conns[i].fd >= 0) {
                pfd[n].fd = conns[i].fd;
                pfd[n].events = POLLIN;
                map[n++] = i;
            }
        r = poll(pfd, (nfds_t)n, 1000);
        if (r < 0 && errno != EINTR)
            break;
        if (r <= 0) {
            idle++;
            continue;
        }
        idle = 0;
        for (i = 1; i < n && st.done < want; i++) {
            struct conn *c = &conns[map[i]];
            ssize_t got;
            if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            got = recv(c->fd, c->buf + c->len, REQ_MAX - c->len, 0);
            if (got > 0)
                c->len += (size_t)got;
            if (got <= 0 || serve_buffered(&st, c)) {
                close(c->fd);
                c->fd = -1;
                c->len = 0;
            }
        }
        if ((pfd[0].revents & POLLIN) && st.done < want) {
            int fd = accept(lfd, NULL, NULL);
            for (i = 0; fd >= 0 && i < MAX_CONNS; i++)
                if (conns[i].fd < 0) {
                    conns[i].fd = fd;
                    conns[i].len = 0;
                    break;
                }
            if (fd >= 0 && i == MAX_CONNS)
                close(fd); /* too many clients */
        }
    }
    for (i = 0; i < MAX_CONNS; i++)
        if (conns[i].fd >= 0) {
            close(conns[i].fd);
            conns[i].fd = -1;
        }
    close(lfd);
    rc = st.done >= want ? CLI_OK : CLI_INVALID;
out:
    utsec_digest_server_free(&st.srv);
    utsec_wipe(&st.au, sizeof(st.au));
    utsec_rng_default_free(&rng);
    utsec_wipe(secret, sizeof(secret));
    utsec_wipe(naf.password, sizeof(naf.password));
    return rc;
}

static const char *const o_response[] = {
    "algorithm", "username", "realm", "nonce", "method", "uri", "password", "res", "ik", "ck",
    "qop", "nc", "cnonce", "body-file", NULL};
static const char *const o_akav2[] = {"res", "ik", "ck", NULL};
static const char *const o_none[] = {NULL};
static const char *const o_serve[] = {"port", "btid", "ck", "ik", "rand", "impi", "naf-fqdn",
                                      "algorithm", "qop", "requests", NULL};

const struct cli_cmd cli_digest_cmds[] = {
    {"digest-response",
     "--algorithm ALG --username U --realm R --nonce N --method M --uri URI "
     "(--password TEXT | --res HEX [--ik HEX32 --ck HEX32]) [--qop auth|auth-int --nc 8HEX "
     "--cnonce C] [--body-file F]",
     "RFC 7616/3310/4169: prints response (and rspauth with --qop)", o_response,
     cmd_digest_response},
    {"akav2-password", "--res HEX --ik HEX32 --ck HEX32",
     "RFC 4169: prints password = base64(HMAC-MD5(RES||IK||CK, \"http-digest-akav2-password\"))",
     o_akav2, cmd_akav2_password},
    {"parse-challenge", "< header value",
     "parse WWW-Authenticate from stdin: prints scheme and NAME: VALUE per parameter", o_none,
     cmd_parse_challenge},
    {"parse-authorization", "< header value",
     "parse Authorization from stdin: prints scheme and NAME: VALUE per parameter", o_none,
     cmd_parse_authorization},
    {"parse-authentication-info", "< header value",
     "parse Authentication-Info from stdin: prints NAME: VALUE per parameter", o_none,
     cmd_parse_auth_info},
    {"digest-serve",
     "--port P --btid B --ck HEX --ik HEX --rand HEX --impi TEXT --naf-fqdn TEXT "
     "[--algorithm MD5|SHA-256] [--qop auth|auth-int] [--requests N]",
     "TS 24.109 5.2 NAF on 127.0.0.1:P (HTTP Digest with Ks_NAF); prints status per request",
     o_serve, cmd_digest_serve},
    {NULL, NULL, NULL, NULL, NULL},
};
