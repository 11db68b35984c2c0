/*
 * The example programs' hex and percent-encoding helpers
 * (examples/common/ex_text.c), including every refusal.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../examples/common/ex_text.h"

static void hex(void **state)
{
    uint8_t b[4];
    char out[9];

    (void)state;
    assert_int_equal(ex_hexval('0'), 0);
    assert_int_equal(ex_hexval('f'), 15);
    assert_int_equal(ex_hexval('F'), 15);
    assert_int_equal(ex_hexval('g'), -1);
    assert_int_equal(ex_hex_decode("00Ff7a", 6, b, sizeof(b)), 3);
    assert_memory_equal(b, "\x00\xff\x7a", 3);
    assert_int_equal(ex_hex_decode("", 0, b, sizeof(b)), -1);          /* empty */
    assert_int_equal(ex_hex_decode("abc", 3, b, sizeof(b)), -1);       /* odd */
    assert_int_equal(ex_hex_decode("0011223344", 10, b, 4), -1);       /* too long */
    assert_int_equal(ex_hex_decode("0g", 2, b, sizeof(b)), -1);        /* not hex */
    assert_int_equal(ex_hex_exact("deadbeef", b, 4), 0);
    assert_memory_equal(b, "\xde\xad\xbe\xef", 4);
    assert_int_equal(ex_hex_exact("deadbe", b, 4), -1);                /* short */
    assert_int_equal(ex_hex_exact("deadbeef00", b, 4), -1);            /* long */
    ex_hex_encode((const uint8_t *)"\x01\xab\xff\x00", 4, out);
    assert_string_equal(out, "01abff00");
}

static void percent(void **state)
{
    char out[64];

    (void)state;
    assert_int_equal(ex_pct_decode("a%2Bb%2fc+d", 11, out, sizeof(out)), 7);
    assert_string_equal(out, "a+b/c+d");                               /* '+' stays */
    assert_int_equal(ex_pct_decode("%4", 2, out, sizeof(out)), -1);    /* truncated */
    assert_int_equal(ex_pct_decode("%zz", 3, out, sizeof(out)), -1);   /* bad digits */
    assert_int_equal(ex_pct_decode("a%00b", 5, out, sizeof(out)), -1); /* encoded NUL */
    assert_int_equal(ex_pct_decode("abcd", 4, out, 4), -1);            /* no room for NUL */
    assert_int_equal(ex_pct_decode("abc", 3, out, 4), 3);

    assert_int_equal(ex_pct_encode("I1U8+NQ==@bsf.example.net", "", out, sizeof(out)), 0);
    assert_string_equal(out, "I1U8%2BNQ%3D%3D%40bsf.example.net");
    assert_int_equal(ex_pct_encode("sip:a@b;x=1", ":@;=", out, sizeof(out)), 0);
    assert_string_equal(out, "sip:a@b;x=1");
    assert_int_equal(ex_pct_encode("a b", "", out, sizeof(out)), 0);
    assert_string_equal(out, "a%20b");
    assert_int_equal(ex_pct_encode("abcd", "", out, 4), -1);           /* too small */
}

static void query(void **state)
{
    const char *v = NULL;
    size_t n = 0;

    (void)state;
    assert_int_equal(ex_query_param("btid=x%40y&naf_id=00ff", "naf_id", &v, &n), 0);
    assert_int_equal(n, 4);
    assert_memory_equal(v, "00ff", 4);
    assert_int_equal(ex_query_param("btid=x%40y&naf_id=00ff", "btid", &v, &n), 0);
    assert_int_equal(n, 5);
    assert_int_equal(ex_query_param("a=&b=1", "a", &v, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(ex_query_param("btid=1&btid=2", "btid", &v, &n), -1); /* repeated */
    assert_int_equal(ex_query_param("xbtid=1", "btid", &v, &n), -1);       /* other name */
    assert_int_equal(ex_query_param("btid", "btid", &v, &n), -1);          /* no '=' */
    assert_int_equal(ex_query_param("", "btid", &v, &n), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hex),
        cmocka_unit_test(percent),
        cmocka_unit_test(query),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
