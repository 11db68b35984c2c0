/*
 * `make bench`: runs every module's benchmark.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
void bench_digest(void);

int main(void)
{
    bench_digest();
    return 0;
}
