/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the command line's parts: one file per area (iop-cli-<area>.c), each
 * with its own option entries and a handler, listed once in iop-cli.c. */

#include <gio/gio.h>

#include "iop-store.h"

G_BEGIN_DECLS

typedef struct {
  const GOptionEntry *entries;
  /* Returns TRUE when it ran a job (and set *exit_status), FALSE when none of its
   * options was given. */
  gboolean          (*handle) (GVariantDict *options,
                               int          *exit_status);
} IopCliArea;

char       *iop_cli_field          (const char    *text);
int         iop_cli_fail           (const char    *message);
IopStore   *iop_cli_open_store     (GError       **error);
char       *iop_cli_dup_output     (GVariantDict  *options);
gboolean    iop_cli_is_disclosure  (void);
gboolean    iop_cli_check_disclosure (IopStore    *store,
                                      gint64       participant_id,
                                      const char  *what,
                                      char       **notice,
                                      GError     **error);

extern const GOptionEntry iop_cli_sessions_entries[];
gboolean    iop_cli_sessions_handle (GVariantDict *options,
                                     int          *exit_status);
extern const GOptionEntry iop_cli_plans_entries[];
gboolean    iop_cli_plans_handle    (GVariantDict *options,
                                     int          *exit_status);
extern const GOptionEntry iop_cli_exchange_entries[];
gboolean    iop_cli_exchange_handle (GVariantDict *options,
                                     int          *exit_status);
extern const GOptionEntry iop_cli_cultural_entries[];
gboolean    iop_cli_cultural_handle (GVariantDict *options,
                                     int          *exit_status);
extern const GOptionEntry iop_cli_reports_entries[];
gboolean    iop_cli_reports_handle  (GVariantDict *options,
                                     int          *exit_status);

G_END_DECLS
