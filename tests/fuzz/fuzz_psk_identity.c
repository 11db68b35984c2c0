/*
 * libFuzzer harness: the TLS PSK identity parser (untrusted: the
 * ClientKeyExchange of TS 33.222 §5.4). The first octet picks the policy
 * (accepted forms, separator); the rest is the identity. Checks: views stay
 * inside the input; parse -> build -> parse gives the same B-TID and key
 * variant, and the prefix-separator form rebuilds to the identical text.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/tls_psk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    utsec_tls_id_policy_t pol;
    utsec_tls_psk_id_t id, id2;
    char again[UTSEC_TLS_PSK_ID_SIZE];
    const char *text;
    size_t n;

    if (size < 1)
        return 0;
    memset(&pol, 0, sizeof(pol));
    pol.accept = data[0] & 0x3Fu;
    pol.separator = (data[0] & 0x40u) ? ':' : 0;
    text = (const char *)data + 1;
    size--;

    if (utsec_tls_psk_identity_parse(text, size, &pol, &id) != 0)
        return 0;
    if (id.btid < text || id.btid + id.btid_len > text + size || id.btid_len == 0 ||
        (unsigned)id.variant > UTSEC_TLS_KEY_DIGEST)
        abort();
    if (utsec_tls_psk_identity_build(id.btid, id.btid_len, id.variant, &pol, again,
                                     sizeof(again), &n) != 0)
        abort();
    if (id.form == UTSEC_TLS_ID_PREFIX_SEP && (n != size || memcmp(again, text, n) != 0))
        abort();
    pol.accept = UTSEC_TLS_ID_ALL | (pol.accept & UTSEC_TLS_ID_ANY_BTID);
    if (utsec_tls_psk_identity_parse(again, n, &pol, &id2) != 0 ||
        id2.variant != id.variant || id2.btid_len != id.btid_len ||
        memcmp(id2.btid, id.btid, id.btid_len) != 0)
        abort();
    return 0;
}
