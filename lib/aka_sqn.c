/*
 * The USIM's sequence-number freshness check (TS 33.102 Annex C.2) and the
 * SQN = SEQ || IND layout (Annex C.1.1).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "aka_internal.h"

#include <string.h>

uint64_t utsec_aka_sqn_get(const uint8_t sqn[UTSEC_AKA_SQN_LEN])
{
    uint64_t v = 0;
    int i;

    for (i = 0; i < UTSEC_AKA_SQN_LEN; i++)
        v = v << 8 | sqn[i];
    return v;
}

void utsec_aka_sqn_put(uint64_t v, uint8_t sqn[UTSEC_AKA_SQN_LEN])
{
    int i;

    for (i = UTSEC_AKA_SQN_LEN - 1; i >= 0; i--) {
        sqn[i] = (uint8_t)(v & 0xFF);
        v >>= 8;
    }
}

static int state_valid(const utsec_aka_sqn_state_t *st)
{
    return st != NULL && st->ind_bits <= UTSEC_AKA_IND_BITS_MAX &&
           st->delta >= 1 && st->sqn_ms <= AKA_SQN_MAX;
}

UTSEC_API int utsec_aka_sqn_init(utsec_aka_sqn_state_t *st, unsigned ind_bits,
                                 uint64_t delta, uint64_t age_limit)
{
    if (st == NULL || ind_bits > UTSEC_AKA_IND_BITS_MAX || delta < 1)
        return UTSEC_ERR_INVALID_ARG;
    memset(st, 0, sizeof(*st));
    st->ind_bits = ind_bits;
    st->delta = delta;
    st->age_limit = age_limit;
    return 0;
}

UTSEC_API int utsec_aka_sqn_check(const utsec_aka_sqn_state_t *st,
                                  const uint8_t sqn[UTSEC_AKA_SQN_LEN])
{
    uint64_t v, seq, ind, seq_ms;

    if (!state_valid(st) || sqn == NULL)
        return UTSEC_ERR_INVALID_ARG;
    v = utsec_aka_sqn_get(sqn);
    seq = v >> st->ind_bits;
    ind = v & (((uint64_t)1 << st->ind_bits) - 1);
    seq_ms = st->sqn_ms >> st->ind_bits;
    /* C.2.1: wrap-around protection, SEQ - SEQ_MS <= Δ */
    if (seq > seq_ms && seq - seq_ms > st->delta)
        return UTSEC_ERR_SYNC_FAILURE;
    /* C.2.2 (optional): age limit, SEQ_MS - SEQ < L */
    if (st->age_limit != 0 && seq < seq_ms && seq_ms - seq >= st->age_limit)
        return UTSEC_ERR_SYNC_FAILURE;
    /* C.2.1: fresh only if SEQ > SEQ_MS(IND) */
    if (seq <= st->seq[ind])
        return UTSEC_ERR_SYNC_FAILURE;
    return 0;
}

UTSEC_API int utsec_aka_sqn_accept(utsec_aka_sqn_state_t *st,
                                   const uint8_t sqn[UTSEC_AKA_SQN_LEN])
{
    int rc = utsec_aka_sqn_check(st, sqn);

    if (rc == 0)
        utsec_aka_sqn_store(st, sqn);
    return rc;
}

void utsec_aka_sqn_store(utsec_aka_sqn_state_t *st, const uint8_t sqn[UTSEC_AKA_SQN_LEN])
{
    uint64_t v = utsec_aka_sqn_get(sqn);

    st->seq[v & (((uint64_t)1 << st->ind_bits) - 1)] = v >> st->ind_bits;
    if (v > st->sqn_ms)
        st->sqn_ms = v;
}

UTSEC_API int utsec_aka_sqn_compose(uint64_t seq, unsigned ind,
                                    unsigned ind_bits,
                                    uint8_t sqn[UTSEC_AKA_SQN_LEN])
{
    if (sqn == NULL || ind_bits > UTSEC_AKA_IND_BITS_MAX ||
        (uint64_t)ind >= ((uint64_t)1 << ind_bits) ||
        seq >= ((uint64_t)1 << (48 - ind_bits)))
        return UTSEC_ERR_INVALID_ARG;
    utsec_aka_sqn_put(seq << ind_bits | ind, sqn);
    return 0;
}
