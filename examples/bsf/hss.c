/*
 * The subscriber table and the HSS calls of the BSF (see hss.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "hss.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ex_text.h"

#define SQN_MAX ((uint64_t)1 << 48)
static const uint8_t amf[UTSEC_AKA_AMF_LEN] = {0x00, 0x00};

/* 1..12 hex digits: a 48-bit SQN. */
static int parse_sqn(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    size_t i, n = strlen(s);

    if (n == 0 || n > 12)
        return -1;
    for (i = 0; i < n; i++) {
        int d = ex_hexval(s[i]);
        if (d < 0)
            return -1;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return 0;
}

static void sqn_bytes(uint64_t v, uint8_t out[UTSEC_AKA_SQN_LEN])
{
    int i;

    for (i = UTSEC_AKA_SQN_LEN - 1; i >= 0; i--, v >>= 8)
        out[i] = (uint8_t)(v & 0xFF);
}

static int parse_impus(hss_sub_t *s, char *list)
{
    char *save = NULL, *tok;

    for (tok = strtok_r(list, ",", &save); tok != NULL;
         tok = strtok_r(NULL, ",", &save)) {
        size_t n = strlen(tok);
        if (n == 0 || n > UTSEC_BOOT_ID_MAX || s->n_impu == UTSEC_BOOT_MAX_IDS)
            return -1;
        memcpy(s->impu[s->n_impu++], tok, n + 1);
    }
    return s->n_impu > 0 ? 0 : -1;
}

static int parse_line(hss_t *h, char *line)
{
    char *f[7], *save = NULL, *end;
    uint8_t k[16], opc[16];
    hss_sub_t *s;
    size_t n = 0;
    long long lt;
    int rc = -1;

    f[0] = strtok_r(line, " \t\r\n", &save);
    while (n < 6 && f[n] != NULL) {
        n++;
        f[n] = strtok_r(NULL, " \t\r\n", &save);
    }
    if (n == 0)
        return 0; /* blank */
    if (n != 6 || f[6] != NULL || h->n_subs == HSS_MAX_SUBS)
        return -1;
    s = &h->subs[h->n_subs];
    memset(s, 0, sizeof(*s));
    utsec_aka_key_init(&s->key);
    errno = 0;
    lt = strtoll(f[4], &end, 10);
    if (strlen(f[0]) == 0 || strlen(f[0]) > UTSEC_BOOT_IMPI_MAX ||
        ex_hex_exact(f[1], k, 16) != 0 || ex_hex_exact(f[2], opc, 16) != 0 ||
        parse_sqn(f[3], &s->sqn) != 0 || *end != '\0' || errno != 0 ||
        lt < 1 || lt > 10L * 365 * 86400 || parse_impus(s, f[5]) != 0)
        goto out;
    memcpy(s->impi, f[0], strlen(f[0]) + 1);
    s->lifetime = (int64_t)lt;
    if (utsec_aka_key_setup_milenage(&s->key, k, opc, 0, 8) != 0)
        goto out;
    h->n_subs++;
    rc = 0;
out:
    utsec_wipe(k, sizeof(k));
    utsec_wipe(opc, sizeof(opc));
    if (rc != 0)
        utsec_aka_key_free(&s->key);
    return rc;
}

int hss_load(hss_t *h, const char *path, utsec_rng_fn rng, void *rng_ctx)
{
    char line[1024];
    unsigned lineno = 0;
    FILE *f = fopen(path, "r");

    h->rng = rng;
    h->rng_ctx = rng_ctx;
    if (f == NULL) {
        fprintf(stderr, "bsf: %s: %s\n", path, strerror(errno));
        return -1;
    }
    while (fgets(line, sizeof(line), f) != NULL) {
        char *hash = strchr(line, '#');
        lineno++;
        if (strchr(line, '\n') == NULL && !feof(f)) {
            fprintf(stderr, "bsf: %s:%u: line too long\n", path, lineno);
            break;
        }
        if (hash != NULL)
            *hash = '\0';
        if (parse_line(h, line) != 0) {
            fprintf(stderr, "bsf: %s:%u: bad subscriber line\n", path, lineno);
            break;
        }
    }
    utsec_wipe(line, sizeof(line));
    if (!feof(f) || ferror(f)) {
        fclose(f);
        return -1;
    }
    fclose(f);
    if (h->n_subs == 0) {
        fprintf(stderr, "bsf: %s: no subscribers\n", path);
        return -1;
    }
    return 0;
}

void hss_free(hss_t *h)
{
    size_t i;

    for (i = 0; i < h->n_subs; i++)
        utsec_aka_key_free(&h->subs[i].key);
    utsec_wipe(h, sizeof(*h));
}

static hss_sub_t *find(hss_t *h, const char *impi, size_t len)
{
    size_t i;

    for (i = 0; i < h->n_subs; i++)
        if (strlen(h->subs[i].impi) == len && memcmp(h->subs[i].impi, impi, len) == 0)
            return &h->subs[i];
    return NULL;
}

/* A vector with the subscriber's next SQN (TS 33.102 §6.3.2). */
static int next_vector(hss_t *h, hss_sub_t *s, utsec_aka_vector_t *av)
{
    uint8_t sqn[UTSEC_AKA_SQN_LEN];
    int rc;

    if (s->sqn + 1 >= SQN_MAX)
        return UTSEC_ERR_SQN_EXHAUSTED;
    sqn_bytes(s->sqn, sqn);
    rc = utsec_aka_vector_generate(&s->key, h->rng, h->rng_ctx, sqn, amf, av);
    if (rc == 0)
        s->sqn++;
    return rc;
}

int hss_av(void *ctx, const char *impi, size_t impi_len, utsec_aka_vector_t *av)
{
    hss_t *h = ctx;
    hss_sub_t *s = find(h, impi, impi_len);

    if (s == NULL)
        return UTSEC_ERR_NOT_FOUND;
    printf("bsf    HSS: vector for %s with SQN %012llx\n", s->impi,
           (unsigned long long)s->sqn);
    fflush(stdout);
    return next_vector(h, s, av);
}

/* TS 33.102 §6.3.5: verify MAC-S, continue after SQN_MS. */
int hss_resync(void *ctx, const char *impi, size_t impi_len,
               const uint8_t rand[UTSEC_AKA_RAND_LEN],
               const uint8_t auts[UTSEC_AKA_AUTS_LEN], utsec_aka_vector_t *av)
{
    hss_t *h = ctx;
    hss_sub_t *s = find(h, impi, impi_len);
    uint8_t sqn_ms[UTSEC_AKA_SQN_LEN], next[UTSEC_AKA_SQN_LEN];
    uint64_t v = 0;
    int rc, i;

    if (s == NULL)
        return UTSEC_ERR_NOT_FOUND;
    rc = utsec_aka_resync(&s->key, rand, auts, 0, sqn_ms, next);
    if (rc != 0) {
        printf("bsf    HSS: AUTS from %s refused: %s\n", s->impi, utsec_strerror(rc));
        fflush(stdout);
        return rc;
    }
    for (i = 0; i < UTSEC_AKA_SQN_LEN; i++)
        v = v << 8 | next[i];
    printf("bsf    HSS: AUTS verified for %s, SQN %012llx -> %012llx\n", s->impi,
           (unsigned long long)s->sqn, (unsigned long long)v);
    fflush(stdout);
    s->sqn = v;
    return next_vector(h, s, av);
}

/* The user security settings: IMPUs and this subscriber's key lifetime. */
int hss_uss(void *ctx, utsec_boot_ctx_t *c)
{
    hss_t *h = ctx;
    hss_sub_t *s = find(h, c->impi, c->impi_len);
    size_t i;
    int rc;

    if (s == NULL)
        return UTSEC_ERR_NOT_FOUND;
    for (i = 0; i < s->n_impu; i++) {
        rc = utsec_boot_ctx_add_id(c, s->impu[i], strlen(s->impu[i]));
        if (rc != 0)
            return rc;
    }
    c->lifetime = c->boot_time + s->lifetime;
    return 0;
}
