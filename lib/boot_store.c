/*
 * BSF bootstrapping contexts (TS 33.220 §4.5.2) and the in-memory store:
 * a caller-provided array, bounded, with expiry.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "crypto.h"
#include "utsec/bootstrap.h"

#include <string.h>

static int printable(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7F)
            return 0;
    return 1;
}

UTSEC_API void utsec_boot_ctx_wipe(utsec_boot_ctx_t *c)
{
    utsec_wipe(c, c != NULL ? sizeof(*c) : 0);
}

UTSEC_API int utsec_boot_ctx_set(utsec_boot_ctx_t *c, const char *btid,
                                 size_t btid_len, const uint8_t rand[16],
                                 const uint8_t ks[32], const char *impi,
                                 size_t impi_len, int64_t boot_time,
                                 int64_t lifetime)
{
    if (c == NULL)
        return UTSEC_ERR_INVALID_ARG;
    utsec_boot_ctx_wipe(c);
    if (btid == NULL || rand == NULL || ks == NULL || impi == NULL ||
        btid_len == 0 || impi_len == 0 || !printable(btid, btid_len) ||
        memchr(impi, '\0', impi_len) != NULL || lifetime <= boot_time)
        return UTSEC_ERR_INVALID_ARG;
    if (btid_len > UTSEC_BOOT_BTID_MAX || impi_len > UTSEC_BOOT_IMPI_MAX)
        return UTSEC_ERR_TOO_LONG;
    memcpy(c->btid, btid, btid_len);
    c->btid_len = btid_len;
    memcpy(c->rand, rand, sizeof(c->rand));
    memcpy(c->ks, ks, sizeof(c->ks));
    memcpy(c->impi, impi, impi_len);
    c->impi_len = impi_len;
    c->boot_time = boot_time;
    c->lifetime = lifetime;
    return 0;
}

UTSEC_API int utsec_boot_ctx_add_id(utsec_boot_ctx_t *c, const char *id,
                                    size_t id_len)
{
    if (c == NULL || id == NULL || id_len == 0 ||
        memchr(id, '\0', id_len) != NULL)
        return UTSEC_ERR_INVALID_ARG;
    if (id_len > UTSEC_BOOT_ID_MAX)
        return UTSEC_ERR_TOO_LONG;
    if (c->n_ids == UTSEC_BOOT_MAX_IDS)
        return UTSEC_ERR_TOO_MANY;
    memcpy(c->ids[c->n_ids], id, id_len);
    c->ids[c->n_ids][id_len] = '\0';
    c->n_ids++;
    return 0;
}

static int64_t mem_now(const utsec_boot_mem_t *m)
{
    return m->now != NULL ? m->now(m->now_ctx) : utsec_time_now(NULL);
}

/* Slot holding btid, or NULL. B-TIDs are not secret: a plain compare. */
static utsec_boot_ctx_t *find(utsec_boot_mem_t *m, const char *btid,
                              size_t len)
{
    size_t i;

    for (i = 0; len > 0 && i < m->capacity; i++)
        if (m->slots[i].btid_len == len &&
            memcmp(m->slots[i].btid, btid, len) == 0)
            return &m->slots[i];
    return NULL;
}

static int mem_put(void *ctx, const utsec_boot_ctx_t *c)
{
    utsec_boot_mem_t *m = ctx;
    utsec_boot_ctx_t *slot;
    size_t i;

    if (c == NULL || c->btid_len == 0 || c->btid_len > UTSEC_BOOT_BTID_MAX)
        return UTSEC_ERR_INVALID_ARG;
    slot = find(m, c->btid, c->btid_len);
    if (slot == NULL) {
        int64_t now = mem_now(m);

        /* The first free or expired slot; full of live contexts: evict
         * the first to expire. */
        slot = &m->slots[0];
        for (i = 0; i < m->capacity; i++) {
            utsec_boot_ctx_t *s = &m->slots[i];
            if (s->btid_len == 0 || s->lifetime <= now) {
                slot = s;
                break;
            }
            if (s->lifetime < slot->lifetime)
                slot = s;
        }
    }
    if (slot != c) /* every byte of the old context overwritten */
        memcpy(slot, c, sizeof(*slot));
    return 0;
}

static int mem_get(void *ctx, const char *btid, size_t len,
                   utsec_boot_ctx_t *out)
{
    utsec_boot_mem_t *m = ctx;
    utsec_boot_ctx_t *slot;

    if (btid == NULL || out == NULL)
        return UTSEC_ERR_INVALID_ARG;
    slot = find(m, btid, len);
    if (slot == NULL)
        return UTSEC_ERR_NOT_FOUND;
    if (slot->lifetime <= mem_now(m)) {
        utsec_boot_ctx_wipe(slot);
        return UTSEC_ERR_EXPIRED;
    }
    memcpy(out, slot, sizeof(*out));
    return 0;
}

static int mem_remove(void *ctx, const char *btid, size_t len)
{
    utsec_boot_mem_t *m = ctx;
    utsec_boot_ctx_t *slot;

    if (btid == NULL)
        return UTSEC_ERR_INVALID_ARG;
    slot = find(m, btid, len);
    if (slot == NULL)
        return UTSEC_ERR_NOT_FOUND;
    utsec_boot_ctx_wipe(slot);
    return 0;
}

UTSEC_API int utsec_boot_mem_init(utsec_boot_mem_t *m, utsec_boot_ctx_t *slots,
                                  size_t capacity, utsec_time_fn now,
                                  void *now_ctx, utsec_boot_store_t *store)
{
    if (m == NULL || slots == NULL || capacity == 0 || store == NULL)
        return UTSEC_ERR_INVALID_ARG;
    m->slots = slots;
    m->capacity = capacity;
    m->now = now;
    m->now_ctx = now_ctx;
    utsec_boot_mem_free(m); /* every slot empty */
    store->put = mem_put;
    store->get = mem_get;
    store->remove = mem_remove;
    store->ctx = m;
    return 0;
}

UTSEC_API void utsec_boot_mem_free(utsec_boot_mem_t *m)
{
    size_t i;

    if (m == NULL || m->slots == NULL)
        return;
    for (i = 0; i < m->capacity; i++)
        utsec_boot_ctx_wipe(&m->slots[i]);
}
