/*
 * Identity module: X-3GPP identity headers, SIP/TEL URI validation and
 * RFC 3261 §19.1.4 / RFC 3966 §4 equivalence (the RFCs' own example lists),
 * XCAP URIs (RFC 4825), the Authentication Proxy decision (TS 24.109 §7),
 * the HTTP head helpers, the AS trust rule and the policy evaluator.
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

#include "utsec/identity.h"

#define S(x) x, (sizeof(x) - 1)
#define V(x) {x, sizeof(x) - 1}

static void assert_view(utsec_id_view_t v, const char *s)
{
    assert_int_equal(v.len, strlen(s));
    assert_memory_equal(v.ptr, s, v.len);
}

/* ---------------- header grammar ---------------- */

static void test_header_single_quoted(void **st)
{
    utsec_id_view_t ids[4];
    size_t n = 99;

    (void)st;
    assert_int_equal(utsec_id_header_parse(S("\"sip:alice@example.com\""), ids, 4, &n, NULL), 0);
    assert_int_equal(n, 1);
    assert_view(ids[0], "sip:alice@example.com");
}

static void test_header_list_whitespace(void **st)
{
    utsec_id_view_t ids[4];
    size_t n;

    (void)st;
    assert_int_equal(utsec_id_header_parse(S(" \t\"sip:a@x.com\" ,\t\"tel:+1-201-555-0123\"  "), ids, 4, &n, NULL), 0);
    assert_int_equal(n, 2);
    assert_view(ids[0], "sip:a@x.com");
    assert_view(ids[1], "tel:+1-201-555-0123");
    /* the Oracle form: bare, comma-separated */
    assert_int_equal(utsec_id_header_parse(S("user1@oracle.com, user2@oracle.com"), ids, 4, &n, NULL), 0);
    assert_int_equal(n, 2);
    assert_view(ids[0], "user1@oracle.com");
    assert_view(ids[1], "user2@oracle.com");
}

static void test_header_angle_brackets(void **st)
{
    utsec_id_view_t ids[4];
    size_t n, off = 0;

    (void)st;
    assert_int_equal(utsec_id_header_parse(S("<sip:a@x.com>, \"<tel:+12015550123>\""), ids, 4, &n, NULL), 0);
    assert_int_equal(n, 2);
    assert_view(ids[0], "sip:a@x.com");
    assert_view(ids[1], "tel:+12015550123");
    assert_int_equal(utsec_id_header_parse(S("\"<sip:a@x.com\""), ids, 4, &n, &off), UTSEC_ERR_PARSE);
    assert_int_equal(off, 1);
    assert_int_equal(utsec_id_header_parse(S("<sip:a@x.com"), ids, 4, &n, &off), UTSEC_ERR_PARSE);
    assert_int_equal(off, 12);
    assert_int_equal(utsec_id_header_parse(S("<>"), ids, 4, &n, &off), UTSEC_ERR_BAD_IDENTITY);
}

static void test_header_comma_in_user(void **st)
{
    utsec_id_view_t ids[4];
    size_t n;

    (void)st;
    /* RFC 3261 allows ',' in the user part: quoted, it stays one identity */
    assert_int_equal(utsec_id_header_parse(S("\"sip:a,b@x.com\""), ids, 4, &n, NULL), 0);
    assert_int_equal(n, 1);
    assert_view(ids[0], "sip:a,b@x.com");
    /* bare, the comma separates: why we always produce the quoted form */
    assert_int_equal(utsec_id_header_parse(S("sip:a,b@x.com"), ids, 4, &n, NULL), 0);
    assert_int_equal(n, 2);
    assert_view(ids[0], "sip:a");
    assert_view(ids[1], "b@x.com");
}

static void test_header_errors(void **st)
{
    static const struct {
        const char *in;
        int rc;
        size_t off;
    } t[] = {
        {"", UTSEC_ERR_PARSE, 0},                               /* empty list */
        {"   ", UTSEC_ERR_PARSE, 3},                            /* only OWS */
        {"\"sip:a@x.com\",", UTSEC_ERR_PARSE, 13},              /* trailing comma */
        {"\"sip:a@x.com\" , ", UTSEC_ERR_PARSE, 14},            /* trailing comma + OWS */
        {"\"sip:a@x.com\",,\"sip:b@x.com\"", UTSEC_ERR_PARSE, 14}, /* empty element */
        {",\"sip:a@x.com\"", UTSEC_ERR_PARSE, 0},               /* leading comma */
        {"\"sip:a\\\"b@x.com\"", UTSEC_ERR_PARSE, 6},           /* escaped quote */
        {"\"sip:\\a@x.com\"", UTSEC_ERR_PARSE, 5},              /* any quoted-pair */
        {"\"sip:a@x.com", UTSEC_ERR_PARSE, 12},                 /* unterminated */
        {"\"sip:a@x.com\" \"sip:b@x.com\"", UTSEC_ERR_PARSE, 14}, /* missing comma */
        {"\"sip:a@x.com\"x", UTSEC_ERR_PARSE, 13},              /* junk after quote */
        {"sip:a@x.com\"", UTSEC_ERR_BAD_IDENTITY, 11},          /* missing open quote */
        {"\"sip:a b@x.com\"", UTSEC_ERR_BAD_IDENTITY, 6},       /* space inside */
        {"\"sip:\xc3\xa9@x.com\"", UTSEC_ERR_BAD_IDENTITY, 5},  /* non-ASCII */
        {"\"sip:a\x01@x.com\"", UTSEC_ERR_PARSE, 6},            /* control */
        {"\"\"", UTSEC_ERR_BAD_IDENTITY, 1},                    /* empty identity */
        {"\"sip:@x.com\"", UTSEC_ERR_BAD_URI, 1},               /* bad SIP URI */
        {"\"tel:7042\"", UTSEC_ERR_BAD_URI, 1},                 /* local w/o context */
    };
    utsec_id_view_t ids[4];
    size_t i, n = 77, off;

    (void)st;
    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        off = 9999;
        ids[0].ptr = NULL;
        if (utsec_id_header_parse(t[i].in, strlen(t[i].in), ids, 4, &n, &off) != t[i].rc ||
            off != t[i].off)
            fail_msg("case %zu <%s>: off %zu", i, t[i].in, off);
        assert_int_equal(n, 77); /* not written */
        assert_null(ids[0].ptr);
    }
    assert_int_equal(utsec_id_header_parse(NULL, 1, ids, 4, &n, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_header_parse(S("a@b.c"), NULL, 4, &n, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_header_parse(S("a@b.c"), ids, 0, &n, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_header_parse(S("a@b.c"), ids, 4, NULL, NULL), UTSEC_ERR_INVALID_ARG);
}

static void test_header_huge_lists(void **st)
{
    static char buf[UTSEC_ID_MAX_HEADER + 64];
    utsec_id_view_t ids[UTSEC_ID_MAX_ITEMS + 1];
    size_t i, n, len = 0, off;

    (void)st;
    for (i = 0; i < UTSEC_ID_MAX_ITEMS; i++)
        len += (size_t)sprintf(buf + len, "%s\"sip:user%zu@example.com\"", i ? ", " : "", i);
    assert_int_equal(utsec_id_header_parse(buf, len, ids, UTSEC_ID_MAX_ITEMS + 1, &n, NULL), 0);
    assert_int_equal(n, UTSEC_ID_MAX_ITEMS);
    assert_view(ids[31], "sip:user31@example.com");
    len += (size_t)sprintf(buf + len, ", \"sip:one-more@example.com\"");
    assert_int_equal(utsec_id_header_parse(buf, len, ids, UTSEC_ID_MAX_ITEMS + 1, &n, &off), UTSEC_ERR_TOO_MANY);
    /* the caller's capacity is a limit too */
    assert_int_equal(utsec_id_header_parse(S("a@x.com, b@x.com, c@x.com"), ids, 2, &n, &off), UTSEC_ERR_TOO_MANY);
    assert_int_equal(off, 18);
    /* longer than the header limit */
    memset(buf, ' ', UTSEC_ID_MAX_HEADER + 1);
    memcpy(buf, "a@x.com", 7);
    assert_int_equal(utsec_id_header_parse(buf, UTSEC_ID_MAX_HEADER + 1, ids, 4, &n, NULL), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_id_header_parse(buf, UTSEC_ID_MAX_HEADER, ids, 4, &n, NULL), 0);
    /* one identity longer than UTSEC_ID_MAX_IDENTITY */
    buf[0] = '"';
    memcpy(buf + 1, "sip:", 4);
    memset(buf + 5, 'a', UTSEC_ID_MAX_IDENTITY);
    memcpy(buf + 5 + UTSEC_ID_MAX_IDENTITY, "@x.com\"", 7);
    assert_int_equal(utsec_id_header_parse(buf, UTSEC_ID_MAX_IDENTITY + 12, ids, 4, &n, NULL), UTSEC_ERR_TOO_LONG);
}

static void test_intended(void **st)
{
    utsec_id_view_t id;
    size_t off;

    (void)st;
    assert_int_equal(utsec_id_intended_parse(S("\"sip:alice@example.com\""), &id, NULL), 0);
    assert_view(id, "sip:alice@example.com");
    /* unquoted, as some RCS clients send it */
    assert_int_equal(utsec_id_intended_parse(S("tel:+358501234567"), &id, NULL), 0);
    assert_view(id, "tel:+358501234567");
    assert_int_equal(utsec_id_intended_parse(S("\"sip:a@x.com\", \"sip:b@x.com\""), &id, &off), UTSEC_ERR_TOO_MANY);
    assert_int_equal(utsec_id_intended_parse(S("\"sip:a@x.com\""), NULL, NULL), UTSEC_ERR_INVALID_ARG);
}

static void test_format(void **st)
{
    utsec_id_view_t in[2] = {V("sip:alice@example.com"), V("tel:+1-201-555-0123")}, back[2];
    utsec_id_view_t bad[1] = {V("sip:a\"b@x.com")}, sp[1] = {V("a b")}, empty[1] = {{"", 0}};
    char out[128];
    size_t len = 0, n;

    (void)st;
    assert_int_equal(utsec_id_header_format(in, 2, out, sizeof(out), &len), 0);
    assert_string_equal(out, "\"sip:alice@example.com\", \"tel:+1-201-555-0123\"");
    assert_int_equal(len, strlen(out));
    assert_int_equal(utsec_id_header_parse(out, len, back, 2, &n, NULL), 0);
    assert_int_equal(n, 2);
    assert_view(back[0], "sip:alice@example.com");
    assert_view(back[1], "tel:+1-201-555-0123");
    /* exact fit: 46 octets + NUL */
    assert_int_equal(len, 46);
    assert_int_equal(utsec_id_header_format(in, 2, out, 47, &len), 0);
    memset(out, 'z', sizeof(out));
    assert_int_equal(utsec_id_header_format(in, 2, out, 46, &len), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(out[0], 'z');
    assert_int_equal(utsec_id_header_format(bad, 1, out, sizeof(out), &len), UTSEC_ERR_BAD_IDENTITY);
    assert_int_equal(utsec_id_header_format(sp, 1, out, sizeof(out), &len), UTSEC_ERR_BAD_IDENTITY);
    assert_int_equal(utsec_id_header_format(empty, 1, out, sizeof(out), &len), UTSEC_ERR_BAD_IDENTITY);
    assert_int_equal(utsec_id_header_format(in, 0, out, sizeof(out), &len), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_header_format(in, UTSEC_ID_MAX_ITEMS + 1, out, sizeof(out), &len), UTSEC_ERR_TOO_MANY);
}

/* ---------------- SIP URIs ---------------- */

static void test_sip_parse_rfc3261_examples(void **st)
{
    /* RFC 3261 §19.1.3 examples */
    static const char *const ok[] = {
        "sip:alice@atlanta.com",
        "sip:alice:secretword@atlanta.com;transport=tcp",
        "sips:alice@atlanta.com?subject=project%20x&priority=urgent",
        "sip:+1-212-555-1212:1234@gateway.com;user=phone",
        "sips:1212@gateway.com",
        "sip:alice@192.0.2.4",
        "sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com",
        "sip:alice;day=tuesday@atlanta.com",
        "sip:alice@[2001:db8::1]:5060;lr",
        "sip:alice@[::ffff:192.0.2.4]",
        "sip:host.example.com.",
    };
    utsec_id_sip_uri_t u;
    size_t i;

    (void)st;
    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        if (utsec_id_sip_uri_parse(ok[i], strlen(ok[i]), &u) != 0)
            fail_msg("valid URI rejected: %s", ok[i]);
    assert_int_equal(utsec_id_sip_uri_parse(S("sip:alice:secretword@atlanta.com:5061;transport=tcp?a=b"), &u), 0);
    assert_int_equal(u.sips, 0);
    assert_view(u.user, "alice");
    assert_int_equal(u.has_password, 1);
    assert_view(u.password, "secretword");
    assert_view(u.host, "atlanta.com");
    assert_int_equal(u.has_port, 1);
    assert_int_equal(u.port, 5061);
    assert_view(u.params, "transport=tcp");
    assert_view(u.headers, "a=b");
    assert_int_equal(utsec_id_sip_uri_parse(S("SIPS:alice;day=tuesday@atlanta.com"), &u), 0);
    assert_int_equal(u.sips, 1);
    assert_view(u.user, "alice;day=tuesday");
    assert_int_equal(u.has_port, 0);
}

static void test_sip_parse_errors(void **st)
{
    static const struct {
        const char *in;
        int rc;
    } t[] = {
        {"sip:", UTSEC_ERR_BAD_URI},
        {"sip:@atlanta.com", UTSEC_ERR_BAD_URI},
        {"sip:alice@", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com:65536", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com:", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com;", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com;a=1;;b", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com;a=", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com;transport=tcp;Transport=udp", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com?", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com?subject", UTSEC_ERR_BAD_URI},
        {"sip:alice@-atlanta.com", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta..com", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.123", UTSEC_ERR_BAD_URI},
        {"sip:alice@1.2.3", UTSEC_ERR_BAD_URI},
        {"sip:alice@256.1.1.1", UTSEC_ERR_BAD_URI},
        {"sip:alice@[2001:db8::1", UTSEC_ERR_BAD_URI},
        {"sip:alice@[2001:db8:::1]", UTSEC_ERR_BAD_URI},
        {"sip:alice@[1:2:3:4:5:6:7:8:9]", UTSEC_ERR_BAD_URI},
        {"sip:al ice@atlanta.com", UTSEC_ERR_BAD_URI},
        {"sip:al%4@atlanta.com", UTSEC_ERR_BAD_URI},
        {"sip:al%zzce@atlanta.com", UTSEC_ERR_BAD_URI},
        {"sip:alice@atlanta.com>", UTSEC_ERR_BAD_URI},
        {"tel:+1", UTSEC_ERR_BAD_URI},
        {"http://atlanta.com", UTSEC_ERR_BAD_URI},
    };
    utsec_id_sip_uri_t u;
    char big[UTSEC_ID_MAX_IDENTITY + 8], many[600];
    size_t i, n;

    (void)st;
    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        if (utsec_id_sip_uri_parse(t[i].in, strlen(t[i].in), &u) != t[i].rc)
            fail_msg("case %zu <%s>", i, t[i].in);
    memcpy(big, "sip:", 4);
    memset(big + 4, 'a', sizeof(big) - 4);
    assert_int_equal(utsec_id_sip_uri_parse(big, sizeof(big), &u), UTSEC_ERR_TOO_LONG);
    n = (size_t)sprintf(many, "sip:a@x.com");
    for (i = 0; i < UTSEC_ID_MAX_URI_PARAMS; i++)
        n += (size_t)sprintf(many + n, ";p%zu", i);
    assert_int_equal(utsec_id_sip_uri_parse(many, n, &u), 0);
    n += (size_t)sprintf(many + n, ";q");
    assert_int_equal(utsec_id_sip_uri_parse(many, n, &u), UTSEC_ERR_TOO_MANY);
    assert_int_equal(utsec_id_sip_uri_parse(NULL, 0, &u), UTSEC_ERR_INVALID_ARG);
}

/* RFC 3261 §19.1.4: "The URIs within each of the following sets are
 * equivalent" / "... are not equivalent". */
static void test_sip_equal_rfc3261(void **st)
{
    static const char *const eq[][2] = {
        {"sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp"},
        {"sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5"},
        {"sip:carol@chicago.com", "sip:carol@chicago.com;security=on"},
        {"sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on"},
        {"sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
         "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"},
        {"sip:alice@atlanta.com?subject=project%20x&priority=urgent",
         "sip:alice@atlanta.com?priority=urgent&subject=project%20x"},
        /* more: escapes of unreserved characters, hex case, scheme case */
        {"sip:%41lice@atlanta.com", "sip:Alice@atlanta.com"},
        {"sip:a%2Cb@x.com", "sip:a%2cb@x.com"},
        {"SIP:alice@atlanta.com", "sip:alice@ATLANTA.COM"},
        {"sip:alice@atlanta.com;lr", "sip:alice@atlanta.com;LR"},
        {"sip:alice@[2001:DB8::1]", "sip:alice@[2001:db8::1]"},
    };
    static const char *const ne[][2] = {
        {"SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP"},
        {"sip:bob@biloxi.com", "sip:bob@biloxi.com:5060"},
        {"sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp"},
        {"sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp"},
        {"sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting"},
        {"sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4"},
        /* more */
        {"sip:alice@atlanta.com", "sips:alice@atlanta.com"},
        {"sip:%61lice@atlanta.com", "sip:Alice@atlanta.com"},
        {"sip:a%3bb@x.com", "sip:a;b@x.com"}, /* escaped reserved != bare */
        {"sip:alice@atlanta.com", "sip:atlanta.com"},
        {"sip:alice:pw@atlanta.com", "sip:alice@atlanta.com"},
        {"sip:alice:pw@atlanta.com", "sip:alice:PW@atlanta.com"},
        {"sip:alice@atlanta.com;user=phone", "sip:alice@atlanta.com"},
        {"sip:alice@atlanta.com;ttl=1", "sip:alice@atlanta.com"},
        {"sip:alice@atlanta.com;method=INVITE", "sip:alice@atlanta.com"},
        {"sip:alice@atlanta.com;maddr=239.255.255.1", "sip:alice@atlanta.com"},
        {"sip:alice@atlanta.com;newparam=5", "sip:alice@atlanta.com;newparam=6"},
        {"sip:alice@atlanta.com;lr", "sip:alice@atlanta.com;lr=on"},
        {"sip:alice@atlanta.com?a=b", "sip:alice@atlanta.com?a=B"},
        {"sip:alice@atlanta.com?a=b&a=b", "sip:alice@atlanta.com?a=b"},
        {"sip:alice@atlanta.com:5060", "sip:alice@atlanta.com:5061"},
    };
    size_t i;

    (void)st;
    for (i = 0; i < sizeof(eq) / sizeof(eq[0]); i++) {
        if (utsec_id_sip_uri_equal(eq[i][0], strlen(eq[i][0]), eq[i][1], strlen(eq[i][1])) != 1 ||
            utsec_id_sip_uri_equal(eq[i][1], strlen(eq[i][1]), eq[i][0], strlen(eq[i][0])) != 1)
            fail_msg("should be equivalent: %s %s", eq[i][0], eq[i][1]);
        assert_int_equal(utsec_id_uri_equal(eq[i][0], strlen(eq[i][0]), eq[i][1], strlen(eq[i][1])), 1);
    }
    for (i = 0; i < sizeof(ne) / sizeof(ne[0]); i++) {
        if (utsec_id_sip_uri_equal(ne[i][0], strlen(ne[i][0]), ne[i][1], strlen(ne[i][1])) != 0 ||
            utsec_id_sip_uri_equal(ne[i][1], strlen(ne[i][1]), ne[i][0], strlen(ne[i][0])) != 0)
            fail_msg("should differ: %s %s", ne[i][0], ne[i][1]);
    }
    assert_int_equal(utsec_id_sip_uri_equal(S("sip:a@x.com"), S("sip:@x.com")), UTSEC_ERR_BAD_URI);
    assert_int_equal(utsec_id_sip_uri_equal(S("sip:"), S("sip:a@x.com")), UTSEC_ERR_BAD_URI);
}

/* ---------------- TEL URIs ---------------- */

static void test_tel_parse(void **st)
{
    static const char *const ok[] = {
        "tel:+1-201-555-0123", /* RFC 3966 §6 examples */
        "tel:7042;phone-context=example.com",
        "tel:863-1234;phone-context=+1-914-555",
        "tel:+1-201-555-0123;ext=1234",
        "tel:+358-555-1234567;isub=1411",
        "tel:*21#;phone-context=example.net",
        "tel:+1(201)555.0123;foo;bar=%41b",
    };
    static const char *const bad[] = {
        "tel:", "tel:+", "tel:+-", "tel:7042", "tel:+1;phone-context=example.com",
        "tel:7042;phone-context=", "tel:7042;phone-context=-bad.com",
        "tel:7042;phone-context=+", "tel:+1;ext=", "tel:+1;ext=12a", "tel:+1;isub=",
        "tel:+1;a=1;A=2", "tel:+1;;a", "tel:+1;", "tel:+1 201", "tel:+1;a=b c",
        "tel:+1;a_b=1", "tel:+1;a=%4", "tel:12g;phone-context=x.com", "sip:+1@x.com",
    };
    utsec_id_tel_uri_t u;
    size_t i;

    (void)st;
    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        if (utsec_id_tel_uri_parse(ok[i], strlen(ok[i]), &u) != 0)
            fail_msg("valid TEL URI rejected: %s", ok[i]);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (utsec_id_tel_uri_parse(bad[i], strlen(bad[i]), &u) != UTSEC_ERR_BAD_URI)
            fail_msg("invalid TEL URI accepted: %s", bad[i]);
    /* A NUL inside a parameter value is not an allowed character (found by
     * fuzzing the example AP's Zn parser). */
    assert_int_equal(utsec_id_tel_uri_parse("tel:+1;a=b\0c", 12, &u), UTSEC_ERR_BAD_URI);
    assert_int_equal(utsec_id_uri_validate("tel:+1;a=\0", 10), UTSEC_ERR_BAD_URI);
    assert_int_equal(utsec_id_tel_uri_parse(S("tel:863-1234;phone-context=+1-914-555"), &u), 0);
    assert_int_equal(u.global, 0);
    assert_view(u.number, "863-1234");
    assert_view(u.params, "phone-context=+1-914-555");
    assert_int_equal(utsec_id_tel_uri_parse(S("TEL:+1-201-555-0123"), &u), 0);
    assert_int_equal(u.global, 1);
    assert_view(u.number, "+1-201-555-0123");
    assert_int_equal(u.params.len, 0);
}

static void test_tel_equal_rfc3966(void **st)
{
    static const char *const eq[][2] = {
        {"tel:+1-201-555-0123", "tel:+1.201.555.0123"},
        {"tel:+1-201-555-0123", "tel:+1(201)5550123"},
        {"tel:+12015550123", "TEL:+1-201-555-0123"},
        {"tel:7042;phone-context=example.com", "tel:7042;phone-context=EXAMPLE.COM"},
        {"tel:863-1234;phone-context=+1-914-555", "tel:8631234;phone-context=+1914555"},
        {"tel:+1-201-555-0123;ext=1234", "tel:+12015550123;EXT=1-234"},
        {"tel:+12015550123;foo=Bar;x", "tel:+12015550123;X;FOO=bar"},
        {"tel:+12015550123;foo=%41", "tel:+12015550123;foo=a"},
        {"tel:ab-CD;phone-context=example.com", "tel:ABcd;phone-context=example.com"},
    };
    static const char *const ne[][2] = {
        {"tel:+12015550123", "tel:12015550123;phone-context=+1"},
        {"tel:+12015550123", "tel:+12015550124"},
        {"tel:+12015550123", "tel:+120155501230"},
        {"tel:+12015550123;ext=1", "tel:+12015550123"},
        {"tel:+12015550123;a=1", "tel:+12015550123"}, /* a name in only one URI */
        {"tel:+12015550123;a", "tel:+12015550123;a=1"},
        {"tel:7042;phone-context=example.com", "tel:7042;phone-context=example.org"},
        {"tel:7042;phone-context=+1", "tel:7042;phone-context=+2"},
        {"tel:7042;phone-context=+1", "tel:7042;phone-context=example.com"},
    };
    size_t i;

    (void)st;
    for (i = 0; i < sizeof(eq) / sizeof(eq[0]); i++)
        if (utsec_id_tel_uri_equal(eq[i][0], strlen(eq[i][0]), eq[i][1], strlen(eq[i][1])) != 1 ||
            utsec_id_uri_equal(eq[i][1], strlen(eq[i][1]), eq[i][0], strlen(eq[i][0])) != 1)
            fail_msg("should be equivalent: %s %s", eq[i][0], eq[i][1]);
    for (i = 0; i < sizeof(ne) / sizeof(ne[0]); i++)
        if (utsec_id_tel_uri_equal(ne[i][0], strlen(ne[i][0]), ne[i][1], strlen(ne[i][1])) != 0 ||
            utsec_id_tel_uri_equal(ne[i][1], strlen(ne[i][1]), ne[i][0], strlen(ne[i][0])) != 0)
            fail_msg("should differ: %s %s", ne[i][0], ne[i][1]);
    assert_int_equal(utsec_id_tel_uri_equal(S("tel:+1"), S("tel:1")), UTSEC_ERR_BAD_URI);
}

static void test_uri_equal_dispatch(void **st)
{
    (void)st;
    /* different schemes never match, even when they name the same number */
    assert_int_equal(utsec_id_uri_equal(S("sip:+12015550123@x.com;user=phone"), S("tel:+12015550123")), 0);
    assert_int_equal(utsec_id_uri_equal(S("user@realm.example"), S("user@realm.example")), 1);
    assert_int_equal(utsec_id_uri_equal(S("user@realm.example"), S("User@realm.example")), 0);
    assert_int_equal(utsec_id_uri_equal(S("user@realm.example"), S("sip:user@realm.example")), 0);
    assert_int_equal(utsec_id_uri_equal(S("a b"), S("a")), UTSEC_ERR_BAD_IDENTITY);
    assert_int_equal(utsec_id_uri_equal(S("tel:+1"), S("sip:@x")), UTSEC_ERR_BAD_URI);
    assert_int_equal(utsec_id_uri_validate(S("mailto:a@b.c")), 0);
    assert_int_equal(utsec_id_uri_validate(NULL, 3), UTSEC_ERR_INVALID_ARG);
}

/* ---------------- XCAP ---------------- */

static void test_xcap_parse(void **st)
{
    utsec_id_xcap_uri_t u;
    char xui[64];
    size_t xl = 99;

    (void)st;
    assert_int_equal(utsec_id_xcap_parse(S("/xcap-root/pres-rules/users/sip:alice@example.com/index"),
                                         S("/xcap-root"), &u, xui, sizeof(xui), &xl), 0);
    assert_view(u.auid, "pres-rules");
    assert_int_equal(u.global, 0);
    assert_view(u.xui_raw, "sip:alice@example.com");
    assert_int_equal(xl, 21);
    assert_memory_equal(xui, "sip:alice@example.com", 21);
    assert_view(u.doc, "index");
    assert_int_equal(u.node.len, 0);
    /* percent-encoded XUI, root "/" */
    assert_int_equal(utsec_id_xcap_parse(S("/pres-rules/users/sip%3Aalice%40example.com/dir/index"),
                                         NULL, 0, &u, xui, sizeof(xui), &xl), 0);
    assert_int_equal(xl, 21);
    assert_memory_equal(xui, "sip:alice@example.com", 21);
    assert_view(u.doc, "dir/index");
    /* an escaped '/' belongs to the XUI, not the path */
    assert_int_equal(utsec_id_xcap_parse(S("/a/users/x%2Fy%20z/doc"), NULL, 0, &u, xui, sizeof(xui), &xl), 0);
    assert_int_equal(xl, 5);
    assert_memory_equal(xui, "x/y z", 5);
    /* node selector */
    assert_int_equal(utsec_id_xcap_parse(S("/resource-lists/users/sip:a@x.com/index/~~/resource-lists/list%5b@name=%22friends%22%5d"),
                                         NULL, 0, &u, xui, sizeof(xui), &xl), 0);
    assert_view(u.doc, "index");
    assert_view(u.node, "resource-lists/list%5b@name=%22friends%22%5d");
    /* global tree */
    assert_int_equal(utsec_id_xcap_parse(S("/root/xcap-caps/global/index"), S("/root"), &u, NULL, 0, &xl), 0);
    assert_int_equal(u.global, 1);
    assert_int_equal(xl, 0);
    assert_view(u.auid, "xcap-caps");
    assert_view(u.doc, "index");
}

static void test_xcap_errors(void **st)
{
    static const char *const bad[] = {
        "/other/pres-rules/users/sip:a@x.com/index",  /* wrong root */
        "/xcap-root",                                  /* nothing after */
        "/xcap-root/",                                 /* empty auid */
        "/xcap-root/pres-rules/users/sip:a@x.com",    /* no document */
        "/xcap-root/pres-rules/users/sip:a@x.com/",   /* empty document */
        "/xcap-root/pres-rules/users//index",          /* empty XUI */
        "/xcap-root/pres-rules/users/sip:a@x.com/../bob/index",
        "/xcap-root/pres-rules/users/sip:a@x.com/%2e%2E/index",
        "/xcap-root/pres-rules/users/sip:a@x.com/./index",
        "/xcap-root/pres-rules/users/../index",
        "/xcap-root/pres-rules/users/sip:a@x.com/a%2Fb",   /* escaped / in path */
        "/xcap-root/pres-rules/users/sip%00a@x.com/index", /* NUL in XUI */
        "/xcap-root/pres-rules/users/sip:a@x.com/index?x=1",
        "/xcap-root/pres-rules/users/sip:a@x.com/index#f",
        "/xcap-root/pres-rules/users/sip:a@x.com/in dex",
        "/xcap-root/pres-rules/users/sip:a@x.com/in%zzdex",
        "/xcap-root/pres-rules/people/sip:a@x.com/index",
        "/xcap-root/pres-rules/global",
        "/xcap-root/pres-rules/users/sip:a@x.com/index/~~/",
        "/xcap-root/pres-rules/users/sip:a@x.com/index/~~/a%4",
    };
    utsec_id_xcap_uri_t u;
    char xui[64];
    size_t i, xl;

    (void)st;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (utsec_id_xcap_parse(bad[i], strlen(bad[i]), S("/xcap-root"), &u, xui, sizeof(xui), &xl) != UTSEC_ERR_BAD_URI)
            fail_msg("accepted: %s", bad[i]);
    assert_int_equal(utsec_id_xcap_parse(S("/a/users/sip:alice@example.com/d"), NULL, 0, &u, xui, 20, &xl),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_id_xcap_parse(S("/a/users/sip:alice@example.com/d"), NULL, 0, &u, xui, 21, &xl), 0);
    assert_int_equal(utsec_id_xcap_parse(NULL, 0, NULL, 0, &u, xui, 21, &xl), UTSEC_ERR_INVALID_ARG);
}

static void test_xcap_authorize(void **st)
{
    utsec_id_view_t alice[1] = {V("sip:alice@example.com")};
    utsec_id_view_t alice_case[1] = {V("sip:alice@EXAMPLE.COM")};
    utsec_id_view_t alice_user_case[1] = {V("sip:Alice@example.com")};
    utsec_id_view_t bob_and_alice[2] = {V("sip:bob@example.com"), V("sip:alice@example.com")};
    utsec_id_view_t bob[1] = {V("sip:bob@example.com")};
    utsec_id_view_t tel[1] = {V("tel:+1-201-555-0123")};
    utsec_id_view_t bad[1] = {V("sip:@x")};
    const char *doc = "/xcap-root/pres-rules/users/sip:alice@example.com/index";
    size_t dl = strlen(doc);

    (void)st;
    assert_int_equal(utsec_id_xcap_authorize(alice, 1, doc, dl, S("/xcap-root"), S("PUT")), 0);
    assert_int_equal(utsec_id_xcap_authorize(alice, 1, doc, dl, S("/xcap-root"), S("DELETE")), 0);
    assert_int_equal(utsec_id_xcap_authorize(alice_case, 1, doc, dl, S("/xcap-root"), S("GET")), 0);
    assert_int_equal(utsec_id_xcap_authorize(bob_and_alice, 2, doc, dl, S("/xcap-root"), S("GET")), 0);
    assert_int_equal(utsec_id_xcap_authorize(alice_user_case, 1, doc, dl, S("/xcap-root"), S("GET")), UTSEC_ERR_FORBIDDEN);
    assert_int_equal(utsec_id_xcap_authorize(bob, 1, doc, dl, S("/xcap-root"), S("GET")), UTSEC_ERR_FORBIDDEN);
    /* percent-encoded XUI, escaped unreserved characters */
    assert_int_equal(utsec_id_xcap_authorize(alice, 1, S("/xcap-root/pres-rules/users/sip%3A%61lice%40example.com/index"),
                                             S("/xcap-root"), S("PUT")), 0);
    assert_int_equal(utsec_id_xcap_authorize(tel, 1, S("/r/simservs.ngn.etsi.org/users/tel:+12015550123/simservs.xml"),
                                             S("/r"), S("PUT")), 0);
    /* global documents: read-only */
    assert_int_equal(utsec_id_xcap_authorize(bob, 1, S("/xcap-root/xcap-caps/global/index"), S("/xcap-root"), S("GET")), 0);
    assert_int_equal(utsec_id_xcap_authorize(bob, 1, S("/xcap-root/xcap-caps/global/index"), S("/xcap-root"), S("HEAD")), 0);
    assert_int_equal(utsec_id_xcap_authorize(bob, 1, S("/xcap-root/xcap-caps/global/index"), S("/xcap-root"), S("PUT")), UTSEC_ERR_FORBIDDEN);
    assert_int_equal(utsec_id_xcap_authorize(bob, 1, S("/xcap-root/xcap-caps/global/index"), S("/xcap-root"), S("get")), UTSEC_ERR_FORBIDDEN);
    /* an XUI that is not an identity matches nobody */
    assert_int_equal(utsec_id_xcap_authorize(bob, 1, S("/x/a/users/sip:/index"), S("/x"), S("GET")), UTSEC_ERR_FORBIDDEN);
    /* bad inputs */
    assert_int_equal(utsec_id_xcap_authorize(bad, 1, doc, dl, S("/xcap-root"), S("GET")), UTSEC_ERR_BAD_URI);
    assert_int_equal(utsec_id_xcap_authorize(alice, 1, doc, dl, S("/xcap-root"), S("G T")), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_xcap_authorize(alice, 0, doc, dl, S("/xcap-root"), S("GET")), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_xcap_authorize(alice, 1, S("/xcap-root/pres-rules/users/sip:alice@example.com/../x"),
                                             S("/xcap-root"), S("GET")), UTSEC_ERR_BAD_URI);
}

/* ---------------- AS trust ---------------- */

static void test_as_trust(void **st)
{
    utsec_id_view_t ids[4];
    size_t n = 0;

    (void)st;
    assert_int_equal(utsec_id_as_asserted(0, S("\"sip:alice@example.com\""), ids, 4, &n), UTSEC_ERR_UNTRUSTED_PEER);
    assert_int_equal(utsec_id_as_asserted(0, NULL, 0, ids, 4, &n), UTSEC_ERR_UNTRUSTED_PEER);
    assert_int_equal(n, 0);
    assert_int_equal(utsec_id_as_asserted(1, NULL, 0, ids, 4, &n), UTSEC_ERR_NOT_FOUND);
    assert_int_equal(utsec_id_as_asserted(1, S("\"sip:alice@example.com\", \"tel:+1\""), ids, 4, &n), 0);
    assert_int_equal(n, 2);
    assert_view(ids[1], "tel:+1");
    assert_int_equal(utsec_id_as_asserted(1, S("\"sip:alice@example.com"), ids, 4, &n), UTSEC_ERR_PARSE);
}

/* ---------------- HTTP heads and the AP ---------------- */

#define UE_HEAD                                                                \
    "PUT /xcap-root/pres-rules/users/sip:alice@example.com/index HTTP/1.1\r\n" \
    "Host: xcap.example.com\r\n"                                               \
    "Authorization: Digest username=\"btid@bsf\", realm=\"r\"\r\n"             \
    "X-3GPP-Intended-Identity: \"sip:alice@example.com\"\r\n"                  \
    "x-3gpp-asserted-identity:  \"sip:boss@example.com\" \r\n"                 \
    "Content-Type: application/auth-policy+xml\r\n"                            \
    "\r\n"

static void test_http_scan(void **st)
{
    utsec_id_ue_headers_t h;

    (void)st;
    assert_int_equal(utsec_id_http_scan(S(UE_HEAD), &h), 0);
    assert_int_equal(h.present, UTSEC_ID_HDR_AUTHORIZATION | UTSEC_ID_HDR_ASSERTED | UTSEC_ID_HDR_INTENDED);
    assert_view(h.authorization, "Digest username=\"btid@bsf\", realm=\"r\"");
    assert_view(h.intended, "\"sip:alice@example.com\"");
    assert_view(h.asserted, "\"sip:boss@example.com\""); /* OWS trimmed */
    assert_int_equal(utsec_id_http_scan(S("GET / HTTP/1.1\r\nHost: a\r\n\r\n"), &h), 0);
    assert_int_equal(h.present, 0);
    /* repeated ordinary fields are fine */
    assert_int_equal(utsec_id_http_scan(S("GET / HTTP/1.1\r\nAccept: a\r\nAccept: b\r\n\r\n"), &h), 0);
}

static void test_http_scan_errors(void **st)
{
    static const struct {
        const char *in;
        int rc;
    } t[] = {
        {"GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},   /* obs-fold */
        {"GET / HTTP/1.1\r\nHost: a\r\n\tfolded\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},
        {"GET / HTTP/1.1\nHost: a\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},                /* bare LF */
        {"GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},           /* bare CR */
        {"GET / HTTP/1.1\r\nHost: a\r\n\n", UTSEC_ERR_BAD_HEADER_BLOCK},
        {"GET / HTTP/1.1\r\nHost : a\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},            /* space before colon */
        {"GET / HTTP/1.1\r\n: a\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},                 /* empty name */
        {"GET / HTTP/1.1\r\nHost a\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},              /* no colon */
        {"GET / HTTP/1.1\r\nHo(st: a\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},            /* not a token */
        {"GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},         /* control */
        {"GET / HTTP/1.1\r\nHost: a\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},                 /* no empty line */
        {"GET / HTTP/1.1\r\nHost: a\r\n\r\nbody", UTSEC_ERR_BAD_HEADER_BLOCK},         /* trailing octets */
        {"GET /  HTTP/1.1\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},                       /* request line */
        {"GET / HTTP/1.1 \r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},
        {"\r\nGET / HTTP/1.1\r\n\r\n", UTSEC_ERR_BAD_HEADER_BLOCK},
        {"GET / HTTP/1.1\r\nAuthorization: a\r\nauthorization: b\r\n\r\n", UTSEC_ERR_DUPLICATE_HEADER},
        {"GET / HTTP/1.1\r\nX-3GPP-Asserted-Identity: \"a@b\"\r\nX-3GPP-ASSERTED-IDENTITY: \"c@d\"\r\n\r\n", UTSEC_ERR_DUPLICATE_HEADER},
        {"GET / HTTP/1.1\r\nX-3GPP-Intended-Identity: \"a@b\"\r\nX-3GPP-Intended-Identity: \"a@b\"\r\n\r\n", UTSEC_ERR_DUPLICATE_HEADER},
    };
    static char big[UTSEC_ID_HTTP_MAX_BLOCK + 64];
    utsec_id_ue_headers_t h;
    size_t i, n;
    const char nul[] = "GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n";

    (void)st;
    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        if (utsec_id_http_scan(t[i].in, strlen(t[i].in), &h) != t[i].rc)
            fail_msg("case %zu", i);
    assert_int_equal(utsec_id_http_scan(nul, sizeof(nul) - 1, &h), UTSEC_ERR_BAD_HEADER_BLOCK);
    /* 100 fields pass, 101 do not */
    n = (size_t)sprintf(big, "GET / HTTP/1.1\r\n");
    for (i = 0; i < UTSEC_ID_HTTP_MAX_FIELDS; i++)
        n += (size_t)sprintf(big + n, "X-F%zu: v\r\n", i);
    memcpy(big + n, "\r\n", 2);
    assert_int_equal(utsec_id_http_scan(big, n + 2, &h), 0);
    n += (size_t)sprintf(big + n, "X-Last: v\r\n");
    memcpy(big + n, "\r\n", 2);
    assert_int_equal(utsec_id_http_scan(big, n + 2, &h), UTSEC_ERR_TOO_MANY);
    /* oversize */
    n = (size_t)sprintf(big, "GET / HTTP/1.1\r\nX: ");
    memset(big + n, 'a', UTSEC_ID_HTTP_MAX_BLOCK);
    memcpy(big + UTSEC_ID_HTTP_MAX_BLOCK - 3, "\r\n\r\n", 4);
    assert_int_equal(utsec_id_http_scan(big, UTSEC_ID_HTTP_MAX_BLOCK + 1, &h), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_id_http_scan(big, UTSEC_ID_HTTP_MAX_BLOCK, &h), UTSEC_ERR_BAD_HEADER_BLOCK);
    memcpy(big + UTSEC_ID_HTTP_MAX_BLOCK - 4, "\r\n\r\n", 4);
    assert_int_equal(utsec_id_http_scan(big, UTSEC_ID_HTTP_MAX_BLOCK, &h), 0);
    assert_int_equal(utsec_id_http_scan(NULL, 0, &h), UTSEC_ERR_INVALID_ARG);
}

static utsec_id_view_t allowed2[2] = {V("sip:alice@example.com"), V("tel:+1-201-555-0123")};

static void cfg_init(utsec_id_ap_config_t *c, utsec_id_ue_asserted_policy_t pol)
{
    memset(c, 0, sizeof(*c));
    c->allowed = allowed2;
    c->n_allowed = 2;
    c->verify_intended = 1;
    c->ue_asserted = pol;
}

static void test_ap_forged_asserted(void **st)
{
    utsec_id_ap_config_t cfg;
    utsec_id_ue_headers_t h;
    utsec_id_ap_decision_t d;
    char as[256], out[1024];
    size_t ol;
    const char expect[] =
        "PUT /xcap-root/pres-rules/users/sip:alice@example.com/index HTTP/1.1\r\n"
        "Host: xcap.example.com\r\n"
        "X-3GPP-Intended-Identity: \"sip:alice@example.com\"\r\n"
        "Content-Type: application/auth-policy+xml\r\n"
        "X-3GPP-Asserted-Identity: \"sip:alice@example.com\"\r\n"
        "\r\n";

    (void)st;
    assert_int_equal(utsec_id_http_scan(S(UE_HEAD), &h), 0);
    /* strict (TS 24.547 A.2.2.2): 403 */
    cfg_init(&cfg, UTSEC_ID_UE_ASSERTED_REJECT);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 0);
    assert_int_equal(d.status, 403);
    assert_int_equal(d.reason, UTSEC_ERR_ASSERTED_FROM_UE);
    assert_string_equal(as, "");
    /* lenient: strip the UE's header, forward ours */
    cfg_init(&cfg, UTSEC_ID_UE_ASSERTED_STRIP);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 1);
    assert_int_equal(d.status, 0);
    assert_int_equal(d.remove, UTSEC_ID_HDR_AUTHORIZATION | UTSEC_ID_HDR_ASSERTED);
    assert_string_equal(as, "\"sip:alice@example.com\"");
    assert_int_equal(d.asserted_len, strlen(as));
    assert_int_equal(utsec_id_http_rewrite(S(UE_HEAD), d.remove, as, d.asserted_len, out, sizeof(out), &ol), 0);
    assert_int_equal(ol, sizeof(expect) - 1);
    assert_memory_equal(out, expect, ol);
    /* even without the remove bit, an added asserted header replaces the UE's */
    assert_int_equal(utsec_id_http_rewrite(S(UE_HEAD), UTSEC_ID_HDR_AUTHORIZATION, as, d.asserted_len, out, sizeof(out), &ol), 0);
    assert_memory_equal(out, expect, ol);
    /* the rewritten head scans clean and carries only our identity */
    assert_int_equal(utsec_id_http_scan(out, ol, &h), 0);
    assert_int_equal(h.present, UTSEC_ID_HDR_ASSERTED | UTSEC_ID_HDR_INTENDED);
    assert_view(h.asserted, "\"sip:alice@example.com\"");
}

static void test_ap_intended(void **st)
{
    utsec_id_ap_config_t cfg;
    utsec_id_ue_headers_t h;
    utsec_id_ap_decision_t d;
    char as[256];

    (void)st;
    cfg_init(&cfg, UTSEC_ID_UE_ASSERTED_REJECT);
    memset(&h, 0, sizeof(h));
    /* no intended identity: all of the user's identities */
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 1);
    assert_string_equal(as, "\"sip:alice@example.com\", \"tel:+1-201-555-0123\"");
    assert_int_equal(d.remove, UTSEC_ID_HDR_AUTHORIZATION);
    /* owned, in an equivalent spelling: the network's spelling is asserted */
    h.present = UTSEC_ID_HDR_INTENDED;
    h.intended.ptr = "\"tel:+1.201.555.0123\"";
    h.intended.len = strlen(h.intended.ptr);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 1);
    assert_string_equal(as, "\"tel:+1-201-555-0123\"");
    h.intended.ptr = "sip:%61lice@EXAMPLE.com";
    h.intended.len = strlen(h.intended.ptr);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 1);
    assert_string_equal(as, "\"sip:alice@example.com\"");
    /* not owned: 403 */
    h.intended.ptr = "\"sip:bob@example.com\"";
    h.intended.len = strlen(h.intended.ptr);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 0);
    assert_int_equal(d.status, 403);
    assert_int_equal(d.reason, UTSEC_ERR_FORBIDDEN);
    /* user part is case-sensitive */
    h.intended.ptr = "\"sip:Alice@example.com\"";
    h.intended.len = strlen(h.intended.ptr);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.status, 403);
    /* not verifying: the UE's claim is not asserted, the USS list is */
    cfg.verify_intended = 0;
    h.intended.ptr = "\"sip:bob@example.com\"";
    h.intended.len = strlen(h.intended.ptr);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 1);
    assert_string_equal(as, "\"sip:alice@example.com\", \"tel:+1-201-555-0123\"");
    /* malformed intended: 400 */
    cfg.verify_intended = 1;
    h.intended.ptr = "\"sip:alice@example.com";
    h.intended.len = strlen(h.intended.ptr);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 0);
    assert_int_equal(d.status, 400);
    assert_int_equal(d.reason, UTSEC_ERR_PARSE);
    h.intended.ptr = "\"sip:a@x.com\", \"sip:b@x.com\"";
    h.intended.len = strlen(h.intended.ptr);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.status, 400);
    assert_int_equal(d.reason, UTSEC_ERR_TOO_MANY);
}

static void test_ap_errors(void **st)
{
    utsec_id_view_t badlist[1] = {V("sip:@x.com")};
    utsec_id_ap_config_t cfg;
    utsec_id_ue_headers_t h;
    utsec_id_ap_decision_t d;
    char as[256];

    (void)st;
    memset(&h, 0, sizeof(h));
    cfg_init(&cfg, UTSEC_ID_UE_ASSERTED_REJECT);
    cfg.n_allowed = 0;
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), 0);
    assert_int_equal(d.accept, 0);
    assert_int_equal(d.status, 403);
    cfg_init(&cfg, UTSEC_ID_UE_ASSERTED_REJECT);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, 10), UTSEC_ERR_BUFFER_TOO_SMALL);
    cfg.allowed = badlist;
    cfg.n_allowed = 1;
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), UTSEC_ERR_BAD_URI);
    cfg_init(&cfg, (utsec_id_ue_asserted_policy_t)7);
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), UTSEC_ERR_INVALID_ARG);
    cfg_init(&cfg, UTSEC_ID_UE_ASSERTED_REJECT);
    cfg.n_allowed = UTSEC_ID_MAX_ITEMS + 1;
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), UTSEC_ERR_TOO_MANY);
    assert_int_equal(utsec_id_ap_decide(NULL, &h, &d, as, sizeof(as)), UTSEC_ERR_INVALID_ARG);
}

static void test_http_rewrite_errors(void **st)
{
    char out[1024];
    size_t ol = 12345;

    (void)st;
    assert_int_equal(utsec_id_http_rewrite(S(UE_HEAD), 0, S("\"sip:a@x.com"), out, sizeof(out), &ol), UTSEC_ERR_PARSE);
    assert_int_equal(utsec_id_http_rewrite(S(UE_HEAD), 0, S("\"sip:a@x.com\""), out, 100, &ol), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(utsec_id_http_rewrite(S("GET / HTTP/1.1\r\n x\r\n\r\n"), 0, NULL, 0, out, sizeof(out), &ol), UTSEC_ERR_BAD_HEADER_BLOCK);
    assert_int_equal(ol, 12345);
    /* the result must stay within the scan limits: 100 fields + 1 added */
    {
        static char head[UTSEC_ID_HTTP_MAX_BLOCK + 64], big[UTSEC_ID_HTTP_MAX_BLOCK + 256];
        utsec_id_ue_headers_t h;
        size_t i, n = (size_t)sprintf(head, "GET / HTTP/1.1\r\n");
        for (i = 0; i < UTSEC_ID_HTTP_MAX_FIELDS; i++)
            n += (size_t)sprintf(head + n, "X-F%zu: v\r\n", i);
        memcpy(head + n, "\r\n", 2);
        assert_int_equal(utsec_id_http_scan(head, n + 2, &h), 0);
        assert_int_equal(utsec_id_http_rewrite(head, n + 2, 0, S("\"sip:a@x.com\""), big, sizeof(big), &ol), UTSEC_ERR_TOO_MANY);
        assert_int_equal(utsec_id_http_rewrite(head, n + 2, 0, NULL, 0, big, sizeof(big), &ol), 0);
        /* a head at the size limit cannot grow */
        n = (size_t)sprintf(head, "GET / HTTP/1.1\r\nX: ");
        memset(head + n, 'a', UTSEC_ID_HTTP_MAX_BLOCK - n);
        memcpy(head + UTSEC_ID_HTTP_MAX_BLOCK - 4, "\r\n\r\n", 4);
        assert_int_equal(utsec_id_http_scan(head, UTSEC_ID_HTTP_MAX_BLOCK, &h), 0);
        assert_int_equal(utsec_id_http_rewrite(head, UTSEC_ID_HTTP_MAX_BLOCK, 0, S("\"sip:a@x.com\""), big, sizeof(big), &ol), UTSEC_ERR_TOO_LONG);
    }
    /* no change requested: identical copy */
    assert_int_equal(utsec_id_http_rewrite(S(UE_HEAD), 0, NULL, 0, out, sizeof(out), &ol), 0);
    assert_int_equal(ol, sizeof(UE_HEAD) - 1);
    assert_memory_equal(out, UE_HEAD, ol);
    /* remove all three security fields */
    assert_int_equal(utsec_id_http_rewrite(S(UE_HEAD), UTSEC_ID_HDR_AUTHORIZATION | UTSEC_ID_HDR_ASSERTED | UTSEC_ID_HDR_INTENDED,
                                           NULL, 0, out, sizeof(out), &ol), 0);
    assert_int_equal(ol, strlen("PUT /xcap-root/pres-rules/users/sip:alice@example.com/index HTTP/1.1\r\n"
                                "Host: xcap.example.com\r\nContent-Type: application/auth-policy+xml\r\n\r\n"));
}

/* ---------------- policy evaluator (no XML) ---------------- */

static void test_policy_evaluate(void **st)
{
    utsec_id_ident_t idents[] = {
        {UTSEC_ID_IDENT_ONE, V("sip:bob@example.com")},             /* 0: rule 0 */
        {UTSEC_ID_IDENT_MANY, V("example.com")},                    /* 1: rule 1 */
        {UTSEC_ID_IDENT_EXCEPT_ID, V("sip:mallory@example.com")},   /* 2 */
        {UTSEC_ID_IDENT_MANY, {"", 0}},                              /* 3: rule 2 */
        {UTSEC_ID_IDENT_EXCEPT_DOMAIN, V("spam.example")},          /* 4 */
    };
    utsec_id_validity_t val[] = {{1767225600, 1798761600}}; /* 2026-01-01 .. 2027-01-01 */
    /* fields: id, ident first/count, validity first/count, sphere,
     * conditions, sub-handling */
    utsec_id_rule_t rules[] = {
        {V("r0"), 0, 1, 0, 0, {NULL, 0}, UTSEC_ID_COND_IDENTITY, UTSEC_ID_SUB_ALLOW},
        {V("r1"), 1, 2, 0, 0, {NULL, 0}, UTSEC_ID_COND_IDENTITY, UTSEC_ID_SUB_CONFIRM},
        {V("r2"), 3, 2, 0, 1, V("work  meeting"),
         UTSEC_ID_COND_IDENTITY | UTSEC_ID_COND_SPHERE | UTSEC_ID_COND_VALIDITY,
         UTSEC_ID_SUB_POLITE_BLOCK},
        {V("r3"), 0, 0, 0, 0, {NULL, 0}, UTSEC_ID_COND_ANONYMOUS, UTSEC_ID_SUB_CONFIRM},
        {V("r4"), 0, 0, 0, 0, {NULL, 0}, UTSEC_ID_COND_UNKNOWN, UTSEC_ID_SUB_ALLOW},
        {V("r5"), 0, 0, 0, 0, {NULL, 0}, UTSEC_ID_COND_IDENTITY, UTSEC_ID_SUB_ALLOW}, /* empty identity */
        {V("r6"), 0, 0, 0, 0, {NULL, 0}, 0, UTSEC_ID_SUB_NONE}, /* matches all, no action */
        {V("r7"), 0, 0, 0, 0, {NULL, 0}, UTSEC_ID_COND_OTHER_IDENTITY, UTSEC_ID_SUB_POLITE_BLOCK},
    };
    static const struct {
        int anonymous;
        const char *who, *sphere;
        int64_t now;
        utsec_id_sub_handling_t want;
    } t[] = {
        {0, "sip:bob@example.com", "", 0, UTSEC_ID_SUB_ALLOW},
        {0, "sip:bob@EXAMPLE.com;transport=tcp", "", 0, UTSEC_ID_SUB_CONFIRM}, /* transport: not r0 */
        {0, "sip:carol@Example.Com", "", 0, UTSEC_ID_SUB_CONFIRM},
        {0, "sip:mallory@example.com", "", 0, UTSEC_ID_SUB_BLOCK},
        {0, "sip:mallory@example.com", "work", 1780000000, UTSEC_ID_SUB_POLITE_BLOCK},
        {0, "sip:mallory@example.com", "meeting", 1780000000, UTSEC_ID_SUB_POLITE_BLOCK},
        {0, "sip:mallory@example.com", "Work", 1780000000, UTSEC_ID_SUB_BLOCK},
        {0, "sip:mallory@example.com", "work", 1798761600, UTSEC_ID_SUB_BLOCK}, /* until is exclusive */
        {0, "sip:mallory@example.com", "work", 1767225600, UTSEC_ID_SUB_POLITE_BLOCK},
        /* only excepted everywhere: named by no identity condition -> r7 */
        {0, "sip:x@spam.example", "work", 1780000000, UTSEC_ID_SUB_POLITE_BLOCK},
        {0, "tel:+12015550123", "work", 1780000000, UTSEC_ID_SUB_POLITE_BLOCK},
        {0, "tel:+12015550123", "", 1780000000, UTSEC_ID_SUB_BLOCK}, /* named by r2's many */
        {1, NULL, "", 0, UTSEC_ID_SUB_CONFIRM},
        {1, NULL, "work", 1780000000, UTSEC_ID_SUB_CONFIRM}, /* anonymous never matches identity */
    };
    utsec_id_policy_t p;
    utsec_id_watcher_t w;
    utsec_id_sub_handling_t out;
    size_t i;

    (void)st;
    memset(&p, 0, sizeof(p));
    p.rules = rules;
    p.n_rules = p.max_rules = sizeof(rules) / sizeof(rules[0]);
    p.idents = idents;
    p.n_idents = p.max_idents = sizeof(idents) / sizeof(idents[0]);
    p.validity = val;
    p.n_validity = p.max_validity = 1;
    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        memset(&w, 0, sizeof(w));
        w.anonymous = t[i].anonymous;
        if (t[i].who) {
            w.identity.ptr = t[i].who;
            w.identity.len = strlen(t[i].who);
        }
        w.sphere.ptr = t[i].sphere;
        w.sphere.len = strlen(t[i].sphere);
        w.now = t[i].now;
        assert_int_equal(utsec_id_policy_evaluate(&p, &w, &out), 0);
        if (out != t[i].want)
            fail_msg("case %zu: got %s want %s", i, utsec_id_sub_handling_name(out),
                     utsec_id_sub_handling_name(t[i].want));
    }
    /* no rules at all: block */
    p.n_rules = 0;
    memset(&w, 0, sizeof(w));
    w.identity.ptr = "sip:bob@example.com";
    w.identity.len = strlen(w.identity.ptr);
    assert_int_equal(utsec_id_policy_evaluate(&p, &w, &out), 0);
    assert_int_equal(out, UTSEC_ID_SUB_BLOCK);
    /* errors */
    p.n_rules = p.max_rules;
    w.identity.ptr = "sip:@x";
    w.identity.len = strlen(w.identity.ptr);
    assert_int_equal(utsec_id_policy_evaluate(&p, &w, &out), UTSEC_ERR_BAD_URI);
    w.identity.ptr = "sip:bob@example.com";
    w.identity.len = strlen(w.identity.ptr);
    rules[1].ident_count = 10; /* beyond n_idents */
    assert_int_equal(utsec_id_policy_evaluate(&p, &w, &out), UTSEC_ERR_INVALID_ARG);
    rules[1].ident_count = 2;
    rules[1].ident_first = 2; /* starts with an except */
    rules[1].ident_count = 1;
    assert_int_equal(utsec_id_policy_evaluate(&p, &w, &out), UTSEC_ERR_INVALID_ARG);
    rules[1].ident_first = 1;
    rules[1].ident_count = 2;
    rules[0].sub_handling = (utsec_id_sub_handling_t)9;
    assert_int_equal(utsec_id_policy_evaluate(&p, &w, &out), UTSEC_ERR_INVALID_ARG);
    rules[0].sub_handling = UTSEC_ID_SUB_ALLOW;
    p.n_rules = p.max_rules + 1;
    assert_int_equal(utsec_id_policy_evaluate(&p, &w, &out), UTSEC_ERR_INVALID_ARG);
    assert_string_equal(utsec_id_sub_handling_name(UTSEC_ID_SUB_NONE), "none");
    assert_string_equal(utsec_id_sub_handling_name(UTSEC_ID_SUB_POLITE_BLOCK), "polite-block");
}

static void test_more_limits(void **st)
{
    static char big[UTSEC_ID_MAX_HEADER + 64];
    utsec_id_view_t ids[UTSEC_ID_MAX_ITEMS], nullid[1] = {{NULL, 3}};
    utsec_id_tel_uri_t t;
    utsec_id_xcap_uri_t u;
    utsec_id_ap_config_t cfg;
    utsec_id_ue_headers_t h;
    utsec_id_ap_decision_t d;
    char xui[16], as[64];
    size_t i, n, xl;

    (void)st;
    /* TEL: length and parameter count */
    memcpy(big, "tel:+", 5);
    memset(big + 5, '1', UTSEC_ID_MAX_IDENTITY);
    assert_int_equal(utsec_id_tel_uri_parse(big, UTSEC_ID_MAX_IDENTITY + 5, &t), UTSEC_ERR_TOO_LONG);
    n = (size_t)sprintf(big, "tel:+1");
    for (i = 0; i < UTSEC_ID_MAX_URI_PARAMS; i++)
        n += (size_t)sprintf(big + n, ";p%zu", i);
    assert_int_equal(utsec_id_tel_uri_parse(big, n, &t), 0);
    n += (size_t)sprintf(big + n, ";q");
    assert_int_equal(utsec_id_tel_uri_parse(big, n, &t), UTSEC_ERR_TOO_MANY);
    assert_int_equal(utsec_id_tel_uri_parse(NULL, 0, &t), UTSEC_ERR_INVALID_ARG);
    /* XCAP: path length */
    memset(big, 'a', UTSEC_ID_MAX_HEADER + 1);
    big[0] = '/';
    assert_int_equal(utsec_id_xcap_parse(big, UTSEC_ID_MAX_HEADER + 1, NULL, 0, &u, xui, sizeof(xui), &xl), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_id_xcap_parse(S("/a/users/b/c"), NULL, 1, &u, xui, sizeof(xui), &xl), UTSEC_ERR_INVALID_ARG);
    /* XCAP authorize: an XUI longer than any identity */
    n = (size_t)sprintf(big, "/a/users/sip:");
    memset(big + n, 'b', UTSEC_ID_MAX_IDENTITY);
    n += UTSEC_ID_MAX_IDENTITY;
    n += (size_t)sprintf(big + n, "/doc");
    ids[0].ptr = "sip:b@x.com";
    ids[0].len = 11;
    assert_int_equal(utsec_id_xcap_authorize(ids, 1, big, n, NULL, 0, S("GET")), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_id_xcap_authorize(nullid, 1, S("/a/users/b/c"), NULL, 0, S("GET")), UTSEC_ERR_INVALID_ARG);
    /* format: total over the header limit (32 identities of 300 octets) */
    memset(big, 'a', 300);
    memcpy(big + 290, "@x.com", 6);
    for (i = 0; i < UTSEC_ID_MAX_ITEMS; i++) {
        ids[i].ptr = big;
        ids[i].len = 296;
    }
    assert_int_equal(utsec_id_header_format(ids, UTSEC_ID_MAX_ITEMS, big + 400, 100, &n), UTSEC_ERR_TOO_LONG);
    assert_int_equal(utsec_id_header_format(nullid, 1, as, sizeof(as), &n), UTSEC_ERR_INVALID_ARG);
    /* AP: a NULL allowed entry with a length */
    memset(&cfg, 0, sizeof(cfg));
    memset(&h, 0, sizeof(h));
    cfg.allowed = nullid;
    cfg.n_allowed = 1;
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), UTSEC_ERR_INVALID_ARG);
    h.present = UTSEC_ID_HDR_INTENDED;
    h.intended.ptr = NULL;
    h.intended.len = 4;
    cfg.allowed = allowed2;
    assert_int_equal(utsec_id_ap_decide(&cfg, &h, &d, as, sizeof(as)), UTSEC_ERR_INVALID_ARG);
    /* AS */
    assert_int_equal(utsec_id_as_asserted(1, S("a@b.c"), NULL, 4, &n), UTSEC_ERR_INVALID_ARG);
    /* comparisons with NULL */
    assert_int_equal(utsec_id_uri_equal(NULL, 2, S("a@b.c")), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_http_scan(S("GET / HTTP/1.1\r\n\r\n"), NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_http_rewrite(S("GET / HTTP/1.1\r\n\r\n"), 0, NULL, 0, as, sizeof(as), NULL), UTSEC_ERR_INVALID_ARG);
}

static void test_strerror(void **st)
{
    (void)st;
    assert_string_equal(utsec_strerror(UTSEC_ERR_ASSERTED_FROM_UE), "X-3GPP-Asserted-Identity sent by the UE");
    assert_string_equal(utsec_strerror(UTSEC_ERR_DUPLICATE_HEADER), "duplicate security header field");
    assert_string_equal(utsec_strerror(UTSEC_ERR_TOO_DEEP), "XML nesting too deep");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_single_quoted),
        cmocka_unit_test(test_header_list_whitespace),
        cmocka_unit_test(test_header_angle_brackets),
        cmocka_unit_test(test_header_comma_in_user),
        cmocka_unit_test(test_header_errors),
        cmocka_unit_test(test_header_huge_lists),
        cmocka_unit_test(test_intended),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_sip_parse_rfc3261_examples),
        cmocka_unit_test(test_sip_parse_errors),
        cmocka_unit_test(test_sip_equal_rfc3261),
        cmocka_unit_test(test_tel_parse),
        cmocka_unit_test(test_tel_equal_rfc3966),
        cmocka_unit_test(test_uri_equal_dispatch),
        cmocka_unit_test(test_xcap_parse),
        cmocka_unit_test(test_xcap_errors),
        cmocka_unit_test(test_xcap_authorize),
        cmocka_unit_test(test_as_trust),
        cmocka_unit_test(test_http_scan),
        cmocka_unit_test(test_http_scan_errors),
        cmocka_unit_test(test_ap_forged_asserted),
        cmocka_unit_test(test_ap_intended),
        cmocka_unit_test(test_ap_errors),
        cmocka_unit_test(test_http_rewrite_errors),
        cmocka_unit_test(test_policy_evaluate),
        cmocka_unit_test(test_more_limits),
        cmocka_unit_test(test_strerror),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
