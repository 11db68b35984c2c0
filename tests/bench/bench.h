/*
 * `make bench`: each operation's rate and its ratio to the floor it is
 * built on (the raw mbedTLS primitive calls it cannot avoid). Rates are the
 * median of BENCH_RUNS timed runs; the ratio is floor_rate / op_rate
 * (1.0 = no overhead over the raw primitive).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_BENCH_H
#define UTSEC_BENCH_H

#include <stddef.h>

#define BENCH_RUNS 7

/* Runs `iters` operations; returns non-zero on failure. */
typedef int (*bench_fn)(void *ctx, size_t iters);

/* Median operations per second of fn over BENCH_RUNS runs of about
 * `target_ms` milliseconds each (the iteration count is calibrated). */
double bench_rate(bench_fn fn, void *ctx, double target_ms);

/* Print the table row and the machine-readable line. `unit` is "ops/s" or
 * "MB/s"; floor_rate 0 means "no floor". */
void bench_report(const char *name, double rate, double floor_rate,
                  const char *unit, const char *floor_desc);

/* Module benchmarks (tests/bench/bench_<module>.c). */
void bench_gba(void);
void bench_aka(void);
void bench_tls(void);
void bench_digest(void);

#endif
