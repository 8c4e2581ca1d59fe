/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-store.h"

G_BEGIN_DECLS

/**
 * IopSignInMode:
 * @IOP_SIGN_IN_MODE_SIGN_IN: a staff member signs in
 * @IOP_SIGN_IN_MODE_SETUP: the first start creates the administrator
 * @IOP_SIGN_IN_MODE_LOCKED: the signed-in staff member unlocks
 */
typedef enum {
  IOP_SIGN_IN_MODE_SIGN_IN,
  IOP_SIGN_IN_MODE_SETUP,
  IOP_SIGN_IN_MODE_LOCKED,
} IopSignInMode;

#define IOP_TYPE_SIGN_IN (iop_sign_in_get_type ())
G_DECLARE_FINAL_TYPE (IopSignIn, iop_sign_in, IOP, SIGN_IN, AdwBin)

GtkWidget     *iop_sign_in_new            (IopStore      *store);
void           iop_sign_in_set_mode       (IopSignIn     *self,
                                           IopSignInMode  mode);
IopSignInMode  iop_sign_in_get_mode       (IopSignIn     *self);
void           iop_sign_in_fill           (IopSignIn     *self,
                                           const char    *full_name,
                                           const char    *username,
                                           const char    *passphrase);
gboolean       iop_sign_in_submit         (IopSignIn     *self);
const char    *iop_sign_in_get_error_text (IopSignIn     *self);

G_END_DECLS
