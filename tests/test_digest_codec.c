/*
 * HTTP Digest header codec: RFC 7235/7616 grammar, every rejection path,
 * zero-copy views, unescaping, username* (RFC 8187), serializers and round
 * trips.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "utsec/digest.h"

static char scratch[UTSEC_DIGEST_MAX_INPUT];

#define S(x) x, strlen(x)

static void assert_view(utsec_digest_str_t v, const char *expect)
{
    assert_non_null(v.ptr);
    assert_int_equal(v.len, strlen(expect));
    assert_memory_equal(v.ptr, expect, v.len);
}

static int in_buf(const char *p, const char *buf, size_t len)
{
    return p >= buf && p < buf + len;
}

static int parse_auth(const char *in, utsec_digest_authorization_t *a)
{
    return utsec_digest_parse_authorization(in, strlen(in), a, scratch,
                                            sizeof(scratch));
}

static int parse_ch(const char *in, utsec_digest_challenge_t *c, size_t max,
                    size_t *n)
{
    return utsec_digest_parse_challenges(in, strlen(in), c, max, n, scratch,
                                         sizeof(scratch));
}

/* ---- challenges ---------------------------------------------------------- */

static void challenge_rfc7616_example(void **state)
{
    /* RFC 7616 §3.9.1 challenge pair (SHA-256 first, then MD5). */
    static const char in[] =
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
        "algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
        "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", "
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
        "algorithm=MD5, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
        "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    utsec_digest_challenge_t c[4];
    size_t n = 99;

    (void)state;
    assert_int_equal(parse_ch(in, c, 4, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(c[0].alg, UTSEC_DIGEST_ALG_SHA256);
    assert_int_equal(c[1].alg, UTSEC_DIGEST_ALG_MD5);
    assert_int_equal(c[0].qop_mask, UTSEC_DIGEST_QOP_AUTH | UTSEC_DIGEST_QOP_AUTH_INT);
    assert_view(c[0].realm, "http-auth@example.org");
    assert_view(c[1].nonce, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v");
    assert_view(c[1].opaque, "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
    assert_int_equal(c[0].n_params, 5);
    /* zero-copy: views point into the input */
    assert_true(in_buf(c[0].realm.ptr, in, sizeof(in)));
    assert_int_equal(c[0].stale, 0);
}

static void challenge_other_schemes_skipped(void **state)
{
    static const char in[] =
        "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", "
        "Basic realm=\"simple\", Bearer abc+/==, NTLM, "
        "Digest realm=\"r1\", nonce=\"n1\", stale=TRUE, userhash=false, "
        "charset=UTF-8, x-ext=\"kept\" , ,Digest REALM = \"r2\" ,NONCE=n2,"
        "algorithm=AKAv1-MD5, qop=\"auth-int,token-x\", Basic realm=\"x\"";
    utsec_digest_challenge_t c[4];
    size_t n;

    (void)state;
    assert_int_equal(parse_ch(in, c, 4, &n), 0);
    assert_int_equal(n, 2);
    assert_view(c[0].realm, "r1");
    assert_int_equal(c[0].stale, 1);
    assert_int_equal(c[0].userhash, 0);
    assert_view(c[0].charset, "UTF-8");
    assert_int_equal(c[0].n_params, 6);
    assert_int_equal(c[0].params[5].id, UTSEC_DIGEST_P_UNKNOWN);
    assert_view(c[0].params[5].name, "x-ext");
    assert_view(c[0].params[5].value, "kept");
    assert_view(c[1].realm, "r2");
    assert_view(c[1].nonce, "n2");
    assert_int_equal(c[1].alg, UTSEC_DIGEST_ALG_AKAV1_MD5);
    assert_int_equal(c[1].qop_mask, UTSEC_DIGEST_QOP_AUTH_INT);
    assert_int_equal(c[1].params[0].quoted, 1);
    assert_int_equal(c[1].params[1].quoted, 0);
}

static void challenge_unknown_algorithm_kept(void **state)
{
    utsec_digest_challenge_t c[1];
    size_t n;

    (void)state;
    assert_int_equal(parse_ch("Digest realm=a, nonce=b, algorithm=SHA3-999", c, 1, &n), 0);
    assert_int_equal(c[0].alg, UTSEC_DIGEST_ALG_UNKNOWN);
    assert_view(c[0].algorithm, "SHA3-999");
    /* no Digest challenge at all is not an error for the parser */
    assert_int_equal(parse_ch("Basic realm=\"x\"", c, 1, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(parse_ch("", c, 1, &n), 0);
    assert_int_equal(n, 0);
}

static void challenge_escapes_unescaped_into_scratch(void **state)
{
    static const char in[] = "Digest realm=\"a\\\"b\\\\c\", nonce=\"plain\"";
    utsec_digest_challenge_t c[1];
    char small[4];
    size_t n;

    (void)state;
    assert_int_equal(parse_ch(in, c, 1, &n), 0);
    assert_view(c[0].realm, "a\"b\\c");
    assert_true(in_buf(c[0].realm.ptr, scratch, sizeof(scratch)));
    assert_true(in_buf(c[0].nonce.ptr, in, sizeof(in)));
    /* the scratch space is checked */
    assert_int_equal(utsec_digest_parse_challenges(in, strlen(in), c, 1, &n,
                                                   small, sizeof(small)),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_digest_parse_challenges(in, strlen(in), c, 1, &n,
                                                   NULL, 0),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    /* no escapes: no scratch needed */
    assert_int_equal(utsec_digest_parse_challenges(S("Digest realm=a, nonce=b"),
                                                   c, 1, &n, NULL, 0), 0);
}

static void challenge_rejections(void **state)
{
    static const char *const bad[] = {
        "Digest realm=\"abc",                 /* unterminated */
        "Digest realm=\"abc\\",               /* escape at the end */
        "Digest realm=\"a\\\x01\", nonce=x",  /* escaped CTL */
        "Digest realm=\"a\x01\", nonce=x",    /* CTL in quoted-string */
        "Digest realm=\"a\x7f\", nonce=x",    /* DEL */
        "Digest realm=a, nonce=b, REALM=c",   /* duplicate, case-insensitive */
        "Digest realm=a nonce=b",             /* missing comma */
        "Digest realm=, nonce=b",             /* missing value */
        "Digest realm=a, nonce=b, =c",        /* missing name */
        "Digest realm=a, nonce=\"b\"x",       /* junk after quoted-string */
        "Digest abc==",                       /* token68 is not Digest syntax */
        "Digest realm=a",                     /* no nonce */
        "Digest nonce=a",                     /* no realm */
        "Digest realm=a, nonce=b, stale=maybe",
        "Digest realm=a, nonce=b, userhash=1",
        "Digest realm=a, nonce=b, qop=\"auth,,@\"",
        "Digest realm=a, nonce=b, qop=\"\"",
        "Digest realm=a, nonce=b, algorithm=\"MD 5\"",
        "Digest=realm",
        "Digest\trealm=a, nonce=b, foo bar baz", /* new scheme, then junk */
        "Basic realm=\"x\" junk",
        "Basic abc== def",
        ",Digest realm=a, nonce=b\"",
        "\"Digest\"",
        "Digest, realm=a, nonce=b",           /* realm read as a new scheme */
    };
    utsec_digest_challenge_t c[2];
    size_t i, n;

    (void)state;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        int rc = parse_ch(bad[i], c, 2, &n);
        if (rc != UTSEC_ERR_PARSE)
            print_error("input %zu: %s -> %d\n", i, bad[i], rc);
        assert_int_equal(rc, UTSEC_ERR_PARSE);
    }
}

static void challenge_nul_and_limits(void **state)
{
    static char big[UTSEC_DIGEST_MAX_INPUT + 2];
    static const char nul[] = "Digest realm=\"a\0b\", nonce=c";
    utsec_digest_challenge_t c[2];
    size_t n, len;
    int i;

    (void)state;
    assert_int_equal(utsec_digest_parse_challenges(nul, sizeof(nul) - 1, c, 2,
                                                   &n, scratch, sizeof(scratch)),
                     UTSEC_ERR_PARSE);
    assert_int_equal(utsec_digest_parse_challenges("Digest realm=a\0, nonce=b", 24,
                                                   c, 2, &n, scratch, sizeof(scratch)),
                     UTSEC_ERR_PARSE);
    /* input longer than the hard limit */
    memset(big, 'a', sizeof(big));
    assert_int_equal(utsec_digest_parse_challenges(big, sizeof(big), c, 2, &n,
                                                   scratch, sizeof(scratch)),
                     UTSEC_ERR_TOO_LONG);
    /* a value longer than UTSEC_DIGEST_MAX_VALUE, quoted and token */
    len = (size_t)sprintf(big, "Digest realm=\"");
    memset(big + len, 'x', UTSEC_DIGEST_MAX_VALUE + 1);
    len += UTSEC_DIGEST_MAX_VALUE + 1;
    len += (size_t)sprintf(big + len, "\", nonce=b");
    assert_int_equal(utsec_digest_parse_challenges(big, len, c, 2, &n, scratch,
                                                   sizeof(scratch)),
                     UTSEC_ERR_TOO_LONG);
    len = (size_t)sprintf(big, "Digest nonce=b, realm=");
    memset(big + len, 'x', UTSEC_DIGEST_MAX_VALUE + 1);
    len += UTSEC_DIGEST_MAX_VALUE + 1;
    assert_int_equal(utsec_digest_parse_challenges(big, len, c, 2, &n, scratch,
                                                   sizeof(scratch)),
                     UTSEC_ERR_TOO_LONG);
    /* exactly at the value limit is fine */
    len = (size_t)sprintf(big, "Digest nonce=b, realm=");
    memset(big + len, 'x', UTSEC_DIGEST_MAX_VALUE);
    len += UTSEC_DIGEST_MAX_VALUE;
    assert_int_equal(utsec_digest_parse_challenges(big, len, c, 2, &n, scratch,
                                                   sizeof(scratch)), 0);
    /* too many parameters */
    len = (size_t)sprintf(big, "Digest realm=a, nonce=b");
    for (i = 0; i < UTSEC_DIGEST_MAX_PARAMS - 1; i++)
        len += (size_t)sprintf(big + len, ", p%d=v", i);
    assert_int_equal(utsec_digest_parse_challenges(big, len, c, 2, &n, scratch,
                                                   sizeof(scratch)),
                     UTSEC_ERR_TOO_MANY);
    /* at the limit is fine */
    len = (size_t)sprintf(big, "Digest realm=a, nonce=b");
    for (i = 0; i < UTSEC_DIGEST_MAX_PARAMS - 2; i++)
        len += (size_t)sprintf(big + len, ", p%d=v", i);
    assert_int_equal(utsec_digest_parse_challenges(big, len, c, 2, &n, scratch,
                                                   sizeof(scratch)), 0);
    assert_int_equal(c[0].n_params, UTSEC_DIGEST_MAX_PARAMS);
    /* more Digest challenges than the caller has room for */
    assert_int_equal(parse_ch("Digest realm=a, nonce=b, Digest realm=c, nonce=d, "
                              "Digest realm=e, nonce=f", c, 2, &n),
                     UTSEC_ERR_TOO_MANY);
    assert_int_equal(utsec_digest_parse_challenges(NULL, 1, c, 2, &n, NULL, 0),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_digest_parse_challenges("x", 1, c, 2, NULL, NULL, 0),
                     UTSEC_ERR_INVALID_ARG);
}

static void challenge_no_partial_output(void **state)
{
    utsec_digest_challenge_t c[2], before[2];
    size_t n = 77;

    (void)state;
    memset(c, 0xA5, sizeof(c));
    memcpy(before, c, sizeof(c));
    /* the first challenge is good, the second is not */
    assert_int_equal(parse_ch("Digest realm=a, nonce=b, Digest realm=\"c", c, 2, &n),
                     UTSEC_ERR_PARSE);
    assert_memory_equal(c, before, sizeof(c));
    assert_int_equal(n, 77);
}

/* ---- Authorization ------------------------------------------------------- */

static void authorization_full(void **state)
{
    /* RFC 7616 §3.9.1 MD5 answer, with quoted tokens as some clients send. */
    static const char in[] =
        "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
        "uri=\"/dir/index.html\", algorithm=\"MD5\", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/"
        "xwf94BcCAzFZH4GiTo0v\", nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/"
        "H5QzzpXusqGemxURZJ\", qop=\"auth\", response=\"8ca523f5e9506fed4657c9700eebdbec\", "
        "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", future=1";
    utsec_digest_authorization_t a;

    (void)state;
    assert_int_equal(parse_auth(in, &a), 0);
    assert_view(a.username, "Mufasa");
    assert_int_equal(a.username_ext, 0);
    assert_view(a.uri, "/dir/index.html");
    assert_int_equal(a.alg, UTSEC_DIGEST_ALG_MD5);
    assert_int_equal(a.qop, UTSEC_DIGEST_QOP_AUTH);
    assert_int_equal(a.nc, 1);
    assert_view(a.response, "8ca523f5e9506fed4657c9700eebdbec");
    assert_int_equal(a.n_params, 11);
    assert_int_equal(a.params[10].id, UTSEC_DIGEST_P_UNKNOWN);
    assert_null(a.auts.ptr);
    /* nc is hex, upper case accepted */
    assert_int_equal(parse_auth("Digest username=u, realm=r, nonce=n, uri=\"/\", "
                                "response=x, qop=auth-int, nc=0000FfFf, cnonce=c", &a), 0);
    assert_int_equal(a.nc, 0xFFFF);
    assert_int_equal(a.qop, UTSEC_DIGEST_QOP_AUTH_INT);
    /* RFC 2069 form */
    assert_int_equal(parse_auth("Digest username=u, realm=r, nonce=n, uri=\"/\", response=x", &a), 0);
    assert_int_equal(a.qop, UTSEC_DIGEST_QOP_NONE);
    assert_int_equal(a.nc, 0);
    /* AKA resync */
    assert_int_equal(parse_auth("Digest username=\"u\", realm=r, nonce=n, uri=\"/\", "
                                "response=\"\", algorithm=AKAv1-MD5, "
                                "auts=\"RR6L7KQb+O5YnUbYNck=\"", &a), 0);
    assert_view(a.auts, "RR6L7KQb+O5YnUbYNck=");
    assert_int_equal(a.alg, UTSEC_DIGEST_ALG_AKAV1_MD5);
}

static void authorization_username_ext(void **state)
{
    /* RFC 7616 §3.9.2 */
    static const char in[] =
        "Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm=\"api@example.org\", "
        "uri=\"/doe.json\", algorithm=SHA-512-256, nonce=\"n\", nc=00000001, "
        "cnonce=\"c\", qop=auth, response=\"r\", userhash=false";
    utsec_digest_authorization_t a;
    char out[512];
    size_t len;

    (void)state;
    assert_int_equal(parse_auth(in, &a), 0);
    assert_view(a.username, "J\xc3\xa4s\xc3\xb8n Doe");
    assert_int_equal(a.username_ext, 1);
    assert_true(in_buf(a.username.ptr, scratch, sizeof(scratch)));
    assert_int_equal(a.alg, UTSEC_DIGEST_ALG_SHA512_256);
    /* written back as username* with percent-encoding */
    assert_int_equal(utsec_digest_authorization_write(&a, out, sizeof(out), &len), 0);
    assert_non_null(strstr(out, "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe"));
    assert_int_equal(len, strlen(out));
    /* language tag allowed, charset case-insensitive */
    assert_int_equal(parse_auth("Digest username*=utf-8'en'a%41, realm=r, nonce=n, "
                                "uri=\"/\", response=x", &a), 0);
    assert_view(a.username, "aA");
}

static void authorization_rejections(void **state)
{
    static const char *const bad[] = {
        "Basic dXNlcjpwYXNz",
        "Digest",
        "Digestusername=u",
        "Digest username=u, realm=r, nonce=n, uri=\"/\"",                 /* no response */
        "Digest realm=r, nonce=n, uri=\"/\", response=x",                 /* no username */
        "Digest username=u, nonce=n, uri=\"/\", response=x",              /* no realm */
        "Digest username=u, realm=r, uri=\"/\", response=x",              /* no nonce */
        "Digest username=u, realm=r, nonce=n, response=x",            /* no uri */
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=auth, cnonce=c", /* no nc */
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=auth, nc=00000001",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=auth, nc=0000001, cnonce=c",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=auth, nc=000000001, cnonce=c",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=auth, nc=0000000g, cnonce=c",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=auth, nc=00000000, cnonce=c",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=auth, nc=+0000001, cnonce=c",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, qop=\"auth,auth-int\", nc=00000001, cnonce=c",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, USERNAME=v",
        "Digest username=u, username*=UTF-8''v, realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username*=\"UTF-8''v\", realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username*=ISO-8859-1''v, realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username*=UTF-8''v%4, realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username*=UTF-8''v%zz, realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username*=UTF-8''v%00, realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username*=UTF-8'', realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username*=UTF-8'v, realm=r, nonce=n, uri=\"/\", response=x",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, userhash=yes",
        "Digest username=u, realm=r, nonce=n, uri=\"/\", response=x, Digest realm=y",
        "Digest username=\"u\"\"\", realm=r, nonce=n, uri=\"/\", response=x",
    };
    utsec_digest_authorization_t a, before;
    size_t i;

    (void)state;
    memset(&a, 0x5A, sizeof(a));
    memcpy(&before, &a, sizeof(a));
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        int rc = parse_auth(bad[i], &a);
        if (rc != UTSEC_ERR_PARSE)
            print_error("input %zu: %s -> %d\n", i, bad[i], rc);
        assert_int_equal(rc, UTSEC_ERR_PARSE);
        assert_memory_equal(&a, &before, sizeof(a)); /* no partial output */
    }
    assert_int_equal(utsec_digest_parse_authorization("x", 1, NULL, NULL, 0),
                     UTSEC_ERR_INVALID_ARG);
}

/* ---- Authentication-Info ------------------------------------------------- */

static void auth_info_parse(void **state)
{
    static const char in[] =
        "rspauth=\"9b712497bc9f91499fbcca1dfc5f09a5\", qop=auth, nc=00000001, "
        "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", nextnonce=\"nn\", ext=e";
    utsec_digest_auth_info_t ai;
    static const char *const bad[] = {
        "rspauth=\"x", "rspauth=x, rspauth=y", "nc=1", "rspauth", "Digest rspauth=x",
        "qop=\"a b\"", "rspauth=x nc=00000001",
    };
    size_t i;

    (void)state;
    assert_int_equal(utsec_digest_parse_auth_info(S(in), &ai, scratch, sizeof(scratch)), 0);
    assert_view(ai.rspauth, "9b712497bc9f91499fbcca1dfc5f09a5");
    assert_view(ai.nextnonce, "nn");
    assert_int_equal(ai.nc, 1);
    assert_int_equal(ai.qop, UTSEC_DIGEST_QOP_AUTH);
    assert_int_equal(ai.n_params, 6);
    assert_int_equal(utsec_digest_parse_auth_info("", 0, &ai, NULL, 0), 0);
    assert_int_equal(ai.n_params, 0);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_int_equal(utsec_digest_parse_auth_info(S(bad[i]), &ai, scratch,
                                                      sizeof(scratch)),
                         UTSEC_ERR_PARSE);
}

/* ---- serializers --------------------------------------------------------- */

static utsec_digest_str_t sv(const char *s)
{
    utsec_digest_str_t v;

    v.ptr = s;
    v.len = strlen(s);
    return v;
}

static void write_challenge(void **state)
{
    utsec_digest_challenge_t c, back[1];
    char out[512], tiny[20];
    size_t len, n;

    (void)state;
    memset(&c, 0, sizeof(c));
    c.realm = sv("say \"hi\" \\o/");
    c.nonce = sv("abc");
    c.opaque = sv("op");
    c.alg = UTSEC_DIGEST_ALG_SHA512_256_SESS;
    c.qop_mask = UTSEC_DIGEST_QOP_AUTH | UTSEC_DIGEST_QOP_AUTH_INT;
    c.stale = 1;
    c.userhash = 1;
    c.charset = sv("UTF-8");
    assert_int_equal(utsec_digest_challenge_write(&c, out, sizeof(out), &len), 0);
    assert_string_equal(out, "Digest realm=\"say \\\"hi\\\" \\\\o/\", nonce=\"abc\", "
                             "opaque=\"op\", stale=true, algorithm=SHA-512-256-sess, "
                             "qop=\"auth,auth-int\", charset=UTF-8, userhash=true");
    assert_int_equal(len, strlen(out));
    assert_int_equal(parse_ch(out, back, 1, &n), 0);
    assert_view(back[0].realm, "say \"hi\" \\o/");
    assert_int_equal(back[0].alg, UTSEC_DIGEST_ALG_SHA512_256_SESS);
    assert_int_equal(back[0].stale, 1);
    assert_int_equal(back[0].userhash, 1);
    /* errors */
    assert_int_equal(utsec_digest_challenge_write(&c, tiny, sizeof(tiny), &len),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    c.realm = sv("bad\nline");
    assert_int_equal(utsec_digest_challenge_write(&c, out, sizeof(out), &len),
                     UTSEC_ERR_INVALID_ARG);
    c.realm.ptr = NULL;
    assert_int_equal(utsec_digest_challenge_write(&c, out, sizeof(out), &len),
                     UTSEC_ERR_INVALID_ARG);
    /* unknown algorithm text must be a token */
    c.realm = sv("r");
    c.alg = UTSEC_DIGEST_ALG_UNKNOWN;
    c.algorithm = sv("X Y");
    assert_int_equal(utsec_digest_challenge_write(&c, out, sizeof(out), &len),
                     UTSEC_ERR_INVALID_ARG);
    c.algorithm = sv("X-Y");
    assert_int_equal(utsec_digest_challenge_write(&c, out, sizeof(out), &len), 0);
    assert_non_null(strstr(out, "algorithm=X-Y"));
}

static void write_authorization_and_info(void **state)
{
    utsec_digest_authorization_t a, b;
    utsec_digest_auth_info_t ai;
    char out[512];
    size_t len;

    (void)state;
    memset(&a, 0, sizeof(a));
    a.username = sv("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example");
    a.realm = sv("r");
    a.nonce = sv("n");
    a.uri = sv("/");
    a.response = sv("00ff");
    a.alg = UTSEC_DIGEST_ALG_AKAV1_MD5;
    a.qop = UTSEC_DIGEST_QOP_AUTH_INT;
    a.nc = 0x1a;
    a.cnonce = sv("c");
    a.auts = sv("RR6L7KQb+O5YnUbYNck=");
    assert_int_equal(utsec_digest_authorization_write(&a, out, sizeof(out), &len), 0);
    assert_string_equal(out, "Digest username=\"I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example\", "
                             "realm=\"r\", nonce=\"n\", uri=\"/\", algorithm=AKAv1-MD5, "
                             "response=\"00ff\", qop=auth-int, nc=0000001a, cnonce=\"c\", "
                             "auts=\"RR6L7KQb+O5YnUbYNck=\"");
    assert_int_equal(parse_auth(out, &b), 0);
    assert_int_equal(b.nc, 0x1a);
    a.qop = UTSEC_DIGEST_QOP_UNKNOWN;
    assert_int_equal(utsec_digest_authorization_write(&a, out, sizeof(out), &len),
                     UTSEC_ERR_INVALID_ARG);
    a.qop = (utsec_digest_qop_t)3; /* outside the enumeration: refused, not dereferenced */
    assert_int_equal(utsec_digest_authorization_write(&a, out, sizeof(out), &len),
                     UTSEC_ERR_INVALID_ARG);
    a.qop = UTSEC_DIGEST_QOP_AUTH;
    a.username = sv("a\x01");
    /* control characters go through username* */
    assert_int_equal(utsec_digest_authorization_write(&a, out, sizeof(out), &len), 0);
    assert_non_null(strstr(out, "username*=UTF-8''a%01"));

    memset(&ai, 0, sizeof(ai));
    ai.rspauth = sv("abcd");
    ai.qop = UTSEC_DIGEST_QOP_AUTH;
    ai.nc = 2;
    ai.cnonce = sv("x\"y");
    ai.nextnonce = sv("nn");
    assert_int_equal(utsec_digest_auth_info_write(&ai, out, sizeof(out), &len), 0);
    assert_string_equal(out, "rspauth=\"abcd\", qop=auth, nc=00000002, "
                             "cnonce=\"x\\\"y\", nextnonce=\"nn\"");
    ai.qop = UTSEC_DIGEST_QOP_UNKNOWN;
    assert_int_equal(utsec_digest_auth_info_write(&ai, out, sizeof(out), &len),
                     UTSEC_ERR_INVALID_ARG);
    ai.qop = (utsec_digest_qop_t)5;
    assert_int_equal(utsec_digest_auth_info_write(&ai, out, sizeof(out), &len),
                     UTSEC_ERR_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(challenge_rfc7616_example),
        cmocka_unit_test(challenge_other_schemes_skipped),
        cmocka_unit_test(challenge_unknown_algorithm_kept),
        cmocka_unit_test(challenge_escapes_unescaped_into_scratch),
        cmocka_unit_test(challenge_rejections),
        cmocka_unit_test(challenge_nul_and_limits),
        cmocka_unit_test(challenge_no_partial_output),
        cmocka_unit_test(authorization_full),
        cmocka_unit_test(authorization_username_ext),
        cmocka_unit_test(authorization_rejections),
        cmocka_unit_test(auth_info_parse),
        cmocka_unit_test(write_challenge),
        cmocka_unit_test(write_authorization_and_info),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
