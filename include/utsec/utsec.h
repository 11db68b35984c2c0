/**
 * \file utsec.h
 * \brief libutsec umbrella header: includes common.h (version, error codes,
 *        utsec_strerror(), RNG and time injection, byte helpers) and every
 *        module header.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef UTSEC_UTSEC_H
#define UTSEC_UTSEC_H

#include "utsec/common.h"

#include "utsec/gba.h"
#include "utsec/aka.h"
#include "utsec/bootstrap.h"
#include "utsec/tls_psk.h"
#include "utsec/identity.h"
#include "utsec/digest.h"

#endif /* UTSEC_UTSEC_H */
