/*
 * ue: the phone of the lab (examples/README.md): Ub bootstrapping with a
 * software USIM (ub.c), the bootstrapping context kept in a state file
 * (state.c), and the Ua requests to the AP over TLS-PSK or HTTPS + Digest
 * (ua.c).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UE_UE_H
#define UE_UE_H

#include <stdint.h>

#include "utsec/bootstrap.h"

#define UE_BSF_HOST "bsf.example.net"
#define UE_NAF_FQDN "ap.example.net"

/* What the state file holds: the subscription (the USIM's K, OPc and
 * SQN_MS, the IMPI), where the BSF is, and the bootstrapping context
 * (B-TID, RAND, Ks, key lifetime). A demo stand-in for the ME's memory
 * and the card: K, OPc and Ks are secret (file mode 0600). */
typedef struct ue_state {
    char impi[UTSEC_BOOT_IMPI_MAX + 1];
    uint8_t k[16];
    uint8_t opc[16];
    uint64_t sqn_ms;            /* the USIM's highest accepted SQN */
    uint16_t bsf_port;
    int have_keys;              /* B-TID, RAND, Ks, lifetime valid */
    char btid[UTSEC_BOOT_BTID_MAX + 1];
    uint8_t rand[16];
    uint8_t ks[32];
    int64_t lifetime;
} ue_state_t;

/* state.c: load (0, or -1 with a message) and save atomically with mode
 * 0600 (0 or -1). Wipe the state with ue_state_wipe(). */
int ue_state_load(ue_state_t *st, const char *path);
int ue_state_save(const ue_state_t *st, const char *path);
void ue_state_wipe(ue_state_t *st);


/* ub.c: run Ub against the BSF on st->bsf_port with the stored
 * subscription; on success fills the context fields of st (and SQN_MS in
 * every case). *last_status receives the last HTTP status (0 if none).
 * 0, or a negative libutsec code / -1 for I/O (message printed). */
int ue_bootstrap(ue_state_t *st, int *last_status);

/* ua.c: the Ua commands. */
typedef enum ue_cmd { UE_PUT, UE_GET, UE_DELETE, UE_WATCHER } ue_cmd_t;

typedef struct ue_ua_opts {
    ue_cmd_t cmd;
    int psk;                    /* 1: TLS-PSK, 0: HTTPS + Digest */
    uint16_t ap_port;
    const char *ca;
    const char *xui, *doc, *out, *watcher, *intended, *forge;
    int replay, use_expired;
} ue_ua_opts_t;

/* Run one Ua command with the state in st (saved to path after a
 * renegotiation). Prints the transcript and the final lines; returns the
 * exit code (0, 1). */
int ue_ua_run(ue_state_t *st, const char *path, const ue_ua_opts_t *o);

#endif
