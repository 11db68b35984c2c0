/*
 * BootstrappingInfo (TS 24.109 Annex C): produce, parse strictly.
 * The 218-octet document is the one FACTS §8.2 uses for rspauth (its MD5 is
 * 4bc30b2006772e792de8c8193799e744, computed independently).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "support/testutil.h"

#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "utsec/bootstrap.h"

static const char facts_doc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<BootstrappingInfo xmlns=\"uri:3gpp-gba\">\n"
    "<btid>I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org</btid>\n"
    "<lifetime>2026-01-01T00:00:00Z</lifetime>\n"
    "</BootstrappingInfo>";
static const char facts_btid[] =
    "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.mnc001.mcc001.pub.3gppnetwork.org";

static void format_facts_document(void **state)
{
    char doc[512];
    uint8_t md5[16];
    size_t n;
    (void)state;

    assert_int_equal(sizeof(facts_doc) - 1, 218);
    assert_int_equal(utsec_boot_info_format(facts_btid, strlen(facts_btid),
                                            INT64_C(1767225600), NULL, doc,
                                            sizeof(doc), &n), 0);
    assert_int_equal(n, 218);
    assert_string_equal(doc, facts_doc);
    assert_int_equal(utsec_hash(UTSEC_HASH_MD5, doc, n, md5), 0);
    assert_hex_equal(md5, 16, "4bc30b2006772e792de8c8193799e744");
    /* exact size: 219 with the NUL fits, 218 does not */
    assert_int_equal(utsec_boot_info_format(facts_btid, strlen(facts_btid),
                                            INT64_C(1767225600), NULL, doc, 219, &n), 0);
    assert_int_equal(utsec_boot_info_format(facts_btid, strlen(facts_btid),
                                            INT64_C(1767225600), NULL, doc, 218, &n),
                     UTSEC_ERR_BUFFER_TOO_SMALL);
}

static void parse_facts_document(void **state)
{
    utsec_boot_info_t bi;
    (void)state;

    assert_int_equal(utsec_boot_info_parse(facts_doc, strlen(facts_doc), &bi), 0);
    assert_string_equal(bi.btid, facts_btid);
    assert_int_equal(bi.btid_len, strlen(facts_btid));
    assert_int_equal(bi.lifetime, INT64_C(1767225600));
    assert_int_equal(bi.has_current_time, 0);
}

static void round_trip_with_current_time(void **state)
{
    char doc[512];
    int64_t now = INT64_C(1767200000);
    utsec_boot_info_t bi;
    size_t n;
    (void)state;

    assert_int_equal(utsec_boot_info_format("a&b<c>@bsf.example", 18,
                                            INT64_C(1767225600), &now, doc,
                                            sizeof(doc), &n), 0);
    assert_non_null(strstr(doc, "<btid>a&amp;b&lt;c&gt;@bsf.example</btid>"));
    assert_non_null(strstr(doc, "<Extension><currenttime>2025-12-31T16:53:20Z"
                                "</currenttime></Extension>"));
    assert_int_equal(utsec_boot_info_parse(doc, n, &bi), 0);
    assert_string_equal(bi.btid, "a&b<c>@bsf.example");
    assert_int_equal(bi.lifetime, INT64_C(1767225600));
    assert_int_equal(bi.has_current_time, 1);
    assert_int_equal(bi.current_time, now);
}

/* What a tolerant receiver must accept (Annex C: unknown elements and
 * attributes ignored), plus XML features of a well-formed document. */
static void parse_accepts(void **state)
{
    static const char *const ok[] = {
        /* no declaration, prefixed namespace, attributes, comments */
        "<gba:BootstrappingInfo xmlns:gba='uri:3gpp-gba' foo=\"bar\">"
        "<!-- c --><gba:btid>B@h</gba:btid><gba:lifetime> 2026-01-01T00:00:00Z "
        "</gba:lifetime></gba:BootstrappingInfo>",
        /* BOM, unknown elements in and out of the namespace, empty elements */
        "\xEF\xBB\xBF<?xml version='1.0'?>\n<BootstrappingInfo xmlns=\"uri:3gpp-gba\">"
        "<x:foo xmlns:x=\"urn:other\"><x:bar/></x:foo><unknown a='1'/>"
        "<btid>B@h</btid><lifetime>2026-01-01T00:00:00Z</lifetime>"
        "<Extension><something><deep>text</deep></something>"
        "<currenttime>2025-12-31T00:00:00Z</currenttime></Extension><later/>"
        "</BootstrappingInfo>\n<!-- trailing comment -->\n",
        /* character references and CDATA in the B-TID */
        "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>&#66;<![CDATA[@]]>&#x68;</btid>"
        "<lifetime>2026-01-01T00:00:00.5Z</lifetime></BootstrappingInfo>",
        /* encoding name is case-insensitive; standalone allowed */
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>"
        "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>B@h</btid>"
        "<lifetime>2026-01-01T00:00:00Z</lifetime></BootstrappingInfo>",
        /* comments inside character data; surrounding white space trimmed */
        "<BootstrappingInfo xmlns=\"uri:3gpp-gba\">&#32;<btid>B<!--x-->@h</btid>"
        "<lifetime><!-- c --> 2026-01-01T00:00:00Z <!-- d --></lifetime></BootstrappingInfo>",
    };
    utsec_boot_info_t bi;
    size_t i;
    (void)state;

    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        int rc = utsec_boot_info_parse(ok[i], strlen(ok[i]), &bi);
        if (rc != 0)
            fail_msg("document %zu rejected: %d", i, rc);
        assert_string_equal(bi.btid, "B@h");
        assert_int_equal(bi.lifetime, INT64_C(1767225600));
    }
    assert_int_equal(utsec_boot_info_parse(ok[1], strlen(ok[1]), &bi), 0);
    assert_int_equal(bi.has_current_time, 1);
    assert_int_equal(bi.current_time, INT64_C(1767139200));
}

#define ROOT "<BootstrappingInfo xmlns=\"uri:3gpp-gba\">"
#define BT "<btid>B@h</btid>"
#define LT "<lifetime>2026-01-01T00:00:00Z</lifetime>"
#define END "</BootstrappingInfo>"

static void parse_rejects(void **state)
{
    static const struct {
        const char *doc;
        int err;
    } bad[] = {
        {"", UTSEC_ERR_PARSE},
        {ROOT BT LT, UTSEC_ERR_PARSE},                            /* unclosed */
        {ROOT LT BT END, UTSEC_ERR_PARSE},                        /* order */
        {ROOT BT END, UTSEC_ERR_PARSE},                           /* no lifetime */
        {ROOT LT END, UTSEC_ERR_PARSE},                           /* no btid */
        {ROOT BT BT LT END, UTSEC_ERR_PARSE},                     /* repeated */
        {ROOT BT LT LT END, UTSEC_ERR_PARSE},
        {"<BootstrappingInfo>" BT LT END, UTSEC_ERR_PARSE},       /* no namespace */
        {"<BootstrappingInfo xmlns=\"uri:3gpp-gbb\">" BT LT END, UTSEC_ERR_PARSE},
        {"<g:BootstrappingInfo>" BT LT "</g:BootstrappingInfo>", UTSEC_ERR_PARSE},
        {"<Other xmlns=\"uri:3gpp-gba\">" BT LT "</Other>", UTSEC_ERR_PARSE},
        {ROOT BT LT "</Bootstrappinginfo>", UTSEC_ERR_PARSE},     /* mismatch */
        {ROOT "<btid>B@h</lifetime>" LT END, UTSEC_ERR_PARSE},
        {ROOT "<btid>B @h</btid>" LT END, UTSEC_ERR_PARSE},       /* space in B-TID */
        {ROOT "<btid></btid>" LT END, UTSEC_ERR_PARSE},           /* empty */
        {ROOT "<btid>B<x/>@h</btid>" LT END, UTSEC_ERR_PARSE},    /* markup inside */
        {ROOT "<btid>B&foo;@h</btid>" LT END, UTSEC_ERR_PARSE},   /* unknown entity */
        {ROOT "<btid>B&amp@h</btid>" LT END, UTSEC_ERR_PARSE},
        {ROOT "<btid>B&#0;@h</btid>" LT END, UTSEC_ERR_PARSE},
        {ROOT "<btid>B&#xD800;@h</btid>" LT END, UTSEC_ERR_PARSE},
        {ROOT "<btid>B&#x110000;@h</btid>" LT END, UTSEC_ERR_PARSE},
        {ROOT "<btid>B\x01@h</btid>" LT END, UTSEC_ERR_PARSE},
        {ROOT BT "<lifetime>2026-01-01T00:00:00+00:00</lifetime>" END, UTSEC_ERR_BAD_TIME},
        {ROOT BT "<lifetime>2026-01-01T00:00:00</lifetime>" END, UTSEC_ERR_BAD_TIME},
        {ROOT BT "<lifetime>tomorrow</lifetime>" END, UTSEC_ERR_BAD_TIME},
        {ROOT BT LT "<Extension><currenttime>2026-13-01T00:00:00Z</currenttime></Extension>" END,
         UTSEC_ERR_BAD_TIME},
        {ROOT "text" BT LT END, UTSEC_ERR_PARSE},                 /* mixed content */
        {ROOT "&#x120;" BT LT END, UTSEC_ERR_PARSE},              /* low octet is ' ' */
        {ROOT "&#x109;" BT LT END, UTSEC_ERR_PARSE},              /* low octet is TAB */
        {"<!-- c -->x" ROOT BT LT END, UTSEC_ERR_PARSE},          /* text before root */
        {"<!-- c --><![CDATA[ ]]>" ROOT BT LT END, UTSEC_ERR_PARSE},
        {ROOT BT "<lifetime>2026-01-01T00:00:00<!-- c --> Z</lifetime>" END,
         UTSEC_ERR_BAD_TIME},                                     /* space kept */
        {ROOT "<![CDATA[x]]>" BT LT END, UTSEC_ERR_PARSE},
        {"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" ROOT BT LT END,
         UTSEC_ERR_UNSUPPORTED},                                  /* XXE */
        {ROOT "<!DOCTYPE x>" BT LT END, UTSEC_ERR_UNSUPPORTED},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" ROOT BT LT END,
         UTSEC_ERR_UNSUPPORTED},
        {"<?xml version=\"1.1\"?>" ROOT BT LT END, UTSEC_ERR_PARSE},
        {"<?pi x?>" ROOT BT LT END, UTSEC_ERR_PARSE},
        {ROOT "<?pi x?>" BT LT END, UTSEC_ERR_PARSE},
        {ROOT BT LT END "<extra/>", UTSEC_ERR_PARSE},
        {ROOT BT LT END "junk", UTSEC_ERR_PARSE},
        {ROOT "<!-- a -- b -->" BT LT END, UTSEC_ERR_PARSE},
        {ROOT "<!-- open" BT LT END, UTSEC_ERR_PARSE},
        {"<BootstrappingInfo xmlns=\"uri:3gpp-gba\" a=b>" BT LT END, UTSEC_ERR_PARSE},
        {"<BootstrappingInfo xmlns=\"uri:3gpp-gba\"a='b'>" BT LT END, UTSEC_ERR_PARSE},
        {"<BootstrappingInfo xmlns=\"uri:3gpp-gba\" a='<'>" BT LT END, UTSEC_ERR_PARSE},
        {"<BootstrappingInfo xmlns=\"uri:3gpp-gba\" a='b>" BT LT END, UTSEC_ERR_PARSE},
        {ROOT "<x:y>1</x:y>" BT LT END, UTSEC_ERR_PARSE},         /* undeclared prefix */
        {ROOT "<a:b:c/>" BT LT END, UTSEC_ERR_PARSE},
        {ROOT "<1a/>" BT LT END, UTSEC_ERR_PARSE},
        {ROOT BT LT "<Extension/><Extension/>" END, UTSEC_ERR_PARSE},
    };
    utsec_boot_info_t bi, guard;
    size_t i;
    (void)state;

    memset(&bi, 0x5C, sizeof(bi));
    memcpy(&guard, &bi, sizeof(bi));
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        int rc = utsec_boot_info_parse(bad[i].doc, strlen(bad[i].doc), &bi);
        if (rc != bad[i].err)
            fail_msg("document %zu: got %d, expected %d: %s", i, rc, bad[i].err,
                     bad[i].doc);
        assert_memory_equal(&bi, &guard, sizeof(bi)); /* untouched */
    }
}

static void parse_limits(void **state)
{
    static char doc[2 * UTSEC_BOOT_INFO_MAX_DOC];
    utsec_boot_info_t bi;
    size_t n = 0, i;
    (void)state;

    /* depth: 16 levels accepted, 17 rejected */
    n = (size_t)sprintf(doc, ROOT BT LT);
    for (i = 0; i < UTSEC_BOOT_INFO_MAX_DEPTH - 1; i++)
        n += (size_t)sprintf(doc + n, "<d>");
    for (i = 0; i < UTSEC_BOOT_INFO_MAX_DEPTH - 1; i++)
        n += (size_t)sprintf(doc + n, "</d>");
    n += (size_t)sprintf(doc + n, END);
    assert_int_equal(utsec_boot_info_parse(doc, n, &bi), 0);
    n = (size_t)sprintf(doc, ROOT BT LT);
    for (i = 0; i < UTSEC_BOOT_INFO_MAX_DEPTH; i++)
        n += (size_t)sprintf(doc + n, "<d>");
    for (i = 0; i < UTSEC_BOOT_INFO_MAX_DEPTH; i++)
        n += (size_t)sprintf(doc + n, "</d>");
    n += (size_t)sprintf(doc + n, END);
    assert_int_equal(utsec_boot_info_parse(doc, n, &bi), UTSEC_ERR_TOO_MANY);
    /* size */
    n = (size_t)sprintf(doc, ROOT BT LT "<!--");
    memset(doc + n, 'x', UTSEC_BOOT_INFO_MAX_DOC);
    n = UTSEC_BOOT_INFO_MAX_DOC + 1;
    assert_int_equal(utsec_boot_info_parse(doc, n, &bi), UTSEC_ERR_TOO_LONG);
    /* B-TID of 255 accepted, 256 rejected */
    n = (size_t)sprintf(doc, ROOT "<btid>");
    memset(doc + n, 'b', 255);
    n += 255;
    n += (size_t)sprintf(doc + n, "</btid>" LT END);
    assert_int_equal(utsec_boot_info_parse(doc, n, &bi), 0);
    assert_int_equal(bi.btid_len, 255);
    n = (size_t)sprintf(doc, ROOT "<btid>");
    memset(doc + n, 'b', 256);
    n += 256;
    n += (size_t)sprintf(doc + n, "</btid>" LT END);
    assert_int_equal(utsec_boot_info_parse(doc, n, &bi), UTSEC_ERR_PARSE);
    /* too many namespace declarations in scope */
    n = (size_t)sprintf(doc, "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"");
    for (i = 0; i < 40; i++)
        n += (size_t)sprintf(doc + n, " xmlns:p%zu='u'", i);
    n += (size_t)sprintf(doc + n, ">" BT LT END);
    assert_int_equal(utsec_boot_info_parse(doc, n, &bi), UTSEC_ERR_TOO_MANY);
    /* the length bounds the read: a truncated prefix is malformed */
    assert_int_equal(utsec_boot_info_parse(facts_doc, 200, &bi), UTSEC_ERR_PARSE);
}

static void format_errors(void **state)
{
    char doc[512];
    int64_t bad_time = -1;
    static char long_btid[300];
    (void)state;

    assert_int_equal(utsec_boot_info_format("B@h", 3, -5, NULL, doc, sizeof(doc), NULL),
                     UTSEC_ERR_BAD_TIME);
    assert_int_equal(utsec_boot_info_format("B@h", 3, 0, &bad_time, doc, sizeof(doc), NULL),
                     UTSEC_ERR_BAD_TIME);
    assert_int_equal(utsec_boot_info_format("B h", 3, 0, NULL, doc, sizeof(doc), NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_info_format("", 0, 0, NULL, doc, sizeof(doc), NULL),
                     UTSEC_ERR_INVALID_ARG);
    memset(long_btid, 'b', sizeof(long_btid));
    assert_int_equal(utsec_boot_info_format(long_btid, 256, 0, NULL, doc, sizeof(doc), NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_info_format(long_btid, 255, 0, NULL, doc, sizeof(doc), NULL), 0);
    /* worst case: every octet escaped, with the Extension: fits the bound */
    {
        static char amp[255], big[UTSEC_BOOT_INFO_FORMAT_MAX];
        int64_t now = 0;
        size_t n;
        utsec_boot_info_t bi;
        memset(amp, '&', sizeof(amp));
        assert_int_equal(utsec_boot_info_format(amp, 255, INT64_C(253402300799), &now,
                                                big, sizeof(big), &n), 0);
        assert_true(n < sizeof(big));
        assert_int_equal(utsec_boot_info_parse(big, n, &bi), 0);
        assert_memory_equal(bi.btid, amp, 255);
        assert_int_equal(utsec_boot_info_format(amp, 255, 0, NULL, doc, sizeof(doc), NULL),
                         UTSEC_ERR_BUFFER_TOO_SMALL);
    }
    assert_int_equal(utsec_boot_info_format(NULL, 3, 0, NULL, doc, sizeof(doc), NULL),
                     UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_boot_info_parse(NULL, 3, NULL), UTSEC_ERR_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_facts_document),
        cmocka_unit_test(parse_facts_document),
        cmocka_unit_test(round_trip_with_current_time),
        cmocka_unit_test(parse_accepts),
        cmocka_unit_test(parse_rejects),
        cmocka_unit_test(parse_limits),
        cmocka_unit_test(format_errors),
    };
    return cmocka_run_group_tests_name("boot_info", tests, NULL, NULL);
}
