/*
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

double bench_rate(bench_fn fn, void *ctx, double target_ms)
{
    double rates[BENCH_RUNS], t0, dt;
    size_t iters = 16;
    int i;

    /* Calibrate: grow until one run takes at least target_ms / 4. */
    for (;;) {
        t0 = now_s();
        if (fn(ctx, iters) != 0) {
            fprintf(stderr, "bench: operation failed\n");
            exit(1);
        }
        dt = now_s() - t0;
        if (dt * 1000.0 >= target_ms / 4 || iters > (size_t)1 << 30)
            break;
        iters *= 2;
    }
    iters = (size_t)((double)iters * (target_ms / 1000.0) / (dt > 0 ? dt : 1e-9));
    if (iters == 0)
        iters = 1;
    for (i = 0; i < BENCH_RUNS; i++) {
        t0 = now_s();
        if (fn(ctx, iters) != 0) {
            fprintf(stderr, "bench: operation failed\n");
            exit(1);
        }
        dt = now_s() - t0;
        rates[i] = (double)iters / dt;
    }
    qsort(rates, BENCH_RUNS, sizeof(rates[0]), cmp_double);
    return rates[BENCH_RUNS / 2];
}

void bench_report(const char *name, double rate, double floor_rate,
                  const char *unit, const char *floor_desc)
{
    if (floor_rate > 0) {
        double ratio = floor_rate / rate;
        printf("%-28s %14.0f %-6s %8.3f  %s\n", name, rate, unit, ratio, floor_desc);
        printf("op=%s rate=%.0f floor_ratio=%.3f\n", name, rate, ratio);
    } else {
        printf("%-28s %14.2f %-6s %8s  %s\n", name, rate, unit, "-", floor_desc);
        printf("op=%s rate=%.2f\n", name, rate);
    }
    fflush(stdout);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("libutsec benchmarks: median of %d runs; floor_ratio = floor rate / "
           "op rate (1.0 = no overhead)\n\n", BENCH_RUNS);
    printf("%-28s %14s %-6s %8s  %s\n", "operation", "rate", "unit",
           "ratio", "floor");
    bench_gba();
    bench_aka();
    bench_tls();
    bench_digest();
    return 0;
}
