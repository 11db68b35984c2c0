/*
 * Constant-time check helpers (docs/hardening.md, `make ct-check`).
 *
 * A ct_<module>.c program marks its secrets "undefined" for valgrind
 * memcheck, runs the secret-handling calls, and publishes (marks defined)
 * only what the protocol itself reveals: the boolean of a comparison, a
 * MAC or identifier sent on the wire. memcheck then reports every
 * conditional branch, conditional move and memory address that was computed
 * from a secret ("Conditional jump or move depends on uninitialised
 * value(s)", "Use of uninitialised value of size 8"); `make ct-check`
 * requires zero reports. Outside valgrind the markers are no-ops and the
 * program only checks the results.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_TESTS_CT_H
#define UTSEC_TESTS_CT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/memcheck.h>

/* Mark n octets at p as secret: any later use of them to branch or to index
 * memory is reported. */
#define CT_SECRET(p, n) ((void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)))
/* The protocol legitimately reveals these n octets (e.g. a compare result):
 * stop tracking them. */
#define CT_PUBLISH(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))

static int ct_failed __attribute__((unused));

/* A functional check, made after publishing the value it looks at (so that
 * the check itself is not reported as a leak). */
#define CT_EXPECT(cond)                                                       \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,  \
                    #cond);                                                   \
            ct_failed = 1;                                                    \
        }                                                                     \
    } while (0)

/* Run a case; the name goes to stderr so that valgrind reports can be
 * attributed to it. */
#define CT_RUN(fn)                                                            \
    do {                                                                      \
        fprintf(stderr, "ct: %s\n", #fn);                                     \
        fn();                                                                 \
    } while (0)

/* Exit status of a ct program: the functional checks only; valgrind's
 * --error-exitcode reports the leaks. */
#define CT_DONE() (ct_failed ? EXIT_FAILURE : EXIT_SUCCESS)

#endif
