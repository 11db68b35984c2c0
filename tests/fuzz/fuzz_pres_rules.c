/*
 * libFuzzer harness: pres-rules XML loader (libexpat) with small limits,
 * then the evaluator for a few watchers. Built only with WITH_EXPAT=1.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utsec/identity.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static utsec_id_rule_t rules[32];
    static utsec_id_ident_t idents[64];
    static utsec_id_validity_t validity[16];
    static char text[4096];
    static const char *const who[] = {"sip:bob@example.com", "sip:carol@example.com",
                                      "tel:+12015550123", NULL};
    utsec_id_xml_limits_t lim = {16384, 12, 131072};
    utsec_id_policy_t p;
    utsec_id_watcher_t w;
    utsec_id_sub_handling_t out;
    size_t k, peak = 0;

    memset(&p, 0, sizeof(p));
    p.rules = rules;
    p.max_rules = 32;
    p.idents = idents;
    p.max_idents = 64;
    p.validity = validity;
    p.max_validity = 16;
    p.text = text;
    p.text_size = sizeof(text);
    if (utsec_id_pres_rules_load((const char *)data, size, &lim, &p, &peak) != 0) {
        if (p.n_rules || p.n_idents || p.n_validity || p.text_used)
            abort();
        if (peak > lim.max_heap)
            abort();
        return 0;
    }
    if (peak > lim.max_heap)
        abort();
    for (k = 0; k < 4; k++) {
        memset(&w, 0, sizeof(w));
        w.anonymous = who[k] == NULL;
        if (who[k] != NULL) {
            w.identity.ptr = who[k];
            w.identity.len = strlen(who[k]);
        }
        w.sphere.ptr = "work";
        w.sphere.len = 4;
        w.now = 1780000000;
        if (utsec_id_policy_evaluate(&p, &w, &out) != 0 || out < UTSEC_ID_SUB_BLOCK ||
            out > UTSEC_ID_SUB_ALLOW)
            abort();
    }
    return 0;
}
