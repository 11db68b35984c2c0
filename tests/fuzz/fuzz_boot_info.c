/*
 * libFuzzer harness: BootstrappingInfo XML (TS 24.109 Annex C), untrusted
 * on the UE. Round trip: parse -> format -> parse gives the same values.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/bootstrap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    utsec_boot_info_t a, b;
    char doc[UTSEC_BOOT_INFO_FORMAT_MAX];
    size_t n;

    if (utsec_boot_info_parse((const char *)data, size, &a) != 0)
        return 0;
    if (a.btid_len == 0 || a.btid_len > UTSEC_BOOT_BTID_MAX ||
        strlen(a.btid) != a.btid_len)
        abort();
    if (utsec_boot_info_format(a.btid, a.btid_len, a.lifetime,
                               a.has_current_time ? &a.current_time : NULL,
                               doc, sizeof(doc), &n) != 0 ||
        utsec_boot_info_parse(doc, n, &b) != 0 || b.btid_len != a.btid_len ||
        memcmp(a.btid, b.btid, a.btid_len) != 0 || a.lifetime != b.lifetime ||
        a.has_current_time != b.has_current_time ||
        (a.has_current_time && a.current_time != b.current_time))
        abort();
    return 0;
}
