/*
 * pres-rules XML loader (RFC 5025 / RFC 4745 via libexpat): each condition
 * and action, the evaluation of a loaded document, and every limit and
 * refusal (DTD, entities, depth, size, heap budget, storage).
 * Built only with WITH_EXPAT=1.
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

#define HEAD                                                               \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                         \
    "<cr:ruleset xmlns:cr=\"urn:ietf:params:xml:ns:common-policy\"\n"      \
    "  xmlns:pr=\"urn:ietf:params:xml:ns:pres-rules\"\n"                   \
    "  xmlns:ocp=\"urn:oma:xml:xdm:common-policy\">\n"
#define TAIL "</cr:ruleset>\n"
#define ACT(x) "<cr:actions><pr:sub-handling>" x "</pr:sub-handling></cr:actions>"

static const char doc1[] = HEAD
    "<cr:rule id=\"friends\"><cr:conditions><cr:identity>"
    "<cr:one id=\"sip:bob@example.com\"/><cr:one id=\"tel:+1-201-555-0123\"/>"
    "</cr:identity></cr:conditions>" ACT("allow") "</cr:rule>\n"
    "<cr:rule id=\"colleagues\"><cr:conditions><cr:identity>"
    "<cr:many domain=\"example.com\"><cr:except id=\"sip:mallory@example.com\"/></cr:many>"
    "</cr:identity></cr:conditions>" ACT(" confirm\n") "</cr:rule>\n"
    "<cr:rule id=\"spam\"><cr:conditions><cr:identity><cr:many domain=\"spam.example\"/>"
    "</cr:identity></cr:conditions>" ACT("block") "</cr:rule>\n"
    "<cr:rule id=\"work\"><cr:conditions>"
    "<cr:identity><cr:many><cr:except domain=\"spam.example\"/></cr:many></cr:identity>"
    "<cr:sphere value=\"work meeting\"/>"
    "<cr:validity><cr:from>2026-01-01T00:00:00Z</cr:from><cr:until>2027-01-01T00:00:00.000+00:00</cr:until>"
    "<cr:from>2030-01-01T00:00:00+01:00</cr:from><cr:until>2030-02-01T00:00:00Z</cr:until></cr:validity>"
    "</cr:conditions>" ACT("polite-block") "</cr:rule>\n"
    "<cr:rule id=\"anon\"><cr:conditions><ocp:anonymous-request/></cr:conditions>"
    ACT("polite-block") "</cr:rule>\n"
    "<cr:rule id=\"unknown\"><cr:conditions><ocp:external-list><ocp:entry anc=\"x\"/></ocp:external-list>"
    "</cr:conditions>" ACT("allow")
    "<cr:transformations><pr:provide-services><pr:all-services/></pr:provide-services></cr:transformations>"
    "</cr:rule>\n"
    "<cr:rule id=\"no-action\"><cr:actions><pr:provide-all-attributes/></cr:actions></cr:rule>\n"
    TAIL;

static utsec_id_rule_t rules[16];
static utsec_id_ident_t idents[32];
static utsec_id_validity_t validity[8];
static char text[2048];

static void storage(utsec_id_policy_t *p)
{
    memset(p, 0, sizeof(*p));
    p->rules = rules;
    p->max_rules = 16;
    p->idents = idents;
    p->max_idents = 32;
    p->validity = validity;
    p->max_validity = 8;
    p->text = text;
    p->text_size = sizeof(text);
}

static utsec_id_sub_handling_t eval(const utsec_id_policy_t *p, const char *who,
                                    const char *sphere, int64_t now)
{
    utsec_id_watcher_t w;
    utsec_id_sub_handling_t out = UTSEC_ID_SUB_NONE;

    memset(&w, 0, sizeof(w));
    w.anonymous = who == NULL;
    if (who != NULL) {
        w.identity.ptr = who;
        w.identity.len = strlen(who);
    }
    w.sphere.ptr = sphere;
    w.sphere.len = strlen(sphere);
    w.now = now;
    assert_int_equal(utsec_id_policy_evaluate(p, &w, &out), 0);
    return out;
}

static void test_load_structure(void **st)
{
    utsec_id_policy_t p;
    size_t peak = 0;

    (void)st;
    storage(&p);
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, &peak), 0);
    assert_true(peak > 0 && peak <= 262144);
    assert_int_equal(p.n_rules, 7);
    assert_int_equal(p.n_idents, 7);
    assert_int_equal(p.n_validity, 2);
    assert_int_equal(p.rules[0].id.len, 7);
    assert_memory_equal(p.rules[0].id.ptr, "friends", 7);
    assert_int_equal(p.rules[0].conditions, UTSEC_ID_COND_IDENTITY);
    assert_int_equal(p.rules[0].ident_first, 0);
    assert_int_equal(p.rules[0].ident_count, 2);
    assert_int_equal(p.rules[0].sub_handling, UTSEC_ID_SUB_ALLOW);
    assert_int_equal(p.idents[1].kind, UTSEC_ID_IDENT_ONE);
    assert_memory_equal(p.idents[1].value.ptr, "tel:+1-201-555-0123", 19);
    assert_int_equal(p.rules[1].sub_handling, UTSEC_ID_SUB_CONFIRM); /* trimmed */
    assert_int_equal(p.idents[2].kind, UTSEC_ID_IDENT_MANY);
    assert_int_equal(p.idents[3].kind, UTSEC_ID_IDENT_EXCEPT_ID);
    assert_int_equal(p.rules[2].sub_handling, UTSEC_ID_SUB_BLOCK);
    assert_int_equal(p.rules[3].conditions,
                     UTSEC_ID_COND_IDENTITY | UTSEC_ID_COND_SPHERE | UTSEC_ID_COND_VALIDITY);
    assert_int_equal(p.idents[5].kind, UTSEC_ID_IDENT_MANY);
    assert_int_equal(p.idents[5].value.len, 0);
    assert_int_equal(p.idents[6].kind, UTSEC_ID_IDENT_EXCEPT_DOMAIN);
    assert_int_equal(p.rules[3].validity_count, 2);
    assert_int_equal(p.validity[0].from, 1767225600);  /* date -u -d 2026-01-01 +%s */
    assert_int_equal(p.validity[0].until, 1798761600); /* 2027-01-01 */
    assert_int_equal(p.validity[1].from, 1893452400);  /* 2030-01-01T00:00:00+01:00 */
    assert_int_equal(p.validity[1].until, 1896134400); /* 2030-02-01 */
    assert_int_equal(p.rules[4].conditions, UTSEC_ID_COND_ANONYMOUS);
    assert_int_equal(p.rules[5].conditions, UTSEC_ID_COND_UNKNOWN);
    assert_int_equal(p.rules[6].conditions, 0);
    assert_int_equal(p.rules[6].sub_handling, UTSEC_ID_SUB_NONE);
}

static void test_load_evaluate(void **st)
{
    utsec_id_policy_t p;

    (void)st;
    storage(&p);
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, NULL), 0);
    assert_int_equal(eval(&p, "sip:bob@example.com", "", 0), UTSEC_ID_SUB_ALLOW);
    assert_int_equal(eval(&p, "sip:BOB@example.com", "", 0), UTSEC_ID_SUB_CONFIRM);
    assert_int_equal(eval(&p, "tel:+12015550123", "", 0), UTSEC_ID_SUB_ALLOW);
    assert_int_equal(eval(&p, "sip:carol@EXAMPLE.com", "", 0), UTSEC_ID_SUB_CONFIRM);
    assert_int_equal(eval(&p, "sip:mallory@example.com", "", 0), UTSEC_ID_SUB_BLOCK);
    assert_int_equal(eval(&p, "sip:mallory@example.com", "work", 1780000000), UTSEC_ID_SUB_POLITE_BLOCK);
    assert_int_equal(eval(&p, "sip:mallory@example.com", "work", 1895000000), UTSEC_ID_SUB_POLITE_BLOCK);
    assert_int_equal(eval(&p, "sip:mallory@example.com", "work", 1850000000), UTSEC_ID_SUB_BLOCK);
    assert_int_equal(eval(&p, "sip:x@spam.example", "work", 1780000000), UTSEC_ID_SUB_BLOCK);
    assert_int_equal(eval(&p, "sip:z@other.org", "", 0), UTSEC_ID_SUB_BLOCK);
    assert_int_equal(eval(&p, NULL, "", 0), UTSEC_ID_SUB_POLITE_BLOCK);
}

static void test_load_refusals(void **st)
{
    static const struct {
        const char *doc;
        int rc;
    } t[] = {
        {"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
         "<cr:ruleset xmlns:cr=\"urn:ietf:params:xml:ns:common-policy\">&b;</cr:ruleset>",
         UTSEC_ERR_XML_DTD},
        {"<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>", UTSEC_ERR_XML_DTD},
        {"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
         "<r>&x;</r>", UTSEC_ERR_XML_DTD},
        {HEAD "&undefined;" TAIL, UTSEC_ERR_PARSE},
        {"<ruleset/>", UTSEC_ERR_PARSE},                                    /* no namespace */
        {"<cr:rule xmlns:cr=\"urn:ietf:params:xml:ns:common-policy\" id=\"a\"/>", UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\">" TAIL, UTSEC_ERR_PARSE},                   /* not well-formed */
        {HEAD "<cr:other/>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule>" ACT("allow") "</cr:rule>" TAIL, UTSEC_ERR_PARSE},  /* no id */
        {HEAD "<cr:rule id=\"a\">" ACT("allow-all") "</cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\">" ACT("Allow") "</cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:actions><pr:sub-handling>allow</pr:sub-handling>"
         "<pr:sub-handling>block</pr:sub-handling></cr:actions></cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:actions><pr:sub-handling><x/>allow</pr:sub-handling>"
         "</cr:actions></cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:actions><pr:sub-handling>allowallowallowallowallowallowallowallowallowallowallowallowallow"
         "</pr:sub-handling></cr:actions></cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:identity><cr:one id=\"sip:@x\"/></cr:identity>"
         "</cr:conditions></cr:rule>" TAIL, UTSEC_ERR_BAD_URI},
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:identity><cr:one/></cr:identity>"
         "</cr:conditions></cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:identity><cr:many domain=\"-x.com\"/></cr:identity>"
         "</cr:conditions></cr:rule>" TAIL, UTSEC_ERR_BAD_URI},
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:identity><cr:many><cr:except id=\"sip:a@x.com\" "
         "domain=\"x.com\"/></cr:many></cr:identity></cr:conditions></cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:identity/><cr:identity/></cr:conditions></cr:rule>" TAIL,
         UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:sphere/></cr:conditions></cr:rule>" TAIL, UTSEC_ERR_PARSE},
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:validity><cr:from>2026-01-01T00:00:00Z</cr:from>"
         "</cr:validity></cr:conditions></cr:rule>" TAIL, UTSEC_ERR_PARSE},          /* from without until */
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:validity><cr:until>2026-01-01T00:00:00Z</cr:until>"
         "</cr:validity></cr:conditions></cr:rule>" TAIL, UTSEC_ERR_PARSE},          /* until first */
        {HEAD "<cr:rule id=\"a\"><cr:conditions><cr:validity><cr:from>2026-01-01T00:00:00</cr:from>"
         "<cr:until>2027-01-01T00:00:00Z</cr:until></cr:validity></cr:conditions></cr:rule>" TAIL,
         UTSEC_ERR_BAD_TIME},                                                          /* no zone */
    };
    utsec_id_policy_t p;
    size_t i;

    (void)st;
    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        int rc;
        storage(&p);
        rc = utsec_id_pres_rules_load(t[i].doc, strlen(t[i].doc), NULL, &p, NULL);
        if (rc != t[i].rc)
            fail_msg("case %zu: got %d want %d", i, rc, t[i].rc);
        assert_int_equal(p.n_rules, 0); /* nothing half-loaded */
        assert_int_equal(p.n_idents, 0);
        assert_int_equal(p.text_used, 0);
    }
}

static void test_load_limits(void **st)
{
    static char deep[4096];
    utsec_id_policy_t p;
    utsec_id_xml_limits_t lim;
    size_t n, i, peak;

    (void)st;
    /* depth: ruleset/rule/transformations + nesting */
    n = (size_t)sprintf(deep, HEAD "<cr:rule id=\"a\"><cr:transformations>");
    for (i = 0; i < 20; i++)
        n += (size_t)sprintf(deep + n, "<x:a xmlns:x=\"u\">");
    for (i = 0; i < 20; i++)
        n += (size_t)sprintf(deep + n, "</x:a>");
    n += (size_t)sprintf(deep + n, "</cr:transformations></cr:rule>" TAIL);
    storage(&p);
    assert_int_equal(utsec_id_pres_rules_load(deep, n, NULL, &p, NULL), UTSEC_ERR_TOO_DEEP);
    memset(&lim, 0, sizeof(lim));
    lim.max_depth = 23;
    assert_int_equal(utsec_id_pres_rules_load(deep, n, &lim, &p, NULL), 0);
    lim.max_depth = 22;
    assert_int_equal(utsec_id_pres_rules_load(deep, n, &lim, &p, NULL), UTSEC_ERR_TOO_DEEP);
    /* document size */
    memset(&lim, 0, sizeof(lim));
    lim.max_doc = sizeof(doc1) - 2;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), &lim, &p, NULL), UTSEC_ERR_TOO_LONG);
    lim.max_doc = sizeof(doc1) - 1;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), &lim, &p, NULL), 0);
    /* heap budget */
    memset(&lim, 0, sizeof(lim));
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, &peak), 0);
    lim.max_heap = peak;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), &lim, &p, &n), 0);
    assert_int_equal(n, peak);
    lim.max_heap = peak / 2;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), &lim, &p, &n), UTSEC_ERR_XML_MEMORY);
    assert_true(n <= peak / 2);
    assert_int_equal(p.n_rules, 0);
    lim.max_heap = 64;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), &lim, &p, NULL), UTSEC_ERR_XML_MEMORY);
    /* storage */
    storage(&p);
    p.max_rules = 6;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, NULL), UTSEC_ERR_TOO_MANY);
    storage(&p);
    p.max_idents = 6;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, NULL), UTSEC_ERR_TOO_MANY);
    storage(&p);
    p.max_validity = 1;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, NULL), UTSEC_ERR_TOO_MANY);
    storage(&p);
    p.text_size = 40;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, NULL), UTSEC_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(p.n_rules, 0);
    storage(&p);
    p.rules = NULL;
    assert_int_equal(utsec_id_pres_rules_load(S(doc1), NULL, &p, NULL), UTSEC_ERR_INVALID_ARG);
    assert_int_equal(utsec_id_pres_rules_load(NULL, 0, NULL, &p, NULL), UTSEC_ERR_INVALID_ARG);
}

static void test_load_other_identity(void **st)
{
    static const char doc[] = HEAD
        "<cr:rule id=\"known\"><cr:conditions><cr:identity><cr:one id=\"sip:bob@example.com\"/>"
        "</cr:identity></cr:conditions>" ACT("allow") "</cr:rule>"
        "<cr:rule id=\"blocked\"><cr:conditions><cr:identity><cr:one id=\"sip:eve@example.com\"/>"
        "</cr:identity><cr:sphere value=\"never\"/></cr:conditions>" ACT("block") "</cr:rule>"
        "<cr:rule id=\"others\"><cr:conditions><ocp:other-identity/></cr:conditions>"
        ACT("confirm") "</cr:rule>" TAIL;
    utsec_id_policy_t p;

    (void)st;
    storage(&p);
    assert_int_equal(utsec_id_pres_rules_load(S(doc), NULL, &p, NULL), 0);
    assert_int_equal(p.rules[2].conditions, UTSEC_ID_COND_OTHER_IDENTITY);
    assert_int_equal(eval(&p, "sip:bob@example.com", "", 0), UTSEC_ID_SUB_ALLOW);
    assert_int_equal(eval(&p, "sip:carol@example.com", "", 0), UTSEC_ID_SUB_CONFIRM);
    /* eve is named by a rule (even one whose sphere does not match) */
    assert_int_equal(eval(&p, "sip:eve@example.com", "", 0), UTSEC_ID_SUB_BLOCK);
    assert_int_equal(eval(&p, NULL, "", 0), UTSEC_ID_SUB_BLOCK);
}

static void test_load_empty_ruleset(void **st)
{
    utsec_id_policy_t p;

    (void)st;
    storage(&p);
    assert_int_equal(utsec_id_pres_rules_load(S(HEAD TAIL), NULL, &p, NULL), 0);
    assert_int_equal(p.n_rules, 0);
    assert_int_equal(eval(&p, "sip:bob@example.com", "", 0), UTSEC_ID_SUB_BLOCK);
    assert_int_equal(utsec_id_pres_rules_load(S(""), NULL, &p, NULL), UTSEC_ERR_PARSE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_structure),
        cmocka_unit_test(test_load_evaluate),
        cmocka_unit_test(test_load_refusals),
        cmocka_unit_test(test_load_limits),
        cmocka_unit_test(test_load_other_identity),
        cmocka_unit_test(test_load_empty_ruleset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
