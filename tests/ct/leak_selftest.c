/*
 * Negative control for `make ct-check`: two deliberate leaks that memcheck
 * must report (a branch on a secret and a table indexed by a secret). If
 * this program ever runs clean under valgrind, the ct harness is broken.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ct.h"

#include <stdint.h>

static const uint8_t table[256] = {1, 2, 3};

static int __attribute__((noinline)) leaky_equal(const uint8_t *a,
                                                  const uint8_t *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (a[i] != b[i]) /* early exit: timing depends on the secret */
            return 0;
    return 1;
}

static uint8_t __attribute__((noinline)) leaky_lookup(const volatile uint8_t *k)
{
    return table[k[0]]; /* address depends on the secret */
}

int main(void)
{
    uint8_t key[16] = {0}, guess[16] = {0};
    uint8_t v;
    int eq;

    CT_SECRET(key, sizeof(key));
    eq = leaky_equal(key, guess, sizeof(key));
    v = leaky_lookup(key);
    CT_PUBLISH(&eq, sizeof(eq));
    CT_PUBLISH(&v, sizeof(v));
    printf("selftest: %d %u\n", eq, (unsigned)v);
    return 0;
}
