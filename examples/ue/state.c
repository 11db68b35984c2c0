/*
 * ue: the state file, one "name value" line each (hex for binary values):
 *   impi, k, opc, sqn_ms, bsf_port, and after a bootstrapping btid, rand,
 *   ks, lifetime (Unix seconds). Written to a temporary file with mode 0600
 *   and renamed over the old one, so that it is never half-written.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ue.h"
#include "ex_text.h"

void ue_state_wipe(ue_state_t *st)
{
    utsec_wipe(st, sizeof(*st));
}

static int set_text(char *dst, size_t size, const char *v)
{
    size_t n = strlen(v);

    if (n == 0 || n >= size)
        return -1;
    memcpy(dst, v, n + 1);
    return 0;
}

static int parse_u64(const char *v, int base, uint64_t max, uint64_t *out)
{
    char *end;
    unsigned long long x;

    if (*v == '\0' || *v == '-')
        return -1;
    errno = 0;
    x = strtoull(v, &end, base);
    if (*end != '\0' || errno != 0 || x > max)
        return -1;
    *out = (uint64_t)x;
    return 0;
}

static int set_field(ue_state_t *st, const char *name, const char *v, unsigned *seen)
{
    uint64_t x;

    if (strcmp(name, "impi") == 0)
        return *seen |= 1, set_text(st->impi, sizeof(st->impi), v);
    if (strcmp(name, "k") == 0)
        return *seen |= 2, ex_hex_exact(v, st->k, sizeof(st->k));
    if (strcmp(name, "opc") == 0)
        return *seen |= 4, ex_hex_exact(v, st->opc, sizeof(st->opc));
    if (strcmp(name, "sqn_ms") == 0)
        return *seen |= 8, parse_u64(v, 16, 0xFFFFFFFFFFFFull, &st->sqn_ms);
    if (strcmp(name, "bsf_port") == 0) {
        *seen |= 16;
        if (parse_u64(v, 10, 65535, &x) != 0 || x == 0)
            return -1;
        st->bsf_port = (uint16_t)x;
        return 0;
    }
    if (strcmp(name, "btid") == 0)
        return *seen |= 32, set_text(st->btid, sizeof(st->btid), v);
    if (strcmp(name, "rand") == 0)
        return *seen |= 64, ex_hex_exact(v, st->rand, sizeof(st->rand));
    if (strcmp(name, "ks") == 0)
        return *seen |= 128, ex_hex_exact(v, st->ks, sizeof(st->ks));
    if (strcmp(name, "lifetime") == 0) {
        *seen |= 256;
        if (parse_u64(v, 10, (uint64_t)INT64_MAX, &x) != 0)
            return -1;
        st->lifetime = (int64_t)x;
        return 0;
    }
    return -1;
}

int ue_state_load(ue_state_t *st, const char *path)
{
    char line[512];
    unsigned seen = 0, lineno = 0;
    int rc = 0;
    FILE *f = fopen(path, "r");

    memset(st, 0, sizeof(*st));
    if (f == NULL) {
        fprintf(stderr, "ue: %s: %s (run 'ue --state FILE bootstrap' first)\n", path,
                strerror(errno));
        return -1;
    }
    while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
        char *sp = strchr(line, ' '), *nl = strchr(line, '\n');
        lineno++;
        if (nl == NULL || sp == NULL) {
            rc = -1;
            break;
        }
        *nl = '\0';
        *sp = '\0';
        rc = set_field(st, line, sp + 1, &seen);
    }
    utsec_wipe(line, sizeof(line));
    fclose(f);
    if (rc == 0 && (seen & 31) != 31)
        rc = -1;
    if (rc != 0) {
        fprintf(stderr, "ue: %s: malformed state file (line %u)\n", path, lineno);
        ue_state_wipe(st);
        return -1;
    }
    st->have_keys = (seen & 480) == 480;
    return 0;
}

int ue_state_save(const ue_state_t *st, const char *path)
{
    char buf[1024], tmp[4096], k[33], opc[33], rand[33], ks[65];
    int n, fd, rc = -1;

    if (strlen(path) + 5 > sizeof(tmp))
        return -1;
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    ex_hex_encode(st->k, 16, k);
    ex_hex_encode(st->opc, 16, opc);
    n = snprintf(buf, sizeof(buf), "impi %s\nk %s\nopc %s\nsqn_ms %012llx\nbsf_port %u\n",
                 st->impi, k, opc, (unsigned long long)st->sqn_ms, (unsigned)st->bsf_port);
    if (n > 0 && (size_t)n < sizeof(buf) && st->have_keys) {
        ex_hex_encode(st->rand, 16, rand);
        ex_hex_encode(st->ks, 32, ks);
        n += snprintf(buf + n, sizeof(buf) - (size_t)n, "btid %s\nrand %s\nks %s\nlifetime %lld\n",
                      st->btid, rand, ks, (long long)st->lifetime);
    }
    if (n > 0 && (size_t)n < sizeof(buf)) {
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            if (fchmod(fd, 0600) == 0 && write(fd, buf, (size_t)n) == n && fsync(fd) == 0)
                rc = 0;
            if (close(fd) != 0)
                rc = -1;
            if (rc == 0 && rename(tmp, path) != 0)
                rc = -1;
            if (rc != 0)
                unlink(tmp);
        }
    }
    if (rc != 0)
        fprintf(stderr, "ue: cannot write %s: %s\n", path, strerror(errno));
    utsec_wipe(buf, sizeof(buf));
    utsec_wipe(k, sizeof(k));
    utsec_wipe(opc, sizeof(opc));
    utsec_wipe(ks, sizeof(ks));
    return rc;
}
